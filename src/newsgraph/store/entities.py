"""Read queries about entities: finding one by id or name, listing them, everything about one
(`Store.entity`, which `newsgraph entity` prints and the entity page shows), what it said and
took part in, who it appears with, and the entity tables of the exports.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from newsgraph.store.queries import (
    EVENT_DATE,
    EVENT_LIST,
    FULL_DATE,
    NAMED_TYPES,
    like_pattern,
)
from newsgraph.store.rows import _span_fields, _with_data
from newsgraph.store.schema import StoreFile


class EntityQueries(StoreFile):
    """Reading entities: one, many, their names, roles, mentions, quotes, events and company."""

    def find_entity(self, key: str) -> str | None:
        """The id of the entity `key` names: an id; else a canonical name (the entity with most
        mentions when several have it), then a mention's text (the entity mentioned so most
        often); else part of a name. Case is ignored. None when nothing matches. A lookup for
        showing an entity; corrections take only an id or a whole name (_known_entity)."""
        conn = self._conn
        if conn.execute("SELECT 1 FROM entities WHERE id = ?", (key,)).fetchone():
            return key
        total = "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)"
        for sql, value in (
            (f"SELECT e.id, {total} AS n FROM entities e WHERE e.name = ? COLLATE NOCASE", key),
            ("""SELECT entity_id AS id, count(*) AS n FROM mentions
                WHERE text = ? COLLATE NOCASE GROUP BY entity_id""", key),
            (f"SELECT e.id, {total} AS n FROM entities e WHERE e.name LIKE ? ESCAPE '\\'",
             like_pattern(key)),
        ):
            row = conn.execute(f"SELECT id FROM ({sql}) ORDER BY n DESC, id LIMIT 1",
                               (value,)).fetchone()
            if row is not None:
                return str(row[0])
        return None

    def entities(
        self,
        *,
        entity_type: str | None = None,
        sort: Literal["mentions", "articles", "name"] = "mentions",
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored entities, each {"id", "name", "type", "geonames", "lat", "lon", "country",
        "mentions": count, "articles": count}; most mentioned first (or by `sort`)."""
        order = {"mentions": "mentions DESC, e.name COLLATE NOCASE",
                 "articles": "articles DESC, mentions DESC, e.name COLLATE NOCASE",
                 "name": "e.name COLLATE NOCASE, mentions DESC"}[sort]
        where, params = "", []
        if entity_type:
            where = "WHERE e.type = ?"
            params.append(entity_type.upper())
        sql = f"""SELECT e.id, e.name, e.type, e.geonames, e.lat, e.lon, e.country,
                         count(m.doc_id) AS mentions, count(DISTINCT m.doc_id) AS articles
                  FROM entities e JOIN mentions m ON m.entity_id = e.id
                  {where} GROUP BY e.id ORDER BY {order} {"LIMIT ?" if limit else ""}"""
        if limit:
            params.append(limit)
        return [dict(row) for row in self._conn.execute(sql, params)]

    def top_entities(self, *, limit: int) -> list[dict[str, Any]]:
        """The people, organisations, places and groups (NAMED_TYPES) most articles list:
        {"id", "name", "type", "articles"}, most first."""
        return [dict(row) for row in self._conn.execute(
            f"""SELECT e.id, e.name, e.type, count(*) AS articles
                FROM document_entities de JOIN entities e ON e.id = de.entity_id
                WHERE e.type IN {NAMED_TYPES}
                GROUP BY e.id ORDER BY articles DESC, e.name LIMIT ?""", (limit,))]

    def canonical_names(self) -> dict[str, str]:
        """Every entity's canonical name, by id."""
        return {row[0]: row[1] for row in self._conn.execute("SELECT id, name FROM entities")}

    def entity_names(self, entity_id: str) -> list[dict[str, Any]]:
        """The framing lens: which name each outlet uses for an entity, year by year, as rows
        {"name", "outlet", "year", "count"} (Kiev in 2014, Kyiv in 2022; DNR or DPR). Names are
        mention texts with white space and quotes folded; outlet and year may be None."""
        counts: dict[tuple[str, str | None, str | None], int] = {}
        for row in self._conn.execute(
            """SELECT m.text, d.outlet, substr(d.published, 1, 4) AS year
               FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?""",
            (entity_id,),
        ):
            year = row["year"] if row["year"] and row["year"].isdigit() else None
            key = (_display_name(row["text"]), row["outlet"], year)
            counts[key] = counts.get(key, 0) + 1
        rows = [{"name": name, "outlet": outlet, "year": year, "count": count}
                for (name, outlet, year), count in counts.items()]
        return sorted(rows, key=lambda r: (r["year"] or "", r["outlet"] or "", -r["count"],
                                           r["name"]))

    def entity(self, key: str, *, context: int = 70, mentions: bool = True,
               ) -> dict[str, Any] | None:
        """Everything stored about one entity (`key`: an id or a name, see find_entity), or None.

        {"id", "name", "type", "geonames", "lat", "lon", "country",
         "names": [{"name", "count"}]            -- the texts it is mentioned by, most used first,
         "lens": [{"name", "outlet", "year", "count"}]    -- see entity_names,
         "roles": [{"role", "count"}]            -- titles and appositions ("separatist leader"),
         "articles": [{"doc_id", "title", "outlet", "published", "mentions"}],
         "mentions": [{"doc_id", "start", "end", "text", "context", ...}]  -- see entity_mentions
             (left out with `mentions=False`: the one part that reads every article's text),
         "corrections": [{"id", "action", "target", "source", "name", "new_id", "at"}],
         "candidates": [{"id", "name", "score"}]  -- see entity_candidates}
        """
        entity_id = self.find_entity(key)
        if entity_id is None:
            return None
        conn = self._conn
        found = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        result: dict[str, Any] = dict(found)
        lens = self.entity_names(entity_id)
        names: dict[str, int] = {}
        for row in lens:  # the lens counts every mention once, by its name, outlet and year
            names[row["name"]] = names.get(row["name"], 0) + row["count"]
        roles: dict[str, dict[str, int]] = {}
        articles = []
        for article in conn.execute(
            # mentions counted in one grouped pass: a per-article subquery lets SQLite scan the
            # entity's mentions once per article (seconds for an entity named everywhere)
            """SELECT de.doc_id, de.data, d.title, d.outlet, d.published,
                      coalesce(counted.n, 0) AS mentions
               FROM document_entities de JOIN documents d ON d.id = de.doc_id
               LEFT JOIN (SELECT doc_id, count(*) AS n FROM mentions WHERE entity_id = ?1
                          GROUP BY doc_id) counted ON counted.doc_id = de.doc_id
               WHERE de.entity_id = ?1 ORDER BY d.published, d.seq""",
            (entity_id,),
        ):
            data = json.loads(article["data"]) if article["data"] else {}
            for role in data.get("roles") or []:
                text = role if isinstance(role, str) else role.get("text", "")  # or a span
                # one role however a sentence cases it ("Separatist leader X said" opening
                # one, "said separatist leader X" in another)
                spellings = roles.setdefault(text.casefold(), {})
                spellings[text] = spellings.get(text, 0) + 1
            articles.append({key: article[key] for key in ("doc_id", "title", "outlet",
                                                           "published", "mentions")})
        result.update({
            "names": [{"name": n, "count": c}
                      for n, c in sorted(names.items(), key=lambda item: (-item[1], item[0]))],
            "lens": lens,
            "roles": _role_counts(roles),
            "articles": articles,
            **({"mentions": self.entity_mentions(entity_id, context=context)}
               if mentions else {}),
            "corrections": [c for c in self.entity_corrections()
                            if entity_id in (c["target"], c["source"], c["new_id"])],
            "candidates": self.entity_candidates(entity_id),
        })
        return result

    def entity_mentions(self, entity_id: str, *, context: int = 70) -> list[dict[str, Any]]:
        """Every mention of an entity, oldest article first: {"doc_id", "start", "end", "text",
        "context"} (`context`: the text around it, up to `context` characters each side) and any
        field the extractor added to the mention ("role", "metonymy")."""
        conn = self._conn
        mentions, texts = [], {}
        for mention in conn.execute(
            """SELECT m.doc_id, m.start, m."end", m.text, m.data FROM mentions m
               JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?
               ORDER BY d.published, d.seq, m.start""",
            (entity_id,),
        ):
            text = texts.get(mention["doc_id"])
            if text is None:
                text = texts[mention["doc_id"]] = conn.execute(
                    "SELECT text FROM documents WHERE id = ?", (mention["doc_id"],)
                ).fetchone()[0]
            start, end = mention["start"], mention["end"]
            around = " ".join(text[max(0, start - context):end + context].split())
            mentions.append(_with_data({"doc_id": mention["doc_id"], **_span_fields(mention),
                                        "context": around}, mention["data"]))
        return mentions

    def entity_candidates(self, entity_id: str) -> list[dict[str, Any]]:
        """Other entities of the same type spelled nearly alike ("Sievierodonetsk" and
        "Severodonetsk" when the gazetteer did not join them): [{"id", "name", "score"}], best
        first. They stay apart; `merge_entities` joins them when a user says so."""
        from newsgraph.resolution import similar_entities

        row = self._conn.execute("SELECT name, type FROM entities WHERE id = ?",
                                 (entity_id,)).fetchone()
        if row is None:
            return []
        others = self._conn.execute(
            "SELECT id, name, type FROM entities WHERE type = ? AND id != ?",
            (row["type"], entity_id))
        return similar_entities(entity_id, row["name"], row["type"],
                                (dict(other) for other in others))

    def entity_corrections(self, *, include_undone: bool = False) -> list[dict[str, Any]]:
        """The stored merges and splits, oldest first: {"id", "action", "target", "source",
        "name", "new_id", "at", "undone_at"}."""
        sql = "SELECT * FROM entity_corrections"
        if not include_undone:
            sql += " WHERE undone_at IS NULL"
        rows = [dict(row) for row in self._conn.execute(sql + " ORDER BY id")]
        for row in rows:
            row.pop("data", None)
        return rows

    # -- what an entity said and did, and with whom: the entity page's lists --------------------

    def entity_quotes(self, entity_id: str, *, limit: int) -> list[dict[str, Any]]:
        """The latest quotes the entity said: {"doc_id", "ord", "text", "kind", "date" (the
        quote's own), "title", "outlet", "published"}, newest article first."""
        return [dict(row) for row in self._conn.execute(
            """SELECT q.doc_id, q.ord, q.text, q.kind,
                      json_extract(q.data, '$.date.value') AS date, d.title, d.outlet, d.published
               FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.speaker_entity = ?
               ORDER BY d.published DESC, q.ord LIMIT ?""", (entity_id, limit))]

    def entity_events(self, entity_id: str, *, limit: int) -> list[dict[str, Any]]:
        """The latest asserted events the entity is the actor, target or place of, as the pages
        list events (queries.EVENT_LIST): dated ones first, newest first."""
        return [dict(row) for row in self._conn.execute(
            f"""{EVENT_LIST} WHERE ev.negated = 0 AND (ev.actor_entity = ?1
                                   OR ev.target_entity = ?1 OR ev.place_entity = ?1)
                ORDER BY {EVENT_DATE} GLOB '[0-9]*' DESC, {EVENT_DATE} DESC LIMIT ?2""",
            (entity_id, limit))]

    def quote_and_event_counts(self, entity_id: str) -> dict[str, int]:
        """{"quotes": how many quotes the entity said, "events": how many asserted events it
        is the actor, target or place of}: the whole counts of entity_quotes and entity_events."""
        return dict(self._conn.execute(
            """SELECT (SELECT count(*) FROM quotes WHERE speaker_entity = ?1) AS quotes,
                      (SELECT count(*) FROM events WHERE negated = 0 AND (actor_entity = ?1
                          OR target_entity = ?1 OR place_entity = ?1)) AS events""",
            (entity_id,)).fetchone())

    def cooccurring_entities(self, entity_id: str, *, limit: int) -> list[dict[str, Any]]:
        """The entities listed by most articles that list this one: {"id", "name", "type",
        "articles": how many articles list both}, most first."""
        return [dict(row) for row in self._conn.execute(
            """SELECT e.id, e.name, e.type, count(*) AS articles
               FROM document_entities a JOIN document_entities b
                    ON b.doc_id = a.doc_id AND b.entity_id != a.entity_id
               JOIN entities e ON e.id = b.entity_id
               WHERE a.entity_id = ? GROUP BY e.id ORDER BY articles DESC, e.name LIMIT ?""",
            (entity_id, limit))]

    def entity_mentions_per_day(self, entity_id: str) -> dict[str, int]:
        """How many times the entity is mentioned in the articles of each publication day
        ("YYYY-MM-DD"); articles without a full date are not counted."""
        return {row["day"]: row["mentions"] for row in self._conn.execute(
            f"""SELECT substr(d.published, 1, 10) AS day, count(*) AS mentions
                FROM mentions m JOIN documents d ON d.id = m.doc_id
                WHERE m.entity_id = ? AND d.published {FULL_DATE}
                GROUP BY 1""", (entity_id,))}

    # -- the exports' entity tables and network -------------------------------------------------

    def entity_rows(self) -> Iterator[dict[str, Any]]:
        """Every entity as one flat row (the export's columns: its fields, how many mentions
        and articles), by id, streamed from the cursor."""
        for row in self._conn.execute(
            """SELECT e.id, e.name, e.type, e.geonames, e.lat, e.lon, e.country,
                      (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,
                      (SELECT count(*) FROM document_entities de WHERE de.entity_id = e.id)
                          AS articles
               FROM entities e ORDER BY e.id"""):
            yield dict(row)

    def mention_rows(self) -> Iterator[dict[str, Any]]:
        """Every mention as one flat row (the export's columns: its entity's id, name and type
        as its article gave them, its span, its article's outlet and date), in text order of
        the articles in store order, streamed from the cursor."""
        for row in self._conn.execute(
            """SELECT m.doc_id, m.entity_id, de.name AS entity_name, de.type AS entity_type,
                      m.start, m."end", m.text, d.outlet, d.published
               FROM mentions m JOIN documents d ON d.id = m.doc_id
               LEFT JOIN document_entities de ON de.doc_id = m.doc_id
                    AND de.entity_id = m.entity_id
               ORDER BY d.seq, m.start, m.entity_id"""):
            yield dict(row)

    def entity_article_counts(self, *, top: int | None = None, min_articles: int = 1,
                              ) -> Iterator[dict[str, Any]]:
        """Every entity some article lists, by id: {"id", "name", "type", "country",
        "articles": how many list it}, streamed. The nodes of the co-occurrence network
        `entity_pairs(top=, min_articles=)` draws: with `top`, only the `top` entities listed
        by most articles; with `min_articles` above 1, only those with a pair left."""
        kept, params = _network_nodes(top, min_articles)
        for row in self._conn.execute(
            f"""{kept}
                SELECT e.id, e.name, e.type, e.country, count(de.doc_id) AS articles
                FROM entities e JOIN document_entities de ON de.entity_id = e.id
                WHERE e.id IN (SELECT entity_id FROM kept)
                GROUP BY e.id ORDER BY e.id""", params):
            yield dict(row)

    def entity_pairs(self, *, min_articles: int = 1, top: int | None = None,
                     ) -> Iterator[dict[str, Any]]:
        """Every pair of entities listed by the same articles (at least `min_articles`), by
        ids: {"source", "target", "articles"} with source < target, streamed; with `top`, only
        pairs of the `top` entities listed by most articles (a network small enough to draw:
        180 articles make hundreds of thousands of pairs)."""
        kept, params = _network_nodes(top, 1)
        for row in self._conn.execute(
            f"""{kept}
                SELECT a.entity_id AS source, b.entity_id AS target, count(*) AS articles
                FROM document_entities a
                JOIN document_entities b ON b.doc_id = a.doc_id AND a.entity_id < b.entity_id
                WHERE a.entity_id IN (SELECT entity_id FROM kept)
                  AND b.entity_id IN (SELECT entity_id FROM kept)
                GROUP BY a.entity_id, b.entity_id HAVING count(*) >= ?
                ORDER BY a.entity_id, b.entity_id""", (*params, min_articles)):
            yield dict(row)


