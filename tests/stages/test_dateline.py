"""The one dateline rule, on the heads of real wire and local news stories."""

from __future__ import annotations

import pytest

from newsgraph.stages.dateline import find_dateline


def place_and_line(text: str) -> tuple[str, str] | None:
    found = find_dateline(text)
    if found is None:
        return None
    return text[slice(*found["place"])], text[found["start"]:found["end"]].strip()


@pytest.mark.parametrize(("text", "place", "line"), [
    ("KHARKIV, Ukraine (AP) — Russian forces shelled", "KHARKIV", "KHARKIV, Ukraine (AP) —"),
    ("LOS ANGELES (AP) — A jury found", "LOS ANGELES", "LOS ANGELES (AP) —"),
    ("MOSCOW, May 28, 2014 (Reuters) - Up to 1,000", "MOSCOW", "MOSCOW, May 28, 2014 (Reuters) -"),
    ("SEVERN, Md. (ABC7) — A 55-year-old man", "SEVERN", "SEVERN, Md. (ABC7) —"),
    ("TORRINGTON — Mayor Ryan Bingham is", "TORRINGTON", "TORRINGTON —"),
    ("BEIJING --At least two people died", "BEIJING", "BEIJING --"),
    ("LOUISVILLE, KY--(Marketwire - Dec 23, 2010)", "LOUISVILLE", "LOUISVILLE, KY--"),
    ("Paris (AFP) - The French government", "Paris", "Paris (AFP) -"),
    ("Hanoi (VNA) – Vietnam always supports", "Hanoi", "Hanoi (VNA) –"),
    # a country whose name has small words in it
    ("GOMA, Democratic Republic of Congo, Feb 7 (Reuters) - M23 rebels seized", "GOMA",
     "GOMA, Democratic Republic of Congo, Feb 7 (Reuters) -"),
    ("BOGOTA, Republic of Colombia (AFP) - The government", "BOGOTA",
     "BOGOTA, Republic of Colombia (AFP) -"),
    # a place in capitals and a colon, as papers in India and elsewhere write it
    ("NEW DELHI: The government on Monday said", "NEW DELHI", "NEW DELHI:"),
    ("BRINDLE BAY, Ore.: Shares in Stridewell", "BRINDLE BAY", "BRINDLE BAY, Ore.:"),
])
def test_datelines_of_agencies_and_local_papers(text, place, line):
    assert place_and_line(text) == (place, line)


@pytest.mark.parametrize("text", [
    "NATO, EU warn Russia over troops - analysis",  # a headline listing names
    "ISRAEL-GAZA war: what we know",  # a hyphen inside a name is no dash
    "Paris - a city of light, again",  # a name-cased place needs its agency
    "The minister said on Monday (Reuters) - nothing",
    "UPDATE: The story has changed",  # a colon after no place the gazetteer knows
    "FACT CHECK: No, he did not say that",
    "US: Biden says talks will go on",  # a headline's topic, too short for a dateline
    "CHINA: exports fall again",  # a country heads a topic (a reviewer's texts)
    "POLL: most voters want change",  # small towns' names, no places a dateline means
    "GOLD: prices hit a record",
])
def test_headlines_are_not_datelines(text):
    assert find_dateline(text) is None


def test_only_the_first_lines_are_looked_at():
    title = "Miners rally in Donetsk\n\n"
    assert place_and_line(title + "DONETSK, Ukraine (Reuters) - Up to 1,000") == (
        "DONETSK", "DONETSK, Ukraine (Reuters) -")
    # a title, a subtitle, a byline or a few bullet points may come first: six lines
    late = "".join(f"Line {n}.\n" for n in range(1, 7)) + "DONETSK, Ukraine (Reuters) - Up to"
    assert find_dateline(late) is None
    assert find_dateline(late, lines=7) is not None
    assert find_dateline("Title\nBy A. Writer\nDONETSK, Ukraine (Reuters) - Up to") is not None


def test_the_storys_first_word_after_a_dateline_is_the_noun_it_is():
    """The tagger reads the capitalised first word after "CITY -" as a name; a plural of a
    common noun is a noun (snippets 17, written unseen: "Avalanches buried ... killing 124"),
    a place, a people or the first word of a longer name stays a name."""
    from tests.docs import run_stages

    def first_word(text: str) -> tuple[str, str]:
        doc = run_stages(text, ("dateline",))
        word = next(token for token in doc if token.idx >= doc._.dateline["end"])
        return word.pos_, word.lemma_

    assert first_word("BAZARAK, Afghanistan - Avalanches buried dozens of homes.") == (
        "NOUN", "avalanche")
    assert first_word("KABUL - Gunmen attacked a checkpoint.") == ("NOUN", "gunman")
    assert first_word("MANILA - Philippines said it would respond.")[0] == "PROPN"
    assert first_word("RIYADH - Saudis protested.")[0] == "PROPN"
    assert first_word("LONDON - Kings College said on Monday.")[0] == "PROPN"
