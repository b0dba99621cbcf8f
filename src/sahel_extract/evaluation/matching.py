"""Matching and field scoring: one gold event and one predicted record compared, one article's events paired.

In: expected events (record-schema dicts from ``gold``; ACLED events carry an ``_acled`` block) and predicted
records as dicts (``AttackRecord.to_json_dict()``). Out: a similarity per pair (``similarity``), the one-to-one
pairs of an article (``match_events``), per-field right/wrong results (``score_fields``) and invented values
(``invented``).

Matching, within one article only, one-to-one and greedy (``match_events``): every (gold, prediction) pair
gets a similarity ``(place, date, actor, toll)`` compared in that order (a tuple, so place dominates):

- place: 2 when the canonical place names agree (folded: case, accents, punctuation), 1 when admin1 and
  country agree, else 0;
- date: 1 when the date values agree or the predicted day lies within the gold's bounds, else 0;
- actor: 1 when the canonical actor names agree, or both are unidentified (null), else 0;
- toll: 1 when ``killed`` agrees (min and max), else 0.

Pairs are taken best first (ties: earlier gold event, then earlier prediction), each gold event and each
prediction at most once. Any pair of the same article may match, even with similarity (0, 0, 0, 0): the
event score says whether the pipeline found the right number of attacks in each article, and the field
accuracies say whether it got them right, so one wrong place is not counted twice (as a miss and a false
alarm). The stricter ``place-agreeing`` event score repeats the matching with only pairs whose place
score is above 0. Unmatched predictions are false positives, unmatched gold events false negatives.

Field accuracy, on matched pairs, counted only where the gold states the field (``FIELD_SCORERS``):
actor name (canonical; null == null is correct), place name, admin1, country (the ISO code when the gold
gives one, else the folded name), date (``date_correct``), killed, wounded, abducted and attackers_killed
(correct when both ``min`` and ``max`` agree; a null count equals ``{min: null, max: null}``), target
category, event type; for ACLED, fatalities (``acled.acled_fatalities``), and the actor is right when it is
one of the ACLED actors the row accepts (see ``acled``).

Invented values (``invented``): the share of matched pairs whose prediction has a date value where the gold
has none, or a toll (a non-null min or max of killed, wounded, abducted or attackers_killed) where the gold
count is null. ACLED always codes a date and codes only deaths, so for ACLED rows a date value is invented
when the text states no date (``text_date_cue`` is ``"none"``), and a toll when the prediction reports
deaths (``killed`` or ``attackers_killed`` above 0) where ACLED codes no fatalities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from ..textnorm import fold
from .acled import acled_fatalities
from .gold import _get, _has

TOLL_FIELDS: tuple[str, ...] = ("killed", "wounded", "abducted", "attackers_killed")

Similarity = tuple[int, int, int, int]


# --- comparing values -------------------------------------------------------------------------------------


def same_name(a: str | None, b: str | None) -> bool:
    """Names equal once folded (case, accents, punctuation: "Tillaberi" == "Tillabéri"); None == None."""
    if a is None or b is None:
        return a is None and b is None
    return fold(a) == fold(b)


def same_count(gold: dict | None, pred: dict | None) -> bool:
    """Casualty counts agree on both ``min`` and ``max``; a null count is ``{min: null, max: null}``."""
    return (_get(gold, "min"), _get(gold, "max")) == (_get(pred, "min"), _get(pred, "max"))


def has_count(count: dict | None) -> bool:
    """The count gives a figure (a non-null min or max)."""
    return _get(count, "min") is not None or _get(count, "max") is not None


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def date_in_bounds(gold_date: dict | None, day: str | None) -> bool:
    """The day lies within the gold date's ``earliest``/``latest`` bounds (both needed)."""
    low, high, when = _day(_get(gold_date, "earliest")), _day(_get(gold_date, "latest")), _day(day)
    return bool(low and high and when and low <= when <= high)


def date_correct(gold_date: dict | None, pred_date: dict | None) -> bool:
    """A gold day: the predicted value is that day. A gold date without a day (a week, a month): the
    prediction's value lies within the gold's bounds, or it has no value either and the same precision
    (and, where both give bounds, bounds inside the gold's)."""
    gold_value, pred_value = _get(gold_date, "value"), _get(pred_date, "value")
    if gold_value is not None:
        return pred_value == gold_value
    if pred_value is not None:
        return date_in_bounds(gold_date, pred_value)
    if _get(pred_date, "precision") != (_get(gold_date, "precision") or "unknown"):
        return False
    if _get(gold_date, "earliest") and _get(pred_date, "earliest") and _get(pred_date, "latest"):
        return date_in_bounds(gold_date, _get(pred_date, "earliest")) and \
            date_in_bounds(gold_date, _get(pred_date, "latest"))
    return True


def same_country(gold_place: dict | None, pred_place: dict | None) -> bool:
    """ISO codes when the gold gives one, else folded country names."""
    if _get(gold_place, "country_code"):
        return (_get(pred_place, "country_code") or "").upper() == str(_get(gold_place, "country_code")).upper()
    return same_name(_get(gold_place, "country"), _get(pred_place, "country"))


# --- similarity and matching -----------------------------------------------------------------------------


