"""The ``npmplan`` entry point (also ``python -m npmplan``).

``--version`` is answered here, before typer, pydantic or rich are imported: it is the
one command whose cost is nothing but Python's own start-up. Every other command runs
through ``startup`` (the garbage collector paused, no heap teardown at exit).
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]) and sys.stdout is not None:
        from npmplan import __version__

        print(f"npmplan {__version__}")
        return
    from npmplan import startup

    startup.end(startup.run())


if __name__ == "__main__":
    main()
