"""The changes of the editing commands ``add`` and ``lead``, and what every change shares
(``states`` has ``done``, ``cancel``, ``move`` and ``reopen``). Each is a ``Make``: given
the plan as read, the splices that make it, the same change on the plain data, and the
line that says it. ``transaction.edit`` carries one out.

A milestone or an objective the command line names but the plan does not have is a
``UsageError`` (exit 2), raised while the change is made.

    >>> make = set_leads("2.4", ["sr", "jk"])                             # doctest: +SKIP
    >>> edit(Path("plans/2026-27.yaml"), make, dry_run=True)              # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from npmplan.write.transaction import Change, Make

if TYPE_CHECKING:
    from npmplan.model.dates import When
    from npmplan.model.plan import Objective, Plan
    from npmplan.write.edit import Loc, Source


def add_milestone(objective_id: str, when: When, every: int | None, what: str,
                  day: str) -> Make:
    """``npmplan add``: a milestone at the end of the objective's, written like the ones
    before it, with the day it was added (``added_on``: a report for an earlier day leaves
    it out)."""

    def make(model: Plan, src: Source) -> Change:
        from npmplan.write.edit import append_item, quotes_like_neighbours, scalar

        loc, objective = objective_at(model, objective_id)
        quote = quotes_like_neighbours(src, (*loc, "milestones"), "what")
        recurs = {"every": str(every)} if every else {}
        item = {"when": scalar(when.text)} | recurs | {"what": scalar(what.strip(), quote),
                                                        "added_on": day}
        plain = {"when": when.text} | recurs | {"what": what.strip(), "added_on": day}

        def expect(data: Any) -> None:
            owner = at(data, loc)
            owner["milestones"] = (owner.get("milestones") or []) + [plain]

        number = len(objective.milestones) + 1
        return Change(append_item(src, loc, "milestones", item), expect,
                      f"{objective.id} #{number} {what_text(what)} added ({when.text}; added "
                      f"on {day})",
                      f"{objective.id}: milestone #{number} added")

    return make


def set_leads(objective_id: str, ids: list[str]) -> Make:
    """``npmplan lead``: the objective's leads, each a team id of the plan."""

    def make(model: Plan, src: Source) -> Change:
        from npmplan.errors import UsageError
        from npmplan.rules.suggest import unknown_message
        from npmplan.write.edit import flow_list, set_fields

        loc, objective = objective_at(model, objective_id)
        known = [member.id for member in model.team]
        for team_id in ids:
            if team_id not in known:
                raise UsageError(unknown_message("team member", brief(team_id), known))

        def expect(data: Any) -> None:
            at(data, loc)["leads"] = list(ids)

        was = ", ".join(objective.leads) or "none"
        return Change(set_fields(src, loc, {"leads": flow_list(ids)}), expect,
                      f"{objective.id} is led by {', '.join(ids)} (was: {was})",
                      f"{objective.id}: leads {' '.join(ids)}")

    return make


# --- what the changes share -------------------------------------------------------------


def objective_at(model: Plan, objective_id: str) -> tuple[Loc, Objective]:
    """The objective ``objective_id`` and where it is in the data; a UsageError that names
    the ids there are when the plan has none such."""
    from npmplan.errors import UsageError
    from npmplan.rules.suggest import unknown_message

    for s, so in enumerate(model.strategic_objectives):
        for o, objective in enumerate(so.objectives):
            if objective.id == objective_id:
                return ("strategic_objectives", s, "objectives", o), objective
    known = [obj.id for _, obj in model.objectives()]
    raise UsageError(unknown_message("objective", brief(objective_id), known))


def milestone_change(src: Source, objective: Objective, loc: Loc, index: int,
                     changes: dict[str, str | None], said: str, verb: str) -> Change:
    """Set (text) or remove (None) fields of the objective's milestone ``index``."""
    from npmplan.write.edit import double_quoted, scalar, set_fields

    target = (*loc, "milestones", index)
    # A note is text like the milestone's own: quoted if its what is.
    quote = double_quoted(src, src.node_at(target), "what")

    def expect(data: Any) -> None:
        milestone = at(data, target)
        for key, value in changes.items():
            if value is None:
                milestone.pop(key, None)
            else:
                milestone[key] = value

    written = {k: None if v is None else scalar(v, quote and k == "note")
               for k, v in changes.items()}
    what = objective.milestones[index].what
    return Change(set_fields(src, target, written), expect,
                  f"{objective.id} #{index + 1} {what_text(what)} {said}",
                  f"{objective.id}: milestone #{index + 1} {verb}")


def at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def same_time(new: When, baseline: When) -> bool:
    """Whether ``new`` names the baseline again (2026-09 and Sep 2026 are one month)."""
    if not new.dated or not baseline.dated:
        return new.kind == baseline.kind
    return new.window() == baseline.window() and new.day == baseline.day


def brief(text: str) -> str:
    """What the user typed, as messages quote plan text: invisible characters named, cut
    past 60 characters (``rules.problems.quoted`` without its quote marks)."""
    from npmplan.rules.problems import quoted

    return quoted(text)[1:-1]


def what_text(text: str) -> str:
    return '"' + brief(text) + '"'
