"""Pronouns and what they stand for: one resolver, read by every stage that needs it.

"Pushilin said he hoped ..." -- "he" is Pushilin; "the miners, who rallied" -- "who" is the
miners. The quote stage needs it for speakers, the event stage for actors and targets; both
read `token._.antecedent` (written here once, as `doc._.antecedents`: pronoun index ->
antecedent index, plain ints).

The rules, in order:
1. a relative pronoun ("who", "which", "that") heading a relative clause stands for the noun
   the clause describes;
2. first and second person ("I", "we", "you") stand for no one in the text (a quote's speaker
   is found from the quote, not from its pronouns);
3. a pronoun in what a verb of saying reports stands for who says it ("X said he would ...");
4. else the nearest compatible earlier noun: in its own sentence only subjects, then in up to
   four sentences before it, subjects and speakers of verbs of saying first, then any noun,
   nearest first; never a word inside quotation marks. Compatible: "he"/"she" a person of that
   gender (or unknown), "it" a singular organisation or place, "they" an organisation or
   several people, never a place (English calls a country or a town "it": in "the largest
   exchanges in the United States. They both offer ..." they are the exchanges); a person is
   known by the entity stage's type, a first name or a role noun.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import DEP, POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from newsgraph.doc import entity_of, positions_of
from newsgraph.lexicons import (
    FEMALE_NAMES,
    FEMALE_NOUNS,
    MALE_NAMES,
    MALE_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    SPEECH_CUE_VERBS,
)
from newsgraph.stages.quotes import doc_quotations

RELATIVE = frozenset({"who", "which", "that"})
FIRST_AND_SECOND = frozenset({"i", "we", "you", "me", "us", "my", "our", "your"})
THIRD = frozenset({"he", "she", "it", "they", "him", "her", "them"})
SENTENCES_BACK = 4
_SUBJECTS = ("nsubj", "nsubjpass")


class ReferenceStage:
    """Writes `doc._.antecedents` for every third-person and relative pronoun it resolves."""

    def __call__(self, doc: Doc) -> Doc:
        quoted = [False] * len(doc)
        for mark in doc_quotations(doc):
            span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
            if span is not None:  # the span's indices: no Token made for each quoted word
                quoted[span.start:span.end] = [True] * (span.end - span.start)
        starts = [sentence.start for sentence in doc.sents]
        nouns = _noun_candidates(doc, quoted)
        dateline = doc._.dateline  # where the story was filed, no one it tells of: "BRINDLE
        if dateline:  # BAY, Ore.: Shares in Stridewell jumped after it announced a deal"
            filed = doc.char_span(dateline["start"], dateline["end"], alignment_mode="expand")
            for index in range(filed.start, filed.end) if filed is not None else ():
                nouns[index] = False
        kinds: dict[int, str | None] = {}  # this Doc's kind_of per token index
        found: dict[int, int] = {}
        for index in positions_of(doc, (), RELATIVE | THIRD):
            token = doc[index]
            if token.lower_ in RELATIVE or token.pos_ == "PRON":
                antecedent = resolve(token, quoted, starts, nouns, kinds)
                if antecedent is not None:
                    found[index] = antecedent.i
        doc._.antecedents = found
        return doc


def _noun_candidates(doc: Doc, quoted: list[bool]) -> list[bool]:
    """Per token, whether it may be an antecedent at all (a noun or proper noun outside
    quotation marks, not a compound or possessive part): compared over spaCy's arrays once per
    Doc (a Python loop over every token cost more than the resolving), so the walk back from
    each pronoun makes Token objects for these tokens only."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    pos_and_dep = doc.to_array([POS, DEP])
    pos, dep = pos_and_dep[:, 0], pos_and_dep[:, 1]
    compound, poss = numpy.uint64(strings["compound"]), numpy.uint64(strings["poss"])
    candidate = ((pos == PROPN) | (pos == NOUN)) & (dep != compound) & (dep != poss) \
        & ~numpy.array(quoted, dtype=bool)
    return candidate.tolist()


