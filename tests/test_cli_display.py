"""The display commands show the whole record: `show` lists every fact `extract` writes, with
its span; `quotes/events/timeline --article`; whole ids in a narrow terminal or a pipe; `--json`
on every listing; "unknown" for a missing outlet; `serve` on a busy port; the network export's
cuts."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.facts import fact_types
from newsgraph.store import Store

NEWSGRAPH = Path(sys.executable).with_name("newsgraph")
PAGES = ("page000.html", "page001.html", "page002.html", "page010.html")
SPAN = re.compile(r"^\d+-\d+$")


@pytest.fixture(scope="module")
def html_store(tmp_path_factory, shared) -> tuple[Path, dict[str, dict]]:
    """A few real pages of ../shared/dev/html, ingested by the CLI, and the records `extract`
    writes for the same files (by id)."""
    folder = tmp_path_factory.mktemp("html")
    paths = [str(shared / "dev" / "html" / "pages" / name) for name in PAGES]
    records = folder / "records.jsonl"
    db = folder / "html.db"
    runner = CliRunner()
    extracted = runner.invoke(main, ["extract", *paths, "-o", str(records), "-q"])
    assert extracted.exit_code == 0, extracted.output
    stored = runner.invoke(main, ["ingest", *paths, "--db", str(db), "-q"])
    assert stored.exit_code == 0, stored.output
    by_id = {}
    for line in records.read_text("utf-8").splitlines():
        record = json.loads(line)
        by_id[record["id"]] = record
    assert len(by_id) == len(PAGES)
    return db, by_id


def cli(*args: str, columns: int = 80) -> subprocess.CompletedProcess:
    """The installed command in a pipe (stdout and stderr apart), COLUMNS set."""
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run([str(NEWSGRAPH), *args], capture_output=True, text=True, env=env,
                          timeout=120)


def table_cells(output: str, title: str) -> list[list[str]]:
    """The rows of the rich table titled `title...` in `output`, each a list of its cells with
    the lines of a wrapped cell joined by spaces."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(title))
    rows: list[list[str]] = []
    for line in lines[start + 4:]:  # title, top border, header, header rule
        if line.startswith("└"):
            break
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        if cells[0] or not rows:
            rows.append(cells)
        else:  # a wrapped row goes on
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
    return rows


def test_show_lists_the_facts_extract_writes_on_real_pages(html_store):
    db, records = html_store
    for doc_id, record in records.items():
        result = cli("show", doc_id, "--db", str(db), columns=100)
        assert result.returncode == 0, result.stderr
        entities = table_cells(result.stdout, "Entities (")
        assert f"Entities ({len(record['entities'])})" in result.stdout
        listed = {row[0]: row[-1].replace(" ", "").split(",") for row in entities}
        assert listed == {entity["id"]: [f"{m['start']}-{m['end']}" for m in entity["mentions"]]
                          for entity in record["entities"]}
        for fact in fact_types():
            items = record[fact.field]
            if not items:
                assert f"{fact.field.capitalize()} (" not in result.stdout
                continue
            rows = table_cells(result.stdout, f"{fact.field.capitalize()} ({len(items)})")
            assert [row[0] for row in rows] == ["{}-{}".format(*fact.mark(item))
                                                for item in items]
            # what each says, in full ("[negated]" and "[...]" in the text are not markup)
            said = [" ".join(row[2].split()) for row in rows]
            assert said == [" ".join(fact.describe(item).split()) for item in items]
        stored = json.loads(cli("show", doc_id, "--json", "--db", str(db)).stdout)
        for field in ("entities", *(fact.field for fact in fact_types())):
            assert stored[field] == record[field], field


def test_ids_are_whole_in_a_narrow_pipe(sample_db):
    ids = [json.loads(line)["id"] for line in cli(
        "entities", "--json", "--db", str(sample_db)).stdout.splitlines()]
    assert len(ids) > 20 and max(map(len, ids)) > 30
    narrow = cli("entities", "--db", str(sample_db), columns=40)
    assert narrow.returncode == 0, narrow.stderr
    cells = {cell for row in table_cells(narrow.stdout, "Entities") for cell in row}
    assert set(ids) <= cells
    assert "…" not in "".join(row[2] for row in table_cells(narrow.stdout, "Entities"))
    with Store(sample_db, readonly=True) as store:
        doc_id = next(i for i in store.ids() if len(store.get(i)["entities"]) > 20)
        wanted = {entity["id"] for entity in store.get(doc_id)["entities"]}
    shown = cli("show", doc_id, "--db", str(sample_db), columns=40)
    assert {row[0] for row in table_cells(shown.stdout, "Entities (")} == wanted


@pytest.mark.parametrize("command", [
    ["search", "miners"], ["quotes"], ["events"], ["events", "--merged"], ["timeline"],
    ["entities"], ["entity", "Pushilin"], ["show", "hostile-1"]])
