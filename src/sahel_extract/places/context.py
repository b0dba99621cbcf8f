"""Place context rules: a place mention resolved with what the text says around it.

In: the frames (sentences) of an attack or of an article, the mention, the gazetteer, the countries the text is
about (most telling first), the named armed actors and the place settings. Out: a ``Place``. What the text says
is gathered into a ``PlaceContext``: the other places it names (regions, localities with coordinates), the
units bracketed right after the mention ("Se (Djibo, Soum)", resolved outermost first), the town it is put near
("the X area near Y"), the named groups' areas of operation. ``another_place`` says when the context contradicts
the gazetteer's best candidate (a wrong village is worse than none); a name left unresolved still takes the
region and country the context gives.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..frames.mentions import Frame
from ..normalise.actors import ActorEntry
from ..patterns import load_lexicon
from ..records import Place
from ..settings import DEFAULT, PlaceSettings
from ..textnorm import fold
from .candidates import Candidate, resolve_place
from .countries import COUNTRY_NAMES
from .kb import GazetteerLike, admin_words, distance_km

log = logging.getLogger(__name__)


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


#: An editor's insertion in square brackets ("Tabangarete [Tabankort Est] (Inekar, Menaka)").
_EDITORIAL = re.compile(r"\[[^\]]{1,60}\]")


def _adjacent_args(frame: Frame, anchor) -> list:
    """The places written right after the anchor place, in a list or in brackets: "Se (Djibo, Soum)",
    "Madouba, Kossi Province", "Alla N'Glaro [Boula Kiassa] (Diffa, Diffa)"; by the wire convention they are
    its commune, province or region."""
    out, last_end = [], anchor.end
    units, _ = admin_words()
    for arg in frame.places:
        if arg.start < last_end:
            continue
        gap = _EDITORIAL.sub("", frame.text[last_end - frame.start:arg.start - frame.start])
        gap = " ".join(w for w in gap.split(" ") if fold(w) not in units)
        if len(gap) > 3 or not set(gap) <= set(" ,(-"):
            break
        out.append(arg)
        last_end = arg.end
    return out


def _near_args(frame: Frame, anchor) -> list:
    """The place the text puts the anchor near, written right after it (``Frame.puts_near``)."""
    following = [a for a in frame.places if a.start >= anchor.end]
    return following[:1] if following and frame.puts_near(anchor, following[0]) else []


def linked(arg, gazetteer: GazetteerLike) -> list[Candidate] | None:
    """The linker's candidates of a place argument, when they come from this gazetteer (else None: generate)."""
    return arg.candidates if arg is not None and arg.candidates_from == gazetteer.label else None


@lru_cache(maxsize=1)
def _generic_regions() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lexicon("en").phrases("GENERIC_REGION"))


def _generic_region(text: str) -> bool:
    """Region names that are also words for wider areas ("the Sahel region", "Nord"): ``GENERIC_REGION``."""
    return fold(text).removesuffix(" region").strip() in _generic_regions()


def place_context(frames: list[Frame], exclude: str | None, gazetteer: GazetteerLike,
                  countries: list[str], actors: list[ActorEntry] | None = None,
                  named: list[str] | None = None, settings: PlaceSettings = DEFAULT.places) -> PlaceContext:
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
            place = resolve_place(arg.text, gazetteer, countries, want_admin=True, admin=outer,
                                  candidates=linked(arg, gazetteer), settings=settings)
            adjacent[id(arg)] = place
            outer += [n for n in (place.admin1, place.admin2, place.name) if n]
    resolved: list[tuple[Place, bool, bool]] = []  # (place, written right after, put near)
    seats: list[str] = []  # the countries of seats of government, hospital towns, where people fled
    for frame in frames:
        for arg in frame.places:
            if fold(arg.text) == fold(exclude or "") or arg.reference or not gazetteer.candidates(fold(arg.text)):
                continue
            near = id(arg) in adjacent
            place = adjacent.get(id(arg)) or resolve_place(arg.text, gazetteer, countries, want_admin=arg.want_admin,
                                                           candidates=linked(arg, gazetteer), settings=settings)
            if arg.seat:  # "evacuated to Bamako": the country, not the region of the place
                seats += [place.country_code] if place.country_code and place.precision != "country" else []
                continue
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
    ordered = [c for f in frames for c in f.countries] + order + countries + seats
    localities = [(p, put_near) for p, _, put_near in ranked if p.precision == "exact" and p.lat is not None]
    return PlaceContext(countries=list(dict.fromkeys(c for c in ordered if c)),
                        regions=[p for p, _, _ in ranked], adjacent=[p for p, near, _ in ranked if near],
                        near=[p for p, _ in localities], anchors=[p for p, put_near in localities if put_near],
                        actors=list(actors or []),
                        named_countries=list(dict.fromkeys(
                            [*(named or []), *(c for f in frames for c in (*f.countries, *f.demonyms))])))


