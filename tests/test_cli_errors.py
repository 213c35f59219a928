"""A newcomer's mistakes on the real command line: a message naming the problem and what to do,
on the right stream, with the documented exit code (0 done, 1 failed or not found, 2 usage,
130 interrupted) and never a traceback."""

from __future__ import annotations

import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph.cli import INTERRUPTED, main
from newsgraph.store import Store

READ_COMMANDS = [
    ["show", "abc"], ["search", "miners"], ["entities"], ["entity", "Pushilin"], ["quotes"],
    ["timeline"], ["events"], ["events", "--merged"], ["stats"],
    ["export", "articles", "--format", "jsonl"], ["serve"],
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def assert_clean_error(result, *words: str, code: int = 1) -> None:
    assert result.exit_code == code, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stdout == ""  # messages go to stderr; stdout is for results only
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c))
def test_a_read_command_without_a_database_says_so(runner, tmp_path, command):
    missing = tmp_path / "none.db"
    result = runner.invoke(main, [*command, "--db", str(missing)])
    assert_clean_error(result, f"no database at {missing}", "newsgraph ingest")
    assert not missing.exists()  # reading never creates a store


@pytest.mark.parametrize("command", [*READ_COMMANDS, ["ingest", "x.txt"]],
                         ids=lambda c: " ".join(c))
def test_a_db_in_a_missing_folder_says_so(runner, tmp_path, command):
    db = tmp_path / "no" / "such" / "folder" / "n.db"
    result = runner.invoke(main, [*command, "--db", str(db)])
    assert_clean_error(result, str(db))
    assert "does not exist" in result.stderr or "no database" in result.stderr
    assert not db.parent.exists()


@pytest.mark.parametrize("command", [*READ_COMMANDS, ["ingest", "x.txt"]],
                         ids=lambda c: " ".join(c))
def test_a_file_that_is_not_a_store_is_refused(runner, tmp_path, command):
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database\n" * 200)
    result = runner.invoke(main, [*command, "--db", str(junk)])
    assert_clean_error(result, "is not a SQLite database")
    assert junk.read_text().startswith("these are my notes")  # left as it was


def test_another_programs_sqlite_database_is_not_written_to(runner, tmp_path, shared):
    other = tmp_path / "app.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    before = other.read_bytes()
    for command in (["stats"], ["ingest", str(shared / "samples")]):
        result = runner.invoke(main, [*command, "--db", str(other)])
        assert_clean_error(result, "another program", "customers")
    assert other.read_bytes() == before


def test_a_folder_given_as_db_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["stats", "--db", str(tmp_path)])
    assert_clean_error(result, "is a directory", code=2)


@pytest.mark.parametrize(("command", "message"), [
    (["quotes", "--since", "2014-13-45"], "'2014-13-45' is not a calendar date"),
    (["timeline", "--from", "garbage"], "'garbage' is not a date"),
    (["timeline", "--to", "2022-02-30"], "not a calendar date"),
    (["events", "--type", "NOTATYPE"], "'NOTATYPE' is not a PLOVER event type: one of AGREE"),
    (["events", "--from", "someday"], "is not a date"),
    (["entities", "--type", "FOO"], "'FOO' is not an entity type: one of PERSON"),
    (["quotes", "--kind", "shouted"], "'shouted' is not one of"),
])
def test_a_bad_filter_value_is_a_usage_error(runner, sample_db, command, message):
    result = runner.invoke(main, [*command, "--db", str(sample_db)])
    assert_clean_error(result, message, code=2)


def test_filter_values_that_mean_something_are_accepted(runner, sample_db):
    protests = runner.invoke(main, ["events", "--type", "protest", "--db", str(sample_db)])
    assert protests.exit_code == 0 and "PROTEST" in protests.stdout
    since = runner.invoke(main, ["quotes", "--since", "2022-08", "--json", "--db",
                                 str(sample_db)])
    assert since.exit_code == 0 and since.stdout.count("\n") > 3
    # a relative day the time stage reads is today's date: nothing stored is that recent
    recent = runner.invoke(main, ["timeline", "--from", "yesterday", "--db", str(sample_db)])
    assert recent.exit_code == 0 and "no dated fact matches" in recent.stderr
    people = runner.invoke(main, ["entities", "--type", "person", "--json", "--db",
                                  str(sample_db)])
    assert people.exit_code == 0 and '"Denis Pushilin"' in people.stdout


