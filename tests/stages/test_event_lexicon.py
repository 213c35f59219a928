"""The event stage's word lists: its own tables on the shared reader (tests/test_lexicons.py
checks every data file: headers, nothing defined twice, no word list in code, shipped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import lexicons
from newsgraph.stages.events import lexicon

DATA = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "data" / "events"


def test_every_data_file_is_read_by_the_lexicon():
    assert sorted(p.name for p in DATA.iterdir()) == sorted(lexicon.LEXICON_FILES)


def test_every_table_loads():
    assert lexicon.VERB_SENSES["blow up"] == ("ASSAULT", None)
    assert lexicon.NOUN_LEXICON["airstrike"] == ("ASSAULT", None)
    assert lexicon.NOUN_MODIFIERS["strike", "hunger"] == ("PROTEST", "strike-hun")
    assert lexicon.ROLE_CLASSES["head"] == "leader" and lexicon.NUMBER_WORDS["dozen"] == 12


def test_the_harmless_causes_come_from_petrarchs_null_patterns(shared):
    """The shipped table is what the derivation script makes of the shared dictionary."""
    import importlib.util

    script = DATA.parents[3] / "tools" / "derive_harmless_causes.py"
    spec = importlib.util.spec_from_file_location("derive_harmless_causes", script)
    derive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(derive)
    rows = derive.derive(shared / "data" / "petrarch")
    assert ("doer", "-", "earthquake") in rows and ("cause", "in", "accident") in rows
    assert ("cause", "of", "natural cause") in rows  # "{NATURAL CAUSES}", made singular
    assert not any(row[-1] == "nato" for row in rows)  # "* (BY NATO)" is an actor, not a cause
    assert set(rows) == {("doer", "-", word) for word in lexicon.HARMLESS_DOERS} | {
        ("cause", prep, " ".join(phrase))
        for prep, phrases in lexicon.HARMLESS_CAUSES.items() for phrase in phrases}


def test_every_lexicon_is_exposed_under_its_own_name():
    loaded = lexicon.lexicons()
    for name, words in loaded.items():
        assert getattr(lexicon, name) is words, name
    exposed = {name for name, value in vars(lexicon).items()
               if name.isupper() and isinstance(value, frozenset)}
    # the verbs of saying are shared; the doers of harmless harm come from harmless_causes.tsv
    assert exposed == set(loaded) | {"SPEECH_VERBS", "HARMLESS_DOERS"}
    assert lexicon.SPEECH_VERBS is lexicons.SPEECH_VERBS


def test_a_lexicon_may_take_in_an_earlier_one():
    assert lexicon.OWNED_NOUNS > lexicon.ABSTRACT_TARGETS | lexicon.COMMUNICATION_NOUNS
    assert "initiative" in lexicon.OWNED_NOUNS and "+ABSTRACT_TARGETS" not in lexicon.OWNED_NOUNS


@pytest.mark.parametrize(("loader", "name", "text", "complaint"), [
    ("verb_senses", "verbs.tsv", "ASSAULT\t-\tkill\nCOERCE\tarrest\tkill\n", "already defined"),
    ("verb_senses", "verbs.tsv", "FIGHT\t-\tbrawl\n", "not a PLOVER event type"),
    ("noun_senses", "nouns.tsv", "AID\t-\taid\nAID\tmilitary\taid\n", "already defined"),
    ("noun_modifiers", "noun_modifiers.tsv", "strike\tair air\tASSAULT\t-\n", "already defined"),
    ("role_classes", "roles.tsv", "leader\thead\nchief\thead\n", "already defined"),
    ("number_words", "numbers.tsv", "one\t1\none\t2\n", "already defined"),
])
def test_a_second_or_broken_definition_is_refused(monkeypatch, loader, name, text, complaint):
    monkeypatch.setattr(lexicons, "_read_text", lambda wanted: f"# header\n{text}")
    load = getattr(lexicon, loader).__wrapped__  # past the cache: read the text given here
    with pytest.raises(lexicons.LexiconError, match=complaint) as error:
        load()
    assert f"events/{name}:" in str(error.value)  # says where
