"""How each kind of month looks: a colour *and* a glyph, so that a cell reads without colour
(``NO_COLOR``, a pipe, a printout)."""

from __future__ import annotations

from npmplan.model.plan import Kind

GLYPH: dict[Kind, str] = {"active": "█", "meetings": "▒", "production": "░"}
NAME: dict[Kind, str] = {
    "active": "Active period",
    "meetings": "T&F/Subgroup meetings",
    "production": "Production of output",
}
MILESTONE = "◆"
OVER = "▲"
