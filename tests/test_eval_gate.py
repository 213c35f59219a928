"""The eval gate: every dev figure holds its floor in tests/eval_floors.json.

The whole evaluation runs once per test session (every dev set and the dev/html pages extracted
once, ~3 minutes); the tests below read that one run. The floors hold only on the dev data they
were measured on: a changed set fails with how to re-pin, never silently passes.
"""

from __future__ import annotations

import copy
import json
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.evaluation import (
    FLOORS_PATH,
    TOLERANCE,
    Evaluation,
    data_changes,
    gate_failures,
    read_floors,
    run_evaluation,
    split_halves,
    updated_floors,
)
from newsgraph.evaluation.floors import dev_digest
from newsgraph.evaluation.scoring import SCORINGS, scorer_figure

SETS = ("events", "html", "places", "places-trnews", "quotes", "times")


@pytest.fixture(scope="session")
def evaluation(shared: Path, tmp_path_factory) -> Evaluation:
    """`newsgraph eval` once: the samples, every dev set and the dev/html pages."""
    return run_evaluation(shared, tmp_path_factory.mktemp("eval"))


@pytest.fixture(scope="session")
def floors() -> dict:
    return read_floors(FLOORS_PATH)


def test_the_floors_were_measured_on_this_dev_data(shared: Path, floors: dict):
    digests = {name: dev_digest(shared, name) for name in floors["dev_data_sha256"]}
    changes = data_changes(digests, floors)
    if changes:
        pytest.fail("\n".join(changes), pytrace=False)
    assert sorted(floors["dev_data_sha256"]) == sorted(SETS)


@pytest.mark.slow
def test_every_dev_figure_holds_its_floor(evaluation: Evaluation, floors: dict):
    changes = data_changes(evaluation.digests, floors)
    if changes:
        pytest.fail("\n".join(changes), pytrace=False)
    failures = gate_failures(evaluation.values(), floors)
    if failures:
        pytest.fail("figures below their floors in tests/eval_floors.json:\n  "
                    + "\n  ".join(failures), pytrace=False)


@pytest.mark.slow
def test_every_gated_figure_has_a_floor_and_the_issue_target(evaluation: Evaluation,
                                                              floors: dict):
    gated = evaluation.gated()
    assert sorted(gated) == sorted(SETS)
    assert len([key for figures in gated.values() for key in figures]) == 18
    for name, figures in gated.items():
        for key, (label, target) in figures.items():
            entry = floors["figures"][name][key]
            assert (entry["label"], entry["target"]) == (label, target)
            assert all(isinstance(entry[part], float) for part in ("all", "A", "B")), (name, key)
    assert floors["figures"]["events"]["type_macro_f1"]["target"] == ">= 0.85 per half"
    assert floors["tolerance"] == TOLERANCE == 0.005


@pytest.mark.slow
def test_whole_set_figures_are_the_scorers_own(evaluation: Evaluation, shared: Path):
    """The per-document counts add up to exactly what the scorer prints on the whole set."""
    compared = 0
    for name in SETS:
        result = evaluation.sets[name]
        scoring = SCORINGS[name](shared, shared / "dev" / name)
        done = subprocess.run(scoring.scorer_command(result.records_path), capture_output=True,
                              text=True, check=True)
        scores = json.loads(done.stdout)
        for shown in result.figures_shown:
            ours = result.estimates[shown.key]["all"].value
            assert ours == scorer_figure(scores, shown), (name, shown.key)
            compared += 1
    assert compared == 22
    assert evaluation.mismatches() == []


@pytest.mark.slow
def test_every_set_is_split_by_one_hash_into_fixed_halves(evaluation: Evaluation, shared: Path):
    documents = {name: evaluation.sets[name].documents() for name in SETS}
    assert documents == {
        "events": {"all": 160, "A": 72, "B": 88},
        "html": {"all": 169, "A": 82, "B": 87},
        "places": {"all": 100, "A": 51, "B": 49},
        "places-trnews": {"all": 117, "A": 55, "B": 62},
        "quotes": {"all": 90, "A": 44, "B": 46},
        "times": {"all": 90, "A": 44, "B": 46},
    }
    for name in SETS:
        folder = shared / "dev" / name
        if name == "html":
            ids = list(json.loads((folder / "gold.json").read_text("utf-8")))
        else:
            ids = [str(json.loads(line)["id"])
                   for line in (folder / "gold.jsonl").read_text("utf-8").splitlines() if line]
        assert evaluation.sets[name].halves == split_halves(ids)
        for figure in evaluation.sets[name].estimates.values():
            assert {part: estimate.documents for part, estimate in figure.items()} == \
                documents[name]


