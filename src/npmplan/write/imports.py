"""What the filled-in returns ask of the plan (``npmplan import``): for each filled row, the
editing command's ``Make`` that does it, or why it is not done.

- **The same milestone.** A row names its milestone by objective id, position and a
  fingerprint of its text and planned time (``compute.returns``); where the milestone is
  no longer at its position, the objective's milestone with the same fingerprint is it.
- **Already there.** A row whose change the plan has (done on that day, moved to that
  month, cancelled, the note or commentary written) changes nothing: importing a return
  twice changes nothing the second time.
- **A conflict.** A row whose milestone changed since the return was made (reworded or
  re-planned, gone, done, cancelled or moved), or that another return in the same import
  fills differently, is not applied: ``Step.conflict`` says why.

The changes themselves are ``write.states`` and ``write.comment``'s, as the commands make
them: dated, one occurrence at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from npmplan.compute.record import occurrence_entries
from npmplan.compute.returns import fingerprint
from npmplan.compute.schedule import series_months
from npmplan.model.dates import Month, When
from npmplan.model.plan import Milestone, Objective, Plan
from npmplan.text import one_line
from npmplan.write.filled import Fill, Filled, Proposal
from npmplan.write.transaction import Make


@dataclass(frozen=True, slots=True)
class Step:
    """One filled row: what it asks, and the change, or that it is there, or a conflict."""

    lead: str
    cell: str
    said: str  # '1.2 #1 "Conference ...": done on 2026-08-14'
    make: Make | None = None
    place: tuple[str, ...] = ()  # what it changes: a milestone, or an objective's commentary
    already: bool = False
    conflict: str = ""


def steps(model: Plan, returns: list[Filled], today: date) -> list[Step]:
    """Every filled row of ``returns``, in order, against the plan ``model``."""
    objectives = {obj.id: obj for _, obj in model.objectives()}
    seen: dict[tuple[str, int, Month | None] | str, tuple[str, str]] = {}
    out = []
    for filled in returns:
        for fill in filled.fills:
            out.append(_once(seen, _fill(model, objectives, filled.lead, fill, today),
                             (fill.objective, fill.position, fill.occurrence)))
        for proposal in filled.proposals:
            out.append(_once(seen, _proposal(objectives, filled, proposal, today),
                             proposal.objective))
    return out


def _once(seen: dict[tuple[str, int, Month | None] | str, tuple[str, str]], step: Step,
          key: tuple[str, int, Month | None] | str) -> Step:
    """A row that another return of the same import filled already: the same ask is
    there already, a different one a conflict."""
    if key not in seen:
        seen[key] = (step.lead, step.said)
        return step
    lead, said = seen[key]
    if said == step.said:
        return Step(step.lead, step.cell, step.said, already=True)
    return Step(step.lead, step.cell, step.said,
                conflict=f"{lead}'s return, imported with it, says otherwise ({said})")


def _fill(model: Plan, objectives: dict[str, Objective], lead: str, fill: Fill,
          today: date) -> Step:
    from npmplan.write.states import Which, annotate, cancel, mark_done, move_to

    asked = _asked(fill)
    objective = objectives.get(fill.objective)
    if objective is None:
        return Step(lead, fill.cell, f"{fill.objective}: {asked}",
                    conflict=f"objective {fill.objective} is no longer in the plan")
    index = _find(objective, fill)
    if index is None:
        return Step(lead, fill.cell, f"{fill.objective}: {asked}",
                    conflict="its milestone was reworded, re-planned or removed since the "
                             "return was made")
    milestone = objective.milestones[index]
    name = f'{objective.id} #{index + 1} "{_short(milestone.what)}"'
    if fill.occurrence is not None:
        name += f" ({fill.occurrence.long()})"
    said = f"{name}: {asked}"
    now = _state(model, objective, milestone, fill.occurrence)
    if now is None:
        return Step(lead, fill.cell, said, conflict="that meeting is no longer in its series")
    if _there(now, fill):
        return Step(lead, fill.cell, said, already=True)
    changed = _changed(now, fill)
    if changed:
        return Step(lead, fill.cell, said, conflict=f"since the return was made it {changed}")
    which = Which(f"#{index + 1}", fill.occurrence, fill.occurrence)
    day = today.isoformat()
    if fill.done_on is not None:
        make = mark_done(objective.id, which, fill.done_on.isoformat(), fill.note)
    elif fill.move_to is not None:
        target = str(fill.move_to)
        make = move_to(objective.id, which, When(target, "month", fill.move_to, fill.move_to),
                       day, fill.note)
    elif fill.cancel:
        make = cancel(objective.id, which, day, fill.note)
    else:
        assert fill.note is not None
        make = annotate(objective.id, which, fill.note)
    return Step(lead, fill.cell, said, make, (objective.id, str(index)))


def _asked(fill: Fill) -> str:
    words = (f"done on {fill.done_on.isoformat()}" if fill.done_on is not None
             else f"moved to {fill.move_to}" if fill.move_to is not None
             else "cancelled" if fill.cancel else "a note")
    if fill.note and (fill.done_on or fill.move_to or fill.cancel):
        words += ", with a note"
    return words


def _short(text: str) -> str:
    text = one_line(text)
    return text if len(text) <= 50 else f"{text[:49]}…"


def _find(objective: Objective, fill: Fill) -> int | None:
    """The milestone the row names: at its position, else the one with its fingerprint."""
    milestones = objective.milestones
    if 0 <= fill.position < len(milestones) and fingerprint(milestones[fill.position]) == \
            fill.print:
        return fill.position
    found = [i for i, m in enumerate(milestones) if fingerprint(m) == fill.print]
    return found[0] if len(found) == 1 else None


def _state(model: Plan, objective: Objective, milestone: Milestone,
           occurrence: Month | None) -> Milestone | None:
    """The milestone as the reports see it now, or its occurrence (None: not in the
    series any more)."""
    period = model.plan.period
    if occurrence is None:
        return milestone if series_months(milestone, period) is None else None
    for entry in occurrence_entries(milestone, objective, period):
        if entry.occurrence == occurrence:
            return entry.milestone
    return None


def _there(now: Milestone, fill: Fill) -> bool:
    """Does the plan say what the row asks already?"""
    noted = fill.note is None or (now.note is not None and fill.note in now.note)
    if fill.done_on is not None:
        return (now.status == "done" and now.done_on is not None
                and now.done_on.text == fill.done_on.isoformat() and noted)
    if fill.move_to is not None:
        return now.status == "planned" and now.effective.text == str(fill.move_to) and noted
    if fill.cancel:
        return now.status == "cancelled" and noted
    return noted


def _changed(now: Milestone, fill: Fill) -> str:
    """How the milestone changed since the return was made, in words ("" if it did not)."""
    if now.status != fill.state:
        day = now.done_on.text if now.status == "done" and now.done_on else \
            str(now.cancelled_on) if now.cancelled_on else ""
        return f"was {now.status}{f' (on {day})' if day else ''}"
    if now.effective.text != fill.when:
        return f"was moved to {now.effective.text} (the return says {fill.when})"
    return ""


def _proposal(objectives: dict[str, Objective], filled: Filled, proposal: Proposal,
              today: date) -> Step:
    from npmplan.write.comment import write_comment

    rated = f", rated {proposal.rag}" if proposal.rag else ""
    said = f"{proposal.objective}: commentary for Q{filled.quarter}{rated}"
    objective = objectives.get(proposal.objective)
    if objective is None:
        return Step(filled.lead, proposal.cell, said,
                    conflict=f"objective {proposal.objective} is no longer in the plan")
    entry = next((c for c in objective.commentary if c.quarter == filled.quarter), None)
    if entry is not None and (entry.text, entry.next, entry.rag) == (
            proposal.text, proposal.next, proposal.rag):
        return Step(filled.lead, proposal.cell, said, already=True)
    if entry is not None and entry.written_on is not None and \
            entry.written_on > filled.made_on:
        return Step(filled.lead, proposal.cell, said,
                    conflict=f"its Q{filled.quarter} commentary was written on "
                             f"{entry.written_on}, after the return was made")
    assert proposal.text is not None
    return Step(filled.lead, proposal.cell, said,
                write_comment(objective.id, str(filled.quarter), proposal.text, proposal.next,
                              proposal.rag, today.isoformat()), (objective.id, "commentary"))
