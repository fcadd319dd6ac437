"""The neutral batch between extraction and storage: facts with their evidence.

A fact is a plain record keyed by the names of the facts contract (../shared/DESIGN.md):
``person``, ``organisation``, ``award``, ``position``, ``studio``, ``mentorship``, ``event``.
Writers never see spaCy objects, only these.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

FACT_TYPES = ("person", "organisation", "award", "position", "studio", "mentorship", "event")
# The contract's fields and their types (None is allowed for every field; a missing required
# field is the store's business). A facts line read back is checked against these.
FIELD_TYPES: dict[str, dict[str, type]] = {
    "person": {"name": str, "aliases": list},
    "organisation": {"name": str},
    "award": {"recipient": str, "recipient_kind": str, "honour": str, "year": int, "recipient_org": str,
              "edition": int, "conferred_by": str},
    "position": {"person": str, "organisation": str, "title": str},
    "studio": {"name": str, "leader": str, "host": str},
    "mentorship": {"master": str, "apprentice": str},
    "event": {"name": str, "date": str, "place": str, "organisers": list},
}
EVIDENCE_TYPES: dict[str, type] = {"doc": str, "start": int, "end": int, "quote": str}
TYPE_WORDS = {str: "text", int: "a whole number", list: "a list"}


def _check(where: str, values: dict[str, Any], types: dict[str, type], *, required: bool = False) -> None:
    """Raise ValueError naming the first field of ``values`` whose value is not of its type."""
    for name, kind in types.items():
        value = values.get(name)
        if value is None and not required:
            continue
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)) or (
                kind is list and not all(isinstance(v, str) for v in value)):
            raise ValueError(f"{where} field {name!r} must be {TYPE_WORDS[kind]}, not {value!r}")


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: document, character span in the source file, the sentence."""

    doc: str
    start: int
    end: int
    quote: str

    def to_json(self) -> dict[str, Any]:
        """The evidence as the facts contract writes it."""
        return {"doc": self.doc, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass
class Fact:
    """One extracted fact: its type, its contract fields, the evidence and a confidence."""

    type: str
    fields: dict[str, Any]
    evidence: Evidence
    confidence: float = 1.0
    article: int | None = None  # index of the article within its document

    def to_json(self) -> dict[str, Any]:
        """The fact as one line of ``honours extract --format jsonl``."""
        out: dict[str, Any] = {"type": self.type, **self.fields}
        out["evidence"] = self.evidence.to_json()
        out["confidence"] = round(self.confidence, 3)
        if self.article is not None:
            out["article"] = self.article
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> "Fact":
        """Read back one line written by :meth:`to_json`."""
        obj = dict(obj)
        ev = obj.pop("evidence")
        kind = obj.pop("type")
        if kind not in FIELD_TYPES:
            raise ValueError(f"unknown fact type {kind!r} (one of {', '.join(FACT_TYPES)})")
        if not isinstance(ev, dict):
            raise ValueError(f"evidence must be an object, not {ev!r}")
        _check("evidence", ev, EVIDENCE_TYPES, required=True)
        _check(f"{kind}", obj, FIELD_TYPES[kind])
        confidence = float(obj.pop("confidence", 1.0))
        article = obj.pop("article", None)
        return cls(kind, obj, Evidence(ev["doc"], ev["start"], ev["end"], ev["quote"]), confidence, article)


@dataclass
class ArticleInfo:
    """What the store keeps of an article: its place in the document and its metadata."""

    index: int
    title: str | None
    date: str | None
    date_precision: str | None
    byline: str | None
    source: str | None
    page: int | None
    start: int
    end: int


@dataclass
class DocumentFacts:
    """Everything extracted from one document: stored as one unit (one transaction)."""

    doc: str  # path as given
    checksum: str  # sha256 of the decoded source text: re-ingest detection
    articles: list[ArticleInfo] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    @staticmethod
    def checksum_of(text: str) -> str:
        """The checksum used to recognise a document already stored."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
