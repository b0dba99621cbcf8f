"""Resolved mentions: every argument of an article's frames normalised, before mentions are grouped.

In: the frames of one article (``frames``), the ``Article`` (its publication date), the gazetteer, the actor
catalogue and the settings. Out: the same frames with each argument's resolved value filled in:

- a place (``PlaceArg.resolved``): a ``Place`` (gazetteer entry with its admin hierarchy, or unresolved with
  the country and region the text gives), resolved in the context of its own sentence and the countries the
  article is about (``places.context``); its role in the sentence is already on the argument (locative, near,
  a reference point, a seat of government);
- a time (``TimeArg.resolved``, ``TimeArg.key``): an ``EventDate`` interval relative to the publication date,
  and the key two times share when they are the same time (``dates.time_key``);
- a figure (``CasualtyArg.count``): ``(min, max)`` by DESIGN.md's number conventions (``numbers.parse_count``),
  and the source labels of its attribution (``CasualtyArg.sources``, ``sources.normalise_sources`` in the
  article's language; also ``Frame.confirmed_sources``);
- an actor (``ActorArg.entry``): its catalogue entry, when it names one.

The grouping into attacks (``attacks.grouping``) compares these values, never the raw strings.
"""

from __future__ import annotations

from collections import Counter

from ..frames.mentions import Frame
from ..places.context import resolve_mention
from ..places.kb import GazetteerLike
from ..settings import DEFAULT, Settings
from .actors import ActorCatalogue, ActorEntry
from .dates import resolve_date, time_key
from .numbers import parse_count
from .sources import normalise_sources


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


def resolve_frames(frames: list[Frame], published, gazetteer: GazetteerLike, catalogue: ActorCatalogue,
                   settings: Settings = DEFAULT, lang: str = "en", year: int | None = None) -> list[Frame]:
    """Fill the resolved value of every argument of the frames (see the module docstring); returns the frames.
    ``year``: a year the page names (URL, title), to bound the dates when there is no publication date."""
    countries = article_countries(frames)
    for frame in frames:
        actors = [e for e in (catalogue.get(a.name) for a in frame.actors if a.name) if e]
        codes = event_countries([frame], countries, actors)
        for arg in frame.places:
            arg.resolved = resolve_mention([frame], arg.text, gazetteer, codes, actors, named=countries,
                                           settings=settings.places)
        for time in (*frame.times, *frame.report_times):
            time.resolved = resolve_date(time.text, published, lang, year)
            time.key = time_key(time.text, time.resolved, lang)
        for c in frame.casualties:
            c.count = parse_count(c.quantity, lang)
            c.sources = normalise_sources(c.attribution, lang)
        frame.confirmed_sources = normalise_sources(frame.confirmed_by, lang)
        for a in frame.actors:
            a.entry = catalogue.get(a.name) if a.name else None
    return frames
