from newsgraph.annotate import annotate, components_for, load_pipeline
from newsgraph.document import Document, OffsetMap, Published


def make_document(text: str, doc_id: str = "d1") -> Document:
    return Document(id=doc_id, source="test", raw=text, source_text=text, text=text,
                    offsets=OffsetMap([(0, 0)], len(text)), title=None, outlet=None,
                    published=Published(None, "unknown"))


def test_components_for_adds_what_a_component_needs():
    available = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert components_for({"ner"}, available) == {"ner"}
    assert components_for({"lemmatizer"}, available) == {
        "lemmatizer", "attribute_ruler", "tagger", "tok2vec"}
    assert components_for({"parser", "missing"}, available) == {"parser", "tok2vec"}


def test_unused_components_are_disabled(nlp):
    only_ner = load_pipeline(frozenset({"ner"}))
    assert only_ner.pipe_names == ["ner"]
    assert {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"} <= set(
        only_ner.disabled)
    assert "senter" in nlp.disabled  # no stage uses it: the parser sets sentences


def test_load_pipeline_is_cached():
    assert load_pipeline(frozenset({"ner"})) is load_pipeline(frozenset({"ner"}))


def test_annotate_keeps_order_and_pairs_each_document_with_its_parse(nlp):
    texts = ["Denis Pushilin spoke in Donetsk.", "Ned Price criticised Russia.",
             "Kim Jong Un received a message from Pushilin."]
    documents = [make_document(text, f"d{i}") for i, text in enumerate(texts)]
    annotated = list(annotate(documents, nlp, batch_size=2))
    assert [a.document.id for a in annotated] == ["d0", "d1", "d2"]
    assert [a.doc.text for a in annotated] == texts
    assert ("Ned Price", "PERSON") in [(e.text, e.label_) for e in annotated[1].doc.ents]
