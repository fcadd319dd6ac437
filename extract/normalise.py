"""Canonical names: organisations expanded from the article's context.

``省总工会`` → ``广东省总工会`` (the article's province), ``市总工会`` → ``佛山市总工会``
(its city), ``南海区总工会`` → ``佛山市南海区总工会``, ``全国总工会`` → ``中华全国总工会``,
and an article's own short names (``以下简称“视源”``) → the full name.

>>> from extract.context import ArticleContext
>>> canonical_org("市总工会", ArticleContext(city="佛山市"))
'佛山市总工会'
"""
from __future__ import annotations

import re

from extract.context import ArticleContext
from functools import lru_cache

from extract.mentions import org_aliases, read_lines
from ontology.organisations import classify, kind_suffixes
from ontology.taxonomy import local_parent, place_terms, towns_direct

PARTY_COMMITTEE = re.compile(r"^(?!中共)([\u4e00-\u9fff]{1,6}[省市区县])委(员会)?$")
CPPCC = re.compile(r"^([\u4e00-\u9fff]{1,6}[省市区县])政协$")  # 湛江市政协 → 政协湛江市委员会
# A union's committee of one term is the union: 湛江市总工会第十届委员会, 新一届市总工会委员会.
UNION_TERM = re.compile(r"(?:新一届|第[一二三四五六七八九十百\d]+届)(?=[\u4e00-\u9fff]*委员会$)|^新一届")
UNION_COMMITTEE = re.compile(r"(总工会)委员会$")
TEAM_OF = ("代表队", "代表团")  # 湛江海川重工有限公司代表队: the company's team at a contest
GENERIC = re.compile(
    r"^(?:[\u4e00-\u9fff]{2}(?:市)?工会|.*(?:[等为将]|关于|重视|布局|通过|融入|下一步).*|新时代.*|全[省市区].*|.*各.*|.*[省市区县]基层工会"
    r"|.*(?:培训|研修|提升|学习|训练|兴趣|托管)班"
    # counted or ranked sets, not one body: 九市总工会, 市县两级总工会, 五区工会, 四大实训中心, 首个工会
    r"|.*(?<!第)[一二两三四五六七八九十\d]+(?:市|区|县|镇|级|个|家)[\u4e00-\u9fff]{0,4}?(?:总工会|工会|工联会)"
    r"|.*[一二两三四五六七八九十]大(?!队)[\u4e00-\u9fff]*?中心|.*首[个家].*)$"
)
# A name the text runs into from the verb before it: 受|广东省人大常委会…的委托, 由|省总工会主办.
LEADING_VERB = re.compile(r"^(?:授予|表彰|命名|推荐|慰问|走访|看望|[受由经据应请向对与和及])")
# Names joined by 和/及/与 (全国和省总工会, 广州市总工会与东莞市总工会) are several bodies,
# unless the conjunction sits inside one name (人力资源和社会保障局, 中华人民共和国).
CONJUNCTION = re.compile(r"[和及与]")
LEVEL_WORDS = ("全国", "省", "市", "区", "县", "国家", "省级", "市级")
PUBLIC_BODIES = ("Union", "GovernmentBody", "PartyBody")  # the bodies a town of a city without districts is named under: 东莞市长安镇总工会
TOWN = re.compile(r"^(?![全各本该])(?:(?!各)[\u4e00-\u9fff]){2,3}(?:街道|镇)(?=[\u4e00-\u9fff]{2,})")  # 大良街道总工会; not 全市各镇…
DISTRICT = re.compile(r"^[\u4e00-\u9fff]{1,3}[区县]")
# What a district's own institutions start with after 区 (区人民医院, 区人社局); 区 is also a
# surname (区志明模具创新工作室), while 县 is not, so 县 stands for the county before any name.
PUBLIC_INSTITUTIONS = ("人民", "人力", "人社", "住房", "住建", "公安", "教育", "卫生", "卫健", "财政", "交通", "工人文化宫",
                       "职工", "中医", "妇幼", "疾病", "融媒体", "行政", "会展", "文化", "图书馆", "直机关", "工商联", "妇联", "团委")
NOT_PLACE_WORD = set("域城级块内外属")  # 区域…, 县城…, 县级…: no 区/县 standing for the district
BODIES = ("委", "总工会", "人民政府", "政府", "人大", "政协")
STRIP = "“”\"'‘’《》 　"
SUBTITLE_LEAD = re.compile(r"^[—－-]{1,2}\s*(?:记)?")  # a profile's subtitle: ——记韶关…公司设备部副部长X


