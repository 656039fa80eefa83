"""Many changes as one edit: ``batch`` composes the ``Make`` of each editing command into
one, for ``transaction.edit`` to check and write once (``npmplan import``).

Changes to different places (each change has a key: its milestone, or an objective's
commentary) are made together on the text as read, as their splices do not meet; changes
to the same place, or whose splices would meet, are made in a later round, on the text the
round before left, read again, exactly as two commands run one after the other would. So
an import of a hundred rows reads the plan again once or twice, not a hundred times. The
whole is one splice of the file's text, checked by the transaction as any edit is (valid,
exactly the changes asked for) and written atomically, or not at all.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from npmplan.write.transaction import Change, Make

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.write.edit import Source, Splice

Keyed = tuple[Hashable, Make]  # a change, and the place it changes


def batch(makes: list[Keyed], summary: str, commit: str) -> Make:
    """One ``Make`` for ``makes``, each place's in order; ``summary`` and ``commit`` word
    the whole."""

    def make(model: Plan, src: Source) -> Change:
        from npmplan.pipeline import read_document
        from npmplan.write.edit import Source

        pending, current, plan = list(enumerate(makes)), src, model
        expects = []
        while True:
            done, splices = _round(pending, plan, current)
            expects += [change.expect for _, change in sorted(done)]
            text = current.apply(splices)
            made = {number for number, _ in done}
            pending = [(n, keyed) for n, keyed in pending if n not in made]
            if not pending or text == current.text:
                break
            raw = src.encode(text)
            document, result = read_document(raw, src.file)
            if result.plan is None:
                break  # the transaction reads the whole and says what is invalid
            current, plan = Source(src.file, raw, document), result.plan

        def expect(data: Any) -> None:
            for each in expects:
                each(data)

        return Change([(0, len(src.text), text)], expect, summary, commit)

    return make


def _round(pending: list[tuple[int, Keyed]], plan: Plan, current: Source
           ) -> tuple[list[tuple[int, Change]], list[Splice]]:
    """The changes made together this round: the first pending change of each place whose
    splices meet none taken before it."""
    keys: set[Hashable] = set()
    done: list[tuple[int, Change]] = []
    spans: list[tuple[int, int]] = []  # the splices taken, as sorted (start, end)
    for number, (key, one) in pending:
        if key in keys:
            continue
        keys.add(key)
        change = one(plan, current)
        if done and any(_meets(spans, start, end) for start, end, _ in change.splices):
            continue  # the next round, on the text this one leaves
        done.append((number, change))
        for start, end, _ in change.splices:
            bisect.insort(spans, (start, end))
    return done, [splice for _, change in done for splice in change.splices]


def _meets(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end] touch or overlap a taken span (an insertion at the end of another
    span touches it)? The spans taken never overlap, so only the neighbours can."""
    at = bisect.bisect_left(spans, (start, end))
    return any(s <= end and start <= e for s, e in spans[max(at - 1, 0):at + 1])
