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


def test_percent_encoded_ids_are_the_same_page(sample_db, server):
    """/entity/person%3Adenis-pushilin is /entity/person:denis-pushilin: through Datasette's
    client and through the real server (uvicorn hands the router the raw path)."""
    import urllib.request

    datasette = app_for(sample_db)
    paths = ("/entity/person:denis-pushilin", "/entity/person%3Adenis-pushilin",
             "/entity/person~3Adenis-pushilin", "/entity/geonames%3A709717",
             "/article/hostile%2D1", "/entity/person%3Ano-such-person")

    async def fetch() -> dict[str, tuple[int, str]]:
        answers = {}
        for path in paths:
            response = await datasette.client.get(path)
            answers[path] = (response.status_code, response.text)
        return answers

    answers = run(fetch)
    for path in paths[:3]:
        status, html = answers[path]
        assert status == 200 and "<h1>Denis Pushilin" in html, path
    assert answers["/entity/geonames%3A709717"][0] == 200
    assert "<h1>Donetsk" in answers["/entity/geonames%3A709717"][1]
    assert answers["/article/hostile%2D1"][0] == 200
    assert answers["/entity/person%3Ano-such-person"][0] == 404
    with urllib.request.urlopen(f"{server}/entity/person%3Adenis-pushilin") as response:
        assert response.status == 200 and "<h1>Denis Pushilin" in response.read().decode()


def test_events_page_count_agrees_with_the_cli_and_says_what_it_leaves_out(sample_db):
    listed = CliRunner().invoke(main, ["events", "--json", "--db", str(sample_db)])
    everything = CliRunner().invoke(main, ["events", "--negated", "--json", "--db",
                                           str(sample_db)])
    shown, negated = len(listed.stdout.splitlines()), (
        len(everything.stdout.splitlines()) - len(listed.stdout.splitlines()))
    assert shown > 10 and negated >= 1
    datasette = app_for(sample_db)

    async def fetch() -> tuple[str, str]:
        return ((await datasette.client.get("/events")).text,
                (await datasette.client.get("/")).text)

    events_html, home_html = run(fetch)
    assert f'<h1>Events <span class="type">{shown}</span></h1>' in events_html
    assert (f"{negated} negated event{'s' if negated != 1 else ''} (“no reports of clashes”) "
            "left out here") in events_html
    assert f'<strong>{shown + negated}</strong> events' in home_html
    assert f"{negated} negated</a>" in home_html
