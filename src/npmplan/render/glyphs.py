"""How each kind of month looks: a colour *and* a glyph, so that a cell reads without colour
(``NO_COLOR``, a pipe, a printout).

Where standard output cannot encode the block glyphs (``PYTHONIOENCODING=ascii``, a legacy
code page), ASCII ones stand in for them, so that the cells still differ; any other character
the output cannot encode is printed as ``?`` (see ``cli.app.run``).
"""

from __future__ import annotations

import codecs
import sys

from npmplan.model.plan import Kind

UNICODE = {"active": "█", "meetings": "▒", "production": "░", "milestone": "◆", "over": "▲"}
ASCII = {"active": "#", "meetings": "=", "production": "-", "milestone": "*", "over": "^"}


def can_encode(text: str, encoding: str | None) -> bool:
    """Can an output in ``encoding`` (None: unknown, taken as UTF-8) hold ``text``?"""
    try:
        codecs.lookup(encoding or "utf-8")
        text.encode(encoding or "utf-8")
    except (LookupError, UnicodeError):
        return False
    return True


_STDOUT = getattr(sys.stdout, "encoding", None)
CHOSEN = UNICODE if can_encode("".join(UNICODE.values()) + "·…", _STDOUT) else ASCII
GLYPH: dict[Kind, str] = {"active": CHOSEN["active"], "meetings": CHOSEN["meetings"],
                          "production": CHOSEN["production"]}
NAME: dict[Kind, str] = {
    "active": "Active period",
    "meetings": "T&F/Subgroup meetings",
    "production": "Production of output",
}
MILESTONE = CHOSEN["milestone"]
OVER = CHOSEN["over"]
