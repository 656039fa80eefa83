"""``npmplan export docx``: the business plan document, read back with python-docx.

Every text field of the shipped plan is in the document, in the plan's order; the appendix's
shaded cells per row equal the row totals and its workload row is the source's; the same plan
gives the same bytes; LibreOffice opens it (when soffice is on the machine).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import Run
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from reports_helpers import PLAN, write_plan

from npmplan.compute.schedule import row_total
from npmplan.model.plan import FUNCTIONS, Plan
from npmplan.pipeline import read_plan
from npmplan.render.light import blocks

WORKLOAD = [8, 11, 17, 18, 19, 17, 18, 19, 18, 16, 16, 17]
MONTH_COLUMNS = slice(4, -1)  # Id, Activity, Start, End | months | Row total


def export(run: Run, tmp_path: Path, *args: str, name: str = "plan.docx") -> Path:
    target = tmp_path / name
    result = run("export", "docx", "--plan", str(PLAN), "-o", str(target), *args)
    assert result.exit_code == 0, result.output
    return target


def open_docx(path: Path) -> Document:
    return docx.Document(str(path))


def plan() -> Plan:
    result = read_plan(PLAN)
    assert result.plan is not None
    return result.plan


def document_text(document: Document) -> str:
    """Every paragraph of the body, tables cell by cell, in reading order."""
    parts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
        else:
            parts.append(block.text)
    return "\n".join(parts)


def plan_texts(model: Plan) -> list[str]:
    """Every text field the document shows, in the plan's order (the team and plan.source
    are not part of the business plan's layout)."""
    info = model.plan
    texts = [info.organisation or "", info.title]
    functions = info.functions
    for prose in (info.introduction, info.strategic_overview,
                  functions.summary if functions else None,
                  *[getattr(functions, name) if functions else None for name in FUNCTIONS],
                  info.context, info.notes):
        texts += [block.text for block in blocks(prose or "")]
    for so in model.strategic_objectives:
        texts.append(so.title)
        for objective in so.objectives:
            texts += [objective.id, objective.title]
            texts += [block.text for block in blocks(objective.rationale or "")]
            texts += objective.outcomes + [output.title for output in objective.outputs]
            for milestone in objective.milestones:
                texts += [milestone.what] + ([milestone.note] if milestone.note else [])
    for _, objective in model.objectives():
        texts += [objective.id, objective.row_label]
    return [text for text in texts if text]


@pytest.mark.slow
def test_every_text_field_is_in_the_document_in_order(run: Run, tmp_path: Path) -> None:
    text = document_text(open_docx(export(run, tmp_path)))
    position = 0
    for expected in plan_texts(plan()):
        found = text.find(expected, position)
        assert found >= 0, f"not found after position {position}: {expected!r}"
        position = found + len(expected)


def appendix_table(document: Document) -> Table:
    tables = [t for t in document.tables if t.rows[0].cells[-1].text == "Row total"]
    assert len(tables) == 1
    return tables[0]


def shaded(cell: object) -> bool:
    properties = cell._tc.tcPr  # type: ignore[attr-defined]
    shading = properties.find(qn("w:shd")) if properties is not None else None
    return shading is not None and shading.get(qn("w:fill")) not in (None, "auto")


@pytest.mark.slow
def test_appendix_shaded_cells_equal_row_totals_and_the_workload_row(run: Run,
                                                                     tmp_path: Path) -> None:
    document = open_docx(export(run, tmp_path))
    table = appendix_table(document)
    model = plan()
    rows = table.rows[1:-1]
    assert [row.cells[0].text for row in rows] == [o.id for _, o in model.objectives()]
    for row, (_, objective) in zip(rows, model.objectives(), strict=True):
        count = sum(shaded(cell) for cell in row.cells[MONTH_COLUMNS])
        assert count == int(row.cells[-1].text) == row_total(objective), objective.id
    workload = table.rows[-1].cells
    assert workload[0].text == "Monthly workload (count of active activities)"
    assert [int(cell.text) for cell in workload[MONTH_COLUMNS]] == WORKLOAD
    assert workload[-1].text == "194"
    assert [cell.text.replace("\n", " ") for cell in table.rows[0].cells[MONTH_COLUMNS]] == [
        m.short() for m in model.months()]


@pytest.mark.slow
def test_the_three_kinds_differ_in_fill_pattern_and_letter(run: Run, tmp_path: Path) -> None:
    table = appendix_table(open_docx(export(run, tmp_path)))
    looks = set()
    for row in table.rows[1:-1]:
        for cell in row.cells[MONTH_COLUMNS]:
            if shaded(cell):
                shading = cell._tc.get_or_add_tcPr().find(qn("w:shd"))
                looks.add((shading.get(qn("w:fill")), shading.get(qn("w:val")),
                           cell.text[:1]))
    assert len(looks) == 3
    assert len({fill for fill, _, _ in looks}) == len({val for _, val, _ in looks}) == 3
    assert {letter for _, _, letter in looks} == {"A", "M", "P"}


