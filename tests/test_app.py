"""The Streamlit app (AppTest, no browser) and its library ``viz/`` on a store of the founding corpus.

The store is built once for this module with ``honours ingest`` (about 10 s: the NLP pipeline
runs). Real-browser tests (Playwright + Chromium) are separate.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph import open_store
from honours.commands.app import app_environment, streamlit_command
from ontology.schema import load_ontology
from viz.network import neighbourhood, network_html, strip_remote, year_of
from viz.search import Entry, match, search
from viz.session import ENV_DB, store_version
from tests.conftest import assert_clean, opened_from_search, started

HOU = "侯嘉杰"

# URLs that may appear in the page because the inlined vis-network library carries them as text:
# licence comments, core-js metadata, an error message and the SVG namespace of createElementNS.
# None of them is fetched; any other host fails the offline test.
INERT_HOSTS = {"visjs.github.io", "almende.com", "github.com", "www.apache.org", "opensource.org",
               "www.w3.org"}
LOCAL_HOSTS = {"localhost", "127.0.0.1"}
URL = re.compile(r"https?://([^/\s\"'<>)\\:]+)")
FETCHING = re.compile(r"(?:\bsrc\s*=|\bhref\s*=|url\(|@import)\s*[\"']?\s*https?://([^/\s\"'<>)]+)", re.I)


# -- fixtures -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def store(corpus_db: Path):
    """The corpus store, open read-only."""
    with open_store(db=corpus_db, read_only=True) as opened:
        yield opened


def markdown_text(at: AppTest) -> str:
    """Every Markdown element of the page, joined."""
    return "\n".join(m.value for m in at.markdown)


# -- viz.search, without a store ----------------------------------------------------------------
ENTRIES = [Entry("person-1", "Person", HOU, ()), Entry("person-2", "Person", "侯嘉", ()),
           Entry("org-1", "Organisation", "广东省总工会", ("省总工会",)),
           Entry("honour-1", "Honour", "广东省五一劳动奖章", ())]


@pytest.mark.parametrize("query", ["hou jiajie", "HouJiajie", "houjia", "嘉杰", "侯嘉傑"])
def test_search_match_finds_by_pinyin_part_and_traditional(query: str):
    assert HOU in [e.name for e in match(ENTRIES, query)]


def test_search_match_ranks_exact_before_partial():
    assert [e.name for e in match(ENTRIES, "侯嘉")] == ["侯嘉", HOU]


def test_search_match_uses_aliases():
    assert [e.id for e in match(ENTRIES, "省總工會")] == ["org-1"]


def test_search_match_names_with_latin_letters_and_quotes():
    entries = ENTRIES + [Entry("org-2", "Organisation", "TCL科技集团", ()),
                         Entry("org-3", "Organisation", '江门市"总院"O\'Brien', ())]
    assert [e.id for e in match(entries, "TCL科技集团")] == ["org-2"]
    assert [e.id for e in match(entries, "tcl")] == ["org-2"]
    assert [e.id for e in match(entries, '江门市"总院"O\'Brien')] == ["org-3"]


def test_search_match_empty_and_unknown():
    assert match(ENTRIES, "  ") == []
    assert match(ENTRIES, "不存在的名字") == []


@pytest.mark.slow
def test_search_on_store_gives_type_organisation_and_facts(store):
    hits = search(store, "hou jiajie")
    assert hits and hits[0].name == HOU and hits[0].kind == "Person"
    assert hits[0].organisation and "佛山" in hits[0].organisation
    assert hits[0].facts >= 3  # a position and two awards


@pytest.mark.slow
def test_search_on_store_covers_every_named_class(store):
    kinds = {h.kind for h in search(store, "工", limit=1000)}
    assert {"Person", "Organisation", "Honour", "Studio", "Event"} <= kinds


# -- viz.network: offline HTML ------------------------------------------------------------------
@pytest.fixture(scope="module")
def network_page(store) -> str:
    person = search(store, HOU)[0].id
    return network_html(neighbourhood(store, person, depth=2), focus=person)


@pytest.mark.slow
def test_network_html_loads_nothing_from_other_hosts(network_page: str):
    fetched = {host for host in FETCHING.findall(network_page)} - LOCAL_HOSTS
    assert not fetched, f"the page loads from {fetched}"
    assert "bootstrap" not in network_page.lower()
    named = set(URL.findall(network_page)) - LOCAL_HOSTS
    assert named <= INERT_HOSTS, f"URLs to unexpected hosts: {named - INERT_HOSTS}"


@pytest.mark.slow
def test_network_html_inlines_vis_network(network_page: str):
    assert "<script src=" not in network_page
    assert "vis-network" in network_page and "new vis.Network(" in network_page
    assert len(network_page) > 100_000  # the library itself, not a link to it


@pytest.mark.slow
def test_network_html_has_ontology_colours_and_legend(network_page: str):
    onto = load_ontology()
    for kind in ("Person", "Award", "Honour", "Organisation"):
        assert onto.classes[kind].color in network_page
        assert onto.classes[kind].label["zh"] in network_page
    for name in (HOU, "广东省五一劳动奖章"):  # node labels sit in the page's JSON, maybe \u-escaped
        assert name in network_page or json.dumps(name)[1:-1] in network_page


@pytest.mark.slow
def test_network_year_range_leaves_out_other_years(store):
    person = search(store, HOU)[0].id
    names = lambda hood: {name for _, name in hood.nodes.values()}  # noqa: E731
    assert "广东省五一劳动奖章" in names(neighbourhood(store, person))  # awarded 2023
    later = neighbourhood(store, person, years=(2024, 2025))
    assert "广东省五一劳动奖章" not in names(later) and "车队副队长" in names(later)  # the position is as of 2024


def test_network_year_of():
    assert [year_of(w) for w in ("2024-11-18", "2023", None, "去年")] == [2024, 2023, None, None]


def test_network_strip_remote_keeps_local_links():
    page = ('<link href="https://cdn.example.org/x.css" rel="stylesheet" />'
            '<script src="https://cdn.example.org/x.js"></script><script src="http://localhost:8501/a.js"></script>')
    assert strip_remote(page) == '<script src="http://localhost:8501/a.js"></script>'


# -- the app, view by view ----------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("query", ["hou jiajie", "侯嘉", "侯嘉傑"])
def test_app_search_finds_hou_jiajie(app_env, query: str):
    at = started()
    at.text_input(key="search_text").input(query).run()
    assert_clean(at)
    table = at.dataframe[0].value
    assert HOU in set(table.iloc[:, 1])
    assert "人物" in set(table.iloc[:, 0])  # the class label from the ontology


@pytest.mark.slow
def test_app_search_opens_profile(app_env):
    at = opened_from_search("hou jiajie", "profile")
    assert "广东省五一劳动奖章" in markdown_text(at)


@pytest.mark.slow
def test_app_search_opens_an_honours_lineage(app_env):
    at = opened_from_search("全国五一劳动奖章", "lineage")
    assert at.radio(key="lineage_kind").value == "honour"
    assert "杨中民" in markdown_text(at) and "黄险波" in markdown_text(at)  # recipients, by year


@pytest.mark.slow
def test_app_profile_shows_honour_with_quote(app_env):
    at = started("profile")
    at.text_input(key="profile_entity").input(HOU).run()
    assert_clean(at)
    text = markdown_text(at)
    assert "广东省五一劳动奖章" in text
    assert "> 在去年举行的广东省职工职业技能大赛氢能源客车维修技能竞赛中，他获得第一名，被授予广东省五一劳动奖章。" in text
    captions = " ".join(c.value for c in at.caption)
    assert "foshan-2024-industrial-workers.txt" in captions and "佛山工会为产业工人搭起“成长阶梯”" in captions


@pytest.mark.slow
def test_app_profile_shows_aliases_and_merge_reasons(app_env):
    # the corpus writes 张振飏 once for 张振飚 (an OCR confusion); the profile says why they are one
    at = started("profile")
    at.text_input(key="profile_entity").input("张振飚").run()
    assert_clean(at)
    assert "张振飏" in markdown_text(at)
    mentions = at.dataframe[0].value.astype(str).to_string()
    assert "ocr-variant" in mentions and "张振飏" in mentions


@pytest.mark.slow
def test_app_profile_opens_related_entry(app_env):
    at = started("profile")
    at.text_input(key="profile_entity").input(HOU).run()
    at.selectbox(key="profile_related").set_value(at.selectbox(key="profile_related").options[0]).run()
    related = at.selectbox(key="profile_related").value
    at.button(key="open_related").click().run()
    assert_clean(at)
    assert at.text_input(key="profile_entity").value == related
    assert at.header[0].value != HOU


@pytest.mark.slow
def test_app_profile_in_english_uses_ontology_labels(app_env):
    at = started("profile")
    at.sidebar.radio(key="lang").set_value("en").run()
    at.text_input(key="profile_entity").input(HOU).run()
    assert_clean(at)
    assert any(s.value.startswith("Awards") for s in at.subheader)


@pytest.mark.slow
@pytest.mark.parametrize("view", ["profile", "timeline"])
def test_app_unknown_entity_is_a_message(app_env, view: str):
    at = started(view)
    at.text_input(key=f"{view}_entity").input("无此人").run()
    assert not at.exception
    assert "无此人" in at.error[0].value


@pytest.mark.slow
def test_app_network_renders(app_env):
    at = started("network")
    at.text_input(key="network_entity").input(HOU).run()
    assert_clean(at)
    at.slider(key="network_depth").set_value(3).run()
    at.slider(key="network_years").set_range(2024, 2025).run()
    assert_clean(at)


@pytest.mark.slow
def test_app_network_unknown_entity_is_a_message(app_env):
    at = started("network")
    at.text_input(key="network_entity").input("无此实体").run()
    assert not at.exception
    assert "无此实体" in at.error[0].value


@pytest.mark.slow
def test_app_cypher_refuses_write(app_env):
    at = started("cypher")
    at.text_area(key="cypher_text").input("MATCH (n) DETACH DELETE n").run()
    at.button(key="run_cypher").click().run()
    assert not at.exception
    assert "only read-only queries are allowed" in at.error[0].value


@pytest.mark.slow
def test_app_cypher_runs_free_query(app_env, store):
    expected = store.stats()["person"]
    at = started("cypher")
    at.text_area(key="cypher_text").input("MATCH (p:Person) RETURN count(p)").run()
    at.button(key="run_cypher").click().run()
    assert_clean(at)
    assert at.dataframe[0].value.iloc[0, 0] == expected
    assert at.get("download_button")


@pytest.mark.slow
def test_app_cypher_slow_query_is_stopped(app_env):
    at = started("cypher")
    at.number_input(key="timeout").set_value(0.2).run()
    at.text_area(key="cypher_text").input("MATCH (a)-[*1..6]-(b) RETURN count(*)").run()
    at.button(key="run_cypher").click().run()
    assert not at.exception
    assert "took too long" in at.error[0].value


@pytest.mark.slow
def test_app_named_query_runs(app_env):
    at = started("cypher")
    at.selectbox(key="named_query").set_value("person_honours").run()
    at.text_input(key="param_person_honours_person").input(HOU).run()
    at.button(key="run_named").click().run()
    assert_clean(at)
    table = at.dataframe[0].value
    assert "广东省五一劳动奖章" in table.astype(str).to_string()


@pytest.mark.slow
def test_app_named_query_missing_parameter_is_a_message(app_env):
    at = started("cypher")
    at.selectbox(key="named_query").set_value("union_hierarchy").run()
    at.button(key="run_named").click().run()
    assert not at.exception
    assert "organisation" in at.error[0].value


@pytest.mark.slow
def test_app_lineage_has_markdown_with_footnotes(app_env):
    at = started("lineage")
    at.text_input(key="lineage_entity").input(HOU).run()
    assert_clean(at)
    text = markdown_text(at)
    assert "广东省五一劳动奖章" in text and "[^1]" in text
    assert re.search(r"^\[\^1\]: foshan-2024-industrial-workers\.txt", text, re.M)
    assert at.get("download_button")


@pytest.mark.slow
def test_app_every_view_starts_clean(app_env):
    at = started()
    for view in ("search", "profile", "network", "cypher", "lineage"):
        at.sidebar.radio(key="view").set_value(view).run()
        assert_clean(at)


# -- honours app --------------------------------------------------------------------------------
def test_app_command_runs_streamlit_headless_offline(tmp_path: Path):
    cmd = streamlit_command(8600)
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith("app_streamlit.py")
    assert "--server.headless" in cmd and "--browser.gatherUsageStats" in cmd
    assert cmd[cmd.index("--browser.gatherUsageStats") + 1] == "false"
    assert cmd[cmd.index("--server.port") + 1] == "8600"
    assert app_environment(tmp_path, None)[ENV_DB] == str(tmp_path.resolve())


def test_session_store_version_changes_when_the_store_is_written(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert store_version(str(tmp_path / "missing")) == 0.0
    (tmp_path / "graph.lbdb").write_bytes(b"x")
    first = store_version(str(tmp_path))
    os.utime(tmp_path / "graph.lbdb", (first + 5, first + 5))
    assert store_version(str(tmp_path)) > first
