"""A person's, an organisation's or an honour's dated items: awards, positions and events over time.

Each item is one statement or event with the time it is known by: an award's year, a position's
as-of date, an event's date, or else the date of the article that reports it. Items come with their
first quote and source, and a year range filters them the way the network view does (undated items
are kept).

>>> [item.name for item in timeline(store, "侯嘉杰").items if item.kind == "Award"]  # doctest: +SKIP
['广东省五一劳动奖章', '佛山市企业首席技师']
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from graph.store import GraphStore
from viz.network import year_of
from viz.profile import Source, resolve

# The evidence of statement x: every quote, its document and the article it sits in.
_SOURCES = """
OPTIONAL MATCH (x)-[s:SUPPORTED_BY]->(d:Document)
OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(art:Article)
WHERE art.`index` = s.article
"""
_RETURN = """
RETURN x.id AS id, {name} AS name, {detail} AS detail, {year} AS year, {dated} AS dated,
       s.quote AS quote, d.path AS document, art.title AS title, art.date AS article_date
"""


@dataclass(frozen=True)
class ItemQuery:
    """One kind of timeline item of an entity class: its statement class, how it is dated, its Cypher."""

    kind: str  # the ontology class of the item (Award, Position, Event)
    basis: str  # what its own date means: year (awarded in), as_of (held by), date (took place)
    cypher: str


def _award(match: str, name: str, detail: str) -> ItemQuery:
    return ItemQuery("Award", "year", match + _SOURCES + _RETURN.format(name=name, detail=detail, year="x.year",
                                                                        dated="NULL"))


def _position(match: str, detail: str) -> ItemQuery:
    return ItemQuery("Position", "as_of", match + _SOURCES + _RETURN.format(name="x.title", detail=detail,
                                                                            year="NULL", dated="x.as_of"))


def _event(match: str, sources: str = _SOURCES) -> ItemQuery:
    return ItemQuery("Event", "date", match + sources + _RETURN.format(name="x.name", detail="x.place",
                                                                       year="NULL", dated="x.date"))


# Per entity class, the statements that date it. A person takes part in an event when the event's
# sentence names them or a sentence starting within 100 characters after it does (as events_in_range).
QUERIES: dict[str, tuple[ItemQuery, ...]] = {
    "Person": (
        _award("MATCH (p:Person)<-[:RECIPIENT]-(x:Award)-[:FOR_HONOUR]->(h:Honour) WHERE p.id = $id "
               "OPTIONAL MATCH (x)-[:RECIPIENT_ORG]->(o:Organisation)", "h.name", "o.name"),
        _position("MATCH (p:Person)<-[:HOLDER]-(x:Position)-[:IN_ORGANISATION]->(o:Organisation) "
                  "WHERE p.id = $id", "o.name"),
        _event("MATCH (p:Person)-[m:MENTIONED_IN]->(d:Document)<-[s:SUPPORTED_BY]-(x:Event) "
               "WHERE p.id = $id AND m.article = s.article AND m.start >= s.start AND m.start <= s.`end` + 100 "
               "OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(art:Article) WHERE art.`index` = s.article", sources=""),
    ),
    "Organisation": (
        _award("MATCH (o:Organisation)<-[:RECIPIENT|RECIPIENT_ORG]-(x:Award)-[:FOR_HONOUR]->(h:Honour), "
               "(x)-[:RECIPIENT]->(r) WHERE o.id = $id", "h.name", "r.name"),
        _position("MATCH (o:Organisation)<-[:IN_ORGANISATION]-(x:Position)-[:HOLDER]->(p:Person) "
                  "WHERE o.id = $id", "p.name"),
        _event("MATCH (o:Organisation)<-[:ORGANISED_BY]-(x:Event) WHERE o.id = $id"),
    ),
    "Honour": (
        _award("MATCH (h:Honour)<-[:FOR_HONOUR]-(x:Award)-[:RECIPIENT]->(r) WHERE h.id = $id "
               "OPTIONAL MATCH (x)-[:RECIPIENT_ORG]->(o:Organisation)", "r.name", "o.name"),
    ),
}
KINDS = tuple(QUERIES)  # the entity classes that have a timeline


@dataclass
class Item:
    """One dated statement or event: when (``year``, ``date`` as precise as known) and on what ``basis``."""

    id: str
    kind: str
    name: str
    detail: str | None
    year: int | None
    date: str | None
    basis: str  # year · as_of · date · reported (no date of its own: the reporting article's date)
    sources: list[Source] = field(default_factory=list)

    @property
    def quote(self) -> str:
        """The first supporting quote ('' when there is none)."""
        return self.sources[0].quote if self.sources else ""

    @property
    def source(self) -> str:
        """The first source as ``document 《title》 date``."""
        first = self.sources[0] if self.sources else None
        return " ".join(x for x in (first.document, first.title and f"《{first.title}》", first.date) if x) \
            if first else ""


@dataclass
class Timeline:
    """An entity and its items, earliest first, undated last."""

    id: str
    kind: str
    name: str
    items: list[Item]

    @property
    def supported(self) -> bool:
        """Whether the entity's class has a timeline (people, organisations, honours)."""
        return self.kind in QUERIES


