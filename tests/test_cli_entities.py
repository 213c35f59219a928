"""`newsgraph entities` and `newsgraph entity NAME|ID | merge | split` on a small store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import Store
from tests.test_resolution import kiev_article, kyiv_article


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "n.db"
    with Store(path) as store:
        for document, record in (kiev_article(), kyiv_article()):
            store.put(document, record)
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_entities_lists_as_json_by_type(db: str):
    rows = [json.loads(line) for line in run("entities", "--db", db, "--type", "GPE",
                                             "--json").splitlines()]
    assert [(r["name"], r["mentions"]) for r in rows] == [("Kiev", 2), ("Kyiv", 1),
                                                           ("Ukraine", 1)]


def test_entity_name_falls_back_to_show(db: str):
    shown = json.loads(run("entity", "Ukraine", "--db", db, "--json"))
    assert shown["id"] == "geonames:690791" and shown["mentions"][0]["doc_id"] == "a1"
    assert "Names by outlet and year" in run("entity", "show", "Kyiv", "--db", db)
    assert json.loads(run("entity", "--db", db, "--json", "Kyiv"))["id"] == "geonames:703448"


def test_entity_merge_then_split_from_the_command_line(db: str):
    run("entity", "merge", "Kyiv", "Kiev", "--db", db)
    names = {n["name"] for n in json.loads(run("entity", "Kyiv", "--db", db, "--json"))["names"]}
    assert names == {"Kiev", "Kyiv"}
    run("entity", "split", "Kyiv", "Kiev", "--db", db)
    assert json.loads(run("entity", "Kiev", "--db", db, "--json"))["id"] == "gpe:kiev"


def test_unknown_entity_is_an_error(db: str):
    result = CliRunner().invoke(main, ["entity", "Atlantis", "--db", db])
    assert result.exit_code == 1 and "no entity 'Atlantis'" in result.output


@pytest.mark.parametrize("command", ["entities", "entity", "entity show", "entity merge",
                                     "entity split"])
def test_entity_commands_have_help(command: str):
    assert "Usage:" in run(*command.split(), "--help")


def test_entity_shows_roles_and_metonymy_from_the_samples(tmp_path: Path, shared: Path):
    db = str(tmp_path / "s.db")
    run("ingest", str(shared / "samples"), "--db", db, "--quiet")
    price = json.loads(run("entity", "Ned Price", "--db", db, "--json"))
    assert price["roles"] == [{"role": "US State Department spokesperson", "count": 1}]
    kiev = json.loads(run("entity", "Kiev", "--db", db, "--json"))
    assert any(m.get("government") == "geonames:690791" for m in kiev["mentions"])
    shown = run("entity", "Kiev", "--db", db)
    assert "[as the government: geonames:690791]" in shown and "Names by outlet and year" in shown


def test_entity_lists_metonymic_mentions_of_both_kinds(sample_db):
    from click.testing import CliRunner

    from newsgraph.cli import main

    korea = CliRunner().invoke(main, ["entity", "North Korea", "--db", str(sample_db),
                                      "--limit", "100"])
    assert korea.exit_code == 0, korea.output
    assert "[the state, named by its capital geonames:1871859]" in korea.stdout  # Pyongyang
