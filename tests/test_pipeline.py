from pathlib import Path

import pytest

from newsgraph.document import RawArticle, ReadError
from newsgraph.pipeline import Extraction, Failure, Pipeline, build_document
from newsgraph.stages.factories import STAGES, PipelineOrderError, build_pipeline
from tests import stage_doubles

PARAGRAPHS = [
    "Kyiv immediately severed relations with Pyongyang over the move.",
    "North Korea is reportedly having similar discussions with Luhansk.",
    "Up to 1,000 coal miners rallied on Wednesday in Donetsk.",
]


def article(text: str, **given) -> RawArticle:
    return RawArticle(source=given.pop("source", "test.txt"), text=text, raw=text, **given)


def test_build_document_uses_given_fields_and_hashes_content_for_ids():
    given = build_document(article(PARAGRAPHS[0], id=17, published="2022-08-17T09:00:00Z",
                                   title="Ties cut"))
    assert given.id == "17"
    assert given.published.value == "2022-08-17" and given.published.how == "given"
    assert given.title == "Ties cut"
    hashed = build_document(article(PARAGRAPHS[0]))
    again = build_document(article(PARAGRAPHS[0].replace(" ", "  ")))
    assert hashed.id == again.id and len(hashed.id) == 16
    assert hashed.published.how == "unknown" and hashed.published.value is None


def test_run_keeps_input_order_with_failures_in_place():
    items = [article(PARAGRAPHS[0], id="a"), ReadError("bad.bin", "binary file"),
             article(PARAGRAPHS[1], id="b"), article("   \n\n  ", id="c"),
             article(PARAGRAPHS[2], id="d")]
    results = list(Pipeline(batch_size=2).run(items))
    assert [type(result) for result in results] == [
        Extraction, Failure, Extraction, Failure, Extraction]
    assert [r.record["id"] for r in results if isinstance(r, Extraction)] == ["a", "b", "d"]
    assert results[1].error == "binary file"
    assert "no article text" in results[3].error


def test_every_stage_sees_one_parse_and_earlier_results():
    stage_doubles.SEEN.clear()
    pipeline = Pipeline(["dateline", "entities", "spy"], imports=["tests.stage_doubles"])
    [result] = list(pipeline.run([article(PARAGRAPHS[0], id="a")]))
    [(text, mentioned)] = stage_doubles.SEEN
    assert text == result.record["text"]
    assert "Pyongyang" in mentioned


def test_a_failing_stage_fails_only_its_article():
    pipeline = Pipeline(["dateline", "entities", "broken"], imports=["tests.stage_doubles"],
                        batch_size=3)
    results = list(pipeline.run([article(p, id=str(i)) for i, p in enumerate(PARAGRAPHS)]))
    assert [type(result) for result in results] == [Extraction, Failure, Extraction]
    assert "boom" in results[1].error and results[1].id == "1"
    assert results[0].record["entities"]  # the batch's other articles are extracted in full


def test_an_article_past_its_time_limit_fails_alone():
    pipeline = Pipeline(["dateline", "entities", "hang"], imports=["tests.stage_doubles"],
                        batch_size=3, timeout=1.0)
    results = list(pipeline.run([article(p, id=str(i)) for i, p in enumerate(PARAGRAPHS)]))
    assert [type(result) for result in results] == [Extraction, Failure, Extraction]
    assert results[1].error == "extraction took more than 1 s (--timeout)"


def test_a_worker_that_dies_fails_only_the_article_that_killed_it():
    pipeline = Pipeline(["dateline", "entities", "crash"], imports=["tests.stage_doubles"],
                        workers=2, batch_size=2)
    items = [article(p, id=str(i)) for i, p in enumerate(PARAGRAPHS * 2)]
    results = list(pipeline.run(items))
    assert [type(result) for result in results] == [Extraction, Failure, Extraction] * 2
    assert "worker process died" in results[1].error and results[4].id == "4"


