"""Time expressions (TIMEX3): found by a compiled grammar, normalised against the publication date.

News dates its facts relative to a publication date ("on Wednesday", "last month", "77 years
ago"), so a value is only as good as its anchor and the direction the sentence looks in: a
past-tense "on Wednesday" is the last Wednesday on or before the anchor, a future one the next.
A story told of long ago within a paragraph is the exception: its year-less months and days are
its own year's ("In the spring of 1644 ... In June, a force arrived": June 1644), as HeidelTime
anchors a narrative's underspecified dates (`_story_time`).
The grammar finds the expressions (spaCy's DATE/TIME entities miss durations, sets and
references and mis-bound many); the parse only supplies the tense of the governing verb.
Extents follow TimeBank/TempEval: a leading preposition is left out; determiners and modifiers
that are part of the expression ("the past decade", "the end of this year", "last month") are in.
Without an anchor a value stays as far as the text settles it (`XXXX-05-11`, `XXXX-WXX-3`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate, compress, pairwise
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.lexicons import (
    MEASURE_NOUNS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    PROSPECTIVE_VERBS,
    REFERENCES,
    SEASONS,
    SET_WORDS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from newsgraph.stages.prefilter import finditer as prefiltered_finditer
from newsgraph.stages.prefilter import prefiltered

# ----------------------------------------------------------------------------- vocabulary

# The word tables are in data/lexicons/times.tsv; the seasons' codes to months stay here.
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
UTC_ZONES = ("utc", "gmt", "z")

# ----------------------------------------------------------------------------- grammar


def _alt(words) -> str:
    """A regex alternation, longest words first so the longest one wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_B = r"(?<![\w$£€#])"  # no word character (or currency sign) before
_E = r"(?![\w])"
_FULL_MONTH = "|".join(m.capitalize() for m in MONTHS if len(m) > 3 or m == "may")
_ABBR_MONTH = "|".join(m.capitalize() for m in MONTHS if len(m) <= 4 and m != "may"
                       and m not in ("june", "july"))
MONTH = rf"(?-i:(?:{_FULL_MONTH})(?![\w-])|(?:{_ABBR_MONTH})\.|(?:{_ABBR_MONTH})(?=\s+\d))"
WEEKDAY = rf"(?-i:{_alt(w.capitalize() for w in WEEKDAYS)})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:%.,]\d|\d|[\w%])"
YEAR = r"(?<![\d,.$£€#])(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|-\w)"
OLD_YEAR = r"(?<![\d,.$£€#])1[0-5]\d\d(?![\d%]|,\d|\.\d|-\w)"
"""A year before 1600: a year only where a month, a season or a preposition of time says so
("the spring of 1356", "14 October 1066", "in 1453"), and the parse counts nothing with it."""
ANY_YEAR = f"(?:{YEAR}|{OLD_YEAR})"
_NUM_WORD = _alt(k for k in NUMBERS if k not in ("a", "an"))
_COUNT_WORDS = {word for number in NUMBERS for word in number.split()} - {"a", "an", "of"}
"""The words of _NUM_WORD's numbers that hold no others' ("couple" of "a couple of"): each of
them holds one as a whole word."""
_HUNDREDS = (rf"(?:(?:{_NUM_WORD}|an?)\s+)?hundred(?:\s+(?:and\s+)?(?:{_NUM_WORD})"
             rf"(?:-(?:{_NUM_WORD}))?)?")
"""A number written in words past a hundred: "two hundred", "one hundred and seventy"."""
NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_HUNDREDS}|(?:{_NUM_WORD})"
       rf"(?:-(?:{_NUM_WORD}))?|an?(?=\s)|{_alt(VAGUE_NUMBERS)})"
       rf"(?:\s+and\s+a\s+half)?")
UNIT = rf"(?:{_alt(UNITS)}|centuries)s?"
REL = r"(?:this|last|next|past|coming|previous|current|following)"
UNIT_WORD = r"(?:week|weekend|month|year|decade|century|quarter)"
EDGE = (r"(?:the\s+(?:end|beginning|start|middle|rest|first\s+half|second\s+half)\s+of\s+|"
        r"(?:early|late|earlier|later|mid-?)\s*)")
PERIOD_YEAR = r"(?:this|last|next|the)\s+year"
TZ = r"(?:\s*\(?(?:UTC|GMT|EST|EDT|ET|CST|CDT|PST|PDT|PT|CET|CEST|BST|local\s+time)" \
     r"(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\)?)"
DAY_WORD = rf"(?:{WEEKDAY}|today|yesterday|tomorrow)"
_YEAR_ENDS = r"(?=\s*(?:[,.;:)\u2013\u2014]|$))"
"""What may follow a weekday's year ("Palm Sunday 1461, were ...", "on Bloody Sunday 1972."):
a clause's edge, not a noun it would count ("on Monday 2000 people marched"), a range ("on
Friday 1500 to 2000 people") or a place ("on Saturday 2000 in Novi Sad alone"); a comma
after the weekday starts a count ("on Saturday, 2000 in Novi Sad")."""

