"""Quotes as a fact type: who said what (direct, indirect, mixed), its cue and speaker."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from newsgraph.facts import FactType, Item, columns, register
from newsgraph.facts.checks import check_offsets, check_span, part, span_columns


def to_columns(quote: Item, where: str, text: str) -> dict[str, Any]:
    check_span(quote, where, text)
    cue, speaker = part(quote, "cue", where), part(quote, "speaker", where)
    if cue:
        check_span(cue, f"{where}.cue", text)
    if speaker:
        check_offsets(speaker, f"{where}.speaker", len(text), optional=True)
    return {
        **span_columns(quote), "kind": quote.get("kind"),
        "cue_start": cue.get("start"), "cue_end": cue.get("end"), "cue_text": cue.get("text"),
        "speaker_entity": speaker.get("entity"), "speaker_name": speaker.get("name"),
        "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
    }


def from_columns(row: Mapping[str, Any]) -> dict[str, Any]:
    cue = None
    if row["cue_start"] is not None:
        cue = {"start": row["cue_start"], "end": row["cue_end"], "text": row["cue_text"]}
    speaker = None
    if row["speaker_name"] is not None:
        speaker = {"entity": row["speaker_entity"], "name": row["speaker_name"],
                   "start": row["speaker_start"], "end": row["speaker_end"]}
    return {"start": row["start"], "end": row["end"], "text": row["text"], "kind": row["kind"],
            "cue": cue, "speaker": speaker}


def spans(quote: Item) -> Iterator[tuple[str, Item]]:
    yield "", quote
    if quote.get("cue"):
        yield ".cue", quote["cue"]


def describe(quote: Item) -> str:
    speaker = (quote.get("speaker") or {}).get("name") or "?"
    return f"quote ({quote.get('kind')}) · speaker: {speaker}"


QUOTES = register(FactType(
    field="quotes",
    columns=columns("start:int end:int text kind cue_start:int cue_end:int cue_text "
                    "speaker_entity speaker_name speaker_start:int speaker_end:int"),
    to_columns=to_columns, from_columns=from_columns, spans=spans,
    mark=lambda quote: (quote["start"], quote["end"]), describe=describe, layer="quote"))
