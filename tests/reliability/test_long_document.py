"""One long document: coding time grows with its length, not with its square (issue 15, D9)."""

from __future__ import annotations

import time

import pytest
from bad_inputs import coordination

from kittiwake.actors.resolve import SentenceEntities, entity_around
from kittiwake.limits import Limits
from kittiwake.nlp import Parser
from kittiwake.pipeline import Pipeline
from kittiwake.records import Article, CodedArticle

pytestmark = pytest.mark.slow

PARAGRAPH = (
    "Russian President Vladimir Putin met Chinese officials in Beijing on Monday. "
    "The United Nations said the talks in Geneva would resume. "
    "Reuters reported that protesters in Kyiv clashed with police near the Parliament. "
    "Angela Merkel and Emmanuel Macron criticised the European Commission."
)


def long_text(sentences: int) -> str:
    paragraphs = -(-sentences // 4)
    return "\n\n".join([PARAGRAPH] * paragraphs)


def test_sentence_entities_are_what_span_ents_gives(pipeline: Pipeline) -> None:
    doc = pipeline.parse(Article(doc_id="ents", text=long_text(40)))
    entities_of = SentenceEntities(doc)
    for sentence in doc.sents:
        expected = [(e.start, e.end, e.label_) for e in sentence.ents]
        assert [(e.start, e.end, e.label_) for e in entities_of(sentence)] == expected
    assert sum(len(entities_of(sentence)) for sentence in doc.sents) > 40


# Many entities but no actor (dates, counts, sums), so the time measured is that of finding
# each sentence's entities, not that of other per-document work on actors.
NUMBERS = (
    "On 12 March 2015, 340 boxes cost 25 dollars each. "
    "By June 2016 about 1,200 of them had gone, and 75 percent arrived late. "
    "In 2017 the 18 crates weighed 3 million tonnes. "
    "Two thousand chairs stood there on the first Sunday of May."
)


def resolve_seconds_per_sentence(pipeline: Pipeline, sentences: int) -> float:
    text = "\n\n".join([NUMBERS] * (sentences // 4))
    doc = pipeline.parse(Article(doc_id="long", text=text))
    started = time.perf_counter()
    pipeline.actors(doc, doc_id="long", date=None)
    return (time.perf_counter() - started) / sentences


def test_actor_resolution_time_per_sentence_stays_flat(pipeline: Pipeline) -> None:
    resolve_seconds_per_sentence(pipeline, 20)  # warm-up: caches filled on first use
    # The fastest of a few runs: a busy machine slows single runs, never speeds them up.
    short = min(resolve_seconds_per_sentence(pipeline, 200) for _ in range(3))
    long = min(resolve_seconds_per_sentence(pipeline, 1600) for _ in range(2))
    # Linear time gives a ratio near 1, quadratic about 8; 2.5 leaves room for a busy machine.
    assert long / short < 2.5


def test_a_thousand_coordinated_names_are_coded(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chain of 1,000 conjuncts once overflowed the recursion limit (D14). With the limits
    off: `max_sentence_tokens` would mask the sentence, and the chain would not be read."""
    monkeypatch.setattr(pipeline, "limits", Limits())
    coded = pipeline.code_safely(Article(doc_id="names", text=coordination(1000)))
    assert isinstance(coded, CodedArticle), coded
    assert len(coded.mentions) > 100 and not coded.article.notes


def test_entity_around_a_token_is_the_one_doc_ents_gives(pipeline: Pipeline) -> None:
    doc = pipeline.parse(Article(doc_id="ents", text=long_text(40)))
    containing = {i: (e.start, e.end, e.label_) for e in doc.ents for i in range(e.start, e.end)}
    for index in range(len(doc)):
        found = entity_around(doc, index)
        assert (None if found is None else (found.start, found.end, found.label_)) == (
            containing.get(index)
        )


# " " and "  ": one line, cut after sentences
@pytest.mark.parametrize("between", ["\n\n", "\n", " \n \n\t", " ", "  "])
def test_a_long_text_parsed_in_runs_of_paragraphs_keeps_its_tokens_and_sentences(
    pipeline: Pipeline, between: str
) -> None:
    text = between.join([PARAGRAPH] * 10)  # ten paragraphs of 283 characters
    whole = pipeline.parse.nlp(text)
    in_runs = Parser(model=pipeline.settings.model, run_chars=600).parse_text(text)
    assert in_runs.text == text
    assert [(t.idx, t.text) for t in in_runs] == [(t.idx, t.text) for t in whole]
    assert [(s.start, s.end) for s in in_runs.sents] == [(s.start, s.end) for s in whole.sents]
    assert len(in_runs.ents) > 40


def test_parser_pipe_keeps_the_order_of_long_and_short_articles(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    parser = Parser(model=pipeline.settings.model, run_chars=600)
    texts = ["Rebels attacked Aleppo.", long_text(12), "Talks resumed in Geneva."]
    docs = parser.pipe([Article(doc_id=str(i), text=t) for i, t in enumerate(texts)])
    assert [doc.text for doc in docs] == texts
    monkeypatch.setattr(parser.nlp, "max_length", 1000)  # the limit of a whole parse holds
    with pytest.raises(ValueError, match="max_length"):
        parser.parse_text(long_text(40))
