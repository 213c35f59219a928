"""Reading inputs (files, folders, globs, standard input) into `RawArticle`s and `ReadError`s.

Every failure becomes a `ReadError` value, so one bad file never stops a batch. Text is
decoded without silent guessing: a wrong guess would corrupt every name and quote downstream
while looking like success, so an encoding that cannot be settled is reported instead.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from glob import glob
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import urlsplit
from urllib.request import url2pathname

from newsgraph.config import DEFAULT_SETTINGS
from newsgraph.document import RawArticle, ReadError
from newsgraph.filesystems import is_uri
from newsgraph.sanitise import sanitise
from newsgraph.webpage import hostname, page_article

DEFAULT_MAX_BYTES = DEFAULT_SETTINGS.run.max_bytes
"""The most bytes read into memory as one article: a `.txt`/`.html` file, standard input, one
JSON line or one WARC record (config.cfg [run] max_bytes). `.jsonl` and WARC files are
streamed, so they may be larger."""

STDIN_SOURCE = "<stdin>"
_GLOB_MAGIC = re.compile(r"[*?[]")

_KINDS = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "txt"),
)
KNOWN_SUFFIXES = tuple(suffix for suffix, _ in _KINDS)
"""The extensions a directory walk picks up; anything else in a folder is not an article."""

BINARY = "binary file"
UNDECIDED = "cannot decode: not UTF-8 and no confident encoding guess"

_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
"""Text has (almost) no C0 control characters; binary data has about one byte in ten."""
_MAX_CHAOS = 0.2
"""charset-normalizer's "mess" ratio above which a decoding is not considered at all."""
_MIN_PRINTABLE_SHARE = 0.95
_CLOSE = 0.05
"""Two decodings whose scores differ by less than this cannot be told apart."""
_ANALYSED_CHARS = 65536
"""Enough text to judge a decoding; bounds the per-character work on large files."""

class DecodeError(ValueError):
    """Bytes that cannot be turned into text without guessing; the message says why."""

    def __init__(self, message: str, source: str = "") -> None:
        super().__init__(message)
        self.source = source


class Skipped(Counter[str]):
    """Inputs passed over on purpose, counted by reason ("not an article file (.md)", "named
    pipe", "WARC request record", "WARC response 404"), so that every input is accounted for
    in a run's summary even when it is not an article."""

    def summary(self) -> str:
        """"3 skipped: 2 not an article file (.md), 1 named pipe" (empty when none)."""
        if not self:
            return ""
        reasons = ", ".join(f"{count} {reason}" for reason, count in
                            sorted(self.items(), key=lambda item: (-item[1], item[0])))
        return f"{sum(self.values())} skipped: {reasons}"


# --- the public entry points ------------------------------------------------------------------


def read_sources(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    encoding: str | None = None,
    skipped: Skipped | None = None,
) -> Iterator[RawArticle | ReadError]:
    """Yield articles in input order; a path may be a file, a directory (walked recursively,
    sorted, files with known extensions only), a glob pattern (expanded, sorted), or "-" for
    standard input (bytes read from `stdin` or sys.stdin.buffer; its format sniffed: JSON
    lines if every non-empty line starts with "{", HTML if it starts with "<" / contains
    <html, else text). A path that does not exist -> ReadError. `encoding` decodes every
    input with that codec instead of detecting one; what is passed over is counted in
    `skipped`."""
    return read_inputs(input_files(paths, skipped), max_bytes=max_bytes, stdin=stdin,
                       encoding=encoding, skipped=skipped)


@dataclass(frozen=True)
class RemoteFile:
    """A file behind a filesystem URI ("s3://bucket/feeds/a.jsonl", "memory://x/a.html"),
    read through `newsgraph.filesystems` like a local file of the same name."""

    uri: str
    filesystem: Any
    path: str

    def __str__(self) -> str:
        return self.uri

    def open(self) -> BinaryIO:
        """A buffered byte stream (pyarrow's files have no `readline` of their own)."""
        return io.BufferedReader(self.filesystem.open_input_file(self.path))


Input = Path | str | RemoteFile | ReadError
"""One input of a batch: a file, a file behind a URI, "-" for standard input, or a path that
could not be listed."""


def input_files(paths: Iterable[str], skipped: Skipped | None = None) -> Iterator[Input]:
    """The files `read_sources` reads, in its order: folders walked, globs expanded; the files
    a walk passes over (hidden, unknown extension, not a regular file) counted in `skipped`."""
    skipped = skipped if skipped is not None else Skipped()
    for path in paths:
        try:
            yield from _expand(str(path), skipped)
        except Exception as error:  # a bug listing one input must not stop the others
            yield ReadError(sanitise(str(path)), _unexpected(error))


