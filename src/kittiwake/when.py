"""When did an event happen: temporal expressions in its sentence, resolved against the story date.

Two layers, kept apart:

* `find_date_expressions` is a compact regular-expression grammar over plain text. It finds
  every temporal expression in a sentence and resolves it against the publication date.
* `resolve_event_date` uses the dependency parse to pick the expression that belongs to one
  event trigger; `DateResolver` is the pipeline stage that does this for every event.

Conventions (news style, documented here because the tests pin them):

* `value` is the first day of the period named, at its precision: a week starts on Monday,
  a month on the 1st, a season on the 1st of its first month (northern meteorological
  seasons: spring Mar-May, summer Jun-Aug, autumn/fall Sep-Nov, winter Dec-Feb; "the winter of
  2011" is the one that starts in December 2011), a year on 1 January. "N units ago" counts
  back from the publication date and reports the start of the period containing that day.
* early / mid / late (and "the beginning/start of", "the middle of", "the end of") name a third
  of the period: days 1, 11, 21 of a month; January, May, September of a year; the first,
  second, third month of a season; Monday, Wednesday, Friday of a week. Precision is kept.
* A bare weekday ("on Tuesday", "Tuesday's talks") is the most recent such day on or before
  publication (the publication day counts). "last Tuesday" is strictly before it, "next
  Tuesday" strictly after. A bare month ("in October") is the most recent October whose first
  day is on or before publication; "last October" the most recent one before the current month.
  A month and day with no year ("Oct. 5") takes the year that puts it nearest the publication
  date, so scheduled meetings in early January of a December story land in the next year.
* Future-tense triggers ("will meet on Thursday") turn the bare forms forward: the next such
  day/month/season on or after publication. Only `resolve_event_date` knows the tense.
* "over the weekend" is the most recent Saturday on or before publication.
* A bare year counts only after a preposition ("in 2011", "since 2011", "by mid-2014") or as a
  possessive ("2011's uprising"); "the 2011 uprising" and counts ("16 civilians") are not dates.
* Some times belong to the story, not the sentence: "Five years later" counts on from the
  last time the story named for a main clause (`later_date`), at the coarser precision of
  the two. "from 2004 until 2009" dates an act by its start; "a 2006 report said" by the
  year its writing was made.
* `historical` is True when the whole period ends more than `HISTORICAL_AFTER_DAYS` before
  publication, or when a year-precision expression names an earlier year: the event is
  background, not news (PLOVER's sense).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from spacy.attrs import IDX

from kittiwake.actors.speakers import Quotations
from kittiwake.lang import DateWords, load_words
from kittiwake.nlp import clause_verb, paragraph_gaps
from kittiwake.nlp import is_verb as _is_verb
from kittiwake.records import Event, EventDate
from kittiwake.tokens import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "HISTORICAL_AFTER_DAYS",
    "PRECISIONS",
    "DateExpression",
    "DateResolver",
    "clause_verb",
    "find_date_expressions",
    "is_present_state",
    "is_simple_past",
    "resolve_event_date",
    "trigger_token",
]

PRECISIONS = ("day", "week", "month", "season", "year")
HISTORICAL_AFTER_DAYS = 30

# --- grammar pieces -------------------------------------------------------------------------


def _alternatives(phrases: Iterable[str]) -> str:
    """A regular expression's alternatives for `phrases`, any space between words."""
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)


