"""Articles in, facts out: mentions found, relations read, everything with evidence.

:func:`extract_article` runs the spaCy pipeline (LAC tokens and entities) over an
article, adds the domain mentions (organisation suffixes, honours, titles), and reads
relations sentence by sentence. Offsets are mapped back to the original file through
the article's character map, so each fact's evidence points into the file.
"""
from __future__ import annotations

from collections import Counter

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from extract.context import PARENT_ENDINGS, ArticleContext, article_context, place_surfaces
from extract.dates import FULL_DATE, MONTH_DAY, RELATIVE_YEAR, SINGLE_YEAR, YEAR, iso_date
from extract.document import Article
from extract.facts import Evidence, Fact
from extract.awards import CONFERRAL, awards, placed_awards, placings
from extract.events import carried_organisers, events
from extract.honours import apposed_honours, in_district, honour_mentions, open_honours, with_nomination_prize
from extract.lists import list_awards
from extract.mentions import (Mention, byline_names, cell_names, is_person_name, looks_like_name, read_lines, surnames,
                              title_pattern)
from extract.mentorships import mentorships
from extract.normalise import (canonical_org, is_organisation, known_organisations, national_bodies,
                               org_endings, place_led_orgs)
from extract.positions import firm_and_unit, head_of_unit, positions
from extract.sentence import PRONOUN, Sentence
from extract.spans import SpanIndex
from extract.studios import STUDIO_KIND, studios
from extract.nlp import get_nlp
from extract.simplify import to_simplified
from ontology.taxonomy import place_terms
from ontology.organisations import classify
from spacy.language import Language
from spacy.tokens import Doc

ORG_SUFFIX = re.compile(
    r"[\u4e00-\u9fff（）()·A-Za-z0-9]{0,30}?(?:有限公司|股份有限公司|分公司|集团|总工会|工会联合会|工联会|工会|"
    r"委员会|人大常委会|人民政府|研究院|研究所|学院|大学|学校|医院|银行|局|厅|办公室|协会|中心|"
    r"车间|班组|项目部|项目(?=[\u4e00-\u9fff]{0,3}班)|所(?=[\u4e00-\u9fffA-Za-z]{2,6}(?:班|组|队))|工区|作业区|分厂|实验室|站|队|(?<!研修)(?<!培训)(?<!主体)(?<!学习)(?<![上下加值跟轮领早晚夜倒])班(?![长子次车级组])|(?<=[理务检诊])组(?![织成建合长员]))(?P<team>(?!党组)[\u4e00-\u9fff]{0,2}?[甲乙丙丁一二三四五六七八九十\d]{0,2}(?:班组|班(?![长子次车级组])|组(?![织成建合长员])))?"  # 车间甲班, 中心养护一班, 项目部钢筋班组
)
# Single characters that often follow a name as a word of their own (李明在…, 张三等…).
NAME_FOLLOWERS = set("曾仍已摄的了在是和与及等到为说将对把被从向于也都就又还并而或率作指主参出表介陪讲一带来去上下中后前时称谈看要会代任到同获荣当")
DATED_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?!度)")  # 2012年…当年即被授予; not 表彰了2019年度X, named by its period
RECENT = re.compile(r"近日|日前|近期|昨天|昨日|今天|今日")  # news of something that has just happened
REMENTION = 400  # characters after which an entity named again is reported again
NOUN_TAGS = {"n", "nz", "nt", "nw", "ORG", "LOC", "s", "f", "vn", "an", "a", "ad", "m", "q"}  # LAC tags a unit name may use
STUDIO_OR_TITLE = re.compile(r"[^，。；、]{0,8}?工作室|劳模|工匠|同志|师傅")
STUDIO_KIND_AT = re.compile(STUDIO_KIND)
STUDIO_END = re.compile(rf"{STUDIO_KIND}$")
WORKPLACE = re.compile(r"(?:车间|班组|班|工段)$")  # units named after the work done there: 装配车间, 焊接班
TEAM_END = re.compile(r"(?:班|组|队|科|车间)$")  # a team named for its work may start with a verb: 带电作业班, 发热门诊护理组


@lru_cache(maxsize=1)
def unit_predicates() -> frozenset[str]:
    """Verbs that follow an organisation as what it does (慰问, 组织), never as part of a team's name."""
    return frozenset(read_lines("unit_predicates.txt"))


PLACE_BODY = re.compile(r"总工会|工会|人民政府|办事处")  # a town's own body: 伦教街道 + 总工会
TOWN_END = re.compile(r"(?:街道|镇|乡)$")
SITE_SUFFIX = re.compile(r"景区|驿站|公园|文化宫|博物馆|纪念馆|园区|项目部|指挥部")  # 白蕉大道项目部


