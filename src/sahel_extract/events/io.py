"""Files of the events stage: record files in, events.jsonl (and an optional state file) out.

In: paths of records JSONL files (as written by ``sahel-extract run``), an output path, an optional state
path. Out: ``events_to_jsonl`` writes events atomically, one JSON object per line (byte-identical for the
same events; ``EventIndex.event_lines`` gives the same lines without building objects); ``read_events`` /
``read_records`` read them back; ``run_events`` is the job behind
``sahel-extract events``: load the state if there is one, add the records, write the events, save the state.
Lines that are not attack records (error records, broken JSON) are skipped, counted and logged, never fatal.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..records import AttackRecord
from .index import EventIndex
from .jsonl import json_line, write_lines
from .models import ClusterSettings, Event

log = logging.getLogger(__name__)


def events_to_jsonl(events: Iterable[Event], path: str | os.PathLike) -> int:
    """Write events to a JSONL file atomically; returns how many."""
    return write_lines(path, (json_line(e) for e in events))


def read_events(path: str | os.PathLike) -> list[Event]:
    """The events of an events JSONL file, in file order."""
    with open(path, encoding="utf-8") as fh:
        return [Event.model_validate_json(line) for line in fh if line.strip()]


@dataclass(slots=True)
class _Counter:
    skipped: int = 0


def read_records(paths: Iterable[str | os.PathLike], skipped: _Counter | None = None) -> Iterator[AttackRecord]:
    """The attack records of JSONL files, in file order; other lines are skipped (and counted)."""
    skipped = skipped if skipped is not None else _Counter()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    log.warning("%s:%d: not JSON (%s), skipped", path, number, exc.msg)
                    skipped.skipped += 1
                    continue
                if not isinstance(row, dict) or "source" not in row:
                    skipped.skipped += 1  # an error record or something else that is no attack record
                    continue
                try:
                    yield AttackRecord.model_validate(row)
                except ValidationError as exc:
                    log.warning("%s:%d: not an attack record (%d errors), skipped", path, number,
                                exc.error_count())
                    skipped.skipped += 1


@dataclass(frozen=True, slots=True)
class EventRunSummary:
    records_read: int
    records_new: int
    lines_skipped: int
    records_total: int
    events: int
    out_path: Path
    state_path: Path | None


def run_events(record_paths: Iterable[str | os.PathLike], out_path: str | os.PathLike,
               state_path: str | os.PathLike | None = None,
               settings: ClusterSettings | None = None) -> EventRunSummary:
    """Cluster the records of ``record_paths`` into events written to ``out_path``.

    With ``state_path``: the records already there (from earlier runs) are loaded first and the state is
    saved back with the new ones, so later runs add to the same events; the output equals clustering every
    record ever given at once. ``settings`` default to the state's, else ``ClusterSettings()``.
    """
    state = Path(state_path) if state_path else None
    index = EventIndex.load(state, settings) if state and state.is_file() else EventIndex(settings)
    counter = _Counter()
    read = 0

    def counted() -> Iterator[AttackRecord]:
        nonlocal read
        for record in read_records(record_paths, counter):
            read += 1
            yield record

    new = index.add(counted())
    events = index.event_lines()
    write_lines(out_path, events)
    if state:
        index.save(state)
    return EventRunSummary(records_read=read, records_new=new, lines_skipped=counter.skipped,
                           records_total=len(index), events=len(events), out_path=Path(out_path),
                           state_path=state)
