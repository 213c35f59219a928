"""What the pages read from a real store (the samples and a hostile article), without a
browser."""

from __future__ import annotations

import pytest

from newsgraph.store import Store
from newsgraph.web import pages


@pytest.fixture(scope="module")
def store(sample_db):
    with Store(sample_db, readonly=True) as opened:
        yield opened


def test_entity_lens_counts_names_per_outlet_and_year(store):
    kiev = next(row["entity_id"] for row in store.rows(  # the city, named in 2022
        "SELECT entity_id FROM mentions WHERE text = 'Kyiv' LIMIT 1"))
    profile = pages.entity(store, kiev)
    by_name = {(row["name"], row["outlet"]) for row in profile["lens"]}
    assert ("Kiev", "The Moscow Times") in by_name
    assert any(name == "Kyiv" for name, _ in by_name)  # the 2022 article's spelling, same id
    assert dict(profile["names"])["Kiev"] >= 5
    assert profile["pins"] and profile["pins"][0]["lat"] == pytest.approx(50.45, abs=0.1)


def test_events_filters_and_map_points(store):
    everything = pages.events(store)
    protests = pages.events(store, event_type="protest")
    assert protests["events"] and {e["type"] for e in protests["events"]} == {"PROTEST"}
    assert protests["total"] < everything["total"]
    donetsk = next(pin for pin in everything["pins"] if pin["name"] == "Donetsk")
    assert donetsk["count"] >= 5 and donetsk["lat"] == pytest.approx(48.0, abs=0.1)
    in_2022 = pages.events(store, date_from="2022", date_to="2022")
    assert in_2022["events"] and all(e["date"].startswith("2022") for e in in_2022["events"])
    assert in_2022["chart"] is not None


def test_quotes_filter_by_speaker_kind_and_date(store):
    pushilin = pages.quotes(store, speaker="Pushilin")["quotes"]
    assert len(pushilin) >= 2 and all("Pushilin" in q["speaker_name"] for q in pushilin)
    assert all(q["href"].startswith("/article/") and "#q" in q["href"] for q in pushilin)
    direct = pages.quotes(store, kind="direct")["quotes"]
    assert direct and {q["kind"] for q in direct} == {"direct"}
    august = pages.quotes(store, date_from="2022-08", date_to="2022-08")["quotes"]
    assert august and all(q["date"].startswith("2022-08") for q in august)


def test_search_facets_narrow_the_hits(store):
    found = pages.search(store, "Donetsk")
    assert found["total"] == 2  # the two samples; the Kharkiv article does not name it
    outlets = dict(found["facets"]["outlet"])
    assert outlets["The Moscow Times"] == 1
    narrowed = pages.search(store, "Donetsk", outlet="The Moscow Times")
    assert narrowed["total"] == 1
    assert "<mark>" in str(narrowed["results"][0]["snippet"])
    assert pages.search(store, '"Donetsk')["total"] == 2  # FTS syntax errors become phrases
    assert pages.search(store, "   ")["results"] == []


def test_unknown_ids_give_none(store):
    assert pages.article(store, "no-such-article") is None
    assert pages.entity(store, "no:such") is None


def test_a_lone_from_bound_leaves_out_dates_without_a_year(store):
    assert pages.events(store, date_from="2030")["events"] == []
    assert pages.quotes(store, date_from="2030")["quotes"] == []
    since_2014 = pages.events(store, date_from="2014")["events"]
    assert since_2014 and all(e["date"][:4].isdigit() for e in since_2014)
    everything = pages.events(store)["events"]
    assert any(e["date"] and e["date"].startswith("XXXX") for e in everything)


def test_filters_match_canonical_names_and_take_wildcards_literally(store):
    # "Kiev unleashed warplanes" (2014), "Kyiv severed relations" (2022): the government
    by_name = pages.events(store, actor="Ukraine")["events"]
    assert {"Kiev", "Kyiv"} <= {e["actor_name"] for e in by_name}
    assert pages.events(store, actor="Kiev")["events"][0]["actor_name"] == "Kiev"
    assert pages.quotes(store, speaker="%")["quotes"] == []
    assert pages.events(store, actor="_")["events"] == []


def test_entity_page_leaves_negated_events_out(store):
    clashes = next(store.rows("SELECT * FROM events WHERE trigger_text = 'clashes'"))
    assert clashes["negated"] == 1 and clashes["place_entity"]
    profile = pages.entity(store, clashes["place_entity"])
    assert profile["events"] and "clashes" not in {e["trigger_text"] for e in profile["events"]}
    assert profile["totals"]["events"] == len(profile["events"])


def test_removed_passages_are_placed_between_the_right_characters(store):
    import json

    from newsgraph.document import OffsetMap
    from newsgraph.web.highlight import clean_position

    for doc_id in store.ids():
        record = store.get(doc_id)
        row = next(store.rows("SELECT offset_map FROM documents WHERE id = ?", (doc_id,)))
        offsets = OffsetMap.from_json(json.loads(row["offset_map"]))
        text = record["text"]
        for passage in record["removed"]:
            at = clean_position(offsets.to_source, len(text), passage["source_start"])
            assert at == 0 or offsets.to_source(at - 1) < passage["source_start"]
            assert at == len(text) or offsets.to_source(at) >= passage["source_end"]
        html = str(pages.article(store, doc_id)["html"])
        assert html.count('class="removed"') == len(record["removed"])


def test_entity_page_shows_what_newsgraph_entity_prints(store):
    """The page builds on Store.entity, as `newsgraph entity` does: the same names, roles,
    lens, articles, candidates and counts, for every entity of the samples."""
    for entity_id in store.canonical_names():
        shown, printed = pages.entity(store, entity_id), store.entity(entity_id)
        assert shown["names"] == [(n["name"], n["count"]) for n in printed["names"]]
        assert shown["roles"] == [(r["role"], r["count"]) for r in printed["roles"]]
        assert sorted(map(str, shown["lens"])) == sorted(map(str, printed["lens"]))
        assert [a["id"] for a in shown["articles"]] == [
            a["doc_id"] for a in reversed(printed["articles"])]
        assert [c["id"] for c in shown["candidates"]] == [
            c["id"] for c in printed["candidates"][:10]]
        assert shown["totals"]["mentions"] == len(printed["mentions"])
        assert shown["totals"]["articles"] == len(printed["articles"])
    assert pages.entity(store, "Pushilin") is None  # the page takes ids; the CLI also names
    assert store.entity("Pushilin")["id"] == "person:denis-pushilin"
