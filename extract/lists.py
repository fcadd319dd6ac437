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
from extract.mentions import Mention, looks_like_name, title_pattern
from extract.spans import SpanIndex
from extract.normalise import canonical_org, is_organisation
from extract.studios import bracket_host
from ontology.taxonomy import honour_info

HEADING_VERB = re.compile(r"^(?:获得|荣获|获评)")
EDITION = re.compile(r"(?:首届|第[一二三四五六七八九十百\d]+届)[\s“\"]*$")
PART = re.compile(r"^(?:部分|其中)")  # 部分东莞市劳动模范名单
# What a heading writes after its honour: 获得者, 名单, a note in brackets (（20名）, （部分）, （按镇街排列）).
LIST_WORDS = "获得者|获奖者|获奖单位|获奖集体|获奖个人"  # 长安镇…奖章获得者, …奖状获奖单位
HEADING_TAIL = (rf"[\s“”\"]*(?:称号|荣誉称号)?(?:{LIST_WORDS}|的(?:职工|集体|单位|个人|同志))?(?:名单)?[\s“”\"]*"
                r"(?:[（(][^（）()]{1,20}[）)])?")
LISTS = re.compile(rf"名单|{LIST_WORDS}")
# Where a list's heading says its people come from: 长安镇, 滨海片区各镇 (no count, verb or clause).
SCOPE = re.compile(rf"(?:(?:19|20)\d{{2}}年度?)?(?:(?!{verb_alternation('sentence')})[\u4e00-\u9fff]){{2,12}}")
HEADING_REST = re.compile(rf"^{HEADING_TAIL}[：:]?$")
INLINE_REST = re.compile(rf"{HEADING_TAIL}[：:]")  # the heading of a line that lists its items after the colon
# A sentence announcing the list below it: 名单如下：, 具体如下（按姓氏笔画排序）：, 部分“揭西工匠”简介如下：
LIST_BELOW = re.compile(r"(?:名单|名录|(?<=[”\"])简介)(?:如下)?\s*(?:[（(][^（）()]{1,20}[）)])?\s*[：:]\s*$")  # not 其主要事迹如下：
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
        inline = _inline_heading(text, start, end, honours[0]) if len(honours) == 1 else None
        if inline is not None:  # 南海区五一劳动奖章（4名）：梁少芬（…）、杜文辉（…）
            _list_line(text, mentions, (start, end), inline, honours[0], ctx, year, emit, None)
        elif len(honours) == 1 and _is_heading(text, start, end, honours[0]):
            stated = YEAR_ONLY.match(_heading_lead(text, start, honours[0]))  # 2019年度…
            heading_year = int(stated.group(1)) if stated else year
            _heading_list(text, mentions, paras, i, honours[0], ctx, heading_year, emit, emit_position)
        elif honours and _announced_list(text, start, end, honours[-1]):
            _heading_list(text, mentions, paras, i, honours[-1], ctx, year, emit, emit_position)
        elif len(people) == 1 and text[start:end].strip() == people[0].text:
            _name_card(text, mentions, paras, i, people[0], ctx, emit)
            cards.append((people[0], i))
    if len(cards) >= 2:
        _counted_cards(text, mentions, paras, cards, ctx, year, emit)


def _announced_list(text: str, start: int, end: int, honour: Mention) -> bool:
    """A paragraph that names an honour and ends announcing the list below
    (…最终8名高技能人才获评首届“潮州工匠”。名单如下（按姓氏笔画排序）：); not for
    candidates (拟推荐人选名单如下：)."""
    lead = LIST_BELOW.search(text, honour.end, end)
    clause = max(text.rfind(c, start, honour.start) for c in "。；！？，,") + 1  # not 经推荐、公示，最终…获评
    return lead is not None and not CANDIDATES.search(text, max(start, clause), end)


def _is_heading(text: str, start: int, end: int, honour: Mention) -> bool:
    """A paragraph that is an honour's name with at most a count or a colon."""
    if CANDIDATES.search(text[start:end]):
        return False
    before = _heading_lead(text, start, honour)
    rest = text[honour.end:end]
    return (not before or bool(YEAR_ONLY.match(before)) or (SCOPE.fullmatch(before) is not None and LISTS.search(rest)
                                                           is not None)) and bool(HEADING_REST.match(rest))


