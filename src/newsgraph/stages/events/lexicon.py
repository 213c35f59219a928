"""The event stage's vocabulary, read once from the data files in `newsgraph/data/events/`.

The files are read by the shared reader of `newsgraph.lexicons` (its row reader, its table that
refuses a key defined twice, its word lists with '+NAME'); this module adds the event stage's
own tables on top of it. It exposes every word class under the name the stage's code uses
(`WEAPONS`, `SPEECH_VERBS`, ...), with the sense tables of verbs and nouns built from them. The
verbs of saying are shared with the quote stage (`data/lexicons/speech.tsv`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from newsgraph.lexicons import SPEECH_VERBS as SPEECH_VERBS
from newsgraph.lexicons import LexiconError, rows, table, word_lists
from newsgraph.lexicons import word_set as word_set
from newsgraph.ontology import PLOVER_TYPES

Sense = tuple[str, str | None]
"""A PLOVER (type, mode) reading of a trigger; the mode may be None."""

FOLDER = "events"
"""The folder of `newsgraph/data/` that holds the event stage's own files."""
OWN_FILES = ("lexicons.tsv", "verbs.tsv", "nouns.tsv", "noun_modifiers.tsv", "roles.tsv",
             "numbers.tsv")
"""The event stage's own data files, written for it."""
PETRARCH_FILES = ("agents.tsv", "actors.tsv.gz", "harmless_causes.tsv")
"""The tables derived from PETRARCH2's dictionaries by the scripts in `tools/`: the two actor
tables, which `actors` reads, and the causes of harm that make no attack, read here."""
LEXICON_FILES = OWN_FILES + PETRARCH_FILES
"""Every data file of `newsgraph/data/events/`."""


def _path(name: str) -> str:
    return f"{FOLDER}/{name}"


def _sense(event_type: str, mode: str, where: str) -> Sense:
    """A (type, mode) of a data row ('-': no mode); a type PLOVER does not have is refused."""
    if event_type not in PLOVER_TYPES:
        raise LexiconError(f"{where}: {event_type!r} is not a PLOVER event type")
    return event_type, None if mode == "-" else mode


def lexicons() -> dict[str, frozenset[str]]:
    """Name -> words of lexicons.tsv; '+NAME' brings in an earlier lexicon's words."""
    return word_lists(_path("lexicons.tsv"))


def _senses(where: str, fields: list[str]) -> Iterator[tuple[str, Sense]]:
    event_type, mode, lemmas = fields
    sense = _sense(event_type, mode, where)
    return ((lemma, sense) for lemma in lemmas.split())


@cache
def verb_senses() -> dict[str, Sense]:
    """Lemma ('blow up', written 'blow_up') -> the sense of a verb its arguments never change."""
    senses = table(_path("verbs.tsv"), ("type", "mode", "lemmas"), _senses)
    return {lemma.replace("_", " "): sense for lemma, sense in senses.items()}


@cache
def noun_senses() -> dict[str, Sense]:
    """Event noun lemma -> its sense."""
    return table(_path("nouns.tsv"), ("type", "mode", "lemmas"), _senses)


def _modified(where: str, fields: list[str]) -> Iterator[tuple[tuple[str, str], Sense | None]]:
    noun, modifiers, event_type, mode = fields
    sense = None if event_type == "-" else _sense(event_type, mode, where)
    return (((noun, modifier), sense) for modifier in modifiers.split())


@cache
def noun_modifiers() -> dict[tuple[str, str], Sense | None]:
    """(noun, modifier) -> what the modified noun is (None: no event): 'hunger strike'."""
    return table(_path("noun_modifiers.tsv"), ("noun", "modifiers", "type", "mode"), _modified)


@cache
def role_classes() -> dict[str, str]:
    """Role nominal -> the role it names ('head' and 'leader' are one)."""
    return table(_path("roles.tsv"), ("role", "words"),
                 lambda where, fields: ((word, fields[0]) for word in fields[1].split()))


@cache
def number_words() -> dict[str, int]:
    """Number word -> its value, for counts written out ('twelve protesters')."""
    return table(_path("numbers.tsv"), ("word", "value"),
                 lambda where, fields: [(fields[0], int(fields[1]))])


@cache
def harmless_causes() -> tuple[frozenset[str], dict[str, frozenset[tuple[str, ...]]]]:
    """What makes a verb of harm no attack, from PETRARCH2's null-coded patterns
    (tools/derive_harmless_causes.py): the doers ("earthquake"), and per preposition the
    phrases of a cause ("in" -> "accident", "training accident"), each as its words."""
    doers: set[str] = set()
    causes: dict[str, set[tuple[str, ...]]] = {}
    for _where, (role, prep, phrase) in rows(_path("harmless_causes.tsv"),
                                              ("role", "prep", "phrase")):
        if role == "doer":
            doers.add(phrase)
        else:
            causes.setdefault(prep, set()).add(tuple(phrase.split()))
    return frozenset(doers), {prep: frozenset(found) for prep, found in causes.items()}


