"""Names the tagger finds where the text has none, on parses built by hand."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kittiwake.actors.resolve import is_capitalised_common_word


@pytest.mark.parametrize(
    ("words", "ents", "common"),
    [
        (  # written in lower case later in the story: the capital is the sentence's
            ["Gunfire", "was", "heard", ".", "The", "gunfire", "stopped", "."],
            ["B-PERSON", "O", "O", "O", "O", "O", "O", "O"],
            True,
        ),
        (  # a name, never written in lower case
            ["Mwangi", "was", "heard", ".", "Then", "Mwangi", "left", "."],
            ["B-PERSON", "O", "O", "O", "O", "B-PERSON", "O", "O"],
            False,
        ),
        (  # a name inside its sentence, not at its start
            ["Then", "Gunfire", "left", ".", "The", "gunfire", "stopped", "."],
            ["O", "B-PERSON", "O", "O", "O", "O", "O", "O"],
            False,
        ),
    ],
)
def test_a_word_capitalised_only_to_open_its_sentence_is_no_name(
    words: list[str], ents: list[str], common: bool
) -> None:
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents, sent_starts=starts)
    (entity,) = [e for e in doc.ents][:1]
    assert is_capitalised_common_word(entity) is common
