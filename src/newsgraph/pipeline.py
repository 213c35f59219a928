"""Running the batch function over a stream of inputs, in this process or in N workers.

`extract` and `ingest` (CLI and Python API) both run `Pipeline.run`, so they cannot drift
apart. Lines repeated across the articles of one source (and month) are that source's
boilerplate, so every input is read once first (`learn_lines`: the repeated-line statistics
of all of them, the inputs kept in a temporary file meanwhile); then the articles go through
`batch.process_batch` batch by batch, either here or in a pool of worker processes that each
load the whole pipeline once. The statistics are those `newsgraph run` learns over the same
inputs, so the clean text does not depend on the order of the inputs, on how they are split,
or on which command read them. Results come back in input order whatever the number of
workers.
"""

from __future__ import annotations

import importlib
import json
import multiprocessing
import pickle
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from functools import cache
from itertools import islice
from typing import IO, Any

from spacy.language import Language

from newsgraph import language
from newsgraph.batch import (
    Extraction,
    Failure,
    Limits,
    Outcome,
    build_document,
    line_stats_of,
    process_batch,
)
from newsgraph.clean import CleanSettings, LineStats
from newsgraph.config import DEFAULT_SETTINGS, Settings
from newsgraph.document import Document, RawArticle, ReadError
from newsgraph.sanitise import sanitise_fields
from newsgraph.stages.factories import build_pipeline

__all__ = ["Extraction", "Failure", "Pipeline", "build_document", "clean_chunk"]

Item = RawArticle | ReadError


def clean_chunk(items: Sequence[Item], settings: CleanSettings = DEFAULT_SETTINGS.clean,
                ) -> Iterator[Document | Failure]:
    """Clean inputs, learning each line group's repeated lines from all of them."""
    yield from _cleaned(items, line_stats_of(items), settings)


def _cleaned(items: Iterable[Item], line_stats: LineStats, settings: CleanSettings,
             ) -> Iterator[Document | Failure]:
    for item in items:
        if isinstance(item, ReadError):
            yield Failure(item.source, item.error, item.id)
            continue
        try:
            yield build_document(item, line_stats, settings)
        except ValueError as error:
            yield Failure(item.source, str(error), item.id)


def learn_lines(items: Iterable[Item]) -> tuple[LineStats, Iterator[Item]]:
    """Read every input once: the repeated-line statistics of them all, and the inputs again.

    The inputs wait in an anonymous temporary file (pickled one by one, gone when read back or
    when the process ends), so memory holds the line counts, not the articles; an HTML page is
    read (trafilatura) once. Reading ends before the first article is cleaned: a run starts
    its output after its last input is read.
    """
    spill = tempfile.TemporaryFile()  # noqa: SIM115 (closed by _read_back, or on error)
    spilled = 0

    def kept(item: Item) -> Item:
        nonlocal spilled
        pickle.dump(item, spill, protocol=pickle.HIGHEST_PROTOCOL)
        spilled += 1
        return item

    try:
        line_stats = line_stats_of(map(kept, items))
        spill.seek(0)
    except BaseException:
        spill.close()
        raise
    return line_stats, _read_back(spill, spilled)


def _read_back(spill: IO[bytes], count: int) -> Iterator[Item]:
    with spill:
        for _ in range(count):
            yield pickle.load(spill)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@cache
def _frozen_pipeline(stages: tuple[str, ...], settings: str, imports: tuple[str, ...]) -> Language:
    for module in imports:  # modules that register stage factories of their own
        importlib.import_module(module)
    return build_pipeline(stages, json.loads(settings))


def load_nlp(stages: Sequence[str], settings: Mapping[str, Mapping[str, Any]] | None = None,
             imports: Sequence[str] = ()) -> Language:
    """The pipeline for these stages and settings, built once per process; `imports` names
    modules to import first, whose `@Language.factory` stages can then be used by name (in
    worker processes too, which import them again)."""
    return _frozen_pipeline(tuple(stages), json.dumps(settings or {}, sort_keys=True),
                            tuple(imports))


