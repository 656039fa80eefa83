"""Reading a filled-in return (``npmplan return``'s workbook) for ``npmplan import``.

Every filled cell is checked here, before anything is compared with the plan: a cell that
is wrong is one message, ``FILE, Sheet!E7: what is wrong; what to write``, and every bad
cell of every file is listed at once. A file that is not a return (another workbook, a
CSV renamed, a damaged or huge zip, a sheet renamed) is one ``ReturnError``.

The file is bounded before openpyxl opens it (its size, and the zip's entries and their
sizes: a zip bomb is refused unread), and read in openpyxl's read-only mode, one pass over
each sheet. openpyxl is imported here, and this module only by ``npmplan import``.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from npmplan.compute.returns import (
    HEADER_ROW,
    IDENTITY,
    IDENTITY_ROW,
    MARK,
    MILESTONE_HEADERS,
    OBJECTIVE_HEADERS,
    PROPOSED,
    row_print,
)
from npmplan.model.dates import Month, parse_month
from npmplan.text import one_line, shown

MAX_FILE = 20 * 1024 * 1024  # a return is some 12 KB; 20 MB is no return
MAX_UNZIPPED = 10 * 1024 * 1024  # what the zip's entries may hold, unpacked (a return: 60 KB)
MAX_ENTRIES = 200  # a return has about 15
MAX_ROWS = 20_000  # rows read from a sheet


class ReturnError(Exception):
    """A file that is not a return npmplan can read, in words."""


@dataclass(frozen=True, slots=True)
class Fill:
    """A milestone row the lead filled in, and which milestone it is."""

    cell: str  # "FILE, Milestones!E7": where it is, for messages
    objective: str
    position: int
    occurrence: Month | None
    print: str
    when: str
    state: str
    done_on: date | None = None
    move_to: Month | None = None
    cancel: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    """An objective's row the lead filled in."""

    cell: str
    objective: str
    rag: str | None
    text: str | None
    next: str | None


@dataclass(slots=True)
class Filled:
    """One return, read: who it is from, for which quarter, and what was filled in."""

    file: str
    plan_title: str
    plan_year: str
    lead: str
    quarter: int
    stood_on: date  # the milestones as they stood at the end of this day
    made_on: date  # the day the return was made
    fills: list[Fill] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_return(path: Path, period: tuple[Month, Month], today: date) -> Filled:
    """The return at ``path`` with its filled cells checked (``errors``), or ReturnError."""
    name = shown(path.name)
    _bounded(path, name)
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file it cannot read
        raise ReturnError(f"{name} cannot be read as a workbook ({type(exc).__name__}: "
                          f"{shown(str(exc))[:120]}); is it the return as it was sent?"
                          ) from None
    try:
        return _read(book, name, period, today)
    finally:
        book.close()


def _bounded(path: Path, name: str) -> None:
    size = path.stat().st_size
    if size > MAX_FILE:
        raise ReturnError(f"{name} is {size / 2**20:,.0f} MB; a return is a few kilobytes: is "
                          "it the return npmplan made?")
    if not zipfile.is_zipfile(path):
        raise ReturnError(f"{name} is not an Excel workbook (.xlsx); save the return as an "
                          "Excel workbook, not CSV or another format")
    try:
        with zipfile.ZipFile(path) as packed:
            entries = packed.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReturnError(f"{name} is a damaged workbook ({exc})") from None
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNZIPPED:
        raise ReturnError(f"{name} holds far more than a return does ({len(entries)} parts, "
                          f"{sum(e.file_size for e in entries) / 2**20:,.0f} MB unpacked); "
                          "is it the return npmplan made?")


def _read(book: Any, name: str, period: tuple[Month, Month], today: date) -> Filled:
    sheets = list(book.sheetnames)
    if IDENTITY not in sheets:
        raise ReturnError(f"{name} is not an npmplan return (it has no hidden '{IDENTITY}' "
                          f"sheet; its sheets are {', '.join(map(shown, sheets))}). Make the "
                          "returns with npmplan return")
    rows = _rows(book[IDENTITY])
    meta = [_text(rows.get(i + 1, ())) for i in range(8)]
    if meta[0] != MARK or meta[1] != "1":
        raise ReturnError(f"{name} is not a return this npmplan reads (its {IDENTITY} sheet "
                          "is not one npmplan wrote); make the returns again")
    for sheet in ("Milestones", "Objectives"):
        if sheet not in sheets:
            raise ReturnError(f"{name} has no sheet named '{sheet}' (its sheets are "
                              f"{', '.join(map(shown, sheets))}): give it back its name, or "
                              "make the return again")
    try:
        filled = Filled(name, meta[2], meta[3], meta[4], int(meta[5]),
                        date.fromisoformat(meta[6]), date.fromisoformat(meta[7]))
    except ValueError:
        raise ReturnError(f"{name}: its {IDENTITY} sheet is damaged; make the return again"
                          ) from None
    milestones, objectives = _rows(book["Milestones"]), _rows(book["Objectives"])
    _headers(filled, "Milestones", milestones, MILESTONE_HEADERS)
    _headers(filled, "Objectives", objectives, OBJECTIVE_HEADERS)
    for number in range(IDENTITY_ROW + 2, max(rows, default=0) + 1):
        ident = [_text((cell,)) for cell in rows.get(number, ())[:9]] + [""] * 9
        if ident[0] == "Milestones":
            _milestone(filled, ident, milestones, period, today)
        elif ident[0] == "Objectives":
            _objective(filled, ident, objectives)
    return filled


