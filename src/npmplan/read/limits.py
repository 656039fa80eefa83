"""The size limit on plan files: 10 MB, or ``NPMPLAN_MAX_BYTES``.

Kept apart from the loader so that the CLI can check the setting before any command runs,
without importing YAML.
"""

from __future__ import annotations

import os

from npmplan.errors import UsageError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_bytes() -> int:
    """The limit in bytes; a setting that is not a whole number is a usage error, not
    something to ignore quietly."""
    value = os.environ.get("NPMPLAN_MAX_BYTES", "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    if not (value.isascii() and value.isdigit()):
        raise UsageError(f"NPMPLAN_MAX_BYTES must be a whole number of bytes, such as "
                         f"20000000, not '{value[:20]}'; change or unset it")
    return int(value)
