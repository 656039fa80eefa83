"""Random sequences of edits on the shipped plan: each one changes only the lines of its
milestone (``add`` only adds lines, ``lead`` only touches its objective), and the data
changes only there. Hypothesis is derandomized: CI never fails by chance."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_PLAN, Run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from npmplan.compute.record import occurrence_entries
from npmplan.pipeline import read_plan
from npmplan.write.edit import Source

# A property test of many CLI edits of the real plan.
pytestmark = pytest.mark.slow

OBJECTIVES = 22  # in the shipped plan
WHENS = ["2026-12", "2027-01-15", "2026-09..2026-11", "2027-Q1", "spring 2027", "ongoing",
         "tbc", "Sep 2026"]
HOSTILE = st.text(alphabet=st.sampled_from(list("ab Z09:#-[]{},'\"“”é\u00a0&*!|>%@`?")),
                  min_size=1, max_size=30).filter(lambda t: t.strip() != "")

EDITS = st.one_of(
    st.tuples(st.just("done"), st.integers(0, OBJECTIVES - 1), st.integers(0, 20),
              st.sampled_from(["2026-10-01", "2026-11"])),
    st.tuples(st.just("move"), st.integers(0, OBJECTIVES - 1), st.integers(0, 20),
              st.sampled_from(WHENS)),
    st.tuples(st.just("cancel"), st.integers(0, OBJECTIVES - 1), st.integers(0, 20),
              st.one_of(st.none(), HOSTILE)),
    st.tuples(st.just("add"), st.integers(0, OBJECTIVES - 1), st.sampled_from(WHENS),
              HOSTILE),
    st.tuples(st.just("lead"), st.integers(0, OBJECTIVES - 1),
              st.lists(st.sampled_from(["mk", "jk", "ck", "sr"]), min_size=1, max_size=3)),
)


def lines_of(path: Path, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """The 0-based first and last line of the node at ``loc``."""
    src = Source.read(path.read_bytes(), str(path))
    node = src.node_at(loc)
    start = src.offset(node if isinstance(node, int) else node.pos)
    return src.line_of(start), src.line_of(src.end(node) - 1)


def dump_without(path: Path, loc: tuple[str | int, ...]) -> Any:
    plan = read_plan(path).plan
    assert plan is not None
    data = plan.model_dump()
    owner: Any = data
    for part in loc[:-1]:
        owner = owner[part]
    owner[loc[-1]] = None
    return data


@settings(max_examples=25, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDITS, min_size=1, max_size=4))
def test_random_edits_touch_only_their_own_lines(run: Run, tmp_path: Path,
                                                 edits: list[tuple[Any, ...]]) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(REAL_PLAN.read_bytes())
    for kind, index, *rest in edits:
        model = read_plan(plan).plan
        assert model is not None
        so_index, obj_index = [(s, o) for s, so in enumerate(model.strategic_objectives)
                               for o in range(len(so.objectives))][index]
        objective = model.strategic_objectives[so_index].objectives[obj_index]
        obj_loc: tuple[str | int, ...] = ("strategic_objectives", so_index, "objectives",
                                          obj_index)
        if kind in ("done", "move", "cancel"):
            number = rest[0] % len(objective.milestones)
            loc = (*obj_loc, "milestones", number)
            argv = [kind, objective.id, f"#{number + 1}"]
            argv += {"done": ["--on", str(rest[1])], "move": ["--to", str(rest[1])],
                     "cancel": [] if rest[1] is None else ["--note", str(rest[1])]}[kind]
            meetings = occurrence_entries(objective.milestones[number], objective,
                                          model.plan.period)
            if meetings:  # a series: one of its meetings, as an officer names it
                argv += ["--occurrence", str(meetings[rest[0] % len(meetings)].occurrence)]
        elif kind == "add":
            loc = (*obj_loc, "milestones", len(objective.milestones))
            argv = ["add", objective.id, "--when", rest[0], "--what", rest[1]]
        else:
            loc = obj_loc
            argv = ["lead", objective.id, *rest[0]]
        first, last = lines_of(plan, obj_loc if kind in ("add", "lead") else loc)
        before_text = plan.read_text(encoding="utf-8")
        before = dump_without(plan, loc) if kind != "add" else None
        outcome = run(*argv, "--plan", plan)
        if outcome.exit_code == 2:  # a meeting of a series moves to one month, no other
            assert "move it to one month" in outcome.stderr, (argv, outcome.output)
            assert plan.read_text(encoding="utf-8") == before_text
            continue
        assert outcome.exit_code in (0, 1), (argv, outcome.output)
        after_text = plan.read_text(encoding="utf-8")
        if outcome.exit_code == 1:  # e.g. a milestone done already, or moved to be invalid
            assert "nothing was written" in outcome.stderr
            assert after_text == before_text
            continue
        a, b = before_text.splitlines(), after_text.splitlines()
        for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, a, b, autojunk=False
                                                         ).get_opcodes():
            if tag == "equal":
                continue
            assert kind != "add" or tag == "insert", (argv, tag)
            assert first <= i1 and i2 <= last + 1, (argv, tag, i1, i2, first, last)
        if kind == "add":
            after = read_plan(plan).plan
            assert after is not None
            obj = after.strategic_objectives[so_index].objectives[obj_index]
            assert obj.milestones[:-1] == objective.milestones
            assert obj.milestones[-1].what == rest[1].strip()
        else:
            assert dump_without(plan, loc) == before, argv
