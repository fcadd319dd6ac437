"""Small fictional documents of the genre, as DocumentFacts: for docs, demos and tests.

>>> doc = award_news()
>>> sorted({f.type for f in doc.facts})
['award', 'event', 'mentorship', 'organisation', 'person', 'position', 'studio']
"""
from __future__ import annotations

import json

from extract.facts import ArticleInfo, DocumentFacts, Evidence, Fact


def _doc(path: str, text: str, facts: list[tuple[str, dict, str]], date: str | None = "2025-11") -> DocumentFacts:
    """A document whose facts quote ``text``; each quote must occur in it."""
    out = []
    for kind, fields, quote in facts:
        start = text.index(quote)
        out.append(Fact(kind, fields, Evidence(path, start, start + len(quote), quote), 0.9, 0))
    article = ArticleInfo(0, text[:12], date, "month" if date else None, None, None, 1, 0, len(text))
    return DocumentFacts(path, DocumentFacts.checksum_of(text), [article], out)


def award_news(path: str = "news/award-2025.txt") -> DocumentFacts:
    """A provincial award report: a person award, a collective award, positions, a studio."""
    text = ("广东省总工会一级巡视员张振飏出席表彰大会。广州电缆有限公司高级技师李明荣获2024年全国五一劳动奖章。"
            "佛山市顺德区美的厨房电器车间获得广东省工人先锋号。李明劳模创新工作室依托广州电缆有限公司成立。"
            "李明带徒陈志强。大会由广东省总工会主办，11月14日在佛山举行。")
    return _doc(path, text, [
        ("person", {"name": "张振飏"}, "广东省总工会一级巡视员张振飏出席表彰大会。"),
        ("organisation", {"name": "广东省总工会"}, "广东省总工会一级巡视员张振飏出席表彰大会。"),
        ("position", {"person": "张振飏", "organisation": "广东省总工会", "title": "一级巡视员"},
         "广东省总工会一级巡视员张振飏出席表彰大会。"),
        ("position", {"person": "李明", "organisation": "广州电缆有限公司", "title": "高级技师"},
         "广州电缆有限公司高级技师李明荣获2024年全国五一劳动奖章。"),
        ("award", {"recipient": "李明", "recipient_kind": "person", "honour": "全国五一劳动奖章",
                   "year": 2024, "recipient_org": "广州电缆有限公司"}, "广州电缆有限公司高级技师李明荣获2024年全国五一劳动奖章。"),
        ("award", {"recipient": "佛山市顺德区美的厨房电器车间", "recipient_kind": "organisation",
                   "honour": "广东省工人先锋号", "year": 2025, "recipient_org": None},
         "佛山市顺德区美的厨房电器车间获得广东省工人先锋号。"),
        ("studio", {"name": "李明劳模创新工作室", "leader": "李明", "host": "广州电缆有限公司"},
         "李明劳模创新工作室依托广州电缆有限公司成立。"),
        ("mentorship", {"master": "李明", "apprentice": "陈志强"}, "李明带徒陈志强。"),
        ("event", {"name": "表彰大会", "date": "2025-11-14", "place": "佛山", "organisers": ["广东省总工会"]},
         "大会由广东省总工会主办，11月14日在佛山举行。"),
    ])


def follow_up(path: str = "news/follow-up.txt") -> DocumentFacts:
    """A second report: the same award again, and 张振飚 (an OCR variant) with the same title."""
    text = "省总工会一级巡视员张振飚在会上讲话。2024年全国五一劳动奖章获得者李明介绍经验。"
    return _doc(path, text, [
        ("position", {"person": "张振飚", "organisation": "广东省总工会", "title": "一级巡视员"},
         "省总工会一级巡视员张振飚在会上讲话。"),
        ("award", {"recipient": "李明", "recipient_kind": "person", "honour": "全国五一劳动奖章",
                   "year": 2024, "recipient_org": None}, "2024年全国五一劳动奖章获得者李明介绍经验。"),
    ])


def unrelated_li_ming(path: str = "news/school.txt") -> DocumentFacts:
    """A different 李明: a teacher with no link to the award winner."""
    text = "惠州市第一中学教师李明获评优秀班主任。"
    return _doc(path, text, [
        ("position", {"person": "李明", "organisation": "惠州市第一中学", "title": "教师"}, text),
    ])


def tricky_names(path: str = "news/tricky.txt") -> DocumentFacts:
    """Names with quotes, backslashes and Cypher keywords, which must be stored verbatim."""
    text = "O'Brien \"MATCH\" 与 王\\五 及 DETACH DELETE n 出席 `RETURN` 公司 } 活动。"
    return _doc(path, text, [
        ("person", {"name": "O'Brien \"MATCH\""}, "O'Brien \"MATCH\""),
        ("person", {"name": "王\\五"}, "王\\五"),
        ("position", {"person": "DETACH DELETE n", "organisation": "`RETURN` 公司 }", "title": "主任'); DROP"},
         "DETACH DELETE n 出席 `RETURN` 公司 }"),
    ], date=None)


def model_worker_profile(path: str = "news/profile.txt") -> DocumentFacts:
    """A profile of a model worker: a provincial 劳动模范 award."""
    text = "深圳地铁集团电客车司机刘芳芳2025年被评为广东省劳动模范。"
    return _doc(path, text, [
        ("award", {"recipient": "刘芳芳", "recipient_kind": "person", "honour": "广东省劳动模范", "year": 2025,
                   "recipient_org": "深圳地铁集团"}, text),
    ])


def many_documents(count: int) -> list[DocumentFacts]:
    """``count`` small distinct award reports, for bulk and kill tests."""
    docs = []
    for i in range(count):
        text = (f"第{i}号通报：东莞市第{i}机械厂技师黄{i}号获得2025年东莞市五一劳动奖章。"
                f"东莞市总工会副主席周{i}号出席。")
        docs.append(_doc(f"news/batch-{i:04d}.txt", text, [
            ("award", {"recipient": f"黄{i}号", "recipient_kind": "person", "honour": "东莞市五一劳动奖章",
                       "year": 2025, "recipient_org": f"东莞市第{i}机械厂"},
             f"东莞市第{i}机械厂技师黄{i}号获得2025年东莞市五一劳动奖章。"),
            ("position", {"person": f"周{i}号", "organisation": "东莞市总工会", "title": "副主席"},
             f"东莞市总工会副主席周{i}号出席。"),
        ]))
    return docs


def to_jsonl(docs: list[DocumentFacts]) -> str:
    """The documents' facts as ``honours extract --format jsonl`` would write them."""
    return "".join(json.dumps(f.to_json(), ensure_ascii=False) + "\n" for d in docs for f in d.facts)
