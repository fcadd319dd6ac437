"""Awards read from one sentence: who receives which honour, in which year, and placings.

Conferral verbs (``conferral_verbs.txt``) between a name and an honour, an honour in
apposition to a name, names listed after it, and the placings of a competition
(``获得第一名的选手被授予…称号``) give the recipients; the year is the one written nearest
before the honour. Records are dicts keyed as in ../shared/DESIGN.md.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from extract.conferral import conferral_verbs, placing_alternation, verb_alternation
from extract.context import ArticleContext
from extract.dates import RELATIVE_YEAR, YEAR
from extract.honours import open_kind
from extract.mentions import Mention, looks_like_name, title_pattern
from extract.lists import count_of
from extract.normalise import canonical_org, is_organisation
from extract.sentence import JOINERS, PRONOUN, Sentence
from extract.studios import studio_mentions
from ontology.taxonomy import honour_info

CONFERRAL = re.compile(verb_alternation("reported"))  # 授予, 表彰: a conferral reported as news
AWARD_VERB = re.compile(verb_alternation("sentence"))
COPULA = frozenset(conferral_verbs("copula"))  # 是
RECIPIENT_AFTER = frozenset(conferral_verbs("after"))  # 授予/命名 X（为）H
# 是 states an honour only when the honour ends the clause: 她是全国劳动模范。 (not 是全国劳动模范张三的徒弟)
COPULA_END = re.compile(r"[”\"]?(?:称号|获得者)?(?:之一)?(?:[，。；,;！!]|$)")
NOT_AWARD = re.compile(r"推荐|候选|提名|培育对象|申报|参评|争创|争当|评选活动|学习|致敬|选树|拟|"
                       r"将(?:新|再|陆续|继续|重点)?(?:命名|授予|评选|表彰|评出)")  # a plan: 将新命名一批…


def awards(sent: Sentence, ctx: ArticleContext, year_of_article: int | None,
           subject: Mention | None = None, *, dated_news: bool = False) -> list[dict]:
    """Awards a sentence states: conferral verbs, appositions, 授予…称号.

    In dated news (a day-precise article), a conferral reported as happening (授予,
    表彰) took place in the article's year.
    """
    out = []
    people = sent.of("PER")
    units = sent.of("ORG") + [m for m in sent.of("LOC") if is_organisation(m.text)] + studio_mentions(sent)
    units = [u for u in units if not _parent_of_next(sent, u, units)]  # a site or a studio can hold one
    carried: list[Mention] = _listed_lead(sent, ctx, people)  # 其中包括A、B: the last sentence's honour
    if carried and ctx.pending:
        out.extend(_records(carried, ctx.pending[0], ctx.pending[1], sent, ctx))
    ctx.pending = None
    again, named = _named_again(sent, ctx, people)  # 受表彰的优秀工会工作者包括：A、B
    if again:
        out.extend(_records(named, again[0], again[1], sent, ctx))
    ctx.last_honours = []
    last: list[Mention] = []  # the recipients of the sentence's last personal honour
    for honour in sent.of("HONOUR"):
        info = honour_info(honour.text)
        collective = (info.recipient_kind if info is not None else open_kind(honour.text)) == "organisation"
        h_start, h_end = sent.local(honour)
        before = sent.text[:h_start]
        clause_start = sent.begin(h_start, "。；;")
        clause = before[clause_start:]
        if NOT_AWARD.search(re.split(r"[，,]", clause[-20:])[-1]):  # not …“X”选树活动，最终8名职工当选X
            continue
        ranked: list[str] = []  # the placings whose holders receive a person's honour
        if collective:  # 工人先锋号, 示范点, 创新工作室: units, never the people named in them
            recipients = (_verb_recipient(sent, clause_start, h_start, h_end, units, None)
                          or _bestowed_on(sent, clause_start, h_start, units, None))
            anaphor = THIS_UNIT.search(sent.text, clause_start, h_start)
            if not recipients and anaphor and ctx.expand(anaphor.group(0)) != anaphor.group(0):
                recipients = [Mention("ORG", honour.start, honour.start, ctx.expand(anaphor.group(0)))]
            if not recipients:  # 为3个…工作室授牌，分别是A（…）、B（…）
                recipients = _units_listed_after(sent, h_end, units)
            if not recipients and (apposed := UNIT_HOLDER.match(sent.text, h_end)):  # …奖状获得单位X
                recipients = [u for u in units if sent.local(u)[0] == apposed.end()]
            if not recipients and ctx.topic and _subjectless(sent, clause_start, h_start):
                recipients = [Mention("ORG", honour.start, honour.start, ctx.topic)]
        elif info is not None and info.level == "enterprise" and _copula(sent, clause_start, h_start):
            recipients = []  # 他是该公司首席技师: a post in his company, not an honour conferred
        else:
            personal = info is not None or open_kind(honour.text) == "person"
            holders = people if personal else people + units  # a person's honour goes to people
            ranked = _placed_subject(sent, clause_start, h_start)
            recipients = (_placed_recipients(ranked, ctx, honour)
                          or _described(sent, clause_start, h_start, h_end, people)  # 慰问了…被评为H的老劳模X
                          or _verb_recipient(sent, clause_start, h_start, h_end, holders, subject)
                          or _bestowed_on(sent, clause_start, h_start, holders, subject)  # 为她颁发了H
                          or _apposition_recipients(sent, h_end, people) or _listed_after(sent, h_end, people)
                          or _among(sent, h_end, people) or _named_after(sent, h_end, people))
            if not recipients and personal and subject is not None and not MODIFIES.match(sent.text, h_end) and (
                    _subjectless(sent, clause_start, h_start, zero=True) or THIS_PERSON.search(before)):
                recipients = [subject]  # 2017年被评为X (the profile's worker); 这位X
            if not recipients and personal:
                recipients = _counted(sent, clause_start, h_start, ctx) or (
                    last if _continues(sent, clause_start, h_start) else []) or _agent_only(sent, clause_start, h_start)
            last = recipients or last
        clause_end = sent.stop(h_end, "。；;")
        year = _award_year(sent.text[clause_start:h_end], sent.text[h_end:clause_end], year_of_article) or (
            year_of_article if dated_news and not _earlier(sent, clause_start, h_start) and (
                CONFERRAL.search(sent.text[clause_start:h_start]) or (
                    ctx.recent and AWARD_VERB.search(sent.text, clause_start, h_start))) else None)  # not 看望了全国劳动模范X
        if dated_news and year_of_article and year == year_of_article - 1 and ctx.reported \
                and _conferred_now(sent.text, clause_start, h_start, h_end):
            year = year_of_article  # 2024年度X conferred at the meeting this news of 2025 reports
        for placing in ranked:  # for those the article places later
            ctx.placing_honours.setdefault(placing, []).append((honour.text, year))
        if not recipients and not collective and (ANNOUNCED.match(sent.text, h_end)
                                                  or _counted_subject(sent, clause_start, h_start)):
            ctx.pending = (honour.text, year)  # …名单，全市共50人入选。其中包括A、B…; 10名职工当选H。其中，…
        out.extend(_records(recipients, honour.text, year, sent, ctx))
        ctx.last_honours.append((honour.text, year))
    ctx.previous_people = ([] if ctx.run_closed else ctx.previous_people[-RECENT_SENTENCES:]) + [[p.text for p in people]]
    ctx.run_closed = sent.text.rstrip()[-1:] in "。！？!?"
    return out


def _records(recipients: list[Mention], honour: str, year: int | None, sent: Sentence,
             ctx: ArticleContext) -> list[dict]:
    """Award records of one honour for its recipients."""
    out = []
    for who in recipients:
        kind = "person" if who.label == "PER" else "organisation"
        out.append({
            "recipient": who.text if kind == "person" else canonical_org(who.text, ctx),
            "recipient_kind": kind, "honour": _enterprise_named(honour, ctx), "year": year,
            "recipient_org": (_placed_org(who, ctx) if who.start == who.end else _recipient_org(sent, who, ctx))
            if kind == "person" else None,
        })
    return out


# An honour announced with a count and no names yet: 公布2025年“羊城工匠”名单，全市共50名…入选.
ANNOUNCED = re.compile(r"[^。；]{0,30}?(?:名单|\d+\s*[名人位])[^。；]{0,20}?(?:入选|上榜|获此殊荣|获评|名列其中)")
LISTED_LEAD = re.compile(r"^\s*(?:其中|他们)?(?:包括|有|是|分别是|分别为)[：:，,]?\s*|^\s*其中[，,：:]\s*")
ALSO_LISTED = re.compile(r"等?(?:也|亦|同样|均)(?:榜上有名|名列其中|在其中|入选|上榜)(?=[，。；！]|$)")  # …A、B等也榜上有名。
COUNT_SUBJECT = re.compile(r"[\d一二两三四五六七八九十]+\s*[名位个人][\u4e00-\u9fff]{0,6}$")  # 最终10名职工|当选
# 3人被授予…, 上述5名选手均获…: a count of the people the sentence before named
COUNTED = re.compile(r"(?P<back>上述|以上|这)?([\d一二两三四五六七八九十]+)\s*(?:人|名|位)(?:选手|职工|同志|获奖者)?")
RECENT_SENTENCES = 8  # how far 以上9名选手 may look back over a list's lines


def _listed_lead(sent: Sentence, ctx: ArticleContext, people: list[Mention]) -> list[Mention]:
    """``其中包括X公司高级工程师A、B…``, ``其中，X公司技术总监A…；B、C等也榜上有名``: the people
    a sentence lists for the honour the sentence before announced."""
    if not ctx.pending:
        return []
    m = LISTED_LEAD.match(sent.text)
    found = _people_from(sent, m.end(), people) if m else []
    for also in ALSO_LISTED.finditer(sent.text):  # …；B、C等也榜上有名
        named = [p for p in people if sent.local(p)[1] <= also.start()]
        found += _people_from(sent, sent.begin(also.start(), "。；;"), named)
    return [p for p in found if not _own_conferral(sent, p)]


# An honour named again without its place, its holders listed after: 受表彰的优秀工会工作者包括：A（…）、B（…）.
NAMED_AGAIN = re.compile(r"\s*(?:其中[，,]?)?(?:受表彰的|获评的|获表彰的|获得)?[“\"]?(?P<honour>[\u4e00-\u9fff]{4,12}?)[”\"]?"
                         r"(?:称号获得者|获得者)?(?:包括|有|分别是|分别为)[：:]")


def _named_again(sent: Sentence, ctx: ArticleContext, people: list[Mention]) -> tuple[tuple[str, int | None] | None, list[Mention]]:
    """The honour of the sentence before that this one names again by its last words, and the
    people it lists for it (``受表彰的优秀工会工作者包括：A（…）、B（…）等``)."""
    m = NAMED_AGAIN.match(sent.text)
    again = next((h for h in ctx.last_honours if h[0].endswith(m.group("honour"))), None) if m else None
    return (again, _people_from(sent, m.end(), people)) if again else (None, [])


def _own_conferral(sent: Sentence, person: Mention) -> bool:
    """Whether the person's own phrase confers something on them (其中，X荣获2023年Y): that
    honour is theirs, not the one announced before."""
    end = sent.local(person)[1]
    return AWARD_VERB.search(sent.text, end, sent.stop(end, "，,；;。")) is not None


def _counted_subject(sent: Sentence, clause_start: int, h_start: int) -> bool:
    """A count of people names no one (最终10名职工当选H): the next sentence may name them."""
    verb = AWARD_VERB.search(sent.text, clause_start, h_start)
    return verb is not None and COUNT_SUBJECT.search(_subject_words(sent, clause_start, verb)) is not None


def _counted(sent: Sentence, clause_start: int, h_start: int, ctx: ArticleContext) -> list[Mention]:
    """``3人被授予H`` after a sentence naming three people: those people; ``以上9名选手…``
    after list lines naming nine in all: those nine."""
    verb = AWARD_VERB.search(sent.text, clause_start, h_start)
    m = COUNTED.fullmatch(_subject_words(sent, clause_start, verb)) if verb else None
    if m is None:
        return []
    count = count_of(m.group(2))
    named: list[str] = []
    for earlier in reversed(ctx.previous_people if m.group("back") else ctx.previous_people[-1:]):
        named = list(dict.fromkeys(earlier + named))
        if len(named) >= count:
            break
    if len(named) < 2 or count != len(named):
        return []
    return [Mention("PER", sent.start + h_start, sent.start + h_start, name) for name in named]


RESULT = re.compile(r"获得|荣获|夺得|摘得|第[一二三四五六七八九十\d]+名|等奖|冠军")  # the clause that names winners
AGENT_ONLY = re.compile(r"(?:并|均|还|同时|随后|将)?由[^，。；“”]{2,30}?(?:授予|颁发|评为|命名为?)[“\"]?$")  # …，由X局授予“Y”称号


def _agent_only(sent: Sentence, clause_start: int, h_start: int) -> list[Mention]:
    """``A、B、C分别获得…第一名，由X授予H``: a conferral with its conferrer and no object goes to
    the winners the clause before it names."""
    comma = max(sent.text.rfind(c, clause_start, h_start) for c in "，,")
    if comma < clause_start or not AGENT_ONLY.fullmatch(sent.text, comma + 1, h_start):
        return []
    before = max(clause_start, max(sent.text.rfind(c, clause_start, comma) for c in "，,") + 1)
    if not RESULT.search(sent.text, before, comma):
        return []  # 主席王明、副主席李华出席，由…颁发: guests, not winners
    return [p for p in sent.of("PER") if before <= sent.local(p)[0] and sent.local(p)[1] <= comma]


def _continues(sent: Sentence, clause_start: int, h_start: int) -> bool:
    """A clause with no subject of its own after another conferral in the sentence
    (…3人被授予A，同时由市人社局授予B称号): the same people receive it."""
    part = max(sent.text.rfind(c, clause_start, h_start) for c in "，,") + 1
    verb = AWARD_VERB.search(sent.text, part, h_start)
    if verb is None or _subject_words(sent, part, verb).strip():
        return False  # 另有4名职工获得…: a subject of its own; “潮州工匠”的选树: no conferral
    return part > clause_start and not [m for m in sent.mentions if m.label == "PER"
                                        and part <= sent.local(m)[0] < h_start]



NEXT_CONFERRAL = re.compile(verb_alternation("next"))
LISTED_VERB = re.compile(verb_alternation("listed"))  # 获得…奖章的职工有：A、B
OWN_OBJECT = re.compile(r"[^，,：:“”\"]*?[\u4e00-\u9fff]{2}[^，,：:“”\"]*?[，,]")  # a verb's object, then a comma
OTHERS = re.compile(r"^(?:另有|另外还?有?|其余|其他)")  # 另有4名职工获得…: not the person named before
NEXT_YEAR = re.compile(r"次年|翌年|第二年")
AGE = re.compile(r"[已经才刚满]*\d+\s*(?:周)?岁")
# What may stand before a conferral verb when the passage's unit is the one honoured.
TIME_AND_ADVERBS = re.compile(r"(?:19|20)\d{2}\s*年度?|\d{1,2}\s*月(?:\d{1,2}\s*日)?|[今去前]年|近年来|近日|日前|"
                              r"[当同次]年|随后|此后|后来|连续[\d一二三四五六七八九十两]{1,2}年|[一二三四五六七八九十两\d]度|"
                              r"先后|相继|曾经?|又|还|也|并|已经?|于|在|被|均|都|分别|一举|成功|即|便|再次?|多次|喜|荣")
GENERIC_SUBJECT = re.compile(r"(?:该|此|这一?|本|上述)?(?:项目|做法|经验|品牌|活动|工程|举措|行动|计划|案例|成果|服务)?")
THIS_UNIT = re.compile(r"[该本](?:工作室|公司|集团|车间|班组|单位|厂)|(?<=[，,])(?:公司|集团|车间|工作室)(?=还|也|又|再|先后|曾|被)")  # 该工作室被…命名为…; 同月，公司还荣获…
PLACING = re.compile(placing_alternation("placed"))
MODIFIES = re.compile(r"[^，。；：:,;]*?的")  # 获得X的职工: the verb phrase describes someone named elsewhere
THIS_SUBJECT = re.compile(r"(?:这位|这名|此位|该名)[^，。；、]{0,10}")  # 这位“90后”姑娘去年获得…: the person just named
THIS_PERSON = re.compile(r"(?:这位|这名|此位)[”\"“]?$")  # 这位蓬江区劳动模范: the person the passage is about
PLACE_VERB = r"获得|夺得|获"  # 获得/夺得 a placing: a rank is won, not conferred
# 获得第一名的选手被授予…, 各工种前三名选手获…: the people a rank is given to receive the honour.
RESULT_ITEM = re.compile(r"[\s；;，,、]*(?:(?![为是由])[\u4e00-\u9fff（）()]){0,10}[\s：:]*")  # between a result list's names: ；焊工
RESULT_LIST = re.compile(rf"(?P<place>{PLACING.pattern})(?:获得者|获奖者|选手)?(?:名单)?(?:出炉|揭晓|如下|分别是|分别为)[：:]")
PLACED_SUBJECT = re.compile(rf"(?:(?:{PLACE_VERB})[^，。；]{{0,12}}?|各[^，。；]{{0,6}}?)?((?:{PLACING.pattern})|前[二三四五六七八九十]名)"
                            r"的?(?:选手|职工|个人|同志|员工|获得者)")
RANKS = "一二三四五六七八九十"
RANK_RANGE = re.compile(rf"前([{RANKS[1:]}])名")
PLACED_BY = re.compile(r"由([^，。；]{2,40}?)(?:摘得|获得|夺得|包揽|获)")  # 第一名由X摘得
RESPECTIVELY = re.compile(r"(?:分获|分列|分居|分别获得?|分别位列|依次获得?)[^，。；]{0,12}$")  # A、B、C分获（…）前三名
RANK_LIST = re.compile(rf"第([{RANKS}])((?:、第?[{RANKS}])+)名")  # A、B分获第二、三名
SHARED_RANKS = re.compile(rf"((?:[{RANKS}]、)+)$")  # 一、|二等奖获得者
PLACED_NAME = re.compile(r"[：:\s]*")  # 第一名杨文杰, 一等奖：张三


def placings(sent: Sentence, ctx: ArticleContext) -> dict[str, list[tuple[str, str | None]]]:
    """People a sentence gives a placing, with their organisations: ``A、B分别获得…第一名``,
    or a result list's ``第一名杨文杰（湛江港通物流有限公司）``. A later (or earlier)
    ``获得第一名的选手被授予…称号`` confers the title on them."""
    found: dict[str, list[tuple[str, str | None]]] = {}
    for rng in RANK_RANGE.finditer(sent.text):  # A、B、C分获前三名: in the order they are named
        verb = RESPECTIVELY.search(sent.text, sent.begin(rng.start(), "。；;"), rng.start())
        people = _clause_people(sent, verb.start()) if verb else []
        if len(people) == RANKS.index(rng.group(1)) + 1:
            for rank, person in zip(_ranks(rng.group(0)), people):
                found.setdefault(rank, []).append((person.text, _recipient_org(sent, person, ctx)))
    for ranks in RANK_LIST.finditer(sent.text):  # A（…）、B（…）分列第二、三名: in the order they are named
        verb = RESPECTIVELY.search(sent.text, sent.begin(ranks.start(), "。；;"), ranks.start())
        if verb is None:
            continue
        part = sent.begin(verb.start(), "，,。；;")
        people = [m for m in sent.of("PER") if part <= sent.local(m)[0] and sent.local(m)[1] <= verb.start()]
        numbers = ranks.group(1) + re.sub(r"[、第]", "", ranks.group(2))
        if len(people) == len(numbers):
            for number, person in zip(numbers, people):
                found.setdefault(f"第{number}名", []).append((person.text, _recipient_org(sent, person, ctx)))
    for head in RESULT_LIST.finditer(sent.text):  # 各工种一等奖名单出炉：电工 曾志斌（…）；焊工 温国强（…）
        listed: list[Mention] = []
        pos = head.end()
        for person in (p for p in sent.of("PER") if sent.local(p)[0] >= head.end()):
            if not RESULT_ITEM.fullmatch(UNIT_IN_BRACKETS.sub("", sent.text[pos:sent.local(person)[0]])):
                break  # …，颁奖嘉宾为市总工会副主席陈刚; 二等奖名单…
            listed.append(person)
            pos = sent.local(person)[1]
        found.setdefault(head.group("place"), []).extend((p.text, _recipient_org(sent, p, ctx)) for p in listed)
    for place in PLACING.finditer(sent.text):
        named = PLACED_NAME.match(sent.text, place.end())
        first = next((p for p in sent.of("PER") if sent.local(p)[0] == named.end()), None)
        taken = PLACED_BY.match(sent.text, place.end())  # 第一名由…公司温建波摘得
        if taken:
            first = next((p for p in reversed(sent.of("PER")) if sent.local(p)[1] <= taken.end(1)
                          and sent.local(p)[0] > place.end()), None)
        if first is not None:  # the name right after its rank
            found.setdefault(place.group(0), []).append((first.text, _recipient_org(sent, first, ctx)))
            continue
        verbs = list(re.finditer(PLACE_VERB, sent.text[:place.start()]))
        if not verbs:
            continue
        people = _clause_people(sent, verbs[-1].start())
        if people:  # 分别获得: every person named before, each with the unit written before them
            placed = people if sent.text[:verbs[-1].start()].endswith(("分别", "分")) else _coordinated_people(sent, people)
            found.setdefault(place.group(0), []).extend((p.text, _recipient_org(sent, p, ctx)) for p in placed)
    return found


def _clause_people(sent: Sentence, end: int) -> list[Mention]:
    """The people named in the clause before ``end`` (a placing verb)."""
    clause = sent.begin(end, "。；;")
    return [m for m in sent.of("PER") if clause <= sent.local(m)[0] and sent.local(m)[1] <= end]


def _ranks(placing: str) -> list[str]:
    """The placings a subject covers: 第一名 itself; 前三名 → 第一名, 第二名, 第三名."""
    m = RANK_RANGE.fullmatch(placing)
    return [f"第{RANKS[i]}名" for i in range(RANKS.index(m.group(1)) + 1)] if m else [placing]


def _placed_subject(sent: Sentence, clause_start: int, h_start: int) -> list[str]:
    """The placings whose holders a clause confers the honour on (``获得第一名的选手被授予``)."""
    part = max(sent.text.rfind(c, clause_start, h_start) for c in "，,") + 1
    named = any(part <= sent.local(m)[0] < h_start for m in sent.of("PER"))
    subjects = list(PLACED_SUBJECT.finditer(sent.text, clause_start if part <= clause_start or not named else part,
                                            h_start))  # …第一名选手被授予A，其中邝俊杰、利婉婷同时获授B
    holders = {sent.local(m)[0] for m in sent.of("PER")}
    subjects = [m for m in subjects if m.end() not in holders]  # 一等奖获得者温国强…: the one named
    if not subjects:
        return []
    last = subjects[-1]
    shared = SHARED_RANKS.search(sent.text, clause_start, last.start(1))  # 一、二等奖获得者: both ranks
    rank = next((c for c in last.group(1) if c in RANKS), None)
    others = [last.group(1).replace(rank, r, 1) for r in shared.group(1).split("、") if r] if shared and rank else []
    return [p for placing in others + [last.group(1)] for p in _ranks(placing)]


def _placed_recipients(placings: list[str], ctx: ArticleContext, honour: Mention) -> list[Mention]:
    """The people the article placed so, as recipients (their units are looked up later)."""
    return [Mention("PER", honour.start, honour.start, name) for p in placings for name, _ in ctx.placed.get(p, [])]


def placed_awards(placed: dict[str, list[tuple[str, str | None]]], ctx: ArticleContext) -> list[dict]:
    """Awards for people placed after the article stated what their placing confers."""
    return [{"recipient": name, "recipient_kind": "person", "honour": honour, "year": year, "recipient_org": org}
            for placing, people in placed.items() for honour, year in ctx.placing_honours.get(placing, [])
            for name, org in people]


def _parent_of_next(sent: Sentence, unit: Mention, units: list[Mention]) -> bool:
    """A unit written right before another that belongs to it (广东华泰电器有限公司“何志锋劳模创新工作室”)."""
    end = sent.local(unit)[1]
    return any(sent.text[end:sent.local(u)[0]] in ("", "“", "\"") for u in units if u.start >= unit.end > u.start - 2)


def _placed_org(who: Mention, ctx: ArticleContext) -> str | None:
    """The organisation a placed person was named with."""
    return next((org for people in ctx.placed.values() for name, org in people if name == who.text), None)


def _subjectless(sent: Sentence, clause_start: int, h_start: int, *, zero: bool = False) -> bool:
    """A conferral verb before the honour with no name before it in the clause: the passage's
    topic is the recipient (…中山市总工会…。项目于2023年获广东省总工会工会工作创新奖).
    ``zero``: nothing at all but times and adverbs before the verb (2017年又被评为…)."""
    verb = AWARD_VERB.search(sent.text, clause_start, h_start)
    if verb is None or verb.group(0) in COPULA | RECIPIENT_AFTER:
        return False
    if any(clause_start <= sent.local(m)[0] < h_start for m in sent.mentions if m.label in ("PER", "ORG")):
        return False
    words = _subject_words(sent, clause_start, verb)
    return not words.strip() or bool(THIS_SUBJECT.fullmatch(words)) if zero else bool(GENERIC_SUBJECT.fullmatch(words))  # 项目于2023年获…, not 交警一大队获评…


def _subject_words(sent: Sentence, clause_start: int, verb: re.Match[str]) -> str:
    """What a conferral verb's own phrase writes before it, without times and adverbs
    (2017年又被评为 → ''; 3人被X局授予 → 3人; 项目于2023年获 → 项目)."""
    part = max(sent.text.rfind(c, clause_start, verb.start()) for c in "，,：:") + 1 or clause_start
    words = sent.text[max(part, clause_start):verb.start()]
    return TIME_AND_ADVERBS.sub("", words.split("被", 1)[0])  # the agent after 被 confers it


OWN_ENTERPRISE = re.compile(r"(?:该|本)?(公司|集团|厂)(?=[\u4e00-\u9fff])")


def _enterprise_named(honour: str, ctx: ArticleContext) -> str:
    """An enterprise's own honour named after the enterprise the passage is about
    (公司劳动模范 → 江门华锐机电设备有限公司劳动模范)."""
    m = OWN_ENTERPRISE.match(honour)
    named = ctx.antecedents.get(m.group(1)) if m else None
    return named + honour[m.end():] if named else honour


def _copula(sent: Sentence, clause_start: int, h_start: int) -> bool:
    """True when the verb nearest before the honour is 是."""
    verbs = list(AWARD_VERB.finditer(sent.text, clause_start, h_start))
    return bool(verbs) and verbs[-1].group(0) in COPULA


def _verb_recipient(sent: Sentence, clause_start: int, h_start: int, h_end: int, cands: list[Mention],
                    subject: Mention | None) -> list[Mention]:
    """``X获得/荣获/被授予…H``: the subject before the verb; ``授予X…H``: the name after it.

    The subject is the person of the verb's own phrase (``记者王五报道，李四获得…`` is
    李四's), else a pronoun there standing for the passage's subject, else the first
    person of the clause (``X，男，…，今年获评H``), else the first organisation.
    """
    span = sent.text[clause_start:h_start]
    verbs = list(AWARD_VERB.finditer(span))
    if not verbs:
        return []
    verb = verbs[-1]
    if verb.group(0) in COPULA and not COPULA_END.match(sent.text, h_end):
        return []
    if OWN_OBJECT.match(span, verb.end()):
        return []  # 吴建华当选为副主席，全国劳动模范黄晓彤…: the verb's object came before the comma
    v_start = clause_start + verb.start()
    if verb.group(0) in RECIPIENT_AFTER:  # 授予/命名 X（为）H: the recipients follow the verb
        after = [m for m in cands if v_start + len(verb.group(0)) <= sent.local(m)[0] < h_start]
        if after:
            return after
        between = sent.text[v_start + len(verb.group(0)):h_start]
        if subject is not None and PRONOUN.fullmatch(between.strip("“\" ")):  # 全国妇联授予她“…”称号
            return [subject]
        if "被" not in span[:verb.start()]:
            return []  # 广东省总工会授予全省200个班组…: who stands before 授予 confers it
    part = max(span.rfind(c, 0, verb.start()) for c in "，,") + 1  # the verb's own clause
    passive = span.rfind("被", part, verb.end())  # 被广东省总工会命名为: the agent is the conferrer
    limit = clause_start + passive if passive >= 0 else v_start
    before = [m for m in cands if clause_start <= sent.local(m)[0] and sent.local(m)[1] <= limit]
    among = span.rfind("其中", 0, verb.start())  # 徒弟A、B、C…，其中A…获得第一名，被授予H: A only
    after_among = [m for m in before if sent.local(m)[0] >= clause_start + among] if among >= 0 else []
    if any(m.label == "PER" for m in after_among):  # not …陈丽芳也在其中，被授予H: no one is named after 其中
        before = after_among
    people = _possessed(sent, [m for m in before if m.label == "PER"])
    own = [m for m in people if sent.local(m)[0] >= clause_start + part]
    if own:
        return _coordinated_people(sent, own)
    if PRONOUN.search(sent.text[clause_start + part:v_start]) and (people or subject):
        return people[-1:] or [subject]  # 张三介绍，他是… : the person just named, else the passage's
    if OTHERS.search(TIME_AND_ADVERBS.sub("", sent.text[clause_start + part:v_start])):
        return []  # …何锦辉荣获A，另有4名职工获得B: others, counted, not the person named before
    if people:
        return _coordinated_people(sent, people)
    if subject is not None and PRONOUN.search(sent.text[clause_start:v_start]):
        return [subject]
    # A unit receives an honour only as the subject of its own clause (…，市工人文化宫获评…).
    part_start = clause_start + part
    phrase = clause_start + max(span.rfind(c, 0, verb.start()) for c in "，,：: 　") + 1  # 番禺工会简讯：…　2个班组荣获
    units = [m for m in before if m.label != "PER" and sent.local(m)[0] >= phrase]
    lead_end = clause_start + (passive if passive >= 0 else verb.start())
    if not units and part and not TIME_AND_ADVERBS.sub("", sent.text[part_start:lead_end]).strip():
        # X和Y，被斗门区总工会授予…; 由他带领的X车间，去年获评…: the units of the phrase before,
        # the last of which ends at the comma when the verb is active
        prev = max(span.rfind(c, 0, part - 1) for c in "，,") + 1
        units = [m for m in before if m.label != "PER" and clause_start + prev <= sent.local(m)[0] < part_start]
        if passive < 0:  # active: only the unit (and those joined to it) ending at the comma, not a relative clause
            if not units or sent.local(units[-1])[1] != part_start - 1 or MODIFIES.match(sent.text, h_end):
                return []
            run = units[-1:]
            for unit in reversed(units[:-1]):
                if sent.text[sent.local(unit)[1]:sent.local(run[0])[0]] not in JOINERS:
                    break
                run.insert(0, unit)
            units = run
    return _coordinated_units(sent, units)


# 王主席为X、Y颁发了“H”; 向X车间颁授H; 为她颁发H: who stands between 为/向 and the verb
BESTOWED_ON = re.compile(r"(?:为|向|给)([^，,。；“”\"为向给]{1,40}?)(?:颁发|颁授)(?:了|上)?[“\"]?(?:(?:19|20)\d{2}\s*年度?)?[“\"]?$")


def _bestowed_on(sent: Sentence, clause_start: int, h_start: int, cands: list[Mention],
                 subject: Mention | None) -> list[Mention]:
    """``为X颁发H``, ``向X车间颁授H``: the people or units the honour is handed to; a pronoun
    there (为她颁发) stands for the passage's subject."""
    m = BESTOWED_ON.search(sent.text, clause_start, h_start)
    if m is None:
        return []
    start, end = m.span(1)
    inside = [c for c in cands if start <= sent.local(c)[0] and sent.local(c)[1] <= end]
    if inside:
        people = _possessed(sent, [c for c in inside if c.label == "PER"])  # 为李强的徒弟张小梅颁发
        return _coordinated_people(sent, people) if people else _coordinated_units(sent, inside)
    return [subject] if subject is not None and PRONOUN.fullmatch(m.group(1).strip()) else []


