"""``export html`` printed to PDF by Chromium (A4 landscape) with the default Linux fonts,
and checked by axe-core for accessibility.

Both need Debian's chromium (and poppler-utils for the PDF, axe-core from npm for the
check); .ci/run installs them where it can, and each test skips, saying why, where one is
missing. Nothing here reaches the network: axe-core is read from disk and put in the page.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_PLAN, REPO_ROOT, Run

# Chromium prints the page, axe-core checks it.
pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FONT_DIRS = {"dejavu": ["/usr/share/fonts/truetype/dejavu"],
             "liberation+dejavu": ["/usr/share/fonts/truetype/liberation",
                                   "/usr/share/fonts/truetype/dejavu"]}
AXE = Path(os.environ.get("NPMPLAN_AXE_JS")
           or REPO_ROOT / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js")
MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
WORKLOAD = [8, 11, 17, 18, 19, 17, 18, 19, 18, 16, 16, 17]


def chromium(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> str:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does)")
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, text=True, timeout=180, check=False,
        env={**os.environ, **(env or {})})
    return done.stdout + done.stderr


def report(run: Run, tmp_path: Path, plan: Path = REAL_PLAN) -> Path:
    page = tmp_path / "report.html"
    result = run("export", "html", "-p", plan, "--as-of", "2026-06-15", "-o", page)
    assert result.exit_code == 0, result.output
    return page


def fonts_only(tmp_path: Path, dirs: list[str]) -> dict[str, str]:
    """A fontconfig setup that sees only ``dirs``: the page as a machine with them prints."""
    missing = [d for d in dirs if not Path(d).is_dir()]
    if missing:
        pytest.skip(f"fonts not installed: {missing} (apt-get install fonts-dejavu "
                    "fonts-liberation; .ci/run does)")
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<fontconfig>\n'
                    + "".join(f"  <dir>{d}</dir>\n" for d in dirs)
                    + f"  <cachedir>{tmp_path / 'fc-cache'}</cachedir>\n</fontconfig>\n",
                    encoding="utf-8")
    return {"FONTCONFIG_FILE": str(conf)}


def pdf_pages(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def expected_dates() -> Counter[str]:
    from npmplan.compute.schedule import active_months
    from npmplan.pipeline import read_plan

    model = read_plan(REAL_PLAN).plan
    assert model is not None
    found: Counter[str] = Counter()
    for _, objective in model.objectives():
        months = list(active_months(objective))
        found.update([months[0].short(), months[-1].short()])
    return found


@pytest.mark.parametrize("fonts", list(FONT_DIRS))
def test_printed_first_page_holds_the_calendar_with_every_figure_whole(
        run: Run, tmp_path: Path, fonts: str) -> None:
    page = report(run, tmp_path)
    pdf = tmp_path / "report.pdf"
    said = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(),
                    env=fonts_only(tmp_path, FONT_DIRS[fonts]))
    assert pdf.exists(), said[-2000:]
    pages = pdf_pages(pdf)
    first = pages[0]
    assert "Calendar of actions 2026-27" in first
    assert "Strategic objective 6: Internal development" in first
    work = next(line for line in first.splitlines() if "Monthly workload" in line)
    assert [int(n) for n in re.findall(r"\d+", work)] == [*WORKLOAD, 194]
    for when, count in expected_dates().items():  # every Start and End whole: "Mar 27"
        assert first.count(when) >= count, (when, first)
    cut = re.findall(rf"(?:\b(?:{MONTHS})|\d)\s?…", first)
    assert not cut, f"figures cut short on page 1: {cut}"
    assert len(pages) <= 3, f"{len(pages)} sheets"


@pytest.mark.parametrize("fonts", list(FONT_DIRS))
def test_no_heading_is_left_at_the_foot_of_a_page(run: Run, tmp_path: Path,
                                                   fonts: str) -> None:
    page = report(run, tmp_path)
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(),
             env=fonts_only(tmp_path, FONT_DIRS[fonts]))
    heading = re.compile(r"Calendar of actions \S+|Monthly workload|Due list: \w+ \d{4}|"
                         r"(Overdue|Due this month|In progress|Due next month|Recurring this "
                         r"month|Ongoing|Date to be confirmed) \d+")
    for number, text in enumerate(pdf_pages(pdf), start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines, f"page {number} is empty"
        assert not heading.fullmatch(lines[-1]), f"page {number} ends with {lines[-1]!r}"


# --- accessibility: axe-core in the same headless Chromium ---------------------------

RUNNER = """<script>
axe.run(document, {resultTypes: ['violations']}).then(function (result) {
  var out = document.createElement('pre'); out.id = 'axe-results';
  out.textContent = JSON.stringify(result.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })};
  }));
  document.body.appendChild(out);
}, function (error) {
  var out = document.createElement('pre'); out.id = 'axe-results';
  out.textContent = 'ERROR ' + error; document.body.appendChild(out);
});
</script>"""


def axe_violations(tmp_path: Path, page: Path) -> list[dict[str, Any]]:
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed at {AXE} (npm install --prefix .ci/axe "
                    "axe-core; .ci/run does), or set NPMPLAN_AXE_JS")
    # The test, not the exporter, adds the scripts: the page itself has none.
    checked = tmp_path / "checked.html"
    checked.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", f"<script>{AXE.read_text(encoding='utf-8')}</script>{RUNNER}</body>"),
        encoding="utf-8")
    dom = chromium(tmp_path, "--virtual-time-budget=30000", "--dump-dom", checked.as_uri())
    match = re.search(r'<pre id="axe-results">(.*?)</pre>', dom, re.S)
    assert match, dom[-2000:]
    found = html.unescape(match[1])
    assert not found.startswith("ERROR"), found
    violations: list[dict[str, Any]] = json.loads(found)
    return violations


SMALL = """\
version: 1
plan:
  title: A small plan
  period: 2026-04..2027-03
  capacity: 1
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: An objective with a long title that the calendar cuts on screen
        priority: core
        schedule: [2026-04..2026-08, {months: 2026-09, kind: meetings}]
        milestones:
          - {when: 2026-05, what: Late}
          - {when: 2026-06, what: Due now}
          - {when: tbc, what: Later}
      - id: "1.2"
        title: Two
        schedule: [{months: 2026-06..2026-07, kind: production}]