def test_a_pipeline_in_the_wrong_order_is_refused_when_built():
    with pytest.raises(PipelineOrderError, match=r"quotes reads .*doc\._\.entity_table"):
        build_pipeline(["quotes", "entities", "published", "times"])
    with pytest.raises(PipelineOrderError, match=r"times reads doc\._\.anchor_date"):
        build_pipeline(["times", "published"])
    names = build_pipeline(STAGES).pipe_names
    assert [name for name in names if name in STAGES] == list(STAGES)
    # the dateline reads only the text: it and the paragraph boundaries come before the parse
    assert names.index("dateline") < names.index("paragraphs") < names.index("parser")


def test_samples_are_cleaned_and_extracted(sample_paths: list[Path]):
    from newsgraph.sources import read_sources

    results = list(Pipeline().run(read_sources([str(p) for p in sample_paths])))
    assert all(isinstance(result, Extraction) for result in results)
    moscow, jazeera = (result.record for result in results)
    assert moscow["title"] == "Donetsk Miners Rally in Favor of Separatists in Eastern Ukraine"
    assert "Support The Moscow Times" not in moscow["text"]
    assert "Source: News Agencies" not in jazeera["text"]
    assert moscow["text"].startswith(moscow["title"])
    names = {entity["name"] for entity in jazeera["entities"]}
    assert {"Denis Pushilin", "North Korea", "Ned Price"} <= names


def test_parallel_workers_give_the_same_records():
    items = [article(p, id=str(i)) for i, p in enumerate(PARAGRAPHS)]
    serial = [r.record for r in Pipeline().run(items)]
    parallel = [r.record for r in Pipeline(workers=2, batch_size=1).run(items)]
    assert parallel == serial


def test_ids_do_not_depend_on_the_other_articles_of_the_batch():
    from newsgraph.pipeline import clean_chunk

    footer = "Follow the Baltic Desk for more stories from the region"
    bodies = ["Estonia said on Monday it would expel two Russian diplomats.",
              "Latvia's parliament approved a new defence budget on Tuesday.",
              "Lithuania reopened its border crossing with Belarus after talks."]
    texts = [f"{body}\n\nOfficials gave no further details.\n\n{footer}" for body in bodies]
    together = list(clean_chunk([article(text, group="baltic") for text in texts]))
    [alone] = list(clean_chunk([article(texts[0], group="baltic")]))
    assert footer not in together[0].text and footer in alone.text  # the batch taught it
    assert together[0].id == alone.id


BALTIC_FOOTER = "Follow the Baltic Desk for more stories from the region"
BALTIC_BODIES = ["Estonia said on Monday it would expel two Russian diplomats.",
                 "Latvia's parliament approved a new defence budget on Tuesday.",
                 "Lithuania reopened its border crossing with Belarus after talks.",
                 "Finland's president met his Estonian counterpart in Tallinn."]


def baltic(body: str, published: str | None = "2022-03-02") -> RawArticle:
    return article(f"{body}\n\nOfficials gave no further details.\n\n{BALTIC_FOOTER}",
                   group="baltic", published=published, id=body[:12])


def test_a_run_learns_repeated_lines_from_all_its_inputs_whatever_their_order():
    from newsgraph.pipeline import Pipeline

    # the third article sharing the footer comes 600 inputs after the first two (a run used to
    # learn lines per chunk of 500, so its clean text depended on what was read with what)
    fillers = [article(f"{PARAGRAPHS[i % 3]} Report {i}.", id=f"f{i}") for i in range(600)]
    items = [baltic(BALTIC_BODIES[0]), baltic(BALTIC_BODIES[1]), *fillers,
             baltic(BALTIC_BODIES[2])]
    pipeline = Pipeline(["dateline"], batch_size=2)
    texts = {d.id: d.text for d in pipeline.documents(items)}
    assert all(BALTIC_FOOTER not in texts[body[:12]] for body in BALTIC_BODIES[:3])
    assert texts == {d.id: d.text for d in pipeline.documents(items[::-1])}
    few = [items[0], *fillers[:3], items[1], items[-1]]
    extracted = [r.document.text for r in pipeline.run(few)]  # extract and ingest learn alike
    assert extracted == [texts[item.id] for item in few]
    assert [r.document.text for r in pipeline.run(few[::-1])] == extracted[::-1]


