"""Records stage: an ``EventMention`` in its article's context to an ``AttackRecord``.

In: the attack mentions of one processed Doc (``doc._.attacks``), the ``Article`` (publication date,
metadata), the gazetteer and the actor catalogue. Out: ``AttackRecord`` objects with every field
normalised (``sahel_extract.normalise``) and the evidence sentences that support it.

Decisions made here, all documented in DESIGN.md section 3:
- casualty sides: militants killed while attacking are ``attackers_killed``; in an operation by state
  forces the militants are the victims and the soldiers lost are ``attackers_killed``; a suicide bomber
  is an attacker killed; wounded attackers have no field and are only kept in ``reports``;
- casualty totals: figures of one authority add up across victim groups ("12 soldiers and 3 civilians")
  unless one is a subset ("including 5 soldiers"); a later figure replaces an earlier one of the same
  authority or a revision ("the toll rose to"); different authorities span (min of mins, max of maxes,
  max ``None`` when the highest figure is open-ended);
- background: an attack whose date ends more than ``BACKGROUND_DAYS`` before publication is history told
  as context, not news, and gives no record.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from .events.mentions import CasualtyArg, EventMention, Frame
from .ingest import Article
from .normalise.actors import ActorCatalogue, resolve_actor, to_actor
from .normalise.dates import resolve_date
from .normalise.numbers import parse_count
from .normalise.places import COUNTRY_NAMES, GazetteerLike, resolve_place
from .normalise.sources import normalise_source
from .records import (
    Actor,
    AttackRecord,
    Casualties,
    CasualtyReport,
    Count,
    Evidence,
    Place,
    Source,
    Target,
    record_id,
)

BACKGROUND_DAYS = 45
_VAGUE = re.compile(r"^(dozens|scores|hundreds|tens|thousands|several|many|numerous|some|a number|a few|few)\b",
                    re.I)
_TYPE_PRIORITY = ["suicide_bombing", "air_strike", "explosion", "massacre", "abduction", "attack", "armed_clash"]
_STATE = {"state_forces", "foreign_forces"}
_PRO_STATE = {"state_forces", "foreign_forces", "militia"}


def article_countries(frames: list[Frame]) -> list[str]:
    """The countries an article is about, most mentioned first (ties: first mentioned)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for frame in frames:
        for code in frame.countries:
            counts[code] += 1
            first.setdefault(code, frame.index)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))


def _event_countries(event: EventMention, article: list[str]) -> list[str]:
    codes: list[str] = []
    for frame in event.frames:
        for code in frame.countries:
            if code not in codes:
                codes.append(code)
    for code in article:
        if code not in codes:
            codes.append(code)
    return codes


def resolve_event_place(event: EventMention, gazetteer: GazetteerLike, countries: list[str]) -> Place:
    arg = event.place
    if arg is None:
        if countries:
            code = countries[0]
            return Place(name=COUNTRY_NAMES[code], mention=None, country=COUNTRY_NAMES[code], country_code=code,
                         precision="country")
        return Place()
    regions = [r for f in event.frames for r in f.regions if r != arg.text]
    if regions and not arg.want_admin:
        region = resolve_place(regions[0], gazetteer, countries, want_admin=True)
        if region.country_code and region.precision == "admin":
            countries = [region.country_code, *[c for c in countries if c != region.country_code]]
            place = resolve_place(arg.text, gazetteer, countries, want_admin=False, admin1=region.admin1)
        else:
            place = resolve_place(arg.text, gazetteer, countries, want_admin=False)
    else:
        place = resolve_place(arg.text, gazetteer, countries, want_admin=arg.want_admin)
    if arg.near and place.precision == "exact":
        place = place.model_copy(update={"precision": "near"})
    return place


def _choose_actor(event: EventMention, catalogue: ActorCatalogue, country: str | None) -> Actor:
    candidates = [a for f in event.frames if f.triggers or f.claim for a in f.actors] or [
        a for f in event.frames for a in f.actors]
    named = [a for a in candidates if a.name and a.score >= -0.5]
    claimed = any(a.claimed for a in candidates) or any(f.claim for f in event.frames)
    generic = [a for a in candidates if a.generic]
    if named and (not generic or max(a.score for a in named) + 1.5 >= max(a.score for a in generic)):
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
    return Actor()


def _side(c: CasualtyArg, actor: Actor) -> str | None:
    """The record field a figure belongs to, or None for a figure with no field (wounded attackers)."""
    attacker_side = False
    if c.victim and c.victim.lower() in ("bomber", "bombers", "suicide"):
        attacker_side = True
    elif c.who == "militants" and actor.kind not in _PRO_STATE:
        attacker_side = True
    elif c.who in ("military", "police") and actor.kind in _STATE:
        attacker_side = True
    if not attacker_side:
        return c.outcome
    return "attackers_killed" if c.outcome == "killed" else None


