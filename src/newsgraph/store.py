"""The embedded store: one SQLite file holding documents and everything extracted from them.

Plain tables with plain types (JSON kept as TEXT), so `sqlite3 newsgraph.db` and Datasette can
read it with nothing of ours loaded. Each article is written in one transaction, so a process
killed at any moment leaves either the whole article or nothing of it, and re-running an
ingest finishes the job: an article whose fingerprint is already stored is not written again.

Every list item of the record keeps its position (`ord`) and, in a `data` column, whatever of it
the flat columns cannot say (fields the project adds later, unusual shapes), so `get` gives back
the record that was put.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, TypedDict, Unpack

from newsgraph.document import Document
from newsgraph.errors import NotAStore, StoreNotFound, StoreVersionError
from newsgraph.event_merge import (
    DEFAULT_WINDOW_DAYS,
    EventFacts,
    Party,
    choose_group,
    same_event,
    same_types,
)

BUSY_TIMEOUT_MS = 10_000

# Each migration is applied in its own transaction, which also sets PRAGMA user_version to its
# number (its position + 1). Never edit a released migration: append a new one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the tables.
    (
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,  -- stable integer key for the FTS index (see put)
            source TEXT NOT NULL,
            url TEXT,
            format TEXT,
            title TEXT,
            outlet TEXT,
            published TEXT,
            published_how TEXT,
            published_evidence TEXT,      -- JSON list of strings
            raw TEXT,
            source_text TEXT,
            text TEXT NOT NULL,
            offset_map TEXT,              -- JSON: OffsetMap.to_json()
            title_start INTEGER,
            title_end INTEGER,
            fingerprint TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            data TEXT,                    -- JSON: record fields the columns do not hold
            CHECK (0 <= title_start AND title_start <= title_end)
        )""",
        """CREATE TABLE removed_passages (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            start INTEGER NOT NULL,       -- offsets into documents.source_text
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            reason TEXT,
            CHECK (0 <= start AND start <= "end")
        )""",
        """CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT,
            type TEXT,
            geonames INTEGER,
            lat REAL,
            lon REAL,
            country TEXT
        )""",
        # Which entities a document lists, in its order, with the name and type it gave them
        # (the shared `entities` row keeps the first ones seen).
        """CREATE TABLE document_entities (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            ord INTEGER NOT NULL,
            name TEXT,
            type TEXT,
            data TEXT,
            PRIMARY KEY (doc_id, entity_id)
        )""",
        """CREATE TABLE mentions (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            ord INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            data TEXT,
            CHECK (0 <= start AND start <= "end")
        )""",
        """CREATE TABLE quotes (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT,
            cue_start INTEGER,
            cue_end INTEGER,
            cue_text TEXT,
            speaker_entity TEXT,
            speaker_name TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            data TEXT,
            CHECK (0 <= start AND start <= "end"),
            CHECK (0 <= cue_start AND cue_start <= cue_end),
            CHECK (0 <= speaker_start AND speaker_start <= speaker_end)
        )""",
        """CREATE TABLE times (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value TEXT,
            type TEXT,
            data TEXT,
            CHECK (0 <= start AND start <= "end")
        )""",
        """CREATE TABLE events (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            trigger_text TEXT NOT NULL,
            sentence_start INTEGER,
            sentence_end INTEGER,
            actor_entity TEXT,
            actor_name TEXT,
            target_entity TEXT,
            target_name TEXT,
            place_entity TEXT,
            place_name TEXT,
            place_geonames INTEGER,
            date_value TEXT,
            date_how TEXT,
            fatalities_min INTEGER,
            fatalities_max INTEGER,
            size_min INTEGER,
            size_max INTEGER,
            negated INTEGER NOT NULL DEFAULT 0,
            hypothetical INTEGER NOT NULL DEFAULT 0,
            data TEXT,
            CHECK (0 <= trigger_start AND trigger_start <= trigger_end),
            CHECK (0 <= sentence_start AND sentence_start <= sentence_end)
        )""",
        # The latest failure of each input that failed and has not been stored since: a state,
        # not a log, so ingesting the same inputs twice leaves the same rows.
        """CREATE TABLE ingest_failures (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL UNIQUE,
            error TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
        "CREATE INDEX removed_passages_doc ON removed_passages(doc_id)",
        "CREATE INDEX document_entities_entity ON document_entities(entity_id)",
        "CREATE INDEX mentions_doc ON mentions(doc_id)",
        "CREATE INDEX mentions_entity ON mentions(entity_id)",
        "CREATE INDEX quotes_doc ON quotes(doc_id)",
        "CREATE INDEX times_doc ON times(doc_id)",
        "CREATE INDEX times_value ON times(value)",
        "CREATE INDEX events_doc ON events(doc_id)",
        "CREATE INDEX events_type ON events(type)",
    ),
    # 2: full-text search. External content (the text is not stored twice), kept in sync by
    # triggers, so it also follows rows deleted from the sqlite3 shell or Datasette. Keyed by
    # documents.seq rather than the implicit rowid, which VACUUM and .dump may renumber.
    # content="documents" in double quotes: the form Datasette looks for to offer search.
    (
        """CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content="documents", content_rowid="seq",
            tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
        END""",
        """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.seq, old.title, old.text);
        END""",
        """CREATE TRIGGER documents_fts_update AFTER UPDATE OF seq, title, text ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.seq, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
        END""",
        "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
    ),
    # 3: indexes for the entity page and the filters (who said, who did, where).
    # IF NOT EXISTS here and below: safe to re-run on a store rolled back to an older version.
    (
        "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_entity)",
        "CREATE INDEX IF NOT EXISTS events_actor ON events(actor_entity)",
        "CREATE INDEX IF NOT EXISTS events_target ON events(target_entity)",
        "CREATE INDEX IF NOT EXISTS events_place ON events(place_entity)",
    ),
    # 4: events merged across articles: one event_groups row per real event, and for each
    # event (doc_id, ord) the group of the real event it reports (see event_merge.py and
    # Store._group_events). Events stored before this migration get their groups when the
    # store is next opened for writing (Store._group_ungrouped_events). IF NOT EXISTS: safe to
    # re-run.
    (
        """CREATE TABLE IF NOT EXISTS event_groups (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS event_group_members (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            group_id INTEGER NOT NULL REFERENCES event_groups(id),
            PRIMARY KEY (doc_id, ord)
        )""",
        "CREATE INDEX IF NOT EXISTS event_group_members_group ON event_group_members(group_id)",
        "CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date_value)",
    ),
    # 5: entity corrections: a user's merges and splits (newsgraph.resolution), applied to the
    # stored articles when made and to every article ingested afterwards; undone ones are kept
    # (undone_at) as the history of what was decided.
    (
        """CREATE TABLE IF NOT EXISTS entity_corrections (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
            target TEXT NOT NULL,         -- merge: the entity kept; split: the one a name leaves
            source TEXT,                  -- merge: the entity merged into target
            name TEXT,                    -- split: the mention text moved out
            new_id TEXT,                  -- split: the id the moved mentions get
            data TEXT,                    -- JSON: the entities' fields at the time
            at TEXT NOT NULL,
            undone_at TEXT
        )""",
    ),
)

SCHEMA_VERSION: int = len(MIGRATIONS)

CHILD_TABLES = ("removed_passages", "document_entities", "mentions", "quotes", "times", "events")
STATS_TABLES = {
    "documents": "documents",
    "removed_passages": "removed_passages",
    "entities": "entities",
    "mentions": "mentions",
    "quotes": "quotes",
    "times": "times",
    "events": "events",
    "failures": "ingest_failures",
}
# Record keys rebuilt from their own tables or columns, never kept in documents.data.
_RECORD_LISTS = ("entities", "quotes", "times", "events")
_DOCUMENT_KEYS = ("removed", "url", "format")

Outcome = Literal["stored", "unchanged", "updated"]


class Store:
    """SQLite store of documents and what was extracted from them; readable by the sqlite3 shell
    and Datasette."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._conn = _connect(self.path, readonly)
        self._conn.row_factory = sqlite3.Row
        try:
            self._check_is_store()  # before any pragma: a foreign file is left untouched
            self._set_pragmas()
            if readonly:
                self._check_version()
            else:
                self._migrate()
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
        store._conn = conn
        store._check_version()
        return store

    # -- connection -------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _set_pragmas(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            # A read-only connection cannot switch the journal; the writer sets it on creation.
            if not self.readonly:
                raise
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")

    def _check_is_store(self) -> None:
        """Refuse a SQLite file of another program: migrating it would write our tables into
        somebody else's database."""
        if self._user_version() != 0:
            return
        tables = [row[0] for row in self._conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        if tables:
            shown = ", ".join(tables[:5]) + (" ..." if len(tables) > 5 else "")
            raise NotAStore(f"{self.path} is a SQLite database of another program (tables: "
                            f"{shown}), not a newsgraph store: give --db a newsgraph store, or "
                            "a new file name")
        if self.readonly:
            raise NotAStore(f"{self.path} is an empty database, not a newsgraph store yet: "
                            f"run `newsgraph ingest PATHS --db {self.path}` first")

    def _user_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _check_version(self) -> int:
        version = self._user_version()
        if version > SCHEMA_VERSION:
            raise StoreVersionError(
                f"{self.path} has schema version {version}; this newsgraph knows up to "
                f"{SCHEMA_VERSION}: upgrade newsgraph"
            )
        if self.readonly and version < SCHEMA_VERSION:
            raise StoreVersionError(
                f"{self.path} has schema version {version}, not {SCHEMA_VERSION}: open it for "
                "writing once (e.g. `newsgraph ingest`) to migrate it"
            )
        return version

    def _migrate(self) -> None:
        """Apply the pending migrations, each in one transaction (so a crash leaves the file at
        some version, never between two). Re-reads the version under the write lock, since
        another process may have migrated meanwhile."""
        while self._check_version() < SCHEMA_VERSION:
            with self._write() as conn:
                version = self._check_version()
                if version >= SCHEMA_VERSION:
                    break
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: BEGIN IMMEDIATE takes the write lock up front (no deadlock
        between two readers upgrading), and any error rolls everything back."""
        if self.readonly:
            raise sqlite3.OperationalError(f"{self.path} is open read-only")
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    # -- reading ----------------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() \
            is not None

    def fingerprint(self, doc_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT fingerprint FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return row[0] if row else None

    def ids(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT id FROM documents ORDER BY seq")]

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """The record as it was put, rebuilt from the tables, plus the document's "url",
        "format" and "removed" passages ([{source_start, source_end, text, reason}]: spans of
        its source text, named as in the extraction record)."""
        conn = self._conn
        row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        record = _with_data(_document_fields(row), row["data"])
        head = {key: record.pop(key) for key in ("id", "source", "title", "outlet", "published",
                                                  "text") if key in record}

        mentions: dict[str, list[dict[str, Any]]] = {}
        for mention in conn.execute(
            "SELECT * FROM mentions WHERE doc_id = ? ORDER BY entity_id, ord", (doc_id,)
        ):
            mentions.setdefault(mention["entity_id"], []).append(
                _with_data(_span_fields(mention), mention["data"])
            )
        entities = []
        for entity in conn.execute(
            """SELECT de.entity_id, de.name, de.type, de.data,
                      e.geonames, e.lat, e.lon, e.country
               FROM document_entities de JOIN entities e ON e.id = de.entity_id
               WHERE de.doc_id = ? ORDER BY de.ord""",
            (doc_id,),
        ):
            rebuilt = _entity_fields(entity)
            rebuilt["mentions"] = mentions.get(entity["entity_id"], [])
            entities.append(_with_data(rebuilt, entity["data"]))

        lists: dict[str, list[dict[str, Any]]] = {"entities": entities}
        for table, rebuild in (("quotes", _quote_fields), ("times", _time_fields),
                               ("events", _event_fields)):
            lists[table] = [
                _with_data(rebuild(item), item["data"])
                for item in conn.execute(
                    f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY ord", (doc_id,)
                )
            ]
        removed = [
            {"source_start": passage["start"], "source_end": passage["end"],
             "text": passage["text"], "reason": passage["reason"]}
            for passage in conn.execute(
                "SELECT * FROM removed_passages WHERE doc_id = ? ORDER BY ord", (doc_id,)
            )
        ]
        return {**head, **lists, "url": row["url"], "format": row["format"], "removed": removed,
                **record}

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search, best matches first, each with a snippet marking hits as [..].

        A query FTS5 cannot parse (stray quotes, `U.S.`, `Jong-un`, a lone AND) is retried as
        one quoted phrase, so users need not know the query syntax.
        """
        match = self.fts_match(query)
        if match is None:
            return []
        sql = """SELECT d.id, d.title, d.outlet, d.published,
                        snippet(documents_fts, -1, '[', ']', '…', 16) AS snippet
                 FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
                 WHERE documents_fts MATCH ? ORDER BY documents_fts.rank LIMIT ?"""
        return [dict(row) for row in self._conn.execute(sql, (match, limit))]

    def fts_match(self, query: str) -> str | None:
        """`query` as FTS5 takes it: itself when FTS5 can parse it, else as one quoted phrase;
        None when it is empty."""
        if not query.strip():
            return None
        try:
            self._conn.execute("SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT 1",
                               (query,)).fetchall()
            return query
        except sqlite3.OperationalError:
            return '"' + query.replace('"', '""') + '"'

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        limit: int | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored quotes, newest article first, with their article's title, outlet and date, and
        the quote's own date ("date": when it was said, where the record has it).

        `speaker`: part of the speaker's name or entity id; `about`: part of the name or id of
        an entity mentioned inside the quote; `since`: articles published on or after a date;
        `date_from`/`date_to`: the quote's own date (its article's when it has none) within the
        bounds, compared at each bound's precision.
        """
        where, params = [], []
        if speaker:
            where.append(party_filter("q.speaker"))
            params += party_params(speaker)
        if about:
            where.append(
                """EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id
                   WHERE m.doc_id = q.doc_id AND m.start >= q.start AND m."end" <= q."end"
                   AND (e.name LIKE ? ESCAPE '\\' OR e.id = ? OR m.text LIKE ? ESCAPE '\\'))""")
            params += party_params(about)
        if kind:
            where.append("q.kind = ?")
            params.append(kind)
        if since:
            where.append("d.published >= ?")
            params.append(since)
        said = "coalesce(json_extract(q.data, '$.date.value'), d.published)"
        bounds, bound_params = date_bounds(said, date_from, date_to)
        where += bounds
        params += bound_params
        sql = f"""SELECT q.doc_id, q.ord, q.start, q."end", q.text, q.kind, q.speaker_name,
                         q.speaker_entity, json_extract(q.data, '$.date.value') AS date,
                         d.title, d.outlet, d.published
                  FROM quotes q JOIN documents d ON d.id = q.doc_id
                  {"WHERE " + " AND ".join(where) if where else ""}
                  ORDER BY d.published DESC, d.seq, q.ord
                  {"LIMIT ?" if limit else ""}"""
        if limit:
            params.append(limit)
        return [dict(row) for row in self._conn.execute(sql, params)]

    def events(self, **filters: Unpack[EventFilters]) -> list[dict[str, Any]]:
        """Stored events in date order, each with its article (title, outlet, source, url), its
        sentence text and its place's coordinates and country.

        `actor` and `place`: part of a name, or an entity id. Negated events ("no reports of
        clashes") are left out unless asked for.
        """
        return list(self.iter_events(**filters))

    def iter_events(self, **filters: Unpack[EventFilters]) -> Iterator[dict[str, Any]]:
        """`events`, one at a time from the cursor: exports of large stores stay in constant
        memory."""
        where, params = event_filters(**filters)
        sql = f"""SELECT ev.*, d.title, d.outlet, d.source, d.url, d.published, d.seq,
                         substr(d.text, ev.sentence_start + 1,
                                ev.sentence_end - ev.sentence_start) AS sentence,
                         pe.lat AS place_lat, pe.lon AS place_lon, pe.country AS place_country,
                         pe.type AS place_type
                  FROM events ev JOIN documents d ON d.id = ev.doc_id
                  LEFT JOIN entities pe ON pe.id = ev.place_entity
                  {"WHERE " + " AND ".join(where) if where else ""}
                  ORDER BY coalesce(ev.date_value, d.published), d.seq, ev.ord"""
        for found in self._conn.execute(sql, params):
            row = dict(found)
            row.pop("data", None)
            row["date"] = row["date_value"] or row["published"]
            yield row

    def timeline(
        self,
        *,
        entity: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[dict[str, Any]]:
        """Dated facts in date order: events with a date, and time expressions with a date value.

        `entity` (part of a name, or an id) keeps events it takes part in and time expressions
        in a sentence that mentions it; `date_from`/`date_to` bound the values (inclusive, by
        prefix, so "2014-05" covers the whole month).
        """
        facts: list[dict[str, Any]] = []
        for row in self._conn.execute(
            """SELECT doc_id, date_value AS value, type, trigger_start AS start,
                      trigger_end AS "end", trigger_text AS text, sentence_start, sentence_end,
                      actor_name, actor_entity, target_name, target_entity, place_name,
                      place_entity
               FROM events WHERE date_value IS NOT NULL"""
        ):
            fact = {"kind": "event", **dict(row)}
            parties = [row[key] or "" for key in ("actor_name", "actor_entity", "target_name",
                                                   "target_entity", "place_name",
                                                   "place_entity")]
            if entity and not any(_names(entity, party) for party in parties):
                continue
            facts.append(fact)
        texts: dict[str, str] = {}
        for row in self._conn.execute(
            """SELECT doc_id, value, type, start, "end", text FROM times
               WHERE value GLOB '[0-9X][0-9X][0-9X][0-9X]*' ORDER BY doc_id, ord"""
        ):
            fact = {"kind": "time", **dict(row)}
            if entity:
                text = texts.get(row["doc_id"])
                if text is None:
                    text = texts[row["doc_id"]] = self._conn.execute(
                        "SELECT text FROM documents WHERE id = ?", (row["doc_id"],)
                    ).fetchone()[0]
                start, end = _sentence_around(text, row["start"], row["end"])
                mentioned = self._conn.execute(
                    """SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id
                       WHERE m.doc_id = ? AND m.start >= ? AND m."end" <= ?
                       AND (e.name LIKE ? OR e.id = ? OR m.text LIKE ?) LIMIT 1""",
                    (row["doc_id"], start, end, f"%{entity}%", entity, f"%{entity}%"),
                ).fetchone()
                if not mentioned:
                    continue
            facts.append(fact)
        facts = [fact for fact in facts if _in_window(fact["value"], date_from, date_to)]
        return sorted(facts, key=lambda fact: (fact["value"], fact["doc_id"], fact["start"]))

    def rows(self, sql: str, params: tuple[Any, ...] | Mapping[str, Any] = ()
             ) -> Iterator[sqlite3.Row]:
        """Rows of one read query, streamed from the cursor (exports, the web pages). On a
        read-only store SQLite itself refuses writes."""
        yield from self._conn.execute(sql, params)

    def stats(self) -> dict[str, int]:
        return {
            name: int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for name, table in STATS_TABLES.items()
        }

    # -- writing ----------------------------------------------------------------------------

    def put(self, document: Document, record: dict[str, Any]) -> Outcome:
        """Store one article in one transaction.

        "unchanged" (nothing written) when the same content is already stored; "updated" when
        the id is stored with other content (its rows are replaced, none left over); "stored"
        when new. Raises ValueError, writing nothing, if a span does not slice the text.
        """
        rows = self._corrected_rows(document, record, _Rows.build(document, record))
        if self.fingerprint(rows.doc_id) == rows.fingerprint:
            return "unchanged"  # the common re-ingest case, decided without the write lock
        with self._write() as conn:
            old = conn.execute(
                "SELECT seq, fingerprint FROM documents WHERE id = ?", (rows.doc_id,)
            ).fetchone()
            if old is not None and old["fingerprint"] == rows.fingerprint:
                return "unchanged"
            stale_groups: list[int] = []
            if old is None:
                seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM documents").fetchone()[0]
            else:
                seq = old["seq"]
                stale_groups = self._event_group_ids(rows.doc_id)
                self._delete(rows.doc_id)
            rows.document["seq"] = seq
            rows.document["ingested_at"] = _now()
            self._insert(rows)
            self._group_events(rows.doc_id, stale_groups)
            conn.execute("DELETE FROM ingest_failures WHERE source = ?", (document.source,))
        return "stored" if old is None else "updated"

    def _event_group_ids(self, doc_id: str) -> list[int]:
        return [row[0] for row in self._conn.execute(
            "SELECT DISTINCT group_id FROM event_group_members WHERE doc_id = ?", (doc_id,))]

    def _group_events(self, doc_id: str, stale_groups: list[int]) -> None:
        """Put each event of a just-stored article in the group of the real event it reports
        (event_merge.same_event with every member), else in a new group of its own; then drop
        the groups the article's old version leaves empty. Runs inside the caller's write
        transaction, so re-storing an unchanged article changes nothing and a replaced one
        leaves no empty group."""
        conn = self._conn
        conn.execute("DELETE FROM event_group_members WHERE doc_id = ?", (doc_id,))
        for row in conn.execute(f"SELECT {_GROUPING_COLUMNS} FROM events ev WHERE doc_id = ? "
                                "ORDER BY ord", (doc_id,)).fetchall():
            facts = EventFacts.from_row(dict(row))
            group_id = self._joinable_group(facts)
            if group_id is None:
                group_id = conn.execute("INSERT INTO event_groups(type) VALUES (?)",
                                        (row["type"],)).lastrowid
            conn.execute("INSERT INTO event_group_members(doc_id, ord, group_id) VALUES (?, ?, ?)",
                         (doc_id, row["ord"], group_id))
        conn.executemany(
            """DELETE FROM event_groups WHERE id = ?1
               AND NOT EXISTS (SELECT 1 FROM event_group_members WHERE group_id = ?1)""",
            [(group_id,) for group_id in stale_groups])

    def _joinable_group(self, facts: EventFacts) -> int | None:
        """The group an event joins (event_merge.choose_group), found without reading every
        event of its type near its date: SQL keeps only the grouped events that could report
        the same event (_grouping_candidates: type, day window, asserted, same actor or, with
        none, same day and place), same_event decides on those, and only the groups with a
        matching member are read whole, since the event must match every member."""
        where = _grouping_candidates(facts)
        if where is None:
            return None
        conn = self._conn
        sql, params = where
        matched = sorted({row["group_id"] for row in conn.execute(
            f"""SELECT m.group_id, {_GROUPING_COLUMNS} FROM events ev
                JOIN event_group_members m ON m.doc_id = ev.doc_id AND m.ord = ev.ord
                WHERE {sql}""", params) if same_event(facts, EventFacts.from_row(dict(row)))})
        if not matched:
            return None
        groups: dict[int, list[EventFacts]] = {}
        for member in conn.execute(
                f"""SELECT m.group_id, {_GROUPING_COLUMNS} FROM event_group_members m
                    JOIN events ev ON ev.doc_id = m.doc_id AND ev.ord = m.ord
                    WHERE m.group_id IN ({", ".join("?" * len(matched))})""", matched):
            groups.setdefault(member["group_id"], []).append(EventFacts.from_row(dict(member)))
        return choose_group(facts, groups)

    def _group_ungrouped_events(self) -> int:
        """Group the events stored without a group (before grouping existed, by an older
        newsgraph): their articles in `seq` order, each as if just stored, in one transaction,
        so they merge with each other and with later ones. Returns the number of articles
        regrouped; when every event has its group, one query and nothing written."""
        ungrouped = """FROM events ev WHERE NOT EXISTS (
            SELECT 1 FROM event_group_members m WHERE m.doc_id = ev.doc_id AND m.ord = ev.ord)"""
        if not self._conn.execute(f"SELECT EXISTS (SELECT 1 {ungrouped})").fetchone()[0]:
            return 0
        with self._write() as conn:
            doc_ids = [row[0] for row in conn.execute(
                f"""SELECT id FROM documents WHERE id IN (SELECT ev.doc_id {ungrouped})
                    ORDER BY seq""").fetchall()]
            for doc_id in doc_ids:
                self._group_events(doc_id, self._event_group_ids(doc_id))
        return len(doc_ids)

    def merged_events(self, **filters: Unpack[EventFilters]) -> list[dict[str, Any]]:
        """One row per real event, in date order: the fullest of its mentions (as
        `events` gives it) plus "mentions" (every report of it: article, span, sentence,
        outlet), "n_mentions" and "n_outlets". The filters are those of `events`; a real event
        is listed when any of its mentions matches, with all its mentions."""
        group_of = {(row[0], row[1]): row[2] for row in self._conn.execute(
            "SELECT doc_id, ord, group_id FROM event_group_members")}
        wanted = {_group_key(row, group_of) for row in self.events(**filters)}
        groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
        for row in self.events(include_negated=filters.get("include_negated", False)):
            key = _group_key(row, group_of)
            if key in wanted:
                groups.setdefault(key, []).append(row)
        merged = []
        for members in groups.values():
            best = dict(max(members, key=_event_richness))
            best["group_id"] = group_of.get((best["doc_id"], best["ord"]))
            best["date"] = min(member["date"] or "" for member in members) or best["date"]
            best["mentions"] = [
                {key: member[key] for key in ("doc_id", "ord", "trigger_start", "trigger_end",
                                              "trigger_text", "sentence", "title", "outlet",
                                              "source", "url", "published")}
                for member in members]
            best["n_mentions"] = len(members)
            best["n_outlets"] = len({member["outlet"] or member["source"]
                                     for member in members})
            merged.append(best)
        return sorted(merged, key=lambda event: (event["date"] or "", event["seq"],
                                                 event["ord"]))

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
        for table in CHILD_TABLES:  # ON DELETE CASCADE would do it; explicit costs nothing
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        conn.executemany(
            """DELETE FROM entities WHERE id = ?1
               AND NOT EXISTS (SELECT 1 FROM document_entities WHERE entity_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)""",
            [(entity_id,) for entity_id in entity_ids],
        )

    def _insert(self, rows: _Rows) -> None:
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
        for table in CHILD_TABLES:
            _insert_many(conn, table, getattr(rows, table))

    # -- entities: listing, one entity, the framing lens, corrections ------------------------

    def find_entity(self, key: str) -> str | None:
        """The id of the entity `key` names: an id; else a canonical name (the entity with most
        mentions when several have it), then a mention's text (the entity mentioned so most
        often); else part of a name. Case is ignored. None when nothing matches. A lookup for
        showing an entity; corrections take only an id or a whole name (_known_entity)."""
        conn = self._conn
        if conn.execute("SELECT 1 FROM entities WHERE id = ?", (key,)).fetchone():
            return key
        total = "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)"
        for sql, value in (
            (f"SELECT e.id, {total} AS n FROM entities e WHERE e.name = ? COLLATE NOCASE", key),
            ("""SELECT entity_id AS id, count(*) AS n FROM mentions
                WHERE text = ? COLLATE NOCASE GROUP BY entity_id""", key),
            (f"SELECT e.id, {total} AS n FROM entities e WHERE e.name LIKE ? ESCAPE '\\'",
             like_pattern(key)),
        ):
            row = conn.execute(f"SELECT id FROM ({sql}) ORDER BY n DESC, id LIMIT 1",
                               (value,)).fetchone()
            if row is not None:
                return str(row[0])
        return None

    def entities(
        self,
        *,
        entity_type: str | None = None,
        sort: Literal["mentions", "articles", "name"] = "mentions",
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored entities, each {"id", "name", "type", "geonames", "lat", "lon", "country",
        "mentions": count, "articles": count}; most mentioned first (or by `sort`)."""
        order = {"mentions": "mentions DESC, e.name COLLATE NOCASE",
                 "articles": "articles DESC, mentions DESC, e.name COLLATE NOCASE",
                 "name": "e.name COLLATE NOCASE, mentions DESC"}[sort]
        where, params = "", []
        if entity_type:
            where = "WHERE e.type = ?"
            params.append(entity_type.upper())
        sql = f"""SELECT e.id, e.name, e.type, e.geonames, e.lat, e.lon, e.country,
                         count(m.doc_id) AS mentions, count(DISTINCT m.doc_id) AS articles
                  FROM entities e JOIN mentions m ON m.entity_id = e.id
                  {where} GROUP BY e.id ORDER BY {order} {"LIMIT ?" if limit else ""}"""
        if limit:
            params.append(limit)
        return [dict(row) for row in self._conn.execute(sql, params)]

    def entity_names(self, entity_id: str) -> list[dict[str, Any]]:
        """The framing lens: which name each outlet uses for an entity, year by year, as rows
        {"name", "outlet", "year", "count"} (Kiev in 2014, Kyiv in 2022; DNR or DPR). Names are
        mention texts with white space and quotes folded; outlet and year may be None."""
        counts: dict[tuple[str, str | None, str | None], int] = {}
        for row in self._conn.execute(
            """SELECT m.text, d.outlet, substr(d.published, 1, 4) AS year
               FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?""",
            (entity_id,),
        ):
            year = row["year"] if row["year"] and row["year"].isdigit() else None
            key = (_display_name(row["text"]), row["outlet"], year)
            counts[key] = counts.get(key, 0) + 1
        rows = [{"name": name, "outlet": outlet, "year": year, "count": count}
                for (name, outlet, year), count in counts.items()]
        return sorted(rows, key=lambda r: (r["year"] or "", r["outlet"] or "", -r["count"],
                                           r["name"]))

    def entity(self, key: str, *, context: int = 70) -> dict[str, Any] | None:
        """Everything stored about one entity (`key`: an id or a name, see find_entity), or None.

        {"id", "name", "type", "geonames", "lat", "lon", "country",
         "names": [{"name", "count"}]            -- the texts it is mentioned by, most used first,
         "lens": [{"name", "outlet", "year", "count"}]    -- see entity_names,
         "roles": [{"role", "count"}]            -- titles and appositions ("separatist leader"),
         "articles": [{"doc_id", "title", "outlet", "published", "mentions"}],
         "mentions": [{"doc_id", "start", "end", "text", "context", ...}]  -- `context`: the text
             around it (up to `context` characters each side); any field the extractor added to
             the mention ("role", "metonymy") comes along,
         "corrections": [{"id", "action", "target", "source", "name", "new_id", "at"}],
         "candidates": [{"id", "name", "score"}]  -- see entity_candidates}
        """
        entity_id = self.find_entity(key)
        if entity_id is None:
            return None
        conn = self._conn
        row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        result: dict[str, Any] = dict(row)
        names: dict[str, int] = {}
        mentions, texts = [], {}
        for mention in conn.execute(
            """SELECT m.doc_id, m.start, m."end", m.text, m.data FROM mentions m
               JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?
               ORDER BY d.published, d.seq, m.start""",
            (entity_id,),
        ):
            name = _display_name(mention["text"])
            names[name] = names.get(name, 0) + 1
            text = texts.get(mention["doc_id"])
            if text is None:
                text = texts[mention["doc_id"]] = conn.execute(
                    "SELECT text FROM documents WHERE id = ?", (mention["doc_id"],)
                ).fetchone()[0]
            start, end = mention["start"], mention["end"]
            around = " ".join(text[max(0, start - context):end + context].split())
            mentions.append(_with_data({"doc_id": mention["doc_id"], **_span_fields(mention),
                                        "context": around}, mention["data"]))
        roles: dict[str, int] = {}
        articles = []
        for article in conn.execute(
            # mentions counted in one grouped pass: a per-article subquery lets SQLite scan the
            # entity's mentions once per article (seconds for an entity named everywhere)
            """SELECT de.doc_id, de.data, d.title, d.outlet, d.published,
                      coalesce(counted.n, 0) AS mentions
               FROM document_entities de JOIN documents d ON d.id = de.doc_id
               LEFT JOIN (SELECT doc_id, count(*) AS n FROM mentions WHERE entity_id = ?1
                          GROUP BY doc_id) counted ON counted.doc_id = de.doc_id
               WHERE de.entity_id = ?1 ORDER BY d.published, d.seq""",
            (entity_id,),
        ):
            data = json.loads(article["data"]) if article["data"] else {}
            for role in data.get("roles") or []:
                roles[role] = roles.get(role, 0) + 1
            articles.append({key: article[key] for key in ("doc_id", "title", "outlet",
                                                           "published", "mentions")})
        result.update({
            "names": [{"name": n, "count": c}
                      for n, c in sorted(names.items(), key=lambda item: (-item[1], item[0]))],
            "lens": self.entity_names(entity_id),
            "roles": [{"role": r, "count": c}
                      for r, c in sorted(roles.items(), key=lambda item: (-item[1], item[0]))],
            "articles": articles,
            "mentions": mentions,
            "corrections": [c for c in self.entity_corrections()
                            if entity_id in (c["target"], c["source"], c["new_id"])],
            "candidates": self.entity_candidates(entity_id),
        })
        return result

    def entity_candidates(self, entity_id: str) -> list[dict[str, Any]]:
        """Other entities of the same type spelled nearly alike ("Sievierodonetsk" and
        "Severodonetsk" when the gazetteer did not join them): [{"id", "name", "score"}], best
        first. They stay apart; `merge_entities` joins them when a user says so."""
        from newsgraph.resolution import similar_entities

        row = self._conn.execute("SELECT name, type FROM entities WHERE id = ?",
                                 (entity_id,)).fetchone()
        if row is None:
            return []
        others = self._conn.execute(
            "SELECT id, name, type FROM entities WHERE type = ? AND id != ?",
            (row["type"], entity_id))
        return similar_entities(entity_id, row["name"], row["type"],
                                (dict(other) for other in others))

    def entity_corrections(self, *, include_undone: bool = False) -> list[dict[str, Any]]:
        """The stored merges and splits, oldest first: {"id", "action", "target", "source",
        "name", "new_id", "at", "undone_at"}."""
        sql = "SELECT * FROM entity_corrections"
        if not include_undone:
            sql += " WHERE undone_at IS NULL"
        rows = [dict(row) for row in self._conn.execute(sql + " ORDER BY id")]
        for row in rows:
            row.pop("data", None)
        return rows

    def merge_entities(self, target: str, source: str) -> int:
        """Merge entity `source` into `target` (ids or whole canonical names, see
        _known_entity): its mentions join `target` in every stored article and in every article
        ingested later. Returns the number of articles changed; ValueError when either is
        unknown or ambiguous, or they are the same."""
        from newsgraph.resolution import Correction, apply_corrections

        kept, merged = self._known_entity(target), self._known_entity(source)
        if kept == merged:
            raise ValueError(f"{target!r} and {source!r} are the same entity ({kept})")
        fields = {kept: self._entity_fields(kept), merged: self._entity_fields(merged)}
        correction = Correction("merge", kept, source=merged, entities=fields)
        with self._write() as conn:
            conn.execute(
                """INSERT INTO entity_corrections(action, target, source, data, at)
                   VALUES ('merge', ?, ?, ?, ?)""",
                (kept, merged, _canonical(fields), _now()),
            )
            return self._rewrite_listing(merged, lambda r: apply_corrections(r, [correction]))

    def split_entity(self, target: str, source: str | None = None, *, name: str | None = None,
                     new_id: str | None = None) -> tuple[str, int]:
        """Split `target` (an id or whole canonical name, see _known_entity): with `source`,
        undo the merge of `source` into it (its mentions go back); with `name`, move the
        mentions with that text out to an entity of their own (`new_id`, else
        `<type>:<name>`), here and in every article ingested later.
        Returns (the id that got the mentions, the number of articles changed)."""
        from newsgraph.resolution import Correction, apply_corrections, split_id, undo_merge

        kept = self._known_entity(target)
        if (source is None) == (name is None):
            raise ValueError("split needs either the merged entity or a name to move out")
        if source is not None:
            row = next((
                row for row in self._conn.execute(
                    """SELECT * FROM entity_corrections WHERE action = 'merge' AND target = ?
                       AND undone_at IS NULL ORDER BY id DESC""", (kept,))
                if source == row["source"] or source.casefold() == str(
                    json.loads(row["data"] or "{}").get(row["source"], {}).get("name")
                ).casefold()), None)
            if row is None:
                raise ValueError(f"no merge of {source!r} into {kept} to undo")
            correction = Correction("merge", kept, source=row["source"],
                                    entities=json.loads(row["data"] or "{}"))
            with self._write() as conn:
                conn.execute("UPDATE entity_corrections SET undone_at = ? WHERE id = ?",
                             (_now(), row["id"]))
                return row["source"], self._rewrite_listing(
                    kept, lambda r: undo_merge(r, correction))
        assert name is not None
        fields = self._entity_fields(kept)
        taken = [r[0] for r in self._conn.execute("SELECT id FROM entities")]
        new_id = new_id or split_id(fields.get("type"), name, taken)
        if new_id == kept:
            raise ValueError(f"{new_id} is the entity being split")
        new_fields = {"name": name, "type": fields.get("type")}
        correction = Correction("split", kept, name=name, new_id=new_id,
                                entities={kept: fields, new_id: new_fields})
        with self._write() as conn:
            conn.execute(
                """INSERT INTO entity_corrections(action, target, name, new_id, data, at)
                   VALUES ('split', ?, ?, ?, ?, ?)""",
                (kept, name, new_id, _canonical(correction.entities), _now()),
            )
            return new_id, self._rewrite_listing(
                kept, lambda r: apply_corrections(r, [correction]))

    def _corrections_in_force(self) -> list[Any]:
        from newsgraph.resolution import Correction

        return [
            Correction(row["action"], row["target"], source=row["source"], name=row["name"],
                       new_id=row["new_id"], entities=json.loads(row["data"] or "{}"))
            for row in self._conn.execute(
                "SELECT * FROM entity_corrections WHERE undone_at IS NULL ORDER BY id")
        ]

    def _corrected_rows(self, document: Document, record: Mapping[str, Any],
                        rows: _Rows) -> _Rows:
        """The rows of `record` with the user's entity corrections applied. The fingerprint
        stays the extraction's: re-ingesting an unchanged article writes nothing, since its
        stored rows already have every correction (each is applied to stored articles when
        made)."""
        corrections = self._corrections_in_force()
        if not corrections:
            return rows
        from newsgraph.resolution import apply_corrections

        corrected = _Rows.build(document, apply_corrections(record, corrections))
        corrected.fingerprint = rows.fingerprint
        corrected.document["fingerprint"] = rows.fingerprint
        return corrected

    def _known_entity(self, key: str) -> str:
        """The entity a correction names: `key` is its id or its whole canonical name (case
        ignored), nothing looser, since a merge or split that hits a look-alike rewrites the
        wrong entity everywhere. ValueError naming the candidates when `key` names several
        entities or none."""
        conn = self._conn
        if conn.execute("SELECT 1 FROM entities WHERE id = ?", (key,)).fetchone():
            return key
        named = conn.execute(
            "SELECT id, name FROM entities WHERE name = ? COLLATE NOCASE ORDER BY id",
            (key,)).fetchall()
        if len(named) == 1:
            return str(named[0]["id"])
        if named:
            raise ValueError(f"{key!r} names {len(named)} entities: {_listed(named)}; "
                             "give the id")
        alike = conn.execute(
            """SELECT id, name FROM entities WHERE name LIKE ?1 ESCAPE '\\' OR id LIKE ?1
               ESCAPE '\\' OR id IN (SELECT entity_id FROM mentions WHERE text = ?2
               COLLATE NOCASE) ORDER BY name COLLATE NOCASE, id LIMIT 10""",
            (like_pattern(key), key)).fetchall()
        hint = f"; perhaps {_listed(alike)}" if alike else ""
        raise ValueError(f"no entity {key!r} (give an id or a whole name){hint}")

    def _entity_fields(self, entity_id: str) -> dict[str, Any]:
        row = self._conn.execute(
            "SELECT name, type, geonames, lat, lon, country FROM entities WHERE id = ?",
            (entity_id,),
        ).fetchone()
        return dict(row) if row is not None else {}

    def _rewrite_listing(self, entity_id: str, change: Any) -> int:
        """Within a write transaction: rewrite the entity rows (and the quote and event rows
        that point at entities) of every article listing `entity_id` as `change(record)`, then
        regroup the changed articles' events (in `seq` order, as ingest would), since a merged
        or split actor can join or part two reports of one event."""
        conn = self._conn
        doc_ids = [row[0] for row in conn.execute(
            """SELECT id FROM documents WHERE id IN (
                   SELECT doc_id FROM document_entities WHERE entity_id = ?) ORDER BY seq""",
            (entity_id,))]
        changed: list[str] = []
        for doc_id in doc_ids:
            record = self.get(doc_id)
            assert record is not None
            new = change(record)
            if new == record:
                continue
            rows = _Rows(doc_id, "", {})
            rows._add_entities(new, record["text"])
            rows._add_quotes(new, record["text"])
            rows._add_events(new, record["text"])
            old_ids = [row[0] for row in conn.execute(
                "SELECT entity_id FROM document_entities WHERE doc_id = ?", (doc_id,))]
            for table in ("document_entities", "mentions", "quotes", "events"):
                conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            conn.executemany(
                """INSERT INTO entities(id, name, type, geonames, lat, lon, country)
                   VALUES (:id, :name, :type, :geonames, :lat, :lon, :country)
                   ON CONFLICT(id) DO NOTHING""",
                rows.entities,
            )
            for table in ("document_entities", "mentions", "quotes", "events"):
                _insert_many(conn, table, getattr(rows, table))
            conn.executemany(
                """DELETE FROM entities WHERE id = ?1
                   AND NOT EXISTS (SELECT 1 FROM document_entities WHERE entity_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)""",
                [(old,) for old in old_ids],
            )
            changed.append(doc_id)
        for doc_id in changed:
            self._group_events(doc_id, self._event_group_ids(doc_id))
        return len(changed)


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """Open the database file, or say in the user's terms why it cannot be opened."""
    if path.is_dir():
        raise NotAStore(f"{path} is a folder: give --db a database file")
    if readonly:
        if not path.is_file():
            raise StoreNotFound(f"no database at {path}: run `newsgraph ingest PATHS --db "
                                f"{path}` first, or give --db an existing store")
        uri = path.resolve().as_uri() + "?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None)
    folder = path.parent
    if not folder.is_dir():
        raise StoreNotFound(f"cannot create {path}: the folder {folder} does not exist "
                            "(create it first, or give --db a path in an existing folder)")
    try:
        return sqlite3.connect(path, isolation_level=None)
    except sqlite3.OperationalError as error:
        raise StoreNotFound(f"cannot open {path} for writing: {error}") from error