def read_inputs(
    inputs: Iterable[Input],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    encoding: str | None = None,
    skipped: Skipped | None = None,
) -> Iterator[RawArticle | ReadError]:
    """The articles of listed inputs (see `input_files`), in order."""
    for item in inputs:
        if isinstance(item, ReadError):
            yield item
        elif isinstance(item, RemoteFile):
            yield from _read_remote(item, max_bytes, encoding,
                                    skipped if skipped is not None else Skipped())
        elif item == STDIN_NAME:
            try:
                yield from _read_stdin(stdin, max_bytes, encoding)
            except Exception as error:  # reported as this input's failure
                yield ReadError(STDIN_SOURCE, _unexpected(error))
        else:
            yield from read_file(Path(item), max_bytes=max_bytes, encoding=encoding,
                                 skipped=skipped)


_COUNT_LINES_UP_TO = 256 * 1024 * 1024
"""JSON Lines inputs are counted line by line for a progress total only below this size."""


def count_articles(inputs: Iterable[Input]) -> int | None:
    """How many articles (or failures) listed inputs give, when that is cheap to know: one per
    document file or listing error, one per non-blank line of a JSON Lines file. None when any
    input cannot be counted without reading it (standard input, WARC, large JSON Lines)."""
    total = 0
    budget = _COUNT_LINES_UP_TO
    for item in inputs:
        if isinstance(item, ReadError):
            total += 1
            continue
        if item == STDIN_NAME:
            return None
        if isinstance(item, RemoteFile):
            if _kind(PurePosixPath(item.path)) in ("jsonl", "warc"):
                return None  # counting its lines would read it twice over the network
            total += 1
            continue
        kind = _kind(Path(item))
        if kind == "warc":
            return None
        if kind != "jsonl":
            total += 1
            continue
        try:
            info = Path(item).stat()
            if not stat.S_ISREG(info.st_mode):  # a named pipe: never opened to count it
                total += 1
                continue
            size = info.st_size
            if size > budget:
                return None
            budget -= size
            with open(item, "rb") as stream:
                total += max(1, sum(1 for line in stream if line.strip()))
        except OSError:
            total += 1  # read_file reports it as one failure
    return total


