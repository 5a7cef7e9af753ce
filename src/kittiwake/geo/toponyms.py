"""Find place mentions in a parsed document and resolve them to gazetteer entries.

Mentions are spaCy GPE, LOC and FAC entities (and NORP ones that are the object of a
preposition: the small model tags some towns so), extended over a following administrative
word ("Idlib" + "province"), plus capitalised words before such a word that the model
did not tag ("Deir ez-Zor province"). A place named as the subject of a verb other than a
locative one ("Washington said", "Moscow accused") is a government acting, not a
location: `find_places` leaves those out unless `include_actors=True` (the actor stage
codes them as actors; as places they must not become an event's location).

Resolution scores each candidate entry of a mention and keeps the best:

- a population prior, log10(population);
- a feature prior: countries first, then first-level regions and capitals; a feature named
  by an administrative word ("province" -> region) is worth more than either;
- a qualifier: "Springfield, Illinois" or "Paris, Texas" keeps the candidates in the
  region or country named right after the comma;
- document context: the countries and first-level regions that the document's other
  names resolve to without context (their shares), and `context_countries`
  given by the caller (e.g. the countries of the actors found in the document). Each
  distinct name votes once, and a mention's own name does not vote for it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kittiwake.geo.gazetteer import (
    ADMIN_WORDS,
    GazEntry,
    Gazetteer,
    feature_hint,
    normalise_name,
)
from kittiwake.records import Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Verbs whose subject can be a place as a place ("Idlib lies ...", "Texas has 30 million").
LOCATIVE_VERBS = frozenset(
    {"be", "lie", "sit", "border", "remain", "become", "have", "host", "see", "stretch",
     "experience", "receive", "record", "get", "suffer", "face", "neighbour", "neighbor"}
)  # fmt: skip
FEATURE_PRIOR = {"PCLI": 3.0, "CONT": 3.0, "ADM1": -0.5, "PPLC": 1.5, "ADM2": -1.0, "PPL": 0.0}
HINT_BONUS = 5.0
QUALIFIER_BONUS = 8.0
COUNTRY_CONTEXT_WEIGHT = 8.0
ADMIN1_CONTEXT_WEIGHT = 5.0
GIVEN_COUNTRY_BONUS = 4.0


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place mention: its span, what it resolved to, and whether it names an actor."""

    start: int
    end: int
    text: str
    entry: GazEntry | None
    actor: bool = False

    def to_place(self) -> Place | None:
        if self.entry is None:
            return None
        entry = self.entry
        return Place(
            name=entry.name,
            country=entry.country,
            lat=entry.lat,
            lon=entry.lon,
            geonameid=entry.geonameid,
            feature=entry.feature,
            admin1=entry.admin1,
            text=self.text,
            start=self.start,
            end=self.end,
        )


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter[str]
    admin1: Counter[tuple[str, str]]
    total: int
    given: frozenset[str]


def find_places(
    doc: Doc,
    *,
    gazetteer: Gazetteer,
    context_countries: Sequence[str] = (),
    include_actors: bool = False,
) -> list[Place]:
    """Resolved place mentions of `doc`, in text order (offsets into `doc.text`)."""
    toponyms = find_toponyms(doc, gazetteer=gazetteer, context_countries=context_countries)
    places = [t.to_place() for t in toponyms if include_actors or not t.actor]
    return [place for place in places if place is not None]


def find_toponyms(
    doc: Doc, *, gazetteer: Gazetteer, context_countries: Sequence[str] = ()
) -> list[Toponym]:
    """Every place mention with its resolution (None when the gazetteer has no match)."""
    spans = mention_spans(doc)
    entries = resolve_spans(
        doc.text,
        [(span.start_char, span.end_char) for span in spans],
        gazetteer=gazetteer,
        context_countries=context_countries,
    )
    return [
        Toponym(span.start_char, span.end_char, span.text, entry, names_actor(span))
        for span, entry in zip(spans, entries, strict=True)
        if entry is not None
    ]


