"""The Parquet tables of a run: the store's tables and columns, in parts, by publication month.

A run's folder (a local path or a filesystem URI pyarrow or fsspec knows) holds

    _newsgraph.json                 the schema version and the settings the rows were made with
    <table>/month=YYYY-MM/part-<id>.parquet   one file per table, month and part
    inputs/part-<id>.parquet        the inputs a part holds (content hash, source, doc id)

The tables are the store's (documents, removed_passages, entities, document_entities,
mentions, each fact type's, failures) with the store's columns, read from the store's own
schema so they cannot drift apart, plus `input_hash` (which input gave the row) and, on
documents and failures, `input_order` (where the input stands among the inputs: the store's
`seq` order at load). `entities` holds each article's entity rows (with its doc_id); `load`
groups them by id. A part's `inputs` file is written last: a part without one is the leftover
of a crashed run, deleted when the next run starts.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError
from newsgraph.facts import fact_types
from newsgraph.filesystems import filesystem
from newsgraph.store.schema import MIGRATIONS, SCHEMA_VERSION, AddColumn, child_tables

MANIFEST = "_newsgraph.json"
INPUTS = "inputs"
FAILURES = "failures"
UNKNOWN_MONTH = "unknown"
_STORE_ONLY = {"documents": ("seq", "ingested_at")}
"""Columns the store fills in when it stores an article, not the extraction."""
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def row_tables() -> tuple[str, ...]:
    """The tables of a run's rows, in the order a store is loaded."""
    return ("documents", "entities", *child_tables(), FAILURES)


