"""``npmplan site``: the pages a reader gets, without a browser: which pages, the same bytes
from the same plan, every link leading to a file of the site, nothing from another site,
each quarter's page as it stood on the quarter's last day, strict HTML, and bad input met
with a sentence (the browser's view is in ``test_site_browser.py``)."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import html5lib
import pytest
from conftest import REAL_PLAN, Run
from site_helpers import AS_OF, broken_links, build, links_of, pages

from npmplan.write.folder import MARK

SMALL = """\
version: 1
plan:
  title: "A <small> plan & co"
  organisation: "Org <b>name</b>"
  period: 2026-04..2027-03
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: Finished late
        schedule: [2026-04..2026-09]
        milestones:
          - {when: 2026-05, what: Done in August, status: done, done_on: 2026-08-10}
          - {when: 2026-06, what: Done in June, status: done, done_on: 2026-06-20}
"""


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import _run

    return build(_run, tmp_path_factory.mktemp("site") / "public")


def tree(page: Path) -> ElementTree.Element:
    """The page parsed strictly: any HTML5 parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root: ElementTree.Element = parser.parse(page.read_text(encoding="utf-8"))
    return root


def text_of(element: ElementTree.Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def summary_rows(page: Path, objective: str) -> dict[str, str]:
    """The summary list of one objective's section of a quarterly report: key → words."""
    for section in tree(page).iter("section"):
        heading = section.find("h2")
        if heading is not None and text_of(heading).startswith(objective + " "):
            return {text_of(row[0]): text_of(row[1]) for row in section.iter("div")
                    if len(row) == 2 and row[0].tag == "dt"}
    raise AssertionError(f"no section for {objective} in {page}")


# --- what is built ------------------------------------------------------------------------

def test_the_shipped_plan_gives_every_page_and_download(shipped: Path) -> None:
    names = {str(p.relative_to(shipped)) for p in shipped.rglob("*") if p.is_file()}
    objectives = {n for n in names if n.startswith("objectives/")}
    assert len(objectives) == 22
    assert {"objectives/1-1.html", "objectives/6-2.html"} <= objectives
    assert names - objectives == {
        "index.html", "calendar.html", "accessibility.html", "style.css", MARK,
        "reports/q1.html", "reports/q2.html", "reports/q3.html",
        "downloads/plan.docx", "downloads/plan.xlsx", "downloads/plan.ics",
        "downloads/plan.json"}
    assert len(pages(shipped)) == 28


def test_the_quarters_are_named_with_their_months(shipped: Path) -> None:
    home = text_of(tree(shipped / "index.html"))
    for words in ("Q1, April to June 2026", "Q2, July to September 2026",
                  "Q3, October to December 2026", "Plan period April 2026 to March 2027",
                  "As of 5 December 2026", "Stand-up for December 2026"):
        assert words in home
    assert "Q4, January" not in home and not (shipped / "reports" / "q4.html").exists()


def test_same_plan_and_day_give_the_same_bytes(run: Run, tmp_path: Path,
                                              shipped: Path) -> None:
    again = build(run, tmp_path / "again")

    def digests(site: Path) -> dict[str, str]:
        return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in site.rglob("*") if p.is_file()}

    assert digests(again) == digests(shipped)


def test_no_timestamp_but_the_day(shipped: Path) -> None:
    for page in pages(shipped):
        days = set(re.findall(r"\b20\d\d-\d\d-\d\d\b", page.read_text(encoding="utf-8")))
        assert days <= {AS_OF}, (page, days)
    for name in ("plan.docx", "plan.xlsx"):
        with zipfile.ZipFile(io.BytesIO((shipped / "downloads" / name).read_bytes())) as z:
            assert {info.date_time for info in z.infolist()} <= {(2026, 4, 1, 0, 0, 0),
                                                                (1980, 1, 1, 0, 0, 0)}


def test_every_link_resolves_and_nothing_leaves_the_site(shipped: Path) -> None:
    assert broken_links(shipped) == []
    for page in pages(shipped):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text and "@import" not in text and "url(" not in text
        footer = {value for _, _, value in links_of(page).links if "downloads/" in value}
        assert {v.rsplit("/", 1)[1] for v in footer} == {
            "plan.docx", "plan.xlsx", "plan.ics", "plan.json"}, page
    assert "url(" not in (shipped / "style.css").read_text(encoding="utf-8")


def test_every_page_is_strict_html5_with_one_h1_and_a_skip_link(shipped: Path) -> None:
    for page in pages(shipped):
        root = tree(page)
        assert root.get("lang") == "en-GB"
        assert len(list(root.iter("h1"))) == 1, page
        first = next(root.iter("body"))[0]
        assert first.tag == "a" and first.get("href") == "#main", page
        assert len(list(root.iter("main"))) == 1


def test_the_downloads_are_the_exports(run: Run, shipped: Path, tmp_path: Path) -> None:
    for name, command in (("plan.json", ("export", "json")), ("plan.ics", ("export", "ics")),
                          ("plan.docx", ("export", "docx"))):
        made = run(*command, "--plan", str(REAL_PLAN), "-o", str(tmp_path / name))
        assert made.exit_code == 0, made.output
        assert (tmp_path / name).read_bytes() == (shipped / "downloads" / name).read_bytes()
    data = json.loads((shipped / "downloads" / "plan.json").read_text(encoding="utf-8"))
    assert data["plan"]["title"] == "UK NPM Business Plan 2026-27"


def test_ratings_match_the_report_command(run: Run, shipped: Path) -> None:
    for number in (1, 2, 3):
        made = run("report", "--plan", str(REAL_PLAN), "--quarter", str(number), "--as-of",
                   AS_OF, "--format", "json")
        report = json.loads(made.stdout)
        page = shipped / "reports" / f"q{number}.html"
        for entry in report["objectives"][:5]:
            rows = summary_rows(page, entry["id"])
            assert rows["Rating"].split()[0].lower() == entry["rag"], (number, entry["id"])