def test_a_missing_article_or_entity_is_exit_1_on_stderr(runner, sample_db):
    assert_clean_error(runner.invoke(main, ["show", "nope", "--db", str(sample_db)]),
                       "no article with id 'nope'")
    assert_clean_error(runner.invoke(main, ["entity", "Nobody Atall", "--db", str(sample_db)]),
                       "Nobody Atall")


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and newsgraph.__version__ in result.stdout


def test_failures_are_one_line_each_and_results_go_to_stdout(runner, tmp_path, shared):
    deep = tmp_path / ("a-very-long-folder-name-" * 6) / "more"
    deep.mkdir(parents=True)
    (deep / "empty.txt").write_text("")
    (deep / "binary.txt").write_bytes(bytes(range(256)) * 40)
    sample = sorted((shared / "samples").glob("*.txt"))[0]
    result = runner.invoke(main, ["extract", str(deep), str(sample)], terminal_width=60)
    assert result.exit_code == 1
    records = result.stdout.splitlines()
    assert len(records) == 3 and '"error"' in records[0] and '"entities"' in records[2]
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed ")]
    assert len(failed) == 2
    assert all(str(deep) in line for line in failed)  # the whole path, on the one line
    assert "extracted 1 of 3 articles" in result.stderr


def test_ctrl_c_during_ingest_reports_what_was_stored(runner, tmp_path, shared, monkeypatch):
    db = tmp_path / "n.db"
    put = Store.put
    calls = []

    def interrupted_put(self, document, record):
        calls.append(document.id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return put(self, document, record)

    monkeypatch.setattr(Store, "put", interrupted_put)
    result = runner.invoke(main, ["ingest", str(shared / "samples"), "--db", str(db)])
    assert result.exit_code == INTERRUPTED
    assert "interrupted: read 1, stored 1," in result.stderr
    assert "run the same command again" in result.stderr
    with Store(db, readonly=True) as store:
        assert store.ids() == [calls[0]]


def _wait_for_documents(db: Path, child: subprocess.Popen, at_least: int) -> int:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and child.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as connection:
                    stored = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
                if stored >= at_least:
                    return stored
            except sqlite3.OperationalError:
                pass  # tables not created yet
        time.sleep(0.05)
    return 0


def test_sigint_exits_130_with_a_summary(tmp_path, shared):
    articles = shared / "dev" / "events" / "articles.jsonl"
    db = tmp_path / "n.db"
    # A shell's background jobs ignore SIGINT, and children inherit that: restore the default
    # so the child is interruptible however this test run was started.
    child = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "ingest", str(articles), "--db", str(db),
         "--batch-size", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert _wait_for_documents(db, child, 3) >= 3
    child.send_signal(signal.SIGINT)
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == INTERRUPTED, stderr
    assert "interrupted: read" in stderr and "Traceback" not in stderr
    assert stdout == ""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _run_on_a_terminal(args: list[str], timeout: float = 120) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal; returns (exit code, what it showed)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160"}
    child = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", *args],
                             stdout=subprocess.DEVNULL, stderr=follower, env=env)
    os.close(follower)
    shown = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        elif child.poll() is not None:
            break
    os.close(leader)
    return child.wait(timeout=30), shown.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_has_total_percentage_and_eta(tmp_path, shared):
    articles = shared / "dev" / "events" / "articles.jsonl"
    total = sum(1 for line in articles.read_text("utf-8").splitlines() if line.strip())
    code, shown = _run_on_a_terminal(["ingest", str(articles), "--db", str(tmp_path / "n.db")])
    assert code == 0, shown
    assert f"/{total}" in shown and "%" in shown and "eta" in shown
    assert f"read {total}, stored {total}" in shown


def test_no_progress_bar_when_stderr_is_not_a_terminal(runner, tmp_path, shared):
    result = runner.invoke(main, ["ingest", str(shared / "samples"), "--db",
                                  str(tmp_path / "n.db")])
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines() == [
        f"read 2, stored 2, updated 0, unchanged 0, failed 0 -> {tmp_path / 'n.db'}"]
