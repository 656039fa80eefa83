"""Shared fuzzing tools: seeded mutators that damage a plan, hypothesis strategies that build
type-correct plans, and one function that renders a valid plan in every output.

Every mutant is a pure function of its seed and the bytes it starts from, so a failure is
reproduced by its seed alone::

    python tests/fuzzing.py 1234 > /tmp/mutant.yaml      # the mutant of seed 1234
    npmplan validate /tmp/mutant.yaml

Mutations (``MUTATORS``): lines deleted, duplicated and swapped; YAML indicators inserted;
indentation damaged; control, bidi and line-separator characters; a BOM mid-file;
invalid UTF-8 bytes; truncation. Text mutations work on the file decoded with
``surrogateescape``, so an invalid byte put in by an earlier mutation survives later ones.
"""

from __future__ import annotations

import io
import json
import random
import re
import sys
from calendar import monthrange
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st
from rich.console import RenderableType
from test_messages import ACTIONS, FORMS

from npmplan.compute.breakdown import BY, drop_priority, workload_by
from npmplan.compute.calendar import calendar_report, calendar_rows
from npmplan.compute.diff import compare
from npmplan.compute.due import due_report
from npmplan.compute.plan import plan_figures
from npmplan.compute.schedule import Filters, select
from npmplan.compute.show import show_report
from npmplan.compute.status import status_report
from npmplan.compute.workload import workload, workload_report
from npmplan.model.dates import Month
from npmplan.model.plan import Plan
from npmplan.model.values import _invisible
from npmplan.render import formats
from npmplan.render.console import make_console
from npmplan.render.exports.html import Report, page
from npmplan.render.exports.ics import calendar_ics
from npmplan.render.exports.mermaid import gantt
from npmplan.render.exports.plan_json import plan_document
from npmplan.render.formats import Formats
from npmplan.rules.catalogue import RULES
from npmplan.rules.problems import Problem, Validation

REAL_PLAN = Path(__file__).resolve().parent.parent / "plans" / "2026-27.yaml"

# --- mutators ------------------------------------------------------------------------

Mutator = Callable[[str, random.Random], str]

# The YAML indicators the issue names first, then others that change the structure.
INDICATORS = (":", "-", "&", "*", "!", "[", "{") * 3 + (
    "]", "}", ",", "#", "|", ">", "?", "%", "@", "`", "'", '"', ": ", "- ", "&a ", "*a",
    "!foo ", "!!python/object:os.system ", "<<: ")
# Cc but newline (0x0a), the C1 controls, NEL and the YAML 1.1 line breaks.
CONTROLS = (*(chr(c) for c in (*range(0x00, 0x0A), *range(0x0B, 0x20), 0x7F, 0x80, 0x85,
                                0x9B, 0x9F)), "\u2028", "\u2029")
BIDI = ("\u202e",) * 4 + ("\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067",
                          "\u2068", "\u2069")
# Invalid UTF-8, as surrogateescape code points (each stands for one raw byte): a lone
# continuation byte, a lead byte without its continuation, an overlong "/", a UTF-16
# surrogate, a byte that never occurs in UTF-8, and a UTF-16 BOM.
BAD_BYTES = (b"\x80", b"\xbf", b"\xc3", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80", b"\xff",
             b"\xfe", b"\xff\xfe", b"\xfe\xff", b"\xe9")


