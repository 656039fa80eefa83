"""What the site shows, computed by ``cli/site.py``: the pages only lay it out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from npmplan.compute.calendar import Calendar
from npmplan.compute.due import DueReport
from npmplan.compute.report import ObjectiveReport, QuarterReport
from npmplan.compute.show import Show
from npmplan.model.plan import Plan


@dataclass(frozen=True, slots=True)
class SiteData:
    plan: Plan  # the plan as read
    as_of: date
    calendar: Calendar  # the whole appendix, this month marked
    due: DueReport  # this month's stand-up, as ``npmplan due`` computes it
    quarters: list[QuarterReport]  # each quarter begun by ``as_of``, in order
    shows: list[Show]  # each objective as of ``as_of``, in plan order
    downloads: dict[str, bytes] = field(default_factory=dict)  # file name -> bytes

    def ratings(self) -> dict[str, list[tuple[QuarterReport, ObjectiveReport]]]:
        """Each objective's entry in each quarterly report, by objective id, in one pass
        (a quarter an objective is not in is left out)."""
        found: dict[str, list[tuple[QuarterReport, ObjectiveReport]]] = {}
        for report in self.quarters:
            for entry in report.objectives:
                found.setdefault(entry.objective.id, []).append((report, entry))
        return found


def slugs(ids: list[str]) -> dict[str, str]:
    """A file name for each objective id (``1.1`` -> ``1-1``), unique and safe on any
    host: letters, digits and hyphens only."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for number, ident in enumerate(ids, start=1):
        base = re.sub(r"[^a-z0-9]+", "-", ident.lower()).strip("-") or f"objective-{number}"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[ident] = slug
    return out
