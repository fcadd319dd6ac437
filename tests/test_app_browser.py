"""The app in a real headless Chromium, on a store of the founding corpus (issue 6's quality bar).

``honours app`` serves the store; Playwright for Python drives Debian's ``chromium`` (no browser
download): search, open a profile, render the network, run a named query, download a lineage.
The test fails on any console error or uncaught page error, and on any request to a host other
than localhost, from the page or from a frame inside it (the pyvis network's iframe). Screenshots of
each view go to ``test-artifacts/`` (gitignored). Chinese needs a CJK font (Debian's
``fonts-noto-cjk``, installed by ``.ci/run``) or it renders as empty boxes.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import BROWSER, act, open_view, serving, shot, watched_page

HOU = "侯嘉杰"
HONOUR = "广东省五一劳动奖章"

pytestmark = BROWSER


@pytest.fixture(scope="module")
def app_url(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``honours app`` serving the corpus store on a free port; stopped (with Streamlit) afterwards."""
    with serving(corpus_db, tmp_path_factory.mktemp("browser-app") / "app.log") as url:
        yield url


def test_browser_search_profile_network_query_lineage(app_url: str):
    from playwright.sync_api import expect

    with watched_page("failure", height=1600, accept_downloads=True) as page:

        def choose_query(name: str) -> None:
            page.locator(".st-key-named_query").click()
            page.get_by_role("option", name=name).click()

        # search: pinyin finds 侯嘉杰; open the profile
        page.goto(app_url)
        search = page.locator(".st-key-search_text input")
        search.fill("hou jiajie")
        search.press("Enter")
        expect(page.locator(".st-key-search_choice input")).to_have_value(re.compile(HOU))  # the first hit
        shot(page, "search")
        act(page.locator(".st-key-open_profile button").click, page.get_by_role("heading", name=HOU))
        expect(page.get_by_text(HONOUR).first).to_be_visible()
        shot(page, "profile")

        # network: the neighbourhood drawn by vis-network in the component's iframe
        open_view(page, "关系网络 · Network", page.frame_locator("iframe").first.locator("#mynetwork canvas"))
        page.wait_for_timeout(2000)  # the physics layout settles before the screenshot
        shot(page, "network")

        # Cypher console: a named query with its parameter, a table and a CSV download
        open_view(page, "Cypher 查询 · Cypher console", page.locator(".st-key-named_query"))
        person = page.locator(".st-key-param_person_honours_person input")
        act(lambda: choose_query("person_honours"), person)
        person.fill(HOU)
        person.press("Enter")
        page.wait_for_timeout(1000)  # the rerun that takes the parameter in
        act(page.locator(".st-key-run_named button").click,
            page.get_by_text(re.compile(r"^[1-9][0-9]* 行$")))  # the row count under the table
        with page.expect_download() as csv_download:
            page.locator(".st-key-csv_person_honours button").click()
        csv = Path(csv_download.value.path()).read_text(encoding="utf-8")
        assert HONOUR in csv
        shot(page, "cypher")

        # lineage: the Markdown download carries footnoted sources
        open_view(page, "荣誉谱系导出 · Lineage export", page.locator(".st-key-download_lineage button"))
        with page.expect_download() as md_download:
            page.locator(".st-key-download_lineage button").click()
        markdown = Path(md_download.value.path()).read_text(encoding="utf-8")
        assert HONOUR in markdown and "[^1]:" in markdown
        expect(page.get_by_text(HONOUR).first).to_be_visible()
        shot(page, "lineage")


def test_browser_timeline_chart_and_network_click_expand(app_url: str):
    """The timeline of 侯嘉杰 draws its Altair chart (Chinese names, a tooltip with the quote); in the
    network, a mouse click on a node adds its neighbours (the click reaches the app through the
    network's component frame). No console error, nothing fetched from another host."""
    from playwright.sync_api import expect

    with watched_page("timeline-failure") as page:
        # timeline: the chart (SVG drawn by Streamlit's own vega-embed) names the honours
        page.goto(app_url)
        entity = page.locator(".st-key-timeline_entity input")
        open_view(page, "时间线 · Timeline", entity)
        entity.fill(HOU)
        entity.press("Enter")
        chart = page.locator('[data-testid="stVegaLiteChart"]')
        medal = chart.locator("svg text", has_text=HONOUR)
        expect(medal).to_be_visible()
        expect(chart.locator("svg text", has_text="车队副队长")).to_be_visible()
        medal.hover()
        expect(page.locator("#vg-tooltip-element")).to_contain_text("被授予广东省五一劳动奖章")
        shot(page, "timeline")

        # network of the same person: click the honour's node, its other recipients' awards join
        canvas = page.frame_locator("iframe").first.locator("#mynetwork canvas")
        open_view(page, "关系网络 · Network", canvas)
        page.wait_for_timeout(3000)  # the physics layout settles
        before = canvas.evaluate("() => nodes.length")
        spot = canvas.evaluate("""(_, name) => { const node = nodes.get().find(n => n.label === name);
                                   return network.canvasToDOM(network.getPositions([node.id])[node.id]); }""",
                               HONOUR)
        canvas.click(position={"x": spot["x"], "y": spot["y"]})
        expect(page.get_by_text(f"已展开: {HONOUR} · 荣誉")).to_be_visible()
        canvas = page.frame_locator("iframe").first.locator("#mynetwork canvas")
        expect(canvas).to_be_visible()
        page.wait_for_timeout(2000)
        assert canvas.evaluate("() => nodes.length") > before
        shot(page, "network-expanded")
