"""Timelines (``viz.timeline``), the timeline view, the year range it shares with the network view,
expanding the network node by node, and the app timings of the benchmark, on a store of the
founding corpus built once with ``honours ingest``.

The expected answers are read off the corpus text:
- foshan-2024-industrial-workers.txt (2024): 侯嘉杰 is 车队副队长, has become 佛山市企业首席技师, and
  “在去年举行的广东省职工职业技能大赛氢能源客车维修技能竞赛中，他获得第一名，被授予广东省五一劳动奖章” (2023);
  市总工会党组书记、常务副主席蒋庆.
- guangdong-gongyun-2025-11.txt: name cards 杨中民 “2017年全国五一劳动奖章获得者”, 徐瑞华 2019,
  陈新 2021, 黄险波 2018; “‘广东省五一劳动奖章’获得者王涛” with no year.
- nanfang-gongbao-2025-10-29.txt: “市总工会主席李灿” (10月29日).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from graph import open_store
from honours.errors import QueryError
from viz.network import expanded_neighbourhood, neighbourhood
from viz.network_click import with_bridge
from viz.search import search
from viz.session import ENV_DB
from viz.timeline import COLUMNS, QUERIES, Item, in_years, timeline, timeline_frame
from viz.timeline_chart import timeline_chart
from tests.conftest import ROOT, assert_clean, opened_from_search, started
from tests.test_graph_neo4j_lint import lint  # noqa: F401  (Neo4j's parser, a module-scoped fixture)

HOU = "侯嘉杰"
MEDAL = "广东省五一劳动奖章"
CHIEF = "佛山市企业首席技师"
CONTEST = "广东省职工职业技能大赛氢能源客车维修技能竞赛"
NATIONAL = "全国五一劳动奖章"


# -- fixtures -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def store(corpus_db: Path):
    """The corpus store, open read-only."""
    with open_store(db=corpus_db, read_only=True) as opened:
        yield opened


def by_name(found, kind: str) -> dict[str, Item]:
    return {item.name: item for item in found.items if item.kind == kind}


def medal_award(store, person: str) -> str:
    """The id of the person's award node whose honour is 广东省五一劳动奖章."""
    return next(node for node, (kind, _) in neighbourhood(store, person, depth=1).nodes.items()
                if kind == "Award" and MEDAL in {name for _, name in neighbourhood(store, node, depth=1).nodes.values()})


# -- viz.timeline on the corpus store -----------------------------------------------------------
@pytest.mark.slow
def test_timeline_person_honours_with_their_years(store):
    found = timeline(store, HOU)
    assert (found.kind, found.name, found.supported) == ("Person", HOU, True)
    awards = by_name(found, "Award")
    assert set(awards) == {MEDAL, CHIEF}
    medal, chief = awards[MEDAL], awards[CHIEF]
    assert (medal.year, medal.basis) == (2023, "year")  # 去年 in a 2024 article
    assert "被授予广东省五一劳动奖章" in medal.quote
    assert medal.sources[0].document == "foshan-2024-industrial-workers.txt"
    assert "佛山" in (medal.detail or "")  # the recipient's organisation at the time
    # no year is written for the chief technician title: it is known by the article reporting it
    assert (chief.year, chief.basis) == (2024, "reported")


@pytest.mark.slow
def test_timeline_person_positions_and_events(store):
    found = timeline(store, HOU)
    position = by_name(found, "Position")["车队副队长"]
    assert (position.year, position.basis) == (2024, "as_of")
    assert position.detail == "佛山市汽车运输集团有限公司公交分公司"  # the fleet is in the title, as the gold writes it
    contest = by_name(found, "Event")[CONTEST]  # his name follows the sentence of the competition
    assert (contest.year, contest.basis) == (2023, "date")
    years = [i.year for i in found.items]
    assert years == sorted(years)  # earliest first (nothing undated here)


