"""Benchmark npmplan as whole processes, each figure as a ratio against its floor.

    python benchmarks/bench.py            # 7 runs after a warm-up, median reported
    python benchmarks/bench.py --runs 15  # steadier figures on a noisy machine
    python benchmarks/bench.py --runs 41 --sizes --only due calendar   # the target alone

It generates synthetic plans in the real format (22, 1,000 and 10,000 objectives with 5
milestones each), then times, in the same run:
- the floors: ``python -c pass``; importing typer, pydantic, yaml, rich.table and
  dateutil.relativedelta; a bare ``yaml.load(..., Loader=yaml.CSafeLoader)`` of each file;
- npmplan ``--version``, ``--help`` and every report on the shipped plan, each run
  alternating with the import floor (so both see the same machine), as a ratio to the
  import floor and to ``python -c pass``;
- every report on each synthetic size (the sizes in turn, so that a drifting machine moves them
  alike), and how much it grows from 1,000 to 10,000 objectives;
- the peers, where they are installed (Taskwarrior ``task``, ``ledger``, ``hledger``), on the
  shipped plan's milestones turned into their own data.
Peak memory is each process's maximum resident set size. Bytecode caching is left on
(``PYTHONDONTWRITEBYTECODE`` is removed), as for an installed tool; the warm-up writes it.
Each command on the shipped plan is given as the ratio of the medians (the target's
measure), the median of each run's ratio to the floor run beside it, and the ratio of CPU
time (user + system), the two last steadier on a shared machine whose load drifts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SIZES = (22, 1_000, 10_000)
IMPORTS = "import typer, pydantic, yaml, rich.table, dateutil.relativedelta"
# `import pydantic` alone is lazy; this is what using one model really costs (for reference).
PYDANTIC_MODEL = IMPORTS + "\nclass M(pydantic.BaseModel):\n    x: int\nM(x=1)"
KINDS = ("active", "meetings", "production")


def synthetic_plan(objectives: int) -> str:
    """A plan of ``objectives`` objectives in the real format, 5 milestones each."""
    per_so = max(1, -(-objectives // max(6, objectives // 50)))
    lines = [
        "# yaml-language-server: $schema=../schemas/plan.schema.json",
        "version: 1",
        "plan:",
        f"  title: Synthetic plan of {objectives} objectives",
        "  period: 2026-04..2027-03",
        "team:",
        "  - {id: mk, name: Martin Kettle, role: Head of Secretariat}",
        "  - {id: jk, name: Jane Kilpatrick}",
        "strategic_objectives:",
    ]
    for n in range(objectives):
        so, index = divmod(n, per_so)
        if index == 0:
            lines += [f'  - id: "{so + 1}"', f"    title: Strategic objective {so + 1} of the "
                      "synthetic plan", "    functions: [visiting, advisory]", "    objectives:"]
        start = 4 + n % 6
        lines += [
            f'      - id: "{so + 1}.{index + 1}"',
            f"        title: Objective {n} with a title of realistic length for the plan",
            f"        label: Objective {n}",
            f"        leads: [{'mk' if n % 2 else 'jk'}]",
            "        rationale: |",
            "          A rationale paragraph of a typical length, explaining why the work",
            "          matters to the NPM and what evidence supports it.",
            "        outcomes:",
            "          - An outcome the objective should achieve.",
            "        outputs:",
            "          - A report",
            "          - {title: Training slides, web: true}",
            "        schedule:",
            f"          - 2026-{start:02d}",
            f"          - {{months: 2026-{start + 1:02d}..2026-12, kind: {KINDS[n % 3]}}}",
            "          - {months: 2027-01..2027-03, kind: production}",
            "        milestones:",
            f"          - {{when: 2026-{start:02d}, what: First milestone of {n}}}",
            f"          - {{when: 2026-{start + 1:02d}..2026-12, what: A range milestone}}",
            "          - {when: 2026-Q4, what: A quarter milestone, status: done, "
            "done_on: 2026-11-02}",
            f"          - {{when: 2026-{start:02d}..2027-03, every: 2, what: A meeting}}",
            "          - {when: tbc, what: To be confirmed}",
        ]
    return "\n".join(lines) + "\n"


class Run(NamedTuple):
    seconds: float  # wall
    rss: int  # peak resident set, KiB
    cpu: float  # user + system seconds: what the process itself used, less moved by a
    # machine whose other load drifts (a shared host); wall time is what an officer waits


def timed(command: list[str], env: dict[str, str]) -> Run:
    """Wall seconds, peak RSS (KiB) and CPU seconds of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed")
    return Run(elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)


