"""Two ingests of one document racing on a live Neo4j 5: runs only when NEO4J_URI is set.

Neo4j has no writer lock, so a batch re-checks inside its write transaction that its new documents
are still new (graph.neo4j_store.CLAIM_DOCUMENTS); evidence edges are then never written twice.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from graph import samples
from graph.testing import make_store

pytestmark = [pytest.mark.neo4j,
              pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set")]
EVIDENCE = "MATCH ()-[e:SUPPORTED_BY|MENTIONED_IN|HAS_ARTICLE]->(:Document) RETURN count(e) AS n"


def test_neo4j_live_document_stored_after_the_check_is_not_written_again(tmp_path: Path):
    with make_store("neo4j", tmp_path) as first, make_store("neo4j", tmp_path / "b") as second:
        first.upsert(samples.award_news())
        once = first.query(EVIDENCE).rows
        real, calls = second.stored_documents, []

        def checked_too_early(ids):  # the second writer's first check ran before the first committed
            calls.append(ids)
            return set() if len(calls) == 1 else real(ids)

        second.stored_documents = checked_too_early
        assert second.upsert_many([samples.award_news(), samples.follow_up()]) == [False, True]
        assert len(calls) == 2  # claimed in the transaction, found stored, planned again
        first.upsert(samples.follow_up())
        assert second.query(EVIDENCE).rows == [[once[0][0] + _evidence_of(samples.follow_up())]]


def test_neo4j_live_concurrent_ingests_store_each_edge_once(tmp_path: Path):
    docs = [samples.award_news(), samples.follow_up(), samples.tricky_names()]
    with make_store("neo4j", tmp_path) as alone:
        alone.upsert_many(docs)
        want = alone.query(EVIDENCE).rows
    with make_store("neo4j", tmp_path) as a, make_store("neo4j", tmp_path / "b") as b:
        a._call(lambda s: s.run("MATCH (n) DETACH DELETE n").consume(), "emptying")
        threads = [threading.Thread(target=store.upsert_many, args=(docs,)) for store in (a, b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert a.query(EVIDENCE).rows == want and a.stats()["document"] == 3


def _evidence_of(doc) -> int:
    from graph.plan import build_plan
    from extract.resolve import resolve_people

    plan = build_plan(doc, resolve_people(doc, lambda names, orgs: []))
    return sum(len(plan.edges.get(rel, {})) for rel in ("SUPPORTED_BY", "MENTIONED_IN", "HAS_ARTICLE"))
