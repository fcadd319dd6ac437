"""Relations read from one sentence: positions, awards, studios, mentorships, events.

Each reader takes the sentence's text, its mentions and the article context, and
returns contract records (dicts keyed as in ../shared/DESIGN.md) with the span of the
sentence that states them. The readers are productive patterns over typed mentions
(a title chain before a name, a conferral verb between a name and an honour, an
honour in apposition to a name), not lists of the corpus's sentences.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from extract.context import ArticleContext
from extract.dates import RELATIVE_YEAR, YEAR
from extract.mentions import Mention, looks_like_name, read_lines, title_pattern
from extract.normalise import canonical_org, is_organisation
from extract.honours import open_kind
from ontology.taxonomy import honour_info

CONFERRAL = re.compile(r"授予|表彰|颁发|命名")
GOV_HEAD = re.compile(r"(?:常务)?副?(?:省|市|区|县|镇)长")
PLACE_OF = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,10}?[省市区县镇])(?:委|人民政府|政府)?$")
# Words after which a title chain starts: 她就是车间焊接班班长梁晓燕.
SUBJECT_CUT = re.compile(r"就是|即是|[他她它]是|[他她它]|其中")
HEAD_WINDOW = 120  # characters before a name where its titles are read
INDEPENDENT = ("省", "市", "区", "县", "镇", "全国", "中共", "中华", "中国")
PRONOUN = re.compile(r"(?<!其)[他她](?!们)")
AWARD_VERB = re.compile(r"获得|荣获|获评|获授|获颁|荣膺|捧回|捧得|摘得|斩获|被授予|授予|被命名为|命名|当选|入选|被评为|评为|成长为|成为|获|是")
# 是 states an honour only when the honour ends the clause: 她是全国劳动模范。 (not 是全国劳动模范张三的徒弟)
COPULA_END = re.compile(r"[”\"]?(?:称号|获得者)?(?:之一)?(?:[，。；,;！!]|$)")
NOT_AWARD = re.compile(r"推荐|候选|提名|培育对象|申报|参评|争创|争当|评选活动|学习|致敬|选树")
EVENT_STOP = re.compile(
    r"[，。；：、,;:！？]|召开|举行|举办|举办的|主办的|承办的|开展|参加|出席|参与|传达学习|学习贯彻|"
    r"主持|宣布|来到|走进|通过|组织|定期|每年|在|于|的|了|为|以|获得|荣获|夺得|包括|其中|作为|并|是|构建|建立|实现|开设|备战|探索|结合|代表(?!大会|$)|对(?!口)|向|"
    r"[和与及](?=第[一二三四五六七八九十\d]+[届次]|(?:19|20)\d{2}年|“)"  # 大赛和第五届…颁奖大会: two events
)
EVENT_CONTINUES = set("堂室厅场项员代")
EVENT_LEAD = re.compile(r"(?:\d+[\-–—.．:：、]+)*\s*(?:以及|及(?!时))?")  # not a year: 2022年编程马拉松; 和谐… stays
# 出席…开幕式重要讲话重要指示精神干部大会; a page header (2019年11月18日星期一 劳动竞赛)
RUNNING_TEXT = re.compile(r"重要讲话|指示精神|讲话精神|全会精神|会议精神|推动|日星期")  # 出席…开幕式重要讲话重要指示精神干部大会
ALIAS_PAREN = re.compile(r"[（(](?:以下|下文)?(?:简称|下称)[^）)]{0,20}[）)]")
COUNTED = re.compile(r"^(?:\d+(?:项|场|个|余|名|多|支)|[一二三四五六七八九十]+[、.]|\d+[.、．-](?!\d))")
PLACE_LED = re.compile(r"^(?:全国|中国|粤港澳|[\u4e00-\u9fff]{2,8}?(?:省|市|区|县|镇|街道|总工会|工会|集团|公司))")
GENERIC_EVENT = ("各类", "全市", "此次", "本次", "该", "这次", "各级", "相关", "有关", "一系列", "系列")
PROPER_NAME = re.compile(r"[“《]|第[一二三四五六七八九十百\d]+[届次期]|(?:19|20)\d{2}|首届")
PLACE = re.compile(r"^[^，。]{0,6}?在([\u4e00-\u9fff]{2,20}?)(?:召开|举行|举办|落幕|开幕)")
HOLDS = re.compile(r"(?:举办|举行|召开|主办|承办)$")
ORGANISER = re.compile(r"由(.{2,80}?)(?:联合)?(?:主办|承办|举办)")
STUDIO_SUFFIX = re.compile(
    r"(?:劳模和工匠人才创新工作室|劳模工匠人才创新工作室|劳模和工匠人才工作室|劳模创新工作室|工匠人才创新工作室|"
    r"工匠创新工作室|女职工创新工作室|职工创新工作室|技能大师工作室|大师工作室|创新工作室)"
)
MENTOR_CUE = re.compile(r"徒弟|学徒|弟子|师从")
MASTER_IS = re.compile(r"师傅(?:是|为)[^，。；]*$")  # 她的师傅是广东省工艺美术大师、…公司彩绘车间主任|陈淑贞
APPRENTICE_OF = re.compile(r"的(?:徒弟|弟子|学徒)")


@dataclass
class Sentence:
    """A sentence of an article: its text, its offset in the article, its mentions."""

    text: str
    start: int
    mentions: list[Mention]

    def of(self, label: str) -> list[Mention]:
        """Mentions with ``label``, in order."""
        return [m for m in self.mentions if m.label == label]

    def local(self, m: Mention) -> tuple[int, int]:
        """A mention's span relative to the sentence."""
        return m.start - self.start, m.end - self.start


