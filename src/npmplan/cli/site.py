"""``npmplan site``: the plan as a static website, to publish anywhere (GitHub Pages, any web
server, a shared folder): a home page with this month's stand-up, the calendar, a page per
quarterly report and per objective, an accessibility statement, and the exports as
downloads. Self-contained: no script, nothing fetched from another site.

    npmplan site -o public
    npmplan site -o public --as-of 2026-12-05

Every figure is computed as the other commands compute it: the stand-up as ``due`` does,
each quarter's report as ``report --quarter N`` does (as it stood on the quarter's last day,
the current one as of ``--as-of``), each objective as ``show`` does, the downloads by the
exports' own renderers. The same plan and ``--as-of`` always give the same bytes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from npmplan.cli.dates import parse_as_of
from npmplan.cli.messages import fail
from npmplan.cli.options import PlanOption, StoodAsOfOption
from npmplan.cli.plans import load_resolved, resolve_plan

if TYPE_CHECKING:
    from npmplan.cli.past import Stood
    from npmplan.compute.report import QuarterReport
    from npmplan.compute.schedule import Filters
    from npmplan.compute.show import Show
    from npmplan.model.dates import Month
    from npmplan.model.plan import Plan
    from npmplan.render.site.data import SiteData


def site(
    output: Annotated[Path, typer.Option(
        "--output", "-o", metavar="DIR", file_okay=False, show_default=False,
        help="The folder to write the site to, e.g. public. It is replaced whole, so it must "
             "be new, empty, or a site npmplan made before (else --force).")],
    as_of: StoodAsOfOption = None,
    plan: PlanOption = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace -o DIR even if npmplan did not make it (never a folder "
                        "that holds the plan, the folder you are in, your home folder or a "
                        "git repository).")] = False,
) -> None:
    """The plan as a website, to publish on any web host.

    A home page (headline figures and this month's stand-up), the calendar with the
    workload chart, a quarterly report for each quarter begun (as it stood on the quarter's
    last day; the current one as of --as-of), a page per objective, an accessibility
    statement, and the plan as docx, xlsx, ics and JSON to download. No JavaScript, nothing
    from another site; the same plan and --as-of give the same bytes.
    """
    from npmplan.render.site.build import site_files
    from npmplan.write.folder import refusal, replace_folder

    today = parse_as_of(as_of)
    path = resolve_plan(plan)
    if refused := refusal(output, path, force):
        fail(refused, 2)
    files = site_files(site_data(load_resolved(path), path, today))
    try:
        replace_folder(output, files, f"npmplan site, as of {today}\n")
    except OSError as exc:
        fail(f"cannot write the site to '{output}': {(exc.strerror or str(exc)).lower()}; "
             "nothing was changed there", 2)
    pages = sum(name.endswith(".html") for name in files)
    typer.echo(f"Wrote the site to {output}: {pages} pages and "
               f"{sum(name.startswith('downloads/') for name in files)} downloads, as of "
               f"{today:%-d %B %Y}. Open {output / 'index.html'} in a browser.")


def site_data(model: Plan, path: Path, today: date) -> SiteData:
    """What every page shows, computed once."""
    from npmplan.cli.filters import filters
    from npmplan.cli.past import as_it_stood
    from npmplan.compute.calendar import calendar_report
    from npmplan.compute.due import due_report
    from npmplan.model.dates import Month
    from npmplan.render.site.data import SiteData

    shown = filters(model)
    stood = as_it_stood(model, path, today)
    month = Month.of(today.year, today.month)
    rows = shown.rows(stood.plan)
    reports = _reports(model, path, shown, today)
    data = SiteData(
        plan=model, as_of=today,
        calendar=calendar_report(stood.plan, shown, month),
        due=due_report(month, rows, model.plan.period, model.plan.title, shown.describe()),
        quarters=reports, shows=_shows(model, stood, month))
    data.downloads.update(_downloads(stood.plan, shown, reports[-1] if reports else None))
    return data


def _reports(model: Plan, path: Path, shown: Filters, today: date) -> list[QuarterReport]:
    """Each quarter begun by ``today``, as ``report --quarter N --as-of today`` makes it:
    its trend compares with the report before it, made once, here, not again."""
    from npmplan.cli.report import stood_report
    from npmplan.compute.quarters import quarters

    made: list[QuarterReport] = []
    for quarter in quarters(model.plan.period):
        if quarter.first_day > today:
            break
        previous = ({entry.objective.id: entry.rag for entry in made[-1].objectives}
                    if made else None)
        made.append(stood_report(model, path, shown, quarter, today, previous))
    return made


def _shows(model: Plan, stood: Stood, month: Month) -> list[Show]:
    """Each objective as ``show ID --as-of`` shows it: its milestones as they stood, each
    with its number now."""
    from npmplan.compute.record import numbered_as_of
    from npmplan.compute.show import show_report

    return [show_report(model, so, objective, month,
                        numbered_as_of(objective, stood.day, stood.history)
                        if stood.past else None)
            for so, objective in model.objectives()]


def _downloads(model: Plan, shown: Filters, progress: QuarterReport | None
               ) -> dict[str, bytes]:
    """The exports, made by their own renderers (as ``npmplan export`` makes them)."""
    from npmplan.compute.calendar import calendar_report
    from npmplan.compute.plan import plan_figures
    from npmplan.render.exports.docx import plan_docx
    from npmplan.render.exports.ics import calendar_ics
    from npmplan.render.exports.plan_json import plan_document
    from npmplan.render.exports.xlsx import Sheets, workbook

    rows = shown.rows(model)
    view = calendar_report(model, shown, None)
    return {"plan.docx": plan_docx(model, rows, view),
            "plan.xlsx": workbook(Sheets(model, view, rows, progress)).data,
            "plan.ics": calendar_ics(model, rows, shown.describe()).encode("utf-8"),
            "plan.json": plan_document(plan_figures(model)).encode("utf-8")}
