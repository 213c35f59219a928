"""Records and rows: an article's (Document, extraction record) flattened into the rows of
every table, checked before anything is written, and the record rebuilt from them.

Every list item of the record keeps its position (`ord`) and, in a `data` column, whatever of it
the flat columns cannot say (fields the project adds later, unusual shapes), so `get` gives back
the record that was put.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsgraph.document import Document
from newsgraph.facts import FactType, fact_types
from newsgraph.facts.checks import check_offsets, check_span, items, span_columns

# Record keys rebuilt from their own tables or columns, never kept in documents.data (and each
# fact type's field: newsgraph.facts).
_DOCUMENT_KEYS = ("entities", "removed", "url", "format")

# Each *_fields function rebuilds a record object from its row; _Rows.build flattens the other
# way and keeps in `data` every key whose rebuilt value would differ, so get() returns what put
# was given.


def _canonical(value: Any) -> str:
    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False)
    except (TypeError, ValueError) as error:
        raise ValueError(f"record is not plain JSON: {error}") from error


def _leftover(item: Mapping[str, Any], rebuilt: Mapping[str, Any],
              skip: tuple[str, ...] = ()) -> str | None:
    """The keys of `item` its columns cannot give back, as JSON (None when there are none)."""
    extra = {key: value for key, value in item.items()
             if key not in skip and (key not in rebuilt or rebuilt[key] != value)}
    return _canonical(extra) if extra else None


def _with_data(rebuilt: dict[str, Any], data: str | None) -> dict[str, Any]:
    if data:
        rebuilt.update(json.loads(data))
    return rebuilt


def _document_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    evidence = json.loads(row["published_evidence"]) if row["published_evidence"] else []
    return {"id": row["id"], "source": row["source"], "title": row["title"],
            "outlet": row["outlet"],
            "published": {"value": row["published"], "how": row["published_how"],
                          "evidence": evidence},
            "text": row["text"],
            **({"language": row["language"]} if row["language"] else {}),
            **({"authors": json.loads(row["authors"])} if row["authors"] else {})}


def _span_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    return span_columns(row)


def _entity_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": row["entity_id"], "name": row["name"], "type": row["type"], "mentions": [],
            "geonames": row["geonames"], "lat": row["lat"], "lon": row["lon"],
            "country": row["country"]}


@dataclass
class _Rows:
    """Every row one article writes, checked and built before the transaction starts."""

    doc_id: str
    fingerprint: str
    document: dict[str, Any]
    entities: list[dict[str, Any]] = field(default_factory=list)
    removed_passages: list[dict[str, Any]] = field(default_factory=list)
    document_entities: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    facts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Each fact type's rows, by its table."""

    def table(self, name: str) -> list[dict[str, Any]]:
        """The rows of one child table (a fact type's or the article's own)."""
        if name in ("removed_passages", "document_entities", "mentions"):
            return getattr(self, name)
        return self.facts.get(name, [])

    @classmethod
    def build(cls, document: Document, record: Mapping[str, Any],
              settings_digest: str | None = None) -> _Rows:
        if "error" in record:
            raise ValueError(f"an error record cannot be stored: {record.get('error')}")
        doc_id, text = record.get("id"), record.get("text")
        if not isinstance(doc_id, str) or not doc_id:
            raise ValueError(f"record id must be a non-empty string, got {doc_id!r}")
        if doc_id != document.id:
            raise ValueError(f"record id {doc_id!r} is not the document's id {document.id!r}")
        if text != document.text:
            raise ValueError(f"record {doc_id}: its text is not the document's text")
        fingerprint = _fingerprint(document, record, settings_digest)
        rows = cls(doc_id, fingerprint, _document_row(document, record))
        rows.document["fingerprint"] = fingerprint
        rows.document["settings"] = settings_digest
        rows._add_removed(document)
        rows._add_entities(record, text)
        for fact in fact_types():
            rows.add_facts(fact, record, text)
        return rows

    def _child(self, ord_: int, columns: dict[str, Any], data: str | None = None,
               ) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "ord": ord_, **columns, "data": data}

    def _add_removed(self, document: Document) -> None:
        source = document.source_text
        for i, passage in enumerate(document.removed):
            item = {"start": passage.start, "end": passage.end, "text": passage.text}
            check_span(item, f"removed[{i}] (of the source text)", source)
            self.removed_passages.append(
                {"doc_id": self.doc_id, "ord": i, **item, "reason": passage.reason}
            )

    def _add_entities(self, record: Mapping[str, Any], text: str) -> None:
        seen: set[str] = set()
        for i, entity in enumerate(items(record, "entities")):
            where = f"entities[{i}]"
            entity_id = entity.get("id")
            if not isinstance(entity_id, str) or not entity_id:
                raise ValueError(f"{where}.id must be a non-empty string, got {entity_id!r}")
            if entity_id in seen:
                raise ValueError(f"{where}: entity id {entity_id!r} appears twice")
            seen.add(entity_id)
            mentions = entity.get("mentions") or []
            if not isinstance(mentions, list):
                raise ValueError(f"{where}.mentions: expected a list")
            shared = {"id": entity_id, "name": entity.get("name"), "type": entity.get("type"),
                      **{key: entity.get(key) for key in ("geonames", "lat", "lon", "country")}}
            self.entities.append(shared)
            columns = {"entity_id": entity_id, "name": shared["name"], "type": shared["type"]}
            rebuilt = _entity_fields({**shared, **columns})
            # Geo fields come back from the shared row (filled in by any article naming it).
            self.document_entities.append(self._child(i, columns, _leftover(
                entity, rebuilt, skip=("mentions", "geonames", "lat", "lon", "country"))))
            for j, mention in enumerate(mentions):
                check_span(mention, f"{where}.mentions[{j}]", text)
                columns = {"entity_id": entity_id, **_span_fields(mention)}
                self.mentions.append(
                    self._child(j, columns, _leftover(mention, _span_fields(columns)))
                )

    def add_facts(self, fact: FactType, record: Mapping[str, Any], text: str) -> None:
        """The rows of one fact type's items, each checked (its spans slice the text)."""
        rows = []
        for i, item in enumerate(items(record, fact.field)):
            columns = fact.to_columns(item, f"{fact.field}[{i}]", text)
            rows.append(self._child(i, columns, _leftover(item, fact.from_columns(columns))))
        self.facts[fact.table] = rows


