"""The GraphStore protocol every backend implements, and what its methods return.

>>> from graph import open_store
>>> with open_store(db="/tmp/honours-doctest") as store:   # doctest: +SKIP
...     store.stats()["person"]
0
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from extract.facts import DocumentFacts
from honours.errors import QueryError

DEFAULT_LIMIT = 1000
DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class QueryResult:
    """Rows of a read-only query, capped at the caller's limit."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass(frozen=True)
class Edge:
    """One stored edge, as the exporters see it."""

    rel: str
    src_label: str
    src: str
    dst_label: str
    dst: str
    props: dict[str, Any]


@runtime_checkable
class GraphStore(Protocol):
    """A graph of the ontology's classes: upsert documents, count, query, dump."""

    location: str

    def upsert(self, doc: DocumentFacts) -> bool:
        """Store one document's facts atomically; False if its checksum was already stored."""

    def upsert_many(self, docs: Iterable[DocumentFacts]) -> list[bool]:
        """Store several documents in one transaction (all or none); for each, False if already stored.

        Persons resolve against the store and the batch's earlier documents, so the graph is
        the one ``upsert`` of each document in turn would make.
        """

    def has_document(self, checksum: str) -> bool:
        """True when a document with this checksum is stored."""

    def stats(self) -> dict[str, int]:
        """Number of nodes of each class, keyed by the ontology's stats keys."""

    def query(self, cypher: str, params: dict[str, Any] | None = None, *,
              limit: int = DEFAULT_LIMIT, timeout: float = DEFAULT_TIMEOUT) -> QueryResult:
        """Run a read-only query with parameters; at most ``limit`` rows."""

    def nodes(self, label: str) -> Iterator[dict[str, Any]]:
        """Every node of class ``label`` as a dict of its properties (with ``id``)."""

    def edges(self) -> Iterator[Edge]:
        """Every edge of every relation."""

    def curate(self, plan: Any, deletions: list[tuple[str, dict[str, Any]]], *, what: str) -> None:
        """Apply one curation decision (graph.curation_store): upsert ``plan``'s rows, then run ``deletions``, atomically."""

    def close(self) -> None:
        """Release the store (connections, locks)."""

    def __enter__(self) -> "GraphStore": ...

    def __exit__(self, *exc: object) -> None: ...


_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|ALTER|COPY|LOAD|INSTALL|"
                     r"ATTACH|IMPORT|EXPORT|CHECKPOINT|BEGIN|COMMIT|ROLLBACK|FOREACH)\b", re.I)


# Procedures that only read, in LadybugDB and Neo4j; any other CALL could write.
READ_PROCEDURES = frozenset({
    "show_tables", "table_info", "show_connection", "db_version", "current_setting", "show_functions",
    "show_indexes", "show_sequences", "show_warnings",
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "dbms.components",
})
_CALL = re.compile(r"\bCALL\b\s*(\{|[\w.`]+)", re.I)


def check_read_only(cypher: str) -> None:
    """Raise QueryError if ``cypher`` contains a clause or calls a procedure that could change the store."""
    code = _STRINGS.sub(" ", cypher)
    match = _WRITES.search(code)
    if match:
        raise QueryError(f"only read-only queries are allowed; found {match.group(1).upper()} in: "
                         f"{cypher.strip()[:80]}")
    for call in _CALL.finditer(code):
        target = call.group(1).replace("`", "")
        if target != "{" and target.lower() not in READ_PROCEDURES:
            raise QueryError(f"only read-only queries are allowed; CALL {target} may change the store "
                             f"(procedures allowed: {', '.join(sorted(READ_PROCEDURES))})")
