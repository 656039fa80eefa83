"""The JSON Schema of the plan format, generated from the model.

``schemas/plan.schema.json`` is this output, committed for editors (the plan's first line
points the YAML language server at it); a test fails when the two drift apart.

- Every property carries a ``description``, a ``markdownDescription`` (what VS Code shows on
  hover) and ``examples``, from ``field_docs``; the titles pydantic makes from the key names
  ("Done On") are left out, so that a hover shows the words once.
- Each value form (a when, a months value, text, an id...) is written once under ``$defs``
  and referred to, instead of its long pattern being repeated at every key.
"""

from __future__ import annotations

from typing import Any

import yaml

from npmplan.model import patterns
from npmplan.model.field_docs import describe
from npmplan.model.plan import Plan

# The value forms named in $defs, by their pattern.
FORMS = {patterns.WHEN: "when", patterns.MONTHS: "months", patterns.PERIOD: "period",
         patterns.DONE_ON: "done_on", patterns.ONE_MONTH: "month", patterns.TEXT: "text",
         patterns.ID: "id", patterns.POSITIVE: "every", patterns.NOT_NEGATIVE: "count",
         patterns.BOOLEAN: "boolean", patterns.ONE: "version_1"}


def _markdown(description: str, key: str, examples: list[Any]) -> str:
    shown = "".join(yaml.safe_dump({key: example}, allow_unicode=True, sort_keys=False,
                                   default_flow_style=False, width=1000)
                    for example in examples)
    return f"{description}\n\nExample:\n```yaml\n{shown}```"


def _document(model: str, properties: dict[str, Any]) -> None:
    for key, prop in properties.items():
        description, examples = describe(model, key)
        prop.pop("title", None)
        prop["description"] = description
        prop["markdownDescription"] = _markdown(description, key, examples)
        prop["examples"] = examples


def _name_forms(node: Any, forms: dict[str, Any]) -> Any:
    """``node`` with each known value form replaced by a ``$ref`` to its ``$defs`` entry."""
    if isinstance(node, list):
        return [_name_forms(item, forms) for item in node]
    if not isinstance(node, dict):
        return node
    name = FORMS.get(node.get("pattern", ""))
    if name is not None:
        forms[name] = node
        return {"$ref": f"#/$defs/{name}"}
    return {key: _name_forms(value, forms) for key, value in node.items()}


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema()
    forms: dict[str, Any] = {}
    schema = _name_forms(schema, forms)
    schema["$defs"].update(sorted(forms.items()))
    _document("Plan", schema["properties"])
    for name, definition in schema["$defs"].items():
        if name not in forms:
            _document(name, definition["properties"])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "description": "A business plan as a version-controlled YAML file, read by "
                           "npmplan (docs/plan-format.md).", **schema}
