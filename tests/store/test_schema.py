"""The store's file: migrations, pragmas, read-only opening, what Datasette looks for, and
transactions: an ingest killed with SIGKILL in the middle leaves whole articles."""

from __future__ import annotations

import copy
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import NotAStore
from newsgraph.store import MIGRATIONS, SCHEMA_VERSION, Store
from tests.store.conftest import data_version, expected_get, fts_check, row_counts, sample_article

CHILD_TABLES = ("removed_passages", "document_entities", "mentions", "quotes", "times", "events")


def test_readonly_cannot_write(tmp_path: Path, sample_text: str) -> None:
    document, record = sample_article(sample_text)
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.put(document, record)
    before = row_counts(path)
    changed = copy.deepcopy(record)
    changed["times"] = []
    with Store(path, readonly=True) as store:
        assert store.get(document.id) == expected_get(document, record)
        with pytest.raises(sqlite3.OperationalError):
            store.put(document, changed)
        with pytest.raises(sqlite3.OperationalError):
            store.record_failure("x", "y")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store._conn.execute("DELETE FROM documents")
    assert row_counts(path) == before
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_migrates_an_empty_file_and_reopening_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    path.touch()  # an empty file is a version 0 SQLite database
    with pytest.raises(NotAStore, match="empty database"):
        Store(path, readonly=True)
    with Store(path) as store:
        assert store.stats()["documents"] == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        names = {name for _, name, _ in schema}
        assert {"documents", "documents_fts", "entities", "ingest_failures", *CHILD_TABLES} <= names
        version = data_version(conn)
        Store(path).close()
        assert data_version(conn) == version
        assert conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() \
            == schema
    assert len(MIGRATIONS) == SCHEMA_VERSION


