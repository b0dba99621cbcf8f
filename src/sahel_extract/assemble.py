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
  authority or a revision ("the toll rose to"), and a figure told as replaced ("had initially said four") gives
  way to any other; different authorities span (min of mins, max of maxes,
  max ``None`` when the highest figure is open-ended);
- background: an attack whose date ends more than ``BACKGROUND_DAYS`` before publication is history told
  as context, not news, and gives no record.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from .frames.lexicon import OUTCOME_WORDS, TYPE_PRIORITY
from .frames.mentions import CasualtyArg, EventMention, Frame
from .ingest import Article
from .normalise.actors import ActorCatalogue, ActorEntry, resolve_actor, to_actor
from .normalise.dates import resolve_date
from .normalise.numbers import parse_count
from .normalise.places import COUNTRY_NAMES, GazetteerLike, distance_km, resolve_place
from .normalise.sources import normalise_sources
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
from .textnorm import fold

log = logging.getLogger(__name__)

BACKGROUND_DAYS = 45
_VAGUE = re.compile(r"^(dozens|scores|hundreds|tens|thousands|several|many|numerous|some|a number|a few|few)\b",
                    re.I)
_STATE = {"state_forces", "foreign_forces"}
_PRO_STATE = {"state_forces", "foreign_forces", "militia"}


def article_countries(frames: list[Frame]) -> list[str]:
    """The countries an article is about, most mentioned first (ties: first mentioned)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for frame in frames:
        for code in frame.countries:  # a country named counts twice a nationality ("Nigerien truck drivers")
            counts[code] += 2
            first.setdefault(code, frame.index)
        for code in frame.demonyms:
            counts[code] += 1
            first.setdefault(code, frame.index)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))


def event_countries(frames: list[Frame], article: list[str], actors: list[ActorEntry]) -> list[str]:
    """Countries for an attack told in some frames, most telling first: named in its sentences, then the
    article's, then those of the national forces or militias it names (FAMa fights in Mali, Koglweogo in
    Burkina Faso)."""
    codes = [c for f in frames for c in f.countries] + list(article)
    codes += [e.countries[0] for e in actors if len(e.countries) == 1]
    # a group active in two countries points, last, to its main one (Ansarul Islam: Burkina Faso)
    codes += [e.countries[0] for e in actors if len(e.countries) == 2]
    return list(dict.fromkeys(codes))


def named_actors(frames: list[Frame], catalogue: ActorCatalogue) -> list[ActorEntry]:
    """The catalogue entries of the actors an attack's sentences name."""
    entries = (catalogue.get(a.name) for f in frames for a in f.actors if a.name)
    return list({e.name: e for e in entries if e}.values())


@dataclass
class PlaceContext:
    """What the text says about where an attack's places are: the countries, most telling first, and the
    regions (admin1 or admin2 names) of the other places it names; ``adjacent`` are those written right after
    the place itself ("Se (Djibo, Soum)", "Madouba, Kossi Province"), the strongest evidence; ``near`` the
    other localities it names, with coordinates, and ``anchors`` those of them it puts the place near ("in the
    Tabrichat area near Tessalit"); ``actors`` the named armed actors, whose areas of operation break ties
    between namesakes."""

    countries: list[str]
    regions: list[Place]
    adjacent: list[Place]
    near: list[Place] = field(default_factory=list)
    anchors: list[Place] = field(default_factory=list)
    actors: list[ActorEntry] = field(default_factory=list)
    named_countries: list[str] = field(default_factory=list)  # named, or by nationality, in the article

    def in_area(self, country: str, admin1: str | None) -> bool:
        """Whether a named group is known to operate in that region (only groups whose areas in that country
        the catalogue lists: JNIM anywhere in Mali tells nothing)."""
        return any(country in a.areas and a.operates_in(country, admin1) for a in self.actors)


