"""The dateline: where (and often when) a news story was filed, at the head of its text.

"KHARKIV, Ukraine (AP) —", "LOS ANGELES (AP) —", "MOSCOW, May 28, 2014 (Reuters) -",
"Paris (AFP) -". One rule, written here once, read by every stage that needs it: the entity
stage files the place under its whole name, the published stage reads the date, the events
stage takes the place as where events without a place of their own happened.

The rule: at the start of one of the article's first lines, a place, perhaps qualifiers after
commas (a region, a country, a date, a year: ", Ukraine", ", Ill.", ", May 28, 2014"), then an
agency in brackets or a dash. The place is in capitals ("MOSCOW"); a place written like a
name ("Paris") needs the agency in brackets, since a headline may also start with a name and
a dash. A headline listing names ("NATO, EU warn ...") has lower-case words after its comma,
and so no dateline shape.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.lookups import Lookups
from spacy.tokens import Doc, Token

from newsgraph.config import stage_defaults
from newsgraph.places import gazetteer

_QUALIFIER = (r"(?:[A-Z][\w.'’]*(?:[ \t]+(?:(?:of|the|and|de|del|da|do|du|la|al|el)[ \t]+)?"
              r"(?:[A-Z][\w.'’]*|\d{1,4}))*|\d{4})")
"""A region, a country or a date after the place: capitalised words, which a name's small
words may join ("Democratic Republic of Congo", "Rio de Janeiro"), or a year."""
_QUALIFIERS = (rf"(?:[ \t]*,[ \t]*(?P<qualifier>{_QUALIFIER})"
               rf"(?:[ \t]*,[ \t]*(?P<qualifier2>{_QUALIFIER}))?)?")
_AGENCY = r"\((?P<agency>[^()\n]{1,40})\)"
_DASH = r"(?:--|[–—]|(?<=[ \t])[-\ufffd](?=[ \t]))"
"""A dash: a double hyphen or a long dash anywhere, a hyphen (or an undecodable dash) between
spaces ("ISRAEL-GAZA" is a name, not a place and a dash)."""
DATELINES = (
    re.compile(rf"[ \t]*(?P<place>[A-Z][A-Z.'’/\- ]*[A-Z.]){_QUALIFIERS}"
               rf"[ \t]*(?:{_AGENCY}(?:[ \t]*{_DASH})?|{_DASH})"),
    re.compile(rf"[ \t]*(?P<place>[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+){{0,3}}){_QUALIFIERS}"
               rf"[ \t]*{_AGENCY}[ \t]*(?:--?|[–—\ufffd])"),
)
"""The two shapes of a dateline: a place in capitals, or a name-cased one with an agency."""
COLON_DATELINE = re.compile(
    rf"[ \t]*(?P<place>[A-Z][A-Z.'’/\- ]{{2,}}[A-Z.]){_QUALIFIERS}[ \t]*:[ \t]+")
"""A place in capitals and a colon ("NEW DELHI: The government said ..."), as many outlets
write it; a dateline only when the gazetteer knows the place or its qualifier well and the
place is no country (`_known_place`: "UPDATE:", "POLL:", "CHINA:" head topics), and of four
letters or more ("US:", "UK:")."""


def _first_lines(text: str, count: int) -> list[int]:
    """Offsets of the first `count` lines of the text that are not blank."""
    offsets = []
    for match in re.finditer(r"^[ \t]*\S", text, re.MULTILINE):
        offsets.append(match.start())
        if len(offsets) == count:
            break
    return offsets


def find_dateline(text: str, lines: int | None = None) -> dict[str, Any] | None:
    """The dateline opening one of the first `lines` lines, as character spans:
    {"start", "end", "place": [s, e], "qualifiers": [[s, e], ...], "agency": [s, e] | None}."""
    for offset in _first_lines(text, lines or stage_defaults("dateline")["lines"]):
        for pattern in (*DATELINES, COLON_DATELINE):
            match = pattern.match(text, offset)
            if match is None or (pattern is COLON_DATELINE and not _known_place(match)):
                continue
            start = match.start("place")
            return {
                "start": start,
                "end": match.end(),
                "place": list(match.span("place")),
                "qualifiers": [list(match.span(group)) for group in ("qualifier", "qualifier2")
                               if match.group(group)],
                "agency": list(match.span("agency")) if match.groupdict().get("agency") else None,
            }
    return None


def _known_place(match: re.Match[str]) -> bool:
    """Does the gazetteer know the dateline's place well, or a qualifier of it, and is the
    place no country ("CHINA:" heads a topic, as "POLL:" or "GOLD:", small towns' names,
    do)?"""
    places = gazetteer()
    place = places.best(match.group("place"), Counter())
    if place is not None and place.level == "country":
        return False
    return any(match.group(group) and places.is_strong(match.group(group))
               for group in ("place", "qualifier", "qualifier2"))


class DatelineStage:
    """Writes `doc._.dateline` (or None) for the stages after it."""

    def __init__(self, lines: int | None = None) -> None:
        self.lines = lines or stage_defaults("dateline")["lines"]

    def __call__(self, doc: Doc) -> Doc:
        doc._.dateline = find_dateline(doc._.text, self.lines)
        return doc


class StoryCase:
    """Tags the story's first word after a dateline as the common noun it is. The tagger
    reads a capitalised word after "CITY -" as a name ("KABUL - Gunmen attacked", "BAZARAK,
    Afghanistan - Avalanches buried": NNP, lemma "Avalanches"), and the stages after it
    would miss the avalanche and the gunmen. A plural of a noun the lemmatizer's own index
    knows, not a place or a people ("MANILA - Philippines", "RIYADH - Saudis"), and not the
    first word of a longer name ("KYIV - Kings College"), is one. Runs before the parser
    (which reads no tags), so the lemmatizer after it lemmatises the noun."""

    def __init__(self, lookups: Lookups) -> None:
        index = lookups.get_table("lemma_index", {})
        self.nouns = frozenset(index.get("noun", ()))
        self.rules = list(lookups.get_table("lemma_rules", {}).get("noun", ()))
        self.exceptions = lookups.get_table("lemma_exc", {}).get("noun", {})

    def __call__(self, doc: Doc) -> Doc:
        dateline = doc._.dateline
        if dateline is None:
            return doc
        first = next((token for token in doc if token.idx >= dateline["end"]
                      and not token.is_space), None)
        if first is not None and self._a_plural_noun(first):
            first.tag_, first.pos_ = "NNS", "NOUN"
        return doc

    def _a_plural_noun(self, word: Token) -> bool:
        if word.tag_ not in ("NNP", "NNPS") or not word.text[:1].isupper() or \
                word.text.isupper() or (word.i + 1 < len(word.doc) and
                                        word.doc[word.i + 1].text[:1].isupper()):
            return False
        lower = word.lower_
        singular = [*self.exceptions.get(lower, ()), *(
            lower[:-len(old)] + new for old, new in self.rules
            if old and lower.endswith(old) and len(lower) > len(old))]
        if not any(form != lower and form in self.nouns for form in singular):
            return False
        places = gazetteer()
        return not places.candidates(word.text) and places.demonym(word.text) is None
