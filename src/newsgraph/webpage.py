"""Web pages -> article body and metadata: what newsgraph reads from an HTML page.

The body comes from trafilatura with its own defaults (its extraction compared with its
readability and jusText fallbacks, tables kept), dialogs and hover cards pruned first; a
caption-sized result gives way to trafilatura's baseline (JSON-LD articleBody) or the page's
visible text when those hold several times more prose. A standfirst the page shows (its
description, set as a text of the body) and the extraction left out opens the body. The
page's metadata gives the title, site name, URL, date and authors. Decoding the bytes is
`sources`' job; this module starts from the decoded page.
"""

from __future__ import annotations

import logging
import re
from html import escape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from newsgraph.authors import metadata_names
from newsgraph.document import RawArticle, ReadError

NO_BODY = "no article body found in the HTML"

_SNIFF_BYTES = 8192
_MIN_SENTENCE_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*(?:\s|$)|[。！？]")
_SHORT_SENTENCE = re.compile(r"^\W*\w+\W+\w+\W+\w+.*[.!?][\"'”’»)]*$|[。！？]", re.MULTILINE)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
"""Kana, CJK ideographs, Hangul syllables and Thai: scripts written without spaces between
words, whose words are counted as about two characters each."""

_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    # Tables hold body text on many pages (results, schedules, whole pages laid out in one);
    # trafilatura still drops the layout tables it recognises as navigation.
    "include_tables": True,
    # Neither favour_precision nor favour_recall, and not fast: trafilatura's defaults, which
    # compare its own extraction with its fallbacks (readability, jusText) page by page, keep
    # more of the body on dev/html than any fixed mode (fast + favor_precision lost a tenth
    # of the body snippets); what they let through is newsgraph's cleaner's job.
    "fast": False,
    # Markup only (meta tags, JSON-LD, <time>, URL): a date picked from running text would
    # be an inference, and the record says a metadata date came from metadata.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}

_HOVER_WIDGET = " or ".join(
    f"contains(concat(' ', normalize-space(@class)), ' {name}')"
    for name in ("rollover", "hovercard", "hover-card", "popover"))
"""An element whose class names a hover widget (a class word starting with one of these)."""

_NOT_THE_PAGE = [
    ".//*[@role='dialog' or @aria-modal='true' or @role='tooltip']",
    f".//*[{_HOVER_WIDGET}][ancestor::*[{_HOVER_WIDGET}]][*][not(self::a)]",
]
"""Pruned before trafilatura and its fallbacks read the page: ARIA dialogs (pop-ups, sign-up
and consent boxes) and tooltips are by definition outside the document's flow; so is the card
of a hover widget (a name in the text that shows, on hover, the person's card with their
latest headlines): a hover element inside the widget that holds elements of its own and is
not a link; the trigger (the linked name) is kept. Read as text, a card glues into the
sentence ("Ilhan OmarIlhan OmarHillicon Valley: ...") and its names become entities. A lone
element of such a class is left alone: it may be the word itself."""

_LEDE_KEY_CHARS = 60
"""A description whose opening this long is in the body is already in it."""
_LEDE_KEY_WORDS = 6
"""The words of a description looked for at the start of a text node of the page."""

_FEW_WORDS = 50
"""An extraction shorter than this (in words) may have caught a caption or a teaser instead
of the article: the page's other readings are then compared with it."""
_MUCH_MORE = 3
"""How many times the prose of another reading must exceed the extraction to replace it."""

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
        extracted = trafilatura.bare_extraction(page, url=url, prune_xpath=_NOT_THE_PAGE,
                                                **_TRAFILATURA_OPTIONS)
        text = body_text(page, extracted.text if extracted is not None else None)
    except Exception as error:  # lxml and trafilatura raise more than ValueError on odd pages
        return ReadError(source, f"cannot parse the HTML: {type(error).__name__}: {error}", doc_id)
    if text is None:
        return ReadError(source, NO_BODY, doc_id)
    if extracted is None:
        extracted = _NO_METADATA
    lede = standfirst(page, text, _clean_meta(extracted.description))
    if lede:
        text = f"{lede}\n\n{text}"
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
        authors=metadata_names(extracted.author, outlet),
    )