def _inline_heading(text: str, start: int, end: int, honour: Mention) -> int | None:
    """Where the items begin on a line that is a heading and its list (``…（4名）：梁少芬（…）、…``)."""
    before = _heading_lead(text, start, honour)
    m = INLINE_REST.match(text, honour.end, end)
    if m is None or (before and not YEAR_ONLY.match(before)) or CANDIDATES.search(text[start:end]):
        return None
    return m.end() if text[m.end():end].strip() else None


def _heading_lead(text: str, start: int, honour: Mention) -> str:
    """What a heading writes before its honour, without a number or 获得 (获得2016年…的职工（3名）)."""
    lead = HEADING_VERB.sub("", PART.sub("", ENUMERATOR.sub("", text[start:honour.start]).strip(" “\"")))
    return EDITION.sub("", lead).strip(" “\"")  # 首届“江门工匠”, 2023年第三届…


ITEM_SEPARATOR = re.compile(r"[、；;，,]")  # between the items of one line
UNIT_SEPARATOR = re.compile(r"[、；;，,]|\s+")  # unit names carry no spaces: 单位A 单位B
SPACE = re.compile(r"\s")
LINE_LABEL = re.compile(r"[^：:\s，。、（）()]{2,10}[：:]\s*")  # 莞城街道：, 电工：
UNIT_TAIL = 6  # characters a unit may run on past the organisation it starts with (石角网点)
BRACKETED = re.compile(r"[（(]([^（）()]*)[）)]")
# A studio list's row starts with the studio, then its host in brackets or a gap:
# X工作室（依托单位）, X工作室（领衔人：Y，依托单位：Z）, X工作室　Z　Y.
STUDIO_ROW = re.compile(r"[\s“\"]*(?P<studio>[\u4e00-\u9fffA-Za-z0-9]{2,20}工作室)[”\"]?"
                        r"(?:[（(](?P<bracket>[^（）()]*)[）)])?(?=\s|[、；;，,]|$)")


def _heading_list(text: str, mentions: SpanIndex, paras: Paragraphs, i: int, honour: Mention, ctx: ArticleContext,
                  year: int | None, emit: Emit, emit_position: Emit | None) -> None:
    """One award per item of the lines that follow a heading, until a line that is no list:
    people with their units (``姓名 单位职务``, ``单位 姓名``, ``姓名（单位）``, several to a
    line after a label such as ``莞城街道：``), or, under a collective honour, units."""
    for start, end in paras[i + 1:]:
        if TABLE_HEADER.match(text, start):
            continue  # 姓名　单位　职务
        if card := _prose_card(text, mentions, start, end, ctx):  # 张锦添，广东凤江纺织…主任。从事…
            person, org = card
            emit({"recipient": person, "recipient_kind": "person", "honour": honour.text, "year": year,
                  "recipient_org": org}, start, end)
            continue
        if _inside(mentions, start, end, "HONOUR"):
            break
        body = _line_body(text, mentions, start, end)
        if not _list_line(text, mentions, (start, end), body, honour, ctx, year, emit, emit_position):
            break


CARD_NAME = re.compile(r"\s*[（(]?[\u4e00-\u9fff]{2,4}[）)]?[，,：:]")  # 张锦添，… : a paragraph about one person


def _prose_card(text: str, mentions: SpanIndex, start: int, end: int, ctx: ArticleContext) -> tuple[str, str | None] | None:
    """The person a paragraph under a list's heading is about, and the unit its first sentence
    names (``张锦添，广东凤江纺织实业有限公司织造车间主任。从事…``); None for another paragraph."""
    lead = CARD_NAME.match(text, start, end) if "。" in text[start:end] else None  # prose, not a list line
    person = next((p for p in _inside(mentions, start, end, "PER") if lead and p.end == lead.end() - 1), None)
    if person is None or text[start:person.start].strip():
        return None
    stop = text.find("。", person.end, end)
    units = _inside(mentions, person.end, stop if stop >= 0 else end, "ORG")
    org = canonical_org(units[0].text, ctx) if units else None
    return person.text, org if org and is_organisation(org) else None


