"""ACLED's codebook as data, and the pure codings of a record's fields into it.

In: plain record-schema values (event type, target category, date and place dicts, casualty counts,
publishers). Out: ACLED codes: ``event_type``/``sub_event_type``/``disorder_type``, ``time_precision``,
``geo_precision``, ``interaction``, ``fatalities``, ``source_scale``. ``ACLED_COLUMNS`` is the column
order of an ACLED export; ``ALLOWED`` the values ACLED's codebook allows in the coded columns (the tests
check every exported row against it). The conventions that are data (vague plurals, shelling cues,
publisher scales) live in ``models/acled_conventions.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from ..textnorm import fold

#: The columns of an ACLED export, in ACLED's order; ``event_id_cnty`` carries our record or event id.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]

#: ACLED's event types and their sub-event types (ACLED Codebook, "Event types").
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
#: ACLED's actor types (inter codes); 0 is "no second actor".
INTER_CODES: dict[int, str] = {
    0: "No actor", 1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}
SOURCE_SCALES = ("Local partner", "New media", "Other", "Subnational", "National", "Regional", "International")
ALLOWED: dict[str, object] = {
    "event_type": EVENT_TYPES,
    "disorder_type": ("Political violence", "Demonstrations", "Political violence; Demonstrations",
                      "Strategic developments"),
    "inter1": tuple(code for code in INTER_CODES if code),
    "inter2": tuple(INTER_CODES),
    # two actor types, the lower first ("27"), or one type and 0 when there is no second actor ("20")
    "interaction": tuple(sorted({a * 10 for a in range(1, 9)}
                                | {int(f"{a}{b}") for a in range(1, 9) for b in range(a, 9)})),
    "time_precision": (1, 2, 3),
    "geo_precision": (1, 2, 3),
    "civilian_targeting": ("Civilian targeting", ""),
    # one scale, or several joined by "-" ("National-International")
    "source_scale": SOURCE_SCALES,
}

#: Our event types and the ACLED (event type, sub-event type) they are coded as, when the target does not
#: decide it (``acled_types``).
_BY_EVENT_TYPE = {
    "armed_clash": ("Battles", "Armed clash"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide_bombing": ("Explosions/Remote violence", "Suicide bomb"),
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "other": ("Strategic developments", "Other"),
}
#: Target categories that are armed: ACLED codes an attack on them as a battle.
ARMED_TARGETS = ("military", "police", "militants", "peacekeepers")
_STATE_KINDS = ("state_forces", "foreign_forces")


@lru_cache(maxsize=1)
def conventions() -> dict:
    """``models/acled_conventions.json``: vague plurals, shelling cues, publisher scales."""
    path = resources.files("sahel_extract.models").joinpath("acled_conventions.json")
    return json.loads(path.read_text(encoding="utf-8"))


def ascii_name(text: str | None) -> str:
    """A place name as ACLED writes it: accents dropped ("Tillabéri" -> "Tillaberi"), case kept."""
    if not text:
        return ""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _has_word(folded: str, words) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(fold(w))}(?!\w)", folded) for w in words)


def is_shelling(texts: list[str]) -> bool:
    """Whether the record's evidence or mentions name shells, mortars, rockets, artillery or missiles."""
    cues = [w for words in conventions()["shelling_cues"].values() for w in words]
    return any(_has_word(fold(t), cues) for t in texts if t)


def armed_target(target: str | None, actor_kind: str | None) -> bool:
    """Whether the side attacked is armed; with no target, state forces are taken to fight an armed group."""
    if target is None:
        return actor_kind in _STATE_KINDS
    return target in ARMED_TARGETS


