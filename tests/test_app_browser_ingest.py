"""Upload and ingest in a real headless Chromium: the uploader, the preview, storing, then search.

``honours app --max-upload-mb 1`` serves a store of its own (one example document, built with
``honours ingest`` in tmp_path; the store of ``test_app_browser.py`` is never written). Playwright
sets the uploader's files: a fictional award-news item with quotes in its name, a binary file
named .txt and a file over the limit. The page previews the facts, stores them with a progress
bar, and the search view then finds the new person; the example stored before is still found.
The test fails on any console error or uncaught page error and on any request to a host other
than localhost. Screenshots go to ``test-artifacts/``.
"""
from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.test_app_browser import (ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, PAGE_ERROR, ROOT, WAIT_MS,
                                    free_port, honours_command)
from tests.test_app_ingest import QUOTED, SHAOGUAN

EXAMPLE = ROOT / "examples" / "jiangmen-may-day-2023-04-28.txt"  # 李振华, stored before the upload
WARNING = '[data-testid="stAlertContentWarning"]'

pytestmark = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is missing: install Debian's chromium "
                       "(and fonts-noto-cjk), as .ci/run does"),
]


@contextlib.contextmanager
def serving(db: Path, log: Path, *options: str) -> Iterator[str]:
    """``honours app`` on ``db`` at a free port until the block ends (Streamlit stopped with it)."""
    port = free_port()
    with log.open("w") as out:  # its own process group: `honours app` runs Streamlit as a child
        proc = subprocess.Popen([*honours_command(), "app", "--db", str(db), "--port", str(port), *options],
                                stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
    try:
        url = f"http://localhost:{port}"
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"honours app exited with {proc.returncode}:\n{log.read_text()}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
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


@pytest.fixture(scope="module")
def ingest_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a store of its own holding one example document, uploads limited to 1 MB."""
    base = tmp_path_factory.mktemp("browser-ingest")
    db = base / "store"
    done = subprocess.run([*honours_command(), "ingest", "--db", str(db), str(EXAMPLE)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    with serving(db, base / "app.log", "--max-upload-mb", "1") as url:
        yield url


def test_browser_upload_preview_store_then_search(ingest_url: str):
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
            context = browser.new_context(viewport={"width": 1400, "height": 1400}, locale="zh-CN")
            context.on("request", on_request)
            context.on("console", on_console)
            page = context.new_page()
            page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
            page.set_default_timeout(WAIT_MS)

            def shot(name: str) -> None:
                page.wait_for_timeout(500)  # let the last rerun paint
                page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)
                expect(page.locator(PAGE_ERROR)).to_have_count(0)

            def act(action, effect, tries: int = 3) -> None:
                """Do ``action`` until ``effect`` shows (Streamlit may drop a click during a rerun)."""
                for attempt in range(tries):
                    action()
                    try:
                        expect(effect).to_be_visible(timeout=10_000)
                        return
                    except AssertionError:
                        if attempt == tries - 1:
                            raise

            page.goto(ingest_url)
            act(lambda: page.get_by_test_id("stSidebar").get_by_text("上传与导入 · Ingest", exact=True).click(),
                page.locator(".st-key-ingest_files"))
            expect(page.get_by_text("每个文件不超过 1 MB")).to_be_visible()

            # a file over the limit: Streamlit refuses it in the browser, with a message, before sending it
            chooser = page.locator(".st-key-ingest_files input[type=file]")
            chooser.set_input_files([{"name": "太大.txt", "mimeType": "text/plain", "buffer": b"x" * 1_600_000}])
            expect(page.locator(".st-key-ingest_files").get_by_text("太大.txt")).to_be_visible()
            page.locator(".st-key-ingest_files").get_by_text("太大.txt").hover()
            expect(page.get_by_text("File must be 1.0MB or smaller.")).to_be_visible()
            shot("ingest-too-big")

            # a news item (quotes in its name) and a binary file named .txt
            chooser.set_input_files([
                {"name": QUOTED, "mimeType": "text/plain", "buffer": SHAOGUAN.encode("utf-8")},
                {"name": "图片.txt", "mimeType": "text/plain", "buffer": bytes(range(256)) * 4},
            ])
            expect(page.locator(".st-key-ingest_files").get_by_text(QUOTED)).to_be_visible()
            page.wait_for_timeout(1000)  # the rerun that takes the files in
            act(page.locator(".st-key-ingest_extract button").click, page.get_by_role("heading", name=QUOTED))
            expect(page.locator(WARNING).filter(has_text="图片.txt")).to_be_visible()
            expect(page.locator(WARNING).filter(has_text="binary")).to_be_visible()
            # the tables are drawn on a canvas; their cells (long ones cut) are in the page for screen readers
            cells = page.locator("[role=gridcell]")
            expect(cells.filter(has_text="获奖者: 周立新；荣誉: 韶关市五一劳动奖章；年份: 2024")).to_have_count(1)
            expect(cells.filter(has_text="授予韶关市明远机械有限公司钳工周立新").first).to_be_attached()  # the quote
            shot("ingest-preview")

            act(page.locator(".st-key-ingest_store button").click,
                page.get_by_text("已存入 1 篇文献", exact=False))
            expect(page.get_by_text("1 个文件未导入", exact=False)).to_be_visible()
            expect(page.get_by_role("heading", name=QUOTED)).to_have_count(0)
            shot("ingest-stored")

            # search, same session: the new person, and the one stored before
            act(lambda: page.get_by_test_id("stSidebar").get_by_text("搜索 · Search", exact=True).click(),
                page.locator(".st-key-search_text input"))
            search = page.locator(".st-key-search_text input")
            for name in ("李振华", "周立新"):  # stored before the upload, then the new one
                search.fill(name)
                search.press("Enter")
                expect(page.locator(".st-key-search_choice input")).to_have_value(
                    re.compile(name))
            shot("ingest-search")
            failed = False
        finally:
            if failed and page is not None:
                with contextlib.suppress(Exception):
                    page.screenshot(path=str(ARTIFACTS / "browser-ingest-failure.png"), full_page=True)
            browser.close()

    assert not errors, errors
    assert not remote, f"requests to other hosts than localhost: {remote}"