_GRAMMAR: list[tuple[str, str, str]] = [
    # (kind, trigger, pattern): every match of the pattern holds its trigger (see "triggers")
    # absolute dates
    ("date", "month&year",
     rf"(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY}),?\s+(?P<year>{ANY_YEAR})"),
    ("date", "month&year",
     rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH}),?"
     rf"\s+(?P<year>{ANY_YEAR})"),
    ("date", "year",
     r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"),
    ("date_us", "slash",
     r"(?<![\d/])(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/"
     r"(?P<year>\d\d(?:\d\d)?)(?![\d/])"),
    ("month_day", "month&digit",
     rf"(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})(?!\s*,?\s*\d)"),
    ("month_day", "month&digit",
     rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})"),
    ("month_year", "month&year",
     rf"(?:(?P<edge>{EDGE}))?(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{ANY_YEAR})"),
    ("month", "month",
     rf"(?:(?P<edge>{EDGE}))?(?P<month>{MONTH})"),
    # years, decades, fiscal years, quarters, halves, seasons
    ("year", "year",
     rf"(?:(?P<edge>{EDGE}))?(?P<year>{YEAR})"),
    ("year", "year",
     rf"(?:in|since|until|till|by|from|between|during|circa|c\.)\s+(?P<body>(?P<year>{OLD_YEAR}))"),
    ("fiscal", "fiscal",
     rf"(?:fiscal(?:\s+year)?\s+|FY\s?)(?P<year>{YEAR}|\d\d)(?!\d)"),
    ("decade", "decade",
     r"(?:(?P<edge>early|late|mid-?)\s*)?(?:the\s+)?(?P<decade>(?:1[6-9]|20)\d0|'\d0|"
     r"(?<![\d'])[2-9]0)['’]?s(?!\w)"),
    ("quarter", "quarter",
     r"(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th|"
     r"previous|current|next|this|same)\s+(?:fiscal\s+|financial\s+)?quarter"
     rf"(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))?"),
    ("quarter", "quarter",
     rf"(?P<ord>first|second|third|fourth)-quarter(?:\s+(?P<year>{YEAR}))?"),
    ("quarter", "q",
     rf"(?-i:Q(?P<ord>[1-4]))(?:\s+(?P<year>{YEAR}))?"),
    ("half", "half",
     r"the\s+(?P<ord>first|second|latter)\s+half(?![\s-]+hour)"  # "the first half hour"
     rf"(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))?"),
    ("season", "season",
     r"(?:(?P<rel>this|last|next|early|late|the)\s+)?(?P<season>spring|summer|autumn|"
     rf"winter)(?:\s+(?:of\s+)?(?P<year>{ANY_YEAR}))?"),
    ("season", "season",
     r"(?P<rel>this|last|next|the)\s+(?P<season>fall)"
     rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?"),
    # clock times, optionally with their day
    ("clock", "ampm",
     r"(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*"
     r"(?P<ampm>[ap]\.\s?m\.|[ap]m(?!\w)|[ap]\.m(?!\w))"
     rf"(?P<tz>{TZ})?(?:\s+(?P<dayword>{DAY_WORD}))?"),
    ("clock", "colon",
     r"(?<![\d:.])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])"
     rf"(?P<tz>{TZ}|\s*hrs)?(?:\s+(?P<dayword>{DAY_WORD}))?"),
    ("clock", "zone",
     r"(?<![\d:.])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*"
     r"(?P<tz>\s*(?:GMT|UTC|local\s+time)|\s*hrs)"),  # "1800 local time" too
    ("clock", "noon",
     rf"(?P<named>noon|midday|midnight)(?:\s+(?P<dayword>{DAY_WORD}))?"),
    ("part_of_day", "part",
     r"(?:(?:early|late)[\s-])?(?P<part>morning|afternoon|evening)(?=\s+(?:trading|"
     r"trade|session|deals|dealings|rush))"),
    # weekdays and named days
    ("year", "year",  # "on Palm Sunday 1461,", "Bloody Sunday 1972.": the year's day
     rf"{WEEKDAY}\s+(?P<body>(?P<year>{ANY_YEAR})){_YEAR_ENDS}"),
    ("weekday", "weekday",
     rf"(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<weekday>{WEEKDAY})"
     rf"(?!\s+{ANY_YEAR}{_YEAR_ENDS})(?:\s+(?P<part>morning|afternoon|evening|night))?"),
    ("today", "today",
     r"(?:(?P<edge>earlier|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow)"
     r"(?:\s+(?P<part>morning|afternoon|evening|night))?"),
    ("today", "part",
     r"(?P<word>this|that)\s+(?P<part>morning|afternoon|evening)"),
    ("ref_day", "unit",
     r"(?:the\s+)?(?P<word>next|following|previous|same)\s+day"),
    # periods relative to the time the text last named ("the year before", "that day"): see
    # Resolver._anaphor; ahead of "relative" so that "the previous year" is read as one
    ("anaphor", "unit",
     r"the\s+(?P<rel>previous|preceding|prior|following|next)\s+(?P<unit>year|month|week|"
     r"quarter)(?!-)"),
    ("anaphor", "unit",
     r"the\s+(?P<unit>year|month|week|quarter)\s+(?P<rel>before|earlier|previous|"
     r"prior|after)(?!\s+(?:last|next|this)\b)"),
    ("anaphor", "moment",
     r"that\s+(?P<that>day|week|month|year|time)"),
    # periods relative to the anchor
    ("relative", "unit&relative",
     rf"(?:(?P<edge>{EDGE}))?(?:the\s+)?(?P<rel>{REL})\s+(?P<unit>{UNIT_WORD})"
     r"(?!-)"),
    ("relative", "unit",
     rf"(?P<edge>{EDGE})the\s+(?P<unit>year|month|week)(?=[\s,.;:)])"),
    ("same_period", "unit",
     r"the\s+same\s+(?P<unit>period|month|quarter|week|day|time)\s+(?:of\s+)?"
     r"(?:(?:the\s+)?(?:last|previous)\s+year|a\s+year\s+(?:ago|earlier|before))"),
    ("whole", "unit",
     r"the\s+(?:entire|whole|full)\s+(?P<unit>year|month)"),
    ("month_week", "month&unit",
     r"the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+"
     rf"(?P<month>{MONTH})"),
    ("ago", "unit&direction",
     rf"(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>ago|earlier|before|later|after|"
     r"from\s+now|hence)"),
    # "15 a year" is a rate, not a stretch of time
    ("set", "unit&digit",
     r"\d[\d,.]*\s+(?P<body>an?\s+(?P<unit>day|week|month|year))(?!\s+(?:ago|earlier|later|"
     r"after|before))"),
    # durations
    ("duration", "unit",
     r"(?:(?P<approx>about|around|almost|nearly|approximately|roughly|some|just|only|"
     r"at\s+least)\s+)?(?:the\s+(?P<rel>past|last|next|first|previous|coming|"
     rf"following|final|remaining)\s+)?(?P<num>{NUM})\s+(?:more\s+|full\s+)?"
     rf"(?P<unit>{UNIT})\b(?!\s+(?:old|of\s+age))"),
    ("duration", "unit&number",
     rf"(?P<num>\d+|{_NUM_WORD})(?=\s+(?:and|or|to)\s+(?:\d+|{_NUM_WORD})\s+"
     rf"(?P<unit>{UNIT})\b(?!\s+(?:old|of\s+age)))"),
    ("duration", "unit",
     r"(?P<num>half)\s+(?:an?\s+)(?P<unit>hour|day|year|century|decade)"),
    ("duration", "unit&relative",
     r"(?:the\s+(?P<rel>past|last|next|coming|previous)\s+)(?P<unit>year|month|"
     r"week|decade|century)(?=\s+(?:alone|or\s|and\s)|[,.;:)])"),
    ("duration", "hyphen_unit",
     rf"(?P<num>{NUM})-(?P<unit>year|month|week|day|hour|minute|second|decade)"
     r"(?!-old|-olds|\w)"),
    ("duration", "hyphen_long",
     r"(?P<unit>decades|years|centuries|months|weeks)-long"),
    ("duration", "unit&relative",
     r"(?:(?P<rel>recent|coming|past|the\s+past|the\s+coming|the\s+next|"
     r"the\s+last)\s+)(?P<unit>years|months|weeks|days|decades)"),
    ("duration", "unit",
     r"(?:for|over|in|within|after)\s+(?P<body>(?:the\s+)?(?P<unit>years|months|"
     r"weeks|decades|centuries))(?!\s+(?:ago|of|old|later|earlier))"),
    ("duration", "unit",
     r"(?<!\w)(?P<unit>decades|centuries)(?!\s+(?:ago|of|old|later|earlier))"),
    # sets
    ("set", "set",
     rf"(?P<word>{_alt(SET_WORDS)})"),
    ("set", "weekday&every",
     rf"(?:every|each)\s+(?P<weekday>{WEEKDAY})"),
    ("set", "weekday",
     rf"(?P<weekday>{WEEKDAY})s"),
    ("set", "part&every",
     r"(?:every|each)\s+(?P<part>morning|afternoon|evening|night)"),
    ("set", "unit&every",
     r"every\s+other\s+(?P<other>day|week|month|year)"),
    ("set", "unit&every",
     rf"(?:every|each|per)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>day|week|month|year|hour|"
     r"quarter|days|weeks|months|years|hours)"),
    ("set", "unit&times",
     r"(?P<times>once|twice|(?:three|four|\d+)\s+times)\s+an?\s+"
     r"(?P<unit>day|week|month|year)"),
    # references
    ("reference", "reference",
     rf"(?P<word>{_alt(REFERENCES)})(?!-)"),
]
GRAMMAR: list[tuple[str, str]] = [(kind, pattern) for kind, _trigger, pattern in _GRAMMAR]

_COMPILED = [(kind, prefiltered(_B + pattern + _E, ignore_case=True)) for kind, pattern in GRAMMAR]
"""The grammar's patterns, compiled to skip in C the characters their matches cannot start with
(the same matches, each the match's group 1: see `prefilter`)."""

