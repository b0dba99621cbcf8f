"""The project's flat CSV and GeoJSON writers.

In: ``AttackRecord`` items. Out: CSV (one row per record, the main fields flattened into ``CSV_COLUMNS``)
or a GeoJSON FeatureCollection (one feature per record: a point where the place has coordinates, a null
geometry otherwise, the whole record as properties). Both are atomic (``AtomicWriter``).
"""

from __future__ import annotations

import csv
import json

from pydantic import BaseModel

from ..records import AttackRecord
from .base import AtomicWriter

CSV_COLUMNS = [
    "id", "event_type", "actor_name", "actor_kind", "actor_claimed", "actor_mention", "target_category",
    "place_name", "place_admin1", "place_admin2", "place_country_code", "place_lat", "place_lon", "place_precision",
    "date_value", "date_earliest", "date_latest", "date_precision", "killed_min", "killed_max", "wounded_min",
    "wounded_max", "abducted_min", "abducted_max", "attackers_killed_min", "attackers_killed_max",
    "attributed_to", "article_id", "path", "url", "published", "confidence",
]


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
