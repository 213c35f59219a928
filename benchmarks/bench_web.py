"""`make bench-web`: how fast the pages answer, on the samples' store and on a large store.

The large store holds `--articles` articles (10,000 by default) made from the dev sets'
extraction records: each dev article is extracted once, then stored again and again under new
ids, outlets and publication dates, so the pages face the row counts of a real corpus (the
same entities recur across thousands of articles, as Ukraine or Russia do) without parsing
10,000 texts. Pages are fetched over HTTP from `newsgraph serve`'s app on loopback: each is
fetched once to warm up, then `--repeat` times; the median and the slowest are printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

OUTLETS = tuple(f"Outlet {letter}" for letter in "ABCDEFGHIJKL")


def build_samples_store(shared: Path, db: Path) -> None:
    from newsgraph.pipeline import Extraction, Pipeline
    from newsgraph.sources import read_sources
    from newsgraph.store import Store

    with Store(db) as store:
        for result in Pipeline().run(read_sources([str(shared / "samples")])):
            if isinstance(result, Extraction):
                store.put(result.document, result.record)


def build_large_store(shared: Path, db: Path, articles: int) -> None:
    from newsgraph.document import Published
    from newsgraph.pipeline import Extraction, Pipeline
    from newsgraph.sources import read_sources
    from newsgraph.store import Store

    files = [str(path) for path in sorted(shared.glob("dev/*/articles.jsonl"))]
    extracted = [result for result in Pipeline().run(read_sources(files))
                 if isinstance(result, Extraction)]
    print(f"  extracted {len(extracted)} dev articles; storing {articles} ...", file=sys.stderr)
    start = date(2014, 1, 1)
    with Store(db) as store:
        for n in range(articles):
            base = extracted[n % len(extracted)]
            doc_id = f"{base.record['id']}~{n}"
            day = (start + timedelta(days=(n * 37) % 3650)).isoformat()
            outlet = OUTLETS[n % len(OUTLETS)]
            published = {"value": day, "how": "given", "evidence": []}
            record = {**base.record, "id": doc_id, "outlet": outlet, "published": published}
            document = replace(base.document, id=doc_id, outlet=outlet,
                               published=Published(day, "given"))
            store.put(document, record)


def page_paths(db: Path) -> list[str]:
    """The pages to time: each kind, with filters a user would type, on busy entities."""
    from newsgraph.store import Store
    from newsgraph.web.highlight import path_segment

    with Store(db, readonly=True) as store:
        first = next(store.rows("SELECT id FROM documents ORDER BY seq LIMIT 1"))[0]
        busiest = next(store.rows(
            "SELECT entity_id FROM mentions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"))[0]
        person = next(store.rows(
            """SELECT speaker_entity FROM quotes WHERE speaker_entity IS NOT NULL
               GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"""))[0]
        place = next(store.rows(
            """SELECT place_name FROM events WHERE place_name IS NOT NULL
               GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"""))[0]
        outlet = next(store.rows("SELECT outlet FROM documents LIMIT 1"))[0] or ""
    return ["/", f"/article/{path_segment(first)}",
            f"/entity/{path_segment(busiest)}", f"/entity/{path_segment(person)}",
            "/quotes", "/quotes?" + urlencode({"about": "Russia", "kind": "direct"}),
            "/events", "/events?" + urlencode({"type": "ASSAULT", "place": place}),
            "/search?q=government", "/search?" + urlencode({"q": "police", "outlet": outlet})]


def time_pages(db: Path, repeat: int) -> list[tuple[str, float, float, int]]:
    import uvicorn

    from newsgraph.web.server import app_for, free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app_for(db).app(), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    rows = []
    try:
        for path in page_paths(db):
            url = f"http://127.0.0.1:{port}{path}"
            timings = []
            for _ in range(repeat + 1):
                began = time.perf_counter()
                with urllib.request.urlopen(url) as response:
                    size = len(response.read())
                timings.append(time.perf_counter() - began)
            rows.append((path, statistics.median(timings[1:]) * 1000,
                         max(timings[1:]) * 1000, size))
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return rows


def report(title: str, rows: list[tuple[str, float, float, int]], budget_ms: float) -> None:
    print(f"\n{title} (budget {budget_ms:.0f} ms)")
    print(f"  {'page':<58} {'median ms':>9} {'max ms':>8} {'kB':>6}")
    for path, median, slowest, size in rows:
        flag = "" if slowest <= budget_ms else "  OVER"
        print(f"  {path[:58]:<58} {median:9.1f} {slowest:8.1f} {size / 1024:6.0f}{flag}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None,
                        help="Keep the large store here (and reuse it if it exists).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "samples.db"
        build_samples_store(args.shared, small)
        report("samples' store (2 articles)", time_pages(small, args.repeat), 300)
        large = args.keep or Path(folder) / "large.db"
        if not large.exists():
            began = time.perf_counter()
            build_large_store(args.shared, large, args.articles)
            print(f"  built in {time.perf_counter() - began:.0f} s", file=sys.stderr)
        from newsgraph.store import Store

        with Store(large, readonly=True) as store:
            counts = store.stats()
        print(f"\nlarge store: {counts}")
        report(f"large store ({counts['documents']} articles)",
               time_pages(large, args.repeat), 1000)


if __name__ == "__main__":
    main()
