"""The extraction record of ../shared/contract/README.md: built here, and only here.

Everything that measures newsgraph reads this format, so field names and shapes follow the
contract exactly; extra fields (url, removed) are allowed by it and named so they cannot be
mistaken for spans of the clean text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, NotRequired, TypedDict

from spacy.tokens import Doc

from newsgraph.doc import entity_records
from newsgraph.document import Document
from newsgraph.facts import fact_types


class Span(TypedDict):
    start: int
    end: int
    text: str


class PublishedField(TypedDict):
    value: str | None
    how: str
    evidence: list[str]


class Record(TypedDict):
    """One article's extraction record (the contract's output line)."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    published: PublishedField
    text: str
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    times: list[dict[str, Any]]
    events: list[dict[str, Any]]
    url: NotRequired[str | None]
    removed: NotRequired[list[dict[str, Any]]]
    language: NotRequired[str | None]
    authors: NotRequired[list[dict[str, Any]]]
    skipped: NotRequired[dict[str, str]]


class ErrorRecord(TypedDict):
    id: str
    source: str
    error: str


_CALENDAR = re.compile(r"^[0-9X]{4}(-(0[1-9]|1[0-2]|XX)(-(0[1-9]|[12][0-9]|3[01]|XX))?)?$")


def calendar_date(value: object) -> str | None:
    """A given publication date as the contract's calendar date (`2014-05-28`), or None.

    Accepts dates, datetimes and ISO strings with a time part ("2014-05-28T10:00:00Z").
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if _CALENDAR.match(text):
        return text
    head = text[:10]
    try:
        return date.fromisoformat(head).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def build_record(document: Document, doc: Doc | None) -> Record:
    """The contract record of one document, from the Doc its stages wrote on: the one place
    where the Doc's facts become the contract's shapes (a stage that did not run leaves its
    field an empty list; no published stage leaves the input's date). No Doc: an article in a
    language the English stages cannot read, kept with its text and metadata, no facts."""
    record: dict[str, Any] = {
        "id": document.id,
        "source": document.source,
        "title": document.title,
        "outlet": document.outlet,
        "published": dict((doc._.published if doc is not None else None)
                          or document.published.to_json()),
        "text": document.text,
        "entities": entity_records(doc) if doc is not None else [],
        **{fact.field: list(doc._.get(fact.field) or []) if doc is not None else []
           for fact in fact_types()},
        "language": document.language,
        "authors": [dict(author) for author in document.authors],
        "url": document.url,
        "removed": [
            {"source_start": passage.start, "source_end": passage.end,
             "text": passage.text, "reason": passage.reason}
            for passage in document.removed
        ],
    }
    if doc is None:
        record["skipped"] = {"stages": f"not English: {document.language}"}
    return record  # type: ignore[return-value]


def error_record(source: str, error: str, doc_id: str | None = None) -> ErrorRecord:
    """The line written for an input that could not be read (its id: the given one, else a
    hash of the source, so re-running reports the same id)."""
    if not doc_id:
        doc_id = "error-" + hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]
    return {"id": str(doc_id), "source": source, "error": error}


def spans(record: Record) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every span with a text in a record, with where it is (checked before anything is
    written): the entity mentions, then each fact type's spans."""
    for i, author in enumerate(record.get("authors") or []):
        if author.get("start") is not None:
            yield f"authors[{i}]", {"start": author["start"], "end": author.get("end"),
                                   "text": author.get("name")}
    for i, entity in enumerate(record["entities"]):
        for j, mention in enumerate(entity.get("mentions", [])):
            yield f"entities[{i}].mentions[{j}]", mention
    for fact in fact_types():
        for i, item in enumerate(record.get(fact.field, [])):  # type: ignore[attr-defined]
            for suffix, span in fact.spans(item):
                yield f"{fact.field}[{i}]{suffix}", span  # type: ignore[misc]


def check_spans(record: Record) -> None:
    """Raise ValueError unless every span of the record slices its text exactly."""
    text = record["text"]
    for where, span in spans(record):
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            raise ValueError(f"{where}: offsets [{start}:{end}] outside the text")
        if text[start:end] != span.get("text"):
            raise ValueError(
                f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {span.get('text')!r}"
            )