def _listed(entities: list[Any]) -> str:
    """Entities as a user picks among them: "Kyiv (geonames:703448), ..."."""
    return ", ".join(f"{row['name']} ({row['id']})" for row in entities)


def _display_name(text: str) -> str:
    """A mention's text as a name: white space folded, typographic apostrophes straight."""
    return " ".join(text.replace("\u2019", "'").split())


_EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")


# The columns event_merge.EventFacts.from_row reads (never `data`: it is the bulk of a row).
_GROUPING_COLUMNS = ", ".join(f"ev.{column}" for column in (
    "doc_id", "ord", "type", "date_value", "actor_entity", "actor_name", "target_entity",
    "target_name", "place_entity", "place_name", "place_geonames", "negated", "hypothetical",
    "fatalities_min", "fatalities_max"))
# A text with a character outside printable ASCII, whose case folding SQL's LIKE may not match.
_NOT_ASCII = "GLOB '*[^ -~]*'"


def _grouping_candidates(facts: EventFacts) -> tuple[str, list[Any]] | None:
    """SQL conditions on `events ev` every event that same_event(facts, it) accepts meets
    (a necessary, not sufficient, test: same_event decides), or None when none can: the type
    family, the date window, asserted, and the same actor by entity id or a shared name word;
    an event with no actor needs one with none, on its day, at its place. The date is compared
    as text over a half-open range of days, so a value with a time of day ("…T10:00") on the
    window's last day is in, and the (type, date_value) index serves it."""
    if not facts.asserted or facts.day is None:
        return None
    if facts.actor is None:
        if facts.place is None:
            return None
        first = last = facts.day
        party = _party_candidates("ev.place", facts.place, geonames=True)
        absent = "ev.actor_entity IS NULL"
    else:
        window = timedelta(days=DEFAULT_WINDOW_DAYS)
        first, last = facts.day - window, facts.day + window
        party = _party_candidates("ev.actor", facts.actor)
        absent = None
    if party is None:
        return None
    types = sorted(t for t in _EVENT_TYPES if same_types(t, facts.type))
    where = [f"ev.type IN ({', '.join('?' * len(types))})", "ev.date_value >= ?",
             "ev.date_value < ?", "ev.doc_id != ?", "ev.negated = 0", "ev.hypothetical = 0",
             party[0]]
    params: list[Any] = [*types, first.isoformat(), (last + timedelta(days=1)).isoformat(),
                         facts.doc_id, *party[1]]
    if absent:
        where.append(absent)
    return " AND ".join(where), params


