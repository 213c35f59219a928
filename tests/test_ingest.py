"""Every input accounted for (ingest.py and the CLI over it): failures listed and retried,
an empty input a warning with exit 1, limits naming themselves, filter values too long a
usage error."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import Store
from tests.reliability.corpus import PROSE


def test_failures_are_listed_and_retried(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(PROSE, encoding="utf-8")
    late = folder / "late.jsonl"
    late.write_text('{"id": "late", "text": \n', encoding="utf-8")
    db = tmp_path / "n.db"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 1 and "stored 1" in first.stderr
    listed = runner.invoke(main, ["failures", "--db", str(db), "--json"])
    [row] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert row["source"] == f"{late}:1" and "not valid JSON" in row["error"]
    late.write_text(json.dumps({"id": "late", "text": PROSE}) + "\n", encoding="utf-8")
    retried = runner.invoke(main, ["failures", "--retry", "--db", str(db)])
    assert retried.exit_code == 0, retried.output
    assert "read 1, stored 1" in retried.stderr
    assert runner.invoke(main, ["failures", "--db", str(db)]).stderr.startswith("no failures")
    with Store(db, readonly=True) as store:
        assert store.get("late") is not None and store.failures() == []


def test_an_input_with_no_article_is_a_warning_and_exit_1(tmp_path):
    (tmp_path / "notes.md").write_text("# only notes", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert "read 0" in result.stderr and "1 skipped: 1 not an article file (.md)" in \
        result.stderr
    assert "warning: no article in the inputs" in result.stderr
    extracted = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert extracted.exit_code == 1 and "warning: no article" in extracted.stderr


def test_an_article_past_a_limit_fails_alone_naming_the_option(tmp_path):
    (tmp_path / "a.txt").write_text(PROSE * 3, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PROSE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--max-chars", "400"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert "over --max-chars 400" in records[0]["error"]
    assert "error" not in records[1] and records[1]["entities"]
    lines = CliRunner().invoke(main, ["extract", str(tmp_path / "b.txt"), "--max-lines", "2"])
    assert "too many lines: 3, over --max-lines 2" in lines.stdout
    tokens = CliRunner().invoke(main, ["extract", str(tmp_path / "b.txt"),
                                       "--max-tokens", "10"])
    assert "over --max-tokens 10" in tokens.stdout
    refused = CliRunner().invoke(main, ["extract", str(tmp_path), "--max-chars", "1000000"])
    assert refused.exit_code == 2 and "--max-chars" in refused.stderr


def test_a_filter_value_too_long_is_a_usage_error(sample_db):
    result = CliRunner().invoke(main, ["quotes", "--speaker", "x" * 60_000,
                                       "--db", str(sample_db)])
    assert result.exit_code == 2, result.output
    assert "at most 500" in result.stderr and "Traceback" not in result.output


def test_encoding_option_decodes_every_input(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(("Le ministre a déclaré à Genève que la réunion était terminée. " * 3)
                     .encode("latin-1"))
    result = CliRunner().invoke(main, ["extract", str(path), "--encoding", "latin-1"])
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert "déclaré à Genève" in record["text"]
