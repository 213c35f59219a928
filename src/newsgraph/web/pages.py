"""What each page shows, read from the store: plain functions of a read-only `Store`, so they
run in Datasette's reader threads and can be tested without a server.

Pages read only through `Store`'s named queries (the ones the CLI and the exports use), and add
links and layout. Every list is bounded (the `*_LIMIT`s), and the common filters (entity ids,
types) use indexes, so the pages stay fast on stores of many thousands of articles
(`make bench-web` measures them on 10,000); each page's queries also run under a time limit
(see `newsgraph.web._read`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any
from urllib.parse import urlencode

from newsgraph.facts import fact_types
from newsgraph.store import Store
from newsgraph.web import charts
from newsgraph.web.highlight import (
    Insert,
    Mark,
    clean_position,
    entity_href,
    path_segment,
    render,
)

_DETAILED = ("quotes", "times", "events")
"""Fact types the article page shows in detail above; any other is marked generically."""
LIST_LIMIT = 200
TOP_ENTITIES = 30  # on the home page
TOGETHER_LIMIT = 25  # entities an entity appears with
LENS_LIMIT = 300  # (name, outlet, year) rows: the busiest, for entities named everywhere
MAP_LIMIT = 2_000


def article_href(doc_id: str, anchor: str | None = None) -> str:
    return "/article/" + path_segment(doc_id) + (f"#{anchor}" if anchor else "")


def _party(party: dict[str, Any] | None) -> str:
    return party["name"] if party else "—"


def home(store: Store) -> dict[str, Any]:
    articles = [row | {"href": article_href(row["id"])}
                for row in store.latest_articles(limit=LIST_LIMIT)]
    top_entities = [row | {"href": entity_href(row["id"])}
                    for row in store.top_entities(limit=TOP_ENTITIES)]
    return {"stats": store.stats(), "articles": articles, "top_entities": top_entities,
            "event_types": store.event_type_counts(), "negated_events": store.negated_events()}


def article(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The clean text with every entity, quote, time and event marked; the records behind the
    marks (for the side panel); the removed passages in place."""
    record = store.get(doc_id)
    if record is None:
        return None
    text = record["text"]
    marks: list[Mark] = []
    details: dict[str, dict[str, Any]] = {}
    for i, entity in enumerate(record["entities"]):
        label = f"{entity['name']} · {entity['type']}"
        if entity.get("geonames"):
            label += f" · GeoNames {entity['geonames']}"
        for j, mention in enumerate(entity["mentions"]):
            key = f"e{i}-{j}"
            marks.append(Mark(mention["start"], mention["end"], "entity", key,
                              f"entity: {label}", entity_href(entity["id"])))
            details[key] = {"kind": "entity", "name": entity["name"], "type": entity["type"],
                            "id": entity["id"], "href": entity_href(entity["id"]),
                            "geonames": entity.get("geonames"), "text": mention["text"]}
    for i, item in enumerate(record["quotes"]):
        speaker = item.get("speaker") or {}
        key = f"q{i}"
        marks.append(Mark(item["start"], item["end"], "quote", key,
                          f"quote ({item['kind']}) · speaker: {speaker.get('name') or '?'}"))
        details[key] = {"kind": "quote", "quote_kind": item["kind"],
                        "speaker": speaker.get("name"),
                        "speaker_href": entity_href(speaker["entity"])
                        if speaker.get("entity") else None,
                        "cue": (item.get("cue") or {}).get("text"),
                        "date": (item.get("date") or {}).get("value")}
        if speaker.get("start") is not None:
            marks.append(Mark(speaker["start"], speaker["end"], "speaker", f"s{i}",
                              f"speaker of quote {i + 1}: {speaker.get('name') or '?'}"))
            details[f"s{i}"] = {"kind": "speaker", "name": speaker.get("name"),
                                "quote": item["text"], "href": details[key]["speaker_href"]}
    for i, time in enumerate(record["times"]):
        key = f"t{i}"
        marks.append(Mark(time["start"], time["end"], "time", key,
                          f"time: {time['value']} ({time['type']})"))
        details[key] = {"kind": "time", "value": time["value"], "type": time["type"],
                        "text": time["text"]}
    for i, event in enumerate(record["events"]):
        key = f"v{i}"
        trigger = event["trigger"]
        flags = [flag for flag in ("negated", "hypothetical") if event.get(flag)]
        summary = (f"event {event['type']}{' (' + ', '.join(flags) + ')' if flags else ''} · "
                   f"actor: {_party(event.get('actor'))} · target: {_party(event.get('target'))}"
                   f" · place: {_party(event.get('place'))}"
                   f" · date: {(event.get('date') or {}).get('value') or '—'}")
        marks.append(Mark(trigger["start"], trigger["end"], "event", key, summary))
        details[key] = {"kind": "event", "type": event["type"], "mode": event.get("mode"),
                        "actor": _party(event.get("actor")),
                        "target": _party(event.get("target")),
                        "place": _party(event.get("place")),
                        "date": (event.get("date") or {}).get("value"),
                        "fatalities": event.get("fatalities"), "size": event.get("size"),
                        "negated": event.get("negated"),
                        "hypothetical": event.get("hypothetical")}
    for fact in fact_types():  # a fact type of a plugin: marked in its layer, described
        if fact.field in _DETAILED:
            continue
        for i, item in enumerate(record.get(fact.field) or []):
            key = f"{fact.field}{i}"
            start, end = fact.mark(item)
            marks.append(Mark(start, end, fact.layer, key, fact.describe(item)))
            details[key] = {"kind": fact.layer, "text": text[start:end],
                            "summary": fact.describe(item)}
    inserts = []
    offsets = store.offset_map(doc_id)
    if offsets is not None:
        for passage in record["removed"]:
            at = clean_position(offsets.to_source, len(text), passage["source_start"])
            inserts.append(Insert(at, passage["text"].strip() + "\n",
                                  f"removed: {passage.get('reason') or 'boilerplate'}"))
    published = record.get("published") or {}
    quotes = [{**item, "key": f"q{i}", "href": f"#q{i}"} for i, item in
              enumerate(record["quotes"])]
    events = [{**item, "key": f"v{i}", "href": f"#v{i}"} for i, item in
              enumerate(record["events"])]
    entities = [{**entity, "href": entity_href(entity["id"]), "count": len(entity["mentions"])}
                for entity in record["entities"]]
    url = record.get("url") or ""
    return {"record": record, "html": render(text, marks, inserts), "details": details,
            # only web addresses become links: a "javascript:" url from the input must not
            "safe_url": url if url.lower().startswith(("http://", "https://")) else None,
            "published": published, "quotes": quotes, "events": events, "entities": entities,
            "removed_count": len(inserts), "times": record["times"]}


def entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    """Everything about one entity: `Store.entity` (its names, the framing lens of names by
    outlet and year, roles, articles, look-alikes: what `newsgraph entity` prints), with a map
    pin, what it said, the events it took part in, who it appears with, when it is named."""
    found = store.entity(entity_id, mentions=False)
    if found is None or found["id"] != entity_id:  # the URL names an id, not a search
        return None
    lens = sorted(found["lens"], key=lambda row: -row["count"])[:LENS_LIMIT]
    lens.sort(key=lambda row: (row["outlet"] or "", row["year"] or "", -row["count"]))
    quotes = [quote | {"href": article_href(quote["doc_id"], f"q{quote['ord']}")}
              for quote in store.entity_quotes(entity_id, limit=LIST_LIMIT)]
    events = [_event_row(event) for event in store.entity_events(entity_id, limit=LIST_LIMIT)]
    together = [other | {"href": entity_href(other["id"])}
                for other in store.cooccurring_entities(entity_id, limit=TOGETHER_LIMIT)]
    articles = [row | {"id": row["doc_id"], "href": article_href(row["doc_id"])}
                for row in found["articles"][::-1][:LIST_LIMIT]]  # the latest first
    pins = ([{"lat": found["lat"], "lon": found["lon"], "name": found["name"], "count": 1,
              "label": found["name"]}] if found.get("lat") is not None else [])
    totals = {**store.quote_and_event_counts(entity_id), "articles": len(found["articles"]),
              "mentions": sum(name["count"] for name in found["names"])}
    candidates = [candidate | {"href": entity_href(candidate["id"])}
                  for candidate in found["candidates"][:10]]
    by_date = Counter(store.entity_mentions_per_day(entity_id))
    return {"entity": found, "names": [(row["name"], row["count"]) for row in found["names"]],
            "lens": lens, "totals": totals, "candidates": candidates,
            "roles": [(row["role"], row["count"]) for row in found["roles"]],
            "quotes": quotes, "events": events, "together": together, "articles": articles,
            "pins": pins, "chart": charts.bars({"mentions": by_date}, title="mentions per day")}