def _party_candidates(prefix: str, party: Party, *, geonames: bool = False,
                      ) -> tuple[str, list[Any]] | None:
    """SQL met by every `<prefix>_entity`/`_name` that event_merge.same_party accepts as
    `party`: the same entity id (or GeoNames id); else, when either has no entity id, a name
    sharing a word with party's (the shorter name's words are inside both). A name with a
    character outside printable ASCII is let through for same_party to judge, and so is every
    name when party's own words are not plain ASCII. None when nothing can match."""
    terms: list[str] = []
    params: list[Any] = []
    if party.entity:
        terms.append(f"{prefix}_entity = ?")
        params.append(party.entity)
    if geonames and party.geonames:
        terms.append(f"{prefix}_geonames = ?")
        params.append(party.geonames)
    if party.words:
        unresolved = f"{prefix}_entity IS NULL AND " if party.entity else ""
        if all(word.isascii() for word in party.words):
            words = " OR ".join([f"{prefix}_name LIKE ? ESCAPE '\\'"] * len(party.words))
            terms.append(f"{unresolved}({words} OR {prefix}_name {_NOT_ASCII})")
            params += [like_pattern(word) for word in party.words]
        else:
            terms.append(f"{unresolved}{prefix}_name IS NOT NULL")
    if not terms:
        return None
    return "(" + " OR ".join(f"({term})" for term in terms) + ")", params


