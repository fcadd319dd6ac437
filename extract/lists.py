"""Awards laid out as lists and cards rather than sentences.

Award news prints recipients under a heading (``江门市五一劳动奖章（20名）`` then one
``姓名 单位`` line each, or ``…：张三、李四``); profile pages print name cards (a line
with the name, then lines with posts and ``2017年全国五一劳动奖章获得者``). These are
read paragraph by paragraph from the typed mentions.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from extract.conferral import verb_alternation
from extract.context import ArticleContext
from extract.dates import YEAR_BEFORE, YEAR_ONLY
from extract.articles import paragraphs_of
from extract.mentions import Mention, title_pattern
from extract.spans import SpanIndex
from extract.normalise import canonical_org, is_organisation
from ontology.taxonomy import honour_info

HEADING_VERB = re.compile(r"^(?:获得|荣获|获评)")
HEADING_REST = re.compile(r"^[\s“”\"]*(?:称号|荣誉称号)?(?:获得者|获奖者|的(?:职工|集体|单位|个人|同志))?(?:名单)?[\s“”\"]*"
                          r"(?:[（(](?:\d+[名个人家]|部分|排名不分先后|按姓氏笔画排序)[）)])?[：:]?$")  # （部分）
# A list of candidates is not a list of recipients: 拟表彰对象, 候选人, 推荐人选, 公示.
CANDIDATES = re.compile(r"拟|候选|推荐|提名|公示|培育对象|参评")
ENUMERATOR = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])\s*")
GENDER = re.compile(r"^\s*[（(][男女][）)]")
TABLE_HEADER = re.compile(r"\s*姓\s*名[\s|｜]")
CARD_LOOKAHEAD = 4  # paragraphs a name card may run over
# A line below a card that is a sentence or a headline (广东5劳模当选…), not a card line.
CARD_SENTENCE = re.compile(rf"[，。；]|{verb_alternation('card')}")
# ``广东5劳模当选…``, ``我市三名职工获评…``: a count of people, then the verb that confers the honour.
COUNTED_PEOPLE = re.compile(r"(\d+|[两二三四五六七八九十]+)\s*[名位个]?[\u4e00-\u9fff]{0,6}?(?:劳模|工匠|人才|职工|员工|"
                            rf"人|同志|选手|技师|代表)[^。！？\n]*?(?:{verb_alternation('counted')})[^。！？\n，,]*$")
NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
CHINESE_NUMBER = re.compile(r"([一二两三四五六七八九])?(十)?([一二三四五六七八九])?")
Emit = Callable[[dict, int, int], None]
Paragraphs = list[tuple[int, int]]  # (start, end) of each paragraph of the text


def _paragraphs(text: str) -> Paragraphs:
    return [(p.start, p.end) for p in paragraphs_of(text)]


def _inside(mentions: SpanIndex, start: int, end: int, label: str) -> list[Mention]:
    return [m for m in mentions.within(start, end) if m.label == label]


def list_awards(text: str, mentions: list[Mention], ctx: ArticleContext, year: int | None, emit: Emit,
                emit_position: Emit | None = None) -> None:
    """Awards from honour headings over name lines, and from name cards.

    A name line that ends with a title (``李振华 江门市恒达精密机械有限公司数控车间主任``)
    also states the person's position.
    """
    paras = _paragraphs(text)
    mentions = SpanIndex(mentions)
    cards: list[tuple[Mention, int]] = []  # the person of each name card, and its paragraph
    for i, (start, end) in enumerate(paras):
        honours = _inside(mentions, start, end, "HONOUR")
        people = _inside(mentions, start, end, "PER")
        if len(honours) == 1 and _is_heading(text, start, end, honours[0]):
            stated = YEAR_ONLY.match(_heading_lead(text, start, honours[0]))  # 2019年度…
            heading_year = int(stated.group(1)) if stated else year
            _heading_list(text, mentions, paras, i, honours[0], ctx, heading_year, emit, emit_position)
        elif len(people) == 1 and text[start:end].strip() == people[0].text:
            _name_card(text, mentions, paras, i, people[0], ctx, emit)
            cards.append((people[0], i))
    if len(cards) >= 2:
        _counted_cards(text, mentions, paras, cards, ctx, year, emit)


def _is_heading(text: str, start: int, end: int, honour: Mention) -> bool:
    """A paragraph that is an honour's name with at most a count or a colon."""
    if CANDIDATES.search(text[start:end]):
        return False
    before = _heading_lead(text, start, honour)
    return (not before or bool(YEAR_ONLY.match(before))) and bool(HEADING_REST.match(text[honour.end:end]))


def _heading_lead(text: str, start: int, honour: Mention) -> str:
    """What a heading writes before its honour, without a number or 获得 (获得2016年…的职工（3名）)."""
    return HEADING_VERB.sub("", ENUMERATOR.sub("", text[start:honour.start]).strip(" “\""))


