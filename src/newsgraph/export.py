"""Exports of the store in the formats analysts already use.

Every kind (articles, entities, mentions, quotes, events) exports as `jsonl`, `csv` and
`parquet` with the columns of `TABLES`; rows stream from the database cursor and are written
as they come (Parquet in row groups of `PARQUET_BATCH`), so an export's memory does not grow
with the store. Events also export as `acled-csv`, `plover-jsonl` and `geojson` (points with
properties); entities' co-occurrence network and events' actor→target network as `gexf` for
Gephi. Tabular exports keep every row (negated events carry `negated` = 1); the event formats
made for analysis (acled-csv, plover-jsonl, geojson, gexf) leave negated events out, as
`newsgraph events` does.

`acled-csv` uses ACLED's column names where they apply. PLOVER types map to ACLED event types
and sub-event types as below; PLOVER's verbal and diplomatic types have no ACLED counterpart
beyond "Strategic developments", which is where ACLED files such events when it codes them.

| PLOVER | ACLED event_type | ACLED sub_event_type |
|---|---|---|
| PROTEST | Protests | Peaceful protest ("Protest with intervention" when the mode says so) |
| PROTEST, mode riot / violent | Riots | Violent demonstration |
| ASSAULT by air, shelling, missile, bomb | Explosions/Remote violence | Air/drone strike (1) |
| ASSAULT, otherwise | Battles | Armed clash |
| COERCE, arrest / detain | Strategic developments | Arrests |
| COERCE, otherwise | Strategic developments | Other |
| RETREAT | Strategic developments | Non-violent transfer of territory |
| AGREE, CONCEDE | Strategic developments | Agreement |
| MOBILIZE | Strategic developments | Change to group/activity |
| the other nine | Strategic developments | Other |

(1) or Shelling/artillery/missile attack, or Remote explosive/landmine/IED, by the means named.

ACLED counts real events, not reports: `newsgraph export events --format acled-csv` writes one
row per event merged across articles (`Store.merged_events`), its outlets in `source` and each
report's sentence in `notes`.

`plover-jsonl` writes one PLOVER event per line with POLECAT-style field names (event_type,
mode, actor, recipient, location, event_date) and the provenance (article, span, sentence).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

import pycountry

from newsgraph.facts import Column, FactType, columns, fact_types

if TYPE_CHECKING:
    from newsgraph.store import Store

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "inter1",
    "actor2", "inter2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source",
    "notes", "fatalities",
)
EVENT_FORMATS = ("acled-csv", "plover-jsonl")

_REMOTE = (
    (re.compile(r"\b(?:air(?:craft|strikes?|raids?|borne)?|aerial|warplanes?|planes?|jets?"
                r"|drones?|bombers?|helicopters?)\b", re.I), "Air/drone strike"),
    (re.compile(r"\b(?:shell(?:s|ing|ed)?|artillery|missiles?|rockets?|mortars?)\b", re.I),
     "Shelling/artillery/missile attack"),
    (re.compile(r"\b(?:explosives?|(?:land)?mines?|ieds?|bombs?|bombing)\b", re.I),
     "Remote explosive/landmine/IED"),
)


def acled_type(event: dict[str, Any]) -> tuple[str, str]:
    """ACLED (event_type, sub_event_type) of a stored PLOVER event (see the module's table)."""
    kind = event["type"]
    clues = " ".join(str(event.get(key) or "") for key in ("mode", "trigger_text", "sentence"))
    if kind == "PROTEST":
        if re.search(r"riot|violent", str(event.get("mode") or ""), re.I):
            return "Riots", "Violent demonstration"
        if re.search(r"interven|dispers|tear gas", clues, re.I):
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if kind == "ASSAULT":
        for pattern, sub_type in _REMOTE:
            if pattern.search(clues):
                return "Explosions/Remote violence", sub_type
        return "Battles", "Armed clash"
    if kind == "COERCE":
        if re.search(r"arrest|detain|detention", clues, re.I):
            return "Strategic developments", "Arrests"
        return "Strategic developments", "Other"
    sub_types = {"RETREAT": "Non-violent transfer of territory", "AGREE": "Agreement",
                 "CONCEDE": "Agreement", "MOBILIZE": "Change to group/activity"}
    return "Strategic developments", sub_types.get(kind, "Other")


# ACLED's actor categories (its codebook's `inter1`/`inter2`) by PETRARCH agent code: 1 state
# forces, 2 rebel groups, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces (the
# UN and other international bodies). Codes with no ACLED category stay blank.
_ACLED_INTER = {"GOV": 1, "MIL": 1, "COP": 1, "SPY": 1, "JUD": 1, "LEG": 1, "REB": 2,
                "OPP": 6, "LAB": 6, "CVL": 7, "REF": 7, "MED": 7, "EDU": 7, "HLH": 7,
                "IGO": 8, "NGO": 8}


def acled_inter(agent_type: str | None, event_type: str) -> int | str:
    """ACLED's `inter` code of a party typed `agent_type` (rioters: protesters in a riot)."""
    inter = _ACLED_INTER.get(agent_type or "", "")
    return 5 if inter == 6 and event_type == "Riots" else inter


def _country(code: str | None) -> Any:
    return pycountry.countries.get(alpha_2=code) if code else None


def _is_country(event: dict[str, Any]) -> bool:
    country = _country(event.get("place_country"))
    name = (event.get("place_name") or "").casefold()
    return bool(country) and name in {country.name.casefold(),
                                      getattr(country, "common_name", "").casefold()}


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-style row of a stored event (as `Store.events` returns it)."""
    country = _country(event.get("place_country"))
    date = event.get("date") or ""
    full_date = date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
    event_type, sub_event_type = acled_type(event)
    has_point = event.get("place_lat") is not None
    return {
        "event_id_cnty": f"{country.alpha_3 if country else 'XXX'}"
                         f"{event['seq']:06d}{event['ord']:03d}",
        "event_date": full_date,
        "year": date[:4] if date[:4].isdigit() else "",
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": event.get("actor_name") or "",
        "inter1": acled_inter(event.get("actor_type"), event_type),
        "actor2": event.get("target_name") or "",
        "inter2": acled_inter(event.get("target_type"), event_type),
        "country": country.name if country else "",
        "admin1": "",
        "location": event.get("place_name") or "",
        "latitude": event.get("place_lat") if has_point else "",
        "longitude": event.get("place_lon") if has_point else "",
        # ACLED: 1 = the named town, 2 = near it / its district, 3 = a larger region
        "geo_precision": (3 if _is_country(event) else 1) if has_point else "",
        **_sources_and_notes(event),
        "fatalities": event.get("fatalities_min") or 0,
    }


def _sources_and_notes(event: dict[str, Any]) -> dict[str, str]:
    """ACLED's source and notes: every outlet reporting the event ("; " between them, as
    ACLED writes them) and each report's sentence (" | " between them); one event merged
    from several articles (`Store.merged_events`) lists all its reports."""
    reports = event.get("mentions") or [event]
    sources = dict.fromkeys(r.get("outlet") or r.get("source") or "" for r in reports)
    notes = dict.fromkeys(" ".join((r.get("sentence") or "").split()) for r in reports)
    return {"source": "; ".join(s for s in sources if s),
            "notes": " | ".join(n for n in notes if n)}


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER event with its provenance, in POLECAT-style field names."""
    def party(prefix: str) -> dict[str, Any] | None:
        if not event.get(f"{prefix}_name"):
            return None
        return {"name": event[f"{prefix}_name"], "entity": event.get(f"{prefix}_entity"),
                "type": event.get(f"{prefix}_type")}

    location = party("place")
    if location is not None:
        del location["type"]
        location.update(geonames=event.get("place_geonames"), lat=event.get("place_lat"),
                        lon=event.get("place_lon"), country=event.get("place_country"))
    return {
        "event_id": f"{event['doc_id']}-{event['ord']}",
        "event_type": event["type"],
        "mode": event.get("mode"),
        "event_date": event.get("date"),
        "date_how": event.get("date_how") if event.get("date_value") else "published",
        "actor": party("actor"),
        "recipient": party("target"),
        "location": location,
        "fatalities": {"min": event.get("fatalities_min"), "max": event.get("fatalities_max")},
        "size": {"min": event.get("size_min"), "max": event.get("size_max")},
        "negated": bool(event.get("negated")),
        "hypothetical": bool(event.get("hypothetical")),
        "why": event.get("why"),
        "source": {"doc_id": event["doc_id"], "outlet": event.get("outlet"),
                   "title": event.get("title"), "url": event.get("url"),
                   "path": event.get("source"),
                   "trigger": {"start": event["trigger_start"], "end": event["trigger_end"],
                               "text": event["trigger_text"]},
                   "sentence": " ".join((event.get("sentence") or "").split())},
    }


