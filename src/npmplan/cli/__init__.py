"""The typer commands: one module per command, thin over compute and render."""
