"""What an article is about: its province and city, and the short names it defines.

Abbreviations depend on context: 省总工会 is 广东省总工会 in a Guangdong magazine and
市总工会 is whichever city the article is about; an article may define its own short
names (``广州视源电子科技有限公司（以下简称“视源”）``). :class:`ArticleContext`
collects these once per article so normalisation can expand them.

>>> ctx = article_context("佛山市总工会召开会议。市总工会主席李灿出席。", doc_text="")
>>> ctx.city
'佛山市'
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ontology.taxonomy import load_taxonomy, local_parent, place_parent

if TYPE_CHECKING:
    from extract.mentions import Mention

DEFAULT_PROVINCE = "广东省"  # the genre: Guangdong union press
ALIAS = re.compile(
    r"([\u4e00-\u9fff（）()·\w]{2,40}?)[（(](?:以下|下文)?(?:简称|下称)[“\"]([^”\"]{1,12})[”\"][）)]"
)
CITY = re.compile(r"[\u4e00-\u9fff]{2,4}市(?![场民长委政级])")
PROVINCE = re.compile(r"[\u4e00-\u9fff]{2,4}省(?![委政级内外份])")
ANAPHOR_KINDS = ("公司", "集团", "厂", "医院", "学校", "学院", "大学", "银行", "单位", "工作室", "车间", "班组")
ANAPHOR = re.compile(rf"^(?:该|本)({'|'.join(ANAPHOR_KINDS)})|^({'|'.join(ANAPHOR_KINDS)})(?=$|工会$)")  # 公司总经理X, 公司工会主席Y
# A district named by one of its bodies (潮安区委, 南海区总工会): the 区… after it is that district.
DISTRICT_BODY = re.compile(r"(?:(?<=^)|(?<=[\s，、。；：“（(])|(?<=市))(?!.{0,3}自治)([\u4e00-\u9fff]{2,4}?[区县])"
                           r"(?=委|总工会|人民政府|政府|人大|政协)")
# Words a short city name starts without naming the city: 中山大学, 中山路, 孙中山, 中山纪念堂.
SHORT_CITY_NOT = "大学|路|街|大道|纪念|公园|广场|医院|舰|装|陵|先生"
PARENT_ENDINGS = ("公司", "集团", "局", "院", "厂", "中心", "所", "站")  # a parent named before a unit's own name
NOT_A_CITY = re.compile(r"[我本该全各这那此其今年]")  # 今年我市, 全市: the text's own city, not a name
NOT_PLACES = {"全", "本", "该", "城", "超", "都", "各", "全省", "省", "上", "地级", "县级", "副", "城"}


@dataclass
class ArticleContext:
    """Places and short names that an article's abbreviations refer to."""

    province: str | None = DEFAULT_PROVINCE
    city: str | None = None
    aliases: dict[str, str] = field(default_factory=dict)  # short name → full name
    antecedents: dict[str, str] = field(default_factory=dict)  # 公司 → the company named last
    district_cities: dict[str, str] = field(default_factory=dict)  # 大亚湾区 → 惠州市, as the text pairs them
    sentence_city: str | None = None  # the one city the sentence being read names, if any
    sentence_district: str | None = None  # the one district it names: 潮安区委常委、区总工会主席
    topic: str | None = None  # the organisation the last sentence began with: what the passage is about
    placed: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)  # 第一名 → (person, org)
    placing_honours: dict[str, list[tuple[str, int | None]]] = field(default_factory=dict)  # 第一名 → (honour, year)
    pending: tuple[str, int | None] | None = None  # an honour announced with no names yet: 其中包括… names them
    last_event: dict | None = None  # the fields of the event the sentence before named last
    last_honours: list[tuple[str, int | None]] = field(default_factory=list)  # the honours the sentence before named
    # The people each sentence named since the last that ended in prose (…。), one list per sentence:
    # a list's lines, then the sentence after them (以上9名选手…) may count them all.
    previous_people: list[list[str]] = field(default_factory=list)
    run_closed: bool = True  # the last sentence ended in prose: a new run starts
    people: set[str] = field(default_factory=set)  # every person the article names
    seen: dict[str, None] = field(default_factory=dict)  # organisations named so far, the last-named last
    short_forms: dict[str, str] = field(default_factory=dict)  # 南庄陶瓷机械公司 → the company named in full
    recent: bool = False  # the sentence before reports something as just happened (近日, 日前)
    reported: bool = False  # the sentence before reports a conferral (表彰, 授予)
    apprentices: set[str] = field(default_factory=set)  # people the article names as someone's apprentice
    masters: set[str] = field(default_factory=set)  # people it names only as someone's master (师从X)
    by_the_way: set[int] = field(default_factory=set)  # where people are named in a sentence a pronoun leads
    sentence_subject: Mention | None = None  # the person the last sentence naming people began with
    protagonist: str | None = None  # the last person named who is nobody's apprentice: whom a profile is about
    district: str | None = None  # the district the article is about (顺德区): its towns' bodies are named under it

    @property
    def local_city(self) -> str | None:
        """The city 市… refers to here: the one the sentence names (佛山市人大常委会副主任、
        市总工会主席 in a chronicle of the whole province), else the article's; in an article
        about a county-level city, its parent named in full (韶关市总工会副主席曾卫东) is a
        visitor's, and 市委 is still the county-level city's."""
        if self.sentence_city and self.city and local_parent(self.city) == self.sentence_city:
            return self.city
        return self.sentence_city or self.city

    def read_sentence(self, text: str) -> None:
        """Note the city and the district a sentence names, when it names exactly one of each."""
        named = {_city_names()[m.group(0)] for m in _any_city().finditer(text)}
        named.update(m.group(0) for m in _county_city().finditer(text))  # 江门市…，台山市委书记…: no one city
        self.sentence_city = named.pop() if len(named) == 1 else None
        districts = set(_districts(text))
        self.sentence_district = districts.pop() if len(districts) == 1 else None

    def longer(self, name: str) -> str:
        """The last organisation named in full whose name ends with ``name`` (four characters
        or more), or a company ``name`` starts by its short form (南庄陶瓷机械公司装配车间 →
        佛山市南庄陶瓷机械有限公司装配车间), else ``name``."""
        if len(name) < 4:
            return name
        for full in reversed(self.seen):
            at = full.find(name)
            if at > 0 and full[:at].endswith(PARENT_ENDINGS):  # …有限公司|白蕉大道项目部(钢筋班组)
                return full[:at + len(name)]
        for end in range(len(name), 4, -1):  # 南庄陶瓷机械公司(装配车间) after 佛山市南庄陶瓷机械有限公司
            if full := self.short_forms.get(name[:end]):
                return full + name[end:]
        return name

    def expand(self, short: str) -> str:
        """The full name an article's own short name stands for, else ``short``."""
        if m := ANAPHOR.match(short):
            named = self.antecedents.get(m.group(1) or m.group(2))
            return named + short[m.end():] if named else short
        return self.aliases.get(short, short)

    def saw(self, name: str) -> None:
        """Remember an organisation named in the text, so 该公司/该集团 and a shortened name
        (白蕉大道项目部 after 粤珠建设集团有限公司白蕉大道项目部) can refer back to it."""
        self.seen.pop(name, None)  # each name once, so longer() reads distinct names, not every mention
        self.seen[name] = None
        if short := written_short(name):
            self.short_forms[short] = name
        for kind in ANAPHOR_KINDS:
            if kind in name[1:]:
                self.antecedents[kind] = name[: name.index(kind, 1) + len(kind)]


