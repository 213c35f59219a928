"""`newsgraph eval`: extract the samples and every dev set, score them with the shared scorers,
one table.

The scorers live in ../shared/eval (standard-library scripts that also run on held-out data) and
stay the authority; this package produces records through the public API, scores them per
document with the scorers' own code, and reports every headline figure on the whole set and on
two fixed halves (A to develop on, B held back) with a 90% bootstrap interval. The figures are
held by floors (tests/eval_floors.json) that `make test` enforces.

    run.py       extraction, validation, scoring, the table's rows
    halves.py    the fixed halves (sha256 of the id)
    scoring.py   per-document counts from the scorers, their figures from any sum of counts
    bootstrap.py intervals by resampling documents
    floors.py    the pinned floors, the gate, --update-floors
"""

from newsgraph.evaluation.bootstrap import Estimate, bootstrap
from newsgraph.evaluation.floors import (
    FLOORS_PATH,
    TOLERANCE,
    data_changes,
    gate_failures,
    read_floors,
    updated_floors,
    write_floors,
)
from newsgraph.evaluation.halves import HALVES, half_of, split_halves
from newsgraph.evaluation.run import (
    Evaluation,
    Row,
    SetResult,
    body_recall,
    figure,
    fold,
    run_evaluation,
    with_interval,
)

__all__ = [
    "FLOORS_PATH", "HALVES", "TOLERANCE", "Estimate", "Evaluation", "Row", "SetResult",
    "body_recall", "bootstrap", "data_changes", "figure", "fold", "gate_failures", "half_of",
    "read_floors", "run_evaluation", "split_halves", "updated_floors", "with_interval",
    "write_floors",
]
