"""The honour taxonomy: canonical names, levels, ladders and conferring bodies.

The data lives in ``honours.yaml`` (families, named honours, ladders) and ``places.yaml``;
this module reads it once and parses honour mentions as ``<place><qualifier?><suffix>``
or as a named honour, expanding abbreviations from the article's context.

>>> canonical_honour("省五一劳动奖章")
'广东省五一劳动奖章'
>>> canonical_honour("市劳模", city="佛山市")
'佛山市劳动模范'
>>> parse_honour("第七届南粤工匠").edition
7
>>> honour_info("全国五一劳动奖章").conferred_by
'中华全国总工会'
>>> honour_lineage("羊城工匠")
['羊城工匠', '南粤工匠', '大国工匠']
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from honours.errors import OntologyError

ONTOLOGY_DIR = Path(__file__).resolve().parent
RECIPIENT_KINDS = ("person", "organisation")
QUALIFIER_RULES = ("none", "optional", "required")
PLACE_FORMS = ("full", "short")
ISSUER_KINDS = ("Union", "GovernmentBody", "PartyBody")
DOT = "·"
DOTS = re.compile(r"[·•・‧∙]")
QUOTES = re.compile(r"[\s“”\"'‘’「」『』《》〈〉【】]")
QUOTED_TAIL = re.compile(r"[“\"「『]([^“”\"「」『』]+)[”\"」』]$")
EDITION = re.compile(r"^(?:第([0-9零〇一二两三四五六七八九十百]+)|(首))[届批期次]")
YEAR = re.compile(r"^((?:19|20)\d{2})(?:[-—–~至](?:19|20)?\d{2})?年度?")
LEVEL_SUFFIX = re.compile(r"(?:自治州|自治县|地区|市|区|县|省|盟|旗)$")
NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
            "八": 8, "九": 9}
NOT_A_SHORT_NAME_BEFORE = "省市区县州"


@dataclass(frozen=True)
class HonourInfo:
    """What the taxonomy knows about one canonical honour."""

    name: str
    en: str
    level: str | None
    recipient_kind: str
    conferred_by: str | None
    ladder: str | None
    ladder_en: str | None
    rung: int | None
    region: str | None
    family: str | None
    ladder_zh: str | None = None

    @property
    def conferrers(self) -> tuple[str, ...]:
        """The conferring bodies one by one (中共中央、国务院 → two)."""
        return tuple(self.conferred_by.split("、")) if self.conferred_by else ()


@dataclass(frozen=True)
class HonourMention:
    """A parsed mention: canonical name, edition (第七届 → 7), year (2021年度) and info."""

    canonical: str
    edition: int | None
    year: int | None
    info: HonourInfo
    mention: str


@dataclass(frozen=True)
class Place:
    """A listed place that may prefix an honour name."""

    name: str
    level: str
    parent: str | None
    en: str
    en_adj: str | None
    short: tuple[str, ...]
    kind: str
    towns_direct: bool = False  # a city without districts: its towns (长安镇) stand right under it


@dataclass(frozen=True)
class Family:
    """A productive honour ``<place><qualifier?><suffix>``; see honours.yaml for the fields."""

    name: str
    en: str
    kind: str
    ladder: str
    aliases: tuple[str, ...]
    conferred_by: dict[str, str]
    bare: bool
    qualifier: str
    org_prefix: bool
    place_form: str
    national: str
    local_names: bool
    qualifier_max: int | None = None


@dataclass(frozen=True)
class Named:
    """A named honour (南粤工匠), possibly the regional form of a family."""

    name: str
    en: str
    level: str
    region: str | None
    family: str | None
    kind: str
    ladder: str | None
    rung: int | None
    conferred_by: str | None
    aliases: tuple[str, ...]
    regional_form: bool


@dataclass(frozen=True)
class Taxonomy:
    """Everything loaded from the two YAML files, indexed for parsing."""

    levels: dict[str, dict[str, Any]]
    places: dict[str, Place]
    place_surfaces: tuple[tuple[str, str], ...]
    context: tuple[tuple[str, str], ...]
    patterns: dict[str, re.Pattern[str]]
    not_places: tuple[str, ...]
    local_places: dict[str, str]  # 从化区 → 广州市: a listed city's districts, counties and county-level cities
    families: dict[str, Family]
    suffixes: tuple[tuple[str, str], ...]
    named: dict[str, Named]
    named_surfaces: dict[str, str]
    regional: dict[tuple[str, str], str]
    ladders: dict[str, dict[str, Any]]
    mention: dict[str, Any]


# ---------------------------------------------------------------- loading


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise OntologyError(f"cannot read taxonomy file {path}: {exc}") from None
    if not isinstance(data, dict):
        raise OntologyError(f"taxonomy file {path} must be a mapping")
    return data


def _need(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise OntologyError(f"{where}: {message}")


def _section(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = data.get(key)
    _need(isinstance(value, kind), where, f"'{key}' must be a {kind.__name__}")
    return value


def _place(raw: Any, levels: dict[str, Any], where: str) -> Place:
    _need(isinstance(raw, dict) and isinstance(raw.get("name"), str), where, f"place {raw!r} needs a name")
    _need(raw.get("level") in levels, where, f"place {raw['name']} has unknown level {raw.get('level')!r}")
    return Place(raw["name"], raw["level"], raw.get("parent"), str(raw.get("en") or raw["name"]),
                 raw.get("en_adj"), tuple(raw.get("short") or ()), raw.get("kind", "region"),
                 bool(raw.get("towns_direct", False)))


def _places(data: dict[str, Any], where: str) -> dict[str, Place]:
    levels = _section(data, "levels", dict, where)
    places = [_place(raw, levels, where) for raw in _section(data, "places", list, where)]
    by_name = {p.name: p for p in places}
    _need(len(by_name) == len(places), where, "a place is listed twice")
    for p in places:
        _need(p.parent is None or p.parent in by_name, where, f"place {p.name} has unknown parent {p.parent!r}")
    return by_name


def _family(name: str, raw: Any, levels: dict, ladders: dict, where: str) -> Family:
    _need(isinstance(raw, dict), where, f"family {name} must be a mapping")
    where = f"{where}: family {name}"
    _need(raw.get("kind") in RECIPIENT_KINDS, where, f"kind must be one of {RECIPIENT_KINDS}")
    _need(raw.get("ladder") in ladders, where, f"unknown ladder {raw.get('ladder')!r}")
    _need(raw.get("qualifier", "optional") in QUALIFIER_RULES, where, f"qualifier must be one of {QUALIFIER_RULES}")
    _need(raw.get("place_form", "full") in PLACE_FORMS, where, f"place_form must be one of {PLACE_FORMS}")
    conferred = raw.get("conferred_by") or {}
    _need(isinstance(conferred, dict) and set(conferred) <= set(levels) | {"default"}, where,
          "conferred_by must map levels (or 'default') to bodies")
    return Family(name, str(raw.get("en") or name), raw["kind"], raw["ladder"], tuple(raw.get("aliases") or ()),
                  dict(conferred), bool(raw.get("bare", True)), raw.get("qualifier", "optional"),
                  bool(raw.get("org_prefix")), raw.get("place_form", "full"), raw.get("national", "全国"),
                  bool(raw.get("local_names")), raw.get("qualifier_max"))


def _named(raw: Any, families: dict[str, Family], places: dict[str, Place], levels: dict, ladders: dict,
           where: str) -> Named:
    _need(isinstance(raw, dict) and isinstance(raw.get("name"), str), where, f"honour {raw!r} needs a name")
    where = f"{where}: honour {raw['name']}"
    _need(raw.get("level") in levels, where, f"unknown level {raw.get('level')!r}")
    _need(raw.get("region") is None or raw["region"] in places, where, f"unknown region {raw.get('region')!r}")
    _need(raw.get("family") is None or raw["family"] in families, where, f"unknown family {raw.get('family')!r}")
    family = families.get(raw.get("family"))
    kind, ladder = raw.get("kind") or getattr(family, "kind", None), raw.get("ladder") or getattr(family, "ladder", None)
    _need(kind in RECIPIENT_KINDS, where, f"kind must be one of {RECIPIENT_KINDS}")
    _need(ladder is None or ladder in ladders, where, f"unknown ladder {ladder!r}")
    return Named(raw["name"], str(raw.get("en") or raw["name"]), raw["level"], raw.get("region"), raw.get("family"),
                 kind, ladder, raw.get("rung"), raw.get("conferred_by"), tuple(raw.get("aliases") or ()),
                 bool(raw.get("regional_form")))


def _longest_first(pairs: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(pairs.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def _surfaces(names: dict[str, tuple[str, ...]], where: str) -> dict[str, str]:
    """Map every surface form (name and aliases, without dots) to its canonical name."""
    out: dict[str, str] = {}
    for name, aliases in names.items():
        for surface in (name, *aliases):
            key = DOTS.sub("", surface)
            _need(out.get(key, name) == name, where, f"{surface!r} names both {out.get(key)} and {name}")
            out[key] = name
    return out


def _patterns(data: dict[str, Any], where: str) -> dict[str, re.Pattern[str]]:
    try:
        return {level: re.compile(p) for level, p in (data.get("patterns") or {}).items()}
    except re.error as exc:
        raise OntologyError(f"{where}: bad place pattern: {exc}") from None


def _check_ladders(ladders: dict[str, Any], levels: dict[str, Any], where: str) -> None:
    for key, spec in ladders.items():
        _need(isinstance(spec, dict) and set(spec.get("levels") or ()) <= set(levels), where,
              f"ladder {key} must list known levels")


def load_taxonomy(directory: str | Path | None = None) -> Taxonomy:
    """Load ``honours.yaml`` and ``places.yaml`` from ``directory`` (default: this package)."""
    if directory is None:
        return _default_taxonomy()
    root = Path(directory)
    pwhere, hwhere = str(root / "places.yaml"), str(root / "honours.yaml")
    pdata, hdata = _read(root / "places.yaml"), _read(root / "honours.yaml")
    places, levels = _places(pdata, pwhere), pdata["levels"]
    ladders = _section(hdata, "ladders", dict, hwhere)
    _check_ladders(ladders, levels, hwhere)
    families = {k: _family(k, v, levels, ladders, hwhere) for k, v in _section(hdata, "families", dict, hwhere).items()}
    named = [_named(r, families, places, levels, ladders, hwhere) for r in _section(hdata, "honours", list, hwhere)]
    place_names = {p.name: p.short for p in places.values()}
    regional = {(n.region or "全国", n.family): n.name for n in named if n.regional_form and n.family}
    return Taxonomy(
        levels=levels, places=places, place_surfaces=_longest_first(_surfaces(place_names, pwhere)),
        context=_longest_first(dict(pdata.get("context") or {})), patterns=_patterns(pdata, pwhere),
        not_places=tuple(pdata.get("not_places") or ()), local_places=_local_places(pdata, places, pwhere),
        families=families,
        suffixes=_longest_first(_surfaces({f.name: f.aliases for f in families.values()}, hwhere)),
        named={n.name: n for n in named}, named_surfaces=_surfaces({n.name: n.aliases for n in named}, hwhere),
        regional=regional, ladders=ladders, mention=dict(hdata.get("mention") or {}),
    )


def _local_places(data: dict[str, Any], places: dict[str, Place], where: str) -> dict[str, str]:
    """Each district, county and county-level city → the listed city above it."""
    found: dict[str, str] = {}
    for city, names in (data.get("local_places") or {}).items():
        _need(city in places, where, f"local_places names an unlisted city {city!r}")
        _need(isinstance(names, list), where, f"local_places of {city} must be a list")
        found.update((name, city) for name in names)
    return found


@functools.lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    return load_taxonomy(ONTOLOGY_DIR)


# ---------------------------------------------------------------- cleaning a mention


def _number(text: str) -> int:
    """第七届 → 7, 第十二届 → 12, 第21届 → 21."""
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for ch in text:
        if ch in "十百":
            total += (digit or 1) * (10 if ch == "十" else 100)
            digit = 0
        else:
            digit = NUMERALS[ch]
    return total + digit


def _strip_words(text: str, words: list[str], *, end: bool) -> str:
    for word in sorted(words, key=len, reverse=True):
        if end and text.endswith(word) and len(text) > len(word):
            return _strip_words(text[:-len(word)], words, end=end)
        if not end and text.startswith(word) and len(text) > len(word):
            return _strip_words(text[len(word):], words, end=end)
    return text


def _quoted(mention: str, text: str, tax: Taxonomy) -> bool:
    """Whether the cleaned ``text`` is quoted as a whole in the mention (第二届“广缆工匠”)."""
    match = QUOTED_TAIL.search(unicodedata.normalize("NFKC", mention).strip())
    return bool(match) and _clean(match.group(1), tax)[0] == text


def _clean(mention: str, tax: Taxonomy) -> tuple[str, int | None, int | None]:
    """The mention without quotes, verbs, 称号 and its edition/year prefix."""
    text = DOTS.sub(DOT, QUOTES.sub("", unicodedata.normalize("NFKC", mention)))
    text = _strip_words(text, tax.mention.get("strip_prefixes") or [], end=False)
    edition = year = None
    while match := EDITION.match(text) or YEAR.match(text):
        if match.re is YEAR:
            year = int(match.group(1))
        else:
            edition = 1 if match.group(2) else _number(match.group(1))
        text = text[match.end():]
    return _strip_words(text, tax.mention.get("strip_suffixes") or [], end=True), edition, year


# ---------------------------------------------------------------- parsing


@dataclass(frozen=True)
class _Slot:
    """One place in an honour's prefix, as written and resolved."""

    text: str
    place: str | None
    level: str | None
    short: bool = False
    context: bool = False


