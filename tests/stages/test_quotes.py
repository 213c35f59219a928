"""Quotes on real news sentences: one test per layout and per speaker rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.doc import entity_records
from newsgraph.stages.entities import EntityStage
from newsgraph.stages.quotes import QuoteStage, quotations
from newsgraph.stages.references import ReferenceStage
from tests.docs import make_document, parsed_document


@pytest.fixture(scope="module")
def parser_nlp():
    """Kept for the tests' signatures: each text is parsed by `tests.docs`."""
    return None


def quotes_with_entities(document) -> list[dict]:
    """The entity and quote stages alone on a document (no times, the input's date)."""
    doc = ReferenceStage()(EntityStage()(parsed_document(document)))
    return QuoteStage()(doc)._.quotes


def quotes_of(text: str, nlp=None) -> list[dict]:
    quotes = quotes_with_entities(make_document(text))
    for quote in quotes:  # every span slices the text it names
        assert text[quote["start"]:quote["end"]] == quote["text"]
        if quote["cue"]:
            assert text[quote["cue"]["start"]:quote["cue"]["end"]] == quote["cue"]["text"]
        speaker = quote["speaker"]
        if speaker and speaker["start"] is not None:
            assert speaker["entity"] is None or ":" in speaker["entity"]
    return quotes


def entity_id_of(text: str, nlp, name: str) -> str:
    """The id the entity stage gives `name` in `text` (its id scheme is its own business)."""
    doc = EntityStage()(parsed_document(make_document(text)))
    [entity] = [e for e in entity_records(doc) if e["name"] == name]
    return entity["id"]


def speaker_text(text: str, quote: dict) -> str:
    return text[quote["speaker"]["start"]:quote["speaker"]["end"]]


def only(quotes: list[dict]) -> dict:
    assert len(quotes) == 1, [q["text"] for q in quotes]
    return quotes[0]


# ----------------------------------------------------------------------------- quotation marks

def test_quotations_pair_straight_and_typographic_marks_and_skip_apostrophes_and_inches():
    text = ('He said "we will stay," and the screen is 13.3" wide.\n'
            "Russia’s envoy called it “an affront” and ‘beneficial’ for the miners’ union.")
    spans = [text[q.start:q.end] for q in quotations(text)]
    assert spans == ['"we will stay,"', "“an affront”", "‘beneficial’"]


def test_a_quotation_open_at_the_end_of_a_paragraph_stops_there_unclosed():
    text = '"We will not give up. We will fight on.\n\n"We did not start this war," he said.'
    first, second = quotations(text)
    assert not first.closed and text[first.start:first.end].endswith("fight on.")
    assert second.closed and second.paragraph == first.paragraph + 1


# ----------------------------------------------------------------------------- direct layouts

def test_quote_then_cue_then_speaker_with_addressee_left_out(parser_nlp):
    text = ('"Kiev does not rule us any more, we will no longer accept that," separatist leader '
            "Denis Pushilin told the miners, who had been bussed in from around the coalfield.")
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"] == '"Kiev does not rule us any more, we will no longer accept that,"'
    assert quote["kind"] == "direct"
    assert quote["cue"]["text"] == "told"
    assert quote["speaker"]["name"] == "Denis Pushilin"
    assert quote["speaker"]["entity"] == entity_id_of(text, parser_nlp, "Denis Pushilin")
    assert speaker_text(text, quote).endswith("Denis Pushilin")


def test_speaker_then_colon_then_quote(parser_nlp):
    text = 'The minister told reporters: "The talks have failed and we are leaving Geneva."'
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"] == '"The talks have failed and we are leaving Geneva."'
    assert quote["cue"]["text"] == "told"
    assert speaker_text(text, quote) == "The minister"


def test_inverted_said_with_appositive_spans_the_whole_phrase(parser_nlp):
    text = ('"We did not organize this action," said Mykola Volynko, head of the Independent '
            "Miners' Trade Union, on Ukrainian television.")
    quote = only(quotes_of(text, parser_nlp))
    assert quote["kind"] == "direct"
    # the whole phrase naming the speaker, not where he said it ("on Ukrainian television")
    assert speaker_text(text, quote) == ("Mykola Volynko, head of the Independent Miners' Trade "
                                         "Union")


def test_split_quote_shares_one_cue_and_the_pronoun_is_resolved(parser_nlp):
    text = ('Pushilin addressed the crowd in Donetsk on Wednesday. "We will drive fascism away," '
            'he said. "Nobody will stop us."')
    first, second = quotes_of(text, parser_nlp)
    assert first["text"] == '"We will drive fascism away,"'
    assert second["text"] == '"Nobody will stop us."'
    assert first["cue"] == second["cue"] and first["cue"]["text"] == "said"
    assert speaker_text(text, first) == "he"
    assert first["speaker"]["name"] == second["speaker"]["name"] == "Pushilin"


