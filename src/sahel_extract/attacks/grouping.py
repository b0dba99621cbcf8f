"""Grouping sentences into attacks: resolved frames in, ``EventMention`` list out.

In: the frames of one article, each argument already resolved by the normalise stage (``arg.resolved``: a place
as a gazetteer entry, a time as a date interval with its ``key``, a figure's ``count``). Out: the attacks told
in the article, in text order. Two mentions are compared by their resolved values (``place_key``: the
gazetteer entry, else the folded name; ``time_key``: the date interval), never by their raw strings.


Rules, in text order:
- a sentence that tells an earlier attack as background, or whose only figures are an aggregate over
  weeks or regions, starts nothing and joins nothing;
- a sentence with an attack (a strong trigger or a casualty figure) starts a new attack when it names
  a different place or a different time from the current attack, or says "in a separate attack";
  otherwise it continues the current one (the toll sentence after the attack sentence belongs to it);
- a sentence with no attack of its own (a claim, an attribution, a place) joins the current attack;
- a sentence that does not start an attack joins the compatible attack (no other place, no other time)
  it fits best: the same figure, victims, kind of attack, actor, place or time; the attack told last
  breaks ties. So a lead that summarises two attacks, followed by the details of the first, keeps the
  details with the first;
- a place used as a back-reference ("the Boulikessi attack") is not a place of the sentence's own.
Afterwards an attack needs an anchor (a place below country level, a time, or a casualty figure), else
it is a generic mention ("attacks have increased") and is dropped.
"""

from __future__ import annotations

from ..frames.mentions import Frame, PlaceArg
from ..normalise.dates import shift_date
from ..settings import DEFAULT, AttackSettings
from ..textnorm import fold
from .compat import same_place, same_time
from .model import EventMention


def place_key(arg: PlaceArg | None) -> str | None:
    """What two place mentions must share to be the same place: the resolved gazetteer entry, else the folded
    name (an unresolved place)."""
    if arg is None:
        return None
    place = arg.resolved
    if place is not None and getattr(place, "gazetteer_id", None):
        return place.gazetteer_id
    return "name:" + fold(arg.text)


def _event_time(event: EventMention):
    for frame in event.frames:
        if frame.history:
            continue
        if frame.event_time:
            return frame.event_time
    return None


def _conflicts(event: EventMention, frame: Frame, settings: AttackSettings = DEFAULT.attacks) -> bool:
    """A sentence names another place or another time than the attack (``compat``)."""
    if frame.history:
        return False
    time = frame.event_time
    if frame.refers_back and not frame.event_place:
        time = None  # "those who fled during the attack were still missing on Thursday": not the attack's time
    place_differs = same_place(event.place, frame.event_place, settings) is False
    time_differs = same_time(_event_time(event), time, settings) is False
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


def _figures(casualties) -> set[tuple[str, tuple | None]]:
    return {(c.outcome, c.count) for c in casualties if not c.aggregate}


def affinity(event: EventMention, frame: Frame, settings: AttackSettings = DEFAULT.attacks) -> float:
    """How well a sentence fits an attack already told: shared figures, victims, kind of attack, actors,
    place and time. Zero when nothing ties them."""
    score = 0.0
    if _figures(frame.casualties) & _figures(event.casualties):
        score += 3
    victims = {c.who for c in event.casualties if c.who} | {t.category for f in event.frames for t in f.targets}
    frame_victims = {c.who for c in frame.casualties if c.who} | {t.category for t in frame.targets}
    if victims & frame_victims:
        score += 1
    event_kind = dominant_type(event.triggers, settings.type_priority)
    frame_kinds = {t.event_type for t in frame.triggers if not t.weak or t.definite}
    if event_kind in frame_kinds:
        score += 2 if event_kind != "attack" else 1
    names = {a.name for f in event.frames for a in f.actors if a.name}
    if names & {a.name for a in frame.actors if a.name}:
        score += 2
    if same_place(event.place, frame.event_place, settings):
        score += 3
    if same_time(_event_time(event), frame.event_time, settings):
        score += 3
    return score


def dominant_type(triggers, priority: tuple[str, ...] = DEFAULT.attacks.type_priority) -> str:
    """The most specific kind of attack among triggers (a roadside bomb over a plain 'attack')."""
    kinds = {t.event_type for t in triggers if not t.weak} or {t.event_type for t in triggers}
    for kind in priority:
        if kind in kinds:
            return kind
    return "attack"


