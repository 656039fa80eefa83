"""The editor and ``validate`` agree on every error that concerns one value.

"The editor" is what VS Code's YAML extension does with ``schemas/plan.schema.json``: read the
file as YAML 1.2 (here with check-jsonschema's own ruamel.yaml reader) and check the data
against the schema (here with the ``jsonschema`` library, draft 2020-12). Run over every
example under ``tests/plans`` and over single-value edits of one plan (the hand edits that
once slipped past the editor among them), the two must give the same answer, except for the
rules listed in ``NOT_IN_A_SCHEMA`` (docs/plan-format.md lists them too): they compare two
values, or concern how the YAML is written rather than a value.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_PLAN, REPO_ROOT
from plan_examples import INVALID, VALID, WARNINGS, expected, ids

from npmplan.pipeline import read_bytes, read_plan

yaml_reader = pytest.importorskip("check_jsonschema.parsers.yaml")
jsonschema = pytest.importorskip("jsonschema")

SCHEMA_PATH = REPO_ROOT / "schemas" / "plan.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
READ_YAML = yaml_reader.impl2loader(yaml_reader.construct_yaml_implementation())

# Rules no JSON Schema can express. Across fields: a comparison of two values (the two ends
# of a range are two values in one text). And an alias, which a YAML reader expands before
# any schema sees the data. docs/plan-format.md ("The JSON Schema") lists the same.
ACROSS_FIELDS = frozenset({"duplicate-id", "unknown-lead", "schedule-overlap",
                           "span-outside-period", "done-on-without-done",
                           "cancelled-on-without-cancelled", "moved-on-without-moved-to",
                           "occurrence-not-in-series", "comment-quarter",
                           "every-without-range", "reversed-range", "period-too-long",
                           "too-many-occurrences"})
NOT_IN_A_SCHEMA = ACROSS_FIELDS | {"alias"}


def editor_errors(raw: bytes) -> list[str]:
    """What the editor reports: a YAML error, or the schema's complaints."""
    try:
        data: Any = READ_YAML(io.BytesIO(raw))
    except Exception as exc:  # ruamel's errors, and the decoding errors of a non-UTF-8 file
        return [f"YAML: {type(exc).__name__}"]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in VALIDATOR.iter_errors(data)]


def validate_errors(raw: bytes) -> set[str]:
    return {p.rule for p in read_bytes(raw, "plan.yaml").problems if p.severity == "error"}


def test_the_schema_is_the_committed_one_used_here() -> None:
    from npmplan.model.schema import plan_schema

    assert plan_schema() == SCHEMA


@pytest.mark.parametrize("path", [*VALID, *WARNINGS, REAL_PLAN],
                         ids=[*ids(VALID + WARNINGS), "plans/2026-27.yaml"])
def test_the_editor_accepts_what_validate_accepts(path: Path) -> None:
    assert not [p for p in read_plan(path).problems if p.severity == "error"]
    assert editor_errors(path.read_bytes()) == []


@pytest.mark.parametrize("path", INVALID, ids=ids(INVALID))
def test_the_editor_rejects_what_validate_rejects(path: Path) -> None:
    rules = {rule for _, rule in expected(path)}
    found = editor_errors(path.read_bytes())
    if rules <= NOT_IN_A_SCHEMA:
        assert found == [], f"the schema now catches {rules}: take it off NOT_IN_A_SCHEMA"
    else:
        assert found, f"validate reports {sorted(rules)}, the editor nothing"


