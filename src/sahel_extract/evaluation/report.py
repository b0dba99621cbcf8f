"""Scoring a whole gold set: predictions against gold articles, and the report of the figures.

In: a gold set (a gold file read with ``gold.load_gold``, or ``GoldArticle``s) and predictions (an
``AttackRecord`` JSONL file, a mapping from gold id or article id to records, or an iterable of records grouped
by ``source.article_id``). Out: an ``EvalReport`` (``evaluate``): event precision, recall and F1 (any match, and
place agreeing); article-level figures (articles with events that got a record, articles without events that
got none); per-field accuracy on matched events; the rate of invented values; for ACLED, the target lines
(``acled.acled_targets``). ``report.table()`` is a printable table and ``report.to_dict()`` the same figures as
JSON-ready data. How events are matched and fields scored: ``matching``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import AttackRecord
from .acled import ACLED_TARGETS, acled_gold_article, acled_targets
from .gold import (
    GoldArticle,
    GoldFormat,
    _as_dict,
    _check_format,
    _read_jsonl,
    group_predictions,
    load_predictions,
    read_project_gold,
)
from .matching import FIELD_SCORERS, Similarity, invented, match_events, score_fields, similarity
from .ratio import Ratio

# --- the report ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class PairResult:
    """One matched pair: the gold article and event, the predicted record's id, and the field results."""

    article: str
    gold_index: int
    record_id: str | None
    similarity: Similarity
    fields: dict[str, bool]
    invented: dict[str, bool]

    def to_dict(self) -> dict:
        return {"article": self.article, "gold_index": self.gold_index, "record_id": self.record_id,
                "similarity": list(self.similarity), "fields": self.fields, "invented": self.invented}



@dataclass
class EvalReport:
    """Counts and ratios of one evaluation (definitions: this module's docstring and ``matching``'s)."""

    format: str
    articles: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    matched_place: int = 0
    articles_with_events: Ratio = field(default_factory=Ratio)
    articles_without_events: Ratio = field(default_factory=Ratio)
    fields: dict[str, Ratio] = field(default_factory=dict)
    invented: dict[str, Ratio] = field(default_factory=lambda: {k: Ratio() for k in ("date", "toll", "any")})
    targets: dict[str, Ratio] = field(default_factory=dict)
    breakdown: dict[str, Ratio] = field(default_factory=dict)
    unknown_prediction_articles: int = 0
    pairs: list[PairResult] = field(default_factory=list)
    missed: list[tuple[str, int]] = field(default_factory=list)
    false_positives: list[tuple[str, str | None]] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | None]:
        precision = tp / n_pred if n_pred else None
        recall = tp / n_gold if n_gold else None
        f1 = (2 * precision * recall / (precision + recall)) if precision and recall else (
            0.0 if precision is not None and recall is not None else None)
        return {"precision": precision, "recall": recall, "f1": f1}

    @property
    def precision(self) -> float | None:
        return self._prf(self.matched, self.predicted_events, self.gold_events)["precision"]

    @property
    def recall(self) -> float | None:
        return self._prf(self.matched, self.predicted_events, self.gold_events)["recall"]

    @property
    def f1(self) -> float | None:
        return self._prf(self.matched, self.predicted_events, self.gold_events)["f1"]

    def place_agreeing(self) -> dict[str, float | None]:
        """Precision, recall and F1 when a match needs the place to agree (name, or admin1 and country)."""
        return self._prf(self.matched_place, self.predicted_events, self.gold_events)

    def to_dict(self, details: bool = False) -> dict:
        """The figures as JSON-ready data; ``details`` adds the matched pairs (ids and field results only),
        the missed gold events and the false positives."""

        def rounded(values: dict[str, float | None]) -> dict[str, float | None]:
            return {k: None if v is None else round(v, 4) for k, v in values.items()}

        out: dict[str, Any] = {
            "format": self.format, "articles": self.articles,
            "events": {"gold": self.gold_events, "predicted": self.predicted_events, "matched": self.matched,
                       "false_positives": self.predicted_events - self.matched,
                       "false_negatives": self.gold_events - self.matched,
                       **rounded(self._prf(self.matched, self.predicted_events, self.gold_events))},
            "events_place_agreeing": {"matched": self.matched_place, **rounded(self.place_agreeing())},
            "articles_with_events_found": self.articles_with_events.to_dict(),
            "articles_without_events_no_record": self.articles_without_events.to_dict(),
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "invented": {k: v.to_dict() for k, v in self.invented.items()},
            "unknown_prediction_articles": self.unknown_prediction_articles,
        }
        if self.targets:
            out["targets"] = {k: v.to_dict() for k, v in self.targets.items()}
        if self.breakdown:
            out["breakdown"] = {k: v.to_dict() for k, v in self.breakdown.items()}
        if details:
            out["pairs"] = [p.to_dict() for p in self.pairs]
            out["missed"] = [{"article": a, "gold_index": i} for a, i in self.missed]
            out["false_positives"] = [{"article": a, "record_id": r} for a, r in self.false_positives]
        return out

    def write_json(self, path: str | os.PathLike, details: bool = False) -> None:
        """Write ``to_dict(details)`` as indented JSON."""
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(self.to_dict(details), fh, ensure_ascii=False, indent=2)
            fh.write("\n")

    def table(self, goals: Mapping[str, float] | None = None) -> str:
        """The report as a plain-text table; ``goals`` (target key -> ratio) are shown beside the targets."""

        def fmt(value: float | None) -> str:
            return "  n/a" if value is None else f"{value:.3f}"

        strict = self.place_agreeing()
        lines = [
            f"gold format: {self.format}   articles: {self.articles}",
            "",
            f"{'events':<26}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}",
            (f"{'  any match':<26}{self.gold_events:>6}{self.predicted_events:>6}{self.matched:>7}"
             f"{fmt(self.precision):>8}{fmt(self.recall):>8}{fmt(self.f1):>8}"),
            (f"{'  place agreeing':<26}{self.gold_events:>6}{self.predicted_events:>6}{self.matched_place:>7}"
             f"{fmt(strict['precision']):>8}{fmt(strict['recall']):>8}{fmt(strict['f1']):>8}"),
            "",
            f"{'articles with events, found':<40}{self.articles_with_events}",
            f"{'articles without events, no record':<40}{self.articles_without_events}",
            "",
            f"{'field accuracy (matched events)':<40}",
        ]
        lines += [f"  {name:<38}{ratio}" for name, ratio in self.fields.items()]
        lines += ["", "invented values (matched events)"]
        lines += [f"  {name:<38}{ratio}" for name, ratio in self.invented.items()]
        if self.targets:
            lines += ["", "ACLED targets"]
            for key, ratio in self.targets.items():
                line = f"  {ACLED_TARGETS.get(key, key):<62}{ratio!s:<20}"
                goal = (goals or {}).get(key)
                if goal is not None:
                    met = ratio.value is not None and ratio.value >= goal
                    line += f"target {goal:.2f}  {'met' if met else 'below'}"
                lines.append(line.rstrip())
        if self.breakdown:
            lines += ["", "breakdown"]
            lines += [f"  {k:<62}{v}" for k, v in self.breakdown.items()]
        if self.unknown_prediction_articles:
            lines += ["", (f"predictions for {self.unknown_prediction_articles} article(s) not in the gold set "
                           "(ignored)")]
        return "\n".join(lines)


