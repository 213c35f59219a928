"""The sample store (tests/conftest.py), served by `newsgraph serve`'s app on a
free loopback port for the session, and a headless Chromium to look at it."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

SCREENSHOTS: list[Path] = []


@pytest.fixture(scope="session")
def server(sample_db):
    """The app `newsgraph serve` runs, in a thread: yields its base URL."""
    import uvicorn

    from newsgraph.web.server import app_for, free_port

    port = free_port()
    config = uvicorn.Config(app_for(sample_db).app(), host="127.0.0.1", port=port,
                            log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


def chromium_path() -> str:
    """Debian's Chromium (make test installs it); NEWSGRAPH_CHROMIUM may name another."""
    path = os.environ.get("NEWSGRAPH_CHROMIUM") or shutil.which("chromium") \
        or shutil.which("chromium-browser")
    if not path:
        pytest.fail("no Chromium: `make test` installs Debian's chromium package "
                    "(or set NEWSGRAPH_CHROMIUM to a Chromium executable)")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"])
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def page(browser, server, screenshot_dir):
    """A fresh page that records every request leaving for somewhere other than the server,
    and every script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.outside_requests = []
    opened.errors = []
    opened.on("request", lambda request: None if request.url.startswith((server, "data:"))
              else opened.outside_requests.append(request.url))
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    yield opened
    context.close()


def shoot(page, screenshot_dir: Path, name: str) -> Path:
    path = screenshot_dir / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    SCREENSHOTS.append(path)
    return path


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS:
        terminalreporter.write_line(f"newsgraph page screenshots: {SCREENSHOTS[0].parent}")