def positions(sent: Sentence, ctx: ArticleContext, subject: Mention | None = None) -> list[dict]:
    """Title chains attached to a person: ``省人大常委会党组副书记、副主任，省总工会主席黄宁生``."""
    out = []
    for person in sent.of("PER"):
        p_start, _ = sent.local(person)
        head = sent.text[max(0, p_start - HEAD_WINDOW):p_start]
        clause = re.split(r"[。；;！？]|(?<=[\u4e00-\u9fff])，(?=[^，]*?(?:出席|参加|主持|表示|介绍|陪同))", head)[-1]
        out.extend(_title_chain(clause, person.text, sent, ctx))
        out.extend(_title_after(sent, person, ctx))
    return out + _elected(sent, ctx, subject)


# ``钟伟雄当选为市总工会主席，黄美玲（女）、廖志刚当选为副主席``, ``此前任龙川县总工会主席``:
# the names (with a gender note) joined before an election verb, then the post it gives.
ELECTED = re.compile(r"(?:[（(][男女][）)])?((?:[、和及与][\u4e00-\u9fff]{2,4}(?:[（(][男女][）)])?)*)"
                     r"(?:当选为|当选|被选举为|被选为|出任|继任|此前任|曾任|现任)([^，。；：、]{2,40})")


def _elected(sent: Sentence, ctx: ArticleContext, subject: Mention | None = None) -> list[dict]:
    """Posts given by an election or held before: each elected name gets the post; a post
    written without its organisation is at the one the sentence elected to before; 他当选…
    is the passage's subject."""
    out: list[dict] = []
    last_org: str | None = None
    pronouns = [Mention("PER", sent.start + m.end(), sent.start + m.end(), subject.text)
                for m in PRONOUN.finditer(sent.text)] if subject is not None else []
    for person in sorted(sent.of("PER") + pronouns, key=lambda m: m.start):
        m = ELECTED.match(sent.text, sent.local(person)[1])
        if not m:
            continue
        parsed = _segment_titles(m.group(2))
        if parsed is None:
            continue
        org = canonical_org(parsed[0], ctx) if parsed[0] else last_org
        if org is None or not is_organisation(org):
            continue
        last_org = org
        names = [person.text] + [p.text for p in sent.of("PER")
                                 if sent.local(person)[1] < sent.local(p)[0] < m.start(2)]
        out.extend({"person": name, "organisation": _unit_org(org, unit, ctx, title), "title": title}
                   for name in names for unit, title in parsed[1])
    return out


def _title_chain(clause: str, person: str, sent: Sentence, ctx: ArticleContext) -> list[dict]:
    """Positions from the titles written directly before a name.

    Segments separated by ``，`` each read ``<org><title>、<unit?><title>…``; a segment
    without an organisation continues the one after it. A unit before a title extends
    the organisation (``经费审查委员会原主任`` → the union's 经费审查委员会).
    """
    segments = re.split(r"[，,]", clause)
    found: list[dict] = []
    last_org: str | None = None
    for k, seg in enumerate(reversed(segments)):
        parsed = _chain_segment(SUBJECT_CUT.split(seg.strip())[-1], ctx, last_org)
        if parsed is None:
            if k == 0:
                return []
            break
        org, pairs = parsed
        for unit, title in pairs:
            found.append({"person": person, "organisation": _unit_org(org, unit, ctx, title), "title": title})
        last_org = org
    return found


