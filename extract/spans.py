"""Find mentions by position in time proportional to the answer, not to all mentions.

Long documents carry tens of thousands of mentions; comparing each with every other
is quadratic. A :class:`SpanIndex` keeps them sorted by start and, since a mention is
short, looks only at those that start near the asked span.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Protocol


class Span(Protocol):
    start: int
    end: int


class SpanIndex:
    """Spans sorted by start, queried by position."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.spans]
        self.longest = max((s.end - s.start for s in self.spans), default=0)

    def within(self, start: int, end: int) -> list[Span]:
        """Spans lying inside [start, end)."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s.end <= end]

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans sharing at least one character with [start, end)."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [s for s in self.spans[lo:hi] if s.start < end and start < s.end]

    def containing(self, start: int, end: int) -> list[Span]:
        """Spans that contain [start, end) and are longer than it."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_right(self.starts, start)
        return [s for s in self.spans[lo:hi] if s.end >= end and (s.end - s.start) > (end - start)]
