"""Documents and Docs for stage tests: a stage is a spaCy component, tested on a parsed Doc
carrying what it reads (set by hand here, or written by the stages before it)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsgraph.batch import article_doc
from newsgraph.document import Document, OffsetMap, Published
from newsgraph.pipeline import load_nlp
from newsgraph.stages.factories import STAGES


def make_document(text: str, doc_id: str = "d1", published: str | None = None,
                  title_span: tuple[int, int] | None = None) -> Document:
    return Document(id=doc_id, source="test", raw=text, source_text=text, text=text,
                    offsets=OffsetMap([(0, 0)], len(text)), title=None, outlet=None,
                    published=Published(published, "given" if published else "unknown"),
                    title_span=title_span)


def run_stages(text: str, stages: Sequence[str] = STAGES, *, published: str | None = None,
               title_span: tuple[int, int] | None = None) -> Doc:
    """The Doc of `text` after spaCy and the given stages (in the order given)."""
    nlp = load_nlp(tuple(stages), None)
    return nlp(article_doc(nlp, make_document(text, published=published,
                                              title_span=title_span)))


def parsed(text: str, published: str | None = None) -> Doc:
    """`text` parsed by spaCy alone, with its input set: for calling one stage by hand."""
    return run_stages(text, (), published=published)


def parsed_document(document: Document) -> Doc:
    """A document parsed by spaCy alone, with its input set and `doc._.published` as the input
    gave it (what a stage after an absent published stage would read)."""
    nlp = load_nlp((), None)
    doc = nlp(article_doc(nlp, document))
    doc._.published = document.published.to_json()
    return doc