def read_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None,
    skipped: Skipped | None = None,
) -> Iterator[RawArticle | ReadError]:
    """The articles of one file, chosen by its extension; an unknown one is sniffed as text.
    Only a regular file is opened: a named pipe or a device could block forever or never end.
    """
    path = Path(path)
    try:
        special = _special_kind(os.stat(path).st_mode)
        if special:
            yield ReadError(sanitise(str(path)), f"not a regular file: a {special}")
            return
        kind = _kind(path)
        if kind == "jsonl":
            yield from _read_jsonl_file(path, max_bytes, encoding)
        elif kind == "warc":
            yield from _read_warc(path, max_bytes, encoding,
                                  skipped if skipped is not None else Skipped())
        else:
            yield _read_document_file(path, kind, max_bytes, encoding)
    except OSError as error:
        yield ReadError(sanitise(str(path)), _os_message(error))
    except Exception as error:  # reported as this file's failure; the batch goes on
        yield ReadError(sanitise(str(path)), _unexpected(error))


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Bytes to text: `encoding` when given (the user's word overrides detection), else a
    byte order mark, else UTF-16 without one, else strict UTF-8, else a confident guess.

    Raises DecodeError for binary data and for bytes whose encoding cannot be settled.
    """
    return _decode(data, source, declared=(), forced=encoding)


def html_article(html: str, *, source: str, given: dict | None = None) -> RawArticle | ReadError:
    """The article body and metadata of an HTML page; `given` fields (contract input form:
    id, title, outlet, published, url) override what the page's metadata says."""
    try:
        fields = _given_fields(given or {})
    except ValueError as error:
        return ReadError(source, str(error), _loose_id(given))
    return page_article(html, source=source, fields=fields, fallback_group="")


# --- dispatch -----------------------------------------------------------------------------


STDIN_NAME = "-"


def _expand(path: str, skipped: Skipped) -> Iterator[Input]:
    if path == STDIN_NAME:
        yield STDIN_NAME
        return
    if path.startswith("file://"):
        path = url2pathname(urlsplit(path).path)  # a local file, read as one
    elif is_uri(path):
        yield from _expand_uri(path, skipped)
        return
    location = Path(path)
    if location.is_dir():
        yield from _walk(location, skipped)
    elif location.exists():
        yield location
    elif location.is_symlink():  # a link to nothing, or one link of a loop
        try:
            location.stat()
            message = "no such file or directory"
        except OSError as error:
            message = _os_message(error)
        yield ReadError(sanitise(path), f"{message} (a symbolic link to "
                                        f"{sanitise(os.readlink(location))!r})")
    elif _GLOB_MAGIC.search(path):
        matches = sorted(glob(path, recursive=True))
        if not matches:
            yield ReadError(sanitise(path), "no files match the pattern")
        for match in matches:
            # The pattern named these files, so they are read like files named one by one.
            yield from _walk(Path(match), skipped) if Path(match).is_dir() else [Path(match)]
    else:
        yield ReadError(sanitise(path), "no such file or directory")


def _expand_uri(uri: str, skipped: Skipped) -> Iterator[Input]:
    """The files a URI names, as `_expand` finds local ones: a file, a folder walked (hidden
    names and unknown extensions passed over, sorted), or a glob pattern."""
    from pyarrow.fs import FileType

    from newsgraph.filesystems import filesystem

    try:
        fs, path = filesystem(uri)
    except Exception as error:  # an unknown scheme, a missing plugin, bad credentials
        yield ReadError(sanitise(uri), f"cannot open the filesystem: {error}")
        return
    name = _uri_namer(uri, path)
    kind = fs.get_file_info(path).type
    if kind == FileType.File:
        yield RemoteFile(uri, fs, path)
        return
    if kind == FileType.Directory:
        yield from _walk_uri(fs, name, path, skipped)
        return
    magic = _GLOB_MAGIC.search(path)
    if not magic:
        yield ReadError(sanitise(uri), "no such file or directory")
        return
    base = path[:magic.start()].rpartition("/")[0]
    pattern = _glob_pattern(path)
    found = [file for file in _walk_uri(fs, name, base or "/", Skipped(), unfiltered=True)
             if isinstance(file, RemoteFile) and pattern.fullmatch(file.path)]
    if not found:
        yield ReadError(sanitise(uri), "no files match the pattern")
    yield from found


def _uri_namer(uri: str, path: str) -> Callable[[str], str]:
    """How to name a file found under `uri` (whose filesystem path is `path`) as a URI of the
    same form: "memory://feeds" is the path "/feeds", and its file "/feeds/a.jsonl" is named
    "memory://feeds/a.jsonl"; "s3://bucket/x" is "bucket/x"."""
    if uri.endswith(path):
        return lambda found: uri[:len(uri) - len(path)] + found
    bare = path.lstrip("/")
    if uri.endswith(bare):
        return lambda found: uri[:len(uri) - len(bare)] + found.lstrip("/")
    scheme = uri.split("://", 1)[0]
    return lambda found: f"{scheme}://{found}"


def _walk_uri(fs: Any, name: Callable[[str], str], root: str, skipped: Skipped,
              unfiltered: bool = False) -> Iterator[Input]:
    """The files under a folder behind a URI, in `_walk`'s order and with its filters."""
    from pyarrow.fs import FileSelector, FileType

    try:
        infos = fs.get_file_info(FileSelector(root, recursive=True))
    except OSError as error:
        yield ReadError(sanitise(name(root)), _os_message(error))
        return
    found: list[tuple[tuple[str, ...], RemoteFile]] = []
    for info in infos:
        parts = tuple(PurePosixPath(info.path).relative_to(root.rstrip("/") or "/").parts)
        if info.type != FileType.File:
            if info.type == FileType.Directory and parts[-1].startswith(".") and not unfiltered:
                skipped["hidden folder"] += 1
            continue
        if not unfiltered:
            if any(part.startswith(".") for part in parts[:-1]):
                continue  # inside a hidden folder, counted once above
            reason = _name_skip(PurePosixPath(info.path))
            if reason:
                skipped[reason] += 1
                continue
        found.append((parts, RemoteFile(name(info.path), fs, info.path)))
    yield from (file for _parts, file in sorted(found, key=lambda pair: pair[0]))


def _glob_pattern(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression over whole paths: "*" and "?" within one folder name,
    "**" across folders, "[...]" a character class (what `glob(recursive=True)` means)."""
    out = []
    for token in re.findall(r"\*\*/?|\*|\?|\[[^\]/]*\]|[^*?\[]+|\[", pattern):
        if token.startswith("**"):
            out.append("(?:[^/]*/)*" if token.endswith("/") else ".*")
        elif token == "*":
            out.append("[^/]*")
        elif token == "?":
            out.append("[^/]")
        elif token.startswith("[") and len(token) > 2:
            out.append("[" + ("^" + token[2:-1] if token[1] == "!" else token[1:-1]) + "]")
        else:
            out.append(re.escape(token))
    return re.compile("".join(out))


def _walk(root: Path, skipped: Skipped) -> Iterator[Input]:
    """Regular files of known kinds under `root`, in sorted order of their relative paths;
    the rest counted in `skipped` by reason (hidden files and folders, other extensions, named
    pipes, sockets and devices, which are never opened)."""
    found: list[Path] = []
    problems: list[ReadError] = []

    def report(error: OSError) -> None:
        problems.append(ReadError(sanitise(str(error.filename or root)), _os_message(error)))

    for folder, subfolders, names in os.walk(root, onerror=report):
        hidden = [name for name in subfolders if name.startswith(".")]
        skipped.update("hidden folder" for _ in hidden)
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            path = Path(folder) / name
            reason = _walk_skip(path)
            if reason:
                skipped[reason] += 1
            else:
                found.append(path)
    yield from problems
    yield from sorted(found, key=lambda path: path.relative_to(root).parts)


def _name_skip(path: PurePosixPath | Path) -> str | None:
    """Why a folder walk passes over a file of this name (local or behind a URI), or None."""
    if path.name.startswith("."):
        return "hidden file"
    if _kind(path) is None:
        return f"not an article file ({path.suffix.lower() or 'no extension'})"
    return None


def _walk_skip(path: Path) -> str | None:
    """Why a folder walk passes over this file, or None to read it."""
    reason = _name_skip(path)
    if reason:
        return reason
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # read_file reports why it cannot be read (a broken link, a loop)
    special = _special_kind(mode)
    return special


def _special_kind(mode: int) -> str | None:
    """What a file that is not a regular file (nor a folder) is, or None for a regular one."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    return next((kind for suffix, kind in _KINDS if name.endswith(suffix)), None)


# --- whole documents: .txt, .html, unknown extensions, standard input ------------------------


def _read_document_file(path: Path, kind: str | None, max_bytes: int,
                        encoding: str | None = None) -> RawArticle | ReadError:
    source = sanitise(str(path))
    size = path.stat().st_size
    if size > max_bytes:
        return ReadError(source, f"file too large: {size} bytes > limit {max_bytes}")
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)
    return _document_bytes(data, source, kind, sanitise(path.absolute().parent.name),
                           max_bytes, encoding)


def _document_bytes(data: bytes, source: str, kind: str | None, folder: str, max_bytes: int,
                    encoding: str | None = None) -> RawArticle | ReadError:
    """One document file's bytes (read up to one byte past the limit) as an article."""
    if len(data) > max_bytes:  # a file that grew, or a device whose size stat cannot tell
        return ReadError(source, f"file too large: over the limit of {max_bytes} bytes")
    if kind == "txt":
        return _text_document(data, source, folder, encoding)
    if kind == "html":
        return _html_document(data, source, folder, encoding)
    return _sniffed_document(data, source, folder, encoding)


def _text_document(data: bytes, source: str, group: str,
                   encoding: str | None = None) -> RawArticle | ReadError:
    try:
        text = decode(data, source, encoding)
    except DecodeError as error:
        return ReadError(source, str(error))
    if not text.strip():
        return ReadError(source, "empty file")
    return RawArticle(source=source, text=text, raw=text, format="txt", group=group)


def _html_document(data: bytes, source: str, group: str,
                   encoding: str | None = None) -> RawArticle | ReadError:
    try:
        html = _decode(data, source, declared=(_meta_charset(data),), forced=encoding)
    except DecodeError as error:
        return ReadError(source, str(error))
    if not html.strip():
        return ReadError(source, "empty file")
    return page_article(html, source=source, fields={}, fallback_group=group)


def _read_stdin(stdin: BinaryIO | None, max_bytes: int,
                encoding: str | None = None) -> Iterator[RawArticle | ReadError]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield ReadError(STDIN_SOURCE, f"input too large: more than {max_bytes} bytes")
        return
    if not data.strip():
        yield ReadError(STDIN_SOURCE, "empty input")
        return
    if _looks_like_jsonl(data):
        try:
            text = decode(data, STDIN_SOURCE, encoding)
        except DecodeError as error:
            yield ReadError(STDIN_SOURCE, str(error))
            return
        # Split at "\n" only: JSON strings may hold U+2028 and other line breaks verbatim.
        lines = ((number, line) for number, line in enumerate(text.split("\n"), start=1))
        yield from _jsonl_articles(lines, STDIN_SOURCE, max_bytes)
        return
    yield _sniffed_document(data, STDIN_SOURCE, STDIN_SOURCE, encoding)


def _sniffed_document(data: bytes, source: str, group: str,
                      encoding: str | None = None) -> RawArticle | ReadError:
    """Input whose name says nothing about its format: HTML if it looks like it, else text."""
    if _looks_like_html(data):
        return _html_document(data, source, group, encoding)
    return _text_document(data, source, group, encoding)


def _looks_like_html(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "ignore").encode()
    head = head.removeprefix(codecs.BOM_UTF8)
    return head.lstrip().startswith(b"<") or b"<html" in head.lower()


def _looks_like_jsonl(data: bytes) -> bool:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    lines = [line.strip() for line in data.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith(b"{") for line in lines)


# --- JSON lines -------------------------------------------------------------------------------


def _read_jsonl_file(path: Path, max_bytes: int,
                     encoding: str | None = None) -> Iterator[RawArticle | ReadError]:
    with path.open("rb") as stream:
        yield from _read_jsonl_stream(stream, sanitise(str(path)), max_bytes, encoding)


def _read_jsonl_stream(stream: BinaryIO, source: str, max_bytes: int,
                       encoding: str | None = None) -> Iterator[RawArticle | ReadError]:
    """The articles of a JSON Lines byte stream, one per line; a bad line fails alone."""
    start = stream.read(4)
    stream.seek(0)
    wide = encoding and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    if wide or start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                 codecs.BOM_UTF32_BE)):
        # UTF-16/32 cannot be split at newline bytes: read it whole (within the limit).
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield ReadError(source, f"file too large: UTF-16/32 text over {max_bytes} bytes")
            return
        try:
            text = decode(data, source, encoding)
        except DecodeError as error:
            yield ReadError(source, str(error))
            return
        lines: Iterable[tuple[int, str | bytes | None]] = enumerate(text.split("\n"), 1)
    else:
        lines = _byte_lines(stream, max_bytes)
    any_line = False
    for item in _jsonl_articles(lines, source, max_bytes, encoding):
        any_line = True
        yield item
    if not any_line:
        yield ReadError(source, "empty file")


