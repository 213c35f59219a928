"""Entity corrections: a user's merges and splits (newsgraph.resolution), stored in
entity_corrections, applied to every stored article when made and to every article put
afterwards, and undone by a split that names the merge. (`Store.entity_corrections` lists them.)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from newsgraph.document import Document
from newsgraph.facts import fact_types
from newsgraph.store.grouping import EventGrouping
from newsgraph.store.queries import like_pattern
from newsgraph.store.rows import _canonical, _insert_many, _now, _Rows, read_record

AUTO_SURNAME = "automatic: one-word name of the only full name ending in it"
"""The note of a merge made by `resolve_short_names`, not by a user."""


class EntityCorrections(EventGrouping):
    """Merging and splitting entities, in the stored articles and in those put later."""

    def resolve_short_names(self) -> dict[str, int]:
        """The store-wide step that makes "Trump" and "Donald Trump" one person: a one-word
        person name joins the one full name ending in it when the store holds exactly one
        (`resolution.short_name_links`), as an automatic merge (a correction marked
        AUTO_SURNAME, applied to later articles too); when a second full name arrives ("Ivanka
        Trump") the merge is undone and both stay candidates. Decided from the whole store, so
        the result does not depend on the order articles came in. A user's own merge or split
        of the short name wins. Returns {"merged": n, "undone": n}."""
        from newsgraph.resolution import short_name_links

        conn = self._conn
        automatic = {row["source"]: row for row in conn.execute(
            """SELECT * FROM entity_corrections WHERE action = 'merge' AND name = ?
               AND undone_at IS NULL""", (AUTO_SURNAME,))}
        by_user = {row[0] for row in conn.execute(
            """SELECT source FROM entity_corrections WHERE (name IS NULL OR name != ?)
               AND source IS NOT NULL UNION SELECT target FROM entity_corrections
               WHERE action = 'split'""", (AUTO_SURNAME,))}
        people = {str(row["id"]): str(row["name"]) for row in conn.execute(
            "SELECT id, name FROM entities WHERE type = 'PERSON'")}
        for source, row in automatic.items():  # merged away: its name is in the correction
            people[source] = json.loads(row["data"] or "{}").get(source, {}).get("name", "")
        done = {"merged": 0, "undone": 0}
        for short, wanted in short_name_links(people).items():
            if short in by_user:
                continue
            current = automatic.get(short)
            if current is not None and current["target"] == wanted:
                continue
            if current is not None:
                self.split_entity(current["target"], short)
                done["undone"] += 1
            if wanted is not None:
                self.merge_entities(wanted, short, note=AUTO_SURNAME)
                done["merged"] += 1
        return done

    def merge_entities(self, target: str, source: str, *, note: str | None = None) -> int:
        """Merge entity `source` into `target` (ids or whole canonical names, see
        _known_entity): its mentions join `target` in every stored article and in every article
        ingested later. Returns the number of articles changed; ValueError when either is
        unknown or ambiguous, or they are the same."""
        from newsgraph.resolution import Correction, apply_corrections

        kept, merged = self._known_entity(target), self._known_entity(source)
        if kept == merged:
            raise ValueError(f"{target!r} and {source!r} are the same entity ({kept})")
        fields = {kept: self._entity_fields(kept), merged: self._entity_fields(merged)}
        correction = Correction("merge", kept, source=merged, entities=fields)
        with self._write() as conn:
            conn.execute(
                """INSERT INTO entity_corrections(action, target, source, name, data, at)
                   VALUES ('merge', ?, ?, ?, ?, ?)""",
                (kept, merged, note, _canonical(fields), _now()),
            )
            return self._rewrite_listing(merged, lambda r: apply_corrections(r, [correction]))

    def split_entity(self, target: str, source: str | None = None, *, name: str | None = None,
                     new_id: str | None = None) -> tuple[str, int]:
        """Split `target` (an id or whole canonical name, see _known_entity): with `source`,
        undo the merge of `source` into it (its mentions go back); with `name`, move the
        mentions with that text out to an entity of their own (`new_id`, else
        `<type>:<name>`), here and in every article ingested later.
        Returns (the id that got the mentions, the number of articles changed)."""
        from newsgraph.resolution import Correction, apply_corrections, split_id, undo_merge

        kept = self._known_entity(target)
        if (source is None) == (name is None):
            raise ValueError("split needs either the merged entity or a name to move out")
        if source is not None:
            row = next((
                row for row in self._conn.execute(
                    """SELECT * FROM entity_corrections WHERE action = 'merge' AND target = ?
                       AND undone_at IS NULL ORDER BY id DESC""", (kept,))
                if source == row["source"] or source.casefold() == str(
                    json.loads(row["data"] or "{}").get(row["source"], {}).get("name")
                ).casefold()), None)
            if row is None:
                raise ValueError(f"no merge of {source!r} into {kept} to undo")
            correction = Correction("merge", kept, source=row["source"],
                                    entities=json.loads(row["data"] or "{}"))
            with self._write() as conn:
                conn.execute("UPDATE entity_corrections SET undone_at = ? WHERE id = ?",
                             (_now(), row["id"]))
                return row["source"], self._rewrite_listing(
                    kept, lambda r: undo_merge(r, correction))
        assert name is not None
        fields = self._entity_fields(kept)
        taken = [r[0] for r in self._conn.execute("SELECT id FROM entities")]
        new_id = new_id or split_id(fields.get("type"), name, taken)
        if new_id == kept:
            raise ValueError(f"{new_id} is the entity being split")
        new_fields = {"name": name, "type": fields.get("type")}
        correction = Correction("split", kept, name=name, new_id=new_id,
                                entities={kept: fields, new_id: new_fields})
        with self._write() as conn:
            conn.execute(
                """INSERT INTO entity_corrections(action, target, name, new_id, data, at)
                   VALUES ('split', ?, ?, ?, ?, ?)""",
                (kept, name, new_id, _canonical(correction.entities), _now()),
            )
            return new_id, self._rewrite_listing(
                kept, lambda r: apply_corrections(r, [correction]))

    def _corrections_in_force(self) -> list[Any]:
        from newsgraph.resolution import Correction

        return [
            Correction(row["action"], row["target"], source=row["source"], name=row["name"],
                       new_id=row["new_id"], entities=json.loads(row["data"] or "{}"))
            for row in self._conn.execute(
                "SELECT * FROM entity_corrections WHERE undone_at IS NULL ORDER BY id")
        ]

    def _corrected_rows(self, document: Document, record: Mapping[str, Any],
                        rows: _Rows) -> _Rows:
        """The rows of `record` with the user's entity corrections applied. The fingerprint
        stays the extraction's: re-ingesting an unchanged article writes nothing, since its
        stored rows already have every correction (each is applied to stored articles when
        made)."""
        corrections = self._corrections_in_force()
        if not corrections:
            return rows
        from newsgraph.resolution import apply_corrections

        corrected = _Rows.build(document, apply_corrections(record, corrections),
                                rows.document["settings"])
        corrected.fingerprint = rows.fingerprint
        corrected.document["fingerprint"] = rows.fingerprint
        return corrected

    def _known_entity(self, key: str) -> str:
        """The entity a correction names: `key` is its id or its whole canonical name (case
        ignored), nothing looser, since a merge or split that hits a look-alike rewrites the
        wrong entity everywhere. ValueError naming the candidates when `key` names several
        entities or none."""
        conn = self._conn
        if conn.execute("SELECT 1 FROM entities WHERE id = ?", (key,)).fetchone():
            return key
        named = conn.execute(
            "SELECT id, name FROM entities WHERE name = ? COLLATE NOCASE ORDER BY id",
            (key,)).fetchall()
        if len(named) == 1:
            return str(named[0]["id"])
        if named:
            raise ValueError(f"{key!r} names {len(named)} entities: {_listed(named)}; "
                             "give the id")
        alike = conn.execute(
            """SELECT id, name FROM entities WHERE name LIKE ?1 ESCAPE '\\' OR id LIKE ?1
               ESCAPE '\\' OR id IN (SELECT entity_id FROM mentions WHERE text = ?2
               COLLATE NOCASE) ORDER BY name COLLATE NOCASE, id LIMIT 10""",
            (like_pattern(key), key)).fetchall()
        hint = f"; perhaps {_listed(alike)}" if alike else ""
        raise ValueError(f"no entity {key!r} (give an id or a whole name){hint}")

    def _entity_fields(self, entity_id: str) -> dict[str, Any]:
        row = self._conn.execute(
            "SELECT name, type, geonames, lat, lon, country FROM entities WHERE id = ?",
            (entity_id,),
        ).fetchone()
        return dict(row) if row is not None else {}

    def _rewrite_listing(self, entity_id: str, change: Any) -> int:
        """Within a write transaction: rewrite the entity rows (and the quote and event rows
        that point at entities) of every article listing `entity_id` as `change(record)`, then
        regroup the changed articles' events (in `seq` order, as ingest would), since a merged
        or split actor can join or part two reports of one event."""
        doc_ids = [row[0] for row in self._conn.execute(
            """SELECT id FROM documents WHERE id IN (
                   SELECT doc_id FROM document_entities WHERE entity_id = ?) ORDER BY seq""",
            (entity_id,))]
        changed = self._rewrite_entity_rows(doc_ids, change)
        for doc_id in changed:
            self._group_events(doc_id, self._event_group_ids(doc_id))
        return len(changed)

    def _rewrite_entity_rows(self, doc_ids: list[str], change: Any) -> list[str]:
        """Within a write transaction: rewrite the entity rows (and the quote and event rows
        that point at entities) of these articles as `change(record)`, leaving their event
        groups to the caller (`newsgraph load` groups every event once, after). A fact table
        whose items the change left as they were is not rewritten (a merge moves a speaker or
        a party only where one names the entity). Returns the articles changed."""
        conn = self._conn
        changed: list[str] = []
        for doc_id in doc_ids:
            record = read_record(conn, doc_id)
            assert record is not None
            new = change(record)
            if new == record:
                continue
            rows = _Rows(doc_id, "", {})
            rows._add_entities(new, record["text"])
            facts = [fact for fact in fact_types()
                     if new.get(fact.field) != record.get(fact.field)]
            for fact in facts:  # the facts that name entities point at them again
                rows.add_facts(fact, new, record["text"])
            old_ids = [row[0] for row in conn.execute(
                "SELECT entity_id FROM document_entities WHERE doc_id = ?", (doc_id,))]
            tables = ("document_entities", "mentions", *(fact.table for fact in facts))
            for table in tables:
                conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            conn.executemany(
                """INSERT INTO entities(id, name, type, geonames, lat, lon, country)
                   VALUES (:id, :name, :type, :geonames, :lat, :lon, :country)
                   ON CONFLICT(id) DO NOTHING""",
                rows.entities,
            )
            for table in tables:
                _insert_many(conn, table, rows.table(table))
            conn.executemany(
                """DELETE FROM entities WHERE id = ?1
                   AND NOT EXISTS (SELECT 1 FROM document_entities WHERE entity_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)""",
                [(old,) for old in old_ids],
            )
            changed.append(doc_id)
        return changed


def _listed(entities: list[Any]) -> str:
    """Entities as a user picks among them: "Kyiv (geonames:703448), ..."."""
    return ", ".join(f"{row['name']} ({row['id']})" for row in entities)
