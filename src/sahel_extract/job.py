"""The main job: files and folders in, a records file and an errors file out, resumable and incremental.

In: a ``Pipeline``, input paths, an output path (and its format), and whether to resume. Out: the output file
(records of every article, in input order), the errors file (``IngestError`` items, in input order) and a state
file beside the output (``OUTPUT.state.jsonl``), plus a ``JobSummary``.

The state file is the job's journal: a header line (the settings the records depend on), then one line per
article processed (its content hash and its records), per error, and per input file finished (its size and
modification time). Each line is flushed as soon as its article is done (and synced to disk every few seconds), so
a run killed at any moment, SIGKILL included, leaves a journal whose complete lines are exactly the work done;
an unfinished last line is cut off on resume. The output and errors files are written from the journal, in
journal order, atomically (``writers.AtomicWriter``), only when the run completes, so a reader never sees a
half-written line and an earlier complete output stays in place until the new one is whole.

With ``resume``, a journal written with the same settings is continued: files finished and unchanged are not read
again, articles already processed (by content hash) are not processed again, errors already recorded are not
recorded twice. A run killed halfway and resumed writes the same bytes as a run never interrupted; a re-run
over a grown archive processes only the new articles, and its output holds the old records and then the new
ones. Without ``resume`` the journal starts again. Within one run, an article whose content was already
processed (the same text under two paths) is processed once.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .ingest.files import iter_files
from .pipeline import ArticleResult, Pipeline
from .records import AttackRecord, IngestError
from .writers import JsonlWriter, writer_for

STATE_VERSION = 1
#: The journal is synced to disk (fsync) at most this often, in seconds; every line is flushed at once.
SYNC_SECONDS = 2.0


class StateMismatch(ValueError):
    """A state file written by a different version or with settings that change the records."""


@dataclass
class JobSummary:
    articles: int = 0          # articles processed in this run
    skipped: int = 0           # articles already in the journal (resume) or repeated in this run
    skipped_files: int = 0     # input files finished in an earlier run and unchanged
    records: int = 0           # records in the output (this run's and the journal's)
    errors: int = 0            # errors in the errors file
    seconds: float = 0.0
    output: Path | None = None
    errors_path: Path | None = None
    state_path: Path | None = None


def state_path_for(output: Path) -> Path:
    return output.with_name(output.name + ".state.jsonl")


def errors_path_for(output: Path) -> Path:
    return output.with_name(output.stem + ".errors.jsonl")


def fingerprint(pipeline: Pipeline) -> str:
    """What the records depend on: the package version and every setting but the run ones (workers, batches) and
    the events ones (clustering reads the records; it does not change them)."""
    from . import __version__

    data = pipeline.settings.model_dump(mode="json")
    data.pop("run", None)
    data.pop("events", None)
    text = json.dumps({"version": __version__, "settings": data}, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def hash_key(content_hash: str) -> int:
    """An article's content hash as a 64-bit int: a million of them fit in some 60 MB."""
    return int(content_hash[:16], 16)


