"""What a command's process does before and after the command: start-up and exit are most
of the time an officer waits for (README, "Performance").

- The cyclic garbage collector is paused for the life of a command: a command's objects
  live until it ends and hold few cycles, so collecting them costs time and frees little.
- At the end the process exits without tearing its heap down, once the standard streams
  are flushed; a command that writes a file has closed (and fsynced) it before it returns.
- The code that dataclasses compile when they are made is kept between runs
  (``codecache``): making them was a quarter of a report's time above the import floor.
- pydantic looks for plugins through ``importlib.metadata`` when the first model is built.
  npmplan uses none; for the pydantic versions this was tested with, that lookup is
  skipped, and any other version is left to do it as usual.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import sys
import types
from pathlib import Path

from npmplan import codecache

TESTED_PYDANTIC = ("2.",)  # the loader module this stands in for is pydantic 2's


_code: codecache.CodeCache | None = None  # the compiled code this process uses


def begin() -> None:
    global _code
    gc.disable()
    skip_pydantic_plugins()
    _code = codecache.install()


def skip_pydantic_plugins() -> bool:
    """Stand in for ``pydantic.plugin._loader`` with a loader that finds no plugins, when
    pydantic is a tested version, its loader is where it was, nobody asked for plugins
    (``PYDANTIC_DISABLE_PLUGINS``, pydantic's own switch, is unset or says all are off),
    and the real loader is not loaded yet. True when it did."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in (None, "__all__", "1", "true"):
        return False
    name = "pydantic.plugin._loader"
    spec = importlib.util.find_spec("pydantic")  # finds the package without importing it
    if name in sys.modules or spec is None or spec.origin is None:
        return False
    folder = Path(spec.origin).parent
    if not (folder / "plugin" / "_loader.py").is_file() or not _tested(folder):
        return False
    loader = types.ModuleType(name)
    loader.__dict__.update(PYDANTIC_ENTRY_POINT_GROUP="pydantic", get_plugins=lambda: ())
    sys.modules[name] = loader
    return True


def _tested(folder: Path) -> bool:
    try:
        text = (folder / "version.py").read_text(encoding="utf-8")
    except OSError:
        return False
    for line in text.splitlines():
        if line.startswith("VERSION = "):
            return line.split("=", 1)[1].strip().strip("'\"").startswith(TESTED_PYDANTIC)
    return False


def end(code: object) -> None:
    """Exit with ``code`` (as ``sys.exit`` takes it) without tearing the heap down. Output
    that cannot be flushed (a closed pipe) makes the exit 1 if it was 0."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: the stream was closed before Python started
                stream.flush()
        except (OSError, ValueError):
            status = status or 1
    if _code is not None:
        _code.save()
    os._exit(status)