UNIT_HOLDER = re.compile(r"[”\"]?(?:称号)?(?:获得单位|获得集体|获奖单位|获奖集体|获得者)")  # 为2019年…奖状获得单位X授牌
UNITS_WITHIN = re.compile(r"[^。；]{0,6}?[，,][^。；，,]{0,80}?(?:榜上有名|名列其中|位列其中|上榜|入选)")
UNITS_NAMED = re.compile(r"[^。；]{0,12}?(?:分别是|分别为|包括|即)[：:]?|[^。；，,]{0,6}?的(?:是|有)[：:]?")  # 获评H的是：A、B


def _units_listed_after(sent: Sentence, h_end: int, units: list[Mention]) -> list[Mention]:
    """Units a sentence names after a collective honour (``…工作室授牌，分别是A（X公司）、B``)."""
    lead = UNITS_NAMED.match(sent.text, h_end)
    if lead is None:
        within = UNITS_WITHIN.match(sent.text, h_end)  # …称号，我市A、B榜上有名
        if within is None:
            return []
        return _coordinated_units(sent, [u for u in units if h_end < sent.local(u)[0] < within.end()])
    after = sorted((u for u in units if sent.local(u)[0] >= lead.end()), key=lambda u: u.start)
    after = _heads(sent, after, lambda gap: gap in ("的", "的“"))  # A公司的|X工作室: the studio, not its host
    if not after or not _host_only(sent, lead.end(), sent.local(after[0])[0]):
        return []

    def joins(start: int, end: int) -> bool:
        host = UNIT_IN_BRACKETS.match(sent.text, start)  # A（广东精锐机械制造有限公司）、B
        start = host.end() if host else start
        return sent.text[start:start + 1] in JOINERS and _host_only(sent, start + 1, end)
    return _joined_run(sent, [u for u in after if not _inside_brackets(sent, u)], joins)


