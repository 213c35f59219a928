"""Time expressions as a fact type: TIMEX3 values resolved against the publication date."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from newsgraph.facts import FactType, Item, columns, register
from newsgraph.facts.checks import check_span, span_columns


def to_columns(time: Item, where: str, text: str) -> dict[str, Any]:
    check_span(time, where, text)
    return {**span_columns(time), "value": time.get("value"), "type": time.get("type")}


def from_columns(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"start": row["start"], "end": row["end"], "text": row["text"],
            "value": row["value"], "type": row["type"]}


def spans(time: Item) -> Iterator[tuple[str, Item]]:
    yield "", time


TIMES = register(FactType(
    field="times", columns=columns("start:int end:int text value type"),
    to_columns=to_columns, from_columns=from_columns, spans=spans,
    mark=lambda time: (time["start"], time["end"]),
    describe=lambda time: f"time: {time.get('value')} ({time.get('type')})", layer="time"))
