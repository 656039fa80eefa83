"""``npmplan due``: the stand-up view of one month, as text, markdown or json.

The text and markdown views are read in ten minutes: what is due this month, in progress,
recurring and due next month in full; what is overdue folded to one line per strategic
objective, ongoing and tbc items to a count (``--overdue`` and ``--all`` list them). Every
milestone's text wraps under itself, never cut, and one date column serves every section.
JSON always lists every item of every section.
"""

from __future__ import annotations

import textwrap
from typing import Any

from rich.text import Text

from npmplan.compute.due import (
    DueBlock,
    DueChange,
    DueItem,
    DueReport,
    OverdueGroup,
    SinceChanges,
)
from npmplan.model.dates import Month, range_text
from npmplan.render.jsonfmt import json_text
from npmplan.render.record import undated_words
from npmplan.text import md, one_line, plain

TITLES = {
    "overdue": "Overdue",
    "due": "Due this month",
    "in_progress": "In progress",
    "recurring": "Recurring this month",
    "ongoing": "Ongoing",
    "tbc": "To be confirmed",
}
# The order a stand-up takes them: this month's work first, then what is late.
ORDER = ("due", "in_progress", "recurring", "next_month", "overdue", "ongoing", "tbc")
LISTED_WITH = {"overdue": "--overdue", "ongoing": "--all", "tbc": "--all"}
CHANGE_WORDS = {"done": "Done", "moved": "Moved", "added": "Added", "cancelled": "Cancelled",
                "removed": "Removed", "reopened": "Reopened"}


def month_words(month: Month) -> str:
    """``Apr 2026``."""
    return f"{month.first_day():%b %Y}"


def date_text(item: DueItem) -> str:
    """The date column: the milestone's day where one is known, else its window, or
    ongoing, quarterly or tbc."""
    when = item.milestone.effective
    if when.day is not None:
        return when.day.isoformat()
    if item.series is not None and item.series.every is None and not item.months_overdue:
        return "quarterly"  # this quarter's occurrence, on a month not fixed
    return range_text(*item.window) if item.window else when.kind


def change_date(change: DueChange) -> str:
    """The date column of a change: where the milestone is now."""
    window = change.milestone.effective.window()
    return range_text(*window) if window else change.milestone.effective.kind


def since_rows(since: SinceChanges) -> list[tuple[str, str, str]]:
    """Every change since, as (objective id, words, date column): an occurrence's column is
    its month (where it moved to, if it moved); leads and schedules have none."""
    # Here, not at the top: only --since compares versions, and the stand-up without it
    # need not import the diff (nor its workload).
    from npmplan.render.reports.changes import leads_words, occurrence_line, schedule_words

    rows = [(c.objective, _change_what(c), change_date(c)) for c in since.changes]
    rows += [(c.objective, occurrence_line(c),
              str(c.new.moved_to if c.new and c.new.moved_to else c.month))
             for c in since.occurrences]
    rows += [(c.objective, f"Leads: {leads_words(c.old, since.names)} \u2192 "
              f"{leads_words(c.new, since.names)}", "") for c in since.leads]
    rows += [(c.objective, f"Schedule: {schedule_words(c)}", "") for c in since.schedules]
    return rows


def details(item: DueItem) -> str:
    """What the date column does not say: recurrence, the baseline, lateness, done."""
    milestone = item.milestone
    parts = []
    every = (item.series or milestone).every
    if every:
        parts.append(f"every {every} months" if every > 1 else "monthly")
    if milestone.moved_to is not None:
        parts.append(f"moved from {milestone.when.text}")
    if item.months_overdue:
        late = item.months_overdue
        parts.append(f"{late} month{'s' if late > 1 else ''} overdue")
    if milestone.status == "done":
        parts.append("done" + (f" {milestone.done_on.text}" if milestone.done_on else ""))
    if milestone.status == "cancelled":
        parts.append("cancelled" + (f" {milestone.cancelled_on}" if milestone.cancelled_on
                                    else ""))
    return "; ".join(parts)


def window_text(item: DueItem) -> str:
    """The date and its details in one phrase (markdown, html)."""
    return "; ".join(part for part in (date_text(item), details(item)) if part)


def heading(report: DueReport) -> str:
    return f"Stand-up for {report.month.long()}: {report.title}"


def _what(item: DueItem) -> str:
    done = "✓ " if item.milestone.status == "done" else ""
    more = details(item)
    return done + one_line(item.milestone.what) + (f" ({more})" if more else "")


def _change_what(change: DueChange) -> str:
    words = CHANGE_WORDS[change.kind]
    if change.kind == "moved" and change.before is not None:
        old, new = change.before.effective, change.milestone.effective
        shift = ""
        if change.months:
            shift = f", {abs(change.months)} month{'s' if abs(change.months) > 1 else ''} " \
                    f"{'later' if change.months > 0 else 'earlier'}"
        moved_on = change.milestone.moved_on
        words += (f" on {moved_on.isoformat()}" if moved_on else "") + \
            f" from {old.text} to {new.text}{shift}"
    else:  # the day that dates the change, where the plan has it
        from npmplan.render.reports.changes import day_text

        day = {"done": change.milestone.done_on, "cancelled": change.milestone.cancelled_on,
               "added": change.milestone.added_on}.get(change.kind)
        words += f" {day_text(day)}" if day is not None else ""
    return f"{words}: {one_line(change.milestone.what)}"


