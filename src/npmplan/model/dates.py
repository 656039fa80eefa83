"""The plan's date forms, parsed from text into whole months.

Months are the unit of the plan. A :class:`Month` is an ``int`` (``year * 12 + month - 1``)
so that ranges, sorting and arithmetic are plain integer work.

    >>> str(parse_month("Sep 2026")), str(parse_month("2026-09"))
    ('2026-09', '2026-09')
    >>> w = parse_when("winter 2026")
    >>> (w.kind, str(w.first), str(w.last))
    ('season', '2026-12', '2027-02')
    >>> parse_month("Jul 26")
    Traceback (most recent call last):
    ...
    ValueError: 'Jul 26' is ambiguous: write 2026-07 for July 2026 (YYYY-MM)

Every ``ValueError`` message here is shown to officers as it is: it says what is wrong and
what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from dateutil.relativedelta import relativedelta

from npmplan.rules.problems import quoted

MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}  # first month; 3 months each
FORMS = ("a month (2026-09), a day (2026-09-15), a range (2026-06..2026-08), a quarter "
         "(2026-Q3), a season (summer 2026), ongoing, quarterly or tbc")
# The forms that carry no month: ``quarterly`` is once a quarter on months not yet fixed.
UNDATED = ("ongoing", "quarterly", "tbc")

# ASCII: digits are 0-9 only (a full-width "２０２６" is not a year), as in the JSON Schema.
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_NAMED = re.compile(r"([A-Za-z]+)\.?,?\s+(\d{4})", re.ASCII)
_QUARTER = re.compile(r"(\d{4})-[Qq]([1-4])", re.ASCII)
_SEASON = re.compile(r"([A-Za-z]+)\s+(\d{4})", re.ASCII)
_SHORT_YEAR = re.compile(r"([A-Za-z]+)\.?\s*'?(\d{2})", re.ASCII)
_NUMERIC = re.compile(r"(\d{1,4})\s*[/.-]\s*(\d{1,4})", re.ASCII)
_QUARTER_FIRST = re.compile(r"[Qq]([1-4])\s*(\d{4})", re.ASCII)
_UK_DAY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.ASCII)
_TO = re.compile(r"\bto\b", re.ASCII)
RANGE_SEPARATORS = ("\u2013", "\u2014", " - ", "/")


def split_range_words(text: str) -> tuple[str, str] | None:
    """``Jun to Aug 2026``, ``2026-06 – 2026-08`` → the two ends, split at the first ``to``,
    dash or slash. Found with ``str.find``, never a regular expression that backtracks: a
    value of a million spaces costs one pass, not hours."""
    found = [(text.find(sep, 1), sep) for sep in RANGE_SEPARATORS]
    if match := _TO.search(text, 1):
        found.append((match.start(), "to"))
    places = [(at, sep) for at, sep in found if at > 0]
    if not places:
        return None
    at, sep = min(places)
    left, right = text[:at].strip(), text[at + len(sep):].strip()
    return (left, right) if left and right else None


class DateError(ValueError):
    """A date that does not parse; its message says what to write instead.

    The kind of error is its class, never its wording: ``precise`` errors (a month that
    does not exist, a year out of range, a known form written another way) keep their own
    message wherever the date is used; the others give way to the message of the field.
    """

    precise = False


class NotADate(DateError):
    """Text that is no date form npmplan knows."""


class OtherForm(DateError):
    """A date written in a form people use but the plan does not (``Sep 26``, ``09/2026``,
    ``18/09/2026``, ``Q3 2026``): the message gives the plan's form."""

    precise = True


class OutOfRange(DateError):
    """A date in the right form whose year, month or day does not exist or is out of range."""

    precise = True


class ReversedRangeError(DateError):
    """A range whose end is before its start (its own rule: ``reversed-range``)."""

    precise = True


class PeriodTooLongError(DateError):
    """A plan period longer than ``MAX_PERIOD_MONTHS`` (its own rule: ``period-too-long``)."""


# A business plan covers a year, at most a few: a longer period is a typo (1900-01..2999-12),
# and every report's work grows with it.
MAX_PERIOD_MONTHS = 60


class Month(int):
    """A calendar month as an ordinal; ``str()`` gives ``YYYY-MM``."""

    __slots__ = ()

    @classmethod
    def of(cls, year: int, month: int) -> Month:
        return cls(year * 12 + month - 1)

    @property
    def year(self) -> int:
        return self // 12

    @property
    def number(self) -> int:
        return self % 12 + 1

    def shift(self, months: int) -> Month:
        return Month(self + months)

    def first_day(self) -> date:
        return date(self.year, self.number, 1)

    def short(self) -> str:
        """``Sep 26``: the calendar appendix's column heading."""
        return f"{date(2000, self.number, 1):%b} {self.year % 100:02d}"

    def long(self) -> str:
        return f"{date(2000, self.number, 1):%B} {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.number:02d}"

    def __repr__(self) -> str:
        return f"Month({self})"


