"""The walker: paths in, a stream of ``Article`` or ``IngestError`` out.

In: files and folders (folders are walked recursively in sorted order, hidden entries skipped).
Out: for each article an ``Article``; for each file or JSONL line that cannot be read an
``IngestError`` with the path and a reason (missing, unreadable, binary, invalid UTF-8, too large,
malformed JSON, empty, unsupported type, not a regular file, symbolic link loop). Nothing here raises
for bad input, so one bad file never stops a run. Files are read one at a time and JSONL line by line
(each line read up to the size limit, the rest of an over-long line skipped unread), so memory stays flat.

Hostile file systems: a FIFO, socket or device is reported, never opened for a blocking read (a path
is checked with ``stat`` before it is opened, opened non-blocking, and checked again with ``fstat``);
a symbolic link to a folder is reported and not followed (so a link to its own parent cannot loop the
walk, and a link to ``/`` cannot walk the machine); a file link that loops, a broken link, a file
removed between the walk and the read, and an unreadable file or folder are each an error record with
the reason.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import IngestError
from .article import Article
from .readers import MAX_ITEM_ERRORS, READERS, SUPPORTED_SUFFIXES, ReadError, read_json_line

DEFAULT_MAX_BYTES = 5_000_000
_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_SKIP_CHUNK = 1 << 20


def shown(path: str | os.PathLike) -> str:
    """The path as text for records: undecodable bytes in a file name are written as ``\\xNN`` escapes
    (a name that is not UTF-8 must not make the error or record files unwritable)."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "an unknown kind of file"


def _os_reason(exc: OSError, path: str | os.PathLike, *, listed: bool) -> str:
    """Why a path cannot be opened, in words a user can act on."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(path):
            try:
                target = shown(os.readlink(path))
            except OSError:
                target = "?"
            return f"broken symbolic link (its target {target!r} does not exist)"
        return ("file disappeared after the folder was listed, before it could be read" if listed
                else "no such file or folder")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read file: permission denied"
    return f"cannot read file: {exc.strerror or exc}"


def _walk(top: Path) -> Iterator[Path | IngestError]:
    """The files under one folder, sorted; links to folders and unreadable folders are error records."""
    failed: list[OSError] = []

    def errors() -> Iterator[IngestError]:
        while failed:
            exc = failed.pop(0)
            where = exc.filename if exc.filename is not None else top
            yield IngestError(path=shown(where), reason=f"cannot read folder: {exc.strerror or exc}")

    # followlinks=False (the default, spelled out): a link to a folder is reported below, never walked
    for root, dirs, files in os.walk(top, onerror=failed.append, followlinks=False):
        yield from errors()
        entries: list[tuple[str, Path | IngestError]] = []
        walk_into = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue
            full = Path(root) / name
            if os.path.islink(full):
                entries.append((name, IngestError(path=shown(full), reason="symbolic link to a folder: not "
                                                  "followed (pass the folder itself to read it)")))
            else:
                walk_into.append(name)
        dirs[:] = walk_into
        entries.extend((name, Path(root) / name) for name in files if not name.startswith("."))
        for _, item in sorted(entries, key=lambda entry: entry[0]):
            yield item
    yield from errors()


def iter_files(paths: Iterable[str | os.PathLike | IngestError]) -> Iterator[Path | IngestError]:
    """Every file under the given paths, in a deterministic order; a missing path is an error. An
    ``IngestError`` among the paths (one found by an earlier walk) passes through in its place."""
    for raw in paths:
        if isinstance(raw, IngestError):
            yield raw
            continue
        path = Path(raw)
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            yield IngestError(path=shown(path), reason=_os_reason(exc, path, listed=False))
            continue
        except ValueError as exc:  # e.g. an embedded NUL in the name
            yield IngestError(path=shown(path), reason=f"invalid path: {exc}")
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        else:
            yield path


def decode(data: bytes, suffix: str) -> str:
    """UTF-8 text of a file (UTF-16 with a byte-order mark too); HTML may declare another charset.
    Raises ReadError for binary or bad bytes."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) and data[:4] != codecs.BOM_UTF32_LE:
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError("invalid UTF-16 (the file starts with a UTF-16 byte-order mark)") from None
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


