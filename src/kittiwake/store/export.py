"""Export stored events as GDELT 2.0 event rows, PLOVER JSON Lines, partitioned Parquet or CSV.

GDELT 2.0 differences, by design:
- actor country fields hold kittiwake's ISO 3166 alpha-3 / CAMEO codes (as GDELT's actor
  fields do); ActionGeo_CountryCode also holds ISO alpha-3, where GDELT uses FIPS 10-4;
- Actor1Geo_* and Actor2Geo_* are empty (kittiwake places events, not actors);
- AvgTone is empty (no tone is computed); NumMentions, NumSources and NumArticles are those of
  the event's cluster (`kittiwake.consolidate`: reports of one real-world event), and for an
  event not clustered yet, 1 + recorded duplicates of its article;
- GLOBALEVENTID is a stable 63-bit hash of kittiwake's event_id, so re-exports agree;
- IsRootEvent is 1 for events in an article's first sentence.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow.dataset as pads

from kittiwake.store.db import EVENT_COLUMNS, Store
from kittiwake.store.queries import EventFilter, event_json, event_rows, fetch_arrow

FORMATS = ("gdelt", "plover", "parquet", "csv")

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{field}" for field in _ACTOR_FIELDS),
    *(f"Actor2{field}" for field in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{field}" for field in _GEO_FIELDS),
    *(f"Actor2Geo_{field}" for field in _GEO_FIELDS),
    *(f"ActionGeo_{field}" for field in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

# Sector-like first parts of codes without a country (CAMEO's international/transnational actors)
_GROUP_PREFIXES = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "UIS"})


def gdelt_event_id(event_id: str) -> int:
    """A stable positive 63-bit integer for a kittiwake event id."""
    digest = hashlib.blake2b(event_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _clean(value: Any) -> str:
    """One GDELT field: empty for missing values, never a tab or newline."""
    if value is None:
        return ""
    text = str(value)
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _actor_fields(row: Mapping[str, Any], side: str) -> list[Any]:
    code: str | None = row[f"{side}_code"]
    if code is None:
        return [None] * len(_ACTOR_FIELDS)
    country: str | None = row[f"{side}_country"]
    rest = code[len(country) :] if country and code.startswith(country) else code
    parts = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    known_group = None
    if not country and len(parts) > 1 and parts[0] in _GROUP_PREFIXES:
        known_group = parts[1]
        parts = [parts[0], *parts[2:]]
    types = (parts + [None, None, None])[:3]
    name = row[f"{side}_name"] or row[f"{side}_text"]
    return [code, name.upper() if name else None, country, known_group, None, None, None, *types]


def _geo_type(row: Mapping[str, Any]) -> int | None:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if row["place_name"] is None:
        return None
    feature = row["place_feature"] or ""
    is_usa = row["place_country"] in ("USA", "US")
    if feature.startswith("PCL") or feature == "SCENE":  # the story's scene country
        return 1
    if feature.startswith("ADM"):
        return 2 if is_usa else 5
    return 3 if is_usa else 4


def _action_geo(row: Mapping[str, Any]) -> list[Any]:
    if row["place_name"] is None:
        return [None] * len(_GEO_FIELDS)
    return [
        _geo_type(row),
        row["place_name"],
        row["place_country"],
        row["place_admin1"],
        None,
        row["place_lat"],
        row["place_lon"],
        row["place_geonameid"],
    ]


def gdelt_row(row: Mapping[str, Any]) -> list[str]:
    """The 61 GDELT 2.0 fields of one events row joined with its article's url / ingest time."""
    added = row["article_added"]
    day = row["effective_date"] or (added.date() if added else None)
    date_fields: list[Any] = [None] * 4
    if day is not None:
        fraction = day.year + day.timetuple().tm_yday / 365
        date_fields = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]
    cameo: str = row["cameo"]
    fields = [
        gdelt_event_id(row["event_id"]),
        *date_fields,
        *_actor_fields(row, "source"),
        *_actor_fields(row, "target"),
        1 if row["sentence"] == 0 else 0,
        cameo,
        cameo[:3],
        row["cameo_root"],
        row["quad_class"],
        row["goldstein"],
        *_report_counts(row),
        None,
        *[None] * len(_GEO_FIELDS),
        *[None] * len(_GEO_FIELDS),
        *_action_geo(row),
        added.strftime("%Y%m%d%H%M%S") if added else None,
        row["article_url"] or row["doc_id"],
    ]
    return [_clean(value) for value in fields]


def _report_counts(row: Mapping[str, Any]) -> list[Any]:
    """NumMentions, NumSources, NumArticles: the cluster's, else the article's and its copies."""
    if row.get("cluster_mentions") is None:
        return [row["num_articles"], row["num_sources"], row["num_articles"]]
    return [row["cluster_mentions"], row["cluster_sources"], row["cluster_articles"]]


def _actor_list(event: Mapping[str, Any], side: str) -> list[dict[str, Any]]:
    mention = event[side]
    return [dict(mention)] if mention else []