def body_text(page: str, extracted: str | None) -> str | None:
    """trafilatura's body, unless it holds next to no prose while another reading of the page
    holds several times more: then trafilatura's baseline (the JSON-LD articleBody, else the
    <article> or paragraph text), and last the page's visible text. None when nothing reads
    as prose; the fallbacks find text on any page, navigation included ("Home World")."""
    import trafilatura

    if word_count(extracted or "") >= _FEW_WORDS:
        return extracted
    words = prose_words(extracted or "")
    _, baseline, _ = trafilatura.baseline(page)
    candidates = [baseline] if baseline else []
    if not candidates or prose_words(baseline) < _FEW_WORDS:
        candidates.append(visible_text(page))
    best = max(candidates, key=prose_words)
    best_words = prose_words(best)
    if words and best_words < max(_FEW_WORDS, _MUCH_MORE * words):
        return extracted
    if best_words:
        return best
    # a page with one short sentence is still an article; a page of menu labels is not
    return extracted if extracted and _SHORT_SENTENCE.search(extracted) else None


def standfirst(page: str, text: str, description: str | None) -> str | None:
    """The page's description when the page shows it as the article's standfirst and the body
    leaves it out: trafilatura drops the dek set between headline and body, which readers
    (and the page's own metadata) take as the article's first lines. Shown means a text node
    of the <body> opens with it; a description only in the <head> (a search-engine blurb), or
    one that is no sentence (a title, a list of keywords), is not the article's."""
    if not description or final_sentence_char(description) not in ".!?…":
        return None
    if not prose_words(description):
        return None
    folded = " ".join(description.split())
    if folded[:_LEDE_KEY_CHARS] in " ".join(text.split()):
        return None
    key = " ".join(folded.split()[:_LEDE_KEY_WORDS])
    body = max(page.lower().find("<body"), 0)
    variants = {key, escape(key, quote=False), escape(key), key.replace("'", "&#039;"),
                key.replace("'", "&#39;")}
    for variant in variants:
        at = page.find(variant, body)
        while at >= 0:
            if page[max(0, at - 200):at].rstrip().endswith(">"):
                return folded
            at = page.find(variant, at + 1)
    return None


def final_sentence_char(text: str) -> str:
    """The last character before closing quotes and brackets."""
    return text.rstrip("\"'”’»)] ")[-1:]


def prose_words(text: str) -> int:
    """The words in lines that read as prose: enough words and a sentence end in them."""
    total = 0
    for line in text.splitlines():
        count = word_count(line)
        if count >= _MIN_SENTENCE_WORDS and _SENTENCE_END.search(line):
            total += count
    return total


def word_count(text: str) -> int:
    """Words separated by spaces, plus about one per two characters of unspaced scripts."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


_INVISIBLE = frozenset(("script", "style", "noscript", "template", "head", "svg", "iframe",
                        "nav", "header", "footer", "aside", "form", "button", "select"))
_BLOCKS = frozenset(("p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
                     "h6", "section", "article", "blockquote", "pre", "dd", "dt", "table",
                     "ul", "ol", "main", "figure", "figcaption", "hr"))


class _VisibleText(HTMLParser):
    """The text a browser would show outside page furniture, one block per line. A streaming
    parser: it keeps no tree, so a page nested deeper than lxml accepts (libxml2 drops what
    lies below 256 levels) still gives its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._line: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _INVISIBLE:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._line.append(data)

    def _break(self) -> None:
        line = " ".join("".join(self._line).split())
        if line:
            self.lines.append(line)
        self._line = []

    def text(self) -> str:
        self._break()
        return "\n".join(self.lines)


def visible_text(page: str) -> str:
    """The page's visible text outside navigation, headers, footers and forms."""
    parser = _VisibleText()
    parser.feed(page)
    parser.close()
    return parser.text()


class _Metadata:
    """What an extraction that found no metadata says: nothing."""

    title = sitename = url = date = author = description = None


_NO_METADATA = _Metadata()


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
