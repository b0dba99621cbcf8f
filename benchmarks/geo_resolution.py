"""How well the pipeline places ACLED events: admin1 and country agreement at geo_precision 1.

Usage:  python benchmarks/geo_resolution.py [--eval ../shared/eval/acled_dev.jsonl] [--dumps ML.txt BF.txt ...]
                                            [--show-misses N]

For every ACLED development row coded at ``geo_precision`` 1 (the location is the exact place), the
figures of ``sahel_extract.evaluation.geo_resolution`` are printed, once with the embedded gazetteer and
once with a full gazetteer built from the GeoNames dumps (in a temporary folder):

- resolver: ACLED's ``location`` resolved the way the pipeline resolves a place, in the context the pipeline
  finds in the note's own text (never ACLED's own country or admin fields), compared with ACLED's admin1 and
  country;
- end to end: the pipeline run on the note; a row counts when one of its records has ACLED's admin1 and
  country;
- the misses by cause, and the ceiling: the resolver share if every wrong namesake and unused region were
  fixed, i.e. what the gazetteer's coverage allows.

The evaluation file is read, never copied (see its README for its terms).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def measure(eval_path: Path, gazetteer_path: str | None):
    import sahel_extract as sx
    from sahel_extract.evaluation import geo_resolution

    pipe = sx.Pipeline(gazetteer=gazetteer_path)
    start = time.perf_counter()
    report = geo_resolution(eval_path, pipe)
    return report, time.perf_counter() - start


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
    from sahel_extract.evaluation import GEO_MISS_CAUSES

    results = [("embedded", *measure(args.eval, None))]
    if all(p.is_file() for p in args.dumps):
        from sahel_extract.gazetteer import build_gazetteer

        with tempfile.TemporaryDirectory() as tmp:
            stats = build_gazetteer(args.dumps, Path(tmp) / "gazetteer.sqlite")
            print(f"built full gazetteer from {len(args.dumps)} dumps in {stats.seconds:.1f} s")
            results.append(("full GeoNames", *measure(args.eval, str(stats.out))))
    print(f"\nACLED dev rows at geo_precision 1: {results[0][1].rows}")
    print(f"{'gazetteer':<14} {'resolver':>16} {'end to end':>16} {'ceiling':>8} {'seconds':>8}")
    for label, report, seconds in results:
        print(f"{label:<14} {str(report.resolver):>16} {str(report.end_to_end):>16} {report.ceiling:>8.3f} "
              f"{seconds:>8.1f}")
    print("\nresolver misses by cause (ACLED's fields read only to diagnose):")
    for cause, meaning in GEO_MISS_CAUSES.items():
        counts = " ".join(str(r.causes[cause]).rjust(4) for _, r, _ in results)
        print(f"  {cause:<15}{counts}   {meaning}")
    for label, report, _ in results:
        print(f"\nresolver misses with the {label} gazetteer ({len(report.misses)}), first {args.show_misses}:")
        for cause, miss in report.misses[:args.show_misses]:
            print(f"   [{cause}] {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
