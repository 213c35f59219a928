"""The PETRARCH2 dictionaries as the stages read them: role nouns and named actors with their
codes, from the tables `tools/derive_actor_lexicons.py` derives (`data/events/agents.tsv`,
`data/events/actors.tsv.gz`; MIT, (c) Open Event Data Alliance / Parus Analytics).

Read once per process. The entity stage asks which organisations the dictionary lists, the
quote stage which speakers are civilians, and the event stage types every party with them
(`stages/events/actors`): so they live here, beside no one stage.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

from newsgraph.lexicons import rows
from newsgraph.ontology import AGENT_TYPES

FOLDER = "events"
"""The folder of `newsgraph/data/` that holds the derived tables."""

CONTRACT_TYPES = frozenset(AGENT_TYPES)
"""The agent codes the extraction contract names (`actor.type`, `target.type`)."""

_AS_CONTRACT = {"IMG": "REB", "INS": "REB", "UAF": "MIL", "PPL": "CVL", "MNC": "BUS",
                "STATE": "GOV", "HRI": "NGO", "DEV": "GOV"}
"""Dictionary classes the contract does not name, as the contract code they belong to:
international militarised groups and insurgents are rebels, unidentified armed forces
military, 'people' civilians, multinationals business, a bare country code its state,
human-rights and development bodies (GOVDEV in PETRARCH) NGO and government."""


@cache
def agent_phrases() -> dict[tuple[str, ...], str]:
    """Role phrase (lower-case words) -> agent code, from PETRARCH's agents dictionary."""
    found: dict[tuple[str, ...], str] = {}
    for _where, (phrase, code) in rows(f"{FOLDER}/agents.tsv", ("phrase", "code")):
        found[tuple(phrase.split())] = code
    return found


@cache
def actor_classes() -> dict[str, str]:
    """Actor name (lower case) -> class of its latest code, from PETRARCH's actor files."""
    path = resources.files("newsgraph") / "data" / FOLDER / "actors.tsv.gz"
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    found: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, kind = line.split("\t")
            found[name] = kind
    return found


def contract_code(kind: str) -> str | None:
    """A dictionary class as a contract agent code (None: political, but no code fits)."""
    code = _AS_CONTRACT.get(kind, kind)
    return code if code in CONTRACT_TYPES else None
