"""The width a report is laid out for: ``COLUMNS`` or the terminal's, within 20..1000.

Without a bound, ``COLUMNS=1000000`` made a calendar take seconds and hundreds of megabytes,
and twenty digits an internal error. No rich here: ``cli.process`` uses it at start-up.

    >>> columns_setting("1000000"), columns_setting("99999999999999999999"), columns_setting("x")
    (1000, 1000, None)
"""

from __future__ import annotations

import builtins
import os
from typing import TextIO

MIN_WIDTH, MAX_WIDTH = 20, 1000
# What makes rich treat a stream as a terminal, or colour it, whatever the stream is.
RICH_SWITCHES = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def clamp_width(width: int) -> int:
    return max(MIN_WIDTH, min(MAX_WIDTH, width))


def columns_setting(value: str | None) -> int | None:
    """``COLUMNS`` as a width within range; None when unset or not a number of columns."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()):
        return None
    return clamp_width(int(value) if len(value) <= 6 else MAX_WIDTH)


def plain_width(stream: TextIO) -> int | None:
    """The width rich's console would lay out for on ``stream`` when rich would surely print
    no colour there (a pipe or a file, colour not forced), so that plain text can be written
    without importing rich's console (about 5 ms of every report); None when rich must
    decide. ``tests/test_architecture.py`` checks that the two agree.

    The width is rich's rule: ``COLUMNS``, else the first of standard input, output and
    error that is a terminal, else 80; kept within range as ``render.console`` keeps it.
    """
    if os.name == "nt" or hasattr(builtins, "get_ipython"):  # rich's own special cases
        return None
    if any(name in os.environ for name in RICH_SWITCHES):
        return None
    try:
        if stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    if "COLUMNS" in os.environ:
        return columns_setting(os.environ["COLUMNS"])
    for descriptor in (0, 1, 2):
        try:
            return clamp_width(os.get_terminal_size(descriptor).columns or 80)
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
    return 80
