"""The ACLED adapter: ACLED-coded rows read as gold articles, ACLED's actor names as catalogue actors.

In: ACLED rows (one event per line: ACLED's ``notes`` in ``text``, the coders' fields ``event_date``,
``time_precision``, ``event_type``, ``actor1`` ... ``fatalities``, and the development set's ``is_negative`` and
``text_date_cue``), the actor catalogue (``models/actors.json``), ACLED's naming conventions
(``models/acled_conventions.json``) and the project's lexicon (month names, number words). Out:

- ``acled_gold_article``: one row as a ``GoldArticle``, its note published ``ACLED_PUBLISHED_DELAY`` after the
  event, with one expected event (``acled_event``), or none for ``is_negative`` rows;
- ``acled_actor`` / ``acled_actor_options``: the canonical actor(s) an ACLED actor name stands for;
- ``states_number``: whether a note gives a count; ``acled_fatalities``: a prediction's deaths in ACLED's sense;
- ``acled_targets``: the ACLED target lines (``ACLED_TARGETS``) of a scored ``EvalReport``.

ACLED names actors in a fixed scheme (ACLED codebook, "Actor names"; the conventions are data, see
``models/acled_conventions.json``): state forces are "Military Forces of <Country> (<years>)" or "Police Forces
of <Country> (<years>)", optionally followed by a branch ("Air Force", "Gendarmerie", "National Guard", "Wagner
Group"...); non-state groups are "<ABBR>: <Full name>" or a plain name, sometimes with a qualifier in parentheses
("Islamic State (Greater Sahara)"); communal militias are "<Name> Communal Militia (<Country>)" or "<Name> Ethnic
Militia (<Country>)"; unattributed violence is "Unidentified Armed Group (<Country>)"; the other sides are
"Civilians (<Country>)", "Protesters (<Country>)", "Rioters (<Country>)". The canonical names are those of
models/actors.json; an actor the catalogue does not have is null in the record schema, so it maps to None (as do
unidentified groups, civilians, protesters and rioters).

ACLED comparisons (made by ``matching``'s scorers on the ``_acled`` block of the expected event): the actor is
correct when the prediction's canonical actor is ``actor1`` or one of ``assoc_actor_1`` (mapped by
``acled_actor_options``), or, for Battles, where ACLED's actor order does not say who attacked, ``actor2`` or one
of ``assoc_actor_2``; place name, admin1 and country are ACLED's ``location``, ``admin1`` and ``country``, folded;
the date is ``event_date`` (time precision 2 or 3: the bounds of ``_acled_date``); fatalities are correct when
``killed.min + attackers_killed.min`` (nulls as 0, ``acled_fatalities``) equals ACLED's ``fatalities`` exactly.
The target lines (``acled_targets``) restrict the date to rows whose ``text_date_cue`` is not ``"none"`` and
fatalities to rows whose text gives a number (``states_number``). ACLED always codes a date and codes only
deaths, so for ACLED rows a date value is invented when the text states no date, and a toll when the prediction
reports deaths where ACLED codes no fatalities (``matching.invented``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..normalise.actors import ActorCatalogue, default_catalogue
from ..textnorm import fold
from .gold import GoldArticle, _get
from .notes import NoteRules
from .ratio import Ratio

if TYPE_CHECKING:
    from .report import EvalReport

#: Publication date given to an ACLED note (ACLED notes have none): the event date plus this delay, so that
#: weekdays and dates without a year resolve the way they would in a report published soon after.
ACLED_PUBLISHED_DELAY = dt.timedelta(days=3)


def _load_conventions() -> dict:
    path = resources.files("sahel_extract.models").joinpath("acled_conventions.json")
    return json.loads(path.read_text(encoding="utf-8"))


#: ACLED's naming conventions (``models/acled_conventions.json``).
CONVENTIONS: dict = _load_conventions()
_ACTORS: dict = CONVENTIONS["actors"]
_NOTES: dict = CONVENTIONS["notes"]

#: Actor-name prefixes with no canonical armed actor.
ACLED_NO_ACTOR: tuple[str, ...] = tuple(_ACTORS["no_actor_prefixes"])
#: ACLED's country names (folded) to ISO codes, for national forces.
COUNTRY_CODES: dict[str, str] = dict(_ACTORS["country_codes"])
#: Foreign national forces by ACLED country name (their catalogue entry is not country-bound).
FOREIGN_FORCES: dict[str, str] = dict(_ACTORS["foreign_forces"])
#: Qualifiers in parentheses that name an Islamic State province (older ACLED names), longest first.
ACLED_QUALIFIED: dict[str, str] = dict(_ACTORS["qualified_names"])


# --- actor names ---------------------------------------------------------------------------------------------


def _national_force(country: str, branch: str, implied: str | None, catalogue: ActorCatalogue) -> str | None:
    """The canonical state force of an ACLED "Military/Police Forces of <country> (...) <branch>" name;
    ``implied`` is the branch the prefix implies ("police" for police forces)."""
    key = fold(country)
    named = catalogue.lookup(branch) if branch else None  # a named foreign or auxiliary branch ("Wagner Group")
    if named and named.kind != "state_forces":
        return named.name
    if key in FOREIGN_FORCES:
        return FOREIGN_FORCES[key]
    code = COUNTRY_CODES.get(key)
    if code is None:
        return None
    word = next((w for w in _ACTORS["branches"] if w in fold(branch)), implied)
    if word:
        for entry in catalogue.entries:
            if entry.kind == "state_forces" and entry.countries == (code,) and word in fold(entry.name):
                return entry.name
    return catalogue.national_forces.get(code)


def _state_force(text: str) -> tuple[str, str, str | None] | None:
    """``(country, branch, implied branch)`` of a state-force name "<prefix> <country> (<years>) <branch>" (the
    years and branch optional, no parentheses in the country), or None for any other name."""
    found = next(((prefix + " ", implied) for prefix, implied in _ACTORS["state_force_prefixes"].items()
                  if text[:len(prefix) + 1].lower() == prefix + " "), None)
    if found is None:
        return None
    head, implied = found
    rest = text[len(head):]
    opening = rest.find("(")
    if opening < 0:
        country, branch = rest, ""
    else:
        closing = rest.find(")", opening)
        if closing < 0:
            return None
        country, branch = rest[:opening], rest[closing + 1:].lstrip()
    country = country.rstrip()
    if not country or ")" in country:
        return None
    article = _ACTORS["country_article"]
    if country[:len(article)].lower() == article and country[len(article):len(article) + 1].isspace():
        country = country[len(article):].lstrip()
    return country, branch, implied


def _drop_parentheses(text: str) -> str:
    """The text without its parenthesised parts (and the spaces before them): "Dozo (Mali)" -> "Dozo"."""
    out, pos = [], 0
    while (opening := text.find("(", pos)) >= 0 and (closing := text.find(")", opening)) >= 0:
        out.append(text[pos:opening].rstrip())
        pos = closing + 1
    return "".join(out) + text[pos:]


def _drop_group_suffix(name: str) -> str:
    """The name without a trailing "[Communal|Ethnic] Militia" or "Self Defence Group" word (after a space)."""
    suffix = next((s for s in _ACTORS["group_suffixes"] if name[-len(s):].lower() == s), None)
    if suffix is None:
        return name
    head = name[:-len(suffix)]
    words = head.rstrip()
    for qualifier in _ACTORS["group_qualifiers"]:
        before = words[:-len(qualifier)]
        if words[-len(qualifier):].lower() == qualifier and before[-1:].isspace():
            return before.rstrip()
    return head.rstrip() if head[-1:].isspace() else name


def _split_words(text: str, separator: str) -> list[str]:
    """The text split on a separator word between spaces, compared without regard to case."""
    sep, parts, start, i = f" {separator} ", [], 0, 0
    while i <= len(text) - len(sep):
        if text[i:i + len(sep)].lower() == sep:
            parts.append(text[start:i])
            start = i = i + len(sep)
        else:
            i += 1
    return [*parts, text[start:]]


def _acled_single(text: str, catalogue: ActorCatalogue) -> str | None:
    """The canonical actor of one ACLED actor name (no "and/or"; spaces normalised)."""
    key = fold(text)
    if key.startswith(ACLED_NO_ACTOR):
        return None
    forces = _state_force(text)
    if forces:
        return _national_force(*forces, catalogue)
    inlined = fold(text.replace("(", " ").replace(")", " "))
    for qualified, canonical in ACLED_QUALIFIED.items():
        if inlined.startswith(qualified):
            return canonical
    parts = [text]
    if _ACTORS["abbreviation_separator"] in text:
        abbr, _, full = text.partition(_ACTORS["abbreviation_separator"])
        parts += [abbr, full]
    parts += [part for part in _split_words(text, _ACTORS["long_name_separator"]) if part != text]
    candidates = []
    for part in parts:
        bare = _drop_parentheses(part).strip()
        candidates += [part, bare, _drop_group_suffix(bare)]
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
    for part in _split_words(" ".join(name.split()), _ACTORS["alternatives"]):
        canonical = _acled_single(part, catalogue)
        if canonical not in out:
            out.append(canonical)
        entry = catalogue.get(canonical) if canonical else None
        if entry and canonical in catalogue.national_forces.values():
            # ACLED's "Military Forces of X" include the air force the catalogue keeps apart
            branch = _ACTORS["military_includes_branch"]
            air = next((e.name for e in catalogue.entries if e.kind == "state_forces"
                        and e.countries == entry.countries and branch in fold(e.name)), None)
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
        for part in (value or "").split(_ACTORS["list_separator"]):
            if part.strip():
                for canonical in acled_actor_options(part, catalogue):
                    if canonical not in out:
                        out.append(canonical)
    return out


# --- does a note give a number? ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _note_rules() -> NoteRules:
    return NoteRules.from_conventions(_NOTES)


def states_number(text: str) -> bool:
    """True when the text states a count: a digit or a count word of the lexicon ("one" to "ninety",
    "hundred(s)", "thousand(s)", "dozen(s)") outside dates, years, times, distances, ordinals and ACLED's
    "coded as N" convention (``notes.NoteRules``). "A soldier", "several" or "many" are not numbers here."""
    return _note_rules().states_number(text)


# --- rows as gold articles ------------------------------------------------------------------------------------


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
    if str(row.get("event_type") or "").lower() in CONVENTIONS["events"]["either_side_event_types"]:
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


def acled_fatalities(pred: dict) -> int:
    """A prediction's total deaths in ACLED's sense: ``killed.min + attackers_killed.min`` (nulls as 0)."""
    return (_get(pred, "casualties", "killed", "min") or 0) + (_get(pred, "casualties", "attackers_killed", "min") or 0)


# --- target lines ---------------------------------------------------------------------------------------------

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
