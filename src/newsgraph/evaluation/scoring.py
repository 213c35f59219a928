"""Per-document counts from the shared scorers, and the scorers' figures from any sum of them.

The scorers in ../shared/eval stay the authority: they also run on the held-out data. Each is
imported (they are standard-library scripts) and its own `score` is called on one document at a
time; what is kept per document are the counts its figures are made of (true positives,
predictions, gold items, right attributes). A figure on any set of documents (a half, a
bootstrap resample, the whole set) is then the scorer's formula applied to the summed counts:
`Scorer.result` for events, `prf`/`acc` for quotes, `_prf`/`_attribute` for times and places.
On the whole set it equals the scorer's own `--json` figure (tests/test_eval_gate.py checks it).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from newsgraph.evaluation.bootstrap import Counts, Figures

Tallies = dict[str, dict[str, int]]
"""Counts per document id (page file name for dev/html), in the gold's order."""


@dataclass(frozen=True)
class Figure:
    """A headline figure of one dev set."""

    key: str
    """Its name in the floors file and in `newsgraph eval --json`."""
    label: str
    target: str
    """The open issue's target: printed next to the figure, never enforced."""
    scorer_path: tuple[str, ...]
    """Where the scorer's `--json` holds the same figure on the whole set."""
    gated: bool = True
    """Pinned in tests/eval_floors.json and checked by the gate."""
    percent: bool = False
    """The scorer reports it in percent (score_quotes.py); newsgraph shows fractions."""


@cache
def load_scorer(path: Path) -> ModuleType:
    """A scorer script of ../shared/eval imported as a module (once per path)."""
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    name = f"_newsgraph_{path.stem}_{digest}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def first_by_id(records: list[dict]) -> dict[str, dict]:
    """Records by id, the first of a repeated id kept (as every scorer does)."""
    out: dict[str, dict] = {}
    for record in records:
        out.setdefault(str(record.get("id")), record)
    return out


class DevScoring:
    """One dev set scored with one scorer: per-document counts, figures, and the details."""

    scorer_name: str
    figures_shown: tuple[Figure, ...]

    def __init__(self, shared: Path, folder: Path) -> None:
        self.shared, self.folder = shared, folder
        self.scorer_path = shared / "eval" / f"score_{self.scorer_name}.py"
        self.scorer = load_scorer(self.scorer_path)
        self.gold_path = folder / "gold.jsonl"
        self.articles_path = folder / "articles.jsonl"

    def scorer_command(self, records_path: Path) -> list[str]:
        """The scorer's own command line on the whole set, for its `--json` figures."""
        return [sys.executable, str(self.scorer_path), "--gold", str(self.gold_path),
                "--pred", str(records_path), "--articles", str(self.articles_path), "--json"]

    def tallies(self, records: list[dict], records_path: Path) -> Tallies:
        raise NotImplementedError

    def figures(self, counts: Counts) -> Figures:
        raise NotImplementedError

    def detail(self, counts: Counts) -> dict[str, Any]:
        """Finer figures (per event type, per quote kind) where the set has them."""
        return {}


