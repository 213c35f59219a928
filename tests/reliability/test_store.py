"""The store under another process's lock, on a full disk, and read through other spellings of
the same path: waiting with a message, stopping with a summary, never a traceback; the same
article "unchanged" whatever the path."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.config import load_settings
from newsgraph.errors import StoreBusy
from newsgraph.ingest import Summary, ingest
from newsgraph.sources import input_files
from newsgraph.store import Store
from tests.reliability.corpus import PROSE, good_articles
from tests.reliability.harness import hold_lock


@pytest.fixture
def articles(tmp_path: Path, shared: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(article) + "\n"
                            for article in good_articles(shared, 3)), encoding="utf-8")
    return path


def config_with(tmp_path: Path, busy_ms: int) -> Path:
    config = tmp_path / "store.cfg"
    config.write_text(f"[store]\nbusy_timeout_ms = {busy_ms}\n", encoding="utf-8")
    return config


def test_a_lock_held_past_the_limit_ends_with_the_summary(tmp_path, articles):
    db = tmp_path / "n.db"
    Store(db).close()
    holder = hold_lock(db, 30)
    try:
        result = CliRunner().invoke(main, ["ingest", str(articles), "--db", str(db),
                                           "--config", str(config_with(tmp_path, 1500))])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "is locked by another process" in result.stderr
    assert "busy_timeout_ms" in result.stderr
    assert "read 0, stored 0" in result.stderr  # the summary, with its words


def test_a_lock_let_go_in_time_is_waited_for_with_a_message(tmp_path, articles):
    db = tmp_path / "n.db"
    Store(db).close()
    holder = hold_lock(db, 300)
    messages: list[str] = []

    def waiting(message: str) -> None:  # told after a few seconds: the holder lets go then
        messages.append(message)
        holder.kill()
        holder.wait()

    settings = load_settings(overrides={"store.busy_timeout_ms": 60_000})
    try:
        with Store(db, settings=settings, on_wait=waiting) as store:
            summary = ingest(list(input_files([str(articles)])), store, settings)
    finally:
        holder.kill()
        holder.wait()
    assert summary.stopped is None and summary.outcomes["stored"] == 3
    [message] = messages
    assert message.startswith(f"waiting for {db}: another process holds its write lock")


def test_the_store_api_raises_store_busy(tmp_path):
    db = tmp_path / "n.db"
    Store(db).close()
    holder = hold_lock(db, 30)
    try:
        settings = load_settings(overrides={"store.busy_timeout_ms": 1200})
        with Store(db, settings=settings) as store, pytest.raises(StoreBusy):
            store.record_failure("x", "y")
    finally:
        holder.kill()
        holder.wait()


def test_a_full_disk_stops_the_run_and_leaves_the_store_as_it_was(tmp_path):
    db = tmp_path / "n.db"
    article = tmp_path / "long.txt"
    article.write_text(PROSE * 60, encoding="utf-8")  # needs pages of its own
    settings = load_settings()
    with Store(db, settings=settings) as store:
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")  # no room for an article
        summary = ingest(list(input_files([str(article)])), store, settings, Summary())
    assert summary.stopped and "full" in summary.stopped
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0


def test_other_spellings_of_a_path_are_unchanged_and_kept_as_sources(tmp_path, articles,
                                                                     monkeypatch):
    monkeypatch.chdir(articles.parent)
    db = tmp_path / "n.db"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", "articles.jsonl", "--db", str(db)])
    assert "stored 3" in first.stderr
    dotted = f"{os.getcwd()}/../{tmp_path.name}/articles.jsonl"
    for spelling in ("./articles.jsonl", str(articles), dotted):
        again = runner.invoke(main, ["ingest", spelling, "--db", str(db)])
        assert "stored 0, updated 0, unchanged 3" in again.stderr, (spelling, again.stderr)
    with Store(db, readonly=True) as store:
        doc_id = store._conn.execute("SELECT id FROM documents ORDER BY seq").fetchone()[0]
        sources = store.sources(doc_id)
    assert sources[0] == "articles.jsonl:1"  # the first path first ("./x" is read as "x")
    assert set(sources) == {"articles.jsonl:1", f"{articles}:1", f"{dotted}:1"}
