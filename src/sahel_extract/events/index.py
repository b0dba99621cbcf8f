"""Clustering: records of many articles in, ``Event``s out, all at once or incrementally.

In: ``AttackRecord``s, in any batches and any order, and a ``ClusterSettings``. Out: ``Event``s (sorted by
date, then id), byte-identical for the same set of records, however they arrived.

The algorithm, and why it is order independent:

1. The compatibility graph: an edge between two records when ``similarity.score`` is not None. The rule is
   symmetric and reads only the two records, so the graph is a function of the set of records. Candidates
   come from an index of blocking keys and days (``similarity.blocking_keys`` and ``similarity.window``,
   which every compatible pair shares, both ways), never from arrival order.
2. Components of that graph (union-find). Components are a function of the graph, whatever the order of the
   unions.
3. Within a component, records are taken in canonical order (published, article id, record id), and each
   joins the existing cluster with which it is compatible with EVERY member and has the highest mean score
   (ties: the cluster founded first), or founds a new one. This handles chaining (A~B, B~C, A not~C): C does
   not join A's cluster through B, and every event is a clique of the graph. The result depends only on
   the component's set of records, so it is a function of the set.
4. Reconciliation (``reconcile.build_event``) reads the members in canonical order.

``EventIndex.add`` therefore only has to recompute the components that received records: the events it
returns equal ``cluster_records`` over all the records it was given, in any batches and orders (tested with
hypothesis). A record id seen twice keeps the copy with the smaller JSON, which is order independent too.
Because canonical order is publication order, records of later-published articles never change the clusters
of earlier ones except by joining them, so event ids (hash of the founding record) are stable as an archive
grows in publication order.

State (``save``/``load``): a JSONL file, a header line with the settings, then the records sorted by id;
loading re-adds them (events are derived data).
"""

from __future__ import annotations

import bisect
import json
import os
from collections.abc import Iterable

from ..records import AttackRecord
from .jsonl import json_line, write_lines
from .models import ClusterSettings, Event
from .reconcile import build_event
from .similarity import Features, blocking_keys, features, score, window

STATE_FORMAT = "sahel-extract-events-state"
STATE_VERSION = 1


def _start(entry: tuple[int, str]) -> int:
    return entry[0]