def decode(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _line_index(lines: list[str], rng: random.Random) -> int:
    """A random line, two times in three one that is not blank or a comment (a mutation
    in a comment is seldom interesting)."""
    content = [i for i, line in enumerate(lines) if line.strip() and
               not line.lstrip().startswith("#")]
    if content and rng.random() < 2 / 3:
        return rng.choice(content)
    return rng.randrange(len(lines))


def _position(text: str, rng: random.Random) -> int:
    """A random character position, mostly inside a line with content."""
    lines = text.splitlines(keepends=True)
    if not lines:
        return 0
    i = _line_index(lines, rng)
    start = sum(len(line) for line in lines[:i])
    return start + rng.randrange(len(lines[i]) + 1)


def _insert(text: str, rng: random.Random, what: str) -> str:
    at = _position(text, rng)
    return text[:at] + what + text[at:]


def delete_line(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    if lines:
        del lines[_line_index(lines, rng)]
    return "".join(lines)


def duplicate_line(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    if lines:
        i = _line_index(lines, rng)
        lines.insert(i + 1, lines[i] if lines[i].endswith("\n") else lines[i] + "\n")
    return "".join(lines)


def swap_lines(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    if len(lines) >= 2:
        i = _line_index(lines, rng)
        j = min(i + 1, len(lines) - 1) if rng.random() < 0.5 else rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


def insert_indicator(text: str, rng: random.Random) -> str:
    return _insert(text, rng, rng.choice(INDICATORS))


def bad_indentation(text: str, rng: random.Random) -> str:
    """Add or remove 1-4 spaces (rarely a tab) at the start of a line."""
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    i = _line_index(lines, rng)
    indent = len(lines[i]) - len(lines[i].lstrip(" "))
    if indent and rng.random() < 0.5:
        lines[i] = lines[i][min(indent, rng.randint(1, 4)):]
    else:
        lines[i] = ("\t" if rng.random() < 0.1 else " " * rng.randint(1, 4)) + lines[i]
    return "".join(lines)


def control_character(text: str, rng: random.Random) -> str:
    return _insert(text, rng, rng.choice(CONTROLS))


def bidi_control(text: str, rng: random.Random) -> str:
    return _insert(text, rng, rng.choice(BIDI))


def bom_mid_file(text: str, rng: random.Random) -> str:
    """A UTF-8 BOM somewhere (at a line start half the time: where libyaml skips it)."""
    if rng.random() < 0.5:
        lines = text.splitlines(keepends=True)
        if lines:
            i = rng.randrange(len(lines))
            lines[i] = "\ufeff" + lines[i]
            return "".join(lines)
    return _insert(text, rng, "\ufeff")


def invalid_utf8(text: str, rng: random.Random) -> str:
    return _insert(text, rng, decode(rng.choice(BAD_BYTES)))


def truncate(text: str, rng: random.Random) -> str:
    """Cut the file at a random byte (so possibly inside a UTF-8 sequence)."""
    raw = encode(text)
    return decode(raw[:rng.randrange(len(raw) + 1)])


MUTATORS: dict[str, Mutator] = {
    "delete-line": delete_line,
    "duplicate-line": duplicate_line,
    "swap-lines": swap_lines,
    "insert-indicator": insert_indicator,
    "bad-indentation": bad_indentation,
    "control-character": control_character,
    "bidi-control": bidi_control,
    "bom-mid-file": bom_mid_file,
    "invalid-utf8": invalid_utf8,
    "truncate": truncate,
}
# Truncation destroys most of the file; the others are local, so they come more often.
WEIGHTS = {name: 1 if name == "truncate" else 3 for name in MUTATORS}


@dataclass(frozen=True, slots=True)
class Mutant:
    seed: int
    raw: bytes
    mutations: tuple[str, ...]

    def describe(self) -> str:
        return (f"seed {self.seed} ({', '.join(self.mutations)}); reproduce with: "
                f"python tests/fuzzing.py {self.seed} > mutant.yaml")


def mutant(seed: int, original: bytes | None = None) -> Mutant:
    """The plan damaged by 1 to 3 mutations, all chosen by ``random.Random(seed)``."""
    rng = random.Random(seed)
    text = decode(REAL_PLAN.read_bytes() if original is None else original)
    names = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()), k=rng.randint(1, 3))
    for name in names:
        text = MUTATORS[name](text, rng)
    return Mutant(seed, encode(text), tuple(names))


# --- what a problem must look like -----------------------------------------------------

FORBIDDEN = ("pydantic", "input should be", "validation error for", "traceback",
             "object at 0x")
# Message faults that are known bugs, each with the xfail test that pins it down; a fuzz run
# counts them apart instead of failing. Remove an entry when its test starts to pass.
KNOWN_MESSAGE_BUGS: dict[str, str] = {}  # message text -> the xfail test that pins it


def line_count(raw: bytes) -> int:
    """Lines as an editor counts them: LF, CRLF, and a lone CR (as YAML does)."""
    return len(re.split(rb"\r\n|\r|\n", raw))


def message_faults(problem: Problem, raw: bytes) -> list[str]:
    """What is wrong with how a problem is reported (empty: nothing): where (a line and
    column inside the file), what (a registered rule, a plain message), how to fix it (an
    action or the form to write), and no internals."""
    message = problem.message.lower()
    faults = [f"contains {word!r}" for word in FORBIDDEN if word in message]
    # '<' as in "<alias>", "<class 'str'>" or "<document start>"; a '<' the file itself
    # holds may be quoted back in a message.
    if "<" in message and b"<" not in raw:
        faults.append("contains '<'")
    if not message.strip() or problem.message != problem.message.strip():
        faults.append("empty or padded message")
    if not any(word in message for word in (*ACTIONS, *FORMS, "indent", "line it up")):
        faults.append("does not say what to do")
    registered = RULES.get(problem.rule)
    if registered is None or registered.severity != problem.severity:
        faults.append(f"rule {problem.rule} is not registered as {problem.severity}")
    if problem.line > line_count(raw) + 1:
        faults.append(f"line {problem.line} is past the end ({line_count(raw)} lines)")
    if problem.line > 0 and problem.column < 1:
        faults.append("a line but no column")
    return faults


def known_bug(fault: str, problem: Problem) -> str | None:
    """The xfail test of a known bug this fault comes from, if any."""
    return next((test for text, test in KNOWN_MESSAGE_BUGS.items()
                 if text in problem.message), None)


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_NUMBER = re.compile(r"\d+")


def message_shape(problem: Problem) -> str:
    """The message with the file's own words and numbers taken out: one shape per kind."""
    message = _QUOTED.sub("'…'", problem.message)
    return f"[{problem.rule}] " + _NUMBER.sub("N", message)


# --- plans from hypothesis -------------------------------------------------------------

# Text that has broken tools before: markup (rich, markdown, html, mermaid, csv), quotes,
# YAML look-alikes, and unicode a terminal may lay out wrongly.
NASTY = (
    "Review [draft] [/] [bold]x[/bold]", "[red]red[/red]", "[/]", "a | b | c", "=cmd|' /C calc'!A0",
    "+1", "-2", "@SUM(A1:A2)", "\t=tab", "'single'", '"double"', "it's", "a: b", "# not a comment",
    "key: value # comment", "- item", "&anchor", "*alias", "!tag", "{a: 1}", "[1, 2]", "~",
    "null", "no", "2.10", "0x1F", "1:30", "2026-09-01", "line one\nline two", "trailing\n",
    "∑ ünïcödé", "🇬🇧 flag", "👩‍👩‍👧 family", "\u200bzero width", "עברית", "العربية",
    "<script>alert(1)</script>", "&amp; &lt;", "%% mermaid comment", "section x", "title y",
    "click z", "2026-01-01 starts with a date", "`code`", "*bold*", "_under_", "\\back\\slash",
    "a;b,c", "x\\ny", "<b>html</b>", "[link](http://example.com)", "  spaced  ", "x" * 150,
)
_SAFE_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                         "\u2028\u2029\u0085")
TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.text(_SAFE_CHARS, min_size=1, max_size=30),
    st.text("ab |[]/=+-@:#*&!{}'\"\n\t<>%;,.`_\\", min_size=1, max_size=20),
).filter(lambda s: bool(s.strip()))
IDENT = st.one_of(
    st.text("0123456789.", min_size=1, max_size=5),
    st.text(_SAFE_CHARS, min_size=1, max_size=6),
    st.sampled_from(["2.10", "2.1", "07", "no", "-1", "1.1.1", "x y", "[1]"]),
).filter(lambda s: bool(s.strip()) and s == s.strip() and "\n" not in s
         and not any(_invisible(c) for c in s))