def _event_row(event: dict[str, Any]) -> dict[str, Any]:
    event["href"] = article_href(event["doc_id"], f"v{event['ord']}")
    for party in ("actor", "target", "place"):
        entity_id = event.get(f"{party}_entity")
        event[f"{party}_href"] = entity_href(entity_id) if entity_id else None
    return event


def quotes(store: Store, *, speaker: str | None = None, about: str | None = None,
           kind: str | None = None, date_from: str | None = None,
           date_to: str | None = None) -> dict[str, Any]:
    """Quotes filtered by speaker, an entity named in them, kind and the quote's date (or its
    article's, when the quote has none)."""
    found = store.quotes(speaker=speaker or None, about=about or None, kind=kind or None,
                         date_from=date_from or None, date_to=date_to or None,
                         limit=LIST_LIMIT + 1)
    more = len(found) > LIST_LIMIT
    rows = [item | {"date": item.get("date") or item.get("published") or "",
                    "href": article_href(item["doc_id"], f"q{item['ord']}"),
                    "speaker_href": entity_href(item["speaker_entity"])
                    if item.get("speaker_entity") else None}
            for item in found[:LIST_LIMIT]]
    filters = {"speaker": speaker or "", "about": about or "", "kind": kind or "",
               "from": date_from or "", "to": date_to or ""}
    return {"quotes": rows, "more": more, "filters": filters}


def events(store: Store, *, event_type: str | None = None, actor: str | None = None,
           place: str | None = None, date_from: str | None = None,
           date_to: str | None = None) -> dict[str, Any]:
    """Events with filters, as a table, map points (one per place, counted) and a chart of
    events per day by type. Like `newsgraph events`, negated events ("no reports of clashes")
    are left out, and the page says how many ("negated"): the store's events table and the
    home page's count hold them."""
    chosen = {"event_type": event_type, "actor": actor, "place": place,
              "date_from": date_from, "date_to": date_to}
    table = [_event_row(event) for event in store.latest_events(limit=LIST_LIMIT, **chosen)]
    pins = [{"lat": place["lat"], "lon": place["lon"], "name": place["name"],
             "count": place["events"], "href": entity_href(place["id"]),
             "label": f"{place['name']}: {place['events']} events "
                      f"({place['types'].replace(',', ', ')})"}
            for place in store.event_places(limit=MAP_LIMIT, **chosen)]
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    for row in store.events_per_day(**chosen):
        per_day[row["type"]][row["day"]] = row["events"]
    total, types = store.count_events(**chosen), store.event_types()
    return {"events": table, "total": total, "negated": store.negated_events(**chosen),
            "pins": pins, "types": types,
            "chart": charts.bars(per_day, title="events per day by type"),
            "filters": {"type": event_type or "", "actor": actor or "", "place": place or "",
                        "from": date_from or "", "to": date_to or ""}}


SNIPPET_OPEN, SNIPPET_CLOSE = "\ue000", "\ue001"  # private-use marks: never in article text


def search(store: Store, query: str, *, outlet: str | None = None, year: str | None = None,
           entity_id: str | None = None) -> dict[str, Any]:
    """Full-text search with snippets (hits marked), narrowed by the facets outlet, year and
    entity; facet counts over all the query's hits."""
    found = store.faceted_search(query, outlet=outlet, year=year, entity_id=entity_id,
                                 limit=LIST_LIMIT, marks=(SNIPPET_OPEN, SNIPPET_CLOSE))
    results = [result | {"href": article_href(result["id"]),
                         "snippet": _snippet_html(result["snippet"])}
               for result in found["results"]]
    return {"query": query, **found, "results": results,
            "filters": {"outlet": outlet or "", "year": year or "", "entity": entity_id or ""}}


def _snippet_html(snippet: str) -> Any:
    from markupsafe import Markup, escape

    return Markup(str(escape(snippet)).replace(SNIPPET_OPEN, "<mark>")
                  .replace(SNIPPET_CLOSE, "</mark>"))


def facet_href(query: str, filters: dict[str, str], **change: str) -> str:
    """The search URL with one facet set (or cleared, given "")."""
    params = {"q": query, **filters, **change}
    return "/search?" + urlencode({key: value for key, value in params.items() if value})
