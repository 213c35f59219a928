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
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import IO

import click
from rich.console import Console
from rich.markup import escape
from rich.measure import Measurement
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
from newsgraph.config import DEFAULT_SETTINGS, SPACY_MAX_LENGTH, Settings, load_settings
from newsgraph.errors import NewsgraphError
from newsgraph.facts import fact_types
from newsgraph.ingest import Summary
from newsgraph.ontology import QUOTE_KINDS
from newsgraph.pipeline import Failure
from newsgraph.sources import Skipped, count_articles, input_files

DEFAULT_DB = "newsgraph.db"
INTERRUPTED = 130
"""The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it."""
UNKNOWN_OUTLET = "unknown"
"""What the listings print for an article whose outlet is not known (never its file path)."""

err = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)

def pipeline_options(function: Callable) -> Callable:
    """--config, --workers, --batch-size, --timeout and --max-bytes, handed to the command as
    one `settings` (newsgraph's config.cfg, or the file given, with these values over it)."""
    run = DEFAULT_SETTINGS.run

    @functools.wraps(function)
    def command(*args: object, config: str | None, workers: int | None,
                batch_size: int | None, timeout: float | None, max_bytes: int | None,
                max_chars: int | None, max_lines: int | None, max_tokens: int | None,
                **kwargs: object) -> object:
        settings = load_settings(config).with_run(
            workers=workers, batch_size=batch_size, timeout=timeout, max_bytes=max_bytes,
            max_chars=max_chars, max_lines=max_lines, max_tokens=max_tokens)
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
        click.option("--max-chars", type=click.IntRange(1, SPACY_MAX_LENGTH - 1),
                     help=f"Characters one article may have (below spaCy's limit of "
                          f"{SPACY_MAX_LENGTH:,}); a longer one fails alone, with this named "
                          f"[default: {run.max_chars}]."),
        click.option("--max-lines", type=click.IntRange(1),
                     help=f"Lines one article may have [default: {run.max_lines}]."),
        click.option("--max-tokens", type=click.IntRange(1),
                     help=f"spaCy tokens one article may have [default: {run.max_tokens}]."),
        click.option("--encoding", help="Decode every input with this encoding (e.g. "
                     "latin-1) instead of detecting one; bytes it cannot decode fail."),
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
    an unknown entity) is its message and exit 1, never a traceback; a filter value refused
    where it is used (`filters.FilterError`: too long) is a usage error, exit 2; Ctrl-C is exit
    130."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except filters.FilterError as error:  # a value checked where it is used (too long)
            raise click.UsageError(str(error), ctx) from error
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


def list_inputs(paths: tuple[str, ...], quiet: bool,
                skipped: Skipped | None = None) -> tuple[list, int | None]:
    """The inputs named on the command line (folders walked, globs expanded; what a walk
    passes over counted in `skipped`), and how many articles they hold when that is cheap to
    count (for the progress bar's total)."""
    inputs = list(input_files(paths, skipped))
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
def ingest(paths: tuple[str, ...], db: str, settings: Settings, quiet: bool,
           encoding: str | None) -> None:
    """Read, clean, annotate and store articles (files, folders, globs or - for stdin).

    Each article is stored in one transaction: an interrupted ingest leaves no half-written
    article, and running it again finishes the job. Re-ingesting an article changes nothing.
    """
    summary = Summary()
    inputs, total = list_inputs(paths, quiet, summary.skipped)
    run_ingest(inputs, db, settings, quiet, total, summary, encoding)


def run_ingest(inputs: list, db: str, settings: Settings, quiet: bool, total: int | None,
               summary: Summary, encoding: str | None = None) -> None:
    """`ingest` (and `failures --retry`): store every input, print the summary, exit 1 when
    an input failed, nothing was read, or the store stopped the run."""
    from newsgraph.ingest import ingest as ingest_all
    from newsgraph.store import Store

    def waiting(message: str) -> None:
        err.print(message, highlight=False, soft_wrap=True)

    with Store(db, settings=settings, on_wait=waiting) as store:
        try:
            with progress_bar("ingesting", quiet, total) as advance:
                ingest_all(inputs, store, settings, summary, encoding=encoding,
                           advance=advance)
            store.resolve_short_names()  # store-wide: "Trump" is Donald Trump if he is the one
        except KeyboardInterrupt:
            err.print(f"interrupted: {summary.ingest_line(db)}; the article being read "
                      "and the rest were not stored (each stored article is whole: run the "
                      "same command again to finish, stored articles are skipped)",
                      highlight=False, soft_wrap=True)
            print_failures(summary.failures)
            sys.exit(INTERRUPTED)
    if summary.stopped:
        err.print(f"stopped: {one_line(summary.stopped)}; the rest were not stored (run the "
                  "same command again to finish)", highlight=False, soft_wrap=True)
    err.print(summary.ingest_line(db), highlight=False, soft_wrap=True)
    print_notes(summary)
    print_failures(summary.failures)
    if summary.failures or summary.stopped or warn_if_empty(summary):
        sys.exit(1)