def measure(command: list[str], env: dict[str, str], runs: int) -> tuple[float, int]:
    timed(command, env)  # warm-up: page cache, bytecode
    samples = [timed(command, env) for _ in range(runs)]
    return statistics.median(s.seconds for s in samples), max(s.rss for s in samples)


class Paired(NamedTuple):
    seconds: float  # the command's median wall time
    rss: int
    floor: float  # the floor's median wall time, from the runs between the command's
    paired: float  # median of each run's wall ratio to the floor run beside it
    cpu: float  # the ratio of the medians of CPU time


def alternating(command: list[str], floor: list[str], env: dict[str, str],
                runs: int) -> Paired:
    """The command against the floor, runs interleaved so that both see the same machine."""
    timed(command, env)
    timed(floor, env)
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(timed(command, env))
        theirs.append(timed(floor, env))
    return Paired(statistics.median(s.seconds for s in ours), max(s.rss for s in ours),
                  statistics.median(s.seconds for s in theirs),
                  statistics.median(o.seconds / t.seconds
                                    for o, t in zip(ours, theirs, strict=True)),
                  statistics.median(s.cpu for s in ours)
                  / statistics.median(s.cpu for s in theirs))


# Every report, as a command line after "npmplan" (PLAN is replaced by the plan's path).
REPORTS: dict[str, list[str]] = {
    "validate": ["validate", "PLAN"],
    "calendar": ["calendar", "--plan", "PLAN"],
    "due": ["due", "--month", "2026-09", "--plan", "PLAN"],
    "workload": ["workload", "--plan", "PLAN"],
    "workload --by lead": ["workload", "--by", "lead", "--plan", "PLAN"],
    "status": ["status", "--as-of", "2026-11-30", "--plan", "PLAN"],
    "show 1.1": ["show", "1.1", "--plan", "PLAN"],
    "diff": ["diff", "PLAN", "PLAN"],
    "export html": ["export", "html", "--as-of", "2026-09-10", "--plan", "PLAN"],
    "export json": ["export", "json", "--plan", "PLAN"],
    "export ics": ["export", "ics", "--plan", "PLAN"],
    "export mermaid": ["export", "mermaid", "--plan", "PLAN"],
}


def _with(command: list[str], plan: str) -> list[str]:
    return [plan if part == "PLAN" else part for part in command]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--only", nargs="*", metavar="NAME",
                        help="time only these commands on the shipped plan, e.g. due "
                             "calendar (with --sizes and nothing after it: the target alone)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    python = sys.executable
    script = Path(python).with_name("npmplan")
    npmplan = [str(script)] if script.exists() else [python, "-m", "npmplan"]
    floor_command = [python, "-c", IMPORTS]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} runs, median")
    bare, bare_rss = measure([python, "-c", "pass"], env, args.runs)
    print(f"{'python -c pass':<34} {bare * 1000:8.0f} ms {bare_rss / 1024:7.1f} MiB")
    floor, floor_rss = measure(floor_command, env, args.runs)
    print(f"{'import floor':<34} {floor * 1000:8.0f} ms {floor_rss / 1024:7.1f} MiB")
    seconds, rss = measure([python, "-c", PYDANTIC_MODEL], env, args.runs)
    print(f"{'import floor + one pydantic model':<34} {seconds * 1000:8.0f} ms "
          f"{rss / 1024:7.1f} MiB  {seconds / floor:.2f}x import floor")
    real = str(ROOT / "plans" / "2026-27.yaml")
    commands = {"--version": ["--version"], "--help": ["--help"],
                **{name: _with(command, real) for name, command in REPORTS.items()}}
    for name, command in commands.items():
        if args.only is not None and name not in args.only:
            continue
        got = alternating([*npmplan, *command], floor_command, env, args.runs)
        print(f"{name + ' (shipped plan)':<34} {got.seconds * 1000:8.0f} ms "
              f"{got.rss / 1024:7.1f} MiB  {got.seconds / got.floor:.2f}x import floor "
              f"({got.floor * 1000:.0f} ms; paired {got.paired:.2f}x, CPU {got.cpu:.2f}x), "
              f"{got.seconds / bare:.1f}x python -c pass", flush=True)
    _peers(env, args.runs, floor)
    folder = Path(tempfile.mkdtemp(prefix="npmplan-bench-"))
    try:
        paths = {}
        for size in args.sizes:
            paths[size] = folder / f"plan-{size}.yaml"
            paths[size].write_text(synthetic_plan(size), encoding="utf-8")
        # Each command is run at every size in turn, so that a machine whose speed drifts
        # (a shared host) moves all sizes alike and the growth stays a fair ratio.
        loads = interleaved({size: [python, "-c", "import sys, yaml; yaml.load(open(sys.argv"
                                    "[1], 'rb'), Loader=yaml.CSafeLoader)", str(path)]
                             for size, path in paths.items()}, env, args.runs)
        timing = {name: interleaved({size: [*npmplan, *_with(command, str(path))]
                                     for size, path in paths.items()}, env, args.runs)
                  for name, command in REPORTS.items()}
        for size, path in paths.items():
            print(f"-- {size} objectives: {path.stat().st_size / 1e6:.1f} MB")
            load, load_rss = loads[size]
            print(f"{'bare CSafeLoader load':<34} {load * 1000:8.0f} ms {load_rss / 1024:7.1f} MiB")
            for name in REPORTS:
                seconds, rss = timing[name][size]
                print(f"{name:<34} {seconds * 1000:8.0f} ms {rss / 1024:7.1f} MiB  "
                      f"{seconds / load:.2f}x bare load")
        _growth(timing, floor)
    finally:
        shutil.rmtree(folder)


