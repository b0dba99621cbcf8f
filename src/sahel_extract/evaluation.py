"""Evaluation: predicted attack records scored against a gold set.

In:
- a gold set, in one of two formats (``load_gold``):
  - ``"project"``: the project's own gold JSONL (``data/gold/gold.jsonl``): one line per article with
    ``id``, ``title``, ``text``, ``published``, ... and ``events``, the expected records in a compact form
    of the record schema (DESIGN.md section 3; see ``data/gold/README.md``);
  - ``"acled"``: ACLED-coded rows (one event per line, the note in ``text``), read as one article per row
    with one expected event, or none for ``is_negative`` rows. ACLED's fields are mapped to the record
    schema by ``acled_event`` (actor names by ``acled_actor``).
- predictions: ``AttackRecord`` JSONL as written by ``sahel-extract run`` (``load_predictions``), records
  grouped per article by ``source.article_id``; or a mapping from gold id (``predict_gold``) or article id
  to records; or any iterable of records.

Out: an ``EvalReport``: event precision, recall and F1; article-level figures (articles with events that got
a record, articles without events that got none); per-field accuracy on matched events; the rate of
invented values; for ACLED, the target lines. ``report.table()`` is a printable table and
``report.to_dict()`` the same figures as JSON-ready data.

Which predictions belong to which gold article: an article read by the pipeline has the id
``make_article(text, title=title).id`` (a hash of its title and text; url, publisher and the publication
date do not enter it). ``GoldArticle.article_id`` recomputes it from the gold line, so records written by
``sahel-extract run data/gold/gold.jsonl`` (or by ``run`` on the ACLED file: no title) find their article.
A mapping keyed by gold id (as ``predict_gold`` returns) is accepted too.

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
category, event type; for ACLED, fatalities.

ACLED comparisons: the actor is correct when the prediction's canonical actor is ``actor1`` or one of
``assoc_actor_1`` (mapped by ``acled_actor_options``), or, for Battles, where ACLED's actor order does not
say who attacked, ``actor2`` or one of ``assoc_actor_2``; place name, admin1 and country are ACLED's
``location``, ``admin1`` and ``country``, folded; the date is ``event_date`` (time precision 2 or 3: the
bounds of ``_acled_date``); fatalities are correct when ``killed.min + attackers_killed.min`` (nulls as 0,
``acled_fatalities``) equals ACLED's ``fatalities`` exactly. The target lines (``acled_targets``) restrict
the date to rows whose ``text_date_cue`` is not ``"none"`` and fatalities to rows whose text gives a number
(``states_number``).

Invented values (``invented``): the share of matched pairs whose prediction has a date value where the gold
has none, or a toll (a non-null min or max of killed, wounded, abducted or attackers_killed) where the gold
count is null. ACLED always codes a date and codes only deaths, so for ACLED rows a date value is invented
when the text states no date (``text_date_cue`` is ``"none"``), and a toll when the prediction reports
deaths (``killed`` or ``attackers_killed`` above 0) where ACLED codes no fatalities.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .ingest import Article, make_article
from .ingest.dates import parse_published
from .normalise.actors import ActorCatalogue, default_catalogue
from .records import AttackRecord
from .textnorm import fold

log = logging.getLogger(__name__)

GoldFormat = Literal["project", "acled"]
FORMATS: tuple[str, ...] = ("project", "acled")
#: Publication date given to an ACLED note (ACLED notes have none): the event date plus this delay, so that
#: weekdays and dates without a year resolve the way they would in a report published soon after.
ACLED_PUBLISHED_DELAY = dt.timedelta(days=3)
TOLL_FIELDS: tuple[str, ...] = ("killed", "wounded", "abducted", "attackers_killed")

Similarity = tuple[int, int, int, int]


# --- gold and predictions in ---------------------------------------------------------------------------


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


def load_gold(path: str | os.PathLike, format: GoldFormat = "project") -> list[GoldArticle]:
    """The gold articles of a file: the project's gold JSONL or ACLED rows (``format="acled"``)."""
    _check_format(format)
    if format == "acled":
        return [acled_gold_article(row) for _, row in _read_jsonl(path)]
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
        from .pipeline import Pipeline

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


