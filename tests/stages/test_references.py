"""The one pronoun resolver (`token._.antecedent`), on real news sentences."""

from __future__ import annotations

import pytest

from tests.docs import run_stages

STAGES = ["dateline", "entities", "references"]


def antecedents(text: str) -> dict[str, str]:
    doc = run_stages(text, STAGES)
    return {f"{token.text}@{token.i}": token._.antecedent.text
            for token in doc if token._.antecedent is not None}


@pytest.mark.parametrize(("text", "pronoun", "expected"), [
    # what a verb of saying reports: its speaker
    ("Separatist leader Denis Pushilin said he hoped North Korea would help.", "he", "Pushilin"),
    # the entity stage's type decides: "General Motors" is no general
    ("Another automaker, General Motors, announced that it seeks $16.6 billion in loans.",
     "it", "automaker"),
    # a relative pronoun: the noun its clause describes
    ("The miners, who earn little, rallied in Donetsk.", "who", "miners"),
    # gender: "she" skips the nearer man
    ("Olga Makeeva met Denis Pushilin on Monday. She later left for Kyiv.", "She", "Makeeva"),
])
def test_pronouns_stand_for_what_the_article_says(text, pronoun, expected):
    found = {key.split("@")[0]: value for key, value in antecedents(text).items()}
    assert found[pronoun] == expected


def test_they_never_stands_for_a_place_and_it_still_may():
    # dev/html page154 (not political): "They" are the exchanges, not the United States
    found = antecedents("Coinbase and Coinbase Pro are the largest regulated cryptocurrency "
                        "exchanges in the United States. They both offer protection for your "
                        "deposited U.S. dollars.")
    assert "States" not in found.values()
    found = antecedents("Russia moved troops to the border. It said the drills would end soon.")
    assert found[next(key for key in found if key.startswith("It@"))] == "Russia"


def test_the_dateline_is_no_antecedent():
    """Where the story was filed is no one it tells of (pages p, written unseen): "it" is the
    shoe company, not Oregon."""
    found = antecedents("BRINDLE BAY, Ore.: Shares in Stridewell, the Brindle Bay-based shoe "
                        "company, jumped nearly 19% on Wednesday after it announced a deal.")
    assert "Ore." not in found.values()


def test_first_person_and_quoted_words_are_left_alone():
    text = ('"We will drive fascism away," the miners shouted. The union said it would '
            "strike.")
    found = {key.split("@")[0]: value for key, value in antecedents(text).items()}
    assert "We" not in found  # a quote's speaker comes from the quote, not its pronouns
    assert found["it"] == "union"
    assert "fascism" not in found.values()


def test_an_event_told_with_a_pronoun_has_the_persons_entity():
    from newsgraph.document import RawArticle
    from newsgraph.pipeline import Pipeline

    text = ("Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Monday. He accused "
            "Washington of provoking a conflict, and said he would meet Kim Jong Un.")
    [result] = list(Pipeline().run([RawArticle(source="t.txt", text=text, raw=text, id="r1",
                                               published="2022-08-15")]))
    actors = {e["trigger"]["text"]: e["actor"]["entity"] for e in result.record["events"]}
    assert actors["accused"] == actors["meet"] == "person:sergey-lavrov"  # "He", "he"


def test_noun_candidates_read_from_arrays_match_the_token_attributes():
    from newsgraph.stages.references import _noun_candidates

    text = ('"We will drive fascism away," the miners shouted. The union, whose compound '
            "interest grew, said its leader would strike.")
    doc = run_stages(text, STAGES)
    quoted = [token.i < 8 for token in doc]  # the quotation and its marks
    expected = [not quoted[token.i] and token.pos_ in ("PROPN", "NOUN")
                and token.dep_ not in ("compound", "poss") for token in doc]
    assert _noun_candidates(doc, quoted) == expected
    assert "miners" in [doc[i].text for i, ok in enumerate(expected) if ok]
    assert not _noun_candidates(doc, quoted)[2]  # "drive" inside the quotation marks


def test_two_docs_resolved_in_turn_keep_their_own_antecedents():
    first = "Olga Makeeva met Denis Pushilin on Monday. She later left for Kyiv."
    second = "Separatist leader Denis Pushilin said he hoped North Korea would help."
    assert antecedents(first) == {"She@8": "Makeeva"}
    assert antecedents(second) == {"he@5": "Pushilin"}
    assert antecedents(first) == {"She@8": "Makeeva"}


def test_the_per_doc_kinds_memo_gives_the_answers_of_the_unmemoised_path():
    from newsgraph.stages.references import RELATIVE, THIRD, _noun_candidates, resolve

    text = ("Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Monday. He accused "
            "Washington of provoking a conflict, and said he would meet Kim Jong Un. The "
            "ministry said it had no comment; the envoys, who left early, said they would "
            "return.")
    doc = run_stages(text, STAGES)
    quoted = [False] * len(doc)
    starts = [sentence.start for sentence in doc.sents]
    nouns = _noun_candidates(doc, quoted)
    kinds: dict[int, str | None] = {}
    pronouns = [t for t in doc if t.lower_ in RELATIVE | THIRD]
    memoised = [resolve(t, quoted, starts, nouns, kinds) for t in pronouns]
    plain = [resolve(t, quoted, starts) for t in pronouns]
    assert [a.i if a is not None else None for a in memoised] == \
        [a.i if a is not None else None for a in plain]
    assert kinds  # the memo was filled, and reused for the later pronouns
    assert any(a is not None and a.text == "Lavrov" for a in memoised)
