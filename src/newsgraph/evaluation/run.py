"""Extract the samples and every dev set once, score them, and lay the figures out in rows.

Records come only from the public API (`newsgraph.api.extract_many`), so the evaluation measures
what users get. Each dev set is scored per document (`scoring.py`), split into its two halves
(`halves.py`), every figure given with its bootstrap interval (`bootstrap.py`), and the scorer
is also run once on the whole set as itself: its `--json` is kept, and a whole-set figure that
differs from it is reported as a mismatch (it must never happen).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.api import extract_many
from newsgraph.evaluation.bootstrap import Estimate, bootstrap, summed
from newsgraph.evaluation.floors import Values, dev_digest
from newsgraph.evaluation.halves import HALVES, split_halves
from newsgraph.evaluation.scoring import SCORINGS, DevScoring, Figure, Tallies, scorer_figure
from newsgraph.pipeline import Failure
from newsgraph.record import error_record

Row = dict[str, str]
SLICES = ("all", *HALVES)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"')\]’”])\s+")
_FOLDS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ",
                        "\u200b": None, "\ufeff": None, "\u00ad": None})

SAMPLE_FIGURES = [
    ("boilerplate_removed", "boilerplate removed", "100%"),
    ("body_kept", "body kept", "100%"),
    ("title", "titles exact", "100%"),
    ("outlet", "outlet", "100%"),
    ("published_value", "published value", "100%"),
    ("entities_found", "entities found", "100%"),
    ("entity_types", "entity types", "100%"),
    ("entity_aliases", "entity aliases in one entity", "100%"),
    ("entity_ids_across_documents", "same id across documents", "100%"),
    ("mislabel_traps", "mislabel traps", "100%"),
    ("geonames", "geonames", "100%"),
    ("quote_speaker", "quote speaker (matched)", "100%"),
    ("times", "time values", "100%"),
]
# Matchings (precision/recall) in score_samples' total: (key, label, target).
SAMPLE_MATCHINGS = [("quotes", "quotes F1", ">= 0.90"), ("events", "events F1", ">= 0.80")]

BODY_RECALL = Figure("body_recall", "body recall", ">= 99.5%", (), gated=False)


def fold(text: str) -> str:
    return " ".join(text.translate(_FOLDS).split())


def body_recall(articles: Iterable[dict[str, Any]], records: dict[str, dict]) -> tuple[int, int]:
    """(kept, total) sentences of the input articles found in their records' clean text: a
    cleaner that eats real sentences shows up here."""
    kept = total = 0
    for article in articles:
        record = records.get(str(article.get("id")))
        clean = fold(record.get("text", "")) if record else ""
        for paragraph in re.split(r"\n\s*\n", article.get("text") or ""):
            for sentence in _SENTENCE_END.split(fold(paragraph)):
                if sentence:
                    total += 1
                    kept += sentence in clean
    return kept, total


def body_recall_figures(counts) -> dict[str, float | None]:
    total = counts.get("total", 0)
    return {"body_recall": counts.get("kept", 0) / total if total else None}


def figure(value: Any, percent: bool = False) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1%}" if percent else f"{value:.3f}"
    return str(value)


def with_interval(estimate: Estimate | None, percent: bool = False) -> str:
    """'0.914 [0.861–0.945]': the figure and its 90% bootstrap interval."""
    if estimate is None or estimate.value is None:
        return "-"
    if estimate.low is None or estimate.high is None:
        return figure(estimate.value, percent)
    if percent:
        return f"{estimate.value:.1%} [{100 * estimate.low:.1f}–{100 * estimate.high:.1f}]"
    return f"{estimate.value:.3f} [{estimate.low:.3f}–{estimate.high:.3f}]"


def extract_to(inputs: list[str], output: Path) -> list[dict]:
    """Write the records of `inputs` to `output` (JSON Lines) and return them."""
    records = []
    with output.open("w", encoding="utf-8") as stream:
        for result in extract_many(inputs):
            if isinstance(result, Failure):
                line = dict(error_record(result.source, result.error, result.id))
            else:
                line = dict(result.record)
            records.append(line)
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return records


def run_json(command: list[str]) -> dict[str, Any] | None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}\n")
        return None


def validation_problems(shared: Path, path: Path) -> str:
    done = subprocess.run([sys.executable, str(shared / "eval" / "validate.py"), str(path)],
                          capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    return "ok" if done.returncode == 0 else (lines[-1] if lines else "failed")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@dataclass
class SetResult:
    """One dev set: its halves, every figure per slice with its interval, and the details."""

    name: str
    records_path: Path
    halves: dict[str, list[str]]
    figures_shown: tuple[Figure, ...] = ()
    estimates: dict[str, dict[str, Estimate]] = field(default_factory=dict)
    detail: dict[str, dict[str, Any]] = field(default_factory=dict)
    scores: dict[str, Any] | None = None
    validation: str = ""
    body: dict[str, Estimate] | None = None
    body_counts: tuple[int, int] | None = None

    def documents(self) -> dict[str, int]:
        return {"all": sum(len(ids) for ids in self.halves.values()),
                **{half: len(ids) for half, ids in self.halves.items()}}

    def values(self) -> dict[str, dict[str, float | None]]:
        return {key: {part: estimate.value for part, estimate in by_slice.items()}
                for key, by_slice in self.estimates.items()}

    def mismatches(self) -> list[str]:
        """Whole-set figures that differ from the scorer's own `--json` (never expected)."""
        if not self.figures_shown:
            return []
        if self.scores is None:
            return [f"{self.name}: the scorer gave no JSON"]
        out = []
        for shown in self.figures_shown:
            ours = self.estimates[shown.key]["all"].value
            theirs = scorer_figure(self.scores, shown)
            if (ours is None) != (theirs is None) or (
                    ours is not None and theirs is not None and abs(ours - theirs) > 1e-9):
                out.append(f"{self.name} {shown.label}: {ours} here, {theirs} by the scorer")
        return out