@pytest.mark.slow
def test_intervals_per_half_and_per_type_and_kind_figures(evaluation: Evaluation,
                                                          shared: Path):
    events = evaluation.sets["events"]
    for figure in events.estimates.values():
        for estimate in figure.values():
            assert 0.0 <= estimate.low <= estimate.high <= 1.0
    # per PLOVER type: the support is the gold's documents with that type, per half
    gold = [json.loads(line) for line in
            (shared / "dev" / "events" / "gold.jsonl").read_text("utf-8").splitlines() if line]
    halves = {row["id"]: half for half, ids in events.halves.items() for row in gold
              if row["id"] in ids}
    support = Counter((halves[row["id"]], kind) for row in gold
                      for kind in {event["type"] for event in row.get("events", [])})
    for half in ("A", "B"):
        per_type = events.detail[half]["per_type"]
        assert {kind: row["support"] for kind, row in per_type.items() if row["support"]} == \
            {kind: n for (where, kind), n in support.items() if where == half}
    assert events.detail["all"]["per_type"]["PROTEST"]["support"] == 14
    # per quote kind: the gold quotes of that kind
    quotes = evaluation.sets["quotes"].detail
    assert {kind: quotes["all"]["by_kind"][kind]["gold"] for kind in ("direct", "indirect",
                                                                      "mixed")} == \
        {"direct": 24, "indirect": 114, "mixed": 15}
    assert sum(quotes[half]["by_kind"]["indirect"]["gold"] for half in ("A", "B")) == 114
    data = evaluation.as_json()
    assert data["sets"]["events"]["detail"]["A"]["per_type"]["AGREE"]["f1"] == \
        events.detail["A"]["per_type"]["AGREE"]["f1"]
    assert set(data["sets"]["quotes"]["figures"]["content_overlap_f1"]) >= {"all", "A", "B"}


@pytest.mark.slow
def test_eval_command_prints_halves_intervals_and_the_floors(evaluation: Evaluation,
                                                            monkeypatch, tmp_path: Path):
    monkeypatch.setattr("newsgraph.evaluation.run_evaluation", lambda *args, **kw: evaluation)
    runner = CliRunner()
    result = runner.invoke(main, ["eval", "--detail"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("half A" in line and "half B" in line for line in lines)
    assert any("events" in line and "documents" in line and " 72 " in line and " 88 " in line
               for line in lines)
    assert any("samples" in line and "boilerplate leaks" in line for line in lines)
    assert any("quotes" in line and "body recall" in line for line in lines)
    assert any("PROTEST (gold 14)" in line for line in lines)
    assert "pinned figures hold" in result.output

    printed = runner.invoke(main, ["eval", "--json"])
    data = json.loads(printed.stdout)
    assert data["floors"]["failures"] == [] and data["floors"]["data_changes"] == []
    macro = data["sets"]["events"]["figures"]["type_macro_f1"]
    assert macro["A"]["documents"] == 72 and macro["A"]["low"] <= macro["A"]["high"]
    assert "mixed" in data["sets"]["quotes"]["detail"]["B"]["by_kind"]


@pytest.mark.slow
def test_update_floors_raises_and_never_lowers(evaluation: Evaluation, floors: dict,
                                              monkeypatch, tmp_path: Path):
    values = evaluation.values()
    edited = copy.deepcopy(floors)
    edited["figures"]["times"]["value_f1"]["A"] = 0.5  # far below: raised to the figure
    edited["figures"]["quotes"]["content_exact_f1"]["B"] = 0.99  # above: kept
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    monkeypatch.setattr("newsgraph.evaluation.run_evaluation", lambda *args, **kw: evaluation)
    result = CliRunner().invoke(main, ["eval", "--floors", str(path), "--update-floors"])
    assert result.exit_code == 0, result.output
    written = json.loads(path.read_text("utf-8"))
    assert written["figures"]["times"]["value_f1"]["A"] == round(values["times"]["value_f1"]["A"],
                                                                4)
    assert written["figures"]["quotes"]["content_exact_f1"]["B"] == 0.99
    assert gate_failures(values, written) == [
        f"quotes content exact F1 (content_exact_f1), half B: "
        f"{values['quotes']['content_exact_f1']['B']:.4f} is "
        f"{0.99 - values['quotes']['content_exact_f1']['B']:.4f} below its floor 0.9900 "
        f"(tolerance 0.005)"]
    same, notes = updated_floors(floors, values, evaluation.gated(), evaluation.digests)
    assert notes == [] and same["figures"] == floors["figures"]  # the pinned file is current