def _document_row(document: Document, record: Mapping[str, Any]) -> dict[str, Any]:
    published = record.get("published")
    if not isinstance(published, Mapping):
        published = document.published.to_json()
    title_span = document.title_span
    if title_span is not None:
        check_offsets({"start": title_span[0], "end": title_span[1]}, "title_span",
                 len(document.text))
    evidence = published.get("evidence")
    columns: dict[str, Any] = {
        "id": record["id"], "source": record.get("source", document.source),
        "url": record.get("url", document.url), "format": record.get("format", document.format),
        "title": record.get("title"), "outlet": record.get("outlet"),
        "published": published.get("value"), "published_how": published.get("how"),
        "published_evidence": _canonical(list(evidence or [])),
        "raw": document.raw, "source_text": document.source_text, "text": record["text"],
        "offset_map": _canonical(document.offsets.to_json()),
        "title_start": title_span[0] if title_span else None,
        "title_end": title_span[1] if title_span else None,
        "language": record.get("language"),
        "authors": _canonical(record["authors"]) if isinstance(record.get("authors"), list)
        else None,
    }
    rebuilt = _document_fields(columns)
    columns["data"] = _leftover(record, rebuilt, skip=(
        *_DOCUMENT_KEYS, *(fact.field for fact in fact_types())))
    return columns


def _fingerprint(document: Document, record: Mapping[str, Any],
                 settings_digest: str | None = None) -> str:
    """sha256 of the canonical record JSON, of everything stored beside it from the document,
    and of the settings it was extracted with: "unchanged" means no row would differ and the
    same settings made it (another setting may change other articles' records). The path it
    was read from is left out: `./x`, `x` and `/abs/x` are one article (its paths are kept
    as a set, in document_sources)."""
    stored_beside = {
        "text": document.text, "raw": document.raw, "source_text": document.source_text,
        "offsets": document.offsets.to_json(), "title_span": document.title_span,
        "url": document.url, "format": document.format,
        "removed": [[p.start, p.end, p.text, p.reason] for p in document.removed],
    }
    content = {key: value for key, value in record.items() if key != "source"}
    payload = _canonical(content) + "\n" + _canonical(stored_beside) + "\n" + (
        settings_digest or "")
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def read_record(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """`Store.get`: the record rebuilt from its rows, every item in its `ord` and with its
    `data` keys back."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    record = _with_data(_document_fields(row), row["data"])
    head = {key: record.pop(key) for key in ("id", "source", "title", "outlet", "published",
                                              "text") if key in record}

    mentions: dict[str, list[dict[str, Any]]] = {}
    for mention in conn.execute(
        "SELECT * FROM mentions WHERE doc_id = ? ORDER BY entity_id, ord", (doc_id,)
    ):
        mentions.setdefault(mention["entity_id"], []).append(
            _with_data(_span_fields(mention), mention["data"])
        )
    entities = []
    for entity in conn.execute(
        """SELECT de.entity_id, de.name, de.type, de.data,
                  e.geonames, e.lat, e.lon, e.country
           FROM document_entities de JOIN entities e ON e.id = de.entity_id
           WHERE de.doc_id = ? ORDER BY de.ord""",
        (doc_id,),
    ):
        rebuilt = _entity_fields(entity)
        rebuilt["mentions"] = mentions.get(entity["entity_id"], [])
        entities.append(_with_data(rebuilt, entity["data"]))

    lists: dict[str, list[dict[str, Any]]] = {"entities": entities}
    for fact in fact_types():
        lists[fact.field] = [
            _with_data(fact.from_columns(item), item["data"])
            for item in conn.execute(
                f"SELECT * FROM {fact.table} WHERE doc_id = ? ORDER BY ord", (doc_id,)
            )
        ]
    removed = [
        {"source_start": passage["start"], "source_end": passage["end"],
         "text": passage["text"], "reason": passage["reason"]}
        for passage in conn.execute(
            "SELECT * FROM removed_passages WHERE doc_id = ? ORDER BY ord", (doc_id,)
        )
    ]
    return {**head, **lists, "url": row["url"], "format": row["format"], "removed": removed,
            **record}


def _insert_many(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    values = ", ".join(f":{column}" for column in columns)
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({values})", rows)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
