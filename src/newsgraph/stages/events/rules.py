"""The parse frame of a verb and the rule table that reads it: which sense a trigger has.

A verb's lemma rarely settles its PLOVER type on its own: "fired missiles at" is an ASSAULT,
"test-fired missiles" MOBILIZE. So each lemma carries ordered rules, conditions over its
frame (object class, particle, preposition, subject); the first that holds gives the sense.
The word classes the conditions test come from the data files (`lexicon`); a rule's own few
words stay beside it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.tokens import Doc, Token

from newsgraph.doc import doc_text, entity_type
from newsgraph.petrarch import agent_phrases
from newsgraph.stages.events.lexicon import (
    ABSTRACT_TARGETS,
    ACTOR_NOUNS,
    AGREEMENTS,
    AID_GOODS,
    ASSAULTABLE,
    BLOCKABLE,
    CAPTIVES,
    CAUSE_CLAUSE_MARKS,
    CIVILIANS,
    COMPELLING_ACTS,
    CONCESSIONS,
    CUSTODY,
    DEMANDABLE,
    ECONOMIC_RESTRICTIONS,
    FORCE_ADJECTIVES,
    FORCES,
    LIGHT_NOUNS,
    MARKET_NOUNS,
    NOT_CUSTODY,
    NOUN_LEXICON,
    PASSAGE,
    PEACEKEEPERS,
    PROPERTY,
    QUANTITY_NOUNS,
    RESTRICTIONS,
    RIOT_CONTROL,
    SHARED_KNOWLEDGE,
    SIEGES,
    STATE_VERBS,
    TALKS,
    TERRITORY,
    TIES,
    VEHICLES,
    VERB_SENSES,
    WARNING_OBJECTS,
    WEAPONS,
    WORKPLACES,
    Sense,
    word_set,
)

PERSON_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})
PARTY_ENTITY_TYPES = PERSON_ENTITY_TYPES | PLACE_ENTITY_TYPES

# PLOVER's types by kind: an intent to act is AGREE for cooperation and THREATEN for conflict.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
VERBAL = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})

# ----------------------------------------------------------------------------- frames


@dataclass
class Frame:
    """The arguments of one verb as the parse gives them."""

    verb: Token
    subj: Token | None = None
    patient: Token | None = None  # nsubjpass
    agent: Token | None = None
    obj: Token | None = None
    dative: Token | None = None
    preps: dict[str, Token] = field(default_factory=dict)
    prt: str = ""
    clause: Token | None = None  # xcomp / ccomp / purpose advcl


def head_lemma(token: Token | None) -> str:
    """The lemma that names what a noun phrase is: 'series of bombs' -> bomb."""
    if token is None:
        return ""
    lemma = token.lemma_.lower()
    if lemma in LIGHT_NOUNS:
        for child in token.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                return child.lemma_.lower()
    if lemma in QUANTITY_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return head_lemma(pobj)
    return lemma


def parse_frame(verb: Token) -> Frame:
    """The verb's arguments within its paragraph (a headline is never the next line's); read
    once per verb and Doc, as the rules, clauses and arguments ask for the same frame."""
    cache = doc_cache(verb.doc)
    frame = cache.frames.get(verb.i)
    if frame is None:
        frame = cache.frames[verb.i] = _read_frame(verb, cache.paragraphs)
    return frame


def _read_frame(verb: Token, paragraphs: list[int]) -> Frame:
    frame = Frame(verb)
    block = paragraphs[verb.i]
    for child in verb.children:
        if paragraphs[child.i] != block:
            continue
        dep = child.dep_
        if dep in ("nsubj", "csubj") and frame.subj is None and not _a_label(child, verb):
            frame.subj = child
        elif dep == "nsubjpass":
            frame.patient = child
        elif dep == "agent":
            frame.agent = prep_object(child)
        elif dep in ("dobj", "attr") and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and (
                frame.obj is None or split_object(frame.obj, child)):
            frame.obj = child
        elif dep == "dative":
            pobj = prep_object(child)
            frame.dative = pobj if pobj is not None else (child if child.pos_ in (
                "NOUN", "PROPN", "PRON") else None)
        elif dep == "prep":
            pobj = prep_object(child)
            if pobj is not None:
                frame.preps.setdefault(child.lower_, pobj)
        elif dep == "prt" and not opens_out_of(child):
            frame.prt = child.lower_
        elif dep in ("xcomp", "ccomp") and frame.clause is None:
            frame.clause = child
    if frame.patient is not None and frame.obj is None:
        frame.obj = frame.patient
    if frame.obj is None and verb.dep_ == "amod" and frame.subj is not None:
        frame.obj = verb.head  # "Kiev unleashed warplanes" misparsed as a modifier
    return frame


def _struck_against(frame: Frame) -> bool:
    """Does a strike's object say whom, where or when it is against ("workers strike Amazon",
    "strike Prime Day", "struck the port of Antwerp", "struck work"): a name of a body, a
    place, a day or an occasion, a place of work, or work; not a thing found, struck or
    agreed ("struck silver", "struck a deal", "struck a guard")?"""
    obj = frame.obj
    return obj is not None and (entity_type(obj) in ("ORG", "FAC", "EVENT", "DATE") or (
        obj.pos_ == "PROPN" and entity_type(obj) not in PARTY_ENTITY_TYPES - {"ORG"})
        or head_lemma(obj) in TERRITORY | WORKPLACES or obj.lower_ == "work")


def split_object(first: Token, second: Token) -> bool:
    """Are two objects of one verb, side by side, one phrase the parser split: a lone place
    name, then a name a common noun describes ("accused Ontario rival Northfield Athletic":
    one object, its head the second)? Not two objects of a verb of giving ("offer locals
    more options", "sent Ukraine tanks")."""
    return second.dep_ == first.dep_ == "dobj" and first.pos_ == second.pos_ == "PROPN" and \
        second.left_edge.i == first.i + 1 and not any(True for _ in first.children) and any(
            child.dep_ in ("amod", "compound") and child.pos_ == "NOUN"
            for child in second.children)


def _a_label(subject: Token, verb: Token) -> bool:
    """Is this "subject" a label a colon sets before the clause ("Hanoi, day three: I
    surrender to the traffic", "Nairobi, week one: the city took me hostage")? The parser
    hangs it on the verb; the clause after the colon has its own subject, or none."""
    between = verb.doc[subject.i + 1:verb.i]
    return subject.i < verb.i and any(token.text == ":" and token.head.i in (
        subject.i, verb.i) for token in between)


def opens_out_of(word: Token) -> bool:
    """The "out" of a proportion ("they rule 21 out of 29 states"), not a verb's particle:
    no one is ruled out ("pulled out of the treaty" keeps its particle)."""
    doc = word.doc
    return word.lower_ == "out" and 0 < word.i < len(doc) - 1 and \
        doc[word.i + 1].lower_ == "of" and doc[word.i - 1].like_num


def prep_object(prep: Token) -> Token | None:
    """The object of a preposition: a noun phrase or a clause ('for demanding')."""
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None


def paragraph_breaks(doc: Doc) -> list[int]:
    """Token indices of paragraph breaks, where no sentence can run on (cached per Doc)."""
    return doc_cache(doc).breaks


def paragraph_of(token: Token) -> int:
    """The index of the token's paragraph: arguments and clauses never cross one."""
    return doc_cache(token.doc).paragraphs[token.i]


@dataclass
class DocCache:
    """What the stage reads many times from one Doc: the paragraph breaks and the paragraph
    of every token (some 40,000 lookups a run), the token attributes the triggers are
    found by (as string hashes, read in one array: a Token per word only to read them costs
    more than the rest of the walk), and the frame of every verb asked about (the rules, the
    clauses and the arguments each ask for the same ones), the entity type of every token
    asked about (some 16,000 asks a run, most of them repeats), and two facts of the whole
    text the tense rule reads for each present-tense deed."""

    breaks: list[int]
    paragraphs: list[int]
    pos: list[int]
    deps: list[int]
    lemmas: list[int]
    lowers: list[int]
    frames: dict[int, Frame] = field(default_factory=dict)
    lede_start: int | None = None  # where the story's first sentence starts (`detect`)
    told_in_present: bool | None = None  # more verbs in the present than in the past


_last_cache: tuple[weakref.ReferenceType[Doc], DocCache] | None = None


def doc_cache(doc: Doc) -> DocCache:
    """The cache of this Doc, made on its first use. It holds Tokens, so it cannot live in
    `doc.user_data` (which stays serialisable); it is kept for the Doc last asked about only."""
    global _last_cache
    if _last_cache is None or _last_cache[0]() is not doc:
        _last_cache = (weakref.ref(doc), _read_doc(doc))
    return _last_cache[1]


def _read_doc(doc: Doc) -> DocCache:
    # plain lists, not numpy: per Doc of a few hundred words numpy's per-call cost dominates
    pos, deps, lemmas, lowers = doc.to_array([POS, DEP, LEMMA, LOWER]).T.tolist()
    breaks = _space_tokens_with_newline(doc)
    paragraphs: list[int] = []
    for paragraph, (start, end) in enumerate(zip([0, *breaks], [*breaks, len(doc)], strict=True)):
        paragraphs += [paragraph] * (end - start)  # a break opens the paragraph after it
    return DocCache(breaks, paragraphs, pos, deps, lemmas, lowers)


def _space_tokens_with_newline(doc: Doc) -> list[int]:
    """The space tokens holding a line break, found from the newlines of the text: a few per
    Doc, where reading every token's space flag costs more than the rest of the walk."""
    text = doc_text(doc)
    found = []
    position = text.find("\n")
    while position >= 0:
        token = doc.char_span(position, position + 1, alignment_mode="expand")[0]
        if token.is_space:
            found.append(token.i)
        position = text.find("\n", token.idx + len(token.text))
    return found


# ----------------------------------------------------------------------------- parties

# Nouns of whoever can act: people, bodies and forces, not the craft they use.
ACTOR_WORDS = (ACTOR_NOUNS | CIVILIANS | CAPTIVES | FORCES) - VEHICLES


def is_actor(token: Token) -> bool:
    """Does the noun phrase headed here name someone who can act (not a thing or a place)?"""
    if entity_type(token) in PERSON_ENTITY_TYPES:
        return True
    if token.pos_ == "PRON":
        return token.lower_ in ("him", "her", "them", "us", "he", "she", "they", "we")
    if token.pos_ == "PROPN":  # "Miners" in a headline: a common noun capitalised
        return token.lower_ in ACTOR_WORDS or token.lower_[:-1] in ACTOR_WORDS
    return head_lemma(token) in ACTOR_WORDS


def agent_noun(noun: Token) -> bool:
    """Is the noun one of PETRARCH's agents (people and forces of every role: "passengers",
    "pilgrims", "gunmen", "nurses"), other than a trader (a company is acted on in business
    news: "the CEO attacked the airline") or a craft (`VEHICLES`)? Violence done to one is
    an attack; as a party it is not enough ("her mother", "locals": `is_actor`)."""
    code = agent_phrases().get((noun.lower_,))
    return code is not None and code != BUSINESS_AGENT and head_lemma(noun) not in VEHICLES


def names_a_person(noun: Token) -> bool:
    """A noun that says it is a person by the English compound it is ("businessman",
    "fisherwomen", "salesperson", "tradespeople"), whether or not a dictionary lists it."""
    return noun.pos_ == "NOUN" and noun.lower_.endswith(
        ("man", "men", "woman", "women", "person", "persons", "people")) and \
        noun.lower_ not in ("human", "humans")


BUSINESS_AGENT = "BUS"
"""PETRARCH's agent code of companies and traders."""


def is_party(token: Token) -> bool:
    """An actor, or a named place or group that can stand for one."""
    return is_actor(token) or entity_type(token) in PARTY_ENTITY_TYPES


def undergoer(verb: Token) -> Token | None:
    """Who underwent a verb of harm: the subject of a passive ("two protesters were killed")
    or of "die"; None for an active verb, whose object its doer harmed."""
    frame = parse_frame(verb)
    return frame.patient or (frame.subj if verb.lemma_.lower() == "die" else None)


def a_cause_clause(clause: Token) -> bool:
    """Is the clause an adverbial "when", "after" or "as" clause (`CAUSE_CLAUSE_MARKS`), the
    way news tells what caused a harm told before it?"""
    return clause.dep_ == "advcl" and any(
        child.dep_ in ("mark", "advmod") and child.lower_ in CAUSE_CLAUSE_MARKS
        for child in clause.children)


def owned_by_party(token: Token) -> bool:
    """A thing a party holds ("rebel positions", "the army's base", "a military post"):
    attacking it is attacking them."""
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "poss", "amod", "nmod") and (
            c.lower_ in FORCE_ADJECTIVES or (c.dep_ != "amod" and is_actor(c)))
        for c in token.children)


