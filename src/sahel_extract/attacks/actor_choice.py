"""Who carried out an attack: the actor chosen among the candidates of its sentences.

In: an ``EventMention`` (its frames' actor candidates, each with a role score; claims, blames and the forces that
responded), the actor catalogue and the country the attack is in. Out: an ``Actor``.

The rules, in order:

- never the victims or the responders: a force the attack's sentences show fighting back, giving chase or sent in
  afterwards (a ``TargetArg`` marked ``responder``) is the attacked side in every sentence of the attack ("the
  troops beat back the attack" makes the "troops" of the headline's "Troops kill 50 ISWAP terrorists" the
  target); the group whose fighters the responders killed is then the attacker;
- a named actor wins unless a generic description is clearly likelier the attacker; a named actor with no sign
  of having acted (a role score of zero or less) loses to a description that has one, and a state or foreign
  force needs such a sign (it is the target of most attacks that name it);
- the attacker the text names beats a group's later claim ("ISGS militants attacked ... ISWAP claimed
  responsibility"), and a branch beats its parent ("al-Qaeda claimed ... JNIM fighters attacked");
- an attack with no named actor takes the one a previous attack's "the same group" points to, else the generic
  description ("gunmen"); an air or drone strike with none is the forces of the country it struck; else an
  unidentified actor (an attack has an attacker; the text does not say who); a state's air strike is its air
  force's when the text names that air force;
- "Islamic State" names the global group and "al-Qaeda" the network: the record names the province or branch
  where (and when) the attack was (``provinces`` in ``models/actors.json``: al-Qaeda in the Sahel is JNIM since
  March 2017).
"""

from __future__ import annotations

from ..frames.mentions import ActorArg
from ..normalise.actors import ActorCatalogue, ActorEntry, resolve_actor, to_actor
from ..records import Actor, Place
from ..settings import DEFAULT, AttackSettings
from .model import EventMention

_STATE = ("state_forces", "foreign_forces")


def named_actors(frames, catalogue: ActorCatalogue) -> list[ActorEntry]:
    """The catalogue entries of the actors an attack's sentences name."""
    entries = (catalogue.get(a.name) for f in frames for a in f.actors if a.name)
    return list({e.name: e for e in entries if e}.values())


def regional_affiliate(actor: Actor, place: Place, catalogue: ActorCatalogue) -> Actor:
    """"Islamic State fighters" names the global group; the record names its province where the attack was."""
    entry = catalogue.get(actor.name) if actor.name else None
    if entry is None or not entry.provinces or not place.country_code:
        return actor
    name = entry.branch(place.country_code, place.admin1)
    province = catalogue.get(name) if name else None
    return to_actor(province, actor.mention or "", claimed=actor.claimed) if province else actor


def _identity(arg_text: str, name: str | None, catalogue: ActorCatalogue, country: str | None) -> str | None:
    """The catalogue name a mention stands for: its own, or that of the forces a description names ("troops")."""
    return name or resolve_actor(arg_text, catalogue, country).name


def _event_day(event: EventMention) -> str | None:
    time = event.time
    resolved = time.resolved if time is not None else None
    return getattr(resolved, "value", None) or getattr(resolved, "latest", None)


def _is_air_strike(event: EventMention) -> bool:
    """An air or drone strike: a strong air-strike word, or a weak one ("drones struck") with no other kind of
    attack told strongly."""
    kinds = {t.event_type for t in event.triggers if not t.weak and not t.outcome}
    return "air_strike" in kinds or (not kinds - {"attack"} and not any(
        t.event_type == "attack" and not t.weak and not t.outcome for t in event.triggers)
        and any(t.event_type == "air_strike" for t in event.triggers))


def _branch(entry: ActorEntry, catalogue: ActorCatalogue, country: str | None, day: str | None) -> ActorEntry:
    """Before the day its provinces took over, a network's branch is the earlier one (al-Qaeda in Mali, 2015:
    AQIM); after it, ``regional_affiliate`` names the province from the record's place."""
    if entry.provinces_since and day and day < entry.provinces_since:
        branch = catalogue.get(entry.branch(country, None, day) or "")
        return branch or entry
    return entry


def _same_network(a: ActorEntry | None, b: ActorEntry | None) -> bool:
    """One is the network the other belongs to ("militants linked to al-Qaeda" ... "JNIM said it carried out")."""
    return a is not None and b is not None and a.affiliation is not None and a.affiliation == b.affiliation and (
        bool(a.provinces) or bool(b.provinces))


