"""`newsgraph query "SQL" --parquet DIR`: SQL over a run's Parquet tables through DuckDB, for
corpora too big for one SQLite file. Each table of the run is a view of the same name
(documents, entities, mentions, quotes, times, events, failures, inputs, ...) with its `month`
partition column; only the committed parts are read. DuckDB reads the columns a query names
and skips the months its filter excludes.
"""

from __future__ import annotations

from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.scale.tables import INPUTS, RunFolder, row_tables


def query(sql: str, location: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The column names and rows of `sql` over the run at `location`."""
    try:
        import duckdb
    except ImportError as error:
        raise NewsgraphError("querying Parquet needs duckdb: pip install 'newsgraph[ray]'"
                             ) from error
    folder = RunFolder(location)
    if not folder.exists():
        raise NewsgraphError(f"{location} holds no newsgraph run: write one with "
                             "`newsgraph run INPUT... --out DIR`")
    conn = duckdb.connect()
    committed = folder.committed_parts()  # one list for every table: a run may be committing
    try:
        for table in (*row_tables(), INPUTS):
            conn.register(table, folder.read(table, committed=committed))
        try:
            result = conn.execute(sql)
        except duckdb.Error as error:
            raise NewsgraphError(f"the query failed: {error}") from error
        names = [column[0] for column in result.description or ()]
        return names, result.fetchall()
    finally:
        conn.close()
