"""Evaluation: predicted attack records scored against a gold set.

In: a gold set (the project's gold JSONL, the real-news development sets in the same format, or ACLED-coded
rows) and predictions (``AttackRecord`` JSONL written by ``sahel-extract run``, records keyed by gold or article
id, or a pipeline run on the gold articles). Out: an ``EvalReport``: event precision, recall and F1,
article-level figures, per-field accuracy on matched events, invented values and, for ACLED, the target lines;
as a table (``report.table()``) or JSON-ready data (``report.to_dict()``).

    from sahel_extract.evaluation import evaluate, load_gold, predict_gold
    gold = load_gold("data/gold/gold.jsonl")
    print(evaluate(gold, predict_gold(gold)).table())

The parts, one job each:

- ``gold``: gold files and predictions in (``GoldArticle``, ``load_gold``, ``load_predictions``,
  ``group_predictions``, ``predict_gold``), and which predictions belong to which gold article;
- ``acled``: the ACLED adapter (rows as gold articles, ACLED actor names to the catalogue, ACLED dates, whether
  a note states a number, ACLED fatalities and target lines); ACLED's naming conventions are data
  (``models/acled_conventions.json``); ``notes`` finds the figures of a note that are not counts (dates, times,
  distances, "coded as N"), with month names and number words from the project's lexicon;
- ``matching``: similarity, the one-to-one matching of one article's events, the per-field scorers and invented
  values;
- ``report``: ``Ratio``, ``PairResult``, ``EvalReport`` and ``evaluate`` (scoring a whole gold set).
"""

from __future__ import annotations

from .acled import (
    ACLED_NO_ACTOR,
    ACLED_PUBLISHED_DELAY,
    ACLED_QUALIFIED,
    ACLED_TARGETS,
    COUNTRY_CODES,
    FOREIGN_FORCES,
    acled_actor,
    acled_actor_options,
    acled_event,
    acled_fatalities,
    acled_gold_article,
    acled_targets,
    states_number,
)
from .gold import (
    FORMATS,
    GoldArticle,
    GoldFormat,
    group_predictions,
    load_predictions,
    predict_gold,
)
from .matching import (
    FIELD_SCORERS,
    TOLL_FIELDS,
    Similarity,
    date_correct,
    date_in_bounds,
    has_count,
    invented,
    match_events,
    place_score,
    same_count,
    same_country,
    same_name,
    score_fields,
    similarity,
)
from .ratio import Ratio
from .report import EvalReport, PairResult, PredictionsInput, evaluate, load_gold

__all__ = [
    "ACLED_NO_ACTOR", "ACLED_PUBLISHED_DELAY", "ACLED_QUALIFIED", "ACLED_TARGETS", "COUNTRY_CODES", "FIELD_SCORERS",
    "FOREIGN_FORCES", "FORMATS", "TOLL_FIELDS", "EvalReport", "GoldArticle", "GoldFormat", "PairResult",
    "PredictionsInput", "Ratio", "Similarity", "acled_actor", "acled_actor_options", "acled_event",
    "acled_fatalities", "acled_gold_article", "acled_targets", "date_correct", "date_in_bounds", "evaluate",
    "group_predictions", "has_count", "invented", "load_gold", "load_predictions", "match_events", "place_score",
    "predict_gold", "same_count", "same_country", "same_name", "score_fields", "similarity", "states_number",
]