def _group_key(row: Mapping[str, Any], group_of: Mapping[tuple[str, int], int],
               ) -> tuple[Any, ...]:
    """The real event an events row reports: its group, or itself when it has none."""
    group_id = group_of.get((row["doc_id"], row["ord"]))
    return ("group", group_id) if group_id is not None else ("event", row["doc_id"], row["ord"])


def _event_richness(row: Mapping[str, Any]) -> tuple[int, int]:
    """How much a mention says (named parties, place, counts); ties go to the earliest."""
    filled = sum(row.get(key) is not None for key in (
        "actor_name", "target_name", "place_name", "fatalities_min", "fatalities_max",
        "size_min", "size_max"))
    return filled, -int(row["seq"])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _insert_many(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    values = ", ".join(f":{column}" for column in columns)
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({values})", rows)


# -- records <-> rows ---------------------------------------------------------------------------
# Each *_fields function rebuilds a record object from its row; _Rows.build flattens the other
# way and keeps in `data` every key whose rebuilt value would differ, so get() returns what put
# was given.


def _canonical(value: Any) -> str:
    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False)
    except (TypeError, ValueError) as error:
        raise ValueError(f"record is not plain JSON: {error}") from error


def _leftover(item: Mapping[str, Any], rebuilt: Mapping[str, Any],
              skip: tuple[str, ...] = ()) -> str | None:
    """The keys of `item` its columns cannot give back, as JSON (None when there are none)."""
    extra = {key: value for key, value in item.items()
             if key not in skip and (key not in rebuilt or rebuilt[key] != value)}
    return _canonical(extra) if extra else None


