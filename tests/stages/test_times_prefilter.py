"""The prefiltered form of a pattern (it jumps between the characters a match can start with)
must find exactly the matches of the plain pattern."""

from __future__ import annotations

import json
import re

import pytest

from newsgraph.stages.prefilter import finditer, first_chars, prefiltered


def spans(matches, group: int | str = 0):
    return [(match.span(group), match.groupdict()) for match in matches]


def test_the_first_characters_hold_every_form_ignorecase_matches_a_letter_to():
    every_char = "".join(map(chr, range(0x110000))).replace("\n", "")
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        expected = set(re.findall(letter, every_char, re.IGNORECASE))
        found = set(re.findall(first_chars(letter, re.IGNORECASE), every_char))
        assert found == expected, letter


def test_the_first_characters_follow_optional_parts_and_scoped_case():
    assert first_chars(r"(?:the\s+)?\d+") == r"[\dt]"
    assert first_chars(r"(?-i:May)|x", re.IGNORECASE) == "[MXx]"
    assert first_chars(r"(?<!\w)(?:a|b)?") is None  # a match can be empty


@pytest.mark.parametrize("pattern", [
    r"(?<![\w$])(?:(?P<edge>early|late)\s+)?(?P<year>\d{4})(?!\d)",
    r"(?:the\s+)?(?P<n>\d+|two)\s+(?P<unit>days?|weeks?)",
    r"a(?:a)*",  # overlapping candidates: only the leftmost non-overlapping ones count
])
def test_a_prefiltered_pattern_finds_what_finditer_finds(pattern):
    text = ("In early 2019, the two weeks after 2020 and the 3 days before 12345, aaaa aa a "
            "$2014 late 1999.\nTwo days")
    plain = re.compile(pattern, re.IGNORECASE)
    fast = prefiltered(pattern, ignore_case=True)
    for start, end in [(0, len(text)), (3, 40), (9, 60), (50, len(text) - 2)]:
        assert spans(finditer(fast, text, start, end), 1) == \
            spans(plain.finditer(text, start, end)), (start, end)


def test_the_time_grammar_prefiltered_finds_what_it_finds_plain(shared):
    from newsgraph.stages.times import _B, _COMPILED, _E, GRAMMAR

    with open(shared / "dev" / "times" / "articles.jsonl", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    for (_kind, pattern), (_, fast) in zip(GRAMMAR, _COMPILED, strict=True):
        plain = re.compile(_B + pattern + _E, re.IGNORECASE)
        assert fast.pattern.startswith("["), pattern  # every pattern has its first characters
        for text in texts:
            assert spans(finditer(fast, text, 0, len(text)), 1) == spans(plain.finditer(text))


def test_without_the_parser_every_pattern_compiles_as_it_is(monkeypatch):
    from newsgraph.stages import prefilter

    monkeypatch.setattr(prefilter, "sre_parse", None)
    assert prefilter.first_chars(r"(?<!\w)(\d+) days? ago") is None
    pattern = prefilter.prefiltered(r"(?<!\w)(?P<n>\d+) days? ago")
    text = "It ended 3 days ago, and 12 days ago it began."
    assert [m.group("n") for m in prefilter.finditer(pattern, text, 0, len(text))] == ["3", "12"]