_LEXICONS = lexicons()

# -- who and what an event's arguments are
WEAPONS = _LEXICONS["WEAPONS"]
RIOT_CONTROL = _LEXICONS["RIOT_CONTROL"]
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
NOT_CUSTODY = _LEXICONS["NOT_CUSTODY"]
CUSTODY = _LEXICONS["CUSTODY"]
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
# SPEECH_VERBS, imported above, is shared with the quote stage (data/lexicons/speech.tsv)
REPORT_VERBS = _LEXICONS["REPORT_VERBS"]
REPORT_NOUNS = _LEXICONS["REPORT_NOUNS"]
DENIED_CLAIMS = _LEXICONS["DENIED_CLAIMS"]
HARM_VERBS = _LEXICONS["HARM_VERBS"]
KILL_LEMMAS = _LEXICONS["KILL_LEMMAS"]
GATHERING_VERBS = _LEXICONS["GATHERING_VERBS"]
STATE_VERBS = _LEXICONS["STATE_VERBS"]
MOTION_VERBS = _LEXICONS["MOTION_VERBS"]
COMMERCE_VERBS = _LEXICONS["COMMERCE_VERBS"]
INSTRUMENT_VERBS = _LEXICONS["INSTRUMENT_VERBS"]
INTENT_WORDS = _LEXICONS["INTENT_WORDS"]
EFFORT_VERBS = _LEXICONS["EFFORT_VERBS"]
CONTEST_MARGINS = _LEXICONS["CONTEST_MARGINS"]
INTENT_NOUNS = _LEXICONS["INTENT_NOUNS"]
TRANSPARENT_NOUNS = _LEXICONS["TRANSPARENT_NOUNS"]
HYPOTHETICAL_WORDS = _LEXICONS["HYPOTHETICAL_WORDS"]
WISH_WORDS = _LEXICONS["WISH_WORDS"]
# -- function words
HYPOTHETICAL_MODALS = _LEXICONS["HYPOTHETICAL_MODALS"]
HYPOTHETICAL_ADVERBS = _LEXICONS["HYPOTHETICAL_ADVERBS"]
FREQUENCY_ADVERBS = _LEXICONS["FREQUENCY_ADVERBS"]
LONG_SPANS = _LEXICONS["LONG_SPANS"]
SHARED_KNOWLEDGE = _LEXICONS["SHARED_KNOWLEDGE"]
AMOUNT_VERBS = _LEXICONS["AMOUNT_VERBS"]
LASTING_CONFLICTS = _LEXICONS["LASTING_CONFLICTS"]
TEXT_NOUNS = _LEXICONS["TEXT_NOUNS"]
COMPELLING_ACTS = _LEXICONS["COMPELLING_ACTS"]
BLOCKABLE = _LEXICONS["BLOCKABLE"]
MARKET_NOUNS = _LEXICONS["MARKET_NOUNS"]
TEAM_NOUNS = _LEXICONS["TEAM_NOUNS"]
ENDING_VERBS = _LEXICONS["ENDING_VERBS"]
UNDERTAKING_VERBS = _LEXICONS["UNDERTAKING_VERBS"]
RESULT_WORDS = _LEXICONS["RESULT_WORDS"]
COMPETITION_NOUNS = _LEXICONS["COMPETITION_NOUNS"]
CONTEST_NOUNS = _LEXICONS["CONTEST_NOUNS"]
SELF_EXPLODING = _LEXICONS["SELF_EXPLODING"]
WORKPLACES = _LEXICONS["WORKPLACES"]
NATURAL_FORCES = _LEXICONS["NATURAL_FORCES"]
NAME_LINKS = _LEXICONS["NAME_LINKS"]
WORK_KINDS = _LEXICONS["WORK_KINDS"]
BURST_STUFF = _LEXICONS["BURST_STUFF"]
ACCIDENT_NOUNS = _LEXICONS["ACCIDENT_NOUNS"]
ANIMALS = _LEXICONS["ANIMALS"]
RECENT_WORDS = _LEXICONS["RECENT_WORDS"]
TIME_UNITS = _LEXICONS["TIME_UNITS"]
INTENT_MODALS = _LEXICONS["INTENT_MODALS"]
TEMPORAL_PREPS = _LEXICONS["TEMPORAL_PREPS"]
TIME_CLAUSE_MARKS = _LEXICONS["TIME_CLAUSE_MARKS"]
CAUSE_CLAUSE_MARKS = _LEXICONS["CAUSE_CLAUSE_MARKS"]
UNREACHED_MARKS = _LEXICONS["UNREACHED_MARKS"]
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
HARMLESS_DOERS, HARMLESS_CAUSES = harmless_causes()
NUMBER_WORDS = number_words()
