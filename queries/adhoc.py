"""Ad-hoc Cypher from users, read-only on every store: writes are refused before they are sent.

>>> check_cypher("MATCH (p:Person) RETURN p.name")
>>> check_cypher("match (n) detach delete n")
Traceback (most recent call last):
...
honours.errors.QueryError: [E520] only read-only queries are allowed; found DETACH in: match (n) detach delete n
"""
from __future__ import annotations

from graph.store import DEFAULT_LIMIT, DEFAULT_TIMEOUT, GraphStore, QueryResult, check_read_only
from honours.errors import QueryError


def check_cypher(cypher: str) -> None:
    """Raise QueryError unless ``cypher`` is read-only (no write clause, no writing procedure)."""
    check_read_only(cypher)


def run_cypher(store: GraphStore, cypher: str, params: dict | None = None, *,
               limit: int = DEFAULT_LIMIT, timeout: float = DEFAULT_TIMEOUT) -> QueryResult:
    """Run a user's Cypher on ``store`` read-only, at most ``limit`` rows, stopped after ``timeout`` s."""
    if not cypher.strip():
        raise QueryError("the Cypher query is empty")
    check_cypher(cypher)
    return store.query(cypher, params or {}, limit=limit, timeout=timeout)
