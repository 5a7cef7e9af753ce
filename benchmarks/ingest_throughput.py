"""Ingest throughput: `--workers 2` against `--workers 1` (the baseline), on real news texts.

Texts: the first `--limit` documents of ECB+ (../shared/eval/ecb_plus/ecb_plus.gold.jsonl,
web news from the 2000s), read at run time and never copied into the repository. When that
file is absent, the repository's own sample articles are used instead (few, so the figure
is mostly start-up).

Each measurement is one fresh process ingesting into a fresh database, timed from the call
of `ingest_paths` to its return (worker start-up included: that is what a user waits for).
Measurements alternate (1, N, 1, N, ...) `--repeat` times and the fastest of each is kept,
so that other work on a shared machine disturbs the comparison less; the load average
before each one is printed with it. Printed: inputs per second for each worker count, their
ratio, CPU seconds used (ingest and workers together), and peak resident memory of the
ingest process and of its largest worker.

`--store-only` measures the writer alone instead: the texts are coded first (not timed), then
each coded article is stored with `Store.add` (one transaction each) into a fresh database;
printed: milliseconds per article (wall and CPU), against the baseline of the same writes made
with one parameterised multi-row INSERT per table (the write path used before Arrow inserts).

`--dask` runs the N-worker side on a local Dask cluster of N single-threaded worker processes
(`ingest_paths(dask="local")`, the path a Slurm/Kubernetes cluster takes) instead of the
process pool; the baseline stays `--workers 1`.

    python benchmarks/ingest_throughput.py [--limit 300] [--workers 2] [--repeat 1] [--dask]
    python benchmarks/ingest_throughput.py --store-only [--limit 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ECB_PLUS = ROOT.parent / "shared" / "eval" / "ecb_plus" / "ecb_plus.gold.jsonl"
FALLBACKS = (
    ROOT / "examples" / "wire.jsonl",
    ROOT / "tests" / "data" / "inputs" / "articles.jsonl",
)
PUBLISHED = "2008-06-01"  # ECB+ documents carry no date; one fixed date for all


def corpus_records(limit: int) -> tuple[str, list[dict[str, Any]]]:
    """(description, records) of the texts to ingest."""
    if ECB_PLUS.exists():
        records = []
        with ECB_PLUS.open(encoding="utf-8") as lines:
            for line in lines:
                document = json.loads(line)
                records.append(
                    {"id": f"ecb-{document['id']}", "date": PUBLISHED, "text": document["text"]}
                )
                if len(records) >= limit:
                    break
        return f"ECB+ ({ECB_PLUS})", records
    records = [
        json.loads(line) for path in FALLBACKS for line in path.read_text().splitlines() if line
    ]
    return "sample articles (ECB+ not found)", records[:limit]


def measure(corpus: Path, db: Path, workers: int, *, dask: bool = False) -> dict[str, Any]:
    """Run in a fresh process: ingest `corpus` into `db` and report time and memory."""
    # Imported here, not at the top: spawned workers re-import this script as `__mp_main__`,
    # and should not pay for the ingest machinery they do not use.
    from kittiwake.ingest import ingest_paths

    load = os.getloadavg()[0]
    started = time.perf_counter()
    report = ingest_paths([corpus], db=db, workers=workers, dask="local" if dask else None)
    elapsed = time.perf_counter() - started
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return {
        "load": load,
        "cpu_seconds": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "workers": workers,
        "dask": dask,
        "seconds": elapsed,
        "inputs": report.processed,
        "articles": report.articles,
        "events": report.events,
        "duplicates": report.duplicates + report.near_duplicates,
        "rejected": report.errors,
        "parent_rss_mb": own.ru_maxrss / 1024,
        "worker_rss_mb": children.ru_maxrss / 1024,
    }


def run_fresh(
    corpus: Path, folder: Path, workers: int, attempt: int, *, dask: bool = False
) -> dict[str, Any]:
    db = folder / f"workers{workers}-{attempt}.duckdb"
    command = [sys.executable, __file__, "--measure", str(corpus), str(db), str(workers)]
    command += ["--dask"] if dask else []
    finished = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


def seconds(result: dict[str, Any]) -> float:
    return float(result["seconds"])


def show(result: dict[str, Any]) -> None:
    rate = result["inputs"] / result["seconds"]
    workers_rss = f"{result['worker_rss_mb']:.0f} MB" if result["workers"] > 1 else "-"
    print(
        f"{'--dask local ' if result.get('dask') else ''}--workers {result['workers']}: "
        f"{result['inputs']} inputs in {result['seconds']:.1f} s = "
        f"{rate:.2f} inputs/s ({result['articles']} stored, {result['duplicates']} duplicates, "
        f"{result['rejected']} rejected, {result['events']} events); {result['cpu_seconds']:.1f} "
        f"CPU s; peak RSS ingest {result['parent_rss_mb']:.0f} MB, largest worker {workers_rss}; "
        f"load average before {result['load']:.2f}"
    )


def coded_articles(corpus: Path) -> list[Any]:
    """The corpus coded in this process (the store benchmark's input)."""
    from kittiwake.config import Settings
    from kittiwake.pipeline import Pipeline
    from kittiwake.read import iter_articles
    from kittiwake.records import Article, CodedArticle

    pipeline = Pipeline(Settings.from_env())
    articles = [item for item in iter_articles([corpus]) if isinstance(item, Article)]
    coded = [pipeline.code_safely(article) for article in articles]
    return [result for result in coded if isinstance(result, CodedArticle)]


def time_store_adds(coded: list[Any], folder: Path, *, name: str) -> tuple[float, float]:
    """(wall, CPU) milliseconds per `Store.add` into a fresh database file."""
    from kittiwake.store import Store

    with Store.open(folder / f"{name}.duckdb") as store:
        run_id = store.start_run(command="benchmark", kittiwake_version="-", dictionaries="-")
        wall, cpu = time.perf_counter(), time.process_time()
        for article in coded:
            store.add(article, run_id=run_id, content_hash=None, story_id=article.article.doc_id)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return 1000 * wall / len(coded), 1000 * cpu / len(coded)


def insert_parameters(con: Any, table: str, columns: Any, rows: Any) -> None:
    """The baseline write: rows bound as parameters of multi-row INSERTs."""
    from kittiwake.store import db

    db._insert_parameters(con, table, columns, list(rows))


def store_benchmark(corpus: Path, folder: Path, *, repeat: int) -> None:
    """Print ms per `Store.add`, Arrow inserts against parameterised INSERTs, fastest of each."""
    from kittiwake.store import db

    coded = coded_articles(corpus)
    events = sum(len(article.events) for article in coded)
    mentions = sum(len(article.mentions) for article in coded)
    print(f"store: {len(coded)} coded articles ({mentions} mentions, {events} events)")
    arrow_insert = db._insert_rows
    timings: dict[str, list[tuple[float, float]]] = {"parameterised": [], "arrow": []}
    for attempt in range(repeat):
        for name in timings:
            # the baseline: the same transactions, rows bound as parameters
            db._insert_rows = insert_parameters if name == "parameterised" else arrow_insert
            timings[name].append(time_store_adds(coded, folder, name=f"{name}-{attempt}"))
    db._insert_rows = arrow_insert
    for name, runs in timings.items():
        wall, cpu = min(runs)
        print(f"Store.add with {name} inserts: {wall:.2f} ms/article wall, {cpu:.2f} ms CPU")
    ratio = min(timings["parameterised"])[0] / min(timings["arrow"])[0]
    print(f"Store.add speed-up, arrow / parameterised: {ratio:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="documents to ingest")
    parser.add_argument("--workers", type=int, default=2, help="worker count compared with 1")
    parser.add_argument("--repeat", type=int, default=1, help="alternating runs of each; best kept")
    parser.add_argument(
        "--store-only", action="store_true", help="time Store.add alone (ms per article)"
    )
    parser.add_argument(
        "--dask", action="store_true", help="N workers on a local Dask cluster, not a pool"
    )
    parser.add_argument(
        "--measure", nargs=3, metavar=("CORPUS", "DB", "WORKERS"), help=argparse.SUPPRESS
    )
    options = parser.parse_args()
    if options.measure:
        corpus, db, workers = options.measure
        print(json.dumps(measure(Path(corpus), Path(db), int(workers), dask=options.dask)))
        return
    description, records = corpus_records(options.limit)
    with tempfile.TemporaryDirectory(prefix="kittiwake-ingest-bench-") as temporary:
        folder = Path(temporary)
        corpus = folder / "corpus.jsonl"
        corpus.write_text(
            "".join(json.dumps(record) + "\n" for record in records), encoding="utf-8"
        )
        print(f"corpus: {len(records)} documents from {description}")
        if options.store_only:
            store_benchmark(corpus, folder, repeat=options.repeat)
            return
        runs: dict[int, list[dict[str, Any]]] = {1: [], options.workers: []}
        for attempt in range(options.repeat):
            for workers in runs:
                dask = options.dask and workers > 1
                runs[workers].append(run_fresh(corpus, folder, workers, attempt, dask=dask))
                show(runs[workers][-1])
    baseline, parallel = (min(runs[workers], key=seconds) for workers in runs)
    if options.repeat > 1:
        print("fastest of each:")
        show(baseline)
        show(parallel)
    ratio = (parallel["inputs"] / parallel["seconds"]) / (baseline["inputs"] / baseline["seconds"])
    how = "on a local Dask cluster" if options.dask else "(process pool)"
    print(f"throughput ratio, {options.workers} workers {how} / 1 worker: {ratio:.2f}")


if __name__ == "__main__":
    main()
