"""The loader: every scalar stays text, every YAML hazard becomes a located problem (never an
exception), aliases are never expanded, and model errors get the right line and column."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Run

from npmplan.pipeline import read_bytes, read_plan
from npmplan.read.loader import ALIASED, MapNode, load_bytes, load_text, locate
from npmplan.rules.problems import MAX_PER_RULE, Problem

PLAN_HEAD = """\
version: 1
plan:
  title: Test plan
  period: 2026-04..2027-03
strategic_objectives:
  - id: "1"
    title: One
    objectives:
"""


def rules(problems: list[Problem]) -> set[str]:
    return {p.rule for p in problems}


def where(problems: list[Problem]) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.rule) for p in problems]


def read(tmp_path: Path, text: str) -> list[tuple[int, int, str]]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return where(read_plan(path).problems)


# --- every scalar is text --------------------------------------------------------------


def test_scalars_stay_text() -> None:
    doc = load_text("x.yaml", "a: 2.10\nb: 2.1\nc: 2026-09-15\nd: no\ne: 07\nf: 1:30\n"
                              "g: 0x1F\nh: 1_000\ni: NO\nj: on\nk: true\nl: none\nm: 2026-02-30\n")
    assert doc.problems == []
    assert doc.data == {"a": "2.10", "b": "2.1", "c": "2026-09-15", "d": "no", "e": "07",
                        "f": "1:30", "g": "0x1F", "h": "1_000", "i": "NO", "j": "on",
                        "k": "true", "l": "none", "m": "2026-02-30"}


def test_nulls_are_none_unless_quoted() -> None:
    doc = load_text("x.yaml", "a: ~\nb: null\nc:\nd: '~'\ne: \"null\"\nf: ''\n")
    assert doc.data == {"a": None, "b": None, "c": None, "d": "~", "e": "null", "f": ""}


def test_scalars_in_lists_and_keys_stay_text() -> None:
    doc = load_text("x.yaml", "1.10: [2.10, 010, yes]\n")
    assert doc.data == {"1.10": ["2.10", "010", "yes"]}


def test_ids_2_10_and_2_1_are_two_ids() -> None:
    path = Path(__file__).parent / "plans/valid/ids-2.10-and-2.1.yaml"
    result = read_plan(path)
    assert result.problems == []
    assert result.plan is not None
    assert [o.id for _, o in result.plan.objectives()] == ["2.1", "2.10"]
    assert result.plan.strategic_objectives[0].id == "2"


def test_yaml_1_1_words_reach_the_model_as_written() -> None:
    path = Path(__file__).parent / "plans/valid/yaml-1.1-words-stay-text.yaml"
    result = read_plan(path)
    assert result.plan is not None, result.problems
    info, member = result.plan.plan, result.plan.team[0]
    assert (info.title, info.organisation, info.source) == ("no", "off", "2026-09-01")
    assert (member.id, member.name, member.role) == ("07", "yes", "1:30")
    assert [so.id for so in result.plan.strategic_objectives] == ["0x1F"]
    assert result.plan.objectives()[0][1].leads == ["07"]


# --- hazards: a located problem, never an exception --------------------------------------

_BOMB = ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
_BOMB += [f"lol{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
ALIAS_BOMB = ("\n".join(_BOMB) + "\n").encode()

HAZARDS: dict[str, tuple[bytes, str]] = {
    "duplicate key, top level": (b"a: 1\na: 2\n", "duplicate-key"),
    "duplicate key, nested": (b"a:\n  - b:\n      c: 1\n      c: 2\n", "duplicate-key"),
    "anchor": (b"a: &x 1\n", "alias"),
    "alias": (b"a: &x 1\nb: *x\n", "alias"),
    "merge key": (b"b: &x {c: 1}\na:\n  <<: *x\n", "alias"),
    "python tag": (b'a: !!python/object/apply:os.system ["echo hacked > /tmp/npmplan-pwned"]\n',
                   "tag"),
    "custom tag": (b"a: !custom x\n", "tag"),
    "str tag": (b"a: !!str 1\n", "tag"),
    "binary tag": (b"a: !!binary aGVsbG8=\n", "tag"),
    "tab indentation": (b"a:\n\tb: 1\n", "syntax"),
    "unclosed quote": (b'a: "never closed\nb: 2\n', "syntax"),
    "unclosed bracket": (b"a: [1, 2\nb: 3\n", "syntax"),
    "missing colon": (b"a: 1\nb\nc: 2\n", "syntax"),
    "latin-1": ("a: caf\u00e9\n".encode("latin-1"), "encoding"),
    "truncated UTF-8": (b"a: caf\xc3", "encoding"),
    "binary PNG": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32, "encoding"),
    "NUL bytes": (b"\x00" * 16, "control-character"),
    "UTF-16 without a BOM": ("a: 1\n".encode("utf-16-le"), "encoding"),
    "UTF-32": ("a: 1\n".encode("utf-32"), "encoding"),
    "a NUL byte in text": (b"a: b\x00c\n", "control-character"),
    "empty": (b"", "empty"),
    "only whitespace": (b"  \n\n", "empty"),
    "only a comment": (b"# nothing\n", "empty"),
    "bare document marker": (b"---\n", "empty"),
    "top-level list": (b"- a\n- b\n", "not-a-mapping"),
    "top-level scalar": (b"just text\n", "not-a-mapping"),
    "20,000 unclosed [": (b"[" * 20_000, "syntax"),
    "20,000 closed [": (b"[" * 20_000 + b"]" * 20_000, "syntax"),
    "20,000 nested {a:": (b"{a: " * 20_000, "too-deep"),
    "2,000 block levels": ("".join("  " * i + "a:\n" for i in range(2000)).encode(),
                           "too-deep"),
    "multiple documents": (b"a: 1\n---\na: 2\n", "multiple-documents"),
    "complex key": (b"? [a, b]\n: 1\n", "complex-key"),
    "mapping as key": (b"{a: 1}: 2\n", "complex-key"),
    "U+202E typed": ("a: x\u202ey\n".encode(), "control-character"),
    "U+2066 typed": ("a: x\u2066y\n".encode(), "control-character"),
    "BEL typed": (b"a: x\x07y\n", "control-character"),
    "DEL typed": (b"a: x\x7fy\n", "control-character"),
    "C1 control typed": ("a: x\u0090y\n".encode(), "control-character"),
    "\\u0007 escape": (b'a: "x\\u0007y"\n', "control-character"),
    "\\0 escape": (b'a: "x\\0y"\n', "control-character"),
    "\\N escape (NEL)": (b'a: "x\\Ny"\n', "control-character"),
    "escape in a key": (b'"k\\u0007": 1\n', "control-character"),
    "alias bomb": (ALIAS_BOMB, "alias"),
}


@pytest.mark.parametrize("raw, rule", HAZARDS.values(), ids=HAZARDS.keys())
def test_hazard_is_a_located_problem(raw: bytes, rule: str) -> None:
    doc = load_bytes("hazard.yaml", raw)  # must not raise (RecursionError, UnicodeDecodeError)
    assert rule in rules(doc.problems)
    assert all(p.line > 0 and p.column > 0 for p in doc.problems), doc.problems
    assert all(p.severity == "error" and p.file == "hazard.yaml" for p in doc.problems)


@pytest.mark.parametrize("raw", [
    b"\xef\xbb\xbfa: 1\r\nb: 2\r\n",
    "a: 1\nb: 2\n".encode("utf-16"),
    "a: 1\nb: 2\n".encode("utf-16-be").join([b"\xfe\xff", b""]),
    b"---\na: 1\nb: 2\n...\n",
    b"%YAML 1.1\n---\na: 1\nb: 2\n",
], ids=["BOM and CRLF", "UTF-16 LE with BOM", "UTF-16 BE with BOM", "explicit document",
        "YAML directive"])
def test_harmless_variants_load(raw: bytes) -> None:
    doc = load_bytes("ok.yaml", raw)
    assert (doc.data, doc.problems) == ({"a": "1", "b": "2"}, [])


def test_allowed_format_characters_are_not_controls() -> None:
    # A flag emoji uses tag characters (Cf); a zero-width joiner too. Both are allowed.
    flag = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    doc = load_text("ok.yaml", f'a: "{flag}"\nb: x\u200dy\nc: "tab\\there"\n')
    assert doc.problems == []
    assert doc.data == {"a": flag, "b": "x\u200dy", "c": "tab\there"}


def test_control_character_positions() -> None:
    doc = load_text("x.yaml", "a: ok\nb: xx\u202eyy\nc: \"1\\u00072\"\n")
    assert where(doc.problems) == [(2, 6, "control-character"), (3, 4, "control-character")]
    assert "U+202E" in doc.problems[0].message


def test_duplicate_key_points_at_the_second_key() -> None:
    doc = load_text("x.yaml", "a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert where(doc.problems) == [(4, 3, "duplicate-key")]
    assert "first at line 2" in doc.problems[0].message
    assert doc.data == {"a": {"b": "1", "c": "2"}}


def test_alias_and_anchor_are_reported_where_written() -> None:
    doc = load_text("x.yaml", "a: &name x\nb:\n  - *name\n")
    assert where(doc.problems) == [(1, 4, "alias"), (3, 5, "alias")]
    assert doc.data == {"a": "x", "b": [ALIASED]}


def test_multiple_documents_point_at_the_second() -> None:
    doc = load_text("x.yaml", "a: 1\nb: 2\n---\nc: 3\n")
    assert where(doc.problems) == [(3, 1, "multiple-documents")]


def test_alias_bomb_is_not_expanded() -> None:
    doc = load_bytes("bomb.yaml", ALIAS_BOMB)
    assert rules(doc.problems) == {"alias"}
    # every anchor and alias once, up to the cap; the rest are counted (the pipeline says
    # how many in one line)
    assert len(doc.problems) == MAX_PER_RULE
    assert doc.dropped == {"alias": 9 + 8 * 9 - MAX_PER_RULE}
    summary = [p for p in read_bytes(ALIAS_BOMB, "bomb.yaml").problems if p.rule == "alias"][-1]
    assert len([p for p in read_bytes(ALIAS_BOMB, "b").problems if p.rule == "alias"]) == 51
    assert f"and {9 + 8 * 9 - MAX_PER_RULE} more problems like" in summary.message
    # The 9-level structure holds placeholders, not nine copies of the level below.
    assert doc.data["lol8"] == [ALIASED] * 9
    assert len(json.dumps(doc.data, default=repr)) < 2_000


def test_validate_on_an_alias_bomb_finishes(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_bytes(ALIAS_BOMB)
    result = run("validate", "--format", "json", path)
    assert result.exit_code == 1, result.output
    assert "alias" in {p["rule"] for p in json.loads(result.stdout)["problems"]}


def test_plan_shaped_alias_bomb_reports_only_the_aliases(run: Run, tmp_path: Path) -> None:
    nine = ", ".join(["*m0"] * 9)
    path = tmp_path / "bomb.yaml"
    path.write_text(PLAN_HEAD + f"""\
      - id: "1.1"
        title: a
        milestones: &m0
          - {{when: 2026-05, what: m}}
      - id: "1.2"
        title: b
        milestones: &m1 [{nine}]
      - id: "1.3"
        title: c
        milestones: [{nine.replace("m0", "m1")}]
