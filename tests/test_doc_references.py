"""Every file the README and docs/*.md name exists: each relative link (and its anchor) and
each repository path written in backticks.

A path in backticks is one word with a ``/`` or a file's suffix: ``docs/commands.md``,
``benchmarks/bench.py``, ``.ci/run``, ``tests/golden/``. It is looked for from the document's
folder, from the top of the repository and from ``src/npmplan/`` (the docs write modules as
``render/formats.py``). A bare module or document name (``dates.py``) must be a file of that
name in the repository. ``NAME`` in a path stands for any name, and a glob (``render/*.py``)
must match at least one file.

Not references, and left alone: URLs, command lines (anything with a space), options
(``--from/--to``), ``REV:PATH`` and other words with ``:`` or ``=``, absolute paths (``/tmp``),
paths in the user's home (``~``, ``$HOME``) or in ``.venv/``, and anything inside a
fenced code block (commands and their output).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "npmplan"
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# Files the documents name that a command makes, not the repository: the next year's plan
# that the guide has `npmplan new` write.
MADE_BY_COMMANDS = {"plans/2027-28.yaml"}
# What a path says "any name here" with: render/reports/NAME.py, compute/NAME.py.
PLACEHOLDERS = {"NAME", "FILE", "PATH", "ID"}
SUFFIXES = {".md", ".py", ".yaml", ".yml", ".json", ".png", ".toml", ".txt", ".csv"}
BARE_SUFFIXES = {".md", ".py"}  # a bare data file name (old.yaml, mutant.yaml) is an example
NOT_IN_THE_REPOSITORY = {".venv", ".git"}
SEARCHED = [ROOT / "src", ROOT / "tests", ROOT / "docs", ROOT / "benchmarks"]  # bare names

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[ \t]*$", re.M | re.S)
CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
HTML = re.compile(r"\b(?:src|href)=\"([^\"]+)\"")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)


@dataclass(frozen=True)
class Reference:
    line: int
    kind: str  # "link" or "path"
    text: str  # as written


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every match of ``pattern`` turned to spaces, line breaks kept, so that
    offsets (and so line numbers) stay as they were."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


def references(text: str) -> list[Reference]:
    """The links and backticked paths of a Markdown text, outside fenced code blocks."""
    prose = _blank(text, FENCE)

    def line(offset: int) -> int:
        return prose.count("\n", 0, offset) + 1

    found = [Reference(line(m.start()), "path", m[2].strip()) for m in CODE.finditer(prose)
             if is_path(m[2].strip())]
    outside_code = _blank(prose, CODE)
    for pattern in (LINK, DEFINITION, HTML):
        found += [Reference(line(m.start()), "link", m[1]) for m in pattern.finditer(outside_code)
                  if not SCHEME.match(m[1])]
    return sorted(found, key=lambda r: (r.line, r.text))


def is_path(word: str) -> bool:
    """Whether a code span names a file of the repository (see the module's docstring)."""
    if (not word or any(c.isspace() for c in word) or word[0] in "-$~/<!"
            or any(c in word for c in ":={}@\\")):
        return False
    parts = word.removeprefix("./").split("/")
    if parts[0] in NOT_IN_THE_REPOSITORY or parts[0] == "..":
        return False
    suffix = Path(parts[-1]).suffix
    if len(parts) == 1:
        return suffix in BARE_SUFFIXES
    return (word.endswith("/") or suffix in SUFFIXES
            or any((base / parts[0]).is_dir() for base in (ROOT, PACKAGE)))


def _as_glob(path: str) -> str:
    return "/".join("*" + Path(part).suffix if Path(part).stem in PLACEHOLDERS else part
                    for part in path.split("/"))


def exists(path: str, folder: Path) -> bool:
    """Whether ``path`` (a backticked path or a link's file) names something from ``folder``
    (the document's), the top of the repository or the package."""
    path = path.removeprefix("./")
    if path in MADE_BY_COMMANDS:
        return True
    bases = [folder, ROOT, PACKAGE, ROOT / "src"]
    if "/" not in path.rstrip("/"):
        if any((base / path).exists() for base in bases):
            return True
        if path.endswith((".py", ".md")):
            return any(any(top.rglob(path)) for top in SEARCHED)
    if any((base / path).exists() for base in bases):
        return True
    pattern = _as_glob(path.rstrip("/"))
    if any(c in pattern for c in "*?["):
        return any(any(base.glob(pattern)) for base in bases if base.is_dir())
    return False


def anchors(document: Path) -> set[str]:
    """The anchors GitHub makes for a Markdown document's headings."""
    seen: Counter[str] = Counter()
    made = set()
    for heading in HEADING.finditer(_blank(document.read_text(encoding="utf-8"), FENCE)):
        words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading[1])
        slug = re.sub(r"[^\w\- ]", "", words.lower()).replace(" ", "-")
        made.add(slug if seen[slug] == 0 else f"{slug}-{seen[slug]}")
        seen[slug] += 1
    return made


