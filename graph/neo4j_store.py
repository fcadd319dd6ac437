"""The Neo4j store: Neo4j 5 over Bolt with the official driver, batched ``UNWIND … MERGE``.

Every statement this module can send is in :data:`STATEMENTS` (generated from the
ontology), so tests can check each with Neo4j's own parser without a server.

Neo4j has no writer lock: two ingests may plan the same new document at once. So a batch's
write transaction first claims its new documents (:data:`CLAIM_DOCUMENTS`, a ``MERGE`` on the
constrained id, which waits for a concurrent writer of the same id to finish); if one was
stored meanwhile, the transaction is rolled back and the batch planned again, so its
evidence edges, created rather than merged, are never written twice.

Curation decisions live in a log file (:mod:`graph.curation`), not in the database: for
teammates' re-ingests to keep them, ``HONOURS_CURATION_LOG`` must name a file they share.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, CypherSyntaxError, DriverError, Neo4jError, ServiceUnavailable

from extract.facts import DocumentFacts
from graph import cypher
from graph.batch import describe_batch, edge_groups, new_documents, plan_upsert
from graph.identity import STATEMENTS as IDENTITY
from graph.identity import stored_people
from graph.curation_store import statements as curation_statements
from graph.plan import Plan
from graph.store import DEFAULT_LIMIT, DEFAULT_TIMEOUT, Edge, QueryResult, check_read_only
from honours.errors import QueryError, StoreError, StoreUnavailable
from ontology.schema import Ontology, load_ontology

BATCH = 1000
HAS_DOCUMENT = "MATCH (d:`Document` {`id`: $id}) RETURN count(d) AS n"
STORED_DOCUMENTS = "UNWIND $ids AS i MATCH (d:`Document` {`id`: i}) RETURN d.`id` AS id"
# Inside a batch's write transaction: create each new document's node, saying whether it was new.
CLAIM_DOCUMENTS = ("UNWIND $ids AS i MERGE (d:`Document` {`id`: i}) ON CREATE SET d.`claimed` = true "
                   "WITH d, d.`claimed` IS NOT NULL AS created REMOVE d.`claimed` RETURN d.`id` AS id, created")
CLAIM_ATTEMPTS = 5


class StoredMeanwhile(Exception):
    """Another writer stored some of a batch's new documents after the batch was planned."""


def statements(onto: Ontology | None = None) -> dict[str, str]:
    """Every Cypher statement the Neo4j store sends (queries from users aside), by name."""
    onto = onto or load_ontology()
    out = {f"schema:{i}": s for i, s in enumerate(cypher.neo4j_schema(onto))}
    out |= {f"upsert:{k}": s for k, s in cypher.upserts(onto, cypher.NEO4J).items()}
    out |= {f"identity:{k}": s for k, s in IDENTITY.items()}
    out |= {f"curation:{k}": s for k, s in curation_statements(onto).items()}
    out["has_document"] = HAS_DOCUMENT
    out["stored_documents"] = STORED_DOCUMENTS
    out["claim_documents"] = CLAIM_DOCUMENTS
    for cls in onto.tables():
        out[f"count:{cls.name}"] = f"MATCH (n:{cypher.q(cls.name)}) RETURN count(n) AS n"
        out[f"dump:{cls.name}"] = cypher.dump_nodes(cls)
    for rel in onto.relations.values():
        for src, dst in rel.pairs():
            out[f"dump:{rel.name}:{src}:{dst}"] = cypher.dump_edges(rel, src, dst)
    return out


STATEMENTS = statements()


def map_error(exc: Exception, what: str, uri: str) -> StoreError:
    """Turn a driver error into a typed error naming the server and what was attempted."""
    if isinstance(exc, AuthError):
        return StoreUnavailable(f"{what}: Neo4j at {uri} refused the credentials (wrong user or password)")
    if isinstance(exc, ServiceUnavailable):
        return StoreUnavailable(f"{what}: cannot reach Neo4j at {uri} ({' '.join(str(exc).split())})")
    if isinstance(exc, CypherSyntaxError):
        return QueryError(f"{what}: {exc.message}")
    if isinstance(exc, ClientError) and "AccessMode" in (exc.code or ""):
        return QueryError(f"{what}: only read-only queries are allowed")
    if isinstance(exc, ClientError) and "Timeout" in (exc.code or ""):
        return QueryError(f"{what}: the query took too long and was stopped")
    if isinstance(exc, Neo4jError):
        return StoreError(f"{what}: {exc.code}: {exc.message}")
    return StoreUnavailable(f"{what}: Neo4j at {uri}: {' '.join(str(exc).split())}")


