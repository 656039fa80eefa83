"""The example plans under ``tests/plans`` and what each one is expected to report.

Each invalid or warnings file declares its problems in its first line::

    # expect: 7 unknown-key, 12 bad-when

(line and rule, several allowed). Files whose bytes cannot hold such a comment (an empty
file, latin-1, binary) have their expectations in ``BYTES_EXPECT`` instead.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent / "plans"
VALID = sorted((HERE / "valid").glob("*.yaml"))
INVALID = sorted((HERE / "invalid").glob("*.yaml"))
WARNINGS = sorted((HERE / "warnings").glob("*.yaml"))

Expected = set[tuple[int, str]]

BYTES_EXPECT: dict[str, Expected] = {
    "empty.yaml": {(1, "empty")},
    # "  title: Caf" then 0xE9: line 3, column 13.
    "encoding-latin1.yaml": {(3, "encoding")},
    # A PNG header: 0x89 is the first byte.
    "encoding-binary.yaml": {(1, "encoding")},
}

_EXPECT = re.compile(rb"\A# expect: (.+?)\r?\n")
_ITEM = re.compile(r"(\d+) ([a-z-]+)")


def expected(path: Path) -> Expected:
    """The (line, rule) set a file declares, or its entry in ``BYTES_EXPECT``."""
    if path.name in BYTES_EXPECT:
        return BYTES_EXPECT[path.name]
    match = _EXPECT.match(path.read_bytes())
    if match is None:
        raise AssertionError(f"{path.name} has no '# expect: LINE RULE' first line")
    out: Expected = set()
    for item in match[1].decode().split(","):
        parsed = _ITEM.fullmatch(item.strip())
        if parsed is None:
            raise AssertionError(f"{path.name}: cannot read the expectation {item!r}")
        out.add((int(parsed[1]), parsed[2]))
    return out


def ids(paths: list[Path]) -> list[str]:
    return [path.name for path in paths]