class EventScoring(DevScoring):
    """score_events.py: PLOVER types as sets per document, actor and target on matched events."""

    scorer_name = "events"
    figures_shown = (
        Figure("type_macro_f1", "type macro-F1", ">= 0.85 per half",
               ("types_per_document", "macro_f1")),
        Figure("type_micro_f1", "type micro-F1", ">= 0.80",
               ("types_per_document", "micro", "f1")),
        Figure("actor_right", "actor right (matched)", ">= 0.90",
               ("matched_events", "actor", "rate")),
        Figure("target_right", "target right (matched)", ">= 0.90",
               ("matched_events", "target", "rate")),
    )

    def tallies(self, records: list[dict], records_path: Path) -> Tallies:
        module = self.scorer
        gold = module.by_id(module.read_jsonl(self.gold_path), "gold")
        articles = module.by_id(module.read_jsonl(self.articles_path), "articles")
        preds = first_by_id(records)
        out: Tallies = {}
        for doc_id, gold_doc in gold.items():
            scorer = module.Scorer()
            article = articles.get(doc_id)
            scorer.add(gold_doc, preds.get(doc_id), article.get("text") if article else None)
            counts = {f"type:{name}:{key}": scorer.set_counts[name][key]
                      for name in module.PLOVER_TYPES for key in ("tp", "fp", "fn")}
            counts.update({f"args:{key}": value for key, value in scorer.args.items()})
            out[doc_id] = counts
        return out

    def result(self, counts: Counts) -> dict:
        """The scorer's own `Scorer.result` over these counts."""
        module = self.scorer
        scorer = module.Scorer()
        for name in module.PLOVER_TYPES:
            scorer.set_counts[name] = Counter({key: counts.get(f"type:{name}:{key}", 0)
                                               for key in ("tp", "fp", "fn")})
        scorer.args = Counter({key[5:]: value for key, value in counts.items()
                               if key.startswith("args:")})
        return scorer.result()

    def figures(self, counts: Counts) -> Figures:
        result = self.result(counts)
        types, matched = result["types_per_document"], result["matched_events"]
        return {"type_macro_f1": types["macro_f1"], "type_micro_f1": types["micro"]["f1"],
                "actor_right": matched["actor"]["rate"], "target_right": matched["target"]["rate"]}

    def detail(self, counts: Counts) -> dict[str, Any]:
        per_type = self.result(counts)["types_per_document"]["per_type"]
        return {"per_type": {name: {key: row[key] for key in
                                    ("support", "predicted", "precision", "recall", "f1")}
                             for name, row in per_type.items()
                             if row["support"] or row["predicted"]}}


class QuoteScoring(DevScoring):
    """score_quotes.py: content exact and overlap>=50% F1, speaker head on overlap matches."""

    scorer_name = "quotes"
    figures_shown = (
        Figure("content_exact_f1", "content exact F1", ">= 0.75 per half",
               ("content_exact", "f1"), percent=True),
        Figure("content_overlap_f1", "content overlap F1", ">= 0.88 per half",
               ("content_overlap50", "f1"), percent=True),
        Figure("speaker_accuracy", "speaker accuracy (head)", ">= 0.90",
               ("matched", "speaker_head", "acc"), percent=True),
    )

    def tallies(self, records: list[dict], records_path: Path) -> Tallies:
        module = self.scorer
        gold = module.load_gold(self.gold_path, self.articles_path)
        preds = first_by_id(records)
        out: Tallies = {}
        for doc_id, gold_doc in gold.items():
            one = {doc_id: preds[doc_id]} if doc_id in preds else {}
            result = module.score({doc_id: gold_doc}, one)
            exact, speaker = result["content_exact"], result["matched"]["speaker_head"]
            counts = {"pred": exact["pred"], "gold": exact["gold"],
                      "exact_pred": exact["matched_pred"], "exact_gold": exact["matched_gold"],
                      "overlap": result["content_overlap50"]["matched_pred"],
                      "speaker_right": speaker["correct"], "speaker_n": speaker["n"]}
            for kind, by_kind in result["by_kind"].items():
                for measure in ("exact", "overlap50"):
                    tally = by_kind[measure]
                    counts[f"kind:{kind}:{measure}:matched_pred"] = tally["matched_pred"]
                    counts[f"kind:{kind}:{measure}:matched_gold"] = tally["matched_gold"]
                counts[f"kind:{kind}:pred"] = by_kind["exact"]["pred"]
                counts[f"kind:{kind}:gold"] = by_kind["exact"]["gold"]
            out[doc_id] = counts
        return out

    def figures(self, counts: Counts) -> Figures:
        prf, acc = self.scorer.prf, self.scorer.acc
        speaker = acc(counts.get("speaker_right", 0), counts.get("speaker_n", 0))["acc"]
        return {
            "content_exact_f1": prf(counts.get("exact_pred", 0), counts.get("pred", 0),
                                    counts.get("exact_gold", 0), counts.get("gold", 0))["f1"] / 100,
            "content_overlap_f1": prf(counts.get("overlap", 0), counts.get("pred", 0),
                                      counts.get("overlap", 0), counts.get("gold", 0))["f1"] / 100,
            "speaker_accuracy": None if speaker is None else speaker / 100,
        }

    def detail(self, counts: Counts) -> dict[str, Any]:
        """Per kind (direct, indirect, mixed): recall by the gold kind, precision by the pred
        kind, as score_quotes.py's `by_kind`."""
        by_kind = {}
        for kind in self.scorer.KINDS:
            pred, gold = counts.get(f"kind:{kind}:pred", 0), counts.get(f"kind:{kind}:gold", 0)
            row: dict[str, Any] = {"gold": gold, "pred": pred}
            for measure in ("exact", "overlap50"):
                figures = self.scorer.prf(counts.get(f"kind:{kind}:{measure}:matched_pred", 0),
                                          pred,
                                          counts.get(f"kind:{kind}:{measure}:matched_gold", 0),
                                          gold)
                row[measure] = {"precision": figures["p"] / 100, "recall": figures["r"] / 100,
                                "f1": figures["f1"] / 100}
            by_kind[kind] = row
        return {"by_kind": by_kind}