_UNIT_WORDS = re.compile(r"\b(?:department|d[ée]partement|province|r[ée]gion|region|cercle|commune|district|"
                         r"pr[ée]fecture|state|local government area|lga)\b", re.I)


#: An editor's insertion in square brackets ("Tabangarete [Tabankort Est] (Inekar, Menaka)").
_EDITORIAL = re.compile(r"\[[^\]]{1,60}\]")


def _adjacent_args(frame: Frame, anchor) -> list:
    """The places written right after the anchor place, in a list or in brackets: "Se (Djibo, Soum)",
    "Madouba, Kossi Province", "Alla N'Glaro [Boula Kiassa] (Diffa, Diffa)"; by the wire convention they are
    its commune, province or region."""
    out, last_end = [], anchor.end
    for arg in frame.places:
        if arg.start < last_end:
            continue
        gap = _UNIT_WORDS.sub("", _EDITORIAL.sub("", frame.text[last_end - frame.start:arg.start - frame.start]))
        if len(gap) > 3 or not set(gap) <= set(" ,(-"):
            break
        out.append(arg)
        last_end = arg.end
    return out


def _near_args(frame: Frame, anchor) -> list:
    """The place the text puts the anchor near, written right after it (``Frame.puts_near``)."""
    following = [a for a in frame.places if a.start >= anchor.end]
    return following[:1] if following and frame.puts_near(anchor, following[0]) else []


_GENERIC_REGIONS = {"sahel", "est", "nord", "centre", "center", "sud", "ouest", "plateau", "east", "north", "south",
                    "west", "centre nord", "centre est", "centre ouest", "centre sud"}


def _generic_region(text: str) -> bool:
    """Region names that are also words for wider areas ("the Sahel region", "Nord")."""
    return fold(text).removesuffix(" region").strip() in _GENERIC_REGIONS


def place_context(frames: list[Frame], exclude: str | None, gazetteer: GazetteerLike,
                  countries: list[str], actors: list[ActorEntry] | None = None,
                  named: list[str] | None = None) -> PlaceContext:
    """Regions and countries from the other places an attack's sentences name (only names the gazetteer knows
    as written). Places bracketed after the attack's place are resolved as admin units, outermost first ("Say
    Department, Tillaberi Region": the Say in Tillabéri), and weigh most."""
    adjacent_chains: list[list] = []
    put_near: set[int] = set()
    for frame in frames:
        anchor = next((a for a in frame.places if exclude and fold(a.text) == fold(exclude)), None)
        if anchor is not None:
            adjacent_chains.append(_adjacent_args(frame, anchor))
            put_near |= {id(a) for a in _near_args(frame, anchor)}
    adjacent: dict[int, Place] = {}
    for chain in adjacent_chains:
        outer: list[str] = []
        for arg in reversed(chain):
            if arg.reference or not gazetteer.candidates(fold(arg.text)):
                continue
            place = resolve_place(arg.text, gazetteer, countries, want_admin=True, admin=outer)
            adjacent[id(arg)] = place
            outer += [n for n in (place.admin1, place.admin2, place.name) if n]
    resolved: list[tuple[Place, bool, bool]] = []  # (place, written right after, put near)
    for frame in frames:
        for arg in frame.places:
            if fold(arg.text) == fold(exclude or "") or arg.reference or not gazetteer.candidates(fold(arg.text)):
                continue
            near = id(arg) in adjacent
            place = adjacent.get(id(arg)) or resolve_place(arg.text, gazetteer, countries, want_admin=arg.want_admin)
            if not near and _generic_region(arg.text) and place.country_code not in countries[:1]:
                continue  # "the Sahel region" of a Malian story is the wider Sahel, not Burkina Faso's region
            if place.precision in ("admin", "exact") and place.admin1:
                resolved.append((place, near, id(arg) in put_near))
    votes: Counter[str] = Counter()
    for place, near, _ in resolved:
        votes[place.country_code] += 3 if near else (2 if place.precision == "admin" else 1)
    order = sorted(votes, key=lambda c: -votes[c])
    # adjacent first, then the best-supported country's places, regions before towns
    ranked = sorted(resolved, key=lambda r: (not r[1], order.index(r[0].country_code), r[0].precision != "admin"))
    ordered = [c for f in frames for c in f.countries] + order + countries
    localities = [(p, put_near) for p, _, put_near in ranked if p.precision == "exact" and p.lat is not None]
    return PlaceContext(countries=list(dict.fromkeys(c for c in ordered if c)),
                        regions=[p for p, _, _ in ranked], adjacent=[p for p, near, _ in ranked if near],
                        near=[p for p, _ in localities], anchors=[p for p, put_near in localities if put_near],
                        actors=list(actors or []),
                        named_countries=list(dict.fromkeys(
                            [*(named or []), *(c for f in frames for c in (*f.countries, *f.demonyms))])))


