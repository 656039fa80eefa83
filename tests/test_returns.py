"""``npmplan return`` and ``npmplan import``: a workbook per lead, filled in a spreadsheet
(here by openpyxl, and saved again by LibreOffice where it is installed), read back as one
checked, dated change. Today is pinned, so that these hold on any day."""

from __future__ import annotations

import datetime
import difflib
import hashlib
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import Run
from returns_helpers import (
    FIRST,
    LEADS,
    export,
    fill,
    give_leads,
    objectives,
    state_of,
    through_libreoffice,
)

from npmplan.cli import dates

TODAY = datetime.date(2026, 12, 5)
DONE_ON = datetime.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: TODAY)


@pytest.fixture
def led(run: Run, plan: Path) -> Path:
    give_leads(run, plan)
    return plan


def state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def make_returns(run: Run, plan: Path, folder: Path, *args: str) -> list[Path]:
    outcome = run("return", "--out-dir", folder, "--plan", plan, *args)
    assert outcome.exit_code == 0, outcome.output
    return sorted(folder.glob("return-*.xlsx"))


def changed_milestones(before: dict[str, Any], after: dict[str, Any]
                       ) -> set[tuple[str, str]]:
    old, new = objectives(before), objectives(after)
    return {(oid, m["what"]) for oid, obj in new.items()
            for m, was in zip(obj["milestones"], old[oid]["milestones"], strict=True)
            if m != was}


# --- the workbook -------------------------------------------------------------------------


def test_a_return_has_the_sheets_headers_and_cells_the_lead_fills(run: Run, led: Path,
                                                                  tmp_path: Path) -> None:
    made = make_returns(run, led, tmp_path / "out")
    assert [p.name for p in made] == sorted(f"return-2026-27-Q3-{lead}.xlsx" for lead in LEADS)
    book = openpyxl.load_workbook(made[0])
    assert book.sheetnames == ["Instructions", "Milestones", "Objectives", "Identity"]
    assert book["Identity"].sheet_state == "veryHidden"
    milestones, goals = book["Milestones"], book["Objectives"]
    assert [c.value for c in milestones[FIRST - 1]] == [
        "Objective", "Milestone", "When", "Status", "Done on", "Move to", "Cancel", "Note"]
    assert [c.value for c in goals[FIRST - 1]] == [
        "Objective", "Title", "Computed RAG", "Proposed RAG", "Commentary", "Next steps"]
    assert milestones.protection.sheet and goals.protection.sheet
    row = milestones[FIRST]
    assert [c.protection.locked for c in row] == [True] * 4 + [False] * 4
    assert row[4].number_format == "dd/mm/yyyy" and row[5].number_format == "@"
    assert {c.font.sz for c in row} == {12}
    kinds = {v.type for v in milestones.data_validations.dataValidation}
    assert kinds == {"date", "custom", "list"}
    assert not milestones.merged_cells.ranges
    words = " ".join(str(c.value) for c in book["Instructions"]["A"] if c.value)
    assert "Q3, October to December 2026" in words and "Made on: 5 December 2026" in words


def test_every_lead_s_return_filled_saved_and_imported_changes_exactly_those_rows(
        run: Run, led: Path, tmp_path: Path) -> None:
    made = make_returns(run, led, tmp_path / "out")
    filled, fillings = [], []
    for path in made:
        target = tmp_path / "filled" / path.name
        target.parent.mkdir(exist_ok=True)
        fillings.append(fill(path, target, DONE_ON))
        filled.append(target)
    before, text_before = export(run, led), led.read_text(encoding="utf-8")
    shown = run("import", *filled, "--plan", led, "--dry-run")
    assert shown.exit_code == 0, shown.output
    assert "--- a/" in shown.stdout and led.read_text(encoding="utf-8") == text_before
    outcome = run("import", *filled, "--plan", led)
    assert outcome.exit_code == 0, outcome.output
    after = export(run, led)
    asked = {(oid, what) for f in fillings for oid, what, _, _, _ in f.rows}
    assert changed_milestones(before, after) == asked
    removed = [line for line in difflib.unified_diff(
        text_before.splitlines(), led.read_text(encoding="utf-8").splitlines(), n=0,
        lineterm="") if line.startswith("-") and not line.startswith("---")]
    # git diff shows only those milestones' lines: each line taken out is one of them
    assert removed and all(any(what in line for _, what in asked) for line in removed)
    new = objectives(after)
    for f in fillings:
        for oid, what, when, column, value in f.rows:
            milestone = next(m for m in new[oid]["milestones"] if m["what"] == what)
            key, expected = {"E": ("done_on", DONE_ON.isoformat()), "F": ("moved_to", value),
                             "G": ("cancelled_on", TODAY.isoformat())}[column]
            assert state_of(milestone, when)[key] == expected
    commented = {oid for f in fillings for oid in f.commented}
    assert {oid for oid, o in new.items() if o.get("commentary")} == commented
    assert run("validate", led).exit_code == 0
    again = run("import", *filled, "--plan", led)
    assert again.exit_code == 0 and "Nothing to change" in again.stdout


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed; .ci/run installs "
                           "libreoffice-calc-nogui")
