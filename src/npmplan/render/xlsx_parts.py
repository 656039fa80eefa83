"""What the sheets of ``export xlsx`` share: row heights for wrapped text."""

from __future__ import annotations

LINE = 12.0  # points per line of 9-point Arial


def lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (roughly:
    spreadsheets do not grow a row for wrapped text that a program wrote)."""
    return max(1, -(-len(text) // max(int(width * 1.6) - 2, 1)))
