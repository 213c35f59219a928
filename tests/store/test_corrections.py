"""Entity corrections in the store: merges and splits applied to the stored articles, kept for
the articles ingested later (so they survive re-ingest), undone, and refused when they would
hit the wrong entity. (`store`: the Kiev and Kyiv articles, see conftest.)"""

from __future__ import annotations

import pytest

from newsgraph.store import Store
from tests.test_resolution import article, entity, kiev_article, mention


def test_store_merge_survives_reingest_and_applies_to_later_articles(store: Store):
    assert store.merge_entities("Kyiv", "Kiev") == 1
    assert store.find_entity("Kiev") == "geonames:703448"
    kyiv = store.entity("Kyiv")
    assert {n["name"]: n["count"] for n in kyiv["names"]} == {"Kiev": 2, "Kyiv": 1}
    # Re-ingesting the same extraction writes nothing and keeps the merge.
    document, record = kiev_article()
    assert store.put(document, record) == "unchanged"
    assert store.get("a1")["entities"][0]["id"] == "geonames:703448"
    # An article ingested later that says Kiev is merged too.
    document, record = kiev_article("a5")
    assert store.put(document, record) == "stored"
    assert {e["id"] for e in store.get("a5")["entities"]} == {"geonames:703448",
                                                              "geonames:690791"}
    assert store.find_entity("gpe:kiev") is None  # no article lists it any more


def test_store_split_undoes_a_merge_everywhere(store: Store):
    store.merge_entities("Kyiv", "Kiev")
    got, changed = store.split_entity("Kyiv", "Kiev")
    assert (got, changed) == ("gpe:kiev", 1)
    assert store.find_entity("Kiev") == "gpe:kiev"
    assert store.entity_corrections() == []
    assert len(store.entity_corrections(include_undone=True)) == 1
    document, record = kiev_article("a6")  # the undone merge is not applied any more
    store.put(document, record)
    assert "gpe:kiev" in {e["id"] for e in store.get("a6")["entities"]}


def test_store_split_by_name_moves_quote_speakers(store: Store):
    new_id, changed = store.split_entity("Pushilin", name="Pushilin", new_id="person:p2")
    assert (new_id, changed) == ("person:p2", 1)
    assert store.get("a2")["quotes"][0]["speaker"]["entity"] == "person:p2"


def test_store_merge_refuses_unknown_and_identical_entities(store: Store):
    with pytest.raises(ValueError, match="no entity"):
        store.merge_entities("Kyiv", "Atlantis")
    with pytest.raises(ValueError, match="same entity"):
        store.merge_entities("Kyiv", "geonames:703448")
    with pytest.raises(ValueError, match="no merge"):
        store.split_entity("Kyiv", "Ukraine")


def test_corrections_take_only_an_id_or_a_whole_name(store: Store):
    with pytest.raises(ValueError,
                       match=r"no entity 'Pushi'.*perhaps Pushilin \(person:pushilin\)"):
        store.merge_entities("Kyiv", "Pushi")  # part of a name: never a silent pick
    with pytest.raises(ValueError, match="no entity"):
        store.split_entity("Kyi", name="Kyiv")
    assert store.merge_entities("KYIV", "gpe:kiev") == 1  # case is ignored
    assert store.entity_corrections()[0]["target"] == "geonames:703448"


def test_corrections_refuse_a_name_two_entities_have(store: Store):
    text = "Kiev is also a village in Belarus."
    store.put(*article("a8", text, [entity("loc:kiev-belarus", "Kiev", "LOC",
                                           [mention(text, "Kiev")])]))
    with pytest.raises(ValueError, match=r"'Kiev' names 2 entities: Kiev \(gpe:kiev\), "
                                         r"Kiev \(loc:kiev-belarus\)"):
        store.merge_entities("Kyiv", "Kiev")
    assert store.merge_entities("Kyiv", "gpe:kiev") == 1


def test_a_merge_rewrites_only_the_fact_rows_it_changes(store: Store):
    """A merge moves the rows of the entities it names; a quote whose speaker is another
    entity keeps its row (not deleted and written again), and one naming the merged entity
    points at the kept one."""
    from tests.test_resolution import article, entity, mention

    text = "Kiev police detained activists. Pushilin said Kiev lost."
    speaker = mention(text, "Pushilin")
    quotes = [{**mention(text, "Kiev lost"), "kind": "indirect", "cue": None,
               "speaker": {"entity": "person:pushilin", "name": "Pushilin",
                           "start": speaker["start"], "end": speaker["end"]}}]
    document, record = article("a3", text, [
        entity("gpe:kiev", "Kiev", "GPE", [mention(text, "Kiev"), mention(text, "Kiev", 1)]),
        entity("person:pushilin", "Pushilin", "PERSON", [speaker])], quotes=quotes)
    store.put(document, record)
    conn = store._conn
    conn.execute("CREATE TEMP TABLE deleted_quotes (doc_id TEXT)")
    conn.execute("""CREATE TEMP TRIGGER log_quote_deletes AFTER DELETE ON main.quotes
                    BEGIN INSERT INTO deleted_quotes VALUES (old.doc_id); END""")
    assert store.merge_entities("Kyiv", "Kiev") == 2  # a1 and a3
    assert conn.execute("SELECT count(*) FROM deleted_quotes").fetchone()[0] == 0
    assert [q["speaker"]["entity"] for q in store.get("a3")["quotes"]] == ["person:pushilin"]
    assert {e["id"] for e in store.get("a3")["entities"]} == {"geonames:703448",
                                                              "person:pushilin"}
