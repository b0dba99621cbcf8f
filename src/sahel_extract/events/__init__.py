"""The events stage: the records of one attack across many articles become one ``Event``.

In: ``AttackRecord``s of many articles (objects, or the JSONL files of ``sahel-extract run``). Out:
``Event``s (events.jsonl): the record fields reconciled across sources, ``records`` and ``sources``;
deterministic, and the same whether the records come all at once or in batches (``EventIndex``).

Modules, in the order data flows through them:

- ``models``: ``Event``, ``EventSource``, ``ClusterSettings`` (every threshold, with defaults);
- ``similarity``: the pairwise rule (which records can be one attack, and how alike they are);
- ``index``: the compatibility graph, its components and the clique clustering; ``EventIndex`` (incremental,
  with a saved state) and ``cluster_records``; the order-independence argument is in its docstring;
- ``reconcile``: one cluster of records -> one ``Event`` (place, date span, actor, tolls as spans);
- ``io`` and ``jsonl``: reading record files, writing events, ``run_events`` for the command line.

Usage::

    from sahel_extract.events import cluster_records, EventIndex, run_events
    events = cluster_records(records)                       # list[Event]
    index = EventIndex(); index.add(batch1); index.add(batch2); index.events()
    run_events(["attacks.jsonl"], "events.jsonl", state_path="events.state.jsonl")
"""

from .index import EventIndex, cluster_records
from .io import (
    EventRunSummary,
    events_to_jsonl,
    journal_records,
    read_events,
    read_records,
    run_events,
    state_path_for,
    write_events,
)
from .models import ClusterSettings, Event, EventSource, LevelScores, SimilarityWeights
from .reconcile import build_event
from .similarity import score

__all__ = [
    "ClusterSettings", "Event", "EventIndex", "EventRunSummary", "EventSource", "LevelScores", "SimilarityWeights",
    "build_event", "cluster_records", "events_to_jsonl", "journal_records", "read_events", "read_records", "run_events",
    "score", "state_path_for", "write_events",
]
