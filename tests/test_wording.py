"""A milestone's date in words (``compute.wording``), the one wording of every output."""

from __future__ import annotations

import doctest

import npmplan.compute.wording
from npmplan.compute.wording import in_date_order, milestone_when, status_words, when_words
from npmplan.model.dates import parse_when
from npmplan.model.plan import Milestone


def milestone(**fields: str) -> Milestone:
    return Milestone.model_validate({"what": "x", **fields})


def test_the_module_examples() -> None:
    assert doctest.testmod(npmplan.compute.wording).failed == 0


def test_undated_forms_have_their_own_words() -> None:
    assert [when_words(parse_when(text)) for text in ("quarterly", "ongoing", "tbc")] == [
        "Quarterly", "Ongoing", "To be confirmed"]


def test_one_month_style_in_a_moved_milestone() -> None:
    moved = milestone(when="2026-06..2026-08", moved_to="2026-10..2026-12")
    assert milestone_when(moved) == "October to December 2026 (moved from June to August 2026)"
    assert milestone_when(moved, progress=False) == "June to August 2026"
    series = milestone(when="2026-05..2027-03", every="2")
    assert milestone_when(series) == "Every 2 months, May 2026 to March 2027"


def test_status_words() -> None:
    assert status_words(milestone(when="2026-09", status="done", done_on="2026-09-18")) == \
        "done 18 September 2026"
    assert status_words(milestone(when="2026-09", status="done", done_on="2026-09")) == \
        "done September 2026"
    assert status_words(milestone(when="2026-09", status="cancelled")) == "cancelled"
    assert status_words(milestone(when="2026-09")) == ""


def test_date_order_puts_the_undated_last_and_follows_a_move() -> None:
    items = [milestone(what=what, when=when) for what, when in (
        ("t", "tbc"), ("o", "ongoing"), ("q", "quarterly"), ("oct", "2026-10"),
        ("sep", "2026-09"), ("sep-nov", "2026-09..2026-11"), ("summer", "summer 2026"))]
    items.append(milestone(what="moved", when="2026-04", moved_to="2026-12"))
    order = [m.what for m in in_date_order(items)]
    assert order == ["summer", "sep", "sep-nov", "oct", "moved", "q", "o", "t"]
    assert in_date_order(items, progress=False)[0].what == "moved"
