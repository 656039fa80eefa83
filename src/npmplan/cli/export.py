"""``npmplan export``: the plan for other tools: a calendar (ics), a chart (mermaid), a page
for Steering Group papers (html), the whole plan, computed, for scripts (json) and the business
plan document itself (docx).

    npmplan export ics -o plan.ics
    npmplan export mermaid --strategic 2 >> README.md
    npmplan export html --month 2026-11 -o steering-group.html
    npmplan export xlsx -o plan.xlsx
    npmplan export json | jq '.workload.total'
    npmplan export docx -o plan.docx

Every command writes UTF-8 to standard output, or to ``-o FILE`` as written (``newline=""``:
the ics keeps its CRLF line ends). ``-o`` never replaces a plan (the plan exported, any file
in a ``plans`` folder, any file that ``validate``'s reader reads as data with ``version`` and
``plan``: UTF-16, JSON and quoted keys included), and replaces another existing file only with
``--force``, whole or not at all (``write.atomic.write_file``). Like ``cli``, each
command imports its renderer inside its body, so that ``--help`` stays fast.
"""

from __future__ import annotations

import os
import stat
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli.dates import numbered_quarter, parse_as_of, parse_month_option
from npmplan.cli.filters import filters
from npmplan.cli.messages import fail, note
from npmplan.cli.options import AsOfOption, LeadOption, PlanOption, StrategicOption
from npmplan.cli.plans import load_resolved, resolve_plan

export_app = typer.Typer(
    help="Export the plan for other tools.\n\nics (calendar), mermaid (Gantt chart), html "
         "(one printable page), xlsx (spreadsheet), json (the whole plan, computed), docx "
         "(the business plan document).",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

if TYPE_CHECKING:
    from npmplan.model.plan import Plan

OutputOption = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", dir_okay=False, show_default=False,
    help="Write to this file (UTF-8) instead of standard output.")]


ForceOption = Annotated[bool, typer.Option(
    "--force", help="Replace the -o file if it exists (never a plan file).")]


def _prepare(plan: Path | None, output: Path | None, force: bool = False) -> Plan:
    """The plan, once the output is known to be safe to write: never a plan, and an existing
    file only with ``--force``."""
    path = resolve_plan(plan)
    if output is not None:
        refusal = _refusal(output, path, force)
        if refusal:
            fail(refusal, 2)
    return load_resolved(path)


def _refusal(output: Path, plan: Path, force: bool) -> str:
    """Why ``-o output`` must not be written ("" when it may)."""
    if _same_file(output, plan):
        return f"-o '{output}' is the plan file itself; write the export to another file"
    try:
        mode = output.stat().st_mode
    except OSError:
        return ""  # a new file: opening it says what is wrong, if anything
    if stat.S_ISDIR(mode):
        return f"-o '{output}' is a folder; name a file in it"
    if not stat.S_ISREG(mode):
        return ""  # a device or a pipe (/dev/null, a FIFO): writing to it replaces nothing
    if output.resolve().parent.name == "plans" or looks_like_plan(output):
        return (f"-o '{output}' is a plan file; an export never replaces a plan: write it to "
                "another file")
    if not force:
        return (f"-o '{output}' already exists; add --force to replace it, or choose another "
                "name")
    return ""


def looks_like_plan(path: Path) -> bool:
    """Is the file a plan, as ``validate`` reads one: its data (in any encoding the loader
    reads, quoted keys, JSON) a mapping with the keys ``version`` and ``plan``? Where the
    loader cannot make data of it (a syntax error further down), its lines are looked at:
    a top-level ``version:`` and ``plan:`` in the first document."""
    from npmplan.read.loader import load_path

    try:
        data = load_path(path).data
    except OSError:
        return False
    if isinstance(data, dict):
        return "version" in data and "plan" in data
    return data is None and _plan_lines(path)


def _plan_lines(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024).decode("utf-8", "replace")
    except OSError:
        return False
    keys: set[str] = set()
    for line in head.splitlines():
        if line.startswith("---") and keys:
            break  # a second document
        name, colon, _ = line.partition(":")
        name = name.strip("\ufeff \t\"'")
        if colon and name in ("version", "plan"):
            keys.add(name)
    return keys == {"version", "plan"}