def _list_line(text: str, mentions: SpanIndex, line: tuple[int, int], body: int, honour: Mention,
               ctx: ArticleContext, year: int | None, emit: Emit, emit_position: Emit | None) -> bool:
    """One award per item of a list line from ``body`` on (people, or units under a collective
    honour), and the posts written with the people; False when the line lists nothing."""
    info = honour_info(honour.text)
    collective = info is not None and info.recipient_kind == "organisation"
    items = (_unit_items if collective else _person_items)(text, mentions, body, line[1], ctx)
    for recipient, org, title in items:
        emit({"recipient": recipient, "recipient_kind": "organisation" if collective else "person",
              "honour": honour.text, "year": year, "recipient_org": org}, *line)
        if title and org and emit_position:
            emit_position({"person": recipient, "organisation": org, "title": title}, *line)
    return bool(items)


def _line_body(text: str, mentions: SpanIndex, start: int, end: int) -> int:
    """Where a list line's items begin: after its number and a label (``莞城街道：``)
    that names nobody."""
    number = ENUMERATOR.match(text, start)
    pos = number.end() if number else start
    label = LINE_LABEL.match(text, pos, end)
    if label and not [m for m in mentions.within(pos, label.end()) if m.label in ("PER", "ORG")]:
        pos = label.end()
    return pos


