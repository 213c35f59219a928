"""Eval floors: the dev figures pinned in tests/eval_floors.json, and the gate that holds them.

From the issue (after trafilatura's tests/eval_gate.py and eval_baseline.json): "a change that
lowers a dev figure should fail `make test`, not be noticed weeks later". Every gated figure is
pinned per half and on the whole set; `make test` fails, naming the figure, when one falls more
than TOLERANCE below its floor. The floors hold only for the dev data they were measured on, so
the file pins a sha256 of each set's files too. `newsgraph eval --update-floors` raises floors to
the current figures and never lowers one; lowering is a manual edit (see RULES).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

FLOORS_PATH = Path(__file__).resolve().parents[3] / "tests" / "eval_floors.json"
"""In the source tree (an editable install, as `make` builds it)."""

TOLERANCE = 0.005
"""How far below its floor a figure may fall: extraction is deterministic, so this is rounding,
not noise."""

SLICES = ("all", "A", "B")

RULES = [
    "Floors of the dev figures that `newsgraph eval` measures (tests/test_eval_gate.py runs it "
    "in `make test`). The gate fails when a figure is more than `tolerance` below its floor, per "
    "half (A: develop on it, B: held back) and on the whole set ('all').",
    "`newsgraph eval --update-floors` (make eval ARGS=--update-floors) raises floors to the "
    "current figures and pins new figures; it never lowers a floor.",
    "Lowering a floor is a manual edit of this file, in a commit of its own whose message names "
    "the overfitted rule whose removal lowered it (the rule fitted to dev articles, with the "
    "half-B figure that shows it did not carry over). No other reason lowers a floor.",
    "dev_data_sha256 pins the dev files the floors were measured on. When the dev data changes, "
    "the gate fails until the floors are re-measured: `newsgraph eval --update-floors` re-pins "
    "the floors of the changed sets at their new figures (up or down) and the new digests.",
    "Targets are the open issues' targets: printed next to the figures, never enforced.",
]

Values = Mapping[str, Mapping[str, Mapping[str, float | None]]]
"""set -> figure key -> slice ("all", "A", "B") -> value."""


def dev_files(shared: Path, name: str) -> list[Path]:
    """The files of dev/<name> the figures are measured on."""
    folder = shared / "dev" / name
    if name == "html":
        return [folder / "gold.json", folder / "nonpolitical.tsv",
                *sorted((folder / "pages").glob("*.html"))]
    return [folder / "articles.jsonl", folder / "gold.jsonl"]


def dev_digest(shared: Path, name: str) -> str:
    """sha256 over the set's file names (relative to dev/<name>) and contents."""
    folder = shared / "dev" / name
    digest = hashlib.sha256()
    for path in dev_files(shared, name):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"(missing)")
        digest.update(b"\0")
    return digest.hexdigest()


def read_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def write_floors(floors: Mapping[str, Any], path: Path = FLOORS_PATH) -> None:
    path.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def changed_sets(digests: Mapping[str, str], floors: Mapping[str, Any]) -> list[str]:
    """The pinned dev sets whose files differ from those the floors were measured on."""
    pinned = floors.get("dev_data_sha256", {})
    return [name for name in floors.get("figures", {})
            if name in digests and pinned.get(name) != digests[name]]


def data_changes(digests: Mapping[str, str], floors: Mapping[str, Any]) -> list[str]:
    """One message per dev set whose files differ from those the floors were measured on."""
    pinned = floors.get("dev_data_sha256", {})
    return [f"the dev data of dev/{name} changed (sha256 {digests[name][:12]}, floors measured "
            f"on {str(pinned.get(name))[:12]}): re-measure and re-pin its floors with "
            f"`newsgraph eval --update-floors` (or `make eval ARGS=--update-floors`) and commit "
            f"tests/eval_floors.json saying why the data changed"
            for name in changed_sets(digests, floors)]


def gate_failures(values: Values, floors: Mapping[str, Any],
                  tolerance: float = TOLERANCE) -> list[str]:
    """One message per pinned figure more than `tolerance` below its floor (or missing)."""
    failures = []
    for name, pinned_figures in floors.get("figures", {}).items():
        for key, pinned in pinned_figures.items():
            for part in SLICES:
                floor = pinned.get(part)
                if floor is None:
                    continue
                where = f"{name} {pinned.get('label', key)} ({key}), " + (
                    "whole set" if part == "all" else f"half {part}")
                value = values.get(name, {}).get(key, {}).get(part)
                if value is None:
                    failures.append(f"{where}: no figure measured (floor {floor:.4f})")
                elif value < floor - tolerance - 1e-12:
                    failures.append(f"{where}: {value:.4f} is {floor - value:.4f} below its "
                                    f"floor {floor:.4f} (tolerance {tolerance})")
    return failures


def updated_floors(floors: Mapping[str, Any] | None, values: Values,
                   labels: Mapping[str, Mapping[str, tuple[str, str]]],
                   digests: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The floors raised to `values` (never lowered, except for a set whose dev data changed:
    re-pinned), and one line per change. `labels` gives each gated figure's (label, target)."""
    floors = floors or {}
    old_figures = floors.get("figures", {})
    changed = set(changed_sets(digests, floors))
    new_figures: dict[str, dict[str, Any]] = {}
    notes = []
    for name, figures in labels.items():
        for key, (label, target) in figures.items():
            old = {} if name in changed else old_figures.get(name, {}).get(key, {})
            entry: dict[str, Any] = {"label": label, "target": target}
            for part in SLICES:
                value = values.get(name, {}).get(key, {}).get(part)
                current = None if value is None else round(value, 4)
                before = old.get(part)
                if before is not None and (current is None or current <= before):
                    entry[part] = before
                    continue
                entry[part] = current
                if current != before:
                    notes.append(f"{name} {label} {part}: {before} -> {current}")
            new_figures.setdefault(name, {})[key] = entry
    for name, figures in old_figures.items():  # figures no longer measured keep their floors
        for key, entry in figures.items():
            new_figures.setdefault(name, {}).setdefault(key, entry)
    pinned = dict(floors.get("dev_data_sha256", {}))
    pinned.update({name: digests[name] for name in new_figures if name in digests})
    return {"rules": RULES, "tolerance": TOLERANCE, "dev_data_sha256": pinned,
            "figures": new_figures}, notes