def _same_file(output: Path, plan: Path) -> bool:
    if output.resolve() == plan.resolve():
        return True
    return output.exists() and os.path.samefile(output, plan)


def _emit(text: str, output: Path | None) -> None:
    """Write the whole text at once, after it is rendered (UTF-8, line ends as they are:
    the ics keeps its CRLF)."""
    if output is None:
        typer.echo(text.encode("utf-8"), nl=False)  # bytes: no newline translation
        return
    _emit_bytes(text.encode("utf-8"), output)


@export_app.command()
def ics(
    plan: PlanOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    strategic: StrategicOption = None,
    lead: LeadOption = None,
) -> None:
    """The milestones as an iCalendar file.

    All-day events for the dated milestones, to subscribe to in Outlook or Google Calendar.
    """
    from npmplan.render.exports.ics import calendar_ics

    model = _prepare(plan, output, force)
    shown = filters(model, strategic, lead)
    _emit(calendar_ics(model, shown.rows(model), shown.describe()), output)


@export_app.command()
def mermaid(
    plan: PlanOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    strategic: StrategicOption = None,
    lead: LeadOption = None,
    fence: Annotated[bool, typer.Option(
        "--fence/--no-fence", help="Wrap the chart in a ```mermaid block (for Markdown).")]
    = True,
) -> None:
    """A Mermaid Gantt chart.

    The schedules and milestones, for Markdown pages (GitHub draws it).
    """
    from npmplan.render.exports.mermaid import gantt

    model = _prepare(plan, output, force)
    shown = filters(model, strategic, lead)
    _emit(gantt(model, shown.rows(model), shown.describe(), fence=fence), output)


@export_app.command()
def html(
    plan: PlanOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    strategic: StrategicOption = None,
    lead: LeadOption = None,
    month: Annotated[str | None, typer.Option(
        "--month", "-m", metavar="YYYY-MM",
        help="The month of the due list, YYYY-MM. Default: the month of "
        "--as-of.", show_default=False)] = None,
    as_of: AsOfOption = None,
) -> None:
    """One printable HTML page.

    Self-contained, A4 landscape: the calendar, the workload chart and the due list.
    """
    from npmplan.compute.calendar import calendar_rows
    from npmplan.compute.due import due_report
    from npmplan.compute.workload import workload
    from npmplan.model.dates import Month
    from npmplan.render.exports.html import Report, page

    today: date = parse_as_of(as_of)
    chosen = parse_month_option("--month", month) or Month.of(today.year, today.month)
    model = _prepare(plan, output, force)
    shown = filters(model, strategic, lead)
    rows = shown.rows(model)
    months = model.months()
    report = Report(model, calendar_rows(months, rows),
                    workload(months, rows, model.plan.capacity),
                    due_report(chosen, rows, model.plan.period),
                    today, shown.describe())
    _emit(page(report), output)


XlsxOutputOption = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", dir_okay=False, show_default=False,
    help="Write the spreadsheet to this file, e.g. plan.xlsx.")]


@export_app.command()
def xlsx(
    plan: PlanOption = None,
    output: XlsxOutputOption = None,
    strategic: StrategicOption = None,
    lead: LeadOption = None,
    force: ForceOption = False,
    quarter: Annotated[str | None, typer.Option(
        "--quarter", "-q", metavar="N|YYYY-MM", show_default=False,
        help="The plan quarter: N, the Nth three months of the plan period (Q2 of 2026-27 "
             "is July to September 2026; not the calendar quarter that 'when: 2026-Q2' "
             "means), or a month in it (2026-08). Default: the quarter of --as-of.")] = None,
    as_of: AsOfOption = None,
) -> None:
    """A spreadsheet (Excel, LibreOffice).

    A Calendar sheet (the appendix: ids and months as text, the totals and the workload as
    numbers, A4 landscape), a Milestones sheet with filters, and a Progress sheet (the
    quarterly report's RAG ratings). Write it with -o FILE.
    """
    from npmplan.compute.calendar import calendar_report
    from npmplan.render.exports.xlsx import Sheets, workbook

    if output is None and _is_terminal():
        fail("an xlsx file is not text for a terminal: write it to a file with "
                 "-o plan.xlsx", 2)
    from npmplan.compute.quarters import nearest_quarter
    from npmplan.compute.report import quarter_report

    today = parse_as_of(as_of)
    model = _prepare(plan, output, force)
    shown = filters(model, strategic, lead)
    chosen = (nearest_quarter(model.plan.period, today) if quarter is None
              else numbered_quarter(model, quarter))
    rows = shown.rows(model)
    progress = quarter_report(model, rows, chosen, today)
    made = workbook(Sheets(model, calendar_report(model, shown, None), rows, progress))
    if made.cuts:
        cells = ", ".join(made.cuts[:5]) + (f" and {len(made.cuts) - 5} more"
                                            if len(made.cuts) > 5 else "")
        note(f"{len(made.cuts)} cell{'s' if len(made.cuts) > 1 else ''} held more than the "
             f"32,767 characters a spreadsheet cell can: cut at a word and marked \"[cut: N "
             f"characters more in the plan]\" ({cells}); the whole text is in the plan")
    _emit_bytes(made.data, output)


