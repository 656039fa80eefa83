"""``npmplan export xlsx``: a spreadsheet whose cells keep their types (read back with
openpyxl) and that LibreOffice opens and prints (skipped where LibreOffice is absent)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_PLAN, Run

openpyxl = pytest.importorskip("openpyxl")

SMALL = """\
version: 1
plan:
  title: "=HYPERLINK(\\"http://x\\") & co"
  period: 2026-04..2027-03
  capacity: 1
team:
  - {id: mk, name: Martin Kettle}
strategic_objectives:
  - id: "2"
    title: Second
    objectives:
      - id: "2.1"
        title: One
        schedule: [2026-07..2027-03]
      - id: "2.10"
        title: "+Ten, a label that starts like a formula"
        leads: [mk]
        schedule:
          - {months: 2026-04..2026-05, kind: meetings}
          - {months: 2027-03, kind: production}
        milestones:
          - {when: 2026-05, what: "=1+1", status: done, done_on: 2026-05-20}
          - {when: 2026-04..2026-12, every: 3, what: Quarterly meeting}
          - {when: tbc, what: Not yet dated, note: waiting}
"""


def export(run: Run, plan: Path, out: Path, *args: str) -> Any:
    result = run("export", "xlsx", "-p", plan, "-o", out, *args)
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_ids_and_months_are_text_and_figures_numbers(run: Run, small: Path,
                                                     tmp_path: Path) -> None:
    book = export(run, small, tmp_path / "plan.xlsx")
    assert book.sheetnames == ["Calendar", "Milestones", "Progress"]
    table = rows(book["Calendar"])
    header = table[2]
    assert header[:4] == ("Id", "Activity", "Start", "End")
    assert header[4] == "Apr 26" and header[15] == "Mar 27" and header[16] == "Total"
    by_id = {row[0]: row for row in table if row[0]}
    ten = by_id["2.10"]
    assert ten[1] == "+Ten, a label that starts like a formula"
    assert (ten[2], ten[3]) == ("Apr 26", "Mar 27")
    # the recurring milestone's occurrences (Apr, Jul, Oct) and the done one (May) are ◆
    assert ten[4:16] == ("M◆", "M◆", "", "◆", "", "", "◆", "", "", "", "", "P")
    assert ten[16] == 3 and isinstance(ten[16], int)
    assert by_id["2.1"][16] == 9
    workload = next(row for row in table if row[1] and str(row[1]).startswith("Monthly"))
    assert list(workload[4:16]) == [1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2]
    assert workload[16] == 12
    assert table[0][0] == 'Calendar of actions: =HYPERLINK("http://x") & co'
    cell = book["Calendar"].cell(row=1, column=1)
    assert cell.data_type == "s"  # text, never a formula


def test_layout_for_print_and_screen(run: Run, small: Path, tmp_path: Path) -> None:
    calendar = export(run, small, tmp_path / "plan.xlsx")["Calendar"]
    assert calendar.freeze_panes == "C4"
    assert calendar.page_setup.orientation == "landscape"
    assert calendar.page_setup.paperSize == 9  # A4
    assert calendar.sheet_properties.pageSetUpPr.fitToPage
    assert (calendar.page_setup.fitToWidth, calendar.page_setup.fitToHeight) in (
        (None, 0), (1, 0))
    fills = {str(cell.value)[:1]: cell.fill.fgColor.rgb for row in calendar.iter_rows(
        min_row=4, max_row=8, min_col=5, max_col=16) for cell in row if cell.value}
    assert len({fills["A"], fills["M"], fills["P"]}) == 3  # each kind its fill and letter


def test_milestones_sheet(run: Run, small: Path, tmp_path: Path) -> None:
    sheet = export(run, small, tmp_path / "plan.xlsx")["Milestones"]
    table = rows(sheet)
    assert table[0][:5] == ("Strategic objective", "Objective", "Activity", "What", "When")
    assert sheet.auto_filter.ref == "A1:M4"
    done = next(row for row in table if row[3] == "=1+1")
    assert done[1] == "2.10" and done[9] == "done" and done[10] == "2026-05-20"
    assert done[11] == "Martin Kettle"
    recurring = next(row for row in table if row[3] == "Quarterly meeting")
    assert recurring[6:9] == ("2026-04", "2026-12", "every 3 months")
    tbc = next(row for row in table if row[3] == "Not yet dated")
    assert tbc[4] == "tbc" and tbc[6] in ("", None) and tbc[12] == "waiting"


def test_the_shipped_plan(run: Run, tmp_path: Path) -> None:
    book = export(run, REAL_PLAN, tmp_path / "plan.xlsx")
    table = rows(book["Calendar"])
    workload = next(row for row in table if row[1] and str(row[1]).startswith("Monthly"))
    assert list(workload[4:16]) == [8, 11, 17, 18, 19, 17, 18, 19, 18, 16, 16, 17]
    assert workload[16] == 194
    totals = [row[16] for row in table[3:] if row[0] and "." in str(row[0])]
    assert sum(totals) == 194
    milestones = rows(book["Milestones"])[1:]
    assert len(milestones) == sum(
        len(o.milestones) for so in _plan().strategic_objectives for o in so.objectives)


def _plan() -> Any:
    from npmplan.pipeline import read_plan

    model = read_plan(REAL_PLAN).plan
    assert model is not None
    return model


def test_filters_show_what_they_keep(run: Run, small: Path, tmp_path: Path) -> None:
    book = export(run, small, tmp_path / "plan.xlsx", "--lead", "mk")
    table = rows(book["Calendar"])
    assert table[1][0] == "Showing lead mk"
    assert [row[0] for row in table[3:] if row[0] and "." in str(row[0])] == ["2.10"]


def test_usage_errors(run: Run, small: Path, tmp_path: Path) -> None:
    same = run("export", "xlsx", "-p", small, "-o", small)
    assert same.exit_code == 2 and "plan file itself" in same.output
    folder = run("export", "xlsx", "-p", small, "-o", tmp_path / "missing" / "x.xlsx")
    assert folder.exit_code == 2 and "cannot write" in folder.output


@pytest.mark.slow
def test_libreoffice_opens_and_prints_it(run: Run, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui; "
                    ".ci/run installs it)")
    out = tmp_path / "plan.xlsx"
    export(run, REAL_PLAN, out)
    profile = tmp_path / "profile"
    done = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                          capture_output=True, text=True, timeout=240, check=False)
    pdf = tmp_path / "plan.pdf"
    if not pdf.exists() and "could not be loaded" in done.stdout + done.stderr:
        pytest.skip("this LibreOffice has no Calc (apt-get install libreoffice-calc-nogui)")
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return
    first = subprocess.run([pdftotext, "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert "Calendar of actions" in first and "Mar 27" in first
    assert "Monthly workload" in first and "194" in first.split("Monthly workload")[1]


def test_the_progress_sheet_is_the_quarterly_report(run: Run, tmp_path: Path) -> None:
    book = export(run, REAL_PLAN, tmp_path / "plan.xlsx", "--quarter", "2",
                  "--as-of", "2026-11-30")
    table = rows(book["Progress"])
    assert str(table[1][0]).startswith("Q2, July to September 2026, as of 30 September 2026")
    header = table[3]
    assert header[:5] == ("Strategic objective", "Id", "Objective", "RAG", "Computed RAG")
    report = json.loads(run("report", "--plan", REAL_PLAN, "--quarter", "2", "--as-of",
                            "2026-11-30", "--format", "json").stdout)
    expected = [(o["id"], o["rag"].upper(), o["computed_rag"], len(o["done"]),
                 len(o["due_not_done"]), len(o["moved"]), len(o["next"]))
                for o in report["objectives"]]
    assert [(r[1], r[3], r[4], r[10], r[11], r[12], r[13]) for r in table[4:]] == expected
    assert all(isinstance(r[10], int) for r in table[4:])  # counts are numbers


def test_a_bad_quarter_is_a_usage_error(run: Run, small: Path, tmp_path: Path) -> None:
    result = run("export", "xlsx", "-p", small, "-o", tmp_path / "x.xlsx", "--quarter", "9")
    assert result.exit_code == 2 and "quarters 1 to 4" in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_same_plan_same_bytes(run: Run, small: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    export(run, small, first, "--as-of", "2026-11-30")
    export(run, small, second, "--as-of", "2026-11-30")
    assert first.read_bytes() == second.read_bytes()
    piped = run("export", "xlsx", "-p", small, "--as-of", "2026-11-30")  # not a terminal
    assert piped.exit_code == 0 and piped.stdout_bytes == first.read_bytes()


def test_a_terminal_gets_no_binary(run: Run, small: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from npmplan.cli import export as export_cli

    monkeypatch.setattr(export_cli, "_is_terminal", lambda: True)
    result = run("export", "xlsx", "-p", small)
    assert result.exit_code == 2
    assert "-o plan.xlsx" in result.output
