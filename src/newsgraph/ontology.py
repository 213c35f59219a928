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

AGENT_TYPES = (
    "GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "CVL", "REF", "BUS", "MED",
    "EDU", "HLH", "REL", "LAB", "CRM", "IGO", "NGO",
)
"""The PETRARCH agent codes the contract allows as `actor.type` / `target.type`
(../shared/data/petrarch/Phoenix.agents.txt): government, military, rebels, opposition, party,
legislature, judiciary, police, intelligence, civilians, refugees, business, media, education,
health, religious, labour, criminals, intergovernmental and non-governmental organisations."""

POLITICAL_AGENT_TYPES = (
    "GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "REF", "LAB", "CRM", "IGO",
    "NGO",
)
"""The agent codes whose acts are political interactions by themselves (PLOVER codes states,
governments, forces, armed groups, parties, officials, protesters, IGOs and NGOs); business,
media, education, health and religious bodies are political only with one of these."""
