"""The shared model: what newsgraph's components write on one spaCy `Doc` and read from it.

Every stage is a spaCy component (`newsgraph.stages`); each writes its own facts here once,
and later stages read them instead of deriving them again:

- `doc._.text`: the Doc's text, joined once (spaCy's `Doc.text` joins every token again on
  each access, which cost the stages more than their own work);
- `doc._.article`: what the input said before any stage ran (id, the given publication
  date, where the title stands), set by the batch function before the parse;
- `doc._.dateline`: the dateline opening the article, `{start, end, place_start, place_end}`
  in characters (one rule: `newsgraph.stages.dateline`);
- `doc.spans["entities"]`: every corrected entity mention, labelled with its corrected type,
  with `Span._.entity_id`, `Span._.role` (a title or apposition, `[start, end]` chars),
  `Span._.metonymy` ("government" / "state") and `Span._.stands_for` (the entity a capital
  stands for, or the capital a state was named by); `doc._.entity_table` holds each
  entity's own fields (name, type, place) in record order;
- `doc._.antecedents`: what each pronoun stands for (pronoun index -> antecedent index), read
  as `token._.antecedent` (one resolver: `newsgraph.stages.references`);
- `doc._.published`: the record's publication date object, and `doc._.anchor_date`, the ISO
  date relative expressions resolve against (looked up once);
- `doc._.stories`: the stretches of text told of long ago, `[start, end, year]` in
  characters (a castle's siege, a battle on its centenary), written by the times stage;
- `doc._.times`, `doc._.quotes`, `doc._.events`: each stage's facts, contract-shaped (one
  extension per fact type of `newsgraph.facts`, registered with it).

Values are plain JSON types (ids, offsets, dicts), never Python objects, so a Doc can cross
process boundaries and be serialised. `newsgraph.record` alone turns a Doc into the record.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc, Span, Token

from newsgraph.ontology import ENTITY_TYPES

ENTITY_SPANS = "entities"
"""The `doc.spans` key of the corrected entity mentions."""

_DOC_EXTENSIONS = ("article", "dateline", "entity_table", "entity_tokens", "antecedents",
                   "published", "anchor_date", "stories")
"""The shared model's own extensions; each fact type's (`doc._.quotes` ...) is registered with
it in `newsgraph.facts`."""
_SPAN_EXTENSIONS = ("entity_id", "role", "metonymy", "stands_for")


def register_extensions() -> None:
    """Register newsgraph's extension attributes (idempotent: spaCy's registry is global)."""
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("text"):
        Doc.set_extension("text", getter=doc_text)
    for name in _SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Token.has_extension("entity"):
        Token.set_extension("entity", getter=entity_of)
    if not Token.has_extension("antecedent"):
        Token.set_extension("antecedent", getter=_antecedent_of_token)
    import newsgraph.facts  # noqa: F401  (each fact type registers its own extension)



_TEXT_KEY = ("newsgraph", "text")


def doc_text(doc: Doc) -> str:
    """`doc._.text`: the Doc's text, joined once (also callable without the `._` lookup)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> None:
    """Hand `doc._.text` the string the Doc was made from: spaCy's tokenizer keeps every
    character, so it equals the joined text, and no stage pays for the join."""
    doc.user_data[_TEXT_KEY] = text


def doc_value(doc: Doc, name: str) -> Any:
    """The value of one of newsgraph's Doc extensions, read where spaCy keeps it (`user_data`
    under `("._.", name, None, None)`): `doc._.name` builds an Underscore object on every
    access, and the per-token lookups below make hundreds of thousands per run. None when
    unset, like the extensions' default."""
    return doc.user_data.get(("._.", name, None, None))


def span_value(span: Span, name: str) -> Any:
    """The value of one of newsgraph's Span extensions (`span._.name`), read where spaCy keeps
    it (`user_data` under `("._.", name, start_char, end_char)`) without building an
    Underscore object; None when unset, like the extensions' default."""
    return span.doc.user_data.get(("._.", name, span.start_char, span.end_char))


def set_span_values(doc: Doc, chars: tuple[int, int], values: dict[str, Any]) -> None:
    """`span._.name = value` for each value, on the span of these characters (start_char,
    end_char), written where spaCy keeps it and `span_value` reads it, without building an
    Underscore object per value."""
    for name, value in values.items():
        doc.user_data[("._.", name, *chars)] = value


class WordHashes:
    """Which spaCy string hashes name one of a few words once lowercased, remembered per hash:
    a hash names one string in every Doc and vocabulary, so an answer never goes stale, and
    each string is looked up once per process instead of once per Doc."""

    LIMIT = 200_000
    """Hashes remembered before starting again (a long run meets new words forever)."""

    def __init__(self, words: Collection[str]) -> None:
        self.words = frozenset(words)
        self.seen: set[int] = set()
        self.matching: set[int] = set()

    def among(self, values: set[int], strings: StringStore) -> set[int]:
        """The values whose string, lowercased, is one of the words."""
        new = values - self.seen
        if new:
            if len(self.seen) + len(new) > self.LIMIT:
                self.seen.clear()
                self.matching.clear()
                new = values
            self.seen |= new
            self.matching |= {value for value in new if strings[value].lower() in self.words}
        return values & self.matching


_LEMMA_HASHES: dict[frozenset[str], WordHashes] = {}
"""The memo of each set of lemmas `positions_of` is asked for (one per calling stage)."""


