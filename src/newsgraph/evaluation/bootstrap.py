"""A figure with its 90% bootstrap interval, from per-document counts.

A dev half holds 40 to 90 documents: a figure moved by 0.02 may be one article. The interval
says how far a figure wobbles when the documents are drawn again (with replacement), so a change
inside it is not evidence. The scorers are run once per document (`scoring.py`); a resample only
adds up those counts and applies the scorer's own formula, so 1,000 resamples cost seconds.
The generator is seeded from the set and the half, so the same records print the same interval.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass

RESAMPLES = 1000
LEVEL = 0.90
SEED = "newsgraph-eval"

Counts = Mapping[str, int]
Figures = dict[str, float | None]


@dataclass(frozen=True)
class Estimate:
    """One figure on one set of documents: its value and its bootstrap interval."""

    value: float | None
    low: float | None
    high: float | None
    documents: int

    def as_dict(self) -> dict:
        return asdict(self)


def summed(tallies: Sequence[Counts]) -> dict[str, int]:
    """The counts of several documents added up."""
    total: dict[str, int] = {}
    for tally in tallies:
        for key, count in tally.items():
            total[key] = total.get(key, 0) + count
    return total


def percentile(ordered: Sequence[float], share: float) -> float:
    """The `share` quantile of sorted values, interpolated linearly (numpy's default)."""
    position = share * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def bootstrap(tallies: Sequence[Counts], figures: Callable[[Counts], Figures], label: str,
              resamples: int = RESAMPLES, level: float = LEVEL) -> dict[str, Estimate]:
    """Every figure of `figures` on the documents' summed counts, with its `level` interval
    over `resamples` resamples of the documents. `label` (set and half) seeds the generator."""
    point = figures(summed(tallies))
    if not tallies:
        return {name: Estimate(value, None, None, 0) for name, value in point.items()}
    keys = sorted({key for tally in tallies for key in tally})
    vectors = [tuple(tally.get(key, 0) for key in keys) for tally in tallies]
    rng = random.Random(f"{SEED}:{label}")
    drawn: dict[str, list[float]] = {name: [] for name in point}
    for _ in range(resamples):
        sample = rng.choices(vectors, k=len(vectors))
        counts = dict(zip(keys, map(sum, zip(*sample, strict=True)), strict=True))
        for name, value in figures(counts).items():
            if value is not None and name in drawn:
                drawn[name].append(value)
    tail = (1 - level) / 2
    estimates = {}
    for name, value in point.items():
        values = sorted(drawn[name])
        if len(values) < resamples / 2:  # the figure is undefined on most resamples
            estimates[name] = Estimate(value, None, None, len(tallies))
        else:
            estimates[name] = Estimate(value, percentile(values, tail),
                                       percentile(values, 1 - tail), len(tallies))
    return estimates
