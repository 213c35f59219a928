"""The Ray Data engine: the batch function in a callable class that `map_batches` runs as a
pool of actors, each loading the spaCy pipeline (and the gazetteers) once.

Ray is an optional extra (`pip install newsgraph[ray]`). The driver reads the inputs and
writes the parts (`runner.run`); Ray streams the batches through the actors with its
backpressure. Each actor reserves `[scale] ray_num_cpus` (below one CPU, so Ray's own read and
collect tasks always find room), a crashed actor is restarted and its batch retried
`[scale] ray_retries` times (Ray Data's own default retries forever), and an article that
fails inside the batch function is retried once on its own by `runner.extract_rows` before it
is kept as a failure. A batch whose actor dies past its retries is dropped by Ray
(`max_errored_blocks`), and its inputs are recorded as failures, so one poisonous article
cannot stop a long run. `--address` joins a
running cluster; without it, Ray starts on this machine and is shut down at the end.
"""

from __future__ import annotations

import pickle
import time
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from newsgraph.clean import LineStats
from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError
from newsgraph.scale.tables import InputRows

ACTOR_DIED = ("the Ray actor extracting this article's batch died (retried {retries} times): "
              "out of memory, or a crash")


class Extractor:
    """One Ray actor: the pipeline loaded once, then batch after batch of pickled inputs in,
    pickled `InputRows` out."""

    def __init__(self, settings: Settings, line_stats: list[Any]) -> None:
        import ray

        from newsgraph.pipeline import _nlp_for

        self.settings = settings
        self.line_stats: LineStats = ray.get(line_stats[0])  # broadcast once, by reference
        self.nlp = _nlp_for(settings)
        self.ready_at = time.time()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        """The batch's rows, with when this actor was ready and when the batch was done (so
        throughput can be measured without the start-up: docs/scale.md)."""
        from newsgraph.scale.runner import extract_rows

        keyed = [(str(item_hash), pickle.loads(item))
                 for item_hash, item in zip(batch["hash"], batch["item"], strict=True)]
        rows = extract_rows(keyed, self.nlp, self.line_stats, self.settings)
        done_at = time.time()
        return {"rows": [pickle.dumps(row, protocol=5) for row in rows],
                "ready_at": [self.ready_at] * len(rows), "done_at": [done_at] * len(rows)}


def ray_rows(todo: list[tuple[str, Any]], line_stats: LineStats, settings: Settings, *,
             address: str | None = None, workers: int | None = None,
             on_start: Callable[[], None] | None = None,
             timings: list[tuple[float, float]] | None = None) -> Iterator[InputRows]:
    """The rows of every input, extracted by a pool of `workers` actors (in whatever order
    they finish: the tables do not depend on it). `timings`, when given, gets each article's
    (its actor ready, its batch done) wall-clock times."""
    try:
        import ray
        import ray.data
    except ImportError as error:
        raise NewsgraphError("the Ray engine needs the ray extra: pip install "
                             "'newsgraph[ray]' (or run with --engine local)") from error
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 configure_logging=False)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # runner.run prints its own progress lines
        context.max_errored_blocks = -1  # a batch lost past its retries: failures, below
        size = workers or settings.scale.ray_workers
        dataset = ray.data.from_items(
            [{"hash": item_hash, "item": pickle.dumps(item, protocol=5)}
             for item_hash, item in todo],
            override_num_blocks=max(1, min(len(todo), 4 * size)))
        retries = settings.scale.ray_retries
        with warnings.catch_warnings():  # the retries have no named parameter yet
            warnings.simplefilter("ignore", DeprecationWarning)
            extracted = dataset.map_batches(
                Extractor,
                fn_constructor_kwargs={"settings": settings,
                                       "line_stats": [ray.put(line_stats)]},
                batch_size=settings.run.batch_size, batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=size),
                num_cpus=settings.scale.ray_num_cpus,
                max_restarts=retries, max_task_retries=retries)
        if on_start:
            on_start()
        done: set[str] = set()
        for batch in extracted.iter_batches(batch_format="numpy", batch_size=None):
            if timings is not None:
                timings.extend(zip(batch["ready_at"].tolist(), batch["done_at"].tolist(),
                                   strict=True))
            for payload in batch["rows"]:
                rows: InputRows = pickle.loads(payload)
                done.add(rows.input_hash)
                yield rows
        lost = [(item_hash, item) for item_hash, item in todo if item_hash not in done]
        if lost:
            from newsgraph.scale.runner import failed_rows

            reason = ACTOR_DIED.format(retries=retries)
            yield from (failed_rows(item_hash, item, reason) for item_hash, item in lost)
    finally:
        if started:
            ray.shutdown()