NOT_DISTRICT = re.compile(r"^[各全本该]|(?:城|社|片|园|景|小|校|厂|辖)区$")  # 广州市中心城区, 佛山市各区县
CLAUSE_CHARS = set("在到为了请向由从赴至对把被将是的该这本")  # 会议由|区总工会, 在|潮南区委: words a clause runs in with
FUNCTION_CHARS = set("在到于为了请向和与及由从赴至对把被将是的全各本该市省区县")
ALIAS_CUT = re.compile(r"[，。；：、“”（）()《》]|了|在|到|的|和|与|及|对|由|为|走访|参观|调研|来到|出席|成立|组建|位于")


LIMITED = re.compile(r"(?:股份)?有限(?:责任)?(?=公司$)")


@lru_cache(maxsize=4096)
def written_short(company: str) -> str | None:
    """How a company is written short, without its places and 有限: 佛山市南庄陶瓷机械有限公司 →
    南庄陶瓷机械公司; None for a name that is not a limited company or has too little left."""
    if not LIMITED.search(company):
        return None
    short = LIMITED.sub("", company)
    while lead := next((p for p in _place_leads() if short.startswith(p)), None):
        short = short[len(lead):]
    return short if len(short) >= 5 else None


@lru_cache(maxsize=1)
def _place_leads() -> tuple[str, ...]:
    """Place names a company's name may start with (广东省, 佛山市, 佛山, 南海区), longest first."""
    names = {s for s, _ in place_surfaces()} | set(load_taxonomy().local_places)
    return tuple(sorted((n for n in names if len(n) >= 2), key=len, reverse=True))


