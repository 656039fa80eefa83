"""Many changes as one edit: ``batch`` composes the ``Make`` of each editing command into
one, for ``transaction.edit`` to check and write once (``npmplan import``).

Each change is made on the text the one before it left, read again, so that two changes
on one milestone (a note and a date, two meetings of a series) each see the other, exactly
as two commands run one after the other would; the whole is one splice of the file's
text, checked by the transaction as any edit is (valid, exactly the changes asked for) and
written atomically, or not at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from npmplan.write.transaction import Change, Make

if TYPE_CHECKING:
    from npmplan.model.plan import Plan
    from npmplan.write.edit import Source


def batch(makes: list[Make], summary: str, commit: str) -> Make:
    """One ``Make`` for ``makes``, in order; ``summary`` and ``commit`` word the whole."""

    def make(model: Plan, src: Source) -> Change:
        from npmplan.pipeline import read_document
        from npmplan.write.edit import Source

        text, current, plan = src.text, src, model
        expects = []
        for index, one in enumerate(makes):
            change = one(plan, current)
            expects.append(change.expect)
            text = current.apply(change.splices)
            if index == len(makes) - 1 or text == current.text:
                continue
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
