"""The event stage's vocabulary, read once from the data files in `newsgraph/data/events/`.

Words live in data files, not in code, so that a word list is defined in one place, carries
its source and licence in its header, and can be reviewed as data. This module reads them the
first time it is imported (each table is cached) and exposes every word class under the name
the stage's code uses (`WEAPONS`, `SPEECH_VERBS`, ...), with the sense tables of verbs and
nouns built from them. Each table refuses a name, lemma or pair defined twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

from newsgraph.ontology import PLOVER_TYPES

Sense = tuple[str, str | None]
"""A PLOVER (type, mode) reading of a trigger; the mode may be None."""

LEXICON_FILES = ("lexicons.tsv", "verbs.tsv", "nouns.tsv", "noun_modifiers.tsv", "roles.tsv",
                 "numbers.tsv")
"""The data files of `newsgraph/data/events/`, all read by this module."""


class LexiconError(ValueError):
    """A data file of the event stage is malformed or defines something twice."""


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list, for a rule's own few words ('asylum refuge')."""
    return frozenset(text.split())


def _read_text(name: str) -> str:
    return (resources.files("newsgraph") / "data" / "events" / name).read_text("utf-8")


def rows(name: str, columns: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    """('file:line', fields) of each row of a data file, without its # comments."""
    for number, line in enumerate(_read_text(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where, fields = f"{name}:{number}", line.split("\t")
        if len(fields) != len(columns):
            raise LexiconError(f"{where}: want {', '.join(columns)}; found {len(fields)} fields")
        yield where, fields


def _once(seen: dict[object, str], key: object, where: str) -> None:
    """Refuse a key a table already holds: a second definition would silently win or lose."""
    if key in seen:
        raise LexiconError(f"{where}: {key!r} is already defined at {seen[key]}")
    seen[key] = where


def _sense(event_type: str, mode: str, where: str) -> Sense:
    """A (type, mode) of a data row ('-': no mode); a type PLOVER does not have is refused."""
    if event_type not in PLOVER_TYPES:
        raise LexiconError(f"{where}: {event_type!r} is not a PLOVER event type")
    return event_type, None if mode == "-" else mode


@cache
def lexicons() -> dict[str, frozenset[str]]:
    """Name -> words of lexicons.tsv; '+NAME' brings in an earlier lexicon's words."""
    found: dict[str, frozenset[str]] = {}
    seen: dict[object, str] = {}
    for where, (name, text, _note) in rows("lexicons.tsv", ("name", "words", "note")):
        _once(seen, name, where)
        words: set[str] = set()
        for word in text.split():
            if not word.startswith("+"):
                words.add(word)
            elif word[1:] in found:
                words |= found[word[1:]]
            else:
                raise LexiconError(f"{where}: {word} names no lexicon defined above")
        found[name] = frozenset(words)
    return found


def _sense_rows(name: str) -> Iterator[tuple[Sense, list[str]]]:
    """(sense, lemmas) of verbs.tsv or nouns.tsv, each lemma in one row only."""
    seen: dict[object, str] = {}
    for where, (event_type, mode, text) in rows(name, ("type", "mode", "lemmas")):
        lemmas = text.split()
        for lemma in lemmas:
            _once(seen, lemma, where)
        yield _sense(event_type, mode, where), lemmas


@cache
def verb_senses() -> dict[str, list[Sense]]:
    """Lemma ('blow up' with a space) -> the senses of a verb its arguments never change."""
    found: dict[str, list[Sense]] = {}
    for sense, lemmas in _sense_rows("verbs.tsv"):
        for lemma in lemmas:
            found.setdefault(lemma.replace("_", " "), []).append(sense)
    return found


@cache
def noun_senses() -> dict[str, Sense]:
    """Event noun lemma -> its sense."""
    return {lemma: sense for sense, lemmas in _sense_rows("nouns.tsv") for lemma in lemmas}


@cache
def noun_modifiers() -> dict[tuple[str, str], Sense | None]:
    """(noun, modifier) -> what the modified noun is (None: no event): 'hunger strike'."""
    found: dict[tuple[str, str], Sense | None] = {}
    seen: dict[object, str] = {}
    columns = ("noun", "modifiers", "type", "mode")
    for where, (noun, text, event_type, mode) in rows("noun_modifiers.tsv", columns):
        sense = None if event_type == "-" else _sense(event_type, mode, where)
        for modifier in text.split():
            _once(seen, (noun, modifier), where)
            found[noun, modifier] = sense
    return found


@cache
def role_classes() -> dict[str, str]:
    """Role nominal -> the role it names ('head' and 'leader' are one)."""
    found: dict[str, str] = {}
    seen: dict[object, str] = {}
    for where, (role, text) in rows("roles.tsv", ("role", "words")):
        for word in text.split():
            _once(seen, word, where)
            found[word] = role
    return found


@cache
def number_words() -> dict[str, int]:
    """Number word -> its value, for counts written out ('twelve protesters')."""
    found: dict[str, int] = {}
    seen: dict[object, str] = {}
    for where, (word, value) in rows("numbers.tsv", ("word", "value")):
        _once(seen, word, where)
        found[word] = int(value)
    return found


_LEXICONS = lexicons()

# -- who and what an event's arguments are
WEAPONS = _LEXICONS["WEAPONS"]
FORCES = _LEXICONS["FORCES"]
VEHICLES = _LEXICONS["VEHICLES"]
ASSAULTABLE = _LEXICONS["ASSAULTABLE"]
PEACEKEEPERS = _LEXICONS["PEACEKEEPERS"]
AID_GOODS = _LEXICONS["AID_GOODS"]
TIES = _LEXICONS["TIES"]
RESTRICTIONS = _LEXICONS["RESTRICTIONS"]
ECONOMIC_RESTRICTIONS = _LEXICONS["ECONOMIC_RESTRICTIONS"]
SIEGES = _LEXICONS["SIEGES"]
PASSAGE = _LEXICONS["PASSAGE"]
CIVILIANS = _LEXICONS["CIVILIANS"]
CAPTIVES = _LEXICONS["CAPTIVES"]
PROPERTY = _LEXICONS["PROPERTY"]
TERRITORY = _LEXICONS["TERRITORY"]
AGREEMENTS = _LEXICONS["AGREEMENTS"]
TALKS = _LEXICONS["TALKS"]
COMMUNICATION_NOUNS = _LEXICONS["COMMUNICATION_NOUNS"]
ABSTRACT_TARGETS = _LEXICONS["ABSTRACT_TARGETS"]
ACTOR_NOUNS = _LEXICONS["ACTOR_NOUNS"]
OWNED_NOUNS = _LEXICONS["OWNED_NOUNS"]
CONCESSIONS = _LEXICONS["CONCESSIONS"]
WARNING_OBJECTS = _LEXICONS["WARNING_OBJECTS"]
DEMANDABLE = _LEXICONS["DEMANDABLE"]
BENEFACTIVE_NOUNS = _LEXICONS["BENEFACTIVE_NOUNS"]
FORCE_ADJECTIVES = _LEXICONS["FORCE_ADJECTIVES"]
COMMERCIAL_NOUNS = _LEXICONS["COMMERCIAL_NOUNS"]
COMMENTATOR_NOUNS = _LEXICONS["COMMENTATOR_NOUNS"]
# -- nouns that stand for another word of their phrase
LIGHT_NOUNS = _LEXICONS["LIGHT_NOUNS"]
QUANTITY_NOUNS = _LEXICONS["QUANTITY_NOUNS"]
EVENT_MEASURE_NOUNS = _LEXICONS["EVENT_MEASURE_NOUNS"]
NOUNS_NEEDING_MODIFIER = _LEXICONS["NOUNS_NEEDING_MODIFIER"]
# -- verbs and nouns that decide what a clause is
SUPPORT_VERBS = _LEXICONS["SUPPORT_VERBS"]
SPEECH_VERBS = _LEXICONS["SPEECH_VERBS"]
REPORT_VERBS = _LEXICONS["REPORT_VERBS"]
REPORT_NOUNS = _LEXICONS["REPORT_NOUNS"]
HARM_VERBS = _LEXICONS["HARM_VERBS"]
KILL_LEMMAS = _LEXICONS["KILL_LEMMAS"]
GATHERING_VERBS = _LEXICONS["GATHERING_VERBS"]
STATE_VERBS = _LEXICONS["STATE_VERBS"]
MOTION_VERBS = _LEXICONS["MOTION_VERBS"]
COMMERCE_VERBS = _LEXICONS["COMMERCE_VERBS"]
INSTRUMENT_VERBS = _LEXICONS["INSTRUMENT_VERBS"]
INTENT_WORDS = _LEXICONS["INTENT_WORDS"]
INTENT_NOUNS = _LEXICONS["INTENT_NOUNS"]
TRANSPARENT_NOUNS = _LEXICONS["TRANSPARENT_NOUNS"]
HYPOTHETICAL_WORDS = _LEXICONS["HYPOTHETICAL_WORDS"]
WISH_WORDS = _LEXICONS["WISH_WORDS"]
# -- function words
HYPOTHETICAL_MODALS = _LEXICONS["HYPOTHETICAL_MODALS"]
INTENT_MODALS = _LEXICONS["INTENT_MODALS"]
TEMPORAL_PREPS = _LEXICONS["TEMPORAL_PREPS"]
PURPOSE_MARKS = _LEXICONS["PURPOSE_MARKS"]
PHRASAL_PARTICLES = _LEXICONS["PHRASAL_PARTICLES"]
SCENE_PREPS = _LEXICONS["SCENE_PREPS"]
LOCATIVE_PREPS = _LEXICONS["LOCATIVE_PREPS"]
COUNT_HEDGES = _LEXICONS["COUNT_HEDGES"]

# -- the sense tables and the other word tables
VERB_SENSES = verb_senses()
NOUN_LEXICON = noun_senses()
NOUN_MODIFIERS = noun_modifiers()
ROLE_CLASSES = role_classes()
NUMBER_WORDS = number_words()
