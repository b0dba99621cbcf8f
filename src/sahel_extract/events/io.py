"""Files of the events stage: record files in, events.jsonl (and an optional state file) out.

In: paths of records JSONL files (as written by ``sahel-extract run``), an output path, an optional state
path. Out: ``events_to_jsonl`` writes events atomically, one JSON object per line (byte-identical for the
same events; ``EventIndex.event_lines`` gives the same lines without building objects); ``read_events`` /
``read_records`` read them back; ``run_events`` is the job behind
``sahel-extract events``: load the state if there is one, add the records, write the events, save the state.
Lines that are not attack records (error records, broken JSON) are skipped, counted and logged, never fatal.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
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
class Counter:
    skipped: int = 0
    #: files that could not be read, with the reason (the other files are still read)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def json_rows(paths: Iterable[str | os.PathLike], counter: Counter | None = None) -> Iterator[tuple[str, int, dict]]:
    """(path, line number, object) for every JSON object line of the files, in order. A line that is not a
    JSON object is skipped, logged and counted; a file that cannot be opened or decoded (missing, a folder,
    no permission, not UTF-8) is logged and noted in ``counter.unreadable``, and the next file is read."""
    counter = counter if counter is not None else Counter()
    for path in paths:
        number = 0
        try:
            with open(path, encoding="utf-8") as fh:
                for number, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        log.warning("%s:%d: not JSON (%s), skipped", path, number, exc.msg)
                        counter.skipped += 1
                        continue
                    if not isinstance(row, dict):
                        log.warning("%s:%d: not a JSON object, skipped", path, number)
                        counter.skipped += 1
                        continue
                    yield str(path), number, row
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            where = f"{path}:{number + 1}" if isinstance(exc, UnicodeDecodeError) else str(path)
            log.info("%s: unreadable (%s), skipped", where, reason)  # the caller reports counter.unreadable
            counter.unreadable.append((str(path), reason))


def read_records(paths: Iterable[str | os.PathLike], skipped: Counter | None = None) -> Iterator[AttackRecord]:
    """The attack records of JSONL files, in file order; other lines are skipped (and counted), and files
    that cannot be read are noted (see ``json_rows``)."""
    skipped = skipped if skipped is not None else Counter()
    for path, number, row in json_rows(paths, skipped):
        if "source" not in row:
            skipped.skipped += 1  # an error record or something else that is no attack record
            continue
        try:
            yield AttackRecord.model_validate(row)
        except ValidationError as exc:
            log.warning("%s:%d: not an attack record (%d errors), skipped", path, number, exc.error_count())
            skipped.skipped += 1


def journal_records(path: str | os.PathLike) -> Iterator[AttackRecord]:
    """The attack records kept in the journal of ``sahel-extract run`` (``OUTPUT.state.jsonl``), in order:
    every article the run (and the runs it resumed) processed, whatever the output format."""
    for _, _, row in json_rows([path]):
        if row.get("kind") == "article":
            for record in row.get("records") or []:
                yield AttackRecord.model_validate(record)


def state_path_for(events_path: str | os.PathLike) -> Path:
    """Where ``run_events`` keeps the records of an events file: beside it, ``EVENTS.state.jsonl``."""
    path = Path(events_path)
    return path.with_name(path.name + ".state.jsonl")


@dataclass(frozen=True, slots=True)
class EventRunSummary:
    records_read: int
    records_new: int
    lines_skipped: int
    records_total: int
    events: int
    out_path: Path
    state_path: Path | None
    unreadable: tuple[tuple[str, str], ...] = ()


def write_events(lines: list[str], out_path: str | os.PathLike, format: str = "jsonl") -> int:
    """Events (their JSON lines) to ``out_path``: ``jsonl`` as they are, ``acled`` one ACLED row per event."""
    if format == "jsonl":
        return write_lines(out_path, lines)
    if format == "acled":
        from ..writers import AcledCsvWriter

        with AcledCsvWriter(out_path) as out:
            for line in lines:
                out.write(json.loads(line))
        return out.count
    raise ValueError(f"unknown events format {format!r}; expected jsonl or acled")


def run_events(record_paths: Iterable[str | os.PathLike], out_path: str | os.PathLike,
               state_path: str | os.PathLike | None = None,
               settings: ClusterSettings | None = None, existing: str | os.PathLike | None = None,
               records: Iterable[AttackRecord] = (), format: str = "jsonl",
               load_state: bool = True) -> EventRunSummary:
    """Cluster the records of ``record_paths`` (and ``records``) into events written to ``out_path``.

    ``existing``: the state of earlier runs (records already clustered) is loaded first, so the new records
    join its events; ``state_path`` (which may be the same file): where the state is saved afterwards. With
    ``state_path`` alone, an existing file there is loaded too (unless ``load_state`` is False: a fresh
clustering that replaces it). Either way the output equals clustering every
    record ever given at once. ``settings`` default to the state's, else ``ClusterSettings()``. Files that
    cannot be read are reported in ``unreadable`` and the others are still read.
    """
    state = Path(state_path) if state_path else None
    source = Path(existing) if existing else state if load_state and state and state.is_file() else None
    index = EventIndex.load(source, settings) if source else EventIndex(settings)
    counter = Counter()
    read = 0

    def counted() -> Iterator[AttackRecord]:
        nonlocal read
        for record in itertools.chain(records, read_records(record_paths, counter)):
            read += 1
            yield record

    new = index.add(counted())
    events = index.event_lines()
    write_events(events, out_path, format)
    if state:
        index.save(state)
    return EventRunSummary(records_read=read, records_new=new, lines_skipped=counter.skipped,
                           records_total=len(index), events=len(events), out_path=Path(out_path),
                           state_path=state, unreadable=tuple(counter.unreadable))
