"""The pieces of `newsgraph eval`: body recall, halves, bootstrap intervals, floors."""

from __future__ import annotations

import hashlib

import pytest

from newsgraph.evaluation import (
    Estimate,
    body_recall,
    bootstrap,
    data_changes,
    figure,
    gate_failures,
    half_of,
    split_halves,
    updated_floors,
    with_interval,
)
from newsgraph.evaluation.bootstrap import percentile, summed


def test_body_recall_counts_sentences_found_in_clean_text():
    articles = [{"id": 1, "text": "Title line\n\nFirst sentence here. Second one!\n\nThird? Yes."},
                {"id": "2", "text": "Lost article."}]
    records = {"1": {"text": "Title line\n\nFirst sentence here. Second one! Third?"}}
    assert body_recall(articles, records) == (4, 6)


def test_body_recall_folds_typographic_quotes_and_spaces():
    articles = [{"id": "a", "text": "He said “no”\u00a0again."}]
    assert body_recall(articles, {"a": {"text": 'He said "no" again.'}}) == (1, 1)


def test_figure_and_interval_text():
    assert figure(0.8123) == "0.812" and figure(0.995, percent=True) == "99.5%"
    assert figure(None) == "-"
    assert with_interval(Estimate(0.9136, 0.862, 0.9447, 160)) == "0.914 [0.862–0.945]"
    assert with_interval(Estimate(0.995, 0.992, 0.999, 90), percent=True) == "99.5% [99.2–99.9]"
    assert with_interval(Estimate(0.5, None, None, 0)) == "0.500"
    assert with_interval(Estimate(None, None, None, 0)) == "-"


# -- halves -----------------------------------------------------------------------------------


def test_half_is_the_parity_of_the_first_sha256_byte_of_the_id():
    for doc_id in ("gsr-001dbdd7fc", "meantime:1173", "page000.html", "trnews-1040001", "7"):
        first = hashlib.sha256(doc_id.encode()).digest()[0]
        assert half_of(doc_id) == ("A" if first % 2 == 0 else "B")
    assert [half_of(f"page00{n}.html") for n in range(3)] == ["B", "B", "A"]
    assert half_of("meantime:1173") == "A" and half_of("gsr-001dbdd7fc") == "B"


def test_split_halves_keeps_the_given_order_and_every_id_once():
    ids = [f"doc-{n}" for n in range(40)]
    halves = split_halves(ids)
    assert sorted(halves["A"] + halves["B"]) == sorted(ids)
    assert halves["A"] == [i for i in ids if half_of(i) == "A"]
    assert 10 < len(halves["A"]) < 30  # a hash, not a rule that could pick the easy articles
    assert split_halves(reversed(ids))["A"] == list(reversed(halves["A"]))


# -- bootstrap --------------------------------------------------------------------------------


def share(counts) -> dict[str, float | None]:
    total = counts.get("total", 0)
    return {"share": counts.get("right", 0) / total if total else None}


def test_percentile_interpolates_like_numpy():
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.05) == pytest.approx(1.2)
    assert percentile([1.0, 2.0], 0.95) == pytest.approx(1.95)


def test_bootstrap_gives_the_summed_figure_and_a_reproducible_interval():
    tallies = [{"right": n % 3, "total": 2} for n in range(60)]
    first = bootstrap(tallies, share, "test:A")["share"]
    assert first.value == sum(n % 3 for n in range(60)) / 120 == summed(tallies)["right"] / 120
    assert first.documents == 60
    assert first.low < first.value < first.high
    assert 0.1 < first.high - first.low < 0.4
    assert bootstrap(tallies, share, "test:A")["share"] == first  # same seed, same interval
    assert bootstrap(tallies, share, "test:B")["share"] != first  # each slice its own draws


def test_bootstrap_of_identical_documents_has_no_width_and_of_none_no_interval():
    same = bootstrap([{"right": 1, "total": 2}] * 30, share, "same")["share"]
    assert (same.value, same.low, same.high) == (0.5, 0.5, 0.5)
    empty = bootstrap([], share, "empty")["share"]
    assert (empty.value, empty.low, empty.high, empty.documents) == (None, None, None, 0)