def mention_spans(doc: Doc) -> list[Span]:
    """Candidate place spans: place entities, extended over an administrative word."""
    spans: list[Span] = []
    taken: set[int] = set()
    for ent in doc.ents:
        # the small model tags some towns NORP ("the city of Aleppo"); a demonym is never
        # the object of a preposition, so such a NORP is taken as a place
        if ent.label_ not in PLACE_LABELS and not (
            ent.label_ == "NORP" and ent.root.dep_ == "pobj"
        ):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
        end = ent.end
        if end < len(doc) and doc[end].lower_ in ADMIN_WORDS:
            end += 1
        spans.append(doc[start:end])
        taken.update(range(start, end))
    for token in doc:
        if (
            token.lower_ not in ADMIN_WORDS - {"city", "town", "village", "state"}
            or token.i in taken
        ):
            continue
        start = token.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].i not in taken:
            start -= 1
        if start < token.i:
            spans.append(doc[start : token.i + 1])
            taken.update(range(start, token.i + 1))
    return sorted(spans, key=lambda span: span.start)


def names_actor(span: Span) -> bool:
    """True for a place named as the acting subject of a verb ("Moscow accused")."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    head = root.head
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in LOCATIVE_VERBS


def resolve_spans(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    gazetteer: Gazetteer,
    context_countries: Sequence[str] = (),
) -> list[GazEntry | None]:
    """Resolve each (start, end) span of `text`, using the others as context."""
    names = [text[start:end] for start, end in spans]
    candidates = [gazetteer.candidates(name) for name in names]
    hints = [feature_hint(name) for name in names]
    qualifiers = _qualifiers(text, spans, candidates)
    no_context = _Context(Counter(), Counter(), 0, frozenset(context_countries))
    first = [
        _best(cands, hint=hint, qualifier=qual, context=no_context)
        for cands, hint, qual in zip(candidates, hints, qualifiers, strict=True)
    ]
    keys = [normalise_name(name) for name in names]
    # one vote per distinct name, so that a name repeated ten times cannot outvote the rest
    votes = dict(zip(keys, first, strict=True))
    resolved = []
    for cands, hint, qual, key in zip(candidates, hints, qualifiers, keys, strict=True):
        others = [entry for other, entry in votes.items() if other != key]
        context = _context_of(others, given=context_countries)
        resolved.append(_best(cands, hint=hint, qualifier=qual, context=context))
    return resolved


def _qualifiers(
    text: str, spans: Sequence[tuple[int, int]], candidates: Sequence[list[GazEntry]]
) -> list[list[GazEntry]]:
    """For "X, Y": the region and country entries of Y that qualify X."""
    qualifiers: list[list[GazEntry]] = [[] for _ in spans]
    for i in range(len(spans) - 1):
        between = text[spans[i][1] : spans[i + 1][0]]
        if between.strip() == ",":
            qualifiers[i] = [
                entry for entry in candidates[i + 1] if entry.feature in ("PCLI", "ADM1")
            ]
    return qualifiers


def _context_of(first: Sequence[GazEntry | None], *, given: Sequence[str]) -> _Context:
    resolved = [entry for entry in first if entry is not None]
    countries = Counter(entry.country for entry in resolved)
    admin1 = Counter((entry.country, entry.admin1) for entry in resolved if entry.admin1)
    return _Context(countries, admin1, len(resolved), frozenset(given))


def _best(
    candidates: Sequence[GazEntry],
    *,
    hint: str | None,
    qualifier: Sequence[GazEntry],
    context: _Context,
) -> GazEntry | None:
    best, best_score = None, -math.inf
    for entry in candidates:
        score = _score(entry, hint=hint, qualifier=qualifier, context=context)
        if score > best_score:
            best, best_score = entry, score
    return best


def _score(
    entry: GazEntry, *, hint: str | None, qualifier: Sequence[GazEntry], context: _Context
) -> float:
    score = math.log10(entry.population + 10) + FEATURE_PRIOR.get(entry.feature, 0.0)
    if hint and entry.feature.startswith(hint):
        score += HINT_BONUS
    if any(_within(entry, region) for region in qualifier):
        score += QUALIFIER_BONUS
    if context.total > 0:
        score += COUNTRY_CONTEXT_WEIGHT * context.countries[entry.country] / context.total
        if entry.admin1:
            share = context.admin1[(entry.country, entry.admin1)] / context.total
            score += ADMIN1_CONTEXT_WEIGHT * share
    if entry.country in context.given:
        score += GIVEN_COUNTRY_BONUS
    return score


def _within(entry: GazEntry, region: GazEntry) -> bool:
    if entry.country != region.country or entry.geonameid == region.geonameid:
        return False
    return region.feature == "PCLI" or entry.admin1 == region.name
