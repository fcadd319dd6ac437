"""Export a store: RDF (Turtle, JSON-LD; SHACL-validated), GraphML and GEXF via networkx,
a CSV bundle for ``neo4j-admin database import full``, and a Cypher script for cypher-shell.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph import cypher
from graph.rdf import check, node_uri, store_to_rdf
from graph.store import GraphStore
from honours.errors import StoreError
from ontology.schema import Ontology, load_ontology

NEO4J_CSV_TYPES = {"string": "", "int": ":long", "float": ":double", "bool": ":boolean", "string[]": ":string[]"}
ARRAY_DELIMITER = ";"
SCRIPT_BATCH = 200


def to_networkx(store: GraphStore, onto: Ontology | None = None) -> nx.MultiDiGraph:
    """The store as a networkx multigraph; list values as JSON text, missing values left out."""
    onto = onto or load_ontology()
    g = nx.MultiDiGraph()
    for cls in onto.tables():
        for row in store.nodes(cls.name):
            attrs = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
                     for k, v in row.items() if v is not None and k != "id"}
            name = row.get("name") or row.get("title") or row.get("path") or row["id"]
            g.add_node(row["id"], **attrs, **{"class": cls.name, "label": str(name)})
    for e in store.edges():
        attrs = {k: v for k, v in e.props.items() if v is not None}
        g.add_edge(e.src, e.dst, key=e.rel, type=e.rel, **attrs)
    return g


def write_neo4j_csv(store: GraphStore, out: Path, onto: Ontology | None = None) -> Path:
    """A directory of typed-header CSV files and ``import.sh`` for neo4j-admin."""
    onto = onto or load_ontology()
    out.mkdir(parents=True, exist_ok=True)
    args = []
    for cls in onto.tables():
        header = ["id:ID"] + [p.name + NEO4J_CSV_TYPES[p.type] for p in cls.properties] + [":LABEL"]
        rows = ([row["id"]] + [_csv_value(row.get(p.name)) for p in cls.properties] + [cls.name]
                for row in store.nodes(cls.name))
        _write_csv(out / f"nodes_{cls.name}.csv", header, rows)
        args.append(f"--nodes={cls.name}=nodes_{cls.name}.csv")
    by_rel: dict[str, list[list[Any]]] = {r: [] for r in onto.relations}
    for e in store.edges():
        props = onto.relations[e.rel].properties
        by_rel[e.rel].append([e.src, e.dst, e.rel] + [_csv_value(e.props.get(p.name)) for p in props])
    for name, rows in by_rel.items():
        rel = onto.relations[name]
        header = [":START_ID", ":END_ID", ":TYPE"] + [p.name + NEO4J_CSV_TYPES[p.type] for p in rel.properties]
        _write_csv(out / f"rels_{name}.csv", header, rows)
        args.append(f"--relationships={name}=rels_{name}.csv")
    script = ("#!/bin/sh\n# Load this bundle into an empty Neo4j 5 database (stop the database first).\n"
              'cd "$(dirname "$0")"\nneo4j-admin database import full "${1:-neo4j}" --overwrite-destination '
              f"--multiline-fields=true --array-delimiter='{ARRAY_DELIMITER}' \\\n  " + " \\\n  ".join(args) + "\n")
    (out / "import.sh").write_text(script, encoding="utf-8")
    (out / "import.sh").chmod(0o755)
    return out


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v) for v in value)
    return "" if value is None else value


def _write_csv(path: Path, header: list[str], rows: Any) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a string, number, boolean, null, list or map."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{cypher.q(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    text = str(value)
    escaped = "".join(_ESCAPES.get(c, c if c >= " " else f"\\u{ord(c):04x}") for c in text)
    return f"'{escaped}'"


_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def cypher_script(store: GraphStore, onto: Ontology | None = None) -> str:
    """A plain Cypher script (constraints, then batched MERGEs with literal rows) for cypher-shell."""
    onto = onto or load_ontology()
    out = [s + ";" for s in cypher.neo4j_schema(onto)]
    for cls in onto.tables():
        rows = list(store.nodes(cls.name))
        for i in range(0, len(rows), SCRIPT_BATCH):
            dialect = cypher.Dialect(f"UNWIND {cypher_literal(rows[i:i + SCRIPT_BATCH])} AS r", "r.`{}`")
            out.append(cypher.node_upsert(cls, dialect) + ";")
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for e in store.edges():
        groups.setdefault((e.rel, e.src_label, e.dst_label), []).append({"src": e.src, "dst": e.dst, **e.props})
    for (rel, src, dst), rows in groups.items():
        for i in range(0, len(rows), SCRIPT_BATCH):
            dialect = cypher.Dialect(f"UNWIND {cypher_literal(rows[i:i + SCRIPT_BATCH])} AS r", "r.`{}`")
            out.append(cypher.edge_upsert(onto.relations[rel], src, dst, dialect) + ";")
    return "\n".join(out) + "\n"


def export_store(store: GraphStore, fmt: str, out: str | Path) -> Path:
    """Write the store to ``out`` in format ``fmt``; RDF is validated first. Returns the path."""
    out = Path(out)
    if fmt != "neo4j-csv" and out.parent and not out.parent.exists():
        raise StoreError(f"cannot write {out}: directory {out.parent} does not exist")
    try:
        if fmt in ("ttl", "jsonld"):
            graph = store_to_rdf(store)
            check(graph)
            graph.serialize(out, format="turtle" if fmt == "ttl" else "json-ld", encoding="utf-8")
        elif fmt in ("graphml", "gexf"):
            (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(to_networkx(store), out)
        elif fmt == "neo4j-csv":
            write_neo4j_csv(store, out)
        elif fmt == "cypher":
            out.write_text(cypher_script(store), encoding="utf-8")
        else:
            raise StoreError(f"unknown export format {fmt!r}")
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc.strerror or exc}") from None
    return out


__all__ = ["cypher_literal", "cypher_script", "export_store", "node_uri", "to_networkx", "write_neo4j_csv"]