def test_repeated_lines_count_within_one_month_of_a_source():
    from newsgraph.boilerplate import line_group
    from newsgraph.pipeline import Pipeline

    assert line_group("baltic", "2022-03-02T08:00:00Z") == line_group("baltic", "2022-03-30")
    assert line_group("baltic", "2022-03-02") != line_group("baltic", "2022-04-02")
    assert line_group("baltic", None) == line_group("baltic", "no date") == "baltic"
    # three articles share the footer, but in two months: no month has it three times
    items = [baltic(BALTIC_BODIES[0]), baltic(BALTIC_BODIES[1]),
             baltic(BALTIC_BODIES[2], published="2022-04-11")]
    texts = [d.text for d in Pipeline(["dateline"]).documents(items)]
    assert all(BALTIC_FOOTER in text for text in texts)
    items.append(baltic(BALTIC_BODIES[3]))  # a third one in March
    texts = [d.text for d in Pipeline(["dateline"]).documents(items)]
    assert [BALTIC_FOOTER in text for text in texts] == [False, False, True, False]


def test_unsafe_text_and_over_limit_articles_in_one_spacy_batch():
    from newsgraph.batch import Limits, process_batch
    from newsgraph.pipeline import load_nlp

    nlp = load_nlp(["dateline", "entities"])
    items = [article(PARAGRAPHS[0] + " \ud800\0", id="unsafe\udfff", title="T\ud801"),
             article(PARAGRAPHS[1] * 20, id="long"),
             article("\n".join(PARAGRAPHS), id="lines"),
             article(PARAGRAPHS[2], id="fine", published="2014-13-45")]
    results = process_batch(items, nlp, limits=Limits(max_chars=500, max_lines=2))
    assert [type(result) for result in results] == [Extraction, Failure, Failure, Extraction]
    unsafe = results[0].record
    assert unsafe["id"] == "unsafe\ufffd" and unsafe["title"] == "T\ufffd"
    assert unsafe["text"].endswith("\ufffd\ufffd")
    assert results[1].error.startswith("article too long: 1320 characters, over --max-chars 500")
    assert results[2].error.startswith("too many lines: 3, over --max-lines 2")
    assert results[3].warnings == ("published '2014-13-45' is not a date (YYYY-MM-DD): the "
                                   "article is kept without it",)
    tokens = process_batch([article(PARAGRAPHS[2], id="t")], nlp, limits=Limits(max_tokens=5))
    assert tokens[0].error.startswith("too many tokens: 11, over --max-tokens 5")


def test_limits_cannot_reach_spacys_own():
    from newsgraph.batch import Limits

    with pytest.raises(ValueError, match="spaCy's limit"):
        Limits(max_chars=1_000_000)


def test_words_of_earlier_batches_stay_up_to_the_bound_and_change_no_record():
    from newsgraph.batch import process_batch

    nlp = build_pipeline(STAGES)  # its own vocabulary: no other test has kept words in it
    items = [article(p, id=str(i)) for i, p in enumerate(PARAGRAPHS)]
    none_kept = process_batch(items, nlp, kept_words=0)
    assert "Luhansk" not in nlp.vocab  # freed with the batch's memory zone
    # the bound counts the words kept, not the model's own lexemes (over 700) nor those a
    # memory zone created and freed
    kept = process_batch(items, nlp, kept_words=500)
    assert "Luhansk" in nlp.vocab and "Pyongyang" in nlp.vocab  # kept for the next batch
    assert [o.record for o in kept] == [o.record for o in none_kept]
    words = len(list(nlp.vocab))
    process_batch([article("Zaporizhzhia and Kherson oblasts voted.", id="9")], nlp,
                  kept_words=10)  # fewer than already kept: no room left
    assert "Zaporizhzhia" not in nlp.vocab and len(list(nlp.vocab)) == words