# --- ACLED adapter ---------------------------------------------------------------------------------------
#
# ACLED names actors in a fixed scheme (ACLED codebook, "Actor names"): state forces are
# "Military Forces of <Country> (<years>)" or "Police Forces of <Country> (<years>)", optionally followed
# by a branch ("Air Force", "Gendarmerie", "National Guard", "Wagner Group"...); non-state groups are
# "<ABBR>: <Full name>" or a plain name, sometimes with a qualifier in parentheses ("Islamic State
# (Greater Sahara)"); communal militias are "<Name> Communal Militia (<Country>)" or "<Name> Ethnic Militia
# (<Country>)"; unattributed violence is "Unidentified Armed Group (<Country>)"; the other sides are
# "Civilians (<Country>)", "Protesters (<Country>)", "Rioters (<Country>)". The canonical names are those
# of models/actors.json; an actor the catalogue does not have is null in the record schema, so it maps to
# None (as do unidentified groups, civilians, protesters and rioters).

#: Actor-name prefixes with no canonical armed actor.
ACLED_NO_ACTOR = ("unidentified", "civilians", "protesters", "rioters", "private security forces", "prisoners")
#: ACLED's country names to ISO codes, for national forces.
COUNTRY_CODES = {"mali": "ML", "burkina faso": "BF", "niger": "NE", "nigeria": "NG", "chad": "TD", "benin": "BJ",
                 "togo": "TG", "mauritania": "MR", "france": "FR", "united states": "US", "russia": "RU",
                 "ivory coast": "CI", "cote divoire": "CI", "ghana": "GH", "algeria": "DZ"}
#: Foreign national forces by ACLED country name (their catalogue entry is not country-bound).
FOREIGN_FORCES = {"france": "Barkhane", "united states": "US Forces", "russia": "Africa Corps"}
#: Qualifiers in parentheses that name an Islamic State province (older ACLED names).
#: Longest first: ISGS was coded as a faction of ISWAP while it was part of it (2019-2022).
ACLED_QUALIFIED = {"islamic state west africa greater sahara faction": "ISGS", "islamic state greater sahara": "ISGS",
                   "islamic state west africa": "ISWAP", "islamic state sahel": "ISGS"}
_FORCES = re.compile(r"^(?P<kind>military|police) forces of (?P<country>[^()]+?)\s*"
                     r"(?:\((?P<years>[^)]*)\)\s*(?P<branch>.*))?$", re.IGNORECASE)
_MILITIA_SUFFIX = re.compile(r"\s+(?:communal|ethnic)?\s*(?:militia|self defen[cs]e group)s?$", re.IGNORECASE)
_BRANCH_WORDS = ("air force", "gendarmerie", "national guard", "police")


def _national_force(country: str, branch: str, police: bool, catalogue: ActorCatalogue) -> str | None:
    """The canonical state force of an ACLED "Military/Police Forces of <country> (...) <branch>" name."""
    key = fold(country)
    named = catalogue.lookup(branch) if branch else None  # a named foreign or auxiliary branch ("Wagner Group")
    if named and named.kind != "state_forces":
        return named.name
    if key in FOREIGN_FORCES:
        return FOREIGN_FORCES[key]
    code = COUNTRY_CODES.get(key)
    if code is None:
        return None
    word = next((w for w in _BRANCH_WORDS if w in fold(branch)), "police" if police else None)
    if word:
        for entry in catalogue.entries:
            if entry.kind == "state_forces" and entry.countries == (code,) and word in fold(entry.name):
                return entry.name
    return catalogue.national_forces.get(code)


