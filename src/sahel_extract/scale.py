"""Scale-out on Dask: the pipeline's per-article work as ``dask.bag`` partitions on a cluster.

In: a stream of ``Article`` / ``IngestError`` items (ingest runs where the stream is read), the settings, and a
cluster: ``"local"`` (a ``LocalCluster`` of ``Settings.run.workers`` single-threaded worker processes, bound to
the loopback interface, no dashboard) or the address of a running scheduler (``tcp://host:8786``; its workers
need sahel-extract installed). Out: the same ``ArticleResult`` / ``IngestError`` stream, in input order, as a
local run gives: each window of articles becomes a bag of partitions, every partition is processed by a worker's
own ``Pipeline`` (built once per worker process from the settings, then reused: ``pipeline.dask_partition``),
and the windows are read back in order. Two windows are in flight at once, so workers do not wait while results
are collected.

Needs the optional extra: ``pip install 'sahel-extract[dask]'``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from .ingest import Article
from .records import IngestError
from .settings import Settings

#: Articles per partition of a window's bag.
PARTITION = 32

def client_for(address: str, workers: int, timeout: float = 30.0):
    """A Dask client: a new loopback ``LocalCluster`` for "local", else a connection to a scheduler."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError("--dask needs the dask extra: pip install 'sahel-extract[dask]'") from exc
    if address == "local":
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, worker_dashboard_address=None)
        return Client(cluster)
    return Client(address, timeout=timeout)


def process_on_dask(items: Iterable[Article | IngestError], settings: Settings, address: str,
                    partition: Callable[[list, str], list]) -> Iterator[tuple[Article | IngestError, object]]:
    """Each item with its outcome, in order, computed on a Dask cluster (see the module docstring).
    ``partition(items, settings_json)`` is the per-partition work (``pipeline.dask_partition``): it runs on the
    workers and gives one outcome per item."""
    import dask.bag as db

    settings_json = settings.model_dump_json()
    client = client_for(address, settings.run.workers, settings.run.dask_timeout)
    workers = max(1, len(client.scheduler_info().get("workers", {})) or settings.run.workers)
    window = PARTITION * workers * 2
    iterator = iter(items)
    try:
        in_flight: deque = deque()
        while True:
            while len(in_flight) < 2:
                chunk = list(islice(iterator, window))
                if not chunk:
                    break
                bag = db.from_sequence(chunk, partition_size=PARTITION).map_partitions(partition, settings_json)
                in_flight.append((chunk, client.compute(bag)))
            if not in_flight:
                break
            chunk, future = in_flight.popleft()
            yield from zip(chunk, future.result(), strict=True)
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if address == "local" and cluster is not None:
            cluster.close()
