"""The quote stage's per-Doc arrays and memos give what the Token-by-Token reading gave, on
real dev articles, and carry nothing from one Doc to the next."""

from __future__ import annotations

import re

import pytest

from newsgraph import doc as doc_module
from newsgraph.doc import WordHashes, positions_of
from newsgraph.stages.quotes import CUE_WORDS, QuoteStage, _Extractor, _TokenArrays
from tests.docs import run_stages

# ../shared/dev/quotes/articles.jsonl, meantime:39951 and meantime:3307 (shortened)
FORD = (
    "Australian government announces $52.5 million financial assistance package for Ford\n\n"
    "Australian Prime Minister John Howard and federal industry minister Ian MacDonald today "
    "announced that the federal government would be providing Ford Australia with a AU$52.5 "
    'million (US$40.4 million) "financial assistance package". Additional assistance will also '
    "be provided by the Victorian state government. According to Mr Howard, the injection will "
    "secure Ford's manufacturing operations in Australia \"for the long term\". From the "
    "package, AU$40 million will be used for the design and manufacture of Ford's next model "
    "Falcon and Territory vehicles, which will be built in Australia.")
AIRBUS = (
    "Airbus launches world's largest passenger plane\n\n"
    "The new aircraft will take the world's - largest title away from rival Boeing's 747. "
    "Airbus chief executive Noel Forgeard stated that he expected sales of the aircraft to "
    "exceed the 250 required for the project to break even.")
STAGES_BEFORE_QUOTES = ("dateline", "entities", "references", "published", "times")


@pytest.fixture(scope="module")
def docs():
    return [run_stages(text, STAGES_BEFORE_QUOTES, published="2004-11-24")
            for text in (FORD, AIRBUS)]


def test_token_arrays_match_the_tokens_and_the_shared_cue_search(docs):
    for doc in docs:
        arrays = _TokenArrays.of(doc)
        assert arrays.idx == [t.idx for t in doc]
        assert arrays.lower == [t.lower for t in doc]
        assert arrays.cues == positions_of(doc, CUE_WORDS, lowers=("according",))
    # every token that could be a cue, "state" of "Victorian state government" included:
    # whether it is one is the parse's business, later
    ford_cues = [docs[0][i].text for i in _TokenArrays.of(docs[0]).cues]
    assert ford_cues == ["announces", "announced", "state", "According"]
    airbus_cues = [docs[1][i].text for i in _TokenArrays.of(docs[1]).cues]
    assert airbus_cues == ["stated"]


def test_word_hashes_answer_the_same_after_forgetting(docs):
    """A full memo starts again; its answers stay those of the string store."""
    strings = docs[0].vocab.strings
    lemmas = {t.lemma for t in docs[0]}
    full = WordHashes(CUE_WORDS)
    small = WordHashes(CUE_WORDS)
    small.LIMIT = 5
    expected = {value for value in lemmas if strings[value].lower() in CUE_WORDS}
    assert sorted(strings[value] for value in expected) == ["announce", "state"]
    for _ in range(2):
        assert full.among(lemmas, strings) == expected
        assert small.among(lemmas, strings) == expected
    assert len(small.seen) == len(lemmas)  # forgot the rest and remembered this Doc's words


def test_in_quotation_agrees_with_checking_every_quotation(docs):
    doc = docs[0]
    extractor = _Extractor(doc, [])
    text = doc._.text
    assert [text[m.start:m.end] for m in extractor.marks] == [
        '"financial assistance package"', '"for the long term"']
    for match in re.finditer(r"[^\W_]+", text):
        inside = any(m.start <= match.start() and match.end() <= m.end
                     for m in extractor.marks)
        assert extractor._in_quotation(match.start(), match.end()) == inside
        touches = any(m.start < match.end() and match.start() < m.end for m in extractor.marks)
        assert extractor._touches_quotation(match.start(), match.end()) == touches
    assert extractor._kind([(0, len(text))]) == "mixed"
    first = extractor.marks[0]
    assert extractor._kind([(first.start, first.end)]) == "direct"
    assert extractor._kind([(0, first.start)]) == "indirect"


def test_quotes_do_not_change_with_the_docs_processed_before(docs):
    """The memos are per process, the arrays per Doc: a Doc's quotes are the same whichever
    Doc came before it."""
    def fresh_quotes(text: str) -> list[dict]:
        doc = run_stages(text, STAGES_BEFORE_QUOTES, published="2004-11-24")
        return QuoteStage()(doc)._.quotes

    first_ford = fresh_quotes(FORD)
    doc_module._LEMMA_HASHES.clear()  # the word memos start again
    airbus = fresh_quotes(AIRBUS)
    ford_after_airbus = fresh_quotes(FORD)
    assert first_ford == ford_after_airbus
    assert [(q["cue"]["text"], q["kind"]) for q in first_ford] == [
        ("announces", "indirect"), ("announced", "mixed"), ("According to", "mixed")]
    # "today announced": the time the cue governs, found once per time for all quotes
    assert [q["date"]["how"] for q in first_ford] == ["published", "text", "published"]
    [stated] = airbus
    assert stated["cue"]["text"] == "stated" and stated["speaker"]["name"] == "Noel Forgeard"
