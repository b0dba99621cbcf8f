"""Place resolution on ACLED rows at geo_precision 1: the driver of benchmarks/geo_resolution.py.

The measurement lives with its benchmark, outside the library; these tests import it from the benchmarks folder.
Every row below is written for these tests (invented texts and values); the floors are read from ../shared.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def geo():
    """The benchmark module ``benchmarks/geo_resolution.py``."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        return importlib.import_module("geo_resolution")
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


# --- place resolution at geo_precision 1 ---------------------------------------------------------------------

def _geo_row(text, location, admin1, country, admin2=None):
    return {"text": text, "location": location, "admin1": admin1, "admin2": admin2, "country": country,
            "event_date": "2024-05-12", "geo_precision": 1, "is_negative": False}


def test_geo_resolution_scores_and_explains_misses(geo, pipeline):
    rows = [
        _geo_row("On 12 May, gunmen killed two traders at the market in Djibo.", "Djibo", "Sahel", "Burkina Faso"),
        _geo_row("On 12 May, gunmen killed a herder near the village of Kourfagou.", "Kourfagou", "Sahel",
                 "Burkina Faso", "Soum"),
        _geo_row("On 12 May, gunmen killed a herder in Kourfagou, in Soum province.", "Kourfagou", "Centre-Nord",
                 "Burkina Faso", "Soum"),
        {**_geo_row("Protesters marched in Djibo.", "Djibo", "Sahel", "Burkina Faso"), "is_negative": True},
        {**_geo_row("Soldiers patrolled near Djibo.", "Djibo", "Sahel", "Burkina Faso"), "geo_precision": 2},
    ]
    report = geo.geo_resolution(rows, pipeline)
    assert report.rows == 3 and report.gazetteer == "embedded"
    assert (report.resolver.correct, report.end_to_end.correct) == (1, 1)
    assert [cause for cause, _ in report.misses] == ["absent", "region in note"]
    assert report.ceiling == 2 / 3


# Regression floors for the issue-3 benchmark (benchmarks/geo_resolution.py), measured 2026-11-26: resolver
# embedded 0.743 (ceiling 0.743), full 0.903 (ceiling 0.922); end to end 0.714 and 0.850. Minus 0.02.
GEO_FLOORS = {"embedded": (0.723, 0.694), "full": (0.883, 0.83)}


def test_acled_geo_resolution_floors(geo, pipeline, shared, tmp_path):
    import sahel_extract as sx
    from sahel_extract.places.build import build_gazetteer

    path = shared / "eval" / "acled_dev.jsonl"
    embedded = geo.geo_resolution(path, pipeline)
    stats = build_gazetteer([shared / "geonames" / f"{c}.txt" for c in ("ML", "BF", "NE")], tmp_path / "g.sqlite")
    full = geo.geo_resolution(path, sx.Pipeline(gazetteer=stats.out))
    for name, report in (("embedded", embedded), ("full", full)):
        resolver, end_to_end = GEO_FLOORS[name]
        assert report.resolver.value >= resolver and report.end_to_end.value >= end_to_end, (name, report.resolver)