BASE = """\
version: {version}
plan:
  title: {title}
  period: {period}
  capacity: {capacity}
team:
  - id: mk
    name: Martin Kettle
strategic_objectives:
  - id: "1"
    title: One
    functions: [{function}]
    objectives:
      - id: {id}
        title: An objective
        priority: {priority}
        leads: [{lead}]
        schedule:
          - {schedule}
          - months: 2026-09..2027-03
            kind: {kind}
        outputs:
          - title: A report
            web: {web}
        milestones:
          - what: A step
            when: {when}
          - what: Finished
            when: 2026-10
            status: {status}
            done_on: {done_on}
          - what: Moved
            when: 2026-05..2026-08
            moved_to: {moved_to}
          - what: Recurring
            when: 2026-04..2027-03
            every: {every}
"""
GOOD = {"version": "1", "title": "A plan", "period": "2026-04..2027-03", "capacity": "16",
        "function": "visiting", "id": '"1.1"', "priority": "core", "lead": "mk",
        "schedule": "2026-04..2026-08", "kind": "meetings", "web": "true", "when": "2026-09",
        "status": "done", "done_on": "2026-10-05", "moved_to": "2026-09", "every": "2"}

# (key, value as written, the error validate reports or None)
EDITS: list[tuple[str, str, str | None]] = [
    # the hand edits the editor once let through
    ("when", "2026-13", "bad-when"), ("schedule", "2026-13", "bad-months"),
    ("moved_to", "2026-13", "bad-when"), ("when", "2026-09-31", "bad-when"),
    ("when", "2026-9", "bad-when"), ("when", "2026-11-15T10:00", "bad-when"),
    ("done_on", "yesterday", "bad-day"), ("every", "0", "every-not-positive"),
    ("every", "0x3", None), ("every", "3.0", None), ("every", "+3", None),
    ("version", "1.0", None), ("status", "Done", "bad-choice"),
    # the cross-field ones: validate only
    ("lead", "zz", "unknown-lead"), ("id", '"1"', "duplicate-id"),
    ("period", "2027-03..2026-04", "reversed-range"),
    ("schedule", "2026-08..2026-04", "reversed-range"),
    # dates, every form
    ("when", "2026-02-29", "bad-when"), ("when", "2028-02-29", None),
    ("when", "2100-02-29", "bad-when"), ("when", "2000-02-29", None),
    ("when", "2026-04-31", "bad-when"), ("when", "2026-12-31", None),
    ("when", "Sep 2026", None), ("when", "sept. 2026", None), ("when", "SEPTEMBER, 2026", None),
    ("when", "Jul 26", "bad-when"), ("when", "Sep 2026x", "bad-when"),
    ("when", "2026-Q3", None), ("when", "2026-q4", None), ("when", "2026-Q5", "bad-when"),
    ("when", "summer 2026", None), ("when", "Winter 2026", None),
    ("when", "summer 26", "bad-when"), ("when", "ONGOING", None), ("when", "tbc", None),
    ("when", "2026-06..2026-08", None), ("when", "2026-06-15..Aug 2026", None),
    ("when", "2026-06 .. 2026-08", None), ("when", "1899-12", "bad-when"),
    ("when", "3000-01", "bad-when"), ("when", "2026-00", "bad-when"),
    ("when", '"２０２６-09"', "bad-when"), ("when", "2026", "bad-when"),
    ("when", "18/09/2026", "bad-when"), ("when", "2026-06..2026-08..2026-09", "bad-when"),
    ("moved_to", "2026-Q4", None), ("done_on", "2026-11", None),
    ("done_on", "Nov 2026", None), ("done_on", "2026-Q4", "bad-day"),
    ("done_on", "2026-11-31", "bad-day"), ("schedule", "2026-04-15..2026-08", None),
    ("schedule", "2026-04..Aug 2026", None), ("schedule", "summer 2026", "bad-months"),
    ("period", "2026-04", "bad-period"), ("period", "2026-04..2027-13", "bad-period"),
    # numbers, booleans, choices, versions
    ("every", "3.5", "bad-number"), ("every", "two", "bad-number"),
    ("every", "-1", "every-not-positive"), ("every", '"3"', None), ("every", '"0x3"', None),
    ("every", "0o3", None), ("every", '"３"', "bad-number"), ("every", "03", None),
    ("capacity", "0", None), ("capacity", "-1", "negative-capacity"),
    ("capacity", "1.5", "bad-number"), ("capacity", "9" * 5000, "bad-number"),
    ("version", "2", "bad-version"),
    ("version", '"1"', None), ("version", "0x1", None), ("version", "1.1", "bad-version"),
    ("web", "yes", "bad-boolean"), ("web", "True", None), ("web", "FALSE", None),
    ("web", "tRUE", "bad-boolean"), ("web", '"true"', None),
    ("status", "cancelled", "done-on-without-done"), ("status", "finished", "bad-choice"),
    ("status", '" done"', "bad-choice"), ("kind", "Meetings", "bad-choice"),
    ("kind", "production", None), ("priority", "CORE", "bad-choice"),
    ("priority", "funding-dependent", None), ("function", "Visiting", "bad-choice"),
    # text and ids
    ("title", '""', "empty-value"), ("title", '"   "', "empty-value"),
    ("title", '"A \\u0007 bell"', "control-character"), ("title", "2027", None),
    ("title", '"a \\u2028 line separator"', "control-character"),
    ("title", '"a \\u2029 paragraph separator"', "control-character"),
    ("title", "no", None), ("id", '" 1.1"', "bad-id"), ("id", "1.1", None),
    ("id", "1.10", None), ("id", '"1.1\\n"', "bad-id"), ("id", "true", None),
    ("title", "[a, b]", "type"), ("lead", "", None),
]