def _mentions(doc: Doc, text: str, ctx: ArticleContext | None = None) -> list[Mention]:
    found = [Mention(e.label_, e.start_char, e.end_char, text[e.start_char:e.end_char])
             for e in doc.ents if e.label_ in ("PER", "ORG", "LOC")]
    tokens = {t.idx: t for t in doc}
    found = [part for m in map(_without_holder_word, map(_firm_at_place, found)) for part in _org_then_name(m, text)]
    found = [part for m in found if (m.label != "PER" or is_person_name(m.text)) and not COHORT.fullmatch(m.text)
             for part in _joined_bodies(_with_org_suffix(m, text, tokens))]
    found = _complete_names(found, text, tokens)
    rules = [Mention("ORG", s, e, t) for s, e, t in place_led_orgs(text)]
    rules += [Mention("ORG", m.start(), m.end(), m.group(0)) for m in national_bodies().finditer(text)]
    word_ends = {t.idx + len(t.text) for t in doc}
    rules += [Mention("ORG", m.start(), m.end(), m.group(0)) for m in known_organisations().finditer(text)
              if m.start() in tokens and m.end() in word_ends]  # whole words only: 比亚迪 in 比亚迪股份
    rule_index = SpanIndex(rules)
    found = [m for m in found if m.label != "ORG" or not _displaced(m, rule_index)]
    others = SpanIndex(f for f in found if f.label != "ORG")
    placed = [m for m in rules if not any(_blocks(o, m, tokens) for o in others.overlapping(m.start, m.end))]
    inside = SpanIndex(placed)
    found = [f for f in found if f.label != "LOC" or not inside.containing(f.start, f.end)]  # 肇庆市|工人文化宫
    found.extend(placed)
    found.extend(_listed_bodies(found, text))
    found.extend(_team_rementions(found, text))
    found.extend(_led_units(found, text))
    labelled = SpanIndex(_labelled_names(text))  # 领衔人：易少华, 第一名揭小燕: names, whatever the model read there
    found = [m for m in found if not any(n.start <= m.start and m.end <= n.end for n in labelled.overlapping(m.start, m.end))]
    known = SpanIndex(found)
    found.extend(m for m in byline_names(text) + cell_names(text) + _paired_names(found, text)
                 + _names_in_runs(found, text) + _names_after_units(found, text) + labelled.spans
                 if not known.overlapping(m.start, m.end))
    found.extend(_names_seen_elsewhere(found, text, tokens, word_ends))
    orgs = SpanIndex(m for m in found if m.label == "ORG")
    found = [m for m in found if m.label != "ORG" or not orgs.containing(m.start, m.end)]
    ctx = ctx or ArticleContext()
    listed = honour_mentions(text, province=ctx.province, city=ctx.city)
    leaders = {m.start for m in found if m.label == "PER" and m.text not in _places()
               and STUDIO_KIND_AT.match(text, m.end)}
    listed += open_honours(text, listed, province=ctx.province, city=ctx.city)
    listed += apposed_honours(text, listed, [m for m in found if m.label == "PER"], province=ctx.province, city=ctx.city)
    honours = SpanIndex(with_nomination_prize(in_district(h, ctx.city, ctx.district), text)
                        for h in listed if h.start not in leaders)  # “区伟文劳模创新工作室” names a studio, not an honour
    found = [m for m in (_after_honour(m, honours, text) for m in found) if m is not None] + honours.spans
    unique = {(m.label, m.start, m.end): m for m in found}  # a rule and the model may find the same name
    return sorted(unique.values(), key=lambda m: (m.start, -m.end))


AT_TOWN = re.compile(r"^[\u4e00-\u9fff]{2,4}[区县市][\u4e00-\u9fff]{2,4}?(?:镇|街道)")  # 高要区金利镇|广东宏锐…有限公司


def _firm_at_place(m: Mention) -> Mention:
    """A firm the model read together with the town it stands in (高要区金利镇广东宏锐五金制品
    有限公司): the firm, when its own name starts with a place."""
    town = AT_TOWN.match(m.text) if m.label in ("LOC", "ORG") else None
    if town is None or classify(m.text).kind != "Enterprise" or not any(
            m.text.startswith(p, town.end()) for p, _ in place_surfaces()):
        return m
    return Mention("ORG", m.start + town.end(), m.end, m.text[town.end():])


HOLDER_WORD = re.compile(r"^(?:获得|获奖)(?:单位|集体)")  # …工人先锋号获得集体|罗湖区人民医院急诊科


def _without_holder_word(m: Mention) -> Mention:
    """An organisation the model read together with the word before it (获得集体罗湖区人民医院)."""
    word = HOLDER_WORD.match(m.text) if m.label == "ORG" else None
    return Mention("ORG", m.start + word.end(), m.end, m.text[word.end():]) if word and len(m.text) > word.end() + 1 else m


UNIT_UNION = re.compile(r"工会(?:委员会|小组|联合会)?")  # a unit's own union, named after it
JOINED_BY = re.compile(r"联合|会同|携手")  # 区总工会联合区人社局举办…: two bodies acting together


def _joined_bodies(m: Mention) -> list[Mention]:
    """An ORG the model read across 联合/会同 (区总工会联合区人社局) as the two bodies it joins."""
    joined = JOINED_BY.search(m.text) if m.label == "ORG" else None
    if joined is None:
        return [m]
    head, tail = m.text[:joined.start()], m.text[joined.end():]
    if not (head.endswith(org_endings()) and tail.endswith(org_endings()) and len(tail) >= 3
            and (is_organisation(head) or head[:1] in "省市区县")  # 区总工会 is short for the district's
            and _place_lead(tail)):  # not 广汽集团|联合|创新中心, one name
        return [m]
    return [Mention("ORG", m.start, m.start + len(head), head), Mention("ORG", m.start + joined.end(), m.end, tail)]


PLAIN_NOUNS = {"n", "nz", "nt", "nw", "ORG"}  # what a place-led name goes on with: 工人|文化宫, 公路|事务中心


def _blocks(other: Mention, rule: Mention, tokens: dict) -> bool:
    """A person, or a place other than the full place the name starts with and a noun after
    it, keeps a rule's name from being read (肇庆市|工人文化宫 is read; 汕头|建设省域副中心
    and 广州市|加快建设…中心 are not)."""
    after = tokens.get(other.end)
    return (other.label != "LOC" or other.start != rule.start or other.end >= rule.end
            or not other.text.endswith(("省", "市", "区", "县")) or after is None or after.tag_ not in PLAIN_NOUNS)


