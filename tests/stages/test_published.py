"""The published stage: what the text settles about its own date, and nothing more."""

from __future__ import annotations

import pytest

from newsgraph.stages.dateline import DatelineStage
from newsgraph.stages.published import PublishedStage, current_year, infer_published
from tests.docs import parsed


def published_of(text: str, given: str | None = None) -> list[dict]:
    """What the stage inferred ([] when it kept the input's date or found nothing)."""
    doc = PublishedStage()(DatelineStage()(parsed(text, given)))
    return [doc._.published] if doc._.published["how"] == "inferred" else []


def test_the_stage_writes_the_record_date_and_the_anchor_once():
    kept = PublishedStage()(DatelineStage()(parsed("Talks began on Monday.", "2014-05-28")))
    assert kept._.published == {"value": "2014-05-28", "how": "given", "evidence": []}
    assert kept._.anchor_date == "2014-05-28"
    inferred = PublishedStage()(DatelineStage()(parsed(
        "MOSCOW, May 28, 2014 (Reuters) - Talks began.")))
    assert inferred._.published["how"] == "inferred" and inferred._.anchor_date == "2014-05-28"
    partial = PublishedStage()(DatelineStage()(parsed("MOSCOW, May 28 (Reuters) - Talks began.")))
    assert partial._.published["value"] == "XXXX-05-28" and partial._.anchor_date is None
    unknown = PublishedStage()(DatelineStage()(parsed("Talks began.")))
    assert unknown._.published == {"value": None, "how": "unknown", "evidence": []}


def test_a_given_date_is_kept():
    assert published_of("MOSCOW, May 20 (Reuters) - Talks began.", given="2014-05-28") == []


def test_dateline_with_a_year_gives_the_full_date():
    text = "MOSCOW, May 28, 2014 (Reuters) - Up to 1,000 coal miners rallied on Wednesday."
    assert published_of(text) == [{"value": "2014-05-28", "how": "inferred",
                                   "evidence": ["MOSCOW, May 28, 2014 (Reuters) -"]}]


def test_year_less_dateline_is_a_partial_value():
    text = "MOSCOW, May 28 (Reuters) - Up to 1,000 coal miners rallied on Wednesday."
    [published] = published_of(text)
    assert published["value"] == "XXXX-05-28"
    assert published["how"] == "inferred"


def test_year_less_dateline_plus_a_current_year_cue_is_full():
    text = ("DONETSK, May 28 (Reuters) - Miners rallied on Wednesday.\n\n"
            "More than 200 people have been killed in the region in 2014 alone.")
    [published] = published_of(text)
    assert published["value"] == "2014-05-28"
    assert "in 2014 alone" in published["evidence"]


def test_published_line():
    text = "Miners rally in Donetsk\n\nPublished: 28 May 2014 16:24\n\nUp to 1,000 miners rallied."
    [published] = published_of(text)
    assert published["value"] == "2014-05-28"
    assert published["evidence"] == ["Published: 28 May 2014 16:24"]


def test_in_a_year_alone_settles_only_the_year():
    text = "North Korea has test-fired more than 30 missiles in 2022 alone."
    assert published_of(text) == [{"value": "2022", "how": "inferred",
                                   "evidence": ["in 2022 alone"]}]


def test_an_anniversary_of_a_dated_event_names_the_current_year():
    text = "Seoul on Monday marked the 77th anniversary of the 1945 liberation from Japanese rule."
    assert current_year(text) == (2022, ["77th anniversary of the 1945"])


def test_disagreeing_year_cues_settle_nothing():
    text = ("North Korea has test-fired 30 missiles in 2022 alone. Exports fell 10% in 2021 "
            "alone.")
    assert current_year(text) is None
    assert published_of(text) == []


def test_a_weekday_falling_on_a_stated_date_fixes_the_day():
    text = ("In his comments sent on Monday, Pushilin expressed hope for cooperation, the "
            "agency reported on Wednesday. The message was timed for the August 15 "
            "anniversary. North Korea has test-fired more than 30 missiles in 2022 alone.")
    [published] = published_of(text)
    assert published["value"] == "2022-08-17"  # 15 August 2022 was a Monday
    assert published["evidence"][0] == "in 2022 alone"


