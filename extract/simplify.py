"""Traditional characters read as simplified, one for one, so every offset stays valid.

Kept apart from the NLP pipeline: reading a document needs it, and should not load spaCy.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opencc import OpenCC


@functools.cache
def _opencc() -> OpenCC:
    """The t2s converter, loaded once per process."""
    from opencc import OpenCC

    converter = OpenCC("t2s")
    converter.convert("")  # loads the dictionaries
    return converter


@functools.cache
def _tables() -> list[dict[str, str]] | None:
    """OpenCC's t2s tables (key → replacement), None if they cannot be read."""
    try:
        return [table for group in _opencc()._dict_chain_data for _, _, table in group]
    except (AttributeError, TypeError, ValueError):
        return None


@functools.cache
def _convertible() -> frozenset[str] | None:
    """Characters whose presence lets t2s change a text; None if OpenCC's tables cannot be read.

    A text without any of them comes back unchanged: every entry that changes something has
    a changing character in its key, or all of its key's characters are in the set.
    """
    tables = _tables()
    if tables is None:
        return None
    changes = [key for table in tables for key, value in table.items() if key != value]
    chars = {key for key in changes if len(key) == 1}
    chars.update(*(key for key in changes if chars.isdisjoint(key)))
    return frozenset(chars)


@functools.cache
def _changed() -> tuple[frozenset[str], frozenset[str]]:
    """The characters t2s changes, split into those simplified writing never uses (會, 東)
    and those it also writes (乾 of 乾务镇, which t2s would turn into 干)."""
    tables = _tables()
    if tables is None:
        return frozenset(), frozenset()
    written = {char for table in tables for value in table.values() for char in value}
    changed = {key for table in tables for key, value in table.items() if len(key) == 1 and key != value}
    return frozenset(changed - written), frozenset(changed & written)


def _traditional_only() -> frozenset[str]:
    """The characters only traditional writing uses."""
    return _changed()[0]


TRADITIONAL_SHARE = 50  # a text is traditional when one character in 50 (or 20 in all) is traditional-only


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters, not simplified text with a few
    characters t2s would change (乾务镇, a quoted 台灣)."""
    only = _traditional_only()
    if not only:
        return True  # OpenCC's tables cannot be read: convert as before, whatever the text
    count = sum(1 for char in text if char in only)
    cjk = sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
    return count >= 20 or count * TRADITIONAL_SHARE >= max(cjk, 1)


def to_simplified(text: str) -> str:
    """``text`` in simplified characters if it is written in traditional ones and the
    conversion keeps its length, else unchanged.

    >>> to_simplified("廣東省總工會")
    '广东省总工会'
    >>> to_simplified("珠海市斗门区乾务镇人民政府")
    '珠海市斗门区乾务镇人民政府'
    """
    convertible = _convertible()
    if convertible is not None and convertible.isdisjoint(text):
        return text  # nothing OpenCC would change; skip its slow pure-Python conversion
    if not is_traditional(text):
        return text
    converted = _opencc().convert(text)
    if len(converted) != len(text):
        return text
    # t2s maps some characters still written in simplified text to rare forms beyond the basic
    # plane (鮀城 → 𬶍城); nobody writes those, so the character stays as it was
    # a character simplified text also writes stays as written (乾务镇, not 干务镇)
    both = _changed()[1]
    return "".join(old if ord(new) > 0xFFFF or old in both else new for old, new in zip(text, converted))
