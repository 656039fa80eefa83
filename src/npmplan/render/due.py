"""``npmplan due``: the stand-up view of one month, as text, markdown or json.

Sections come in the order a stand-up takes them: what is late, what is due, what is
under way, what recurs, what is ongoing, what has no date yet, and a look at next month.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from npmplan.compute.due import DueItem, DueReport
from npmplan.model.dates import Month, range_text
from npmplan.render.jsonfmt import json_text
from npmplan.render.safe import md, plain

TITLES = {
    "overdue": "Overdue",
    "due": "Due this month",
    "in_progress": "In progress",
    "recurring": "Recurring this month",
    "ongoing": "Ongoing",
    "tbc": "To be confirmed",
}


def window_text(item: DueItem) -> str:
    """The milestone's window, its baseline when moved, and how late it is."""
    milestone = item.milestone
    parts = [milestone.effective.kind if item.window is None else range_text(*item.window)]
    if milestone.every:
        parts.append(f"every {milestone.every} months" if milestone.every > 1 else "monthly")
    if milestone.moved_to is not None:
        parts.append(f"moved from {milestone.when.text}")
    if item.months_overdue:
        late = item.months_overdue
        parts.append(f"{late} month{'s' if late > 1 else ''} overdue")
    if milestone.status == "done":
        parts.append("done" + (f" {milestone.done_on.text}" if milestone.done_on else ""))
    return "; ".join(parts)


def heading(report: DueReport) -> str:
    return f"Stand-up for {report.month.long()}: {report.title}"


WIDE = 120  # from this width on, each line also names the activity
ACTIVITY = 40  # at most, for that column


def _cell(text: Text, width: int) -> Text:
    """``text`` cut with an ellipsis or padded to exactly ``width`` cells."""
    out = text.copy()
    out.truncate(width, overflow="ellipsis", pad=True)
    return out


def _section_lines(items: list[DueItem], width: int) -> list[Text]:
    """One line per milestone, so that a stand-up can run down the list; long text is
    cut with an ellipsis (``npmplan show ID`` has it in full). Laid out by hand: a rich
    Table costs more than the rest of the command for a list like this."""
    ids = max(len(item.objective.id) for item in items)
    whens = [window_text(item) for item in items]
    when_width = min(max(len(w) for w in whens), max(width * 9 // 20, 12))
    labels = ACTIVITY if width >= WIDE else 0
    what_width = max(width - 1 - ids - 1 - (labels + 1 if labels else 0) - 1 - when_width, 10)
    lines = []
    for item, when in zip(items, whens, strict=True):
        done = "✓ " if item.milestone.status == "done" else ""
        line = Text(f"{item.objective.id:<{ids}} ", style="bold")
        if labels:
            line.append_text(_cell(plain(item.objective.row_label, "muted"), labels))
            line.append(" ")
        line.append_text(_cell(plain(done + item.milestone.what), what_width))
        line.append(" ")
        line.append_text(_cell(plain(when, "over" if item.months_overdue else ""), when_width))
        line.rstrip()
        lines.append(line)
    return lines


def text(report: DueReport, width: int) -> Text:
    """The stand-up, laid out for ``width`` columns: every line already fits, so it is one
    Text that rich need not wrap (wrapping line by line was most of the cost)."""
    parts: list[Text] = [plain(heading(report), "heading")]
    if report.filtered:
        parts.append(plain(f"Showing {report.filtered}", "muted"))
    empty = True
    for name, items in _sections(report):
        empty = False
        parts.append(Text(""))
        parts.append(Text(f"{TITLES[name]} ({len(items)})", style="heading"))
        parts += _section_lines(items, width)
    if empty:
        parts += [Text(""), Text(f"Nothing is due, in progress or overdue in "
                                 f"{report.month.long()}.")]
    parts += _next_month(report, width)
    for part in parts:
        part.truncate(width, overflow="ellipsis")
    out = Text("\n").join(parts)
    out.no_wrap = True
    return out


def _sections(report: DueReport) -> list[tuple[str, list[DueItem]]]:
    return [(name, items) for name, items in report.sections.items() if items]


def _next_month(report: DueReport, width: int) -> list[Text]:
    if not report.next_month:
        return []
    following = Month(report.month + 1).long()
    return [Text(""), Text(f"Next month: {following} ({len(report.next_month)} due)",
                           style="heading"), *_section_lines(report.next_month, width)]


def _md_item(item: DueItem) -> str:
    done = "✓ " if item.milestone.status == "done" else ""
    return (f"- **{md(item.objective.id)}** {md(item.objective.row_label)}: "
            f"{done}{md(item.milestone.what)} ({md(window_text(item))})")


def markdown(report: DueReport, width: int) -> str:
    lines = [f"## {md(heading(report))}"]
    if report.filtered:
        lines += ["", f"Showing {md(report.filtered)}"]
    for name, items in _sections(report):
        lines += ["", f"### {TITLES[name]} ({len(items)})", ""]
        lines += [_md_item(item) for item in items]
    if report.next_month:
        following = Month(report.month + 1).long()
        lines += ["", f"### Next month: {following} ({len(report.next_month)} due)", ""]
        lines += [_md_item(item) for item in report.next_month]
    return "\n".join(lines) + "\n"


def item_json(item: DueItem) -> dict[str, Any]:
    milestone = item.milestone
    return {
        "objective": item.objective.id,
        "what": milestone.what,
        "when": milestone.when.text,
        "moved_to": milestone.moved_to.text if milestone.moved_to else None,
        "window": [str(m) for m in item.window] if item.window else None,
        "status": milestone.status,
    }


def as_json(report: DueReport, width: int) -> str:
    out: dict[str, Any] = {"month": str(report.month)}
    for name, items in report.sections.items():
        out[name] = [item_json(item) for item in items]
    out["next_month"] = [item_json(item) for item in report.next_month]
    return json_text(out)
