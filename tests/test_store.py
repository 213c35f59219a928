"""The SQLite store: round trips, idempotent re-ingest, updates without leftovers, span checks,
search, migrations, pragmas, and an ingest killed with SIGKILL in the middle."""

from __future__ import annotations

import copy
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsgraph.document import Document, OffsetMap, Published, RemovedPassage
from newsgraph.errors import NotAStore
from newsgraph.store import MIGRATIONS, SCHEMA_VERSION, Store

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / (
    "004_3a7ba006f3c1807a.txt"
)
BANNER = "Skip to main content\n"
CHILD_TABLES = ("removed_passages", "document_entities", "mentions", "quotes", "times", "events")


@pytest.fixture(scope="module")
def sample_text() -> str:
    if not SAMPLE.is_file():
        pytest.fail(f"{SAMPLE} is not there")
    return SAMPLE.read_text(encoding="utf-8")


def span(text: str, phrase: str, occurrence: int = 0, after: int = 0) -> dict[str, Any]:
    start = text.find(phrase, after)
    for _ in range(occurrence):
        start = text.find(phrase, start + 1)
    assert start >= 0, phrase
    return {"start": start, "end": start + len(phrase), "text": phrase}


def all_spans(text: str, phrase: str) -> list[dict[str, Any]]:
    spans, start = [], text.find(phrase)
    while start >= 0:
        spans.append({"start": start, "end": start + len(phrase), "text": phrase})
        start = text.find(phrase, start + len(phrase))
    return spans


def sample_article(text: str, doc_id: str = "al-jazeera-004") -> tuple[Document, dict[str, Any]]:
    """A Document of the real sample (its source had a banner the cleaner removed) and a
    hand-made record with real spans."""
    source_text = BANNER + text
    document = Document(
        id=doc_id, source=str(SAMPLE), raw=source_text, source_text=source_text, text=text,
        offsets=OffsetMap([(0, len(BANNER))], len(source_text)),
        title="Donetsk leader calls for ‘beneficial’ ties with North Korea",
        outlet="Al Jazeera", published=Published(None, "unknown"),
        removed=[RemovedPassage(0, len(BANNER), BANNER, "navigation")],
        title_span=(0, text.index("\n")),
    )
    quote_start = text.index("“The people of the Donbas")
    quote = span(text, text[quote_start:text.index("ago,”", quote_start) + len("ago,”")])
    cited = text.index("the report cited Pushilin")
    severed = span(text, "severed")
    sentence_start = text.index("Kyiv immediately")
    record: dict[str, Any] = {
        "id": doc_id, "source": str(SAMPLE), "title": document.title, "outlet": "Al Jazeera",
        "published": {"value": None, "how": "unknown", "evidence": []},
        "text": text,
        "entities": [
            {"id": "Q-pushilin", "name": "Denis Pushilin", "type": "PERSON",
             "mentions": all_spans(text, "Pushilin"),
             "geonames": None, "lat": None, "lon": None, "country": None, "confidence": 0.9},
            {"id": "G709717", "name": "Donetsk", "type": "GPE",
             "mentions": all_spans(text, "Donetsk"),
             "geonames": 709717, "lat": 48.0, "lon": 37.8, "country": "UA"},
            {"id": "G1871859", "name": "Pyongyang", "type": "GPE",
             "mentions": all_spans(text, "Pyongyang"),
             "geonames": 1871859, "lat": 39.03, "lon": 125.75, "country": "KP"},
            {"id": "G703448", "name": "Kyiv", "type": "GPE", "mentions": [span(text, "Kyiv")],
             "geonames": 703448, "lat": 50.45, "lon": 30.52, "country": "UA"},
        ],
        "quotes": [{
            **quote, "kind": "direct", "cue": span(text, "saying", after=cited),
            "speaker": {"entity": "Q-pushilin", "name": "Denis Pushilin",
                        "start": span(text, "Pushilin", after=cited)["start"],
                        "end": span(text, "Pushilin", after=cited)["end"]},
        }],
        "times": [
            {**span(text, "Monday"), "value": "XXXX-WXX-1", "type": "DATE"},
            {**span(text, "July 29"), "value": "XXXX-07-29", "type": "DATE"},
            {**span(text, "2017"), "value": "2017", "type": "DATE"},
        ],
        "events": [{
            "type": "REJECT", "mode": "reduce relations", "trigger": severed,
            "sentence": {"start": sentence_start, "end": text.index("\n", sentence_start)},
            "actor": {"entity": "G703448", "name": "Kyiv"},
            "target": {"entity": "G1871859", "name": "Pyongyang"},
            "place": None, "date": None, "fatalities": None, "size": {"min": None, "max": 0},
            "negated": False, "hypothetical": False,
        }],
        "language": "en",
    }
    return document, record


