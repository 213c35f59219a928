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
`"negated": true` (never dropped; so is "there had been no talks"), conditional and
possible ones ("could", "can be filed", "possibly", "capable of", "waiting to") with
`"hypothetical": true`; events inside an if, unless or "as long as" clause are conditions
of another event and are not emitted, nor is what someone wishes another would do ("he hoped
Russia would recognize"). Verbs of saying are never events themselves.

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
investor's demand), commands with no subject ("for appointments, call the centre", "go, meet
him"), agreeing with a view ("she agrees"; parties agree to, on or with something, or
together), harm no one did (PETRARCH's null patterns: "earthquakes struck", "killed in the
crash", "a methane gas explosion ripped through the mine"), a warning to the public ("warned
people to stay outdoors"), what circumstances forced someone to do ("was forced to close", with
no one doing the forcing), travel by people who are no party ("farmers arrived in Greece": a
visit is a party's), forecasts, event nouns with no party as subjects of verbs of being ("the
rebels' demands include ..."), present "have", standing positions ("has long accused"), what
has held for months or years or is done by habit ("has killed 13,000 since 2014", "frequently
attacks": `detect.is_standing`), a deed told in the present among other sentences of a text
told in the present (a story's plot or a rule: "Kaal's army launches an invasion"; a headline,
the first sentence, a line alone and what a source says are news in any tense), an event noun
told again ("The strikes came as ..."), what travellers go somewhere to do, a count of events
that changes ("attacks have continued to rise"), the toll of a conflict that lasts ("the war
killed 600,000"), what an agreement, a law or a resolution lays down in the present tense ("the
agreement commits Rwanda to ..."), the undated start of a "since" span ("prices have tripled
since the fighting resumed"), an act the article dates to a year before its own, to a day or a
month more than a year before, or to a stretch of months (a tally or history: "were killed last
year", "on 18 June 1815 the armies met"; "late last year" written in January is news), a game
whose clause holds its score or fixture ("Turkey beat Georgia 3-1", "Wales v Ireland kicks
off"), play between the countries of a report of games (one whose title or opening holds a
result, scored or in a game named as one, "edged Sweden on penalties to reach the final":
"Denmark fought back", "the home side attacked"; not aid, pledges, force, weapons or
statecraft), a market's rally, a thing that "threatens" ("rising sea levels"), a storm or a
disease by its name ("Cyclone Freddy killed"), or a present tense analysts say ("analysts say
the army attacks villages"). An act told of a dated happening or text is of its date ("the
explosion on Aug. 4, 2020 killed"). "Are to withdraw", a present with a later day of its own
("the summit opens on Sunday"), a passive to come that no one holds ("1,000 officers would be
sent"), an event noun whose verb of happening is ahead ("talks will resume") and a conjecture
no party voices ("if X, Israel would be fighting") are still ahead: hypothetical; an event noun
whose happening is negated ("the rally did not go ahead") is negated.

The package is split by job: `lexicon` reads the word lists of `newsgraph/data/events/` (once
per process), `rules` holds the parse frame and the rule table, `detect` finds the triggers and
resolves clauses, and `arguments` finds each event's actor, target, place, date and counts and
merges the repeats; `EventStage` here runs them in that order.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from newsgraph.config import stage_defaults
from newsgraph.stages.events.arguments import (
    ArticleContext,
    keep_in_context,
    merge_repeats,
    retold,
)
from newsgraph.stages.events.detect import find_candidates, resolve_clauses

__all__ = ["EventStage"]


class EventStage:
    """PLOVER events from triggers in the parse, with actors, place, date and counts, written
    to `doc._.events`; reads the entity mentions, the times and the publication date."""

    def __init__(self, elaboration_sentences: int | None = None) -> None:
        defaults = stage_defaults("events")  # config.cfg [components.events]
        self.elaboration_sentences = elaboration_sentences or defaults["elaboration_sentences"]

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.events(doc)
        return doc

    def events(self, doc: Doc) -> list[dict[str, Any]]:
        candidates = find_candidates(doc)
        resolve_clauses(candidates)
        kept = [c for c in candidates if c.kept]
        if not kept:
            return []  # a fourth of the articles: their entities and places need not be read
        context = ArticleContext(doc, self.elaboration_sentences)
        if context.reviews_a_work:
            return []  # a review tells a game's, a film's or a book's story
        for candidate in kept:
            candidate.blocked = [other for other in kept if other is not candidate
                                 and candidate.token.is_ancestor(other.token)]
        events: list[dict[str, Any]] = []
        told: list[str] = []  # the lemmas of the triggers of the events so far
        last_dated: tuple[int, dict[str, str]] | None = None
        for candidate in candidates:
            if not candidate.kept:
                continue
            event = context.event(candidate, candidates, last_dated)
            if event is None:
                continue
            if retold(candidate, event, told):
                continue  # "Israeli airstrikes hit a school ... The strikes came as ..."
            told += [word.lemma_.lower() for word in (candidate.token, candidate.noun) if word]
            if event["date"] and event["date"]["how"] == "text":
                last_dated = (event["sentence"]["start"], event["date"])
            if context.long_ago(event) or context.recalled(event, candidate) or \
                    context.retells_history(event, candidate):
                continue  # history the article tells: "the 1994 genocide in Rwanda killed
                # some 800,000 people", a battle of 1916 on its centenary
            events.append(event)
        return merge_repeats(context.drop_title_repeats(keep_in_context(events, doc)))
