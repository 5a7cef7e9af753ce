"""Clean-up: boilerplate lines are marked (never removed), real text is kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kittiwake.clean import (
    boilerplate_reason,
    boilerplate_spans,
    clean_article,
    detect_language,
    mask_spans,
    masked_text,
    normalize_quotes,
    strip_boilerplate,
)
from kittiwake.records import Article

BODY = (
    "Ministers from both countries met in the capital on Monday to discuss trade.\n"
    "They agreed to lower tariffs on farm goods and to meet again in June.\n"
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share", "share buttons"),
        ("Share this article", "share buttons"),
        ("Facebook Twitter Email", "share buttons"),
        ("Tweet", "share buttons"),
        ("Email", "share buttons"),
        ("Share on Facebook | Share on Twitter | 12 comments", "share buttons"),
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("We use cookies to give you the best experience on our website.", "cookie notice"),
        ("By Jane Doe", "byline"),
        ("By Jane Doe, Reuters", "byline"),
        ("BY JOHN SMITH and Mary Jones", "byline"),
        ("Reporting by Jane Doe; Editing by John Smith", "credits"),
        ("Photo: Jane Doe/Reuters", "photo credit"),
        ("(AP Photo/John Smith)", "photo credit"),
        ("Image copyright Getty Images", "photo credit"),
        ("Protesters gather outside parliament. (AP Photo/Jane Doe)", "photo credit"),
        ("Read more", "read more"),
        ("Read more: Talks stall over border", "read more"),
        ("Related: Ukraine rejects ceasefire plan", "read more"),
        ("Also read: Election results", "read more"),
        ("Click here to download the report", "click here"),
        ("Sign up for our daily newsletter", "subscribe prompt"),
        ("Subscribe now for unlimited access", "subscribe prompt"),
        ("Follow us on Twitter", "subscribe prompt"),
        ("\u00a9 2024 Kittiwake Test Wire. All rights reserved.", "copyright"),
        ("Updated: 12 March 2024 10:32 GMT", "timestamp"),
        ("Source: Kittiwake Test Wire", "source credit"),
        ("More coverage at https://news.example.org/world", "link line"),
    ],
)
def test_boilerplate_lines(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell three percent after the announcement.",
        "By Tuesday, the army had withdrawn from the town.",
        "The ministry said it would email the documents to the court.",
        "Related talks will take place in Geneva next week.",
        "The photo showed the two leaders shaking hands.",
        "Advertisers pulled out of the broadcast after the remarks.",
        "He said: \u201cWe will not accept this.\u201d",
        "Reporters were barred from the hearing.",
        "Updated voter rolls will be published before the election.",
        "More than 40 people were killed in the attack.",
        "Writing in the journal, the authors warned of famine.",
        "The company said it would stop using tracking cookies next year.",
    ],
)
def test_real_text_is_not_boilerplate(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_trailing_headline_of_another_story_is_marked() -> None:
    text = BODY + "\nPutin vows more sanctions on Turkey\n"
    spans = boilerplate_spans(text)
    assert [(span.text, span.reason) for span in spans] == [
        ("Putin vows more sanctions on Turkey", "trailing headline")
    ]


@pytest.mark.parametrize(
    "tail",
    [
        "",
        "Talks will resume on Monday.\n",  # a real one-line paragraph
        "Qualified teams\n",  # too short to be a headline
        "".join(f"June {day} - Concert hall in City {day}\n" for day in range(1, 9)),  # a list
    ],
)
def test_article_ends_that_are_kept(tail: str) -> None:
    assert boilerplate_spans(BODY + tail) == ()


def test_headline_like_line_in_the_middle_is_kept() -> None:
    text = "Talks in Vienna\n" + BODY + "Next steps\nThe delegations will meet again soon.\n"
    assert boilerplate_spans(text) == ()


def test_clean_article_keeps_text_and_offsets() -> None:
    text = (
        "By Jane Doe, Reuters\n  Share this article  \n"
        + BODY
        + "Advertisement\r\n"
        + BODY
        + "Read more\nPutin vows more sanctions on Turkey"
    )
    article = clean_article(Article(doc_id="d1", text=text))
    assert article.text == text
    assert article.language == "en"
    assert [span.reason for span in article.excluded] == [
        "byline",
        "share buttons",
        "advertisement",
        "read more",
        "trailing headline",
    ]
    for span in article.excluded:
        assert text[span.start : span.end] == span.text
    masked = masked_text(article)
    assert len(masked) == len(text)
    assert [index for index, char in enumerate(masked) if char in "\r\n"] == [
        index for index, char in enumerate(text) if char in "\r\n"
    ]
    assert "Advertisement" not in masked and "Jane Doe" not in masked
    assert masked.count("Ministers from both countries") == 2


lines = st.lists(
    st.sampled_from(
        [
            "Share",
            "Advertisement",
            "By Jane Doe",
            "The talks ended without agreement.",
            "Troops crossed the river at dawn on Friday.",
            "Read more",
            "",
            "   ",
            "Photo: Someone/Agency",
            "Putin vows more sanctions on Turkey",
        ]
    ),
    max_size=12,
)


@given(lines, st.sampled_from(["\n", "\r\n"]))
def test_spans_always_point_into_the_text(parts: list[str], newline: str) -> None:
    text = newline.join(parts)
    spans = boilerplate_spans(text)
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.reason
    masked = mask_spans(text, spans)
    assert len(masked) == len(text)
    inside = {position for span in spans for position in range(span.start, span.end)}
    for position, (original, kept) in enumerate(zip(text, masked, strict=True)):
        assert kept == (" " if position in inside else original)


def test_strip_boilerplate_drops_marked_lines() -> None:
    stripped = strip_boilerplate("Share\n" + BODY + "Advertisement\n")
    assert stripped == BODY.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BODY, "en"),
        (
            "Die Regierung hat am Dienstag mitgeteilt, dass sie die Gespr\u00e4che fortsetzen wird.",
            "de",
        ),
        (
            "Le gouvernement a annonc\u00e9 mardi qu'il poursuivrait les discussions avec les syndicats.",
            "fr",
        ),
        (
            "El gobierno anunci\u00f3 el martes que las conversaciones con los sindicatos seguir\u00e1n.",
            "es",
        ),
        (
            "\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e \u0437\u0430\u044f\u0432\u0438\u043b\u043e \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a",
            "ru",
        ),
        ("Talks", "und"),
        ("12345 67890", "und"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_normalisers() -> None:
    assert (
        normalize_quotes("\u201cNo,\u201d he said \u2018twice\u2019") == "\"No,\" he said 'twice'"
    )
