"""The store's schema and its file: the tables (MIGRATIONS, applied in order and counted in
PRAGMA user_version), opening the file with its pragmas, refusing what is not a store, and the
write transaction every change goes through.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from newsgraph.config import DEFAULT_SETTINGS
from newsgraph.errors import NotAStore, StoreBusy, StoreFull, StoreNotFound, StoreVersionError
from newsgraph.facts import fact_types

BUSY_TIMEOUT_MS = DEFAULT_SETTINGS.busy_timeout_ms
LOCK_POLL_MS = 1000
"""How long SQLite itself waits for the write lock before newsgraph looks again (and may say
that it is waiting)."""
WAIT_NOTICE_S = 3.0
"""A write kept waiting this long for another process's lock says so (`Store(on_wait=...)`)."""


@dataclass(frozen=True)
class AddColumn:
    """A migration step adding a column unless it is there (SQLite has no ADD COLUMN IF NOT
    EXISTS), so a migration can be applied again, like the CREATE ... IF NOT EXISTS steps."""

    table: str
    column: str
    declaration: str

    def apply(self, conn: sqlite3.Connection) -> None:
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({self.table})")}
        if self.column not in columns:
            conn.execute(f"ALTER TABLE {self.table} ADD COLUMN {self.column} "
                         f"{self.declaration}")

# Each migration is applied in its own transaction, which also sets PRAGMA user_version to its
# number (its position + 1). Never edit a released migration: append a new one.
MIGRATIONS: tuple[tuple[str | AddColumn, ...], ...] = (
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
    # 6: the settings each article was extracted with (newsgraph.config): their digest on the
    # document (and in its fingerprint, so a settings change makes a re-ingest re-store it),
    # their output settings once per digest. Articles stored before have none.
    (
        """CREATE TABLE IF NOT EXISTS settings (
            digest TEXT PRIMARY KEY,
            config TEXT NOT NULL,         -- JSON: Settings.output()
            first_used TEXT NOT NULL
        )""",
        AddColumn("documents", "settings", "TEXT REFERENCES settings(digest)"),
        "CREATE INDEX IF NOT EXISTS documents_settings ON documents(settings)",
    ),
    # 7: each event's actor and target type (PETRARCH agent codes) and why it was kept as a
    # political interaction (`newsgraph events --explain`). Events stored before have none.
    (
        AddColumn("events", "actor_type", "TEXT"),
        AddColumn("events", "target_type", "TEXT"),
        AddColumn("events", "why", "TEXT"),
    ),
    # 8: each article's language (ISO 639-1, detected on the clean text) and its authors (the
    # record's `authors` as JSON); articles stored before have neither.
    (
        AddColumn("documents", "language", "TEXT"),
        AddColumn("documents", "authors", "TEXT"),
        "CREATE INDEX IF NOT EXISTS documents_language ON documents(language)",
    ),
    # 9: every path an article arrived from (its identity and fingerprint come from its content
    # and given id, never from the path: a re-ingest through another spelling is "unchanged");
    # documents.source stays the first. Filled from documents.source for articles stored before.
    (
        """CREATE TABLE IF NOT EXISTS document_sources (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            PRIMARY KEY (doc_id, source)
        ) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS document_sources_source ON document_sources(source)",
        "INSERT OR IGNORE INTO document_sources(doc_id, source) SELECT id, source FROM documents",
    ),
)

SCHEMA_VERSION: int = len(MIGRATIONS)

ARTICLE_TABLES = ("removed_passages", "document_entities", "mentions")
"""The tables of an article's own rows besides its fact types' (`child_tables`)."""
CHILD_TABLES = (*ARTICLE_TABLES, "quotes", "times", "events")
"""The child tables of the built-in fact types' migrations (`child_tables` has every one)."""


def child_tables() -> tuple[str, ...]:
    """Every table holding an article's rows: its own, then each registered fact type's."""
    return (*ARTICLE_TABLES, *(fact.table for fact in fact_types()))


def stats_tables() -> dict[str, str]:
    """`Store.stats`' names and their tables: the articles, each fact type, the failures."""
    return {"documents": "documents", "removed_passages": "removed_passages",
            "entities": "entities", "mentions": "mentions",
            **{fact.field: fact.table for fact in fact_types()}, "failures": "ingest_failures"}


STATS_TABLES = stats_tables()
"""`stats_tables()` of the built-in fact types."""


class StoreFile:
    """An open store file: its connection, checks and migrations, and write transactions. The
    parts of `Store` (queries, grouping, corrections) build on it."""

    path: Path
    readonly: bool
    _conn: sqlite3.Connection

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _set_pragmas(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {min(self._lock_limit_ms(), LOCK_POLL_MS)}")
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

    def _has_table(self, name: str) -> bool:
        return self._conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                  (name,)).fetchone() is not None

    def _create_fact_tables(self) -> None:
        """A table for every registered fact type the migrations do not create (a type added
        by a plugin or a later newsgraph): its facts are rows, never lost in a JSON column."""
        missing = [fact for fact in fact_types() if not self._has_table(fact.table)]
        if missing:
            with self._write() as conn:
                for fact in missing:
                    conn.execute(fact.create_table())

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
                    if isinstance(statement, AddColumn):
                        statement.apply(conn)
                    else:
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")

    def _lock_limit_ms(self) -> int:
        return int(getattr(self, "settings", DEFAULT_SETTINGS).busy_timeout_ms)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: BEGIN IMMEDIATE takes the write lock up front (no deadlock
        between two readers upgrading), and any error rolls everything back. A lock held by
        another process is waited for (`_begin`); a full disk is a StoreFull, the store left as
        it was before the transaction."""
        if self.readonly:
            raise sqlite3.OperationalError(f"{self.path} is open read-only")
        conn = self._conn
        self._begin(conn)
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if _error_name(error) == "SQLITE_FULL":
                raise StoreFull(f"{self.path}: the disk (or the database's size limit) is "
                                "full; nothing of the article being written was stored") from error
            raise

    def _begin(self, conn: sqlite3.Connection) -> None:
        """Take the write lock, waiting up to `[store] busy_timeout_ms` for another process
        to let it go: SQLite waits a second at a time, and after `WAIT_NOTICE_S` the store's
        `on_wait` hears of it once. Past the limit: StoreBusy, nothing written."""
        limit_s = self._lock_limit_ms() / 1000
        started = time.monotonic()
        told = False
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if _error_name(error) not in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                    raise
                waited = time.monotonic() - started
                if waited >= limit_s:
                    raise StoreBusy(
                        f"{self.path} is locked by another process: waited {waited:.0f} s for "
                        f"its write lock (the limit is busy_timeout_ms = "
                        f"{self._lock_limit_ms()} in config.cfg [store])") from error
                notify: Callable[[str], None] | None = getattr(self, "on_wait", None)
                if not told and waited >= WAIT_NOTICE_S and notify is not None:
                    notify(f"waiting for {self.path}: another process holds its write lock "
                           f"(giving up after {limit_s:g} s)")
                    told = True


def _error_name(error: BaseException) -> str | None:
    """SQLite's name of an error ("SQLITE_BUSY"), from its primary code."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    return {sqlite3.SQLITE_BUSY: "SQLITE_BUSY", sqlite3.SQLITE_LOCKED: "SQLITE_LOCKED",
            sqlite3.SQLITE_FULL: "SQLITE_FULL"}.get(code & 0xFF)


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
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
