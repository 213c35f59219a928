"""Reading articles from files, folders, globs, standard input, JSON lines and WARC archives."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.document import RawArticle, ReadError
from newsgraph.sources import (
    DecodeError,
    Skipped,
    decode,
    html_article,
    read_file,
    read_sources,
)

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Flood Waters Rise in Porto Alegre as Rescue Efforts Continue | The Southern Ledger</title>
  <meta property="og:title" content="Flood Waters Rise in Porto Alegre as Rescue Efforts Continue">
  <meta property="og:site_name" content="The Southern Ledger">
  <meta property="article:published_time" content="2024-05-07T09:30:00-03:00">
  <link rel="canonical" href="https://www.southernledger.example/world/2024/05/07/floods">
</head>
<body>
  <header>
    <nav class="main-nav">
      <ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
      <li><a href="/business">Business</a></li>
      <li><a href="/subscribe">Subscribe to our newsletter</a></li></ul>
    </nav>
  </header>
  <main>
    <article>
      <h1>Flood Waters Rise in Porto Alegre as Rescue Efforts Continue</h1>
      <p>Rescue teams in the southern Brazilian city of Porto Alegre worked through the night on
      Tuesday as the Guaíba River rose to a record level, forcing thousands of residents from
      their homes.</p>
      <p>Governor Eduardo Leite said at least 85 people had died across Rio Grande do Sul state
      and more than 130 were missing, calling the floods the worst disaster in the state's
      history.</p>
      <p>"We are facing a war scenario," Leite told reporters at the state emergency centre,
      adding that the federal government had sent helicopters, boats and more than 12,000 troops
      to help with evacuations.</p>
    </article>
  </main>
  <footer>
    <p>© 2024 The Southern Ledger. All rights reserved. Privacy policy · Terms of use</p>
  </footer>
</body>
</html>
"""

NAVIGATION_ONLY_PAGE = """<!DOCTYPE html>
<html><head><title>Page not found | The Southern Ledger</title></head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/s">Sport</a></nav></header>
  <div class="error">Page not found</div>
  <footer><p>© 2024 The Southern Ledger. All rights reserved.</p></footer>
</body></html>
"""

FRENCH = (
    "Le président François Hollande a rencontré jeudi à Paris le maire de Besançon, "
    "Jean-Louis Fousseret. « Nous avons évoqué la sécurité et l'emploi », a déclaré Hélène "
    "Garçon, porte-parole de l'Élysée, à l'issue de la réunion. Les élus ont également parlé "
    "des budgets régionaux, de la rénovation des écoles et de l'été à venir.\n"
)

DANISH = (
    "Det var en kold dag i København, hvor statsministeren mødte pressen på Christiansborg. "
    "Han sagde, at regeringen vil øge støtten til de ældre og til børnefamilierne i år. "
    "Oppositionen kritiserede forslaget og krævede en ny forhandling om finansloven, før "
    "sommerferien går i gang."
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def paragraph_page(title: str, body: str, charset: str = "utf-8") -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    )


# --- plain text, folders, globs, stdin ---------------------------------------------------


def test_samples_are_read_as_text_exactly(sample_paths: list[Path]):
    assert len(sample_paths) == 2
    articles = list(read_sources([str(path) for path in sample_paths]))
    for path, article in zip(sample_paths, articles, strict=True):
        assert isinstance(article, RawArticle)
        assert article.text == path.read_bytes().decode("utf-8")
        assert article.raw == article.text
        assert article.source == str(path)
        assert article.format == "txt"
        assert article.group == "samples"
    assert articles[0].text.startswith("Support The Moscow Times!")


