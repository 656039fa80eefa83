"""The returns cycle on large plans: ``npmplan return`` for every lead, every open row
filled (a done date, every fifth a move), ``npmplan import`` of them all, and again (nothing
to change). Wall time and peak memory of each command, as an officer would wait for it.

    python benchmarks/returns.py            # 200 and 1,000 objectives (2 leads)

The numbers are in docs/development.md ("Returns"). No test times anything: timings are
here, where a slow machine makes a slow number, not a failure.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).parent))
from bench import synthetic_plan

FIRST = 4  # the first data row of a return's sheet


def timed(args: list[str], cwd: Path) -> tuple[float, int, str]:
    """Seconds, peak KiB and the last line of ``npmplan args``."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "npmplan",
                           *args], capture_output=True, text=True, cwd=cwd)
    seconds = time.perf_counter() - start
    peak = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak, (done.stdout.strip().splitlines() or [""])[-1][:90]


def fill_all(path: Path) -> int:
    """Every planned row done on 2026-11-20, every fifth moved instead; the rows filled."""
    book = openpyxl.load_workbook(path)
    sheet = book["Milestones"]
    filled = 0
    for row in range(FIRST, sheet.max_row + 1):
        status = str(sheet.cell(row, 4).value or "")
        if not status or status.startswith(("done", "cancelled")):
            continue
        if filled % 5 == 4:
            sheet.cell(row, 6).value = "2027-03"
        else:
            sheet.cell(row, 5).value = datetime.datetime(2026, 11, 20)
        filled += 1
    book.save(path)
    return filled


def main() -> None:
    print("| objectives | plan KB | command | seconds | peak MB | said |")
    print("|--:|--:|---|--:|--:|---|")
    for size in (200, 1000):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            plan = folder / "plan.yaml"
            plan.write_text(synthetic_plan(size), encoding="utf-8")
            kb = plan.stat().st_size // 1024
            steps: list[tuple[str, list[str]]] = [
                ("return --out-dir", ["return", "--out-dir", "out", "--quarter", "3",
                                      "--as-of", "2026-12-05", "--plan", "plan.yaml"])]
            for label, args in steps:
                seconds, peak, said = timed(args, folder)
                print(f"| {size:,} | {kb:,} | `{label}` | {seconds:.2f} | {peak // 1024} | "
                      f"{said} |")
            rows = sum(fill_all(path) for path in sorted((folder / "out").glob("*.xlsx")))
            files = [str(p) for p in sorted((folder / "out").glob("*.xlsx"))]
            for label, args in ((f"import ({rows} rows)", ["import", *files, "--plan",
                                                            "plan.yaml", "--on",
                                                            "2026-12-05"]),
                                ("import again", ["import", *files, "--plan", "plan.yaml",
                                                  "--on", "2026-12-05"])):
                seconds, peak, said = timed(args, folder)
                print(f"| {size:,} | {kb:,} | `{label}` | {seconds:.2f} | {peak // 1024} | "
                      f"{said} |")


if __name__ == "__main__":
    main()
