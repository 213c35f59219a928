"""Trigger detection and clause resolution: which verbs and event nouns report an event.

A candidate is a verb whose rules give a sense, a support verb carrying an event noun
("launched an offensive"), or an event noun the syntax makes happen ("clashes erupted").
Clauses then decide what each candidate is to the others: a reported event, the content of a
demand or threat, an intent, a condition, a description or a wish (see the package docstring).
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from newsgraph.clauses import is_imperative
from newsgraph.doc import entity_type
from newsgraph.petrarch import agent_phrases
from newsgraph.stages.events.actors import POLITICAL_WORDS, agents_in
from newsgraph.stages.events.lexicon import (
    ACCIDENT_NOUNS,
    AMOUNT_VERBS,
    ANIMALS,
    ASSAULTABLE,
    BURST_STUFF,
    CAPTIVES,
    COMMENTATOR_NOUNS,
    COMMERCE_VERBS,
    COMMERCIAL_NOUNS,
    COMMUNICATION_NOUNS,
    CONTEST_MARGINS,
    DEMANDABLE,
    DENIED_CLAIMS,
    EFFORT_VERBS,
    ENDING_VERBS,
    EVENT_MEASURE_NOUNS,
    FORCES,
    FREQUENCY_ADVERBS,
    GATHERING_VERBS,
    HARM_VERBS,
    HARMLESS_CAUSES,
    HARMLESS_DOERS,
    HYPOTHETICAL_ADVERBS,
    HYPOTHETICAL_MODALS,
    HYPOTHETICAL_WORDS,
    INTENT_MODALS,
    INTENT_NOUNS,
    INTENT_WORDS,
    KILL_LEMMAS,
    LASTING_CONFLICTS,
    LIGHT_NOUNS,
    LOCATIVE_PREPS,
    LONG_SPANS,
    MOTION_VERBS,
    NATURAL_FORCES,
    NOUN_LEXICON,
    NOUN_MODIFIERS,
    NOUNS_NEEDING_MODIFIER,
    PASSAGE,
    PHRASAL_PARTICLES,
    PROPERTY,
    PURPOSE_MARKS,
    RECENT_WORDS,
    REPORT_NOUNS,
    REPORT_VERBS,
    RIOT_CONTROL,
    SCENE_PREPS,
    SELF_EXPLODING,
    SPEECH_VERBS,
    STATE_VERBS,
    SUPPORT_VERBS,
    TEMPORAL_PREPS,
    TERRITORY,
    TEXT_NOUNS,
    TIME_CLAUSE_MARKS,
    TIME_UNITS,
    TRANSPARENT_NOUNS,
    UNDERTAKING_VERBS,
    UNREACHED_MARKS,
    VEHICLES,
    WEAPONS,
    WISH_WORDS,
    WORKPLACES,
    Sense,
)
from newsgraph.stages.events.rules import (
    BUSINESS_AGENT,
    COOPERATIVE,
    MATERIAL_CONFLICT,
    PERSON_ENTITY_TYPES,
    PLACE_ENTITY_TYPES,
    VERB_LEXICON,
    VERBAL,
    Frame,
    Rule,
    a_cause_clause,
    agent_noun,
    doc_cache,
    head_lemma,
    is_actor,
    is_party,
    names_a_person,
    opens_out_of,
    owned_by_party,
    paragraph_of,
    parse_frame,
    prep_object,
    undergoer,
    water_cannon,
)
from newsgraph.stages.events.rules import (
    counted as counted_in,
)
from newsgraph.stages.times import SEASON_MONTH

# ----------------------------------------------------------------------------- candidates


@dataclass
class Candidate:
    """A trigger found in the parse, and what clause resolution made of it."""

    token: Token  # the head of the trigger: the verb, or the event noun
    type: str
    mode: str | None
    noun: Token | None = None  # the event noun a support verb carries
    start: int = 0  # trigger span (token indices, end exclusive)
    end: int = 0
    kept: bool = True
    negated: bool = False
    hypothetical: bool = False
    content: list[Candidate] = field(default_factory=list)
    blocked: list[Candidate] = field(default_factory=list)  # separate events below this one
    merged: list[Candidate] = field(default_factory=list)
    actor_override: Token | None = None
    target_override: Token | None = None


def _ancestors_with_deps(token: Token) -> Iterable[tuple[Token, str]]:
    """(ancestor, dep of the child below it) from the token up to the root of its paragraph."""
    current = token
    paragraphs = doc_cache(token.doc).paragraphs
    block = paragraphs[token.i]
    while current.head.i != current.i and paragraphs[current.head.i] == block:
        yield current.head, current.dep_
        current = current.head


def clause_subject_after(prep: Token) -> Token | None:
    """A preposition left without its object because the parser read it as the subject of a
    following participle (asylum granted "to" people the participle then describes as
    staying somewhere): that subject."""
    doc = prep.doc
    for token in doc[prep.i + 1:min(len(doc), prep.i + 12)]:
        if token.dep_ in ("nsubj", "nsubjpass") and token.left_edge.i == prep.i + 1 and \
                prep.head.is_ancestor(token):
            return token
    return None


# ----------------------------------------------------------------------------- detection


def _verb_lemma(token: Token) -> str:
    """The lemma, mended where the lemmatizer cut a past form wrongly ("staged" -> "stag"):
    a -ed form whose lemma is unknown but whose stem plus "e" is a known verb."""
    lemma = token.lemma_.lower()
    if token.tag_ in ("VBD", "VBN") and lemma not in VERB_LEXICON and \
            lemma not in SUPPORT_VERBS and token.lower_.endswith("ed"):
        stem = token.lower_[:-1]
        if stem in VERB_LEXICON or stem in SUPPORT_VERBS:
            return stem
    return lemma


# Every part before a space of a phrasal key ("call for" -> "call"): a verb whose lemma is
# none of them has no phrasal reading, so its children need not be walked to look for one.
_PHRASAL_VERB_HEADS = frozenset(key[:i] for key in VERB_LEXICON
                                for i, char in enumerate(key) if char == " ")


def _verb_senses(token: Token, verb_lemma: str, test_compound: bool) -> Sense | None:
    """The sense of a verb by its rules; `verb_lemma` is its `_verb_lemma` and
    `test_compound` whether it closes a "test-fire" compound, both already read by the caller."""
    lemma = _american(verb_lemma)
    if lemma not in VERB_LEXICON and not test_compound and (
            lemma not in _PHRASAL_VERB_HEADS or not any(
            f"{lemma} {child.lower_}" in VERB_LEXICON for child in token.children
            if child.dep_ in ("prt", "prep"))):
        return None  # no reading to look up: the frame is not needed
    if lemma == "call" and any(child.dep_ == "oprd" for child in token.children):
        return None  # naming: "is called the Garden of France for good reason"
    frame = parse_frame(token)
    keys = []
    if frame.prt:
        keys.append(f"{lemma} {frame.prt}")
    for child in token.children:  # "called for", "pushing for"
        if child.dep_ == "prep" and child.lower_ in PHRASAL_PARTICLES and \
                not opens_out_of(child):
            keys.append(f"{lemma} {child.lower_}")
    if test_compound:
        keys.append("test-fire")
    keys.append(lemma)
    for key in keys:
        for cond, sense in VERB_LEXICON.get(key, ()):
            if cond(frame):
                return _checked(sense, frame)
        if key in VERB_LEXICON and key != lemma:
            return None if not VERB_LEXICON[key] else _first_any(VERB_LEXICON[key], frame)
    return None


# The word classes the checks below test, joined once (not on every verb).
_ASSAULTABLE_THINGS = ASSAULTABLE | TERRITORY | PROPERTY | PASSAGE | FORCES | WEAPONS | CAPTIVES | \
    RIOT_CONTROL
_TRADED_FIRE = frozenset({"fire", "gunfire"})
"""What is opened, exchanged or traded in a firefight: no thing attacked, the attack itself."""
_SPOKEN_TYPES = VERBAL | {"AGREE", "SUPPORT", "CONCEDE", "CONSULT"}
"""Acts of words and of meeting: what people and their bodies do, never a machine ("the
plane promises", "the planes would meet additional demand", "a ship arrived at the search
area")."""
_MACHINES = (VEHICLES | WEAPONS) - {"fighter", "carrier", "tank"}
"""Craft and weapons as subjects: never a fighter (a person), a carrier (an airline) or a
tank (a think tank), which speak and meet."""


def _checked(sense: Sense | None, frame: Frame) -> Sense | None:
    """Drop readings the arguments rule out: violence done to a deal or a disease ("killed
    the deal", "fought cancer"; not to a person: "attacked a businessman", nor what only
    people suffer: "abducted 100 schoolgirls"), words said or a
    meeting held by a machine (`_SPOKEN_TYPES`)."""
    if sense is None:
        return None
    obj_token = frame.obj
    if sense[0] == "ASSAULT" and sense[1] not in DONE_TO_PEOPLE and obj_token is not None \
            and obj_token.pos_ == "NOUN" and \
            not is_party(obj_token) and not owned_by_party(obj_token) and \
            head_lemma(obj_token) not in _ASSAULTABLE_THINGS and not agent_noun(obj_token) \
            and not names_a_person(obj_token) and not _weaponry(obj_token) \
            and not water_cannon(obj_token) and not (
                head_lemma(obj_token) in _TRADED_FIRE
                and frame.verb.lemma_ in ("exchange", "trade", "open")):  # not "traded shots"
        return None
    if sense[0] in _SPOKEN_TYPES and frame.subj is not None and \
            head_lemma(frame.subj) in _MACHINES:
        return None
    if sense[0] == "REJECT" and _declines_comment(frame):
        return None
    if sense[0] in VERBAL and obj_token is None and frame.clause is None and any(
            name in frame.preps for name in _MOTION_PREPS):
        return None  # "the typhoon slammed into the Philippines": a blow, no word said
    return sense


DONE_TO_PEOPLE = frozenset({"abduct", "assassinate", "torture", "sexual"})
"""Modes of an attack that only people suffer: what is abducted or tortured is someone
("abducted more than 100 schoolgirls"), whether or not a dictionary lists the noun."""
_MOTION_PREPS = ("into", "onto", "through")
"""Where something moves: a verb of words ("slam", "blast", "hit out") with no one addressed
and such a phrase tells a physical blow."""


def _weaponry(noun: Token) -> bool:
    """Is the object what is fired, named by its kind or its count ("a rocket barrage", "a
    wave of drones"): the instrument of the attack, not what was attacked?"""
    counted = counted_in(noun)
    return any(child.dep_ == "compound" and head_lemma(child) in WEAPONS
               for child in noun.children) or (
        counted is not None and head_lemma(counted) in WEAPONS)


def _declines_comment(frame: Frame) -> bool:
    """Is the refusal one to talk ("declined to comment", "refused to say whether", "declined
    comment")? CAMEO codes it 011, a comment, which PLOVER has no event for (PETRARCH's
    "DECLINE * COMMENT"). Refusing to say something ("refused to acknowledge the result") or
    to do anything else stays a rejection."""
    if frame.verb.lemma_.lower() not in ("decline", "refuse"):
        return False
    if frame.obj is not None:
        return frame.obj.lemma_.lower() == "comment"
    said = frame.clause
    return said is not None and said.dep_ == "xcomp" and \
        said.lemma_.lower() in SPEECH_VERBS - _ANSWERS and \
        all(_says_no_more(c) for c in said.children)


_ANSWERS = frozenset({"respond", "reply"})
"""Verbs of saying that answer someone: refusing to answer a demand rejects it."""


def _says_no_more(child: Token) -> bool:
    """Is this word of a refused "to say" what a comment has: its "to", a topic ("on the
    matter"), "further", or what was not said ("whether troops crossed")? Anything else
    ("refused to respond to a demand", "to acknowledge the result") makes it a rejection."""
    if child.dep_ in ("aux", "advmod", "punct", "neg"):
        return True
    if child.dep_ == "prep":
        return child.lower_ in ("on", "about", "beyond")  # "beyond the statement"
    return child.dep_ == "ccomp" and any(
        w.tag_ in ("WDT", "WP", "WRB") or w.lower_ in ("whether", "if")
        for w in child.subtree if w.i < child.i)


def _american(lemma: str) -> str:
    """'recognise' -> 'recognize': the lexicon is spelt one way, news both ways."""
    if lemma.endswith("ise") and lemma[:-3] + "ize" in VERB_LEXICON:
        return lemma[:-3] + "ize"
    return lemma


def _first_any(rules: list[Rule], frame: Frame) -> Sense | None:
    for cond, sense in rules:
        if cond(frame):
            return sense
    return None


def _noun_sense(token: Token) -> Sense | None:
    lemma = token.lemma_.lower()
    if token.i > 1 and token.nbor(-1).text == "-":  # "sit-in", "walk-out" split in two
        joined = f"{token.nbor(-2).lower_}-{token.lower_}"
        if joined in NOUN_LEXICON:
            return NOUN_LEXICON[joined]
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            key = (lemma, child.lemma_.lower())
            if key in NOUN_MODIFIERS:
                return NOUN_MODIFIERS[key]
    if lemma in NOUNS_NEEDING_MODIFIER:
        return None
    if lemma == "fire":
        return ("ASSAULT", "firearms") if token.dep_ == "dobj" and token.head.lemma_ == \
            "open" else None
    if _a_measure_of_a_thing(token):
        return None  # "a blast of horns from the boats"
    if lemma in _EXPLOSIONS and _exploded_of_itself(token):
        return None  # "a methane gas explosion ripped through a coal mine": an accident
    if lemma == "demand" and _market_demand(token):
        return None  # "adding to demand for the premium beans": buyers', no one's request
    if lemma == "release" and any(
            child.dep_ == "prep" and child.lower_ == "of" and (thing := prep_object(child))
            is not None and head_lemma(thing) not in CAPTIVES and not is_actor(thing)
            and entity_type(thing) != "PERSON" for child in token.children):
        return None  # "the release of a tablet computer", as the verb needs a captive
    if lemma == "talk" and token.tag_ == "NN" and not any(
            c.dep_ == "prep" and c.lower_ in ("with", "between") for c in token.children):
        return None  # "talk of access to the sea" is speech; negotiations are "talks"
    return NOUN_LEXICON.get(lemma)


def _a_measure_of_a_thing(noun: Token) -> bool:
    """Is a blast or an explosion a burst of some stuff (`BURST_STUFF`: "a blast of horns", "a
    blast of cold air", "an explosion of colour")? Not "a blast of tear gas", "a blast of
    shrapnel"; other event nouns take what they are done to so ("a bombardment of towns")."""
    if noun.lemma_.lower() not in _EXPLOSIONS or not any(
            child.dep_ == "det" and child.lower_ in ("a", "an") for child in noun.children):
        return False
    stuff = [prep_object(child) for child in noun.children
             if child.dep_ == "prep" and child.lower_ == "of"]
    return bool(stuff) and all(thing is not None and head_lemma(thing) in BURST_STUFF
                               for thing in stuff)  # not "a blast of shrapnel"


def _market_demand(noun: Token) -> bool:
    """Is "demand" a market's: a mass noun (singular, with no article or owner) for or of a
    thing no party demands ("demand for the premium beans", "oil demand from China"),
    not "a demand for his release", "their demands", "demand for a ceasefire"?"""
    if noun.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in noun.children):
        return False
    wanted = [prep_object(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"]
    wanted += [c for c in noun.children if c.dep_ == "compound"]  # "oil demand from China"
    return bool(wanted) and all(
        thing is not None and thing.pos_ == "NOUN" and not is_party(thing)
        and not agent_noun(thing) and head_lemma(thing) not in DEMANDABLE
        and head_lemma(thing) not in NOUN_LEXICON and head_lemma(thing) not in POLITICAL_WORDS
        for thing in wanted)


_REPORTING_VERBS = REPORT_VERBS | {"be"}


def _noun_licensed(noun: Token) -> bool:
    """Is this event noun something that happened here, not just a name for one?"""
    head, dep = noun.head, noun.dep_
    # climb out of quantity nouns: "a burst of gunfire", "a series of clashes"
    while dep == "pobj" and head.lower_ == "of" and \
            head.head.lemma_.lower() in EVENT_MEASURE_NOUNS:
        noun = head.head
        head, dep = noun.head, noun.dep_
    if noun.head.i == noun.i:  # a fragment: a headline, a caption
        return True
    if dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        # "clashes erupted", not "the demands include ...", "the attack was the deadliest" or
        # a count that changes ("attacks have continued to rise")
        return head.lemma_.lower() not in STATE_VERBS and not _counted_by(head)
    if dep in ("dobj", "attr") and head.lemma_.lower() in _REPORTING_VERBS:
        return True
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in REPORT_NOUNS:
        return True
    if dep != "pobj":
        return False
    verb = head.head.lemma_.lower()
    if head.lower_ in ("in", "during", "amid") and verb in HARM_VERBS:
        return True  # "killed in clashes"
    return head.lower_ in ("for", "in", "at", "to", "into") and verb in GATHERING_VERBS


def _hyphen_suffixes(keys: Iterable[str]) -> frozenset[str]:
    """Every tail after a hyphen of a hyphenated key ("sit-in" -> "in")."""
    return frozenset(key[i + 1:] for key in keys for i, char in enumerate(key) if char == "-")


# What a noun must be for `_noun_sense` to find one: a lemma of the noun table or of the
# modifier table, "fire", or the tail of a hyphenated noun. A cheap test on strings that
# lets the walk skip the Token of every other noun (the answer is None for them anyway).
_NOUN_SENSE_LEMMAS = frozenset(NOUN_LEXICON) | {head for head, _ in NOUN_MODIFIERS} | {"fire"}
_HYPHEN_TAILS = _hyphen_suffixes(NOUN_LEXICON)


class StringTest:
    """A test on strings of the vocabulary, answered once per string and remembered by its
    hash: the Doc's arrays hold hashes, and reading a hash's string back costs more than the
    test itself (some 100,000 reads a run, for a few thousand distinct words)."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self._test = test
        self._answers: dict[int, bool] = {}

    def passing(self, strings: StringStore, keys: list[int], positions: list[int]) -> set[int]:
        """The positions whose word passes, the word of position `i` being `keys[i]`."""
        answers, test = self._answers, self._test
        found = set()
        for i in positions:
            key = keys[i]
            answer = answers.get(key)
            if answer is None:
                answer = answers[key] = test(strings[key])
            if answer:
                found.add(i)
        return found


def _may_trigger(lemma: str) -> bool:
    """Can a verb of this (lower-case) lemma give a candidate: a lemma of the verb lexicon in
    either spelling, the head of a phrasal key, or a support verb."""
    return _american(lemma) in VERB_LEXICON or lemma in _PHRASAL_VERB_HEADS or \
        lemma in SUPPORT_VERBS


def _may_be_mended(lower: str) -> bool:
    """Could `_verb_lemma` mend this -ed form to a lemma that may trigger ("staged")?"""
    return lower.endswith("ed") and _may_trigger(lower[:-1])


_VERB_LEMMA_MAY_TRIGGER = StringTest(lambda lemma: _may_trigger(lemma.lower()))
_VERB_FORM_MAY_BE_MENDED = StringTest(_may_be_mended)
_NOUN_LEMMA_MAY_SENSE = StringTest(lambda lemma: lemma.lower() in _NOUN_SENSE_LEMMAS)
_NOUN_FORM_MAY_SENSE = StringTest(lambda lower: lower in _HYPHEN_TAILS)


def _verbs_to_read(doc: Doc, verbs: list[int], lemmas: list[int], lowers: list[int],
                   ) -> list[int]:
    """The verbs that may be triggers: their lemma or mended form may give a sense, or they
    close a "test-fire" compound. Every other verb would be read only to find nothing, so no
    Token is made for it; the words are the Doc's arrays (`lemmas`, `lowers`: hashes)."""
    strings = doc.vocab.strings
    readable = _VERB_LEMMA_MAY_TRIGGER.passing(strings, lemmas, verbs) | \
        _VERB_FORM_MAY_BE_MENDED.passing(strings, lowers, verbs)
    return [i for i in verbs if i in readable or _closes_test_compound(strings, lowers, i)]


def _closes_test_compound(strings: StringStore, lowers: list[int], i: int) -> bool:
    """Does the verb at `i` close a "test-fire" compound? Read from the arrays (`lowers`:
    hashes), so no Token is made for the words before it."""
    return i > 1 and lowers[i - 1] == strings["-"] and lowers[i - 2] == strings["test"]


_NOUN_PHRASE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})
"""Where a participle with a determiner heads a noun phrase ("the injured")."""