def print_notes(summary: Summary) -> None:
    """What was skipped, duplicate ids, warnings: one greppable line each, on stderr."""
    for line in summary.notes():
        err.print(escape(one_line(line)), highlight=False, soft_wrap=True)


def warn_if_empty(summary: Summary) -> bool:
    """Say so when the inputs held no article at all (an empty folder, a typo'd glob that
    matched only other files); True when it did."""
    if summary.empty:
        err.print("warning: no article in the inputs (nothing read)", highlight=False,
                  soft_wrap=True)
    return summary.empty


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True, help="Output format: the contract's extraction record.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Output file (- for standard output).")
@pipeline_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def extract(paths: tuple[str, ...], output_format: str, output: str, settings: Settings,
            quiet: bool, encoding: str | None) -> None:
    """Write the extraction record of each article (no database), in input order.

    An input that cannot be read yields an error record {"id", "source", "error"}.
    """
    from newsgraph.ingest import outcomes
    from newsgraph.record import error_record

    summary = Summary()
    count = 0
    inputs, total = list_inputs(paths, quiet, summary.skipped)
    written = f" -> {output}" if output != "-" else ""
    with click.open_file(output, "w", encoding="utf-8") as stream:
        try:
            with progress_bar("extracting", quiet, total) as advance:
                for result in outcomes(inputs, settings, summary, encoding):
                    if isinstance(result, Failure):
                        summary.failures.append(result)
                        line = error_record(result.source, result.error, result.id)
                    else:
                        line = result.record
                    write_json_line(stream, line)
                    summary.outcomes["failed" if isinstance(result, Failure) else
                                     "extracted"] += 1
                    count += 1
                    advance(getattr(result, "source", ""))
        except KeyboardInterrupt:
            err.print(f"interrupted: {count} records written{written}, in input order; the "
                      "rest were not extracted", highlight=False, soft_wrap=True)
            sys.exit(INTERRUPTED)
    failures = summary.failures
    if not quiet:
        err.print(f"extracted {count - len(failures)} of {count} articles{written}",
                  highlight=False, soft_wrap=True)
        print_notes(summary)
        print_failures(failures)
    if failures or warn_if_empty(summary):
        sys.exit(1)


@main.command()
@db_option
@click.option("--retry", is_flag=True,
              help="Read the failed inputs again and ingest them (a JSON line or WARC record "
                   "is retried by reading its file again: its stored articles stay unchanged).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per failure.")
@pipeline_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def failures(db: str, retry: bool, as_json: bool, settings: Settings, quiet: bool,
             encoding: str | None) -> None:
    """The inputs whose last ingest failed (and were not stored since), with the reason."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        rows = store.failures()
    if not retry:
        for row in rows:
            if as_json:
                write_json_line(sys.stdout, row)
            else:
                out.print(f"{one_line(row['source'])}: {one_line(row['error'])} "
                          f"[dim]({row['at']})[/dim]", highlight=False, soft_wrap=True)
        if not rows and not as_json:
            err.print(f"no failures in {db}")
        return
    if not rows:
        err.print(f"no failures in {db}: nothing to retry")
        return
    paths, unusable = retry_paths([row["source"] for row in rows])
    for source in unusable:
        err.print(f"cannot retry {one_line(source)}: it is not a file any more (read it "
                  "again with `newsgraph ingest`)", highlight=False, soft_wrap=True)
    summary = Summary()
    inputs, total = list_inputs(tuple(paths), quiet, summary.skipped)
    run_ingest(inputs, db, settings, quiet, total, summary, encoding)


def retry_paths(sources: list[str]) -> tuple[list[str], list[str]]:
    """The files to read again for failed sources ("f.jsonl:12" and "f.warc#<id>" are read
    through their file), each once, and the sources that name no file now."""
    import re

    paths: dict[str, None] = {}
    unusable = []
    for source in sources:
        candidates = [source, re.sub(r":\d+$", "", source), source.split("#", 1)[0]]
        found = next((path for path in candidates if Path(path).exists()
                      or Path(path).is_symlink()), None)
        if found is None:
            unusable.append(source)
        else:
            paths[found] = None
    return list(paths), unusable


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def write_json_line(stream: IO[str], value: object) -> None:
    stream.write(json.dumps(value, ensure_ascii=False) + "\n")


def outlet_of(row: dict) -> str:
    """An article's outlet as the listings print it: "unknown" when it is not known."""
    return row.get("outlet") or UNKNOWN_OUTLET


