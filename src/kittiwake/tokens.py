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
from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

TEXT_KEY = "kittiwake.text"
T = TypeVar("T")


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
        self.columns = {
            name: array[:, n].copy() for n, name in enumerate(("lower", "lemma", "pos", "tag"))
        }
        strings = doc.vocab.strings
        # each distinct value named once: a doc has far fewer of them than tokens
        self.names: dict[str, dict[int, str]] = {
            "lower": {value: strings[value] for value in set(self.columns["lower"].tolist())},
            "lemma": {
                value: strings[value].lower() for value in set(self.columns["lemma"].tolist())
            },
            "tag": {value: strings[value] for value in set(self.columns["tag"].tolist())},
        }
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
                passed |= numpy.isin(self.columns[attribute], self.values(attribute, words))
            found = self.found[tests] = numpy.flatnonzero(passed).tolist()
        return found

    def values(self, attribute: str, words: frozenset[str]) -> numpy.ndarray:
        """The spaCy ids of `words` as `attribute` values of this doc."""
        if attribute == "pos":
            values = [POS_IDS[word] for word in words if word in POS_IDS]
        else:
            values = [value for value, name in self.names[attribute].items() if name in words]
        return numpy.array(values, dtype=numpy.uint64)


def between(indices: Sequence[int], start: int, end: int) -> Sequence[int]:
    """Those of sorted `indices` in [start, end): a sentence's share of a doc's."""
    return indices[bisect_left(indices, start) : bisect_left(indices, end)]
