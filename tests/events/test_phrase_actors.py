"""Which actors a noun phrase stands for, on parses built by hand (the parser's own reading
of such phrases varies with the words around them)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kittiwake.events.code import actors_of_phrase
from kittiwake.records import Actor, Mention


def mention_at(doc: Doc, index: int, code: str) -> Mention:
    token = doc[index]
    return Mention(
        "doc",
        0,
        token.idx,
        token.idx + len(token.text),
        token.text,
        Actor(code=code),
        head=index,
        token_start=index,
        token_end=index + 1,
    )


def test_a_part_is_of_its_whole_before_what_is_set_beside_it() -> None:
    """ "Some of the protesters marched to the palace, the government seat": a misparse hangs
    the seat on "Some"; the part still stands for the protesters."""
    words = ["Some", "of", "the", "protesters", "marched", ",", "the", "government", "seat"]
    heads = [4, 0, 3, 1, 4, 0, 8, 8, 0]
    deps = ["nsubj", "prep", "det", "pobj", "ROOT", "punct", "det", "compound", "appos"]
    pos = ["PRON", "ADP", "DET", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "NOUN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    by_head = {3: [mention_at(doc, 3, "ROUOPP")], 8: [mention_at(doc, 8, "ROUGOV")]}
    assert [m.actor.code for m in actors_of_phrase(doc[0], by_head)] == ["ROUOPP"]
