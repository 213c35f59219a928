"""Who wrote an article: the page's metadata, or a "By Jane Doe" byline in the text.

The contract's optional `authors` lists each name with its span in the clean text where the
byline stands there, and a null span where only the page's metadata names the author.
"""

from __future__ import annotations

import re
from typing import TypedDict


class Author(TypedDict):
    name: str
    start: int | None
    end: int | None


_BYLINE_LINES = 6
"""A byline stands near the top of an article: under the title, before the body."""
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|da|van|von|der|bin|al|el|le|du)\s+)?[A-Z][\w'’.-]*){1,3}"
_BYLINE = re.compile(
    rf"^\s*[Bb]y:?\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
)
_SEPARATOR = re.compile(r"\s*(?:,|\band\b|&)\s*")
_META_SEPARATOR = re.compile(r"\s*[;|]\s*")
_MAX_NAME_WORDS = 5
NAME_PARTICLES = frozenset(("de", "da", "van", "von", "der", "den", "bin", "al", "el", "le", "du",
                        "la", "del", "di", "y"))
"""Lower-case words inside personal names ("Ursula von der Leyen", "Mohammed bin Salman")."""
_NOT_A_PERSON = frozenset((
    "staff", "editor", "editors", "editorial", "team", "desk", "newsroom", "news", "admin",
    "unknown", "reporter", "reporters", "correspondent", "contributor", "guest", "letters",
))
"""Words of the placeholders pages put in their author field instead of a person."""


def _person_like(name: str, outlet: str | None) -> bool:
    """Two to five capitalised words (particles aside), none a placeholder, not the outlet."""
    words = name.split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS or "/" in name or "@" in name:
        return False
    if outlet and name.casefold() == outlet.casefold():
        return False
    return all((word[0].isupper() and word.casefold() not in _NOT_A_PERSON)
               or word in NAME_PARTICLES for word in words)


def metadata_names(value: object, outlet: str | None = None) -> tuple[str, ...]:
    """The people named by a page's author metadata (trafilatura joins several with "; ");
    what is not a person's name (a URL, the site's name, "Editorial Staff", "Article by") is
    left out."""
    if not isinstance(value, str):
        return ()
    names: list[str] = []
    for part in _META_SEPARATOR.split(value):
        name = " ".join(part.split())
        if _person_like(name, outlet) and name not in names:
            names.append(name)
    return tuple(names)


def byline_names(text: str) -> list[Author]:
    """The names of a "By X", "By X and Y" line among the first lines of the text, with spans."""
    found: list[Author] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if number >= _BYLINE_LINES:
            break
        match = _BYLINE.match(line)
        if match:
            names = match.group("names")
            base = offset + match.start("names")
            position = 0
            for piece in _SEPARATOR.split(names):
                at = names.index(piece, position)
                position = at + len(piece)
                if len(piece.split()) >= 2:
                    found.append({"name": piece, "start": base + at, "end": base + position})
            break
        offset += len(line) + 1
    return found


def find_authors(text: str, given: tuple[str, ...] = ()) -> list[Author]:
    """The article's authors: the byline's names with their spans, then any name the metadata
    gives that the byline lacks (with a span where the text names it in its first lines)."""
    authors = byline_names(text)
    known = {author["name"].casefold() for author in authors}
    head_end = sum(len(line) + 1 for line in text.split("\n")[:_BYLINE_LINES])
    for name in given:
        if name.casefold() in known:
            continue
        known.add(name.casefold())
        at = text.find(name, 0, head_end)
        if at >= 0:
            authors.append({"name": name, "start": at, "end": at + len(name)})
        else:
            authors.append({"name": name, "start": None, "end": None})
    return authors