COHORT = re.compile(r"[\d０-９]{2}后")  # “90后”: a generation LAC may call an organisation
INDEPENDENT_NAMES = ("中", "全国", "国家")  # names that carry their own scope
LISTED_BODY = re.compile(r"、([\u4e00-\u9fff]{1,6}?(?:厅|局|委|办))(?![长员会])")


HAN = re.compile(r"[\u4e00-\u9fff]")
TEAM_TAIL = re.compile(r"^.*(?:公司|集团|局|院|厂|中心|所|站)([\u4e00-\u9fffA-Za-z0-9]{2,8}?(?:班组|班|组|队|车间|工区|科))$")


def _team_rementions(found: list[Mention], text: str) -> list[Mention]:
    """A team named again by its own short name after its full name (…供电局输电管理所带电作业班,
    then 带电作业班于2020年获得…); the mention carries the full name."""
    taken = SpanIndex(found)
    out: list[Mention] = []
    for m in found:
        tail = TEAM_TAIL.search(m.text) if m.label == "ORG" else None
        if tail is None:
            continue
        short = tail.group(1)
        for start in (i.start() for i in re.compile(re.escape(short)).finditer(text, m.end)):
            before = text[start - 1:start] if start else ""
            owned = before == "的" and any(o.end == start - 1 and o.label == "ORG" for o in taken.overlapping(start - 2, start - 1))
            if not taken.overlapping(start, start + len(short)) and not owned \
                    and (before in "该的" or not HAN.fullmatch(before)):  # not inside a longer word, nor 另一家厂的|数控车间
                out.append(Mention("ORG", start, start + len(short), m.text))
    return out


# 他带领的罐装车间, 钟伟鹏所在的设备部: a unit named by whose it is, inside the firm named before
LED_UNIT = re.compile(r"(?:带领|所在|负责|领导|管理)的([\u4e00-\u9fffA-Za-z0-9]{2,8}?(?:班组|班|组|队|车间|工区|科|部))"
                      r"(?=[也曾于在先还已又连均都被荣获，,])")
HOST = re.compile(r"^.*?(?:公司|集团|厂|医院|学校|学院|中心|局)")  # 惠来县葵峰食品有限公司|设备部
GENERIC_HOLDERS = ("公司", "集团", "企业", "单位", "厂", "本", "该", "全", "各", "党员", "青年", "技术", "团队")  # 公司代表队, 党员干部
INNER_UNIT = re.compile(r"(?:公司|集团|厂|局|院|中心|所|站|校)")  # 冷坑供电所运维班 names its own host


def _led_units(found: list[Mention], text: str) -> list[Mention]:
    """A team or department named by whose it is (他带领的罐装车间): the mention carries the
    firm named last before it (惠来县葵峰食品有限公司罐装车间), or the unit as printed
    when it names its own host (冷坑供电所运维班)."""
    taken = SpanIndex(m for m in found if m.label in ("ORG", "PER"))
    out = []
    for m in LED_UNIT.finditer(text):
        start, end = m.span(1)
        unit = m.group(1)
        if unit.startswith(GENERIC_HOLDERS) or taken.overlapping(start, end):
            continue
        if INNER_UNIT.search(unit[:-1]):
            out.append(Mention("ORG", start, end, unit))
            continue
        host = max((f for f in found if f.label == "ORG" and f.end <= start), key=lambda f: f.end, default=None)
        if host is not None and (named := HOST.match(host.text)):  # the organisation named last
            out.append(Mention("ORG", start, end, named.group(0) + unit))
    return out


