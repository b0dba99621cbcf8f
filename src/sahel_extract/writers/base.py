"""Atomic output files and the JSONL writer.

In: an iterable of pydantic items (``AttackRecord``, ``IngestError``, events) and a path. Out: the file,
written to a temporary file in the same folder and renamed into place only when complete, so a crash or
an interrupt never leaves a half-written output and never destroys the previous one. ``AtomicWriter`` is
the base of every writer in this package; ``JsonlWriter`` writes one item per line (UTF-8, keys in
schema order, deterministic).
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from pydantic import BaseModel


def to_json_line(item: BaseModel) -> str:
    return json.dumps(item.model_dump(mode="json"), ensure_ascii=False, sort_keys=False)


class AtomicWriter:
    """A text file that appears at ``path`` only when closed without error."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.count = 0
        self._fh: io.TextIOWrapper | None = None
        self._tmp: str | None = None

    def __enter__(self) -> AtomicWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self._start()
        return self

    def _start(self) -> None:
        pass

    def _finish(self) -> None:
        pass

    def write(self, item: BaseModel) -> None:
        raise NotImplementedError

    def write_all(self, items: Iterable[BaseModel]) -> int:
        for item in items:
            self.write(item)
        return self.count

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self._fh is not None and self._tmp is not None
        try:
            if exc_type is None:
                self._finish()
                self._fh.flush()
                os.fsync(self._fh.fileno())
            self._fh.close()
            if exc_type is None:
                os.replace(self._tmp, self.path)
        finally:
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)


class JsonlWriter(AtomicWriter):
    def write(self, item: BaseModel) -> None:
        self._fh.write(to_json_line(item) + "\n")
        self.count += 1

    def write_line(self, line: str) -> None:
        """One item already serialised as ``to_json_line`` would (no newline)."""
        self._fh.write(line + "\n")
        self.count += 1


def write_jsonl(items: Iterable[BaseModel], path: str | os.PathLike) -> int:
    """Write items as JSONL atomically; returns how many were written."""
    with JsonlWriter(path) as writer:
        return writer.write_all(items)
