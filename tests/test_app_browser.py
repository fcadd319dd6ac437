"""The app in a real headless Chromium, on a store of the founding corpus (issue 6's quality bar).

``honours app`` serves the store; Playwright for Python drives Debian's ``chromium`` (no browser
download): search, open a profile, render the network, run a named query, download a lineage.
The test fails on any console error or uncaught page error, and on any request to a host other
than localhost, from the page or from a frame inside it (the pyvis network's iframe). Screenshots of
each view go to ``test-artifacts/`` (gitignored). Chinese needs a CJK font (Debian's
``fonts-noto-cjk``, installed by ``.ci/run``) or it renders as empty boxes.
"""
from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
HOU = "侯嘉杰"
HONOUR = "广东省五一劳动奖章"
WAIT_MS = 30_000
# an error message (st.error) or a traceback (st.exception) in the page
PAGE_ERROR = '[data-testid="stAlertContentError"], [data-testid="stException"]'

pytestmark = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is missing: install Debian's chromium "
                       "(and fonts-noto-cjk), as .ci/run does"),
]


def honours_command() -> list[str]:
    """The ``honours`` console script of this interpreter's environment (or the same entry point)."""
    script = Path(sys.executable).with_name("honours")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from honours.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(corpus_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``honours app`` serving the corpus store on a free port; stopped (with Streamlit) afterwards."""
    port = free_port()
    log = tmp_path_factory.mktemp("browser-app") / "app.log"
    with log.open("w") as out:
        # its own process group: `honours app` runs Streamlit as a child, and both must stop
        proc = subprocess.Popen([*honours_command(), "app", "--db", str(corpus_db), "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
    try:
        url = f"http://localhost:{port}"
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"honours app exited with {proc.returncode}:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"honours app not healthy within 60 s:\n{log.read_text()}")
            time.sleep(0.3)
        yield url
    finally:
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(proc.pid, sig)
                proc.wait(timeout=wait)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue


def test_browser_search_profile_network_query_lineage(app_url: str):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    expect.set_options(timeout=WAIT_MS)
    errors: list[str] = []
    remote: list[str] = []

    def on_console(message) -> None:
        if message.type == "error":
            errors.append(f"console: {message.text} ({message.location})")

    def on_request(request) -> None:
        host = urlsplit(request.url).hostname or ""
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in LOCAL_HOSTS:
            remote.append(request.url)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page, failed = None, True
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="zh-CN",
                                          accept_downloads=True)
            # context-wide: requests and console messages of every page and of frames inside them
            context.on("request", on_request)
            context.on("console", on_console)
            page = context.new_page()
            page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
            page.set_default_timeout(WAIT_MS)

            def shot(name: str) -> None:
                """Save the view's screenshot; the view shows no error message or traceback."""
                page.wait_for_timeout(500)  # let the last rerun paint
                page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)
                expect(page.locator(PAGE_ERROR)).to_have_count(0)

            def act(action, effect, tries: int = 3) -> None:
                """Do ``action`` until ``effect`` shows: Streamlit can drop a click that lands while
                it re-renders the page after the previous input, so a missing effect means once more."""
                for attempt in range(tries):
                    action()
                    try:
                        expect(effect).to_be_visible(timeout=10_000)
                        return
                    except AssertionError:
                        if attempt == tries - 1:
                            raise

            def open_view(label: str, effect) -> None:
                act(lambda: page.get_by_test_id("stSidebar").get_by_text(label, exact=True).click(), effect)

            def choose_query(name: str) -> None:
                page.locator(".st-key-named_query").click()
                page.get_by_role("option", name=name).click()

            # search: pinyin finds 侯嘉杰; open the profile
            page.goto(app_url)
            search = page.locator(".st-key-search_text input")
            search.fill("hou jiajie")
            search.press("Enter")
            expect(page.locator(".st-key-search_choice input")).to_have_value(re.compile(HOU))  # the first hit
            shot("search")
            act(page.locator(".st-key-open_profile button").click, page.get_by_role("heading", name=HOU))
            expect(page.get_by_text(HONOUR).first).to_be_visible()
            shot("profile")

            # network: the neighbourhood drawn by vis-network in the component's iframe
            open_view("关系网络 · Network", page.frame_locator("iframe").first.locator("#mynetwork canvas"))
            page.wait_for_timeout(2000)  # the physics layout settles before the screenshot
            shot("network")

            # Cypher console: a named query with its parameter, a table and a CSV download
            open_view("Cypher 查询 · Cypher console", page.locator(".st-key-named_query"))
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
            shot("cypher")

            # lineage: the Markdown download carries footnoted sources
            open_view("荣誉谱系导出 · Lineage export", page.locator(".st-key-download_lineage button"))
            with page.expect_download() as md_download:
                page.locator(".st-key-download_lineage button").click()
            markdown = Path(md_download.value.path()).read_text(encoding="utf-8")
            assert HONOUR in markdown and "[^1]:" in markdown
            expect(page.get_by_text(HONOUR).first).to_be_visible()
            shot("lineage")
            failed = False
        finally:
            if failed and page is not None:  # the page as it was when a step failed
                with contextlib.suppress(Exception):
                    page.screenshot(path=str(ARTIFACTS / "browser-failure.png"), full_page=True)
            browser.close()

    assert not errors, errors
    assert not remote, f"requests to other hosts than localhost: {remote}"