def _counted_by(verb: Token) -> bool:
    """Does the verb tell a count changing ("rose", "have continued to rise", "fell by
    half"): its subject is a number of events, not one that happened? Not with a day of its
    own ("protests grew on Tuesday")."""
    changes = verb.lemma_.lower() in AMOUNT_VERBS or any(
        c.dep_ == "xcomp" and c.lemma_.lower() in AMOUNT_VERBS for c in verb.children)
    return changes and not _dated_to_a_day(verb)


def find_candidates(doc: Doc) -> list[Candidate]:
    candidates: dict[int, Candidate] = {}
    used_nouns: set[int] = set()
    strings = doc.vocab.strings
    words = doc_cache(doc)
    lemmas, lowers = words.lemmas, words.lowers
    verb, aux, root = strings["VERB"], strings["AUX"], strings["ROOT"]
    verbs = [i for i, (tag, dep) in enumerate(zip(words.pos, words.deps, strict=True))
             if tag == verb or (tag == aux and dep == root)]
    for i in _verbs_to_read(doc, verbs, lemmas, lowers):
        token = doc[i]
        dep = token.dep_
        if dep in ("amod", "compound", "npadvmod", "nmod") and not any(
                c.dep_ == "nsubj" for c in token.children):
            continue  # "the occupying soldiers", "so-called": participles as adjectives
        if dep in _NOUN_PHRASE_DEPS and token.tag_ == "VBN" and any(
                c.dep_ == "det" for c in token.children):
            continue  # "visited the injured", "the accused": the people, not what befell them
        if dep in ("nsubj", "csubj") and token.tag_ == "VBG" and \
                token.head.lemma_.lower() in STATE_VERBS:
            continue  # "fighting has subsided": a gerund naming what went on, not news of it
        lemma = _verb_lemma(token)
        test_compound = _closes_test_compound(strings, lowers, i)  # "test-fired"
        sense = _verb_senses(token, lemma, test_compound) \
            if lemma not in SPEECH_VERBS or lemma in VERB_LEXICON else None
        start = i - 2 if test_compound else i
        if sense is not None:
            candidate = Candidate(token, sense[0], sense[1], start=start, end=token.i + 1)
            obj_token = parse_frame(token).obj
            if obj_token is not None and _noun_sense(obj_token) is not None:
                used_nouns.add(obj_token.i)
            candidates[token.i] = candidate
            continue
        if lemma in SUPPORT_VERBS:
            if lemma == "have" and token.tag_ not in ("VBD", "VBN"):
                continue  # "has a deal", "is having discussions": a state, not a done act
            if any(child.dep_ == "oprd" for child in token.children):
                continue  # "calling the strikes a violation": naming the object, not doing it
            frame = parse_frame(token)
            # the object, else "went on strike", "was put under investigation"; a light noun
            # stands for its modifier (a mediation or peace effort, mission or drive)
            nouns = [frame.obj, frame.preps.get("on") if lemma == "go" else
                     frame.preps.get("under")]
            nouns += [c for n in nouns if n is not None and n.lemma_.lower() in LIGHT_NOUNS
                      for c in n.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            found = next(((n, sense) for n in nouns if n is not None
                          for sense in (_noun_sense(n),) if sense is not None), None)
            if found is None:
                continue
            noun, noun_sense = found
            if noun_sense[0] == "PROTEST" and noun.lemma_ == "protest" and lemma in (
                    "lodge", "file", "deliver", "issue", "make"):
                noun_sense = ("ACCUSE", "disapprove")
            used_nouns.add(noun.i)
            candidates[token.i] = Candidate(token, noun_sense[0], noun_sense[1], noun=noun,
                                            start=token.i, end=token.i + 1)
    noun, proper_noun = strings["NOUN"], strings["PROPN"]
    nouns = [i for i, tag in enumerate(words.pos) if tag in (noun, proper_noun)]
    readable = _NOUN_LEMMA_MAY_SENSE.passing(strings, lemmas, nouns) | \
        _NOUN_FORM_MAY_SENSE.passing(strings, lowers, nouns)
    for i in nouns:
        if i in used_nouns or i not in readable:
            continue
        token = doc[i]
        sense = _noun_sense(token)
        if sense is None or not _noun_licensed(token) or _part_of_a_name(token):
            continue
        candidates[token.i] = Candidate(token, sense[0], sense[1], noun=token,
                                        start=token.i, end=token.i + 1)
    dateline = doc._.dateline  # "ABUJA, March 1 -": where and when it was filed, no news
    return [candidates[i] for i in sorted(candidates)
            if dateline is None or not dateline["start"] <= doc[i].idx < dateline["end"]]


# ----------------------------------------------------------------------------- no event



def _part_of_a_name(noun: Token) -> bool:
    """Is the event noun a capitalised word of a name inside a sentence written in lower case
    ("the English Attack" in chess, "the Battle of Hastings", "the Tet Offensive"): a named
    thing or a past event, not one reported? A headline in title case ("Rebels Launch
    Attack") has few lower-case words, and a sentence's first word is capitalised anyway."""
    if noun.pos_ != "PROPN" or not noun.text[:1].isupper() or noun.is_sent_start:
        return False
    words = [t for t in noun.sent if t.is_alpha and len(t) > 3]
    return sum(t.text[:1].islower() for t in words) >= max(3, len(words) // 2)


def _is_political(token: Token | None) -> bool:
    """A party that governs, fights or protests: a state, a people, an official, a group."""
    if token is None:
        return False
    if entity_type(token) in ("GPE", "NORP"):
        return True
    return head_lemma(token) in POLITICAL_WORDS


def _is_commercial(token: Token | None) -> bool:
    """A trader ("the carmaker", "investors"); a political role first, so "lawmakers" and
    "policymakers" never are."""
    if token is None or _is_political(token):
        return False
    lemma = head_lemma(token)  # a name's plural is left as written: "Yeti Airlines"
    return lemma in COMMERCIAL_NOUNS or (lemma.endswith("s") and lemma[:-1] in COMMERCIAL_NOUNS)


def is_business(candidate: Candidate, actor: Token | None, target: Token | None) -> bool:
    """Business news or commentary, not a political interaction: a company's or investors'
    deal, demand or rejection aimed at no political party ("shareholders rejected the pay
    package"), an agreement to trade ("Microsoft agreed to buy the studio"), or what
    commentators say ("analysts warned of retaliation")."""
    if candidate.type == "PROTEST":
        return False
    if candidate.type not in MATERIAL_CONFLICT and head_lemma(actor) in COMMENTATOR_NOUNS:
        return True
    if _is_commercial(actor) and (not _is_political(target) or where_it_was(target) or (
            target is not None and target.dep_ == "pobj" and target.head.lower_ == "between"
            and entity_type(target) in PLACE_ENTITY_TYPES)):
        return True  # "several routes in Wales were closed" by train operators, "bus
        # companies cancelled all trips between Tacloban and Manila"
    clause = parse_frame(candidate.token).clause if candidate.noun is None else None
    return clause is not None and clause.lemma_.lower() in COMMERCE_VERBS and \
        not _is_political(actor) and candidate.type in COOPERATIVE


def where_it_was(word: Token | None, named: Token | None = None) -> bool:
    """Is the word only a place the act happened in ("in Wales", "across the north"), a
    scene, not a party it was done to? `named`: the place it stands for, if not itself."""
    return word is not None and word.dep_ == "pobj" and word.head.lower_ in SCENE_PREPS \
        and entity_type(named or word) in PLACE_ENTITY_TYPES


def harm_by_no_one(candidate: Candidate, actor: Token | None) -> bool:
    """A death, injury or defeat no one inflicted, as PETRARCH's dictionary codes no event:
    the doer is an earthquake, a flood, a crash ("two strong earthquakes have struck Iran",
    "the quakes struck near Tabriz": no attack, no strike), the cause of the harm an
    accident, a storm, a disease, an election ("injured in the accident", "beat him in the
    election"), or the defeat was won by a margin (`_won_by_a_margin`). A verb joined to
    another with no subject of its own reads that one's too ("was hit in a crash and
    killed"; not "the earthquake damaged the town and the army bombed Aleppo"). A cause
    someone wields is no accident ("injured from acid thrown by her husband")."""
    verbs = [candidate.token]
    frames = [parse_frame(candidate.token)]
    own_doer = frames[0].agent or frames[0].subj
    participle = own_doer is None and _participle_adjunct(candidate.token)
    if own_doer is None and (participle or (
            candidate.token.dep_ == "conj" and frames[0].patient is None)):
        verbs.append(candidate.token.head)
        frames.append(parse_frame(candidate.token.head))
        for _ in range(3):  # "crashed into a gorge while approaching Pokhara, killing all
            # 72", "crashed while landing, skidding off the runway and hitting a wall,
            # killing 179": the crash's doing
            above = verbs[-1]
            if (frames[-1].agent or frames[-1].subj) is not None or \
                    above.dep_ not in ("advcl", "conj") or above.head.pos_ != "VERB":
                break
            verbs.append(above.head)
            frames.append(parse_frame(above.head))
    doers = [actor, *(frame.agent or frame.subj for frame in frames), *(
        child for verb in verbs for child in verb.children if child.dep_ == "nsubj")]
    if candidate.type not in ("ASSAULT", "COERCE") and any(
            doer is not None and _a_force_of_nature(doer) for doer in (actor, own_doer)):
        return True  # "the monsoon arrives in Kerala", "begins to withdraw from northwest
        # India": weather comes and goes; no one visits or retreats
    if any(doer is not None and head_lemma(doer) in HARMLESS_DOERS for doer in doers) or \
            any(head_lemma(verb) in HARMLESS_DOERS or _failed_of_itself(verb, candidate.token)
                for verb in verbs[1:]):
        return True  # "crashed, killing", "a disused gold mine collapsed, killing 38"; not
        # "collapsed after an airstrike, killing"
    if candidate.type == "COERCE" and own_doer is None and frames[0].patient is not None \
            and head_lemma(frames[0].patient) not in TERRITORY:  # not "the border was closed"
        doers += [prep_object(child) for child in candidate.token.children
                  if child.dep_ == "prep" and child.lower_ in TIME_CLAUSE_MARKS]  # its cause:
        # "the highway was closed after a small landslip"; not "after protests"
        doers += [parse_frame(clause).subj for clause in _time_clauses(candidate.token)
                  if parse_frame(clause).agent is None]  # "the A62 was blocked after a
        # lorry was blown onto its side"; not "after a lorry was seized by rebels"
    if candidate.type == "COERCE" and any(
            doer is not None and doer.pos_ == "NOUN" and _harmless_thing(doer)
            for doer in doers):
        return True  # "a wildfire forced 600 residents to leave", "floods cut off the town"
    if candidate.type != "ASSAULT":
        return False
    if candidate.noun is None and candidate.token.lemma_.lower() in _EXPLODING_VERBS and \
            own_doer is not None and _exploded_of_itself(own_doer):
        return True  # "A gas cylinder exploded in a restaurant", "a boiler exploded"
    if any(doer is not None and _an_animal(doer) for doer in doers) or any(
            child.dep_ == "compound" and _an_animal(child) for child in candidate.token.children):
        return True  # "attacked by dogs", "a bear mauled a hiker", "a shark attack"
    if candidate.noun is None and frames[0].patient is None and own_doer is not None and \
            head_lemma(candidate.token) not in _HARM_DONE and _a_force_of_nature(own_doer):
        return True  # "Storm Ciaran battered northwestern France", "a tornado hit the town"
    if candidate.noun is None and head_lemma(candidate.token) in _HARM_DONE:
        doer = frames[-1].agent or frames[-1].subj if len(frames) > 1 else own_doer
        if doer is None and len(verbs) > 1 and verbs[-1].dep_ == "acl":
            doer = verbs[-1].head  # a headline-like "A line of storms swept ..., killing two"
        if doer is None and len(verbs) > 1:
            doer = _subject_above(verbs[-1])  # "A bus plunged off a cliff after colliding
            # with a truck, killing 48", "a plane crashed while approaching ..., killing 68"
        if head_lemma(candidate.token) == "die" or frames[0].patient is not None:
            doer = frames[0].agent or _doer_of_time_clause(candidate.token) or (
                doer if len(verbs) > 1 else None)  # the clause it hangs on, not who died
        if doer is not None and _harmless_thing(doer):
            return True
        causes = list(_time_clauses(candidate.token))
        if doer is None and any(head_lemma(clause) in HARMLESS_DOERS for clause in causes):
            return True  # "was killed after crashing his car"
        if frames[0].agent is None and (frames[0].patient is not None or head_lemma(
                candidate.token) == "die") and causes and all(
                _happening_of_no_party(clause) for clause in causes):
            return True  # "three were killed when a minibus taxi collided with a truck"; not
            # "when a fire broke out after rioters torched a police station"
    if candidate.noun is None and any(_won_by_a_margin(verb) for verb in verbs):
        return True
    for verb in verbs:
        for child in verb.children:
            if child.dep_ != "prep":
                continue
            phrases = HARMLESS_CAUSES.get(child.lower_)
            cause = prep_object(child) if phrases or child.lower_ in _CAUSE_PREPS else None
            if cause is not None and ((phrases and _names_phrase(cause, phrases)) or (
                    child.lower_ in _CAUSE_PREPS and verb is candidate.token
                    and own_doer is None and head_lemma(verb) in _HARM_DONE
                    and _harmless_thing(cause) and not _caused_by_a_party(cause))) and \
                    not _wielded(verb, cause):
                return True  # "killed in the crash", "killed in a stampede", "died of cholera";
                # not "after the collapse of a building hit in a Russian strike"
    return False


_CAUSE_PREPS = frozenset({"in", "of", "after", "during"})
"""Prepositions whose object can be what did the harm ("killed in a fire", "died of
cholera", "killed after a gas explosion at a coal mine", "injured during a storm")."""


def _failed_of_itself(verb: Token, harm: Token) -> bool:
    """Is the verb a thing's failure (`ACCIDENT_NOUNS` as a verb: "collapsed", "crashed"),
    its subject no party and its clause, but for the harm told with it, no attack ("a
    disused gold mine collapsed, killing 38"; not "a building collapsed after an airstrike",
    "fighters stormed the town")?"""
    subject = parse_frame(verb).subj
    return head_lemma(verb) in ACCIDENT_NOUNS - NATURAL_FORCES and (
        subject is None or not (is_party(subject) or agent_noun(subject))) and \
        not _tells_an_attack([word for word in verb.subtree
                              if not harm.left_edge.i <= word.i <= harm.right_edge.i], verb)


def _a_force_of_nature(doer: Token) -> bool:
    """Is the doer fire, weather, the earth or disease (`NATURAL_FORCES`), itself or by the
    thing its name names ("Storm Ciaran", "a wall of water"), with no one wielding it?"""
    named = doer if head_lemma(doer) in NATURAL_FORCES else _thing_it_names(doer)
    return named is not None and head_lemma(named) in NATURAL_FORCES and _harmless_thing(doer)


def _an_animal(word: Token) -> bool:
    """An animal no party handles (`ANIMALS`): not "police dogs", nor a team named after
    one ("the Chicago Bears", "Wolves")."""
    return word.pos_ == "NOUN" and head_lemma(word) in ANIMALS and not entity_type(word) \
        and not owned_by_party(word) and not any(
            agent_noun(child) for child in word.children if child.dep_ in ("compound", "poss"))


_HARM_DONE = HARM_VERBS | {"destroy"}
"""Verbs of harm a thing can do with no one wielding it ("a fire killed five", "a tornado
destroyed homes")."""


def _subject_above(verb: Token) -> Token | None:
    """The subject of the clause a subjectless adverbial clause or conjunct hangs on ("a bus
    plunged ... after colliding", "a plane crashed ... while approaching", "two trains
    collided and derailed"), two clauses up at most."""
    for _ in range(2):
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head
        if verb.dep_ not in ("advcl", "prep", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
        subject = parse_frame(verb).subj if verb.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            return subject
    return None


def _doer_of_time_clause(verb: Token) -> Token | None:
    """What did the harm told with no doer ("12 were killed", "two died") when a time clause
    says what happened ("when a bus plunged into a ravine", "after a fire broke out"): that
    clause's subject (`_harmless_thing` judges it with its clause: "when a bomb exploded",
    "when a car hit a landmine" are attacks). A time clause of a conjunct tells the whole
    ("two were killed and dozens injured when a bus overturned")."""
    return next((parse_frame(clause).subj for clause in _time_clauses(verb)), None)


def _time_clauses(verb: Token) -> Iterable[Token]:
    """The verb's (and its conjuncts') when- and after-clauses ("when a bus plunged", "after
    crashing his car")."""
    for child in chain.from_iterable(v.children for v in (verb, *verb.conjuncts)):
        if child.dep_ == "advcl" and any(
                mark.dep_ in ("mark", "advmod") and mark.lower_ in TIME_CLAUSE_MARKS
                for mark in child.children):
            told = next((c for c in child.children if c.dep_ == "acl" and c.pos_ == "VERB"),
                        None) if child.pos_ == "NOUN" else None
            yield told or child  # "when a bus overturned", parsed as a bus that overturned
        elif child.dep_ == "prep" and child.lower_ in TIME_CLAUSE_MARKS:
            yield from (c for c in child.children if c.dep_ == "pcomp" and c.pos_ == "VERB")


def _happening_of_no_party(clause: Token) -> bool:
    """Is the time clause a happening no party does, the harm's cause ("when a minibus taxi
    collided head-on with a truck", "when a huge crowd surged into a narrow alley", "when a
    fire that broke out at a warehouse spread")? Its verb tells no event of the lexicon and
    rams no one; its subject is a thing or people of no force, state or armed group (no
    name, nothing a party owns); it names no weapon and no attack. Not "when gunmen opened
    fire", "when their car struck a landmine", "when police moved in", "when a car
    ploughed into the crowd", "when an explosive device went off", "when a fire broke out
    after rioters torched a police station"."""
    frame = parse_frame(clause)
    subject, lemma = frame.subj, clause.lemma_.lower()
    if subject is None and clause.dep_ == "acl":
        subject = clause.head  # "when a bus overturned", parsed as a bus that overturned
    if subject is None or subject.pos_ != "NOUN" or lemma in VERB_LEXICON or \
            lemma in RAMMING_VERBS or (lemma == "go" and frame.prt == "off"):
        return False  # "when a device went off": a bomb's verb
    words = list(clause.subtree)
    if entity_type(subject) or owned_by_party(subject) or any(
            code not in _NO_FORCE_CODES for code, _phrase in agents_in(words)) or any(
            word.pos_ == "NOUN" and head_lemma(word) in FORCES for word in words):
        return False  # "when a crowd of rioters set fire to a bus", "when a crowd surged
        # as riot police charged fans", "after militiamen set tents alight"
    return not _tells_an_attack(words, clause) and not any(
        entity_type(word) in _NAMED_PARTIES for word in words)


_NAMED_PARTIES = PERSON_ENTITY_TYPES - PLACE_ENTITY_TYPES
"""Named people, bodies and nationalities: a place named in a clause is only its scene."""


_NO_FORCE_CODES = frozenset({None, "CVL", "PPL", "REL", "EDU", "MED", "LAB"})
"""PETRARCH's codes of people who are no force (civilians, people, worshippers, students,
the sick, workers), and no code: a thing. What they do by accident is no one's act."""


def _participle_adjunct(verb: Token) -> bool:
    """A participle clause with no subject of its own, telling what its clause did ("the plane
    crashed, killing all on board"): the clause's doer is the harm's."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(
        child.dep_ == "mark" for child in verb.children)


def _harmless_thing(doer: Token) -> bool:
    """Is the doer of harm a thing no one wields (`ACCIDENT_NOUNS`: "the fire", "a bus", a
    storm, the building; an explosion of what explodes of itself, "a methane gas explosion"),
    as PETRARCH's null-coded doers (`crash`, `flood`) are? Not when
    someone is named wielding it: a party or an agent that owns it or modifies it ("Israeli
    fire", "sniper fire"), one its clause names ("a fire set by protesters"), a weapon in
    it ("a car packed with explosives"), or a party it was driven at ("a car rammed into a
    crowd of protesters"), or an attack its clause tells of ("a building collapsed after an
    airstrike", "a fire broke out after rioters torched a police station"); gunfire is no
    blaze ("came under heavy fire"). A shape or an amount of such a thing is that thing ("a
    line of thunderstorms", "a wall of water"). A thing whose clause's verb tells an attack
    ("when his car struck a mine") was wielded, unless it is a force of nature ("a tornado
    hit the town", "a fire broke out")."""
    clause = doer.head if doer.dep_ == "nsubj" else None
    exploded = _exploded_of_itself(doer)
    kind_of_a_name = False  # "Cyclone Freddy": the name's kind word, in the entity
    if not exploded and head_lemma(doer) not in ACCIDENT_NOUNS and not agent_noun(doer) and (
            doer.pos_ == "PROPN" or not is_party(doer)):
        named = _thing_it_names(doer)
        if named is not None:
            doer, kind_of_a_name = named, named.dep_ == "compound"
    one_word_name = doer.pos_ == "PROPN" and doer.lower_ in ACCIDENT_NOUNS and not any(
        c.dep_ == "compound" for c in doer.children)  # "Cholera has killed 1,200" (an ORG)
    traders = {child.i for child in doer.children if _a_traders_name(child, doer)}
    if (head_lemma(doer) not in ACCIDENT_NOUNS and not exploded) or (
            owned_by_party(doer) and not traders) or (
            not kind_of_a_name and not one_word_name and (
                doer.pos_ != "NOUN" or entity_type(doer))):
        return False
    if head_lemma(doer) == "fire" and not any(child.dep_ == "det" for child in doer.children):
        return False  # "came under heavy fire": gunfire; "a fire broke out": a blaze
    if any(entity_type(child) in PERSON_ENTITY_TYPES and child.i not in traders
           for child in doer.children):
        return False  # "Israeli fire", "a Hamas car"; not a count: "two cars collided"
    wielding = [word for word in doer.subtree if word.i != doer.i
                and word.pos_ in ("NOUN", "PROPN") and not _carried(word, doer)
                and not _in_its_place(word, doer, exploded)
                and not _a_traders_name(word, doer)]
    if clause is not None and clause.lemma_.lower() in _ATTACK_VERBS and not exploded and \
            head_lemma(doer) not in NATURAL_FORCES and not _ran_into_a_thing(clause):
        return False  # "when his car exploded", "when his car struck a mine"; not "a gas
        # cylinder exploded", "a tornado hit the town", "a fire broke out", "a train hit a
        # fallen oak"
    if clause is not None and clause.lemma_.lower() in RAMMING_VERBS:  # "rammed into a crowd"
        wielding += [prep_object(child) for child in clause.children if child.dep_ == "prep"]
        wielding += [child for child in clause.children if child.dep_ == "dobj"]
    if clause is not None and _tells_an_attack(
            [word for word in clause.subtree
             if not doer.left_edge.i <= word.i <= doer.right_edge.i], clause):
        return False  # "a building collapsed after an Israeli airstrike"
    return not any(word is not None and (  # people, not places ("a fire in Tamil Nadu",
        ((is_actor(word) or agent_noun(word))  # "near Port-au-Prince")
         and entity_type(word) not in PLACE_ENTITY_TYPES) or head_lemma(word) in WEAPONS)
        for word in wielding)


def _ran_into_a_thing(clause: Token) -> bool:
    """Does the clause's verb strike a thing that harms no one by itself (`ACCIDENT_NOUNS`:
    "when a packed commuter train hit a large oak", "the bus struck a wall"), no party and
    no weapon ("struck a mine", "hit a crowd")?"""
    struck = [child for child in clause.children if child.dep_ == "dobj"]
    return bool(struck) and all(
        head_lemma(thing) in ACCIDENT_NOUNS and not entity_type(thing)
        and not owned_by_party(thing) for thing in struck)


def _tells_an_attack(words: list[Token], clause: Token) -> bool:
    """Do these words of a clause name a weapon or an attack ("after an Israeli airstrike",
    "when an explosive device went off") or tell one with its doer ("after rioters torched a
    police station", "after it was shelled by the Rapid Support Forces")?"""
    return any(word.lemma_.lower() in WEAPONS or head_lemma(word) in WEAPONS
               or (word.pos_ == "NOUN" and _is_attack(word))
               or (word.i != clause.i and _attack_by_someone(word)) for word in words)


def _attack_by_someone(verb: Token) -> bool:
    """Is the word a verb of attack or harm told with its doer ("rioters torched a police
    station", "it was shelled by the Rapid Support Forces"), not a participle of what the
    thing did ("after hitting a goods wagon", "killing at least 100")?"""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ATTACK_VERBS | _HARM_DONE:
        return False
    frame = parse_frame(verb)
    return (frame.agent or frame.subj) is not None


def _a_traders_name(word: Token, doer: Token) -> bool:
    """Is the word a trader's name or in one, owning the craft ("a Yeti Airlines passenger
    plane", "the carrier's jet"): a business runs it, no party wields it?"""
    while word.i != doer.i and word.head.i != word.i:
        if _is_commercial(word):
            return True
        word = word.head
    return False


def _told_before(explosion: Token) -> bool:
    """Is "the explosion" one the article has told of as one of itself ("An explosion at the
    colliery killed 86 men. ... John Rees was killed in the explosion")? The definite noun
    refers back to the last one introduced ("an explosion"), through the definite ones
    between; the first telling that decides it (`_explosion_verdict`) does."""
    if not _definite(explosion):
        return False
    doc = explosion.doc
    for word in reversed(doc[max(0, explosion.i - _TOLD_REACH):explosion.i]):
        if word.pos_ == "NOUN" and word.lemma_.lower() in _EXPLOSIONS:
            verdict = _explosion_verdict(word)
            if verdict is not None or not _definite(word):
                return bool(verdict)  # "On Monday, an explosion hit a police station":
                # a new one, undecided
        elif word.pos_ == "VERB" and word.lemma_.lower() in _EXPLODING_VERBS:
            subject = next((c for c in word.children if c.dep_ == "nsubj"), None)
            if subject is not None and head_lemma(subject) in SELF_EXPLODING:
                return _exploded_of_itself(subject)  # "a gas cylinder exploded ..., and two
                # workers were killed in the explosion"; not "rescuers burst into the tunnel"
    return False


_TOLD_REACH = 400
"""Tokens back that "the explosion" looks for the one it refers to: a few paragraphs."""


def _definite(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ == "the" for child in noun.children)


def _in_its_place(word: Token, doer: Token, exploded: bool) -> bool:
    """Is the word in the phrase that places the doer: where a relative clause says it
    started ("a fire that broke out at a chemical warehouse in Old Dhaka's Chawkbazar") or,
    for an explosion, where it was ("an explosion at BP's Texas City refinery"): the place
    and its owner, who wield nothing? A craft's own place may be a party's ("a car in the
    army convoy")."""
    heads = [child for child in doer.children if child.dep_ == "relcl"]
    if exploded:
        heads.append(doer)
    return any(child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS
               and child.left_edge.i <= word.i <= child.right_edge.i
               for head in heads for child in head.children)


def _exploded_of_itself(doer: Token) -> bool:
    """Is the doer an explosion or a blast named by what explodes of itself (`SELF_EXPLODING`:
    "a methane gas explosion ..., killing 21 miners", "a boiler blast") or at a place of work
    (`_at_a_workplace`), or "the explosion" the article told of as one (`_told_before`), and
    its sentence and the next name no weapon, attack or armed group ("a gas explosion ...
    after a Russian drone strike", "...; the Islamic State group said its suicide bomber
    was responsible", "Activists blamed a barrel bomb")?"""
    if doer.dep_ == "nsubj" and doer.head.lemma_.lower() in _EXPLODING_VERBS and (
            head_lemma(doer) in SELF_EXPLODING or any(
                word.lemma_.lower() in SELF_EXPLODING for word in (
                    *(child for child in doer.children if child.dep_ == "compound"),
                    *(part for load in _load(doer) for part in load.subtree)))):
        # "a gas cylinder exploded", "a fuel tank exploded", "a truck loaded with gas
        # cylinders exploded"
        return _explosion_verdict(doer) is not False
    if head_lemma(doer) not in _EXPLOSIONS:
        return False
    verdict = _explosion_verdict(doer)
    return verdict if verdict is not None else _told_before(doer)


def _explosion_verdict(explosion: Token) -> bool | None:
    """What the explosion's own telling says: False when its sentence or the next names a
    weapon, an attack or an armed group; True when it is named by what explodes of itself
    or placed at a place of work; None when neither."""
    phrases = agent_phrases()
    told = explosion.sent
    if told.end < len(explosion.doc):  # the cause is often told next: "Activists blamed a
        told = explosion.doc[told.start:explosion.doc[told.end].sent.end]  # barrel bomb."
    if any(word.i != explosion.i and (
            head_lemma(word) in WEAPONS or phrases.get((word.lower_,)) in _ARMED_CODES or (
                word.pos_ == "NOUN" and word.lemma_.lower() not in _EXPLOSIONS
                and _is_attack(word))) for word in told):
        return False
    if any(child.dep_ in ("compound", "amod", "nmod") and child.lemma_.lower() in SELF_EXPLODING
           for child in explosion.children) or _at_a_workplace(explosion):
        return True
    return None


def _at_a_workplace(explosion: Token) -> bool:
    """Is the explosion at, in or through a place of work (`WORKPLACES`: "an explosion and
    fire at a coal mine", "explosions ripped through a chemical warehouse")?"""
    places = [child for child in explosion.children if child.dep_ == "prep"]
    if explosion.dep_ in ("nsubj", "nsubjpass"):
        places += [child for child in explosion.head.children if child.dep_ in ("prep", "dobj")]
    return any(word.pos_ == "NOUN" and word.lemma_.lower() in WORKPLACES
               for place in places for word in place.subtree)


_EXPLOSIONS = frozenset({"explosion", "blast"})
_EXPLODING_VERBS = frozenset({"explode", "blow", "burst", "ignite"})
_ARMED_CODES = frozenset({"MIL", "REB", "UAF"})
"""PETRARCH's codes of armed forces, rebels and unidentified armed groups."""


def _load(craft: Token) -> list[Token]:
    """What a participle says the craft or the structure carries: "a bus carrying 48
    passengers", "a bridge packed with people", "a truck loaded with gas cylinders"."""
    found = []
    for participle in craft.children:
        if participle.dep_ != "acl" or participle.tag_ not in ("VBG", "VBN"):
            continue
        found += [child for child in participle.children if child.dep_ == "dobj"
                  and participle.tag_ == "VBG"]
        found += [prep_object(child) for child in participle.children if child.dep_ == "prep"
                  and child.lower_ == "with" and participle.tag_ == "VBN"]
    return [word for word in found if word is not None]


def _carried(word: Token, craft: Token) -> bool:
    """Is the word what the craft carries, not who drives it: a compound of civilians or
    their kind ("a passenger train", "a tourist coach", "a school bus"), as opposed to a
    party's ("an army truck", "a Hamas car"), or what a participle says it carries, and
    the words of that load ("a bridge packed with people celebrating a festival")?"""
    for load in _load(craft):
        if load.left_edge.i <= word.i <= load.right_edge.i:
            return head_lemma(load) not in WEAPONS and not any(
                head_lemma(other) in WEAPONS for other in load.subtree)  # its load; not "a
            # car carrying explosives", "a car packed with explosives"
    return word.dep_ == "compound" and word.head.i == craft.i and \
        agent_phrases().get((word.lower_,)) in _CARRIED_CODES


_CARRIED_CODES = frozenset({"CVL", "EDU", "REL", "MED"})
"""PETRARCH's codes of civilians, schools, worshippers and the sick: what a bus, a train or a
boat carries."""


def _thing_it_names(doer: Token) -> Token | None:
    """The harmless thing a doer's phrase names when its head word does not: its "of" ("a
    line of thunderstorms", "a wall of water"), its apposition (the parse's "the magnitude
    7.0 earthquake"), or the kind word of one thing's name ("Cyclone Freddy", "Hurricane
    Ian", "Tropical Storm Nalgae"; not the missiles "Storm Shadows"). Not a common noun's
    compound: a "bus bombing" and a "car bomb" are attacks."""
    if doer.pos_ not in ("NOUN", "PROPN") or (doer.pos_ == "NOUN" and entity_type(doer)):
        return None
    for child in doer.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            named = prep_object(child)
        elif child.dep_ == "appos" or (child.dep_ == "compound" and doer.tag_ == "NNP"
                                       and child.i == doer.i - 1 and (
                                           child.i == doer.left_edge.i + (
                                               doer.left_edge.dep_ == "det")
                                           or head_lemma(child) in NATURAL_FORCES)):
            named = child  # "Cyclone Freddy", "Tropical Storm Nalgae"
        else:
            continue
        if named is not None and named.pos_ in ("NOUN", "PROPN") and \
                head_lemma(named) in ACCIDENT_NOUNS:
            return named
    if doer.pos_ == "NOUN" and _noun_sense(doer) is not None:  # "lightning strikes killed"
        return next((child for child in doer.children if child.dep_ == "compound"
                     and head_lemma(child) in NATURAL_FORCES), None)
    return None


def _is_attack(noun: Token) -> bool:
    sense = _noun_sense(noun)
    return sense is not None and sense[0] == "ASSAULT"


_ATTACK_VERBS = frozenset(lemma for lemma, rules in VERB_LEXICON.items()
                          if any(sense is not None and sense[0] == "ASSAULT"
                                 for _cond, sense in rules)) - _HARM_DONE
"""Verbs that may tell an attack ("explode", "strike", "hit"), other than the harm itself:
a thing that does one was wielded, or its clause is judged as an event of its own."""
RAMMING_VERBS = frozenset({"ram", "plough", "plow", "drive", "mow", "smash"})
"""How a vehicle is driven at people: at a party, an attack ("a car rammed into a crowd of
protesters"); what merely falls or crashes on people is no one's act."""


def _won_by_a_margin(verb: Token) -> bool:
    """Does the verb of harm say by how much a contest was won: a margin ("narrowly beat
    Clinton", CONTEST_MARGINS), a score ("beat Liverpool 2-1") or a count it was won by ("beat
    him by 300 votes", not a time or a distance: `_NO_MARGINS`)? A vote or a game, no one hurt."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in CONTEST_MARGINS:
            return True
        if child.right_edge.i - child.left_edge.i <= 2 and _SCORE.fullmatch(
                "".join(t.text for t in child.subtree)):  # ("2", "-", "1" as tokenised)
            return True
        doc = child.doc
        if child.like_num and child.i + 2 < len(doc) and _SCORE.fullmatch(
                "".join(t.text for t in doc[child.i:child.i + 3])):
            return True  # the score's parts hung on the verb one by one
        if child.dep_ == "prep" and child.lower_ == "by":
            counted = prep_object(child)
            if counted is not None and counted.ent_type_ not in _NO_MARGINS and any(
                    c.dep_ == "nummod" or c.like_num for c in counted.children):
                return True
    return False


_NO_MARGINS = frozenset({"TIME", "DATE", "QUANTITY", "MONEY"})
"""What a count after "by" is when it is no margin of a win: a time ("by 3 a.m."), a distance
("beat back the rebels by two kilometres"), a sum."""
_SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")
"""A game's score as news writes it ("2-1", "110-102")."""


def _wielded(verb: Token, cause: Token) -> bool:
    """Does a clause on the harm or its cause name who did it ("injured from acid thrown by
    her husband")?"""
    clauses = [c for c in (*verb.children, *cause.children)
               if c.dep_ in ("acl", "advcl", "relcl")]
    return any(c.dep_ == "agent" for clause in clauses for c in clause.children)


def _names_phrase(noun: Token, phrases: frozenset[tuple[str, ...]]) -> bool:
    """Does the noun, with its modifiers, name one of the phrases ("a training accident")?"""
    lemma = noun.lemma_.lower()
    modifiers = {child.lemma_.lower() for child in noun.lefts
                 if child.dep_ in ("amod", "compound")}
    return any(phrase[-1] == lemma and modifiers.issuperset(phrase[:-1]) for phrase in phrases)


# ----------------------------------------------------------------------------- clauses


def _modals(verb: Token) -> set[str]:
    """The verb's modals; "would have" done is what did not happen ("the centre would have
    involved agencies sharing intelligence"), read as "might". A verb joined to another with
    no subject and no auxiliary of its own shares that one's ("will enter the city and
    arrest them", "could seize the town and kill civilians")."""
    found = set()
    if verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and not any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                        for child in verb.children):
        found |= _modals(verb.head)
    perfect = False
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            found.add(child.lower_)
        if child.dep_ == "aux" and child.lower_ == "going":
            found.add("will")
        perfect = perfect or (child.dep_ == "aux" and child.lemma_ == "have")
    if perfect and found & {"would", "'d"}:
        found -= {"would", "'d"}
        found.add("might")
    return found


_GOVERNING_MODALS = HYPOTHETICAL_MODALS - {"can", "ca"}
"""Modals that make what their verb governs possible, not done; not "can": "he can be seen
tossing trash cans" shows what he did."""
_FUTURE_OR_POSSIBLE = HYPOTHETICAL_MODALS | INTENT_MODALS
"""Modals under which a time clause may still be ahead (`_not_reached`)."""
_AHEAD_MODALS = _GOVERNING_MODALS | (INTENT_MODALS - {"would"})
"""Modals whose verb's aim is not reached yet; not "would", which news also writes for what
used to happen or happened next ("troops would later open fire to disperse the crowd")."""


_DENYING_VERBS = frozenset({"deny", "dismiss", "reject"})
"""Verbs of REJECT that also deny what is said (`_a_denial`)."""


def _a_denial(verb: Token) -> bool:
    """Is the rejection a denial of what is said (CAMEO's 016 "Deny responsibility", which
    PLOVER does not code): "deny", "dismiss" or "reject" with a report, a claim or a charge
    as its object (`DENIED_CLAIMS`: "dismissed rumours of a coup", "rejected the
    allegations") or a clause of what did not happen ("denied that its troops had entered
    Ukraine")? Denying a request, visas or entry, and dismissing an appeal, are REJECT."""
    if verb.lemma_.lower() not in _DENYING_VERBS:
        return False
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and head_lemma(child) in DENIED_CLAIMS:
            return True
        if child.dep_ == "prep" and child.lower_ == "as" and any(  # "dismissed as false
                head_lemma(word) in DENIED_CLAIMS for word in child.children):  # reports"
            return True
        if child.dep_ == "ccomp" and verb.lemma_.lower() == "deny":
            return True
    return False


def _denied_after(clause: Token, verb: Token, dep: str) -> bool:
    """Is the clause the sentence's news, which the parser hung as the content of a denial
    told after it ("Congo accused Rwanda of sending soldiers ..., a charge Kigali has
    repeatedly denied": "denied" the root, "accused" its ccomp)? A charge, a claim or a
    report set beside the clause (an apposition) or after it names what is denied."""
    return dep == "ccomp" and verb.i > clause.i and verb.lemma_.lower() in _DENYING_VERBS \
        and any(
        word.lemma_.lower() in DENIED_CLAIMS and word.pos_ == "NOUN" and (
            word.dep_ == "appos" or word.i > clause.right_edge.i)
        for word in verb.doc[clause.i + 1:verb.i])


_BESIDE_MARKS = frozenset({"as", "while", "when", "after", "before", "since", "once"})
"""Marks of a clause told beside a forecast, not forecast by it ("the general predicted
victory as troops attacked the city on Monday")."""


def _hypothetical_word(token: Token) -> bool:
    """Is the word one of HYPOTHETICAL_WORDS, by its lemma or as written: the lexicon lists
    forms the lemmatizer cuts ("slated" -> "slat") or leaves as they are ("scheduled")."""
    return token.lemma_.lower() in HYPOTHETICAL_WORDS or token.lower_ in HYPOTHETICAL_WORDS


def _under_modal(modals: set[str], lemma: str) -> bool:
    """Do the governing verb's modals make what it governs possible, not done: "could decide
    to attack", "may try to negotiate", or a phrase of HYPOTHETICAL_WORDS written modal_verb
    ("would like to announce")?"""
    return bool(modals & _GOVERNING_MODALS) or any(
        f"{modal}_{lemma}" in HYPOTHETICAL_WORDS for modal in modals)


def _obliged(verb: Token, modals: set[str], infinitive: Token) -> bool:
    """Is this "has to" or "will have to", an act still owed ("Ottawa will have to pursue
    ..., negotiating deals")? "Had to" and "have had to" were done ("they had to flee",
    "police have had to arrest 40 protesters")."""
    return verb.lemma_ == "have" and (verb.tag_ in ("VBZ", "VBP") or (
        bool(modals) and verb.tag_ == "VB")) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children)


def _not_reached(clause: Token) -> bool:
    """Is this time clause, under a verb of the future or of a possibility, still ahead:
    "until Ukraine withdraws", "before the talks begin", "once Israel withdrew" (reported
    speech shifts the tense back), or a present tense after "after" and "when" ("when the
    army releases them"; "after Israel struck" happened)?"""
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}  # "when"
    if marks & UNREACHED_MARKS:
        return True
    return bool(marks & TIME_CLAUSE_MARKS) and clause.tag_ != "VBD" and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children)


def _ahead_in_the_present(clause: Token) -> bool:
    """Is this a time clause of what has not happened yet whatever governs it: "until",
    "before" or "once" with the present tense ("vowed to keep up demonstrations until Ruto
    resigns"), which only a time still ahead takes?"""
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
    return bool(marks & UNREACHED_MARKS) and clause.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in clause.children)


_CONDITIONAL_MODALS = frozenset({"would", "'d", "could", "might"})
"""Modals of a conjecture: said by the party ("Iran said it would retaliate if attacked") a
conditional is its threat; told by no one, or by an analyst, it is only possible."""


_GOING_ON = frozenset({"continue", "persist", "last", "drag", "go"})
"""Verbs of going on: "the protests will continue for a fourth day" tells protests that are
happening."""
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "auxpass",
                          "dative"})


