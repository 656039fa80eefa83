"""`npmplan new`: next year's plan from this year's, valid, faithful and never overwriting."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Run
from fuzzing import Drawn, plans
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from npmplan.model.dates import Month, parse_period, parse_when
from npmplan.model.plan import TEXT_FIELDS, FunctionTexts, Milestone, Plan, Span
from npmplan.pipeline import read_bytes, read_plan
from npmplan.read.loader import load_text
from npmplan.write.carry import Carry, carry, note
from npmplan.write.carry_schedule import carry_schedule
from npmplan.write.new import SCHEMA_LINE, default_period, new_plan_text, new_title, scalar

PLAN = Path(__file__).resolve().parent.parent / "plans" / "2026-27.yaml"


def load(path: Path) -> Plan:
    result = read_plan(path)
    assert result.plan is not None, [str(p) for p in result.errors]
    return result.plan


def texts(plan: Plan) -> dict[str, Any]:
    """Every text field `new` keeps as it was."""
    return {
        "organisation": plan.plan.organisation, "capacity": plan.plan.capacity,
        "plan text": [getattr(plan.plan, name) for name in TEXT_FIELDS if name != "functions"],
        "functions": plan.plan.functions,
        "team": [m.model_dump() for m in plan.team],
        "strategic": [(so.id, so.title, so.functions) for so in plan.strategic_objectives],
        "objectives": [(so.id, o.id, o.title, o.label, o.priority, o.leads, o.rationale,
                        o.outcomes, [out.model_dump() for out in o.outputs], o.footnotes)
                       for so, o in plan.objectives()],
    }


def start(run: Run, tmp_path: Path, source: Path, *extra: str) -> Path:
    target = tmp_path / "plans" / "2027-28.yaml"
    target.parent.mkdir(exist_ok=True)
    result = run("new", "--from", str(source), "--period", "2027-04..2028-03",
                 "-o", str(target), *extra)
    assert result.exit_code == 0, result.output
    return target


def test_the_real_plan_starts_a_valid_next_year(run: Run, tmp_path: Path) -> None:
    target = start(run, tmp_path, PLAN)
    result = run("validate", target)
    assert result.exit_code == 0, result.output
    assert "valid (0 errors, 0 warnings)" in result.output  # every schedule carried
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    ids = [line for line in text.splitlines() if re.match(r"\s*(- )?id:", line)]
    assert len(ids) == 4 + 6 + 22
    assert all(re.fullmatch(r'\s*(- )?id: "[^"]+"', line) for line in ids)
    new = load(target)
    assert new.plan.title == "UK NPM Business Plan 2027-28"
    assert new.plan.period == (Month.of(2027, 4), Month.of(2028, 3))
    assert new.plan.source is None
    assert text.count("# Review: schedule carried from UK NPM Business Plan 2026-27") == 22


def test_empty_schedules_leaves_every_schedule_to_redo(run: Run, tmp_path: Path) -> None:
    target = start(run, tmp_path, PLAN, "--empty-schedules")
    result = run("validate", target)
    assert "valid (0 errors, 22 warnings)" in result.output  # 22 empty schedules
    new = load(target)
    assert all(obj.schedule == [] for _, obj in new.objectives())
    text = target.read_text(encoding="utf-8")
    assert text.count("        schedule: []\n") == 22
    assert "# Schedule: redo from the 2027-04..2028-03 calendar of actions." in text


def test_round_trip_of_every_text_field(run: Run, tmp_path: Path) -> None:
    target = start(run, tmp_path, PLAN)
    new, old = load(target), load(PLAN)
    assert texts(new) == texts(old)
    assert new.plan.introduction == old.plan.introduction is not None
    # Nothing in the real plan is done or cancelled: every milestone is carried or listed.
    taken = tmp_path / "taken.yaml"
    taken.write_text(uncommented(target.read_text(encoding="utf-8")), encoding="utf-8")
    assert [sorted(m.what for m in obj.milestones) for _, obj in load(taken).objectives()] == [
        sorted(m.what for m in obj.milestones) for _, obj in old.objectives()]
    carried = sum(len(obj.milestones) for _, obj in new.objectives())
    # 8 due in Jan-Mar 2027, 2 series, 3 quarterly, 11 ongoing, the April 2027 conference
    assert carried == 25


TRICKY = """\
version: 1
plan:
  title: 'NPM "plan" 2026/27: draft #1'
  organisation: "Back\\\\slash, \\u00a0no-break space and\\ttab"
  period: 2026-04..2027-03
  source: old doc
  capacity: 10
  introduction: |
    First paragraph: with a colon.

    - a bullet # not a comment
    - "quoted" bullet
  functions: {summary: "  lead spaces", cooperative: "*starred*", visiting: "x\\ny"}
  context: "ends with blank lines\\n\\n\\n"
  notes: "- a list\\n- of two"
