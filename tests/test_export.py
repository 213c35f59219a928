import csv
import io
import json

import pytest

from newsgraph.export import ACLED_COLUMNS, acled_row, acled_type, plover_record, write_events

RALLY = {
    "doc_id": "mt-1", "seq": 3, "ord": 0, "type": "PROTEST", "mode": "demonstrate",
    "trigger_start": 12, "trigger_end": 19, "trigger_text": "rallied",
    "sentence": "Up to 1,000 coal miners rallied on Wednesday\n in Donetsk.",
    "actor_name": "coal miners", "actor_entity": None, "target_name": None,
    "target_entity": None, "place_name": "Donetsk", "place_entity": "geonames:709717",
    "place_geonames": 709717, "place_lat": 48.023, "place_lon": 37.802, "place_country": "UA",
    "date": "2014-05-28", "date_value": "2014-05-28", "date_how": "text",
    "fatalities_min": None, "fatalities_max": None, "size_min": None, "size_max": 1000,
    "negated": 0, "hypothetical": 0, "outlet": "The Moscow Times", "title": "Miners rally",
    "url": None, "source": "000.txt",
}
STRIKE = {**RALLY, "ord": 1, "type": "ASSAULT", "mode": None, "trigger_text": "unleashed",
          "sentence": "Kiev unleashed warplanes and paratroopers against the separatists.",
          "actor_name": "Ukraine", "target_name": "separatists", "place_name": "Ukraine",
          "place_lat": 49.0, "place_lon": 32.0, "fatalities_min": 50, "date": "2014-05"}


@pytest.mark.parametrize(("event", "expected"), [
    (RALLY, ("Protests", "Peaceful protest")),
    ({**RALLY, "mode": "riot"}, ("Riots", "Violent demonstration")),
    (STRIKE, ("Explosions/Remote violence", "Air/drone strike")),
    ({**STRIKE, "sentence": "Rebels and soldiers clashed near the airport."},
     ("Battles", "Armed clash")),
    ({**RALLY, "type": "COERCE", "sentence": "Police arrested 20 activists."},
     ("Strategic developments", "Arrests")),
    ({**RALLY, "type": "SANCTION"}, ("Strategic developments", "Other")),
])
def test_plover_types_map_to_acled_types(event, expected):
    assert acled_type(event) == expected


def test_acled_row_fills_acled_columns():
    row = acled_row(RALLY)
    assert list(row) == list(ACLED_COLUMNS)
    assert row["event_id_cnty"] == "UKR000003000"
    assert (row["event_date"], row["year"], row["country"]) == ("2014-05-28", "2014", "Ukraine")
    assert (row["location"], row["latitude"], row["geo_precision"]) == ("Donetsk", 48.023, 1)
    assert row["notes"] == "Up to 1,000 coal miners rallied on Wednesday in Donetsk."
    strike = acled_row(STRIKE)
    assert strike["event_date"] == "" and strike["year"] == "2014"  # a month, not a day
    assert strike["geo_precision"] == 3 and strike["fatalities"] == 50


def test_write_events_as_csv_and_plover_jsonl():
    stream = io.StringIO()
    assert write_events([RALLY, STRIKE], stream, "acled-csv") == 2
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert [row["event_type"] for row in rows] == ["Protests", "Explosions/Remote violence"]
    stream = io.StringIO()
    write_events([RALLY], stream, "plover-jsonl")
    record = json.loads(stream.getvalue())
    assert record == plover_record(RALLY)
    assert record["event_type"] == "PROTEST" and record["size"] == {"min": None, "max": 1000}
    assert record["location"]["geonames"] == 709717
    assert record["source"]["trigger"] == {"start": 12, "end": 19, "text": "rallied"}
    with pytest.raises(ValueError, match="unknown events format"):
        write_events([RALLY], io.StringIO(), "gdelt")
