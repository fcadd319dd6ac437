"""Which store the app shows, and a version that changes when the store is written."""
from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "HONOURS_DB"  # set by ``honours app --db DIR``


def db_location() -> str | None:
    """The embedded store directory from ``HONOURS_DB``; None means the CLI's default (or NEO4J_URI)."""
    return os.environ.get(ENV_DB) or None


def store_version(db: str | None) -> float:
    """Latest modification time of the embedded store's files (0 for Neo4j or a missing store)."""
    if db is None and os.environ.get("NEO4J_URI"):
        return 0.0
    from graph.ladybug_store import default_directory

    directory = Path(db) if db else default_directory()
    if not directory.is_dir():
        return 0.0
    return max((p.stat().st_mtime for p in directory.iterdir() if p.is_file()), default=0.0)
