"""Events read from one sentence: named meetings, competitions and ceremonies.

An event ends at a head of ``event_heads.txt`` (大赛, 座谈会…) and its name runs back to a
verb, subject or punctuation; a proper name (a year, 第N届, quotes, a leading place or
body) makes it an event. Its date, place (在X举行) and organisers (由X主办) are read
from the same clause.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from extract.context import ArticleContext
from extract.mentions import Mention, read_lines
from extract.normalise import canonical_org
from extract.sentence import Sentence

EVENT_STOP = re.compile(
    r"[，。；：、,;:！？]|召开|举行|举办|举办的|主办的|承办的|开展|参加|出席|参与|传达学习|学习贯彻|"
    r"主持|宣布|来到|走进|通过|组织|定期|每年|继(?=首届|第|(?:19|20)\d{2})|在|于|的|了|为|以|获得|荣获|夺得|包括|其中|作为|并|是|构建|建立|实现|开设|备战|探索|结合|代表(?!大会|$)|对(?!口)|向|"
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
ALSO_UNDERTAKEN = re.compile(r"[，,、]([^，,。；]{2,40}?)(?:共同)?(?:承办|主办)")  # 由A主办，B承办
# A sentence about the event just named: 大会由…主办, 本次竞赛由…承办, 活动由…
THIS_EVENT = re.compile(r"^\s*(?:本次|此次|这次|该)?(?P<kind>大会|会议|活动|比赛|竞赛|大赛|仪式|赛事|论坛|座谈会|培训班?)")
# the words in an event's name that a sentence's 大会/比赛… may stand for (…大赛决赛暨颁奖仪式: 本次大赛)
KIND_WORDS = {"大会": ("会", "会议"), "会议": ("会", "会议"), "比赛": ("赛",), "竞赛": ("赛",), "大赛": ("赛",),
                "赛事": ("赛",), "仪式": ("仪式", "典礼"), "活动": ("活动", "仪式")}


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
        organisers = _organisers_in(sent, 0, start, ctx)
        if not organisers and (verb := HOLDS.search(sent.text[:start])):  # 佛山市总工会举办…活动: the body that holds it
            organisers = [canonical_org(o.text, ctx) for o in _holder(sent, verb.start())]
        if not organisers:  # …大赛日前落幕。比赛由X主办，Y承办
            organisers = _organisers_in(sent, m.end(), sent.stop(m.end(), "；;"), ctx, attributive=False)
        place = None
        if where := PLACE.search(sent.text[m.end():m.end() + 40]):
            place = where.group(1)
        lo = sent.begin(m.start(), "；;")  # the event's own clause of a list
        hi = sent.stop(m.end(), "；;")
        out.append({"name": name, "date": date_of(sent.text[lo:hi]), "place": place, "organisers": organisers})
        starts.append(start)
    # 成果展 inside 成果展示活动 read from the same place: one event, the whole name (but 大赛 and
    # 大赛颁奖大会 written apart are two)
    return [e for e, at in zip(out, starts) if not any(
        o["name"] != e["name"] and o["name"].startswith(e["name"]) and o_at == at for o, o_at in zip(out, starts))]


def _holder(sent: Sentence, end: int) -> list[Mention]:
    """The body written right before a holding verb (佛山市总工会举办), past a venue after 在
    (台山市总工会在市工人文化宫召开)."""
    orgs = sent.of("ORG")
    before = next((o for o in orgs if sent.local(o)[1] == end), None)
    if before is not None and sent.text[:sent.local(before)[0]].endswith("在"):
        before = next((o for o in orgs if sent.local(o)[1] == sent.local(before)[0] - 1), None)  # the venue's host
    return [before] if before is not None else []


def _organisers_in(sent: Sentence, start: int, end: int, ctx: ArticleContext, *, attributive: bool = True) -> list[str]:
    """The bodies ``由A、B主办，C承办`` names between ``start`` and ``end`` of a sentence;
    ``attributive=False`` skips ``由A主办的Y``, which names the organisers of a later event Y."""
    spans = [m.span(1) for m in ORGANISER.finditer(sent.text, start, end)
             if attributive or sent.text[m.end():m.end() + 1] != "的"]
    if spans:
        spans += [m.span(1) for m in ALSO_UNDERTAKEN.finditer(sent.text, spans[0][1], end)]
    inside = [o for o in sent.of("ORG") if any(a <= sent.local(o)[0] and sent.local(o)[1] <= b for a, b in spans)]
    return list(dict.fromkeys(canonical_org(o.text, ctx) for o in sorted(inside, key=lambda o: o.start)))


def carried_organisers(sent: Sentence, event: str, ctx: ArticleContext) -> list[str]:
    """Organisers a sentence gives the event named just before it (…表彰大会召开。大会由A主办，
    B承办。), when the sentence calls it by what it is (大会 for a 表彰大会, not 活动 for a 竞赛)."""
    this = THIS_EVENT.match(sent.text)
    if this is None or not any(k in event for k in KIND_WORDS.get(this.group("kind"), (this.group("kind"),))):
        return []
    return _organisers_in(sent, 0, len(sent.text), ctx)


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