def print_table(table: Table, whole: tuple[str, ...] = ()) -> None:
    """Print a table on standard output with the columns named in `whole` (ids, spans) never
    wrapped or cut, however narrow the terminal (or a pipe's 80 columns, or COLUMNS): the
    table is drawn as wide as they need, the other columns wrapping at words. Ids are what
    `show`, `entity` and `merge` take, so a cut one is useless."""
    for column in table.columns:
        if column.header in whole:
            column.no_wrap = True
            column.min_width = max((len(str(cell)) for cell in column.cells), default=0)
    needed = Measurement.get(out, out.options.update_width(10_000), table).minimum
    console = out if needed <= out.width else Console(
        highlight=False, soft_wrap=True, width=needed, file=out.file)
    console.print(table)


@main.command()
@click.argument("doc_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored record as JSON.")
def show(doc_id: str, db: str, as_json: bool) -> None:
    """Show one stored article: metadata, clean text, then every fact with its span: its
    entities (each mention), and each registered fact type (quotes, times, events ...)."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        record = store.get(doc_id)
    if record is None:
        raise click.ClickException(f"no article with id {doc_id!r} in {db}")
    if as_json:
        write_json_line(sys.stdout, record)
        return
    published = record["published"]
    out.print(f"[bold]{escape(record['title'] or '(no title)')}[/bold]")
    out.print(f"id {record['id']} | outlet {outlet_of(record)} | published "
              f"{published['value'] or '-'} ({published['how']}) | source {record['source']}",
              markup=False)
    out.print()
    out.print(record["text"], markup=False)
    out.print()
    table = Table("id", "entity", "type", "mentions", "spans",
                  title=f"Entities ({len(record['entities'])})")
    for entity in sorted(record["entities"], key=lambda e: -len(e["mentions"])):
        spans = ", ".join(f"{m['start']}-{m['end']}" for m in entity["mentions"])
        table.add_row(escape(entity["id"]), escape(entity["name"]), entity["type"],
                      str(len(entity["mentions"])), spans)
    print_table(table, whole=("id",))
    for fact in fact_types():  # every fact type, each item with its span and what it says
        found = record.get(fact.field) or []
        if not found:
            continue
        facts = Table("span", "text", fact.layer, title=f"{fact.field.capitalize()} "
                      f"({len(found)})", show_lines=False)
        for item in found:
            start, end = fact.mark(item)
            facts.add_row(f"{start}-{end}", escape(shorten(record["text"][start:end], 70)),
                          escape(fact.describe(item)))
        print_table(facts, whole=("span",))
    if record.get("removed"):
        out.print(f"\n[dim]Removed boilerplate ({len(record['removed'])} passages):[/dim]")
        for passage in record["removed"]:
            out.print(f"[dim]  - {escape(passage['reason'])}: "
                      f"{escape(repr(passage['text'][:90]))}[/dim]")


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per hit: id, title, outlet, published, snippet.")
def search(query: str, db: str, limit: int, as_json: bool) -> None:
    """Full-text search over stored articles (SQLite FTS5), with snippets."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        hits = store.search(query, limit=limit)
    if not hits:
        err.print(f"no article matches {query!r}", markup=False, highlight=False)
        return
    for hit in hits:
        if as_json:
            write_json_line(sys.stdout, hit)
            continue
        out.print(f"[bold]{hit['id']}[/bold]  {escape(hit.get('title') or '')}  "
                  f"[dim]{escape(outlet_of(hit))} {hit.get('published') or ''}[/dim]")
        out.print("    " + " ".join(hit["snippet"].split()), markup=False)


