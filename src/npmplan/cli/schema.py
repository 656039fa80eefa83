"""``npmplan schema``: the JSON Schema editors use to check a plan as you type."""

from __future__ import annotations

import typer


def schema() -> None:
    """The JSON Schema of the plan format.

    schemas/plan.schema.json is this output; editors use it to check a plan as you type.
    """
    from npmplan.model.schema import plan_schema
    from npmplan.render.jsonfmt import dumps

    typer.echo(dumps(plan_schema()))
