"""Resolve the actors named in a short text, optionally read in the light of its context.

This is the library behind `kittiwake actors resolve`: an analyst asks "what does kittiwake
make of *the two sides*, said on this date, after this sentence?" and gets the actor records
with the reason for each. The text is parsed after its context (`context + "\\n\\n" + text`)
so that coreference and country inference see what came before, but only mentions inside the
text itself are returned, with offsets into the text.

Query files are JSON Lines, one `{"id", "text", "date", "context"}` object per line; a line
that cannot be read becomes a `QueryError` naming `file:line`, and the rest of the file goes on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from kittiwake.actors.dictionaries import load_dictionaries
from kittiwake.actors.resolve import ActorResolver
from kittiwake.config import Settings
from kittiwake.geo.gazetteer import Gazetteer
from kittiwake.nlp import load_nlp
from kittiwake.records import Mention

# Two line breaks end the context's paragraph, so the text always starts a new sentence.
CONTEXT_SEPARATOR = "\n\n"

QueryId = str | int


@dataclass(frozen=True, slots=True)
class ResolvedActor:
    """One actor mention found in a query text; `text == query_text[start:end]`."""

    text: str
    start: int
    end: int
    code: str
    country: str | None
    sector: str | None
    entry: str | None  # the dictionary entry that matched, e.g. "person:john_kerry"
    name: str | None
    why: str
    kind: str
    refers_to: str | None = None  # the antecedent's text when found by coreference

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "entry": self.entry,
            "name": self.name,
            "kind": self.kind,
            "why": self.why,
            "refers_to": self.refers_to,
        }


@dataclass(frozen=True, slots=True)
class Query:
    """One question: the text to resolve, its date and the context that precedes it."""

    id: QueryId
    text: str
    date: dt.date | None = None
    context: str | None = None
    origin: str = ""  # file:line the query was read from


@dataclass(frozen=True, slots=True)
class QueryResult:
    id: QueryId
    actors: tuple[ResolvedActor, ...]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "actors": [actor.to_json() for actor in self.actors]}


@dataclass(frozen=True, slots=True)
class QueryError:
    """A query line that could not be read or resolved; `origin` is `file:line`."""

    id: QueryId | None
    origin: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "error": f"{self.origin}: {self.reason}"}


# -- resolving ----------------------------------------------------------------------------------
def resolve_actor_text(
    text: str,
    *,
    date: dt.date | None,
    context: str | None,
    resolver: ActorResolver,
    nlp: Language,
) -> list[ResolvedActor]:
    """The actors named in `text` as of `date`, most likely first (see `likelihood_order`)."""
    doc = nlp(joined_text(text, context=context))
    return actors_in_text(doc, text=text, context=context, date=date, resolver=resolver)


def joined_text(text: str, *, context: str | None) -> str:
    return f"{context}{CONTEXT_SEPARATOR}{text}" if context else text


def actors_in_text(
    doc: Doc,
    *,
    text: str,
    context: str | None,
    date: dt.date | None,
    resolver: ActorResolver,
    doc_id: str = "query",
) -> list[ResolvedActor]:
    """The mentions of a parsed `context + text` that lie in `text`, offsets made relative to it."""
    offset = len(context) + len(CONTEXT_SEPARATOR) if context else 0
    mentions = resolver(doc, doc_id=doc_id, date=date)
    found = [to_resolved(m, offset=offset) for m in mentions if m.start >= offset]
    return sorted(found, key=likelihood_order)


def to_resolved(mention: Mention, *, offset: int) -> ResolvedActor:
    actor = mention.actor
    return ResolvedActor(
        text=mention.text,
        start=mention.start - offset,
        end=mention.end - offset,
        code=actor.code,
        country=actor.country,
        sector=actor.sector,
        entry=actor.entry_id,
        name=actor.name,
        why=actor.reason,
        kind=actor.kind,
        refers_to=mention.coref_of,
    )


def likelihood_order(actor: ResolvedActor) -> tuple[int, int, int]:
    """Fully coded actors first, then partial codes (sector or country only), then unknowns;
    within each tier, in the order of the text, longer spans first."""
    if actor.country and (actor.sector or actor.entry):
        tier = 0
    elif actor.code:
        tier = 1
    else:
        tier = 2
    return (tier, actor.start, -actor.end)


class ActorQuery:
    """The resources for answering queries, loaded once: cheap to call many times."""

    def __init__(self, *, resolver: ActorResolver, nlp: Language) -> None:
        self.resolver = resolver
        self.nlp = nlp

    @classmethod
    def from_settings(cls, settings: Settings) -> ActorQuery:
        """Load the spaCy model, the dictionaries (shipped plus `settings.dictionaries`) and
        the gazetteer, as the pipeline does, so that a query resolves as coding would."""
        nlp = load_nlp(settings.model)
        dictionaries = load_dictionaries(extra_paths=settings.dictionaries)
        resolver = ActorResolver(dictionaries=dictionaries, nlp=nlp, gazetteer=Gazetteer.load())
        return cls(resolver=resolver, nlp=nlp)

    def __call__(
        self, text: str, *, date: dt.date | None = None, context: str | None = None
    ) -> list[ResolvedActor]:
        return resolve_actor_text(
            text, date=date, context=context, resolver=self.resolver, nlp=self.nlp
        )

    def resolve_all(
        self, queries: Iterable[Query | QueryError], *, batch_size: int = 64
    ) -> Iterator[QueryResult | QueryError]:
        return resolve_queries(queries, resolver=self.resolver, nlp=self.nlp, batch_size=batch_size)


def resolve_queries(
    queries: Iterable[Query | QueryError],
    *,
    resolver: ActorResolver,
    nlp: Language,
    batch_size: int = 64,
) -> Iterator[QueryResult | QueryError]:
    """Resolve many queries in input order, parsing them in batches; errors pass through.

    A query the resolver fails on becomes a QueryError, so one bad query never stops a file.
    """
    for chunk in chunks(queries, size=batch_size):
        good = [q for q in chunk if isinstance(q, Query)]
        docs = iter(nlp.pipe(joined_text(q.text, context=q.context) for q in good))
        for item in chunk:
            yield item if isinstance(item, QueryError) else answer(item, next(docs), resolver)


def answer(query: Query, doc: Doc, resolver: ActorResolver) -> QueryResult | QueryError:
    try:
        actors = actors_in_text(
            doc,
            text=query.text,
            context=query.context,
            date=query.date,
            resolver=resolver,
            doc_id=str(query.id),
        )
    except Exception as error:  # noqa: BLE001 - report the query, go on with the rest
        return QueryError(
            query.id, query.origin, f"resolution failed: {type(error).__name__}: {error}"
        )
    return QueryResult(id=query.id, actors=tuple(actors))


def chunks(
    items: Iterable[Query | QueryError], *, size: int
) -> Iterator[Sequence[Query | QueryError]]:
    chunk: list[Query | QueryError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- reading query files ------------------------------------------------------------------------
class QueryModel(BaseModel):
    """One line of a query file, validated at the edge."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: StrictStr | StrictInt
    text: str = Field(min_length=1)
    date: dt.date | None = None
    context: str | None = None