def _place_name(found: str) -> str | None:
    """``在佛山市`` → ``佛山市``: a listed place, or the name left after leading function words."""
    listed = {name for name, _ in place_surfaces()}
    for i in range(len(found) - 1):
        if found[i:] in listed:
            return found[i:]
    name = found.rsplit("省", 1)[-1] if not found.endswith("省") else found
    while len(name) > 2 and name[0] in FUNCTION_CHARS:
        name = name[1:]
    return name if len(name) >= 3 and name[0] not in FUNCTION_CHARS else None


def _most_common_place(pattern: re.Pattern[str], level: str, *texts: str) -> str | None:
    """The place of ``level`` the first text names most; the next texts only when it names none.

    An article in a magazine is about the city it names itself (东莞, 肇庆市总工会), even when
    the issue around it names another city more often.
    """
    for text in texts:
        counts: Counter[str] = Counter()
        for m in pattern.finditer(text):
            name = _place_name(m.group(0))
            known = place_level(name) if name else None
            # every province is listed; a city outside the list is 2–3 characters and 市
            unlisted_city = (name is not None and known is None and level == "city" and len(name) <= 4
                             and not NOT_A_CITY.search(name))
            if name and (known == level or unlisted_city):
                counts[name] += 1
        if level == "city":  # listed cities written short: 东莞认真贯彻…
            for m in _short_city().finditer(text):
                counts[_city_names()[m.group(0)]] += 1
        if counts:
            return counts.most_common(1)[0][0]
    return None


def _city_pattern(surfaces: Iterable[str], not_after: str) -> re.Pattern[str]:
    """Any of ``surfaces``, longest first, except in 孙中山 or before one of ``not_after``."""
    names = "|".join(map(re.escape, sorted(surfaces, key=len, reverse=True)))
    return re.compile(rf"(?<!孙)(?:{names})(?!{not_after})")


@lru_cache(maxsize=1)
def _any_city() -> re.Pattern[str]:
    """A listed city written full or short (佛山市, 佛山)."""
    return _city_pattern(_city_names(), SHORT_CITY_NOT)


@lru_cache(maxsize=1)
def _short_city() -> re.Pattern[str]:
    """A listed city's short name (东莞, 肇庆) not followed by 市, which the full-name pattern counts."""
    return _city_pattern((s for s, name in _city_names().items() if s != name and len(s) >= 2),
                         f"市|{SHORT_CITY_NOT}")