def plover_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """One POLECAT-style PLOVER record, with kittiwake's provenance under "kittiwake"."""
    event = event_json(row)
    day = row["effective_date"]
    return {
        "id": event["event_id"],
        "date": day.isoformat() if day else None,
        "event_type": event["plover"]["type"],
        "mode": event["plover"]["mode"],
        "context": event["plover"]["context"],
        "source": _actor_list(event, "source"),
        "target": _actor_list(event, "target"),
        "location": event["place"],
        "text": event["text"],
        "kittiwake": {
            "doc_id": event["doc_id"],
            "mention_id": event["mention_id"],
            "sentence": event["sentence"],
            "rule": event["rule"],
            "trigger": event["trigger"],
            "cameo": event["cameo"],
            "cameo_root": event["cameo_root"],
            "goldstein": event["goldstein"],
            "quad_class": event["quad_class"],
            "event_date": event["date"],
            "date_raw": event["date_raw"],
            "date_precision": event["date_precision"],
            "historical": event["historical"],
            "negated": event["negated"],
            "modality": event["modality"],
            "num_articles": row["num_articles"],
            "num_sources": row["num_sources"],
        },
    }


def plover_to_event_json(record: Mapping[str, Any]) -> dict[str, Any]:
    """Back from a PLOVER record to the `Event.to_json()` shape (inverse of `plover_record`)."""
    kw = record["kittiwake"]
    source = record["source"][0] if record["source"] else None
    target = record["target"][0] if record["target"] else None
    return {
        "event_id": record["id"],
        "mention_id": kw["mention_id"],
        "doc_id": kw["doc_id"],
        "sentence": kw["sentence"],
        "text": record["text"],
        "source": source,
        "target": target,
        "trigger": kw["trigger"],
        "cameo": kw["cameo"],
        "cameo_root": kw["cameo_root"],
        "goldstein": kw["goldstein"],
        "quad_class": kw["quad_class"],
        "plover": {
            "type": record["event_type"],
            "mode": record["mode"],
            "context": record["context"],
        },
        "date": kw["event_date"],
        "date_raw": kw["date_raw"],
        "date_precision": kw["date_precision"],
        "historical": kw["historical"],
        "place": record["location"],
        "negated": kw["negated"],
        "modality": kw["modality"],
        "dyadic": bool(source and source.get("code")) and bool(target and target.get("code")),
        "rule": kw["rule"],
    }


def read_plover(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _joined_rows(store: Store, filters: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Events with their article's url and ingest time (for GDELT's SOURCEURL, DATEADDED)."""
    where, params = EventFilter(**filters).where()
    result = store.connection.execute(
        f"SELECT e.*, a.url AS article_url, a.ingested_at AS article_added, "
        "c.num_mentions AS cluster_mentions, c.num_sources AS cluster_sources, "
        "c.num_articles AS cluster_articles "
        f"FROM (SELECT * FROM events WHERE {where}) AS e LEFT JOIN articles AS a USING (doc_id) "
        "LEFT JOIN event_cluster_members AS m USING (event_id) "
        "LEFT JOIN event_clusters AS c ON c.cluster_id = m.cluster_id "
        "ORDER BY e.effective_date, e.event_id",
        params,
    )
    names = [column[0] for column in result.description]
    while batch := result.fetchmany(1000):
        for row in batch:
            yield dict(zip(names, row, strict=True))


def _write_lines(out: Path, lines: Iterable[str]) -> int:
    count = 0
    with out.open("w", encoding="utf-8", newline="") as file:
        for line in lines:
            file.write(line + "\n")
            count += 1
    return count


def _export_parquet(store: Store, out: Path, filters: Mapping[str, Any]) -> int:
    where, params = EventFilter(**filters).where()
    table = fetch_arrow(
        store,
        "SELECT *, coalesce(strftime(effective_date, '%Y-%m'), 'unknown') AS year_month "
        f"FROM events WHERE {where} ORDER BY effective_date, event_id",
        params,
    )
    pads.write_dataset(
        table,
        out,
        format="parquet",
        partitioning=["year_month"],
        partitioning_flavor="hive",
        existing_data_behavior="delete_matching",
    )
    return int(table.num_rows)


def _export_csv(store: Store, out: Path, filters: Mapping[str, Any]) -> int:
    """CSV with a header; plover_context is joined with ';'."""
    count = 0
    with out.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=[*EVENT_COLUMNS, "num_articles", "num_sources"])
        writer.writeheader()
        for row in event_rows(store, **filters):
            writer.writerow({**row, "plover_context": ";".join(row["plover_context"])})
            count += 1
    return count


def export(store: Store, *, format: str, out: Path, **filters: Any) -> int:
    """Write the events matching `filters` (see `EventFilter`) to `out`; return how many.

    gdelt: tab-separated GDELT 2.0 event rows, no header (read with `names=GDELT_COLUMNS`);
    plover: JSON Lines; parquet: a folder partitioned as year_month=YYYY-MM/; csv: one file.
    """
    out = Path(out)
    if format == "gdelt":
        rows = _joined_rows(store, filters)
        return _write_lines(out, ("\t".join(gdelt_row(row)) for row in rows))
    if format == "plover":
        records = (plover_record(row) for row in event_rows(store, **filters))
        return _write_lines(out, (json.dumps(record, ensure_ascii=False) for record in records))
    if format == "parquet":
        return _export_parquet(store, out, filters)
    if format == "csv":
        return _export_csv(store, out, filters)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