team:
  - {id: "no", name: "Yes", role: "  leading spaces", capacity: 3}
strategic_objectives:
  - id: "2"
    title: "[draft] [/] *bold* | pipe"
    functions: [cooperative]
    objectives:
      - id: "2.10"
        title: "- starts with a dash: and a colon"
        label: "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F flag"
        priority: funding-dependent
        leads: ["no"]
        rationale: |+
          First line
            indented line

          after a blank line


        outcomes:
          - "  two leading spaces\\nsecond line\\n"
          - "ends with a newline\\n"
          - |-
            no trailing newline
            second
        outputs:
          - {title: "null", web: true}
          - "~"
        schedule: [2026-05]
        milestones:
          - {when: 2026-05, what: "done one", status: done}
          - {when: 2026-05, what: "'quoted' \\\\ what"}
      - id: "2.1"
        title: Another
        rationale: " a leading space\\nline two"
  - id: "3"
    title: Empty
    objectives: []
"""


def test_round_trip_of_awkward_text(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "tricky.yaml"
    source.write_text(TRICKY, encoding="utf-8")
    old = load(source)
    assert old.objectives()[0][1].label is not None  # the input is what it should be
    assert old.plan.organisation == "Back\\slash, \u00a0no-break space and\ttab"
    target = start(run, tmp_path, source)
    assert run("validate", target).exit_code == 0
    new = load(target)
    assert texts(new) == texts(old)
    assert new.plan.title == 'NPM "plan" 2027/28: draft #1'
    assert new.objectives()[0][1].milestones == []  # May 2026 is listed, not carried
    taken = tmp_path / "taken.yaml"
    taken.write_text(uncommented(target.read_text(encoding="utf-8")), encoding="utf-8")
    assert [m.what for m in load(taken).objectives()[0][1].milestones] == ["'quoted' \\ what"]
    assert new.plan.functions is not None and new.plan.functions.visiting == "x\ny"
    assert new.plan.context == "ends with blank lines\n\n\n"


RULES = """\
version: 1
plan: {title: Plan 2026-27, period: 2026-04..2027-03}
strategic_objectives:
  - id: "1"
    title: One
    objectives:
      - id: "1.1"
        title: First
        schedule: [2026-04..2027-03]
        milestones:
          - {when: 2026-07, what: dated}
          - {when: 2026-07, moved_to: 2026-11, what: moved, note: Waiting for the CPT}
          - {when: 2026-05..2027-03, every: 3, what: quarterly}
          - {when: ongoing, what: always}
          - {when: tbc, what: someday}
          - {when: 2027-04, what: next April}
          - {when: 2027-03..2027-04, what: straddles}
          - {when: 2026-08, what: finished, status: done, done_on: 2026-08-01}
          - {when: 2026-09, what: dropped, status: cancelled}
          - {when: 2026-12, what: last day of December}
          - {when: 2027-01, what: first month of the last quarter}
          - {when: 2027-01..2027-03, every: 1, what: monthly, moved_to: 2027-02..2027-03}
      - id: "1.2"
        title: Second, with nothing carried
        schedule: [2026-04]
        milestones: [{when: 2026-05, what: early}]
