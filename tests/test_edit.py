"""The editing engine (``npmplan.write.edit``): values written safely, splices that keep every
other byte, in flow and block style, with CRLF, a BOM or UTF-16."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npmplan.read.loader import load_text
from npmplan.write.edit import EditError, Source, append_item, flow_list, scalar, set_fields

M = ("m", 0)  # the first item of the list under "m"


def edit(text: str, changes: dict[str, str | None], loc: tuple[str | int, ...] = M) -> str:
    src = Source.read(text.encode("utf-8"), "x.yaml")
    return src.apply(set_fields(src, loc, {k: None if v is None else scalar(v)
                                           for k, v in changes.items()}))


# --- values -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "written"), [
    ("Draft shared", "Draft shared"),
    ("2026-09", "2026-09"),
    ("2026-06..2026-08", "2026-06..2026-08"),
    ("summer 2026", "summer 2026"),
    ("Phase II: report", '"Phase II: report"'),
    ("# not a comment", '"# not a comment"'),
    ("a #b", '"a #b"'),
    ("[draft]", '"[draft]"'),
    ("yes", '"yes"'),
    ("No", '"No"'),
    ("1.10", '"1.10"'),
    ("12", '"12"'),
    ("1e5", '"1e5"'),
    ("“Annual Report”", '"“Annual Report”"'),
    ("café", '"café"'),
    ("a, b", '"a, b"'),
    ("trailing ", '"trailing "'),
    ("say \"hi\" \\ o", '"say \\"hi\\" \\\\ o"'),
    ("a\u00a0b", '"a\\xa0b"'),
    ("line\nbreak", '"line\\nbreak"'),
    ("", '""'),
    ("null", '"null"'),
    ("~", '"~"'),
])
def test_scalar_quotes_what_yaml_would_misread(text: str, written: str) -> None:
    assert scalar(text) == written
    assert load_text("x", f"k: {written}\n").data == {"k": text}


@pytest.mark.slow
@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text())
def test_any_text_loads_back_exactly(text: str) -> None:
    for quote in (False, True):
        written = scalar(text, quote)
        block = load_text("x", f"k: {written}\n").data
        flow = load_text("x", f"m:\n  - {{when: 2026-09, what: {written}}}\n").data
        assert block == {"k": text}
        assert flow == {"m": [{"when": "2026-09", "what": text}]}


def test_flow_list() -> None:
    assert flow_list(["mk", "1", "a b"]) == '[mk, "1", a b]'


# --- flow and block mappings -------------------------------------------------------------


def test_flow_mapping_gets_keys_before_the_brace_comment_kept() -> None:
    text = "m:\n  - {when: 2026-07, what: \"Draft\"}   # a comment\n# after\n"
    assert edit(text, {"status": "done", "done_on": "2026-09-18"}) == (
        "m:\n  - {when: 2026-07, what: \"Draft\", status: done, done_on: 2026-09-18}"
        "   # a comment\n# after\n")


def test_moved_to_goes_after_when_and_is_removed_again() -> None:
    text = "m:\n  - {when: 2026-07, what: Draft}\n"
    moved = edit(text, {"moved_to": "2026-10"})
    assert moved == "m:\n  - {when: 2026-07, moved_to: 2026-10, what: Draft}\n"
    assert edit(moved, {"moved_to": None}) == text
    first = "m:\n  - {moved_to: 2026-10, when: 2026-07, what: Draft}\n"
    assert edit(first, {"moved_to": None}) == "m:\n  - {when: 2026-07, what: Draft}\n"


def test_existing_value_is_replaced_in_place() -> None:
    text = "m:\n  - {when: 2026-07, status: planned, what: Draft}\n"
    assert edit(text, {"status": "done"}) == \
        "m:\n  - {when: 2026-07, status: done, what: Draft}\n"


def test_block_mapping_gets_lines_with_its_indentation() -> None:
    text = ("m:\n  - when: 2026-07  # baseline\n    # the text:\n    what: \"Long text\n"
            "      over two lines\"\n  - {when: 2026-08, what: Next}\n")
    assert edit(text, {"moved_to": "2026-09", "status": "done"}) == (
        "m:\n  - when: 2026-07  # baseline\n    moved_to: 2026-09\n    # the text:\n"
        "    what: \"Long text\n      over two lines\"\n    status: done\n"
        "  - {when: 2026-08, what: Next}\n")


def test_block_key_removed_with_its_line_only() -> None:
    text = "m:\n  - when: 2026-07\n    moved_to: 2026-09  # why\n    what: x\n# end\n"
    assert edit(text, {"moved_to": None}) == "m:\n  - when: 2026-07\n    what: x\n# end\n"


def test_first_block_key_removed_moves_the_next_up() -> None:
    text = "m:\n  - done_on: 2026-07\n    what: x\n    when: 2026-07\n"
    assert edit(text, {"done_on": None}) == "m:\n  - what: x\n    when: 2026-07\n"


def test_block_value_at_the_end_of_a_file_without_a_final_break() -> None:
    text = "m:\n  - when: 2026-07\n    what: x"
    assert edit(text, {"status": "done"}) == "m:\n  - when: 2026-07\n    what: x\n    status: done"


def test_multiline_flow_mapping() -> None:
    text = "m:\n  - {when: 2026-07,\n     what: \"x\"}\n"
    assert edit(text, {"status": "done"}) == \
        "m:\n  - {when: 2026-07,\n     what: \"x\", status: done}\n"


def test_crlf_bom_and_non_ascii_kept() -> None:
    text = ("# é😀 “x”\r\nm:\r\n  - {when: 2026-07, what: \"é😀 “x”\"}\r\n"
            "  - when: 2026-08\r\n    what: y\r\n")
    raw = codecs.BOM_UTF8 + text.encode("utf-8")
    src = Source.read(raw, "x.yaml")
    new = src.encode(src.apply(set_fields(src, ("m", 0), {"status": "done"})
                               + set_fields(src, ("m", 1), {"status": "done"})))
    assert new == codecs.BOM_UTF8 + (
        "# é😀 “x”\r\nm:\r\n  - {when: 2026-07, what: \"é😀 “x”\", status: done}\r\n"
        "  - when: 2026-08\r\n    what: y\r\n    status: done\r\n").encode()


def test_utf16_stays_utf16() -> None:
    raw = codecs.BOM_UTF16_LE + "m:\n  - {when: 2026-07, what: x}\n".encode("utf-16-le")
    src = Source.read(raw, "x.yaml")
    new = src.encode(src.apply(set_fields(src, M, {"status": "done"})))
    assert new == codecs.BOM_UTF16_LE + \
        "m:\n  - {when: 2026-07, what: x, status: done}\n".encode("utf-16-le")


# --- lists -------------------------------------------------------------------------------


def add(text: str, key: str = "m") -> str:
    src = Source.read(text.encode("utf-8"), "x.yaml")
    return src.apply(append_item(src, ("o",), key, {"when": "2026-10", "what": "New"}))


def test_add_in_flow_style_after_the_last_item_before_comments() -> None:
    text = "o:\n  m:\n    - {when: 2026-07, what: A}  # c\n  # about the next key\n  x: 1\n"
    assert add(text) == ("o:\n  m:\n    - {when: 2026-07, what: A}  # c\n"
                         "    - {when: 2026-10, what: New}\n  # about the next key\n  x: 1\n")


def test_add_in_block_style_after_a_multiline_value() -> None:
    text = "o:\n  m:\n    - when: 2026-07\n      what: \"A\n        b\"\n"
    assert add(text) == ("o:\n  m:\n    - when: 2026-07\n      what: \"A\n        b\"\n"
                         "    - when: 2026-10\n      what: New\n")


def test_add_to_a_flow_list_and_to_an_empty_one() -> None:
    assert add("o:\n  m: [{when: 2026-07, what: A}]\n") == \
        "o:\n  m: [{when: 2026-07, what: A}, {when: 2026-10, what: New}]\n"
    assert add("o:\n  m: []\n") == "o:\n  m: [{when: 2026-10, what: New}]\n"


def test_add_creates_the_list() -> None:
    assert add("o:\n  id: x\n  r: |\n    text\n\n# next\n") == \
        "o:\n  id: x\n  r: |\n    text\n  m:\n    - {when: 2026-10, what: New}\n\n# next\n"
    assert add("o:\n  id: x\n  m:\n# next\n") == \
        "o:\n  id: x\n  m:\n    - {when: 2026-10, what: New}\n# next\n"
    assert add("o: {id: x}\n") == "o: {id: x, m: [{when: 2026-10, what: New}]}\n"


def test_leads_replace_a_block_list_or_fill_an_empty_key() -> None:
    def lead(text: str) -> str:
        src = Source.read(text.encode("utf-8"), "x.yaml")
        return src.apply(set_fields(src, ("o",), {"leads": flow_list(["mk", "jk"])}))

    assert lead("o:\n  id: x\n  leads:\n    - ck\n  title: t\n") == \
        "o:\n  id: x\n  leads: [mk, jk]\n  title: t\n"
    assert lead("o:\n  id: x\n  leads:\n  title: t\n") == \
        "o:\n  id: x\n  leads: [mk, jk]\n  title: t\n"
    assert lead("o:\n  id: x\n  title: t  # c\n  x: 1\n") == \
        "o:\n  id: x\n  title: t  # c\n  leads: [mk, jk]\n  x: 1\n"


def test_a_file_that_does_not_load_is_not_edited() -> None:
    with pytest.raises(EditError):
        Source.read(b"m: [\n", "x.yaml")
