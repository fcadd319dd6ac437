"""The embedded store: LadybugDB in one file under a data directory, written in bulk.

A batch of documents (``upsert_many``; ``upsert`` is a batch of one) is one transaction of
``LOAD FROM`` an Arrow table (or ``UNWIND`` a list, when few rows) followed by ``MERGE``, per
class and per relation, plus the name index of :mod:`graph.name_index`. One process writes at a time (a file lock, waited on up to a
timeout); any number may read with ``read_only=True``.
"""
from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import ladybug
import platformdirs
import pyarrow as pa
from filelock import FileLock, Timeout

from extract.facts import DocumentFacts
from graph import cypher, name_index
from graph.batch import describe_batch, edge_groups, new_documents, plan_upsert
from graph.identity import STATEMENTS as IDENTITY
from graph.identity import stored_people
from graph.plan import Plan
from graph.store import DEFAULT_LIMIT, DEFAULT_TIMEOUT, Edge, QueryResult, check_read_only
from honours.errors import QueryError, StoreError, StoreUnavailable
from ontology.schema import Ontology, load_ontology

DB_FILE = "graph.lbdb"
ENV_BUFFER_POOL = "HONOURS_BUFFER_POOL_MB"  # caps the store's memory
LOCK_FILE = "writer.lock"
DEFAULT_LOCK_TIMEOUT = 30.0
# Below this many rows a list parameter (UNWIND; its prepared statement is reused) beats
# LOAD FROM an Arrow table (re-prepared for every new table). Measured per document:
# small news items 37 ms with this threshold vs 91 ms all-Arrow; a 4 000-fact document
# 1.7 s vs 3.3 s all-list. ``python -m graph.bench`` times the paths on one table.
BULK_ROWS = 200
ARROW_TYPES = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
               "string[]": pa.list_(pa.string())}


def buffer_pool_bytes() -> int:
    """LadybugDB's buffer pool cap from ``HONOURS_BUFFER_POOL_MB`` (0: LadybugDB's own default,
    about 80% of the machine's memory, which a 1M-statement load does fill)."""
    raw = os.environ.get(ENV_BUFFER_POOL, "").strip()
    if not raw:
        return 0
    try:
        megabytes = int(raw)
    except ValueError:
        raise StoreUnavailable(f"{ENV_BUFFER_POOL}={raw!r} is not a whole number of megabytes") from None
    if megabytes < 0:
        raise StoreUnavailable(f"{ENV_BUFFER_POOL}={raw!r} must not be negative")
    return megabytes * 1024 * 1024


def default_directory() -> Path:
    """Where the embedded store lives unless ``--db`` says otherwise."""
    return platformdirs.user_data_path("honours-graph") / "store"


def map_error(exc: Exception, what: str) -> StoreError:
    """Turn LadybugDB's bare RuntimeError into a typed error naming ``what`` was attempted."""
    text = str(exc).split("\n")[0]
    if "Could not set lock" in text:
        pid = re.search(r"PID (\d+)", text)
        holder = f" (process {pid.group(1)})" if pid else ""
        return StoreUnavailable(f"{what}: the store is open for writing by another process{holder}")
    if text.startswith(("Binder exception", "Parser exception", "Catalog exception")):
        return QueryError(f"{what}: {text}")
    if "interrupted" in text.lower() or "timeout" in text.lower():
        return QueryError(f"{what}: the query took too long and was stopped")
    if text.startswith("IO exception"):
        return StoreUnavailable(f"{what}: {text}")
    return StoreError(f"{what}: {text}")


