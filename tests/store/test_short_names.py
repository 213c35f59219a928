"""One person, one entity in a store: "Trump" in one article and "Donald Trump" in another are
the same person when the store holds no other Trump, whatever order they came in (issue #14)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store import Store

ARTICLES = {
    "short.txt": "The tariffs will stay, Mr. Trump told reporters at the White House on "
                 "Monday.\n",
    "full.txt": "Donald Trump met the Japanese prime minister in Tokyo on Tuesday to discuss "
                "trade.\n",
    "other.txt": "Melania Trump visited a hospital in Ohio on Wednesday with local "
                 "officials.\n",
}


def ingest(db: Path, folder: Path, *names: str) -> None:
    for name in names:
        path = folder / name
        path.write_text(ARTICLES[name], encoding="utf-8")
        result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db), "-q"])
        assert result.exit_code == 0, result.output


def people(db: Path) -> dict[str, int]:
    with Store(db, readonly=True) as store:
        return {row["id"]: row["mentions"] for row in store.entities(entity_type="PERSON")}


def test_a_surname_joins_the_only_full_name_in_either_order(tmp_path: Path):
    ingest(tmp_path / "ab.db", tmp_path, "short.txt", "full.txt")
    ingest(tmp_path / "ba.db", tmp_path, "full.txt", "short.txt")
    assert people(tmp_path / "ab.db") == people(tmp_path / "ba.db") == {
        "person:donald-trump": 2}


def test_a_second_full_name_undoes_the_join_and_leaves_candidates(tmp_path: Path):
    db = tmp_path / "s.db"
    ingest(db, tmp_path, "short.txt", "full.txt", "other.txt")
    assert people(db) == {"person:donald-trump": 1, "person:trump": 1,
                          "person:melania-trump": 1}
    with Store(db, readonly=True) as store:
        candidates = store.entity_candidates("person:trump")
    assert [(c["id"], c["score"]) for c in candidates] == [
        ("person:donald-trump", 0.9), ("person:melania-trump", 0.9)]
