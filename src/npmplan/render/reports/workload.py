"""``npmplan workload``: one row per month, a bar split by kind, and a flag on months over
``plan.capacity``; as a terminal table, markdown or json."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from npmplan.compute.workload import MonthLoad, Workload, WorkloadReport
from npmplan.model.plan import KINDS
from npmplan.render.glyphs import GLYPH, NAME, OVER
from npmplan.render.jsonfmt import json_text
from npmplan.text import md, plain

BAR_WIDTH = 30


def bar(load: MonthLoad, scale: float) -> Text:
    out = Text()
    for kind in KINDS:
        out.append(GLYPH[kind] * round(load.by_kind[kind] * scale), style=kind)
    return out


def workload_table(title: str, work: Workload, heading: str = "Monthly workload") -> Table:
    table = Table(title=plain(f"{heading}: {title}"), title_justify="left")
    table.add_column("Month")
    table.add_column("Active", justify="right")
    table.add_column("A/M/P", justify="right", header_style="bold")
    table.add_column("")
    scale = min(1.0, BAR_WIDTH / work.peak) if work.peak else 1.0
    for load in work.loads:
        flag = Text(f"{OVER} over {work.capacity}", style="over") if load.over else Text("")
        split = "/".join(str(load.by_kind[k]) for k in KINDS)
        table.add_row(load.month.short(), Text(str(load.active), style="over" if load.over else ""),
                      split, bar(load, scale) + Text(" ") + flag)
    table.add_section()
    table.add_row("Total", str(work.total), "/".join(str(work.by_kind[k]) for k in KINDS), "")
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


def text(report: WorkloadReport, width: int) -> RenderableType:
    return Group(workload_table(report.title, report.workload, report.heading),
                 legend(report.workload.capacity))


def markdown(report: WorkloadReport, width: int) -> str:
    """The same table for Steering Group papers (a GitHub/Word-pasteable markdown table)."""
    work = report.workload
    lines = [f"**{report.heading}: {md(report.title)}**", "",
             "| Month | Active | Active period | T&F/Subgroup meetings | Production of output |",
             "|---|--:|--:|--:|--:|"]
    for load in work.loads:
        flag = f" {OVER}" if load.over else ""
        counts = " | ".join(str(load.by_kind[k]) for k in KINDS)
        lines.append(f"| {load.month.short()} | {load.active}{flag} | {counts} |")
    totals = " | ".join(str(work.by_kind[k]) for k in KINDS)
    lines.append(f"| **Total** | **{work.total}** | {totals} |")
    if work.capacity is not None:
        lines += ["", f"{OVER} over the plan's capacity of {work.capacity}"]
    return "\n".join(lines) + "\n"


def as_json(report: WorkloadReport, width: int) -> str:
    work = report.workload
    first, last = (work.loads[0].month, work.loads[-1].month) if work.loads else ("", "")
    out = {
        "plan": report.title,
        "period": [str(first), str(last)],
        "months": [{"month": str(load.month), "active": load.active, "over": load.over,
                    "by_kind": dict(load.by_kind), "ids": list(load.ids)}
                   for load in work.loads],
        "total": work.total,
        "capacity": work.capacity,
    }
    if report.without_priority is not None:
        out["without_priority"] = report.without_priority
    return json_text(out)
