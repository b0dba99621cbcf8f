"""JSON lines for the events stage, independent of the record writers.

In: pydantic models, or already serialised lines, and a path. Out: ``json_line`` (one model as one line of
JSON: schema key order, UTF-8 kept, so equal models give byte-identical lines) and ``write_lines`` (a file
written atomically: a temporary file beside the target, then a rename, so a killed run leaves the old file).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel


def json_line(item: BaseModel) -> str:
    return json.dumps(item.model_dump(mode="json"), ensure_ascii=False)


def write_lines(path: str | os.PathLike, lines: Iterable[str]) -> int:
    """Write lines (without their newline) to ``path`` atomically; returns how many."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    count = 0
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for line in lines:
                fh.write(line + "\n")
                count += 1
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return count