def _chain_segment(seg: str, ctx: ArticleContext, last_org: str | None) -> tuple[str, list[tuple[str, str]]] | None:
    """The organisation and titles of one segment of a chain; leading items that name no
    organisation (获奖代表、茂名石化公司…高级技师) are dropped until one does."""
    items = seg.split("、")
    for first in range(len(items)):
        parsed = _segment_titles("、".join(items[first:]))
        if parsed is None:
            continue
        org_text, pairs = parsed
        org = canonical_org(org_text, ctx) if org_text else last_org
        if org is not None and is_organisation(org):
            return org, pairs
    return None  # 职工代表张三: 职工 is no organisation


def _segment_titles(seg: str) -> tuple[str, list[tuple[str, str]]] | None:
    """``省总工会党组书记、常务副主席`` → (``省总工会``, [("", 党组书记), ("", 常务副主席)])."""
    items = seg.split("、")
    first = list(title_pattern().finditer(items[0]))
    if not first or first[-1].end() != len(items[0]):
        return None
    head = items[0][: first[0].start()].rstrip("的")
    if len(head) > 40:
        return None
    pairs = [("", t.group(0)) for t in first if _adjacent(items[0], first, first[0].start())]
    if len(pairs) != len(first):
        return None
    for item in items[1:]:
        titles = list(title_pattern().finditer(item))
        if not titles or titles[-1].end() != len(item) or titles[0].start() > 12 or len(titles) > 2:
            return None
        pairs.append((item[: titles[0].start()], titles[-1].group(0) if len(titles) == 1 else item[titles[0].start():]))
    return head, pairs


def _adjacent(text: str, titles: list[re.Match], start: int) -> bool:
    """Titles that follow each other with nothing between them."""
    pos = start
    for t in titles:
        if t.start() != pos:
            return False
        pos = t.end()
    return True


def _title_after(sent: Sentence, person: Mention, ctx: ArticleContext) -> list[dict]:
    """``侯嘉杰是佛山市汽车运输集团有限公司公交分公司车队副队长``: a title after 是/任/担任."""
    _, p_end = sent.local(person)
    tail = sent.text[p_end:p_end + 60]
    m = re.match(r"(?:现)?(?:是|任|担任|系|，)([^，。；]{4,50})(?=[，。；]|$)", tail)  # 刘振宇，X局Y班班长。
    items = _segment_titles(m.group(1)) if m else None
    if not items or not items[0]:
        return []
    org = canonical_org(items[0], ctx)
    if not is_organisation(org):
        return []
    return [{"person": person.text, "organisation": _unit_org(org, unit, ctx, title), "title": title}
            for unit, title in items[1]]


def _unit_org(org: str, unit: str, ctx: ArticleContext, title: str = "") -> str:
    """The organisation of a title in a chain: the segment's, one of its units, or a new one.

    The head of a government (市长, 副省长) belongs to the place's 人民政府 even when the
    chain names its party committee first (珠海市委副书记、市长).
    """
    if not unit and GOV_HEAD.fullmatch(title) and (place := PLACE_OF.match(org)):
        return place.group(1) + "人民政府"
    if not unit:
        return org
    if unit.startswith(INDEPENDENT) or re.match(r"^[\u4e00-\u9fff]{2,4}[省市区县]", unit):
        return canonical_org(unit, ctx)  # 江门市人大常委会副主任、市总工会主席
    return org + unit  # 中华全国总工会 + 经费审查委员会