def _byte_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of a byte stream; None for a line longer than `max_bytes` (skipped)."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, line


def _jsonl_articles(
    lines: Iterable[tuple[int, str | bytes | None]], path: str, max_bytes: int,
    encoding: str | None = None,
) -> Iterator[RawArticle | ReadError]:
    for number, line in lines:
        source = f"{path}:{number}"
        if line is None:
            yield ReadError(source, f"line {number}: too large (over {max_bytes} bytes)")
            continue
        if isinstance(line, bytes):
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            try:
                line = decode(line, source, encoding)
            except DecodeError as error:
                yield ReadError(source, f"line {number}: {error}")
                continue
        if not line.strip():
            continue
        yield _jsonl_article(line, source, number, path)


def _jsonl_article(line: str, source: str, number: int, path: str) -> RawArticle | ReadError:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return ReadError(
            source, f"line {number}: not valid JSON ({error.msg} at column {error.colno})"
        )
    if not isinstance(item, dict):
        return ReadError(source, f"line {number}: not a JSON object")
    # JSON escapes can spell what no file can hold ("\\ud800", "\\u0000"): made safe here,
    # before the HTML parser, spaCy or SQLite see them
    item = {key: sanitise(value) if isinstance(value, str) else value
            for key, value in item.items()}
    try:
        fields = _given_fields(item)
    except ValueError as error:
        return ReadError(source, f"line {number}: {error}", _loose_id(item))
    text, html = item.get("text"), item.get("html")
    doc_id = fields.get("id")
    if isinstance(text, str) and text.strip():
        outlet, url = fields.get("outlet"), fields.get("url")
        published = fields.get("published")
        return RawArticle(
            source=source,
            text=text,
            raw=text,
            id=doc_id,
            title=fields.get("title"),
            outlet=outlet,
            published=published,
            published_how="given" if published else None,
            url=url,
            format="txt",
            group=outlet or hostname(url) or path,
        )
    if isinstance(html, str) and html.strip():
        article = page_article(html, source=source, fields=fields, fallback_group=path)
        if isinstance(article, ReadError):
            return replace(article, error=f"line {number}: {article.error}")
        return article
    return ReadError(source, f'line {number}: neither a non-empty "text" nor "html"', doc_id)