def write_events(events: Iterable[dict[str, Any]], stream: IO[str], output_format: str) -> int:
    """Write events in `output_format` (one of EVENT_FORMATS); returns how many."""
    count = 0
    if output_format == "acled-csv":
        writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(acled_row(event))
            count += 1
    elif output_format == "plover-jsonl":
        for event in events:
            stream.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
            count += 1
    else:
        raise ValueError(f"unknown events format {output_format!r}: one of {EVENT_FORMATS}")
    return count


# -- tables: every kind as jsonl / csv / parquet ------------------------------------------------

PARQUET_BATCH = 5_000
TABULAR_FORMATS = ("jsonl", "csv", "parquet")
_SPECIAL_FORMATS: dict[str, tuple[str, ...]] = {
    "entities": ("gexf",),
    "events": (*EVENT_FORMATS, "geojson", "gexf"),
}
_columns = columns


@dataclass(frozen=True)
class TableSpec:
    """One exportable kind: its columns (in order, with their Parquet type), the Store query
    that yields them (one row per item, in a stable order, streamed) and the `Store.stats` name
    that counts them."""
    columns: tuple[Column, ...]
    rows: Callable[[Store], Iterable[Mapping[str, Any]]]
    counted: str


TABLES: dict[str, TableSpec] = {
    "articles": TableSpec(
        _columns("id seq:int source url format title outlet published published_how text "
                 "entities:int quotes:int times:int events:int removed:int ingested_at"),
        lambda store: store.article_rows(),
        "documents",
    ),
    "entities": TableSpec(
        _columns("id name type geonames:int lat:float lon:float country mentions:int "
                 "articles:int"),
        lambda store: store.entity_rows(),
        "entities",
    ),
    "mentions": TableSpec(
        _columns("doc_id entity_id entity_name entity_type start:int end:int text outlet "
                 "published"),
        lambda store: store.mention_rows(),
        "mentions",
    ),
    "quotes": TableSpec(
        _columns("doc_id ord:int start:int end:int text kind cue_text speaker_name "
                 "speaker_entity speaker_start:int speaker_end:int date outlet title published"),
        lambda store: store.quote_rows(),
        "quotes",
    ),
    "events": TableSpec(
        _columns("doc_id ord:int type mode trigger_start:int trigger_end:int trigger_text "
                 "sentence actor_name actor_entity target_name target_entity place_name "
                 "place_entity place_geonames:int place_lat:float place_lon:float place_country "
                 "date date_how fatalities_min:int fatalities_max:int size_min:int size_max:int "
                 "negated:int hypothetical:int outlet title published url"),
        lambda store: store.iter_events(include_negated=True),  # every row, negated too
        "events",
    ),
}
"""The kinds with exports of their own shape; every other fact type (newsgraph.facts) exports
its table's columns with its article's outlet, title and date (`kinds`)."""


