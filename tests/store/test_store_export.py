from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.dataset as pads
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_factories import make_coded, make_event

from kittiwake.records import Actor, Event, EventDate, Mention, Place, Span
from kittiwake.store import Store, queries
from kittiwake.store.export import (
    GDELT_COLUMNS,
    export,
    gdelt_event_id,
    plover_to_event_json,
    read_plover,
)

texts = st.text(min_size=1, max_size=30)
maybe_texts = st.none() | texts
codes = st.from_regex(r"[A-Z]{3}([A-Z]{3}){0,2}", fullmatch=True)
offsets = st.integers(min_value=0, max_value=10_000)
coordinates = st.none() | st.floats(min_value=-90, max_value=90, allow_nan=False)


@st.composite
def mentions(draw: st.DrawFn) -> Mention:
    start = draw(offsets)
    actor = Actor(
        code=draw(codes),
        country=draw(st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True)),
        sector=draw(st.none() | st.sampled_from(["GOV", "MIL", "REB", "BUS"])),
        name=draw(maybe_texts),
    )
    return Mention(
        doc_id="doc",
        sentence=0,
        start=start,
        end=start + draw(offsets),
        text=draw(texts),
        actor=actor,
        head=0,
        token_start=0,
        token_end=1,
    )


@st.composite
def event_lists(draw: st.DrawFn) -> list[Event]:
    size = draw(st.integers(min_value=1, max_value=6))
    events = []
    for number in range(size):
        date = draw(
            st.none()
            | st.builds(
                EventDate,
                value=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 1, 1)),
                raw=maybe_texts,
                precision=st.sampled_from(["day", "week", "month", "season", "year"]),
                historical=st.booleans(),
            )
        )
        place = draw(
            st.none()
            | st.builds(
                Place,
                name=texts,
                country=st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True),
                lat=coordinates,
                lon=coordinates,
                geonameid=st.none() | st.integers(min_value=1, max_value=2**40),
            )
        )
        cameo = draw(st.from_regex(r"(0[1-9]|1[0-9]|20)[0-9]{1,2}", fullmatch=True))
        trigger_start = draw(offsets)
        events.append(
            Event(
                event_id=f"doc-e{number}",
                mention_id=f"doc-m{number}",
                doc_id="doc",
                sentence=draw(st.integers(min_value=0, max_value=500)),
                text=draw(texts),
                source=draw(st.none() | mentions()),
                target=draw(st.none() | mentions()),
                trigger=Span(start=trigger_start, end=trigger_start + 3, text=draw(texts)),
                cameo=cameo,
                cameo_root=cameo[:2],
                goldstein=draw(st.floats(min_value=-10, max_value=10, allow_nan=False)),
                quad_class=draw(st.integers(min_value=1, max_value=4)),
                plover_type=draw(texts),
                plover_mode=draw(maybe_texts),
                plover_context=tuple(draw(st.lists(texts, max_size=3))),
                date=date,
                place=place,
                negated=draw(st.booleans()),
                modality=draw(st.none() | st.sampled_from(["future", "hypothetical"])),
                rule=draw(texts),
                sentence_start=draw(offsets),
            )
        )
    return events


def _store_events(folder: Path, events: list[Event]) -> Store:
    store = Store.open(folder / "events.duckdb")
    run_id = store.start_run(command="test", kittiwake_version="0", dictionaries="test")
    store.add(make_coded("doc", tuple(events), published=dt.date(2024, 1, 15)), run_id=run_id)
    return store


ROUND_TRIP = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow  # 25 stores written and read back: seconds
@ROUND_TRIP
@given(events=event_lists())
def test_store_plover_and_parquet_round_trip(events: list[Event]) -> None:
    expected = {event.event_id: event.to_json() for event in events}
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        with _store_events(folder, events) as store:
            stored = queries.event_rows(store, include_negated=True)
            assert {row["event_id"]: queries.event_json(row) for row in stored} == expected

            assert export(
                store, format="plover", out=folder / "e.jsonl", include_negated=True
            ) == len(events)
            records = read_plover(folder / "e.jsonl")
            assert {r["id"]: plover_to_event_json(r) for r in records} == expected

            export(store, format="parquet", out=folder / "parquet", include_negated=True)
            table = pads.dataset(
                folder / "parquet", format="parquet", partitioning="hive"
            ).to_table()
            assert {r["event_id"]: queries.event_json(r) for r in table.to_pylist()} == expected


