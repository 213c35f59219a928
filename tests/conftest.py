"""Shared fixtures: the real sample articles and the shared folder beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def sample_paths(shared: Path) -> list[Path]:
    return sorted((shared / "samples").glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline as the default stages use it (loaded once per test session)."""
    from newsgraph.annotate import load_pipeline
    from newsgraph.stages import default_stages, required_components

    return load_pipeline(required_components(default_stages()))
