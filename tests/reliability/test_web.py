"""The web server against a hostile visitor: no answer of 500 or more, no traceback on the
console, the costly SQL call refused with an error, the Host checked, no file path in the
public JSON, XSS payloads escaped."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsgraph.web.server import app_for
from tests.reliability.harness import XSS, hostile_urls


def run(coroutine):
    with ThreadPoolExecutor(1) as pool:  # a loop of its own (Playwright may hold this one)
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def answers(sample_db):
    datasette = app_for(sample_db)

    async def scan():
        await datasette.invoke_startup()
        found = {}
        for url in hostile_urls("newsgraph"):
            response = await datasette.client.get(url)
            found[url] = (response.status_code, response.text)
        return found

    console = io.StringIO()
    with contextlib.redirect_stderr(console):
        found = run(scan())
    found["console"] = (0, console.getvalue())
    return found


def test_no_hostile_url_gets_a_server_error(answers):
    assert {url: status for url, (status, _) in answers.items() if status >= 500} == {}
    assert "Traceback" not in answers["console"][1]


def test_unknown_paths_are_404(answers):
    for url in ("/a/b/c/d/e/f", "/-/newsgraph/tiles/99/1/1.png", "/-/threads.json"):
        assert answers[url][0] == 404, url


def test_the_costly_sql_calls_are_stopped_with_an_error(answers):
    for call in ("printf", "format", "zeroblob", "randomblob", "hex"):
        [(status, body)] = [answer for url, answer in answers.items()
                            if ("sql=" in url and f"select%20{call}" in url)
                            or f"select%20length%28{call}" in url]
        error = json.loads(body)["error"]
        assert status == 400, (call, body)
        assert "not authorized" in error or "too big" in error, (call, error)


def test_long_filter_values_are_400_with_the_limit(answers):
    for url, (status, body) in answers.items():
        if url.startswith(("/quotes?speaker=xxx", "/events?actor=xxx", "/search?q=xxx")):
            assert status == 400 and "at most 500" in body, url


def test_xss_payloads_are_escaped(answers):
    for url, (_, body) in answers.items():
        for payload in XSS:
            if payload.startswith("<"):
                assert payload not in body, url


def test_the_public_json_names_no_file_path(sample_db):
    datasette = app_for(sample_db)

    async def get():
        await datasette.invoke_startup()
        return [(await datasette.client.get(url)).text
                for url in ("/-/databases.json", "/.json", "/-/versions.json",
                            "/-/plugins.json", "/-/settings.json", "/-/metadata.json")]

    for body in run(get()):
        assert str(sample_db.parent) not in body
        assert "/tmp/" not in body


def test_a_foreign_host_is_refused_when_bound_to_loopback(sample_db):
    datasette = app_for(sample_db)

    async def get(host):
        await datasette.invoke_startup()
        response = await datasette.client.get("/-/versions.json", headers={"host": host})
        return response.status_code

    assert run(get("evil.example:8001")) == 400
    assert run(get("127.0.0.1:8001")) == 200
    assert run(get("localhost")) == 200
    datasette.newsgraph_hosts = None  # `serve --host 0.0.0.0`: any name is its own
    assert run(get("evil.example:8001")) == 200
