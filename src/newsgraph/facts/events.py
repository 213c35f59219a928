"""PLOVER events as a fact type: type, trigger, actor, target, place, date, counts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from newsgraph.facts import FactType, Item, columns, register
from newsgraph.facts.checks import check_offsets, check_span, part


def to_columns(event: Item, where: str, text: str) -> dict[str, Any]:
    trigger = part(event, "trigger", where)
    check_span(trigger, f"{where}.trigger", text)
    sentence = part(event, "sentence", where)
    check_offsets(sentence, f"{where}.sentence", len(text), optional=True)
    if not isinstance(event.get("type"), str):
        raise ValueError(f"{where}.type must be a string, got {event.get('type')!r}")
    actor, target = part(event, "actor", where), part(event, "target", where)
    place, date = part(event, "place", where), part(event, "date", where)
    deaths, size = part(event, "fatalities", where), part(event, "size", where)
    return {
        "type": event["type"], "mode": event.get("mode"),
        "trigger_start": trigger["start"], "trigger_end": trigger["end"],
        "trigger_text": trigger["text"],
        "sentence_start": sentence.get("start"), "sentence_end": sentence.get("end"),
        "actor_entity": actor.get("entity"), "actor_name": actor.get("name"),
        "actor_type": actor.get("type"),
        "target_entity": target.get("entity"), "target_name": target.get("name"),
        "target_type": target.get("type"),
        "place_entity": place.get("entity"), "place_name": place.get("name"),
        "place_geonames": place.get("geonames"),
        "date_value": date.get("value"), "date_how": date.get("how"),
        "fatalities_min": deaths.get("min"), "fatalities_max": deaths.get("max"),
        "size_min": size.get("min"), "size_max": size.get("max"),
        "negated": bool(event.get("negated")), "hypothetical": bool(event.get("hypothetical")),
        "why": event.get("why"),
    }


def from_columns(row: Mapping[str, Any]) -> dict[str, Any]:
    known = set(row.keys())  # a sqlite3.Row's `in` looks at values, not names
    def party(prefix: str) -> dict[str, Any] | None:
        if row[f"{prefix}_name"] is None:
            return None
        found = {"entity": row[f"{prefix}_entity"], "name": row[f"{prefix}_name"]}
        if f"{prefix}_type" in known and row[f"{prefix}_type"] is not None:
            found["type"] = row[f"{prefix}_type"]
        return found

    def bounds(prefix: str) -> dict[str, Any] | None:
        low, high = row[f"{prefix}_min"], row[f"{prefix}_max"]
        return None if low is None and high is None else {"min": low, "max": high}

    place = party("place")
    if place is not None:
        place["geonames"] = row["place_geonames"]
    return {
        "type": row["type"], "mode": row["mode"],
        "trigger": {"start": row["trigger_start"], "end": row["trigger_end"],
                    "text": row["trigger_text"]},
        "sentence": {"start": row["sentence_start"], "end": row["sentence_end"]},
        "actor": party("actor"), "target": party("target"), "place": place,
        "date": (None if row["date_value"] is None
                 else {"value": row["date_value"], "how": row["date_how"]}),
        "fatalities": bounds("fatalities"), "size": bounds("size"),
        "negated": bool(row["negated"]), "hypothetical": bool(row["hypothetical"]),
        **({"why": row["why"]} if "why" in known and row["why"] is not None else {}),
    }


def spans(event: Item) -> Iterator[tuple[str, Item]]:
    yield ".trigger", event["trigger"]


def party_name(party: Item | None) -> str:
    return (party or {}).get("name") or "—"


def describe(event: Item) -> str:
    flags = "".join(f" [{flag}]" for flag in ("negated", "hypothetical") if event.get(flag))
    return (f"event: {event.get('type')}{flags} · actor: {party_name(event.get('actor'))} · "
            f"target: {party_name(event.get('target'))} · place: "
            f"{party_name(event.get('place'))} · date: "
            f"{(event.get('date') or {}).get('value') or '—'}")


EVENTS = register(FactType(
    field="events",
    columns=columns("type mode trigger_start:int trigger_end:int trigger_text "
                    "sentence_start:int sentence_end:int actor_entity actor_name target_entity "
                    "target_name place_entity place_name place_geonames:int date_value date_how "
                    "fatalities_min:int fatalities_max:int size_min:int size_max:int "
                    "negated:int hypothetical:int actor_type target_type why"),
    to_columns=to_columns, from_columns=from_columns, spans=spans,
    mark=lambda event: (event["trigger"]["start"], event["trigger"]["end"]),
    describe=describe, layer="event"))