def _listed_bodies(found: list[Mention], text: str) -> list[Mention]:
    """Bodies listed after a place-led one keep its place: 省人社厅、工信厅、科技厅 → 省工信厅…

    The mention's text carries the inherited place, so normalisation expands it.
    """
    out = []
    for m in found:
        lead = _place_lead(m.text) if m.label == "ORG" else None
        if not lead:
            continue
        pos = m.end
        while item := LISTED_BODY.match(text, pos):
            name = item.group(1)
            if not name.startswith((lead[0], *INDEPENDENT_NAMES)):  # 、中铁二十五局 is no department
                out.append(Mention("ORG", item.start(1), item.end(1), lead + name))
            pos = item.end()
    return out


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Every listed place name."""
    return frozenset(place_terms())


def _place_lead(name: str) -> str | None:
    """The place a name starts with: 省/市/区/县 as an abbreviation, or a listed place."""
    if name[:1] in "省市区县":
        return name[0]
    return next((p for p in place_terms() if len(p) > 1 and name.startswith(p) and p[-1] in "省市区县"), None)


def _org_then_name(m: Mention, text: str) -> list[Mention]:
    """A model ORG that runs from a company into the name of its person, before the person's
    studio or title (佛山市精密机械有限公司郑国强|劳模创新工作室) → the company and the person."""
    if m.label not in ("ORG", "LOC"):
        return [m]
    listed = text[m.end:m.end + 1] in ("（", "(", "、", "\n", "") and text[m.start - 1:m.start] in ("、", "：", "\n", "　", " ", "")
    if m.label == "LOC":  # …陈泽锋、朱家乐（汽车维修工）: a listed name the model read as a place
        named = listed and len(m.text) == 3 and looks_like_name(m.text) and m.text not in _places()
        return [Mention("PER", m.start, m.end, m.text) if named else m]
    if len(m.text) == 3 and is_person_name(m.text) and looks_like_name(m.text) and not is_organisation(m.text) and (
            listed or text[max(0, m.start - 6):m.start].endswith(org_endings())):
        return [Mention("PER", m.start, m.end, m.text)]  # …）、容耀辉（…）, …有限公司利婉婷: a name tagged ORG
    if STUDIO_END.search(m.text) and (parts := _host_and_leader(m)):  # 佛山…有限公司|区志明|模具创新工作室
        return parts
    for size in (3, 2):  # “区伟文劳模|创新工作室”: the leader's name read into the studio's kind
        if looks_like_name(m.text[:size]) and STUDIO_KIND_AT.match(m.text[size:] + text[m.end:m.end + 12]):
            return [Mention("PER", m.start, m.start + size, m.text[:size])]
    if not STUDIO_OR_TITLE.match(text, m.end):
        return [m]
    if looks_like_name(m.text) and not is_organisation(m.text):  # 卢志明|劳模创新工作室 tagged ORG
        return [Mention("PER", m.start, m.end, m.text)]
    for size in (3, 2):
        name, org = m.text[-size:], m.text[:-size]
        if looks_like_name(name) and org.endswith(org_endings()) and is_organisation(org):
            return [Mention("ORG", m.start, m.end - size, org), Mention("PER", m.end - size, m.end, name)]
    return [m]


def _host_and_leader(m: Mention) -> list[Mention]:
    """A studio tagged with its host as one organisation → the host, and the leader the
    studio is named after; the studio itself is read from them (extract/studios.py).
    Empty when no organisation leads the name."""
    for cut in range(len(m.text) - 1, 3, -1):
        host = m.text[:cut]
        if not (host.endswith(org_endings()) and is_organisation(host)):
            continue
        rest = m.text[cut:]
        parts = [Mention("ORG", m.start, m.start + cut, host)]
        for size in (3, 2):
            if looks_like_name(rest[:size]) and STUDIO_KIND_AT.search(rest[size:]):
                parts.append(Mention("PER", m.start + cut, m.start + cut + size, rest[:size]))
                break
        return parts
    return []


def _with_org_suffix(m: Mention, text: str, tokens: dict) -> Mention:
    """An ORG completed with the unit words that follow it, twice after an institute's 所
    (…供电局 + 输电管理所 + 带电作业班)."""
    done = _with_unit_words(m, text, tokens)
    done = _with_unit_words(done, text, tokens) if done.text.endswith("所") and done is not m else done
    return _with_unit_union(_with_department(done, text, tokens), text, tokens)


CLINIC = re.compile(r"[\u4e00-\u9fff]{0,6}?科(?![员长技研学普室])")  # …人民医院 + 急诊科, 骨科, 呼吸与危重症医学科


def _with_department(m: Mention, text: str, tokens: dict) -> Mention:
    """A hospital followed by one of its departments (罗湖区人民医院|急诊科) → that department."""
    dept = CLINIC.match(text, m.end) if m.label == "ORG" and m.text.endswith("医院") else None
    if dept is None or (dept.end() not in tokens and dept.end() != len(text)):
        return m
    words = [t for t in (tokens.get(i) for i in range(m.end, dept.end())) if t is not None]
    if any(t.tag_ in ("PER", "ORG", "v") for t in words):
        return m
    return Mention("ORG", m.start, dept.end(), text[m.start:dept.end()])


def _with_unit_union(m: Mention, text: str, tokens: dict) -> Mention:
    """A unit followed by its own union (…装卸一队|工会小组, …事务中心|工会) → that union."""
    union = UNIT_UNION.match(text, m.end)
    if union and m.text.endswith(org_endings()) and (union.end() in tokens or union.end() == len(text)):
        return Mention("ORG", m.start, union.end(), text[m.start:union.end()])
    return m


def _with_unit_words(m: Mention, text: str, tokens: dict) -> Mention:
    """An ORG completed with the unit words that follow it (…公司 + 公交分公司); a place
    followed by a site's ending (南风古灶 + 景区) becomes that site.

    The words added must be nouns (a short unit name may start with a verb: 总装车间)
    and never a person, so a name does not run on into the sentence (省总工会 + 主席黄宁生率队).
    """
    if m.label not in ("ORG", "LOC"):
        return m
    tail = ORG_SUFFIX.match(text, m.end) if m.label == "ORG" else (
        SITE_SUFFIX.match(text, m.end) or (PLACE_BODY.match(text, m.end) if TOWN_END.search(m.text) else None))
    if not tail or len(tail.group(0)) > 12:
        return m
    words = [t for t in (tokens.get(i) for i in range(m.end, tail.end())) if t is not None]
    if tail.end() not in tokens and tail.end() != len(text):
        return m  # the ending cuts a word
    length = (tail.start("team") if tail.groupdict().get("team") else tail.end()) - m.end
    short = length <= 4  # 织造车间(甲班): may start with a verb
    workplace = length <= 6 and WORKPLACE.search(tail.group(0)) and words[:1] and words[0].tag_ != "v"  # 精密|装配|车间
    team = length <= 8 and TEAM_END.search(tail.group(0)) and not any(t.text in unit_predicates() for t in words)
    if any(t.tag_ == "PER" or (t.tag_ not in NOUN_TAGS and t.text != "所"  # 管理|所: LAC may call it a particle
                               and not ((short or workplace or team) and t.tag_ in ("v", "vn"))) for t in words):
        return m
    if any(t.tag_ == "ORG" or title_pattern().fullmatch(t.text) for t in words):
        return m  # 汽车工程研究院|院长|比亚迪股份有限公司: a post, then another organisation
    return Mention("ORG", m.start, tail.end(), text[m.start:tail.end()])


def _after_honour(m: Mention, honours: SpanIndex, text: str) -> Mention | None:
    """A name that swallowed the end of an honour (劳动模|范王五) cut back to the name; a
    person a studio designation is named after (…公司郑国强劳模创新工作室) is kept."""
    if m.label not in ("PER", "ORG", "LOC"):
        return m
    for h in honours.overlapping(m.start, m.end):
        if h.start <= m.start < h.end < m.end:
            rest = m.text[h.end - m.start:]
            return Mention(m.label, h.end, m.end, rest) if len(rest) >= 2 else None
        if h.start <= m.start and m.end <= h.end:
            # 五一 (TIME) and 南粤 (LOC) are parts of the honour's name; a conferring
            # body inside it (广东省总工会|创新案例奖) is still an organisation.
            if m.label == "PER" and STUDIO_OR_TITLE.match(text, m.end) and "工作室" in text[m.end:h.end]:
                return m
            return m if m.label == "ORG" and is_organisation(m.text) else None
    return m


UNIT_THEN_NAME = re.compile(r"^[ \t　]*(\S+)[ \t　]+([\u4e00-\u9fff]{2,4})[ \t　]*$", re.M)  # 佛山市…中心　区家豪
NAME_THEN_UNIT = re.compile(r"^[ \t　]*([\u4e00-\u9fff]{2,4})[ \t　]+(\S+)[ \t　]*$", re.M)  # 区家豪　佛山市…中心


def _paired_names(found: list[Mention], text: str) -> list[Mention]:
    """The name on a list line that pairs it with a unit, where the model saw none
    (``佛山市高明区公路事务中心　区家豪``)."""
    org_ends = {m.end for m in found if m.label == "ORG"}
    org_starts = {m.start for m in found if m.label == "ORG"}
    out = []
    for m in UNIT_THEN_NAME.finditer(text):
        if m.end(1) in org_ends and _name_like(m.group(2)):
            out.append(Mention("PER", m.start(2), m.end(2), m.group(2)))
    for m in NAME_THEN_UNIT.finditer(text):
        if m.start(2) in org_starts and _name_like(m.group(1)):
            out.append(Mention("PER", m.start(1), m.end(1), m.group(1)))
    return out


LISTED_NAME = re.compile(r"(?<=[、和])([\u4e00-\u9fff]{2,4}?)(?=[（(、和])")  # …黎家明、区少华（电工）…


def _names_in_runs(found: list[Mention], text: str) -> list[Mention]:
    """A name in a run of names the model tagged all but (``黎家明、区少华（电工）``): it
    follows a tagged name and looks like one."""
    ends = {m.end for m in found if m.label == "PER"}
    return [Mention("PER", m.start(1), m.end(1), m.group(1)) for m in LISTED_NAME.finditer(text)
            if m.start() - 1 in ends and _name_like(m.group(1))]


ITEM_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?=[、，,。；;]|$)")  # …、揭西县公路事务中心|曾庆丰|、


def _names_after_units(found: list[Mention], text: str) -> list[Mention]:
    """The name of a run's item written after its unit where the model saw none
    (``还有：揭西县河婆中学陈秋霞、揭西县公路事务中心曾庆丰、…``)."""
    out = []
    for m in found:
        item = ITEM_NAME.match(text, m.end) if m.label == "ORG" and text[m.start - 1:m.start] in ("、", "：", ":") else None
        if item and _name_like(item.group(0)):
            out.append(Mention("PER", item.start(), item.end(), item.group(0)))
    return out


# A name in a labelled field or after a placing, before its unit: （领衔人：易少华，…）, 第一名揭小燕（…）.
LABELLED_NAME = re.compile(r"(?:(?:领衔人|负责人|带头人|姓名)[：:]\s*|第[一二三四五六七八九十]{1,2}名[：:]?)"
                           r"([\u4e00-\u9fff]{2,4}?)(?=[，,；;（）()]|\s|$)")


def _labelled_names(text: str) -> list[Mention]:
    """A name given in a labelled field or after its placing (``（领衔人：易少华，…）``,
    ``第一名揭小燕（…）``)."""
    return [Mention("PER", m.start(1), m.end(1), m.group(1)) for m in LABELLED_NAME.finditer(text)
            if _name_like(m.group(1))]


def _names_seen_elsewhere(found: list[Mention], text: str, tokens: dict, word_ends: set[int]) -> list[Mention]:
    """Another place a name the article gives stands where the model read none (县人社局授予
    曾凡强“…”称号 when 曾凡强 is tagged later on): whole words only, so 程建设 is not read
    inside 工程建设; a two-character name only between punctuation."""
    names = {m.text for m in found if m.label == "PER" and is_person_name(m.text)}
    if not names:
        return []
    known = SpanIndex(found)
    out = []
    for m in re.finditer("|".join(map(re.escape, sorted(names, key=len, reverse=True))), text):
        start, end = m.span()
        if known.overlapping(start, end) or start not in tokens or end not in word_ends:
            continue
        if end - start < 3 and not (_at_boundary(text, start - 1) and _at_boundary(text, end)):
            continue
        out.append(Mention("PER", start, end, m.group(0)))
    return out


BOUNDARY = re.compile(r"[\s，,。；;、：:（）()“”\"]")


def _at_boundary(text: str, pos: int) -> bool:
    """Whether ``pos`` is outside the text or holds punctuation or a space."""
    return not 0 <= pos < len(text) or BOUNDARY.match(text, pos) is not None


def _name_like(text: str) -> bool:
    """A word read as a name where the model saw none: it looks like one and is no place,
    unit or post (林业局, 宣教部)."""
    return (looks_like_name(text) and is_person_name(text) and text not in _places()
            and not is_organisation(text) and not title_pattern().fullmatch(text) and text[-1] not in "局部委处科室")


def _displaced(m: Mention, rules: SpanIndex) -> bool:
    """A model ORG inside a rule-made name, or overlapping one without ending like an organisation."""
    return bool(rules.containing(m.start, m.end)) or (
        bool(rules.overlapping(m.start, m.end)) and not is_organisation(m.text))


def _complete_names(found: list[Mention], text: str, tokens: dict) -> list[Mention]:
    """A name the model cut short (方树|生到现场, 马大|为 通讯员) completed by one character.

    The two-character name is extended when its full form is a name elsewhere in the
    text, or when the next token is a lone character that is not a common function word
    or that stands before a boundary.
    """
    full = {m.text for m in found if m.label == "PER" and _given_length(m.text) == 2}
    out = []
    for m in found:
        while m.label == "PER" and _given_length(m.text) == 1 and _cut_short(m, text, tokens, full):
            m = Mention("PER", m.start, m.end + 1, text[m.start:m.end + 1])  # 欧阳|建|新: twice
            if m.text[:2] not in surnames():
                break
        out.append(m)
    return out


def _given_length(name: str) -> int:
    """Characters after the surname (欧阳建 → 1, 方树 → 1, 方树生 → 2)."""
    return len(name) - (2 if len(name) > 2 and name[:2] in surnames() else 1)


def _cut_short(m: Mention, text: str, tokens: dict, full: set[str]) -> bool:
    nxt = tokens.get(m.end)
    if text[m.start:m.end + 1] in full:
        return True
    if nxt is None or len(nxt.text) != 1 or not "\u4e00" <= nxt.text <= "\u9fff":
        return False
    after = text[m.end + 1:m.end + 2]
    if not after or after.isspace():
        return nxt.text not in "等摄说的"  # 马大为 通讯员…, 蒋欣如⏎
    return nxt.text not in NAME_FOLLOWERS


class _Facts:
    """The facts of one article, each with evidence mapped back to the source file."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.facts: list[Fact] = []
        self.named: dict[tuple[str, str], int] = {}  # (kind, name) → where last reported

    def add(self, kind: str, fields: dict, span: tuple[int, int], confidence: float) -> None:
        """A fact stated by the article's text ``span`` (trimmed of surrounding whitespace)."""
        raw = self.article.text[span[0]:span[1]]
        quote = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start, end = self.article.source_span(span[0] + lead, span[0] + lead + len(quote))
        evidence = Evidence(self.article.doc, start, end, quote)
        self.facts.append(Fact(kind, fields, evidence, confidence, self.article.index))

    def entity(self, kind: str, name: str | None, span: tuple[int, int]) -> None:
        """A person or organisation at its first mention, and again where a later passage
        (REMENTION characters on) names it: a long article or issue covers many stories."""
        if not name or not (kind == "person" or is_organisation(name)):
            return
        last = self.named.get((kind, name))
        if last is None or span[0] - last >= REMENTION:
            self.named[(kind, name)] = span[0]
            self.add(kind, {"name": name}, span, 0.9 if kind == "person" else 0.8)