@dataclass(frozen=True)
class _Parse:
    name: str
    family: Family | None
    named: Named | None
    slots: tuple[_Slot, ...] = ()
    qualifier: str = ""


def _rung(tax: Taxonomy, level: str | None) -> int | None:
    return tax.levels[level].get("rung") if level in tax.levels else None


def _candidates(text: str, tax: Taxonomy, ctx: dict[str, str]) -> Iterator[_Slot]:
    """Places ``text`` may start with: listed names, context words (省, 市), patterns."""
    for surface, name in tax.place_surfaces:
        after = text[len(surface):len(surface) + 1]
        if text.startswith(surface) and (surface == name or after not in NOT_A_SHORT_NAME_BEFORE or not after):
            yield _Slot(surface, name, tax.places[name].level, short=surface != name)
    for word, level in tax.context:
        if text.startswith(word):
            yield _Slot(word, ctx.get(level), level, context=True)
    for name in tax.local_places:
        if text.startswith(name):
            yield _Slot(name, name, "district")
    for level, pattern in tax.patterns.items():
        match = pattern.match(text)
        if match and _unlisted_place(match.group(0), tax) and text[match.end():match.end() + 1] != "级":
            yield _Slot(match.group(0), match.group(0), level)


def _unlisted_place(name: str, tax: Taxonomy) -> bool:
    """Whether a pattern match is a place, not running text (为佛山市, 社区, 志远雷州市: a name
    that runs into a place); a listed city's district or county always is (从化区, 坪山区)."""
    if name in tax.local_places:
        return True
    stops, words = tax.mention.get("qualifier_stop") or "", tax.mention.get("qualifier_stop_words") or ()
    return (not name.endswith(tax.not_places) and not any(c in stops for c in name)
            and not any(w in name for w in words)
            and not any(name.find(s) > 0 for s in (*(s for s, _ in tax.place_surfaces if len(s) > 1), *tax.local_places)))


