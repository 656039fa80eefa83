"""Every rule ``validate`` can report, defined once: its id, severity, what it guards
against, and an example that breaks it with the change that fixes it.

Code that finds a problem names the rule object (``rules.DUPLICATE_ID.finding(...)``), never
a string; ``docs/rules.md`` is generated from this registry by running each example
(``docs/generate.py``), and a test fails when the two drift apart.

Each example is a change to ``EXAMPLE_PLAN``: ``anchor`` is the lines it replaces (""
appends), ``bad`` the lines that break the rule, ``good`` the lines that fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from npmplan.rules.problems import Finding, Loc, Problem, Severity

EXAMPLE_PLAN = """\
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
_MILESTONE = "          - {when: 2026-09, what: Draft shared}\n"
_TITLE = "        title: Example objective\n"
_SCHEDULE = "        schedule: [2026-07..2026-12]\n"
_PLAN = "plan: {title: Example, period: 2026-04..2027-03}\n"
# The day the examples are checked on, for the rules that need today (date-in-future): a
# fixed day, so that docs/rules.md is the same whenever it is generated.
EXAMPLE_TODAY = date(2026, 10, 15)


@dataclass(frozen=True, slots=True)
class Example:
    anchor: str
    bad: str
    good: str
    whole_file: bool = False  # ``bad`` is the whole file, not a change to EXAMPLE_PLAN
    words: str = ""  # a whole bad file described in words rather than shown


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    summary: str  # what the rule guards against, in a line
    example: Example | None = None
    explained: str = ""  # for a rule no small example can show (a 10 MB file): why and how

    def finding(
        self, loc: Loc, message: str, *, at_key: bool = False, line: int = 0, column: int = 0
    ) -> Finding:
        """A problem of this rule at a data path; the loader's positions give it a line."""
        return Finding(self, loc, message, at_key, line, column)

    def problem(self, file: str, line: int, column: int, message: str, path: str = "") -> Problem:
        """A problem of this rule at a known position."""
        return Problem(file, line, column, self.severity, self.id, path, message)


def _rule(
    ident: str,
    severity: Severity,
    summary: str,
    example: Example | None = None,
    explained: str = "",
) -> Rule:
    rule = Rule(ident, severity, summary, example, explained)
    RULES[ident] = rule
    return rule


RULES: dict[str, Rule] = {}  # id → rule, in the order docs/rules.md lists them