# ----------------------------------------------------------------------------- triggers
# Each pattern of the grammar names a trigger that every one of its matches holds: a digit, a
# capitalised month, a unit of time, one of a few time words, or both of two such ("month&year":
# "May 5, 2015" holds a month and a year). A pattern runs only in the windows around its
# trigger's occurrences in the text (one regex split of the whole text finds the words, one
# scan each the few triggers that are not inside a word; not ~50 scans of the whole text):
# the same matches, since no expression reaches further than the reach below from a trigger it
# holds; with two triggers, only where the windows of both overlap (an expression lies in both).
# The narrower a trigger, the less text its patterns scan: "3 years ago" needs a unit and a
# direction word, a duration a unit as a whole word ("years", not "today" or "Monday"). A word
# trigger is a regex searched in each word (case ignored, as the grammar does); one written
# ^...$ must be the whole word, which the patterns guarantee: the word they hold follows a space,
# a hyphen or `_B`, and a space, `\b` or `_E` follows it.
_TRIGGERS: dict[str, str] = {
    "digit": r"\d",
    "year": r"1\d\d\d|20\d\d",  # as ANY_YEAR and the ISO date's year start
    "decade": r"\d0s?$",  # "1990s", "'90s", "1990's" (the word ends before the apostrophe)
    "fiscal": r"^(?:fiscal|fy)",
    "q": r"^(?-i:Q)[1-4]$",
    "ampm": r"^(?:\d*[ap]m|m)$",  # "5pm", "30pm", "pm"; "a.m." splits into "a" and "m"
    "zone": r"^(?:\d*(?:gmt|utc|hrs)|local)$",  # "1400 GMT", "1400GMT", "0900hrs", "local"
    "month": rf"(?-i:{_alt(m.capitalize() for m in MONTHS)})",  # "mid-March", "midMarch" too
    "weekday": WEEKDAY,  # "Mondays" too
    "unit": rf"^(?:{UNIT})$",
    "quarter": r"^quarter$",
    "half": r"^half$",
    "number": rf"^(?:\d+|{_alt(_COUNT_WORDS)})$",
    # REL, after EDGE with no space too ("midnext"), or "recent"
    "relative": r"^(?:early|late|earlier|later|mid)?"
                r"(?:this|last|next|past|coming|previous|current|following|recent)$",
    "direction": r"^(?:ago|earlier|before|later|after|now|hence)$",  # "from now": "now"
    "every": r"^(?:every|each|per)$",
    "times": r"^(?:once|twice|times)$",
    "set": rf"^(?:{_alt(SET_WORDS)})$",
    "season": r"^(?:spring|summer|autumn|winter|fall)$",
    "noon": r"^(?:noon|midday|midnight)$",
    "today": r"^(?:today|tonight|yesterday|tomorrow)$",
    "part": r"^(?:morning|afternoon|evening|night)$",
    # each of REFERENCES holds one of these as a whole word ("these days", "the long term")
    "reference": r"^(?:now|currently|nowadays|days|present|recently|recent|past|soon|future|"
                 r"term)$",
    "moment": r"^(?:time|day|week|month|year)$",  # "that day", "that time"
}
_TEXT_TRIGGERS: dict[str, re.Pattern[str]] = {
    "colon": re.compile(r":(?=[0-5]\d(?![\d:]))"),  # "14:30": no word holds its colon
    "slash": re.compile(r"/(?=(?:3[01]|[12]\d|0?[1-9])/)"),  # "5/12/2015"
    "hyphen_unit": re.compile(r"-(?=(?:year|month|week|day|hour|minute|second|decade)"
                              r"(?!-old|-olds|\w))", re.IGNORECASE),  # "five-year"
    "hyphen_long": re.compile(r"-long", re.IGNORECASE),  # "decades-long"
}
"""Triggers that are not inside one word: each is one character (a lookahead reads on), so
`finditer` finds every occurrence (none can overlap another) and, starting with a literal
character, finds it fast, in C."""
_TRIGGER_OF_PATTERN = [trigger for _kind, trigger, _pattern in _GRAMMAR]
_BOTH_TRIGGERS = {name: tuple(name.split("&")) for name in _TRIGGER_OF_PATTERN if "&" in name}
"""Two-trigger names ("month&year") -> the two triggers whose windows must overlap."""
_TRIGGER_PATTERNS = {
    name: re.compile(_TRIGGERS[name], re.IGNORECASE)
    for name in sorted({single for name in _TRIGGER_OF_PATTERN for single in name.split("&")}
                       - _TEXT_TRIGGERS.keys())
}
REACH_BEFORE = 80
"""Characters an expression may start before a trigger it holds (the longest on the dev sets:
32, "the same period of a year earlier"-like phrases; the grammar's longest prefix about 60)."""
REACH_AFTER = 48
"""Characters an expression, with what its lookaheads read, may run on after a trigger it holds
(the longest on the dev sets: 21; lookaheads read up to 14 characters more)."""


_WORD_SPLIT = re.compile(r"(\w+)")
"""Splits a text into its gaps and words, alternately (in C: no Match object per word)."""
_WORD_TRIGGERS: dict[str, tuple[str, ...]] = {}
"""Word -> the trigger kinds it holds (every trigger lies inside one word); filled as words
are met, each distinct word tested once per process (emptied past `_WORD_TRIGGERS_SIZE`)."""
_WORD_TRIGGERS_SIZE = 200_000


_ANY_TRIGGER = re.compile(
    "^(?:" + "|".join(f"(?:{part[1:]})" for part in _TRIGGERS.values() if part.startswith("^"))
    + ")|" + "|".join(f"(?:{part})" for part in _TRIGGERS.values() if not part.startswith("^")),
    re.IGNORECASE)
"""Any trigger of any kind: most words hold none, and one search tells so (instead of one per
trigger kind). The triggers that must start the word are tried at its start only, as one
alternation: the regex engine then enters one branch, not one per trigger, at every other
character of the word (three times faster)."""


def _word_triggers(word: str) -> tuple[str, ...]:
    if _ANY_TRIGGER.search(word) is None:
        return ()
    return tuple(name for name, trigger in _TRIGGER_PATTERNS.items() if trigger.search(word))


def _known_triggers(words: list[str]) -> dict[str, tuple[str, ...]]:
    """`_WORD_TRIGGERS`, holding every one of `words` (only the new ones are tested)."""
    missing = set(words).difference(_WORD_TRIGGERS)
    if len(_WORD_TRIGGERS) + len(missing) > _WORD_TRIGGERS_SIZE:
        _WORD_TRIGGERS.clear()
        missing = set(words)
    for word in missing:
        _WORD_TRIGGERS[word] = _word_triggers(word)
    return _WORD_TRIGGERS


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger, the stretches of the text within reach of one, merged where they meet.
    The words and their offsets are worked out in C; Python visits only the words that hold a
    trigger (a few in a hundred)."""
    near: dict[str, list[tuple[int, int]]] = {name: [] for name in _TRIGGER_PATTERNS}
    size = len(text)
    parts = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
    words = parts[1::2]
    triggers_of = _known_triggers(words)
    ends = list(accumulate(map(len, parts)))  # word i runs from ends[2i] to ends[2i + 1]
    for index in compress(range(len(words)), map(triggers_of.__getitem__, words)):
        start = max(0, ends[2 * index] - REACH_BEFORE)
        end = min(size, ends[2 * index + 1] + REACH_AFTER)
        for name in triggers_of[words[index]]:
            near[name].append((start, end))  # in order of their starts
    windows = {name: _merged(stretches) for name, stretches in near.items()}
    for name, trigger in _TEXT_TRIGGERS.items():
        windows[name] = _merged((max(0, found.start() - REACH_BEFORE),
                                 min(size, found.end() + REACH_AFTER))
                                for found in trigger.finditer(text))
    for name, (first, second) in _BOTH_TRIGGERS.items():
        windows[name] = _overlaps(windows[first], windows[second])
    return windows


def _merged(stretches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches in order of their starts, merged where they meet."""
    merged: list[tuple[int, int]] = []
    for start, end in stretches:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _overlaps(first: list[tuple[int, int]],
              second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of text inside both lists of merged windows (no two of them meet, so an
    expression inside windows of both lies inside one of these)."""
    both: list[tuple[int, int]] = []
    index = other = 0
    while index < len(first) and other < len(second):
        start = max(first[index][0], second[other][0])
        end = min(first[index][1], second[other][1])
        if start < end:
            both.append((start, end))
        if first[index][1] < second[other][1]:
            index += 1
        else:
            other += 1
    return both


@dataclass
class Mention:
    """One time expression found by the grammar, before it is given a value."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    type: str = "DATE"
    value: str | None = None
    priority: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def find_mentions(text: str) -> list[Mention]:
    """Every time expression of the grammar, longest first, none overlapping another."""
    candidates = _candidates(text)
    candidates.sort(key=lambda m: (-(m.end - m.start), m.priority, m.start))
    taken: list[Mention] = []
    starts: list[int] = []  # the taken mentions' starts, sorted: they never overlap
    for mention in candidates:
        index = bisect_right(starts, mention.start)
        if index and taken[index - 1].end > mention.start:
            continue  # the one starting at or before it reaches into it
        if index < len(taken) and taken[index].start < mention.end:
            continue  # the next one starts inside it
        if _plausible(text, mention):
            taken.insert(index, mention)
            starts.insert(index, mention.start)
    return taken


def _candidates(text: str, windowed: bool = True) -> list[Mention]:
    """Every match of every pattern, each pattern run only within reach of its triggers (or,
    `windowed=False`, over the whole text: the same matches, slower)."""
    candidates: list[Mention] = []
    windows = _windows(text) if windowed else None
    for priority, (kind, pattern) in enumerate(_COMPILED):
        stretches = windows[_TRIGGER_OF_PATTERN[priority]] if windows is not None \
            else [(0, len(text))]
        for window_start, window_end in stretches:
            for match in prefiltered_finditer(pattern, text, window_start, window_end):
                groups = match.groupdict()
                start, end = match.span("body") if groups.get("body") else match.span(1)
                if end > start:
                    candidates.append(Mention(start, end, kind, groups, priority=priority))
    return candidates


_CURRENCY_AFTER = re.compile(r"\s*(?:%|percent|per\s?cent)", re.IGNORECASE)




def _plausible(text: str, mention: Mention) -> bool:
    """Reject grammar matches that are clearly something else (a count, a price, a verb)."""
    snippet = text[mention.start:mention.end]
    after = text[mention.end:mention.end + 12]
    if mention.kind == "year":
        if _CURRENCY_AFTER.match(after):
            return False
        before = text[max(0, mention.start - 4):mention.start]
        if re.search(r"(?:No\.|#|\$|€|£)\s*$", before):
            return False
    if mention.kind == "month" and snippet in ("May", "March") and not mention.groups.get("edge"):
        # "may" the modal and "march" the walk: a bare month needs a preposition before it
        before = text[max(0, mention.start - 12):mention.start].lower()
        if not re.search(r"(?:in|of|since|until|till|by|from|during|before|after|early|late|"
                         r"mid-?|last|next|this|through|to)\s+$", before):
            return False
    season = mention.groups.get("season") or ""
    if mention.kind == "season" and season[:1].isupper() and not mention.groups.get("year") \
            and (re.match(r"\s+[A-Z]", after) or (not mention.groups.get("rel") and re.search(
                r"(?<![.!?]\s)\b(?!(?:In|The|This|Last|Next|Early|Late|By|Since|During|Until|"
                r"Through|From|Each|Every|That)\s)[A-Z][\w'’-]*\s+$",
                text[max(0, mention.start - 30):mention.start]))):
        return False  # a name: "the Winter Palace", "the Summer Olympics", "the Prague
        # Spring", "the Arab Spring"
    if mention.kind == "decade" and mention.groups.get("decade", "")[:1] in "23456789" and \
            re.search(r"(?:their|his|her|in\s+the|early|late|mid-?)\s*$",
                      text[max(0, mention.start - 10):mention.start]) and \
            not mention.groups.get("decade", "").startswith(("19", "20", "'")):
        # "in their 70s" is an age, "the 70s" a decade: only the latter after "the"
        return bool(re.search(r"the\s+$", text[max(0, mention.start - 5):mention.start]))
    if mention.kind == "duration" and mention.groups.get("unit"):
        unit = mention.groups["unit"].lower()
        number = (mention.groups.get("num") or "").lower()
        if unit.startswith("second") and number in ("a", "an"):
            return False  # "a second plane": an ordinal
        if unit.startswith("quarter") and (number in ("a", "an", "three") or
                                           re.match(r"\s+of", after)):
            return False  # "a quarter of its dealers": a fraction
    return not (mention.kind == "reference" and snippet.lower() == "recent" and
                re.search(r"most\s+$", text[max(0, mention.start - 6):mention.start]))


# ----------------------------------------------------------------------------- numbers


def parse_number(text: str) -> float | None:
    """'three' -> 3, 'twenty-five' -> 25, '2.5' -> 2.5, 'two and a half' -> 2.5; vague -> None."""
    text = " ".join(text.lower().split())
    half = 0.0
    if text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], 0.5
    if text in VAGUE_NUMBERS:
        return None
    try:
        return float(text.replace(",", "")) + half
    except ValueError:
        pass
    if text in NUMBERS:
        return NUMBERS[text] + half
    hundreds, hundred, rest = text.partition("hundred")
    if hundred and (hundreds or rest):  # "two hundred", "one hundred and seventy"
        times = parse_number(hundreds.strip()) if hundreds.strip() else 1
        rest = rest.strip().removeprefix("and ").strip()
        more = parse_number(rest) if rest else 0
        if times is None or more is None or more >= 100:
            return None
        return times * 100 + more + half
    if "-" in text:
        parts = text.split("-")
        if all(part in NUMBERS for part in parts):
            return sum(NUMBERS[part] for part in parts) + half
    return None


