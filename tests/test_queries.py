"""Every named query on the founding corpus, with answers checked by hand against the text.

The store is built once per session from ../shared/corpus (slow: the NLP pipeline runs).
Each expectation names the corpus passage it comes from. Where the founding corpus states
no fact of a kind (no named master and apprentice, nobody on two rungs of one ladder), the
query is also run on a small fictional document whose facts are written out below.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.facts import ArticleInfo, DocumentFacts, Evidence, Fact
from graph import samples
from graph.ladybug_store import LadybugStore
from honours.cli import app
from honours.errors import QueryError
from queries.adhoc import check_cypher
from queries.lineage import AmbiguousPerson, lineage_markdown, pinyin
from queries.registry import load_queries, run_query

runner = CliRunner()


@pytest.fixture(scope="session")
def corpus_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store directory holding the whole founding corpus."""
    from extract.pipeline import extract_paths

    directory = tmp_path_factory.mktemp("queries") / "corpus-store"
    with LadybugStore(directory) as store:
        for doc in extract_paths([str(corpus)]):
            assert isinstance(doc, DocumentFacts), doc
            store.upsert(doc)
    return directory


@pytest.fixture(scope="session")
def store(corpus_db: Path):
    """The corpus store, open read-only."""
    with LadybugStore(corpus_db, read_only=True) as opened:
        yield opened


def _fictional_doc() -> DocumentFacts:
    """A made-up profile: one craftsman on three rungs, and four generations of apprentices."""
    path = "news/fictional-lineage.txt"
    text = ("广州市第一机械厂技师王建华2019年获评羊城工匠。2021年王建华获评南粤工匠。2023年王建华获评大国工匠。"
            "王建华带徒李小军。李小军带徒赵明。赵明带徒孙丽。")
    sentences = [s + "。" for s in text.split("。") if s]
    facts = [(
        "award", {"recipient": "王建华", "recipient_kind": "person", "honour": honour, "year": year,
                  "recipient_org": "广州市第一机械厂"}, sentence)
        for (honour, year), sentence in zip([("羊城工匠", 2019), ("南粤工匠", 2021), ("大国工匠", 2023)], sentences)]
    facts += [("mentorship", {"master": m, "apprentice": a}, s)
              for (m, a), s in zip([("王建华", "李小军"), ("李小军", "赵明"), ("赵明", "孙丽")], sentences[3:])]
    out = [Fact(kind, fields, Evidence(path, text.index(q), text.index(q) + len(q), q), 0.9, 0)
           for kind, fields, q in facts]
    article = ArticleInfo(0, "王建华", "2023", "year", None, None, 1, 0, len(text))
    return DocumentFacts(path, DocumentFacts.checksum_of(text), [article], out)


@pytest.fixture(scope="module")
def fictional(tmp_path_factory: pytest.TempPathFactory):
    """A store of the fictional lineage document only."""
    with LadybugStore(tmp_path_factory.mktemp("fictional") / "store") as opened:
        opened.upsert(_fictional_doc())
        opened.upsert(samples.award_news())  # 李明, 高级技师 of 广州电缆有限公司 …
        opened.upsert(samples.unrelated_li_ming())  # … and 李明, a teacher at 惠州市第一中学
        yield opened


def records(store, name: str, **params) -> list[dict]:
    return run_query(store, name, params).records()


# -- the registry ---------------------------------------------------------------------------
def test_registry_every_query_has_metadata():
    queries = load_queries()
    expected = {"entity_profile", "person_honours", "honour_recipients", "ladder_climbers",
                "organisation_overview", "union_hierarchy", "events_in_range", "studios",
                "mentorship_lineage", "shortest_connection", "shared_affiliations",
                "top_organisations_by_honours", "person_candidates", "honour_citations"}
    assert expected <= set(queries)
    for q in queries.values():
        assert q.title_zh and q.title_en and q.returns, q.name
        assert all(t in ("str", "int", "float", "bool") for t in q.params.values()), q.name
        for pname in q.params:
            assert f"${pname}" in q.cypher_for("ladybug") and f"${pname}" in q.cypher_for("neo4j"), (q.name, pname)