def positions_of(doc: Doc, lemmas: Collection[str], lowers: Collection[str] = ()) -> list[int]:
    """The indices of the tokens whose lowercased lemma is one of `lemmas` or whose lowercased
    form is one of `lowers`, in order. Read from spaCy's arrays: a stage looking for a few
    words makes no Token object for the other tokens (a tenth of the stages' time). A Doc holds
    few of the words, so each is one comparison over the array (cheaper than `numpy.isin`'s
    setup), with the hash as spaCy's uint64 (as a Python int above 2**63 it would become
    float64 and match its neighbours)."""
    if not len(doc):
        return []
    found = numpy.zeros(len(doc), dtype=bool)
    if lemmas:  # a lemma keeps its case ("Trump"): every distinct one is lowercased, once
        values = doc.to_array(LEMMA)
        key = frozenset(lemmas)
        memo = _LEMMA_HASHES.get(key) or _LEMMA_HASHES.setdefault(key, WordHashes(key))
        for value in memo.among(set(values.tolist()), doc.vocab.strings):
            found |= values == numpy.uint64(value)
    if lowers:  # a lowercased form is its own key: its hash is the array's value
        values = doc.to_array(LOWER)
        for word in lowers:
            found |= values == numpy.uint64(hash_string(word))
    return numpy.flatnonzero(found).tolist()


def write_entities(doc: Doc, spans: list[Span], table: dict[str, dict[str, Any]]) -> None:
    """The entity stage's one write: mentions (entity by entity, in record order), the
    entities' own fields, and which mention each token belongs to (the first in that order
    where mentions overlap), so later stages look a token's entity up in constant time."""
    doc.spans[ENTITY_SPANS] = spans
    doc._.entity_table = table
    owner = [-1] * len(doc)
    for index, span in enumerate(spans):
        for position in range(span.start, span.end):
            if owner[position] < 0:
                owner[position] = index
    doc._.entity_tokens = owner


def entity_spans(doc: Doc) -> list[Span]:
    """The corrected entity mentions, entity by entity in record order (empty before the
    entity stage ran)."""
    return list(doc.spans[ENTITY_SPANS]) if ENTITY_SPANS in doc.spans else []


def entity_of(token: Token) -> Span | None:
    """The corrected entity mention covering a token (`token._.entity`); None outside every
    mention, and before the entity stage ran."""
    owner = doc_value(token.doc, "entity_tokens")
    if not owner or owner[token.i] < 0:
        return None
    return token.doc.spans[ENTITY_SPANS][owner[token.i]]


def _antecedent_of_token(token: Token) -> Token | None:
    """What a pronoun stands for (`token._.antecedent`), as the references stage resolved it;
    None for any other token, and before that stage ran."""
    found = doc_value(token.doc, "antecedents")
    if not found or token.i not in found:
        return None
    return token.doc[found[token.i]]


_MENTION_LABELS_KEY = "newsgraph.mention_labels"


def entity_type(token: Token) -> str:
    """A token's entity type as the entity stage corrected it: its mention's label (Kiev is a
    GPE, not spaCy's PERSON), "" for a name spaCy tagged that the stage did not keep, and
    spaCy's own label for numbers and times (DATE, CARDINAL ...), which are not entities.
    The stages ask this thousands of times a Doc, so the labels are read once per Doc (each
    read of a mention from its SpanGroup builds a Span)."""
    doc = token.doc
    owner = doc_value(doc, "entity_tokens")
    if owner and owner[token.i] >= 0:
        group = doc.spans[ENTITY_SPANS]
        labels = doc.user_data.get(_MENTION_LABELS_KEY)  # plain strings: stays serialisable
        if labels is None or len(labels) != len(group):
            labels = doc.user_data[_MENTION_LABELS_KEY] = [span.label_ for span in group]
        return labels[owner[token.i]]
    label = token.ent_type_
    return "" if label in ENTITY_TYPES else label


_RECORDS_KEY = "newsgraph.entity_records"


def entity_records(doc: Doc) -> list[dict[str, Any]]:
    """The contract's `entities` list, assembled from the entity spans and the entity table:
    each entity with its mentions in text order (the entity stage wrote both, once). Built
    once per Doc: the quote and event stages and the record read the same list."""
    cached = doc.user_data.get(_RECORDS_KEY)  # plain JSON values: the Doc stays serialisable
    table = doc_value(doc, "entity_table") or {}
    if cached is not None and cached[0] == len(table):
        return cached[1]
    records = _assemble_entity_records(doc, table)
    doc.user_data[_RECORDS_KEY] = [len(table), records]
    return records


def _assemble_entity_records(doc: Doc, table: dict[str, dict[str, Any]],
                             ) -> list[dict[str, Any]]:
    mentions: dict[str, list[dict[str, Any]]] = {entity_id: [] for entity_id in table}
    text = doc_text(doc)
    for span in entity_spans(doc):
        start_char, end_char = span.start_char, span.end_char
        item: dict[str, Any] = {"start": start_char, "end": end_char,
                                "text": text[start_char:end_char]}
        role = span_value(span, "role")
        if role is not None:
            start, end = role
            item["role"] = {"start": start, "end": end, "text": text[start:end]}
        metonymy = span_value(span, "metonymy")
        if metonymy == "government":
            item["metonymy"] = "government"
            item["government"] = span_value(span, "stands_for")
        elif metonymy == "state":
            item["metonymy"] = "state"
            item["capital"] = span_value(span, "stands_for")
        mentions[span_value(span, "entity_id")].append(item)
    records = []
    for entity_id, fields in table.items():
        items = sorted(mentions[entity_id], key=lambda item: (item["start"], item["end"]))
        record = {"id": entity_id, "name": fields["name"], "type": fields["type"],
                  "mentions": items, "geonames": fields.get("geonames"),
                  "lat": fields.get("lat"), "lon": fields.get("lon"),
                  "country": fields.get("country")}
        if fields.get("geo_confidence") is not None:
            record["geo_confidence"] = fields["geo_confidence"]
        if fields.get("roles"):
            record["roles"] = list(fields["roles"])
        records.append(record)
    return records


register_extensions()
