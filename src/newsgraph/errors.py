"""The errors a user can act on, in one place.

Raising one of these means "the input or the setup is wrong, and the message says how to fix
it": the command line prints the message without a traceback and exits 1. Anything else that
escapes is a bug in newsgraph and keeps its traceback.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """A problem the user can fix; the message says what is wrong and what to do."""


class StoreError(NewsgraphError):
    """The database named by `--db` cannot be used."""


class StoreNotFound(StoreError, FileNotFoundError):
    """No database at that path (or, for writing, no folder to create it in)."""


class NotAStore(StoreError):
    """The path holds something that is not a newsgraph store."""


class StoreVersionError(StoreError, RuntimeError):
    """A newsgraph store of a schema version this newsgraph cannot read as it is."""


class StoreBusy(StoreError):
    """Another process held the store's write lock for longer than the configured wait."""


class StoreFull(StoreError):
    """The disk, or the database's size limit, is full (SQLITE_FULL)."""
