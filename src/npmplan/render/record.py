"""Words shared by the reports for a past day (``--as-of``)."""

from __future__ import annotations


def undated_words(count: int) -> str:
    """The line under a report for a past day when ``count`` changes carry no date and the
    plan's history gives none either."""
    one = count == 1
    return (f"{'1 change carries' if one else f'{count} changes carry'} no date and "
            f"{'is' if one else 'are'} counted as made before the period: add done_on, "
            f"cancelled_on or moved_on to date {'it' if one else 'them'}, or commit the plan "
            "so that git can.")
