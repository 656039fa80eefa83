"""Markdown-light (docs/plan-format.md, "Text"): paragraphs and bullet items, and inside them
bold, italic and links; nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from npmplan.render.light import Block, Span, blocks, plain, spans


def test_paragraphs_bullets_and_continuations() -> None:
    text = ("First paragraph,\nsame paragraph.\n\nA list:\n- one\n  more of one\n- two\n"
            "after the list\n\n\n  - indented bullet\n[not] # kept\n")
    assert blocks(text) == [
        Block("paragraph", "First paragraph, same paragraph."),
        Block("paragraph", "A list:"),
        Block("bullet", "one more of one"),
        Block("bullet", "two"),
        Block("paragraph", "after the list"),
        Block("bullet", "indented bullet"),
        Block("paragraph", "[not] # kept"),
    ]


def test_bold_italic_and_links_are_read_and_their_marks_taken_out() -> None:
    (block,) = blocks("by the [21 bodies](#) and their **visiting** (*advisory*)")
    assert block.text == "by the 21 bodies and their visiting (advisory)"
    assert block.spans == (Span("by the "), Span("21 bodies", link="#"),
                           Span(" and their "), Span("visiting", bold=True), Span(" ("),
                           Span("advisory", italic=True), Span(")"))
    assert spans("<https://example.org/>") == [
        Span("https://example.org/", link="https://example.org/")]


def test_an_asterisk_that_marks_nothing_is_kept() -> None:
    for text in ("*All training documents", "as necessary*", "2 * 3 * 4", "a ** b", "**"):
        assert plain(text) == text


@given(st.text(alphabet="ab *", max_size=40))
def test_emphasis_takes_out_only_asterisks(text: str) -> None:
    assert plain(text).replace("*", "") == text.replace("*", "")


def test_the_real_rationale_with_a_list_right_after_a_paragraph() -> None:
    text = "Changes are expected according to the outcomes of:\n- Updates to the Act\n- A Reference"
    assert [b.kind for b in blocks(text)] == ["paragraph", "bullet", "bullet"]


def test_empty_and_blank_text_has_no_blocks() -> None:
    assert blocks("") == blocks("\n \n\t\n") == blocks("-\n") == []


@given(st.text(alphabet="ab -\n\t", max_size=60))
def test_every_letter_is_kept_in_order_on_single_lines(text: str) -> None:
    def letters(value: str) -> str:
        return "".join(c for c in value if c in "ab")

    found = blocks(text)
    assert "".join(letters(b.text) for b in found) == letters(text)
    assert all(b.text == b.text.strip() and "\n" not in b.text and b.text for b in found)
