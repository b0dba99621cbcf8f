"""ACLED-compatible CSV: one row per attack record, or one row per event.

In: ``AttackRecord``s (``acled_row``) or Event dicts (``acled_event_row``: the record fields ``place``,
``date``, ``actor``, ``target``, ``event_type``, ``casualties`` reconciled across sources, plus ``id``,
``records`` and ``sources``: ``[{article_id, url, publisher, published, casualties, ...}]``). Out: dicts
over ``ACLED_COLUMNS`` coded with ACLED's conventions (codebook values in ``acled_codebook.ALLOWED``,
actor names from ``models/acled_actors.json``), and ``AcledCsvWriter``, an atomic CSV writer of them.

Conventions: ``event_date`` is the day of the attack (``date.value``, else ``date.earliest``, else the
publication date), ``time_precision`` 1 a day / 2 a week / 3 coarser; ``geo_precision`` 1 exact / 2 near
or a second-level unit / 3 a region, a country or unresolved; ``fatalities`` the most conservative figure
of all sides (victims plus attackers, "dozens" as 12), 0 when unknown; ``source`` the publishers and the
sources they cite; ``event_id_cnty`` our record or event id. Geographic names are written without accents,
as ACLED writes them. Unknown values are empty, never invented.
"""

from __future__ import annotations

import csv
import datetime as dt

from pydantic import BaseModel

from ..records import AttackRecord, IngestError
from .acled_actors import actor1_side, actor2_side, actor_table, country_name, place_code
from .acled_codebook import (
    ACLED_COLUMNS,
    acled_types,
    ascii_name,
    conservative,
    fatalities,
    geo_precision,
    interaction,
    source_scale,
    time_precision,
)
from .acled_notes import notes
from .base import AtomicWriter

__all__ = ["ACLED_COLUMNS", "AcledCsvWriter", "acled_event_row", "acled_row"]


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def event_day(date: dict, published: str | None) -> dt.date | None:
    """The day ACLED codes: ``date.value``, else ``date.earliest``, else the publication date."""
    return _day(date.get("value")) or _day(date.get("earliest")) or _day(published)


def target_category(fields: dict) -> str | None:
    """The record's target category, else the victims of its first casualty report that names them."""
    category = (fields.get("target") or {}).get("category")
    if category:
        return category
    reports = (fields.get("casualties") or {}).get("reports") or []
    return next((r["who"] for r in reports if r.get("who") and r.get("outcome") != "attackers_killed"), None)


def _texts(fields: dict) -> list[str]:
    """The words a sub-event type may be read from: evidence sentences and the record's mentions."""
    texts = [e.get("text") for e in fields.get("evidence") or []]
    texts += [(fields.get(k) or {}).get("mention") for k in ("actor", "target", "place")]
    casualties = fields.get("casualties") or {}
    texts += [r.get("mention") for r in casualties.get("reports") or []]
    return [t for t in texts if t]


def _timestamp(published: str | None) -> int | None:
    """ACLED's ``timestamp`` (when the row's information was last updated): the publication day, UTC."""
    day = _day(published)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()) if day else None


def _row(fields: dict, row_id: str | None, publishers: list[str], cited: list[str], published: str | None,
         deaths: int, latest: str | None) -> dict:
    date, place = fields.get("date") or {}, fields.get("place") or {}
    actor = fields.get("actor") or {}
    target = dict(fields.get("target") or {}, category=target_category(fields))
    day = event_day(date, published)
    disorder, event_type, sub_event = acled_types(fields.get("event_type") or "attack", target["category"],
                                                  actor.get("kind"), _texts(fields))
    side1 = actor1_side(actor, place, day)
    side2 = actor2_side(target, event_type, place, day, actor.get("name"))
    inter2 = side2.inter if side2 else 0
    code = place_code(place)
    country = actor_table()["countries"].get(code or "")
    names = list(dict.fromkeys(n for n in [*publishers, *cited] if n))
    return {
        "event_id_cnty": row_id,
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": time_precision(date.get("precision")),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event,
        "actor1": side1.actor,
        "assoc_actor_1": "; ".join(side1.assoc) or None,
        "inter1": side1.inter,
        "actor2": side2.actor if side2 else None,
        "assoc_actor_2": "; ".join(side2.assoc) if side2 and side2.assoc else None,
        "inter2": inter2,
        "interaction": interaction(side1.inter, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
        "iso": country[1] if country else None,
        "region": country[2] if country else None,
        "country": country_name(code, place),
        "admin1": ascii_name(place.get("admin1")) or None,
        "admin2": ascii_name(place.get("admin2")) or None,
        "admin3": None,
        "location": ascii_name(place.get("name")) or None,
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": geo_precision(place),
        "source": "; ".join(names) or None,
        "source_scale": source_scale(publishers, cited),
        "notes": notes(fields, sub_event, publishers, cited, published),
        "fatalities": deaths,
        "tags": None,
        "timestamp": _timestamp(latest),
    }


def acled_row(record: AttackRecord | dict) -> dict:
    """One ACLED row for an attack record (see the module docstring for the conventions)."""
    fields = record.model_dump(mode="json") if isinstance(record, BaseModel) else record
    source = fields.get("source") or {}
    return _row(fields, fields.get("id"), [source.get("publisher")], list(source.get("attributed_to") or []),
                source.get("published"), fatalities(fields.get("casualties")), source.get("published"))


def event_fatalities(event: dict) -> int:
    """ACLED's fatalities of an event: for victims and for attackers, the most conservative figure any of its
    sources reports (a source reporting none does not count as 0), summed; the event's own reconciled
    casualties when no source carries a toll."""
    sources = [s.get("casualties") or {} for s in event.get("sources") or []]
    total, found = 0, False
    for name in ("killed", "attackers_killed"):
        figures = [f for f in (conservative(c.get(name)) for c in sources) if f is not None]
        if figures:
            total, found = total + min(figures), True
    return total if found else fatalities(event.get("casualties"))


def acled_event_row(event: dict | BaseModel) -> dict:
    """One ACLED row for an event across articles: its reconciled fields, every source's publisher."""
    fields = event.model_dump(mode="json") if isinstance(event, BaseModel) else event
    sources = fields.get("sources") or []
    publishers = [s.get("publisher") for s in sources]
    cited = [c for s in [*sources, fields.get("source") or {}] for c in s.get("attributed_to") or []]
    dates = sorted(s["published"][:10] for s in sources if s.get("published"))
    return _row(fields, fields.get("id"), publishers, cited, dates[0] if dates else None,
                event_fatalities(fields), dates[-1] if dates else None)


class AcledCsvWriter(AtomicWriter):
    """ACLED-compatible CSV, atomically: records and events become rows, ingest errors are skipped."""

    def _start(self) -> None:
        self._csv = csv.DictWriter(self._fh, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        self._csv.writeheader()

    def write(self, item: BaseModel | dict) -> None:
        if isinstance(item, IngestError):
            return
        if isinstance(item, AttackRecord):
            row = acled_row(item)
        else:
            data = item.model_dump(mode="json") if isinstance(item, BaseModel) else item
            row = acled_event_row(data) if "sources" in data or "records" in data else acled_row(data)
        self._csv.writerow(row)
        self.count += 1
