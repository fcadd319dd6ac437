"""Date documents and articles: when was this published, and how do we know?

A document's date comes, best first, from its masthead (``2025.11``, ``2025年第11期``),
its print date (``印刷日期 2025年11月30日``), its file name (``…-2025-10-29.txt``) or,
failing all, the latest year its text mentions. An article refines that with a
dateline (``本报讯 10月29日``) or an explicit date at the start of its body; a month and
day take their year from the document. Relative expressions (今年, 去年) are later
resolved against these dates, so each date says how it was found.

>>> document_date("廣東工運\\n2025.11\\n广东省总工会主办", "issue.txt").value
'2025-11'
>>> doc = ArticleDate("2025-10-29", "day", "filename")
>>> article_date("本报讯 10月26日，珠海市斗门区总工会开展培训。", doc).value
'2025-10-26'
"""
from __future__ import annotations

import re
from pathlib import Path

from extract.document import ArticleDate

MASTHEAD = re.compile(r"(?<![\d.])(20\d{2}|19\d{2})\s*[.．/]\s*(\d{1,2})(?![\d.])")
ISSUE_NUMBER = re.compile(r"((?:19|20)\d{2})\s*年\s*第\s*(\d{1,2})\s*期")
PRINT_DATE = re.compile(r"(?:印刷|出版)日期\s*[:：]?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:[-_.]?(\d{2})(?:[-_.]?(\d{2}))?)?(?!\d)")
FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATELINE = re.compile(r"^本报讯\s*(?:[（(][^）)]{0,40}[）)])?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
YEAR_TEXT = r"((?:19|20)\d{2})\s*年"  # every year pattern below is built on this
YEAR = re.compile(rf"(?<!\d){YEAR_TEXT}(?!代)")  # 2021年, 2021年度; not 90年代
SINGLE_YEAR = re.compile(rf"(?<![\d—–\-至到]){YEAR_TEXT}(?!代|[—–\-至到])")  # not a range's end (2021—2025年)
YEAR_ONLY = re.compile(rf"^{YEAR_TEXT}度?$")  # a heading's year: 2019年度
YEAR_BEFORE = re.compile(rf"{YEAR_TEXT}度?\s*$")  # the year a card line starts with
YEAR_LEAD = re.compile(rf"^{YEAR_TEXT}度?")  # the year a name starts with: 2022年度惠州市工会工作先进单位
RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "前年": -2}  # years counted from the article's
PLAN_TARGET = re.compile(r"(?:到|至|—|–|-|~)\s*$")
HEAD_CHARS = 400  # the masthead sits at the top of an issue
BODY_START = 80  # an article's own date appears in its first characters


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO prefix (2025, 2025-11, 2025-11-26) for a plausible date, None when out of range."""
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _found(value: str | None, method: str, quote: str) -> ArticleDate | None:
    if value is None:
        return None
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return ArticleDate(value, precision, method, quote)


def document_date(text: str, path: str) -> ArticleDate:
    """The publication date of a whole document, and how it was found."""
    head = text[:HEAD_CHARS]
    candidates = []
    if m := ISSUE_NUMBER.search(text):
        candidates.append(_found(iso_date(int(m[1]), int(m[2])), "masthead", m[0]))
    if m := MASTHEAD.search(head):
        candidates.append(_found(iso_date(int(m[1]), int(m[2])), "masthead", m[0]))
    if m := PRINT_DATE.search(text):
        candidates.append(_found(iso_date(int(m[1]), int(m[2]), int(m[3])), "print_date", m[0]))
    if m := FILE_DATE.search(Path(path).stem):
        month, day = (int(m[2]) if m[2] else None), (int(m[3]) if m[3] else None)
        candidates.append(_found(iso_date(int(m[1]), month, day), "filename", m[0]))
    for found in candidates:
        if found is not None:
            return found
    return _latest_year(text) or ArticleDate(None, None, "none")


def _latest_year(text: str) -> ArticleDate | None:
    """The latest year the text reports on, as a last resort; a plan's target (到2035年) is no report."""
    years = {int(m[1]) for m in YEAR.finditer(text) if not PLAN_TARGET.search(text[max(0, m.start() - 3):m.start()])}
    if not years:
        return None
    latest = max(years)
    return ArticleDate(str(latest), "year", "context", f"{latest}年")


def article_date(body: str, doc_date: ArticleDate) -> ArticleDate:
    """An article's date: its dateline or leading date if it fits the document's, else the document's."""
    start = body[:BODY_START]
    found: ArticleDate | None = None
    if m := FULL_DATE.search(start):
        found = _found(iso_date(int(m[1]), int(m[2]), int(m[3])), "explicit", m[0])
    elif doc_date.year is None:
        return doc_date
    elif m := DATELINE.search(start):
        found = _month_day(doc_date.year, doc_date, int(m[1]), int(m[2]), "dateline", m[0])
    elif m := MONTH_DAY.match(start.lstrip()):
        found = _month_day(doc_date.year, doc_date, int(m[1]), int(m[2]), "explicit", m[0])
    return found if found is not None and _within(found, doc_date) else doc_date


def _within(found: ArticleDate, doc_date: ArticleDate) -> bool:
    """Whether a date read in an article can be its publication date, given the document's.

    An issue (month precision) publishes within its month; a dated page (day precision)
    reports news of the previous weeks; an undated or year-only document accepts its year.
    """
    if doc_date.value is None or found.value is None:
        return doc_date.value is None
    if doc_date.precision == "year":
        return found.value[:4] == doc_date.value
    if doc_date.precision == "month":
        return found.value[:7] == doc_date.value
    return found.value <= doc_date.value and (
        found.value[:7] == doc_date.value[:7] or int(found.value[8:]) >= int(doc_date.value[8:])
    )


def _month_day(year: int, doc_date: ArticleDate, month: int, day: int, method: str, quote: str) -> ArticleDate | None:
    """A month and day placed in the document's year (the year before, if later than it)."""
    doc_month = int(doc_date.value[5:7]) if doc_date.value and len(doc_date.value) >= 7 else None
    if doc_month is not None and month > doc_month + 1:
        year -= 1  # a December dateline in a January issue
    return _found(iso_date(year, month, day), method, quote)
