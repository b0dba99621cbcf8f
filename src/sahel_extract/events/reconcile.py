"""Reconciliation: the records of one attack become one ``Event``.

In: the member records of a cluster in canonical order (published, article id, record id; the first one
founded the cluster). Out: an ``Event``. Every choice below is a function of that ordered list, so the same
members always give the same event.

- id: ``"ev-"`` + the first 16 hex digits of sha256 of the founding record's id. The founder is the member
  first in canonical order, so an archive that grows in publication order keeps its event ids;
- place: the most precise place (exact over near over admin over country over unresolved); ties: the most
  frequent gazetteer id among those, then the earliest record;
- date: the intersection of the members' [earliest, latest] when non-empty, else their union; ``value`` when
  every pinned day agrees (or the span is one day); precision from the span's width;
- actor: the named actor, a claimed telling first, a specific group before its umbrella; ``claimed`` when any
  telling of that name claims it. No named actor: the first record's;
- target: the most frequent category, then the earliest record; event type: the most frequent, ties by
  ``TYPE_PRIORITY`` (the more specific type first);
- casualties, per outcome: each record contributes one figure per authority (``attributed_to`` label): its
  own total for that outcome when it quotes one authority or none, else each authority's largest figure
  (smaller ones of the same authority in one article are details of it). A label's figures from the
  latest-published article replace its earlier ones (a revised toll); unattributed figures are all kept.
  The kept figures span: min of the mins, max of the maxes, max null when the highest figure is
  open-ended (DESIGN.md section 3). ``reports`` keeps every member's reports except the replaced ones;
- ``records`` sorted; ``sources`` by published, then article id, then record id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass

from ..records import Actor, AttackRecord, Casualties, CasualtyReport, Count, EventDate
from ..textnorm import fold
from .models import Event, EventSource

PRECISION_RANK = {"exact": 0, "near": 1, "admin": 2, "country": 3, "unresolved": 4}
TYPE_PRIORITY = ["massacre", "suicide_bombing", "air_strike", "abduction", "explosion", "armed_clash", "attack",
                 "other"]
OUTCOMES = ("killed", "wounded", "abducted", "attackers_killed")


def event_id(founder_id: str) -> str:
    return "ev-" + hashlib.sha256(founder_id.encode("utf-8")).hexdigest()[:16]


def _place(members: list[AttackRecord]):
    best = min(PRECISION_RANK[r.place.precision] for r in members)
    tied = [(i, r) for i, r in enumerate(members) if PRECISION_RANK[r.place.precision] == best]
    counts = Counter(r.place.gazetteer_id for _, r in tied if r.place.gazetteer_id)
    _, chosen = min(tied, key=lambda ir: (-counts.get(ir[1].place.gazetteer_id or "", 0), ir[0]))
    return chosen.place


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def _precision(width: int) -> str:
    return "day" if width == 0 else "week" if width <= 7 else "month" if width <= 31 else "year"


def _date(members: list[AttackRecord]) -> EventDate:
    spans = []
    for r in members:
        try:
            lo, hi = (dt.date.fromisoformat(r.date.value).toordinal(),) * 2 if r.date.value else (
                dt.date.fromisoformat(r.date.earliest or "").toordinal(),
                dt.date.fromisoformat(r.date.latest or "").toordinal())
        except ValueError:
            continue
        if lo <= hi:
            spans.append((lo, hi, r))
    if not spans:
        first = next((r.date for r in members if r.date.earliest or r.date.latest or r.date.mention), None)
        return first.model_copy() if first else EventDate()
    lo, hi = max(s[0] for s in spans), min(s[1] for s in spans)
    if lo > hi:
        lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    pinned = {s[0] for s in spans if s[0] == s[1]}
    value = next(iter(pinned)) if len(pinned) == 1 else lo if lo == hi else None
    mention = next((r.date.mention for a, b, r in spans if (a, b) in ((value, value), (lo, hi)) and r.date.mention),
                   None) or next((r.date.mention for _, _, r in spans if r.date.mention), None)
    return EventDate(value=_iso(value) if value is not None else None, earliest=_iso(lo), latest=_iso(hi),
                     precision="day" if value is not None else _precision(hi - lo), mention=mention)


def _actor(members: list[AttackRecord]) -> Actor:
    named = [r.actor for r in members if r.actor.name]
    if not named:
        return members[0].actor.model_copy()
    umbrellas = {fold(a.affiliation) for a in named if a.affiliation}
    chosen = min(enumerate(named), key=lambda ia: (not ia[1].claimed, fold(ia[1].name or "") in umbrellas,
                                                    ia[0]))[1]
    same = [a for a in named if a.name == chosen.name]
    return chosen.model_copy(update={"claimed": any(a.claimed for a in same),
                                     "suspected": all(a.suspected for a in same) and not any(a.claimed for a in same)})


def _target(members: list[AttackRecord]):
    counts = Counter(r.target.category for r in members if r.target.category)
    if not counts:
        return members[0].target.model_copy()
    return min(enumerate(members), key=lambda ir: (-counts.get(ir[1].target.category or "", 0), ir[0]))[1].target


def _event_type(members: list[AttackRecord]) -> str:
    counts = Counter(r.event_type for r in members)
    return min(counts, key=lambda t: (-counts[t], TYPE_PRIORITY.index(t)))


@dataclass(frozen=True, slots=True)
class Figure:
    """One authority's figure for one outcome in one record."""

    label: str | None
    published: str
    min: int | None
    max: int | None
    mention: str | None


