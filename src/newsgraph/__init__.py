"""newsgraph: news articles in; a sourced, queryable record of who did what to whom, who said
what, where and when out. See `newsgraph.api` for the functions re-exported here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["ExtractionError", "Store", "extract", "extract_many"]

if TYPE_CHECKING:
    from newsgraph.api import ExtractionError, extract, extract_many
    from newsgraph.store import Store


def __getattr__(name: str) -> Any:
    # Lazy, so `import newsgraph` (and the CLI's --help) does not load spaCy.
    if name in ("extract", "extract_many", "ExtractionError"):
        from newsgraph import api

        return getattr(api, name)
    if name == "Store":
        from newsgraph.store import Store

        return Store
    raise AttributeError(name)
