"""An entity's profile: its facts grouped by kind, each with quotes and sources (document, title, date)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.store import GraphStore
from honours.errors import QueryError
from ontology.schema import load_ontology
from viz.search import HIDDEN

_ENTITY = ("MATCH (n) WHERE n.id = $entity OR n.name = $entity "
           "RETURN n.id AS id, label(n) AS kind, n.name AS name, n.aliases AS aliases")

# How the entity is written in each document, and why those mentions were linked to it.
_MENTIONS = """
MATCH (n)-[m:MENTIONED_IN]->(d:Document)
WHERE n.id = $id
RETURN DISTINCT m.name AS written, m.rule AS rule, m.reason AS reason, d.path AS document
ORDER BY written, rule, document
"""

# One row per neighbour s of the entity, the statement's other ends o and its evidence.
_FACTS = """
MATCH (n)-[r]-(s)
WHERE n.id = $id AND NOT label(s) IN $hidden
OPTIONAL MATCH (s)-[r2]-(o)
WHERE label(s) IN $statements AND o.id <> n.id AND NOT label(o) IN $hidden
OPTIONAL MATCH (s)-[e:SUPPORTED_BY]->(d:Document)
OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(art:Article)
WHERE art.`index` = e.article
RETURN label(r) AS relation, s.id AS id, label(s) AS kind, coalesce(s.name, s.title) AS name,
       s.year AS year, s.as_of AS as_of, label(r2) AS role, o.name AS other, o.id AS other_id,
       label(o) AS other_kind,
       e.quote AS quote, d.path AS document, art.title AS title, art.date AS date
"""

# The entity's own evidence (studios and events are stated directly).
_OWN = """
MATCH (n)-[e:SUPPORTED_BY]->(d:Document)
WHERE n.id = $id
OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(art:Article)
WHERE art.`index` = e.article
RETURN NULL AS role, NULL AS other, e.quote AS quote, d.path AS document, art.title AS title, art.date AS date
"""


@dataclass(frozen=True)
class Source:
    """Where a fact is stated: the quote, its document and the article's title and date."""

    quote: str
    document: str
    title: str | None
    date: str | None


@dataclass
class Fact:
    """One neighbour of the entity: a statement (award, position …) or a linked entity."""

    id: str
    kind: str
    relation: str
    name: str | None
    year: Any = None
    details: dict[str, list[str]] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """How the entity is written in a document, and the identity rule that linked it (with its reason)."""

    written: str
    rule: str | None
    reason: str | None
    document: str


@dataclass
class Profile:
    """An entity and its facts, grouped by the neighbour's class."""

    id: str
    kind: str
    name: str
    groups: dict[str, list[Fact]]
    sources: list[Source] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    related: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (class, name)


def resolve(store: GraphStore, entity: str) -> dict[str, str]:
    """The node whose id or name is ``entity``; QueryError if there is none."""
    rows = store.query(_ENTITY, {"entity": entity.strip()}, limit=20).records()
    if not rows:
        raise QueryError(f"no entity with the id or name {entity!r} in the store {store.location}")
    return next((r for r in rows if r["id"] == entity.strip()), rows[0])


def _add(fact: Fact, row: dict[str, Any]) -> None:
    if row["role"] and row["other"]:
        others = fact.details.setdefault(row["role"], [])
        if row["other"] not in others:
            others.append(row["other"])
    if row["quote"]:
        source = Source(" ".join(row["quote"].split()), Path(row["document"] or "").name,
                        row["title"], row["date"])
        if source not in fact.sources:
            fact.sources.append(source)


def profile(store: GraphStore, entity: str) -> Profile:
    """The profile of the entity with id or name ``entity``."""
    node = resolve(store, entity)
    statements = [c.name for c in load_ontology().classes.values() if c.statement]
    rows = store.query(_FACTS, {"id": node["id"], "hidden": list(HIDDEN), "statements": statements},
                       limit=10_000).records()
    facts: dict[str, Fact] = {}
    related: dict[str, tuple[str, str]] = {}
    for row in rows:
        if row["other_id"]:
            related.setdefault(row["other_id"], (row["other_kind"], row["other"] or row["other_id"]))
        elif row["kind"] not in statements:
            related.setdefault(row["id"], (row["kind"], row["name"] or row["id"]))
        fact = facts.setdefault(row["id"], Fact(row["id"], row["kind"], row["relation"], row["name"],
                                                row["year"] or row["as_of"]))
        _add(fact, row)
    groups: dict[str, list[Fact]] = {}
    for fact in sorted(facts.values(), key=lambda f: (str(f.year or ""), f.name or "")):
        groups.setdefault(fact.kind, []).append(fact)
    own = Fact(node["id"], node["kind"], "", node["name"])
    for row in store.query(_OWN, {"id": node["id"]}, limit=1000).records():
        _add(own, row)
    return Profile(node["id"], node["kind"], node["name"] or node["id"], groups, own.sources,
                   list(node.get("aliases") or []), mentions(store, node["id"]), related)


def mentions(store: GraphStore, entity_id: str) -> list[Mention]:
    """Each distinct way the entity is written, per document, with the rule and reason that linked it."""
    rows = store.query(_MENTIONS, {"id": entity_id}, limit=10_000).records()
    return [Mention(r["written"] or "", r["rule"], r["reason"], Path(r["document"] or "").name) for r in rows]
