"""`make test-reliability`: the whole reliability suite, with its figures.

    python -m tests.reliability.run [--shared ../shared] [--kills 20]

1. the bad-input corpus (the big inputs included) in one batch with good articles, in a
   process of its own: every good article stored, every bad input a failure row with its
   reason, nothing hangs; its peak RSS;
2. a kill -9 loop: ingests killed at random moments, each time the store checked (SQLite's
   integrity check, no article without all its rows), then one resume compared with a clean
   run;
3. a lock holder: another process holds the write lock, shorter and longer than the wait;
4. a hostile-URL scan of `newsgraph serve` over HTTP (three costly SQL calls at once among
   them): no answer of 500 or more.

Figures are printed (inputs tried, failures recorded, kills, peak RSS, slowest URL); the exit
code is 1 when a check fails. Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

from tests.reliability.corpus import good_articles, write_corpus
from tests.reliability.harness import hold_lock, hostile_urls, store_state, wait_for

NEWSGRAPH = [sys.executable, "-m", "newsgraph.cli"]
problems: list[str] = []


def check(condition: bool, message: str) -> None:
    if not condition:
        problems.append(message)
        print(f"  FAILED: {message}", flush=True)


def newsgraph(*args: str, timeout: float = 1800, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSGRAPH, *args], capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def peak_child_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def bad_inputs(work: Path, shared: Path) -> dict[str, object]:
    print("1. bad-input corpus with good articles, one batch", flush=True)
    good = good_articles(shared, 20)
    cases = write_corpus(work / "corpus", good, full=True)
    db = work / "corpus.db"
    started = time.monotonic()
    try:
        result = newsgraph("ingest", str(work / "corpus"), "--db", str(db), "-q",
                           timeout=3600)
    except subprocess.TimeoutExpired:
        check(False, "the corpus ingest hung (over an hour)")
        return {}
    took = time.monotonic() - started
    check("Traceback" not in result.stderr, "a traceback in the corpus ingest")
    with sqlite3.connect(db) as conn:
        failures = dict(conn.execute("SELECT source, error FROM ingest_failures"))
        ids = {row[0] for row in conn.execute("SELECT id FROM documents")}
    check(all(article["id"] in ids for article in good), "a good article was not stored")
    for case in cases:
        base = str(work / "corpus" / case.path)
        rows = [error for source, error in failures.items()
                if source == base or source.startswith((base + ":", base + "#"))]
        check(len(rows) == case.failures, f"{case.name}: {len(rows)} failure rows, "
                                          f"expected {case.failures}")
        for error in rows:
            check(all(word in error for word in case.reason), f"{case.name}: reason {error!r}")
    print(f"  {len(cases)} bad inputs + {len(good)} good articles in {took:.0f} s; "
          f"{len(failures)} failure rows; summary: {result.stderr.splitlines()[0]}", flush=True)
    return {"inputs": len(cases) + len(good), "failures": len(failures)}


def kill_loop(work: Path, shared: Path, kills: int) -> int:
    print(f"2. kill -9 loop ({kills} kills)", flush=True)
    articles = work / "kill.jsonl"
    lines = (shared / "dev" / "events" / "articles.jsonl").read_text(encoding="utf-8")
    articles.write_text(lines, encoding="utf-8")
    clean = work / "clean.db"
    newsgraph("ingest", str(articles), "--db", str(clean), "-q")
    reference = store_state(clean)
    db = work / "killed.db"
    done = 0
    rng = random.Random(18)
    while done < kills:
        before = len(store_state(db)["documents"]) if db.exists() else 0
        process = subprocess.Popen([*NEWSGRAPH, "ingest", str(articles), "--db", str(db), "-q"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # killed while it writes: once it has stored an article more, at a random moment
        wait_for(functools.partial(_wrote_or_ended, db, before, process), 300, 0.1)
        time.sleep(rng.uniform(0.0, 1.5))
        if process.poll() is not None:  # it finished first: start over from nothing
            for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                path.unlink(missing_ok=True)
            continue
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        done += 1
        state = store_state(db)
        check(state["integrity"] == "ok", f"kill {done}: integrity {state['integrity']}")
        for doc_id, fingerprint in state["documents"].items():
            check(reference["documents"].get(doc_id) == fingerprint,
                  f"kill {done}: {doc_id} differs from the clean run")
            for table, counts in state["rows"].items():
                check(counts.get(doc_id) == reference["rows"][table].get(doc_id),
                      f"kill {done}: {doc_id} half-written in {table}")
        print(f"  kill {done}: {len(state['documents'])} whole articles", flush=True)
    newsgraph("ingest", str(articles), "--db", str(db), "-q")
    check(store_state(db) == reference, "the resumed store differs from a clean run")
    return done


def _wrote_or_ended(db: Path, before: int, process: subprocess.Popen) -> bool:
    return (db.exists() and documents(db) > before) or process.poll() is not None


def documents(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or being migrated
        return 0


def lock_holder(work: Path, shared: Path) -> None:
    print("3. lock holder", flush=True)
    articles = work / "lock.jsonl"
    articles.write_text("".join(json.dumps(a) + "\n" for a in good_articles(shared, 5)),
                        encoding="utf-8")
    db = work / "lock.db"
    newsgraph("stats", "--db", str(db))  # nothing yet
    subprocess.run([*NEWSGRAPH, "ingest", str(articles), "--db", str(db), "-q",
                    "--max-chars", "10"], capture_output=True)  # creates the store
    holder = hold_lock(db, 600)
    short = work / "short.cfg"
    short.write_text("[store]\nbusy_timeout_ms = 3000\n", encoding="utf-8")
    try:
        refused = newsgraph("ingest", str(articles), "--db", str(db), "--config", str(short))
    finally:
        holder.kill()
        holder.wait()
    check(refused.returncode == 1 and "locked by another process" in refused.stderr
          and "read " in refused.stderr and "Traceback" not in refused.stderr,
          f"a lock held past the wait: {refused.stderr[-300:]}")
    holder = hold_lock(db, 600)  # let go once the ingest says it is waiting
    process = subprocess.Popen([*NEWSGRAPH, "ingest", str(articles), "--db", str(db)],
                               stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    lines = []
    for line in process.stderr:
        lines.append(line)
        if line.startswith("waiting for"):
            holder.kill()
            holder.wait()
    process.wait()
    holder.kill()
    holder.wait()
    waited = "".join(lines)
    check(process.returncode == 0 and "waiting for" in waited and "stored 5" in waited,
          f"a lock let go within the wait: {waited[-300:]}")
    check(store_state(db)["integrity"] == "ok", "the locked store is not intact")
    print(f"  past the wait: exit {refused.returncode}; within it: exit {process.returncode}",
          flush=True)


def url_scan(work: Path) -> tuple[int, int, str, float]:
    print("4. hostile-URL scan of newsgraph serve", flush=True)
    db = work / "corpus.db" if (work / "corpus.db").exists() else work / "clean.db"
    port = 18000 + os.getpid() % 1000
    server = subprocess.Popen([*NEWSGRAPH, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"

    def get(url: str) -> tuple[int, float]:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(base + url, timeout=120) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except Exception:
            status = 599
        return status, time.monotonic() - started

    def up() -> bool:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
            return True
        except Exception:
            return False

    results: dict[str, tuple[int, float]] = {"/": (0, 0.0)}
    try:
        check(wait_for(up, 120, 0.5), "the server did not start")
        urls = hostile_urls(db.stem, full=True)
        results = {url: get(url) for url in urls}
        costly = f"/{db.stem}.json?sql=" + quote("select printf('%.*c', 999000000, 'x')")
        with ThreadPoolExecutor(3) as pool:
            together = list(pool.map(get, [costly] * 3))
        check(all(status == 400 for status, _ in together), f"costly SQL at once: {together}")
        page_ok = get("/")
        check(page_ok[0] == 200, "the home page after the scan")
    finally:
        server.terminate()
        _, console = server.communicate(timeout=30)
    errors = {url: status for url, (status, _) in results.items() if status >= 500}
    check(not errors, f"responses >= 500: {errors}")
    check("Traceback" not in console, "a traceback on the server's console")
    slowest = max(results, key=lambda url: results[url][1])
    print(f"  {len(results)} URLs, {len(errors)} answers >= 500, slowest {results[slowest][1]:.2f}"
          f" s: {slowest[:100]}", flush=True)
    return len(results), len(errors), slowest, results[slowest][1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    parser.add_argument("--kills", default=20, type=int)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsgraph-reliability-"))
    try:
        corpus = bad_inputs(work, args.shared)
        kills = kill_loop(work, args.shared, args.kills)
        lock_holder(work, args.shared)
        urls, errors, slowest, seconds = url_scan(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\nreliability figures")
    print(f"  inputs tried       {corpus.get('inputs', 0)}")
    print(f"  failures recorded  {corpus.get('failures', 0)}")
    print(f"  kills              {kills} (0 corrupt stores expected)")
    print(f"  peak RSS           {peak_child_rss_mb():.0f} MB (largest child process)")
    print(f"  URLs scanned       {urls}, {errors} answers >= 500")
    print(f"  slowest URL        {seconds:.2f} s {slowest[:100]}")
    print(f"  checks failed      {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
