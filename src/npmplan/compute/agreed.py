"""The plan as agreed: every milestone as it was planned, for re-issuing the plan
(``npmplan export docx --as-agreed``).

Unlike ``record.plan_as_of``, which undoes what its dates say happened after a day, this
undoes every change, dated or not: a done or cancelled milestone is planned again, a moved one
is back at its ``when``, a meeting's records are gone, and a milestone added during the year
(``added_on``) is left out, since it was not in the plan agreed.
"""

from __future__ import annotations

from npmplan.model.plan import Milestone, Plan

_PROGRESS: dict[str, object] = {"status": "planned", "done_on": None, "cancelled_on": None,
                                 "moved_to": None, "moved_on": None, "occurrences": []}


def agreed_milestone(milestone: Milestone) -> Milestone:
    """``milestone`` as it was planned."""
    return milestone.model_copy(update=_PROGRESS)


def as_agreed(plan: Plan) -> Plan:
    """``plan`` without its progress: the calendar's marks and the document's timelines
    then show what was agreed."""
    strategic = []
    for so in plan.strategic_objectives:
        objectives = [objective.model_copy(update={"milestones": [
            agreed_milestone(m) for m in objective.milestones if m.added_on is None]})
            for objective in so.objectives]
        strategic.append(so.model_copy(update={"objectives": objectives}))
    return plan.model_copy(update={"strategic_objectives": strategic})