# Ids are drawn valid (no space or break around them, no invisible character: the bad-id
# rule refuses those), so that a generated plan is valid as built; bad ids are the mutation
# suite's job.

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def _month_text(month: Month, style: int) -> str:
    """``2026-09``, ``September 2026``, ``Sep 2026`` or ``SEPT 2026``, by ``style``."""
    name = MONTH_NAMES[month.number - 1]
    forms = [str(month), f"{name} {month.year}", f"{name[:3]} {month.year}",
             f"{name.lower()} {month.year}", f"{name[:3].upper()} {month.year}"]
    return forms[style % len(forms)]


@st.composite
def month_in(draw: st.DrawFn, first: Month, last: Month) -> Month:
    return Month(draw(st.integers(first, last)))


@st.composite
def months_text(draw: st.DrawFn, first: Month, last: Month) -> str:
    """A schedule span from ``first`` to ``last``: a month, a day, or a range."""
    if first == last:
        if draw(st.integers(0, 4)) == 0:
            return _day_text(first, draw)
        return _month_text(first, draw(st.integers(0, 9)))
    return draw(range_text(first, last))


@dataclass(slots=True)
class Drawn:
    """A plan as YAML text, and what the generator expects of it."""

    text: str
    valid: bool  # False when an error was put in on purpose
    broken: list[str] = field(default_factory=list)  # the errors put in, for messages


