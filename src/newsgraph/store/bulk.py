"""Bulk load: a new store written from whole tables of rows at once (`newsgraph load`).

`Store.put` writes one article per transaction and keeps every index and the full-text index
up to date as it goes: right for ingest, slow for millions of rows. Here the store is created
(its migrations, so it is the same schema), its indexes and full-text triggers are dropped,
each table is written in one transaction, and the indexes and the full-text index are built
once at the end. The file is written beside the target and renamed into place when whole, so
a failed load leaves no half-loaded store.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError
from newsgraph.store.rows import _now

if TYPE_CHECKING:
    from newsgraph.store import Store

Rows = pa.Table | Sequence[Mapping[str, Any]]
"""A table's rows: columns (pyarrow) or row dicts, with the store's column names."""

LOAD_ORDER = ("documents", "entities", "removed_passages", "document_entities", "mentions")
"""Tables a parent row must be in before its children (after the settings the documents name;
the fact tables and groups follow)."""


def bulk_load(path: str | Path, tables: Mapping[str, Rows],
              settings: Settings, settings_config: Mapping[str, Any] | None = None,
              finish: Callable[[Store], None] | None = None) -> dict[str, int]:
    """Write a new store at `path` from rows by table (the store's column names; documents
    with their `seq`). `finish` then runs on the whole store (its indexes built) before it is
    renamed into place, so the store-wide steps are part of the one load that either happens
    or leaves nothing. Returns the rows written per table. Refuses a store that already holds
    articles: loading merges nothing into existing data."""
    from newsgraph.store import Store

    target = Path(path)
    if target.exists():
        with Store(target, readonly=True) as existing:
            count = existing._conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        if count:
            raise NewsgraphError(f"{target} already holds {count} articles: load into a new "
                                 "file (loading does not merge into a store)")
    loading = target.with_name(target.name + ".loading")
    for leftover in (loading, Path(f"{loading}-wal"), Path(f"{loading}-shm")):
        leftover.unlink(missing_ok=True)
    Store(loading, settings=settings).close()  # the schema, by the store's own migrations
    conn = sqlite3.connect(loading, isolation_level=None)
    try:
        written = _write_tables(conn, tables, settings, settings_config)
    finally:
        conn.close()
    if finish is not None:
        with Store(loading, settings=settings) as store:
            store._conn.execute("PRAGMA synchronous = OFF")  # not in place yet: no fsyncs
            finish(store)
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    os.replace(loading, target)
    return written


def _write_tables(conn: sqlite3.Connection, tables: Mapping[str, Rows],
                  settings: Settings, settings_config: Mapping[str, Any] | None,
                  ) -> dict[str, int]:
    # No journal while loading: the file is new and renamed into place only when whole, so
    # there is nothing to roll back to; WAL again (the store's mode) at the end.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = OFF")  # checked once at the end instead
    conn.execute("PRAGMA cache_size = -262144")
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                           "AND sql IS NOT NULL").fetchall()
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                            "AND tbl_name = 'documents'").fetchall()
    with _transaction(conn):
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
    documents = tables.get("documents", ())
    digests = {digest for digest in _column(documents, "settings") if digest}
    settings_rows = [{"digest": digest, "config": json.dumps(
        settings_config if settings_config is not None else settings.output(), sort_keys=True),
        "first_used": _now()} for digest in sorted(digests)]
    written = {"settings": _insert_in_one_transaction(conn, "settings", settings_rows)}
    # Each table asked for in turn: a mapping that makes its tables when asked (`load`) reads
    # the next while this one is written.
    for table in [*LOAD_ORDER, *(table for table in tables if table not in LOAD_ORDER)]:
        if table in tables:
            written[table] = _insert_in_one_transaction(conn, table, tables[table])
    with _transaction(conn):
        for _, sql in indexes:
            conn.execute(sql)
        for _, sql in triggers:
            conn.execute(sql)
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
    problems = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
    if problems:
        raise NewsgraphError(f"the loaded rows break the store's references: {problems}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    return written


def _insert_in_one_transaction(conn: sqlite3.Connection, table: str, rows: Rows) -> int:
    with _transaction(conn):
        return _insert(conn, table, rows)


def _insert(conn: sqlite3.Connection, table: str, rows: Rows) -> int:
    if not len(rows):
        return 0
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    if isinstance(rows, pa.Table):  # columns: each read out once, not row by row
        columns = [column for column in columns if column in rows.column_names]
    if table == "documents":  # rowid = seq, as put writes it (Datasette joins FTS on rowid)
        columns = ["rowid", *columns]
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                     _tuples(rows, columns))
    return len(rows)


def _column(rows: Rows, column: str) -> list[Any]:
    if isinstance(rows, pa.Table):
        return rows.column(column).to_pylist() if column in rows.column_names else []
    return [row.get(column) for row in rows]


def _tuples(rows: Rows, columns: list[str]) -> Iterable[tuple]:
    values = [_column(rows, "seq" if column == "rowid" else column) for column in columns]
    return zip(*values, strict=True)


class _transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN")
        return self.conn

    def __exit__(self, kind: object, *rest: object) -> None:
        self.conn.execute("ROLLBACK" if kind else "COMMIT")