def test_a_weekday_that_does_not_fall_on_the_stated_date_leaves_only_the_year():
    text = ("The agency reported on Tuesday that the message was timed for the August 15 "
            "anniversary. North Korea has test-fired more than 30 missiles in 2022 alone.")
    assert infer_published(text)["value"] == "2022"


def test_no_cue_stays_unknown():
    text = ("Up to 1,000 coal miners rallied on Wednesday, after a referendum on May 11 and a "
            "presidential election on Sunday.")
    assert published_of(text) == []


@pytest.fixture(scope="module")
def sample_records(shared):
    """The two real samples through entities, published and times, as `extract` runs them."""
    from newsgraph.pipeline import Pipeline
    from newsgraph.sources import read_sources

    pipeline = Pipeline(["dateline", "entities", "published", "times"])
    records = {}
    for result in pipeline.run(read_sources([str(shared / "samples")])):
        records[result.document.source.rsplit("/", 1)[-1][:3]] = result.record
    return records


def test_sample_004_infers_its_date_and_every_time_resolves(sample_records):
    record = sample_records["004"]
    assert record["published"]["value"] == "2022-08-17"
    assert record["published"]["how"] == "inferred"
    assert any("2022 alone" in evidence for evidence in record["published"]["evidence"])
    times = {time["text"]: time["value"] for time in record["times"]}
    assert times["Monday"] == "2022-08-15"
    assert times["Wednesday"] == "2022-08-17"
    assert times["August 15"] == "2022-08-15"
    assert times["July"] == "2022-07"
    assert times["July 29"] == "2022-07-29"
    assert times["last month"] == "2022-07"
    assert times["77 years ago"] == "1945"


def test_sample_000_stays_unknown_and_its_times_partial(sample_records):
    record = sample_records["000"]
    assert record["published"] == {"value": None, "how": "unknown", "evidence": []}
    times = {time["text"]: time["value"] for time in record["times"]}
    assert times["Wednesday"] == "XXXX-WXX-3"
    assert times["May 11"] == "XXXX-05-11"
    assert times["February"] == "XXXX-02"
    assert times["Sunday"] == "XXXX-WXX-7"


def test_a_dateline_date_in_the_agency_brackets_or_after_a_weekday():
    assert published_of("Edmonton, Ky. (November 28, 2016) – KSP Post 15 received a call.") \
        [0]["value"] == "2016-11-28"
    assert published_of("MOSCOW, Wednesday, May 28 (Reuters) - Miners rallied.")[0]["value"] \
        == "XXXX-05-28"
    assert published_of("SOUTH WAZIRISTAN, April 5 (APP): The army chief visited.") \
        [0]["evidence"] == ["SOUTH WAZIRISTAN, April 5 (APP)"]


def test_the_cue_gates_skip_only_cues_that_cannot_match(shared):
    """Each cue runs only when its gate's stretch is in the text: on every dev article, and on
    phrases each cue is written for, the year found is the one of running every cue."""
    import json

    texts = ["Some 112 people have been killed in 2022 alone, the UN said.",
             "It is the 77th anniversary of the 1945 liberation of the camp.",
             "Seventy-seven years after the 1945 surrender, the city remembers.",
             "The plant, built in 1945, 77 years ago, closed.",
             "Sales so far this year, 2021, rose; 2021 so far has been good."]
    for path in sorted(shared.glob("dev/*/articles.jsonl")):
        with open(path, encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle]
    found = 0
    for text in texts:
        year = current_year(text)
        assert year == current_year(text, gated=False), text[:80]
        found += year is not None
    assert current_year(texts[0]) == (2022, ["in 2022 alone"])
    assert current_year(texts[2]) == (2022, ["Seventy-seven years after the 1945"])
    assert found >= 4