def _ahead(noun: Token) -> bool:
    """Does the verb the event noun is the subject of tell it still ahead or only possible: a
    modal of the future or of possibility on a verb of its happening ("talks will resume",
    "an invasion would most likely fail", "clashes could break out")? Not one telling what
    it will do or what will be done about it ("the airstrike could derail talks", "the
    raid will be challenged in court"), nor a story's next step ("would later spread"), its
    going on ("will continue for a fourth day"), or a noun dated to a day ("Monday's
    clashes may signal a new phase"): those happened. Any strike that would, and what would
    have done, did not."""
    verb = noun.head
    modals = _modals(verb)
    if any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
        return bool(modals)  # "any Israeli strike on Iran would set the programme back"
    if modals & (HYPOTHETICAL_MODALS | INTENT_MODALS) and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) and not any(
            c.dep_ in ("relcl", "acl") for c in noun.children) and not _has_own_date(noun):
        return True  # "a Chinese blockade of Taiwan could wipe $2 trillion off output": one
        # not yet told, what it would do; "the blockade could last months" is one going on
    if modals and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return True  # "a bombardment would have destroyed the wire": what did not happen
    return bool(modals & (HYPOTHETICAL_MODALS | INTENT_MODALS)) and \
        not _narrated_next(verb, modals) and verb.lemma_.lower() not in _GOING_ON and \
        not any(c.dep_ in _COMPLEMENTS for c in verb.children) and not _has_own_date(noun)


