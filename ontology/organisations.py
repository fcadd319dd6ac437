"""Classify a canonical organisation name by kind, level and region, from Organisation.yaml.

>>> classify("佛山市总工会")
OrgClass(kind='Union', level='city', region='佛山市')
>>> classify("中华全国总工会").level
'national'
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ontology.schema import load_ontology
from ontology.taxonomy import place_parent

NATIONAL_UNION = "中华全国总工会"


class OrgClass(NamedTuple):
    """Kind (a subclass name), level and region of an organisation; None when unknown."""

    kind: str
    level: str | None
    region: str | None


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[list[tuple[str, str]], list[tuple[str, re.Pattern[str] | None, tuple[str, ...]]]]:
    org = load_ontology().classes["Organisation"].extra
    suffixes = [(suffix, kind) for kind, spec in org["kinds"].items() for suffix in spec.get("suffixes") or ()]
    suffixes.sort(key=lambda pair: -len(pair[0]))
    levels = [(level, re.compile(spec["pattern"]) if spec.get("pattern") else None,
               tuple(spec.get("prefixes") or ())) for level, spec in org["levels"].items()]
    return suffixes, levels


def level_of(name: str) -> tuple[str | None, str | None]:
    """The administrative level a name starts with, and the region it names."""
    levels = _rules()[1]
    for level, _, prefixes in levels:
        if any(name.startswith(prefix) for prefix in prefixes):
            return level, None
    for level, pattern, _ in reversed(levels):
        match = pattern.match(name) if pattern else None
        if match:
            return level, match.group(0)
    return None, None


@functools.lru_cache(maxsize=4096)
def classify(name: str) -> OrgClass:
    """Kind, level and region of the organisation called ``name``."""
    kind = next((k for suffix, k in _rules()[0] if name.endswith(suffix)), "Other")
    level, region = level_of(name)
    if level is None and kind == "Enterprise":
        level = "enterprise"
    return OrgClass(kind, level, region)


def kind_suffixes() -> tuple[str, ...]:
    """Every name ending that marks an organisation's kind in Organisation.yaml, longest first."""
    return tuple(suffix for suffix, _ in _rules()[0])


def union_parent(name: str) -> str | None:
    """The union a union reports to, read from its name.

    区总工会 → 市总工会 → 省总工会 → 中华全国总工会; an industry or street union
    (广东省海员工会, …街道总工会) reports to its place's 总工会.

    >>> union_parent("佛山市南海区总工会")
    '佛山市总工会'
    """
    kind, level, region = classify(name)
    if kind != "Union" or level in (None, "national") or region is None:
        return None
    if name != f"{region}总工会":
        return f"{region}总工会"
    if level == "provincial":
        return NATIONAL_UNION
    if level == "city":
        province = place_parent(region)
        return f"{province}总工会" if province and province != "全国" else None
    city = re.match(r"^.+?市", region)
    return f"{city.group(0)}总工会" if city and city.group(0) != region else None
