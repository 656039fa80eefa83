"""``npmplan export docx``: the business plan document, read back with python-docx.

Every text field of the shipped plan is in the document, in the plan's order; the appendix's
shaded cells per row equal the row totals and its workload row is the source's; the same plan
gives the same bytes; ``--as-agreed`` prints no progress; the document is accessible as a
file (styles, language, properties, header and footer, contents, rows kept whole). What
LibreOffice makes of it is ``test_export_docx_pdf``; the audit against the source,
``test_source_alignment``.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import Run
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx_helpers import carries_section, opened, render
from reports_helpers import PLAN, write_plan

from npmplan.compute.schedule import row_total
from npmplan.model.plan import FUNCTIONS, Plan
from npmplan.pipeline import read_plan
from npmplan.render.light import blocks, plain

WORKLOAD = [8, 11, 17, 18, 19, 17, 18, 19, 18, 16, 16, 17]
MONTH_COLUMNS = slice(5, -1)  # Objective, Activity, Notes, Start, End | months | Row total


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
    are not part of the business plan's layout; a milestone's words are shown only where
    the objective has no ``timeline`` of the source's own)."""
    info = model.plan
    document = info.document
    texts = [info.organisation or "", document.title if document and document.title else ""]
    functions = info.functions
    for prose in (info.introduction, info.strategic_overview,
                  functions.summary if functions else None,
                  *[getattr(functions, name) if functions else None for name in FUNCTIONS],
                  info.context, document.overview if document else None, info.notes):
        texts += [block.text for block in blocks(prose or "")]
    for so in model.strategic_objectives:
        texts.append(so.title)
        for objective in so.objectives:
            texts += [objective.id, objective.title]
            texts += [block.text for block in blocks(objective.rationale or "")]
            texts += objective.outcomes + [output.title for output in objective.outputs]
            if objective.timeline is not None:
                texts += [block.text for block in blocks(objective.timeline)]
            else:
                texts += [milestone.what for milestone in objective.milestones]
        texts += [footnote for objective in so.objectives for footnote in objective.footnotes]
    for _, objective in model.objectives():
        texts += [objective.id, objective.row_label, objective.appendix_note or ""]
    texts.append(plain(document.closing) if document and document.closing else "")
    return [text for text in texts if text]


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
    assert headings[0] == ("Title", "Business Plan overview: 2026-27")
    order = ["Introduction", "Strategic objectives", "Functions", "Context",
             "Overview: Proposed NPM Business Plan 2026-2027"]
    assert [names.index(name) for name in order] == sorted(names.index(n) for n in order)
    assert ("Heading 2", "Visiting") in headings and ("Heading 2", "Cooperation") in headings
    assert names[-1] == "Appendix 1 – Calendar of Actions 2026-2027"
    assert sum(name.startswith("Strategic Objective ") for name in names) == 6
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
    assert "Strategic Objective 1 –" not in text and "Strategic Objective 2 –" in text
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


PROGRESS = """\
version: 1
plan: {title: Test plan, period: 2026-04..2027-03}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: Worded by npmplan
        schedule: [2026-04..2026-12]
        milestones:
          - {when: 2026-09, what: Report drafted, status: done, done_on: 2026-09-18}
          - {when: 2026-06, what: Workshop, status: cancelled, cancelled_on: 2026-05-02,
             note: No venue}
          - {when: 2026-07, what: Survey sent, moved_to: 2026-10, moved_on: 2026-06-30}
          - {when: 2026-11, what: Added later, added_on: 2026-08-01}
          - {when: quarterly, what: Subgroup meeting}
          - {when: ongoing, what: Support}
      - id: "1.2"
        title: In the source's words
        schedule: [2026-04..2026-12]
        timeline: |
          Summer/autumn 2026 Visits

          Throughout reporting year.
        milestones:
          - {when: 2026-06..2026-11, what: Visits, status: done, done_on: 2026-11}
          - {when: ongoing, what: Throughout the year}
"""


def _runs(document: Document) -> list[tuple[str, bool]]:
    """Every run of the body's tables: its text, and whether it is struck through."""
    return [(run.text, bool(run.font.strike)) for table in document.tables
            for row in table.rows for cell in row.cells for p in cell.paragraphs
            for run in p.runs]


def test_progress_is_shown_by_default_and_left_out_as_agreed(run: Run, tmp_path: Path) -> None:
    path = write_plan(tmp_path, PROGRESS)
    with_progress = export_plan(run, path, tmp_path / "progress.docx")
    text = document_text(with_progress)
    assert "October 2026 (moved from July 2026): Survey sent" in text
    assert "September 2026: Report drafted (done 18 September 2026)" in text
    assert "Workshop (cancelled) Note: No venue" in text
    assert ("Workshop", True) in _runs(with_progress)
    assert "Quarterly: Subgroup meeting" in text and "To be confirmed" not in text
    # the source's words, then what has happened since
    assert "Summer/autumn 2026 Visits\nThroughout reporting year.\nProgress\n" \
           "Done November 2026: Visits" in text
    agreed = export_plan(run, path, tmp_path / "agreed.docx", "--as-agreed")
    text = document_text(agreed)
    for progress in ("done", "Done", "cancelled", "moved", "Progress", "Note:", "Added later"):
        assert progress not in text, progress
    assert not any(struck for _, struck in _runs(agreed))
    # as agreed: in date order by `when`, the undated after the dated
    lines = [line for line in text.splitlines() if line.endswith(
        ("Report drafted", "Workshop", "Survey sent", "Subgroup meeting", "Support"))]
    assert lines == ["June 2026: Workshop", "July 2026: Survey sent",
                     "September 2026: Report drafted", "Quarterly: Subgroup meeting",
                     "Ongoing: Support"]
    # the appendix marks the months each milestone was due in: as agreed, the cancelled
    # June and the July moved from are there, and the October it went to and the November
    # added since are not
    def marked(document: Document) -> list[str]:
        row = appendix_table(document).rows[1]
        months = [cell.text for cell in appendix_table(document).rows[0].cells[MONTH_COLUMNS]]
        return [month.replace("\n", " ") for month, cell in
                zip(months, row.cells[MONTH_COLUMNS], strict=True) if "◆" in cell.text]
    assert marked(with_progress) == ["Sep 26", "Oct 26", "Nov 26"]
    assert marked(agreed) == ["Jun 26", "Jul 26", "Sep 26"]