def _fact_table(fact: FactType) -> TableSpec:
    return TableSpec((Column("doc_id", "str"), Column("ord", "int"), *fact.columns,
                      *_columns("outlet title published")),
                     lambda store: store.fact_rows(fact.field), fact.field)


def kinds() -> dict[str, TableSpec]:
    """Every exportable kind: the articles, entities and mentions, then each fact type."""
    tables = dict(TABLES)
    for fact in fact_types():
        tables.setdefault(fact.field, _fact_table(fact))
    return tables


def formats(kind: str) -> tuple[str, ...]:
    """The formats one kind exports to."""
    return (*TABULAR_FORMATS, *_SPECIAL_FORMATS.get(kind, ()))


def table_rows(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """The rows of one kind, in its columns' order, streamed from the cursor."""
    spec = kinds()[kind]
    names = [column.name for column in spec.columns]
    for row in spec.rows(store):
        yield {name: row.get(name) for name in names}


def count_rows(store: Store, kind: str, output_format: str) -> int | None:
    """How many items an export goes through, for its progress bar (None: not known ahead)."""
    if (kind, output_format) in {("entities", "gexf"), ("events", "acled-csv")}:
        return None  # entity pairs, real events: counted as they come
    if kind == "events" and output_format not in TABULAR_FORMATS:
        return store.count_events()  # the analysis formats leave negated events out
    return store.count(kinds()[kind].counted)


def write_table(rows: Iterable[dict[str, Any]], columns: tuple[Column, ...],
                target: IO[Any], output_format: str,
                advance: Callable[[], None] = lambda: None) -> int:
    """Write rows as jsonl, csv (text streams) or parquet (a binary stream); returns how many."""
    count = 0
    if output_format == "jsonl":
        for row in rows:
            target.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
            advance()
    elif output_format == "csv":
        writer = csv.DictWriter(target, fieldnames=[column.name for column in columns])
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
            advance()
    elif output_format == "parquet":
        count = _write_parquet(rows, columns, target, advance)
    else:
        raise ValueError(f"unknown table format {output_format!r}: one of {TABULAR_FORMATS}")
    return count


def _write_parquet(rows: Iterable[dict[str, Any]], columns: tuple[Column, ...],
                   target: IO[bytes], advance: Callable[[], None]) -> int:
    import pyarrow as pa  # imported here: only Parquet exports pay for loading Arrow
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(column.name, types[column.kind]) for column in columns])
    count = 0
    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            count += 1
            advance()
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        # an empty export still writes a file with the schema, so readers see the columns
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