def _amount(number: float | None) -> str:
    if number is None:
        return "X"
    return str(int(number)) if number == int(number) else f"{number:g}"


def duration_value(number: float | None, unit_word: str) -> str:
    """An ISO 8601 / TIMEX3 duration: P3D, P18M, PT12H, P10Y (a decade), PXY (vague)."""
    unit_word = unit_word.lower().removesuffix("s")
    if unit_word == "centurie":
        unit_word = "century"
    code = UNITS[unit_word]
    if code == "DE":
        return f"P{_amount(number * 10)}Y" if number is not None else "PXDE"
    if code == "CE":
        return f"P{_amount(number * 100)}Y" if number is not None else "PXCE"
    if code == "FN":
        return f"P{_amount(number * 2)}W" if number is not None else "PXW"
    if code in ("S", "TM", "H"):
        return f"PT{_amount(number)}{code[-1]}"
    return f"P{_amount(number)}{code}"


# ----------------------------------------------------------------------------- tense


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause a time expression sits in (walking up the parse)."""
    seen = 0
    while not token.tag_.startswith("VB") and token.head.i != token.i and seen < 12:
        token = token.head
        seen += 1
    return token if token.tag_.startswith("VB") or token.tag_ == "MD" else None


def verb_tense(verb: Token, depth: int = 0) -> str:
    """"past", "future", "perfect", "present" or "nearest" (an infinitive under a past verb)."""
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.lower_ for aux in auxes}
    if words & {"will", "'ll", "shall", "wo", "ll"}:
        return "future"
    if any(aux.tag_ == "MD" for aux in auxes):
        return "past" if words & {"have", "'ve"} else "future"
    if "to" in words:
        head = verb.head
        if head.lemma_ == "go" and head.tag_ == "VBG":
            return "future"
        if head is not verb and head.tag_.startswith("VB") and depth < 3:
            return "future" if verb_tense(head, depth + 1) in ("present", "future") else "nearest"
        return "future"
    present = verb.tag_ in ("VBZ", "VBP") or any(aux.tag_ in ("VBZ", "VBP") for aux in auxes)
    if present and not words & {"has", "have", "'s", "'ve"} and (
            (verb.tag_ == "VBN" and verb.lemma_.lower() in PROSPECTIVE_VERBS)
            or any(child.dep_ in ("acomp", "oprd") and child.lemma_.lower() in PROSPECTIVE_VERBS
                   for child in verb.children)):
        return "future"  # "is scheduled for Feb. 14", "is due on Monday": a plan looks ahead
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxes):
        return "past"
    if verb.tag_ == "VBN":
        return "perfect" if words & {"has", "have", "'s", "'ve"} else "past"
    return "present"


def tense_at(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "none"
    verb = governing_verb(span.root)
    return verb_tense(verb) if verb is not None else "none"


# ----------------------------------------------------------------------------- calendars


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def weekday_date(anchor: date, weekday: int, direction: str) -> date:
    """The date of a weekday (1 = Monday) near the anchor, looking in a tense's direction."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction == "past":
        return anchor - timedelta(days=back)
    if direction == "future":
        return anchor + timedelta(days=ahead)
    if direction == "last":
        return anchor - timedelta(days=back or 7)
    if direction == "next":
        return anchor + timedelta(days=ahead or 7)
    if direction == "this":
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    return anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead)


def month_year(anchor: date, month: int, direction: str) -> int:
    """The year of a year-less month: the latest on or before the anchor in the past..."""
    if direction == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    diff = month - anchor.month
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


def month_day_date(anchor: date, month: int, day: int, direction: str) -> date | None:
    """The nearest sensible year for a year-less date, in the tense's direction."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if direction == "past":
        before = [d for d in options if d <= anchor]
        if before:
            return max(before)
    if direction == "future":
        after = [d for d in options if d >= anchor]
        if after:
            return min(after)
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor))


def shift(anchor: date, unit: str, amount: int) -> str:
    """The anchor moved by whole units, at that unit's granularity."""
    unit = unit.lower().removesuffix("s")
    if unit == "centurie":
        unit = "century"
    if unit == "day":
        return (anchor + timedelta(days=amount)).isoformat()
    if unit in ("week", "weekend", "fortnight"):
        days = 14 * amount if unit == "fortnight" else 7 * amount
        week = iso_week(anchor + timedelta(days=days))
        return week + "-WE" if unit == "weekend" else week
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, amount)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, month = add_months(anchor.year, anchor.month, 3 * amount)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + amount:04d}"
    if unit == "decade":
        return f"{(anchor.year + 10 * amount) // 10:03d}"
    if unit == "century":
        return f"{(anchor.year + 100 * amount) // 100:02d}"
    if unit in ("hour", "minute", "second"):
        return anchor.isoformat()
    raise ValueError(unit)


def parse_anchor(value: str | None) -> date | None:
    """A full calendar date to resolve against, or None (missing or partial)."""
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# ----------------------------------------------------------------------------- normalising


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 50 else 1900
    return year


def _rel_year(rel: str | None, anchor: date | None, fallback_year: str | None) -> str | None:
    """The year of 'this/last/next year' (or a stated one); None when it cannot be known."""
    if fallback_year:
        return fallback_year
    if anchor is None:
        return None
    rel = (rel or "this").lower()
    return str(anchor.year + {"last": -1, "next": 1}.get(rel, 0))


