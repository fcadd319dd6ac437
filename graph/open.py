"""Choose and open a store from the command line's options or the environment."""
from __future__ import annotations

import os
from pathlib import Path

from graph.store import GraphStore


def open_store(*, db: str | Path | None = None, neo4j: str | None = None, user: str | None = None,
               password: str | None = None, read_only: bool = False,
               lock_timeout: float | None = None) -> GraphStore:
    """Open the Neo4j store when a URI is given (or NEO4J_URI is set and no ``db``), else the embedded one."""
    uri = neo4j or (None if db else os.environ.get("NEO4J_URI"))
    if uri:
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(uri, user or os.environ.get("NEO4J_USER", "neo4j"),
                          password if password is not None else os.environ.get("NEO4J_PASSWORD", ""),
                          read_only=read_only)
    from graph.ladybug_store import DEFAULT_LOCK_TIMEOUT, LadybugStore

    timeout = lock_timeout if lock_timeout is not None else float(
        os.environ.get("HONOURS_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    return LadybugStore(db, read_only=read_only, lock_timeout=timeout)
