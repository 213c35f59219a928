"""Read queries: search, quotes, the timeline, and what the pages and exports read, on hand-made
records and on the samples' store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from newsgraph.document import Published
from newsgraph.store import Store
from tests.store.conftest import sample_article


def test_search_finds_words_with_snippets(tmp_path: Path, sample_text: str) -> None:
    document, record = sample_article(sample_text)
    with Store(tmp_path / "news.db") as store:
        store.put(document, record)
        hits = store.search("Pyongyang")
        assert len(hits) == 1
        hit = hits[0]
        assert hit["id"] == document.id and hit["outlet"] == "Al Jazeera"
        assert hit["title"] == document.title and hit["published"] is None
        assert "[Pyongyang]" in hit["snippet"]
        # Not FTS syntax: retried as a phrase instead of failing.
        assert [h["id"] for h in store.search("Kim Jong-Un")] == [document.id]
        assert [h["id"] for h in store.search('"Pyongyang')] == [document.id]
        assert [h["id"] for h in store.search("AND")] == [document.id]  # the word "and"
        # Real FTS syntax still works, and words that are not there find nothing.
        assert [h["id"] for h in store.search("Pushilin AND Makeeva")] == [document.id]
        assert store.search("Pushilin NOT Makeeva") == []
        assert store.search("Zaporizhzhia") == []
        assert store.search("  ") == []


def test_quotes_query_filters_by_speaker_entity_kind_and_date(tmp_path: Path,
                                                               sample_text: str) -> None:
    document, record = sample_article(sample_text)
    with Store(tmp_path / "news.db") as store:
        store.put(replace(document, published=Published("2022-08-17", "given")),
                  {**record, "published": {"value": "2022-08-17", "how": "given",
                                           "evidence": []}})
        [quote] = store.quotes(speaker="Pushilin")
        assert quote["text"].startswith("“The people of the Donbas")
        assert (quote["outlet"], quote["published"], quote["kind"]) == (
            "Al Jazeera", "2022-08-17", "direct")
        assert sample_text[quote["start"]:quote["end"]] == quote["text"]
        assert store.quotes(speaker="Q-pushilin") == [quote]
        assert store.quotes(about="Donetsk") == []  # Donbas, not Donetsk, is in the quote
        assert store.quotes(speaker="Price") == []
        assert store.quotes(kind="indirect") == []
        assert store.quotes(since="2022-08-18") == []
        assert store.quotes(since="2022-01-01") == [quote]


def test_timeline_orders_dated_facts_and_filters_by_entity(tmp_path: Path,
                                                           sample_text: str) -> None:
    document, record = sample_article(sample_text)
    record["events"][0]["date"] = {"value": "2022-07", "how": "text"}
    with Store(tmp_path / "news.db") as store:
        store.put(document, record)
        facts = store.timeline()
        assert [(f["kind"], f["value"]) for f in facts] == [
            ("time", "2017"), ("event", "2022-07"), ("time", "XXXX-07-29"),
            ("time", "XXXX-WXX-1")]
        assert [f["text"] for f in store.timeline(entity="Kyiv")] == ["severed"]
        # "Monday" stands in a sentence that names Pushilin
        assert [f["text"] for f in store.timeline(entity="Pushilin")] == ["Monday"]
        assert [f["value"] for f in store.timeline(date_from="2020", date_to="2022-07")] == [
            "2022-07"]


# -- what the pages and the exports read, on the samples' store -----------------------------------

PUSHILIN_ARTICLE, MINERS_ARTICLE = "57d6e6274b8f56c9", "3bc141109169041e"  # 2022; undated


def test_latest_articles_come_newest_first_with_their_counts(samples: Store) -> None:
    latest = samples.latest_articles(limit=10)
    assert [a["id"] for a in latest] == [PUSHILIN_ARTICLE, "hostile-1", MINERS_ARTICLE]
    assert [a["published"] for a in latest] == ["2022-08-17", "2022-03-07", None]
    for article in latest:
        record = samples.get(article["id"])
        assert (article["quotes"], article["events"]) == (len(record["quotes"]),
                                                          len(record["events"]))
    assert (latest[0]["quotes"], latest[0]["events"]) == (7, 7)
    assert samples.latest_articles(limit=1) == latest[:1]


def test_offset_map_leads_back_to_the_source_text(samples: Store) -> None:
    miners = samples.offset_map(MINERS_ARTICLE)
    assert miners is not None
    first_removed = samples.get(MINERS_ARTICLE)["removed"][0]
    assert (first_removed["source_start"], first_removed["source_end"]) == (0, 25)
    assert miners.to_source(0) == 27  # the clean text starts after the removed passage
    assert samples.offset_map("hostile-1").to_source(0) == 0  # nothing removed before
    assert samples.offset_map("no-such-article") is None


def test_event_lists_counts_places_and_days_agree_with_events(samples: Store) -> None:
    asserted = samples.events()
    assert samples.count_events() == len(asserted) == 17
    assert samples.count_events(include_negated=True) == samples.count("events") == 18
    assert samples.count_events(event_type="protest") == 2
    latest = samples.latest_events(limit=100)
    assert {(e["doc_id"], e["ord"]) for e in latest} == {(e["doc_id"], e["ord"])
                                                          for e in asserted}
    assert [e["date"] for e in latest[:3]] == ["2022-08-17", "2022-08-15", "2022-07-29"]
    assert all(e["reports"] == 1 for e in latest)  # no two samples report one event
    assert len(samples.latest_events(limit=3)) == 3
    places = samples.event_places(limit=10)
    donetsk = places[0]
    by_name = {place["name"]: place for place in places}
    kharkiv, moscow = by_name["Kharkiv"], by_name["Moscow"]
    assert "Ukraine" not in by_name  # the rally "in eastern Ukraine" is the march in Donetsk
    assert (donetsk["name"], donetsk["events"]) == ("Donetsk", 9)
    assert set(donetsk["types"].split(",")) == {"PROTEST", "ASSAULT", "SUPPORT", "COERCE",
                                                "AGREE", "REJECT", "REQUEST"}
    assert (kharkiv["name"], kharkiv["events"], moscow["name"]) == ("Kharkiv", 1, "Moscow")
    assert samples.event_places(limit=1) == [donetsk]
    assert samples.events_per_day(event_type="PROTEST") == [
        {"type": "PROTEST", "day": "2022-03-07", "events": 1}]  # the other has no full date
    counts = samples.event_type_counts()  # most first, then by name
    assert counts[:2] == [{"type": "ACCUSE", "events": 2}, {"type": "ASSAULT", "events": 2}]
    assert counts[-1] == {"type": "SANCTION", "events": 1}
    assert sum(c["events"] for c in counts) == 17
    assert samples.event_types() == sorted(c["type"] for c in counts)


def test_faceted_search_counts_the_facets_over_every_hit(samples: Store) -> None:
    found = samples.faceted_search("Donetsk", limit=10)
    assert found["total"] == 2 == len(found["results"])
    assert sorted(found["facets"]["outlet"]) == [("", 1), ("The Moscow Times", 1)]
    assert sorted(found["facets"]["year"]) == [("", 1), ("2022", 1)]
    assert ("geonames:709717", "Donetsk", 2) in found["facets"]["entity"]
    assert "[Donetsk]" in found["results"][0]["snippet"]
    marked = samples.faceted_search("Donetsk", limit=1, marks=("<<", ">>"))
    assert len(marked["results"]) == 1 and "<<Donetsk>>" in marked["results"][0]["snippet"]
    assert marked["total"] == 2  # the total is not bounded by the limit
    narrowed = samples.faceted_search("Donetsk", outlet="The Moscow Times", limit=10)
    assert [r["id"] for r in narrowed["results"]] == [MINERS_ARTICLE]
    assert samples.faceted_search("Donetsk", year="2022", limit=10)["total"] == 1
    assert samples.faceted_search("Kharkiv", entity_id="geonames:706483", limit=10)[
        "total"] == 1
    assert samples.faceted_search('"Donetsk', limit=10)["total"] == 2  # retried as a phrase
    assert samples.faceted_search("  ", limit=10) == {"results": [], "total": 0, "facets": {}}


def test_export_rows_are_one_per_item_in_store_order(samples: Store) -> None:
    articles = list(samples.article_rows())
    assert [a["id"] for a in articles] == samples.ids()
    assert [a["seq"] for a in articles] == [1, 2, 3]
    stats = samples.stats()
    listed = len(list(samples.rows("SELECT 1 FROM document_entities")))
    assert [sum(a[kind] for a in articles) for kind in (
        "entities", "quotes", "times", "events", "removed")] == [
        listed, stats["quotes"], stats["times"], stats["events"], stats["removed_passages"]]
    quotes = list(samples.quote_rows())
    assert len(quotes) == stats["quotes"] == 22
    assert [(q["doc_id"], q["ord"]) for q in quotes[:2]] == [(MINERS_ARTICLE, 0),
                                                             (MINERS_ARTICLE, 1)]
    assert {"cue_text", "speaker_start", "date", "outlet"} <= set(quotes[0])
    assert samples.count("documents") == 3 and samples.stats()["failures"] == 0


def test_one_articles_facts_and_the_negated_events_left_out(samples: Store) -> None:
    record = samples.get(MINERS_ARTICLE)
    assert [(q["start"], q["end"]) for q in samples.quotes(article=MINERS_ARTICLE)] == [
        (q["start"], q["end"]) for q in record["quotes"]]
    assert samples.quotes(article="no-such") == []
    events = samples.events(article=MINERS_ARTICLE, include_negated=True)
    assert len(events) == len(record["events"]) == 10
    assert samples.count_events(article=MINERS_ARTICLE) == 9
    assert samples.negated_events(article=MINERS_ARTICLE) == 1  # "no reports of fresh clashes"
    assert samples.negated_events(article=PUSHILIN_ARTICLE) == 0
    assert samples.negated_events() + samples.count_events() == samples.count("events")
    assert samples.negated_events(event_type="PROTEST") == 0
    merged = samples.merged_events(article=PUSHILIN_ARTICLE)
    assert merged and all(m["doc_id"] == PUSHILIN_ARTICLE for g in merged
                          for m in g["mentions"])
    facts = samples.timeline(article=PUSHILIN_ARTICLE)
    assert facts and {f["doc_id"] for f in facts} == {PUSHILIN_ARTICLE}
    assert len(facts) < len(samples.timeline())
    severed = next(f for f in facts if f["text"] == "severed")
    assert (severed["actor_name"], severed["target_name"]) == ("Kyiv", "Pyongyang")
    assert severed["title"] == "Donetsk leader calls for ‘beneficial’ ties with North Korea"
    assert {f["outlet"] for f in facts} == {None}  # the 2022 sample names no outlet