def test_an_interval_needs_the_figure_on_most_resamples():
    def needs_three(counts) -> dict[str, float | None]:
        return {"share": 1.0 if counts.get("total", 0) == 3 else None}

    # three documents in 40 count: a resample draws exactly three of them one time in five
    rare = [{"total": 1}] * 3 + [{"total": 0}] * 37
    estimate = bootstrap(rare, needs_three, "rare")["share"]
    assert estimate.value == 1.0 and estimate.low is None and estimate.high is None


# -- floors and the gate ----------------------------------------------------------------------


FLOORS = {
    "tolerance": 0.005,
    "dev_data_sha256": {"quotes": "aaa", "times": "bbb"},
    "figures": {
        "quotes": {"content_exact_f1": {"label": "content exact F1", "target": ">= 0.75 per half",
                                        "all": 0.8223, "A": 0.7975, "B": 0.8527}},
        "times": {"value_f1": {"label": "value F1", "target": ">= 0.85 per half",
                               "all": 0.8423, "A": 0.8485, "B": None}},
    },
}
VALUES = {"quotes": {"content_exact_f1": {"all": 0.8223, "A": 0.7975, "B": 0.8527}},
          "times": {"value_f1": {"all": 0.8423, "A": 0.8485, "B": 0.81}}}
LABELS = {"quotes": {"content_exact_f1": ("content exact F1", ">= 0.75 per half")},
          "times": {"value_f1": ("value F1", ">= 0.85 per half")}}


def test_gate_fails_naming_a_figure_more_than_the_tolerance_below_its_floor():
    assert gate_failures(VALUES, FLOORS) == []
    lowered = {**VALUES, "quotes": {"content_exact_f1": {"all": 0.8223, "A": 0.7915,
                                                         "B": 0.8527}}}
    assert gate_failures(lowered, FLOORS) == [
        "quotes content exact F1 (content_exact_f1), half A: 0.7915 is 0.0060 below its floor "
        "0.7975 (tolerance 0.005)"]


def test_gate_lets_a_figure_within_the_tolerance_pass_and_fails_a_missing_one():
    within = {**VALUES, "quotes": {"content_exact_f1": {"all": 0.8174, "A": 0.7926,
                                                        "B": 0.8478}}}
    assert gate_failures(within, FLOORS) == []
    missing = {"quotes": VALUES["quotes"], "times": {"value_f1": {"all": 0.85, "A": None}}}
    assert gate_failures(missing, FLOORS) == [
        "times value F1 (value_f1), half A: no figure measured (floor 0.8485)"]


def test_changed_dev_data_is_named_with_how_to_repin():
    assert data_changes({"quotes": "aaa", "times": "bbb"}, FLOORS) == []
    [message] = data_changes({"quotes": "aaa", "times": "ccc"}, FLOORS)
    assert message.startswith("the dev data of dev/times changed")
    assert "newsgraph eval --update-floors" in message


def test_update_raises_floors_and_never_lowers_one():
    values = {"quotes": {"content_exact_f1": {"all": 0.83, "A": 0.7001, "B": 0.8527}},
              "times": {"value_f1": {"all": 0.84234, "A": 0.8485, "B": 0.81}}}
    floors, notes = updated_floors(FLOORS, values, LABELS, {"quotes": "aaa", "times": "bbb"})
    assert floors["figures"]["quotes"]["content_exact_f1"] == {
        "label": "content exact F1", "target": ">= 0.75 per half",
        "all": 0.83, "A": 0.7975, "B": 0.8527}
    assert floors["figures"]["times"]["value_f1"]["B"] == 0.81  # a new floor is pinned
    assert notes == ["quotes content exact F1 all: 0.8223 -> 0.83",
                     "times value F1 B: None -> 0.81"]
    assert floors["dev_data_sha256"] == {"quotes": "aaa", "times": "bbb"}
    assert any("never lowers" in rule for rule in floors["rules"])


def test_update_repins_the_floors_of_a_set_whose_dev_data_changed():
    values = {"quotes": {"content_exact_f1": {"all": 0.70, "A": 0.69, "B": 0.71}},
              "times": {"value_f1": {"all": 0.80, "A": 0.79, "B": 0.81}}}
    floors, _ = updated_floors(FLOORS, values, LABELS, {"quotes": "aaa", "times": "new"})
    assert floors["figures"]["times"]["value_f1"]["A"] == 0.79  # new data: measured again
    assert floors["figures"]["quotes"]["content_exact_f1"]["A"] == 0.7975  # same data: kept
    assert floors["dev_data_sha256"]["times"] == "new"
