"""Conferral verbs and placings, read from ``extract/data``, as regex alternations.

``conferral_verbs.txt`` lists each verb with its marks: ``conferral`` for a verb every
use reads, or the uses that read it (a sentence's award verb, an open honour's verb…) and
the special verbs (是, 授予/命名); ``placings.txt`` lists the ranks of a competition.
Every regex over these words is built from the files by the functions here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract.mentions import read_lines


@lru_cache(maxsize=None)
def _marked(name: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The entries of a data file of ``word<TAB>use use…`` lines, in file order."""
    rows = (line.split("\t", 1) for line in read_lines(name))
    return tuple((row[0], frozenset(row[1].split() if len(row) > 1 else ())) for row in rows)


# The uses a verb marked ``conferral`` is read by (the special marks are given one by one).
CONFERRAL_USES = frozenset({"sentence", "next", "object", "prefix", "listed", "counted", "card"})


def conferral_verbs(use: str) -> tuple[str, ...]:
    """The conferral verbs marked ``use`` (or a special mark: copula, after), longest first."""
    verbs = [verb for verb, marks in _marked("conferral_verbs.txt")
             if use in marks or ("conferral" in marks and use in CONFERRAL_USES)]
    if not verbs:
        raise KeyError(f"no conferral verb is marked {use!r} in extract/data/conferral_verbs.txt")
    return tuple(sorted(verbs, key=len, reverse=True))


def verb_alternation(use: str) -> str:
    """A regex alternation of the conferral verbs marked ``use``, longest first (获得 before 获);
    a single-character verb is not the start of 获奖 (为获奖选手颁发…: award-winning, no verb),
    and no verb is the start of a holder's noun (一等奖获得者X, 当选者)."""
    singles = set(conferral_verbs("single"))
    return "|".join(re.escape(v) + ("(?!奖)" if v in singles else "") + "(?![得奖评选]?者)"
                    for v in conferral_verbs(use))


def placing_alternation(use: str) -> str:
    """A regex alternation of the placings (competition ranks) marked ``use``."""
    fragments = [frag for frag, uses in _marked("placings.txt") if use in uses]
    if not fragments:
        raise KeyError(f"no placing is marked {use!r} in extract/data/placings.txt")
    return "|".join(fragments)
