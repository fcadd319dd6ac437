"""SpanIndex: position queries that stay fast on long documents."""
from __future__ import annotations

from extract.mentions import Mention
from extract.spans import SpanIndex


def _m(start: int, end: int) -> Mention:
    return Mention("ORG", start, end, "x" * (end - start))


def test_spans_within_overlapping_containing():
    index = SpanIndex([_m(0, 4), _m(2, 10), _m(12, 14), _m(3, 5)])
    assert [(s.start, s.end) for s in index.within(0, 6)] == [(0, 4), (3, 5)]
    assert [(s.start, s.end) for s in index.overlapping(9, 13)] == [(2, 10), (12, 14)]
    assert [(s.start, s.end) for s in index.containing(3, 5)] == [(2, 10)]
    assert index.overlapping(10, 12) == []


def test_spans_empty_index():
    assert SpanIndex([]).overlapping(0, 5) == [] and SpanIndex([]).containing(1, 2) == []
