from newsgraph.evaluation import body_recall, dig, figure


def test_body_recall_counts_sentences_found_in_clean_text():
    articles = [{"id": 1, "text": "Title line\n\nFirst sentence here. Second one!\n\nThird? Yes."},
                {"id": "2", "text": "Lost article."}]
    records = {"1": {"text": "Title line\n\nFirst sentence here. Second one! Third?"}}
    assert body_recall(articles, records) == (4, 6)


def test_body_recall_folds_typographic_quotes_and_spaces():
    articles = [{"id": "a", "text": "He said “no”\u00a0again."}]
    assert body_recall(articles, {"a": {"text": 'He said "no" again.'}}) == (1, 1)


def test_dig_and_figure():
    scores = {"types_per_document": {"micro": {"f1": 0.8123}}}
    assert dig(scores, ("types_per_document", "micro", "f1")) == 0.8123
    assert dig(scores, ("missing", "f1")) is None
    assert figure(0.8123) == "0.812" and figure(0.995, percent=True) == "99.5%"
    assert figure(None) == "-"