def awards(sent: Sentence, ctx: ArticleContext, year_of_article: int | None,
           subject: Mention | None = None, *, dated_news: bool = False) -> list[dict]:
    """Awards a sentence states: conferral verbs, appositions, 授予…称号.

    In dated news (a day-precise article), a conferral reported as happening (授予,
    表彰) took place in the article's year.
    """
    out = []
    people = sent.of("PER")
    units = sent.of("ORG") + sent.of("LOC") + _studio_mentions(sent)  # a site or a studio can hold one
    for honour in sent.of("HONOUR"):
        info = honour_info(honour.text)
        collective = (info.recipient_kind if info is not None else open_kind(honour.text)) == "organisation"
        h_start, h_end = sent.local(honour)
        before = sent.text[:h_start]
        clause_start = max(before.rfind(c) for c in "。；;") + 1
        clause = before[clause_start:]
        if NOT_AWARD.search(clause[-20:]):
            continue
        if collective:  # 工人先锋号, 示范点, 创新工作室: units, never the people named in them
            recipients = _verb_recipient(sent, clause_start, h_start, h_end, units, None)
            anaphor = THIS_UNIT.search(sent.text, clause_start, h_start)
            if not recipients and anaphor and ctx.expand(anaphor.group(0)) != anaphor.group(0):
                recipients = [Mention("ORG", honour.start, honour.start, ctx.expand(anaphor.group(0)))]
            if not recipients and ctx.topic and _subjectless(sent, clause_start, h_start):
                recipients = [Mention("ORG", honour.start, honour.start, ctx.topic)]
        elif info is not None and info.level == "enterprise" and _copula(sent, clause_start, h_start):
            recipients = []  # 他是该公司首席技师: a post in his company, not an honour conferred
        else:
            holders = people if info is not None else people + units  # a person's honour goes to people
            recipients = (_placed_recipients(sent, clause_start, h_start, ctx, honour)
                          or _verb_recipient(sent, clause_start, h_start, h_end, holders, subject)
                          or _apposition_recipients(sent, h_end, people) or _listed_after(sent, h_end, people)
                          or _among(sent, h_end, people))
        clause_end = min((i for i in (sent.text.find(c, h_end) for c in "。；;") if i >= 0), default=len(sent.text))
        year = _award_year(sent.text[clause_start:h_end], sent.text[h_end:clause_end], year_of_article) or (
            year_of_article if dated_news and (CONFERRAL.search(sent.text[clause_start:h_start]) or ctx.recent)
            else None)
        for who in recipients:
            kind = "person" if who.label == "PER" else "organisation"
            out.append({
                "recipient": who.text if kind == "person" else canonical_org(who.text, ctx),
                "recipient_kind": kind, "honour": honour.text, "year": year,
                "recipient_org": (_placed_org(who, ctx) if who.start == who.end else _recipient_org(sent, who, ctx))
                if kind == "person" else None,
            })
    return out


NEXT_CONFERRAL = re.compile(r"获得|荣获|获评|获授|获颁|荣膺|捧回|被授予|授予|当选|入选|被评为|评为")
AGE = re.compile(r"[已经才刚满]*\d+\s*(?:周)?岁")
# What may stand before a conferral verb when the passage's unit is the one honoured.
TIME_AND_ADVERBS = re.compile(r"(?:19|20)\d{2}\s*年度?|\d{1,2}\s*月(?:\d{1,2}\s*日)?|[今去前]年|近年来|近日|日前|"
                              r"先后|相继|曾|又|还|也|并|已|于|在|被|均|都|分别|一举|成功")
GENERIC_SUBJECT = re.compile(r"(?:该|此|这一?|本|上述)?(?:项目|做法|经验|品牌|活动|工程|举措|行动|计划|案例|成果|服务)?")
THIS_UNIT = re.compile(r"[该本](?:工作室|公司|集团|车间|班组|单位|厂)")  # 该工作室被…命名为…
PLACING = re.compile(r"第[一二三]名|冠军|亚军|季军|[一二三]等奖|金奖|银奖|铜奖")
PLACED_SUBJECT = re.compile(r"(?:获得|获|夺得)[^，。；]{0,12}?(第[一二三]名|冠军|亚军|季军|[一二三]等奖|金奖|银奖|铜奖)的(?:选手|职工|个人|同志|员工)?")


def placings(sent: Sentence, ctx: ArticleContext) -> dict[str, list[tuple[str, str | None]]]:
    """People a sentence gives a placing (A、B分别获得…第一名), with their organisations:
    a later ``获得第一名的选手被授予…称号`` confers the title on them."""
    found: dict[str, list[tuple[str, str | None]]] = {}
    for place in PLACING.finditer(sent.text):
        verbs = list(re.finditer(r"获得|夺得|获", sent.text[:place.start()]))
        if not verbs:
            continue
        clause = max(sent.text.rfind(c, 0, verbs[-1].start()) for c in "。；;") + 1
        people = [m for m in sent.of("PER") if clause <= sent.local(m)[0] and sent.local(m)[1] <= verbs[-1].start()]
        if people:  # 分别获得: every person named before, each with the unit written before them
            placed = people if sent.text[:verbs[-1].start()].endswith("分别") else _coordinated_people(sent, people)
            found.setdefault(place.group(0), []).extend((p.text, _recipient_org(sent, p, ctx)) for p in placed)
    return found