def test_parquet_is_partitioned_by_month(
    tmp_path: Path, store: Store, add_article: Callable[..., Any]
) -> None:
    add_article(
        "d1",
        make_event("d1", 1, date=dt.date(2024, 3, 4)),
        make_event("d1", 2, date=dt.date(2024, 4, 30)),
        make_event("d1", 3, date=dt.date(2024, 4, 1)),
    )
    assert export(store, format="parquet", out=tmp_path / "out") == 3
    months = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert months == ["year_month=2024-03", "year_month=2024-04"]
    april = pads.dataset(tmp_path / "out" / "year_month=2024-04", format="parquet").to_table()
    assert sorted(april.column("event_id").to_pylist()) == ["d1-e2", "d1-e3"]


def test_gdelt_export_has_61_columns(
    tmp_path: Path, store: Store, add_article: Callable[..., Any]
) -> None:
    add_article(
        "d1",
        make_event("d1", 1, source="RUSGOV", target="UKRMIL", cameo="1951"),
        make_event("d1", 2, source="IGOUNO", target=None, cameo="013", goldstein=1.9, sentence=3),
        make_event("d1", 3, source="USA", text="a\ttab and\nnewline", place_country=None),
    )
    out = tmp_path / "events.gdelt.tsv"
    assert export(store, format="gdelt", out=out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    assert all(len(line.split("\t")) == 61 for line in lines)
    frame = pd.read_csv(
        out,
        sep="\t",
        header=None,
        names=list(GDELT_COLUMNS),
        dtype=str,
        quoting=csv.QUOTE_NONE,
        keep_default_na=False,
    )
    assert frame.shape == (3, 61)
    by_id = frame.set_index("GLOBALEVENTID")
    first = by_id.loc[str(gdelt_event_id("d1-e1"))]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20240304", "202403", "2024")
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "RUSGOV",
        "RUS",
        "GOV",
    )
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "1951",
        "195",
        "19",
    )
    assert (first["QuadClass"], first["IsRootEvent"], first["NumArticles"]) == ("4", "1", "1")
    assert (
        first["ActionGeo_FullName"],
        first["ActionGeo_CountryCode"],
        first["ActionGeo_Type"],
    ) == ("Kharkiv", "UKR", "4")
    assert first["SOURCEURL"] == "https://news.example/d1"
    assert len(first["DATEADDED"]) == 14
    second = by_id.loc[str(gdelt_event_id("d1-e2"))]
    assert (second["Actor1Code"], second["Actor1KnownGroupCode"], second["Actor1Type1Code"]) == (
        "IGOUNO",
        "UNO",
        "IGO",
    )
    assert (second["Actor2Code"], second["IsRootEvent"], second["GoldsteinScale"]) == (
        "",
        "0",
        "1.9",
    )


def test_gdelt_event_ids_are_stable_positive_integers() -> None:
    ids = [gdelt_event_id(f"doc-{n}") for n in range(1000)]
    assert len(set(ids)) == 1000
    assert all(0 < value < 2**63 for value in ids)
    assert gdelt_event_id("doc-1") == ids[1]


def test_csv_export_has_header(
    tmp_path: Path, store: Store, add_article: Callable[..., Any]
) -> None:
    add_article("d1", make_event("d1", 1), make_event("d1", 2, negated=True))
    out = tmp_path / "events.csv"
    assert export(store, format="csv", out=out) == 1
    assert export(store, format="csv", out=out, include_negated=True) == 2
    frame = pd.read_csv(out, keep_default_na=False)
    assert list(frame["event_id"]) == ["d1-e1", "d1-e2"]
    assert set(frame["plover_context"]) == {"military"}
    assert list(frame["event_date"]) == ["2024-03-04", "2024-03-04"]


def test_export_filters_and_unknown_format(
    tmp_path: Path, store: Store, add_article: Callable[..., Any]
) -> None:
    add_article("d1", make_event("d1", 1, source="RUSGOV"), make_event("d1", 2, source="USAGOV"))
    assert export(store, format="plover", out=tmp_path / "e.jsonl", actor="USA", side="source") == 1
    with pytest.raises(ValueError, match="format"):
        export(store, format="xml", out=tmp_path / "e.xml")
