"""Which of last year's milestones ``npmplan new`` carries into the new plan, and how.

What a planner would carry, and nothing more (the rest is listed in a comment to pick from):

- ``recurring``: a planned recurring milestone (``every``), its range moved into the new
  period by the distance between the two periods' starts (so its rhythm is kept), then kept
  within the new period: ``2026-05..2027-03, every 2`` becomes ``2027-05..2028-03, every 2``;
  a ``quarterly`` one (no months fixed) stays ``quarterly``;
- ``dated``: a planned milestone whose window lies wholly in the new period keeps its date
  (the old plan's look-ahead, e.g. next April's conference);
- ``tbc``: a planned milestone due in the last quarter (three months) of the old period, or
  after it, is carried as ``tbc``: it is still open when the new year starts;
- ``listed``: every other planned milestone (due earlier in the old year, ``ongoing`` or
  ``tbc``) is written as a comment line the planner can uncomment;
- ``dropped``: ``done`` and ``cancelled`` milestones are left out.

Every carried or listed milestone gets ``note: "Carried forward from <old title>; was
<when>"`` (", moved to <X>" and ", every N months" when it had them; an earlier note follows).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from npmplan.model.dates import Month
from npmplan.model.plan import Milestone

Fate = Literal["recurring", "dated", "tbc", "listed", "dropped"]
LAST_QUARTER = 3  # months at the end of the old period whose open milestones are carried


@dataclass(frozen=True, slots=True)
class Carry:
    """What becomes of one milestone: its fate, and its ``when`` in the new plan."""

    fate: Fate
    when: str = ""


def carry(milestone: Milestone, old: tuple[Month, Month], new: tuple[Month, Month]) -> Carry:
    if milestone.status != "planned":
        return Carry("dropped")
    effective = milestone.effective
    window = effective.window()
    if effective.kind == "quarterly":  # a meeting every quarter goes on into the new year
        return Carry("recurring", "quarterly")
    if window is None:  # ongoing or tbc: nothing says it is due now
        return Carry("listed", effective.kind)
    if milestone.every:
        return _recurring(window, old, new)
    if new[0] <= window[0] and window[1] <= new[1]:
        return Carry("dated", effective.text.strip())
    if window[1] > old[1].shift(-LAST_QUARTER):
        return Carry("tbc", "tbc")
    return Carry("listed", "tbc")


def _recurring(window: tuple[Month, Month], old: tuple[Month, Month],
               new: tuple[Month, Month]) -> Carry:
    distance = new[0] - old[0]
    first = max(window[0].shift(distance), new[0])
    last = min(window[1].shift(distance), new[1])
    if first > last:
        return Carry("listed", "tbc")
    return Carry("recurring", f"{first}..{last}")


def note(milestone: Milestone, old_title: str) -> str:
    was = milestone.when.text.strip()
    if milestone.moved_to is not None:
        was += f", moved to {milestone.moved_to.text.strip()}"
    if milestone.every:
        was += ", every month" if milestone.every == 1 else f", every {milestone.every} months"
    text = f"Carried forward from {old_title}; was {was}"
    return f"{text}. Earlier note: {milestone.note}" if milestone.note else text


@dataclass(slots=True)
class Tally:
    """How many milestones met each fate."""

    recurring: int = 0
    dated: int = 0
    tbc: int = 0
    listed: int = 0
    dropped: int = 0

    def add(self, fate: Fate) -> None:
        setattr(self, fate, getattr(self, fate) + 1)

    @property
    def carried(self) -> int:
        return self.recurring + self.dated + self.tbc

    def summary(self) -> str:
        """"14 carried forward (...), 81 listed in comments to pick from, 0 done or cancelled
        left out"."""
        parts = [f"{self.tbc} open in the last quarter, now tbc",
                 f"{self.recurring} recurring, moved to the new year",
                 f"{self.dated} already dated in the new year"]
        return (f"{self.carried} carried forward ({'; '.join(parts)}), "
                f"{self.listed} listed in comments to pick from, {self.dropped} done or "
                "cancelled left out")
