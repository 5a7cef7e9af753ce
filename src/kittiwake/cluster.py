"""Coding on a Dask cluster: the same ingest, with the coding sent to Dask workers.

Only the coding leaves the ingest process: it still reads the inputs, deduplicates, and is the
only writer of the DuckDB file, so everything `kittiwake.ingest` promises (idempotent
re-runs, one transaction per article, results in input order, the same events whatever the
number of workers) holds on a cluster too. Each Dask worker builds the pipeline once
(`kittiwake.ingest_worker.worker_pipeline`) and codes chunks of articles with it.

Any Dask cluster works: `"local"` starts a `LocalCluster` of single-threaded worker processes
on this machine; a scheduler address (`tcp://host:8786`) joins a running one, such as a
Slurm or PBS allocation started with dask-jobqueue, a Kubernetes cluster from
dask-kubernetes, or a cloud cluster; a `distributed.Client` made by the caller is used as is.
Workers need kittiwake and the spaCy model installed, and read the dictionaries and patterns
from the paths in the settings (put user files on a shared file system).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from concurrent.futures import Executor, Future
from typing import Any

from kittiwake.config import Settings
from kittiwake.errors import KittiwakeError
from kittiwake.ingest_worker import code_chunk
from kittiwake.records import Article, CodedArticle, Rejected

LOCAL = "local"


class DaskUnavailableError(KittiwakeError, RuntimeError):
    """Raised when a Dask cluster is asked for but dask.distributed is not installed or the
    scheduler cannot be reached."""


class DaskCoder:
    """Sends chunks of articles to the workers of a Dask cluster (the `Coder` of an ingest).

    `workers` is the number of worker threads the cluster had when the ingest started, at
    least 1; the ingest keeps `CHUNKS_IN_FLIGHT_PER_WORKER` chunks per worker in flight.
    """

    def __init__(self, client: Any, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        # pure=False: two chunks with equal articles are still two tasks
        self.executor: Executor = client.get_executor(pure=False)
        self.workers = max(1, sum(client.nthreads().values()))

    def submit(self, articles: list[Article]) -> Future[list[CodedArticle | Rejected]]:
        return self.executor.submit(code_chunk, self.settings, articles)


def distributed_module() -> Any:
    try:
        import distributed
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise DaskUnavailableError(
            "coding on a Dask cluster needs dask.distributed: pip install 'kittiwake[dask]'"
        ) from error
    return distributed


@contextlib.contextmanager
def open_dask_coder(
    cluster: Any, *, settings: Settings, local_workers: int | None = None
) -> Iterator[DaskCoder]:
    """A coder on `cluster`: "local", a scheduler address, or a `distributed.Client`.

    A client or local cluster this function starts is closed on exit; one given is not.
    `local_workers` is the number of worker processes of a local cluster (default: cores).
    """
    distributed = distributed_module()
    if isinstance(cluster, distributed.Client):
        yield DaskCoder(cluster, settings)
        return
    with contextlib.ExitStack() as stack:
        if cluster == LOCAL:
            local = distributed.LocalCluster(
                n_workers=local_workers, threads_per_worker=1, processes=True
            )
            address: Any = stack.enter_context(local)
        else:
            address = str(cluster)
        try:
            client = stack.enter_context(distributed.Client(address))
        except OSError as error:
            raise DaskUnavailableError(
                f"cannot reach the Dask scheduler {cluster}: {error}"
            ) from error
        yield DaskCoder(client, settings)