def _day_text(month: Month, draw: st.DrawFn) -> str:
    last = monthrange(month.year, month.number)[1]
    return f"{month}-{draw(st.integers(1, last)):02d}"


@st.composite
def range_text(draw: st.DrawFn, first: Month, last: Month) -> str:
    """``A..B`` with A ≤ B, each side a month (in any form) or a day."""
    sides = []
    for month in (first, last):
        sides.append(_day_text(month, draw) if draw(st.integers(0, 4)) == 0
                     else _month_text(month, draw(st.integers(0, 9))))
    if first == last and all("-" in s and s.count("-") == 2 for s in sides):
        sides.sort()  # two days of one month: the earlier first
    return draw(st.sampled_from(["..", " .. ", ".. "])).join(sides)


@st.composite
def when_text(draw: st.DrawFn, first: Month, last: Month) -> tuple[str, str]:
    """A milestone ``when`` in any form, and its kind."""
    kind = draw(st.sampled_from(["month", "day", "range", "quarter", "season", "ongoing",
                                 "tbc"]))
    lo = draw(month_in(first, last))
    hi = draw(month_in(lo, last))
    if kind == "day":
        return _day_text(lo, draw), kind
    if kind == "range":
        return draw(range_text(lo, hi)), kind
    if kind == "quarter":
        return f"{lo.year}-{draw(st.sampled_from('Qq'))}{(lo.number - 1) // 3 + 1}", kind
    if kind == "season":
        season = draw(st.sampled_from(sorted(SEASON_START)))
        text = draw(st.sampled_from([season, season.capitalize(), season.upper()]))
        return f"{text} {lo.year}", kind
    if kind in ("ongoing", "tbc"):
        return draw(st.sampled_from([kind, kind.upper(), kind.capitalize()])), kind
    return _month_text(lo, draw(st.integers(0, 9))), kind