class LadybugStore:
    """A GraphStore backed by an embedded LadybugDB database in ``directory``."""

    def __init__(self, directory: str | Path | None = None, *, read_only: bool = False,
                 lock_timeout: float = DEFAULT_LOCK_TIMEOUT, ontology: Ontology | None = None):
        self.directory = Path(directory) if directory else default_directory()
        self.location = str(self.directory)
        self.read_only = read_only
        self._pool = buffer_pool_bytes()  # before the lock: a bad setting leaves nothing held
        self.onto = ontology or load_ontology()
        self._lock: FileLock | None = None
        if read_only:
            self._db = self._open_read_only()
        else:
            self._prepare_directory()
            self._acquire(lock_timeout)
            self._db = self._open(lock_timeout)
        self._conn = ladybug.Connection(self._db)
        self._bulk = cypher.upserts(self.onto, cypher.LADYBUG) | {name_index.TABLE: name_index.UPSERT_ARROW}
        self._small = cypher.upserts(self.onto, cypher.LADYBUG_LIST) | {name_index.TABLE: name_index.UPSERT_LIST}
        self._identity = IDENTITY | {"people_by_name": name_index.LOOKUP}
        if not read_only:
            self._create_schema()

    # -- opening -------------------------------------------------------------------------
    def _prepare_directory(self) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(f"cannot create store directory {self.directory}: "
                                   f"{exc.strerror or exc}") from None
        if not os.access(self.directory, os.W_OK | os.X_OK):
            raise StoreUnavailable(f"store directory {self.directory} is not writable")

    def _acquire(self, timeout: float) -> None:
        lock = FileLock(self.directory / LOCK_FILE)
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise StoreUnavailable(
                f"store {self.directory} is being written by another process (an ingest or the app); "
                f"waited {timeout:g}s — try again when it has finished") from None
        except OSError as exc:
            raise StoreUnavailable(f"store directory {self.directory} is not writable: "
                                   f"{exc.strerror or exc}") from None
        self._lock = lock

    def _open(self, timeout: float) -> ladybug.Database:
        deadline = time.monotonic() + timeout
        while True:
            try:
                return ladybug.Database(str(self.directory / DB_FILE), buffer_pool_size=self._pool)
            except RuntimeError as exc:
                error = map_error(exc, f"cannot open store {self.directory}")
                if "another process" not in error.message or time.monotonic() > deadline:
                    self._release()
                    raise error from None
                time.sleep(0.2)

    def _open_read_only(self) -> ladybug.Database:
        path = self.directory / DB_FILE
        if not path.exists():
            raise StoreUnavailable(f"no store at {self.directory}: run `honours ingest` first")
        try:
            return ladybug.Database(str(path), read_only=True, buffer_pool_size=self._pool)
        except RuntimeError as exc:
            raise map_error(exc, f"cannot open store {self.directory} read-only") from None

    def _create_schema(self) -> None:
        """Create missing tables, then add columns and connections a newer ontology declares."""
        existing = {r["name"] for r in self._read("CALL show_tables() RETURN name")}
        for ddl in cypher.ladybug_ddl(self.onto):
            self._run(ddl, what=f"creating the schema of {self.directory}")
        self._run(name_index.DDL, what=f"creating the schema of {self.directory}")
        if existing:
            for ddl in cypher.ladybug_migrations(self.onto):
                self._run(ddl, what=f"updating the schema of {self.directory}")
            if name_index.TABLE not in existing:
                self._build_name_index()

    def _build_name_index(self) -> None:
        """Index the names of every stored person: a store made before the index existed."""
        what = f"indexing the person names of {self.directory}"
        rows = name_index.index_rows(self._read(name_index.PERSONS))
        self._run("BEGIN TRANSACTION", what=what)
        try:
            self._load(name_index.TABLE, rows, name_index.TYPES, what)
            self._run("COMMIT", what=what)
        except BaseException:
            self._rollback()
            raise

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # -- running -------------------------------------------------------------------------
    def _run(self, statement: str, params: dict[str, Any] | None = None, *, what: str) -> Any:
        try:
            return self._conn.execute(statement, params or {})
        except RuntimeError as exc:
            raise map_error(exc, what) from None
        except (ValueError, TypeError) as exc:  # a parameter of the wrong type, refused before running
            raise StoreError(f"{what}: {exc}") from None

    def _read(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._run(statement, params, what="reading the store")
        columns = result.get_column_names()
        return [dict(zip(columns, row)) for row in result.get_all()]

    def _load(self, key: str, rows: list[dict[str, Any]], types: dict[str, str], what: str) -> None:
        """Upsert ``rows`` with statement ``key``: a list parameter when few, an Arrow table when many."""
        if len(rows) < BULK_ROWS:
            self._run(self._small[key], {"rows": [{n: r.get(n) for n in types} for r in rows]}, what=what)
            return
        try:
            table = pa.table({f"v_{name}": pa.array([r.get(name) for r in rows], ARROW_TYPES[kind])
                              for name, kind in types.items()})
        except (pa.ArrowException, ValueError, TypeError) as exc:
            raise StoreError(f"{what}: a value of the wrong type for {key}: {exc}") from None
        self._run(self._bulk[key], {"rows": table}, what=what)

    # -- the protocol --------------------------------------------------------------------
    def has_document(self, checksum: str) -> bool:
        """True when a document with this checksum is stored."""
        rows = self._read("MATCH (d:Document) WHERE d.id = $id RETURN count(d) AS n", {"id": checksum})
        return rows[0]["n"] > 0

    def stored_documents(self, checksums: Iterable[str]) -> set[str]:
        """Which of ``checksums`` are stored: one primary-key lookup each, in one query."""
        rows = self._read("UNWIND $ids AS i MATCH (d:Document {id: i}) RETURN d.id AS id", {"ids": sorted(set(checksums))})
        return {r["id"] for r in rows}

    def upsert(self, doc: DocumentFacts) -> bool:
        """Store one document's facts in one transaction; False if it was already stored."""
        return self.upsert_many([doc])[0]

    def upsert_many(self, docs: Iterable[DocumentFacts]) -> list[bool]:
        """Store several documents in one transaction: all or none. For each, False if already stored."""
        if self.read_only:
            raise StoreUnavailable(f"store {self.directory} is open read-only")
        docs = list(docs)
        plan, new = plan_upsert(self, docs, self._stored_people)
        if not any(new):
            return new
        nodes, edges = plan.rows(self.onto)
        what = describe_batch(docs)
        self._run("BEGIN TRANSACTION", what=what)
        try:
            self._write(nodes, edges, new_documents(plan), what)
            self._run("COMMIT", what=what)
        except BaseException:
            self._rollback()
            raise
        return new

    def _stored_people(self, names: list[str], orgs: list[str]) -> list:
        return stored_people(self._read, names, orgs, statements=self._identity)

    def curate(self, plan: Plan, deletions: list[tuple[str, dict[str, Any]]], *, what: str) -> None:
        """Apply one curation decision in one transaction: upsert ``plan``'s rows, then run ``deletions``."""
        if self.read_only:
            raise StoreUnavailable(f"store {self.directory} is open read-only")
        nodes, edges = plan.rows(self.onto)
        self._run("BEGIN TRANSACTION", what=what)
        try:
            self._write(nodes, edges, set(), what)  # no new document: every edge is merged
            for statement, params in deletions:
                self._run(statement, params, what=what)
            self._run("COMMIT", what=what)
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        try:
            self._conn.execute("ROLLBACK")
        except RuntimeError:
            pass  # LadybugDB already rolled back the failed transaction

    def _write(self, nodes: dict[str, list[dict]], edges: dict[str, list[dict]], fresh: set[str], what: str) -> None:
        for label, rows in nodes.items():  # the Document first: evidence edges point to it
            types = {"id": "string"} | {p.name: p.type for p in self.onto.classes[label].properties}
            self._load(label, rows, types, what)
        if nodes.get("Person"):
            self._load(name_index.TABLE, name_index.index_rows(nodes["Person"]), name_index.TYPES, what)
        for key, rows in edge_groups(edges, fresh):
            rel = key.split(":")[0]
            types = {"src": "string", "dst": "string"} | {p.name: p.type for p in self.onto.relations[rel].properties}
            self._load(key, rows, types, what)

    def stats(self) -> dict[str, int]:
        """Number of nodes of each class, keyed by the ontology's stats keys."""
        return {key: self._read(f"MATCH (n:{cypher.q(label)}) RETURN count(n) AS n")[0]["n"]
                for key, label in sorted(self.onto.stats_keys().items())}

    def query(self, statement: str, params: dict[str, Any] | None = None, *,
              limit: int = DEFAULT_LIMIT, timeout: float = DEFAULT_TIMEOUT) -> QueryResult:
        """Run a read-only query with parameters; at most ``limit`` rows, stopped after ``timeout`` s."""
        check_read_only(statement)
        self._conn.set_query_timeout(int(timeout * 1000))
        try:
            result = self._run(statement, params, what="query failed")
            columns = result.get_column_names()
            rows = []
            while result.has_next() and len(rows) <= limit:
                rows.append(result.get_next())
        finally:
            self._conn.set_query_timeout(0)
        return QueryResult(columns, rows[:limit], len(rows) > limit)

    def nodes(self, label: str) -> Iterator[dict[str, Any]]:
        """Every node of class ``label`` as a dict of its properties (with ``id``)."""
        yield from self._read(cypher.dump_nodes(self.onto.classes[label]))

    def edges(self) -> Iterator[Edge]:
        """Every edge of every relation."""
        for rel in self.onto.relations.values():
            for src, dst in rel.pairs():
                for row in self._read(cypher.dump_edges(rel, src, dst)):
                    yield Edge(rel.name, src, row.pop("src"), dst, row.pop("dst"), row)

    def close(self) -> None:
        """Close the database and release the writer lock."""
        if getattr(self, "_db", None) is not None:
            self._conn.close()
            self._db.close()
            self._db = None
        self._release()

    def __enter__(self) -> "LadybugStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