def resolve(pronoun: Token, quoted: list[bool], starts: list[int],
            nouns: list[bool] | None = None,
            kinds: dict[int, str | None] | None = None) -> Token | None:
    """The token `pronoun` stands for (see the module's rules), or None. `nouns`: the Doc's
    `_noun_candidates` (computed here when not passed); `kinds`: `kind_of` of the Doc's tokens
    met so far (the same nouns are weighed for pronoun after pronoun)."""
    if nouns is None:
        nouns = _noun_candidates(pronoun.doc, quoted)
    lower = pronoun.lower_
    if lower in RELATIVE:
        head = pronoun.head
        return head.head if head.dep_ == "relcl" else None
    if lower in FIRST_AND_SECOND:
        return None
    clause = pronoun.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_CUE_VERBS:
        speaker = next((c for c in clause.head.children if c.dep_ in _SUBJECTS), None)
        if speaker is not None and speaker.pos_ != "PRON" and compatible(pronoun, speaker, kinds):
            return speaker
    here = bisect_right(starts, pronoun.i) - 1
    for back in range(SENTENCES_BACK + 1):
        if here - back < 0:
            break
        first = starts[here - back]
        last = starts[here - back + 1] if here - back + 1 < len(starts) else len(pronoun.doc)
        doc = pronoun.doc
        candidates = [doc[index] for index in range(first, min(last, pronoun.i))
                      if nouns[index]]
        if back == 0:
            candidates = [token for token in candidates if token.dep_ in _SUBJECTS]
        ranked = sorted(candidates, key=lambda t: (not _is_subject_or_speaker(t), -t.i))
        for candidate in ranked:
            if compatible(pronoun, candidate, kinds):
                return candidate
    return None


def _is_subject_or_speaker(token: Token) -> bool:
    return token.dep_ in _SUBJECTS


def compatible(pronoun: Token, candidate: Token,
               kinds: dict[int, str | None] | None = None) -> bool:
    lower = pronoun.lower_
    if kinds is None:
        kind = kind_of(candidate)
    elif candidate.i in kinds:
        kind = kinds[candidate.i]
    else:
        kind = kinds[candidate.i] = kind_of(candidate)
    if lower in ("he", "she", "him", "her"):
        if kind != "person":
            return False
        found = gender(candidate)
        return found is None or found == ("m" if lower in ("he", "him") else "f")
    if lower == "it":
        return kind in ("org", "place") and candidate.tag_ not in ("NNS", "NNPS")
    if lower in ("they", "them"):
        return kind == "org" or (candidate.tag_ in ("NNS", "NNPS") and kind == "person")
    return kind in ("person", "org", "place")


def _head(token: Token) -> Token:
    """A title's name in apposition ("the minister, Olga Makeeva") names who it is."""
    if token.pos_ != "PROPN":
        for child in token.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    return token


def kind_of(token: Token) -> str | None:
    """person / org / place / None: the entity stage's type when the word is a mention (its
    type has the article's evidence: "General Motors" is no general), else first names, role
    nouns and "who" clauses."""
    head = _head(token)
    mention = entity_of(head) or entity_of(token)
    label = mention.label_ if mention is not None else None
    if label == "PERSON":
        return "person"
    if label in ("ORG", "NORP"):
        return "org"
    if label == "GPE":
        return "place"
    # a role noun names a person by itself; a proper noun when `_personal` (read only then)
    if head.lower_ in PERSON_NOUNS or (head.pos_ == "PROPN" and _personal(head)):
        return "person"
    lemma = head.lemma_.lower()
    if lemma in ORG_NOUNS:
        return "org"
    if lemma in PERSON_NOUNS:
        return "person"
    return None


def _personal(head: Token) -> bool:
    """A first name or role noun in the phrase up to its head, or a "who" clause on it."""
    words = {t.lower_ for t in head.doc[head.left_edge.i: head.i + 1]}
    return bool(words & MALE_NAMES or words & FEMALE_NAMES or words & PERSON_NOUNS) or any(
        c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in head.children)


def gender(token: Token) -> str | None:
    head = _head(token)
    for word in (t.lower_ for t in token.doc[head.left_edge.i: head.i + 1]):
        if word in MALE_NOUNS or word in MALE_NAMES:
            return "m"
        if word in FEMALE_NOUNS or word in FEMALE_NAMES:
            return "f"
    return None
