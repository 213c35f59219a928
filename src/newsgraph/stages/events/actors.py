"""Actor typing: what kind of party an event's actor or target is, and whether it is political.

PLOVER codes the interactions of political actors (states, governments, armed groups, parties,
officials, protesters, IGOs and NGOs, civilians as targets). A verb alone does not make one:
"the device allows", "Microsoft offers", "England beat France" are not. So every party gets a
PETRARCH agent code (the contract's `actor.type` / `target.type`) from the evidence the earlier
stages left on the Doc, in this order:

1. a named actor of the PETRARCH dictionaries (~34,000 names of officials, governments, armed
   groups, IGOs, NGOs and companies: `data/events/actors.tsv.gz`), by the entity's canonical
   name or the phrase;
2. a geocoded GPE (a country, region or town) acting: its government (`GOV`);
3. the role nouns of the phrase or of the person's introductions ("Foreign Minister", "riot
   police", "separatist leader": `data/events/agents.tsv`, PETRARCH's ~2,300 agent nouns);
4. a people (a NORP with a country: "Ukrainians") is political without a code.

An event is kept only when one party is political: an agent code of government, force,
opposition, justice, party, IGO or NGO, or civilians as the target of force. An event with no
party at all is kept only when its sentence names a political actor (sentence relevance: "a
protest was held in Kyiv" yes, "a blast of flavour" no). `Typing.why` says which evidence
decided, for `newsgraph events --explain`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from newsgraph.doc import entity_type
from newsgraph.ontology import POLITICAL_AGENT_TYPES
from newsgraph.petrarch import actor_classes, agent_phrases, contract_code
from newsgraph.places import gazetteer
from newsgraph.stages.events.lexicon import (
    ACTOR_NOUNS,
    CIVILIANS,
    COMMERCIAL_NOUNS,
    COMPETITION_NOUNS,
    CONTEST_NOUNS,
    FORCES,
    HARM_VERBS,
    KILL_LEMMAS,
    NOUN_LEXICON,
    ROLE_CLASSES,
    TEAM_NOUNS,
    TERRITORY,
    VEHICLES,
    WEAPONS,
)
from newsgraph.stages.events.rules import (
    BUSINESS_AGENT,
    MATERIAL_CONFLICT,
    a_cause_clause,
    agent_noun,
    head_lemma,
    is_party,
    prep_object,
)

POLITICAL_TYPES = frozenset(POLITICAL_AGENT_TYPES)
TARGET_TYPES = frozenset({"CVL"})
"""Codes political only as the target of force (civilians attacked, arrested, expelled)."""
FORCE_EVENTS = frozenset({"ASSAULT", "COERCE"})
TOWN_EVENTS = frozenset({"COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
"""What a town does as its government or its people: an authority's coercion and sanctions
("Chicago imposed a curfew"), mobilising ("Minneapolis sent police"), protest ("Khabarovsk
protested for the 50th day"). A town that attacks, surrenders, rejects or agrees is a team
("Leeds surrendered a two-goal lead", "Bayern attacked down the left flank") or a club."""
FIRST_AND_SECOND_PERSON = frozenset({"my", "our", "your"})

_POLITICAL_CLASSES = frozenset({"ELI", "OTHER"})
"""Dictionary classes with no agent code that are still political actors: former leaders
(PETRARCH's elites) and actors of a country with a code outside the agent list."""


POLITICAL_WORDS = (ACTOR_NOUNS | FORCES | CIVILIANS) - COMMERCIAL_NOUNS
"""Nouns of who governs, fights or protests; a trader is never one ("the carmaker")."""


@dataclass(frozen=True)
class Typing:
    """A party's agent code (None when no evidence gives one), whether it makes an event
    political, and the evidence, in words."""

    code: str | None
    political: bool
    why: str
    town: bool = False
    """A town that is no capital: political only as the scene of force or in what a town
    does (`TOWN_EVENTS`, `makes_political`)."""
    side: bool = False
    """One of the teams of a report of games, or theirs ("Denmark", "the home side",
    "captain X"): its play is no politics (`ArticleContext.teams`)."""
    no_party: bool = False
    """The phrase names no party at all, whatever its words say elsewhere: a date or an
    occasion ("Black Friday"), a competition's leader ("the championship leader"). Its
    arrival somewhere is no visit."""


UNTYPED = Typing(None, False, "no evidence of a political actor")


@cache
def _longest_agent_phrase() -> int:
    return max(len(phrase) for phrase in agent_phrases())


def _class_typing(kind: str, why: str) -> Typing:
    code = contract_code(kind)
    political = code in POLITICAL_TYPES or kind in _POLITICAL_CLASSES
    return Typing(code, political, why)


def agents_in(words: list[Token] | Span) -> Iterator[tuple[str, str]]:
    """(code, phrase) of each role phrase in these words, PETRARCH's way: left to right, the
    longest phrase starting at a word ("separatist leader" REB, "riot police" COP, "Foreign
    Minister" GOV); plurals are in the table, so lemmas are not needed."""
    lowered = [token.lower_ for token in words]
    phrases = agent_phrases()
    longest = _longest_agent_phrase()
    start = 0
    while start < len(lowered):
        for end in range(min(len(lowered), start + longest), start, -1):
            code = phrases.get(tuple(lowered[start:end]))
            if code is not None:
                yield code, " ".join(lowered[start:end])
                start = end - 1
                break
        start += 1


def agent_in(words: list[Token] | Span) -> tuple[str, str] | None:
    """The first role phrase in these words (see `agents_in`)."""
    return next(agents_in(words), None)


def _entity_typing(entity: dict[str, Any], of: str = "") -> Typing | None:
    """What an entity alone says: a named actor of the dictionaries, a geocoded GPE (its
    government), a people (a NORP with a country). `of` words it as a modifier's evidence
    ("Cairo's security chief", "Iraqi youths", "Arab League Secretary-General X")."""
    name = (entity.get("name") or "").lower()
    kind = actor_classes().get(name)
    if kind is not None and kind != "STATE":
        return _class_typing(kind, f"PETRARCH actors: {of}'{name}' is {kind}")
    if entity.get("type") == "GPE" and (entity.get("geonames") or entity.get("country")
                                        or kind == "STATE"):
        code = None if of else "GOV"
        if _a_town(entity):  # (PETRARCH files many towns under their country: STATE)
            return Typing(code, False, f"a town: {of}GPE '{entity['name']}'", town=True)
        return Typing(code, True, f"a state or local government: {of}GPE '{entity['name']}'")
    if entity.get("type") == "NORP" and entity.get("country"):
        return Typing(None, True, f"a people: {of}NORP '{entity['name']}'")
    return None


def _a_town(entity: dict[str, Any]) -> bool:
    """Is this geocoded place a town that is no country's capital? A country, a region or a
    capital that acts is its government ("Moscow accused Kyiv", "Texas sued"); a town that
    acts is seldom one (`TOWN_EVENTS`): it is a team ("Leeds surrendered a two-goal
    lead"), a club, or where someone is from ("Wigan prop Sam Tuilagi"). Its officials,
    council or police are named when they act."""
    places = gazetteer()
    place = places.entry(entity.get("name") or "", entity.get("geonames"))
    return place is not None and place.level == "city" and places.country_of_capital(place) is None


def _head_word_typing(head: Token) -> Typing | None:
    """The event stage's own nouns of who governs, fights or protests, for the heads the
    PETRARCH agents leave out ("officials", "forces", "the emir"): armed forces are MIL,
    civilians CVL, the other actor nouns and role nominals political without a code."""
    if counted_harmed(head):
        return Typing("CVL", False, f"people: the count of those harmed ('{head.text}')")
    lemma = head_lemma(head)
    if head.tag_ == "NNPS":  # "Syrian Democratic Forces", "Rapid Support Forces"
        lemma = _force_named(head) or lemma
    if lemma in FORCES and head.dep_ == "pobj" and head.head.lower_ in ("in", "by", "with") \
            and not any(True for _ in head.children):
        return None  # "arrived in force", "taken by force": a manner, no armed forces
    if lemma in FORCES & TEAM_NOUNS and not any(
            child.dep_ in ("compound", "amod", "nmod", "prep") for child in head.children):
        return None  # a bare "squad" is a team's ("the squad had arrived in Dublin
        # relaxed"); "a police squad", "death squads", "a squad of soldiers" are forces
    if lemma == "officer" and _a_chief_officer(head):
        return None  # "Tesla's chief financial officer": a firm's or a body's post
    if lemma in FORCES:
        return Typing("MIL", True, f"armed forces: '{lemma}'")
    if lemma == "side" and (_part_of_a_thing(head) or _a_bare_side(head)
                            or _a_coachs_side(head)):
        return None  # "the side of the hangar", "along that side", not "the Russian side"
    if lemma == "party" and _a_party_of_people(head):
        return None  # "a third party", "a birthday party", not "the opposition party"
    if lemma == "group" and _a_kind_named_by_a_common_noun(head):
        return None  # "the footwear group", "a ransomware group", not "a rebel group"
    if lemma == "head" and _a_part_named(head):
        return None  # "seed heads", "the drill head": a part, not a leader
    if lemma in POLITICAL_WORDS or lemma in ROLE_CLASSES:
        if lemma in CIVILIANS:
            return Typing("CVL", lemma not in CIVILIANS - ACTOR_NOUNS, f"civilians: '{lemma}'")
        if _serving_no_party(head):
            return None  # "a spokesperson for the hospice", "the head of the club"
        return Typing(None, True, f"a political actor noun: '{lemma}'")
    return None


def counted_harmed(token: Token) -> bool:
    """Is the word a bare count of people someone killed or hurt ("killing two", "at least
    12 were wounded by a bomb")? News counts its dead with no noun; they are people, as
    "killing two people" says (PETRARCH's PPL): the recipient when the act names no other
    (`arguments._breadth_first` takes it last)."""
    if token.pos_ != "NUM" or not token.like_num or any(
            child.dep_ == "prep" for child in token.children):
        return False  # "two of his friends from basic training": the phrase says who
    verb = token.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in (KILL_LEMMAS | HARM_VERBS) - {"claim",
                                                                                       "die"}:
        return False
    return token.dep_ == "dobj" or (token.dep_ == "nsubjpass" and any(
        child.dep_ == "agent" or _armed_cause(child) for child in verb.children))  # "12 were
    # killed by a car bomb", "two were killed when a mortar round landed on a school"; not
    # "one died and 17 were injured" after a pile-up, where no one did it


def _armed_cause(clause: Token) -> bool:
    """Is the clause a "when", "after" or "as" clause whose subject is a weapon or a party
    ("when a mortar round landed", "after a grenade was thrown", "as police charged")?"""
    if not a_cause_clause(clause):
        return False
    return any(child.dep_ in ("nsubj", "nsubjpass") and (
        head_lemma(child) in WEAPONS or is_party(child)) for child in clause.children)


def _a_chief_officer(officer: Token) -> bool:
    """Is the officer a "chief ... officer" of a function (financial, executive, medical),
    a post, not a rank of arms (a "chief petty officer", a "chief warrant officer")?"""
    words = {child.lower_ for child in officer.children if child.dep_ in ("amod", "compound")}
    return "chief" in words and len(words) > 1 and not words & {"petty", "warrant"}


def _serving_no_party(role: Token) -> bool:
    """Is the role held for, of or at a body that is no party: a common noun no entity names,
    no actor noun, agent or event ("a spokesperson for the hospice", "the leader of the
    band"; not "a spokesman for the ministry", "the leader of the protest")?"""
    for child in role.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
            body = prep_object(child)
            return body is not None and body.pos_ == "NOUN" and not entity_type(body) and \
                head_lemma(body) not in POLITICAL_WORDS | TERRITORY | NOUN_LEXICON.keys() \
                and not is_party(body) and not agent_noun(body)  # not "a spokesman for the
            # city", "the governor of the province": a town's or a region's government
    return False


def _company_in(words: list[Token] | Span) -> str | None:
    """The name of a company PETRARCH lists (a multinational or a business: its code is
    BUS) among these words' organisations: its president or chief executive is an officer
    of the company, not of a government."""
    classes = actor_classes()
    tokens = list(words)
    in_phrases = {inner.i for token in tokens if token.dep_ == "prep"
                  for inner in token.subtree}  # "gunmen in Toyota pickups": not whose
    for start, word in enumerate(tokens):
        if word.pos_ != "PROPN" or word.i in in_phrases:
            continue
        for end in range(min(len(tokens), start + 3), start, -1):  # the longest name first
            name = " ".join(token.text for token in tokens[start:end])
            if contract_code(classes.get(name.lower(), "")) == BUSINESS_AGENT:
                return name
    return None


def _trading_owner(words: list[Token] | Span, agent: str) -> str | None:
    """The common noun of a business that owns the role (`agent`, a phrase of these words),
    when nothing that governs modifies it: "the bank's chief executive", "the airline's
    president", "the company's chairman" (`COMMERCIAL_NOUNS`, or PETRARCH's BUS agents);
    not "the central bank's governor", "the Reserve Bank's governor" (an agent phrase of
    government), nor "the party's president", nor a body the article names by the word
    ("the Bank of England ... the bank's governor")."""
    role = set(agent.split())
    for word in words:
        if word.pos_ != "NOUN" or word.ent_type_ or word.lower_ in role or \
                word.dep_ != "poss" or word.head.lower_ not in role:
            continue  # "the bank's chief executive"; not "the consumer affairs minister"
        if any(entity.label_ == "ORG" and word.lemma_.lower() in entity.text.lower().split()
               for entity in word.doc.ents) or _named_as_governing(word):
            continue  # "the Bank of England ... The bank's governor", "Nigeria's central
            # bank ... The bank's governor": that body's
        if head_lemma(word) not in COMMERCIAL_NOUNS and \
                agent_phrases().get((word.lower_,)) != BUSINESS_AGENT:
            continue
        owner = [child for child in word.subtree if child.dep_ != "case"]
        if agent_in(owner) in (None, (BUSINESS_AGENT, word.lower_)) and not any(
                child.ent_type_ in ("GPE", "NORP", "ORG") for child in owner):
            return word.text
    return None


def _named_as_governing(word: Token) -> bool:
    """Does the article call the word's thing by an agent phrase of government elsewhere
    ("the central bank", "the state airline")?"""
    phrases = agent_phrases()
    lemma = word.lemma_.lower()
    return any(other.lemma_.lower() == lemma and any(
        phrases.get((child.lower_, other.lower_)) not in (None, BUSINESS_AGENT)
        for child in other.children if child.dep_ in ("amod", "compound"))
        for other in word.doc if other.i != word.i)


_CORPORATE_ROLES = frozenset({"chief executive", "chief executive officer", "ceo",
                              "managing director", "chief operating officer"})
"""Roles PETRARCH's agents type as government that an organisation's name before them makes
a firm's ("PayWaka chief executive"), unlike a president or a leader, which parties have."""

_BUSINESS_NAME = re.compile(r"\b(?:Co-?operative|Co-op|Co|Ltd|Limited|Inc|plc|PLC|LLC|Corp|"
                            r"Corporation|Holdings|Airlines?|Motors)\.?$")
"""The last word of a business's name: "Sugarbush Co-operative", "Carrow Hill Holdings"."""


def _unlisted_organisation_in(words: list[Token] | Span, agent: str) -> str | None:
    """The name of a firm that owns the role (`agent`, a phrase of these words): an
    organisation that neither PETRARCH's actors list nor an agent word of its own names,
    with a role only firms have (`_CORPORATE_ROLES`: "PayWaka chief executive") or a
    business's name ("Sugarbush Co-operative president"); not "Oxfam", "the Interior
    Ministry", "National Rally president", nor the role's own words ("Supreme Leader"). Its
    officer is a firm's, not a government's."""
    tokens = list(words)
    role = agent.split()
    starts = [i for i in range(len(tokens) - len(role) + 1)
              if [token.lower_ for token in tokens[i:i + len(role)]] == role]
    if not starts:
        return None
    role_words = {token.i for token in tokens[starts[0]:starts[0] + len(role)]}
    name: list[Token] = []
    for word in [*tokens, None]:
        if word is not None and word.i not in role_words and entity_type(word) == "ORG" \
                and word.pos_ == "PROPN":
            name.append(word)
            continue
        after = name[-1].i + 1 if name else 0
        if name and after < len(name[-1].doc) and name[-1].doc[after].tag_ == "POS":
            after += 1  # "Sugarbush's president"
        if name and (after == min(role_words) or (name[-1].head.i in role_words and
                                                  name[-1].dep_ in ("compound", "poss"))):
            text = " ".join(token.text for token in name)
            if actor_classes().get(text.lower()) is None and agent_in(name) is None and (
                    agent in _CORPORATE_ROLES or _BUSINESS_NAME.search(text)):
                return text
        name = []
    return None


def _part_of_a_thing(head: Token) -> bool:
    """Does the noun name a part of something that is no party: its "of" names a thing
    ("the side of the hangar"), not people or a body ("the side of the government")? Asked
    of "side" alone, a party in talks and wars ("the Russian side") and a part of a thing:
    "head", "leader", "group" of whatever is named are people ("the head of the customs
    service", "the leader of the coup")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            whole = prep_object(child)
            return whole is not None and whole.pos_ == "NOUN" and not entity_type(whole) \
                and not is_party(whole) and not agent_noun(whole) \
                and head_lemma(whole) not in POLITICAL_WORDS
    return False


def _a_part_named(head: Token) -> bool:
    """Is the noun ("head") named by a common noun of a thing before it ("seed heads", "a
    drill head"), not of a body of people ("the department head", "party heads", "a
    Hamas head")?"""
    return any(child.dep_ == "compound" and child.pos_ == "NOUN" and not entity_type(child)
               and not is_party(child) and not agent_noun(child)
               and head_lemma(child) not in POLITICAL_WORDS for child in head.children)


def _a_bare_side(head: Token) -> bool:
    """"side" with nothing that makes it one of two parties: no number or plural ("both
    sides", "the two sides"), no party or other modifier ("the Russian side", "the other
    side", "the government side"): "along that side", "side by side"."""
    if head.tag_ == "NNS":
        return False  # "both sides", "the two sides"
    if head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.lower_ == "side":
        return True  # "side by side"
    return not any(child.dep_ in ("amod", "compound", "poss", "nummod", "nmod")
                   or (child.dep_ in ("det", "predet") and child.lower_ in _SIDE_COUNTS)
                   for child in head.children)


_SIDE_COUNTS = frozenset({"both", "either", "neither", "each", "other", "another"})


def _a_coachs_side(head: Token) -> bool:
    """Is "his side" a coach's, a captain's or a manager's (`TEAM_NOUNS`): "Bulls coach Phil
    Garrity said his side had only themselves to blame" names a team, no faction?"""
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            owner = child._.antecedent or _speaker_of(head)  # "his": who said it
            return owner is not None and any(
                word.lemma_.lower() in TEAM_NOUNS - {"side", "group", "camp"}
                for word in owner.subtree)
    return False


def _speaker_of(word: Token) -> Token | None:
    """The subject of the verb whose reported clause holds the word ("Garrity said his side
    ...")."""
    while word.head.i != word.i:
        if word.dep_ == "ccomp":
            return next((c for c in word.head.children if c.dep_ == "nsubj"), None)
        word = word.head
    return None


def _a_party_of_people(head: Token) -> bool:
    """"party" that names a gathering or a legal stand-in, not a political party: "a third
    party", "a birthday party", "the search party" (a modifier that is a common noun naming
    no political actor), not "the opposition party" or "the ruling party"."""
    return any(child.dep_ == "amod" and child.lower_ == "third" for child in head.children) \
        or _a_kind_named_by_a_common_noun(head)


def _a_kind_named_by_a_common_noun(head: Token) -> bool:
    """Does a common noun that names no political actor say what kind of party or group it
    is ("the search party", "the logistics groups", "a ransomware group", "her training
    group"; not "the opposition party", "a rebel group", "a rights group"). A group named by
    its trade is as much a party as a company is ("the energy group Naftogaz" is "the energy
    company Naftogaz")."""
    return any(child.dep_ == "compound" and child.pos_ == "NOUN" and not entity_type(child)
               and head_lemma(child) not in POLITICAL_WORDS and not agent_noun(child)
               for child in head.children)


_TIMES_AND_OCCASIONS = frozenset({"DATE", "TIME", "EVENT"})
"""The parser's entity types of a day, a time or a named occasion ("Black Friday", "the Paris
Olympics"): a phrase the parser tags so names no party, whatever a dictionary files under the
same words (PETRARCH's actors list a "Black Friday" group)."""


def type_party(phrase: Span, head: Token, entity: dict[str, Any] | None,
               role_texts: list[Span], inner: list[dict[str, Any]]) -> Typing:
    """The agent code of the party `phrase` (naming `entity` if any), from the evidence listed
    in the module docstring; `role_texts` are the person's titles and appositions as the entity
    stage found them, `inner` the other entities named inside the phrase (its modifiers)."""
    if any(child.dep_ == "poss" and child.lower_ in FIRST_AND_SECOND_PERSON
           for child in head.children):
        return Typing(None, False, "the speaker's or reader's own ('your head', 'our team')")
    if any(child.dep_ == "compound" and child.lemma_.lower() in COMPETITION_NOUNS
           and not child.ent_type_ for child in head.children):  # not "Arab League leader",
        # "Awami League activists", "World Cup security forces"
        return Typing(None, False, "a competition's ('the championship leader', 'the "
                                   "league leader'), no party", no_party=True)
    if head.ent_type_ in _TIMES_AND_OCCASIONS:
        return Typing(None, False, f"a date or an occasion ({head.ent_type_}), no party "
                                   "('Black Friday has arrived')", no_party=True)
    kind = actor_classes().get(phrase.text.lower().removeprefix("the "))
    if kind is not None and kind != "STATE":
        return _class_typing(kind, f"PETRARCH actors: '{phrase.text}' is {kind}")
    if entity is not None and entity.get("type") == "GPE" and head._.entity is None:
        entity = None  # a place named inside a facility's name ("New Chitose Airport")
    if (entity or {}).get("type") == "NORP" and _one_named_by_nationality(head):
        return Typing("CVL", False, f"a citizen: one {entity['name']}")  # "the Spaniard"
    typing = _entity_typing(entity) if entity is not None else None
    if typing is not None and (typing.code is not None or entity.get("type") == "GPE"):
        return typing
    for words in (*role_texts, phrase):
        found = agent_in(words)
        if found is not None and (_a_team_role(words, found[1]) or
                                  _a_club_name(words, found[1])):
            continue  # "with captain Harshil Vaghela": a side's, no rank; "the Barrengarry
            # Bombers": a club's name
        if found is not None:
            code, agent = found
            company = _company_in(words) or _trading_owner(words, agent)
            if company is not None:  # "Microsoft President Brad Smith", "Boeing Chief Executive"
                return Typing(BUSINESS_AGENT, False,
                              f"a company's '{agent}': PETRARCH actors: '{company}' is a company")
            body = _unlisted_organisation_in(words, agent) if code == "GOV" else None
            if body is not None:  # "PayWaka chief executive Tama Ruatapu"
                return Typing(None, False, f"an organisation's '{agent}': ORG '{body}', which "
                                           "no dictionary types as political")
            by_role = _class_typing(code, f"PETRARCH agents: '{agent}' is {code}")
            if by_role.code is not None or by_role.political:
                return by_role
    if typing is not None:
        return typing
    by_word = _head_word_typing(head)
    if by_word is not None and by_word.political and not (
            head.tag_ == "NNPS" and any(getattr(_entity_typing(other), "political", False)
                                        for other in inner)):
        return by_word  # ("Hamas's Qassam Brigades" is Hamas's: REB)
    if (entity or {}).get("type") in ("PERSON", "ORG") or (entity is None and head.pos_ == "NOUN"):
        for other in inner:  # "Arab League Secretary-General X", "Thousands of Nigerians"
            typing = _entity_typing(other, of="of ")
            if typing is None or not typing.political:
                continue
            if _described_by_a_country(phrase, entity, other) and \
                    _one_of_a_country(head, entity):
                return _of_a_country(entity, other)
            return typing
    return by_word or UNTYPED


def contests_judges(head: Token, praise: bool) -> bool:
    """Are the judges a contest's: their own phrase names it ("the Booker Prize judges",
    "contest judges"), or, when they praise, "judge" or "judges" in lower case in an article
    that names a contest (`CONTEST_NOUNS`, a game's words) and no other word of the courts
    from PETRARCH's JUD agents (a court, a prosecutor, a lawyer, a tribunal)? "The judges
    praised the project" of a school's robotics final is a panel's praise (pages z, read
    after scoring); a judge who jails, bans or orders acts as a court whatever the story
    names."""
    if head.lower_ not in ("judge", "judges") or not head.text.islower():
        return False
    if any(word.lemma_.lower() in CONTEST_NOUNS for word in head.subtree if word.i < head.i):
        return True
    if not praise:
        return False
    phrases = agent_phrases()
    doc = head.doc
    return any(word.pos_ == "NOUN" and word.lemma_.lower() in CONTEST_NOUNS | (
        COMPETITION_NOUNS - {"penalty", "gold", "silver", "bronze"}) for word in doc) and \
        not any(phrases.get((word.lower_,)) == "JUD" and word.lower_ not in ("judge", "judges")
                for word in doc)


def _a_team_role(words: list[Token] | Span, agent: str) -> bool:
    """Is the role a team's, not a rank: a word of `TEAM_NOUNS` the dictionaries type
    ("captain" is MIL for PETRARCH) written in lower case ("with captain Harshil Vaghela",
    "the captain said": a cricket report, pages o), with no force, weapon or fire in its
    sentence ("an army captain", "Captain Ibrahim Traore", "a police captain", "the
    captain ordered his men to open fire" keep their rank)?"""
    if agent not in TEAM_NOUNS and agent.removesuffix("s") not in TEAM_NOUNS:
        return False
    written = [word for word in words if word.lower_ == agent]
    if not written or not all(word.text.islower() for word in written):
        return False
    if any(head_lemma(word) in FORCES or agent_phrases().get((word.lower_,)) in ("MIL", "COP")
           for word in words if word.lower_ != agent):
        return False  # "an army captain", "a police captain"
    return not any(  # "the captain ordered his men to open fire": a rank
        head_lemma(word) in (FORCES - {"police"}) | WEAPONS or word.lemma_.lower() == "fire"
        for word in written[0].sent if word.lower_ != agent)


_ARMED_FORCES = FORCES - VEHICLES
"""Words of forces, not of craft: "Forces", "Guards", not "Helicopters" or "Bombers"."""


def _force_named(head: Token) -> str | None:
    """The word of armed forces a proper plural names, which the tagger leaves unlemmatised
    ("Syrian Democratic Forces", "Rapid Support Forces"), not a craft ("Airbus
    Helicopters")."""
    word = head_lemma(head)
    if word not in FORCES and head.tag_ == "NNPS":
        word = head.lower_.removesuffix("s")
    return word if word in _ARMED_FORCES else None


_ARMED_GROUP_CODES = frozenset({"REB", "UAF", "INS"})
"""PETRARCH's codes of rebels, armed groups and insurgents: a name closing on one of their
words is a group's ("M23 Rebels"), not a club's."""


def _a_club_name(words: list[Token] | Span, agent: str) -> bool:
    """Is the role word the last word of a club's name: a capitalised plural closing a
    proper name ("the Barrengarry Bombers", "the Sacramento Kings", "Pittsburgh Pirates":
    pages o), not a force's ("Syrian Democratic Forces", "Revolutionary Guards"), an armed
    group's ("M23 Rebels", "Boko Haram Fighters": a reviewer's texts) nor a singular
    ("Arakan Army")?"""
    if agent_phrases().get((agent,)) in _ARMED_GROUP_CODES:
        return False  # "M23 Rebels", "Boko Haram Fighters", "Houthi Rebels": a group's
    for word in words:
        if word.lower_ == agent and word.text[:1].isupper() and word.pos_ == "PROPN" and \
                agent.endswith("s") and not agent.endswith(("ss", "us", "is")) and \
                agent.removesuffix("s") not in _ARMED_FORCES and \
                head_lemma(word) not in _ARMED_FORCES and \
                word.i > 0 and word.doc[word.i - 1].pos_ == "PROPN" and \
                word.doc[word.i - 1].dep_ == "compound":
            return True
    return False


def _one_named_by_nationality(head: Token) -> bool:
    """Is the party one person named by a nationality ("the Spaniard attacked Sinner's serve",
    "a Briton was arrested"): a singular noun with an article, not a people ("the Kurds",
    "Ukrainians") nor a group a dictionary lists (read before this: "the Taliban")?"""
    return head.tag_ in ("NN", "NNP") and not head.lower_.endswith("s") and any(
        child.dep_ == "det" and child.lower_ in ("the", "a", "an") for child in head.children)


def _described_by_a_country(phrase: Span, entity: dict[str, Any] | None,
                            country: dict[str, Any]) -> bool:
    """Does the country only describe the party: a nationality ("Brazilian Júlia Ramos", "the
    Peruvian Red Cross"), or a place before a named person's or body's name ("Manila
    Archbishop Luis Tagle", "UK managing director Henry Zhao")? A country's name with a
    possessive before a person is PETRARCH's reading of its actor ("Ukraine's Zelenskiy")."""
    if country.get("type") == "NORP":
        return True
    if country.get("type") != "GPE" or (entity or {}).get("type") not in ("PERSON", "ORG"):
        return False
    name = re.escape(country.get("name") or "")
    return re.search(rf"\b{name}\s*['’]s?\b", phrase.text, re.IGNORECASE) is None


def _one_of_a_country(head: Token, entity: dict[str, Any] | None) -> bool:
    """Is this a person or a body a nationality only describes ("Brazilian Júlia Ramos", "the
    Russian-born grandmaster", "the Peruvian Red Cross", "Russian oil giant Rosneft"), not the
    country's people ("Thousands of Nigerians", "Iraqi youths") nor its government? A named
    person or organisation, or one person named by a noun, with no role of government (those
    are typed before this)."""
    if (entity or {}).get("type") in ("PERSON", "ORG"):
        return True
    return head.tag_ == "NN" and not any(child.dep_ == "prep" and child.lower_ == "of"
                                         for child in head.children)


def _describes_one(word: Token, entity_at: dict[int, dict[str, Any]]) -> bool:
    """Does this nationality describe one person or thing that is no actor of politics ("the
    Nigerian midfielder Emeka Okoro", "a Norwegian energy company"), as `_one_of_a_country`
    reads a party, not a country's people or forces ("Nigerian soldiers", "the Russian
    side")?"""
    head = word
    while head.dep_ in ("amod", "compound", "nmod") and head.head.i != head.i:
        head = head.head
    role = agent_in([head])
    if head.i == word.i or head.pos_ not in ("NOUN", "PROPN") or \
            head_lemma(head) in POLITICAL_WORDS or (
                role is not None and _class_typing(role[0], "").political):
        return False
    entity = entity_at.get(head.i)
    if (entity or {}).get("type") in ("PERSON", "ORG"):
        return True  # "the Nigerian midfielder Emeka Okoro"
    return head_lemma(head) in COMMERCIAL_NOUNS  # "a Norwegian energy company"; not "a
    # Syrian border crossing": a place of force


def _of_a_country(entity: dict[str, Any] | None, country: dict[str, Any]) -> Typing:
    """A citizen is a civilian (political as the target of force, `TARGET_TYPES`); a
    company, a charity or a club of a country is no party of its politics."""
    if (entity or {}).get("type") == "ORG":
        return Typing(None, False, f"an organisation of {country['type']} '{country['name']}'")
    return Typing("CVL", False, f"a citizen: of {country['type']} '{country['name']}'")


def _a_location(token: Token) -> bool:
    """Is this word (of a name) in a phrase that says where ("in Sheffield", "Ruiz of
    Spain"), not who ("Azerbaijan launched operations")? PETRARCH files places under STATE."""
    while token.dep_ in ("compound", "amod", "flat", "nmod", "conj") and \
            token.head.i != token.i:  # "across the UAE and Oman"
        token = token.head
    return token.dep_ == "pobj"


def makes_political(typing: Typing | None, event_type: str, as_target: bool) -> bool:
    """Whether this party makes its event a political interaction."""
    if typing is None:
        return False
    if typing.political:
        return True
    if typing.town:
        return event_type in MATERIAL_CONFLICT if as_target else event_type in TOWN_EVENTS
    return as_target and typing.code in TARGET_TYPES and event_type in FORCE_EVENTS


def sentence_names_political_actor(sentence: Span, entity_at: dict[int, dict[str, Any]],
                                   event_type: str, scene: bool = True) -> str | None:
    """Why a sentence reports political news though its event names no party: for conflict on
    the ground (an attack, an arrest, a protest, a show of force or a sanction) a geocoded
    place in it; a named political actor, a role noun of government or force, or, for force
    ("residents reported gunfire"), civilians. A place alone makes no talks, deal or
    accusation political: those need a party ("a lawsuit was filed against Apple in
    California", "a memorandum would be signed"). Without `scene`, for a doing told with no
    party at all ("fought back to the group", "meant fighting with clay"), neither a place it
    happened in nor civilians in the sentence count: only an actor."""
    classes = actor_classes()
    for token in sentence:
        entity = entity_at.get(token.i)
        if entity is None:
            continue
        if scene and entity.get("type") == "GPE" and event_type in MATERIAL_CONFLICT and (
                entity.get("geonames") or entity.get("country")):
            return f"the sentence names the place '{entity['name']}'"
        kind = classes.get((entity.get("name") or "").lower())
        if entity.get("type") in ("NORP", "GPE") and _describes_one(token, entity_at):
            continue  # "the Nigerian midfielder", "a Norwegian energy company", "Edinburgh
            # firm Rutherford Moffat"
        if kind == "STATE" and entity.get("type") == "GPE" and _a_town(entity):
            continue  # PETRARCH files towns under STATE: "hospitals in Lyon", "Manchester band"
        if kind is not None and _class_typing(kind, "").political and (
                scene or kind != "STATE" or not _a_location(token)):
            return f"the sentence names the actor '{entity['name']}' ({kind})"
    for raw, phrase in agents_in(sentence):  # civilians proper, not any "man" or "people"
        code = contract_code(raw) or ""
        if code in POLITICAL_TYPES or (scene and raw in TARGET_TYPES
                                       and event_type in FORCE_EVENTS):
            return f"the sentence names '{phrase}' ({code})"
    return None
