"""The Word export as a reader gets it: converted by LibreOffice to PDF and read back with
poppler's pdftotext and pdfinfo. Page numbers on every page; the appendix on one landscape
page with its notes; no word broken inside itself; no row of a table leaving one line alone
on a page; British English; text at 12 pt or more outside the appendix's grid.

Slow (LibreOffice takes seconds); skipped where soffice or pdftotext is missing (``.ci/run``
installs libreoffice-writer-nogui and poppler-utils).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from docx_helpers import opened, render, units

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "2026-27.yaml"
APPENDIX = "Appendix 1 – Calendar of Actions 2026-2027"
# pdftotext's word box is 1.3 times the font size for Arial: 15.6 pt tall at 12 pt.
BOX_AT_12_PT = 15.6

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice (soffice) or pdftotext is not installed; .ci/run "
                              "installs libreoffice-writer-nogui and poppler-utils"),
]


@dataclass(frozen=True, slots=True)
class Word:
    x: float
    y: float
    height: float
    text: str


@dataclass(frozen=True, slots=True)
class Pdf:
    path: Path
    docx_words: frozenset[str]

    def text(self, page: int) -> str:
        return _run("pdftotext", "-f", str(page), "-l", str(page), str(self.path), "-")

    def pages(self) -> int:
        return int(re.findall(r"Pages:\s+(\d+)", _run("pdfinfo", str(self.path)))[0])

    def size(self, page: int) -> tuple[float, float]:
        info = _run("pdfinfo", "-f", str(page), "-l", str(page), str(self.path))
        width, height = re.findall(r"size:\s+([\d.]+) x ([\d.]+)", info)[0]
        return float(width), float(height)

    def words(self) -> list[list[Word]]:
        """Each page's words with their boxes."""
        xml = _run("pdftotext", "-bbox", str(self.path), "-")
        pattern = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" '
                             r'yMax="([\d.]+)">(.*?)</word>')
        return [[Word(float(m[1]), float(m[2]), float(m[3]) - float(m[2]), unescape(m[4]))
                 for m in pattern.finditer(page)] for page in xml.split("<page ")[1:]]


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True,
                          timeout=120).stdout


def convert(data: bytes, folder: Path) -> Pdf:
    """``data`` (a .docx) made a PDF by LibreOffice in ``folder``."""
    source = folder / "plan.docx"
    source.write_bytes(data)
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(folder)})
    assert result.returncode == 0, result.stderr
    words: set[str] = set()
    for unit in units(opened(data)):
        for word in unit.split():
            # a line may break after a hyphen, a slash or a dash, and a glyph from another
            # font (◆) starts a word of its own: every run of pieces is a word too
            pieces = re.split(r"(?<=[-/–])|(?=◆)|(?<=◆)", word)
            for start in range(len(pieces)):
                for end in range(start + 1, len(pieces) + 1):
                    words.add("".join(pieces[start:end]).replace("-", ""))
    return Pdf(folder / "plan.pdf", frozenset(words))


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    return convert(render(PLAN), tmp_path_factory.mktemp("pdf"))


def _appendix_pages(pdf: Pdf) -> list[int]:
    return [n for n in range(1, pdf.pages() + 1)
            if "Monthly workload" in pdf.text(n) or "Notes/Key Dates" in pdf.text(n)]


def test_every_page_is_numbered_page_x_of_y(pdf: Pdf) -> None:
    total = pdf.pages()
    assert total > 10
    for number in range(1, total + 1):
        assert f"Page {number} of {total}" in pdf.text(number)
        assert "UK NPM Business Plan 2026-27" in pdf.text(number)  # the header


def test_a_plan_without_text_is_numbered_too(tmp_path: Path) -> None:
    """No text between the contents and the tables: the first section ends after the
    contents' entries, and the page numbers' fields still work."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("version: 1\nplan: {title: Small, period: 2026-04..2027-03}\n"
                    "strategic_objectives:\n  - id: '1'\n    title: One\n    objectives:\n"
                    "      - {id: '1.1', title: A, schedule: [2026-05]}\n", encoding="utf-8")
    small = convert(render(plan), tmp_path)
    total = small.pages()
    for number in range(1, total + 1):
        assert f"Page {number} of {total}" in small.text(number)


def test_the_appendix_is_one_landscape_page_with_its_notes(pdf: Pdf) -> None:
    pages = _appendix_pages(pdf)
    assert len(pages) == 1, pages
    (page,) = pages
    width, height = pdf.size(page)
    assert width > height
    text = " ".join(pdf.text(page).split())
    for words in ("Notes/Key Dates", APPENDIX, "Monthly workload (count of active activities)",
                  "June: Planning begins November: Conference", "Expected summer 2026; dates",
                  "January: Outcomes feed into BP review", "Active period"):
        assert words in text, words


def test_no_word_is_broken_inside_itself(pdf: Pdf) -> None:
    allowed = pdf.docx_words | {"Page", "of", "UK", "NPM", "Business", "Plan", "202627",
                                "\uf0b7"}  # the header, the footer and the bullet glyph
    broken = [(number, word.text) for number, page in enumerate(pdf.words(), start=1)
              for word in page
              if word.text.replace("-", "") not in allowed and not word.text.isdigit()]
    assert broken == []


def test_no_table_row_leaves_one_line_alone_on_a_page(pdf: Pdf) -> None:
    """On each page of the objectives' tables: the lines above the first row that starts
    there belong to a row carried over; the lines from the last row that starts there may
    be carried on. Neither piece of a row broken across pages may be one line."""
    pieces: list[tuple[int, int, int]] = []  # page, lines carried over, lines of its last row
    for number, page in enumerate(pdf.words(), start=1):
        header = [word for word in page if word.text == "Rationale"]
        if not header:
            continue
        top, first_column = header[0].y, header[0].x
        bottom = max(word.y for word in page)  # the footer's line
        body = [word for word in page if top + 5 < word.y < bottom - 1]
        starts = sorted({word.y for word in body
                         if word.x < first_column and re.fullmatch(r"\d+\.\d+", word.text)})
        lines = sorted({round(word.y) for word in body})
        above = [y for y in lines if not starts or y < starts[0] - 1]
        below = [y for y in lines if starts and y >= starts[-1] - 1]
        pieces.append((number, len(above), len(below)))
    assert len(pieces) > 6
    for (number, _, last), (following, carried, _) in itertools.pairwise(pieces):
        if following == number + 1 and carried:
            assert carried > 1, f"one line of a row alone at the top of page {following}"
            assert last != 1, f"one line of a row alone at the foot of page {number}"


def test_language_is_british_english(pdf: Pdf) -> None:
    assert b"/Lang(en-GB)" in pdf.path.read_bytes()


def test_text_is_12_pt_or_more_outside_the_appendix_grid(pdf: Pdf) -> None:
    appendix = set(_appendix_pages(pdf))
    smallest = min(word.height for number, page in enumerate(pdf.words(), start=1)
                   if number not in appendix for word in page)
    assert smallest >= BOX_AT_12_PT - 0.1
