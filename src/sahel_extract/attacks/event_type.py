"""What kind of attack, and on whom: the event type and the target of an attack.

In: an ``EventMention`` (its triggers: event types and flags), its reconciled casualties, the figures behind
them, and the actor's kind. Out: the ``event_type`` of the record schema and a ``Target``.

Event type: the most specific kind among the attack's triggers (``Settings.attacks.type_priority``: a suicide
bombing over an explosion over a plain attack), not counting words that only tell an outcome ("killed"), with
these rules:

- an attempt ("an attempted suicide car bombing", "a foiled attack") does not decide the kind;
- a bomb that a suicide bomber set off ("a suicide car bomb", a bomber among the dead, "the bomber") is a suicide
  bombing;
- an abduction that killed more than it took is an attack;
- a massacre needs civilians massacred: at least ``Settings.attacks.massacre_min_killed`` civilians killed;
  else it is an attack;
- troops fighting an armed group is an armed clash, whoever started it, and so is any attack whose victims are
  all fighters ("the army killed 30 militants in an operation"); an attack on soldiers by militants stays an
  attack;
- a state's weak air-strike word ("a military drone", "drones did the firing") with nothing stronger told is an
  air strike; otherwise a weak explosion or air-strike word beside other kinds does not decide.

Target: the victims of the first specific figure ("eleven soldiers" rather than "seventeen people"; an
abduction's captives first), else the target nouns of the sentences ("attacked a military base"), else the
victims of a figure that does not say who they were ("killing 30 people").
"""

from __future__ import annotations

from ..frames.mentions import CasualtyArg
from ..patterns import load_lexicon
from ..records import Casualties, CasualtyReport, Target
from ..settings import DEFAULT, AttackSettings
from .model import EventMention

_STATE = {"state_forces", "foreign_forces"}


def _words_before(frame, trigger, n: int) -> list[str]:
    """The ``n`` words of the sentence before a trigger, lower case, without quotes and brackets."""
    return [w.strip("\"'“”‘’()").lower() for w in frame.text[:max(0, trigger.start - frame.start)].split()[-n:]]


def _failed(frame, trigger) -> bool:
    """"an attempted suicide car bombing", "a foiled attack": a ``FAILED_MOD`` word among the three before it."""
    lexicon = load_lexicon("en")
    return any(lexicon.has("FAILED_MOD", w) for w in _words_before(frame, trigger, 3))


def _suicide(event: EventMention) -> bool:
    """A bomb a suicide bomber set off: a bomber among the figures, an explosion word right after a ``SUICIDE``
    word ("a suicide car bomb"), or the bomber named in the attack's sentences ("the bomber cried out")."""
    if any(c.bomber for c in event.casualties):
        return True
    lexicon = load_lexicon("en")
    for frame in event.frames:
        if any(lexicon.has("SUICIDE_AGENT", w.strip(".,;:!?\"'“”‘’()").lower()) for w in frame.text.split()):
            return True
        for t in frame.triggers:
            if t.event_type == "explosion" and any(lexicon.has("SUICIDE", w) for w in _words_before(frame, t, 1)):
                return True
    return False


def event_type(event: EventMention, casualties: Casualties, actor_kind: str | None = None,
               settings: AttackSettings = DEFAULT.attacks) -> str:
    told = [t for f in event.frames for t in f.triggers if not _failed(f, t)] or event.triggers
    triggers = [t for t in told if not t.outcome] or told
    types = {t.event_type for t in triggers}
    strong = {t.event_type for t in triggers if not t.weak}
    abducted = casualties.abducted.min or 0 if casualties.abducted else 0
    killed = casualties.killed.min or 0 if casualties.killed else 0
    state_led = actor_kind in _STATE
    victims = {r.who for r in casualties.reports if r.outcome in ("killed", "wounded") and r.who}
    civilians = max((r.min or 0 for r in casualties.reports if r.outcome == "killed" and r.who == "civilians"),
                    default=0)
    fighters_only = victims == {"militants"}
    if "explosion" in types and _suicide(event):
        types.add("suicide_bombing")
        strong.add("suicide_bombing")
    if state_led and "air_strike" in types and not strong - {"air_strike"}:
        return "air_strike"  # "a strike by a Nigerien military drone", "bombs fell ... drones did the firing"
    for kind in settings.type_priority:
        if kind not in types:
            continue
        if kind == "abduction" and (killed >= abducted and killed or "attack" in strong and not abducted):
            continue
        if kind == "massacre" and civilians < settings.massacre_min_killed:
            continue  # a massacre needs civilians massacred
        if kind == "attack" and (state_led and "armed_clash" in types or fighters_only):
            return "armed_clash"  # troops fighting an armed group: a battle, whoever started it
        if kind == "armed_clash" and (strong - {"armed_clash"}) and not state_led and not fighters_only:
            continue
        if kind in ("explosion", "air_strike") and kind not in strong and len(types) > 1:
            continue
        return kind
    return "armed_clash" if fighters_only and types <= {"attack", "massacre", "armed_clash"} else "attack"


def target(event: EventMention, reports: list[tuple[CasualtyReport, CasualtyArg]]) -> Target:
    """The attack's target: the victims of its figures, a specific group before "people" (an abduction's captives
    first); else its target nouns; else the victims of a figure that does not say who they were."""
    victims = [(r, a) for r, a in reports if r.outcome in ("killed", "wounded", "abducted") and r.who]
    if any(r.outcome == "abducted" for r, _ in victims) and any(t.event_type == "abduction" and not t.weak
                                                               for t in event.triggers):
        victims = sorted(victims, key=lambda v: v[0].outcome != "abducted")
    specific = [(r, a) for r, a in victims if not a.generic and a.victim]
    if specific:
        return Target(category=specific[0][0].who, mention=specific[0][0].mention)
    for frame in event.frames:
        for t in frame.targets:
            if t.category:
                return Target(category=t.category, mention=t.text)
    if victims:
        return Target(category=victims[0][0].who, mention=victims[0][0].mention)
    return Target()