def _noun_dated_lately(noun: Token) -> bool:
    """Has the event noun a date of its own within the last year ("unrest over the weekend",
    "the conflict, which flared again on Friday"), not only an old one ("the war, which
    began in November 2020")?"""
    published = published_day(noun.doc)
    starts = {t.idx for t in noun.subtree if t.i != noun.i}
    return any(time.get("start") in starts and time.get("type") in ("DATE", "TIME") and (
        published is None or not _a_year_gone_by(time, published))
        for time in noun.doc._.times or ())


def _did_not_happen(noun: Token) -> bool:
    """Is the event noun the subject of a negated verb of its happening ("the rally did not
    go ahead", "talks never resumed", "the strike did not take place"), not of a negated
    effect it had ("the attack did not kill anyone", "the protest did not turn violent"),
    of its stopping ("the shelling did not stop") or of a passive ("the massacre will not
    be forgotten")?"""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or \
            verb.lemma_.lower() in ENDING_VERBS or \
            not any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return False  # "the shelling did not stop", "will not be forgotten": it happened
    return not any(c.dep_ in _COMPLEMENTS and not (c.dep_ == "dobj" and c.lower_ == "place")
                   for c in verb.children)  # ("take place" tells it happening)


_NO_ONE_OR_NOTHING = frozenset({"nothing", "nobody", "none", "no-one"})
"""Pronouns that say an act had no object or no one underwent it ("asks for nothing",
"nobody was hurt", "nothing was agreed")."""


