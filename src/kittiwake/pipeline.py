"""The orchestrator: one article through every stage, in order.

    read -> clean -> parse -> actors -> events -> when -> where -> recipients -> CodedArticle

Stages load their resources once, in `Pipeline.__init__`; `Pipeline` pickles by its settings
so worker processes (a process pool, a Dask cluster) rebuild it instead of copying models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import TypeVar

from spacy.tokens import Doc

from kittiwake.actors.dictionaries import country_words, load_dictionaries
from kittiwake.actors.lexicon import Discards
from kittiwake.actors.resolve import ActorResolver
from kittiwake.clean import clean_article, span_start
from kittiwake.collector import fewer_collections
from kittiwake.config import Settings
from kittiwake.episodes import EpisodeDates
from kittiwake.events.code import EventCoder
from kittiwake.events.codebook import load_codebook
from kittiwake.events.patterns import load_patterns
from kittiwake.events.recipients import place_as_target
from kittiwake.geo.gazetteer import Gazetteer
from kittiwake.limits import TimeLimitError, cap_events, text_cuts, time_limit, too_long
from kittiwake.nlp import Parser, sentences_of
from kittiwake.parse_ahead import parsed_ahead
from kittiwake.read.common import doc_id_for
from kittiwake.records import REPORTABLE_MODALITIES, Article, CodedArticle, Event, Rejected
from kittiwake.when import DateResolver
from kittiwake.where import (
    FilingPlace,
    PlaceFinder,
    PlaceResolver,
    SceneCountry,
    filing_country,
)

# Articles parsed together by `code_all`: spaCy's `nlp.pipe` batches the parser's matrix work
# (1.17-1.26x the end-to-end throughput of one article at a time on 160-200 news articles,
# benchmarks/pipe_throughput.py); a chunk's docs are held in memory.
CHUNK_SIZE = 32
R = TypeVar("R", CodedArticle, Article)


class Pipeline:
    """Codes articles; `pipeline(article)` returns a CodedArticle or a Rejected."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        # The gazetteer before the model: mapped from its cache it costs nothing, and when a
        # first run builds it (10 s) the model then reuses the memory the build's working
        # tables leave behind instead of adding to it (first-run peak 500 -> 400 MB).
        gazetteer = Gazetteer.load()  # one copy: places, and the countries of actors' towns
        self.parse = Parser(model=self.settings.model)
        self.limits = self.settings.limits
        # spaCy refuses texts over its own max_length (1M characters): ours is max_chars
        self.parse.nlp.max_length = max(self.parse.nlp.max_length, self.limits.max_chars)
        dictionaries = load_dictionaries(extra_paths=self.settings.dictionaries)
        self.actors = ActorResolver(
            dictionaries=dictionaries, nlp=self.parse.nlp, gazetteer=gazetteer
        )
        self.discards = Discards(discards=dictionaries.discards, nlp=self.parse.nlp)
        self.events = EventCoder(
            patterns=load_patterns(extra_paths=self.settings.patterns), codebook=load_codebook()
        )
        self.dates = DateResolver()
        self.episodes = EpisodeDates()
        self.find_places = PlaceFinder(
            gazetteer=gazetteer, country_words=country_words(dictionaries)
        )
        self.places = PlaceResolver(countries=gazetteer)
        self.filing_place = FilingPlace(gazetteer=gazetteer)
        self.scene = SceneCountry(countries=gazetteer)

    def __call__(self, article: Article, *, doc: Doc | None = None) -> CodedArticle | Rejected:
        """Code `article`; with `doc`, the article is already prepared and `doc` its parse
        (`code_all` parses many at once)."""
        if doc is None:
            prepared = self.prepare(article)
            if isinstance(prepared, Rejected):
                return prepared
            article, doc = prepared, self.parse(prepared)
        article, doc = self.within_limits(article, doc)
        # people are resolved as of the story's own date; an undated story takes each
        # person's principal role, not the roles they hold on the day it is coded
        filed_from = self.filing_place(article)  # the dateline: where the story was filed
        filed_in = filing_country(filed_from)  # none for Geneva, Brussels, New York ...
        mentions = self.actors(doc, doc_id=article.doc_id, date=article.date, filed_in=filed_in)
        events = self.events(doc, mentions, doc_id=article.doc_id)
        discarded = self.discards(doc)  # PETRARCH's discard list: sentences or the story
        events = [event for event in events if discarded.keeps(event.sentence)]
        events, capped = cap_events(events, limits=self.limits)
        article = replace(article, notes=(*article.notes, *capped))
        # an undated story dates only what it dates itself ("in March 2011"); "on Tuesday"
        # has no anchor, and today's date would put its events after the story was read
        events = self.dates(events, doc, article.date)
        events = self.episodes(events, doc, article.date)
        places = self.find_places(doc, mentions)
        events = self.places(events, doc, places, filed_from=filed_from)
        # the dateline's place counts first: a wire story is set where it was filed unless
        # it places more of itself elsewhere ("MANILA (AFP) - ... demanded a recount")
        filed = [filed_from] if filed_from is not None and filed_in else []
        events = place_as_target(events, scene=self.scene([*filed, *places]))
        return CodedArticle(
            article=article,
            sentences=sentences_of(doc, doc_id=article.doc_id),
            mentions=tuple(mentions),
            events=tuple(events),
            places=tuple(places),
        )

    def within_limits(self, article: Article, doc: Doc) -> tuple[Article, Doc]:
        """The article and its parse without what the sentence limits cut: masked like
        boilerplate, noted on the article, and parsed again."""
        spans, notes = text_cuts(doc, text=article.text, limits=self.limits)
        if not spans:
            return article, doc
        excluded = tuple(sorted((*article.excluded, *spans), key=span_start))
        article = replace(article, excluded=excluded, notes=(*article.notes, *notes))
        return article, self.parse(article)

    def prepare(self, article: Article) -> Article | Rejected:
        """The article cleaned (boilerplate marked, language set), or why it is not coded."""
        if rejected := too_long(article, limits=self.limits):
            return rejected
        article = clean_article(article)
        if article.language not in ("en", "und"):  # too short to tell ("und") is given a chance
            return Rejected(article.origin or article.doc_id, f"not English ({article.language})")
        return article

    def code_all(
        self, items: Iterable[Article | Rejected], *, chunk_size: int = CHUNK_SIZE
    ) -> Iterator[CodedArticle | Rejected]:
        """Code a stream of articles, in order, parsing `chunk_size` at a time, the next
        chunk in a second thread while this one is coded (`kittiwake.parse_ahead`);
        rejections pass through, one bad article never stops it."""
        stream = iter(items)
        chunks = iter(lambda: self.prepared(list(islice(stream, chunk_size))), [])
        for prepared, docs in parsed_ahead(
            chunks,
            parse=self.parse_prepared,
            seconds=self.chunk_seconds,
            timed_out=lambda _: None,  # parsed again one by one, each within its own time
        ):
            with fewer_collections():
                coded = self.code_parsed(prepared, docs)
            yield from coded

    def code_chunk(self, items: Sequence[Article | Rejected]) -> list[CodedArticle | Rejected]:
        """Code a list of articles (what an ingest worker is sent) with one `nlp.pipe`, the
        garbage collector running less often (`kittiwake.collector`)."""
        with fewer_collections():
            prepared = self.prepared(items)
            return self.code_parsed(prepared, self.parse_prepared(prepared))

    def prepared(self, items: Sequence[Article | Rejected]) -> list[Article | Rejected]:
        return [
            item if isinstance(item, Rejected) else self._safely(self.prepare, item)
            for item in items
        ]

    def chunk_seconds(self, prepared: Sequence[Article | Rejected]) -> float:
        """How long parsing a chunk's articles may take (0: no limit)."""
        return self.limits.max_parse_seconds * sum(isinstance(i, Article) for i in prepared)

    def parse_prepared(self, prepared: Sequence[Article | Rejected]) -> list[Doc] | None:
        """The parses of a chunk's articles with one `nlp.pipe`, or None when one article
        broke the batch or it ran out of time (each is then parsed alone)."""
        articles = [item for item in prepared if isinstance(item, Article)]
        try:
            with time_limit(self.chunk_seconds(prepared), what="parse a chunk"):
                return self.parse.pipe(articles, batch_size=max(1, len(articles)))
        except Exception:  # noqa: BLE001 - one article broke the batch: parse each alone
            return None

    def code_parsed(
        self, prepared: Sequence[Article | Rejected], docs: list[Doc] | None
    ) -> list[CodedArticle | Rejected]:
        parses: Iterator[Doc | None] = iter(docs if docs is not None else [None] * len(prepared))
        return [
            item if isinstance(item, Rejected) else self.code_safely(item, doc=next(parses))
            for item in prepared
        ]

    def code_safely(self, article: Article, *, doc: Doc | None = None) -> CodedArticle | Rejected:
        """Like calling the pipeline, but an article that breaks a stage is set aside."""
        return self._safely(lambda a: self.within_time(a, doc=doc), article)

    def within_time(self, article: Article, *, doc: Doc | None) -> CodedArticle | Rejected:
        with time_limit(self.limits.max_parse_seconds, what="parse and code it"):
            return self(article, doc=doc)

    def _safely(self, stage: Callable[[Article], R | Rejected], article: Article) -> R | Rejected:
        try:
            return stage(article)
        except Exception as error:  # noqa: BLE001 - set the article aside with its reason
            origin = article.origin or article.doc_id
            reason = f"coding failed: {type(error).__name__}: {error}"
            return Rejected(
                origin, str(error) if isinstance(error, TimeLimitError) else reason, article.doc_id
            )

    def __getstate__(self) -> dict[str, Settings]:
        return {"settings": self.settings}

    def __setstate__(self, state: dict[str, Settings]) -> None:
        self.__init__(state["settings"])  # type: ignore[misc]


