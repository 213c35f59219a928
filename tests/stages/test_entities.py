from newsgraph.annotate import AnnotatedDocument
from newsgraph.stages.entities import EntityStage, canonical_name, entity_id
from tests.test_annotate import make_document


def entities_of(text: str, nlp) -> list[dict]:
    document = make_document(text)
    return EntityStage()(AnnotatedDocument(document, nlp(text)), {})


def test_canonical_name_folds_quotes_articles_and_possessives():
    assert canonical_name("the Donetsk People’s Republic") == "Donetsk People's Republic"
    assert canonical_name("Russia’s") == "Russia"
    assert canonical_name("  Denis\u00a0 Pushilin ") == "Denis Pushilin"


def test_entity_id_is_stable_and_readable():
    assert entity_id("PERSON", "Denis Pushilin") == "person:denis-pushilin"
    assert entity_id("GPE", "Donetsk") == entity_id("GPE", "Donetsk")
    assert entity_id("GPE", "Zürich") == "gpe:zurich"


def test_mentions_are_grouped_and_point_at_their_text(nlp):
    text = ("Separatist leader Denis Pushilin expressed hope North Korea and Donetsk could "
            "achieve beneficial relations. Pushilin's message to Kim was timed for the "
            "anniversary. North Korea recognised the Donetsk People's Republic in July.")
    entities = entities_of(text, nlp)
    by_name = {entity["name"]: entity for entity in entities}
    assert by_name["Denis Pushilin"]["type"] == "PERSON"
    north_korea = by_name["North Korea"]
    assert north_korea["type"] == "GPE"
    assert len(north_korea["mentions"]) == 2
    for entity in entities:
        for mention in entity["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
    # dates are not entities: they belong to the time stage
    assert "July" not in by_name
    assert all(entity["type"] not in ("DATE", "CARDINAL") for entity in entities)


def test_leading_article_is_trimmed_from_mentions(nlp):
    text = "The protesters came from the Union of Mine Workers in Donetsk."
    entities = entities_of(text, nlp)
    mentions = [m["text"] for entity in entities for m in entity["mentions"]]
    assert "Union of Mine Workers" in mentions