#: Below this population a homonym abroad is more likely another village than the place the text means.
SMALL_PLACE = 5000


def _population(gazetteer: GazetteerLike, place: Place) -> int:
    for entry in gazetteer.candidates(fold(place.name or "")):
        if entry.id == place.gazetteer_id:
            return entry.population
    return 0


#: A place the text puts "near" a town is not a namesake this far from it.
NEAR_KM = 150.0
FAR_FROM_ANCHOR = "a small namesake far from the town the text puts it near"


def another_place(mention: str, place: Place, gazetteer: GazetteerLike, context: PlaceContext) -> str | None:
    """Why the gazetteer's best candidate for a mention is another place than the one the text means, or None
    when nothing in the text contradicts it."""
    if place.precision == "unresolved":
        return None
    small = place.precision == "exact" and _population(gazetteer, place) < SMALL_PLACE
    own = {fold(place.admin1 or ""), fold(place.admin2 or "")}
    fuzzy = not gazetteer.candidates(fold(mention))
    if context.anchors and small and place.lat is not None and all(
            distance_km(place.lat, place.lon, a.lat, a.lon) > NEAR_KM for a in context.anchors):
        return FAR_FROM_ANCHOR  # "the Tabrichat area near Tessalit": the only Tabrichat known is 280 km away
    if context.adjacent and not any(r.country_code == place.country_code for r in context.adjacent):
        return "in another country than the units bracketed after it"  # "Se (Djibo, Soum)" is not in Benin
    if small and context.adjacent and not own & _names(context.adjacent):
        return "in another province than the units bracketed after it"  # "Pendima (Fada Ngourma, Gourma)"
    if place.precision == "country":
        return None
    if fuzzy and context.regions and not own & _names(context.regions):
        return "a spelling variant in another region than the text gives"
    groups = [a for a in context.actors if a.kind != "state_forces"]
    if groups and not context.named_countries and not context.regions and not any(
            a.operates_in(place.country_code, place.admin1) if fuzzy else place.country_code in a.countries
            for a in groups):
        # the text says nothing of where but who: "presumed Boko Haram militants attacked Dabougoun" is not the
        # Dabougou of Burkina Faso (a spelling variant outside the group's areas), nor "Ansarul Islam raided Ibi"
        # the Ibi of Taraba (a namesake in a country where the group never fought)
        return "where none of the armed groups the text names operates"
    region_countries = {r.country_code for r in context.regions}
    if small and region_countries and place.country_code not in region_countries \
            and place.country_code not in context.countries[:1]:
        return "a small namesake in a country the text does not speak of"
    return None


def _names(places: list[Place]) -> set[str]:
    """The folded names, admin1 and admin2 of some places."""
    return {fold(n) for r in places for n in (r.admin1, r.admin2, r.name) if n}


