"""The engine-free batch function: raw articles in, documents and records out.

`process_batch` is the one unit of work every way of running newsgraph uses: `extract` and
`ingest` in this process, each worker of `--workers N`, and a scale-out runner. It cleans the
articles (with the repeated-line statistics of their chunk, learned beforehand and passed in),
parses them together with `nlp.pipe` inside a spaCy memory zone, runs every stage and turns each
Doc into its record; the Docs never leave it. Each article is isolated: an article that fails
or runs past its time limit fails alone, as a `Failure` naming its input, and the others of the
batch are still extracted.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.authors import find_authors
from newsgraph.boilerplate import REPEATED, line_group
from newsgraph.clean import CleanSettings, CleanText, LineStats, clean
from newsgraph.config import DEFAULT_SETTINGS, RunSettings, check_max_chars
from newsgraph.doc import keep_text
from newsgraph.document import Document, Published, RawArticle, ReadError, content_id
from newsgraph.language import detect, is_english
from newsgraph.record import Record, build_record, calendar_date, check_spans
from newsgraph.sanitise import sanitise_fields

_RUN = DEFAULT_SETTINGS.run


@dataclass(frozen=True)
class Limits:
    """The most work one article may ask for (config.cfg [run]): spaCy's memory
    grows with an article's tokens and some stages' work with its lines, so an input past any
    of these fails alone, with the limit named, instead of taking the memory of the machine."""

    max_chars: int = _RUN.max_chars
    max_lines: int = _RUN.max_lines
    max_tokens: int = _RUN.max_tokens

    def __post_init__(self) -> None:
        check_max_chars(self.max_chars)

    @classmethod
    def of(cls, run: RunSettings) -> Limits:
        """The limits a run's settings give."""
        return cls(max_chars=run.max_chars, max_lines=run.max_lines, max_tokens=run.max_tokens)

    def refuse(self, text: str) -> str | None:
        """Why `text` is too much for one article (before it is cleaned), or None."""
        if len(text) > self.max_chars:
            return (f"article too long: {len(text)} characters, over --max-chars "
                    f"{self.max_chars} (split it into articles, or raise the limit)")
        lines = text.count("\n") + 1
        if lines > self.max_lines:
            return (f"too many lines: {lines}, over --max-lines {self.max_lines} (is this "
                    "one article?)")
        return None


@dataclass(frozen=True)
class Extraction:
    """One article read, cleaned, annotated and extracted."""

    document: Document
    record: Record
    warnings: tuple[str, ...] = ()
    """What was dropped from the input and why (the article itself is kept)."""


@dataclass(frozen=True)
class Failure:
    """One input that could not be turned into a record, and why."""

    source: str
    error: str
    id: str | None = None


Outcome = Extraction | Failure


class ArticleTimeout(Exception):
    """An article (or a batch) ran past its time limit."""


def build_document(article: RawArticle, line_stats: LineStats | None = None,
                   settings: CleanSettings | None = None) -> Document:
    """Clean a raw article into the `Document` every later stage points into."""
    settings = settings or CleanSettings()
    cleaned = clean(article.text, title=article.title, group=lines_of(article),
                    line_stats=line_stats, settings=settings)
    if not cleaned.text.strip():
        raise ValueError("no article text left after removing boilerplate")
    published_value = calendar_date(article.published)
    if published_value:
        published = Published(published_value, article.published_how or "given")
    else:
        published = Published(None, "unknown")
    # an unusable given date is dropped (the article kept): see `input_warnings`
    return Document(
        id=str(article.id) if article.id not in (None, "") else _content_id(article, cleaned,
                                                                          settings),
        source=article.source,
        raw=article.raw,
        source_text=article.text,
        text=cleaned.text,
        offsets=cleaned.offsets,
        title=article.title or cleaned.title,
        outlet=article.outlet or cleaned.outlet,
        published=published,
        url=article.url,
        format=article.format,
        removed=list(cleaned.removed),
        title_span=cleaned.title_span,
        language=detect(cleaned.text),
        authors=list(find_authors(cleaned.text, article.authors)),
    )