def test_a_directory_is_walked_sorted_skipping_hidden_and_unknown_files(tmp_path: Path):
    root = tmp_path / "desk"
    write(root / "b.txt", "Second story about the harbour strike.")
    write(root / "a.txt", "First story about the council vote.")
    write(root / "zone" / "c.txt", "Third story, in a subfolder.")
    write(root / "notes.md", "Not an article: unknown extension in a folder.")
    write(root / "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(root / ".draft.txt", "Hidden draft, not to be read.")
    write(root / ".git" / "HEAD.txt", "Hidden folder, not to be read.")

    articles = list(read_sources([str(root)]))

    assert [Path(article.source).relative_to(root).as_posix() for article in articles] == [
        "a.txt",
        "b.txt",
        "zone/c.txt",
    ]
    assert all(isinstance(article, RawArticle) for article in articles)
    assert [article.group for article in articles] == ["desk", "desk", "zone"]


def test_a_glob_is_expanded_in_sorted_order(tmp_path: Path):
    for name in ("03.txt", "01.txt", "02.txt", "01.html"):
        write(tmp_path / name, f"The article stored as {name} reports on the port strike.")
    articles = list(read_sources([str(tmp_path / "*.txt")]))
    assert [Path(article.source).name for article in articles] == ["01.txt", "02.txt", "03.txt"]
    assert articles[1].text == "The article stored as 02.txt reports on the port strike."

    (nothing,) = read_sources([str(tmp_path / "*.jsonl")])
    assert isinstance(nothing, ReadError) and "no files match" in nothing.error


def test_inputs_keep_their_order_and_a_missing_path_does_not_stop_the_rest(tmp_path: Path):
    first = write(tmp_path / "first.txt", "The first article.")
    last = write(tmp_path / "last.txt", "The last article.")
    missing = tmp_path / "missing.txt"
    results = list(read_sources([str(first), str(missing), str(last)]))
    assert [type(result) for result in results] == [RawArticle, ReadError, RawArticle]
    assert results[1].source == str(missing)
    assert "no such file" in results[1].error
    assert results[2].text == "The last article."


def test_stdin_text_html_and_json_lines_are_sniffed():
    (text,) = read_sources(["-"], stdin=io.BytesIO("Café owners protested on Monday.\n".encode()))
    assert isinstance(text, RawArticle)
    assert (text.text, text.format, text.source) == (
        "Café owners protested on Monday.\n",
        "txt",
        "<stdin>",
    )

    (page,) = read_sources(["-"], stdin=io.BytesIO(NEWS_PAGE.encode("utf-8")))
    assert isinstance(page, RawArticle) and page.format == "html"
    assert page.title == "Flood Waters Rise in Porto Alegre as Rescue Efforts Continue"

    lines = b'{"id": 1, "text": "One."}\n\n{"id": "b", "text": "Two."}\n'
    first, second = read_sources(["-"], stdin=io.BytesIO(lines))
    assert (first.id, first.text, first.source) == ("1", "One.", "<stdin>:1")
    assert (second.id, second.text, second.source) == ("b", "Two.", "<stdin>:3")

    (empty,) = read_sources(["-"], stdin=io.BytesIO(b"  \n"))
    assert isinstance(empty, ReadError) and "empty" in empty.error


def test_an_unknown_extension_named_explicitly_is_read_as_text(tmp_path: Path):
    notes = write(tmp_path / "wire.md", "Reuters reported the ceasefire on Friday.")
    (article,) = read_sources([str(notes)])
    assert isinstance(article, RawArticle)
    assert article.text == "Reuters reported the ceasefire on Friday."
    (page,) = read_sources([str(write(tmp_path / "saved.page", NEWS_PAGE))])
    assert isinstance(page, RawArticle) and page.format == "html"


# --- HTML ------------------------------------------------------------------------------------


def test_a_news_page_gives_its_body_and_metadata(tmp_path: Path):
    path = write(tmp_path / "ledger" / "floods.html", NEWS_PAGE)
    (article,) = read_file(path)

    assert isinstance(article, RawArticle)
    assert article.format == "html"
    assert article.raw == NEWS_PAGE
    assert article.title == "Flood Waters Rise in Porto Alegre as Rescue Efforts Continue"
    assert article.outlet == "The Southern Ledger"
    assert (article.published, article.published_how) == ("2024-05-07", "metadata")
    assert article.url == "https://www.southernledger.example/world/2024/05/07/floods"
    assert article.group == "The Southern Ledger"
    paragraphs = [
        "the Guaíba River rose to a record level",
        "Governor Eduardo Leite said at least 85 people had died",
        '"We are facing a war scenario," Leite told reporters',
    ]
    flat = " ".join(article.text.split())
    for paragraph in paragraphs:
        assert paragraph in flat
    assert flat.index(paragraphs[0]) < flat.index(paragraphs[1]) < flat.index(paragraphs[2])
    for boilerplate in ("Subscribe to our newsletter", "All rights reserved", "Business"):
        assert boilerplate not in article.text


def test_a_page_without_an_article_body_is_a_read_error(tmp_path: Path):
    path = write(tmp_path / "404.html", NAVIGATION_ONLY_PAGE)
    (error,) = read_file(path)
    assert error == ReadError(str(path), "no article body found in the HTML")


def test_given_fields_override_the_page_metadata():
    article = html_article(
        NEWS_PAGE,
        source="feed",
        given={"id": 42, "title": "Floods in Brazil", "published": "2024-05-08"},
    )
    assert isinstance(article, RawArticle)
    assert (article.id, article.title) == ("42", "Floods in Brazil")
    assert (article.published, article.published_how) == ("2024-05-08", "given")
    assert article.outlet == "The Southern Ledger"


def test_an_html_meta_charset_is_honoured_and_never_replaced_by_a_guess(tmp_path: Path):
    # One short Danish sentence in windows-1252 reads as fluently in cp1257 ("Kųbenhavn"):
    # the page's own declaration settles it, and without one the page is refused.
    sentence = "Han mødte pressen i København."
    declared = paragraph_page("Pressemøde", sentence, charset="windows-1252").encode("cp1252")
    (article,) = read_file(write(tmp_path / "declared.html", declared))
    assert isinstance(article, RawArticle)
    assert sentence in article.text
    assert article.title == "Pressemøde"

    undeclared = declared.replace(b'<meta charset="windows-1252">', b"")
    (error,) = read_file(write(tmp_path / "undeclared.html", undeclared))
    assert isinstance(error, ReadError)
    assert error.error == "cannot decode: not UTF-8 and no confident encoding guess"


# --- JSON lines ----------------------------------------------------------------------------


def test_json_lines_with_a_broken_line_keep_the_others(tmp_path: Path):
    lines = [
        json.dumps({"id": 7, "text": "Miners rallied in Donetsk on Wednesday.",
                    "published": "2014-05-28", "title": "Miners rally", "outlet": "Wire"}),
        '{"id": "broken", "text": "no closing brace"',
        json.dumps({"id": "b2", "text": "Talks resumed in Geneva.",
                    "url": "https://www.example.org/geneva"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    first, broken, last = read_file(path)

    assert isinstance(first, RawArticle)
    assert first.id == "7"
    assert first.source == f"{path}:1"
    assert (first.published, first.published_how) == ("2014-05-28", "given")
    assert (first.title, first.outlet, first.group) == ("Miners rally", "Wire", "Wire")
    assert isinstance(broken, ReadError)
    assert broken.source == f"{path}:2"
    assert "line 2" in broken.error and "JSON" in broken.error
    assert isinstance(last, RawArticle)
    assert (last.id, last.text, last.group) == ("b2", "Talks resumed in Geneva.", "example.org")
    assert last.published is None and last.published_how is None


def test_json_lines_without_text_or_not_objects_are_errors(tmp_path: Path):
    lines = [
        json.dumps(["a", "list"]),
        json.dumps({"id": "t", "text": "   "}),
        json.dumps({"id": "h", "html": NEWS_PAGE, "outlet": "Ledger Wire"}),
        json.dumps({"text": "An article with neither outlet nor url."}),
    ]
    path = write(tmp_path / "mixed.jsonl", "\n".join(lines))
    not_object, no_text, page, plain = read_file(path)

    assert isinstance(not_object, ReadError) and "line 1" in not_object.error
    assert "not a JSON object" in not_object.error
    assert isinstance(no_text, ReadError) and no_text.id == "t" and "line 2" in no_text.error
    assert isinstance(page, RawArticle)
    assert (page.id, page.format, page.outlet, page.group) == ("h", "html", "Ledger Wire",
                                                               "Ledger Wire")
    assert "Governor Eduardo Leite" in page.text and "Subscribe" not in page.text
    assert isinstance(plain, RawArticle) and plain.id is None and plain.group == str(path)


# --- encodings and bad files ---------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_a_legacy_encoded_french_article_decodes_correctly(tmp_path: Path, encoding: str):
    path = write(tmp_path / "lemonde.txt", FRENCH.encode(encoding))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    (article,) = read_file(path)
    assert isinstance(article, RawArticle)
    assert article.text == FRENCH
    assert "Hélène Garçon" in article.text and "l'Élysée" in article.text


def test_byte_order_marks_decide_the_encoding():
    assert decode("\ufeffBogotá".encode("utf-16-le"), "x") == "Bogotá"
    assert decode("Bogotá".encode("utf-16"), "x") == "Bogotá"
    assert decode("Bogotá".encode("utf-8-sig"), "x") == "Bogotá"
    assert decode("Bogotá".encode("utf-32"), "x") == "Bogotá"


def test_an_undecidable_encoding_is_refused_not_guessed():
    # Eleven characters of windows-1251 read as well in several Cyrillic code pages.
    with pytest.raises(DecodeError, match="no confident encoding guess") as raised:
        decode("Привет, мир".encode("cp1251"), "greeting.txt")
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06",
        os.urandom(4096),
        bytes(range(1, 9)) * 200,
    ],
    ids=["png", "random", "controls"],
)
def test_binary_data_is_a_read_error(tmp_path: Path, content: bytes):
    for name in ("image.txt", "image.png"):
        (error,) = read_sources([str(write(tmp_path / name, content))])
        assert isinstance(error, ReadError)
        assert "binary" in error.error or "decode" in error.error


def test_empty_files_are_read_errors(tmp_path: Path):
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.html", " \n\t\n")
    no_lines = write(tmp_path / "none.jsonl", "\n\n")
    results = list(read_sources([str(empty), str(blank), str(no_lines)]))
    assert results == [
        ReadError(str(empty), "empty file"),
        ReadError(str(blank), "empty file"),
        ReadError(str(no_lines), "empty file"),
    ]


def test_a_file_over_the_limit_is_refused_and_the_next_is_read(tmp_path: Path):
    big = write(tmp_path / "big.txt", "word " * 400)
    small = write(tmp_path / "small.txt", "A short dispatch.")
    results = list(read_sources([str(big), str(small)], max_bytes=1000))
    assert results[0] == ReadError(str(big), "file too large: 2000 bytes > limit 1000")
    assert isinstance(results[1], RawArticle) and results[1].text == "A short dispatch."

    line = json.dumps({"id": "long", "text": "word " * 400})
    batch = write(tmp_path / "batch.jsonl", line + "\n" + json.dumps({"text": "Short."}) + "\n")
    too_long, short = read_file(batch, max_bytes=1000)
    assert isinstance(too_long, ReadError) and "line 1" in too_long.error
    assert isinstance(short, RawArticle) and short.text == "Short."


# --- WARC ----------------------------------------------------------------------------------


def write_warc(path: Path, *, gzip: bool) -> str:
    """One HTML page, one image and one request; returns the page's URL."""
    url = "https://www.southernledger.example/world/2024/05/07/floods"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        request = StatusAndHeaders(
            "GET /world/2024/05/07/floods HTTP/1.1",
            [("Host", "www.southernledger.example")],
            is_http_request=True,
        )
        writer.write_record(
            writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request)
        )
        html_headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(NEWS_PAGE.encode()), http_headers=html_headers
            )
        )
        image_headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://www.southernledger.example/logo.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
                http_headers=image_headers,
            )
        )
    return url


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_warc_archive_gives_its_html_pages(tmp_path: Path, name: str):
    path = tmp_path / name
    url = write_warc(path, gzip=name.endswith(".gz"))
    (article,) = read_sources([str(path)])
    assert isinstance(article, RawArticle)
    assert article.url == url
    assert article.source.startswith(f"{path}#<urn:uuid:")
    assert article.format == "html"
    assert article.outlet == "The Southern Ledger"
    assert "Governor Eduardo Leite said" in article.text
    assert "Subscribe to our newsletter" not in article.text