@pytest.mark.slow
def test_timeline_honour_recipients_by_year(store):
    found = timeline(store, NATIONAL)
    assert found.kind == "Honour"
    years = {item.name: item.year for item in found.items if item.basis == "year"}
    assert {"杨中民": 2017, "黄险波": 2018, "徐瑞华": 2019, "陈新": 2021}.items() <= years.items()
    dated = [i.year for i in found.items if i.year is not None]
    assert dated == sorted(dated)
    medal = {item.name: item for item in timeline(store, MEDAL).items}
    assert medal[HOU].year == 2023
    assert (medal["王涛"].basis, medal["王涛"].date) == ("reported", "2025-11")


@pytest.mark.slow
def test_timeline_organisation_positions_held_in_it(store):
    found = timeline(store, "佛山市总工会")
    assert found.kind == "Organisation"
    held = {(item.detail, item.name): item.year for item in found.items if item.kind == "Position"}
    assert held[("蒋庆", "党组书记")] == 2024 and held[("蒋庆", "常务副主席")] == 2024
    assert held[("李灿", "主席")] == 2025


@pytest.mark.slow
def test_timeline_year_range_leaves_out_other_years(store):
    later = timeline(store, HOU, years=(2024, 2025))
    assert MEDAL not in by_name(later, "Award") and CHIEF in by_name(later, "Award")
    assert all(item.year is None or 2024 <= item.year <= 2025 for item in later.items)
    assert {i.id for i in later.items} < {i.id for i in timeline(store, HOU).items}


def test_timeline_in_years_keeps_undated_items():
    undated = Item("award-1", "Award", "x", None, None, None, "reported")
    dated = Item("award-2", "Award", "y", None, 2020, "2020", "year")
    assert in_years(undated, (2024, 2025)) and in_years(dated, None)
    assert not in_years(dated, (2021, 2025)) and in_years(dated, (2020, 2020))


@pytest.mark.slow
def test_timeline_unknown_entity_is_a_query_error(store):
    with pytest.raises(QueryError, match="无此人"):
        timeline(store, "无此人")


@pytest.mark.slow
def test_timeline_studio_has_no_timeline(store):
    studio = next(h for h in search(store, "工作室", limit=100) if h.kind == "Studio")
    found = timeline(store, studio.id)
    assert found.kind == "Studio" and not found.supported and found.items == []


@pytest.mark.slow
def test_timeline_frame_and_chart(store):
    found = timeline(store, HOU)
    frame = timeline_frame(found.items)
    assert tuple(frame.columns) == COLUMNS and len(frame) == len(found.items) >= 4
    spec = timeline_chart(frame, lang="zh").to_dict()
    assert len(spec["layer"]) == 2  # points and their names
    tooltips = {t["field"] for t in spec["layer"][0]["encoding"]["tooltip"]}
    assert {"name", "date", "kind_label", "quote", "source"} <= tooltips
    rows = next(iter(spec["datasets"].values()))
    medal = next(r for r in rows if r["name"] == MEDAL)
    assert (medal["year"], medal["kind_label"], medal["color"]) == (2023, "获奖", "#EDC948")
    assert timeline_chart(frame.iloc[0:0]) is None


def test_timeline_queries_pass_neo4j_parser(lint):  # noqa: F811  (the fixture imported above)
    statements = {f"{kind}.{q.kind}": q.cypher for kind, queries in QUERIES.items() for q in queries}
    problems = {name: diags for name, diags in lint(statements).items() if diags}
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


# -- network: expanding node by node ------------------------------------------------------------
@pytest.mark.slow
def test_network_expanded_neighbourhood_adds_one_step_around_a_node(store):
    person = search(store, HOU)[0].id
    near = neighbourhood(store, person, depth=1)  # his awards and position, not yet the honours
    medal = medal_award(store, person)
    grown = expanded_neighbourhood(store, person, [medal], depth=1)
    assert set(near.nodes) < set(grown.nodes) and near.edges < grown.edges
    assert MEDAL in {name for _, name in grown.nodes.values()}
    assert MEDAL not in {name for _, name in near.nodes.values()}


def test_network_click_bridge_is_added_before_body_end():
    page = "<html><body><div id='mynetwork'></div></body></html>"
    bridged, version = with_bridge(page)
    assert bridged.startswith("<html><body><div id='mynetwork'></div><script>")
    assert bridged.endswith("</script></body></html>")
    assert "streamlit:setComponentValue" in bridged and f'"{version}"' in bridged
    assert with_bridge(page)[1] == version != with_bridge(page + " ")[1]
    shell = (ROOT / "viz" / "network_click" / "index.html").read_text(encoding="utf-8")
    assert "streamlit:componentReady" in shell and "http" not in shell.lower().replace("html", "")


