"""Toll arithmetic: the figures an attack's sentences give, reconciled into one count per outcome.

In: ``Figure`` objects (an outcome, a min/max, the victim group, the authority that gives it, its position in
the text, and whether it is a revision, a replaced figure or a part of a larger one). Out: a ``Count`` per
outcome (``total``). Pure functions (DESIGN.md section 3), property-tested:

- the figures of one authority add up across victim groups ("12 soldiers and 3 civilians"), per group taking
  its latest sentence, unless one is a part of a larger figure ("including 5 soldiers");
- a revision ("the toll rose to 15") replaces every figure told before it, and a figure told as replaced ("an
  initial statement had reported seven dead") gives way to any other;
- an unattributed figure below an attributed one is a detail of it ("one shell killed a child");
- different authorities span: min of their mins, max of their maxes, and max open (None) when the highest
  figure is open-ended ("at least 15" above the army's 6);
- the result does not depend on the order the figures are given in (they are read in text order), and
  min <= max whenever both are known.

``build_casualties`` turns an attack's casualty mentions into figures: it puts each on its side (victims, or
the attackers' own dead) and labels its source.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..frames.mentions import CasualtyArg
from ..normalise.actors import ActorCatalogue
from ..normalise.sources import normalise_sources
from ..records import Actor, Casualties, CasualtyReport, Count
from .model import EventMention

OUTCOMES = ("killed", "wounded", "abducted", "attackers_killed")
_STATE = {"state_forces", "foreign_forces"}
_PRO_STATE = {"state_forces", "foreign_forces", "militia"}


@dataclass(frozen=True, slots=True)
class Figure:
    """One reported figure, as the arithmetic sees it."""

    outcome: str
    min: int | None
    max: int | None
    who: str | None = None
    source: str | None = None
    sentence: int = 0
    position: int = 0  # character offset in the article: text order within a sentence
    mention: str = ""
    revision: bool = False
    superseded: bool = False
    subset: bool = False


def authority_total(figures: list[Figure]) -> tuple[int | None, int | None]:
    """One authority's toll: per victim group the figures of its latest sentence (summed within that sentence,
    details of a larger figure left out), then summed over groups."""
    named = [f.who for f in figures if f.who]
    default = max(sorted(set(named)), key=named.count) if named else None
    group = [f.who or default for f in figures]  # "took twenty of them": the same victims
    latest: dict[str | None, int] = {}
    for g, f in zip(group, figures, strict=True):
        latest[g] = max(latest.get(g, f.sentence), f.sentence)
    parts = [f for g, f in zip(group, figures, strict=True) if latest[g] == f.sentence]
    parts = [f for f in parts if not f.subset] or parts
    lo = sum(f.min for f in parts) if all(f.min is not None for f in parts) else None
    hi = sum(f.max for f in parts) if all(f.max is not None for f in parts) else None
    return lo, hi


def total(figures: list[Figure]) -> Count | None:
    """The count of one outcome from its figures, or None when there is no figure."""
    if not figures:
        return None
    figures = sorted(figures, key=lambda f: (f.sentence, f.position))
    revised = [i for i, f in enumerate(figures) if f.revision and not f.subset]
    if revised:
        figures = figures[revised[-1]:]
    figures = [f for f in figures if not f.superseded] or figures
    attributed = [f.min for f in figures if f.source and f.min is not None]
    if attributed:
        figures = [f for f in figures if f.source or f.max is None or f.max >= max(attributed)]
    by_source: dict[str | None, list[Figure]] = {}
    for f in figures:
        by_source.setdefault(f.source, []).append(f)
    spans = [authority_total(group) for group in by_source.values()]
    mins = [lo for lo, _ in spans if lo is not None]
    lo = min(mins) if mins else None
    # max is open when the highest figure is: "at least 15" above the army's 6, not "at least 10" below 22
    closed = [h for _, h in spans if h is not None]
    open_mins = [lo_ or 0 for lo_, h in spans if h is None]
    hi = max(closed) if closed and all(m < max(closed) for m in open_mins) else None
    if lo is not None and hi is not None and hi < lo:
        hi = None  # a source's open figure above another's closed one leaves the top open
    if lo is None and hi is None:
        return Count(min=None, max=None, mention=figures[-1].mention)
    return Count(min=lo, max=hi, mention="; ".join(dict.fromkeys(f.mention for f in figures)))


def side(c: CasualtyArg, actor: Actor) -> str | None:
    """The record field a figure belongs to, or None for a figure with no field (wounded attackers)."""
    attacker_side = c.bomber or (c.who == "militants" and actor.kind not in _PRO_STATE) or (
        c.who in ("military", "police") and actor.kind in _STATE)
    if not attacker_side:
        return c.outcome
    return "attackers_killed" if c.outcome == "killed" else None


def speakers(phrase: str | None, is_group: bool, actor: Actor, catalogue: ActorCatalogue,
             labels: list[str] | None = None) -> list[str]:
    """Source labels of an attribution; a group speaking for itself ("the group said") is named. ``labels``: the
    phrase's labels as the normalise stage read them in the article's language (else read here, in English)."""
    entry = catalogue.lookup(phrase) if phrase else None
    if phrase and (is_group or entry) and actor.name:
        return [entry.name if entry else actor.name]
    return list(labels) if labels is not None else normalise_sources(phrase)


def build_casualties(event: EventMention, actor: Actor, catalogue: ActorCatalogue
                     ) -> tuple[Casualties, list[str], list[tuple[CasualtyReport, CasualtyArg]]]:
    """The casualties of an attack, the sources its figures are attributed to, and each report with the
    mention it comes from."""
    collected: list[tuple[CasualtyReport, Figure, CasualtyArg]] = []
    sources: list[str] = []
    for c in event.casualties:
        if c.count is None:
            continue
        field = side(c, actor)
        if field is None:
            continue
        labels = speakers(c.attribution, c.speaker_is_group, actor, catalogue, c.sources)
        source = labels[0] if labels else None
        report = CasualtyReport(outcome=field, min=c.count[0], max=c.count[1], who=c.who, mention=c.text,
                                attributed_to=source)
        figure = Figure(field, c.count[0], c.count[1], c.who, source, c.sentence, c.start, c.text, c.revision,
                        c.superseded, c.subset)
        collected.append((report, figure, c))
        sources.extend(labels)
    # a vague figure ("dozens") yields to a counted one for the same outcome (a lead summarising the body)
    counted = {r.outcome for r, _, c in collected if not c.vague}
    collected = [(r, f, c) for r, f, c in collected if r.outcome not in counted or not c.vague]
    # the same figure told twice (headline and body) is one report; keep the attributed telling
    unique: list[tuple[CasualtyReport, Figure, CasualtyArg]] = []
    for report, figure, arg in collected:
        same = next((i for i, (r, _, _) in enumerate(unique) if (r.outcome, r.min, r.max, r.who) ==
                     (report.outcome, report.min, report.max, report.who)), None)
        if same is None:
            unique.append((report, figure, arg))
        elif unique[same][0].attributed_to is None and report.attributed_to is not None:
            unique[same] = (report, figure, arg)
    casualties = Casualties(reports=[r for r, _, _ in unique])
    for outcome in OUTCOMES:
        setattr(casualties, outcome, total([f for r, f, _ in unique if r.outcome == outcome]))
    confirmers = [s for frame in event.frames
                  for s in speakers(frame.confirmed_by, frame.confirmed_by_group, actor, catalogue,
                                    frame.confirmed_sources)]
    sources.extend(confirmers)
    kept = {r.attributed_to for r, _, _ in unique} | set(confirmers)
    labels = [s for s in dict.fromkeys(sources) if s in kept or s not in {r.attributed_to for r, _, _ in collected}]
    return casualties, labels, [(r, a) for r, _, a in unique]