def _placed_recipients(sent: Sentence, clause_start: int, h_start: int, ctx: ArticleContext,
                       honour: Mention) -> list[Mention]:
    """``获得第一名的选手被授予“X”称号``: the people the article placed so."""
    subject = PLACED_SUBJECT.search(sent.text, clause_start, h_start)
    if subject is None:
        return []
    return [Mention("PER", honour.start, honour.start, name) for name, _ in ctx.placed.get(subject.group(1), [])]


def _placed_org(who: Mention, ctx: ArticleContext) -> str | None:
    """The organisation a placed person was named with."""
    return next((org for people in ctx.placed.values() for name, org in people if name == who.text), None)


def _subjectless(sent: Sentence, clause_start: int, h_start: int) -> bool:
    """A conferral verb before the honour with no name before it in the clause: the passage's
    topic is the recipient (…中山市总工会…。项目于2023年获广东省总工会工会工作创新奖)."""
    verb = AWARD_VERB.search(sent.text, clause_start, h_start)
    if verb is None or verb.group(0) in ("是", "授予", "命名"):
        return False
    if any(clause_start <= sent.local(m)[0] < h_start for m in sent.mentions if m.label in ("PER", "ORG")):
        return False
    part = max(sent.text.rfind(c, clause_start, verb.start()) for c in "，,") + 1 or clause_start
    words = TIME_AND_ADVERBS.sub("", sent.text[max(part, clause_start):verb.start()])
    return bool(GENERIC_SUBJECT.fullmatch(words))  # 项目于2023年获…, not 交警一大队获评…


def _copula(sent: Sentence, clause_start: int, h_start: int) -> bool:
    """True when the verb nearest before the honour is 是."""
    verbs = list(AWARD_VERB.finditer(sent.text, clause_start, h_start))
    return bool(verbs) and verbs[-1].group(0) == "是"


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
    if verb.group(0) == "是" and not COPULA_END.match(sent.text, h_end):
        return []
    v_start = clause_start + verb.start()
    if verb.group(0) in ("授予", "命名"):  # 授予/命名 X（为）H: the recipients follow the verb
        after = [m for m in cands if v_start + 2 <= sent.local(m)[0] < h_start]
        if after:
            return after
    part = max(span.rfind(c, 0, verb.start()) for c in "，,") + 1  # the verb's own clause
    passive = span.rfind("被", part, verb.end())  # 被广东省总工会命名为: the agent is the conferrer
    limit = clause_start + passive if passive >= 0 else v_start
    before = [m for m in cands if clause_start <= sent.local(m)[0] and sent.local(m)[1] <= limit]
    people = [m for m in before if m.label == "PER"]
    own = [m for m in people if sent.local(m)[0] >= clause_start + part]
    if own:
        return _coordinated_people(sent, own)
    if PRONOUN.search(sent.text[clause_start + part:v_start]) and (people or subject):
        return people[-1:] or [subject]  # 张三介绍，他是… : the person just named, else the passage's
    if people:
        return _coordinated_people(sent, people)
    if subject is not None and PRONOUN.search(sent.text[clause_start:v_start]):
        return [subject]
    # A unit receives an honour only as the subject of its own clause (…，市工人文化宫获评…).
    part_start = clause_start + part
    units = [m for m in before if m.label != "PER" and sent.local(m)[0] >= part_start]
    return units[:1]


def _apposition_recipients(sent: Sentence, h_end: int, people: list[Mention]) -> list[Mention]:
    """``全国劳动模范徐建贤``, ``…获得者米雪梅``, ``“中央企业劳动模范”张裕山、魏永鹏``.

    A name the model missed right after the honour, in a list of names, is read by
    its surname (``“中央企业劳动模范”张裕山、``).
    """
    found: list[Mention] = []
    pos = h_end
    people = sorted(people + _listed_names(sent, h_end, people), key=lambda m: m.start)
    for person in people:
        p_start, p_end = sent.local(person)
        if p_start < pos:
            continue
        between = re.sub(r"^[”\"]?(?:称号)?(?:获得者)?", "", sent.text[pos:p_start])
        if found and between != "、":
            break
        if not found and (re.search(r"[，。；：！？]|获|和|与|及|等", between) or not _only_posts(sent, p_start - len(between), p_start)):
            break
        found.append(person)
        pos = p_end
    return found


