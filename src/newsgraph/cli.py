"""The `newsgraph` command line: ingest, extract, show, search, quotes, events, timeline,
export, serve, stats, eval.

Every command reads and writes through the same `Pipeline` and `Store` as the Python API.
Progress, messages and summaries go to standard error, results to standard output. Exit codes:
0 done, 1 some input failed or a thing was not found (a `NewsgraphError`: its message, no
traceback), 2 a usage error (a bad option or filter value), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import IO

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from newsgraph import filters
from newsgraph.config import DEFAULT_SETTINGS, Settings, load_settings
from newsgraph.errors import NewsgraphError
from newsgraph.facts import fact_types
from newsgraph.ontology import QUOTE_KINDS
from newsgraph.pipeline import Extraction, Failure, Pipeline
from newsgraph.sources import count_articles, input_files, read_inputs

DEFAULT_DB = "newsgraph.db"
INTERRUPTED = 130
"""The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it."""

err = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)

def pipeline_options(function: Callable) -> Callable:
    """--config, --workers, --batch-size, --timeout and --max-bytes, handed to the command as
    one `settings` (newsgraph's config.cfg, or the file given, with these values over it)."""
    run = DEFAULT_SETTINGS.run

    @functools.wraps(function)
    def command(*args: object, config: str | None, workers: int | None,
                batch_size: int | None, timeout: float | None, max_bytes: int | None,
                **kwargs: object) -> object:
        settings = load_settings(config).with_run(workers=workers, batch_size=batch_size,
                                                  timeout=timeout, max_bytes=max_bytes)
        return function(*args, settings=settings, **kwargs)

    options = [
        click.option("--config", type=click.Path(dir_okay=False, exists=True),
                     help="A config file in spaCy's format with settings over newsgraph's "
                          "own (src/newsgraph/config.cfg): stages, their settings, the "
                          "cleaner's thresholds."),
        click.option("--workers", type=click.IntRange(1),
                     help=f"Worker processes, each running the whole pipeline "
                          f"[default: {run.workers}]."),
        click.option("--batch-size", type=click.IntRange(1),
                     help=f"Articles per spaCy batch [default: {run.batch_size}]."),
        click.option("--timeout", type=click.FloatRange(min=0, min_open=True),
                     help=f"Seconds one article may take; past it, the article fails alone "
                          f"[default: {run.timeout:g}]."),
        click.option("--max-bytes", type=click.IntRange(1),
                     help=f"Size limit of one article read into memory (a file, a JSON line, "
                          f"a WARC record); larger ones are reported and skipped "
                          f"[default: {run.max_bytes}]."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def db_option(function):
    return click.option("--db", type=click.Path(dir_okay=False), default=DEFAULT_DB,
                        show_default=True, help="SQLite database file.")(function)


class FilterValue(click.ParamType):
    """A click type over one of `newsgraph.filters`' checks: a bad value is a usage error
    (exit 2) with the check's message."""

    def __init__(self, name: str, check: Callable[[str], str]) -> None:
        self.name = name
        self.check = check

    def convert(self, value: str, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        try:
            return self.check(value)
        except filters.FilterError as error:
            self.fail(str(error), param, ctx)


DATE = FilterValue("date", filters.date_bound)
EVENT_TYPE = FilterValue("PLOVER type", filters.event_type)
ENTITY_TYPE = FilterValue("entity type", filters.entity_type)


class NewsgraphCommands(click.Group):
    """The top-level group: a `NewsgraphError` (a missing database, a file that is not a store,
    an unknown entity) is its message and exit 1, never a traceback; Ctrl-C is exit 130."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except NewsgraphError as error:
            raise click.ClickException(str(error)) from error
        except KeyboardInterrupt:
            err.print("interrupted", highlight=False)
            ctx.exit(INTERRUPTED)


@contextmanager
def progress_bar(label: str, quiet: bool, total: int | None = None,
                 ) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr towards `total` inputs, with percentage and time left (a
    counter when the total is unknown), hidden when quiet or when stderr is not a terminal;
    yields `advance(current_source)`."""
    progress = Progress(SpinnerColumn(), TextColumn(label), BarColumn(), TaskProgressColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("eta"),
                        TimeRemainingColumn(), TextColumn("{task.fields[current]}"),
                        console=err, disable=quiet or not err.is_terminal, transient=True)
    with progress:
        task = progress.add_task(label, total=total, current="")
        yield lambda current="": progress.update(task, advance=1, current=current[-40:])


def run_pipeline(inputs: list, settings: Settings) -> Iterator[Extraction | Failure]:
    pipeline = Pipeline(settings=settings)
    return pipeline.run(read_inputs(inputs, max_bytes=settings.run.max_bytes))


def list_inputs(paths: tuple[str, ...], quiet: bool) -> tuple[list, int | None]:
    """The inputs named on the command line (folders walked, globs expanded), and how many
    articles they hold when that is cheap to count (for the progress bar's total)."""
    inputs = list(input_files(paths))
    show_bar = not quiet and err.is_terminal
    return inputs, count_articles(inputs) if show_bar else None


def one_line(text: str) -> str:
    """A message as one greppable line: no line breaks inside a path or a reason."""
    return " ".join(str(text).split())


def print_failures(failures: list[Failure], limit: int = 20) -> None:
    """One line per failure on stderr, never wrapped, so `grep failed` finds each whole."""
    for failure in failures[:limit]:
        err.print(f"[red]failed[/red] {escape(one_line(failure.source))}: "
                  f"{escape(one_line(failure.error))}", highlight=False, soft_wrap=True)
    if len(failures) > limit:
        err.print(f"... and {len(failures) - limit} more failures")


@click.group(cls=NewsgraphCommands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
def main() -> None:
    """newsgraph: news articles in; a sourced record of who did what to whom, who said what,
    where and when out. Every fact points at the character span it came from."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@pipeline_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], db: str, settings: Settings, quiet: bool) -> None:
    """Read, clean, annotate and store articles (files, folders, globs or - for stdin).

    Each article is stored in one transaction: an interrupted ingest leaves no half-written
    article, and running it again finishes the job. Re-ingesting an article changes nothing.
    """
    from newsgraph.store import Store

    outcomes: Counter[str] = Counter()
    failures: list[Failure] = []
    inputs, total = list_inputs(paths, quiet)
    with Store(db, settings=settings) as store:
        try:
            with progress_bar("ingesting", quiet, total) as advance:
                for result in run_pipeline(inputs, settings):
                    if isinstance(result, Failure):
                        failures.append(result)
                        store.record_failure(result.source, result.error)
                        outcomes["failed"] += 1
                    else:
                        try:
                            outcomes[store.put(result.document, result.record)] += 1
                        except ValueError as error:
                            failures.append(Failure(result.document.source, str(error)))
                            outcomes["failed"] += 1
                    advance(getattr(result, "source", ""))
        except KeyboardInterrupt:
            err.print(f"interrupted: {ingest_summary(outcomes, db)}; the article being read "
                      "and the rest were not stored (each stored article is whole: run the "
                      "same command again to finish, stored articles are skipped)",
                      highlight=False, soft_wrap=True)
            print_failures(failures)
            sys.exit(INTERRUPTED)
    err.print(ingest_summary(outcomes, db), highlight=False, soft_wrap=True)
    print_failures(failures)
    if failures:
        sys.exit(1)


def ingest_summary(outcomes: Counter[str], db: str) -> str:
    read = sum(outcomes.values())
    return (f"read {read}, stored {outcomes['stored']}, updated {outcomes['updated']}, "
            f"unchanged {outcomes['unchanged']}, failed {outcomes['failed']} -> {db}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True, help="Output format: the contract's extraction record.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Output file (- for standard output).")
@pipeline_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def extract(paths: tuple[str, ...], output_format: str, output: str, settings: Settings,
            quiet: bool) -> None:
    """Write the extraction record of each article (no database), in input order.

    An input that cannot be read yields an error record {"id", "source", "error"}.
    """
    from newsgraph.record import error_record

    failures: list[Failure] = []
    count = 0
    inputs, total = list_inputs(paths, quiet)
    written = f" -> {output}" if output != "-" else ""
    with click.open_file(output, "w", encoding="utf-8") as stream:
        try:
            with progress_bar("extracting", quiet, total) as advance:
                for result in run_pipeline(inputs, settings):
                    if isinstance(result, Failure):
                        failures.append(result)
                        line = error_record(result.source, result.error, result.id)
                    else:
                        line = result.record
                    write_json_line(stream, line)
                    count += 1
                    advance(getattr(result, "source", ""))
        except KeyboardInterrupt:
            err.print(f"interrupted: {count} records written{written}, in input order; the "
                      "rest were not extracted", highlight=False, soft_wrap=True)
            sys.exit(INTERRUPTED)
    if not quiet:
        err.print(f"extracted {count - len(failures)} of {count} articles{written}",
                  highlight=False, soft_wrap=True)
        print_failures(failures)
    if failures:
        sys.exit(1)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def write_json_line(stream: IO[str], value: object) -> None:
    stream.write(json.dumps(value, ensure_ascii=False) + "\n")


@main.command()
@click.argument("doc_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored record as JSON.")
def show(doc_id: str, db: str, as_json: bool) -> None:
    """Show one stored article: metadata, clean text, entities and removed boilerplate."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        record = store.get(doc_id)
    if record is None:
        raise click.ClickException(f"no article with id {doc_id!r} in {db}")
    if as_json:
        write_json_line(sys.stdout, record)
        return
    published = record["published"]
    out.print(f"[bold]{record['title'] or '(no title)'}[/bold]")
    out.print(f"id {record['id']} | outlet {record['outlet'] or '-'} | published "
              f"{published['value'] or '-'} ({published['how']}) | source {record['source']}")
    out.print()
    out.print(record["text"], markup=False)
    out.print()
    table = Table("entity", "type", "mentions", "spans", title="Entities")
    for entity in sorted(record["entities"], key=lambda e: -len(e["mentions"])):
        spans = ", ".join(f"{m['start']}-{m['end']}" for m in entity["mentions"][:6])
        table.add_row(entity["name"], entity["type"], str(len(entity["mentions"])), spans)
    out.print(table)
    for fact in fact_types():  # every fact type, each item with its span and what it says
        found = record.get(fact.field) or []
        if not found:
            continue
        facts = Table("span", "text", fact.layer, title=f"{fact.field.capitalize()} "
                      f"({len(found)})", show_lines=False)
        for item in found:
            start, end = fact.mark(item)
            facts.add_row(f"{start}-{end}", shorten(record["text"][start:end], 70),
                          fact.describe(item))
        out.print(facts)
    if record.get("removed"):
        out.print(f"\n[dim]Removed boilerplate ({len(record['removed'])} passages):[/dim]")
        for passage in record["removed"]:
            out.print(f"[dim]  - {passage['reason']}: {passage['text'][:90]!r}[/dim]")


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
def search(query: str, db: str, limit: int) -> None:
    """Full-text search over stored articles (SQLite FTS5), with snippets."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        hits = store.search(query, limit=limit)
    if not hits:
        err.print(f"no article matches {query!r}")
        return
    for hit in hits:
        out.print(f"[bold]{hit['id']}[/bold]  {hit.get('title') or ''}  "
                  f"[dim]{hit.get('outlet') or ''} {hit.get('published') or ''}[/dim]")
        out.print("    " + " ".join(hit["snippet"].split()), markup=False)


@main.command()
@db_option
@click.option("--speaker", help="Part of the speaker's name, or its entity id.")
@click.option("--about", metavar="ENTITY", help="An entity mentioned inside the quote.")
@click.option("--kind", type=click.Choice(QUOTE_KINDS, case_sensitive=False))
@click.option("--since", type=DATE, metavar="DATE",
              help="Articles published on or after this date (YYYY, YYYY-MM, YYYY-MM-DD, "
                   "or a relative day like 'yesterday').")
@click.option("--limit", type=click.IntRange(1), default=None)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per quote.")
def quotes(db: str, speaker: str | None, about: str | None, kind: str | None,
           since: str | None, limit: int | None, as_json: bool) -> None:
    """Who said what: stored quotes with speaker, date, outlet and `doc:start-end`."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        rows = store.quotes(speaker=speaker, about=about, kind=kind, since=since, limit=limit)
    for row in rows:
        if as_json:
            write_json_line(sys.stdout, row)
            continue
        out.print(f"[bold]{row['speaker_name'] or '(unknown speaker)'}[/bold] "
                  f"[dim]{row['date'] or row['published'] or 'undated'} {row['outlet'] or ''} "
                  f"({row['kind']}) {row['doc_id']}:{row['start']}-{row['end']}[/dim]")
        out.print("    " + " ".join(row["text"].split()), markup=False)
    if not rows and not as_json:
        err.print("no quote matches")


@main.command()
@db_option
@click.option("--entity", help="Part of an entity's name, or its id.")
@click.option("--from", "date_from", type=DATE, metavar="DATE",
              help="Earliest date (2014, 2014-05 ...).")
@click.option("--to", "date_to", type=DATE, metavar="DATE", help="Latest date, inclusive.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per fact.")
def timeline(db: str, entity: str | None, date_from: str | None, date_to: str | None,
             as_json: bool) -> None:
    """Dated facts in date order (events, and time expressions), with their spans."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        facts = store.timeline(entity=entity, date_from=date_from, date_to=date_to)
    for fact in facts:
        if as_json:
            write_json_line(sys.stdout, fact)
            continue
        what = fact["type"] if fact["kind"] == "event" else f"time {fact['type']}"
        out.print(f"{fact['value']:<12} {what:<14} {fact['text']!r:<28} "
                  f"[dim]{fact['doc_id']}:{fact['start']}-{fact['end']}[/dim]", highlight=False)
    if not facts and not as_json:
        err.print("no dated fact matches")


@main.command()
@db_option
@click.option("--type", "event_type", type=EVENT_TYPE,
              help="PLOVER type (PROTEST, ASSAULT, ...).")
@click.option("--actor", help="Part of the actor's name, or its entity id.")
@click.option("--place", help="Part of the place's name, or its entity id.")
@click.option("--from", "date_from", type=DATE, metavar="DATE",
              help="Earliest date (2014, 2014-05 ...).")
@click.option("--to", "date_to", type=DATE, metavar="DATE", help="Latest date, inclusive.")
@click.option("--negated", is_flag=True, help="Also list negated events.")
@click.option("--merged", is_flag=True,
              help="One line per real event, however many articles report it.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event.")
def events(db: str, event_type: str | None, actor: str | None, place: str | None,
           date_from: str | None, date_to: str | None, negated: bool, merged: bool,
           as_json: bool) -> None:
    """Who did what to whom, where and when: stored PLOVER events with their spans."""
    from newsgraph.store import Store

    if merged:
        with Store(db, readonly=True) as store:
            groups = store.merged_events(event_type=event_type, actor=actor, place=place,
                                         date_from=date_from, date_to=date_to,
                                         include_negated=negated)
        print_merged_events(groups, as_json)
        return
    with Store(db, readonly=True) as store:
        rows = store.events(event_type=event_type, actor=actor, place=place,
                            date_from=date_from, date_to=date_to, include_negated=negated)
    for row in rows:
        if as_json:
            write_json_line(sys.stdout, row)
            continue
        flags = "".join(f" [{flag}]" for flag in ("negated", "hypothetical") if row[flag])
        out.print(f"{row['date'] or 'undated':<11} [bold]{row['type']:<10}[/bold] "
                  f"{row['actor_name'] or '?'} -> {row['target_name'] or '-'}"
                  f"{' @ ' + row['place_name'] if row['place_name'] else ''}{flags} "
                  f"[dim]{row['trigger_text']!r} {row['doc_id']}:{row['trigger_start']}-"
                  f"{row['trigger_end']}[/dim]", highlight=False)
    if not rows and not as_json:
        err.print("no event matches")


def print_merged_events(groups: list[dict], as_json: bool) -> None:
    """One line per real event with how many reports and outlets tell it, then its reports."""
    for group in groups:
        if as_json:
            write_json_line(sys.stdout, group)
            continue
        flags = "".join(f" [{flag}]" for flag in ("negated", "hypothetical") if group[flag])
        out.print(f"{group['date'] or 'undated':<11} [bold]{group['type']:<10}[/bold] "
                  f"{group['actor_name'] or '?'} -> {group['target_name'] or '-'}"
                  f"{' @ ' + group['place_name'] if group['place_name'] else ''}{flags} "
                  f"[dim]{group['n_mentions']} mention(s), {group['n_outlets']} outlet(s)[/dim]",
                  highlight=False)
        for mention in group["mentions"]:
            out.print(f"    [dim]{mention['outlet'] or mention['source']}: "
                      f"{mention['trigger_text']!r} {mention['doc_id']}:"
                      f"{mention['trigger_start']}-{mention['trigger_end']}[/dim]",
                      highlight=False)
    if not groups and not as_json:
        err.print("no event matches")


def export_kinds() -> list[str]:
    """What `export` exports: the articles, entities, mentions and each fact type."""
    from newsgraph.export import kinds

    return list(kinds())


@main.command("export")
@click.argument("kind", type=FilterValue("kind", lambda value: filters.choice(
    value, export_kinds(), "an exportable kind")), metavar="KIND")
@db_option
@click.option("--format", "output_format", required=True,
              type=click.Choice(["jsonl", "csv", "parquet", "acled-csv", "plover-jsonl",
                                 "geojson", "gexf"]),
              help="Every kind: jsonl, csv, parquet. events: also acled-csv, plover-jsonl, "
                   "geojson (points), gexf (actor→target network). entities: also gexf "
                   "(co-occurrence network).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="File to write; - for standard output (not parquet).")
@click.option("--records", is_flag=True,
              help="articles as jsonl: the whole stored records (entities, quotes, ... nested), "
                   "as `newsgraph extract` writes them, instead of one flat row per article.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def export_command(kind: str, db: str, output_format: str, output: str, records: bool,
                   quiet: bool) -> None:
    """Export stored data for other tools: pandas/DuckDB (jsonl, csv, parquet), ACLED-style
    CSV, PLOVER JSON Lines, QGIS/kepler.gl (geojson), Gephi (gexf). Streams: memory stays
    flat however large the store."""
    from newsgraph import export
    from newsgraph.store import Store

    if output_format not in export.formats(kind):
        raise click.BadParameter(
            f"{output_format} is not a format for {kind}: one of "
            f"{', '.join(export.formats(kind))}", param_hint="--format")
    if records and (kind, output_format) != ("articles", "jsonl"):
        raise click.BadParameter("--records goes with `articles --format jsonl`")
    if output_format == "parquet" and output == "-":
        raise click.BadParameter("parquet needs a file: give --output PATH", param_hint="--output")
    Store(db, readonly=True).close()  # a missing or foreign store is refused before --output
    binary = output_format == "parquet"
    if output == "-":
        target = nullcontext(sys.stdout)
    elif binary:
        target = open(output, "wb")  # noqa: SIM115
    else:  # csv wants newline="" (click.open_file cannot say so)
        target = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    with Store(db, readonly=True) as store, target as stream, \
            counting_bar(f"export {kind}", export.count_rows(store, kind, output_format),
                         quiet) as advance:
        summary = _export(store, kind, output_format, records, stream, advance)
    err.print(f"exported {summary}" + (f" -> {output}" if output != "-" else ""))


def _export(store, kind: str, output_format: str, records: bool, stream: IO,
            advance: Callable[[], None]) -> str:
    """Write one export; returns what was written, for the summary line."""
    from newsgraph import export

    if records:
        count = 0
        for doc_id in store.ids():
            write_json_line(stream, store.get(doc_id))
            count += 1
            advance()
        return f"{count} article records"
    if output_format in export.TABULAR_FORMATS:
        count = export.write_table(export.table_rows(store, kind), export.kinds()[kind].columns,
                                   stream, output_format, advance)
        return f"{count} {kind}"
    if output_format == "gexf" and kind == "entities":
        nodes, edges = export.write_cooccurrence_gexf(store, stream, advance=advance)
        return f"a co-occurrence network of {nodes} entities and {edges} links"

    def events() -> Iterator[dict]:
        for event in store.iter_events():
            advance()
            yield event

    if output_format == "acled-csv":
        # ACLED counts real events: one row each, all its reports in source and notes (the
        # groups are held in memory: one row per real event, not per report)
        merged = store.merged_events()
        for _ in merged:
            advance()
        return f"{export.write_events(merged, stream, output_format)} real events"
    if output_format == "geojson":
        written, skipped = export.write_geojson(events(), stream)
        return f"{written} events as points ({skipped} without coordinates left out)"
    if output_format == "gexf":
        nodes, edges = export.write_actor_gexf(events(), stream, store.canonical_names())
        return f"an actor→target network of {nodes} parties and {edges} links"
    return f"{export.write_events(events(), stream, output_format)} events"


@contextmanager
def counting_bar(label: str, total: int | None, quiet: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr towards a total, or a counter when the total is not known
    (hidden when quiet or not a terminal)."""
    progress = Progress(SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(),
                        console=err, disable=quiet or not err.is_terminal, transient=True)
    with progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.update(task, advance=1)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Only this machine can connect unless you change it.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port (0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the home page in a browser.")
def serve(db: str, host: str, port: int, open_browser: bool) -> None:
    """Browse the store: newsgraph's pages (articles with highlights, entities, quotes, events
    on a map and a timeline, search) on Datasette, which adds tables, SQL and a JSON API. The
    database is opened read-only."""
    from newsgraph.web.server import app_for, listen

    app = app_for(db)  # a missing or foreign store is refused here, with the reason
    listen(app, host, port, open_browser=open_browser,
           announce=lambda url: err.print(f"newsgraph: serving {db} at {url}", highlight=False))


@main.command()
@db_option
def stats(db: str) -> None:
    """Row counts of the store."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        counts = store.stats()
        used = store.settings_used()
    table = Table("table", "rows", title=db)
    for name, count in counts.items():
        table.add_row(name, str(count))
    out.print(table)
    print_settings(used)


def print_settings(used: list[dict]) -> None:
    """The settings the store's articles were extracted with, each as its differences from
    this newsgraph's own config.cfg (what a re-ingest with the defaults would change)."""
    current = DEFAULT_SETTINGS.output()
    for row in used:
        if row["digest"] is None:
            out.print(f"settings: not recorded for {row['articles']} article(s) (stored by an "
                      "older newsgraph)", highlight=False)
            continue
        changed = _differences(row["config"], current)
        what = "newsgraph's config.cfg" if not changed else "config.cfg with " + "; ".join(
            f"{key} = {json.dumps(value)}" for key, value in changed)
        mark = " (the current defaults)" if row["digest"] == DEFAULT_SETTINGS.digest else ""
        out.print(f"settings {row['digest']}{mark}: {row['articles']} article(s) since "
                  f"{row['first_used']}: {what}", highlight=False, soft_wrap=True)


def _differences(config: dict, current: dict, prefix: str = "") -> list[tuple[str, object]]:
    """(dotted key, value) where `config` differs from `current`."""
    found: list[tuple[str, object]] = []
    for key in sorted(set(config) | set(current)):
        value, other = config.get(key), current.get(key)
        if isinstance(value, dict) and isinstance(other, dict):
            found += _differences(value, other, f"{prefix}{key}.")
        elif value != other:
            found.append((f"{prefix}{key}", value))
    return found


@main.command("eval")
@click.option("--shared", type=click.Path(file_okay=False, exists=True), default="../shared",
              show_default=True, help="The shared folder with samples, dev data and scorers.")
@click.option("--workdir", type=click.Path(file_okay=False), default=None,
              help="Where to keep the records (default: a temporary folder).")
@click.option("--json", "as_json", is_flag=True,
              help="Print everything (intervals, per-type and per-kind figures) as one JSON "
                   "object.")
@click.option("--detail", is_flag=True,
              help="Also print P/R/F1 per PLOVER type (events) and per quote kind, per half.")
@click.option("--floors", "floors_path", type=click.Path(dir_okay=False), default=None,
              help="The floors file (default: tests/eval_floors.json of the source tree).")
@click.option("--update-floors", is_flag=True,
              help="Raise the floors to the current figures (never lowers one; re-pins a set "
                   "whose dev data changed).")
def eval_command(shared: str, workdir: str | None, as_json: bool, detail: bool,
                 floors_path: str | None, update_floors: bool) -> None:
    """Extract the samples and every dev set, run the matching scorers, print one table: each
    figure on the whole set and on the fixed halves A (develop) and B (held back), with its 90%
    bootstrap interval, and whether the pinned floors hold."""
    from newsgraph.evaluation import (
        FLOORS_PATH,
        data_changes,
        gate_failures,
        read_floors,
        run_evaluation,
        updated_floors,
        write_floors,
    )

    evaluation = run_evaluation(Path(shared), Path(workdir) if workdir else None, progress=err)
    path = Path(floors_path) if floors_path else FLOORS_PATH
    floors = read_floors(path) if path.exists() else None
    changes = data_changes(evaluation.digests, floors) if floors else []
    failures = gate_failures(evaluation.values(), floors) if floors else []
    if as_json:
        write_json_line(sys.stdout, {**evaluation.as_json(), "floors": {
            "path": str(path), "pinned": floors is not None, "data_changes": changes,
            "failures": failures}})
    else:
        # rich gives a pipe 80 columns: too few for the figures and their intervals
        wide = out if out.is_terminal else Console(highlight=False, soft_wrap=True, width=160)
        table = Table("task", "measure", "all", "half A", "half B", "target",
                      title="newsgraph eval (90% bootstrap intervals in brackets)")
        for row in evaluation.rows():
            table.add_row(row["task"], row["measure"], row["all"], row["A"], row["B"],
                          row.get("target", ""))
        wide.print(table)
        if detail:
            table = Table("task", "type / kind", "all", "half A", "half B",
                          title="per PLOVER type (types as sets per document) and quote kind")
            for row in evaluation.detail_rows():
                table.add_row(row["task"], row["measure"], row["all"], row["A"], row["B"])
            wide.print(table)
    for line in evaluation.mismatches():
        err.print(f"[red]scorer mismatch:[/red] {escape(line)}")
    if update_floors:
        raised, notes = updated_floors(floors, evaluation.values(), evaluation.gated(),
                                       evaluation.digests)
        write_floors(raised, path)
        err.print(f"floors written to {path}: {len(notes)} changed", highlight=False)
        for note in notes:
            err.print(f"  {escape(note)}", highlight=False)
    elif floors is None:
        err.print(f"no floors file at {path} (pin one with --update-floors)", highlight=False)
    else:
        for line in changes:
            err.print(f"[red]dev data changed:[/red] {escape(line)}")
        for line in failures:
            err.print(f"[red]below floor:[/red] {escape(line)}")
        if not changes and not failures:
            pinned = sum(1 for figures in floors["figures"].values()
                         for entry in figures.values()
                         for part in ("all", "A", "B") if entry.get(part) is not None)
            err.print(f"floors ({path}): all {pinned} pinned figures hold", highlight=False)


# -- entities ------------------------------------------------------------------------------------


@main.command("entities")
@db_option
@click.option("--type", "entity_type", type=ENTITY_TYPE,
              help="Only this type (PERSON, ORG, GPE, LOC, NORP ...).")
@click.option("--sort", type=click.Choice(["mentions", "articles", "name"]), default="mentions",
              show_default=True)
@click.option("--limit", type=click.IntRange(1), default=None)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entity.")
def entities_command(db: str, entity_type: str | None, sort: str, limit: int | None,
                     as_json: bool) -> None:
    """Stored entities with their mention and article counts."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        rows = store.entities(entity_type=entity_type, sort=sort, limit=limit)  # type: ignore[arg-type]
    if as_json:
        for row in rows:
            write_json_line(sys.stdout, row)
        return
    if not rows:
        err.print("no entity matches")
        return
    table = Table("name", "type", "id", "mentions", "articles", "place", title="Entities")
    for row in rows:
        place = "" if row["lat"] is None else f"{row['lat']:.3f},{row['lon']:.3f} {row['country']}"
        table.add_row(row["name"], row["type"], row["id"], str(row["mentions"]),
                      str(row["articles"]), place)
    out.print(table)


class EntityGroup(click.Group):
    """`newsgraph entity NAME|ID` shows an entity; `newsgraph entity merge|split ...` corrects
    one: arguments that do not start with a subcommand are `show`'s (options included, so
    `entity --db x.db Kiev` works too)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["show", *args]
        return super().parse_args(ctx, args)


@main.group("entity", cls=EntityGroup)
def entity_group() -> None:
    """One entity: `newsgraph entity NAME|ID [--json]` shows it (names and aliases with
    counts, the names each outlet uses by year, roles, place, articles, mentions);
    `entity merge A B` and `entity split A B|--name NAME` correct identities. Corrections are
    stored and applied again to every article ingested later."""


@entity_group.command("show")
@click.argument("key", metavar="NAME|ID")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the entity as one JSON object.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True,
              help="Mentions shown (all with --json).")
def entity_show(key: str, db: str, as_json: bool, limit: int) -> None:
    """Show one entity by id or name."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        entity = store.entity(key)
    if entity is None:
        raise click.ClickException(f"no entity {key!r} in {db}")
    if as_json:
        write_json_line(sys.stdout, entity)
        return
    out.print(f"[bold]{entity['name']}[/bold]  {entity['type']}  [dim]{entity['id']}[/dim]")
    if entity["lat"] is not None:
        out.print(f"place: geonames {entity['geonames'] or '-'}  {entity['lat']:.4f}, "
                  f"{entity['lon']:.4f}  country {entity['country'] or '-'}")
    out.print("names: " + "; ".join(f"{n['name']} x{n['count']}" for n in entity["names"]),
              markup=False)
    if entity["roles"]:
        out.print("roles: " + "; ".join(f"{r['role']} x{r['count']}" for r in entity["roles"]),
                  markup=False)
    lens = Table("name", "outlet", "year", "count", title="Names by outlet and year")
    for row in entity["lens"]:
        lens.add_row(row["name"], row["outlet"] or "-", row["year"] or "-", str(row["count"]))
    out.print(lens)
    out.print(f"articles ({len(entity['articles'])}):")
    for article in entity["articles"]:
        out.print(f"  {article['doc_id']}  {article['published'] or '-'}  "
                  f"{article['outlet'] or '-'}  {article['title'] or ''} "
                  f"[dim]({article['mentions']} mentions)[/dim]", highlight=False)
    out.print(f"mentions ({len(entity['mentions'])}):")
    for mention in entity["mentions"][:limit]:
        flags = (f" [role: {mention['role']['text']}]" if mention.get("role") else "") + \
            metonymy_flag(mention)
        out.print(f"  {mention['doc_id']}:{mention['start']}-{mention['end']}{flags}  "
                  f"…{mention['context']}…", markup=False, highlight=False)
    if len(entity["mentions"]) > limit:
        out.print(f"  ... and {len(entity['mentions']) - limit} more (--limit, --json)")
    for candidate in entity["candidates"][:5]:
        out.print(f"[dim]perhaps the same as {candidate['name']} ({candidate['id']}, "
                  f"{candidate['score']:.2f}): newsgraph entity merge {entity['id']} "
                  f"{candidate['id']}[/dim]", highlight=False)
    for correction in entity["corrections"]:
        out.print(f"[dim]correction {correction['id']}: {correction['action']} "
                  f"{correction['target']} {correction['source'] or correction['name']}[/dim]")


def metonymy_flag(mention: dict) -> str:
    """What a metonymic mention stands for: a capital acting as its government ("Kiev
    unleashed ..."), or a state named by its capital ("relations with Pyongyang")."""
    if mention.get("metonymy") == "government":
        return f" [as the government: {mention.get('government')}]"
    if mention.get("metonymy") == "state":
        return f" [the state, named by its capital {mention.get('capital')}]"
    return ""


@entity_group.command("merge")
@click.argument("target", metavar="A")
@click.argument("source", metavar="B")
@db_option
def entity_merge(target: str, source: str, db: str) -> None:
    """Merge entity B into A (ids or names): B's mentions join A, now and at later ingests."""
    from newsgraph.store import Store

    with Store(db) as store:
        try:
            kept, merged = store.find_entity(target), store.find_entity(source)
            changed = store.merge_entities(target, source)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    err.print(f"merged {merged} into {kept} ({changed} articles changed)", highlight=False)


@entity_group.command("split")
@click.argument("target", metavar="A")
@click.argument("source", metavar="B", required=False)
@click.option("--name", help="Move the mentions with this text out to an entity of their own.")
@click.option("--id", "new_id", help="The id the moved name gets (default: TYPE:NAME).")
@db_option
def entity_split(target: str, source: str | None, name: str | None, new_id: str | None,
                 db: str) -> None:
    """Undo the merge of B into A, or (--name) move one name of A out to its own entity."""
    from newsgraph.store import Store

    with Store(db) as store:
        try:
            got, changed = store.split_entity(target, source, name=name, new_id=new_id)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    err.print(f"split {got} from {target} ({changed} articles changed)", highlight=False)



# -- beyond one machine (docs/scale.md) --------------------------------------------------------


@main.command("run")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", required=True,
              help="Folder of Parquet tables (a path, or a URI: file://, memory://, s3://, ...); "
                   "a run over an existing one extracts only the inputs it does not hold.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              show_default=True, help="Where the batch function runs: this process, or Ray "
                                      "actors (pip install 'newsgraph[ray]').")
@click.option("--address", help="Ray: the address of a running cluster to join "
                                "(default: start Ray on this machine).")
@pipeline_options
@click.option("--quiet", "-q", is_flag=True, help="No progress lines.")
def run_command(paths: tuple[str, ...], out: str, engine: str, address: str | None,
                settings: Settings, quiet: bool) -> None:
    """Extract articles into Parquet tables with the store's columns, partitioned by month.

    Resumable: inputs whose content hash a finished part already holds are skipped, so a run
    with nothing new writes nothing, and a crashed run picks up where it stopped. With
    --engine ray, --workers is the number of Ray actors (default [scale] ray_workers); the
    local engine runs in this process.
    """
    from newsgraph.scale.runner import run, stderr_progress

    given = click.get_current_context().get_parameter_source("workers")
    workers = settings.run.workers if given is click.core.ParameterSource.COMMANDLINE else None
    summary = run([path.removeprefix("file://") for path in paths], out, settings=settings,
                  engine=engine, address=address, workers=workers,  # type: ignore[arg-type]
                  progress=None if quiet else stderr_progress)
    err.print(summary.line(out), highlight=False, soft_wrap=True)
    if summary.failed:
        err.print(f"{summary.failed} inputs failed: their reasons are in the failures table "
                  f"(newsgraph query \"SELECT source, error FROM failures\" --parquet {out})",
                  highlight=False, soft_wrap=True)
        sys.exit(1)


@main.command("load")
@click.argument("folder")
@db_option
@click.option("--config", type=click.Path(dir_okay=False, exists=True),
              help="Settings over newsgraph's own (the event grouping window).")
def load_command(folder: str, db: str, config: str | None) -> None:
    """Bulk-load a run's Parquet tables into a new store: one transaction per table, indexes
    and full-text index built after; entities grouped by id and events merged as ingest does."""
    from newsgraph.scale.load import load

    summary = load(folder, db, load_settings(config))
    rate = summary.articles / summary.seconds if summary.seconds else 0
    err.print(f"loaded {summary.articles} articles ({sum(summary.rows.values())} rows) in "
              f"{summary.seconds:.1f} s ({rate:.0f} articles/s) -> {db}", highlight=False,
              soft_wrap=True)


@main.command("query")
@click.argument("sql")
@click.option("--parquet", "folder", required=True, help="A folder written by `newsgraph run`.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per row.")
def query_command(sql: str, folder: str, as_json: bool) -> None:
    """SQL over a run's Parquet tables through DuckDB (tables: documents, entities, mentions,
    quotes, times, events, failures, inputs, each with its month); tab-separated with a
    header, or JSON lines."""
    from newsgraph.scale.query import query

    names, rows = query(sql, folder)
    if as_json:
        for row in rows:
            write_json_line(sys.stdout, dict(zip(names, row, strict=True)))
        return
    sys.stdout.write("\t".join(names) + "\n")
    for row in rows:
        sys.stdout.write("\t".join("" if value is None else one_line(str(value))
                                   for value in row) + "\n")


if __name__ == "__main__":
    main()
