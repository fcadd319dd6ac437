"""Realistic synthetic graphs as DocumentFacts batches: the query benchmark's data.

People hold several honours over the years; honours and employers have Zipf-like skewed
popularity; unions form the hierarchy 区总工会 → 市总工会 → 广东省总工会 → 中华全国总工会
(the store derives it from the names); there are positions, mentorships, studios, events and
collective awards. The same seed always gives the same documents.

>>> docs = list(synthetic_documents(200, seed=1, statements_per_doc=100))
>>> sum(statement_count(d) for d in docs)
200
"""
from __future__ import annotations

import functools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from extract.facts import ArticleInfo, DocumentFacts, Evidence, Fact
from ontology.taxonomy import honour_info

STATEMENT_TYPES = ("award", "position", "mentorship", "studio", "event")
CITIES = ("广州市", "深圳市", "珠海市", "汕头市", "佛山市", "韶关市", "河源市", "梅州市", "惠州市", "汕尾市",
          "东莞市", "中山市", "江门市", "阳江市", "湛江市", "茂名市", "肇庆市", "清远市", "潮州市", "揭阳市", "云浮市")
DISTRICT_STEMS = ("城东", "城西", "新城", "高新", "江南", "北山", "南湖", "东湖")
PERSON_HONOURS = ("劳动模范", "五一劳动奖章", "先进工作者", "技术能手", "三八红旗手", "青年岗位能手", "工匠")
LEVELS = ("city", "provincial", "national")  # lowest first: people climb the ladders over the years
COLLECTIVE_HONOURS = ("工人先锋号", "五一劳动奖状", "模范职工之家")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红兰玉春海林文斌波辉鹏飞宇浩然振宁荣颖佳琳晨亮"
FIRMS = ("华兴", "宏达", "粤海", "恒通", "南方", "珠江", "远航", "新纪", "金源", "广信", "东方", "嘉和")
LINES = ("科技", "实业", "精密", "智能", "重工", "新材", "环保", "装备")
INDUSTRIES = ("电气", "机械", "电缆", "汽车", "电子", "建设", "物流", "制药", "纺织", "能源")
TITLES = ("高级技师", "技师", "车间主任", "工程师", "班组长", "首席技师", "电工", "焊工")
UNION_TITLES = ("主席", "副主席", "一级巡视员", "经审会主任")
EVENTS = ("职工技能大赛", "劳模表彰大会", "工匠论坛", "职工运动会")
FIRST_YEAR, LAST_YEAR = 2000, 2025


def zipf_weights(n: int, *, exponent: float = 1.1) -> list[float]:
    """Cumulative weights 1/rank^exponent of ranks 1…n, for ``random.choices``."""
    return list(accumulate(1 / (rank ** exponent) for rank in range(1, n + 1)))


def union_names() -> list[str]:
    """Every union of the hierarchy: national, provincial, each city and its districts."""
    cities = [f"{city}总工会" for city in CITIES]
    districts = [f"{city}{stem}区总工会" for city in CITIES for stem in DISTRICT_STEMS]
    return ["中华全国总工会", "广东省总工会", *cities, *districts]


def honour_templates(families: Sequence[str]) -> list[tuple[str, str]]:
    """Every (family, level) an honour can be conferred at, commonest first: city, provincial, national."""
    return [(family, level) for level in LEVELS for family in families]


@functools.cache
def honour_name(family: str, level: str, city: str) -> str:
    """The canonical name of ``family`` conferred at ``level`` (a city-level one by ``city``)."""
    place = {"national": "全国", "provincial": "广东省", "city": city}[level]
    if family == "工匠":
        name = {"national": "大国工匠", "provincial": "南粤工匠", "city": f"{city.removesuffix('市')}工匠"}[level]
    else:
        name = f"{place}{family}"
    info = honour_info(name)
    return info.name if info is not None else name


