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
NOT_PERSON_END = ("工会", "公司", "集团", "劳模", "工匠", "师傅", "同志", "代表", "职工", "书记", "主席")


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
    return re.compile(rf"(?:{'|'.join(prefixes)})*(?:{'|'.join(titles)})(?![会部处局厅室院校组科])")


@lru_cache(maxsize=1)
def org_aliases() -> dict[str, str]:
    """Conventional short names of national bodies → canonical names."""
    return dict(line.split("\t", 1) for line in read_lines("org_aliases.txt"))


def is_person_name(text: str) -> bool:
    """Whether a PER span looks like a Chinese personal name."""
    return bool(PERSON_NAME.match(text)) and not text.endswith(NOT_PERSON_END)
