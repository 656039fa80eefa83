"""The size limit on plan files: 10 MB, or ``NPMPLAN_MAX_BYTES``.

Kept apart from the loader so that the CLI can check the setting before any command runs,
without importing YAML.
"""

from __future__ import annotations

import os

from npmplan.errors import UsageError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# The most NPMPLAN_MAX_BYTES may allow: a plan file is read whole into memory, and far
# below this a file is an export or a dump, not a plan.
CEILING = 1024 * 1024 * 1024


def max_bytes() -> int:
    """The limit in bytes; a setting that is not a whole number from 1 to CEILING is a usage
    error, not something to ignore quietly (nor a number too long to convert)."""
    value = os.environ.get("NPMPLAN_MAX_BYTES", "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    shown = value if len(value) <= 20 else value[:20] + "..."
    if not (value.isascii() and value.isdigit()):
        raise UsageError(f"NPMPLAN_MAX_BYTES must be a whole number of bytes, such as "
                         f"20000000, not '{shown}'; change or unset it")
    digits = value.lstrip("0")
    if not digits or len(digits) > len(str(CEILING)) or int(digits) > CEILING:
        raise UsageError(f"NPMPLAN_MAX_BYTES must be between 1 and {CEILING:,} bytes (1 GiB), "
                         f"not '{shown}'; change or unset it")
    return int(digits)
