"""Where a doc's words are (`TokenTable`) and its text kept once (hand-built docs)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kittiwake.tokens import TokenTable, between, doc_text, remember_text

WORDS = ["The", "Rebels", "said", "it", "would", "leave", "Idlib", "Province", "."]
LEMMAS = ["the", "Rebel", "say", "it", "will", "leave", "Idlib", "Province", "."]
POS = ["DET", "NOUN", "VERB", "PRON", "AUX", "VERB", "PROPN", "PROPN", "PUNCT"]
TAGS = ["DT", "NNS", "VBD", "PRP", "MD", "VB", "NNP", "NNP", "."]


def hand_built() -> Doc:
    return Doc(
        spacy.blank("en").vocab,
        words=WORDS,
        spaces=[True] * 7 + [False, False],
        lemmas=LEMMAS,
        pos=POS,
        tags=TAGS,
    )


def test_where_finds_what_the_token_attributes_say() -> None:
    doc = hand_built()
    table = TokenTable.of(doc)
    for words in (frozenset({"the", "province", "said"}), frozenset({"rebel", "say", "Idlib"})):
        assert table.where(("lower", words)) == [t.i for t in doc if t.lower_ in words]
        assert table.where(("lemma", words)) == [t.i for t in doc if t.lemma_.lower() in words]
    verbs = frozenset({"VERB", "PRON"})
    assert table.where(("pos", verbs)) == [t.i for t in doc if t.pos_ in verbs]
    plural = frozenset({"NNS", "NNPS"})
    assert table.where(("tag", plural)) == [1]
    # any of several tests, in token order, each index once
    pronoun, words = ("pos", frozenset({"PRON"})), ("lemma", frozenset({"it", "rebel"}))
    assert table.where(pronoun, words) == [1, 3]
    assert table.where(("lower", frozenset({"absent"}))) == []


def test_the_table_is_kept_with_its_doc() -> None:
    doc = hand_built()
    assert TokenTable.of(doc) is TokenTable.of(doc)
    assert TokenTable.of(hand_built()) is not TokenTable.of(doc)


def test_an_empty_doc_has_no_words() -> None:
    doc = Doc(spacy.blank("en").vocab, words=[])
    assert TokenTable.of(doc).where(("lower", frozenset({"the"})), ("pos", frozenset({"X"}))) == []


def test_between_keeps_a_sentence_share() -> None:
    assert list(between([1, 3, 5, 8], 3, 8)) == [3, 5]
    assert list(between([1, 3, 5, 8], 9, 12)) == []


def test_doc_text_is_the_parsed_text_or_the_joined_tokens() -> None:
    doc = hand_built()
    assert doc_text(doc) == doc.text == "The Rebels said it would leave Idlib Province."
    nlp = spacy.blank("en")
    text = "Troops left.\n\n They came back. "
    parsed = remember_text(nlp(text), text)
    assert doc_text(parsed) == parsed.text == text
