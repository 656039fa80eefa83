"""Robustness III: no lost update, no file left half-written, nothing saved in silence, and
the same words on every system (issue 25). Each test goes through the command line, in this
process (``run``) or as a real process where the test needs one (a signal, a file size
limit, a closed standard output)."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import REAL_PLAN, Run, npmplan_command, npmplan_environment, npmplan_process

from npmplan.cli import editing, process
from npmplan.write import atomic, lock, transaction
from npmplan.write.changes import add_milestone

POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX only (signals, rlimits, modes)")

SMALL = """\
version: 1
plan:
  title: A small plan
  period: 2026-04..2027-03
  capacity: 2
team:
  - {id: mk, name: Martin Kettle}
  - {id: jk, name: Jane Kilpatrick}
strategic_objectives:
  - id: "1"
    title: First
    objectives:
      - id: "1.1"
        title: One
        leads: [mk]
        schedule:
          - {months: 2026-04..2027-03}
        milestones:
          - {when: 2026-06, what: "Due thing"}
"""


def _add(what: str) -> transaction.Make:
    from npmplan.model.dates import parse_when

    return add_milestone("1.1", parse_when("2026-09"), None, what, "2026-12-01")


def _folder_is_clean(folder: Path, *names: str) -> bool:
    """Nothing but ``names`` in the folder: no temporary file, no lock left behind."""
    return sorted(p.name for p in folder.iterdir()) == sorted(names)


# --- 1. a lost update --------------------------------------------------------------


def _race_once(path: Path, round_: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Two edits at once: the first stops just before its rename until the second is
    waiting for the lock, then goes on. Without the lock, the second would read the plan as
    it was and one of the two changes would be lost."""
    at_write, second_waits = threading.Event(), threading.Event()
    real_check, real_pause = atomic.check_unchanged, lock.pause

    def check(snap: atomic.Snapshot) -> None:
        if threading.current_thread().name == "first":
            at_write.set()
            assert second_waits.wait(20), "the second edit never waited for the lock"
        real_check(snap)

    def pause(seconds: float) -> None:
        if threading.current_thread().name == "second":
            second_waits.set()
        real_pause(seconds)

    monkeypatch.setattr(atomic, "check_unchanged", check)
    monkeypatch.setattr(lock, "pause", pause)
    statuses: dict[str, str] = {}

    def edit(name: str) -> None:
        outcome = transaction.edit(path, _add(f"Edit {round_} {name}"), dry_run=False)
        statuses[name] = outcome.status

    first = threading.Thread(target=edit, args=("first",), name="first")
    first.start()
    assert at_write.wait(20)
    second = threading.Thread(target=edit, args=("second",), name="second")
    second.start()
    first.join(30)
    second.join(30)
    return [statuses.get("first", "?"), statuses.get("second", "?")]


@pytest.mark.slow
def test_two_hundred_concurrent_pairs_of_edits_lose_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(SMALL, encoding="utf-8")
    for round_ in range(200):
        assert _race_once(path, round_, monkeypatch) == ["written", "written"], round_
    text = path.read_text(encoding="utf-8")
    lost = [f"Edit {r} {n}" for r in range(200) for n in ("first", "second")
            if f"Edit {r} {n}" not in text]
    assert lost == []
    assert _folder_is_clean(tmp_path, "plan.yaml")


# A real process whose first edit stops before its rename until a file says the second
# process waits for the lock; the second says so when it first waits.
_FIRST = """
import sys, time
from pathlib import Path
from npmplan.write import atomic
from npmplan.cli.app import run
real, signals = atomic.check_unchanged, Path(sys.argv[1])
def check(snap):
    (signals / "first-at-write").touch()
    for _ in range(2000):
        if (signals / "second-waits").exists():
            break
        time.sleep(0.01)
    real(snap)
atomic.check_unchanged = check
sys.argv = ["npmplan", *sys.argv[2:]]
run()
"""
_SECOND = """
import sys
from pathlib import Path
from npmplan.write import lock
from npmplan.cli.app import run
real, signals = lock.pause, Path(sys.argv[1])
def pause(seconds):
    (signals / "second-waits").touch()
    real(seconds)
lock.pause = pause
sys.argv = ["npmplan", *sys.argv[2:]]
run()
"""