def _unquoted(name: str) -> str:
    """A name without the marks around it; a quote that opens a part of the name stays
    (“绿野”园林工匠创新工作室)."""
    bare = name.strip(STRIP)
    if "”" in bare and "“" not in bare and name.lstrip(" 　").startswith("“"):
        return "“" + bare
    return bare


def canonical_org(name: str, ctx: ArticleContext) -> str:
    """The canonical form of an organisation name in the article's context."""
    name = _without_leading_verb(SUBTITLE_LEAD.sub("", _unquoted(name)))
    name = ctx.expand(name)
    if "总工会" in name and not name.startswith("中共"):
        name = UNION_COMMITTEE.sub(r"\1", UNION_TERM.sub("", name))
    for short, full in org_aliases().items():
        if name.startswith(short):
            name = full + name[len(short):]
            break
    name = _expand_place(name, ctx)
    for short, full in abbreviations():
        if name.endswith(short):
            name = name[: -len(short)] + full
            break
    if m := PARTY_COMMITTEE.match(name):
        name = "中共" + m.group(1) + "委" + (m.group(2) or "")
    if m := CPPCC.match(name):
        name = "政协" + m.group(1) + "委员会"
    team = next((t for t in TEAM_OF if name.endswith(t)), None)
    if team and is_organisation(name.removesuffix(team)):
        name = name.removesuffix(team)
    return ctx.longer(name)


def _without_leading_verb(name: str) -> str:
    """受|广东省人大常委会 → 广东省人大常委会, but 和平县总工会 and 经开区总工会 stay: the verb
    goes only when what follows it is a listed place or a national name and the whole is not."""
    m = LEADING_VERB.match(name)
    if m is None or _led_by_place(name):
        return name
    rest = name[m.end():]
    national = rest.startswith(("中共", "中华", "全国", "中国"))
    short_place = rest[:1] in "省市" and rest[1:].startswith(BODIES)  # 由|省总工会主办
    return rest if national or short_place or _led_by_place(rest) else name


@lru_cache(maxsize=1)
def _listed_places() -> tuple[str, ...]:
    return tuple(sorted((p for p in place_terms() if len(p) > 1 and p[-1] in "省市区县"), key=len, reverse=True))


def _led_by_place(name: str) -> bool:
    """True when ``name`` starts with a listed province or city (广东省…, 韶关市…)."""
    return name.startswith(_listed_places())


def _expand_place(name: str, ctx: ArticleContext) -> str:
    """省/市/区 at the start of a name → the article's province, city, city + district."""
    if name.startswith("省") and ctx.province:
        return ctx.province + name[1:]
    if _district_own(name, ctx.sentence_district or ctx.district):
        name = (ctx.sentence_district or ctx.district) + name[1:]  # 潮安区委常委、区总工会主席 → 潮安区总工会
    if TOWN.match(name) and ctx.district and ctx.local_city and not ctx.sentence_district:
        return _expand_place(ctx.district + name, ctx)  # 大良街道总工会 in a 顺德区 report → 佛山市顺德区大良街道总工会
    if TOWN.match(name) and ctx.local_city and _leading_kind(name) in PUBLIC_BODIES and (
            towns_direct(ctx.local_city) or local_parent(ctx.local_city)):
        return ctx.local_city + name  # 长安镇总工会 in a 东莞 or 台山市 report → 东莞市长安镇总工会, 台山市斗山镇总工会
    if name.startswith("市") and _led_by_place(name[1:]):
        return name[1:]  # 我市|河源市供水有限公司: the 市 of 我市 before a full name
    if name.startswith("市") and ctx.local_city:
        return ctx.local_city + name[1:]
    district = DISTRICT.match(name)
    if district is None or (ctx.local_city and name.startswith(ctx.local_city[:-1])):
        return name
    if district.group(0).endswith("县"):
        return name  # a county's names are complete: 惠东县总工会, 翁源县兰韵农业科技有限公司
    city = (ctx.district_cities.get(district.group(0)) or local_parent(district.group(0))
            or ctx.local_city)  # 惠州大亚湾区 names its own city; 禅城区 is 佛山's
    return city + name if city and not name.startswith(city[:-1]) else name


