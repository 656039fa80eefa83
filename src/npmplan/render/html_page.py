"""The start of every npmplan HTML page (``export html`` and the site's pages): one place
for what makes a page readable and accessible before its content, the language (en-GB,
for screen readers' pronunciation), the encoding and a viewport for phones."""

from __future__ import annotations

import html

from npmplan import __version__


def page_start(title: str, style: str) -> list[str]:
    """The lines up to ``<body>``; ``title`` is escaped already, ``style`` is a ``<style>``
    or ``<link>`` element."""
    return ["<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="npmplan {html.escape(__version__)}">',
            f"<title>{title}</title>", style, "</head>", "<body>"]