def resolve_in_context(mention: str, gazetteer: GazetteerLike, context: PlaceContext,
                       want_admin: bool = False, locality: bool = False) -> Place:
    """A place mention resolved with what the text says around it. When the text contradicts the gazetteer's
    best candidate (``another_place``) the mention is kept unresolved: a wrong village is worse than none. A
    name left unresolved still gets the region and country of the places named with it."""
    hints = [n for p in context.regions for n in (p.admin1, p.admin2, p.name) if n]
    place = resolve_place(mention, gazetteer, context.countries, want_admin=want_admin, admin=hints,
                          near=[(p.lat, p.lon) for p in context.near], locality=locality,
                          in_area=context.in_area if context.actors else None)
    reason = another_place(mention, place, gazetteer, context)
    if reason:
        log.debug("%r is not %s (%s, %s): %s", mention, place.gazetteer_id, place.admin1, place.country_code, reason)
        place = Place(name=mention, mention=mention, precision="unresolved")
        if reason == FAR_FROM_ANCHOR:  # in the region of the town the text puts it near
            anchor = context.anchors[0]
            return place.model_copy(update={"admin1": anchor.admin1, "country": anchor.country,
                                            "country_code": anchor.country_code})
    if place.precision == "unresolved" and context.regions:
        region = _likeliest_region(context.adjacent or context.regions)
        place = place.model_copy(update={"admin1": region.admin1, "country": region.country,
                                         "country_code": region.country_code})
    elif place.precision == "unresolved" and context.countries and not place.country_code:
        code = context.countries[0]
        place = place.model_copy(update={"country": COUNTRY_NAMES.get(code, code), "country_code": code})
    return place


def _likeliest_region(places: list[Place]) -> Place:
    """The place whose admin1 an unresolved place takes: the admin1 most places agree on, a region's own name
    ("Menaka" in "(Inekar, Menaka)") counting twice; ties go to the first (the best-ranked)."""
    support: Counter[tuple[str | None, str | None]] = Counter()
    for p in places:
        support[(p.country_code, p.admin1)] += 2 if p.precision == "admin" or fold(p.name or "") == fold(
            p.admin1 or "") else 1
    best = max(support.values())
    return next(p for p in places if support[(p.country_code, p.admin1)] == best)


def resolve_mention(frames: list[Frame], mention: str, gazetteer: GazetteerLike, countries: list[str],
                    actors: list[ActorEntry] | None = None, written: str | None = None,
                    named: list[str] | None = None) -> Place:
    """A place mention of an attack's sentences resolved in their context (``place_context``), with what the
    text calls it ("the village of X", "X region") when the mention is one of their place arguments.
    ``written`` is the text's own spelling when the mention comes from elsewhere (a coder's spelling);
    ``named`` the countries the whole article names (``article_countries``)."""
    written = written or mention
    arg = next((a for f in frames for a in f.places if fold(a.text) == fold(written)), None)
    context = place_context(frames, written, gazetteer, countries, actors, named)
    place = resolve_in_context(mention, gazetteer, context, want_admin=bool(arg and arg.want_admin),
                               locality=bool(arg and arg.locality))
    if arg is not None and arg.near and place.precision == "exact":
        place = place.model_copy(update={"precision": "near"})
    return place


def resolve_event_place(event: EventMention, gazetteer: GazetteerLike, countries: list[str],
                        actors: list[ActorEntry] | None = None, named: list[str] | None = None) -> Place:
    """The place of an attack: its place argument resolved in context, else the country it happened in."""
    arg = event.place
    if arg is None:
        if countries:
            code = countries[0]
            return Place(name=COUNTRY_NAMES[code], mention=None, country=COUNTRY_NAMES[code], country_code=code,
                         precision="country")
        return Place()
    return resolve_mention(event.frames, arg.text, gazetteer, countries, actors, named=named)


