"""Grouping events across articles at put time: the window, names SQL cannot fold, the SQL
narrowing that must keep every pair event_merge accepts, events stored before grouping existed,
and regrouping after entity corrections."""

from __future__ import annotations

import sqlite3

from newsgraph.document import Document, OffsetMap, Published
from newsgraph.event_merge import EventFacts, same_event
from newsgraph.store import MIGRATIONS, Store, _grouping_candidates
from tests.test_event_merge import event_record


def report(doc_id: str, actor: str, date_value: str, *, actor_id: str | None = None,
           place: str = "Donetsk") -> tuple[Document, dict]:
    """An article reporting one PROTEST by `actor` (entity `actor_id`) in `place`."""
    text = f"{actor} protested in {place}."
    trigger = text.index("protested")
    entities = []
    if actor_id:
        entities.append({"id": actor_id, "name": actor, "type": "NORP", "mentions": [
            {"start": 0, "end": len(actor), "text": actor}]})
    document = Document(id=doc_id, source=f"{doc_id}.txt", raw=text, source_text=text,
                        text=text, offsets=OffsetMap([], len(text)), title=None, outlet=doc_id,
                        published=Published("2014-05-28", "given"))
    event = {"type": "PROTEST", "mode": None,
             "trigger": {"start": trigger, "end": trigger + 9, "text": "protested"},
             "sentence": {"start": 0, "end": len(text)},
             "actor": {"entity": actor_id, "name": actor},
             "target": None, "place": {"entity": None, "name": place, "geonames": None},
             "date": {"value": date_value, "how": "text"},
             "negated": False, "hypothetical": False}
    record = {"id": doc_id, "source": document.source, "title": None, "outlet": doc_id,
              "published": document.published.to_json(), "text": text, "entities": entities,
              "quotes": [], "times": [], "events": [event]}
    return document, record


def groups_of(store: Store) -> dict[str, int]:
    return {row["doc_id"]: row["group_id"] for row in store.rows(
        "SELECT doc_id, group_id FROM event_group_members")}


def test_a_time_of_day_on_the_last_day_of_the_window_still_joins(tmp_path):
    with Store(tmp_path / "n.db") as store:
        store.put(*report("late", "Miners", "2014-05-31T10:00"))
        store.put(*report("early", "Miners", "2014-05-28"))  # its window ends on 05-31
        store.put(*report("later", "Miners", "2014-06-01T10:00"))  # 4 days: apart
        groups = groups_of(store)
    assert groups["late"] == groups["early"] != groups["later"]


def test_names_sql_cannot_fold_still_reach_same_event(tmp_path):
    with Store(tmp_path / "n.db") as store:
        store.put(*report("a", "ÉTUDIANTS", "2014-05-28"))
        store.put(*report("b", "étudiants", "2014-05-28"))
        store.put(*report("c", "Weißhelme", "2014-05-28"))
        store.put(*report("d", "WEISSHELME", "2014-05-28"))  # LIKE misses it, same_event not
        groups = groups_of(store)
    assert groups["a"] == groups["b"] and groups["c"] == groups["d"] != groups["a"]


VARIANTS = [
    {}, {"actor": {"entity": None, "name": "miners"}},
    {"actor": {"entity": "norp:miners", "name": "Coal miners"}},
    {"actor": {"entity": "norp:ukrainians", "name": "Ukrainian coal miners"}},
    {"actor": {"entity": None, "name": "MINEURS DE CHARBON ÉNERVÉS"}},
    {"actor": {"entity": None, "name": "mineurs de charbon énervés"}},
    {"date": {"value": "2014-05-31T10:00", "how": "text"}},
    {"date": {"value": "2014-05-25", "how": "text"}}, {"type": "ASSAULT"},
    {"place": {"entity": None, "name": "Donetsk city", "geonames": None}},
    {"place": {"entity": "geonames:1", "name": "Stalino", "geonames": 709717}},
    {"type": "AGREE", "target": {"entity": None, "name": "Kiev"}},
    {"type": "SUPPORT", "target": {"entity": None, "name": "Kiev"}},
    {"type": "ASSAULT", "actor": None, "fatalities": {"min": 12, "max": 12}},
    {"type": "ASSAULT", "actor": None, "fatalities": {"min": 12, "max": 12},
     "place": {"entity": None, "name": "Donetsk", "geonames": 709717}},
]


