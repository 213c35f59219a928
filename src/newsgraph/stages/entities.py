"""Entities: spaCy's NER corrected with a gazetteer, one entity per real thing in an article.

spaCy's small model calls Kiev and Luhansk people and misses Kyiv at the start of a sentence;
its output is corrected with evidence, in order:
1. mentions: spans rejoined over no-break spaces, and grown to the whole name the gazetteer
   knows ("Fort St." + "John"); curated aliases and strong gazetteer names relabel
   PERSON/ORG/PRODUCT spans as places unless the context says person (a title or a noun of kin
   before it, a first name, ", who" after it, an apposition to a noun of kin); a name that
   speaks ("Johnson said") is no place; a company or international body the PETRARCH actors
   dictionary lists is an organisation, not a person or a town ("Ryanair", "rivals Toyota");
   a one-word name the article also writes in lower case ("Spring") is no name; gazetteer
   places and demonyms spaCy missed are added (capitalised, proper-noun tagged, not inside a
   person's name); places and demonyms embedded
   in organisation names ("German" in "German Historical Institute") become mentions of their own,
   as news geoparsing counts them (one that turns out no place there is dropped: a fragment
   of the name, never a mention of anything else);
2. identity in the article: a surname or first name joins the one full name that has it
   (never when two people share it), an acronym joins the name it was introduced with
   ("..., or DNR", "Korean Central News Agency (KCNA)"), "the North" joins North Korea;
3. identity across articles: places get `geonames:<id>` (Kiev and Kyiv are one town), other
   entities `type:<canonical name>` through the curated alias table (DNR = DPR);
4. places on the map: every place and demonym resolved with the phrase ("Donetsk region"),
   the article's other places and then population; none for a small place whose country the
   article names nothing else in, nor for an acronym that spells a town ("the GAO"); a
   "place" no gazetteer knows whose first word is a first name is a person ("Helen Kunz"),
   and so is a name the article sets "herself" or "himself" after ("Georgia herself"); a
   degree after a person's name is no place ("Charles W. Murphy, M.D.");
5. from the parse: a capital that acts ("Kiev unleashed warplanes") is flagged on its mention
   as standing for its government ("metonymy": "government", "government": the country's
   entity id); a capital named as the counterpart in relations between states ("severed
   relations with Pyongyang") is a mention of the state itself, in the country's entity
   ("metonymy": "state", "capital": the town's entity id); a person's title or apposition
   ("separatist leader Denis Pushilin", "X, head of Y") is the mention's "role" (a span) and
   is listed in the entity's "roles".
Numeric and temporal labels (DATE, CARDINAL, MONEY ...) are not entities: times have their own
stage.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, TAG
from spacy.strings import hash_string
from spacy.symbols import nsubj
from spacy.tokens import Doc, Span, Token

from newsgraph.authors import NAME_PARTICLES
from newsgraph.config import stage_defaults
from newsgraph.doc import doc_text, set_span_values, write_entities
from newsgraph.lexicons import (
    ADDRESSED_VERBS,
    AGENTIVE_VERBS,
    CITY_WORDS,
    CLAIM_NOUNS,
    FEMALE_NAMES,
    GENERIC_WORDS,
    GOVERNMENT_NOUNS,
    HONORIFICS,
    MALE_NAMES,
    MONTHS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PRESSURE_NOUNS,
    REGION_WORDS,
    RELATION_NOUNS,
    RELATION_PREPOSITIONS,
    SPEECH_VERBS,
    VERB_PREPOSITIONS,
)
from newsgraph.ontology import ENTITY_TYPES
from newsgraph.petrarch import actor_classes
from newsgraph.places import (
    METROPOLIS_POPULATION,
    STRONG_CITY_POPULATION,
    Gazetteer,
    Place,
    fold_name,
    gazetteer,
    name_family,
    slug,
    within_km,
)

SURE_TOWN = 0.9
"""A town resolved with this confidence lends its region to the article's other towns."""
REGION_POINT_CONFIDENCE = 0.5
"""The confidence of a town the gazetteer lacks, put at the point of the region the text
places it in ("HOLLIDAY, Mo."): the region is sure, the point is not the town's."""
SMALL_PLACE_POPULATION = 20_000
"""A town or region smaller than this is known only with its country: the article must name
another place or people there before it is put on the map (`_unsupported_small_places`)."""
ENTITY_LABELS = frozenset(ENTITY_TYPES)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RELABELLED = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "NORP"})
"""Labels a gazetteer place name may be corrected from."""
CONTAINERS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
"""Labels whose names may hold a place of their own ("Chinese Academy of Sciences")."""

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"['’]s?$")
_ACRONYM = re.compile(r"[A-Z][A-Z.&]{1,7}")
_COMPASS = frozenset({"north", "south", "east", "west"})
_NSUBJ = numpy.uint64(nsubj)  # (a label of spaCy's own is its symbol's id in the arrays)
_SPEECH_VERB_LEMMAS = frozenset(hash_string(verb) for verb in SPEECH_VERBS)
"""The string-store hashes of the verbs of saying, as a Doc's LEMMA array holds them."""
_FIRST_NAMES = MALE_NAMES | FEMALE_NAMES
_APPOSITION_OPENERS = frozenset({",", "and", "or"})
"""The words before a name in apposition or coordinated with one ("daughters, Malia and
Sasha"): only after one of them is the parse asked."""
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "outside"})
_SAINTS = frozenset({"st", "saint", "ste"})
"""A saint's title: the name after it is a church's, a hospital's or a town's ("St. Michael's")."""
_KINDS_OF_PLACE = GENERIC_WORDS | REGION_WORDS | CITY_WORDS
"""Words that name a kind of place ("garden", "county", "city"): a name holding one is a
place's, whatever first name it starts with ("Rose Garden")."""
"""Prepositions of place: a well-known town's name right after one is the town's."""
# Capitals used as governments: the nouns whose object of each preposition is a party (the word
# lists are in data/lexicons/entities.tsv).
_RELATION_NOUNS_BY_PREPOSITION: dict[str, frozenset[str]] = {
    **{preposition: RELATION_NOUNS for preposition in RELATION_PREPOSITIONS},
    "on": PRESSURE_NOUNS, "from": CLAIM_NOUNS,
}


