"""The stored graph as RDF, typed by the ontology and checked against its SHACL shapes.

Nodes become ``hgid:<Class>/<id>`` resources; relations become ``hg:<RELATION>`` triples,
and a relation with properties (evidence quotes, spans) is also reified as an
``rdf:Statement`` carrying them. Statement classes add their Wikidata-style shortcut
(``person wdt:P166 honour``); ModelWorker membership is derived here.
"""
from __future__ import annotations

import hashlib
from typing import Any

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from graph.store import Edge, GraphStore
from honours.errors import StoreError
from ontology.owl import HG, ID, PREFIXES, XSD_TYPES, align_uri, shapes_graph
from ontology.schema import NodeClass, Ontology, Property, load_ontology


def node_uri(label: str, id_: str) -> URIRef:
    """The URI of node ``id_`` of class ``label``."""
    return ID[f"{label}/{id_}"]


def _literals(prop: Property, value: Any) -> list[Literal]:
    values = value if isinstance(value, list) else [value]
    return [Literal(v, datatype=XSD_TYPES[prop.type]) for v in values if v is not None]


def _add_node(g: Graph, cls: NodeClass, row: dict[str, Any]) -> None:
    subject = node_uri(cls.name, row["id"])
    g.add((subject, RDF.type, HG[cls.name]))
    g.add((subject, HG.id, Literal(row["id"])))
    if row.get("kind") and row["kind"] in (cls.extra.get("kinds") or {}):
        g.add((subject, RDF.type, HG[row["kind"]]))
    for prop in cls.properties:
        for literal in _literals(prop, row.get(prop.name)):
            g.add((subject, HG[prop.name], literal))
            if prop.align.get("rdfs") == "label":
                g.add((subject, RDFS.label, Literal(str(literal), lang="zh")))


def _add_edge(g: Graph, onto: Ontology, edge: Edge) -> None:
    s, o = node_uri(edge.src_label, edge.src), node_uri(edge.dst_label, edge.dst)
    g.add((s, HG[edge.rel], o))
    rel = onto.relations[edge.rel]
    if not rel.properties:
        return
    key = "\x1f".join([edge.src, edge.dst] + [str(edge.props.get(k)) for k in rel.key])
    stmt = ID[f"{edge.rel}/{hashlib.sha256(key.encode()).hexdigest()[:20]}"]
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, s))
    g.add((stmt, RDF.predicate, HG[edge.rel]))
    g.add((stmt, RDF.object, o))
    for prop in rel.properties:
        for literal in _literals(prop, edge.props.get(prop.name)):
            g.add((stmt, HG[prop.name], literal))


def _shortcuts(g: Graph, onto: Ontology, edges: list[Edge]) -> None:
    ends: dict[tuple[str, str], list[URIRef]] = {}
    for e in edges:
        ends.setdefault((e.rel, e.src), []).append(node_uri(e.dst_label, e.dst))
    for cls in onto.tables():
        if not cls.shortcut:
            continue
        predicates = [align_uri(v, t) for v, t in cls.shortcut["align"].items()]
        for e in edges:
            if e.src_label != cls.name or e.rel != cls.shortcut["from"]:
                continue
            for target in ends.get((cls.shortcut["to"], e.src), []):
                for predicate in predicates:
                    g.add((node_uri(e.dst_label, e.dst), predicate, target))


def _derived(g: Graph, onto: Ontology, edges: list[Edge], honours: dict[str, dict[str, Any]]) -> None:
    for cls in onto.classes.values():
        if not cls.derived:
            continue
        first, second = cls.derived["via"]
        words, ladders = cls.derived.get("honour_matches") or [], cls.derived.get("honour_ladders") or []

        def qualifies(honour: dict[str, Any]) -> bool:
            return honour.get("ladder") in ladders or any(w in (honour.get("name") or "") for w in words)

        good = {e.src for e in edges if e.rel == second and qualifies(honours.get(e.dst, {}))}
        for e in edges:
            if e.rel == first and e.src in good and e.dst_label == cls.derived["from"]:
                g.add((node_uri(e.dst_label, e.dst), RDF.type, HG[cls.name]))


def store_to_rdf(store: GraphStore, onto: Ontology | None = None) -> Graph:
    """The whole store as an RDF graph."""
    onto = onto or load_ontology()
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    honours: dict[str, dict[str, Any]] = {}
    for cls in onto.tables():
        for row in store.nodes(cls.name):
            _add_node(g, cls, row)
            if cls.name == "Honour":
                honours[row["id"]] = row
    edges = list(store.edges())
    for edge in edges:
        _add_edge(g, onto, edge)
    _shortcuts(g, onto, edges)
    _derived(g, onto, edges, honours)
    return g


def validate(data: Graph, onto: Ontology | None = None) -> tuple[bool, str]:
    """Check ``data`` against the ontology's SHACL shapes: (conforms, report text)."""
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph(onto), inference="none",
                                         advanced=False, allow_warnings=True)
    return bool(conforms), str(text)


def check(data: Graph, onto: Ontology | None = None) -> None:
    """Raise StoreError with the first violations when ``data`` does not conform."""
    conforms, report = validate(data, onto)
    if not conforms:
        lines = [l.strip() for l in report.splitlines() if "Message:" in l or "Focus Node:" in l]
        raise StoreError("the RDF export does not conform to the ontology's SHACL shapes: "
                         + "; ".join(lines[:6]))
