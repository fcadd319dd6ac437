"""Loading in batches (``upsert_many``) and the embedded store's person-name index."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from graph import samples
from graph.batch import timed_batches
from graph.identity import stored_people
from graph.ladybug_store import LadybugStore
from graph.store import GraphStore
from graph.testing import backends, make_store
from honours.bench import synthetic_documents
from honours.errors import StoreError

DOCS = [samples.award_news(), samples.follow_up(), samples.unrelated_li_ming(), samples.tricky_names(),
        samples.model_worker_profile(), *samples.many_documents(4)]


def dump(store: GraphStore) -> tuple:
    """Everything stored: counts, every node of every class, every edge with its properties."""
    nodes = {label: sorted(map(str, store.nodes(label))) for label in
             ("Document", "Article", "Person", "Organisation", "Honour", "Award", "Position", "Studio", "Event")}
    edges = sorted((e.rel, e.src, e.dst, tuple(sorted(map(str, e.props.items())))) for e in store.edges())
    return store.stats(), nodes, edges


def mentions(store: GraphStore, doc) -> dict[str, tuple[str, str]]:
    """Person name as written in ``doc`` → (person id, rule that resolved it)."""
    rows = store.query("MATCH (p:Person)-[m:MENTIONED_IN]->(d:Document) WHERE d.id = $id "
                       "RETURN m.name AS name, p.id AS id, m.rule AS rule", {"id": doc.checksum}).records()
    return {r["name"]: (r["id"], r["rule"]) for r in rows}


def test_upsert_many_same_graph_as_one_by_one(tmp_path: Path):
    with LadybugStore(tmp_path / "one") as one, LadybugStore(tmp_path / "batch") as batch:
        assert [one.upsert(doc) for doc in DOCS] == [True] * len(DOCS)
        assert batch.upsert_many(DOCS) == [True] * len(DOCS)
        assert dump(batch) == dump(one)


def test_upsert_many_synthetic_same_graph_as_one_by_one(tmp_path: Path):
    docs = list(synthetic_documents(800, seed=3, statements_per_doc=80))  # people recur over the years
    with LadybugStore(tmp_path / "one") as one, LadybugStore(tmp_path / "batch") as batch:
        for doc in docs:
            one.upsert(doc)
        batch.upsert_many(docs[:3])
        batch.upsert_many(docs[3:])
        assert dump(batch) == dump(one)
        linked = one.query("MATCH (p:Person)-[m:MENTIONED_IN]->(:Document) WHERE m.rule = 'organisation' "
                           "RETURN count(DISTINCT p)").rows[0][0]
        assert linked > 10  # persons linked across documents, not only within one


@pytest.mark.parametrize("backend", backends())
def test_upsert_many_links_persons_across_documents_of_one_batch(tmp_path: Path, backend: str):
    news, follow, school = samples.award_news(), samples.follow_up(), samples.unrelated_li_ming()
    with make_store(backend, tmp_path) as store:
        store.upsert_many([news, follow, school])
        first, second, third = mentions(store, news), mentions(store, follow), mentions(store, school)
    assert second["李明"] == (first["李明"][0], "honour-year")  # same honour, same year, in doc 1 of the batch
    assert second["张振飚"] == (first["张振飏"][0], "ocr-variant")  # same title at the same union
    assert third["李明"][0] != first["李明"][0]  # the teacher stays apart


def test_upsert_many_links_to_persons_stored_before_the_batch(tmp_path: Path):
    news, follow = samples.award_news(), samples.follow_up()
    with LadybugStore(tmp_path / "db") as store:
        store.upsert(news)
        store.upsert_many([samples.unrelated_li_ming(), follow])
        assert mentions(store, follow)["张振飚"] == (mentions(store, news)["张振飏"][0], "ocr-variant")


@pytest.mark.parametrize("backend", backends())
def test_upsert_many_reload_and_repeats_store_nothing(tmp_path: Path, backend: str):
    a, b = samples.award_news(), samples.follow_up()
    with make_store(backend, tmp_path) as store:
        assert store.upsert_many([a, a, b]) == [True, False, True]
        before = dump(store)
        assert store.upsert_many([b, a]) == [False, False]
        assert store.upsert_many([]) == []
        assert not store.upsert(a)
        assert dump(store) == before and store.stats()["document"] == 2


def test_upsert_many_synthetic_reload_is_idempotent(tmp_path: Path):
    docs = list(synthetic_documents(600, seed=5, statements_per_doc=100))
    with LadybugStore(tmp_path / "db") as store:
        assert all(store.upsert_many(docs[:4]) + store.upsert_many(docs[4:]))
        before = dump(store)
        assert store.upsert_many(docs) == [False] * len(docs)
        assert dump(store) == before


def test_upsert_many_failed_batch_stores_nothing(tmp_path: Path):
    bad = samples.model_worker_profile("news/bad.txt")
    bad.articles = [dataclasses.replace(bad.articles[0], page="第三版")]  # not an integer: the write fails
    with LadybugStore(tmp_path / "db") as store:
        with pytest.raises(StoreError, match="storing 3 documents from news/award-2025.txt"):
            store.upsert_many([samples.award_news(), samples.follow_up(), bad])
        assert set(store.stats().values()) == {0}
        assert store.query("MATCH (k:PersonName) RETURN count(k)").rows == [[0]]
        assert store.upsert_many([samples.award_news(), samples.follow_up()]) == [True, True]
        assert store.stats()["document"] == 2


def test_name_index_alias_lookup_finds_person(tmp_path: Path):
    news, follow = samples.award_news(), samples.follow_up()
    alone = samples._doc("news/alias.txt", "张振飚出席。", [("person", {"name": "张振飚"}, "张振飚")])
    with LadybugStore(tmp_path / "db") as store:
        store.upsert_many([news, follow])
        zhang = mentions(store, news)["张振飏"][0]
        found = stored_people(store._read, ["张振飚"], [], statements=store._identity)
        assert [(p.id, p.name, "张振飚" in p.aliases) for p in found] == [(zhang, "张振飏", True)]
        store.upsert(alone)  # no context at all: linked by the alias alone
        assert mentions(store, alone)["张振飚"] == (zhang, "alias")


def test_name_index_migrates_a_store_made_without_it(tmp_path: Path):
    with LadybugStore(tmp_path / "db") as store:
        store.upsert_many([samples.award_news(), samples.follow_up()])
        zhang = mentions(store, samples.award_news())["张振飏"][0]
        store._run("DROP TABLE PersonName", what="simulating a store made before the name index")
    with LadybugStore(tmp_path / "db") as store:
        keys = store.query("MATCH (k:PersonName) RETURN k.key AS key, k.people AS people ORDER BY key").records()
        persons = store.stats()["person"]
        assert {r["key"]: r["people"] for r in keys}["张振飚"] == [zhang]
        assert len(keys) == persons + 1  # every name, and the one alias
    with LadybugStore(tmp_path / "db", read_only=True) as reader:
        assert reader.query("MATCH (k:PersonName) RETURN count(k)").rows == [[persons + 1]]


def test_name_index_not_exported_nor_counted(tmp_path: Path):
    from graph.export import export_store

    with LadybugStore(tmp_path / "db") as store:
        store.upsert(samples.award_news())
        assert "personname" not in store.stats()
        export_store(store, "ttl", tmp_path / "g.ttl")
    assert "PersonName" not in (tmp_path / "g.ttl").read_text(encoding="utf-8")


def test_timed_batches_by_size_and_by_waiting():
    assert list(timed_batches(range(7), size=3, seconds=60)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(timed_batches(range(3), size=10, seconds=0)) == [[0], [1], [2]]
    assert list(timed_batches([], size=3, seconds=60)) == []
