"""Quotes: who said what, found from cues of saying over the dependency parse.

A quote is anchored on a cue (a verb or noun of saying, "according to"), not on quotation marks:
most reported speech in news is indirect, and text in quotation marks is as often a scare quote or
a name. The content is the cue's complement in the parse (a that-clause, a bare clause, a
to-infinitive, a nominal object), or the rest of the sentence for "according to X" and for
clauses reported after the fact ("..., he said"), with its edges moved out to whole quotations.
Quotations that no complement covers are attached to the nearest free cue around them, or continue
the previous speaker's quote. Speakers are the cue's subject (or agent, or the possessor of the
document that "says"); pronouns and descriptions ("the ministry") are resolved backwards to the
nearest compatible speaker or named mention and linked to the entity stage's ids.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.attrs import IDX, LOWER
from spacy.strings import get_string_id
from spacy.symbols import ADP, AUX, NOUN, PRON, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from newsgraph.clauses import is_imperative
from newsgraph.config import stage_defaults
from newsgraph.doc import doc_text, doc_value, entity_records, entity_type, positions_of
from newsgraph.lexicons import (
    ADDRESSEE_VERBS,
    ADDRESSING_VERBS,
    CHANNEL_VERBS,
    DOCUMENT_NOUNS,
    EXPRESSED_NOUNS,
    ISSUING_VERBS,
    NOMINAL_CONTENT_VERBS,
    ORG_NOUNS,
    PRONOUN_SPEAKERS,
    SIGN_NOUNS,
    SPEECH_CUE_VERBS,
    SPEECH_NOUNS,
)
from newsgraph.petrarch import agent_phrases, contract_code

# ----------------------------------------------------------------------------- lexicons
# The word lists are in data/lexicons/quotes.tsv and, the cue verbs, speech.tsv.

CUE_WORDS = SPEECH_CUE_VERBS | SPEECH_NOUNS
"""The lemmas a cue can have (with "according to"): only their tokens are read as cues."""

QUOTE_OPENERS = "\"“„«‘"
QUOTE_CLOSERS = "\"”»’"
_WORD = re.compile(r"[^\W_]+")
_MIN_DIRECT_WORDS = stage_defaults("quotes")["min_direct_words"]  # config.cfg [components.quotes]
"""A quotation of fewer words with no cue of its own is a term or a name, not a quote."""


# ----------------------------------------------------------------------------- token arrays

class _TokenArrays:
    """The few token attributes the stage compares across many tokens, read from spaCy's
    arrays once per Doc (a `Token` object made for each comparison cost more than the stage's
    own work): the positions of the cue words at once, the character offsets and lowercased
    forms as plain lists when first asked for (few Docs need them)."""

    def __init__(self, doc: Doc, cues: list[int]) -> None:
        self.doc = doc
        self.cues = cues
        """Tokens whose lowercased lemma is a cue word, or "according": every cue is one of them."""

    @classmethod
    def of(cls, doc: Doc) -> _TokenArrays:
        according = ("according",) if "according" in doc_text(doc).lower() else ()
        return cls(doc, positions_of(doc, CUE_WORDS, according))  # else no token is "according"

    @cached_property
    def idx(self) -> list[int]:
        """Each token's character offset (they rise with the index)."""
        return self.doc.to_array(IDX).tolist()

    @cached_property
    def lower(self) -> list[int]:
        """Each token's lowercased form, as spaCy's hash."""
        return self.doc.to_array(LOWER).tolist()


# ----------------------------------------------------------------------------- quotation marks

@dataclass(frozen=True)
class Quotation:
    """A stretch of text in quotation marks (marks included)."""

    start: int
    end: int
    closed: bool
    """False when the paragraph ends before the quotation closes (it continues in the next)."""
    paragraph: int


_COUNT_TYPES = frozenset({"PERCENT", "CARDINAL", "QUANTITY", "MONEY", "ORDINAL"})


def can_speak(token: Token) -> bool:
    """Whether the phrase headed here can say something: people and organisations can, a
    number ("44 percent said", "Fifty-one percent") and an "it" that stands for nothing the
    article named cannot (a poll's share or a placeholder is not a speaker)."""
    if token.like_num or entity_type(token) in _COUNT_TYPES or token.lemma_.lower() in (
            "percent", "%"):
        return False
    if token.lower_ == "it":
        return token._.antecedent is not None  # the references stage's one resolver
    return True


def doc_quotations(doc: Doc) -> list[Quotation]:
    """`quotations` of a Doc's text, found once per Doc (the references stage needs them too,
    to leave quoted words alone)."""
    stored = doc.user_data.get("newsgraph.quotations")  # plain tuples: a Doc stays serialisable
    if stored is None:
        found = quotations(doc._.text)
        doc.user_data["newsgraph.quotations"] = [
            (mark.start, mark.end, mark.closed, mark.paragraph) for mark in found]
        return found
    return [Quotation(*mark) for mark in stored]


def quotations(text: str) -> list[Quotation]:
    """Top-level quotation spans, paragraph by paragraph.

    Straight double marks open after a non-letter and close before one, typographic ones by
    their shape; single typographic marks count only outside double ones and when they cannot
    be apostrophes. A quotation still open at a paragraph's end stops there, unclosed.
    """
    found: list[Quotation] = []
    offset = 0
    number = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            found.extend(_paragraph_quotations(paragraph, offset, number))
            number += 1
        offset += len(paragraph) + 1
    return found


_QUOTE_MARKS = re.compile(f"[{re.escape(QUOTE_OPENERS + QUOTE_CLOSERS)}]")
"""Every character that can open or close a quotation: the others never change the state."""


def _paragraph_quotations(paragraph: str, offset: int, number: int) -> Iterator[Quotation]:
    opened: int | None = None
    opener = ""
    for mark in _QUOTE_MARKS.finditer(paragraph):
        i, ch = mark.start(), mark.group()
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        if opened is None:
            if (ch in "\"“„«" and not before.isalnum() and not after.isspace()) or (
                    ch == "‘" and not before.isalnum() and after.isalnum()):
                opened, opener = i, ch
            continue
        if opener == "‘":
            if ch == "’" and not after.isalnum():
                yield Quotation(offset + opened, offset + i + 1, True, number)
                opened = None
            continue
        if ((ch in "\"”»" and ch != opener) or ch == '"' == opener) and not after.isalnum():
            yield Quotation(offset + opened, offset + i + 1, True, number)
            opened = None
    if opened is not None and opener != "‘":
        end = len(paragraph.rstrip())
        if end - opened > 1:
            yield Quotation(offset + opened, offset + end, False, number)