def _date_reader(year: int | None) -> Callable[[str], str | None]:
    """A function giving the date a sentence states for an event: a full date, a month
    and day in the article's year, or a year written as such (not a plan's range)."""
    def date_of(sentence: str) -> str | None:
        """The date ``sentence`` states, as an ISO string; None if it states none."""
        if m := FULL_DATE.search(sentence):
            return iso_date(int(m[1]), int(m[2]), int(m[3]))
        if (m := MONTH_DAY.search(sentence)) and year:
            return iso_date(year, int(m[1]), int(m[2]))
        if y := SINGLE_YEAR.search(sentence):
            return y.group(1)
        relative = next(((word, d) for word, d in RELATIVE_YEAR.items() if word in sentence), None)
        if not year or relative is None:
            return None
        month = re.search(rf"{relative[0]}(\d{{1,2}})月", sentence)  # 去年11月
        return iso_date(year + relative[1], int(month[1])) if month else str(year + relative[1])
    return date_of


@dataclass(frozen=True)
class ArticleJob:
    """What the relation component needs beside the text: the article and its document."""

    article: Article
    doc_text: str = ""


def article_doc(article: Article, nlp: Language, *, doc_text: str = "") -> Doc:
    """A tokenised Doc of the article, carrying the article for the domain components."""
    doc = nlp.make_doc(article.text)
    doc._.article = ArticleJob(article, doc_text)
    return doc


