"""Cross-document identity a user corrects: merges and splits of entities, kept as data.

The extractor gives each real thing one id across articles, but evidence can be too weak
(two spellings it keeps apart) or wrong (two people it joins). A user's correction is stored
as a row (see `Store.merge_entities` / `Store.split_entity`) and applied here, as a pure
function of an extraction record, both to the articles already stored and to every article
ingested later, so corrections survive re-ingest.

A mention a correction moved carries where it came from ("merged_from": the id it had, or
"split_from"), so a merge can be undone on stored articles without extracting them again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from newsgraph.config import DEFAULT_SETTINGS

GEO_FIELDS = ("geonames", "lat", "lon", "country")


@dataclass(frozen=True)
class Correction:
    """One user correction.

    merge: every mention of `source` joins `target`; `entities[target]` gives the kept entity's
    name, type and place for articles that name only `source`.
    split: the mentions of `target` whose text is `name` leave it for `new_id` (a new entity of
    that name and `target`'s type).
    """

    action: Literal["merge", "split"]
    target: str
    source: str | None = None
    name: str | None = None
    new_id: str | None = None
    entities: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Fields (name, type, geonames, lat, lon, country) of the entities involved, at the time."""


def fold_text(text: str) -> str:
    """A mention's text for comparison: white space and quotes folded, case ignored."""
    text = text.replace("’", "'").replace("\u00a0", " ")
    return " ".join(text.split()).casefold()


def split_id(entity_type: str | None, name: str, taken: Iterable[str] = ()) -> str:
    """The id an entity split off under `name` gets: `type:<slug>`, unique among `taken`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name_slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "entity"
    base = f"{(entity_type or 'entity').lower()}:{name_slug}"
    taken = set(taken)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def apply_corrections(record: Mapping[str, Any],
                      corrections: Iterable[Correction]) -> dict[str, Any]:
    """The record with every correction applied in order (the input is not changed)."""
    corrections = list(corrections)
    result = dict(record)
    if not corrections or "entities" not in record:
        return result
    for key in ("entities", "quotes", "events"):
        if key in record:
            result[key] = _copied(record[key])
    for correction in corrections:
        if correction.action == "merge":
            _merge(result, correction)
        elif correction.action == "split":
            _split_name(result, correction)
    return result


def undo_merge(record: Mapping[str, Any], correction: Correction) -> dict[str, Any]:
    """The stored record with a merge taken back: the mentions that came from `source` (and
    carry "merged_from") leave `target` for an entity rebuilt from the correction's fields."""
    result = dict(record)
    result["entities"] = _copied(record.get("entities", []))
    for key in ("quotes", "events"):
        result[key] = _copied(record.get(key, []))
    source = correction.source or ""
    kept = _by_id(result["entities"]).get(correction.target)
    if kept is None:
        return result
    back = [m for m in kept["mentions"] if m.get("merged_from") == source]
    if not back:
        return result
    kept["mentions"] = [m for m in kept["mentions"] if m.get("merged_from") != source]
    for mention in back:
        mention.pop("merged_from", None)
    fields = correction.entities.get(source, {})
    restored = {"id": source, "name": fields.get("name") or back[0]["text"],
                "type": fields.get("type") or kept.get("type"), "mentions": back,
                **{key: fields.get(key) for key in GEO_FIELDS}}
    _insert_after(result["entities"], kept, restored)
    if not kept["mentions"]:
        result["entities"].remove(kept)
    _move_references(result, correction.target, source,
                     {(m["start"], m["end"]) for m in back}, {fold_text(m["text"]) for m in back})
    return result


# ----------------------------------------------------------------------------- internals


def _copied(value: Any) -> Any:
    """A copy of a record's part, which is JSON-shaped (dicts, lists and scalars): the
    corrections change its dicts and lists in place and the caller's record must not change.
    (`copy.deepcopy` gives the same, at several times the cost, for any object graph: half
    the short-name step on a large store.)"""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    return value


def _by_id(entities: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entity.get("id"): entity for entity in entities}


def _insert_after(entities: list[dict[str, Any]], anchor: dict[str, Any],
                  new: dict[str, Any]) -> None:
    index = next(i for i, entity in enumerate(entities) if entity is anchor)
    entities.insert(index + 1, new)


def _merge(record: dict[str, Any], correction: Correction) -> None:
    entities = record["entities"]
    by_id = _by_id(entities)
    source = by_id.get(correction.source)
    if source is None or correction.source == correction.target:
        return
    for mention in source.get("mentions", []):
        mention.setdefault("merged_from", correction.source)
    kept = by_id.get(correction.target)
    if kept is None:  # only the merged name is in this article: it takes the kept identity
        fields = correction.entities.get(correction.target, {})
        source["id"] = correction.target
        source["name"] = fields.get("name") or source.get("name")
        source["type"] = fields.get("type") or source.get("type")
        for key in GEO_FIELDS:
            source[key] = fields.get(key, source.get(key))
    else:
        spans = {(m["start"], m["end"]) for m in kept.get("mentions", [])}
        kept["mentions"] = sorted(
            [*kept.get("mentions", []),
             *(m for m in source.get("mentions", []) if (m["start"], m["end"]) not in spans)],
            key=lambda m: (m["start"], m["end"]))
        roles = [*kept.get("roles", []),
                 *(r for r in source.get("roles", []) if r not in kept.get("roles", []))]
        if roles:
            kept["roles"] = roles
        for key in GEO_FIELDS:
            if kept.get(key) is None and source.get(key) is not None:
                kept[key] = source[key]
        entities.remove(source)
    _move_references(record, correction.source or "", correction.target, None, None)


def _split_name(record: dict[str, Any], correction: Correction) -> None:
    entities = record["entities"]
    by_id = _by_id(entities)
    old = by_id.get(correction.target)
    if old is None or not correction.name or not correction.new_id:
        return
    name = fold_text(correction.name)
    moved = [m for m in old.get("mentions", []) if fold_text(m.get("text", "")) == name]
    if not moved:
        return
    old["mentions"] = [m for m in old["mentions"] if m not in moved]
    for mention in moved:
        mention.pop("merged_from", None)
        mention["split_from"] = correction.target
    new = by_id.get(correction.new_id)
    if new is None:
        fields = correction.entities.get(correction.new_id, {})
        new = {"id": correction.new_id, "name": fields.get("name") or correction.name,
               "type": fields.get("type") or old.get("type"), "mentions": [],
               **{key: fields.get(key) for key in GEO_FIELDS}}
        _insert_after(entities, old, new)
    new["mentions"] = sorted([*new["mentions"], *moved], key=lambda m: (m["start"], m["end"]))
    if not old["mentions"]:
        entities.remove(old)
    _move_references(record, correction.target, correction.new_id,
                     {(m["start"], m["end"]) for m in moved}, {name})


def _move_references(record: dict[str, Any], old: str, new: str,
                     spans: set[tuple[int, int]] | None, names: set[str] | None) -> None:
    """Point quote speakers and event parties at `new` instead of `old`: all of them, or (for
    a split) those whose span or name is one of the moved mentions'."""
    def moves(party: Any) -> bool:
        if not isinstance(party, dict) or party.get("entity") != old:
            return False
        if spans is None:
            return True
        if (party.get("start"), party.get("end")) in spans:
            return True
        return names is not None and fold_text(str(party.get("name") or "")) in names

    for quote in record.get("quotes") or []:
        if moves(quote.get("speaker")):
            quote["speaker"]["entity"] = new
    for event in record.get("events") or []:
        for role in ("actor", "target", "place"):
            if moves(event.get(role)):
                event[role]["entity"] = new


# ----------------------------------------------------------------------------- candidate links

SIMILAR_AT = DEFAULT_SETTINGS.resolve.similar_names_at  # config.cfg [resolve]
"""Similarity of normalised names from which two entities are offered as perhaps the same."""
_TRANSLITERATION = (("kh", "h"), ("zh", "j"), ("yi", "i"), ("iy", "i"), ("ie", "e"),
                    ("yu", "u"), ("ya", "a"), ("j", "y"), ("w", "v"), ("'", ""))
"""Spelling pairs that vary between transliterations of one name (Luhansk/Lugansk aside)."""


def name_key(name: str) -> str:
    """A name folded for comparing spellings: ASCII, lower case, common transliteration pairs
    merged, doubled letters single ("Donbass" and "Donbas", "Sievierodonetsk" and
    "Severodonetsk" come close)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z' ]+", " ", text)
    for variant, common in _TRANSLITERATION:
        text = text.replace(variant, common)
    text = re.sub(r"(.)\1+", r"\1", text)
    return " ".join(text.split())


SURNAME_SCORE = 0.9
"""The score of a one-word person name offered as the same person as a full name ending in it
("Trump" and "Donald Trump"), when the store holds more than one such full name."""


def surname_of(name: str) -> str | None:
    """The name key of a person's one-word name ("Trump" -> "trump"); None for a full name."""
    words = name_key(name).split()
    return words[0] if len(words) == 1 else None


def last_name_of(name: str) -> str | None:
    """The name key of a full name's last word ("Donald Trump" -> "trump"); None for one word."""
    words = name_key(name).split()
    return words[-1] if len(words) > 1 else None


def short_name_links(people: Mapping[str, str]) -> dict[str, str | None]:
    """For each one-word person name, the one full name it stands for in this set of people
    (id -> name): "Trump" -> "Donald Trump" when the store holds exactly one full name ending in
    "Trump"; None when it holds several (a candidate only) or none. A function of the set
    alone, so the links are the same whatever order the articles came in."""
    full_by_last: dict[str, list[str]] = {}
    for entity_id, name in people.items():
        last = last_name_of(name)
        if last is not None:
            full_by_last.setdefault(last, []).append(entity_id)
    links: dict[str, str | None] = {}
    for entity_id, name in sorted(people.items()):
        surname = surname_of(name)
        if surname is not None:
            fulls = full_by_last.get(surname, [])
            links[entity_id] = fulls[0] if len(fulls) == 1 else None
    return links


def similar_entities(entity_id: str, name: str, entity_type: str | None,
                     others: Iterable[Mapping[str, Any]],
                     at: float = SIMILAR_AT) -> list[dict[str, Any]]:
    """Entities of the same type whose name is spelled nearly alike: candidate links, kept
    apart (the evidence is a spelling only) and offered with their score, best first, for a
    user to merge. Two GeoNames places are never offered: the gazetteer knows them apart.
    `others`: {"id", "name", "type"} mappings."""
    from difflib import SequenceMatcher

    key = name_key(name)
    found = []
    for other in others:
        if other.get("type") != entity_type or not other.get("name") or other["id"] == entity_id:
            continue
        if entity_id.startswith("geonames:") and str(other["id"]).startswith("geonames:"):
            continue
        other_key = name_key(str(other["name"]))
        if not key or not other_key:
            continue
        words, other_words = key.split(), other_key.split()
        if len(words) == len(other_words):  # word by word: "Ned Price" is not "Ted Price"
            score = min(SequenceMatcher(None, one, two).ratio()
                        for one, two in zip(words, other_words, strict=True))
        else:
            score = SequenceMatcher(None, key, other_key).ratio()
        if entity_type == "PERSON" and len(words) != len(other_words) and (
                (len(words) == 1 and other_words[-1] == words[0])
                or (len(other_words) == 1 and words[-1] == other_words[0])):
            score = max(score, SURNAME_SCORE)  # "Trump" and "Donald Trump"
        if score >= at:
            found.append({"id": other["id"], "name": other["name"], "score": round(score, 3)})
    return sorted(found, key=lambda item: (-item["score"], item["name"]))
