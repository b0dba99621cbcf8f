"""The walker: paths in, a stream of ``Article`` or ``IngestError`` out.

In: files and folders (folders are walked recursively in sorted order, hidden entries skipped).
Out: for each article an ``Article``; for each file or JSONL line that cannot be read an
``IngestError`` with the path and a reason (missing, unreadable, binary, invalid UTF-8, too large,
malformed JSON, empty, unsupported type). Nothing here raises for bad input, so one bad file never
stops a run. Files are read one at a time and JSONL line by line, so memory stays flat.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import IngestError
from .article import Article
from .readers import READERS, SUPPORTED_SUFFIXES, ReadError, read_json_line

DEFAULT_MAX_BYTES = 5_000_000
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | IngestError]:
    """Every file under the given paths, in a deterministic order; a missing path is an error."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        elif path.exists():
            yield path
        else:
            yield IngestError(path=str(path), reason="no such file or folder")


def decode(data: bytes, suffix: str) -> str:
    """UTF-8 text of a file; HTML may declare another charset. Raises ReadError for binary or bad bytes."""
    if b"\x00" in data[:65536]:
        raise ReadError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if suffix in (".html", ".htm"):
            m = _CHARSET.search(data[:4096])
            if m:
                name = m.group(1).decode("ascii").lower()
                try:
                    if codecs.lookup(name).name != "utf-8":
                        return data.decode(name)
                except (LookupError, UnicodeDecodeError):
                    pass
        raise ReadError(f"invalid UTF-8 at byte {exc.start}") from None


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield IngestError(path=str(path), line=number, reason=f"line of {len(raw):,} bytes is over the "
                                  f"{max_bytes:,}-byte article limit")
                continue
            try:
                yield read_json_line(decode(raw, ".jsonl"), str(path), number)
            except ReadError as exc:
                yield IngestError(path=str(path), line=number, reason=str(exc))


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | IngestError]:
    """The articles in one file, or the errors that stop it being read."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield IngestError(path=str(path), reason=f"unsupported file type {suffix or '(no extension)'!r}; "
                          f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield IngestError(path=str(path), reason=f"file of {size:,} bytes is over the {max_bytes:,}-byte "
                              "article limit (raise it with --max-bytes)")
            return
        if size == 0:
            yield IngestError(path=str(path), reason="empty file")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(path=str(path), reason=f"cannot read file: {exc.strerror or exc}")
        return
    try:
        yield from READERS[suffix](decode(data, suffix), str(path))
    except ReadError as exc:
        yield IngestError(path=str(path), reason=str(exc))
    except Exception as exc:  # a parser library failing on hostile input must not stop the run
        yield IngestError(path=str(path), reason=f"could not parse {suffix} file: {type(exc).__name__}: {exc}")


def iter_articles(
    paths: Iterable[str | os.PathLike] | str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | IngestError]:
    """Stream the articles (and ingest errors) under one or more files or folders."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_file(item, max_bytes)