def month_range(first: Month, last: Month) -> list[Month]:
    return [Month(m) for m in range(first, last + 1)]


def range_text(first: Month, last: Month) -> str:
    """``2026-07`` for one month, ``2026-07..2026-09`` for several: the file's own form."""
    return str(first) if first == last else f"{first}..{last}"


FIRST_YEAR, LAST_YEAR = 1900, 2999  # beyond these a "date" is a typo, not a plan


def _valid_month(year: int, number: int, text: str) -> Month:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutOfRange(f"'{text}' has the year {year}; write a year between {FIRST_YEAR} "
                         f"and {LAST_YEAR}")
    if not 1 <= number <= 12:
        raise OutOfRange(f"'{text}' has month {number:02d}, which does not exist; "
                         "months run from 01 to 12 (YYYY-MM)")
    return Month.of(year, number)


def parse_month(text: str) -> Month:
    """``YYYY-MM`` or an English month name and a four-digit year."""
    text = text.strip()
    if match := _ISO_MONTH.fullmatch(text):
        return _valid_month(int(match[1]), int(match[2]), text)
    if (match := _NAMED.fullmatch(text)) and match[1].lower() in MONTH_NAMES:
        return _valid_month(int(match[2]), MONTH_NAMES[match[1].lower()], text)
    raise _month_error(text)


def other_digits(text: str) -> bool:
    """Digits that are not 0-9 (٢٠٢٦, ２０２６): \\d and int() would take them."""
    return not text.isascii() and any(c.isdigit() and not c.isascii() for c in text)


def _month_error(text: str) -> DateError:
    """Say what to write for a month written another way."""
    if other_digits(text):
        return OtherForm(f"{quoted(text)} uses digits other than 0-9 (typed with another "
                         "keyboard layout?); write the date with the digits 0 to 9, e.g. "
                         "2026-09")
    if (match := _SHORT_YEAR.fullmatch(text)) and match[1].lower() in MONTH_NAMES:
        number, year = MONTH_NAMES[match[1].lower()], 2000 + int(match[2])
        return OtherForm(f"'{text}' is ambiguous: write {year}-{number:02d} for "
                         f"{Month.of(year, number).long()} (YYYY-MM)")
    if match := _NUMERIC.fullmatch(text):
        a, b = match[1], match[2]
        year, number = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
        if len(str(year)) == 4 and 1 <= number <= 12:
            return OtherForm(f"'{text}' is not in the plan's form: write {year}-{number:02d} "
                             "(YYYY-MM)")
    if text.lower() in MONTH_NAMES:
        number = MONTH_NAMES[text.lower()]
        return OtherForm(f"'{text}' has no year: write it as YYYY-MM, e.g. 2026-{number:02d}")
    return NotADate(f"{quoted(text)} is not a month: write YYYY-MM, e.g. 2026-09")


def _day_hint(text: str) -> str | None:
    """``18/09/2026`` (day first, as written in the UK) → what to write instead."""
    match = _UK_DAY.fullmatch(text)
    if not match:
        return None
    day, number, year = int(match[1]), int(match[2]), int(match[3])
    try:
        date(year, number, day)
    except ValueError:
        return None
    return f"'{text}' is not in the plan's form: write {year}-{number:02d}-{day:02d} (YYYY-MM-DD)"


def parse_day(text: str) -> date:
    text = text.strip()
    match = _ISO_DAY.fullmatch(text)
    if not match:
        hint = _day_hint(text)
        raise (OtherForm(hint) if hint else
               NotADate(f"{quoted(text)} is not a day: write YYYY-MM-DD, e.g. 2026-09-15"))
    year, number, day = int(match[1]), int(match[2]), int(match[3])
    _valid_month(year, number, text)
    try:
        return date(year, number, day)
    except ValueError:
        last = date(year, number, 1) + relativedelta(day=31)  # the month's last day
        raise OutOfRange(f"'{text}': {Month.of(year, number).long()} has no day {day}; write "
                         f"a day that exists (the last is {last.isoformat()})") from None