# The words of the patterns are language data (`dates.yaml`), read as the module is imported.
_MONTHS = load_words(DateWords).months
_MONTH_FULL = rf"(?:{_alternatives(names[0] for names in _MONTHS)})"
_MONTH = (
    rf"(?:{_MONTH_FULL}\b"
    rf"|(?:{_alternatives(short for names in _MONTHS for short in names[1:])})\b\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?i:spring|summer|autumn|fall|winter)"
_PERIOD = r"(?i:week|month|year)"
_HOLIDAY = (
    r"Christmas\s+Eve|Christmas\s+Day|Christmas|Boxing\s+Day"
    r"|New\s+Year['’]s\s+Eve|New\s+Year['’]s\s+Day"
)
_RELATIVE_DAY = rf"(?i:{_alternatives(load_words(DateWords).day_offsets)})"
_WEEKDAY_PREFIXES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_ORDINAL = r"(?:st|nd|rd|th)?"
# "the end of" etc. name a part of the period; see `_PART_OFFSETS`.
_PART = r"(?i:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+)?|early|mid|late)"
# "to", "of", "around" and "between" are left out: "a total of 2014", "around 2000 people".
_PREPOSITION = (
    r"(?i:in|on|since|by|during|until|till|through|throughout|before|after|from|at"
    r"|as\s+of|as\s+early\s+as|as\s+late\s+as|prior\s+to|ahead\s+of|over)"
)
# Counted things after a number mark it as a count even after a preposition ("in 2000 homes").
_NOT_COUNTED = (
    r"(?!\s+(?:people|persons|troops|soldiers|civilians|refugees|fighters|homes|houses|families"
    r"|children|men|women|members|deaths|residents|migrants|km|kilometres|kilometers|miles"
    r"|dollars|euros|tons|tonnes|votes|seats)\b)"
)
_PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"
_NUMBER = rf"(?:\d{{1,3}}|a\s+couple\s+of|{_alternatives(load_words(DateWords).number_words)})"
_SEASON_MONTHS = MappingProxyType({"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12})
# Offset of the named third of a period: days for months and weeks, months for years/seasons.
_PART_OFFSETS = MappingProxyType(
    {
        "month": (0, 10, 20),
        "week": (0, 2, 4),
        "year": (0, 4, 8),
        "season": (0, 1, 2),
    }
)
_HOLIDAYS = MappingProxyType(
    {
        "christmas eve": (12, 24),
        "christmas day": (12, 25),
        "christmas": (12, 25),
        "boxing day": (12, 26),
        "new year's eve": (12, 31),
        "new year's day": (1, 1),
    }
)
# Newspapers named after a day are not dates.
_NOT_AFTER_WEEKDAY = r"(?!\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Independent|Star))"
# A number run on by a digit, thousands comma or percent sign is a count, not a date.
_NOT_A_COUNT = r"(?![,.]?\d)(?!\s*(?:%|percent\b|per\s+cent\b))"


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A temporal expression in a text, `text == source[start:end]`, resolved to a date."""

    text: str
    start: int
    end: int
    value: dt.date
    precision: str
    historical: bool


@dataclass(frozen=True, slots=True)
class _Resolved:
    value: dt.date
    precision: str
    absolute: bool  # True when the value does not depend on the publication date


@dataclass(frozen=True, slots=True)
class _Found:
    expression: DateExpression
    absolute: bool


_Handler = Callable[[re.Match[str], dt.date, bool], _Resolved | None]

# --- calendar arithmetic --------------------------------------------------------------------


def _add_months(day: dt.date, months: int) -> dt.date:
    years, month0 = divmod(day.month - 1 + months, 12)
    year = day.year + years
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _period_start(day: dt.date, precision: str) -> dt.date:
    if precision == "week":
        return _monday(day)
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return dt.date(day.year, 1, 1)
    return day


def _period_end(value: dt.date, precision: str) -> dt.date:
    if precision == "week":
        return value + dt.timedelta(days=6)
    if precision == "month":
        return value.replace(day=calendar.monthrange(value.year, value.month)[1])
    if precision == "season":
        return _add_months(value.replace(day=1), 3) - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(value.year, 12, 31)
    return value


def _is_historical(value: dt.date, precision: str, published: dt.date) -> bool:
    if precision == "year" and value.year < published.year:
        return True
    return _period_end(value, precision) < published - dt.timedelta(days=HISTORICAL_AFTER_DAYS)


def _shift_to_part(value: dt.date, precision: str, part: str | None) -> dt.date:
    """Move a period start to the early/mid/late third named by `part`."""
    if not part:
        return value
    words = part.lower()
    third = (
        1
        if ("mid" in words or "middle" in words)
        else 2
        if ("late" in words or "end" in words)
        else 0
    )
    offset = _PART_OFFSETS[precision][third]
    if precision in ("year", "season"):
        return _add_months(value, offset)
    return value + dt.timedelta(days=offset)


def _mode(relation: str | None, future: bool) -> str:
    word = (relation or "").lower()
    if word in ("last", "next", "this"):
        return word
    return "future" if future else "past"


def _recurring_year(key: tuple[int, ...], now: tuple[int, ...], year: int, mode: str) -> int:
    """The year of a yearly recurring day or month, relative to `now` in `year`."""
    if mode == "past":
        return year if key <= now else year - 1
    if mode == "future":
        return year if key >= now else year + 1
    if mode == "last":
        return year if key < now else year - 1
    if mode == "next":
        return year if key > now else year + 1
    return year


def _weekday_date(weekday: int, published: dt.date, mode: str) -> dt.date:
    today = published.weekday()
    if mode == "last":
        return published - dt.timedelta(days=(today - weekday - 1) % 7 + 1)
    if mode == "next":
        return published + dt.timedelta(days=(weekday - today - 1) % 7 + 1)
    if mode == "future":
        return published + dt.timedelta(days=(weekday - today) % 7)
    return published - dt.timedelta(days=(today - weekday) % 7)


def _season_date(month: int, published: dt.date, mode: str) -> dt.date:
    year = published.year if month <= published.month else published.year - 1
    current = dt.date(year, month, 1)  # the latest start on or before publication
    within = published < _add_months(current, 3)
    following = current.replace(year=current.year + 1)
    if mode == "last":
        return current.replace(year=current.year - 1) if within else current
    if mode == "next":
        return following
    if mode == "this":
        return current if within else dt.date(published.year, month, 1)
    if mode == "future":
        return current if within else following
    return current


def _month_number(name: str) -> int:
    prefixes = [names[0][:3].lower() for names in load_words(DateWords).months]
    return prefixes.index(name[:3].lower()) + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- handlers: one per pattern, (match, published, future) -> _Resolved | None --------------


def _iso(match: re.Match[str], published: dt.date, future: bool) -> _Resolved | None:
    value = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return _Resolved(value, "day", True) if value else None


def _month_day(match: re.Match[str], published: dt.date, future: bool) -> _Resolved | None:
    month, day = _month_number(match["mon"]), int(match["d"])
    if match["y"]:
        value = _safe_date(int(match["y"]), month, day)
        return _Resolved(value, "day", True) if value else None
    if future:
        year = _recurring_year(
            (month, day), (published.month, published.day), published.year, "future"
        )
        value = _safe_date(year, month, day)
        return _Resolved(value, "day", False) if value else None
    nearest: dt.date | None = None
    for step in (-1, 0, 1):  # earliest first, so a tie goes to the past
        value = _safe_date(published.year + step, month, day)
        if value and (nearest is None or abs(value - published) < abs(nearest - published)):
            nearest = value
    return _Resolved(nearest, "day", False) if nearest else None


def _month_year(match: re.Match[str], published: dt.date, future: bool) -> _Resolved:
    value = dt.date(int(match["y"]), _month_number(match["mon"]), 1)
    return _Resolved(_shift_to_part(value, "month", match["part"]), "month", True)


def _month_relative_year(match: re.Match[str], published: dt.date, future: bool) -> _Resolved:
    """ "in February last year", "March of next year"."""
    shift = {"last": -1, "this": 0, "next": 1}[match["rel"].lower()]
    value = dt.date(published.year + shift, _month_number(match["mon"]), 1)
    return _Resolved(_shift_to_part(value, "month", match["part"]), "month", False)


def _month(match: re.Match[str], published: dt.date, future: bool) -> _Resolved | None:
    if not (match["prep"] or match["rel"] or match["part"]):
        return None  # a bare capitalised month name ("May", "March") is too often not a date
    month = _month_number(match["mon"])
    year = _recurring_year(
        (month,), (published.month,), published.year, _mode(match["rel"], future)
    )
    value = _shift_to_part(dt.date(year, month, 1), "month", match["part"])
    return _Resolved(value, "month", False)


def _year(match: re.Match[str], published: dt.date, future: bool) -> _Resolved:
    value = _shift_to_part(dt.date(int(match["y"]), 1, 1), "year", match.groupdict().get("part"))
    return _Resolved(value, "year", True)


def _weekday(match: re.Match[str], published: dt.date, future: bool) -> _Resolved:
    weekday = _WEEKDAY_PREFIXES.index(match["wd"][:3].lower())
    return _Resolved(_weekday_date(weekday, published, _mode(match["rel"], future)), "day", False)


def _weekend(match: re.Match[str], published: dt.date, future: bool) -> _Resolved:
    mode = _mode(match["rel"] if match["rel"].lower() != "this" else None, future)
    if mode == "last":
        value = _monday(published) - dt.timedelta(days=2)  # the weekend before this week
    else:
        value = _weekday_date(5, published, mode)
    return _Resolved(value, "day", False)


def _relative_day(match: re.Match[str], published: dt.date, future: bool) -> _Resolved:
    phrase = " ".join(match["word"].lower().split())
    offset = load_words(DateWords).day_offsets[phrase]
    return _Resolved(published + dt.timedelta(days=offset), "day", False)


def _relative_period(match: re.Match[str], published: dt.date, future: bool) -> _Resolved | None:
    unit, relation = match["unit"].lower(), match["rel"].lower()
    if relation == "the" and not match["part"]:
        return None  # "the year's biggest protest" names no particular year
    step = -1 if relation == "last" else 1 if relation in ("next", "coming") else 0
    if unit == "week":
        value = _monday(published) + dt.timedelta(weeks=step)
    elif unit == "month":
        value = _add_months(published.replace(day=1), step)
    else:
        value = dt.date(published.year + step, 1, 1)
    return _Resolved(_shift_to_part(value, unit, match["part"]), unit, False)


def _ago(match: re.Match[str], published: dt.date, future: bool) -> _Resolved:
    count_text = " ".join(match["n"].lower().split())
    numbers = load_words(DateWords).number_words
    count = 2 if count_text == "a couple of" else numbers.get(count_text) or int(count_text)
    unit = match["unit"].lower()
    if unit == "day":
        return _Resolved(published - dt.timedelta(days=count), "day", False)
    if unit in ("week", "fortnight"):
        weeks = count * (2 if unit == "fortnight" else 1)
        return _Resolved(_monday(published - dt.timedelta(weeks=weeks)), "week", False)
    if unit == "month":
        return _Resolved(_add_months(published, -count).replace(day=1), "month", False)
    years = count * (10 if unit == "decade" else 1)
    return _Resolved(dt.date(published.year - years, 1, 1), "year", False)


def _season(match: re.Match[str], published: dt.date, future: bool) -> _Resolved | None:
    month = _SEASON_MONTHS[match["season"].lower()]
    year_text = match["y"] or match["y2"]
    relation = match["rel"] if match["rel"] and match["rel"].lower() != "the" else None
    if match["season"].lower() == "fall" and not (match["rel"] or year_text):
        return None  # "expected to fall", "in fall prices"
    if year_text:
        value = dt.date(int(year_text), month, 1)
    elif match["prep"] or relation:
        value = _season_date(month, published, _mode(relation, future))
    else:
        return None  # "the fall of Aleppo", "summer heat": not a dated season
    return _Resolved(_shift_to_part(value, "season", match["part"]), "season", bool(year_text))


def _holiday(match: re.Match[str], published: dt.date, future: bool) -> _Resolved | None:
    name = " ".join(match["h"].lower().replace("’", "'").split())
    if name == "christmas" and not (match["prep"] or match["rel"] or match["y"]):
        return None  # "Christmas decorations", "Christmas Island"
    month, day = _HOLIDAYS[name]
    if match["y"]:
        return _Resolved(dt.date(int(match["y"]), month, day), "day", True)
    year = _recurring_year(
        (month, day), (published.month, published.day), published.year, _mode(match["rel"], future)
    )
    return _Resolved(dt.date(year, month, day), "day", False)


# --- patterns: each has a group `x`, the expression itself (leading prepositions excluded) --

# Gates: a cheap search that every match of a pattern passes (a digit, a month name, its
# key word). Most sentences name no date, and a pattern with an optional preposition in
# front is tried at every word: gated, a sentence costs a few plain searches.
_DIGIT = re.compile(r"\d")
_MONTH_NAME = re.compile(_alternatives(name for names in _MONTHS for name in names))

_PATTERNS: tuple[tuple[re.Pattern[str], re.Pattern[str], _Handler], ...] = (
    (_DIGIT, re.compile(r"\b(?P<x>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))\b"), _iso),
    (
        _MONTH_NAME,
        re.compile(
            rf"\b(?P<x>(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORDINAL}\b"
            rf"(?:,?\s+(?P<y>{_YEAR})\b)?){_NOT_A_COUNT}"
        ),
        _month_day,
    ),
    (
        _MONTH_NAME,
        re.compile(
            rf"\b(?P<x>(?:the\s+)?(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<mon>{_MONTH})"
            rf"(?:,?\s+(?P<y>{_YEAR})\b)?){_NOT_A_COUNT}"
        ),
        _month_day,
    ),
    (
        _MONTH_NAME,
        re.compile(rf"\b(?P<x>(?:(?P<part>{_PART})[\s-]*)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR}))\b"),
        _month_year,
    ),
    (
        _MONTH_NAME,
        re.compile(
            rf"\b(?P<x>(?:(?P<part>{_PART})[\s-]*)?(?P<mon>{_MONTH_FULL}),?\s+(?:of\s+)?"
            r"(?P<rel>(?i:last|next|this))\s+(?i:year))\b"
        ),
        _month_relative_year,
    ),
    (
        _MONTH_NAME,
        re.compile(
            rf"(?:\b(?P<prep>{_PREPOSITION})\s+)?\b(?P<x>(?:(?P<rel>(?i:last|next|this))\s+"
            rf"|(?P<part>{_PART})[\s-]*)?(?P<mon>{_MONTH_FULL}))\b(?!\s*\d)"
        ),
        _month,
    ),
    (
        _DIGIT,
        re.compile(
            rf"\b(?P<prep>{_PREPOSITION})\s+(?P<x>(?:(?P<part>{_PART})[\s-]*)?"
            rf"(?P<y>{_YEAR}))\b{_NOT_A_COUNT}{_NOT_COUNTED}(?!s\b)"
        ),
        _year,
    ),
    (
        _DIGIT,
        re.compile(rf"\b(?P<prep>{_PREPOSITION})\s+(?P<x>(?i:the\s+)(?P<y>1[89]\d0|20\d0)s)\b"),
        _year,
    ),
    (_DIGIT, re.compile(rf"\b(?P<x>(?P<y>{_YEAR}))(?='s\b|’s\b)"), _year),
    (
        re.compile(_WEEKDAY),
        re.compile(
            rf"\b(?P<x>(?:(?P<rel>(?i:last|next|this|early|late))\s+)?(?P<wd>{_WEEKDAY})"
            rf"{_PART_OF_DAY})\b{_NOT_AFTER_WEEKDAY}"
        ),
        _weekday,
    ),
    (
        re.compile(r"(?i:weekend)"),
        re.compile(r"\b(?P<x>(?P<rel>(?i:the|this|last|next))\s+(?i:weekend))\b"),
        _weekend,
    ),
    (
        re.compile(_RELATIVE_DAY),
        re.compile(
            rf"\b(?P<x>(?P<word>{_RELATIVE_DAY})"
            r"(?:\s+(?i:morning|afternoon|evening|night))?)\b"
        ),
        _relative_day,
    ),
    (
        re.compile(_PERIOD),
        re.compile(
            rf"\b(?P<x>(?:(?P<part>{_PART})[\s-]*|(?i:earlier|later)\s+)?"
            r"(?P<rel>(?i:this|last|next|coming|the))\s+"
            rf"(?P<unit>{_PERIOD}))\b"
        ),
        _relative_period,
    ),
    (
        re.compile(r"(?i:ago)"),
        re.compile(
            rf"\b(?P<x>(?P<n>(?i:{_NUMBER}))\s+(?P<unit>(?i:day|week|fortnight|month|year"
            r"|decade))s?\s+(?i:ago))\b"
        ),
        _ago,
    ),
    (
        re.compile(_SEASON),
        re.compile(
            rf"(?:\b(?P<prep>{_PREPOSITION})\s+)?\b(?P<x>(?:(?P<rel>(?i:last|next|this"
            rf"|the))\s+)?(?:(?P<part>{_PART})[\s-]*)?(?P<season>{_SEASON})"
            rf"(?:\s+of\s+(?P<y>{_YEAR})|\s+(?P<y2>{_YEAR}))?)\b"
            r"(?!\s+of\s+(?!\d))"
        ),
        _season,
    ),
    (
        re.compile(_HOLIDAY),
        re.compile(
            rf"(?:\b(?P<prep>{_PREPOSITION})\s+)?\b(?P<x>(?:(?P<rel>(?i:last|next"
            rf"|this))\s+)?(?P<h>{_HOLIDAY})(?:,?\s+(?P<y>{_YEAR}))?)\b"
            r"(?!\s+Island)"
        ),
        _holiday,
    ),
)


def _scan(text: str, published: dt.date, *, future: bool) -> list[_Found]:
    """Every expression the grammar finds; overlaps resolved longest-first."""
    found: list[_Found] = []
    for gate, pattern, handler in _PATTERNS:
        if gate.search(text) is None:
            continue
        for match in pattern.finditer(text):
            resolved = handler(match, published, future)
            if resolved is None:
                continue
            start, end = match.span("x")
            expression = DateExpression(
                text=text[start:end],
                start=start,
                end=end,
                value=resolved.value,
                precision=resolved.precision,
                historical=_is_historical(resolved.value, resolved.precision, published),
            )
            found.append(_Found(expression, resolved.absolute))
    found.sort(key=_longest_first)
    kept: list[_Found] = []
    for item in found:
        if not kept or item.expression.start >= kept[-1].expression.end:
            kept.append(item)
    return kept


# One doc's scans by (sentence start, reference day, future): a sentence's events and its
# occasions share one scan.
_Scans = dict[tuple[int, dt.date, bool], list[_Found]]


def _scan_sentence(
    sentence: SpacySpan, reference: dt.date, *, future: bool, scans: _Scans | None
) -> list[_Found]:
    """`_scan` of `sentence`, kept in `scans` when given (the list is shared: not changed)."""
    key = (sentence.start, reference, future)
    found = scans.get(key) if scans is not None else None
    if found is None:
        # the doc's text sliced, not `sentence.text`, which joins its tokens each time
        text = doc_text(sentence.doc)[sentence.start_char : sentence.end_char]
        found = _scan(text, reference, future=future)
        if scans is not None:
            scans[key] = found
    return found


def _longest_first(item: _Found) -> tuple[int, int]:
    return (item.expression.start, -(item.expression.end - item.expression.start))


def find_date_expressions(
    text: str, published: dt.date, *, future: bool = False
) -> list[DateExpression]:
    """All temporal expressions in `text`, in order, resolved against `published`.

    `future=True` resolves bare weekdays, months, seasons and holidays forward (on or after
    publication), for events the text puts in the future.
    """
    return [item.expression for item in _scan(text, published, future=future)]


# --- choosing the expression that belongs to an event ----------------------------------------

_FUTURE_AUXILIARIES = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_FUTURE_GOVERNORS = frozenset({"plan", "expect", "schedule", "intend", "aim", "due", "set", "go"})
# Any fixed day serves for scanning when there is no publication date: only absolute
# expressions, whose value does not depend on it, are then used.
_NO_PUBLICATION_REFERENCE = dt.date(2000, 1, 1)


def _path_up(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


# An expression in a clause of its own below the trigger dates that clause's act only.
_OTHER_CLAUSE = 5
_CONJOINED = 2
_SUBORDINATE_DEPS = frozenset({"advcl", "pcomp", "ccomp", "relcl", "acl"})
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss"})


def _attachment_rank(root: Token, trigger: Token) -> int:
    """0: the trigger's own clause; 1: below the trigger; 2: a conjoined clause; 3: any other
    clause not headed by a reporting verb; 4: a reporting clause ("..., officials said Monday")."""
    if _is_in_name(root):
        return _OTHER_CLAUSE  # "the April 6 Youth Movement": a name, not a time
    if _is_occasion_modifier(root, trigger):
        return 1  # "arrested at Sunday's rally": the rally's day is the act's
    if _is_dated_writing(root, trigger):
        return 0  # "a 2006 report called the militia a threat": it said so when written
    if root.dep_ in _NOUN_MODIFIER_DEPS and root.head.pos_ == "NOUN" and root.head.i != trigger.i:
        return _OTHER_CLAUSE  # "a vote in the scheduled October 28 elections": the vote's day
    path = _path_up(root)
    clause = clause_verb(root.head) if root.head.i != root.i else root
    trigger_clause = clause_verb(trigger)
    up_to_clause = path[: path.index(clause) + 1] if clause in path else path
    if clause == trigger_clause or trigger in up_to_clause:
        return 0
    if trigger in path:
        between = path[1 : path.index(trigger)]
        reporting = load_words(DateWords).reporting_lemmas
        if _is_occasion_frame(between, trigger):
            return 1
        if any(
            _is_verb(token) and token.dep_ in _SUBORDINATE_DEPS and token.lemma_ not in reporting
            for token in between
        ):  # "praised Libya for allowing on Monday a base": not the praise's date, whereas
            # "called on Assad to leave power in 2011" (an infinitive) often parses that way
            return _OTHER_CLAUSE
        if not any(_is_verb(token) and token.lemma_ in reporting for token in between):
            return 1
    if (clause.dep_ == "conj" and clause.head == trigger_clause) or (
        trigger_clause.dep_ == "conj" and trigger_clause.head == clause
    ):
        return _CONJOINED
    ancestors = {trigger.i, *(a.i for a in trigger.ancestors)}
    if any(t.dep_ == "relcl" and _is_verb(t) and t.i not in ancestors for t in path):
        return _OTHER_CLAUSE  # "the white man, who ruled Zimbabwe until 1980": that clause's
    return 4 if clause.lemma_ in load_words(DateWords).reporting_lemmas else 3


_FRAME_DEPS = frozenset({"acl", "pobj", "dobj", "pcomp", "prep", "advmod", "npadvmod", "amod"})


# Prepositions that put an act inside an occasion ("at Sunday's rally", "in a 1999 coup");
# "after", "before" and "since" put it elsewhere in time.
_WITHIN_PREPOSITIONS = frozenset({"at", "in", "during"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _bounds_after(root: Token, trigger: Token, item: _Found) -> bool:
    """ "withdrew its staff after two workers were killed in February": with no time of
    its own, an act told right after one in a named month or year is of that month or
    year (a day is too fine a bound to give)."""
    clause, verb = clause_verb(root), clause_verb(trigger)
    return (
        item.expression.precision in ("month", "season", "year")
        and clause.dep_ == "advcl"
        and clause.head.i == verb.i
        and any(c.dep_ == "mark" and c.lower_ == "after" for c in clause.children)
        and is_simple_past(verb)
    )


def _is_in_name(root: Token) -> bool:
    """ "the March 14 Alliance", "the July 26 Movement": a day that opens a proper name
    (after "the", before the name's capitalised head) names the group, not a time."""
    name = root.head
    return (
        root.dep_ in ("compound", "nmod")
        and name.pos_ == "PROPN"
        and root.i < name.i
        and all(t.is_title or t.like_num for t in root.doc[root.i + 1 : name.i + 1])
        and any(c.dep_ == "det" and c.lower_ == "the" and c.i < root.i for c in name.children)
    )


def _is_dated_writing(root: Token, trigger: Token) -> bool:
    """ "A 2006 report called the militia a threat", "a 2009 study accused the army": the
    year of a writing that is the doer of the act is when the writing did it."""
    writing = root.head
    while writing.dep_ == "compound" and writing.head.i != writing.i:
        writing = writing.head  # "a 2011 court ruling"
    return (
        root.dep_ in _NOUN_MODIFIER_DEPS
        and writing.dep_ == "nsubj"
        and writing.head.i == clause_verb(trigger).i
        and writing.lemma_.lower() in load_words(DateWords).dated_writings
    )


def _is_occasion_modifier(root: Token, trigger: Token) -> bool:
    """ "Sunday's" in "arrested at Sunday's rally": a date modifying an occasion of the act."""
    return (
        root.dep_ in _NOUN_MODIFIER_DEPS
        and root.head.pos_ in ("NOUN", "PROPN")  # the parser takes "Saturday's march" for a name
        and root.head.i != trigger.i
        and _is_occasion_of(root.head, trigger)
    )


def _year_modifiers(
    sentence: SpacySpan, found: Sequence[_Found], reference: dt.date
) -> list[_Found]:
    """Years that modify an occasion noun, which the grammar leaves alone ("the 2011
    uprising" names no time by itself): "seized power in a 1999 coup" does, so they are
    offered to the trigger and kept only where `_is_occasion_of` holds. A plural noun
    after a number is a count ("in 2000 homes"), so the noun is singular."""
    covered = {(item.expression.start, item.expression.end) for item in found}
    years = []
    for token in sentence:
        if not (
            token.dep_ in _NOUN_MODIFIER_DEPS
            and re.fullmatch(_YEAR, token.text)
            and token.head.tag_ == "NN"
            and token.i < token.head.i
        ):
            continue
        start = token.idx - sentence.start_char
        if any(begin <= start < end for begin, end in covered):
            continue
        value = dt.date(int(token.text), 1, 1)
        expression = DateExpression(
            text=token.text,
            start=start,
            end=start + len(token.text),
            value=value,
            precision="year",
            historical=_is_historical(value, "year", reference),
        )
        years.append(_Found(expression, absolute=True))
    return years


def _is_occasion_of(noun: Token, trigger: Token) -> bool:
    """Whether `noun` names an occasion the act took place at: the object of "at", "in" or
    "during" on the trigger's clause ("seized power in a 1999 coup"), or on a present
    participle that describes one of its arguments as there then ("protesters
    marching in Sunday's rally were detained"); not a noun's own phrase ("called for a count
    in the October elections": the count's occasion), nor a participle's object ("men
    planning Sunday's attack were arrested": planned before it)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _WITHIN_PREPOSITIONS or prep.dep_ != "prep":
        return False
    holder, verb = prep.head, clause_verb(trigger)
    if holder.i in (trigger.i, verb.i):
        return True
    while holder.dep_ in ("dobj", "xcomp", "prt") and holder.head.tag_ == "VBG":
        holder = holder.head  # "taking part in", "joining protesters at"
    return (
        holder.tag_ == "VBG"
        and holder.dep_ == "acl"
        and holder.head.dep_ in _ARGUMENT_DEPS
        and holder.head.head.i == verb.i
    )


def _is_occasion_frame(between: Sequence[Token], trigger: Token) -> bool:
    """ "In remarks made late on Wednesday, Annan warned": the day a participle gives the
    noun of a phrase that frames the act itself (a preposition on the trigger) is the act's."""
    if not between or between[-1].dep_ != "prep" or between[-1].head.i != trigger.i:
        return False
    participles = [t for t in between if t.dep_ == "acl" and t.tag_ == "VBN"]
    return len(participles) == 1 and all(t.dep_ in _FRAME_DEPS for t in between)


def is_present_state(trigger: Token) -> bool:
    """An act told in the present or the perfect ("have been protesting", "are holding",
    "has closed"): it lasts to the story's day, so a past day a conjoined clause names for
    its own act is not its time."""
    verb = clause_verb(trigger)
    return verb.tag_ in ("VBZ", "VBP") or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBZ", "VBP") for child in verb.children
    )


def _is_past(trigger: Token) -> bool:
    """A verb reported as done ("camped", "had met"), not one planned ("will meet")."""
    return trigger.tag_ in ("VBD", "VBN") and not _is_future(trigger)


def _is_future(trigger: Token) -> bool:
    verb = clause_verb(trigger)
    if any(child.dep_ == "aux" and child.lower_ in _FUTURE_AUXILIARIES for child in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
        return verb.head.tag_ in ("VBZ", "VBP")  # "is to meet on Wednesday" (not "was to")
    return verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_GOVERNORS


def _expression_root(sentence: SpacySpan, expression: DateExpression) -> Token | None:
    offset = sentence.start_char
    span = sentence.doc.char_span(
        offset + expression.start, offset + expression.end, alignment_mode="expand"
    )
    return span.root if span is not None and len(span) else None


def resolve_event_date(
    sentence: SpacySpan,
    trigger_index: int,
    published: dt.date | None,
    *,
    excluded: frozenset[int] = frozenset(),
    scans: _Scans | None = None,
) -> EventDate | None:
    """The date of the event whose trigger is token `trigger_index` (a doc index) of `sentence`.

    Preference: an expression attached to the trigger's clause, then one below the trigger,
    then one in a conjoined clause, then any expression not attached to a reporting verb,
    then one that is (the report date bounds the event); ties go to the nearest token. With
    no expression the article date is used (raw=None). If `published` is None only absolute
    expressions (with a year) are used and, failing those, None is returned; the pipeline
    always passes a date. Expressions whose root is a token in `excluded` are not used.
    `scans` keeps each sentence's expressions for the next event.
    """
    if not sentence.start <= trigger_index < sentence.end:
        raise ValueError(
            f"token {trigger_index} is outside sentence {sentence.start}-{sentence.end}"
        )
    trigger = sentence.doc[trigger_index]
    reference = published or _NO_PUBLICATION_REFERENCE
    found = _scan_sentence(sentence, reference, future=False, scans=scans)
    found = [*found, *_year_modifiers(sentence, found, reference)]
    if published is None:
        found = [item for item in found if item.absolute]
    best: tuple[tuple[int, bool, int], DateExpression] | None = None
    restated = _restated(sentence, found)
    for item in found:
        root = _expression_root(sentence, item.expression)
        if item.expression.start in restated or (root is not None and root.i in excluded):
            continue
        rank = _attachment_rank(root, trigger) if root is not None else 3
        if rank == _OTHER_CLAUSE and root is not None and _bounds_after(root, trigger, item):
            rank = _OTHER_CLAUSE - 1
        if (
            rank in (_CONJOINED, _CONJOINED + 1)
            and item.expression.value < reference
            and is_present_state(trigger)
            and root is not None
            and is_simple_past(clause_verb(root))  # a day of an act done, not of a state
            and not Quotations.of(trigger.doc).is_quoted(trigger)  # a speaker's own present
        ):
            # "called for a strike on Monday, and his supporters have been protesting": a
            # conjoined clause, or one the parser hangs on the other with no link word
            continue
        if rank == _OTHER_CLAUSE or (
            root is not None
            and _is_occasion_modifier(root, trigger)
            and item.expression.value > reference
            and not _is_future(trigger)
        ):  # an act told as done took place at no occasion still to come
            continue
        distance = abs(root.i - trigger_index) if root is not None else len(sentence)
        key = (rank, _is_period_end(root), distance)
        if best is None or key < best[0]:
            best = (key, item.expression)
    if best is None:
        return EventDate(value=published) if published else None
    (rank, _, _), chosen = best
    if rank <= 1 and published is not None and _is_future(trigger):
        ahead = _scan_sentence(sentence, published, future=True, scans=scans)
        forward = {item.expression.start: item.expression for item in ahead}
        chosen = forward.get(chosen.start, chosen)
    historical = chosen.historical if published is not None else False
    value = chosen.value
    if (
        published is not None
        and value > published
        and _is_past(trigger)
        and chosen.precision in ("day", "month")
    ):
        # "had camped there since Jan. 25" in a story from November: that January, not the next
        value = _safe_date(value.year - 1, value.month, value.day) or value
    return EventDate(value, raw=chosen.text, precision=chosen.precision, historical=historical)


def _restated(sentence: SpacySpan, found: Sequence[_Found]) -> set[int]:
    """Where expressions start that the next one restates ("today, January 3",
    "Tuesday, March 4"): the day written out says which day it was, as its writer counted."""
    text = doc_text(sentence.doc)[sentence.start_char : sentence.end_char]
    ordered = sorted(found, key=lambda item: item.expression.start)
    return {
        first.expression.start
        for first, then in zip(ordered, ordered[1:], strict=False)
        if then.expression.precision == "day"
        and any(c.isdigit() for c in then.expression.text)  # a date, not "today, Tuesday"
        and text[first.expression.end : then.expression.start].strip() == ","
    }


def _is_period_end(root: Token | None) -> bool:
    """ "Held from 2004 until 2009": the end of a period told with its start; the act is
    dated by the start, as an expression its clause names with no "until" would be."""
    return root is not None and root.head.dep_ == "prep" and root.head.lower_ in _PERIOD_ENDS


_PERIOD_ENDS = frozenset({"until", "till", "through"})


# Units of an interval between two acts, in days ("a day after", "three weeks before").
_INTERVAL_DAYS = {"day": 1, "week": 7}


def interval_date(
    trigger: Token, published: dt.date, *, scans: _Scans | None = None
) -> EventDate | None:
    """ "The border reopened a day after the general flew to Nairobi", "expelled two diplomats
    three weeks before the talks began": an act in a clause of "after" or "before" with an
    interval of days or weeks took place that long before or after the act of the clause it
    hangs on, dated as that clause is."""
    verb = clause_verb(trigger)
    main = verb.head
    mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    if verb.dep_ != "advcl" or mark is None or mark.lower_ not in ("after", "before"):
        return None
    unit = next(
        (
            c
            for c in (*verb.children, *main.children)
            if c.dep_ == "npadvmod" and c.lemma_.lower() in _INTERVAL_DAYS
        ),
        None,
    )
    count = _interval_count(unit) if unit is not None else None
    if unit is None or count is None:
        return None
    sentence = main.sent
    own = {t.i for t in verb.subtree}
    for item in _scan_sentence(sentence, published, future=False, scans=scans):
        root = _expression_root(sentence, item.expression)
        if root is not None and root.i in own:
            return None  # "two days after rebels attacked on Monday": its own day
    governing = resolve_event_date(sentence, main.i, published, scans=scans)
    if governing is None:
        return None
    days = count * _INTERVAL_DAYS[unit.lemma_.lower()] * (-1 if mark.lower_ == "after" else 1)
    value = governing.value + dt.timedelta(days=days)
    interval = unit.doc[unit.left_edge.i : unit.i + 1].text  # "two days", as written
    raw = f"{interval} {mark.lower_} ({governing.raw or 'the day of the story'})"
    return replace(governing, value=value, raw=raw)


def _interval_count(unit: Token) -> int | None:
    """How many days or weeks: "a day", "two days", "3 weeks"."""
    numbers = load_words(DateWords).number_words
    for child in unit.children:
        word = child.lower_
        if child.dep_ in ("nummod", "det") and (word in numbers or word.isdigit()):
            return numbers[word] if word in numbers else int(word)
    return None


# Units of an interval after a time the story told before ("five years later").
_LATER_UNITS = ("day", "week", "month", "year")
_LATER_WORDS = frozenset({"later", "afterwards", "afterward"})


def later_date(verb: Token, anchor: EventDate | None, published: dt.date) -> EventDate | None:
    """ "In 2002 the appeal failed. Five years later, the judges reviewed the case.", "he
    was freed two days later": an act told a count of days, weeks, months or years after
    the time the story named before (`anchor`) took place that long after it, at the
    coarser of the two precisions (a year and two days is that year)."""
    interval = _later_interval(clause_verb(verb)) if anchor is not None else None
    if anchor is None or interval is None:
        return None
    count, unit, phrase = interval
    if unit in ("day", "week"):
        value = anchor.value + dt.timedelta(days=count * (7 if unit == "week" else 1))
    else:
        value = _add_months(anchor.value, count * (12 if unit == "year" else 1))
    precision = max(anchor.precision, unit, key=PRECISIONS.index)
    value = _period_start(value, precision)
    return EventDate(
        value,
        raw=f"{phrase} ({anchor.raw or 'the day of the story'})",
        precision=precision,
        historical=_is_historical(value, precision, published),
    )


def _later_interval(verb: Token) -> tuple[int, str, str] | None:
    """The count, unit and words of "N units later" on `verb`'s clause, or on the clause
    it continues ("Five years later the judges were to review it, but he dropped it")."""
    clause = verb
    while True:
        for word in clause.children:
            if word.dep_ != "advmod" or word.lower_ not in _LATER_WORDS:
                continue
            for unit in word.children:
                count = _interval_count(unit) if unit.dep_ == "npadvmod" else None
                if count is not None and unit.lemma_.lower() in _LATER_UNITS:
                    return count, unit.lemma_.lower(), unit.doc[unit.left_edge.i : word.i + 1].text
        if clause.dep_ not in ("conj", "xcomp") or clause.head.i == clause.i:
            return None
        clause = clause.head


def _main_clause_times(
    doc: Doc, published: dt.date, *, scans: _Scans
) -> tuple[dict[int, EventDate], dict[int, EventDate]]:
    """By sentence start: the latest time the story named for a main clause before that
    sentence (what "N units later" counts from), and the time each sentence names for its
    own main clause. Read once per doc: both the "later" count and the narration use them."""
    before: dict[int, EventDate] = {}
    main_times: dict[int, EventDate] = {}
    last: EventDate | None = None
    for sentence in doc.sents:
        if last is not None:
            before[sentence.start] = last
        told = later_date(sentence.root, last, published) or resolve_event_date(
            sentence, sentence.root.i, published, scans=scans
        )
        if told is None:
            continue
        main_times[sentence.start] = told
        if told.raw is not None and told.value <= published:
            last = told
    return before, main_times


class DateResolver:
    """Pipeline stage: fill each event's `date` from its sentence and the publication date.

    Events that already carry a date keep it. The sentence is the one holding the trigger's
    first token, found from the trigger's character offsets into the doc text.
    """

    def __call__(self, events: Sequence[Event], doc: Doc, published: dt.date | None) -> list[Event]:
        token_starts = doc.to_array(IDX).tolist()
        breaks = paragraph_gaps(doc_text(doc))
        carried: dict[int, tuple[int, EventDate]] = {}  # paragraph -> (sentence start, date)
        told: dict[str, tuple[int, EventDate]] = {}  # CAMEO root -> (sentence start, date)
        scans: _Scans = {}
        occasions = (
            dated_occasions(doc, published, scans=scans)
            if published is not None and len(doc)
            else {}
        )
        before, main_times = (
            _main_clause_times(doc, published, scans=scans) if published is not None else ({}, {})
        )
        narrated = (
            _narrated_times(doc, published, breaks=breaks, main_times=main_times)
            if published is not None
            else {}
        )
        dated: list[Event] = []
        for event in events:
            if event.date is not None or not len(doc):
                dated.append(event)
                continue
            trigger = trigger_token(
                doc, event.trigger.start, event.trigger.end, token_starts=token_starts
            )
            sentence = trigger.sent  # found from the sentence starts each time it is asked for
            if event.modality in _TOLD_SPEECH_MODALITIES:  # dated, not the act announced
                anchor, promised = _promise_anchor(trigger)
                date = resolve_event_date(
                    sentence, anchor.i, published, excluded=promised, scans=scans
                )
            else:
                interval = interval_date(trigger, published, scans=scans) if published else None
                date = interval or resolve_event_date(sentence, trigger.i, published, scans=scans)
                if date is not None and date.raw is None and published is not None:
                    date = later_date(trigger, before.get(sentence.start), published) or date
            named = date  # what the sentence itself names, before any day is taken from elsewhere
            if date is not None and date.raw is None:
                date = occasion_date(trigger, occasions) or date
            paragraph = bisect_right(breaks, trigger.idx)
            if date is not None and date.raw is not None:  # the latest time named governs
                carried[paragraph] = (sentence.start, date)
            elif date is not None and date.raw is None:
                # "Police arrested 40 people on Sunday. ... They were held overnight.": a
                # time named earlier in the paragraph governs the acts it goes on to report
                since, earlier = max(
                    [
                        *narrated.get(paragraph, ()),
                        *([carried[paragraph]] if paragraph in carried else []),
                    ],
                    key=lambda told_at: (told_at[0] < sentence.start, told_at[0]),
                    default=(sentence.start, date),
                )
                if (
                    since < sentence.start
                    and (
                        is_simple_past(trigger)
                        if earlier.precision == "day"
                        else _told_as_done(trigger)
                    )
                    and not (earlier.historical and earlier.precision == "day")
                ):
                    date = replace(earlier, raw=f"{earlier.raw} (earlier in the paragraph)")
            date = told_act_date(
                event,
                date,
                told,
                named=named,
                sentence=sentence,
                trigger=trigger,
                lede=paragraph == 0,
            )
            dated.append(replace(event, date=date))
        return dated


def _narrated_times(
    doc: Doc,
    published: dt.date,
    *,
    breaks: Sequence[int],
    main_times: dict[int, EventDate],
) -> dict[int, list[tuple[int, EventDate]]]:
    """By paragraph, the times its sentences name for their main clause (`main_times`, from
    `_main_clause_times`), with where each sentence starts: "The army retook the port in
    2014." sets the time the paragraph's narration stands at, whether or not that sentence
    holds a coded act."""
    times: dict[int, list[tuple[int, EventDate]]] = {}
    for sentence in doc.sents:
        date = main_times.get(sentence.start)
        if (
            date is not None
            and date.raw is not None
            and date.precision != "day"
            and date.value <= published  # "will vote next year": no time for acts told as done
        ):
            paragraph = bisect_right(breaks, sentence.start_char)
            times.setdefault(paragraph, []).append((sentence.start, date))
    return times


def _told_as_done(trigger: Token) -> bool:
    """An act told in the simple past: its verb, or for a noun or an adjective ("made
    mass arrests", "said the charge was absurd") the verb of its clause."""
    return is_simple_past(trigger if _is_verb(trigger) else clause_verb(trigger))


def told_act_date(
    event: Event,
    date: EventDate | None,
    told: dict[str, tuple[int, EventDate]],
    *,
    named: EventDate | None,
    sentence: SpacySpan,
    trigger: Token,
    lede: bool,
) -> EventDate | None:
    """ "Gunmen seized three engineers on Monday. ... A driver was abducted with them": a
    story tells its act again without its day; an undated act reported as
    done, of the kind (CAMEO root) the story's first paragraph dated, took place that day.
    `told` keeps the day the first paragraph names for each kind (`named`: the date the
    sentence names itself, not one carried from the paragraph or an occasion)."""
    if date is None:
        return None
    if date.raw is not None:
        if lede and date is named and date.precision == "day" and not date.historical:
            told[event.cameo_root] = (sentence.start, date)
        return date
    earlier = told.get(event.cameo_root)
    if (
        lede  # within the first paragraph, the days it names govern as in any paragraph
        or earlier is None
        or earlier[0] >= sentence.start
        or event.cameo_root not in _RETOLD_ROOTS
        or not is_simple_past(trigger)
    ):
        return date
    return replace(earlier[1], raw=f"{earlier[1].raw} (the day this act was told before)")


# Kinds of act a story tells again, by CAMEO root: material conflict, where a retelling
# without a day is the same act ("seized on Monday ... was abducted"); statements
# and appeals are renewed rather than retold.
_RETOLD_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


def is_simple_past(trigger: Token) -> bool:
    """ "was abducted", "arrested": past and told as done then, not "have been arrested" or
    "are being held" (a state that lasts to the story's day)."""
    verb = clause_verb(trigger)
    return _is_past(trigger) and not any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBZ", "VBP") for child in verb.children
    )


def _promise_anchor(trigger: Token) -> tuple[Token, frozenset[int]]:
    """ "The envoys are scheduled to hold talks next Tuesday", "on Monday the minister
    promised that the army would begin its withdrawal on Friday": a promise, plan or threat
    (CAMEO 03x, 13x) is made when it is told, so its day is that of the verb telling it (or
    the story's); the promised act's own words, and the day they name, are left out. The
    promised act may lie deep in a phrase ("announced plans to join Norway in funding the
    academy, and plans to host a conference later this month"): the phrase is climbed to
    the word the telling verb governs, and all of it is the promise's content. A threat or
    a plan named by a noun is told by the clause that holds the noun ('said, "The embassy is
    closed today in response to threats to attack it"': today)."""
    path = [clause_verb(trigger)]
    through_noun = False  # the act is named inside a noun's phrase ("threats to attack")
    while path[-1].dep_ in _PROMISED_PHRASE_DEPS and path[-1].head.i != path[-1].i:
        head = path[-1].head
        path.append(head)
        if through_noun and _is_verb(head):
            break  # "closed today in response to threats to attack": the clause holding it
        through_noun = through_noun or head.pos_ in ("NOUN", "PROPN")
    anchor = clause_verb(path[-1])
    content = path[-2] if anchor.i == path[-1].i and len(path) > 1 else path[-1]
    if anchor.i == content.i:  # the act is the clause's own verb: "will send troops"
        return anchor, frozenset(t.i for t in anchor.subtree)
    return anchor, frozenset(t.i for t in content.subtree)


# How a promised act hangs below the word that states the promise: a clause ("vowed to
# attack", "promised that the army would"), a noun's complement ("plans to host"), or a
# prepositional phrase on either ("a pledge of aid to Mali", "join them in funding").
_PROMISED_PHRASE_DEPS = frozenset({"xcomp", "ccomp", "acl", "prep", "pcomp", "pobj"})
# Speech acts dated when they are told, not by the day they name for the act they announce.
_TOLD_SPEECH_MODALITIES = frozenset({"promise", "threat"})


# Prepositions that place an act at or after an occasion ("at the summit", "after the
# meeting"), and those by which an occasion is told with its day ("a summit in Lima Friday").
_OCCASION_PREPOSITIONS = frozenset({"at", "during", "after", "following"})
_OCCASION_DEPS = frozenset({"dobj", "nsubj", "nsubjpass"})


def dated_occasions(
    doc: Doc, published: dt.date, *, scans: _Scans | None = None
) -> dict[str, tuple[int, EventDate]]:
    """The occasions the story gives a day, by lemma, with the token where each was dated:
    "held an emergency meeting on Sunday", "handshakes at a summit Friday" (the object,
    subject, or "at"/"during" phrase of a verb with a day of its own)."""
    found: dict[str, tuple[int, EventDate]] = {}
    for sentence in doc.sents:
        for item in _scan_sentence(sentence, published, future=False, scans=scans):
            expression = item.expression
            if expression.precision != "day" or expression.historical:
                continue
            root = _expression_root(sentence, expression)
            if root is None:
                continue
            verb = clause_verb(root)
            date = EventDate(expression.value, raw=expression.text, precision="day")
            for noun in _occasion_nouns(verb):
                found[noun.lemma_.lower()] = (noun.i, date)
    return found


def _occasion_nouns(verb: Token) -> list[Token]:
    nouns = [c for c in verb.children if c.dep_ in _OCCASION_DEPS and c.pos_ == "NOUN"]
    for noun in list(nouns):
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in _OCCASION_PREPOSITIONS:
                nouns.extend(c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN")
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _OCCASION_PREPOSITIONS:
            nouns.extend(c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN")
    return nouns


def occasion_date(trigger: Token, occasions: dict[str, tuple[int, EventDate]]) -> EventDate | None:
    """ "At the summit, Uribe accused Correa": an act placed at, during or after an occasion
    the story dated before takes that day ("the summit" is the one held Friday)."""
    for token in trigger.sent:
        if token.dep_ != "pobj" or token.head.lower_ not in _OCCASION_PREPOSITIONS:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            continue
        dated = occasions.get(token.lemma_.lower())
        if dated is not None and dated[0] < token.i:
            told = dated[1]
            return replace(told, raw=f"{told.raw} (the day of the {token.text} told before)")
    return None


def trigger_token(
    doc: Doc, start: int, end: int, *, token_starts: list[int] | None = None
) -> Token:
    """The token heading the trigger at characters `start`-`end` (`token_starts`: each
    token's offset, read once per doc by callers that ask for many)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span):
        return span.root
    starts = token_starts if token_starts is not None else doc.to_array(IDX).tolist()
    return doc[max(0, bisect_right(starts, start) - 1)]
