"""The settings each article was extracted with are stored with it: their digest is part of
the fingerprint, so re-ingesting under other settings re-stores; `stats` shows them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from newsgraph.config import DEFAULT_SETTINGS, load_settings
from newsgraph.store import Store
from tests.store.conftest import sample_article

QUOTES_6 = load_settings(overrides={"components.quotes.min_direct_words": 6})


def test_a_settings_change_re_stores_an_article_and_both_are_listed(tmp_path: Path,
                                                                      sample_text: str) -> None:
    document, record = sample_article(sample_text)
    path = tmp_path / "s.db"
    with Store(path) as store:
        assert store.put(document, record) == "stored"
        assert store.put(document, record) == "unchanged"
    with Store(path, settings=QUOTES_6) as store:
        assert store.put(document, record) == "updated"  # the same record, other settings
        assert store.put(document, record) == "unchanged"
        used = store.settings_used()
    assert [(row["digest"], row["articles"]) for row in used] == [(QUOTES_6.digest, 1)]
    assert used[0]["config"]["components"]["quotes"] == {"min_direct_words": 6}
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT settings FROM documents").fetchone()[0] == QUOTES_6.digest
        digests = {row[0] for row in conn.execute("SELECT digest FROM settings")}
    assert digests == {DEFAULT_SETTINGS.digest, QUOTES_6.digest}  # the history stays


def test_a_store_of_the_previous_version_is_migrated(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.put(*sample_article(sample_text))
    with sqlite3.connect(path) as conn:  # back to version 5: no settings recorded
        conn.execute("UPDATE documents SET settings = NULL, fingerprint = 'before settings'")
        conn.execute("DROP INDEX documents_settings")
        conn.execute("ALTER TABLE documents DROP COLUMN settings")
        conn.execute("DROP TABLE settings")
        conn.execute("DROP TABLE document_sources")  # migration 9's, applied again
        conn.execute("PRAGMA user_version = 5")
    with Store(path) as store:
        assert store.settings_used() == [{"digest": None, "articles": 1, "first_used": None,
                                          "config": None}]
        assert store.put(*sample_article(sample_text)) == "updated"  # now with its settings
        assert [row["digest"] for row in store.settings_used()] == [DEFAULT_SETTINGS.digest]


def test_stats_shows_the_settings_as_differences_from_the_defaults(tmp_path: Path,
                                                                     sample_text: str) -> None:
    from newsgraph.cli import main

    path = tmp_path / "s.db"
    with Store(path, settings=QUOTES_6) as store:
        store.put(*sample_article(sample_text))
    shown = CliRunner().invoke(main, ["stats", "--db", str(path)])
    assert shown.exit_code == 0
    assert (f"settings {QUOTES_6.digest}: 1 article(s) since" in shown.stdout
            and "config.cfg with components.quotes.min_direct_words = 6" in shown.stdout)