def edited(key: str, value: str) -> bytes:
    return BASE.format(**{**GOOD, key: value}).encode("utf-8")


def test_the_base_plan_is_valid_for_both() -> None:
    raw = BASE.format(**GOOD).encode("utf-8")
    assert validate_errors(raw) == set()
    assert editor_errors(raw) == []


@pytest.mark.parametrize(("key", "value", "rule"), EDITS,
                         ids=[f"{key}: {value[:20]}" for key, value, _ in EDITS])
def test_one_value_edits(key: str, value: str, rule: str | None) -> None:
    raw = edited(key, value)
    assert validate_errors(raw) == ({rule} if rule else set())
    found = editor_errors(raw)
    if rule is None or rule in NOT_IN_A_SCHEMA:
        assert found == []
    else:
        assert found, f"{key}: {value} — validate says {rule}, the editor nothing"


def test_every_property_is_described() -> None:
    def walk(node: Any, path: str) -> list[str]:
        missing: list[str] = []
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                missing += [f"{path}.{key}: {part}" for part in
                            ("description", "markdownDescription", "examples")
                            if not prop.get(part)]
                missing += [f"{path}.{key}: title"] if "title" in prop else []
            for key, value in node.items():
                missing += walk(value, f"{path}/{key}")
        return missing

    assert walk(SCHEMA, "#") == []
    properties = [key for node in [SCHEMA, *SCHEMA["$defs"].values()]
                  for key in node.get("properties", {})]
    # 38, the plan's text (10), the RAG rating (4), the days (3), occurrences (1 + 7),
    # commentary (1 + 5), the document's own words (1 + 6 + 8 headings) and an objective's
    # (timeline, note, footnotes)
    assert len(properties) == 87


def test_every_example_is_valid_for_its_key() -> None:
    def check(properties: dict[str, Any]) -> None:
        for key, prop in properties.items():
            schema = {**SCHEMA, "type": "object", "properties": {key: prop},
                      "required": [], "additionalProperties": True}
            schema.pop("title", None)
            for example in prop["examples"]:
                errors = list(jsonschema.Draft202012Validator(schema).iter_errors({key: example}))
                assert not errors, f"{key}: {example!r}: {errors[0].message}"

    check(SCHEMA["properties"])
    for definition in SCHEMA["$defs"].values():
        check(definition.get("properties", {}))


def test_the_docs_list_the_same_rules() -> None:
    text = (REPO_ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    section = text.split("## The JSON Schema", 1)[1].split("\n## ", 1)[0]
    assert set(re.findall(r"`([a-z-]+)`", section)) >= NOT_IN_A_SCHEMA
