"""The report's view of its input: Event dicts or AttackRecord dicts, read tolerantly into one shape.

In: an iterable of dicts, each either an Event (a line of events.jsonl: has ``records`` and ``sources``) or an
AttackRecord (a line of attacks.jsonl: has ``evidence`` and ``source``); pydantic models are dumped first.
Any key may be missing or null and any value may have the wrong type: what cannot be read becomes ``None``.
Out: ``ReportEvent`` objects sorted in a deterministic order (date, place, id, content), each with its
``ReportSource`` list (a record is a one-source event), plus the shared display helpers (``esc``,
``fmt_count``, actor-kind colours) the other report modules use. Nothing here writes HTML beyond escaping.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

OUTCOMES = ("killed", "wounded", "abducted", "attackers_killed")
OUTCOME_LABEL = {"killed": "killed", "wounded": "wounded", "abducted": "abducted",
                 "attackers_killed": "attackers killed"}
# actor kinds in legend order, with colours from the Okabe-Ito colour-blind safe palette; "unknown" is a null kind
KINDS = ("jihadist", "state_forces", "militia", "separatist", "foreign_forces", "unidentified", "unknown")
KIND_COLOUR = {
    "jihadist": "#d55e00", "state_forces": "#0072b2", "militia": "#009e73", "separatist": "#cc79a7",
    "foreign_forces": "#e69f00", "unidentified": "#6f6f6f", "unknown": "#c4c4c4",
}
KIND_LABEL = {
    "jihadist": "jihadist", "state_forces": "state forces", "militia": "militia", "separatist": "separatist",
    "foreign_forces": "foreign forces", "unidentified": "unidentified", "unknown": "not stated",
}


def esc(value: object) -> str:
    """Text for HTML content or a quoted attribute: ``& < > " '`` escaped; ``None`` is the empty string."""
    return "" if value is None else html.escape(str(value), quote=True)


def text(value: object) -> str | None:
    """A non-empty string, or None (numbers are written out; containers and booleans are not text)."""
    if isinstance(value, bool) or value is None or isinstance(value, dict | list | tuple):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    s = str(value).strip()
    return s or None


