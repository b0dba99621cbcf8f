"""The place knowledge base: gazetteer entries, the in-memory gazetteer and place tables.

In: entries (from the embedded tier, a place table or the full GeoNames index). Out: ``GazEntry`` objects and
the ``GazetteerLike`` interface every tier offers (``candidates(key)``, ``keys()``, ``names()``, ``label``):
entries by folded name key (``textnorm.fold``), admin units also without their type word ("Mopti Region" is
found under "mopti"). The admin-unit words come from ``models/patterns/shared/admin_units.jsonl``.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from ..patterns import load_lexicon
from ..textnorm import fold, is_latin


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer place. ``kind`` is ``admin1``, ``admin2``, ``town`` (a populated place) or ``locality``
    (a curated camp, mine, village or site)."""

    id: str
    name: str
    country_code: str
    kind: str
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    names: tuple[str, ...] = ()


#: ``in_area(country_code, admin1)``: whether a place lies where the armed groups a text names operate.
InArea = Callable[[str, "str | None"], bool]


class GazetteerLike(Protocol):
    label: str

    def candidates(self, key: str) -> list[GazEntry]: ...

    def names(self) -> Iterable[str]: ...

    def keys(self) -> list[str]: ...


@lru_cache(maxsize=1)
def admin_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The folded admin-unit words ("region", "cercle", "departement") and the French links that join them to a
    name ("de", "du", "d"): the suffixes and prefixes a unit's name is also found without."""
    lexicon = load_lexicon("en")
    units = frozenset(fold(w) for w in lexicon.phrases("ADMIN_UNIT"))
    links = tuple(sorted({fold(w) for w in lexicon.phrases("ADMIN_LINK")} - {""}, key=len, reverse=True))
    return units, links


def name_keys(name: str, kind: str) -> set[str]:
    """The folded keys a name is found under; admin units also without "Cercle", "Province", "Région de" and
    the like."""
    key = fold(name)
    keys = {key} if key else set()
    if kind in ("admin1", "admin2"):
        units, links = admin_words()
        for unit in units:
            if key.endswith(" " + unit) and len(key) > len(unit) + 3:
                keys.add(key[: -len(unit) - 1].strip())
            for link in links:
                prefix = f"{unit} {link} "
                if key.startswith(prefix) and len(key) > len(prefix) + 2:
                    keys.add(key[len(prefix):].strip())
    return keys


def strip_admin_words(name: str, kind: str) -> list[str]:
    """An admin unit's surface name without a trailing type word ("Mopti Region" -> "Mopti")."""
    if kind not in ("admin1", "admin2"):
        return []
    words = name.split()
    units, _ = admin_words()
    if len(words) > 1 and fold(words[-1]) in units:
        return [" ".join(words[:-1])]
    return []


def usable_alternate(name: str) -> bool:
    """GeoNames alternate names worth matching: Latin script, capitalised, not an airport code."""
    return (len(name) >= 3 and name[0].isupper() and is_latin(name) and not (name.isupper() and len(name) <= 4)
            and not any(ch.isdigit() for ch in name))


class Gazetteer:
    """An in-memory gazetteer: entries indexed by every folded name they are known under."""

    def __init__(self, entries: Iterable[GazEntry], label: str):
        self.label = label
        self._fuzzy = None  # places.candidates.FuzzyIndex, built on the first fuzzy lookup
        self.entries: list[GazEntry] = list(entries)
        self._index: dict[str, list[GazEntry]] = {}
        for entry in self.entries:
            keys: set[str] = set()
            for n in (entry.name, *entry.names):
                keys |= name_keys(n, entry.kind)
            for key in keys:
                self._index.setdefault(key, []).append(entry)

    def candidates(self, key: str) -> list[GazEntry]:
        return self._index.get(key, [])

    def keys(self) -> list[str]:
        return sorted(self._index)

    def names(self) -> Iterator[str]:
        """Every surface name (for the entity ruler), admin units also without their type word."""
        seen: set[str] = set()
        for entry in self.entries:
            for n in (entry.name, *entry.names):
                for variant in {n, *strip_admin_words(n, entry.kind)}:
                    if variant not in seen:
                        seen.add(variant)
                        yield variant

    def __len__(self) -> int:
        return len(self.entries)


#: Columns of a place table (``models/places_curated.tsv``, or a user's settlement list given to
#: ``sahel-extract gazetteer build --places``); the others are optional.
PLACE_TABLE_REQUIRED = ("name", "country_code", "lat", "lon")


_TOWN_FEATURES = {"town", "village", "city", "hamlet", "settlement", "ppl"}


def place_table_entry(row: dict, prefix: str, by_position: bool = False, kind: str | None = None) -> GazEntry:
    """One row of a place table as a gazetteer entry; ValueError when a required column is empty or wrong.
    ``feature`` town/village/hamlet/settlement gives a ``town``, anything else (camp, mine...) a ``locality``.
    The id is ``prefix:CC:name``, with the coordinates too when ``by_position`` (a village register names many
    villages alike in one country); ``kind`` overrides the one ``feature`` gives."""
    values = {k: (row.get(k) or "").strip() for k in ("name", "alternate_names", "country_code", "admin1", "admin2",
                                                     "lat", "lon", "feature", "population")}
    missing = [k for k in PLACE_TABLE_REQUIRED if not values[k]]
    if missing:
        raise ValueError(f"empty {', '.join(missing)}")
    code = values["country_code"].upper()
    if len(code) != 2 or not code.isalpha():
        raise ValueError(f"country_code {values['country_code']!r} is not an ISO alpha-2 code")
    lat, lon = float(values["lat"]), float(values["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    alternates = tuple(a.strip() for a in values["alternate_names"].split("|") if a.strip())
    position = f":{lat:.4f},{lon:.4f}" if by_position else ""
    return GazEntry(
        id=f"{prefix}:{code}:{fold(values['name']).replace(' ', '-')}{position}",
        name=values["name"], country_code=code,
        kind=kind or ("town" if values["feature"].lower() in _TOWN_FEATURES else "locality"),
        admin1=values["admin1"] or None, admin2=values["admin2"] or None, lat=lat, lon=lon,
        population=int(values["population"] or 0), names=alternates,
    )


def read_place_table(lines: Iterable[str], prefix: str, delimiter: str = "\t", by_position: bool = False,
                     kind: str | None = None) -> tuple[list[GazEntry], list[tuple[int, str]]]:
    """The entries of a place table (``place_table_entry``), and the (line number, reason) of each row that
    could not be read."""
    reader = csv.DictReader(lines, delimiter=delimiter)
    missing = [k for k in PLACE_TABLE_REQUIRED if k not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"a place table needs the columns {', '.join(PLACE_TABLE_REQUIRED)}; missing: "
                         f"{', '.join(missing)}")
    entries, bad = [], []
    for row in reader:
        try:
            entries.append(place_table_entry(row, prefix, by_position, kind))
        except (ValueError, TypeError) as exc:
            bad.append((reader.line_num, str(exc)))
    return entries, bad


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def nearest_km(entry: GazEntry, points: Iterable[tuple[float, float]]) -> float | None:
    """The distance from an entry to the nearest of some points, or None when either has no coordinates."""
    if entry.lat is None or entry.lon is None:
        return None
    return min((distance_km(entry.lat, entry.lon, lat, lon) for lat, lon in points), default=None)