def _plural_actor(token: Token) -> bool:
    """A plural subject: a plural noun, a conjunction, or one of two subjects the parser
    hung on the verb side by side ("President X and President Y met")."""
    return any(c.dep_ == "conj" for c in token.children) or token.tag_ in ("NNS", "NNPS") or (
        token.dep_ == "nsubj" and sum(c.dep_ == "nsubj" for c in token.head.children) > 1)


# ----------------------------------------------------------------------------- rules

Cond = Callable[[Frame], bool]


def ANY(frame: Frame) -> bool:
    return True


def obj(*classes: frozenset[str]) -> Cond:
    words = frozenset().union(*classes)

    def test(frame: Frame) -> bool:
        if frame.obj is None:
            return False
        if head_lemma(frame.obj) in words:
            return True
        named = counted(frame.obj)
        if named is not None and head_lemma(named) in words:
            return True  # "a salvo of rockets", "hundreds of troops"
        return any(head_lemma(c) in words for c in frame.obj.children
                   if c.dep_ in ("conj", "compound"))
    return test


def counted(noun: Token) -> Token | None:
    """What an amount or a group names: the plural after "of" in "a salvo of rockets", "a
    battalion of soldiers", "hundreds of troops" (not "the head of the army": a singular
    after "of" is a whole, and "the" makes the first noun a thing of its own)."""
    if not any(c.dep_ in ("det", "nummod") and c.lower_ != "the" for c in noun.children) and \
            not noun.like_num and noun.tag_ != "NNS":
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = prep_object(of) if of is not None else None
    return whole if whole is not None and whole.tag_ == "NNS" else None


