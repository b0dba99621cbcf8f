"""The pairwise similarity of two attack records from different articles.

In: two ``AttackRecord`` (through their precomputed ``Features``) and a ``ClusterSettings``. Out: ``None``
when the two cannot be one attack, else a score in [threshold, 1]. The rule is symmetric and looks at the two
records only, so the compatibility graph is a function of the set of records (the base of the order
independence argument in ``index.py``).

Each part gives a level or ``None`` (incompatible); any ``None`` makes the pair incompatible:

- same article: always incompatible (the per-article stage already split its attacks);
- place: "same" (same gazetteer id; or both resolved with coordinates within ``same_place_km``), "name"
  (one side unresolved and the same folded name, countries not conflicting), "near" (a ``near``-precision
  record within ``near_km`` of the other), "fuzzy" (one side unresolved, rapidfuzz ratio >=
  ``fuzzy_name_ratio``, same known country), "contains" (an admin-precision record whose admin1, and admin2
  if given, hold the other place; or the same admin unit on both). Two resolved places farther apart than
  that are different places; a country-precision place matches nothing;
- date: "day" (both pinned, same day), "overlap" (intervals [earliest, latest] overlap), "tolerance"
  (apart by <= ``overnight_days``), "unknown" (one or both undated: no bounds, or wider than
  ``max_interval_days``; the undated record's article was published at most ``unknown_date_days`` after the
  other's interval, or two undated records published that close). Undated pairs need a strong place
  ("same" or "name");
- actor: "same" canonical name, "umbrella" (one's name is the other's affiliation, when
  ``umbrella_actors``), "unknown" (one or both unidentified); two different named actors never match;
- event type: "same", "group" (in one of ``type_groups``), "other" (one side ``other``).

The score is the weighted mean of the levels' scores (``LevelScores``, ``SimilarityWeights``); a pair whose
score is below ``threshold`` is incompatible.

Defaults (``ClusterSettings``): same_place_km 5, near_km 15 (neighbouring villages 10-40 km apart stay
apart), fuzzy_name_ratio 88, overnight_days 1, max_interval_days 31, unknown_date_days 4; weights place 0.4,
date 0.3, actor 0.15, event type 0.15; threshold 0.65. Some pairs with them (all with an unidentified
actor on one side): admin region + same day + same type 0.765 (kept); admin region + overlapping interval +
same type 0.705 (kept); admin region + a day apart + same type 0.615 (rejected); "near" place + a day apart +
same type 0.655 (kept); same place + undated side + grouped type 0.685 (kept); unresolved same name +
undated side + grouped type 0.645 (rejected); close spelling + a day apart + grouped type 0.595 (rejected).

Vague records (``is_vague``: the place is only a country, or an unresolved place with no name) match no
pair above: "gunmen killed six soldiers" in a claim that names no town is no evidence of *which* attack of
that country it tells. ``attachable`` says whether such a record could be a telling of a given record (same
country, date level as above, unknown included; actor and type compatible; another article); the index
attaches it to an event only when exactly one event qualifies (``ClusterSettings.attach_vague``).

``blocking_keys`` gives the keys under which the index files and looks up records, so that only pairs that
could pass are scored (see ``index.py``).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..records import AttackRecord
from ..textnorm import fold
from .models import ClusterSettings

STRONG_PLACES = frozenset({"same", "name"})


@dataclass(frozen=True, slots=True)
class Features:
    """What the similarity reads of a record, folded and parsed once."""

    id: str
    article_id: str
    key: tuple[str, str, str]        # canonical order: published, article id, record id
    published: int | None            # date ordinals
    earliest: int | None             # None when undated (see module docstring)
    latest: int | None
    pinned: bool
    precision: str
    gazetteer_id: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    names: tuple[str, ...]           # folded name and mention
    lat: float | None
    lon: float | None
    actor: str | None
    affiliation: str | None
    event_type: str


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _key(text: str | None) -> str | None:
    return fold(text) or None if text else None


def features(record: AttackRecord, settings: ClusterSettings) -> Features:
    """The record's features; a date interval wider than ``max_interval_days`` is left undated."""
    date, place = record.date, record.place
    earliest, latest = _day(date.earliest), _day(date.latest)
    value = _day(date.value)
    if value is not None:
        earliest = latest = value
    if earliest is None or latest is None or latest < earliest or latest - earliest > settings.max_interval_days:
        earliest = latest = None
    names = tuple(dict.fromkeys(k for k in (_key(place.name), _key(place.mention)) if k))
    published = record.source.published
    return Features(
        id=record.id, article_id=record.source.article_id,
        key=(published or "~", record.source.article_id, record.id), published=_day(published),
        earliest=earliest, latest=latest, pinned=earliest is not None and earliest == latest,
        precision=place.precision, gazetteer_id=place.gazetteer_id,
        country=_key(place.country_code), admin1=_key(place.admin1),
        admin2=_key(place.admin2), names=names, lat=place.lat, lon=place.lon,
        actor=_key(record.actor.name), affiliation=_key(record.actor.affiliation), event_type=record.event_type,
    )


