"""The fact types: one place per kind of fact a stage finds (quotes, times, events, ...).

A `FactType` says everything the rest of newsgraph needs to know about one kind of fact: the
record field (and the Doc extension the stage writes it to), how each item is checked and
flattened into its table's columns and rebuilt from them, which spans it carries (each is
checked against the text before anything is stored), how it is shown in one line and which
span the article page marks. The record, the store, the exports, `newsgraph show` and the web
page iterate over `fact_types()`, so a new kind of fact is one module that registers itself
(with the stage that finds it), and nothing is forgotten: a type missing from the store would
otherwise land unqueryable in a JSON column.

Entities are not a fact type here: their mentions, shared entity rows and cross-article ids
are a model of their own (`newsgraph.doc`, `newsgraph.store.rows`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Doc

Item = Mapping[str, Any]


@dataclass(frozen=True)
class Column:
    """A flat column of a table or an export: its name and its type."""

    name: str
    kind: Literal["str", "int", "float"]

    @property
    def sql(self) -> str:
        return {"str": "TEXT", "int": "INTEGER", "float": "REAL"}[self.kind]


def columns(spec: str) -> tuple[Column, ...]:
    """Columns from "name:kind name:kind ..." (kind str unless said): a table reads as one
    line of names rather than a screen of constructor calls."""
    found = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        found.append(Column(name, kind or "str"))  # type: ignore[arg-type]
    return tuple(found)


@dataclass(frozen=True)
class FactType:
    """One kind of fact, as the record, the store, the exports and the pages know it."""

    field: str
    """The record's list field, the Doc extension the stage writes (`doc._.<field>`), the
    table's name and the export's kind."""
    columns: tuple[Column, ...]
    """The table's flat columns (besides doc_id, ord and data, which every fact table has)."""
    to_columns: Callable[[Item, str, str], dict[str, Any]]
    """(item, where, text) -> column values; raises ValueError (naming `where`) when the item
    is malformed or one of its spans does not slice the text."""
    from_columns: Callable[[Mapping[str, Any]], dict[str, Any]]
    """A row's columns -> the item (what the columns cannot say is kept apart, in data)."""
    spans: Callable[[Item], Iterator[tuple[str, Item]]]
    """The item's spans with text, as (suffix of where, span): ("", quote), (".cue", cue)."""
    mark: Callable[[Item], tuple[int, int]]
    """The span the article page marks for the item (an event's trigger)."""
    describe: Callable[[Item], str]
    """The item in one line, for `newsgraph show` and the page's hover text."""
    layer: str
    """The page's highlight layer (the CSS class k-<layer>)."""

    @property
    def table(self) -> str:
        return self.field

    def create_table(self) -> str:
        """The table's DDL (for a type registered after the store's migrations were written)."""
        body = ",\n".join(f'    "{column.name}" {column.sql}' for column in self.columns)
        return (f"CREATE TABLE IF NOT EXISTS {self.table} (\n"
                "    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
                f"    ord INTEGER NOT NULL,\n{body},\n    data TEXT,\n"
                "    PRIMARY KEY (doc_id, ord)\n)")


_REGISTRY: dict[str, FactType] = {}


def register(fact_type: FactType) -> FactType:
    """Add a fact type (once: a second one of the same field is refused) and its Doc
    extension, so its stage can write `doc._.<field>`."""
    existing = _REGISTRY.get(fact_type.field)
    if existing is not None and existing is not fact_type:
        raise ValueError(f"a fact type {fact_type.field!r} is registered already")
    if fact_type.field in ("entities", "removed", "id", "text", "published"):
        raise ValueError(f"{fact_type.field!r} is a record field of its own")
    _REGISTRY[fact_type.field] = fact_type
    if not Doc.has_extension(fact_type.field):
        Doc.set_extension(fact_type.field, default=None)
    return fact_type


def fact_types() -> tuple[FactType, ...]:
    """The registered fact types, in registration order (the built-ins first)."""
    return tuple(_REGISTRY.values())


def fact_type(field: str) -> FactType:
    return _REGISTRY[field]


def unregister(field: str) -> None:
    """Remove a fact type (for tests that register one of their own)."""
    _REGISTRY.pop(field, None)


def _register_builtins() -> None:
    """The built-in types, in the record's order; each module registers itself on import."""
    import importlib

    for name in ("quotes", "times", "events"):
        importlib.import_module(f"newsgraph.facts.{name}")


_register_builtins()

__all__ = ["Column", "FactType", "columns", "fact_type", "fact_types", "register",
           "unregister"]
