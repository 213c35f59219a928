"""Exports of stored events in the formats analysts already use.

`acled-csv` uses ACLED's column names where they apply. PLOVER types map to ACLED event types
and sub-event types as below; PLOVER's verbal and diplomatic types have no ACLED counterpart
beyond "Strategic developments", which is where ACLED files such events when it codes them.

| PLOVER | ACLED event_type | ACLED sub_event_type |
|---|---|---|
| PROTEST | Protests | Peaceful protest ("Protest with intervention" when the mode says so) |
| PROTEST, mode riot / violent | Riots | Violent demonstration |
| ASSAULT by air, shelling, missile, bomb | Explosions/Remote violence | Air/drone strike (1) |
| ASSAULT, otherwise | Battles | Armed clash |
| COERCE, arrest / detain | Strategic developments | Arrests |
| COERCE, otherwise | Strategic developments | Other |
| RETREAT | Strategic developments | Non-violent transfer of territory |
| AGREE, CONCEDE | Strategic developments | Agreement |
| MOBILIZE | Strategic developments | Change to group/activity |
| the other nine | Strategic developments | Other |

(1) or Shelling/artillery/missile attack, or Remote explosive/landmine/IED, by the means named.

ACLED counts real events, not reports: `newsgraph export events --format acled-csv` writes one
row per event merged across articles (`Store.merged_events`), its outlets in `source` and each
report's sentence in `notes`.

`plover-jsonl` writes one PLOVER event per line with POLECAT-style field names (event_type,
mode, actor, recipient, location, event_date) and the provenance (article, span, sentence).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from typing import IO, Any

import pycountry

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities",
)
EVENT_FORMATS = ("acled-csv", "plover-jsonl")

_REMOTE = (
    (re.compile(r"\b(?:air(?:craft|strikes?|raids?|borne)?|aerial|warplanes?|planes?|jets?"
                r"|drones?|bombers?|helicopters?)\b", re.I), "Air/drone strike"),
    (re.compile(r"\b(?:shell(?:s|ing|ed)?|artillery|missiles?|rockets?|mortars?)\b", re.I),
     "Shelling/artillery/missile attack"),
    (re.compile(r"\b(?:explosives?|(?:land)?mines?|ieds?|bombs?|bombing)\b", re.I),
     "Remote explosive/landmine/IED"),
)


def acled_type(event: dict[str, Any]) -> tuple[str, str]:
    """ACLED (event_type, sub_event_type) of a stored PLOVER event (see the module's table)."""
    kind = event["type"]
    clues = " ".join(str(event.get(key) or "") for key in ("mode", "trigger_text", "sentence"))
    if kind == "PROTEST":
        if re.search(r"riot|violent", str(event.get("mode") or ""), re.I):
            return "Riots", "Violent demonstration"
        if re.search(r"interven|dispers|tear gas", clues, re.I):
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if kind == "ASSAULT":
        for pattern, sub_type in _REMOTE:
            if pattern.search(clues):
                return "Explosions/Remote violence", sub_type
        return "Battles", "Armed clash"
    if kind == "COERCE":
        if re.search(r"arrest|detain|detention", clues, re.I):
            return "Strategic developments", "Arrests"
        return "Strategic developments", "Other"
    sub_types = {"RETREAT": "Non-violent transfer of territory", "AGREE": "Agreement",
                 "CONCEDE": "Agreement", "MOBILIZE": "Change to group/activity"}
    return "Strategic developments", sub_types.get(kind, "Other")


def _country(code: str | None) -> Any:
    return pycountry.countries.get(alpha_2=code) if code else None


def _is_country(event: dict[str, Any]) -> bool:
    country = _country(event.get("place_country"))
    name = (event.get("place_name") or "").casefold()
    return bool(country) and name in {country.name.casefold(),
                                      getattr(country, "common_name", "").casefold()}


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-style row of a stored event (as `Store.events` returns it)."""
    country = _country(event.get("place_country"))
    date = event.get("date") or ""
    full_date = date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
    event_type, sub_event_type = acled_type(event)
    has_point = event.get("place_lat") is not None
    return {
        "event_id_cnty": f"{country.alpha_3 if country else 'XXX'}"
                         f"{event['seq']:06d}{event['ord']:03d}",
        "event_date": full_date,
        "year": date[:4] if date[:4].isdigit() else "",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": event.get("actor_name") or "",
        "actor2": event.get("target_name") or "",
        "country": country.name if country else "",
        "admin1": "",
        "location": event.get("place_name") or "",
        "latitude": event.get("place_lat") if has_point else "",
        "longitude": event.get("place_lon") if has_point else "",
        # ACLED: 1 = the named town, 2 = near it / its district, 3 = a larger region
        "geo_precision": (3 if _is_country(event) else 1) if has_point else "",
        **_sources_and_notes(event),
        "fatalities": event.get("fatalities_min") or 0,
    }


def _sources_and_notes(event: dict[str, Any]) -> dict[str, str]:
    """ACLED's source and notes: every outlet reporting the event ("; " between them, as
    ACLED writes them) and each report's sentence (" | " between them); one event merged
    from several articles (`Store.merged_events`) lists all its reports."""
    reports = event.get("mentions") or [event]
    sources = dict.fromkeys(r.get("outlet") or r.get("source") or "" for r in reports)
    notes = dict.fromkeys(" ".join((r.get("sentence") or "").split()) for r in reports)
    return {"source": "; ".join(s for s in sources if s),
            "notes": " | ".join(n for n in notes if n)}


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER event with its provenance, in POLECAT-style field names."""
    def party(prefix: str) -> dict[str, Any] | None:
        if not event.get(f"{prefix}_name"):
            return None
        return {"name": event[f"{prefix}_name"], "entity": event.get(f"{prefix}_entity")}

    location = party("place")
    if location is not None:
        location.update(geonames=event.get("place_geonames"), lat=event.get("place_lat"),
                        lon=event.get("place_lon"), country=event.get("place_country"))
    return {
        "event_id": f"{event['doc_id']}-{event['ord']}",
        "event_type": event["type"],
        "mode": event.get("mode"),
        "event_date": event.get("date"),
        "date_how": event.get("date_how") if event.get("date_value") else "published",
        "actor": party("actor"),
        "recipient": party("target"),
        "location": location,
        "fatalities": {"min": event.get("fatalities_min"), "max": event.get("fatalities_max")},
        "size": {"min": event.get("size_min"), "max": event.get("size_max")},
        "negated": bool(event.get("negated")),
        "hypothetical": bool(event.get("hypothetical")),
        "source": {"doc_id": event["doc_id"], "outlet": event.get("outlet"),
                   "title": event.get("title"), "url": event.get("url"),
                   "path": event.get("source"),
                   "trigger": {"start": event["trigger_start"], "end": event["trigger_end"],
                               "text": event["trigger_text"]},
                   "sentence": " ".join((event.get("sentence") or "").split())},
    }


def write_events(events: Iterable[dict[str, Any]], stream: IO[str], output_format: str) -> int:
    """Write events in `output_format` (one of EVENT_FORMATS); returns how many."""
    count = 0
    if output_format == "acled-csv":
        writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(acled_row(event))
            count += 1
    elif output_format == "plover-jsonl":
        for event in events:
            stream.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
            count += 1
    else:
        raise ValueError(f"unknown events format {output_format!r}: one of {EVENT_FORMATS}")
    return count
