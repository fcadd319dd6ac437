"""Curation in a real headless Chromium: rename an organisation, reject a fact, then search and profile.

``honours app`` serves a store of its own (one example document, built with ``honours ingest`` in
tmp_path; the store of ``test_app_browser.py`` is never written). In the Curation view the test
renames 江门市中心医院 to a name with double quotes, an apostrophe and Markdown characters, and
rejects 郑丽娟's award, chosen from the facts the page lists, each decision with a note of its own.
The success messages and the decision log show both decisions as made (the open tab kept, the note
cleared after each); the search view finds the organisation under its new name and not under the
old one; 郑丽娟's profile keeps her position but no longer lists the award; and ``curation.jsonl``
in the store directory holds the two decisions. The test fails on any console error or uncaught
page error and on any request to a host other than localhost. Screenshots go to ``test-artifacts/``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import BROWSER, ROOT, act, ingested, open_view, serving, shot, watched_page

EXAMPLE = ROOT / "examples" / "jiangmen-may-day-2023-04-28.txt"
OLD_NAME = "江门市中心医院"
# quotes of both kinds, and characters Markdown would eat (emphasis, an escape)
NEW_NAME = "江门市\"中心\"医院'总院'*东区*\\二部"
NOTE = "OCR 错字：“中心”"
REJECT_NOTE = "获奖者是另一位郑丽娟"
PERSON = "郑丽娟"  # 江门市中心医院护士长, awarded 江门市五一劳动奖章
HONOUR = "江门市五一劳动奖章"
SUCCESS = '[data-testid="stAlertContentSuccess"]'

pytestmark = BROWSER


@pytest.fixture(scope="module")
def curation_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of its own holding one example document, built with ``honours ingest``."""
    return ingested(tmp_path_factory.mktemp("browser-curation") / "store", EXAMPLE)


@pytest.fixture(scope="module")
def curation_url(curation_db: Path) -> Iterator[str]:
    """The app serving ``curation_db`` on a free port; stopped (with Streamlit) afterwards."""
    with serving(curation_db, curation_db.parent / "app.log") as url:
        yield url


def test_browser_rename_and_reject_then_search_and_profile(curation_db: Path, curation_url: str):
    from playwright.sync_api import expect

    with watched_page("curation-failure") as page:

        def open_tab(name: str, effect) -> None:
            act(lambda: page.get_by_role("tab", name=name, exact=True).click(), effect)

        def type_in(key: str, value: str) -> None:
            """Fill the text box ``key`` and commit it (Enter), then wait for the rerun it starts."""
            box = page.locator(f".st-key-{key} input")
            box.fill(value)
            box.press("Enter")
            page.wait_for_timeout(1000)

        page.goto(curation_url)
        open_view(page, "人工校订 · Curation", page.locator(".st-key-curation_note input"))
        expect(page.get_by_text("还没有校订决定。")).to_be_visible()
        type_in("curation_note", NOTE)

        # rename: the organisation found by its name, then a new name typed in
        open_tab("改名", page.locator(".st-key-rename_query input"))
        type_in("rename_query", OLD_NAME)
        expect(page.locator(".st-key-rename_choice input")).to_have_value(re.compile(re.escape(OLD_NAME)))
        type_in("rename_name", NEW_NAME)
        shot(page, "curation-rename")
        act(page.locator(".st-key-rename_button button").click, page.locator(SUCCESS))
        expect(page.locator(SUCCESS)).to_contain_text(NEW_NAME)  # as typed, not read as Markdown
        expect(page.locator(".st-key-curation_note input")).to_have_value("")  # the note went with it
        expect(page.locator("[role=gridcell]").filter(has_text=NOTE)).to_have_count(1)  # the log drawn
        shot(page, "curation-renamed")

        # reject: 郑丽娟's facts listed by the page; her award chosen, its quote shown
        open_tab("驳回事实", page.locator(".st-key-reject_query input"))
        type_in("reject_query", PERSON)
        expect(page.locator(".st-key-reject_choice input")).to_have_value(re.compile(PERSON))
        page.locator(".st-key-reject_fact").click()
        options = page.get_by_role("option")
        expect(options.first).to_be_visible()
        listed = options.all_inner_texts()
        award = [o for o in listed if HONOUR in o]
        assert len(award) == 1 and any("护士长" in o for o in listed), listed
        page.get_by_role("option", name=award[0], exact=True).click()
        expect(page.locator(".st-key-reject_fact input")).to_have_value(award[0])
        expect(page.get_by_text(f"{PERSON} 江门市中心医院护士长").first).to_be_visible()  # its quote
        type_in("curation_note", REJECT_NOTE)
        shot(page, "curation-reject")
        act(page.locator(".st-key-reject_button button").click,
            page.locator(SUCCESS).filter(has_text="reject Award"))

        # the decision log: both decisions, newest first, with the note (cells of the canvas table)
        cells = page.locator("[role=gridcell]")
        expect(cells.filter(has_text=re.compile(r"^reject Award award-"))).to_have_count(1)
        expect(cells.filter(has_text=re.compile(r"^rename organisation-.* to “" + re.escape(NEW_NAME) + "”$"))
               ).to_have_count(1)
        expect(cells.filter(has_text=NOTE)).to_have_count(1)
        expect(cells.filter(has_text=REJECT_NOTE)).to_have_count(1)
        what = cells.filter(has_text=re.compile(r"^(reject|rename) ")).all_inner_texts()
        assert [w.split()[0] for w in what] == ["reject", "rename"], what
        shot(page, "curation-log")

        # search: the new name finds the organisation, the old one no longer does
        open_view(page, "搜索 · Search", page.locator(".st-key-search_text input"))
        type_in("search_text", NEW_NAME)
        expect(page.locator(".st-key-search_choice input")).to_have_value(re.compile(re.escape(NEW_NAME)))
        expect(cells.filter(has_text=NEW_NAME)).to_have_count(1)
        shot(page, "curation-search")
        type_in("search_text", OLD_NAME)
        expect(page.get_by_text("没有找到匹配的条目。")).to_be_visible()
        expect(page.locator(".st-key-search_choice")).to_have_count(0)

        # 郑丽娟's profile: her position is kept, the rejected award is gone
        type_in("search_text", PERSON)
        expect(page.locator(".st-key-search_choice input")).to_have_value(re.compile(PERSON))
        act(page.locator(".st-key-open_profile button").click, page.get_by_role("heading", name=PERSON))
        expect(page.get_by_role("heading", name=re.compile(r"^职务 \(1\)$"))).to_be_visible()
        expect(page.get_by_text("护士长").first).to_be_visible()
        expect(page.get_by_role("heading", name=re.compile(r"^获奖"))).to_have_count(0)
        expect(page.get_by_text(HONOUR)).to_have_count(0)
        # her hospital, under its new name, among the related entries
        expect(page.locator(".st-key-profile_related input")).to_have_value(re.compile(re.escape(NEW_NAME)))
        shot(page, "curation-profile")

    lines = (curation_db / "curation.jsonl").read_text(encoding="utf-8").splitlines()
    decisions = [json.loads(line) for line in lines]
    assert [(d["kind"], d["label"]) for d in decisions] == [("rename", "Organisation"), ("reject", "Award")]
    assert decisions[0]["name"] == NEW_NAME and decisions[0]["id"].startswith("organisation-")
    assert [d["note"] for d in decisions] == [NOTE, REJECT_NOTE]
    assert all(d["who"] and d["when"] for d in decisions)