# reading the file
TOO_LARGE = _rule(
    "too-large",
    "error",
    "the file is over the size limit (10 MB; NPMPLAN_MAX_BYTES)",
    explained=("A plan over 10 MB is refused before it is read, so that a wrong file (an export, a "
        "database dump) cannot stall the tool. Split the file, or set the environment variable "
        "`NPMPLAN_MAX_BYTES` to a larger number of bytes."),
)
ENCODING = _rule("encoding", "error", "the file is not UTF-8 text",
    explained=('The file is not UTF-8 text: most often it was saved as "ANSI"/Latin-1 by an old '
        'editor, or it is not a text file at all. The message gives the line and column of the '
        'first bad byte. Save the file with the encoding UTF-8.'),
)
EMPTY = _rule("empty", "error", "the file has no content",
    Example("", "", "", whole_file=True, words="an empty file (or one with only comments)"),
)
SYNTAX = _rule("syntax", "error", "the file is not valid YAML",
    Example(_MILESTONE, '          - {when: 2026-09, what: "Draft shared}\n', _MILESTONE),
)
TOO_DEEP = _rule("too-deep", "error", "the file is nested far deeper than a plan can be",
    explained=("The file is nested (indented or bracketed) far deeper than any plan, which means a "
        "damaged file, such as thousands of `[`. Check the brackets."),
)
MULTIPLE_DOCUMENTS = _rule(
    "multiple-documents",
    "error",
    "the file holds more than one YAML document",
    Example("", "---\nversion: 1\n", ""),
)
NOT_A_MAPPING = _rule("not-a-mapping", "error", "the top of the file is a list or a single value",
    Example("", "- Example objective\n- Another\n", "", whole_file=True),
)
DUPLICATE_KEY = _rule("duplicate-key", "error", "a key appears twice in one mapping",
    Example(_TITLE, _TITLE + "        title: Second title\n", _TITLE),
)
ALIAS = _rule("alias", "error", "an anchor (&name) or alias (*name) is used",
    Example(
        _TITLE,
        "        title: &name Example objective\n        label: *name\n",
        _TITLE + "        label: Example objective\n",
    ),
)
TAG = _rule("tag", "error", "a YAML tag (!!python/..., !foo) is used",
    Example(_TITLE, "        title: !!python/object:os.system Example objective\n", _TITLE),
)
COMPLEX_KEY = _rule("complex-key", "error", "a list or mapping is used as a key",
    Example(_TITLE, _TITLE + "        ? [a, b]\n        : c\n", _TITLE),
)
CONTROL_CHARACTER = _rule(
    "control-character",
    "error",
    "an invisible control or bidi character is in the text",
    Example(_MILESTONE, '          - {when: 2026-09, what: "Draft \\u202e shared"}\n', _MILESTONE),
)
# the shape of the plan
UNKNOWN_KEY = _rule("unknown-key", "error", "a key the format does not have (often a typo)",
    Example("        milestones:\n", "        milestons:\n", "        milestones:\n"),
)
MISSING_KEY = _rule(
    "missing-key", "error", "a required key is missing", Example(_TITLE, "", _TITLE)
)
TYPE = _rule("type", "error", "a list, mapping or single value where another is needed",
    Example(_TITLE, "        title: [Example, objective]\n", _TITLE),
)
EMPTY_VALUE = _rule(
    "empty-value", "error", "a key with no value", Example(_TITLE, "        title:\n", _TITLE)
)
BAD_VERSION = _rule("bad-version", "error", "a format version this npmplan does not read",
    Example("version: 1\n", "version: 2\n", "version: 1\n"),
)
BAD_ID = _rule(
    "bad-id",
    "error",
    "an id with spaces or line breaks around it, or an invisible character in it",
    Example('      - id: "1.1"\n', '      - id: "1.1 "\n', '      - id: "1.1"\n'),
)
BAD_CHOICE = _rule(
    "bad-choice",
    "error",
    "a kind, status, priority or function that does not exist",
    Example(
        _SCHEDULE,
        "        schedule: [{months: 2026-07..2026-12, kind: meeting}]\n",
        "        schedule: [{months: 2026-07..2026-12, kind: meetings}]\n",
    ),
)
BAD_NUMBER = _rule("bad-number", "error", "not a whole number (digits 0-9)",
    Example(
        _MILESTONE,
        "          - {when: 2026-07..2026-12, every: two, what: Board}\n",
        "          - {when: 2026-07..2026-12, every: 2, what: Board}\n",
    ),
)
BAD_BOOLEAN = _rule("bad-boolean", "error", "not true or false",
    Example(
        _SCHEDULE,
        "        outputs: [{title: Guidance, web: yes}]\n" + _SCHEDULE,
        "        outputs: [{title: Guidance, web: true}]\n" + _SCHEDULE,
    ),
)
NEGATIVE_CAPACITY = _rule("negative-capacity", "error", "a capacity below zero",
    Example(_PLAN, "plan: {title: Example, period: 2026-04..2027-03, capacity: -5}\n",
            "plan: {title: Example, period: 2026-04..2027-03, capacity: 8}\n"),
)