def expected_get(document: Document, record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "url": document.url, "format": document.format,
            "removed": [{"source_start": p.start, "source_end": p.end, "text": p.text,
                         "reason": p.reason}
                        for p in document.removed]}


def row_counts(path: Path) -> dict[str, int]:
    """Rows of every table in the file, FTS shadow tables included."""
    with sqlite3.connect(path) as conn:
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for name in names}


def data_version(conn: sqlite3.Connection) -> int:
    """Changes whenever another connection commits to the file."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


def fts_check(path: Path) -> None:
    """FTS5's own check that the index matches the documents table (raises if not)."""
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")


def test_put_then_get_round_trips(tmp_path: Path, sample_text: str) -> None:
    document, record = sample_article(sample_text)
    path = tmp_path / "news.db"
    with Store(path) as store:
        assert store.put(document, record) == "stored"
        assert store.has(document.id) and not store.has("other")
        assert store.ids() == [document.id]
        assert store.get(document.id) == expected_get(document, record)
        assert store.get("other") is None
        assert len(store.fingerprint(document.id) or "") == 64
        assert store.fingerprint("other") is None
    # Plain SQL reads it: the clean text and source spans are where the record says.
    with sqlite3.connect(path) as conn:
        text, source_text, offset_map, title_end = conn.execute(
            "SELECT text, source_text, offset_map, title_end FROM documents"
        ).fetchone()
        assert text == sample_text and source_text == BANNER + sample_text
        assert OffsetMap.from_json(json.loads(offset_map)).to_source(0) == len(BANNER)
        assert text[:title_end] == document.title
        mentions = conn.execute(
            'SELECT start, "end", text FROM mentions WHERE entity_id = ? ORDER BY start',
            ("Q-pushilin",),
        ).fetchall()
        assert len(mentions) == sample_text.count("Pushilin") == 5
        assert all(text[start:end] == "Pushilin" for start, end, _ in mentions)
        assert conn.execute(
            "SELECT speaker_name, cue_text FROM quotes"
        ).fetchone() == ("Denis Pushilin", "saying")
        assert conn.execute(
            "SELECT actor_name, target_name, size_max, negated FROM events WHERE type = 'REJECT'"
        ).fetchone() == ("Kyiv", "Pyongyang", 0, 0)
        removed = conn.execute('SELECT start, "end", reason FROM removed_passages').fetchall()
        assert removed == [(0, len(BANNER), "navigation")]


def test_put_twice_is_unchanged_and_writes_nothing(tmp_path: Path, sample_text: str) -> None:
    document, record = sample_article(sample_text)
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.put(document, record)
        before = row_counts(path)
        watcher = sqlite3.connect(path)
        version = data_version(watcher)
        assert store.put(document, copy.deepcopy(record)) == "unchanged"
        assert data_version(watcher) == version  # no commit at all
        watcher.close()
        assert row_counts(path) == before
        assert before["mentions"] == sum(len(e["mentions"]) for e in record["entities"])


