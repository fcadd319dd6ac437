"""Curation (merge, split, reject, rename) on a real LadybugDB store: applied at once, logged apart,
re-applied on every ingest; bad input is a clear error and changes nothing.

Most tests store the small fictional documents of ``graph.samples`` through the real upsert
(identity resolution included); one runs the real pipeline (LAC) on documents written here.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from graph import samples
from graph.curation import LOG_FILE, Decision, log_for
from graph.curation_plan import MERGE_RULE, SPLIT_RULE
from graph.curation_store import (STATEMENT_KEYS, curate, prepare_merge, prepare_reject, prepare_rename,
                                  prepare_split)
from graph.ladybug_store import LadybugStore
from graph.plan import build_plan
from extract.resolve import resolve_people, stable_id
from honours.cli import app
from honours.errors import CurationError
from viz.session import ENV_DB
from viz.text import literal

ROOT = Path(__file__).resolve().parent.parent
DOCS = [samples.award_news, samples.follow_up, samples.unrelated_li_ming, samples.tricky_names]
QUOTED = "O'Brien \"RETURN\" \\ 王"


# -- helpers ------------------------------------------------------------------------------------
def ingest(directory: Path) -> None:
    with LadybugStore(directory) as store:
        for make in DOCS:
            assert store.upsert(make())


def dump(directory: Path) -> tuple[set, set]:
    """Every node and edge with its properties: two stores are the same graph when dumps are equal."""
    def flat(props: dict) -> tuple:
        return tuple(sorted((k, json.dumps(v, ensure_ascii=False)) for k, v in props.items()))

    with LadybugStore(directory, read_only=True) as store:
        nodes = {(c.name, flat(n)) for c in store.onto.tables() for n in store.nodes(c.name)}
        edges = {(e.rel, e.src, e.dst, flat(e.props)) for e in store.edges()}
    return nodes, edges


def assert_same(got: tuple[set, set], want: tuple[set, set]) -> None:
    """Two dumps are equal; else the nodes and edges only one of them has."""
    extra = [sorted(got[i] - want[i]) for i in (0, 1)]
    missing = [sorted(want[i] - got[i]) for i in (0, 1)]
    assert extra == [[], []] and missing == [[], []], f"only in the first: {extra}\nonly in the second: {missing}"


def one(store: LadybugStore, cypher: str, **params) -> str:
    rows = store.query(cypher, params).records()
    assert len(rows) == 1, rows
    return rows[0]["id"]


def award_li_ming(store: LadybugStore) -> str:
    return one(store, "MATCH (:Award)-[:RECIPIENT]->(p:Person {name: '李明'}) RETURN DISTINCT p.id AS id")


def teacher_li_ming(store: LadybugStore) -> str:
    return one(store, "MATCH (:Position {title: '教师'})-[:HOLDER]->(p:Person) RETURN p.id AS id")


def person(store: LadybugStore, name: str) -> str:
    return one(store, "MATCH (p:Person) WHERE p.name = $n RETURN p.id AS id", n=name)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    directory = tmp_path / "db"
    ingest(directory)
    return directory


def decide_all(directory: Path) -> None:
    """One decision of each kind, as a curator would make them."""
    with LadybugStore(directory) as store:
        keep = award_li_ming(store)
        curate(store, prepare_split(store, keep, "follow-up.txt", "李明", note="another 李明"))
        curate(store, prepare_merge(store, keep, teacher_li_ming(store), note="same man"))
        curate(store, prepare_reject(store, one(store, "MATCH (m:Mentorship) RETURN m.id AS id")))
        curate(store, prepare_rename(store, person(store, "王\\五"), QUOTED))
        curate(store, prepare_merge(store, person(store, "张振飏"), person(store, "陈志强")))


# -- each decision on the stored graph ----------------------------------------------------------
def test_curation_merge_moves_mentions_and_facts_to_the_kept_entity(db: Path):
    with LadybugStore(db) as store:
        keep, other = award_li_ming(store), teacher_li_ming(store)
        before = store.stats()["person"]
        curate(store, prepare_merge(store, keep, other, note="same man"))
        assert store.stats()["person"] == before - 1
        assert store.query("MATCH (p:Person) WHERE p.id = $id RETURN p", {"id": other}).rows == []
        titles = store.query("MATCH (s:Position)-[:HOLDER]->(p:Person) WHERE p.id = $id RETURN s.title AS t",
                             {"id": keep}).records()
        assert {r["t"] for r in titles} == {"高级技师", "教师"}
        rows = store.query("MATCH (p:Person)-[m:MENTIONED_IN]->(d:Document {path: 'news/school.txt'}) "
                           "RETURN p.id AS id, m.rule AS rule, m.reason AS reason").records()
        assert [(r["id"], r["rule"]) for r in rows] == [(keep, MERGE_RULE)]
        assert "same man" in rows[0]["reason"]


def test_curation_merge_keeps_the_other_name_as_an_alias(db: Path):
    with LadybugStore(db) as store:
        keep, other = person(store, "张振飏"), person(store, "陈志强")
        curate(store, prepare_merge(store, keep, other))
        node = next(n for n in store.nodes("Person") if n["id"] == keep)
        assert node["name"] == "张振飏" and node["aliases"] == ["张振飚", "陈志强"]
        apprentice = one(store, "MATCH (:Mentorship)-[:APPRENTICE]->(p:Person) RETURN p.id AS id")
        assert apprentice == keep


def test_curation_reject_removes_the_fact_and_its_edges(db: Path):
    with LadybugStore(db) as store:
        fact = one(store, "MATCH (m:Mentorship) RETURN m.id AS id")
        before = store.stats()
        curate(store, prepare_reject(store, fact, note="not a mentorship"))
        after = store.stats()
        assert after["mentorship"] == 0 and after["person"] == before["person"]
        assert store.query("MATCH ()-[e:MASTER|APPRENTICE]->() RETURN e").rows == []


def test_curation_rename_stores_a_name_with_quotes_verbatim(db: Path):
    with LadybugStore(db) as store:
        target = person(store, "王\\五")
        curate(store, prepare_rename(store, target, f"  {QUOTED} "))
        assert person(store, QUOTED) == target


def test_curation_split_gives_one_documents_mentions_and_facts_a_person_of_their_own(db: Path):
    with LadybugStore(db) as store:
        original = award_li_ming(store)
        decision = curate(store, prepare_split(store, original, "news/follow-up.txt", "李明"))
        new = decision.split_id
        rows = store.query("MATCH (p:Person)-[m:MENTIONED_IN]->(d:Document) WHERE p.id IN $ids "
                           "RETURN p.id AS id, d.path AS path, m.rule AS rule",
                           {"ids": [original, new]}).records()
        assert {r["path"] for r in rows if r["id"] == new} == {"news/follow-up.txt"}
        assert {r["rule"] for r in rows if r["id"] == new} == {SPLIT_RULE}
        assert "news/follow-up.txt" not in {r["path"] for r in rows if r["id"] == original}
        awards = store.query("MATCH (a:Award)-[:RECIPIENT]->(p:Person) WHERE p.id IN $ids "
                             "MATCH (a)-[:SUPPORTED_BY]->(d:Document) RETURN p.id AS id, d.path AS path",
                             {"ids": [original, new]}).records()
        assert sorted((r["id"], r["path"]) for r in awards) == sorted(
            [(original, "news/award-2025.txt"), (new, "news/follow-up.txt")])


def test_curation_log_is_kept_apart_and_survives_reopening(db: Path):
    decide_all(db)
    assert (db / LOG_FILE).is_file()
    with LadybugStore(db, read_only=True) as store:
        decisions = log_for(store).decisions()
    assert [d.kind for d in decisions] == ["split", "merge", "reject", "rename", "merge"]
    assert decisions[0].note == "another 李明" and decisions[3].name == QUOTED
    assert all(d.who and d.when for d in decisions)


# -- re-applied on every ingest -----------------------------------------------------------------
def test_curation_reingest_into_a_fresh_store_reproduces_the_curated_graph(db: Path, tmp_path: Path):
    uncurated = dump(db)
    decide_all(db)
    curated = dump(db)
    assert curated != uncurated
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    shutil.copy(db / LOG_FILE, fresh / LOG_FILE)
    ingest(fresh)
    assert_same(dump(fresh), curated)


def test_curation_new_documents_stating_a_rejected_or_renamed_fact_keep_the_decision(db: Path):
    with LadybugStore(db) as store:
        award = one(store, "MATCH (a:Award)-[:RECIPIENT]->(:Person {name: '李明'}) RETURN a.id AS id")
        curate(store, prepare_reject(store, award))
        org = stable_id("Organisation", "广州电缆有限公司")
        curate(store, prepare_rename(store, org, "广州电缆（集团）有限公司"))
        again = samples._doc("news/again.txt", "广州电缆有限公司高级技师李明荣获2024年全国五一劳动奖章。", [
            ("award", {"recipient": "李明", "recipient_kind": "person", "honour": "全国五一劳动奖章", "year": 2024,
                       "recipient_org": "广州电缆有限公司"}, "广州电缆有限公司高级技师李明荣获2024年全国五一劳动奖章。")])
        assert store.upsert(again)
        assert store.query("MATCH (a:Award) WHERE a.id = $id RETURN a", {"id": award}).rows == []
        assert next(n for n in store.nodes("Organisation") if n["id"] == org)["name"] == "广州电缆（集团）有限公司"


def test_curation_statement_keys_match_the_ids_the_plan_gives():
    doc = samples.award_news()
    plan = build_plan(doc, resolve_people(doc, lambda names, orgs: []))
    for label, keys in STATEMENT_KEYS.items():
        for id_, row in plan.nodes[label].items():
            ends = {rel: dst for rel, by_key in plan.edges.items() for (src, (_, dst), _), _ in by_key.items()
                    if src == (label, id_)}
            assert stable_id(label, *(ends[k] if k in ends else row.get(k) for k in keys)) == id_


# -- bad input: a clear error, nothing changed --------------------------------------------------
@pytest.mark.parametrize("attempt, message", [
    (lambda s: prepare_merge(s, award_li_ming(s), "person-doesnotexist"), "no entity with id 'person-doesnotexist'"),
    (lambda s: prepare_merge(s, award_li_ming(s), stable_id("Organisation", "广东省总工会")), "different classes"),
    (lambda s: prepare_merge(s, award_li_ming(s), award_li_ming(s)), "with itself"),
    (lambda s: prepare_reject(s, award_li_ming(s)), "is a Person, not a fact"),
    (lambda s: prepare_reject(s, "award-nope"), "no fact with id 'award-nope'"),
    (lambda s: prepare_rename(s, award_li_ming(s), "  "), "the new name is empty"),
    (lambda s: prepare_rename(s, award_li_ming(s), "李\x00明"), "control characters"),
    (lambda s: prepare_split(s, award_li_ming(s), "missing.txt", "李明"), "no stored document"),
    (lambda s: prepare_split(s, award_li_ming(s), "follow-up.txt", "李 明"), "not as '李 明'"),
    (lambda s: prepare_split(s, person(s, "陈志强"), "award-2025.txt", "陈志强"), "nothing to split off"),
    (lambda s: prepare_split(s, stable_id("Organisation", "广东省总工会"), "award-2025.txt", "x"), "not a person"),
])
def test_curation_bad_input_is_a_clear_error_and_changes_nothing(db: Path, attempt, message):
    before = dump(db)
    with LadybugStore(db) as store:
        with pytest.raises(CurationError, match=message.replace("(", r"\(").replace(")", r"\)")):
            curate(store, attempt(store))
    assert dump(db) == before
    assert not (db / LOG_FILE).exists()


def test_curation_failed_write_takes_the_log_line_back(db: Path):
    with LadybugStore(db) as store:
        decision = prepare_reject(store, one(store, "MATCH (m:Mentorship) RETURN m.id AS id"))
        store._conn.close()  # the store fails mid-way: the decision must not stay in the log
        with pytest.raises(Exception):
            curate(store, decision)
        assert log_for(store).decisions() == []
        store._db.close()
        store._db = None
        store._release()


def test_curation_corrupt_log_names_the_file_and_line(db: Path):
    (db / LOG_FILE).write_text(json.dumps(Decision("rename", "x", "Person", name="y").to_json()) + "\n"
                               + '{"kind": "explode", "id": "x", "label": "Person"}\n', encoding="utf-8")
    with LadybugStore(db) as store:
        with pytest.raises(CurationError, match=rf"{LOG_FILE}, line 2: kind must be one of"):
            log_for(store).decisions()
        with pytest.raises(CurationError, match="line 2"):  # an ingest stops before writing anything
            store.upsert(samples.model_worker_profile())
        assert store.stats()["document"] == len(DOCS)


# -- the command line ---------------------------------------------------------------------------
def test_curate_commands_apply_list_and_refuse_bad_input(db: Path):
    runner = CliRunner()
    with LadybugStore(db, read_only=True) as store:
        keep, other = award_li_ming(store), teacher_li_ming(store)
        fact = one(store, "MATCH (m:Mentorship) RETURN m.id AS id")
        renamed = person(store, "王\\五")

    def run(*args: str):
        return runner.invoke(app, ["curate", *args, "--db", str(db)])

    assert run("merge", keep, other, "--note", "same man").exit_code == 0
    assert run("reject", fact).exit_code == 0
    assert run("rename", renamed, QUOTED).exit_code == 0
    done = run("split", keep, "--document", "follow-up.txt", "--name", "李明")
    assert done.exit_code == 0, done.output
    assert "stay with the original person" in done.output
    listed = run("list", "--format", "json")
    assert [d["kind"] for d in json.loads(listed.output)] == ["merge", "reject", "rename", "split"]
    table = run("list")
    assert "same man" in table.output and QUOTED in table.output
    for args, message in [(("merge", keep, "person-nope"), "no entity with id 'person-nope'"),
                          (("merge", keep, stable_id("Organisation", "广东省总工会")), "different classes"),
                          (("rename", keep, ""), "the new name is empty")]:
        bad = run(*args)
        assert bad.exit_code == 2 and message in bad.output and "Traceback" not in bad.output
    with LadybugStore(db, read_only=True) as store:
        assert person(store, QUOTED) == renamed


# -- the app ------------------------------------------------------------------------------------
def test_curation_view_renames_and_rejects_through_the_page(db: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(ENV_DB, str(db))
    at = AppTest.from_file(str(ROOT / "app_streamlit.py"), default_timeout=60).run()
    at.sidebar.radio(key="view").set_value("curation").run()
    at.text_input(key="rename_query").input("陈志强").run()
    at.text_input(key="rename_name").input(QUOTED).run()
    at.button(key="rename_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any(literal(QUOTED) in s.value for s in at.success)  # Markdown, the name escaped to show as typed
    at.text_input(key="reject_query").input("李明劳模").run()
    assert at.selectbox(key="reject_fact").options  # the studio itself, a fact with its quote
    at.button(key="reject_button").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    with LadybugStore(db, read_only=True) as store:
        assert {n["name"] for n in store.nodes("Person")} >= {QUOTED}
        assert store.stats()["studio"] == 0
        assert [d.kind for d in log_for(store).decisions()] == ["rename", "reject"]


# -- the real pipeline: documents written here, `honours ingest` and `honours curate` -------------
TEXTS = {
    "a.txt": "本报讯 2024年4月28日，江门市总工会召开庆祝五一国际劳动节大会。\n\n"
             "江门市新会区恒达机械有限公司高级技师梁志远荣获2024年广东省五一劳动奖章。\n\n"
             "江门市总工会副主席陈美华出席大会并讲话。\n",
    "b.txt": "本报讯 2025年5月6日，江门市总工会举办职工技能竞赛。\n\n"
             "江门市新会区恒达机械有限公司高级技师梁志远担任竞赛裁判长。江门市总工会副主席陈美华为获奖选手颁奖。\n",
    "c.txt": "本报讯 2023年5月4日，江门市新会区恒达机械公司技术员吴晓东获得2023年江门市五一劳动奖章。\n",
}


@pytest.mark.slow
def test_curation_survives_reingesting_extracted_documents_into_a_fresh_store(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in TEXTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    runner = CliRunner()

    def honours(*args: str) -> str:
        done = runner.invoke(app, list(args))
        assert done.exit_code == 0, done.output
        return done.output

    first = tmp_path / "first"
    honours("ingest", str(docs), "--db", str(first))
    with LadybugStore(first, read_only=True) as store:
        liang = person(store, "梁志远")
        chen = person(store, "陈美华")
        orgs = {n["name"]: n["id"] for n in store.nodes("Organisation")}
        wrong = [n["id"] for n in store.nodes("Event") if "梁志远" in n["name"]]  # an extraction error
    assert "江门市新会区恒达机械公司" in orgs and "江门市新会区恒达机械有限公司" in orgs and wrong
    uncurated = dump(first)
    honours("curate", "merge", orgs["江门市新会区恒达机械有限公司"], orgs["江门市新会区恒达机械公司"], "--db", str(first))
    honours("curate", "reject", wrong[0], "--note", "not an event", "--db", str(first))
    honours("curate", "rename", chen, '陈美华 "Chen Meihua"', "--db", str(first))
    honours("curate", "split", liang, "--document", "b.txt", "--name", "梁志远", "--db", str(first))
    curated = dump(first)
    assert curated != uncurated
    with LadybugStore(first, read_only=True) as store:
        kept = next(n for n in store.nodes("Organisation") if n["id"] == orgs["江门市新会区恒达机械有限公司"])
        assert kept["aliases"] == ["江门市新会区恒达机械公司"]
        assert store.stats()["person"] == 4  # 梁志远 twice now, 陈美华, 吴晓东

    second = tmp_path / "second"
    second.mkdir()
    shutil.copy(first / LOG_FILE, second / LOG_FILE)
    honours("ingest", str(docs), "--db", str(second))
    # Known limit: a property merged as the latest value over documents (a position's as_of) keeps,
    # on the original fact, the date the split-off document gave it; a rebuild recomputes it.
    assert_same(without_as_of(dump(second)), without_as_of(curated))


def without_as_of(found: tuple[set, set]) -> tuple[set, set]:
    nodes = {(label, tuple(p for p in props if label != "Position" or p[0] != "as_of")) for label, props in found[0]}
    return nodes, found[1]


# -- a merge that makes two facts one: evidence added, never a duplicate ------------------------
MODEL_A = ("news/model-a.txt", "佛山市顺德区恒兴五金厂技术员周建华荣获2020年全国劳动模范。", "周建华", "佛山市顺德区恒兴五金厂")
MODEL_B = ("news/model-b.txt", "肇庆市端州区星河电子有限公司班组长吴国强荣获2020年全国劳动模范。", "吴国强", "肇庆市端州区星河电子有限公司")
UNION_TEXT = "江门市总工会主席梁启明出席会议。江门总工会主席梁启明讲话。"


def model_worker(path: str, text: str, name: str, org: str):
    return samples._doc(path, text, [("award", {"recipient": name, "recipient_kind": "person", "honour": "全国劳动模范",
                                                "year": 2020, "recipient_org": org}, text)])


def union_chair():
    return samples._doc("news/union.txt", UNION_TEXT, [
        ("position", {"person": "梁启明", "organisation": "江门市总工会", "title": "主席"}, "江门市总工会主席梁启明出席会议。"),
        ("position", {"person": "梁启明", "organisation": "江门总工会", "title": "主席"}, "江门总工会主席梁启明讲话。")])


def ingest_twin_facts(directory: Path) -> None:
    with LadybugStore(directory) as store:
        for doc in [model_worker(*MODEL_A), model_worker(*MODEL_B), union_chair()]:
            assert store.upsert(doc)


def merge_twins(directory: Path) -> tuple[str, str]:
    """Merge the two model workers and the two spellings of the union; the ids kept."""
    with LadybugStore(directory) as store:
        keep = person(store, "周建华")
        curate(store, prepare_merge(store, keep, person(store, "吴国强"), note="one man"))
        org = stable_id("Organisation", "江门市总工会")
        curate(store, prepare_merge(store, org, stable_id("Organisation", "江门总工会")))
    return keep, org


def evidence_of(store: LadybugStore, label: str, end: str, id_: str) -> list[tuple[str, str]]:
    """(fact id, supporting document path) of every ``label`` fact linked by ``end`` to node ``id_``."""
    rows = store.query(f"MATCH (f:{label})-[:{end}]->(n) WHERE n.id = $id MATCH (f)-[:SUPPORTED_BY]->(d:Document) "
                       "RETURN f.id AS id, d.path AS path", {"id": id_}).records()
    return sorted((r["id"], r["path"]) for r in rows)


def test_curation_merge_makes_facts_stated_of_both_one_fact_with_both_evidence(tmp_path: Path):
    db = tmp_path / "db"
    ingest_twin_facts(db)
    keep, org = merge_twins(db)
    with LadybugStore(db) as store:
        award = stable_id("Award", keep, stable_id("Honour", "全国劳动模范"), 2020)
        assert evidence_of(store, "Award", "RECIPIENT", keep) == [(award, MODEL_A[0]), (award, MODEL_B[0])]
        assert store.stats()["award"] == 1
        chair = stable_id("Position", person(store, "梁启明"), org, "主席")
        assert evidence_of(store, "Position", "IN_ORGANISATION", org) == [(chair, "news/union.txt")] * 2
        assert store.stats()["position"] == 1
        assert len(store.query("MATCH (:Position)-[e:SUPPORTED_BY]->() RETURN e").rows) == 2
        # a later document stating the kept person's award adds evidence to the same fact
        text = "周建华荣获2020年全国劳动模范。"
        assert store.upsert(model_worker("news/model-c.txt", text, "周建华", None))
        assert {i for i, _ in evidence_of(store, "Award", "RECIPIENT", keep)} == {award}
        assert store.stats()["award"] == 1


def test_curation_reingest_after_merging_twin_facts_reproduces_the_curated_graph(tmp_path: Path):
    db, fresh = tmp_path / "db", tmp_path / "fresh"
    ingest(db)
    ingest_twin_facts(db)
    decide_all(db)
    merge_twins(db)
    curated = dump(db)
    fresh.mkdir()
    shutil.copy(db / LOG_FILE, fresh / LOG_FILE)
    ingest(fresh)
    ingest_twin_facts(fresh)
    assert_same(dump(fresh), curated)
    with LadybugStore(fresh, read_only=True) as store:
        assert store.stats()["position"] == len([n for n in store.nodes("Position")])
        assert len({n["id"] for n in store.nodes("Award")}) == store.stats()["award"]
