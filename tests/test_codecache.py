"""The compiled-dataclass-code cache: the same classes as without it, a file that is used
only when it is safely the user's, and a command that never fails because of it."""

from __future__ import annotations

import dataclasses
import marshal
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REAL_PLAN

from npmplan import codecache
from npmplan.codecache import CodeCache


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NPMPLAN_CACHE", raising=False)
    return tmp_path / "cache"


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[CodeCache]:
    """Dataclasses made through a fresh, empty cache for the length of a test."""
    cache = CodeCache(None)
    monkeypatch.setattr(dataclasses, "exec", cache.exec, raising=False)
    yield cache


def _make() -> type:
    @dataclasses.dataclass(frozen=True, order=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    return Point


def _behaviour(point: Any) -> tuple[object, ...]:
    a, b = point(1, 2), point(1)
    try:
        a.x = 5
        frozen = False
    except dataclasses.FrozenInstanceError:
        frozen = True
    return (repr(a), a == point(1, 2), b < a, hash(a) == hash(point(1, 2)), frozen,
            repr(vars(point)["__init__"].__annotations__))


def test_classes_made_through_the_cache_behave_as_without_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    without = _behaviour(_make())
    cache = CodeCache(None)
    monkeypatch.setattr(dataclasses, "exec", cache.exec, raising=False)
    compiled = _behaviour(_make())
    served = _behaviour(_make())  # from the cache, not compiled again
    assert cache.added > 0
    assert without == compiled == served
    # evaluated annotations (``-> None``), not strings: no __future__ feature was inherited
    assert "'return': None" in str(served[-1])


def test_the_same_text_is_compiled_once(served: CodeCache) -> None:
    _make()
    compiled = served.added
    _make()
    assert served.added == compiled


def test_a_command_writes_the_cache_once_and_then_reads_it(cache_home: Path) -> None:
    def due() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "npmplan", "due", "--month", "2026-09",
                               "--plan", str(REAL_PLAN)], capture_output=True, text=True,
                              env=os.environ.copy())

    first = due()
    files = list((cache_home / "npmplan").iterdir())
    assert first.returncode == 0 and first.stderr == "" and len(files) == 1
    written = files[0].stat()
    assert stat.S_IMODE(written.st_mode) & 0o022 == 0
    second = due()
    assert (second.returncode, second.stdout) == (0, first.stdout)
    assert files[0].stat().st_mtime_ns == written.st_mtime_ns  # nothing new: not rewritten
    entries = codecache.read(str(files[0]))
    assert len(entries) > 50
    off = subprocess.run([sys.executable, "-m", "npmplan", "due", "--month", "2026-09",
                          "--plan", str(REAL_PLAN)], capture_output=True, text=True,
                         env={**os.environ, "NPMPLAN_CACHE": "off"})
    assert off.stdout == first.stdout


def test_cache_off_writes_nothing(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NPMPLAN_CACHE", "off")
    done = subprocess.run([sys.executable, "-m", "npmplan", "validate", str(REAL_PLAN)],
                          capture_output=True, text=True, env=os.environ.copy())
    assert done.returncode == 0
    assert not cache_home.exists()
    assert codecache.cache_path() is None


@pytest.mark.parametrize("content", [b"", b"not marshal at all", marshal.dumps([1, 2]),
                                     marshal.dumps((codecache.FORMAT + 1, {})),
                                     marshal.dumps((codecache.FORMAT, {"x": "not code"})),
                                     marshal.dumps((codecache.FORMAT, {"a": 1}))[:-3]])
def test_a_damaged_cache_is_ignored_and_replaced(cache_home: Path, content: bytes) -> None:
    path = Path(str(codecache.cache_path()))
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert codecache.read(str(path)) == {}
    done = subprocess.run([sys.executable, "-m", "npmplan", "calendar", "--plan",
                           str(REAL_PLAN)], capture_output=True, text=True,
                          env=os.environ.copy())
    assert (done.returncode, done.stderr) == (0, "")
    assert len(codecache.read(str(path))) > 50


def test_a_cache_others_can_write_to_is_not_read(cache_home: Path) -> None:
    cache = CodeCache(str(cache_home / "npmplan" / "code.marshal"))
    cache.exec("x = 1", {})
    assert cache.save()
    path = cache_home / "npmplan" / "code.marshal"
    assert len(codecache.read(str(path))) == 1
    path.chmod(0o666)
    assert codecache.read(str(path)) == {}
    path.chmod(0o644)
    assert len(codecache.read(str(path))) == 1


def test_an_unwritable_cache_place_costs_nothing_but_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    cache = CodeCache(codecache.cache_path())
    cache.exec("y = 2", {})
    assert cache.save() is False
    assert not list(tmp_path.glob("*.tmp")) and blocker.read_text(encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "npmplan", "due", "--month", "2026-09",
                           "--plan", str(REAL_PLAN)], capture_output=True, text=True,
                          env=os.environ.copy())
    assert (done.returncode, done.stderr) == (0, "")


def test_a_relative_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/place")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert str(codecache.cache_path()).startswith(str(tmp_path / ".cache" / "npmplan"))


def test_install_leaves_an_existing_stand_in_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dataclasses, "exec", print, raising=False)
    assert codecache.install() is None
    assert vars(dataclasses)["exec"] is print


def test_the_file_is_bounded_and_keeps_this_runs_code_first(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(codecache, "MAX_ENTRIES", 3)
    old = {f"v = {n}": compile(f"v = {n}", "<string>", "exec") for n in range(5)}
    cache = CodeCache(str(tmp_path / "code.marshal"), dict(old))
    cache.exec("w = 1", {})
    cache.exec("v = 4", {})
    assert cache.save()
    kept = codecache.read(str(tmp_path / "code.marshal"))
    assert len(kept) == 3 and {"w = 1", "v = 4"} <= set(kept)


def test_the_file_is_the_users_alone_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o002)
    try:
        cache = CodeCache(str(tmp_path / "npmplan" / "code.marshal"))
        cache.exec("z = 3", {})
        assert cache.save()
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "npmplan" / "code.marshal").stat().st_mode) == 0o600
    assert len(codecache.read(str(tmp_path / "npmplan" / "code.marshal"))) == 1