def obj_words(text: str) -> Cond:
    return obj(word_set(text))


def obj_compound(text: str) -> Cond:
    """The object or a modifier of it is one of the words ('martial law', 'hunger strike')."""
    words = word_set(text)

    def test(frame: Frame) -> bool:
        if frame.obj is None:
            return False
        return frame.obj.lemma_.lower() in words or any(
            c.lemma_.lower() in words for c in frame.obj.children
            if c.dep_ in ("compound", "amod", "prep", "pobj"))
    return test


def obj_actor(frame: Frame) -> bool:
    return frame.obj is not None and is_actor(frame.obj)


def subj_not_a_thing(frame: Frame) -> bool:
    """The subject, if there is one, is a party or a person ("Scholz", "the delegation",
    "she"), not a thing ("cheaper Chinese electric vehicles arrive in showrooms", "the
    goods arrived in Kenya"): who can visit."""
    who = frame.subj
    if who is not None and who.pos_ == "PRON":
        who = who._.antecedent
    return who is None or who.pos_ == "PROPN" or is_party(who) or names_a_person(who) or \
        agent_noun(who) or any(child.dep_ == "compound" and entity_type(child) in
                               PARTY_ENTITY_TYPES for child in who.children)  # "UN inspectors"


def no_obj(frame: Frame) -> bool:
    return frame.obj is None


def prep(*names: str, of: frozenset[str] | None = None) -> Cond:
    def test(frame: Frame) -> bool:
        for name in names:
            pobj = frame.preps.get(name)
            if pobj is not None and (of is None or head_lemma(pobj) in of or (
                    of is ACTOR_NOUNS and is_actor(pobj))):
                return True
        return False
    return test


def water_cannon(noun: Token) -> bool:
    """Is the noun a water cannon, what police fire at a crowd as they fire tear gas
    (`RIOT_CONTROL`), not a cannon fired in salute?"""
    return noun.lemma_.lower() == "cannon" and any(
        child.dep_ == "compound" and child.lower_ == "water" for child in noun.children)


_STORMABLE = ASSAULTABLE | TERRITORY | PROPERTY | PASSAGE | frozenset({"line"})
"""What is stormed into or past: places, buildings, vessels, roads and police lines."""


def _stormed_into(frame: Frame) -> bool:
    """Is the verb's way into or onto a place or a building: a name ("into Goma", "into
    Avdiivka", which the tagger may call a person) or a noun of one ("into the town", "past
    police lines", "on the headquarters")?"""
    return any(pobj is not None and (head_lemma(pobj) in _STORMABLE or (
        name != "on" and pobj.ent_type_ not in ("DATE", "TIME") and (
            pobj.pos_ == "PROPN" or entity_type(pobj) in PLACE_ENTITY_TYPES)))
        for name in ("into", "onto", "on", "through", "across", "past")
        for pobj in (frame.preps.get(name),))


def _moved_somehow(frame: Frame) -> bool:
    """Is the verb's object moved in a way, not to anyone: a comparative or a participle
    beside it ("sent the dollar higher", "sent shares soaring")?"""
    return any((child.dep_ == "advmod" and child.tag_ in ("RBR", "JJR")) or (
        child.dep_ in ("ccomp", "xcomp", "oprd") and child.tag_ == "VBG")
        for child in frame.verb.children)


def prt(*names: str) -> Cond:
    return lambda frame: frame.prt in names


def subj(*classes: frozenset[str]) -> Cond:
    words = frozenset().union(*classes)

    def test(frame: Frame) -> bool:
        who = frame.subj
        if who is not None and who.pos_ == "PRON":  # "it struck": whom the pronoun stands for
            who = who._.antecedent
        return who is not None and head_lemma(who) in words
    return test


