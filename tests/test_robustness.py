"""Issue 11, robustness II: each class of attack, pinned.

1. time and memory follow the input: the period is bounded, recurrences stay in it, every
   rule's flood is capped, no regular expression backtracks (no timing here: the benchmark
   ``benchmarks/robustness.py`` measures; these tests pin the bounds that make it hold);
2. and 3. are in tests/test_environment.py (real processes, echoes, JSON);
4. no write lands on the wrong file;
5. never the wrong plan, silently (see also tests/test_cli.py);
6. messages name the real cause (the hand-edit examples are in tests/plans/invalid/).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest
from conftest import Run, npmplan_process
from hypothesis import example, given
from hypothesis import strategies as st
from regex_steps import Model, Steps, TooMuchWork, steps_of
from robustness_helpers import BASE

from npmplan.model.plan import Plan
from npmplan.pipeline import discover_plan, period_text, read_bytes
from npmplan.rules.problems import MAX_PER_RULE
from npmplan.write.new import new_plan_text

# --- 1. bounded work ------------------------------------------------------------------------


def test_a_period_of_centuries_is_refused_with_its_rule() -> None:
    result = read_bytes(BASE.replace("2026-04..2027-03}", "1900-01..2999-12}", 1).encode(),
                        "p.yaml")
    assert [(p.line, p.rule) for p in result.errors] == [(2, "period-too-long")]
    assert "at most 60 months" in result.errors[0].message


def test_a_recurrence_of_centuries_yields_only_the_period_s_months(run: Run,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(BASE + "        milestones:\n" + "".join(
        f"          - {{when: 1900-01..2999-12, every: 1, what: M{n}}}\n" for n in range(10)))
    result = run("export", "ics", "--plan", path)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("BEGIN:VEVENT") == 10 * 12
    document = json.loads(run("export", "json", "--plan", path).stdout)
    occurrences = document["strategic_objectives"][0]["objectives"][0]["milestones"][0]
    assert occurrences["occurrences"][0] == "2026-04" and len(occurrences["occurrences"]) == 12


flood_size = st.integers(MAX_PER_RULE - 2, 400)


@pytest.mark.slow
@given(flood_size)
def test_every_rule_s_flood_is_capped_with_one_summary_line(count: int) -> None:
    """Unknown keys (pydantic), unknown leads (a cross rule), aliases (the loader)."""
    keys = "".join(f"        k{n}: x\n" for n in range(count))
    leads = "".join(f"      - {{id: '1.{n + 2}', title: O, leads: [x{n}]}}\n"
                    for n in range(count))
    for text, rule in ((BASE + keys, "unknown-key"), (BASE + leads, "unknown-lead")):
        found = [p for p in read_bytes(text.encode(), "p.yaml").problems if p.rule == rule]
        listed = min(count, MAX_PER_RULE)
        assert len(found) == listed + (count > MAX_PER_RULE)
        if count > MAX_PER_RULE:
            assert found[-1].message.startswith(f"and {count - MAX_PER_RULE:,} more problems")


def test_an_unknown_lead_message_lists_a_large_team_only_in_part() -> None:
    team = "team:\n" + "".join(f"  - {{id: m{n}, name: M}}\n" for n in range(3000))
    text = BASE.replace("team: [{id: mk, name: Martin Kettle}]\n", team).replace("[mk]", "[zz]")
    (problem,) = [p for p in read_bytes(text.encode(), "p.yaml").errors]
    assert problem.rule == "unknown-lead"
    assert "and 2,988 more" in problem.message and len(problem.message) < 400


@given(st.integers(1, 3000), st.sampled_from([" ", "\t", "'", '"', "period", ":", "x"]))
def test_plan_discovery_reads_pathological_period_lines(count: int, filler: str) -> None:
    """``period:`` with thousands of spaces (or quotes, colons …) and no value: one pass."""
    assert period_text("plan:\n  period:" + filler * count + "\n") in (None, *[
        (filler * count).strip().strip("'\"").strip()])
    assert period_text(filler * count) is None or "period" in filler


DATE_CHARACTERS = " \t-–—/to.:x0123456789"
# The steps parse_when's patterns may take for a text of n characters: STEPS_PER_CHARACTER *
# (n + 1). They take about 19 for the empty text and at most about 13 a character (a run of
# letters, tried by three patterns): one pass each. A pattern that backtracks takes steps
# growing as n² or 2ⁿ and goes past the bound at a few thousand characters, or a few dozen.
STEPS_PER_CHARACTER = 100
# Runs of one piece, with something before and after: what makes a backtracking pattern
# try every way to split the run.
PUMPED = st.builds(lambda head, piece, count, tail: head + piece * count + tail,
                   st.text(DATE_CHARACTERS, max_size=6), st.text(DATE_CHARACTERS, min_size=1,
                                                                 max_size=3),
                   st.integers(1, 1000), st.text(DATE_CHARACTERS, max_size=6))


def parse_when_steps(text: str) -> int:
    """The steps ``parse_when(text)`` takes in the patterns of ``npmplan.model.dates``,
    counted by ``regex_steps``' model of the backtracking engine, not timed; over the bound,
    ``TooMuchWork`` at once, before ``re`` would start on it."""
    from npmplan.model import dates

    def parse() -> None:
        with contextlib.suppress(ValueError):
            dates.parse_when(text)

    return steps_of(dates, STEPS_PER_CHARACTER * (len(text) + 1), parse)


@pytest.mark.slow
@given(st.text(alphabet=DATE_CHARACTERS, max_size=3000) | PUMPED)
@example("1" * 3000 + "x")
@example(" " * 3000 + "x")
@example("x" * 3000 + "1")
@example("1" + " " * 3000 + "x")
@example("to " * 1000)
@example("1/" * 1500)
@example("2026-" * 600)
def test_date_hints_do_not_backtrack(text: str) -> None:
    """Work in proportion to the text, counted in steps (no clock, so never flaky): a
    pattern that backtracks fails here at once instead of hanging the suite."""
    assert parse_when_steps(text) <= STEPS_PER_CHARACTER * (len(text) + 1)


@pytest.mark.parametrize(("pattern", "text"), [
    (r"(\d+)+\s*[/.-]\s*(\d{1,4})", "1" * 40 + "x"),  # a repeat of a repeat: 2ⁿ
    (r"((?:\d|\d\d)+)\s*[/.-]\s*(\d{1,4})", "1" * 60 + "x"),  # overlapping choices
    (r"(\d{1,4})\s*\s*\s*[/.-]\s*(\d{1,4})", "1" + " " * 3000 + "x"),  # n² ways
])
def test_the_step_bound_fails_a_pattern_that_backtracks(pattern: str, text: str) -> None:
    """The check above can fail: with one of the month patterns replaced by a backtracking
    one, the text it is tried on goes past the bound (and the good pattern does not)."""
    from npmplan.model import dates

    parse_when_steps(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dates, "_NUMERIC", re.compile(pattern, re.ASCII))
        with pytest.raises(TooMuchWork):
            parse_when_steps(text)


def test_the_step_model_agrees_with_re_and_knows_what_it_does_not_model() -> None:
    for pattern, text, found in ((r"\bto\b", "go to", True), (r"(?=a)ab|c", "ab", True),
                                 (r"a{2,3}?b", "aaab", True), (r"[^0-9]+$", "ab\n", True),
                                 (r"(?>a+)a", "aaa", False), (r"a*+a", "aa", False)):
        model = Model(re.compile(pattern))
        assert model.search(text, Steps(10_000)) == found
        assert (re.search(pattern, text) is not None) == found
    with pytest.raises(NotImplementedError):
        Model(re.compile(r"(a)\1")).search("aa", Steps(100))
    with pytest.raises(NotImplementedError):
        Model(re.compile("a", re.IGNORECASE))


# --- 4. writes ------------------------------------------------------------------------------


def test_export_never_replaces_a_plan_and_needs_force_for_other_files(
        run: Run, real_plan: Path, tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    last_year = plans / "2025-26.yaml"
    last_year.write_text("anything")
    elsewhere = tmp_path / "copy.txt"
    elsewhere.write_text(real_plan.read_text(encoding="utf-8"), encoding="utf-8")
    for target in (last_year, elsewhere):
        result = run("export", "html", "--plan", real_plan, "-o", target, "--force")
        assert result.exit_code == 2 and "never replaces a plan" in result.stderr
    assert last_year.read_text() == "anything"
    other = tmp_path / "report.html"
    other.write_text("old")
    assert run("export", "html", "--plan", real_plan, "-o", other).exit_code == 2
    assert other.read_text() == "old"
    assert run("export", "html", "--plan", real_plan, "-o", other, "--force").exit_code == 0
    assert other.read_text().startswith("<!DOCTYPE html>")


# What plan text may hold (spec: Rules): no controls but newline and tab, no bidi controls,
# no line or paragraph separators (noncharacters such as U+FFFE, through an escape, yes);
# names ending in blank lines are the case of issue 11.
TEXT = st.text(st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters="\n\t",
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u2028\u2029"), min_size=1, max_size=40).filter(lambda t: bool(t.strip()))


@given(TEXT, TEXT)
def test_new_writes_what_loads_back_to_the_same_values(name: str, title: str) -> None:
    source = Plan.model_validate({
        "version": "1", "plan": {"title": "Plan 2026-27", "period": "2026-04..2027-03"},
        "team": [{"id": "mk", "name": name, "role": name + "\n\n"}],
        "strategic_objectives": [{"id": "1", "title": title, "objectives": [
            {"id": "1.1", "title": title + "\n", "rationale": f"{name}\n\n{title}\n\n\n"}]}]})
    text, _ = new_plan_text(source, source.plan.period)
    back = read_bytes(text.encode("utf-8"), "new.yaml")
    assert back.plan is not None, back.errors
    assert back.plan.team == source.team
    objective = back.plan.strategic_objectives[0].objectives[0]
    assert objective.title == title + "\n"
    assert objective.rationale == f"{name}\n\n{title}\n\n\n"


# --- 5. the right plan ----------------------------------------------------------------------


@pytest.mark.slow
def test_a_broken_period_stops_discovery_and_validate_shows_it(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "2025-26.yaml").write_text(BASE.replace("2026-04..2027-03", "2025-04..2026-03"))
    (plans / "2026-27.yaml").write_text(BASE.replace("2026-04..2027-03", "2026-04..2027-3x"))
    due = npmplan_process("due", cwd=plans)  # from inside plans/: found upward
    assert due.returncode == 1 and b"cannot be read" in due.stderr and not due.stdout
    validate = npmplan_process("validate", cwd=plans)
    assert validate.returncode == 1
    assert b"2026-27.yaml:2:" in validate.stdout and b"bad-period" in validate.stdout


def test_discovery_stops_at_the_top_of_the_repository(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "p.yaml").write_text(BASE)
    repo = tmp_path / "repo" / "sub"
    repo.mkdir(parents=True)
    (tmp_path / "repo" / ".git").write_text("gitdir: elsewhere\n")  # a worktree's .git file
    from datetime import date

    from npmplan.errors import UsageError

    with pytest.raises(UsageError):
        discover_plan(date(2026, 9, 1), repo)
    assert discover_plan(date(2026, 9, 1), tmp_path / "plans") == tmp_path / "plans" / "p.yaml"


# --- 6. messages ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "words"), [
    ("capacity: -5", "a capacity of '-5' is below zero"),
    ("capacity: ٣", "digits other than 0-9"),
])
def test_number_messages_name_the_cause(text: str, words: str) -> None:
    plan = BASE.replace("period: 2026-04..2027-03}", f"period: 2026-04..2027-03, {text}}}")
    (problem,) = read_bytes(plan.encode(), "p.yaml").errors
    assert words in problem.message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_wide_encodings_are_named(encoding: str) -> None:
    (problem,) = read_bytes(BASE.encode(encoding), "p.yaml").errors
    assert problem.rule == "encoding" and encoding[:6].upper() in problem.message


@pytest.mark.parametrize("when", ["0000-01", "9999-12"])
def test_years_out_of_range_get_the_same_message(when: str) -> None:
    plan = BASE + f"        milestones: [{{when: {when}, what: M}}]\n"
    (problem,) = read_bytes(plan.encode(), "p.yaml").errors
    assert "write a year between 1900 and 2999" in problem.message


def test_new_with_a_next_period_out_of_range_names_no_file_line(run: Run,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "late.yaml"
    path.write_text(BASE.replace("2026-04..2027-03}", "2998-04..2999-12}")
                    .replace("[2026-04..2027-03]", "[2999-01..2999-12]"))
    result = run("new", "--from", path)
    assert result.exit_code == 2
    assert "--period" in result.stderr and ".yaml:" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late.yaml"]


@pytest.mark.skipif(sys.platform == "win32",
                    reason="/dev/null is POSIX's (Windows has NUL, not a file)")
@pytest.mark.slow
def test_a_device_as_export_output_is_written_without_force(real_plan: Path) -> None:
    """A device is an output, not a file to replace: -o /dev/null works without --force."""
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    done = npmplan_process("export", "json", "--plan", real_plan, "-o", "/dev/null")
    assert done.returncode == 0, done.stderr


# --- the iCalendar writer gives icalendar's bytes, in linear time ---------------------------

ICS_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                                 include_characters="\n\\;,^"), max_size=300)


def _reference(event: object, stamp: object) -> str:
    from npmplan.render.exports.ics import reference_vevent

    ical: bytes = reference_vevent(event, stamp).to_ical()  # type: ignore[arg-type]
    return ical.decode("utf-8")


@given(ICS_TEXT, ICS_TEXT, st.lists(ICS_TEXT, min_size=1, max_size=3), st.booleans(),
       st.integers(0, 400))
def test_vevent_text_is_icalendar_s_own(summary: str, description: str,
                                        categories: list[str], done: bool,
                                        sequence: int) -> None:
    from datetime import UTC, date, datetime

    from npmplan.render.exports.ics import Event, vevent_text

    event = Event("uid@npmplan", sequence, date(2026, 5, 1), date(2026, 6, 1), summary,
                  description, categories, done)
    stamp = datetime(2026, 4, 1, tzinfo=UTC)
    assert vevent_text(event, stamp) == _reference(event, stamp)


def test_the_shipped_plan_s_calendar_is_icalendar_s_own(real_plan: Path) -> None:
    from npmplan.pipeline import read_plan
    from npmplan.render.exports.ics import _stamp, calendar_ics, events

    plan = read_plan(real_plan).plan
    assert plan is not None
    text = calendar_ics(plan, plan.objectives())
    stamp = _stamp(plan)
    expected = "".join(_reference(event, stamp) for event in events(plan, plan.objectives()))
    assert expected in text and text.endswith("END:VCALENDAR\r\n")


@pytest.mark.parametrize("args", [["workload", "--by", "lead"], ["workload", "--by", "strategic"],
                                  ["status", "--as-of", "2026-11-27"]])
def test_large_tables_are_drawn_as_rich_draws_small_ones(run: Run, real_plan: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         args: list[str]) -> None:
    """Past LARGE rows a table is lines of text (a team of 8,000 took 7 s as a Table):
    the same characters as rich's Table, as this forces the line path on the shipped plan."""
    from npmplan.render import tables

    as_table = run(*args, "--plan", real_plan).stdout
    monkeypatch.setattr(tables, "LARGE", 0)
    assert run(*args, "--plan", real_plan).stdout == as_table


