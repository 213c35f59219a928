"""The shared model's helpers on a real parse (`newsgraph.doc`)."""

from newsgraph.doc import doc_value, positions_of, set_span_values, span_value
from newsgraph.pipeline import load_nlp

TEXT = ("Denis Pushilin said on Wednesday that the rebels would hold a vote. According to "
        "Reuters, the statement was read out in Donetsk, and the officials says nothing more.")


def test_positions_of_finds_lemmas_and_forms_without_reading_every_token():
    nlp = load_nlp(())
    doc = nlp(TEXT)
    said = [t.i for t in doc if t.lemma_.lower() in {"say", "statement"}]
    according = [t.i for t in doc if t.lower_ == "according"]
    found = positions_of(doc, {"say", "statement"}, lowers=("according",))
    assert found == sorted(said + according)
    assert [doc[i].text for i in found] == ["said", "According", "statement", "says"]
    assert positions_of(doc, set()) == []
    assert positions_of(nlp(""), {"say"}) == []


def test_the_docs_text_is_joined_once_and_equals_spacys():
    nlp = load_nlp(())
    doc = nlp(TEXT)
    assert doc._.text == doc.text == TEXT
    assert doc._.text is doc._.text  # the same string object: built once


def test_an_articles_doc_keeps_the_string_it_was_made_from():
    from newsgraph.batch import article_doc
    from tests.docs import make_document

    nlp = load_nlp(())
    document = make_document(TEXT + "\n\n  Reuters\t")
    doc = article_doc(nlp, document)
    assert doc._.text is document.text  # no join
    assert nlp(doc)._.text == doc.text == document.text


def test_doc_value_reads_what_the_extension_holds():
    nlp = load_nlp(())
    doc = nlp(TEXT)
    assert doc_value(doc, "dateline") is None and doc._.dateline is None
    doc._.dateline = {"start": 0, "end": 5}
    doc._.antecedents = {3: 0}
    assert doc_value(doc, "dateline") == doc._.dateline == {"start": 0, "end": 5}
    assert doc_value(doc, "antecedents") == {3: 0}
    assert doc[3]._.antecedent.text == "Denis"


def test_span_value_reads_what_the_span_extension_holds():
    nlp = load_nlp(("dateline", "entities"))
    doc = nlp(TEXT)
    spans = list(doc.spans["entities"])
    pushilin = next(span for span in spans if span.text == "Denis Pushilin")
    assert span_value(pushilin, "entity_id") == pushilin._.entity_id == "person:denis-pushilin"
    assert span_value(pushilin, "metonymy") is None and pushilin._.metonymy is None
    donetsk = next(span for span in spans if span.text == "Donetsk")
    assert span_value(donetsk, "entity_id") == donetsk._.entity_id
    assert span_value(donetsk, "entity_id") != span_value(pushilin, "entity_id")
    # the same offsets in another Doc read that Doc's values, not these
    other = nlp("Pushilin said nothing.")
    assert span_value(other[0:1], "entity_id") == other[0:1]._.entity_id


def test_set_span_values_writes_what_the_span_extension_reads():
    nlp = load_nlp(("dateline", "entities"))
    doc = nlp("Pushilin said nothing.")
    span = doc[0:1]
    set_span_values(doc, (span.start_char, span.end_char),
                    {"entity_id": "person:denis-pushilin", "metonymy": "government"})
    assert span._.entity_id == span_value(span, "entity_id") == "person:denis-pushilin"
    assert span._.metonymy == "government"
    assert doc[1:2]._.entity_id is None