def _district_own(name: str, district: str | None) -> bool:
    """Whether a name written with a bare 区/县 (区总工会, 区人社局, 县人民医院急诊科) is the
    district's or county's own body: 区 before its bodies and institutions only (区 is also a
    surname: 区志明模具创新工作室), 县 before any name in a county's report but 县城, 县级…"""
    if not district or name[:1] != district[-1:]:
        return False
    if name[1:].startswith(BODIES + PUBLIC_INSTITUTIONS):
        return True
    return name[0] == "县" and "\u4e00" <= name[1:2] <= "\u9fff" and name[1:2] not in NOT_PLACE_WORD


def _leading_kind(name: str) -> str:
    """The kind of the first organisation a name starts with (…有限公司工会 → Enterprise)."""
    suffixes = kind_suffixes()
    head = next((name[:i] for i in range(2, len(name) + 1) if name[:i].endswith(suffixes)), name)
    return classify(head).kind


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, str], ...]:
    """(abbreviated ending, full ending) pairs, longest first."""
    pairs = [tuple(line.split("\t", 1)) for line in read_lines("org_abbreviations.txt")]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def org_endings() -> tuple[str, ...]:
    """Every ending that marks a name as an organisation's."""
    return tuple(sorted(set(read_lines("org_suffixes.txt")) | set(kind_suffixes()), key=len, reverse=True))


def is_organisation(name: str) -> bool:
    """A canonical name that names one specific organisation (not 各级工会, 佛山工会)."""
    if national_bodies().fullmatch(name):
        return True
    return (len(name) >= 4 and name.endswith(org_endings()) and not GENERIC.match(name)
            and not _coordinated(name))


def _coordinated(name: str) -> bool:
    """Two bodies joined by a conjunction: the part before it is a body or a level word."""
    m = CONJUNCTION.search(name)
    if m is None:
        return False
    head = name[: m.start()]
    if head.endswith(("市", "省")) and COUNTY_AFTER.match(name, m.start()):
        return False  # 河源市|和平县总工会: a county of the city whose name starts with 和
    return head.endswith(org_endings()) or head.endswith(LEVEL_WORDS) or head in LEVEL_WORDS


COUNTY_AFTER = re.compile(r"[和及与][\u4e00-\u9fff]{1,3}?[县区](?![\u4e00-\u9fff]*[和及与])")
ORG_STOP = r"的在和与及、，。；：！？“”《》\s"
CONFERRED = "获得|荣获|获评|授予|被评"  # 深圳市工人先锋号|获得|集体罗湖区人民医院: a verb ends the place's phrase


@lru_cache(maxsize=1)
def _place_org_pattern() -> re.Pattern[str]:
    """A name led by a place (广东省…, 佛山市…, 省/市/区 at a boundary) and ending like an organisation."""
    places = [p for p in place_terms() if len(p) > 1 and not p.endswith("级")]
    endings = [e for e in org_endings() if len(e) > 1 or e in "局厅部委院"]
    lead = "|".join(map(re.escape, sorted(places, key=len, reverse=True)))
    tail = "|".join(map(re.escape, endings))
    return re.compile(
        rf"(?:(?:{lead})|(?:(?<![\u4e00-\u9fff])|(?<=[与和及在由向从为对把被赴到]))[省市区县])"
        rf"(?:(?!{CONFERRED})[^{ORG_STOP}]){{0,16}}?(?:{tail})(?![\u4e00-\u9fff]{{0,1}}(?:会|部|厅|局)(?!长)|级|(?<=[部局委厅])(?:工作|[面署分门]))"
    )


def place_led_orgs(text: str) -> list[tuple[int, int, str]]:
    """Organisation names that start with a place and end with an organisation ending."""
    return [(m.start(), m.end(), m.group(0)) for m in _place_org_pattern().finditer(text)]


@lru_cache(maxsize=1)
def national_bodies() -> re.Pattern[str]:
    """National institutions named without a place (中共中央, 国务院, 全国人大…), from data."""
    names = sorted(read_lines("national_bodies.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


@lru_cache(maxsize=1)
def known_organisations() -> re.Pattern[str]:
    """Well-known organisations written by their short names (南方电网, 中广核, 新华社), from data."""
    names: set[str] = set()
    for line in read_lines("known_organisations.txt"):
        full, _, shorts = line.partition("\t")
        names.add(full)
        names.update(s for s in shorts.split(",") if s)
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))) or "(?!)")

