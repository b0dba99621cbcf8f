"""The attacks stage's unit: one attack told in some sentences of an article.

In: nothing. Out: ``EventMention``, the frames (sentences) of one attack in text order, with the views the
record builder reads (its place, time, casualty figures, triggers, evidence).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..frames.mentions import ActorArg, CasualtyArg, Frame, PlaceArg, TimeArg, Trigger


@dataclass(slots=True)
class EventMention:
    """One attack: the frames (sentences) that tell it, in text order."""

    frames: list[Frame] = field(default_factory=list)
    inherited_actor: ActorArg | None = None

    @property
    def place(self) -> PlaceArg | None:
        """The most specific place the attack's sentences give: the first locality, else the first region;
        failing both, the place of a sentence that sets the scene without an attack word ("an operation near
        Tadamakat. Five militants were killed in the operation.")."""
        places = [f.event_place for f in self.frames if f.event_place and not f.history]
        if not places:
            places = [p for f in self.frames if not f.history for p in f.places[:1]
                      if p.locative and not (p.reference or p.seat or p.detached)]
        local = [p for p in places if not p.want_admin]
        return (local or places or [None])[0]

    @property
    def time(self) -> TimeArg | None:
        """The attack's time: the first its sentences give, unless a later one names the same day more
        explicitly ("overnight" ... "at around 1 a.m. on Thursday": Thursday); failing any, the time it was
        reported."""
        times = [f.event_time for f in self.frames if f.event_time and not f.history]
        if not times:
            # no time of its own: the day it was reported ("officials said on Monday", ACLED's "as reported on")
            reported = [t for f in self.frames if not f.history for t in f.report_times if not t.since]
            return reported[0] if reported else None
        first = times[0]
        if first.label == "RELATIVE":
            later = [t for f in self.frames if not f.history for t in f.times
                     if t.label in ("DATE", "WEEKDAY") and _within_a_day(first, t)]
            if later:
                return later[0]
        return first

    @property
    def casualties(self) -> list[CasualtyArg]:
        """The attack's figures, aggregates aside. A headline's figure yields to the body's in the toll arithmetic
        (``attacks.tolls``: per record field, so "Troops kill 50 militants" survives a body that counts only the
        soldiers); a standfirst or lead is a telling of its own, and a figure told twice counts once."""
        return [c for f in self.frames for c in f.casualties if not c.aggregate]

    @property
    def triggers(self) -> list[Trigger]:
        return [t for f in self.frames for t in f.triggers]

    @property
    def evidence(self) -> list[tuple[int, int, str]]:
        """The sentences that tell the attack, in text order."""
        return sorted((f.start, f.end, f.text) for f in self.frames)


def _within_a_day(a: TimeArg, b: TimeArg) -> bool:
    """Two resolved times whose days are at most one day apart."""
    da, db = getattr(a.resolved, "value", None), getattr(b.resolved, "value", None)
    if not da or not db:
        return False
    return abs((dt.date.fromisoformat(da) - dt.date.fromisoformat(db)).days) <= 1