def both(*conds: Cond) -> Cond:
    return lambda frame: all(cond(frame) for cond in conds)


def either(*conds: Cond) -> Cond:
    return lambda frame: any(cond(frame) for cond in conds)


def negate(cond: Cond) -> Cond:
    return lambda frame: not cond(frame)


def _hosted_on_a_visit(frame: Frame) -> bool:
    """Who is hosted on a visit is a party or its envoys, not a population given shelter ("the
    camp hosts 30,000 displaced people", "Poland hosts 1.5 million refugees")."""
    return frame.obj is None or head_lemma(frame.obj) not in CIVILIANS


def from_custody(frame: Frame) -> bool:
    """Is what someone is released from, if the verb says, somewhere they were held (`CUSTODY`:
    "from prison", "from house arrest", a named prison) or whoever held them ("from their
    captors"), not care, a contract or a duty ("released from hospital", "from his
    contract": `NOT_CUSTODY`), nor a thing that trapped them ("freed from the cab by
    firefighters": pages n, written unseen)?"""
    source = frame.preps.get("from")
    if source is None and frame.obj is not None:  # "freed the driver from the cab"
        source = next((prep_object(child) for child in frame.obj.children
                       if child.dep_ == "prep" and child.lower_ == "from"), None)
    if source is None:
        return True
    lemma = head_lemma(source)
    return lemma not in NOT_CUSTODY and (bool(entity_type(source)) or is_party(source) or any(
        word.lemma_.lower() in CUSTODY for word in source.subtree))  # "from the building
    # where protesters had held him hostage"


def has_clause(frame: Frame) -> bool:
    return frame.clause is not None


_AIMING_PREPS = ("at", "on", "against", "into", "toward", "towards")
_OPEN_SPACE = frozenset({"sea", "ocean", "air", "sky", "water", "waters"})
"""Where a test or a warning is fired ("into the sea", "into the air"): no one is aimed at."""


def _an_aim(aim: Token | None) -> bool:
    """Does the object of an aiming preposition name something aimed at, not open space
    ("into the sea")? ("fired rockets on Sunday" is read as fire at someone, as news means.)"""
    return aim is not None and head_lemma(aim) not in _OPEN_SPACE


def target_prep(frame: Frame) -> bool:
    """Is what is fired or launched aimed at someone or somewhere: a phrase of aim on the verb
    or on what it fires ("fired rockets at Kyiv", "a salvo of rockets toward southern
    Israel"), or an aim that acts on a party ("fired stun grenades to disperse the crowd")?"""
    if any(_an_aim(frame.preps[name]) for name in _AIMING_PREPS if name in frame.preps):
        return True
    fired = [frame.obj, counted(frame.obj)] if frame.obj is not None else []
    if any(c.dep_ == "prep" and c.lower_ in _AIMING_PREPS and _an_aim(prep_object(c))
           for thing in fired if thing is not None for c in thing.children):
        return True  # "a wave of drones at Kyiv"
    return any(c.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in c.children) and any(
        o.dep_ == "dobj" and is_party(o) for o in c.children) for c in frame.verb.children)


def military_target(frame: Frame) -> bool:
    """'hit targets in Syria', not 'hit its profit target': a target no noun qualifies."""
    return frame.obj is not None and frame.obj.lemma_.lower() == "target" and not any(
        c.dep_ == "compound" and c.pos_ == "NOUN" for c in frame.obj.children)


_NO_DEED_VERBS = STATE_VERBS | word_set("cost last rain snow storm pour run")
"""Verbs whose "it" is no one: what something is, costs or runs out of, or the weather ("it
will be a long war", "it would run out of money", "it would rain heavily")."""
_SPANS_OF_TIME = word_set("year decade month week day time generation while")
"""What "it would take" when it is no one's deed: "it would take years to recover"."""


def _party_clause(frame: Frame) -> bool:
    """A warning whose content is someone's act (a warning that the police will act against
    a group), not a forecast ("warned that inflation could remain elevated")."""
    clause = frame.clause
    if clause is None:
        return False
    subject = parse_frame(clause).subj
    if subject is not None and subject.pos_ == "PRON" and subject.lower_ == "it":
        # "Russia warned that it would retaliate": the party's own next act; not what "it
        # would have" done (a counterfactual), nor an "it" of weather, time or judgement
        # ("it would rain", "it would take years", "it will be a long war")
        auxiliaries = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        taken = parse_frame(clause).obj if clause.lemma_ == "take" else None
        if not auxiliaries & {"will", "would", "'ll"} or auxiliaries & {"have", "'ve"} or \
                clause.lemma_.lower() in _NO_DEED_VERBS or (
                    taken is not None and head_lemma(taken) in _SPANS_OF_TIME):
            return False  # "it would take years"; not "it would take resolute measures"
        subject = subject._.antecedent
    return subject is not None and is_party(subject)


_DEONTIC_MODALS = frozenset({"must", "should", "shall", "ought"})


def _demanded_clause(frame: Frame) -> bool:
    """Is what someone insists on an act owed ("insisted that troops withdraw", "... must
    leave", "... be released"): a subjunctive or a modal of obligation? An indicative is a
    claim ("insisted the match was not over", "insisted that he is innocent"), no request."""
    clause = frame.clause
    if clause is None or clause.dep_ != "ccomp":
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if not auxiliaries and (clause.tag_ == "VB" or (  # "that troops withdraw"
            subject is not None and subject.tag_ in ("NN", "NNP") and clause.lemma_ not in (
                "be", "have") and clause.tag_ in ("VBP", "NN"))):
        return True  # "that the president resign" (a base form after one, or tagged a noun)
    if any(a.lower_ in _DEONTIC_MODALS for a in auxiliaries):
        return True
    return any(a.tag_ == "VB" and a.lemma_ == "be" for a in auxiliaries) and not any(
        a.tag_ == "MD" for a in auxiliaries)  # "that he be released"


