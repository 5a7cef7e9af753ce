"""The per-document indexes that keep coding time linear in a document's length (issue 15,
D9) answer exactly what the whole-document scans they replace answered."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
import spacy

from kittiwake.actors.resolve import DocState, GroupIndex, Match, since_sentence
from kittiwake.nlp import paragraph_breaks, paragraph_runs
from kittiwake.records import Actor, Mention, Place
from kittiwake.where import _inside, places_by_sentence

# -- parsing: sentence starts after line breaks, long texts cut into runs of paragraphs ------


def paragraph_breaks_one_token_at_a_time(doc: spacy.tokens.Doc) -> list[bool | None]:
    """What `paragraph_breaks` did before it wrote one array: set each token's flag."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif token.is_space:
            token.is_sent_start = False
    return [token.is_sent_start for token in doc]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "One.",
        "A headline\nThe first line of the story.",
        "First paragraph here.\n\nSecond one  with   spaces.\n \n\tThird.",
        "  leading space\n\n",
        "x \n y\t\tz\n",
    ],
)
def test_paragraph_breaks_set_what_setting_each_token_set(text: str) -> None:
    nlp = spacy.blank("en")
    expected = paragraph_breaks_one_token_at_a_time(nlp.make_doc(text))
    assert [token.is_sent_start for token in paragraph_breaks(nlp.make_doc(text))] == expected


PARAGRAPH = "Troops shelled the town on Monday.\n\n"


@pytest.mark.parametrize(
    ("text", "size", "lengths"),
    [
        ("short text\n\nof two paragraphs", 100, [29]),
        (PARAGRAPH * 4, 36 * 2, [72, 72]),  # two paragraphs a run
        (PARAGRAPH * 4, 36 * 2 + 10, [72, 72]),  # a third would not fit
        (PARAGRAPH * 3, 36 * 2, [72, 36]),
        ("word " * 40, 50, [200]),  # one paragraph longer than a run stays whole
        ("a\n\n" + "b" * 60 + "\n\nc", 20, [3, 62, 1]),
        ("a.\n \n  b." * 3, 8, [7, 9, 9, 2]),  # the spaces of a break end a run
    ],
)
def test_paragraph_runs_cut_after_blank_lines(text: str, size: int, lengths: list[int]) -> None:
    runs = paragraph_runs(text, size=size)
    assert [len(run) for run in runs] == lengths
    assert "".join(runs) == text
    assert all(not run[0].isspace() for run in runs[1:])


# -- actors: matches by head and span, mentions by head and sentence -------------------------

GROUPS: dict[int, list[Match]] = {
    2: [Match(start=1, end=3, terms=())],
    5: [],  # a group emptied by a split at a conjunction keeps its head
    9: [Match(start=7, end=10, terms=()), Match(start=9, end=10, terms=())],
    12: [Match(start=12, end=13, terms=())],
}


@pytest.mark.parametrize(("start", "end"), list(itertools.combinations(range(15), 2)))
def test_group_index_answers_the_scans_of_every_group(start: int, end: int) -> None:
    index = GroupIndex(GROUPS)
    assert index.heads_in(start, end) == sorted(h for h in GROUPS if start <= h < end)
    assert index.overlaps(start, end) == any(
        start < m.end and m.start < end for ms in GROUPS.values() for m in ms
    )


def mention(head: int, sentence: int, country: str | None = None) -> Mention:
    actor = Actor(code=country or "", country=country)
    return Mention("d", sentence, head, head + 1, "w", actor, head, head, head + 1)


MENTIONS = [
    mention(1, 0, "USA"),
    mention(3, 0),
    mention(1, 0),
    mention(8, 1, "RUS"),
    mention(8, 1, "CHN"),
    mention(12, 3),
]


def test_mentions_by_head_follow_the_list_as_it_grows() -> None:
    state = DocState(date=dt.date(2020, 1, 1))
    for added in MENTIONS:
        state.mentions.append(added)
        for head in range(14):
            expected = [m for m in state.mentions if m.head == head]
            assert state.with_head(head) == expected
            with_country = [m for m in expected if m.actor.country]
            assert state.last_with_country(head) == (with_country[-1] if with_country else None)


@pytest.mark.parametrize("first", range(-1, 6))
def test_since_sentence_is_the_end_of_the_mentions_in_sentence_order(first: int) -> None:
    assert since_sentence(MENTIONS, first) == [m for m in MENTIONS if m.sentence >= first]


# -- places: the places of each sentence -----------------------------------------------------


def place(start: int | None) -> Place:
    return Place(name="p", country=None, lat=None, lon=None, start=start, end=start)


def test_places_by_sentence_are_the_places_inside_each_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Rain fell in Lyon.   Crowds met in Nice and Rome. Then quiet.")
    sentences = list(doc.sents)
    places = [place(start) for start in (*range(len(doc.text) + 2), None, 13, 0)]
    found = places_by_sentence(places, sentences)
    for index, sentence in enumerate(sentences):
        expected = [p for p in places if _inside(p, sentence.start_char, sentence.end_char)]
        assert found.get(index, []) == expected
    assert sum(len(p) for p in found.values()) < len(places)  # spaces between belong to none
