"""Entity corrections applied to records (merges, splits, undoing a merge) and the candidate
links between look-alike entities; the store's side is in tests/store/test_corrections.py and
test_entities.py, on the articles made here."""

from __future__ import annotations

from typing import Any

from newsgraph.document import Document, OffsetMap, Published
from newsgraph.resolution import (
    Correction,
    apply_corrections,
    name_key,
    similar_entities,
    split_id,
    undo_merge,
)

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