def _keeps_despite_history(frame: Frame) -> bool:
    """A sentence with history in it that still speaks of this attack ("blamed the attack on X, active
    since 2015")."""
    definite = any(t.definite for t in frame.triggers)
    return (definite or frame.claim or frame.blame) and any(a.name and a.score >= 2 for a in frame.actors)


def group_frames(frames: list[Frame], settings: AttackSettings = DEFAULT.attacks) -> list[EventMention]:
    """Attacks told in a document, in text order (its frames resolved by ``normalise.mentions``). The body's
    sentences are grouped first; a headline or standfirst then joins the first attack it is compatible with (it
    sums up what the body tells, and never starts an attack of its own), unless the page has no body attack at
    all."""
    body = [f for f in frames if not f.summary]
    events = _group(body, settings)
    if not events:
        return _group([f for f in frames if f.summary], settings)
    for frame in frames:
        if not frame.summary or _is_history(frame) or not (frame.has_attack or frame.casualties):
            continue
        compatible = [e for e in events if not _conflicts(e, frame, settings)]
        if compatible:
            compatible[0].frames.append(frame)
    return events


def _is_history(frame: Frame) -> bool:
    """A sentence about the past, or whose figures add up many attacks; kept only for what it says of this
    attack's actor (``frame.history``)."""
    if frame.background or frame.aggregate and not any(not c.aggregate for c in frame.casualties) and not (
            frame.event_place and any(not t.weak for t in frame.triggers)):
        if not _keeps_despite_history(frame):
            return True
        frame.history = True
        for c in frame.casualties:
            c.aggregate = True
    return False


def _group(frames: list[Frame], settings: AttackSettings) -> list[EventMention]:
    """The attacks some frames tell, in text order."""
    events: list[EventMention] = []
    current: EventMention | None = None
    last_frame: Frame | None = None
    for frame in frames:
        previous_frame, last_frame = last_frame, frame
        if _is_history(frame):
            continue
        _anchor_relative_time(frame, events)
        has_attack = frame.has_attack
        anchored = bool(frame.event_place or frame.event_time)
        content = (has_attack or frame.casualties or frame.claim or frame.blame or frame.attributions
                   or frame.refers_back)
        if not content:
            continue
        if not events or frame.new_event and has_attack and (anchored or frame.casualties):
            if has_attack:
                current = _new_event(frame, events, previous_frame)
            continue
        compatible = [e for e in events if not _conflicts(e, frame, settings)]
        if not compatible:
            if has_attack and anchored:
                current = _new_event(frame, events, previous_frame)
            continue
        scores = {id(e): affinity(e, frame, settings) + (0.5 if e is current else 0) for e in compatible}
        best = max(compatible, key=lambda e: (scores[id(e)], events.index(e)))
        if scores[id(best)] <= 0 and has_attack and anchored:
            current = _new_event(frame, events, previous_frame)
            continue
        best.frames.append(frame)
        current = best
    return [e for e in events if _is_anchored(e) and (e.triggers or e.casualties) and not _is_echo(e)
            and not _property_only(e)]


def _anchor_relative_time(frame: Frame, events: list[EventMention]) -> None:
    """"The next day", "two days later": a time told relative to the attack told before is that attack's day
    moved by its offset (``dates.shift_date``)."""
    time = frame.event_time
    previous = _event_time(events[-1]) if events else None
    if time is None or time.offset is None or previous is None or previous.resolved is None:
        return
    time.resolved = shift_date(previous.resolved, time.offset, time.text)
    time.key = ("span", time.resolved.earliest, time.resolved.latest) if time.resolved.value else time.key


def _property_only(event: EventMention) -> bool:
    """Looting or burning with no one killed, hurt or taken: damage to property, not an attack on people."""
    triggers = event.triggers
    return bool(triggers) and not event.casualties and all(t.property for t in triggers)


def _new_event(frame: Frame, events: list[EventMention], previous: Frame | None = None) -> EventMention:
    event = EventMention([frame])
    if previous is not None and previous.event_time and not frame.event_time and not previous.triggers \
            and not previous.casualties and previous.index == frame.index - 1:
        event.frames.insert(0, previous)
    if frame.anaphoric_actor and events:
        event.inherited_actor = _best_named_actor(events[-1])
    events.append(event)
    return event


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