def test_changed_record_is_updated_without_stale_rows(tmp_path: Path, sample_text: str) -> None:
    # First version: an added paragraph naming Zaporizhzhia, a fifth entity, a fourth time.
    addition = "\n\nZaporizhzhia officials declined to comment on Friday."
    old_document, old_record = sample_article(sample_text + addition)
    old_text = old_record["text"]
    old_record["entities"].append(
        {"id": "G687700", "name": "Zaporizhzhia", "type": "GPE",
         "mentions": [span(old_text, "Zaporizhzhia")],
         "geonames": 687700, "lat": 47.82, "lon": 35.19, "country": "UA"})
    old_record["times"].append({**span(old_text, "Friday"), "value": "XXXX-WXX-5",
                                "type": "DATE"})
    document, record = sample_article(sample_text)
    record["entities"] = [e for e in record["entities"] if e["id"] != "G1871859"]
    record["events"] = []

    path = tmp_path / "news.db"
    with Store(path) as store:
        assert store.put(old_document, old_record) == "stored"
        assert [hit["id"] for hit in store.search("Zaporizhzhia")] == [document.id]
        assert store.put(document, record) == "updated"
        assert store.get(document.id) == expected_get(document, record)
        assert store.search("Zaporizhzhia") == []
        assert store.ids() == [document.id]
        updated = row_counts(path)
    fts_check(path)
    # The same rows as storing the new version into an empty store: nothing left over.
    fresh = tmp_path / "fresh.db"
    with Store(fresh) as store:
        store.put(document, record)
    # (FTS5 keeps segments of deleted rows until it merges: its integrity check covers it.)
    def without_fts(counts: dict[str, int]) -> dict[str, int]:
        return {name: n for name, n in counts.items() if not name.startswith("documents_fts")}

    assert without_fts(updated) == without_fts(row_counts(fresh))
    with sqlite3.connect(path) as conn:
        entity_ids = {row[0] for row in conn.execute("SELECT id FROM entities")}
    assert entity_ids == {"Q-pushilin", "G709717", "G703448"}


def test_bad_span_raises_and_writes_nothing(tmp_path: Path, sample_text: str) -> None:
    document, record = sample_article(sample_text)
    shifted = copy.deepcopy(record)
    first = shifted["entities"][0]["mentions"][0]
    first["start"] += 1  # text no longer matches
    outside = copy.deepcopy(record)
    outside["times"][0]["end"] = len(sample_text) + 5
    bad_cue = copy.deepcopy(record)
    bad_cue["quotes"][0]["cue"]["text"] = "said"
    bad_removed = sample_article(sample_text)[0]
    bad_removed.removed = [RemovedPassage(0, len(BANNER), "Skip to content", "navigation")]

    path = tmp_path / "news.db"
    with Store(path) as store:
        empty = row_counts(path)
        for bad_document, bad_record in ((document, shifted), (document, outside),
                                         (document, bad_cue), (bad_removed, record)):
            with pytest.raises(ValueError):
                store.put(bad_document, bad_record)
            assert row_counts(path) == empty
            assert not store.has(document.id)
        # A bad new version of a stored article leaves the stored version as it was.
        store.put(document, record)
        stored = row_counts(path)
        with pytest.raises(ValueError, match=r"mentions\[0\]"):
            store.put(document, shifted)
        assert row_counts(path) == stored
        assert store.get(document.id) == expected_get(document, record)


def test_search_finds_words_with_snippets(tmp_path: Path, sample_text: str) -> None:
    document, record = sample_article(sample_text)
    with Store(tmp_path / "news.db") as store:
        store.put(document, record)
        hits = store.search("Pyongyang")
        assert len(hits) == 1
        hit = hits[0]
        assert hit["id"] == document.id and hit["outlet"] == "Al Jazeera"
        assert hit["title"] == document.title and hit["published"] is None
        assert "[Pyongyang]" in hit["snippet"]
        # Not FTS syntax: retried as a phrase instead of failing.
        assert [h["id"] for h in store.search("Kim Jong-Un")] == [document.id]
        assert [h["id"] for h in store.search('"Pyongyang')] == [document.id]
        assert [h["id"] for h in store.search("AND")] == [document.id]  # the word "and"
        # Real FTS syntax still works, and words that are not there find nothing.
        assert [h["id"] for h in store.search("Pushilin AND Makeeva")] == [document.id]
        assert store.search("Pushilin NOT Makeeva") == []
        assert store.search("Zaporizhzhia") == []
        assert store.search("  ") == []


