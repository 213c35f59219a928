"""The publication date, inferred from the text when the input did not give it.

Every relative date of an article ("on Wednesday", "last month") is resolved against its
publication date, and a wrong anchor shifts them all; so this stage only says what the text
settles and keeps the evidence: a dateline ("MOSCOW, May 28 (Reuters) -"), a "Published ..."
line, or reasoning over the article's own expressions -- a phrase that names the current year
("in 2022 alone", "the 77th anniversary of the 1945 ..."), a stated date that a mentioned weekday
falls on, and the later weekdays the story reaches. When only part is settled the value is
partial ("2022", "XXXX-05-28"); when nothing is, the stage returns nothing and the date stays
unknown.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc

from newsgraph.config import stage_defaults
from newsgraph.lexicons import MONTHS, WEEKDAYS
from newsgraph.stages.times import (
    DAY,
    MONTH,
    YEAR,
    Mention,
    find_mentions,
    parse_anchor,
    parse_number,
)

DATELINE_DATE = re.compile(
    rf"(?:(?P<month>{MONTH})\s+(?P<day>{DAY})|(?P<day2>{DAY})\s+(?P<month2>{MONTH}))"
    rf"(?:,?\s+(?P<year>{YEAR}))?")
"""The date a dateline's qualifiers give: "May 28", "28 May", "May 28, 2014"."""
PUBLISHED_LINE = re.compile(
    r"^[ \t]*(?:(?:First\s+)?Published|Posted|Updated|Last\s+updated|Last\s+modified)"
    r"(?:\s+on)?\s*:?\s*(?P<rest>[^\n]{4,80})$",
    re.MULTILINE | re.IGNORECASE,
)
_NUMBER = r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)"
CURRENT_YEAR_CUES = [
    # a running count for the year the article is written in
    (re.compile(rf"\bin\s+(?P<year>{YEAR})\s+alone\b"), 0),
    (re.compile(rf"\bso\s+far\s+(?:in|this\s+year,?)\s+(?P<year>{YEAR})\b"), 0),
    (re.compile(rf"\b(?P<year>{YEAR})\s+(?:so\s+far|to\s+date)\b"), 0),
    # "the 77th anniversary of the 1945 liberation"
    (re.compile(rf"\b(?P<n>\d{{1,3}})(?:st|nd|rd|th)\s+anniversary\s+of\s+[^.\n]{{0,60}}?"
                rf"\b(?P<year>{YEAR})\b"), 1),
    # "77 years since 1945", "77 years after the 1945 surrender"
    (re.compile(rf"\b(?P<n>{_NUMBER})\s+years\s+(?:since|after)\s+[^.\n]{{0,40}}?"
                rf"\b(?P<year>{YEAR})\b", re.IGNORECASE), 1),
    # "in 1945, 77 years ago" / "77 years ago, in 1945"
    (re.compile(rf"\bin\s+(?P<year>{YEAR}),?\s+(?P<n>{_NUMBER})\s+years\s+ago\b",
                re.IGNORECASE), 1),
    (re.compile(rf"\b(?P<n>{_NUMBER})\s+years\s+ago,?\s+in\s+(?P<year>{YEAR})\b",
                re.IGNORECASE), 1),
]
CUE_GATES = [
    re.compile(r"alone\b"),
    re.compile(r"so\s+far\s+(?:in|this\s+year)"),
    re.compile(r"(?:so\s+far|to\s+date)\b"),
    re.compile(r"anniversary\s+of"),
    re.compile(r"years\s+(?:since|after)", re.IGNORECASE),
    re.compile(r"years\s+ago", re.IGNORECASE),
    re.compile(r"years\s+ago,?\s+in", re.IGNORECASE),
]
"""Per cue, a stretch of text every match of it holds (with the cue's own case rule): a cheap
scan for it, starting with a literal word, tells most articles hold no match -- the cues
themselves start by trying a number or any word at every word of the text."""
WEEKDAY_REACH = stage_defaults("published")["weekday_reach"]
"""How far (characters) a weekday may stand from the stated date it is taken to fall on
(config.cfg [components.published])."""


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")[:3]]  # 'Sept.', 'September': 'sep'


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def context(text: str, start: int, end: int, words: int = 3) -> str:
    """The expression with a few words before it, on its own line: readable evidence."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].split()
    lead = " ".join(before[-words:])
    snippet = (lead + " " if lead else "") + text[start:end]
    return snippet.strip()


def dateline_date(text: str, dateline: dict[str, Any] | None = None,
                  ) -> tuple[str, list[str]] | None:
    """A date from the dateline (`newsgraph.stages.dateline`) or a 'Published ...' line near
    the top, full or year-less."""
    if dateline is not None:  # the date follows the place: "MOSCOW, May 28 (Reuters) -"
        match = DATELINE_DATE.search(text, dateline["place"][1], dateline["end"])
        if match:
            month = _month_number(match.group("month") or match.group("month2"))
            day = _day_number(match.group("day") or match.group("day2"))
            year = match.group("year")
            evidence = [text[dateline["start"]:dateline["end"]].strip()]
            if year:
                try:
                    return date(int(year), month, day).isoformat(), evidence
                except ValueError:
                    return None
            return f"XXXX-{month:02d}-{day:02d}", evidence
    for line in PUBLISHED_LINE.finditer(text):
        for mention in find_mentions(line.group("rest")):
            if mention.kind == "date":
                groups = mention.groups
                month = groups["month"]
                try:
                    value = date(int(groups["year"]),
                                 int(month) if month.isdigit() else _month_number(month),
                                 _day_number(groups["day"]))
                except ValueError:
                    continue
                return value.isoformat(), [line.group(0).strip()]
    return None


def current_year(text: str, gated: bool = True) -> tuple[int, list[str]] | None:
    """The year the article is written in, when a phrase of the text names it (and only one).
    `gated=False` runs every cue without its `CUE_GATES` prefilter (the same answer, slower)."""
    years: dict[int, list[str]] = {}
    for (pattern, uses_count), gate in zip(CURRENT_YEAR_CUES, CUE_GATES, strict=True):
        if gated and gate.search(text) is None:
            continue  # no match of the cue can be in the text
        for match in pattern.finditer(text):
            year = int(match.group("year"))
            if uses_count:
                count = parse_number(match.group("n"))
                if count is None or count != int(count):
                    continue
                year += int(count)
            years.setdefault(year, []).append(match.group(0))
    if len(years) != 1:
        return None  # none, or cues that disagree: nothing is settled
    year, evidence = next(iter(years.items()))
    return year, evidence


def _stated_dates(mentions: list[Mention], year: int) -> list[tuple[date, Mention]]:
    dated = []
    for mention in mentions:
        groups = mention.groups
        if mention.kind not in ("month_day", "date"):
            continue
        if mention.kind == "date" and groups.get("year") and int(groups["year"]) != year:
            continue
        month = groups["month"]
        try:
            value = date(year, int(month) if month.isdigit() else _month_number(month),
                         _day_number(groups["day"]))
        except ValueError:
            continue
        dated.append((value, mention))
    return dated


def day_from_weekdays(text: str, year: int, reach: int = WEEKDAY_REACH,
                      ) -> tuple[date, list[str]] | None:
    """The publication day, when a stated date falls on a weekday the story names nearby.

    That weekday is then taken to be the stated date, and the story's other bare weekdays the
    days after it that it goes on to report (news tells what happened since its last days); the
    latest of them is the day of publication.
    """
    mentions = find_mentions(text)
    weekdays = [m for m in mentions if m.kind == "weekday" and not m.groups.get("rel")]
    links = []
    for stated, mention in _stated_dates(mentions, year):
        for weekday in weekdays:
            if WEEKDAYS[weekday.groups["weekday"].lower()] == stated.isoweekday() and \
                    abs(weekday.start - mention.start) <= reach:
                links.append((stated, mention, weekday))
    if not links:
        return None
    stated, mention, linked = max(links, key=lambda link: link[0])
    latest, latest_mention = stated, linked
    for weekday in weekdays:
        number = WEEKDAYS[weekday.groups["weekday"].lower()]
        day = stated + timedelta(days=(number - stated.isoweekday()) % 7)
        if day > latest:
            latest, latest_mention = day, weekday
    later_stated = [d for d, _ in _stated_dates(mentions, year) if d > latest]
    if later_stated:
        return None  # the story names a later day: the weekdays do not bound it
    evidence = [context(text, mention.start, mention.end),
                context(text, linked.start, linked.end)]
    if latest_mention is not linked:
        evidence.append(context(text, latest_mention.start, latest_mention.end))
    return latest, evidence


def infer_published(text: str, weekday_reach: int = WEEKDAY_REACH,
                    dateline: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """{"value", "how": "inferred", "evidence"} from the text alone (and its dateline, when
    given; see `newsgraph.stages.dateline`), or None if unsettled."""
    found = dateline_date(text, dateline)
    year = current_year(text)
    if found and not found[0].startswith("XXXX"):
        return {"value": found[0], "how": "inferred", "evidence": found[1]}
    if found:  # a year-less dateline: completed by a year the text names, else partial
        value, evidence = found
        if year:
            try:
                full = date(year[0], int(value[5:7]), int(value[8:10]))
            except ValueError:
                full = None
            if full:
                return {"value": full.isoformat(), "how": "inferred",
                        "evidence": evidence + year[1]}
        return {"value": value, "how": "inferred", "evidence": evidence}
    if year is None:
        return None
    day = day_from_weekdays(text, year[0], weekday_reach)
    if day is not None:
        return {"value": day[0].isoformat(), "how": "inferred", "evidence": year[1] + day[1]}
    return {"value": f"{year[0]:04d}", "how": "inferred", "evidence": year[1]}


class PublishedStage:
    """The record's `published` (the input's date when it gave one, else what the text
    settles) and the anchor every relative date resolves against, both written once."""

    def __init__(self, weekday_reach: int = WEEKDAY_REACH) -> None:
        self.weekday_reach = weekday_reach

    def __call__(self, doc: Doc) -> Doc:
        given = doc._.article["published"]
        published = given
        if not (given.get("value") and given.get("how") in ("given", "metadata")):
            published = infer_published(doc._.text, self.weekday_reach, doc._.dateline) or given
        doc._.published = dict(published)
        anchor = parse_anchor(published.get("value"))
        doc._.anchor_date = anchor.isoformat() if anchor else None
        return doc
