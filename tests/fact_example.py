"""A new kind of fact in one module: sums of money, found by a stage of their own.

This is all it takes to add a fact type: its `FactType` (record field, columns, spans, how it
is shown) and the spaCy factory of the stage that writes it. Importing the module registers
both (`Pipeline(..., imports=["tests.fact_example"])` imports it in worker processes too).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.facts import FactType, Item, columns, register
from newsgraph.facts.checks import check_span, span_columns

_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "dollar": "USD", "euro": "EUR",
               "pound": "GBP", "rouble": "RUB", "ruble": "RUB"}


def _currency(text: str) -> str | None:
    lower = text.lower()
    return next((code for sign, code in _CURRENCIES.items() if sign in lower), None)


def _to_columns(amount: Item, where: str, text: str) -> dict[str, Any]:
    check_span(amount, where, text)
    return {**span_columns(amount), "currency": amount.get("currency")}


def _from_columns(row: Mapping[str, Any]) -> dict[str, Any]:
    return {**span_columns(row), "currency": row["currency"]}


def _spans(amount: Item) -> Iterator[tuple[str, Item]]:
    yield "", amount


AMOUNTS = register(FactType(
    field="amounts", columns=columns("start:int end:int text currency"),
    to_columns=_to_columns, from_columns=_from_columns, spans=_spans,
    mark=lambda amount: (amount["start"], amount["end"]),
    describe=lambda amount: f"amount: {amount['text']} ({amount.get('currency') or '?'})",
    layer="amount"))


@Language.factory("newsgraph_amounts", requires=["doc.ents"], assigns=["doc._.amounts"],
                  default_config={})
def make_amounts(nlp: Language, name: str):
    def amounts(doc: Doc) -> Doc:
        doc._.amounts = [{"start": ent.start_char, "end": ent.end_char, "text": ent.text,
                          "currency": _currency(ent.text)}
                         for ent in doc.ents if ent.label_ == "MONEY"]
        return doc

    return amounts
