"""``npmplan site`` as a reader's browser shows it: every page of the shipped plan's site in
headless Chromium, checked by axe-core at WCAG 2.2 AA, by keyboard (the skip link first,
every link focusable) and for what it loads (nothing from another site); every page checked
by html-validate; the quarterly report printed, every item on the paper in full.

Chromium, axe-core and poppler-utils are found as ``test_export_html_print`` finds them;
html-validate is installed by ``.ci/run`` (npm) in ``.ci/html-validate``. Each test skips,
saying why, where its program is missing. ``tests/htmlvalidate.json`` is html-validate's
recommended rules but ``long-title``: a page's title names its objective in full, the
plan's own words, rather than cut them at 70 characters for search engines.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_PLAN, REPO_ROOT, Run
from site_helpers import AS_OF, build, pages
from test_export_html_print import AXE, FONT_DIRS, chromium, fonts_only
from test_report_print import raw_text, shown_on_paper, squeezed

pytestmark = pytest.mark.slow  # Chromium opens every page

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
HTML_VALIDATE = Path(os.environ.get("NPMPLAN_HTML_VALIDATE") or REPO_ROOT / ".ci"
                     / "html-validate" / "node_modules" / ".bin" / "html-validate")

# Added by the test, never by npmplan: the pages have no script. It looks at the page as
# loaded, then runs axe, then writes what it found into the DOM for --dump-dom to show.
RUNNER = """<script>
(function () {
  function said(found) {
    var out = document.createElement('pre'); out.id = 'site-results';
    out.textContent = JSON.stringify(found); document.body.appendChild(out);
  }
  var focusable = Array.prototype.filter.call(document.querySelectorAll(
    'a[href], button, input, select, textarea, [tabindex]'), function (e) {
      return e.tabIndex >= 0 && !e.disabled; });
  var unreachable = Array.prototype.filter.call(document.querySelectorAll('a[href]'),
    function (a) { a.focus(); return a.tabIndex < 0 || document.activeElement !== a
      || a.getClientRects().length === 0 || a.closest('[aria-hidden="true"]') !== null; })
    .map(function (a) { return a.getAttribute('href'); });
  if (document.activeElement) { document.activeElement.blur(); }
  var loaded = performance.getEntriesByType('resource').map(function (e) { return e.name; });
  axe.run(document, {runOnly: {type: 'tag', values: TAGS}, resultTypes: ['violations']})
    .then(function (result) {
      said({first: focusable.length ? focusable[0].outerHTML : null,
            unreachable: unreachable, loaded: loaded,
            violations: result.violations.map(function (v) {
              return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3)
                .map(function (n) { return n.target.join(' '); })}; })});
    }, function (error) { said({error: String(error)}); });
})();
</script>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import _run

    return build(_run, tmp_path_factory.mktemp("site") / "public")


def in_browser(tmp_path: Path, page: Path) -> dict[str, Any]:
    """What the runner found on ``page``, opened from beside it (so its style sheet and
    links resolve as they do for a reader)."""
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed at {AXE} (npm install --prefix .ci/axe "
                    "axe-core; .ci/run does), or set NPMPLAN_AXE_JS")
    checked = page.with_name(f"{page.stem}.checked.html")
    runner = RUNNER.replace("TAGS", json.dumps(TAGS))
    checked.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", f"<script>{AXE.read_text(encoding='utf-8')}</script>{runner}</body>"),
        encoding="utf-8")
    try:
        dom = chromium(tmp_path, "--virtual-time-budget=30000", "--window-size=1280,1000",
                       "--dump-dom", checked.as_uri())
    finally:
        checked.unlink()
    match = re.search(r'<pre id="site-results">(.*?)</pre>', dom, re.S)
    assert match, dom[-2000:]
    found: dict[str, Any] = json.loads(html.unescape(match[1]))
    assert "error" not in found, found
    return found


