"""Copy pip's pin (version and hashes) from requirements.lock into requirements-pip.lock, the
file the Makefile installs first (`make lock` runs this after re-pinning)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEADER = """\
# The pip that installs requirements.lock, pinned by hash: a venv's bundled pip may be too old
# (pip 23.2.1 refuses a dependency's extra under --require-hashes). Written by tools/pin_pip.py
# from requirements.lock (`make lock`); tests/test_install.py checks that the two agree.
"""


def main() -> int:
    lock = (REPO / "requirements.lock").read_text("utf-8")
    block = re.search(r"^pip==\S+ \\\n(?:\s+--hash=sha256:\w+(?: \\)?\n)+", lock, re.MULTILINE)
    if block is None:
        sys.stderr.write("requirements.lock pins no pip: add pip to requirements.in\n")
        return 1
    (REPO / "requirements-pip.lock").write_text(HEADER + block.group(0), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
