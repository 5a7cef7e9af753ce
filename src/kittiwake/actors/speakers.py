"""First person inside a quotation is its speaker: '"We condemn the attack," the minister said'.

A pronoun of the first person ("I", "we", "our") within quotation marks refers to whoever
the quote is attributed to: the subject of a reporting verb outside the quotation in the same
sentence or, for a quotation that runs over several sentences, in the nearest sentence of the
same paragraph that attributes it (the following sentences first: attributions usually close
a quote). Pronouns outside quotations are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kittiwake.lang import load_clause_words
from kittiwake.nlp import paragraph_gaps
from kittiwake.records import Mention
from kittiwake.tokens import TokenTable, between, doc_text, kept

T = TypeVar("T")

FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours"})
ATTRIBUTION_REACH = 3  # sentences a quotation may run before or after its attribution
QUOTE_MARKS = ("\u201c", "\u201d", '"')  # opening, closing, straight


class Quotations:
    """Where a doc's paragraphs, sentences and quotation marks are, read once per doc: a
    quotation's speaker is looked for at every act in a quotation, and reading the whole
    doc (its text, its sentences) each time grew with the square of its length (issue 15,
    D9). `Quotations.of(doc)` keeps it in `doc.user_data`."""

    KEY = "kittiwake.quotations"

    def __init__(self, doc: Doc) -> None:
        text = doc_text(doc)
        self.breaks = paragraph_gaps(text)
        sentences = list(doc.sents)
        self.starts = [sentence.start for sentence in sentences]
        self.ends = [sentence.end for sentence in sentences]
        self.paragraphs = [bisect_right(self.breaks, s.start_char) for s in sentences]
        self.marks = {mark: [m.start() for m in re.finditer(mark, text)] for mark in QUOTE_MARKS}

    @classmethod
    def of(cls, doc: Doc) -> Quotations:
        return kept(doc, cls.KEY, make=cls, kind=cls)

    def sentence(self, doc: Doc, index: int) -> SpacySpan:
        return doc[self.starts[index] : self.ends[index]]

    def quoted_sentences(self, doc: Doc) -> list[int]:
        """The sentences that are quoted from end to end: words of a speaker named around
        them, no narration of their own."""
        found = []
        for index, (start, end) in enumerate(zip(self.starts, self.ends, strict=True)):
            words = [t for t in doc[start:end] if t.is_alpha]
            if words and self.is_quoted(words[0]) and self.is_quoted(words[-1]):
                found.append(index)
        return found

    def is_quoted(self, token: Token) -> bool:
        """Whether `token` stands between quotation marks opened earlier in its paragraph."""
        breaks = self.breaks
        start = (
            breaks[bisect_right(breaks, token.idx) - 1] if breaks and breaks[0] < token.idx else 0
        )

        def count(mark: str) -> int:  # the marks between the paragraph's start and `token`
            at = self.marks[mark]
            return bisect_left(at, token.idx) - bisect_left(at, start)

        if count("\u201c") - count("\u201d") > 0:
            return True
        return count('"') % 2 == 1


def quoted_first_person(doc: Doc, mentions: Sequence[Mention], *, doc_id: str) -> list[Mention]:
    """Mentions for the first-person pronouns of quotations, coded as their speakers."""
    first_person = TokenTable.of(doc).where(("lower", FIRST_PERSON))
    if not first_person:
        return []
    coded = {m.head: m for m in mentions if m.actor.code}
    quotes = Quotations.of(doc)
    sentences = [quotes.sentence(doc, index) for index in range(len(quotes.starts))]
    speakers = [speaker_of(sentence, coded.get, quotes) for sentence in sentences]
    found = []
    for index, sentence in enumerate(sentences):
        words = (doc[i] for i in between(first_person, sentence.start, sentence.end))
        pronouns = [t for t in words if quotes.is_quoted(t)]
        if not pronouns or any(t.i in coded for t in pronouns):
            continue
        speaker = speakers[index] or nearest_speaker(index, speakers, quotes.paragraphs)
        if speaker is None:
            continue
        for pronoun in pronouns:
            actor = replace(
                speaker.actor,
                reason=f"speaker of the quotation, {speaker.text!r}: {speaker.actor.reason}",
            )
            found.append(
                Mention(
                    doc_id=doc_id,
                    sentence=index,
                    start=pronoun.idx,
                    end=pronoun.idx + len(pronoun.text),
                    text=pronoun.text,
                    actor=actor,
                    head=pronoun.i,
                    token_start=pronoun.i,
                    token_end=pronoun.i + 1,
                    coref_of=speaker.text,
                )
            )
    return found


def attribution_verbs(sentence: SpacySpan, quotes: Quotations) -> Iterator[Token]:
    """The reporting verbs of a sentence outside quotation marks ("..., Ban said")."""
    doc = sentence.doc
    reporting = TokenTable.of(doc).where(("lemma", load_clause_words().reporting_verbs))
    for i in between(reporting, sentence.start, sentence.end):
        verb = doc[i]
        if verb.pos_ == "VERB" and not quotes.is_quoted(verb):
            yield verb


def speaker_of(
    sentence: SpacySpan, coded: Callable[[int], Mention | None], quotes: Quotations
) -> Mention | None:
    """The coded subject of a reporting verb outside quotation marks ("..., Ban said");
    `coded` gives the coded mention headed by a token, if any."""
    for verb in attribution_verbs(sentence, quotes):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and (mention := coded(child.i)) is not None:
                return mention
    for source in according_to(sentence, quotes):  # "According to the minister, ..."
        if (mention := coded(source.i)) is not None:
            return mention
    return None


def according_to(sentence: SpacySpan, quotes: Quotations) -> Iterator[Token]:
    """Whom "according to" names outside quotation marks: a source the sentence, and the
    quotation beside it, is attributed to."""
    for token in sentence:
        if token.lower_ != "according" or quotes.is_quoted(token):
            continue
        for to in (c for c in token.children if c.lower_ == "to"):
            yield from (c for c in to.children if c.dep_ == "pobj")


def nearest_speaker(
    index: int,
    speakers: Sequence[Mention | None] | Mapping[int, Mention | None],
    paragraphs: Sequence[int],
) -> Mention | None:
    """The speaker of the nearest sentence of the same paragraph (`paragraphs`: each
    sentence's) within reach; `speakers` holds at least the sentences within reach."""
    return nearest_in_paragraph(index, lambda other: speakers[other], paragraphs)


def nearest_in_paragraph(
    index: int, found: Callable[[int], T | None], paragraphs: Sequence[int]
) -> T | None:
    """What `found` finds in the nearest other sentence of sentence `index`'s paragraph
    within reach (`paragraphs`: each sentence's), the following one first at each distance:
    attributions usually close a quotation."""
    for distance in range(1, ATTRIBUTION_REACH + 1):
        for other in (index + distance, index - distance):
            if 0 <= other < len(paragraphs) and paragraphs[other] == paragraphs[index]:
                value = found(other)
                if value is not None:
                    return value
    return None


def quotation_speaker(token: Token, by_head: dict[int, list[Mention]]) -> Mention | None:
    """Who says what `token` says, when it stands in a quotation: '"Israel must exercise
    restraint," Ban said' (Ban demands), also for a quotation attributed in the nearest
    sentence of its paragraph."""
    doc = token.doc
    quotes = Quotations.of(doc)
    if not quotes.is_quoted(token):
        return None

    def coded(head: int) -> Mention | None:
        found = by_head.get(head)
        return found[0] if found and found[0].actor.code else None

    index = bisect_right(quotes.starts, token.i) - 1
    low, high = max(0, index - ATTRIBUTION_REACH), index + ATTRIBUTION_REACH + 1
    speakers = {
        near: speaker_of(quotes.sentence(doc, near), coded, quotes)
        for near in range(low, min(high, len(quotes.starts)))
    }
    return speakers[index] or nearest_speaker(index, speakers, quotes.paragraphs)