@main.command()
@db_option
@click.option("--speaker", help="Part of the speaker's name, or its entity id.")
@click.option("--about", metavar="ENTITY", help="An entity mentioned inside the quote.")
@click.option("--kind", type=click.Choice(QUOTE_KINDS, case_sensitive=False))
@click.option("--since", type=DATE, metavar="DATE",
              help="Articles published on or after this date (YYYY, YYYY-MM, YYYY-MM-DD, "
                   "or a relative day like 'yesterday').")
@click.option("--article", metavar="ID", help="Only the quotes of this article.")
@click.option("--limit", type=click.IntRange(1), default=None)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per quote.")
def quotes(db: str, speaker: str | None, about: str | None, kind: str | None,
           since: str | None, article: str | None, limit: int | None, as_json: bool) -> None:
    """Who said what: stored quotes with speaker, date, outlet and `doc:start-end`."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        known_article(store, article, db)
        rows = store.quotes(speaker=speaker, about=about, kind=kind, since=since,
                            article=article, limit=limit)
    for row in rows:
        if as_json:
            write_json_line(sys.stdout, row)
            continue
        out.print(f"[bold]{escape(row['speaker_name'] or '(unknown speaker)')}[/bold] "
                  f"[dim]{row['date'] or row['published'] or 'undated'} "
                  f"{escape(outlet_of(row))} ({row['kind']}) "
                  f"{escape(row['doc_id'])}:{row['start']}-{row['end']}[/dim]")
        out.print("    " + " ".join(row["text"].split()), markup=False)
    if not rows and not as_json:
        err.print("no quote matches")


def known_article(store: object, article: str | None, db: str) -> None:
    """`--article ID` names a stored article: an unknown one is exit 1 with the reason, not an
    empty listing that looks like an article without facts."""
    if article is not None and not store.has(article):  # type: ignore[attr-defined]
        raise click.ClickException(f"no article with id {article!r} in {db}")


def party_arrow(row: dict) -> str:
    """"actor -> target" of an event row ("?" for an unknown actor, "-" for no target)."""
    return f"{row['actor_name'] or '?'} -> {row['target_name'] or '-'}"


@main.command()
@db_option
@click.option("--entity", help="Part of an entity's name, or its id.")
@click.option("--from", "date_from", type=DATE, metavar="DATE",
              help="Earliest date (2014, 2014-05 ...).")
@click.option("--to", "date_to", type=DATE, metavar="DATE", help="Latest date, inclusive.")
@click.option("--article", metavar="ID", help="Only the dated facts of this article.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per fact.")
def timeline(db: str, entity: str | None, date_from: str | None, date_to: str | None,
             article: str | None, as_json: bool) -> None:
    """Dated facts in date order (events with actor -> target, and time expressions), with
    their spans and their article's title."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        known_article(store, article, db)
        facts = store.timeline(entity=entity, date_from=date_from, date_to=date_to,
                               article=article)
    for fact in facts:
        if as_json:
            write_json_line(sys.stdout, fact)
            continue
        if fact["kind"] == "event":
            flags = "".join(f" [{flag}]" for flag in ("negated", "hypothetical") if fact[flag])
            what = f"{fact['type']:<10} {party_arrow(fact)}{flags} {fact['text']!r}"
        else:
            what = f"{'time ' + fact['type']:<10} {fact['text']!r}"
        out.print(f"{fact['value']:<11} {escape(what)} [dim]{escape(fact['doc_id'])}:"
                  f"{fact['start']}-{fact['end']} {escape(fact['title'] or '(no title)')}"
                  f"[/dim]", highlight=False)
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
@click.option("--article", metavar="ID", help="Only the events of this article.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event.")
@click.option("--explain", is_flag=True,
              help="Under each event, its parties' types and why it counts as a political "
                   "interaction.")