PredictionsInput = str | os.PathLike | Mapping[str, Sequence[AttackRecord | dict]] | Iterable[AttackRecord | dict]


def _prediction_lookup(predictions: PredictionsInput) -> dict[str, Sequence[AttackRecord | dict]]:
    if isinstance(predictions, (str, os.PathLike)):
        return load_predictions(predictions)
    if isinstance(predictions, Mapping):
        return dict(predictions)
    return group_predictions(predictions)


def load_gold(path: str | os.PathLike, format: GoldFormat = "project") -> list[GoldArticle]:
    """The gold articles of a file: the project's gold JSONL or ACLED rows (``format="acled"``)."""
    _check_format(format)
    if format == "acled":
        return [acled_gold_article(row) for _, row in _read_jsonl(path)]
    return read_project_gold(path)


def evaluate(gold: str | os.PathLike | Sequence[GoldArticle], predictions: PredictionsInput,
             format: GoldFormat = "project") -> EvalReport:
    """Score predictions against a gold set.

    ``gold``: a gold file (read with ``load_gold(gold, format)``) or gold articles. ``predictions``: an
    ``AttackRecord`` JSONL file, a mapping from gold id or article id to records (``AttackRecord`` or
    record dicts), or an iterable of records (grouped by ``source.article_id``). An article with no entry
    has no records. With ``format="acled"`` the report also has the ACLED target lines.
    """
    _check_format(format)
    articles = load_gold(gold, format) if isinstance(gold, (str, os.PathLike)) else list(gold)
    lookup = _prediction_lookup(predictions)
    report = EvalReport(format=format, articles=len(articles))
    report.fields = {name: Ratio() for name in FIELD_SCORERS}
    used_keys: set[str] = set()
    for article in articles:
        key = article.id if article.id in lookup else article.article_id
        used_keys.add(key)
        preds = [_as_dict(r) for r in lookup.get(key, ())]
        _score_article(report, article, preds)
    report.unknown_prediction_articles = len(set(lookup) - used_keys)
    report.fields = {k: v for k, v in report.fields.items() if v.total}
    if format == "acled":
        report.targets, report.breakdown = acled_targets(articles, report)
    return report


def _score_article(report: EvalReport, article: GoldArticle, preds: list[dict]) -> None:
    gold = article.events
    report.gold_events += len(gold)
    report.predicted_events += len(preds)
    (report.articles_with_events if gold else report.articles_without_events).add(bool(gold) == bool(preds))
    pairs = match_events(gold, preds)
    report.matched += len(pairs)
    report.matched_place += len(match_events(gold, preds, require_place=True))
    for gi, pi in pairs:
        fields, made_up = score_fields(gold[gi], preds[pi]), invented(gold[gi], preds[pi])
        for name, ok in fields.items():
            report.fields[name].add(ok)
        for name, flag in made_up.items():
            report.invented[name].add(flag)
        report.pairs.append(PairResult(article.id, gi, preds[pi].get("id"), similarity(gold[gi], preds[pi]),
                                       fields, made_up))
    matched_gold, matched_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    report.missed += [(article.id, gi) for gi in range(len(gold)) if gi not in matched_gold]
    report.false_positives += [(article.id, p.get("id")) for pi, p in enumerate(preds) if pi not in matched_pred]