def test_a_quote_paragraph_with_no_cue_continues_the_previous_speaker(parser_nlp):
    text = ('"We did not organize this action," said Mykola Volynko, head of the union.\n\n'
            '"They continue to do everything to break up the country."')
    first, second = quotes_of(text, parser_nlp)
    assert second["text"] == '"They continue to do everything to break up the country."'
    assert second["speaker"]["name"] == "Mykola Volynko"
    assert second["cue"] == first["cue"]


def test_multi_sentence_quote_and_nested_single_quotes_stay_one_quote(parser_nlp):
    text = ("\"I want peace. I want the soldiers to go home and the 'junta' to leave,\" said "
            "Valery, who works at the Abakumova mine.")
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"].startswith('"I want peace.') and quote["text"].endswith('leave,"')
    assert quote["speaker"]["name"] == "Valery"


# ----------------------------------------------------------------------------- indirect layouts

def test_said_that_keeps_the_complementizer_and_stops_at_the_clause(parser_nlp):
    text = "Airbus chief executive Noel Forgeard stated that he expected sales to exceed 250."
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"] == "that he expected sales to exceed 250"
    assert quote["kind"] == "indirect"
    assert quote["cue"]["text"] == "stated"
    assert quote["speaker"]["name"] == "Noel Forgeard"


def test_has_said_with_a_bare_clause(parser_nlp):
    text = ("Poroshenko, a confectionery magnate, has said he is willing to grant eastern Ukraine "
            "greater autonomy but only within Ukraine.")
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"] == ("he is willing to grant eastern Ukraine greater autonomy but only "
                             "within Ukraine")
    assert quote["cue"]["text"] == "has said"
    assert speaker_text(text, quote) == "Poroshenko, a confectionery magnate"
    assert quote["speaker"]["name"] == "Poroshenko"


def test_told_addressee_that(parser_nlp):
    text = "The spokesman told the Tass news agency that the workers would arrive in May."
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"] == "that the workers would arrive in May"
    assert speaker_text(text, quote) == "The spokesman"


def test_trailing_cue_after_the_reported_clause(parser_nlp):
    text = "The change in policy will occur within the next six months, Apple announced."
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"] == "The change in policy will occur within the next six months"
    assert quote["speaker"]["name"] == "Apple"


def test_according_to_takes_the_rest_of_the_sentence(parser_nlp):
    text = "According to the company website, the plant will close in March."
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"] == "the plant will close in March"
    assert quote["cue"]["text"] == "According to"
    assert speaker_text(text, quote) == "the company website"


def test_denied_with_a_gerund_and_a_conjoined_says_share_the_subject(parser_nlp):
    text = ("Russia wants an end to the offensive. It has denied arming the separatists, but says "
            "their calls for autonomy are legitimate.")
    denied, says = quotes_of(text, parser_nlp)
    assert denied["text"] == "arming the separatists"
    assert says["text"] == "their calls for autonomy are legitimate"
    for quote in (denied, says):
        assert speaker_text(text, quote) == "It"
        assert quote["speaker"]["name"] == "Russia"
        assert quote["speaker"]["entity"] == entity_id_of(text, parser_nlp, "Russia")


def test_participle_adding_with_a_quotation_is_direct_and_keeps_the_subject(parser_nlp):
    text = ('Coal miner Vladislav said he hoped Russia would recognize the DNR, adding: "But I '
            'can also live on bread and water."')
    indirect, direct = quotes_of(text, parser_nlp)
    assert indirect["text"] == "he hoped Russia would recognize the DNR"
    assert direct["text"] == '"But I can also live on bread and water."'
    assert direct["kind"] == "direct" and direct["cue"]["text"] == "adding"
    assert direct["speaker"]["name"] == indirect["speaker"]["name"] == "Vladislav"


def test_mixed_quote_keeps_the_whole_clause(parser_nlp):
    text = ('Pushilin said "more and more volunteers" were crossing the border from Russia to '
            "support the rebels.")
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"] == ('"more and more volunteers" were crossing the border from Russia to '
                             "support the rebels")
    assert quote["kind"] == "mixed"


def test_document_cited_as_saying_speaks_for_its_author(parser_nlp):
    text = ("“The people of the Donbas region are fighting to regain their freedom,” the report "
            "cited Pushilin’s letter as saying.")
    quote = only(quotes_of(text, parser_nlp))
    assert quote["cue"]["text"] == "saying"
    assert quote["speaker"]["name"] == "Pushilin"


def test_nominal_content_of_announce_but_not_a_bare_reference(parser_nlp):
    found = quotes_of("Airbus has announced 10,000 job cuts over the next four years.", parser_nlp)
    assert only(found)["text"] == "10,000 job cuts over the next four years"
    assert quotes_of("Smith announced the company's move on Wednesday.", parser_nlp) == []