def _totals(reports: list[tuple[CasualtyReport, CasualtyArg]]) -> Count | None:
    if not reports:
        return None
    # latest figure per (authority, victim group); a revision replaces everything before it
    by_authority: dict[str | None, dict[str | None, tuple[CasualtyReport, CasualtyArg]]] = {}
    for report, arg in reports:
        if arg.revision:
            by_authority = {}
        by_authority.setdefault(report.attributed_to, {})[report.who] = (report, arg)
    spans: list[tuple[int | None, int | None]] = []
    for groups in by_authority.values():
        parts = [r for r, a in groups.values() if not a.subset] or [r for r, _ in groups.values()]
        lo = sum(r.min for r in parts) if all(r.min is not None for r in parts) else None
        hi = sum(r.max for r in parts) if all(r.max is not None for r in parts) else None
        spans.append((lo, hi))
    mins = [lo for lo, _ in spans if lo is not None]
    lo = min(mins) if mins else None
    hi = None if any(h is None for _, h in spans) else max(h for _, h in spans)
    if lo is None and hi is None:
        return Count(min=None, max=None, mention=reports[-1][0].mention)
    mention = "; ".join(dict.fromkeys(r.mention for r, _ in reports))
    return Count(min=lo, max=hi, mention=mention)


def build_casualties(event: EventMention, actor: Actor) -> tuple[Casualties, list[str]]:
    collected: list[tuple[CasualtyReport, CasualtyArg]] = []
    for c in event.casualties:
        count = parse_count(c.quantity)
        if count is None:
            continue
        field = _side(c, actor)
        if field is None:
            continue
        report = CasualtyReport(outcome=field, min=count[0], max=count[1], who=c.who, mention=c.text,
                                attributed_to=normalise_source(c.attribution))
        collected.append((report, c))
    # a vague figure ("dozens") yields to a counted one for the same outcome (a lead summarising the body)
    counted = {r.outcome for r, a in collected if not _VAGUE.match(a.quantity)}
    collected = [(r, a) for r, a in collected if r.outcome not in counted or not _VAGUE.match(a.quantity)]
    # the same figure told twice (headline and body) is one report; keep the attributed telling
    unique: list[tuple[CasualtyReport, CasualtyArg]] = []
    for report, arg in collected:
        same = next((i for i, (r, _) in enumerate(unique) if (r.outcome, r.min, r.max, r.who) ==
                     (report.outcome, report.min, report.max, report.who)), None)
        if same is None:
            unique.append((report, arg))
        elif unique[same][0].attributed_to is None and report.attributed_to is not None:
            unique[same] = (report, arg)
    casualties = Casualties(reports=[r for r, _ in unique])
    for outcome in ("killed", "wounded", "abducted", "attackers_killed"):
        setattr(casualties, outcome, _totals([(r, a) for r, a in unique if r.outcome == outcome]))
    sources = list(dict.fromkeys(r.attributed_to for r, _ in unique if r.attributed_to))
    return casualties, sources


def _event_type(event: EventMention, casualties: Casualties) -> str:
    types = {t.event_type for t in event.triggers}
    strong = {t.event_type for t in event.triggers if not t.weak}
    for kind in _TYPE_PRIORITY:
        if kind not in types:
            continue
        if kind == "abduction" and (casualties.killed and casualties.killed.min or "attack" in strong
                                    and not casualties.abducted):
            continue
        if kind == "armed_clash" and (strong - {"armed_clash"}):
            continue
        if kind in ("explosion", "air_strike") and kind not in strong and len(types) > 1:
            continue
        return kind
    return "attack"


def _target(event: EventMention, casualties: Casualties, actor: Actor) -> Target:
    for report in casualties.reports:
        if report.outcome in ("killed", "wounded", "abducted") and report.who:
            return Target(category=report.who, mention=report.mention)
    for frame in event.frames:
        for target in frame.targets:
            if target.category:
                return Target(category=target.category, mention=target.text)
    return Target()


def _confidence(actor: Actor, place: Place, date, casualties: Casualties, event: EventMention) -> float:
    score = 0.3
    score += 0.15 if actor.name else (0.05 if actor.mention else 0)
    score += {"exact": 0.2, "near": 0.15, "admin": 0.1, "country": 0.03, "unresolved": 0.05}.get(place.precision, 0)
    score += 0.15 if date.precision == "day" else (0.05 if date.mention else 0)
    score += 0.1 if casualties.reports else 0
    score += 0.05 if any(not t.weak for t in event.triggers) else 0
    return round(min(score, 0.99), 2)


def build_records(events: list[EventMention], frames: list[Frame], article: Article, gazetteer: GazetteerLike,
                  catalogue: ActorCatalogue) -> list[AttackRecord]:
    """The attack records of one article, in text order."""
    countries = article_countries(frames)
    records: list[AttackRecord] = []
    for event in events:
        event_countries = _event_countries(event, countries)
        place = resolve_event_place(event, gazetteer, event_countries)
        time = event.time
        date = resolve_date(time.text if time else None, article.published)
        if article.published and date.latest and date.precision != "unknown":
            if dt.date.fromisoformat(date.latest) < article.published - dt.timedelta(days=BACKGROUND_DAYS):
                continue
        actor = _choose_actor(event, catalogue, place.country_code or (event_countries or [None])[0])
        casualties, sources = build_casualties(event, actor)
        spans = [(s, e) for s, e, _ in event.evidence]
        records.append(AttackRecord(
            id=record_id(article.id, spans),
            event_type=_event_type(event, casualties),
            actor=actor,
            target=_target(event, casualties, actor),
            place=place,
            date=date,
            casualties=casualties,
            source=Source(article_id=article.id, path=article.path, url=article.url, title=article.title,
                          publisher=article.publisher,
                          published=article.published.isoformat() if article.published else None,
                          attributed_to=sources),
            evidence=[Evidence(text=t, start=s, end=e) for s, e, t in event.evidence],
            confidence=_confidence(actor, place, date, casualties, event),
        ))
    return records
