"""Filesystems behind URIs: where a run writes its tables and where inputs can be read from.

pyarrow's own filesystems serve the schemes it knows (file://, s3://, gs://, hdfs://);
fsspec's registry serves the rest (memory://, and whatever fsspec plugins are installed),
wrapped so that both look the same to the callers.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.fs as pafs


def is_uri(location: str) -> bool:
    """A location with a scheme ("memory://x", "s3://bucket/key"), not a local path."""
    scheme, found, _rest = location.partition("://")
    return bool(found) and scheme.isascii() and scheme.replace("+", "").isalnum()


def filesystem(location: str) -> tuple[pafs.FileSystem, str]:
    """The filesystem and path of a location: a local path, or a URI pyarrow knows (file://,
    s3://, gs://, hdfs://) or fsspec does (memory://, and the rest of its registry)."""
    if not is_uri(location):
        return pafs.LocalFileSystem(), str(Path(location).resolve())
    try:
        return pafs.FileSystem.from_uri(location)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        import fsspec

        fs, path = fsspec.core.url_to_fs(location)
        return pafs.PyFileSystem(pafs.FSSpecHandler(fs)), path
