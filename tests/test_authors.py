"""Authors: bylines in the text (with spans) and the page's author metadata (without)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.authors import byline_names, find_authors, metadata_names
from newsgraph.batch import build_document
from newsgraph.document import RawArticle
from newsgraph.record import check_spans
from newsgraph.sources import read_file

TEXT = ("Donetsk Miners Rally in Favor of Separatists\n\nBy Jane Doe and Omar al Rashid, Reuters\n"
        "Up to 1,000 coal miners rallied on Wednesday in Donetsk.")


def test_a_byline_gives_each_name_with_its_span():
    authors = byline_names(TEXT)
    assert [author["name"] for author in authors] == ["Jane Doe", "Omar al Rashid"]
    for author in authors:
        assert TEXT[author["start"]:author["end"]] == author["name"]


def test_by_inside_a_sentence_is_no_byline():
    assert byline_names("Prices rose.\nBy Tuesday the river had risen by two metres.") == []
    assert byline_names("Title\n\nThe vote passed.\n" * 3 + "By Jane Doe") == []


def test_metadata_names_without_a_byline_have_no_span():
    authors = find_authors(TEXT, ("Jane Doe", "Loshaun Dixon"))
    assert authors[-1] == {"name": "Loshaun Dixon", "start": None, "end": None}
    assert [author["name"] for author in authors] == ["Jane Doe", "Omar al Rashid",
                                                       "Loshaun Dixon"]


def test_placeholders_and_the_site_are_not_authors():
    # author fields of real pages (dev/html): trafilatura passes on what the page says
    assert metadata_names("Editorial Staff") == ()
    assert metadata_names("Article by") == ()
    assert metadata_names("BBNTEAM") == ()
    assert metadata_names("The Haitian Times; J O Haselhoef", outlet="The Haitian Times") == \
        ("J O Haselhoef",)
    assert metadata_names("David Brand; Ramsey Khalifeh") == ("David Brand", "Ramsey Khalifeh")


def test_a_plain_text_byline_reaches_the_record_with_its_span():
    document = build_document(RawArticle(source="a.txt", text=TEXT, raw=TEXT))
    assert [author["name"] for author in document.authors] == ["Jane Doe", "Omar al Rashid"]
    author = document.authors[0]
    assert document.text[author["start"]:author["end"]] == "Jane Doe"


def test_a_page_author_from_metadata(shared: Path):
    (article,) = read_file(shared / "dev" / "html" / "pages" / "page047.html")
    assert isinstance(article, RawArticle)
    assert article.authors == ("David Brand", "Ramsey Khalifeh")


def test_record_spans_of_authors_are_checked():
    import pytest

    record = {"text": TEXT, "entities": [], "quotes": [], "times": [], "events": [],
              "authors": [{"name": "Jane Doe", "start": 0, "end": 8}]}
    with pytest.raises(ValueError, match="authors"):
        check_spans(record)  # type: ignore[arg-type]
