"""Honour mentions: every surface form of the taxonomy, with its place and edition.

The taxonomy (``ontology/honours.yaml``) lists honour families (``<place>五一劳动奖章``,
``<place>劳动模范``, ``<place>工匠``…) and named honours (南粤工匠, 大国工匠…). A mention
is found at a family suffix or a named honour and extended to the left over its
place, year (``2021年度``) and edition (``第七届``); the taxonomy then decides whether
the whole is an honour and gives its canonical name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract.conferral import placing_alternation, verb_alternation
from extract.dates import YEAR_LEAD
from extract.mentions import Mention, read_lines, title_pattern
from extract.normalise import org_endings
from extract.spans import SpanIndex
from ontology.taxonomy import honour_pattern_terms, local_parent, parse_honour, place_terms, towns_direct

LEFT = 12  # characters a place, year or edition prefix may take
PREFIX_STOP = re.compile(rf"[，。、；：！？,.;:!?（）()\s]|{verb_alternation('prefix')}|和|及|与|的|这位|这名|此位|职工|同志|集体|单位|选手|个人|"
                         r"批|[一二两三四五六七八九十\d]+[名个家项支位]")  # 一批…, 3名…, 4家…: a count, not a place


@lru_cache(maxsize=1)
def _terms() -> re.Pattern[str]:
    terms = sorted(set(honour_pattern_terms()), key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms))


def honour_mentions(text: str, *, province: str | None = "广东省", city: str | None = None) -> list[Mention]:
    """HONOUR mentions of ``text``; each Mention's text is the canonical honour name."""
    out: list[Mention] = []
    for m in _terms().finditer(text):
        start = _left_edge(text, m.start())
        end = m.end()
        if text[end:end + 1] == "”" and "“" in text[start:m.start()]:
            end += 1
        if _not_conferred(text, m.start(), end):
            continue
        for s in range(start, m.start() + 1):  # the longest prefix that makes an honour
            parsed = parse_honour(text[s:end], province=province, city=city)
            if parsed is not None and parsed.info is not None and parsed.info.level is None \
                    and parsed.canonical == parsed.info.family:
                break  # a bare family name (劳动模范, 工人先锋号) names no conferred honour; “顺德工匠” does
            if parsed is not None:
                at = text.rfind(parsed.mention, s, end)
                canonical = _qualified(parsed.canonical, None, city)  # 斗门区… → 珠海市斗门区…
                out.append(Mention("HONOUR", at if at >= 0 else m.start(), end, canonical))
                break
    return out


@lru_cache(maxsize=1)
def _stops() -> tuple[str, ...]:
    return tuple(read_lines("honour_stops.txt"))


def _not_conferred(text: str, start: int, end: int) -> bool:
    """An honour's name used for something else: a spirit, a school, a work's title."""
    after = text[end:end + 6].lstrip("”\"")
    line_start = text.rfind("\n", 0, start) + 1
    in_title = text.rfind("《", line_start, start) > text.rfind("》", line_start, start)
    return after.startswith(_stops()) or in_title


def _left_edge(text: str, pos: int) -> int:
    """The furthest left a prefix of the honour at ``pos`` may begin."""
    window = text[max(0, pos - LEFT):pos]
    stops = list(PREFIX_STOP.finditer(window))
    cut = stops[-1].end() if stops else 0
    quote = window.rfind("“")
    if quote >= cut and window[:quote].endswith(org_endings()):
        cut = quote + 1  # 有限公司“区伟文劳模创新工作室”: the quote opens the unit's own name
    return pos - len(window) + cut


# A conferral verb, a conferrer at most, then the honour's name up to the end of the phrase.
OPEN_OBJECT = re.compile(
    rf"(?:{verb_alternation('object')})了?"
    r"(?P<name>(?:[\u4e00-\u9fff]{2,6}?[省市区县]|(?:该|本)?(?:公司|集团))?“[^”]{2,24}”|[^，。；：、“”（）()\s和及与等]{3,24})(?P<suffix>荣誉称号|称号)?")
QUOTED = re.compile(r"“([^”]+)”")
PLACING = re.compile(rf"(?:{placing_alternation('object')})$")


@lru_cache(maxsize=1)
def honour_heads() -> dict[str, str]:
    """Endings of honour names the taxonomy does not list → who receives them (person/organisation)."""
    return dict(line.split("\t", 1) for line in read_lines("honour_heads.txt"))


def open_honours(text: str, known: list[Mention], *, province: str | None = "广东省",
                 city: str | None = None) -> list[Mention]:
    """Honours outside the taxonomy, as the object of a conferral verb: a quoted name
    (``被授予“全国民族团结进步模范个人”称号``) or a name ending like an honour
    (``荣获全国住房城乡建设系统劳动模范``). Placings (一等奖, 冠军) are not honours."""
    heads = tuple(sorted(honour_heads(), key=len, reverse=True))
    taken = SpanIndex(known)
    out = []
    for m in OPEN_OBJECT.finditer(text):
        raw = m.group("name")
        quoted = "“" in raw
        name = YEAR_LEAD.sub("", raw.replace("“", "").replace("”", ""))
        if not quoted and not name.endswith(heads):
            continue
        if quoted and not (m.group("suffix") or name.endswith(heads)):
            continue  # 获得“金点子” is a prize or a nickname; a title is named so (称号) or ends like one
        if PLACING.search(name) or taken.overlapping(m.start("name"), m.end("name")):
            continue
        start, end = m.start("name"), m.end("name")
        out.append(Mention("HONOUR", start, end, _qualified(name, province, city)))
    taken = SpanIndex(known + out)
    for m in QUOTED_TITLE.finditer(text):  # 授予A、B“X”称号: the verb's recipients stand between
        window = max(0, m.start() - CLAUSE_WINDOW)
        clause = max(window, max(text.rfind(c, window, m.start()) for c in "。；！？\n") + 1)
        name = m.group(1)
        if (not _object_verb().search(text, clause, m.start()) or PLACING.search(name)
                or taken.overlapping(m.start(1), m.end(1))):
            continue
        out.append(Mention("HONOUR", m.start(1), m.end(1), _qualified(name, province, city)))
    return out


