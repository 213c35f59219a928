"""The Ray engine in local mode: the same Parquet rows as the local engine, on the samples and
the dev/quotes set. Ray is started here and shut down even when a test fails."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsgraph.config import DEFAULT_SETTINGS
from newsgraph.scale.runner import RunSummary, run
from tests.scale.conftest import Run, tables


@pytest.fixture(scope="module")
def ray_local() -> Iterator[object]:
    """Ray on this machine with two CPUs (the machine is shared: keep it small)."""
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def ray_run(ray_local, main_run: Run, tmp_path_factory) -> tuple[str, RunSummary]:
    out = str(tmp_path_factory.mktemp("ray-run") / "tables")
    return out, run(main_run.paths, out, settings=DEFAULT_SETTINGS, engine="ray", workers=2)


def test_ray_rows_equal_the_local_engine_rows(ray_run, main_run):
    out, summary = ray_run
    assert (summary.read, summary.extracted, summary.failed) == (92, 92, 0)
    assert tables(out) == tables(main_run.out)


def test_ray_run_with_nothing_new_writes_nothing(ray_local, ray_run, main_run):
    out, _ = ray_run
    summary = run(main_run.paths, out, settings=DEFAULT_SETTINGS, engine="ray")
    assert (summary.seen, summary.parts) == (92, 0)
    assert ray_local.is_initialized()  # a Ray someone else started is left running