def _rows(sheet: Any) -> dict[int, tuple[Any, ...]]:
    """The sheet's cells by row number (1-based), read once, at most MAX_ROWS rows."""
    out: dict[int, tuple[Any, ...]] = {}
    for number, row in enumerate(sheet.iter_rows(max_row=MAX_ROWS, max_col=12), 1):
        out[number] = tuple(row)
    return out


def _same_row(cells: tuple[Any, ...], count: int, shown: str) -> bool:
    """Are the row's first ``count`` cells (locked) those the return was made with?"""
    values = tuple("" if (v := getattr(c, "value", None)) is None else str(v)
                   for c in cells[:count])
    return len(values) == count and row_print(values) == shown


def _text(cells: tuple[Any, ...]) -> str:
    value = cells[0].value if cells else None
    return "" if value is None else str(value).strip()


def _headers(filled: Filled, sheet: str, rows: dict[int, tuple[Any, ...]],
             headers: tuple[str, ...]) -> None:
    found = tuple(_value(cell) for cell in rows.get(HEADER_ROW + 1, ())[:len(headers)])
    if found != headers:
        raise ReturnError(f"{filled.file}, {sheet}!A{HEADER_ROW + 1}: the header row is not "
                          f"the return's ({', '.join(headers)}): were columns added, moved or "
                          "renamed? Make the return again")


def _value(cell: Any) -> Any:
    value = getattr(cell, "value", None)
    return value.strip() if isinstance(value, str) else value


def _where(filled: Filled, sheet: str, column: str, row: int) -> str:
    return f"{filled.file}, {sheet}!{column}{row}"


def _cells(filled: Filled, sheet: str, row: int, cells: tuple[Any, ...],
           columns: str) -> dict[str, Any] | None:
    """The values of ``columns`` (letters) in ``row``; None, with an error each, where
    one holds a formula (its value is what a return must hold)."""
    out: dict[str, Any] = {}
    for letter in columns:
        cell = cells[ord(letter) - 65] if len(cells) > ord(letter) - 65 else None
        if getattr(cell, "data_type", None) == "f":
            filled.errors.append(f"{_where(filled, sheet, letter, row)}: a formula; write the "
                                 "value itself")
            return None
        value = _value(cell)
        out[letter] = None if value == "" else value
    return out


def _filled_row(filled: Filled, sheet: str, ident: list[str], rows: dict[int, tuple[Any, ...]],
                locked: int, columns: str) -> tuple[int, dict[str, Any]] | None:
    """The row ``ident`` names, and the values of its ``columns``; None (with an error) where
    its first ``locked`` cells are not those the return was made with, or a cell holds a
    formula."""
    row = int(ident[1]) if ident[1].isdigit() else 0
    cells = rows.get(row, ())
    if not _same_row(cells, locked, ident[8]):
        filled.errors.append(f"{_where(filled, sheet, 'A', row)}: this row is not the one the "
                             f"return was made with (objective {ident[2]}): were rows sorted, "
                             "moved or deleted? Make the return again")
        return None
    values = _cells(filled, sheet, row, cells, columns)
    return None if values is None else (row, values)


