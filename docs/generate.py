"""Write docs/rules.md (and check it): every validate rule with a bad and a good example.

Each example is run for real: the bad one must report its rule, the good one nothing, and
the message shown is the one npmplan printed. Run ``python docs/generate.py`` after
changing a rule or a message; ``tests/test_docs.py`` fails when the file is stale.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from npmplan.pipeline import read_plan
from npmplan.rules import RULES

HERE = Path(__file__).resolve().parent
BASE = """\
version: 1
plan: {title: Example, period: 2026-04..2027-03}
team: [{id: mk, name: Martin Kettle}]
strategic_objectives:
  - id: "1"
    title: Example strategic objective
    objectives:
      - id: "1.1"
        title: Example objective
        schedule: [2026-07..2026-12]
        milestones:
          - {when: 2026-09, what: Draft shared}
"""
MILESTONE = "          - {when: 2026-09, what: Draft shared}\n"
TITLE = "        title: Example objective\n"
SCHEDULE = "        schedule: [2026-07..2026-12]\n"

# rule -> (the lines of BASE to change, the bad lines, the good lines)
EXAMPLES: dict[str, tuple[str, str, str]] = {
    "syntax": (MILESTONE, '          - {when: 2026-09, what: "Draft shared}\n', MILESTONE),
    "multiple-documents": ("", "---\nversion: 1\n", ""),
    "duplicate-key": (TITLE, TITLE + "        title: Second title\n", TITLE),
    "alias": (TITLE, "        title: &name Example objective\n        label: *name\n",
              TITLE + "        label: Example objective\n"),
    "tag": (TITLE, "        title: !!python/object:os.system Example objective\n", TITLE),
    "complex-key": (TITLE, TITLE + "        ? [a, b]\n        : c\n", TITLE),
    "control-character": (MILESTONE, '          - {when: 2026-09, what: "Draft \\u202e shared"}\n',
                          MILESTONE),
    "unknown-key": ("        milestones:\n", "        milestons:\n", "        milestones:\n"),
    "missing-key": (TITLE, "", TITLE),
    "type": (TITLE, "        title: [Example, objective]\n", TITLE),
    "empty-value": (TITLE, "        title:\n", TITLE),
    "bad-version": ("version: 1\n", "version: 2\n", "version: 1\n"),
    "bad-choice": (SCHEDULE, "        schedule: [{months: 2026-07..2026-12, kind: meeting}]\n",
                   "        schedule: [{months: 2026-07..2026-12, kind: meetings}]\n"),
    "bad-number": (MILESTONE, "          - {when: 2026-07..2026-12, every: two, what: Board}\n",
                   "          - {when: 2026-07..2026-12, every: 2, what: Board}\n"),
    "bad-boolean": (SCHEDULE, "        outputs: [{title: Guidance, web: yes}]\n" + SCHEDULE,
                    "        outputs: [{title: Guidance, web: true}]\n" + SCHEDULE),
    "bad-months": (SCHEDULE, "        schedule: [Jul 26..Dec 26]\n", SCHEDULE),
    "bad-period": ("plan: {title: Example, period: 2026-04..2027-03}\n",
                   "plan: {title: Example, period: 2026-27}\n",
                   "plan: {title: Example, period: 2026-04..2027-03}\n"),
    "bad-when": (MILESTONE, "          - {when: Sep 26, what: Draft shared}\n", MILESTONE),
    "bad-day": (MILESTONE, "          - {when: 2026-09, what: Draft, status: done, "
                "done_on: 18/09/2026}\n",
                "          - {when: 2026-09, what: Draft, status: done, done_on: 2026-09-18}\n"),
    "reversed-range": (SCHEDULE, "        schedule: [2026-12..2026-07]\n", SCHEDULE),
    "duplicate-id": ("", '      - {id: "1.1", title: Another objective}\n',
                     '      - {id: "1.2", title: Another objective}\n'),
    "unknown-lead": (TITLE, TITLE + "        leads: [mkk]\n", TITLE + "        leads: [mk]\n"),
    "schedule-overlap": (SCHEDULE, "        schedule: [2026-07..2026-09, "
                         "{months: 2026-09..2026-12, kind: meetings}]\n",
                         "        schedule: [2026-07..2026-08, "
                         "{months: 2026-09..2026-12, kind: meetings}]\n"),
    "span-outside-period": (SCHEDULE, "        schedule: [2026-07..2027-06]\n", SCHEDULE),
    "done-on-without-done": (
        MILESTONE, "          - {when: 2026-09, what: Draft shared, done_on: 2026-09-18}\n",
        "          - {when: 2026-09, what: Draft shared, status: done, done_on: 2026-09-18}\n"),
    "every-without-range": (MILESTONE, "          - {when: 2026-07, every: 2, what: Board}\n",
                            "          - {when: 2026-07..2026-12, every: 2, what: Board}\n"),
    "every-not-positive": (MILESTONE,
                           "          - {when: 2026-07..2026-12, every: 0, what: Board}\n",
                           "          - {when: 2026-07..2026-12, every: 1, what: Board}\n"),
    "milestone-outside-period": (MILESTONE, "          - {when: 2027-05, what: Draft shared}\n",
                                 MILESTONE),
    "milestone-off-schedule": (MILESTONE, "          - {when: 2026-05, what: Draft shared}\n",
                               MILESTONE),
    "id-prefix": ('      - id: "1.1"\n', '      - id: "2.1"\n', '      - id: "1.1"\n'),
    "over-capacity": ("plan: {title: Example, period: 2026-04..2027-03}\n",
                      "plan: {title: Example, period: 2026-04..2027-03, capacity: 0}\n",
                      "plan: {title: Example, period: 2026-04..2027-03, capacity: 1}\n"),
}
WHOLE_FILE = {
    "empty": ("", "an empty file (or one with only comments)"),
    "not-a-mapping": ("- Example objective\n- Another\n", ""),
}
NOT_RUN = {
    "too-large": "A plan over 10 MB is refused before it is read, so that a wrong file "
                 "(an export, a database dump) cannot stall the tool. Split the file, or set "
                 "the environment variable `NPMPLAN_MAX_BYTES` to a larger number of bytes.",
    "encoding": "The file is not UTF-8 text: most often it was saved as \"ANSI\"/Latin-1 by an "
                "old editor, or it is not a text file at all. The message gives the line and "
                "column of the first bad byte. Save the file with the encoding UTF-8.",
    "too-deep": "The file is nested (indented or bracketed) far deeper than any plan, which "
                "means a damaged file, such as thousands of `[`. Check the brackets.",
}


def problems_of(text: str) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_text(text, encoding="utf-8")
        result = read_plan(path, "plan.yaml")
    return [(p.rule, str(p)) for p in result.problems]


def example(rule: str) -> str:
    if rule in NOT_RUN:
        return NOT_RUN[rule] + "\n"
    if rule in WHOLE_FILE:
        bad, words = WHOLE_FILE[rule]
        good = BASE
    else:
        anchor, bad_lines, good_lines = EXAMPLES[rule]
        bad = BASE.replace(anchor, bad_lines, 1) if anchor else BASE + bad_lines
        good = BASE.replace(anchor, good_lines, 1) if anchor else BASE + good_lines
        words = ""
    found = problems_of(bad)
    messages = [message for r, message in found if r == rule]
    if not messages:
        raise SystemExit(f"the bad example of {rule} reports {found}, not {rule}")
    if problems_of(good):
        raise SystemExit(f"the good example of {rule} is not clean: {problems_of(good)}")
    shown_bad = words or _changed(bad, rule)
    shown_good = _changed(good, rule) if not words else "a plan (see the other examples)"
    return (f"Bad:\n\n```yaml\n{shown_bad}```\n\nnpmplan says:\n\n```\n{messages[0]}\n```\n\n"
            f"Good:\n\n```yaml\n{shown_good}```\n" if not words else
            f"Bad: {words}.\n\nnpmplan says:\n\n```\n{messages[0]}\n```\n")


def _changed(text: str, rule: str) -> str:
    if rule in WHOLE_FILE:
        return text
    _, bad_lines, good_lines = EXAMPLES[rule]
    lines = bad_lines if bad_lines in text else good_lines
    return lines if lines else "(the line is missing)\n"


def render() -> str:
    out = [
        "# The rules of `npmplan validate`",
        "",
        "<!-- Generated by docs/generate.py from real runs; do not edit by hand. -->",
        "",
        "Every problem ends with its rule id in square brackets. Errors make `validate` exit 1;",
        "warnings do not, unless `--strict` is given. Each example below is a change to this",
        "small plan, and the message is exactly what npmplan printed for it:",
        "",
        f"```yaml\n{BASE}```",
        "",
    ]
    for rule, (severity, summary) in RULES.items():
        out += [f"## `{rule}` ({severity})", "", summary[0].upper() + summary[1:] + ".", "",
                example(rule)]
    return "\n".join(out)


def main() -> None:
    target = HERE / "rules.md"
    text = render()
    if "--check" in sys.argv:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            raise SystemExit("docs/rules.md is stale: run python docs/generate.py")
        return
    target.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
