"""`newsgraph run` on the local engine: rows of real articles, resumable by content hash,
the same tables whatever the order of the inputs and the size of the parts, and a run killed
midway that finishes to the same tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.config import load_settings
from newsgraph.scale.runner import run
from newsgraph.scale.tables import INPUTS, RunFolder
from tests.scale.conftest import tables


def _files(location: str) -> list[str]:
    return sorted(str(path) for path in Path(location).rglob("*") if path.is_file())


def test_small_run_writes_articles_failures_and_months(small_run):
    summary = small_run.summary
    assert (summary.read, summary.extracted, summary.failed, summary.parts) == (16, 15, 1, 1)
    found = tables(small_run.out)
    assert [row["source"] for row in found["failures"]] == [small_run.paths[1]]
    assert "empty" in found["failures"][0]["error"]
    documents = {row["id"]: row for row in found["documents"]}
    assert documents["copy-0"]["published"] == "2022-08-17"
    assert documents["copy-0"]["month"] == "2022-08"
    assert documents["gsr-001dbdd7fc"]["month"] == "unknown"
    assert documents["copy-2"]["input_order"].endswith(":000000000003")
    # Each article's rows are the store's rows: its mentions slice its text.
    text = documents["copy-1"]["text"]
    mentions = [row for row in found["mentions"] if row["doc_id"] == "copy-1"]
    assert mentions and all(text[m["start"]:m["end"]] == m["text"] for m in mentions)
    assert {row["doc_id"] for row in found["events"]} >= {"copy-0", "copy-1", "copy-2"}


def test_second_run_writes_nothing(small_run):
    before = _files(small_run.out)
    summary = run(small_run.paths, small_run.out, settings=load_settings())
    assert (summary.seen, summary.extracted, summary.failed, summary.parts) == (16, 0, 0, 0)
    assert _files(small_run.out) == before


def test_other_order_and_part_size_give_the_same_tables(small_run):
    out = "memory://newsgraph-runner-test/reordered"
    settings = load_settings(overrides={"scale.part_size": 4, "run.batch_size": 3})
    summary = run(list(reversed(small_run.paths)), out, settings=settings)
    assert summary.parts == 4
    assert tables(out) == tables(small_run.out)


def test_inputs_behind_a_uri_give_the_local_runs_rows(small_run):
    """Inputs on a filesystem URI (memory:// here; s3:// or gs:// the same way): the folder is
    walked as a local one, and every row is the local run's but for the input's name."""
    import fsspec

    memory = fsspec.filesystem("memory")
    for path in small_run.paths:
        memory.pipe(f"/newsgraph-runner-test/inputs/{Path(path).name}", Path(path).read_bytes())
    out = "memory://newsgraph-runner-test/from-uri"
    summary = run(["memory://newsgraph-runner-test/inputs"], out, settings=load_settings())
    assert (summary.read, summary.extracted, summary.failed) == (16, 15, 1)
    found = tables(out)
    assert found["failures"][0]["source"] == "memory://newsgraph-runner-test/inputs/empty.txt"
    assert {row["input_order"].rsplit(":", 1)[0] for row in found["documents"]} == {
        "memory://newsgraph-runner-test/inputs/copies.jsonl",
        "memory://newsgraph-runner-test/inputs/events12.jsonl"}

    def unnamed(rows: list[dict]) -> list[str]:
        where = {"source", "input_order", "input_hash"}
        return sorted(json.dumps({key: value for key, value in row.items() if key not in where},
                                 sort_keys=True, default=str) for row in rows)

    local = tables(small_run.out)
    assert {table: unnamed(rows) for table, rows in found.items()} == {
        table: unnamed(rows) for table, rows in local.items()}


def test_killed_run_resumes_to_the_same_tables(small_run, tmp_path, monkeypatch):
    out = str(tmp_path / "tables")
    settings = load_settings(overrides={"scale.part_size": 5})
    real_write = RunFolder._write
    committed: list[str] = []

    def dies_committing_the_second_part(self, rows, table, path):
        if table == INPUTS and committed:
            raise KeyboardInterrupt  # killed after the part's tables, before its inputs file
        real_write(self, rows, table, path)
        if table == INPUTS:
            committed.append(path)

    monkeypatch.setattr(RunFolder, "_write", dies_committing_the_second_part)
    with pytest.raises(KeyboardInterrupt):
        run(small_run.paths, out, settings=settings)
    monkeypatch.undo()
    assert len(RunFolder(out).committed_parts()) == 1
    assert len(RunFolder(out).seen()) == 5
    summary = run(small_run.paths, out, settings=settings)
    assert (summary.seen, summary.extracted + summary.failed) == (5, 11)
    assert tables(out) == tables(small_run.out)


def test_cli_run_reports_failures_on_stderr_and_exits_1(small_run, tmp_path):
    out = tmp_path / "tables"
    # A file:// URI names the local file.
    result = CliRunner().invoke(main, ["run", Path(small_run.paths[1]).as_uri(), "--out", str(out)])
    assert result.exit_code == 1
    assert "read 1, already in" in result.stderr and "failed 1" in result.stderr
    assert result.stdout == ""
    assert json.loads((out / "_newsgraph.json").read_text())["schema_version"] >= 6
