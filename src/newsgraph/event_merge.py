"""Is this the same real event? Deciding when two articles report one happening.

Several outlets report one protest, one strike, one severing of relations; an analyst counting
events wants it once, with every report as its source. Two event mentions are taken as one
event only with evidence on every axis news varies least on, and kept apart when in doubt
(a wrong merge hides an event; a missed one only repeats it):

- the same PLOVER type (or two types coders split one happening between, such as AGREE and
  SUPPORT for a signed deal);
- both asserted: negated and hypothetical mentions say nothing happened yet, so never merge;
- different articles (repeats within an article are folded by the event stage itself);
- a dated day each, at most `window_days` apart (reports lag the event by a day or two);
- the same actor, named by both: the same entity id, or one name inside the other
  ("separatists" / "pro-Russian separatists") when either has no entity id; when neither
  names one ("an explosion in Kabul killed 12"), the same day, the same place and the same
  target or death toll instead;
- and a second anchor: the same target, or the same place (entity id, GeoNames id or name);
  a target or place named by both must not conflict (a target that is only the event's own
  place counts as its place, not as a target).

The functions are pure: they read event facts (store rows or record events) and decide;
`newsgraph.store` calls them when it stores an article, when an entity correction changes an
article's actors, and for events stored before grouping existed. The store first narrows the
stored events in SQL to those these rules could accept (store.grouping._grouping_candidates),
so a rule made looser here must be made looser there too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from newsgraph.config import DEFAULT_SETTINGS

DEFAULT_WINDOW_DAYS = DEFAULT_SETTINGS.resolve.event_window_days  # config.cfg [resolve]

# Types one happening is coded as by different coders or from different wordings.
_SAME_HAPPENING = (frozenset({"AGREE", "SUPPORT"}), frozenset({"CONCEDE", "RETREAT"}))
_FILLER = frozenset({"the", "a", "an", "of", "s"})
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|T)")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Party:
    """An actor, target or place as the merge compares it."""

    entity: str | None
    words: tuple[str, ...]
    geonames: int | None = None


@dataclass(frozen=True)
class EventFacts:
    """What the merge decision reads from one event mention."""

    doc_id: str
    type: str
    day: date | None
    actor: Party | None
    target: Party | None
    place: Party | None
    asserted: bool
    fatalities: tuple[int | None, int | None] | None = None

    def __post_init__(self) -> None:
        # A target that is the event's own place ("protested in Lagos" coded at Lagos) is the
        # scene, not a second party: it must neither anchor nor block a merge.
        if self.target is not None and self.place is not None and \
                same_party(self.target, self.place):
            object.__setattr__(self, "target", None)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> EventFacts:
        """From a row of the store's events table (or `Store.events`)."""
        return cls(
            doc_id=str(row["doc_id"]),
            type=str(row["type"]),
            day=_day(row.get("date_value")),
            actor=party_of(row.get("actor_entity"), row.get("actor_name")),
            target=party_of(row.get("target_entity"), row.get("target_name")),
            place=party_of(row.get("place_entity"), row.get("place_name"),
                         row.get("place_geonames")),
            asserted=not row.get("negated") and not row.get("hypothetical"),
            fatalities=_bounds(row.get("fatalities_min"), row.get("fatalities_max")),
        )

    @classmethod
    def from_event(cls, doc_id: str, event: Mapping[str, Any]) -> EventFacts:
        """From an event of an extraction record."""
        def part(key: str) -> Mapping[str, Any]:
            return event.get(key) or {}

        return cls(
            doc_id=doc_id,
            type=str(event["type"]),
            day=_day(part("date").get("value")),
            actor=party_of(part("actor").get("entity"), part("actor").get("name")),
            target=party_of(part("target").get("entity"), part("target").get("name")),
            place=party_of(part("place").get("entity"), part("place").get("name"),
                         part("place").get("geonames")),
            asserted=not event.get("negated") and not event.get("hypothetical"),
            fatalities=_bounds(part("fatalities").get("min"), part("fatalities").get("max")),
        )


def _bounds(low: object, high: object) -> tuple[int | None, int | None] | None:
    values = tuple(v if isinstance(v, int) and not isinstance(v, bool) else None
                   for v in (low, high))
    return None if values == (None, None) else (values[0], values[1])


@lru_cache(maxsize=65536, typed=True)  # a corpus repeats its days: grouping reads each often
def _day(value: object) -> date | None:
    """A TIMEX3 value of day precision as a date; anything vaguer is None."""
    match = _DAY.match(str(value or ""))
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


@lru_cache(maxsize=65536, typed=True)  # a corpus names the same parties again and again
def party_of(entity: object, name: object, geonames: object = None) -> Party | None:
    """A party as the merge compares it: its entity id, its name's words, its GeoNames id."""
    words = tuple(w for w in _WORD.findall(str(name or "").casefold())
                  if w not in _FILLER)
    if not entity and not words:
        return None
    return Party(str(entity) if entity else None, words,
                 geonames if isinstance(geonames, int) else None)


def same_types(one: str, other: str) -> bool:
    return one == other or any({one, other} <= family for family in _SAME_HAPPENING)


def same_party(one: Party, other: Party) -> bool:
    """The same entity; else, when either has no entity id, one name inside the other."""
    if one.entity and one.entity == other.entity:
        return True
    if one.geonames and one.geonames == other.geonames:
        return True
    if one.entity and other.entity:
        return False  # two resolved, different things
    short, long_ = sorted((one.words, other.words), key=len)
    if not short:
        return False
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def same_event(one: EventFacts, other: EventFacts,
               window_days: int = DEFAULT_WINDOW_DAYS) -> bool:
    """Do two event mentions from different articles report one real event?"""
    if one.doc_id == other.doc_id or not (one.asserted and other.asserted):
        return False
    if not same_types(one.type, other.type):
        return False
    if one.day is None or other.day is None or abs((one.day - other.day).days) > window_days:
        return False
    if one.actor is None and other.actor is None:
        return _same_unclaimed(one, other)
    if one.actor is None or other.actor is None or not same_party(one.actor, other.actor):
        return False
    anchors = 0
    for mine, theirs in ((one.target, other.target), (one.place, other.place)):
        if mine is None or theirs is None:
            continue
        if not same_party(mine, theirs):
            return False  # both name it and they differ: two events
        anchors += 1
    return anchors > 0


def _same_unclaimed(one: EventFacts, other: EventFacts) -> bool:
    """Two reports naming no actor: the same day and place, and the same target or the same
    death toll ("an explosion in Kabul on Monday killed 12")."""
    if one.day != other.day or one.place is None or other.place is None or \
            not same_party(one.place, other.place):
        return False
    if one.target is not None and other.target is not None:
        return same_party(one.target, other.target)
    return one.fatalities is not None and one.fatalities == other.fatalities


def joins(event: EventFacts, members: Iterable[EventFacts],
          window_days: int = DEFAULT_WINDOW_DAYS) -> bool:
    """Does `event` report the same event as every member of a group? Every member, not
    any, so that chains of near-matches (A~B, B~C) never join A and C."""
    members = list(members)
    return bool(members) and all(same_event(event, member, window_days) for member in members)


def choose_group(event: EventFacts, groups: Mapping[int, list[EventFacts]],
                 window_days: int = DEFAULT_WINDOW_DAYS) -> int | None:
    """The group `event` joins: the oldest (lowest id) whose members all match; else None."""
    for group_id in sorted(groups):
        if joins(event, groups[group_id], window_days):
            return group_id
    return None
