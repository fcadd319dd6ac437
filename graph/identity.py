"""Read the stored context of candidate persons, for extract.resolve, through any store.

The statements are plain Cypher accepted by both LadybugDB and Neo4j.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from extract.resolve import StoredPerson

ReadFn = Callable[[str, dict[str, Any]], list[dict[str, Any]]]

STATEMENTS = {
    "people_by_name": (
        "UNWIND $names AS nm MATCH (p:Person) WHERE p.name = nm OR nm IN p.aliases "
        "RETURN DISTINCT p.id AS id"),
    "people_by_position": (
        "UNWIND $orgs AS org MATCH (p:Person)<-[:HOLDER]-(:Position)-[:IN_ORGANISATION]->(o:Organisation) "
        "WHERE o.name = org RETURN DISTINCT p.id AS id"),
    "people": (
        "UNWIND $ids AS pid MATCH (p:Person) WHERE p.id = pid "
        "RETURN p.id AS id, p.name AS name, p.aliases AS aliases"),
    "positions": (
        "UNWIND $ids AS pid MATCH (p:Person)<-[:HOLDER]-(s:Position)-[:IN_ORGANISATION]->(o:Organisation) "
        "WHERE p.id = pid RETURN p.id AS id, o.name AS organisation, s.title AS title"),
    "awards": (
        "UNWIND $ids AS pid MATCH (p:Person)<-[:RECIPIENT]-(a:Award)-[:FOR_HONOUR]->(h:Honour) WHERE p.id = pid "
        "OPTIONAL MATCH (a)-[:RECIPIENT_ORG]->(o:Organisation) "
        "RETURN p.id AS id, h.name AS honour, a.year AS year, o.name AS organisation"),
    "studios": (
        "UNWIND $ids AS pid MATCH (p:Person)<-[:LED_BY]-(:Studio)-[:HOSTED_BY]->(o:Organisation) "
        "WHERE p.id = pid RETURN p.id AS id, o.name AS organisation"),
}


def stored_people(read: ReadFn, names: list[str], orgs: list[str]) -> list[StoredPerson]:
    """Stored persons named ``names`` (or aliased so) or holding a position at ``orgs``, with context."""
    ids = {r["id"] for r in read(STATEMENTS["people_by_name"], {"names": names})}
    if orgs:
        ids |= {r["id"] for r in read(STATEMENTS["people_by_position"], {"orgs": orgs})}
    if not ids:
        return []
    params = {"ids": sorted(ids)}
    people = {r["id"]: StoredPerson(r["name"], set(r["aliases"] or ()), id=r["id"])
              for r in read(STATEMENTS["people"], params)}
    for r in read(STATEMENTS["positions"], params):
        people[r["id"]].organisations.add(r["organisation"])
        people[r["id"]].positions.add((r["organisation"], r["title"] or ""))
    for r in read(STATEMENTS["awards"], params):
        if r["organisation"]:
            people[r["id"]].organisations.add(r["organisation"])
        if r["year"] is not None:
            people[r["id"]].honours.add((r["honour"], int(r["year"])))
    for r in read(STATEMENTS["studios"], params):
        people[r["id"]].organisations.add(r["organisation"])
    return [people[i] for i in sorted(people)]