def test_registry_neo4j_variants_only_where_dialects_differ():
    queries = load_queries()
    assert queries["shortest_connection"].cypher_for("neo4j") != queries["shortest_connection"].cypher_for("ladybug")
    assert queries["union_hierarchy"].cypher_for("neo4j") == queries["union_hierarchy"].cypher_for("ladybug")


@pytest.mark.slow
def test_run_query_unknown_name(store):
    with pytest.raises(QueryError, match="no named query 'nope'.*union_hierarchy"):
        run_query(store, "nope", {})


@pytest.mark.slow
def test_run_query_missing_unknown_and_ill_typed_parameters(store):
    with pytest.raises(QueryError, match="needs parameter organisation"):
        run_query(store, "union_hierarchy", {})
    with pytest.raises(QueryError, match="has no parameter colour"):
        run_query(store, "union_hierarchy", {"organisation": "x", "colour": "red"})
    with pytest.raises(QueryError, match="parameter year must be int, got 'twenty'"):
        run_query(store, "top_organisations_by_honours", {"year": "twenty"})


@pytest.mark.slow
def test_run_query_parameters_are_not_formatted_into_the_text(store):
    # a name full of Cypher is only ever a value
    assert records(store, "union_hierarchy", organisation="x' OR 1=1 //") == []


# -- the queries, on the founding corpus ------------------------------------------------------
@pytest.mark.slow
def test_entity_profile_person_by_name_and_id(store):
    # guangdong-gongyun-2025-11.txt line 39: "广东省人大常委会党组副书记、副主任,省总工会主席黄宁生"
    rows = records(store, "entity_profile", entity="黄宁生")
    positions = {(r["via_name"], r["other"]) for r in rows if r["via"] == "Position"}
    assert {("主席", "广东省总工会"), ("副主任", "广东省人大常委会"), ("党组副书记", "广东省人大常委会")} <= positions
    assert {r["kind"] for r in rows} == {"Person"}
    by_id = records(store, "entity_profile", entity=rows[0]["id"])
    assert by_id == rows


@pytest.mark.slow
def test_entity_profile_organisation(store):
    # guangdong-gongyun-2025-11.txt line 75: "省总工会党组成员、副主席袁子雅"
    rows = records(store, "entity_profile", entity="广东省总工会")
    assert ("副主席", "袁子雅") in {(r["via_name"], r["other"]) for r in rows if r["via"] == "Position"}
    assert {r["kind"] for r in rows} == {"Organisation"}


@pytest.mark.slow
def test_person_honours_in_time_order(store):
    # foshan-2024-industrial-workers.txt lines 184-196: 侯嘉杰 of 佛山市汽车运输集团有限公司公交分公司车队
    # became 佛山市企业首席技师 (undated) and was awarded 广东省五一劳动奖章 "去年" = 2023 (a 2024 report)
    rows = records(store, "person_honours", person="侯嘉杰")
    assert [(r["year"], r["honour"]) for r in rows] == [(2023, "广东省五一劳动奖章"), (None, "佛山市企业首席技师")]
    assert rows[0]["conferred_by"] == "广东省总工会"
    assert rows[0]["organisation"].startswith("佛山市汽车运输集团有限公司公交分公司")
    assert "被授予广东省五一劳动奖章" in rows[0]["quotes"][0]
    assert rows[0]["documents"][0].endswith("foshan-2024-industrial-workers.txt")


@pytest.mark.slow
def test_honour_recipients_by_year(store):
    # guangdong-gongyun-2025-11.txt lines 969-987: 杨中民 2017, 黄险波 2018, 徐瑞华 2019, 陈新 2021
    # 全国五一劳动奖章获得者; guangdong-gongyun-2024-11.txt line 1612: 米雪梅, no year given
    rows = records(store, "honour_recipients", honour="全国五一劳动奖章")
    dated = [(r["year"], r["recipient"]) for r in rows if r["year"] is not None]
    assert dated == [(2017, "杨中民"), (2018, "黄险波"), (2019, "徐瑞华"), (2021, "陈新")]
    assert rows[-1]["year"] is None and rows[-1]["recipient"] == "米雪梅"
    assert {r["organisation"] for r in rows if r["recipient"] == "黄险波"} == {"金发科技股份有限公司"}


