"""The one-way flow: sources -> clean documents -> one spaCy parse each -> stages -> records.

`extract` and `ingest` (CLI and Python API) both run `Pipeline.run`, so they cannot drift apart.
Inputs are cleaned in chunks so that lines repeated across the articles of one source in a
chunk can be recognised as that source's boilerplate; parsing is one `nlp.pipe` stream over all
chunks, so worker processes start once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from newsgraph.annotate import AnnotatedDocument, annotate, load_pipeline
from newsgraph.boilerplate import REPEATED
from newsgraph.clean import CleanText, LineStats, clean
from newsgraph.document import Document, Published, RawArticle, ReadError, content_id
from newsgraph.record import Record, build_record, calendar_date, check_spans
from newsgraph.stages import Stage, default_stages, required_components

CHUNK_SIZE = 500
"""Articles cleaned together: the window for spotting lines repeated across one source."""


@dataclass(frozen=True)
class Extraction:
    """One article read, cleaned, annotated and extracted."""

    document: Document
    record: Record


@dataclass(frozen=True)
class Failure:
    """One input that could not be turned into a record, and why."""

    source: str
    error: str
    id: str | None = None


def build_document(article: RawArticle, line_stats: LineStats | None = None) -> Document:
    """Clean a raw article into the `Document` every later stage points into."""
    cleaned = clean(
        article.text, title=article.title, group=article.group, line_stats=line_stats
    )
    if not cleaned.text.strip():
        raise ValueError("no article text left after removing boilerplate")
    published_value = calendar_date(article.published)
    if published_value:
        published = Published(published_value, article.published_how or "given")
    else:
        published = Published(None, "unknown")
    return Document(
        id=str(article.id) if article.id not in (None, "") else _content_id(article, cleaned),
        source=article.source,
        raw=article.raw,
        source_text=article.text,
        text=cleaned.text,
        offsets=cleaned.offsets,
        title=article.title or cleaned.title,
        outlet=article.outlet or cleaned.outlet,
        published=published,
        url=article.url,
        format=article.format,
        removed=list(cleaned.removed),
        title_span=cleaned.title_span,
    )


def _content_id(article: RawArticle, cleaned: CleanText) -> str:
    """The id of an article without one: a hash of the clean text it has on its own.

    Lines removed only because other articles of the batch repeat them depend on what else
    was read with it; the id must not, or the same article would be stored twice.
    """
    if any(passage.reason == REPEATED for passage in cleaned.removed):
        return content_id(clean(article.text, title=article.title, group=article.group).text)
    return content_id(cleaned.text)


def clean_chunk(items: Sequence[RawArticle | ReadError]) -> Iterator[Document | Failure]:
    """Clean a chunk of inputs, learning each source group's repeated lines from the chunk."""
    line_stats = LineStats()
    for item in items:
        if isinstance(item, RawArticle):
            line_stats.add(item.group, item.text)
    for item in items:
        if isinstance(item, ReadError):
            yield Failure(item.source, item.error, item.id)
            continue
        try:
            yield build_document(item, line_stats)
        except ValueError as error:
            yield Failure(item.source, str(error), item.id)


def _chunks(items: Iterable[RawArticle | ReadError], size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Pipeline:
    """The stages and the spaCy pipeline they need, loaded once; `run` takes many inputs."""

    def __init__(
        self,
        stages: Sequence[Stage] | None = None,
        *,
        batch_size: int = 32,
        workers: int = 1,
        chunk_size: int = CHUNK_SIZE,
    ) -> None:
        self.stages = tuple(default_stages() if stages is None else stages)
        self.components = required_components(self.stages)
        self.nlp = load_pipeline(self.components)
        self.batch_size = batch_size
        self.workers = workers
        self.chunk_size = chunk_size

    def documents(self, items: Iterable[RawArticle | ReadError]) -> Iterator[Document | Failure]:
        """Clean documents (and failures), in input order."""
        for chunk in _chunks(items, self.chunk_size):
            yield from clean_chunk(chunk)

    def run(self, items: Iterable[RawArticle | ReadError]) -> Iterator[Extraction | Failure]:
        """Records (and failures) in input order; one spaCy parse per article."""
        failures: dict[int, Failure] = {}
        position = 0

        def parseable() -> Iterator[Document]:
            # Failures skip the parser; they are re-inserted in input order below.
            nonlocal position
            for item in self.documents(items):
                if isinstance(item, Failure):
                    failures[position] = item
                else:
                    yield item
                position += 1

        emitted = 0
        for annotated in annotate(
            parseable(), self.nlp, batch_size=self.batch_size, workers=self.workers
        ):
            while emitted in failures:
                yield failures.pop(emitted)
                emitted += 1
            yield self.extract_annotated(annotated)
            emitted += 1
        for index in sorted(failures):
            yield failures.pop(index)

    def extract_annotated(self, annotated: AnnotatedDocument) -> Extraction | Failure:
        """Run every stage on one annotated document; a stage error fails only this article."""
        document = annotated.document
        results: dict[str, list] = {}
        try:
            for stage in self.stages:
                results[stage.field] = stage(annotated, results)
            record = build_record(document, results)
            check_spans(record)
        except Exception as error:  # a bug in one stage must not stop the batch
            return Failure(document.source, f"extraction failed: {error!r}", document.id)
        return Extraction(document, record)
