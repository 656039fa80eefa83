"""``npmplan export mermaid``: the schedules and milestones as a Mermaid ``gantt`` chart.

    ```mermaid
    %%{init: {"gantt": {"leftPadding": 230}}}%%
    gantt
        title UK NPM Business Plan 2026-27
        dateFormat YYYY-MM-DD
        section 2 Identify systemic issues and th…
        2.1 NPM Northern Ireland Subgroup :crit, s2_1_1, 2026-05-01, 2026-06-01
        2.1 NPM Northern Ireland Subgroup :active, s2_1_2, 2026-06-01, 2027-04-01
        2.1 Recommendations on prisoners held over tariff :milestone, m2_1_1, 2026-05-15, 0d
        2.4 Phase II – Solitary Confinement project :s2_4_1, 2026-06-01, 2027-01-01
    ```

One ``section`` per strategic objective; per objective, a bar for each run of months of
one kind (plain: active period; ``active`` tag: T&F/subgroup meetings; ``crit`` tag:
production of output), then a ``milestone`` per dated, not cancelled milestone (each
occurrence of a recurring one), on its day, or mid-month in the month it is due (the plan
dates most by month). Done milestones carry the ``done`` tag. Milestones dated outside the
plan period are left out (a comment says how many), so the axis is the plan year.

Mermaid's gantt lexer (``gantt.jison``) reads a task line as ``[^#:\\n;]+`` (the name), then
``:`` and ``[^#\\n;]+`` (the data); ``#`` starts a comment anywhere, ``%%`` does too, and a
name that begins with a keyword (``title``, ``section``, ``call``, ``click``, a date …) is
read as that statement. So plan text is made safe: ``: `` becomes `` – ``, a colon between
digits a point (``10:30`` ``10.30``, the UK way), other colons ``∶``, ``#`` before a number
``No.`` and any other ``#`` is dropped, ``%`` ``per cent``, ``;`` ``,``, line breaks spaces;
long names are cut with "…", and a name that would begin with a keyword starts with a
zero-width space. (Full-width ``＃`` and ``％`` were lookalikes only in CJK fonts, and showed
as empty boxes without them.)

The colour key is a ``Key`` section at the top of the chart: one bar of each kind and a
milestone, drawn by Mermaid itself, so that it shows whatever the theme's colours are.
"""

from __future__ import annotations

import re
from datetime import date

from npmplan.compute.schedule import Row, active_months, kind_runs, occurrences
from npmplan.model.dates import Month
from npmplan.model.plan import Kind, Milestone, Objective, Plan
from npmplan.text import one_line

NAME_MAX = 70
SECTION_MAX = 34
# Room on the left for the section names (Mermaid's default is 75 px).
INIT = '%%{init: {"gantt": {"leftPadding": 230}}}%%'
TAG: dict[Kind, str] = {"active": "", "meetings": "active, ", "production": "crit, "}