def _milestone(filled: Filled, ident: list[str], rows: dict[int, tuple[Any, ...]],
               period: tuple[Month, Month], today: date) -> None:
    found = _filled_row(filled, "Milestones", ident, rows, 3, "EFGH")
    if found is None:
        return
    row, values = found
    errors = len(filled.errors)
    done_on = _day(filled, _where(filled, "Milestones", "E", row), values["E"], today)
    move_to = _month(filled, _where(filled, "Milestones", "F", row), values["F"], period)
    cancel = _cancel(filled, _where(filled, "Milestones", "G", row), values["G"])
    note = _prose(filled, _where(filled, "Milestones", "H", row), values["H"])
    given = [name for name, value in (("Done on", done_on), ("Move to", move_to),
                                      ("Cancel", cancel or None)) if value is not None]
    if len(given) > 1:
        filled.errors.append(f"{_where(filled, 'Milestones', 'E', row)}: {' and '.join(given)} "
                             "are both filled in; keep one (done, moved or cancelled)")
    if len(filled.errors) > errors or not (given or note):
        return
    try:
        position, occurrence = int(ident[3]), parse_month(ident[4]) if ident[4] else None
    except ValueError:
        filled.errors.append(f"{filled.file}: its {IDENTITY} sheet is damaged (row {row}); "
                             "make the return again")
        return
    filled.fills.append(Fill(_where(filled, "Milestones", "E", row), ident[2], position,
                             occurrence, ident[5], ident[6], ident[7], done_on, move_to,
                             cancel, note))


def _objective(filled: Filled, ident: list[str], rows: dict[int, tuple[Any, ...]]) -> None:
    found = _filled_row(filled, "Objectives", ident, rows, 2, "DEF")
    if found is None:
        return
    row, values = found
    errors = len(filled.errors)
    rag = values["D"]
    if rag is not None and str(rag).strip().lower() not in PROPOSED:
        filled.errors.append(f"{_where(filled, 'Objectives', 'D', row)}: "
                             f"{_quoted(rag)} is not a rating; choose green, amber, red or "
                             "complete, or leave it blank")
    text = _prose(filled, _where(filled, "Objectives", "E", row), values["E"])
    steps = _prose(filled, _where(filled, "Objectives", "F", row), values["F"])
    if text is None and (rag is not None or steps is not None):
        filled.errors.append(f"{_where(filled, 'Objectives', 'E', row)}: the Commentary is "
                             "empty; write a word on progress to go with the "
                             f"{'proposed rating' if rag is not None else 'next steps'}")
    if len(filled.errors) == errors and text is not None:
        filled.proposals.append(Proposal(_where(filled, "Objectives", "E", row), ident[2],
                                         str(rag).strip().lower() if rag else None, text,
                                         steps))


def _quoted(value: object) -> str:
    text = one_line(str(value))
    return f"'{shown(text[:60])}{'…' if len(text) > 60 else ''}'"


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _day(filled: Filled, where: str, value: Any, today: date) -> date | None:
    """Done on: a date cell, or a date typed as text (14/08/2026 or 2026-08-14)."""
    if value is None:
        return None
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str):
        dmy = _DMY.fullmatch(value)
        try:
            day = (date(int(dmy[3]), int(dmy[2]), int(dmy[1])) if dmy
                   else date.fromisoformat(value) if len(value) == 10 else None)
        except ValueError:
            day = None
    if day is None:
        filled.errors.append(f"{where}: {_quoted(value)} is not a date; write the day it was "
                             "done as a date, e.g. 14/08/2026")
    elif day > today:
        filled.errors.append(f"{where}: {day:%-d %B %Y} is after today ({today:%-d %B %Y}); "
                             "write the day it was done, today or before")
        day = None
    return day


def _month(filled: Filled, where: str, value: Any,
           period: tuple[Month, Month]) -> Month | None:
    """Move to: a month as text, YYYY-MM, not before the plan."""
    if value is None:
        return None
    text = value if isinstance(value, str) else ""
    month = parse_month(text) if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text) else None
    if month is None:
        hint = (" (the spreadsheet made it a date: type an apostrophe first, '2027-01)"
                if isinstance(value, (date, datetime)) else "")
        filled.errors.append(f"{where}: {_quoted(value)} is not a month as YYYY-MM; write "
                             f"the month it moves to, e.g. 2027-01{hint}")
    elif month < period[0]:
        filled.errors.append(f"{where}: {month.long()} is before the plan, which starts in "
                             f"{period[0].long()}; write a month from {period[0]} on")
        month = None
    return month


def _cancel(filled: Filled, where: str, value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str) and value.lower() == "cancel":
        return True
    filled.errors.append(f"{where}: {_quoted(value)} in Cancel; choose 'cancel' from the "
                         "list, or leave it blank")
    return False


def _prose(filled: Filled, where: str, value: Any) -> str | None:
    """Text for the plan (a note, commentary): no invisible control characters."""
    from npmplan.read.loader import CONTROL

    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        value = value.isoformat()[:10]
    text = re.sub(r"\r\n?", "\n", str(value)).strip()
    bad = CONTROL.search(text) or re.search("[\ud800-\udfff\u0085]", text)
    if bad:
        filled.errors.append(f"{where}: the text holds an invisible control character "
                             f"(U+{ord(bad.group()):04X}), perhaps pasted with it; type it "
                             "again without it")
        return None
    return text or None
