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
    kiev = next(row["entity_id"] for row in store.rows(
        "SELECT entity_id FROM mentions WHERE text = 'Kiev' LIMIT 1"))
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
    assert pages.search(store, 'U.S. "unbalanced')["query"]  # FTS syntax errors are phrases
    assert pages.search(store, "   ")["results"] == []


def test_unknown_ids_give_none(store):
    assert pages.article(store, "no-such-article") is None
    assert pages.entity(store, "no:such") is None
