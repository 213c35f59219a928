"""Events grouped across articles as they are stored: one event_groups row per real event, and
each event in the group of the real event it reports (event_merge decides; SQL only narrows
the candidates it compares). `Store.merged_events` reads the groups.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from newsgraph.event_merge import (
    DEFAULT_WINDOW_DAYS,
    EventFacts,
    Party,
    choose_group,
    same_event,
    same_types,
)
from newsgraph.store.queries import like_pattern
from newsgraph.store.schema import StoreFile


class EventGrouping(StoreFile):
    """The event_groups and event_group_members tables, kept up to date inside the writes that
    store or rewrite an article."""

    def _event_group_ids(self, doc_id: str) -> list[int]:
        return [row[0] for row in self._conn.execute(
            "SELECT DISTINCT group_id FROM event_group_members WHERE doc_id = ?", (doc_id,))]

    def _group_events(self, doc_id: str, stale_groups: list[int]) -> None:
        """Put each event of a just-stored article in the group of the real event it reports
        (event_merge.same_event with every member), else in a new group of its own; then drop
        the groups the article's old version leaves empty. Runs inside the caller's write
        transaction, so re-storing an unchanged article changes nothing and a replaced one
        leaves no empty group."""
        conn = self._conn
        conn.execute("DELETE FROM event_group_members WHERE doc_id = ?", (doc_id,))
        for row in conn.execute(f"SELECT {_GROUPING_COLUMNS} FROM events ev WHERE doc_id = ? "
                                "ORDER BY ord", (doc_id,)).fetchall():
            facts = EventFacts.from_row(dict(row))
            group_id = self._joinable_group(facts)
            if group_id is None:
                group_id = conn.execute("INSERT INTO event_groups(type) VALUES (?)",
                                        (row["type"],)).lastrowid
            conn.execute("INSERT INTO event_group_members(doc_id, ord, group_id) VALUES (?, ?, ?)",
                         (doc_id, row["ord"], group_id))
        conn.executemany(
            """DELETE FROM event_groups WHERE id = ?1
               AND NOT EXISTS (SELECT 1 FROM event_group_members WHERE group_id = ?1)""",
            [(group_id,) for group_id in stale_groups])

    def _joinable_group(self, facts: EventFacts) -> int | None:
        """The group an event joins (event_merge.choose_group), found without reading every
        event of its type near its date: SQL keeps only the grouped events that could report
        the same event (_grouping_candidates: type, day window, asserted, same actor or, with
        none, same day and place), same_event decides on those, and only the groups with a
        matching member are read whole, since the event must match every member."""
        window = self.settings.resolve.event_window_days
        where = _grouping_candidates(facts, window)
        if where is None:
            return None
        conn = self._conn
        sql, params = where
        matched = sorted({row["group_id"] for row in conn.execute(
            f"""SELECT m.group_id, {_GROUPING_COLUMNS} FROM events ev
                JOIN event_group_members m ON m.doc_id = ev.doc_id AND m.ord = ev.ord
                WHERE {sql}""", params)
            if same_event(facts, EventFacts.from_row(dict(row)), window)})
        if not matched:
            return None
        groups: dict[int, list[EventFacts]] = {}
        for member in conn.execute(
                f"""SELECT m.group_id, {_GROUPING_COLUMNS} FROM event_group_members m
                    JOIN events ev ON ev.doc_id = m.doc_id AND ev.ord = m.ord
                    WHERE m.group_id IN ({", ".join("?" * len(matched))})""", matched):
            groups.setdefault(member["group_id"], []).append(EventFacts.from_row(dict(member)))
        return choose_group(facts, groups, window)

    def _group_ungrouped_events(self) -> int:
        """Group the events stored without a group (before grouping existed, by an older
        newsgraph): their articles in `seq` order, each as if just stored, in one transaction,
        so they merge with each other and with later ones. Returns the number of articles
        regrouped; when every event has its group, one query and nothing written."""
        ungrouped = """FROM events ev WHERE NOT EXISTS (
            SELECT 1 FROM event_group_members m WHERE m.doc_id = ev.doc_id AND m.ord = ev.ord)"""
        if not self._conn.execute(f"SELECT EXISTS (SELECT 1 {ungrouped})").fetchone()[0]:
            return 0
        with self._write() as conn:
            doc_ids = [row[0] for row in conn.execute(
                f"""SELECT id FROM documents WHERE id IN (SELECT ev.doc_id {ungrouped})
                    ORDER BY seq""").fetchall()]
            for doc_id in doc_ids:
                self._group_events(doc_id, self._event_group_ids(doc_id))
        return len(doc_ids)


_EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")


# The columns event_merge.EventFacts.from_row reads (never `data`: it is the bulk of a row).
_GROUPING_COLUMNS = ", ".join(f"ev.{column}" for column in (
    "doc_id", "ord", "type", "date_value", "actor_entity", "actor_name", "target_entity",
    "target_name", "place_entity", "place_name", "place_geonames", "negated", "hypothetical",
    "fatalities_min", "fatalities_max"))
# A text with a character outside printable ASCII, whose case folding SQL's LIKE may not match.
_NOT_ASCII = "GLOB '*[^ -~]*'"


def _grouping_candidates(facts: EventFacts, window_days: int = DEFAULT_WINDOW_DAYS,
                         ) -> tuple[str, list[Any]] | None:
    """SQL conditions on `events ev` every event that same_event(facts, it) accepts meets
    (a necessary, not sufficient, test: same_event decides), or None when none can: the type
    family, the date window, asserted, and the same actor by entity id or a shared name word;
    an event with no actor needs one with none, on its day, at its place. The date is compared
    as text over a half-open range of days, so a value with a time of day ("…T10:00") on the
    window's last day is in, and the (type, date_value) index serves it."""
    if not facts.asserted or facts.day is None:
        return None
    if facts.actor is None:
        if facts.place is None:
            return None
        first = last = facts.day
        party = _party_candidates("ev.place", facts.place, geonames=True)
        absent = "ev.actor_entity IS NULL"
    else:
        window = timedelta(days=window_days)
        first, last = facts.day - window, facts.day + window
        party = _party_candidates("ev.actor", facts.actor)
        absent = None
    if party is None:
        return None
    types = sorted(t for t in _EVENT_TYPES if same_types(t, facts.type))
    where = [f"ev.type IN ({', '.join('?' * len(types))})", "ev.date_value >= ?",
             "ev.date_value < ?", "ev.doc_id != ?", "ev.negated = 0", "ev.hypothetical = 0",
             party[0]]
    params: list[Any] = [*types, first.isoformat(), (last + timedelta(days=1)).isoformat(),
                         facts.doc_id, *party[1]]
    if absent:
        where.append(absent)
    return " AND ".join(where), params


