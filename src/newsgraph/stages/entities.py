"""Entities straight from spaCy's NER, grouped by name and type within the article.

Numeric and temporal labels (DATE, CARDINAL, MONEY ...) are not entities: times have their
own stage. Ids are derived from type and normalised name, so the same name of the same type
gets the same id in every article; resolving spellings across articles is a later stage's job.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from spacy.tokens import Span

from newsgraph.annotate import AnnotatedDocument
from newsgraph.stages import Results

ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
     "LANGUAGE"}
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"['’]s?$")


def canonical_name(text: str) -> str:
    """The name an entity is filed under: quotes folded, white space collapsed, no article."""
    name = " ".join(text.translate(_APOSTROPHES).split())
    name = _LEADING_ARTICLE.sub("", name)
    return _TRAILING_POSSESSIVE.sub("", name).strip(" .,;:!?\"'()[]")


def entity_id(label: str, name: str) -> str:
    """A readable, stable id: `gpe:donetsk`, `person:denis-pushilin`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not slug:  # a name in a non-Latin script: keep it, lower-cased
        slug = re.sub(r"\s+", "-", name.lower())
    return f"{label.lower()}:{slug}"


def _trimmed(span: Span) -> tuple[int, int] | None:
    """Character span of an entity without a leading article or edge punctuation."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in ("'s", "’s")):
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


class EntityStage:
    """spaCy's named entities, one record per (type, name) with all its mentions."""

    field = "entities"
    requires = frozenset({"ner"})

    def __call__(self, annotated: AnnotatedDocument, results: Results) -> list[dict[str, Any]]:
        text = annotated.text
        entities: dict[str, dict[str, Any]] = {}
        for span in annotated.doc.ents:
            if span.label_ not in ENTITY_LABELS:
                continue
            trimmed = _trimmed(span)
            if trimmed is None:
                continue
            start, end = trimmed
            name = canonical_name(text[start:end])
            if not name:
                continue
            key = entity_id(span.label_, name)
            entity = entities.setdefault(
                key,
                {"id": key, "name": name, "type": span.label_, "mentions": [],
                 "geonames": None, "lat": None, "lon": None, "country": None},
            )
            entity["mentions"].append({"start": start, "end": end, "text": text[start:end]})
        return list(entities.values())
