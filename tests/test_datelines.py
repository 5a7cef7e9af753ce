"""Datelines are found by shape and masked from the parse, offsets unchanged."""

from __future__ import annotations

import pytest

from kittiwake.clean import clean_article, masked_text
from kittiwake.datelines import dateline_spans, filing_place_name
from kittiwake.records import Article


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("NAIROBI, March 3 (Wire) - Kenyan police fired tear gas.", "NAIROBI, March 3 (Wire) - "),
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON (AP) — "),
        ("BEIRUT, Lebanon, Jan. 4 -- Rebels shelled the town.", "BEIRUT, Lebanon, Jan. 4 -- "),
        ("LONDON - The prime minister resigned.", "LONDON - "),
        ("Kenyan police - who were armed - fired.", None),
        ("The UN - which met on Monday - agreed.", None),
        ("Brazil — Tuesday the minister arrived.", None),  # not in capitals: no dateline shape
    ],
)
def test_dateline_shapes(text: str, dateline: str | None) -> None:
    found = [text[start:end] for start, end in dateline_spans(text)]
    assert found == ([dateline] if dateline else [])


def test_a_dateline_is_masked_from_the_parse_and_offsets_stay() -> None:
    text = "Intro line.\n\nCAIRO, May 2 (Wire) - Egyptian police arrested ten students."
    cleaned = clean_article(Article(doc_id="d", text=text))
    (span,) = [s for s in cleaned.excluded if s.reason == "dateline"]
    assert text[span.start : span.end] == "CAIRO, May 2 (Wire) - "
    masked = masked_text(cleaned)
    assert len(masked) == len(text) and "CAIRO" not in masked and "Egyptian police" in masked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("HARARE, June 2 (Wire) - Police arrested ten.", "HARARE"),
        ("Ten held after raid\n\nLIMA (Wire) - The minister resigned.", "LIMA"),
        ("Police arrested ten people in Harare on Monday.", None),
        # far down the text a dateline opens another story of a digest
        ("Ten were held. " * 40 + "\n\nLIMA (Wire) - The minister resigned.", None),
    ],
    ids=["opening", "after-headline", "none", "digest"],
)
def test_the_place_a_story_was_filed_from(text: str, name: str | None) -> None:
    found = filing_place_name(text)
    assert (found[0] if found else None) == name
    if found:
        assert text[found[1] : found[2]] == name
