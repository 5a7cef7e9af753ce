"""The per-document indexes that keep coding time linear in a document's length (issue 15,
D9) answer exactly what the whole-document scans they replace answered."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
import spacy

from kittiwake.actors.resolve import (
    PAIR_SECTORS,
    DocState,
    GroupIndex,
    Match,
    last_pair,
    mention_order,
    named_before,
    since_sentence,
)
from kittiwake.geo.gazetteer import GazEntry
from kittiwake.geo.toponyms import _Context
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
        ("word " * 40, 50, [50, 50, 50, 50]),  # a sentence longer than a run: after spaces
        ("a\n\n" + "b" * 60 + "\n\nc", 20, [3, 62, 1]),
        ("a.\n \n  b." * 3, 8, [7, 9, 9, 2]),  # the spaces of a break end a run
        ("One line.\nTwo lines.\nThree.", 12, [10, 11, 6]),  # lines without blank ones
        ("no break at all " * 3, 10, [9, 10, 9, 7, 9, 4]),
        ("x" * 30 + " y", 10, [31, 1]),  # only a word longer than a run is a longer run
        # a line longer than a run: after a sentence's end, not after an abbreviation
        ("Troops shelled it.  Mr. Li went. U.S. forces left.", 25, [20, 13, 17]),
        ("One line? Yes! Then\nanother line.", 16, [15, 5, 13]),
    ],
)
def test_paragraph_runs_cut_after_line_breaks(text: str, size: int, lengths: list[int]) -> None:
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


def mention(
    head: int, sentence: int, country: str | None = None, *, sector: str | None = None
) -> Mention:
    """A one-token mention at character `head` (one character a token, as in `TOKENS`)."""
    actor = Actor(code=(country or "") + (sector or ""), country=country, sector=sector)
    return Mention("d", sentence, head, head + 1, "w", actor, head, head, head + 1)


MENTIONS = [
    mention(1, 0, "USA"),
    mention(3, 0),
    mention(1, 0),
    mention(8, 1, "RUS"),
    mention(8, 1, "CHN"),
    mention(12, 3),
]
# Mentions as resolution adds them: sentence after sentence, in no order inside one.
SENTENCES = [(0, 4), (4, 9), (9, 12), (12, 20)]  # token (= character) ranges
ADDED = [
    mention(2, 0, "USA", sector="GOV"),
    mention(0, 0, "RUS", sector="GOV"),
    mention(3, 0, None, sector="GOV"),
    mention(7, 1, "RUS", sector="MIL"),
    mention(5, 1, "USA", sector="GOV"),
    mention(6, 1, "CHN"),
    mention(11, 2, "CHN", sector="GOV"),
    mention(9, 2, "RUS", sector="GOV"),
    mention(15, 3, "USA", sector="MIL"),
    mention(13, 3, "IRN", sector="GOV"),
    mention(18, 3, "IRN", sector="GOV"),
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


def test_last_of_sector_is_the_last_listed_that_starts_before() -> None:
    state = DocState(date=None, mentions=list(ADDED))
    for later in ADDED:
        expected = next(
            (
                m
                for m in reversed(ADDED)
                if m.start < later.start
                and m.actor.sector == later.actor.sector
                and m.actor.country
            ),
            None,
        )
        assert state.last_of_sector(later) == expected


def test_places_in_a_sentence_follow_the_list_as_it_grows() -> None:
    state = DocState(date=None)
    for added in ADDED:
        state.places.append(added)
        for sentence in range(5):
            assert state.places_in(sentence) == [p for p in state.places if p.sentence == sentence]


def last_pair_reading_every_mention(state: DocState, *, before: int) -> list[Mention]:
    """What `last_pair` did before it kept a tally (no recent pair, blank parse: weight 1)."""
    scores: dict[str, float] = {}
    latest: dict[str, Mention] = {}
    for order, m in enumerate(state.mentions):
        if m.start >= before or not m.actor.country or m.actor.sector not in PAIR_SECTORS:
            continue
        scores[m.actor.country] = scores.get(m.actor.country, 0.0) + 1 + order * 1e-6
        latest[m.actor.country] = m
    if len(scores) < 2:
        return []
    top = sorted(scores, key=scores.__getitem__, reverse=True)[:2]
    return sorted((latest[c] for c in top), key=mention_order)


def test_last_pair_tallies_the_sentences_done_as_reading_them_all_did() -> None:
    doc = spacy.blank("en")(" ".join("abcdefghijklmnopqrst"))  # no parse: no subjects
    state = DocState(date=None)
    asked = 0
    for sentence, (start, end) in enumerate(SENTENCES):
        for before in range(start, end):
            state.mentions.extend(m for m in ADDED[len(state.mentions) :] if m.start < before)
            expected = last_pair_reading_every_mention(state, before=before)
            found = last_pair(state, doc, before=before, sentence_index=sentence)
            assert found == expected
            asked += bool(found)
    assert asked > 10


def test_a_surname_is_the_last_coded_actor_named_with_it_before() -> None:
    def named(start: int, text: str, code: str, kind: str = "person") -> Mention:
        actor = Actor(code=code, kind=kind, reason=code)
        return Mention("d", start // 10, start, start + len(text), text, actor, start, 0, 1)

    mentions = [
        named(0, "President Carlos Lage", "CUBGOV"),
        named(20, "Lage", "", "unknown person"),
        named(30, "Lage Province", "CUB", "place"),
        named(35, "Minister Ana Lage", "ESPGOV"),
        named(32, "Lage", "", "unknown person"),  # listed later, said before the minister
        named(50, "Ana", "", "unknown person"),
        named(60, "Smith", "", "unknown person"),
    ]
    resolved = named_before(mentions)
    assert [m.actor.code for m in resolved] == [
        "CUBGOV", "CUBGOV", "CUB", "ESPGOV", "CUBGOV", "ESPGOV", ""
    ]  # fmt: skip


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


# -- toponyms: one context for every mention of a name ----------------------------------------


def town(lat: float, lon: float) -> GazEntry:
    return GazEntry("t", 1, "PPL", "SYR", "01", lat, lon, 1000)


def test_share_near_is_kept_per_point_and_stays_what_it_counts() -> None:
    points = ((36.2, 37.1), (36.3, 37.2), (33.5, 36.3), (36.2, 37.1))  # Aleppo twice, Damascus
    context = _Context.of([town(lat, lon) for lat, lon in points], given=())
    assert context.share_near(town(36.2, 37.15)) == 0.75
    assert context.share_near(town(33.5, 36.3)) == 0.0  # a place is not near itself
    assert context.share_near(town(33.6, 36.3)) == 0.25
    assert context.share_near(town(36.2, 37.15)) == 0.75
    assert context.near == {(36.2, 37.15): 0.75, (33.5, 36.3): 0.0, (33.6, 36.3): 0.25}