def score_set(scoring: DevScoring, result: SetResult, records: list[dict]) -> None:
    """Per-document counts once; figures, intervals and details per slice from them."""
    tallies: Tallies = scoring.tallies(records, result.records_path)
    result.halves = split_halves(tallies)
    slices = {"all": list(tallies), **result.halves}
    result.figures_shown = scoring.figures_shown
    for part, ids in slices.items():
        counts = [tallies[doc_id] for doc_id in ids]
        estimates = bootstrap(counts, scoring.figures, f"{result.name}:{part}")
        for shown in scoring.figures_shown:
            result.estimates.setdefault(shown.key, {})[part] = estimates[shown.key]
        detail = scoring.detail(summed(counts))
        if detail:
            result.detail[part] = detail
    result.scores = run_json(scoring.scorer_command(result.records_path))


def measure_body_recall(result: SetResult, articles: list[dict], records: list[dict]) -> None:
    by_id = {str(record.get("id")): record for record in records}
    tallies = {}
    for article in articles:
        kept, total = body_recall([article], by_id)
        tallies[str(article.get("id"))] = {"kept": kept, "total": total}
    halves = split_halves(tallies)
    if not result.halves:
        result.halves = halves
    result.body_counts = (sum(t["kept"] for t in tallies.values()),
                          sum(t["total"] for t in tallies.values()))
    result.body = {}
    for part, ids in {"all": list(tallies), **halves}.items():
        estimates = bootstrap([tallies[doc_id] for doc_id in ids], body_recall_figures,
                              f"{result.name}:body:{part}")
        result.body[part] = estimates["body_recall"]


@dataclass
class Evaluation:
    """What `newsgraph eval` measured: the samples' rows and every dev set's figures."""

    workdir: Path
    sample_rows: list[Row] = field(default_factory=list)
    sets: dict[str, SetResult] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)

    def values(self) -> Values:
        """set -> figure -> slice -> value, as the floors file holds them."""
        return {name: result.values() for name, result in self.sets.items()}

    def gated(self) -> dict[str, dict[str, tuple[str, str]]]:
        """set -> figure -> (label, target), for the figures the floors pin."""
        return {name: {shown.key: (shown.label, shown.target)
                       for shown in result.figures_shown if shown.gated}
                for name, result in self.sets.items() if result.figures_shown}

    def mismatches(self) -> list[str]:
        return [line for result in self.sets.values() for line in result.mismatches()]

    def rows(self) -> list[Row]:
        """The main table: samples, then per dev set its documents, contract, body recall and
        headline figures, each on the whole set and per half with its 90% interval."""
        rows = list(self.sample_rows)
        for name, result in self.sets.items():
            documents = result.documents()
            rows.append({"task": name, "measure": "documents", "target": "",
                         **{part: str(documents[part]) for part in SLICES}})
            rows.append({"task": name, "measure": "contract (validate.py)", "target": "ok",
                         "all": result.validation, "A": "", "B": ""})
            if result.body is not None and result.body_counts is not None:
                kept, total = result.body_counts
                row = {"task": name, "measure": BODY_RECALL.label, "target": BODY_RECALL.target,
                       **{part: with_interval(result.body.get(part), True) for part in SLICES}}
                row["all"] += f" ({kept}/{total})"
                rows.append(row)
            for shown in result.figures_shown:
                rows.append({"task": name, "measure": shown.label, "target": shown.target,
                             **{part: with_interval(result.estimates[shown.key].get(part))
                                for part in SLICES}})
        return rows

    def detail_rows(self) -> list[Row]:
        """Per PLOVER type (events) and per quote kind (quotes): P / R / F1 on each slice."""
        rows = []
        for name, result in self.sets.items():
            if "all" not in result.detail:
                continue
            whole = result.detail["all"]
            for type_name, row in whole.get("per_type", {}).items():
                rows.append({"task": name, "measure": f"{type_name} (gold {row['support']})",
                             **{part: _prf_text(result.detail.get(part, {}).get("per_type", {})
                                                .get(type_name)) for part in SLICES}})
            for kind, row in whole.get("by_kind", {}).items():
                for measure in ("exact", "overlap50"):
                    rows.append({"task": name,
                                 "measure": f"{kind} {measure} (gold {row['gold']})",
                                 **{part: _prf_text(result.detail.get(part, {}).get("by_kind", {})
                                                    .get(kind, {}).get(measure))
                                    for part in SLICES}})
        return rows

    def as_json(self) -> dict[str, Any]:
        return {
            "workdir": str(self.workdir),
            "rows": self.rows(),
            "sets": {name: {
                "documents": result.documents(),
                "contract": result.validation,
                "body_recall": None if result.body is None else
                {part: estimate.as_dict() for part, estimate in result.body.items()},
                "figures": {shown.key: {"label": shown.label, "target": shown.target,
                                        "gated": shown.gated,
                                        **{part: estimate.as_dict() for part, estimate
                                           in result.estimates[shown.key].items()}}
                            for shown in result.figures_shown},
                "detail": result.detail,
                "dev_data_sha256": self.digests.get(name),
            } for name, result in self.sets.items()},
            "scorer_mismatches": self.mismatches(),
        }