def test_every_page_passes_axe_keyboard_and_loads_nothing_from_elsewhere(
        site: Path, tmp_path: Path) -> None:
    failures = {}
    for page in pages(site):
        found = in_browser(tmp_path, page)
        name = str(page.relative_to(site))
        first = found["first"] or ""
        problems = [f"axe: {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}"
                    for v in found["violations"]]
        if 'class="skip"' not in first or 'href="#main"' not in first:
            problems.append(f"the first thing the keyboard reaches is {first[:120]}")
        problems += [f"link not reachable by keyboard: {href}" for href in found["unreachable"]]
        problems += [f"loaded from elsewhere: {url}" for url in found["loaded"]
                     if not url.startswith(site.resolve().as_uri() + "/")]
        if problems:
            failures[name] = problems
    assert len(pages(site)) == 28
    assert not failures, json.dumps(failures, indent=1)


def test_html_validate_finds_no_error(site: Path) -> None:
    if not HTML_VALIDATE.is_file() or shutil.which("node") is None:
        pytest.skip(f"html-validate is not installed at {HTML_VALIDATE} (npm install "
                    "--prefix .ci/html-validate html-validate; .ci/run does)")
    done = subprocess.run([str(HTML_VALIDATE), "--config",
                           str(Path(__file__).with_name("htmlvalidate.json")),
                           "--formatter", "text", str(site)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_the_quarterly_report_prints_every_item_in_full(run: Run, site: Path,
                                                         tmp_path: Path) -> None:
    pdf = tmp_path / "q3.pdf"
    said = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    (site / "reports" / "q3.html").as_uri(),
                    env=fonts_only(tmp_path, FONT_DIRS["liberation+dejavu"]))
    assert pdf.exists(), said[-2000:]
    printed = raw_text(pdf)
    made = run("report", "--plan", str(REAL_PLAN), "--quarter", "3", "--as-of", AS_OF,
               "--format", "json")
    expected = shown_on_paper(json.loads(made.stdout))
    assert len(expected) > 100
    paper = squeezed(printed)
    missing = [text for text in expected if squeezed(text) not in paper]
    assert not missing, missing
    assert "…" not in printed
    assert "Skip to main content" not in printed  # the screen's furniture is not printed


def test_the_checks_can_fail(site: Path, tmp_path: Path) -> None:
    """A page spoiled on purpose: each check finds what was spoiled."""
    bad = site / "spoiled.html"
    bad.write_text((site / "index.html").read_text(encoding="utf-8").replace(
        "<main", '<img src="https://example.invalid/x.png"><a href="#main" tabindex="-1">'
        "x</a><main"), encoding="utf-8")
    try:
        found = in_browser(tmp_path, bad)
    finally:
        bad.unlink()
    assert "image-alt" in {v["id"] for v in found["violations"]}
    assert found["unreachable"] == ["#main"]
    assert found["loaded"] == ["https://example.invalid/x.png"]


# A page of the test's own, beside the page measured: the page in a frame 320 CSS pixels wide
# (headless Chromium makes no window narrower than about 500), and how wide its content is.
NARROW = """<!DOCTYPE html><html lang="en"><title>narrow</title><body>
<iframe id="f" src="PAGE" width="320" height="800" title="page"></iframe><script>
document.getElementById('f').onload = function () {
  var root = this.contentDocument.documentElement, out = document.createElement('p');
  out.id = 'measure'; out.textContent = root.clientWidth + ' ' + root.scrollWidth;
  document.body.appendChild(out);
};</script></body></html>"""


def test_no_page_scrolls_sideways_at_400_percent_zoom(site: Path, tmp_path: Path) -> None:
    """WCAG 1.4.10 (reflow), what the statement promises: at 320 CSS pixels wide (1280 at
    400%) no page is wider than its window; a wide table scrolls inside its own box."""
    wide = {}
    for page in pages(site):
        frame = page.with_name(f"{page.stem}.narrow.html")
        frame.write_text(NARROW.replace("PAGE", page.name), encoding="utf-8")
        try:
            dom = chromium(tmp_path, "--allow-file-access-from-files",
                           "--virtual-time-budget=3000", "--dump-dom", frame.as_uri())
        finally:
            frame.unlink()
        match = re.search(r'<p id="measure">(\d+) (\d+)</p>', dom)
        assert match, dom[-2000:]
        window, content = int(match[1]), int(match[2])
        assert 280 <= window <= 320  # the frame, less any scroll bar
        if content > window:
            wide[str(page.relative_to(site))] = content
    assert not wide, wide