class EventIndex:
    """Existing events and their records; ``add`` new records, read ``events()``, ``save``/``load``."""

    def __init__(self, settings: ClusterSettings | None = None):
        self.settings = settings or ClusterSettings()
        self._records: dict[str, AttackRecord] = {}
        self._json: dict[str, str] = {}
        self._features: dict[str, Features] = {}
        self._windows: dict[str, tuple[int, int]] = {}
        self._blocks: dict[str, list[tuple[int, str]]] = {}  # blocking key -> sorted (window start, id)
        self._edges: dict[str, dict[str, float]] = {}
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}  # component root -> its record ids
        self._cache: dict[str, list[tuple[tuple[str, str], str]]] = {}  # root -> (sort key, event JSON line)

    def __len__(self) -> int:
        return len(self._records)

    @property
    def records(self) -> list[AttackRecord]:
        return [self._records[k] for k in sorted(self._records)]

    # --- adding -------------------------------------------------------------------------------------------

    def add(self, records: Iterable[AttackRecord]) -> int:
        """Add records; returns how many were new. Components that received records are reclustered lazily."""
        added, replaced = 0, False
        for record in records:
            text = json_line(record)
            old = self._json.get(record.id)
            if old is not None:
                if text < old:  # the same id twice with different content: keep the smaller, in any order
                    self._records[record.id], self._json[record.id] = record, text
                    replaced = True
                continue
            self._records[record.id], self._json[record.id] = record, text
            self._insert(record)
            added += 1
        if replaced:
            self._rebuild()
        return added

    def _insert(self, record: AttackRecord) -> None:
        s = self.settings
        f = self._features[record.id] = features(record, s)
        self._parent[f.id] = f.id
        self._members[f.id] = [f.id]
        self._edges[f.id] = {}
        win = window(f, s)
        if win is None:
            return
        filed, looked = blocking_keys(f, s)
        width = max(s.max_interval_days, s.unknown_date_days) + 2 * (s.overnight_days + s.unknown_date_days)
        candidates: set[str] = set()
        for key in looked:
            block = self._blocks.get(key)
            if block:
                lo = bisect.bisect_left(block, win[0] - width, key=_start)
                hi = bisect.bisect_right(block, win[1], key=_start)
                candidates.update(rid for _, rid in block[lo:hi])
        for other in sorted(candidates):
            lo, hi = self._windows[other]
            if hi < win[0] or lo > win[1]:
                continue
            value = score(f, self._features[other], s)
            if value is not None:
                self._edges[f.id][other] = self._edges[other][f.id] = value
                self._union(f.id, other)
        self._windows[f.id] = win
        for key in filed:
            bisect.insort(self._blocks.setdefault(key, []), (win[0], f.id))

    def _rebuild(self) -> None:
        records = list(self._records.values())
        self.__init__(self.settings)  # type: ignore[misc]
        self.add(records)

    def _find(self, x: str) -> str:
        root = x
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[x] != root:
            self._parent[x], x = root, self._parent[x]
        return root

    def _union(self, a: str, b: str) -> None:
        """Join two components (the smaller under the larger; which root is kept changes nothing else)."""
        ra, rb = self._find(a), self._find(b)
        self._cache.pop(ra, None)
        self._cache.pop(rb, None)
        if ra != rb:
            if len(self._members[ra]) < len(self._members[rb]):
                ra, rb = rb, ra
            self._parent[rb] = ra
            self._members[ra].extend(self._members.pop(rb))

    # --- clustering ----------------------------------------------------------------------------------------

    def _clusters(self, ids: list[str]) -> list[list[str]]:
        """Greedy clique clustering of one component in canonical order (see the module docstring)."""
        order = sorted(ids, key=lambda i: self._features[i].key)
        clusters: list[list[str]] = []
        member_of: dict[str, int] = {}
        for rid in order:
            edges = self._edges[rid]
            best, best_score = -1, -1.0
            for k in sorted({member_of[n] for n in edges if n in member_of}):
                members = clusters[k]
                if all(m in edges for m in members):
                    mean = sum(edges[m] for m in members) / len(members)
                    if mean > best_score:
                        best, best_score = k, mean
            if best < 0:
                best = len(clusters)
                clusters.append([])
            clusters[best].append(rid)
            member_of[rid] = best
        return clusters

    def _lines(self) -> list[str]:
        out: list[tuple[tuple[str, str], str]] = []
        for root, ids in self._members.items():
            if root not in self._cache:
                made = (build_event([self._records[i] for i in c]) for c in self._clusters(ids))
                self._cache[root] = [((e.date.earliest or "~", e.id), json_line(e)) for e in made]
            out.extend(self._cache[root])
        out.sort()
        return [line for _, line in out]

    def event_lines(self) -> list[str]:
        """The events as JSON lines (what ``events_to_jsonl`` writes), sorted by earliest date, then id."""
        return self._lines()

    def events(self) -> list[Event]:
        """All events, sorted by earliest date (undated last), then id (fresh objects on every call)."""
        return [Event.model_validate_json(line) for line in self._lines()]

    # --- state ---------------------------------------------------------------------------------------------

    def save(self, path: str | os.PathLike) -> None:
        """Write the state atomically: a header with the settings, then the records sorted by id."""
        header = {"format": STATE_FORMAT, "version": STATE_VERSION,
                  "settings": self.settings.model_dump(mode="json")}
        write_lines(path, [json.dumps(header, ensure_ascii=False), *(self._json[k] for k in sorted(self._json))])

    @classmethod
    def load(cls, path: str | os.PathLike, settings: ClusterSettings | None = None) -> EventIndex:
        """An index from a saved state; ``settings`` (if given) replace the saved ones."""
        with open(path, encoding="utf-8") as fh:
            lines = [line for line in fh if line.strip()]
        if not lines:
            return cls(settings)
        header = json.loads(lines[0])
        if header.get("format") != STATE_FORMAT:
            raise ValueError(f"{path}: not an events state file (no '{STATE_FORMAT}' header)")
        index = cls(settings or ClusterSettings.model_validate(header.get("settings") or {}))
        index.add(AttackRecord.model_validate_json(line) for line in lines[1:])
        return index


def cluster_records(records: Iterable[AttackRecord], settings: ClusterSettings | None = None) -> list[Event]:
    """The events of a set of records (the same as adding them to an ``EventIndex`` in any batches)."""
    index = EventIndex(settings)
    index.add(records)
    return index.events()