@st.composite
def milestone(draw: st.DrawFn, first: Month, last: Month, drawn: Drawn) -> dict[str, Any]:
    when, kind = draw(when_text(first, last))
    item: dict[str, Any] = {"what": draw(TEXT), "when": when}
    # One spelling: a status is written in lower case ("Done" is a bad-choice error).
    status = draw(st.sampled_from([None, "planned", "done", "cancelled"]))
    if status is not None:
        item["status"] = status
    if status == "done" and draw(st.booleans()):
        day = draw(month_in(first, last))
        item["done_on"] = str(day) if draw(st.booleans()) else _day_text(day, draw)
    every = kind == "range" and draw(st.integers(0, 2)) == 0
    if every:
        item["every"] = draw(st.sampled_from([1, 2, 3, "2", 12]))
    if draw(st.integers(0, 3)) == 0:
        moved, moved_kind = draw(when_text(first, last))
        if not every or moved_kind == "range":
            item["moved_to"] = moved
    if draw(st.integers(0, 4)) == 0:
        item["note"] = draw(TEXT)
    if draw(st.integers(0, 99)) == 0:  # an error on purpose
        item["done_on"], item["status"] = str(first), "planned"
        drawn.valid = False
        drawn.broken.append("done_on without done")
    return item


@st.composite
def schedule(draw: st.DrawFn, first: Month, last: Month, drawn: Drawn) -> list[Any]:
    """Disjoint spans inside the period, each a month or a range, with or without a kind."""
    cuts = sorted(draw(st.sets(st.integers(first, last), max_size=6)))
    spans: list[Any] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        text = draw(months_text(Month(a), Month(b)))
        kind = draw(st.sampled_from([None, "active", "meetings", "production"]))
        spans.append(text if kind is None and draw(st.booleans())
                     else {"months": text, **({"kind": kind} if kind else {})})
    if len(cuts) % 2:
        spans.append(str(Month(cuts[-1])))
    if spans and draw(st.integers(0, 59)) == 0:  # an overlap on purpose
        first_span = spans[0]  # a copy: the same object twice would be dumped as an alias
        spans.append(dict(first_span) if isinstance(first_span, dict) else first_span)
        drawn.valid = False
        drawn.broken.append("schedule overlap")
    return spans


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        while value in seen:
            value += "'"
        seen.add(value)
        out.append(value)
    return out


@st.composite
def plans(draw: st.DrawFn) -> Drawn:
    """A plan as YAML: random but type-correct, mostly valid, every value form used."""
    drawn = Drawn("", True)
    start = Month.of(draw(st.integers(2000, 2099)), draw(st.integers(1, 12)))
    length = draw(st.sampled_from([1, 2, 12, 12, 12, 13, 24, draw(st.integers(1, 36))]))
    first, last = start, start.shift(length - 1)
    team_ids = _unique(draw(st.lists(IDENT, max_size=4)))
    team = [{"id": i, "name": draw(TEXT),
             **({"role": draw(TEXT)} if draw(st.booleans()) else {}),
             **({"capacity": draw(st.integers(0, 5))} if draw(st.booleans()) else {})}
            for i in team_ids]
    n_so = draw(st.integers(1, 4))
    so_ids = _unique([str(i + 1) if draw(st.integers(0, 3)) else draw(IDENT)
                      for i in range(n_so)])
    used = set(so_ids)
    strategic = []
    for so in so_ids:
        objectives = []
        for j in range(draw(st.integers(0, 4))):
            ident = f"{so}.{j + 1}" if draw(st.integers(0, 5)) else draw(IDENT)
            while ident in used:
                ident += "'"
            used.add(ident)
            objectives.append(draw(objective(ident, first, last, team_ids, drawn)))
        entry: dict[str, Any] = {"id": so, "title": draw(TEXT), "objectives": objectives}
        if draw(st.booleans()):
            entry["functions"] = draw(st.lists(st.sampled_from(
                ["visiting", "advisory", "educational", "cooperative"]), max_size=4))
        strategic.append(entry)
    info: dict[str, Any] = {"title": draw(TEXT), "period": f"{first}..{last}"}
    for key in ("organisation", "source"):
        if draw(st.booleans()):
            info[key] = draw(TEXT)
    if draw(st.booleans()):
        info["capacity"] = draw(st.integers(0, 20))
    data: dict[str, Any] = {"version": draw(st.sampled_from([1, "1"])), "plan": info}
    empty_team = draw(st.booleans())
    if team or empty_team:
        data["team"] = team
    data["strategic_objectives"] = strategic
    drawn.text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                default_flow_style=draw(st.sampled_from([False, None])),
                                width=draw(st.sampled_from([80, 10_000])))
    return drawn


