"""Year-bound text: what ``npmplan new`` carries over that names a year of the old period
("In 2026 the NPM is in a period of transition", "Communications Plan 2026-27"), to be
pointed out for review: listed in the summary and marked by a comment in the file.

A year of the old period is named by itself (2026, 2027, not 12026 nor 2026-05-01's
day), with a span after it (2026-27, 2026/27, 2026–27, 2026-2027), or as a short span
(26/27, 26-27).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from npmplan.model.dates import Month


@dataclass(frozen=True, slots=True)
class YearText:
    """One carried text that names the old period's years: where, which field, and the
    names themselves as written."""

    where: str  # "plan", "team jk", "strategic objective 1", "objective 5.2"
    field: str  # "title", "rationale", "outcomes 2", "milestone 3 what"
    names: tuple[str, ...]

    def line(self) -> str:
        return f"{self.where}, {self.field}: names {', '.join(self.names)}"


def year_pattern(period: tuple[Month, Month]) -> re.Pattern[str]:
    """What names a year of ``period``: each of its years, a span after it, a short span."""
    years = sorted({period[0].year, period[1].year})
    long = "|".join(str(year) for year in years)
    short = "|".join(f"{a % 100:02d}\\s*[-/\u2013]\\s*{b % 100:02d}"
                     for a, b in itertools.pairwise(years))
    spans = rf"(?:{long})(?:\s*[-/\u2013]\s*(?:\d{{4}}|\d{{2}}))?"
    body = f"{spans}|{short}" if short else spans
    return re.compile(rf"(?<![\d])(?:{body})(?![\d])")


_SPAN_END = re.compile(r"(\d{4})\s*[-/\u2013]\s*(\d{4}|\d{2})$")


class Reviews:
    """The findings of one ``new``, in the order the file has them."""

    def __init__(self, period: tuple[Month, Month]) -> None:
        self.pattern = year_pattern(period)
        self.last_year = period[1].year
        self.found: list[YearText] = []

    def check(self, where: str, field: str, text: str) -> str | None:
        """The comment to write above a text that names the old years (and the finding
        kept); None for any other text."""
        names = tuple(dict.fromkeys(m.group().strip() for m in self.pattern.finditer(text)
                                    if not self._later(m.group())))
        if not names:
            return None
        self.found.append(YearText(where, field, names))
        return f"Review: names {', '.join(names)} (last year's text); update it or keep it."

    def _later(self, name: str) -> bool:
        """A span that ends after the old period's last year ("2027-28" from a 2026-27
        plan) names the new year, not the old one: the new title's own."""
        match = _SPAN_END.match(name)
        if match is None:
            return False
        start, end = match.groups()
        last = int(end) if len(end) == 4 else int(start) // 100 * 100 + int(end)
        return last > self.last_year
