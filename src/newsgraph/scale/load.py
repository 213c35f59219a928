"""`newsgraph load`: a run's Parquet tables into a new SQLite store, the cross-article steps done
as group-bys on the way.

The store's `seq` (the order `ingest` would have stored the articles in) is the inputs' order
(`tables.input_order`: path, then line or record number), never the order a run happened to
extract them in, so every step below gives the same result whatever the order of the inputs
and however the runs split them:

- an id given by two inputs keeps the first input's rows in the inputs' order (path, then
  line: `input_order`), as one `ingest` of the same inputs given in that order keeps the first
  and skips the others as duplicate ids;
- entity rows are grouped by id: the name and type of the first article (in `seq` order) that
  lists it, each geo field from the first that has it (what `Store.put`'s upsert keeps);
- events are grouped into real events by `event_merge`'s rules, each event in `seq` and `ord`
  order joining the oldest group whose every member it matches (`choose_group`), as
  `Store.put` groups them; the candidates are found through blocks of (type family, day,
  actor key), every pair inside a block decided by `same_event`;
- failures are kept for the inputs whose source stored no article;
- a user's entity corrections (`--corrections STORE`: the merges and splits of another store)
  are stored with their history and those in force applied to every article that lists an
  entity they name, before the events are grouped, as `ingest` applies them to every article
  it puts into a store that holds them;
- the store ends with the store-wide short-name step `ingest` ends with.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError
from newsgraph.event_merge import _SAME_HAPPENING, EventFacts, choose_group, same_event
from newsgraph.scale.tables import FAILURES, RunFolder, row_tables, store_columns
from newsgraph.store import Store
from newsgraph.store.bulk import bulk_load
from newsgraph.store.rows import _now
from newsgraph.store.schema import child_tables

Row = dict[str, Any]


@dataclass
class LoadSummary:
    articles: int
    rows: dict[str, int]
    seconds: float


def load(location: str, db: str | Path, settings: Settings,
         corrections: str | Path | None = None) -> LoadSummary:
    """Load the committed parts of a run's folder into a new store at `db`, with the entity
    corrections of the store `corrections` applied (by default those of `db` itself, when it
    is a store that holds corrections but no articles: they are kept, not written over)."""
    import time

    began = time.perf_counter()
    folder = RunFolder(location)
    if not folder.exists():
        raise NewsgraphError(f"{location} holds no newsgraph run (no {location}/_newsgraph.json): "
                             "write one with `newsgraph run INPUT... --out DIR`")
    manifest = folder.manifest()
    committed = folder.committed_parts()  # one list for every table: a run may be committing
    window = settings.resolve.event_window_days
    if corrections is None and Path(db).is_file():
        corrections = db
    corrected = corrections_of(corrections) if corrections is not None else []

    def finish(store: Store) -> None:
        if corrected:
            apply_corrections(store, corrected, window)
        store.resolve_short_names()  # the store-wide step ingest ends with

    # Two threads read the tables (pyarrow reads without the GIL) in the order they are
    # written, so each is being read while the one before it is inserted.
    with ThreadPoolExecutor(max_workers=2) as pool:
        reads = {table: pool.submit(folder.read, table, committed=committed)
                 for table in row_tables()}
        rows = store_rows({table: read.result for table, read in reads.items()}, window)
        written = bulk_load(db, rows, settings, manifest.get("settings"), finish=finish)
    return LoadSummary(written.get("documents", 0), written, time.perf_counter() - began)


def store_rows(tables: Mapping[str, Callable[[], pa.Table]], window_days: int,
               ) -> Mapping[str, pa.Table | list[Row]]:
    """The rows of a store from a run's tables (each given as the call that reads it):
    documents with their `seq`, entities by id, events in their groups, failures (see the
    module). Each table is read and made when first asked for (the documents first, which
    every other needs), so a writer asking in turn writes one while the next is read. The
    per-article tables stay columns (pyarrow), filtered and sorted, and entities are grouped
    there; events and failures are grouped as rows."""

    @cache
    def documents() -> tuple[pa.Table, pa.Array, pa.Array | None]:
        """The documents in store order, the ids in `seq` order, the input hashes kept."""
        table = tables["documents"]()
        kept = _kept_documents(table.select(["id", "input_hash", "input_order"]).to_pylist())
        order = pa.array([row["id"] for row in kept], pa.string())
        # Every row is kept unless an id came from two inputs (then only the first one's).
        hashes = None if len(kept) == table.num_rows else \
            pa.array([row["input_hash"] for row in kept], pa.string())
        table = _in_store_order(table, "documents", "id", order, hashes,
                                sort=False)  # rowid = seq: the order written is immaterial
        return table.append_column(
            "ingested_at", pa.array([_now()] * len(table), pa.string())), order, hashes

    def in_order(table: str) -> Callable[[], pa.Table]:
        def made() -> pa.Table:
            _, order, hashes = documents()
            return _in_store_order(tables[table](), table, "doc_id", order, hashes)
        return made

    steps: dict[str, Callable[[], pa.Table | list[Row]]] = {"documents": lambda: documents()[0]}
    steps.update((table, in_order(table)) for table in child_tables())
    steps["entities"] = lambda: aggregate_entities(in_order("entities")())
    made = _Made(steps)

    @cache
    def grouped() -> tuple[list[Row], list[Row]]:
        events = made["events"]
        return group_events(events.select([column for column in _GROUPING
                                           if column in events.column_names]).to_pylist(),
                            window_days)

    def failures() -> list[Row]:
        stored_sources = set(documents()[0].column("source").to_pylist())
        failed = sorted((row for row in tables[FAILURES]().to_pylist()
                         if row["source"] not in stored_sources),
                        key=lambda row: row["input_order"])
        return [{"id": position, "source": row["source"], "error": row["error"], "at": _now()}
                for position, row in enumerate(_last_by(failed, "source"), start=1)]

    steps["event_groups"] = lambda: grouped()[0]
    steps["event_group_members"] = lambda: grouped()[1]
    steps["ingest_failures"] = failures
    return made


class _Made(Mapping[str, Any]):
    """Tables made by their steps when first asked for, then kept."""

    def __init__(self, steps: Mapping[str, Callable[[], Any]]) -> None:
        self._steps = steps
        self._made: dict[str, Any] = {}

    def __getitem__(self, table: str) -> Any:
        if table not in self._made:
            self._made[table] = self._steps[table]()
        return self._made[table]

    def __iter__(self) -> Iterator[str]:
        return iter(self._steps)

    def __len__(self) -> int:
        return len(self._steps)


_GROUPING = ("doc_id", "ord", "type", "date_value", "actor_entity", "actor_name",
             "target_entity", "target_name", "place_entity", "place_name", "place_geonames",
             "negated", "hypothetical", "fatalities_min", "fatalities_max")
"""The event columns `EventFacts.from_row` reads."""


def _in_store_order(table: pa.Table, name: str, key: str, order: pa.Array,
                    hashes: pa.Array | None, sort: bool = True) -> pa.Table:
    """The rows of the kept inputs (by input hash; all rows when `hashes` is None), sorted by
    their article's `seq` (its place in `order`) and `ord` (unless `sort` is false), with the
    store table's columns (and `seq` on documents)."""
    if hashes is not None:
        table = table.filter(pc.is_in(table.column("input_hash"), value_set=hashes))
    seq = pc.add(pc.index_in(table.column(key), value_set=order), 1)
    table = table.append_column("seq", seq) if "seq" not in table.column_names else table
    if sort:
        keys = [("seq", "ascending")]
        if "ord" in table.column_names:
            keys.append(("ord", "ascending"))
        table = table.sort_by(keys)
    wanted = [column for column in store_columns(name) if column in table.column_names]
    return table.select(wanted)