def _follows(slot: _Slot, prev: _Slot | None, tax: Taxonomy) -> bool:
    """Whether ``slot`` may come after ``prev`` (a lower level, one context word at most)."""
    if prev is None:
        return True
    lower = (_rung(tax, slot.level) or 0) < (_rung(tax, prev.level) or 0)
    return lower and not (slot.context and prev.context)


def _slots(prefix: str, tax: Taxonomy, ctx: dict[str, str], *, short_qualified: bool = False
           ) -> tuple[list[_Slot], str]:
    """The places a prefix starts with, and the rest (the qualifier)."""
    slots: list[_Slot] = []
    rest = prefix
    while rest:
        prev = slots[-1] if slots else None
        slot = next((s for s in _candidates(rest, tax, ctx) if _follows(s, prev, tax)), None)
        if slot is None:
            break
        slots.append(slot)
        rest = rest[len(slot.text):]
    while slots and slots[-1].short and rest and not short_qualified:  # 中山大学 is no place
        rest = slots.pop().text + rest
    return slots, rest


def _valid_qualifier(text: str, fam: Family, tax: Taxonomy, *, organisation: bool = False) -> bool:
    """Whether words between place and suffix can be part of a name (not running text).
    An ``organisation``'s name standing for the place may itself start with a place (广东电网公司)."""
    stops = tax.mention.get("qualifier_stop") or ""
    places = () if organisation else tax.place_surfaces
    words = (*(tax.mention.get("qualifier_stop_words") or ()),
             *(s for s, _ in (*places, *tax.suffixes) if len(s) > 1))
    return (len(text) <= (fam.qualifier_max or int(tax.mention.get("qualifier_max", 12))) and text.isalpha()
            and not any(c in stops for c in text) and not any(w in text for w in words))