#: The Islamic State's provinces by where an attack happened: "the Islamic State" in Ménaka is ISGS, in
#: Borno or Diffa (Lake Chad basin) ISWAP.
_IS_PROVINCE_BY_ADMIN1 = {"diffa": "ISWAP"}
_IS_PROVINCE_BY_COUNTRY = {"ML": "ISGS", "BF": "ISGS", "NE": "ISGS", "BJ": "ISGS", "TG": "ISGS", "NG": "ISWAP",
                           "TD": "ISWAP"}


def regional_affiliate(actor: Actor, place: Place, catalogue: ActorCatalogue) -> Actor:
    """"Islamic State fighters" names the global group; the record names its province where the attack was."""
    if actor.name != "Islamic State" or not place.country_code:
        return actor
    name = _IS_PROVINCE_BY_ADMIN1.get(fold(place.admin1 or "")) or _IS_PROVINCE_BY_COUNTRY.get(place.country_code)
    entry = catalogue.get(name) if name else None
    return to_actor(entry, actor.mention or "", claimed=actor.claimed) if entry else actor


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
    return Actor(kind="unidentified")  # an attack has an attacker; the text does not say who


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


def _authority_total(reports: list[tuple[CasualtyReport, CasualtyArg]]) -> tuple[int | None, int | None]:
    """One authority's toll: per victim group the figures of its latest sentence (summed within that sentence,
    details of a larger figure left out), then summed over groups."""
    named = [a.who for _, a in reports if a.who]
    default = max(set(named), key=named.count) if named else None
    group = {id(a): a.who or default for _, a in reports}  # "took twenty of them": the same victims
    latest: dict[str | None, int] = {}
    for _, arg in reports:
        latest[group[id(arg)]] = arg.sentence
    parts = [(r, a) for r, a in reports if latest[group[id(a)]] == a.sentence]
    parts = [(r, a) for r, a in parts if not a.subset] or parts
    lo = sum(r.min for r, _ in parts) if all(r.min is not None for r, _ in parts) else None
    hi = sum(r.max for r, _ in parts) if all(r.max is not None for r, _ in parts) else None
    return lo, hi


def _totals(reports: list[tuple[CasualtyReport, CasualtyArg]]) -> Count | None:
    if not reports:
        return None
    # a revision ("the toll rose to 15") replaces everything told before it, and a figure told as replaced
    # ("an initial statement had reported seven dead") gives way to any other
    revised = [i for i, (_, a) in enumerate(reports) if a.revision and not a.subset]
    if revised:
        reports = reports[revised[-1]:]
    reports = [(r, a) for r, a in reports if not a.superseded] or reports
    # an unattributed figure below an attributed one is a detail of it ("one shell killed a child")
    attributed = [r.min for r, _ in reports if r.attributed_to and r.min is not None]
    if attributed:
        reports = [(r, a) for r, a in reports if r.attributed_to or r.max is None or r.max >= max(attributed)]
    by_authority: dict[str | None, list[tuple[CasualtyReport, CasualtyArg]]] = {}
    for report, arg in reports:
        by_authority.setdefault(report.attributed_to, []).append((report, arg))
    spans = [_authority_total(group) for group in by_authority.values()]
    mins = [lo for lo, _ in spans if lo is not None]
    lo = min(mins) if mins else None
    # max is open when the highest figure is: "at least 15" above the army's 6, not "at least 10" below 22
    closed = [h for _, h in spans if h is not None]
    open_mins = [lo_ or 0 for lo_, h in spans if h is None]
    hi = max(closed) if closed and all(m < max(closed) for m in open_mins) else None
    if lo is None and hi is None:
        return Count(min=None, max=None, mention=reports[-1][0].mention)
    mention = "; ".join(dict.fromkeys(r.mention for r, _ in reports))
    return Count(min=lo, max=hi, mention=mention)


_GROUP_SPEAKER = re.compile(r"^(the )?(group|militants|jihadists|insurgents|attackers|organi[sz]ation|movement)$",
                            re.I)


