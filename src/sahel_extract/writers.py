"""Writers: records (and error records) to files, atomically.

In: an iterable of ``AttackRecord`` (or ``IngestError``) and a path. Out: the file, written to a
temporary file in the same folder and renamed into place only when complete, so a crash or an
interrupt never leaves a half-written output and never destroys the previous one. JSONL (one record
per line, UTF-8, keys in schema order, deterministic), CSV (one row per record, flattened main
fields) and GeoJSON (records with coordinates as points) are chosen by the file suffix.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from pydantic import BaseModel

from .records import AttackRecord

CSV_COLUMNS = [
    "id", "event_type", "actor_name", "actor_kind", "actor_claimed", "actor_mention", "target_category",
    "place_name", "place_admin1", "place_admin2", "place_country_code", "place_lat", "place_lon", "place_precision",
    "date_value", "date_earliest", "date_latest", "date_precision", "killed_min", "killed_max", "wounded_min",
    "wounded_max", "abducted_min", "abducted_max", "attackers_killed_min", "attackers_killed_max",
    "attributed_to", "article_id", "path", "url", "published", "confidence",
]


def to_json_line(item: BaseModel) -> str:
    return json.dumps(item.model_dump(mode="json"), ensure_ascii=False, sort_keys=False)


def flatten(record: AttackRecord) -> dict:
    """One CSV row: the main fields of a record."""
    c = record.casualties
    row = {
        "id": record.id, "event_type": record.event_type, "actor_name": record.actor.name,
        "actor_kind": record.actor.kind, "actor_claimed": record.actor.claimed, "actor_mention": record.actor.mention,
        "target_category": record.target.category, "place_name": record.place.name,
        "place_admin1": record.place.admin1, "place_admin2": record.place.admin2,
        "place_country_code": record.place.country_code, "place_lat": record.place.lat,
        "place_lon": record.place.lon, "place_precision": record.place.precision, "date_value": record.date.value,
        "date_earliest": record.date.earliest, "date_latest": record.date.latest,
        "date_precision": record.date.precision, "attributed_to": "; ".join(record.source.attributed_to),
        "article_id": record.source.article_id, "path": record.source.path, "url": record.source.url,
        "published": record.source.published, "confidence": record.confidence,
    }
    for name in ("killed", "wounded", "abducted", "attackers_killed"):
        count = getattr(c, name)
        row[f"{name}_min"] = count.min if count else None
        row[f"{name}_max"] = count.max if count else None
    return row


class AtomicWriter:
    """A text file that appears at ``path`` only when closed without error."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.count = 0
        self._fh: io.TextIOWrapper | None = None
        self._tmp: str | None = None

    def __enter__(self) -> AtomicWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self._start()
        return self

    def _start(self) -> None:
        pass

    def _finish(self) -> None:
        pass

    def write(self, item: BaseModel) -> None:
        raise NotImplementedError

    def write_all(self, items: Iterable[BaseModel]) -> int:
        for item in items:
            self.write(item)
        return self.count

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self._fh is not None and self._tmp is not None
        try:
            if exc_type is None:
                self._finish()
                self._fh.flush()
                os.fsync(self._fh.fileno())
            self._fh.close()
            if exc_type is None:
                os.replace(self._tmp, self.path)
        finally:
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)


class JsonlWriter(AtomicWriter):
    def write(self, item: BaseModel) -> None:
        self._fh.write(to_json_line(item) + "\n")
        self.count += 1


class CsvWriter(AtomicWriter):
    def _start(self) -> None:
        self._csv = csv.DictWriter(self._fh, fieldnames=CSV_COLUMNS, lineterminator="\n")
        self._csv.writeheader()

    def write(self, item: BaseModel) -> None:
        self._csv.writerow(flatten(item))
        self.count += 1


class GeoJsonWriter(AtomicWriter):
    """A FeatureCollection; records without coordinates are kept with a null geometry."""

    def _start(self) -> None:
        self._fh.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, item: BaseModel) -> None:
        data = item.model_dump(mode="json")
        place = data.get("place") or {}
        geometry = ({"type": "Point", "coordinates": [place["lon"], place["lat"]]}
                    if place.get("lat") is not None and place.get("lon") is not None else None)
        feature = {"type": "Feature", "id": data.get("id"), "geometry": geometry, "properties": data}
        self._fh.write((",\n" if self.count else "") + json.dumps(feature, ensure_ascii=False))
        self.count += 1

    def _finish(self) -> None:
        self._fh.write("\n]}\n")


def writer_for(path: str | os.PathLike) -> AtomicWriter:
    """The writer for an output path, by suffix: .jsonl (default), .csv, .geojson."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return CsvWriter(path)
    if suffix in (".geojson",):
        return GeoJsonWriter(path)
    return JsonlWriter(path)


def write_jsonl(items: Iterable[BaseModel], path: str | os.PathLike) -> int:
    """Write items as JSONL atomically; returns how many were written."""
    with JsonlWriter(path) as writer:
        return writer.write_all(items)
