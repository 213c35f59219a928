import pytest

from newsgraph.document import RemovedPassage
from newsgraph.record import build_record, calendar_date, check_spans, error_record
from tests.docs import make_document, parsed, run_stages

TEXT = "Kyiv immediately severed relations with Pyongyang over the move."


def test_calendar_date_accepts_the_forms_inputs_give():
    assert calendar_date("2014-05-28") == "2014-05-28"
    assert calendar_date("2014-05-28T10:30:00Z") == "2014-05-28"
    assert calendar_date("2022-08-17T06:00:00+03:00") == "2022-08-17"
    assert calendar_date("XXXX-05-28") == "XXXX-05-28"
    assert calendar_date("2014") == "2014"
    assert calendar_date("last Tuesday") is None
    assert calendar_date(None) is None


def test_record_has_every_contract_field_and_empty_lists_for_missing_stages():
    document = make_document(TEXT, "a1")
    document.removed.append(RemovedPassage(70, 91, "Source: News Agencies", "agency footer"))
    record = build_record(document, run_stages(TEXT, ["dateline", "entities"]))
    assert list(record)[:10] == ["id", "source", "title", "outlet", "published", "text",
                                 "entities", "quotes", "times", "events"]
    assert record["published"] == {"value": None, "how": "unknown", "evidence": []}
    kyiv = next(entity for entity in record["entities"] if entity["name"] == "Kyiv")
    assert kyiv["type"] == "GPE" and kyiv["geonames"] == 703448
    # the capital that acts stands for its government (written on the span, kept in the record)
    assert kyiv["mentions"] == [{"start": 0, "end": 4, "text": "Kyiv", "metonymy": "government",
                                 "government": "geonames:690791"}]
    assert record["quotes"] == record["times"] == record["events"] == []
    # removed passages point into the source text, under names no scorer reads as spans
    assert record["removed"] == [{"source_start": 70, "source_end": 91,
                                  "text": "Source: News Agencies", "reason": "agency footer"}]
    check_spans(record)


def test_check_spans_rejects_a_span_that_does_not_slice_its_text():
    doc = parsed(TEXT)
    doc._.times = [{"start": 5, "end": 16, "text": "immediately", "value": "PRESENT_REF",
                    "type": "DATE"}]
    record = build_record(make_document(TEXT), doc)
    check_spans(record)
    record["times"][0]["end"] = 17
    with pytest.raises(ValueError, match="times\\[0\\]"):
        check_spans(record)
    record["times"][0]["end"] = 500
    with pytest.raises(ValueError, match="outside the text"):
        check_spans(record)


def test_error_record_ids_are_stable_per_source():
    first = error_record("bad/file.txt", "empty file")
    assert first == error_record("bad/file.txt", "empty file")
    assert first["id"].startswith("error-")
    assert error_record("x.jsonl:2", "broken", 7)["id"] == "7"


def test_the_published_stage_date_is_the_records():
    text = "MOSCOW, May 28, 2014 (Reuters) - Talks began."
    record = build_record(make_document(text), run_stages(text, ["dateline", "published"]))
    assert record["published"] == {"value": "2014-05-28", "how": "inferred",
                                   "evidence": ["MOSCOW, May 28, 2014 (Reuters) -"]}
