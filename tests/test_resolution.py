"""Entity corrections: merges and splits applied to records, to stored articles, and again to
articles ingested later (so they survive re-ingest)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.document import Document, OffsetMap, Published
from newsgraph.resolution import (
    Correction,
    apply_corrections,
    name_key,
    similar_entities,
    split_id,
    undo_merge,
)
from newsgraph.store import Store

KIEV_TEXT = "Kiev unleashed warplanes. Ukraine's army said the Kiev government had won."
KYIV_TEXT = "Kyiv severed relations with Pyongyang. Pushilin said Ukraine lost."


def mention(text: str, phrase: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def entity(entity_id: str, name: str, entity_type: str, mentions: list[dict[str, Any]],
           **geo: Any) -> dict[str, Any]:
    return {"id": entity_id, "name": name, "type": entity_type, "mentions": mentions,
            "geonames": geo.get("geonames"), "lat": geo.get("lat"), "lon": geo.get("lon"),
            "country": geo.get("country")}


def article(doc_id: str, text: str, entities: list[dict[str, Any]],
            outlet: str | None = None, published: str | None = None,
            quotes: list[dict[str, Any]] | None = None) -> tuple[Document, dict[str, Any]]:
    document = Document(id=doc_id, source=f"{doc_id}.txt", raw=text, source_text=text,
                        text=text, offsets=OffsetMap([], len(text)), title=None, outlet=outlet,
                        published=Published(published, "given" if published else "unknown"))
    record = {"id": doc_id, "source": document.source, "title": None, "outlet": outlet,
              "published": document.published.to_json(), "text": text, "entities": entities,
              "quotes": quotes or [], "times": [], "events": []}
    return document, record


def kiev_article(doc_id: str = "a1") -> tuple[Document, dict[str, Any]]:
    return article(doc_id, KIEV_TEXT, [
        entity("gpe:kiev", "Kiev", "GPE", [mention(KIEV_TEXT, "Kiev"),
                                           mention(KIEV_TEXT, "Kiev", 1)]),
        entity("geonames:690791", "Ukraine", "GPE", [mention(KIEV_TEXT, "Ukraine")],
               geonames=690791, lat=49.0, lon=32.0, country="UA"),
    ], outlet="The Moscow Times", published="2014-05-28")


def kyiv_article(doc_id: str = "a2") -> tuple[Document, dict[str, Any]]:
    speaker = mention(KYIV_TEXT, "Pushilin")
    quote = {**mention(KYIV_TEXT, "Ukraine lost"), "kind": "indirect", "cue": None,
             "speaker": {"entity": "person:pushilin", "name": "Pushilin",
                         "start": speaker["start"], "end": speaker["end"]}}
    return article(doc_id, KYIV_TEXT, [
        entity("geonames:703448", "Kyiv", "GPE", [mention(KYIV_TEXT, "Kyiv")],
               geonames=703448, lat=50.45, lon=30.52, country="UA"),
        entity("person:pushilin", "Pushilin", "PERSON", [speaker]),
    ], outlet="Al Jazeera", published="2022-08-17", quotes=[quote])


MERGE = Correction("merge", "geonames:703448", source="gpe:kiev", entities={
    "geonames:703448": {"name": "Kyiv", "type": "GPE", "geonames": 703448, "lat": 50.45,
                        "lon": 30.52, "country": "UA"},
    "gpe:kiev": {"name": "Kiev", "type": "GPE"}})


# ----------------------------------------------------------------------------- records


def test_merge_gives_the_merged_entity_the_kept_identity_where_only_it_is_named():
    _, record = kiev_article()
    corrected = apply_corrections(record, [MERGE])
    kyiv = next(e for e in corrected["entities"] if e["id"] == "geonames:703448")
    assert kyiv["name"] == "Kyiv" and kyiv["geonames"] == 703448
    assert [m["text"] for m in kyiv["mentions"]] == ["Kiev", "Kiev"]
    assert all(m["merged_from"] == "gpe:kiev" for m in kyiv["mentions"])
    assert "gpe:kiev" not in {e["id"] for e in corrected["entities"]}
    assert record["entities"][0]["id"] == "gpe:kiev"  # the input is not changed


def test_merge_joins_mentions_when_both_are_in_the_article():
    text = "Kiev, or Kyiv, is big."
    _, record = article("a3", text, [
        entity("gpe:kiev", "Kiev", "GPE", [mention(text, "Kiev")]),
        entity("geonames:703448", "Kyiv", "GPE", [mention(text, "Kyiv")], geonames=703448),
    ])
    corrected = apply_corrections(record, [MERGE])
    assert [e["id"] for e in corrected["entities"]] == ["geonames:703448"]
    assert [m["text"] for m in corrected["entities"][0]["mentions"]] == ["Kiev", "Kyiv"]


def test_merge_leaves_an_article_without_the_merged_entity_alone():
    _, record = kyiv_article()
    assert apply_corrections(record, [MERGE]) == record


def test_undo_merge_gives_the_mentions_back():
    _, record = kiev_article()
    undone = undo_merge(apply_corrections(record, [MERGE]), MERGE)
    kiev = next(e for e in undone["entities"] if e["id"] == "gpe:kiev")
    assert kiev["name"] == "Kiev" and len(kiev["mentions"]) == 2
    assert "merged_from" not in kiev["mentions"][0]
    assert "geonames:703448" not in {e["id"] for e in undone["entities"]}


def test_split_moves_one_name_and_the_quotes_that_point_at_it():
    text = "Denis Pushilin spoke. Pushilin said it was over."
    speaker = mention(text, "Pushilin", 1)
    quote = {**mention(text, "it was over"), "kind": "indirect", "cue": None,
             "speaker": {"entity": "person:denis-pushilin", "name": "Pushilin",
                         "start": speaker["start"], "end": speaker["end"]}}
    _, record = article("a4", text, [
        entity("person:denis-pushilin", "Denis Pushilin", "PERSON",
               [mention(text, "Denis Pushilin"), speaker])], quotes=[quote])
    split = Correction("split", "person:denis-pushilin", name="Pushilin",
                       new_id="person:pushilin")
    corrected = apply_corrections(record, [split])
    ids = {e["id"]: [m["text"] for m in e["mentions"]] for e in corrected["entities"]}
    assert ids == {"person:denis-pushilin": ["Denis Pushilin"], "person:pushilin": ["Pushilin"]}
    assert corrected["quotes"][0]["speaker"]["entity"] == "person:pushilin"


def test_split_id_is_readable_and_unique():
    assert split_id("PERSON", "Pushilin") == "person:pushilin"
    assert split_id("PERSON", "Pushilin", ["person:pushilin"]) == "person:pushilin-2"


# ----------------------------------------------------------------------------- the store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "n.db") as opened:
        for document, record in (kiev_article(), kyiv_article()):
            opened.put(document, record)
        yield opened


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


def test_find_entity_takes_like_wildcards_literally(store: Store):
    assert store.find_entity("yi") == "geonames:703448"  # part of a name, for display
    assert store.find_entity("K_iv") is None
    assert store.find_entity("%") is None


def test_entities_lists_counts_by_type_and_sort(store: Store):
    rows = store.entities()
    assert [r["name"] for r in rows][:1] == ["Kiev"]  # two mentions
    assert {r["name"] for r in store.entities(entity_type="person")} == {"Pushilin"}
    assert [r["name"] for r in store.entities(sort="name")] == ["Kiev", "Kyiv", "Pushilin",
                                                                  "Ukraine"]
    assert len(store.entities(limit=2)) == 2


def test_entity_names_is_the_framing_lens(store: Store):
    store.merge_entities("Kyiv", "Kiev")
    assert store.entity_names("geonames:703448") == [
        {"name": "Kiev", "outlet": "The Moscow Times", "year": "2014", "count": 2},
        {"name": "Kyiv", "outlet": "Al Jazeera", "year": "2022", "count": 1},
    ]


def test_entity_shows_articles_and_mentions_with_context(store: Store):
    ukraine = store.entity("geonames:690791")
    assert ukraine["name"] == "Ukraine" and ukraine["country"] == "UA"
    assert [a["doc_id"] for a in ukraine["articles"]] == ["a1"]
    first = ukraine["mentions"][0]
    assert (first["doc_id"], first["text"]) == ("a1", "Ukraine")
    assert "army said" in first["context"]
    assert store.entity("Atlantis") is None


# ----------------------------------------------------------------------------- candidate links


def test_name_key_merges_transliteration_spellings():
    assert name_key("Sievierodonetsk") == name_key("Severodonetsk")
    assert name_key("Donbass") == name_key("Donbas")
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un")


def test_similar_entities_offers_spelling_variants_with_a_score():
    others = [{"id": "loc:donbass", "name": "Donbass", "type": "LOC"},
              {"id": "gpe:lugansk", "name": "Lugansk", "type": "LOC"},
              {"id": "person:donbas", "name": "Donbas", "type": "PERSON"}]
    found = similar_entities("place:donbas", "Donbas", "LOC", others)
    assert found == [{"id": "loc:donbass", "name": "Donbass", "score": 1.0}]


def test_similar_entities_keeps_different_people_and_gazetteer_places_apart():
    people = [{"id": "person:ted-price", "name": "Ted Price", "type": "PERSON"},
              {"id": "person:kim-jong-il", "name": "Kim Jong Il", "type": "PERSON"}]
    assert similar_entities("person:ned-price", "Ned Price", "PERSON", people) == []
    assert similar_entities("person:kim-jong-un", "Kim Jong Un", "PERSON", people) == []
    towns = [{"id": "geonames:2", "name": "Lugansk", "type": "GPE"}]
    assert similar_entities("geonames:1", "Luhansk", "GPE", towns) == []


def test_store_entity_lists_candidate_links(store: Store):
    text = "Kyiv and Kiyv are spelled apart here."
    document, record = article("a7", text, [
        entity("gpe:kiyv", "Kiyv", "GPE", [mention(text, "Kiyv")])])
    store.put(document, record)
    candidates = store.entity("gpe:kiyv")["candidates"]
    assert [(c["name"], c["score"]) for c in candidates] == [("Kyiv", 1.0)]  # not Kiev
