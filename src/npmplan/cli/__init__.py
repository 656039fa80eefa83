"""The typer commands: one module per command, thin over compute, render and write; what
they share by what it does: ``options``, ``plans`` (which plan, and reading it), ``filters``,
``dates``, ``messages``, and ``editing`` for the editing commands."""