_COMPARED = frozenset({"fewer", "less", "more", "than", "longer"})
"""Words after "no" or "nothing" that compare, not negate ("no fewer than", "nothing less
than the resignation", "nothing more than a banner")."""


_EXCEPTING = frozenset({"but", "except", "besides", "else", "other", "short"})
"""Words after "nothing" or in a "no one" phrase that make an exception ("nothing but flags",
"nothing except the resignation", "no one but the prime minister")."""


def _no_one_or_nothing(word: Token) -> bool:
    """Is the word "nothing", "nobody" or "none" standing alone ("demanded nothing", "asks for
    nothing unusual"), not the head of a comparison or an exception ("nothing less than",
    "nothing but flags", "none other than") nor of a clause ("with nothing to lose")?"""
    return word.lower_ in _NO_ONE_OR_NOTHING and not (
        word.i + 1 < len(word.doc) and word.nbor().lower_ in _COMPARED | _EXCEPTING) and not any(
        child.dep_ in ("acl", "relcl") for child in word.children)  # "none of the parties
    # agreed" is none


def _is_negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ in ("dobj", "nsubjpass", "nsubj") and _no_one_or_nothing(child):
            return True  # "demanded nothing", "nobody was hurt", "nobody condemned it"
        if child.dep_ == "prep" and child.lower_ in ("for", "to", "with") and not any(
                other.dep_ in ("dobj", "nsubjpass", "auxpass") for other in token.children) \
                and any(grand.dep_ == "pobj" and _no_one_or_nothing(grand)
                        for grand in child.children):
            return True  # "it asks for nothing unusual", "talked to nobody"; not "arrested
            # him for nothing", "were jailed for nothing"
        if child.dep_ == "nsubjpass" and any(  # "no homes were destroyed", "no one was hurt"
                c.dep_ == "det" and c.lower_ == "no" for c in child.children):
            return True
        if child.dep_ == "nsubj" and (child.pos_ == "NOUN" or child.lower_ == "one") and any(
                c.dep_ == "det" and c.lower_ == "no" and c.i == child.left_edge.i
                and c.i + 1 < len(c.doc) and c.nbor().lower_ not in _COMPARED
                and not c.nbor().like_num for c in child.children) and not any(
                word.lower_ in _EXCEPTING for word in child.subtree):
            return True  # "No Western leader met him", "No one condemned the attack"; not
            # "No fewer than 5,000 protesters marched", "The No campaign", "No 10 accused
            # Russia", "No one but the prime minister met the envoy"
    head, dep = token.head, token.dep_
    if dep == "attr" and head.lemma_ == "be" and any(
            c.dep_ == "expl" for c in head.children) and any(
            c.dep_ == "neg" for c in head.children):
        return True  # "there hadn't been any real negotiations": said not to exist
    # "no reports of clashes", "without a fight"
    steps = 0
    while dep in ("pobj", "prep") and head.i != token.i and steps < 4:
        if head.lower_ == "without":
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return True
        token, head, dep = head, head.head, head.dep_
        steps += 1
    return False


def _intent_type(sense_type: str) -> str:
    if sense_type in COOPERATIVE:
        return "AGREE"
    if sense_type in MATERIAL_CONFLICT:
        return "THREATEN"
    return sense_type


def is_purpose(token: Token) -> bool:
    """An infinitive of purpose or an 'in order to' clause."""
    if token.dep_ not in ("advcl", "xcomp", "ccomp"):
        return False
    return any(c.dep_ in ("aux", "mark") and c.lower_ in PURPOSE_MARKS for c in token.children)


def in_condition_clause(token: Token) -> bool:
    """Is the token inside an if/unless/whether or an "as long as" clause?"""
    for ancestor, _ in chain([(token, token.dep_)], _ancestors_with_deps(token)):
        # the clause's own dep first: most ancestors are no clause, and need no children read
        if ancestor.dep_ in ("advcl", "ccomp") and any(
                c.dep_ == "mark" and (c.lower_ in ("if", "unless", "whether") or (
                    c.lower_ == "as" and ancestor.head.lower_ == "long"))  # "so long as"
                for c in ancestor.children):
            return True
    return False


def _instructed(verb: Token) -> bool:
    """An act a command asks for: the complement or the aim of an imperative ("make sure to
    hand over the culprit", "be ready to leave", "try to call the police", "let us
    negotiate", "go early to beat the crowds": a travel guide, pages o)."""
    while verb.dep_ in ("xcomp", "acomp") or (verb.dep_ == "ccomp"
                                              and verb.head.lemma_ == "let") or (
            verb.dep_ == "advcl" and is_purpose(verb)):  # "go early to beat the crowds"
        verb = verb.head  # "let us negotiate": the parser makes "us" the subject
        if is_imperative(verb):
            return True
    return False


