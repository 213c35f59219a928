"""`newsgraph run`: inputs in, Parquet parts out, on the local engine or on Ray.

The run reads every input named (so the repeated-line statistics are those of the whole set of
inputs, whatever their order: learned first, then handed to every batch), skips the inputs
whose content hash a committed part of `--out` already holds, extracts the rest with
`batch.process_batch` and writes their rows in parts of `[scale] part_size` inputs. Only the
batch function runs on an engine; everything before and after it is here, so the two engines
write the same rows.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.language import Language

from newsgraph.batch import Failure, line_stats_of, process_batch
from newsgraph.clean import LineStats
from newsgraph.config import Settings
from newsgraph.document import RawArticle, ReadError
from newsgraph.scale.tables import (
    FAILURES,
    InputRows,
    RunFolder,
    document_rows,
    input_hash,
    input_order,
    month_of,
)
from newsgraph.sources import input_files, read_inputs
from newsgraph.store.rows import _Rows

Item = RawArticle | ReadError
Engine = Literal["local", "ray"]
Keyed = tuple[str, Item]
"""An input with its content hash."""


@dataclass
class RunSummary:
    """What a run did: inputs read, already in the folder, extracted, failed; parts written;
    seconds spent extracting (after the engine started)."""

    read: int = 0
    seen: int = 0
    extracted: int = 0
    failed: int = 0
    parts: int = 0
    seconds: float = 0.0

    def line(self, out: str) -> str:
        return (f"read {self.read}, already in {out} {self.seen}, extracted {self.extracted}, "
                f"failed {self.failed}; {self.parts} parts written -> {out}")


def extract_rows(keyed: Sequence[Keyed], nlp: Language, line_stats: LineStats | None,
                 settings: Settings) -> list[InputRows]:
    """The batch function over a batch of inputs, each turned into its rows. An article that
    fails is tried once more on its own (`[scale] ray_retries` times), then kept as a failure;
    a record the store would refuse is a failure too, as in `ingest`."""
    items = [item for _, item in keyed]
    outcomes = _process(items, nlp, line_stats, settings)
    for position, (item, outcome) in enumerate(zip(items, outcomes, strict=True)):
        for _ in range(settings.scale.ray_retries):
            if not (isinstance(outcome, Failure) and isinstance(item, RawArticle)):
                break
            [outcome] = _process([item], nlp, line_stats, settings)
            outcomes[position] = outcome
    return [_input_rows(item_hash, item, outcome, settings.digest)
            for (item_hash, item), outcome in zip(keyed, outcomes, strict=True)]


def _process(items: list[Item], nlp: Language, line_stats: LineStats | None,
             settings: Settings) -> list:
    return process_batch(items, nlp, line_stats=line_stats, batch_size=settings.run.batch_size,
                         timeout=settings.run.timeout, clean_settings=settings.clean)


def _input_rows(item_hash: str, item: Item, outcome: object, digest: str) -> InputRows:
    if not isinstance(outcome, Failure):
        try:
            rows = _Rows.build(outcome.document, outcome.record, digest)  # type: ignore[attr-defined]
        except ValueError as error:
            outcome = Failure(item.source, str(error), outcome.document.id)  # type: ignore[attr-defined]
        else:
            month = month_of(rows.document["published"])
            return InputRows(item_hash, item.source, month, rows.doc_id, False,
                             document_rows(rows, item_hash, input_order(item.source)))
    assert isinstance(outcome, Failure)
    failure = {"source": outcome.source, "error": outcome.error, "doc_id": outcome.id,
               "input_hash": item_hash, "input_order": input_order(item.source)}
    month = month_of(getattr(item, "published", None))
    return InputRows(item_hash, item.source, month, outcome.id, True, {FAILURES: [failure]})


def failed_rows(item_hash: str, item: Item, reason: str) -> InputRows:
    """The rows of an input that failed outside the batch function (its Ray actor died)."""
    return _input_rows(item_hash, item, Failure(item.source, reason, item.id), "")


def read_keyed(paths: Iterable[str], settings: Settings,
               encoding: str | None = None) -> tuple[list[Keyed], LineStats]:
    """Every input with its content hash (each distinct input once), and the repeated-line
    statistics of all of them; `encoding` decodes every input instead of detecting one."""
    items = list(read_inputs(input_files(paths), max_bytes=settings.run.max_bytes,
                             encoding=encoding))
    keyed: dict[str, Item] = {}
    for item in items:
        keyed.setdefault(input_hash(item), item)
    return list(keyed.items()), line_stats_of(items)


def run(paths: Iterable[str], out: str, *, settings: Settings, engine: Engine = "local",
        address: str | None = None, workers: int | None = None,
        progress: Callable[[str], None] | None = None,
        encoding: str | None = None) -> RunSummary:
    """Extract the inputs `out` does not hold yet and write their rows there (see the module)."""
    folder = RunFolder(out)
    folder.open_for(settings)
    keyed, line_stats = read_keyed(paths, settings, encoding)
    seen = folder.seen()
    todo = [(item_hash, item) for item_hash, item in keyed if item_hash not in seen]
    summary = RunSummary(read=len(keyed), seen=len(keyed) - len(todo))
    say = progress or (lambda message: None)
    if not todo:
        return summary
    say(f"run: {len(todo)} new inputs of {len(keyed)} ({engine} engine)")
    if engine == "ray":
        from newsgraph.scale.ray import ray_rows

        results = ray_rows(todo, line_stats, settings, address=address, workers=workers,
                           on_start=lambda: _started(summary))
    else:
        results = _local_rows(todo, line_stats, settings, on_start=lambda: _started(summary))
    part: list[InputRows] = []
    for rows in results:
        part.append(rows)
        summary.failed += rows.failed
        summary.extracted += not rows.failed
        if len(part) >= settings.scale.part_size:
            _write(folder, part, summary, len(todo), say)
            part = []
    if part:
        _write(folder, part, summary, len(todo), say)
    summary.seconds = time.perf_counter() - summary.seconds
    return summary


def _started(summary: RunSummary) -> None:
    summary.seconds = time.perf_counter()


def _write(folder: RunFolder, part: list[InputRows], summary: RunSummary, total: int,
           say: Callable[[str], None]) -> None:
    folder.write_part(part)
    summary.parts += 1
    done = summary.extracted + summary.failed
    say(f"run: {done}/{total} inputs ({100 * done // total}%), {summary.failed} failed, "
        f"{summary.parts} parts")


def _local_rows(todo: list[Keyed], line_stats: LineStats, settings: Settings,
                on_start: Callable[[], None]) -> Iterator[InputRows]:
    from newsgraph.pipeline import _nlp_for

    nlp = _nlp_for(settings)
    on_start()
    size = settings.run.batch_size
    for start in range(0, len(todo), size):
        yield from extract_rows(todo[start:start + size], nlp, line_stats, settings)


def stderr_progress(message: str) -> None:
    """Progress lines on standard error (results stay on standard output)."""
    print(message, file=sys.stderr, flush=True)
