"""Size attacks: every command on hostile plans of 1 MB and 10 MB, with seconds and peak RSS.

    python benchmarks/robustness.py                 # every shape, 1 MB and 10 MB
    python benchmarks/robustness.py --sizes 1       # 1 MB only
    python benchmarks/robustness.py --shapes team recurring --commands validate calendar

Each shape is a plan that asks for far more work than its size suggests (issue 11, class 1):

- ``recurring``: milestones ``{when: 1900-01..2999-12, every: 1}`` in a one-year plan
  (refused past 100,000 occurrences: ``too-many-occurrences``);
- ``most-events``: the valid plan with the most events a byte: a 60-month period, 100,000
  occurrences of recurring milestones, then dated milestones;
- ``period``: a plan period of 1900-01..2999-12 (refused: a plan covers at most 60 months);
- ``spans``: schedule spans 1900-01..2999-12 (each outside the period);
- ``team``: a team of tens of thousands, every objective led by members near its end;
- ``unknown-leads``: thousands of leads not in a team of thousands;
- ``unknown-keys``: hundreds of thousands of unknown keys;
- ``milestones``: tens of thousands of milestones on one objective (Mermaid task ids);
- ``objectives``: tens of thousands of ordinary objectives;
- ``period-spaces``: ``period:`` followed by a megabyte of spaces, found by plan discovery;
- ``documented``: the valid plan written in full, as the shipped plan is: 2,000 objectives
  to the megabyte, each with its rationale, outcomes, outputs, schedule and milestones;
- ``bullets``: one objective whose rationale is 100,000 bullet items to the megabyte
  (``--sizes 0.389``: 40,000);
- ``links``: one objective whose rationale is 22,000 links to the megabyte, each to its own
  address.

Targets: up to 1 MB, every command under 5 s and 500 MB; up to 10 MB, under 60 s and 2 GB.
The table is printed as Markdown (benchmarks/robustness.md holds the last one). Exit codes
0, 1 and 2 are answers; 70 (a bug), a signal or a timeout is a failure and is marked.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAD = "version: 1\nplan: {title: Attack, period: 2026-04..2027-03}\n"
TARGETS = {1: (5.0, 500), 10: (60.0, 2048)}  # up to MB: (seconds, MiB)
TIMEOUT = 300


def _fill(size: int, head: str, item: Callable[[int], str], tail: str = "") -> str:
    parts, total, n = [head], len(head) + len(tail), 0
    while total < size:
        text = item(n)
        parts.append(text)
        total += len(text)
        n += 1
    parts.append(tail)
    return "".join(parts)


def _one_objective(extra: str = "") -> str:
    return (HEAD + "team: [{id: mk, name: M K}]\nstrategic_objectives:\n"
            '  - id: "1"\n    title: One\n    objectives:\n'
            '      - id: "1.1"\n        title: Target\n        leads: [mk]\n'
            "        schedule: [2026-04..2027-03]\n" + extra)


def recurring(size: int) -> str:
    return _fill(size, _one_objective("        milestones:\n"),
                 lambda n: f"          - {{when: 1900-01..2999-12, every: 1, what: M{n}}}\n")


def most_events(size: int) -> str:
    """The valid plan with the most events per byte: a 60-month period, recurring milestones
    up to the limit of 100,000 occurrences, then dated milestones (one event each)."""
    head = _one_objective("        milestones:\n").replace(
        "2026-04..2027-03", "2026-01..2030-12")
    head += "".join(f"          - {{when: 2026-01..2030-12, every: 1, what: R{n}}}\n"
                    for n in range(1666))
    return _fill(size, head, lambda n: f"          - {{when: 2026-{1 + n % 12:02d}, what: M{n}}}\n")


def period(size: int) -> str:
    head = (HEAD.replace("2026-04..2027-03", "1900-01..2999-12")
            + "strategic_objectives:\n  - id: '1'\n    title: One\n    objectives:\n")
    return _fill(size, head, lambda n: f"      - {{id: '1.{n}', title: O{n}, schedule: "
                                       "[1900-01..2999-12], milestones: [{when: 1900-01.."
                                       "2999-12, every: 1, what: M}]}\n")


def spans(size: int) -> str:
    return _fill(size, _one_objective().replace("schedule: [2026-04..2027-03]\n",
                                                "schedule:\n"),
                 lambda n: "          - 1900-01..2999-12\n")


def team(size: int) -> str:
    members = max(1000, size // 120)
    head = HEAD + "team:\n" + "".join(f"  - {{id: member{i}, name: Member {i}}}\n"
                                       for i in range(members))
    head += "strategic_objectives:\n  - id: '1'\n    title: One\n    objectives:\n"
    leads = ", ".join(f"member{members - 1 - i}" for i in range(5))
    return _fill(size, head, lambda n: f"      - {{id: '1.{n}', title: O{n}, leads: [{leads}], "
                                       "schedule: [2026-04..2027-03]}\n")


def unknown_leads(size: int) -> str:
    members = max(1000, size // 300)
    head = HEAD + "team:\n" + "".join(f"  - {{id: m{i}, name: Member {i}}}\n"
                                       for i in range(members))
    head += "strategic_objectives:\n  - id: '1'\n    title: One\n    objectives:\n"
    return _fill(size, head, lambda n: f"      - {{id: '1.{n}', title: O{n}, leads: "
                                       f"[x{n}a, x{n}b, x{n}c]}}\n")


def unknown_keys(size: int) -> str:
    return _fill(size, _one_objective(), lambda n: f"        k{n}: x\n")


def milestones(size: int) -> str:
    return _fill(size, _one_objective("        milestones:\n"),
                 lambda n: f"          - {{when: 2026-{4 + n % 6:02d}, what: Same name}}\n")


def objectives(size: int) -> str:
    head = (HEAD + "team: [{id: mk, name: M K}]\nstrategic_objectives:\n"
            "  - id: '1'\n    title: One\n    objectives:\n")
    return _fill(size, head, lambda n: f"      - {{id: '1.{n}', title: Objective {n}, leads: "
                                       "[mk], schedule: [2026-04..2026-09, {months: 2026-10.."
                                       "2027-03, kind: meetings}], milestones: [{when: 2026-06"
                                       ", what: Draft}, {when: 2026-04..2027-03, every: 2, "
                                       "what: Board}]}\n")


def documented(size: int) -> str:
    """Valid objectives written in full, as the shipped plan's are (rationale with bullets,
    outcomes, outputs, milestones), about 500 bytes each: 2,000 to the megabyte, in six
    strategic objectives (six tables in the document)."""
    head = HEAD + "team: [{id: mk, name: M K}, {id: jk, name: J K}]\nstrategic_objectives:\n"
    per = max(1, size // 500 // 6)
    return _fill(size, head, lambda n: (
        f"  - id: '{1 + n // per}'\n    title: Strategic {1 + n // per}\n    objectives:\n"
        if n % per == 0 else "") + (
        f"      - id: '{1 + n // per}.{n}'\n        title: Objective {n}\n"
        "        leads: [mk, jk]\n        priority: core\n"
        '        rationale: "Why this matters, in **a** sentence.\\n\\n- one reason\\n'
        '- another reason"\n'
        "        outcomes: [An outcome for people, Another outcome]\n"
        "        outputs: [{title: A resource on the website, web: true}, A short report]\n"
        "        schedule: [2026-04..2026-09, {months: 2026-10..2027-03, kind: meetings}]\n"
        "        milestones: [{when: 2026-06, what: Draft shared}, {when: 2026-11, "
        "what: Published}]\n"))


def bullets(size: int) -> str:
    """One objective whose rationale is a list of bullets, about ten bytes each: 40,000 in
    389 KB (a paragraph each in the document's table cell)."""
    return _fill(size, _one_objective('        rationale: "'),
                 lambda n: f"- b{n}\\n", '"\n')


def links(size: int) -> str:
    """One objective whose rationale is a list of links, each to its own address (a Word
    relationship each)."""
    return _fill(size, _one_objective('        rationale: "'),
                 lambda n: f"- [page {n}](https://example.org/{n})\\n", '"\n')


def period_spaces(size: int) -> str:
    return "version: 1\nplan:\n  title: Attack\n  period:" + " " * size + "x\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "recurring": recurring, "most-events": most_events, "period": period, "spans": spans,
    "team": team,
    "unknown-leads": unknown_leads, "unknown-keys": unknown_keys, "milestones": milestones,
    "objectives": objectives, "period-spaces": period_spaces,
    "documented": documented, "bullets": bullets, "links": links,
}
COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{plan}"],
    "calendar": ["calendar", "--plan", "{plan}"],
    "due": ["due", "--month", "2026-09", "--plan", "{plan}"],
    "workload": ["workload", "--plan", "{plan}"],
    "workload --by lead": ["workload", "--by", "lead", "--plan", "{plan}"],
    "show": ["show", "1.1", "--plan", "{plan}"],
    "status": ["status", "--as-of", "2026-11-01", "--plan", "{plan}"],
    "diff": ["diff", "{plan}", "{plan}"],
    "new": ["new", "--from", "{plan}", "-o", "{out}/new.yaml"],
    "export ics": ["export", "ics", "--plan", "{plan}"],
    "export mermaid": ["export", "mermaid", "--plan", "{plan}"],
    "export html": ["export", "html", "--as-of", "2026-09-01", "--plan", "{plan}"],
    "export json": ["export", "json", "--plan", "{plan}"],
    "export docx": ["export", "docx", "--plan", "{plan}", "-o", "{out}/plan.docx"],
    "export xlsx": ["export", "xlsx", "--plan", "{plan}", "-o", "{out}/plan.xlsx"],
    "report": ["report", "--as-of", "2026-11-30", "--plan", "{plan}"],
    "report html": ["report", "--as-of", "2026-11-30", "-f", "html", "--plan", "{plan}"],
    "report json": ["report", "--as-of", "2026-11-30", "-f", "json", "--plan", "{plan}"],
    "report docx": ["report", "--as-of", "2026-11-30", "-f", "docx", "--plan", "{plan}",
                    "-o", "{out}/report.docx"],
    "discovery (validate, no --plan)": ["validate"],
}


