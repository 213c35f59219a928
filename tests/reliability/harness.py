"""What the reliability tests and `make test-reliability` share: a process that holds a
store's write lock, and a store's integrity and content compared with a clean run's."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def hold_lock(db: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the store's write lock for `seconds` (returns once it holds it)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def store_state(db: Path) -> dict[str, object]:
    """Everything a clean run and a resumed one must agree on: each article's fingerprint and
    its rows per table; plus SQLite's own integrity check."""
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        documents = dict(conn.execute("SELECT id, fingerprint FROM documents"))
        tables = ["removed_passages", "document_entities", "mentions", "quotes", "times",
                  "events"]
        rows = {table: dict(conn.execute(f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id"))
                for table in tables}
    return {"integrity": integrity, "documents": documents, "rows": rows}


def wait_for(predicate, timeout: float = 60.0, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
       "';alert(1);//", "<svg/onload=alert(1)>"]


def hostile_urls(db_name: str, full: bool = False) -> list[str]:
    """URLs a hostile visitor tries: unknown paths, odd encodings, huge and malformed filter
    values, costly SQL, XSS payloads in every parameter. `full` adds the long tail."""
    from urllib.parse import quote

    long_value = "x" * 60_000
    urls = [
        "/a/b/c/d/e/f", "/-/newsgraph/tiles/99/1/1.png", "/-/newsgraph/tiles/3/99/1.png",
        "/-/newsgraph/tiles/a/b/c.png", "/article/", "/article/%ZZ", "/entity/%00",
        "/article/" + "x" * 5000, "/entity/~", "/-/static/../../etc/passwd", "/-/threads.json",
        f"/quotes?speaker={long_value}", f"/events?actor={long_value}",
        f"/search?q={long_value}", f"/search?q={'a%25' * 1000}", "/search?q=%22",
        "/search?q=NEAR(", "/events?type=NOTATYPE", "/events?from=2014-13-45",
        "/quotes?kind=%00", f"/{db_name}/documents.json?_sort=nosuch",
        f"/{db_name}/documents?_search=%22", f"/{db_name}/documents/zzz",
        f"/{db_name}/documents?title__contains={long_value[:30000]}",
        f"/{db_name}.json?sql=" + quote("select printf('%.*c', 999000000, 'x')"),
        f"/{db_name}.json?sql=" + quote("select zeroblob(900000000)"),
        f"/{db_name}.json?sql=" + quote("select length(randomblob(900000000))"),
        f"/{db_name}.json?sql=" + quote("select format('%.*c', 999000000, 'x')"),
        f"/{db_name}.json?sql=" + quote("select length(hex(zeroblob(20000000)))"),
        f"/{db_name}.json?sql=" + quote("delete from documents"),
    ]
    for payload in XSS:
        value = quote(payload)
        urls += [f"/search?q={value}", f"/quotes?speaker={value}", f"/events?actor={value}",
                 f"/entity/{value}", f"/article/{value}"]
    if full:
        urls += [f"/{db_name}.json?sql=" + quote(
            "with recursive c(x) as (select 1 union all select x+1 from c) select count(*) "
            "from c")]
        urls += [f"/{'x/' * depth}" for depth in range(1, 60)]
        urls += [f"/events?{key}={quote(chr(code))}" for key in ("actor", "place", "type")
                 for code in (0, 0xD800 - 1, 0xFFFE, 0x202E, 0x1F600)]
        urls += [f"/{db_name}/{table}.json?_size=max&_shape=array" for table in (
            "documents", "mentions", "events", "quotes", "times", "ingest_failures")]
    return urls
