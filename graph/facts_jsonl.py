"""Read facts JSON lines (``honours extract --format jsonl``) back into one batch per document.

This lets ``honours ingest --facts`` store facts extracted earlier, or curated by hand.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from extract.document import Skipped
from extract.facts import DocumentFacts, Fact


def _checksum(doc: str, lines: list[str]) -> str:
    """The source text's checksum when the source is readable as UTF-8, else the facts'."""
    try:
        return DocumentFacts.checksum_of(Path(doc).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()


def read_facts_jsonl(paths: list[str]) -> Iterator[DocumentFacts | Skipped]:
    """One DocumentFacts per source document named in the evidence of the facts in ``paths``."""
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield Skipped(path, f"cannot read facts file: {getattr(exc, 'strerror', None) or exc}")
            continue
        by_doc: dict[str, list[tuple[str, Fact]]] = {}
        try:
            for number, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    fact = Fact.from_json(json.loads(line))
                    by_doc.setdefault(fact.evidence.doc, []).append((line, fact))
        except (ValueError, KeyError, TypeError) as exc:
            yield Skipped(path, f"line {number} is not a fact of the facts contract: {exc}")
            continue
        for doc, items in by_doc.items():
            yield DocumentFacts(doc, _checksum(doc, [line for line, _ in items]),
                                facts=[fact for _, fact in items])