_GIVEN_KEYS = ("id", "title", "outlet", "published", "url")


def _given_fields(item: dict) -> dict[str, str]:
    """The contract's optional input fields as non-empty strings (a numeric id becomes "7")."""
    fields: dict[str, str] = {}
    for key in _GIVEN_KEYS:
        value = item.get(key)
        if value is None or isinstance(value, bool):
            continue
        if isinstance(value, int | float):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f'"{key}" must be a string, not {type(value).__name__}')
        if value.strip():
            fields[key] = value.strip()
    return fields


def _loose_id(item: Any) -> str | None:
    """The id of an item that failed validation, if it has a usable one, for the error."""
    value = item.get("id") if isinstance(item, dict) else None
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) else None


# --- WARC ------------------------------------------------------------------------------------


def _read_warc(path: Path, max_bytes: int, encoding: str | None,
               skipped: Skipped) -> Iterator[RawArticle | ReadError]:
    """HTML pages fetched with status 200; every other record is not an article, and is
    counted in `skipped` by kind ("WARC request record", "WARC response 404", "WARC response
    image/png"). A record cut short is a failure, never a partial article."""
    if path.stat().st_size == 0:
        yield ReadError(sanitise(str(path)), "empty file")
        return
    with path.open("rb") as stream:
        yield from _read_warc_stream(stream, str(path), max_bytes, encoding, skipped)