def _acled_single(text: str, catalogue: ActorCatalogue) -> str | None:
    """The canonical actor of one ACLED actor name (no "and/or")."""
    key = fold(text)
    if key.startswith(ACLED_NO_ACTOR):
        return None
    forces = _FORCES.match(text)
    if forces:
        country = re.sub(r"^the\s+", "", forces["country"], flags=re.IGNORECASE)
        return _national_force(country, forces["branch"] or "", forces["kind"].lower() == "police", catalogue)
    inlined = fold(re.sub(r"[()]", " ", text))
    for qualified, canonical in ACLED_QUALIFIED.items():
        if inlined.startswith(qualified):
            return canonical
    parts = [text]
    if ":" in text:
        abbr, _, full = text.partition(":")
        parts += [abbr, full]
    parts += [part for part in re.split(r"\s+-\s+", text) if part != text]
    candidates = []
    for part in parts:
        bare = re.sub(r"\s*\([^)]*\)", "", part).strip()
        candidates += [part, bare, _MILITIA_SUFFIX.sub("", bare)]
    for candidate in candidates:
        entry = catalogue.lookup(candidate.strip())
        if entry:
            return entry.name
    return None


def acled_actor_options(name: str | None, catalogue: ActorCatalogue | None = None) -> list[str | None]:
    """The canonical actors an ACLED actor name may stand for: one, or one per side of ACLED's "X and/or Y"
    (uncertain attribution between groups). Unidentified groups, civilians, protesters, rioters and actors
    the catalogue lacks are None.

    For one name, tried in order: no-actor prefixes; state forces by country and branch; Islamic State
    names with ACLED's qualifiers ("Islamic State (Greater Sahara)", "Islamic State (West Africa) -
    Greater Sahara Faction" -> ISGS); then, through the project's alias resolver, the whole name, for
    "ABBR: Full name" the abbreviation and the full name, the parts of "Name - Long name", each also without
    parentheses and without a "Militia" suffix ("Dozo Communal Militia (Mali)" -> "Dozo").
    """
    if not name or not name.strip():
        return [None]
    catalogue = catalogue or default_catalogue()
    out: list[str | None] = []
    for part in re.split(r"\s+and/or\s+", " ".join(name.split()), flags=re.IGNORECASE):
        canonical = _acled_single(part, catalogue)
        if canonical not in out:
            out.append(canonical)
        entry = catalogue.get(canonical) if canonical else None
        if entry and canonical in catalogue.national_forces.values():
            # ACLED's "Military Forces of X" include the air force the catalogue keeps apart
            air = next((e.name for e in catalogue.entries if e.kind == "state_forces"
                        and e.countries == entry.countries and "air force" in fold(e.name)), None)
            if air and air not in out:
                out.append(air)
    return out


def acled_actor(name: str | None, catalogue: ActorCatalogue | None = None) -> str | None:
    """The canonical actor for an ACLED actor name (the first of ``acled_actor_options``), or None."""
    return acled_actor_options(name, catalogue)[0]


def _acled_actor_set(*names: str | None, catalogue: ActorCatalogue) -> list[str | None]:
    """Canonical names of ACLED actor fields (``assoc_actor`` fields list several, split on ';')."""
    out: list[str | None] = []
    for value in names:
        for part in (value or "").split(";"):
            if part.strip():
                for canonical in acled_actor_options(part, catalogue):
                    if canonical not in out:
                        out.append(canonical)
    return out


_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
#: Figures that are not counts of people: dates, years, times, distances, ACLED's "coded as N" convention.
_NOT_COUNTS = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"\b"
    r"|\b" + _MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"|\b(?:1[89]|20)\d{2}\b"
    r"|\b\d{1,2}[:h]\d{2}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d+(?:[.,]\d+)?\s*(?:km|kms|kilomet(?:er|re)s?|miles?|m)\b"
    r"|\bcoded\s+as\s+\d+"
    r"|\b\d+(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|"
    r"thousands?|dozens?)\b",
    re.IGNORECASE,
)


def states_number(text: str) -> bool:
    """True when the text states a count: a digit or an English cardinal number word ("one" to "ninety",
    "hundred(s)", "thousand(s)", "dozen(s)") outside dates, years, times, distances, ordinals and ACLED's
    "coded as N" convention. "A soldier", "several" or "many" are not numbers here."""
    rest = _NOT_COUNTS.sub(" ", text)
    return bool(re.search(r"\d", rest) or _NUMBER_WORDS.search(rest))


