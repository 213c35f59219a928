"""Extraction stages: each a small module, a pure function of an annotated document.

A stage declares the record field it fills, the spaCy components it reads, and the earlier
stages whose output it uses. The pipeline runs the registered stages in order and hands each
one the annotated document and the results so far; a stage never parses again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from newsgraph.annotate import AnnotatedDocument

Results = Mapping[str, list[dict[str, Any]]]

RECORD_FIELDS = ("entities", "quotes", "times", "events")
"""The record's list fields; a field with no registered stage is an empty list."""

PUBLISHED = "published"
"""A stage with this field returns one item, the record's `published` object
({"value", "how", "evidence"}), when it knows more than the input said; later stages find it
in `results["published"][0]` (the input's own is in `annotated.document.published`)."""


class Stage(Protocol):
    """What the pipeline needs of an extraction stage."""

    field: str
    """The record field the stage fills: one of RECORD_FIELDS, or PUBLISHED."""
    requires: frozenset[str]
    """spaCy pipeline components the stage reads (e.g. "ner", "parser")."""

    def __call__(self, annotated: AnnotatedDocument, results: Results) -> list[dict[str, Any]]:
        """Return the records for `field`, with spans into the document's clean text."""
        ...


def default_stages() -> Sequence[Stage]:
    """The stages `newsgraph extract` and `ingest` run, in order."""
    from newsgraph.stages.entities import EntityStage
    from newsgraph.stages.events import EventStage
    from newsgraph.stages.published import PublishedStage
    from newsgraph.stages.quotes import QuoteStage
    from newsgraph.stages.times import TimeStage

    return (EntityStage(), PublishedStage(), TimeStage(), QuoteStage(), EventStage())


def required_components(stages: Sequence[Stage]) -> frozenset[str]:
    return frozenset().union(*(stage.requires for stage in stages)) if stages else frozenset()
