"""Shared fixtures: the founding corpus beside the project, and slow resources built once."""
from __future__ import annotations

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
