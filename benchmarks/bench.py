"""`make bench`: throughput and peak memory of the whole pipeline next to bare spaCy.

Every phase runs in its own child process over the same texts (all ../shared/dev/*/articles.jsonl),
so each peak RSS is that phase's own. Model loading is timed apart from processing.

    bare spaCy      nlp.pipe over the clean texts with the components the stages use
    bare spaCy/all  nlp.pipe with every component of the English pipeline
    extract         read + clean + parse + stages + JSON records (what `newsgraph extract` does)
    ingest          extract + SQLite store, one transaction per article (`newsgraph ingest`)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PHASES = ("bare", "bare-all", "extract", "ingest")


def dev_files(shared: Path) -> list[str]:
    return [str(path) for path in sorted(shared.glob("dev/*/articles.jsonl"))]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_phase(phase: str, files: list[str], workers: int) -> dict:
    """Time one phase in this process; returns its figures."""
    from newsgraph.annotate import load_pipeline
    from newsgraph.pipeline import Extraction, Pipeline
    from newsgraph.sources import read_sources

    started = time.perf_counter()
    pipeline = Pipeline(workers=workers)
    nlp = pipeline.nlp if phase != "bare-all" else load_pipeline(None)
    loaded = time.perf_counter()
    texts = [doc.text for doc in pipeline.documents(read_sources(files))
             if hasattr(doc, "text")]
    words = sum(len(text.split()) for text in texts)
    articles = 0
    begin = time.perf_counter()
    if phase in ("bare", "bare-all"):
        for _ in nlp.pipe(texts, batch_size=pipeline.batch_size, n_process=workers):
            articles += 1
    elif phase == "extract":
        with open("/dev/null", "w", encoding="utf-8") as sink:
            for result in pipeline.run(read_sources(files)):
                if isinstance(result, Extraction):
                    sink.write(json.dumps(result.record, ensure_ascii=False) + "\n")
                    articles += 1
    else:
        from newsgraph.store import Store

        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db") as store:
            for result in pipeline.run(read_sources(files)):
                if isinstance(result, Extraction):
                    store.put(result.document, result.record)
                    articles += 1
    seconds = time.perf_counter() - begin
    return {"phase": phase, "articles": articles, "words": words, "seconds": seconds,
            "load_seconds": loaded - started, "peak_rss_mb": peak_rss_mb()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each phase; the fastest counts (least disturbed)")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    files = dev_files(args.shared)
    if not files:
        parser.error(f"no dev articles under {args.shared}/dev")
    if args.phase:
        print(json.dumps(run_phase(args.phase, files, args.workers)))
        return 0

    # Round by round, every phase once a round: a machine that slows down for a while then
    # slows all phases alike instead of the one that happened to run then.
    runs: dict[str, list[dict]] = {phase: [] for phase in PHASES}
    for _ in range(args.repeat):
        for phase in PHASES:
            done = subprocess.run(
                [sys.executable, __file__, "--shared", str(args.shared), "--workers",
                 str(args.workers), "--phase", phase],
                capture_output=True, text=True, check=True)
            runs[phase].append(json.loads(done.stdout.strip().splitlines()[-1]))
    results = {phase: min(found, key=lambda run: run["seconds"]) for phase, found in runs.items()}

    print(f"{len(files)} files, {results['bare']['articles']} articles, "
          f"{results['bare']['words']} words, workers={args.workers}, best of {args.repeat}")
    print(f"{'phase':<16}{'articles/s':>12}{'words/s':>12}{'peak RSS MB':>14}{'load s':>9}")
    for phase, figures in results.items():
        rate = figures["articles"] / figures["seconds"]
        print(f"{phase:<16}{rate:>12.1f}{figures['words'] / figures['seconds']:>12.0f}"
              f"{figures['peak_rss_mb']:>14.0f}{figures['load_seconds']:>9.2f}")
    def rate(phase: str) -> float:
        return results[phase]["articles"] / results[phase]["seconds"]

    for phase in ("extract", "ingest"):
        print(f"ratio {phase} / bare spaCy (same components): {rate(phase) / rate('bare'):.2f}"
              f"   / bare spaCy (all components): {rate(phase) / rate('bare-all'):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