def _forced_by_circumstance(frame: Frame) -> bool:
    """"Was forced to close after the outbreak", "have been forced to seek federal aid", "the
    personnel squeeze is forcing employers to offer incentives": a passive with no one doing
    the forcing, or a circumstance that does it (a common noun naming no party), says what
    made someone do, not that a party coerced them ("was forced out by the leadership",
    "police forced them" name who did). Being forced out of or from a place is
    displacement, whoever did it ("were forced out of Myanmar")."""
    passive = frame.patient is not None or any(
        child.dep_ == "auxpass" for child in frame.verb.children)  # "... and have been forced"
    doer = frame.agent if passive else frame.subj
    # a common noun that names no party does it ("the personnel squeeze is forcing
    # employers"); an attack, a war, a coup, pressure forces on its doer's behalf ("pressure
    # from protesters forced the prime minister to resign")
    circumstance = doer is None if passive else (
        doer is not None and doer.pos_ in ("NOUN", "ADJ") and not entity_type(doer)
        and not is_party(doer) and not agent_noun(doer) and not owned_by_party(doer)
        and head_lemma(doer) not in NOUN_LEXICON and head_lemma(doer) not in COMPELLING_ACTS
        and not any(child.dep_ == "prep" and child.lower_ in ("from", "by")
                    and (whole := prep_object(child)) is not None and is_party(whole)
                    for child in doer.children))
    return circumstance and not any(
        child.dep_ in ("prt", "prep") and child.lower_ in ("out", "from")
        for child in frame.verb.children)


def _shared_with_party(frame: Frame) -> bool:
    """"shared a dossier on the attacks with India": the parser hangs "with" on the object
    or a noun inside it."""
    return frame.obj is not None and any(
        word.dep_ == "prep" and word.lower_ == "with" and (
            whole := prep_object(word)) is not None and is_party(whole)
        for word in frame.obj.subtree)


_ON_TERMS = prep("to", "on", "upon", "over")
_WITH_A_PARTY = prep("with", of=ACTOR_NOUNS)


def _agreed_on(frame: Frame) -> bool:
    """Something agreed: to act ("agreed to a ceasefire", "to withdraw", "that talks would
    resume"), on or upon terms, a deal as object ("a truce was agreed"), or with a party
    ("agreed with Kyiv")."""
    return _agreed_to_act(frame.clause) or frame.obj is not None or _ON_TERMS(frame) or \
        _WITH_A_PARTY(frame)


def _agreed_to_act(clause: Token | None) -> bool:
    """"Agreed to withdraw", "agreed that talks would resume": an act agreed on; not "agreed
    that Park had abused her authority", a view shared (a that-clause with no modal)."""
    if clause is None:
        return False
    return clause.dep_ == "xcomp" or any(
        child.dep_ == "aux" and child.tag_ == "MD" for child in clause.children)


def _agreed_together(frame: Frame) -> bool:
    """Parties agreeing among themselves ("the two sides agreed"): a plural subject. One who
    agrees with a view ("she agrees", "the court agreed with accusations that ...") reports
    an opinion, not an agreement."""
    return frame.subj is not None and _plural_actor(frame.subj) and \
        "with" not in frame.preps


def obj_people(frame: Frame) -> bool:
    """An object that is someone, or a count of people ("hundreds of Palestinians")."""
    if frame.obj is None:
        return False
    counted = [p for c in frame.obj.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj"]
    return is_actor(frame.obj) or any(is_actor(p) for p in counted)


def _yielded_to(frame: Frame) -> bool:
    """"Conceded control of the crossing to the PA": the "to" the parser hangs on the noun."""
    return frame.obj is not None and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in frame.obj.subtree)


# What one warns of when the warning is a threat: "warned of consequences", "of retaliation".
Rule = tuple[Cond, Sense | None]