def _what_it_is_called(noun: Token) -> bool:
    """An event noun that only judges or names what its subject is: the complement of a "be"
    that is negated or hedged ("getting a car is not a big deal", "this is not just an attack
    on me") or whose subject is an act told as a clause ("getting a car is a big deal").
    Not when the noun has its own doer ("an effective surrender by the rebel fighters",
    "Russia's attack") or "be" says there is one ("there was a bombing"); nor an event
    subject's description ("the blast was a suicide bombing claimed by Islamic State")."""
    head = noun.head
    if noun.dep_ != "attr" or head.lemma_ != "be" or any(
            c.dep_ == "expl" for c in head.children) or any(
            c.dep_ == "poss" or (c.dep_ in ("prep", "agent") and c.lower_ == "by")
            for c in noun.children):
        return False
    hedged = any(c.dep_ == "neg" for c in head.children) or any(
        c.dep_ == "advmod" and c.lower_ in ("just", "only", "simply", "merely")
        for c in (*head.children, *noun.children))
    told_as_clause = any(c.dep_ == "csubj" or (c.dep_ == "nsubj" and c.tag_ == "VBG")
                         for c in head.children)
    return hedged or told_as_clause


def is_standing(verb: Token) -> bool:
    """Whether the clause tells what has held over a stretch of time or what is done by habit,
    not an event on a day: a standing position ("has long accused"); a perfect that has lasted
    a year or more up to now ("has killed 13,000 people since 2014", "have been fighting the
    government for years", "has displaced thousands over the past year"; not "has shelled
    the city since Monday", "has been jailed for 10 years", nor a record: "its biggest strike
    since 2022", "their first deal in a decade"); a present tense of habit ("frequently
    attacks military bases", "raid the camp every night"), outside the title, whose present
    tells news."""
    children = list(verb.children)
    if any(c.dep_ == "advmod" and c.lower_ == "long" for c in children):
        return True
    if _perfect(verb):
        progressive = verb.tag_ == "VBG"
        return not _a_record(verb) and (
            any(_lasts_years(span, progressive) for span in _adjuncts(verb)) or (
                not _has_own_date(verb) and any(_lasts_years(span, progressive)
                                               for span in _conjuncts_adjuncts(verb))))
    return _habitual_present(verb, children)


def _perfect(verb: Token) -> bool:
    """Has or had done: its own "have", or its first conjunct's ("has killed 13,000 and
    displaced 1.5 million")."""
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return True
    return _conjunct(verb) and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.head.children)


def _conjunct(verb: Token) -> bool:
    """A conjunct with no subject or auxiliary of its own: it has its first conjunct's ("has
    killed X and displaced Y"; not "has ruled since 2021 and has detained the leader")."""
    return verb.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in verb.children)


def _shares_clause(verb: Token) -> bool:
    """A conjunct that shares its first conjunct's time too: a participle or a present (the
    perfect or the habit it joins) with no date of its own ("frequently attacks bases and
    kills soldiers"; not "has fought since 2012 and last week seized the town")."""
    if not _conjunct(verb) or _has_own_date(verb):
        return False
    if verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in verb.children):
        first = verb  # a base form the tagger gave a present's conjunct ("typically arrive
        while first.dep_ == "conj" and first.head.i != first.i:  # ..., gather villagers
            first = first.head  # and order the men")
        return first.tag_ in ("VBZ", "VBP")
    return verb.tag_ in ("VBN", "VBZ", "VBP")


def _has_own_date(verb: Token) -> bool:
    """A date or time in the verb's own phrases (not its conjuncts'): the time stage's, or
    the parser's DATE and TIME entities. A stretch places nothing ("killing dozens over
    several days" under an attack of February 2000 is that attack's)."""
    times = verb.doc._.times or ()
    stretches = [(time.get("start", -1), time.get("end", -1)) for time in times
                 if time.get("type") in ("DURATION", "SET")]
    own = [t for t in _own_words(verb)
           if not any(start <= t.idx < end for start, end in stretches)]
    if any(t.ent_type_ in ("DATE", "TIME") for t in own):
        return True
    starts = {t.idx for t in own}
    return any(time.get("start") in starts for time in times)


def _dated_to_a_day(verb: Token) -> bool:
    """A date of a day or a finer time in the verb's own phrases ("on Tuesday", "overnight",
    "on March 3"), not a year or a month ("in 2024")."""
    starts = {t.idx for t in _own_words(verb)}
    return any(time.get("start") in starts and _DAY_VALUE.match(time.get("value") or "")
               for time in verb.doc._.times or ())


def _own_words(verb: Token) -> list[Token]:
    """The words of the verb's own phrases (its conjuncts' left out)."""
    return [t for c in verb.children if c.dep_ not in ("conj", "cc") for t in c.subtree]


_DAY_VALUE = re.compile(r"(\d{4}|XXXX)-(\d{2}-\d{2}|W\d{2}-\d|WXX-\d)|PRESENT_REF|T\d")
"""A TIMEX3 value of a day or a time of day: 2014-05-28, XXXX-WXX-3, 2022-W07-2, T14:00."""