class Resolver:
    """Gives each mention its type and value, against the anchor and the clause's tense."""

    def __init__(self, anchor: date | None, doc: Doc | None, text: str) -> None:
        self.anchor = anchor
        self.doc = doc
        self.text = text
        self.reference: str | None = anchor.isoformat() if anchor else None
        self.last_value: str | None = None

    def tense(self, mention: Mention) -> str:
        if self.doc is None:
            return "none"
        return tense_at(self.doc, mention.start, mention.end)

    def direction(self, mention: Mention, day_level: bool) -> str:
        tense = self.tense(mention)
        if tense == "past":
            return "past"
        if tense == "future":
            return "future"
        if tense == "perfect" and not day_level:
            return "past"
        return "nearest"

    def resolve(self, mention: Mention) -> None:
        handler = getattr(self, "_" + mention.kind)
        handler(mention, mention.groups)

    # absolute ----------------------------------------------------------------------

    def _date(self, m: Mention, g: dict) -> None:
        try:
            value = date(int(g["year"]), _month(g["month"]) if not g["month"].isdigit()
                         else int(g["month"]), _day(g["day"]))
        except ValueError:
            m.value = None
            return
        m.value = value.isoformat()

    def _date_us(self, m: Mention, g: dict) -> None:
        try:
            m.value = date(_full_year(g["year"]), int(g["month"]), int(g["day"])).isoformat()
        except ValueError:
            m.value = None

    def _month_day(self, m: Mention, g: dict) -> None:
        month, day = _month(g["month"]), _day(g["day"])
        narrative = m.extra.get("narrative")
        if narrative is not None:  # a story's year (`_story_time`)
            try:
                m.value = date(narrative, month, day).isoformat()
            except ValueError:
                m.value = None
            return
        if self.anchor is None:
            m.value = f"XXXX-{month:02d}-{day:02d}"
            return
        found = month_day_date(self.anchor, month, day, self.direction(m, day_level=True))
        m.value = found.isoformat() if found else None

    def _month_year(self, m: Mention, g: dict) -> None:
        year = _rel_year(g.get("rel"), self.anchor, g.get("year"))
        m.value = f"{year or 'XXXX'}-{_month(g['month']):02d}"

    def _month(self, m: Mention, g: dict) -> None:
        month = _month(g["month"])
        narrative = m.extra.get("narrative")
        if narrative is not None:
            m.value = f"{narrative:04d}-{month:02d}"
            return
        if self.anchor is None:
            m.value = f"XXXX-{month:02d}"
            return
        of_year = _OF_YEAR.match(self.text, m.end)
        if of_year:  # "October of next year": two expressions, one year
            year = self.anchor.year + {"last": -1, "next": 1}.get(of_year.group(1).lower(), 0)
        else:
            year = month_year(self.anchor, month, self.direction(m, day_level=False))
        m.value = f"{year:04d}-{month:02d}"

    def _year(self, m: Mention, g: dict) -> None:
        half = re.search(r"(first|second)\s+half", g.get("edge") or "", re.IGNORECASE)
        m.value = g["year"] if half is None else \
            f"{g['year']}-H{1 if half[1].lower() == 'first' else 2}"  # "the first half of 2023"

    def _fiscal(self, m: Mention, g: dict) -> None:
        # TIMEX3 has no fiscal-year value: the year that names it is the nearest honest one
        m.value = f"{_full_year(g['year'])}"

    def _decade(self, m: Mention, g: dict) -> None:
        digits = g["decade"].lstrip("'")
        if len(digits) == 2:
            digits = ("20" if digits in ("00", "10") else "19") + digits
        m.value = digits[:3]

    def _quarter(self, m: Mention, g: dict) -> None:
        ordinal = g["ord"].lower()
        anchor = self.anchor
        current = (anchor.month - 1) // 3 + 1 if anchor else None
        if ordinal in ("last", "previous", "current", "this", "next", "same") and not g.get(
                "year") and not g.get("rel"):
            if anchor is None:
                m.value = "XXXX-QX"
                return
            delta = {"last": -1, "previous": -1, "next": 1}.get(ordinal, 0)
            m.value = shift(anchor, "quarter", delta)
            return
        number = ORDINALS.get(ordinal) or (int(ordinal) if ordinal.isdigit() else 4)
        year = _rel_year(g.get("rel"), anchor, g.get("year"))
        if year is None:
            m.value = f"XXXX-Q{number}"
            return
        if not g.get("year") and not g.get("rel") and anchor is not None:
            direction = self.direction(m, day_level=False)
            if direction == "past" and number > current:
                year = str(anchor.year - 1)
            elif direction == "future" and number < current:
                year = str(anchor.year + 1)
        m.value = f"{year}-Q{number}"

    def _half(self, m: Mention, g: dict) -> None:
        year = _rel_year(g.get("rel"), self.anchor, g.get("year")) or "XXXX"
        m.value = f"{year}-H{1 if g['ord'].lower() == 'first' else 2}"

    def _season(self, m: Mention, g: dict) -> None:
        code = SEASONS[g["season"].lower()]
        rel = (g.get("rel") or "").lower()
        if g.get("year"):
            m.value = f"{g['year']}-{code}"
            return
        narrative = m.extra.get("narrative")
        if narrative is not None:
            m.value = f"{narrative:04d}-{code}"
            return
        if self.anchor is None:
            m.value = f"XXXX-{code}"
            return
        year = self.anchor.year
        if rel in ("last", "next"):
            year += -1 if rel == "last" else 1
        elif rel != "this":
            direction = self.direction(m, day_level=False)
            start = SEASON_MONTH[code]
            if direction == "past" and start > self.anchor.month:
                year -= 1
            elif direction == "future" and start + 2 < self.anchor.month:
                year += 1
        m.value = f"{year}-{code}"

    # days ----------------------------------------------------------------------------

    def _weekday(self, m: Mention, g: dict) -> None:
        weekday = WEEKDAYS[g["weekday"].lower()]
        part = g.get("part")
        if part:
            m.type = "TIME"
        if self.anchor is None:
            m.value = f"XXXX-WXX-{weekday}"
            if part:
                m.value += "T" + PARTS_OF_DAY[part.lower()]
            return
        rel = (g.get("rel") or "").lower()
        if rel in ("last", "past"):
            direction = "last"
        elif rel in ("next", "coming"):
            direction = "next"
        elif rel == "this":
            direction = "this"
        else:
            direction = self.direction(m, day_level=True)
        value = weekday_date(self.anchor, weekday, direction).isoformat()
        m.value = value + ("T" + PARTS_OF_DAY[part.lower()] if part else "")

    def _today(self, m: Mention, g: dict) -> None:
        word = g["word"].lower()
        part = (g.get("part") or "").lower()
        if word == "tonight":
            part = "night"
        if part:
            m.type = "TIME"
        if self.anchor is None:
            m.value = "XXXX-XX-XX" + (f"T{PARTS_OF_DAY[part]}" if part else "")
            return
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        value = (self.anchor + timedelta(days=offset)).isoformat()
        m.value = value + (f"T{PARTS_OF_DAY[part]}" if part else "")

    def _ref_day(self, m: Mention, g: dict) -> None:
        reference = parse_anchor(self.reference)
        if reference is None:
            m.value = "XXXX-XX-XX"
            return
        offset = {"next": 1, "following": 1, "previous": -1}.get(g["word"].lower(), 0)
        m.value = (reference + timedelta(days=offset)).isoformat()

    def _clock(self, m: Mention, g: dict) -> None:
        m.type = "TIME"
        if g.get("named"):
            hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}[
                g["named"].lower()]
        else:
            hour, minute = int(g["hour"]), int(g.get("minute") or 0)
            ampm = (g.get("ampm") or "").lower()
            if ampm.startswith("p") and hour < 12:
                hour += 12
            elif ampm.startswith("a") and hour == 12:
                hour = 0
        zone = (g.get("tz") or "").strip(" ()").lower()
        suffix = "Z" if zone.startswith(UTC_ZONES) and not re.search(r"[+-]", zone) else ""
        day = m.extra.get("day")
        if day is None and g.get("dayword"):
            day = self._day_of(g["dayword"], m)
        if day is None:
            day = m.extra.get("context_day") or (self.anchor.isoformat() if self.anchor else
                                                 "XXXX-XX-XX")
        m.value = f"{day}T{hour:02d}:{minute:02d}{suffix}"

    def _day_of(self, word: str, m: Mention) -> str | None:
        word = word.lower()
        if self.anchor is None:
            return f"XXXX-WXX-{WEEKDAYS[word]}" if word in WEEKDAYS else "XXXX-XX-XX"
        if word in WEEKDAYS:
            return weekday_date(self.anchor, WEEKDAYS[word],
                                self.direction(m, day_level=True)).isoformat()
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return (self.anchor + timedelta(days=offset)).isoformat()

    # relative periods --------------------------------------------------------------------

    def _relative(self, m: Mention, g: dict) -> None:
        unit = g["unit"].lower()
        rel = (g.get("rel") or "this").lower()
        if rel in ("past", "coming"):
            # "the past year" is a stretch of time, "last year" a date
            m.type = "DURATION"
            m.value = duration_value(1, unit)
            return
        if self.anchor is None:
            m.value = {"year": "XXXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(
                unit, "XXXX-XX-XX" if unit not in ("week", "weekend") else "XXXX-WXX")
            return
        delta = {"last": -1, "previous": -1, "before": -1, "earlier": -1, "next": 1,
                 "following": 1}.get(rel, 0)
        m.value = shift(self.anchor, unit, delta)

    def _ago(self, m: Mention, g: dict) -> None:
        number = parse_number(g["num"])
        unit = g["unit"]
        direction = " ".join(g["dir"].lower().split())
        if direction in ("after", "later", "before", "earlier") and not unit.lower().startswith(
                "day"):
            # "three years after it was due": a stretch of time, not a date
            m.type = "DURATION"
            m.value = duration_value(number, unit)
            m.end = m.start + len(self.text[m.start:m.end].rsplit(None, 1)[0])
            return
        if direction not in ("ago", "from now", "hence"):
            # "a day after": the span is the stretch ("a day"); its value the day it names
            m.end = m.start + len(self.text[m.start:m.end].rsplit(None, 1)[0])
        if number is None:
            m.value = "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF"
            return
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        if direction in ("ago", "from now", "hence"):
            base = self.anchor
        elif m.extra.get("after_date"):
            base = parse_anchor(m.extra["after_date"])  # "a day after May 11"
        else:
            base = parse_anchor(self.reference)
            if direction in ("after", "before") or re.match(r"\s+than", self.text[m.end:]):
                # "A day after Kiev unleashed warplanes, the miners marched": the clause it
                # heads is the earlier event; the expression dates the narrated one
                sign = 0
        if base is None:
            m.value = _UNKNOWN_AT.get(unit.lower().removesuffix("s"), "XXXX")
            return
        if number != int(number):
            m.type = "DATE"
            m.value = shift(base, "year" if "year" in unit.lower() else unit,
                            sign * round(number))
            return
        m.value = shift(base, unit, sign * int(number))

    def _anaphor(self, m: Mention, g: dict) -> None:
        """'the year before', 'the following month', 'that day': counted from the time the text
        last named, when it named one in this sentence or the one before ('cut costs last year,
        $19.8 billion more than the year previous' is the year before last year); with none,
        'the year before' counts from the anchor as 'last year' does and 'that day' stays
        unresolved (no mention: better none than a guess)."""
        antecedent = m.extra.get("antecedent")
        if g.get("that"):
            unit = g["that"].lower()
            if antecedent:
                m.value = _at_granularity(antecedent, unit)
                m.type = "TIME" if m.value and "T" in m.value else "DATE"
            return
        unit = g["unit"].lower()
        delta = 1 if g["rel"].lower() in ("following", "after", "next") else -1
        if g["rel"].lower() == "next" and self.tense(m) != "past":
            antecedent = None  # "the next year will be hard": the article's next year; "the
            # next year, Germany reunified" is the story's
        base = _antecedent_date(antecedent, unit) if antecedent else None
        if base is None:
            base = self.anchor
        if base is None:
            m.value = _UNKNOWN_AT.get(unit, "XXXX")
            return
        m.value = shift(base, unit, delta)

    def _same_period(self, m: Mention, g: dict) -> None:
        """'the same period last year': the period last talked about, a year back."""
        last = self.last_value
        if last and re.match(r"\d{4}(?:-|$)", last) and not last.startswith("P"):
            m.value = f"{int(last[:4]) - 1:04d}{last[4:10]}"
        elif self.anchor is not None:
            m.value = str(self.anchor.year - 1)
        else:
            m.value = "XXXX"

    def _whole(self, m: Mention, g: dict) -> None:
        last = self.last_value if self.last_value and re.match(r"\d{4}", self.last_value) \
            else (self.anchor.isoformat() if self.anchor else None)
        if last is None:
            m.value = "XXXX" if g["unit"].lower() == "year" else "XXXX-XX"
            return
        m.value = last[:4] if g["unit"].lower() == "year" else last[:7]

    def _month_week(self, m: Mention, g: dict) -> None:
        month = _month(g["month"])
        year = month_year(self.anchor, month, self.direction(m, day_level=False)) \
            if self.anchor else None
        if year is None:
            m.value = f"XXXX-{month:02d}-WXX"
            return
        ordinal = g["ord"].lower()
        if ordinal in ("last", "final"):
            last_day = (date(*add_months(year, month, 1), 1) - timedelta(days=1)).day
            m.value = iso_week(date(year, month, last_day - 3))
        else:
            m.value = iso_week(date(year, month, 4 + 7 * (ORDINALS[ordinal] - 1)))

    def _part_of_day(self, m: Mention, g: dict) -> None:
        m.type = "TIME"
        day = m.extra.get("context_day") or self.reference or "XXXX-XX-XX"
        m.value = f"{day}T{PARTS_OF_DAY[g['part'].lower()]}"

    def _duration(self, m: Mention, g: dict) -> None:
        m.type = "DURATION"
        number = parse_number(g["num"]) if g.get("num") else None
        if g.get("num") and g["num"].lower() == "half":
            number = 0.5
            unit = g["unit"].lower()
            if unit == "hour":
                m.value = "PT30M"
                return
        m.value = duration_value(number, g["unit"])

    def _set(self, m: Mention, g: dict) -> None:
        m.type = "SET"
        if g.get("word"):
            m.value = SET_WORDS[g["word"].lower()]
            return
        if g.get("weekday"):  # "every Monday", "on Mondays"
            m.value = f"XXXX-WXX-{WEEKDAYS[g['weekday'].lower()]}"
            return
        if g.get("part"):  # "every morning"
            m.value = f"XXXX-XX-XXT{PARTS_OF_DAY[g['part'].lower()]}"
            return
        if g.get("other"):  # "every other week"
            m.value = duration_value(2, g["other"])
            return
        number = parse_number(g["num"]) if g.get("num") else 1
        m.value = duration_value(number or 1, g["unit"])

    def _reference(self, m: Mention, g: dict) -> None:
        m.value = REFERENCES[" ".join(g["word"].lower().split())]


