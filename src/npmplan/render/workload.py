"""``npmplan workload`` as a terminal table: one row per month, a bar split by kind, and a
flag on months over ``plan.capacity``."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from npmplan.compute.schedule import MonthLoad
from npmplan.model.dates import Month
from npmplan.model.plan import KINDS
from npmplan.render.glyphs import GLYPH, NAME, OVER
from npmplan.render.safe import md, plain

BAR_WIDTH = 30


def bar(load: MonthLoad, scale: float) -> Text:
    out = Text()
    for kind in KINDS:
        out.append(GLYPH[kind] * round(load.by_kind[kind] * scale), style=kind)
    return out


def workload_table(title: str, loads: list[MonthLoad], capacity: int | None,
                   now: Month | None = None, heading: str = "Monthly workload") -> Table:
    table = Table(title=plain(f"{heading}: {title}"), title_justify="left")
    table.add_column("Month")
    table.add_column("Active", justify="right")
    table.add_column("A/M/P", justify="right", header_style="bold")
    table.add_column("")
    peak = max((load.active for load in loads), default=0)
    scale = min(1.0, BAR_WIDTH / peak) if peak else 1.0
    for load in loads:
        over = capacity is not None and load.active > capacity
        flag = Text(f"{OVER} over {capacity}", style="over") if over else Text("")
        split = "/".join(str(load.by_kind[k]) for k in KINDS)
        row_style = "now" if load.month == now else ""
        table.add_row(load.month.short(), Text(str(load.active), style="over" if over else ""),
                      split, bar(load, scale) + Text(" ") + flag, style=row_style)
    total = sum(load.active for load in loads)
    table.add_section()
    table.add_row("Total", str(total), "/".join(
        str(sum(load.by_kind[k] for load in loads)) for k in KINDS), "")
    return table


def legend(capacity: int | None) -> Text:
    text = Text("Bar: ")
    for kind in KINDS:
        text.append(GLYPH[kind], style=kind)
        text.append(f" {NAME[kind]}  ")
    text.append("\nA/M/P: the same three counts as numbers.\n")
    if capacity is not None:
        text.append(OVER, style="over")
        text.append(f" marks a month over the plan's capacity of {capacity}.")
    else:
        text.append("The plan sets no capacity, so no month is flagged "
                    "(add 'capacity:' under 'plan:' to flag busy months).")
    return text


def workload_markdown(title: str, loads: list[MonthLoad], capacity: int | None) -> str:
    """The same table for Steering Group papers (a GitHub/Word-pasteable markdown table)."""
    lines = [f"**Monthly workload: {md(title)}**", "",
             "| Month | Active | Active period | T&F/Subgroup meetings | Production of output |",
             "|---|--:|--:|--:|--:|"]
    for load in loads:
        flag = f" {OVER}" if capacity is not None and load.active > capacity else ""
        counts = " | ".join(str(load.by_kind[k]) for k in KINDS)
        lines.append(f"| {load.month.short()} | {load.active}{flag} | {counts} |")
    totals = " | ".join(str(sum(load.by_kind[k] for load in loads)) for k in KINDS)
    lines.append(f"| **Total** | **{sum(load.active for load in loads)}** | {totals} |")
    if capacity is not None:
        lines += ["", f"{OVER} over the plan's capacity of {capacity}"]
    return "\n".join(lines) + "\n"