def _acled_date(row: dict) -> dict:
    """ACLED's event date as a record-schema date: precision 1 a day; 2 (a week) the event date +- 6 days;
    3 (a month) its calendar month."""
    day = dt.date.fromisoformat(str(row["event_date"])[:10])
    precision = int(row.get("time_precision") or 1)
    if precision == 1:
        return {"value": day.isoformat(), "earliest": day.isoformat(), "latest": day.isoformat(), "precision": "day"}
    if precision == 2:
        span = dt.timedelta(days=6)
        return {"value": None, "earliest": (day - span).isoformat(), "latest": (day + span).isoformat(),
                "precision": "week"}
    first = day.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return {"value": None, "earliest": first.isoformat(), "latest": last.isoformat(), "precision": "month"}


def acled_event(row: dict, catalogue: ActorCatalogue | None = None) -> dict:
    """An ACLED row as an expected event (record-schema dict) plus an ``_acled`` block used in scoring.

    ``actor.name`` is ``actor1`` mapped; ``_acled.actors`` the names also accepted: ``actor1`` and
    ``assoc_actor_1``, and for Battles (where ACLED's order does not say who attacked) ``actor2`` and
    ``assoc_actor_2`` as well. ``fatalities`` is ACLED's total of deaths on all sides.
    """
    catalogue = catalogue or default_catalogue()
    accepted = _acled_actor_set(row.get("actor1"), row.get("assoc_actor_1"), catalogue=catalogue)
    if str(row.get("event_type") or "").lower() == "battles":
        accepted += [a for a in _acled_actor_set(row.get("actor2"), row.get("assoc_actor_2"), catalogue=catalogue)
                     if a not in accepted]
    return {
        "actor": {"name": acled_actor(row.get("actor1"), catalogue)},
        "place": {"name": row.get("location"), "admin1": row.get("admin1"), "country": row.get("country")},
        "date": _acled_date(row),
        "_acled": {"actors": accepted, "fatalities": int(row.get("fatalities") or 0),
                   "text_date_cue": row.get("text_date_cue"), "number_stated": states_number(row.get("text") or "")},
    }


def acled_gold_article(row: dict, catalogue: ActorCatalogue | None = None) -> GoldArticle:
    """One ACLED row as a gold article: its note, published ``ACLED_PUBLISHED_DELAY`` after the event, with
    one expected event, or none when ``is_negative``."""
    published = dt.date.fromisoformat(str(row["event_date"])[:10]) + ACLED_PUBLISHED_DELAY
    negative = bool(row.get("is_negative"))
    return GoldArticle(
        id=str(row.get("id")), text=row.get("text") or "", published=published.isoformat(),
        events=[] if negative else [acled_event(row, catalogue)],
        meta={"is_negative": negative, "text_date_cue": row.get("text_date_cue"),
              "number_stated": states_number(row.get("text") or ""), "geo_precision": row.get("geo_precision")},
    )


# --- comparing values -------------------------------------------------------------------------------------


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


def acled_fatalities(pred: dict) -> int:
    """A prediction's total deaths in ACLED's sense: ``killed.min + attackers_killed.min`` (nulls as 0)."""
    return (_get(pred, "casualties", "killed", "min") or 0) + (_get(pred, "casualties", "attackers_killed", "min") or 0)


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


