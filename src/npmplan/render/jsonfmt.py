"""JSON as every ``--format json`` writes it. The shapes themselves belong to each report's
renderer (spec: "JSON output"); scripts depend on their keys: add keys if needed, never
rename or remove them."""

from __future__ import annotations

import json
from typing import Any


def dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def json_text(value: Any) -> str:
    """A whole JSON output: the document and its final newline."""
    return dumps(value) + "\n"
