"""The JSON Schema of the plan format, generated from the model.

``schemas/plan.schema.json`` is this output, committed for editors (the plan's first line
points the YAML language server at it); a test fails when the two drift apart.
"""

from __future__ import annotations

from typing import Any

from npmplan.model.plan import Plan


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return schema