@st.composite
def objective(draw: st.DrawFn, ident: str, first: Month, last: Month, team: list[str],
              drawn: Drawn) -> dict[str, Any]:
    item: dict[str, Any] = {"id": ident, "title": draw(TEXT)}
    if draw(st.booleans()):
        item["label"] = draw(TEXT)
    if draw(st.booleans()):
        item["priority"] = draw(st.sampled_from(["core", "standard", "funding-dependent"]))
    with_leads = draw(st.booleans())
    if team and with_leads:
        item["leads"] = draw(st.lists(st.sampled_from(team), max_size=3))
    if draw(st.booleans()):
        item["rationale"] = draw(TEXT)
    if draw(st.booleans()):
        item["outcomes"] = draw(st.lists(TEXT, max_size=3))
    if draw(st.booleans()):
        item["outputs"] = draw(st.lists(st.one_of(
            TEXT, st.fixed_dictionaries({"title": TEXT},
                                        optional={"web": st.sampled_from([True, False])})),
            max_size=3))
    item["schedule"] = draw(schedule(first, last, drawn))
    item["milestones"] = draw(st.lists(milestone(first, last, drawn), max_size=5))
    return item


# --- every output of a valid plan ------------------------------------------------------


def printed(renderable: RenderableType, width: int) -> str:
    buffer = io.StringIO()
    make_console(file=buffer, width=width).print(renderable)
    return buffer.getvalue()


def report_months(plan: Plan) -> list[Month]:
    """Months a stand-up is run for: the first of the period, the turn of its first year
    (December and January, when the period has them) and the month after it ends."""
    first, last = plan.plan.period
    turn = [m for m in plan.months() if m.number == 12 and m < last][:1]
    return sorted({first, *turn, *(m.shift(1) for m in turn), last.shift(1)})


class Seen:
    """What ``render_all`` has rendered already. Renders are pure functions of what they
    are given, so a mutant that differs from the plan in one objective need not render
    the other objectives again (it keeps a fuzz run fast)."""

    def __init__(self) -> None:
        self.renders: dict[str, list[tuple[Any, ...]]] = {}

    def first_time(self, key: str, *inputs: Any) -> bool:
        bucket = self.renders.setdefault(key, [])
        if inputs in bucket:  # == all the way down: models, months, dates
            return False
        bucket.append(inputs)
        return True


