"""Compiled dataclass code kept between runs, as Python keeps ``.pyc`` files for modules.

Making a dataclass compiles a few small functions from source text (``__init__``,
``__eq__``, ``__repr__``, a frozen class's ``__setattr__``...). The modules a command
imports (pydantic, annotated_types, typer's and npmplan's own) make about 70 dataclasses,
and compiling their functions took about a quarter of ``npmplan due`` beyond the import
floor (0.6 ms for each frozen dataclass; 0.09 ms with its compiled code reused; README,
"Performance").

- ``dataclasses`` finds ``exec`` in its module's globals before the builtins. `install`
  puts there an ``exec`` that compiles a text only when this cache does not hold it yet,
  with the builtin's own settings (file name ``<string>``, no ``__future__`` features
  inherited, the interpreter's optimisation level), and runs the code object as the
  builtin would. A Python whose dataclasses no longer call ``exec`` simply never calls it.
- The code is kept in one file per interpreter bytecode format and optimisation level,
  under ``$XDG_CACHE_HOME/npmplan`` (``~/.cache/npmplan``). It is read only when it is the
  user's own and nobody else can write to it (it holds code, as a ``.pyc`` does); a file
  that cannot be read or is not a cache is ignored. It is written, atomically, only by a
  command that compiled something new, and not at all with ``NPMPLAN_CACHE=off``.
  It is an application's cache in the user's cache folder, as pip's and mypy's are:
  ``PYTHONDONTWRITEBYTECODE``, which keeps ``.pyc`` files out of source folders, does not
  turn it off.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import importlib.util
import marshal
import os
import stat
import sys
from types import CodeType
from typing import Any

MAX_ENTRIES = 4096  # every command's imports together make about 450; a bound, not a size
MAX_BYTES = 16 * 1024 * 1024
FORMAT = 1  # of the file's contents: bump when the layout of the dict changes


class CodeCache:
    """Compiled code by source text; `exec` is the stand-in for the builtin."""

    def __init__(self, path: str | None, known: dict[str, CodeType] | None = None) -> None:
        self.path = path
        self.known: dict[str, CodeType] = known or {}
        self.used: set[str] = set()
        self.added = 0

    def exec(self, source: Any, globals_: Any = None, locals_: Any = None, /,
             **options: Any) -> None:
        if isinstance(source, str):
            code = self.known.get(source)
            if code is None:
                code = self.known[source] = compile(source, "<string>", "exec",
                                                    dont_inherit=True)
                self.added += 1
            self.used.add(source)
            source = code
        builtins.exec(source, globals_, locals_, **options)  # e.g. closure=, as the builtin

    def kept(self) -> dict[str, CodeType]:
        """What the file keeps: everything, or when that is over the bound (libraries
        upgraded many times over), this run's code first."""
        if len(self.known) <= MAX_ENTRIES:
            return self.known
        order = sorted(self.known, key=lambda text: text not in self.used)
        return {text: self.known[text] for text in order[:MAX_ENTRIES]}

    def save(self) -> bool:
        """Write the cache if this run compiled something new; True when it wrote. Never
        raises: a cache is worth less than the command's exit."""
        if not self.added or self.path is None:
            return False
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), mode=0o700, exist_ok=True)
            data = marshal.dumps((FORMAT, self.kept()))
            # 0o600 whatever the umask: a file others could write to would never be read
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with open(descriptor, "wb") as out:
                out.write(data)
            os.replace(temporary, self.path)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return False
        self.added = 0
        return True


def cache_path() -> str | None:
    """Where the cache lives for this interpreter, or None when caching is off."""
    if os.environ.get("NPMPLAN_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):  # the XDG rule: a relative path is to be ignored
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    magic = importlib.util.MAGIC_NUMBER.hex()
    name = f"dataclass-code-{sys.implementation.cache_tag}-{magic}-O{sys.flags.optimize}"
    return os.path.join(base, "npmplan", name + ".marshal")


def read(path: str | None) -> dict[str, CodeType]:
    """The cached code at ``path``; empty when there is none, or it is not safely ours, or
    it is not a cache of this format."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as file:
            info = os.fstat(file.fileno())
            if not _trusted(info) or info.st_size > MAX_BYTES:
                return {}
            loaded = marshal.loads(file.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not (isinstance(loaded, tuple) and len(loaded) == 2 and loaded[0] == FORMAT
            and isinstance(loaded[1], dict)):
        return {}
    return {text: code for text, code in loaded[1].items()
            if isinstance(text, str) and isinstance(code, CodeType)}


def _trusted(info: os.stat_result) -> bool:
    """A regular file of this user's that no one else can write to."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return (stat.S_ISREG(info.st_mode) and owner_ok
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def install() -> CodeCache | None:
    """Serve dataclass creation from the cache for the rest of this process; None when
    dataclasses already has an ``exec`` of someone else's."""
    if "exec" in vars(dataclasses):
        return None
    path = cache_path()
    cache = CodeCache(path, read(path))
    dataclasses.exec = cache.exec  # type: ignore[attr-defined]
    return cache