def run(command: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) and exit code of one process (killed after TIMEOUT)."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    env.pop("NPMPLAN_PLAN", None)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env, cwd=cwd)
    timer = threading.Timer(TIMEOUT, process.kill)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 10],
                        help="MB (0.389: the bullets shape's 40,000 bullets)")
    parser.add_argument("--shapes", nargs="*", default=list(SHAPES))
    parser.add_argument("--commands", nargs="*", default=list(COMMANDS))
    args = parser.parse_args()
    script = Path(sys.executable).with_name("npmplan")
    npmplan = [str(script)] if script.exists() else [sys.executable, "-m", "npmplan"]
    print("| shape | MB | command | seconds | peak MiB | exit | within target |")
    print("|---|---|---|---|---|---|---|")
    failures = 0
    for size in args.sizes:
        limit_s, limit_mb = next((TARGETS[mb] for mb in sorted(TARGETS) if size <= mb),
                                 (60.0, 2048))
        for shape in args.shapes:
            folder = Path(tempfile.mkdtemp(prefix="npmplan-attack-"))
            try:
                (folder / "plans").mkdir()
                (folder / ".git").mkdir()  # discovery stops here
                plan = folder / "plans" / "attack.yaml"
                plan.write_text(SHAPES[shape](int(size * 1_000_000)), encoding="utf-8")
                for name in args.commands:
                    line = [part.format(plan=plan, out=folder) for part in COMMANDS[name]]
                    for made in ("new.yaml", "plan.docx", "plan.xlsx", "report.docx"):
                        (folder / made).unlink(missing_ok=True)
                    seconds, rss, code = run([*npmplan, *line], folder)
                    ok = seconds < limit_s and rss / 1024 < limit_mb and code in (0, 1, 2)
                    failures += not ok
                    mb = plan.stat().st_size / 1e6
                    size_mb = f"{mb:.1f}" if mb >= 1 else f"{mb:.3f}"
                    print(f"| {shape} | {size_mb} | {name} | "
                          f"{seconds:.2f} | {rss / 1024:.0f} | {code} | "
                          f"{'yes' if ok else '**NO**'} |", flush=True)
            finally:
                shutil.rmtree(folder)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