def is_reportable(event: Event) -> bool:
    """Acts reported as done, and speech acts about others: not negated, not hypothetical."""
    return not event.negated and event.modality in REPORTABLE_MODALITIES


def is_default_output(event: Event) -> bool:
    """What an analyst gets by default: reportable events that say who did what to whom
    (`Event.is_complete`): both actors coded, a statement, protest or show of force by a
    coded source, an attack or coercion of a coded target by an unnamed doer, or a
    criticism or accusation with either side coded.

    The others ("Turkey paid a visit", to no one named) are kept in the store and shown
    with `--all`: on whole real articles most of them lack an actor the text does name.
    """
    return is_reportable(event) and event.is_complete


def code_text(
    text: str,
    *,
    date: dt.date | str | None = None,
    doc_id: str | None = None,
    pipeline: Pipeline | None = None,
    include_all: bool = False,
) -> list[Event]:
    """Code one document's text; by default only `is_default_output` events."""
    return code_texts(
        [text], date=date, pipeline=pipeline, include_all=include_all, doc_ids=[doc_id]
    )[0]


def code_texts(
    texts: Iterable[str],
    *,
    date: dt.date | str | None = None,
    doc_ids: Iterable[str | None] | None = None,
    pipeline: Pipeline | None = None,
    include_all: bool = False,
) -> list[list[Event]]:
    """Code many documents with one pipeline; one list of events per text."""
    pipeline = pipeline or Pipeline()
    published = dt.date.fromisoformat(date) if isinstance(date, str) else date
    ids = list(doc_ids) if doc_ids is not None else []
    results = []
    for i, text in enumerate(texts):
        doc_id = ids[i] if i < len(ids) else None
        article = Article(
            doc_id=doc_id or doc_id_for(text), text=text, date=published, origin="<text>"
        )
        coded = pipeline(article)
        if isinstance(coded, Rejected):
            raise ValueError(f"{coded.origin}: {coded.reason}")
        results.append([e for e in coded.events if include_all or is_default_output(e)])
    return results
