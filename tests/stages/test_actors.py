"""Actor typing and relevance: an event needs a political actor or target (issue #14).

Sentences that must stay events are news of the kind PLOVER codes; sentences that must not are
real sentences from the non-political pages of ../shared/dev/html (software, beauty, travel,
music, health pages), where the toy coder found AGREE, ASSAULT, COOPERATE and CONSULT."""

from __future__ import annotations

import pytest

from newsgraph.stages.events.actors import agent_in, contract_code, type_party
from tests.stages.test_events import events_of


def only(events: list[dict], kind: str) -> dict:
    found = [event for event in events if event["type"] == kind]
    assert len(found) == 1, events
    return found[0]


# -- events that must stay, with their parties typed ---------------------------------------------

def test_police_beating_protesters_is_an_assault_by_police_on_the_opposition():
    event = only(events_of("Police beat protesters in the capital on Tuesday.", None), "ASSAULT")
    assert event["actor"]["type"] == "COP"
    assert event["target"]["type"] == "OPP"
    assert event["why"].startswith("actor COP")


def test_rebels_sharing_intelligence_is_cooperation_by_rebels():
    event = only(events_of("The rebels shared intelligence with the army about the convoy.",
                           None), "COOPERATE")
    assert event["actor"]["type"] == "REB"
    assert event["target"]["type"] == "MIL"


def test_a_minister_is_typed_by_his_title():
    event = only(events_of("German Foreign Minister Oskar Fischer will visit Albania in "
                           "June.", None, all_events=True), "AGREE")
    assert event["actor"]["type"] == "GOV"
    assert "foreign minister" in event["why"]


def test_a_named_actor_of_the_petrarch_dictionaries_gives_its_code():
    event = only(events_of("Hezbollah fighters attacked an Israeli army post on Sunday.", None),
                 "ASSAULT")
    assert event["actor"]["type"] == "REB"
    assert "PETRARCH actors: 'hezbollah'" in event["why"]


def test_a_country_acting_is_its_government():
    event = only(events_of("Russia accused Ukraine of shelling the town.", None), "ACCUSE")
    assert (event["actor"]["type"], event["target"]["type"]) == ("GOV", "GOV")


def test_a_people_named_in_the_phrase_makes_the_crowd_political():
    event = only(events_of("Thousands of Nigerians rallied in Lagos on Thursday to protest "
                           "the new law.", None), "PROTEST")
    assert "Nigerians" in event["why"]


def test_an_event_with_no_party_stays_when_its_sentence_names_a_political_actor():
    event = only(events_of("Heavy clashes erupted in Donetsk overnight.", None), "ASSAULT")
    assert event["actor"] is None and event["target"] is None
    assert "Donetsk" in event["why"]


# -- no event where no political actor acts ------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    # page123 (travel): a restaurant, a spa and an island "offer"
    "The all-day restaurant, Ocean Reflection, offers international and pan-Asian dishes "
    "alongside tranquil ocean views.",
    "An Mai Spa offers rejuvenating treatments focused on holistic physical and emotional "
    "wellbeing.",
    # page034 (software): a company thanks its users
    "Security reports are greatly appreciated, and Docker will publicly thank you for it.",
    # page052 (beauty): the reader's head, a drink's benefits
    "Well, not to cause your (well-exfoliated) head to explode or anything, but everything you "
    "think you know about dead skin cells is wrong.",
    "For vegans, coconut kefir offers similar benefits with none of the animal byproducts.",
    # page156 (health): talk to your doctor
    "Should you need significant help managing your allergies, talk to your doctor and maybe "
    "see an allergist.",
    # page086 (business): a company's deal
    "Microsoft in 2017 announced a multi-year deal to sell cloud services to U.S. energy giant "
    "Chevron Corp.",
])
def test_no_event_without_a_political_actor_on_non_political_pages(sentence):
    asserted = [event for event in events_of(sentence, None)
                if not event["hypothetical"]]
    assert asserted == []


# -- the typing itself ---------------------------------------------------------------------------

def test_role_phrases_are_read_left_to_right_longest_first():
    from tests.docs import parsed_document
    from tests.stages.test_events import _document

    doc = parsed_document(_document("the separatist leader met riot police and company owners"))
    assert agent_in(doc[0:3]) == ("REB", "separatist leader")
    assert agent_in(doc[4:6]) == ("COP", "riot police")
    assert agent_in(doc[7:9]) == ("BUS", "company owners")


def test_dictionary_classes_map_onto_the_contracts_codes():
    assert contract_code("IMG") == "REB"    # international militarised group
    assert contract_code("STATE") == "GOV"  # a bare country code
    assert contract_code("MNC") == "BUS"
    assert contract_code("ELI") is None     # a former leader: political, no agent code


def test_a_place_inside_a_facility_name_is_not_a_government():
    from tests.docs import parsed_document
    from tests.stages.test_events import _document

    doc = parsed_document(_document("I visit the New Chitose Airport."))
    airport = doc[3:6]
    typing = type_party(airport, doc[5], {"id": "geonames:1", "name": "Chitose", "type": "GPE",
                                          "geonames": 1}, [], [])
    assert not typing.political