def _population(gazetteer: GazetteerLike, place: Place) -> int:
    for entry in gazetteer.candidates(fold(place.name or "")):
        if entry.id == place.gazetteer_id:
            return entry.population
    return 0


FAR_FROM_ANCHOR = "a small namesake far from the town the text puts it near"


def another_place(mention: str, place: Place, gazetteer: GazetteerLike, context: PlaceContext,
                  settings: PlaceSettings = DEFAULT.places, locality: bool = False) -> str | None:
    """Why the gazetteer's best candidate for a mention is another place than the one the text means, or None
    when nothing in the text contradicts it. ``locality``: the text calls it a village, town or camp."""
    if place.precision == "unresolved":
        return None
    small = place.precision == "exact" and _population(gazetteer, place) < settings.small_place
    unit = place.precision == "admin" and fold(place.name or "") != fold(place.admin1 or "")  # a commune, a cercle
    own = {fold(place.admin1 or ""), fold(place.admin2 or "")}
    fuzzy = not gazetteer.candidates(fold(mention))
    if context.anchors and (small or unit) and place.lat is not None and all(
            distance_km(place.lat, place.lon, a.lat, a.lon) > settings.near_km for a in context.anchors):
        return FAR_FROM_ANCHOR  # "the Tabrichat area near Tessalit": the only Tabrichat known is 280 km away
    if locality and unit and context.named_countries and place.country_code not in context.named_countries:
        return "a unit abroad named like the village the text speaks of"  # "the village of Kobe" is not Kobé, Chad
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
                       want_admin: bool = False, locality: bool = False, candidates: list[Candidate] | None = None,
                       settings: PlaceSettings = DEFAULT.places) -> Place:
    """A place mention resolved with what the text says around it. When the text contradicts the gazetteer's
    best candidate (``another_place``) the mention is kept unresolved: a wrong village is worse than none. A
    name left unresolved still gets the region and country of the places named with it."""
    hints = [n for p in context.regions for n in (p.admin1, p.admin2, p.name) if n]
    place = resolve_place(mention, gazetteer, context.countries, want_admin=want_admin, admin=hints,
                          near=[(p.lat, p.lon) for p in context.near], locality=locality,
                          in_area=context.in_area if context.actors else None, candidates=candidates,
                          settings=settings)
    reason = another_place(mention, place, gazetteer, context, settings, locality)
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
                    named: list[str] | None = None, settings: PlaceSettings = DEFAULT.places) -> Place:
    """A place mention of an attack's sentences resolved in their context (``place_context``), with what the
    text calls it ("the village of X", "X region") when the mention is one of their place arguments.
    ``written`` is the text's own spelling when the mention comes from elsewhere (a coder's spelling);
    ``named`` the countries the whole article names (``article_countries``)."""
    written = written or mention
    arg = next((a for f in frames for a in f.places if fold(a.text) == fold(written)), None)
    context = place_context(frames, written, gazetteer, countries, actors, named, settings)
    same_text = arg is not None and fold(arg.text) == fold(mention)
    place = resolve_in_context(mention, gazetteer, context, want_admin=bool(arg and arg.want_admin),
                               locality=bool(arg and arg.locality),
                               candidates=linked(arg, gazetteer) if same_text else None,
                               settings=settings)
    if arg is not None and arg.near and place.precision == "exact":
        place = place.model_copy(update={"precision": "near"})
    return place
