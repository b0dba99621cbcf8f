"""How well the pipeline places ACLED events: admin1 and country agreement at geo_precision 1.

Usage:  python benchmarks/geo_resolution.py [--eval ../shared/eval/acled_dev.jsonl] [--dumps ML.txt BF.txt ...]
                                            [--show-misses N]

For every ACLED development row coded at ``geo_precision`` 1 (the location is the exact place), the
figures of ``geo_resolution`` (below) are printed, once with the embedded gazetteer and once with a full
gazetteer built from the GeoNames dumps (in a temporary folder):

- resolver: ACLED's ``location`` resolved the way the pipeline resolves a place, in the context the pipeline
  finds in the note's own text (never ACLED's own country or admin fields), compared with ACLED's admin1 and
  country;
- end to end: the pipeline run on the note; a row counts when one of its records has ACLED's admin1 and
  country;
- the misses by cause, and the ceiling: the resolver share if every wrong namesake and unused region were
  fixed, i.e. what the gazetteer's coverage allows.

The evaluation file is read, never copied (see its README for its terms). ``tests/test_geo_resolution.py``
imports this module (``geo_resolution``, ``GeoReport``, ``GEO_MISS_CAUSES``) to keep its figures above floors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sahel_extract.evaluation import ACLED_PUBLISHED_DELAY, Ratio
from sahel_extract.ingest import make_article
from sahel_extract.normalise.actors import default_catalogue
from sahel_extract.textnorm import fold

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# --- the measurement: place resolution on ACLED rows at geo_precision 1 ----------------------------------------

#: Why a row was missed, from the gazetteer's point of view (ACLED's fields are read only to diagnose).
GEO_MISS_CAUSES = {
    "absent": "no place of that name or spelling in ACLED's region in the gazetteer, and the note names no "
              "region of ACLED's",
    "namesake": "the gazetteer also has one in ACLED's region: the wrong namesake was chosen",
    "region in note": "the note names ACLED's region (admin1 or admin2) but the resolution did not use it",
}


@dataclass
class GeoReport:
    """How well places are resolved on ACLED rows coded at ``geo_precision`` 1 (``geo_resolution``)."""

    gazetteer: str
    rows: int
    resolver: Ratio
    end_to_end: Ratio
    misses: list[tuple[str, str]] = field(default_factory=list)  # (cause, description)

    @property
    def causes(self) -> dict[str, int]:
        return {c: sum(1 for cause, _ in self.misses if cause == c) for c in GEO_MISS_CAUSES}

    @property
    def ceiling(self) -> float:
        """The resolver share if every wrong namesake and unused region were fixed: what the gazetteer allows."""
        fixable = self.causes["namesake"] + self.causes["region in note"]
        return (self.resolver.correct + fixable) / self.rows if self.rows else 0.0


def _geo_rows(path_or_rows: str | os.PathLike | Iterable[dict]) -> list[dict]:
    rows = (json.loads(line) for line in open(path_or_rows, encoding="utf-8")) if isinstance(
        path_or_rows, (str, os.PathLike)) else path_or_rows
    return [r for r in rows if r.get("geo_precision") == 1 and not r.get("is_negative")]


def _same_place(place: Any, row: dict) -> bool:
    return (place.country or "") == row["country"] and fold(place.admin1 or "") == fold(row["admin1"] or "")


def text_spelling(location: str, frames: Sequence[Any]) -> str | None:
    """The note's own words for a coder's location when they spell it differently ("Bagagi" for "Bagadji"),
    so that the place is not taken as context for itself."""
    from rapidfuzz import fuzz

    from sahel_extract.places import sound_key

    texts = [a.text for f in frames for a in f.places]
    best = max(texts, default=None, key=lambda t: fuzz.ratio(fold(t), fold(location)))
    if best and (fuzz.ratio(fold(best), fold(location)) >= 80 or sound_key(fold(best)) == sound_key(fold(location))):
        return best
    return None


def _geo_miss_cause(row: dict, gazetteer: Any) -> str:
    from sahel_extract.places import COUNTRY_NAMES, lookup

    code = next((c for c, n in COUNTRY_NAMES.items() if n == row["country"]), "")
    if any(fold(e.admin1 or "") == fold(row["admin1"] or "") and e.country_code == code
           for e, _, _ in lookup(row["location"], gazetteer, limit=50)):
        return "namesake"
    names = {fold(row.get(k) or "") for k in ("admin1", "admin2")} - {""}
    if any(f" {n} " in f" {fold(row['text'])} " for n in names):
        return "region in note"
    return "absent"


def geo_resolution(path_or_rows: str | os.PathLike | Iterable[dict], pipeline: Any) -> GeoReport:
    """Place resolution on ACLED rows at ``geo_precision`` 1 (the location is the exact place).

    - resolver: ACLED's ``location`` resolved the way the pipeline resolves a place
      (``places.context.resolve_mention``), in the context the pipeline finds in the note itself (its countries,
      the regions and coordinates of the other places it names, the armed groups it names; never ACLED's own
      country or admin fields); right when admin1 and country agree with ACLED's (folded);
    - end to end: the pipeline run on the note (published ``ACLED_PUBLISHED_DELAY`` after the event); right
      when one of its records has ACLED's admin1 and country.

    Each resolver miss gets a cause (``GEO_MISS_CAUSES``), read with ACLED's fields for diagnosis only.
    """
    from sahel_extract.attacks import build_records, group_frames
    from sahel_extract.attacks.actor_choice import named_actors
    from sahel_extract.normalise.mentions import article_countries, event_countries, resolve_frames
    from sahel_extract.places.context import resolve_mention

    rows = _geo_rows(path_or_rows)
    gaz, catalogue = pipeline.gazetteer, default_catalogue()
    articles = [make_article(r["text"], published=dt.date.fromisoformat(r["event_date"]) + ACLED_PUBLISHED_DELAY)
                for r in rows]
    report = GeoReport(gazetteer=gaz.label, rows=len(rows), resolver=Ratio(), end_to_end=Ratio())
    docs = pipeline.nlp.pipe(a.text for a in articles)
    for row, article, doc in zip(rows, articles, docs, strict=True):
        frames = resolve_frames(doc._.frames, article.published, gaz, catalogue, pipeline.settings)
        named = article_countries(frames)
        actors = named_actors(frames, catalogue)
        place = resolve_mention(frames, row["location"], gaz, event_countries(frames, named, actors), actors,
                                text_spelling(row["location"], frames), named)
        right = _same_place(place, row)
        report.resolver.add(right)
        if not right:
            report.misses.append((_geo_miss_cause(row, gaz),
                                  f"{row['location']!r} -> {place.name!r} {place.admin1!r} {place.country_code!r} "
                                  f"(ACLED {row['admin1']!r}, {row['country']!r})"))
        records = build_records(group_frames(frames), frames, article, gaz, catalogue)  # what `run` writes for it
        report.end_to_end.add(any(_same_place(r.place, row) for r in records))
    return report


# --- the benchmark ----------------------------------------------------------------------------------------------


def measure(eval_path: Path, gazetteer_path: str | None):
    import sahel_extract as sx

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
    results = [("embedded", *measure(args.eval, None))]
    if all(p.is_file() for p in args.dumps):
        from sahel_extract.places.build import build_gazetteer

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
