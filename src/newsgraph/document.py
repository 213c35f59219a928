"""The data that flows between stages: raw articles, clean documents and their offset maps.

Each stage receives one of these and returns a new value; none reaches into another stage's
internals. Offsets are Python string indices (end exclusive) throughout.
"""

from __future__ import annotations

import hashlib
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

PublishedHow = Literal["given", "metadata", "inferred", "unknown"]


@dataclass(frozen=True)
class RawArticle:
    """One article as read from its source, before any cleaning.

    `text` is the decoded text the cleaner works on: the file's text for `.txt`, the article
    body trafilatura extracted for HTML. `raw` is the input as read (the HTML itself for HTML,
    otherwise the same as `text`), kept so a user can always go back to what came in.
    """

    source: str
    text: str
    raw: str
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_how: PublishedHow | None = None
    url: str | None = None
    format: str = "txt"
    group: str = ""
    """Articles of one group (outlet, site or folder) share boilerplate lines."""
    authors: tuple[str, ...] = ()
    """Author names from the page's metadata (HTML); a byline in the text is found later."""


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: reported, and the rest of the batch goes on."""

    source: str
    error: str
    id: str | None = None


class OffsetMap:
    """Maps every offset of a clean text back to the text it was cleaned from.

    Stored as runs: `(clean_start, source_start)` pairs, each run mapping character by
    character until the next one starts. Collapsed white space and removed passages start
    a new run, so a map stays small (a few runs per paragraph).
    """

    __slots__ = ("_clean", "_source", "source_length")

    def __init__(self, runs: list[tuple[int, int]], source_length: int) -> None:
        self._clean = [clean for clean, _ in runs]
        self._source = [source for _, source in runs]
        self.source_length = source_length

    @property
    def runs(self) -> list[tuple[int, int]]:
        return list(zip(self._clean, self._source, strict=True))

    def to_source(self, offset: int) -> int:
        """The source offset of the clean character at `offset` (or of the end, for len)."""
        if not self._clean:
            return 0
        index = bisect_right(self._clean, offset) - 1
        if index < 0:
            return self._source[0]
        return min(self._source[index] + offset - self._clean[index], self.source_length)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span holding the clean span `[start, end)`."""
        if end <= start:
            point = self.to_source(start)
            return point, point
        return self.to_source(start), self.to_source(end - 1) + 1

    def to_json(self) -> dict[str, Any]:
        return {"runs": self.runs, "source_length": self.source_length}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OffsetMap:
        return cls([(int(c), int(s)) for c, s in data["runs"]], int(data["source_length"]))


@dataclass(frozen=True)
class RemovedPassage:
    """A passage the cleaner dropped, as a span of the article's source text, with the reason."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Published:
    value: str | None
    how: PublishedHow
    evidence: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "how": self.how, "evidence": list(self.evidence)}


@dataclass
class Document:
    """A clean article: the unit every extractor sees and every record points into."""

    id: str
    source: str
    raw: str
    source_text: str
    text: str
    offsets: OffsetMap
    title: str | None
    outlet: str | None
    published: Published
    url: str | None = None
    format: str = "txt"
    removed: list[RemovedPassage] = field(default_factory=list)
    title_span: tuple[int, int] | None = None
    """Where the title stands in `text`, when the text begins with it."""
    language: str | None = None
    """ISO 639-1 code detected on `text` (None: too short to tell)."""
    authors: list[dict[str, Any]] = field(default_factory=list)
    """The contract's `authors`: name, and its span in `text` when the byline is there."""

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `source_text` that the clean span `[start, end)` came from."""
        return self.offsets.span_to_source(start, end)


def content_id(clean_text: str) -> str:
    """A stable id for an article without one: a hash of its normalised clean text.

    Normalised = NFKC, case-folded, white space collapsed, so the same article read from a
    `.txt` file or from HTML with other spacing gets the same id.
    """
    normal = " ".join(unicodedata.normalize("NFKC", clean_text).casefold().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
