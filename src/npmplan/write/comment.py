"""``npmplan comment``: an objective's commentary for one quarter (its ``commentary:`` log),
written or replaced as one entry: ``{quarter: 2, rag: amber, text: ..., next: ...,
written_on: 2026-10-03}``. The report shows it beside the rating.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from npmplan.write.changes import at, objective_at
from npmplan.write.transaction import Change, Make

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.write.edit import Source


def write_comment(objective_id: str, quarter: str, text: str, next_steps: str | None,
                  rag: str | None, day: str) -> Make:
    """The quarter's entry: a new one at the end of the log, or the one there replaced."""

    def make(model: Plan, src: Source) -> Change:
        from npmplan.compute.quarters import quarter_named
        from npmplan.errors import UsageError
        from npmplan.write.edit import append_item, scalar, set_fields

        loc, objective = objective_at(model, objective_id)
        try:
            chosen = quarter_named(model.plan.period, quarter)
        except ValueError as exc:
            raise UsageError(f"--quarter {quarter.strip()}: {exc}") from None
        plain: dict[str, Any] = {"quarter": str(chosen.number)}
        plain |= {"rag": rag} if rag else {}
        plain |= {"text": text.strip()}
        plain |= {"next": next_steps.strip()} if next_steps else {}
        plain |= {"written_on": day}
        written = {k: v if k in ("quarter", "rag", "written_on") else scalar(v, quote=True)
                   for k, v in plain.items()}
        index = next((i for i, c in enumerate(objective.commentary)
                      if c.quarter == chosen.number), None)
        if index is None:
            splices = append_item(src, loc, "commentary", written)
            said = "written"

            def expect(data: Any) -> None:
                owner = at(data, loc)
                owner["commentary"] = (owner.get("commentary") or []) + [plain]
        else:
            place = (*loc, "commentary", index)
            old = src.data_at(place)
            splices = set_fields(src, place, {k: written.get(k) for k in
                                              ("rag", "text", "next", "written_on") if
                                              k in written or k in old})
            said = f"replaced (was written on {objective.commentary[index].written_on})"

            def expect(data: Any) -> None:
                entry = at(data, place)
                for key in ("rag", "text", "next", "written_on"):
                    entry.pop(key, None)
                entry.update({k: v for k, v in plain.items() if k != "quarter"})
        rated = f", rated {rag}" if rag else ""
        return Change(splices, expect,
                      f"{objective.id}: the commentary for {chosen.words}{rated} is {said}",
                      f"{objective.id}: commentary for Q{chosen.number}")

    return make
