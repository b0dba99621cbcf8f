"""What kind of attack, and on whom: the event type and the target of an attack.

In: an ``EventMention`` (its triggers: event types and flags), its reconciled casualties, the figures behind
them, and the actor's kind. Out: the ``event_type`` of the record schema and a ``Target``.

Event type: the most specific kind among the attack's triggers (``Settings.attacks.type_priority``: a suicide
bombing over an explosion over a plain attack), not counting words that only tell an outcome ("killed"); an
abduction that killed more than it took is an attack; troops fighting an armed group is an armed clash,
whoever started it; a weak explosion or air-strike word beside other kinds does not decide. Target: the
victims of the first specific figure ("eleven soldiers" rather than "seventeen people"), else the target
nouns of the sentences ("attacked a military base").
"""

from __future__ import annotations

from ..frames.mentions import CasualtyArg
from ..records import Casualties, CasualtyReport, Target
from ..settings import DEFAULT, AttackSettings
from .model import EventMention

_STATE = {"state_forces", "foreign_forces"}


def event_type(event: EventMention, casualties: Casualties, actor_kind: str | None = None,
               settings: AttackSettings = DEFAULT.attacks) -> str:
    triggers = [t for t in event.triggers if not t.outcome] or event.triggers
    types = {t.event_type for t in triggers}
    strong = {t.event_type for t in triggers if not t.weak}
    abducted = casualties.abducted.min or 0 if casualties.abducted else 0
    killed = casualties.killed.min or 0 if casualties.killed else 0
    state_led = actor_kind in _STATE
    for kind in settings.type_priority:
        if kind not in types:
            continue
        if kind == "abduction" and (killed >= abducted and killed or "attack" in strong and not abducted):
            continue
        if kind == "attack" and state_led and "armed_clash" in types:
            return "armed_clash"  # troops fighting an armed group: a battle, whoever started it
        if kind == "armed_clash" and (strong - {"armed_clash"}) and not state_led:
            continue
        if kind in ("explosion", "air_strike") and kind not in strong and len(types) > 1:
            continue
        return kind
    return "attack"


def target(event: EventMention, reports: list[tuple[CasualtyReport, CasualtyArg]]) -> Target:
    """The attack's target: the victims of its figures, a specific group before "people"; else its target
    nouns."""
    victims = [(r, a) for r, a in reports if r.outcome in ("killed", "wounded", "abducted") and r.who]
    victims = [(r, a) for r, a in victims if not a.generic] or victims
    if victims:
        return Target(category=victims[0][0].who, mention=victims[0][0].mention)
    for frame in event.frames:
        for t in frame.targets:
            if t.category:
                return Target(category=t.category, mention=t.text)
    return Target()
