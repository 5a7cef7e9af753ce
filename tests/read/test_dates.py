"""Publication dates as feeds and scraped corpora write them; an unreadable one drops nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kittiwake.read import iter_articles
from kittiwake.read.common import parse_date
from kittiwake.records import Article

DEC_17 = dt.date(2016, 12, 17)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2016-12-17", DEC_17),
        ("2016-12-17T07:58:00Z", DEC_17),
        ("2016-12-17 07:58:00+05:00", DEC_17),
        ("Dec 17, 2016", DEC_17),
        ("Dec. 17, 2016", DEC_17),
        ("December 17th, 2016 at 7:58 AM", DEC_17),
        ("17 December 2016", DEC_17),
        ("Saturday, December 17, 2016 7:58 AM ET", DEC_17),
        ("Sat, 17 Dec 2016 07:58:00 +0000", DEC_17),
        ("2016/12/17", DEC_17),
        ("Sept. 5, 2016", dt.date(2016, 9, 5)),
        ("7:58 AM ET", None),
        ("02/05/2024", None),  # 2 May or 5 February: not guessed
        ("2016-13-45", None),
        ("yesterday", None),
        ("", None),
        (20161217, None),
    ],
)
def test_parse_date(written: object, expected: dt.date | None) -> None:
    assert parse_date(written) == expected


@given(st.dates(min_value=dt.date(1900, 1, 1)))
def test_parse_date_reads_every_day_in_the_written_formats(day: dt.date) -> None:
    for written in (day.isoformat(), day.strftime("%B %d, %Y"), day.strftime("%d %b %Y")):
        assert parse_date(written) == day


@given(st.text(max_size=40))
def test_parse_date_never_raises(written: str) -> None:
    parse_date(written)


def test_unreadable_date_leaves_the_article_undated_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": "a", "date": "Dec 17, 2016", "text": "The council met."},
        {"id": "b", "date": "7:58 AM ET", "text": "The council met again."},
    ]
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    first, second = iter_articles([path])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.date, first.notes) == (DEC_17, ())
    assert second.date is None
    assert second.notes == ("date '7:58 AM ET' not understood: stored undated",)
