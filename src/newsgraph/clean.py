"""Plain article text -> clean text with an offset map, title, outlet and removed boilerplate.

Every later stage points into the clean text, and every such offset must lead back to the
article as it came in; so the cleaner only ever drops characters or turns white space into a
single space or a paragraph break, and records where each kept run of characters came from.
Each non-empty line is a paragraph unit (news text files put one paragraph per line); which
lines are boilerplate is decided in `newsgraph.boilerplate`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsgraph.boilerplate import (
    DEFAULT_SETTINGS,
    LINE_BREAK,
    CleanSettings,
    LineStats,
    classify,
    line_key,
)
from newsgraph.document import OffsetMap, RemovedPassage

__all__ = ["CleanSettings", "CleanText", "LineStats", "clean"]

_IGNORABLE = "\u00ad\u200b-\u200d\u2060\ufeff"  # soft hyphen and zero-width characters
_SPACE_CHARS = "\t\x0b\x0c\u00a0\u1680\u202f\u205f\u3000" + "".join(
    map(chr, range(0x2000, 0x200B))
)
# Every space-like character becomes a plain space, one for one, so offsets do not move;
# only runs of spaces and zero-width characters then need a new offset run.
_SPACE_LIKE = re.compile(f"[{_SPACE_CHARS}]")
_STRIPPED = " \u00ad\u200b\u200c\u200d\u2060\ufeff"  # once space-like characters are spaces
_COLLAPSE = re.compile(f"[ {_IGNORABLE}]{{2,}}|[{_IGNORABLE}]")
_HAS_IGNORABLE = re.compile(f"[{_IGNORABLE}]")

# A period then a capital inside a line: two sentences, so not a headline ("U.S. Envoy" and
# "Mr. Smith" are abbreviations, not sentence ends).
_INNER_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!Mr)(?<!Ms)(?<!Dr)(?<!St)(?<!Mrs)\.\s+[A-Z]")

# Outlet names as a site's own boilerplate states them. A name: capitalised words, "The" first.
_NAME = r"((?:The )?[A-Z][\w’'&/-]*(?: (?:of |and |& |de |du |the )?[A-Z][\w’'&/-]*){0,5})"
_OUTLET_PATTERNS = tuple(
    (keywords, re.compile(pattern))
    for keywords, pattern in (
        (("upport",), rf"\b[Ss]upport {_NAME}"),
        (("journalists",), rf"\bjournalists (?:of|at|from) {_NAME}"),
        (("independent", "profit", "reader", "award"),
         rf"{_NAME},? (?:is )?an? (?:independent|nonprofit|non-profit|reader-funded"
         rf"|reader-supported|award-winning) (?:news|media|journalism|newsroom|outlet"
         rf"|publication|newspaper)"),
        (("©",), rf"©\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{2,4}})?,?\s+)?(?:by\s+)?{_NAME}"),
        (("opyright",),
         rf"\b[Cc]opyright\s+(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{2,4}})?,?\s+)?(?:by\s+)?{_NAME}"),
        (("ubscribe",), rf"\b[Ss]ubscribe to {_NAME}"),
        (("onate", "ontribute"), rf"\b(?:[Dd]onate|[Cc]ontribute) to {_NAME}"),
    )
)
_GENERIC_NAME_WORDS = frozenset((
    "the", "us", "our", "your", "independent", "journalism", "journalists", "news", "media",
    "local", "quality", "free", "press", "agencies", "agency", "all", "rights", "reserved",
    "here", "now", "today", "this", "site", "website", "newsletter", "reporting", "support",
    "subscribe", "copyright",
))


@dataclass
class CleanText:
    """The cleaner's answer: the text every stage sees, and how it relates to the input."""

    text: str
    offsets: OffsetMap
    title: str | None = None
    title_span: tuple[int, int] | None = None
    outlet: str | None = None
    removed: list[RemovedPassage] = field(default_factory=list)


@dataclass
class _Line:
    """One non-empty input line, white space normalised, with where each piece came from."""

    text: str
    runs: list[tuple[int, int]]  # (offset in text, source offset) where a new run begins
    start: int  # source span of the stripped line
    end: int
    line_start: int  # source offset where the line begins (after the previous break)
    break_at: int  # source offset of the line break after it (len(source) for the last)
    blank_before: bool  # a blank line separates it from the previous non-empty line


def _lines(source: str) -> list[_Line]:
    spaced = source
    for char in set(_SPACE_LIKE.findall(source)):  # str.replace is far faster than translate
        spaced = spaced.replace(char, " ")
    lines: list[_Line] = []
    position = 0
    blank = False
    spans = [match.span() for match in LINE_BREAK.finditer(source)]
    for break_at, next_start in [*spans, (len(source), len(source))]:
        line = _normalise_line(spaced, position, break_at)
        if line is None:
            blank = True
        else:
            line.blank_before = blank and bool(lines)
            lines.append(line)
            blank = False
        position = next_start
    return lines


