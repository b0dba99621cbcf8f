"""Gold sets and predictions in: the articles to score, the events expected from them, and the records to score.

In:
- a gold file in one of two formats (``report.load_gold``; the project's format is read here):
  - ``"project"``: the project's own gold JSONL (``data/gold/gold.jsonl``, and the real-news development sets
    ``news_dev.jsonl`` / ``news_dev_fr.jsonl``, which use the same format): one line per article with ``id``,
    ``title``, ``text``, ``published``, ... and ``events``, the expected records in a compact form of the
    record schema (DESIGN.md section 3; see ``data/gold/README.md``);
  - ``"acled"``: ACLED-coded rows (one event per line, the note in ``text``), read as one article per row with
    one expected event, or none for ``is_negative`` rows (``acled.acled_gold_article``).
- predictions: ``AttackRecord`` JSONL as written by ``sahel-extract run`` (``load_predictions``), records grouped
  per article by ``source.article_id`` (``group_predictions``); or a pipeline run on the gold articles
  (``predict_gold``: records keyed by gold id).

Out: ``GoldArticle``s (text, metadata, expected events as record-schema dicts) and records grouped per article.

Which predictions belong to which gold article: an article read by the pipeline has the id
``make_article(text, title=title).id`` (a hash of its title and text; url, publisher and the publication date do
not enter it). ``GoldArticle.article_id`` recomputes it from the gold line, so records written by
``sahel-extract run data/gold/gold.jsonl`` (or by ``run`` on the ACLED file: no title) find their article. A
mapping keyed by gold id (as ``predict_gold`` returns) is accepted too.

The small accessors of record dicts (``_as_dict``, ``_get``, ``_has``) live here too: every part of the
evaluation reads records through them.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..ingest import Article, make_article
from ..ingest.dates import parse_published
from ..records import AttackRecord

log = logging.getLogger("sahel_extract.evaluation")

GoldFormat = Literal["project", "acled"]
FORMATS: tuple[str, ...] = ("project", "acled")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold article: its text and metadata, and the events expected from it (record-schema dicts).

    ``meta`` carries format-specific facts used in scoring (for ACLED: ``text_date_cue``, ``is_negative``,
    ``number_stated``, ``geo_precision``).
    """

    id: str
    text: str
    events: list[dict] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    meta: dict = field(default_factory=dict)

    @property
    def article_id(self) -> str:
        """The id the pipeline gives this article when it reads it (a hash of title and text)."""
        return make_article(self.text, title=self.title).id

    def to_article(self, line: int | None = None) -> Article:
        """The article as the pipeline's ingest stage would build it."""
        return make_article(self.text, title=self.title, url=self.url, publisher=self.publisher,
                            published=parse_published(self.published), line=line)


def _read_jsonl(path: str | os.PathLike) -> Iterable[tuple[int, dict]]:
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from exc


def read_project_gold(path: str | os.PathLike) -> list[GoldArticle]:
    """The gold articles of a file in the project's gold format (``data/gold/gold.jsonl``)."""
    out = []
    for number, row in _read_jsonl(path):
        if "text" not in row or "events" not in row:
            raise ValueError(f"{path}:{number}: a gold line needs 'text' and 'events'")
        out.append(GoldArticle(
            id=str(row.get("id") or number), text=row["text"], events=list(row["events"]), title=row.get("title"),
            published=row.get("published"), url=row.get("url"), publisher=row.get("publisher"),
            meta={"category": row["category"]} if row.get("category") else {},
        ))
    return out


def load_predictions(path: str | os.PathLike) -> dict[str, list[AttackRecord]]:
    """Records of an ``AttackRecord`` JSONL file, grouped by ``source.article_id`` (file order kept)."""
    out: dict[str, list[AttackRecord]] = {}
    for number, row in _read_jsonl(path):
        try:
            record = AttackRecord.model_validate(row)
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: not an attack record: {exc}") from exc
        out.setdefault(record.source.article_id, []).append(record)
    return out


def group_predictions(records: Iterable[AttackRecord | dict]) -> dict[str, list[AttackRecord | dict]]:
    """Records grouped by ``source.article_id``, in input order."""
    out: dict[str, list[AttackRecord | dict]] = {}
    for record in records:
        key = _get(_as_dict(record), "source", "article_id")
        out.setdefault(str(key), []).append(record)
    return out


def predict_gold(gold: Sequence[GoldArticle], pipeline: Any = None) -> dict[str, list[AttackRecord]]:
    """Run a pipeline (default ``Pipeline()``) on the gold articles; records keyed by gold id.

    Each article gets the gold line's title, url, publisher and publication date. An article the pipeline
    fails on (an error item) gets no records, and a warning is logged.
    """
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    articles = [g.to_article(line=i + 1) for i, g in enumerate(gold)]
    out: dict[str, list[AttackRecord]] = {g.id: [] for g in gold}
    for item in pipeline.process_articles(articles):
        records = getattr(item, "records", None)
        if records is None:
            log.warning("gold article %s: %s", gold[item.line - 1].id if item.line else "?", item.reason)
            continue
        out[gold[item.article.line - 1].id] = list(records)
    return out


def _check_format(format: str) -> None:
    if format not in FORMATS:
        raise ValueError(f"unknown gold format {format!r}; expected one of {', '.join(FORMATS)}")


# --- record dicts ---------------------------------------------------------------------------------------


def _as_dict(record: AttackRecord | dict) -> dict:
    return record.to_json_dict() if isinstance(record, AttackRecord) else record


def _get(obj: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _has(obj: Any, *keys: str) -> bool:
    """True when the nested key exists (its value may be null)."""
    for key in keys:
        if not isinstance(obj, dict) or key not in obj:
            return False
        obj = obj[key]
    return True
