"""Loading speed: documents through ``GraphStore.upsert_many`` vs a raw ``COPY FROM`` of the same rows.

The reference is the physical limit of LadybugDB: the rows the store ended up holding,
copied into an empty database with the same schema, no MERGE, no identity resolution.

>>> from graph.samples import many_documents
>>> result = measure_loading(many_documents(20), directory=Path("/tmp/bench-doctest"))  # doctest: +SKIP
>>> result["load_facts_per_s"] > 0  # doctest: +SKIP
True
"""
from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import ladybug
import pyarrow as pa

from extract.facts import DocumentFacts
from graph import cypher
from graph.batch import INGEST_BATCH
from graph.samples import many_documents
from graph.ladybug_store import ARROW_TYPES, LadybugStore
from ontology.schema import Ontology

# News-sized documents a transaction when measuring the store's bulk path: 128 of 25 statements.
# ``honours ingest`` uses INGEST_BATCH (32), or fewer when extraction is slow.
LOAD_BATCH = 128


def load_documents(store: LadybugStore, docs: Sequence[DocumentFacts], *, batch: int = INGEST_BATCH) -> float:
    """Seconds to upsert every document into ``store``, ``batch`` documents a transaction (as ingest does)."""
    start = time.perf_counter()
    for i in range(0, len(docs), batch):
        store.upsert_many(docs[i:i + batch])
    return time.perf_counter() - start


def stored_tables(store: LadybugStore) -> dict[tuple[str, str, str], pa.Table]:
    """Every stored node table and (relation, source, target) edge table as Arrow, in DDL column order."""
    onto = store.onto
    tables: dict[tuple[str, str, str], pa.Table] = {}
    for cls in onto.tables():
        columns = {"id": pa.string()} | {p.name: ARROW_TYPES[p.type] for p in cls.properties}
        tables[(cls.name, "", "")] = _arrow(list(store.nodes(cls.name)), columns)
    edges: dict[tuple[str, str, str], list[dict]] = {}
    for edge in store.edges():
        edges.setdefault((edge.rel, edge.src_label, edge.dst_label), []).append(
            {"src": edge.src, "dst": edge.dst} | edge.props)
    for (rel, src, dst), rows in edges.items():
        columns = {"src": pa.string(), "dst": pa.string()}
        columns |= {p.name: ARROW_TYPES[p.type] for p in onto.relations[rel].properties}
        tables[(rel, src, dst)] = _arrow(rows, columns)
    return tables


def _arrow(rows: list[dict], columns: dict[str, pa.DataType]) -> pa.Table:
    return pa.table({name: pa.array([r.get(name) for r in rows], kind) for name, kind in columns.items()})


def copy_tables(tables: dict[tuple[str, str, str], pa.Table], onto: Ontology, directory: Path) -> float:
    """Seconds to ``COPY FROM`` every table into an empty database (schema creation not counted)."""
    db = ladybug.Database(str(directory / "copy.lbdb"))
    conn = ladybug.Connection(db)
    try:
        for ddl in cypher.ladybug_ddl(onto):
            conn.execute(ddl)
        start = time.perf_counter()
        for (name, src, dst), table in tables.items():  # nodes come first: edges need their ends
            rel = onto.relations.get(name)
            pairs = f" (from='{src}', to='{dst}')" if rel is not None and len(rel.pairs()) > 1 else ""
            if table.num_rows:
                conn.execute(f"COPY {cypher.q(name)} FROM $rows{pairs}", {"rows": table})
        return time.perf_counter() - start
    finally:
        conn.close()
        db.close()


def measure_loading(docs: Sequence[DocumentFacts], *, directory: Path, batch: int = LOAD_BATCH) -> dict[str, float]:
    """Facts/s of a fresh load and a re-load through the store (``batch`` documents a transaction),
    and rows/s of raw COPY of the same rows."""
    facts = sum(len(doc.facts) for doc in docs)
    directory.mkdir(parents=True, exist_ok=True)
    with LadybugStore(directory / "warm-up") as store:  # a process's first writes pay for loading code
        load_documents(store, many_documents(300), batch=batch)
    with LadybugStore(directory / "store") as store:
        fresh = load_documents(store, docs, batch=batch)
        again = load_documents(store, docs, batch=batch)
        tables = stored_tables(store)
        onto = store.onto
    rows = sum(table.num_rows for table in tables.values())
    copy = copy_tables(tables, onto, directory)
    return {
        "load_documents": len(docs),
        "load_batch": batch,
        "load_facts": facts,
        "load_facts_per_s": facts / fresh,
        "reload_facts_per_s": facts / again,
        "stored_rows": rows,
        "load_rows_per_s": rows / fresh,
        "copy_rows_per_s": rows / copy,
        "copy_facts_per_s": facts / copy,
        "load_vs_copy": copy / fresh,
    }