@pytest.mark.slow
def test_ladder_climbers_none_in_the_corpus(store):
    # nobody in the founding corpus is named with two rungs of one ladder: 侯嘉杰's two honours
    # (foshan-2024-industrial-workers.txt) are a chief-technician title and a May Day medal
    assert records(store, "ladder_climbers") == []


@pytest.mark.slow
def test_ladder_climbers_lower_rung_first(fictional):
    rows = records(fictional, "ladder_climbers", ladder="craftsman")
    assert [(r["person"], r["honour"], r["year"]) for r in rows] == [
        ("王建华", "羊城工匠", 2019), ("王建华", "南粤工匠", 2021), ("王建华", "大国工匠", 2023)]
    assert records(fictional, "ladder_climbers", ladder="may_day_medal") == []


@pytest.mark.slow
def test_organisation_overview_people_and_sub_organisations(store):
    # nanfang-gongbao-2025-10-29.txt line 6: "佛山市人大常委会副主任、市总工会主席李灿";
    # the hierarchy 佛山市南海区总工会 → 佛山市总工会, 容桂街道总工会 → 顺德区总工会 → 佛山市总工会
    rows = records(store, "organisation_overview", organisation="佛山市总工会")
    assert ("person", "李灿", "主席") in {(r["part"], r["name"], r["detail"]) for r in rows}
    subs = {r["name"]: r["detail"] for r in rows if r["part"] == "sub-organisation"}
    assert subs["佛山市南海区总工会"] == "佛山市总工会"
    assert subs["佛山市顺德区容桂街道总工会"] == "佛山市顺德区总工会"


@pytest.mark.slow
def test_organisation_overview_honours_and_studios(store):
    # guangdong-gongyun-2025-11.txt: "广州电缆冯楚倩女职工创新工作室" (广州电缆 = 广州电缆有限公司)
    rows = records(store, "organisation_overview", organisation="广州电缆有限公司")
    assert ("studio", "冯楚倩女职工创新工作室", "冯楚倩") in {(r["part"], r["name"], r["detail"]) for r in rows}
    # guangdong-gongyun-2025-11.txt line 105: "2021年度南粤工匠、广东省博物馆的文物修复师李涛"
    rows = records(store, "organisation_overview", organisation="广东省博物馆")
    assert ("honour", "南粤工匠", "李涛", 2021) in {(r["part"], r["name"], r["detail"], r["year"]) for r in rows}


@pytest.mark.slow
def test_union_hierarchy_from_a_district(store):
    # DESIGN.md and the corpus: 佛山市南海区总工会 → 佛山市总工会 → 广东省总工会 → 中华全国总工会
    rows = records(store, "union_hierarchy", organisation="佛山市南海区总工会")
    assert [(r["depth"], r["name"]) for r in rows] == [
        (0, "佛山市南海区总工会"), (1, "佛山市总工会"), (2, "广东省总工会"), (3, "中华全国总工会")]
    assert [r["level"] for r in rows] == ["district", "city", "provincial", "national"]


@pytest.mark.slow
def test_events_in_range_with_organisers_and_participants(store):
    # guangdong-gongyun-2024-11.txt lines 172-181: "11 月 28 日—30 日，由中国职工文化体育协会指导…首届职工创新
    # 工作室经验交流大会暨创新成果展示活动在广州举行", with 李守镇, 许振超 and 宋善斌 taking part
    rows = records(store, "events_in_range", date_from="2024-11-28", date_to="2024-11-28")
    meeting = [r for r in rows if r["name"].startswith("首届职工创新工作室经验交流大会")]
    assert meeting and all(r["date"] == "2024-11-28" for r in rows)
    assert any(r["place"] == "广州" for r in meeting)
    assert all("中国职工文化体育协会" in r["organisers"] for r in meeting)
    assert all({"李守镇", "许振超", "宋善斌"} <= set(r["participants"]) for r in meeting)


