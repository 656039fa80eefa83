"""The rules across fields for a plan whose fields have errors, as far as they can be trusted.

The rules of ``check.cross`` read a whole, valid model. Without this, a plan with a bad
date showed that one error, and its duplicate ids and unknown leads only after the date was
fixed: an officer fixed a plan in rounds. The errors officers make most are inside a
milestone (its dates, status, note) and unknown keys; both can be set aside without
changing anything the other rules read:

- a milestone holding an error stands in as an undated one (``when: tbc``), in its place,
  so that every other item keeps its index, and so its position in the file;
- an unknown key is left out, as it would be once renamed or removed.

When every error is of those kinds, the plan is validated again with them set aside and the
rules across fields run on it; the errors they find are added, but for those inside a
set-aside milestone (warnings wait until the plan is valid, as the rest of its checks). An
error anywhere else (a team member, an id, a schedule, the period) is something other rules
read, so they do not run: a false "unknown lead" is worse than one found next time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from npmplan.check.cross import check
from npmplan.model.messages import value_at
from npmplan.model.plan import Plan
from npmplan.read.loader import Aliased
from npmplan.rules.problems import Finding, Loc

STAND_IN = {"what": "(set aside: it has an error)", "when": "tbc"}
# Past this many errors the plan is fixed in rounds anyway, and a second validation of a
# hostile file (a flood of bad dates) would only double its time.
MAX_SET_ASIDE = 1000


def cross_findings(exc: ValidationError, data: Any) -> list[Finding]:
    """What the rules across fields find in ``data`` with its errors set aside; none when
    an error is of a kind that cannot be set aside."""
    if exc.error_count() > MAX_SET_ASIDE:
        return []
    milestones: set[Loc] = set()
    unknown: set[Loc] = set()
    for error in exc.errors(include_url=False):
        if isinstance(error["input"], Aliased):
            return []  # the loader refused the file's aliases: the data is not the plan
        loc = tuple(error["loc"])
        home = _milestone(loc)
        if home is not None:
            milestones.add(home)
        elif error["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            unknown.add(loc)
        else:
            return []
    patched = _set_aside(data, milestones, unknown)
    if patched is None:
        return []
    try:
        plan = Plan.model_validate(patched)
    except ValidationError:
        return []
    return [f for f in check(plan) if f.rule.severity == "error"
            and not any(_within(f.loc, home) for home in milestones)]


def _milestone(loc: Loc) -> Loc | None:
    """The milestone an error's location is in: ``(..., "milestones", 3)``."""
    for i in range(len(loc) - 1):
        if loc[i] == "milestones" and isinstance(loc[i + 1], int):
            return loc[: i + 2]
    return None


def _within(loc: Loc, home: Loc) -> bool:
    return loc[: len(home)] == home


def _set_aside(data: Any, milestones: set[Loc], unknown: set[Loc]) -> Any:
    """``data`` with each milestone in ``milestones`` replaced by the stand-in and each key
    in ``unknown`` left out; only the containers on those paths are copied. None when a
    path does not lead through the data (a location pydantic words otherwise)."""
    copied: dict[int, Any] = {}

    def own(container: Any) -> Any:
        if id(container) not in copied:
            copy = dict(container) if isinstance(container, dict) else list(container)
            copied[id(container)] = copied[id(copy)] = copy  # a copy is its own
        return copied[id(container)]

    root = own(data) if isinstance(data, dict | list) else None
    if root is None:
        return None
    changes = [(loc, STAND_IN) for loc in milestones] + [(loc, None) for loc in unknown]
    for loc, value in changes:
        parent = _parent(root, loc, own)
        if parent is None:
            return None
        key = loc[-1]
        if value is None and isinstance(parent, dict) and key in parent:
            del parent[key]
        elif (value is not None and isinstance(parent, list) and isinstance(key, int)
              and 0 <= key < len(parent)):
            parent[key] = dict(value)
        else:
            return None
    return root


def _parent(root: Any, loc: Loc, own: Callable[[Any], Any]) -> Any:
    """The container that holds ``loc``'s last step, made the caller's own copy all the
    way down from ``root``; None when ``loc`` does not lead through the data."""
    node = root
    for step in loc[:-1]:
        child = value_at(node, (step,))
        if not isinstance(child, dict | list):
            return None
        child = own(child)
        node[step] = child
        node = child
    return node