def test_a_corrupt_warc_is_a_read_error(tmp_path: Path):
    path = write(tmp_path / "broken.warc.gz", b"\x1f\x8b\x08\x00 this is not a gzip stream")
    (error,) = read_sources([str(path)])
    assert error == ReadError(str(path), "not a WARC archive: no WARC records found")


# --- inputs behind a filesystem URI (issue 19: memory:// here, as s3:// or gs:// would be) ------


def _memory_copy(local: Path, folder: str) -> str:
    """Every file under `local` copied to fsspec's in-memory filesystem; its URI."""
    import fsspec

    memory = fsspec.filesystem("memory")
    memory.rm(f"/{folder}", recursive=True) if memory.exists(f"/{folder}") else None
    for path in sorted(local.rglob("*")):
        if path.is_file():
            memory.pipe(f"/{folder}/{path.relative_to(local).as_posix()}", path.read_bytes())
    return f"memory://{folder}"


def test_a_folder_behind_a_uri_is_walked_as_a_local_one(tmp_path: Path):
    root = tmp_path / "desk"
    write(root / "b.txt", "Second story about the harbour strike.")
    write(root / "a.txt", "First story about the council vote.")
    write(root / "zone" / "c.txt", "Third story, in a subfolder.")
    write(root / "zone" / "feed.jsonl", json.dumps({"id": "f1", "text": "A line's story."})
          + "\n{broken\n")
    write(root / "notes.md", "Not an article: unknown extension in a folder.")
    write(root / ".draft.txt", "Hidden draft, not to be read.")
    write(root / ".git" / "HEAD.txt", "Hidden folder, not to be read.")
    write_warc(root / "crawl.warc.gz", gzip=True)
    uri = _memory_copy(root, "newsgraph-sources-test/desk")
    skipped_locally, skipped = Skipped(), Skipped()
    local = list(read_sources([str(root)], skipped=skipped_locally))
    remote = list(read_sources([uri], skipped=skipped))

    assert [item.source for item in remote] == [
        item.source.replace(str(root), uri) for item in local]
    names = [item.source.removeprefix(uri + "/") for item in remote]
    assert names[:2] + names[3:] == [
        "a.txt", "b.txt", "zone/c.txt", "zone/feed.jsonl:1", "zone/feed.jsonl:2"]
    assert names[2].startswith("crawl.warc.gz#<urn:uuid:") and "Governor" in remote[2].text
    assert [type(item) for item in remote] == [type(item) for item in local]
    assert [getattr(item, "text", None) for item in remote] == [
        getattr(item, "text", None) for item in local]
    assert [item.group for item in remote[:3]] == [item.group for item in local[:3]]
    assert remote[-1].error == local[-1].error and "line 2: not valid JSON" in remote[-1].error
    assert skipped == skipped_locally and skipped["hidden folder"] == 1


