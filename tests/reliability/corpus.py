"""The bad-input corpus: every kind of input that once stopped or corrupted a batch (issue 18),
and a few of our own, written into a folder beside some good articles.

`write_corpus(folder, good)` returns the cases it wrote, each with the number of failure rows
it must leave and the words its reason must hold, so a test (and `make test-reliability`) can
check that one batch of all of them stores every good article and names every bad input.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

PROSE = ("Protesters gathered outside the parliament in Kyiv on Tuesday, and the police said "
         "that about 300 people had marched peacefully through the centre of the city.\n\n")


@dataclass(frozen=True)
class Case:
    """One bad input: its path (relative to the corpus folder), how many failure rows it must
    leave (0 for inputs skipped by the walk or repaired at the door), and words of its reason."""

    name: str
    path: str
    failures: int = 1
    reason: tuple[str, ...] = ()
    stored: int = 0
    """Articles of this input that are still stored (a repaired text, a kept first duplicate)."""
    skipped: str | None = None
    """The reason the folder walk skips it, when it does."""
    slow: bool = False
    """Only in the full suite (`make test-reliability`): big or slow to process."""
    tags: tuple[str, ...] = field(default=())


def good_articles(shared: Path, count: int) -> list[dict]:
    """Real dev articles (the events dev set), the good inputs of the batch."""
    lines = (shared / "dev" / "events" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:count]]


def _warc_record(url: str, body: bytes, *, status: str = "200 OK",
                 content_type: str = "text/html; charset=utf-8",
                 rec_type: str = "response") -> bytes:
    http = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Record-ID: <urn:sha256:{hashlib.sha256(url.encode()).hexdigest()[:16]}>\r\n"
            f"WARC-Date: 2024-01-01T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def _page(sentence: str) -> bytes:
    paragraphs = "".join(f"<p>{sentence} Paragraph {n} tells more of it.</p>" for n in range(6))
    return (f"<html><head><title>A page</title></head><body><article><h1>A page</h1>"
            f"{paragraphs}</article></body></html>").encode()


def write_corpus(folder: Path, good: Iterable[dict], *, full: bool = False) -> list[Case]:
    """Write the bad inputs (all of them when `full`, else the fast ones) and the good
    articles into `folder`; the good ones go to `good.jsonl`, one per line."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(case: Case, data: bytes | None) -> None:
        if case.slow and not full:
            return
        if data is not None:
            (folder / case.path).parent.mkdir(parents=True, exist_ok=True)
            (folder / case.path).write_bytes(data)
        cases.append(case)

    with (folder / "good.jsonl").open("w", encoding="utf-8") as stream:
        for article in good:
            stream.write(json.dumps(article) + "\n")

    # -- sizes and shapes that once took all memory or time --------------------------------
    add(Case("over spaCy's max_length", "huge.txt", reason=("--max-chars",), slow=True),
        (PROSE * (1_100_000 // len(PROSE) + 1)).encode())
    add(Case("over --max-chars", "long.txt", reason=("--max-chars",)),
        (PROSE * (260_000 // len(PROSE) + 1)).encode())
    add(Case("500,000 short lines", "lines.txt", reason=("--max-",), slow=True),
        b"ab\n" * 500_000)
    add(Case("many short lines", "somelines.txt", reason=("--max-lines",)), b"ab\n" * 30_000)
    add(Case("an open quote repeated", "quotes.txt", reason=("--max-",), slow=True),
        b'He said "' * 20_000)
    # -- characters that cannot reach spaCy or SQLite as they are -------------------------
    add(Case("lone surrogate in text", "surrogate-text.jsonl", failures=0, stored=1),
        (json.dumps({"id": "surrogate-text", "text": PROSE.strip() + " \\ud800 end."})
         .replace("\\\\ud800", "\\ud800") + "\n").encode())
    add(Case("lone surrogate in title", "surrogate-title.jsonl", failures=0, stored=1),
        (json.dumps({"id": "surrogate-title", "title": "A \\udfff title", "text": PROSE})
         .replace("\\\\udfff", "\\udfff") + "\n").encode())
    add(Case("lone surrogates in every field", "surrogate-fields.jsonl", failures=0,
             stored=1),
        (json.dumps({"id": "surrogate-\\ud801", "title": "T\\ud802", "outlet": "O\\ud803",
                     "url": "http://example.org/\\ud804", "published": "2020-01-0\\ud805",
                     "text": PROSE}).replace("\\\\ud8", "\\ud8") + "\n").encode())
    add(Case("non-characters", "nonchar.txt", failures=0, stored=1),
        (PROSE.replace("Tuesday", "Tues\ufffeday\uffff") + "\ufdd0 end.").encode())
    add(Case("NUL bytes after the first 8 KB", "nul-late.txt", reason=("binary",)),
        (PROSE * 80).encode() + b"\0" * 50 + PROSE.encode())
    add(Case("NUL bytes in a JSON string", "nul.jsonl", failures=0, stored=1),
        (json.dumps({"id": "nul-json", "text": PROSE.strip() + "\0 and more.\0"}) + "\n").encode())
    # -- encodings ---------------------------------------------------------------------------
    add(Case("UTF-16 without a byte order mark", "utf16.txt", failures=0, stored=1),
        ("Ministers met in Geneva on Monday. " + PROSE).encode("utf-16-le"))
    add(Case("binary", "binary.txt", reason=("binary",)), bytes(range(256)) * 40)
    add(Case("empty", "empty.txt", reason=("empty",)), b"")
    # -- JSON lines ----------------------------------------------------------------------------
    add(Case("broken JSON line", "broken.jsonl", reason=("line 1", "not valid JSON")),
        b'{"id": "x", "text": \n')
    add(Case("JSON line not an object", "array.jsonl", reason=("not a JSON object",)),
        b"[1, 2, 3]\n")
    add(Case("duplicate ids", "dupes.jsonl", failures=0, stored=1),
        "".join(json.dumps({"id": "dupe-1", "text": PROSE + f"Version {n}."}) + "\n"
                for n in range(3)).encode())
    add(Case("invalid published", "baddate.jsonl", failures=0, stored=1),
        (json.dumps({"id": "bad-date", "published": "2014-13-45", "text": PROSE}) + "\n")
        .encode())
    # -- WARC --------------------------------------------------------------------------------
    whole = _warc_record("http://example.org/a", _page(PROSE.strip()))
    add(Case("truncated WARC record", "cut.warc", reason=("truncated",)),
        whole[: len(whole) * 2 // 3])
    two = gzip.compress(whole) + gzip.compress(
        _warc_record("http://example.org/b", _page("Troops withdrew from the town of Izium "
                                                  "on Friday, the ministry said.")))
    add(Case("truncated gzip member", "cut.warc.gz", reason=("truncated",), stored=1),
        two[: len(two) - 40])
    add(Case("WARC records that are not articles", "mixed.warc", failures=0, stored=1),
        _warc_record("http://example.org/img", b"\x89PNG....", content_type="image/png")
        + _warc_record("http://example.org/gone", b"<html>gone</html>", status="404 Not Found")
        + _warc_record("http://example.org/c", _page("Rebels seized the airport of Goma "
                                                     "on Sunday, witnesses said.")))
    # -- files a folder walk must not open ------------------------------------------------------
    add(Case("a markdown file", "notes.md", failures=0, skipped="not an article file"),
        b"# notes\n")
    if hasattr(os, "mkfifo"):
        add(Case("named pipe", "pipe.txt", failures=0, skipped="named pipe"), None)
        os.mkfifo(folder / "pipe.txt")
        sock = socket.socket(socket.AF_UNIX)
        try:
            sock.bind(str(folder / "sock.txt"))
            add(Case("socket", "sock.txt", failures=0, skipped="socket"), None)
        except OSError:
            pass
        finally:
            sock.close()
    loop = folder / "loop.txt"
    if not loop.is_symlink():
        os.symlink("loop.txt", loop)
    add(Case("symlink loop", "loop.txt", reason=("symbolic links",)), None)
    return cases

