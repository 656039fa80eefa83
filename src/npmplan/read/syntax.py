"""YAML's own errors, in words an officer can act on.

libyaml says "did not find expected <document start>" or "found character that cannot
start any token"; an officer needs to hear which line, what is wrong there and what to
write instead. Each case below was met in a damaged copy of the real plan (the fuzz
suite); anything else gets a plain fallback that quotes none of libyaml's words.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from npmplan.rules import catalogue as rules
from npmplan.rules.problems import Problem


def control_problem(file: str, line: int, column: int, char: str, path: str) -> Problem:
    if char in "\u2028\u2029":
        return rules.CONTROL_CHARACTER.problem(
            file, line, column, f"the character U+{ord(char):04X} (a line or paragraph "
            "separator, often pasted from Word) would be read as a line break and split the "
            "text; replace it with a space", path)
    return rules.CONTROL_CHARACTER.problem(
        file, line, column, f"the invisible control character U+{ord(char):04X} is not "
        "allowed in a plan (it can hide or reorder text); delete it and retype the text "
        "around it", path)


def _row(text: str, line: int) -> str:
    rows = text.split("\n")
    return rows[line - 1] if 0 < line <= len(rows) else ""


def _is_tab(text: str, line: int, column: int) -> bool:
    """Is the character libyaml stopped at, or the indentation before it, a tab?"""
    row = _row(text, line)
    return "\t" in row[: max(column, len(row) - len(row.lstrip()))]


def _colon_hint(text: str, line: int, column: int) -> str:
    """A ': ' where YAML wants none: a key indented too far, or text that needs quotes."""
    row = _row(text, line)
    before = row[: column - 1]
    if ": " not in before and before.strip():  # the line is just `key:` at the wrong depth
        return (f"'{before.strip()}:' is indented differently from the keys above it; line "
                "it up with them (spaces only)")
    key, _, value = row.strip().partition(": ")
    if key and value and '"' not in value:
        return (f"the text after '{key}:' contains ': ', which YAML reads as a new key; put "
                f'the text in double quotes: {key}: "{value}"')
    return "a ': ' cannot appear here; if it is part of the text, put the text in double quotes"


def _char_at(text: str, line: int, column: int) -> str:
    row = _row(text, line)
    return row[column - 1] if 0 < column <= len(row) else ""


def _start_hint(text: str, line: int, column: int) -> str:
    char = _char_at(text, line, column) or "this character"
    return (f"a text cannot start with '{char}' in YAML; put the whole text in double "
            'quotes, e.g. "' + char + '..."')


def _key_hint(text: str, line: int, _column: int) -> str:
    key = _row(text, line).strip()
    name, colon, value = key.lstrip("- ").partition(":")
    if colon and value and not value[0].isspace() and name.isidentifier():
        return (f"YAML needs a space after the colon: write '{name}: {value[:40]}' instead "
                f"of '{name}:{value[:40]}'")
    if key:
        return (f"the line '{key[:40]}' has no ':' after its key; write it as "
                f"'{key[:40]}: value', remove it, or close a quote left open above it")
    return "a line here has no ':' after its key; add one, or close a quote left open above it"


# (words in libyaml's problem or context, the message, or a function of the text and mark)
_HINTS: tuple[tuple[str, str | Callable[[str, int, int], str]], ...] = (
    ("mapping values are not allowed", _colon_hint),
    ("cannot start any token", _start_hint),
    ("while scanning an anchor", "a text cannot start with '&' in YAML (it marks an anchor, "
     "which plans do not use); put the whole text in double quotes"),
    ("while scanning an alias", "a text cannot start with '*' in YAML (it marks an alias, "
     "which plans do not use); put the whole text in double quotes"),
    ("block sequence entries are not allowed", "a list item ('- ') cannot follow a key on "
     "the same line; put it on the next line, indented, or put the text in double quotes"),
    ("while scanning a block scalar", "after '|' or '>' the text must start on the next "
     "line, indented; move it there, or put the text in double quotes instead"),
    ("directive", "a line cannot start with '%' in YAML; put the text in double quotes, or "
     "remove the line"),
    ("expected <document start>", "this line follows a value that has no key; give the line "
     "above a key ('key: value') or remove it, and check the indentation"),
    ("did not find expected node content", "a value is missing here; write it, or put text "
     "that contains ':', '[' or '{' in double quotes"),
    ("did not find expected key", "this line does not line up with the keys above it; "
     "indent it like its neighbours (spaces only), and check for a stray ']' or '}'"),
    ("expected <block end>", "this line is indented differently from the lines above; line "
     "it up with the others (spaces only), or put text with ': ' in double quotes"),
    ("did not find expected '-' indicator", "a list item here is missing its '- ', or is "
     "indented differently from the items above; line them up"),
    ("did not find expected ',' or ']'", "a list in [ ] brackets is not closed, or has text "
     "with ': ' or '#' that needs quotes; add the ']' or quote the text"),
    ("did not find expected ',' or '}'", "a mapping in { } braces is not closed, or has text "
     "with ': ' or '#' that needs quotes; add the '}' or quote the text"),
)
FALLBACK = ("this line is not valid YAML; check its indentation (spaces only), and that "
            "quotes and brackets are closed")


def _char_index(text: str, exc: yaml.reader.ReaderError) -> int:
    """libyaml gives the byte offset in UTF-8; the pure-Python reader the character index."""
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    if 0 <= exc.position < len(text) and text[exc.position] == char:
        return int(exc.position)
    return len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore"))


# --- hand edits: quotes pasted from Word, odd spaces -----------------------------------------

CURLY = {"\u201c": "“", "\u201d": "”", "\u201e": "„", "\u2018": "‘", "\u2019": "’"}
NEAR = 12  # lines above the error where an unclosed quote may have started
LONG = 2000  # characters of a line looked at: a hint needs no more


def _rows_before(text: str, line: int) -> list[tuple[int, str]]:
    rows = text.split("\n", line)[:line]
    first = max(1, line - NEAR)
    return [(n, rows[n - 1][:LONG]) for n in range(first, min(line, len(rows)) + 1)]


def _opening(row: str, quote: str) -> int:
    """Where a quoted value opens on ``row`` (after ``key: ``, ``- ``, ``[``, ``{`` or
    ``,``), or -1."""
    at = row.find(quote)
    while at != -1:
        before = row[:at].rstrip()
        if not before or before.endswith((":", "-", "[", "{", ",")):
            return at
        at = row.find(quote, at + 1)
    return -1


def _curly_close(row: str, quote: str) -> tuple[int, str] | None:
    """A value opened with a straight quote and never closed on its line, but with a curly
    quote after it: the closing quote was pasted from Word."""
    start = _opening(row, quote)
    if start == -1 or row.count(quote, start + 1) != 0:
        return None
    curly = [(row.find(c, start + 1), c) for c in CURLY.values()]
    found = [(at, c) for at, c in curly if at != -1]
    return min(found) if found else None


def _early_close(row: str, quote: str) -> int:
    """A quote inside a quoted value that ends it early (``'Secretariat's review'``)."""
    start = _opening(row, quote)
    if start == -1:
        return -1
    end = row.find(quote, start + 1)
    while end != -1 and quote == "'" and row[end + 1:end + 2] == "'":
        end = row.find(quote, end + 2)  # '' is an apostrophe inside single quotes
    follows = row[end + 1:end + 2] if end != -1 else ""
    return end if follows.isalnum() else -1


def _quote_hint(text: str, line: int) -> tuple[int, int, str] | None:
    for number, row in _rows_before(text, line):
        for quote, name in (('"', "double quote"), ("'", "single quote")):
            curly = _curly_close(row, quote)
            if curly is not None:
                return (number, curly[0] + 1, f"the text opened with a straight {name} ({quote}) "
                        f"is closed with a curly one ({curly[1]}), as pasted from Word, which "
                        f"YAML does not read as a quote: replace {curly[1]} with {quote}")
            end = _early_close(row, quote)
            if end != -1 and quote == "'":
                return (number, end + 1, "the apostrophe here ends the text in single quotes "
                        "early; write it twice ('') or put the whole text in double quotes "
                        '("Secretariat\'s review")')
            if end != -1:
                return (number, end + 1, "the double quote here ends the quoted text early; "
                        "write it as \\\" or put the whole text in single quotes")
    return None


def _space_hint(text: str, line: int) -> tuple[int, int, str] | None:
    """A non-breaking (or other unusual) space where YAML needs a plain one: in the
    indentation, after '-', or after a key's ':'."""
    for number, row in reversed(_rows_before(text, line)[-3:]):
        places = [len(row) - len(row.lstrip(" -"))]  # after the indentation and any '-'
        colon = row.find(":")
        if colon != -1:
            places.append(colon + 1)
        for at in places:
            char = row[at:at + 1]
            if char.isspace() and char not in " \t":
                return (number, at + 1, f"the invisible character U+{ord(char):04X} (a "
                        "non-breaking or other special space, often pasted from Word) stands "
                        "where YAML needs an ordinary space; replace it with a space")
    return None


def _no_space_hint(text: str, line: int) -> tuple[int, int, str] | None:
    """``when:2026-10`` on the line of the error or the one above: a key with no space after
    its colon, which YAML reads as a text (and then the next key seems misplaced)."""
    for number, row in reversed(_rows_before(text, line)[-2:]):
        body = row.lstrip(" -")
        name, colon, value = body.partition(":")
        if (colon and value[:1].isalnum() and name.isidentifier() and name.islower()
                and len(name) <= 20 and not body.startswith("#")):
            column = len(row) - len(body) + len(name) + 1
            return (number, column, f"YAML needs a space after the colon: write "
                    f"'{name}: {value[:40]}' instead of '{name}:{value[:40]}'")
    return None


def hand_edit_problem(file: str, text: str, line: int) -> Problem | None:
    """A hand edit that broke the YAML at or above ``line``, named where it is."""
    found = _space_hint(text, line) or _quote_hint(text, line) or _no_space_hint(text, line)
    if found is None:
        return None
    return rules.SYNTAX.problem(file, found[0], found[1], found[2])


def syntax_problem(file: str, exc: yaml.YAMLError, text: str) -> Problem:
    """A YAML error as a located problem, in words an officer can act on."""
    if isinstance(exc, yaml.reader.ReaderError):
        index = _char_index(text, exc)
        line_start = text.rfind("\n", 0, index) + 1
        line, column = text.count("\n", 0, index) + 1, index - line_start + 1
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        return control_problem(file, line, column, char, "")
    if not isinstance(exc, yaml.MarkedYAMLError):  # pragma: no cover - PyYAML raises marked ones
        return rules.SYNTAX.problem(file, 1, 1, FALLBACK)
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    hand = hand_edit_problem(file, text, line)
    if hand is not None:  # a pasted quote or space above: its own place, not libyaml's
        return hand
    line, column, message = _marked_message(exc, text, line, column)
    return rules.SYNTAX.problem(file, line, column, message)


def _marked_message(exc: yaml.MarkedYAMLError, text: str, line: int,
                    column: int) -> tuple[int, int, str]:
    problem = exc.problem or ""
    context = exc.context or ""
    if "escape" in problem or "hexdecimal" in problem:
        return line, column, ("a backslash (\\) inside double quotes starts an escape code; put "
                              "the text in single quotes instead ('C:\\Users\\...'), or write "
                              "each \\ as \\\\")
    marked = exc.problem_mark or exc.context_mark
    if "'\\t'" in problem or (marked is not None and _is_tab(text, line, column)):
        return line, column, ("a tab is used for indentation; YAML needs spaces: replace the "
                              "tab with spaces")
    if "quoted scalar" in context and exc.context_mark and "end of stream" in problem:
        return (exc.context_mark.line + 1, exc.context_mark.column + 1,
                "this quoted text is never closed; add the closing quote mark")
    if "nesting depth" in problem:
        return line, column, "the file is nested far too deeply to be a plan; check the brackets"
    if "could not find expected ':'" in problem and exc.context_mark:
        line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
        return line, column, _key_hint(text, line, column)
    words = f"{problem} | {context}"
    hint = next((h for key, h in _HINTS if key in words), FALLBACK)
    return line, column, hint if isinstance(hint, str) else hint(text, line, column)