def extract_article(article: Article, *, doc_text: str = "", nlp: Language | None = None) -> list[Fact]:
    """Facts stated in one article, each with evidence in the original file."""
    nlp = nlp or get_nlp()
    return nlp(article_doc(article, nlp, doc_text=doc_text))._.facts


def reading_text(doc: Doc) -> str:
    """The text the domain readers work on: the Doc's, in simplified characters when it is
    written in traditional ones (one for one, so every offset stays valid)."""
    if "reading_text" not in doc.user_data:
        doc.user_data["reading_text"] = to_simplified(doc.text)
    return doc.user_data["reading_text"]


def context_of(doc: Doc) -> ArticleContext:
    """The article context of a Doc (its place and short names), computed once."""
    if doc._.context is None:
        job: ArticleJob | None = doc._.article
        doc._.context = article_context(reading_text(doc), doc_text=job.doc_text if job else "")
    return doc._.context


def mentions_of(doc: Doc) -> list[Mention]:
    """The typed mentions of a Doc: the model's entities completed by the domain recognisers."""
    return _mentions(doc, reading_text(doc), context_of(doc))


def facts_of(doc: Doc) -> list[Fact]:
    """Every fact the Doc's article states (the Doc carries its ArticleJob and mentions)."""
    job: ArticleJob = doc._.article
    article, text, mentions = job.article, reading_text(doc), doc._.mentions
    ctx = context_of(doc)
    out = _Facts(article)
    index = SpanIndex(mentions)
    people = sorted((m for m in mentions if m.label == "PER"), key=lambda m: m.end)
    ctx.people = {p.text for p in people}
    people_ends = [p.end for p in people]
    for span in ((s.start_char, s.end_char) for s in doc.sents):  # set by honours_sentences_v1
        sent = Sentence(text[span[0]:span[1]], span[0], index.within(*span))
        before = bisect_left(people_ends, span[0] + 1)  # people ending before the sentence
        lead = ctx.sentence_subject  # the last sentence's clause-initial person, if any
        subject = lead if lead is not None and lead.text not in ctx.masters else _passage_subject(people, before, ctx)
        _read_sentence(sent, span, subject, ctx, out)
    list_awards(text, mentions, ctx, article.date.year,
                lambda fields, s, e: out.add("award", fields, (s, e), 0.8),
                lambda fields, s, e: out.add("position", fields, (s, e), 0.7))
    return _employers_for_awards(_posts_in_firms(_dedupe(out.facts)))