def _host_only(sent: Sentence, start: int, end: int) -> bool:
    """Nothing, or only the organisation hosting the next unit, between ``start`` and ``end``
    (…和佛山市三水供水有限公司|冯锦荣管网抢修创新工作室)."""
    gap = sent.text[start:end].strip("“\"")
    return not gap or any(o.text == gap and start <= sent.local(o)[0] for o in sent.of("ORG"))


def _inside_brackets(sent: Sentence, unit: Mention) -> bool:
    """A unit written in brackets after another (its host)."""
    start = sent.local(unit)[0]
    return sent.text.rfind("（", 0, start) > sent.text.rfind("）", 0, start)


def _coordinated_units(sent: Sentence, units: list[Mention]) -> list[Mention]:
    """The first unit and those joined to it by 、/和/及/与; a unit that only describes the next
    (依托X公司建立的“Y工作室”) is passed over."""
    heads = _heads(sent, sorted(units, key=lambda u: u.start), lambda gap: "的" in gap)
    return _joined_run(sent, heads, lambda start, end: sent.text[start:end] in JOINERS)


def _heads(sent: Sentence, mentions: list[Mention], qualifies: Callable[[str], bool]) -> list[Mention]:
    """The mentions (in order) without each one whose gap to the next ``qualifies`` it as only
    describing that next one (A公司的|X工作室, 黎志坚的徒弟|苏振宇)."""
    return [m for m, nxt in zip(mentions, mentions[1:] + [None])
            if nxt is None or not qualifies(sent.text[sent.local(m)[1]:sent.local(nxt)[0]])]