_OF_YEAR = re.compile(r"\s+of\s+(this|last|next)\s+year", re.IGNORECASE)
_UNKNOWN_AT = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}


_GRANULARITY = {"year": r"\d{4}", "quarter": r"\d{4}-(?:\d\d|Q[1-4])",
                "month": r"\d{4}-\d\d", "week": r"\d{4}-(?:\d\d-\d\d|W\d\d)",
                "day": r"\d{4}-\d\d-\d\d", "time": r"\d{4}-\d\d-\d\d(?:T.*)?|\d{4}(?:-\d\d)?"}
"""What an antecedent's value must start with to name a period of this unit."""


def _at_granularity(value: str, unit: str) -> str | None:
    """The antecedent's value cut to `unit` ('that year' after '2011-06-10' is 2011), or None
    when the antecedent is coarser than the unit ('that day' after '2011')."""
    found = re.match(_GRANULARITY[unit], value)
    if found is None:
        return None
    if unit == "week" and "W" not in found.group():
        return iso_week(date.fromisoformat(found.group()))
    if unit == "time":
        return value
    return found.group() if unit != "quarter" or "Q" in found.group() else \
        f"{value[:4]}-Q{(int(value[5:7]) - 1) // 3 + 1}"


def _antecedent_date(value: str, unit: str) -> date | None:
    """A date inside the antecedent's period to count `unit`s from, or None when the antecedent
    is coarser than the unit ('the month before' after '2011' is not known)."""
    if re.match(_GRANULARITY[unit], value) is None:
        return None
    if re.match(r"\d{4}-W\d\d", value):
        return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    if re.match(r"\d{4}-Q[1-4]", value):
        return date(int(value[:4]), 3 * int(value[6]) - 2, 1)
    year = int(value[:4])
    month = int(value[5:7]) if re.match(r"\d{4}-\d\d", value) else 1
    day = int(value[8:10]) if re.match(r"\d{4}-\d\d-\d\d", value) else 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _link_context(text: str, mentions: list[Mention]) -> None:
    """Give clock times the day beside them and relative days the date they count from."""
    for index, mention in enumerate(mentions):
        if mention.kind == "clock" and not mention.groups.get("dayword"):
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            if following is not None and following.value and re.fullmatch(
                    r",?\s*(?:on\s+)?", text[mention.end:following.start]) and \
                    re.fullmatch(r"\d{4}-\d\d-\d\d|XXXX-.*", following.value):
                mention.extra["day"] = following.value
        if mention.kind == "ago":
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            if following is not None and following.value and re.fullmatch(
                    r"\s*(?:the\s+)?", text[mention.end:following.start]) and \
                    re.fullmatch(r"\d{4}-\d\d-\d\d", following.value):
                mention.extra["after_date"] = following.value