def place_score(gold: dict, pred: dict) -> int:
    """2 same canonical place name, 1 same admin1 and country, 0 otherwise."""
    gold_name, pred_name = _get(gold, "place", "name"), _get(pred, "place", "name")
    if gold_name and pred_name and same_name(gold_name, pred_name):
        return 2
    gold_admin, pred_admin = _get(gold, "place", "admin1"), _get(pred, "place", "admin1")
    if gold_admin and pred_admin and same_name(gold_admin, pred_admin) and same_country(gold.get("place"),
                                                                                       pred.get("place")):
        return 1
    return 0


def similarity(gold: dict, pred: dict) -> Similarity:
    """``(place, date, actor, toll)``, compared in that order (see the module docstring)."""
    gold_value, pred_value = _get(gold, "date", "value"), _get(pred, "date", "value")
    date = int(pred_value is not None and (pred_value == gold_value or
                                           (gold_value is None and date_in_bounds(gold.get("date"), pred_value))))
    actor = int(same_name(_get(gold, "actor", "name"), _get(pred, "actor", "name")))
    toll = int(same_count(_get(gold, "casualties", "killed"), _get(pred, "casualties", "killed")))
    return place_score(gold, pred), date, actor, toll


def match_events(gold: Sequence[dict], preds: Sequence[dict], require_place: bool = False) -> list[tuple[int, int]]:
    """One-to-one greedy matching of one article's gold events and predictions, best similarity first.

    Returns (gold index, prediction index) pairs in gold order. With ``require_place`` only pairs whose
    place score is above 0 may match.
    """
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            sim = similarity(g, p)
            if require_place and sim[0] == 0:
                continue
            scored.append((tuple(-s for s in sim), gi, pi))
    scored.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in scored:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


# --- field scorers: (gold event, prediction) -> correct, or None when the gold does not state the field ----


def _score_actor(gold: dict, pred: dict) -> bool | None:
    if not _has(gold, "actor", "name"):
        return None
    name = _get(pred, "actor", "name")
    accepted = _get(gold, "_acled", "actors")
    if accepted is not None:
        return any(same_name(name, a) for a in accepted)
    return same_name(_get(gold, "actor", "name"), name)


def _score_place_field(key: str) -> Callable[[dict, dict], bool | None]:
    def score(gold: dict, pred: dict) -> bool | None:
        if not _has(gold, "place", key):
            return None
        right = same_name(_get(gold, "place", key), _get(pred, "place", key))
        if key == "name" and not right and _get(pred, "place", "mention"):
            # gazetteers spell one place differently ("Kwaré Manguèl", "Kwaremenguel"): the words the text uses
            # for the place the record resolved also name it; admin1 and country still check the resolution
            right = same_name(_get(gold, "place", key), _get(pred, "place", "mention"))
        return right

    return score


def _score_country(gold: dict, pred: dict) -> bool | None:
    if not (_has(gold, "place", "country_code") or _has(gold, "place", "country")):
        return None
    return same_country(gold.get("place"), pred.get("place"))


def _score_date(gold: dict, pred: dict) -> bool | None:
    if not _has(gold, "date"):
        return None
    return date_correct(gold.get("date"), pred.get("date"))


def _score_count(key: str) -> Callable[[dict, dict], bool | None]:
    def score(gold: dict, pred: dict) -> bool | None:
        if not _has(gold, "casualties", key):
            return None
        return same_count(_get(gold, "casualties", key), _get(pred, "casualties", key))

    return score


def _score_simple(*keys: str) -> Callable[[dict, dict], bool | None]:
    def score(gold: dict, pred: dict) -> bool | None:
        if not _has(gold, *keys):
            return None
        return _get(gold, *keys) == _get(pred, *keys)

    return score


def _score_fatalities(gold: dict, pred: dict) -> bool | None:
    if not _has(gold, "_acled", "fatalities"):
        return None
    return acled_fatalities(pred) == _get(gold, "_acled", "fatalities")


FIELD_SCORERS: dict[str, Callable[[dict, dict], bool | None]] = {
    "actor": _score_actor,
    "place": _score_place_field("name"),
    "admin1": _score_place_field("admin1"),
    "country": _score_country,
    "date": _score_date,
    "killed": _score_count("killed"),
    "wounded": _score_count("wounded"),
    "abducted": _score_count("abducted"),
    "attackers_killed": _score_count("attackers_killed"),
    "target": _score_simple("target", "category"),
    "event_type": _score_simple("event_type"),
    "fatalities": _score_fatalities,
}


def score_fields(gold: dict, pred: dict) -> dict[str, bool]:
    """Each field the gold states: is the prediction right?"""
    out = {}
    for name, scorer in FIELD_SCORERS.items():
        result = scorer(gold, pred)
        if result is not None:
            out[name] = result
    return out


def invented(gold: dict, pred: dict) -> dict[str, bool]:
    """Does the prediction give a date value / a toll that the gold does not have?"""
    acled = gold.get("_acled")
    if acled is not None:
        date = acled.get("text_date_cue") == "none" and _get(pred, "date", "value") is not None
        toll = acled.get("fatalities") == 0 and any(
            (_get(pred, "casualties", k, "min") or 0) > 0 or (_get(pred, "casualties", k, "max") or 0) > 0
            for k in ("killed", "attackers_killed"))
    else:
        date = _has(gold, "date") and _get(gold, "date", "value") is None and _get(pred, "date", "value") is not None
        toll = any(_has(gold, "casualties", k) and not has_count(_get(gold, "casualties", k))
                   and has_count(_get(pred, "casualties", k)) for k in TOLL_FIELDS)
    return {"date": bool(date), "toll": bool(toll), "any": bool(date or toll)}