def _joined_run(sent: Sentence, mentions: list[Mention], joins: Callable[[int, int], bool]) -> list[Mention]:
    """The first mention and each next one while ``joins`` accepts the text between (start, end)."""
    run = mentions[:1]
    for mention in mentions[1:]:
        if not joins(sent.local(run[-1])[1], sent.local(mention)[0]):
            break
        run.append(mention)
    return run


def _apposition_recipients(sent: Sentence, h_end: int, people: list[Mention]) -> list[Mention]:
    """``全国劳动模范徐建贤``, ``…获得者米雪梅``, ``“中央企业劳动模范”张裕山、魏永鹏``.

    A name the model missed right after the honour, in a list of names, is read by
    its surname (``“中央企业劳动模范”张裕山、``).
    """
    found: list[Mention] = []
    pos = _honour_chain_end(sent, h_end)
    people = sorted(people + _listed_names(sent, h_end, people), key=lambda m: m.start)
    for person in people:
        p_start, p_end = sent.local(person)
        if p_start < pos:
            continue
        between = re.sub(r"^[”\"]?(?:称号)?(?:获得者)?", "", sent.text[pos:p_start])
        if found and not (between == "、" or (between[:1] == "、" and "，" not in between
                                               and _only_posts(sent, pos + 1, p_start))):
            break  # …、汕头市金平区人民医院护士长黄晓燕: the next name may carry its unit and post
        if not found and (re.search(r"[，。；：！？]|获|和|与|及|等", between) or not _only_posts(sent, p_start - len(between), p_start)):
            break
        found.append(person)
        pos = p_end
    return found


