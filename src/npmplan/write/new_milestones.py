"""The milestones ``npmplan new`` writes under an objective: the carried ones (``carry``
says which and how), each with a note, then the listed ones as comment lines to take up by
uncommenting."""

from __future__ import annotations

from collections.abc import Callable

from npmplan.model.dates import Month
from npmplan.model.plan import Milestone
from npmplan.write.carry import Carry, Tally, carry, note
from npmplan.write.yaml_text import Writer, quote

Periods = tuple[tuple[Month, Month], tuple[Month, Month]]  # the old period, the new one


def write_milestones(out: Writer, milestones: list[Milestone], old_title: str,
                     periods: Periods, tally: Tally,
                     review: Callable[[int, str], None]) -> None:
    """``review(n, what)``: called before the nth milestone's ``what`` is written, to
    point out an old year in it."""
    carried: list[tuple[Milestone, Carry]] = []
    listed: list[str] = []
    for milestone in milestones:
        fate = carry(milestone, *periods)
        tally.add(fate.fate)
        if fate.fate == "listed":
            listed.append(listed_line(milestone, fate, old_title))
        elif fate.carried:
            carried.append((milestone, fate))
    if not carried and not listed:
        return
    out.raw(8, "milestones:")
    for n, (milestone, fate) in enumerate(carried, 1):
        out.key(10, "when", fate.when, item=True)
        review(n, milestone.what)
        out.key(12, "what", milestone.what)
        if fate.every:
            out.raw(12, f"every: {fate.every}")
        out.key(12, "note", note(milestone, old_title))
    if listed:
        out.comment(10, f"Open in {old_title}, not carried forward; to keep one, delete the "
                        "'# ' in front of it:")
        out.lines.extend(" " * 10 + "# " + line for line in listed)


def listed_line(milestone: Milestone, fate: Carry, old_title: str) -> str:
    """One milestone as a flow-mapping list item on one line, to uncomment as it is."""
    every = f", every: {fate.every}" if fate.every else ""
    return (f"- {{when: {quote(fate.when)}{every}, what: {quote(milestone.what)}, "
            f"note: {quote(note(milestone, old_title, carried=False))}}}")
