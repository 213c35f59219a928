"""The PETRARCH2 tables the entity, quote and event stages share (newsgraph.petrarch)."""

from newsgraph import petrarch
from newsgraph.stages.events import actors


def test_named_actors_carry_the_class_of_their_latest_code():
    classes = petrarch.actor_classes()
    assert classes["google"] == "MNC" and classes["ryanair"] == "MNC"
    assert classes["amnesty international"] == "NGO"
    assert classes["ban ki-moon"] == "IGO"  # an IGO's official is listed under it


def test_role_nouns_carry_their_agent_code():
    phrases = petrarch.agent_phrases()
    assert phrases["riot", "police"] == "COP"
    assert phrases["residents",] == "CVL" and phrases["protesters",] == "OPP"


def test_dictionary_classes_map_onto_the_contracts_codes():
    assert petrarch.contract_code("MNC") == "BUS" and petrarch.contract_code("PPL") == "CVL"
    assert petrarch.contract_code("ELI") is None  # political, with no code of its own


def test_the_tables_are_read_once_and_shared_with_the_event_stage():
    assert petrarch.actor_classes() is petrarch.actor_classes()
    assert actors.actor_classes is petrarch.actor_classes
