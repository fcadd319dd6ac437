"""A lineage as plain data: its subject, rows (entries) with their sources, and the columns to show.

Builders (:mod:`queries.lineage`) fill it from the store; writers (:mod:`queries.lineage_formats`,
:mod:`viz.lineage_svg`) turn it into Markdown, CSV, JSON-LD or an SVG figure without touching the store.

>>> Source("a.txt", "标题", "2024", "他获得第一名。").text()
'a.txt, 《标题》 (2024): “他获得第一名。”'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypinyin import lazy_pinyin

from ontology.schema import load_ontology

KINDS = ("person", "honour", "studio", "mentor")


@dataclass(frozen=True)
class Source:
    """One citation: the document, the article's title and date, and the quote."""

    document: str
    title: str | None
    date: str | None
    quote: str

    @classmethod
    def of(cls, row: dict[str, Any]) -> Source | None:
        """The source a query row cites (``document``, ``article_title``, ``article_date``, ``quote``)."""
        if not row.get("document"):
            return None
        return cls(row["document"], row.get("article_title"), row.get("article_date"),
                   " ".join((row.get("quote") or "").split()))

    @property
    def file(self) -> str:
        """The document's file name."""
        return Path(self.document).name

    def text(self) -> str:
        """The citation as one line: ``file, 《title》 (date): “quote”``."""
        title = f"《{self.title}》" if self.title else "untitled article"
        date = f" ({self.date})" if self.date else ""
        return f"{self.file}, {title}{date}: “{self.quote}”"


@dataclass(frozen=True)
class Column:
    """A column of the lineage table: the value's key, zh/en headers, and the key of its
    English or pinyin rendering (shown in brackets after the value)."""

    key: str
    zh: str
    en: str
    en_key: str | None = None
    level: bool = False  # the value is an ontology level code, shown by its label


@dataclass
class Entry:
    """One row of a lineage: its values by key, and the sources that support it."""

    values: dict[str, Any]
    sources: list[Source] = field(default_factory=list)

    def cite(self, source: Source | None) -> None:
        """Add ``source`` unless it is missing or already cited."""
        if source is not None and source not in self.sources:
            self.sources.append(source)


@dataclass
class Lineage:
    """A person's honours, an honour's recipients, a studio's people or a master's apprentices."""

    kind: str
    id: str | None
    name: str
    name_en: str | None
    heading: tuple[str, str]
    columns: tuple[Column, ...]
    entries: list[Entry]
    notes: list[tuple[str, str]] = field(default_factory=list)  # (zh/en label, text) lines under the title
    empty: str = "Nothing of this kind is stored."
    subject: dict[str, Any] = field(default_factory=dict)  # extra CSV/JSON-LD fields of the subject

    def title(self) -> str:
        """``name (English or pinyin): 标题 / Heading``."""
        english = f" ({self.name_en})" if self.name_en and self.name_en != self.name else ""
        return f"{self.name}{english}: {self.heading[0]} / {self.heading[1]}"

    def footnotes(self) -> dict[Source, int]:
        """Every source, numbered in order of first citation."""
        numbers: dict[Source, int] = {}
        for entry in self.entries:
            for source in entry.sources:
                numbers.setdefault(source, len(numbers) + 1)
        return numbers


def pinyin(name: str) -> str:
    """A Chinese name in pinyin, surname first: 侯嘉杰 → Hou Jiajie."""
    syllables = lazy_pinyin(name)
    if not syllables:
        return name
    return " ".join([syllables[0].capitalize(), "".join(syllables[1:]).capitalize()]).strip()


def level_label(level: str | None) -> str:
    """An ontology level code as ``省级 / provincial`` (the code itself when unknown)."""
    labels = load_ontology().classes["Organisation"].extra.get("levels", {})
    label = labels.get(level or "", {}).get("label", {})
    return f"{label['zh']} / {label['en']}" if label else (level or "")


def cell(entry: Entry, column: Column) -> str:
    """The text of ``column`` in ``entry``: the value, its English in brackets, or — when empty."""
    value = entry.values.get(column.key)
    if value in (None, ""):
        return "—"
    text = level_label(value) if column.level else str(value)
    english = entry.values.get(column.en_key) if column.en_key else None
    return f"{text} ({english})" if english and english != text else text
