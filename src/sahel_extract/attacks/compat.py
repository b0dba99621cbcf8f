"""Whether two mentions can be the same attack: compatible places and overlapping times.

In: two resolved place mentions (``PlaceArg`` with ``resolved``: a ``Place``) or two resolved times (``TimeArg``
with ``resolved``: an ``EventDate``, and ``key``), and the attack settings. Out: ``True`` (the same place, time),
``False`` (another one) or ``None`` (nothing to compare). Pure functions of the normalised values, never of the
raw strings (DESIGN.md section 1):

- places are the same when they are the same gazetteer entry; one lies inside the other by the admin hierarchy
  (a village and its commune, province or region); one is only a reference point ("near X", "outside X") and the
  other lies within ``near_km`` of it or in its region; both have coordinates within ``same_place_km`` (one place
  under two entries); or, unresolved, their names are spelt alike (``fuzz.ratio`` >= ``name_ratio``);
- times are the same when their date intervals overlap, give or take ``overnight_days`` when one of them is a
  night ("overnight" and "on Sunday", "Saturday night" and "Sunday"); a time that cannot be placed on the calendar
  matches only the same words.
"""

from __future__ import annotations

import datetime as dt

from rapidfuzz import fuzz

from ..frames.mentions import PlaceArg, TimeArg
from ..places.kb import distance_km
from ..settings import DEFAULT, AttackSettings
from ..textnorm import fold


def _names(place) -> set[str]:
    return {fold(n) for n in (place.name, place.admin1, place.admin2) if n}


def _inside(inner, outer) -> bool:
    """The outer place is an admin unit (or a region left unresolved) that holds the inner one."""
    if outer.precision not in ("admin", "unresolved") or not outer.name:
        return False
    if outer.country_code and inner.country_code and outer.country_code != inner.country_code:
        return False
    name = fold(outer.name)
    return name in {fold(n) for n in (inner.admin1, inner.admin2) if n}


def same_place(a: PlaceArg | None, b: PlaceArg | None, settings: AttackSettings = DEFAULT.attacks) -> bool | None:
    """Whether two place mentions can be where one attack happened (see the module docstring)."""
    if a is None or b is None or a.resolved is None or b.resolved is None:
        return None
    pa, pb = a.resolved, b.resolved
    if pa.gazetteer_id and pa.gazetteer_id == pb.gazetteer_id:
        return True
    if _inside(pa, pb) or _inside(pb, pa):
        return True
    near = a.near or b.near or pa.precision == "near" or pb.precision == "near"
    if pa.lat is not None and pb.lat is not None:
        km = distance_km(pa.lat, pa.lon, pb.lat, pb.lon)
        if km <= settings.same_place_km or near and km <= settings.near_km:
            return True
    if pa.precision == "unresolved" or pb.precision == "unresolved":
        na, nb = fold(a.text), fold(b.text)
        short = min(len(na), len(nb))
        if short >= 5 and fuzz.partial_ratio(na, nb) >= settings.name_ratio:
            return True  # "Thiem" and "Theim village": one village spelt two ways
        if near and pa.admin1 and pa.admin1 == pb.admin1 and pa.country_code == pb.country_code:
            return True  # "not far from Konduga" and "near Konduga": one place told by its reference point
    return False


def _interval(time: TimeArg) -> tuple[dt.date, dt.date] | None:
    resolved = time.resolved
    if resolved is None or not getattr(resolved, "earliest", None) or not getattr(resolved, "latest", None):
        return None
    return dt.date.fromisoformat(resolved.earliest), dt.date.fromisoformat(resolved.latest)


def same_time(a: TimeArg | None, b: TimeArg | None, settings: AttackSettings = DEFAULT.attacks) -> bool | None:
    """Whether two time mentions can be when one attack happened (see the module docstring)."""
    if a is None or b is None:
        return None
    ia, ib = _interval(a), _interval(b)
    if ia and ib:
        slack = dt.timedelta(days=settings.overnight_days if a.night or b.night else 0)
        return ia[0] - slack <= ib[1] and ib[0] - slack <= ia[1]
    if a.key is None or b.key is None:
        return None
    return a.key == b.key