def test_a_uri_glob_a_missing_uri_and_a_file_over_the_limit(tmp_path: Path):
    for name in ("2024-03.txt", "2024-01.txt", "2023-12.txt", "sub/2024-02.txt"):
        write(tmp_path / name, f"The article stored as {name} reports on the port strike.")
    uri = _memory_copy(tmp_path, "newsgraph-sources-test/globs")
    found = [item.source.removeprefix(uri + "/") for item in read_sources([f"{uri}/2024-*.txt"])]
    assert found == ["2024-01.txt", "2024-03.txt"]
    deep = [item.source.removeprefix(uri + "/") for item in read_sources([f"{uri}/**/2024*"])]
    assert deep == ["2024-01.txt", "2024-03.txt", "sub/2024-02.txt"]

    missing, nothing = read_sources([f"{uri}/absent.txt", f"{uri}/*.jsonl"])
    assert missing == ReadError(f"{uri}/absent.txt", "no such file or directory")
    assert nothing == ReadError(f"{uri}/*.jsonl", "no files match the pattern")
    big, = read_sources([f"{uri}/2024-01.txt"], max_bytes=20)
    assert big.error == "file too large: 61 bytes > limit 20"


def test_a_file_uri_is_the_local_file(sample_paths: list[Path]):
    (article,) = read_sources([sample_paths[0].as_uri()])
    assert article.source == str(sample_paths[0])
    assert article.group == "samples"