def _speakers(phrase: str | None, actor: Actor, catalogue: ActorCatalogue) -> list[str]:
    """Source labels of an attribution; a group speaking for itself ("the group said") is named."""
    if phrase and (_GROUP_SPEAKER.match(phrase.strip()) or catalogue.lookup(phrase)) and actor.name:
        entry = catalogue.lookup(phrase)
        return [entry.name if entry else actor.name]
    return normalise_sources(phrase)


def build_casualties(event: EventMention, actor: Actor,
                     catalogue: ActorCatalogue) -> tuple[Casualties, list[str]]:
    collected: list[tuple[CasualtyReport, CasualtyArg]] = []
    sources: list[str] = []
    for c in event.casualties:
        count = parse_count(c.quantity)
        if count is None:
            continue
        field = _side(c, actor)
        if field is None:
            continue
        labels = _speakers(c.attribution, actor, catalogue)
        report = CasualtyReport(outcome=field, min=count[0], max=count[1], who=c.who, mention=c.text,
                                attributed_to=labels[0] if labels else None)
        collected.append((report, c))
        sources.extend(labels)
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
    for frame in event.frames:
        sources.extend(_speakers(frame.confirmed_by, actor, catalogue))
    kept = {r.attributed_to for r, _ in unique} | {s for f in event.frames
                                                   for s in _speakers(f.confirmed_by, actor, catalogue)}
    return casualties, [s for s in dict.fromkeys(sources) if s in kept or s not in
                        {r.attributed_to for r, _ in collected}]


def _event_type(event: EventMention, casualties: Casualties, actor_kind: str | None = None) -> str:
    triggers = [t for t in event.triggers if t.text.lower() not in OUTCOME_WORDS] or event.triggers
    types = {t.event_type for t in triggers}
    strong = {t.event_type for t in triggers if not t.weak}
    for kind in TYPE_PRIORITY:
        if kind not in types:
            continue
        abducted = casualties.abducted.min or 0 if casualties.abducted else 0
        killed = casualties.killed.min or 0 if casualties.killed else 0
        if kind == "abduction" and (killed >= abducted and killed or "attack" in strong and not abducted):
            continue
        state_led = actor_kind in _STATE
        if kind == "attack" and state_led and "armed_clash" in types:
            return "armed_clash"  # troops fighting an armed group: a battle, whoever started it
        if kind == "armed_clash" and (strong - {"armed_clash"}) and not state_led:
            continue
        if kind in ("explosion", "air_strike") and kind not in strong and len(types) > 1:
            continue
        return kind
    return "attack"


_GENERIC_PEOPLE = re.compile(r"\b(people|persons|individuals|victims|bodies)\b", re.I)


def _target(event: EventMention, casualties: Casualties, actor: Actor) -> Target:
    victims = [r for r in casualties.reports if r.outcome in ("killed", "wounded", "abducted") and r.who]
    # "Seventeen people, eleven soldiers and six VDP": the specific group says who was targeted
    victims = [r for r in victims if not _GENERIC_PEOPLE.search(r.mention)] or victims
    if victims:
        return Target(category=victims[0].who, mention=victims[0].mention)
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
        actors = named_actors(event.frames, catalogue)
        codes = event_countries(event.frames, countries, actors)
        place = resolve_event_place(event, gazetteer, codes, actors, countries)
        time = event.time
        date = resolve_date(time.text if time else None, article.published)
        if article.published and date.latest and date.precision != "unknown":
            if dt.date.fromisoformat(date.latest) < article.published - dt.timedelta(days=BACKGROUND_DAYS):
                continue
        actor = _choose_actor(event, catalogue, place.country_code or (codes or [None])[0])
        actor = regional_affiliate(actor, place, catalogue)
        casualties, sources = build_casualties(event, actor, catalogue)
        spans = [(s, e) for s, e, _ in event.evidence]
        records.append(AttackRecord(
            id=record_id(article.id, spans),
            event_type=_event_type(event, casualties, actor.kind),
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