# ----------------------------------------------------------------------------- the stage

_CLAUSE_CUE_DEPS = frozenset(map(get_string_id, ("parataxis", "conj")))
"""The labels of a cue clause inside reported content, as `Token.dep` values (read for every
token of every content: the label's string is a lookup more)."""

@dataclass
class _Quote:
    fragments: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: Token | None
    cue_token: Token | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


class QuoteStage:
    """Direct, indirect and mixed quotes with their cue and resolved speaker, written to
    `doc._.quotes`; reads the entity mentions, the times and the publication date."""

    def __init__(self, min_direct_words: int = _MIN_DIRECT_WORDS) -> None:
        self.min_direct_words = min_direct_words

    def __call__(self, doc: Doc) -> Doc:
        quotes = _Extractor(doc, entity_records(doc), self.min_direct_words).run()
        dates = _CueDates(doc, doc_value(doc, "times") or [],
                          (doc_value(doc, "published") or {}).get("value"))
        for quote in quotes:
            quote["date"] = dates.of(quote)
        doc._.quotes = quotes
        return doc


_DATED = re.compile(r"[0-9X]{4}")
"""A time value that names a year (a date the quote can carry)."""


class _CueDates:
    """When a quote was said: the date expression its cue verb governs ("said on Monday"),
    else the publication date; None when neither is known."""

    def __init__(self, doc: Doc, times: Iterable[dict[str, Any]], published: str | None):
        self.doc = doc
        self.published = published
        self.times = [t for t in times if t.get("type") in ("DATE", "TIME")
                      and _DATED.match(str(t.get("value", "")))]
        self._cue_clauses: dict[tuple[int, int], frozenset[int] | None] = {}
        """The clause of each cue span's head (None without one): a speaker's quotes that
        continue share their cue."""
        self._governors: dict[int, frozenset[int]] = {}
        """The verbs that can govern each time (by its place in `times`), found once: every
        quote asks about every time, and the climb through the parse was the whole cost."""

    def of(self, quote: dict[str, Any]) -> dict[str, str] | None:
        cue = quote.get("cue")
        clause = self._cue_clause(cue["start"], cue["end"]) if cue is not None else None
        if clause is not None:  # no cue verb, no time it governs
            start, end = quote["start"], quote["end"]
            for number, time in enumerate(self.times):
                if start <= time["start"] < end:
                    continue  # a date inside what was said is not when it was said
                if not clause.isdisjoint(self._governors_of(number, time)):
                    return {"value": time["value"], "how": "text"}
        if self.published:
            return {"value": self.published, "how": "published"}
        return None

    def _cue_clause(self, start: int, end: int) -> frozenset[int] | None:
        if (start, end) not in self._cue_clauses:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            self._cue_clauses[start, end] = self._clause_of(span.root) if span is not None \
                else None
        return self._cue_clauses[start, end]

    @staticmethod
    def _clause_of(verb: Token) -> frozenset[int]:
        """The cue verb's clause, as token indices: "criticised ..., saying that": the
        participle's clause is its head verb's."""
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
            return frozenset((verb.i, verb.head.i))
        return frozenset((verb.i,))

    def _governors_of(self, number: int, time: dict[str, Any]) -> frozenset[int]:
        """The verbs above a time expression up to the first one that is not a participle on
        a noun: a time belongs to a cue's clause when one of them is in it. "In his comments
        sent on Monday, X expressed hope": a participle on a noun of the cue's clause dates
        that clause."""
        found = self._governors.get(number)
        if found is None:
            verbs: list[int] = []
            span = self.doc.char_span(time["start"], time["end"], alignment_mode="expand")
            token = span.root if span is not None else None
            while token is not None and token.head.i != token.i:
                token = token.head
                if token.pos in (VERB, AUX):
                    verbs.append(token.i)
                    if token.dep_ != "acl":
                        break
            found = self._governors[number] = frozenset(verbs)
        return found


