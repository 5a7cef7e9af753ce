"""Datelines: "NAIROBI, March 3 (Reuters) -" opens a wire story's paragraph.

A dateline says where and when the story was filed. Its place is no actor ("NAIROBI" did not
fire tear gas) and its date is the filing date, not the date of the acts the paragraph
reports (those carry their own "on Tuesday"). Found by shape alone: at the start of a
paragraph, a place name in capitals, optionally a date and an agency in brackets, then a dash.
"""

from __future__ import annotations

import re

_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'\- ]{1,40}[A-Z.])"  # NAIROBI, WASHINGTON D.C.
    r"(?:,[ \t]*[A-Z][^\n]{0,40}?)?"  # , Kenya / , March 3 / , March 3 (Reuters)
    r"(?:[ \t]*\([^)\n]{1,30}\))?"  # (Reuters)
    r"[ \t]*(?:-{1,2}|—|–)[ \t]+"
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline, the dash and the space after it included."""
    return [match.span() for match in _DATELINE.finditer(text)]


def in_dateline(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


# A story's own dateline opens its first paragraph, after a headline at most; one further
# down opens another story of a digest.
FILED_WITHIN = 400


def filing_place_name(text: str) -> tuple[str, int, int] | None:
    """The place name of the dateline that opens a story ("NAIROBI, March 3 (Reuters) -":
    "NAIROBI"), with its offsets; None when the story opens with none."""
    match = _DATELINE.search(text)
    if match is None or match.start() > FILED_WITHIN:
        return None
    return match.group("place"), match.start("place"), match.end("place")