# -- issue 18: what a folder or a file may hold ------------------------------------------------


def test_a_named_pipe_in_a_folder_is_skipped_and_counted(tmp_path):
    import os

    from newsgraph.sources import Skipped, read_sources

    (tmp_path / "a.txt").write_text("Ministers met in Geneva on Monday to talk about trade.")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "notes.md").write_text("# notes")
    skipped = Skipped()
    items = list(read_sources([str(tmp_path)], skipped=skipped))  # would hang on the pipe
    assert [item.source for item in items] == [str(tmp_path / "a.txt")]
    assert skipped == {"named pipe": 1, "not an article file (.md)": 1}
    assert skipped.summary() == "2 skipped: 1 named pipe, 1 not an article file (.md)"


def test_a_named_pipe_named_on_the_command_line_is_refused(tmp_path):
    import os

    from newsgraph.sources import read_sources

    os.mkfifo(tmp_path / "pipe.txt")
    [item] = read_sources([str(tmp_path / "pipe.txt")])
    assert item.error == "not a regular file: a named pipe"


def test_utf16_without_a_byte_order_mark_is_text(tmp_path):
    from newsgraph.sources import read_sources

    text = "Ministers met in Genève on Monday to talk about trade."
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        [item] = read_sources([str(path)])
        assert item.text == text, encoding