def _content_id(article: RawArticle, cleaned: CleanText, settings: CleanSettings) -> str:
    """The id of an article without one: a hash of the clean text it has on its own.

    Lines removed only because other articles of the batch repeat them depend on what else
    was read with it; the id must not, or the same article would be stored twice.
    """
    if any(passage.reason == REPEATED for passage in cleaned.removed):
        return content_id(clean(article.text, title=article.title, group=lines_of(article),
                                settings=settings).text)
    return content_id(cleaned.text)


def input_warnings(article: RawArticle) -> tuple[str, ...]:
    """What of an article's input is not used, so that every input is accounted for."""
    if article.published and not calendar_date(article.published):
        return (f"published {article.published!r} is not a date (YYYY-MM-DD): the article "
                "is kept without it",)
    return ()


def lines_of(article: RawArticle) -> str:
    """The line group (`boilerplate.line_group`) whose repeated lines an article shares."""
    return line_group(article.group, article.published)


def line_stats_of(items: Iterable[RawArticle | ReadError]) -> LineStats:
    """The repeated-line statistics of articles (all the inputs of a run), pruned to the lines
    that can count (so they are cheap to send to the workers that clean the batches)."""
    stats = LineStats()
    for item in items:
        if isinstance(item, RawArticle):
            stats.add(lines_of(item), item.text)
    return stats.pruned()


def article_doc(nlp: Language, document: Document) -> Doc:
    """The Doc of a clean document, carrying what its input said (`doc._.article`)."""
    doc = nlp.make_doc(document.text)
    keep_text(doc, document.text)
    doc._.article = {
        "id": document.id,
        "published": document.published.to_json(),
        "title_span": list(document.title_span) if document.title_span else None,
        "title": document.title,
    }
    return doc


def process_batch(
    items: Sequence[RawArticle | ReadError],
    nlp: Language,
    *,
    line_stats: LineStats | None = None,
    batch_size: int = _RUN.batch_size,
    timeout: float | None = None,
    clean_settings: CleanSettings | None = None,
    limits: Limits | None = None,
    kept_words: int = _RUN.kept_words,
) -> list[Outcome]:
    """Clean, parse and extract a batch of raw articles, in order; one outcome per item.

    Every string of an item is sanitised first (`newsgraph.sanitise`), and an article past
    `limits` fails before any work is spent on it. The batch is parsed in one `nlp.pipe` call
    under a time limit of `timeout` seconds per article (cleaning one article has the same
    limit); if anything in it fails or runs out of time, each article is done again on its
    own, so only the guilty one fails. Up to `kept_words` words stay in spaCy's vocabulary
    from one batch to the next (`keep_words`).
    """
    limits = limits or Limits()
    outcomes: list[Outcome | None] = [None] * len(items)
    documents: list[tuple[int, Document, tuple[str, ...]]] = []
    for position, item in enumerate(items):
        item = sanitise_fields(item)
        if isinstance(item, ReadError):
            outcomes[position] = Failure(item.source, item.error, item.id)
            continue
        refusal = limits.refuse(item.text)
        if refusal:
            outcomes[position] = Failure(item.source, refusal, item.id)
            continue
        try:
            with time_limit(timeout):
                document = build_document(item, line_stats, clean_settings)
        except ArticleTimeout:
            outcomes[position] = Failure(item.source, _too_slow(timeout), item.id)
            continue
        except Exception as error:
            outcomes[position] = Failure(item.source, _reason(error), item.id)
            continue
        if is_english(document.language):
            documents.append((position, document, input_warnings(item)))
            continue
        # stored with its text and metadata; the English stages cannot read it
        outcome, warnings = _record(document, None), input_warnings(item)
        if warnings and isinstance(outcome, Extraction):
            outcome = replace(outcome, warnings=warnings)
        outcomes[position] = outcome
    found = [document for _, document, _ in documents]
    try:
        with time_limit(timeout * len(found) if timeout else None):
            extracted = _extract(nlp, found, batch_size, limits.max_tokens, kept_words)
    except Exception:
        extracted = [_extract_one(nlp, document, timeout, limits.max_tokens, kept_words)
                     for document in found]
    for (position, _, warnings), outcome in zip(documents, extracted, strict=True):
        if warnings and isinstance(outcome, Extraction):
            outcome = replace(outcome, warnings=warnings)
        outcomes[position] = outcome
    return [outcome for outcome in outcomes if outcome is not None]


