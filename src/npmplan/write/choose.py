"""Which milestone a command means: ``MATCH`` (a piece of its ``what``, or ``#N`` as
``npmplan show`` numbers them), or, with no MATCH, the objective's only one that fits.

    >>> from npmplan.model.plan import Objective
    >>> obj = Objective.model_validate({"id": "2.4", "title": "t", "milestones": [
    ...     {"when": "2026-06", "what": "Visits to establishments"},
    ...     {"when": "2026-11", "what": "Final report"}]})
    >>> choose(obj, "VISITS"), choose(obj, "#2")
    (0, 1)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from npmplan.errors import UsageError
from npmplan.model.plan import Milestone, Objective
from npmplan.rules.problems import quoted
from npmplan.text import one_line

_SAME = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


class ChoiceError(UsageError):
    """No milestone, or more than one, fits: the message lists the candidates (exit 2)."""


def normal(text: str) -> str:
    """For matching: any case, curly or straight quotes, any run of spaces or breaks."""
    return " ".join(text.translate(_SAME).casefold().split())


def planned(milestone: Milestone) -> bool:
    return milestone.status == "planned"


still_open = planned  # a series is open while the series is: its meetings are each checked


def closed(milestone: Milestone) -> bool:
    """Done or cancelled, or a series with a meeting that is (what ``reopen`` can act on)."""
    return milestone.status != "planned" or any(
        record.status != "planned" for record in milestone.occurrences)


def choose(objective: Objective, match: str | None,
           fits: Callable[[Milestone], bool] = planned) -> int:
    """The index of the milestone meant, else ``ChoiceError``. MATCH looks among the
    milestones that ``fits`` first (for ``done``: the open ones), and among all the others
    only when none of those contains it: a text shared with a milestone done long ago is
    not ambiguous."""
    milestones = objective.milestones
    if not milestones:
        raise ChoiceError(f"objective {objective.id} has no milestones; add one with "
                          f"npmplan add {objective.id} --when ... --what ...")
    if match is None:
        found = [i for i, m in enumerate(milestones) if fits(m)]
        if len(found) == 1:
            return found[0]
        what = "no planned milestone" if not found else f"{len(found)} planned milestones"
        raise ChoiceError(f"objective {objective.id} has {what}; say which one with a piece of "
                          "its text or its number in quotes, e.g. '#1':\n"
                          + listing(objective, found or range(len(milestones))))
    if match.strip().startswith("#"):
        return _by_number(objective, match.strip()[1:])
    wanted = normal(match)
    found = [i for i, m in enumerate(milestones) if wanted in normal(m.what)]
    found = [i for i in found if fits(milestones[i])] or found
    exact = [i for i in found if normal(milestones[i].what) == wanted]
    if len(found) == 1 or len(exact) == 1:
        return (exact or found)[0]
    if not found:
        raise ChoiceError(f"no milestone of objective {objective.id} contains {quoted(match)}; "
                          "its milestones are:\n" + listing(objective, range(len(milestones))))
    raise ChoiceError(f"{len(found)} milestones of objective {objective.id} contain "
                      f"{quoted(match)}; give more of the text, or the number in quotes, e.g. "
                      f"'#{found[0] + 1}':\n" + listing(objective, found))


def _by_number(objective: Objective, digits: str) -> int:
    count = len(objective.milestones)
    # ASCII digits only ('²' and '①' are str.isdigit() but not numbers int() reads), and
    # few of them (int() refuses 4,300 digits; no objective has a billion milestones).
    if _ASCII_DIGITS.fullmatch(digits) and 1 <= int(digits) <= count:
        return int(digits) - 1
    raise ChoiceError(f"objective {objective.id} has no milestone #{one_line(digits)[:20]}; its "
                      f"{count} milestone{'s are' if count > 1 else ' is'}:\n"
                      + listing(objective, range(count)))


_ASCII_DIGITS = re.compile(r"[0-9]{1,9}")
LISTED = 20  # candidates listed in a message; the rest are counted, as validate caps a flood


def listing(objective: Objective, indexes: range | list[int]) -> str:
    """The candidates, numbered as ``npmplan show`` numbers them, one a line: the first
    ``LISTED``, then how many more (an objective may have thousands)."""
    lines = []
    for i in indexes[:LISTED]:
        milestone = objective.milestones[i]
        when = milestone.effective.text
        status = "" if milestone.status == "planned" else f" ({milestone.status})"
        what = one_line(milestone.what)
        what = what if len(what) <= 70 else what[:69] + "…"
        lines.append(f"  #{i + 1:<3} {one_line(when):<17} {what}{status}")
    if len(indexes) > LISTED:
        lines.append(f"  and {len(indexes) - LISTED:,} more (npmplan show {objective.id} "
                     "lists them all)")
    return "\n".join(lines)