# --- the report ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Ratio:
    """``correct`` out of ``total``; ``value`` is None when there is nothing to count."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(bool(ok))

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total,
                "value": None if self.value is None else round(self.value, 4)}

    def __str__(self) -> str:
        shown = "  n/a" if self.value is None else f"{self.value:.3f}"
        return f"{shown} ({self.correct}/{self.total})"


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


#: ACLED target lines: key -> label.
ACLED_TARGETS: dict[str, str] = {
    "rows_with_attack_found": "rows with an attack found (non-negative rows with a record)",
    "negatives_with_no_record": "negatives with no record (is_negative rows)",
    "actor": "actor (matched rows)",
    "location": "location (matched rows)",
    "admin1": "admin1 (matched rows)",
    "country": "country (matched rows)",
    "date_where_stated": "date, where the text states it (text_date_cue != none)",
    "fatalities_where_number_given": "fatalities, where the text gives a number",
}


@dataclass
class EvalReport:
    """Counts and ratios of one evaluation (see the module docstring for the definitions)."""

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


# --- evaluate -------------------------------------------------------------------------------------------


PredictionsInput = str | os.PathLike | Mapping[str, Sequence[AttackRecord | dict]] | Iterable[AttackRecord | dict]


def _prediction_lookup(predictions: PredictionsInput) -> dict[str, Sequence[AttackRecord | dict]]:
    if isinstance(predictions, (str, os.PathLike)):
        return load_predictions(predictions)
    if isinstance(predictions, Mapping):
        return dict(predictions)
    return group_predictions(predictions)


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


def acled_targets(articles: Sequence[GoldArticle], report: EvalReport) -> tuple[dict[str, Ratio], dict[str, Ratio]]:
    """The ACLED target lines (``ACLED_TARGETS``) and a breakdown, from a report's matched pairs."""
    meta = {a.id: a.meta for a in articles}
    targets = {
        "rows_with_attack_found": Ratio(report.articles_with_events.correct, report.articles_with_events.total),
        "negatives_with_no_record": Ratio(report.articles_without_events.correct,
                                          report.articles_without_events.total),
        "actor": Ratio(), "location": Ratio(), "admin1": Ratio(), "country": Ratio(),
        "date_where_stated": Ratio(), "fatalities_where_number_given": Ratio(),
    }
    breakdown = {"location, geo_precision 1 (exact)": Ratio(), "location, geo_precision 2-3": Ratio(),
                 "date, text_date_cue none": Ratio(), "fatalities, no number in the text": Ratio()}
    for pair in report.pairs:
        m, f = meta.get(pair.article, {}), pair.fields
        for target, name in (("actor", "actor"), ("location", "place"), ("admin1", "admin1"), ("country", "country")):
            if name in f:
                targets[target].add(f[name])
        if "place" in f:
            exact = m.get("geo_precision") == 1
            breakdown["location, geo_precision 1 (exact)" if exact else "location, geo_precision 2-3"].add(f["place"])
        if "date" in f:
            stated = m.get("text_date_cue") != "none"
            (targets["date_where_stated"] if stated else breakdown["date, text_date_cue none"]).add(f["date"])
        if "fatalities" in f:
            (targets["fatalities_where_number_given"] if m.get("number_stated")
             else breakdown["fatalities, no number in the text"]).add(f["fatalities"])
    return targets, breakdown


# --- place resolution on ACLED rows at geo_precision 1 ------------------------------------------------------

#: Why a row was missed, from the gazetteer's point of view (ACLED's fields are read only to diagnose).
GEO_MISS_CAUSES = {
    "absent": "no place of that name or spelling in ACLED's region in the gazetteer, and the note names no "
              "region of ACLED's",
    "namesake": "the gazetteer also has one in ACLED's region: the wrong namesake was chosen",
    "region in note": "the note names ACLED's region (admin1 or admin2) but the resolution did not use it",
}


@dataclass
class GeoReport:
    """How well places are resolved on ACLED rows coded at ``geo_precision`` 1 (``geo_resolution``)."""

    gazetteer: str
    rows: int
    resolver: Ratio
    end_to_end: Ratio
    misses: list[tuple[str, str]] = field(default_factory=list)  # (cause, description)

    @property
    def causes(self) -> dict[str, int]:
        return {c: sum(1 for cause, _ in self.misses if cause == c) for c in GEO_MISS_CAUSES}

    @property
    def ceiling(self) -> float:
        """The resolver share if every wrong namesake and unused region were fixed: what the gazetteer allows."""
        fixable = self.causes["namesake"] + self.causes["region in note"]
        return (self.resolver.correct + fixable) / self.rows if self.rows else 0.0