def export_plan(run: Run, plan_path: Path, target: Path, *args: str) -> Document:
    result = run("export", "docx", "--plan", str(plan_path), "-o", str(target), *args)
    assert result.exit_code == 0, result.output
    return open_docx(target)


@pytest.fixture(scope="module")
def shipped() -> bytes:
    return render(PLAN)


def _contrast(colour: str) -> float:
    """WCAG contrast of RRGGBB against white."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(int(colour[i:i + 2], 16)) for i in (0, 2, 4))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


def test_styles_are_sans_serif_12_pt_british_and_dark_enough(shipped: bytes) -> None:
    document = opened(shipped)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    assert defaults is not None
    assert {lang.get(qn("w:val")) for lang in defaults.iter(qn("w:lang"))} == {"en-GB"}
    for style in document.styles:
        langs = [lang.get(qn("w:val")) for lang in style.element.iter(qn("w:lang"))]
        assert langs == ["en-GB"], style.name
        fonts = style.element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:ascii")) == "Arial", style.name
    used = {p.style.name for p in document.paragraphs if p.style is not None}
    used |= {p.style.name for table in document.tables for row in table.rows
             for cell in row.cells for p in cell.paragraphs if p.style is not None}
    for name in used - {"Grid Text"}:  # the appendix's grid: README, "Accessibility"
        style = document.styles[name]
        size = style.font.size
        while size is None and style.base_style is not None:
            style = style.base_style
            size = style.font.size
        assert size is not None and size.pt >= 12, name
    for name in ("Title", "Heading 1", "Heading 2", "Subtitle"):
        colour = document.styles[name].font.color.rgb
        assert colour is not None and _contrast(str(colour)) >= 4.5, name
    body = document.element.body
    assert all(run.find(qn("w:rPr") + "/" + qn("w:lang")) is not None
               for run in body.iter(qn("w:r")))
    sizes = {size.get(qn("w:val")) for size in body.iter(qn("w:sz"))}
    assert sizes <= {None}  # sizes come from the styles, none set on a run


def test_no_empty_paragraph_makes_space(shipped: bytes) -> None:
    document = opened(shipped)
    empty = [p for p in document.paragraphs if not p.text.strip() and not carries_section(p)]
    assert empty == []


def test_properties_header_footer_and_contents(shipped: bytes) -> None:
    document = opened(shipped)
    properties = document.core_properties
    assert (properties.title, properties.subject, properties.author, properties.language) == (
        "UK NPM Business Plan 2026-27", "Business Plan overview: 2026-27",
        "UK National Preventive Mechanism", "en-GB")
    with zipfile.ZipFile(io.BytesIO(shipped)) as archive:
        app = archive.read("docProps/app.xml").decode()
        names = archive.namelist()
    assert "<Application>npmplan</Application>" in app
    assert "Microsoft" not in app and "<Pages>" not in app and "<Template>" not in app
    words = int(re.findall(r"<Words>(\d+)</Words>", app)[0])
    assert words > 5000
    assert not any(name.startswith("customXml") or "thumbnail" in name for name in names)
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "UK NPM Business Plan 2026-27"
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "Page " in footer
    body = document.element.body.xml
    assert 'TOC \\o "1-2"' in body and 'w:dirty="true"' in body
    contents = [p.text for p in document.paragraphs
                if p.style is not None and p.style.name in ("Contents 1", "Contents 2")]
    assert contents[0] == "Introduction" and contents[-1] == APPENDIX_HEADING


APPENDIX_HEADING = "Appendix 1 – Calendar of Actions 2026-2027"


def test_rows_kept_whole_and_the_appendix_in_its_own_landscape_section(shipped: bytes) -> None:
    document = opened(shipped)
    appendix = appendix_table(document)
    assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
               for row in appendix.rows)
    assert appendix.rows[0].cells[2].text == "Notes/Key Dates"
    notes = {row.cells[0].text: row.cells[2].text for row in appendix.rows[1:-1]}
    assert notes["1.2"] == "June: Planning begins November: Conference"
    assert all(notes.values())
    objective_rows = [row for table in document.tables[:-2] for row in table.rows[1:]]
    whole = [row for row in objective_rows if row._tr.trPr is not None
             and row._tr.trPr.find(qn("w:cantSplit")) is not None]
    assert len(objective_rows) == 22 and 10 < len(whole) < 22  # the longest rows may break
    sections = document.sections
    assert len(sections) == 3
    assert [(s.page_width or 0) > (s.page_height or 0) for s in sections] == [False, True, True]
    last_heading = [p.text for p in document.paragraphs if p.style is not None
                    and p.style.name == "Heading 1"][-1]
    assert last_heading == APPENDIX_HEADING
