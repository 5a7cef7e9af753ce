"""Consolidation speed: clustering a store of 100k events, and joining 1,000 new articles.

A store is filled with generated events (no spaCy: rows go straight into `events` and
`articles`). Each generated real-world happening (a day, a CAMEO root and its trigger verbs, a
source and target actor, a town, a few topic words) is reported 1 to 8 times by articles of
50 outlets, each report with its own wording: a second trigger verb now and then, the actor
named by country only or not at all, the date a day off, half the topic words plus filler.
Three reports of different happenings make one article. A fixed seed makes runs comparable.

Printed, all from the same run:

- rebuild: `kittiwake.store.clusters.rebuild_clusters` on the whole store (read, cluster,
  write), what `kittiwake recode` runs;
- consolidate vs baseline: the clustering alone (`kittiwake.consolidate.consolidate` on the
  events as read) against the same-root + same-dyad + same-day grouping of the same events,
  both followed by the same cluster summaries; the ratio is the price of the richer rules;
- extend: 1,000 more articles (the newest days) joined by `extend_clusters`, what each
  `kittiwake ingest` runs, against a rebuild of the grown store.

    python benchmarks/consolidate.py [--events 100000] [--new-articles 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow as pa

from kittiwake.consolidate import baseline, consolidate, summarize
from kittiwake.store import Store
from kittiwake.store.clusters import extend_clusters, read_events, rebuild_clusters

FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 365
EVENTS_PER_ARTICLE = 3
ROOTS = {  # root: (PLOVER type, trigger verbs: the usual one first)
    "01": (None, ("said", "stated")),
    "02": ("REQUEST", ("appealed", "urged")),
    "03": ("AGREE", ("promised", "pledged")),
    "04": ("CONSULT", ("met", "visited")),
    "05": ("COOPERATE", ("praised", "backed")),
    "06": ("COOPERATE", ("traded", "exchanged")),
    "07": ("AID", ("sent aid to", "supplied")),
    "08": ("CONCEDE", ("released", "eased")),
    "10": ("DEMAND", ("demanded", "called on")),
    "11": ("DISAPPROVE", ("criticised", "condemned")),
    "12": ("REJECT", ("rejected", "refused")),
    "13": ("THREATEN", ("threatened", "warned")),
    "14": ("PROTEST", ("protested", "rallied against")),
    "17": ("COERCE", ("arrested", "detained")),
    "18": ("ASSAULT", ("attacked", "bombed")),
    "19": ("ASSAULT", ("shelled", "struck")),
    "20": ("ASSAULT", ("massacred", "killed")),
}
COUNTRIES = [f"C{n:02d}" for n in range(40)]
SECTORS = ["GOV", "MIL", "REB", "COP", "OPP", ""]
TOWNS = [f"Town{n:03d}" for n in range(300)]
TOPIC = [f"topic{n:04d}" for n in range(3000)]
FILLER = [f"filler{n:03d}" for n in range(200)]
QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "10": 3}


def happening(chooser: random.Random, number: int, *, days: range) -> dict[str, Any]:
    root = chooser.choice(sorted(ROOTS))
    source, target = chooser.sample(COUNTRIES, 2)
    town_country = chooser.choice([source, target])
    return {
        "id": number,
        "day": FIRST_DAY + dt.timedelta(days=chooser.choice(days)),
        "root": root,
        "source": (source, chooser.choice(SECTORS)),
        "target": (target, chooser.choice(SECTORS)),
        "town": (chooser.choice(TOWNS), town_country),
        "topic": chooser.sample(TOPIC, 6),
    }


def report(chooser: random.Random, event: dict[str, Any], *, number: int) -> dict[str, Any]:
    """One article's wording of a happening: an `events` row."""
    plover, verbs = ROOTS[event["root"]]
    verb = verbs[0] if chooser.random() < 0.8 else verbs[1]
    (source, source_sector), (target, target_sector) = event["source"], event["target"]
    source_code = source + source_sector if chooser.random() < 0.7 else source
    shown_source: tuple[str | None, str | None] = (source_code, source)
    if chooser.random() < 0.1:
        shown_source = (None, None)
    day = event["day"] + dt.timedelta(days=chooser.choice([0, 0, 0, 0, 1]))
    town, town_country = event["town"]
    words = [*chooser.sample(event["topic"], 3), *chooser.sample(FILLER, 3)]
    sentence = f"{source} forces {verb} {target} in {town} " + " ".join(words)
    return {
        "event_id": f"e{number:07d}",
        "mention_id": f"m{number:07d}",
        "sentence_text": sentence,
        "source_code": shown_source[0],
        "source_country": shown_source[1],
        "target_code": target + target_sector,
        "target_country": target,
        "trigger_text": verb,
        "cameo": event["root"] + "0",
        "cameo_root": event["root"],
        "quad_class": QUAD.get(event["root"], 4),
        "plover_type": plover,
        "event_date": day,
        "effective_date": day,
        "date_precision": "day",
        "place_name": town,
        "place_country": town_country,
    }


