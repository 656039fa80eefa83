"""Fuzzing: a damaged plan is reported, never crashes; every valid plan renders everywhere.

Two sources of plans:

- **mutants**: ``plans/2026-27.yaml`` damaged by seeded mutations (``fuzzing.MUTATORS``);
  a failure names its seed, and ``python tests/fuzzing.py SEED`` writes that mutant out;
- **generated plans**: hypothesis builds type-correct plans (``fuzzing.plans``) with every
  date form and hostile text, and knows whether it put an error in on purpose.

The property: ``read_plan`` either accepts a file or reports errors, never raises, and at
least 90% of the errors have a line; messages are plain (``fuzzing.message_faults``); a
plan that validates renders in every output (``fuzzing.render_all``, and the CLI itself on
a sample). Then the limits: the size limit, alias bombs and deep nesting.

The default run takes about 25 s (800 mutants validated, 250 rendered, 40 generated plans).
A long run::

    NPMPLAN_FUZZ_RUNS=10000 NPMPLAN_FUZZ_REPORT=/tmp/fuzz \\
        python -m pytest -q -p no:cacheprovider tests/test_fuzz.py -s

checks 10,000 mutants (from seed ``NPMPLAN_FUZZ_SEED``, default 0), 1,000 generated plans,
prints the numbers, and writes them with every distinct message shape to the report folder.
"""

from __future__ import annotations

import json
import os
import tempfile
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from time import perf_counter
from typing import Any

