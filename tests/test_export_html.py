"""``npmplan export html``: valid, self-contained, escaped, and (in a browser) it fits."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import html5lib
import pytest
from conftest import Run

SHIPPED = Path(__file__).resolve().parents[1] / "plans" / "2026-27.yaml"
CHROMIUM = "/usr/bin/chromium"

SMALL = """\
version: 1
plan:
  title: "Plan <script>alert('x')</script> & \\"quotes\\""
  period: 2026-04..2027-03
  capacity: 2
team:
  - {id: mk, name: Martin Kettle}
strategic_objectives:
  - id: "1"
    title: "First & <b>bold</b>"
    objectives:
      - id: "1.1"
        title: "<img src=x onerror=alert(1)>"
        label: "Label with \\"quotes\\" & <tags>"
        leads: [mk]
        schedule:
          - {months: 2026-04..2026-07}
        milestones:
          - {when: 2026-04, what: "Late <i>thing</i>"}
          - {when: 2026-06, what: "Due thing"}
          - {when: 2026-05, moved_to: 2026-06, what: "Moved thing"}
          - {when: 2026-05, what: "Done thing", status: done}
          - {when: 2026-06, what: "Dropped thing", status: cancelled}
          - {when: 2026-04..2026-12, every: 2, what: "Every other month"}
          - {when: 2026-07, what: "Next thing"}
      - id: "1.2"
        title: Two
        schedule:
          - {months: 2026-05..2026-07, kind: meetings}
      - id: "1.3"
        title: Three
        schedule:
          - {months: 2026-06..2026-08, kind: production}
"""


def export(run: Run, plan: Path, *args: str) -> str:
    result = run("export", "html", "-p", plan, *args)
    assert result.exit_code == 0, result.output
    text: str = result.stdout
    return text


def tree(page: str) -> ElementTree.Element:
    """The page parsed strictly: any HTML5 parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root: ElementTree.Element = parser.parse(page)
    return root


def text_of(element: ElementTree.Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def cards(root: ElementTree.Element) -> dict[str, list[str]]:
    out = {}
    for card in root.iter("div"):
        if "card" in (card.get("class") or "").split():
            heading = card.find("h3")
            assert heading is not None
            title = (heading.text or "").strip()
            out[title] = [text_of(li) for li in card.iter("li")
                          if "none" not in (li.get("class") or "")]
    return out


def test_shipped_page_is_strict_html5(run: Run) -> None:
    root = tree(export(run, SHIPPED, "--as-of", "2026-11-12"))
    assert root.tag == "html" and root.get("lang") == "en-GB"


def test_self_contained_and_printable(run: Run, small: Path) -> None:
    page = export(run, small, "--as-of", "2026-06-10")
    assert page.startswith("<!DOCTYPE html>\n")
    elements = list(tree(page).iter())
    tags = {element.tag for element in elements}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "svg", "base"}
    assert not any(name in element.attrib for element in elements
                   for name in ("src", "href", "srcset", "action"))
    assert "http:" not in page and "https:" not in page and "@import" not in page
    assert "url(" not in page
    assert re.search(r"@page\s*\{[^}]*size:\s*A4 landscape", page)
    assert "@media print" in page and "table-layout:fixed" in page


def test_plan_text_is_escaped(run: Run, small: Path) -> None:
    page = export(run, small, "--as-of", "2026-06-10")
    tree(page)
    assert "<script>alert" not in page and "<img" not in page and "<tags>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Label with &quot;quotes&quot; &amp; &lt;tags&gt;" in page
    assert "Late &lt;i&gt;thing&lt;/i&gt;" in page


def test_calendar_grid(run: Run, small: Path) -> None:
    root = tree(export(run, small, "--as-of", "2026-06-10"))
    table = next(t for t in root.iter("table") if t.get("class") == "grid")
    rows = [tr for tr in table.iter("tr") if tr.find("td") is not None
            and tr.get("class") != "years"]
    first = rows[0]
    cells = first.findall("td")
    assert [text_of(c) for c in cells[:4]] == ["1.1", 'Label with "quotes" & <tags>',
                                               "Apr 26", "Jul 26"]
    assert cells[1].get("title", "").startswith('Label with "quotes" & <tags> — <img')
    months = cells[4:16]
    assert [c.get("class") for c in months[:5]] == [
        "m k-active", "m k-active", "m k-active now", "m k-active", "m"]
    # Apr: late + recurring; May: done; Jun: due + moved + recurring; Jul: next; Aug: recurring
    # What each cell shows is also said in words, for a screen reader (visually hidden)
    assert [text_of(c) for c in months[:5]] == [
        "Active period, 2 milestones due ◆2", "Active period, 1 milestone due ◆",
        "Active period, 3 milestones due ◆3", "Active period, 1 milestone due ◆",
        "not active, 1 milestone due ◆"]
    assert text_of(cells[16]) == "4"
    kinds = [c.get("class") for c in rows[1].findall("td")[4:8]]
    assert kinds == ["m", "m k-meetings", "m k-meetings now", "m k-meetings"]
    work = rows[-1].findall("td")
    assert [text_of(c) for c in work[3:9]] == ["1", "2", "▲3", "▲3", "1", "0"]
    assert [("over" in (c.get("class") or "")) for c in work[3:9]] == [
        False, False, True, True, False, False]
    assert text_of(work[-1]) == "10"