def _only_posts(sent: Sentence, start: int, end: int) -> bool:
    """Text between an honour and a name that only gives the person's unit and posts
    (``、广东省博物馆的文物修复师``), not another clause (``座谈会上``)."""
    text = sent.text[start:end]
    for org in sent.of("ORG"):
        o_start, o_end = sent.local(org)
        if start <= o_start and o_end <= end:
            text = text.replace(org.text, "", 1)
    text = re.sub(r"[该本](?:公司|集团|厂|单位|医院|学校)", "", text)  # 该公司技术总监
    residue = title_pattern().sub("", re.sub(r"[、的“”\"\s]", "", text))
    return len(residue) <= 2


def _coordinated_people(sent: Sentence, people: list[Mention]) -> list[Mention]:
    """The clause's first person and those joined to it by 、/和 (张三、李四和王五荣获…)."""
    run = [people[0]]
    for person in people[1:]:
        start, end = sent.local(run[-1])[1], sent.local(person)[0]
        gap = sent.text[start:end]
        # …钟伟强、梅州嘉应客运有限公司车队队长古丽萍和…: the next name may carry its unit and post
        if gap not in ("、", "和", "与", "及", "，") and not (
                gap[:1] in "、和与及" and _only_posts(sent, start + 1, end) and "，" not in gap):
            break
        run.append(person)
    return run


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
    if not colon or not re.search(r"获得|荣获|获评|授予|当选|入选", sent.text[:h_end]):
        return []
    start = h_end + colon.end()
    return [p for p in people if sent.local(p)[0] >= start]


AMONG = re.compile(r"[”\"]?(?:称号)?[^。；]{0,12}?(?:颁发|颁授)[^。；]{0,10}?[，,]\s*其中[，,：:]?")


def _among(sent: Sentence, h_end: int, people: list[Mention]) -> list[Mention]:
    """``为10名“羊城工匠”颁发了证书，其中，X、Y作为代表发言``: the recipients named after 其中."""
    m = AMONG.match(sent.text, h_end)
    after = [p for p in people if m and sent.local(p)[0] >= m.end()]
    return _coordinated_people(sent, after) if after else []


def _award_year(before: str, after: str, year_of_article: int | None) -> int | None:
    """The year a clause states for an award: the year written nearest before the honour
    (2022年, 2021年度, 今年, 去年: 他2019年获评X，今年又获评Y gives Y this year), else a
    relative year after it (…荣获Y，是今年我市唯一获此殊荣的…)."""
    found = [(m.start(), int(m.group(1))) for m in YEAR.finditer(before)]
    if year_of_article:
        found += [(m.start(), year_of_article + RELATIVE_YEAR[m.group(0)]) for m in _relative().finditer(before)]
    if found:
        return max(found)[1]
    verb = NEXT_CONFERRAL.search(after)  # …获评X，是今年我市唯一获此殊荣: the clause up to the next verb
    m = _relative().search(after[:verb.start()] if verb else after)
    if year_of_article and m and not AGE.match(after, m.end()) and not NEXT_CONFERRAL.search(after, m.end(), m.end() + 4):
        return year_of_article + RELATIVE_YEAR[m.group(0)]  # not 今年已经58岁, not …，今年又获评Y
    return None


@lru_cache(maxsize=1)
def _relative() -> re.Pattern[str]:
    return re.compile("|".join(RELATIVE_YEAR))


def _recipient_org(sent: Sentence, person: Mention, ctx: ArticleContext) -> str | None:
    """The organisation written just before a person (``X公司职工李楠``, ``X公司的李涛``)."""
    p_start, p_end = sent.local(person)
    if m := re.match(r"[（(]([^）)]{4,40})[）)]", sent.text[p_end:]):  # 钟国华（珠海港控股集团有限公司）
        inside = [o for o in sent.of("ORG") if p_end < sent.local(o)[0] and sent.local(o)[1] <= p_end + m.end()]
        if inside:
            return canonical_org(inside[0].text, ctx)
    for org in reversed(sent.of("ORG")):
        o_start, o_end = sent.local(org)
        between = sent.text[o_end:p_start]
        if o_end <= p_start and p_start - o_end <= 16 and not re.search(r"[，。；、]|授予|表彰|为|向", between):
            return canonical_org(org.text, ctx)
    return None


