"""Shared fixtures: the founding corpus beside the project, and slow resources built once."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = Path(__file__).resolve().parent / "gold"


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
