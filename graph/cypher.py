"""Cypher text generated from the ontology: DDL, constraints, and upsert statements.

Identifiers come from the ontology only and are always back-quoted; values are always
parameters. Two dialects share one generator: LadybugDB reads rows with ``LOAD FROM $rows``
(columns become variables ``v_<name>``), Neo4j with ``UNWIND $rows AS r`` (``r.<name>``).
"""
from __future__ import annotations

from ontology.schema import NodeClass, Ontology, Property, Relation

LADYBUG_TYPES = {"string": "STRING", "int": "INT64", "float": "DOUBLE", "bool": "BOOLEAN",
                 "string[]": "STRING[]"}


def q(name: str) -> str:
    """Back-quote an identifier taken from the ontology."""
    return f"`{name}`"


def ladybug_ddl(onto: Ontology) -> list[str]:
    """CREATE NODE/REL TABLE statements for every class and relation."""
    out = []
    for cls in onto.tables():
        cols = [f"{q('id')} STRING"] + [f"{q(p.name)} {LADYBUG_TYPES[p.type]}" for p in cls.properties]
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {q(cls.name)}({', '.join(cols)}, PRIMARY KEY({q('id')}))")
    for rel in onto.relations.values():
        pairs = [f"FROM {q(s)} TO {q(t)}" for s, t in rel.pairs()]
        cols = [f"{q(p.name)} {LADYBUG_TYPES[p.type]}" for p in rel.properties]
        out.append(f"CREATE REL TABLE IF NOT EXISTS {q(rel.name)}({', '.join(pairs + cols)})")
    return out


def ladybug_migrations(onto: Ontology) -> list[str]:
    """Idempotent ALTERs that bring a store made by an older ontology up to this one."""
    out = []
    for cls in onto.tables():
        out += [f"ALTER TABLE {q(cls.name)} ADD IF NOT EXISTS {q(p.name)} {LADYBUG_TYPES[p.type]}"
                for p in cls.properties]
    for rel in onto.relations.values():
        out += [f"ALTER TABLE {q(rel.name)} ADD IF NOT EXISTS FROM {q(s)} TO {q(t)}" for s, t in rel.pairs()]
        out += [f"ALTER TABLE {q(rel.name)} ADD IF NOT EXISTS {q(p.name)} {LADYBUG_TYPES[p.type]}"
                for p in rel.properties]
    return out


def neo4j_schema(onto: Ontology) -> list[str]:
    """Uniqueness constraints on every class's id, and indexes on indexed properties."""
    out = []
    for cls in onto.tables():
        out.append(f"CREATE CONSTRAINT {cls.name.lower()}_id IF NOT EXISTS "
                   f"FOR (n:{q(cls.name)}) REQUIRE n.{q('id')} IS UNIQUE")
        for prop in cls.properties:
            if prop.index:
                out.append(f"CREATE INDEX {cls.name.lower()}_{prop.name} IF NOT EXISTS "
                           f"FOR (n:{q(cls.name)}) ON (n.{q(prop.name)})")
    return out


class Dialect:
    """How rows are read and referred to in one Cypher dialect."""

    def __init__(self, source: str, ref: str, *, cast: bool = False):
        self.source, self._ref, self.cast = source, ref, cast

    def ref(self, column: str, kind: str = "string") -> str:
        """The expression for ``column`` (of ontology type ``kind``) of the current row."""
        expr = self._ref.format(column)
        return f"CAST({expr} AS {LADYBUG_TYPES[kind]})" if self.cast else expr


LADYBUG = Dialect("LOAD FROM $rows", "v_{}")  # an Arrow table: columns are typed
LADYBUG_LIST = Dialect("UNWIND $rows AS r", "r.`{}`", cast=True)  # a list: nulls need a type
NEO4J = Dialect("UNWIND $rows AS r", "r.`{}`")


def _assign(var: str, prop: Property, dialect: Dialect) -> str:
    new, old = dialect.ref(prop.name, prop.type), f"{var}.{q(prop.name)}"
    if prop.merge == "max":
        return f"{old} = CASE WHEN {old} IS NULL OR {new} > {old} THEN {new} ELSE {old} END"
    return f"{old} = coalesce({new}, {old})"


def node_upsert(cls: NodeClass, dialect: Dialect) -> str:
    """MERGE every row as a node of ``cls`` by id; new non-null values fill or replace old ones."""
    head = f"{dialect.source} MERGE (n:{q(cls.name)} {{{q('id')}: {dialect.ref('id')}}})"
    sets = [_assign("n", p, dialect) for p in cls.properties]
    return head + (" SET " + ", ".join(sets) if sets else "")


def edge_upsert(rel: Relation, src: str, dst: str, dialect: Dialect) -> str:
    """MERGE every row as an edge ``src -[rel]-> dst``, one per endpoints and key properties."""
    types = {p.name: p.type for p in rel.properties}
    key = ", ".join(f"{q(k)}: {dialect.ref(k, types[k])}" for k in rel.key)
    sets = [_assign("e", p, dialect) for p in rel.properties if p.name not in rel.key]
    return (f"{dialect.source} MATCH (a:{q(src)} {{{q('id')}: {dialect.ref('src')}}}) "
            f"MATCH (b:{q(dst)} {{{q('id')}: {dialect.ref('dst')}}}) "
            f"MERGE (a)-[e:{q(rel.name)}{' {' + key + '}' if key else ''}]->(b)"
            + (" SET " + ", ".join(sets) if sets else ""))


def edge_insert(rel: Relation, src: str, dst: str, dialect: Dialect) -> str:
    """CREATE every row as an edge ``src -[rel]-> dst``: for edges that cannot exist yet (to a new document)."""
    props = ", ".join(f"{q(p.name)}: {dialect.ref(p.name, p.type)}" for p in rel.properties)
    return (f"{dialect.source} MATCH (a:{q(src)} {{{q('id')}: {dialect.ref('src')}}}) "
            f"MATCH (b:{q(dst)} {{{q('id')}: {dialect.ref('dst')}}}) "
            f"CREATE (a)-[e:{q(rel.name)}{' {' + props + '}' if props else ''}]->(b)")


def upserts(onto: Ontology, dialect: Dialect) -> dict[str, str]:
    """Every upsert statement, keyed ``Class`` or ``REL:Source:Target``; ``REL:Source:Target:new``
    creates edges known to be new."""
    out = {cls.name: node_upsert(cls, dialect) for cls in onto.tables()}
    for rel in onto.relations.values():
        for src, dst in rel.pairs():
            out[f"{rel.name}:{src}:{dst}"] = edge_upsert(rel, src, dst, dialect)
            out[f"{rel.name}:{src}:{dst}:new"] = edge_insert(rel, src, dst, dialect)
    return out


def dump_nodes(cls: NodeClass) -> str:
    """Every node of ``cls`` with its id and properties, one column each."""
    cols = ", ".join(f"n.{q(name)} AS {q(name)}" for name in ["id"] + [p.name for p in cls.properties])
    return f"MATCH (n:{q(cls.name)}) RETURN {cols} ORDER BY n.{q('id')}"


def dump_edges(rel: Relation, src: str, dst: str) -> str:
    """Every ``src -[rel]-> dst`` edge with both ids and the relation's properties."""
    cols = ["a.`id` AS src", "b.`id` AS dst"] + [f"e.{q(p.name)} AS {q(p.name)}" for p in rel.properties]
    return (f"MATCH (a:{q(src)})-[e:{q(rel.name)}]->(b:{q(dst)}) RETURN {', '.join(cols)} "
            f"ORDER BY src, dst")