""")
    result = run("validate", "--format", "json", path)
    assert result.exit_code == 1, result.output
    problems: list[dict[str, Any]] = json.loads(result.stdout)["problems"]
    assert {p["rule"] for p in problems} == {"alias"}
    assert len(problems) == 2 + 9 + 9


# --- positions of model errors -----------------------------------------------------------


def test_bad_when_deep_down_points_at_the_value(tmp_path: Path) -> None:
    text = PLAN_HEAD + """\
      - id: "1.1"
        title: An objective
        schedule: [2026-04..2027-03]
        milestones:
          - what: Block style
            when: Jul 26
          - {what: Flow style, when: June/July 2026}
"""
    assert read(tmp_path, text) == [(14, 19, "bad-when"), (15, 38, "bad-when")]


def test_unknown_key_points_at_the_key(tmp_path: Path) -> None:
    text = PLAN_HEAD + """\
      - id: "1.1"
        title: An objective
        schedule: [2026-05]
        milestons:
          - {when: 2026-05, what: m}
"""
    assert read(tmp_path, text) == [(12, 9, "unknown-key")]


def test_missing_key_points_at_the_mapping_lacking_it(tmp_path: Path) -> None:
    text = PLAN_HEAD + """\
      - id: "1.1"
        title: An objective
        schedule: [2026-05]
        milestones:
          - note: no what and no when