def test_due_list_for_the_month(run: Run, small: Path) -> None:
    found = cards(tree(export(run, small, "--month", "2026-06", "--as-of", "2026-09-30")))
    # dates in words (compute.wording), as in the Word document
    assert found["Overdue"] == ["1.1 Late <i>thing</i> 2 months late April 2026",
                                "1.1 Every other month 2 months late April 2026"]
    assert found["Due this month"] == ["1.1 Due thing June 2026",
                                       "1.1 Moved thing June 2026 May 2026"]
    assert found["Recurring this month"] == ["1.1 Every other month June 2026"]
    assert found["Due next month"] == ["1.1 Next thing July 2026"]
    assert not any("Dropped" in item for items in found.values() for item in items)
    assert not any("Done thing" in item for item in found["Overdue"])


def test_month_defaults_to_as_of(run: Run, small: Path) -> None:
    page = export(run, small, "--as-of", "2026-07-03")
    assert "Due list: July 2026" in page
    assert "Due list: July 2026" in export(run, small, "--as-of", "2026-07-03", "--month",
                                           "2026-07")


def test_shipped_due_list(run: Run) -> None:
    found = cards(tree(export(run, SHIPPED, "--month", "2026-11", "--as-of", "2026-11-12")))
    assert "1.1 NPM social care standards published November 2026" in found["Due this month"]
    assert len(found["Due this month"]) == 7
    assert "Monthly workload" in export(run, SHIPPED, "--as-of", "2026-11-12")


def test_filters(run: Run, small: Path, tmp_path: Path) -> None:
    page = export(run, SHIPPED, "--strategic", "2", "--as-of", "2026-11-12")
    root = tree(page)
    ids = [text_of(td) for td in root.iter("td") if td.get("class") == "id"]
    assert ids == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    assert "Showing strategic objective 2" in page
    assert run("export", "html", "-p", small, "--lead", "nobody").exit_code == 2


@pytest.mark.parametrize("args", [["--month", "Nov 26"], ["--as-of", "12/11/2026"]])
def test_bad_dates_are_usage_errors(run: Run, small: Path, args: list[str]) -> None:
    result = run("export", "html", "-p", small, *args)
    assert result.exit_code == 2, result.output
    assert "<html" not in result.stdout


def test_output_file(run: Run, small: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = run("export", "html", "-p", small, "--as-of", "2026-06-10", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_bytes().decode("utf-8") == export(run, small, "--as-of", "2026-06-10")
    refused = run("export", "html", "-p", small, "-o", str(small))
    assert refused.exit_code == 2 and small.read_text(encoding="utf-8") == SMALL


# --- in a browser -----------------------------------------------------------------------

def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if not shutil.which(CHROMIUM):
        pytest.skip("chromium not installed: apt-get install chromium (done by .ci/run)")
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2000",
         *args],
        capture_output=True, text=True, timeout=180, check=False)


@pytest.mark.slow
def test_screenshot(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    page.write_text(export(run, SHIPPED, "--as-of", "2026-06-15"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    done = chromium(tmp_path, "--hide-scrollbars", f"--screenshot={shot}", page.as_uri())
    assert shot.exists(), done.stderr
    assert shot.stat().st_size > 10_000


# The test, not the exporter, adds a script: it writes the page's widths into the DOM.
MEASURE = ("<script>document.body.insertAdjacentHTML('beforeend', '<p id=\"measure\">' + "
           "document.documentElement.scrollWidth + ' ' + Math.ceil(document.querySelector("
           "'table.grid').getBoundingClientRect().right) + '</p>');</script>")


@pytest.mark.slow
def test_no_horizontal_scroll_at_1280(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "measure.html"
    page.write_text(export(run, SHIPPED, "--as-of", "2026-06-15").replace(
        "</body>", MEASURE + "</body>"), encoding="utf-8")
    done = chromium(tmp_path, "--run-all-compositor-stages-before-draw",
                    "--virtual-time-budget=2000", "--dump-dom", page.as_uri())
    match = re.search(r'<p id="measure">(\d+) (\d+)</p>', done.stdout)
    assert match, done.stdout[-2000:] + done.stderr[-2000:]
    scroll_width, grid_right = int(match[1]), int(match[2])
    assert scroll_width <= 1280
    assert grid_right <= 1280


VALID = sorted((Path(__file__).parent / "plans" / "valid").glob("*.yaml"))


@pytest.mark.parametrize("plan", VALID, ids=[p.name for p in VALID])
def test_every_valid_plan_is_strict_html5(run: Run, plan: Path) -> None:
    tree(export(run, plan, "--as-of", "2026-06-01"))
