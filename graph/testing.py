"""Backends for the shared store test suite: LadybugDB always, Neo4j when NEO4J_URI is set."""
from __future__ import annotations

import os
from pathlib import Path

from graph.store import GraphStore


def backends() -> list[str]:
    """Names of the backends available here."""
    return ["ladybug"] + (["neo4j"] if os.environ.get("NEO4J_URI") else [])


def make_store(backend: str, directory: Path, **options: object) -> GraphStore:
    """A fresh, empty store of ``backend`` (the Neo4j database is emptied first)."""
    if backend == "ladybug":
        from graph.ladybug_store import LadybugStore

        return LadybugStore(directory / "store", **options)  # type: ignore[arg-type]
    from graph.neo4j_store import Neo4jStore

    store = Neo4jStore(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                       os.environ.get("NEO4J_PASSWORD", ""))
    store._call(lambda s: s.run("MATCH (n) DETACH DELETE n").consume(), "emptying the test database")
    return store
