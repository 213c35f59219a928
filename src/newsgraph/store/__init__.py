"""The embedded store: one SQLite file holding documents and everything extracted from them.

Plain tables with plain types (JSON kept as TEXT), so `sqlite3 newsgraph.db` and Datasette can
read it with nothing of ours loaded. Each article is written in one transaction, so a process
killed at any moment leaves either the whole article or nothing of it, and re-running an
ingest finishes the job: an article whose fingerprint is already stored is not written again.

`Store` is put together from one part per job:

    schema.py       the tables and their migrations; opening the file; write transactions
    rows.py         an article's record flattened into rows (checked first), and rebuilt
    queries.py      reading articles, search, quotes, events, the timeline; the SQL filters
    entities.py     reading entities: one, many, their names, roles, quotes, events, company
    grouping.py     events of several articles grouped as one real event, at put time
    corrections.py  a user's entity merges and splits, applied now and at every later put
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from newsgraph.config import DEFAULT_SETTINGS, Settings
from newsgraph.document import Document
from newsgraph.errors import NotAStore
from newsgraph.store.corrections import EntityCorrections
from newsgraph.store.entities import EntityQueries
from newsgraph.store.grouping import _grouping_candidates
from newsgraph.store.queries import (
    DATED,
    EventFilters,
    Queries,
    date_bounds,
    event_filters,
    like_pattern,
    party_filter,
    party_params,
)
from newsgraph.store.rows import _insert_many, _now, _Rows
from newsgraph.store.schema import (
    BUSY_TIMEOUT_MS,
    CHILD_TABLES,
    MIGRATIONS,
    SCHEMA_VERSION,
    STATS_TABLES,
    child_tables,
    connect,
)

__all__ = [
    "BUSY_TIMEOUT_MS", "CHILD_TABLES", "DATED", "MIGRATIONS", "SCHEMA_VERSION", "STATS_TABLES",
    "EventFilters", "Outcome", "Store", "_grouping_candidates", "date_bounds", "event_filters",
    "like_pattern", "party_filter", "party_params",
]

Outcome = Literal["stored", "unchanged", "updated"]


class Store(Queries, EntityQueries, EntityCorrections):
    """SQLite store of documents and what was extracted from them; readable by the sqlite3 shell
    and Datasette. Opening it for writing migrates it (and groups events stored before
    grouping existed); read-only, it must be at this newsgraph's schema version."""

    def __init__(self, path: str | Path, *, readonly: bool = False,
                 settings: Settings | None = None,
                 on_wait: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.settings = settings or DEFAULT_SETTINGS
        """The settings articles put here were extracted with (their digest is stored with
        each), and the store's own: the write-lock wait and the event grouping window."""
        self.on_wait = on_wait
        """Told once per write that waits more than a few seconds for another process's lock."""
        self._conn = connect(self.path, readonly)
        self._conn.row_factory = sqlite3.Row
        try:
            self._check_is_store()  # before any pragma: a foreign file is left untouched
            self._set_pragmas()
            if readonly:
                self._check_version()
            else:
                self._migrate()
                self._create_fact_tables()
                self._group_ungrouped_events()
        except sqlite3.DatabaseError as error:
            self._conn.close()
            if "not a database" in str(error) or "malformed" in str(error):
                raise NotAStore(f"{self.path} is not a SQLite database ({error}): give --db a "
                                "newsgraph store, or a new file name") from error
            raise
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def on_connection(cls, conn: sqlite3.Connection) -> Store:
        """A read-only Store over a connection someone else opened and closes: Datasette's
        per-thread read connections, so the web pages read through the same queries as the CLI.
        The connection must return sqlite3.Row rows (Datasette's do)."""
        store = cls.__new__(cls)
        row = conn.execute("PRAGMA database_list").fetchone()
        store.path = Path(row[2] if row and row[2] else ":memory:")
        store.readonly = True
        store.settings = DEFAULT_SETTINGS
        store._conn = conn
        store._check_version()
        return store

    def put(self, document: Document, record: dict[str, Any]) -> Outcome:
        """Store one article in one transaction.

        "unchanged" (nothing written) when the same content is already stored; "updated" when
        the id is stored with other content (its rows are replaced, none left over); "stored"
        when new. Raises ValueError, writing nothing, if a span does not slice the text.
        """
        digest = self.settings.digest
        rows = self._corrected_rows(document, record, _Rows.build(document, record, digest))
        if self.fingerprint(rows.doc_id) == rows.fingerprint:
            # the common re-ingest case, decided without the write lock unless the path is new
            if not self._has_source(rows.doc_id, document.source):
                with self._write() as conn:
                    self._add_sources(rows.doc_id, [document.source])
            return "unchanged"
        with self._write() as conn:
            old = conn.execute(
                "SELECT seq, fingerprint FROM documents WHERE id = ?", (rows.doc_id,)
            ).fetchone()
            if old is not None and old["fingerprint"] == rows.fingerprint:
                self._add_sources(rows.doc_id, [document.source])
                return "unchanged"
            stale_groups: list[int] = []
            sources = [document.source]
            if old is None:
                seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0]
            else:
                seq = old["seq"]
                sources = self.sources(rows.doc_id) + sources
                stale_groups = self._event_group_ids(rows.doc_id)
                self._delete(rows.doc_id)
            rows.document["seq"] = seq
            rows.document["ingested_at"] = _now()
            conn.execute("INSERT OR IGNORE INTO settings(digest, config, first_used) "
                         "VALUES (?, ?, ?)",
                         (digest, json.dumps(self.settings.output(), sort_keys=True), _now()))
            self._insert(rows)
            self._add_sources(rows.doc_id, sources)
            self._group_events(rows.doc_id, stale_groups)
            conn.execute("DELETE FROM ingest_failures WHERE source = ?", (document.source,))
        return "stored" if old is None else "updated"

    def sources(self, doc_id: str) -> list[str]:
        """Every path (or stream) the article was read from, the first first."""
        return [row[0] for row in self._conn.execute(
            "SELECT ds.source FROM document_sources ds JOIN documents d ON d.id = ds.doc_id "
            "WHERE ds.doc_id = ? ORDER BY ds.source != d.source, ds.source", (doc_id,))]

    def _has_source(self, doc_id: str, source: str) -> bool:
        return self._conn.execute("SELECT 1 FROM document_sources WHERE doc_id = ? AND "
                                  "source = ?", (doc_id, source)).fetchone() is not None

    def _add_sources(self, doc_id: str, sources: list[str]) -> None:
        self._conn.executemany("INSERT OR IGNORE INTO document_sources(doc_id, source) "
                               "VALUES (?, ?)", [(doc_id, source) for source in sources])

    def failures(self) -> list[dict[str, str]]:
        """The inputs whose latest attempt failed and that were not stored since, oldest
        first: {"source", "error", "at"}."""
        return [dict(row) for row in self._conn.execute(
            "SELECT source, error, at FROM ingest_failures ORDER BY at, id")]

    def record_failure(self, source: str, error: str) -> None:
        """Remember that `source` failed and why (replacing an earlier failure of it)."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO ingest_failures(source, error, at) VALUES (?, ?, ?) "
                "ON CONFLICT(source) DO UPDATE SET error = excluded.error, at = excluded.at",
                (source, error, _now()),
            )

    def _delete(self, doc_id: str) -> None:
        """Remove a document with its child rows, and the entities no other document lists."""
        conn = self._conn
        entity_ids = [row[0] for row in conn.execute(
            "SELECT entity_id FROM document_entities WHERE doc_id = ?", (doc_id,)
        )]
        for table in child_tables():  # ON DELETE CASCADE would do it; explicit costs nothing
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        conn.executemany(
            """DELETE FROM entities WHERE id = ?1
               AND NOT EXISTS (SELECT 1 FROM document_entities WHERE entity_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)""",
            [(entity_id,) for entity_id in entity_ids],
        )

    def _insert(self, rows: _Rows) -> None:
        """Write every row of one article (inside put's transaction)."""
        conn = self._conn
        # rowid = seq, so tools that join the FTS index on rowid (Datasette) find the document.
        _insert_many(conn, "documents", [{"rowid": rows.document["seq"], **rows.document}])
        conn.executemany(
            """INSERT INTO entities(id, name, type, geonames, lat, lon, country)
               VALUES (:id, :name, :type, :geonames, :lat, :lon, :country)
               ON CONFLICT(id) DO UPDATE SET
                   geonames = coalesce(entities.geonames, excluded.geonames),
                   lat = coalesce(entities.lat, excluded.lat),
                   lon = coalesce(entities.lon, excluded.lon),
                   country = coalesce(entities.country, excluded.country)""",
            rows.entities,
        )
        for table in child_tables():
            _insert_many(conn, table, rows.table(table))
