"""A milestone's date in words, the one wording every output uses.

    >>> from npmplan.model.dates import parse_when
    >>> [when_words(parse_when(text)) for text in ("2026-07", "2026-06..2026-08",
    ...  "2026-11..2027-03", "2026-Q2", "summer 2026", "2026-09-18", "quarterly",
    ...  "ongoing", "tbc")]
    ['July 2026', 'June to August 2026', 'November 2026 to March 2027', \
'April to June 2026', 'Summer 2026', '18 September 2026', 'Quarterly', 'Ongoing', \
'To be confirmed']

One month style (the month's full name and the year), "to" between the ends of a range
(GOV.UK style writes ranges with "to", not a dash), and the three undated forms in their own
words: a quarterly meeting is not "to be confirmed".
"""

from __future__ import annotations

from collections.abc import Iterable

from npmplan.model.dates import Month, When
from npmplan.model.plan import Milestone

UNDATED = {"ongoing": "Ongoing", "quarterly": "Quarterly", "tbc": "To be confirmed"}
# Where the undated forms stand in a timeline: after every dated entry, the recurring
# before the open-ended before the unknown.
_UNDATED_ORDER = {"quarterly": 1, "ongoing": 2, "tbc": 3}


def months_words(first: Month, last: Month) -> str:
    """"July 2026", "June to August 2026", "November 2026 to March 2027"."""
    if first == last:
        return first.long()
    if first.year == last.year:
        return f"{first.long().split()[0]} to {last.long()}"
    return f"{first.long()} to {last.long()}"


def when_words(when: When) -> str:
    """A ``when`` (or ``moved_to``, or ``done_on``) in words."""
    window = when.window()
    if window is None:
        return UNDATED.get(when.kind, "To be confirmed")
    first, last = window
    if when.day is not None:
        return f"{when.day.day} {first.long()}"
    if when.kind == "season":  # its words say more than its three months would
        return when.text.strip().capitalize()
    return months_words(first, last)


def milestone_when(milestone: Milestone, progress: bool = True) -> str:
    """When ``milestone`` is: where it now sits and where it was, with ``progress``; as
    agreed (its ``when`` alone) without."""
    when = milestone.effective if progress else milestone.when
    text = when_words(when)
    if milestone.every:
        every = "month" if milestone.every == 1 else f"{milestone.every} months"
        text = f"Every {every}, {text}"
    if progress and milestone.moved_to is not None:
        text += f" (moved from {when_words(milestone.when)})"
    return text


def status_words(milestone: Milestone) -> str:
    """"done 18 September 2026", "done" or "cancelled"; "" for a planned milestone."""
    if milestone.status == "done":
        return f"done {when_words(milestone.done_on)}" if milestone.done_on else "done"
    return "cancelled" if milestone.status == "cancelled" else ""


def in_date_order(milestones: Iterable[Milestone], progress: bool = True) -> list[Milestone]:
    """``milestones`` by the start of their window, then its end (a stable sort: entries of
    one month keep the plan's order), the undated last."""
    def key(milestone: Milestone) -> tuple[int, int, int]:
        when = milestone.effective if progress else milestone.when
        window = when.window()
        if window is None:
            return (_UNDATED_ORDER.get(when.kind, 3), 0, 0)
        return (0, window[0], window[1])
    return sorted(milestones, key=key)
