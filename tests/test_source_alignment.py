"""The audit of the Word export against its source, kept as a test: the shipped plan's
document says what the business plan says (``../shared/source/business-plan-2026-27.txt``,
next to the repository; skipped where it is absent, as in a fresh clone).

- every unit of the source (a paragraph, or a paragraph, list item or whole cell of a table;
  ``source_units``) appears in the document's text, compared after collapsing whitespace and
  making the en dash a hyphen, unless ``CHANGED`` lists it with the document's words and why;
- every unit of the document comes from the source, or is ``JOINED`` from pieces the source's
  page breaks cut apart, or is a change listed in ``CHANGED``, or is one of the ``GENERATED``
  labels the document adds (headings of its own, the highlight's name, the appendix's marks).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx_helpers import opened, render, units
from source_units import normal, source_units

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "source" / "business-plan-2026-27.txt"
PLAN = ROOT / "plans" / "2026-27.yaml"

pytestmark = pytest.mark.skipif(not SOURCE.exists(), reason=f"{SOURCE} is not on this machine")

_STRAY_BOLD = "the text export closes a bold that never opened (a stray '**'); left out"
_CAPITALS = "a heading in block capitals is printed in sentence case (GOV.UK style: capitals " \
            "are harder to read)"

# source unit -> (the document's words instead, why)
CHANGED: dict[str, tuple[str, str]] = {
    "INTRODUCTION": ("Introduction", _CAPITALS),
    "STRATEGIC OBJECTIVES": ("Strategic objectives", _CAPITALS),
    "FUNCTIONS": ("Functions", _CAPITALS),
    "CONTEXT": ("Context", _CAPITALS),
    "1. Promote awareness and understanding of the UK's obligations under OPCAT and support "
    "NPM bodies and duty bearers to meet their OPCAT responsibilities. (visiting, advisory, "
    "educational)**": ("1. Promote awareness and understanding of the UK's obligations under "
                       "OPCAT and support NPM bodies and duty bearers to meet their OPCAT "
                       "responsibilities. (visiting, advisory, educational)", _STRAY_BOLD),
    "2. Identify systemic issues and their causes and take collective action with "
    "stakeholders within and outside the NPM to address the issues. (advisory, collaborative, "
    "educational, visiting)**": ("2. Identify systemic issues and their causes and take "
                                 "collective action with stakeholders within and outside the "
                                 "NPM to address the issues. (advisory, collaborative, "
                                 "educational, visiting)", _STRAY_BOLD),
    "3. Maximise external transparency of treatment and conditions in places where people may "
    "be deprived of their liberty, to drive duty bearer accountability and evidence-based "
    "decision-making. (advisory, educational)**": (
        "3. Maximise external transparency of treatment and conditions in places where people "
        "may be deprived of their liberty, to drive duty bearer accountability and "
        "evidence-based decision-making. (advisory, educational)", _STRAY_BOLD),
    "4. Strengthen international and domestic prevention efforts by exchanging learnings and "
    "good practice with international NPMs, treaty bodies and organisations. (collaborative, "
    "educational)**": ("4. Strengthen international and domestic prevention efforts by "
                       "exchanging learnings and good practice with international NPMs, "
                       "treaty bodies and organisations. (collaborative, educational)",
                       _STRAY_BOLD),
    "3.3. Communications plan and media strategy": (
        "3.3 Communications plan and media strategy",
        "the objective's id is data (3.3); the source writes it with a trailing dot"),
    "Conference and supporting materials: Agenda Business plan 2027/28": (
        "Conference and supporting materials: Agenda; Business plan 2027/28",
        "the source runs the list into its lead-in; the plan's one output separates the two "
        "items with a semicolon"),
}

# document unit -> why it is not one unit of the source
JOINED: dict[str, str] = {
    "2026 Consultations on Liberty Protection Safeguards, and the establishment of a national "
    "safeguarding board by the DHSC to review adult safeguarding statutory duties and powers.":
        "1.1's list item, cut by the page break and the footnote",
    "Submissions as necessary to: LPS consultation (re: need for independent monitoring, "
    "safeguards for valid consent). AWI Act and wider changes to mental health law in "
    "Scotland.": "1.1's output, cut by the page break",
    "March 2027: Publication of NPM report": "1.1's timeline entry, cut by the page break",
    "4.4 Participation in and dissemination of learning from CoE NPM forum":
        "4.4's title, cut by the page break",
    "The Council of Europe’s NPM forum hosts 1-3 annual fora for European NPMs on emerging "
    "themes of interest and concerns. Learning from other NPMs can be shared with UK "
    "organisations through:": "4.4's rationale, cut by the page break",
    "Staff and volunteers across the UK NPM receive updates, best practice and expertise from "
    "the international torture-prevention community, continuing to improve knowledge and "
    "develop skills.": "4.4's outcome, cut by the page break",
}

# the document's own labels (a pattern for each kind) and why each is there
GENERATED: dict[str, str] = {
    r"Contents": "the table of contents' heading",
    r"Functions: [a-z, ]+": "the functions each strategic objective serves, from the "
                            "introduction's list",
    r"Core business or high priority": "the green highlight named in words, for a grey-scale "
                                       "print",
    r"Start|End|(Jan|Feb|Mar) 2\d": "the appendix's column headings in full (the export cut "
                                    "them: 'Sta', 'Jan 2')",
    r"[AMP](◆\d*)?|◆\d*": "the appendix's kind letters and milestone marks",
    r"194": "the workload row's total",
    r"◆ a milestone due that month \(◆2: two\)|Key": "the appendix's key",
}


@pytest.fixture(scope="module")
def source() -> list[str]:
    return source_units(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def document() -> list[str]:
    return [unit for unit in (normal(text) for text in units(opened(render(PLAN)))) if unit]


def test_every_source_unit_is_in_the_document(source: list[str],
                                              document: list[str]) -> None:
    text = " ".join(document)
    missing = [unit for unit in source if unit not in text and unit not in CHANGED]
    assert missing == []
    assert len(source) > 400  # the whole source was read, tables and appendix too


def test_every_listed_change_is_still_a_change_and_in_the_document(
        source: list[str], document: list[str]) -> None:
    text = " ".join(document)
    for unit, (instead, why) in CHANGED.items():
        assert unit in source, f"not a unit of the source: {unit!r}"
        assert unit not in text, f"now in the document as written; drop it from CHANGED: {why}"
        assert normal(instead) in document, f"the document does not say {instead!r}"


def test_every_document_unit_comes_from_the_source_or_is_listed(
        source: list[str], document: list[str]) -> None:
    text = " ".join(source)
    changed = {normal(instead) for instead, _ in CHANGED.values()}
    joined = {normal(unit) for unit in JOINED}
    generated = re.compile("|".join(f"(?:{pattern})" for pattern in GENERATED))
    unlisted = [unit for unit in document if unit not in text and unit not in changed
                and unit not in joined and not generated.fullmatch(unit)]
    assert unlisted == []
    for unit in joined:  # each joined unit is in the document, and not in the source as one
        assert unit in document and unit not in text, unit