_SAFE = str.maketrans({":": "∶", ";": ","})
# Statements that Mermaid's lexer tries before a task name (case-insensitive, no word break).
KEYWORD_START = re.compile(
    r"(gantt|inclusiveEndDates|topAxis|(dateFormat|axisFormat|tickInterval|includes|excludes"
    r"|todayMarker|weekday|title|accDescription|section|click|call)\s|href\s+\"|accTitle\s*:"
    r"|accDescr\s*[:{]|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE)
ZWSP = "\u200b"


def safe_name(text: str, limit: int = NAME_MAX) -> str:
    """Plan text as a Mermaid task or section name: one line, none of ``:#;%``."""
    text = re.sub(r":\s+", " – ", one_line(text))
    text = re.sub(r"(?<=\d):(?=\d)", ".", text)
    text = re.sub(r"#\s*(?=\d)", "No. ", text).replace("#", "")
    text = re.sub(r"\s*%\s*", " per cent ", text)
    text = " ".join(text.translate(_SAFE).split())
    if len(text) > limit:
        text = text[:limit - 1].rstrip(" ,.–") + "…"
    return ZWSP + text if KEYWORD_START.match(text) else text


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_") or "x"


def milestone_dates(milestone: Milestone, period: tuple[Month, Month]) -> list[date]:
    """Where a milestone's marks go: its day, or the 15th of each month it is due in."""
    when = milestone.effective
    window = when.window()
    if milestone.status == "cancelled" or window is None:
        return []
    if milestone.every:
        return [date(m.year, m.number, 15) for m in occurrences(milestone, period)]
    if when.day is not None:
        return [when.day]
    return [date(window[1].year, window[1].number, 15)]


def _objective_lines(objective: Objective, period: tuple[Month, Month],
                     ids: TaskIds) -> tuple[list[str], int]:
    lines: list[str] = []
    name = safe_name(f"{objective.id} {objective.row_label}")
    for first, last, kind in kind_runs(active_months(objective)):
        task = ids.new(f"s{_slug(objective.id)}_")
        lines.append(f"{name} :{TAG[kind]}{task}, {first.first_day().isoformat()}, "
                     f"{last.shift(1).first_day().isoformat()}")
    left_out = 0
    start, after = period[0].first_day(), period[1].shift(1).first_day()
    marks = sorted(((when, milestone) for milestone in objective.milestones
                    for when in milestone_dates(milestone, period)), key=lambda mark: mark[0])
    for when, milestone in marks:
        if not start <= when < after:
            left_out += 1
            continue
        tags = "done, milestone" if milestone.status == "done" else "milestone"
        task = ids.new(f"m{_slug(objective.id)}_")
        lines.append(f"{safe_name(f'{objective.id} {milestone.what}')} :{tags}, {task}, "
                     f"{when.isoformat()}, 0d")
    return lines, left_out


class TaskIds:
    """Unique task ids ``s2_1_1``, ``s2_1_2`` …: each prefix counts on from its last number,
    so 20,000 milestones of one objective cost 20,000 steps, not 200 million."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next: dict[str, int] = {}

    def new(self, prefix: str) -> str:
        n = self.next.get(prefix, 1)
        while f"{prefix}{n}" in self.taken:  # another prefix's id ("1.1" and "1_1" meet)
            n += 1
        self.next[prefix] = n + 1
        self.taken.add(f"{prefix}{n}")
        return f"{prefix}{n}"


def _key(first: Month) -> list[str]:
    """The colour key, as a section of sample bars (a ``%%`` comment is never drawn)."""
    start, end = first.first_day().isoformat(), first.shift(1).first_day().isoformat()
    mid = date(first.year, first.number, 15).isoformat()
    return ["    section Key", f"    Active period :key_1, {start}, {end}",
            f"    T&F/subgroup meetings :active, key_2, {start}, {end}",
            f"    Production of output :crit, key_3, {start}, {end}",
            f"    Milestone :milestone, key_4, {mid}, 0d",
            f"    Milestone done :done, milestone, key_5, {mid}, 0d"]


def gantt(plan: Plan, rows: list[Row], filtered: str = "", fence: bool = True) -> str:
    """The chart, one statement a line, in a ```` ```mermaid ```` block unless ``fence`` is off."""
    title = plan.plan.title + (f" ({filtered})" if filtered else "")
    lines = [INIT, "gantt", f"    title {safe_name(title, 200)}", "    dateFormat YYYY-MM-DD",
             "    axisFormat %b %y", "    tickInterval 1month", *_key(plan.plan.period[0])]
    ids = TaskIds()
    left_out = 0
    current = None
    for strategic, objective in rows:
        if strategic is not current:
            current = strategic
            section = safe_name(f"{strategic.id} {strategic.title}", SECTION_MAX)
            lines.append(f"    section {section}")
        body, skipped = _objective_lines(objective, plan.plan.period, ids)
        lines += [f"    {line}" for line in body]
        left_out += skipped
    if left_out:
        first, last = plan.plan.period
        lines.append(f"    %% {left_out} milestone mark(s) dated outside the plan period "
                     f"{first}..{last} left out")
    if fence:
        lines = ["```mermaid", *lines, "```"]
    return "\n".join(lines) + "\n"
