"""Search people, organisations, honours, studios and events by partial name, traditional
characters or pinyin.

>>> entries = [Entry("person-1", "Person", "侯嘉杰", ())]
>>> [e.name for e in match(entries, "hou jiajie")]
['侯嘉杰']
>>> [e.name for e in match(entries, "侯嘉傑")]
['侯嘉杰']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pypinyin import lazy_pinyin

from extract.simplify import to_simplified
from graph.store import GraphStore
from ontology.schema import load_ontology
from queries.registry import run_query

HIDDEN = ("Document", "Article")  # sources, not facts: never counted or shown as neighbours
_LATIN = re.compile(r"[a-z]")


@dataclass(frozen=True)
class Entry:
    """One searchable node: its id, class, name and aliases, with a pinyin key."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)

    @property
    def pinyin(self) -> tuple[str, ...]:
        """Each name in toneless pinyin without spaces: 侯嘉杰 → houjiajie."""
        return tuple("".join(lazy_pinyin(n)).lower() for n in self.names)


@dataclass(frozen=True)
class Hit:
    """A search result: the entry, an organisation it belongs to (or None) and its number of facts."""

    id: str
    kind: str
    name: str
    organisation: str | None
    facts: int


def searchable_classes() -> list[str]:
    """Classes stored as nodes that have a ``name`` (people, organisations, honours, …)."""
    onto = load_ontology()
    return [c.name for c in onto.tables()
            if not c.statement and c.name not in HIDDEN and any(p.name == "name" for p in c.properties)]


def load_entries(store: GraphStore) -> list[Entry]:
    """Every searchable node of ``store``."""
    return [Entry(n["id"], kind, n.get("name") or n["id"], tuple(n.get("aliases") or ()))
            for kind in searchable_classes() for n in store.nodes(kind)]


def normalise(text: str) -> str:
    """``text`` lower-cased, in simplified characters, without spaces."""
    return "".join(to_simplified(text.strip()).lower().split())


def _score(entry: Entry, query: str) -> int:
    """0 = no match; higher is better (exact > prefix > substring)."""
    keys = tuple(normalise(n) for n in entry.names)  # TCL科技集团: names with Latin letters match as written
    if _LATIN.search(query):
        keys += tuple(normalise(k) for k in entry.pinyin)
    best = 0
    for key in keys:
        if key == query:
            best = max(best, 3)
        elif key.startswith(query):
            best = max(best, 2)
        elif query in key:
            best = max(best, 1)
    return best


def match(entries: list[Entry], text: str, *, limit: int = 50) -> list[Entry]:
    """Entries whose name, alias or pinyin contains ``text``, best first."""
    query = normalise(text)
    if not query:
        return []
    scored = [(s, e) for e in entries if (s := _score(e, query))]
    scored.sort(key=lambda pair: (-pair[0], len(pair[1].name), pair[1].name))
    return [e for _, e in scored[:limit]]


def fact_counts(store: GraphStore, ids: list[str]) -> dict[str, int]:
    """Number of neighbours (statements and entities, not sources) of each node id."""
    if not ids:
        return {}
    rows = store.query("MATCH (n)-[]-(m) WHERE n.id IN $ids AND NOT label(m) IN $hidden "
                       "RETURN n.id AS id, count(m) AS facts", {"ids": ids, "hidden": list(HIDDEN)},
                       limit=len(ids)).records()
    return {r["id"]: r["facts"] for r in rows}


def organisation_of(store: GraphStore, entry: Entry) -> str | None:
    """The first organisation a person holds a position in or was honoured as a member of."""
    if entry.kind != "Person":
        return None
    for row in run_query(store, "person_candidates", {"person": entry.id}).records():
        orgs = [o for o in row["organisations"] if o]
        if orgs:
            return orgs[0]
    return None


def search(store: GraphStore, text: str, *, entries: list[Entry] | None = None,
           limit: int = 50) -> list[Hit]:
    """The nodes matching ``text``, with type, organisation and number of facts."""
    found = match(entries if entries is not None else load_entries(store), text, limit=limit)
    counts = fact_counts(store, [e.id for e in found])
    return [Hit(e.id, e.kind, e.name, organisation_of(store, e), counts.get(e.id, 0)) for e in found]