def test_every_listing_command_has_json(sample_db, command):
    result = CliRunner().invoke(main, [*command, "--json", "--db", str(sample_db)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and all(isinstance(json.loads(line), dict) for line in lines)


def test_article_option_keeps_one_articles_facts(sample_db):
    runner = CliRunner()
    with Store(sample_db, readonly=True) as store:
        records = [store.get(doc_id) for doc_id in store.ids()]
    for record in records:
        article = ["--article", record["id"], "--db", str(sample_db), "--json"]
        quotes = [json.loads(line) for line in runner.invoke(
            main, ["quotes", *article]).stdout.splitlines()]
        assert [(q["start"], q["end"]) for q in quotes] == [
            (q["start"], q["end"]) for q in record["quotes"]]
        events = [json.loads(line) for line in runner.invoke(
            main, ["events", "--negated", *article]).stdout.splitlines()]
        assert sorted((e["trigger_start"], e["trigger_end"]) for e in events) == sorted(
            (e["trigger"]["start"], e["trigger"]["end"]) for e in record["events"])
        timeline = [json.loads(line) for line in runner.invoke(
            main, ["timeline", *article]).stdout.splitlines()]
        assert {fact["doc_id"] for fact in timeline} <= {record["id"]}
        dated = [t for t in record["times"] if re.match(r"[0-9X]{4}", t["value"] or "")]
        assert sum(fact["kind"] == "time" for fact in timeline) == len(dated)
    unknown = runner.invoke(main, ["events", "--article", "no-such", "--db", str(sample_db)])
    assert unknown.exit_code == 1
    assert "no article with id 'no-such'" in unknown.stderr and unknown.stdout == ""


def test_timeline_lines_show_actor_target_and_title(sample_db):
    result = CliRunner().invoke(main, ["timeline", "--entity", "Kyiv", "--db", str(sample_db)])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stdout.splitlines() if "'severed'" in line]
    assert "SANCTION" in line and "Kyiv -> Pyongyang" in line
    assert line.endswith("Donetsk leader calls for ‘beneficial’ ties with North Korea")


def test_missing_outlets_are_unknown_never_a_path(sample_db, shared):
    runner = CliRunner()
    merged = runner.invoke(main, ["events", "--merged", "--db", str(sample_db)])
    quotes = runner.invoke(main, ["quotes", "--speaker", "Pushilin", "--db", str(sample_db)])
    for result in (merged, quotes):
        assert result.exit_code == 0, result.output
        assert ".txt" not in result.stdout and str(shared) not in result.stdout
    assert re.search(r"^    unknown: 'severed' ", merged.stdout, re.MULTILINE)
    assert re.search(r"2022-08-15 unknown \(mixed\)", quotes.stdout)


def test_events_say_how_many_negated_ones_they_leave_out(sample_db):
    result = CliRunner().invoke(main, ["events", "--db", str(sample_db)])
    with Store(sample_db, readonly=True) as store:
        negated = store.count_events(include_negated=True) - store.count_events()
    assert negated >= 1  # "There were no reports of fresh clashes"
    assert f"{negated} negated event(s) left out (--negated lists them)" in result.stderr
    assert "negated" not in result.stdout
    listed = CliRunner().invoke(main, ["events", "--negated", "--db", str(sample_db)])
    assert "[negated]" in listed.stdout and "left out" not in listed.stderr


def test_serve_on_a_busy_port_is_one_line_and_exit_1(sample_db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", "--db", str(sample_db), "--port", str(port))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Error: cannot serve on 127.0.0.1:{port}: Address already in use (another server? "
        "choose another --port, or --port 0 for any free one)"]


def test_serve_names_the_datasette_path_of_any_store_name(sample_db, tmp_path):
    store = tmp_path / "my-news.db"
    store.write_bytes(sample_db.read_bytes())
    server = subprocess.Popen([str(NEWSGRAPH), "serve", "--db", str(store), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = server.stderr.readline()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert first.startswith(f"newsgraph: serving {store} at http://127.0.0.1:")
    assert first.rstrip().endswith("tables and SQL: /my-news")


def gexf(sample_db: Path, tmp_path: Path, *options: str) -> nx.Graph:
    output = tmp_path / f"entities{len(list(tmp_path.iterdir()))}.gexf"
    result = CliRunner().invoke(main, ["export", "entities", "--format", "gexf", *options,
                                       "-o", str(output), "--db", str(sample_db)])
    assert result.exit_code == 0, result.output
    graph = nx.read_gexf(output)
    assert result.stderr.splitlines() == [  # one line, however long the path
        f"exported a co-occurrence network of {graph.number_of_nodes()} entities and "
        f"{graph.number_of_edges()} links -> {output}"]
    return graph


def test_entity_network_cut_by_weight_and_top(sample_db, tmp_path):
    whole = gexf(sample_db, tmp_path)
    heavy = gexf(sample_db, tmp_path, "--min-weight", "2")
    assert 0 < heavy.number_of_edges() < whole.number_of_edges()
    assert all(data["weight"] >= 2 for _, _, data in heavy.edges(data=True))
    assert all(heavy.degree(node) > 0 for node in heavy.nodes)  # no node left without a link
    assert {frozenset(pair) for pair in heavy.edges} == {
        frozenset((a, b)) for a, b, data in whole.edges(data=True) if data["weight"] >= 2}
    top = gexf(sample_db, tmp_path, "--top", "5")
    articles = {node: int(data["articles"]) for node, data in whole.nodes(data=True)}
    ranked = sorted(articles, key=lambda node: (-articles[node], node))
    assert set(top.nodes) == set(ranked[:5])
    assert top.number_of_edges() == whole.subgraph(ranked[:5]).number_of_edges()
    both = gexf(sample_db, tmp_path, "--top", "5", "--min-weight", "2")
    assert set(both.nodes) <= set(ranked[:5]) and set(both.edges) <= set(heavy.edges)
    wrong = CliRunner().invoke(main, ["export", "events", "--format", "gexf", "--top", "5",
                                      "--db", str(sample_db)])
    assert wrong.exit_code == 2
    assert "--min-weight and --top go with `entities --format gexf`" in wrong.output