def _label(report: CasualtyReport) -> str | None:
    return fold(report.attributed_to) or None if report.attributed_to else None


def figures(record: AttackRecord, outcome: str) -> list[Figure]:
    """A record's figures for an outcome, one per authority (see the module docstring)."""
    total: Count | None = getattr(record.casualties, outcome)
    reports = [r for r in record.casualties.reports if r.outcome == outcome]
    labels = list(dict.fromkeys(lab for lab in map(_label, reports) if lab))
    published = record.source.published or ""
    if len(labels) <= 1:
        if total is not None:
            return [Figure(labels[0] if labels else None, published, total.min, total.max, total.mention)]
        return [Figure(labels[0] if labels else None, published, r.min, r.max, r.mention) for r in reports]
    out = []
    for label in labels:
        mine = [r for r in reports if _label(r) == label]
        best = max(mine, key=lambda r: r.min if r.min is not None else r.max if r.max is not None else -1)
        out.append(Figure(label, published, best.min, best.max, best.mention))
    return out


def span(kept: list[Figure]) -> Count | None:
    """Rival figures as one span: min of mins, max of maxes, max open when the highest figure is."""
    if not kept:
        return None
    mins = [f.min for f in kept if f.min is not None]
    closed = [f.max for f in kept if f.max is not None]
    open_mins = [f.min or 0 for f in kept if f.max is None]
    hi = max(closed) if closed and all(m < max(closed) for m in open_mins) else None
    mention = "; ".join(dict.fromkeys(f.mention for f in kept if f.mention)) or None
    return Count(min=min(mins) if mins else None, max=hi, mention=mention)


def _casualties(members: list[AttackRecord]) -> Casualties:
    out = Casualties()
    latest: dict[tuple[str, str], str] = {}  # (outcome, label) -> latest published date quoting it
    for outcome in OUTCOMES:
        found = [f for r in members for f in figures(r, outcome)]
        for f in found:
            if f.label and f.published > latest.get((outcome, f.label), ""):
                latest[(outcome, f.label)] = f.published
        kept = [f for f in found if not f.label or f.published == latest.get((outcome, f.label), "")]
        setattr(out, outcome, span(kept))
    reports: list[CasualtyReport] = []
    for r in members:
        for rep in r.casualties.reports:
            label = _label(rep)
            if label and (r.source.published or "") < latest.get((rep.outcome, label), ""):
                continue
            if rep not in reports:
                reports.append(rep.model_copy())
    out.reports = reports
    return out


def source_of(record: AttackRecord) -> EventSource:
    s = record.source
    return EventSource(record_id=record.id, article_id=s.article_id, url=s.url, title=s.title,
                       publisher=s.publisher, published=s.published, attributed_to=list(s.attributed_to),
                       casualties=record.casualties, evidence=list(record.evidence))


def build_event(members: list[AttackRecord]) -> Event:
    """The event of a cluster; ``members`` in canonical order, the founder first. The event shares parts
    (places, tolls, evidence) with the records: serialise it, or copy it before changing it."""
    sources = sorted((source_of(r) for r in members), key=lambda s: (s.published or "~", s.article_id, s.record_id))
    return Event(id=event_id(members[0].id), event_type=_event_type(members), actor=_actor(members),
                 target=_target(members).model_copy(), place=_place(members).model_copy(), date=_date(members),
                 casualties=_casualties(members), records=sorted(r.id for r in members), sources=sources)
