"""What each page shows, read from the store: plain functions of a read-only `Store`, so they
run in Datasette's reader threads and can be tested without a server.

Every list is bounded (`LIMIT`), and the common filters (entity ids, types) use indexes, so the
pages stay fast on stores of many thousands of articles (`make bench-web` measures them on
10,000); each page's queries also run under a time limit (see `newsgraph.web._read`).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import urlencode

from newsgraph.document import OffsetMap
from newsgraph.store import Store, event_filters
from newsgraph.web import charts
from newsgraph.web.highlight import (
    Insert,
    Mark,
    clean_position,
    entity_href,
    path_segment,
    render,
)

LIST_LIMIT = 200
LENS_LIMIT = 300  # (name, outlet, year) rows: the busiest, for entities named everywhere
MAP_LIMIT = 2_000


def article_href(doc_id: str, anchor: str | None = None) -> str:
    return "/article/" + path_segment(doc_id) + (f"#{anchor}" if anchor else "")


def _party(party: dict[str, Any] | None) -> str:
    return party["name"] if party else "—"


def home(store: Store) -> dict[str, Any]:
    articles = [dict(row) for row in store.rows(
        """SELECT d.id, d.title, d.outlet, d.published,
                  (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes,
                  (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events
           FROM documents d ORDER BY d.published DESC, d.seq DESC LIMIT ?""", (LIST_LIMIT,))]
    for article in articles:
        article["href"] = article_href(article["id"])
    top_entities = [dict(row) | {"href": entity_href(row["id"])} for row in store.rows(
        """SELECT e.id, e.name, e.type, count(*) AS articles
           FROM document_entities de JOIN entities e ON e.id = de.entity_id
           WHERE e.type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC')
           GROUP BY e.id ORDER BY articles DESC, e.name LIMIT 30""")]
    event_types = [dict(row) for row in store.rows(
        "SELECT type, count(*) AS events FROM events WHERE negated = 0 GROUP BY type "
        "ORDER BY events DESC")]
    return {"stats": store.stats(), "articles": articles, "top_entities": top_entities,
            "event_types": event_types}


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
    row = next(store.rows("SELECT offset_map FROM documents WHERE id = ?", (doc_id,)))
    inserts = []
    if row["offset_map"]:
        offsets = OffsetMap.from_json(json.loads(row["offset_map"]))
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
    """Everything about one entity: its names by outlet and year (the framing lens), roles, map
    pin, what it said, the events it took part in, who it appears with, when it is named."""
    found = next(store.rows("SELECT * FROM entities WHERE id = ?", (entity_id,)), None)
    if found is None:
        return None
    info = dict(found)
    lens = sorted(store.entity_names(entity_id), key=lambda row: -row["count"])[:LENS_LIMIT]
    lens.sort(key=lambda row: (row["outlet"] or "", row["year"] or "", -row["count"]))
    names: Counter[str] = Counter()
    for row in lens:
        names[row["name"]] += row["count"]
    roles: Counter[str] = Counter()
    for row in store.rows(
        "SELECT data FROM document_entities WHERE entity_id = ? AND data IS NOT NULL",
            (entity_id,)):
        for role in json.loads(row["data"]).get("roles") or ():
            roles[role if isinstance(role, str) else role.get("text", "")] += 1
    for row in store.rows(
        "SELECT json_extract(data, '$.role') AS role FROM mentions WHERE entity_id = ? "
            "AND json_extract(data, '$.role') IS NOT NULL", (entity_id,)):
        role = row["role"]
        if role and not role.startswith("{"):
            roles[role] += 1
    quotes = [dict(row) | {"href": article_href(row["doc_id"], f"q{row['ord']}")}
              for row in store.rows(
        """SELECT q.doc_id, q.ord, q.text, q.kind, json_extract(q.data, '$.date.value') AS date,
                  d.title, d.outlet, d.published
           FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.speaker_entity = ?
           ORDER BY d.published DESC, q.ord LIMIT ?""", (entity_id, LIST_LIMIT))]
    events = [_event_row(row) for row in store.rows(
        f"""{_EVENT_SELECT} WHERE ev.negated = 0 AND (ev.actor_entity = ?1
                                   OR ev.target_entity = ?1 OR ev.place_entity = ?1)
            ORDER BY coalesce(ev.date_value, d.published) GLOB '[0-9]*' DESC,
                     coalesce(ev.date_value, d.published) DESC LIMIT ?2""",
        (entity_id, LIST_LIMIT))]
    together = [dict(row) | {"href": entity_href(row["id"])} for row in store.rows(
        """SELECT e.id, e.name, e.type, count(*) AS articles
           FROM document_entities a JOIN document_entities b
                ON b.doc_id = a.doc_id AND b.entity_id != a.entity_id
           JOIN entities e ON e.id = b.entity_id
           WHERE a.entity_id = ? GROUP BY e.id ORDER BY articles DESC, e.name LIMIT 25""",
        (entity_id,))]
    articles = [dict(row) | {"href": article_href(row["id"])} for row in store.rows(
        """SELECT d.id, d.title, d.outlet, d.published, count(*) AS mentions
           FROM mentions m JOIN documents d ON d.id = m.doc_id
           WHERE m.entity_id = ? GROUP BY d.id ORDER BY d.published DESC LIMIT ?""",
        (entity_id, LIST_LIMIT))]
    by_date = Counter({row["day"]: row["mentions"] for row in store.rows(
        """SELECT substr(d.published, 1, 10) AS day, count(*) AS mentions
           FROM mentions m JOIN documents d ON d.id = m.doc_id
           WHERE m.entity_id = ? AND d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
           GROUP BY 1""", (entity_id,))})
    pins = ([{"lat": info["lat"], "lon": info["lon"], "name": info["name"], "count": 1,
              "label": info["name"]}] if info.get("lat") is not None else [])
    totals = dict(next(store.rows(
        """SELECT (SELECT count(*) FROM quotes WHERE speaker_entity = ?1) AS quotes,
                  (SELECT count(*) FROM events WHERE negated = 0 AND (actor_entity = ?1
                      OR target_entity = ?1 OR place_entity = ?1)) AS events,
                  (SELECT count(*) FROM document_entities WHERE entity_id = ?1) AS articles,
                  (SELECT count(*) FROM mentions WHERE entity_id = ?1) AS mentions""",
        (entity_id,))))
    candidates = [candidate | {"href": entity_href(candidate["id"])}
                  for candidate in store.entity_candidates(entity_id)[:10]]
    return {"entity": info, "names": names.most_common(), "lens": lens, "totals": totals,
            "candidates": candidates,
            "roles": roles.most_common(), "quotes": quotes, "events": events,
            "together": together, "articles": articles, "pins": pins,
            "chart": charts.bars({"mentions": by_date}, title="mentions per day")}


_EVENT_SELECT = """SELECT ev.doc_id, ev.ord, ev.type, ev.mode, ev.trigger_text, ev.actor_name,
           ev.actor_entity, ev.target_name, ev.target_entity, ev.place_name, ev.place_entity,
           coalesce(ev.date_value, d.published) AS date, ev.fatalities_min, ev.fatalities_max,
           ev.size_min, ev.size_max, ev.negated, ev.hypothetical, d.title, d.outlet,
           pe.lat AS place_lat, pe.lon AS place_lon,
           substr(d.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start) AS sentence,
           (SELECT count(*) FROM event_group_members same
            WHERE same.group_id = (SELECT g.group_id FROM event_group_members g
                                   WHERE g.doc_id = ev.doc_id AND g.ord = ev.ord)) AS reports
    FROM events ev JOIN documents d ON d.id = ev.doc_id
    LEFT JOIN entities pe ON pe.id = ev.place_entity"""


def _event_row(row: Any) -> dict[str, Any]:
    event = dict(row)
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
    events per day by type."""
    where, params = event_filters(event_type=event_type, actor=actor, place=place,
                                  date_from=date_from, date_to=date_to)
    date = "coalesce(ev.date_value, d.published)"
    condition = " AND ".join(where)
    total = next(store.rows(
        f"SELECT count(*) FROM events ev JOIN documents d ON d.id = ev.doc_id WHERE {condition}",
        tuple(params)))[0]
    table = [_event_row(row) for row in store.rows(
        f"""{_EVENT_SELECT} WHERE {condition}
            ORDER BY {date} GLOB '[0-9]*' DESC, {date} DESC, d.seq, ev.ord LIMIT ?""",
        (*params, LIST_LIMIT))]
    pins = []
    for row in store.rows(
        f"""SELECT pe.id, pe.name, pe.lat, pe.lon, count(*) AS events,
                   group_concat(DISTINCT ev.type) AS types
            FROM events ev JOIN documents d ON d.id = ev.doc_id
            JOIN entities pe ON pe.id = ev.place_entity
            WHERE {condition} AND pe.lat IS NOT NULL
            GROUP BY pe.id ORDER BY events DESC LIMIT ?""", (*params, MAP_LIMIT)):
        pins.append({"lat": row["lat"], "lon": row["lon"], "name": row["name"],
                     "count": row["events"], "href": entity_href(row["id"]),
                     "label": f"{row['name']}: {row['events']} events "
                              f"({row['types'].replace(',', ', ')})"})
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    for row in store.rows(
        f"""SELECT ev.type, substr({date}, 1, 10) AS day, count(*) AS events
            FROM events ev JOIN documents d ON d.id = ev.doc_id
            WHERE {condition} AND {date} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
            GROUP BY 1, 2""", tuple(params)):
        per_day[row["type"]][row["day"]] = row["events"]
    types = [row[0] for row in store.rows("SELECT DISTINCT type FROM events ORDER BY type")]
    return {"events": table, "total": total, "pins": pins, "types": types,
            "chart": charts.bars(per_day, title="events per day by type"),
            "filters": {"type": event_type or "", "actor": actor or "", "place": place or "",
                        "from": date_from or "", "to": date_to or ""}}


SNIPPET_OPEN, SNIPPET_CLOSE = "\ue000", "\ue001"  # private-use marks: never in article text


def search(store: Store, query: str, *, outlet: str | None = None, year: str | None = None,
           entity_id: str | None = None) -> dict[str, Any]:
    """Full-text search with snippets (hits marked), narrowed by the facets outlet, year and
    entity; facet counts over all the query's hits."""
    empty = {"query": query, "results": [], "facets": {}, "total": 0,
             "filters": {"outlet": outlet or "", "year": year or "", "entity": entity_id or ""}}
    if not query.strip():
        return empty
    hits = store.fts_match(query)  # the query as FTS5 understands it, or as one phrase
    if hits is None:
        return empty
    where, params = ["documents_fts MATCH ?"], [hits]
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet)
    if year:
        where.append("substr(d.published, 1, 4) = ?")
        params.append(year)
    if entity_id:
        where.append("EXISTS (SELECT 1 FROM document_entities de WHERE de.doc_id = d.id "
                     "AND de.entity_id = ?)")
        params.append(entity_id)
    condition = " AND ".join(where)
    base = f"FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE {condition}"
    results = []
    for row in store.rows(
        f"""SELECT d.id, d.title, d.outlet, d.published,
                   snippet(documents_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 24) AS s
            {base} ORDER BY documents_fts.rank LIMIT ?""", (*params, LIST_LIMIT)):
        results.append(dict(row) | {"href": article_href(row["id"]),
                                    "snippet": _snippet_html(row["s"])})
    total = next(store.rows(f"SELECT count(*) {base}", tuple(params)))[0]
    facets = {
        "outlet": [(row[0] or "", row[1]) for row in store.rows(
            f"SELECT d.outlet, count(*) {base} GROUP BY 1 ORDER BY 2 DESC LIMIT 15",
            tuple(params))],
        "year": [(row[0] or "", row[1]) for row in store.rows(
            f"SELECT substr(d.published, 1, 4), count(*) {base} GROUP BY 1 ORDER BY 1 DESC",
            tuple(params))],
        "entity": [(row[0], row[1], row[2]) for row in store.rows(
            f"""SELECT e.id, e.name, count(*)
                FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
                JOIN document_entities de2 ON de2.doc_id = d.id
                JOIN entities e ON e.id = de2.entity_id
                WHERE {condition} AND e.type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC')
                GROUP BY e.id ORDER BY 3 DESC LIMIT 15""", tuple(params))],
    }
    return empty | {"results": results, "facets": facets, "total": total}


def _snippet_html(snippet: str) -> Any:
    from markupsafe import Markup, escape

    return Markup(str(escape(snippet)).replace(SNIPPET_OPEN, "<mark>")
                  .replace(SNIPPET_CLOSE, "</mark>"))


def facet_href(query: str, filters: dict[str, str], **change: str) -> str:
    """The search URL with one facet set (or cleared, given "")."""
    params = {"q": query, **filters, **change}
    return "/search?" + urlencode({key: value for key, value in params.items() if value})