@pytest.mark.slow
def test_events_in_range_bounds(store):
    # nanfang-gongbao-2025-10-29.txt line 6: "10月29日,佛山市产业工人队伍建设改革工作推进会在佛山市工会职校召开
    # …李灿出席会议并讲话"
    rows = records(store, "events_in_range", date_from="2025-10-29", date_to="2025-10-29")
    meeting = {r["name"]: r for r in rows}["佛山市产业工人队伍建设改革工作推进会"]
    assert meeting["place"] == "佛山市工会职校" and "李灿" in meeting["participants"]
    assert all("2025-10-29" == r["date"] for r in rows)
    assert records(store, "events_in_range", date_from="1990-01-01", date_to="1990-12-31") == []


@pytest.mark.slow
def test_studios_leaders_and_hosts(store):
    # guangdong-gongyun-2024-11.txt: 广铁集团 (中国铁路广州局集团有限公司) "常金明劳模和工匠人才创新工作室";
    # guangdong-gongyun-2025-11.txt: "广州电缆冯楚倩女职工创新工作室"
    rows = records(store, "studios")
    found = {(r["studio"], r["leader"], r["host"]) for r in rows}
    assert ("常金明劳模和工匠人才创新工作室", "常金明", "中国铁路广州局集团有限公司") in found
    assert ("冯楚倩女职工创新工作室", "冯楚倩", "广州电缆有限公司") in found
    assert [r["studio"] for r in records(store, "studios", studio="冯楚倩")] == ["冯楚倩女职工创新工作室"]


@pytest.mark.slow
def test_mentorship_lineage_none_in_the_corpus(store):
    # the founding corpus speaks of 师带徒 programmes but names no master with an apprentice
    assert records(store, "mentorship_lineage", person="黄宁生") == []


@pytest.mark.slow
def test_mentorship_lineage_generations(fictional):
    down = records(fictional, "mentorship_lineage", person="王建华")
    assert sorted((r["generation"], r["master"], r["apprentice"]) for r in down) == [
        (1, "王建华", "李小军"), (2, "李小军", "赵明"), (3, "赵明", "孙丽")]
    around = records(fictional, "mentorship_lineage", person="赵明")
    assert sorted((r["generation"], r["master"], r["apprentice"]) for r in around) == [
        (-2, "王建华", "李小军"), (-1, "李小军", "赵明"), (1, "赵明", "孙丽")]


@pytest.mark.slow
def test_shortest_connection_through_the_provincial_union(store):
    # guangdong-gongyun-2025-11.txt: 黄宁生 is 省总工会主席 (line 39), 袁子雅 省总工会副主席 (line 75)
    rows = records(store, "shortest_connection", person_a="黄宁生", person_b="袁子雅")
    assert len(rows) == 1
    path = rows[0]
    assert path["hops"] == 4 and path["names"][0] == "黄宁生" and path["names"][-1] == "袁子雅"
    assert path["kinds"] == ["Person", "Position", "Organisation", "Position", "Person"]
    assert path["names"][2] == "广东省总工会"


@pytest.mark.slow
def test_shared_affiliations_organisation_and_event(store):
    # guangdong-gongyun-2025-11.txt line 39: 黄宁生 (省总工会主席) and 张振飏 (广东省总工会一级巡视员),
    # line 75: 袁子雅 (省总工会副主席) all hold positions at 广东省总工会
    rows = records(store, "shared_affiliations", person="黄宁生")
    shared = {(r["other"], r["via"], r["shared"]) for r in rows}
    assert ("袁子雅", "organisation", "广东省总工会") in shared
    zhang = {r["other"] for r in rows if r["via"] == "organisation" and r["shared"] == "广东省总工会"}
    assert zhang & {"张振飏", "张振飚"}
    # guangdong-gongyun-2024-11.txt lines 172-181: 许振超 and 李守镇 at the 首届职工创新工作室经验交流大会
    rows = records(store, "shared_affiliations", person="许振超")
    assert any(r["other"] == "李守镇" and r["via"] == "event" and "创新工作室经验交流大会" in r["shared"] for r in rows)


