"""Shared fixtures: the real sample articles and the shared folder beside the repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"

# An article whose text is markup, for the pages and exports: it must stay text everywhere.
HOSTILE = {
    "id": "hostile-1",
    "title": "Rally <b>in</b> Kharkiv",
    "published": "2022-03-07",
    "outlet": "Test <i>Wire</i>",
    "url": "javascript:alert(document.domain)",
    "text": (
        "Rally <b>in</b> Kharkiv\n\n"
        "About 300 students rallied in Kharkiv on Monday, police said. One banner read "
        "<script>window.__pwned = 1;</script> and another "
        "<img src=x onerror=\"window.__pwned = 2\"> in large letters.\n\n"
        "\"We will not leave our city,\" said Olena Kovalenko, a student leader."
    ),
}


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder (samples, dev sets, scorers). Missing, the tests that need it fail:
    a skip would turn a run that measured nothing green."""
    if not SHARED.is_dir():
        pytest.fail(f"the shared folder is missing: put it (samples/, dev/, eval/, gold/, ...) at "
                    f"{SHARED}, beside the repository, as ../shared; the tests need it",
                    pytrace=False)
    return SHARED


@pytest.fixture(scope="session")
def sample_paths(shared: Path) -> list[Path]:
    return sorted((shared / "samples").glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    """spaCy's English pipeline without newsgraph's stages (loaded once per test session)."""
    from newsgraph.pipeline import load_nlp

    return load_nlp((), None)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, shared) -> Path:
    """A store of the two samples and HOSTILE, ingested by the CLI once per session."""
    from newsgraph.cli import main

    folder = tmp_path_factory.mktemp("store")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "newsgraph.db"
    result = CliRunner().invoke(main, ["ingest", str(shared / "samples"), str(hostile),
                                       "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db