def _studio_mentions(sent: Sentence) -> list[Mention]:
    """Studios named after a person in the sentence, as units that can receive an honour."""
    out = []
    for person in sent.of("PER"):
        m = STUDIO_SUFFIX.match(sent.text, sent.local(person)[1])
        if m:
            out.append(Mention("ORG", person.start, sent.start + m.end(), person.text + m.group(0)))
    return out


def _named_studio_leaders(sent: Sentence, ctx: ArticleContext) -> list[Mention]:
    """A person the article names, written before a studio's suffix where the model read the
    name into something else (“罗锦辉劳模|创新工作室” tagged as one organisation)."""
    found = []
    tagged = {sent.local(p)[1] for p in sent.of("PER")}
    for m in STUDIO_SUFFIX.finditer(sent.text):
        for size in (3, 2):
            name = sent.text[max(0, m.start() - size):m.start()]
            if m.start() not in tagged and name in ctx.people:
                found.append(Mention("PER", sent.start + m.start() - size, sent.start + m.start(), name))
                break
    return found


def studios(sent: Sentence, ctx: ArticleContext) -> list[dict]:
    """Studios named after their leader (``吴建明劳模和工匠人才创新工作室``), with the host
    organisation named before them in the sentence."""
    out = []
    for person in sent.of("PER") + _named_studio_leaders(sent, ctx):
        _, p_end = sent.local(person)
        m = STUDIO_SUFFIX.match(sent.text, p_end)
        if not m:
            continue
        hosts = [o for o in sent.of("ORG") if sent.local(o)[1] <= sent.local(person)[0]]
        out.append({"name": person.text + m.group(0), "leader": person.text,
                    "host": canonical_org(hosts[-1].text, ctx) if hosts else None})
    return out


def mentorships(sent: Sentence, subject: Mention | None, ctx: ArticleContext | None = None) -> list[dict]:
    """``徒弟张卫东`` / ``师从王五`` / ``X也是Y的徒弟`` / ``师傅是…Y``: master → apprentice.

    A master written in the sentence (``Y的徒弟``, ``师傅是Y``) is taken as written. Else the
    other side of ``徒弟X`` is the sentence's first person not listed as an apprentice in it
    (徒弟A…，另一名徒弟B: B is not A's), or the person the passage is about.
    """
    out = []
    people = sent.of("PER")
    apprentices = ctx.apprentices if ctx is not None else set()
    listed: set[str] = set()  # apprentices this sentence lists: 徒弟A…，另一名徒弟B (B is not A's)
    for person in people:
        p_start, p_end = sent.local(person)
        if m := MASTER_IS.search(sent.text[max(0, p_start - 40):p_start]):  # (她的)师傅是…陈淑贞
            before = [p for p in people if sent.local(p)[1] <= p_start - len(m.group(0)) and p.text != person.text]
            pupil = before[-1] if before else subject
            if pupil is not None and pupil.text != person.text:
                out.append({"master": person.text, "apprentice": pupil.text})
            continue
        if APPRENTICE_OF.match(sent.text, p_end):  # 罗锦辉的徒弟: the one before 是 is the apprentice
            before = [p for p in people if sent.local(p)[1] <= p_start]
            pupil = before[-1] if before and re.search(r"是$", sent.text[:p_start]) else None
            if pupil is not None:
                out.append({"master": person.text, "apprentice": pupil.text})
                apprentices.add(pupil.text)
            continue
        cue = MENTOR_CUE.search(sent.text[max(0, p_start - 3):p_start])
        if not cue:
            continue
        if cue.group(0) != "师从":
            apprentices.add(person.text)
            listed.add(person.text)
        others = [p for p in people if p.text != person.text and sent.local(p)[0] < p_start
                  and p.text not in listed]
        master = others[0].text if others else (ctx.protagonist if ctx is not None and ctx.protagonist else
                                                 subject.text if subject is not None else None)
        if master is None or master == person.text:
            continue
        pair = (person.text, master) if cue.group(0) == "师从" else (master, person.text)
        out.append({"master": pair[0], "apprentice": pair[1]})
    return out