def window(f: Features, settings: ClusterSettings) -> tuple[int, int] | None:
    """Days a compatible record's window must overlap (a superset, for blocking); None: matches nothing."""
    reach = settings.overnight_days + settings.unknown_date_days
    if f.earliest is not None and f.latest is not None:
        return f.earliest - reach, f.latest + reach
    if f.published is not None:
        return f.published - settings.unknown_date_days - reach, f.published + reach
    return None


def _cells(lat: float, lon: float, s: ClusterSettings) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """A point's grid cell (cells of ``near_km`` of latitude; longitude cells the same width in degrees) and
    the cells within ``near_km`` of it (more of them in longitude as the meridians converge)."""
    step = s.near_km / 110.0  # a degree of latitude is at least 110.5 km
    i, j = math.floor(lat / step), math.floor(lon / step)
    widest = math.radians(min(89.0, abs(lat) + step))
    k = math.ceil(1.05 / math.cos(widest))
    return (i, j), [(i + di, j + dj) for di in (-1, 0, 1) for dj in range(-k, k + 1)]


def blocking_keys(f: Features, s: ClusterSettings) -> tuple[set[str], set[str]]:
    """Keys a record is filed under, and keys it looks up: every pair ``score`` can accept shares a key
    (one side's filed key is the other's looked-up key, both ways), so lookups never miss a compatible pair.

    gazetteer id; grid cell of the coordinates (neighbouring cells looked up); folded names; admin1 (only
    admin-precision records look up every place of their admin1; other places look up the admin records);
    country (only unresolved places, for close spellings, look up a whole country).
    """
    filed: set[str] = set()
    looked: set[str] = set()
    if f.gazetteer_id:
        filed.add("g:" + f.gazetteer_id)
        looked.add("g:" + f.gazetteer_id)
    if f.lat is not None and f.lon is not None and f.precision != "admin":
        own, near = _cells(f.lat, f.lon, s)
        filed.add(f"x:{own[0]},{own[1]}")
        looked.update(f"x:{i},{j}" for i, j in near)
    for name in f.names:
        filed.add("n:" + name)
        looked.add("n:" + name)
    if f.admin1:
        filed.add("p:" + f.admin1)
        if f.precision == "admin":
            filed.add("a:" + f.admin1)
            looked.add("p:" + f.admin1)
        else:
            looked.add("a:" + f.admin1)
    if f.country:
        filed.add("c:" + f.country)
        if f.precision == "unresolved":
            filed.add("u:" + f.country)
            looked.add("c:" + f.country)
        else:
            looked.add("u:" + f.country)
    return filed, looked


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _contains(a: Features, b: Features) -> bool:
    """Whether admin-precision ``a`` holds ``b``: same admin1, and same admin2 when ``a`` names one."""
    if a.precision != "admin" or not a.admin1 or a.admin1 != b.admin1:
        return False
    if a.admin2 is None:
        return True
    return a.admin2 == b.admin2 or (b.admin2 is None and a.admin2 in b.names)