class Layout:
    """The columns of the text view: objective id, wrapped text, one date column."""

    def __init__(self, report: DueReport, width: int) -> None:
        shown = _shown_items(report)
        changes = since_rows(report.since) if report.since else []
        self.ids = max([len(item.objective.id) for item in shown]
                       + [len(ident) for ident, _, _ in changes]
                       + [len(group.strategic) for block in report.blocks
                          for group in block.overdue_groups] + [1])
        self.dates = max([len(date_text(item)) for item in shown]
                         + [len(day) for _, _, day in changes] + [7])
        self.what = width - self.ids - 1 - 1 - self.dates
        if self.what < 24:  # too narrow for a date column: the date follows the text
            self.dates, self.what = 0, max(width - self.ids - 1, 10)

    def row(self, ident: str, words: str, date: str, date_style: str = "") -> list[Text]:
        """The text wrapped under itself, the date right-aligned on the first line: a short
        date leaves the text more room."""
        if not self.dates and date:
            words = f"{words} [{date}]"
        room = max(self.what + self.dates - len(date), 10) if self.dates else self.what
        lines = textwrap.wrap(words, room, break_on_hyphens=False) or [""]
        out = []
        for n, line in enumerate(lines):
            text = Text(f"{ident if n == 0 else '':<{self.ids}} ", style="bold")
            text.append(line)
            if n == 0 and self.dates:
                text.append(" " * (room - len(line) + 1))
                text.append(date, style=date_style)
            text.rstrip()
            out.append(text)
        return out

    def item(self, item: DueItem) -> list[Text]:
        return self.row(item.objective.id, _what(item), date_text(item),
                        "over" if item.months_overdue else "")

    def group(self, group: OverdueGroup) -> list[Text]:
        counts = ", ".join(f"{ident} x{count}" for ident, count in group.objectives)
        words = f"{group.count} overdue: {counts}; oldest {month_words(group.oldest)}"
        return self.row(group.strategic, words, "")


def _shown_items(report: DueReport) -> list[DueItem]:
    items = [item for block in report.blocks for name, section in block.sections.items()
             if name not in report.folded for item in section]
    return items + [item for block in report.blocks for item in block.next_month]


def _section_title(name: str, items: list[DueItem]) -> str:
    title = f"{TITLES[name]} ({len(items)}"
    if any(item.milestone.effective.kind == "quarterly" for item in items):
        title += "; quarterly: no fixed month"
    return title + ")"


def _block_lines(report: DueReport, block: DueBlock, layout: Layout) -> list[Text]:
    parts: list[Text] = []
    for name in _order(report, block):
        if name == "next_month":
            if block.next_month:
                following = report.month.shift(1).long()
                parts += [Text(""), Text(f"Next month: {following} ({len(block.next_month)} due)",
                                         style="heading")]
                parts += [line for item in block.next_month for line in layout.item(item)]
            continue
        items = block.sections[name]
        if not items:
            continue
        parts.append(Text(""))
        if name in report.folded:
            parts += _folded(name, block, layout, report.folded)
        else:
            parts.append(Text(_section_title(name, items), style="heading"))
            parts += [line for item in items for line in layout.item(item)]
    return parts


def _order(report: DueReport, block: DueBlock) -> tuple[str, ...]:
    """The sections in order; folded ongoing and tbc share one line ("ongoing")."""
    both = {"ongoing", "tbc"} <= set(report.folded) and all(
        block.sections[name] for name in ("ongoing", "tbc"))
    return tuple(name for name in ORDER if not (both and name == "tbc"))


def _count_line(block: DueBlock, folded: tuple[str, ...]) -> str:
    """``Ongoing (11) and to be confirmed (2): --all lists them``."""
    names = [name for name in ("ongoing", "tbc") if name in folded and block.sections[name]]
    counts = [f"{TITLES[name]} ({len(block.sections[name])})" for name in names]
    words = " and ".join([counts[0]] + [c[0].lower() + c[1:] for c in counts[1:]])
    return f"{words}: {LISTED_WITH[names[0]]} lists them"


def _folded(name: str, block: DueBlock, layout: Layout, folded: tuple[str, ...]) -> list[Text]:
    count = len(block.sections[name])
    if name != "overdue":
        return [Text(_count_line(block, folded) if name == "ongoing" else
                     f"{TITLES[name]} ({count}): {LISTED_WITH[name]} lists them",
                     style="heading")]
    objectives = block.overdue_objectives
    head = Text(f"Overdue ({count} in {objectives} objective{'s' if objectives > 1 else ''}): "
                f"{LISTED_WITH[name]} lists them", style="heading")
    return [head, *(line for group in block.overdue_groups for line in layout.group(group))]