def _acceptable(fam: Family, slots: list[_Slot], rest: str, tax: Taxonomy) -> bool:
    """Whether places + qualifier + suffix make an honour of ``fam``."""
    if not slots:  # bare 劳动模范, or an enterprise's own 中交集团技术能手
        kinds = tax.mention.get("org_prefix_kinds") or ("Enterprise",)
        return (fam.bare and not rest) or (bool(rest) and fam.org_prefix and _org_kind(rest) in kinds
                                           and _valid_qualifier(rest, fam, tax, organisation=True))
    if rest and not _valid_qualifier(rest, fam, tax):
        return False
    return {"none": not rest, "required": bool(rest), "optional": True}[fam.qualifier]


def _kept(slots: list[_Slot], tax: Taxonomy) -> list[_Slot]:
    """Places that stay in the canonical name: a province goes once a city is named."""
    city = _rung(tax, "city")
    first = next((i for i, s in enumerate(slots) if s.place and (_rung(tax, s.level) or 0) <= city), 0)
    return slots[first:]


def _short(name: str, tax: Taxonomy) -> str:
    place = tax.places.get(name)
    if place is not None:
        return place.short[0] if place.short else name
    stem = LEVEL_SUFFIX.sub("", name)
    return stem if len(stem) >= 2 else name