class _Extractor:
    """One document's quotes: cues first, then the quotations no cue's complement covers."""

    def __init__(self, doc: Doc, entities: Iterable[dict[str, Any]],
                 min_direct_words: int = _MIN_DIRECT_WORDS) -> None:
        self.doc = doc
        self.min_direct_words = min_direct_words
        self.text = doc._.text
        self.marks = doc_quotations(doc)
        self.mentions: list[tuple[int, int, dict[str, Any]]] = sorted(
            (m["start"], m["end"], entity)
            for entity in entities for m in entity.get("mentions", [])
        )
        self.arrays = _TokenArrays.of(doc)
        self.mark_starts = [mark.start for mark in self.marks]
        """Where each quotation starts: quotations are disjoint and in text order, so the
        one that can hold a character is the last starting at or before it."""
        self.quoted = [False] * len(doc)
        for mark in self.marks:
            first, end = self._token_range(mark.start, mark.end)
            self.quoted[first:end] = [True] * (end - first)

    # -- driving

    def run(self) -> list[dict[str, Any]]:
        quotes: list[_Quote] = []
        used_cues: set[int] = set()
        for i in self.arrays.cues:
            if self.quoted[i]:
                continue
            token = self.doc[i]
            quote = self._from_cue(token)
            if quote is not None:
                quotes.append(quote)
                used_cues.add(token.i)
        quotes.extend(self._direct(quotes, used_cues))
        quotes = self._drop_channels(self._drop_duplicates(self._outside_speakers(quotes)))
        quotes.sort(key=lambda q: (q.start, q.end))
        return [self._record(q, quotes) for q in quotes]

    def _outside_speakers(self, quotes: list[_Quote]) -> list[_Quote]:
        """A speaker is outside what they say: a word inside the quoted words ("'It just
        engulfed everything. Everything,'", "'Dig a hole ...'", "The HALO Trust had to abandon
        the programme, reported Irakli Chitanava") was read as the subject by a parse that
        ran across the quotation marks or the clause. The speaker is then the noun phrase
        right after the cue, when there is one ("said Valerie Taylor"), else no one."""
        for quote in quotes:
            speaker = quote.speaker
            if speaker is not None and any(start <= speaker.idx < end
                                           for start, end in quote.fragments):
                quote.speaker = self._name_after_cue(quote.cue_token)
        return quotes

    @staticmethod
    def _name_after_cue(cue: Token | None) -> Token | None:
        """The head of the noun phrase that follows a verb of saying, where news puts the
        speaker after an inverted cue ("said the judge", "reported Irakli Chitanava, a
        manager"), up to a punctuation mark or a preposition; not a time ("said Wednesday")
        nor whom something was told ("told CNN")."""
        if cue is None or cue.pos not in (VERB, AUX) or cue.lemma_.lower() in ADDRESSEE_VERBS:
            return None  # "told CNN": whom it was told
        doc = cue.doc
        for token in doc[cue.i + 1:min(cue.i + 5, len(doc))]:
            if token.is_punct or token.is_space or token.pos == ADP:
                return None  # "said in an interview"
            if token.pos in (PROPN, NOUN):
                if token.ent_type_ in ("DATE", "TIME") or token.dep_ == "npadvmod":
                    return None  # "said Wednesday"
                while token.dep_ in ("compound", "flat", "amod") and token.head.i > token.i \
                        and token.head.i <= cue.i + 5:
                    token = token.head
                return token
        return None

    # -- cues and their complements

    def _from_cue(self, token: Token) -> _Quote | None:
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            return self._according(token)
        if self._is_cue_verb(token):
            return self._verb_cue(token)
        if token.pos == NOUN and token.lemma_.lower() in SPEECH_NOUNS:
            return self._noun_cue(token)
        return None

    @staticmethod
    def _is_cue_verb(token: Token) -> bool:
        """A verb of saying used as a verb ("self-proclaimed", "a stated aim" are not)."""
        return token.pos in (VERB, AUX) and token.lemma_.lower() in SPEECH_CUE_VERBS \
            and token.dep_ not in ("amod", "compound", "nmod", "npadvmod", "nsubj", "dobj")

    def _verb_cue(self, verb: Token) -> _Quote | None:
        lemma = verb.lemma_.lower()
        if lemma == "say" and verb.dep_ == "pcomp" and verb.head.lower_ == "as" \
                and verb.head.head.lemma_.lower() == "quote":
            return None  # "quoted as saying": the cue is "quoted"
        children = list(verb.children)  # read several times below: made once
        if any(c.dep_ == "neg" for c in children):
            return None  # "did not say whether ...": nothing was said
        if is_imperative(verb):
            return None  # "Note that ...", "Recall that ...": the writer's instruction
        if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("will", "would")
               for c in children):
            return None  # "members can add ...": not a report of something said
        content = self._content(verb)
        complement = content[0] if content else None
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
        fragments: list[tuple[int, int]] | None = None
        if content is not None:
            fragments = self._clause_span(content[1], exclude=verb)
            if passive and lemma != "quote":
                subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
                if subject is not None and complement.dep_ == "xcomp" and subject.i < verb.i:
                    # "[The names] are announced [to be changed to ...]"
                    subject_span = self._edges(list(subject.subtree))
                    if subject_span is not None and fragments:
                        fragments = [subject_span, *fragments]
        elif verb.dep_ in ("ccomp", "parataxis") and verb.head.pos in (VERB, AUX) \
                and self._subject(verb) is not None:
            # "Prices will rise, the minister said." / "His plan, he said, was ..."
            fragments = self._around_cue(verb)
        if lemma == "express":
            fragments = self._expressed(verb)
        fragments = self._on_line_of(verb, fragments or [])
        if not fragments:
            return None
        fragments = self._snap(fragments)
        if not fragments or not self._has_words(fragments):
            return None
        speaker = None if passive and lemma != "quote" else self._subject(verb)
        if (speaker is None and not passive and verb.tag_ != "VBG") or (
                speaker is not None and not self._same_line(speaker, verb)):
            speaker = self._subject_on_line(verb)
        if passive:
            agent = next((c for c in children if c.dep_ == "agent"), None)
            objects = [c for c in agent.children if c.dep_ == "pobj"] if agent else []
            speaker = objects[0] if objects else None
            if lemma == "quote":  # "X was quoted as saying": X is the speaker
                speaker = next((c for c in children if c.dep_ == "nsubjpass"), speaker)
        if speaker is not None and (speaker.lemma_.lower() in SIGN_NOUNS
                                    or not can_speak(speaker)):
            return None
        return _Quote(fragments, self._cue_span(verb), speaker, verb)

    def _line_of(self, token: Token) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, token.idx) + 1
        end = self.text.find("\n", token.idx)
        return start, len(self.text) if end < 0 else end

    def _same_line(self, a: Token, b: Token) -> bool:
        return "\n" not in self.text[min(a.idx, b.idx):max(a.idx, b.idx)]

    def _on_line_of(self, cue: Token, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Fragments cut to the cue's paragraph: a headline parsed into the first sentence
        does not belong to it."""
        start, end = self._line_of(cue)
        cut = [(max(a, start), min(b, end)) for a, b in fragments if a < end and start < b]
        return [(a, b) for a, b in cut if self.text[a:b].strip()]

    def _subject_on_line(self, verb: Token) -> Token | None:
        """When the parse ran a headline into the next line, the subject it found is on the
        wrong line: take the first noun phrase of the cue's own line before the cue that is
        not inside a prepositional phrase."""
        start, _ = self._line_of(verb)
        first = bisect_left(self.arrays.idx, start, 0, verb.i)  # offsets rise with the index
        line = [t for t in self.doc[first:verb.i] if not t.is_space]
        for token in line:
            if token.dep_ == "nsubj" and token.head is verb:
                return token
        for token in line:
            if token.pos not in (NOUN, PROPN, PRON) or any(
                    a.dep_ == "prep" and a.idx >= start for a in token.ancestors):
                continue
            while token.dep_ in ("compound", "amod", "nmod", "poss", "flat") \
                    and token.head.idx >= start and token.head.i < verb.i:
                token = token.head
            return token
        return None

    def _complement(self, verb: Token) -> Token | None:
        """The head of what was said (see `_content`)."""
        content = self._content(verb)
        return content[0] if content else None

    def _content(self, verb: Token) -> tuple[Token, list[Token]] | None:
        """What was said, as its head and its tokens: a clause, an infinitive, a nominal
        object (with the phrases that follow it), a that-clause on the document it was said in."""
        lemma = verb.lemma_.lower()
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and lemma == "say":
            # "“...,” the report cited Pushilin's letter as saying"
            governor = verb.head.head
            for child in governor.children:
                if child.dep_ == "ccomp" and child.i < verb.i and self._same_line(child, verb):
                    return child, list(child.subtree)
        line_start, line_end = self._line_of(verb)  # `_same_line` with the verb, for each child
        children = [c for c in verb.children if line_start <= c.idx <= line_end]
        if any(c.dep_ == "prep" and c.lower_ == "as" and any(
                g.dep_ == "pcomp" and g.lemma_.lower() == "say" for g in c.children)
               for c in children):
            return None  # the cue is "saying"
        for child in children:
            if child.dep_ in ("ccomp", "csubj") and child.i > verb.i \
                    and not self._is_trailing_cue(child):
                return child, list(child.subtree)
        objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
        for child in children:
            if child.dep_ in ("xcomp", "advcl") and child.i > verb.i and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                if objects and lemma not in ADDRESSEE_VERBS and objects[0].i < child.i:
                    # "forecast the losses to be over $6.7 billion"
                    return child, [*objects[0].subtree, *child.subtree]
                if child.dep_ == "xcomp":
                    return child, list(child.subtree)
            if child.dep_ == "xcomp" and child.tag_ == "VBG" and lemma in NOMINAL_CONTENT_VERBS:
                return child, list(child.subtree)  # "reported losing $4.8 billion"
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "as" and lemma != "cite":
                # "quoted as saying ...", "described the plan as a threat"
                for grandchild in child.children:
                    if grandchild.dep_ == "pcomp" and grandchild.lemma_.lower() == "say":
                        return self._content(grandchild)
                    if grandchild.dep_ in ("pobj", "pcomp") and lemma == "describe":
                        return grandchild, list(grandchild.subtree)
            if child.dep_ == "prep" and child.lower_ == "for" and lemma in ("ask", "appeal"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, list(pobj.subtree)  # "asked the government for $5 billion"
            if child.dep_ == "prep" and child.lower_ in ("in", "through", "via"):
                # "announced in an internal memo that he would ..."
                for pobj in child.children:
                    for clause in pobj.children:
                        if pobj.lemma_.lower() in DOCUMENT_NOUNS | SPEECH_NOUNS \
                                and clause.dep_ in ("relcl", "acl", "ccomp") \
                                and self._that_clause(clause):
                            return clause, list(clause.subtree)
        for child in children:
            if child.dep_ == "ccomp" and child.i < verb.i and not self._is_trailing_cue(child):
                return child, list(child.subtree)  # "Prices will rise, the minister said"
        if lemma == "call" or (lemma == "cite" and verb.tag_ != "VBG"):
            return None  # "cited documents" is evidence; "citing safety concerns" a reason given
        if lemma in NOMINAL_CONTENT_VERBS:
            for child in objects:
                if self._is_content_object(child):
                    tokens = list(child.subtree)
                    for after in children:  # "announced job cuts over the next four years"
                        if after.dep_ == "prep" and after.i == tokens[-1].i + 1:
                            tokens.extend(after.subtree)
                    return child, tokens
        for child in verb.children:
            if child.dep_ == "ccomp" and child.i < verb.i and not self._is_trailing_cue(child):
                return child, list(child.subtree)  # a headline parsed into the clause: cut later
        return None


    @staticmethod
    def _that_clause(clause: Token) -> bool:
        """A clause opened by "that" with a subject of its own (not a relative clause)."""
        first = clause.left_edge
        return first.lower_ == "that" and first.dep_ in ("mark", "dobj", "nsubj") and any(
            c.dep_ in ("nsubj", "nsubjpass") and c is not first for c in clause.children)

    def _is_trailing_cue(self, clause: Token) -> bool:
        """ "X expressed hope that ..., the agency reported": the ccomp is the next cue."""
        if not self._is_cue_verb(clause) or not any(c.dep_ == "nsubj" for c in clause.children):
            return False
        before = self.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
        return before is not None and before.text in (",", "”", '"') and not any(
            c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > clause.i for c in clause.children)

    @staticmethod
    def _is_content_object(obj: Token) -> bool:
        """A nominal object that states something, not a bare reference to a known thing."""
        if obj.pos == PRON or obj.tag_ == "WP":
            return False
        if obj.tag_ == "VBG" or obj.pos == VERB:
            return True  # "denied arming the rebels"
        size = len([t for t in obj.subtree if not t.is_punct])
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no", "another")
                       for c in obj.lefts)
        if definite or obj.pos == PROPN:
            # "the development", "the company's move on Wednesday" refer to something known;
            # "the first generation of its products", "Lion, iOS 5 and iCloud" say what it is
            described = any(c.dep_ in ("amod", "nummod", "quantmod") for c in obj.lefts) or any(
                c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ == "of")
                for c in obj.rights)
            listed = obj.pos == PROPN and sum(c.dep_ == "conj" for c in obj.rights) >= 1
            return size >= 3 and (described or listed)
        return size >= 2

    def _clause_span(self, content: list[Token], exclude: Token) -> list[tuple[int, int]]:
        """The content's tokens as contiguous runs, without a parenthetical cue inside it."""
        tokens = [t for t in content if t is not exclude]
        tokens = self._cut_trailing_cue_clauses(tokens, content[0])
        return self._runs(tokens)

    def _cut_trailing_cue_clauses(self, tokens: list[Token], clause: Token) -> list[Token]:
        """Drop a ", he added" parenthetical inside a reported clause from its content."""
        drop: set[int] = set()
        for t in tokens:
            if t is not clause and t.dep in _CLAUSE_CUE_DEPS and self._is_cue_verb(t):
                drop |= {s.i for s in t.subtree}
        return [t for t in tokens if t.i not in drop] if drop else tokens

    def _around_cue(self, verb: Token) -> list[tuple[int, int]]:
        """The reported clause around a trailing or parenthetical cue: "Prices will rise, he
        said"; "His plan, he said, was ..." (a clause after a trailing cue is not part of it)."""
        head = verb.head
        cue_part = {t.i for t in verb.subtree}
        tokens = [t for t in head.subtree if t.i not in cue_part]
        if head.i < verb.i:
            tokens = [t for t in tokens if t.i < verb.left_edge.i]
        return self._runs(tokens)

    def _expressed(self, verb: Token) -> list[tuple[int, int]] | None:
        """ "expressed hope that ...": the clause on the noun of the expressed attitude."""
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.lemma_.lower() in EXPRESSED_NOUNS:
                for child in obj.children:
                    if child.dep_ in ("acl", "ccomp", "relcl") and child.i > obj.i:
                        if child.dep_ == "relcl" and not any(
                                c.dep_ == "mark" for c in child.children):
                            continue
                        return self._runs(list(child.subtree))
        return None

    def _according(self, according: Token) -> _Quote | None:
        """ "according to X, ...": the content is the rest of the sentence."""
        to = next(c for c in according.children if c.lower_ == "to")
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        clause = according.head if according.dep_ != "ROOT" else according
        scope = list(clause.subtree) if clause is not according else list(according.sent)
        skip = {t.i for t in according.subtree}
        tokens = [t for t in scope if t.i not in skip]
        start, end = self._line_of(according)
        tokens = [t for t in tokens if start <= t.idx < end]
        runs = self._runs(tokens)
        runs = self._snap(runs)
        if not runs or not self._has_words(runs):
            return None
        cue = (according.idx, to.idx + len(to.text))
        return _Quote(runs, cue, source, according)

    def _noun_cue(self, noun: Token) -> _Quote | None:
        """ "the claim that ...", "the ministry's statement that ..."."""
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and c.i > noun.i and self._that_clause(c)), None)
        if clause is None:
            return None
        runs = self._snap(self._runs(list(clause.subtree)))
        if not runs or not self._has_words(runs):
            return None
        speaker = next((c for c in noun.children if c.dep_ == "poss"
                        or (c.dep_ == "amod" and entity_type(c) in ("NORP", "GPE", "ORG"))), None)
        if speaker is None:
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                    speaker = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if speaker is None and noun.dep_ in ("dobj", "attr") \
                and noun.head.lemma_.lower() in ISSUING_VERBS:
            speaker = self._subject(noun.head)
        return _Quote(runs, (noun.idx, noun.idx + len(noun.text)), speaker, noun)

    # -- quotations without a complement

    def _direct(self, quotes: list[_Quote], used_cues: set[int]) -> list[_Quote]:
        found: list[_Quote] = []
        covered = [(q.start, q.end) for q in quotes]
        previous: _Quote | None = None
        previous_paragraph = -2
        last_paragraph_open = False
        for mark in self.marks:
            inside = next((q for q in quotes + found
                           if q.start <= mark.start and mark.end <= q.end), None)
            if inside is not None or any(a <= mark.start and mark.end <= b for a, b in covered):
                if inside is not None and (inside.cue is not None):
                    previous, previous_paragraph = inside, mark.paragraph
                last_paragraph_open = not mark.closed
                continue
            tokens = self._tokens_in(mark.start, mark.end)
            words = [t for t in tokens if not t.is_punct]
            cue = self._free_cue(mark, tokens, used_cues)
            quote: _Quote | None = None
            if cue is not None and len(words) >= 2 and self._clause_like(tokens):
                speaker = self._subject(cue)
                if speaker is None or (speaker.lemma_.lower() not in SIGN_NOUNS
                                       and can_speak(speaker)):  # not "44 percent said"
                    quote = _Quote([(mark.start, mark.end)], self._cue_span(cue), speaker, cue)
                    used_cues.add(cue.i)
            elif previous is not None and len(words) >= self.min_direct_words and (
                    (mark.paragraph == previous_paragraph
                     and self._only_cue_between(previous, mark))
                    or (mark.paragraph == previous_paragraph + 1
                        and self._starts_paragraph(mark)
                        and (last_paragraph_open or self._paragraph_is_quote(mark)))):
                quote = _Quote([(mark.start, mark.end)], previous.cue, previous.speaker,
                               previous.cue_token)
            if quote is not None:
                found.append(quote)
                previous, previous_paragraph = quote, mark.paragraph
            elif mark.paragraph != previous_paragraph:
                previous = None
            last_paragraph_open = not mark.closed
        return found

    def _free_cue(self, mark: Quotation, tokens: list[Token],
                  used_cues: set[int]) -> Token | None:
        """The nearest verb of saying around a quotation (whose tokens are `tokens`), in its
        sentence or a short next one."""
        if not tokens:
            return None
        first, last_token = tokens[0], tokens[-1]
        first_sent, last_sent = first.sent, last_token.sent  # each a walk through the Doc
        sentences: list[Span] = []
        for sent in (first_sent, last_sent):
            if sent not in sentences:
                sentences.append(sent)
        after = last_sent.end
        if after < len(self.doc) and last_token.i >= after - 2:
            following = self.doc[after].sent
            if len(following) <= 15 and following.text.count("\n") == 0 \
                    and not self.quoted[following.start]:
                sentences.append(following)
        before = first_sent.start - 1
        if before >= 0 and first.i <= first_sent.start + 1:
            preceding = self.doc[before].sent
            last = next((t for t in reversed(preceding) if not t.is_space), None)
            if last is not None and last.text in (":", "—", "–", "-") \
                    and "\n" not in self.text[last.idx:mark.start]:
                sentences.append(preceding)
        candidates = []
        cues = self.arrays.cues  # a cue verb's lemma is a cue word: no other token can be one
        for sent in sentences:
            for i in cues[bisect_left(cues, sent.start):bisect_left(cues, sent.end)]:
                if self.quoted[i] or i in used_cues:
                    continue
                token = self.doc[i]
                if self._is_cue_verb(token) and not any(c.dep_ == "neg" for c in token.children):
                    if any(c.dep_ == "prep" and c.lower_ == "as" and any(
                            g.dep_ == "pcomp" and self._is_cue_verb(g) for g in c.children)
                           for c in token.children):
                        continue  # "cited X's letter as saying": the cue is "saying"
                    complement = self._complement(token)
                    if complement is not None and not self.quoted[complement.i]:
                        continue
                    distance = min(abs(token.i - first.i), abs(token.i - last_token.i))
                    candidates.append((distance, token.i, token))
        if not candidates:
            return None
        return min(candidates)[2]

    def _clause_like(self, tokens: list[Token]) -> bool:
        words = [t for t in tokens if not t.is_punct]
        if len(words) <= 6 and all(t.text[:1].isupper() or t.lower_ in ("'s", "’s", "of", "the",
                                                                       "and", "for", "de")
                                   for t in words):
            return False  # a name or a title in quotation marks
        if len(words) >= self.min_direct_words:
            return True
        return any(t.pos in (VERB, AUX) for t in words) and len(words) >= 2

    def _only_cue_between(self, previous: _Quote, mark: Quotation) -> bool:
        """ `"A," he said. "B."`: nothing but the cue's sentence between the two quotations."""
        between = self.text[previous.end:mark.start]
        return "\n" not in between and between.count(".") + between.count("!") <= 1 \
            and len(between.split()) <= 12 and previous.end <= mark.start

    def _starts_paragraph(self, mark: Quotation) -> bool:
        line_start = self.text.rfind("\n", 0, mark.start) + 1
        return not self.text[line_start:mark.start].strip()

    def _paragraph_is_quote(self, mark: Quotation) -> bool:
        line_end = self.text.find("\n", mark.end)
        line_end = len(self.text) if line_end < 0 else line_end
        return not self.text[mark.end:line_end].strip(" .")

    # -- speakers

    def _subject(self, verb: Token) -> Token | None:
        """Who does the saying: the subject, climbing through conjuncts and participles."""
        seen = 0
        while verb is not None and seen < 6:
            seen += 1
            for child in verb.children:
                if child.dep_ in ("nsubj", "csubj"):
                    if child.lemma_.lower() in DOCUMENT_NOUNS or child.tag_ == "WDT":
                        return self._document_owner(child) or child
                    return child
            for child in verb.children:
                if child.dep_ == "agent":
                    return next((c for c in child.children if c.dep_ == "pobj"), None)
            if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
                # "the report cited Pushilin's letter as saying"
                owner_verb = verb.head.head
                obj = next((c for c in owner_verb.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return self._document_owner(obj) or obj
                verb = owner_verb
                continue
            if verb.dep_ == "relcl":
                return verb.head
            if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos in (NOUN, PROPN):
                return verb.head  # "reports stating that ...", "a recording telling callers"
            if verb.dep_ in ("conj", "advcl", "xcomp", "acl", "pcomp", "prep") \
                    or (verb.dep_ == "ccomp" and verb.head.i < verb.i):
                verb = verb.head
                if verb.dep_ == "prep":
                    verb = verb.head
                continue
            return None
        return None

    @staticmethod
    def _document_owner(noun: Token) -> Token | None:
        """The author of a document noun: "Pushilin's letter" -> Pushilin."""
        if noun.lemma_.lower() not in DOCUMENT_NOUNS:
            return None
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos == PROPN:
                    return pobj
        return None

    # -- spans

    def _tokens_in(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        """The token indices `_tokens_in` would give, as a range (no Token made)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return (span.start, span.end) if span is not None else (0, 0)

    def _touches_quotation(self, start: int, end: int) -> bool:
        """Whether a quotation overlaps the characters [start, end): only the last one
        starting before `end` can (quotations are disjoint and in order)."""
        at = bisect_left(self.mark_starts, end) - 1
        return at >= 0 and self.marks[at].end > start

    def _in_quotation(self, start: int, end: int) -> bool:
        """Whether the characters [start, end) lie inside one quotation."""
        at = bisect_right(self.mark_starts, start) - 1
        return at >= 0 and end <= self.marks[at].end

    def _runs(self, tokens: Iterable[Token]) -> list[tuple[int, int]]:
        """Contiguous runs of tokens as character spans, with edge punctuation trimmed. The
        runs are found on the token indices: only the tokens at their edges are read."""
        positions = sorted(token.i for token in tokens)
        spans = []
        first = 0
        for k, position in enumerate(positions, 1):
            if k < len(positions) and positions[k] == position + 1:
                continue
            start, last = positions[first], position
            first = k
            while start <= last and self._trimmed_start(self.doc[start], start < last):
                start += 1
            while start <= last and self._trimmed_end(self.doc[last]):
                last -= 1
            if start <= last and not all(self.doc[i].is_punct for i in range(start, last + 1)):
                end_token = self.doc[last]
                spans.append((self.doc[start].idx, end_token.idx + len(end_token.text)))
        return spans

    @staticmethod
    def _trimmed_start(token: Token, more_follow: bool) -> bool:
        """Whether a run's first token is left out: punctuation other than an opening mark,
        space, a conjunction with more of the run after it."""
        return (token.is_punct and token.text not in QUOTE_OPENERS) or token.is_space \
            or (more_follow and token.dep_ == "cc")

    @staticmethod
    def _trimmed_end(token: Token) -> bool:
        """Whether a run's last token is left out: punctuation other than a closing mark,
        space, a conjunction."""
        return (token.is_punct and token.text not in QUOTE_CLOSERS) or token.is_space \
            or token.dep_ == "cc"

    def _edges(self, tokens: list[Token]) -> tuple[int, int] | None:
        spans = self._runs(tokens)
        return (spans[0][0], spans[-1][1]) if spans else None

    def _snap(self, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Widen fragments to whole quotations, drop unbalanced marks, merge what then touches."""
        out: list[list[int]] = []
        for start, end in fragments:
            for mark in self.marks:
                if mark.start < end and start < mark.end:
                    start, end = min(start, mark.start), max(end, mark.end)
            start, end = self._trim_marks(start, end)
            if end <= start:
                continue
            if out and start <= out[-1][1] + 2 and not self.text[out[-1][1]:start].strip(" ,"):
                out[-1][1] = max(out[-1][1], end)
            else:
                out.append([start, end])
        return [(a, b) for a, b in out]

    def _trim_marks(self, start: int, end: int) -> tuple[int, int]:
        """Remove a lone quotation mark at an edge that opens or closes nothing inside."""
        inside = [m for m in self.marks if start <= m.start and m.end <= end]
        if self.text[start:start + 1] in QUOTE_OPENERS \
                and not any(m.start == start for m in inside):
            start += 1
        if end > start and self.text[end - 1:end] in QUOTE_CLOSERS \
                and not any(m.end == end for m in inside):
            end -= 1
        while start < end and self.text[start] in " ,;:":
            start += 1
        while end > start and self.text[end - 1] in " ,;:":
            end -= 1
        return start, end

    def _has_words(self, fragments: list[tuple[int, int]]) -> bool:
        """At least two words in the fragments: the search stops at the second."""
        words = 0
        for a, b in fragments:
            for _ in _WORD.finditer(self.text, a, b):
                words += 1
                if words == 2:
                    return True
        return False

    def _cue_span(self, cue: Token) -> tuple[int, int]:
        """The verb with its auxiliaries and negation ("has said", "did not say")."""
        parts = [cue]
        particles = []
        for child in cue.children:
            dep = child.dep_
            if dep in ("aux", "auxpass", "neg") and child.i < cue.i and child.lower_ != "to":
                parts.append(child)
            elif dep == "prt" and child.i == cue.i + 1:
                particles.append(child)  # "point out"
        if cue.dep_ == "xcomp" and cue.head.lemma_ == "be":
            parts.append(cue.head)
        parts.extend(particles)
        start = min(t.idx for t in parts)
        # auxiliaries separated by an adverb ("has always said") keep the adverb inside
        end = max(t.idx + len(t.text) for t in parts)
        return start, end

    def _kind(self, fragments: list[tuple[int, int]]) -> str:
        """direct (every word in quotation marks), indirect (none) or mixed: only whether
        there are words inside and outside counts, so the scan stops once both are seen."""
        inside = outside = False
        for a, b in fragments:
            if not self._touches_quotation(a, b):  # every word of it is outside
                outside = outside or _WORD.search(self.text, a, b) is not None
                continue
            for match in _WORD.finditer(self.text, a, b):
                if self._in_quotation(match.start(), match.end()):
                    inside = True
                else:
                    outside = True
                if inside and outside:
                    return "mixed"
        if inside and not outside:
            return "direct"
        return "mixed" if inside else "indirect"

    def _drop_channels(self, quotes: list[_Quote]) -> list[_Quote]:
        """ "According to the ministry, Sin said ...", "X said ..., the agency reported": the
        outer source only passes on the inner quote. Keep the inner one, with the outer source
        as its channel ("via")."""
        kept = []
        for outer in quotes:
            if outer.cue_token is None or not (
                    outer.cue_token.lower_ == "according"
                    or outer.cue_token.lemma_.lower() in CHANNEL_VERBS):
                kept.append(outer)
                continue
            inner = next((q for q in quotes if q is not outer and q.cue_token is not None
                          and q.cue_token.i != outer.cue_token.i
                          and outer.start <= q.cue_token.idx < outer.end
                          and outer.start <= q.start and q.end <= outer.end
                          and self._is_main_clause_of(q.cue_token, outer)), None)
            if inner is None:
                kept.append(outer)
            else:
                inner.extra["via"] = outer.speaker
        return kept

    def _is_main_clause_of(self, cue: Token, outer: _Quote) -> bool:
        """The cue heads the outer content: no other verb of the content governs it."""
        a, b = outer.start, outer.end
        return not any(a <= t.idx < b and t.pos in (VERB, AUX) and t.dep_ != "aux"
                       for t in cue.ancestors)

    @staticmethod
    def _drop_duplicates(quotes: list[_Quote]) -> list[_Quote]:
        seen: dict[tuple, _Quote] = {}
        for quote in quotes:
            key = tuple(quote.fragments)
            if key not in seen:
                seen[key] = quote
        return list(seen.values())

    # -- records

    @cached_property
    def speakers(self) -> _Speakers:
        """The Doc's speaker resolver, made once for all its records."""
        return _Speakers(self)

    def _record(self, quote: _Quote, quotes: list[_Quote]) -> dict[str, Any]:
        start, end = quote.start, quote.end
        record: dict[str, Any] = {
            "start": start, "end": end, "text": self.text[start:end],
            "kind": self._kind(quote.fragments),
            "cue": None, "speaker": None,
        }
        if len(quote.fragments) > 1:
            record["fragments"] = [{"start": a, "end": b, "text": self.text[a:b]}
                                   for a, b in quote.fragments]
        if quote.cue is not None:
            a, b = quote.cue
            record["cue"] = {"start": a, "end": b, "text": self.text[a:b]}
        if quote.speaker is not None:
            record["speaker"] = self.speakers.describe(quote.speaker, quotes)
        if quote.extra.get("via") is not None:
            record["via"] = self.speakers.describe(quote.extra["via"], quotes)
        addressee = self._addressee(quote.cue_token)
        if addressee is not None:
            record["addressee"] = self.speakers.as_written(addressee)
        return record

    @staticmethod
    def _addressee(cue: Token | None) -> Token | None:
        """Whom the words were addressed to: "told the miners", "said to reporters"."""
        if cue is None or cue.pos not in (VERB, AUX):
            return None
        for child in cue.children:
            if child.dep_ == "dative" and child.pos in (NOUN, PROPN, PRON):
                return child
            if child.dep_ == "dobj" and cue.lemma_.lower() in ADDRESSING_VERBS:
                return child
            if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].pos in (NOUN, PROPN, PRON):
                    return objects[0]
        return None


_WHERE_FROM = frozenset({"GPE", "LOC", "FAC", "NORP"})
"""Entity types a speaker's phrase may name as where the speaker is from."""


def _private_person(noun: Token) -> bool:
    """Is this noun a private person by PETRARCH's agents dictionary ("resident", "mother",
    "native": civilians), whose town or people in the phrase does not speak with them, unlike
    an official's ("the Turkish minister", "US authorities": the state speaks)?"""
    code = agent_phrases().get((noun.lower_,)) or agent_phrases().get((noun.lemma_.lower(),))
    return code is not None and contract_code(code) == "CVL"


class _Speakers:
    """Names, spans and entity ids of speakers, with pronouns and descriptions resolved."""

    def __init__(self, extractor: _Extractor) -> None:
        self.x = extractor
        self.doc = extractor.doc
        self.text = extractor.text
        self.mention_spans: dict[int, tuple[int, int, int]] = {}
        """`mention_span` by token index (one `_Speakers` per Doc), with the index of the
        span's last token."""

    def describe(self, token: Token, quotes: list[_Quote]) -> dict[str, Any]:
        start, end = self.speaker_span(token)
        lower = token.lower_
        if token.pos == PRON or lower in PRONOUN_SPEAKERS:
            antecedent = token._.antecedent  # the references stage's one resolver
            if antecedent is None:
                return {"entity": None, "name": token.text, "start": start, "end": end}
            name, entity = self.name_of(antecedent, quotes)
            return {"entity": entity, "name": name, "start": start, "end": end}
        name, entity = self.name_of(token, quotes)
        return {"entity": entity, "name": name, "start": start, "end": end}

    def as_written(self, token: Token) -> dict[str, Any]:
        """A party named as the text names it (no description resolved): an addressee is
        often new to the article ("told the Tass news agency")."""
        start, end = self.mention_span(token)
        entity = self.entity_at(start, end, token)
        name = re.sub(r"^(the|a|an)\s+", "", self.text[start:end], flags=re.IGNORECASE)
        return {"entity": entity["id"] if entity else None, "name": name,
                "start": start, "end": end}

    def mention_span(self, token: Token) -> tuple[int, int]:
        """The speaker's noun phrase without relative clauses or trailing modifiers; a name in
        apposition to a title is included ("Ryanair CEO, Michael O'Leary"). Found once per
        token and Doc: describing a speaker asks for it twice, and a description's search
        again for the same earlier nouns."""
        start, end, _ = self._mention(token)
        return start, end

    def _mention(self, token: Token) -> tuple[int, int, int]:
        """`mention_span` and the index of its last token, found once per token and Doc."""
        found = self.mention_spans.get(token.i)
        if found is None:
            found = self.mention_spans[token.i] = self._mention_span(token)
        return found

    def _mention_span(self, token: Token) -> tuple[int, int, int]:
        if token.pos == PRON:
            return token.idx, token.idx + len(token.text), token.i
        first = token
        for child in token.lefts:
            if child.dep_ not in ("punct", "cc", "prep", "relcl", "acl"):
                first = min(first, child.left_edge, key=lambda t: t.i)
        while first.i < token.i and (first.is_punct or first.dep_ == "case"
                                     or "\n" in self.text[first.idx:token.idx]):
            first = self.doc[first.i + 1]
        last = token
        name = self.appositive_name(token)
        if name is not None:
            last = name
        return first.idx, last.idx + len(last.text), last.i

    _SPEAKER_MODIFIERS = frozenset({"appos", "prep", "relcl", "acl", "conj", "cc", "punct",
                                    "amod", "nummod", "npadvmod", "advmod"})
    _NOUN_PREPOSITIONS = frozenset({"of", "from", "at", "for"})

    def speaker_span(self, token: Token) -> tuple[int, int]:
        """The whole noun phrase naming the speaker, as the record gives it: the name with its
        appositions, "of"/"from" modifiers, parenthesised acronym, coordinated speakers and
        relative clause ("Joe Leonard, Chairman and Chief Operating Officer of AirTran
        Airways", "Executives from several auto firms", "General Motors Corporation (GM)"),
        never reaching the cue verb, a quotation or the next line."""
        start, end, last_index = self._mention(token)
        if token.pos == PRON:
            return start, end
        last = self.doc[last_index]
        stop = token.head.i if token.head.i > token.i else len(self.doc)
        for child in token.rights:
            if child.dep_ not in self._SPEAKER_MODIFIERS or child.i >= stop or (
                    child.dep_ == "prep" and child.lower_ not in self._NOUN_PREPOSITIONS):
                break  # "said X on Ukrainian television": where it was said, not who
            edge = child.right_edge
            if edge.i >= stop or any(self.x.quoted[last.i + 1: edge.i + 1]) \
                    or "\n" in self.text[last.idx: edge.idx + len(edge.text)]:
                break
            last = max(last, edge, key=lambda t: t.i)
        while last.i > token.i and ((last.is_punct and last.text not in (")", "]"))
                                    or last.dep_ == "cc"):
            last = self.doc[last.i - 1]
        opened = self.text[start: last.idx + len(last.text)]
        if opened.count("(") < opened.count(")"):
            last = self.doc[last.i - 1]
        return start, max(end, last.idx + len(last.text))

    @staticmethod
    def appositive_name(token: Token) -> Token | None:
        if token.pos == PROPN:
            return None
        for child in token.rights:
            if child.dep_ == "appos" and child.pos == PROPN:
                return child
        return None

    def entity_at(self, start: int, end: int, head: Token) -> dict[str, Any] | None:
        """The entity whose mention overlaps the span, the one holding the head preferred."""
        best = None
        for m_start, m_end, entity in self.x.mentions:
            if m_start >= end:
                break
            if m_end <= start:
                continue
            holds_head = m_start <= head.idx < m_end
            rank = (holds_head, entity.get("type") in ("PERSON", "ORG"), m_end - m_start)
            if best is None or rank > best[0]:
                best = (rank, entity)
        return best[1] if best else None

    def name_of(self, token: Token, quotes: list[_Quote]) -> tuple[str, str | None]:
        start, end = self.mention_span(token)
        head = self.appositive_name(token) or token
        entity = self.entity_at(start, end, head)
        if entity is not None and (entity.get("type") in ("PERSON", "ORG", "GPE", "NORP")):
            ent_start, ent_end = next((a, b) for a, b, e in self.x.mentions
                                      if e is entity and a < end and start < b)
            if ent_start <= head.idx < ent_end or head.pos == PROPN:
                return self.full_name(entity), entity["id"]
        if head.pos == PROPN:
            run = [head]
            while run[0].i > 0 and self.doc[run[0].i - 1].pos == PROPN \
                    and self.doc[run[0].i - 1].dep_ in ("compound", "flat"):
                run.insert(0, self.doc[run[0].i - 1])
            return " ".join(t.text for t in run), entity["id"] if entity else None
        if token.pos == NOUN:
            resolved = self.description(token)
            if resolved is not None:
                return resolved
        text = self.text[start:end]
        text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)
        if entity is not None and entity.get("type") in _WHERE_FROM \
                and token.pos == NOUN and _private_person(token):
            entity = None  # "One Edmonton resident": the town is no speaker
        return text, entity["id"] if entity else None

    def full_name(self, entity: dict[str, Any]) -> str:
        """A one-word person name completed from a longer name of the article ("Price")."""
        name = entity["name"]
        if " " not in name and entity.get("type") in ("PERSON", "ORG"):
            for _, _, other in self.x.mentions:
                words = other["name"].split()
                if other.get("type") == "PERSON" and name in (words[0], words[-1]) \
                        and len(words) > 1:
                    return other["name"]
        return name

    def description(self, token: Token) -> tuple[str, str | None] | None:
        """ "the ministry" -> the earlier noun phrase with that head ("Donetsk's foreign
        ministry"), or the nearest earlier organisation for a generic one ("the company")."""
        if not any(c.lower_ in ("the", "this", "that") for c in token.lefts):
            return None
        lemma = token.lemma_.lower()
        lowers = self.x.arrays.lower
        same_word = lowers[token.i]
        for i in range(token.i - 1, -1, -1):
            if lowers[i] != same_word:
                continue  # the same lowercased form, compared as spaCy's hashes
            earlier = self.doc[i]
            if earlier.pos in (NOUN, PROPN) \
                    and not self.x.quoted[earlier.i] \
                    and not any(c.lower_ in ("the", "this", "that", "a", "an")
                                for c in earlier.lefts) and list(earlier.lefts):
                start, end = self.mention_span(earlier)
                entity = self.entity_at(start, end, earlier)
                name = re.sub(r"^(the|a|an)\s+", "", self.text[start:end], flags=re.IGNORECASE)
                return name, entity["id"] if entity else None
        if lemma in ORG_NOUNS:
            for m_start, _m_end, entity in reversed(self.x.mentions):
                if m_start < token.idx and entity.get("type") == "ORG":
                    return entity["name"], entity["id"]
        return None
