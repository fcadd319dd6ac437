"""App speed: seconds to the first render and to each view, run by Streamlit's AppTest on a store.

AppTest runs the page's script in this process as the server would for one browser session, so
the times are the server's share of a render (queries, caching, building the page), without the
browser's drawing. Caches are cleared first: the first visit of each view is timed, as a user
meets it after a start or a re-ingest.

>>> measure_app(Path("/tmp/corpus-store"))  # doctest: +SKIP
{'first_render': 0.9, 'search': 0.2, 'profile': 0.1, 'network': 0.4, 'timeline': 0.3, ...}
"""
from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from honours.errors import HonoursError

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app_streamlit.py"
QUERY = "hou jiajie"  # a search of the founding corpus that finds a person with awards and a position


def _timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def corpus_store(paths: Sequence[Path], directory: Path) -> Path:
    """An embedded store at ``directory`` holding the documents ``paths`` (extracted here, no CLI)."""
    from extract.document import Skipped
    from extract.pipeline import extract_paths
    from graph import open_store

    with open_store(db=directory) as store:
        for item in extract_paths([str(p) for p in paths]):
            if not isinstance(item, Skipped):
                store.upsert(item)
    return directory


def _errors_only(record: logging.LogRecord) -> bool:
    return record.levelno >= logging.ERROR


@contextlib.contextmanager
def _quiet_streamlit() -> Iterator[None]:
    """Streamlit's warnings dropped meanwhile: AppTest read from outside a script run warns on every read.
    (A filter, not a level: Streamlit resets its loggers' levels when a script runs.)"""
    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
               if name.startswith("streamlit")]
    for logger in loggers:
        logger.addFilter(_errors_only)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(_errors_only)


def _check(at: AppTest, view: str) -> None:
    problems = [e.value for e in at.exception] + [e.value for e in at.error]
    if problems:
        raise HonoursError(f"the app's {view} view failed while it was timed: {problems[0]}")


def _time_views(at: AppTest, query: str, store: Path) -> dict[str, float]:
    times = {"first_render": _timed(at.run)}
    _check(at, "first")
    times["search"] = _timed(lambda: at.text_input(key="search_text").input(query).run())
    _check(at, "search")
    if not any(b.key == "open_profile" for b in at.button):
        raise HonoursError(f"the search {query!r} finds nothing in the store {store}: the views cannot be timed")
    times["profile"] = _timed(lambda: at.button(key="open_profile").click().run())
    _check(at, "profile")
    entity = at.header[0].value
    for name in ("network", "timeline", "lineage", "cypher"):
        times[name] = _timed(lambda view=name: at.sidebar.radio(key="view").set_value(view).run())
        _check(at, name)
    at.selectbox(key="named_query").set_value("person_honours").run()
    at.text_input(key="param_person_honours_person").input(entity).run()
    times["cypher_query"] = _timed(lambda: at.button(key="run_named").click().run())
    _check(at, "cypher")
    return times


def measure_app(store: Path, *, query: str = QUERY, timeout: float = 120) -> dict[str, float]:
    """Seconds of the first render and of each view on the embedded store at ``store``: search for
    ``query``, the first hit's profile, network, timeline and lineage, the Cypher console, and its
    named query ``person_honours`` for that entity (``cypher_query``)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    if not Path(store).is_dir():
        raise HonoursError(f"no store at {store} to time the app on")
    before = os.environ.get("HONOURS_DB")
    os.environ["HONOURS_DB"] = str(Path(store).resolve())
    try:
        with _quiet_streamlit():
            st.cache_data.clear()
            st.cache_resource.clear()
            return _time_views(AppTest.from_file(str(APP), default_timeout=timeout), query, Path(store))
    finally:
        if before is None:
            os.environ.pop("HONOURS_DB", None)
        else:
            os.environ["HONOURS_DB"] = before