def _display(slot: _Slot, fam: Family, tax: Taxonomy) -> str:
    """How a place is written in the canonical name: full, short, or the national form."""
    if slot.place is None:
        return slot.text
    if slot.level == "national" and slot.place == "全国":
        return fam.national
    written_full = slot.level == "district" and (slot.context or slot.text == slot.place)
    return _short(slot.place, tax) if fam.place_form == "short" and not written_full else slot.place  # 禅城区工匠 stays


def _local_name(rest: str, fam: Family, tax: Taxonomy, trusted: bool) -> bool:
    """Whether ``rest`` is an unlisted local name (“龙岗工匠”: quoted, two characters)."""
    local = tax.mention.get("not_local_names") or ()
    return fam.local_names and trusted and len(rest) == 2 and rest.isalpha() and rest not in local


def _family_parse(prefix: str, fam: Family, tax: Taxonomy, ctx: _Context) -> _Parse | None:
    slots, rest = _slots(prefix, tax, ctx.places, short_qualified=fam.place_form == "short")
    if not slots and _local_name(rest, fam, tax, ctx.trusted):
        slots, rest = [_Slot(rest, rest, None)], ""
    if not _acceptable(fam, slots, rest, tax):
        return None
    kept = _kept(slots, tax)
    if fam.place_form == "short":
        kept = kept[-1:]
    name = "".join(_display(s, fam, tax) for s in kept) + rest + fam.name
    region = kept[-1].place if kept and kept[-1].place else None
    named = tax.regional.get((region, fam.name)) if not rest else None
    if named:
        return _Parse(named, fam, tax.named[named])
    return _Parse(name, fam, None, tuple(kept), rest)


def _parse(text: str, tax: Taxonomy, ctx: _Context) -> _Parse | None:
    """Parse a cleaned mention as a named honour or a family honour."""
    named = tax.named_surfaces.get(DOTS.sub("", text))
    if named:
        return _Parse(named, tax.families.get(tax.named[named].family), tax.named[named])
    suffix = next(((s, f) for s, f in tax.suffixes if text.endswith(s)), None)
    return _family_parse(text[:-len(suffix[0])], tax.families[suffix[1]], tax, ctx) if suffix else None


@dataclass(frozen=True)
class _Context:
    """The article's places by level, and whether the mention is trusted as a whole name."""

    places: dict[str, str]
    trusted: bool = False


def _context(tax: Taxonomy, province: str | None, city: str | None, district: str | None,
             trusted: bool = False) -> _Context:
    """The article's places by level, short names expanded (广东 → 广东省)."""
    full = dict((s, n) for s, n in tax.place_surfaces)
    given = {"provincial": province, "city": city, "district": district}
    return _Context({level: full.get(name, name) for level, name in given.items() if name}, trusted)


# ---------------------------------------------------------------- describing an honour


