""""Did you mean" for names typed on the command line or in a plan."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def unknown_message(what: str, value: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
    listing = ", ".join(known) if known else "none in this plan"
    return f"there is no {what} '{value}'; {hint}the {what} ids are: {listing}"
