"""Changes to plan files: a new year's plan, edits that keep every other byte (``changes``,
made and checked as one ``transaction``)."""