UNIT_IN_BRACKETS = re.compile(r"[（(][^（）()，。；]{1,40}[）)]")  # a person's unit in brackets after the name
HONOUR_JOIN = re.compile(r"[”\"]?(?:称号|获得者)?、[“\"]?")


def _honour_chain_end(sent: Sentence, h_end: int) -> int:
    """The end of the honours joined to one (``全国技术能手、汕头市劳动模范、…主任郑国梁``):
    the name after the last is the holder of each."""
    starts = {sent.local(h)[0]: sent.local(h)[1] for h in sent.of("HONOUR")}
    while (join := HONOUR_JOIN.match(sent.text, h_end)) and join.end() in starts:
        h_end = starts[join.end()]
    return h_end


DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:科|系|部|室|处|车间|班组|班|中心)(?=[\u4e00-\u9fff]{1,6}$)")
JOB = re.compile(r"[\u4e00-\u9fff]{0,3}(?:长|师|员|厨|工|手|官|工人|劳模)")  # 行政总厨, 环卫工人, 退休老劳模: a job the titles do not list


def _unit_post(words: str) -> bool:
    """An organisation's name followed by a post (台山市海宴镇丰年种养专业合作社理事长)."""
    post = next((m for m in title_pattern().finditer(words) if m.end() == len(words)), None)
    return post is not None and post.start() > 0 and is_organisation(words[:post.start()])


