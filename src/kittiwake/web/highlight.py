"""Mark stretches of a text (actor mentions, trigger, boilerplate) as escaped HTML.

Offsets come from the store and are trusted only as far as they fit the text: a span outside
it or empty is left unmarked. Spans may nest (a trigger inside a target phrase, source and
target on the same words) and are then drawn as nested marks; a span that crosses the
boundary of an earlier one is left unmarked rather than breaking the page.
Every character of the text is HTML-escaped; only the `<mark>` tags are ours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# The roles a span can play; they become CSS classes, so they are constants, never data.
ROLES = ("source", "target", "trigger", "excluded")


@dataclass(frozen=True, slots=True)
class Marked:
    """A stretch of the text to mark, offsets into that text."""

    start: int
    end: int
    role: str


def _span_order(span: Marked) -> tuple[int, int]:
    return (span.start, -span.end)  # outer spans before the spans they contain


def _fitting(spans: Iterable[Marked], length: int) -> list[Marked]:
    """The spans to draw, in document order: inside the text, nested or disjoint."""
    kept: list[Marked] = []
    open_spans: list[Marked] = []
    for span in sorted(spans, key=_span_order):
        if span.role not in ROLES or not 0 <= span.start < span.end <= length:
            continue
        while open_spans and open_spans[-1].end <= span.start:
            open_spans.pop()
        if open_spans and span.end > open_spans[-1].end:  # crosses an open span's end
            continue
        kept.append(span)
        open_spans.append(span)
    return kept


def _render(text: str, spans: Sequence[Marked], start: int, end: int) -> Markup:
    """text[start:end] with `spans` (fitting, in document order, all inside) marked."""
    parts: list[Markup] = []
    position = start
    index = 0
    while index < len(spans):
        outer = spans[index]
        inner_end = index + 1
        while inner_end < len(spans) and spans[inner_end].end <= outer.end:
            inner_end += 1
        inner = _render(text, spans[index + 1 : inner_end], outer.start, outer.end)
        parts.append(escape(text[position : outer.start]))
        parts.append(Markup('<mark class="{0}" title="{0}">').format(outer.role))
        parts.append(inner + Markup("</mark>"))
        position = outer.end
        index = inner_end
    parts.append(escape(text[position:end]))
    return Markup("").join(parts)


def highlight(text: str, spans: Iterable[Marked]) -> Markup:
    """`text` as HTML with each fitting span wrapped in `<mark class="ROLE">`."""
    return _render(text, _fitting(spans, len(text)), 0, len(text))


def event_spans(event: Mapping[str, Any]) -> list[Marked]:
    """Source, target and trigger of an event record (`lookup.event_record`), offsets in its
    sentence `text` (the stored offsets count from the start of the article)."""
    base = event.get("sentence_start") or 0
    spans = []
    for role in ("source", "target", "trigger"):
        part = event.get(role)
        if part and part.get("start") is not None and part.get("end") is not None:
            spans.append(Marked(part["start"] - base, part["end"] - base, role))
    return spans


def highlight_event(event: Mapping[str, Any]) -> Markup:
    """The sentence of an event record with its source, target and trigger marked."""
    return highlight(event["text"], event_spans(event))


def highlight_article(article: Mapping[str, Any]) -> Markup:
    """An article's text with the boilerplate that clean-up excluded marked."""
    spans = [Marked(span["start"], span["end"], "excluded") for span in article["excluded"]]
    return highlight(article["text"], spans)
