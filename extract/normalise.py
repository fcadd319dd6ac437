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
from extract.mentions import org_aliases

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
    if name.startswith("省") and ctx.province:
        return ctx.province + name[1:]
    if name.startswith("市") and ctx.city:
        return ctx.city + name[1:]
    if ctx.city and DISTRICT.match(name) and not name.startswith(ctx.city[:-1]):
        return ctx.city + name
    return name
