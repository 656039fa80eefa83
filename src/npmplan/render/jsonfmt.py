"""JSON as every ``--format json`` writes it. The shapes themselves belong to each report's
renderer (spec: "JSON output"); scripts depend on their keys: add keys if needed, never
rename or remove them.

Text stays readable UTF-8, but every invisible character (C1 controls, DEL, bidi and
zero-width marks: ``text.INVISIBLE``) is written as a ``\\uXXXX`` escape, so that the
JSON holds the same value and a terminal or a viewer showing it is never acted on.

    >>> dumps({"file": "a\\u202eb"})
    '{\\n  "file": "a\\\\u202eb"\\n}'
"""

from __future__ import annotations

import re
from typing import Any

from npmplan.text import INVISIBLE

_RAW = re.compile(f"[{INVISIBLE}]")


def dumps(value: Any) -> str:
    import json  # here, not at the top: the text and markdown views never load it (1.3 ms)

    text = json.dumps(value, indent=2, ensure_ascii=False)
    # json.dumps already escapes C0 controls; what is left can only be inside strings.
    return _RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def json_text(value: Any) -> str:
    """A whole JSON output: the document and its final newline."""
    return dumps(value) + "\n"