def place_level(a: Features, b: Features, s: ClusterSettings) -> str | None:
    if "country" in (a.precision, b.precision):
        return None
    if a.country and b.country and a.country != b.country:
        return None
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return "contains" if a.precision == b.precision == "admin" else "same"
    coords = None not in (a.lat, a.lon, b.lat, b.lon) and "admin" not in (a.precision, b.precision)
    if coords:
        d = km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if d <= s.same_place_km:
            return "same"
        if "near" in (a.precision, b.precision) and d <= s.near_km:
            return "near"
    if _contains(a, b) or _contains(b, a):
        return "contains"
    if coords or "unresolved" not in (a.precision, b.precision):
        return None
    if set(a.names) & set(b.names):
        return "name"
    if a.country and a.country == b.country and any(
            fuzz.ratio(x, y) >= s.fuzzy_name_ratio for x in a.names for y in b.names):
        return "fuzzy"
    return None


def date_level(a: Features, b: Features, s: ClusterSettings) -> str | None:
    if a.earliest is not None and b.earliest is not None:
        gap = max(a.earliest, b.earliest) - min(a.latest, b.latest)  # type: ignore[type-var]
        if gap > s.overnight_days:
            return None
        if a.pinned and b.pinned and gap == 0:
            return "day"
        return "overlap" if gap <= 0 else "tolerance"
    if a.earliest is None and b.earliest is None:
        if a.published is None or b.published is None:
            return None
        return "unknown" if abs(a.published - b.published) <= s.unknown_date_days else None
    dated, undated = (a, b) if a.earliest is not None else (b, a)
    if undated.published is None:
        return None
    lo, hi = undated.published - s.unknown_date_days, undated.published + s.overnight_days
    return "unknown" if dated.earliest <= hi and dated.latest >= lo else None  # type: ignore[operator]


def actor_level(a: Features, b: Features, s: ClusterSettings) -> str | None:
    if a.actor is None or b.actor is None:
        return "unknown"
    if a.actor == b.actor:
        return "same"
    if s.umbrella_actors and (a.actor == b.affiliation or b.actor == a.affiliation):
        return "umbrella"
    return None


def type_level(a: Features, b: Features, s: ClusterSettings) -> str | None:
    if a.event_type == b.event_type:
        return "same"
    if any(a.event_type in g and b.event_type in g for g in s.type_groups):
        return "group"
    if s.other_matches_any and "other" in (a.event_type, b.event_type):
        return "other"
    return None


def is_vague(f: Features) -> bool:
    """A record whose place says only the country (see the module docstring)."""
    return f.country is not None and (f.precision == "country" or (f.precision == "unresolved" and not f.names))


def attachable(vague: Features, other: Features, s: ClusterSettings) -> float | None:
    """Whether the vague record could tell the same attack as ``other`` (a record that is not vague), with the
    pair's weighted score over date, actor and type (place level ``place_country``); None when it cannot."""
    if vague.article_id == other.article_id or vague.country != other.country:
        return None
    date, actor, kind = date_level(vague, other, s), actor_level(vague, other, s), type_level(vague, other, s)
    if date is None or actor is None or kind is None:
        return None
    w, sc = s.weights, s.scores
    total = (w.place * sc.place_country + w.date * getattr(sc, f"date_{date}")
             + w.actor * getattr(sc, f"actor_{actor}") + w.event_type * getattr(sc, f"type_{kind}"))
    return total / (w.place + w.date + w.actor + w.event_type)


def score(a: Features, b: Features, s: ClusterSettings) -> float | None:
    """The pair's score, or None when the two records cannot be one attack (symmetric in ``a``, ``b``)."""
    if a.id > b.id:
        a, b = b, a  # one argument order, so the float arithmetic is the same both ways
    if a.article_id == b.article_id:
        return None
    place = place_level(a, b, s)
    if place is None:
        return None
    date = date_level(a, b, s)
    if date is None or (date == "unknown" and place not in STRONG_PLACES):
        return None
    actor, kind = actor_level(a, b, s), type_level(a, b, s)
    if actor is None or kind is None:
        return None
    w, sc = s.weights, s.scores
    total = (w.place * getattr(sc, f"place_{place}") + w.date * getattr(sc, f"date_{date}")
             + w.actor * getattr(sc, f"actor_{actor}") + w.event_type * getattr(sc, f"type_{kind}"))
    value = total / (w.place + w.date + w.actor + w.event_type)
    return value if value >= s.threshold else None
