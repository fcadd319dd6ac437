"""Article split and dating on the founding corpus, and on small made-up documents."""
from __future__ import annotations

import pytest

from extract.articles import split_articles
from extract.dates import article_date, document_date
from extract.document import ArticleDate, Source
from extract.read import articles_of
from tests.conftest import corpus_file

# How many articles each founding document yields (checked by reading each one).
ARTICLE_COUNTS = {
    "foshan-2024-industrial-workers.txt": 1,
    "foshan-union-five-years.txt": 1,
    "guangdong-gongyun-2024-11.txt": 14,
    "guangdong-gongyun-2025-11.txt": 16,
    "nanfang-gongbao-2025-10-29.txt": 6,
}

# Every founding article's date: (value, how it was found), checked against the text.
ARTICLE_DATES = {
    "foshan-2024-industrial-workers.txt": [("2024", "filename")],
    "foshan-union-five-years.txt": [("2022", "context")],
    "guangdong-gongyun-2024-11.txt": [("2024-11-18", "explicit")] + [("2024-11", "filename")] * 13,
    "guangdong-gongyun-2025-11.txt": [("2025-11", "masthead")] * 3 + [("2025-11-26", "explicit")]
    + [("2025-11", "masthead")] * 12,
    "nanfang-gongbao-2025-10-29.txt": [
        ("2025-10-29", "dateline"), ("2025-10-26", "dateline"), ("2025-10-29", "filename"),
        ("2025-10-27", "dateline"), ("2025-10-29", "dateline"), ("2025-10-29", "filename"),
    ],
}


def _articles(name: str):
    path = corpus_file(name)
    return articles_of(Source(str(path), path.read_text(encoding="utf-8"), "txt"))


@pytest.mark.parametrize("name", sorted(ARTICLE_COUNTS))
def test_split_corpus_article_count(name):
    assert len(_articles(name)) == ARTICLE_COUNTS[name]


@pytest.mark.parametrize("name", sorted(ARTICLE_DATES))
def test_date_every_corpus_article(name):
    got = [(a.date.value, a.date.method) for a in _articles(name)]
    assert got == ARTICLE_DATES[name]


def test_split_newspaper_page_titles_and_bylines():
    arts = _articles("nanfang-gongbao-2025-10-29.txt")
    assert arts[0].title == "佛山召开产业工人队伍建设改革工作推进会"
    assert arts[0].byline == "全媒体记者黄细英 通讯员霍嘉琪"
    assert arts[3].title == "广州市花都区工会第十六次代表大会召开"
    assert arts[5].title == "东莞市大岭山镇 举办亲子科普研学活动"


def test_split_magazine_kicker_titles_and_sources():
    arts = _articles("guangdong-gongyun-2025-11.txt")
    titles = [a.title or "" for a in arts]
    assert "经验分享 广州市总工会：“羊城工匠杯”激发百万职工创新力" in titles
    assert "欠发达地区如何找到产改抓手？ ——梅州兴宁市工会社工的启示" in titles
    reprint = next(a for a in arts if a.title and a.title.startswith("深化劳动竞赛"))
    assert reprint.source == "《南方工报》"
    assert reprint.byline == "黄细英"


def test_split_articles_cover_the_document_in_order():
    for name in ARTICLE_COUNTS:
        arts = _articles(name)
        ends = [(a.start, a.end) for a in arts]
        assert all(s < e for s, e in ends)
        assert all(e1 <= s2 for (_, e1), (s2, _) in zip(ends, ends[1:]))


def test_split_page_from_running_head():
    arts = _articles("guangdong-gongyun-2024-11.txt")
    page = next(a.page for a in arts if a.title and a.title.startswith("在深化产改中"))
    assert page == 12


def test_split_plain_document_is_one_article():
    cuts = split_articles("近日，甲公司举办职工技能竞赛。\n来自全市的选手参赛。")
    assert len(cuts) == 1 and cuts[0].title is None


def test_date_masthead_and_print_date():
    assert document_date("廣東工運\n2023.05\n广东省总工会主办", "x.txt").value == "2023-05"
    printed = document_date("目录\n印刷日期 2021年3月28日", "x.txt")
    assert (printed.value, printed.method, printed.precision) == ("2021-03-28", "print_date", "day")


def test_date_filename_and_context():
    assert document_date("近日，工会举办活动。", "news-2023-07-04.txt").value == "2023-07-04"
    found = document_date("2019年全市建立工会，2021年推进改革。", "report.txt")
    assert (found.value, found.method) == ("2021", "context")
    assert document_date("没有日期。", "report.txt").value is None


def test_date_dateline_takes_year_from_document():
    doc = ArticleDate("2026-01-05", "day", "filename")
    assert article_date("本报讯（记者王五）12月30日，某区总工会召开会议。", doc).value == "2025-12-30"


def test_date_explicit_date_outside_issue_month_is_not_the_article_date():
    doc = ArticleDate("2024-11", "month", "masthead")
    assert article_date("2024年10月12日，《意见》印发。", doc) == doc


def test_date_context_year_ignores_a_plans_target_year():
    found = document_date("2021年起推进改革，提出到2035年基本建成，今年他获评劳模。2022年工作会召开。", "notes.txt")
    assert (found.value, found.method) == ("2022", "context")
