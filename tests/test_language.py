"""Language detection, and articles in other languages stored without English-model facts."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsgraph.batch import Extraction, process_batch
from newsgraph.language import detect, is_english
from newsgraph.sources import read_sources
from newsgraph.store import Store


def test_detect_names_the_language_of_real_sentences():
    assert detect("Miners demonstrating on Wednesday in a show of support for the "
                  "self-proclaimed Donetsk People's Republic.") == "en"
    assert detect("Der Bundestag hat am Donnerstag mit großer Mehrheit ein neues Gesetz "
                  "zum Schutz der Verbraucher beschlossen.") == "de"
    assert detect("Gremios de los camioneros no descartan nueva movilización: realizarán "
                  "consulta nacional") == "es"


def test_sure_english_needs_no_model_and_agrees_with_it(shared: Path):
    """The function-word shortcut answers as the model does, on every dev article and the
    pages in other languages, and it is what answers most English articles."""
    from newsgraph.language import (
        _MIN_CONFIDENCE,
        _SAMPLE_CHARS,
        _SURE_ENGLISH_SHARE,
        _english_function_word_share,
        identifier,
    )
    from newsgraph.pipeline import Pipeline

    inputs = [str(path) for path in sorted(shared.glob("dev/*/articles.jsonl"))]
    documents = [document for document in Pipeline().documents(read_sources(
        [*inputs, str(shared / "dev" / "html-other")])) if hasattr(document, "text")]
    shortcut = 0
    for document in documents:
        sample = document.text[:_SAMPLE_CHARS]
        language, confidence = identifier().classify(sample)
        assert detect(document.text) == (language if confidence >= _MIN_CONFIDENCE else None)
        shortcut += _english_function_word_share(sample) >= _SURE_ENGLISH_SHARE
    assert len(documents) == 566
    assert shortcut > 350  # 390 of the 557 dev articles (most of the rest have under 40 words)
    assert detect("Der Bundestag hat am Donnerstag mit großer Mehrheit ein neues Gesetz zum "
                  "Schutz der Verbraucher beschlossen, das in der ganzen Republik ab dem "
                  "ersten Januar gelten soll und von dem die Regierung sagt, es sei das "
                  "wichtigste seit Jahren. Die Opposition stimmte dagegen, weil es ihr nicht "
                  "weit genug geht.") == "de"


def test_a_short_english_sentence_the_model_reads_as_a_creole_is_read_as_english():
    """Short English sentences of West African names read to the model as Nigerian Pidgin,
    English close behind (a reviewer's and a battery's sentences): no language is named and
    the English stages read them; Pidgin itself stays Pidgin."""
    for text in ("Thousands of Nigerians protested in Lagos.",
                 "Jihadists killed 20 villagers in Niger's Tillaberi region.",
                 "France shared expertise with Nigerian forces fighting Boko Haram."):
        assert is_english(detect(text)), text
    assert detect("Wetin dey happen for Lagos today? Dem no fit come again.") == "pcm"
    assert detect("Le président a rencontré les manifestants à Paris hier soir.") == "fr"


def test_too_little_text_names_no_language_and_is_read_as_english():
    assert detect("Home — 12") is None
    assert is_english(None) and is_english("en") and not is_english("pl")


def test_pages_in_other_languages_are_stored_without_english_facts(shared: Path, nlp,
                                                                   tmp_path: Path):
    folder = shared / "dev" / "html-other"
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    outcomes = process_batch(list(read_sources([str(folder)])), nlp)
    assert len(outcomes) == len(gold) == 9
    db = tmp_path / "other.db"
    with Store(db) as store:
        for outcome in outcomes:
            assert isinstance(outcome, Extraction), outcome
            record = outcome.record
            page = Path(record["source"]).name
            assert record["language"] == gold[page]["language"], page
            assert record["skipped"] == {"stages": f"not English: {record['language']}"}
            assert (record["entities"], record["quotes"], record["times"],
                    record["events"]) == ([], [], [], []), page
            assert record["title"], page
            kept = [snippet for snippet in gold[page]["with"]
                    if " ".join(snippet.split()) in " ".join(record["text"].split())]
            assert kept, f"{page}: no body snippet in the text"
            store.put(outcome.document, record)
        assert store.languages() == {"de": 2, "es": 2, "fr": 1, "it": 1, "ja": 1, "pl": 1,
                                     "pt": 1}
        hits = store.search("Waymo")
        assert [hit["id"] for hit in hits] and store.get(hits[0]["id"])["language"] == "de"

    from newsgraph.cli import main

    shown = CliRunner().invoke(main, ["stats", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "articles per language: de 2, es 2, fr 1, it 1, ja 1, pl 1, pt 1" in shown.stdout