_FIRST_PASS = {"date", "date_us", "month_day", "month_year", "month", "year", "fiscal",
               "decade", "quarter", "half", "season", "weekday", "today", "relative",
               "duration", "set", "reference"}
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
# The contract's TIMEX3 value syntax (../shared/contract/document.schema.json, timex_value).
_CLOCK = (r"T(([01][0-9]|2[0-4])(:[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?|MO|MI|AF|EV|NI|DT)"
          r"(Z|[+-][0-9]{2}(:?[0-9]{2})?)?")
TIMEX3_VALUE = re.compile(
    r"PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?=[0-9X]|T[0-9X])(([0-9]+([.][0-9]+)?|X+)(Y|M|W|D|DE|CE|ML|Q|H))*"
    r"(T(([0-9]+([.][0-9]+)?|X+)[HMS])+)?"
    r"|[0-9X]{2,4}(-((0[1-9]|1[0-2]|XX)(-(0[1-9]|[12][0-9]|3[01]|XX))?"
    r"|W(0[1-9]|[1-4][0-9]|5[0-3]|XX)(-([1-7]|X|WE))?|SP|SU|FA|WI|Q[1-4X]|H[12X]))?"
    rf"({_CLOCK})?"
    rf"|{_CLOCK}"
)


def counted(doc: Doc, mention: Mention, year: int = 2000) -> bool:
    """Is a bare year-like number a quantity by the parse? A count of the noun after it, after a
    verb or a quantifier ("contains 1694 kcal", "more than 1600 civilians"; not "the 2016
    election" or "in 2014 elections"), or what a measure noun measures ("a total score of
    2072", "of 2072 points")."""
    span = doc.char_span(mention.start, mention.end)
    if span is None or len(span) != 1:
        return False
    token = span[0]
    head = token.head
    if year < 1600 and token.dep_ in ("nummod", "quantmod") and head.lower_ not in WEEKDAYS:
        return True  # "in 1200 homes": an old year is a year only where nothing is counted
        # ("Palm Sunday 1461" counts no Sundays)
    if token.dep_ == "nummod" and head.i == token.i + 1 and head.pos_ == "NOUN" and token.i:
        # counted after a verb or a quantifier ("contains 1694 kcal", "more than 1600");
        # after anything else ("the liberal internationalist 2011 intervention", "and 2014
        # Olympic silver medallist", a sentence's start) it stays a year
        before = doc[token.i - 1]
        if before.dep_ == "quantmod" or before.pos_ in ("VERB", "AUX"):
            return True
        token = head  # "a total score of 2072 points": the measure's counted noun
        head = token.head
    return (token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN"
            and head.head.lemma_.lower() in MEASURE_NOUNS)


ANAPHOR_REACH = 1
"""Sentences back an anaphoric time ('the year before', 'that day') looks for the time it
counts from: its own and the one before."""


def normalise(text: str, anchor: date | None, doc: Doc | None = None,
              stories: list[list[int]] | None = None) -> list[Mention]:
    """Find every time expression of `text` and give it a type and a TIMEX3 value; `stories`,
    if given, receives the stretches told of long ago, `[start, end, year]` in characters
    (`_story_time`)."""
    mentions = find_mentions(text)
    if doc is not None:
        mentions = [m for m in mentions if not (m.kind == "year" and not m.groups.get("edge")
                                                and counted(doc, m, int(m.groups["year"])))]
    resolver = Resolver(anchor, doc, text)
    sentences = _sentence_bounds(doc, text)
    for mention in mentions:
        if mention.kind in _FIRST_PASS:
            resolver.resolve(mention)
    _link_context(text, mentions)
    last_day: str | None = None
    last_day_sentence = last_value_sentence = -1
    narrative: int | None = None  # the year of the story the text tells (`_story_time`)
    told = 0  # where the story's paragraph last named a time
    opening: bool | None = None  # does the article's first date start a story
    stretches: list[list[int]] = []  # [start, end, year] of each stretch of a story
    started: Mention | None = None  # the "N years ago" that just began one
    for mention in mentions:
        sentence = _sentence_of(sentences, mention.start)
        if narrative is not None and not opening and "\n" in text[told:mention.start]:
            narrative = None  # a story's year holds within its paragraph, unless the
            # article opens on it (a battle's centenary, a castle's history)
            stretches[-1][1] = text.index("\n", told)
        if narrative is not None and _yearless(mention) and resolver.tense(mention) == "past" \
                and not _DEICTIC_BEFORE.search(text, max(0, mention.start - 12), mention.start):
            mention.extra["narrative"] = narrative
            resolver.resolve(mention)
        if mention.kind not in _FIRST_PASS:
            if mention.kind in ("clock", "part_of_day") and last_day and (
                    last_day_sentence == sentence or (
                        narrative is not None and last_day.startswith(f"{narrative:04d}"))):
                mention.extra["context_day"] = last_day
            if mention.kind == "anaphor" and resolver.last_value and \
                    sentence - last_value_sentence <= ANAPHOR_REACH:
                mention.extra["antecedent"] = resolver.last_value
            resolver.resolve(mention)
        if mention.value and mention.type in ("DATE", "TIME") and mention.value[:1].isdigit():
            resolver.last_value = mention.value
            last_value_sentence = sentence
        if mention.value and _DAY_VALUE.fullmatch(mention.value[:10]) and mention.kind not in (
                "clock",) and not (narrative is not None and _quoted(text, mention.start)):
            last_day, last_day_sentence = mention.value[:10], sentence
            resolver.reference = last_day
        if started is not None and anchor is not None and mention.kind == "today" and \
                (mention.groups.get("word") or "").lower() == "today" and \
                not text[started.end:mention.start].strip():
            # "A hundred years ago today": the day, a century back
            started.value = date(int(started.value or 0), anchor.month, min(
                anchor.day, 28 if anchor.month == 2 else anchor.day)).isoformat()
            started.end, mention.value = mention.end, None
            if narrative is not None:  # the story's day; "Two years ago today" is no story
                last_day = resolver.reference = started.value
        elif started is not None and anchor is not None and mention.kind == "relative" and \
                (mention.groups.get("rel") or "").lower() == "this" and \
                (mention.groups.get("unit") or "").lower() in ("week", "month") and \
                not text[started.end:mention.start].strip():
            # "Fifty years ago this week": that week, half a century back
            year = int(started.value or 0)
            that_day = date(year, anchor.month, min(anchor.day, 28 if anchor.month == 2
                                                    else anchor.day))
            started.value = iso_week(that_day) if mention.groups["unit"].lower() == "week" \
                else f"{year:04d}-{anchor.month:02d}"
            started.end, mention.value = mention.end, None
        started = None
        if mention.value and narrative is not None and (
                (told > 0 and not text[told:mention.start].strip())
                or _quoted(text, mention.start) or (mention.value == "PRESENT_REF"
                                                    and resolver.tense(mention) == "past")):
            told = mention.end  # a time qualifying the story's ("170 years ago this week"),
            # a speaker's of the story ('"something wrong with our ships today"', Beatty
            # said), the story's own now ("the landowners who now saw a waste of money")
        elif mention.value:
            was = narrative
            narrative, told = _story_time(mention, anchor, doc, narrative), mention.end
            if mention.kind == "ago" and re.fullmatch(r"\d{4}", mention.value) and (
                    narrative is None or narrative != was):
                started = mention  # a year N years ago, a story begun then (maybe "today",
                # "this week")
            if opening is None and mention.value[:1].isdigit() and \
                    mention.kind not in _STORY_NEUTRAL:
                opening = narrative is not None  # the article's first date starts a story
            if narrative != was:
                begun = min(sentences[sentence], mention.start) if narrative is not None \
                    and sentence < len(sentences) else mention.start
                if was is not None and stretches[-1][1] > begun:
                    stretches[-1][1] = begun
                if narrative is not None:
                    stretches.append([begun, len(text), narrative])
    if stories is not None:
        stories.extend(stretches)
    found = [mention for mention in mentions if mention.value]
    ranges = _ranges(text, found)
    return sorted(found + ranges, key=lambda m: (m.start, -m.end)) if ranges else found


