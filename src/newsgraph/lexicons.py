"""Word lists read from the data files of `newsgraph/data/`, each defined once, read once.

Words live in data files, not in code, so that a word list is defined in one place, carries
its source and licence in the header of its file, and can be reviewed as data. This module is
the one reader of those files: the row reader, the table that refuses a key defined twice, and
the shapes of file the stages share: word lists (`name<TAB>words<TAB>note`, where a word
'+NAME' brings in the words of a list defined above it), phrase tables
(`table<TAB>phrase<TAB>value`: phrases may hold spaces) and word pairs (`head<TAB>words`). Every
reader is cached, so a file is read once per process.

Below the readers, the stages' shared vocabulary (`data/lexicons/`) is exposed under the names
the stages' code uses (`SPEECH_VERBS`, `MONTHS`, `GENERIC_WORDS`, ...). The event stage's own
tables (`data/events/`) are built on these readers by `newsgraph.stages.events.lexicon`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

WORD_LIST_COLUMNS = ("name", "words", "note")
"""The columns of a word-list file (speech, entities, quotes, places; events/lexicons.tsv)."""
PHRASE_TABLE_COLUMNS = ("table", "phrase", "value")
"""The columns of a phrase-table file (times.tsv): phrases with spaces, each with a value."""
NO_VALUE = "-"
"""The value of a phrase that has none ('a few' counts nothing exactly)."""


class LexiconError(ValueError):
    """A data file is malformed or defines something twice."""


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list, for a rule's own few words ('asylum refuge')."""
    return frozenset(text.split())


def _read_text(path: str) -> str:
    """The text of `newsgraph/data/<path>`: the one place a data file is read."""
    return (resources.files("newsgraph") / "data" / path).read_text("utf-8")


