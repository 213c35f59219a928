"""Web pages -> article body and metadata: what newsgraph reads from an HTML page.

The body comes from trafilatura; the page's metadata gives the title, site name, URL and date.
Decoding the bytes is `sources`' job; this module starts from the decoded page.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from newsgraph.document import RawArticle, ReadError

NO_BODY = "no article body found in the HTML"

_SNIFF_BYTES = 8192
_MIN_SENTENCE_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "»", ")")

_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "favor_precision": True,
    # Markup only (meta tags, JSON-LD, <time>, URL): a date picked from running text would
    # be an inference, and the record says a metadata date came from metadata.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}

# trafilatura and htmldate log every page they give up on; without a handler of the
# application's, Python would print those to stderr. Failures are ReadErrors here instead.
for _logger_name in ("trafilatura", "htmldate"):
    logging.getLogger(_logger_name).addHandler(logging.NullHandler())


def page_article(
    html: str, *, source: str, fields: dict[str, str], fallback_group: str
) -> RawArticle | ReadError:
    """The article body and metadata of a decoded HTML page (`fields`: the input's own id,
    title, outlet, published and url, which win over the page's metadata); a page with no
    prose in it is a ReadError."""
    import trafilatura

    doc_id = fields.get("id")
    if not html.strip():
        return ReadError(source, "empty file", doc_id)
    url = fields.get("url")
    page = _full_page(html)
    try:
        extracted = trafilatura.bare_extraction(page, url=url, fast=True, **_TRAFILATURA_OPTIONS)
        if extracted is None or not (extracted.text or "").strip():
            # The fallback extractors find text on any page, navigation included ("Home
            # World"): accept what they find only when it reads as prose.
            extracted = trafilatura.bare_extraction(
                page, url=url, fast=False, **_TRAFILATURA_OPTIONS
            )
            if extracted is None or not _has_prose(extracted.text or ""):
                return ReadError(source, NO_BODY, doc_id)
    except Exception as error:  # lxml and trafilatura raise more than ValueError on odd pages
        return ReadError(source, f"cannot parse the HTML: {type(error).__name__}: {error}", doc_id)
    text = extracted.text
    title = fields.get("title") or _clean_meta(extracted.title)
    outlet = fields.get("outlet") or _clean_meta(extracted.sitename)
    url = url or _clean_meta(extracted.url)
    if fields.get("published"):
        published, how = fields["published"], "given"
    elif _clean_meta(extracted.date):
        published, how = _clean_meta(extracted.date), "metadata"
    else:
        published, how = None, None
    return RawArticle(
        source=source,
        text=text,
        raw=html,
        id=doc_id,
        title=title,
        outlet=outlet,
        published=published,
        published_how=how,
        url=url,
        format="html",
        group=outlet or hostname(url) or fallback_group,
    )


def _has_prose(text: str) -> bool:
    """Whether some line is a sentence: enough words and a closing punctuation mark."""
    return any(
        len(line.split()) >= _MIN_SENTENCE_WORDS and line.rstrip().endswith(_SENTENCE_ENDS)
        for line in text.splitlines()
    )


def _full_page(html: str) -> str:
    """trafilatura rejects a bare fragment ("<p>..</p>" alone), which JSON lines often hold."""
    head = html[:_SNIFF_BYTES].lower()
    if "<html" in head or "<body" in head:
        return html
    return f"<html><body><article>{html}</article></body></html>"


def _clean_meta(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def hostname(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