# dates
BAD_MONTHS = _rule("bad-months", "error", "a schedule month or range that does not parse",
    Example(_SCHEDULE, "        schedule: [Jul 26..Dec 26]\n", _SCHEDULE),
)
BAD_PERIOD = _rule("bad-period", "error", "the plan period is not a range of months",
    Example(_PLAN, "plan: {title: Example, period: 2026-27}\n", _PLAN),
)
BAD_WHEN = _rule("bad-when", "error", "a milestone's when or moved_to that does not parse",
    Example(_MILESTONE, "          - {when: Sep 26, what: Draft shared}\n", _MILESTONE),
)
BAD_DAY = _rule("bad-day", "error",
    "a date that is not a day (done_on may also be a month): done_on, cancelled_on, moved_on, "
    "added_on, rag.set_on",
    Example(
        _MILESTONE,
        "          - {when: 2026-09, what: Draft, status: done, done_on: 18/09/2026}\n",
        "          - {when: 2026-09, what: Draft, status: done, done_on: 2026-09-18}\n",
    ),
)
PERIOD_TOO_LONG = _rule(
    "period-too-long",
    "error",
    "the plan period is longer than 60 months (5 years)",
    Example(_PLAN, "plan: {title: Example, period: 2026-04..2999-03}\n", _PLAN),
)
REVERSED_RANGE = _rule("reversed-range", "error", "a range whose end is before its start",
    Example(_SCHEDULE, "        schedule: [2026-12..2026-07]\n", _SCHEDULE),
)
# rules across fields
DUPLICATE_ID = _rule(
    "duplicate-id",
    "error",
    "two objectives (or strategic objectives, or team members) share an id",
    Example(
        "",
        '      - {id: "1.1", title: Another objective, schedule: [2026-07]}\n',
        '      - {id: "1.2", title: Another objective, schedule: [2026-07]}\n',
    ),
)
UNKNOWN_LEAD = _rule("unknown-lead", "error", "a lead that is not in the team",
    Example(_TITLE, _TITLE + "        leads: [mkk]\n", _TITLE + "        leads: [mk]\n"),
)
SCHEDULE_OVERLAP = _rule(
    "schedule-overlap",
    "error",
    "two schedule spans of one objective share a month",
    Example(
        _SCHEDULE,
        "        schedule: [2026-07..2026-09, {months: 2026-09..2026-12, kind: meetings}]\n",
        "        schedule: [2026-07..2026-08, {months: 2026-09..2026-12, kind: meetings}]\n",
    ),
)
SPAN_OUTSIDE_PERIOD = _rule(
    "span-outside-period",
    "error",
    "a schedule span outside the plan period",
    Example(_SCHEDULE, "        schedule: [2026-07..2027-06]\n", _SCHEDULE),
)
DONE_ON_WITHOUT_DONE = _rule(
    "done-on-without-done",
    "error",
    "done_on on a milestone that is not done",
    Example(
        _MILESTONE,
        "          - {when: 2026-09, what: Draft shared, done_on: 2026-09-18}\n",
        "          - {when: 2026-09, what: Draft shared, status: done, done_on: 2026-09-18}\n",
    ),
)
CANCELLED_ON_WITHOUT_CANCELLED = _rule(
    "cancelled-on-without-cancelled",
    "error",
    "cancelled_on on a milestone that is not cancelled",
    Example(
        _MILESTONE,
        "          - {when: 2026-09, what: Draft shared, cancelled_on: 2026-09-18}\n",
        "          - {when: 2026-09, what: Draft shared, status: cancelled, "
        "cancelled_on: 2026-09-18}\n",
    ),
)
MOVED_ON_WITHOUT_MOVE = _rule(
    "moved-on-without-moved-to",
    "error",
    "moved_on on a milestone that has no moved_to",
    Example(
        _MILESTONE,
        "          - {when: 2026-09, what: Draft shared, moved_on: 2026-08-18}\n",
        "          - {when: 2026-09, what: Draft shared, moved_to: 2026-10, "
        "moved_on: 2026-08-18}\n",
    ),
)
OCCURRENCE_NOT_IN_SERIES = _rule(
    "occurrence-not-in-series",
    "error",
    "an occurrence record whose month is not one of its series' (or is recorded twice)",
    Example(
        _MILESTONE,
        "          - when: 2026-07..2026-12\n            every: 2\n            what: Board\n"
        "            occurrences: [{month: 2026-08, status: done}]\n",
        "          - when: 2026-07..2026-12\n            every: 2\n            what: Board\n"
        "            occurrences: [{month: 2026-09, status: done}]\n",
    ),
)
EVERY_WITHOUT_RANGE = _rule(
    "every-without-range",
    "error",
    "every on a milestone whose when is not a range",
    Example(
        _MILESTONE,
        "          - {when: 2026-07, every: 2, what: Board}\n",
        "          - {when: 2026-07..2026-12, every: 2, what: Board}\n",
    ),
)
EVERY_NOT_POSITIVE = _rule("every-not-positive", "error", "every less than 1",
    Example(
        _MILESTONE,
        "          - {when: 2026-07..2026-12, every: 0, what: Board}\n",
        "          - {when: 2026-07..2026-12, every: 1, what: Board}\n",
    ),
)
RAG_INCOMPLETE = _rule(
    "rag-incomplete",
    "error",
    "a RAG rating without its reason or the day it was set",
    Example(_TITLE, _TITLE + "        rag: {status: amber}\n",
            _TITLE + "        commentary:\n          - {quarter: 3, rag: amber, text: Venue "
            "not yet booked, written_on: 2026-10-05}\n"),
)
COMMENT_QUARTER = _rule(
    "comment-quarter",
    "error",
    "a commentary entry for a quarter the plan period does not have (or a second one for "
    "a quarter)",
    Example(_TITLE, _TITLE + "        commentary:\n          - {quarter: 5, text: On track, "
            "written_on: 2026-10-03}\n",
            _TITLE + "        commentary:\n          - {quarter: 2, text: On track, "
            "written_on: 2026-10-03}\n"),
)