"""
    assert read(tmp_path, text) == [(13, 13, "missing-key"), (13, 13, "missing-key")]


def test_missing_top_level_key_points_at_the_document(tmp_path: Path) -> None:
    assert read(tmp_path, "\n\nversion: 1\nplan: {title: x, period: 2026-04..2027-03}\n") \
        == [(3, 1, "missing-key")]


def test_columns_count_code_points_not_bytes(tmp_path: Path) -> None:
    text = PLAN_HEAD + """\
      - id: "1.1"
        title: An objective
        schedule: [2026-04..2027-03]
        milestones:
          - {what: "\U0001f1ec\U0001f1e7 é", when: Jul 26}
"""
    # "          - {what: " is 19 characters, the quoted text 6, then ", when: " 8.
    assert read(tmp_path, text) == [(13, 34, "bad-when")]


def test_bom_and_crlf_do_not_shift_positions(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbfversion: 2\r\nplan: {title: x, period: 2026-04..2027-03}\r\n"
                     b"strategic_objectives: [{id: '1', title: One, objectives: []}]\r\n"
                     b"extra: 1\r\n")
    assert where(read_plan(path).problems) == [(1, 10, "bad-version"), (4, 1, "unknown-key")]


def test_locate_walks_keys_and_indexes() -> None:
    doc = load_text("x.yaml", "a:\n  - b: 1\n    c: [x, y]\n")
    assert locate(doc.root, ("a", 0, "c", 1)) == (3, 12)
    assert locate(doc.root, ("a", 0, "c"), at_key=True) == (3, 5)
    assert locate(doc.root, ("a", 0, "missing")) == (2, 5)  # the mapping lacking it
    assert locate(doc.root, ("a", 7)) == (2, 3)  # no item 7: the sequence
    assert isinstance(doc.root, MapNode)


# --- known bugs ------------------------------------------------------------------------


def test_tab_indentation_message_names_the_tab() -> None:
    doc = load_bytes("x.yaml", b"a:\n\tb: 1\n")
    assert where(doc.problems) == [(2, 1, "syntax")]
    assert "tab" in doc.problems[0].message


def test_bidi_control_typed_in_double_quotes_is_one_problem() -> None:
    doc = load_text("x.yaml", 'title: "Plan \u202ereversed"\n')
    assert where(doc.problems) == [(1, 14, "control-character")]
    assert "escape" not in doc.problems[0].message


def test_backslash_in_double_quotes_is_not_called_an_unclosed_quote() -> None:
    doc = load_text("x.yaml", 'a: ok\nsource: "C:\\Users\\npm\\plan.docx"\n')
    assert [(p.line, p.rule) for p in doc.problems] == [(2, "syntax")]
    assert "never closed" not in doc.problems[0].message
    assert "backslash" in doc.problems[0].message or "\\" in doc.problems[0].message


@pytest.mark.parametrize("char", ["\u0085", "\u2028"], ids=["NEL", "LINE SEPARATOR"])
def test_yaml_1_1_line_breaks_in_text_are_reported_on_their_line(tmp_path: Path,
                                                                 char: str) -> None:
    problems = read(tmp_path, PLAN_HEAD.replace("Test plan", f"Test{char}plan") + "      []\n")
    assert [line for line, _, _ in problems] == [3] * len(problems)


def test_a_key_indented_too_far_is_called_an_indentation_problem() -> None:
    doc = load_text("x.yaml", "version: 1\nplan:\n  title: x\n   period: 2026-04..2027-03\n")
    assert [(p.line, p.rule) for p in doc.problems] == [(4, "syntax")]
    assert "'period:' is indented differently" in doc.problems[0].message


def test_text_with_a_colon_gets_the_quoted_fix_written_out() -> None:
    doc = load_text("x.yaml", "plan:\n  title: Review: draft\n")
    assert [(p.line, p.rule) for p in doc.problems] == [(2, "syntax")]
    assert 'title: "Review: draft"' in doc.problems[0].message