def _heading_list(text: str, mentions: SpanIndex, paras: Paragraphs, i: int, honour: Mention, ctx: ArticleContext,
                  year: int | None, emit: Emit, emit_position: Emit | None) -> None:
    """One award per following paragraph that starts with a person's name, or, for a
    collective honour, per following paragraph that names an organisation."""
    info = honour_info(honour.text)
    if info is not None and info.recipient_kind == "organisation":
        _collective_list(text, paras[i + 1:], mentions, honour, ctx, year, emit)
        return
    for start, end in paras[i + 1:]:
        if TABLE_HEADER.match(text, start):
            continue  # 姓名　单位　职务
        people = _inside(mentions, start, end, "PER")
        if not people or people[0].start - start > 1 or _inside(mentions, start, end, "HONOUR"):
            break
        orgs = _inside(mentions, people[0].end, end, "ORG")
        rest = re.sub(r"\s+", "", GENDER.sub("", text[people[0].end:end]))  # columns: unit, then post
        title = _final_title(rest)
        if title and emit_position and rest[: -len(title)]:
            unit = canonical_org(rest[: -len(title)], ctx)
            emit_position({"person": people[0].text, "organisation": unit, "title": title}, start, end)
            rest = rest[: -len(title)]
        org = canonical_org(rest, ctx) if rest else (canonical_org(orgs[0].text, ctx) if orgs else None)
        fields = {"recipient": people[0].text, "recipient_kind": "person", "honour": honour.text,
                  "year": year, "recipient_org": org}
        emit(fields, start, end)


def _collective_list(text: str, paras: Paragraphs, mentions: SpanIndex, honour: Mention, ctx: ArticleContext,
                     year: int | None, emit: Emit) -> None:
    """Units listed one per line under a collective honour (广东省工人先锋号（3个）)."""
    for start, end in paras:
        name = canonical_org(text[start:end].strip(), ctx)
        if _inside(mentions, start, end, "HONOUR") or _inside(mentions, start, end, "PER") or not is_organisation(name):
            break
        emit({"recipient": name, "recipient_kind": "organisation", "honour": honour.text,
              "year": year, "recipient_org": None}, start, end)


def _final_title(text: str) -> str | None:
    """The position title a line ends with, if any."""
    found = [m for m in title_pattern().finditer(text) if m.end() == len(text)]
    return found[-1].group(0) if found else None


def _name_card(text: str, mentions: SpanIndex, paras: Paragraphs, i: int, person: Mention, ctx: ArticleContext,
               emit: Emit) -> None:
    """Honours printed on a person's card, in the paragraphs below the name."""
    orgs: list[Mention] = []
    for start, end in paras[i + 1: i + 1 + CARD_LOOKAHEAD]:
        people = _inside(mentions, start, end, "PER")
        if people and text[start:end].strip() == people[0].text:
            break
        orgs += _inside(mentions, start, end, "ORG")
        for honour in _inside(mentions, start, end, "HONOUR"):
            before = text[start:honour.start]
            if CARD_SENTENCE.search(before):
                continue  # a sentence or a headline below the card (广东5劳模当选…), not a card line
            found = YEAR_BEFORE.search(before)
            fields = {"recipient": person.text, "recipient_kind": "person", "honour": honour.text,
                      "year": int(found.group(1)) if found else None,
                      "recipient_org": canonical_org(orgs[0].text, ctx) if orgs else None}
            emit(fields, paras[i][0], end)


def _count(word: str) -> int:
    """A small number written in digits or characters (5, 五, 十二, 二十三); 0 for an estimate
    (二三十, 三四) or anything else."""
    if word.isdigit():
        return int(word)
    if m := CHINESE_NUMBER.fullmatch(word):
        tens, ten, units = m.groups()
        if not ten:  # one digit (五, 两); two side by side (三四) are an estimate
            return NUMERALS[tens] if tens and not units else 0
        return (NUMERALS[tens] if tens else 1) * 10 + (NUMERALS[units] if units else 0)
    return 0


def _counted_cards(text: str, mentions: SpanIndex, paras: Paragraphs, cards: list[tuple[Mention, int]],
                   ctx: ArticleContext, year: int | None, emit: Emit) -> None:
    """``广东5劳模当选中国工程院院士`` over five name cards: each card's person is a recipient.

    Only when the count the text states is the number of cards, so the honour is theirs.
    """
    for honour in (m for m in mentions.spans if m.label == "HONOUR"):
        info = honour_info(honour.text)
        if info is not None and info.recipient_kind == "organisation":
            continue
        line_start = max(text.rfind(c, 0, honour.start) for c in "。！？\n") + 1
        counted = COUNTED_PEOPLE.search(text, line_start, honour.start)
        if counted is None or _count(counted.group(1)) != len(cards):
            continue
        bounds = [i for _, i in cards[1:]] + [len(paras)]
        for (person, i), stop in zip(cards, bounds):
            below = paras[i + 1: min(stop, i + 1 + CARD_LOOKAHEAD)]  # the card's own lines
            orgs = [m for p in below for m in _inside(mentions, *p, "ORG")]
            emit({"recipient": person.text, "recipient_kind": "person", "honour": honour.text, "year": year,
                  "recipient_org": canonical_org(orgs[0].text, ctx) if orgs else None}, line_start, honour.end)