def test_passive_cue_has_no_speaker(parser_nlp):
    text = "The iPhone is claimed to be a revolutionary mobile phone."
    quote = only(quotes_of(text, parser_nlp))
    assert quote["speaker"] is None
    assert "to be a revolutionary mobile phone" in quote["text"]


def test_a_headline_is_not_read_into_the_first_sentence(parser_nlp):
    text = ("Apple plans another special event\n\nApple Computer announced today another special "
            "event to be held on October 12.")
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"] == "another special event to be held on October 12"
    assert speaker_text(text, quote) == "Apple Computer"


# ----------------------------------------------------------------------------- speakers

def test_she_skips_a_nearer_man_for_a_woman(parser_nlp):
    text = ("Maria Zakharova met Sergei Lavrov in Moscow. \"The sanctions will fail,\" she said.")
    quote = only(quotes_of(text, parser_nlp))
    assert speaker_text(text, quote) == "she"
    assert quote["speaker"]["name"] == "Maria Zakharova"


def test_the_ministry_refers_back_to_the_earlier_ministry(parser_nlp):
    text = ("Donetsk’s foreign ministry has said its ambassador met the North Korean envoy. "
            "The ministry said the talks would continue in September.")
    quotes = quotes_of(text, parser_nlp)
    assert len(quotes) == 2
    assert speaker_text(text, quotes[1]) == "The ministry"
    assert quotes[1]["speaker"]["name"] == "Donetsk’s foreign ministry"


def test_according_to_a_source_passing_on_a_quote_is_its_channel(parser_nlp):
    text = ("According to the ministry, Sin Hong Chol then said there would be “great potential” "
            "for cooperation in trade.")
    quote = only(quotes_of(text, parser_nlp))
    assert quote["text"] == "there would be “great potential” for cooperation in trade"
    assert quote["kind"] == "mixed"
    assert quote["via"]["name"] == "ministry"


# ----------------------------------------------------------------------------- not quotes

def test_scare_quotes_names_and_banners_are_not_quotes(parser_nlp):
    text = ('The separatists refer to the authorities as "fascists". The miners rallied for the '
            'self-proclaimed "Donetsk People\'s Republic." They waved banners that read "We will '
            'revive the power of the Donbass."')
    assert quotes_of(text, parser_nlp) == []


def test_negated_cue_reports_nothing(parser_nlp):
    assert quotes_of("The report did not say whether Kim sent a message in response.",
                     parser_nlp) == []


# ----------------------------------------------------------------------------- the samples

def test_sample_article_quotes_and_speakers(parser_nlp, shared: Path):
    from newsgraph.pipeline import build_document
    from newsgraph.sources import read_sources

    path = shared / "samples" / "000_af198e3347f7936d.txt"
    if not path.exists():
        pytest.fail("sample article missing from ../shared/samples")
    article = next(iter(read_sources([str(path)])))
    quotes = quotes_with_entities(build_document(article))
    by_start = {q["text"].strip('"“”').split()[0] + " " + q["text"].strip('"“”').split()[1]: q
                for q in quotes}
    expected = {
        "Kiev does": "Denis Pushilin", "I want": "Valery", "the miners": "Valery",
        "he is": "Petro Poroshenko", "their calls": "Russia", "more and": "Denis Pushilin",
        "We will": "Denis Pushilin", "he hoped": "Vladislav", "But I": "Vladislav",
        "We did": "Mykola Volynko", "They [protesters": "Mykola Volynko",
    }
    for start, speaker in expected.items():
        assert by_start[start]["speaker"]["name"] == speaker, start
    texts = " ".join(q["text"] for q in quotes)
    assert "fascists" not in texts and "Donetsk People" not in texts


def test_addressee_of_told_and_said_to(parser_nlp):
    text = ('"Kiev does not rule us any more," separatist leader Denis Pushilin told the '
            'miners. The minister said to reporters that talks would resume on Monday.')
    quotes = quotes_of(text, parser_nlp)
    addressees = [q.get("addressee", {}).get("name") for q in quotes]
    assert addressees == ["miners", "reporters"]
    tass = quotes_of("Matsegora told the Tass news agency that workers could help.", parser_nlp)
    assert only(tass)["addressee"]["name"] == "Tass news agency"
    first = quotes[0]["addressee"]
    assert text[first["start"]:first["end"]] == "the miners"


def dated_quotes(text: str, nlp, published: str | None) -> list[dict]:
    from newsgraph.stages.times import TimeStage

    doc = ReferenceStage()(EntityStage()(parsed_document(make_document(text,
                                                                       published=published))))
    doc._.anchor_date = published
    return QuoteStage()(TimeStage()(doc))._.quotes