def _only_posts(sent: Sentence, start: int, end: int) -> bool:
    """Text between an honour and a name that only gives the person's unit and posts
    (``、广东省博物馆的文物修复师``), not another clause (``座谈会上``)."""
    text = "".join(part for part in re.split(r"(的|、)", sent.text[start:end])
                   if not is_organisation(part) and not _unit_post(part))  # 湘桥区环卫所的, …合作社理事长
    for org in sent.of("ORG") + sent.of("LOC"):  # a unit LAC calls a place: 汕头市潮阳区棉城环卫所
        o_start, o_end = sent.local(org)
        if start <= o_start and o_end <= end:
            text = text.replace(org.text, "", 1)
    text = re.sub(r"[该本](?:公司|集团|厂|单位|医院|学校)", "", text)  # 该公司技术总监
    text = DEPARTMENT.sub("", text)  # 神经外科主任, 电气工程系教师: the unit's department
    residue = title_pattern().sub("", re.sub(r"[、的“”\"\s]", "", text))
    return len(residue) <= 2 or bool(JOB.fullmatch(residue))


# 黎志坚的徒弟、90后雕刻工|苏振宇: a relation to the person before, then what the next one is
POSSESSED = re.compile(r"的(?:徒弟|弟子|学徒|师傅|师父|同事|工友|搭档|学生|妻子|丈夫|爱人|儿子|女儿|父亲|母亲)"
                       r"(?:[、，,]?[^，。；,;]{0,10})?")