TOO_MANY_OCCURRENCES = _rule(
    "too-many-occurrences",
    "error",
    "recurring milestones that happen more than 100,000 times in the plan period",
    explained=("A plan's recurring milestones (`every`) may happen at most 100,000 times in "
               "its period, counted over the whole plan: a real plan has dozens, and each "
               "occurrence is an event in every export. The error points at the milestone "
               "that goes over; check its `every` and its range of months "
               "(tests/plans/invalid/too-many-occurrences.yaml)."),
)

# warnings
RAG_INTO_COMMENTARY = _rule(
    "rag-into-commentary",
    "warning",
    "an officer's rating in rag:, which the quarter's commentary can now hold with its "
    "commentary and next steps",
    Example(_TITLE, _TITLE + "        rag: {status: amber, reason: Venue not yet booked, "
            "set_on: 2026-10-05}\n",
            _TITLE + "        commentary:\n          - {quarter: 3, rag: amber, text: Venue "
            "not yet booked, written_on: 2026-10-05}\n"),
)
MILESTONE_OUTSIDE_PERIOD = _rule(
    "milestone-outside-period",
    "warning",
    "a milestone dated outside the plan period",
    Example(_MILESTONE, "          - {when: 2027-05, what: Draft shared}\n", _MILESTONE),
)
MILESTONE_OFF_SCHEDULE = _rule(
    "milestone-off-schedule",
    "warning",
    "a milestone in no month of its objective's schedule",
    Example(_MILESTONE, "          - {when: 2026-05, what: Draft shared}\n", _MILESTONE),
)
ID_PREFIX = _rule(
    "id-prefix",
    "warning",
    "an objective id that does not begin with its strategic objective's id",
    Example('      - id: "1.1"\n', '      - id: "2.1"\n', '      - id: "1.1"\n'),
)
EMPTY_SCHEDULE = _rule("empty-schedule", "warning", "an objective with no months in its schedule",
    Example(_SCHEDULE, "        schedule: []\n", _SCHEDULE),
)
DATE_IN_FUTURE = _rule(
    "date-in-future",
    "warning",
    "a done_on, cancelled_on, moved_on, added_on (of a milestone or an occurrence) or a "
    "rating's set_on after today",
    Example(
        _MILESTONE,
        "          - {when: 2026-09, what: Draft shared, status: done, done_on: 2027-09-18}\n",
        "          - {when: 2026-09, what: Draft shared, status: done, done_on: 2026-09-18}\n",
    ),
)
OVER_CAPACITY = _rule("over-capacity", "warning", "a month whose workload is over plan.capacity",
    Example(
        _PLAN,
        "plan: {title: Example, period: 2026-04..2027-03, capacity: 0}\n",
        "plan: {title: Example, period: 2026-04..2027-03, capacity: 1}\n",
    ),
)