import pytest
from conftest import Run
from fuzzing import (
    REAL_PLAN,
    Mutant,
    Seen,
    cli_commands,
    known_bug,
    message_faults,
    message_shape,
    mutant,
    plans,
    render_all,
    render_problems,
    report_months,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_examples import INVALID, WARNINGS

from npmplan.model.plan import Plan
from npmplan.pipeline import read_plan
from npmplan.read.limits import DEFAULT_MAX_BYTES
from npmplan.read.loader import load_bytes
from npmplan.rules.problems import MAX_PER_RULE, Problem

RUNS = int(os.environ.get("NPMPLAN_FUZZ_RUNS") or 0)
FIRST_SEED = int(os.environ.get("NPMPLAN_FUZZ_SEED") or 0)
REPORT = os.environ.get("NPMPLAN_FUZZ_REPORT")
# Reading a mutant costs ~5 ms, rendering a valid one ~0.3 s, so validation gets more seeds.
VALIDATE_SEEDS = range(FIRST_SEED, FIRST_SEED + (RUNS or 800))
RENDER_SEEDS = range(FIRST_SEED, FIRST_SEED + (RUNS or 250))
EXAMPLES = max(40, RUNS // 10)
WIDTHS = (100, 40, 160)  # rich lays text out differently when narrow


@pytest.fixture(scope="module")
def original() -> bytes:
    return REAL_PLAN.read_bytes()


@pytest.fixture(scope="module")
def real() -> Plan:
    result = read_plan(REAL_PLAN)
    assert result.plan is not None, result.errors
    return result.plan


@dataclass
class Tally:
    """The numbers of a fuzz run; ``faults`` and ``crashes`` make it fail."""

    runs: int = 0
    valid: int = 0
    invalid: int = 0
    errors: int = 0
    errors_with_line: int = 0
    warnings: int = 0
    rendered: int = 0
    seconds: float = 0.0
    crashes: list[str] = field(default_factory=list)
    faults: list[str] = field(default_factory=list)
    known: Counter[str] = field(default_factory=Counter)
    shapes: Counter[str] = field(default_factory=Counter)

    @property
    def located(self) -> float:
        return self.errors_with_line / self.errors if self.errors else 1.0

    def summary(self, name: str) -> str:
        return (f"{name}: {self.runs} plans, {self.valid} valid, {self.invalid} with errors "
                f"({self.errors} errors, {self.located:.1%} with a line; {self.warnings} "
                f"warnings), {self.rendered} rendered, {len(self.crashes)} crashes, "
                f"{len(self.faults)} message faults, known bugs {dict(self.known)}, "
                f"{len(self.shapes)} message shapes, {self.seconds:.1f} s")

    def save(self, name: str) -> None:
        print(f"\n{self.summary(name)}")
        if REPORT:
            folder = Path(REPORT)
            folder.mkdir(parents=True, exist_ok=True)
            data = {each.name: getattr(self, each.name) for each in fields(self)}
            data |= {"located": self.located, "shapes": self.shapes.most_common()}
            (folder / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False))

    def check(self, name: str) -> None:
        self.save(name)
        assert not self.crashes, "\n\n".join(self.crashes[:10])
        assert not self.faults, "\n".join(self.faults[:30])
        assert self.located >= 0.9, self.summary(name)


def validate(path: Path, raw: bytes, tally: Tally, where: str) -> Plan | None:
    """``read_plan`` and ``validate``'s own output, with the property checked and counted."""
    result = read_plan(path)
    errors = result.errors
    tally.runs += 1
    tally.valid += result.plan is not None
    tally.invalid += result.plan is None
    tally.errors += len(errors)
    tally.errors_with_line += sum(p.line > 0 for p in errors)
    tally.warnings += len(result.problems) - len(errors)
    if (result.plan is None) == (not errors):
        verdict = "accepted with errors" if errors else "refused without an error"
        tally.faults.append(f"{where}: plan {verdict}: {[str(p) for p in errors]}")
    for problem in result.problems:
        tally.shapes[message_shape(problem)] += 1
        for fault in message_faults(problem, raw):
            bug = known_bug(fault, problem)
            if bug:
                tally.known[bug] += 1
            else:
                tally.faults.append(f"{where}: {fault}: {problem}")
    render_problems(result.problems, result.plan is not None)
    return result.plan


def seeds_with(tmp: Path, original: bytes, seeds: range) -> Iterator[tuple[Mutant, Path]]:
    path = tmp / "mutant.yaml"
    for seed in seeds:
        found = mutant(seed, original)
        path.write_bytes(found.raw)
        yield found, path


# --- mutants ---------------------------------------------------------------------------


@pytest.mark.slow
def test_damaged_plans_are_reported_not_crashed_on(tmp_path: Path, original: bytes) -> None:
    tally = Tally()
    start = perf_counter()
    for found, path in seeds_with(tmp_path, original, VALIDATE_SEEDS):
        try:
            validate(path, found.raw, tally, found.describe())
        except Exception:  # every crash is collected, with its seed
            tally.crashes.append(f"{found.describe()}\n{traceback.format_exc()}")
    tally.seconds = perf_counter() - start
    tally.check("mutants-validate")


@pytest.mark.slow
def test_damaged_plans_that_still_validate_render_everywhere(tmp_path: Path, original: bytes,
                                                            real: Plan) -> None:
    tally = Tally()
    seen = Seen()
    start = perf_counter()
    for found, path in seeds_with(tmp_path, original, RENDER_SEEDS):
        try:
            plan = validate(path, found.raw, tally, found.describe())
            if plan is not None:
                tally.rendered += bool(render_all(plan, WIDTHS[found.seed % len(WIDTHS)],
                                                  other=real, seen=seen))
        except Exception:
            tally.crashes.append(f"{found.describe()}\n{traceback.format_exc()}")
    tally.seconds = perf_counter() - start
    tally.check("mutants-render")
    assert tally.rendered > 0, "no mutant both validated and differed from the plan"


def test_mutants_are_reproducible_by_seed(original: bytes) -> None:
    assert mutant(7, original) == mutant(7, original)
    assert mutant(7, original).raw != mutant(8, original).raw
    changed = sum(mutant(seed, original).raw != original for seed in range(50))
    assert changed >= 45, "the mutators leave the plan as it is too often"


# --- generated plans -------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("generated")


@pytest.fixture(scope="module")
def generated() -> Iterator[Tally]:
    """The numbers of all generated plans (hypothesis calls the test once a plan)."""
    tally = Tally()
    start = perf_counter()
    yield tally
    tally.seconds = perf_counter() - start
    tally.save("generated")


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(drawn=plans(), width=st.sampled_from(WIDTHS))
def test_generated_plans_validate_as_built_and_render(folder: Path, generated: Tally,
                                                      drawn: Any, width: int) -> None:
    path = folder / "generated.yaml"
    raw = drawn.text.encode("utf-8")
    path.write_bytes(raw)
    tally = Tally()
    plan = validate(path, raw, tally, "generated plan")
    for name in ("runs", "valid", "invalid", "errors", "errors_with_line", "warnings"):
        setattr(generated, name, getattr(generated, name) + getattr(tally, name))
    generated.shapes.update(tally.shapes)
    assert not tally.faults, tally.faults
    assert tally.errors_with_line == tally.errors  # each error in a generated plan is placed
    if drawn.valid:
        assert plan is not None, [str(p) for p in read_plan(path).errors]
        render_all(plan, width)
        generated.rendered += 1
    else:
        assert plan is None, drawn.broken


NASTY_PLAN = """\
version: "1"
plan:
  title: "Review [draft] [/] [bold]x[/bold] | =cmd"
  period: 2026-11..2027-02
  capacity: 0
team:
  - {id: "-x", name: "@SUM(A1) [red]", capacity: 0}
strategic_objectives:
  - id: "-1"
    title: "+1 \u202f\u00e9\u0301 \U0001f1ec\U0001f1e7"
    objectives:
      - id: "--help"
        title: "a | b\\nnew line"
        leads: ["-x"]
        schedule: [November 2026..dec 2026, {months: 2027-01-15, kind: production}]
        milestones:
          - {what: "*bold* _u_ <b>x</b>", when: 2026-Q4, moved_to: WINTER 2026, status: done,
             done_on: 2027-01-02}
          - {what: "'; DROP", when: 2026-11..2027-02, every: 1}
          - {what: "tbc", when: TBC}
          - {what: "ongoing", when: Ongoing}
          - {what: "x", when: 2026-11-30..2026-12-01}
  - id: "2"
    title: "empty"
    objectives: []
"""


@pytest.mark.slow
@pytest.mark.parametrize("source", ["real", "nasty"])
def test_every_command_runs_on_a_valid_plan(run: Run, tmp_path: Path, source: str) -> None:
    """The CLI itself, every command and format, on the plan and on a hostile one."""
    path = tmp_path / "plan.yaml"
    if source == "real":
        path.write_bytes(REAL_PLAN.read_bytes())
    else:
        path.write_text(NASTY_PLAN, encoding="utf-8")
    result = read_plan(path)
    assert result.plan is not None, result.errors
    ids = [item.id for _, item in result.plan.objectives()]
    failures = []
    for argv in cli_commands(path, ids[:2] + ids[-1:], report_months(result.plan)):
        outcome = run(*argv, catch=True)
        expected = (0, 1) if argv[0] == "validate" else (0,)  # --strict fails on warnings
        if outcome.exception is not None or outcome.exit_code not in expected:
            failures.append(f"{argv}: exit {outcome.exit_code} {outcome.exception!r}\n"
                            f"{outcome.output[-500:]}")
    assert not failures, "\n".join(failures)


# --- known bugs found by fuzzing ---------------------------------------------------------


# Found by the mutants: what swapped lines, a stray '@', '&', '*', '- ', '|' or '%' leave.
JARGON = {
    "text alone at the top": b'"a"\nb: 1\n',
    "@ starts a value": b"a: @x\n",
    "& starts a value": b"a: & training\n",
    "* starts a value": b"a: * x\n",
    "- after a key": b"a: - b\n",
    "| with text after it": b"a: |x\n",
    ": alone in brackets": b"a: [:]\n",
    "% starts a line": b"%x\n",
}


@pytest.mark.parametrize("raw", JARGON.values(), ids=JARGON.keys())
def test_syntax_message_has_no_parser_jargon(raw: bytes) -> None:
    [problem] = load_bytes("x.yaml", raw).problems
    assert problem.rule == "syntax"
    for word in ("<", "while scanning", "while parsing", "token", "node", "context",
                 "directive", "block scalar", "alphabetic"):
        assert word not in problem.message, problem.message


def test_an_unknown_key_with_an_invisible_character_says_which(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 1\nplan: {title: T, period: 2026-04..2027-03}\n"
                    "strategic_objectives:\n  - id: '1'\n    title: S\n    objectives:\n"
                    "      - id: '1.1'\n        title: O\n        mi\ufefflestones: []\n",
                    encoding="utf-8")
    [problem] = read_plan(path).errors
    assert (problem.line, problem.rule) == (9, "unknown-key")
    assert "U+FEFF" in problem.message, problem.message


def test_missing_colon_message_says_where_and_what_to_do() -> None:
    raw = b"a: 1\nb\nc: 2\n"  # line 2 lacks its ':'
    [problem] = load_bytes("x.yaml", raw).problems
    assert (problem.line, problem.rule) == (2, "syntax"), problem
    assert message_faults(problem, raw) == [], problem.message


def test_control_character_after_non_ascii_text_is_reported_where_it_is() -> None:
    problems = load_bytes("x.yaml", "a: ééééé\nb: x\x07y\n".encode()).problems
    assert [(p.line, p.column, p.rule) for p in problems] == [(2, 5, "control-character")]


def _insert_each(original: bytes, chars: str, seeds: range) -> Iterator[tuple[bytes, int, int]]:
    """The plan with one of ``chars`` put in at a seeded place, and that place (1-based)."""
    import random

    from fuzzing import _position

    text = original.decode("utf-8")
    for seed in seeds:
        rng = random.Random(seed)
        at = _position(text, rng)
        line_start = text.rfind("\n", 0, at) + 1
        yield ((text[:at] + rng.choice(chars) + text[at:]).encode("utf-8"),
               text.count("\n", 0, at) + 1, at - line_start + 1)


C0_C1 = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F,
                                 0x80, 0x9B, 0x9F))
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\u0085"


