"""What an article is about: its province and city, and the short names it defines.

Abbreviations depend on context: 省总工会 is 广东省总工会 in a Guangdong magazine and
市总工会 is whichever city the article is about; an article may define its own short
names (``广州视源电子科技有限公司（以下简称“视源”）``). :class:`ArticleContext`
collects these once per article so normalisation can expand them.

>>> ctx = article_context("佛山市总工会召开会议。市总工会主席李灿出席。", doc_text="")
>>> ctx.city
'佛山市'
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

DEFAULT_PROVINCE = "广东省"  # the genre: Guangdong union press
ALIAS = re.compile(
    r"([\u4e00-\u9fff（）()·\w]{2,40}?)[（(](?:以下|下文)?(?:简称|下称)[“\"]([^”\"]{1,12})[”\"][）)]"
)
CITY = re.compile(r"([\u4e00-\u9fff]{2,3}?)市(?![场民长委政])")
PROVINCE = re.compile(r"([\u4e00-\u9fff]{2,3}?)省(?![委政级内外])")
ANAPHOR_KINDS = ("公司", "集团", "厂", "医院", "学校", "学院", "大学", "银行", "单位")
ANAPHOR = re.compile(rf"^(?:该|本)({'|'.join(ANAPHOR_KINDS)})")
NOT_PLACES = {"全", "本", "该", "城", "超", "都", "各", "全省", "省", "上", "地级", "县级", "副", "城"}


@dataclass
class ArticleContext:
    """Places and short names that an article's abbreviations refer to."""

    province: str | None = DEFAULT_PROVINCE
    city: str | None = None
    aliases: dict[str, str] = field(default_factory=dict)  # short name → full name
    antecedents: dict[str, str] = field(default_factory=dict)  # 公司 → the company named last

    def expand(self, short: str) -> str:
        """The full name an article's own short name stands for, else ``short``."""
        if m := ANAPHOR.match(short):
            named = self.antecedents.get(m.group(1))
            return named + short[m.end():] if named else short
        return self.aliases.get(short, short)

    def saw(self, name: str) -> None:
        """Remember an organisation named in the text, so 该公司/该集团 can refer back to it."""
        for kind in ANAPHOR_KINDS:
            if kind in name[1:]:
                self.antecedents[kind] = name[: name.index(kind, 1) + len(kind)]


def _most_common_place(pattern: re.Pattern[str], *texts: str) -> str | None:
    counts: Counter[str] = Counter()
    for weight, text in zip((3, 1), texts):
        for m in pattern.finditer(text):
            name = m.group(1)
            if name not in NOT_PLACES and not name.endswith(("全", "本", "该")):
                counts[m.group(0)] += weight
    return counts.most_common(1)[0][0] if counts else None


def article_context(text: str, *, doc_text: str = "") -> ArticleContext:
    """Context of an article: the city and province it names most, its 以下简称 aliases."""
    city = _most_common_place(CITY, text, doc_text[:20000])
    province = _most_common_place(PROVINCE, text, doc_text[:20000]) or DEFAULT_PROVINCE
    aliases = {m.group(2): m.group(1) for m in ALIAS.finditer(text)}
    return ArticleContext(province=province, city=city, aliases=aliases)
