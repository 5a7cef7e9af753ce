"""Downloads of exactly the events a filtered view shows, every one of them (no paging):
CSV and GeoJSON, written a batch of rows at a time so a million events stream in constant
memory, and Parquet, written a batch at a time to a temporary file (its footer comes last)
that is sent and then removed.

Text in the rows came from the web: a CSV cell that a spreadsheet would run as a formula
(starting =, +, -, @) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from kittiwake.store import Store
from kittiwake.web.lookup import ORDERS, Where, plain

COLUMNS = (
    "event_id",
    "effective_date",
    "date_precision",
    "source_code",
    "source_text",
    "target_code",
    "target_text",
    "cameo",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "num_articles",
    "num_sources",
    "cluster_id",  # the event's cluster (empty: not clustered yet) and the cluster's counts
    "cluster_mentions",
    "cluster_articles",
    "cluster_sources",
    "negated",
    "modality",
    "doc_id",
    "sentence_text",
)
BATCH = 5000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GEOJSON_PROPERTIES = tuple(name for name in COLUMNS if name not in ("place_lat", "place_lon"))


def _export_query(where: Where, sort: str) -> str:
    columns = ", ".join(COLUMNS)
    return f"SELECT {columns} FROM events WHERE {where[0]} ORDER BY {ORDERS[sort]}"


def event_batches(store: Store, where: Where, *, sort: str) -> Iterator[list[tuple[Any, ...]]]:
    """The matching events' `COLUMNS`, in the `sort` order, BATCH rows at a time."""
    result = store.connection.execute(_export_query(where, sort), where[1])
    while batch := result.fetchmany(BATCH):
        yield batch


def parquet_file(store: Store, where: Where, *, sort: str) -> Path:
    """The matching events in a new temporary folder's `events.parquet`; the caller removes
    the folder (`path.parent`)."""
    folder = Path(tempfile.mkdtemp(prefix="kittiwake-download-"))
    path = folder / "events.parquet"
    try:
        relation = store.connection.sql(_export_query(where, sort), params=where[1])
        batches = relation.to_arrow_reader(BATCH)
        with pq.ParquetWriter(path, batches.schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return path


def _safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return plain(value)


def csv_chunks(batches: Iterable[Sequence[tuple[Any, ...]]]) -> Iterator[str]:
    """A header line, then one chunk of CSV per batch."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for batch in batches:
        writer.writerows([_safe_cell(value) for value in row] for row in batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _feature(row: tuple[Any, ...]) -> dict[str, Any] | None:
    values = dict(zip(COLUMNS, row, strict=True))
    lat, lon = values["place_lat"], values["place_lon"]
    if lat is None or lon is None:
        return None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
        "properties": {name: plain(values[name]) for name in GEOJSON_PROPERTIES},
    }


def geojson_chunks(batches: Iterable[Sequence[tuple[Any, ...]]]) -> Iterator[str]:
    """A FeatureCollection of the events that have a place, one chunk per batch."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for batch in batches:
        features = [json.dumps(found) for found in map(_feature, batch) if found is not None]
        if features:
            yield ("" if first else ",\n") + ",\n".join(features)
            first = False
    yield "]}\n"