_TIME_NOUNS = frozenset(UNITS) | frozenset(PARTS_OF_DAY) | frozenset(SEASONS)
"""Nouns of a stretch of time, whose "of" names a date: "the early hours of 23 July 1916"."""
_DEICTIC_BEFORE = re.compile(r"\b(?:last|next|this|coming|past)\s+$", re.IGNORECASE)
"""A word before a month that counts it from the article's date ("sold it last March")."""


def _quoted(text: str, offset: int) -> bool:
    """Is the offset inside a quotation its paragraph opened (an odd number of quotation
    marks before it)?"""
    paragraph = text.rfind("\n", 0, offset) + 1
    before = text[paragraph:offset]
    return (before.count('"') + before.count("\u201c") + before.count("\u201d")) % 2 == 1


def _yearless(mention: Mention) -> bool:
    """A month, a day of a month or a season that names no year of its own ("In June", "on 4
    August", "that summer"): its year is the story's."""
    groups = mention.groups
    return mention.kind in ("month", "month_day") or (
        mention.kind == "season" and not groups.get("year") and not _deictic(mention))


def _deictic(mention: Mention) -> bool:
    """Is the mention counted from the article's date by a word of its own ("last spring",
    "next quarter"; not "the spring", "early summer")?"""
    return (mention.groups.get("rel") or "").lower() in ("this", "last", "next", "coming",
                                                         "past", "previous", "current")


def _dates_a_clause(doc: Doc, start: int, end: int) -> bool:
    """Is the time at these characters an adverbial of a clause ("In 1683, the army marched",
    "fell on 4 August 1914", "would change in 2016"), not a noun's modifier ("a 1761 work",
    "the 1994 genocide")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    for _ in range(4):
        if root.dep_ in ("nummod", "compound", "appos") and root.head.lower_ in MONTHS:
            root = root.head  # "the last week of February 1848": the year of the month
        if root.dep_ in ("npadvmod", "advmod") and root.head.pos_ in ("VERB", "AUX"):
            return True
        if root.dep_ != "pobj" or root.head.dep_ != "prep":
            return False
        holder = root.head.head
        if holder.pos_ in ("VERB", "AUX") or (
                root.head.is_sent_start and root.head.lower_ in ("in", "on", "during")):
            return True  # a sentence's opening "In the early hours of 13 February 1692, ..."
            # dates its clause wherever the parser hangs it
        if (holder.like_num or holder.pos_ == "NUM") and holder.dep_ in ("pobj", "npadvmod"):
            root = holder  # "at about 2:20 in the afternoon of 31 May 1916"
            continue
        if holder.lemma_.lower() not in _TIME_NOUNS:
            return False  # "the revolution of 1830", "his role in the 1994 genocide"
        root = holder  # "in the early hours of 23 July 1916", "in the summer of 1848"
    return False


def _story_time(mention: Mention, anchor: date | None, doc: Doc | None,
                narrative: int | None) -> int | None:
    """The year a story is told in after this mention. A year of its own `STORY_AGE` years
    or more before the article's that dates a clause ("In the spring of 1644, ...", "on 1 July
    1916") starts a story told in the past; a time counted from the article's date ("last
    week", "on Tuesday", "today") or a nearer year ends it ("Russia invaded in February 2022.
    In June, its forces struck ..." written in 2024 is news of this June); anything else (a
    stretch, a month of the story's, a year naming a thing) leaves it as it was. So "In June,
    a Parliamentarian force arrived" is June 1644, as HeidelTime reads a narrative's
    underspecified dates; news reads them from its own date, as it does."""
    if anchor is None or mention.kind in _STORY_NEUTRAL or "narrative" in mention.extra:
        return narrative
    if mention.kind == "ago" and (mention.groups.get("dir") or "").lower() not in (
            "ago", "from now", "hence"):
        return narrative  # "relieved six weeks later": later than the story's time
    value = mention.value or ""
    if mention.kind in _COUNTED_FROM_THE_ARTICLE and not (
            mention.kind == "ago" and re.fullmatch(r"\d{4}", value) and anchor.year - int(
                value) >= STORY_AGE):  # "One hundred and seventy years ago, Paris rose"
        return None
    if _deictic(mention):
        return None
    year = re.match(r"\d{4}", value)
    if year is None or _yearless(mention):
        return narrative
    if anchor.year - int(year[0]) < STORY_AGE:
        return None
    if doc is not None and not _dates_a_clause(doc, mention.start, mention.end):
        return narrative  # "a 1761 work"
    return int(year[0])


STORY_AGE = 30
"""Years before the article's a year must lie to start a story told of long ago (a castle's
siege, a battle of 1916): a generation, further back than a news story's background (a war
begun in 2014, a deal signed in 2020), whose year-less months stay the article's."""


_COUNTED_FROM_THE_ARTICLE = frozenset({"today", "weekday", "relative", "ago", "reference",
                                       "same_period"})
"""Kinds of time counted from the article's own date: they bring a story back to it."""
_STORY_NEUTRAL = frozenset({"duration", "set", "clock", "part_of_day", "anaphor", "ref_day",
                            "whole"})
"""Kinds that tell no year of their own or count from the time last named ("the following
month", "the next day"): a story's time goes on through them."""


_RANGE_OPEN = re.compile(r"(?:(?<=\W)|^)(?P<word>from|between)\s+$", re.IGNORECASE)
_RANGE_JOIN = {"from": re.compile(r"\s+(?:to|through|until|till)\s+|\s*[-–]\s*", re.IGNORECASE),
               "between": re.compile(r"\s+and\s+", re.IGNORECASE)}
_RANGE_FORMS = ((re.compile(r"\d{4}-\d\d"), "M"), (re.compile(r"\d{4}"), "Y"))
"""Years and months: a range of days counts them inclusively or not as the writer means."""


def _ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """A stretch between two dates of one granularity ("from 2009 to 2011", "between May 2014
    and June 2016") is also a DURATION over the whole phrase, as ISO-TimeML annotates a range
    beside its two ends (the ends keep their own DATEs); its value counts the units between."""
    found = []
    for first, second in pairwise(mentions):
        if first.type != "DATE" or second.type != "DATE":
            continue
        opening = _RANGE_OPEN.search(text, max(0, first.start - 10), first.start)
        if opening is None or not _RANGE_JOIN[opening.group("word").lower()].fullmatch(
                text, first.end, second.start):
            continue
        amount = _between(first.value or "", second.value or "")
        if amount is not None:
            found.append(Mention(opening.start(), second.end, "range", {}, "DURATION", amount))
    return found


def _between(start: str, end: str) -> str | None:
    """P<n>Y or P<n>M from one year or month value to a later one of the same form, else None."""
    for form, unit in _RANGE_FORMS:
        if form.fullmatch(start) and form.fullmatch(end):
            if unit == "Y":
                amount = int(end) - int(start)
            else:
                amount = (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7])
            return f"P{amount}{unit}" if amount > 0 else None
    return None


def _sentence_bounds(doc: Doc | None, text: str) -> list[int]:
    if doc is not None and doc.has_annotation("SENT_START"):
        return [sentence.start_char for sentence in doc.sents]
    return [0] + [match.end() for match in re.finditer(r"[.!?]\s+|\n+", text)]


def _sentence_of(starts: list[int], offset: int) -> int:
    index = 0
    for position, start in enumerate(starts):
        if start <= offset:
            index = position
        else:
            break
    return index


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,":
        start += 1
    while end > start and text[end - 1] in " \t\n,.":
        end -= 1
    return start, end


class TimeStage:
    """TIMEX3 time expressions with types and values resolved against the publication date
    (`doc._.anchor_date`, written by the published stage), written to `doc._.times`, and the
    stretches told of long ago, to `doc._.stories`."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.text
        anchor = date.fromisoformat(doc._.anchor_date) if doc._.anchor_date else None
        times = []
        stories: list[list[int]] = []
        for mention in normalise(text, anchor, doc, stories):
            start, end = _trim(text, mention.start, mention.end)
            if end <= start:
                continue
            if not mention.value or not TIMEX3_VALUE.fullmatch(mention.value):
                continue  # the contract admits TIMEX3 values only: better none than a bad one
            times.append({"start": start, "end": end, "text": text[start:end],
                          "value": mention.value, "type": mention.type})
        doc._.times = times
        doc._.stories = stories
        return doc


def iter_values(text: str, anchor: date | None) -> Iterator[tuple[str, str]]:
    """(text, value) pairs without a parse (tense unknown): for quick checks and the CLI."""
    for mention in normalise(text, anchor):
        yield text[mention.start:mention.end], mention.value or ""
