"""The closed vocabularies of the record, defined once: PLOVER event types, entity types and
quote kinds. The stages write only these values, and the command line and the web pages accept
only these as filters."""

from __future__ import annotations

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
"""PLOVER's sixteen event types (../shared/data/plover/), in the manual's order."""

ENTITY_TYPES = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE",
)
"""The OntoNotes name labels kept as entities (numbers and times have their own stage)."""

QUOTE_KINDS = ("direct", "indirect", "mixed")