def events(db: str, event_type: str | None, actor: str | None, place: str | None,
           date_from: str | None, date_to: str | None, negated: bool, merged: bool,
           article: str | None, as_json: bool, explain: bool) -> None:
    """Who did what to whom, where and when: stored PLOVER events with their spans."""
    from newsgraph.store import Store

    chosen = {"event_type": event_type, "actor": actor, "place": place,
              "date_from": date_from, "date_to": date_to, "include_negated": negated,
              "article": article}
    with Store(db, readonly=True) as store:
        known_article(store, article, db)
        if merged:
            groups = store.merged_events(**chosen)
        else:
            rows = store.events(**chosen)
        left_out = 0 if negated else store.negated_events(**chosen)
    if merged:
        print_merged_events(groups, as_json)
    else:
        print_events(rows, as_json, explain)
    if left_out:  # `stats` and the store's events table count them: say where the gap is
        err.print(f"{left_out} negated event(s) left out (--negated lists them)",
                  highlight=False)


def print_events(rows: list[dict], as_json: bool, explain: bool = False) -> None:
    """One line per event: date, type, actor -> target @ place, flags, trigger and span; with
    `explain`, the parties' agent types and why the event was kept, on a line below."""
    for row in rows:
        if as_json:
            write_json_line(sys.stdout, row)
            continue
        flags = "".join(f" [{flag}]" for flag in ("negated", "hypothetical") if row[flag])
        where = f" @ {row['place_name']}" if row["place_name"] else ""
        out.print(f"{row['date'] or 'undated':<11} [bold]{row['type']:<10}[/bold] "
                  f"{escape(party_arrow(row) + where + flags)} "
                  f"[dim]{escape(repr(row['trigger_text']))} {escape(row['doc_id'])}:"
                  f"{row['trigger_start']}-{row['trigger_end']}[/dim]", highlight=False,
                  soft_wrap=True)
        if explain:
            out.print(f"    [dim]actor type: {row.get('actor_type') or '-'} · target type: "
                      f"{row.get('target_type') or '-'} · kept because: "
                      f"{escape(row.get('why') or 'stored before newsgraph explained events')}"
                      "[/dim]", highlight=False, soft_wrap=True)
    if not rows and not as_json:
        err.print("no event matches")