def test_nul_bytes_after_the_first_8_kb_mean_binary(tmp_path):
    from newsgraph.sources import read_sources

    path = tmp_path / "late.txt"
    path.write_bytes(b"Ministers met in Geneva on Monday.\n" * 300 + b"\0\0more")
    [item] = read_sources([str(path)])
    assert item.error == "binary file (a NUL byte at byte 10500)"


def test_a_symlink_loop_says_so(tmp_path):
    import os

    from newsgraph.sources import read_sources

    os.symlink("loop.txt", tmp_path / "loop.txt")
    [item] = read_sources([str(tmp_path / "loop.txt")])
    assert "Too many levels of symbolic links" in item.error and "loop.txt" in item.error
    assert "no such file" not in item.error


def test_encoding_overrides_detection(tmp_path):
    from newsgraph.sources import read_sources

    path = tmp_path / "latin.txt"
    path.write_bytes("Ça coûte 5 €".encode("cp1252"))
    [given] = read_sources([str(path)], encoding="cp1252")
    assert given.text == "Ça coûte 5 €"
    [wrong] = read_sources([str(path)], encoding="utf-8")
    assert wrong.error.startswith("cannot decode as utf-8 (--encoding)")


def test_a_truncated_warc_record_is_a_failure_and_other_records_are_counted(tmp_path):
    from newsgraph.sources import Skipped, read_sources
    from tests.reliability.corpus import _page, _warc_record

    page = _warc_record("http://example.org/a", _page("Rebels seized the airport of Goma on "
                                                      "Sunday, witnesses said."))
    path = tmp_path / "a.warc"
    path.write_bytes(_warc_record("http://example.org/i", b"GIF89a", content_type="image/gif")
                     + _warc_record("http://example.org/x", b"gone", status="404 Not Found")
                     + page[: len(page) // 2])
    skipped = Skipped()
    [item] = read_sources([str(path)], skipped=skipped)
    assert item.error.startswith("truncated WARC record:")
    assert skipped == {"WARC response image/gif": 1, "WARC response 404": 1}
