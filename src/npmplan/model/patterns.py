"""The plan's value forms as JSON Schema patterns, so that an editor refuses what ``validate``
refuses (``tests/test_schema_agreement.py`` holds the two to each other).

Each pattern mirrors a parser in ``dates`` or a value type in ``plan``: real month (01-12)
and day ranges (29 February only in a leap year), years 1900-2999, ASCII digits only,
English month and season names in any case. They are written in the common subset of
ECMAScript (the editor's) and Python (``check-jsonschema``'s) regular expressions: no flags,
no ``\\d``, and anchored with ``^...$`` since JSON Schema patterns are not anchored.

What no pattern can say is a comparison: a range whose end is before its start is refused
by ``validate`` only (``reversed-range``), like the rules across fields.
"""

from __future__ import annotations

from npmplan.model.dates import MONTH_NAMES, SEASONS

_SPACE = r"[ \t\n\r\f\v]"  # the whitespace inside a value (dates' patterns are re.ASCII)
_CONTROL = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"


def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c}]" for c in word)


def _words(words: list[str]) -> str:
    return "(" + "|".join(_any_case(w) for w in sorted(words, key=len, reverse=True)) + ")"


YEAR = "(19[0-9]{2}|2[0-9]{3})"
_LEAP_YEAR = "((19|2[0-9])([02468][48]|[13579][26]|[2468]0)|2000|2400|2800)"
ISO_MONTH = f"{YEAR}-(0[1-9]|1[0-2])"
NAMED_MONTH = f"{_words(list(MONTH_NAMES))}\\.?,?{_SPACE}+{YEAR}"
MONTH = f"({ISO_MONTH}|{NAMED_MONTH})"
DAY = (f"({YEAR}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
       f"|{YEAR}-(0[469]|11)-(0[1-9]|[12][0-9]|30)"
       f"|{YEAR}-02-(0[1-9]|1[0-9]|2[0-8])"
       f"|{_LEAP_YEAR}-02-29)")
_MONTH_OR_DAY = f"({DAY}|{MONTH})"
_RANGE = f"{_MONTH_OR_DAY}\\s*\\.\\.\\s*{_MONTH_OR_DAY}"
QUARTER = f"{YEAR}-[Qq][1-4]"
SEASON = f"{_words(list(SEASONS))}{_SPACE}+{YEAR}"


def _whole(body: str) -> str:
    return f"^\\s*({body})\\s*$"


# A schedule's months: a month, a day (counts in its month) or a range A..B.
MONTHS = _whole(f"{_MONTH_OR_DAY}(\\s*\\.\\.\\s*{_MONTH_OR_DAY})?")
PERIOD = _whole(_RANGE)
WHEN = _whole(f"{_words(['ongoing', 'quarterly', 'tbc'])}|{QUARTER}|{SEASON}|{_MONTH_OR_DAY}"
              f"(\\s*\\.\\.\\s*{_MONTH_OR_DAY})?")
DONE_ON = _whole(_MONTH_OR_DAY)
ONE_MONTH = _whole(MONTH)  # an occurrence of a series: one month

# Numbers as text (quoted, or as npmplan reads them): the YAML 1.2 spellings of a whole number.
_ZEROS = r"(\.0*)?"
_POSITIVE = f"\\+?0*[1-9][0-9]*{_ZEROS}|0x0*[1-9a-fA-F][0-9a-fA-F]*|0o0*[1-7][0-7]*"
POSITIVE = _whole(_POSITIVE)
NOT_NEGATIVE = _whole(f"[-+]?(0+{_ZEROS}|\\.0+)|0x0+|0o0+|{_POSITIVE}")
ONE = _whole(f"\\+?0*1{_ZEROS}|0x0*1|0o0*1")
BOOLEAN = _whole("true|True|TRUE|false|False|FALSE")

# Text: something other than spaces, and no control or bidi character.
TEXT = f"^[^{_CONTROL}]*[^\\s{_CONTROL}][^{_CONTROL}]*$"
# An id: text with nothing around it and on one line. ("$(?!\\n)": Python's "$" also
# matches before a final line break, ECMAScript's does not.)
# What an id must not hold besides: the characters ``values._invisible`` refuses (controls,
# format marks, odd spaces, separators) in the Basic Multilingual Plane, written out so that
# no import scans Unicode (tests/test_patterns.py checks it against unicodedata).
INVISIBLE = (r"\u0000-\u001f\u007f-\u00a0\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891"
             r"\u08e2\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000"
             r"\ufeff\ufff9-\ufffb")
_NOT_IN_ID = _CONTROL + INVISIBLE
ID = f"^[^\\s{_NOT_IN_ID}]([^\\n{_NOT_IN_ID}]*[^\\s{_NOT_IN_ID}])?$(?!\\n)"
