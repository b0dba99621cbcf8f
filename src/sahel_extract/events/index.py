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
4. Vague records (``similarity.is_vague``: the place is only a country) are kept out of the graph. Each one
   joins the cluster of step 3 whose every member it is ``attachable`` to, when exactly one cluster is;
   among the vague records of one article that pick the same cluster only the best (mean score, then id)
   joins. The candidates are a function of the clusters and the record, so this is a function of the set
   too; it is recomputed whenever the events are read, since a new cluster can make a candidate ambiguous.
5. Reconciliation (``reconcile.build_event``) reads the members in canonical order, the attached vague
   records after the cluster's own (the founder, hence the event id, is never a vague record).

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
from .similarity import Features, attachable, blocking_keys, features, is_vague, score, window

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
        self._cache: dict[str, list[list[str]]] = {}  # component root -> its clusters (record ids)
        self._vague: dict[str, Features] = {}  # records attached after clustering (module docstring, step 4)
        self._event_cache: dict[tuple[str, ...], tuple[tuple[str, str], str]] = {}  # members -> (sort key, line)

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
        if s.attach_vague and is_vague(f):
            self._vague[f.id] = f
            return
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

    def _attach(self, clusters: list[list[str]]) -> tuple[dict[int, list[str]], list[str]]:
        """Vague records -> the one cluster each joins (module docstring, step 4); and those left alone."""
        s, feats = self.settings, self._features
        spans: dict[str, list[tuple[int, int, int]]] = {}  # country -> (window start, end, cluster index)
        for k, members in enumerate(clusters):
            countries = {feats[m].country for m in members}
            wins = [w for w in (window(feats[m], s) for m in members) if w is not None]
            if len(countries) == 1 and None not in countries and wins:
                spans.setdefault(next(iter(countries)), []).append((min(w[0] for w in wins),
                                                                     max(w[1] for w in wins), k))
        offers: dict[int, dict[str, tuple[float, str]]] = {}  # cluster -> article id -> (-score, vague id)
        alone: list[str] = []
        for vid in sorted(self._vague):
            v, win = self._vague[vid], window(self._vague[vid], s)
            found: list[tuple[int, float]] = []
            for lo, hi, k in spans.get(v.country or "", []) if win else []:
                if hi < win[0] or lo > win[1]:  # type: ignore[index]
                    continue
                values = [attachable(v, feats[m], s) for m in clusters[k]]
                if None not in values:
                    found.append((k, sum(values) / len(values)))  # type: ignore[arg-type]
            if len(found) != 1:
                alone.append(vid)
                continue
            k, value = found[0]
            mine = offers.setdefault(k, {})
            best = mine.get(v.article_id)
            if best is not None:
                alone.append(max(best, (-value, vid))[1])
            if best is None or (-value, vid) < best:
                mine[v.article_id] = (-value, vid)
        attached = {k: sorted((vid for _, vid in by_article.values()), key=lambda i: feats[i].key)
                    for k, by_article in offers.items()}
        return attached, alone

    def _lines(self) -> list[str]:
        clusters: list[list[str]] = []
        for root, ids in self._members.items():
            if root not in self._cache:
                self._cache[root] = self._clusters(ids)
            clusters.extend(self._cache[root])
        attached, alone = self._attach(clusters) if self._vague else ({}, [])
        groups = [c + attached.get(k, []) for k, c in enumerate(clusters)] + [[vid] for vid in alone]
        made: dict[tuple[str, ...], tuple[tuple[str, str], str]] = {}
        for group in groups:
            key = tuple(group)
            item = self._event_cache.get(key)
            if item is None:
                event = build_event([self._records[i] for i in group])
                item = ((event.date.earliest or "~", event.id), json_line(event))
            made[key] = item
        self._event_cache = made
        return [line for _, line in sorted(made.values())]

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