def _possessed(sent: Sentence, people: list[Mention]) -> list[Mention]:
    """The people without those who only qualify the next (黎志坚的徒弟苏振宇 → 苏振宇)."""
    return _heads(sent, people, lambda gap: POSSESSED.fullmatch(gap) is not None)


def _coordinated_people(sent: Sentence, people: list[Mention]) -> list[Mention]:
    """The clause's first person and those joined to it by 、/和 (张三、李四和王五荣获…)."""
    def joins(start: int, end: int) -> bool:
        unit = UNIT_IN_BRACKETS.match(sent.text, start)  # 刘振华（深圳市鹏程精密模具有限公司）、钟丽萍
        start = unit.end() if unit and unit.end() < end else start
        gap = sent.text[start:end]
        # …钟伟强、梅州嘉应客运有限公司车队队长古丽萍和…: the next name may carry its unit and post
        return gap in ("、", "和", "与", "及", "，") or (
            gap[:1] in "、和与及" and _only_posts(sent, start + 1, end) and "，" not in gap)
    return _joined_run(sent, people, joins)


def _listed_names(sent: Sentence, h_end: int, people: list[Mention]) -> list[Mention]:
    """A name directly after an honour and listed (followed by 、) that the model did not tag;
    ``“深圳工匠”云课堂，`` is no name."""
    m = re.match(r"[”\"]?(?:获得者)?([\u4e00-\u9fff]{2,3})(?=、)", sent.text[h_end:])
    if not m or not looks_like_name(m.group(1)):
        return []
    start = sent.start + h_end + m.start(1)
    if any(p.start <= start < p.end for p in people):
        return []
    return [Mention("PER", start, start + len(m.group(1)), m.group(1))]


def _listed_after(sent: Sentence, h_end: int, people: list[Mention]) -> list[Mention]:
    """``获得…奖章的职工有：钟国华（…）、刘美玲（…）``: the names listed after a colon."""
    colon = re.match(r"[^。；]{0,20}?(?:有?[：:]|分别是|分别为|他们是)", sent.text[h_end:])
    if not colon or not LISTED_VERB.search(sent.text[:h_end]):
        return []
    start = h_end + colon.end()
    return [p for p in people if sent.local(p)[0] >= start]


# 获得H的是A、B; 今年获得H的梅州市技师学院教师叶振宇; 分别获得H和H2称号的A、B: the people the phrase describes
DESCRIBED = re.compile(r"[”\"]?(?:荣誉称号|称号)?(?:[和及与、][^，。；：]{2,30}?)?的(?:是|有|分别是)?[：:]?")
# …揭晓，10名…获此殊荣，获评者包括A公司的X、Y…; 发布首批“惠州工匠”名单，朱海滨等10人入选
NAMED_AFTER = re.compile(r"(?:获评者|获奖者|获得者|入选者|当选者|受表彰者)(?:包括|有|为|是|分别是)[：:]?|获此殊荣[的是有]*[：:]?|"
                         r"名单[，,](?=[^。；]{2,30}?(?:入选|上榜))")
NAMED_NEXT = re.compile(r"[”\"]?(?:称号)?(?:还有|还包括|也有)[：:]")  # 其余获命名的“H”还有：A、B
NAMED_WITHIN = 60  # characters after the honour where its recipients may be announced


def _described(sent: Sentence, clause_start: int, h_start: int, h_end: int, people: list[Mention]) -> list[Mention]:
    """``获得H的是A、B``, ``为获得H的X公司的Y、Z颁奖``: a conferral verb right before the honour
    makes a phrase that describes the people written after its 的."""
    verbs = list(AWARD_VERB.finditer(sent.text, clause_start, h_start))
    if not verbs or verbs[-1].group(0) in COPULA or sent.text[verbs[-1].end():h_start].strip("“\"年度0123456789 "):
        return []
    m = DESCRIBED.match(sent.text, h_end)
    return _people_from(sent, m.end(), people) if m else []