@pytest.mark.slow
def test_top_organisations_by_honours_level_and_year(store):
    # guangdong-gongyun-2025-11.txt line 987: "2018年全国五一劳动奖章获得者" 黄险波 of 金发科技股份有限公司
    rows = records(store, "top_organisations_by_honours", level="national", year=2018)
    assert [(r["organisation"], r["honours"], r["recipients"]) for r in rows] == [
        ("金发科技股份有限公司", 1, ["黄险波"])]
    # provincial honours: 侯嘉杰's 2023 May Day medal (foshan-2024-industrial-workers.txt),
    # 李涛's 2021 南粤工匠 for 广东省博物馆 (guangdong-gongyun-2025-11.txt line 105)
    provincial = {(r["organisation"], r["year"]) for r in records(store, "top_organisations_by_honours",
                                                                  level="provincial")}
    assert ("广东省博物馆", 2021) in provincial
    assert any(o.startswith("佛山市汽车运输集团") and y == 2023 for o, y in provincial)
    everything = records(store, "top_organisations_by_honours")
    assert [r["honours"] for r in everything] == sorted((r["honours"] for r in everything), reverse=True)


@pytest.mark.slow
def test_person_candidates_by_alias(store):
    # 张振飚 / 张振飏 are one person written two ways (DESIGN.md): guangdong-gongyun-2024-11.txt line 6
    # "广东省总工会一级巡视员张振飚", guangdong-gongyun-2025-11.txt line 67 "省总工会一级巡视员张振飏"
    by_one = records(store, "person_candidates", person="张振飚")
    by_other = records(store, "person_candidates", person="张振飏")
    assert len(by_one) == 1 and by_one == by_other
    assert "广东省总工会" in by_one[0]["organisations"] and "一级巡视员" in by_one[0]["titles"]


@pytest.mark.slow
def test_honour_citations_article_and_quote(store):
    # foshan-2024-industrial-workers.txt: the article "佛山工会为产业工人搭起“成长阶梯”" (2024) says
    # 侯嘉杰 "被授予广东省五一劳动奖章"
    rows = records(store, "honour_citations", person="侯嘉杰")
    medal = [r for r in rows if r["honour"] == "广东省五一劳动奖章"][0]
    assert medal["year"] == 2023 and medal["conferred_by"] == "广东省总工会"
    assert "成长阶梯" in medal["article_title"] and medal["article_date"].startswith("2024")
    assert medal["document"].endswith("foshan-2024-industrial-workers.txt")


# -- honour lineages --------------------------------------------------------------------------
def test_lineage_pinyin():
    assert pinyin("侯嘉杰") == "Hou Jiajie"


@pytest.mark.slow
def test_lineage_markdown_with_footnotes(store):
    # foshan-2024-industrial-workers.txt lines 184-196 (see test_person_honours_in_time_order)
    text = lineage_markdown(store, "侯嘉杰")
    assert text.startswith("# 侯嘉杰 (Hou Jiajie)")
    table = [line for line in text.splitlines() if line.startswith("| 2023 |")]
    assert table and "广东省五一劳动奖章 (Guangdong Provincial May Day Labour Medal)" in table[0]
    assert "省级 / provincial" in table[0] and "广东省总工会" in table[0] and "[^1]" in table[0]
    assert text.index("| 2023 |") < text.index("佛山市企业首席技师")
    note = [line for line in text.splitlines() if line.startswith("[^1]: ")][0]
    assert "foshan-2024-industrial-workers.txt" in note and "被授予广东省五一劳动奖章" in note and "(2024)" in note


@pytest.mark.slow
def test_lineage_ambiguous_name_lists_candidates(fictional):
    # graph/samples.py: two different people called 李明
    with pytest.raises(AmbiguousPerson) as raised:
        lineage_markdown(fictional, "李明")
    message = str(raised.value)
    assert "2 people are called 李明" in message
    assert "广州电缆有限公司" in message and "惠州市第一中学" in message
    chosen = [c for c in raised.value.candidates if "广州电缆有限公司" in c.organisations][0]
    text = lineage_markdown(fictional, chosen.id)
    assert "| 2024 | 全国五一劳动奖章" in text


@pytest.mark.slow
def test_cli_lineage(corpus_db: Path, tmp_path: Path):
    out = tmp_path / "hou.md"
    done = runner.invoke(app, ["lineage", "--person", "侯嘉杰", "--out", str(out), "--db", str(corpus_db)])
    assert done.exit_code == 0, done.output
    assert "[^2]:" in out.read_text(encoding="utf-8")
    done = runner.invoke(app, ["lineage", "--person", "无名氏", "--db", str(corpus_db)])
    assert done.exit_code == 2 and "no person called 无名氏" in done.output