"""
WAS = "Carried forward from Plan 2026-27; was "
OPEN = "Open in Plan 2026-27; was "  # a listed milestone's note: it was not carried


def test_which_milestones_are_carried_and_how(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "rules.yaml"
    source.write_text(RULES, encoding="utf-8")
    target = tmp_path / "next.yaml"
    result = run("new", "--from", str(source), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert ("Milestones: 6 carried forward (2 open in the last quarter, now tbc; 2 series "
            "going on on their cadence; 0 quarterly; 1 ongoing; 1 already dated in the new "
            "year), 5 listed in comments to pick from (not carried), 2 done or cancelled left "
            "out.") in result.output
    new = load(target)
    assert new.plan.period == (Month.of(2027, 4), Month.of(2028, 3))
    assert [(m.when.text, m.what, m.note, m.status, m.moved_to, m.every)
            for m in new.objectives()[0][1].milestones] == [
        # May, Aug, Nov, Feb: the next is May 2027
        ("2027-05..2028-03", "quarterly", WAS + "2026-05..2027-03, every 3 months", "planned",
         None, 3),
        ("ongoing", "always", WAS + "ongoing", "planned", None, None),
        ("2027-04", "next April", WAS + "2027-04", "planned", None, None),
        ("tbc", "straddles", WAS + "2027-03..2027-04", "planned", None, None),
        ("tbc", "first month of the last quarter", WAS + "2027-01", "planned", None, None),
        # monthly to March 2027: from April 2027, not from February 2028
        ("2027-04..2028-03", "monthly", WAS + "2027-01..2027-03, moved to 2027-02..2027-03, "
         "every month", "planned", None, 1),
    ]
    assert new.objectives()[1][1].milestones == []


def uncommented(text: str) -> str:
    """The plan with every listed milestone taken up, as the header comment says to."""
    return re.sub(r"(?m)^( *)# (- \{when: )", r"\1\2", text)


def test_the_listed_milestones_can_be_taken_up_by_uncommenting(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "rules.yaml"
    source.write_text(RULES, encoding="utf-8")
    target = tmp_path / "next.yaml"
    assert run("new", "--from", str(source), "-o", str(target)).exit_code == 0
    taken = tmp_path / "taken.yaml"
    taken.write_text(uncommented(target.read_text(encoding="utf-8")), encoding="utf-8")
    plan = load(taken)
    first, second = (obj.milestones for _, obj in plan.objectives())
    assert [(m.when.text, m.what, m.note) for m in first[6:]] == [
        ("tbc", "dated", OPEN + "2026-07"),
        ("tbc", "moved", OPEN + "2026-07, moved to 2026-11. Earlier note: Waiting for the CPT"),
        ("tbc", "someday", OPEN + "tbc"),
        ("tbc", "last day of December", OPEN + "2026-12"),
    ]
    assert [(m.when.text, m.what) for m in second] == [("tbc", "early")]


def test_new_prints_its_warnings_and_validate_agrees(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "rules.yaml"
    source.write_text(RULES, encoding="utf-8")
    target = tmp_path / "next.yaml"
    result = run("new", "--from", str(source), "-o", str(target), "--empty-schedules")
    assert result.exit_code == 0, result.output
    assert "2 warning(s), the work left to do:" in result.output
    lines = [line.strip() for line in result.output.splitlines()
             if line.endswith("[empty-schedule]")]
    assert len(lines) == 2
    assert lines[0].startswith(f"{target}:")
    assert "objective '1.1' has no months in its schedule" in lines[0]
    report = run("validate", target)
    assert report.exit_code == 0
    assert [line for line in report.output.splitlines() if "[" in line] == lines
    assert "valid (0 errors, 2 warnings)" in report.output
    assert run("validate", "--strict", str(target)).exit_code == 1


def test_never_overwrites(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copyfile(PLAN, folder / "2026-27.yaml")
    result = run("new", "--from", str(folder / "2026-27.yaml"))
    assert result.exit_code == 0, result.output
    made = folder / "2027-28.yaml"
    assert f"Wrote {made}" in result.output
    made.write_text("keep me\n", encoding="utf-8")
    result = run("new", "--from", str(folder / "2026-27.yaml"))
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert made.read_text(encoding="utf-8") == "keep me\n"
    result = run("new", "--from", str(PLAN), "-o", str(folder / "2026-27.yaml"))
    assert result.exit_code == 2
    assert (folder / "2026-27.yaml").read_bytes() == PLAN.read_bytes()


def test_bad_period_and_missing_folder(run: Run, tmp_path: Path) -> None:
    result = run("new", "--from", str(PLAN), "--period", "2027-04", "-o",
                 str(tmp_path / "x.yaml"))
    assert result.exit_code == 2
    assert "--period: the period '2027-04' must be a range" in result.output
    result = run("new", "--from", str(PLAN), "-o", str(tmp_path / "no" / "x.yaml"))
    assert result.exit_code == 2
    assert "cannot write" in result.output


def test_titles_and_periods() -> None:
    old, new = parse_period("2026-04..2027-03"), parse_period("2027-04..2028-03")
    assert new_title("Plan 2026-27", old, new) == "Plan 2027-28"
    assert new_title("Plan 2026/27 (2026-2027)", old, new) == "Plan 2027/28 (2027-2028)"
    assert new_title("Plan 2026 \u2013 27", old, new) == "Plan 2027 \u2013 28"
    assert new_title("Plan 12026-27", old, new) == "Plan 12026-27"
    assert new_title("Business plan", old, new) == "Business plan"
    calendar = parse_period("2026-01..2026-12")
    assert default_period(calendar) == parse_period("2027-01..2027-12")
    assert new_title("Plan 2026", calendar, default_period(calendar)) == "Plan 2027"
    assert default_period(old) == new


# What plan text may hold: no controls but newline and tab, no bidi controls (spec: Rules).
TEXT = st.text(st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters="\n\t",
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u2028\u2029"),
    min_size=1)


@given(TEXT)
@example("a\n  b\n\n")
@example("a\n \n")
@example("x\n\n\n")
@example("line\u00a0no-break space\nnext")
@example("#not a comment\n- not a list: no\n")
def test_any_text_loads_back_as_written(text: str) -> None:
    first, *rest = scalar(text, 4)
    document = load_text("x.yaml", "\n".join(["a:", f"  k:{first}", *rest, "b: end", ""]))
    assert document.problems == []
    assert document.data == {"a": {"k": text}, "b": "end"}


PROSE = TEXT.filter(lambda text: bool(text.strip()))
PLAN_TEXT = st.fixed_dictionaries({}, optional={
    name: PROSE for name in ("introduction", "strategic_overview", "context", "notes")})
FUNCTION_TEXT = st.one_of(st.none(), st.fixed_dictionaries({}, optional={
    name: PROSE for name in ("summary", "visiting", "advisory", "educational", "cooperative")}))


@pytest.mark.slow
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), PLAN_TEXT, FUNCTION_TEXT)
def test_what_new_writes_loads_back_to_the_same_values(
        drawn: Drawn, plan_text: dict[str, str], functions: dict[str, str] | None) -> None:
    result = read_bytes(drawn.text.encode("utf-8"), "old.yaml")
    assume(result.plan is not None)
    assert result.plan is not None
    info = result.plan.plan.model_copy(update={
        **plan_text, "functions": None if functions is None else FunctionTexts(**functions)})
    old = result.plan.model_copy(update={"plan": info})
    period = default_period(old.plan.period)
    text, made = new_plan_text(old, period)
    back = read_bytes(text.encode("utf-8"), "new.yaml")
    assert back.errors == [], [str(p) for p in back.errors]
    assert back.plan is not None
    new = back.plan
    assert texts(new) == texts(old)
    assert new.plan.period == period
    fates = [[carry(m, old.plan.period, period) for m in obj.milestones]
             for _, obj in old.objectives()]
    for (_, before), (_, after), chosen in zip(old.objectives(), new.objectives(), fates,
                                              strict=True):
        assert [(m.when.text, m.what, m.note, m.every) for m in after.milestones] == [
            (fate.when, m.what, note(m, old.plan.title), fate.every)
            for m, fate in zip(before.milestones, chosen, strict=True) if fate.carried]
    taken = read_bytes(uncommented(text).encode("utf-8"), "taken.yaml").plan
    assert taken is not None
    for (_, before), (_, after), chosen in zip(old.objectives(), taken.objectives(), fates,
                                              strict=True):
        assert sorted(m.what for m in after.milestones) == sorted(
            m.what for m, fate in zip(before.milestones, chosen, strict=True)
            if fate.fate != "dropped")
    total = sum(len(obj.milestones) for _, obj in old.objectives())
    tally = made.tally
    assert tally.carried + tally.listed + tally.dropped == total


def test_a_plan_holding_noncharacters_gives_a_new_plan_that_validates(tmp_path: Path) -> None:
    """U+FFFE and U+FFFF are valid in a plan through an escape ("\\uFFFE") and cannot be
    in a YAML file as they are, not even in a comment: new wrote the title into its header
    comment raw, and refused its own plan."""
    old_text = ('version: 1\nplan:\n  title: "Plan \\uFFFE 2026-27"\n  period: '
                '2026-04..2027-03\nstrategic_objectives:\n  - id: "1"\n    title: "S\\uFFFF"\n'
                '    objectives:\n      - id: "1.1"\n        title: "O\\uFFFE"\n'
                '        schedule: [2026-05]\n        milestones:\n'
                '          - {when: 2027-02, what: "M \\uFFFF"}\n'
                '          - {when: 2026-05, what: "Listed \\uFFFE"}\n')
    old = read_bytes(old_text.encode("utf-8"), "old.yaml").plan
    assert old is not None and old.plan.title == "Plan \ufffe 2026-27"
    text, _ = new_plan_text(old, default_period(old.plan.period))
    back = read_bytes(text.encode("utf-8"), "new.yaml")
    assert back.errors == [], [str(p) for p in back.errors]
    assert back.plan is not None and back.plan.plan.title == "Plan \ufffe 2027-28"
    assert "[U+FFFE]" in text.split("\n")[2]  # named in the header comment
    assert texts(back.plan) == texts(old)


# --- issue 23: a next year's plan that needs no hand-editing ------------------------------

MOJ = "Quarterly meetings between NPM Team and MoJ"
AI = "AI Task & Finish groups every 2 months"


def year_end_copy(tmp_path: Path) -> Path:
    """The shipped plan at the year's end: every milestone due by February 2027 done, the
    MoJ series with a record of its September meeting (records are not carried)."""
    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    done = 0
    for so in data["strategic_objectives"]:
        for objective in so["objectives"]:
            for milestone in objective.get("milestones") or []:
                when = parse_when(milestone["when"])
                window = when.window()
                if milestone.get("every"):
                    if milestone["what"].startswith(MOJ):
                        milestone["occurrences"] = [
                            {"month": "2026-09", "status": "done", "done_on": "2026-09-20"}]
                elif window is not None and window[1] <= Month.of(2027, 2):
                    milestone.update(status="done", done_on="2027-03-01")
                    done += 1
    assert done > 50  # most of the year's milestones
    copy = tmp_path / "year-end.yaml"
    copy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return copy


@pytest.mark.parametrize("which", ["shipped", "year-end"])
def test_a_next_year_that_needs_no_hand_editing(run: Run, tmp_path: Path, which: str) -> None:
    source = PLAN if which == "shipped" else year_end_copy(tmp_path)
    target = start(run, tmp_path, source)
    checked = read_plan(target)
    assert checked.errors == [], [str(p) for p in checked.errors]
    old, new = load(source), load(target)
    # Every objective that had a schedule has one; the calendar and workload are not empty.
    for (_, before), (_, after) in zip(old.objectives(), new.objectives(), strict=True):
        assert bool(after.schedule) == bool(before.schedule), after.id
    calendar = run("calendar", "--plan", target, "--format", "json")
    assert calendar.exit_code == 0, calendar.output
    report = json.loads(calendar.stdout)
    assert all(row["total"] > 0 for row in report["rows"])
    workload = run("workload", "--plan", target, "--format", "json")
    assert all(month["active"] > 0 for month in json.loads(workload.stdout)["months"])
    # Each series that ran to March goes on from its next month, on its cadence.
    series = {m.what: m for _, obj in new.objectives() for m in obj.milestones if m.every}
    moj = next(m for what, m in series.items() if what.startswith(MOJ))
    assert (moj.when.text, moj.every, moj.occurrences) == ("2027-06..2028-03", 3, [])
    assert (series[AI].when.text, series[AI].every) == ("2027-05..2028-03", 2)
    # Every ongoing and quarterly item is carried as a milestone, not as a comment.
    for kind in ("ongoing", "quarterly"):
        was = sorted(m.what for _, obj in old.objectives() for m in obj.milestones
                     if m.when.kind == kind)
        assert was and sorted(m.what for _, obj in new.objectives() for m in obj.milestones
                              if m.when.kind == kind) == was


def test_every_year_bound_text_is_listed_for_review(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "next.yaml"
    result = run("new", "--from", str(PLAN), "-o", str(target))
    assert result.exit_code == 0, result.output
    listed = [line.strip() for line in result.stdout.splitlines()
              if line.startswith("  review ") and ": names " in line]
    assert "review plan, context: names 2026, 2026-27" in listed  # "In 2026 the NPM is ..."
    assert "review objective 3.3, output 1: names 2026-27" in listed  # Communications Plan
    # Each objective text of the new plan that names 2026 or 2027 is listed, and marked.
    new = load(target)
    for _, objective in new.objectives():
        fields = {"title": objective.title, "label": objective.label or "",
                  "rationale": objective.rationale or ""}
        fields |= {f"outcome {n}": text for n, text in enumerate(objective.outcomes, 1)}
        fields |= {f"output {n}": out.title for n, out in enumerate(objective.outputs, 1)}
        for field, text in fields.items():
            # "Business plan 2027/28" names the new year, not the old one
            named = re.search(r"(?<!\d)202[67](?!\d)(?!/28)", text) is not None
            assert any(line.startswith(f"review objective {objective.id}, {field}:")
                       for line in listed) == named, (objective.id, field)
    text = target.read_text(encoding="utf-8")
    assert text.count("# Review: names ") == len(listed)
    assert "update it or keep it" in text
    # --review prints that list alone and writes nothing.
    other = tmp_path / "other.yaml"
    review = run("new", "--from", str(PLAN), "-o", str(other), "--review")
    assert review.exit_code == 0 and not other.exists()
    assert [line.strip() for line in review.stdout.splitlines()[1:]] == listed


def test_the_summary_says_what_was_carried(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "next.yaml"
    result = run("new", "--from", str(PLAN), "-o", str(target))
    assert ("Schedules: 22 carried for review (work that ran to the old year's end going on "
            "from the new year's start, the other spans a year on)") in result.stdout
    assert "  review 2.2: 2027-04..2028-03 meetings (was: 2026-04..2027-03 meetings)" in \
        result.stdout
    text = target.read_text(encoding="utf-8")
    # "Carried forward" only in the notes of what was carried; a listed one was open.
    listed = [line for line in text.splitlines() if line.lstrip().startswith("# - {when:")]
    assert listed and not any("Carried forward" in line for line in listed)
    assert all('note: "Open in UK NPM Business Plan 2026-27; was ' in line for line in listed)


def test_shift_keeps_each_span_s_months(run: Run, tmp_path: Path) -> None:
    target = start(run, tmp_path, PLAN, "--shift")
    old, new = load(PLAN), load(target)
    for (_, before), (_, after) in zip(old.objectives(), new.objectives(), strict=True):
        assert [(s.months[0].shift(12), s.months[1].shift(12), s.kind)
                for s in before.schedule] == [(*s.months, s.kind) for s in after.schedule]
    result = run("new", "--from", str(PLAN), "-o", str(tmp_path / "x.yaml"), "--shift",
                 "--empty-schedules")
    assert result.exit_code == 2 and "give one or the other" in result.output


def spans(*texts: str) -> list[Span]:
    out = []
    for text in texts:
        months, _, kind = text.partition(" ")
        out.append(Span.model_validate({"months": months, "kind": kind or "active"}))
    return out


def runs(*texts: str) -> list[tuple[Month, Month, str]]:
    return [(*span.months, span.kind) for span in spans(*texts)]


OLD, NEW = parse_period("2026-04..2027-03"), parse_period("2027-04..2028-03")


@pytest.mark.parametrize(("before", "shift", "after"), [
    (["2026-04..2027-03"], False, ["2027-04..2028-03"]),  # all year stays all year
    (["2026-06..2027-03"], False, ["2027-04..2028-03"]),  # June-March: April-March
    (["2026-06..2027-03"], True, ["2027-06..2028-03"]),  # --shift: June-March
    (["2026-08..2026-12 production"], False, ["2027-08..2027-12 production"]),
    (["2026-05 production", "2026-06..2027-03 meetings"], False,
     ["2027-04 meetings", "2027-05 production", "2027-06..2028-03 meetings"]),
    # a gap between two other spans stays a gap; the one that ran to March fills April-July
    (["2026-08..2026-12 meetings", "2027-02..2027-03 production"], False,
     ["2027-04..2027-07 production", "2027-08..2027-12 meetings",
      "2028-02..2028-03 production"]),
    ([], False, []),
])
def test_how_a_schedule_is_carried(before: list[str], shift: bool, after: list[str]) -> None:
    assert carry_schedule(spans(*before), OLD, NEW, shift) == runs(*after)


@pytest.mark.parametrize(("when", "every", "carried", "after_a_gap"), [
    ("2026-09..2027-03", 3, Carry("series", "2027-06..2028-03", 3), "2028-06..2029-03"),
    ("2027-01..2027-03", 1, Carry("series", "2027-04..2028-03", 1), "2028-04..2029-03"),
    ("2026-04..2027-03", 3, Carry("series", "2027-04..2028-03", 3), "2028-04..2029-03"),
    ("2026-05..2026-12", 2, Carry("listed", "2027-05..2027-12", 2), "2028-05..2028-12"),
])
def test_a_series_goes_on_on_its_cadence(when: str, every: int, carried: Carry,
                                         after_a_gap: str) -> None:
    """Sep, Dec, Mar: next June; a monthly one from April; one that ended before March is
    listed a period on. Over a year left out, the cadence goes on through it."""
    milestone = Milestone.model_validate({"what": "Meeting", "when": when, "every": str(every)})
    assert carry(milestone, OLD, NEW) == carried
    assert carry(milestone, OLD, parse_period("2028-04..2029-03")).when == after_a_gap