def _read_warc_stream(stream: BinaryIO, path: str, max_bytes: int, encoding: str | None,
                      skipped: Skipped) -> Iterator[RawArticle | ReadError]:
    """`_read_warc` of an open archive; each page's source is `path#record-id`."""
    from warcio.archiveiterator import ArchiveIterator

    name = sanitise(path)
    records = pages = 0
    try:
        for index, record in enumerate(ArchiveIterator(stream)):
            # warcio reads any text as a lenient old-style ARC record: only WARC counts.
            if record.format != "warc" or not record.rec_type:
                continue
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                skipped[f"WARC {record.rec_type} record"] += 1
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            status = record.http_headers.get_statuscode()
            if status != "200":
                skipped[f"WARC response {status}"] += 1
                continue
            if not _is_html_type(content_type):
                media = content_type.split(";", 1)[0].strip().lower() or "no type"
                skipped[f"WARC response {media}"] += 1
                continue
            pages += 1
            record_id = record.rec_headers.get_header("WARC-Record-ID") or str(index)
            source = sanitise(f"{path}#{record_id}")
            try:
                yield _warc_article(record, source, content_type, max_bytes, encoding)
            except Exception as error:  # one broken record, not a broken archive
                yield ReadError(source, _unexpected(error))
    except Exception as error:
        yield ReadError(name, f"cannot read the WARC archive: {error}")
        return
    if not records:
        yield ReadError(name, "not a WARC archive: no WARC records found")
    elif not pages:
        yield ReadError(name, "no HTML response records (status 200) in the WARC archive")


def _read_remote(file: RemoteFile, max_bytes: int, encoding: str | None,
                 skipped: Skipped) -> Iterator[RawArticle | ReadError]:
    """A file behind a URI, read as `read_file` reads a local one of the same name."""
    source = sanitise(file.uri)
    try:
        kind = _kind(PurePosixPath(file.path))
        size = file.filesystem.get_file_info(file.path).size
        if size == 0 and kind in ("jsonl", "warc"):
            yield ReadError(source, "empty file")
            return
        if kind not in ("jsonl", "warc") and size is not None and size > max_bytes:
            yield ReadError(source, f"file too large: {size} bytes > limit {max_bytes}")
            return
        with file.open() as stream:
            if kind == "jsonl":
                yield from _read_jsonl_stream(stream, source, max_bytes, encoding)
            elif kind == "warc":
                yield from _read_warc_stream(stream, file.uri, max_bytes, encoding, skipped)
            else:
                folder = sanitise(PurePosixPath(file.path).parent.name)
                yield _document_bytes(stream.read(max_bytes + 1), source, kind, folder,
                                      max_bytes, encoding)
    except OSError as error:
        yield ReadError(source, _os_message(error))
    except Exception as error:  # reported as this file's failure; the batch goes on
        yield ReadError(source, _unexpected(error))


