"""Highlighting escapes every character of the text and marks only spans that fit."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st
from web_marks import OUR_TAGS, marked_texts

from kittiwake.web.highlight import ROLES, Marked, event_spans, highlight, highlight_event


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Russia attacked Ukraine", [Marked(0, 6, "source")], [("source", "Russia")]),
        (
            "Russia attacked Ukraine",
            [Marked(16, 23, "target"), Marked(7, 15, "trigger"), Marked(0, 6, "source")],
            [("source", "Russia"), ("trigger", "attacked"), ("target", "Ukraine")],
        ),
        ("a <b> c", [Marked(2, 5, "trigger")], [("trigger", "<b>")]),
        ("short", [Marked(3, 99, "source")], []),  # past the end
        ("short", [Marked(-1, 2, "source")], []),  # before the start
        ("short", [Marked(2, 2, "source")], []),  # empty
        ("short", [Marked(0, 2, 'evil" onclick="x')], []),  # not a role: never a class
        ("crossing", [Marked(0, 4, "source"), Marked(2, 6, "target")], [("source", "cros")]),
        (
            "the two sides met",
            [Marked(0, 13, "target"), Marked(0, 13, "source"), Marked(14, 17, "trigger")],
            [("target", "the two sides"), ("source", "the two sides"), ("trigger", "met")],
        ),
        (
            "unprecedented attacks",
            [Marked(0, 21, "target"), Marked(14, 21, "trigger")],
            [("target", "unprecedented attacks"), ("trigger", "attacks")],
        ),
    ],
)
def test_highlight_marks_fitting_spans(
    text: str, spans: list[Marked], expected: list[tuple[str, str]]
) -> None:
    markup = str(highlight(text, spans))
    assert marked_texts(markup) == expected
    assert html.unescape(OUR_TAGS.sub("", markup)) == text


@given(
    text=st.text(alphabet=st.sampled_from("ab<>&\"' é"), max_size=40),
    spans=st.lists(
        st.builds(
            Marked,
            st.integers(-3, 45),
            st.integers(-3, 45),
            st.sampled_from(ROLES),
        ),
        max_size=5,
    ),
)
def test_highlight_keeps_the_text_and_escapes_it(text: str, spans: list[Marked]) -> None:
    markup = str(highlight(text, spans))
    without_ours = OUR_TAGS.sub("", markup)
    assert "<" not in without_ours and ">" not in without_ours
    assert html.unescape(without_ours) == text
    wanted = {(span.role, text[span.start : span.end]) for span in spans if span.start >= 0}
    assert set(marked_texts(markup)) <= wanted


def test_event_offsets_count_from_the_article_start() -> None:
    event = {
        "text": "China met Japan.",
        "sentence_start": 100,
        "source": {"start": 100, "end": 105},
        "target": {"start": 110, "end": 115},
        "trigger": {"start": 106, "end": 109},
    }
    assert [(span.start, span.end) for span in event_spans(event)] == [(0, 5), (10, 15), (6, 9)]
    assert marked_texts(str(highlight_event(event))) == [
        ("source", "China"),
        ("trigger", "met"),
        ("target", "Japan"),
    ]


def test_event_without_target_marks_source_and_trigger() -> None:
    event = {
        "text": "China protested.",
        "sentence_start": 0,
        "source": {"start": 0, "end": 5},
        "target": None,
        "trigger": {"start": 6, "end": 15},
    }
    assert [role for role, _ in marked_texts(str(highlight_event(event)))] == [
        "source",
        "trigger",
    ]
