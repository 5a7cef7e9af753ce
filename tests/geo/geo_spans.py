"""Character spans of place names in a test text, for the toponym resolver."""

from __future__ import annotations


def spans_of(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Each name's span, found after the previous one's, so a repeated name gets its own."""
    spans: list[tuple[int, int]] = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    return spans
