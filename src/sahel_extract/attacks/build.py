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

from ..ingest import Article
from ..normalise.actors import ActorCatalogue, ActorEntry
from ..normalise.mentions import article_countries, event_countries
from ..places.context import resolve_mention
from ..places.countries import COUNTRY_NAMES
from ..places.kb import GazetteerLike
from ..records import Actor, AttackRecord, Casualties, EventDate, Evidence, Place, Source, record_id
from ..settings import DEFAULT, Settings
from .actor_choice import choose_actor, named_actors, regional_affiliate
from .event_type import event_type, target
from .model import EventMention
from .tolls import build_casualties


def resolve_event_place(event: EventMention, gazetteer: GazetteerLike, countries: list[str],
                        actors: list[ActorEntry] | None = None, named: list[str] | None = None,
                        settings: Settings = DEFAULT) -> Place:
    """The place of an attack: its place argument resolved in context, else the country it happened in."""
    arg = event.place
    if arg is None:
        if countries:
            code = countries[0]
            return Place(name=COUNTRY_NAMES[code], mention=None, country=COUNTRY_NAMES[code], country_code=code,
                         precision="country")
        return Place()
    return resolve_mention(event.frames, arg.text, gazetteer, countries, actors, named=named,
                           settings=settings.places)


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


def build_records(events: list[EventMention], frames, article: Article, gazetteer: GazetteerLike,
                  catalogue: ActorCatalogue, settings: Settings = DEFAULT) -> list[AttackRecord]:
    """The attack records of one article, in text order."""
    countries = article_countries(frames)
    records: list[AttackRecord] = []
    for event in events:
        actors = named_actors(event.frames, catalogue)
        codes = event_countries(event.frames, countries, actors)
        place = resolve_event_place(event, gazetteer, codes, actors, countries, settings)
        time = event.time
        date = time.resolved if time is not None and time.resolved is not None else EventDate(
            latest=article.published.isoformat() if article.published else None)
        if is_history(date, article.published, settings):
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
                          attributed_to=sources),
            evidence=[Evidence(text=t, start=s, end=e) for s, e, t in event.evidence],
            confidence=confidence(actor, place, date, casualties, event),
        ))
    return records