def _alias_target(text: str) -> str:
    """The organisation an alias stands for: the name just before the bracket, not the clause."""
    parts = ALIAS_CUT.split(text)
    return parts[-1] if parts and parts[-1] else text


def place_surfaces() -> tuple[tuple[str, str], ...]:
    """Every listed place's surface forms (full names and short names) with the full name."""
    return load_taxonomy().place_surfaces


def place_level(name: str) -> str | None:
    """The level of a listed place, None when it is not listed."""
    place = load_taxonomy().places.get(name)
    return place.level if place else None


def article_context(text: str, *, doc_text: str = "") -> ArticleContext:
    """Context of an article: the city and province it names most, its 以下简称 aliases."""
    city = _most_common_place(CITY, "city", text, doc_text[:20000])
    province = _most_common_place(PROVINCE, "provincial", text, doc_text[:20000])
    if province is None and city:
        province = place_parent(city)
    county = Counter(m.group(0) for m in _county_city().finditer(text)).most_common(1)
    if county and city and local_parent(county[0][0]) == city and (
            county[0][1], -text.find(county[0][0])) > (text.count(city), -text.find(city)):
        city = county[0][0]  # an article about 廉江市 that names 湛江市's honours as often, 廉江市 first
    aliases = {m.group(2): _alias_target(m.group(1)) for m in ALIAS.finditer(text)}
    districts = Counter(_districts(text))  # 高明区委, 佛山市高明区
    districts.update(m.group(2) for m in _city_district().finditer(text) if not NOT_DISTRICT.search(m.group(2)))
    districts.update(m.group(0) for m in _local_district().finditer(text))  # 增城区人民医院, 增城区五一劳动奖章
    home = districts.most_common(2)
    district = home[0][0] if home and home[0][1] >= 2 and (len(home) == 1 or home[0][1] > home[1][1]) else None
    return ArticleContext(province=province or DEFAULT_PROVINCE, city=city, aliases=aliases,
                          district_cities=_district_cities(text), district=district)


def _districts(text: str) -> list[str]:
    """The districts a text names by one of their bodies (潮安区委), not a clause that runs
    into a body's short name (会议由|区总工会)."""
    found = [m.group(1) for m in DISTRICT_BODY.finditer(text) if m.group(1)[-2] not in CLAUSE_CHARS]
    return [name[1:] if len(name) > 3 and name[0] in CLAUSE_CHARS else name for name in found]  # 在|潮南区; 从化区


def _district_cities(text: str) -> dict[str, str]:
    """Districts the text writes after a listed city (惠州大亚湾区, 佛山市南海区) → that city."""
    found: dict[str, str] = {}
    for m in _city_district().finditer(text):
        found.setdefault(m.group(2), _city_names()[m.group(1)])
    return found


def _county_city() -> re.Pattern[str]:
    """A county-level city (台山市, 普宁市), from the listed cities' local places."""
    return _local_places_ending(("市",))


def _local_district() -> re.Pattern[str]:
    """A listed district or county (增城区, 揭西县) wherever the text names it."""
    return _local_places_ending(("区", "县"))


@lru_cache(maxsize=4)
def _local_places_ending(endings: tuple[str, ...]) -> re.Pattern[str]:
    """The listed cities' local places whose names end with one of ``endings``, longest first."""
    names = sorted((n for n in load_taxonomy().local_places if n.endswith(endings)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)) or "(?!)")


@lru_cache(maxsize=1)
def _city_names() -> dict[str, str]:
    """Every surface form of a listed city (佛山市, 佛山) → its full name."""
    return {short: name for short, name in place_surfaces() if place_level(name) == "city"}


@lru_cache(maxsize=1)
def _city_district() -> re.Pattern[str]:
    """A listed city directly followed by a district or county name."""
    surfaces = "|".join(sorted(map(re.escape, _city_names()), key=len, reverse=True))
    return re.compile(rf"({surfaces})([\u4e00-\u9fff]{{2,3}}?[区县])")
