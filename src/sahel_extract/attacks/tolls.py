"""Toll arithmetic: the figures an attack's sentences give, reconciled into one count per outcome.

In: ``Figure`` objects (an outcome, a min/max, the victim group, the authority that gives it, its position in
the text, and whether it is a revision, a replaced figure or a part of a larger one). Out: a ``Count`` per
outcome (``total``). Pure functions (DESIGN.md section 3), property-tested:

- the figures of one authority add up across victim groups ("12 soldiers and 3 civilians"), per group taking
  its latest sentence, unless one is a part of a larger figure ("including 5 soldiers");
- a revision ("the toll rose to 15") replaces every figure told before it, and a figure told as replaced ("an
  initial statement had reported seven dead") gives way to any other;
- an unattributed figure the attributed ones already cover is the outlet's telling of them: below an attributed
  figure for the same victims ("one shell killed a child"), or an open "at least N" that a source's figure
  meets ("at least 20 dead" beside the official's 26);
- a source that counts only the fighters killed is no rival of one that counts the others: they add up;
- different authorities span: min of their mins, max of their maxes, and max open (None) when the highest
  figure is open-ended ("at least 15" above the army's 6);
- the result does not depend on the order the figures are given in (they are read in text order), and
  min <= max whenever both are known.

``build_casualties`` turns an attack's casualty mentions into figures: it puts each on its side (victims, or
the attackers' own dead), labels its source, counts a figure told twice once ("14 dead" and "at least 14 people
were killed"; the same group under two names), takes the bombers out of a toll that includes them ("five people,
two bombers among them"), lets implied and vague figures yield to stated ones, and uses the headline's figures
only for what the body does not count (``frame.zone == "headline"``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..frames.mentions import CasualtyArg
from ..normalise.actors import ActorCatalogue
from ..normalise.sources import normalise_sources
from ..records import Actor, Casualties, CasualtyReport, Count
from .model import EventMention

OUTCOMES = ("killed", "wounded", "abducted", "attackers_killed")
_STATE = {"state_forces", "foreign_forces"}
_PRO_STATE = {"state_forces", "foreign_forces", "militia"}
#: Page zones whose figures summarise the body's: used only for an outcome the body does not count.
SUMMARY_ZONES = ("headline",)  # a standfirst or lead is a telling: its figures stay (told twice, counted once)
#: Two figures of one sentence further apart than this (characters) are no list ("kills 26 ... 26 people dead").
LIST_GAP_CHARS = 12


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
    generic: bool = False  # "people", "victims": the figure does not say who
    increment: bool = False  # adds to the figures told before it ("three more died in hospital")


def _compatible(a: Figure, b: Figure) -> bool:
    """Two figures may count the same victims: the same group, or one of them does not say who."""
    return a.who == b.who or a.who is None or b.who is None or a.generic or b.generic


def authority_total(figures: list[Figure]) -> tuple[int | None, int | None]:
    """One authority's toll: per victim group the figures of its latest sentence (summed within that sentence,
    details of a larger figure left out when the larger figure can hold them), then summed over groups."""
    named = [f.who for f in figures if f.who]
    default = max(sorted(set(named)), key=named.count) if named else None
    group = [f.who or default for f in figures]  # "took twenty of them": the same victims
    latest: dict[str | None, int] = {}
    whole_groups = {g for g, f in zip(group, figures, strict=True) if not f.subset}
    for g, f in zip(group, figures, strict=True):
        if not f.subset or g not in whole_groups:  # a later breakdown ("among the dead were ...") is no new telling
            latest[g] = max(latest.get(g, f.sentence), f.sentence)
    parts = [f for g, f in zip(group, figures, strict=True) if latest.get(g) == f.sentence]
    whole = [f for f in parts if not f.subset]
    if whole and sum(f.min or 0 for f in whole) >= sum(f.min or 0 for f in parts if f.subset):
        parts = whole  # "17 people, including 11 soldiers"; not the fighters beside a list of the dead
    lo = sum(f.min for f in parts) if all(f.min is not None for f in parts) else None
    hi = sum(f.max for f in parts) if all(f.max is not None for f in parts) else None
    return lo, hi


def _covered(f: Figure, attributed: list[Figure]) -> bool:
    """An unattributed figure the attributed ones cover (see the module docstring)."""
    same = [a for a in attributed if _compatible(f, a)]
    if f.max is not None:
        return any(a.min is not None and f.max < a.min for a in same)
    return f.min is not None and any((a.max if a.max is not None else a.min or 0) >= f.min for a in same)


def _authorities(figures: list[Figure]) -> list[list[Figure]]:
    """The figures grouped by authority; a source that counts only the fighters ("three Islamist fighters also
    died, the group said") is no rival of one that counts the others (HRW's civilians): they add up."""
    by_source: dict[str | None, list[Figure]] = {}
    for f in figures:
        by_source.setdefault(f.source, []).append(f)
    groups = list(by_source.values())
    fighters = [g for g in groups if all(f.who == "militants" and not f.generic for f in g)]
    others = [g for g in groups if not any(g is x for x in fighters)]
    if fighters and others:  # a source that counts the fighters itself keeps its own count of them
        return [g + [f for h in fighters for f in h if not any(x.who == "militants" for x in g)] for g in others]
    return groups


def total(figures: list[Figure]) -> Count | None:
    """The count of one outcome from its figures, or None when there is no figure."""
    if not figures:
        return None
    figures = sorted(figures, key=lambda f: (f.sentence, f.position))
    revised = [i for i, f in enumerate(figures) if f.revision and not f.subset]
    if revised:
        figures = figures[revised[-1]:]
    figures = [f for f in figures if not f.superseded] or figures
    attributed = [f for f in figures if f.source and not f.subset]
    if attributed:
        figures = [f for f in figures if f.source or f.subset or f.increment or not _covered(f, attributed)
                   ] or figures
    # "three more died in hospital": added to whatever was counted before it
    added = [f for i, f in enumerate(figures) if f.increment and not f.subset and any(
        not g.increment for g in figures[:i])]
    figures = [f for f in figures if not any(f is a for a in added)]
    spans = [authority_total(group) for group in _authorities(figures)]
    if added:
        more_lo = sum(f.min for f in added) if all(f.min is not None for f in added) else None
        more_hi = sum(f.max for f in added) if all(f.max is not None for f in added) else None
        spans = [(lo_ + more_lo if lo_ is not None and more_lo is not None else None,
                  hi_ + more_hi if hi_ is not None and more_hi is not None else None) for lo_, hi_ in spans]
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


def side(c: CasualtyArg, actor: Actor, militants_attacked: bool = False) -> str | None:
    """The record field a figure belongs to, or None for a figure with no field (wounded attackers).
    ``militants_attacked``: the attack's text names militants as the attackers ("20 of the attackers"), so every
    militants' figure is the attackers' own dead, whatever actor was chosen."""
    militants = c.who == "militants" and (actor.kind not in _PRO_STATE or militants_attacked)
    attacker_side = c.bomber or c.attacker or militants or (
        c.who in ("military", "police") and actor.kind in _STATE)
    if not attacker_side:
        return c.outcome
    return "attackers_killed" if c.outcome == "killed" else None


def speakers(phrase: str | None, is_group: bool, actor: Actor, catalogue: ActorCatalogue,
             labels: list[str] | None = None) -> list[str]:
    """Source labels of an attribution; a group speaking for itself ("the group said") is named. A state force
    is no "group": "the group" then is someone else (a rights group), not the actor. ``labels``: the phrase's
    labels as the normalise stage read them in the article's language (else read here, in English)."""
    entry = catalogue.lookup(phrase) if phrase else None
    if phrase and (is_group and actor.kind not in _STATE or entry) and actor.name:
        return [entry.name if entry else actor.name]
    return list(labels) if labels is not None else normalise_sources(phrase)


def _same_figure(a: tuple[CasualtyReport, Figure, CasualtyArg], b: tuple[CasualtyReport, Figure, CasualtyArg],
                 between: str = "") -> bool:
    """The same figure told twice: the same outcome and number ("14", or "at least 14" beside "14"), victims that
    may be the same, and, in one sentence, not two items of a list (``between``: the text between them)."""
    (ra, fa, _), (rb, fb, _) = a, b
    if ra.outcome != rb.outcome or fa.min is None or fa.min != fb.min:
        return False
    if not (fa.max == fb.max or fa.max in (None, fa.min) and fb.max in (None, fb.min)):
        return False
    if (ra.who, fa.max) == (rb.who, fb.max):
        return True
    if not _compatible(fa, fb):
        return False
    if fa.sentence != fb.sentence or "\n" in between:
        return True  # a headline and its lead fall in one sentence when the page has no full stop between
    vague_who = fa.who is None or fa.generic or fb.who is None or fb.generic
    return vague_who and len(between) > LIST_GAP_CHARS


def _merge(kept: tuple[CasualtyReport, Figure, CasualtyArg], new: tuple[CasualtyReport, Figure, CasualtyArg]
           ) -> tuple[CasualtyReport, Figure, CasualtyArg]:
    """One report of a figure told twice: the attributed telling, the named victims, "at least N" over "N"."""
    (rk, fk, _), (rn, fn, cn) = kept, new
    base = (rn, fn, cn) if (rk.attributed_to is None and rn.attributed_to is not None) or fn.revision else kept
    report, figure, arg = base
    who = figure.who if figure.who and not figure.generic else (fk.who if fk.who and not fk.generic else fn.who)
    top = None if fk.max is None or fn.max is None else figure.max
    figure = replace(figure, who=who, max=top, generic=figure.generic and fk.generic and fn.generic,
                     revision=fk.revision or fn.revision)
    report = report.model_copy(update={"who": who, "max": top})
    return report, figure, arg


def _without_bombers(collected: list[tuple[CasualtyReport, Figure, CasualtyArg]]
                     ) -> list[tuple[CasualtyReport, Figure, CasualtyArg]]:
    """"Five people were killed, two bombers among them": the bombers are attackers, out of the victims' toll."""
    out = list(collected)
    for item in collected:
        report, figure, arg = item
        if not (figure.subset and report.outcome == "attackers_killed" and figure.min is not None):
            continue
        before = [i for i, (r, f, a) in enumerate(out) if r.outcome == "killed" and not f.subset
                  and f.sentence == figure.sentence and a.start < arg.start and f.min is not None]
        if not before:
            continue
        i = before[-1]
        r, f, a = out[i]
        lo, hi = f.min - figure.min, None if f.max is None or figure.max is None else f.max - figure.max
        if lo < 0:
            continue
        out[i] = (r.model_copy(update={"min": lo, "max": hi}), replace(f, min=lo, max=hi), a)
        out[out.index(item)] = (report, replace(figure, subset=False), arg)
    return out


def _without_restated_sums(items: list[tuple[CasualtyReport, Figure, CasualtyArg]], between=lambda a, b: ""
                           ) -> list[tuple[CasualtyReport, Figure, CasualtyArg]]:
    """"Two people were hurt" and, in another sentence, "a police officer and a civilian were wounded": a figure
    that does not say who, equal to the sum of one sentence's named figures, is those figures again."""
    def named(f: Figure) -> bool:
        return bool(f.who) and not f.generic and not f.subset and f.min is not None

    drop = set()
    for i, (r, f, c) in enumerate(items):
        if named(f) or f.subset or f.min is None:
            continue
        for sentence in {g.sentence for _, g, _ in items}:
            parts = [g for q, g, a in items if q.outcome == r.outcome and g.sentence == sentence and named(g)
                     and (g.sentence != f.sentence or "\n" in between(c, a))]
            lo = sum(g.min for g in parts)
            hi = sum(g.max for g in parts) if all(g.max is not None for g in parts) else None
            if len(parts) > 1 and (lo, hi) == (f.min, f.max):
                drop.add(i)
    return [item for i, item in enumerate(items) if i not in drop]


def build_casualties(event: EventMention, actor: Actor, catalogue: ActorCatalogue
                     ) -> tuple[Casualties, list[str], list[tuple[CasualtyReport, CasualtyArg]]]:
    """The casualties of an attack, the sources its figures are attributed to, and each report with the
    mention it comes from."""
    collected: list[tuple[CasualtyReport, Figure, CasualtyArg]] = []
    sources: list[str] = []
    summary = {id(c) for f in event.frames if getattr(f, "zone", None) in SUMMARY_ZONES for c in f.casualties}
    militants_attacked = any(c.attacker and c.who == "militants" for c in event.casualties)
    for c in event.casualties:
        if c.count is None:
            continue
        field = side(c, actor, militants_attacked)
        if field is None:
            continue
        labels = speakers(c.attribution, c.speaker_is_group, actor, catalogue, c.sources)
        source = labels[0] if labels else None
        report = CasualtyReport(outcome=field, min=c.count[0], max=c.count[1], who=c.who, mention=c.text,
                                attributed_to=source)
        figure = Figure(field, c.count[0], c.count[1], c.who, source, c.sentence, c.start, c.text, c.revision,
                        c.superseded, c.subset, c.generic, c.increment)
        collected.append((report, figure, c))
        sources.extend(labels)
    collected = _without_bombers(collected)
    # a headline's figure, an implied one ("the suicide bomber") or a vague one ("dozens") yields to a counted
    # one of the body for the same outcome
    for weak in (lambda c: id(c) in summary, lambda c: c.implied, lambda c: c.vague):
        counted = {r.outcome for r, _, c in collected if not weak(c)}
        collected = [(r, f, c) for r, f, c in collected if r.outcome not in counted or not weak(c)]
    # the same figure told twice (headline and body, a quote restating the lead) is one report
    unique: list[tuple[CasualtyReport, Figure, CasualtyArg]] = []
    sentences = {f.index: f for f in event.frames}

    def between(a: CasualtyArg, b: CasualtyArg) -> str:
        frame = sentences.get(a.sentence)
        lo, hi = sorted((a.end, b.start) if a.start <= b.start else (b.end, a.start))
        return frame.text[lo - frame.start:hi - frame.start] if frame is not None else ""

    for item in collected:
        same = next((i for i, u in enumerate(unique) if _same_figure(u, item, between(u[2], item[2]))), None)
        if same is None:
            unique.append(item)
        else:
            unique[same] = _merge(unique[same], item)
    unique = _without_restated_sums(unique, between)
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