class TimeScoring(DevScoring):
    """score_times.py: TempEval-3 value F1 (relaxed F1 times value accuracy), span F1s."""

    scorer_name = "times"
    figures_shown = (
        Figure("value_f1", "value F1", ">= 0.85 per half", ("value", "f1")),
        Figure("strict_f1", "strict span F1", ">= 0.82", ("strict", "f1")),
        Figure("relaxed_f1", "relaxed span F1", ">= 0.90", ("relaxed", "f1")),
    )

    def tallies(self, records: list[dict], records_path: Path) -> Tallies:
        module = self.scorer
        gold, _ = module.load_gold(self.gold_path, self.articles_path)
        preds = first_by_id(records)
        out: Tallies = {}
        for doc_id, gold_doc in gold.items():
            one = [preds[doc_id]] if doc_id in preds else []
            result = module.score({doc_id: gold_doc}, one)
            out[doc_id] = {"pred": result["strict"]["pred"], "gold": result["strict"]["gold"],
                           "strict": result["strict"]["tp"], "relaxed": result["relaxed"]["tp"],
                           "value_right": result["value"]["right"]}
        return out

    def figures(self, counts: Counts) -> Figures:
        module = self.scorer
        pred, gold = counts.get("pred", 0), counts.get("gold", 0)
        relaxed = module._prf(counts.get("relaxed", 0), pred, gold)
        return {"value_f1": module._attribute(counts.get("value_right", 0), relaxed)["f1"],
                "strict_f1": module._prf(counts.get("strict", 0), pred, gold)["f1"],
                "relaxed_f1": relaxed["f1"]}


class PlaceScoring(DevScoring):
    """score_places.py: recognition (exact and overlap F1) and acc@161km, for dev/places and
    dev/places-trnews alike (one scorer, two sets)."""

    scorer_name = "places"
    figures_shown = (
        Figure("recognition_exact_f1", "recognition exact F1", "",
               ("recognition", "exact", "f1"), gated=False),
        Figure("recognition_overlap_f1", "recognition overlap F1", ">= 0.85",
               ("recognition", "overlap", "f1")),
        Figure("acc161", "acc@161km (recognised)", ">= 0.90 per half",
               ("resolution", "acc161")),
        Figure("acc161_end_to_end", "acc@161km (end to end)", "",
               ("end_to_end", "acc161"), gated=False),
    )

    def tallies(self, records: list[dict], records_path: Path) -> Tallies:
        module = self.scorer
        gold, _ = module.load_gold(self.gold_path, self.articles_path)
        preds = first_by_id(records)
        out: Tallies = {}
        for doc_id, gold_doc in gold.items():
            one = [preds[doc_id]] if doc_id in preds else []
            result = module.score({doc_id: gold_doc}, one)
            recognition, resolution = result["recognition"], result["resolution"]
            recognised = resolution["recognised"]
            # acc161 is hits / recognised on one document: the hits are a small whole number
            hits = round(resolution["acc161"] * recognised) if recognised else 0
            out[doc_id] = {"pred": recognition["overlap"]["pred"],
                           "gold": recognition["overlap"]["gold"],
                           "exact": recognition["exact"]["tp"],
                           "overlap": recognition["overlap"]["tp"],
                           "recognised": recognised, "hits161": hits,
                           "gold_with_coords": resolution["gold_with_coords"]}
        return out

    def figures(self, counts: Counts) -> Figures:
        prf = self.scorer._prf
        pred, gold = counts.get("pred", 0), counts.get("gold", 0)
        recognised, hits = counts.get("recognised", 0), counts.get("hits161", 0)
        with_coords = counts.get("gold_with_coords", 0)
        return {"recognition_exact_f1": prf(counts.get("exact", 0), pred, gold)["f1"],
                "recognition_overlap_f1": prf(counts.get("overlap", 0), pred, gold)["f1"],
                "acc161": hits / recognised if recognised else None,
                "acc161_end_to_end": hits / with_coords if with_coords else None}