def _prf_text(row: dict[str, Any] | None) -> str:
    if not row:
        return "-"
    return f"P {row['precision']:.2f} R {row['recall']:.2f} F1 {row['f1']:.2f}"


def sample_rows(shared: Path, workdir: Path) -> list[Row]:
    """The samples against their hand-made gold (score_samples.py), as before halves existed:
    two articles have no halves."""
    path = workdir / "samples.jsonl"
    extract_to([str(shared / "samples")], path)
    rows = [{"task": "samples", "measure": "contract (validate.py)",
             "all": validation_problems(shared, path), "target": "ok"}]
    scores = run_json([sys.executable, str(shared / "eval" / "score_samples.py"),
                       "--pred", str(path), "--json"])
    total = (scores or {}).get("total", {})
    for key, label, target in SAMPLE_FIGURES:
        tally = total.get(key) or {}
        rows.append({"task": "samples", "measure": label, "target": target,
                     "all": f"{figure(tally.get('share'), True)} "
                            f"({tally.get('right', 0)}/{tally.get('total', 0)})"})
    for key, label, target in SAMPLE_MATCHINGS:
        matching = total.get(key) or {}
        value = (f"{figure(matching.get('f1'))} (P {figure(matching.get('precision'))}, "
                 f"R {figure(matching.get('recall'))})")
        rows.append({"task": "samples", "measure": label, "all": value, "target": target})
    leaks = (total.get("boilerplate_leaks") or {}).get("count")
    rows.append({"task": "samples", "measure": "boilerplate leaks", "all": figure(leaks),
                 "target": "0"})
    return [{"A": "", "B": "", **row} for row in rows]


def run_evaluation(shared: Path, workdir: Path | None = None, progress=None) -> Evaluation:
    """Extract, validate and score the samples and every dev set (each extracted once)."""
    workdir = workdir or Path(tempfile.mkdtemp(prefix="newsgraph-eval-"))
    workdir.mkdir(parents=True, exist_ok=True)
    evaluation = Evaluation(workdir)

    def say(message: str) -> None:
        if progress is not None:
            progress.print(message, highlight=False)

    if (shared / "samples").is_dir():
        say(f"extracting {shared / 'samples'}")
        evaluation.sample_rows = sample_rows(shared, workdir)

    for folder in sorted(path for path in (shared / "dev").glob("*") if path.is_dir()):
        name = folder.name
        articles_path = folder / "articles.jsonl"
        inputs = ([str(articles_path)] if articles_path.exists()
                  else [str(folder / "pages")] if name in SCORINGS else [])
        if not inputs:
            continue  # e.g. dev/html-other: stored, never read by the English model
        say(f"extracting {inputs[0]}")
        path = workdir / f"{name}.jsonl"
        records = extract_to(inputs, path)
        result = SetResult(name, path, {})
        result.validation = validation_problems(shared, path)
        if name in SCORINGS:
            score_set(SCORINGS[name](shared, folder), result, records)
            evaluation.digests[name] = dev_digest(shared, name)
        if articles_path.exists():
            measure_body_recall(result, read_jsonl(articles_path), records)
        documents = result.documents()
        say(f"dev/{name}: {documents['all']} documents, half A {documents['A']}, "
            f"half B {documents['B']}")
        evaluation.sets[name] = result
    say(f"records kept in {workdir}")
    return evaluation