def test_migration_indexes_documents_stored_before_search_existed(
    tmp_path: Path, sample_text: str
) -> None:
    document, record = sample_article(sample_text)
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.put(document, record)
    with sqlite3.connect(path) as conn:  # back to version 1: tables, no search index
        for name in ("documents_fts_insert", "documents_fts_delete", "documents_fts_update"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE documents_fts")
        conn.execute("PRAGMA user_version = 1")
    with Store(path) as store:
        assert [hit["id"] for hit in store.search("Pyongyang")] == [document.id]
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    fts_check(path)


def test_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    for readonly in (False, True):
        with Store(path, readonly=readonly) as store:
            conn = store._conn
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
            assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_datasette_finds_the_full_text_index(tmp_path: Path) -> None:
    """Datasette offers search on a table when this query (its `detect_fts`) names an index."""
    with Store(tmp_path / "news.db") as store:
        found = store._conn.execute(
            """select name from sqlite_master where rootpage = 0 and (
                   sql like '%VIRTUAL TABLE%USING FTS%content="documents"%'
                   or sql like '%VIRTUAL TABLE%USING FTS%content=[documents]%'
                   or (tbl_name = 'documents' and sql like '%VIRTUAL TABLE%USING FTS%'))"""
        ).fetchall()
    assert [row[0] for row in found] == ["documents_fts"]


# -- crash safety -----------------------------------------------------------------------------

# Run both here and in the child process, so the test knows what each document should hold:
# document i has 40 entities with exactly i % 7 + 3 mentions each, and one time. A later
# `version` of it has (i + version) % 7 + 3 mentions each and another title.
GENERATOR = '''
from newsgraph.document import Document, OffsetMap, Published

ENTITIES = 40


def generated(i, version=0):
    per_entity = (i + version) % 7 + 3
    head = f"In 2014, report {i} was filed.\\n"
    parts, entities, offset = [head], [], len(head)
    for e in range(ENTITIES):
        name = f"Person{e}"
        mentions = []
        for k in range(per_entity):
            sentence = f"{name} spoke about item {k} of report {i}. "
            mentions.append({"start": offset, "end": offset + len(name), "text": name})
            parts.append(sentence)
            offset += len(sentence)
        entities.append({"id": f"E{e}", "name": name, "type": "PERSON", "mentions": mentions,
                         "geonames": None, "lat": None, "lon": None, "country": None})
    text = "".join(parts)
    document = Document(
        id=f"doc{i:03d}", source=f"gen/{i}.txt", raw=text, source_text=text, text=text,
        offsets=OffsetMap([(0, 0)], len(text)),
        title=f"Report {i}" + (f" v{version}" if version else ""), outlet="Generator",
        published=Published(None, "unknown"),
    )
    record = {
        "id": document.id, "source": document.source, "title": document.title,
        "outlet": document.outlet, "published": document.published.to_json(), "text": text,
        "entities": entities, "quotes": [],
        "times": [{"start": 3, "end": 7, "text": "2014", "value": "2014", "type": "DATE"}],
        "events": [],
    }
    return document, record
'''

INGEST = GENERATOR + '''
import json
import os
import signal
import sys

from newsgraph.store import Store

path, count, version, die_at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
if die_at >= 0:  # be killed inside the transaction of document die_at, its rows all written
    insert = Store._insert

    def insert_then_die(store, rows):
        insert(store, rows)
        if rows.doc_id == f"doc{die_at:03d}":
            os.kill(os.getpid(), signal.SIGKILL)

    Store._insert = insert_then_die
with Store(path) as store:
    for i in range(count):
        document, record = generated(i, version)
        print(json.dumps([document.id, store.put(document, record)]), flush=True)
'''


def ingest(path: Path, *, count: int = 200, version: int = 0, die_at: int = -1,
           wait: bool = True) -> subprocess.Popen[str]:
    """Run INGEST in a child process; with `wait`, until it ends."""
    child = subprocess.Popen(
        [sys.executable, "-c", INGEST, str(path), str(count), str(version), str(die_at)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    if wait:
        child.communicate(timeout=60)
    return child


def outcomes(child: subprocess.Popen[str]) -> dict[str, str]:
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 0, stderr
    return dict(json.loads(line) for line in stdout.splitlines())


def check_whole(store: Store) -> None:
    """The file is sound and no child row lacks its document."""
    conn = store._conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in CHILD_TABLES:
        orphans = conn.execute(
            f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0, table


def stored_count(path: Path) -> int:
    try:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def test_killed_ingest_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    namespace: dict[str, Any] = {}
    exec(GENERATOR, namespace)
    generated = namespace["generated"]
    path = tmp_path / "news.db"
    child = ingest(path, wait=False)
    try:
        deadline = time.monotonic() + 30
        while stored_count(path) == 0:
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the ingest never committed"
            time.sleep(0.002)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.communicate()
    assert child.returncode == -signal.SIGKILL

    with Store(path) as store:
        check_whole(store)
        done = store.ids()
        assert 0 < len(done) < 200, "kill the ingest part way (make the generator heavier)"
        assert done == [f"doc{i:03d}" for i in range(len(done))]
        for i, doc_id in enumerate(done):
            document, record = generated(i)
            mentions = store._conn.execute(
                "SELECT count(*) FROM mentions WHERE doc_id = ?", (doc_id,)
            ).fetchone()[0]
            assert mentions == 40 * (i % 7 + 3)
            assert store.get(doc_id) == expected_get(document, record)
    fts_check(path)

    assert outcomes(ingest(path, wait=False)) == {
        f"doc{i:03d}": "unchanged" if i < len(done) else "stored" for i in range(200)
    }
    with Store(path, readonly=True) as store:
        assert store.stats()["documents"] == 200
        assert store.stats()["mentions"] == sum(40 * (i % 7 + 3) for i in range(200))
    fts_check(path)


def test_killed_inside_an_update_keeps_the_old_version(tmp_path: Path) -> None:
    """Killed after rewriting a document's rows but before COMMIT: the old version stays."""
    namespace: dict[str, Any] = {}
    exec(GENERATOR, namespace)
    generated = namespace["generated"]
    path = tmp_path / "news.db"
    assert set(outcomes(ingest(path, count=8, wait=False)).values()) == {"stored"}
    killed = ingest(path, count=8, version=1, die_at=5)
    assert killed.returncode == -signal.SIGKILL

    with Store(path) as store:
        check_whole(store)
        for i in range(8):
            document, record = generated(i, 1 if i < 5 else 0)
            assert store.get(f"doc{i:03d}") == expected_get(document, record)
    fts_check(path)
    assert outcomes(ingest(path, count=8, version=1, wait=False)) == {
        f"doc{i:03d}": "unchanged" if i < 5 else "updated" for i in range(8)
    }
