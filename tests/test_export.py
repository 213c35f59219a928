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


def test_acled_inter_codes_come_from_the_parties_agent_types():
    strike = acled_row({**STRIKE, "actor_type": "GOV", "target_type": "REB"})
    assert (strike["inter1"], strike["inter2"]) == (1, 2)  # state forces, rebel groups
    rally = acled_row({**RALLY, "actor_type": "OPP"})
    assert (rally["inter1"], rally["inter2"]) == (6, "")  # protesters, no target
    riot = acled_row({**RALLY, "mode": "riot", "actor_type": "OPP"})
    assert riot["inter1"] == 5  # protesters in a riot are rioters
    assert acled_row({**RALLY, "actor_type": "BUS"})["inter1"] == ""  # no ACLED category
    record = plover_record({**STRIKE, "actor_type": "GOV", "why": "actor GOV (...)"})
    assert record["actor"]["type"] == "GOV" and record["why"] == "actor GOV (...)"


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


# -- every kind and format, from a real store --------------------------------------------------

def _export(sample_db, tmp_path, kind: str, output_format: str, suffix: str):
    from click.testing import CliRunner

    from newsgraph.cli import main

    output = tmp_path / f"{kind}.{suffix}"
    result = CliRunner().invoke(main, ["export", kind, "--format", output_format, "-o",
                                       str(output), "--db", str(sample_db), "-q"])
    assert result.exit_code == 0, result.output
    return output


@pytest.mark.parametrize("kind", ["articles", "entities", "mentions", "quotes", "events"])
def test_each_kind_opens_in_pyarrow_and_matches_csv_and_jsonl(sample_db, tmp_path, kind):
    import pyarrow.parquet as pq

    from newsgraph.export import TABLES
    from newsgraph.store import Store

    table = pq.read_table(_export(sample_db, tmp_path, kind, "parquet", "parquet"))
    columns = [column.name for column in TABLES[kind].columns]
    assert table.column_names == columns
    rows = list(csv.DictReader(_export(sample_db, tmp_path, kind, "csv", "csv")
                               .open(encoding="utf-8")))
    lines = [json.loads(line) for line in _export(sample_db, tmp_path, kind, "jsonl", "jsonl")
             .read_text(encoding="utf-8").splitlines()]
    with Store(sample_db, readonly=True) as store:
        stored = store.stats()["documents" if kind == "articles" else kind]
    assert table.num_rows == len(rows) == len(lines) == stored > 0
    first = table.slice(0, 1).to_pylist()[0]
    assert first == lines[0]
    assert {key: str(value) if value is not None else "" for key, value in first.items()} \
        == rows[0]


def test_article_rows_count_their_facts(sample_db, tmp_path):
    import pyarrow.parquet as pq

    from newsgraph.store import Store

    rows = pq.read_table(_export(sample_db, tmp_path, "articles", "parquet", "parquet")).to_pylist()
    with Store(sample_db, readonly=True) as store:
        for row in rows:
            record = store.get(row["id"])
            assert row["text"] == record["text"]
            assert (row["quotes"], row["events"], row["entities"]) == (
                len(record["quotes"]), len(record["events"]), len(record["entities"]))


def test_mentions_slice_their_article_text(sample_db, tmp_path):
    import pyarrow.parquet as pq

    articles = {row["id"]: row["text"] for row in pq.read_table(
        _export(sample_db, tmp_path, "articles", "parquet", "parquet")).to_pylist()}
    mentions = pq.read_table(_export(sample_db, tmp_path, "mentions", "parquet", "parquet"))
    for mention in mentions.to_pylist():
        assert articles[mention["doc_id"]][mention["start"]:mention["end"]] == mention["text"]
    assert "Kiev" in mentions.column("text").to_pylist()


def test_events_geojson_is_valid_points_with_properties(sample_db, tmp_path):
    collection = json.loads(_export(sample_db, tmp_path, "events", "geojson", "geojson")
                            .read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["type"] and feature["properties"]["place_name"]
    donetsk = [f for f in collection["features"] if f["properties"]["place_name"] == "Donetsk"]
    assert donetsk and donetsk[0]["geometry"]["coordinates"] == pytest.approx([37.80, 48.02],
                                                                              abs=0.05)


def test_gexf_networks_parse_in_networkx(sample_db, tmp_path):
    import networkx as nx

    entities = nx.read_gexf(_export(sample_db, tmp_path, "entities", "gexf", "gexf"))
    assert not entities.is_directed() and entities.number_of_edges() > 20
    kiev = next(node for node, data in entities.nodes(data=True) if data["label"] == "Ukraine")
    assert entities.nodes[kiev]["articles"] == 2
    heaviest = max(data["weight"] for _, _, data in entities.edges(data=True))
    assert heaviest == 2  # named together in both samples
    actors = nx.read_gexf(_export(sample_db, tmp_path, "events", "gexf", "gexf"))
    assert actors.is_directed() and actors.number_of_edges() >= 5
    from newsgraph.store import Store

    with Store(sample_db, readonly=True) as store:
        severed = next(store.rows("SELECT * FROM events WHERE trigger_text = 'severed'"))
        canonical = dict(store.rows("SELECT id, name FROM entities"))
    edge = actors.edges[severed["actor_entity"], severed["target_entity"]]
    assert edge["types"].startswith(severed["type"])
    assert actors.nodes[severed["actor_entity"]]["label"] == canonical[severed["actor_entity"]]


def test_acled_csv_export_has_acleds_columns(sample_db, tmp_path):
    rows = list(csv.DictReader(_export(sample_db, tmp_path, "events", "acled-csv", "csv")
                               .open(encoding="utf-8")))
    assert rows and tuple(rows[0]) == ACLED_COLUMNS
    assert {"Protests", "Strategic developments"} <= {row["event_type"] for row in rows}


def test_formats_a_kind_does_not_have_are_refused(sample_db, tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    for args in (["quotes", "--format", "geojson"], ["mentions", "--format", "gexf"],
                 ["events", "--format", "parquet"]):  # parquet to stdout
        result = CliRunner().invoke(main, ["export", *args, "--db", str(sample_db)])
        assert result.exit_code == 2, args