QUOTED_TITLE = re.compile(r"“([^“”，。；]{2,24})”(?:荣誉)?称号")
CLAUSE_WINDOW = 120  # characters before a quoted title where its conferral verb is looked for


@lru_cache(maxsize=1)
def _object_verb() -> re.Pattern[str]:
    """A conferral verb whose object may be an honour outside the taxonomy."""
    return re.compile(verb_alternation("object"))


# A title outside the taxonomy written before a person (广东省工艺美术大师李泽雄): it starts
# with a scope (全国, 中国, 省, a listed place) and ends like a personal honour.
SCOPE = r"全国|中国|国家级?|省级|市级"  # a bare 市 also starts 市场部…


@lru_cache(maxsize=1)
def _apposed() -> re.Pattern[str]:
    places = "|".join(re.escape(p) for p in place_terms() if len(p) > 1)
    heads = "|".join(re.escape(h) for h, kind in sorted(honour_heads().items(), key=lambda p: -len(p[0]))
                     if kind == "person" and not title_pattern().fullmatch(h))  # 技师 is a post too
    return re.compile(rf"(?:{SCOPE}|{places})(?:(?![的部])[\u4e00-\u9fff]){{1,10}}?(?:{heads})$")


def apposed_honours(text: str, known: list[Mention], people: list[Mention], *,
                    province: str | None = "广东省", city: str | None = None) -> list[Mention]:
    """Honours outside the taxonomy written right before a person's name or a title chain
    that ends at one (``中国陶瓷艺术大师陈汉光``, ``广东省工艺美术大师、…主任陈淑贞``)."""
    taken = SpanIndex(known)
    out: list[Mention] = []
    for person in sorted(people, key=lambda p: p.start):
        at = person.start
        while at > 0 and text[at - 1] not in "，。；：！？,;:!?\n" and person.start - at < 30:
            at -= 1  # the title chain before the name
        for part in re.finditer(r"[^、]+(?=、|$)", text[at:person.start]):
            m = _apposed().search(part.group(0))
            if m is None or _holds_org_ending(m.group(0)):
                continue
            start, end = at + part.start() + m.start(), at + part.start() + m.end()
            if not taken.overlapping(start, end) and not (out and out[-1].end > start):
                out.append(Mention("HONOUR", start, end, _qualified(m.group(0), province, city)))
    return out


def _holds_org_ending(name: str) -> bool:
    """Whether a name holds an organisation's ending (…研究所技师 is a post in a unit)."""
    return any(e in name for e in org_endings() if len(e) > 1) or name[:-2].endswith(("所", "厂", "局", "院"))


def in_district(honour: Mention, city: str | None, district: str | None) -> Mention:
    """区…/县… written short in an article about one district → that district's honour
    (区五一劳动奖章 in a 高明区 article → 佛山市高明区五一劳动奖章; a county's without its city)."""
    if not (city and district and honour.text[:1] == district[-1:]) or district.startswith(city[:-1]):
        return honour
    if district.endswith("县"):  # 县… in a 博罗县 article → 博罗县…: a county's honours carry its own name
        return Mention(honour.label, honour.start, honour.end, district + honour.text[1:])
    return Mention(honour.label, honour.start, honour.end, city + district + honour.text[1:])


NOMINATION_PRIZE = re.compile(r"[”\"]?(提名奖)")  # “斗门工匠”提名奖: a prize of its own, not the title


def with_nomination_prize(honour: Mention, text: str) -> Mention:
    """An honour followed by 提名奖 (“南粤工匠”提名奖) is that prize, not the honour itself."""
    m = NOMINATION_PRIZE.match(text, honour.end)
    return Mention(honour.label, honour.start, m.end(), honour.text + m.group(1)) if m else honour


DISTRICT_HONOUR = re.compile(r"[\u4e00-\u9fff]{2,3}[区镇](?!级)")  # 斗门区…; 小榄镇… where towns stand under the city; 博罗县… stays


def _qualified(name: str, province: str | None, city: str | None) -> str:
    """省…/市… written short in the article's province or city → the full place (省优秀… → 广东省优秀…)."""
    if name.startswith("省") and province:
        return province + name[1:]
    if name.startswith("市") and city:
        return city + name[1:]
    place = DISTRICT_HONOUR.match(name)
    home = (local_parent(place.group(0)) or city) if place else None  # 禅城区… is 佛山's in any article
    if home and not name.startswith(home[:-1]) and (not place.group(0).endswith("镇") or towns_direct(home)):
        return home + name  # 斗门区劳动竞赛先进个人 in a 珠海 article → 珠海市斗门区…
    return name


def open_kind(name: str) -> str | None:
    """Who receives an honour outside the taxonomy, from how its name ends; None if unknown."""
    return next((kind for head, kind in sorted(honour_heads().items(), key=lambda p: -len(p[0]))
                 if name.endswith(head)), None)
