"""The plan's earlier versions from git, for dating the changes made by hand
(``compute.record.history_dates``): one pass over the file's history, newest first.

Two git processes in all, whatever the length of the history: ``git log --follow`` lists
the commits that changed the file (and its name in each, across renames), and one ``git
cat-file --batch`` reads every version. Each is read, checked and modelled by the pipeline
(an invalid version is skipped), one at a time, so that memory holds one version.

Bounded like ``diff`` and ``due --since``: at most ``MAX_VERSIONS`` commits, ``MAX_TOTAL``
bytes in all, no version larger than the plan size limit, and ``TIMEOUT`` seconds for each
git process (and for reading the versions); past any bound the history stops, cut short
(``complete`` is False). Outside a git repository, without git, or for a file git does not
track, there is no history: nothing fails, and nothing is dated.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO

from npmplan.model.plan import Plan
from npmplan.pipeline import read_bytes
from npmplan.read.limits import max_bytes

MAX_VERSIONS = 200  # the most recent commits of the file
MAX_TOTAL = 256 * 1024 * 1024  # bytes of all the versions read
TIMEOUT = 20.0  # seconds for each git process, then the history stops where it got to


class GitHistory:
    """The committed versions of ``path``, newest first, each with its commit's day (as
    the committer's clock gave it). Iterate once; then ``complete`` says whether the
    oldest version read was the file's first."""

    def __init__(self, path: Path, max_versions: int | None = None) -> None:
        self.path = path
        self.max_versions = MAX_VERSIONS if max_versions is None else max_versions
        self.complete = False

    def __iter__(self) -> Iterator[tuple[date, Plan]]:
        commits = self._commits()
        if not commits:
            return  # not in git, untracked, or git missing: no history, nothing complete
        read = 0
        for day, plan in self._versions(commits):
            read += 1
            if plan is not None:
                yield day, plan
        self.complete = read == len(commits) < self.max_versions

    def _commits(self) -> list[tuple[str, date, str]]:
        """(commit, day, the file's path from the top of the repository) for each commit
        that changed the file, newest first; [] when git cannot say."""
        try:
            done = subprocess.run(
                ["git", "-c", "core.quotePath=false", "log", "--follow", "--no-merges",
                 f"-n{self.max_versions}", "--name-only", "--format=%x00%H %cs", "--",
                 self.path.name], cwd=self.path.parent, capture_output=True,
                stdin=subprocess.DEVNULL, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return []
        if done.returncode != 0:
            return []
        return _parse_log(done.stdout.decode("utf-8", "replace"))

    def _versions(self, commits: list[tuple[str, date, str]]
                  ) -> Iterator[tuple[date, Plan | None]]:
        """Each commit's version, read by one ``git cat-file --batch``; stops at a bound."""
        try:
            process = subprocess.Popen(
                ["git", "cat-file", "--batch"], cwd=self.path.parent,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:
            return
        timer = threading.Timer(TIMEOUT, process.kill)  # a hung git ends the history
        timer.start()
        try:
            assert process.stdin is not None and process.stdout is not None
            total, limit = 0, max_bytes()
            deadline = time.monotonic() + TIMEOUT  # reading the versions counts too
            for commit, day, name in commits:
                if time.monotonic() > deadline:
                    return
                raw = _blob(process.stdin, process.stdout, f"{commit}:{name}", limit)
                if raw is None:
                    return  # git stopped, or a version over the limit: the history ends here
                total += len(raw)
                if total > MAX_TOTAL:
                    return
                result = read_bytes(raw, f"{commit[:7]}:{name}")
                yield day, result.plan
        finally:
            timer.cancel()
            process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()


def _parse_log(text: str) -> list[tuple[str, date, str]]:
    """``git log --name-only --format=%x00%H %cs`` as (commit, day, path); a commit with no
    path listed is skipped."""
    out = []
    for chunk in text.split("\0")[1:]:
        head, *names = chunk.strip("\n").split("\n")
        names = [name for name in names if name.strip()]
        try:
            commit, day = head.split(" ")
            out.append((commit, date.fromisoformat(day), names[-1]))
        except (ValueError, IndexError):
            continue
    return out


def _blob(stdin: IO[bytes], stdout: IO[bytes], spec: str, limit: int) -> bytes | None:
    """One object through ``git cat-file --batch``; None if git stopped, the object is
    missing, or it is larger than ``limit`` (never read)."""
    try:
        stdin.write(spec.encode("utf-8") + b"\n")
        stdin.flush()
        header = stdout.readline(4096).split()
    except OSError:
        return None
    if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
        return None
    size = int(header[2])
    if size > limit:
        return None
    raw = stdout.read(size)
    stdout.read(1)  # the newline after each object
    return raw if len(raw) == size else None
