"""The GraphStore protocol, run over every available backend (LadybugDB; Neo4j with NEO4J_URI)."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph import samples
from graph.store import GraphStore, check_read_only
from graph.testing import backends, make_store
from honours.errors import QueryError


@pytest.fixture(params=backends())
def store(request, tmp_path: Path):
    with make_store(request.param, tmp_path) as s:
        yield s


def _names(store: GraphStore, label: str = "Person") -> list[str]:
    return sorted(r[0] for r in store.query(f"MATCH (n:{label}) RETURN n.name").rows)


def test_store_implements_protocol(store):
    assert isinstance(store, GraphStore)
    assert set(store.stats()) >= {"document", "article", "person", "organisation", "honour", "award",
                                  "position", "studio", "mentorship", "event"}


def test_store_upsert_twice_changes_nothing(store):
    doc = samples.award_news()
    assert store.upsert(doc) is True
    first = store.stats()
    assert store.has_document(doc.checksum)
    assert store.upsert(samples.award_news()) is False
    assert store.stats() == first
    assert first == {"article": 1, "award": 2, "document": 1, "event": 1, "honour": 2, "mentorship": 1,
                     "organisation": 4, "person": 3, "position": 2, "studio": 1}  # + 中华全国总工会, conferring


def test_store_second_source_adds_evidence_not_a_duplicate(store):
    store.upsert(samples.award_news())
    store.upsert(samples.follow_up())
    rows = store.query(
        "MATCH (p:Person)<-[:RECIPIENT]-(a:Award)-[:FOR_HONOUR]->(h:Honour) WHERE h.name = $h "
        "MATCH (a)-[e:SUPPORTED_BY]->(d:Document) RETURN p.name, a.year, d.path, e.quote ORDER BY d.path",
        {"h": "全国五一劳动奖章"}).rows
    assert [r[2] for r in rows] == ["news/award-2025.txt", "news/follow-up.txt"]
    assert {r[0] for r in rows} == {"李明"} and {r[1] for r in rows} == {2024}
    assert store.stats()["award"] == 2


def test_store_ocr_variant_merges_and_records_why(store):
    store.upsert(samples.award_news())
    store.upsert(samples.follow_up())
    assert "张振飚" not in _names(store)
    rows = store.query(
        "MATCH (p:Person)-[m:MENTIONED_IN]->(d:Document) WHERE m.rule = $rule "
        "RETURN p.name, p.aliases, m.name, m.reason", {"rule": "ocr-variant"}).rows
    assert len(rows) == 1
    name, aliases, written, reason = rows[0]
    assert (name, written) == ("张振飏", "张振飚") and "张振飚" in aliases
    assert "一级巡视员" in reason and "广东省总工会" in reason


def test_store_same_name_unrelated_people_stay_apart(store):
    store.upsert(samples.award_news())
    store.upsert(samples.follow_up())
    store.upsert(samples.unrelated_li_ming())
    assert _names(store).count("李明") == 2
    rules = store.query("MATCH (p:Person)-[m:MENTIONED_IN]->(d:Document) WHERE p.name = $n "
                        "RETURN DISTINCT d.path, m.rule ORDER BY d.path", {"n": "李明"}).rows
    assert rules == [["news/award-2025.txt", "new"], ["news/follow-up.txt", "honour-year"],
                     ["news/school.txt", "new"]]


def test_store_quotes_backslashes_and_keywords_round_trip(store):
    doc = samples.tricky_names()
    store.upsert(doc)
    names = _names(store)
    for expected in ("O'Brien \"MATCH\"", "王\\五", "DETACH DELETE n"):
        assert expected in names
    assert _names(store, "Organisation") == ["`RETURN` 公司 }"]
    title = store.query("MATCH (p:Position) RETURN p.title").rows[0][0]
    assert title == "主任'); DROP"
    quotes = {r[0] for r in store.query("MATCH ()-[e:MENTIONED_IN]->() RETURN e.quote").rows}
    assert {f.evidence.quote for f in doc.facts} == quotes


def test_store_query_is_read_only_capped_and_typed(store):
    store.upsert(samples.award_news())
    with pytest.raises(QueryError, match="read-only"):
        store.query("MATCH (p:Person) SET p.name = 'x' RETURN p")
    result = store.query("MATCH (n) RETURN n.id", limit=2)
    assert len(result.rows) == 2 and result.truncated
    with pytest.raises(QueryError):
        store.query("MATCH (n RETURN n")


def test_store_failed_document_leaves_nothing_half_stored(store, monkeypatch):
    if not hasattr(store, "_run"):
        pytest.skip("the Neo4j store writes one document in one execute_write call")
    store.upsert(samples.award_news())
    before = store.stats()
    seen: list[str] = []
    original = store._run

    def failing(statement, *args, **kwargs):
        seen.append(statement)
        if "BEGIN TRANSACTION" in seen and len(seen) - seen.index("BEGIN TRANSACTION") == 5:
            raise RuntimeError("simulated crash mid-document")
        return original(statement, *args, **kwargs)

    monkeypatch.setattr(store, "_run", failing)
    with pytest.raises(RuntimeError):
        store.upsert(samples.follow_up())
    monkeypatch.undo()
    assert sum(" MERGE " in s for s in seen) >= 3  # it failed after writing some rows
    assert store.stats() == before
    assert not store.has_document(samples.follow_up().checksum)
    assert store.upsert(samples.follow_up()) is True


def test_store_nodes_and_edges_dump_everything(store):
    store.upsert(samples.award_news())
    people = list(store.nodes("Person"))
    assert {p["name"] for p in people} == {"张振飏", "李明", "陈志强"}
    rels = {e.rel for e in store.edges()}
    assert {"RECIPIENT", "FOR_HONOUR", "SUPPORTED_BY", "MENTIONED_IN", "HOLDER", "IN_ORGANISATION",
            "LED_BY", "HOSTED_BY", "MASTER", "APPRENTICE", "ORGANISED_BY", "HAS_ARTICLE"} <= rels


@pytest.mark.parametrize("text", ["CREATE (n)", "match (n) detach delete n", "MATCH (n) MERGE (m)",
                                  "LOAD FROM 'x.csv' RETURN *", "COPY Person FROM 'x'"])
def test_store_check_read_only_rejects_writes(text):
    with pytest.raises(QueryError):
        check_read_only(text)


def test_store_check_read_only_ignores_keywords_in_strings():
    check_read_only("MATCH (p:Person) WHERE p.name = 'CREATE SET' RETURN p // DELETE")
