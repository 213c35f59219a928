"""The fact-type registry: a new kind of fact (tests/fact_example.py, one module) reaches the
record, its span checks, the store, the exports, `show` and the article page with nothing
else changed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.document import RawArticle
from newsgraph.facts import fact_types, register, unregister
from newsgraph.pipeline import Extraction, Pipeline
from newsgraph.record import check_spans
from newsgraph.stages.factories import STAGES
from newsgraph.store import Store

TEXT = ("Kyiv, Ukraine\n\nThe European Union pledged €500 million in aid to Ukraine on Monday, "
        "and Washington added $300 million in loans, officials in Kyiv said.")


@pytest.fixture
def amounts():
    from tests import fact_example

    register(fact_example.AMOUNTS)
    yield fact_example.AMOUNTS
    unregister("amounts")


@pytest.fixture
def extraction(amounts) -> Extraction:
    pipeline = Pipeline([*STAGES, "amounts"], imports=["tests.fact_example"])
    [result] = list(pipeline.run([RawArticle(source="aid.txt", text=TEXT, raw=TEXT,
                                             id="aid-1", published="2022-08-15")]))
    assert isinstance(result, Extraction), result
    return result


def test_the_built_in_types_are_registered_in_record_order():
    assert [fact.field for fact in fact_types()][:3] == ["quotes", "times", "events"]


def test_a_new_type_reaches_the_record_and_its_spans_are_checked(extraction):
    record = extraction.record
    assert [(a["text"], a["currency"]) for a in record["amounts"]] == [
        ("€500 million", "EUR"), ("$300 million", "USD")]
    assert list(record).index("amounts") < list(record).index("url")  # after the built-ins
    broken = json.loads(json.dumps(record))
    broken["amounts"][0]["end"] += 1
    with pytest.raises(ValueError, match=r"amounts\[0\]"):
        check_spans(broken)


def test_a_new_type_gets_its_table_and_comes_back_from_the_store(extraction, tmp_path: Path):
    db = tmp_path / "n.db"
    with Store(db) as store:
        assert store.put(extraction.document, extraction.record) == "stored"
        assert store.get("aid-1")["amounts"] == extraction.record["amounts"]
        assert store.stats()["amounts"] == 2
        rows = list(store.rows("SELECT text, currency FROM amounts ORDER BY ord"))
    assert [tuple(row) for row in rows] == [("€500 million", "EUR"), ("$300 million", "USD")]


def test_a_new_type_is_exported_and_shown(extraction, tmp_path: Path):
    db = tmp_path / "n.db"
    with Store(db) as store:
        store.put(extraction.document, extraction.record)
    runner = CliRunner()
    exported = runner.invoke(main, ["export", "amounts", "--format", "csv", "--db", str(db)])
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert [(row["doc_id"], row["text"], row["currency"]) for row in rows] == [
        ("aid-1", "€500 million", "EUR"), ("aid-1", "$300 million", "USD")]
    shown = runner.invoke(main, ["show", "aid-1", "--db", str(db)])
    assert shown.exit_code == 0 and "Amounts (2)" in shown.stdout
    assert "amount: $300 million (USD)" in shown.stdout


def test_a_new_type_is_marked_on_the_article_page(extraction, tmp_path: Path):
    from newsgraph.web import pages

    db = tmp_path / "n.db"
    with Store(db) as store:
        store.put(extraction.document, extraction.record)
    with Store(db, readonly=True) as store:
        html = str(pages.article(store, "aid-1")["html"])
    assert "k-amount" in html and "amount: €500 million (EUR)" in html