class Neo4jStore:
    """A GraphStore on a Neo4j 5 server."""

    def __init__(self, uri: str, user: str, password: str, *, read_only: bool = False,
                 database: str | None = None, ontology: Ontology | None = None):
        self.location, self.read_only, self.database = uri, read_only, database
        self.onto = ontology or load_ontology()
        try:
            self._driver = GraphDatabase.driver(uri, auth=(user, password))
            self._driver.verify_connectivity()
        except (DriverError, Neo4jError, ValueError, OSError) as exc:
            raise map_error(exc, "cannot open the store", uri) from None
        self._upserts = cypher.upserts(self.onto, cypher.NEO4J)
        if not read_only:
            for statement in cypher.neo4j_schema(self.onto):
                self._call(lambda s: s.run(statement).consume(), "creating constraints")

    def _session(self, mode: str = neo4j.WRITE_ACCESS) -> neo4j.Session:
        return self._driver.session(database=self.database, default_access_mode=mode)

    def _call(self, work: Any, what: str, mode: str = neo4j.WRITE_ACCESS) -> Any:
        try:
            with self._session(mode) as session:
                return work(session)
        except (DriverError, Neo4jError) as exc:
            raise map_error(exc, what, self.location) from None

    def _read(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(statement, params or {})]
        return self._call(lambda s: s.execute_read(work), "reading the store", neo4j.READ_ACCESS)

    def has_document(self, checksum: str) -> bool:
        """True when a document with this checksum is stored."""
        return self._read(HAS_DOCUMENT, {"id": checksum})[0]["n"] > 0

    def stored_documents(self, checksums: Iterable[str]) -> set[str]:
        """Which of ``checksums`` are stored, in one query."""
        return {r["id"] for r in self._read(STORED_DOCUMENTS, {"ids": sorted(set(checksums))})}

    def upsert(self, doc: DocumentFacts) -> bool:
        """Store one document's facts in one write transaction; False if it was already stored."""
        return self.upsert_many([doc])[0]

    def upsert_many(self, docs: Iterable[DocumentFacts]) -> list[bool]:
        """Store several documents in one write transaction; for each, False if it was already stored."""
        if self.read_only:
            raise StoreUnavailable(f"Neo4j store {self.location} is open read-only")
        docs = list(docs)
        for _ in range(CLAIM_ATTEMPTS):
            plan, new = plan_upsert(self, docs, self._stored_people)
            if not any(new):
                return new
            try:
                self._write(plan, [], describe_batch(docs), claim=new_documents(plan))
                return new
            except StoredMeanwhile:
                continue  # plan again: what the other writer stored is in the store now
        raise StoreError(f"{describe_batch(docs)}: other writers kept storing the same documents "
                         f"({CLAIM_ATTEMPTS} attempts); run the ingest again")

    def _stored_people(self, names: list[str], orgs: list[str]) -> list:
        return stored_people(self._read, names, orgs)

    def curate(self, plan: Plan, deletions: list[tuple[str, dict[str, Any]]], *, what: str) -> None:
        """Apply one curation decision in one transaction: upsert ``plan``'s rows, then run ``deletions``."""
        if self.read_only:
            raise StoreUnavailable(f"Neo4j store {self.location} is open read-only")
        self._write(plan, deletions, what)

    def _write(self, plan: Plan, deletions: list[tuple[str, dict[str, Any]]], what: str, *,
               claim: Collection[str] = ()) -> None:
        """Upsert ``plan``'s rows in batches, then run ``deletions``, in one write transaction.

        The documents of ``claim`` (new ones, whose evidence edges are created) are claimed first:
        StoredMeanwhile, and nothing written, when another writer has stored one of them.
        """
        nodes, edges = plan.rows(self.onto)
        batches = [(self._upserts[label], rows) for label, rows in nodes.items()]
        batches += [(self._upserts[key], rows) for key, rows in edge_groups(edges, set(claim))]

        def work(tx: neo4j.ManagedTransaction) -> None:
            if claim:
                taken = [r["id"] for r in tx.run(CLAIM_DOCUMENTS, ids=sorted(claim)) if not r["created"]]
                if taken:
                    raise StoredMeanwhile(taken)  # the transaction is rolled back
            for statement, rows in batches:
                for i in range(0, len(rows), BATCH):
                    tx.run(statement, rows=rows[i:i + BATCH]).consume()
            for statement, params in deletions:
                tx.run(statement, params).consume()

        self._call(lambda s: s.execute_write(work), what)

    def stats(self) -> dict[str, int]:
        """Number of nodes of each class, keyed by the ontology's stats keys."""
        return {key: self._read(STATEMENTS[f"count:{label}"])[0]["n"]
                for key, label in sorted(self.onto.stats_keys().items())}

    def query(self, statement: str, params: dict[str, Any] | None = None, *,
              limit: int = DEFAULT_LIMIT, timeout: float = DEFAULT_TIMEOUT) -> QueryResult:
        """Run a read-only query with parameters; at most ``limit`` rows, stopped after ``timeout`` s."""
        check_read_only(statement)

        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            result = tx.run(statement, params or {})
            rows = []
            for record in result:
                rows.append(list(record.values()))
                if len(rows) > limit:
                    break
            return QueryResult(list(result.keys()), rows[:limit], len(rows) > limit)

        work = neo4j.unit_of_work(timeout=timeout)(work)
        return self._call(lambda s: s.execute_read(work), "query failed", neo4j.READ_ACCESS)

    def nodes(self, label: str) -> Iterator[dict[str, Any]]:
        """Every node of class ``label`` as a dict of its properties (with ``id``)."""
        yield from self._read(STATEMENTS[f"dump:{label}"])

    def edges(self) -> Iterator[Edge]:
        """Every edge of every relation."""
        for rel in self.onto.relations.values():
            for src, dst in rel.pairs():
                for row in self._read(STATEMENTS[f"dump:{rel.name}:{src}:{dst}"]):
                    yield Edge(rel.name, src, row.pop("src"), dst, row.pop("dst"), row)

    def close(self) -> None:
        """Close the driver."""
        self._driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