def _prefer_named(named: list[ActorArg], catalogue: ActorCatalogue, agent_evidence: float) -> tuple[ActorArg, bool]:
    """The named actor the attack is told of, and whether its claim stands: the highest role score, unless a
    claimant's score rests on its claim while another group is shown carrying the attack out, or the best is a
    network whose branch is named too."""
    best = max(named, key=lambda a: (a.score, -a.start))
    if best.claimed:
        agents = [a for a in named if a.name != best.name and not a.claimed and a.score >= agent_evidence
                  and (catalogue.get(a.name) is None or catalogue.get(a.name).kind not in _STATE)
                  and not _same_network(catalogue.get(a.name), catalogue.get(best.name))]
        if agents:
            return max(agents, key=lambda a: (a.score, -a.start)), False
    entry = catalogue.get(best.name)
    if entry is not None and entry.provinces:
        branches = [a for a in named if a.name != best.name and a.score >= 0 and (
            (catalogue.get(a.name) or entry).affiliation == entry.affiliation)]
        if branches:
            return max(branches, key=lambda a: (a.score, -a.start)), True
    return best, True


def _air_force(actor: Actor, event: EventMention, catalogue: ActorCatalogue) -> Actor:
    """A state's air or drone strike is its air force's when the attack's sentences name that air force."""
    entry = catalogue.get(actor.name) if actor.name else None
    if entry is None or entry.kind not in _STATE or entry.branch_of_forces == "air" or not _is_air_strike(event):
        return actor
    named = [catalogue.get(a.name) for f in event.frames for a in f.actors if a.name] + [
        catalogue.lookup(t.text) for f in event.frames for t in f.targets]
    air = next((e for e in named if e and e.branch_of_forces == "air" and e.countries == entry.countries), None)
    return to_actor(air, actor.mention or air.name, claimed=False) if air else actor


def choose_actor(event: EventMention, catalogue: ActorCatalogue, country: str | None,
                 settings: AttackSettings = DEFAULT.attacks) -> Actor:
    """The attack's actor (see the module docstring); the thresholds are ``Settings.attacks.actor_*``."""
    return _air_force(_choose(event, catalogue, country, settings), event, catalogue)


def _choose(event: EventMention, catalogue: ActorCatalogue, country: str | None, settings: AttackSettings) -> Actor:
    frames = event.frames
    told = [f for f in frames if f.triggers or f.claim or f.blame]
    # an attack sentence's actors, and a clear agent of its other sentences ("a group of armed men seized them")
    candidates = [a for f in told for a in f.actors] + [
        a for f in frames if f not in told for a in f.actors if a.score >= 1] or [a for f in frames for a in f.actors]
    responders = {_identity(t.text, None, catalogue, country) for f in frames for t in f.targets if t.responder}
    responders.discard(None)
    if responders:
        candidates = [a for a in candidates if _identity(a.text, a.name, catalogue, country) not in responders]
    named = [a for a in candidates if a.name and a.score >= -0.5]
    named = [a for a in named if a.score > settings.actor_state_evidence or (catalogue.get(a.name) and catalogue.get(
        a.name).kind not in _STATE)]
    claimed = any(a.claimed for a in candidates) or any(f.claim for f in frames)
    generic = [a for a in candidates if a.generic and a.score > -1.5]
    best_generic = max((a.score for a in generic), default=None)
    best_named = max((a.score for a in named), default=None)
    # a named actor wins unless a description is clearly likelier, or it shows no sign of acting and one does
    if best_named is not None and (best_generic is None or best_named + settings.actor_named_margin >= best_generic
                                   ) and not best_named <= 0 < (best_generic or 0):
        best, claim_stands = _prefer_named(named, catalogue, settings.actor_agent_evidence)
        entry = catalogue.get(best.name)
        claim = claim_stands and (any(a.claimed and a.name == best.name for a in candidates) or (
            claimed and any(f.claim and any(a.name == best.name for a in f.actors) for f in frames)))
        if entry:
            return to_actor(_branch(entry, catalogue, country, _event_day(event)), best.text, claimed=claim)
        return resolve_actor(best.text, catalogue, country, claimed=claim)
    if event.inherited_actor and event.inherited_actor.name:
        entry = catalogue.get(event.inherited_actor.name)
        if entry:
            return to_actor(entry, event.inherited_actor.text, claimed=False)
    if responders:  # "troops beat back the attack and killed 50 ISWAP fighters": ISWAP attacked
        victims = [t for f in frames for t in f.targets if not t.responder and t.category in ("militants", None)
                   and catalogue.lookup(t.text) and catalogue.lookup(t.text).kind not in _STATE]
        if victims:
            return to_actor(catalogue.lookup(victims[0].text), victims[0].text, claimed=False)
    if generic:
        best = max(generic, key=lambda a: (a.score, -a.start))
        actor = resolve_actor(best.text, catalogue, country, claimed=claimed)
        if actor.name or best.score > 0 or not _is_air_strike(event):
            return actor
    if _is_air_strike(event):  # a state's air or drone strike: the force named, else the country's forces
        forces = [a for f in frames for a in f.actors if a.name and a.score >= -0.5 and catalogue.get(a.name)
                  and catalogue.get(a.name).kind in _STATE]
        if forces:
            return to_actor(catalogue.get(forces[0].name), forces[0].text, claimed=False)
        if country in catalogue.national_forces:
            return to_actor(catalogue.get(catalogue.national_forces[country]), "", claimed=False)
    return Actor(kind="unidentified")
