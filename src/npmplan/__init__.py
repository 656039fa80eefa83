"""npmplan: the UK NPM Secretariat's business plan as a validated, computed YAML file.

The data flows one way: ``read`` (bytes → data + positions) → ``model`` (pydantic) →
``check`` (rules) → ``compute`` (every figure, once) → ``render`` (the formats); ``write``
changes plan files, and ``cli`` is a thin typer layer with a module per command.
"""

__version__ = "0.1.0"