def _passage_subject(people: list[Mention], before: int, ctx: ArticleContext) -> Mention | None:
    """Whom a pronoun (他/她) stands for, among the first ``before`` people named: the last one,
    passing over one named only as someone's master (师从老钳工何炳坤) and, while there is
    another, one named in a sentence a pronoun led (她牵头改造的李果自动分拣线)."""
    fallback = None
    for person in (people[i] for i in range(before - 1, -1, -1)):
        if person.text in ctx.masters:
            continue
        if person.start not in ctx.by_the_way:
            return person
        fallback = fallback or person
    return fallback or (people[before - 1] if before else None)


def _posts_in_firms(facts: list[Fact]) -> list[Fact]:
    """A post in a firm's workshop or department is written as officials write it, the unit in
    the title: (X公司, 模具车间主任); a person's award names the firm as their unit."""
    for f in facts:
        if f.type == "position" and head_of_unit(f.fields["title"]) and (split := firm_and_unit(f.fields["organisation"])):
            f.fields["organisation"], f.fields["title"] = split[0], split[1] + f.fields["title"]
        elif f.type == "award" and f.fields["recipient_kind"] == "person" and f.fields["recipient_org"] \
                and (split := firm_and_unit(f.fields["recipient_org"])):
            f.fields["recipient_org"] = split[0]
    return facts


def _employers_for_awards(facts: list[Fact]) -> list[Fact]:
    """An award's recipient_org, when the sentence gives none, from the person's post in the article."""
    posts: dict[str, str] = {}
    units: dict[str, str] = {}
    for f in facts:
        if f.type == "position":
            posts.setdefault(f.fields["person"], f.fields["organisation"])
    for f in facts:  # else the unit another award of the article named the person with
        if f.type == "award" and f.fields["recipient_kind"] == "person" and f.fields["recipient_org"]:
            units.setdefault(f.fields["recipient"], f.fields["recipient_org"])
    for f in facts:
        if f.type == "award" and f.fields["recipient_kind"] == "person" and not f.fields["recipient_org"]:
            f.fields["recipient_org"] = posts.get(f.fields["recipient"]) or units.get(f.fields["recipient"])
    return facts


def _read_sentence(sent: Sentence, span: tuple[int, int], subject: Mention | None,
                   ctx: ArticleContext, out: _Facts) -> None:
    """Every fact one sentence states."""
    year = out.article.date.year
    ctx.read_sentence(sent.text)
    previous: Mention | None = None
    for m in sent.of("ORG"):
        if not m.text.startswith(("该", "本")):
            ctx.saw(canonical_org(m.text, ctx))
            if previous is not None and previous.end == m.start and previous.text.endswith(PARENT_ENDINGS) \
                    and not m.text.endswith("工作室"):  # a studio keeps its own name
                ctx.saw(canonical_org(previous.text + m.text, ctx))  # 广东电网有限责任公司|惠州惠阳供电局…班
        previous = m
    for m in sent.of("PER"):
        out.entity("person", m.text, span)
    for m in sent.of("ORG"):
        out.entity("organisation", canonical_org(m.text, ctx), span)
    for fields in positions(sent, ctx, subject):
        out.add("position", fields, span, 0.8)
        out.entity("organisation", fields["organisation"], span)
    placed = placings(sent, ctx)
    for placing, people in placed.items():
        ctx.placed.setdefault(placing, []).extend(people)
    for fields in placed_awards(placed, ctx):  # 各工种第一名选手被授予…。…电工：第一名杨文杰（…）
        out.add("award", fields, span, 0.7)
        out.entity("organisation", fields["recipient_org"], span)
    # …进行了表彰。X获评…; not a conferral the sentence dates itself (2012年…当年即被授予…)
    reports = bool(CONFERRAL.search(sent.text))  # 表彰, 授予: a conferral reported
    recent = bool(RECENT.search(sent.text) or (reports and not DATED_YEAR.search(sent.text)))
    ctx.recent = ctx.recent or recent  # 近日，X荣获…, or 近日，…表彰…。X荣获…
    named_studios = studios(sent, ctx)
    for fields in named_studios:
        ctx.saw(fields["name"])  # 成立“X工作室”，同年该工作室被…命名为…
    awarded = awards(sent, ctx, year, subject, dated_news=out.article.date.precision == "day")
    ctx.recent = recent  # for the next sentence
    ctx.reported = reports  # 会议对…进行了表彰。获评2024年度X的是…
    for fields in awarded:
        out.add("award", fields, span, 0.8)
        out.entity("organisation", fields["recipient_org"], span)
        out.entity(fields["recipient_kind"], fields["recipient"], span)
    if (first := next(iter(sent.of("ORG")), None)) and not sent.text[:first.start - sent.start].strip():
        ctx.topic = canonical_org(first.text, ctx)  # 中山市总工会紧紧围绕…。项目于2023年获…
    for fields in named_studios:
        out.add("studio", fields, span, 0.7)
    for fields in mentorships(sent, subject, ctx):
        out.add("mentorship", fields, span, 0.6)
    for person in sent.of("PER"):
        if person.text not in ctx.apprentices:
            ctx.protagonist = person.text
    lead = PRONOUN.search(sent.text, 0, PRONOUN_LEAD)
    named = sent.of("PER")
    if lead and subject is not None and min((sent.local(p)[0] for p in named), default=len(sent.text)) > lead.start():
        # 她牵头改造的李果自动分拣线…: she is still whom the passage is about
        ctx.by_the_way.update(p.start for p in named)
    elif named:  # 大徒弟黎家豪2016年进厂，跟随梁振邦学习…。2023年，他…: 他 is the apprentice
        ctx.sentence_subject = next((p for p in reversed(named) if _clause_subject(sent, p)), None)
    found = events(sent, ctx, _date_reader(year))
    for fields in found:
        out.add("event", fields, span, 0.6)
        for name in fields["organisers"]:
            out.entity("organisation", name, span)
    if not found and ctx.last_event is not None and not ctx.last_event["organisers"]:
        ctx.last_event["organisers"] = carried_organisers(sent, ctx.last_event["name"], ctx)  # the event before
    ctx.last_event = found[-1] if found else None