def _source(row: dict[str, Any]) -> Source | None:
    if not row["quote"]:
        return None
    return Source(" ".join(row["quote"].split()), Path(row["document"] or "").name, row["title"],
                  row["article_date"])


def _item(query: ItemQuery, row: dict[str, Any]) -> Item:
    own = str(row["year"]) if row["year"] is not None else row["dated"]
    return Item(row["id"], query.kind, row["name"] or row["id"], row["detail"], year_of(own), own,
                query.basis if own else "reported")


def _date_from_sources(item: Item) -> None:
    """An item with no date of its own is known by the date of the earliest article reporting it."""
    dates = sorted(s.date for s in item.sources if year_of(s.date) is not None)
    if item.basis == "reported" and dates:
        item.date, item.year = dates[0], year_of(dates[0])


def items(store: GraphStore, entity_id: str, kind: str) -> list[Item]:
    """The dated items of the node ``entity_id`` of class ``kind``, earliest first, undated last."""
    found: dict[str, Item] = {}
    for query in QUERIES.get(kind, ()):
        for row in store.query(query.cypher, {"id": entity_id}, limit=50_000).records():
            item = found.setdefault(row["id"], _item(query, row))
            source = _source(row)
            if source and source not in item.sources:
                item.sources.append(source)
    for item in found.values():
        item.sources.sort(key=lambda s: (s.date or "9999", s.document))
        _date_from_sources(item)
    return sorted(found.values(), key=lambda i: (i.year is None, i.date or "", i.kind, i.name))


def in_years(item: Item, years: tuple[int, int] | None) -> bool:
    """Whether ``item`` falls in ``years`` (inclusive); undated items and no range always do."""
    return years is None or item.year is None or years[0] <= item.year <= years[1]


def timeline(store: GraphStore, entity: str, *, years: tuple[int, int] | None = None) -> Timeline:
    """The timeline of the entity with id or name ``entity`` (QueryError if there is none),
    limited to ``years`` when given."""
    node = resolve(store, entity)
    found = [i for i in items(store, node["id"], node["kind"]) if in_years(i, years)]
    return Timeline(node["id"], node["kind"], node["name"] or node["id"], found)


COLUMNS = ("year", "date", "kind", "name", "detail", "basis", "quote", "source", "id")


def timeline_frame(found: list[Item]) -> pd.DataFrame:
    """The items as a table, one row each, with the columns of ``COLUMNS``."""
    rows = [{"year": i.year, "date": i.date, "kind": i.kind, "name": i.name, "detail": i.detail,
             "basis": i.basis, "quote": i.quote, "source": i.source, "id": i.id} for i in found]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["year"] = frame["year"].astype("Int64")
    return frame
