"""Text made safe at the door: one U+FFFD for each code point spaCy or SQLite cannot take."""

from __future__ import annotations

import json

from newsgraph.document import RawArticle, ReadError
from newsgraph.sanitise import sanitise, sanitise_fields


def test_lone_surrogates_nul_and_non_characters_become_one_replacement_each():
    text = json.loads('"Kyiv\\ud800 said\\u0000 it \\ufffe\\uffff\\ufdd0 was\\udfff"')
    text += "\U0010ffff"
    safe = sanitise(text)
    assert safe == "Kyiv\ufffd said\ufffd it \ufffd\ufffd\ufffd was\ufffd\ufffd"
    assert len(safe) == len(text)  # every offset into the text still holds
    safe.encode("utf-8")  # would raise on a surrogate


def test_safe_text_is_the_same_object():
    text = "Ukraine’s president — “no” — said 北京 🙂"
    assert sanitise(text) is text


def test_every_string_field_of_an_input_is_sanitised():
    article = RawArticle(source="a\udc80.txt", text="x\ud800", raw="x\ud800", id="i\ud801",
                         title="t\ud802", outlet="o\ud803", url="u\ud804", published="2020\ud805")
    safe = sanitise_fields(article)
    assert (safe.source, safe.text, safe.id, safe.title, safe.outlet, safe.url, safe.published) \
        == ("a\ufffd.txt", "x\ufffd", "i\ufffd", "t\ufffd", "o\ufffd", "u\ufffd", "2020\ufffd")
    error = ReadError("b\udcff", "cannot read")
    assert sanitise_fields(error).source == "b\ufffd"
    assert sanitise_fields(error.__class__("ok", "fine")) == ReadError("ok", "fine")