def _party_candidates(prefix: str, party: Party, *, geonames: bool = False,
                      ) -> tuple[str, list[Any]] | None:
    """SQL met by every `<prefix>_entity`/`_name` that event_merge.same_party accepts as
    `party`: the same entity id (or GeoNames id); else, when either has no entity id, a name
    sharing a word with party's (the shorter name's words are inside both). A name with a
    character outside printable ASCII is let through for same_party to judge, and so is every
    name when party's own words are not plain ASCII. None when nothing can match."""
    terms: list[str] = []
    params: list[Any] = []
    if party.entity:
        terms.append(f"{prefix}_entity = ?")
        params.append(party.entity)
    if geonames and party.geonames:
        terms.append(f"{prefix}_geonames = ?")
        params.append(party.geonames)
    if party.words:
        unresolved = f"{prefix}_entity IS NULL AND " if party.entity else ""
        if all(word.isascii() for word in party.words):
            words = " OR ".join([f"{prefix}_name LIKE ? ESCAPE '\\'"] * len(party.words))
            terms.append(f"{unresolved}({words} OR {prefix}_name {_NOT_ASCII})")
            params += [like_pattern(word) for word in party.words]
        else:
            terms.append(f"{unresolved}{prefix}_name IS NOT NULL")
    if not terms:
        return None
    return "(" + " OR ".join(f"({term})" for term in terms) + ")", params
