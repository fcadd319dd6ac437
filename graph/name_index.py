"""The embedded store's name index: person names and aliases → person ids, by primary key.

LadybugDB indexes only primary keys, so ``p.name = $n OR $n IN p.aliases`` scans every
person. The index is a node table keyed by the name (``PersonName``: ``key``, ``people``),
written in the same transaction as the persons, and read by identity resolution. It has
no edges, so traversals never meet it. It is deliberately not part of the ontology: it is
a physical access path of one store (Neo4j has real indexes), holds no fact, and is neither
exported nor counted. Entries only grow; a stale one (an alias since replaced) only adds a
candidate that resolution then checks against the stored person.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

TABLE = "PersonName"
DDL = f"CREATE NODE TABLE IF NOT EXISTS `{TABLE}`(`key` STRING, `people` STRING[], PRIMARY KEY(`key`))"
TYPES = {"key": "string", "people": "string[]"}
_MERGE = ("MERGE (k:`PersonName` {{`key`: {key}}}) "
          "SET k.`people` = list_distinct(list_concat(coalesce(k.`people`, CAST([] AS STRING[])), {people}))")
UPSERT_LIST = "UNWIND $rows AS r " + _MERGE.format(key="CAST(r.`key` AS STRING)", people="CAST(r.`people` AS STRING[])")
UPSERT_ARROW = "LOAD FROM $rows " + _MERGE.format(key="v_key", people="v_people")
LOOKUP = ("UNWIND $names AS nm MATCH (k:`PersonName` {`key`: nm}) UNWIND k.`people` AS pid "
          "RETURN DISTINCT pid AS id")
PERSONS = "MATCH (p:`Person`) RETURN p.`id` AS id, p.`name` AS name, p.`aliases` AS aliases"


def index_rows(people: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One index row per name or alias of ``people`` (rows with ``id``, ``name``, ``aliases``)."""
    keys: dict[str, set[str]] = {}
    for person in people:
        for name in [person.get("name"), *(person.get("aliases") or ())]:
            if name:
                keys.setdefault(name, set()).add(person["id"])
    return [{"key": key, "people": sorted(ids)} for key, ids in keys.items()]
