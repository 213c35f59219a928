"""`make bench`: throughput and peak memory of the whole pipeline next to bare spaCy.

Every phase runs in its own child process over the same inputs (all ../shared/dev/*/articles.jsonl,
read `--rounds` times so that each phase does at least a minute of work), so each peak RSS is that
phase's own. Loading the model (and starting worker processes) is timed apart from processing.

    bare spaCy      nlp.pipe over the clean texts, with the same spaCy components as the pipeline
    extract         read + clean + parse + stages + JSON records (what `newsgraph extract` does)
    extract x2      the same with --workers 2 (each worker runs the whole pipeline)
    ingest          extract + SQLite store, one transaction per article (`newsgraph ingest`)

It ends with the ratios the project holds itself to: extract / bare spaCy (one process) and
`scaling: workers 2 / workers 1`; and, on the real web pages of ../shared/dev/html, the time
reading and cleaning the HTML takes (trafilatura, fallbacks, cleaner, language detection) next
to spaCy's parse of the clean texts it gives (issue #17: at most 20%).
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

PHASES = ("bare", "extract", "extract-2", "ingest")
LABELS = {"bare": "bare spaCy", "extract": "extract", "extract-2": "extract x2 workers",
          "ingest": "ingest"}


def dev_files(shared: Path) -> list[str]:
    return [str(path) for path in sorted(shared.glob("dev/*/articles.jsonl"))]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


HTML_SHARE_TARGET = 0.20


def run_html_phase(shared: Path) -> dict:
    """Read + clean the dev/html pages, then parse their clean texts with bare spaCy."""
    from newsgraph.pipeline import clean_chunk, load_nlp
    from newsgraph.sources import read_sources

    nlp = load_nlp(())
    begin = time.perf_counter()
    documents = [doc for doc in clean_chunk(list(read_sources([str(shared / "dev/html/pages")])))
                 if hasattr(doc, "text")]
    read_seconds = time.perf_counter() - begin
    begin = time.perf_counter()
    for _ in nlp.pipe([document.text for document in documents]):
        pass
    return {"pages": len(documents), "read_seconds": read_seconds,
            "parse_seconds": time.perf_counter() - begin}


def run_phase(phase: str, files: list[str], rounds: int) -> dict:
    """Time one phase in this process; returns its figures."""
    from newsgraph.pipeline import Extraction, Pipeline, load_nlp
    from newsgraph.sources import read_sources

    inputs = files * rounds
    started = time.perf_counter()
    workers = 2 if phase == "extract-2" else 1
    pipeline = Pipeline(workers=workers)
    pipeline.__enter__()  # worker processes start (and load) before the clock starts
    nlp = load_nlp(()) if phase == "bare" else None
    loaded = time.perf_counter()
    articles = words = 0
    if phase == "bare":
        texts = [doc.text for doc in pipeline.documents(read_sources(inputs))
                 if hasattr(doc, "text")]
        words = sum(len(text.split()) for text in texts)
        begin = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=pipeline.batch_size):
            articles += 1
    elif phase.startswith("extract"):
        begin = time.perf_counter()
        with open("/dev/null", "w", encoding="utf-8") as sink:
            for result in pipeline.run(read_sources(inputs)):
                if isinstance(result, Extraction):
                    sink.write(json.dumps(result.record, ensure_ascii=False) + "\n")
                    articles += 1
                    words += len(result.record["text"].split())
    else:
        from newsgraph.store import Store

        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db") as store:
            begin = time.perf_counter()
            for result in pipeline.run(read_sources(inputs)):
                if isinstance(result, Extraction):
                    store.put(result.document, result.record)
                    articles += 1
                    words += len(result.record["text"].split())
    seconds = time.perf_counter() - begin
    pipeline.__exit__(None, None, None)
    return {"phase": phase, "articles": articles, "words": words, "seconds": seconds,
            "load_seconds": loaded - started, "peak_rss_mb": peak_rss_mb(),
            "worker_peak_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--rounds", type=int, default=3,
                        help="times the dev articles are read in each phase (3: over a minute "
                             "of work per phase on a 2-core machine)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each phase; the fastest counts (least disturbed)")
    parser.add_argument("--phase", choices=(*PHASES, "html"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    files = dev_files(args.shared)
    if not files:
        parser.error(f"no dev articles under {args.shared}/dev")
    if args.phase == "html":
        print(json.dumps(run_html_phase(args.shared)))
        return 0
    if args.phase:
        print(json.dumps(run_phase(args.phase, files, args.rounds)))
        return 0

    # Round by round, every phase once a round: a machine that slows down for a while then
    # slows all phases alike instead of the one that happened to run then.
    runs: dict[str, list[dict]] = {phase: [] for phase in PHASES}
    for _ in range(args.repeat):
        for phase in PHASES:
            done = subprocess.run(
                [sys.executable, __file__, "--shared", str(args.shared), "--rounds",
                 str(args.rounds), "--phase", phase],
                capture_output=True, text=True, check=True)
            runs[phase].append(json.loads(done.stdout.strip().splitlines()[-1]))
    results = {phase: min(found, key=lambda run: run["seconds"]) for phase, found in runs.items()}

    def rate(phase: str) -> float:
        return results[phase]["articles"] / results[phase]["seconds"]

    print(f"{len(files)} files x {args.rounds} rounds, {results['bare']['articles']} articles, "
          f"{results['bare']['words']} words, best of {args.repeat}")
    print(f"{'phase':<20}{'articles/s':>11}{'words/s':>10}{'seconds':>9}{'peak RSS MB':>13}"
          f"{'worker MB':>11}{'load s':>8}")
    for phase, figures in results.items():
        worker = figures["worker_peak_rss_mb"]
        print(f"{LABELS[phase]:<20}{rate(phase):>11.1f}"
              f"{figures['words'] / figures['seconds']:>10.0f}{figures['seconds']:>9.1f}"
              f"{figures['peak_rss_mb']:>13.0f}{'' if worker is None else f'{worker:.0f}':>11}"
              f"{figures['load_seconds']:>8.2f}")
    print(f"ratio extract / bare spaCy (one process, same components): "
          f"{rate('extract') / rate('bare'):.2f}")
    print(f"ratio ingest / bare spaCy: {rate('ingest') / rate('bare'):.2f}")
    print(f"scaling: workers 2 / workers 1 = {rate('extract-2') / rate('extract'):.2f}")
    done = subprocess.run([sys.executable, __file__, "--shared", str(args.shared), "--phase",
                           "html"], capture_output=True, text=True, check=True)
    html = json.loads(done.stdout.strip().splitlines()[-1])
    share = html["read_seconds"] / html["parse_seconds"]
    print(f"html ({html['pages']} dev/html pages): read + clean {html['read_seconds']:.1f} s, "
          f"spaCy parse {html['parse_seconds']:.1f} s: read + clean / parse = {share:.2f} "
          f"(target <= {HTML_SHARE_TARGET:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
