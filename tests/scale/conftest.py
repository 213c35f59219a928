"""The scale-out tests' inputs and runs, made once per session (each run parses real articles).

`small` is twelve real dev/events sentences, three copies of the dated sample article (other
ids and outlets, published on days one and eight days apart, so their events are reports of
the same real events, as several outlets' reports are) and an empty file (a failure). `main`
is the samples and the dev/quotes set, the set the Ray engine and `ingest` are compared on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newsgraph.config import DEFAULT_SETTINGS
from newsgraph.scale.runner import RunSummary, run
from newsgraph.scale.tables import INPUTS, RunFolder, row_tables

DATED_SAMPLE = "000_af198e3347f7936d.txt"


@dataclass
class Run:
    paths: list[str]
    out: str
    summary: RunSummary


def tables(location: str) -> dict[str, list[dict[str, Any]]]:
    """Every table of a run's folder (inputs too), rows sorted: equal when the rows are."""
    folder = RunFolder(location)
    return {table: sorted(folder.read(table).to_pylist(),
                          key=lambda row: json.dumps(row, sort_keys=True, default=str))
            for table in (*row_tables(), INPUTS)}


@pytest.fixture(scope="session")
def small_paths(tmp_path_factory, shared: Path) -> list[str]:
    folder = tmp_path_factory.mktemp("small")
    lines = (shared / "dev" / "events" / "articles.jsonl").read_text(encoding="utf-8")
    (folder / "events12.jsonl").write_text("".join(lines.splitlines(True)[:12]),
                                           encoding="utf-8")
    text = (shared / "samples" / DATED_SAMPLE).read_text(encoding="utf-8")
    copies = [{"id": f"copy-{n}", "text": text, "published": published, "outlet": outlet}
              for n, (published, outlet) in enumerate(
                  [("2022-08-17", "Wire A"), ("2022-08-18", "Wire B"), ("2022-08-25", "Wire C")])]
    (folder / "copies.jsonl").write_text(
        "".join(json.dumps(copy) + "\n" for copy in copies), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [str(folder / "copies.jsonl"), str(folder / "empty.txt"),
            str(folder / "events12.jsonl")]


@pytest.fixture(scope="session")
def small_run(small_paths: list[str], tmp_path_factory) -> Run:
    out = str(tmp_path_factory.mktemp("small-run") / "tables")
    return Run(small_paths, out, run(small_paths, out, settings=DEFAULT_SETTINGS))


@pytest.fixture(scope="session")
def main_paths(shared: Path) -> list[str]:
    """In the order `ingest` reads them in when given as here (folders sorted, then lines)."""
    return [str(shared / "dev" / "quotes" / "articles.jsonl"), str(shared / "samples")]


@pytest.fixture(scope="session")
def main_run(main_paths: list[str], tmp_path_factory) -> Run:
    out = str(tmp_path_factory.mktemp("main-run") / "tables")
    return Run(main_paths, out, run(main_paths, out, settings=DEFAULT_SETTINGS))
