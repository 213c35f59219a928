"""Which language an article is written in, so the English stages only read English.

The English model reads any text and always finds something: on a Russian page it finds
hundreds of "entities" ("Что" as a place). py3langid (a maintained fork of langid.py, 97
languages, its model inside the wheel: nothing is fetched at run time) names the language of
the clean text; the record keeps it as an ISO 639-1 code. Text that is plainly English (a
large share of English function words) is named without the model.
"""

from __future__ import annotations

from functools import cache
from typing import Any

ENGLISH = "en"

_SAMPLE_CHARS = 4000
"""Enough text for a confident answer (the start of the body); bounds the time per article."""
_MIN_LETTERS = 20
"""Below this many letters no language is named: a few words fit many languages."""
_MIN_CONFIDENCE = 0.5
"""A weaker answer is no answer (mixed or unusual text)."""
_ENGLISH_RUNNER_UP = 0.15
_SURE_OTHER = 0.9
"""A short English sentence of African or Caribbean names reads to the model as an
English-lexified creole (Nigerian Pidgin) with English close behind; such an answer (English
at least `_ENGLISH_RUNNER_UP`, the winner under `_SURE_OTHER`) names no language, and the
English stages read the text. Pidgin itself ("Wetin dey happen for Lagos today?") is 0.998,
French, German or Spanish sentences have no English among their first three answers."""
_SURE_ENGLISH_WORDS = 40
_SURE_ENGLISH_SHARE = 0.3
"""A sample of at least `_SURE_ENGLISH_WORDS` words of which this share are English function
words (spaCy's English stop words) is English without asking the model, which walks every
byte of the sample in Python (most of the time reading an article takes). English prose has
40-55% of its words among them; the German, Polish, Spanish, Portuguese, Italian and French
pages of dev/html and dev/html-other at most 11%; the few English texts below the bar still go
to the model."""


@cache
def identifier() -> Any:
    """py3langid's model, loaded once per process (a pipeline loads it with spaCy's, so its
    load is not the first article's time)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or the
    answer is not confident."""
    sample = text[:_SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < _MIN_LETTERS:
        return None
    if _english_function_word_share(sample) >= _SURE_ENGLISH_SHARE:
        return ENGLISH
    ranked = identifier().rank(sample)
    language, confidence = ranked[0]
    if confidence < _MIN_CONFIDENCE:
        return None
    if language != ENGLISH and confidence < _SURE_OTHER and dict(ranked).get(
            ENGLISH, 0.0) >= _ENGLISH_RUNNER_UP:
        return None  # "Thousands of Nigerians protested in Lagos": pcm 0.72, en 0.17
    return str(language)


def _english_function_word_share(sample: str) -> float:
    """The share of the sample's words that are English function words (0 below
    `_SURE_ENGLISH_WORDS` words: too few to be sure)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = sample.lower().split()
    if len(words) < _SURE_ENGLISH_WORDS:
        return 0.0
    return sum(1 for word in words if word in STOP_WORDS) / len(words)


def is_english(language: str | None) -> bool:
    """Whether the English stages can read an article: English, or no language named (short
    texts and test inputs are read as before)."""
    return language in (None, ENGLISH)