def parse_months(text: str) -> tuple[Month, Month]:
    """A month, or an inclusive range ``A..B`` of months with A ≤ B."""
    text = text.strip()
    if ".." not in text:
        month = _month_or_day(text)
        return month, month
    left, _, right = text.partition("..")
    first, last = _month_or_day(left), _month_or_day(right)
    days_reversed = (_ISO_DAY.fullmatch(left.strip()) and _ISO_DAY.fullmatch(right.strip())
                     and parse_day(right) < parse_day(left))
    if last < first or days_reversed:
        raise ReversedRangeError(f"the range '{text}' ends before it starts; write the "
                                 f"earlier one first: {right.strip()}..{left.strip()}")
    return first, last


def _month_or_day(text: str) -> Month:
    text = text.strip()
    if _ISO_DAY.fullmatch(text):
        day = parse_day(text)
        return Month.of(day.year, day.month)
    return parse_month(text)


WhenKind = Literal["day", "month", "range", "quarter", "season", "ongoing", "quarterly", "tbc"]


@dataclass(frozen=True, slots=True)
class When:
    """A milestone's ``when``: the text as written, and its months (None for ongoing,
    quarterly and tbc)."""

    text: str
    kind: WhenKind
    first: Month | None = None
    last: Month | None = None
    day: date | None = None

    @property
    def dated(self) -> bool:
        return self.first is not None

    def window(self) -> tuple[Month, Month] | None:
        if self.first is None or self.last is None:
            return None
        return self.first, self.last

    def __str__(self) -> str:
        return self.text


def parse_when(text: str) -> When:
    raw = text
    text = text.strip()
    lower = text.lower()
    if lower in UNDATED:
        kind: WhenKind = "ongoing" if lower == "ongoing" else (
            "quarterly" if lower == "quarterly" else "tbc")
        return When(lower, kind)
    if _ISO_DAY.fullmatch(text):
        day = parse_day(text)
        month = Month.of(day.year, day.month)
        return When(text, "day", month, month, day)
    if match := _QUARTER.fullmatch(text):
        first = _valid_month(int(match[1]), 3 * int(match[2]) - 2, text)
        return When(text, "quarter", first, first.shift(2))
    if (match := _SEASON.fullmatch(text)) and match[1].lower() in SEASONS:
        first = _valid_month(int(match[2]), SEASONS[match[1].lower()], text)
        return When(text, "season", first, first.shift(2))
    try:
        first, last = parse_months(text)
    except DateError as exc:
        raise exc if exc.precise else _when_error(raw.strip()) from None
    return When(text, "range" if ".." in text else "month", first, last)


def _when_error(text: str) -> DateError:
    """A ``when`` in no form npmplan reads: name the form meant, if one is recognisable."""
    hint = _when_hint(text)
    return OtherForm(hint) if hint else NotADate(
        f"{quoted(text)} is not a date npmplan understands; write {FORMS}")


def _when_hint(text: str) -> str | None:
    if hint := _day_hint(text):
        return hint
    if match := _QUARTER_FIRST.fullmatch(text):
        return f"'{text}' is not in the plan's form: write {match[2]}-Q{match[1]}"
    if (ends := split_range_words(text)) and ".." not in text:
        try:
            first, last = _month_or_day(ends[0]), _month_or_day(ends[1])
        except DateError:
            pass
        else:
            return f"write the range '{text}' as {first}..{last}"
        season = _SEASON.fullmatch(ends[1])
        if ends[0].lower() in MONTH_NAMES and season and season[1].lower() in MONTH_NAMES:
            year = int(season[2])
            first = Month.of(year, MONTH_NAMES[ends[0].lower()])
            last = Month.of(year, MONTH_NAMES[season[1].lower()])
            return f"write '{text}' as the range {first}..{last}"
    return None


def parse_period(text: str) -> tuple[Month, Month]:
    """The plan period: a range of months, at most ``MAX_PERIOD_MONTHS`` long."""
    if ".." not in text:
        raise NotADate(f"the period {quoted(text.strip())} must be a range of months, "
                         "e.g. 2026-04..2027-03")
    first, last = parse_months(text)
    if last - first + 1 > MAX_PERIOD_MONTHS:
        raise PeriodTooLongError(
            f"the period {range_text(first, last)} covers {last - first + 1:,} months; a plan "
            f"covers at most {MAX_PERIOD_MONTHS} months (5 years): check the years, or split "
            "it into one plan per year")
    return first, last


def parse_done_on(text: str) -> When:
    """``done_on`` is a day or a month."""
    text = text.strip()
    if _ISO_DAY.fullmatch(text) or _UK_DAY.fullmatch(text):
        return parse_when(text)
    try:
        month = parse_month(text)
    except DateError as exc:
        if exc.precise:
            raise
        raise NotADate(f"{exc} (done_on is a day, YYYY-MM-DD, or a month, YYYY-MM)") from None
    return When(text, "month", month, month)
