"""Stages for the pipeline tests, registered as spaCy factories: a spy, one that fails on one
article, one that hangs on one, one that kills its worker process on one. Importable by name
(`Pipeline(imports=["tests.stage_doubles"])`), so worker processes register them too."""

from __future__ import annotations

import os
import time

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.doc import entity_spans

SEEN: list[tuple[str, list[str]]] = []
"""(text, entity mention texts) of every Doc the spy saw, in this process."""


@Language.factory("newsgraph_spy", requires=["doc._.entity_table"], assigns=[],
                  default_config={})
def make_spy(nlp: Language, name: str):
    def spy(doc: Doc) -> Doc:
        SEEN.append((doc.text, [span.text for span in entity_spans(doc)]))
        return doc

    return spy


def _when(word: str, act):
    def component(doc: Doc) -> Doc:
        if word in doc.text:
            act()
        return doc

    return component


def _boom() -> None:
    raise RuntimeError("boom")


@Language.factory("newsgraph_broken", default_config={"word": "Luhansk"})
def make_broken(nlp: Language, name: str, word: str):
    return _when(word, _boom)


@Language.factory("newsgraph_hang", default_config={"word": "Luhansk", "seconds": 30.0})
def make_hang(nlp: Language, name: str, word: str, seconds: float):
    return _when(word, lambda: time.sleep(seconds))


@Language.factory("newsgraph_crash", default_config={"word": "Luhansk"})
def make_crash(nlp: Language, name: str, word: str):
    return _when(word, lambda: os._exit(3))
