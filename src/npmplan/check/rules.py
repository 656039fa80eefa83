"""Every rule ``validate`` can report: its id, its severity and what it guards against.

``docs/rules.md`` explains each with a bad and a good example; a test fails when a rule
is reported that is not here, or is here without documentation.
"""

from __future__ import annotations

from npmplan.check.problems import Severity

RULES: dict[str, tuple[Severity, str]] = {
    # reading the file
    "too-large": ("error", "the file is over the size limit (10 MB; NPMPLAN_MAX_BYTES)"),
    "encoding": ("error", "the file is not UTF-8 text"),
    "empty": ("error", "the file has no content"),
    "syntax": ("error", "the file is not valid YAML"),
    "too-deep": ("error", "the file is nested far deeper than a plan can be"),
    "multiple-documents": ("error", "the file holds more than one YAML document"),
    "not-a-mapping": ("error", "the top of the file is a list or a single value"),
    "duplicate-key": ("error", "a key appears twice in one mapping"),
    "alias": ("error", "an anchor (&name) or alias (*name) is used"),
    "tag": ("error", "a YAML tag (!!python/..., !foo) is used"),
    "complex-key": ("error", "a list or mapping is used as a key"),
    "control-character": ("error", "an invisible control or bidi character is in the text"),
    # the shape of the plan
    "unknown-key": ("error", "a key the format does not have (often a typo)"),
    "missing-key": ("error", "a required key is missing"),
    "type": ("error", "a list, mapping or single value where another is needed"),
    "empty-value": ("error", "a key with no value"),
    "bad-version": ("error", "a format version this npmplan does not read"),
    "bad-id": ("error", "an id with spaces or line breaks around it, or an invisible character "
               "in it"),
    "bad-choice": ("error", "a kind, status, priority or function that does not exist"),
    "bad-number": ("error", "not a whole number (digits 0-9)"),
    "negative-capacity": ("error", "a capacity below zero"),
    "bad-boolean": ("error", "not true or false"),
    # dates
    "bad-months": ("error", "a schedule month or range that does not parse"),
    "bad-period": ("error", "the plan period is not a range of months"),
    "period-too-long": ("error", "the plan period is longer than 60 months (5 years)"),
    "bad-when": ("error", "a milestone's when or moved_to that does not parse"),
    "bad-day": ("error", "a done_on that is not a day or a month"),
    "reversed-range": ("error", "a range whose end is before its start"),
    # rules across fields
    "duplicate-id": ("error", "two objectives (or strategic objectives, or team members) share "
                     "an id"),
    "unknown-lead": ("error", "a lead that is not in the team"),
    "schedule-overlap": ("error", "two schedule spans of one objective share a month"),
    "span-outside-period": ("error", "a schedule span outside the plan period"),
    "done-on-without-done": ("error", "done_on on a milestone that is not done"),
    "every-without-range": ("error", "every on a milestone whose when is not a range"),
    "every-not-positive": ("error", "every less than 1"),
    "too-many-occurrences": ("error", "recurring milestones that happen more than 100,000 times "
                             "in the plan period"),
    # warnings
    "milestone-outside-period": ("warning", "a milestone dated outside the plan period"),
    "milestone-off-schedule": ("warning", "a milestone in no month of its objective's schedule"),
    "id-prefix": ("warning", "an objective id that does not begin with its strategic "
                  "objective's id"),
    "over-capacity": ("warning", "a month whose workload is over plan.capacity"),
}
