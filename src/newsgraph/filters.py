"""Filter values a user types (dates, event types, entity types, quote kinds), checked once for
the command line and the web pages, so that a typo gets a message instead of "no matches"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from newsgraph.errors import NewsgraphError
from newsgraph.ontology import ENTITY_TYPES, PLOVER_TYPES, QUOTE_KINDS

_CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

MAX_FILTER_CHARS = 500
"""The longest text a filter or search value may be (a name, a phrase): SQLite refuses LIKE
patterns past 50,000 bytes, and nothing a person looks for is that long. Longer: HTTP 400 on
the pages, exit 2 on the command line."""


class FilterError(NewsgraphError, ValueError):
    """A filter value that cannot mean anything; the message says what would."""


def text(value: str, what: str = "a filter value") -> str:
    """A free-text filter value (a name, a search), refused past `MAX_FILTER_CHARS`."""
    if len(value) > MAX_FILTER_CHARS:
        raise FilterError(f"{what} of {len(value)} characters is too long: at most "
                          f"{MAX_FILTER_CHARS}")
    return value


def date_bound(value: str, *, today: date | None = None) -> str:
    """A date bound as the store compares it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real
    calendar date), or a relative day the time stage reads ("yesterday", "last Monday"),
    resolved against `today`."""
    text(value, "a date")
    stripped = value.strip()
    match = _CALENDAR.fullmatch(stripped)
    if match:
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            date(year, month or 1, day or 1)  # type: ignore[arg-type]
        except ValueError:
            raise FilterError(f"{value!r} is not a calendar date (YYYY, YYYY-MM or "
                              "YYYY-MM-DD)") from None
        return stripped
    resolved = _relative_day(stripped, today or date.today())
    if resolved is None:
        raise FilterError(f"{value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD (or a "
                          "relative day such as 'yesterday')")
    return resolved


def _relative_day(text: str, today: date) -> str | None:
    """The calendar value of a whole relative expression, when the time stage settles one."""
    if not text or len(text) > 40:
        return None
    from newsgraph.stages.times import normalise  # the time stage's own reading of dates

    mentions = normalise(text, today)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    covered = text[:mention.start].strip() + text[mention.end:].strip()
    value = mention.value or ""
    if covered or mention.type != "DATE" or not _CALENDAR.fullmatch(value):
        return None
    return value


def choice(value: str, allowed: Sequence[str], what: str) -> str:
    """`value` as spelled in `allowed` (case-insensitive), or a FilterError listing them."""
    folded = {item.casefold(): item for item in allowed}
    found = folded.get(value.strip().casefold())
    if found is None:
        shown = value if len(value) <= 60 else value[:60] + "..."
        raise FilterError(f"{shown!r} is not {what}: one of {', '.join(allowed)}")
    return found


def event_type(value: str) -> str:
    return choice(value, PLOVER_TYPES, "a PLOVER event type")


def entity_type(value: str) -> str:
    return choice(value, ENTITY_TYPES, "an entity type")


def quote_kind(value: str) -> str:
    return choice(value, QUOTE_KINDS, "a quote kind")
