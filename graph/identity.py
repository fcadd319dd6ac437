"""Read the stored context of candidate persons, for extract.resolve, through any store.

The statements are plain Cypher accepted by both LadybugDB and Neo4j; every one starts
from a primary-key (or indexed) match. A store may replace ``people_by_name`` with a
lookup in its own name index (the embedded store does: :mod:`graph.name_index`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from extract.resolve import StoredPerson, stable_id

ReadFn = Callable[[str, dict[str, Any]], list[dict[str, Any]]]

STATEMENTS = {
    "people_by_name": (
        "UNWIND $names AS nm MATCH (p:Person) WHERE p.name = nm OR nm IN p.aliases "
        "RETURN DISTINCT p.id AS id"),
    "people_by_position": (
        "UNWIND $orgs AS oid MATCH (o:Organisation {id: oid})<-[:IN_ORGANISATION]-(:Position)-[:HOLDER]->(p:Person) "
        "RETURN DISTINCT p.id AS id, p.name AS name"),
    "people": (
        "UNWIND $ids AS pid MATCH (p:Person {id: pid}) "
        "RETURN p.id AS id, p.name AS name, p.aliases AS aliases"),
    "positions": (
        "UNWIND $ids AS pid MATCH (p:Person {id: pid})<-[:HOLDER]-(s:Position)-[:IN_ORGANISATION]->(o:Organisation) "
        "RETURN p.id AS id, o.name AS organisation, s.title AS title"),
    "awards": (
        "UNWIND $ids AS pid MATCH (p:Person {id: pid})<-[:RECIPIENT]-(a:Award)-[:FOR_HONOUR]->(h:Honour) "
        "OPTIONAL MATCH (a)-[:RECIPIENT_ORG]->(o:Organisation) "
        "RETURN p.id AS id, h.name AS honour, a.year AS year, o.name AS organisation"),
    "studios": (
        "UNWIND $ids AS pid MATCH (p:Person {id: pid})<-[:LED_BY]-(:Studio)-[:HOSTED_BY]->(o:Organisation) "
        "RETURN p.id AS id, o.name AS organisation"),
}


def name_masks(name: str) -> set[str]:
    """The name with each character after the surname masked: OCR variants share one."""
    return {name[:i] + "\0" + name[i + 1:] for i in range(1, len(name))}


def variant_ids(rows: Iterable[dict[str, Any]], names: Iterable[str]) -> set[str]:
    """Ids of the rows (``id``, ``name``) whose name could be an OCR variant of one of ``names``."""
    wanted = {mask for name in names for mask in name_masks(name)}
    return {r["id"] for r in rows if r["name"] and name_masks(r["name"]) & wanted}


def stored_people(read: ReadFn, names: list[str], orgs: list[str], *,
                  statements: Mapping[str, str] = STATEMENTS) -> list[StoredPerson]:
    """Stored persons named ``names`` (or aliased so), or OCR variants of them holding a position at
    ``orgs``, with their context."""
    ids = {r["id"] for r in read(statements["people_by_name"], {"names": names})}
    if orgs:
        org_ids = sorted({stable_id("Organisation", org) for org in orgs})
        ids |= variant_ids(read(statements["people_by_position"], {"orgs": org_ids}), names)
    if not ids:
        return []
    params = {"ids": sorted(ids)}
    people = {r["id"]: StoredPerson(r["name"], set(r["aliases"] or ()), id=r["id"])
              for r in read(statements["people"], params)}
    for r in read(statements["positions"], params):
        people[r["id"]].organisations.add(r["organisation"])
        people[r["id"]].positions.add((r["organisation"], r["title"] or ""))
    for r in read(statements["awards"], params):
        if r["organisation"]:
            people[r["id"]].organisations.add(r["organisation"])
        if r["year"] is not None:
            people[r["id"]].honours.add((r["honour"], int(r["year"])))
    for r in read(statements["studios"], params):
        people[r["id"]].organisations.add(r["organisation"])
    return [people[i] for i in sorted(people)]