@pytest.mark.slow
def test_word_styles_sections_and_repeating_headers(run: Run, tmp_path: Path) -> None:
    document = open_docx(export(run, tmp_path))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style is not None and p.style.name.startswith(("Heading", "Title"))]
    names = [text for _, text in headings]
    assert headings[0] == ("Title", "UK NPM Business Plan 2026-27")
    order = ["Introduction", "Strategic objectives", "Functions", "Context",
             "Overview: UK NPM Business Plan 2026-27"]
    assert [names.index(name) for name in order] == sorted(names.index(n) for n in order)
    assert ("Heading 2", "Visiting") in headings and ("Heading 2", "Cooperative") in headings
    assert names[-1].startswith("Appendix 1")
    assert sum(name.startswith("Strategic objective ") for name in names) == 6
    assert any(p.style is not None and p.style.name == "List Bullet"
               for p in document.paragraphs)
    portrait, landscape = document.sections[0], document.sections[-1]
    assert (portrait.page_height or 0) > (portrait.page_width or 0)
    assert (landscape.page_width or 0) > (landscape.page_height or 0)
    tables = [table for table in document.tables if len(table.rows) > 1]  # not the key
    assert len(tables) == 7  # six strategic objectives and the appendix
    for table in tables:
        assert table.style is not None and table.style.name == "Table Grid"
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None


@pytest.mark.slow
def test_web_outputs_are_marked_and_priorities_named(run: Run, tmp_path: Path) -> None:
    text = document_text(open_docx(export(run, tmp_path)))
    assert "UK case law (pending 2026 updates).*" in text
    assert text.count("Core business or high priority") == 5  # 5.1 to 5.5
    assert "Objectives highlighted in green are core business or high priority" in text


@pytest.mark.slow
def test_two_runs_give_the_same_bytes_dated_by_the_plan(run: Run, tmp_path: Path) -> None:
    first = export(run, tmp_path, name="a.docx").read_bytes()
    second = export(run, tmp_path, name="b.docx").read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2026, 4, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2026-04-01T00:00:00Z" in core
    properties = open_docx(tmp_path / "a.docx").core_properties
    assert properties.created is not None and properties.created.year == 2026


@pytest.mark.slow
def test_filters_show_their_rows_and_count_only_them(run: Run, tmp_path: Path) -> None:
    document = open_docx(export(run, tmp_path, "--strategic", "2"))
    table = appendix_table(document)
    assert [row.cells[0].text for row in table.rows[1:-1]] == ["2.1", "2.2", "2.3", "2.4",
                                                               "2.5"]
    text = document_text(document)
    assert "Showing strategic objective 2 only" in text
    assert "Strategic objective 1:" not in text and "Strategic objective 2:" in text
    workload = [int(cell.text) for cell in table.rows[-1].cells[MONTH_COLUMNS]]
    assert sum(workload) == int(table.rows[-1].cells[-1].text) == 11 + 12 + 11 + 8 + 6
    result = run("export", "docx", "--plan", str(PLAN), "--strategic", "9", "-o",
                 str(tmp_path / "x.docx"))
    assert result.exit_code == 2 and not (tmp_path / "x.docx").exists(), result.output


def test_never_writes_over_the_plan(run: Run, tmp_path: Path) -> None:
    copy = tmp_path / "plan.yaml"
    shutil.copyfile(PLAN, copy)
    result = run("export", "docx", "--plan", str(copy), "-o", str(copy))
    assert result.exit_code == 2
    assert "is the plan file itself" in result.output
    assert copy.read_bytes() == PLAN.read_bytes()


@pytest.mark.slow
def test_standard_output_gets_the_document(run: Run, tmp_path: Path) -> None:
    result = run("export", "docx", "--plan", PLAN)
    assert result.exit_code == 0
    assert result.stdout_bytes == export(run, tmp_path).read_bytes()


def test_a_plan_without_text_or_objectives_still_exports(run: Run, tmp_path: Path) -> None:
    path = write_plan(tmp_path, "version: 1\nplan: {title: 'Draft [x] \U0001F3F4', period: "
                      "2026-01..2026-06}\nstrategic_objectives:\n  - {id: '1', title: "
                      "'Empty', objectives: []}\n  - id: '2'\n    title: Two\n    objectives:"
                      "\n      - {id: '2.1', title: One, milestones: [{when: tbc, what: x}]}\n")
    target = tmp_path / "out.docx"
    result = run("export", "docx", "--plan", str(path), "-o", str(target))
    assert result.exit_code == 0, result.output
    document = open_docx(target)
    text = document_text(document)
    assert "No objectives yet." in text and "To be confirmed: x" in text
    table = appendix_table(document)
    assert [cell.text for cell in table.rows[-1].cells[MONTH_COLUMNS]] == ["0"] * 6


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not "
                    "installed; .ci/run installs libreoffice-writer-nogui")
def test_libreoffice_opens_it(run: Run, tmp_path: Path) -> None:
    source = export(run, tmp_path)
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    pdf = (tmp_path / "plan.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages >= 4  # the text, the tables and the appendix


@pytest.mark.parametrize("year", ["1900", "2999"])  # the first and last years a plan may use
def test_a_plan_at_the_edge_of_the_calendar_exports(run: Run, tmp_path: Path, year: str) -> None:
    path = write_plan(tmp_path, f"version: 1\nplan: {{title: T, period: {year}-01..{year}-12}}"
                      "\nstrategic_objectives:\n  - id: '1'\n    title: S\n    objectives:\n"
                      f"      - id: '1.1'\n        title: O\n        schedule: [{year}-12]\n"
                      f"        milestones: [{{what: m, when: {year}-12-31, status: done, "
                      f"done_on: {year}-12-31}}]\n")
    target = tmp_path / "edge.docx"
    result = run("export", "docx", "--plan", str(path), "-o", str(target))
    assert result.exit_code == 0, result.output
    text = document_text(open_docx(target))
    assert f"31 December {year}: m (done 31 December {year})" in text
    with zipfile.ZipFile(target) as archive:  # zip dates run from 1980 to 2107
        assert {e.date_time[0] for e in archive.infolist()} == {1980 if year == "1900" else 2107}
