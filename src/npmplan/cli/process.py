"""The process around a command: its streams and signals (the garbage collector is
``npmplan.startup``'s: off for the life of the process, imports and rendering included).

``guarded()`` sets them up for one run of the CLI and puts them back after (so that tests
calling ``run()`` in-process leave nothing behind):

- ``COLUMNS`` is brought within the range a report can use (see ``render.console``), so
  that neither rich nor click's help sees twenty digits;
- standard output that cannot encode a character prints ``?`` for it, never a traceback
  (``PYTHONIOENCODING=ascii``, a legacy code page);
- standard error shows every invisible character the user typed (an ESC in a file name, a
  U+202E in ``--lead``) as ``[U+001B]``: no echo can act on the terminal;
- standard output closed (``>&-``) becomes a stream whose writes fail, so that a command
  with output ends with a sentence and exit 1, and one without output runs normally;
- SIGPIPE is left to end the process, as it ends ``cat`` or ``grep`` in ``| head -1``.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO, cast

from npmplan.render.width import columns_setting
from npmplan.text import shown

CLOSED_MESSAGE = "standard output is closed"


@contextmanager
def guarded() -> Iterator[None]:
    saved = (sys.stdout, sys.stderr, os.environ.get("COLUMNS"))
    pipe = _default_sigpipe()
    try:
        _fix_columns()
        sys.stdout = _output(sys.stdout)
        sys.stderr = _Shown(sys.stderr) if sys.stderr is not None else sys.stderr
        yield
    finally:
        sys.stdout, sys.stderr = saved[0], saved[1]
        if saved[2] is not None:
            os.environ["COLUMNS"] = saved[2]
        if pipe is not None and sys.platform != "win32":  # Windows has no SIGPIPE
            signal.signal(signal.SIGPIPE, pipe)


def _default_sigpipe() -> Any:
    if not hasattr(signal, "SIGPIPE"):  # pragma: no cover - Windows
        return None
    try:
        return signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    except ValueError:  # not the main thread (an embedding program): leave it
        return None


def _fix_columns() -> None:
    value = os.environ.get("COLUMNS")
    if value is None:
        return
    width = columns_setting(value)
    if width is None:
        del os.environ["COLUMNS"]
    else:
        os.environ["COLUMNS"] = str(width)


def _output(stream: TextIO | None) -> TextIO:
    if stream is None:  # started with file descriptor 1 closed
        return cast(TextIO, _Closed())
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")
    return stream


class _Closed(io.TextIOBase):
    """Standard output when the process has none: every write fails, as ``write(1)`` would.
    It buffers nothing, so nothing is left to flush when it is collected (a buffered
    wrapper's finalizer, from Python 3.13, printed "Exception ignored ... OSError")."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, CLOSED_MESSAGE)

    def flush(self) -> None:
        return None

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def isatty(self) -> bool:
        return False


class _Shown(io.TextIOBase):
    """Standard error through ``text.shown``, line breaks kept."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write("\n".join(shown(line) for line in text.split("\n")))
        return len(text)

    def flush(self) -> None:
        if not getattr(self.stream, "closed", False):
            self.stream.flush()

    def close(self) -> None:
        """Never the wrapped stream's: it is not ours (and Python 3.13 closes a collected
        wrapper, which flushed a stream closed by then: "Exception ignored ... ValueError")."""
        return None

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "utf-8"


def flush_stdout() -> None:
    if sys.stdout is not None:
        sys.stdout.flush()


def is_output_lost(exc: OSError) -> bool:
    """Did a write to standard output fail because it is closed, gone or full? (Windows
    says EINVAL for a pipe whose reader has gone.)"""
    lost = {errno.EBADF, errno.EPIPE, errno.ENOSPC, errno.EIO}
    if os.name == "nt":  # pragma: no cover - Windows
        lost.add(errno.EINVAL)
    return exc.errno in lost


@contextmanager
def sigpipe_ignored() -> Iterator[None]:
    """For a line that must be said: a closed pipe raises ``BrokenPipeError`` (an
    ``OSError``) here rather than end the process before it can say it elsewhere."""
    if not hasattr(signal, "SIGPIPE"):  # pragma: no cover - Windows
        yield
        return
    try:
        previous = signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGPIPE, previous)


def discard_stdout() -> None:
    """After a failed write: what is left in standard output's buffer is dropped, so the
    exit's own flush fails no more."""
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives to the exit


def output_lost() -> int:
    """Say once that the report was lost; make the exit's own flush quiet."""
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives to the exit
    print("npmplan: cannot write the output: standard output is closed or unwritable",
          file=sys.stderr)
    return 1


def pipe_closed() -> int:
    """Where SIGPIPE cannot end the process: as click does, quietly, exit 1."""
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives to the exit
    return 1
