"""Two fixed halves of every dev set: half A to develop against, half B held back.

From the issue: "a rule tuned on the dev set until the figure goes up says little about the next
article; split each dev set into two fixed halves by a hash of the article id, develop on one,
and report both". A rule that lifts half A and not half B is fitted to A's articles. The split
depends on nothing but the id (the page file name for dev/html), so it never moves when articles
are added, reordered or re-extracted, and every tool that reads the dev data can reproduce it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

HALVES = ("A", "B")
"""A: develop on it (read its errors, tune rules). B: held back (look at its figure only)."""


def half_of(doc_id: str) -> str:
    """"A" when the first byte of sha256(doc_id as UTF-8) is even, else "B"."""
    return "A" if hashlib.sha256(str(doc_id).encode("utf-8")).digest()[0] % 2 == 0 else "B"


def split_halves(doc_ids: Iterable[str]) -> dict[str, list[str]]:
    """The ids of each half, in their given order."""
    halves: dict[str, list[str]] = {half: [] for half in HALVES}
    for doc_id in doc_ids:
        halves[half_of(doc_id)].append(doc_id)
    return halves
