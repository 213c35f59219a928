"""One batch of the bad-input corpus with good articles: every good article stored, every bad
input one failure row naming it and its reason (or skipped and counted, or repaired at the
door), the summary printed, no traceback, nothing hanging (a named pipe sits in the folder)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from tests.reliability.corpus import good_articles, write_corpus

GOOD = 4


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory, shared):
    folder = tmp_path_factory.mktemp("corpus")
    cases = write_corpus(folder / "in", good_articles(shared, GOOD))
    db = folder / "store.db"
    result = CliRunner().invoke(main, ["ingest", str(folder / "in"), "--db", str(db), "-q"])
    with sqlite3.connect(db) as conn:
        failures = dict(conn.execute("SELECT source, error FROM ingest_failures"))
        documents = dict(conn.execute("SELECT id, source FROM documents"))
    return folder / "in", cases, result, failures, documents


def test_every_good_article_is_stored(corpus_run, shared):
    _, _, result, _, documents = corpus_run
    assert "Traceback" not in result.output
    for article in good_articles(shared, GOOD):
        assert article["id"] in documents


def test_every_bad_input_is_a_failure_row_with_its_reason(corpus_run):
    folder, cases, result, failures, _ = corpus_run
    for case in cases:
        rows = {source: error for source, error in failures.items()
                if source == str(folder / case.path) or source.startswith(
                    (f"{folder / case.path}:", f"{folder / case.path}#"))}
        assert len(rows) == case.failures, (case.name, rows)
        for error in rows.values():
            for word in case.reason:
                assert word in error, (case.name, error)
    assert result.exit_code == 1
    assert f"failed {len(failures)} ->" in result.stderr


def test_repaired_inputs_are_stored_with_safe_text(corpus_run):
    _, _, _, _, documents = corpus_run
    assert "surrogate-text" in documents and "surrogate-title" in documents
    assert "surrogate-\ufffd" in documents  # the id's lone surrogate replaced, not refused
    assert "nul-json" in documents and "dupe-1" in documents and "bad-date" in documents


def test_skipped_inputs_and_warnings_are_in_the_summary(corpus_run):
    _, _, result, failures, _ = corpus_run
    stderr = result.stderr
    assert "not an article file (.md)" in stderr
    assert "named pipe" in stderr
    assert "WARC response 404" in stderr and "WARC response image/png" in stderr
    assert "2 duplicate id (the first kept)" in stderr
    assert stderr.count("duplicate id 'dupe-1': kept ") == 1  # reported once
    assert "published '2014-13-45' is not a date" in stderr
    assert not any("pipe" in source for source in failures)


def test_the_first_of_a_duplicate_id_is_kept(corpus_run, tmp_path):
    folder, _, _, _, _ = corpus_run
    db = folder.parent / "store.db"
    with sqlite3.connect(db) as conn:
        text, source = conn.execute(
            "SELECT text, source FROM documents WHERE id = 'dupe-1'").fetchone()
    assert source.endswith("dupes.jsonl:1") and "Version 0." in text
    again = CliRunner().invoke(main, ["ingest", str(folder / "dupes.jsonl"), "--db", str(db)])
    assert "updated 0" in again.stderr and "unchanged 1" in again.stderr


def test_extract_accounts_for_the_same_inputs(corpus_run):
    folder, _, _, _, _ = corpus_run
    result = CliRunner().invoke(main, ["extract", str(folder / "dupes.jsonl"),
                                       str(folder / "baddate.jsonl")])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["id"] for record in records] == ["dupe-1", "bad-date"]
    assert records[1]["published"]["value"] is None
    assert "duplicate id 'dupe-1'" in result.stderr and "warning" in result.stderr