# -- read-only ad-hoc Cypher ------------------------------------------------------------------
@pytest.mark.parametrize("cypher", [
    "CREATE (p:Person {id: 'x', name: 'x'})",
    "MERGE (p:Person {id: 'x'})",
    "MATCH (p:Person) SET p.name = 'x'",
    "MATCH (p:Person) DELETE p",
    "MATCH (p:Person) DETACH DELETE p",
    "MATCH (p:Person) REMOVE p.gender",
    "LOAD CSV FROM 'file:///x.csv' AS row RETURN row",
    "COPY Person FROM 'people.csv'",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    "CALL db.createLabel('X')",
    "CALL threads=1",
    "// just looking\nMATCH (n) RETURN n; CREATE (m:Person {id: 'y'})",
    "/* harmless */ match (n:Person) detach delete n",
    "match (n) set n.name = 'x' return n",
])
def test_cypher_writes_are_refused(cypher):
    with pytest.raises(QueryError, match="only read-only queries are allowed"):
        check_cypher(cypher)


@pytest.mark.parametrize("cypher", [
    "MATCH (p:Person) WHERE p.name = 'CREATE' RETURN p.name",
    "CALL show_tables() RETURN name",
    "MATCH (p:Person) RETURN p.name AS created_at // no DELETE here",
])
def test_cypher_reads_are_allowed(cypher):
    check_cypher(cypher)


@pytest.mark.slow
def test_cypher_store_refuses_writes_itself(store):
    with pytest.raises(QueryError, match="read-only"):
        store.query("match (n:Person) detach delete n")
    assert store.query("MATCH (p:Person) RETURN count(p) AS n").rows[0][0] > 0


# -- the CLI ----------------------------------------------------------------------------------
def test_cli_query_list():
    done = runner.invoke(app, ["query", "--list"])
    assert done.exit_code == 0, done.output
    for name in load_queries():
        assert name in done.output
    assert "union_hierarchy  工会隶属层级 / Union hierarchy up from an organisation" in done.output


@pytest.mark.slow
def test_cli_query_json(corpus_db: Path):
    done = runner.invoke(app, ["query", "union_hierarchy", "--param", "organisation=佛山市南海区总工会",
                               "--format", "json", "--db", str(corpus_db)])
    assert done.exit_code == 0, done.output
    assert [r["name"] for r in json.loads(done.stdout)] == ["佛山市南海区总工会", "佛山市总工会", "广东省总工会", "中华全国总工会"]


@pytest.mark.slow
def test_cli_query_csv_and_table(corpus_db: Path):
    args = ["query", "honour_recipients", "-p", "honour=全国五一劳动奖章", "--db", str(corpus_db)]
    done = runner.invoke(app, args + ["--format", "csv"])
    assert done.exit_code == 0, done.output
    lines = done.stdout.splitlines()
    assert lines[0].startswith("year,edition,recipient,")
    assert lines[1].startswith("2017,,杨中民,")
    table = runner.invoke(app, args + ["--limit", "2"])
    assert table.exit_code == 0 and "杨中民" in table.stdout and "more were cut" in table.stdout


@pytest.mark.slow
def test_cli_query_bad_parameter(corpus_db: Path):
    done = runner.invoke(app, ["query", "top_organisations_by_honours", "-p", "year=soon", "--db", str(corpus_db)])
    assert done.exit_code == 2
    assert "parameter year must be int, got 'soon'" in done.output
    done = runner.invoke(app, ["query", "union_hierarchy", "-p", "organisation", "--db", str(corpus_db)])
    assert done.exit_code == 2 and "not of the form name=value" in done.output


@pytest.mark.slow
def test_cli_query_unknown_name(corpus_db: Path):
    done = runner.invoke(app, ["query", "who_knows", "--db", str(corpus_db)])
    assert done.exit_code == 2
    assert "no named query 'who_knows'" in done.output and "person_honours" in done.output


