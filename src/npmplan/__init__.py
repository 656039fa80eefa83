"""npmplan: the UK NPM Secretariat's business plan as a validated, computed YAML file.

The data flows one way: ``loader`` (bytes → data + positions) → ``model`` (pydantic) →
``checks`` (rules across fields) → ``schedule`` (pure computations) → ``render`` (outputs).
``cli`` is a thin typer layer over these steps.
"""

__version__ = "0.1.0"