def print_merged_events(groups: list[dict], as_json: bool) -> None:
    """One line per real event with how many reports and outlets tell it, then its reports."""
    for group in groups:
        if as_json:
            write_json_line(sys.stdout, group)
            continue
        flags = "".join(f" [{flag}]" for flag in ("negated", "hypothetical") if group[flag])
        where = f" @ {group['place_name']}" if group["place_name"] else ""
        out.print(f"{group['date'] or 'undated':<11} [bold]{group['type']:<10}[/bold] "
                  f"{escape(party_arrow(group) + where + flags)} "
                  f"[dim]{group['n_mentions']} mention(s), {group['n_outlets']} outlet(s)[/dim]",
                  highlight=False)
        for mention in group["mentions"]:  # an unknown outlet is "unknown", not a file path
            out.print(f"    [dim]{escape(outlet_of(mention))}: "
                      f"{escape(repr(mention['trigger_text']))} {escape(mention['doc_id'])}:"
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
@click.option("--min-weight", type=click.IntRange(1), default=None, metavar="N",
              help="entities as gexf: only links of entities named together in at least N "
                   "articles (entities left without a link are left out).")
@click.option("--top", type=click.IntRange(1), default=None, metavar="N",
              help="entities as gexf: only the N entities named in most articles, and the "
                   "links among them.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def export_command(kind: str, db: str, output_format: str, output: str, records: bool,
                   min_weight: int | None, top: int | None, quiet: bool) -> None:
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
    if (min_weight or top) and (kind, output_format) != ("entities", "gexf"):
        raise click.BadParameter("--min-weight and --top go with `entities --format gexf`")
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
        summary = _export(store, kind, output_format, records, stream, advance,
                          network={"min_articles": min_weight or 1, "top": top})
    err.print(f"exported {summary}" + (f" -> {output}" if output != "-" else ""),
              markup=False, highlight=False, soft_wrap=True)  # one line, the path whole


def _export(store, kind: str, output_format: str, records: bool, stream: IO,
            advance: Callable[[], None], network: dict) -> str:
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
        nodes, edges = export.write_cooccurrence_gexf(store, stream, advance=advance,
                                                      **network)
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
    refused = cannot_listen(host, port)
    if refused:
        raise click.ClickException(f"cannot serve on {host}:{port}: {refused}")
    # Datasette names a database after its file (newsgraph.db -> /newsgraph, x.db -> /x)
    tables = "".join(f" · tables and SQL: /{name}" for name, database in app.databases.items()
                     if database.path)
    listen(app, host, port, open_browser=open_browser,
           announce=lambda url: err.print(f"newsgraph: serving {db} at {url}{tables}",
                                          highlight=False, soft_wrap=True))


def cannot_listen(host: str, port: int) -> str | None:
    """Why `host:port` cannot be listened on (the port is taken, the address is not this
    machine's), or None when it can: checked before the server starts, so a busy port is one
    line and exit 1 rather than a "serving" line followed by the server's own error."""
    import errno
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # as the server binds: SO_REUSEADDR lets a port in TIME_WAIT be used, not a taken one
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        reason = error.strerror or str(error)
        if error.errno == errno.EADDRINUSE:
            reason += " (another server? choose another --port, or --port 0 for any free one)"
        return reason
    return None


@main.command()
@db_option
def stats(db: str) -> None:
    """Row counts of the store."""
    from newsgraph.store import Store

    with Store(db, readonly=True) as store:
        counts = store.stats()
        used = store.settings_used()
        languages = store.languages()
    table = Table("table", "rows", title=db)
    for name, count in counts.items():
        table.add_row(name, str(count))
    out.print(table)
    if languages:
        out.print("articles per language: " + ", ".join(
            f"{language or 'unknown'} {count}" for language, count in languages.items()),
            highlight=False)
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
        table.add_row(escape(row["name"]), row["type"], escape(row["id"]), str(row["mentions"]),
                      str(row["articles"]), escape(place))
    print_table(table, whole=("id",))


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
    out.print(f"[bold]{escape(entity['name'])}[/bold]  {entity['type']}  "
              f"[dim]{escape(entity['id'])}[/dim]")
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
        lens.add_row(escape(row["name"]), escape(outlet_of(row)), row["year"] or "-",
                     str(row["count"]))
    print_table(lens)
    out.print(f"articles ({len(entity['articles'])}):")
    for article in entity["articles"]:
        out.print(f"  {escape(article['doc_id'])}  {article['published'] or '-'}  "
                  f"{escape(outlet_of(article))}  {escape(article['title'] or '')} "
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
        said = (f"perhaps the same as {candidate['name']} ({candidate['id']}, "
                f"{candidate['score']:.2f}): newsgraph entity merge {entity['id']} "
                f"{candidate['id']}")
        out.print(f"[dim]{escape(said)}[/dim]", highlight=False)
    for correction in entity["corrections"]:
        said = (f"correction {correction['id']}: {correction['action']} {correction['target']} "
                f"{correction['source'] or correction['name']}")
        out.print(f"[dim]{escape(said)}[/dim]")


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
                settings: Settings, quiet: bool, encoding: str | None) -> None:
    """Extract articles into Parquet tables with the store's columns, partitioned by month.

    PATHS are what ingest reads (files, folders, globs, JSON Lines, WARC), local or behind a
    filesystem URI (file://, s3://, gs://, hdfs://, memory://, any fsspec scheme).

    Resumable: inputs whose content hash a finished part already holds are skipped, so a run
    with nothing new writes nothing, and a crashed run picks up where it stopped. With
    --engine ray, --workers is the number of Ray actors (default [scale] ray_workers); the
    local engine runs in this process.
    """
    from newsgraph.scale.runner import run, stderr_progress

    given = click.get_current_context().get_parameter_source("workers")
    workers = settings.run.workers if given is click.core.ParameterSource.COMMANDLINE else None
    summary = run(list(paths), out, settings=settings,
                  engine=engine, address=address, workers=workers,  # type: ignore[arg-type]
                  progress=None if quiet else stderr_progress, encoding=encoding)
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
@click.option("--corrections", type=click.Path(dir_okay=False, exists=True),
              help="A store whose entity merges and splits are applied to the loaded articles "
                   "(and kept in the new store), as ingest applies a store's corrections.")
def load_command(folder: str, db: str, config: str | None, corrections: str | None) -> None:
    """Bulk-load a run's Parquet tables into a new store: one transaction per table, indexes
    and full-text index built after; entities grouped by id and events merged as ingest does."""
    from newsgraph.scale.load import load

    summary = load(folder, db, load_settings(config), corrections=corrections)
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
