"""Records and rows: round trips, idempotent re-ingest, updates without leftovers, span checks,
entities shared between articles, counts and failures."""

from __future__ import annotations

import copy
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph.document import OffsetMap, RemovedPassage
from newsgraph.store import Store
from tests.store.conftest import (
    BANNER,
    data_version,
    expected_get,
    fts_check,
    row_counts,
    sample_article,
    span,
)


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
