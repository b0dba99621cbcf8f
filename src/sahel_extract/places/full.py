"""The full gazetteer tier: a built GeoNames index, read-only.

In: the SQLite file written by ``places.build.build_gazetteer``. Out: ``FullGazetteer``, the ``GazetteerLike``
interface of ``places.kb`` (``candidates``, ``keys``, ``names``, ``label``), with the curated conflict localities
of the embedded tier (camps such as Boulkessi that GeoNames lacks) and the embedded towns of countries without
a dump merged in, so the rest of the pipeline works on it unchanged. Lookups are cached per key.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .embedded import curated_entries, embedded_gazetteer
from .kb import GazEntry, Gazetteer, strip_admin_words


@lru_cache(maxsize=8)
def supplement(built: frozenset[str]) -> Gazetteer:
    """What the full index adds the embedded tier to: the curated localities everywhere, and the embedded
    towns and regions of the countries whose dumps were not built (a Mali-only index still knows Borno)."""
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
        self._fuzzy = None  # places.candidates.FuzzyIndex, built on the first fuzzy lookup
        self._cached = lru_cache(maxsize=self.CACHE_SIZE)(self._query)
        self.label = f"full: {self.path} ({len(self):,} places)"

    @classmethod
    def open(cls, path: str | os.PathLike | None = None) -> FullGazetteer:
        """Open the index at ``path`` (default: the user data directory); FileNotFoundError when absent."""
        from .paths import default_full_gazetteer_path

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
