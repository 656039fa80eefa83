"""Every file of the site, from what ``cli/site.py`` computed: path (POSIX, from the site's
root) → bytes. Each page is laid out once, so the work grows with the plan, not with the
square of it (each objective's ratings are gathered in one pass over the reports).

    index.html  calendar.html  accessibility.html  style.css
    reports/q1.html ...        (each quarter begun by the site's day)
    objectives/1-1.html ...    (each objective)
    downloads/plan.docx plan.xlsx plan.ics plan.json
"""

from __future__ import annotations

from npmplan.render.site.calendar import calendar_page
from npmplan.render.site.data import SiteData, slugs
from npmplan.render.site.home import home
from npmplan.render.site.layout import DOWNLOADS, Page, layout
from npmplan.render.site.objective import objective_page
from npmplan.render.site.quarter import quarter_page
from npmplan.render.site.statement import statement
from npmplan.render.site.style import CSS

HOME = (("index.html", "Home"),)


def site_files(data: SiteData) -> dict[str, bytes]:
    """The whole site; ``data.downloads`` must hold every file ``DOWNLOADS`` names."""
    missing = [name for name, _ in DOWNLOADS if name not in data.downloads]
    if missing:
        raise ValueError(f"downloads missing: {missing}")  # a bug in the caller, never input
    files = {page.path: layout(data.plan, page).encode("utf-8") for page in pages(data)}
    files["style.css"] = CSS.encode("utf-8")
    files.update({f"downloads/{name}": data.downloads[name] for name, _ in DOWNLOADS})
    return files


def pages(data: SiteData) -> list[Page]:
    """Every page, home first, in the order the home page lists them."""
    named = slugs([objective.id for _, objective in data.plan.objectives()])
    rows = {row.objective.id: row for row in data.calendar.rows}
    ratings = data.ratings()
    found = [Page("index.html", "Home", (), home(data, named)),
             Page("calendar.html", "Calendar of actions", HOME,
                  calendar_page(data.calendar, named))]
    found += [Page(f"reports/q{report.quarter.number}.html", report.quarter.words, HOME,
                   quarter_page(report, named)) for report in data.quarters]
    found += [Page(f"objectives/{named[show.objective.id]}.html",
                   f"{show.objective.id} {show.objective.title}", HOME,
                   objective_page(show, rows.get(show.objective.id),
                                  ratings.get(show.objective.id, [])))
              for show in data.shows]
    found.append(Page("accessibility.html", "Accessibility statement", HOME,
                      statement(data.plan, data.as_of)))
    return found
