"""The figures of docs/scale.md: the bulk-load rate against ingest's writes, and the Ray engine's
throughput with one and with two actors (start-up excluded) and each actor's memory.

Load: the dev sets' articles are extracted once, then repeated under new ids, outlets and
publication dates up to `--articles` (10,000 by default; `make bench-web`'s synthesis, with
dates rising over ten years), so both sides write the row counts of a real corpus without
parsing 10,000 texts. Ingest's writes are `Store.put` of every article (what `ingest` does
after extracting); the load is the run's Parquet parts of the same articles through
`newsgraph load`.

Ray (`--ray`): the Ray engine over `--ray-inputs` with 1 and then 2 actors; the throughput is
the articles over the time from the first actor having its pipeline loaded to the last batch
done (each actor reports both), so Ray's and the pipeline's start-up are left out; a thread
samples the resident memory of every Ray actor process.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

OUTLETS = tuple(f"Outlet {letter}" for letter in "ABCDEFGHIJKL")


def synthesized(shared: Path, articles: int) -> list[tuple[object, dict]]:
    from newsgraph.document import Published
    from newsgraph.pipeline import Extraction, Pipeline
    from newsgraph.sources import read_sources

    files = [str(path) for path in sorted(shared.glob("dev/*/articles.jsonl"))]
    extracted = [result for result in Pipeline().run(read_sources(files))
                 if isinstance(result, Extraction)]
    print(f"extracted {len(extracted)} dev articles; repeating them as {articles}",
          file=sys.stderr)
    start = date(2014, 1, 1)
    pairs = []
    for n in range(articles):
        base = extracted[n % len(extracted)]
        doc_id = f"{base.record['id']}~{n}"
        # Dates rise with the article number, as a feed or a crawl reads them (each part of
        # 256 articles spans about three months: the files a part writes are its months).
        day = (start + timedelta(days=n * 3650 // articles)).isoformat()
        outlet = OUTLETS[n % len(OUTLETS)]
        published = {"value": day, "how": "given", "evidence": []}
        record = {**base.record, "id": doc_id, "outlet": outlet, "published": published}
        document = replace(base.document, id=doc_id, outlet=outlet,
                           published=Published(day, "given"), source=f"bench.jsonl:{n + 1}")
        record["source"] = document.source
        pairs.append((document, record))
    return pairs


def bench_load(shared: Path, articles: int, folder: Path) -> None:
    from newsgraph.config import DEFAULT_SETTINGS
    from newsgraph.scale.load import load
    from newsgraph.scale.tables import InputRows, RunFolder, document_rows, input_order, month_of
    from newsgraph.store import Store
    from newsgraph.store.rows import _Rows

    pairs = synthesized(shared, articles)
    began = time.perf_counter()
    with Store(folder / "ingested.db") as store:
        for document, record in pairs:
            store.put(document, record)
        put_seconds = time.perf_counter() - began
        store.resolve_short_names()  # the store-wide step ingest ends with (load does too)
    ingest_seconds = time.perf_counter() - began

    run_folder = RunFolder(str(folder / "tables"))
    run_folder.open_for(DEFAULT_SETTINGS)
    part: list[InputRows] = []
    for n, (document, record) in enumerate(pairs):
        rows = _Rows.build(document, record, DEFAULT_SETTINGS.digest)
        item_hash = f"bench{n:08d}"
        part.append(InputRows(item_hash, document.source, month_of(rows.document["published"]),
                              rows.doc_id, False,
                              document_rows(rows, item_hash, input_order(document.source))))
        if len(part) == DEFAULT_SETTINGS.scale.part_size:
            run_folder.write_part(part)
            part = []
    if part:
        run_folder.write_part(part)
    summary = load(str(folder / "tables"), folder / "loaded.db", DEFAULT_SETTINGS)
    print(f"ingest's writes: Store.put of {articles} articles in {put_seconds:.1f} s = "
          f"{articles / put_seconds:.0f} articles/s; with the short-name step it ends with "
          f"{ingest_seconds:.1f} s")
    print(f"newsgraph load: {summary.articles} articles ({sum(summary.rows.values())} rows) in "
          f"{summary.seconds:.1f} s = {summary.articles / summary.seconds:.0f} articles/s "
          f"({put_seconds / summary.seconds:.1f}x the puts, "
          f"{ingest_seconds / summary.seconds:.1f}x ingest's writes with the short-name step)")
    same = _same_groups(folder / "ingested.db", folder / "loaded.db")
    print(f"event groups equal to the ingested store's: {same}")


def _same_groups(one: Path, other: Path) -> bool:
    import sqlite3

    sql = "SELECT doc_id, ord, group_id FROM event_group_members ORDER BY doc_id, ord"
    with sqlite3.connect(one) as a, sqlite3.connect(other) as b:
        return a.execute(sql).fetchall() == b.execute(sql).fetchall()


def _actor_rss(peaks: dict[int, int], stop: threading.Event) -> None:
    """Sample the resident memory of Ray's actor processes (their cmdline names MapWorker)."""
    while not stop.wait(0.5):
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                if b"MapWorker" not in (proc / "cmdline").read_bytes():
                    continue
                for line in (proc / "status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        kb = int(line.split()[1])
                        peaks[int(proc.name)] = max(peaks.get(int(proc.name), 0), kb)
            except OSError:
                continue


def bench_ray(inputs: list[str], workers: int) -> None:
    import ray

    from newsgraph.config import DEFAULT_SETTINGS
    from newsgraph.scale.ray import ray_rows
    from newsgraph.scale.runner import read_keyed

    keyed, line_stats = read_keyed(inputs, DEFAULT_SETTINGS)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    peaks: dict[int, int] = {}
    stop = threading.Event()
    sampler = threading.Thread(target=_actor_rss, args=(peaks, stop), daemon=True)
    sampler.start()
    timings: list[tuple[float, float]] = []
    try:
        began = time.time()
        count = sum(1 for _ in ray_rows(keyed, line_stats, DEFAULT_SETTINGS, workers=workers,
                                        timings=timings))
        end = time.time()
    finally:
        stop.set()
        ray.shutdown()
    ready = min(ready_at for ready_at, _ in timings)  # the first actor with its pipeline
    done = max(done_at for _, done_at in timings)
    rss = ", ".join(f"{kb / 1024:.0f} MB" for kb in sorted(peaks.values()))
    print(f"ray, {workers} actor(s): {count} articles in {end - began:.1f} s wall; start-up "
          f"(Ray, actors, pipeline) {ready - began:.1f} s; then {count / (done - ready):.2f} "
          f"articles/s ({done - ready:.1f} s); peak RSS per actor: {rss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--ray", action="store_true", help="Time the Ray engine, not the load.")
    parser.add_argument("--ray-inputs", nargs="+")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if args.ray:
        inputs = args.ray_inputs or [
            str(args.shared / "dev" / name / "articles.jsonl")
            for name in ("quotes", "times", "places")]
        for workers in args.workers:
            bench_ray(inputs, workers)
        return
    with tempfile.TemporaryDirectory() as folder:
        bench_load(args.shared, args.articles, Path(folder))


if __name__ == "__main__":
    main()
