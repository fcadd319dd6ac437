"""The founding corpus through the whole flow: read, extract, store, twice, then export."""
from __future__ import annotations

import json

import pytest
from rdflib import Graph

from graph import open_store
from tests.test_cli_read import honours

pytestmark = pytest.mark.slow


def test_corpus_ingests_twice_with_identical_counts(corpus, tmp_path):
    db = tmp_path / "store"
    first = honours("ingest", "--db", str(db), str(corpus))
    assert first.returncode == 0, first.stderr
    counts = json.loads(honours("stats", "--db", str(db), "--format", "json").stdout)
    assert counts["document"] == 5 and counts["article"] == 38
    assert counts["person"] > 100 and counts["award"] > 10 and counts["position"] > 50
    again = honours("ingest", "--db", str(db), str(corpus))
    assert again.returncode == 0 and "5 already stored" in again.stdout + again.stderr
    assert json.loads(honours("stats", "--db", str(db), "--format", "json").stdout) == counts
    with open_store(db=db, read_only=True) as store:  # the union hierarchy, from the names
        chain = store.query("MATCH (:Organisation {name: $name})-[:PART_OF*1..3]->(b:Organisation) "
                            "RETURN b.name", {"name": "佛山市南海区总工会"})
    assert {row[0] for row in chain.rows} == {"佛山市总工会", "广东省总工会", "中华全国总工会"}
    out = tmp_path / "graph.ttl"
    exported = honours("export", "--db", str(db), "--format", "ttl", str(out))
    assert exported.returncode == 0, exported.stderr
    assert len(Graph().parse(out)) > 1000
