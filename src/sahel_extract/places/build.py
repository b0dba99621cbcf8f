"""Building the full gazetteer: a compact SQLite index from the GeoNames dumps a user downloads.

In (``build_gazetteer``): paths of GeoNames per-country dumps (read by ``places.geonames``) and optionally place
tables of villages GeoNames lacks, in the columns of ``models/places_curated.tsv``. Out: one SQLite file (by
default ``places.loader.default_full_gazetteer_path()``) with three tables::

    places(id, name, country_code, kind, admin1, admin2, lat, lon, population, names /* JSON list */)
    names(key, place_id)        -- every folded name a place is found under, indexed on key
    meta(k, v)                  -- source files, row counts, build time, GeoNames attribution

The file is read by ``places.full.FullGazetteer``. Data: GeoNames (https://www.geonames.org), CC BY 4.0; the
attribution is stored in the index's ``meta``.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..textnorm import fold
from .geonames import admin_names, check_dump, entry_keys, kind_of, read_dump, to_entry
from .kb import GazEntry, read_place_table
from .paths import default_full_gazetteer_path

log = logging.getLogger(__name__)


ATTRIBUTION = "GeoNames (https://www.geonames.org), CC BY 4.0"


SCHEMA_VERSION = "1"


_SCHEMA = """
CREATE TABLE places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, country_code TEXT NOT NULL, kind TEXT NOT NULL,
    admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0, names TEXT NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, place_id TEXT NOT NULL);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


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
