"""ACLED actor names for a record's actor and target.

In: a record's ``actor`` and ``target`` dicts, its ``place`` and the event day. Out: the two sides of an
ACLED row, each a ``Side`` (ACLED actor name, associated actors, inter code), named as ACLED names actors:
"JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2021-)" (the period of the
government in office on the event day), "Unidentified Armed Group (Niger)", "Civilians (Burkina Faso)".
The names, periods and codes are data: ``models/acled_actors.json`` (see its ``source``).
This is the reverse of ``evaluation.acled_actor``, which maps ACLED's names to the catalogue.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..normalise.actors import default_catalogue
from ..textnorm import fold
from .acled_codebook import ARMED_TARGETS, ascii_name


@dataclass(frozen=True)
class Side:
    """One side of an ACLED row: ``actor``, ``assoc`` (``assoc_actor_N``, several joined by "; "), ``inter``."""

    actor: str
    assoc: tuple[str, ...] = ()
    inter: int = 0


@lru_cache(maxsize=1)
def actor_table() -> dict:
    """``models/acled_actors.json``."""
    path = resources.files("sahel_extract.models").joinpath("acled_actors.json")
    return json.loads(path.read_text(encoding="utf-8"))


def period(code: str | None, day: dt.date | None) -> str | None:
    """The label of the government period of a country on a day ("2021-"), the latest when the day is
    unknown, None for a country the table has no periods for."""
    periods = actor_table()["periods"].get((code or "").upper())
    if not periods:
        return None
    if day is None:
        return periods[-1][1]
    label = periods[0][1]
    for start, name in periods:
        if dt.date.fromisoformat(start) <= day:
            label = name
    return label


def country_name(code: str | None, place: dict | None = None) -> str | None:
    """ACLED's name of a country, from its ISO code, else the place's own country name."""
    row = actor_table()["countries"].get((code or "").upper())
    if row:
        return row[0]
    name = (place or {}).get("country")
    return ascii_name(name) if name else None


def place_code(place: dict | None) -> str | None:
    code = (place or {}).get("country_code")
    return code.upper() if code else None


def fill(template: str, code: str | None, day: dt.date | None, place: dict | None = None) -> str | None:
    """A name template with its ``{country}`` and ``{period}`` filled; None when a state name's country is not
    known. ``{country}`` alone falls back to the table's ``unknown_country`` ("Civilians (International)")."""
    country = country_name(code, place)
    if "{period}" in template:
        label = period(code, day)
        if "{country}" in template and country is None:
            return None
        name = template.replace("{period}", label or "")
        name = re.sub(r"\s*\(\)", "", name)
    else:
        name = template
    return name.replace("{country}", country or actor_table()["unknown_country"])


def _variant(entry: dict, place: dict | None, day: dt.date | None) -> dict | None:
    code = place_code(place)
    admin1 = fold((place or {}).get("admin1") or "")
    for variant in entry.get("acled") or []:
        if variant.get("before") and day is not None and day >= dt.date.fromisoformat(variant["before"]):
            continue
        if variant.get("countries") and code not in variant["countries"]:
            continue
        if variant.get("admin1") and admin1 not in {fold(a) for a in variant["admin1"]}:
            continue
        return variant
    return None


def catalogue_side(name: str, place: dict | None, day: dt.date | None) -> Side | None:
    """The ACLED side of a catalogue actor (by canonical name), or None when the table does not list it."""
    entry = actor_table()["actors"].get(name)
    if entry is None:
        return None
    variant = _variant(entry, place, day)
    if variant is None:
        return None
    catalogued = default_catalogue().get(name)
    fixed = variant.get("country")
    code = fixed or place_code(place) or (catalogued.countries[0] if catalogued and catalogued.countries else None)
    actor = fill(variant["name"], code, day, None if fixed else place)
    if actor is None:
        return None
    assoc = fill(variant["assoc"], code, day, place) if variant.get("assoc") else None
    return Side(actor=actor, assoc=(assoc,) if assoc else (), inter=int(entry["inter"]))


