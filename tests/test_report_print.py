"""``report --format html`` printed to PDF by Chromium (A4) and checked by axe-core: every
milestone of the JSON report is on the paper whole, with its dates; the pages are used, the
table's header row repeats where a table runs on; no accessibility violation.

Chromium, poppler-utils and axe-core are found as ``test_export_html_print`` finds them, and
each test skips, saying why, where one is missing. The page is printed with the Liberation
and DejaVu fonts only, as a Linux machine without Microsoft's fonts prints it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_PLAN, Run
from reports_helpers import busy_plan
from test_export_html_print import FONT_DIRS, axe_violations, chromium, fonts_only, pdf_pages

pytestmark = pytest.mark.slow  # Chromium prints the page, axe-core checks it

AS_OF = "2026-11-30"
HEADER = "Rating rests on; commentary"


def _plan(run: Run, which: str, plan: Path) -> Path:
    return REAL_PLAN if which == "shipped" else busy_plan(run, plan)


def _report(run: Run, plan: Path, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    page = tmp_path / "report.html"
    args = ("report", "--plan", str(plan), "--quarter", "2", "--as-of", AS_OF)
    made = run(*args, "--format", "html", "-o", str(page))
    assert made.exit_code == 0, made.output
    data = run(*args, "--format", "json")
    assert data.exit_code == 0, data.output
    return page, json.loads(data.stdout)


def _printed(tmp_path: Path, page: Path) -> Path:
    pdf = tmp_path / "report.pdf"
    said = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(),
                    env=fonts_only(tmp_path, FONT_DIRS["liberation+dejavu"]))
    assert pdf.exists(), said[-2000:]
    return pdf


def raw_text(pdf: Path) -> str:
    """The PDF's text in the order Chromium drew it: each table cell's lines together
    (``-layout`` would interleave the lines of cells side by side)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def squeezed(text: str) -> str:
    """Text without its line breaks and spaces: a word or a date wrapped at a line's end
    (Chromium breaks "2026-07..2026-09" after a hyphen) reads as it was written."""
    return "".join(text.replace("\u00ad", "").split())


def shown_on_paper(data: dict[str, Any]) -> list[str]:
    """What the paper must hold for each objective: its id and title, every milestone's
    ``what`` and the dates and note its part shows, the commentary and next steps."""
    found: list[str] = []
    for entry in data["objectives"]:
        found += [entry["id"], entry["title"]]
        comment = entry["commentary"]
        if comment is not None:
            found += [comment["text"], comment["next"] or ""]
        for part in ("done", "due_not_done", "moved", "cancelled", "next"):
            for item in entry[part]:
                found += [item["what"], *_dates(item, part)]
    return [text for text in found if text]


def _dates(item: dict[str, Any], part: str) -> list[str]:
    first, last = item["window"] or (None, None)
    window = [first if first == last else f"{first}..{last}"] if first else []
    if part == "done" and item["done_on"]:
        return [item["done_on"]]
    if part == "moved":
        return [item["when"], *window, item["moved_on"] or ""]
    if part == "cancelled":
        return [*window, item["cancelled_on"] or "", item["note"] or ""]
    return window


@pytest.mark.parametrize("which", ["shipped", "busy"])
def test_every_milestone_and_date_is_on_the_paper(run: Run, tmp_path: Path, plan: Path,
                                                  which: str) -> None:
    page, data = _report(run, _plan(run, which, plan), tmp_path)
    printed = raw_text(_printed(tmp_path, page))
    paper = squeezed(printed)
    expected = shown_on_paper(data)
    assert len(expected) > 100
    missing = [text for text in expected if squeezed(text) not in paper]
    assert not missing, missing
    assert "…" not in printed
    if which == "busy":  # the parts the shipped plan has none of in Q2
        for words in ("Done this quarter (1)", "Moved this quarter (1)",
                      "Cancelled this quarter (1)", "Next steps:", "down from Green last quarter",
                      "Check: no commentary for this quarter", "The ratings"):
            assert squeezed(words) in paper, words


def _page_fill(pdf: Path) -> list[float]:
    """How far down each page its lowest word reaches, as a share of the page's height."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    fills = []
    for page in re.findall(r"<page [^>]*>.*?</page>", boxes, re.S):
        height = float(re.search(r'height="([\d.]+)"', page)[1])  # type: ignore[index]
        lowest = max((float(y) for y in re.findall(r'yMax="([\d.]+)"', page)), default=0.0)
        fills.append(lowest / height)
    return fills


def test_the_pages_are_used_and_headers_repeat(run: Run, tmp_path: Path) -> None:
    page, _ = _report(run, REAL_PLAN, tmp_path)
    pdf = _printed(tmp_path, page)
    fills = _page_fill(pdf)
    # 22 objectives at 12pt, no row split: 8 pages with these fonts. A row that may not
    # split leaves the foot of a page blank, never half of it.
    assert 6 <= len(fills) <= 9, fills
    assert all(fill >= 0.5 for fill in fills[:-1]), fills
    for number, text in enumerate(pdf_pages(pdf)[1:], start=2):
        first = next(line.strip() for line in text.splitlines() if line.strip())
        assert first.startswith((HEADER, "Strategic objective")), (number, first)
    assert sum(text.count(HEADER) for text in pdf_pages(pdf)) > 6  # one table per SO, and more


@pytest.mark.parametrize("which", ["shipped", "busy"])
def test_axe_finds_no_violation(run: Run, tmp_path: Path, plan: Path, which: str) -> None:
    page, _ = _report(run, _plan(run, which, plan), tmp_path)
    violations = axe_violations(tmp_path, page)
    assert not violations, json.dumps(violations, indent=1)
