"""One real event reported by several articles: the merge decision, the store's groups, the
CLI and the ACLED export."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.event_merge import EventFacts, choose_group, joins, same_event
from newsgraph.store import Store


def event_record(**fields) -> dict:
    """A PROTEST by coal miners in Donetsk on 2014-05-28, changed by `fields`."""
    record = {
        "type": "PROTEST",
        "actor": {"entity": None, "name": "coal miners"},
        "target": None,
        "place": {"entity": "geonames:709717", "name": "Donetsk", "geonames": 709717},
        "date": {"value": "2014-05-28", "how": "text"},
        "negated": False, "hypothetical": False,
    }
    record.update(fields)
    return record


def event(doc_id: str, **fields) -> EventFacts:
    return EventFacts.from_event(doc_id, event_record(**fields))


# ----------------------------------------------------------------------------- the decision


def test_same_type_actor_place_and_day_from_two_articles_is_one_event():
    assert same_event(event("reuters"), event("ap", actor={"entity": None, "name": "miners"}))


def test_dates_a_day_apart_still_match_a_week_apart_do_not():
    assert same_event(event("reuters"), event("ap", date={"value": "2014-05-29", "how": "text"}))
    assert not same_event(event("reuters"),
                          event("ap", date={"value": "2014-06-04", "how": "text"}))


def test_vague_dates_never_match_times_of_day_do():
    assert not same_event(event("reuters"), event("ap", date={"value": "2014-05", "how": "text"}))
    assert same_event(event("reuters"), event("ap", date={"value": "2014-05-28T09:00",
                                                          "how": "text"}))


def test_events_of_one_article_are_never_merged_here():
    assert not same_event(event("reuters"), event("reuters"))


def test_other_type_other_place_or_other_actor_keeps_them_apart():
    assert not same_event(event("reuters"), event("ap", type="ASSAULT"))
    assert not same_event(event("reuters"), event("ap", place={
        "entity": "geonames:702550", "name": "Luhansk", "geonames": 702550}))
    assert not same_event(event("reuters"), event("ap", actor={"entity": None,
                                                               "name": "steel workers"}))


def test_two_resolved_actors_must_be_the_same_entity():
    one = event("reuters", actor={"entity": "geonames:690791", "name": "Ukraine"})
    other = event("ap", actor={"entity": "geonames:2017370", "name": "Ukraine's neighbour"})
    assert not same_event(one, other)


def test_negated_or_hypothetical_mentions_never_merge():
    assert not same_event(event("reuters"), event("ap", negated=True))
    assert not same_event(event("reuters"), event("ap", hypothetical=True))


def test_an_actor_alone_is_not_enough_evidence():
    one = event("reuters", place=None)
    assert not same_event(one, event("ap", place=None))
    with_target = event("ap", place=None, target={"entity": None, "name": "Kiev"})
    assert same_event(event("reuters", place=None, target={"entity": None, "name": "Kiev"}),
                      with_target)


def test_unclaimed_attacks_merge_on_day_place_and_death_toll_only():
    blast = {"type": "ASSAULT", "actor": None, "fatalities": {"min": 12, "max": 12}}
    assert same_event(event("reuters", **blast), event("ap", **blast))
    other_toll = dict(blast, fatalities={"min": 3, "max": 3})
    assert not same_event(event("reuters", **blast), event("ap", **other_toll))
    next_day = dict(blast, date={"value": "2014-05-29", "how": "text"})
    assert not same_event(event("reuters", **blast), event("ap", **next_day))
    no_toll = dict(blast, fatalities=None)
    assert not same_event(event("reuters", **no_toll), event("ap", **no_toll))


def test_a_target_that_is_only_the_place_does_not_conflict():
    scene = event("ap", target={"entity": "geonames:709717", "name": "Donetsk"})
    aimed = event("reuters", target={"entity": None, "name": "regional government"})
    assert same_event(scene, aimed)


def test_related_types_of_one_happening_merge():
    deal = {"entity": None, "name": "Kiev"}
    assert same_event(event("reuters", type="AGREE", target=deal),
                      event("ap", type="SUPPORT", target=deal))


def test_a_group_is_joined_only_when_every_member_matches():
    first = event("reuters", date={"value": "2014-05-26", "how": "text"})
    second = event("ap", date={"value": "2014-05-28", "how": "text"})
    third = event("bbc", date={"value": "2014-05-30", "how": "text"})
    assert same_event(first, second) and same_event(second, third)
    assert not joins(third, [first, second])
    assert choose_group(third, {1: [first, second], 2: [second]}) == 2


# ----------------------------------------------------------------------------- the store

ARTICLES = [
    {"id": "wire-lagos-1", "title": "Nigerian teachers rally over unpaid salaries",
     "outlet": "Reuters", "published": "2024-03-12",
     "text": "Nigerian teachers rally over unpaid salaries\n\nLAGOS, March 12 (Reuters) - "
             "Thousands of teachers rallied in Lagos on Monday to demand months of unpaid "
             "salaries from the state government, union officials said."},
    {"id": "daily-lagos-2", "title": "Teachers protest in Lagos", "outlet": "Premium Times",
     "published": "2024-03-13",
     "text": "Teachers protest in Lagos\n\nTeachers protested in Lagos on Monday over unpaid "
             "wages, union officials said."},
    {"id": "daily-kano-3", "title": "Teachers march in Kano", "outlet": "Daily Trust",
     "published": "2024-03-13",
     "text": "Teachers march in Kano\n\nKANO, March 13 - Hundreds of teachers marched in Kano "
             "on Monday over unpaid wages, union officials said."},
]


def ingest(runner: CliRunner, tmp_path: Path, db: Path, articles: list[dict]) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(path), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output


def group_rows(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        groups = conn.execute("SELECT count(*) FROM event_groups").fetchone()[0]
        empty = conn.execute("""SELECT count(*) FROM event_groups g WHERE NOT EXISTS
                                (SELECT 1 FROM event_group_members m
                                 WHERE m.group_id = g.id)""").fetchone()[0]
    return groups, empty


@pytest.fixture(scope="module")
def merged_db(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("merge")
    db = tmp_path / "news.db"
    ingest(CliRunner(), tmp_path, db, ARTICLES)
    return db


def test_two_reports_of_one_protest_are_stored_once_the_other_city_apart(merged_db):
    with Store(merged_db, readonly=True) as store:
        protests = store.merged_events(event_type="PROTEST")
    lagos = [p for p in protests if "Lagos" in (p["place_name"] or "").title()]
    assert len(lagos) == 1
    assert lagos[0]["n_mentions"] == 2 and lagos[0]["n_outlets"] == 2
    assert {m["doc_id"] for m in lagos[0]["mentions"]} == {"wire-lagos-1", "daily-lagos-2"}
    assert {m["trigger_text"] for m in lagos[0]["mentions"]} == {"rallied", "protested"}
    kano = [p for p in protests if p["place_name"] and "kano" in p["place_name"].lower()]
    assert len(kano) == 1 and kano[0]["n_mentions"] == 1


def test_events_merged_command_prints_one_line_per_real_event(merged_db):
    result = CliRunner().invoke(main, ["events", "--merged", "--type", "PROTEST",
                                       "--db", str(merged_db)])
    assert result.exit_code == 0
    assert "2 mention(s), 2 outlet(s)" in result.output
    assert "1 mention(s), 1 outlet(s)" in result.output


def test_acled_export_has_one_row_per_real_event_with_all_sources(merged_db, tmp_path):
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(main, ["export", "events", "--format", "acled-csv", "-o",
                                       str(out), "--db", str(merged_db)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    lagos = [r for r in rows if r["location"].lower() == "lagos"
             and r["event_type"] == "Protests"]
    assert len(lagos) == 1
    assert lagos[0]["source"] == "Reuters; Premium Times"
    assert "rallied" in lagos[0]["notes"] and "protested" in lagos[0]["notes"]


def test_reingest_changes_nothing_and_replacing_leaves_no_empty_group(tmp_path):
    runner = CliRunner()
    db = tmp_path / "news.db"
    ingest(runner, tmp_path, db, ARTICLES)
    with Store(db, readonly=True) as store:
        before = store.merged_events(include_negated=True)
    counts = group_rows(db)
    ingest(runner, tmp_path, db, ARTICLES)
    with Store(db, readonly=True) as store:
        assert store.merged_events(include_negated=True) == before
    assert group_rows(db) == counts
    with Store(db, readonly=True) as store:
        kano_group = kano_protest(store)["group_id"]
    changed = dict(ARTICLES[2], text=ARTICLES[2]["text"].replace("in Kano on Monday",
                                                                 "in Zaria on Monday"))
    ingest(runner, tmp_path, db, [ARTICLES[0], ARTICLES[1], changed])
    assert group_rows(db) == (counts[0], 0)  # the old group went, the new one came
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT 1 FROM event_groups WHERE id = ?",
                            (kano_group,)).fetchone() is None
    with Store(db, readonly=True) as store:
        assert kano_protest(store)["group_id"] != kano_group


def kano_protest(store: Store) -> dict:
    [protest] = [p for p in store.merged_events(event_type="PROTEST")
                 if p["mentions"][0]["doc_id"] == "daily-kano-3"]
    assert protest["n_mentions"] == 1  # the only member of its group
    return protest
