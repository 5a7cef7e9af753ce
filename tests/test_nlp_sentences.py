"""Sentences of a parse: the ones with text, their text and offsets (hand-built docs)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kittiwake.nlp import iter_sentences, sentences_of


def test_sentences_with_text_keep_their_index_text_and_offsets() -> None:
    words = ["Troops", "left", ".", "\n\n", "\u2003", "They", "came", "back", ".", "\n"]
    spaces = [True, False, False, False, True, True, True, False, False, False]
    starts = [True, False, False, True, False, True, False, False, False, True]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=starts)
    assert [i for i, _ in iter_sentences(doc)] == [
        i for i, s in enumerate(doc.sents) if s.text.strip()
    ]
    sentences = sentences_of(doc, doc_id="d")
    assert [(s.index, s.text) for s in sentences] == [(0, "Troops left."), (2, "They came back.")]
    assert all(doc.text[s.start : s.end] == s.text for s in sentences)
