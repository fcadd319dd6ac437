"""Positions read from one sentence: title chains before a name, a title after it, elections.

``省人大常委会党组副书记、副主任，省总工会主席黄宁生`` gives three positions; ``X当选为市总工会
主席``, ``此前任龙川县总工会主席`` give the post an election or a past tenure states. Each
reader returns contract records (dicts keyed as in ../shared/DESIGN.md).
"""
from __future__ import annotations

import re

from extract.context import ArticleContext
from extract.mentions import Mention, title_pattern
from extract.normalise import canonical_org, is_organisation
from extract.sentence import PRONOUN, Sentence
from ontology.organisations import classify

GOV_HEAD = re.compile(r"(?:常务)?副?(?:省|市|区|县|镇)长")
PLACE_OF = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,10}?[省市区县镇])(?:委|人民政府|政府)?$")
# Words after which a title chain starts: 她就是车间焊接班班长梁晓燕; 会议由市总工会…主持;
# 由区总工会推荐的X公司副总经理Y.
SUBJECT_CUT = re.compile(r"就是|即是|[他她它]是|[他她它]|其中|(?<!自)由|(?:推荐|提名|选送|当选)的|邀请|聘请")
HEAD_WINDOW = 120  # characters before a name where its titles are read
INDEPENDENT = ("省", "市", "区", "县", "镇", "全国", "中共", "中华", "中国")


# A firm's own workshop, team or department written before a post: 广东宏锐五金制品有限公司|模具车间|主任.
IN_FIRM = re.compile(r"^(?P<firm>.+(?:公司|集团|厂|医院|酒店|酒家|学校|中学|小学|学院))"
                     r"(?P<unit>[\u4e00-\u9fffA-Za-z0-9]{1,10}?(?:车间|班组|班|组|队|科|部|工区|工段|室))$")
NOT_A_WORKPLACE = re.compile(r"(?:党支部|党总支|党委|党组|团支部|团委|工会.*)$")  # bodies of their own
UNIT_HEAD = re.compile(r"(?:常务)?副?(?:主任|经理|主管|总监|负责人|[班组队科部段站]长|工长|护士长)$")  # who heads the unit


def head_of_unit(title: str) -> bool:
    """Whether a title heads the unit it is written with (主任, 班长), not a job in it (驾驶员)."""
    return UNIT_HEAD.search(title) is not None


def firm_and_unit(org: str) -> tuple[str, str] | None:
    """A firm and its own workshop, team or department named together (``…有限公司模具车间`` →
    (the company, 模具车间)); None for a body of its own (…公司党支部) or anything else."""
    m = IN_FIRM.match(org)
    if m is None or NOT_A_WORKPLACE.search(m["unit"]) or classify(m["firm"]).kind not in ("Enterprise", "School"):
        return None
    return m["firm"], m["unit"]


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
    m = re.match(r"(?:，?(?:现)?(?:是|任|担任|系)|，)([^，。；]{4,50})(?=[，。；]|$)", tail)  # 刘振宇，(是)X局Y班班长。
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

