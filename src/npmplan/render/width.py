"""The width a report is laid out for: ``COLUMNS`` or the terminal's, within 20..1000.

Without a bound, ``COLUMNS=1000000`` made a calendar take seconds and hundreds of megabytes,
and twenty digits an internal error. No rich here: ``cli.process`` uses it at start-up.

    >>> columns_setting("1000000"), columns_setting("99999999999999999999"), columns_setting("x")
    (1000, 1000, None)
"""

from __future__ import annotations

MIN_WIDTH, MAX_WIDTH = 20, 1000


def clamp_width(width: int) -> int:
    return max(MIN_WIDTH, min(MAX_WIDTH, width))


def columns_setting(value: str | None) -> int | None:
    """``COLUMNS`` as a width within range; None when unset or not a number of columns."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()):
        return None
    return clamp_width(int(value) if len(value) <= 6 else MAX_WIDTH)
