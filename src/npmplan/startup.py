"""What a command's process does before and after the command: start-up and exit are most
of the time an officer waits for (docs/development.md, "Performance";
``benchmarks/bench.py`` measures it).

Three things, each a documented switch of Python or pydantic; nothing in the standard library
or a dependency is replaced or patched:

- The cyclic garbage collector is paused for the life of a command (``gc.disable``). A
  command's objects (the parsed plan, the models, the report) live until it ends and hold
  few cycles, so a collection scans them all and frees next to nothing; the imports alone
  (pydantic, typer, rich) would otherwise trigger several full collections. With it on,
  ``due`` took 11 ms more (1.62 times the import floor rather than 1.52).
- At the end the process exits without tearing its heap down (``os._exit``, as mypy does),
  once the standard streams are flushed: freeing every object one by one frees memory the
  operating system takes back at once anyway. Nothing is lost by it: a command that writes
  a file has closed (and fsynced) it before it returns, and ``finish`` flushes what is
  buffered on the streams, turning output that could not be written into exit 1. With the
  normal exit, ``due`` took 32 ms more (1.80 times the import floor): Python collects and
  frees every module and object at exit, whatever ``gc.disable`` says.
- pydantic looks for plugins (every installed distribution's entry points) when the first
  model is built, unless ``PYDANTIC_DISABLE_PLUGINS`` says not to. npmplan uses none, so the
  variable is set to ``__all__`` (pydantic's "all off") when the user has not set it
  themselves; a value they did set is left as it is. It is set before pydantic builds anything
  and, like any variable, is inherited by what the command runs (``git`` for ``--since``).
  The look-up read every installed distribution's metadata: about 3 ms of every command.

``run`` is ``begin`` and the command, and returns the exit code, so that a test can run
the real entry in process (``tests/test_startup.py``); only ``end`` leaves the process.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn


def begin() -> None:
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def run() -> object:
    """``begin``, then the command line in ``sys.argv``; its exit code as ``sys.exit`` takes
    it (None, a number or a message)."""
    begin()
    from npmplan.cli.app import run as run_app

    try:
        run_app()
    except SystemExit as stop:
        return stop.code
    return 0


def finish(code: object) -> int:
    """The exit status for ``code`` (as ``sys.exit`` takes it), once the standard streams
    are flushed. Output that cannot be flushed (a closed pipe) makes the status 1 if it
    was 0."""
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
    return status


def end(code: object) -> NoReturn:
    """Exit with ``code`` without tearing the heap down."""
    os._exit(finish(code))
