"""Records: the attacks of one article to ``AttackRecord`` objects, every field normalised.

In: the attacks of one article (``attacks.grouping``), its frames, the ``Article`` (publication date,
metadata), the gazetteer, the actor catalogue and the settings. Out: ``AttackRecord`` objects in text order,
with the evidence sentences (character offsets into the article) that support them.

The attack's place is its place argument resolved in the context of the attack's own sentences (the regions
and towns they name, the groups they name), else the country it happened in; an attack whose date ends more
than ``Settings.attacks.history_days`` before publication is history told as context, not news, and gives no
record. Actor (``actor_choice``), casualties (``tolls``), event type and target (``event_type``) each have
their module.
"""

from __future__ import annotations

import datetime as dt

from ..frames.mentions import PlaceArg
from ..ingest import Article
from ..normalise.actors import ActorCatalogue, ActorEntry
from ..normalise.dates import resolve_date
from ..normalise.mentions import article_countries, event_countries
from ..places.context import resolve_mention
from ..places.countries import COUNTRY_NAMES
from ..places.kb import GazetteerLike
from ..records import Actor, AttackRecord, Casualties, EventDate, Evidence, Place, Source, record_id
from ..settings import DEFAULT, Settings
from ..textnorm import fold
from .actor_choice import choose_actor, named_actors, regional_affiliate
from .event_type import event_type, target
from .grouping import place_key
from .model import EventMention
from .tolls import build_casualties


def resolve_event_place(event: EventMention, gazetteer: GazetteerLike, countries: list[str],
                        actors: list[ActorEntry] | None = None, named: list[str] | None = None,
                        settings: Settings = DEFAULT) -> Place:
    """The place of an attack: its own place argument resolved in context, else the country it happened in.

    The attack's own place is the most specific one its sentences give (``_own_place``): a region told first
    ("killed in Borno State") gives way to the town inside it a later sentence names ("an attack on the
    state's Damboa area"), and a town the text only puts the attack near ("near Gao") to the village it
    names as the scene ("close to the village of Kobe, some 30 km from Gao")."""
    arg = _own_place(event)
    if arg is None:
        # the country the text names, else that of the report's dateline or of the hospital town ("NIAMEY: ...")
        seats = [p.resolved.country_code for f in event.frames for p in f.places if p.seat and p.resolved is not None
                 and p.resolved.country_code in COUNTRY_NAMES]
        if countries or seats:
            code = (countries or seats)[0]
            return Place(name=COUNTRY_NAMES[code], mention=None, country=COUNTRY_NAMES[code], country_code=code,
                         precision="country")
        return Place()
    return resolve_mention(event.frames, arg.text, gazetteer, countries, actors, named=named,
                           settings=settings.places)


def _level(arg: PlaceArg) -> int:
    """How wide a place mention is: 3 a region (admin1), 2 a province or commune (admin2), 1 a town the attack
    was only near, 0 a locality."""
    place = arg.resolved
    if place is None or place.precision in ("exact", "near", "unresolved"):
        return 2 if arg.want_admin and (place is None or place.precision != "exact") else int(arg.near)
    if place.precision == "admin":
        return 3 if fold(place.name or "") == fold(place.admin1 or "") else 2
    return 4


def _inside(arg: PlaceArg, wider: PlaceArg) -> bool:
    """Whether a place lies inside a wider admin unit: its admin1 or admin2 is that unit, or, left unresolved, it
    takes that unit's admin1 from the text around it ("in Margba village, Tone prefecture")."""
    place, unit = arg.resolved, wider.resolved
    if place is None or unit is None or unit.precision != "admin":
        return False
    names = {fold(unit.name or ""), fold(unit.mention or "")} - {""}
    if {fold(place.admin1 or ""), fold(place.admin2 or "")} & names:
        return True
    return place.precision == "unresolved" and bool(place.admin1) and place.country_code == unit.country_code \
        and fold(place.admin1) == fold(unit.admin1 or "")


def _own_place(event: EventMention) -> PlaceArg | None:
    """The most specific place of an attack's sentences: starting from ``EventMention.place``, a locality inside
    its region, or the village a sentence puts near its town, replaces it (``_level``, ``_inside``, the
    frames' ``near_pairs``)."""
    chosen = event.place
    frames = [f for f in event.frames if not f.history]
    for _ in range(3):
        if chosen is None:
            return None
        key = place_key(chosen)
        better = None
        for frame in frames:
            usable = [p for p in frame.places if not (p.reference or p.seat or p.detached) and p is not chosen]
            near = [frame.places[i] for i, j in sorted(frame.near_pairs) if place_key(frame.places[j]) == key]
            better = next((p for p in near if p in usable), None) or next(
                (p for p in usable if _level(p) < _level(chosen) and _inside(p, chosen)
                 and place_key(p) != key), None)
            if better is not None:
                break
        if better is None:
            return chosen
        chosen = better
    return chosen


