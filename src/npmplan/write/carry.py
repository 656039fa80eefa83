"""Which of last year's milestones ``npmplan new`` carries into the new plan, and how.

What a planner would carry, and nothing more (the rest is listed in a comment to pick from):

- ``series``: a recurring milestone (``every`` over a range) whose series ran to the old
  period's end goes on on its cadence: from its next occurrence after the last one (every 3
  months, the last in March 2027: June 2027) to the new period's end. One that ended
  earlier is ``listed``, its range a year on;
- ``quarterly`` and ``ongoing``: carried as they are;
- ``dated``: a planned milestone whose window lies wholly in the new period keeps its date
  (the old plan's look-ahead, e.g. next April's conference);
- ``tbc``: a planned milestone due in the last quarter (three months) of the old period, or
  after it, is carried as ``tbc``: it is still open when the new year starts;
- ``listed``: every other planned milestone (due earlier in the old year, or ``tbc``) is
  written as a comment line the planner can uncomment;
- ``dropped``: ``done`` and ``cancelled`` milestones are left out.

Occurrence records (``occurrences:``) are last year's meetings: never carried. Every
carried milestone gets ``note: "Carried forward from <old title>; was <when>"``, a listed
one ``"Open in <old title>; was <when>"`` (", moved to <X>" and ", every N months" when it
had them; an earlier note follows).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from npmplan.model.dates import Month
from npmplan.model.plan import Milestone

Fate = Literal["series", "quarterly", "ongoing", "dated", "tbc", "listed", "dropped"]
CARRIED: tuple[Fate, ...] = ("series", "quarterly", "ongoing", "dated", "tbc")
LAST_QUARTER = 3  # months at the end of the old period whose open milestones are carried


@dataclass(frozen=True, slots=True)
class Carry:
    """What becomes of one milestone: its fate, its ``when`` in the new plan, and its
    ``every`` there (a series, carried or listed)."""

    fate: Fate
    when: str = ""
    every: int | None = None

    @property
    def carried(self) -> bool:
        return self.fate in CARRIED


def carry(milestone: Milestone, old: tuple[Month, Month], new: tuple[Month, Month]) -> Carry:
    if milestone.status != "planned":
        return Carry("dropped")
    effective = milestone.effective
    if effective.kind in ("quarterly", "ongoing"):  # no months fixed: it goes on as it is
        return Carry("quarterly" if effective.kind == "quarterly" else "ongoing",
                     effective.kind)
    window = effective.window()
    if window is None:  # tbc: nothing says it is due now
        return Carry("listed", effective.kind)
    if milestone.every:
        return _series(window, milestone.every, old, new)
    if new[0] <= window[0] and window[1] <= new[1]:
        return Carry("dated", effective.text.strip())
    if window[1] > old[1].shift(-LAST_QUARTER):
        return Carry("tbc", "tbc")
    return Carry("listed", "tbc")


def _series(window: tuple[Month, Month], every: int, old: tuple[Month, Month],
            new: tuple[Month, Month]) -> Carry:
    """A series that ran to the old period's end goes on from its next occurrence; one that
    ended before is listed with its range a year (the periods' distance) on."""
    if window[1] < old[1]:
        distance = new[0] - old[0]
        first = max(window[0].shift(distance), new[0])
        last = min(window[1].shift(distance), new[1])
        return Carry("listed", f"{first}..{last}", every) if first <= last \
            else Carry("listed", "tbc")
    last_held = window[0] + (min(window[1], old[1]) - window[0]) // every * every
    following = Month(last_held + every)
    if following < new[0]:  # a gap between the periods: the first occurrence inside
        following = Month(following - (following - new[0]) // every * every)
    if following > new[1]:
        return Carry("listed", "tbc")
    return Carry("series", f"{following}..{new[1]}", every)


def note(milestone: Milestone, old_title: str, carried: bool = True) -> str:
    was = milestone.when.text.strip()
    if milestone.moved_to is not None:
        was += f", moved to {milestone.moved_to.text.strip()}"
    if milestone.every:
        was += ", every month" if milestone.every == 1 else f", every {milestone.every} months"
    text = (f"Carried forward from {old_title}; was {was}" if carried
            else f"Open in {old_title}; was {was}")
    return f"{text}. Earlier note: {milestone.note}" if milestone.note else text


@dataclass(slots=True)
class Tally:
    """How many milestones met each fate."""

    series: int = 0
    quarterly: int = 0
    ongoing: int = 0
    dated: int = 0
    tbc: int = 0
    listed: int = 0
    dropped: int = 0

    def add(self, fate: Fate) -> None:
        setattr(self, fate, getattr(self, fate) + 1)

    @property
    def carried(self) -> int:
        return sum(getattr(self, fate) for fate in CARRIED)

    def summary(self) -> str:
        """"21 carried forward (...), 74 listed in comments to pick from (not carried), 0
        done or cancelled left out"."""
        parts = [f"{self.tbc} open in the last quarter, now tbc",
                 f"{self.series} series going on on their cadence",
                 f"{self.quarterly} quarterly", f"{self.ongoing} ongoing",
                 f"{self.dated} already dated in the new year"]
        return (f"{self.carried} carried forward ({'; '.join(parts)}), "
                f"{self.listed} listed in comments to pick from (not carried), "
                f"{self.dropped} done or cancelled left out")
