"""The shell every page of the site shares: ``lang="en-GB"``, the skip link first, a
generic header naming the plan's organisation, breadcrumbs, ``main``, and a footer that
links every download and the accessibility statement. All plan text goes through
:func:`esc`; links are relative, so the site works from any folder or host."""

from __future__ import annotations

import html
from dataclasses import dataclass

from npmplan import __version__
from npmplan.model.plan import Plan
from npmplan.render.html_page import page_start
from npmplan.text import one_line

DOWNLOADS = (  # (file name in downloads/, what it is)
    ("plan.docx", "The plan document (Word, docx)"),
    ("plan.xlsx", "The spreadsheet (Excel, xlsx)"),
    ("plan.ics", "The milestones as a calendar (iCalendar, ics)"),
    ("plan.json", "The whole plan, computed (JSON)"),
)
TAG_WORD = {"red": "Red", "amber": "Amber", "green": "Green", "complete": "Complete"}


def esc(value: str) -> str:
    """Plan text for an element or an attribute: one line, controls dropped, escaped."""
    return html.escape(one_line(value), quote=True)


def tag(css: str, words: str) -> str:
    """A GOV.UK-style tag: its colour and its word, so it reads without colour."""
    return f'<strong class="tag tag-{css}">{esc(words)}</strong>'


def rating_tag(rating: str) -> str:
    return tag(rating, TAG_WORD.get(rating, rating))


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its path from the site's root, title, breadcrumbs and body."""

    path: str  # e.g. "reports/q2.html"
    title: str  # plain text: escaped when laid out
    crumbs: tuple[tuple[str, str], ...]  # (path from the root, words), before this page
    body: str  # HTML, made by the page modules

    @property
    def root(self) -> str:
        """The relative way back to the site's root from this page."""
        return "../" * self.path.count("/")


def layout(plan: Plan, page: Page) -> str:
    """The whole HTML document of ``page``."""
    info = plan.plan
    root = page.root
    org = info.organisation or info.title
    crumbs = ""
    if page.crumbs:
        items = "".join(f'<li><a href="{root}{href}">{esc(words)}</a></li>'
                        for href, words in page.crumbs)
        crumbs = (f'<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>{items}'
                  f'<li aria-current="page">{esc(page.title)}</li></ol></nav>')
    parts = [
        *page_start(f"{esc(page.title)} – {esc(info.title)}",
                    f'<link rel="stylesheet" href="{root}style.css">'),
        '<a class="skip" href="#main">Skip to main content</a>',
        f'<header class="header"><div class="wrap"><a href="{root}index.html">'
        f'{esc(info.title)}</a><span class="org">{esc(org)}</span></div></header>',
        f'<div class="wrap">{crumbs}',
        f'<main id="main" tabindex="-1">{page.body}</main>',
        "</div>",
        _footer(root),
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _footer(root: str) -> str:
    links = "".join(f'<li><a href="{root}downloads/{name}">{esc(words)}</a></li>'
                    for name, words in DOWNLOADS)
    pages = (f'<li><a href="{root}index.html">Home</a></li>'
             f'<li><a href="{root}calendar.html">Calendar of actions</a></li>'
             f'<li><a href="{root}accessibility.html">Accessibility statement</a></li>')
    return ('<footer><div class="wrap"><h2>Downloads</h2>'
            f"<ul>{links}</ul><h2>This site</h2><ul>{pages}</ul>"
            f'<p class="hint">Made with npmplan {esc(__version__)} from the plan file.</p>'
            "</div></footer>")


def scroll(label: str, table: str) -> str:
    """A table in a box of its own that scrolls sideways when the screen is narrower (at
    400% zoom the page itself never does), reachable and named for the keyboard."""
    return f'<section class="scroll" aria-label="{esc(label)}" tabindex="0">{table}</section>'


def summary_list(rows: list[tuple[str, str]]) -> str:
    """A GOV.UK summary list: each (key, value HTML) a row; empty values are left out."""
    items = "".join(f"<div><dt>{esc(key)}</dt><dd>{value}</dd></div>"
                    for key, value in rows if value)
    return f'<dl class="summary">{items}</dl>'


def bullet_list(items: list[str]) -> str:
    """Plain texts as a list, each escaped; "None" when there are none."""
    if not items:
        return '<p class="hint">None</p>'
    return '<ul class="items">' + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>"