def _warc_article(
    record: Any, source: str, content_type: str, max_bytes: int, encoding: str | None = None,
) -> RawArticle | ReadError:
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return ReadError(source, f"record too large: more than {max_bytes} bytes")
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:  # the archive (or its gzip member) ends inside the record
        length = record.rec_headers.get_header("Content-Length")
        return ReadError(source, f"truncated WARC record: {missing} of its {length} bytes "
                                 "are missing")
    if not payload.strip():
        return ReadError(source, "empty record")
    try:
        declared = (_header_charset(content_type), _meta_charset(payload))
        html = _decode(payload, source, declared=declared, forced=encoding)
    except DecodeError as error:
        return ReadError(source, str(error))
    fields = {"url": sanitise(url)} if url else {}
    return page_article(html, source=source, fields=fields, fallback_group=hostname(url) or "")


def _is_html_type(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type in ("text/html", "application/xhtml+xml")


def _header_charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


# --- decoding ------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONTROL_BYTES = frozenset(range(32)) - frozenset(b"\t\n\r\x0b\x0c") | {0x7F}
_CONTROL_BYTE_STRING = bytes(sorted(_CONTROL_BYTES))
_TEXT_CONTROLS = frozenset("\t\n\r\x0b\x0c")

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)

_WHATWG_LATIN1 = frozenset({"latin-1", "iso8859-1", "ascii"})
"""Labels browsers read as windows-1252, because that is what such pages really are."""


def _decode(data: bytes, source: str, declared: Iterable[str | None],
            forced: str | None = None) -> str:
    if forced:
        return _forced(data, source, forced)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"cannot decode: invalid {encoding} after its byte order mark"
                    f" (byte {error.start})",
                    source,
                ) from None
            _refuse_control_text(text, source)
            return text
    head = data[:_SNIFF_BYTES]
    wide = _utf16_without_bom(head)
    if wide:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            pass
        else:
            if _plausible_text(text[:_ANALYSED_CHARS]) and "\0" not in text:
                return text
    if _control_byte_share(head) > _MAX_CONTROL_SHARE:
        raise DecodeError(BINARY, source)
    nul = data.find(b"\0")
    if nul >= 0:  # text never holds NUL, wherever it stands
        raise DecodeError(f"{BINARY} (a NUL byte at byte {nul})", source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_control_text(text, source)
        return text
    for label in declared:
        codec = _declared_codec(label)
        if codec is None:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue  # the declaration is wrong; fall through to detection
        if _plausible_text(text[:_ANALYSED_CHARS]):
            return text
    guess = _confident_guess(data)
    if guess is None:
        raise DecodeError(UNDECIDED, source)
    return guess


def _forced(data: bytes, source: str, encoding: str) -> str:
    """The user's encoding (`--encoding`), strictly: bytes it cannot read are an error."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r} (--encoding)", source) from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise DecodeError(f"cannot decode as {encoding} (--encoding): invalid byte at "
                          f"{error.start}", source) from None
    text = text.removeprefix("\ufeff")
    if "\0" in text:
        raise DecodeError(BINARY, source)
    return text


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the bytes look like UTF-16 without a byte order mark:
    mostly Latin text has a NUL in every second byte, on one side only."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even = head[0:pairs * 2:2].count(0) / pairs
    odd = head[1:pairs * 2:2].count(0) / pairs
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def _control_byte_share(head: bytes) -> float:
    """The share of `_CONTROL_BYTES` in `head`, counted in C (every input is sniffed)."""
    if not head:
        return 0.0
    return (len(head) - len(head.translate(None, _CONTROL_BYTE_STRING))) / len(head)


def _share(items: Any, predicate: Any) -> float:
    items = list(items)
    return sum(1 for item in items if predicate(item)) / len(items) if items else 0.0


def _refuse_control_text(text: str, source: str) -> None:
    if _control_share(text[:_SNIFF_BYTES]) > _MAX_CONTROL_SHARE:
        raise DecodeError(BINARY, source)


_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Unicode's control characters (category Cc) but the tab and the line breaks."""


def _control_share(text: str) -> float:
    return len(_CONTROL_CHARS.findall(text)) / len(text) if text else 0.0


def _plausible_text(text: str) -> bool:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return False
    return _share(text, lambda char: char.isprintable() or char.isspace()) >= _MIN_PRINTABLE_SHARE


def _declared_codec(label: str | bytes | None) -> str | None:
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    if name in _WHATWG_LATIN1:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32", "utf-8")):
        return None  # UTF-8 already failed; a UTF-16/32 label without a BOM is a wrong label
    return name


def _meta_charset(data: bytes) -> bytes | None:
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1) if match else None


@dataclass(frozen=True)
class _Reading:
    """One candidate decoding and the evidence for it."""

    text: str
    chaos: float
    coherence: float
    foreign: float