def _dated_to_a_year(token: Token) -> bool:
    """Is the act dated by a year or a decade of its own that ended two months or more before
    the article, or by a day or a month more than a year before it, and by nothing nearer
    ("were killed in political violence last year", "in 2014 Russia annexed Crimea", "the
    2016 accord", "on 18 June 1815 the armies met"): a tally over a year or history told as
    background, not this article's news? Only a date that is the verb's own word counts: "in
    2023", "last year", "the 2016 accord"; not a year naming something else ("for his role
    in the 1994 genocide", "interfering in the 2024 election"), a year ahead ("pledged aid
    for 2025"), one just ended ("fired 150 missiles late last year", written on 2 January),
    a record ("met for the first time since 2011") nor the time of a clause below. With no
    date of publication there is no telling."""
    published = published_day(token.doc)
    if published is None:
        return False
    times = _dating_times(token)
    if not times and token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
        return _dated_to_a_year(token.head.head)  # "killed in violence last year"
    if not times and token.pos_ in ("VERB", "AUX"):
        # an act told of a dated happening or text is of its date: "the explosion at the
        # port on Aug. 4, 2020 killed 220 people", "the 2020 Doha agreement committed the
        # US to withdraw", "under the 1994 Budapest Memorandum, Russia pledged"
        times = [time for word in _its_happening_or_text(token)
                 for time in _dating_times(word)]
    if not times and token.pos_ in ("NOUN", "PROPN") and token.dep_ in (
            "nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        # an event noun (a tagger's PROPN "jihadist violence" too) is dated by what it did
        # ("violence spread across the border in 2015"), not by its relative clause
        # ("talks, which were suspended in 2022, reopened in Vienna")
        times = _dating_times(token.head)
    return bool(times) and all(_a_year_gone_by(time, published) for time in times)


def _its_happening_or_text(verb: Token) -> list[Token]:
    """The event noun or the text (`TEXT_NOUNS`, a law's name) that is the verb's subject,
    or the text that an undertaking was made under ("under the 1994 Budapest Memorandum,
    Russia pledged")."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.lemma_.lower() in UNDERTAKING_VERBS:  # not "arrested 30 under a 2019 law"
        found += [prep_object(c) for c in verb.children
                  if c.dep_ == "prep" and c.lower_ == "under"]
    return [word for word in found if word is not None and word.pos_ in ("NOUN", "PROPN") and (
        _noun_sense(word) is not None or head_lemma(word) in TEXT_NOUNS
        or entity_type(word) == "LAW")]


def _dating_times(token: Token) -> list[dict[str, Any]]:
    """The times (the time stage's) among the token's own date words: its modifiers ("last
    year", "the 2016 accord") and the objects of its dating prepositions ("in 2023"); for
    a record ("the first time since 2011") no "since" and no stretch."""
    record = _a_record(token)
    dating = [c for c in token.children
              if c.dep_ in ("npadvmod", "advmod", "nummod", "compound", "amod")]
    dating += [p for c in token.children if c.dep_ == "prep" and c.lower_ in _DATING_PREPS
               and not (record and c.lower_ == "since")
               for p in c.children if p.dep_ == "pobj"]
    kinds = ("DATE",) if record else ("DATE", "DURATION")  # "for the third time in a year"
    return [time for time in token.doc._.times or ()
            if time.get("type") in kinds and any(
                time.get("start", -1) <= word.idx < time.get("end", -1) for word in dating)]


_DATING_PREPS = frozenset({"in", "during", "throughout", "over", "since", "on", "between",
                           "from"})
"""Prepositions whose object dates the act itself ("in 2023", "during 2019", "on 18 June
1815", "between 1975 and 1979")."""


def _a_year_gone_by(time: dict[str, Any], published: str) -> bool:
    """Is the time (the time stage's) a year or a decade before the article's (YYYY-MM-DD)
    (one whose last weeks it names, "late last year" written in January, is recent news), a
    month or a day more than a year before it ("on 18 June 1815" in a guide to Waterloo), or
    a stretch of three months or more (a tally's)?"""
    value = time.get("value") or ""
    stretch = re.fullmatch(r"P(\d+)([MY])", value)
    if stretch:  # "killed in the first six months of the year": a tally over a season or
        return stretch[2] == "Y" or int(stretch[1]) >= 3  # more ("over the past month" is news)
    season = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])", value)
    if season:  # a season, a quarter or a half of a year as the month it ends in (winter in
        code = season[2]  # the next February)
        end = 3 * int(code[1]) if code[0] == "Q" else 6 * int(code[1]) if code[0] == "H" \
            else SEASON_MONTH[code] + 2
        value = f"{int(season[1]) + end // 13}-{(end - 1) % 12 + 1:02d}"
        if code[0] in "QH":  # a quarter or a half gone by is a tally's stretch ("launched
            return value < published[:7]  # 200 drones in the second half of 2024")
    day = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if day:
        year, month = int(day[1]), int(day[2])
        if not 1 <= month <= 12:
            return False
        ended = datetime.date(year, month, int(day[3]) if day[3] else
                              calendar.monthrange(year, month)[1])
        return (datetime.date.fromisoformat(published) - ended).days > 365
    if not re.fullmatch(r"\d{3,4}", value):
        return False
    last_year = int(value) if len(value) == 4 else int(value) * 10 + 9
    gone = (datetime.date.fromisoformat(published) - datetime.date(last_year, 12, 31)).days
    its_end = _YEAR_END.search((time.get("text") or "").lower()) is not None
    return gone > (60 if its_end else 0)


_YEAR_END = re.compile(r"\b(?:late|end|final|closing|last (?:days|weeks))\b")
"""Words of a year's last weeks: "late last year", "at the end of 2023"."""


def _simple_present(verb: Token) -> bool:
    """Active "opens", "launches", or passive "is held", "is killed": the simple present."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (verb.tag_ in ("VBZ", "VBP") and not auxiliaries) or (
        verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass"
        and auxiliaries[0].tag_ in ("VBZ", "VBP"))


def published_day(doc: Doc) -> str | None:
    """The article's date as YYYY-MM-DD, None when it has no full one."""
    value = ((doc._.published or {}).get("value") or "")[:10]
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


def _scheduled(token: Token) -> bool:
    """Is the act told in the present with a day of its own after the article's date ("the
    summit opens in Tehran on Sunday", written on a Friday; "talks are held on Monday"): a
    schedule, still ahead? The time stage reads a present's weekday forward."""
    verb = token.head if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ != "VERB" \
        else token
    published = published_day(verb.doc)
    if not published or not _simple_present(verb):
        return False
    own = {t.idx for c in verb.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree}
    return any(time.get("start") in own and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
               and value > published
               for time in verb.doc._.times or () for value in (time.get("value") or "",))


def _a_toll(candidate: Candidate) -> bool:
    """Is this a killing whose doer is a conflict that lasts, with no day to it ("the war in
    Tigray killed an estimated 600,000 people", "gang violence killed 5,600 people in 2024"):
    a toll over its course, not an event? "Fighting killed 12 people on Tuesday" is news."""
    verb = candidate.token
    if candidate.noun is not None or verb.lemma_.lower() not in KILL_LEMMAS | HARM_VERBS:
        return False
    subject = parse_frame(verb).subj
    if subject is None and verb.dep_ in ("xcomp", "conj"):  # "the war is estimated to have
        # killed", "the war dragged on for eight years and killed half a million people"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
    return subject is not None and subject.lemma_.lower() in LASTING_CONFLICTS and \
        not _dated_to_a_day(verb) and not _noun_dated_lately(subject)  # "unrest over the
    # weekend is estimated to have killed 40": news


def _content_of_a_text(verb: Token) -> bool:
    """Is the clause what a text lays down, not what anyone did: a present tense whose
    subject is an agreement, a law or a plan ("the agreement commits Rwanda to lifting ...",
    "the resolution demands a withdrawal")? In the past tense a text's subject is its
    makers' act told by metonymy ("the decree banned the party") and stays news; what is done
    "under" a law is news in a headline's present ("Under the new law, police arrest six")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBZ", "VBP"):
        return False
    subject = parse_frame(verb).subj
    if subject is None and verb.dep_ == "conj" and verb.head.tag_ in ("VBZ", "VBP"):
        subject = parse_frame(verb.head).subj  # "the act requires ... and allows ..."
    return subject is not None and (head_lemma(subject) in TEXT_NOUNS
                                    or entity_type(subject) == "LAW")  # "the Digital Services
    # Act requires ...", "the UN sanctions ... ban exports"


def _adjuncts(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("prep", "advcl")]


def _conjuncts_adjuncts(verb: Token) -> list[Token]:
    """The phrases and clauses of the conjuncts the verb shares its subject and auxiliary
    with: an adjunct after the last conjunct qualifies them all ("has killed 13,000 and
    displaced 1.5 million since 2014")."""
    verbs = [c for c in verb.children if _conjunct(c)]
    if _conjunct(verb):
        verbs.append(verb.head)
    return [c for v in verbs for c in _adjuncts(v)]


def _a_record(verb: Token) -> bool:
    """A superlative or an ordinal in the clause: the span measures how rare the act is ("its
    biggest strike since 2022", "for the third time in a year"), not how long it lasted."""
    return any(t.tag_ in ("JJS", "RBS") or t.ent_type_ == "ORDINAL" for t in verb.subtree)


def _lasts_years(child: Token, progressive: bool) -> bool:
    """A span up to now of a year or more: since a year, a decade or a month over a year
    before ("since 2014", "since the 1990s", "since the war began in 2014", "since last
    year"), over, in or throughout the past or recent months or years, for years or for the
    past years. A "for" span that is counted is a term ("jailed for 10 years", "for a
    year") unless the verb goes on through it ("have been fighting for ten years"); a named
    period is no span ("during the holy month of Ramadan", "over years of unpaid fees")."""
    lower = child.lower_
    if child.dep_ == "prep" and lower in ("for", "over", "in", "throughout"):
        for noun in child.children:
            lemma = noun.lemma_.lower()
            if noun.dep_ != "pobj" or any(c.dep_ == "prep" for c in noun.children) or not (
                    lemma in LONG_SPANS or (lemma == "month" and noun.tag_ == "NNS")):
                continue
            recent = any(c.dep_ == "amod" and c.lower_ in RECENT_WORDS for c in noun.children)
            unbounded = noun.tag_ == "NNS" and not any(
                c.dep_ in ("nummod", "det", "amod") for c in noun.children)
            if recent or (lower == "for" and (unbounded or progressive)) or (
                    lower == "over" and noun.tag_ == "NNS" and not any(
                        c.dep_ == "nummod" for c in noun.children)):  # "over the years"
                return True
        return False
    since = (child.dep_ == "prep" and lower == "since") or (
        child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since"
                                      for c in child.children))
    return since and _from_a_year_ago(child)


def _from_a_year_ago(phrase: Token) -> bool:
    """The time stage found a date in the phrase that is a year or a decade ("2014", "the
    1990s", "last year"), or a month a year or more before the article's date ("since
    February 2021" in August 2022); not a time of day ("since 2000 GMT")."""
    doc = phrase.doc
    tokens = list(phrase.subtree)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    published = ((doc._.published or {}).get("value") or "")[:7]
    for time in doc._.times or ():
        value = time.get("value") or ""
        if time.get("type") != "DATE" or not (start <= time["start"] < end):
            continue
        if re.fullmatch(r"\d{3,4}", value):
            return True
        month = re.fullmatch(r"(\d{4})-(\d{2})", value)
        then = re.fullmatch(r"(\d{4})-(\d{2})", published)
        if month and then and (int(then[1]) * 12 + int(then[2])) - (
                int(month[1]) * 12 + int(month[2])) >= 12:
            return True
    return False


def _told_in_present(verb: Token) -> bool:
    """A deed told in the simple present in a full sentence of the body: what is done as a
    rule, or a story's plot ("Kaal's army launches an invasion", "her brother is killed by
    palace guards", "the squad captures a soldier"), not an event on a day. News tells a deed
    done in the past tense, or in the present only in a headline (the title, or a line with
    no full stop: "Rebels seize airport", or a sentence alone on its line, as a bullet or a lede
    may be), as it goes on ("are fighting") or with its date
    ("on Monday troops enter the town")."""
    if verb.pos_ not in ("VERB", "AUX") or not _simple_present(verb) or _has_own_date(verb):
        return False
    sentence = verb.sent
    if not _ends_a_sentence(sentence):
        return False  # a headline
    doc = verb.doc
    paragraphs = doc_cache(doc).paragraphs
    line = paragraphs[verb.i]
    dateline = doc._.dateline or {"start": -1, "end": -1}
    if not any(paragraphs[t.i] == line and not t.is_space and
               not dateline["start"] <= t.idx < dateline["end"] for t in (
            *doc[max(0, sentence.start - 3):sentence.start], *doc[sentence.end:sentence.end + 3])):
        return False  # alone on its line (a dateline aside): a headline, a bullet, a lede
    title = verb.doc._.article.get("title_span") if verb.doc._.article else None
    if title and title[0] <= verb.idx < title[1]:
        return False
    if _reported(verb) or sentence.start == lede_start(doc):
        return False  # "Ukraine says Russia deploys troops", the story's first sentence
    return _told_in_the_present(doc)


def _ends_a_sentence(sentence: Span) -> bool:
    """Does it end as a sentence does, not as a headline or a label ("Live updates: Ukraine
    war")?"""
    last = next((t for t in reversed(sentence) if not (t.is_quote or t.is_space)), None)
    return last is not None and last.text in (".", "!", "?")


def _a_commentators_reading(verb: Token) -> bool:
    """Is the act a present tense that analysts or experts say ("analysts say the dispute
    threatens to poison relations", "experts say the army uses starvation as a weapon"): a
    reading of how things stand, no event? What they say was done is reported as done."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBZ", "VBP"):
        return False
    return any(_a_commentators_word(said) for said in _sayings(verb))


def _reported(verb: Token) -> bool:
    """Is the deed what someone says ("Ukraine says Russia deploys more troops", "Russian
    forces shell Kharkiv, the governor says"): news told in the present of its source? Not
    what analysts say ("analysts say the military increasingly fights from the air"): a
    commentator's present is a reading of events, not their source's news."""
    return any(not _a_commentators_word(said) for said in _sayings(verb))


def _sayings(verb: Token) -> list[Token]:
    """The verbs of saying the verb is told under: above it ("Ukraine says Russia deploys")
    or hung on it ("..., the governor says")."""
    return [a for a in verb.ancestors if a.lemma_.lower() in SPEECH_VERBS] + [
        c for c in verb.children if c.dep_ in ("parataxis", "ccomp", "advcl")
        and c.lemma_.lower() in SPEECH_VERBS]


def _a_commentators_word(said: Token) -> bool:
    """Is the saying an analyst's, an expert's or a researcher's (`COMMENTATOR_NOUNS`)?"""
    return any(c.dep_ == "nsubj" and head_lemma(c) in COMMENTATOR_NOUNS for c in said.children)


def lede_start(doc: Doc) -> int:
    """The token where the story's first sentence starts: the first after the title and the
    dateline (a lede is news in any tense)."""
    cache = doc_cache(doc)
    if cache.lede_start is None:
        title = doc._.article.get("title_span") if doc._.article else None
        dateline = doc._.dateline
        after = max(title[1] if title else 0, dateline["end"] if dateline else 0)
        cache.lede_start = next((sent.start for sent in doc.sents
                                 if sent.end_char > after and any(t.is_alpha for t in sent)
                                 and _ends_a_sentence(sent)), 0)  # not a headline line
    return cache.lede_start


def _told_in_the_present(doc: Doc) -> bool:
    """Does the text tell its doings mostly in the present, as a plot, a guide or a rule
    does, and not in the past, as news does? More verbs in the simple present than in the
    past tense."""
    cache = doc_cache(doc)
    if cache.told_in_present is None:
        verbs = [t for t in doc if t.pos_ == "VERB"]
        present = sum(t.tag_ in ("VBZ", "VBP") for t in verbs)
        past = sum(t.tag_ == "VBD" for t in verbs)
        cache.told_in_present = present > past
    return cache.told_in_present


def _habitual_present(verb: Token, children: list[Token]) -> bool:
    """A present tense (active or passive) said to happen often or every day, week or night
    ("often target", "are routinely detained", "raid the camp almost every night"), outside
    the title (a headline's present is its news)."""
    auxiliaries = [c for c in children if c.dep_ in ("aux", "auxpass")]
    present = verb.tag_ in ("VBZ", "VBP") or (
        bool(auxiliaries) and auxiliaries[0].tag_ in ("VBZ", "VBP"))
    if not present or any(c.lemma_ not in ("do", "be") for c in auxiliaries):
        return False
    if not any((c.dep_ == "advmod" and c.lower_ in FREQUENCY_ADVERBS) or (
            c.dep_ in ("npadvmod", "advmod") and c.lemma_.lower() in TIME_UNITS | _WEEKDAYS
            and any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in c.children))
            for c in children):
        return False
    title = verb.doc._.article.get("title_span") if verb.doc._.article else None
    return not (title and title[0] <= verb.idx < title[1])


_WEEKDAYS = frozenset(day.lower() for day in calendar.day_name)


def resolve_clauses(candidates: list[Candidate]) -> None:
    """Decide which candidates are reported events and what the others are to them."""
    by_token = {c.token.i: c for c in candidates}
    for candidate in candidates:
        token = candidate.token
        if in_condition_clause(token) or is_imperative(token) or _instructed(token):
            # a condition; an instruction ("call 911", "go, meet him", "make sure to hand
            # over the culprit to the police")
            candidate.kept = False
            continue
        if _what_it_is_called(token):
            candidate.kept = False  # "it is not a big deal", "this was a political discussion"
            continue
        if _a_toll(candidate) or _content_of_a_text(token) or _dated_to_a_year(token) or \
                _a_commentators_reading(token):
            # "the war killed 600,000", "the agreement commits X to", "8,400 people were
            # killed last year", "the 2016 accord"
            candidate.kept = False
            continue
        if is_standing(token) or (token.dep_ in ("nsubj", "nsubjpass", "csubj")
                                  and is_standing(token.head)) or (
                candidate.type in MATERIAL_CONFLICT and _told_in_present(token)):
            # "has long accused", "has killed 13,000 since 2014", "fighting has displaced
            # thousands over the past year"
            candidate.kept = False
            continue
        if candidate.type == "REJECT" and _a_denial(token):
            candidate.kept = False  # "denied reports that its aircraft had struck Syria":
            continue  # CAMEO's 016, no PLOVER event; a rejection joined to it stands alone
        candidate.negated = _is_negated(token) or (
            candidate.noun is not None and _is_negated(candidate.noun))
        verbal = candidate.type in VERBAL  # before an intent makes a threat of an attack
        modals = _modals(token)
        if modals & HYPOTHETICAL_MODALS or any(
                c.dep_ == "advmod" and c.lower_ in HYPOTHETICAL_ADVERBS for c in token.children
        ) or _scheduled(token):
            candidate.hypothetical = True  # "can be filed", "possibly raped", "opens on Sunday"
        if token.dep_ in ("attr", "nsubj") and token.head.lemma_ == "be" and \
                _modals(token.head) & (HYPOTHETICAL_MODALS | INTENT_MODALS):
            candidate.hypothetical = True  # "there will be talks", "there could be a strike"
        if candidate.noun is not None and token.dep_ in ("nsubj", "nsubjpass") and (
                _hypothetical_word(token.head) or _ahead(token)):
            candidate.hypothetical = True  # "talks are expected to resume", "an invasion of
            # Taiwan would most likely fail", "talks will resume on Monday"
        if candidate.noun is token and token.dep_ == "pobj" and token.head.dep_ == "prep" and \
                token.head.head.pos_ == "VERB" and _modals(token.head.head) & (
                    HYPOTHETICAL_MODALS | INTENT_MODALS):
            candidate.hypothetical = True  # "leaders will gather in Honiara for their annual
            # summit": the meeting its verb brings is still ahead
        if token.dep_ in ("xcomp", "ccomp", "pcomp") and token.head.lemma_.lower() == "risk" \
                and any(c.lower_ == "being" for c in token.children):
            candidate.hypothetical = True  # "they risk being attacked": a fear, not a deed
        if candidate.noun is not None and _did_not_happen(token):
            candidate.negated = True  # "a rally planned for Saturday did not go ahead"
        if modals & INTENT_MODALS and candidate.type not in VERBAL and \
                not _narrated_next(token, modals):
            if _no_one_intends(token):
                candidate.hypothetical = True  # "under a plan, 1,000 officers would be sent"
            else:
                candidate.type = _intent_type(candidate.type)
        if _has_condition(token) and modals and modals <= _CONDITIONAL_MODALS and \
                not _reported(token) and not _told_by(token):
            candidate.hypothetical = True  # "if Hezbollah opened a front, Israel would be
            # fighting on two borders", a researcher said: a conjecture, no one's threat
        elif _has_condition(token) and (candidate.type in MATERIAL_CONFLICT or (
                candidate.type == "AGREE" and modals and _has_condition(token, ("unless",)))):
            # "will withdraw its force unless ...", "may halt mediation if ...": a threat
            candidate.type = "THREATEN"
            candidate.hypothetical = False
        if modals & {"must", "should"} and _reported_demand(candidate):
            continue
        child: Token = token
        path: list[str] = []
        independent = False  # under "after X", "a day after": an earlier, separate event
        for ancestor, dep in _ancestors_with_deps(token):
            if _denied_after(child, ancestor, dep):
                break  # the news a denial after it was misparsed to hold
            if dep == "pcomp" and ancestor.lower_ == "about" and ancestor.head.lemma_ == "be":
                candidate.kept = False  # what a thing is about: "the chip is about stopping
                break  # people from carrying chargers" (pages n, written unseen)
            path.append(dep)
            lemma = ancestor.lemma_.lower()
            if dep not in ("relcl", "acl") and is_standing(ancestor) and (
                    dep != "conj" or _shares_clause(child)) and not _has_own_date(child):
                # what a standing clause holds goes with it: "often raid towns to arrest
                # suspects", "frequently attacks bases and kills", "regularly accuses Israel
                # of attacking", "has carried out attacks since 2009"; not "has fought since
                # 2012 and last week seized the town"
                candidate.kept = False
                break
            if dep in ("advcl", "xcomp", "ccomp") and _dated_to_a_year(ancestor) and \
                    not _has_own_date(child):
                candidate.kept = False  # what a year's tally or history brought with it:
                break  # "in 2014 Venezuela threatened ..., prompting Brazil to send troops"
            if dep == "relcl" or (dep == "acl" and not _open_acl(child, candidate)) or (
                    dep not in ("nsubj", "nsubjpass") and _content_of_a_text(ancestor)):
                candidate.kept = False  # a description; what a text lays down (not the
                break  # text itself: "a deal announced Thursday calls for ...")
            if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since"
                                      for c in child.children) and not _has_own_date(child):
                candidate.kept = False  # "prices have tripled since the fighting resumed":
                break  # the start of a span, named to measure it; not "since police killed
                # a student on Sunday", news with its own date
            if dep == "npadvmod" or (ancestor.dep_ == "prep" and lemma in TEMPORAL_PREPS) or (
                    dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_PREPS
                                           for c in child.children)):
                independent = True
            governing = _modals(ancestor) if dep in ("xcomp", "advcl") else set()
            if dep == "advcl" and ((governing & _FUTURE_OR_POSSIBLE and _not_reached(child))
                                   or _ahead_in_the_present(child)):
                candidate.hypothetical = True  # "should limit it until the Guard is withdrawn"
            governor = by_token.get(ancestor.i)
            if governor is not None and (governor.kept or dep == "conj"):
                if governor.kept and not independent:
                    _attach(candidate, governor, child, dep,
                            direct=all(d == "conj" for d in path[:-1]))
                    break
            elif dep in ("xcomp", "ccomp", "advcl", "acl", "pobj", "pcomp", "prep", "dobj"):
                infinitive = dep not in ("advcl", "acl") or is_purpose(child) or dep == "acl"
                if (lemma in INTENT_WORDS and infinitive and dep != "ccomp") or (
                        dep == "xcomp" and lemma in EFFORT_VERBS
                        and governing & INTENT_MODALS):  # "will try to attack"
                    if verbal:
                        candidate.hypothetical = True  # "prepare to meet for a hearing"
                    candidate.type = _intent_type(candidate.type)
                elif (lemma in WISH_WORDS or ancestor.lower_ in WISH_WORDS) and \
                        parse_frame(ancestor).subj is not None and \
                        parse_frame(token).subj is not None and dep == "ccomp":
                    candidate.kept = False  # "he hoped Russia would recognize": no one's act
                    break
                elif dep == "advcl" and is_purpose(child) and lemma in MOTION_VERBS and \
                        candidate.type in COOPERATIVE | VERBAL and not path[:-1]:
                    candidate.kept = False  # "crossed the border to support X": an aim
                    break
                elif dep == "xcomp" and lemma == "be" and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                    candidate.hypothetical = True  # "fighters are to withdraw": still owed
                elif (_hypothetical_word(ancestor) and not (dep == "advcl" and any(
                        c.dep_ == "mark" and c.lower_ in _BESIDE_MARKS for c in child.children
                ))) or ancestor.lower_ in WISH_WORDS or (
                        dep == "xcomp" and (_under_modal(governing, lemma)
                                            or _obliged(ancestor, governing, child))):
                    candidate.hypothetical = True  # the lemmatizer makes "hoping" "hop"
                elif lemma == "fail" and dep == "xcomp" and candidate.type in COOPERATIVE:
                    candidate.type = "REJECT"
                elif dep == "xcomp" and governing & INTENT_MODALS:
                    candidate.hypothetical = True  # "will start to bomb", "will fail to capture"
                elif dep == "advcl" and is_purpose(child) and governing & _AHEAD_MODALS \
                        and not any(c.dep_ == "aux" and c.lemma_ == "have"
                                    for c in ancestor.children):
                    # the aim of what is still ahead: "will meet on Friday to discuss the
                    # crisis" is an intent to consult, "could gather to demand" possible (not
                    # a modal's perfect: "could have played a role ... to decline" is past)
                    if governing & _GOVERNING_MODALS or verbal:
                        candidate.hypothetical = True
                    else:
                        candidate.type = _intent_type(candidate.type)
                if _is_negated(ancestor) and dep == "xcomp":
                    candidate.negated = not candidate.negated
            if lemma in SPEECH_VERBS and dep == "ccomp":
                # what someone said happened is coded as reported, unless the speaker is
                # only described ("Matsegora, who told Tass that workers would help")
                if any(d == "relcl" for _, d in _ancestors_with_deps(ancestor)) or \
                        ancestor.dep_ == "relcl":
                    candidate.kept = False
                break
            child = ancestor
    for candidate in candidates:
        harm = by_token.get(candidate.token.head.i)
        if harm is not None and _harm_it_did(candidate, harm):
            if candidate in harm.merged:  # "thirty were killed when gunmen attacked":
                harm.merged.remove(candidate)  # told as the killing's, it is the attack
                candidate.kept = True
            harm.kept = False  # "two protesters were killed after police opened fire": one
            candidate.merged.append(harm)  # attack, the police's, with its dead