@pytest.mark.slow
@pytest.mark.parametrize("chars", [
    pytest.param(BIDI, id="bidi-and-line-separators"),
    pytest.param(C0_C1, id="c0-c1"),
])
def test_control_character_put_in_the_plan_is_reported_where_it_is(original: bytes,
                                                                   chars: str) -> None:
    missed = []
    for raw, line, column in _insert_each(original, chars, range(60)):
        found = [(p.line, p.column) for p in load_bytes("x.yaml", raw).problems
                 if p.rule == "control-character"]
        if (line, column) not in found:
            missed.append(f"expected {line}:{column}, got {found}")
    assert not missed, missed[:5]


def test_a_lone_cr_counts_as_a_line_end_for_every_problem() -> None:
    problems = load_bytes("x.yaml", b"a: 1\rb: \xe2\x80\xae\rb: 2\r").problems
    assert sorted((p.line, p.rule) for p in problems) == [(2, "control-character"),
                                                          (3, "duplicate-key")]


@pytest.mark.parametrize("year", ["1900", "2999"])  # the first and last years a plan may use
def test_a_plan_at_the_edge_of_the_calendar_renders_everywhere(run: Run, tmp_path: Path,
                                                               year: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(f"version: 1\nplan: {{title: T, period: {year}-01..{year}-12}}\n"
                    "strategic_objectives:\n  - id: '1'\n    title: S\n    objectives:\n"
                    f"      - id: '1.1'\n        title: O\n        schedule: [{year}-12]\n"
                    f"        milestones: [{{what: m, when: {year}-12}}]\n")
    assert read_plan(path).problems == []  # else the renderers below would never run
    for command in (["export", "ics"], ["export", "mermaid"], ["export", "html"],
                    ["export", "json"], ["calendar"], ["due", "--month", f"{year}-12"],
                    ["show", "1.1"], ["status", "--as-of", f"{year}-12-31"]):
        outcome = run(*command, "--plan", path, catch=True)
        assert outcome.exit_code == 0, f"{command}: {outcome.output}{outcome.exception!r}"
        assert "m" in outcome.stdout, command


def test_a_day_in_year_0_gets_a_message_that_says_what_to_write(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 1\nplan: {title: T, period: 2026-04..2027-03}\n"
                    "strategic_objectives:\n  - id: '1'\n    title: S\n    objectives:\n"
                    "      - id: '1.1'\n        title: O\n"
                    "        milestones: [{what: m, when: 0000-01-15}]\n")
    [problem] = read_plan(path).errors
    assert message_faults(problem, path.read_bytes()) == []
    assert "out of range" not in problem.message, problem.message


# --- messages ----------------------------------------------------------------------------


def _example_problems() -> Iterator[tuple[Problem, bytes]]:
    for path in [*INVALID, *WARNINGS]:
        for problem in read_plan(path).problems:
            yield problem, path.read_bytes()


@pytest.mark.slow
def test_messages_of_examples_and_mutants_are_plain(original: bytes) -> None:
    """Every message says where, what and what to do, in plain words: over the example
    plans and the messages of 400 more mutants (seeds past the other tests')."""
    found: list[tuple[Problem, bytes]] = list(_example_problems())
    with tempfile.TemporaryDirectory() as tmp:
        seeds = range(VALIDATE_SEEDS.stop, VALIDATE_SEEDS.stop + 400)
        for item, path in seeds_with(Path(tmp), original, seeds):
            found += [(p, item.raw) for p in read_plan(path).problems]
    faults = [f"{fault}: {problem}" for problem, raw in found
              for fault in message_faults(problem, raw) if not known_bug(fault, problem)]
    assert len(found) > 400
    assert not faults, "\n".join(faults)


# --- limits --------------------------------------------------------------------------------


def _validate_json(run: Run, path: Path) -> tuple[int, list[dict[str, Any]]]:
    outcome = run("validate", "--format", "json", path)
    return outcome.exit_code, json.loads(outcome.stdout)["problems"]


def test_a_file_over_10_mb_is_refused_with_a_clear_message(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# padding\n" * (DEFAULT_MAX_BYTES // 10) + b"x\n")
    assert path.stat().st_size == DEFAULT_MAX_BYTES + 2
    code, problems = _validate_json(run, path)
    assert code == 1
    assert [(p["line"], p["rule"]) for p in problems] == [(1, "too-large")]
    message = problems[0]["message"]
    assert "10,485,760-byte limit" in message and "NPMPLAN_MAX_BYTES" in message, message
    outcome = run("calendar", "--plan", path)  # a reporting command says the same, no trace
    assert outcome.exit_code == 1
    assert "too-large" in outcome.stderr and "Traceback" not in outcome.output


def test_the_size_limit_follows_npmplan_max_bytes(run: Run, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(REAL_PLAN.read_bytes())
    size = path.stat().st_size
    monkeypatch.setenv("NPMPLAN_MAX_BYTES", str(size - 1))
    assert [p["rule"] for p in _validate_json(run, path)[1]] == ["too-large"]
    assert f"{size - 1:,}-byte" in _validate_json(run, path)[1][0]["message"]
    for command in (["calendar"], ["export", "ics"]):
        assert run(*command, "--plan", path).exit_code == 1
    assert run("diff", path, path).exit_code == 1
    monkeypatch.setenv("NPMPLAN_MAX_BYTES", str(size))
    assert _validate_json(run, path)[0] == 0


def test_a_strange_npmplan_max_bytes_never_crashes(run: Run, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(REAL_PLAN.read_bytes())
    for value, code in (("10MB", 2), ("-1", 2), ("", 0), ("1e6", 2), ("\u00b2", 2)):
        monkeypatch.setenv("NPMPLAN_MAX_BYTES", value)
        outcome = run("validate", path, catch=True)
        assert outcome.exception is None, value
        assert outcome.exit_code == code, (value, outcome.output)
        if code:  # said, not ignored
            assert "NPMPLAN_MAX_BYTES must be a whole number of bytes" in outcome.output


_LAUGHS = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
_LAUGHS += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
BOMBS = {
    "billion laughs (9 levels of 9)": "\n".join(_LAUGHS) + "\n",
    "block style": "a0: &a0\n" + "".join(f"  - x{i}\n" for i in range(9)) + "".join(
        f"a{i}: &a{i}\n" + f"  - *a{i - 1}\n" * 9 for i in range(1, 10)),
    "merge keys": "a0: &a0 {x: 1, y: 2}\n" + "".join(
        f"a{i}: &a{i}\n" + "".join(f"  k{j}:\n    <<: *a{i - 1}\n" for j in range(9))
        for i in range(1, 10)),
    "plan-shaped": (
        "version: 1\nplan: {title: T, period: 2026-04..2027-03}\nstrategic_objectives:\n"
        "  - id: '1'\n    title: S\n    objectives:\n      - id: '1.1'\n        title: a\n"
        "        schedule: [2026-04..2027-03]\n        milestones: &m0\n"
        "          - {what: m, when: 2026-05}\n"
        + "".join(f"      - id: '1.{i + 1}'\n        title: b\n        milestones: &m{i}\n"
                  + "".join(f"          - *m{i - 1}\n" for _ in range(9)) for i in range(1, 9))),
}


@pytest.mark.parametrize("text", BOMBS.values(), ids=BOMBS.keys())
def test_an_alias_bomb_is_refused_as_aliases(run: Run, tmp_path: Path, text: str) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(text)
    code, problems = _validate_json(run, path)
    assert code == 1
    aliases = [p for p in problems if p["rule"] == "alias"]
    found = text.count("&") + text.count("*")  # each once, none expanded, then counted
    assert len(aliases) == min(found, MAX_PER_RULE) + (found > MAX_PER_RULE)
    assert all(p["line"] > 0 for p in aliases)
    # Besides, only the keys a plan does not have (the bombs are not plans).
    assert {p["rule"] for p in problems} <= {"alias", "unknown-key", "missing-key"}
    for command in (["calendar"], ["export", "json"]):
        assert run(*command, "--plan", path).exit_code == 1


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: [" + "*x, " * 50_000 + "*x]\n",
    "".join(f"a: {i}\n" for i in range(50_000)),
], ids=["aliases", "duplicate keys"])
def test_a_flood_of_one_problem_is_summed_up(tmp_path: Path, text: str) -> None:
    path = tmp_path / "flood.yaml"
    path.write_text(text)
    problems = read_plan(path).problems
    assert 0 < len(problems) <= 1_000, len(problems)


def test_html_export_does_not_grow_with_the_capacity(run: Run, tmp_path: Path) -> None:
    sizes = []
    for capacity in (16, 1_000_000):
        path = tmp_path / f"plan-{capacity}.yaml"
        path.write_text(REAL_PLAN.read_text(encoding="utf-8").replace(
            "  source: Business Plan", f"  capacity: {capacity}\n  source: Business Plan"),
            encoding="utf-8")
        outcome = run("export", "html", "--plan", path, "--as-of", "2026-11-01")
        assert outcome.exit_code == 0, outcome.output
        sizes.append(len(outcome.stdout_bytes))
    assert sizes[1] < 2 * sizes[0], sizes


DEEP = {
    "20,000 [": "[" * 20_000,
    "20,000 [ and ]": "[" * 20_000 + "]" * 20_000,
    "20,000 {a: ": "{a: " * 20_000,
    "20,000 block sequences": "- " * 20_000 + "x\n",
    "200 indented keys": "".join("  " * i + "a:\n" for i in range(200)),
}


@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_deep_nesting_is_refused_as_too_deep(run: Run, tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    code, problems = _validate_json(run, path)
    assert code == 1
    assert len(problems) == 1, problems
    [problem] = problems
    # libyaml stops some of these at its own depth limit (a syntax error) before ours.
    assert problem["rule"] in ("too-deep", "syntax") and problem["line"] > 0, problem
    assert "nested" in problem["message"], problem