def test_show_markdown_reads_no_markup_in_plan_text(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(BASE + "        rationale: |\n          # Fake heading\n"
                    "          [click](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
    out = run("show", "1.1", "-f", "markdown", "--plan", path).stdout
    rationale = out.split("### Rationale\n\n")[1].split("\n")[0]
    assert rationale.startswith("\\# Fake heading \\[click\\](javascript")
    assert "\\<img" in rationale and "<img" not in rationale.replace("\\<img", "")


def test_github_annotations_carry_no_control_in_the_file_name(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "a\x1b[31m\u202eb.yaml"
    path.write_text(BASE.replace("title: Target", "title: [Target"))
    out = run("validate", "-f", "github", path).stdout
    assert "\x1b" not in out and "\u202e" not in out and "::error file=" in out


FLOOD_LINES = {
    "unknown-key": "        k{n}: x\n",
    "unknown-lead": "      - {{id: '1.{n}0', title: O, leads: [x{n}]}}\n",
    "duplicate-id": "      - {{id: '1.1', title: O{n}}}\n",
    "alias": "      - {{id: '2.{n}', title: &a{n} O}}\n",
    "span-outside-period": "      - {{id: '3.{n}', title: O, schedule: [1900-01..2999-12]}}\n",
}


@pytest.mark.slow
@given(st.dictionaries(st.sampled_from(sorted(FLOOD_LINES)), st.integers(0, 300), min_size=1))
def test_validate_output_grows_with_the_rules_not_with_the_flood(floods: dict[str, int]) -> None:
    """Any mix of floods: each rule at most MAX_PER_RULE lines and one summary line."""
    keys = "".join(FLOOD_LINES["unknown-key"].format(n=n)
                   for n in range(floods.get("unknown-key", 0)))
    items = "".join(FLOOD_LINES[rule].format(n=n) for rule, count in floods.items()
                    if rule != "unknown-key" for n in range(count))
    problems = read_bytes((BASE + keys + items).encode(), "p.yaml").problems
    for rule in FLOOD_LINES:
        assert sum(p.rule == rule for p in problems) <= MAX_PER_RULE + 1
    assert len(problems) <= (MAX_PER_RULE + 1) * 12


@pytest.mark.parametrize(("escape", "char"), [("\\L", "U+2028"), ("\\P", "U+2029"),
                                              ("\\N", "U+0085")])
def test_separator_escapes_are_refused_like_the_raw_characters(escape: str, char: str) -> None:
    text = BASE.replace("title: Target", f'title: "Tar{escape}get"')
    (problem,) = read_bytes(text.encode(), "p.yaml").errors
    assert (problem.line, problem.rule) == (9, "control-character") and char in problem.message
