"""Derive `src/newsgraph/data/events/harmless_causes.tsv` from PETRARCH2's verb dictionary.

    python tools/derive_harmless_causes.py [../shared/data/petrarch]

CAMEO.2.0.txt codes some patterns of its verbs of harm `[---]`: no event. "EARTHQUAKE * KILLED",
"* (IN ACCIDENT)", "* FROM HEAT", "{&CAR CRASH} *", "* (OF {NATURAL CAUSES})": a death or an
injury that no one inflicted, or a defeat in an election. This script reads those patterns of
the verb groups the event stage codes as ASSAULT (KILL, HURT, DIE, DESTROY, PHYSICAL_CONFLICT)
and writes what they name, with PETRARCH's word synsets (&CAR, &AIRCRAFT) spelt out:

- `doer<TAB>-<TAB>word`: the subject of the pattern ("EARTHQUAKE *"): what did the harm;
- `cause<TAB>prep<TAB>phrase`: a preposition and its object ("* (IN ACCIDENT)", "* FROM HEAT"),
  the phrase's last word being its head ("natural cause", "training accident").

Patterns by an actor ("* (BY NATO)"), of a verb's object ("* HIMSELF") or naming a synset the
file never defines are left out. The dictionary is MIT (© Open Event Data Alliance / Parus
Analytics, PETRARCH2 commit 676801c); the derived file carries that licence and source.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "data" / "events" / "harmless_causes.tsv"
HARM_GROUPS = frozenset({"KILL", "HURT", "DIE", "DESTROY", "PHYSICAL_CONFLICT"})
PREPOSITIONS = frozenset({"IN", "FROM", "OF", "ON", "DURING"})
HEADER = """# What makes a verb of harm no attack: PETRARCH's null-coded ([---]) patterns of its verbs
# of harm. doer<TAB>-<TAB>word: the harm's subject ("earthquake killed");
# cause<TAB>prep<TAB>phrase: "killed in an accident", "died of natural causes" (the
# phrase's last word is its head).
# Source: derived by tools/derive_harmless_causes.py from PETRARCH2's CAMEO.2.0.txt
# (openeventdata/petrarch2 commit 676801c, petrarch2/data/dictionaries/CAMEO.2.0.txt).
# Licence: MIT, (c) 2014 Open Event Data Alliance / Parus Analytics (the PETRARCH2 licence).
"""


def synsets(lines: list[str]) -> dict[str, list[str]]:
    """&NAME -> its members in lower case ('+SEDAN' -> 'sedan', '+AIRCRAFT_' -> 'aircraft')."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        text = line.split("#")[0].strip()
        if text.startswith("&"):
            current = found.setdefault(text, [])
        elif text.startswith("+") and current is not None:
            current.append(_words(text[1:]))
        elif not text:
            continue
        else:
            current = None
    return found


def _words(token: str) -> str:
    return " ".join(part for part in token.replace("_", " ").lower().split() if part)


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str] | None:
    """A pattern phrase ('&CAR CRASH', '{NATURAL CAUSES}') as plain phrases, or None when it
    names a synset the file does not define."""
    words = phrase.strip("{}() ").split()
    options: list[list[str]] = [[]]
    for word in words:
        if word.startswith("&"):
            if word not in sets:
                return None
            options = [[*done, member] for done in options for member in sets[word]]
        else:
            options = [[*done, _words(word)] for done in options]
    return [" ".join(option) for option in options]


def _singular(phrase: str) -> str:
    """'natural causes' -> 'natural cause', 'floods' -> 'flood': the runtime matches lemmas."""
    head = phrase.split()[-1]
    if re.search(r"[^s]s$", head) and not head.endswith(("ss", "us", "is")):
        return phrase[:-1]
    return phrase


def derive(folder: Path) -> list[tuple[str, ...]]:
    lines = (folder / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    sets = synsets(lines)
    rows: set[tuple[str, ...]] = set()
    group = ""
    for line in lines:
        heading = re.match(r"^---\s+(\S+)\s+\[", line)
        if heading:
            group = heading.group(1)
            continue
        if group not in HARM_GROUPS or "[---]" not in line or not line.startswith("-"):
            continue
        pattern = line[1:].split("[---]")[0].strip()
        doer = re.fullmatch(r"(\{[^}]+\}|[&A-Z_]+)\s+\*", pattern)
        cause = re.fullmatch(r"\*\s+\(?\s*([A-Z]+)\s+(\{[^}]+\}|[&A-Z_]+)\s*\)?", pattern)
        if doer:
            for phrase in _expand(doer.group(1), sets) or ():
                rows.add(("doer", "-", _singular(phrase).split()[-1]))
        elif cause and cause.group(1) in PREPOSITIONS:
            for phrase in _expand(cause.group(2), sets) or ():
                rows.add(("cause", cause.group(1).lower(), _singular(phrase)))
    return sorted(rows)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/petrarch"
    rows = derive(folder)
    OUT.write_text(HEADER + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