def test_a_quote_takes_the_date_its_cue_governs_else_the_publication_date(parser_nlp):
    text = ("The minister said on Monday that talks would resume in March. "
            "Opposition leaders said the plan was unworkable.")
    monday, later = dated_quotes(text, parser_nlp, "2022-08-17")
    assert monday["date"] == {"value": "2022-08-15", "how": "text"}
    # "in March" is inside what was said: not the date of saying it
    assert later["date"] == {"value": "2022-08-17", "how": "published"}
    undated = dated_quotes("Opposition leaders said the plan was unworkable.", parser_nlp, None)
    assert only(undated)["date"] is None


def test_quote_dates_through_participles(parser_nlp):
    text = ("In his comments sent on Monday, the separatist leader Denis Pushilin expressed hope "
            "that relations would improve. Ned Price last month criticised the plan, saying "
            "that such arrangements would be unlawful.")
    pushilin, price = dated_quotes(text, parser_nlp, "2022-08-17")
    assert pushilin["date"] == {"value": "2022-08-15", "how": "text"}
    assert price["date"] == {"value": "2022-07", "how": "text"}


def test_a_date_outside_any_verb_clause_does_not_date_the_quote(parser_nlp):
    text = "Talks in Geneva, Monday. The minister said the plan had failed."
    quote = only(dated_quotes(text, parser_nlp, "2022-08-17"))
    assert quote["date"] == {"value": "2022-08-17", "how": "published"}


def test_a_number_or_an_unresolved_it_is_no_speaker(parser_nlp):
    """A poll's share says nothing itself; an "it" that stands for nothing named is no one."""
    assert quotes_of("Fifty-one percent said they would vote for the measure in November.") \
        == []
    assert quotes_of("It said the measure would pass.") == []
    found = quotes_of("The ministry issued a statement on Monday. It said the measure would "
                      "pass.")
    assert [(q["speaker"]["name"], q["speaker"]["start"]) for q in found] == [("ministry", 43)]
    # the same for a direct quotation with its cue after it
    assert quotes_of("\u201cWe will win,\u201d 44 percent said.") == []
    assert quotes_of("\u201cWe are ready,\u201d it said.") == []


def test_a_private_persons_town_is_not_the_speaker_but_an_officials_state_is():
    """dev/places-trnews trnews-1070002 and dev/places gwn-206: a resident or a native is a
    civilian in PETRARCH's agents dictionary; the town in the phrase is where they live, not
    who spoke. A minister speaks for the state the phrase names."""
    text = ("One Edmonton resident who called in questioned how the carbon levy would help "
            "businesses struggling due to low oil and gas prices. \u201cWe are barely hanging "
            "on and now we have these taxes,\u201d he said.")
    speakers = [(q["speaker"]["name"], q["speaker"]["entity"]) for q in quotes_of(text)]
    assert speakers == [("One Edmonton resident", None)] * 2  # the indirect one, then "he"
    (quote,) = quotes_of("\u201cTalks will go on,\u201d Turkey's foreign minister said.")
    assert quote["speaker"]["entity"] == "geonames:298795"


def test_a_command_to_the_reader_is_no_quote(parser_nlp):
    """dev/html pages: a manual's "Note that ..." and a guide's "Add ..." are the writer's
    instructions, not a report of what someone said; a subject's "noted that" is one."""
    note = quotes_of("Put the line in the config file. Note that rsync will create "
                     "sub-directories for you if they do not exist.")
    assert note == []
    add = quotes_of("Add pearls and classy accessories to finish off the look.")
    assert add == []
    noted = quotes_of("The minister noted that rsync will create sub-directories for you.")
    assert [(q["cue"]["text"], q["speaker"]["name"]) for q in noted] == [("noted", "minister")]


def test_a_word_inside_the_quote_is_never_its_speaker(parser_nlp):
    """dev/places-trnews trnews-1100004 and dev/places gwn-246: the parse made the quote's own
    "Everything" and "The HALO Trust" the subjects of the cues; the speaker is the name after
    the cue. With none there ("said Wednesday", "told CNN"), the quote has no speaker."""
    fire = quotes_of('Arson investigators were back at the scene Thursday.\n"It just engulfed '
                     'everything. Everything," said Valerie Taylor.\nMore than fifty '
                     'firefighters battled the blaze.')
    assert [q["speaker"]["name"] for q in fire] == ["Valerie Taylor"]
    mines = quotes_of("The HALO Trust, a non-commercial organization, had to abandon the "
                      "programme of mine clearance in the area, reported Irakli Chitanava, a "
                      "manager from the NGO.")
    assert [q["speaker"]["name"] for q in mines] == ["Irakli Chitanava"]
