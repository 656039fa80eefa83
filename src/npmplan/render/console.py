"""The rich console every renderer prints through.

Colour goes to a terminal only: to a pipe, a file, with ``NO_COLOR`` or ``TERM=dumb`` the
output is plain text (rich's own detection). ``COLUMNS`` sets the width, as in tests; any
width, from ``COLUMNS`` or the terminal, is kept within 20..1000 columns (``render.width``), so that
``COLUMNS=1000000`` or twenty digits cannot make a report take seconds and gigabytes.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console
from rich.theme import Theme

from npmplan.render.width import clamp_width, columns_setting

THEME = Theme({
    "active": "blue",
    "meetings": "green",
    "production": "yellow",
    "mark": "bold magenta",
    # the current month's column: the same, on a grey band
    "active.now": "blue on grey23",
    "meetings.now": "green on grey23",
    "production.now": "yellow on grey23",
    "mark.now": "bold magenta on grey23",
    "over": "bold red",
    "now": "reverse",
    "muted": "dim",
    "error": "bold red",
    "warning": "yellow",
    "heading": "bold",
})


def make_console(file: TextIO | None = None, width: int | None = None) -> Console:
    width = width or columns_setting(os.environ.get("COLUMNS"))
    console = Console(file=file or sys.stdout, theme=THEME, highlight=False, emoji=False,
                      markup=False, width=width, soft_wrap=False)
    console.width = clamp_width(console.width)  # rich's own detection may say anything
    return console
