"""The Word files grow with the plan, not with its square (issue 25): python-docx's look-ups
that read every style, row or relationship (a style by name, ``table.rows[i]``, a column's
cells, a link's id) are made no more often for 200 objectives than for 10, and a rationale of
thousands of bullet items is written whole. Counts, never time: ``benchmarks/robustness.py``
measures the seconds."""

from __future__ import annotations

import functools
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import docx
import pytest
from conftest import Run
from docx.opc.rel import Relationships
from docx.oxml.ns import qn
from docx.styles.styles import Styles
from docx.table import _Column, _Rows
from docx.text.paragraph import Paragraph
from reports_helpers import PLAN
from robustness_helpers import BASE

HEAD = BASE.split("      - id:")[0]  # the plan down to its first strategic objective's list
OBJECTIVE = """\
      - id: "1.{n}"
        title: Objective {n}
        leads: [mk]
        priority: core
        rationale: "Why, with **a** [link](https://example.org/{n}).\\n\\n- one\\n- two"
        outcomes: [An outcome]
        outputs: [{{title: A resource, web: true}}]
        schedule: [2026-04..2026-09, {{months: 2026-10..2027-03, kind: meetings}}]
        milestones: [{{when: 2026-06, what: Draft, status: done, done_on: 2026-06-10}},
                     {{when: 2026-11, what: Published}}]
"""
COMMANDS = {"export docx": ("export", "docx"),
            "report docx": ("report", "--as-of", "2026-11-30", "-f", "docx")}


def _plan(folder: Path, objectives: int) -> Path:
    path = folder / f"{objectives}.yaml"
    body = "".join(OBJECTIVE.format(n=n) for n in range(objectives))
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def _counted(counts: Counter[str], name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def counting(*args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return method(*args, **kwargs)
    return counting


@pytest.mark.parametrize("command", COMMANDS)
def test_whole_table_look_ups_do_not_grow_with_the_plan(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    counts: Counter[str] = Counter()
    monkeypatch.setattr(Styles, "__getitem__",
                        _counted(counts, "style by name", Styles.__getitem__))
    monkeypatch.setattr(_Rows, "__getitem__", _counted(counts, "rows[i]", _Rows.__getitem__))
    monkeypatch.setattr(Relationships, "get_or_add_ext_rel",  # reads every relationship
                        _counted(counts, "link by reading", Relationships.get_or_add_ext_rel))
    monkeypatch.setattr(_Column, "cells",
                        property(_counted(counts, "column cells", vars(_Column)["cells"].fget)))
    seen = []
    for size in (10, 200):
        counts.clear()
        result = run(*COMMANDS[command], "--plan", _plan(tmp_path, size),
                     "-o", tmp_path / f"{size}.docx")
        assert result.exit_code == 0, result.output
        seen.append(dict(counts))
    small, large = seen
    assert all(large.get(name, 0) <= small.get(name, 0) for name in large), seen


def test_a_rationale_of_thousands_of_items_is_written_whole(run: Run, tmp_path: Path) -> None:
    items = 5000
    rationale = "".join(f"- item {n}\\n" for n in range(items))
    plan = tmp_path / "plan.yaml"
    plan.write_text(HEAD + OBJECTIVE.format(n=1).replace(
        'rationale: "Why, with **a** [link](https://example.org/1).\\n\\n- one\\n- two"',
        f'rationale: "{rationale}"'), encoding="utf-8")
    out = tmp_path / "plan.docx"
    assert run("export", "docx", "--plan", plan, "-o", out).exit_code == 0
    cell = docx.Document(str(out)).tables[0].rows[1].cells[1]
    assert [p.text for p in cell.paragraphs] == [f"item {n}" for n in range(items)]
    assert {p.style.name for p in cell.paragraphs if p.style} == {"Table Bullet"}


def test_the_word_count_counts_each_word_once(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    assert run("export", "docx", "--plan", PLAN, "-o", out).exit_code == 0
    body = docx.Document(str(out)).element.body
    words = sum(len(Paragraph(p, cast(Any, None)).text.split()) for p in body.iter(qn("w:p")))
    with zipfile.ZipFile(out) as package:
        app = package.read("docProps/app.xml").decode()
    assert int(re.findall(r"<Words>(\d+)</Words>", app)[0]) == words
