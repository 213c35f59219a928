"""What the events stage is still handed: a clean document with its parsed Doc.

Every other stage reads the Doc alone (see `newsgraph.doc`); this goes once the events stage
does too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc


@dataclass
class AnnotatedDocument:
    """A clean document with its spaCy parse: what the events stage receives."""

    document: Any
    doc: Doc

    @property
    def text(self) -> str:
        return self.document.text
