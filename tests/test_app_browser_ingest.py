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

import re
from collections.abc import Iterator

import pytest

from tests.browser import BROWSER, ROOT, act, ingested, open_view, serving, shot, watched_page
from tests.test_app_ingest import QUOTED, SHAOGUAN

EXAMPLE = ROOT / "examples" / "jiangmen-may-day-2023-04-28.txt"  # 李振华, stored before the upload
WARNING = '[data-testid="stAlertContentWarning"]'

pytestmark = BROWSER


@pytest.fixture(scope="module")
def ingest_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a store of its own holding one example document, uploads limited to 1 MB."""
    base = tmp_path_factory.mktemp("browser-ingest")
    db = ingested(base / "store", EXAMPLE)
    with serving(db, base / "app.log", "--max-upload-mb", "1") as url:
        yield url


def test_browser_upload_preview_store_then_search(ingest_url: str):
    from playwright.sync_api import expect

    with watched_page("ingest-failure") as page:
        page.goto(ingest_url)
        open_view(page, "上传与导入 · Ingest", page.locator(".st-key-ingest_files"))
        expect(page.get_by_text("每个文件不超过 1 MB")).to_be_visible()

        # a file over the limit: Streamlit refuses it in the browser, with a message, before sending it
        chooser = page.locator(".st-key-ingest_files input[type=file]")
        chooser.set_input_files([{"name": "太大.txt", "mimeType": "text/plain", "buffer": b"x" * 1_600_000}])
        expect(page.locator(".st-key-ingest_files").get_by_text("太大.txt")).to_be_visible()
        page.locator(".st-key-ingest_files").get_by_text("太大.txt").hover()
        expect(page.get_by_text("File must be 1.0MB or smaller.")).to_be_visible()
        shot(page, "ingest-too-big")

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
        shot(page, "ingest-preview")

        act(page.locator(".st-key-ingest_store button").click,
            page.get_by_text("已存入 1 篇文献", exact=False))
        expect(page.get_by_text("1 个文件未导入", exact=False)).to_be_visible()
        expect(page.get_by_role("heading", name=QUOTED)).to_have_count(0)
        shot(page, "ingest-stored")

        # search, same session: the new person, and the one stored before
        search = page.locator(".st-key-search_text input")
        open_view(page, "搜索 · Search", search)
        for name in ("李振华", "周立新"):  # stored before the upload, then the new one
            search.fill(name)
            search.press("Enter")
            expect(page.locator(".st-key-search_choice input")).to_have_value(re.compile(name))
        shot(page, "ingest-search")
