"""Refuse, in one line, a Python that cannot build newsgraph's .venv/ (run by the Makefile).

Kept to syntax every Python 3 reads, so that an old interpreter gets this message and not a
SyntaxError or a pip resolver failure half-way through the install.
"""
import sys

NEEDED = (3, 11)


def main(version_info=None):
    """0 when this Python can build the venv; else 1 after one line on stderr saying why."""
    version_info = tuple(version_info or sys.version_info)
    found = ".".join(str(part) for part in version_info[:3])
    if version_info[:2] < NEEDED:
        sys.stderr.write(
            "newsgraph needs Python %d.%d or newer; %s is %s. "
            "Run make with PYTHON=/path/to/python3.11 (or newer).\n"
            % (NEEDED[0], NEEDED[1], sys.executable, found)
        )
        return 1
    try:
        import ensurepip  # noqa: F401  (Debian splits it out into python3-venv)
    except ImportError:
        sys.stderr.write(
            "Python %s at %s cannot create virtual environments: install the venv module "
            "(on Debian/Ubuntu: apt-get install python%d.%d-venv).\n"
            % (found, sys.executable, version_info[0], version_info[1])
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