def acled_types(event_type: str, target: str | None, actor_kind: str | None,
                texts: list[str] = ()) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) for a record.

    Attacks and massacres are Violence against civilians / Attack unless the side attacked is armed
    (soldiers, police, militants, peacekeepers): ACLED codes an attack on armed forces as Battles / Armed
    clash, and so is an abduction of armed men. An explosion is Shelling/artillery/missile attack when its
    evidence names shells, mortars, rockets or artillery, else Remote explosive/landmine/IED.
    """
    armed = armed_target(target, actor_kind)
    if event_type in ("attack", "massacre") or (event_type == "abduction" and armed):
        pair = ("Battles", "Armed clash") if armed else ("Violence against civilians", "Attack")
    elif event_type == "explosion" and is_shelling(list(texts)):
        pair = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    else:
        pair = _BY_EVENT_TYPE.get(event_type, ("Strategic developments", "Other"))
    disorder = "Strategic developments" if pair[0] == "Strategic developments" else conventions()["disorder_type"]
    return disorder, pair[0], pair[1]


def time_precision(precision: str | None) -> int:
    """ACLED's time precision: 1 a day, 2 a week (or a few days), 3 a month or less precise."""
    return {"day": 1, "week": 2}.get(precision or "unknown", 3)


def geo_precision(place: dict) -> int:
    """ACLED's geo precision: 1 the exact place, 2 near it or a second-level unit, 3 a region or country."""
    precision = place.get("precision") or "unresolved"
    if precision == "exact":
        return 1
    if precision == "near":
        return 2
    if precision == "admin" and place.get("admin2") and place.get("name") \
            and fold(place["name"]) == fold(place["admin2"]):
        return 2
    return 3


def interaction(inter1: int, inter2: int | None) -> int:
    """ACLED's interaction code: the two actor types, the lower first (17, 27), or ``inter1`` * 10 alone."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return int(f"{low}{high}")


def _vague(mention: str | None) -> list[tuple[int, str]]:
    """(figure, word) for each vague plural in the parts of a mention that hold no digit."""
    found = []
    for part in (mention or "").split(";"):
        if re.search(r"\d", part):
            continue
        folded = fold(part)
        for words in conventions()["vague_counts"].values():
            found += [(value, word) for word, value in words.items() if _has_word(folded, [word])]
    return sorted(found)


def vague_figure(mention: str | None) -> int | None:
    """ACLED's figure for a count given only as a vague plural ("dozens" 12, "tens" 10, "hundreds" 100):
    the smallest such figure among the parts of the mention that use one and hold no digit."""
    found = _vague(mention)
    return found[0][0] if found else None


def vague_word(mention: str | None) -> str | None:
    """The English vague plural of the figure ``vague_figure`` reads ("dozens"; "des dizaines" is "tens"),
    or None."""
    figure = vague_figure(mention)
    english = {value: word for word, value in conventions()["vague_counts"]["en"].items()}
    return english.get(figure) if figure is not None else None


def conservative(count: dict | None) -> int | None:
    """The most conservative figure of one count: its lower bound, or ACLED's vague-plural figure when the
    count is only a vague plural and that figure is lower; None when the count gives no lower bound."""
    if not count:
        return None
    low, vague = count.get("min"), vague_figure(count.get("mention"))
    if vague is not None:
        return vague if low is None else min(low, vague)
    return low


def fatalities(casualties: dict | None) -> int:
    """ACLED's fatalities: deaths on all sides (victims plus attackers), each at its most conservative."""
    casualties = casualties or {}
    return sum(conservative(casualties.get(name)) or 0 for name in ("killed", "attackers_killed"))


@lru_cache(maxsize=1)
def _publisher_scales() -> dict[str, str]:
    return {fold(name): scale for scale, names in conventions()["publishers"].items() for name in names}


def source_scale(publishers: list[str], cited: list[str] = ()) -> str:
    """ACLED's source scale: the scale of each publisher ("Other" when the lookup does not list it) and of
    each cited source the lookup lists ("Reuters" quoted by a local paper), distinct scales in ACLED's
    order joined by "-" ("National-International"); "Other" when nothing is known."""
    known = _publisher_scales()
    scales = {known.get(fold(name), "Other") for name in publishers if name}
    scales |= {known[fold(name)] for name in cited if name and fold(name) in known}
    order = conventions()["scale_order"]
    return "-".join(sorted(scales or {"Other"}, key=order.index))
