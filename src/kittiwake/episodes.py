"""The episode a story's lede reports: later acts told in the past without a day of their own.

"Troops entered the town on Tuesday. ... They detained the mayor." A news story opens with
its news and the day of it, then tells the same occasion on without naming the day again.
Reference time (the day the narration stands at) is set by the lede and moves only when
the story names another day. So an undated act told in the simple past ("detained", "was
shelled", or reported by a "said" in the simple past) took place on the lede's day, while:

* acts in the present or the perfect ("has urged", "is holding", "says") are the story's
  own day, as are acts after the story names another day ("On Thursday ...": the
  narration has moved on);
* a paragraph that names a month, a season or a year of its own is background ("The
  dispute began in 2006. ... Troops were sent to the border."), told outside the episode;
* a lede whose main verb is not in the simple past, or whose day is the story's own
  ("has asked", "is investigating an attack on May 4"), opens no episode.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kittiwake.actors.speakers import Quotations, attribution_verbs, nearest_in_paragraph
from kittiwake.nlp import paragraph_gaps
from kittiwake.records import Event, EventDate
from kittiwake.tokens import doc_text
from kittiwake.when import (
    DateExpression,
    clause_verb,
    find_date_expressions,
    is_present_state,
    is_simple_past,
    resolve_event_date,
    trigger_token,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["Episode", "EpisodeDates", "story_episode"]


@dataclass(frozen=True, slots=True)
class Episode:
    """The lede's day and the stretch of the story (doc token indices) that tells it."""

    date: EventDate
    start: int  # the first token after the lede sentence
    end: int  # the first token of the sentence that names another day, or the doc's end
    background: frozenset[int]  # paragraphs that name a month, season or year of their own


def story_episode(doc: Doc, *, published: dt.date) -> Episode | None:
    """The episode the first sentence reports, or None when it reports none."""
    sentences = list(doc.sents)
    if not sentences:
        return None
    lede = sentences[0]
    date = resolve_event_date(lede, lede.root.i, published)
    if (
        date is None
        or date.raw is None
        or date.precision != "day"
        or date.historical
        or date.value >= published
        or not is_simple_past(lede.root)
    ):
        return None
    end, background = len(doc), set()
    breaks = paragraph_gaps(doc_text(doc))
    for sentence in sentences[1:]:
        precisions = {
            e.precision for e in _told_times(sentence, published) if e.value != date.value
        }
        if "day" in precisions:
            end = min(end, sentence.start)
        if precisions - {"day"}:
            background.add(bisect_right(breaks, sentence.start_char))
    return Episode(
        date=replace(date, raw=f"{date.raw} (the day the story opens with)"),
        start=lede.end,
        end=end,
        background=frozenset(background),
    )


def _told_times(sentence: SpacySpan, published: dt.date) -> list[DateExpression]:
    """The time expressions of the narration, not of quotations: a speaker's "today" is the
    day of speaking, and does not move the story on."""
    doc, offset = sentence.doc, sentence.start_char
    quotes = Quotations.of(doc)
    found = find_date_expressions(doc_text(doc)[offset : sentence.end_char], published)
    return [
        e
        for e in found
        if not quotes.is_quoted(trigger_token(doc, offset + e.start, offset + e.end))
    ]


def told_in_past(trigger: Token) -> bool:
    """Whether an act is told as done then: its clause in the simple past, or the clause
    reporting it ("the envoy said the talks were useful"); quoted words are the speaker's,
    told when they were said ('"We condemn it," he said': the saying's tense)."""
    quotes = Quotations.of(trigger.doc)
    if quotes.is_quoted(trigger):
        verb = quotation_attribution(trigger, quotes)
        return verb is not None and is_simple_past(verb)
    verb = clause_verb(trigger)
    if _is_pluperfect(verb):
        return False  # "had sent troops": before the episode, not part of it
    while verb.dep_ in ("ccomp", "xcomp", "conj", "advcl", "parataxis") and verb.head.i != verb.i:
        if verb.dep_ == "conj" and is_present_state(verb):
            return False  # "... and his supporters are protesting": a state lasting to today
        verb = clause_verb(verb.head)
    return is_simple_past(verb)


def _is_pluperfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def quotation_attribution(token: Token, quotes: Quotations) -> Token | None:
    """The reporting verb outside quotation marks that attributes the quotation holding
    `token`: in its sentence, else in the nearest sentence of its paragraph within reach
    (`nearest_in_paragraph`, as a quotation's speaker is found)."""
    doc = token.doc
    index = bisect_right(quotes.starts, token.i) - 1

    def verb_in(sentence: int) -> Token | None:
        return next(attribution_verbs(quotes.sentence(doc, sentence), quotes), None)

    own = verb_in(index)
    return own if own is not None else nearest_in_paragraph(index, verb_in, quotes.paragraphs)


class EpisodeDates:
    """Pipeline stage after `DateResolver`: an event its sentence left undated (the story's
    day, `raw` None) that continues the lede's episode takes the episode's day."""

    def __call__(self, events: Sequence[Event], doc: Doc, published: dt.date | None) -> list[Event]:
        if published is None or not len(doc):
            return list(events)
        episode = story_episode(doc, published=published)
        if episode is None:
            return list(events)
        breaks = paragraph_gaps(doc_text(doc))
        dated = []
        for event in events:
            if event.date is not None and event.date.raw is None:
                trigger = trigger_token(doc, event.trigger.start, event.trigger.end)
                paragraph = bisect_right(breaks, trigger.idx)
                if (
                    episode.start <= trigger.i < episode.end
                    and paragraph not in episode.background
                    and told_in_past(trigger)
                ):
                    event = replace(event, date=episode.date)
            dated.append(event)
        return dated