_RULES: dict[str, list[Rule]] = {
    "fire": [
        (lambda f: f.verb.i > 0 and f.verb.nbor(-1).lower_ == "-" and f.verb.i > 1
         and f.verb.nbor(-2).lower_ == "test", ("MOBILIZE", "weapons")),
        (obj_words("fire shot"), ("ASSAULT", "firearms")),
        (lambda f: f.obj is not None and water_cannon(f.obj), ("ASSAULT", "firearms")),
        (both(obj(WEAPONS), target_prep), ("ASSAULT", "heavy-weapons")),
        (either(obj(RIOT_CONTROL), obj_words("bullet shot round")), ("ASSAULT", "firearms")),
        (both(obj(WEAPONS), negate(target_prep)), ("MOBILIZE", "weapons")),
        (both(no_obj, either(target_prep, subj(FORCES))), ("ASSAULT", "firearms")),
    ],
    "fight": [(both(no_obj, negate(prep("against", "with", "in", "near", "around")),
                    either(has_clause, prep("for"))), None)],
    "battle": [(both(no_obj, negate(prep("against", "with", "in", "near", "around")),
                     either(has_clause, prep("for"))), None)],
    "launch": [
        (both(obj(WEAPONS), target_prep), ("ASSAULT", "heavy-weapons")),
        (obj(WEAPONS), ("MOBILIZE", "weapons")),
    ],
    "test": [(either(obj(WEAPONS), both(obj_words("device"), obj_compound("nuclear"))),
              ("MOBILIZE", "weapons"))],  # a nuclear device, not a blood-testing one
    "meet": [
        (obj_words("demand condition requirement"), ("CONCEDE", None)),
        (either(obj_actor, _WITH_A_PARTY), ("CONSULT", None)),
        (lambda f: f.obj is None and f.subj is not None and _plural_actor(f.subj),
         ("CONSULT", None)),
    ],
    "agree": [(either(_agreed_on, _agreed_together), ("AGREE", None))],
    "visit": [(either(obj_actor, obj(TERRITORY)), ("CONSULT", "visit"))],
    "arrive": [(both(subj(FORCES - VEHICLES - WEAPONS), prep("in", "at")),  # deployed
                ("MOBILIZE", "troops")),
               (both(prep("in", "at"), subj_not_a_thing), ("CONSULT", "visit"))],
    "talk": [(prep("with", "to", of=ACTOR_NOUNS), ("CONSULT", None))],
    "speak": [(both(prep("with", "to", of=ACTOR_NOUNS), prep("by")), ("CONSULT", "phone"))],
    "discuss": [(ANY, ("CONSULT", None))],
    "host": [(both(either(obj_actor, obj(TALKS)), _hosted_on_a_visit), ("CONSULT", "host"))],
    "receive": [
        (obj(PEACEKEEPERS), ("RETREAT", "access")),
        (either(obj_actor, obj_words("delegation envoy")), ("CONSULT", "host")),
    ],
    "welcome": [
        (lambda f: f.obj is not None and entity_type(f.obj) == "PERSON", ("CONSULT", "host")),
        (lambda f: f.obj is not None and not is_actor(f.obj) and
         head_lemma(f.obj) not in FORCES | WEAPONS and
         any(c.dep_ == "nummod" for c in f.obj.children),
         None),  # a count of arrivals: "Japan welcomed a record 3.3 million visitors"; not
        # "welcomed 2,000 US troops", "welcomed two African presidents"
        (ANY, ("SUPPORT", None)),
    ],
    "call": [
        (prt("off"), ("CONCEDE", None)),
        (prep("for"), ("REQUEST", None)),
        (both(prep("on", "upon"), has_clause), ("REQUEST", None)),
        (both(obj_actor, has_clause), ("REQUEST", None)),
    ],
    "request": [(ANY, ("REQUEST", None))],
    "want": [(lambda f: f.obj is not None and f.clause is None and (
        head_lemma(f.obj) in DEMANDABLE or f.obj.lemma_.lower() in NOUN_LEXICON),
        ("REQUEST", None))],
    "seek": [(either(obj(AID_GOODS | word_set("refuge asylum help protection")),),
              ("REQUEST", "assist")),
             (obj_words("release ceasefire truce talk negotiation meeting"), ("REQUEST", None))],
    "press": [(either(prep("for"), has_clause), ("REQUEST", None))],
    "insist": [(either(prep("on", "upon"), _demanded_clause), ("REQUEST", None))],
    "shelter": [(obj_actor, ("AID", "asylum"))],  # not "most now shelter in tents"
    "push": [(prep("for"), ("REQUEST", None))],
    "order": [
        (obj_words("arrest detention"), ("COERCE", "arrest")),
        (obj_words("withdrawal evacuation release"), ("REQUEST", None)),
        (both(obj(FORCES), prep("to", "into", "toward", "towards")), ("MOBILIZE", "troops")),
        (either(obj_actor, has_clause), ("COERCE", "restrict")),
    ],
    "force": [
        (_forced_by_circumstance, None),
        (both(either(prt("out"), prep("out")), obj(ACTOR_NOUNS - CIVILIANS)),
         ("SANCTION", "expel")),
        (either(prt("out"), prep("out", "from")), ("ASSAULT", "cleansing")),
        (lambda f: f.obj is not None and entity_type(f.obj) in ("ORG",), ("SANCTION", "expel")),
        (ANY, ("COERCE", None)),
    ],
    "send": [
        (both(obj(MARKET_NOUNS), either(prt("up", "down"), _moved_somehow)), None),  # "sent
        # the dollar up", "sent prices higher": a cause moved a market, no one sent it
        (obj(PEACEKEEPERS), ("AID", "peacekeeping")),
        (obj(FORCES | word_set("reinforcement volunteer")), ("MOBILIZE", "troops")),
        (obj(AID_GOODS), ("AID", None)),
    ],
    "deploy": [
        (obj(PEACEKEEPERS), ("AID", "peacekeeping")),
        (either(obj(FORCES | WEAPONS), no_obj), ("MOBILIZE", "troops")),
    ],
    "dispatch": [  # sends, as "send" does
        (obj(PEACEKEEPERS), ("AID", "peacekeeping")),
        (obj(FORCES | word_set("reinforcement volunteer")), ("MOBILIZE", "troops")),
        (obj(AID_GOODS), ("AID", None)),
    ],
    "mass": [(obj(FORCES), ("MOBILIZE", "troops"))],
    "reinforce": [(ANY, ("MOBILIZE", "troops"))],
    "train": [(obj(FORCES | word_set("hacker fighter militant rebel recruit")),
               ("MOBILIZE", None))],
    "arm": [(obj_actor, ("AID", "military"))],
    "give": [
        (obj_words("welcome reception"), ("CONSULT", "host")),
        (obj_words("asylum refuge"), ("AID", "asylum")),
        (obj(AID_GOODS), ("AID", None)),
        (obj_words("support backing endorsement approval"), ("SUPPORT", None)),
    ],
    "provide": [
        (obj_words("asylum refuge"), ("AID", "asylum")),
        (obj(AID_GOODS | PEACEKEEPERS | word_set("help troop")), ("AID", None)),
    ],
    "deliver": [
        (obj_words("blow strike attack"), ("ASSAULT", None)),
        (obj(AID_GOODS), ("AID", None)),
    ],
    "supply": [(ANY, ("AID", None))],
    "fund": [(obj_actor, ("AID", "economic"))],
    "finance": [(obj_actor, ("AID", "economic"))],
    "grant": [
        (obj_words("asylum refuge"), ("AID", "asylum")),
        (obj(AID_GOODS), ("AID", None)),
        (obj_words("recognition"), ("SUPPORT", None)),
        (obj(CONCESSIONS), ("CONCEDE", None)),
    ],
    "evacuate": [(ANY, ("AID", "humanitarian"))],
    "open": [
        (obj_words("fire"), ("ASSAULT", "firearms")),
        (obj_words("hearing investigation probe inquiry case trial"), ("ACCUSE", "investigate")),
        (obj(TALKS), ("CONSULT", None)),
        (obj_words("border bridge crossing corridor airspace port"), ("RETREAT", "access")),
        (obj_words("embassy consulate"), ("SUPPORT", None)),
    ],
    "impose": [
        (obj(ECONOMIC_RESTRICTIONS), ("SANCTION", None)),
        (obj_words("curfew"), ("COERCE", "curfew")),
        (obj_compound("martial emergency"), ("COERCE", "martial-law")),
        (obj(RESTRICTIONS | word_set("blackout")), ("COERCE", "restrict")),
    ],
    "reimpose": [(ANY, ("COERCE", "restrict"))],
    "tighten": [(obj(RESTRICTIONS), ("COERCE", "restrict"))],
    "lift": [
        (obj(ECONOMIC_RESTRICTIONS), ("RETREAT", "ease")),
        (obj(SIEGES), ("RETREAT", "withdraw")),
        (obj(RESTRICTIONS), ("CONCEDE", None)),
    ],
    "ease": [
        (obj(ECONOMIC_RESTRICTIONS), ("RETREAT", "ease")),
        (obj(SIEGES), ("RETREAT", "withdraw")),
        (obj(RESTRICTIONS), ("CONCEDE", None)),
    ],
    "relax": [(obj(RESTRICTIONS), ("CONCEDE", None))],
    "cancel": [
        (obj(RESTRICTIONS), ("CONCEDE", None)),
        (obj(TIES | TALKS | word_set("trip tour")), ("SANCTION", "cancel")),
    ],
    "suspend": [(obj(TIES | TALKS | AID_GOODS), ("SANCTION", "discontinue")),
                (both(obj_actor, prep("from")), ("SANCTION", None))],  # from a body's work
    "dissolve": [(obj_words("party organisation organization movement"),
                  ("COERCE", "ban"))],  # CAMEO 1722, ban political parties (not "the group")
    "adopt": [(obj(ECONOMIC_RESTRICTIONS), ("SANCTION", None))],
    "approve": [(obj(ECONOMIC_RESTRICTIONS), ("SANCTION", None))],
    "halt": [
        (obj_words("offensive attack fighting operation bombing advance"), ("RETREAT", None)),
        (obj(TIES | TALKS | AID_GOODS), ("SANCTION", "discontinue")),
    ],
    "freeze": [(obj(TIES | TALKS | AID_GOODS | word_set("asset account")),
                ("SANCTION", "discontinue"))],
    "cut": [(obj(TIES | AID_GOODS), ("SANCTION", "discontinue"))],
    "stop": [
        (obj_words("work"), ("PROTEST", "strike-lim")),
        (obj_words("fighting offensive attack bombing shelling"), ("RETREAT", "ceasefire")),
        (obj(TIES | TALKS | AID_GOODS), ("SANCTION", "discontinue")),
        (lambda f: f.obj is not None and is_actor(f.obj) and "from" in f.preps,
         ("COERCE", "restrict")),
    ],
    "trade": [(obj_words("fire gunfire"), ("ASSAULT", "firearms"))],  # not "traded shots"
    "shun": [(obj_words("work school class"), ("PROTEST", "boycott"))],
    "break": [
        (obj_words("relation tie link contact"), ("SANCTION", "withdraw")),
        (obj_words("ceasefire truce cease-fire"), ("ASSAULT", None)),
        (both(prt("up"), obj_words("protest rally demonstration crowd")), ("COERCE", None)),
    ],
    "end": [
        (obj_words("strike boycott protest"), ("CONCEDE", None)),
        (obj_words("fighting offensive war hostility"), ("RETREAT", "ceasefire")),
        (obj(RESTRICTIONS), ("CONCEDE", None)),
    ],
    "withdraw": [
        (obj(PEACEKEEPERS | word_set("ambassador envoy diplomat aid support recognition")),
         ("SANCTION", "withdraw")),
        (prep("from", of=TALKS | AGREEMENTS), ("SANCTION", "withdraw")),
        (either(obj(FORCES), no_obj), ("RETREAT", "withdraw")),
    ],
    "pull": [(prt("out", "back"), ("RETREAT", "withdraw"))],
    "recall": [(obj_words("ambassador envoy diplomat"), ("SANCTION", "withdraw"))],
    "expel": [
        (obj(PEACEKEEPERS | word_set("ambassador envoy diplomat agency organization")),
         ("SANCTION", "expel")),
        (ANY, ("COERCE", "deport")),
    ],
    "ship": [(either(prt("out"), prep("out")), ("SANCTION", "expel"))],
    "release": [(both(lambda f: f.obj is not None and (head_lemma(f.obj) in CAPTIVES
                                                       or entity_type(f.obj) == "PERSON"),
                      from_custody), ("RETREAT", "release"))],
    "free": [(both(obj_actor, from_custody), ("RETREAT", "release"))],
    # a crowd that disperses goes home; dispersing one (or being dispersed) is force
    "disperse": [(negate(both(no_obj, subj(CIVILIANS))), ("COERCE", "restrict"))],
    "return": [(obj(PROPERTY | TERRITORY | CAPTIVES | word_set("remains body")),
                ("RETREAT", "return"))],
    "hand": [(prt("over"), ("RETREAT", "return"))],
    "block": [
        (both(obj(PASSAGE), negate(subj(FORCES | word_set("government authority")))),
         ("PROTEST", "obstruct")),
        (either(obj_people, obj(PASSAGE | AID_GOODS | TERRITORY | BLOCKABLE)),
         ("COERCE", "restrict")),  # not "blocking shots", "blocked the viruses", "a bill"
    ],
    "barricade": [(ANY, ("PROTEST", "obstruct"))],
    "occupy": [
        (subj(CIVILIANS), ("PROTEST", "obstruct")),
        (ANY, ("COERCE", "confiscate")),
    ],
    "seize": [
        (obj(TERRITORY), ("ASSAULT", None)),
        (obj_words("power control"), None),
        (ANY, ("COERCE", "confiscate")),
    ],
    "recapture": [(obj_actor, ("COERCE", "arrest")), (ANY, ("ASSAULT", None))],  # a prisoner
    "capture": [
        (obj(TERRITORY), ("ASSAULT", None)),
        (obj_actor, ("ASSAULT", "abduct")),
        (ANY, ("COERCE", "confiscate")),
    ],
    "take": [
        (obj_words("hostage captive"), ("ASSAULT", "abduct")),
        (lambda f: f.obj is not None and any(c.lower_ == "hostage" for c in f.verb.children),
         ("ASSAULT", "abduct")),
    ],
    "ban": [
        (obj_actor, ("COERCE", "ban")),
        (ANY, ("COERCE", "restrict")),
    ],
    "prevent": [(either(obj_actor, prep("from")), ("COERCE", "restrict"))],
    "bar": [(either(obj_actor, prep("from")), ("COERCE", "restrict"))],
    "shut": [(prt("down"), ("COERCE", "restrict"))],
    "close": [(obj(PASSAGE | word_set("newspaper station office embassy")),
               ("COERCE", "restrict"))],
    "raid": [(ANY, ("ASSAULT", None))],
    "storm": [(_stormed_into, ("ASSAULT", None)),  # "stormed into Avdiivka", "stormed
               # past police lines into the palace", "stormed down on the headquarters"
              (either(prt("down", "off", "out", "back", "away", "up", "ahead", "home", "clear",
                          "on"), prep("out", "off", "away")),
               None),  # a rush: "storming down the home straight", "stormed out of the talks"
              (negate(no_obj), ("ASSAULT", None))],  # "stormed parliament"; not "stormed to
    # victory"
    "strike": [
        (both(subj(CIVILIANS), either(no_obj, _struck_against)), ("PROTEST", "strike-lim")),
        # not "students strike silver", "workers struck a deal", "struck a police officer"
        (obj(AGREEMENTS), ("AGREE", None)),
        (either(obj(TERRITORY), military_target, obj_actor, subj(FORCES | WEAPONS),
                prep("with", of=WEAPONS)), ("ASSAULT", None)),  # "struck a refinery with drones"
        (lambda f: f.obj is None and f.subj is not None and entity_type(f.subj) == "GPE",
         ("ASSAULT", None)),  # "Israel struck again overnight": a state goes on no strike
        (no_obj, ("PROTEST", "strike-lim")),
    ],
    "warn": [(either(obj_actor, prep("of", "against", of=WARNING_OBJECTS), _party_clause),
              ("THREATEN", None))],
    "hit": [(either(subj(FORCES | WEAPONS), obj(TERRITORY), military_target,
                    prep("with", of=WEAPONS)), ("ASSAULT", None))],
    "target": [(subj(FORCES | WEAPONS | word_set("rebel militant insurgent")), ("ASSAULT", None))],
    "unleash": [(ANY, ("ASSAULT", None))],
    "charge": [
        (prep("with"), ("ACCUSE", "allege")),
        (has_clause, ("ACCUSE", "allege")),
    ],
    "abuse": [(lambda f: any(c.lemma_ == "sexually" for c in f.verb.children),
               ("ASSAULT", "sexual")), (obj_actor, ("ASSAULT", "beat"))],
    "protest": [(ANY, ("PROTEST", "demo"))],
    "demonstrate": [(no_obj, ("PROTEST", "demo"))],
    "decline": [(either(has_clause, lambda f: f.obj is not None), ("REJECT", None))],
    "sign": [(obj(AGREEMENTS), ("SUPPORT", None))],
    "reach": [(obj(AGREEMENTS), ("AGREE", None))],
    "conclude": [(obj(AGREEMENTS), ("SUPPORT", None))],
    "recognize": [
        (lambda f: f.obj is not None and (entity_type(f.obj) in ("GPE", "ORG", "NORP")
                                          or f.obj.pos_ == "PROPN"
                                          or head_lemma(f.obj) in word_set(
                                              "independence government state republic "
                                              "sovereignty")),
         ("SUPPORT", "recognize")),
    ],
    "back": [(prt("down", "off", "away"), None),  # a retreat from a stand, no support:
             # "neither side can afford to back down"
             (both(prt("up"), lambda f: f.obj is not None and not is_party(f.obj)), None),
             # words backed up, no party: "the captain backed up the talk"
             (ANY, ("SUPPORT", None))],
    "support": [(either(obj_actor, obj(ABSTRACT_TARGETS | word_set("sanction effort"))),
                 ("SUPPORT", None))],
    "defend": [(obj(ABSTRACT_TARGETS), ("SUPPORT", None))],
    "upgrade": [(obj_words("tie relation"), ("SUPPORT", None))],
    "restore": [(obj_words("tie relation"), ("SUPPORT", None))],
    "establish": [(obj_words("tie relation"), ("SUPPORT", None))],
    # what is shared with a party, or knowledge shared: not values, a border or photos online
    "share": [(either(obj(SHARED_KNOWLEDGE), prep("with", of=ACTOR_NOUNS), _shared_with_party),
               ("COOPERATE", "intelligence"))],
    "exchange": [(obj_words("fire gunfire"), ("ASSAULT", "firearms")),
                 (obj(CAPTIVES), ("RETREAT", "release")),
                 (obj_words("information intelligence data"), ("COOPERATE", "intelligence"))],
    "accept": [(obj(AGREEMENTS | word_set("proposal plan offer demand term condition "
                                          "resignation mediation")), ("AGREE", None))],
    "allow": [
        (obj(PEACEKEEPERS | AID_GOODS | word_set("access delivery return")), ("RETREAT", "access")),
        (either(obj_actor, has_clause), ("CONCEDE", None)),
    ],
    "permit": [(ANY, ("CONCEDE", None))],
    "concede": [(either(obj(CONCESSIONS | DEMANDABLE | TERRITORY | word_set("demand control "
                                                                            "power ground")),
                        prep("to"), _yielded_to), ("CONCEDE", None))],  # not "three tries"
    "lodge": [(obj_words("protest complaint"), ("ACCUSE", "disapprove"))],
    "file": [(obj_words("complaint lawsuit suit charge"), ("ACCUSE", "allege"))],
}



def _build_verb_lexicon() -> dict[str, list[Rule]]:
    """Lemma -> its rules: the rule table's first, then the senses its arguments never change
    (verbs.tsv), which always hold."""
    lexicon: dict[str, list[Rule]] = {lemma: [(ANY, sense)] for lemma, sense in VERB_SENSES.items()}
    for lemma, rules in _RULES.items():
        lexicon[lemma] = rules + lexicon.get(lemma, [])
    return lexicon


VERB_LEXICON = _build_verb_lexicon()
"""Lemma ('blow up' with a space) -> its ordered rules; the first whose condition holds wins."""
