"""What the returns tests share: the shipped plan given leads, a return filled in as a lead
would with openpyxl, and the plan's data compared before and after an import."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from conftest import Run

LEADS = ("mk", "jk", "ck", "sr")
FIRST = 4  # the first data row of a sheet (a title, a line of help, the header)


def give_leads(run: Run, plan: Path) -> dict[str, str]:
    """Every objective of ``plan`` led by one of the team, in turn: objective → lead."""
    data = export(run, plan)
    ids = [o["id"] for so in data["strategic_objectives"] for o in so["objectives"]]
    leads = {oid: LEADS[i % len(LEADS)] for i, oid in enumerate(ids)}
    for oid, lead in leads.items():
        outcome = run("lead", oid, lead, "--plan", plan)
        assert outcome.exit_code == 0, outcome.output
    return leads


def export(run: Run, plan: Path) -> dict[str, Any]:
    outcome = run("export", "json", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    data: dict[str, Any] = json.loads(outcome.stdout)
    return data


def objectives(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for so in data["strategic_objectives"] for o in so["objectives"]}


@dataclass
class Filling:
    """What a script wrote into a return: (objective, milestone text, its When, column,
    value) per row."""

    rows: list[tuple[str, str, str, str, Any]] = field(default_factory=list)
    commented: list[str] = field(default_factory=list)


def state_of(milestone: dict[str, Any], when: str) -> dict[str, Any]:
    """The exported milestone's state, or its meeting's record for ``when`` (a series)."""
    if not milestone["occurrences"]:
        return milestone
    return next(r for r in milestone["occurrence_records"] if r["month"] == when)


def open_rows(sheet: Any) -> list[int]:
    """The Milestones rows whose milestone is planned (its Status does not say done or
    cancelled), and not a meeting of a series (one row per milestone, for simple checks)."""
    out, seen = [], set()
    for row in range(FIRST, sheet.max_row + 1):
        status = str(sheet.cell(row, 4).value or "")
        key = (sheet.cell(row, 1).value, sheet.cell(row, 2).value)
        if status and not status.startswith(("done", "cancelled")) and key not in seen:
            seen.add(key)
            out.append(row)
    return out


def fill(source: Path, target: Path, done_on: datetime.date) -> Filling:
    """A return filled in: a done date, a move, a cancellation with a note (as far as it
    has open rows), and the first objective's proposed rating, commentary and next steps."""
    book = openpyxl.load_workbook(source)
    sheet, filling = book["Milestones"], Filling()
    rows = open_rows(sheet)
    actions: list[tuple[str, Any]] = [
        ("E", datetime.datetime(done_on.year, done_on.month, done_on.day)),
        ("F", "2027-02"), ("G", "cancel")]
    for row, (column, value) in zip(rows, actions, strict=False):
        sheet[f"{column}{row}"] = value
        if column == "G":
            sheet[f"H{row}"] = "Not needed this year"
        filling.rows.append((sheet.cell(row, 1).value, sheet.cell(row, 2).value,
                             sheet.cell(row, 3).value, column, value))
    objectives_sheet = book["Objectives"]
    if objectives_sheet.max_row >= FIRST:
        objectives_sheet[f"D{FIRST}"] = "amber"
        objectives_sheet[f"E{FIRST}"] = "Work under way; one milestone moved"
        objectives_sheet[f"F{FIRST}"] = "Agree the new dates"
        filling.commented.append(str(objectives_sheet[f"A{FIRST}"].value))
    book.save(target)
    return filling


def through_libreoffice(source: Path, folder: Path) -> Path:
    """``source`` opened and saved again by LibreOffice Calc, as an officer's would be."""
    folder.mkdir(exist_ok=True)
    soffice = shutil.which("soffice")
    assert soffice is not None
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
                    "--convert-to", "xlsx", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    saved = folder / source.name
    assert saved.exists()
    return saved
