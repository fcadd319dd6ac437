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
def _convertible() -> frozenset[str] | None:
    """Characters whose presence lets t2s change a text; None if OpenCC's tables cannot be read.

    A text without any of them comes back unchanged: every entry that changes something has
    a changing character in its key, or all of its key's characters are in the set.
    """
    try:
        tables = [table for group in _opencc()._dict_chain_data for _, _, table in group]
    except (AttributeError, TypeError, ValueError):
        return None
    changes = [key for table in tables for key, value in table.items() if key != value]
    chars = {key for key in changes if len(key) == 1}
    chars.update(*(key for key in changes if chars.isdisjoint(key)))
    return frozenset(chars)


def to_simplified(text: str) -> str:
    """``text`` in simplified characters if the conversion keeps its length, else unchanged.

    >>> to_simplified("廣東省總工會")
    '广东省总工会'
    """
    convertible = _convertible()
    if convertible is not None and convertible.isdisjoint(text):
        return text  # nothing OpenCC would change; skip its slow pure-Python conversion
    converted = _opencc().convert(text)
    if len(converted) != len(text):
        return text
    # t2s maps some characters still written in simplified text to rare forms beyond the basic
    # plane (鮀城 → 𬶍城); nobody writes those, so the character stays as it was
    return "".join(old if ord(new) > 0xFFFF else new for old, new in zip(text, converted))