def interleaved(commands: dict[int, list[str]], env: dict[str, str],
                runs: int) -> dict[int, tuple[float, int]]:
    """Each command's median seconds and peak memory, the commands run in turn."""
    for command in commands.values():
        timed(command, env)  # warm-up
    samples: dict[int, list[Run]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, command in commands.items():
            samples[key].append(timed(command, env))
    return {key: (statistics.median(s.seconds for s in got), max(s.rss for s in got))
            for key, got in samples.items()}


def _growth(timing: dict[str, dict[int, tuple[float, int]]], floor: float) -> None:
    """Each report's time at 10,000 objectives over its time at 1,000 (target: at most 11x
    for 10x the objectives), whole and above the import floor."""
    for name in REPORTS:
        small, large = (timing[name].get(size, (0.0, 0))[0] for size in (1_000, 10_000))
        if small and large:
            print(f"growth {name:<27} {large / small:5.1f}x whole, "
                  f"{(large - floor) / (small - floor):5.1f}x above the import floor "
                  "(target at most 11x)")


def _peers(env: dict[str, str], runs: int, floor: float) -> None:
    """Peers on the shipped plan's milestones, where installed: their 'what is overdue'."""
    import json

    plan = json.loads(subprocess.run(
        [sys.executable, "-m", "npmplan", "export", "json", "--plan",
         str(ROOT / "plans" / "2026-27.yaml")], capture_output=True, check=True).stdout)
    milestones = [(obj["id"], m["what"], m["due"]) for so in plan["strategic_objectives"]
                  for obj in so["objectives"] for m in obj["milestones"] if m["due"]]
    folder = Path(tempfile.mkdtemp(prefix="npmplan-peers-"))
    try:
        if shutil.which("task"):
            data = folder / "task"
            data.mkdir()
            peer_env = {**env, "TASKDATA": str(data), "TASKRC": str(folder / "taskrc")}
            (folder / "taskrc").write_text("confirmation=off\nverbose=nothing\n")
            tasks = [{"description": f"{ident} {what}", "status": "pending",
                      "due": f"{due.replace('-', '')}28T000000Z", "project": ident}
                     for ident, what, due in milestones]
            (folder / "tasks.json").write_text(json.dumps(tasks))
            subprocess.run(["task", "import", str(folder / "tasks.json")], env=peer_env,
                           capture_output=True, check=False)
            _peer("task overdue (Taskwarrior)", ["task", "overdue"], peer_env, runs, floor)
        journal = folder / "plan.ledger"
        journal.write_text("".join(f"{due}-28 {ident} {what}\n    Milestones:{ident}  1\n"
                                   f"    Plan\n\n" for ident, what, due in milestones))
        for tool in ("ledger", "hledger"):
            if shutil.which(tool):
                _peer(f"{tool} balance", [tool, "-f", str(journal), "balance"], env, runs,
                      floor)
    finally:
        shutil.rmtree(folder)


def _peer(name: str, command: list[str], env: dict[str, str], runs: int, floor: float) -> None:
    seconds, rss = measure(command, env, runs)
    print(f"{'peer: ' + name:<34} {seconds * 1000:8.0f} ms {rss / 1024:7.1f} MiB  "
          f"{seconds / floor:.2f}x import floor", flush=True)


if __name__ == "__main__":
    main()
