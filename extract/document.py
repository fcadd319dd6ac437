"""The reader's data: a decoded source file, and the dated articles cut from it.

Offsets are the contract with everything downstream: ``Article.offsets[i]`` is the
character offset, in ``Source.text`` (the decoded original file), of ``Article.text[i]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """A document as read from disk: its text before any repair."""

    path: str  # the path as the user gave it
    text: str  # decoded text; evidence offsets refer to this string
    format: str  # "txt", "pdf", "html" or "docx"
    encoding: str | None = None  # detected encoding for text files


@dataclass(frozen=True)
class ArticleDate:
    """When an article was published, as precisely as the document tells."""

    value: str | None  # ISO prefix: "2025", "2025-11" or "2025-11-30"; None if unknown
    precision: str | None  # "year", "month", "day" or None
    method: str  # how it was found: "dateline", "explicit", "masthead", "print_date", "context", "none"
    quote: str | None = None  # the text the date was read from

    @property
    def year(self) -> int | None:
        """The year, if known."""
        return int(self.value[:4]) if self.value else None


@dataclass
class Article:
    """One article of a document: repaired text, metadata, and a map back to the source."""

    doc: str  # the source path as given
    index: int  # 0-based position of the article in its document
    text: str  # repaired text
    offsets: list[int]  # offsets[i]: position in Source.text of text[i]
    title: str | None = None
    byline: str | None = None  # author(s): "文 | 黄细英", "全媒体记者黄细英"
    source: str | None = None  # where it was reprinted from: "《南方工报》"
    page: int | None = None  # page in the printed issue, when known
    date: ArticleDate = field(default_factory=lambda: ArticleDate(None, None, "none"))

    @property
    def start(self) -> int:
        """Offset in the source text where the article begins."""
        return self.offsets[0] if self.offsets else 0

    @property
    def end(self) -> int:
        """Offset in the source text just past the article's last character."""
        return self.offsets[-1] + 1 if self.offsets else 0

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of the source text it came from."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else self.end
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Skipped:
    """A file the reader could not use, and why, in one line for the user."""

    path: str
    reason: str

    def __str__(self) -> str:
        if self.reason.startswith(self.path):
            return f"skipped {self.reason}"  # the reason names the file already
        return f"skipped {self.path}: {self.reason}"