def _spans(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """The non-empty pieces of text[start:end] between separators, outside brackets."""
    pieces, pos, depth = [], start, 0
    for k in range(start, end):
        if text[k] in "（(":
            depth += 1
        elif text[k] in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and separator.fullmatch(text[k]):
            pieces.append((pos, k))
            pos = k + 1
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def _person_items(text: str, mentions: SpanIndex, start: int, end: int,
                  ctx: ArticleContext) -> list[tuple[str, str | None, str | None]]:
    """The people of a list line, each with the unit and post written beside the name; none
    when a piece of the line is anything else (a sentence after the list)."""
    out = []
    pieces = _spans(text, start, end, ITEM_SEPARATOR)
    if len(pieces) == 1 and len(_inside(mentions, start, end, "PER")) >= 2:
        pieces = _pairs(text, mentions, start, end)  # 单位A 张三　单位B 李四: pairs between spaces
    line_unit: str | None = None  # 单位 张三、李四: the unit written before the line's first name is theirs
    for s, e in pieces:
        people = _inside(mentions, s, e, "PER") or _name_after_post(text, s, e)
        if len(people) != 1:
            continue
        person = people[0]
        beside = BRACKETED.sub(lambda m: "" if GENDER.fullmatch(m.group(0)) else " " + m.group(1) + " ",
                               text[s:person.start] + " " + text[person.end:e])
        beside = re.sub(r"\s+", "", beside.strip(" 。.：:"))
        org, title = _unit_and_post(beside, ctx, [m.text for m in _inside(mentions, s, e, "ORG")])
        if beside and org is None and title is None:
            continue
        if out and not beside:
            org = line_unit
        elif org and not text[person.end:e].strip():
            line_unit = org
        out.append((person.text, org, title))
    return out if 2 * len(out) >= len(pieces) else []  # most pieces are people: a list, not a sentence


def _pairs(text: str, mentions: SpanIndex, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a line of unit–name or name（unit） pairs written between spaces."""
    words = [w for s, e in _spans(text, start, end, SPACE) for w in _after_brackets(text, s, e)]
    people = _inside(mentions, start, end, "PER")
    name_first = any(p.start == words[0][0] for p in people)
    items: list[list[int]] = []
    named: list[bool] = []  # whether each item has its name yet
    for s, e in words:
        has_name = any(s <= p.start and p.end <= e for p in people)
        if not items or (has_name if name_first else named[-1]):
            items.append([s, e])
            named.append(has_name)
        else:
            items[-1][1] = e
            named[-1] = named[-1] or has_name
    return [(s, e) for s, e in items]


def _after_brackets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A piece cut after each closing bracket (``黄海燕（…医院）温志刚（…）``, spaces lost)."""
    cuts = [k + 1 for k in range(start, end - 1) if text[k] in "）)"] + [end]
    pieces, pos = [], start
    for cut in cuts:
        pieces.append((pos, cut))
        pos = cut
    return pieces


def _name_after_post(text: str, start: int, end: int) -> list[Mention]:
    """A name the model missed at the end of a list item, after a post
    (``…有限公司项目经理容伟明``)."""
    post = next((m for m in title_pattern().finditer(text, start, end) if 2 <= end - m.end() <= 3), None)
    name = text[post.end():end] if post else ""
    return [Mention("PER", post.end(), end, name)] if post and looks_like_name(name) else []


def _unit_and_post(words: str, ctx: ArticleContext, orgs: list[str]) -> tuple[str | None, str | None]:
    """``江门市恒达精密机械有限公司数控车间主任`` → (the unit, 主任); (None, None) when the
    words are neither a unit nor a post. A unit may run on from an organisation the line
    names (``清远顺达快递有限公司石角网点负责人``)."""
    if not words:
        return None, None
    title = _final_title(words)
    unit = words[: -len(title)] if title else words
    if not unit:
        return None, title
    org = canonical_org(unit, ctx)
    if is_organisation(org) or any(unit.startswith(o) and len(unit) - len(o) <= UNIT_TAIL for o in orgs):
        return org, title
    return None, None


def _unit_items(text: str, mentions: SpanIndex, start: int, end: int,
                ctx: ArticleContext) -> list[tuple[str, str | None, None]]:
    """The units of a list line under a collective honour (several may share a line); a
    studio's row (``钟伟平劳模创新工作室　广东客都电子科技有限公司　钟伟平``, or its host in
    brackets: ``X工作室（博罗县人民医院）``) gives the studio."""
    if "。" in text[start:end]:
        return []
    row = STUDIO_ROW.match(text, start, end)
    if row:  # a studio's row: its name first, its host in brackets or in the cells after
        named = bracket_host(row.group("bracket")) if row.group("bracket") else None
        hosted = canonical_org(named, ctx) if named else None
        return [(row.group("studio"), hosted if hosted and is_organisation(hosted) else None, None)]
    pieces = _spans(text, start, end, UNIT_SEPARATOR)
    if _inside(mentions, start, end, "PER"):
        return []
    units = [_unit(text, mentions, s, e, ctx) for s, e in pieces]
    out = [(unit, None, None) for unit in units if unit is not None]
    return out if 2 * len(out) > len(pieces) else []  # most pieces are units: a list, not a sentence


def _unit(text: str, mentions: SpanIndex, start: int, end: int, ctx: ArticleContext) -> str | None:
    """The canonical name of the unit a piece of a list line names: an organisation, or one
    the line names run on by a few characters (汕头市潮阳区人民医院|发热门诊); else None."""
    name = canonical_org(text[start:end].strip(), ctx)
    if is_organisation(name):
        return name
    first = next((m for m in _inside(mentions, start, end, "ORG") if not text[start:m.start].strip()), None)
    run_on = first is not None and is_organisation(canonical_org(first.text, ctx)) and 0 < end - first.end <= UNIT_TAIL \
        and re.fullmatch(r"[\u4e00-\u9fff]+", text[first.end:end].strip()) is not None
    return name if run_on else None


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


def count_of(word: str) -> int:
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
        if counted is None or count_of(counted.group(1)) != len(cards):
            continue
        bounds = [i for _, i in cards[1:]] + [len(paras)]
        for (person, i), stop in zip(cards, bounds):
            below = paras[i + 1: min(stop, i + 1 + CARD_LOOKAHEAD)]  # the card's own lines
            orgs = [m for p in below for m in _inside(mentions, *p, "ORG")]
            emit({"recipient": person.text, "recipient_kind": "person", "honour": honour.text, "year": year,
                  "recipient_org": canonical_org(orgs[0].text, ctx) if orgs else None}, line_start, honour.end)