def confidence(actor: Actor, place: Place, date: EventDate, casualties: Casualties, event: EventMention) -> float:
    """A rough 0-1 score of how complete the record is: a named actor, a precise place, a pinned day, a toll."""
    score = 0.3
    score += 0.15 if actor.name else (0.05 if actor.mention else 0)
    score += {"exact": 0.2, "near": 0.15, "admin": 0.1, "country": 0.03, "unresolved": 0.05}.get(place.precision, 0)
    score += 0.15 if date.precision == "day" else (0.05 if date.mention else 0)
    score += 0.1 if casualties.reports else 0
    score += 0.05 if any(not t.weak for t in event.triggers) else 0
    return round(min(score, 0.99), 2)


def is_history(date: EventDate, published: dt.date | None, settings: Settings = DEFAULT) -> bool:
    """An attack that ended more than ``history_days`` before publication: background, not news."""
    if not published or not date.latest or date.precision == "unknown":
        return False
    return dt.date.fromisoformat(date.latest) < published - dt.timedelta(days=settings.attacks.history_days)


_DAY_LABELS = ("DATE", "WEEKDAY", "RELATIVE")


def is_background_to(event: EventMention, date: EventDate, place: Place, main: tuple[EventMention, EventDate],
                     settings: Settings = DEFAULT) -> bool:
    """A later-told attack that is background to the article's first one (its main subject): it ended more than
    ``background_days_before_main`` before the first began; or the first is told to the day and this one only by
    a month or a year ("In December, 28 people were killed"); or it is placed in no more than a country and
    dated to no day ("the insurgency has killed thousands in Nigeria")."""
    main_event, main_date = main
    if date.latest and main_date.earliest and dt.date.fromisoformat(date.latest) < dt.date.fromisoformat(
            main_date.earliest) - dt.timedelta(days=settings.attacks.background_days_before_main):
        return True
    time, main_time = event.time, main_event.time
    if time is not None and time.label in ("MONTH", "YEAR") and main_time is not None and \
            main_time.label in _DAY_LABELS:
        return True
    return place.precision in ("country", "unresolved") and not place.admin1 and date.precision != "day"


def build_records(events: list[EventMention], frames, article: Article, gazetteer: GazetteerLike,
                  catalogue: ActorCatalogue, settings: Settings = DEFAULT) -> list[AttackRecord]:
    """The attack records of one article, in text order. The first attack told that is not history (or that the
    headline tells) is the article's subject; the others are dropped when they are history (``is_history``) or
    background to it (``is_background_to``)."""
    countries = article_countries(frames)
    records: list[AttackRecord] = []
    main: tuple[EventMention, EventDate] | None = None
    for event in events:
        actors = named_actors(event.frames, catalogue)
        codes = event_countries(event.frames, countries, actors)
        place = resolve_event_place(event, gazetteer, codes, actors, countries, settings)
        time = event.time
        date = time.resolved if time is not None and time.resolved is not None else resolve_date(
            None, article.published, article.language, article.year_hint)
        if main is None and (not is_history(date, article.published, settings) or any(f.summary for f in event.frames)):
            main = (event, date)  # the article's subject, however old when its headline tells it (a retrospective)
        elif is_history(date, article.published, settings) or main and is_background_to(event, date, place, main,
                                                                                        settings):
            continue
        actor = choose_actor(event, catalogue, place.country_code or (codes or [None])[0], settings.attacks)
        actor = regional_affiliate(actor, place, catalogue)
        casualties, sources, reports = build_casualties(event, actor, catalogue)
        spans = [(s, e) for s, e, _ in event.evidence]
        records.append(AttackRecord(
            id=record_id(article.id, spans),
            event_type=event_type(event, casualties, actor.kind, settings.attacks),
            actor=actor,
            target=target(event, reports),
            place=place,
            date=date,
            casualties=casualties,
            source=Source(article_id=article.id, path=article.path, url=article.url, title=article.title,
                          publisher=article.publisher,
                          published=article.published.isoformat() if article.published else None,
                          published_from=article.published_from, language=article.language,
                          attributed_to=sources),
            evidence=[Evidence(text=t, start=s, end=e) for s, e, t in event.evidence],
            confidence=confidence(actor, place, date, casualties, event),
        ))
    return records
