"""A parsed doc's text, and where its words are, read once per doc.

spaCy makes a new `Token` each time a doc is indexed or iterated, each string attribute
is looked up again on every read, and `doc.text` is joined from every token each time it
is asked for. The stages after the parse scanned every token of every sentence several
times over for the few words that matter to them (a pronoun, a reporting verb, an
administrative word): about 1.6M Token objects for 200 news articles, and a third of the
time end-to-end coding added to the parse (issue 11). `TokenTable` answers "which tokens
are one of these words" from spaCy's arrays, once per doc and word list, so such a scan
makes a Token only where one matches.

`TokenTable.of(doc)` keeps the table in `doc.user_data`, like `Quotations`, so that every
stage shares it; the parser leaves there the text it parsed (`remember_text`), which is
what `doc.text` would join again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TypeVar

import numpy
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

TEXT_KEY = "kittiwake.text"
T = TypeVar("T")
ATTRIBUTES = ("lower", "lemma", "pos", "tag")


def remember_text(doc: Doc, text: str) -> Doc:
    """`doc` with the text it was parsed from kept for `doc_text` (spaCy's tokens always
    join back to exactly the text they were made from)."""
    doc.user_data[TEXT_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined from the tokens only the first time it is asked for."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def kept(doc: Doc, key: str, *, make: Callable[[Doc], T], kind: type[T]) -> T:
    """`make(doc)`, made once per doc and kept in `doc.user_data` under `key`."""
    found = doc.user_data.get(key)
    if not isinstance(found, kind):
        found = doc.user_data[key] = make(doc)
    return found


class TokenTable:
    """The indices of the tokens of one doc whose `lower_`, `lemma_.lower()`, `pos_` or
    `tag_` is one of some words, each list found once per doc."""

    KEY = "kittiwake.tokens"

    def __init__(self, doc: Doc) -> None:
        array = doc.to_array([LOWER, LEMMA, POS, TAG]).reshape(-1, 4)
        self.columns = {name: array[:, n] for n, name in enumerate(ATTRIBUTES)}
        self.strings = doc.vocab.strings
        self.named: dict[str, dict[str, list[int]]] = {}
        self.found: dict[tuple[tuple[str, frozenset[str]], ...], list[int]] = {}

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        return kept(doc, cls.KEY, make=cls, kind=cls)

    def where(self, *tests: tuple[str, frozenset[str]]) -> list[int]:
        """The indices, in order, of the tokens that pass any of `tests`: (attribute, words)
        with attribute "lower", "lemma" (the lower-cased lemma), "pos" or "tag"."""
        found = self.found.get(tests)
        if found is None:
            passed = numpy.zeros(len(self.columns["lower"]), dtype=bool)
            for attribute, words in tests:
                if values := self.values(attribute, words):
                    passed |= among(self.columns[attribute], values=values)
            found = self.found[tests] = numpy.flatnonzero(passed).tolist()
        return found

    def values(self, attribute: str, words: Collection[str]) -> list[int]:
        """The spaCy ids of `words` as `attribute` values. A word's id is its hash (no doc
        needs naming each of its words for it); a lemma's are those of this doc's lemmas
        that lower-case to it."""
        if attribute == "pos":
            return [POS_IDS[word] for word in words if word in POS_IDS]
        if attribute == "lemma":
            named = self.names("lemma")
            return [value for word in words for value in named.get(word, ())]
        return [self.strings.as_int(word) for word in words]

    def words(self, attribute: str) -> Iterable[str]:
        """The distinct words of this doc as `attribute` values (lemmas lower-cased)."""
        return self.names(attribute).keys()

    def names(self, attribute: str) -> dict[str, list[int]]:
        """Each distinct word of this doc as `attribute` value, with its spaCy ids; named
        on first use, for the one attribute asked for."""
        named = self.named.get(attribute)
        if named is None:
            named = self.named[attribute] = {}
            for value in set(self.columns[attribute].tolist()):
                word = self.strings[value]
                named.setdefault(word.lower() if attribute == "lemma" else word, []).append(value)
        return named


def among(column: numpy.ndarray, *, values: list[int]) -> numpy.ndarray:
    """Which of `column` are one of `values`: `numpy.isin` by bisection, whose cost does
    not grow with the number of values (`isin` compares the column with each of a few)."""
    wanted = numpy.unique(numpy.array(values, dtype=numpy.uint64))
    at = numpy.searchsorted(wanted, column).clip(max=len(wanted) - 1)
    return wanted[at] == column


def between(indices: Sequence[int], start: int, end: int) -> Sequence[int]:
    """Those of sorted `indices` in [start, end): a sentence's share of a doc's."""
    return indices[bisect_left(indices, start) : bisect_left(indices, end)]
