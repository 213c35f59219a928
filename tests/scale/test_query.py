"""`newsgraph query --parquet`: the two analyst queries of docs/scale.md through DuckDB, with
the same answers as SQL on the loaded store."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.config import DEFAULT_SETTINGS
from newsgraph.scale.load import load
from newsgraph.scale.query import query

EVENTS_BY_MONTH = """SELECT month, type, count(*) AS events, count(DISTINCT doc_id) AS articles
FROM events WHERE negated = 0 GROUP BY month, type ORDER BY month, events DESC, type"""

TOP_SPEAKERS = """SELECT speaker_name, count(*) AS quotes FROM quotes
WHERE speaker_name IS NOT NULL GROUP BY speaker_name ORDER BY quotes DESC, speaker_name LIMIT 5"""


def test_analyst_queries_answer_as_sql_on_the_loaded_store(small_run, tmp_path):
    db = tmp_path / "loaded.db"
    load(small_run.out, db, DEFAULT_SETTINGS)
    names, rows = query(TOP_SPEAKERS, small_run.out)
    assert names == ["speaker_name", "quotes"]
    with sqlite3.connect(db) as conn:
        assert rows == conn.execute(TOP_SPEAKERS).fetchall()
        by_month = conn.execute(
            """SELECT CASE WHEN d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'
                           THEN substr(d.published, 1, 7) ELSE 'unknown' END,
                      e.type, count(*), count(DISTINCT e.doc_id)
               FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.negated = 0
               GROUP BY 1, 2""").fetchall()
    names, rows = query(EVENTS_BY_MONTH, small_run.out)
    assert names == ["month", "type", "events", "articles"]
    assert sorted(rows) == sorted(by_month)
    assert any(month == "2022-08" and articles == 3 for month, _, _, articles in rows)


def test_cli_query_prints_tab_separated_rows_and_json(small_run):
    result = CliRunner().invoke(main, ["query", "SELECT id, month FROM documents WHERE id "
                                       "LIKE 'copy-%' ORDER BY id", "--parquet", small_run.out])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["id\tmonth", "copy-0\t2022-08", "copy-1\t2022-08",
                                          "copy-2\t2022-08"]
    result = CliRunner().invoke(main, ["query", "SELECT count(*) AS n FROM failures",
                                       "--parquet", small_run.out, "--json"])
    assert result.stdout == '{"n": 1}\n'
    result = CliRunner().invoke(main, ["query", "SELECT nope FROM documents",
                                       "--parquet", small_run.out])
    assert result.exit_code == 1 and "the query failed" in result.stderr
