"""Shared fixtures: the founding corpus beside the project, slow resources built once, and the
Streamlit app under AppTest on the corpus store."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from viz.session import ENV_DB

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = Path(__file__).resolve().parent / "gold"
APP = ROOT / "app_streamlit.py"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The founding corpus folder (../shared/corpus)."""
    if not CORPUS.is_dir():
        pytest.fail(f"the founding corpus is missing: expected it at {CORPUS}")
    return CORPUS


def corpus_file(name: str) -> Path:
    """A file of the founding corpus."""
    return CORPUS / name


@pytest.fixture(scope="session")
def corpus_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the whole founding corpus, built once with ``honours ingest``; tests only read it."""
    directory = tmp_path_factory.mktemp("corpus") / "store"
    cli = [sys.executable, "-c", "from honours.cli import main; main()"]  # the `honours` command
    done = subprocess.run([*cli, "ingest", "--db", str(directory), str(corpus)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    return directory


@pytest.fixture(scope="module")
def app_env(corpus_db: Path) -> Iterator[Path]:
    """HONOURS_DB pointing at the corpus store while the module's app tests run."""
    before = os.environ.get(ENV_DB)
    os.environ[ENV_DB] = str(corpus_db)
    yield corpus_db
    if before is None:
        os.environ.pop(ENV_DB, None)
    else:
        os.environ[ENV_DB] = before


def started(view: str = "search", *, timeout: float = 60) -> AppTest:
    """The app (under AppTest) after its first run, switched to ``view``."""
    from streamlit.testing.v1 import AppTest  # only the app tests pay for importing Streamlit

    at = AppTest.from_file(str(APP), default_timeout=timeout).run()
    if view != "search":
        at.sidebar.radio(key="view").set_value(view).run()
    return at


def opened_from_search(query: str, view: str) -> AppTest:
    """The app after searching ``query`` and opening the first hit in ``view``, checked clean and there."""
    at = started()
    at.text_input(key="search_text").input(query).run()
    at.button(key=f"open_{view}").click().run()
    assert_clean(at)
    assert at.sidebar.radio(key="view").value == view
    return at


def assert_clean(at: AppTest) -> None:
    """No exception and no error message on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
