import pytest

import newsgraph


def test_extract_text_with_a_given_date():
    record = newsgraph.extract(
        "Donetsk’s foreign ministry said its ambassador met Sin Hong Chol in Moscow.",
        published="2022-08-17", id="m1")
    assert record["id"] == "m1"
    assert record["published"] == {"value": "2022-08-17", "how": "given", "evidence": []}
    names = {entity["name"]: entity["type"] for entity in record["entities"]}
    assert names.get("Moscow") == "GPE"


def test_a_one_line_text_longer_than_a_file_name_is_text():
    """A sentence of 300 characters on one line is read as text, not tried as a path (the
    system refuses a file name that long)."""
    text = ("Russian forces shelled the city of Kharkiv on Monday, killing three civilians and "
            "wounding twelve others, the regional governor said, adding that rescue teams were "
            "still searching the rubble of two apartment buildings hit overnight near the "
            "central railway station and the main market of the city.")
    assert len(text) > 255 and "\n" not in text
    record = newsgraph.extract(text, published="2022-08-17")
    assert record["text"] == text
    assert "ASSAULT" in {event["type"] for event in record["events"]}


def test_extract_a_path_gives_the_same_record_as_the_cli(sample_paths):
    record = newsgraph.extract(sample_paths[1])
    assert record["source"] == str(sample_paths[1])
    assert record["title"].startswith("Donetsk leader calls for")


def test_extract_reports_unreadable_input(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(newsgraph.ExtractionError, match="empty"):
        newsgraph.extract(empty)


def test_store_is_exported(tmp_path):
    with newsgraph.Store(tmp_path / "x.db") as store:
        assert store.stats()["documents"] == 0
