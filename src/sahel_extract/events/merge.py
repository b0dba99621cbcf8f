"""Grouping sentences into attacks: ``Frame`` list in, ``EventMention`` list out.

Rules, in text order:
- a sentence that tells an earlier attack as background, or whose only figures are an aggregate over
  weeks or regions, starts nothing and joins nothing;
- a sentence with an attack (a strong trigger or a casualty figure) starts a new attack when it names
  a different place or a different time from the current attack, or says "in a separate attack";
  otherwise it continues the current one (the toll sentence after the attack sentence belongs to it);
- a sentence with no attack of its own (a claim, an attribution, a place) joins the current attack;
- a place used as a back-reference ("the Boulikessi attack") points to the attack already told there;
- headline-like summaries with no place or time merge into the first attack that has them.
Afterwards an attack needs an anchor (a place below country level, a time, or a casualty figure), else
it is a generic mention ("attacks have increased") and is dropped.
"""

from __future__ import annotations

import re

from ..textnorm import fold
from .mentions import EventMention, Frame

_TIME_NOISE = re.compile(r"\b(on|late|early|in|the|during|of|at|night|morning|evening|afternoon|dawn)\b")


def _place_key(frame: Frame) -> str | None:
    place = frame.event_place
    return fold(place.text) if place else None


def _time_key(frame: Frame) -> str | None:
    time = frame.event_time
    return " ".join(_TIME_NOISE.sub(" ", time.text.lower()).split()) if time else None


def _event_place_key(event: EventMention) -> str | None:
    place = event.place
    return fold(place.text) if place else None


def _event_time_key(event: EventMention) -> str | None:
    for frame in event.frames:
        key = _time_key(frame)
        if key:
            return key
    return None


def _conflicts(event: EventMention, frame: Frame) -> bool:
    place, time = _place_key(frame), _time_key(frame)
    event_place, event_time = _event_place_key(event), _event_time_key(event)
    place_differs = bool(place and event_place and place != event_place)
    time_differs = bool(time and event_time and time != event_time)
    if place_differs and event.place and frame.event_place and (event.place.want_admin or frame.event_place.want_admin):
        place_differs = False  # a town inside a region told in another sentence refines the place
    return place_differs or time_differs


def _is_anchored(event: EventMention) -> bool:
    place = event.place
    if place is not None:
        return True
    if event.time is not None:
        return True
    return any(c.quantity and c.outcome for c in event.casualties)


def group_frames(frames: list[Frame]) -> list[EventMention]:
    """Attacks told in a document, in text order."""
    events: list[EventMention] = []
    current: EventMention | None = None
    for frame in frames:
        if frame.background and not frame.claim:
            continue
        if frame.aggregate and not any(not c.aggregate for c in frame.casualties) and not (
                frame.event_place and any(not t.weak for t in frame.triggers)):
            continue
        references = [p for p in frame.places if p.reference]
        referenced = None
        for ref in references:
            referenced = next((e for e in events if _event_place_key(e) == fold(ref.text)), None)
        has_attack = frame.has_attack
        if not has_attack:
            if current is not None and (frame.casualties or frame.claim or frame.attributions):
                if not _conflicts(current, frame):
                    current.frames.append(frame)
            continue
        if current is None:
            current = EventMention([frame])
            events.append(current)
            continue
        place = _place_key(frame)
        if referenced is not None and (place is None or place == _event_place_key(referenced)) and \
                not frame.event_time:
            referenced.frames.append(frame)
            current = referenced
            continue
        if frame.refers_back and not frame.new_event and not _conflicts(current, frame):
            current.frames.append(frame)
            continue
        if frame.new_event and (place or frame.event_time or frame.casualties) or _conflicts(current, frame):
            current = EventMention([frame])
            if frame.anaphoric_actor and events:
                current.inherited_actor = _best_named_actor(events[-1])
            events.append(current)
        else:
            current.frames.append(frame)
    return [e for e in events if _is_anchored(e) and any(t for t in e.triggers) and not _is_echo(e)]


def _is_echo(event: EventMention) -> bool:
    """An aftermath sentence ("the governor condemned the attack in X") with no figure, no time and no
    attack word of its own: it echoes an attack already told rather than telling a new one."""
    return (not event.casualties and event.time is None
            and all(t.weak or t.definite for t in event.triggers))


def _best_named_actor(event: EventMention):
    named = [a for f in event.frames for a in f.actors if a.name]
    if named:
        return max(named, key=lambda a: a.score)
    return event.inherited_actor
