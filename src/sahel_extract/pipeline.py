"""The whole path: files or texts in, attack records out (ingest -> nlp -> frames -> normalise -> attacks).

In: paths (files or folders), ``Article`` objects or a single text. Out: a stream of ``ArticleResult``
(an article and its records) and ``IngestError`` items, in input order; ``Pipeline.run`` streams only
the records and keeps the errors in ``pipeline.errors``.

Each article is read in its language (``ingest.language``; ``Settings.language`` can fix one), by that
language's pipeline (``nlp.build_nlp``). Per-article work is a pure function of the article and the loaded
pipeline, so it runs through ``nlp.pipe`` in batches in one process, or over worker processes
(``workers > 1``), each with its own pipeline, on ordered chunks of articles. An article that fails inside
the NLP or the rules gives an error item (stage ``extract``), never a stopped run.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import chain, islice
from typing import Any

from spacy.tokens import Doc

from .attacks import build_records, group_frames
from .ingest import Article, iter_articles, make_article
from .ingest.dates import parse_published
from .normalise.actors import default_catalogue
from .normalise.mentions import resolve_frames
from .places import load_gazetteer
from .prefilter import Selection, select
from .records import AttackRecord, IngestError
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ArticleResult:
    article: Article
    records: list[AttackRecord]


class Pipeline:
    """sahel-extract's pipeline. ``Pipeline()`` is the default: the small English model and the best
    gazetteer installed (the user's full GeoNames one if built, else the embedded one).

    ``Pipeline(settings=Settings(...))`` takes every threshold and switch from one settings object; the keyword
    arguments (``model``, ``gazetteer``, ``batch_size``, ``workers``, ``max_bytes``) are shortcuts that override
    it. A model folder saved with ``nlp.to_disk()`` brings the settings it was built with."""

    def __init__(self, model: str | None = None, gazetteer: str | os.PathLike | None = None,
                 batch_size: int | None = None, workers: int | None = None, max_bytes: int | None = None,
                 settings: Settings | None = None):
        settings = settings or Settings()
        run: dict[str, Any] = {k: v for k, v in (("batch_size", batch_size), ("workers", workers),
                                                 ("max_bytes", max_bytes)) if v is not None}
        changes: dict[str, Any] = {"run": run} if run else {}
        if model is not None:
            changes["model"] = model
        if gazetteer is not None:
            changes["places"] = {"gazetteer": str(gazetteer)}
        self.settings = settings.replace(**changes) if changes else settings
        self.errors: list[IngestError] = []
        self._nlps: dict[str, Any] = {}

    @property
    def model(self) -> str:
        return self.settings.model

    @property
    def batch_size(self) -> int:
        return self.settings.run.batch_size

    @property
    def workers(self) -> int:
        return self.settings.run.workers

    @property
    def max_bytes(self) -> int:
        return self.settings.run.max_bytes

    @property
    def nlp(self):
        """The spaCy ``Language`` of the main language (English unless ``settings.language`` says otherwise),
        built on first use and cached."""
        return self.nlp_for(self.settings.language if self.settings.language != "auto" else "en")

    def nlp_for(self, lang: str):
        """The spaCy ``Language`` for articles in ``lang`` (built on first use and cached). A saved pipeline given
        as the model brings its own settings, which then hold for every language."""
        if lang not in self._nlps:
            from .nlp import build_nlp, saved_settings

            nlp = build_nlp(self.settings, lang)
            saved = saved_settings(nlp)
            if saved is not None and saved.model != self.settings.model:  # a saved pipeline: its own settings
                self.settings = saved.replace(model=self.settings.model, run=self.settings.run.model_dump())
            self._nlps[lang] = nlp
        return self._nlps[lang]

    def _in_language(self, article: Article) -> Article:
        """The article in the language it is read in: its own (``ingest.language``) unless the settings fix one."""
        forced = self.settings.language
        return article if forced in ("auto", article.language) else replace(article, language=forced)

    @property
    def gazetteer(self):
        _ = self.nlp
        return load_gazetteer(self.settings.places.gazetteer)

    @property
    def gazetteer_label(self) -> str:
        return self.gazetteer.label

    # --- core ------------------------------------------------------------------------------------------

    def process_articles(self, articles: Iterable[Article | IngestError]) -> Iterator[ArticleResult | IngestError]:
        """Records for each article, in input order (an ``IngestError`` in the input passes through in its
        place). Articles are read in windows of a few batches; within a window each language's articles go
        through that language's ``nlp.pipe`` together."""
        if self.settings.run.dask:
            from .scale import process_on_dask

            for item, outcome in process_on_dask(articles, self.settings, self.settings.run.dask, dask_partition):
                yield ArticleResult(item, outcome) if isinstance(outcome, list) else outcome
            return
        if self.workers > 1:
            yield from self._process_parallel(articles)
            return
        window = self.settings.run.batch_size * 4
        iterator = iter(articles)
        while chunk := list(islice(iterator, window)):
            yield from self._process_window(chunk)

    def _process_window(self, chunk: list[Article | IngestError]) -> list[ArticleResult | IngestError]:
        settings = self.settings
        max_chars = settings.run.max_chars
        out: list[ArticleResult | IngestError | None] = [None] * len(chunk)
        by_lang: dict[str, list[int]] = {}
        selections: dict[int, Selection] = {}
        extra_dirs = settings.patterns.extra_dirs
        for i, article in enumerate(chunk):
            if isinstance(article, IngestError):
                out[i] = article
                continue
            chunk[i] = article = self._in_language(article)
            if len(article.text) > max_chars:
                out[i] = _error(article, f"article text of {len(article.text):,} characters is over the "
                                         f"{max_chars:,}-character limit")
                continue
            selections[i] = selection = select(article, settings.prefilter, extra_dirs)
            if selection.empty:  # not a word of an attack: nothing to read
                out[i] = ArticleResult(article, [])
            else:
                by_lang.setdefault(article.language, []).append(i)
        for lang, indices in by_lang.items():
            try:
                nlp = self.nlp_for(lang)
            except Exception as exc:  # e.g. no model installed for that language: those articles fail, not the run
                for i in indices:
                    out[i] = _error(chunk[i], f"{type(exc).__name__}: {exc}")
                continue
            gazetteer, catalogue = load_gazetteer(self.settings.places.gazetteer), default_catalogue()
            docs = nlp.pipe(((article_doc(nlp, chunk[i], selections[i]), i) for i in indices), as_tuples=True,
                            batch_size=settings.run.batch_size)
            for doc, i in docs:
                out[i] = self._records(doc, chunk[i], gazetteer, catalogue)
        return [item for item in out if item is not None]

    def _records(self, doc: Doc, article: Article, gazetteer, catalogue) -> ArticleResult | IngestError:
        if doc._.frames_error:
            return _error(article, doc._.frames_error)
        settings = self.settings
        try:
            frames = resolve_frames(doc._.frames, article.published, gazetteer, catalogue, settings,
                                    article.language, article.year_hint)
            records = build_records(group_frames(frames, settings.attacks), frames, article, gazetteer,
                                    catalogue, settings)
        except Exception as exc:  # one article's failure must not end the run
            log.warning("failed on %s: %s: %s", article.location, type(exc).__name__, exc)
            return _error(article, f"{type(exc).__name__}: {exc}")
        return ArticleResult(article, records)

    def process(self, paths: Iterable[str | os.PathLike] | str | os.PathLike,
                skip: Callable[[Article], bool] | None = None) -> Iterator[ArticleResult | IngestError]:
        """Ingest errors and article results for files and folders, in input order. ``skip`` is asked about
        each article as it is read; an article it says yes to is not processed and yields nothing (the run
        job's resume and de-duplication)."""
        items = iter_articles(paths, self.settings.run.max_bytes)
        if skip is not None:
            items = (item for item in items if isinstance(item, IngestError) or not skip(item))
        yield from self.process_articles(items)

    def run(self, paths: Iterable[str | os.PathLike] | str | os.PathLike) -> Iterator[AttackRecord]:
        """Stream the attack records under files and folders; errors are collected in ``self.errors``."""
        for item in self.process(paths):
            if isinstance(item, IngestError):
                self.errors.append(item)
            else:
                yield from item.records

    def extract(self, text: str, published: str | dt.date | None = None, url: str | None = None,
                title: str | None = None, publisher: str | None = None) -> list[AttackRecord]:
        """The attack records of one article text."""
        article = make_article(text, title=title, url=url, publisher=publisher,
                               published=parse_published(published))
        if not article.text:
            return []
        for item in self.process_articles([article]):
            if isinstance(item, IngestError):
                raise ValueError(item.reason)
            return item.records
        return []

    # --- worker processes ---------------------------------------------------------------------------------

    def _process_parallel(self, items: Iterable[Article | IngestError]) -> Iterator[ArticleResult | IngestError]:
        """The same results over ``workers`` processes, in input order. Where the system can fork (Linux), the
        pipelines of the languages in the first chunk are built here once and every worker starts from a copy of
        this process (copy-on-write: the model and the gazetteer's matchers are not rebuilt, and their memory is
        shared); elsewhere each worker builds its own."""
        chunk_size = max(8, self.batch_size)
        iterator = iter(items)
        first = list(islice(iterator, chunk_size))
        context = _start_context(self.settings.run.start_method)
        global _WORKER
        if context.get_start_method() == "fork":
            for lang in sorted({self._in_language(a).language for a in first if isinstance(a, Article)} or {"en"}):
                try:
                    self.nlp_for(lang)
                except Exception:  # noqa: BLE001 - reported per article by the worker that meets it
                    pass
            _ = self.gazetteer, default_catalogue()
            _WORKER = self._single_process()
            initializer, initargs = None, ()
            gc.freeze()  # the inherited objects stay out of the workers' garbage collections: their pages stay shared
        else:
            initializer, initargs = _worker_init, (self.settings,)
        chunks = chain([first], iter(lambda: list(islice(iterator, chunk_size)), []))
        try:
            with ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=initializer,
                                     initargs=initargs) as pool:
                in_flight: deque[tuple[list, Future]] = deque()
                while True:
                    while len(in_flight) < self.workers * 2:
                        chunk = next(chunks, None)
                        if not chunk:
                            break
                        in_flight.append((chunk, pool.submit(_worker_run, chunk)))
                    if not in_flight:
                        break
                    chunk, future = in_flight.popleft()
                    for item, outcome in zip(chunk, future.result(), strict=True):
                        yield ArticleResult(item, outcome) if isinstance(outcome, list) else outcome
        finally:
            if context.get_start_method() == "fork":
                gc.unfreeze()
                _WORKER = None

    def _single_process(self) -> Pipeline:
        """A one-process copy of this pipeline that shares its built spaCy pipelines."""
        copy = Pipeline(settings=self.settings.replace(run={"workers": 1}))
        copy._nlps = dict(self._nlps)
        return copy


