"""A place inside a larger name ("Real Madrid") is no actor; the tagger's mistakes are no
larger name. Built on hand-made parses, as spaCy's own tests do."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kittiwake.actors.resolve import inside_larger_name


def doc_of(words: list[str], pos: list[str], tags: list[str], ents: list[str]) -> Doc:
    return Doc(Vocab(), words=words, pos=pos, tags=tags, ents=ents)


@pytest.mark.parametrize(
    ("words", "pos", "tags", "ents", "place", "inside"),
    [
        (  # "Moscow Times": a newspaper named after a place
            ["the", "Moscow", "Times", "said"],
            ["DET", "PROPN", "PROPN", "VERB"],
            ["DT", "NNP", "NNP", "VBD"],
            ["O", "B-ORG", "I-ORG", "O"],
            (1, 2),
            True,
        ),
        (  # two places joined by "and", tagged as one title
            ["troops", "from", "Peru", "and", "Chile", "left"],
            ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB"],
            ["NNS", "IN", "NNP", "CC", "NNP", "VBD"],
            ["O", "O", "B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O"],
            (2, 3),
            False,
        ),
        (  # a place with its possessive "'s" tagged as one organisation
            ["Peru", "'s", "army", "left"],
            ["PROPN", "PART", "NOUN", "VERB"],
            ["NNP", "POS", "NN", "VBD"],
            ["B-ORG", "I-ORG", "O", "O"],
            (0, 1),
            False,
        ),
    ],
    ids=["newspaper", "two-places-and", "possessive"],
)
def test_a_place_inside_a_larger_name(
    words: list[str],
    pos: list[str],
    tags: list[str],
    ents: list[str],
    place: tuple[int, int],
    inside: bool,
) -> None:
    doc = doc_of(words, pos, tags, ents)
    assert inside_larger_name(doc[place[0] : place[1]]) is inside