def _kept_documents(documents: list[Row]) -> list[Row]:
    """The documents in input order, one per id: the first input's (one `ingest` of the same
    inputs skips the later ones as duplicate ids)."""
    kept: dict[str, Row] = {}
    for row in sorted(documents, key=lambda row: (row["input_order"], row["input_hash"])):
        kept.setdefault(row["id"], row)
    return list(kept.values())


def _last_by(rows: Iterable[Row], key: str) -> list[Row]:
    last: dict[Any, Row] = {}
    for row in rows:
        last.pop(row[key], None)
        last[row[key]] = row
    return list(last.values())


_GEO = ("geonames", "lat", "lon", "country")


def aggregate_entities(rows: pa.Table) -> pa.Table:
    """One row per entity id, by id: name and type from the first article listing it, each
    geo field from the first article that has it (so lat and lon may come from different
    articles, as `Store.put`'s upsert fills them; `rows` in `seq` order: an ordered group-by,
    hence one thread)."""
    first = pc.ScalarAggregateOptions(skip_nulls=False)
    grouped = rows.group_by("id", use_threads=False).aggregate(
        [("name", "first", first), ("type", "first", first),
         *((key, "first") for key in _GEO)])
    grouped = grouped.rename_columns(
        [column.removesuffix("_first") for column in grouped.column_names])
    return grouped.select(["id", "name", "type", *_GEO]).sort_by("id")


def _family(event_type: str) -> str:
    for family in _SAME_HAPPENING:
        if event_type in family:
            return "/".join(sorted(family))
    return event_type


def _actor_keys(facts: EventFacts) -> list[str]:
    """Keys an event is blocked under: its actor's entity id and each word of its name (any
    two actors `same_party` accepts share one), or "-" with no actor."""
    if facts.actor is None:
        return ["-"]
    keys = [f"w:{word}" for word in facts.actor.words]
    if facts.actor.entity:
        keys.append(f"e:{facts.actor.entity}")
    return keys