def _read_jsonl(fh, where: str, max_bytes: int) -> Iterator[Article | IngestError]:
    """One article per line; a line over ``max_bytes`` is skipped without being held in memory. At most
    ``MAX_ITEM_ERRORS`` bad lines are listed one by one, the rest in one closing record, so a file of a
    million broken lines gives a readable errors file and holds no million error records in memory."""
    number = 0
    content = False
    listed = 0
    more = [0, 0, 0]  # count, first and last line number of the bad lines past the limit

    def bad(line: int, reason: str) -> Iterator[IngestError]:
        nonlocal listed
        if listed < MAX_ITEM_ERRORS:
            listed += 1
            yield IngestError(path=where, line=line, reason=reason)
        else:
            more[0] += 1
            more[1] = more[1] or line
            more[2] = line

    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            break
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw)
            while True:  # skip the rest of the over-long line
                chunk = fh.readline(_SKIP_CHUNK)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            content = True
            yield from bad(number, f"line of {size:,} bytes is over the {max_bytes:,}-byte article limit")
            continue
        if not raw.strip():
            continue
        content = True
        try:
            yield read_json_line(decode(raw, ".jsonl"), where, number)
        except ReadError as exc:
            yield from bad(number, str(exc))
    if more[0]:
        yield IngestError(path=where, reason=f"{more[0]:,} more lines that are not articles (lines {more[1]:,} to "
                          f"{more[2]:,}); only the first {MAX_ITEM_ERRORS:,} are listed")
    if not content:
        yield IngestError(path=where, reason="empty file" if number == 0 else "empty file: only blank lines")


def _open(path: Path) -> int:
    """A descriptor for a regular file, opened without blocking (a FIFO would block a plain open)."""
    return os.open(path, _OPEN_FLAGS)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | IngestError]:
    """The articles in one file, or the errors that stop it being read."""
    where = shown(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield IngestError(path=where, reason=f"unsupported file type {suffix or '(no extension)'!r}; "
                          f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
        return
    try:
        yield from _read_file(path, where, suffix, max_bytes)
    except Exception as exc:  # a last guard: no input may stop the run
        yield IngestError(path=where, reason=f"could not read the {suffix} file: {type(exc).__name__}: {exc}")


def _read_file(path: Path, where: str, suffix: str, max_bytes: int) -> Iterator[Article | IngestError]:
    try:
        mode = os.stat(path).st_mode  # never open a FIFO or a device at all
        if not stat.S_ISREG(mode):
            yield IngestError(path=where, reason=f"{_kind(mode)}, not a regular file: skipped")
            return
        fd = _open(path)
    except OSError as exc:
        yield IngestError(path=where, reason=_os_reason(exc, path, listed=True))
        return
    with os.fdopen(fd, "rb") as fh:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):  # replaced between the stat and the open
                yield IngestError(path=where, reason=f"{_kind(info.st_mode)}, not a regular file: skipped")
                return
            if suffix == ".jsonl":
                yield from _read_jsonl(fh, where, max_bytes)
                return
            if info.st_size > max_bytes:
                yield IngestError(path=where, reason=f"file of {info.st_size:,} bytes is over the {max_bytes:,}-byte "
                                  "article limit (raise it with --max-bytes)")
                return
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            yield IngestError(path=where, reason=f"cannot read file: {exc.strerror or exc}")
            return
    if not data:
        yield IngestError(path=where, reason="empty file")
        return
    if len(data) > max_bytes:  # the file grew after the stat
        yield IngestError(path=where, reason=f"file of over {max_bytes:,} bytes is over the article limit "
                          "(raise it with --max-bytes)")
        return
    try:
        items = READERS[suffix](decode(data, suffix), where)
    except ReadError as exc:
        yield IngestError(path=where, line=exc.line, reason=str(exc))
        return
    for item in items:
        if isinstance(item, ReadError):
            yield IngestError(path=where, line=item.line, reason=str(item))
        else:
            yield item


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