def person_name(index: int) -> str:
    """A distinct three-character Chinese name for each index (longer past a few 100 000)."""
    s, g = len(SURNAMES), len(GIVEN)
    block = s * g * g
    j = (index % block) * 104_729 % block  # scrambled, so that neighbours do not share given names
    extra = GIVEN[(index // block - 1) % g] if index >= block else ""
    return SURNAMES[j % s] + GIVEN[(j // s) % g] + GIVEN[j // (s * g)] + extra


def enterprise_name(index: int) -> str:
    """A distinct enterprise name, in a Guangdong city, for each index."""
    city, rest = CITIES[index % len(CITIES)], index // len(CITIES)
    brand, rest = FIRMS[rest % len(FIRMS)], rest // len(FIRMS)
    line, rest = LINES[rest % len(LINES)], rest // len(LINES)
    industry, serial = INDUSTRIES[rest % len(INDUSTRIES)], rest // len(INDUSTRIES)
    return f"{city}{brand}{line}{industry}{'第' + str(serial + 1) if serial else ''}有限公司"


@dataclass
class _Writer:
    """Collects sentences into documents of a fixed number of statements."""

    prefix: str
    per_doc: int
    sentences: list[tuple[int, str, str, dict]] = field(default_factory=list)

    def add(self, year: int, kind: str, quote: str, fields: dict) -> None:
        self.sentences.append((year, kind, quote, fields))

    def documents(self) -> Iterator[DocumentFacts]:
        ordered = sorted(enumerate(self.sentences), key=lambda pair: (pair[1][0], pair[0]))
        for number, start in enumerate(range(0, len(ordered), self.per_doc)):
            chunk = [item for _, item in ordered[start:start + self.per_doc]]
            yield self._document(number, chunk)

    def _document(self, number: int, chunk: list[tuple[int, str, str, dict]]) -> DocumentFacts:
        year = chunk[-1][0]
        path = f"synthetic/{self.prefix}-{number:05d}.txt"
        text, facts = f"{self.prefix} 第{number}期 {year}年通报。", []
        for _, kind, quote, fields in chunk:
            start = len(text)
            text += quote
            facts.append(Fact(kind, fields, Evidence(path, start, len(text), quote), 0.9, 0))
        article = ArticleInfo(0, f"{year}年表彰通报", str(year), "year", None, "合成数据", 1, 0, len(text))
        return DocumentFacts(path, DocumentFacts.checksum_of(text), [article], facts)


class _World:
    """The entities of one synthetic graph and the statements about them."""

    def __init__(self, statements: int, seed: int):
        self.rng = random.Random(seed)
        self.statements, self.people = statements, 0
        self.unions = union_names()
        families, collective = list(PERSON_HONOURS), list(COLLECTIVE_HONOURS)
        self.rng.shuffle(families)  # which family is popular is random; lower levels are commoner
        self.rng.shuffle(collective)
        self.individual, self.collective = honour_templates(families), honour_templates(collective)
        self.enterprises = [enterprise_name(i) for i in range(max(20, statements // 40))]
        self.rng.shuffle(self.enterprises)
        self.weights = {name: zipf_weights(len(items)) for name, items in
                        (("individual", self.individual), ("collective", self.collective),
                         ("enterprises", self.enterprises), ("unions", self.unions))}

    def pick(self, what: str) -> Any:
        items = getattr(self, what)
        return self.rng.choices(items, cum_weights=self.weights[what])[0]

    def honours(self, count: int, city: str) -> list[str]:
        """Up to ``count`` distinct individual honours, lowest level first."""
        picked = {self.pick("individual") for _ in range(count)}
        return [honour_name(family, level, city)
                for family, level in sorted(picked, key=lambda t: (LEVELS.index(t[1]), t[0]))]

    def write(self, out: _Writer) -> None:
        count = 0
        while count < self.statements:
            if self.rng.random() < 0.08:
                count += self._collective(out)
            elif self.rng.random() < 0.02:
                count += self._event(out)
            else:
                count += self._person(out, self.statements - count)

    def _new_name(self) -> str:
        self.people += 1
        return person_name(self.people - 1)

    def _person(self, out: _Writer, room: int) -> int:
        rng, name = self.rng, self._new_name()
        official = rng.random() < 0.05
        employer = self.pick("unions") if official else self.pick("enterprises")
        title = rng.choice(UNION_TITLES if official else TITLES)
        honours = self.honours(min(1 + int(rng.expovariate(0.7)), 8), _city_of(employer))
        years = sorted(rng.sample(range(FIRST_YEAR, LAST_YEAR + 1), len(honours)))
        out.add(years[0], "position", f"{employer}{title}{name}出席。",
                {"person": name, "organisation": employer, "title": title})
        written = 1
        for year, honour in zip(years, honours):
            if written >= room:
                return written
            out.add(year, "award", f"{employer}{name}荣获{year}年{honour}。",
                    {"recipient": name, "recipient_kind": "person", "honour": honour, "year": year,
                     "recipient_org": employer})
            written += 1
        if written + 1 < room and len(honours) >= 2 and rng.random() < 0.3:  # a junior colleague as apprentice
            apprentice, junior = self._new_name(), rng.choice(TITLES[-2:])
            out.add(years[-1], "position", f"{employer}{junior}{apprentice}出席。",
                    {"person": apprentice, "organisation": employer, "title": junior})
            out.add(years[-1], "mentorship", f"{name}带徒{apprentice}。", {"master": name, "apprentice": apprentice})
            written += 2
        if written < room and len(honours) >= 3 and not official:
            studio = f"{name}劳模创新工作室"
            out.add(years[-1], "studio", f"{studio}依托{employer}成立。",
                    {"name": studio, "leader": name, "host": employer})
            written += 1
        return written

    def _collective(self, out: _Writer) -> int:
        org = self.pick("enterprises")
        honour = honour_name(*self.pick("collective"), _city_of(org))
        year = self.rng.randint(FIRST_YEAR, LAST_YEAR)
        out.add(year, "award", f"{org}获得{year}年{honour}。",
                {"recipient": org, "recipient_kind": "organisation", "honour": honour, "year": year,
                 "recipient_org": None})
        return 1

    def _event(self, out: _Writer) -> int:
        union, year = self.pick("unions"), self.rng.randint(FIRST_YEAR, LAST_YEAR)
        name = f"{year}年{union.removesuffix('总工会')}{self.rng.choice(EVENTS)}"
        date = f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        out.add(year, "event", f"{name}由{union}主办，{date}举行。",
                {"name": name, "date": date, "place": union[:3], "organisers": [union]})
        return 1


def _city_of(organisation: str) -> str:
    return next((city for city in CITIES if organisation.startswith(city)), CITIES[0])


def synthetic_documents(statements: int, *, seed: int = 7, statements_per_doc: int = 2000) -> Iterator[DocumentFacts]:
    """Documents holding exactly ``statements`` statements (awards, positions, mentorships, studios, events)."""
    out = _Writer(f"synth-{seed}-{statements}", statements_per_doc)
    _World(statements, seed).write(out)
    yield from out.documents()


def statement_count(doc: DocumentFacts) -> int:
    """How many of a document's facts are statements (not bare person/organisation mentions)."""
    return sum(fact.type in STATEMENT_TYPES for fact in doc.facts)
