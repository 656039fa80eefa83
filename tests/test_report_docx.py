"""``report --format docx -o FILE``: the quarterly report as a Word paper, read back with
python-docx and as XML: its parts, its styles (headings, repeated header rows, 12pt or more,
en-GB), its fixed bytes, and LibreOffice's PDF of it (when soffice is on the machine)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
import pytest
from conftest import REAL_PLAN, Run
from docx.document import Document
from docx.oxml.ns import qn
from reports_helpers import busy_plan
from test_export_docx import document_text
from test_report_print import squeezed

from npmplan.cli import export as export_cli

ARGS = ("--quarter", "2", "--as-of", "2026-11-30")
WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete"}


def paper(run: Run, tmp_path: Path, plan: Path = REAL_PLAN, name: str = "q2.docx") -> Path:
    target = tmp_path / name
    result = run("report", "--plan", str(plan), *ARGS, "--format", "docx", "-o", str(target))
    assert result.exit_code == 0, result.output
    return target


def report_json(run: Run, plan: Path = REAL_PLAN) -> dict[str, Any]:
    result = run("report", "--plan", str(plan), *ARGS, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def xml(path: Path, name: str) -> ElementTree.Element:
    with zipfile.ZipFile(path) as archive:
        return ElementTree.fromstring(archive.read(name))


def test_the_same_report_gives_the_same_bytes_dated_by_its_day(run: Run,
                                                               tmp_path: Path) -> None:
    first = paper(run, tmp_path, name="a.docx").read_bytes()
    assert paper(run, tmp_path, name="b.docx").read_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2026, 9, 30, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2026-09-30T00:00:00Z" in core and "<dc:language>en-GB</dc:language>" in core
    piped = run("report", "--plan", str(REAL_PLAN), *ARGS, "--format", "docx")
    assert piped.exit_code == 0 and piped.stdout_bytes == first


def test_headings_tables_and_footer(run: Run, tmp_path: Path) -> None:
    path = paper(run, tmp_path)
    document = docx.Document(str(path))
    data = report_json(run)
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style is not None and p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Quarterly progress report: UK NPM Business Plan 2026-27")
    assert document.paragraphs[1].text == "Q2, July to September 2026, as of 30 September 2026."
    level1 = [text for style, text in headings if style == "Heading 1"]
    assert level1 == ["Summary", "Objectives", "Milestones by objective", "The ratings"]
    level2 = [text for style, text in headings if style == "Heading 2"]
    assert [text.split()[0] for text in level2] == [o["id"] for o in data["objectives"]]
    assert all(text.endswith(f": {WORDS[o['rag']]}")
               for text, o in zip(level2, data["objectives"], strict=True))
    summary, objectives = document.tables
    assert [c.text for c in summary.rows[-1].cells] == [
        "All 22 objectives", *(str(data["summary"][r]) for r in WORDS)]
    assert [c.text for c in objectives.rows[0].cells] == [
        "Objective", "Rating", "Trend", "Rating rests on", "Commentary and next steps"]
    rows = objectives.rows[1:]
    assert [row.cells[1].text for row in rows] == [WORDS[o["rag"]] for o in data["objectives"]]
    assert rows[0].cells[2].text == "down from Green last quarter"
    for table in (summary, objectives):
        assert table.style is not None and table.style.name == "Table Grid"
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    footer = xml(path, "word/footer1.xml")
    fields = [e.get(qn("w:instr")) for e in footer.iter(qn("w:fldSimple"))]
    assert fields == [" PAGE ", " NUMPAGES "]
    assert "".join(footer.itertext()) == "Page 1 of 1"  # until a word processor lays it out


def _size(document: Document, style_name: str) -> float:
    """A paragraph style's font size in points, from the style or the ones it is based on."""
    style: Any = document.styles[style_name]
    while style is not None and style.font.size is None:
        style = style.base_style
    assert style is not None, style_name
    return float(style.font.size.pt)