PRONOUN_LEAD = 12  # characters a sentence's subject stands within: 2016年，她获得…
# What may stand before a clause's subject: a time, a post or role (车间主任陈明, 大徒弟黎家豪), an age.
SUBJECT_LEAD = re.compile(r"(?:(?:19|20)\d{2}年|[今去前]年|\d{1,2}月(?:\d{1,2}日)?|现年|今年)?"
                          r"(?:[^，,。；]{0,8}?(?:徒弟|师傅|学徒|职工|员工|工人|选手|代表|同志|劳模|工匠|[\d一二两三四五六七八九十]+岁的))?")


def _clause_subject(sent: Sentence, person: Mention) -> bool:
    """Whether a person begins their clause, as its subject (``车间主任陈明安排…``), not
    after a verb (``跟随梁振邦学习``)."""
    start = sent.local(person)[0]
    clause = sent.begin(start, "，,。；：")
    lead = sent.text[clause:start].strip(" “”\"")
    return bool(SUBJECT_LEAD.fullmatch(lead) or any(t.end() == len(lead) for t in title_pattern().finditer(lead)))


IDENTITY = {"award": ("recipient", "honour", "year"), "position": ("person", "organisation", "title"),
            "studio": ("name",), "event": ("name",), "mentorship": ("master", "apprentice"),
            "person": ("name",), "organisation": ("name",)}


SAME_EVENT_CORE = 6  # characters the shorter of two names of one event has at least
QUALIFIER = re.compile(r"(?:(?:19|20)\d{2}年度?)?(?:[\u4e00-\u9fff]{2,8}?[省市区县](?:总工会|工会)?)?(?:(?:19|20)\d{2}年度?)?")  # 阳西县|首届…


def _event_key(fact: Fact, kept: dict[tuple, Fact]) -> tuple:
    """The key of an event: a name that ends another one read (首届X竞赛 in the headline,
    阳西县首届X竞赛 in the body) is the same event, unless their dates differ in year;
    the longer name is kept when what it adds is a place or a year."""
    name, date = fact.fields["name"], fact.fields.get("date")
    for key, other in kept.items():
        if key[0] != "event":
            continue
        known, known_date = other.fields["name"], other.fields.get("date")
        if known == name:
            return key
        short, long_ = sorted((known, name), key=len)
        if len(short) < SAME_EVENT_CORE or not long_.endswith(short):
            continue
        if date and known_date and date[:4] != known_date[:4]:
            continue  # 中山市职工职业技能大赛 of 2017 and of 2020
        if QUALIFIER.fullmatch(long_[:-len(short)]):
            other.fields["name"] = long_
        else:
            other.fields["name"] = short  # a slogan or a mark before it: 比技能 展风采2025年…大赛
        return key
    return ("event", name)


def _award_key(fact: Fact, kept: dict[tuple, Fact]) -> tuple:
    """The key of an award: the same honour in another year stays apart, but an undated
    statement of it joins a dated one (记广东省劳动模范… / 2020年被评为广东省劳动模范)."""
    recipient, honour, year = (fact.fields.get(k) for k in ("recipient", "honour", "year"))
    same = [k for k in kept if k[:3] == ("award", recipient, honour)]
    if year is None and same:
        return same[0]
    undated = ("award", recipient, honour, None)
    if undated in kept:  # the dated statement is the better evidence; keep what the other knew
        for name, value in kept.pop(undated).fields.items():
            if fact.fields.get(name) in (None, "") and value not in (None, ""):
                fact.fields[name] = value
    return ("award", recipient, honour, year)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per identity within an article; a later statement fills fields left empty."""
    kept: dict[tuple, Fact] = {}
    entities = [f for f in facts if f.type in ("person", "organisation")]  # repeats are deliberate
    for fact in (f for f in facts if f.type not in ("person", "organisation")):
        key = (fact.type, *(fact.fields.get(k) for k in IDENTITY[fact.type]))
        if fact.type == "award":  # an award without a year is the dated one of the same honour
            key = _award_key(fact, kept)
        elif fact.type == "event":  # 首届X竞赛 in the headline, 阳西县首届X竞赛 in the body
            key = _event_key(fact, kept)
        if key not in kept:
            kept[key] = fact
            continue
        first = kept[key].fields
        for name, value in fact.fields.items():
            if first.get(name) in (None, [], "") and value not in (None, [], ""):
                first[name] = value
    return entities + list(kept.values())
