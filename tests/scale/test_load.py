"""`newsgraph load`: the loaded store answers every command as an `ingest` of the same inputs
does, its events in the same groups as `Store.put` makes, and it refuses to merge into a store
that already holds articles."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.config import DEFAULT_SETTINGS
from newsgraph.errors import NewsgraphError
from newsgraph.scale.load import group_events, load, store_rows
from newsgraph.scale.tables import RunFolder, row_tables
from newsgraph.store import Store


def _ingest(paths: list[str], db: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", *paths, "--db", str(db), "-q"])
    assert result.exit_code in (0, 1), result.output


def _groups(db: Path) -> set[frozenset[tuple[str, int]]]:
    with sqlite3.connect(db) as conn:
        members: dict[int, set[tuple[str, int]]] = {}
        for doc_id, ord_, group_id in conn.execute(
                "SELECT doc_id, ord, group_id FROM event_group_members"):
            members.setdefault(group_id, set()).add((doc_id, ord_))
    return {frozenset(group) for group in members.values()}


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture(scope="module")
def main_stores(main_run, tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("main-stores")
    loaded, ingested = folder / "loaded.db", folder / "ingested.db"
    summary = load(main_run.out, loaded, DEFAULT_SETTINGS)
    assert summary.articles == 92
    _ingest(main_run.paths, ingested)
    return loaded, ingested


def _stdout(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_show_json_of_every_article_is_the_ingested_one(main_stores):
    loaded, ingested = main_stores
    ids = [row[0] for row in _rows(ingested, "SELECT id FROM documents ORDER BY seq")]
    assert ids == [row[0] for row in _rows(loaded, "SELECT id FROM documents ORDER BY seq")]
    for doc_id in ids:
        assert _stdout("show", doc_id, "--json", "--db", str(loaded)) == \
            _stdout("show", doc_id, "--json", "--db", str(ingested)), doc_id


@pytest.mark.parametrize("command", [
    ["search", "minister"], ["quotes"], ["quotes", "--speaker", "Pushilin", "--json"],
    ["events"], ["events", "--merged"], ["timeline", "--json"], ["entities", "--json"],
    ["entity", "Pushilin", "--json"], ["export", "mentions", "--format", "csv"],
])
def test_commands_answer_as_on_the_ingested_store(main_stores, command):
    loaded, ingested = main_stores
    assert _stdout(*command, "--db", str(loaded)) == _stdout(*command, "--db", str(ingested))


def test_stats_and_shared_rows_are_the_ingested_ones(main_stores):
    loaded, ingested = main_stores
    for sql in ("SELECT * FROM entities ORDER BY id",
                "SELECT id, seq, fingerprint, settings FROM documents ORDER BY id",
                "SELECT rowid, title FROM documents_fts WHERE documents_fts MATCH 'said' "
                "ORDER BY rowid",
                "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY 1",
                "SELECT digest, config FROM settings"):
        assert _rows(loaded, sql) == _rows(ingested, sql), sql
    stats = _stdout("stats", "--db", str(loaded)).splitlines()  # the counts, under the title
    assert stats[1:13] == _stdout("stats", "--db", str(ingested)).splitlines()[1:13]
    counts = {cells[1].strip(): cells[2].strip() for cells in (line.split("│") for line in stats)
              if len(cells) > 3}
    assert counts["mentions"] == "1167"


def test_events_merge_into_the_groups_the_store_makes(small_run, tmp_path):
    loaded, ingested = tmp_path / "loaded.db", tmp_path / "ingested.db"
    load(small_run.out, loaded, DEFAULT_SETTINGS)
    _ingest(small_run.paths, ingested)
    groups = _groups(loaded)
    assert groups == _groups(ingested)
    assert any(len(group) == 2 for group in groups)  # the copies' reports of one event merge
    assert _rows(loaded, "SELECT * FROM event_groups ORDER BY id") == \
        _rows(ingested, "SELECT * FROM event_groups ORDER BY id")
    assert _rows(loaded, "SELECT source FROM ingest_failures") == [(small_run.paths[1],)]


def test_an_id_given_twice_keeps_the_first_inputs_rows(shared: Path, tmp_path):
    """Two inputs with one id: the loaded store holds the first input's article and no row
    of the other, as one `ingest` of the same inputs keeps the first (a duplicate id)."""
    from newsgraph.scale.runner import run

    lines = (shared / "dev" / "events" / "articles.jsonl").read_text(
        encoding="utf-8").splitlines(True)
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(lines[:3]), encoding="utf-8")
    twice = json.loads(lines[1])["id"]
    second.write_text(json.dumps({**json.loads(lines[5]), "id": twice}) + "\n",
                      encoding="utf-8")
    out = str(tmp_path / "tables")
    run([str(first), str(second)], out, settings=DEFAULT_SETTINGS)
    loaded, ingested = tmp_path / "loaded.db", tmp_path / "ingested.db"
    assert load(out, loaded, DEFAULT_SETTINGS).articles == 3
    _ingest([str(first), str(second)], ingested)
    ids = _rows(loaded, "SELECT id FROM documents ORDER BY seq")
    assert ids == _rows(ingested, "SELECT id FROM documents ORDER BY seq")
    assert ids[1] == (twice,)
    assert _rows(loaded, "SELECT text FROM documents WHERE seq = 2")[0][0].startswith(
        "German Foreign Minister Oskar Fischer will visit Albania")
    for sql in ("SELECT * FROM mentions ORDER BY rowid", "SELECT * FROM events ORDER BY rowid",
                "SELECT * FROM entities ORDER BY id"):
        assert _rows(loaded, sql) == _rows(ingested, sql), sql
    assert _stdout("show", twice, "--json", "--db", str(loaded)) == \
        _stdout("show", twice, "--json", "--db", str(ingested))


def test_each_table_is_read_when_the_writer_first_asks_for_it(small_run):
    """`load` writes a table while the next is read: the store's rows are made from a table
    only when asked for, the documents (which every table needs) first, each read once."""
    folder = RunFolder(small_run.out)
    read: list[str] = []

    def reader(table: str):
        return lambda: (read.append(table), folder.read(table))[1]

    rows = store_rows({table: reader(table) for table in row_tables()}, 3)
    assert read == []
    assert len(rows["mentions"]) == folder.read("mentions").num_rows > 0
    assert read == ["documents", "mentions"]
    assert len(rows["event_group_members"]) == folder.read("events").num_rows
    assert rows["event_groups"] and read == ["documents", "mentions", "events"]
    assert [row["source"] for row in rows["ingest_failures"]] == [small_run.paths[1]]
    assert read == ["documents", "mentions", "events", "failures"]


def test_grouping_blocks_on_type_family_actor_and_window():
    def event(doc_id: str, event_type: str, day: str, actor: str | None = "Russia",
              place: str | None = "Kyiv", negated: int = 0) -> dict:
        return {"doc_id": doc_id, "ord": 0, "type": event_type, "date_value": day,
                "actor_entity": None, "actor_name": actor, "target_entity": None,
                "target_name": None, "place_entity": None, "place_name": place,
                "place_geonames": None, "negated": negated, "hypothetical": 0,
                "fatalities_min": None, "fatalities_max": None}

    events = [event("a", "AGREE", "2022-03-01"), event("b", "SUPPORT", "2022-03-03"),
              event("c", "AGREE", "2022-03-09"), event("d", "AGREE", "2022-03-02", negated=1),
              event("e", "AGREE", "2022-03-02", actor="Russia's army"),
              event("f", "ASSAULT", "2022-03-01")]
    groups, members = group_events(events, window_days=3)
    assert [member["group_id"] for member in members] == [1, 1, 2, 3, 1, 4]
    assert groups[0] == {"id": 1, "type": "AGREE"}


def test_load_refuses_a_store_with_articles(small_run, main_stores):
    _, ingested = main_stores
    with pytest.raises(NewsgraphError, match="already holds 92 articles"):
        load(small_run.out, ingested, DEFAULT_SETTINGS)


def test_a_stores_corrections_are_applied_as_ingest_applies_them(main_run, main_stores,
                                                                 tmp_path):
    """A user's merges and splits, made on an ingested store, given to `load --corrections`:
    the loaded store equals an `ingest` of the same inputs into a store holding them."""
    _, ingested = main_stores
    corrected = tmp_path / "corrected.db"
    shutil.copy(ingested, corrected)
    with Store(corrected) as store:
        assert store.merge_entities("org:general-motors", "org:gm") == 6
        store.merge_entities("org:apple", "org:apple-inc")
        store.merge_entities("org:apple", "org:apple-computer")
        store.split_entity("org:apple", "org:apple-computer")  # undone: history only
    fresh = tmp_path / "fresh.db"
    Store(fresh).close()
    # Committed, and closed before the copy below (no WAL file left behind).
    with closing(sqlite3.connect(corrected)) as source, closing(sqlite3.connect(fresh)) as target:
        target.executemany("INSERT INTO entity_corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           source.execute("SELECT * FROM entity_corrections ORDER BY id"))
        target.commit()
    holding = tmp_path / "holding.db"  # a store with the corrections and no articles yet
    shutil.copy(fresh, holding)
    _ingest(main_run.paths, fresh)
    load(main_run.out, holding, DEFAULT_SETTINGS)  # keeps and applies its own corrections
    loaded = tmp_path / "loaded.db"
    result = CliRunner().invoke(main, ["load", main_run.out, "--db", str(loaded),
                                       "--corrections", str(corrected)])
    assert result.exit_code == 0, result.output
    assert _rows(loaded, "SELECT count(*) FROM mentions WHERE entity_id = 'org:gm'") == [(0,)]
    for sql in ("SELECT * FROM entities ORDER BY id",
                "SELECT * FROM entity_corrections ORDER BY id",
                "SELECT * FROM mentions ORDER BY doc_id, ord",
                "SELECT * FROM event_groups ORDER BY id",
                "SELECT * FROM event_group_members ORDER BY doc_id, ord"):
        assert _rows(loaded, sql) == _rows(fresh, sql) == _rows(holding, sql), sql
    ids = [row[0] for row in _rows(fresh, "SELECT id FROM documents ORDER BY seq")]
    for doc_id in ids:
        assert _stdout("show", doc_id, "--json", "--db", str(loaded)) == \
            _stdout("show", doc_id, "--json", "--db", str(fresh)), doc_id
    for command in (["entity", "General Motors", "--json"], ["entities", "--json"],
                    ["events", "--merged"]):
        assert _stdout(*command, "--db", str(loaded)) == _stdout(*command, "--db", str(fresh))
