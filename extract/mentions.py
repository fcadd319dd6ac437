"""Mentions in a sentence: people, organisations, honours and titles, with their spans.

People and organisations come from the statistical model (LAC's PER and ORG, via the
spaCy pipeline); organisation spans are completed by the suffixes of the ontology
(``…有限公司``, ``…总工会``); honours by the taxonomy's families and named honours;
titles by the title lexicon. Relations are then read between these mentions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
CJK = r"\u4e00-\u9fff"
PERSON_NAME = re.compile(rf"^[{CJK}·]{{2,5}}$")
# Words LAC sometimes tags as PER that are not people's names in this genre.
NOT_PERSON_END = ("工会", "公司", "集团", "劳模", "工匠", "师傅", "同志", "代表", "职工", "书记", "主席", "区", "县", "省", "市")  # 龙华区 read as a name


@dataclass(frozen=True)
class Mention:
    """A typed span of a sentence's text: PER, ORG, LOC, TIME, HONOUR or TITLE."""

    label: str
    start: int  # offsets in the article text
    end: int
    text: str


def read_lines(name: str) -> list[str]:
    """The non-comment lines of a data file in ``extract/data``."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern[str]:
    """A regex for a position title, with its optional prefixes (党组副书记, 一级巡视员)."""
    titles = sorted(read_lines("titles.txt"), key=len, reverse=True)
    prefixes = sorted(read_lines("title_prefixes.txt"), key=len, reverse=True)
    # A title is not the start of a unit's name: 常委会, 书记处, 主任科员 are not titles.
    alternatives = ("|".join(map(re.escape, words)) for words in (prefixes, titles))
    return re.compile(r"(?:{})*(?:{})(?![会部处局厅室院校组科])".format(*alternatives))


@lru_cache(maxsize=1)
def org_aliases() -> dict[str, str]:
    """Conventional short names of national bodies → canonical names."""
    return dict(line.split("\t", 1) for line in read_lines("org_aliases.txt"))


def is_person_name(text: str) -> bool:
    """Whether a PER span looks like a Chinese personal name."""
    return bool(PERSON_NAME.match(text)) and not text.endswith(NOT_PERSON_END)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Common Chinese surnames, single and double (data/surnames.txt)."""
    return frozenset(word for line in read_lines("surnames.txt") for word in line.split())


def looks_like_name(text: str) -> bool:
    """2–4 Chinese characters starting with a common surname."""
    if not re.fullmatch(rf"[{CJK}]{{2,4}}", text):
        return False
    head = text[:2] if text[:2] in surnames() else text[:1]
    return head in surnames() and 1 <= len(text) - len(head) <= 2


ROLE = r"通讯员|记者|摄影|作者|编辑|实习生"
CREDIT = re.compile(
    rf"(?:记者|通讯员|文\s*[|｜]|作者\s*[|｜]|摄影\s*[|｜]|编辑\s*[|｜]|□)\s*((?:(?:(?!{ROLE})[{CJK}]){{2,4}}[ \t]*)+)"
    rf"(?=$|[\s）)/|｜]|{ROLE})", re.MULTILINE
)


def byline_names(text: str) -> list[Mention]:
    """People credited in bylines: ``文 | 黎蔚 孙中伟``, ``（记者黄细英 通讯员霍嘉琪）``."""
    out = []
    for m in CREDIT.finditer(text):
        pos = m.start(1)
        for word in re.finditer(rf"[{CJK}]+", m.group(1)):
            name = word.group(0)
            for cut in (name, name[:3], name[:2]):  # 黄细英摄影: the next credit follows
                if looks_like_name(cut):
                    out.append(Mention("PER", pos + word.start(), pos + word.start() + len(cut), cut))
                    break
    return out


def cell_names(text: str) -> list[Mention]:
    """Names in table rows and name lists: two or more short cells of a line that are names."""
    out = []
    pos = 0
    for line in text.split("\n"):
        cells = [(m.start(), m.group(0)) for m in re.finditer(r"[^\t]+", line)]
        names = [(s, c.strip()) for s, c in cells if looks_like_name(c.strip())]
        if "\t" in line and len(names) >= 2:
            out.extend(Mention("PER", pos + s + cell_offset(line, s), pos + s + cell_offset(line, s) + len(n), n)
                       for s, n in names)
        pos += len(line) + 1
    return out


def cell_offset(line: str, start: int) -> int:
    """Leading spaces of the cell starting at ``start``."""
    return len(line[start:]) - len(line[start:].lstrip())
