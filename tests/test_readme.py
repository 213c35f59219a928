"""The README's `make demo` transcript is what the demo prints today, and the demo leaves the
working tree as it found it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def readme_demo_lines() -> list[str]:
    """The lines of the README's "What `make demo` prints" block."""
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme[readme.index("## What `make demo` prints"):]
    block = re.search(r"```text\n(.*?)\n```", section, re.DOTALL)
    assert block, "the README has no demo transcript"
    return block.group(1).splitlines()


def shown_in_order(expected: list[str], printed: list[str]) -> list[str]:
    """The expected lines not found in `printed` in order: `...` skips any lines, a line ending
    in ` ...` is a prefix; every other line must be printed exactly (outer space aside: rich
    centres a table's title)."""
    missing = []
    position = 0
    for line in expected:
        if line.strip() == "...":
            continue
        prefix = line[:-4].strip() if line.endswith(" ...") else None
        for index in range(position, len(printed)):
            candidate = printed[index].strip()
            if candidate == line.strip() or (prefix and candidate.startswith(prefix)):
                position = index + 1
                break
        else:
            missing.append(line)
    return missing


def test_shown_in_order_needs_every_line_in_order():
    printed = ["a", "b 1 2", "c", "d"]
    assert shown_in_order(["a", "...", "c"], printed) == []
    assert shown_in_order(["b 1 ...", "d"], printed) == []
    assert shown_in_order(["c", "a"], printed) == ["a"]
    assert shown_in_order(["b 9 ..."], printed) == ["b 9 ..."]


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.slow
def test_make_demo_prints_the_readme_transcript_and_leaves_the_tree_clean(shared, tmp_path):
    if not (REPO / ".venv" / "bin" / "newsgraph").exists():
        pytest.fail("no .venv/bin/newsgraph: run `make test` (it builds .venv/ first)")
    tracked_before = git("status", "--porcelain", "--untracked-files=no")
    db, records = tmp_path / "demo.db", tmp_path / "demo.jsonl"
    done = subprocess.run(["make", "--no-print-directory", "demo", f"DB={db}",
                           f"RECORDS={records}", f"SHARED={shared}"],
                          cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
    printed = done.stdout.replace(str(db), "newsgraph.db") \
        .replace(str(records), "samples.jsonl").replace(str(shared), "../shared")
    lines = printed.splitlines()
    assert shown_in_order(readme_demo_lines(), lines) == [], printed
    assert git("status", "--porcelain", "--untracked-files=no") == tracked_before
    # what the demo writes by default is ignored by git, never tracked
    for name in ("newsgraph.db", "newsgraph.db-wal", "samples.jsonl"):
        assert git("check-ignore", name).strip() == name
        assert git("ls-files", name) == ""