def _normalise_line(spaced: str, line_start: int, line_end: int) -> _Line | None:
    """The stripped, space-normalised line, or None when nothing but white space is in it.

    `spaced` is the source with every space-like character already a plain space.
    """
    start, end = line_start, line_end
    while start < end and spaced[start] in _STRIPPED:
        start += 1
    while end > start and spaced[end - 1] in _STRIPPED:
        end -= 1
    if start == end:
        return None
    text = spaced[start:end]
    if "  " not in text and not _HAS_IGNORABLE.search(text):
        return _Line(text, [(0, start)], start, end, line_start, line_end, False)
    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    length = 0
    position = 0
    for match in _COLLAPSE.finditer(text):
        if match.start() > position:
            runs.append((length, start + position))
            pieces.append(text[position:match.start()])
            length += match.start() - position
        space = match.group().find(" ")
        if space >= 0:  # white space (perhaps with zero-width characters) -> one space
            runs.append((length, start + match.start() + space))
            pieces.append(" ")
            length += 1
        position = match.end()
    if position < len(text):
        runs.append((length, start + position))
        pieces.append(text[position:])
    return _Line("".join(pieces), runs, start, end, line_start, line_end, False)


def _same_title(line: str, title: str) -> bool:
    return line_key(line) == line_key(title)


def _is_title_like(text: str, settings: CleanSettings) -> bool:
    """Short, and ending without a period (a final ? ! or quotation mark is allowed)."""
    stripped = text.rstrip("\"'”’»)] ")
    if not stripped or stripped[-1] in ".,;:…" or stripped.endswith("..."):
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘«"):
        return False
    return (len(text) <= settings.title_max_chars
            and len(text.split()) <= settings.title_max_words
            and not _INNER_SENTENCE_END.search(text))


def outlet_from(passages: Iterable[str]) -> str | None:
    """The outlet name a site's own boilerplate uses most often ("Support The Moscow Times!")."""
    names: Counter[str] = Counter()
    for passage in passages:
        for keywords, pattern in _OUTLET_PATTERNS:
            if not any(keyword in passage for keyword in keywords):
                continue
            for match in pattern.finditer(passage):
                name = re.sub(r"['’]s$", "", match.group(1).strip(" -/&"))
                words = name.lower().split()
                if words and not all(word in _GENERIC_NAME_WORDS for word in words):
                    names[name] += 1
    return names.most_common(1)[0][0] if names else None


def clean(
    text: str,
    *,
    title: str | None = None,
    group: str = "",
    line_stats: LineStats | None = None,
    settings: CleanSettings = DEFAULT_SETTINGS,
) -> CleanText:
    """Normalise white space, drop boilerplate lines, find the title and the outlet's name.

    `title`, when given, wins over detection; `line_stats` (the lines of other articles of
    `group`, a `boilerplate.line_group`: one source's articles of a month) lets lines the
    source repeats in many articles count as its boilerplate.
    """
    if title is not None and not title.strip():
        title = None
    lines = _lines(text)
    repeated = None
    if line_stats is not None:
        repeated = [line_stats.is_repeated(group, line.text) for line in lines]
    reasons = classify([line.text for line in lines], repeated, settings)

    title_index = None
    first_kept = next((i for i, reason in enumerate(reasons) if reason is None), None)
    if title is not None:
        # the given title stands at the top unless removed lines only precede it
        for index, reason in enumerate(reasons):
            if _same_title(lines[index].text, title):
                title_index = index
                reasons[index] = None
                break
            if reason is None:
                break
    elif first_kept is not None and _is_title_like(lines[first_kept].text, settings) and any(
        reason is None for reason in reasons[first_kept + 1:]
    ):
        title_index = first_kept
        title = lines[first_kept].text

    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    removed: list[RemovedPassage] = []
    removed_lines: list[str] = []
    length = 0
    previous: _Line | None = None
    title_line = lines[title_index] if title_index is not None else None
    apart = False  # a blank or removed line since the previous kept line
    for line, reason in zip(lines, reasons, strict=True):
        apart = apart or line.blank_before
        if reason is not None:
            removed.append(RemovedPassage(line.start, line.end, text[line.start:line.end], reason))
            removed_lines.append(line.text)
            apart = True
            continue
        if previous is not None:
            # a separator maps to the line breaks around it; the title is its own paragraph
            runs.append((length, previous.break_at))
            if apart or previous is title_line:
                runs.append((length + 1, line.line_start - 1))
                pieces.append("\n\n")
                length += 2
            else:
                pieces.append("\n")
                length += 1
        runs.extend((length + offset, source) for offset, source in line.runs)
        pieces.append(line.text)
        length += len(line.text)
        previous = line
        apart = False

    title_span = (0, len(title_line.text)) if title_line is not None else None
    return CleanText(
        text="".join(pieces),
        offsets=OffsetMap(_merge_runs(runs), len(text)),
        title=title,
        title_span=title_span,
        outlet=outlet_from(removed_lines),
        removed=removed,
    )


def _merge_runs(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop runs that only continue the previous one character for character."""
    merged: list[tuple[int, int]] = []
    for clean_start, source_start in runs:
        if merged:
            last_clean, last_source = merged[-1]
            if clean_start - last_clean == source_start - last_source:
                continue
        merged.append((clean_start, source_start))
    return merged