def group_events(events: list[Row], window_days: int) -> tuple[list[Row], list[Row]]:
    """Events (in `seq`, `ord` order) into groups of one real event each: the rows of
    event_groups and event_group_members, numbered as `Store.put` numbers them."""
    blocks: dict[tuple[str, Any, str], list[int]] = defaultdict(list)
    facts_of: list[EventFacts] = []
    group_of: list[int] = []
    members: dict[int, list[int]] = defaultdict(list)
    groups: list[Row] = []
    for row in events:
        facts = EventFacts.from_row(row)
        index = len(facts_of)
        facts_of.append(facts)
        group_id = _joined_group(facts, blocks, facts_of, group_of, members, window_days)
        if group_id is None:
            group_id = len(groups) + 1
            groups.append({"id": group_id, "type": row["type"]})
        group_of.append(group_id)
        members[group_id].append(index)
        if facts.asserted and facts.day is not None:
            for key in _actor_keys(facts):
                blocks[(_family(facts.type), facts.day, key)].append(index)
    member_rows = [{"doc_id": row["doc_id"], "ord": row["ord"], "group_id": group_id}
                   for row, group_id in zip(events, group_of, strict=True)]
    return groups, member_rows


def _joined_group(facts: EventFacts, blocks: Mapping[tuple[str, Any, str], list[int]],
                  facts_of: list[EventFacts], group_of: list[int],
                  members: Mapping[int, list[int]], window_days: int) -> int | None:
    if not facts.asserted or facts.day is None:
        return None
    family = _family(facts.type)
    if facts.actor is None:
        days = [facts.day]
    else:
        days = [facts.day + timedelta(days=shift)
                for shift in range(-window_days, window_days + 1)]
    candidates: set[int] = set()
    for day in days:
        for key in _actor_keys(facts):
            candidates.update(blocks.get((family, day, key), ()))
    matched: set[int] = set()
    for other in sorted(candidates):  # one matching member puts its group in the running
        if group_of[other] not in matched and same_event(facts, facts_of[other], window_days):
            matched.add(group_of[other])
    if not matched:
        return None
    return choose_group(facts, {group_id: [facts_of[m] for m in members[group_id]]
                                for group_id in sorted(matched)}, window_days)


_CORRECTION_COLUMNS = ("id", "action", "target", "source", "name", "new_id", "data", "at",
                       "undone_at")


def corrections_of(path: str | Path) -> list[Row]:
    """The entity corrections of a store (its history too: undone ones say what was decided)."""
    if not Path(path).is_file():
        raise NewsgraphError(f"{path}: no such store to take entity corrections from")
    with Store(path, readonly=True) as store:
        return [{column: row[column] for column in _CORRECTION_COLUMNS}
                for row in store._conn.execute("SELECT * FROM entity_corrections ORDER BY id")]


def apply_corrections(store: Store, corrections: list[Row], window_days: int) -> None:
    """Store the corrections, rewrite every article listing an entity one in force names as
    `ingest` would have stored it (`resolution.apply_corrections`, all of them in order), then
    group the events again from the corrected rows, since a merged actor can join two reports."""
    from newsgraph.resolution import apply_corrections as corrected

    names = ", ".join(_CORRECTION_COLUMNS)
    marks = ", ".join("?" * len(_CORRECTION_COLUMNS))
    with store._write() as conn:
        conn.executemany(f"INSERT INTO entity_corrections({names}) VALUES ({marks})",
                         [tuple(row[column] for column in _CORRECTION_COLUMNS)
                          for row in corrections])
        in_force = store._corrections_in_force()
        named = sorted({correction.target for correction in in_force}
                       | {correction.source for correction in in_force if correction.source})
        if not named:
            return
        marks = ", ".join("?" * len(named))
        doc_ids = [row[0] for row in conn.execute(
            f"""SELECT id FROM documents WHERE id IN (SELECT doc_id FROM document_entities
                WHERE entity_id IN ({marks})) ORDER BY seq""", named)]
        if not store._rewrite_entity_rows(doc_ids, lambda record: corrected(record, in_force)):
            return
        columns = ", ".join(f"ev.{column}" for column in _GROUPING)
        events = [dict(row) for row in conn.execute(
            f"""SELECT {columns} FROM events ev JOIN documents d ON d.id = ev.doc_id
                ORDER BY d.seq, ev.ord""")]
        groups, members = group_events(events, window_days)
        conn.execute("DELETE FROM event_group_members")
        conn.execute("DELETE FROM event_groups")
        conn.executemany("INSERT INTO event_groups(id, type) VALUES (:id, :type)", groups)
        conn.executemany("INSERT INTO event_group_members(doc_id, ord, group_id) "
                         "VALUES (:doc_id, :ord, :group_id)", members)
