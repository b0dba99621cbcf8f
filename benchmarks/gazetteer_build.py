"""Benchmark the full gazetteer: build time, index size, lookup latency, peak memory.

In: GeoNames per-country dumps (default ../shared/geonames/{ML,BF,NE}.txt beside the repository). Out: a
report on stdout. The index is built into a temporary folder and deleted afterwards; nothing is written
into the repository.

    python benchmarks/gazetteer_build.py [DUMP ...] [--exact 5000] [--fuzzy 500] [--seed 13]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sahel_extract.places import lookup, resolve_place
from sahel_extract.places.build import build_gazetteer
from sahel_extract.places.candidates import fuzzy_index
from sahel_extract.places.full import FullGazetteer
from sahel_extract.settings import DEFAULT
from sahel_extract.textnorm import fold

FUZZY_MIN_LENGTH = DEFAULT.places.fuzzy_min_length

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DUMPS = [REPO.parent / "shared" / "geonames" / f"{cc}.txt" for cc in ("ML", "BF", "NE")]


def timed(fn: Callable[[str], object], items: list[str]) -> list[float]:
    """Wall time of ``fn`` on each item, in milliseconds."""
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(label: str, times_ms: list[float]) -> str:
    times = sorted(times_ms)
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
    return (f"{label:<42} n={len(times):>5}  mean {statistics.fmean(times):8.3f} ms  "
            f"p50 {times[len(times) // 2]:8.3f} ms  p99 {p99:8.3f} ms")


def misspell(name: str, rng: random.Random) -> str:
    """A one-edit spelling variant (drop, double or swap a letter inside the name)."""
    i = rng.randrange(1, len(name) - 1)
    op = rng.choice(("drop", "double", "swap"))
    if op == "drop":
        return name[:i] + name[i + 1:]
    if op == "double":
        return name[:i] + name[i] + name[i:]
    return name[:i - 1] + name[i] + name[i - 1] + name[i + 1:]


def sample_names(gaz: FullGazetteer, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """Real place names and their countries, drawn from the index."""
    rows = gaz._conn.execute("SELECT name, country_code FROM places ORDER BY id").fetchall()
    return rng.sample(rows, min(n, len(rows)))


def peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dumps", nargs="*", type=Path, default=DEFAULT_DUMPS, help="GeoNames XX.txt dumps")
    parser.add_argument("--exact", type=int, default=5000, help="number of exact lookups")
    parser.add_argument("--fuzzy", type=int, default=500, help="number of misspelt (fuzzy) lookups")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    missing = [p for p in args.dumps if not p.is_file()]
    if missing:
        parser.error(f"missing dumps: {', '.join(map(str, missing))}")
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="sahel-gaz-") as tmp:
        out = Path(tmp) / "gazetteer.sqlite"
        stats = build_gazetteer(args.dumps, out)
        print(f"dumps: {', '.join(p.name for p in args.dumps)}  "
              f"({sum(p.stat().st_size for p in args.dumps) / 1e6:.1f} MB)")
        print(f"build: {stats.seconds:.2f} s  rows read {stats.rows_read:,}  kept {stats.rows_kept:,}  "
              f"malformed {stats.malformed}  duplicate ids {stats.duplicates}  name keys {stats.keys:,}")
        print("kept per country: " + ", ".join(f"{cc} {n:,}" for cc, n in sorted(stats.kept_by_country.items())))
        print("kept per kind:    " + ", ".join(f"{k} {n:,}" for k, n in sorted(stats.kept_by_kind.items())))
        print(f"index size: {out.stat().st_size / 1e6:.2f} MB")

        start = time.perf_counter()
        gaz = FullGazetteer.open(out)
        print(f"open: {(time.perf_counter() - start) * 1000:.1f} ms  ({gaz.label})")
        start = time.perf_counter()
        n_names = sum(1 for _ in gaz.names())
        print(f"names(): {n_names:,} surface names in {time.perf_counter() - start:.2f} s")

        sample = sample_names(gaz, args.exact, rng)
        keys = [fold(name) for name, _ in sample]
        print(summary("candidates(key), uncached", timed(gaz.candidates, keys)))
        print(summary("candidates(key), cached", timed(gaz.candidates, keys)))
        gaz = FullGazetteer.open(out)  # a fresh cache
        countries = {fold(name): cc for name, cc in sample}
        print(summary("resolve_place(name, [country]), uncached",
                      timed(lambda k: resolve_place(k, gaz, [countries[k]]), keys)))

        gaz = FullGazetteer.open(out)
        start = time.perf_counter()
        lookup("warm up", gaz)  # fuzzy matching loads every key once and indexes their sounds
        index = fuzzy_index(gaz, FUZZY_MIN_LENGTH)
        print(f"fuzzy index: {len(index.keys):,} keys, {len(index.by_sound):,} sounds, built in "
              f"{(time.perf_counter() - start) * 1000:.0f} ms")
        long_names = [(n, cc) for n, cc in sample if len(fold(n)) >= FUZZY_MIN_LENGTH + 1][:args.fuzzy]
        typos = [misspell(n, rng) for n, _ in long_names]
        typo_country = dict(zip(typos, (cc for _, cc in long_names), strict=True))
        print(summary("resolve_place(misspelt name, [country])",
                      timed(lambda t: resolve_place(t, gaz, [typo_country[t]]), typos)))
        print(summary("lookup(misspelt name), all countries", timed(lambda t: lookup(t, gaz), typos)))
        found = sum(1 for t, (n, cc) in zip(typos, long_names, strict=True)
                    if resolve_place(t, gaz, [cc]).name == n)
        print(f"misspelt names resolved back to the original name: {found}/{len(typos)}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
