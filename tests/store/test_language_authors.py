"""The language and authors columns (migration 8): written, read back, counted, migrated."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsgraph.store import Store
from tests.store.conftest import sample_article


def test_language_and_authors_are_stored_in_columns_and_read_back(tmp_path: Path,
                                                                  sample_text: str) -> None:
    document, record = sample_article(sample_text)
    record["language"] = "en"
    record["authors"] = [{"name": "Al Jazeera Staff", "start": None, "end": None}]
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.put(document, record)
        assert store.get(document.id)["authors"] == record["authors"]
        assert store.get(document.id)["language"] == "en"
        assert store.languages() == {"en": 1}
    with sqlite3.connect(path) as conn:
        language, authors, data = conn.execute(
            "SELECT language, authors, data FROM documents").fetchone()
    assert (language, authors) == ("en", '[{"end":null,"name":"Al Jazeera Staff","start":null}]')
    assert data is None or "language" not in data  # not kept twice


def test_a_store_of_version_6_gains_the_columns(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.put(*sample_article(sample_text))
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX documents_language")
        conn.execute("ALTER TABLE documents DROP COLUMN language")
        conn.execute("ALTER TABLE documents DROP COLUMN authors")
        conn.execute("PRAGMA user_version = 6")
    with Store(path) as store:
        assert store.languages() == {"": 1}
        assert "language" not in store.get("al-jazeera-004")
