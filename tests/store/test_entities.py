"""Reading entities: finding one, listing them, the framing lens, everything about one, its
look-alikes, and what the entity page and the exports read, on the Kiev and Kyiv articles
(`store`) and on the samples' store (`samples`, see conftest)."""

from __future__ import annotations

from newsgraph.store import Store
from tests.test_resolution import article, entity, mention


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


def test_store_entity_lists_candidate_links(store: Store):
    text = "Kyiv and Kiyv are spelled apart here."
    document, record = article("a7", text, [
        entity("gpe:kiyv", "Kiyv", "GPE", [mention(text, "Kiyv")])])
    store.put(document, record)
    candidates = store.entity("gpe:kiyv")["candidates"]
    assert [(c["name"], c["score"]) for c in candidates] == [("Kyiv", 1.0)]  # not Kiev


# -- the entity page's and the exports' reads, on the samples' store ------------------------------

PUSHILIN, DONETSK = "person:denis-pushilin", "geonames:709717"


def test_entity_without_mentions_is_the_same_profile_read_cheaper(samples: Store) -> None:
    whole = samples.entity(PUSHILIN)
    light = samples.entity(PUSHILIN, mentions=False)
    assert "mentions" not in light
    assert light == {key: value for key, value in whole.items() if key != "mentions"}
    assert light["names"] == [{"name": "Pushilin", "count": 4},
                              {"name": "Denis Pushilin", "count": 3}]
    assert sum(name["count"] for name in light["names"]) == len(whole["mentions"]) == 7
    # "Separatist leader Denis Pushilin" opening a line and "separatist leader Denis
    # Pushilin" mid-sentence are one role
    assert light["roles"] == [{"role": "separatist leader", "count": 2},
                              {"role": "Donetsk separatist leader", "count": 1}]
    assert [a["doc_id"] for a in light["articles"]] == ["3bc141109169041e", "57d6e6274b8f56c9"]


def test_what_an_entity_said_and_took_part_in(samples: Store) -> None:
    quotes = samples.entity_quotes(PUSHILIN, limit=100)
    assert len(quotes) == 5 and quotes[0]["published"] == "2022-08-17"
    assert [(q["kind"], q["date"]) for q in quotes[:2]] == [("mixed", "2022-08-15"),
                                                            ("direct", "2022-08-17")]
    assert quotes[-1]["published"] is None  # the undated article comes last
    assert samples.entity_quotes(PUSHILIN, limit=2) == quotes[:2]
    assert samples.quote_and_event_counts(PUSHILIN) == {"quotes": 5, "events": 1}
    events = samples.entity_events(DONETSK, limit=100)
    assert len(events) == 9
    assert samples.quote_and_event_counts(DONETSK) == {"quotes": 0, "events": 9}
    assert not any(e["negated"] for e in events)  # "no reports of clashes" is left out
    assert all(DONETSK in (e["actor_entity"], e["target_entity"], e["place_entity"])
               for e in events)
    # the rally, told again as a march through Donetsk, is kept at Donetsk
    assert [e["trigger_text"] for e in samples.entity_events(DONETSK, limit=2)] == [
        "prevented", "rallied"]


def test_who_an_entity_appears_with_and_when_it_is_named(samples: Store) -> None:
    together = samples.cooccurring_entities(PUSHILIN, limit=3)
    assert [(e["name"], e["articles"]) for e in together] == [
        ("Donbas", 2), ("Donetsk", 2), ("Donetsk People's Republic", 2)]
    assert PUSHILIN not in {e["id"] for e in samples.cooccurring_entities(PUSHILIN, limit=100)}
    # 7 mentions: 5 in the article of 2022-08-17, 2 in the undated one (not counted)
    assert samples.entity_mentions_per_day(PUSHILIN) == {"2022-08-17": 5}
    top = samples.top_entities(limit=5)
    assert top[0] == {"id": PUSHILIN, "name": "Denis Pushilin", "type": "PERSON", "articles": 2}
    assert all(e["type"] in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"} for e in top)
    names = samples.canonical_names()
    assert len(names) == samples.count("entities") == 46 and names[DONETSK] == "Donetsk"


def test_entity_tables_and_network_of_the_exports(samples: Store) -> None:
    entities = list(samples.entity_rows())
    assert [e["id"] for e in entities] == sorted(e["id"] for e in entities)
    assert len(entities) == 46 and sum(e["mentions"] for e in entities) == 152
    pushilin = next(e for e in entities if e["id"] == PUSHILIN)
    assert (pushilin["mentions"], pushilin["articles"]) == (7, 2)
    mentions = list(samples.mention_rows())
    assert len(mentions) == samples.count("mentions") == 152
    assert (mentions[0]["entity_name"], mentions[0]["start"]) == ("Ukraine", 56)
    listed = list(samples.entity_article_counts())
    assert {e["id"]: e["articles"] for e in listed} == {e["id"]: e["articles"]
                                                        for e in entities if e["articles"]}
    in_both = {e["id"] for e in listed if e["articles"] == 2}
    pairs = list(samples.entity_pairs(min_articles=2))
    assert len(in_both) == 9 and len(pairs) == 9 * 8 // 2
    assert all(p["source"] < p["target"] and {p["source"], p["target"]} <= in_both
               for p in pairs)
    assert len(list(samples.entity_pairs())) > len(pairs)


def test_entity_network_cut_to_the_top_entities_and_heavy_links(samples: Store) -> None:
    counts = {e["id"]: e["articles"] for e in samples.entity_article_counts()}
    ranked = sorted(counts, key=lambda entity: (-counts[entity], entity))
    top = list(samples.entity_article_counts(top=4))
    assert [e["id"] for e in top] == sorted(ranked[:4])
    pairs = list(samples.entity_pairs(top=4))
    assert len(pairs) == 4 * 3 // 2  # the four named most are named together, in 2 articles
    assert all({p["source"], p["target"]} <= set(ranked[:4]) for p in pairs)
    # with a weight floor, only the entities with a link that heavy are nodes
    heavy = list(samples.entity_article_counts(min_articles=2))
    assert {e["id"] for e in heavy} == {e for e, n in counts.items() if n == 2}
    assert list(samples.entity_article_counts(min_articles=3)) == []
    assert list(samples.entity_pairs(min_articles=2, top=3)) == [
        p for p in samples.entity_pairs(min_articles=2) if {p["source"], p["target"]} <= set(
            ranked[:3])]
