"""Benchmark npmplan as whole processes, each figure as a ratio against its floor.

    python benchmarks/bench.py            # 7 runs after a warm-up, median reported
    python benchmarks/bench.py --runs 15  # steadier figures on a noisy machine

It generates synthetic plans in the real format (22, 1,000 and 10,000 objectives with 5
milestones each), then times, in the same run:
- the floors: ``python -c pass``; importing typer, pydantic, yaml, rich.table and dateutil;
  a bare ``yaml.load(..., Loader=yaml.CSafeLoader)`` of each file;
- npmplan ``--version``, ``validate``, ``calendar``, ``due`` and ``workload`` on each size.
Peak memory is each process's maximum resident set size. Bytecode caching is left on
(``PYTHONDONTWRITEBYTECODE`` is removed), as for an installed tool; the warm-up writes it.
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

ROOT = Path(__file__).resolve().parent.parent
SIZES = (22, 1_000, 10_000)
IMPORTS = "import typer, pydantic, yaml, rich.table, dateutil"
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


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed")
    return elapsed, usage.ru_maxrss


def measure(command: list[str], env: dict[str, str], runs: int) -> tuple[float, int]:
    timed(command, env)  # warm-up: page cache, bytecode
    samples = [timed(command, env) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    python = sys.executable
    script = Path(python).with_name("npmplan")
    npmplan = [str(script)] if script.exists() else [python, "-m", "npmplan"]
    rows: list[tuple[str, float, int, str, float, int]] = []

    def row(name: str, command: list[str], floor: str = "", base: tuple[float, int] = (0, 0)
            ) -> tuple[float, int]:
        seconds, rss = measure(command, env, args.runs)
        rows.append((name, seconds, rss, floor, base[0], base[1]))
        ratio = f"{seconds / base[0]:.2f}x {floor}" if base[0] else ""
        print(f"{name:<34} {seconds * 1000:8.0f} ms {rss / 1024:7.1f} MiB  {ratio}", flush=True)
        return seconds, rss

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} runs, median")
    bare = row("python -c pass", [python, "-c", "pass"])
    imports = row("import floor", [python, "-c", IMPORTS])
    row("import floor + one pydantic model", [python, "-c", PYDANTIC_MODEL], "import floor",
        imports)
    row("npmplan --version", [*npmplan, "--version"], "import floor", imports)
    row("npmplan --help", [*npmplan, "--help"], "import floor", imports)
    real = str(ROOT / "plans" / "2026-27.yaml")
    for name, extra in (("due --month 2026-09", ["due", "--month", "2026-09"]),
                        ("calendar", ["calendar"]), ("workload", ["workload"]),
                        ("validate", ["validate"])):
        row(f"{name} (real plan)", [*npmplan, *extra, "--plan", real]
            if name != "validate" else [*npmplan, "validate", real], "import floor", imports)
    folder = Path(tempfile.mkdtemp(prefix="npmplan-bench-"))
    try:
        loads: dict[int, tuple[float, int]] = {}
        for size in args.sizes:
            path = folder / f"plan-{size}.yaml"
            path.write_text(synthetic_plan(size), encoding="utf-8")
            print(f"-- {size} objectives: {path.stat().st_size / 1e6:.1f} MB")
            load = row(f"bare CSafeLoader load ({size})", [
                python, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), "
                "Loader=yaml.CSafeLoader)", str(path)], "import floor", imports)
            loads[size] = load
            row(f"validate ({size})", [*npmplan, "validate", str(path)], "bare load", load)
            for name in ("calendar", "workload"):
                row(f"{name} ({size})", [*npmplan, name, "--plan", str(path)], "bare load", load)
            row(f"due ({size})", [*npmplan, "due", "--month", "2026-09", "--plan", str(path)],
                "bare load", load)
        _growth(rows, imports[0], bare[0])
    finally:
        shutil.rmtree(folder)


def _growth(rows: list[tuple[str, float, int, str, float, int]], floor: float,
            _python: float) -> None:
    timing = {name: seconds for name, seconds, *_ in rows}
    small, large = "validate (1000)", "validate (10000)"
    if small in timing and large in timing:
        ratio = (timing[large] - floor) / (timing[small] - floor)
        print(f"growth: validate 10,000 vs 1,000 above the import floor: {ratio:.1f}x "
              "(target at most 11x)")


if __name__ == "__main__":
    main()