def _harm_it_did(attack: Candidate, harm: Candidate) -> bool:
    """Is `harm` a death or an injury told with no one doing it ("two protesters were
    killed", "three died") in a clause whose "after" or "when" clause is the attack that did
    it, by a party ("after police opened fire", "when militants attacked a checkpoint")?"""
    token = attack.token
    if not ((attack.kept or attack in harm.merged) and harm.kept
            and attack.type == harm.type == "ASSAULT"
            and attack.noun is None and harm.noun is None and a_cause_clause(token)
            and not attack.negated and not harm.negated):
        return False
    if any(word.dep_ == "npadvmod" for mark in token.children if mark.lower_ == "after"
           for word in (*mark.children, *token.children)):
        return False  # "killed on Monday, a day after police opened fire": an earlier event
    verb = harm.token
    if verb.lemma_.lower() not in KILL_LEMMAS | HARM_VERBS:
        return False
    victims = undergoer(verb)
    doer = parse_frame(token).subj
    return victims is not None and parse_frame(verb).agent is None and doer is not None and \
        _a_partys(doer) and not _one_side(victims, doer)


def _caused_by_a_party(cause: Token) -> bool:
    """Does the phrase of a harm's cause tell an attack or a party's strike ("the collapse of a
    building hit in a Russian strike")?"""
    words = list(cause.subtree)
    return _tells_an_attack(words, cause) or any(
        word.i != cause.i and word.pos_ == "NOUN" and (
            _is_attack(word) or word.lemma_.lower() == "strike") and _a_partys(word)
        for word in words)  # a strike a party's: no workers' strike hits a building


def _one_side(victims: Token, doer: Token) -> bool:
    """Are the dead the attackers themselves or their own side ("three militants were killed
    when they attacked a checkpoint", "Russian soldiers were killed when Russian troops
    stormed the town")?"""
    if doer.pos_ == "PRON":
        doer = doer._.antecedent or doer
        if doer.pos_ == "PRON":
            return doer.lower_ in ("they", "he", "she")  # who attacked, unresolved: them
    if head_lemma(victims) == head_lemma(doer):
        return True
    codes = [agent_phrases().get((noun.lower_,)) for noun in (victims, doer)]
    if codes[0] is not None and codes[0] == codes[1]:
        return True  # "two militants were killed when Al-Shabaab fighters attacked"
    sides = [{word.lower_ for word in noun.subtree if entity_type(word) in ("NORP", "GPE", "ORG")}
             for noun in (victims, doer)]
    return bool(sides[0] & sides[1])


def _a_partys(doer: Token) -> bool:
    """Is the doer a party, one of PETRARCH's agents ("gunmen", "al-Shabaab fighters") or a
    thing a party owns ("Russian missiles", "army shells")? Not "a missile" alone ("when a
    missile hit their car": the deaths and their place tell that attack)."""
    code = agent_phrases().get((doer.lower_,))
    return is_party(doer) or (code is not None and code != BUSINESS_AGENT) or \
        owned_by_party(doer) or any(
            child.dep_ in ("amod", "compound", "poss") and entity_type(child) in (
                "NORP", "GPE", "ORG") for child in doer.children)


def _no_one_intends(verb: Token) -> bool:
    """A passive of what will or would be done with no one named to do it ("about 1,000
    officers would be sent to Haiti", "the town will be shelled") and no one saying so: an
    intent (CAMEO's 03 and 13, PLOVER's AGREE and THREATEN) is someone's, so with no one
    to hold it this is only a possibility. Said, it is the speaker's ("police said 200
    officers would be deployed")."""
    passive = any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)
    return passive and not any(child.dep_ == "agent" for child in verb.children) and \
        not _reported(verb) and not _told_by(verb) and not _under_a_deal_of(verb)


def _told_by(verb: Token) -> bool:
    """Is what will be done someone's word: "according to" a source, or warned or
    threatened ("the area will be attacked with great force, the army warned")?"""
    sentence = verb.sent
    if any(t.lower_ == "according" and t.i + 1 < sentence.end and t.nbor().lower_ == "to"
           for t in sentence):
        return True
    return any(a.lemma_.lower() in _WARNING_VERBS for a in verb.ancestors) or any(
        c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_.lower() in _WARNING_VERBS
        for c in verb.children)


_WARNING_VERBS = frozenset({"warn", "threaten", "vow", "pledge", "promise", "announce"})


def _under_a_deal_of(verb: Token) -> bool:
    """Is what will be done under a deal, plan or package its makers name ("under the deal
    signed by Israel and Hamas", "under an agreement reached by Baghdad and Washington",
    "the package announced by the White House"), not one of no one ("under a plan still
    awaiting approval")?"""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in ("under", "in"):
            continue
        deal = prep_object(child)
        if deal is not None and any(word.dep_ in ("agent", "prep") and word.lower_ in (
                "by", "between") for word in deal.subtree):
            return True
    return False


def _narrated_next(verb: Token, modals: set[str]) -> bool:
    """Is this "would" a story's next step, not an intent: "troops would later open fire",
    "she would eventually resign"? Told after a past, with an adverb of what came next."""
    return modals <= {"would", "'d"} and any(
        c.dep_ == "advmod" and c.lower_ in ("later", "eventually", "then", "soon", "afterwards")
        for c in verb.children)


def _has_condition(verb: Token, marks: tuple[str, ...] = ("if", "unless")) -> bool:
    return any(child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in marks for c in child.children)
        for child in verb.children)


def run_on_subject(verb: Token) -> Token | None:
    """The subject of a caption parsed onto the headline: 'Miners demonstrating on ...'."""
    block = paragraph_of(verb)
    for token in reversed(verb.doc[max(0, verb.i - 6):verb.i]):
        if paragraph_of(token) != block or token.is_space:
            break
        if token.pos_ in ("NOUN", "PROPN") and _is_block_root(token) and is_party(token):
            return token
    return None


def _is_block_root(token: Token) -> bool:
    return token.head.i == token.i or paragraph_of(token.head) != paragraph_of(token)


def _open_acl(token: Token, candidate: Candidate) -> bool:
    """An acl that is not a description: a message's content or a noun's infinitive."""
    head = token.head.lemma_.lower()
    if token.tag_ in ("VBD", "VBZ", "VBP") and _is_block_root(token.head):
        return True  # a paragraph's main verb parsed onto the headline before it
    if head in COMMUNICATION_NOUNS and token.tag_ == "VBG" and candidate.type in VERBAL:
        message = token.head  # "a message calling for cooperation": the sender's request
        if message.head.lemma_.lower() in _REFUSING_VERBS:
            return False  # "the United States blocked a resolution calling for ...": others'
        if message.dep_ in ("dobj", "nsubjpass") and message.head.pos_ == "VERB":
            sending = parse_frame(message.head)
            candidate.actor_override = sending.subj
            addressee = next((prep_object(c) for c in message.children
                              if c.dep_ == "prep" and c.lower_ == "to"), None)
            dropped = next((clause_subject_after(c) for c in message.head.children
                            if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                            and prep_object(c) is None), None)
            candidate.target_override = sending.dative or sending.preps.get("to") or \
                addressee or dropped
        return True
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        if head in TRANSPARENT_NOUNS:
            return True
        if head in INTENT_NOUNS:
            candidate.type = _intent_type(candidate.type)
            return True
    return False


_REFUSING_VERBS = frozenset({"block", "veto", "reject", "oppose", "defeat"})
"""Verbs whose object message is someone else's: its content is no request of the subject."""


def _reported_demand(candidate: Candidate) -> bool:
    """'Russia said Sudan must return the helicopter' is Russia's demand of Sudan."""
    token = candidate.token
    if token.dep_ != "ccomp" or token.head.lemma_.lower() not in SPEECH_VERBS:
        return False
    speaker = parse_frame(token.head).subj
    if speaker is None:
        return False
    candidate.actor_override = speaker
    candidate.target_override = parse_frame(token).subj
    candidate.mode = "yield" if candidate.type in ("RETREAT", "CONCEDE") else "change"
    candidate.type = "REQUEST"
    return True


def _attach(candidate: Candidate, governor: Candidate, child: Token, dep: str,
            direct: bool = True) -> None:
    """A candidate under another event: its content, its sibling, or its own event."""
    if dep == "conj" and direct:
        if candidate.type == governor.type:
            candidate.kept = False
            governor.merged.append(candidate)
        return
    if dep == "advcl" and direct and not is_purpose(child):
        if governor.type == "PROTEST" and candidate.type in VERBAL:
            candidate.kept = False  # "blocked roads demanding ...": the demand is the protest
            governor.content.append(candidate)
            return
        if candidate.type == governor.type:
            candidate.kept = False
            governor.merged.append(candidate)
        return
    candidate.kept = False
    governor.content.append(candidate)
    if governor.type in VERBAL and governor.mode is None:
        governor.mode = _demand_mode(candidate.type)
    lemma = governor.token.lemma_.lower()
    if lemma in INTENT_WORDS and lemma not in ("agree", "commit"):
        governor.type = _intent_type(candidate.type) if candidate.type not in VERBAL \
            else governor.type
    if governor.type == "AGREE" and lemma in ("vow", "swear") and \
            candidate.type in MATERIAL_CONFLICT:
        governor.type = "THREATEN"


def _demand_mode(content_type: str) -> str:
    if content_type in ("RETREAT", "CONCEDE"):
        return "yield"
    if content_type in ("AID", "COOPERATE", "SUPPORT"):
        return "assist"
    if content_type in ("CONSULT", "AGREE"):
        return "meet"
    return "change"