# --- as it stood --------------------------------------------------------------------------

def test_a_quarter_page_is_the_report_as_it_stood(run: Run, small: Path,
                                                  tmp_path: Path) -> None:
    site = build(run, tmp_path / "site", small, "2026-12-05")
    q1 = summary_rows(site / "reports" / "q1.html", "1.1")
    assert "Done in August" not in q1["Done this quarter"]
    assert "Done in June" in q1["Done this quarter"]
    assert "Done in August" in q1["Due this quarter, not done"]
    q2 = summary_rows(site / "reports" / "q2.html", "1.1")
    assert "Done in August" in q2["Done this quarter"]
    objective = text_of(tree(site / "objectives" / "1-1.html"))
    assert "Done in August" in objective and "2026-08-10" in objective


def test_plan_text_is_escaped(run: Run, small: Path, tmp_path: Path) -> None:
    site = build(run, tmp_path / "site", small)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "A &lt;small&gt; plan &amp; co" in home and "Org &lt;b&gt;name&lt;/b&gt;" in home
    assert "<small>" not in home and "<b>name" not in home


def test_before_the_period_no_report(run: Run, small: Path, tmp_path: Path) -> None:
    site = build(run, tmp_path / "site", small, "2026-03-01")
    assert not (site / "reports").exists()
    assert "No quarter of the plan had begun" in text_of(tree(site / "index.html"))
    assert broken_links(site) == []


def test_the_work_grows_with_the_plan_not_its_square(shipped: Path) -> None:
    """Each page is laid out once: an objective's page holds its own ratings only."""
    sizes = [p.stat().st_size for p in (shipped / "objectives").glob("*.html")]
    assert max(sizes) < 40_000
    assert sum(p.stat().st_size for p in pages(shipped)) < 2_000_000


# --- the folder ---------------------------------------------------------------------------

def test_a_previous_site_is_replaced_whole(run: Run, small: Path, tmp_path: Path) -> None:
    site = build(run, tmp_path / "site", small)
    (site / "stale.html").write_text("old", encoding="utf-8")
    build(run, site, small)
    assert not (site / "stale.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_empty_folder_is_used(run: Run, small: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert (build(run, tmp_path / "empty", small) / "index.html").is_file()


def test_a_folder_npmplan_did_not_make_is_refused(run: Run, small: Path,
                                                   tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    refused = run("site", "-o", str(mine), "--plan", str(small))
    assert refused.exit_code == 2
    assert "npmplan did not make" in refused.stderr and "--force" in refused.stderr
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    forced = run("site", "-o", str(mine), "--plan", str(small), "--force")
    assert forced.exit_code == 0, forced.output
    assert not (mine / "notes.txt").exists() and (mine / "index.html").is_file()


def test_never_the_folder_that_holds_the_plan(run: Run, small: Path) -> None:
    refused = run("site", "-o", str(small.parent), "--plan", str(small), "--force")
    assert refused.exit_code == 2
    assert "holds the plan file" in refused.stderr
    assert small.read_text(encoding="utf-8") == SMALL


def test_never_the_working_folder(run: Run, small: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    (work / "inside").mkdir(parents=True)
    monkeypatch.chdir(work / "inside")
    refused = run("site", "-o", str(work), "--plan", str(small), "--force")
    assert refused.exit_code == 2
    assert "the folder you are in" in refused.stderr
    assert (work / "inside").is_dir()


def test_a_file_is_refused(run: Run, small: Path) -> None:
    refused = run("site", "-o", str(small), "--plan", str(small))
    assert refused.exit_code == 2
    assert small.read_text(encoding="utf-8") == SMALL


def test_an_unwritable_folder_is_said_plainly(run: Run, small: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if _writable(locked):
            pytest.skip("this user can write anywhere (root)")
        made = run("site", "-o", str(locked / "public"), "--plan", str(small))
    finally:
        locked.chmod(0o700)
    assert made.exit_code == 2, made.output
    assert made.stderr.startswith("npmplan: cannot write the site to ")
    assert "permission denied" in made.stderr and "Traceback" not in made.output
    assert list(locked.iterdir()) == []


@pytest.mark.parametrize(("where", "words"), [
    ("plan.yaml/public", "is a file, not a folder"), ("missing/public", "does not exist")])
def test_a_folder_that_cannot_be_written_is_said_plainly(run: Run, small: Path,
                                                         where: str, words: str) -> None:
    made = run("site", "-o", str(small.parent / where), "--plan", str(small))
    assert made.exit_code == 2, made.output
    assert made.stderr.startswith("npmplan: cannot write the site to "), made.stderr
    assert words in made.stderr and "Traceback" not in made.output


def _writable(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("", encoding="utf-8")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


def test_an_invalid_plan_writes_nothing(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.replace("2026-05, what: Done in August", "2026-13, what: Late"),
                   encoding="utf-8")
    made = run("site", "-o", str(tmp_path / "public"), "--plan", str(bad))
    assert made.exit_code == 1, made.output
    assert re.search(r"bad\.yaml:\d+:\d+: ", made.stderr), made.stderr
    assert not (tmp_path / "public").exists()


@pytest.mark.parametrize("args", [["--as-of", "5/12/2026"], []])
def test_bad_options_are_usage_errors(run: Run, small: Path, tmp_path: Path,
                                      args: list[str]) -> None:
    argv = ["site", "--plan", str(small), *args]
    if args:
        argv += ["-o", str(tmp_path / "public")]
    made = run(*argv)
    assert made.exit_code == 2, made.output
    assert not (tmp_path / "public").exists()
