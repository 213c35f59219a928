"""The store's tests: a real sample article with a hand-made record of real spans, and the
helpers that look at the file behind a Store."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsgraph.document import Document, OffsetMap, Published, RemovedPassage
from newsgraph.store import Store
from tests.conftest import SAMPLES
from tests.test_resolution import kiev_article, kyiv_article

SAMPLE = SAMPLES / "004_3a7ba006f3c1807a.txt"

BANNER = "Skip to main content\n"


@pytest.fixture(scope="module")
def sample_text() -> str:
    if not SAMPLE.is_file():
        pytest.fail(f"{SAMPLE} is not there")
    return SAMPLE.read_text(encoding="utf-8")


def span(text: str, phrase: str, occurrence: int = 0, after: int = 0) -> dict[str, Any]:
    start = text.find(phrase, after)
    for _ in range(occurrence):
        start = text.find(phrase, start + 1)
    assert start >= 0, phrase
    return {"start": start, "end": start + len(phrase), "text": phrase}


def all_spans(text: str, phrase: str) -> list[dict[str, Any]]:
    spans, start = [], text.find(phrase)
    while start >= 0:
        spans.append({"start": start, "end": start + len(phrase), "text": phrase})
        start = text.find(phrase, start + len(phrase))
    return spans


def sample_article(text: str, doc_id: str = "al-jazeera-004") -> tuple[Document, dict[str, Any]]:
    """A Document of the real sample (its source had a banner the cleaner removed) and a
    hand-made record with real spans."""
    source_text = BANNER + text
    document = Document(
        id=doc_id, source=str(SAMPLE), raw=source_text, source_text=source_text, text=text,
        offsets=OffsetMap([(0, len(BANNER))], len(source_text)),
        title="Donetsk leader calls for ‘beneficial’ ties with North Korea",
        outlet="Al Jazeera", published=Published(None, "unknown"),
        removed=[RemovedPassage(0, len(BANNER), BANNER, "navigation")],
        title_span=(0, text.index("\n")),
    )
    quote_start = text.index("“The people of the Donbas")
    quote = span(text, text[quote_start:text.index("ago,”", quote_start) + len("ago,”")])
    cited = text.index("the report cited Pushilin")
    severed = span(text, "severed")
    sentence_start = text.index("Kyiv immediately")
    record: dict[str, Any] = {
        "id": doc_id, "source": str(SAMPLE), "title": document.title, "outlet": "Al Jazeera",
        "published": {"value": None, "how": "unknown", "evidence": []},
        "text": text,
        "entities": [
            {"id": "Q-pushilin", "name": "Denis Pushilin", "type": "PERSON",
             "mentions": all_spans(text, "Pushilin"),
             "geonames": None, "lat": None, "lon": None, "country": None, "confidence": 0.9},
            {"id": "G709717", "name": "Donetsk", "type": "GPE",
             "mentions": all_spans(text, "Donetsk"),
             "geonames": 709717, "lat": 48.0, "lon": 37.8, "country": "UA"},
            {"id": "G1871859", "name": "Pyongyang", "type": "GPE",
             "mentions": all_spans(text, "Pyongyang"),
             "geonames": 1871859, "lat": 39.03, "lon": 125.75, "country": "KP"},
            {"id": "G703448", "name": "Kyiv", "type": "GPE", "mentions": [span(text, "Kyiv")],
             "geonames": 703448, "lat": 50.45, "lon": 30.52, "country": "UA"},
        ],
        "quotes": [{
            **quote, "kind": "direct", "cue": span(text, "saying", after=cited),
            "speaker": {"entity": "Q-pushilin", "name": "Denis Pushilin",
                        "start": span(text, "Pushilin", after=cited)["start"],
                        "end": span(text, "Pushilin", after=cited)["end"]},
        }],
        "times": [
            {**span(text, "Monday"), "value": "XXXX-WXX-1", "type": "DATE"},
            {**span(text, "July 29"), "value": "XXXX-07-29", "type": "DATE"},
            {**span(text, "2017"), "value": "2017", "type": "DATE"},
        ],
        "events": [{
            "type": "REJECT", "mode": "reduce relations", "trigger": severed,
            "sentence": {"start": sentence_start, "end": text.index("\n", sentence_start)},
            "actor": {"entity": "G703448", "name": "Kyiv"},
            "target": {"entity": "G1871859", "name": "Pyongyang"},
            "place": None, "date": None, "fatalities": None, "size": {"min": None, "max": 0},
            "negated": False, "hypothetical": False,
        }],
        "language": "en",
    }
    return document, record


def expected_get(document: Document, record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "url": document.url, "format": document.format,
            "removed": [{"source_start": p.start, "source_end": p.end, "text": p.text,
                         "reason": p.reason}
                        for p in document.removed]}


def row_counts(path: Path) -> dict[str, int]:
    """Rows of every table in the file, FTS shadow tables included."""
    with sqlite3.connect(path) as conn:
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for name in names}


def data_version(conn: sqlite3.Connection) -> int:
    """Changes whenever another connection commits to the file."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


def fts_check(path: Path) -> None:
    """FTS5's own check that the index matches the documents table (raises if not)."""
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A store of two small articles: Kiev (2014, The Moscow Times) and Kyiv (2022, Al
    Jazeera), the city under two names and two ids."""
    with Store(tmp_path / "n.db") as opened:
        for document, record in (kiev_article(), kyiv_article()):
            opened.put(document, record)
        yield opened


@pytest.fixture(scope="module")
def samples(sample_db: Path) -> Store:
    """The samples' store (tests/conftest.py), read-only."""
    with Store(sample_db, readonly=True) as opened:
        yield opened