@pytest.mark.slow
def test_cli_cypher_read_only(corpus_db: Path):
    done = runner.invoke(app, ["cypher", "match (n) detach delete n", "--db", str(corpus_db)])
    assert done.exit_code == 2
    assert "only read-only queries are allowed; found DETACH" in done.output
    done = runner.invoke(app, ["cypher", "MATCH (o:Organisation) WHERE o.name = $name RETURN o.level AS level",
                               "-p", "name=广东省总工会", "--format", "json", "--db", str(corpus_db)])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout) == [{"level": "provincial"}]


@pytest.mark.slow
def test_cli_cypher_limit_and_timeout(corpus_db: Path):
    done = runner.invoke(app, ["cypher", "MATCH (p:Person) RETURN p.name", "--limit", "3",
                               "--timeout", "5", "--format", "csv", "--db", str(corpus_db)])
    assert done.exit_code == 0, done.output
    assert len(done.stdout.splitlines()) == 4


@pytest.mark.slow
def test_cli_cypher_timeout_stops_a_slow_query(corpus_db: Path):
    slow = ("MATCH (a:Person), (b:Person), (c:Person), (d:Organisation) "
            "WHERE a.name + b.name + c.name + d.name = 'x' RETURN count(*)")
    done = runner.invoke(app, ["cypher", slow, "--timeout", "0.5", "--db", str(corpus_db)])
    assert done.exit_code == 2
    assert "the query took too long and was stopped" in done.output


@pytest.mark.slow
def test_lineage_honour_recipients_by_year_with_sources(store):
    # guangdong-gongyun-2025-11.txt lines 969-987: 全国五一劳动奖章获得者 杨中民 2017, 黄险波 2018,
    # 徐瑞华 2019, 陈新 2021; guangdong-gongyun-2024-11.txt line 1612: 米雪梅, no year given
    from queries.lineage import honour_lineage_markdown

    text = honour_lineage_markdown(store, "全国五一劳动奖章")
    assert text.startswith("# 全国五一劳动奖章 (National May Day Labour Medal)")
    rows = [line for line in text.splitlines() if line.startswith("| 20") or line.startswith("| —")]
    assert [r.split(" | ")[2].split(" (")[0] for r in rows] == ["杨中民", "黄险波", "徐瑞华", "陈新", "米雪梅"]
    assert "(Yang Zhongmin)" in rows[0] and rows[0].startswith("| 2017 |")
    assert any(line.startswith("[^4]: guangdong-gongyun-2025-11.txt") and "陈新" in line for line in text.splitlines())


@pytest.mark.slow
def test_cli_lineage_needs_a_person_or_an_honour(corpus_db: Path):
    done = runner.invoke(app, ["lineage", "--db", str(corpus_db)])
    assert done.exit_code == 2 and "give exactly one of --person NAME, --honour NAME" in done.output
    done = runner.invoke(app, ["lineage", "--honour", "全国五一劳动奖章", "--db", str(corpus_db)])
    assert done.exit_code == 0 and "| 2017 |" in done.output


@pytest.mark.slow
def test_lineage_csv_and_jsonld(store):
    # the same two honours of 侯嘉杰 as test_lineage_markdown_with_footnotes
    import csv as csv_module
    import io
    import json

    from rdflib import Graph

    from queries.lineage import lineage_csv, lineage_jsonld

    rows = list(csv_module.DictReader(io.StringIO(lineage_csv(store, "侯嘉杰"))))
    assert [(r["year"], r["honour"]) for r in rows] == [("2023", "广东省五一劳动奖章"), ("", "佛山市企业首席技师")]
    assert rows[0]["pinyin"] == "Hou Jiajie" and "被授予广东省五一劳动奖章" in rows[0]["sources"]
    doc = json.loads(lineage_jsonld(store, "侯嘉杰"))
    assert doc["@type"] == "Person" and doc["alternateName"] == "Hou Jiajie"
    assert [a["name"] for a in doc["award"]] == ["广东省五一劳动奖章", "佛山市企业首席技师"]
    graph = Graph().parse(data=json.dumps(doc), format="json-ld")  # valid JSON-LD, read as RDF
    assert len(graph) > 10
