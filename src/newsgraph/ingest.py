"""A run over many inputs, every one of them accounted for: what `ingest` and `extract` do
between listing the inputs and printing the summary.

Each input ends as exactly one of: stored / updated / unchanged (ingest) or written (extract),
failed (with its reason; a failure row in the store), skipped on purpose (counted by reason: a
file the folder walk passes over, a WARC record that is not an article, a second article with
an id already seen in this run, the first kept). Warnings name what of a kept article's input
was dropped (a `published` that is not a date). A store that stays locked past its wait, or a
full disk, stops the run with the summary of what was done.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.batch import Extraction, Failure, Outcome
from newsgraph.config import Settings
from newsgraph.errors import StoreError
from newsgraph.pipeline import Pipeline
from newsgraph.sources import Input, Skipped, read_inputs

if TYPE_CHECKING:
    from newsgraph.store import Store

DUPLICATE = "duplicate id (the first kept)"


@dataclass
class Summary:
    """What a run did with every input."""

    outcomes: Counter[str] = field(default_factory=Counter)
    """stored, updated, unchanged, failed (ingest); extracted, failed (extract)."""
    failures: list[Failure] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """(source, what was dropped) of articles that were kept."""
    skipped: Skipped = field(default_factory=Skipped)
    duplicates: dict[str, list[str]] = field(default_factory=dict)
    """id -> the sources of the articles skipped for it (the first source first)."""
    stopped: str | None = None
    """Why the run ended before its inputs did (a store locked too long, a full disk)."""

    @property
    def read(self) -> int:
        return sum(self.outcomes.values())

    def ingest_line(self, db: str) -> str:
        """The summary line, always with the same words."""
        counts = self.outcomes
        return (f"read {self.read}, stored {counts['stored']}, updated {counts['updated']}, "
                f"unchanged {counts['unchanged']}, failed {counts['failed']} -> {db}")

    def notes(self) -> list[str]:
        """The lines after the summary: what was skipped, duplicates, warnings."""
        lines = [self.skipped.summary()] if self.skipped else []
        for doc_id, sources in self.duplicates.items():
            kept, *rest = sources
            lines.append(f"duplicate id {doc_id!r}: kept {kept}, skipped {', '.join(rest)}")
        lines.extend(f"warning {source}: {message}" for source, message in self.warnings)
        return lines

    @property
    def empty(self) -> bool:
        """Nothing was read: no article and no failure (only skipped inputs, or none)."""
        return self.read == 0 and not self.duplicates


def outcomes(inputs: Iterable[Input], settings: Settings, summary: Summary,
             encoding: str | None = None) -> Iterator[Outcome]:
    """The pipeline's outcomes for listed inputs, in input order, each article id once (the
    first kept; the others counted in `summary`), warnings and skipped inputs noted there.
    `encoding` (`--encoding`) decodes every input instead of detection."""
    pipeline = Pipeline(settings=settings)
    items = read_inputs(inputs, max_bytes=settings.run.max_bytes, encoding=encoding,
                        skipped=summary.skipped)
    seen: dict[str, str] = {}
    for result in pipeline.run(items):
        if isinstance(result, Extraction):
            doc_id, source = result.document.id, result.document.source
            if doc_id in seen:
                summary.duplicates.setdefault(doc_id, [seen[doc_id]]).append(source)
                summary.skipped[DUPLICATE] += 1
                continue
            seen[doc_id] = source
            summary.warnings.extend((source, warning) for warning in result.warnings)
        yield result


def ingest(inputs: Iterable[Input], store: Store, settings: Settings,
           summary: Summary | None = None, *, encoding: str | None = None,
           advance: Callable[[str], None] = lambda source: None) -> Summary:
    """Read, extract and store every input; every failure is a row of `ingest_failures` (as
    the store's `record_failure` writes it). A `StoreError` while writing (the lock held past
    the wait, a full disk) stops the run: `summary.stopped` says why."""
    summary = summary if summary is not None else Summary()
    try:
        for result in outcomes(inputs, settings, summary, encoding):
            if isinstance(result, Failure):
                _fail(store, summary, result)
            else:
                try:
                    summary.outcomes[store.put(result.document, result.record)] += 1
                except StoreError:
                    raise
                except Exception as error:  # this article's rows, not the run
                    reason = str(error) if isinstance(error, ValueError) else repr(error)
                    _fail(store, summary, Failure(result.document.source,
                                                  f"cannot store: {reason}", result.document.id))
            advance(result.source if isinstance(result, Failure) else result.document.source)
    except StoreError as error:
        summary.stopped = str(error)
    return summary


def _fail(store: Store, summary: Summary, failure: Failure) -> None:
    summary.failures.append(failure)
    summary.outcomes["failed"] += 1
    store.record_failure(failure.source, failure.error)
