"""Text made safe at the door: every string an input gives (text, title, id, outlet, url,
published, the names of its sources) is cleared of code points that break what comes after.

A lone surrogate ("\\ud800" in a JSON string, an undecodable byte in a file name) cannot be
encoded as UTF-8, so spaCy's string store and SQLite refuse it and used to stop a whole batch;
a NUL cuts C strings short; non-characters (U+FFFE, U+FDD0 ...) are "not for interchange".
Each is replaced by U+FFFD, one code point for one, so every offset into the text still
holds and the reader sees where something was.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import TypeVar

REPLACEMENT = "\ufffd"

UNSAFE = re.compile(
    "[\x00\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
"""NUL, the surrogates (in a Python str they can only stand alone) and the non-characters."""


def sanitise(text: str) -> str:
    """`text` with every unsafe code point replaced by U+FFFD (the same length)."""
    return UNSAFE.sub(REPLACEMENT, text) if UNSAFE.search(text) else text


T = TypeVar("T")


def sanitise_fields(item: T) -> T:
    """A dataclass (RawArticle, ReadError, Failure) with every string field sanitised; the
    same object when nothing needed it."""
    changed = {}
    for item_field in fields(item):  # type: ignore[arg-type]
        value = getattr(item, item_field.name)
        if isinstance(value, str) and UNSAFE.search(value):
            changed[item_field.name] = UNSAFE.sub(REPLACEMENT, value)
    return replace(item, **changed) if changed else item  # type: ignore[type-var]