@pytest.mark.slow
@POSIX
def test_two_editing_processes_at_once_both_save(tmp_path: Path) -> None:
    signals = tmp_path / "signals"
    path = tmp_path / "plan.yaml"
    path.write_text(SMALL, encoding="utf-8")
    env = npmplan_environment()
    for round_ in range(3):
        shutil.rmtree(signals, ignore_errors=True)
        signals.mkdir()
        args = ("add", "1.1", "--when", "2026-09", "--plan", str(path), "--what")
        first = subprocess.Popen([sys.executable, "-c", _FIRST, str(signals), *args,
                                  f"First {round_}"], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        for _ in range(3000):
            if (signals / "first-at-write").exists() or first.poll() is not None:
                break
            threading.Event().wait(0.01)
        second = subprocess.run([sys.executable, "-c", _SECOND, str(signals), *args,
                                 f"Second {round_}"], env=env, capture_output=True,
                                timeout=60, check=False)
        _out, err = first.communicate(timeout=60)
        assert first.returncode == 0, err
        assert second.returncode == 0, second.stderr
    text = path.read_text(encoding="utf-8")
    assert all(f"{who} {r}" in text for r in range(3) for who in ("First", "Second"))
    assert _folder_is_clean(tmp_path, "plan.yaml", "signals")


def test_an_edit_held_up_by_another_says_so_and_writes_nothing(
        run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock, "WAIT", 0.2)
    before = plan.read_bytes()
    with lock.locked(plan):
        outcome = run("done", "2.4", "visits", "--plan", plan)
    assert outcome.exit_code == 2
    assert "another npmplan command is editing" in outcome.stderr
    assert "try again" in outcome.stderr
    assert plan.read_bytes() == before
    assert _folder_is_clean(plan.parent, "2026-27.yaml")


def test_a_dry_run_takes_no_lock(run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock, "WAIT", 0.0)
    with lock.locked(plan):
        assert run("done", "2.4", "visits", "--plan", plan, "--dry-run").exit_code == 0


def test_a_lock_file_left_by_a_crash_does_not_stop_an_edit(run: Run, plan: Path) -> None:
    lock.lock_path(plan).touch()
    assert run("done", "2.4", "visits", "--plan", plan).exit_code == 0
    assert _folder_is_clean(plan.parent, "2026-27.yaml")


# --- 2. saved, and said so ---------------------------------------------------------


@POSIX
def test_ctrl_c_after_the_rename_still_says_saved(run: Run, plan: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = atomic._sync_folder

    def interrupted(folder: Path) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        real(folder)

    monkeypatch.setattr(atomic, "_sync_folder", interrupted)
    outcome = run("done", "2.4", "visits", "--plan", plan)
    assert outcome.exit_code == 0
    assert "saved" in outcome.stdout
    assert plan.read_bytes() != REAL_PLAN.read_bytes()


@POSIX
def test_ctrl_c_before_the_rename_still_stops_the_edit(run: Run, plan: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    real = atomic.check_unchanged

    def interrupted(snap: atomic.Snapshot) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        real(snap)

    monkeypatch.setattr(atomic, "check_unchanged", interrupted)
    outcome = run("done", "2.4", "visits", "--plan", plan, catch=True)
    assert outcome.exit_code != 0
    assert "saved" not in outcome.output
    assert plan.read_bytes() == REAL_PLAN.read_bytes()
    assert _folder_is_clean(plan.parent, "2026-27.yaml")


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_says_saved_on_stderr_and_exits_0(plan: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(npmplan_command("add", "2.4", "--when", "2027-01", "--what",
                                              "Once only", "--plan", plan),
                              stdout=full, stderr=subprocess.PIPE, env=npmplan_environment(),
                              timeout=60, check=False)
    assert done.returncode == 0
    assert b"saved" in done.stderr and b"cannot write the output" not in done.stderr
    assert plan.read_text(encoding="utf-8").count("Once only") == 1


@pytest.mark.slow
@POSIX
def test_a_closed_standard_output_says_saved_on_stderr(plan: Path) -> None:
    done = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh",
                           *npmplan_command("done", "2.4", "visits", "--plan", plan)],
                          capture_output=True, env=npmplan_environment(), timeout=60,
                          check=False)
    assert done.returncode == 0 and b"saved" in done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.slow
@POSIX
def test_a_closed_pipe_after_the_save_says_saved_on_stderr(plan: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before npmplan writes: EPIPE, or SIGPIPE
    try:
        done = subprocess.run(npmplan_command("done", "2.4", "visits", "--plan", plan),
                              stdout=writer, stderr=subprocess.PIPE,
                              env=npmplan_environment(), timeout=60, check=False)
    finally:
        os.close(writer)
    assert done.returncode == 0 and b"saved" in done.stderr


# --- 3. files written whole or not at all ------------------------------------------


def _limited(size: int) -> None:
    """In the child: files may grow to ``size`` bytes; past it a write fails (EFBIG)."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.slow
@POSIX
@pytest.mark.parametrize("args", [("export", "docx"), ("export", "json"), ("export", "html"),
                                  ("export", "xlsx")])
def test_a_full_disk_leaves_the_old_export_whole(plan: Path, tmp_path: Path,
                                                 args: tuple[str, ...]) -> None:
    out = tmp_path / "out" / "export.file"
    out.parent.mkdir()
    out.write_bytes(b"the old export\n")
    done = subprocess.run(npmplan_command(*args, "--plan", plan, "-o", out, "--force"),
                          capture_output=True, env=npmplan_environment(), timeout=60,
                          check=False, preexec_fn=lambda: _limited(4096))
    assert done.returncode == 2, done.stderr
    assert b"cannot write" in done.stderr and b"as it was" in done.stderr
    assert out.read_bytes() == b"the old export\n"
    assert _folder_is_clean(out.parent, "export.file")


@pytest.mark.slow
@POSIX
def test_a_full_disk_leaves_no_partial_new_plan(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "next" / "2027-28.yaml"
    out.parent.mkdir()
    done = subprocess.run(npmplan_command("new", "--plan", plan, "-o", out),
                          capture_output=True, env=npmplan_environment(), timeout=60,
                          check=False, preexec_fn=lambda: _limited(2048))
    assert done.returncode == 2, done.stderr
    assert _folder_is_clean(out.parent)


def test_an_export_write_that_fails_leaves_the_old_file(
        run: Run, plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "plan.json"
    out.write_bytes(b"old")

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    outcome = run("export", "json", "--plan", plan, "-o", out, "--force")
    assert outcome.exit_code == 2 and "no space left on device" in outcome.stderr
    assert out.read_bytes() == b"old"
    assert _folder_is_clean(tmp_path, "plan.json", "plans")


def test_an_export_keeps_the_mode_of_the_file_it_replaces(run: Run, plan: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    out.write_bytes(b"old")
    out.chmod(0o640)
    assert run("export", "json", "--plan", plan, "-o", out, "--force").exit_code == 0
    assert out.read_bytes().startswith(b"{")
    if os.name != "nt":
        assert out.stat().st_mode & 0o777 == 0o640


# --- 4. an export never replaces a plan, however it is written ---------------------


def _plans_in_disguise() -> dict[str, bytes]:
    text = REAL_PLAN.read_text(encoding="utf-8")
    return {
        "utf16.yaml": "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"),
        "quoted.yaml": text.replace("version:", '"version":', 1)
                           .replace("\nplan:", "\n'plan':", 1).encode(),
        "spaced.yaml": text.replace("version:", "version :", 1).encode(),
        "plan.json": b'{"version": 1, "plan": {"title": "t", "period": "2026-04..2027-03"}}',
        "late.yaml": b"# a comment\n---\nplan: {title: t}\nversion: 1\n",
    }


@pytest.mark.parametrize("name", sorted(_plans_in_disguise()))
def test_export_force_never_replaces_a_plan_in_any_encoding_or_layout(
        run: Run, plan: Path, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    target.write_bytes(_plans_in_disguise()[name])
    outcome = run("export", "json", "--plan", plan, "-o", target, "--force")
    assert outcome.exit_code == 2 and "is a plan file" in outcome.stderr
    assert target.read_bytes() == _plans_in_disguise()[name]


def test_export_force_replaces_a_yaml_file_that_is_not_a_plan(run: Run, plan: Path,
                                                              tmp_path: Path) -> None:
    target = tmp_path / "notes.yaml"
    target.write_text("version: 2\ntitle: not a plan\n", encoding="utf-8")
    assert run("export", "json", "--plan", plan, "-o", target, "--force").exit_code == 0


# --- 5. the plan's identity --------------------------------------------------------


@POSIX
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another owner needs root")
def test_an_edit_keeps_the_plan_s_owner_group_and_mode(run: Run, plan: Path) -> None:
    os.chown(plan, 1234, 5678)
    plan.chmod(0o640)
    assert run("done", "2.4", "visits", "--plan", plan).exit_code == 0
    info = plan.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (1234, 5678, 0o640)


@POSIX
def test_an_edit_of_a_hard_linked_plan_says_the_other_name_is_as_it_was(
        run: Run, plan: Path, tmp_path: Path) -> None:
    other = tmp_path / "copy.yaml"
    os.link(plan, other)
    outcome = run("done", "2.4", "visits", "--plan", plan)
    assert outcome.exit_code == 0
    assert "1 other hard link" in outcome.stdout and "as it was" in outcome.stdout
    assert other.read_bytes() == REAL_PLAN.read_bytes()


# --- 6. numbers on the command line ------------------------------------------------


@pytest.mark.parametrize("match", ["#²", "#①", "#٣", "#" + "1" * 5000, "#0", "#-1"])
def test_a_milestone_number_that_is_not_one_is_a_usage_error(run: Run, plan: Path,
                                                             match: str) -> None:
    outcome = run("done", "1.1", match, "--plan", plan)
    assert outcome.exit_code == 2
    assert "objective 1.1 has no milestone #" in outcome.stderr
    assert plan.read_bytes() == REAL_PLAN.read_bytes()


def _committed(plan: Path) -> None:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "plan"]):
        subprocess.run(["git", *args], cwd=plan.parent.parent, env=environment, check=True,
                       capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("age", ["800000d", "99999999999999999999d", "1" * 5000 + "w"])
def test_an_age_beyond_a_century_is_a_usage_error(run: Run, plan: Path, age: str) -> None:
    _committed(plan)
    outcome = run("due", "--plan", plan, "--since", age)
    assert outcome.exit_code == 2
    assert "an age is at most 36,500 days" in outcome.stderr


# --- 7. valid layouts the editing commands splice ---------------------------------

_HEAD = SMALL.split("        milestones:\n")[0]
LAYOUTS = {
    "keep-block": _HEAD + """        milestones:
          - when: 2026-06
            what: Due thing
            note: |+
              kept lines

      - id: "1.2"
        title: Two
""",
    "flow-list-trailing-comma": _HEAD + """        milestones: [{when: 2026-06, what: "Due thing"},]
""",
    "empty-note-in-flow": _HEAD + """        milestones:
          - {when: 2026-06, what: "Due thing", note: }
""",
}
EDITS = [("done", "1.1", "due"), ("add", "1.1", "--when", "2026-07", "--what", "New"),
         ("move", "1.1", "due", "--to", "2026-08"), ("cancel", "1.1", "due", "--note", "x"),
         ("lead", "1.1", "jk")]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("edit", EDITS, ids=[e[0] for e in EDITS])
def test_every_edit_splices_these_valid_layouts(run: Run, tmp_path: Path, layout: str,
                                                edit: tuple[str, ...]) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(LAYOUTS[layout], encoding="utf-8")
    outcome = run(*edit, "--plan", path)
    assert outcome.exit_code == 0, outcome.stderr
    assert "saved" in outcome.stdout
    assert run("validate", path).exit_code == 0


def test_an_explicit_key_is_a_layout_npmplan_says_it_does_not_edit(run: Run,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    text = _HEAD + """        milestones:
          - ? when
            : 2026-06
            what: Due thing
"""
    path.write_text(text, encoding="utf-8")
    outcome = run("done", "1.1", "due", "--plan", path)
    assert outcome.exit_code == 1
    assert "explicit key" in outcome.stderr and "edit it by hand" in outcome.stderr
    assert "bug" not in outcome.stderr and "invalid" not in outcome.stderr
    assert path.read_text(encoding="utf-8") == text


# --- 8. the plan's path as the editing commands print it ---------------------------


@POSIX
def test_an_edit_prints_no_control_or_bidi_character_of_the_file_name(run: Run,
                                                                      tmp_path: Path) -> None:
    path = tmp_path / "pl\x1b[31man\x07\u202e.yaml"
    path.write_bytes(REAL_PLAN.read_bytes())
    saved = run("lead", "2.4", "mk", "--plan", path)
    again = run("lead", "2.4", "mk", "--plan", path)
    assert saved.exit_code == 0 and again.exit_code == 0
    assert "Nothing to change" in again.stdout
    for text in (saved.stdout, again.stdout):
        assert not {"\x1b", "\x07", "\u202e"} & set(text)
    assert " -- " in saved.stdout  # git commit -m MESSAGE -- PATH


def test_the_suggested_commands_quote_for_the_system_s_shell(
        monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["git", "commit", "-m", "2.4: done", "--", "plans/my plan.yaml"]
    assert editing.command_line(args) == "git commit -m '2.4: done' -- 'plans/my plan.yaml'"
    monkeypatch.setattr(os, "name", "nt")  # read by command_line as it runs
    assert editing.command_line(args) == 'git commit -m "2.4: done" -- "plans/my plan.yaml"'


# --- 9. an ambiguous MATCH among thousands -----------------------------------------


def test_an_ambiguous_match_lists_twenty_then_counts_the_rest(run: Run, tmp_path: Path) -> None:
    lines = SMALL.replace('          - {when: 2026-06, what: "Due thing"}\n', "")
    lines += "".join(f"          - {{when: 2026-06, what: \"Visit {i}\"}}\n" for i in range(5000))
    path = tmp_path / "plan.yaml"
    path.write_text(lines, encoding="utf-8")
    outcome = run("done", "1.1", "visit", "--plan", path)
    assert outcome.exit_code == 2
    assert len(outcome.stderr.splitlines()) < 30
    assert "and 4,980 more" in outcome.stderr


# --- 10. history: symlinked plans, shallow clones ----------------------------------


@POSIX
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_since_reads_the_history_of_a_symlinked_plan_s_target(run: Run, plan: Path) -> None:
    (plan.parent / "current.yaml").symlink_to("2026-27.yaml")
    _committed(plan)
    outcome = run("due", "--plan", plan.parent / "current.yaml", "--since", "HEAD ")
    assert outcome.exit_code == 0, outcome.stderr
    assert "commit" in outcome.stdout


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_shallow_clone_says_its_history_is_cut(run: Run, plan: Path, tmp_path: Path) -> None:
    _committed(plan)
    environment = {**os.environ, "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t",
                   "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t"}
    subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", "two"], cwd=plan.parent.parent,
                   env=environment, check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", plan.parent.parent.as_uri(), clone],
                   check=True, capture_output=True)
    outcome = run("due", "--plan", clone / "plans" / "2026-27.yaml", "--since", "HEAD~1")
    assert outcome.exit_code == 2
    assert "git fetch --unshallow" in outcome.stderr


def test_a_windows_path_is_a_file_not_a_revision() -> None:
    from npmplan.versions import parse_version

    for text in (r"C:\plans\old.yaml", "D:/plans/old.yaml"):
        version = parse_version(text, lambda: Path("plans/2026-27.yaml"))
        assert version.spec is None and version.path == Path(text)


# --- 11. a path too long -----------------------------------------------------------


@pytest.mark.slow
@POSIX
@pytest.mark.parametrize("command", ["export", "diff", "validate"])
def test_a_path_too_long_is_a_usage_error_in_a_sentence(plan: Path, tmp_path: Path,
                                                        command: str) -> None:
    # A real process: the system's error is worded by ``cli.app.run`` for every command.
    long = tmp_path / ("a" * 300 + ".yaml")
    args = {"export": ("export", "json", "--plan", plan, "-o", long),
            "diff": ("diff", long, plan), "validate": ("validate", long)}[command]
    done = npmplan_process(*args)
    assert done.returncode in (1, 2), done.stderr
    assert b"Traceback" not in done.stderr and b"internal error" not in done.stderr
    assert b"the name is too long for this system" in done.stderr


# --- 12. platforms -----------------------------------------------------------------


def test_the_stand_in_for_a_closed_stdout_buffers_nothing() -> None:
    closed = process._output(None)
    with pytest.raises(OSError):
        closed.write("a report")
    closed.flush()  # what Python's finalizer calls: it must not fail (Python 3.13)
    closed.close()


@pytest.mark.slow
@POSIX
def test_a_closed_stdout_is_one_sentence_and_no_exception_report() -> None:
    done = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *npmplan_command("calendar")],
                          capture_output=True, env=npmplan_environment(), timeout=60,
                          check=False, cwd=REAL_PLAN.parent.parent)
    assert done.returncode == 1
    assert done.stderr.decode().strip() == ("npmplan: cannot write the output: standard "
                                            "output is closed or unwritable")


def test_the_stderr_wrapper_never_flushes_or_closes_a_stream_closed_under_it() -> None:
    import io

    stream = io.StringIO()
    wrapper = process._Shown(stream)
    stream.close()
    wrapper.flush()
    wrapper.close()  # what Python 3.13's finalizer does with a wrapper it collects
    assert stream.closed


# --- 13. xlsx: a cell's text over Excel's limit ------------------------------------


def test_an_over_long_cell_is_cut_at_a_word_marked_and_said(run: Run, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    words = " ".join(f"word{i}" for i in range(8000))
    path = tmp_path / "plan.yaml"
    path.write_text(SMALL.replace('what: "Due thing"}', f'what: "Due thing", note: "{words}"}}'),
                    encoding="utf-8")
    out = tmp_path / "plan.xlsx"
    outcome = run("export", "xlsx", "--plan", path, "-o", out)
    assert outcome.exit_code == 0, outcome.stderr
    assert "1 cell held more than the 32,767 characters" in outcome.stderr
    assert "Milestones!" in outcome.stderr
    cells = [cell.value for row in openpyxl.load_workbook(out)["Milestones"].iter_rows()
             for cell in row if isinstance(cell.value, str) and len(cell.value) > 30_000]
    assert len(cells) == 1
    kept, marker = cells[0].split("… [cut: ")
    assert marker.endswith(" characters more in the plan]")
    assert words.startswith(kept) and words[len(kept)] == " "  # at a word, not within one
    assert int(marker.split()[0].replace(",", "")) == len(words) - len(kept)


def test_a_cut_counts_characters_beyond_the_bmp_as_two_units() -> None:
    from npmplan.render.exports.xlsx import CELL_LIMIT, cut_to_cell

    text = "😀" * 20_000  # 40,000 UTF-16 units, no space to cut at
    cut, more = cut_to_cell(text)
    assert len(cut.encode("utf-16-le")) // 2 <= CELL_LIMIT
    assert more == 20_000 - cut.index("…")
    assert cut_to_cell("short") == ("short", 0)
