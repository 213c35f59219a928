"""The Python API: the same code path as the CLI, for one article or many.

    >>> import newsgraph
    >>> record = newsgraph.extract("Up to 1,000 coal miners rallied in Donetsk.",
    ...                            published="2014-05-28")
    >>> [e["name"] for e in record["entities"]]
    ['Donetsk']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from newsgraph.document import RawArticle
from newsgraph.pipeline import Extraction, Failure, Pipeline
from newsgraph.record import Record
from newsgraph.sources import read_sources


class ExtractionError(ValueError):
    """An article could not be read or extracted; the message says why."""


@cache
def default_pipeline() -> Pipeline:
    """One pipeline per process: loading spaCy is the expensive part."""
    return Pipeline()


def _looks_like_path(value: str | os.PathLike[str]) -> bool:
    if isinstance(value, os.PathLike):
        return True
    if "\n" in value or len(value) >= 4096:
        return False
    try:
        return Path(value).is_file()
    except (OSError, ValueError):  # a one-line text longer than a file name may be; a NUL
        return False


def extract(
    text_or_path: str | os.PathLike[str],
    published: str | None = None,
    *,
    title: str | None = None,
    id: str | None = None,
) -> Record:
    """The extraction record of one article, given as text or as a path to a file.

    `published` (YYYY-MM-DD) anchors relative dates; `title` and `id` are kept as given.
    Raises ExtractionError when the article cannot be read.
    """
    if _looks_like_path(text_or_path):
        items: Iterable = read_sources([str(text_or_path)])
        if published or title or id:
            items = (_with_given(item, published, title, id) for item in items)
    else:
        text = str(text_or_path)
        items = [RawArticle(source="<text>", text=text, raw=text, id=id, title=title,
                            published=published, published_how="given" if published else None)]
    for result in default_pipeline().run(items):
        if isinstance(result, Failure):
            raise ExtractionError(f"{result.source}: {result.error}")
        return result.record
    raise ExtractionError(f"{text_or_path}: no article found")


def extract_many(paths: Iterable[str]) -> Iterator[Extraction | Failure]:
    """Records (or failures) for files, folders, globs, in input order."""
    return default_pipeline().run(read_sources(paths))


def _with_given(item, published: str | None, title: str | None, doc_id: str | None):
    if not isinstance(item, RawArticle):
        return item
    from dataclasses import replace

    return replace(
        item,
        published=published or item.published,
        published_how="given" if published else item.published_how,
        title=title or item.title,
        id=doc_id or item.id,
    )