def missing(reference: Reference, document: Path) -> str | None:
    """Why ``reference`` in ``document`` names nothing, or None when it names something."""
    if reference.kind == "path":
        return None if exists(reference.text, document.parent) else "no such file"
    target, _, anchor = reference.text.partition("#")
    path = (document.parent / target).resolve() if target else document
    if not path.exists():
        return "no such file"
    if anchor and path.suffix == ".md" and anchor not in anchors(path):
        return f"no heading makes the anchor #{anchor} in {path.relative_to(ROOT)}"
    return None


def problems_in(document: Path) -> list[str]:
    return [f"{document.relative_to(ROOT)}:{r.line}: {r.text}: {why}"
            for r in references(document.read_text(encoding="utf-8"))
            if (why := missing(r, document))]


@pytest.mark.parametrize("document", DOCUMENTS, ids=[str(d.relative_to(ROOT)) for d in DOCUMENTS])
def test_every_reference_names_a_file(document: Path) -> None:
    problems = problems_in(document)
    assert not problems, "references to nothing:\n" + "\n".join(problems)


def test_the_documents_reference_something() -> None:
    """The finder finds: the README links the docs and names the test command's files."""
    found = {r.text for r in references((ROOT / "README.md").read_text(encoding="utf-8"))}
    assert {"docs/development.md", "docs/commands.md", ".ci/run"} <= found


WRONG = """\
The loader's hazards are in `spec/yaml-hazards.md`; see [the rules](docs/rule.md),
[the guide](docs/guide.md#no-such-heading), `src/npmplan/codecash.py`, `render/format.py`,
`tests/test_nothing*.py`, `.ci/rum` and `atomc.py`.
"""


def test_a_reference_to_nothing_is_caught() -> None:
    caught = {r.text for r in references(WRONG) if missing(r, ROOT / "README.md")}
    assert caught == {"spec/yaml-hazards.md", "docs/rule.md", "docs/guide.md#no-such-heading",
                      "render/format.py", "src/npmplan/codecash.py", "tests/test_nothing*.py",
                      ".ci/rum", "atomc.py"}


RIGHT = """\
Run `python benchmarks/bench.py --runs 15` or `npmplan validate plans/*.yaml`; see
[npmplan](https://example.org/npmplan), [below](#commands), [mail](mailto:a@example.org).
`plans/*.yaml`, `render/reports/NAME.py`, `render/*.py`, `--from/--to`, `09/2026`,
`HEAD~5:plans/2026-27.yaml`, `~/plans/2026-27.yaml`, `$HOME/plans/`, `/tmp/fuzz`,
`.venv/bin/npmplan`, `old.yaml`, `plans/2027-28.yaml`, `[text](url)`, `!!python/object`.

```sh
python tests/nothing.py > /tmp/x.yaml && cat spec/nothing.md
```
"""


def test_what_is_not_a_reference_is_left_alone() -> None:
    assert [r.text for r in references(RIGHT) if missing(r, ROOT / "README.md")] == []
    assert {r.text for r in references(RIGHT)} == {
        "plans/*.yaml", "render/reports/NAME.py", "render/*.py", "plans/2027-28.yaml",
        "#commands"}
