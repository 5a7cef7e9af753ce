"""First person inside a quotation is its speaker: '"We condemn the attack," the minister said'.

A pronoun of the first person ("I", "we", "our") within quotation marks refers to whoever
the quote is attributed to: the subject of a reporting verb outside the quotation in the same
sentence or, for a quotation that runs over several sentences, in the nearest sentence of the
same paragraph that attributes it (the following sentences first: attributions usually close
a quote). Pronouns outside quotations are left alone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kittiwake.lang import load_clause_words
from kittiwake.nlp import paragraph_gaps
from kittiwake.records import Mention

FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours"})
ATTRIBUTION_REACH = 3  # sentences a quotation may run before or after its attribution


def quoted_first_person(doc: Doc, mentions: Sequence[Mention], *, doc_id: str) -> list[Mention]:
    """Mentions for the first-person pronouns of quotations, coded as their speakers."""
    coded = {m.head: m for m in mentions if m.actor.code}
    sentences = list(doc.sents)
    text = doc.text  # built from every token on each read: once here (issue 15, D9)
    breaks = paragraph_gaps(text)
    paragraphs = [bisect_right(breaks, s.start_char) for s in sentences]
    speakers = [speaker_of(sentence, coded, breaks, text) for sentence in sentences]
    found = []
    for index, sentence in enumerate(sentences):
        pronouns = [t for t in sentence if t.lower_ in FIRST_PERSON and is_quoted(t, breaks, text)]
        if not pronouns or any(t.i in coded for t in pronouns):
            continue
        speaker = speakers[index] or nearest_speaker(index, speakers, paragraphs)
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


def speaker_of(
    sentence: SpacySpan, coded: dict[int, Mention], breaks: Sequence[int], text: str
) -> Mention | None:
    """The coded subject of a reporting verb outside quotation marks ("..., Ban said")."""
    reporting = load_clause_words().reporting_verbs
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in reporting:
            continue
        if is_quoted(verb, breaks, text):
            continue
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in coded:
                return coded[child.i]
    return None


def nearest_speaker(
    index: int, speakers: Sequence[Mention | None], paragraphs: Sequence[int]
) -> Mention | None:
    for distance in range(1, ATTRIBUTION_REACH + 1):
        for other in (index + distance, index - distance):
            in_paragraph = 0 <= other < len(speakers) and paragraphs[other] == paragraphs[index]
            if in_paragraph and speakers[other] is not None:
                return speakers[other]
    return None


def is_quoted(token: Token, breaks: Sequence[int], text: str) -> bool:
    """Whether `token` stands between quotation marks opened earlier in its paragraph
    (`text`: the doc's text, which `Doc.text` rebuilds from every token on each read)."""
    start = breaks[bisect_right(breaks, token.idx) - 1] if breaks and breaks[0] < token.idx else 0
    before = text[start : token.idx]
    curly_open = before.count("\u201c") - before.count("\u201d")
    if curly_open > 0:
        return True
    return before.count('"') % 2 == 1


def quotation_speaker(token: Token, by_head: dict[int, list[Mention]]) -> Mention | None:
    """Who says what `token` says, when it stands in a quotation: '"Israel must exercise
    restraint," Ban said' (Ban demands), also for a quotation attributed in the nearest
    sentence of its paragraph."""
    doc = token.doc
    text = doc.text
    breaks = paragraph_gaps(text)
    if not is_quoted(token, breaks, text):
        return None
    coded = {head: found[0] for head, found in by_head.items() if found and found[0].actor.code}
    sentences = list(doc.sents)
    index = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
    paragraphs = [bisect_right(breaks, s.start_char) for s in sentences]
    low, high = max(0, index - ATTRIBUTION_REACH), index + ATTRIBUTION_REACH + 1
    speakers: list[Mention | None] = [None] * len(sentences)
    for near in range(low, min(high, len(sentences))):
        speakers[near] = speaker_of(sentences[near], coded, breaks, text)
    return speakers[index] or nearest_speaker(index, speakers, paragraphs)
