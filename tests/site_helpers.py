"""Shared by the site's tests: building a site with the CLI, and reading its pages as a
reader's browser would (every link, every resource, every page parsed strictly)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import REAL_PLAN, Run

AS_OF = "2026-12-05"
# Links a page may make to another site, as plain text links a reader follows (never
# loaded by the page itself): the accessibility statement's references.
ALLOWED_EXTERNAL = ("https://mcmw.abilitynet.org.uk/", "https://www.equalityadvisoryservice.com/",
                    "https://www.w3.org/TR/WCAG22/")


def build(run: Run, out: Path, plan: Path = REAL_PLAN, as_of: str = AS_OF,
          *args: str) -> Path:
    made = run("site", "-o", str(out), "--as-of", as_of, "--plan", str(plan), *args)
    assert made.exit_code == 0, made.output
    return out


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class Links(HTMLParser):
    """Every href and src of a page, with the tag, and the ids it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append((tag, name, value))
            if name == "id" and value:
                self.ids.add(value)


def links_of(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every link or resource of every page that does not lead to a file of the site (or to
    an id on its page), and every reference to another site but the allowed text links."""
    broken = []
    ids = {page: links_of(page).ids for page in pages(site)}
    for page in pages(site):
        for tag, _, value in links_of(page).links:
            parts = urlsplit(value)
            if parts.scheme or parts.netloc:
                if not (tag == "a" and value in ALLOWED_EXTERNAL):
                    broken.append(f"{page.relative_to(site)}: {value} leaves the site")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file() or not target.is_relative_to(site.resolve()):
                broken.append(f"{page.relative_to(site)}: {value} leads nowhere")
            elif parts.fragment and parts.fragment not in ids.get(target, set()):
                broken.append(f"{page.relative_to(site)}: {value} has no such id")
    return broken