# -- the app ------------------------------------------------------------------------------------
@pytest.mark.slow
def test_app_timeline_shows_chart_and_table(app_env):
    at = started("timeline")
    at.text_input(key="timeline_entity").input(HOU).run()
    assert_clean(at)
    assert at.header[0].value == HOU
    table = at.dataframe[0].value
    rows = {(r["名称"], r["年份"]) for _, r in table.iterrows()}
    assert {(MEDAL, 2023), (CHIEF, 2024), ("车队副队长", 2024), (CONTEST, 2023)} <= rows
    assert "被授予广东省五一劳动奖章" in table.astype(str).to_string()
    assert at.get("vega_lite_chart")  # the Altair chart


@pytest.mark.slow
def test_app_timeline_in_english(app_env):
    at = started("timeline")
    at.sidebar.radio(key="lang").set_value("en").run()
    at.text_input(key="timeline_entity").input(MEDAL).run()
    assert_clean(at)
    table = at.dataframe[0].value
    assert {"Year", "Kind", "Name", "Dated by"} <= set(table.columns)
    assert set(table["Kind"]) == {"Award"} and HOU in set(table["Name"])


@pytest.mark.slow
def test_app_timeline_year_range_is_shared_with_network(app_env):
    at = started("timeline")
    at.text_input(key="timeline_entity").input(HOU).run()
    at.slider(key="timeline_years").set_range(2024, 2025).run()
    assert_clean(at)
    assert MEDAL not in set(at.dataframe[0].value["名称"])
    at.sidebar.radio(key="view").set_value("network").run()
    assert at.slider(key="network_years").value == (2024, 2025)
    at.slider(key="network_years").set_range(2016, 2023).run()
    at.sidebar.radio(key="view").set_value("timeline").run()
    assert at.slider(key="timeline_years").value == (2016, 2023)
    assert MEDAL in set(at.dataframe[0].value["名称"]) and CHIEF not in set(at.dataframe[0].value["名称"])


@pytest.mark.slow
def test_app_timeline_of_a_studio_says_what_has_timelines(app_env, store):
    studio = next(h for h in search(store, "工作室", limit=100) if h.kind == "Studio")
    at = started("timeline")
    at.text_input(key="timeline_entity").input(studio.id).run()
    assert_clean(at)
    assert "人物、机构和荣誉" in at.info[0].value


@pytest.mark.slow
def test_app_search_opens_timeline(app_env):
    at = opened_from_search("hou jiajie", "timeline")
    assert at.header[0].value == HOU


@pytest.mark.slow
def test_app_network_expand_by_selectbox_then_collapse(app_env, store):
    award = medal_award(store, search(store, HOU)[0].id)
    at = started("network")
    at.text_input(key="network_entity").input(HOU).run()
    at.slider(key="network_depth").set_value(1).run()
    before = at.selectbox(key="network_expand").options
    assert not any(MEDAL in option for option in before)
    at.selectbox(key="network_expand").set_value(award).run()
    assert_clean(at)
    after = at.selectbox(key="network_expand").options
    assert any(option.startswith(MEDAL) for option in after)  # the award's honour is now shown
    assert at.selectbox(key="network_expand").value is None  # ready for the next one
    assert any(c.value.startswith("已展开") for c in at.caption)
    at.button(key="network_reset").click().run()
    assert_clean(at)
    assert at.selectbox(key="network_expand").options == before


# -- the benchmark's app timings ----------------------------------------------------------------
@pytest.mark.slow
def test_bench_measure_app_times_every_view(corpus_db: Path):
    from honours.bench.app import measure_app

    before = os.environ.get(ENV_DB)
    times = measure_app(corpus_db)
    assert os.environ.get(ENV_DB) == before  # the store it was pointed at is forgotten afterwards
    assert set(times) == {"first_render", "search", "profile", "network", "timeline", "lineage", "cypher",
                          "cypher_query"}
    assert all(seconds > 0 for seconds in times.values()), times
