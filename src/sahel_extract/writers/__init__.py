"""Writers: records, events and error records to files, atomically.

In: an iterable of ``AttackRecord`` (or ``IngestError``, or Event dicts for the ACLED export) and a path.
Out: the file, written to a temporary file beside it and renamed into place only when complete.
Formats: JSONL (``base``), the project's flat CSV and GeoJSON (``tables``), ACLED-compatible CSV
(``acled``, with ``acled_codebook``, ``acled_actors`` and ``acled_notes``); ``writer_for`` picks one
(``registry``).
"""

from __future__ import annotations

from .acled import AcledCsvWriter, acled_event_row, acled_row
from .acled_codebook import ACLED_COLUMNS, ALLOWED
from .base import AtomicWriter, JsonlWriter, to_json_line, write_jsonl
from .registry import FORMATS, writer_for
from .tables import CSV_COLUMNS, CsvWriter, GeoJsonWriter, flatten

__all__ = [
    "ACLED_COLUMNS", "ALLOWED", "AcledCsvWriter", "AtomicWriter", "CSV_COLUMNS", "CsvWriter", "FORMATS",
    "GeoJsonWriter", "JsonlWriter", "acled_event_row", "acled_row", "flatten", "to_json_line", "write_jsonl",
    "writer_for",
]