def _geo_rows(path_or_rows: str | os.PathLike | Iterable[dict]) -> list[dict]:
    rows = (json.loads(line) for line in open(path_or_rows, encoding="utf-8")) if isinstance(
        path_or_rows, (str, os.PathLike)) else path_or_rows
    return [r for r in rows if r.get("geo_precision") == 1 and not r.get("is_negative")]


def _same_place(place: Any, row: dict) -> bool:
    return (place.country or "") == row["country"] and fold(place.admin1 or "") == fold(row["admin1"] or "")


def text_spelling(location: str, frames: Sequence[Any]) -> str | None:
    """The note's own words for a coder's location when they spell it differently ("Bagagi" for "Bagadji"),
    so that the place is not taken as context for itself."""
    from rapidfuzz import fuzz

    from .normalise.places import sound_key

    texts = [a.text for f in frames for a in f.places]
    best = max(texts, default=None, key=lambda t: fuzz.ratio(fold(t), fold(location)))
    if best and (fuzz.ratio(fold(best), fold(location)) >= 80 or sound_key(fold(best)) == sound_key(fold(location))):
        return best
    return None


def _geo_miss_cause(row: dict, gazetteer: Any) -> str:
    from .gazetteer import lookup
    from .normalise.places import COUNTRY_NAMES

    code = next((c for c, n in COUNTRY_NAMES.items() if n == row["country"]), "")
    if any(fold(e.admin1 or "") == fold(row["admin1"] or "") and e.country_code == code
           for e, _, _ in lookup(row["location"], gazetteer, limit=50)):
        return "namesake"
    names = {fold(row.get(k) or "") for k in ("admin1", "admin2")} - {""}
    if any(f" {n} " in f" {fold(row['text'])} " for n in names):
        return "region in note"
    return "absent"


def geo_resolution(path_or_rows: str | os.PathLike | Iterable[dict], pipeline: Any) -> GeoReport:
    """Place resolution on ACLED rows at ``geo_precision`` 1 (the location is the exact place).

    - resolver: ACLED's ``location`` resolved the way the pipeline resolves a place
      (``assemble.resolve_mention``), in the context the pipeline finds in the note itself (its countries,
      the regions and coordinates of the other places it names, the armed groups it names; never ACLED's own
      country or admin fields); right when admin1 and country agree with ACLED's (folded);
    - end to end: the pipeline run on the note (published ``ACLED_PUBLISHED_DELAY`` after the event); right
      when one of its records has ACLED's admin1 and country.

    Each resolver miss gets a cause (``GEO_MISS_CAUSES``), read with ACLED's fields for diagnosis only.
    """
    from .assemble import article_countries, build_records, event_countries, named_actors, resolve_mention

    rows = _geo_rows(path_or_rows)
    gaz, catalogue = pipeline.gazetteer, default_catalogue()
    articles = [make_article(r["text"], published=dt.date.fromisoformat(r["event_date"]) + ACLED_PUBLISHED_DELAY)
                for r in rows]
    report = GeoReport(gazetteer=gaz.label, rows=len(rows), resolver=Ratio(), end_to_end=Ratio())
    docs = pipeline.nlp.pipe(a.text for a in articles)
    for row, article, doc in zip(rows, articles, docs, strict=True):
        frames = doc._.attack_frames
        named = article_countries(frames)
        actors = named_actors(frames, catalogue)
        place = resolve_mention(frames, row["location"], gaz, event_countries(frames, named, actors), actors,
                                text_spelling(row["location"], frames), named)
        right = _same_place(place, row)
        report.resolver.add(right)
        if not right:
            report.misses.append((_geo_miss_cause(row, gaz),
                                  f"{row['location']!r} -> {place.name!r} {place.admin1!r} {place.country_code!r} "
                                  f"(ACLED {row['admin1']!r}, {row['country']!r})"))
        records = build_records(doc._.attacks, frames, article, gaz, catalogue)  # what `run` writes for it
        report.end_to_end.add(any(_same_place(r.place, row) for r in records))
    return report