class Pipeline:
    """The stages and their settings (`newsgraph.config`); `run` takes many inputs. With
    `workers` > 1 each worker process builds the pipeline once and runs whole batches (parse,
    stages, records). Arguments given here override the settings' own."""

    def __init__(
        self,
        stages: Sequence[str] | None = None,
        *,
        settings: Settings = DEFAULT_SETTINGS,
        batch_size: int | None = None,
        workers: int | None = None,
        timeout: float | None = None,
        imports: Sequence[str] | None = None,
    ) -> None:
        settings = settings.with_run(batch_size=batch_size, workers=workers, timeout=timeout)
        self.settings = replace(
            settings,
            stages=tuple(stages) if stages is not None else settings.stages,
            imports=tuple(imports) if imports is not None else settings.imports)
        run = self.settings.run
        self.stages, self.batch_size, self.workers = self.settings.stages, run.batch_size, \
            run.workers
        # One process: the pipeline is loaded now, so its cost is not the first article's.
        self.nlp = _nlp_for(self.settings) if self.workers <= 1 else None
        self._pool: _WorkerPool | None = None

    def __enter__(self) -> Pipeline:
        """Start the worker processes now (each loads the pipeline), and keep them for every
        `run` until the block ends; without this, each `run` starts and stops its own."""
        if self.nlp is None and self._pool is None:
            self._pool = _WorkerPool(self.settings)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def documents(self, items: Iterable[Item]) -> Iterator[Document | Failure]:
        """Clean documents (and failures), in input order, without parsing them."""
        line_stats, admitted = learn_lines(self.admitted(items))
        yield from _cleaned(admitted, line_stats, self.settings.clean)

    def admitted(self, items: Iterable[Item]) -> Iterator[Item]:
        """The inputs, an article past the limits (`Limits.refuse`) turned into its ReadError
        as it arrives: its text is then never held, nor are its lines learned."""
        limits = limits_of(self.settings)
        for item in items:
            refusal = limits.refuse(item.text) if isinstance(item, RawArticle) else None
            yield ReadError(item.source, refusal, item.id) if refusal else item

    def batches(self, items: Iterable[Item]) -> Iterator[tuple[list[Item], LineStats]]:
        """Work units: batches of inputs with the repeated-line statistics of all inputs."""
        line_stats, admitted = learn_lines(self.admitted(items))
        for batch in _chunks(admitted, self.batch_size):
            yield batch, line_stats

    def run(self, items: Iterable[Item]) -> Iterator[Outcome]:
        """Records (and failures) in input order; one spaCy parse per article."""
        if self.nlp is not None:
            for batch, stats in self.batches(items):
                yield from _process(batch, stats, self.nlp, self.settings)
            return
        if self._pool is not None:
            yield from self._pool.run(self.batches(items))
            return
        with _WorkerPool(self.settings) as pool:
            yield from pool.run(self.batches(items))


def _nlp_for(settings: Settings) -> Language:
    """The pipeline of these settings, with every model the batch function reads loaded."""
    language.identifier()
    return load_nlp(settings.stages, {name: settings.components.get(name, {})
                                      for name in settings.stages}, settings.imports)


def _process(batch: list[Item], stats: LineStats | None, nlp: Language,
             settings: Settings) -> list[Outcome]:
    run = settings.run
    return process_batch(batch, nlp, line_stats=stats, batch_size=run.batch_size,
                         timeout=run.timeout, clean_settings=settings.clean,
                         limits=limits_of(settings), kept_words=run.kept_words)


def limits_of(settings: Settings) -> Limits:
    """The per-article limits of config.cfg [run] (refused there when past spaCy's own)."""
    return Limits.of(settings.run)


# -- workers -------------------------------------------------------------------------------

_worker_nlp: Language | None = None
_worker_settings: Settings | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_nlp, _worker_settings
    _worker_nlp, _worker_settings = _nlp_for(settings), settings


def _ready() -> bool:
    return _worker_nlp is not None


def _work(batch: list[Item], stats: LineStats | None) -> list[Outcome]:
    assert _worker_nlp is not None and _worker_settings is not None, "worker not started"
    return _process(batch, stats, _worker_nlp, _worker_settings)


WORKER_DIED = "the worker process died while extracting this article (out of memory, or a crash)"


class _WorkerPool:
    """Worker processes (spawned: nothing of the parent's threads or state comes along), with
    at most two batches per worker in flight so memory stays bounded on endless input. A
    worker that dies takes its batches down with it: those articles are then done one at a time
    in a new pool, so only the one that kills a worker fails."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.executor = self._new_executor()
        try:  # a pipeline that cannot load is one error now, not a failure per article
            self.executor.submit(_ready).result()
        except BrokenProcessPool as error:
            self.executor.shutdown(wait=False, cancel_futures=True)
            raise RuntimeError("the worker processes could not load the pipeline (see the "
                               "error above)") from error

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.settings.run.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(self.settings,))

    def __enter__(self) -> _WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def run(self, batches: Iterable[tuple[list[Item], LineStats]]) -> Iterator[Outcome]:
        pending: deque[tuple[Future, list[Item], LineStats]] = deque()
        limit = 2 * self.settings.run.workers
        for batch, stats in batches:
            pending.append((self.executor.submit(_work, batch, stats), batch, stats))
            while len(pending) >= limit:
                yield from self._collect(pending)
        while pending:
            yield from self._collect(pending)

    def _collect(self, pending: deque[tuple[Future, list[Item], LineStats]]) -> list[Outcome]:
        future, batch, stats = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            waiting = [(batch, stats)] + [(b, s) for _, b, s in pending]
            pending.clear()
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = self._new_executor()
            outcomes = [outcome for item_batch, item_stats in waiting
                        for outcome in self._one_by_one(item_batch, item_stats)]
            return outcomes

    def _one_by_one(self, batch: list[Item], stats: LineStats) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for item in batch:
            try:
                outcomes.extend(self.executor.submit(_work, [item], stats).result())
            except BrokenProcessPool:
                self.executor.shutdown(wait=True, cancel_futures=True)
                self.executor = self._new_executor()
                outcomes.append(sanitise_fields(Failure(item.source, WORKER_DIED, item.id)))
        return outcomes
