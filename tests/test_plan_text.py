"""The plan-level text of plans/2026-27.yaml is the source's, word for word: every sentence
of the source's introduction, strategic objectives, functions and context sections appears in
the plan's text fields. The source is read from ``../shared/source/`` next to the repository;
without it (a fresh clone) the test skips.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from npmplan.model.plan import Plan
from npmplan.pipeline import read_plan

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "source" / "business-plan-2026-27.txt"
PLAN = ROOT / "plans" / "2026-27.yaml"
SECTIONS = ("INTRODUCTION", "STRATEGIC OBJECTIVES", "FUNCTIONS", "CONTEXT")
FUNCTION_HEADINGS = {"Visiting", "Advisory", "Educational", "Cooperation"}


def normalise(text: str) -> str:
    """The words alone: link and emphasis markup, list dashes and line breaks dropped."""
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)
    text = re.sub(r"(?m)^\s*-\s*", "", text)
    return " ".join(text.replace("*", "").split())


def source_sentences(text: str) -> list[str]:
    start = text.index("\nINTRODUCTION\n")
    end = text.index("\nOverview: Proposed NPM Business Plan")
    lines = [line for line in text[start:end].splitlines()
             if line.strip() not in SECTIONS and line.strip() not in FUNCTION_HEADINGS]
    # A paragraph is a line of the export, except where a page break split one (CONTEXT's
    # "... for research and" / "for standards and definitions"): a line that does not end a
    # sentence runs on into the next.
    body = re.sub(r"(?<=[a-z,])\n+(?=[a-z])", " ", "\n".join(lines))
    return [sentence for paragraph in body.splitlines()
            for sentence in re.split(r"(?<=[.:])\s+(?=[A-Z0-9(])", normalise(paragraph))
            if sentence]


def plan_text(plan: Plan) -> str:
    info = plan.plan
    functions = info.functions
    parts = [info.introduction, info.strategic_overview, info.context, info.notes]
    if functions is not None:
        parts += [functions.summary, functions.visiting, functions.advisory,
                  functions.educational, functions.cooperative]
    return normalise("\n".join(part for part in parts if part))


@pytest.fixture(scope="module")
def plan() -> Plan:
    result = read_plan(PLAN)
    assert result.plan is not None, result.errors
    return result.plan


@pytest.mark.skipif(not SOURCE.exists(), reason=f"the source is not at {SOURCE}")
def test_every_sentence_of_the_source_text_is_in_the_plan(plan: Plan) -> None:
    sentences = source_sentences(SOURCE.read_text(encoding="utf-8"))
    assert len(sentences) > 30  # the sections were found
    text = plan_text(plan)
    missing = [sentence for sentence in sentences if sentence not in text]
    assert missing == []


def test_the_plan_holds_every_text_field(plan: Plan) -> None:
    info = plan.plan
    assert info.functions is not None
    assert all(getattr(info.functions, name) for name in
               ("summary", "visiting", "advisory", "educational", "cooperative"))
    assert info.introduction and info.strategic_overview and info.context and info.notes
    assert "\n\n" in info.context  # paragraphs, as written
