"""``npmplan workload --by`` as text, markdown and json (the JSON shape is documented in
``npmplan.compute.breakdown``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from npmplan.compute.breakdown import Breakdown
from npmplan.compute.breakdown import Group as LoadGroup
from npmplan.render.glyphs import OVER
from npmplan.render.jsonfmt import json_text
from npmplan.render.tables import fitted, md_table
from npmplan.text import md, plain

BY_NAME = {"lead": "lead", "strategic": "strategic objective", "priority": "priority"}


def breakdown_heading(result: Breakdown) -> str:
    without = (f", without {result.without_priority} objectives"
               if result.without_priority else "")
    return f"Workload by {BY_NAME[result.by]}{without}: {result.title}"


def breakdown_legend(result: Breakdown) -> str:
    lines = [f"Each cell counts the objectives active in the month, per {BY_NAME[result.by]}."]
    if result.by == "lead":
        lines.append("An objective with several leads counts for each; the last row counts it "
                     f"once. {OVER} marks a month over the person's capacity.")
    if result.without_priority:
        dropped = ", ".join(result.dropped) or "none"
        lines.append(f"Left out ({result.without_priority}): {dropped}.")
    return " ".join(lines)


def _group_name(group: LoadGroup) -> str:
    return group.name + (f" (capacity {group.capacity})" if group.capacity is not None else "")


def text(result: Breakdown, width: int) -> RenderableType:
    headers = [BY_NAME[result.by].capitalize(),
               *(f"{m.short()[:3]}\n{m.year % 100:02d}" for m in result.months), "Total"]
    rows = [[plain(_group_name(group)),
             *(Text(f"{group.count(m)}{OVER}", style="over") if group.over(m)
               else Text(str(group.count(m))) for m in result.months),
             Text(str(group.total))] for group in result.groups]
    rows.append([Text("All objectives", style="heading"),
                 *(Text(str(load.active), style="heading") for load in result.workload.loads),
                 Text(str(result.workload.total), style="heading")])
    table = fitted(headers, rows, width, label=0, right=frozenset(range(1, len(headers))),
                   box=None, pad_edge=False, header_style="heading",
                   title=plain(breakdown_heading(result)),
                   title_justify="left", title_style="heading")
    return Group(table, Text(breakdown_legend(result), style="muted"))


def markdown(result: Breakdown, width: int) -> str:
    head = [BY_NAME[result.by].capitalize(), *(m.short() for m in result.months), "Total"]
    rows = [[_group_name(g), *(f"{g.count(m)}{OVER if g.over(m) else ''}"
                               for m in result.months), str(g.total)] for g in result.groups]
    rows.append(["All objectives", *(str(load.active) for load in result.workload.loads),
                 str(result.workload.total)])
    lines = [f"## {md(breakdown_heading(result))}", "", *md_table(head, rows)]
    return "\n".join([*lines, "", md(breakdown_legend(result))]) + "\n"


def as_json(result: Breakdown, width: int) -> str:
    """``{"plan", "by", "without_priority", "dropped": [id], "months": [month],
    "groups": [{"id" (null: no lead / not stated), "name", "capacity", "months": {month: n},
    "over": [month], "ids": {month: [id]}, "total"}], "workload": [n per month]}``."""
    return json_text({
        "plan": result.title, "by": result.by, "without_priority": result.without_priority,
        "dropped": list(result.dropped), "months": [str(m) for m in result.months],
        "groups": [{"id": g.key, "name": g.name, "capacity": g.capacity,
                    "months": {str(m): g.count(m) for m in result.months},
                    "over": [str(m) for m in g.over_months()],
                    "ids": {str(m): list(g.ids[m]) for m in result.months},
                    "total": g.total} for g in result.groups],
        "workload": [load.active for load in result.workload.loads],
    })

