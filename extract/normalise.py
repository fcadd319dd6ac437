"""Canonical names: organisations expanded from the article's context.

``省总工会`` → ``广东省总工会`` (the article's province), ``市总工会`` → ``佛山市总工会``
(its city), ``南海区总工会`` → ``佛山市南海区总工会``, ``全国总工会`` → ``中华全国总工会``,
and an article's own short names (``以下简称“视源”``) → the full name.

>>> from extract.context import ArticleContext
>>> canonical_org("市总工会", ArticleContext(city="佛山市"))
'佛山市总工会'
"""
from __future__ import annotations

import re

from extract.context import ArticleContext
from functools import lru_cache

from extract.mentions import org_aliases, read_lines
from ontology.organisations import kind_suffixes

PARTY_COMMITTEE = re.compile(r"^([\u4e00-\u9fff]{1,6}[省市区县])委(员会)?$")
GENERIC = re.compile(r"^(?:[\u4e00-\u9fff]{2}(?:市)?工会|.*[和及].*|新时代.*|全[国省市区].*|各.*)$")
DISTRICT = re.compile(r"^[\u4e00-\u9fff]{1,3}[区县](?!委|政府)")
STRIP = "“”\"'‘’《》 　"


def canonical_org(name: str, ctx: ArticleContext) -> str:
    """The canonical form of an organisation name in the article's context."""
    name = name.strip(STRIP)
    name = ctx.expand(name)
    for short, full in org_aliases().items():
        if name.startswith(short):
            name = full + name[len(short):]
            break
    name = _expand_place(name, ctx)
    for short, full in abbreviations():
        if name.endswith(short):
            name = name[: -len(short)] + full
            break
    if m := PARTY_COMMITTEE.match(name):
        name = "中共" + m.group(1) + "委" + (m.group(2) or "")
    return name


def _expand_place(name: str, ctx: ArticleContext) -> str:
    """省/市/区 at the start of a name → the article's province, city, city + district."""
    if name.startswith("省") and ctx.province:
        return ctx.province + name[1:]
    if name.startswith("市") and ctx.city:
        return ctx.city + name[1:]
    if ctx.city and DISTRICT.match(name) and not name.startswith(ctx.city[:-1]):
        return ctx.city + name
    return name


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, str], ...]:
    """(abbreviated ending, full ending) pairs, longest first."""
    pairs = [tuple(line.split("\t", 1)) for line in read_lines("org_abbreviations.txt")]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def org_endings() -> tuple[str, ...]:
    """Every ending that marks a name as an organisation's."""
    return tuple(sorted(set(read_lines("org_suffixes.txt")) | set(kind_suffixes()), key=len, reverse=True))


def is_organisation(name: str) -> bool:
    """A canonical name that names one specific organisation (not 各级工会, 佛山工会)."""
    return len(name) >= 4 and name.endswith(org_endings()) and not GENERIC.match(name)
