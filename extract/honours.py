"""Honour mentions: every surface form of the taxonomy, with its place and edition.

The taxonomy (``ontology/honours.yaml``) lists honour families (``<place>五一劳动奖章``,
``<place>劳动模范``, ``<place>工匠``…) and named honours (南粤工匠, 大国工匠…). A mention
is found at a family suffix or a named honour and extended to the left over its
place, year (``2021年度``) and edition (``第七届``); the taxonomy then decides whether
the whole is an honour and gives its canonical name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract.mentions import Mention, read_lines
from ontology.taxonomy import honour_pattern_terms, parse_honour

LEFT = 12  # characters a place, year or edition prefix may take
PREFIX_STOP = re.compile(r"[，。、；：！？,.;:!?（）()\s]|获得|荣获|获评|授予|当选|入选|评为|成为|和|及|与|的")


@lru_cache(maxsize=1)
def _terms() -> re.Pattern[str]:
    terms = sorted(set(honour_pattern_terms()), key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms))


def honour_mentions(text: str, *, province: str | None = "广东省", city: str | None = None) -> list[Mention]:
    """HONOUR mentions of ``text``; each Mention's text is the canonical honour name."""
    out: list[Mention] = []
    for m in _terms().finditer(text):
        start = _left_edge(text, m.start())
        end = m.end()
        if text[end:end + 1] == "”" and "“" in text[start:m.start()]:
            end += 1
        if _not_conferred(text, m.start(), end):
            continue
        for s in range(start, m.start() + 1):  # the longest prefix that makes an honour
            parsed = parse_honour(text[s:end], province=province, city=city)
            if parsed is not None and parsed.info is not None and parsed.info.level is None:
                break  # a bare family name (劳动模范, 工人先锋号) names no conferred honour
            if parsed is not None:
                at = text.rfind(parsed.mention, s, end)
                out.append(Mention("HONOUR", at if at >= 0 else m.start(), end, parsed.canonical))
                break
    return out


@lru_cache(maxsize=1)
def _stops() -> tuple[str, ...]:
    return tuple(read_lines("honour_stops.txt"))


def _not_conferred(text: str, start: int, end: int) -> bool:
    """An honour's name used for something else: a spirit, a school, a work's title."""
    after = text[end:end + 6].lstrip("”\"")
    line_start = text.rfind("\n", 0, start) + 1
    in_title = text.rfind("《", line_start, start) > text.rfind("》", line_start, start)
    return after.startswith(_stops()) or in_title


def _left_edge(text: str, pos: int) -> int:
    """The furthest left a prefix of the honour at ``pos`` may begin."""
    window = text[max(0, pos - LEFT):pos]
    stops = list(PREFIX_STOP.finditer(window))
    cut = stops[-1].end() if stops else 0
    return pos - len(window) + cut