def _is_terminal() -> bool:
    """A binary file is never written to a terminal (the tests stand in for one here)."""
    return sys.stdout.isatty()


def _emit_bytes(data: bytes, output: Path | None) -> None:
    """Write the whole file at once, after it is rendered; without -o, the bytes go to
    standard output (a pipe or a file). A regular file is written whole or not at all
    (``write.atomic.write_file``: a full disk leaves the old file, or none); a device or a
    FIFO (/dev/null, a pipe) is written directly, as there is nothing to replace."""
    from npmplan.write.atomic import write_file

    if output is None:
        typer.echo(data, nl=False)
        return
    try:
        if _is_special(output):
            output.write_bytes(data)
        else:
            # An existing file was allowed by --force; one made since is never replaced.
            write_file(output, data, replace_existing=_is_file(output))
    except FileExistsError:
        fail(f"-o '{output}' was made by something else while the export was prepared; "
             "nothing was written: run the command again", 2)
    except OSError as exc:
        fail(f"cannot write '{output}': {(exc.strerror or str(exc)).lower()}; the file is as "
             "it was", 2)


def _is_special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


@export_app.command("json")
def json_(
    plan: PlanOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """The whole plan as JSON.

    Every date resolved to months, for other tools (docs/export-json.md).
    """
    from npmplan.compute.plan import plan_figures
    from npmplan.render.exports.plan_json import plan_document

    model = _prepare(plan, output, force)
    _emit(plan_document(plan_figures(model)), output)


@export_app.command()
def docx(
    plan: PlanOption = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False, show_default=False,
        help="Write the document to this file, e.g. plan.docx. Without it, the document "
             "goes to standard output when that is a pipe or a file.")] = None,
    strategic: StrategicOption = None,
    lead: LeadOption = None,
    force: ForceOption = False,
    as_agreed: Annotated[bool, typer.Option(
        "--as-agreed", help="The plan as agreed, for re-issuing it: no done dates, "
                            "cancellations, moves or milestones added since.")] = False,
) -> None:
    """The business plan as a Word document.

    Title, introduction, functions, context, a table per strategic objective, and Appendix
    1 (the calendar of actions, landscape). Progress recorded so far is shown; --as-agreed
    leaves it out. The same plan always gives the same bytes.
    """
    if output is None and _is_terminal():
        fail("a Word document is not for the terminal: write it to a file with "
                 "-o plan.docx (or redirect: > plan.docx)", 2)
    from npmplan.compute.calendar import calendar_report
    from npmplan.render.exports.docx import plan_docx

    model = _prepare(plan, output, force)
    shown = filters(model, strategic, lead)
    if as_agreed:  # the appendix's marks too: where each milestone was planned
        from npmplan.compute.agreed import as_agreed as agreed

        model = agreed(model)
    _emit_bytes(plan_docx(model, shown.rows(model), calendar_report(model, shown, None),
                          as_agreed), output)


# What `report -o` shares with the exports: the same refusals and the same writing. A call,
# not an alias, for the terminal check: tests stand in for a terminal by patching it.
refusal, emit_text, emit_bytes = _refusal, _emit, _emit_bytes


def is_terminal() -> bool:
    return _is_terminal()