def _extract(nlp: Language, documents: list[Document], batch_size: int,
             max_tokens: int, kept_words: int = 0) -> list[Outcome]:
    """Parse and extract documents together; raises if any of them makes spaCy fail. The Docs
    are parsed inside the memory zone (the strings they add are freed with it); one with more
    than `max_tokens` tokens fails before the parser sees it."""
    outcomes: list[Outcome | None] = []
    kept = kept_docs(nlp, documents, kept_words)
    with nlp.memory_zone():
        parsed: list[tuple[int, Document, Doc]] = []
        for number, document in enumerate(documents):
            doc = kept[number] if number in kept else article_doc(nlp, document)
            if len(doc) > max_tokens:
                outcomes.append(Failure(document.source, f"too many tokens: {len(doc)}, over "
                                        f"--max-tokens {max_tokens} (split it into articles, "
                                        "or raise the limit)", document.id))
                continue
            parsed.append((len(outcomes), document, doc))
            outcomes.append(None)
        docs = nlp.pipe((doc for _, _, doc in parsed), batch_size=batch_size)
        for (position, document, _), doc in zip(parsed, docs, strict=True):
            outcomes[position] = _record(document, doc)
    return [outcome for outcome in outcomes if outcome is not None]


_KEPT: WeakKeyDictionary[Language, int] = WeakKeyDictionary()
"""How many words `kept_docs` made permanent in each pipeline's vocabulary (spaCy's own
`len(vocab)` also counts the words a memory zone freed, so it cannot serve as the count)."""


def kept_docs(nlp: Language, documents: list[Document], kept_words: int) -> dict[int, Doc]:
    """The Docs (by position) of the articles whose words stay in spaCy's vocabulary: those
    made while fewer than `kept_words` words have been kept in this pipeline.

    Inside a memory zone spaCy frees every word a batch added and its tokenizer caches
    nothing, so without this each batch would create again the lexemes of the words every
    article uses and split each of them into tokens again (together about 5% of the parse).
    A Doc made outside the zone keeps its words and fills the tokenizer's cache; keeping the
    words of the first articles, up to the bound (passed by at most one article's words),
    keeps the memory of a long run flat. A lexeme's attributes and a word's tokens come from
    its text alone, so what is kept never changes a record."""
    docs: dict[int, Doc] = {}
    for number, document in enumerate(documents):
        if _KEPT.get(nlp, 0) >= kept_words:
            break
        words = len(nlp.vocab)  # outside a zone, only words that stay are added
        docs[number] = article_doc(nlp, document)
        _KEPT[nlp] = _KEPT.get(nlp, 0) + len(nlp.vocab) - words
    return docs


def _extract_one(nlp: Language, document: Document, timeout: float | None,
                 max_tokens: int, kept_words: int = 0) -> Outcome:
    try:
        with time_limit(timeout):
            [outcome] = _extract(nlp, [document], 1, max_tokens, kept_words)
        return outcome
    except ArticleTimeout:
        return Failure(document.source, _too_slow(timeout), document.id)
    except Exception as error:
        return Failure(document.source, f"extraction failed: {_reason(error)}", document.id)


def _too_slow(timeout: float | None) -> str:
    return f"extraction took more than {timeout:g} s (--timeout)"


def _record(document: Document, doc: Doc | None) -> Outcome:
    """The record of one finished Doc (None: the stages were skipped), its spans checked (a
    bad span fails this article)."""
    try:
        record = build_record(document, doc)
        check_spans(record)
    except Exception as error:
        return Failure(document.source, f"extraction failed: {_reason(error)}", document.id)
    return Extraction(document, record)


def _reason(error: BaseException) -> str:
    return str(error) if isinstance(error, ValueError) else repr(error)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ArticleTimeout in this thread after `seconds` (a real-time interval timer; only
    in the main thread, where Python delivers signals: elsewhere there is no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
