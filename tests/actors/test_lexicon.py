"""The phrase index matches what spaCy's PhraseMatcher matches, without a model."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import PhraseMatcher

from kittiwake.actors.lexicon import PhraseIndex

# "Person", "NOUN" and "det" are spaCy's reserved symbols: their string ids are not hashes.
PHRASES = ("united nations", "nations", "u.s.", "Person", "NOUN", "det", "al-qaeda")
TEXT = "The United Nations, the U.S. and other nations: PERSON noun Det det al-Qaeda, NOUN."


@pytest.mark.parametrize("lower", [True, False])
def test_phrase_index_matches_reserved_symbols_like_phrase_matcher(lower: bool) -> None:
    nlp = spacy.blank("en")
    index = PhraseIndex(lower=lower)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER" if lower else "ORTH")
    for phrase in PHRASES:
        doc = nlp.make_doc(phrase)
        index.add(nlp.vocab.strings.add(phrase), [tuple(t.text for t in doc)])
        matcher.add(phrase, [doc])
    doc = nlp.make_doc(TEXT)
    found = index(doc)
    assert sorted(found) == sorted(matcher(doc))
    assert len(found) == (9 if lower else 3)


def test_phrase_index_on_an_empty_doc() -> None:
    nlp = spacy.blank("en")
    index = PhraseIndex(lower=True)
    index.add(1, [("nations",)])
    assert index(nlp.make_doc("")) == []