def generated(
    count: int, *, seed: int, days: range, first_number: int = 0
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`count` event rows and their articles; happenings are reported 1-8 times."""
    chooser = random.Random(seed)
    rows: list[dict[str, Any]] = []
    number = 0
    while len(rows) < count:
        event = happening(chooser, number, days=days)
        copies = min(8, 1 + int(chooser.expovariate(0.55)))
        start = first_number + len(rows)
        rows.extend([report(chooser, event, number=start + i) for i in range(copies)])
        number += 1
    rows = rows[:count]
    chooser.shuffle(rows)
    articles = []
    for index, row in enumerate(rows):
        doc_id = f"d{first_number}-{index // EVENTS_PER_ARTICLE:07d}"
        row["doc_id"] = doc_id
        if not articles or articles[-1]["doc_id"] != doc_id:
            outlet = f"outlet{chooser.randrange(50):02d}"
            articles.append({"doc_id": doc_id, "source": outlet, "published": row["event_date"]})
    return rows, articles


def insert(store: Store, rows: list[dict[str, Any]], articles: list[dict[str, Any]]) -> None:
    con = store.connection
    article_table = pa.Table.from_pylist(articles)  # noqa: F841 - read by DuckDB below
    con.execute(
        "INSERT INTO articles (doc_id, source, published, origin, text) "
        "SELECT doc_id, source, published, 'generated', '' FROM article_table"
    )
    event_table = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB below
    con.execute(
        "INSERT INTO events (event_id, mention_id, doc_id, sentence, sentence_start, "
        "sentence_text, source_code, source_country, target_code, target_country, "
        "trigger_text, trigger_start, trigger_end, cameo, cameo_root, goldstein, quad_class, "
        "plover_type, plover_context, event_date, date_precision, historical, effective_date, "
        "place_name, place_country, negated, rule) "
        "SELECT event_id, mention_id, doc_id, 0, 0, sentence_text, source_code, source_country, "
        "target_code, target_country, trigger_text, 0, 1, cameo, cameo_root, 0.0, quad_class, "
        "plover_type, [], event_date, date_precision, false, effective_date, place_name, "
        "place_country, false, 'generated' FROM event_table"
    )


def timed(function: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--new-articles", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "b.duckdb") as store:
        rows, articles = generated(options.events, seed=options.seed, days=range(DAYS))
        insert(store, rows, articles)
        rebuild_s, rebuilt = timed(rebuild_clusters, store)
        print(f"stored events: {options.events:,}; clusters: {rebuilt.clusters:,}")
        print(f"rebuild (read, cluster, write): {rebuild_s:.2f} s")

        events = read_events(store)
        ours_s, _ = timed(lambda: consolidate(events).clusters)
        base_s, grouped = timed(lambda: summarize(events, baseline(events)))
        print(
            f"clustering alone: {ours_s:.2f} s; baseline (root + dyad + day): {base_s:.2f} s "
            f"({len(grouped):,} groups); ratio {ours_s / base_s:.1f}x"
        )

        count = options.new_articles * EVENTS_PER_ARTICLE
        new_rows, new_articles = generated(
            count, seed=options.seed + 1, days=range(DAYS - 3, DAYS), first_number=len(rows)
        )
        insert(store, new_rows, new_articles)
        extend_s, extended = timed(extend_clusters, store)
        again_s, _ = timed(rebuild_clusters, store)
        print(
            f"extend by {len(new_articles):,} articles ({extended.events:,} events): "
            f"{extend_s:.2f} s; rebuild of the grown store: {again_s:.2f} s; "
            f"ratio {again_s / extend_s:.1f}x"
        )


if __name__ == "__main__":
    main()