def _conferred_by(fam: Family | None, level: str | None, region: str | None, qualifier: str,
                  tax: Taxonomy) -> str | None:
    if region and qualifier:  # 广东省总工会创新案例奖: the body is in the name
        heads = (region + qualifier[:i] for i in range(2, len(qualifier) + 1))
        issuer = next((h for h in heads if _org_kind(h) in ISSUER_KINDS), None)
        if issuer:
            return issuer
    template = fam.conferred_by.get(level or "", fam.conferred_by.get("default")) if fam else None
    if not template or ("{place}" in template and not region):
        return None
    return template.format(place=region)


def _org_kind(name: str) -> str:
    from ontology.organisations import classify
    return classify(name).kind


def _romanise(name: str) -> str:
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # pragma: no cover - pypinyin is a dependency
        return name
    return "".join(lazy_pinyin(LEVEL_SUFFIX.sub("", name) or name)).capitalize()


def _place_en(slot: _Slot | None, tax: Taxonomy) -> tuple[str, str]:
    """English place name and level adjective (Guangdong, Provincial)."""
    if slot is None:
        return "", ""
    adj = tax.levels.get(slot.level, {}).get("en", "") if slot.level else ""
    place = tax.places.get(slot.place or "")
    if place is not None:
        return place.en, adj if place.en_adj is None else place.en_adj
    return (_romanise(slot.place) if slot.place else ""), adj


def _family_en(parse: _Parse, tax: Taxonomy) -> str:
    fam = parse.family
    slot = parse.slots[-1] if parse.slots else None
    place, adj = _place_en(slot, tax)
    core = fam.en + (f" ({parse.qualifier})" if parse.qualifier else "")
    if "{place}" in core:
        return core.format(place=place).strip()
    words = (adj,) if slot is not None and slot.level == "national" else (place, adj)
    return " ".join(w for w in (*words, core) if w)


def _ladder_labels(tax: Taxonomy, ladder: str | None) -> tuple[str | None, str | None]:
    spec = tax.ladders.get(ladder or "", {})
    return spec.get("zh"), spec.get("en")


def _named_info(named: Named, fam: Family | None, tax: Taxonomy) -> HonourInfo:
    zh, en = _ladder_labels(tax, named.ladder)
    conferred = named.conferred_by or _conferred_by(fam, named.level, named.region, "", tax)
    return HonourInfo(named.name, named.en, named.level, named.kind, conferred, named.ladder, en,
                      named.rung or _rung(tax, named.level), named.region, named.family, zh)


def _family_info(parse: _Parse, tax: Taxonomy) -> HonourInfo:
    fam, slot = parse.family, (parse.slots[-1] if parse.slots else None)
    level = slot.level if slot else ("enterprise" if parse.qualifier else None)
    region = slot.place if slot and slot.place != "全国" and slot.level else None
    zh, en = _ladder_labels(tax, fam.ladder)
    return HonourInfo(parse.name, _family_en(parse, tax), level, fam.kind,
                      _conferred_by(fam, level, region, parse.qualifier, tax), fam.ladder, en,
                      _rung(tax, level), region, fam.name, zh)


def _info(parse: _Parse, tax: Taxonomy) -> HonourInfo:
    return _named_info(parse.named, parse.family, tax) if parse.named else _family_info(parse, tax)


# ---------------------------------------------------------------- public API


def parse_honour(mention: str, *, province: str | None = "广东省", city: str | None = None,
                 district: str | None = None) -> HonourMention | None:
    """Parse an honour mention in the context of an article; None if it is not an honour."""
    return _parse_honour(mention, province, city, district, trusted=False)


def _parse_honour(mention: str, province: str | None, city: str | None, district: str | None, *,
                  trusted: bool) -> HonourMention | None:
    tax = _default_taxonomy()
    text, edition, year = _clean(mention, tax)
    trusted = trusted or _quoted(mention, text, tax)
    parse = _parse(text, tax, _context(tax, province, city, district, trusted))
    if parse is None:
        return None
    return HonourMention(parse.name, edition, year, _info(parse, tax), text)


def canonical_honour(mention: str, *, province: str | None = "广东省", city: str | None = None,
                     district: str | None = None) -> str | None:
    """The canonical, fully qualified honour a mention names (省劳模 → 广东省劳动模范), or None."""
    parsed = parse_honour(mention, province=province, city=city, district=district)
    return parsed.canonical if parsed else None


@functools.lru_cache(maxsize=4096)
def honour_info(name: str) -> HonourInfo | None:
    """Level, kind, ladder, rung and conferring body of a canonical honour name."""
    parsed = _parse_honour(name, None, None, None, trusted=True)
    return parsed.info if parsed else None


