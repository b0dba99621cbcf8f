"""The writer for an output: chosen by format name, or by the file suffix.

In: an output path and optionally a format (``"jsonl"``, ``"csv"``, ``"geojson"``, ``"acled"``). Out: an
unopened ``AtomicWriter`` for it (use it as a context manager). Without a format the suffix decides:
``.csv`` the project's CSV, ``.geojson`` GeoJSON, anything else JSONL; ACLED's CSV is only chosen by name,
since it shares the ``.csv`` suffix.
"""

from __future__ import annotations

import os
from pathlib import Path

from .acled import AcledCsvWriter
from .base import AtomicWriter, JsonlWriter
from .tables import CsvWriter, GeoJsonWriter

#: Writers by format name.
FORMATS: dict[str, type[AtomicWriter]] = {
    "jsonl": JsonlWriter, "csv": CsvWriter, "geojson": GeoJsonWriter, "acled": AcledCsvWriter,
}
_BY_SUFFIX = {".csv": "csv", ".geojson": "geojson"}


def writer_for(path: str | os.PathLike, format: str | None = None) -> AtomicWriter:
    """The writer for an output path: by ``format`` when given, else by suffix (.jsonl default, .csv, .geojson)."""
    if format is None:
        format = _BY_SUFFIX.get(Path(path).suffix.lower(), "jsonl")
    try:
        return FORMATS[format.lower()](path)
    except KeyError:
        raise ValueError(f"unknown output format {format!r}; expected one of {', '.join(FORMATS)}") from None