def _file_key(path: Path) -> tuple[str, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return str(path), st.st_size, st.st_mtime_ns


def _error_key(error: dict) -> str:
    return f"{error.get('path')}#{error.get('line')}|{error.get('stage')}|{error.get('reason')}"


@dataclass
class Journal:
    """The state file: what is done, and the open handle new lines go to."""

    path: Path
    fingerprint: str
    hashes: set[int] = field(default_factory=set)  # hash_key of each article processed
    errors: set[str] = field(default_factory=set)
    files: set[tuple[str, int, int]] = field(default_factory=set)
    _fh: IO[str] | None = None
    _synced: float = 0.0

    @classmethod
    def open(cls, path: Path, fingerprint: str, resume: bool) -> Journal:
        """The journal to continue (``resume`` and a matching header) or a new one."""
        journal = cls(path, fingerprint)
        path.parent.mkdir(parents=True, exist_ok=True)
        if resume and path.exists():
            end = journal._load()
            with path.open("r+b") as fh:  # cut off an unfinished last line
                fh.truncate(end)
            journal._fh = path.open("a", encoding="utf-8", newline="\n")
            if end == 0:
                journal._append({"kind": "header", "version": STATE_VERSION, "fingerprint": fingerprint})
        else:
            journal._fh = path.open("w", encoding="utf-8", newline="\n")
            journal._append({"kind": "header", "version": STATE_VERSION, "fingerprint": fingerprint})
        journal.sync()
        return journal

    def _load(self) -> int:
        """Read what the journal holds; returns the byte length of its complete lines."""
        end = 0
        with self.path.open("rb") as fh:
            for number, raw in enumerate(fh):
                if not raw.endswith(b"\n"):
                    break
                try:
                    entry = json.loads(raw)
                except json.JSONDecodeError:
                    break
                if number == 0:
                    if entry.get("kind") != "header" or entry.get("version") != STATE_VERSION or \
                            entry.get("fingerprint") != self.fingerprint:
                        raise StateMismatch(f"{self.path} was written by another version or with other settings; "
                                            "run without --resume to start again")
                else:
                    self._note(entry)
                end += len(raw)
        return end

    def _note(self, entry: dict) -> None:
        kind = entry.get("kind")
        if kind == "article":
            self.hashes.add(hash_key(entry["hash"]))
        elif kind == "error":
            self.errors.add(_error_key(entry["error"]))
        elif kind == "file":
            self.files.add((entry["path"], entry["size"], entry["mtime_ns"]))

    def _append(self, entry: dict) -> None:
        assert self._fh is not None
        self._fh.write(json.dumps(entry, ensure_ascii=True) + "\n")  # a file name may hold lone surrogates
        self._fh.flush()
        if time.monotonic() - self._synced > SYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        assert self._fh is not None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._synced = time.monotonic()

    def add_article(self, result: ArticleResult) -> None:
        self._append({"kind": "article", "hash": result.article.content_hash, "path": result.article.path,
                      "line": result.article.line, "records": [r.model_dump(mode="json") for r in result.records]})
        self.hashes.add(hash_key(result.article.content_hash))

    def add_error(self, error: IngestError) -> bool:
        """Journal an error unless it is there already; whether it was new."""
        data = error.model_dump(mode="json")
        key = _error_key(data)
        if key in self.errors:
            return False
        self._append({"kind": "error", "error": data})
        self.errors.add(key)
        return True

    def add_file(self, key: tuple[str, int, int]) -> None:
        if key not in self.files:
            self._append({"kind": "file", "path": key[0], "size": key[1], "mtime_ns": key[2]})
            self.files.add(key)

    def close(self) -> None:
        if self._fh is not None:
            self.sync()
            self._fh.close()
            self._fh = None

    def entries(self) -> Iterator[dict]:
        """Every complete entry after the header, in order."""
        with self.path.open("rb") as fh:
            next(fh, None)
            for raw in fh:
                if raw.endswith(b"\n"):
                    yield json.loads(raw)


def _write_outputs(journal: Journal, output: Path, errors_path: Path, format: str | None) -> tuple[int, int]:
    """The output and errors files from the journal, atomically; returns (records, errors)."""
    writer = writer_for(output, format)
    plain = type(writer) is JsonlWriter
    with writer as out, JsonlWriter(errors_path) as bad:
        for entry in journal.entries():
            if entry["kind"] == "article":
                for record in entry["records"]:
                    if plain:  # the journal holds the record as its JSONL line would: no round trip
                        out.write_line(json.dumps(record, ensure_ascii=False))
                    else:
                        out.write(AttackRecord.model_validate(record))
            elif entry["kind"] == "error":
                bad.write(IngestError.model_validate(entry["error"]))
        return out.count, bad.count


def run_job(pipeline: Pipeline, inputs: Iterable[str | os.PathLike], output: str | os.PathLike,
            errors: str | os.PathLike | None = None, format: str | None = None, resume: bool = False,
            state: str | os.PathLike | None = None,
            progress: Callable[[Any], None] | None = None) -> JobSummary:
    """Run the pipeline over ``inputs`` into ``output`` (see the module docstring). ``progress`` is called with
    every item the pipeline yields (an ``ArticleResult`` or an ``IngestError``) and with each skipped file's
    path."""
    output = Path(output)
    summary = JobSummary(output=output, errors_path=Path(errors) if errors else errors_path_for(output),
                         state_path=Path(state) if state else state_path_for(output))
    start = time.perf_counter()
    journal = Journal.open(summary.state_path, fingerprint(pipeline), resume)
    try:
        keys: dict[str, tuple[str, int, int]] = {}

        def files() -> Iterator[Path | IngestError]:
            for item in iter_files(inputs):
                if isinstance(item, Path):
                    key = _file_key(item)
                    if key is not None and key in journal.files:
                        summary.skipped_files += 1
                        if progress:
                            progress(item)
                        continue
                    if key is not None:
                        keys[str(item)] = key
                yield item

        submitted: set[int] = set()

        def seen(article) -> bool:
            key = hash_key(article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest())
            if key in journal.hashes or key in submitted:
                summary.skipped += 1
                return True
            submitted.add(key)
            return False

        current: str | None = None
        for item in pipeline.process(files(), skip=seen):
            path = item.path if isinstance(item, IngestError) else item.article.path
            if path != current:
                if current in keys:
                    journal.add_file(keys.pop(current))
                current = path
            if isinstance(item, IngestError):
                journal.add_error(item)
            else:
                journal.add_article(item)
                summary.articles += 1
            if progress:
                progress(item)
        for key in keys.values():  # the last file, and files whose every article was processed before
            journal.add_file(key)
        journal.sync()
        summary.records, summary.errors = _write_outputs(journal, output, summary.errors_path, format)
    finally:
        journal.close()
    summary.seconds = time.perf_counter() - start
    return summary