class HtmlScoring(DevScoring):
    """score_html.py on dev/html: snippet precision/recall/F1 over the pages, and the share of
    the pages listed in nonpolitical.tsv that get no asserted event."""

    scorer_name = "html"
    figures_shown = (
        Figure("precision", "snippet precision", ">= 0.94 per half", ("precision",)),
        Figure("recall", "snippet recall", ">= 0.96 per half", ("recall",)),
        Figure("f1", "snippet F1", "", ("f1",)),
        Figure("nonpolitical_clean", "non-political pages clean", ">= 0.90",
               ("nonpolitical", "share_clean")),
    )

    def __init__(self, shared: Path, folder: Path) -> None:
        super().__init__(shared, folder)
        self.gold_path = folder / "gold.json"
        self.nonpolitical_path = folder / "nonpolitical.tsv"

    def scorer_command(self, records_path: Path) -> list[str]:
        return [sys.executable, str(self.scorer_path), "--gold", str(self.gold_path),
                "--pred", str(records_path), "--nonpolitical", str(self.nonpolitical_path),
                "--json"]

    def nonpolitical_pages(self) -> list[str]:
        """The pages of nonpolitical.tsv, read as score_html.py reads them."""
        with self.nonpolitical_path.open(encoding="utf-8") as handle:
            return [line.split("\t")[0] for line in handle
                    if line.strip() and not line.startswith("#")]

    def tallies(self, records: list[dict], records_path: Path) -> Tallies:
        module = self.scorer
        gold = json.loads(self.gold_path.read_text(encoding="utf-8"))
        texts = module.load_records(str(records_path))
        events = module.load_events(str(records_path))
        quiet = set(self.nonpolitical_pages())
        out: Tallies = {}
        for name, page in gold.items():
            result = module.score({name: page}, texts)
            counts = {"tp": result["tp"], "fp": result["fp"], "fn": result["fn"]}
            if name in quiet:
                counts["nonpolitical"] = 1
                counts["nonpolitical_clean"] = module.nonpolitical([name], events)["clean"]
            out[name] = counts
        return out

    def figures(self, counts: Counts) -> Figures:
        tp, fp, fn = counts.get("tp", 0), counts.get("fp", 0), counts.get("fn", 0)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        pages, clean = counts.get("nonpolitical", 0), counts.get("nonpolitical_clean", 0)
        return {"precision": precision, "recall": recall, "f1": f1,
                "nonpolitical_clean": clean / pages if pages else None}


SCORINGS: dict[str, type[DevScoring]] = {
    "events": EventScoring, "quotes": QuoteScoring, "times": TimeScoring,
    "places": PlaceScoring, "places-trnews": PlaceScoring, "html": HtmlScoring,
}
"""The dev sets that have a scorer (dev/<name>), and how each is scored."""


def scorer_figure(scores: Mapping[str, Any] | None, figure: Figure) -> float | None:
    """The figure as the scorer's `--json` gives it, as a fraction."""
    value: Any = scores
    for key in figure.scorer_path:
        value = value.get(key) if isinstance(value, Mapping) else None
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    return value / 100 if figure.percent else float(value)
