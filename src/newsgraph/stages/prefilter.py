"""Regexes that skip, in C, the places where they cannot start.

Python's `re` tries a pattern at every position of the text unless the pattern opens with a
literal or a case-free character set; a pattern that opens with a lookbehind or an optional
case-insensitive word (as the time grammar's all do) costs a full attempt per character. A
pattern rewritten to consume one character of the set its matches can start with, then look
back and match the whole pattern from there, lets `re` jump between those characters: the same
matches, found several times faster. The set is read off the parsed pattern, so it cannot miss
a start the pattern can take.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:  # the parsed form of a pattern: no public API gives it (3.11 to 3.13 have these)
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # a Python without them: every pattern compiles as it is, just slower
    sre = sre_parse = None

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_WORD: r"\w"} if sre is not None else {}
_FOLDED_TOO = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
"""Characters besides the two ASCII cases that `re.IGNORECASE` matches an ASCII letter to
(İ and ı for i, the Kelvin sign for k, the long s for s)."""


class _Unknown(Exception):
    """A construct whose first characters are not worked out (the pattern stays as it is)."""


def _case_forms(code: int, ignore_case: bool) -> set[str]:
    char = chr(code)
    if not ignore_case or char.lower() == char.upper():
        return {re.escape(char)}
    if not char.isascii():
        raise _Unknown(char)
    lower = char.lower()
    return {re.escape(form) for form in lower + char.upper() + _FOLDED_TOO.get(lower, "")}


def _first_of_sequence(items, ignore_case: bool) -> tuple[set[str], bool]:
    """The class items a match of `items` can start with, and whether it can be empty."""
    firsts: set[str] = set()
    for op, argument in items:
        found, empty = _first_of_item(op, argument, ignore_case)
        firsts |= found
        if not empty:
            return firsts, False
    return firsts, True


def _first_of_item(op, argument, ignore_case: bool) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return _case_forms(argument, ignore_case), False
    if op is sre.IN:
        firsts: set[str] = set()
        for member, value in argument:
            if member is sre.LITERAL:
                firsts |= _case_forms(value, ignore_case)
            elif member is sre.RANGE:
                for code in range(value[0], value[1] + 1):
                    firsts |= _case_forms(code, ignore_case)
            elif member is sre.CATEGORY and value in _CATEGORIES:
                firsts.add(_CATEGORIES[value])
            else:
                raise _Unknown(member)
        return firsts, False
    if op is sre.BRANCH:
        firsts, can_be_empty = set(), False
        for branch in argument[1]:
            found, empty = _first_of_sequence(branch.data, ignore_case)
            firsts |= found
            can_be_empty |= empty
        return firsts, can_be_empty
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = argument
        if add_flags & sre.SRE_FLAG_IGNORECASE:
            ignore_case = True
        if del_flags & sre.SRE_FLAG_IGNORECASE:
            ignore_case = False
        return _first_of_sequence(body.data, ignore_case)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _most, body = argument
        found, empty = _first_of_sequence(body.data, ignore_case)
        return found, empty or least == 0
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return set(), True  # zero-width: the next item supplies the first character
    raise _Unknown(op)


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A case-sensitive character class holding every character a match of `pattern` can
    start with; None when that is not worked out or a match can be empty."""
    if sre_parse is None:
        return None
    parsed = sre_parse.parse(pattern, flags)
    try:
        firsts, empty = _first_of_sequence(
            parsed.data, bool(parsed.state.flags & sre.SRE_FLAG_IGNORECASE))
    except _Unknown:
        return None
    if empty or not firsts:
        return None
    return "[" + "".join(sorted(firsts)) + "]"


def prefiltered(pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    """`pattern` compiled to jump between the characters its matches can start with: each
    match of the result holds the pattern's match as group 1 (its named groups unchanged),
    and overlapping ones are found too (see `finditer`)."""
    first = first_chars(pattern, re.IGNORECASE if ignore_case else 0)
    body = f"(?i:({pattern}))" if ignore_case else f"({pattern})"
    if first is None:
        return re.compile(body)
    return re.compile(f"{first}(?<=(?={body})(?s:.))")


def finditer(prefiltered_pattern: re.Pattern[str], text: str, start: int,
             end: int) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text, start, end)` finds, as matches of its prefiltered
    form (the pattern's match is group 1): every overlapping one is skipped."""
    reached = start
    for match in prefiltered_pattern.finditer(text, start, end):
        if match.start(1) >= reached:
            reached = match.end(1)
            yield match
