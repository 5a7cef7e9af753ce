"""Which actors a noun phrase stands for, on parses built by hand (the parser's own reading
of such phrases varies with the words around them)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kittiwake.events.code import absolute_with, actors_of_phrase, stranded_agents
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


def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_by_phrase_hung_on_a_place_is_the_passives_doer() -> None:
    """ "The envoy was greeted at the airport by the president": a misparse hangs "by the
    president" on "airport"; it is still who greeted."""
    words = ["envoy", "was", "greeted", "at", "airport", "by", "president"]
    heads = [2, 2, 2, 2, 3, 4, 5]
    deps = ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "pobj"]
    pos = ["NOUN", "AUX", "VERB", "ADP", "NOUN", "ADP", "NOUN"]
    doc = parse(words, heads, deps, pos)
    assert [t.text for t in stranded_agents(doc[2])] == ["president"]


def test_the_subject_of_a_with_clause_the_parser_split_is_its_object() -> None:
    """ "with Egypt, Jordan and Britain providing support": Egypt hangs on "with", the
    verb of the clause on "with" too."""
    words = ["troops", "entered", "with", "Egypt", "and", "Britain", "providing", "support"]
    heads = [1, 1, 1, 2, 3, 3, 2, 6]
    deps = ["nsubj", "ROOT", "prep", "pobj", "cc", "conj", "pcomp", "dobj"]
    pos = ["NOUN", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "NOUN"]
    doc = parse(words, heads, deps, pos)
    assert [t.text for t in absolute_with(doc[6])] == ["Egypt"]
    assert absolute_with(doc[1]) == []