def _without_degrees(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions without a degree written after a person's name ("Charles W. Murphy,
    M.D.", "Jane Roe, D.C."): initials with full stops after a name and a comma are letters
    after the name, not Maryland or the District of Columbia ("Washington, D.C." follows a
    place, and "Emily Davis, U.S. Trade Representative" a title: both stay)."""
    ends = {m.end for m in mentions if m.label == "PERSON"}
    words = _words(doc)
    texts = words.texts
    return [m for m in mentions if not (
        m.label in PLACE_LABELS and m.start >= 2 and texts[m.start - 1] == ","
        and m.start - 1 in ends and _INITIALS.fullmatch(words.span_text(m.start, m.end))
        and not (m.end < len(texts) and texts[m.end][:1].isupper()))]  # "U.S. Senator"


def _common_words_starting_sentences(doc: Doc, mentions: list[Mention],
                                     names: Collection[str]) -> list[Mention]:
    """The mentions without the names that are common nouns capitalised by where they stand
    (one sense per discourse): a one-word person or thing (not a place: see
    `EntityStage._without_common_words`) that the article also writes as a common noun in
    lower case, and writes with a capital only at the start of a sentence or line, is that
    noun ("What is fentanyl? Fentanyl is ...", "Driver clocked doing 194kph" beside "the
    driver"). A word the article capitalises inside a sentence is a name there and everywhere
    ("Law said" beside "Judy Law" and "the law"); `names` (speakers, people the text calls
    "himself") stay names; a lower-case verb or adjective says nothing of a name ("Trump won"
    beside "to trump him", "Brown" beside "a brown envelope"); and an organisation is left
    alone, as a capital makes an institution of a common noun ("Parliament will reconvene"
    beside "the parliament building", "Labour won" beside "labour shortages")."""
    words = _words(doc)
    texts, tags = words.texts, words.tags
    by_word: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.label not in _INSTITUTION_OR_PLACE and mention.end - mention.start == 1:
            word = texts[mention.start]
            if word[:1].isupper() and word[1:].islower() and word.isalpha() \
                    and word not in names:
                by_word.setdefault(word, []).append(mention)
    if not by_word:
        return mentions
    written_lower = {texts[i].capitalize() for i in words.positions_of(
        {word.lower() for word in by_word})
        if tags[i] in ("NN", "NNS") or doc[i].dep_ in _NOUN_PHRASE_HEADS}  # "of fentanyl/JJ"
    common = {id(mention) for word in written_lower
              if all(_sentence_initial(doc, i) for i in words.positions_of((word,)))
              for mention in by_word[word]}
    return [m for m in mentions if id(m) not in common] if common else mentions


_INSTITUTION_OR_PLACE = PLACE_LABELS | {"ORG"}
_NOUN_PHRASE_HEADS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})
"""Roles only a noun phrase fills: a word the tagger does not know is a noun there."""


_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.){2,3}")
"""Initials each with its full stop, as degrees are written ("M.D.", "Ph.D.", "D.O.")."""


def _reflexive_people(doc: Doc) -> frozenset[str]:
    """Capitalised one-word names the article sets "herself" or "himself" right after
    ("Georgia herself is thrilled"): a person's, all through the article, whatever country or
    town shares the name (a state is "itself"). Not after a preposition: in "he grew up in
    Georgia himself" the reflexive is the subject's."""
    text = doc.text
    if "himself" not in text and "herself" not in text:
        return frozenset()  # most articles: no word to read
    words = _words(doc)
    texts = words.texts
    return frozenset(
        texts[i - 1] for i in range(1, len(texts))
        if words.lower(i) in _GENDERED_REFLEXIVES and texts[i - 1][:1].isupper()
        and texts[i - 1].isalpha() and words.before(i - 1) not in _PREPOSITIONS_BEFORE)


def _aged(words: _Words, start: int, end: int, known: Callable[[str], bool]) -> bool:
    """Is the name at words start..end given an age, as news gives a person's ("Carolina, age
    8", "Henrik, aged 9", "Rekan Saver, 20, before blows")? A bare number is an age only
    after a name neither the gazetteer nor the PETRARCH actors know (`known(name)`, asked
    only then), outside a list of such pairs: a number after a place or a party counts or
    measures ("Kenya, 12, and Ethiopia, 9, topped the medal table", "Fatah, 45, and Hamas,
    74, won seats", "France, 3,700 in Germany")."""
    texts = words.texts
    if end + 2 >= len(texts) or texts[end] != "," or words.before(start) in _PLACE_PREPOSITIONS:
        return False
    at = end + 1
    if texts[at].lower() in ("age", "aged") and texts[at + 1].isdecimal():
        return 0 < int(texts[at + 1]) <= 120
    if not (texts[at].isdecimal() and 0 < int(texts[at]) <= 120 and texts[at + 1] == ",") \
            or known(words.span_text(start, end)):
        return False
    listed = (start >= 2 and texts[start - 1] == "," and texts[start - 2].isdecimal()) or (
        at + 3 < len(texts) and texts[at + 2].lower() == "and")
    return not listed and not _count_follows(texts, at + 2)


def _count_follows(texts: list[str], i: int) -> bool:
    """Is there another "Name, N," pair right here (a table of results or seats)?"""
    return i + 2 < len(texts) and texts[i][:1].isupper() and texts[i + 1] == "," and \
        texts[i + 2].isdecimal()


_CITED_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}(?:-[A-Z]\.)?")
"""A first name cut to its initials in a reference list ("G.E.", "M.", "J.-P.")."""
_LIST_JOINS = frozenset({"and", "or", "&"})
"""The words that join a list's last member: a coordination of one kind of thing."""


def _cited_next(words: _Words, i: int) -> bool:
    """Does a reference list go on at words[i], after an author's initials: the next author
    (";") or the year ("(2008)", "(Nov 2008)")? A dateline's agency ("N.B. (CP)") is no year."""
    texts = words.texts
    if texts[i] == ";":
        return True
    return i + 1 < len(texts) and texts[i] == "(" and (
        texts[i + 1][:1].isdigit() or words.lower(i + 1).rstrip(".") in MONTHS)


_GENDERED_REFLEXIVES = frozenset({"herself", "himself"})
_PREPOSITIONS_BEFORE = _PLACE_PREPOSITIONS | {"to", "into", "across", "throughout", "of"}


def _dictionary_organisation(text: str, label: str, before: str) -> bool:
    """Is this name one the PETRARCH actors dictionary lists as an organisation, written where
    the model read a person or a place? A company (MNC: "Ryanair", "Pfizer", "Toyota"), an
    international body (IGO, NGO: "the OAS") is no person and no town, unless the text puts
    it after a preposition of place ("a plant in Toyota"). A company named like a person
    ("Philip Morris") is left to the context, and an IGO's or NGO's listed officials (the
    dictionary lists "Ban Ki-moon" as IGO) stay people."""
    if label not in PLACE_LABELS and label != "PERSON":
        return False
    name = " ".join(text.lower().split())
    kind = actor_classes().get(name)
    if kind == "MNC" and label == "PERSON":
        return name.split()[0] not in _FIRST_NAMES
    return kind in ("MNC", "IGO", "NGO") and label in PLACE_LABELS and \
        before not in _PLACE_PREPOSITIONS


@lru_cache(maxsize=16384)
def canonical_name(text: str) -> str:
    """The name an entity is filed under: quotes folded, white space collapsed, no article.
    (Memoised: an article repeats its names, and the news repeats them across articles. The
    quotes folded are none of them ASCII: an ASCII name skips `str.translate` with its table,
    slow per character.)"""
    name = " ".join((text if text.isascii() else text.translate(_APOSTROPHES)).split())
    name = _LEADING_ARTICLE.sub("", name)
    return _TRAILING_POSSESSIVE.sub("", name).strip(" .,;:!?\"'()[]")


_WHITE_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def entity_id(label: str, name: str) -> str:
    """A readable, stable id: `gpe:donetsk`, `person:denis-pushilin` (memoised, as names
    repeat)."""
    name_slug = slug(name)
    if not name_slug:  # a name in a non-Latin script: keep it, lower-cased
        name_slug = _WHITE_SPACE.sub("-", name.lower())
    return f"{label.lower()}:{name_slug}"


@dataclass
class Mention:
    """One span of the text taken for an entity, with what is known of it."""

    start: int  # token indices into the doc
    end: int
    label: str
    place: Place | None = None
    hint: str | None = None  # "region" / "city" when the phrase says which
    canonical: str | None = None  # from the alias table or a merge
    key: str = ""  # identity within the article, filled when grouping
    embedded: bool = False
    government: Place | None = None  # the country a capital stands for here
    capital: Place | None = None  # the capital a mention of its state was made by
    role: tuple[int, int] | None = None  # token span of a title or apposition
    confidence: float | None = None  # how sure the place is (0-1), when it has one


@dataclass
class _Entity:
    key: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None
    name: str = ""


_WORDS_KEY = ("newsgraph", "entities", "words")
"""The `doc.user_data` key of the stage's per-Doc word lists (removed when the stage ends)."""


@dataclass(frozen=True)
class _Words:
    """The Doc's words as plain lists, read once per Doc from spaCy's arrays: the stage looks
    at every word several times, and each `doc[i]` or `for token in doc` makes a new Token
    object, and each `.text` or `.lower_` of it a look-up in the string store (the larger part
    of the stage's time). `texts[i]` is `doc[i].text`, `starts[i]` `doc[i].idx`, `ends[i]` the
    end of its text, `tags[i]` `doc[i].tag_`. Flags (`is_punct` ...) are read from the few
    tokens that need them."""

    text: str
    texts: list[str]
    starts: list[int]
    ends: list[int]
    tags: list[str]

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens start..end (`doc[start:end].text`), cut from the Doc's text."""
        return self.text[self.starts[start]:self.ends[end - 1]] if end > start else ""

    def before(self, index: int) -> str:
        """The word before word `index`, in lower case and without its full stop ("st" of
        "St."); "" at the start."""
        return self.lower(index - 1).rstrip(".") if index > 0 else ""

    def lower(self, index: int) -> str:
        """`doc[index].lower_`: spaCy's LOWER of a word is its `str.lower()`."""
        return self.texts[index].lower()

    def capitalised(self, start: int, end: int) -> list[str]:
        """The capitalised words of letters only among tokens start..end ("Korean", not "U.S."
        or "2nd"): spaCy's `is_alpha` of a word is its `str.isalpha()`."""
        return [word for word in self.texts[start:end] if word[:1].isupper() and word.isalpha()]

    def positions_of(self, wanted: Iterable[str]) -> list[int]:
        """The indices of the words that are one of `wanted` (non-empty strings), in order: a
        few names are looked for in the text (`str.find`, then the word starting there) rather
        than every word of the Doc compared."""
        text, starts, texts = self.text, self.starts, self.texts
        found = []
        for word in wanted:
            at = text.find(word)
            while at >= 0:
                index = bisect_left(starts, at)
                while index < len(starts) and starts[index] == at:
                    if texts[index] == word:
                        found.append(index)
                    index += 1
                at = text.find(word, at + 1)
        return sorted(found)


_TAG_NAMES: dict[int, str] = {}
"""Tag names by their string-store hash (a string's hash is the same in every vocabulary), read
from the store once per process rather than once per Doc."""


def _read_words(doc: Doc) -> _Words:
    """The word lists of a Doc, built from its arrays (no Token object per word)."""
    text = doc_text(doc)
    if not len(doc):
        return _Words(text, [], [], [], [])
    columns = doc.to_array([IDX, LENGTH, TAG])
    columns[:, 1] += columns[:, 0]  # each word's end
    starts, ends, tag_ids = columns.T.tolist()  # (one conversion for the three columns)
    strings = doc.vocab.strings
    for tag_id in set(tag_ids).difference(_TAG_NAMES):
        _TAG_NAMES[tag_id] = strings[tag_id]
    return _Words(
        text,
        [text[start:end] for start, end in zip(starts, ends, strict=True)],
        starts,
        ends,
        list(map(_TAG_NAMES.__getitem__, tag_ids)),
    )


def _words(doc: Doc) -> _Words:
    """The Doc's word lists, built on first use while the stage runs on it (kept in
    `doc.user_data`, which is the Doc's own: nothing carries over to the next Doc)."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None:
        words = doc.user_data[_WORDS_KEY] = _read_words(doc)
    return words


def _text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens start..end (`doc[start:end].text`, cut from the Doc's text instead
    of joined token by token)."""
    return _words(doc).span_text(start, end)


def _trim(doc: Doc, words: _Words, start: int, end: int) -> tuple[int, int] | None:
    """Token span without a leading article, edge punctuation or a possessive."""
    texts = words.texts
    while start < end and (texts[start].lower() in ("the", "a", "an")
                           or _blank_at(doc, texts, start)):
        start += 1
    while end > start and (texts[end - 1].lower() in ("'s", "’s", "'", "’")
                           or _blank_at(doc, texts, end - 1)):
        end -= 1
    for width in (1, 3):  # a score is no part of a name: "England 2-1" is England
        if end - width > start and _SCORE.fullmatch("".join(texts[end - width:end])):
            end -= width
    return (start, end) if start < end else None


_SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")
"""A score written as one word ("2-1"), which spaCy may tag into the side's name."""


def _blank(token: Token) -> bool:
    return token.is_punct or token.is_space


def _blank_at(doc: Doc, texts: list[str], index: int) -> bool:
    """`_blank(doc[index])`, with no Token made for a word starting with a letter or a digit,
    which is neither: spaCy's `is_punct` wants every character a punctuation mark, its
    `is_space` every one white space."""
    return not texts[index][:1].isalnum() and _blank(doc[index])


_NAME_MARKS = str.maketrans("", "", ".'’")
"""What a personal name's words may hold besides letters: initials' periods and apostrophes
("O'Brien"); hyphens join parts of one word ("Jean-Luc", "al-Assad", "Ki-moon")."""
_NICKNAME_QUOTES = "\"“”‘’'"
"""Around a nickname inside a name: 'Nick "The Knife" Shell'."""
_NAME_LINKS = NAME_PARTICLES | {"of", "the"}
"""Lower-case words a personal name may hold: particles ("von der", "bin") and the "of" or
"the" of "Mary of Bethany" or "Alexander the Great"."""


def _person_name(doc: Doc, words: _Words, start: int, end: int) -> tuple[int, int] | None:
    """The tokens of a PERSON mention that can be a person's name, or None: a number after the
    name is cut ("Alice Cooper 33" in a chart), and what is left must be written as names are:
    words of letters, each starting with a capital (its later hyphenated parts need not:
    "Ban Ki-moon") or a particle ("von", "bin", "al-Assad"). spaCy's PERSON on text that is
    not news prose ("misc", "zlib1g-dev", "GSK2586184", "AppleWebKit/537.36" on software,
    recipe and science pages) is no one."""
    while end > start and (doc[end - 1].like_num or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None
    name_words = words.span_text(start, end).split()
    if not any(word[:1].isupper() for word in name_words):
        return None
    for word in name_words:
        first, *rest = word.strip(_NICKNAME_QUOTES).split("-")
        if not (first[:1].isupper() or first in _NAME_LINKS):
            return None
        if not all(part.translate(_NAME_MARKS).isalpha() for part in (first, *rest)):
            return None
    return start, end


def _in_a_longer_name(doc: Doc, mention: Mention, place_starts: set[int]) -> bool:
    """Is the mention the last word of a longer capitalised name on its line ("Touch Bar",
    "Rocket League", "McDonnell Douglas", "Thai Airways International"), or joined by a
    hyphen to the next word of one ("Meta-Programming", "Bender-Shaped")? The word before
    counts when it is capitalised and no place of its own, no word for a kind of place or a
    direction ("North Carolina", "Central London"), no function word
    ("The Edmonton Community Partnership") and not capitalised for starting a sentence. A
    place that opens a longer name is left alone: it is often the place itself ("Paris Air
    Show", "Belfast Magistrate's Court")."""
    words = _words(doc)
    texts = words.texts

    def name_word(i: int) -> bool:
        word = texts[i]
        return word[:1].isupper() and word.isalpha() and i not in place_starts and \
            word.lower() not in _KINDS_OF_PLACE and word.lower() not in _COMPASS and \
            not doc[i].is_stop and not doc[i].is_space

    after = mention.end + 1
    if after < len(texts) and texts[mention.end] == "-" and name_word(after):
        return True
    before = mention.start - 1
    return before >= 0 and name_word(before) and not _sentence_initial(doc, before) and \
        "\n" not in doc[before:mention.start + 1].text


def _sentence_initial(doc: Doc, index: int) -> bool:
    """True at the start of a sentence or line (judged from punctuation: no parser needed)."""
    words = _words(doc)
    texts = words.texts
    j = index - 1
    while j >= 0 and (texts[j] in ('"', "“", "‘", "'", "(") or doc[j].is_space):
        if "\n" in texts[j]:
            return True
        j -= 1
    return j < 0 or texts[j] in (".", "!", "?", ":", "”", "\n") or "\n" in doc[j].whitespace_


def _is_in(token: Token, words: frozenset[str] | tuple[()]) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words


def _fragment(doc: Doc, start: int, end: int, part_start: int, part_end: int,
              place: Place | None) -> bool:
    """Is a part of a longer name a fragment rather than the place it seems? A place stands in a
    name at its start ("Seattle Fire"), its end ("Team Ireland") or after "of", under its own
    name (not "Rapid" of Rapid City in "Rapid Support Forces"); from the middle
    only a country or a place under its own name counts ("HSBC Bank Malta plc"), not a word that
    is a place only by a longer name's short form ("International" of "Pearson International
    Airport", after Dubai's International City)."""
    words = _words(doc)
    text = words.span_text(part_start, part_end)
    if part_start == start or part_end == end or words.lower(part_start - 1) in ("of", "de"):
        return place is not None and _short_form(text, place.name)
    return place is None or not (place.level == "country"
                                 or fold_name(place.name) == fold_name(text))


def _short_form(text: str, name: str) -> bool:
    """Is the text some words of the place's longer name ("Rapid" of Rapid City, "Vegas" of
    Las Vegas)? Such a word opening another name is that name's ("Rapid Support Forces"), not
    the town; a name of its own ("Kiev" for Kyiv, "Seattle") is the place."""
    said, whole = fold_name(text).split(), fold_name(name).split()
    return len(said) < len(whole) and all(word in whole for word in said)


def _dateline_place(doc: Doc) -> range:
    """The characters of the dateline's place ("MOBILE" of "MOBILE, Ala. (AP) —"), if any."""
    dateline = doc._.dateline
    return range(*dateline["place"]) if dateline else range(0)


def _first_conjunct(token: Token) -> Token:
    """The first of the coordinated words `token` is one of ("by Kiev and the West": Kiev)."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _is_proper_tag(tag: str) -> bool:
    return tag in ("NNP", "NNPS") or not tag


_NAME_JOINS = frozenset({"of", "de", "-"})
"""Lower-case words a place's name may hold ("Isle of Man", "Rio de Janeiro", "Guinea-Bissau")."""


def _unlisted_town(name: str, candidates: list[tuple[Place, bool]],
                   region: Place | None) -> Place | None:
    """A town the text places in a state or province ("HOLLIDAY, Mo.", "Detroit, Texas") where
    the gazetteer lists none of that name (a town of a few hundred people): the town, at the
    region's point, rather than a namesake elsewhere (Holliday, Texas) that the text rules
    out. None unless the region is a first-level one and the name is no region or country of
    its own (then "Guam, Alaska" is a list, not a town in Alaska)."""
    if region is None or region.level != "admin1" or region.lat is None \
            or not region.country or not region.admin1 \
            or any(place.level not in ("city", "admin2") for place, _ in candidates):
        return None
    name = name.title() if name.isupper() else name  # a dateline's "HOLLIDAY"
    return Place(name, "city", region.country, region.lat, region.lon, None, 0, region.admin1,
                 f"place:{region.country.lower()}-{region.admin1.lower()}-{slug(name)}")


_CAPITALISED = frozenset({"GPE", "LOC", "FAC", "PERSON", "NORP"})
"""Labels of names English writes with a capital: an organisation may be lower-case ("the
defense ministry") and still be the party an event names."""

NEIGHBOUR_KM = 50.0
"""Two towns this near are neighbours a local story names together."""
NEIGHBOUR_ODDS = 2.0
"""For the namesake next to another place of the article to win, the context must make the
place chosen less than this much more likely (log10 odds): a town 100 times bigger stays."""


@dataclass(frozen=True)
class _Taken:
    """The words the article's mentions hold: `covered[i]` by any, `blocked[i]` by one whose
    names hold no place of their own (not an organisation's ...: see CONTAINERS), `holder[i]`
    the span of the (last) mention holding word i; `whole` the mentions' spans."""

    covered: list[bool]
    blocked: list[bool]
    holder: list[tuple[int, int]]
    whole: set[tuple[int, int]]

    @classmethod
    def of(cls, length: int, mentions: list[Mention]) -> _Taken:
        covered, blocked = [False] * length, [False] * length
        holder: list[tuple[int, int]] = [(0, 0)] * length
        for mention in mentions:
            holds_places = mention.label in CONTAINERS
            for i in range(mention.start, mention.end):
                covered[i] = True
                blocked[i] = not holds_places
                holder[i] = (mention.start, mention.end)
        return cls(covered, blocked, holder, {(m.start, m.end) for m in mentions})


class _ArticlePlaces:
    """The gazetteer's choice of place for a name, and how sure it is, each worked out once per
    article: an article names its places again and again ("Ukraine" twenty times), and each
    answer scores every candidate of the name. An answer depends only on the name, the
    phrase's hint, the article's countries (fixed once counted) and which regions the article
    names (`places._score` asks whether a town's region is among them, never how often)."""

    def __init__(self, places: Gazetteer, countries: Counter[str]) -> None:
        self.places = places
        self.countries = countries
        self._best: dict[tuple[str, str | None, frozenset[tuple[str, str]]], Place | None] = {}
        self._scored: dict[tuple[str, str | None, frozenset[tuple[str, str]]],
                           list[tuple[Place, float]]] = {}
        self._confidence: dict[tuple[str, int, str | None, frozenset[tuple[str, str]]],
                               float] = {}

    def best(self, name: str, hint: str | None,
             regions: Counter[tuple[str, str]]) -> Place | None:
        """`Gazetteer.best` in the article's context."""
        key = (name, hint, frozenset(regions))
        if key not in self._best:
            self._best[key] = self.places.best(name, self.countries, hint, regions)
        return self._best[key]

    def scored(self, name: str, hint: str | None,
               regions: Counter[tuple[str, str]]) -> list[tuple[Place, float]]:
        """`Gazetteer.scored` in the article's context."""
        key = (name, hint, frozenset(regions))
        if key not in self._scored:
            self._scored[key] = self.places.scored(name, self.countries, hint, regions)
        return self._scored[key]

    def confidence(self, name: str, place: Place, hint: str | None,
                   regions: Counter[tuple[str, str]]) -> float:
        """`Gazetteer.confidence` in the article's context (keyed by the place's identity: the
        gazetteer's candidates are compared with `is`)."""
        key = (name, id(place), hint, frozenset(regions))
        if key not in self._confidence:
            self._confidence[key] = self.places.confidence(name, place, self.countries, hint,
                                                           regions)
        return self._confidence[key]


class EntityStage:
    """Named entities with in-article identity, stable ids and places on the map."""

    field = "entities"
    requires = frozenset({"ner", "tagger", "parser"})

    def __init__(self, places: Gazetteer | None = None, *,
                 max_role_tokens: int | None = None) -> None:
        defaults = stage_defaults("entities")  # config.cfg [components.entities]
        self.max_role_tokens = max_role_tokens or defaults["max_role_tokens"]
        # Built here, so a pipeline pays for the gazetteer when it loads, not on its first text.
        self.places = places if places is not None else gazetteer()

    # ------------------------------------------------------------------ mentions

    def _spacy_mentions(self, doc: Doc) -> list[Mention]:
        """spaCy's entities, trimmed and rejoined over no-break spaces. A place, person or
        group whose words hold no capital letter is no name ("meth", "veranda", "n't"),
        unless the article writes no names in capitals at all."""
        words = _words(doc)
        texts, tags = words.texts, words.tags
        text = doc._.text
        cased = text != text.lower()  # (str.lower, not a loop over the characters)
        spans: list[list] = []
        for span in doc.ents:
            label = span.label_
            if label not in ENTITY_LABELS:
                continue
            if cased and label in _CAPITALISED and span.text.islower():
                continue  # (str.islower: letters with a case, none a capital; 東京 stays)
            start = span.start
            if (spans and spans[-1][2] == label and start >= 2 and spans[-1][1] == start - 1
                    and "\u00a0" in texts[start - 1] and doc[start - 1].is_space):
                spans[-1][1] = span.end  # "Olga\u00a0Makeeva" was cut at the no-break space
                continue
            spans.append([start, span.end, label])
        mentions = []
        taken = set()
        grown_to = 0  # the end of the last place (a grown one may hold the model's next name)
        for start, end, label in spans:
            if start < grown_to:
                continue  # "John" of "Fort St. John"
            # A name cut at a no-break space, its second half left untagged.
            while (end + 1 < len(texts) and "\u00a0" in texts[end] and doc[end].is_space
                   and texts[end + 1][:1].isupper() and _is_proper_tag(tags[end + 1])
                   and doc[end + 1].ent_type_ in ("", label)):
                end += 2
            trimmed = _trim(doc, words, start, end)
            if trimmed is not None and label == "PERSON":
                trimmed = _person_name(doc, words, *trimmed)
            elif trimmed is not None and label in PLACE_LABELS:
                trimmed = self._whole_place_name(doc, words, *trimmed)
                grown_to = trimmed[1]
            if trimmed is None or trimmed in taken:
                continue
            taken.add(trimmed)
            if label == "NORP" and trimmed != (start, end) and self._a_country_name(
                    words.span_text(*trimmed)):
                label = "GPE"  # "England 2-1" tagged a group: the side's country, as named
            mentions.append(Mention(trimmed[0], trimmed[1], label))
        return mentions

    def _a_country_name(self, name: str) -> bool:
        """Is this a country's or a nation's own name (not a nationality: "England", not
        "English")?"""
        place = self.places.best(name, Counter()) if self.places.is_strong(name) else None
        return place is not None and place.level in ("country", "admin1")

    def _whole_place_name(self, doc: Doc, words: _Words, start: int,
                          end: int) -> tuple[int, int]:
        """A place spaCy cut after an abbreviation ("Fort St." and a person "John") grows over
        the one or two capitalised proper nouns after it (untagged, or a one-word name of the
        model's, never part of a longer one), while the gazetteer knows the longer name ("Fort
        St. John")."""
        texts, tags = words.texts, words.tags
        whole = end
        for after in range(end, min(end + 2, len(texts))):
            if not texts[after][:1].isupper() or not _is_proper_tag(tags[after]) \
                    or doc[after].ent_iob_ == "I" \
                    or (after + 1 < len(texts) and doc[after + 1].ent_iob_ == "I"):
                break
            if self.places.candidates(words.span_text(start, after + 1)):
                whole = after + 1
        return start, whole

    def _person_words(self, doc: Doc, mentions: list[Mention]) -> set[str]:
        """Words of the article's multi-word person names: "Price" after "Ned Price"."""
        texts = _words(doc).texts
        words = set()
        for mention in mentions:
            if mention.label == "PERSON" and mention.end - mention.start >= 2:
                words.update(texts[mention.start:mention.end])
        return words

    def _person_context(self, doc: Doc, words: _Words, mention: Mention,
                        person_words: set[str], strong: bool) -> bool:
        """Does the context say this name is a person's: a title before it, ", who" after it,
        or, for a name the gazetteer does not know well (not `strong`), a noun of kin or role
        that modifies it ("wife Tonya", "baby Nesha"; not Peshawar in "Commander Peshawar
        corps") or that it stands in apposition to ("His daughters, Malia and Sasha", "and
        wife, Nina", which the parser may read as a list)?"""
        start, end = mention.start, mention.end
        before = words.before(start)
        if before in PERSON_TITLES:
            return True
        if end - start == 1 and words.texts[start] in person_words:
            return True
        if end + 2 <= len(words.texts) and words.texts[end] == "," \
                and words.lower(end + 1) == "who":
            return True
        if strong or (before not in _APPOSITION_OPENERS and before not in PERSON_NOUNS):
            return False  # (the parse is read only where it may answer)
        if before in PERSON_NOUNS and start <= doc[start - 1].head.i < end:
            return True  # the noun modifies the name
        if before == "," and start >= 2 and words.lower(start - 2) in PERSON_NOUNS:
            return True  # "and wife, Tonya": the noun, a comma, the name, however parsed
        root = _first_conjunct(doc[start:end].root)
        first = root.left_edge.i  # "daughters , Malia": the noun, a comma, the name
        return root.dep_ == "appos" and root.head.i == first - 2 \
            and words.texts[first - 1] == "," and root.head.lemma_.lower() in PERSON_NOUNS

    def _speakers(self, doc: Doc) -> set[str]:
        """Capitalised words that head the subject of a verb of saying ("Johnson said",
        "Conway wrote", "Doug Logan said"): a person's or a group's name, not the town the
        gazetteer has under it, all through the article (one sense per discourse). A country,
        a region, a capital or a metropolis speaks for its government or its people ("Beijing
        said", "Ottawa has said"), and a curated alias is a place's: those are left out. (The
        subjects and their verbs' lemmas are read from the Doc's arrays: no Token object.)"""
        if not len(doc):
            return set()
        columns = doc.to_array([DEP, HEAD, LEMMA])
        subjects = numpy.flatnonzero(columns[:, 0] == _NSUBJ)
        heads = subjects + columns[subjects, 1].astype(numpy.int64)
        words = _words(doc)
        texts, tags = words.texts, words.tags
        found: set[str] = set()
        for i, verb in zip(subjects.tolist(), columns[heads, 2].tolist(), strict=True):
            if verb not in _SPEECH_VERB_LEMMAS:
                continue
            text = texts[i]
            if text in found or not text[:1].isupper() or not text.isalpha() \
                    or not _is_proper_tag(tags[i]):
                continue
            if self.places.alias(text) is None and not any(
                    self._speaks_for_many(place) for place, _ in self.places.candidates(text)):
                found.add(text)
        return found

    def _speaks_for_many(self, place: Place) -> bool:
        """May this place be the subject of "said" by metonymy?"""
        return place.level in ("country", "admin1", "continent", "region") or (
            place.level == "city" and (place.population >= METROPOLIS_POPULATION
                                       or self.places.country_of_capital(place) is not None))

    def _relabel(self, doc: Doc, mentions: list[Mention], speakers: set[str],
                 people: frozenset[str] = frozenset()) -> None:
        """Correct labels with the alias table, the gazetteer and the context. A name that
        speaks (`_speakers`) is no place: it is a group's ("Swissport said", "Xinhua
        reported"), or a person's when it is a first name or a word of a person's name."""
        person_words = self._person_words(doc, mentions)
        words = _words(doc)
        places = self.places
        for mention in mentions:
            text = words.span_text(mention.start, mention.end)
            folded = fold_name(text)  # once for `Gazetteer.alias` and `is_strong`
            alias = places.aliases.get(folded)
            strong = folded in places.strong
            person = self._person_context(doc, words, mention, person_words, strong)
            speaks = mention.end - mention.start == 1 and text in speakers
            if alias is not None and not (person and alias[1] != "PERSON"):
                mention.canonical = alias[0]
                if mention.label != "NORP":
                    mention.label = alias[1]
            elif (mention.label in RELABELLED and mention.label != "NORP" and not person
                  and not speaks and strong and text[:1].isupper()
                  and text.lower() not in GENERIC_WORDS):
                best = self.places.best(text, Counter())
                if best is not None:
                    mention.label = best.label
            before = words.before(mention.start)
            if mention.label in PLACE_LABELS and speaks and not person \
                    and text.lower() not in _FIRST_NAMES:
                mention.label = "ORG"
            if mention.label in PLACE_LABELS and (before in HONORIFICS or speaks):
                mention.label = "PERSON"
                mention.canonical = None
            if not person and alias is None and _dictionary_organisation(
                    text, mention.label, before):
                mention.label = "ORG"  # "Ryanair's orders", "rivals Toyota and GM", "the OAS"
            if mention.label != "PERSON" and (
                    (mention.end - mention.start == 1 and text in people)  # "Georgia herself"
                    or _aged(words, mention.start, mention.end, self._known_name)):  # "age 8"
                mention.label, mention.canonical = "PERSON", None
                continue
            if mention.label in ("PERSON", "ORG") and not person and self.places.demonym(text):
                mention.label = "NORP"  # a demonym is not a person's name
            if (mention.label in ("ORG", "GPE", "PRODUCT", "WORK_OF_ART")
                    and mention.end - mention.start == 1 and person and not strong):
                mention.label = "PERSON"

    def _people_doing(self, doc: Doc, mentions: list[Mention]) -> set[str]:
        """Words of the article's person names that act as the subject of a verb, which no
        country, region or capital of the gazetteer outweighs ("Tom Vaughan ... Vaughan
        forced a save" is the player, not the town in Ontario; "Washington imposed
        sanctions" stays the capital's)."""
        person_words = self._person_words(doc, mentions)
        found = set()
        for token in doc:
            if token.text in person_words and token.dep_ == "nsubj" and \
                    token.head.pos_ == "VERB" and token.text[:1].isupper():
                place = self.places.best(token.text, Counter())
                if place is None or not (place.level in ("country", "admin1") or
                                         self.places.country_of_capital(place)):
                    found.add(token.text)
        return found

    def _known_name(self, name: str) -> bool:
        """Does the gazetteer or the PETRARCH actors dictionary know this name?"""
        return bool(self.places.candidates(name)) or \
            " ".join(name.lower().split()) in actor_classes()

    def _added_places(self, doc: Doc, mentions: list[Mention],
                      speakers: set[str]) -> list[Mention]:
        """Gazetteer places and demonyms spaCy missed, and those inside organisation names
        (not a name that speaks: `_speakers`)."""
        taken = _Taken.of(len(doc), mentions)
        blocked = taken.blocked
        words = _words(doc)
        texts = words.texts
        n = len(texts)
        added: list[Mention] = []
        resume = 0  # the first word after the last name added
        for i in [j for j, word in enumerate(texts) if word[:1].isupper() and not blocked[j]]:
            if i < resume:
                continue
            reach = 1  # the longest name that may start here: up to 4 words free to take
            while reach < 4 and i + reach < n and not blocked[i + reach] and (
                    texts[i + reach][:1].isupper() or texts[i + reach].lower() in _NAME_JOINS):
                reach += 1
            found = self._place_at(doc, words, i, reach, taken, speakers)
            if found is not None:
                added.append(found)
                resume = found.end
        return added

    def _place_at(self, doc: Doc, words: _Words, i: int, reach: int,
                  taken: _Taken, speakers: set[str]) -> Mention | None:
        """The longest place, demonym or aliased name of at most `reach` words starting at word
        `i` (the words are free to take: capitalised or linking, outside every other name but
        an organisation's), or None. (Called for every capitalised word: the name is folded
        once for both the alias table and the strong names, `Gazetteer.alias` and `is_strong`
        each fold it again.)"""
        texts, tags = words.texts, words.tags
        covered = taken.covered
        places = self.places
        n = len(tags)
        for length in range(reach, 0, -1):
            end = i + length
            if not texts[end - 1][:1].isupper():
                continue
            text = words.span_text(i, end)
            label = best = None
            if text.lower() in GENERIC_WORDS or (length == 1 and text in speakers):
                continue  # ("Johnson said" is no town; "Johnson County" still is a county)
            folded = fold_name(text)
            alias = places.aliases.get(folded)
            if alias is not None and alias[1] not in ("GPE", "LOC") and not covered[i]:
                return Mention(i, end, alias[1], canonical=alias[0])
            if length <= 2 and places.demonyms.get(text.replace("’", "'")):
                label = "NORP"  # "German" is the adjective, not a parish of that name
            elif folded in places.strong or (alias or ("", ""))[1] in ("GPE", "LOC"):
                best = places.best(text, Counter())
                label = best.label if best is not None else None
            if label is None or (label != "NORP" and _dictionary_organisation(
                    text, label, words.before(i))):
                continue  # "Speedworks Toyota Avensis": the company, not the town
            inside = covered[i]
            if (i, end) in taken.whole:  # the whole name: relabelled above, not a second mention
                continue
            # Not the first word of a longer untagged name ("Jordan Peterson").
            if not inside and end < n and not covered[end] and texts[end][:1].isupper() \
                    and _is_proper_tag(tags[end]) and not doc[end].is_punct and label != "NORP":
                return None
            if not inside and not _is_proper_tag(tags[i]) and label != "NORP":
                return None
            if not inside and _sentence_initial(doc, i) and not _is_proper_tag(tags[i]):
                return None
            if inside and label != "NORP" and _fragment(doc, *taken.holder[i], i, end, best):
                return None  # a word from the middle of a longer name is no place of its own
            start = self._region_by_whole_name(words, i, end, taken) if label != "NORP" else i
            return Mention(start, end, label, embedded=covered[start])
        return None

    def _region_by_whole_name(self, words: _Words, i: int, end: int, taken: _Taken) -> int:
        """Where a place found at word `i` starts: one word earlier when that word and the
        name are a region's or country's whole name. The gazetteer's short names are strong,
        its regions' longer ones not ("New Jersey", "South Carolina" and "West Virginia" in the
        names of a lottery and two universities, where the shorter "Jersey", "Carolina" and
        "Virginia" are an island, a town and a state of their own)."""
        before = i - 1
        if before < 0 or taken.blocked[before] or not words.texts[before][:1].isupper() \
                or not _is_proper_tag(words.tags[before]):
            return i
        longer = self.places.candidates(words.span_text(before, end))
        return before if any(place.level in ("admin1", "country") and primary
                             for place, primary in longer) else i

    def _without_common_words(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """One sense per discourse: a one-word place name that the article also writes in
        lower case is that common word, capitalised by a title or a sentence's start ("Store
        the truffles" beside "a kamaboko store"; "Rocket League", "Amnesty International",
        "Spring"), not a place. A name keeps its place where the text makes it one: a
        country's ("Turkey" beside a turkey dinner), the dateline's ("MOBILE, Ala. (AP) —"),
        one the text puts in its region ("Mobile, Ala."), a curated alias, and a well-known
        town's right after a preposition of place in a story that names its country ("Police
        in Nice" beside "a nice evening", and France)."""
        words = _words(doc)
        texts = words.texts
        by_word: dict[str, list[Mention]] = {}
        for mention in mentions:
            if mention.label in PLACE_LABELS and mention.end - mention.start == 1 \
                    and mention.canonical is None:
                word = texts[mention.start]
                if word[:1].isupper() and word[1:].islower() and word.isalpha():
                    by_word.setdefault(word.lower(), []).append(mention)
        if not by_word:
            return mentions
        by_start = {m.start: m for m in mentions if m.label in PLACE_LABELS}
        in_dateline = _dateline_place(doc)
        common: set[int] = set()
        for position in words.positions_of(by_word):
            named = by_word.pop(texts[position], None)
            if named is None:
                continue
            name = texts[named[0].start]
            if any(place.level == "country" for place, _ in self.places.candidates(name)):
                continue
            if any(words.starts[m.start] in in_dateline  # the dateline's; "Mobile, Ala."
                   or (m.end + 1 in by_start and texts[m.end] == ",") for m in named):
                continue
            if any(m.start > 0 and words.lower(m.start - 1) in _PLACE_PREPOSITIONS
                   for m in named) and self._country_elsewhere(words, mentions, name):
                continue  # "Police in Nice" in a story that names France
            common.update(id(m) for m in named)
        return [m for m in mentions if id(m) not in common] if common else mentions

    def _country_elsewhere(self, words: _Words, mentions: list[Mention], name: str) -> bool:
        """Does another name of the article name the country of the well-known town `name`?"""
        if not self.places.is_strong(name):
            return False
        best = self.places.best(name, Counter())
        return best is not None and any(
            words.span_text(m.start, m.end) != name and self._country_named(words, m)
            == best.country for m in mentions)

    def _joined_places(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Two place mentions joined by "and" that together name one place ("Trinidad and
        Tobago", "Bosnia and Herzegovina") become one mention."""
        by_start = {m.start: m for m in mentions}
        words = _words(doc)
        joined: list[Mention] = []
        dropped: set[int] = set()
        for mention in sorted(mentions, key=lambda m: m.start):
            if id(mention) in dropped:
                continue
            after = by_start.get(mention.end + 1)
            if (after is not None and mention.end < len(doc) and words.lower(mention.end) == "and"
                    and mention.label in PLACE_LABELS and after.label in PLACE_LABELS):
                name = words.span_text(mention.start, after.end)
                if self.places.is_strong(name):
                    best = self.places.best(name, Counter())
                    joined.append(Mention(mention.start, after.end,
                                          best.label if best else mention.label))
                    dropped.add(id(after))
                    continue
            joined.append(mention)
        return joined

    def _listed_countries(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A name that is a list of countries ("Mali, Burkina Faso and Niger", tagged as one
        ORG) is one mention of each country: they act as three states, not one body."""
        words = _words(doc)
        listed: list[Mention] = []
        for mention in mentions:
            if mention.label in PLACE_LABELS or mention.end - mention.start < 3:
                listed.append(mention)
                continue
            parts: list[tuple[int, int]] = []
            start = mention.start
            for i in range(mention.start, mention.end + 1):
                if i == mention.end or words.lower(i) in (",", "and", "&"):
                    if i > start:
                        parts.append((start, i))
                    start = i + 1
            countries = [self.places.best(words.span_text(a, b), Counter())
                         for a, b in parts] if len(parts) > 1 else []
            if countries and all(
                    place is not None and place.level == "country"
                    and self.places.is_strong(words.span_text(a, b))
                    for place, (a, b) in zip(countries, parts, strict=True)):
                listed += [Mention(a, b, "GPE") for a, b in parts]
            else:
                listed.append(mention)
        return listed

    def _dateline(self, doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions with the dateline's place (`doc._.dateline`) as one mention of its
        whole name: spaCy cuts a name in capitals ("LOS ANGELES") in two and calls the halves a
        place and an organisation. A name spaCy took for an organisation or a person ("HAMAS
        (AP) —") is left to it unless the gazetteer knows the place well or the dateline's
        qualifier names its country. A name-cased place ("Paris (AFP) -") spaCy tags itself."""
        dateline = doc._.dateline
        if dateline is None:
            return mentions
        name = text[slice(*dateline["place"])]
        if not name.isupper() or len(name) < 3:
            return mentions
        span = doc.char_span(*dateline["place"], alignment_mode="expand")
        if span is None:
            return mentions
        qualifiers = dateline["qualifiers"]
        qualifier = text[slice(*qualifiers[0])] if qualifiers else None
        if not self.places.candidates(name):
            # a place the gazetteer does not know, in a country it knows ("ALPE D'HUEZ,
            # France (Reuters) -"): a place with no GeoNames id, never a person
            if qualifier is None or not self.places.is_strong(qualifier):
                return mentions
            kept = [m for m in mentions if m.end <= span.start or m.start >= span.end]
            return [*kept, Mention(span.start, span.end, "GPE")]
        overlapping = [m for m in mentions if m.start < span.end and m.end > span.start]
        if any(m.label in ("ORG", "PERSON") for m in overlapping) \
                and not self._dateline_evidence(name, qualifier):
            return mentions
        best = self.places.best(name, Counter())
        assert best is not None
        kept = [m for m in mentions if m.end <= span.start or m.start >= span.end]
        return [*kept, Mention(span.start, span.end, best.label)]

    def _dateline_evidence(self, name: str, qualifier: str | None) -> bool:
        """Is a dateline's name surely a place: a well-known one, or one in the country or
        region its qualifier names ("MARSHALL, Minn.")?"""
        if self.places.is_strong(name):
            return True
        if qualifier is None or not self.places.is_strong(qualifier):
            return False
        alias = self.places.alias(qualifier)
        where = {place.country for place, _ in
                 self.places.candidates(alias[0] if alias else qualifier)}
        return any(place.country in where for place, _ in self.places.candidates(name))

    def _added_names(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Untagged repeats of a name the article introduced: "Price" after "Ned Price", an
        acronym after "Korean Central News Agency (KCNA)"."""
        covered = _Taken.of(len(doc), mentions).covered
        words = _words(doc)
        texts = words.texts
        people: dict[str, set[str]] = {}
        for mention in mentions:
            if mention.label == "PERSON" and mention.end - mention.start >= 2:
                name = canonical_name(words.span_text(mention.start, mention.end))
                for word in words.capitalised(mention.start, mention.end):
                    people.setdefault(word, set()).add(name)
        acronyms = set()
        for mention in mentions:
            j = mention.end
            if (mention.end - mention.start >= 2 and j + 2 < len(doc) and texts[j] == "("
                    and texts[j + 2] == ")" and _ACRONYM.fullmatch(texts[j + 1])):
                acronyms.add(texts[j + 1])
        added: list[Mention] = []
        if not acronyms and not people:
            return added
        tags = words.tags
        introduced = acronyms | people.keys()  # only a name the article introduced can be added
        for position in words.positions_of(introduced):
            if covered[position]:
                continue
            word = texts[position]
            nxt = tags[position + 1] if position + 1 < len(doc) else ""
            subject = nxt.startswith("VB") or nxt == "POS"
            if not (tags[position] in ("NNP", "NNPS") or not tags[position] or subject):
                continue
            if word in acronyms:
                added.append(Mention(position, position + 1, "ORG"))
            elif len(people.get(word, ())) == 1 and word.lower() not in PERSON_TITLES:
                added.append(Mention(position, position + 1, "PERSON"))
        return added

    # ------------------------------------------------------------------ identity

    def _phrase_hint(self, doc: Doc, mention: Mention) -> str | None:
        nxt = _words(doc).lower(mention.end) if mention.end < len(doc) else None
        if nxt is not None and nxt in REGION_WORDS:
            return "region"
        if nxt is not None and nxt in CITY_WORDS:
            return "city"
        return None

    def _acronyms(self, doc: Doc, mentions: list[Mention]) -> dict[str, Mention]:
        """Acronyms introduced with their expansion: "X (ACR)", "X, or ACR"."""
        found: dict[str, Mention] = {}
        words = _words(doc)
        texts = words.texts
        for mention in mentions:
            if mention.label in ("PERSON", "NORP") or mention.embedded:
                continue
            j = mention.end
            while j < len(texts) and texts[j] in ('"', "”", "’", "'"):
                j += 1
            window = texts[j:j + 3]
            acronym = None
            if len(window) >= 3 and window[0] == "(" and window[2] == ")":
                acronym = window[1]
                initials = "".join(w[0] for w in words.capitalised(mention.start, mention.end))
                if mention.end - mention.start < 2 or not (
                        initials.startswith(acronym[:2]) or acronym[:2] in initials):
                    acronym = None
            elif len(window) >= 3 and window[0] == "," and words.lower(j + 1) == "or":
                acronym = window[2] if mention.end - mention.start >= 2 else None
            if acronym and _ACRONYM.fullmatch(acronym):
                found.setdefault(acronym, mention)
        return found

    def _group(self, doc: Doc, mentions: list[Mention]) -> list[_Entity]:
        """One entity per real thing: aliases, name parts, acronyms, "the North", places."""
        words = _words(doc)
        acronyms = self._acronyms(doc, mentions)
        full_people: dict[str, set[str]] = {}  # word -> full names that have it
        for mention in mentions:
            if mention.label == "PERSON" and mention.end - mention.start >= 2:
                name = canonical_name(words.span_text(mention.start, mention.end))
                for word in words.texts[mention.start:mention.end]:
                    full_people.setdefault(word, set()).add(mention.canonical or name)
        north_south = {}
        for mention in mentions:
            if mention.place is not None and mention.place.level == "country":
                first = mention.place.name.split()[0].lower()
                if first in _COMPASS:
                    north_south.setdefault(first, mention.place)
        entities: dict[str, _Entity] = {}
        for mention in mentions:
            text = words.span_text(mention.start, mention.end)
            name = mention.canonical or canonical_name(text)
            label = mention.label
            place = mention.place
            if text in acronyms and acronyms[text] is not mention:
                source = acronyms[text]
                name = source.canonical or canonical_name(words.span_text(source.start, source.end))
                label = source.label
                place = source.place
            elif label in ("PERSON", "ORG", "GPE") and mention.end - mention.start == 1 \
                    and text in full_people and len(full_people[text]) == 1 \
                    and not (place is not None and label == "GPE"):
                name = next(iter(full_people[text]))
                label = "PERSON"
            elif text.lower() in _COMPASS and label in ("LOC", "GPE", "NORP") \
                    and text.lower() in north_south and mention.start > 0 \
                    and words.lower(mention.start - 1) == "the":
                place = north_south[text.lower()]
                label = "GPE"
                name = place.name
            if mention.capital is not None and place is not None:
                name = place.name  # "Pyongyang" named North Korea here
            if place is not None and label in PLACE_LABELS:
                key = place.id
            elif label in ("NORP", "LANGUAGE"):
                key = entity_id(label, name)
            else:
                key = entity_id(label, name)
            entity = entities.get(key)
            if entity is None:
                entity = entities[key] = _Entity(key, label, [], place, name)
            mention.key = key
            entity.mentions.append(mention)
        return list(entities.values())

    # ------------------------------------------------------------------ places

    def _resolve(self, doc: Doc, mentions: list[Mention]) -> None:
        """GeoNames for every place and demonym, with the article's countries as context."""
        words = _words(doc)
        countries: Counter[str] = Counter()
        for mention in mentions:
            if mention.label in PLACE_LABELS:
                mention.hint = self._phrase_hint(doc, mention)
            country = self._country_named(words, mention)
            if country is not None:
                countries[country] += 1
        scores = _ArticlePlaces(self.places, countries)
        admin1s: Counter[tuple[str, str]] = Counter()
        for mention in mentions:
            text = words.span_text(mention.start, mention.end)
            if mention.label in PLACE_LABELS and text.lower() not in GENERIC_WORDS:
                name = mention.canonical if mention.canonical else text
                mention.place = scores.best(name, mention.hint, admin1s)
                if mention.place is None:
                    self._resolve_part(doc, mention, countries)
                if mention.place is not None and mention.place.level == "admin1":
                    admin1s[(mention.place.country or "", mention.place.admin1 or "")] += 1
            elif mention.label in ("NORP", "LANGUAGE"):
                mention.place = self.places.demonym(text, countries)
        regions = admin1s + self._regions_of_sure_towns(doc, mentions, scores, admin1s)
        for mention in mentions:  # towns and counties in a region the article names (before
            # or after them), or a sure town's
            if mention.label in PLACE_LABELS and regions and mention.place is not None \
                    and mention.place.level in ("city", "admin2"):
                name = mention.canonical or words.span_text(mention.start, mention.end)
                mention.place = scores.best(name, mention.hint, regions) or mention.place
        self._resolve_lists(doc, mentions, countries, admin1s)
        settled, unlisted = self._resolve_qualified(doc, mentions, countries)
        self._resolve_neighbours(doc, mentions, scores, regions, settled, unlisted)
        self._unsupported_small_places(doc, mentions, settled, unlisted)
        self._acronyms_spelling_a_place(doc, mentions, settled)
        person_words = self._person_words(doc, mentions)
        people_at = {doc[m.start:m.end].root.i for m in mentions if m.label == "PERSON"}
        places_at = {doc[m.start:m.end].root.i for m in mentions if m.label in PLACE_LABELS}
        for mention in mentions:
            if mention.place is None or mention.label not in PLACE_LABELS:
                continue
            if self._a_persons_name(doc, mention, person_words):
                mention.place = None
            elif fold_name(mention.canonical or _text(doc, mention.start, mention.end)) \
                    not in settled and self._a_surname_here(doc, mention, people_at, places_at):
                mention.place, mention.label = None, "PERSON"
        for mention in mentions:
            if mention.place is None or mention.confidence is not None:
                continue
            if mention.label in ("NORP", "LANGUAGE"):
                targets = self.places.demonyms.get(words.span_text(mention.start, mention.end)
                                                   .replace("’", "'"), ())
                mention.confidence = 1.0 if len(targets) <= 1 else 0.5
            else:
                name = mention.canonical or words.span_text(mention.start, mention.end)
                mention.confidence = scores.confidence(name, mention.place, mention.hint,
                                                       admin1s)

    def _unplaced_people(self, doc: Doc, mentions: list[Mention]) -> None:
        """A name the model read as a place, that no gazetteer knows and that starts with a
        first name ("Helen Kunz", "Nino Burjanadze", "Paul") is a person's: a town no
        gazetteer lists is rarely named like a woman or a man. A person's name is one to
        three words; not when a preposition of place or a saint's title comes before it ("in
        Florence", "St. Michael's Hospital"), nor when a word of it names a kind of place
        ("Rose Garden")."""
        words = _words(doc)
        for mention in mentions:
            if mention.label not in PLACE_LABELS or mention.place is not None or \
                    mention.embedded or mention.end - mention.start > 3 or \
                    words.lower(mention.start) not in _FIRST_NAMES or self.places.candidates(
                        mention.canonical or words.span_text(mention.start, mention.end)):
                continue  # (a town the gazetteer knows, unplaced for want of context, stays)
            before = words.before(mention.start)
            if before in _PLACE_PREPOSITIONS or before in _SAINTS:
                continue
            parts = [words.lower(i).rstrip(".") for i in range(mention.start, mention.end)]
            if any(part in _KINDS_OF_PLACE or f"{part}s" in _KINDS_OF_PLACE for part in parts):
                continue
            mention.label, mention.canonical = "PERSON", None

    def _country_named(self, words: _Words, mention: Mention) -> str | None:
        """The country a place or demonym names whatever its context: the one country of all
        its candidates ("Donetsk"), a country's own name ("UK", not the hamlet "Uk"; but a
        "Georgia" that is a state too says nothing), a people's ("Ukrainian")."""
        text = words.span_text(mention.start, mention.end)
        if mention.label in PLACE_LABELS:
            candidates = self.places.candidates(mention.canonical or text)
            countries_of = {place.country for place, _ in candidates}
            named = {place.country for place, _ in candidates if place.level == "country"}
            if len(countries_of) == 1 and candidates:
                return next(iter(countries_of))
            if len(named) == 1 and not any(place.level == "admin1" for place, _ in candidates):
                return next(iter(named))
        elif mention.label in ("NORP", "LANGUAGE"):
            place = self.places.demonym(text)
            if place is not None and place.country:
                return place.country
        return None

    def _a_persons_name(self, doc: Doc, mention: Mention, person_words: set[str]) -> bool:
        """Is a one-word place name here a word of a person the article names ("Smith" after
        "Riley Oliver Smith")? Then it is no toponym to put on a map, unless it is a country's
        or a region's own name ("Jordan", "Washington")."""
        words = _words(doc)
        text = words.span_text(mention.start, mention.end)
        place = mention.place
        if mention.end - mention.start != 1 or text not in person_words or place is None:
            return False
        return not (place.level == "country" or self._a_large_place_named(text, place))

    def _a_large_place_named(self, text: str, place: Place) -> bool:
        """Is `text` a well-known name of a large town or of the region it names ("Jordan",
        "Washington", "Kyiv"), which a person's name or a list with people does not outweigh?"""
        return self.places.is_strong(text) and (
            (place.level == "city" and place.population >= STRONG_CITY_POPULATION)
            or (place.level == "admin1" and fold_name(place.name) == fold_name(text)))

    def _a_surname_here(self, doc: Doc, mention: Mention, people_at: set[int],
                        places_at: set[int]) -> bool:
        """Is a one-word place name here a person's surname by what the text does with it?
        A reference list writes authors surname first: a name before a comma, a first name
        and the next author or the year is an author's ("Johnson, Ian (2016)"), and so is
        that first name ("Wattenberg, Martin;"; not "Ballarat, Victoria (AAP)" nor "Denver,
        Charlotte (twice) and Tampa"). The members of a coordination are of one kind:
        one listed with people and with no place, in a list joined by "and" or "or", is a
        person ("the Celtics' duo of Tatum and Brown", "with Batum, Oubre Jr., Covington and
        Patrick Beverley"; not "Clacton, Essex - Aseany Duncan"), and so is a name before a
        comma, initials and the next author or the year ("Hinton, G.E. (2008)";
        not "Washington, D.C." nor "Sackville, N.B. (CP)"). A country, and for those two a
        region of that name or a large city, keeps its place ("Putin and Ukraine" are two
        parties); the caller keeps the names the text settled ("of Paris, Texas; brother,
        Thomas Smith")."""
        place = mention.place
        if mention.end - mention.start != 1 or place is None or place.level == "country":
            return False
        words = _words(doc)
        texts = words.texts
        after = mention.end + 1
        if after + 2 < len(texts) and texts[mention.end] == "," and _cited_next(
                words, after + 1) and words.lower(after) in _FIRST_NAMES and texts[after].istitle():
            return True
        if mention.start >= 2 and texts[mention.start - 1] == "," and words.lower(
                mention.start) in _FIRST_NAMES and texts[mention.start - 2][:1].isupper() \
                and mention.end + 1 < len(texts) and _cited_next(words, mention.end):
            return True
        if self._a_large_place_named(words.span_text(mention.start, mention.end), place):
            return False
        if after + 2 < len(texts) and texts[mention.end] == "," and \
                _CITED_INITIALS.fullmatch(texts[after]) and _cited_next(words, after + 1) \
                and not self.places.candidates(texts[after]):
            return True
        token = doc[mention.start]
        conjuncts = [other.i for other in token.conjuncts]
        if not any(i in people_at for i in conjuncts) or any(i in places_at for i in conjuncts):
            return False
        return any(child.dep_ == "cc" and child.lower_ in _LIST_JOINS  # (on any member)
                   for member in (token, *token.conjuncts) for child in member.children)

    def _regions_of_sure_towns(self, doc: Doc, mentions: list[Mention], scores: _ArticlePlaces,
                               admin1s: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
        """The regions of the towns the article surely names (one candidate far ahead): local
        news names its neighbours ("Edmonton, south of Cairns" is the Queensland one)."""
        words = _words(doc)
        found: Counter[tuple[str, str]] = Counter()
        for mention in mentions:
            place = mention.place
            if mention.label not in PLACE_LABELS or place is None or place.level != "city" \
                    or not place.admin1:
                continue
            name = mention.canonical or words.span_text(mention.start, mention.end)
            if scores.confidence(name, place, mention.hint, admin1s) >= SURE_TOWN:
                found[(place.country or "", place.admin1)] += 1
        return found

    def _resolve_qualified(self, doc: Doc, mentions: list[Mention],
                           countries: Counter[str]) -> tuple[set[str], set[str]]:
        """A place followed by ", " or "in" and the region or country it lies in ("Detroit,
        Texas", a dateline's "PARIS, Mo.", "Queensland, Australia", "the villages of Foua and
        Kfraya in Idlib") is the place of that name inside it (a town the gazetteer lacks
        there goes to the region's point, see _unlisted_town; after "in" only when the region
        is written by its own name: "in" also joins a team to its league, "Barca in La Liga",
        which the gazetteer takes for Louisiana); the article's other bare mentions of that
        name are the same place. Returns the names (folded) the text so settled, and the keys
        of the towns put at a region's point."""
        words = _words(doc)
        places = [m for m in mentions if m.label in PLACE_LABELS]
        by_start = {m.start: m for m in places}
        settled: dict[str, Place] = {}
        unlisted: set[str] = set()  # the keys of the _unlisted_town places
        qualified: set[int] = set()
        for mention in places:
            after = by_start.get(mention.end + 1)
            if after is None or mention.end >= len(doc) \
                    or words.texts[mention.end] not in (",", "in"):
                continue
            name = mention.canonical or words.span_text(mention.start, mention.end)
            container = after.canonical or words.span_text(after.start, after.end)
            found = self.places.best_within(name, container, countries, mention.hint)
            if found is not None:
                mention.place, after.place = found
                mention.confidence = self.places.confidence(name, found[0], countries,
                                                            mention.hint, within=found[1])
                settled.setdefault(fold_name(name), found[0])
                qualified.update((id(mention), id(after)))
            elif mention.label == "GPE" and (words.texts[mention.end] == "," or (
                    after.place is not None and fold_name(after.place.name) == fold_name(
                        words.span_text(after.start, after.end)))) and (town := _unlisted_town(
                    name, self.places.candidates(name), after.place)) is not None:
                mention.place = town
                mention.confidence = REGION_POINT_CONFIDENCE
                settled.setdefault(fold_name(name), town)
                unlisted.add(town.key)  # type: ignore[arg-type]
                qualified.update((id(mention), id(after)))
        for mention in places:
            if id(mention) in qualified:
                continue
            name = mention.canonical or words.span_text(mention.start, mention.end)
            place = settled.get(fold_name(name))
            if place is None or mention.hint is not None:
                continue
            if place.key in unlisted and mention.label == "GPE" and (
                    mention.place is None or mention.place.level == "city"):
                mention.place = place  # "Smallville" after "Smallville, Kansas"
                mention.confidence = REGION_POINT_CONFIDENCE
            elif mention.place is not None and mention.place.level == place.level:
                mention.place = place
        return set(settled), unlisted

    def _resolve_neighbours(self, doc: Doc, mentions: list[Mention], scores: _ArticlePlaces,
                            regions: Counter[tuple[str, str]], settled: set[str],
                            unlisted: set[str]) -> None:
        """Local news names neighbours: a town the article's context leaves unsure ("Edmonton"
        beside "London", and no country named) is the one of its namesakes that lies near a
        place the article names under another name (London's Edmonton; Alberta's is near no
        London), when only one does, the place chosen does not, and the context favours the
        chosen one by less than NEIGHBOUR_ODDS (Paris, France stays Paris though the
        article's Georgetown is Kentucky's), nor when the article names the chosen one's
        country and the neighbour is in another (the Paris of "in France"). A name the text
        settled ("Paris, Texas") is left alone. Spatial minimality, against the other names'
        chosen places only: a namesake of theirs proves nothing (every London has a Dublin
        near it somewhere), nor does a name of the same family ("Plymouth County"), nor a town
        put at its region's point (`_unlisted_town`)."""
        words = _words(doc)
        chosen: dict[str, set[Place]] = {}
        for mention in mentions:
            place = mention.place
            if mention.label in PLACE_LABELS and place is not None \
                    and place.level in ("city", "admin2") and place.key not in unlisted:
                name = mention.canonical or words.span_text(mention.start, mention.end)
                chosen.setdefault(name_family(name), set()).add(place)
        if len(chosen) < 2:
            return
        decided: dict[tuple[str, int], Place] = {}  # per name and place: the same answer
        for mention in mentions:
            place = mention.place
            if mention.label not in PLACE_LABELS or place is None or mention.hint is not None \
                    or place.level not in ("city", "admin2"):
                continue
            name = mention.canonical or words.span_text(mention.start, mention.end)
            key = (name, id(place))
            if key not in decided:
                decided[key] = place if fold_name(name) in settled else \
                    self._neighbour(name, place, chosen, scores, regions)
            mention.place = decided[key]

    def _neighbour(self, name: str, place: Place, chosen: dict[str, set[Place]],
                   scores: _ArticlePlaces, regions: Counter[tuple[str, str]]) -> Place:
        """`place`, or the namesake next to another name's chosen place (_resolve_neighbours)."""
        if scores.confidence(name, place, None, regions) >= SURE_TOWN:
            return place
        family = name_family(name)
        others = [other for key, places in chosen.items() if key != family for other in places]
        scored = scores.scored(name, None, regions)
        near = [(candidate, score) for candidate, score in scored
                if candidate.level in ("city", "admin2")
                and any(within_km(candidate, other, NEIGHBOUR_KM) for other in others)]
        current = max((score for candidate, score in scored if candidate is place),
                      default=None)
        if len(near) != 1 or near[0][0] is place or current is None \
                or current - near[0][1] >= NEIGHBOUR_ODDS:
            return place
        if near[0][0].country != place.country and place.country in scores.countries:
            return place
        return near[0][0]

    def _unsupported_small_places(self, doc: Doc, mentions: list[Mention], settled: set[str],
                                  unlisted: set[str]) -> None:
        """A small town, county or region (under SMALL_PLACE_POPULATION) is known only with
        its country: when no other name of the article is in that country (no other place,
        people or dateline there), the name meant something else ("Earth" is a town in Texas,
        "Gloria" one in Brazil, "Heathrow" one in Florida, "St. Paul's Hospital" no parish of
        Cape Verde) or a place the gazetteer lacks, and a text that meant the one it has would
        place it. So is a place of any size but a well-known one whose name ends a longer name
        the model found ("Thai Airways International", "McDonnell Douglas",
        `_in_a_longer_name`): the longer name is of a place only if the article is about its
        country ("Central Kharkiv" in a story from Ukraine). A name the model read as a
        location but no town ("the face of the Earth", "the one on Earth") is a small town
        only with its region: no other place of the article in the town's region or near it,
        and Earth, Texas is not meant (a name with a word for a kind of place, "the Peace
        River", names a river its town lies on). Its mention stays, with no place on the map.
        A name the text settled ("Paris, Texas") keeps its place."""
        words = _words(doc)
        starts = {m.start for m in mentions if m.label in PLACE_LABELS}
        names_in: dict[str | None, set[str]] = {}  # name families ("Plymouth County": plymouth)
        for mention in mentions:
            if mention.place is not None:
                name = mention.canonical or words.span_text(mention.start, mention.end)
                names_in.setdefault(mention.place.country, set()).add(name_family(name))
        for mention in mentions:
            place = mention.place
            if mention.label not in PLACE_LABELS or place is None \
                    or place.level not in ("city", "admin2", "admin1") or place.key in unlisted:
                continue
            inhabitants = self.places.inhabitants(place)
            if (inhabitants is None or inhabitants >= SMALL_PLACE_POPULATION) and not (
                    mention.embedded and not self._well_known(place)
                    and _in_a_longer_name(doc, mention, starts)):
                continue  # (None: a county the tables give no population)
            name = mention.canonical or words.span_text(mention.start, mention.end)
            if fold_name(name) in settled:
                continue
            if not names_in.get(place.country, set()) - {name_family(name)} or (
                    mention.label == "LOC" and place.level == "city"
                    and not any(word.lower() in _KINDS_OF_PLACE for word in name.split())
                    and not self._region_named(place, mentions)):
                mention.place = None

    def _well_known(self, place: Place) -> bool:
        """Is the place known well enough that its name inside a longer one means it ("Old
        Montreal", "Downtown Kyiv", "Delhi-NCR" read as organisations): a metropolis, a
        region of as many people, a capital of a large town? (Not the Isle of Man's Douglas
        in "McDonnell Douglas", nor Colombia's Meta in "Meta-Programming".)"""
        people = self.places.inhabitants(place) or 0
        if place.level == "city" and self.places.country_of_capital(place) is not None:
            return people >= STRONG_CITY_POPULATION
        return place.level in ("city", "admin1") and people >= METROPOLIS_POPULATION

    def _region_named(self, town: Place, mentions: list[Mention]) -> bool:
        """Does another place of the article lie in the town's region or near it?"""
        return any(m.place is not None and m.place is not town and (
            (m.place.country, m.place.admin1) == (town.country, town.admin1)
            or within_km(m.place, town, NEIGHBOUR_KM)) for m in mentions)

    def _acronyms_spelling_a_place(self, doc: Doc, mentions: list[Mention],
                                   settled: set[str]) -> None:
        """A word of two to four capitals in a line of mixed case is an acronym ("the OAS",
        "cryptic (IMO) syntax", "the ICA LA"), not the town or region whose name it spells
        (Oas, Imo, Ica): it loses its place. The abbreviation of a place ("BC", "GA") is one
        the gazetteer lists as a name of its own, a country keeps its letters, and the
        dateline ("ROME —") and a line written in capitals (a headline's "IOWA AND OHIO")
        spell names, not acronyms."""
        words = _words(doc)
        text = words.text
        in_dateline = _dateline_place(doc)
        for mention in mentions:
            place = mention.place
            if mention.label not in PLACE_LABELS or place is None or place.level == "country" \
                    or mention.canonical is not None or words.starts[mention.start] in in_dateline:
                continue
            name = words.span_text(mention.start, mention.end)
            if not (2 <= len(name) <= 4 and name.isalpha() and name.isupper()) \
                    or fold_name(name) != fold_name(place.name) or fold_name(name) in settled:
                continue
            at = words.starts[mention.start]
            line = text[text.rfind("\n", 0, at) + 1:text.find("\n", at) % (len(text) + 1)]
            if not line.isupper():
                mention.place = None

    def _resolve_lists(self, doc: Doc, mentions: list[Mention], countries: Counter[str],
                       admin1s: Counter[tuple[str, str]]) -> None:
        """A town named in a list of regions is the region of that name: "states such as
        Oregon or Washington" (the members of a coordination are of one kind)."""
        levels_named = {m.place.level for m in mentions
                        if m.label in PLACE_LABELS and m.place is not None}
        if "admin1" not in levels_named or "city" not in levels_named:
            return  # no region to list a town with (skips the parse look-ups below)
        words = _words(doc)
        by_root = {doc[m.start:m.end].root.i: m for m in mentions
                   if m.label in PLACE_LABELS and m.place is not None}
        for mention in by_root.values():
            assert mention.place is not None
            if mention.place.level != "city" or mention.hint is not None:
                continue
            siblings = [by_root.get(t.i) for t in doc[mention.start:mention.end].root.conjuncts]
            levels = [s.place.level for s in siblings if s is not None and s.place is not None]
            if not levels or not all(level == "admin1" for level in levels):
                continue
            name = mention.canonical or words.span_text(mention.start, mention.end)
            # not with the siblings as context: their counties of this name are no region
            region = self.places.best(name, countries, "region")
            if region is not None and region.level == "admin1":
                mention.place = region

    def _resolve_part(self, doc: Doc, mention: Mention, countries: Counter[str]) -> None:
        """A name the gazetteer lacks, resolved by a part: a county missing from the tables by
        the place of its name, "Team Ireland" by Ireland (the mention shrinks to the part that
        is the place)."""
        n = mention.end - mention.start
        if n >= 2 and _words(doc).lower(mention.end - 1) in REGION_WORDS:
            head = _text(doc, mention.start, mention.end - 1)
            mention.place = self.places.best(head, countries, None)
            return
        for length in range(n - 1, 0, -1):
            for start in range(mention.start, mention.end - length + 1):
                text = _text(doc, start, start + length)
                if not text[:1].isupper() or text.lower() in GENERIC_WORDS:
                    continue
                best = self.places.best(text, countries, None) \
                    if self.places.is_strong(text) else None
                if best is not None and not _fragment(doc, mention.start, mention.end,
                                                      start, start + length, best):
                    mention.place = best
                    mention.start, mention.end = start, start + length
                    if mention.place is not None:
                        mention.label = mention.place.label
                    return

    # ------------------------------------------------------------------ metonymy and roles

    def _government(self, doc: Doc, mention: Mention) -> tuple[Place, str] | None:
        """The country a capital stands for when the parse makes it an actor or a party, and
        how: "government" as the subject of a verb of state action, the agent of a passive
        one, the object of a verb of address, the owner of a decision ("Kiev unleashed
        warplanes": the capital's government acts); "state" as the counterpart in relations
        between states ("severed relations with Pyongyang", "sanctions on Moscow": the text
        names the state itself)."""
        country = self.places.country_of_capital(mention.place)
        if country is None or mention.label != "GPE":
            return None
        token = _first_conjunct(doc[mention.start:mention.end].root)  # "by Kiev and the West"
        head = token.head
        if token.dep_ == "nsubj":
            party = head.lemma_.lower() in AGENTIVE_VERBS
        elif token.dep_ == "dobj":
            party = head.lemma_.lower() in ADDRESSED_VERBS
        elif token.dep_ == "poss":
            party = head.lemma_.lower() in GOVERNMENT_NOUNS or head.lower_ in GOVERNMENT_NOUNS
        elif token.dep_ == "pobj":
            preposition, governor = head.lower_, head.head
            if preposition == "by" and head.dep_ == "agent":
                party = governor.lemma_.lower() in AGENTIVE_VERBS
            elif governor.pos_ == "VERB":
                party = (governor.lemma_.lower(), preposition) in VERB_PREPOSITIONS
            elif _is_in(governor, _RELATION_NOUNS_BY_PREPOSITION.get(preposition, ())):
                return country, "state"
            else:
                party = False
        else:
            party = False
        return (country, "government") if party else None

    def _role(self, doc: Doc, mention: Mention) -> tuple[int, int] | None:
        """The title or apposition that says what a person is, as a token span: "separatist
        leader Denis Pushilin", "Mykola Volynko, head of ...", "its ambassador to Russia,
        Olga Makeeva"."""
        root = doc[mention.start:mention.end].root
        before = [child for child in root.lefts if child.i < mention.start
                  and child.dep_ in ("compound", "amod", "nmod")]
        if before:
            start = min(child.left_edge.i for child in before)
            span = self._role_span(doc, start, mention.start)
            if span is not None:
                return span
        for child in root.rights:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= mention.end:
                span = self._role_span(doc, child.left_edge.i, child.right_edge.i + 1)
                if span is not None:
                    return span
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < mention.start:
            head = root.head
            end = mention.start
            while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space
                                        or doc[end - 1].lower_.rstrip(".") in HONORIFICS):
                end -= 1
            span = self._role_span(doc, head.left_edge.i, end)
            if span is not None and any(t.text in (",", ";", ":") for t in doc[span[0]:span[1]]):
                return None  # a list the name ends ("400 guests, including ..."), no title
            return span
        return None

    def _role_span(self, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
        """A role's span without leading determiners and edge punctuation; None unless it holds
        a common noun (a title like "leader", "head", "spokesperson"), is short and is more
        than an honorific."""
        while start < end and (doc[start].pos_ in ("DET", "PRON", "PUNCT", "SPACE")
                               or doc[start].dep_ == "case"):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        tokens = doc[start:end]
        if not tokens or len(tokens) > self.max_role_tokens or "\n" in tokens.text:
            return None
        if not any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in PERSON_TITLES for t in tokens):
            return None
        if all(t.lower_.rstrip(".") in HONORIFICS or t.is_punct for t in tokens):
            return None  # "Mr." says how a person is addressed, not what they are
        return start, end

    # ------------------------------------------------------------------ the stage

    def __call__(self, doc: Doc) -> Doc:
        """Write the corrected mentions (`doc.spans["entities"]`, with their entity id, role
        and metonymy) and each entity's own fields (`doc._.entity_table`) on the Doc. The
        stage's word lists live on the Doc while it runs and are removed after, so the Doc
        stays serialisable and no later stage reads them."""
        try:
            return self._extract(doc)
        finally:
            doc.user_data.pop(_WORDS_KEY, None)

    def _extract(self, doc: Doc) -> Doc:
        text = doc._.text
        speakers = self._speakers(doc)
        people = _reflexive_people(doc)
        mentions = self._spacy_mentions(doc)
        people |= self._people_doing(doc, mentions)
        self._relabel(doc, mentions, speakers, people)
        mentions = self._joined_places(doc, self._dateline(doc, text, mentions))
        mentions = self._listed_countries(doc, mentions)
        mentions += self._added_places(doc, mentions, speakers | people)
        mentions += self._added_names(doc, mentions)
        mentions = _without_degrees(doc, self._without_common_words(doc, mentions))
        mentions = _common_words_starting_sentences(doc, mentions, speakers | people)
        mentions.sort(key=lambda m: (m.start, -m.end))
        self._resolve(doc, mentions)
        self._unplaced_people(doc, mentions)
        unique: dict[tuple[int, int], Mention] = {}
        for mention in mentions:  # a mention shrunk to its place may meet an added one
            unique.setdefault((mention.start, mention.end), mention)
        # a place inside a longer name that is no place here is a fragment of that name
        mentions = [mention for mention in unique.values() if not (
            mention.embedded and mention.place is None and mention.label in PLACE_LABELS)]
        for mention in mentions:
            if mention.label in PLACE_LABELS:
                found = self._government(doc, mention)
                if found is not None and found[1] == "state":  # a mention of the state
                    mention.capital, mention.place = mention.place, found[0]
                elif found is not None:
                    mention.government = found[0]
            elif mention.label == "PERSON":
                mention.role = self._role(doc, mention)
        spans: list[Span] = []
        table: dict[str, dict[str, Any]] = {}
        words = _words(doc)
        starts, ends = words.starts, words.ends
        for entity in self._group(doc, mentions):
            by_span: dict[tuple[int, int], Mention] = {}
            for m in entity.mentions:  # keyed by its characters
                by_span.setdefault((starts[m.start], ends[m.end - 1]), m)
            place = entity.place
            if place is None and entity.label not in PLACE_LABELS:
                places = [m.place for m in entity.mentions if m.place is not None]
                place = places[0] if places else None
            name = entity.name or (place.name if place is not None else "")
            if place is not None and entity.label in PLACE_LABELS and name.isupper() \
                    and len(name) > 3:
                name = place.name  # a dateline's "KHARKIV" is filed under Kharkiv
            in_order = [(chars, by_span[chars]) for chars in sorted(by_span)]
            spans.extend(self._mention_span(doc, words, mention, chars, entity.key,
                                            entity.label)
                         for chars, mention in in_order)
            roles = list(dict.fromkeys(  # the span is exact; the listed title reads as one
                " ".join(words.span_text(*mention.role).split())
                for _, mention in in_order if mention.role is not None))
            confidences = [m.confidence for m in entity.mentions  # (`is`: no id string built)
                           if m.confidence is not None and m.place is not None
                           and (m.place is place or m.place.id == place.id)] if place else []
            table[entity.key] = {
                "name": name,
                "type": entity.label,
                "geonames": place.geonames if place else None,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
                "country": place.country if place else None,
                **({"geo_confidence": round(max(confidences), 2)} if confidences else {}),
                **({"roles": roles} if roles else {}),
            }
        write_entities(doc, spans, table)
        return doc

    def _mention_span(self, doc: Doc, words: _Words, mention: Mention, chars: tuple[int, int],
                      entity_key: str, label: str) -> Span:
        """The mention's span (its characters: `chars`), with its extension values."""
        span = Span(doc, mention.start, mention.end, label=label)
        values: dict[str, Any] = {"entity_id": entity_key}
        if mention.role is not None:
            role_start, role_end = mention.role
            values["role"] = [words.starts[role_start], words.ends[role_end - 1]]
        if mention.government is not None:
            values["metonymy"], values["stands_for"] = "government", mention.government.id
        if mention.capital is not None:
            values["metonymy"], values["stands_for"] = "state", mention.capital.id
        set_span_values(doc, chars, values)
        return span


__all__ = ["EntityStage", "Mention", "canonical_name", "entity_id", "fold_name", "slug"]