def _since_lines(report: DueReport, layout: Layout) -> list[Text]:
    if report.since is None:
        return []
    out = [Text(""), Text(f"Changed since {report.since.label} ({report.since.count})",
                          style="heading")]
    if not report.since.count:
        out.append(Text(NOTHING_SINCE))
    for ident, words, day in since_rows(report.since):
        out += layout.row(ident, words, day)
    return out


NOTHING_SINCE = ("No milestone or meeting was done, moved, added or cancelled, and no lead or "
                 "schedule changed.")


def text(report: DueReport, width: int) -> Text:
    """The stand-up, laid out for ``width`` columns: every line already fits, so it is one
    Text that rich need not wrap."""
    layout = Layout(report, width)
    parts: list[Text] = [plain(heading(report), "heading")]
    if report.filtered:
        parts.append(plain(f"Showing {report.filtered}", "muted"))
    parts += _since_lines(report, layout)
    for block in report.blocks:
        if block.name:
            parts += [Text(""), plain(f"== {block.name} ==", "heading")]
        parts += _block_lines(report, block, layout)
    if all(block.empty for block in report.blocks):
        parts += [Text(""), Text(f"Nothing is due, in progress or overdue in "
                                 f"{report.month.long()}.")]
    if report.undated:
        parts += [Text("")] + [Text(line, style="muted") for line in textwrap.wrap(
            undated_words(report.undated), max(width, 20))]
    out = Text("\n").join(parts)
    out.no_wrap = True
    return out


def _md_item(item: DueItem) -> str:
    done = "✓ " if item.milestone.status == "done" else ""
    return (f"- **{md(item.objective.id)}** {md(item.objective.row_label)}: "
            f"{done}{md(item.milestone.what)} ({md(window_text(item))})")


def _md_block(report: DueReport, block: DueBlock) -> list[str]:
    lines = []
    for name in ORDER:
        items = block.next_month if name == "next_month" else block.sections[name]
        if not items:
            continue
        if name == "next_month":
            title = f"Next month: {report.month.shift(1).long()} ({len(items)} due)"
        elif name in report.folded:
            lines += ["", f"### {_md_folded(name, block)}"]
            if name == "overdue":
                lines += [""] + [f"- **{md(g.strategic)}** {g.count} overdue: "
                                 + ", ".join(f"{md(i)} x{n}" for i, n in g.objectives)
                                 + f"; oldest {month_words(g.oldest)}"
                                 for g in block.overdue_groups]
            continue
        else:
            title = _section_title(name, items)
        lines += ["", f"### {title}", ""] + [_md_item(item) for item in items]
    return lines


def _md_folded(name: str, block: DueBlock) -> str:
    count = len(block.sections[name])
    extra = f" in {block.overdue_objectives} objectives" if name == "overdue" else ""
    return f"{TITLES[name]} ({count}{extra}): `{LISTED_WITH[name]}` lists them"


def markdown(report: DueReport, width: int) -> str:
    lines = [f"## {md(heading(report))}"]
    if report.filtered:
        lines += ["", f"Showing {md(report.filtered)}"]
    if report.since is not None:
        lines += ["", f"### Changed since {md(report.since.label)} "
                      f"({report.since.count})", ""]
        lines += [f"- **{md(ident)}** {md(words)}"
                  for ident, words, _ in since_rows(report.since)] or ["- No changes"]
    for block in report.blocks:
        if block.name:
            lines += ["", f"## {md(block.name)}"]
        lines += _md_block(report, block)
    if report.undated:
        lines += ["", md(undated_words(report.undated))]
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
        "occurrence": str(item.occurrence) if item.occurrence is not None else None,
    }


def _change_json(change: DueChange) -> dict[str, Any]:
    from npmplan.render.reports.changes import day_text

    milestone = change.milestone
    return {"change": change.kind, "objective": change.objective, "what": milestone.what,
            "when": milestone.when.text,
            "moved_to": milestone.moved_to.text if milestone.moved_to else None,
            "status": milestone.status, "months": change.months,
            "done_on": day_text(milestone.done_on),
            "cancelled_on": day_text(milestone.cancelled_on),
            "moved_on": day_text(milestone.moved_on), "added_on": day_text(milestone.added_on)}


def as_json(report: DueReport, width: int) -> str:
    out: dict[str, Any] = {"month": str(report.month)}
    for name, items in report.sections.items():
        out[name] = [item_json(item) for item in items]
    out["next_month"] = [item_json(item) for item in report.next_month]
    out["overdue_by_strategic_objective"] = [
        {"strategic_objective": group.strategic, "count": group.count,
         "objectives": dict(group.objectives), "oldest": str(group.oldest)}
        for group in report.overdue_groups]
    out["undated"] = report.undated
    if report.since is not None:
        from npmplan.render.reports.changes import lead_json, occurrence_json, schedule_json

        since = report.since
        out["changed_since"] = {"since": since.label,
                                "changes": [_change_json(c) for c in since.changes],
                                "occurrences": [occurrence_json(c) for c in since.occurrences],
                                "leads": [lead_json(c) for c in since.leads],
                                "schedules": [schedule_json(c) for c in since.schedules]}
    return json_text(out)
