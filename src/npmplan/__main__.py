"""``python -m npmplan``."""

from npmplan.cli import main

main()
