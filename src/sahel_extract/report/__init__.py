"""The report stage: one self-contained HTML page (map, timeline, table, sources and evidence) that works offline.

In: Event dicts (lines of events.jsonl: they have ``records`` and ``sources``) or AttackRecord dicts (lines of
attacks.jsonl: ``evidence`` and ``source``), in any mix; a record is shown as a one-source event. Missing keys
and nulls are tolerated everywhere. Out: the HTML as a string (``build_report``) or a file written atomically
(``write_report``). Every script and style is inline and the base map (Natural Earth country outlines, shipped in
``models/basemap/``) is drawn as inline SVG, so the page loads nothing; every text from the input is escaped;
the same items give the same bytes, whatever their order.

    from sahel_extract.report import write_report
    write_report(json.loads(line) for line in open("events.jsonl")), "report.html")

Modules: ``items`` (reading the input), ``basemap`` (the shipped outlines and the projection), ``mapsvg`` (map,
legend, unplaced events), ``timeline``, ``page`` (table, cards, document) and ``assets`` (CSS and JS).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .items import read_items
from .page import document

__all__ = ["build_report", "write_report"]


def build_report(items: Iterable[dict], title: str = "sahel-extract report") -> str:
    """The report of ``items`` (Event or AttackRecord dicts) as one HTML document."""
    return document(read_items(items), title)


def write_report(items: Iterable[dict], path: str | os.PathLike, title: str = "sahel-extract report") -> Path:
    """Write the report to ``path`` through a temporary file in the same folder and ``os.replace``."""
    path = Path(path)
    html = build_report(items, title)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