def _confident_guess(data: bytes) -> str | None:
    """The only plausible decoding of non-UTF-8 bytes, or None when there is no clear winner.

    charset-normalizer ranks code pages by "mess" and letter-frequency coherence, but those
    often tie between Western and Central European pages (Spanish "señor" read as cp1250 is
    "seńor"). Ties are broken by whether the accented letters belong to one language's
    alphabet, and by refusing readings that mix scripts inside a word ("Cafй"); a tie that
    survives both is a refusal, not a coin toss.
    """
    from charset_normalizer import from_bytes

    readings: dict[str, _Reading] = {}
    for match in from_bytes(data):
        if match.chaos > _MAX_CHAOS:
            continue
        text = str(match)
        sample = text[:_ANALYSED_CHARS]
        if text in readings or not _plausible_text(sample) or _garbled_words(sample):
            continue
        readings[text] = _Reading(text, match.chaos, match.coherence, _foreign_letter_share(sample))
    if not readings:
        return None
    least_chaos = min(reading.chaos for reading in readings.values())
    contenders = sorted(
        (reading for reading in readings.values() if reading.chaos <= least_chaos + _CLOSE),
        key=lambda reading: (reading.foreign, -reading.coherence, reading.chaos),
    )
    best = contenders[0]
    for other in contenders[1:]:
        if other.foreign - best.foreign < _CLOSE and best.coherence - other.coherence < _CLOSE:
            return None
    return best.text


def _script(char: str) -> str | None:
    if char.isascii():
        return "LATIN"
    first = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
    if first in ("COMBINING", "MODIFIER"):
        return None
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC"):
        return "CJK"
    return first


def _garbled_words(text: str) -> bool:
    """Whether some word looks like a wrong code page's work, never like real text: it mixes
    scripts ("Cafй", Latin with Cyrillic) or has a symbol for a letter ("Z³rich", "Pe±a").
    Latin next to Japanese or Chinese is normal ("iPhoneを") and allowed."""
    scripts: set[str] = set()
    previous = ""
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category[0] in "LM":
            script = _script(char)
            if script is not None:
                scripts.add(script)
        else:
            if len(scripts) > 1 and scripts != {"LATIN", "CJK"}:
                return True
            scripts = set()
            following = text[index + 1 : index + 2]
            if (
                not char.isascii()
                and category in _LETTER_LIKE_SYMBOLS
                and previous.isalpha()
                and following.isalpha()
            ):
                return True
        previous = char
    return len(scripts) > 1 and scripts != {"LATIN", "CJK"}


_LETTER_LIKE_SYMBOLS = frozenset({"So", "Sm", "Sk", "Sc", "No", "Co", "Cn"})
"""Categories of the characters a wrong code page puts where a letter was."""


_LATIN_ALPHABETS = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "áéíñóúü",  # Spanish
        "àáâãçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "àçèéíïòóúü",  # Catalan
        "äöüß",  # German
        "áàéèëïóöüú",  # Dutch
        "æøåéó",  # Danish, Norwegian
        "åäöé",  # Swedish
        "åäöšž",  # Finnish
        "áæðéíóöþúý",  # Icelandic
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "ăâîșțşţ",  # Romanian
        "čćđšž",  # Croatian, Bosnian, Serbian, Slovenian
        "çğıöşüâîûİ",  # Turkish
        "äõöüšž",  # Estonian
        "āčēģīķļņšūž",  # Latvian
        "ąčęėįšųūž",  # Lithuanian
        "çë",  # Albanian
        "âêîôûŵŷáéíóúàèìòùäëïöü",  # Welsh
        "ċġħżàèìòù",  # Maltese
        "ĉĝĥĵŝŭ",  # Esperanto
    )
)


def _foreign_letter_share(text: str) -> float:
    """The share of accented Latin letters that the best-fitting single language lacks.

    A right reading of a page's bytes yields the letters of one language; a wrong one yields
    a mixture (Czech read as cp1252 gives "Pøedseda" beside "vlády").
    """
    letters: Counter[str] = Counter()
    for char in text:
        if not char.isascii() and char.isalpha() and _script(char) == "LATIN":
            lower = char.lower()
            letters[lower if len(lower) == 1 else char] += 1
    total = sum(letters.values())
    if not total:
        return 0.0
    covered = max(sum(count for letter, count in letters.items() if letter in alphabet)
                  for alphabet in _LATIN_ALPHABETS)
    return 1 - covered / total


# --- messages --------------------------------------------------------------------------------


def _os_message(error: OSError) -> str:
    return f"cannot read: {error.strerror or error}"


def _unexpected(error: Exception) -> str:
    return f"unexpected error while reading: {type(error).__name__}: {error}"