def split_honours(mention: str, *, province: str | None = "广东省", city: str | None = None,
                  district: str | None = None) -> list[str]:
    """Canonical honours of a coordinated mention: 全国和省五一劳动奖章 → two medals."""
    ctx = {"province": province, "city": city, "district": district}
    text = _clean(mention, _default_taxonomy())[0]
    suffix = next((s for s, _ in _default_taxonomy().suffixes if text.endswith(s)), None)
    parts = re.split(r"[和及与、]", text[:-len(suffix)]) if suffix else []
    names = [canonical_honour(p + suffix, **ctx) for p in parts] if len(parts) > 1 and all(parts) else []
    if names and all(names):
        return list(dict.fromkeys(names))
    one = canonical_honour(mention, **ctx)
    return [one] if one else []


def higher_honour(name: str) -> str | None:
    """The honour one rung up the same ladder (佛山市劳动模范 → 广东省劳动模范), or None."""
    tax = _default_taxonomy()
    parse = _parse(_clean(name, tax)[0], tax, _Context({}, trusted=True))
    if parse is None or parse.family is None or parse.qualifier:
        return None
    parent = _parent(parse, tax)
    return canonical_honour(parent + parse.family.name, province=None) if parent else None


def _parent(parse: _Parse, tax: Taxonomy) -> str | None:
    if parse.named is not None:
        region = parse.named.region or ("全国" if parse.named.level == "national" else None)
    else:
        region = parse.slots[-1].place if parse.slots else None
        if len(parse.slots) > 1:
            return parse.slots[-2].place
    place = tax.places.get(region or "")
    return place.parent if place else None


def honour_lineage(name: str) -> list[str]:
    """The honour and every higher one on its ladder (羊城工匠 → 南粤工匠 → 大国工匠)."""
    chain = [name]
    while (up := higher_honour(chain[-1])) and up not in chain:
        chain.append(up)
    return chain


def ladders() -> dict[str, list[str]]:
    """Each ladder's levels, lowest first: {'model_worker': ['enterprise', …, 'national']}."""
    return {key: list(spec["levels"]) for key, spec in _default_taxonomy().ladders.items()}


def ladder_labels() -> dict[str, dict[str, str]]:
    """Each ladder's zh/en labels."""
    return {key: {"zh": spec.get("zh", key), "en": spec.get("en", key)}
            for key, spec in _default_taxonomy().ladders.items()}


def _variants(term: str, quoted: list[str]) -> set[str]:
    """A term as it may be written: with other dots, no dot, quoted words (“五一”)."""
    out = {term}
    if DOT in term:
        out |= {term.replace(DOT, d) for d in "•・"} | {term.replace(DOT, "")}
    for word in quoted:
        if word in term:
            out |= {t.replace(word, q) for t in out for q in (f"“{word}”", f'"{word}"', f"‘{word}’")}
    return out


@functools.lru_cache(maxsize=1)
def _pattern_terms() -> tuple[str, ...]:
    tax = _default_taxonomy()
    names = {*(s for f in tax.families.values() for s in (f.name, *f.aliases)),
             *(s for n in tax.named.values() for s in (n.name, *n.aliases))}
    quoted = tax.mention.get("quoted") or []
    terms = {v for term in names for v in _variants(term, quoted)}
    return tuple(sorted(terms, key=lambda t: (-len(t), t)))


def honour_pattern_terms() -> list[str]:
    """Every family suffix, alias and named honour as written in text, longest first."""
    return list(_pattern_terms())


def place_terms() -> list[str]:
    """Every listed place name, short name and context word (省, 市级), longest first."""
    tax = _default_taxonomy()
    terms = {s for s, _ in tax.place_surfaces} | {w for w, _ in tax.context}
    return sorted(terms, key=lambda t: (-len(t), t))


def local_parent(name: str) -> str | None:
    """The listed city a district, county or county-level city lies in (台山市 → 江门市), or None."""
    return load_taxonomy().local_places.get(name)


def towns_direct(name: str) -> bool:
    """Whether a listed city has no districts, so its towns are named right under it (东莞市长安镇)."""
    place = load_taxonomy().places.get(name)
    return bool(place and place.towns_direct)


def place_parent(name: str) -> str | None:
    """The place a listed place belongs to (佛山市 → 广东省, 广东省 → 全国), else None."""
    place = load_taxonomy().places.get(name)
    return place.parent if place else None
