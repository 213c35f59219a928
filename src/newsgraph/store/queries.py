"""Read queries: articles, search, quotes, events and the timeline, for the CLI, the web pages
and the exports alike (entities are in `newsgraph.store.entities`), and the SQL helpers their
filters share (`like_pattern`, `party_filter`, `date_bounds`, `event_filters`).

Every list a page shows takes a `limit`, and the common filters use indexes, so the pages stay
fast on stores of many thousands of articles (`make bench-web`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any, TypedDict, Unpack

from newsgraph.document import OffsetMap
from newsgraph.facts import fact_type
from newsgraph.store.rows import read_record
from newsgraph.store.schema import StoreFile, stats_tables

DATED = "GLOB '[0-9][0-9][0-9][0-9]*'"  # a value with a known year ("XXXX-05-11" has none)
FULL_DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"  # a day: year, month, day
# The entity types worth listing as "who and where" (not dates, numbers, works of art ...).
NAMED_TYPES = "('PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC')"

EVENT_DATE = "coalesce(ev.date_value, d.published)"  # an event's date, else its article's
# An event as the pages list it: its parties, date, article, place coordinates, sentence, and
# how many reports its real event has (see grouping).
EVENT_LIST = f"""SELECT ev.doc_id, ev.ord, ev.type, ev.mode, ev.trigger_text, ev.actor_name,
           ev.actor_entity, ev.actor_type, ev.target_name, ev.target_entity, ev.target_type,
           ev.why, ev.place_name, ev.place_entity,
           {EVENT_DATE} AS date, ev.fatalities_min, ev.fatalities_max,
           ev.size_min, ev.size_max, ev.negated, ev.hypothetical, d.title, d.outlet,
           pe.lat AS place_lat, pe.lon AS place_lon,
           substr(d.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start) AS sentence,
           (SELECT count(*) FROM event_group_members same
            WHERE same.group_id = (SELECT g.group_id FROM event_group_members g
                                   WHERE g.doc_id = ev.doc_id AND g.ord = ev.ord)) AS reports
    FROM events ev JOIN documents d ON d.id = ev.doc_id
    LEFT JOIN entities pe ON pe.id = ev.place_entity"""


class Queries(StoreFile):
    """Reading articles, search hits, quotes, events and facts in time."""

    # -- articles ---------------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() \
            is not None

    def fingerprint(self, doc_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT fingerprint FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return row[0] if row else None

    def ids(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT id FROM documents ORDER BY seq")]

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """The record as it was put, rebuilt from the tables, plus the document's "url",
        "format" and "removed" passages ([{source_start, source_end, text, reason}]: spans of
        its source text, named as in the extraction record); None when it is not stored."""
        return read_record(self._conn, doc_id)

    def offset_map(self, doc_id: str) -> OffsetMap | None:
        """The map between the article's clean text and its source text (where the removed
        passages were), or None when the article or its map is not stored."""
        row = self._conn.execute("SELECT offset_map FROM documents WHERE id = ?",
                                 (doc_id,)).fetchone()
        if row is None or not row["offset_map"]:
            return None
        return OffsetMap.from_json(json.loads(row["offset_map"]))

    def latest_articles(self, *, limit: int) -> list[dict[str, Any]]:
        """The last published articles, newest first: {"id", "title", "outlet", "published",
        "quotes", "events"} with how many quotes and events each holds."""
        return [dict(row) for row in self._conn.execute(
            """SELECT d.id, d.title, d.outlet, d.published,
                      (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes,
                      (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events
               FROM documents d ORDER BY d.published DESC, d.seq DESC LIMIT ?""", (limit,))]

    def article_rows(self) -> Iterator[dict[str, Any]]:
        """Every article as one flat row (the export's columns: no record lists, but how many
        entities, quotes, times, events and removed passages it has), in store order,
        streamed from the cursor."""
        for row in self._conn.execute(
            """SELECT d.id, d.seq, d.source, d.url, d.format, d.title, d.outlet, d.published,
                      d.published_how, d.text,
                      (SELECT count(*) FROM document_entities x WHERE x.doc_id = d.id)
                          AS entities,
                      (SELECT count(*) FROM quotes x WHERE x.doc_id = d.id) AS quotes,
                      (SELECT count(*) FROM times x WHERE x.doc_id = d.id) AS times,
                      (SELECT count(*) FROM events x WHERE x.doc_id = d.id) AS events,
                      (SELECT count(*) FROM removed_passages x WHERE x.doc_id = d.id) AS removed,
                      d.ingested_at
               FROM documents d ORDER BY d.seq"""):
            yield dict(row)

    def rows(self, sql: str, params: tuple[Any, ...] | Mapping[str, Any] = ()
             ) -> Iterator[sqlite3.Row]:
        """Rows of one read query, streamed from the cursor: for tests, benchmarks and a look
        at the tables (the pages and exports read through the named queries). On a read-only
        store SQLite itself refuses writes."""
        yield from self._conn.execute(sql, params)

    def stats(self) -> dict[str, int]:
        """Row counts: {"documents": n, "removed_passages": n, ..., "failures": n}."""
        return {name: self.count(name) for name in stats_tables()}

    def languages(self) -> dict[str, int]:
        """Articles per detected language, most first ("" for articles with none: too short to
        tell, or stored before languages were detected)."""
        rows = self._conn.execute(
            """SELECT coalesce(language, '') AS language, count(*) AS articles FROM documents
               GROUP BY 1 ORDER BY 2 DESC, 1""").fetchall()
        return {row["language"]: row["articles"] for row in rows}

    def settings_used(self) -> list[dict[str, Any]]:
        """The settings the stored articles were extracted with: one row per digest with how
        many articles, when first used and the output settings (`None`: articles stored
        before settings were recorded)."""
        rows = self._conn.execute(
            """SELECT d.settings AS digest, count(*) AS articles, s.first_used, s.config
               FROM documents d LEFT JOIN settings s ON s.digest = d.settings
               GROUP BY d.settings ORDER BY s.first_used""").fetchall()
        return [{"digest": row["digest"], "articles": row["articles"],
                 "first_used": row["first_used"],
                 "config": json.loads(row["config"]) if row["config"] else None}
                for row in rows]

    def count(self, name: str) -> int:
        """The number of rows of one of `stats`' tables (a name of `stats_tables()`; 0 for a
        fact type registered after this store was last opened for writing)."""
        table = stats_tables()[name]
        if not self._has_table(table):
            return 0
        return int(self._conn.execute(f"SELECT count(*) FROM {table}")
                   .fetchone()[0])

    # -- search -----------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search, best matches first, each with a snippet marking hits as [..].

        A query FTS5 cannot parse (stray quotes, `U.S.`, `Jong-un`, a lone AND) is retried as
        one quoted phrase, so users need not know the query syntax.
        """
        match = self.fts_match(query)
        if match is None:
            return []
        sql = """SELECT d.id, d.title, d.outlet, d.published,
                        snippet(documents_fts, -1, '[', ']', '…', 16) AS snippet
                 FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
                 WHERE documents_fts MATCH ? ORDER BY documents_fts.rank LIMIT ?"""
        return [dict(row) for row in self._conn.execute(sql, (match, limit))]

    def fts_match(self, query: str) -> str | None:
        """`query` as FTS5 takes it: itself when FTS5 can parse it, else as one quoted phrase;
        None when it is empty; a FilterError past `filters.MAX_FILTER_CHARS`."""
        from newsgraph.filters import text

        if not text(query, "a search").strip():
            return None
        try:
            self._conn.execute("SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT 1",
                               (query,)).fetchall()
            return query
        except sqlite3.OperationalError:
            return '"' + query.replace('"', '""') + '"'

    def faceted_search(self, query: str, *, outlet: str | None = None,
                       year: str | None = None, entity_id: str | None = None, limit: int,
                       marks: tuple[str, str] = ("[", "]")) -> dict[str, Any]:
        """Full-text search (as `search`) narrowed by outlet, publication year and an entity
        the article lists: {"results": best first, each {"id", "title", "outlet",
        "published", "snippet"} (the text's hits between `marks`), "total": how many hits,
        "facets": {"outlet": [(outlet, n)], "year": [(year, n)], "entity": [(id, name, n)]}},
        the facets counted over all the hits. Nothing found for an empty query."""
        match = self.fts_match(query)
        if match is None:
            return {"results": [], "total": 0, "facets": {}}
        where, params = ["documents_fts MATCH ?"], [match]
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
        hits = "FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid"
        base = f"{hits} WHERE {condition}"
        conn = self._conn
        results = [dict(row) for row in conn.execute(
            f"""SELECT d.id, d.title, d.outlet, d.published,
                       snippet(documents_fts, 1, ?, ?, '…', 24) AS snippet
                {base} ORDER BY documents_fts.rank LIMIT ?""", (*marks, *params, limit))]
        total = conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
        facets = {
            "outlet": [(row[0] or "", row[1]) for row in conn.execute(
                f"SELECT d.outlet, count(*) {base} GROUP BY 1 ORDER BY 2 DESC LIMIT 15",
                params)],
            "year": [(row[0] or "", row[1]) for row in conn.execute(
                f"SELECT substr(d.published, 1, 4), count(*) {base} GROUP BY 1 ORDER BY 1 DESC",
                params)],
            "entity": [(row[0], row[1], row[2]) for row in conn.execute(
                f"""SELECT e.id, e.name, count(*) {hits}
                    JOIN document_entities de2 ON de2.doc_id = d.id
                    JOIN entities e ON e.id = de2.entity_id
                    WHERE {condition} AND e.type IN {NAMED_TYPES}
                    GROUP BY e.id ORDER BY 3 DESC LIMIT 15""", params)],
        }
        return {"results": results, "total": total, "facets": facets}

    # -- quotes -----------------------------------------------------------------------------

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        limit: int | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        article: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored quotes, newest article first, with their article's title, outlet and date, and
        the quote's own date ("date": when it was said, where the record has it).

        `speaker`: part of the speaker's name or entity id; `about`: part of the name or id of
        an entity mentioned inside the quote; `since`: articles published on or after a date;
        `date_from`/`date_to`: the quote's own date (its article's when it has none) within the
        bounds, compared at each bound's precision; `article`: one article's id (its quotes in
        text order).
        """
        where, params = [], []
        if article:
            where.append("q.doc_id = ?")
            params.append(article)
        if speaker:
            where.append(party_filter("q.speaker"))
            params += party_params(speaker)
        if about:
            where.append(
                """EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id
                   WHERE m.doc_id = q.doc_id AND m.start >= q.start AND m."end" <= q."end"
                   AND (e.name LIKE ? ESCAPE '\\' OR e.id = ? OR m.text LIKE ? ESCAPE '\\'))""")
            params += party_params(about)
        if kind:
            where.append("q.kind = ?")
            params.append(kind)
        if since:
            where.append("d.published >= ?")
            params.append(since)
        said = "coalesce(json_extract(q.data, '$.date.value'), d.published)"
        bounds, bound_params = date_bounds(said, date_from, date_to)
        where += bounds
        params += bound_params
        sql = f"""SELECT q.doc_id, q.ord, q.start, q."end", q.text, q.kind, q.speaker_name,
                         q.speaker_entity, json_extract(q.data, '$.date.value') AS date,
                         d.title, d.outlet, d.published
                  FROM quotes q JOIN documents d ON d.id = q.doc_id
                  {_where(where)}
                  ORDER BY d.published DESC, d.seq, q.ord
                  {"LIMIT ?" if limit else ""}"""
        if limit:
            params.append(limit)
        return [dict(row) for row in self._conn.execute(sql, params)]

    def quote_rows(self) -> Iterator[dict[str, Any]]:
        """Every quote as one flat row (the export's columns: its cue's text, its speaker, its
        own date, its article's outlet, title and date), in store order, streamed."""
        for row in self._conn.execute(
            """SELECT q.doc_id, q.ord, q.start, q."end", q.text, q.kind, q.cue_text,
                      q.speaker_name, q.speaker_entity, q.speaker_start, q.speaker_end,
                      json_extract(q.data, '$.date.value') AS date,
                      d.outlet, d.title, d.published
               FROM quotes q JOIN documents d ON d.id = q.doc_id ORDER BY d.seq, q.ord"""):
            yield dict(row)

    def fact_rows(self, field: str) -> Iterator[dict[str, Any]]:
        """Every item of one fact type (newsgraph.facts) as one flat row: its article's id,
        its position and its columns, with its article's outlet, title and date, in store
        order, streamed (a type without a table yet has none)."""
        fact = fact_type(field)
        if not self._has_table(fact.table):
            return
        names = ", ".join(f'f."{column.name}"' for column in fact.columns)
        for row in self._conn.execute(
            f"""SELECT f.doc_id, f.ord, {names}, d.outlet, d.title, d.published
                FROM {fact.table} f JOIN documents d ON d.id = f.doc_id
                ORDER BY d.seq, f.ord"""):
            yield dict(row)

    # -- events -----------------------------------------------------------------------------

    def events(self, **filters: Unpack[EventFilters]) -> list[dict[str, Any]]:
        """Stored events in date order, each with its article (title, outlet, source, url), its
        sentence text and its place's coordinates and country.

        `actor` and `place`: part of a name, or an entity id. Negated events ("no reports of
        clashes") are left out unless asked for.
        """
        return list(self.iter_events(**filters))

    def iter_events(self, **filters: Unpack[EventFilters]) -> Iterator[dict[str, Any]]:
        """`events`, one at a time from the cursor: exports of large stores stay in constant
        memory."""
        where, params = event_filters(**filters)
        sql = f"""SELECT ev.*, d.title, d.outlet, d.source, d.url, d.published, d.seq,
                         substr(d.text, ev.sentence_start + 1,
                                ev.sentence_end - ev.sentence_start) AS sentence,
                         pe.lat AS place_lat, pe.lon AS place_lon, pe.country AS place_country,
                         pe.type AS place_type
                  FROM events ev JOIN documents d ON d.id = ev.doc_id
                  LEFT JOIN entities pe ON pe.id = ev.place_entity
                  {_where(where)}
                  ORDER BY {EVENT_DATE}, d.seq, ev.ord"""
        for found in self._conn.execute(sql, params):
            row = dict(found)
            row.pop("data", None)
            row["date"] = row["date_value"] or row["published"]
            yield row

    def merged_events(self, **filters: Unpack[EventFilters]) -> list[dict[str, Any]]:
        """One row per real event, in date order: the fullest of its mentions (as
        `events` gives it) plus "mentions" (every report of it: article, span, sentence,
        outlet), "n_mentions" and "n_outlets". The filters are those of `events`; a real event
        is listed when any of its mentions matches, with all its mentions."""
        group_of = {(row[0], row[1]): row[2] for row in self._conn.execute(
            "SELECT doc_id, ord, group_id FROM event_group_members")}
        wanted = {_group_key(row, group_of) for row in self.events(**filters)}
        groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
        for row in self.events(include_negated=filters.get("include_negated", False)):
            key = _group_key(row, group_of)
            if key in wanted:
                groups.setdefault(key, []).append(row)
        merged = []
        for members in groups.values():
            best = dict(max(members, key=_event_richness))
            best["group_id"] = group_of.get((best["doc_id"], best["ord"]))
            best["date"] = min(member["date"] or "" for member in members) or best["date"]
            best["mentions"] = [
                {key: member[key] for key in ("doc_id", "ord", "trigger_start", "trigger_end",
                                              "trigger_text", "sentence", "title", "outlet",
                                              "source", "url", "published")}
                for member in members]
            best["n_mentions"] = len(members)
            best["n_outlets"] = len({member["outlet"] or member["source"]
                                     for member in members})
            merged.append(best)
        return sorted(merged, key=lambda event: (event["date"] or "", event["seq"],
                                                 event["ord"]))

    def count_events(self, **filters: Unpack[EventFilters]) -> int:
        """How many events `events` would list."""
        where, params = event_filters(**filters)
        return int(self._conn.execute(
            f"SELECT count(*) FROM events ev JOIN documents d ON d.id = ev.doc_id "
            f"{_where(where)}", params).fetchone()[0])

    def negated_events(self, **filters: Unpack[EventFilters]) -> int:
        """How many negated events ("no reports of clashes") match the other filters: what
        `events` leaves out unless asked, so a listing can say so (the store's events table
        holds them too)."""
        where, params = event_filters(**{**filters, "include_negated": True})
        return int(self._conn.execute(
            f"SELECT count(*) FROM events ev JOIN documents d ON d.id = ev.doc_id "
            f"{_where([*where, 'ev.negated = 1'])}", params).fetchone()[0])

    def latest_events(self, *, limit: int, **filters: Unpack[EventFilters],
                      ) -> list[dict[str, Any]]:
        """The `limit` latest events `events` would list, as the pages show them (EVENT_LIST):
        dated ones first, newest first."""
        where, params = event_filters(**filters)
        return [dict(row) for row in self._conn.execute(
            f"""{EVENT_LIST} {_where(where)}
                ORDER BY {EVENT_DATE} GLOB '[0-9]*' DESC, {EVENT_DATE} DESC, d.seq, ev.ord
                LIMIT ?""", (*params, limit))]

    def event_places(self, *, limit: int, **filters: Unpack[EventFilters],
                     ) -> list[dict[str, Any]]:
        """The places with coordinates where the events `events` would list happened, most
        events first: {"id", "name", "lat", "lon", "events", "types"} ("types": the events'
        types, comma-separated)."""
        where, params = event_filters(**filters)
        return [dict(row) for row in self._conn.execute(
            f"""SELECT pe.id, pe.name, pe.lat, pe.lon, count(*) AS events,
                       group_concat(DISTINCT ev.type) AS types
                FROM events ev JOIN documents d ON d.id = ev.doc_id
                JOIN entities pe ON pe.id = ev.place_entity
                {_where([*where, "pe.lat IS NOT NULL"])}
                GROUP BY pe.id ORDER BY events DESC LIMIT ?""", (*params, limit))]

    def events_per_day(self, **filters: Unpack[EventFilters]) -> list[dict[str, Any]]:
        """How many of the events `events` would list fall on each day, by type: {"type",
        "day", "events"} (events without a full date are not counted)."""
        where, params = event_filters(**filters)
        return [dict(row) for row in self._conn.execute(
            f"""SELECT ev.type, substr({EVENT_DATE}, 1, 10) AS day, count(*) AS events
                FROM events ev JOIN documents d ON d.id = ev.doc_id
                {_where([*where, f"{EVENT_DATE} {FULL_DATE}"])}
                GROUP BY 1, 2""", params)]

    def event_types(self) -> list[str]:
        """Every event type stored, in alphabetical order."""
        return [row[0] for row in self._conn.execute(
            "SELECT DISTINCT type FROM events ORDER BY type")]

    def event_type_counts(self) -> list[dict[str, Any]]:
        """How many asserted events of each type are stored, most first: {"type", "events"}."""
        return [dict(row) for row in self._conn.execute(
            "SELECT type, count(*) AS events FROM events WHERE negated = 0 GROUP BY type "
            "ORDER BY events DESC")]

    # -- facts in time ----------------------------------------------------------------------

    def timeline(
        self,
        *,
        entity: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        article: str | None = None,
    ) -> list[dict[str, Any]]:
        """Dated facts in date order: events with a date, and time expressions with a date value,
        each with its article's "title" and "outlet" (events with their actor and target).

        `entity` (part of a name, or an id) keeps events it takes part in and time expressions
        in a sentence that mentions it; `date_from`/`date_to` bound the values (inclusive, by
        prefix, so "2014-05" covers the whole month); `article` keeps one article's facts.
        """
        only = ("AND x.doc_id = ?", (article,)) if article else ("", ())
        facts: list[dict[str, Any]] = []
        for row in self._conn.execute(
            f"""SELECT x.doc_id, x.date_value AS value, x.type, x.trigger_start AS start,
                       x.trigger_end AS "end", x.trigger_text AS text, x.sentence_start,
                       x.sentence_end, x.actor_name, x.actor_entity, x.target_name,
                       x.target_entity, x.place_name, x.place_entity, x.negated,
                       x.hypothetical, d.title, d.outlet
                FROM events x JOIN documents d ON d.id = x.doc_id
                WHERE x.date_value IS NOT NULL {only[0]}""", only[1]
        ):
            fact = {"kind": "event", **dict(row)}
            parties = [row[key] or "" for key in ("actor_name", "actor_entity", "target_name",
                                                   "target_entity", "place_name",
                                                   "place_entity")]
            if entity and not any(_names(entity, party) for party in parties):
                continue
            facts.append(fact)
        texts: dict[str, str] = {}
        for row in self._conn.execute(
            f"""SELECT x.doc_id, x.value, x.type, x.start, x."end", x.text, d.title, d.outlet
                FROM times x JOIN documents d ON d.id = x.doc_id
                WHERE x.value GLOB '[0-9X][0-9X][0-9X][0-9X]*' {only[0]}
                ORDER BY x.doc_id, x.ord""", only[1]
        ):
            fact = {"kind": "time", **dict(row)}
            if entity:
                text = texts.get(row["doc_id"])
                if text is None:
                    text = texts[row["doc_id"]] = self._conn.execute(
                        "SELECT text FROM documents WHERE id = ?", (row["doc_id"],)
                    ).fetchone()[0]
                start, end = _sentence_around(text, row["start"], row["end"])
                mentioned = self._conn.execute(
                    """SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id
                       WHERE m.doc_id = ? AND m.start >= ? AND m."end" <= ?
                       AND (e.name LIKE ? OR e.id = ? OR m.text LIKE ?) LIMIT 1""",
                    (row["doc_id"], start, end, f"%{entity}%", entity, f"%{entity}%"),
                ).fetchone()
                if not mentioned:
                    continue
            facts.append(fact)
        facts = [fact for fact in facts if _in_window(fact["value"], date_from, date_to)]
        return sorted(facts, key=lambda fact: (fact["value"], fact["doc_id"], fact["start"]))


# -- SQL helpers ----------------------------------------------------------------------------------

def _where(conditions: list[str]) -> str:
    """A WHERE clause joining `conditions` with AND; nothing when there are none."""
    return "WHERE " + " AND ".join(conditions) if conditions else ""


def like_pattern(value: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') for `value` anywhere in a text, its own % and _ taken
    literally: a user typing "%" must not match everything. A value past
    `filters.MAX_FILTER_CHARS` is a FilterError (SQLite would call the pattern too complex)."""
    from newsgraph.filters import text

    text(value)
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def party_filter(prefix: str) -> str:
    """SQL matching a party (`<prefix>_name`, `<prefix>_entity`: a speaker, an event's actor or
    place) by the name the article wrote, by its entity's canonical name, or by entity id, so
    "United States" also finds the events whose text said "U.S."."""
    return (f"({prefix}_name LIKE ? ESCAPE '\\' OR {prefix}_entity = ? OR {prefix}_entity IN "
            f"(SELECT id FROM entities WHERE name LIKE ? ESCAPE '\\'))")


def party_params(value: str) -> list[str]:
    return [like_pattern(value), value, like_pattern(value)]


def date_bounds(expression: str, date_from: str | None, date_to: str | None,
                ) -> tuple[list[str], list[str]]:
    """SQL conditions keeping values of `expression` within [date_from, date_to], compared at
    each bound's precision ("2014-05" covers the month); with a bound, values without a known
    year are left out rather than compared as text."""
    where, params = [], []
    if date_from or date_to:
        where.append(f"{expression} {DATED}")
    if date_from:
        where.append(f"substr({expression}, 1, {len(date_from)}) >= ?")
        params.append(date_from)
    if date_to:
        where.append(f"substr({expression}, 1, {len(date_to)}) <= ?")
        params.append(date_to)
    return where, params


class EventFilters(TypedDict, total=False):
    """The filters every event query takes (`Store.events`, `iter_events`, `merged_events`, the
    events page): `actor` and `place` are part of a name, a canonical name or an entity id;
    dates bound the event's date (its article's when it has none); `article` is one
    article's id."""
    event_type: str | None
    actor: str | None
    place: str | None
    date_from: str | None
    date_to: str | None
    include_negated: bool
    article: str | None


def event_filters(*, event_type: str | None = None, actor: str | None = None,
                  place: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, include_negated: bool = False,
                  article: str | None = None) -> tuple[list[str], list[Any]]:
    """The WHERE conditions and parameters of an event query over `events ev JOIN documents d`
    (shared by `Store.events`, the events page and the exports)."""
    where: list[str] = []
    params: list[Any] = []
    if article:
        where.append("ev.doc_id = ?")
        params.append(article)
    if event_type:
        where.append("ev.type = ?")
        params.append(event_type.upper())
    for column, value in (("actor", actor), ("place", place)):
        if value:
            where.append(party_filter(f"ev.{column}"))
            params += party_params(value)
    if not include_negated:
        where.append("ev.negated = 0")
    bounds, bound_params = date_bounds(EVENT_DATE, date_from, date_to)
    return where + bounds, params + bound_params


def _in_window(value: str | None, date_from: str | None, date_to: str | None) -> bool:
    """True when a date value lies in [date_from, date_to], compared at each bound's precision
    ("2014-05" as a bound covers the whole month); with no bound, every value does, and with
    one, a value without a known year does not."""
    if not (date_from or date_to):
        return True
    if not value or not value[:4].isdigit():
        return False
    return ((not date_from or value[: len(date_from)] >= date_from)
            and (not date_to or value[: len(date_to)] <= date_to))


def _names(query: str, value: str) -> bool:
    """True when `query` is `value` (an id) or part of it (a name), ignoring case."""
    return bool(value) and (query == value or query.casefold() in value.casefold())


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or paragraph line) holding [start, end): between sentence ends or breaks."""
    before = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n"))
    after = [i for i in (text.find(mark, end) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    return before + 1, min(after) + 1 if after else len(text)


def _group_key(row: Mapping[str, Any], group_of: Mapping[tuple[str, int], int],
               ) -> tuple[Any, ...]:
    """The real event an events row reports: its group, or itself when it has none."""
    group_id = group_of.get((row["doc_id"], row["ord"]))
    return ("group", group_id) if group_id is not None else ("event", row["doc_id"], row["ord"])


def _event_richness(row: Mapping[str, Any]) -> tuple[int, int]:
    """How much a mention says (named parties, place, counts); ties go to the earliest."""
    filled = sum(row.get(key) is not None for key in (
        "actor_name", "target_name", "place_name", "fatalities_min", "fatalities_max",
        "size_min", "size_max"))
    return filled, -int(row["seq"])
