"""Which store the app shows, a version that changes when the store is written, and writing from the app."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.store import GraphStore

ENV_DB = "HONOURS_DB"  # set by ``honours app --db DIR``
APP_LOCK_TIMEOUT = 5.0  # seconds the app waits for another writer (an `honours ingest`) before saying so


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


def release_cached() -> None:
    """Drop the app's cached store connections and cached results (Streamlit's caches).

    The app caches only store connections with ``st.cache_resource``; once dropped, a read-only
    connection closes as soon as no script run uses it, and the next page run opens a fresh one.
    """
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()


@contextmanager
def writable_store(db: str | None = None, *, lock_timeout: float = APP_LOCK_TIMEOUT) -> Iterator[GraphStore]:
    """The app's store (``db`` or ``HONOURS_DB``) opened for writing, closed and its caches dropped after.

    Raises ``StoreUnavailable`` when another process (an ``honours ingest``) keeps writing for
    longer than ``lock_timeout`` seconds. The app's cached read-only connection is released
    first, and every cached result after the write (the store version changes with the files'
    mtime; Neo4j has no version, so dropping the caches is what refreshes it).
    """
    from graph import open_store

    release_cached()
    try:
        with open_store(db=db if db is not None else db_location(), lock_timeout=lock_timeout) as store:
            yield store
    finally:
        release_cached()
