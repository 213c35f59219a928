"""Derive the actor-typing tables of `src/newsgraph/data/events/` from PETRARCH2's dictionaries.

    python tools/derive_actor_lexicons.py [../shared/data/petrarch]

Reads `Phoenix.agents.txt` (role nouns -> agent codes) and the three actor dictionaries
(`Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`,
`Phoenix.MilNonState.actors.txt`: named actors -> CAMEO actor codes with date ranges) and writes

- `agents.tsv`: `phrase<TAB>code`, a role noun phrase in lower case with its regular and
  irregular plurals (PETRARCH generates regular plurals itself; we spell them out so the
  runtime needs no inflection rules) and the agent code it names (`GOV`, `MIL`, `REB`, ...);
- `actors.tsv.gz`: `name<TAB>class`, each actor name and variant in lower case with the class
  its most recent code gives: an agent code where the code holds one (`RUSGOV` -> `GOV`,
  `IGOUNO` -> `IGO`, `FRAREB` -> `REB`), `STATE` for a bare country code (`AFG`, which the
  dictionary also gives its cities and provinces), `ELI` for the dictionary's elites (former
  leaders), `OTHER` for anything else.

The dictionaries are MIT (© Open Event Data Alliance / Parus Analytics, PETRARCH2 commit
676801c); the derived files carry that licence and source in their headers.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from newsgraph.ontology import AGENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "data" / "events"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
# The contract's agent codes and the dictionaries' other classes the runtime maps onto them.
AGENT_CODES = frozenset([*AGENT_TYPES, "IMG", "INS", "UAF", "PPL", "MNC", "AGR", "ENV", "HRI",
                         "DEV"])
HEADER = """# {what}
# Source: derived by tools/derive_actor_lexicons.py from PETRARCH2's dictionaries
# (openeventdata/petrarch2 commit 676801c, petrarch2/data/dictionaries/{files}).
# Licence: MIT, (c) 2014 Open Event Data Alliance / Parus Analytics (the PETRARCH2 licence).
"""


def _words(phrase: str) -> str:
    """PETRARCH's `A_B_` spelling as lower-case words ('a b')."""
    return " ".join(part for part in phrase.replace("_", " ").lower().split() if part)


def _plurals(noun: str) -> list[str]:
    """The regular English plural of a phrase's last word, as PETRARCH makes it (none for a
    word already plural: 'troops', 'men', 'people')."""
    if re.search(r"([^s]s|men|people|children|police|personnel)$", noun):
        return []
    if re.search(r"[^aeiou]y$", noun):
        return [noun[:-1] + "ies"]
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return [noun + "es"]
    return [noun + "s"]


def agents(path: Path) -> dict[str, str]:
    """Role phrase -> agent code, with substitution sets and plurals expanded."""
    substitutions: dict[str, list[str]] = {}
    found: dict[str, str] = {}
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, values = line.split("=", 1)
            substitutions[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        match = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[~([A-Z]{3})[A-Z]*\]", line)
        if match is None:
            continue
        phrase, irregular, code = match.group(1).strip(), match.group(2), match.group(3)
        if code not in AGENT_CODES or not phrase:
            continue
        forms = [phrase]
        for name, values in substitutions.items():
            if name in phrase:
                forms = [form.replace(name, "_" + value) for form in forms for value in values]
        substituted = len(forms) > 1  # the sets hold their own plurals (MAN, MEN)
        for form in forms:
            words = _words(form)
            if not words:
                continue
            plurals = ([] if substituted else _plurals(words) if irregular is None else
                       [_words(p) for p in irregular.strip("{}").split()])
            spelled = [words, *plurals]
            for spelling in spelled:
                found.setdefault(spelling, code)
    return found


_CODE = re.compile(r"\[([A-Z]{3,})\s*([<>]?[\d-]*)\s*\]")


def _end_date(dates: str) -> int:
    """The end of a code's date range, for picking an actor's latest role (open: far future)."""
    if not dates or dates.startswith(">"):
        return 99_999_999
    end = dates.rsplit("-", 1)[-1].lstrip("<")
    if not end.isdigit():
        return 0
    return int(end) if len(end) == 8 else int(("19" if end[:2] > "30" else "20") + end[:6])


def actor_class(code: str) -> str:
    """The class of a CAMEO actor code: its first agent code, STATE, ELI or OTHER."""
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if chunks and chunks[0] in ("IGO", "NGO", "IMG", "MNC"):
        return chunks[0]
    for chunk in chunks[1:]:
        if chunk in AGENT_CODES:
            return chunk
        if chunk == "ELI":
            return "ELI"
    return "STATE" if len(chunks) == 1 else "OTHER"


def actors(paths: list[Path]) -> dict[str, str]:
    """Actor name -> class of its latest code; a name the files give twice keeps its first."""
    found: dict[str, str] = {}

    def close(names: list[str], codes: list[tuple[int, str]]) -> None:
        if names and codes:
            latest = max(codes)[1]
            for name in names:
                found.setdefault(name, actor_class(latest))

    for path in paths:
        names: list[str] = []
        codes: list[tuple[int, str]] = []
        for raw in path.read_text("utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            head = line.strip()
            if head.startswith("+"):
                name = _words(_CODE.split(head[1:])[0])
                if name:
                    names.append(name)
            elif head.startswith("["):
                pass
            elif not raw[0].isspace():
                close(names, codes)
                names, codes = [], []
                name = _words(_CODE.split(head)[0])
                if name:
                    names.append(name)
            for match in _CODE.finditer(head):
                codes.append((_end_date(match.group(2)), match.group(1)))
        close(names, codes)
    return found


def main(source: str) -> None:
    folder = Path(source)
    agent_rows = agents(folder / "Phoenix.agents.txt")
    text = HEADER.format(what="Role nouns and the PETRARCH agent code each names: phrase, code.",
                         files="Phoenix.agents.txt")
    text += "".join(f"{phrase}\t{code}\n" for phrase, code in sorted(agent_rows.items()))
    (OUT / "agents.tsv").write_text(text, "utf-8")
    actor_rows = actors([folder / name for name in ACTOR_FILES])
    text = HEADER.format(what="Named political actors and the class of their latest CAMEO code: "
                              "name, class.", files=", ".join(ACTOR_FILES))
    text += "".join(f"{name}\t{kind}\n" for name, kind in sorted(actor_rows.items()))
    with gzip.GzipFile(OUT / "actors.tsv.gz", "wb", mtime=0) as stream:
        stream.write(text.encode("utf-8"))
    print(f"agents.tsv: {len(agent_rows)} phrases; actors.tsv.gz: {len(actor_rows)} names")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "data" / "petrarch"))
