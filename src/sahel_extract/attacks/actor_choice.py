"""Who carried out an attack: the actor chosen among the candidates of its sentences.

In: an ``EventMention`` (its frames' actor candidates, each with a role score; claims and blames), the actor
catalogue and the country the attack is in. Out: an ``Actor``. A named actor wins unless a generic description
is clearly likelier the attacker; an attack with no named actor takes the one a previous attack's "the same
group" points to, else the generic description ("gunmen"), else an unidentified actor (an attack has an
attacker; the text does not say who). "Islamic State" names the global group: the record names its province
where the attack was (``provinces`` in ``models/actors.json``).
"""

from __future__ import annotations

from ..normalise.actors import ActorCatalogue, ActorEntry, resolve_actor, to_actor
from ..records import Actor, Place
from ..textnorm import fold
from .model import EventMention

#: A named actor is kept unless a generic description scores more than this above it.
NAMED_MARGIN = 1.5


def named_actors(frames, catalogue: ActorCatalogue) -> list[ActorEntry]:
    """The catalogue entries of the actors an attack's sentences name."""
    entries = (catalogue.get(a.name) for f in frames for a in f.actors if a.name)
    return list({e.name: e for e in entries if e}.values())


def regional_affiliate(actor: Actor, place: Place, catalogue: ActorCatalogue) -> Actor:
    """"Islamic State fighters" names the global group; the record names its province where the attack was."""
    entry = catalogue.get(actor.name) if actor.name else None
    if entry is None or not entry.provinces or not place.country_code:
        return actor
    by_admin1 = {fold(k): v for k, v in entry.provinces.get("by_admin1", {}).items()}
    name = by_admin1.get(fold(place.admin1 or "")) or entry.provinces.get("by_country", {}).get(place.country_code)
    province = catalogue.get(name) if name else None
    return to_actor(province, actor.mention or "", claimed=actor.claimed) if province else actor


def choose_actor(event: EventMention, catalogue: ActorCatalogue, country: str | None) -> Actor:
    """The attack's actor (see the module docstring)."""
    candidates = [a for f in event.frames if f.triggers or f.claim for a in f.actors] or [
        a for f in event.frames for a in f.actors]
    named = [a for a in candidates if a.name and a.score >= -0.5]
    claimed = any(a.claimed for a in candidates) or any(f.claim for f in event.frames)
    generic = [a for a in candidates if a.generic]
    if named and (not generic or max(a.score for a in named) + NAMED_MARGIN >= max(a.score for a in generic)):
        best = max(named, key=lambda a: (a.score, -a.start))
        entry = catalogue.get(best.name)
        claim = any(a.claimed and a.name == best.name for a in candidates) or (
            claimed and any(f.claim and any(a.name == best.name for a in f.actors) for f in event.frames))
        if entry:
            return to_actor(entry, best.text, claimed=claim)
        return resolve_actor(best.text, catalogue, country, claimed=claim)
    if event.inherited_actor and event.inherited_actor.name:
        entry = catalogue.get(event.inherited_actor.name)
        if entry:
            return to_actor(entry, event.inherited_actor.text, claimed=False)
    if generic:
        best = max(generic, key=lambda a: (a.score, -a.start))
        return resolve_actor(best.text, catalogue, country, claimed=claimed)
    return Actor(kind="unidentified")