def _start_context(method: str):
    """The multiprocessing context: "auto" forks where that is safe and cheap (Linux), else spawns."""
    if method == "auto":
        method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def _error(article: Article, reason: str) -> IngestError:
    return IngestError(path=article.path or "<text>", line=article.line, stage="extract", reason=reason)


def article_doc(nlp, article: Article, selection: Selection | None = None) -> Doc:
    """The tokenised text of an article, carrying its page zones (``ingest.zones``) for the ``sahel_zones``
    component; with a ``prefilter.Selection``, the text and zones it keeps (the rest blanked)."""
    text, zones = (selection.text, selection.zones) if selection is not None else (article.text, article.zones)
    doc = nlp.make_doc(text)
    doc.user_data["sahel_zones"] = [(z.start, z.end, z.kind) for z in zones]
    return doc


_WORKER: Pipeline | None = None


def _worker_init(settings: Settings) -> None:
    global _WORKER
    _WORKER = Pipeline(settings=settings.replace(run={"workers": 1}))
    assert _WORKER.nlp.pipe_names  # build the pipeline once per worker, not on its first chunk


def _worker_run(chunk: list[Article | IngestError]) -> list[list[AttackRecord] | IngestError]:
    """The records (or the error) of each item of a chunk, in order; the articles themselves stay with the
    parent, which has them."""
    assert _WORKER is not None
    return [item.records if isinstance(item, ArticleResult) else item for item in _WORKER.process_articles(chunk)]


_DASK_PIPELINES: dict[str, Pipeline] = {}  # in each Dask worker process: settings JSON -> its pipeline


def dask_partition(items: list[Article | IngestError], settings_json: str) -> list[list[AttackRecord] | IngestError]:
    """One ``dask.bag`` partition on a Dask worker (``scale``): the records (or the error) of each item, in order,
    by a pipeline built once per worker process."""
    pipeline = _DASK_PIPELINES.get(settings_json)
    if pipeline is None:
        settings = Settings.model_validate_json(settings_json)
        pipeline = Pipeline(settings=settings.replace(run={"workers": 1, "dask": None}))
        _DASK_PIPELINES[settings_json] = pipeline
    return [r.records if isinstance(r, ArticleResult) else r for r in pipeline.process_articles(list(items))]


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract(text: str, published: str | dt.date | None = None, url: str | None = None,
            title: str | None = None) -> list[AttackRecord]:
    """The attack records of one article text, with the default pipeline."""
    return default_pipeline().extract(text, published=published, url=url, title=title)
