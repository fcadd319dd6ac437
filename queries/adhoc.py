"""Ad-hoc Cypher from users, read-only on every store: writes are refused before they are sent.

>>> check_cypher("MATCH (p:Person) RETURN p.name")
>>> check_cypher("match (n) detach delete n")
Traceback (most recent call last):
...
honours.errors.QueryError: [E520] only read-only queries are allowed; found DETACH in: match (n) detach delete n
"""
from __future__ import annotations

import re

from graph.store import _STRINGS, DEFAULT_LIMIT, DEFAULT_TIMEOUT, GraphStore, QueryResult, check_read_only
from honours.errors import QueryError

# Procedures that only read, in LadybugDB and Neo4j; any other CALL could write.
READ_PROCEDURES = frozenset({
    "show_tables", "table_info", "show_connection", "db_version", "current_setting", "show_functions",
    "show_indexes", "show_sequences", "show_warnings",
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "dbms.components",
})
_CALL = re.compile(r"\bCALL\b\s*(\{|[\w.`]+)", re.I)


def check_cypher(cypher: str) -> None:
    """Raise QueryError unless ``cypher`` is read-only (no write clause, no writing procedure)."""
    check_read_only(cypher)
    for match in _CALL.finditer(_STRINGS.sub(" ", cypher)):
        target = match.group(1).replace("`", "")
        if target != "{" and target.lower() not in READ_PROCEDURES:
            raise QueryError(f"only read-only queries are allowed; CALL {target} may change the store "
                             f"(procedures allowed: {', '.join(sorted(READ_PROCEDURES))})")


def run_cypher(store: GraphStore, cypher: str, params: dict | None = None, *,
               limit: int = DEFAULT_LIMIT, timeout: float = DEFAULT_TIMEOUT) -> QueryResult:
    """Run a user's Cypher on ``store`` read-only, at most ``limit`` rows, stopped after ``timeout`` s."""
    if not cypher.strip():
        raise QueryError("the Cypher query is empty")
    check_cypher(cypher)
    return store.query(cypher, params or {}, limit=limit, timeout=timeout)
