"""Checks of a record item's parts, shared by the fact types: a span must slice the text
exactly, offsets must lie inside it, nested objects must be objects. Each raises ValueError
naming where in the record the problem is."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def is_offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_offsets(item: object, where: str, length: int, *, optional: bool = False) -> None:
    """Check 0 <= start <= end <= length (both may be None when `optional`)."""
    if not isinstance(item, Mapping):
        raise ValueError(f"{where}: expected an object with start and end, got {item!r}")
    start, end = item.get("start"), item.get("end")
    if optional and start is None and end is None:
        return
    if not (is_offset(start) and is_offset(end) and start <= end <= length):
        raise ValueError(f"{where}: offsets [{start}:{end}] outside a text of {length} characters")


def check_span(item: object, where: str, text: str) -> None:
    """Check that a span slices `text` exactly."""
    check_offsets(item, where, len(text))
    assert isinstance(item, Mapping)
    found = text[item["start"]:item["end"]]
    if found != item.get("text"):
        raise ValueError(f"{where}: text[{item['start']}:{item['end']}] is {found!r}, "
                         f"not {item.get('text')!r}")


def part(item: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    """A nested object of a record item, {} when null or absent."""
    value = item.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{where}.{key}: expected an object or null, got {value!r}")
    return value


def items(record: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    """A record's list field, each element an object."""
    found = record.get(key) or []
    if not isinstance(found, list) or not all(isinstance(item, Mapping) for item in found):
        raise ValueError(f"{key}: expected a list of objects")
    return found


def span_columns(item: Mapping[str, Any]) -> dict[str, Any]:
    return {"start": item["start"], "end": item["end"], "text": item["text"]}
