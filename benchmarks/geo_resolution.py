"""How well the pipeline places ACLED events: admin1 and country agreement at geo_precision 1.

Usage:  python benchmarks/geo_resolution.py [--eval ../shared/eval/acled_dev.jsonl] [--dumps ML.txt BF.txt ...]

For every ACLED development row coded at ``geo_precision`` 1 (the location is the exact place), two figures
are printed, once with the embedded gazetteer and once with a full gazetteer built from the GeoNames dumps:

- resolver: the ACLED ``location`` name resolved the way the pipeline resolves a place
  (``assemble.resolve_mention``), with the context the pipeline finds in the note's own text (the countries
  and the regions and coordinates of the other places it names, the armed groups it names; never ACLED's own
  country or admin fields), compared with ACLED's admin1 and country;
- end to end: the pipeline run on the note (published three days after the event); a row counts when a
  record's place has ACLED's admin1 and country.

Admin1 names are compared case-, accent- and punctuation-insensitively. The evaluation file is read, never
copied (see its README for its terms).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [r for r in map(json.loads, fh) if r.get("geo_precision") == 1 and not r.get("is_negative")]


def same(place, row, fold) -> bool:
    return (place.country or "") == row["country"] and fold(place.admin1 or "") == fold(row["admin1"] or "")


def measure(data: list[dict], gazetteer_path: str | None) -> dict:
    import sahel_extract as sx
    from sahel_extract.assemble import article_countries, event_countries, named_actors, resolve_mention
    from sahel_extract.gazetteer import lookup
    from sahel_extract.ingest import make_article
    from sahel_extract.normalise.actors import default_catalogue
    from sahel_extract.textnorm import fold

    pipe = sx.Pipeline(gazetteer=gazetteer_path)
    gaz, catalogue = pipe.gazetteer, default_catalogue()
    articles = [make_article(r["text"], published=dt.date.fromisoformat(r["event_date"]) + dt.timedelta(days=3))
                for r in data]
    resolver = end_to_end = 0
    misses: list[str] = []
    causes: Counter[str] = Counter()
    start = time.perf_counter()
    docs = pipe.nlp.pipe((a.text for a in articles), batch_size=64)
    for row, article, doc in zip(data, articles, docs, strict=True):
        frames = doc._.attack_frames
        countries = event_countries(frames, article_countries(frames), catalogue)
        written = text_spelling(row["location"], frames, fold)
        place = resolve_mention(frames, row["location"], gaz, countries, named_actors(frames, catalogue), written)
        if same(place, row, fold):
            resolver += 1
        else:
            cause = miss_cause(row, place, gaz, lookup, fold)
            causes[cause] += 1
            misses.append(f"[{cause}] {row['location']!r} -> {place.name!r} {place.admin1!r} {place.country_code!r} "
                          f"(ACLED {row['admin1']!r}, {row['country']!r})")
        records = next(r for r in pipe.process_articles([article])).records
        if any(same(r.place, row, fold) for r in records):
            end_to_end += 1
    seconds = time.perf_counter() - start
    n = len(data)
    reachable = resolver + causes["namesake"] + causes["region in note"]
    return {"gazetteer": gaz.label, "rows": n, "resolver": resolver / n, "end_to_end": end_to_end / n,
            "seconds": seconds, "misses": misses, "causes": causes, "ceiling": reachable / n}


def text_spelling(location: str, frames, fold) -> str | None:
    """The note's own words for ACLED's location when it spells it differently ("Bagagi" for "Bagadji"), so
    that the place is not taken as context for itself."""
    from rapidfuzz import fuzz

    from sahel_extract.normalise.places import sound_key

    best = max((a.text for f in frames for a in f.places), default=None,
               key=lambda t: fuzz.ratio(fold(t), fold(location)))
    if best and (fuzz.ratio(fold(best), fold(location)) >= 80 or sound_key(fold(best)) == sound_key(fold(location))):
        return best
    return None


#: Why a row was missed, from the gazetteer's point of view (ACLED's fields are used here only to diagnose).
CAUSES = {
    "absent": "no place of that name or spelling in ACLED's region in the gazetteer, and the note names no "
              "region of ACLED's",
    "namesake": "the gazetteer also has one in ACLED's region: the wrong namesake was chosen",
    "region in note": "the note names ACLED's region (admin1 or admin2) but the resolution did not use it",
}


def miss_cause(row: dict, place, gaz, lookup, fold) -> str:
    names = {fold(row[k] or "") for k in ("admin1", "admin2")} - {""}
    if any(fold(e.admin1 or "") == fold(row["admin1"] or "") and e.country_code == place_code(row)
           for e, _, _ in lookup(row["location"], gaz, limit=50)):
        return "namesake"
    if any(f" {n} " in f" {fold(row['text'])} " for n in names):
        return "region in note"
    return "absent"


def place_code(row: dict) -> str:
    from sahel_extract.normalise.places import COUNTRY_NAMES

    return next((c for c, n in COUNTRY_NAMES.items() if n == row["country"]), "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=SHARED / "eval" / "acled_dev.jsonl")
    parser.add_argument("--dumps", type=Path, nargs="*",
                        default=[SHARED / "geonames" / f"{c}.txt" for c in ("ML", "BF", "NE")])
    parser.add_argument("--show-misses", type=int, default=15)
    args = parser.parse_args()
    if not args.eval.is_file():
        print(f"no evaluation file at {args.eval}", file=sys.stderr)
        return 2
    data = rows(args.eval)
    results = [measure(data, None)]
    if all(p.is_file() for p in args.dumps):
        from sahel_extract.gazetteer import build_gazetteer

        with tempfile.TemporaryDirectory() as tmp:
            stats = build_gazetteer(args.dumps, Path(tmp) / "gazetteer.sqlite")
            print(f"built full gazetteer from {len(args.dumps)} dumps in {stats.seconds:.1f} s")
            results.append(measure(data, str(stats.out)))
    print(f"\nACLED dev rows at geo_precision 1: {len(data)}")
    print(f"{'gazetteer':<14} {'resolver':>9} {'end to end':>11} {'seconds':>8}")
    for res in results:
        label = "embedded" if res["gazetteer"] == "embedded" else "full GeoNames"
        print(f"{label:<14} {res['resolver']:>9.3f} {res['end_to_end']:>11.3f} {res['seconds']:>8.1f}")
    print("\nresolver misses by cause (ACLED's fields used only to diagnose):")
    for cause, meaning in CAUSES.items():
        print(f"  {cause:<15} {' '.join(str(r['causes'][cause]).rjust(4) for r in results)}   {meaning}")
    print("  ceiling: the resolver share if every namesake and region-in-note miss were fixed: "
          + ", ".join(f"{r['ceiling']:.3f}" for r in results))
    for res in results:
        print(f"\nresolver misses with {res['gazetteer'].split(' (')[0]} ({len(res['misses'])}), first "
              f"{args.show_misses}:")
        for miss in res["misses"][:args.show_misses]:
            print("  ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
