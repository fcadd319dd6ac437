"""Cut a repaired document into its articles: titles, bylines, sources and pages.

A magazine issue or a newspaper page holds many articles. Their boundaries show in
the text as recurring marks, not as layout: a dateline (``本报讯``), a byline before
the body (``□ 廖枢权``, ``文 | 黎蔚``) or after it (``文 | 黄细英 摄影 | 林景余``), a
source line closing a reprint (``来源 | 《南方工报》``), a source tag closing a brief
(``（大亚湾工）``), a column heading (``11月大事``), and titles listed in the issue's
table of contents (``目录``). A document with none of these is one article.

>>> parts = split_articles("标题一\\n本报讯 近日，甲公司举办活动。\\n（甲工）\\n标题二\\n本报讯 乙工会召开会议。")
>>> [p.title for p in parts]
['标题一', '标题二']
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from extract.mentions import read_lines

TERMINAL = set("。！？!?…")
DATELINE = re.compile(r"^(?:本报讯|[又另]讯)")  # 又讯: the next brief of a page
AUTHOR_LINE = re.compile(r"^(?:□\s*\S|文\s*[|｜]|作者\s*[|｜])")
BYLINE_LEAD = re.compile(AUTHOR_LINE.pattern + r"|^■?\s*(?:全媒体)?记者\s*\S{2,4}$")
CREDITS = re.compile(r"(?:^|\s)(?:作者|摄影|图)\s*[|｜]\s*\S")
SOURCE_LINE = re.compile(r"^(?:来源\s*[|｜]|——?\s*摘编自|摘编自)\s*(\S.*)$")
SOURCE_TAG = re.compile(r"^[（(][^（）()]{1,12}[）)]$")
COLUMN = re.compile(r"^\d{1,2}月(?:大事|之声|要闻|动态)$")
FURNITURE = re.compile(
    r"^(?:[A-Z]{3,}\s*\S{1,4}\s*/\s*\d{0,3}|/\s*\S{1,4}\s*[A-Z]{3,}\s*\d{0,3}|\S{2}\s*P\d{2}|\d{1,3})$"
)
RUNNING_HEAD = re.compile(r"[A-Z]{3,}")  # TOPIC, SURVEY: a page header that carries the page number
PAGE_NUMBER = re.compile(r"(?:^|\s|[A-Z])(\d{1,3})$|^(\d{1,3})\s")
TOC_HEAD = re.compile(r"^目\s*录$")
TOC_ENTRY = re.compile(r"^[-–—·•]?\s*(\d{2,3})\s*(\S.{2,60})$")
MAX_HEADING = 40  # characters: a longer paragraph is body text
MIN_BODY = 80  # characters: a paragraph this long under a title block is body text
MIN_ARTICLE = 60  # characters: a shorter cut is merged into its neighbour


@dataclass
class Paragraph:
    """A paragraph of the repaired text, with its span in that text."""

    text: str
    start: int
    end: int


@dataclass
class ArticleCut:
    """An article's span in the repaired text and what its first lines tell."""

    start: int
    end: int
    title: str | None = None
    byline: str | None = None
    source: str | None = None
    page: int | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)


