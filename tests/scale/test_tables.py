"""The Parquet tables: the store's columns, the partition, the order key, parts committed by
their inputs file and the leftovers of a crashed run removed."""

from __future__ import annotations

import pyarrow.fs as pafs
import pytest

from newsgraph.config import DEFAULT_SETTINGS, load_settings
from newsgraph.errors import NewsgraphError
from newsgraph.scale.tables import (
    INPUTS,
    InputRows,
    RunFolder,
    columns,
    input_order,
    month_of,
    store_columns,
)
from newsgraph.store.schema import child_tables


def test_tables_have_the_store_columns_and_where_each_row_came_from():
    documents = [name for name, _ in columns("documents")]
    assert set(store_columns("documents")) - set(documents) == {"seq", "ingested_at"}
    assert documents[-2:] == ["input_hash", "input_order"]
    for table in child_tables():
        names = [name for name, _ in columns(table)]
        assert names == [*store_columns(table), "input_hash"]
    assert dict(columns("events"))["negated"] == "INTEGER"
    assert [name for name, _ in columns("entities")] == [*store_columns("entities"), "doc_id",
                                                         "input_hash"]


def test_month_partition_and_input_order():
    assert month_of("2022-08-17") == "2022-08"
    assert month_of("2014-05") == "2014-05"
    assert month_of("2014") == "unknown"
    assert month_of(None) == "unknown"
    lines = ["a.jsonl:10", "a.jsonl:9", "a.jsonl:100", "b.txt"]
    assert sorted(lines, key=input_order) == ["a.jsonl:9", "a.jsonl:10", "a.jsonl:100", "b.txt"]
    assert input_order("x.warc.gz#7") < input_order("x.warc.gz#12")


def _failure(n: int) -> InputRows:
    row = {"source": f"in{n}.txt", "error": "empty file", "doc_id": None,
           "input_hash": f"h{n}", "input_order": f"in{n}.txt"}
    return InputRows(f"h{n}", f"in{n}.txt", "unknown", None, True, {"failures": [row]})


def test_parts_commit_by_their_inputs_file_on_memory_filesystem():
    folder = RunFolder("memory://newsgraph-tables-test/out")
    folder.open_for(DEFAULT_SETTINGS)
    folder.write_part([_failure(1), _failure(2)])
    assert folder.seen() == {"h1", "h2"}
    assert sorted(folder.read("failures").column("source").to_pylist()) == ["in1.txt", "in2.txt"]
    assert folder.read("failures").column("month").to_pylist() == ["unknown", "unknown"]
    # A crashed part: its table file is written, its inputs file is not.
    folder._write([_failure(3).tables["failures"][0]], "failures",
                  folder._path("failures", "month=unknown", "part-deadbeef.parquet"))
    assert len(folder.read("failures")) == 2  # uncommitted rows are never read
    folder.open_for(DEFAULT_SETTINGS)  # the next run removes the leftover
    names = [info.path for info in folder.fs.get_file_info(
        pafs.FileSelector(folder._path("failures"), recursive=True))]
    assert not any("deadbeef" in name for name in names)
    assert folder.read(INPUTS).column("failed").to_pylist() == [1, 1]


def test_folder_of_other_settings_is_refused(tmp_path):
    RunFolder(str(tmp_path / "out")).open_for(DEFAULT_SETTINGS)
    other = load_settings(overrides={"resolve.event_window_days": 5})
    with pytest.raises(NewsgraphError, match="other settings"):
        RunFolder(str(tmp_path / "out")).open_for(other)
    # [scale] and [run] values are not output settings: the same folder takes them.
    RunFolder(str(tmp_path / "out")).open_for(load_settings(overrides={"scale.part_size": 3}))
