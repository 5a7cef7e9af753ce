"""Per-article limits: what one input may cost, so that no single article stalls a batch.

The limits are `Settings` fields (`Limits` gathers them for the pipeline). What a limit cuts
is recorded: an article over `max_chars`, or that takes longer than `max_parse_seconds` to
parse and code, is rejected with a reason that names the setting (a `rejected` row); text
cut by `max_sentences` or `max_sentence_tokens` is masked like boilerplate (an excluded span
whose reason names the setting) and the article is re-parsed without it; events over
`max_events_per_sentence` are dropped. Each cut inside a stored article adds one line to its
`notes`, which the store keeps and `ingest` reports.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kittiwake.errors import KittiwakeError
from kittiwake.records import REPORTABLE_MODALITIES, Article, Event, Rejected, Span

if TYPE_CHECKING:  # settings import this module: reading them must not load spaCy
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Limits:
    """The per-article limits of `Settings`; 0 turns a limit off."""

    max_chars: int = 0
    max_sentences: int = 0
    max_sentence_tokens: int = 0
    max_events_per_sentence: int = 0
    max_parse_seconds: float = 0.0


class TimeLimitError(KittiwakeError):
    """Parsing and coding one article took longer than `max_parse_seconds`."""


def too_long(article: Article, *, limits: Limits) -> Rejected | None:
    """The rejection of an article over `max_chars`, checked before anything reads it."""
    if not limits.max_chars or len(article.text) <= limits.max_chars:
        return None
    reason = (
        f"too long to code: {len(article.text):,} characters, more than max_chars "
        f"({limits.max_chars:,}; KITTIWAKE_MAX_CHARS)"
    )
    return Rejected(article.origin or article.doc_id, reason, article.doc_id)


def text_cuts(doc: Doc, *, text: str, limits: Limits) -> tuple[tuple[Span, ...], tuple[str, ...]]:
    """The spans of `text` (parsed as `doc`) that the sentence limits cut, and one note for
    each kind of cut.

    Sentences count as `sentences_of` counts them (those with text); a sentence over
    `max_sentence_tokens` is cut whole (a run-on "sentence" of thousands of words is a list,
    a table or a parse gone wrong: its parts are not the sentence's roles), and so is all
    text after the `max_sentences`-th sentence.
    """
    every = list(doc.sents)
    longest = max(map(len, every), default=0)
    if (not limits.max_sentences or len(every) <= limits.max_sentences) and (
        not limits.max_sentence_tokens or longest <= limits.max_sentence_tokens
    ):
        return (), ()  # the common case, decided without reading any sentence's text
    sentences = [sent for sent in every if sent.text.strip()]
    kept = sentences[: limits.max_sentences] if limits.max_sentences else sentences
    spans: list[Span] = []
    notes: list[str] = []
    if limits.max_sentence_tokens:
        long = [sent for sent in kept if len(sent) > limits.max_sentence_tokens]
        spans.extend(
            Span(
                s.start_char,
                s.end_char,
                text[s.start_char : s.end_char],
                "limit: max_sentence_tokens",
            )
            for s in long
        )
        if long:
            notes.append(
                f"{len(long)} sentence(s) of more than {limits.max_sentence_tokens} tokens "
                f"not coded (longest {max(map(len, long)):,}; max_sentence_tokens)"
            )
    if len(kept) < len(sentences):
        start = kept[-1].end_char if kept else 0
        spans.append(Span(start, len(text), text[start:], "limit: max_sentences"))
        notes.append(
            f"sentences after the first {len(kept):,} of {len(sentences):,} not coded "
            "(max_sentences)"
        )
    return tuple(spans), tuple(notes)


def cap_events(events: list[Event], *, limits: Limits) -> tuple[list[Event], tuple[str, ...]]:
    """At most `max_events_per_sentence` events per sentence: reportable ones first, then in
    the coder's order (which already ranks the main clause first); a note when any go."""
    cap = limits.max_events_per_sentence
    if not cap:
        return events, ()
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_sentence[event.sentence].append(event)
    dropped: set[int] = set()
    for group in by_sentence.values():
        ranked = sorted(group, key=is_hidden)  # stable: the coder's order within each rank
        dropped.update(id(event) for event in ranked[cap:])
    if not dropped:
        return events, ()
    note = f"{len(dropped)} event(s) over max_events_per_sentence ({cap}) dropped"
    return [event for event in events if id(event) not in dropped], (note,)


def is_hidden(event: Event) -> bool:
    return event.negated or event.modality not in REPORTABLE_MODALITIES


@contextlib.contextmanager
def time_limit(seconds: float, *, what: str) -> Iterator[None]:
    """Raise `TimeLimitError` in this block after `seconds` (0: no limit).

    A timer signal interrupts Python code between two steps of spaCy's pipeline or of a
    stage, so one article cannot hold a worker for good. Signals reach only the main thread:
    elsewhere (a Dask worker's threads) the block runs unlimited.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise TimeLimitError(
            f"took longer than max_parse_seconds ({seconds:g} s; KITTIWAKE_MAX_PARSE_SECONDS) "
            f"to {what}: set aside"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