@lru_cache(maxsize=1)
def _event_heads() -> tuple[re.Pattern[str], frozenset[str]]:
    """A regex for event-name endings, and the endings that need a proper name."""
    lines = read_lines("event_heads.txt")
    heads = sorted((ln.removeprefix("named:") for ln in lines), key=len, reverse=True)
    named = frozenset(ln.removeprefix("named:") for ln in lines if ln.startswith("named:"))
    return re.compile("|".join(map(re.escape, heads))), named


def _head_matches(heads: re.Pattern[str], text: str) -> list[re.Match]:
    """Event endings in ``text``: at each place the longest one, dropping an ending that a
    longer word continues (大会堂, 竞赛项目) or that a later ending overlaps (工作会|议)."""
    found = [m for m in (heads.match(text, i) for i in range(len(text))) if m]
    found = [m for m in found if text[m.end():m.end() + 1] not in EVENT_CONTINUES]
    return [m for m in found if not any(o.start() > m.start() and o.start() < m.end() < o.end() for o in found)]


def events(sent: Sentence, ctx: ArticleContext, date_of: Callable[[str], str | None]) -> list[dict]:
    """Named meetings, competitions and ceremonies, with date, place and organisers."""
    heads, needs_name = _event_heads()
    out, starts = [], []
    for m in _head_matches(heads, sent.text):
        start, name = _event_name(sent.text, m)
        if not _is_named_event(name, needs_name=m.group(0) in needs_name):
            continue
        organisers = []
        if org := ORGANISER.search(sent.text[:start]):
            inside = [o for o in sent.of("ORG") if org.start(1) <= sent.local(o)[0] and sent.local(o)[1] <= org.end(1)]
            organisers = list(dict.fromkeys(canonical_org(o.text, ctx) for o in inside))
        elif verb := HOLDS.search(sent.text[:start]):  # 佛山市总工会举办…活动: the body that holds it
            holder = [o for o in sent.of("ORG") if sent.local(o)[1] == verb.start()]
            organisers = list(dict.fromkeys(canonical_org(o.text, ctx) for o in holder))
        place = None
        if where := PLACE.search(sent.text[m.end():m.end() + 40]):
            place = where.group(1)
        lo = max(sent.text.rfind(c, 0, m.start()) for c in "；;") + 1  # the event's own clause of a list
        hi = min((i for i in (sent.text.find(c, m.end()) for c in "；;") if i >= 0), default=len(sent.text))
        out.append({"name": name, "date": date_of(sent.text[lo:hi]), "place": place, "organisers": organisers})
        starts.append(start)
    # 成果展 inside 成果展示活动 read from the same place: one event, the whole name (but 大赛 and
    # 大赛颁奖大会 written apart are two)
    return [e for e, at in zip(out, starts) if not any(
        o["name"] != e["name"] and o["name"].startswith(e["name"]) and o_at == at for o, o_at in zip(out, starts))]


def _event_name(text: str, head: re.Match) -> tuple[int, str]:
    """An event's name ending at ``head``: from after the verb, subject or punctuation before it.

    An alias in parentheses (``（以下简称“广铁集团”）``) is dropped from the name.
    """
    begin = max(0, head.start() - 45)
    window = ALIAS_PAREN.sub(lambda m: "\0" * len(m.group(0)), text[begin:head.start()])
    stops = list(EVENT_STOP.finditer(window))
    cut = stops[-1].end() if stops else 0
    name = (window[cut:] + head.group(0)).replace("\0", "")
    lead = EVENT_LEAD.match(name)  # 1-8.“极品飞车”技能竞赛 (a citation's pages), 及市政府与工会联席会议
    return begin + cut + lead.end(), name[lead.end():].strip("“”\"")


def _balanced_quotes(name: str) -> bool:
    """Every closing quote of the name has its opening quote before it."""
    depth = 0
    for ch in name:
        depth += {"“": 1, "”": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _is_named_event(name: str, *, needs_name: bool) -> bool:
    """A proper event name: a year, 第N届, quotes or a title, or a place or body leading it."""
    if len(name) < 5 or name.startswith(GENERIC_EVENT) or COUNTED.match(name) or "等" in name or RUNNING_TEXT.search(name):
        return False
    if not _balanced_quotes(name) or "”“" in name or "”+“" in name or name.count("《") != name.count("》"):
        return False  # cut inside a quotation, or a list of quoted items
    if PROPER_NAME.search(name):
        return True
    return not needs_name and bool(PLACE_LED.match(name)) and len(name) >= 8