"""


@pytest.mark.parametrize("which", ["shipped", "small"])
def test_axe_finds_no_violation(run: Run, tmp_path: Path, which: str) -> None:
    plan = REAL_PLAN
    if which == "small":
        plan = tmp_path / "small.yaml"
        plan.write_text(SMALL, encoding="utf-8")
    violations = axe_violations(tmp_path, report(run, tmp_path, plan))
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, json.dumps(serious, indent=1)
    assert not violations, json.dumps(violations, indent=1)


def test_a_shaded_cell_says_its_kind_in_words(run: Run, tmp_path: Path) -> None:
    page = report(run, tmp_path).read_text(encoding="utf-8")
    assert '<span class="vh">Active period, 2 milestones due</span>' in page
    assert '<span class="vh">T&amp;F/Subgroup meetings, 1 milestone due</span>' in page
    assert '<span class="ms" aria-hidden="true">' in page
    assert "<main>" in page and page.index("<main>") < page.index('class="sheet1"')


def test_the_axe_check_can_fail(run: Run, tmp_path: Path) -> None:
    """The check is real: a page with the old faults (no main, an empty header) fails it."""
    page = report(run, tmp_path)
    broken = tmp_path / "broken.html"
    broken.write_text(page.read_text(encoding="utf-8").replace("<main>", "<div>").replace(
        "</main>", "</div>").replace('<td colspan="4"></td>', '<th colspan="4"></th>'),
        encoding="utf-8")
    found = {v["id"] for v in axe_violations(tmp_path, broken)}
    assert {"landmark-one-main", "empty-table-header"} <= found