def read_queries(
    path: Path,
    *,
    default_date: dt.date | None = None,
    default_context: str | None = None,
) -> Iterator[Query | QueryError]:
    """The queries of a JSON Lines file; blank lines are skipped, bad ones become QueryErrors."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield parse_query_line(
                    line,
                    origin=f"{path}:{number}",
                    default_date=default_date,
                    default_context=default_context,
                )


def parse_query_line(
    line: str,
    *,
    origin: str,
    default_date: dt.date | None = None,
    default_context: str | None = None,
) -> Query | QueryError:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as error:
        return QueryError(None, origin, f"not JSON: {error.msg} at column {error.colno}")
    if not isinstance(raw, dict):
        return QueryError(None, origin, f"expected a JSON object, got {type(raw).__name__}")
    raw_id = raw.get("id")
    known_id = raw_id if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None
    try:
        model = QueryModel.model_validate(raw)
    except ValidationError as error:
        return QueryError(known_id, origin, validation_message(error))
    return Query(
        id=model.id,
        text=model.text,
        date=model.date or default_date,
        context=model.context if model.context is not None else default_context,
        origin=origin,
    )


def validation_message(error: ValidationError) -> str:
    """ "field: message" for each problem, the field named as the user wrote it."""
    problems = []
    for detail in error.errors():
        field = str(detail["loc"][0]) if detail["loc"] else "line"
        problems.append(f"{field}: {detail['msg']}")
    return "; ".join(dict.fromkeys(problems))
