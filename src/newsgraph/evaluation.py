"""`newsgraph eval`: extract the samples and every dev set, run the shared scorers, one table.

The scorers live in ../shared/eval (standard library scripts that also run on held-out data);
this module only produces records, runs them and picks the headline figures. Body recall on the
dev articles (clean news text) is measured here: the share of their sentences that survive
cleaning, so a cleaner that eats real sentences shows up.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsgraph.pipeline import Failure, Pipeline
from newsgraph.record import error_record
from newsgraph.sources import read_sources

Row = dict[str, str]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"')\]’”])\s+")
_FOLDS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ",
                        "\u200b": None, "\ufeff": None, "\u00ad": None})

# (task, scorer figure path, label, target) for the dev sets; targets come from the issues.
DEV_FIGURES: dict[str, list[tuple[tuple[str, ...], str, str]]] = {
    "quotes": [
        (("content_exact", "f1"), "content exact F1", ">= 0.70"),
        (("content_overlap50", "f1"), "content overlap F1", ">= 0.88"),
        (("matched", "speaker_head", "acc"), "speaker accuracy (head)", ">= 0.90"),
    ],
    "times": [
        (("value", "f1"), "value F1", ">= 0.80"),
        (("strict", "f1"), "strict span F1", ">= 0.82"),
        (("relaxed", "f1"), "relaxed span F1", ">= 0.90"),
    ],
    "places": [
        (("recognition", "exact", "f1"), "recognition exact F1", ""),
        (("recognition", "overlap", "f1"), "recognition overlap F1", ">= 0.85"),
        (("resolution", "acc161"), "acc@161km (recognised)", ">= 0.90"),
        (("end_to_end", "acc161"), "acc@161km (end to end)", ""),
    ],
    "events": [
        (("types_per_document", "macro_f1"), "type macro-F1", ">= 0.75"),
        (("types_per_document", "micro", "f1"), "type micro-F1", ">= 0.80"),
        (("matched_events", "actor", "rate"), "actor right (matched)", ">= 0.90"),
        (("matched_events", "target", "rate"), "target right (matched)", ">= 0.90"),
    ],
}

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


def fold(text: str) -> str:
    return " ".join(text.translate(_FOLDS).split())


def body_recall(articles: Iterable[dict[str, Any]], records: dict[str, dict]) -> tuple[int, int]:
    """(kept, total) sentences of the input articles found in their records' clean text."""
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


def extract_to(pipeline: Pipeline, inputs: list[str], output: Path) -> list[dict]:
    """Write the records of `inputs` to `output` (JSON Lines) and return them."""
    records = []
    with output.open("w", encoding="utf-8") as stream:
        for result in pipeline.run(read_sources(inputs)):
            if isinstance(result, Failure):
                line = error_record(result.source, result.error, result.id)
            else:
                line = result.record
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


def dig(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def figure(value: Any, percent: bool = False) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1%}" if percent else f"{value:.3f}"
    return str(value)


def run_evaluation(shared: Path, workdir: Path | None = None, progress=None) -> list[Row]:
    """Extract, validate and score the samples and every dev set; rows for one table."""
    workdir = workdir or Path(tempfile.mkdtemp(prefix="newsgraph-eval-"))
    workdir.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    rows: list[Row] = []

    def say(message: str) -> None:
        if progress is not None:
            progress.print(message, highlight=False)

    samples = shared / "samples"
    if samples.is_dir():
        say(f"extracting {samples}")
        path = workdir / "samples.jsonl"
        extract_to(pipeline, [str(samples)], path)
        rows.append({"task": "samples", "measure": "contract (validate.py)",
                     "value": validation_problems(shared, path), "target": "ok"})
        scores = run_json([sys.executable, str(shared / "eval" / "score_samples.py"),
                           "--pred", str(path), "--json"])
        total = (scores or {}).get("total", {})
        for key, label, target in SAMPLE_FIGURES:
            tally = total.get(key) or {}
            rows.append({"task": "samples", "measure": label, "target": target,
                         "value": f"{figure(tally.get('share'), True)} "
                                  f"({tally.get('right', 0)}/{tally.get('total', 0)})"})
        for key, label, target in SAMPLE_MATCHINGS:
            matching = total.get(key) or {}
            value = (f"{figure(matching.get('f1'))} (P {figure(matching.get('precision'))}, "
                     f"R {figure(matching.get('recall'))})")
            rows.append({"task": "samples", "measure": label, "value": value, "target": target})
        leaks = (total.get("boilerplate_leaks") or {}).get("count")
        rows.append({"task": "samples", "measure": "boilerplate leaks",
                     "value": figure(leaks), "target": "0"})

    for task_dir in sorted(path for path in (shared / "dev").glob("*") if path.is_dir()):
        articles_path, gold = task_dir / "articles.jsonl", task_dir / "gold.jsonl"
        if not articles_path.exists():
            continue
        task = task_dir.name
        say(f"extracting {articles_path}")
        path = workdir / f"{task}.jsonl"
        records = extract_to(pipeline, [str(articles_path)], path)
        by_id = {str(record["id"]): record for record in records}
        articles = [json.loads(line) for line in articles_path.read_text("utf-8").splitlines()
                    if line.strip()]
        kept, total = body_recall(articles, by_id)
        rows.append({"task": task, "measure": "contract (validate.py)",
                     "value": validation_problems(shared, path), "target": "ok"})
        rows.append({"task": task, "measure": "body recall", "target": ">= 99.5%",
                     "value": f"{figure(kept / total if total else None, True)} ({kept}/{total})"})
        scorer = shared / "eval" / f"score_{task}.py"
        if not (scorer.exists() and gold.exists()):
            continue
        scores = run_json([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(path),
                           "--articles", str(articles_path), "--json"])
        for key_path, label, target in DEV_FIGURES.get(task, []):
            value = dig(scores, key_path)
            if isinstance(value, float) and value > 1.0:
                value /= 100  # score_quotes.py reports percentages, the others fractions
            rows.append({"task": task, "measure": label, "target": target,
                         "value": figure(value)})
    say(f"records kept in {workdir}")
    return rows
