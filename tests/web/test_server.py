"""`newsgraph serve`: loopback, read-only, refusing what is not a store."""

from __future__ import annotations

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.web.server import app_for


def run(coroutine_function):
    """asyncio.run in a thread of its own: Playwright's sync API keeps a loop running in this
    one for the session."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine_function()).result()


def test_serve_defaults_to_loopback_and_needs_a_store(tmp_path):
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "127.0.0.1" in help_text and "8001" in help_text
    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0 and "no database" in missing.output
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("PRAGMA user_version = 99").connection.close()
    refused = CliRunner().invoke(main, ["serve", "--db", str(other)])
    assert refused.exit_code != 0 and "upgrade newsgraph" in refused.output


def test_served_store_cannot_be_written(sample_db):
    datasette = app_for(sample_db)

    async def attempt() -> None:
        await datasette.invoke_startup()
        database = datasette.get_database("newsgraph")
        rows = await database.execute("SELECT count(*) FROM documents")
        assert rows.first()[0] == 3
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
            await database.execute_write("DELETE FROM documents")

    run(attempt)
    with sqlite3.connect(sample_db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def test_pages_answer_through_datasette(sample_db):
    datasette = app_for(sample_db)

    async def fetch() -> dict[str, int]:
        statuses = {}
        for path in ("/", "/events", "/quotes?speaker=Pushilin", "/search?q=miners",
                     "/entity/no:such", "/article/none", "/-/newsgraph/tiles/0/0/0.png",
                     "/newsgraph/documents.json"):
            statuses[path] = (await datasette.client.get(path)).status_code
        return statuses

    assert run(fetch) == {
        "/": 200, "/events": 200, "/quotes?speaker=Pushilin": 200, "/search?q=miners": 200,
        "/entity/no:such": 404, "/article/none": 404, "/-/newsgraph/tiles/0/0/0.png": 200,
        "/newsgraph/documents.json": 200}


def test_bad_filter_values_are_400_with_the_message(sample_db):
    datasette = app_for(sample_db)

    async def fetch() -> dict[str, tuple[int, str]]:
        answers = {}
        for path in ("/quotes?from=2014-13-45", "/events?type=NOTATYPE", "/events?to=garbage",
                     "/quotes?kind=shouted", "/events?type=protest&from=2014-05",
                     "/quotes?to=yesterday"):
            response = await datasette.client.get(path)
            answers[path] = (response.status_code, response.text)
        return answers

    answers = run(fetch)
    assert answers["/quotes?from=2014-13-45"][0] == 400
    assert "&#39;2014-13-45&#39; is not a calendar date" in answers["/quotes?from=2014-13-45"][1]
    assert answers["/events?type=NOTATYPE"][0] == 400
    assert "is not a PLOVER event type: one of AGREE" in answers["/events?type=NOTATYPE"][1]
    assert answers["/events?to=garbage"][0] == 400
    assert answers["/quotes?kind=shouted"][0] == 400
    status, html = answers["/events?type=protest&from=2014-05"]
    assert status == 200 and "rallied" in html
    assert answers["/quotes?to=yesterday"][0] == 200