# -- GeoJSON: events as points ------------------------------------------------------------------

GEOJSON_PROPERTIES = ("type", "mode", "date", "actor_name", "actor_entity", "target_name",
                      "target_entity", "place_name", "place_entity", "place_geonames",
                      "place_country", "fatalities_min", "fatalities_max", "size_min",
                      "size_max", "hypothetical", "trigger_text", "sentence", "outlet", "title",
                      "url", "doc_id", "trigger_start", "trigger_end")


def write_geojson(events: Iterable[dict[str, Any]], stream: IO[str],
                  advance: Callable[[], None] = lambda: None) -> tuple[int, int]:
    """One GeoJSON FeatureCollection of the events that have a place with coordinates (RFC 7946:
    [longitude, latitude]). Returns (written, skipped for want of coordinates)."""
    written = skipped = 0
    stream.write('{"type": "FeatureCollection", "features": [\n')
    for event in events:
        advance()
        lat, lon = event.get("place_lat"), event.get("place_lon")
        if lat is None or lon is None:
            skipped += 1
            continue
        feature = {
            "type": "Feature",
            "id": f"{event['doc_id']}-{event['ord']}",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {key: _plain(event.get(key)) for key in GEOJSON_PROPERTIES},
        }
        stream.write(("" if written == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        written += 1
    stream.write("\n]}\n")
    return written, skipped


def _plain(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


# -- GEXF: networks for Gephi -------------------------------------------------------------------

def write_gexf(nodes: Iterable[tuple[str, str, dict[str, Any]]],
               edges: Iterable[tuple[str, str, float, dict[str, Any]]],
               stream: IO[str], *, directed: bool, description: str,
               node_attributes: dict[str, str], edge_attributes: dict[str, str]) -> tuple[int, int]:
    """A GEXF 1.3 graph written as it streams: nodes (id, label, attributes), then edges
    (source, target, weight, attributes). Attribute types are GEXF's (string, integer, double).
    Returns (nodes, edges) written."""
    def attributes_block(kind: str, declared: dict[str, str]) -> str:
        lines = "".join(f'      <attribute id="{name}" title="{name}" type="{type_}"/>\n'
                        for name, type_ in declared.items())
        return f'    <attributes class="{kind}">\n{lines}    </attributes>\n'

    def values(declared: dict[str, str], given: dict[str, Any]) -> str:
        items = "".join(f"<attvalue for={quoteattr(name)} value={quoteattr(str(given[name]))}/>"
                        for name in declared if given.get(name) is not None)
        return f"<attvalues>{items}</attvalues>" if items else ""

    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
                 f"  <meta><creator>newsgraph</creator>"
                 f"<description>{escape(description)}</description></meta>\n"
                 f'  <graph defaultedgetype="{"directed" if directed else "undirected"}" '
                 'mode="static">\n')
    stream.write(attributes_block("node", node_attributes))
    stream.write(attributes_block("edge", edge_attributes))
    node_count = edge_count = 0
    stream.write("    <nodes>\n")
    for node_id, label, attrs in nodes:
        stream.write(f"      <node id={quoteattr(node_id)} label={quoteattr(label)}>"
                     f"{values(node_attributes, attrs)}</node>\n")
        node_count += 1
    stream.write("    </nodes>\n    <edges>\n")
    for source, target, weight, attrs in edges:
        stream.write(f'      <edge id="{edge_count}" source={quoteattr(source)} '
                     f'target={quoteattr(target)} weight="{weight:g}">'
                     f"{values(edge_attributes, attrs)}</edge>\n")
        edge_count += 1
    stream.write("    </edges>\n  </graph>\n</gexf>\n")
    return node_count, edge_count


def write_cooccurrence_gexf(store: Store, stream: IO[str], *, min_articles: int = 1,
                            top: int | None = None,
                            advance: Callable[[], None] = lambda: None) -> tuple[int, int]:
    """Entities as nodes; an edge between two entities named in the same article, weighted by
    how many articles name both (at least `min_articles`: entities left without an edge are
    left out). `top` keeps the `top` entities named in most articles and the edges among
    them: the whole network of a few hundred articles is too dense to read in Gephi."""
    nodes = (
        (row["id"], row["name"] or row["id"],
         {"type": row["type"], "articles": row["articles"], "country": row["country"]})
        for row in store.entity_article_counts(top=top, min_articles=min_articles)
    )

    def edges() -> Iterator[tuple[str, str, float, dict[str, Any]]]:
        for row in store.entity_pairs(min_articles=min_articles, top=top):
            advance()
            yield row["source"], row["target"], float(row["articles"]), {
                "articles": row["articles"]}

    return write_gexf(nodes, edges(), stream, directed=False,
                      description="newsgraph: entities named in the same articles",
                      node_attributes={"type": "string", "articles": "integer",
                                       "country": "string"},
                      edge_attributes={"articles": "integer"})


def write_actor_gexf(events: Iterable[dict[str, Any]], stream: IO[str],
                     entity_names: Mapping[str, str] | None = None,
                     advance: Callable[[], None] = lambda: None) -> tuple[int, int]:
    """Actors and targets as nodes; a directed edge actor → target per pair, weighted by the
    number of events, with the events' PLOVER types. Entities are labelled with their
    canonical name (`entity_names`: id → name), so "Kiev" and "Kyiv" make one node; parties
    without an entity id are keyed by their name (the group nominals: "coal miners")."""
    entity_names = entity_names or {}
    labels: dict[str, str] = {}
    pairs: dict[tuple[str, str], Counter[str]] = {}
    for event in events:  # the network is small next to the events: one entry per pair
        advance()
        if not (event.get("actor_name") and event.get("target_name")):
            continue
        source = event.get("actor_entity") or f"name:{event['actor_name']}"
        target = event.get("target_entity") or f"name:{event['target_name']}"
        if source == target:
            continue
        labels.setdefault(source, entity_names.get(source) or event["actor_name"])
        labels.setdefault(target, entity_names.get(target) or event["target_name"])
        pairs.setdefault((source, target), Counter())[event["type"]] += 1
    nodes = ((node, label, {}) for node, label in sorted(labels.items()))
    edges = ((source, target, float(sum(types.values())),
              {"events": sum(types.values()),
               "types": " ".join(f"{kind}:{n}" for kind, n in types.most_common())})
             for (source, target), types in sorted(pairs.items()))
    return write_gexf(nodes, edges, stream, directed=True,
                      description="newsgraph: who did what to whom (PLOVER events)",
                      node_attributes={}, edge_attributes={"events": "integer",
                                                           "types": "string"})
