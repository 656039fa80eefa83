"""Write docs/rules.md and docs/commands.md from real runs (``--check``: fail if stale).

- rules.md: every validate rule with a bad and a good example. Each example is run: the
  bad one must report its rule, the good one nothing, and the message shown is the one
  npmplan printed.
- commands.md: every command, run on the shipped plan with fixed dates, its output as
  printed at 100 columns without colour.

Run ``python docs/generate.py`` after changing a rule, a message or an output;
``tests/test_docs.py`` fails when either file is stale.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from npmplan.check.rules import RULES
from npmplan.pipeline import read_plan

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
    "bad-id": ('      - id: "1.1"\n', '      - id: "1.1 "\n', '      - id: "1.1"\n'),
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
    "period-too-long": ("plan: {title: Example, period: 2026-04..2027-03}\n",
                        "plan: {title: Example, period: 2026-04..2999-03}\n",
                        "plan: {title: Example, period: 2026-04..2027-03}\n"),
    "negative-capacity": ("plan: {title: Example, period: 2026-04..2027-03}\n",
                          "plan: {title: Example, period: 2026-04..2027-03, capacity: -5}\n",
                          "plan: {title: Example, period: 2026-04..2027-03, capacity: 8}\n"),
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
    "too-many-occurrences": "A plan's recurring milestones (`every`) may happen at most 100,000 "
                            "times in its period, counted over the whole plan: a real plan has "
                            "dozens, and each occurrence is an event in every export. The error "
                            "points at the milestone that goes over; check its `every` and its "
                            "range of months (tests/plans/invalid/too-many-occurrences.yaml).",
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


# (heading, what it is for, the command line, how many lines of output to show)
COMMANDS: list[tuple[str, str, str, int]] = [
    ("validate", "Check plan files. Use it after every edit, in pre-commit and in CI. Exit 0 "
     "when valid, 1 with problems (warnings too with `--strict`), 2 for a usage mistake.",
     "npmplan validate plans/2026-27.yaml", 0),
    ("calendar", "The appendix \"Calendar of Actions\". `--format markdown|csv|json`; filters "
     "`--strategic`, `--priority`, `--lead`, `--from`, `--to`; `--as-of` marks the month.",
     "npmplan calendar --as-of 2026-09-10", 0),
    ("due", "The stand-up for a month (default: this month). `--format markdown` pastes into "
     "meeting notes. Filters `--lead`, `--strategic`.", "npmplan due --month 2026-09", 45),
    ("workload", "Active activities per month by kind; `--by lead|strategic|priority` splits "
     "it, `--without-priority funding-dependent` asks what if the funding does not come.",
     "npmplan workload", 0),
    ("workload --by", "The workload by lead, strategic objective or priority; a lead over "
     "their `capacity` is flagged.", "npmplan workload --by strategic", 0),
    ("show", "One objective in full.", "npmplan show 2.4 --as-of 2026-09-10", 0),
    ("status", "Progress for the annual report and quarterly reports: milestones done, "
     "planned, overdue and cancelled, share delivered, months of slippage.",
     "npmplan status --as-of 2026-11-27", 12),
    ("diff", "What changed between two versions: `OLD` and `NEW` are files or `REV:PATH` "
     "(read with git). Here `old.yaml` is the shipped plan and `new.yaml` the same with one "
     "milestone moved and one marked done.", "npmplan diff old.yaml new.yaml", 0),
    ("new", "Start next year's plan from this one: the objectives' text is kept, unfinished "
     "milestones are carried forward with a note, schedules are cleared to redo. It never "
     "overwrites a file.", "npmplan new --from plans/2026-27.yaml --period 2027-04..2028-03 "
     "-o plans/2027-28.yaml", 0),
    ("schema", "The JSON Schema of the format (`schemas/plan.schema.json` is this output); "
     "editors use it to check the plan as you type.", "npmplan schema", 12),
    ("export ics", "An iCalendar file of the dated milestones, to subscribe to in Outlook or "
     "Google Calendar. `-o FILE` writes a file.", "npmplan export ics --strategic 4", 30),
    ("export mermaid", "A Mermaid Gantt chart, which GitHub draws in Markdown.",
     "npmplan export mermaid --strategic 4", 0),
    ("export html", "One self-contained printable page (A4 landscape) for Steering Group "
     "papers: the calendar, the workload chart and the due list. See "
     "[the screenshot](html-report.png).",
     "npmplan export html --as-of 2026-06-15 -o report.html", 0),
    ("export json", "The whole plan, computed, for other tools: see "
     "[export-json.md](export-json.md).", "npmplan export json", 25),
]


def _edited(plan: str) -> str:
    moved = plan.replace('{when: 2026-07, what: "Expected publication of CPT social care '
                         'standards"}', '{when: 2026-07, moved_to: 2026-10, what: "Expected '
                         'publication of CPT social care standards"}', 1)
    done = moved.replace('{when: 2026-06, what: "Personality Disorder expert roundtable"}',
                         '{when: 2026-06, what: "Personality Disorder expert roundtable", '
                         'status: done, done_on: 2026-06-24}', 1)
    if done.count("moved_to") != 1 or done.count("done_on") != 1:
        raise SystemExit("docs/generate.py: the diff example no longer finds its milestones")
    return done


def run_command(line: str, folder: Path) -> str:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    for name in ("NPMPLAN_PLAN", "GITHUB_ACTIONS", "FORCE_COLOR"):
        env.pop(name, None)
    args = [sys.executable, "-m", "npmplan", *line.split()[1:]]
    result = subprocess.run(args, capture_output=True, text=True, env=env, cwd=folder)
    return result.stdout + result.stderr


def render_commands() -> str:
    out = ["# npmplan commands", "",
           "<!-- Generated by docs/generate.py from real runs; do not edit by hand. -->", "",
           "Every command takes `--plan PATH` (or the environment variable `NPMPLAN_PLAN`); "
           "without it, the plan in `./plans/` whose period contains today is used, else the "
           "latest. `-h` shows a command's options. The outputs below are real, on the "
           "shipped plan, at 100 columns without colour.", ""]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "plans").mkdir()
        shutil.copy(HERE.parent / "plans" / "2026-27.yaml", folder / "plans" / "2026-27.yaml")
        plan = (folder / "plans" / "2026-27.yaml").read_text(encoding="utf-8")
        (folder / "old.yaml").write_text(plan, encoding="utf-8")
        (folder / "new.yaml").write_text(_edited(plan), encoding="utf-8")
        for heading, about, line, limit in COMMANDS:
            output = run_command(line, folder).rstrip("\n").split("\n")
            if limit and len(output) > limit:
                output = [*output[:limit], f"... ({len(output) - limit} more lines)"]
            out += [f"## `npmplan {heading}`", "", about, "", "```", f"$ {line}", *output,
                    "```", ""]
    return "\n".join(out)


def main() -> None:
    targets = {HERE / "rules.md": render(), HERE / "commands.md": render_commands()}
    for target, text in targets.items():
        if "--check" in sys.argv:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                raise SystemExit(f"docs/{target.name} is stale: run python docs/generate.py")
        else:
            target.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
