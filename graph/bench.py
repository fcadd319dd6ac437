"""Measure LadybugDB's write paths on the Person table: what the store's choices rest on.

``python -m graph.bench 20 1000 20000`` prints milliseconds per batch for: LOAD FROM an
Arrow table + MERGE (the store's bulk path), UNWIND a list parameter + MERGE (its small-batch
path), row-by-row MERGE, and raw COPY FROM into an empty table (no upsert, the floor).
"""
from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ladybug
import pyarrow as pa

from graph import cypher
from ontology.schema import load_ontology

ROW_BY_ROW_LIMIT = 2000  # row-by-row beyond this takes too long to be worth timing


def _rows(n: int, tag: str) -> list[dict]:
    return [{"id": f"{tag}-{i}", "name": f"测试{i}", "aliases": None, "gender": None} for i in range(n)]


def _arrow(rows: list[dict], prefix: str) -> pa.Table:
    return pa.table({f"{prefix}id": pa.array([r["id"] for r in rows], pa.string()),
                     f"{prefix}name": pa.array([r["name"] for r in rows], pa.string()),
                     f"{prefix}aliases": pa.array([None] * len(rows), pa.list_(pa.string())),
                     f"{prefix}gender": pa.array([None] * len(rows), pa.string())})


def _timed(conn: ladybug.Connection, work: Callable[[], None]) -> float:
    start = time.perf_counter()
    conn.execute("BEGIN TRANSACTION")
    work()
    conn.execute("COMMIT")
    return time.perf_counter() - start


def measure(n: int, directory: Path) -> dict[str, float]:
    """Seconds to write ``n`` Person rows by each path, each into a fresh table."""
    onto = load_ontology()
    person = onto.classes["Person"]
    directory.mkdir(parents=True, exist_ok=True)
    db = ladybug.Database(str(directory / f"bench-{n}.lbdb"))
    conn = ladybug.Connection(db)
    ddl = cypher.ladybug_ddl(onto)[[c.name for c in onto.tables()].index("Person")]
    for table in ("P1", "P2", "P3", "P4"):
        conn.execute(ddl.replace("`Person`", f"`{table}`"))
    bulk = cypher.node_upsert(person, cypher.LADYBUG)
    small = cypher.node_upsert(person, cypher.LADYBUG_LIST)
    out = {
        "load_from_arrow_merge": _timed(conn, lambda: conn.execute(
            bulk.replace("`Person`", "`P1`"), {"rows": _arrow(_rows(n, "a"), "v_")})),
        "unwind_list_merge": _timed(conn, lambda: conn.execute(
            small.replace("`Person`", "`P2`"), {"rows": _rows(n, "b")})),
    }
    if n <= ROW_BY_ROW_LIMIT:
        def row_by_row() -> None:
            for row in _rows(n, "c"):
                conn.execute("MERGE (n:`P3` {`id`: $id}) SET n.`name` = $name", {"id": row["id"], "name": row["name"]})
        out["row_by_row_merge"] = _timed(conn, row_by_row)
    start = time.perf_counter()
    conn.execute("COPY `P4` FROM $rows", {"rows": _arrow(_rows(n, "d"), "")})
    out["raw_copy"] = time.perf_counter() - start
    conn.close()
    db.close()
    return out


def main(sizes: list[int]) -> None:
    """Print the measurements for each batch size."""
    with tempfile.TemporaryDirectory() as tmp:
        measure(5, Path(tmp) / "warm-up")  # the first statements of a process pay for loading
        for n in sizes:
            timings = measure(n, Path(tmp))
            print(n, "rows:", ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in timings.items()))


if __name__ == "__main__":  # pragma: no cover
    main([int(a) for a in sys.argv[1:]] or [20, 1000, 20000])