def test_every_size_is_12pt_or_more_in_a_sans_serif_font_in_en_gb(run: Run,
                                                                 tmp_path: Path) -> None:
    path = paper(run, tmp_path)
    document = docx.Document(str(path))
    body, footer = xml(path, "word/document.xml"), xml(path, "word/footer1.xml")
    sizes = [int(e.get(qn("w:val"), "0")) for part in (body, footer) for tag in ("w:sz", "w:szCs")
             for e in part.iter(qn(tag))]
    assert sizes and min(sizes) >= 24  # half-points
    used = {p.style.name for p in document.paragraphs if p.style is not None}
    used |= {p.style.name for table in document.tables for row in table.rows
             for cell in row.cells for p in cell.paragraphs if p.style is not None}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet", "Normal"} <= used
    assert all(_size(document, name) >= 12 for name in used), used
    assert document.styles["Normal"].font.name == "Arial"
    styles = xml(path, "word/styles.xml")
    defaults = styles.find(qn("w:docDefaults"))
    assert defaults is not None
    assert {e.get(qn("w:val")) for e in defaults.iter(qn("w:lang"))} == {"en-GB"}
    assert {e.get(qn("w:val")) for e in defaults.iter(qn("w:sz"))} == {"24"}
    for name in used:
        lang = document.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        assert lang is not None and lang.get(qn("w:val")) == "en-GB", name
    runs = [run for part in (body, footer) for run in part.iter(qn("w:r"))]
    languages = [r.find(f"{qn('w:rPr')}/{qn('w:lang')}") for r in runs]
    assert runs and all(lang is not None and lang.get(qn("w:val")) == "en-GB"
                        for lang in languages)


def test_every_part_of_a_busy_quarter_is_in_the_paper(run: Run, tmp_path: Path,
                                                      plan: Path) -> None:
    busy = busy_plan(run, plan)
    text = document_text(docx.Document(str(paper(run, tmp_path, busy))))
    for words in ("Done this quarter (1)", "Due this quarter, not done (1)",
                  "Moved this quarter (1)", "Cancelled this quarter (1)",
                  "Due next quarter (5)", "Check: no commentary for this quarter",
                  "Next steps: Share the draft with the Task & Finish group in December.",
                  "note: The inquiry report is delayed to next year",
                  "2026-09 to 2026-12; moved on 2026-09-02; 3 months later",
                  "done 2026-08-12", "Complete: every milestone is done or cancelled"):
        assert words in text, words
    data = report_json(run, busy)
    entry = data["objectives"][0]
    assert f"{entry['commentary']['text']} (3 October 2026)" in text


def test_a_terminal_is_refused_and_a_plan_never_replaced(run: Run, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         plan: Path) -> None:
    monkeypatch.setattr(export_cli, "_is_terminal", lambda: True)
    result = run("report", "--plan", str(plan), *ARGS, "--format", "docx")
    assert result.exit_code == 2 and not result.stdout_bytes
    assert "a Word document is not for the terminal: write it to a file with -o " \
           "report.docx" in result.output
    before = plan.read_bytes()
    result = run("report", "--plan", str(plan), *ARGS, "--format", "docx", "-o", str(plan))
    assert result.exit_code == 2 and "is the plan file itself" in result.output
    assert plan.read_bytes() == before


def test_other_formats_go_to_a_file_too(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "q2.md"
    result = run("report", "--plan", str(REAL_PLAN), *ARGS, "--format", "markdown", "-o",
                 str(target))
    assert result.exit_code == 0 and result.stdout == ""
    shown = run("report", "--plan", str(REAL_PLAN), *ARGS, "--format", "markdown")
    assert target.read_text(encoding="utf-8") == shown.stdout
    again = run("report", "--plan", str(REAL_PLAN), *ARGS, "-o", str(target))
    assert again.exit_code == 2 and "already exists; add --force" in again.output


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not "
                    "installed; .ci/run installs libreoffice-writer-nogui")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed "
                    "(apt-get install poppler-utils)")
def test_libreoffice_lays_it_out_with_every_rating_and_page_numbers(run: Run,
                                                                    tmp_path: Path) -> None:
    source = paper(run, tmp_path)
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "q2.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.rstrip("\f").split("\f")
    assert len(pages) >= 4
    assert [page.strip().splitlines()[-1] for page in pages] == [
        f"Page {n} of {len(pages)}" for n in range(1, len(pages) + 1)]
    laid_out = squeezed(text)
    for entry in report_json(run)["objectives"]:  # its row: the id and title, then the word
        row = squeezed(f"{entry['id']} {entry['title']}{WORDS[entry['rag']]}")
        assert row in laid_out, row