def _named_after(sent: Sentence, h_end: int, people: list[Mention]) -> list[Mention]:
    """The people a sentence names after the honour as its recipients (获评者包括…, 获此殊荣…)."""
    if after := NAMED_NEXT.match(sent.text, h_end):
        return _people_from(sent, after.end(), people)
    stop = sent.stop(h_end, "。；")
    for m in NAMED_AFTER.finditer(sent.text, h_end, min(stop, h_end + NAMED_WITHIN)):
        if found := _people_from(sent, m.end(), people):
            return found
    return []


def _people_from(sent: Sentence, pos: int, people: list[Mention]) -> list[Mention]:
    """The people named from ``pos`` on, joined by 、/和, when only their units and posts stand
    before the first of them (``其中包括X公司高级工程师A、B``)."""
    after = [p for p in people if sent.local(p)[0] >= pos]
    if not after or not _only_posts(sent, pos, sent.local(after[0])[0]):
        return []
    return _coordinated_people(sent, after)


AMONG = re.compile(r"[”\"]?(?:称号)?[^。；]{0,12}?(?:颁发|颁授)[^。；]{0,10}?[，,]\s*其中[，,：:]?")


def _among(sent: Sentence, h_end: int, people: list[Mention]) -> list[Mention]:
    """``为10名“羊城工匠”颁发了证书，其中，X、Y作为代表发言``: the recipients named after 其中."""
    m = AMONG.match(sent.text, h_end)
    after = [p for p in people if m and sent.local(p)[0] >= m.end()]
    return _coordinated_people(sent, after) if after else []


AWARD_YEARS = {**RELATIVE_YEAR, "此次": 0, "本次": 0}  # 2019年获评X，她带领的车间此次获评Y: Y is the news's


def _award_year(before: str, after: str, year_of_article: int | None) -> int | None:
    """The year a clause states for an award: the year written nearest before the honour
    (2022年, 2021年度, 今年, 去年: 他2019年获评X，今年又获评Y gives Y this year), else a
    relative year after it (…荣获Y，是今年我市唯一获此殊荣的…)."""
    found = [(m.start(), int(m.group(1))) for m in YEAR.finditer(before)]
    if year_of_article:
        found += [(m.start(), year_of_article + AWARD_YEARS[m.group(0)]) for m in _relative().finditer(before)
                  if m.group(0) in RELATIVE_YEAR or AWARD_VERB.search(before, m.end())]  # 此次获评H, not 此次活动的H
    for m in NEXT_YEAR.finditer(before):  # 2019年…挂牌，次年被命名为…: the year after the one written before
        earlier = [f for f in found if f[0] < m.start()]
        if earlier:
            found.append((m.start(), max(earlier)[1] + 1))
    if found:
        return max(found)[1]
    verb = NEXT_CONFERRAL.search(after)  # …获评X，是今年我市唯一获此殊荣: the clause up to the next verb
    m = _relative().search(after[:verb.start()] if verb else after)
    if m and m.group(0) not in RELATIVE_YEAR:  # 全国劳动模范X参加此次活动: 此次 dates the event, not the honour
        m = None
    if year_of_article and m and not AGE.match(after, m.end()) and not NEXT_CONFERRAL.search(after, m.end(), m.end() + 4):
        return year_of_article + AWARD_YEARS[m.group(0)]  # not 今年已经58岁, not …，今年又获评Y
    return None


# 其中，X曾被评为H, 此前已获…: conferred before the news (not 大会开始之前, 已于日前, 曾厝村)
EARLIER = re.compile(r"(?:曾经?|此前(?:已|曾)?|先前|早在[^，。；]{0,12}?)(?=被|获|荣获|当选|入选|先后|多次|连续)")


def _earlier(sent: Sentence, start: int, end: int) -> bool:
    """Whether the text between ``start`` and ``end`` says a conferral came before the news
    (曾被评为, 此前已被授予), not counting a name's surname (曾小婷)."""
    names = [sent.local(p) for p in sent.of("PER")]
    return any(not any(a <= m.start() < b for a, b in names) for m in EARLIER.finditer(sent.text, start, end))


PERIOD = re.compile(r"(?:19|20)\d{2}\s*年度[^，。；\d]{0,20}$")  # 2024年度金湾区先进基层工会
DATED = re.compile(r"(?:19|20)\d{2}\s*年(?!度)|\d{1,2}\s*月|此前|曾|已于")  # the clause dates the conferral itself


def _conferred_now(text: str, clause_start: int, h_start: int, h_end: int) -> bool:
    """Whether an honour named for the year before (获评2024年度X) is conferred in the news
    itself: a conferral verb before it, its 年度 year the clause's only date."""
    return (PERIOD.search(text, max(clause_start, h_start - 30), h_end) is not None
            and AWARD_VERB.search(text, clause_start, h_start) is not None
            and DATED.search(text, clause_start, h_start) is None)


@lru_cache(maxsize=1)
def _relative() -> re.Pattern[str]:
    """A regex for a year written relative to the article's (今年, 去年, 此次)."""
    return re.compile("|".join(AWARD_YEARS))


def _recipient_org(sent: Sentence, person: Mention, ctx: ArticleContext) -> str | None:
    """The organisation written just before a person (``X公司职工李楠``, ``X公司的李涛``)."""
    p_start, p_end = sent.local(person)
    if m := re.match(r"[（(]([^）)]{4,40})[）)]", sent.text[p_end:]):  # 钟国华（珠海港控股集团有限公司）
        inside = [o for o in sent.of("ORG") if p_end < sent.local(o)[0] and sent.local(o)[1] <= p_end + m.end()]
        if inside:
            return canonical_org(inside[0].text, ctx)
    units = [m for m in sent.mentions if m.label == "ORG" or (m.label == "LOC" and is_organisation(m.text))]
    for org in reversed(units):
        o_start, o_end = sent.local(org)
        between = sent.text[o_end:p_start]
        if o_end <= p_start and p_start - o_end <= 16 and not re.search(r"[，。；、]|授予|表彰|为|向", between):
            return canonical_org(org.text, ctx)
    return None