def test_browser_timeline_chart_and_network_click_expand(app_url: str):
    """The timeline of 侯嘉杰 draws its Altair chart (Chinese names, a tooltip with the quote); in the
    network, a mouse click on a node adds its neighbours (the click reaches the app through the
    network's component frame). No console error, nothing fetched from another host."""
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    expect.set_options(timeout=WAIT_MS)
    errors: list[str] = []
    remote: list[str] = []

    def on_request(request) -> None:
        host = urlsplit(request.url).hostname or ""
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in LOCAL_HOSTS:
            remote.append(request.url)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page, failed = None, True
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1400}, locale="zh-CN")
            context.on("request", on_request)
            context.on("console", lambda m: m.type == "error" and errors.append(f"console: {m.text}"))
            page = context.new_page()
            page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
            page.set_default_timeout(WAIT_MS)
            sidebar = page.get_by_test_id("stSidebar")

            # timeline: the chart (SVG drawn by Streamlit's own vega-embed) names the honours
            page.goto(app_url)
            sidebar.get_by_text("时间线 · Timeline", exact=True).click()
            entity = page.locator(".st-key-timeline_entity input")
            entity.fill(HOU)
            entity.press("Enter")
            chart = page.locator('[data-testid="stVegaLiteChart"]')
            medal = chart.locator("svg text", has_text=HONOUR)
            expect(medal).to_be_visible()
            expect(chart.locator("svg text", has_text="副队长")).to_be_visible()
            medal.hover()
            expect(page.locator("#vg-tooltip-element")).to_contain_text("被授予广东省五一劳动奖章")
            page.wait_for_timeout(500)
            page.screenshot(path=str(ARTIFACTS / "browser-timeline.png"), full_page=True)
            expect(page.locator(PAGE_ERROR)).to_have_count(0)

            # network of the same person: click the honour's node, its other recipients' awards join
            sidebar.get_by_text("关系网络 · Network", exact=True).click()
            canvas = page.frame_locator("iframe").first.locator("#mynetwork canvas")
            expect(canvas).to_be_visible()
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
            page.screenshot(path=str(ARTIFACTS / "browser-network-expanded.png"), full_page=True)
            expect(page.locator(PAGE_ERROR)).to_have_count(0)
            failed = False
        finally:
            if failed and page is not None:
                with contextlib.suppress(Exception):
                    page.screenshot(path=str(ARTIFACTS / "browser-timeline-failure.png"), full_page=True)
            browser.close()

    assert not errors, errors
    assert not remote, f"requests to other hosts than localhost: {remote}"