def _kind_inter(kind: str | None) -> int:
    return int(actor_table()["kinds"].get(kind or "unidentified", 3))


def unidentified(place: dict | None) -> Side:
    spec = actor_table()["unidentified"]
    return Side(actor=fill(spec["name"], place_code(place), None, place), inter=int(spec["inter"]))


def actor1_side(actor: dict, place: dict | None, day: dt.date | None) -> Side:
    """ACLED's actor1 for a record's actor: the table's name for a catalogue actor, the catalogue name with
    the inter code of its kind for an actor the table lacks, "Unidentified Armed Group (<country>)" else."""
    name = actor.get("name")
    if name:
        side = catalogue_side(name, place, day)
        return side or Side(actor=name, inter=_kind_inter(actor.get("kind")))
    return unidentified(place)


@lru_cache(maxsize=1)
def _alias_patterns() -> tuple[re.Pattern, dict[str, str], re.Pattern, dict[str, str]]:
    """Catalogue aliases as two patterns: capitalised acronyms matched case-sensitively on the text (they are
    ordinary words in lower case, see models/README.md), the rest matched on the folded text."""
    caps, folded = {}, {}
    for alias, name in default_catalogue().aliases():
        if re.fullmatch(r"[A-Z0-9-]{2,8}", alias):
            caps.setdefault(alias, name)
        elif fold(alias):
            folded.setdefault(fold(alias), name)

    def pattern(keys, flags=0) -> re.Pattern:
        body = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)

    return pattern(caps), caps, pattern(folded), folded


def named_actors(mention: str | None) -> list[str]:
    """The catalogue actors a target mention names ("six VDP volunteers" -> ["VDP"]), in order of appearance."""
    if not mention:
        return []
    caps_re, caps, folded_re, folded = _alias_patterns()
    found = [(m.start(), caps[m.group(0)]) for m in caps_re.finditer(mention)]
    key = fold(mention)
    found += [(m.start() * len(mention) / max(len(key), 1), folded[m.group(0)]) for m in folded_re.finditer(key)]
    return list(dict.fromkeys(name for _, name in sorted(found)))


def actor2_side(target: dict, acled_event_type: str, place: dict | None, day: dt.date | None,
                actor1: str | None = None) -> Side | None:
    """ACLED's actor2 for a record's target, given the ACLED event type already chosen.

    Violence against civilians always has civilians as actor2 (officials as civilians with their government
    associated, as ACLED codes them); a battle always has an armed opponent (an unidentified armed group when
    the target names none); catalogue actors the target mention names become actor2 (for militants) or
    ``assoc_actor_2``. None when the row has no second actor (an explosion with no known target).
    """
    category = target.get("category")
    if acled_event_type == "Violence against civilians":
        category = "officials" if category == "officials" else "civilians"
    elif acled_event_type == "Battles" and category not in ARMED_TARGETS:
        category = "militants"
    named = [side for name in named_actors(target.get("mention")) if name != actor1
             for side in [catalogue_side(name, place, day)] if side]
    side = None
    if category == "militants" and named:
        side, named = named[0], named[1:]
    spec = actor_table()["targets"].get(category or "other")
    if side is None and spec:
        code = place_code(place)
        if spec.get("actor"):
            side = catalogue_side(spec["actor"].get(code, ""), place, day)
        else:
            name = fill(spec["name"], code, day, place)
            assoc = fill(spec["assoc"], code, day, place) if spec.get("assoc") else None
            side = Side(actor=name, assoc=(assoc,) if assoc else (), inter=int(spec["inter"])) if name else None
    if side is None and acled_event_type == "Battles":
        side = unidentified(place)
    if side is None:
        return None
    extra = [a for s in named for a in (s.actor, *s.assoc) if a != side.actor]
    return Side(actor=side.actor, assoc=tuple(dict.fromkeys((*side.assoc, *extra))), inter=side.inter)