def number(value: object) -> float | None:
    """A finite float from a number or a numeric string, else None."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def integer(value: object) -> int | None:
    f = number(value)
    return int(f) if f is not None and f == int(f) and f >= 0 else None


def mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def listing(value: object) -> list:
    return value if isinstance(value, list) else []


def iso_date(value: object) -> dt.date | None:
    """The date of an ISO string (``2025-06-01``, or a datetime whose first 10 characters are one)."""
    s = text(value)
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Count:
    """A casualty figure as the record gives it: bounds (None when open or unknown) and the words used."""

    min: int | None
    max: int | None
    mention: str | None = None

    @property
    def size(self) -> int | None:
        """The figure a circle is sized by: the upper bound when there is one, else the lower one."""
        return self.max if self.max is not None else self.min


def read_count(value: object) -> Count | None:
    """``{"min", "max", "mention"}``, a bare number, or null."""
    if isinstance(value, dict):
        lo, hi = integer(value.get("min")), integer(value.get("max"))
        mention = text(value.get("mention"))
        if lo is None and hi is None and mention is None and not value:
            return None
        return Count(lo, hi, mention)
    n = integer(value)
    return Count(n, n) if n is not None else None


def fmt_count(count: Count | None) -> str:
    """``12``, ``≥31``, ``≤30``, ``20–30``, ``?`` (a toll stated without a figure) or empty (none reported)."""
    if count is None:
        return ""
    lo, hi = count.min, count.max
    if lo is not None and hi is not None:
        return str(lo) if lo == hi else f"{lo}–{hi}"
    if lo is not None:
        return f"≥{lo}"
    if hi is not None:
        return f"≤{hi}"
    return "?"


def fmt_tolls(casualties: dict[str, Count | None]) -> str:
    """``killed ≥6 · wounded 11`` for the outcomes that have a figure."""
    parts = [f"{OUTCOME_LABEL[o]} {fmt_count(c)}" for o in OUTCOMES if (c := casualties.get(o)) is not None]
    return " · ".join(parts)


@dataclass
class ReportSource:
    record_id: str | None
    article_id: str | None
    url: str | None
    title: str | None
    publisher: str | None
    published: str | None
    path: str | None
    attributed_to: list[str]
    casualties: dict[str, Count | None]
    reports: list[dict]
    evidence: list[dict]


@dataclass
class ReportEvent:
    key: str  # DOM id, e1..eN in display order
    id: str | None
    is_record: bool
    event_type: str | None
    actor: dict
    target: dict
    place: dict
    date: dict
    casualties: dict[str, Count | None]
    sources: list[ReportSource]
    records: list[str]
    confidence: float | None
    sort_key: tuple = field(default=(), repr=False)

    @property
    def kind(self) -> str:
        k = self.actor.get("kind")
        return k if k in KIND_COLOUR else "unknown"

    @property
    def lat(self) -> float | None:
        lat = self.place.get("lat")
        return lat if lat is not None and -90 <= lat <= 90 else None

    @property
    def lon(self) -> float | None:
        lon = self.place.get("lon")
        return lon if lon is not None and -180 <= lon <= 180 else None

    @property
    def day(self) -> dt.date | None:
        """The day the event is placed on: its date, else the middle of its earliest..latest bounds."""
        value = iso_date(self.date.get("value"))
        if value:
            return value
        lo, hi = iso_date(self.date.get("earliest")), iso_date(self.date.get("latest"))
        if lo and hi and lo <= hi:
            return lo + (hi - lo) / 2
        return lo or hi

    @property
    def date_text(self) -> str:
        value = text(self.date.get("value"))
        if value:
            return value
        lo, hi = text(self.date.get("earliest")), text(self.date.get("latest"))
        if lo and hi:
            return lo if lo == hi else f"{lo} – {hi}"
        if lo:
            return f"after {lo}"
        if hi:
            return f"before {hi}"
        return "undated"

    @property
    def place_text(self) -> str:
        return self.place.get("name") or self.place.get("admin1") or self.place.get("country") or "unknown place"

    @property
    def country_text(self) -> str:
        return self.place.get("country") or self.place.get("country_code") or ""

    @property
    def actor_text(self) -> str:
        if self.actor.get("name"):
            return self.actor["name"]
        return "unknown actor" if self.kind == "unknown" else KIND_LABEL[self.kind]

    @property
    def n_sources(self) -> int:
        return len(self.sources) or len(self.records)

    def summary_lines(self) -> list[str]:
        """The hover summary: date and type, place, actor, toll, sources."""
        where = ", ".join(dict.fromkeys(x for x in (self.place_text, self.place.get("admin1"), self.country_text)
                                        if x))  # "Tillabéri, Tillabéri" once
        actor = self.actor_text + (f" ({KIND_LABEL[self.kind]})" if self.actor.get("name") else "")
        lines = [f"{self.date_text} · {(self.event_type or 'event').replace('_', ' ')}", where, actor]
        tolls = fmt_tolls(self.casualties)
        lines.append(tolls or "no toll reported")
        n = self.n_sources
        lines.append(f"{n} source" + ("" if n == 1 else "s"))
        return lines


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    return [s for v in listing(value) if (s := text(v))]


def _section(data: dict, name: str, fields: tuple[str, ...], numeric: tuple[str, ...] = ()) -> dict:
    raw = mapping(data.get(name))
    out: dict = {f: text(raw.get(f)) for f in fields}
    for f in numeric:
        out[f] = number(raw.get(f))
    for flag in ("claimed", "suspected"):
        if flag in raw:
            out[flag] = raw.get(flag) is True
    return out


def _casualties(value: object) -> dict[str, Count | None]:
    raw = mapping(value)
    return {o: read_count(raw.get(o)) for o in OUTCOMES}


def _reports(value: object) -> list[dict]:
    out = []
    for r in listing(mapping(value).get("reports")):
        r = mapping(r)
        if r:
            out.append({"outcome": text(r.get("outcome")), "count": read_count(r), "who": text(r.get("who")),
                        "mention": text(r.get("mention")), "attributed_to": text(r.get("attributed_to"))})
    return out


def _evidence(value: object) -> list[dict]:
    out = []
    for e in listing(value):
        if isinstance(e, str):
            e = {"text": e}
        e = mapping(e)
        if text(e.get("text")):
            out.append({"text": str(e["text"]).strip(), "start": integer(e.get("start")),
                        "end": integer(e.get("end"))})
    return out


def _source(raw: dict, casualties: object, evidence: object, record_id: object) -> ReportSource:
    return ReportSource(
        record_id=text(record_id), article_id=text(raw.get("article_id")), url=text(raw.get("url")),
        title=text(raw.get("title")), publisher=text(raw.get("publisher")), published=text(raw.get("published")),
        path=text(raw.get("path")), attributed_to=_strings(raw.get("attributed_to")),
        casualties=_casualties(casualties), reports=_reports(casualties), evidence=_evidence(evidence))


def read_item(data: dict) -> ReportEvent:
    """One Event or AttackRecord dict as a ReportEvent (key and order are set by ``read_items``)."""
    is_event = "sources" in data or "records" in data
    if is_event:
        sources = [_source(s, s.get("casualties"), s.get("evidence"), s.get("record_id"))
                   for s in map(mapping, listing(data.get("sources"))) if s]
        records = _strings(data.get("records"))
    else:
        sources = [_source(mapping(data.get("source")), data.get("casualties"), data.get("evidence"),
                           data.get("id"))]
        records = _strings([data.get("id")])
    confidence = number(data.get("confidence"))
    return ReportEvent(
        key="", id=text(data.get("id")), is_record=not is_event, event_type=text(data.get("event_type")),
        actor=_section(data, "actor", ("name", "mention", "kind", "affiliation")),
        target=_section(data, "target", ("category", "mention")),
        place=_section(data, "place", ("name", "mention", "admin1", "admin2", "country", "country_code",
                                       "precision", "gazetteer_id"), ("lat", "lon")),
        date=_section(data, "date", ("value", "earliest", "latest", "precision", "mention")),
        casualties=_casualties(data.get("casualties")), sources=sources, records=records, confidence=confidence)


def _as_dict(item: object) -> dict | None:
    if hasattr(item, "model_dump"):
        item = item.model_dump(mode="json")  # type: ignore[union-attr]
    return item if isinstance(item, dict) else None


def read_items(items: Iterable[object]) -> list[ReportEvent]:
    """Every dict of ``items`` as a ReportEvent, in display order (by day, place, id, then content), keyed e1..eN.

    The order depends on the items' content only, so the same items in any order make the same report.
    """
    events = []
    for item in items:
        data = _as_dict(item)
        if data is None:
            continue
        event = read_item(data)
        day = event.day
        event.sort_key = (day.isoformat() if day else "9999-99-99", event.place_text.casefold(), event.id or "",
                          json.dumps(data, sort_keys=True, ensure_ascii=True, default=str))
        events.append(event)
    events.sort(key=lambda e: e.sort_key)
    for n, event in enumerate(events, 1):
        event.key = f"e{n}"
    return events
