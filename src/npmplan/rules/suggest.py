""""Did you mean" for names typed on the command line or in a plan, and lists of names cut
to a readable length (a team of 3,000 is not listed in a message)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

LISTED = 12  # names a message lists before "and N more"
COMPARED = 2000  # candidates compared for "did you mean": a bound on the work per message


def listing(names: Sequence[str], limit: int = LISTED) -> str:
    """``a, b, c`` or ``a, b, … and 2,988 more``."""
    shown = ", ".join(names[:limit])
    return shown + (f", … and {len(names) - limit:,} more" if len(names) > limit else "")


def close_matches(value: str, known: Sequence[str], n: int = 1,
                  cutoff: float = 0.6) -> list[str]:
    """difflib's close matches, among at most COMPARED names of a similar length (a close
    match differs in length by a few characters at most)."""
    if len(known) > COMPARED:
        known = [name for name in known if abs(len(name) - len(value)) <= 3][:COMPARED]
    return difflib.get_close_matches(value, known, n=n, cutoff=cutoff)


def unknown_message(what: str, value: str, known: Sequence[str]) -> str:
    close = close_matches(value, known, n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
    names = listing(known) if known else "none in this plan"
    return f"there is no {what} '{value}'; {hint}the {what} ids are: {names}"