def rows(path: str, columns: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    """('path:line', fields) of each row of a data file, without its # comments."""
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where, fields = f"{path}:{number}", line.split("\t")
        if len(fields) != len(columns):
            raise LexiconError(f"{where}: want {', '.join(columns)}; found {len(fields)} fields")
        yield where, fields


def table(path: str, columns: tuple[str, ...],
          entries: Callable[[str, list[str]], Iterable[tuple[K, V]]]) -> dict[K, V]:
    """A data file as a dict of the (key, value) entries of its rows, in file order. A key
    defined twice is refused: the second definition would silently win (or lose)."""
    found: dict[K, V] = {}
    defined_at: dict[K, str] = {}
    for where, fields in rows(path, columns):
        for key, value in entries(where, fields):
            if key in defined_at:
                raise LexiconError(f"{where}: {key!r} is already defined at {defined_at[key]}")
            defined_at[key] = where
            found[key] = value
    return found


@cache
def word_lists(path: str) -> dict[str, frozenset[str]]:
    """Name -> words of a word-list file; '+NAME' brings in an earlier list's words."""
    found: dict[str, frozenset[str]] = {}

    def entry(where: str, fields: list[str]) -> Iterator[tuple[str, frozenset[str]]]:
        name, text, _note = fields
        words: set[str] = set()
        for word in text.split():
            if not word.startswith("+"):
                words.add(word)
            elif word[1:] in found:
                words |= found[word[1:]]
            else:
                raise LexiconError(f"{where}: {word} names no lexicon defined above")
        found[name] = frozenset(words)  # for the lists after it
        yield name, found[name]

    return table(path, WORD_LIST_COLUMNS, entry)


@cache
def phrase_tables(path: str) -> dict[str, dict[str, str]]:
    """Table name -> {phrase: value} of a phrase-table file, phrases in file order (a table may
    be a regex alternation, where order can matter). A (table, phrase) pair stands in one row."""
    entries = table(path, PHRASE_TABLE_COLUMNS,
                    lambda where, fields: [((fields[0], fields[1]), fields[2])])
    tables: dict[str, dict[str, str]] = {}
    for (name, phrase), value in entries.items():
        tables.setdefault(name, {})[phrase] = value
    return tables


@cache
def word_pairs(path: str) -> frozenset[tuple[str, str]]:
    """(head, word) pairs of a pair file: a head, then the words it pairs with (space-separated).
    A pair stands in one row."""
    return frozenset(table(path, ("head", "words"), lambda where, fields: (
        ((fields[0], word), True) for word in fields[1].split())))


def _numbers(phrases: dict[str, str]) -> dict[str, int]:
    return {phrase: int(value) for phrase, value in phrases.items()}


def _valueless(phrases: dict[str, str]) -> tuple[str, ...]:
    """The phrases of a table that gives them no value ('-'), in file order."""
    valued = [phrase for phrase, value in phrases.items() if value != NO_VALUE]
    if valued:
        raise LexiconError(f"{valued!r} have a value in a table of phrases without one")
    return tuple(phrases)


# ----------------------------------------------------------------------------- shared vocabulary

# -- speech.tsv: the verbs of saying of the quote and event stages, defined once for both
_SPEECH = word_lists("lexicons/speech.tsv")
SPEECH_VERBS = _SPEECH["SPEECH_VERBS"]
EVENT_CUE_VERBS = _SPEECH["EVENT_CUE_VERBS"]
OTHER_CUE_VERBS = _SPEECH["OTHER_CUE_VERBS"]
SPEECH_CUE_VERBS = _SPEECH["SPEECH_CUE_VERBS"]

# -- entities.tsv: the entity stage's titles, place-name words and vocabulary of state action
_ENTITIES = word_lists("lexicons/entities.tsv")
HONORIFICS = _ENTITIES["HONORIFICS"]
PERSON_TITLES = _ENTITIES["PERSON_TITLES"]
GENERIC_WORDS = _ENTITIES["GENERIC_WORDS"]
AGENTIVE_VERBS = _ENTITIES["AGENTIVE_VERBS"]
ADDRESSED_VERBS = _ENTITIES["ADDRESSED_VERBS"]
RELATION_NOUNS = _ENTITIES["RELATION_NOUNS"]
RELATION_PREPOSITIONS = _ENTITIES["RELATION_PREPOSITIONS"]
PRESSURE_NOUNS = _ENTITIES["PRESSURE_NOUNS"]
CLAIM_NOUNS = _ENTITIES["CLAIM_NOUNS"]
GOVERNMENT_NOUNS = _ENTITIES["GOVERNMENT_NOUNS"]
# verb_prepositions.tsv: verb + preposition whose object is a party ("called on Kyiv")
VERB_PREPOSITIONS = word_pairs("lexicons/verb_prepositions.tsv")

# -- quotes.tsv: the quote stage's cues, addressees and the words that say who a speaker is
_QUOTES = word_lists("lexicons/quotes.tsv")
NOMINAL_CONTENT_VERBS = _QUOTES["NOMINAL_CONTENT_VERBS"]
ADDRESSEE_VERBS = _QUOTES["ADDRESSEE_VERBS"]
ADDRESSING_VERBS = _QUOTES["ADDRESSING_VERBS"]
CHANNEL_VERBS = _QUOTES["CHANNEL_VERBS"]
ISSUING_VERBS = _QUOTES["ISSUING_VERBS"]
EXPRESSED_NOUNS = _QUOTES["EXPRESSED_NOUNS"]
SPEECH_NOUNS = _QUOTES["SPEECH_NOUNS"]
DOCUMENT_NOUNS = _QUOTES["DOCUMENT_NOUNS"]
SIGN_NOUNS = _QUOTES["SIGN_NOUNS"]
ORG_NOUNS = _QUOTES["ORG_NOUNS"]
MALE_NOUNS = _QUOTES["MALE_NOUNS"]
FEMALE_NOUNS = _QUOTES["FEMALE_NOUNS"]
PERSON_NOUNS = _QUOTES["PERSON_NOUNS"]
MALE_NAMES = _QUOTES["MALE_NAMES"]
FEMALE_NAMES = _QUOTES["FEMALE_NAMES"]
PRONOUN_SPEAKERS = _QUOTES["PRONOUN_SPEAKERS"]

# -- places.tsv: words of a phrase that say what kind of place it names
_PLACES = word_lists("lexicons/places.tsv")
REGION_WORDS = _PLACES["REGION_WORDS"]
CITY_WORDS = _PLACES["CITY_WORDS"]

# -- times.tsv: the time stage's vocabulary, each phrase with its number or TIMEX3 code
_TIMES = phrase_tables("lexicons/times.tsv")
MONTHS = _numbers(_TIMES["MONTHS"])
WEEKDAYS = _numbers(_TIMES["WEEKDAYS"])
NUMBERS = _numbers(_TIMES["NUMBERS"])
VAGUE_NUMBERS = _valueless(_TIMES["VAGUE_NUMBERS"])
ORDINALS = _numbers(_TIMES["ORDINALS"])
UNITS = _TIMES["UNITS"]
PARTS_OF_DAY = _TIMES["PARTS_OF_DAY"]
SEASONS = _TIMES["SEASONS"]
REFERENCES = _TIMES["REFERENCES"]
SET_WORDS = _TIMES["SET_WORDS"]
MEASURE_NOUNS = _valueless(_TIMES["MEASURE_NOUNS"])
PROSPECTIVE_VERBS = _valueless(_TIMES["PROSPECTIVE_VERBS"])