def test_a_return_saved_by_libreoffice_imports_as_the_original(run: Run, led: Path,
                                                               tmp_path: Path) -> None:
    made = make_returns(run, led, tmp_path / "out")[1]
    original = tmp_path / "filled" / made.name
    original.parent.mkdir()
    fill(made, original, DONE_ON)
    saved = through_libreoffice(original, tmp_path / "lo")
    twin = led.with_name("twin.yaml")
    shutil.copy(led, twin)
    assert run("import", original, "--plan", led).exit_code == 0
    outcome = run("import", saved, "--plan", twin)
    assert outcome.exit_code == 0, outcome.output
    assert twin.read_bytes() == led.read_bytes()


# --- bad cells, stale returns, files that are not returns -----------------------------------


def jk_return(run: Run, plan: Path, folder: Path) -> Path:
    outcome = run("return", "--lead", "jk", "-o", folder / "jk.xlsx", "--plan", plan)
    assert outcome.exit_code == 0, outcome.output
    return folder / "jk.xlsx"


def test_bad_cells_are_each_named_with_sheet_and_cell_and_nothing_is_written(
        run: Run, led: Path, tmp_path: Path) -> None:
    path = jk_return(run, led, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Milestones"]
    bad = {"E4": "next Tuesday", "F5": "Feb 2027", "G6": "yes", "F7": "2025-01",
           "E8": datetime.datetime(2027, 1, 10)}
    for cell, value in bad.items():
        sheet[cell] = value
    sheet["E9"], sheet["G9"] = datetime.datetime(2026, 11, 2), "cancel"
    sheet["H10"] = "right to left \u202e here"
    sheet["E11"] = "=TODAY()"
    book["Objectives"]["D4"] = "purple"
    book["Objectives"]["E4"] = "Fine"
    book.save(path)
    before = state(led)
    outcome = run("import", path, "--plan", led)
    assert outcome.exit_code == 1
    for cell in ("Milestones!E4", "Milestones!F5", "Milestones!G6", "Milestones!F7",
                 "Milestones!E8", "Milestones!E9", "Milestones!H10", "Milestones!E11",
                 "Objectives!D4"):
        assert f"jk.xlsx, {cell}: " in outcome.stderr, cell
    assert "is not a date" in outcome.stderr and "before the plan" in outcome.stderr
    assert "after today" in outcome.stderr and "a formula" in outcome.stderr
    assert state(led) == before


def test_a_stale_return_reports_its_conflicts_and_partial_applies_the_rest(
        run: Run, led: Path, tmp_path: Path) -> None:
    path = jk_return(run, led, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Milestones"]
    first, second = FIRST, FIRST + 1
    objective, what = sheet[f"A{first}"].value, str(sheet[f"B{first}"].value)
    sheet[f"F{first}"] = "2027-03"
    sheet[f"G{second}"] = "cancel"
    book.save(path)
    done = run("done", objective, what[:20], "--on", "2026-12-01", "--plan", led)
    assert done.exit_code == 0, done.output
    before = state(led)
    outcome = run("import", path, "--plan", led)
    assert outcome.exit_code == 1 and state(led) == before
    assert "not applied" in outcome.stdout and "was done (on 2026-12-01)" in outcome.stdout
    assert "--partial" in outcome.stderr
    partial = run("import", path, "--plan", led, "--partial")
    assert partial.exit_code == 0, partial.output
    assert "1 change from the returns of jk" in partial.stdout


@pytest.mark.parametrize("kind", ["csv", "other-xlsx", "damaged", "huge", "renamed-sheet",
                                  "missing"])
def test_a_file_that_is_not_a_return_is_a_clear_error(run: Run, led: Path, tmp_path: Path,
                                                      kind: str) -> None:
    path = tmp_path / "return.xlsx"
    if kind == "csv":
        path.write_text("Objective,Milestone\n1.1,x\n", encoding="utf-8")
    elif kind == "other-xlsx":
        assert run("export", "xlsx", "-o", path, "--plan", led).exit_code == 0
    elif kind == "damaged":
        path.write_bytes(jk_return(run, led, tmp_path).read_bytes()[:3000])
    elif kind == "huge":
        with path.open("wb") as handle:
            handle.truncate(100 * 1024 * 1024)
    elif kind == "renamed-sheet":
        book = openpyxl.load_workbook(jk_return(run, led, tmp_path))
        book["Milestones"].title = "My milestones"
        book.save(path)
    before = state(led)
    outcome = run("import", path, "--plan", led)
    assert outcome.exit_code in (1, 2), outcome.output
    assert "Traceback" not in outcome.output and "internal error" not in outcome.output
    assert "return.xlsx" in outcome.stderr
    assert state(led) == before


def test_cell_text_reaches_the_plan_as_written_never_as_yaml(run: Run, led: Path,
                                                             tmp_path: Path) -> None:
    path = jk_return(run, led, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Milestones"]
    note = 'Moved"}, status: done, x: [1 #: not a key\nsecond line'
    sheet[f"F{FIRST}"], sheet[f"H{FIRST}"] = "2027-01", note
    book.save(path)
    objective, what = sheet[f"A{FIRST}"].value, sheet[f"B{FIRST}"].value
    outcome = run("import", path, "--plan", led)
    assert outcome.exit_code == 0, outcome.output
    milestone = next(m for m in objectives(export(run, led))[objective]["milestones"]
                     if m["what"] == what)
    assert milestone["note"] == note and milestone["status"] == "planned"


def test_co_leads_filling_the_same_row_alike_make_one_change_and_apart_a_conflict(
        run: Run, led: Path, tmp_path: Path) -> None:
    assert run("lead", "2.3", "sr", "jk", "--plan", led).exit_code == 0
    paths = []
    for lead in ("sr", "jk"):
        path = tmp_path / f"{lead}.xlsx"
        assert run("return", "--lead", lead, "-o", path, "--plan", led).exit_code == 0
        paths.append(path)
    rows = []
    for path in paths:
        book = openpyxl.load_workbook(path)
        sheet = book["Milestones"]
        row = next(r for r in range(FIRST, sheet.max_row + 1)
                   if sheet.cell(r, 1).value == "2.3" and "AI Task" in sheet.cell(r, 2).value)
        sheet[f"E{row}"] = datetime.datetime(2026, 11, 18)
        book.save(path)
        rows.append(row)
    outcome = run("import", *paths, "--plan", led)
    assert outcome.exit_code == 0, outcome.output
    assert "in the plan already" in outcome.stdout and "1 change" in outcome.stdout
    book = openpyxl.load_workbook(paths[1])
    book["Milestones"][f"E{rows[1]}"] = datetime.datetime(2026, 11, 19)
    book.save(paths[1])
    clash = run("import", *paths, "--plan", led)
    assert clash.exit_code == 1 and "says otherwise" in clash.stdout


# --- the return command's own mistakes ------------------------------------------------------


def test_return_without_leads_or_with_an_unknown_lead_says_what_to_do(run: Run, plan: Path,
                                                                      tmp_path: Path) -> None:
    none = run("return", "--out-dir", tmp_path, "--plan", plan)
    assert none.exit_code == 1 and "npmplan lead" in none.stderr
    typo = run("return", "--lead", "jkk", "--plan", plan)
    assert typo.exit_code == 2 and "did you mean 'jk'" in typo.stderr
    both = run("return", "--lead", "jk", "--out-dir", tmp_path, "--plan", plan)
    assert both.exit_code == 2


def test_the_same_plan_and_day_give_the_same_bytes(run: Run, led: Path, tmp_path: Path) -> None:
    first = make_returns(run, led, tmp_path / "a", "--quarter", "2")
    second = make_returns(run, led, tmp_path / "b", "--quarter", "2")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_rows_sorted_in_the_spreadsheet_are_found_out_not_misread(run: Run, led: Path,
                                                                  tmp_path: Path) -> None:
    path = jk_return(run, led, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Milestones"]
    sheet.protection.sheet = False  # as a lead might, to sort the rows
    for column in "ABCD":
        top, below = sheet[f"{column}{FIRST}"], sheet[f"{column}{FIRST + 1}"]
        top.value, below.value = below.value, top.value
    sheet[f"E{FIRST}"] = datetime.datetime(2026, 11, 2)
    book.save(path)
    before = state(led)
    outcome = run("import", path, "--plan", led)
    assert outcome.exit_code == 1 and f"Milestones!A{FIRST}: this row is not" in outcome.stderr
    assert state(led) == before


def test_two_meetings_of_one_series_and_its_objective_s_commentary_all_apply(
        run: Run, led: Path, tmp_path: Path) -> None:
    assert run("lead", "2.3", "jk", "--plan", led).exit_code == 0
    path = jk_return(run, led, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Milestones"]
    meetings = [r for r in range(FIRST, sheet.max_row + 1)
                if sheet.cell(r, 1).value == "2.3" and "AI Task" in sheet.cell(r, 2).value]
    assert len(meetings) >= 2
    sheet[f"E{meetings[0]}"] = datetime.datetime(2026, 11, 3)
    sheet[f"G{meetings[1]}"], sheet[f"H{meetings[1]}"] = "cancel", "No quorum"
    goals = book["Objectives"]
    row = next(r for r in range(FIRST, goals.max_row + 1) if goals.cell(r, 1).value == "2.3")
    goals[f"E{row}"] = "Meetings held as planned"
    book.save(path)
    months = [sheet.cell(r, 3).value for r in meetings[:2]]
    outcome = run("import", path, "--plan", led)
    assert outcome.exit_code == 0, outcome.output
    ai = objectives(export(run, led))["2.3"]
    records = {r["month"]: r for r in ai["milestones"][0]["occurrence_records"]}
    assert records[months[0]]["done_on"] == "2026-11-03"
    assert records[months[1]]["status"] == "cancelled"
    assert records[months[1]]["note"] == "No quorum"
    assert ai["commentary"][0]["text"] == "Meetings held as planned"