def paragraphs_of(text: str) -> list[Paragraph]:
    """The non-empty lines of ``text`` with their spans."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append(Paragraph(line.strip(), pos + lead, pos + lead + len(line.strip())))
        pos += len(line) + 1
    return out


def is_heading(p: Paragraph) -> bool:
    """A short line that does not end a sentence: a title, a subtitle, a kicker."""
    t = p.text
    return (
        len(t) <= MAX_HEADING
        and (t[-1] not in TERMINAL or (t[-1] in "？?" and len(t) <= MAX_HEADING // 2 + 5))
        and not (t[-1] in "”’" and len(t) > 1 and t[-2] in TERMINAL)
        and not SOURCE_TAG.match(t)
        and not FURNITURE.match(t)
        and not BYLINE_LEAD.match(t)
        and not SOURCE_LINE.match(t)
        and not DATELINE.match(t)
    )


def _heading_block_start(paras: list[Paragraph], i: int, limit: int = 3) -> int:
    """Index of the first heading paragraph directly above paragraph ``i``."""
    j = i
    while j > 0 and i - j < limit and is_heading(paras[j - 1]):
        j -= 1
    return j


def _toc_titles(paras: list[Paragraph]) -> dict[str, int]:
    """Titles listed in a table of contents, keyed without spaces, with their page."""
    titles: dict[str, int] = {}
    for i, p in enumerate(paras):
        if not TOC_HEAD.match(p.text):
            continue
        for q in paras[i + 1: i + 60]:
            m = TOC_ENTRY.match(q.text)
            if not m:
                if titles:
                    break
                continue
            titles[_key(m.group(2))] = int(m.group(1))
    return titles


def _key(text: str) -> str:
    return re.sub(r"[\s·:：,，、\"“”'‘’()（）?？!！]", "", text)


def _boundaries(paras: list[Paragraph]) -> dict[int, int | None]:
    """Paragraph indices where an article starts, with the page when the TOC gives it."""
    starts: dict[int, int | None] = {}
    toc = _toc_titles(paras)
    for i, p in enumerate(paras):
        if COLUMN.match(p.text):
            starts.setdefault(i, None)
        elif DATELINE.match(p.text):
            starts.setdefault(_heading_block_start(paras, i), None)
        elif BYLINE_LEAD.match(p.text):
            j = _heading_block_start(paras, i)
            if j < i:  # a byline under a title opens the article
                starts.setdefault(j, None)
            elif AUTHOR_LINE.match(p.text) and not CREDITS.search(p.text):
                starts.setdefault(i, None)  # an author line with its title printed elsewhere
        elif SOURCE_LINE.match(p.text) and i > 0 and is_heading(paras[i - 1]):
            continue  # a source under a title opens the article
        elif SOURCE_LINE.match(p.text) or SOURCE_TAG.match(p.text) or _closing_byline(p):
            starts.setdefault(i + 1, None)
        if toc and is_heading(p):
            page = _toc_page(paras, i, toc)
            if page is not None:
                starts[_heading_block_start(paras, i, limit=1)] = page
    if len(starts) >= 2:  # a collection: a title block over a body opens an article too
        for i in _title_blocks(paras):
            starts.setdefault(i, None)
    return {k: v for k, v in starts.items() if 0 <= k < len(paras)}


@lru_cache(maxsize=1)
def kickers() -> frozenset[str]:
    """Section kickers (经验分享, 数说, …) read from ``data/kickers.txt``."""
    return frozenset(read_lines("kickers.txt"))


def _title_blocks(paras: list[Paragraph]) -> Iterator[int]:
    """Starts of a kicker and title lines directly over a paragraph of body text."""
    for i in range(2, len(paras)):
        if len(paras[i].text) >= MIN_BODY and not is_heading(paras[i]):
            j = _heading_block_start(paras, i)
            for k in range(j, i - 1):
                if paras[k].text.replace(" ", "") in kickers():
                    yield k
                    break


def _closing_byline(p: Paragraph) -> bool:
    """A credit line after the body, such as ``文 | 黄细英 摄影 | 林景余``."""
    return bool(CREDITS.search(p.text))


def _toc_page(paras: list[Paragraph], i: int, toc: dict[str, int]) -> int | None:
    """The TOC page of the title that paragraph ``i`` starts (alone or with the next)."""
    here = _key(paras[i].text)
    if here in toc:
        return toc[here]
    if i + 1 < len(paras):
        two = here + _key(paras[i + 1].text)
        for title, page in toc.items():
            if len(here) >= 4 and (two.startswith(title) or title.startswith(two)):
                return page
    return None


def split_articles(text: str) -> list[ArticleCut]:
    """Cut repaired ``text`` into articles; see the module docstring."""
    paras = paragraphs_of(text)
    if not paras:
        return []
    bounds = _boundaries(paras)
    bounds.setdefault(0, None)
    order = sorted(bounds)
    cuts: list[ArticleCut] = []
    for n, first in enumerate(order):
        last = order[n + 1] if n + 1 < len(order) else len(paras)
        block = paras[first:last]
        if block:
            cuts.append(_describe(block, bounds[first]))
    return _merge_small(cuts)


def _describe(block: list[Paragraph], page: int | None) -> ArticleCut:
    """An ArticleCut for a run of paragraphs: title, byline, source, page."""
    title_parts = []
    for p in block:
        if COLUMN.match(p.text) or (is_heading(p) and len(title_parts) < 3 and len(block) > 1):
            title_parts.append(p.text)
            if COLUMN.match(p.text):
                break
        else:
            break
    cut = ArticleCut(block[0].start, block[-1].end, paragraphs=block, page=page)
    cut.title = " ".join(title_parts) or None
    for p in block:
        if src := SOURCE_LINE.match(p.text):
            cut.source = src.group(1).split("作者")[0].strip() or None
            if "作者" in p.text:
                cut.byline = p.text.split("作者", 1)[1].strip(" |｜")
        elif cut.byline is None and (BYLINE_LEAD.match(p.text) or _closing_byline(p)):
            cut.byline = p.text
        elif cut.byline is None and DATELINE.match(p.text):
            m = re.match(r"本报讯\s*[（(]([^）)]{2,40})[）)]", p.text)
            cut.byline = m.group(1) if m else None
        if cut.page is None and FURNITURE.match(p.text) and RUNNING_HEAD.search(p.text):
            m = PAGE_NUMBER.search(p.text)
            if m:
                cut.page = int(m.group(1) or m.group(2))
    return cut


def _merge_small(cuts: list[ArticleCut]) -> list[ArticleCut]:
    """Fold cuts with almost no text into the following (or, last, the previous) one."""
    out: list[ArticleCut] = []
    pending: ArticleCut | None = None
    for cut in cuts:
        if pending is not None:
            cut = _join(pending, cut)
            pending = None
        if sum(len(p.text) for p in cut.paragraphs) < MIN_ARTICLE:
            pending = cut
            continue
        out.append(cut)
    if pending is not None:
        if out:
            out[-1] = _join(out[-1], pending, keep_first=True)
        else:
            out.append(pending)
    return out


def _join(a: ArticleCut, b: ArticleCut, keep_first: bool = False) -> ArticleCut:
    """One cut spanning ``a`` then ``b``; metadata from ``a`` when it has a title."""
    head = a if (a.title or keep_first) else b
    return ArticleCut(
        a.start, b.end,
        title=head.title or b.title, byline=a.byline or b.byline, source=a.source or b.source,
        page=a.page or b.page, paragraphs=a.paragraphs + b.paragraphs,
    )
