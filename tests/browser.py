"""What the real-browser tests of the app share: ``honours app`` served on a store in a process of its
own, Debian's headless Chromium driven by Playwright, and a page watched for console errors, page
errors and requests to other hosts than localhost. Screenshots go to ``test-artifacts/`` (gitignored).
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
WAIT_MS = 30_000
# an error message (st.error) or a traceback (st.exception) in the page
PAGE_ERROR = '[data-testid="stAlertContentError"], [data-testid="stException"]'

# the marks of a real-browser test module (``pytestmark = BROWSER``): skipped where Chromium is missing
BROWSER = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is missing: install Debian's chromium "
                       "(and fonts-noto-cjk), as .ci/run does"),
]


def honours_command() -> list[str]:
    """The ``honours`` console script of this interpreter's environment (or the same entry point)."""
    script = Path(sys.executable).with_name("honours")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from honours.cli import main; main()"]


def free_port() -> int:
    """A TCP port on localhost that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ingested(db: Path, *sources: Path) -> Path:
    """``db`` after ``honours ingest`` of ``sources`` into it (the command must succeed)."""
    done = subprocess.run([*honours_command(), "ingest", "--db", str(db), *map(str, sources)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return db


@contextlib.contextmanager
def serving(db: Path, log: Path, *options: str) -> Iterator[str]:
    """The URL of ``honours app`` on ``db`` at a free port until the block ends (Streamlit stopped with it)."""
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


@contextlib.contextmanager
def watched_page(failure: str, height: int = 1400, **context_options: Any) -> Iterator[Page]:
    """A Playwright page in headless Chromium (zh-CN, 1400 px wide) for the block; when the block fails,
    its screenshot ``browser-{failure}.png``; when it ends, the assertion that no console error, no
    uncaught page error and no request to another host than localhost (from the page or a frame inside
    it) happened."""
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
        try:
            context = browser.new_context(viewport={"width": 1400, "height": height}, locale="zh-CN",
                                          **context_options)
            # context-wide: requests and console messages of every page and of frames inside them
            context.on("request", on_request)
            context.on("console", on_console)
            page = context.new_page()
            page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
            page.set_default_timeout(WAIT_MS)
            try:
                yield page
            except BaseException:  # the page as it was when a step failed
                with contextlib.suppress(Exception):
                    page.screenshot(path=str(ARTIFACTS / f"browser-{failure}.png"), full_page=True)
                raise
        finally:
            browser.close()

    assert not errors, errors
    assert not remote, f"requests to other hosts than localhost: {remote}"


def shot(page: Page, name: str) -> None:
    """Save the view's screenshot as ``browser-{name}.png``; the view shows no error message or traceback."""
    from playwright.sync_api import expect

    page.wait_for_timeout(500)  # let the last rerun paint
    page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)
    expect(page.locator(PAGE_ERROR)).to_have_count(0)


def act(action: Callable[[], Any], effect: Locator, tries: int = 3) -> None:
    """Do ``action`` until ``effect`` (a locator) shows: Streamlit can drop a click that lands while it
    re-renders the page after the previous input, so a missing effect means once more."""
    from playwright.sync_api import expect

    for attempt in range(tries):
        action()
        try:
            expect(effect).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            if attempt == tries - 1:
                raise


def open_view(page: Page, label: str, effect: Locator) -> None:
    """Choose the view ``label`` in the sidebar until ``effect`` (a locator of that view) shows."""
    act(lambda: page.get_by_test_id("stSidebar").get_by_text(label, exact=True).click(), effect)