def _network_nodes(top: int | None, min_articles: int) -> tuple[str, tuple[int, ...]]:
    """A `WITH kept(entity_id)` clause: the `top` entities listed by most articles (ties by
    id; all without `top`), and with `min_articles` above 1 only those in a pair of at least
    that many articles among them."""
    ranked = ("SELECT entity_id FROM document_entities GROUP BY entity_id "
              "ORDER BY count(*) DESC, entity_id LIMIT ?")
    params: tuple[int, ...] = (top if top is not None else -1,)
    if min_articles <= 1:
        return f"WITH kept(entity_id) AS ({ranked})", params
    return (f"""WITH ranked(entity_id) AS ({ranked}),
                pairs(source, target) AS (
                    SELECT a.entity_id, b.entity_id FROM document_entities a
                    JOIN document_entities b ON b.doc_id = a.doc_id
                         AND a.entity_id < b.entity_id
                    WHERE a.entity_id IN ranked AND b.entity_id IN ranked
                    GROUP BY 1, 2 HAVING count(*) >= ?),
                kept(entity_id) AS (SELECT source FROM pairs UNION SELECT target FROM pairs)""",
            (*params, min_articles))


def _display_name(text: str) -> str:
    """A mention's text as a name: white space folded, typographic apostrophes straight."""
    return " ".join(text.replace("\u2019", "'").split())


def _role_counts(roles: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    """Each role once (its spellings by case folded together, written as most often, lower
    case first on a tie), most frequent first."""
    counted = [(min(spellings, key=lambda text: (-spellings[text], not text[:1].islower(),
                                                 text)), sum(spellings.values()))
               for spellings in roles.values()]
    return [{"role": role, "count": count}
            for role, count in sorted(counted, key=lambda item: (-item[1], item[0]))]
