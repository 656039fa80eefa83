"""Each JSON Schema pattern accepts exactly what its parser accepts (property tests).

The texts are built from the pieces dates and numbers are made of, plus spaces of every
sort, look-alike digits and stray characters, so that near misses are tried far more often
than random text would try them. Python's ``re.search`` is what check-jsonschema uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from npmplan.model import dates, patterns
from npmplan.model.values import _whole_number, _yaml_whole, text_value
from npmplan.read.loader import CONTROL

DATE_PIECES = ["2026", "2028", "2100", "2000", "1899", "1900", "2999", "3000", "-", "0", "1",
               "2", "3", "9", "02", "04", "09", "11", "12", "13", "28", "29", "30", "31", "..",
               ".", ",", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "Q", "q", "Sep", "sept",
               "SEPTEMBER", "jul", "May", "Febr", "summer", "Winter", "spring", "ongoing",
               "TBC", "x", "/", "２", "T", ":"]
NUMBER_PIECES = ["0", "1", "3", "9", "00", "+", "-", ".", "0x", "0o", "a", "F", "g", "8",
                 " ", "\t", "３", "_", ","]


def pieces(parts: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(parts), max_size=9).map("".join)


def well_formed() -> st.SearchStrategy[str]:
    """Real and nearly real dates: any year, month 0-13, day 0-32, in every form."""
    year, month, day = (st.integers(1898, 3001), st.integers(0, 13), st.integers(0, 32))
    iso_month = st.builds(lambda y, m: f"{y}-{m:02d}", year, month)
    iso_day = st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", year, month, day)
    named = st.builds(lambda n, y, sep: f"{n}{sep}{y}", st.sampled_from(
        [*dates.MONTH_NAMES, "Sept.", "JUNE", "Mai", "Jul"]), year,
        st.sampled_from([" ", ", ", ". ", "  ", ""]))
    one = st.one_of(iso_month, iso_day, named)
    return st.one_of(one, st.builds(lambda a, b: f"{a}..{b}", one, one))


def accepts(parse: Callable[[str], Any], text: str) -> bool:
    try:
        parse(text)
    except (dates.ReversedRangeError, dates.PeriodTooLongError):
        return True  # the schema cannot compare the two ends: a rule of validate's alone
    except ValueError:
        return False
    return True


def matches(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


texts = st.one_of(pieces(DATE_PIECES), well_formed())


@given(texts)
@example("2026-09\n")
@example("2028-02-29")
def test_when(text: str) -> None:
    assert matches(patterns.WHEN, text) == accepts(dates.parse_when, text)


@given(texts)
def test_months(text: str) -> None:
    assert matches(patterns.MONTHS, text) == accepts(dates.parse_months, text)


@given(texts)
def test_period(text: str) -> None:
    assert matches(patterns.PERIOD, text) == accepts(dates.parse_period, text)


def test_the_invisible_characters_of_ids_are_written_out_in_full() -> None:
    import re
    import unicodedata

    from npmplan.model.values import _invisible

    pattern = re.compile(f"[{patterns.INVISIBLE}]")
    assert unicodedata.unidata_version  # the table below is of the running Python's data
    for code in range(0x10000):
        if not 0xD800 <= code <= 0xDFFF:
            char = chr(code)
            assert bool(pattern.match(char)) == _invisible(char), f"U+{code:04X}"


@given(texts)
def test_done_on(text: str) -> None:
    assert matches(patterns.DONE_ON, text) == accepts(dates.parse_done_on, text)


def whole(text: str) -> int | None:
    try:
        return _whole_number(text)
    except ValueError:  # PydanticCustomError is a ValueError
        return None


@given(pieces(NUMBER_PIECES))
@example("0x3")
@example("+3")
@example("3.")
def test_numbers(text: str) -> None:
    # Exponents ("1e1") are whole numbers in YAML 1.2 that the patterns leave out: a plain
    # 1e1 is a number to the editor, so only a quoted "1e1" could tell the two apart.
    assume(not re.search(r"[0-9.][eE][-+]?[0-9]", text))
    number = whole(text)
    assert matches(patterns.POSITIVE, text) == (number is not None and number >= 1)
    assert matches(patterns.NOT_NEGATIVE, text) == (number is not None)
    assert matches(patterns.ONE, text) == (_yaml_whole(text.strip()) == 1)


@given(st.text(st.characters(codec="utf-8"), max_size=6))
@example("\u202e")
@example(" \u3000")
@example("a\u2028b")  # a line separator: validate refuses it, so the editor marks it too
@example("a\u2029b")
def test_text(text: str) -> None:
    try:
        text_value(text)
        good = not CONTROL.search(text)
    except ValueError:
        good = False
    assert matches(patterns.TEXT, text) == good


@pytest.mark.slow
def test_the_patterns_mean_the_same_in_ecmascript(tmp_path: Any) -> None:
    """The editor runs the patterns as JavaScript regular expressions (``u`` flag): with
    Node.js, each gives the same answer as Python's on the edits and examples."""
    import json
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        import pytest

        pytest.skip("node is not installed; the ECMAScript reading is not checked")
    names = ["WHEN", "MONTHS", "PERIOD", "DONE_ON", "POSITIVE", "NOT_NEGATIVE", "ONE",
             "BOOLEAN", "TEXT", "ID"]
    samples = ["2026-09", " 2026-09-30 ", "2026-09-31", "2028-02-29", "2100-02-29",
               "Sep 2026", "sept., 2026", "2026-Q3", "summer 2026", "ONGOING", "tbc",
               "2026-06..Aug 2026", "2026-9", "２０２６-09", "2026-09\n", "1.1", " 1.1",
               "1.1\n", "3", "+3", "0x3", "0o7", "3.0", "3.", ".0", "0", "-1", "３", "true",
               "TRUE", "tRUE", "", "   ", "a\u202eb", "text\twith tab", "line\nbreak"]
    expected = {name: [matches(getattr(patterns, name), s) for s in samples] for name in names}
    script = ("const [p, s] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const out = {}; for (const [n, rx] of Object.entries(p)) {"
              "const r = new RegExp(rx, 'u'); out[n] = s.map(x => r.test(x)); }"
              "console.log(JSON.stringify(out));")
    given_patterns = {name: getattr(patterns, name) for name in names}
    done = subprocess.run([node, "-e", script], input=json.dumps([given_patterns, samples]),
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == expected