def test_the_sql_narrowing_keeps_every_event_same_event_accepts():
    """Store._joinable_group asks same_event only about the events _grouping_candidates
    selects: for every pair same_event accepts, the SQL must select the other event."""
    conn = sqlite3.connect(":memory:")
    conn.execute(next(sql for sql in MIGRATIONS[0] if "CREATE TABLE events" in sql)
                 .replace("REFERENCES documents(id) ON DELETE CASCADE", ""))
    facts = []
    for n, fields in enumerate(VARIANTS):
        record = event_record(**fields)
        facts.append(EventFacts.from_event(f"doc{n}", record))
        actor, target, place = (record.get(key) or {} for key in ("actor", "target", "place"))
        deaths = record.get("fatalities") or {}
        conn.execute(
            """INSERT INTO events(doc_id, ord, type, trigger_start, trigger_end, trigger_text,
                   actor_entity, actor_name, target_entity, target_name, place_entity,
                   place_name, place_geonames, date_value, fatalities_min, fatalities_max)
               VALUES (?, 0, ?, 0, 1, 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (f"doc{n}", record["type"], actor.get("entity"), actor.get("name"),
             target.get("entity"), target.get("name"), place.get("entity"), place.get("name"),
             place.get("geonames"), record["date"]["value"], deaths.get("min"),
             deaths.get("max")))
    accepted = 0
    for one in facts:
        sql, params = _grouping_candidates(one)
        selected = {row[0] for row in conn.execute(
            f"SELECT doc_id FROM events ev WHERE {sql}", params)}
        for other in facts:
            if same_event(one, other):
                accepted += 1
                assert other.doc_id in selected, (one, other)
        assert len(selected) < len(facts) - 1  # it narrows
    assert accepted >= 20


def test_grouping_compares_only_events_of_the_same_actor(tmp_path, monkeypatch):
    import newsgraph.store.grouping as grouping_module

    compared: list[tuple[str, str]] = []

    def counting(one, other, *args):
        compared.append((one.doc_id, other.doc_id))
        return same_event(one, other, *args)

    with Store(tmp_path / "n.db") as store:
        for n, actor in enumerate(("Miners", "Teachers", "Nurses", "Farmers")):
            store.put(*report(f"a{n}", actor, "2014-05-28", actor_id=f"norp:{actor.lower()}"))
        store.put(*report("other-day", "Miners", "2014-05-20", actor_id="norp:miners"))
        monkeypatch.setattr(grouping_module, "same_event", counting)
        store.put(*report("b", "Miners", "2014-05-29", actor_id="norp:miners"))
        assert groups_of(store)["b"] == groups_of(store)["a0"]
    assert compared == [("b", "a0")]


def test_events_stored_before_grouping_are_grouped_when_the_store_is_opened(tmp_path):
    db = tmp_path / "n.db"
    with Store(db) as store:
        for doc_id in ("one", "two"):
            store.put(*report(doc_id, "Miners", "2014-05-28"))
    with sqlite3.connect(db) as conn:  # as a store from before migration 4 left it
        conn.execute("DROP TABLE event_group_members")
        conn.execute("DROP TABLE event_groups")
        conn.execute("PRAGMA user_version = 3")
    with Store(db) as store:
        grouped = groups_of(store)
        assert grouped["one"] == grouped["two"]
        assert store.stats()["events"] == 2
        assert store._group_ungrouped_events() == 0  # nothing left to do
    with Store(db) as store:
        assert groups_of(store) == grouped
    with Store(db, readonly=True) as store:
        assert groups_of(store) == grouped


def test_merging_and_splitting_actors_regroups_their_events(tmp_path):
    with Store(tmp_path / "n.db") as store:
        store.put(*report("tass", "Separatists", "2014-05-28", actor_id="norp:separatists"))
        store.put(*report("ap", "Rebels", "2014-05-28", actor_id="norp:rebels"))
        assert groups_of(store)["tass"] != groups_of(store)["ap"]  # two resolved actors
        store.merge_entities("norp:separatists", "norp:rebels")
        assert groups_of(store)["tass"] == groups_of(store)["ap"]
        store.split_entity("norp:separatists", "norp:rebels")
        groups = groups_of(store)
        assert groups["tass"] != groups["ap"]
        assert next(store.rows("""SELECT count(*) AS n FROM event_groups g WHERE NOT EXISTS
                                  (SELECT 1 FROM event_group_members m
                                   WHERE m.group_id = g.id)"""))["n"] == 0