@cache
def _store_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every store table's (column, declared type), from the store's own migrations."""
    conn = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS:
            for statement in migration:
                if isinstance(statement, AddColumn):
                    statement.apply(conn)
                else:
                    conn.execute(statement)
        for fact in fact_types():
            conn.execute(fact.create_table())
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: tuple((row[1], row[2].upper()) for row in conn.execute(
            f"PRAGMA table_info({table})")) for table in tables}
    finally:
        conn.close()


def columns(table: str) -> tuple[tuple[str, str], ...]:
    """A Parquet table's (column, SQLite type): the store's columns and where a row came from."""
    if table == FAILURES:
        return (("source", "TEXT"), ("error", "TEXT"), ("doc_id", "TEXT"),
                ("input_hash", "TEXT"), ("input_order", "TEXT"))
    if table == INPUTS:
        return (("input_hash", "TEXT"), ("source", "TEXT"), ("doc_id", "TEXT"),
                ("failed", "INTEGER"))
    store = [column for column in _store_columns()[table]
             if column[0] not in _STORE_ONLY.get(table, ())]
    extra = [("input_hash", "TEXT")]
    if table == "documents":
        extra.append(("input_order", "TEXT"))
    if table == "entities":
        extra.insert(0, ("doc_id", "TEXT"))
    return (*store, *extra)


def store_columns(table: str) -> tuple[str, ...]:
    """The columns of the store's table a Parquet table's rows fill (at `load`)."""
    return tuple(name for name, _ in _store_columns()[table])


def schema(table: str) -> pa.Schema:
    types = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    return pa.schema([(name, types.get(kind, pa.string())) for name, kind in columns(table)])


def month_of(published: object) -> str:
    """The partition of an article: its publication month, or "unknown"."""
    match = _MONTH.match(str(published or ""))
    return f"{match[1]}-{match[2]}" if match else UNKNOWN_MONTH


def input_hash(item: Any) -> str:
    """The content hash of an input (a RawArticle or a ReadError, every field of it, its source
    too). A folder's rows all come from one set of settings (its manifest), so the hash needs
    no digest of them."""
    fields = {name: getattr(item, name) for name in item.__dataclass_fields__}
    payload = json.dumps([type(item).__name__, fields], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_NUMBER_AT_END = re.compile(r"(?<=[:#])(\d+)$")


def input_order(source: str) -> str:
    """A sort key for an input by its source: its path, then its line or record number as a
    number ("a.jsonl:10" after "a.jsonl:9"), the order `ingest` reads a folder in."""
    return _NUMBER_AT_END.sub(lambda m: m[1].rjust(12, "0"), source)


@dataclass
class InputRows:
    """Everything one input gives: its hash, where it came from, and its rows by table (an
    article's rows in every table, or one row in `failures`)."""

    input_hash: str
    source: str
    month: str
    doc_id: str | None
    failed: bool
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class RunFolder:
    """A run's folder on any pyarrow filesystem: its manifest, its committed parts, and the
    writing of new ones."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.fs, self.root = filesystem(location)

    def _path(self, *parts: str) -> str:
        return posixpath.join(self.root, *parts)

    def exists(self) -> bool:
        return self.fs.get_file_info(self._path(MANIFEST)).type == pafs.FileType.File

    def manifest(self) -> dict[str, Any]:
        with self.fs.open_input_stream(self._path(MANIFEST)) as stream:
            return json.loads(stream.read().decode("utf-8"))

    def open_for(self, settings: Settings) -> None:
        """Check the folder holds rows of this schema and these settings (or start it), and
        delete the parts a crashed run left without their `inputs` file."""
        if self.exists():
            manifest = self.manifest()
            if manifest.get("schema_version") != SCHEMA_VERSION:
                raise NewsgraphError(
                    f"{self.location} holds tables of schema version "
                    f"{manifest.get('schema_version')}, this newsgraph writes "
                    f"{SCHEMA_VERSION}: give --out a new folder")
            if manifest.get("settings_digest") != settings.digest:
                raise NewsgraphError(
                    f"{self.location} holds rows extracted with other settings "
                    f"({manifest.get('settings_digest')}, these are {settings.digest}): give "
                    "--out a new folder, or the same --config")
        else:
            self.fs.create_dir(self.root, recursive=True)
            manifest = {"schema_version": SCHEMA_VERSION, "settings_digest": settings.digest,
                        "settings": settings.output(), "tables": list(row_tables())}
            with self.fs.open_output_stream(self._path(MANIFEST)) as stream:
                stream.write(json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8"))
        self._remove_unfinished()

    def committed_parts(self) -> set[str]:
        return {_part_id(info.path) for info in self._files(INPUTS)}

    def seen(self) -> set[str]:
        """The content hashes of the inputs the committed parts hold."""
        if not self.committed_parts():
            return set()
        return set(self.read(INPUTS, ["input_hash"]).column("input_hash").to_pylist())

    def _files(self, table: str) -> list[pafs.FileInfo]:
        folder = self._path(table)
        if self.fs.get_file_info(folder).type != pafs.FileType.Directory:
            return []
        return sorted((info for info in self.fs.get_file_info(
            pafs.FileSelector(folder, recursive=True))
            if info.type == pafs.FileType.File and info.path.endswith(".parquet")),
            key=lambda info: info.path)

    def _remove_unfinished(self) -> None:
        committed = self.committed_parts()
        for table in row_tables():
            for info in self._files(table):
                if _part_id(info.path) not in committed:
                    self.fs.delete_file(info.path)
        for info in self.fs.get_file_info(pafs.FileSelector(self._path(INPUTS),
                                                            allow_not_found=True)):
            if info.path.endswith(".tmp"):
                self.fs.delete_file(info.path)

    def write_part(self, inputs: Sequence[InputRows]) -> str:
        """Write one part: each table's rows by month, then the `inputs` file that commits it.
        The part's id is a hash of its inputs' hashes."""
        part = hashlib.sha256("\n".join(sorted(i.input_hash for i in inputs)).encode()
                              ).hexdigest()[:16]
        by_table: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for item in inputs:
            for table, rows in item.tables.items():
                by_table[(table, item.month)].extend(rows)
        for (table, month), rows in sorted(by_table.items()):
            if not rows:
                continue
            folder = self._path(table, f"month={month}")
            self.fs.create_dir(folder, recursive=True)
            self._write(rows, table, posixpath.join(folder, f"part-{part}.parquet"))
        manifest = [{"input_hash": i.input_hash, "source": i.source, "doc_id": i.doc_id,
                     "failed": int(i.failed)} for i in inputs]
        self.fs.create_dir(self._path(INPUTS), recursive=True)
        final = self._path(INPUTS, f"part-{part}.parquet")
        temporary = f"{final}.{uuid.uuid4().hex}.tmp"
        self._write(manifest, INPUTS, temporary)
        self.fs.move(temporary, final)
        return part

    def _write(self, rows: list[dict[str, Any]], table: str, path: str) -> None:
        # SQLite keeps a bool as 0/1: so do the tables, the same value the store holds.
        rows = [{key: int(value) if isinstance(value, bool) else value
                 for key, value in row.items()} for row in rows]
        data = pa.Table.from_pylist(rows, schema=schema(table))
        # LZ4: a part is many small files (a table's rows of one month), and opening a zstd
        # column costs more than its bytes: `load` reads 10,000 articles' 1,197 files in 0.5 s
        # with LZ4, 1.0 s with zstd, for a third more disk.
        pq.write_table(data, path, filesystem=self.fs, compression="lz4")

    def read(self, table: str, column_names: Iterable[str] | None = None,
             committed: set[str] | None = None) -> pa.Table:
        """One table, every committed part (or those of `committed`: tables read together
        should see one list, though a run commits parts meanwhile), with its `month` column
        (empty when it has no rows)."""
        if table == INPUTS:
            committed = None
        elif committed is None:
            committed = self.committed_parts()
        paths = [info.path for info in self._files(table)
                 if committed is None or _part_id(info.path) in committed]
        wanted = list(column_names) if column_names is not None else None
        if not paths:
            return schema(table).empty_table() if wanted is None else \
                schema(table).empty_table().select(wanted)
        partitioning = None if table == INPUTS else ds.partitioning(
            pa.schema([("month", pa.string())]), flavor="hive")
        dataset = ds.dataset(paths, schema=None, filesystem=self.fs, format="parquet",
                             partitioning=partitioning, partition_base_dir=self._path(table))
        # One thread per table: pyarrow's own threads gain nothing on many small files (1.0 s
        # either way for 1,197), and `load` reads the tables side by side.
        return dataset.to_table(columns=wanted, use_threads=False)


def _part_id(path: str) -> str:
    name = posixpath.basename(path)
    return name.removeprefix("part-").split(".", 1)[0]


def document_rows(rows: Any, item_hash: str, order: str) -> dict[str, list[dict[str, Any]]]:
    """An article's store rows (`store.rows._Rows`) as the rows of each Parquet table."""
    document = {**rows.document, "input_hash": item_hash, "input_order": order}
    tables: dict[str, list[dict[str, Any]]] = {
        "documents": [document],
        "entities": [{**entity, "doc_id": rows.doc_id, "input_hash": item_hash}
                     for entity in rows.entities]}
    for table in child_tables():
        tables[table] = [{**row, "input_hash": item_hash} for row in rows.table(table)]
    return tables

