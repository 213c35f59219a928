import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

TABLES = ("documents", "removed_passages", "entities", "mentions", "quotes", "times", "events",
          "ingest_failures")


def row_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in TABLES}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", ["", "ingest", "extract", "show", "search", "stats", "eval",
                                     "quotes", "timeline", "events", "export"])
def test_every_command_has_help(runner: CliRunner, command: str):
    result = runner.invoke(main, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_extract_writes_valid_contract_records(runner, shared, tmp_path):
    output = tmp_path / "s.jsonl"
    result = runner.invoke(main, ["extract", str(shared / "samples"), "--output", str(output)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert [Path(r["source"]).name for r in records] == sorted(
        p.name for p in (shared / "samples").glob("*.txt"))
    check = subprocess.run([sys.executable, str(shared / "eval" / "validate.py"), str(output)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_extract_writes_an_error_record_and_exits_non_zero(runner, shared, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    output = tmp_path / "out.jsonl"
    sample = next((shared / "samples").glob("*.txt"))
    result = runner.invoke(main, ["extract", str(empty), str(sample), "-o", str(output)])
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in output.read_text("utf-8").splitlines())
    assert first["source"] == str(empty) and "empty" in first["error"]
    assert "error" not in second and second["entities"]


def test_ingest_is_idempotent_and_reports_failures(runner, shared, tmp_path):
    db = tmp_path / "n.db"
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "ok1", "text": "Kyiv severed relations with Pyongyang."}\n'
                      "{not json\n", encoding="utf-8")
    args = ["ingest", str(shared / "samples"), str(broken), "--db", str(db)]
    first = runner.invoke(main, args)
    assert first.exit_code == 1  # one broken line
    assert "stored 3" in first.output and "failed 1" in first.output
    assert "broken.jsonl:2" in first.output
    counts = row_counts(db)
    assert counts["documents"] == 3 and counts["mentions"] > 20
    second = runner.invoke(main, args)
    assert "unchanged 3" in second.output
    assert row_counts(db) == counts


def test_show_search_and_stats(runner, shared, tmp_path):
    db = tmp_path / "n.db"
    assert runner.invoke(main, ["ingest", str(shared / "samples"), "--db", str(db)]).exit_code == 0
    found = runner.invoke(main, ["search", "Pyongyang", "--db", str(db)])
    assert found.exit_code == 0 and "North Korea" in found.output
    with sqlite3.connect(db) as connection:
        [doc_id] = connection.execute(
            "SELECT id FROM documents WHERE text LIKE '%Pyongyang%'").fetchone()
    shown = runner.invoke(main, ["show", doc_id, "--db", str(db)])
    assert shown.exit_code == 0
    assert "Denis Pushilin" in shown.output and "Source: News Agencies" in shown.output
    as_json = json.loads(runner.invoke(main, ["show", doc_id, "--json", "--db", str(db)]).output)
    assert as_json["id"] == doc_id
    stats = runner.invoke(main, ["stats", "--db", str(db)])
    assert stats.exit_code == 0 and "documents" in stats.output
    missing = runner.invoke(main, ["show", "nope", "--db", str(db)])
    assert missing.exit_code != 0 and "no article" in missing.output


def test_stdin_is_read_with_dash(runner, tmp_path):
    output = tmp_path / "o.jsonl"
    text = "Russia wants an immediate end to Ukraine's military offensive against the rebels."
    result = runner.invoke(main, ["extract", "-", "-o", str(output)], input=text)
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert record["text"] == text


def test_ingest_killed_midway_then_rerun_completes(shared, tmp_path):
    """kill -9 during `newsgraph ingest`: no partial article; a re-run stores the rest."""
    import os
    import signal
    import time

    articles = shared / "dev" / "events" / "articles.jsonl"
    total = sum(1 for line in articles.read_text("utf-8").splitlines() if line.strip())
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "newsgraph.cli", "ingest", str(articles), "--db", str(db),
               "--batch-size", "1", "-q"]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as connection:
                    stored = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0  # tables not created yet
            if stored >= 5:
                break
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert 5 <= stored < total, "the kill must land in the middle of the ingest"

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = connection.execute(
            "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0
        before = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    # every article that is stored is stored whole: exactly the record extract gives
    import newsgraph

    results = list(newsgraph.extract_many([str(articles)]))
    assert [r for r in results if not hasattr(r, "record")] == []
    expected = {r.record["id"]: r.record for r in results}
    with newsgraph.Store(db, readonly=True) as store:
        for doc_id in store.ids():
            stored_record = store.get(doc_id)
            assert {key: stored_record[key] for key in expected[doc_id]} == expected[doc_id]

    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"unchanged {before}" in rerun.stderr
    assert row_counts(db)["documents"] == total


def test_quotes_command_lists_who_said_what_with_spans(runner, shared, tmp_path):
    db = tmp_path / "n.db"
    assert runner.invoke(main, ["ingest", str(shared / "samples"), "--db", str(db)]).exit_code == 0
    result = runner.invoke(main, ["quotes", "--speaker", "Pushilin", "--kind", "direct",
                                  "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Kiev does not rule us any more" in result.output
    assert "Denis Pushilin" in result.output
    rows = [json.loads(line) for line in runner.invoke(
        main, ["quotes", "--speaker", "Volynko", "--json", "--db", str(db)]).output.splitlines()]
    assert len(rows) == 2 and all(row["speaker_name"] == "Mykola Volynko" for row in rows)
    with sqlite3.connect(db) as connection:
        [text] = connection.execute("SELECT text FROM documents WHERE id = ?",
                                    (rows[0]["doc_id"],)).fetchone()
    assert text[rows[0]["start"]:rows[0]["end"]] == rows[0]["text"]


def test_timeline_command_lists_dated_facts_in_order(runner, shared, tmp_path):
    db = tmp_path / "n.db"
    assert runner.invoke(main, ["ingest", str(shared / "samples"), "--db", str(db)]).exit_code == 0
    facts = [json.loads(line) for line in runner.invoke(
        main, ["timeline", "--json", "--from", "2022", "--db", str(db)]).output.splitlines()]
    values = [fact["value"] for fact in facts]
    assert values == sorted(values) and "2022-08-15" in values
    monday = next(fact for fact in facts if fact["text"] == "Monday")
    assert monday["value"] == "2022-08-15"
    # "Ned Price last month criticised ...": the one dated fact in a sentence naming Price
    price = [json.loads(line) for line in runner.invoke(
        main, ["timeline", "--entity", "Price", "--json", "--db", str(db)]).output.splitlines()]
    assert ("last month", "2022-07") in [(fact["text"], fact["value"]) for fact in price]
    assert all(fact["value"].startswith("2022") for fact in price)


def test_events_command_and_exports(runner, shared, tmp_path):
    db = tmp_path / "n.db"
    assert runner.invoke(main, ["ingest", str(shared / "samples"), "--db", str(db)]).exit_code == 0
    protests = [json.loads(line) for line in runner.invoke(
        main, ["events", "--type", "protest", "--json", "--db", str(db)]).output.splitlines()]
    assert protests and all(event["type"] == "PROTEST" for event in protests)
    assert any(event["trigger_text"] == "rallied" for event in protests)
    listed = runner.invoke(main, ["events", "--actor", "North Korea", "--db", str(db)])
    assert listed.exit_code == 0 and "North Korea" in listed.output
    output = tmp_path / "events.csv"
    exported = runner.invoke(main, ["export", "events", "--format", "acled-csv", "-o",
                                    str(output), "--db", str(db)])
    assert exported.exit_code == 0, exported.output
    import csv

    rows = list(csv.DictReader(output.open(encoding="utf-8")))
    assert rows and set(rows[0]) >= {"event_id_cnty", "event_date", "event_type", "actor1",
                                     "fatalities", "latitude", "notes"}
    wrong = runner.invoke(main, ["export", "articles", "--format", "acled-csv", "--db", str(db)])
    assert wrong.exit_code != 0
    articles = runner.invoke(main, ["export", "articles", "--format", "jsonl", "--db", str(db)])
    assert len(articles.stdout.strip().splitlines()) == 2