def test_stats_and_failures(tmp_path: Path, sample_text: str) -> None:
    document, record = sample_article(sample_text)
    with Store(tmp_path / "news.db") as store:
        assert set(store.stats().values()) == {0}
        store.put(document, record)
        store.record_failure("broken.html", "could not decode")
        assert store.stats() == {
            "documents": 1, "removed_passages": 1, "entities": 4,
            "mentions": 5 + 7 + 2 + 1, "quotes": 1, "times": 3, "events": 1, "failures": 1,
        }
        store.record_failure("broken.html", "binary file")  # the same input failing again
        rows = store._conn.execute("SELECT source, error, at FROM ingest_failures").fetchall()
        assert [(source, error) for source, error, _ in rows] == [("broken.html", "binary file")]
        assert rows[0][2].startswith("20")
        # once the input is stored, its failure is gone
        fixed = replace(document, id="fixed", source="broken.html")
        store.put(fixed, {**record, "id": "fixed", "source": "broken.html"})
        assert store.stats()["failures"] == 0


def test_entities_are_shared_and_geo_fields_filled(tmp_path: Path, sample_text: str) -> None:
    first, first_record = sample_article(sample_text, "a1")
    second, second_record = sample_article(sample_text, "a2")
    first_record["entities"][0]["geonames"] = None  # the first article did not place Pushilin
    second_record["entities"][0]["country"] = "UA"  # the second says where he is from
    second_record["entities"][0]["name"] = "Pushilin"
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.put(first, first_record)
        store.put(second, second_record)
        assert store.stats()["entities"] == 4
        row = store._conn.execute(
            "SELECT name, country FROM entities WHERE id = 'Q-pushilin'"
        ).fetchone()
        assert tuple(row) == ("Denis Pushilin", "UA")  # first name kept, NULL country filled
        assert store.get("a2")["entities"][0]["name"] == "Pushilin"  # as that article said
        assert store._conn.execute(
            "SELECT count(DISTINCT doc_id) FROM mentions WHERE entity_id = 'G709717'"
        ).fetchone()[0] == 2


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


def test_quotes_query_filters_by_speaker_entity_kind_and_date(tmp_path: Path,
                                                               sample_text: str) -> None:
    document, record = sample_article(sample_text)
    with Store(tmp_path / "news.db") as store:
        store.put(replace(document, published=Published("2022-08-17", "given")),
                  {**record, "published": {"value": "2022-08-17", "how": "given",
                                           "evidence": []}})
        [quote] = store.quotes(speaker="Pushilin")
        assert quote["text"].startswith("“The people of the Donbas")
        assert (quote["outlet"], quote["published"], quote["kind"]) == (
            "Al Jazeera", "2022-08-17", "direct")
        assert sample_text[quote["start"]:quote["end"]] == quote["text"]
        assert store.quotes(speaker="Q-pushilin") == [quote]
        assert store.quotes(about="Donetsk") == []  # Donbas, not Donetsk, is in the quote
        assert store.quotes(speaker="Price") == []
        assert store.quotes(kind="indirect") == []
        assert store.quotes(since="2022-08-18") == []
        assert store.quotes(since="2022-01-01") == [quote]


def test_timeline_orders_dated_facts_and_filters_by_entity(tmp_path: Path,
                                                           sample_text: str) -> None:
    document, record = sample_article(sample_text)
    record["events"][0]["date"] = {"value": "2022-07", "how": "text"}
    with Store(tmp_path / "news.db") as store:
        store.put(document, record)
        facts = store.timeline()
        assert [(f["kind"], f["value"]) for f in facts] == [
            ("time", "2017"), ("event", "2022-07"), ("time", "XXXX-07-29"),
            ("time", "XXXX-WXX-1")]
        assert [f["text"] for f in store.timeline(entity="Kyiv")] == ["severed"]
        # "Monday" stands in a sentence that names Pushilin
        assert [f["text"] for f in store.timeline(entity="Pushilin")] == ["Monday"]
        assert [f["value"] for f in store.timeline(date_from="2020", date_to="2022-07")] == [
            "2022-07"]
