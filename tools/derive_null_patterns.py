"""Derive the event stage's no-event tables from PETRARCH2's verb dictionary: what makes a verb
of harm no attack (`harmless_causes.tsv`), and what makes a verb a comment
(`comment_patterns.tsv`).

    python tools/derive_null_patterns.py [../shared/data/petrarch]

**Harmless causes.**
CAMEO.2.0.txt codes some patterns of its verbs of harm `[---]`: no event. "EARTHQUAKE * KILLED",
"* (IN ACCIDENT)", "* FROM HEAT", "{&CAR CRASH} *", "* (OF {NATURAL CAUSES})": a death or an
injury that no one inflicted, or a defeat in an election. This script reads those patterns of
the verb groups the event stage codes as ASSAULT (KILL, HURT, DIE, DESTROY, PHYSICAL_CONFLICT)
and writes what they name, with PETRARCH's word synsets (&CAR, &AIRCRAFT) spelt out:

- `doer<TAB>-<TAB>word`: the subject of the pattern ("EARTHQUAKE *"): what did the harm;
- `cause<TAB>prep<TAB>phrase`: a preposition and its object ("* (IN ACCIDENT)", "* FROM HEAT"),
  the phrase's last word being its head ("natural cause", "training accident").

Patterns by an actor ("* (BY NATO)"), of a verb's object ("* HIMSELF") or naming a synset the
file never defines are left out.

**Comments.** CAMEO.2.0.txt codes some patterns of its verbs as CAMEO 01, a public statement:
"DECLINE * COMMENT" [011] (declined to comment), "OFFER * CONDOLENCES" [018], "SHARE * CONCERN"
[018], "WARN * CATASTROPHE" [012], "GRANT * STATEMENT" [010], "CONDEMN * {TERRORIST ATTACK}"
[018], "MARCH * (IN MEMORY)" [017]. PLOVER eliminated the CAMEO 01 comments (its manual, "CAMEO
01 and 02 categories dealing with comments have been eliminated"), so such a pattern is no
event. 015 (acknowledge responsibility) and 016 (deny it) are left out: the manual suggests
reading them as AGREE and REJECT, as the samples' gold does ("Russia denied arming"). Only the
patterns of an object or a prepositional phrase after the verb are read (`* PHRASE`, `* (PREP
PHRASE)`, `* TO VERB`), one row per verb of the pattern's group, since PETRARCH applies a
group's patterns to all its verbs: `verb<TAB>prep<TAB>phrase<TAB>code`, prep `-` for an object
or an infinitive, the phrase as written and made singular. The `[---]` patterns of other verbs are not read: many guard PETRARCH's
string matching against a noun read as its verb ("- * &AIRCRAFT" of FIGHT is "fighter
aircraft"), which a parse does not need.

The dictionary is MIT (© Open Event Data Alliance / Parus
Analytics, PETRARCH2 commit 676801c); the derived file carries that licence and source.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsgraph" / "data" / "events"
OUT = DATA / "harmless_causes.tsv"
COMMENTS_OUT = DATA / "comment_patterns.tsv"
HARM_GROUPS = frozenset({"KILL", "HURT", "DIE", "DESTROY", "PHYSICAL_CONFLICT"})
PREPOSITIONS = frozenset({"IN", "FROM", "OF", "ON", "DURING"})
HEADER = """# What makes a verb of harm no attack: PETRARCH's null-coded ([---]) patterns of its verbs
# of harm. doer<TAB>-<TAB>word: the harm's subject ("earthquake killed");
# cause<TAB>prep<TAB>phrase: "killed in an accident", "died of natural causes" (the
# phrase's last word is its head).
# Source: derived by tools/derive_null_patterns.py from PETRARCH2's CAMEO.2.0.txt
# (openeventdata/petrarch2 commit 676801c, petrarch2/data/dictionaries/CAMEO.2.0.txt).
# Licence: MIT, (c) 2014 Open Event Data Alliance / Parus Analytics (the PETRARCH2 licence).
"""
COMMENTS_HEADER = """# What makes a verb a comment, not an event: PETRARCH's patterns of its verbs coded CAMEO 01
# (public statements, which PLOVER eliminated; 015 and 016 left out).
# verb<TAB>prep<TAB>phrase<TAB>code: the verb with this object or infinitive (prep "-") or
# this prepositional phrase ("decline - comment", "march in memory"); the phrase's last word
# is its head, the others its modifiers.
# Source: derived by tools/derive_null_patterns.py from PETRARCH2's CAMEO.2.0.txt
# (openeventdata/petrarch2 commit 676801c, petrarch2/data/dictionaries/CAMEO.2.0.txt).
# Licence: MIT, (c) 2014 Open Event Data Alliance / Parus Analytics (the PETRARCH2 licence).
"""
COMMENT_CODE = re.compile(r"\[(01[0-4789])\d?(?::\d*)?\]")
"""A CAMEO 01 code of a pattern, but 015 and 016 (see the module)."""
PATTERN_PREPOSITIONS = PREPOSITIONS | {"AT", "WITH", "FOR", "TO", "AGAINST", "OVER", "ABOUT"}
PHRASE = re.compile(r"(\{[&A-Z_' -]+\}|[&A-Z][&A-Z_'-]*)(\s+(\{[&A-Z_' -]+\}|[&A-Z][&A-Z_'-]*))*")
"""A pattern's phrase of plain words, synsets and {word groups}, nothing nested."""


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
    """'natural causes' -> 'natural cause', 'floods' -> 'flood', 'best wishes' -> 'best wish',
    'hostilities' -> 'hostility': the runtime matches lemmas."""
    head = phrase.split()[-1]
    if head.endswith("ies") and len(head) > 4:
        return phrase[:-3] + "y"
    if head.endswith(("shes", "ches", "xes", "sses")):
        return phrase[:-2]
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


def derive_comments(folder: Path) -> list[tuple[str, ...]]:
    """(verb, prep or "-", phrase, code) of every CAMEO 01 pattern after the verb."""
    lines = (folder / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    sets = synsets(lines)
    rows: set[tuple[str, ...]] = set()
    verbs: list[str] = []
    for line in lines:
        if re.match(r"^---\s+\S+\s+\[", line):
            verbs = []
            continue
        text = line.split("#")[0].strip()
        if text and text[0] not in "-&" and line.startswith(("+", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ")):
            verbs.append(_words(text.split()[0].lstrip("+")))
            continue
        code = COMMENT_CODE.search(line)
        if not line.startswith("-") or code is None:
            continue
        pattern = line[1:].split("[")[0].strip()
        after = re.fullmatch(r"\*\s+\(?\s*(.+?)\s*\)?", pattern)
        if after is None:
            continue
        words = after.group(1).split(None, 1)
        prep, phrase = "-", after.group(1)
        if len(words) == 2 and words[0] in PATTERN_PREPOSITIONS:
            prep, phrase = words[0].lower(), words[1]
        if not PHRASE.fullmatch(phrase) or phrase in PATTERN_PREPOSITIONS:
            continue
        for expanded in _expand(phrase, sets) or ():
            for form in {expanded, _singular(expanded)}:  # the lemma of "news" is "news"
                rows.update((verb, prep, form, code.group(1)) for verb in verbs)
    return sorted(rows)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/petrarch"
    rows = derive(folder)
    OUT.write_text(HEADER + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} rows")
    comments = derive_comments(folder)
    COMMENTS_OUT.write_text(COMMENTS_HEADER + "".join("\t".join(row) + "\n" for row in comments),
                            encoding="utf-8")
    print(f"{COMMENTS_OUT}: {len(comments)} rows")


if __name__ == "__main__":
    main()
