"""``npmplan status`` as text, markdown and json (the JSON shape is documented in
``npmplan.compute.status``)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from npmplan.compute.status import StatusReport, Tally
from npmplan.render.jsonfmt import json_text
from npmplan.render.record import undated_words
from npmplan.render.tables import BAR, fitted, md_table
from npmplan.text import md, plain


def bar(share: float | None) -> str:
    if share is None:
        return "\u2013" + " " * (BAR - 1)
    filled = round(share * BAR)
    return "\u2588" * filled + "\u2591" * (BAR - filled)


def delivered(tally: Tally) -> str:
    if tally.share is None:
        return f"{bar(None)} none due"
    return f"{bar(tally.share)} {tally.delivered}/{tally.due} {tally.share:.0%}"


def status_cells(tally: Tally) -> list[str]:
    return [str(tally.done), str(tally.planned), str(tally.overdue), str(tally.cancelled),
            delivered(tally), str(tally.slip)]


STATUS_HEAD = ["Id", "Objective", "Done", "Planned", "Overdue", "Cancelled", "Delivered",
               "Slip"]


def status_heading(report: StatusReport) -> str:
    return f"Status of {report.title} as of {report.as_of.day} {report.as_of:%B %Y}"


def status_legend(report: StatusReport) -> str:
    return (f"Delivered: done / due, where due means dated, not recurring, not cancelled and "
            f"due by the end of {report.month.long()}. Overdue: planned, with a window that "
            f"ended before {report.month.long()}. Slip: months by which moved milestones now "
            "end after their baseline (later moves only).")


def text(report: StatusReport, width: int) -> RenderableType:
    rows: list[list[Text]] = []
    for group in report.strategic:
        rows.append([plain(group.strategic.id, "heading"),
                     plain(group.strategic.title, "heading"),
                     *(Text(cell, style="heading") for cell in status_cells(group.tally))])
        for item in group.objectives:
            cells = [plain(cell) for cell in status_cells(item.tally)]
            cells[2].stylize("over" if item.tally.overdue else "")
            rows.append([plain(item.objective.id), plain(item.objective.row_label),
                         *cells])
    rows.append([Text(""), Text("Total", style="heading"),
                 *(Text(cell, style="heading") for cell in status_cells(report.total))])
    table = fitted(STATUS_HEAD, rows, width, right=frozenset({2, 3, 4, 5, 7}), box=None,
                   pad_edge=False, header_style="heading", title_justify="left",
                   title=plain(status_heading(report)), title_style="heading")
    notes = [Text(status_legend(report), style="muted")]
    if report.undated:
        notes.append(Text(undated_words(report.undated), style="muted"))
    return Group(table, *notes)


def markdown(report: StatusReport, width: int) -> str:
    rows = []
    for group in report.strategic:
        rows.append([f"{group.strategic.id}", group.strategic.title,
                     *status_cells(group.tally)])
        rows += [[item.objective.id, item.objective.row_label, *status_cells(item.tally)]
                 for item in group.objectives]
    rows.append(["", "Total", *status_cells(report.total)])
    lines = [f"## {md(status_heading(report))}", ""]
    lines += md_table(STATUS_HEAD, rows)
    lines += ["", md(status_legend(report))]
    if report.undated:
        lines += ["", md(undated_words(report.undated))]
    return "\n".join(lines) + "\n"


def tally_json(tally: Tally) -> dict[str, Any]:
    return {"done": tally.done, "planned": tally.planned, "overdue": tally.overdue,
            "cancelled": tally.cancelled, "total": tally.total, "due": tally.due,
            "delivered": tally.delivered,
            "share": round(tally.share, 4) if tally.share is not None else None,
            "slip": tally.slip, "moved": tally.moved}


def as_json(report: StatusReport, width: int) -> str:
    """``{"plan", "as_of", "month", "strategic_objectives": [{"id", "title", **counts,
    "objectives": [{"id", "label", **counts}]}], "total": counts}``; counts are
    done, planned, overdue, cancelled, total, due, delivered, share (0-1 or null), slip,
    moved (see ``progress``); ``undated``: the changes counted as made before the period
    for want of a date (0 unless ``as_of`` is before today)."""
    return json_text({
        "plan": report.title, "as_of": report.as_of.isoformat(), "month": str(report.month),
        "strategic_objectives": [
            {"id": g.strategic.id, "title": g.strategic.title, **tally_json(g.tally),
             "objectives": [{"id": o.objective.id, "label": o.objective.row_label,
                             **tally_json(o.tally)} for o in g.objectives]}
            for g in report.strategic],
        "total": tally_json(report.total),
        "undated": report.undated,
    })


