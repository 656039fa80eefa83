"""``npmplan validate`` on every example plan: valid ones exit 0, invalid ones exit 1 with
exactly the (line, rule) problems their ``# expect:`` line declares (check-jsonschema
``test_example_files.py``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Run
from plan_examples import INVALID, VALID, WARNINGS, Expected, expected, ids

from npmplan.pipeline import read_plan

# Every error rule of the format, and the warning rules. too-large is tested below with a
# generated file, since it depends on NPMPLAN_MAX_BYTES.
ERROR_RULES = {
    "syntax", "encoding", "empty", "not-a-mapping", "too-deep", "control-character",
    "duplicate-key", "alias", "tag", "complex-key", "multiple-documents",
    "unknown-key", "missing-key", "type", "empty-value", "bad-version", "bad-months",
    "bad-period", "bad-day", "bad-when", "reversed-range", "bad-choice", "bad-number",
    "bad-boolean", "bad-id", "period-too-long", "negative-capacity", "too-many-occurrences",
    "duplicate-id", "unknown-lead", "schedule-overlap", "span-outside-period",
    "done-on-without-done", "cancelled-on-without-cancelled", "moved-on-without-moved-to",
    "occurrence-not-in-series",
    "every-without-range", "every-not-positive", "rag-incomplete", "comment-quarter",
}
WARNING_RULES = {"milestone-outside-period", "milestone-off-schedule", "id-prefix",
                 "over-capacity", "empty-schedule", "rag-into-commentary", "date-in-future"}

def validate_json(run: Run, *args: str | Path) -> tuple[int, dict[str, Any]]:
    result = run("validate", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def found(report: dict[str, Any], severity: str) -> Expected:
    return {(p["line"], p["rule"]) for p in report["problems"] if p["severity"] == severity}


def test_the_examples_are_there() -> None:
    assert len(VALID) >= 4
    assert len(INVALID) >= 30
    assert len(WARNINGS) == len(WARNING_RULES)


def test_every_error_rule_has_an_invalid_example() -> None:
    covered = {rule for path in INVALID for _, rule in expected(path)}
    assert ERROR_RULES - covered == set()


def test_every_warning_rule_has_an_example() -> None:
    covered = {rule for path in WARNINGS for _, rule in expected(path)}
    assert covered == WARNING_RULES


@pytest.mark.parametrize("path", VALID, ids=ids(VALID))
def test_valid_example_passes_with_no_problems(run: Run, path: Path) -> None:
    code, report = validate_json(run, path)
    assert report == {"valid": True, "problems": []}
    assert code == 0


@pytest.mark.slow
@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example_fails_at_the_expected_lines(run: Run, path: Path) -> None:
    code, report = validate_json(run, path)
    assert found(report, "error") == expected(path)
    assert report["valid"] is False
    assert code == 1


@pytest.mark.parametrize("path", WARNINGS, ids=ids(WARNINGS))
def test_warnings_example_passes_unless_strict(run: Run, path: Path) -> None:
    code, report = validate_json(run, path)
    assert found(report, "error") == set()
    assert found(report, "warning") == expected(path)
    assert (code, report["valid"]) == (0, True)
    strict_code, strict_report = validate_json(run, "--strict", path)
    assert (strict_code, strict_report["valid"]) == (1, False)
    assert strict_report["problems"] == report["problems"]


def test_python_tag_runs_no_code(run: Run) -> None:
    pwned = Path("/tmp/npmplan-pwned")
    assert not pwned.exists(), "remove /tmp/npmplan-pwned left by something else, then rerun"
    plan = Path(__file__).parent / "plans/invalid/tag-python-object.yaml"
    code, report = validate_json(run, plan)
    assert code == 1
    assert (4, "tag") in found(report, "error")
    assert not pwned.exists()


def test_bom_crlf_example_really_has_a_bom_and_crlf() -> None:
    raw = (Path(__file__).parent / "plans/valid/bom-crlf.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n") > 10


@pytest.mark.parametrize("brackets", ["[" * 20_000, "[" * 20_000 + "]" * 20_000],
                         ids=["unclosed", "closed"])
def test_20000_levels_of_nesting_is_one_clean_error(run: Run, tmp_path: Path,
                                                   brackets: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(brackets)
    code, report = validate_json(run, path)
    assert code == 1
    # libyaml stops at its own limit (syntax); the pure-Python parser would reach ours.
    assert [(p["line"], p["rule"] in ("syntax", "too-deep")) for p in report["problems"]] \
        == [(1, True)]


def test_too_large_file_is_refused_before_parsing(run: Run, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    minimal = (Path(__file__).parent / "plans/valid/minimal.yaml").read_text()
    path.write_text(minimal + "# padding\n" * 50)
    size = path.stat().st_size
    monkeypatch.setenv("NPMPLAN_MAX_BYTES", str(size - 1))
    code, report = validate_json(run, path)
    assert (code, found(report, "error")) == (1, {(1, "too-large")})
    assert f"{size - 1:,}" in report["problems"][0]["message"]
    monkeypatch.setenv("NPMPLAN_MAX_BYTES", str(size))
    assert validate_json(run, path) == (0, {"valid": True, "problems": []})


def test_the_rule_lists_match_the_rule_registry() -> None:
    registry = pytest.importorskip("npmplan.rules.catalogue").RULES
    assert {ident for ident, rule in registry.items() if rule.severity == "error"} \
        == ERROR_RULES | {"too-large"}
    assert {ident for ident, rule in registry.items() if rule.severity == "warning"} \
        == WARNING_RULES


@pytest.mark.parametrize("path", [*INVALID, *WARNINGS], ids=ids([*INVALID, *WARNINGS]))
def test_reported_rules_are_registered_with_their_severity(path: Path) -> None:
    registry = pytest.importorskip("npmplan.rules.catalogue").RULES
    for problem in read_plan(path).problems:
        assert registry[problem.rule].severity == problem.severity, problem


MESSAGES = {
    "unknown-key-milestons.yaml": "did you mean 'milestones'?",
    "bad-when-jul-26.yaml": "write 2026-07",
    "bad-choice-kind.yaml": "did you mean 'meetings'?",
    "reversed-range.yaml": "2026-06..2026-08",
    "duplicate-key-nested.yaml": "first at line 14",
    "bad-period.yaml": "2026-04..2027-03",
    "control-character-bidi-literal.yaml": "U+202E",
    "missing-key-title.yaml": "'title'",
    "unknown-lead.yaml": "'jx'",
    "tag-python-object.yaml": "python/object/apply:os.system",
}


@pytest.mark.parametrize("name, text", MESSAGES.items(), ids=MESSAGES.keys())
def test_message_says_what_to_write(run: Run, name: str, text: str) -> None:
    _, report = validate_json(run, Path(__file__).parent / "plans" / "invalid" / name)
    assert any(text in p["message"] for p in report["problems"]), report["problems"]