def render_all(plan: Plan, width: int = 100, other: Plan | None = None,
               seen: Seen | None = None) -> dict[str, str]:
    """Every output every command can make of ``plan``, by name; raises what a renderer
    raises. ``other`` (an earlier version) is diffed against ``plan``. With ``seen``, what
    was rendered before is left out."""
    seen = seen or Seen()
    out: dict[str, str] = {}
    if not seen.first_time("plan", plan, width, other):
        return out
    months, rows = plan.months(), plan.objectives()

    def each_format(name: str, formats: Formats, result: object, suffix: str = "") -> None:
        """Every declared format of a report: the walk that proves each one renders."""
        for fmt in formats.names:
            rendered = formats.render(fmt, result, width)
            out[f"{name} {fmt}{suffix}"] = (rendered if isinstance(rendered, str)
                                            else printed(rendered, width))

    first_so = plan.strategic_objectives[0].id
    team = plan.team[0].id if plan.team else None
    for suffix, filters in (("", Filters()),
                            (" filtered", Filters(first_so, None, team,
                                                  (months[-1], months[-1])))):
        each_format("calendar", formats.CALENDAR, calendar_report(plan, filters, months[0]),
                    suffix)
    for month in report_months(plan):
        each_format(f"due {month}", formats.DUE,
                    due_report(month, rows, plan.plan.period, plan.plan.title, "lead x"))
    as_of = months[len(months) // 2]
    for so, item in rows:
        if seen.first_time(f"show {item.id}", so, item, months, as_of, width):
            each_format(f"show {item.id}", formats.SHOW, show_report(plan, so, item, as_of))
    each_format("workload", formats.WORKLOAD, workload_report(plan, rows))
    each_format("workload without none", formats.WORKLOAD,
                workload_report(plan, drop_priority(rows, "none"), "none"))
    for by, without in (*((by, None) for by in BY), ("strategic", "funding-dependent")):
        each_format(f"workload --by {by} without {without}", formats.BREAKDOWN,
                    workload_by(plan, rows, by, without))
    for month in (months[0], months[-1].shift(1)):
        each_format(f"status {month}", formats.STATUS,
                    status_report(rows, date(month.year, month.number, 15), plan.plan.period,
                                  plan.plan.title))
    each_format("diff", formats.DIFF, compare(other or plan, plan, ("a", "b")))
    loads = workload(months, rows, plan.plan.capacity)
    out["export ics"] = calendar_ics(plan, rows)
    out["export ics filtered"] = calendar_ics(plan, select(plan, first_so), "x")
    out["export mermaid"] = gantt(plan, rows)
    out["export mermaid no fence"] = gantt(plan, select(plan, first_so), "x", fence=False)
    month = report_months(plan)[0]
    out["export html"] = page(Report(plan, calendar_rows(months, rows), loads,
                                     due_report(month, rows, plan.plan.period),
                                     date(month.year, month.number, 1)))
    out["export json"] = plan_document(plan_figures(plan))
    return out


def render_problems(problems: list[Problem], valid: bool) -> dict[str, str]:
    """``validate`` in each of its formats."""
    result = Validation(problems, 1, valid)
    out = {name: formats.VALIDATE.render(name, result, 100) for name in formats.VALIDATE.names}
    json.loads(out["json"])
    return out


def cli_commands(plan: Path, ids: list[str], months: list[Month]) -> Iterator[list[str]]:
    """Every reporting command (and format, and breakdown) on ``plan``, as argv lists."""
    p = ["--plan", str(plan)]
    yield ["validate", str(plan)]
    for fmt in ("text", "json", "github"):
        yield ["validate", "--strict", "--format", fmt, str(plan)]
    for fmt in ("text", "markdown", "csv", "json"):
        yield ["calendar", *p, "--format", fmt, "--as-of", f"{months[0]}-01"]
    for month in months:
        for fmt in ("text", "markdown", "json"):
            yield ["due", *p, "--month", str(month), "--format", fmt]
    for ident in ids:
        for fmt in ("text", "markdown", "json"):
            yield ["show", *p, "--format", fmt, "--as-of", f"{months[-1]}-28", "--", ident]
    for fmt in ("text", "json"):
        yield ["workload", *p, "--format", fmt]
        for by in BY:
            yield ["workload", *p, "--format", fmt, "--by", by]
        yield ["workload", *p, "--format", fmt, "--without-priority", "funding-dependent"]
    for fmt in ("text", "markdown", "json"):
        yield ["status", *p, "--format", fmt, "--as-of", f"{months[-1]}-28"]
        yield ["diff", str(plan), str(plan), "--format", fmt]
    for kind in ("ics", "mermaid", "json"):
        yield ["export", kind, *p]
    yield ["export", "html", *p, "--as-of", f"{months[0]}-01"]
    yield ["schema"]


if __name__ == "__main__":  # python tests/fuzzing.py SEED > mutant.yaml
    sys.stdout.buffer.write(mutant(int(sys.argv[1])).raw)
