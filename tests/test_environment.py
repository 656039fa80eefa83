"""Issue 11, classes 2 and 3: every environment gets a clean answer, and nothing unsafe
reaches a terminal, a page or a parser. Real processes (``sys.executable -m npmplan``), as
an officer's shell runs them: closed streams, broken pipes, odd settings and file names.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Run, npmplan_command, npmplan_environment, npmplan_process
from robustness_helpers import BASE

from npmplan.pipeline import read_bytes

# --- 2. environments ------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("value", ["9" * 5000, "99999999999999999999999", "0", "-1", "1e9"])
def test_npmplan_max_bytes_out_of_range_is_a_sentence(value: str, real_plan: Path) -> None:
    done = npmplan_process("validate", real_plan, env={"NPMPLAN_MAX_BYTES": value})
    assert done.returncode == 2
    assert done.stderr.decode().startswith("npmplan: NPMPLAN_MAX_BYTES must be")


@pytest.mark.slow
@pytest.mark.parametrize("columns", ["99999999999999999999", "1000000", "0", "abc"])
def test_any_columns_gives_a_bounded_report(columns: str, real_plan: Path) -> None:
    done = npmplan_process("calendar", "--plan", real_plan, env={"COLUMNS": columns})
    assert done.returncode == 0, done.stderr
    assert max(len(line) for line in done.stdout.decode().splitlines()) <= 1000


@pytest.mark.slow
@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C"}])
def test_an_ascii_terminal_gets_ascii_glyphs(env: dict[str, str], real_plan: Path) -> None:
    for args in (["calendar"], ["workload"], ["show", "2.4"], ["due", "--month", "2026-09"]):
        done = npmplan_process(*args, "--plan", real_plan, env=env)
        assert done.returncode == 0, done.stderr
        assert b"Traceback" not in done.stderr
        if env.get("PYTHONIOENCODING") == "ascii":
            assert done.stdout.isascii()


@pytest.mark.skipif(sys.platform == "win32",
                    reason="closing the child's standard output needs preexec_fn (POSIX)")
@pytest.mark.slow
def test_closed_stdout_is_a_sentence_and_exit_1(real_plan: Path, tmp_path: Path) -> None:
    def closed() -> None:
        os.close(1)

    done = npmplan_process("calendar", "--plan", real_plan, preexec_fn=closed, stdout=None)
    assert done.returncode == 1
    assert b"standard output is closed" in done.stderr and b"Traceback" not in done.stderr
    out = tmp_path / "x.json"
    quiet = npmplan_process("export", "json", "--plan", real_plan, "-o", out,
                            preexec_fn=closed, stdout=None)
    assert quiet.returncode == 0 and out.exists()


@pytest.mark.slow
def test_a_broken_pipe_ends_quietly_and_not_with_success(real_plan: Path) -> None:
    command = npmplan_command("export", "json", "--plan", real_plan)
    writer = subprocess.Popen(command, env=npmplan_environment(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    assert writer.stdout is not None and writer.stderr is not None
    writer.stdout.read(10)
    writer.stdout.close()  # as `| head -c 10` does
    errors = writer.stderr.read()
    assert writer.wait(60) != 0
    assert b"Traceback" not in errors and b"internal error" not in errors


@pytest.mark.skipif(sys.platform == "win32",
                    reason="FIFOs (os.mkfifo) are POSIX's")
@pytest.mark.slow
def test_a_fifo_a_device_and_a_folder_are_refused_unopened(tmp_path: Path) -> None:
    fifo = tmp_path / "plans" / "pipe.yaml"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    for target in (fifo, Path(os.devnull), tmp_path):
        done = npmplan_process("validate", target)
        assert done.returncode == 2, done.stderr
        assert b"not a regular file" in done.stderr or b"is a folder" in done.stderr
    (tmp_path / ".git").mkdir()
    (tmp_path / "plans" / "2026-27.yaml").write_text(BASE)
    # the FIFO in plans/ is skipped
    assert npmplan_process("validate", cwd=tmp_path).returncode == 0


@pytest.mark.skipif(sys.platform == "win32",
                    reason="chmod cannot make a file unreadable on Windows")
@pytest.mark.slow
def test_a_name_too_long_and_no_permission_are_sentences(tmp_path: Path) -> None:
    done = npmplan_process("validate", "a" * 5000)
    assert done.returncode == 2 and b"too long" in done.stderr
    locked = tmp_path / "locked.yaml"
    locked.write_text(BASE)
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        pytest.skip("running as root: permissions do not apply")
    done = npmplan_process("validate", locked)
    assert done.returncode == 2 and b"permission denied" in done.stderr


# --- 3. nothing unsafe reaches a terminal, a page or a parser --------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("args", [["show", "1.1\x1b[2J\x07"], ["calendar", "--lead", "mk\u202e"],
                                  ["calendar", "--strategic", "\x9b31m"], ["\x1bno-such"]])
def test_echoes_of_user_input_name_invisible_characters(args: list[str], tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BASE)
    done = (npmplan_process(*args, "--plan", plan) if args[0] != "\x1bno-such"
            else npmplan_process(*args))
    err = done.stderr.decode()
    assert done.returncode == 2
    assert not any(char in err for char in "\x1b\x07\u202e\x9b"), err


@pytest.mark.slow
def test_an_escape_in_a_file_name_never_reaches_the_terminal(tmp_path: Path) -> None:
    done = npmplan_process("validate", tmp_path / "a\x1b[31mb.yaml",
                           env={"NPMPLAN_PLAN": "x\u202e.yaml"})
    assert "\x1b" not in done.stderr.decode() and "[U+001B]" in done.stderr.decode()
    done = npmplan_process("calendar", env={"NPMPLAN_PLAN": str(tmp_path / "x\u202e\x07.yaml")})
    assert "[U+202E][U+0007]" in done.stderr.decode()


def test_validate_json_escapes_invisible_characters_in_every_field(run: Run,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "odd\x85\u202e\x7f.yaml"
    path.write_text(BASE + "        \u202ekey\x85: x\n")
    out = run("validate", "-f", "json", path).stdout
    assert not any(char in out for char in "\x85\u202e\x7f")
    assert json.loads(out)["problems"][0]["file"] == str(path)


def test_ids_differing_by_an_invisible_character_are_refused() -> None:
    text = BASE + '      - {id: "1.1\\u200b", title: Twin}\n'
    assert {p.rule for p in read_bytes(text.encode(), "p.yaml").errors} == {"bad-id"}