def _with_data(rebuilt: dict[str, Any], data: str | None) -> dict[str, Any]:
    if data:
        rebuilt.update(json.loads(data))
    return rebuilt


def _document_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    evidence = json.loads(row["published_evidence"]) if row["published_evidence"] else []
    return {"id": row["id"], "source": row["source"], "title": row["title"],
            "outlet": row["outlet"],
            "published": {"value": row["published"], "how": row["published_how"],
                          "evidence": evidence},
            "text": row["text"]}


def like_pattern(value: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') for `value` anywhere in a text, its own % and _ taken
    literally: a user typing "%" must not match everything."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def party_filter(prefix: str) -> str:
    """SQL matching a party (`<prefix>_name`, `<prefix>_entity`: a speaker, an event's actor or
    place) by the name the article wrote, by its entity's canonical name, or by entity id, so
    "United States" also finds the events whose text said "U.S."."""
    return (f"({prefix}_name LIKE ? ESCAPE '\\' OR {prefix}_entity = ? OR {prefix}_entity IN "
            f"(SELECT id FROM entities WHERE name LIKE ? ESCAPE '\\'))")


def party_params(value: str) -> list[str]:
    return [like_pattern(value), value, like_pattern(value)]


DATED = "GLOB '[0-9][0-9][0-9][0-9]*'"  # a value with a known year ("XXXX-05-11" has none)


def date_bounds(expression: str, date_from: str | None, date_to: str | None,
                ) -> tuple[list[str], list[str]]:
    """SQL conditions keeping values of `expression` within [date_from, date_to], compared at
    each bound's precision ("2014-05" covers the month); with a bound, values without a known
    year are left out rather than compared as text."""
    where, params = [], []
    if date_from or date_to:
        where.append(f"{expression} {DATED}")
    if date_from:
        where.append(f"substr({expression}, 1, {len(date_from)}) >= ?")
        params.append(date_from)
    if date_to:
        where.append(f"substr({expression}, 1, {len(date_to)}) <= ?")
        params.append(date_to)
    return where, params


class EventFilters(TypedDict, total=False):
    """The filters every event query takes (`Store.events`, `iter_events`, `merged_events`, the
    events page): `actor` and `place` are part of a name, a canonical name or an entity id;
    dates bound the event's date (its article's when it has none)."""
    event_type: str | None
    actor: str | None
    place: str | None
    date_from: str | None
    date_to: str | None
    include_negated: bool


def event_filters(*, event_type: str | None = None, actor: str | None = None,
                  place: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, include_negated: bool = False,
                  ) -> tuple[list[str], list[Any]]:
    """The WHERE conditions and parameters of an event query over `events ev JOIN documents d`
    (shared by `Store.events`, the events page and the exports)."""
    where: list[str] = []
    params: list[Any] = []
    if event_type:
        where.append("ev.type = ?")
        params.append(event_type.upper())
    for column, value in (("actor", actor), ("place", place)):
        if value:
            where.append(party_filter(f"ev.{column}"))
            params += party_params(value)
    if not include_negated:
        where.append("ev.negated = 0")
    bounds, bound_params = date_bounds("coalesce(ev.date_value, d.published)", date_from,
                                       date_to)
    return where + bounds, params + bound_params


def _in_window(value: str | None, date_from: str | None, date_to: str | None) -> bool:
    """True when a date value lies in [date_from, date_to], compared at each bound's precision
    ("2014-05" as a bound covers the whole month); with no bound, every value does, and with
    one, a value without a known year does not."""
    if not (date_from or date_to):
        return True
    if not value or not value[:4].isdigit():
        return False
    return ((not date_from or value[: len(date_from)] >= date_from)
            and (not date_to or value[: len(date_to)] <= date_to))


def _names(query: str, value: str) -> bool:
    """True when `query` is `value` (an id) or part of it (a name), ignoring case."""
    return bool(value) and (query == value or query.casefold() in value.casefold())


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or paragraph line) holding [start, end): between sentence ends or breaks."""
    before = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n"))
    after = [i for i in (text.find(mark, end) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    return before + 1, min(after) + 1 if after else len(text)


def _span_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"start": row["start"], "end": row["end"], "text": row["text"]}


def _entity_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": row["entity_id"], "name": row["name"], "type": row["type"], "mentions": [],
            "geonames": row["geonames"], "lat": row["lat"], "lon": row["lon"],
            "country": row["country"]}


def _quote_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    cue = None
    if row["cue_start"] is not None:
        cue = {"start": row["cue_start"], "end": row["cue_end"], "text": row["cue_text"]}
    speaker = None
    if row["speaker_name"] is not None:
        speaker = {"entity": row["speaker_entity"], "name": row["speaker_name"],
                   "start": row["speaker_start"], "end": row["speaker_end"]}
    return {"start": row["start"], "end": row["end"], "text": row["text"], "kind": row["kind"],
            "cue": cue, "speaker": speaker}


def _time_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"start": row["start"], "end": row["end"], "text": row["text"],
            "value": row["value"], "type": row["type"]}


def _event_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    def party(prefix: str) -> dict[str, Any] | None:
        if row[f"{prefix}_name"] is None:
            return None
        return {"entity": row[f"{prefix}_entity"], "name": row[f"{prefix}_name"]}

    def bounds(prefix: str) -> dict[str, Any] | None:
        low, high = row[f"{prefix}_min"], row[f"{prefix}_max"]
        return None if low is None and high is None else {"min": low, "max": high}

    place = party("place")
    if place is not None:
        place["geonames"] = row["place_geonames"]
    return {
        "type": row["type"], "mode": row["mode"],
        "trigger": {"start": row["trigger_start"], "end": row["trigger_end"],
                    "text": row["trigger_text"]},
        "sentence": {"start": row["sentence_start"], "end": row["sentence_end"]},
        "actor": party("actor"), "target": party("target"), "place": place,
        "date": (None if row["date_value"] is None
                 else {"value": row["date_value"], "how": row["date_how"]}),
        "fatalities": bounds("fatalities"), "size": bounds("size"),
        "negated": bool(row["negated"]), "hypothetical": bool(row["hypothetical"]),
    }


def _is_offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _offsets(item: object, where: str, length: int, *, optional: bool = False) -> None:
    """Check 0 <= start <= end <= length (both may be None when `optional`)."""
    if not isinstance(item, Mapping):
        raise ValueError(f"{where}: expected an object with start and end, got {item!r}")
    start, end = item.get("start"), item.get("end")
    if optional and start is None and end is None:
        return
    if not (_is_offset(start) and _is_offset(end) and start <= end <= length):
        raise ValueError(f"{where}: offsets [{start}:{end}] outside a text of {length} characters")


def _span(item: object, where: str, text: str) -> None:
    """Check that a span slices `text` exactly."""
    _offsets(item, where, len(text))
    assert isinstance(item, Mapping)
    found = text[item["start"]:item["end"]]
    if found != item.get("text"):
        raise ValueError(f"{where}: text[{item['start']}:{item['end']}] is {found!r}, "
                         f"not {item.get('text')!r}")


def _part(item: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    """A nested object of a record item, {} when null or absent."""
    value = item.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{where}.{key}: expected an object or null, got {value!r}")
    return value


def _items(record: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    items = record.get(key) or []
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        raise ValueError(f"{key}: expected a list of objects")
    return items


@dataclass
class _Rows:
    """Every row one article writes, checked and built before the transaction starts."""

    doc_id: str
    fingerprint: str
    document: dict[str, Any]
    entities: list[dict[str, Any]] = field(default_factory=list)
    removed_passages: list[dict[str, Any]] = field(default_factory=list)
    document_entities: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def build(cls, document: Document, record: Mapping[str, Any]) -> _Rows:
        if "error" in record:
            raise ValueError(f"an error record cannot be stored: {record.get('error')}")
        doc_id, text = record.get("id"), record.get("text")
        if not isinstance(doc_id, str) or not doc_id:
            raise ValueError(f"record id must be a non-empty string, got {doc_id!r}")
        if doc_id != document.id:
            raise ValueError(f"record id {doc_id!r} is not the document's id {document.id!r}")
        if text != document.text:
            raise ValueError(f"record {doc_id}: its text is not the document's text")
        fingerprint = _fingerprint(document, record)
        rows = cls(doc_id, fingerprint, _document_row(document, record))
        rows.document["fingerprint"] = fingerprint
        rows._add_removed(document)
        rows._add_entities(record, text)
        rows._add_quotes(record, text)
        rows._add_times(record, text)
        rows._add_events(record, text)
        return rows

    def _child(self, ord_: int, columns: dict[str, Any], data: str | None = None,
               ) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "ord": ord_, **columns, "data": data}

    def _add_removed(self, document: Document) -> None:
        source = document.source_text
        for i, passage in enumerate(document.removed):
            item = {"start": passage.start, "end": passage.end, "text": passage.text}
            _span(item, f"removed[{i}] (of the source text)", source)
            self.removed_passages.append(
                {"doc_id": self.doc_id, "ord": i, **item, "reason": passage.reason}
            )

    def _add_entities(self, record: Mapping[str, Any], text: str) -> None:
        seen: set[str] = set()
        for i, entity in enumerate(_items(record, "entities")):
            where = f"entities[{i}]"
            entity_id = entity.get("id")
            if not isinstance(entity_id, str) or not entity_id:
                raise ValueError(f"{where}.id must be a non-empty string, got {entity_id!r}")
            if entity_id in seen:
                raise ValueError(f"{where}: entity id {entity_id!r} appears twice")
            seen.add(entity_id)
            mentions = entity.get("mentions") or []
            if not isinstance(mentions, list):
                raise ValueError(f"{where}.mentions: expected a list")
            shared = {"id": entity_id, "name": entity.get("name"), "type": entity.get("type"),
                      **{key: entity.get(key) for key in ("geonames", "lat", "lon", "country")}}
            self.entities.append(shared)
            columns = {"entity_id": entity_id, "name": shared["name"], "type": shared["type"]}
            rebuilt = _entity_fields({**shared, **columns})
            # Geo fields come back from the shared row (filled in by any article naming it).
            self.document_entities.append(self._child(i, columns, _leftover(
                entity, rebuilt, skip=("mentions", "geonames", "lat", "lon", "country"))))
            for j, mention in enumerate(mentions):
                _span(mention, f"{where}.mentions[{j}]", text)
                columns = {"entity_id": entity_id, **_span_fields(mention)}
                self.mentions.append(
                    self._child(j, columns, _leftover(mention, _span_fields(columns)))
                )

    def _add_quotes(self, record: Mapping[str, Any], text: str) -> None:
        for i, quote in enumerate(_items(record, "quotes")):
            where = f"quotes[{i}]"
            _span(quote, where, text)
            cue, speaker = _part(quote, "cue", where), _part(quote, "speaker", where)
            if cue:
                _span(cue, f"{where}.cue", text)
            if speaker:
                _offsets(speaker, f"{where}.speaker", len(text), optional=True)
            columns = {
                **_span_fields(quote), "kind": quote.get("kind"),
                "cue_start": cue.get("start"), "cue_end": cue.get("end"),
                "cue_text": cue.get("text"),
                "speaker_entity": speaker.get("entity"), "speaker_name": speaker.get("name"),
                "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
            }
            self.quotes.append(self._child(i, columns, _leftover(quote, _quote_fields(columns))))

    def _add_times(self, record: Mapping[str, Any], text: str) -> None:
        for i, time in enumerate(_items(record, "times")):
            _span(time, f"times[{i}]", text)
            columns = {**_span_fields(time), "value": time.get("value"), "type": time.get("type")}
            self.times.append(self._child(i, columns, _leftover(time, _time_fields(columns))))

    def _add_events(self, record: Mapping[str, Any], text: str) -> None:
        for i, event in enumerate(_items(record, "events")):
            where = f"events[{i}]"
            trigger = _part(event, "trigger", where)
            _span(trigger, f"{where}.trigger", text)
            sentence = _part(event, "sentence", where)
            _offsets(sentence, f"{where}.sentence", len(text), optional=True)
            if not isinstance(event.get("type"), str):
                raise ValueError(f"{where}.type must be a string, got {event.get('type')!r}")
            actor, target = _part(event, "actor", where), _part(event, "target", where)
            place, date = _part(event, "place", where), _part(event, "date", where)
            deaths, size = _part(event, "fatalities", where), _part(event, "size", where)
            columns = {
                "type": event["type"], "mode": event.get("mode"),
                "trigger_start": trigger["start"], "trigger_end": trigger["end"],
                "trigger_text": trigger["text"],
                "sentence_start": sentence.get("start"), "sentence_end": sentence.get("end"),
                "actor_entity": actor.get("entity"), "actor_name": actor.get("name"),
                "target_entity": target.get("entity"), "target_name": target.get("name"),
                "place_entity": place.get("entity"), "place_name": place.get("name"),
                "place_geonames": place.get("geonames"),
                "date_value": date.get("value"), "date_how": date.get("how"),
                "fatalities_min": deaths.get("min"), "fatalities_max": deaths.get("max"),
                "size_min": size.get("min"), "size_max": size.get("max"),
                "negated": bool(event.get("negated")),
                "hypothetical": bool(event.get("hypothetical")),
            }
            self.events.append(self._child(i, columns, _leftover(event, _event_fields(columns))))


def _document_row(document: Document, record: Mapping[str, Any]) -> dict[str, Any]:
    published = record.get("published")
    if not isinstance(published, Mapping):
        published = document.published.to_json()
    title_span = document.title_span
    if title_span is not None:
        _offsets({"start": title_span[0], "end": title_span[1]}, "title_span",
                 len(document.text))
    evidence = published.get("evidence")
    columns: dict[str, Any] = {
        "id": record["id"], "source": record.get("source", document.source),
        "url": record.get("url", document.url), "format": record.get("format", document.format),
        "title": record.get("title"), "outlet": record.get("outlet"),
        "published": published.get("value"), "published_how": published.get("how"),
        "published_evidence": _canonical(list(evidence or [])),
        "raw": document.raw, "source_text": document.source_text, "text": record["text"],
        "offset_map": _canonical(document.offsets.to_json()),
        "title_start": title_span[0] if title_span else None,
        "title_end": title_span[1] if title_span else None,
    }
    rebuilt = _document_fields(columns)
    columns["data"] = _leftover(record, rebuilt, skip=(*_RECORD_LISTS, *_DOCUMENT_KEYS))
    return columns


def _fingerprint(document: Document, record: Mapping[str, Any]) -> str:
    """sha256 of the canonical record JSON and of everything stored beside it from the
    document, so "unchanged" means no row would differ."""
    stored_beside = {
        "text": document.text, "raw": document.raw, "source_text": document.source_text,
        "offsets": document.offsets.to_json(), "title_span": document.title_span,
        "url": document.url, "format": document.format,
        "removed": [[p.start, p.end, p.text, p.reason] for p in document.removed],
    }
    payload = _canonical(record) + "\n" + _canonical(stored_beside)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()

