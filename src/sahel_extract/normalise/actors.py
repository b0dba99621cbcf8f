"""Actors: the catalogue of armed groups and forces, and the resolution of an actor mention.

In: an actor mention ("Jama'a Nusrat ul-Islam wa al-Muslimin (JNIM)", "suspected jihadists",
"Malian troops") and, for bare state forces ("the army"), the article's country. Out: an ``Actor``
with the canonical name, kind, affiliation and the ``suspected`` flag; generic descriptions give
``name=None`` and kind ``unidentified``. Aliases match case-, accent- and punctuation-insensitively.
The catalogue is ``models/actors.json`` (see models/README.md for its sources).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..records import Actor
from ..textnorm import fold

_SUSPECTED = re.compile(r"\b(suspected|presumed|alleged|presum\w+|suppos\w+|présumés?|supposed)\b", re.I)
#: Nouns that name a country's regular forces once the country is known ("the army", "soldiers").
STATE_FORCE_WORDS = {"army", "military", "armed forces", "troops", "soldiers", "armee", "forces armees",
                     "defence and security forces", "defense and security forces", "fds", "security forces"}


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    full_name: str
    kind: str
    affiliation: str | None
    countries: tuple[str, ...]
    aliases: tuple[str, ...] = field(default=())
    #: admin1 regions where the group operates, by country; a country of ``countries`` not listed here
    #: means anywhere in it
    areas: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)

    def operates_in(self, country: str | None, admin1: str | None) -> bool:
        """Whether a place in that country and region is in the group's area of operations."""
        if country not in self.countries:
            return False
        regions = self.areas.get(country)
        return not regions or fold(admin1 or "") in {fold(r) for r in regions}


class ActorCatalogue:
    """Named actors by folded alias, plus the generic descriptions of unidentified armed actors."""

    def __init__(self, data: dict):
        self.entries: list[ActorEntry] = []
        self._by_key: dict[str, ActorEntry] = {}
        self._by_name: dict[str, ActorEntry] = {}
        for row in data.get("actors", []):
            entry = ActorEntry(
                name=row["name"], full_name=row.get("full_name") or row["name"], kind=row["kind"],
                affiliation=row.get("affiliation"), countries=tuple(row.get("countries") or ()),
                aliases=tuple(row.get("aliases") or ()),
                areas={c: tuple(r) for c, r in (row.get("areas") or {}).items()},
            )
            self.entries.append(entry)
            self._by_name[entry.name] = entry
            for alias in (entry.name, entry.full_name, *entry.aliases):
                self._by_key.setdefault(fold(alias), entry)
        self.generic: list[str] = list(data.get("generic", []))
        self.national_forces: dict[str, str] = {}
        for entry in self.entries:
            if entry.kind == "state_forces" and len(entry.countries) == 1:
                self.national_forces.setdefault(entry.countries[0], entry.name)
        self.national_forces.update({k: v for k, v in data.get("national_forces", {}).items() if v in self._by_name})

    def lookup(self, mention: str) -> ActorEntry | None:
        """The named actor an alias stands for, if any."""
        return self._by_key.get(fold(mention))

    def get(self, name: str) -> ActorEntry | None:
        return self._by_name.get(name)

    def aliases(self) -> list[tuple[str, str]]:
        """Every (alias, canonical name) pair, for the entity ruler."""
        out = []
        for entry in self.entries:
            for alias in dict.fromkeys((entry.name, entry.full_name, *entry.aliases)):
                out.append((alias, entry.name))
        return out


@lru_cache(maxsize=1)
def default_catalogue() -> ActorCatalogue:
    path = resources.files("sahel_extract.models").joinpath("actors.json")
    return ActorCatalogue(json.loads(path.read_text(encoding="utf-8")))


def to_actor(entry: ActorEntry, mention: str, claimed: bool = False) -> Actor:
    return Actor(name=entry.name, mention=mention, kind=entry.kind, affiliation=entry.affiliation,
                 claimed=claimed, suspected=bool(_SUSPECTED.search(mention)))


def resolve_actor(
    mention: str,
    catalogue: ActorCatalogue | None = None,
    country: str | None = None,
    claimed: bool = False,
) -> Actor:
    """Canonical actor for a mention; a generic or unknown description is an unidentified actor."""
    catalogue = catalogue or default_catalogue()
    entry = catalogue.lookup(mention) or catalogue.lookup(_SUSPECTED.sub("", mention))
    if entry:
        return to_actor(entry, mention, claimed)
    bare = re.sub(r"^(the|a|an)\s+", "", fold(_SUSPECTED.sub("", mention)))
    bare = re.sub(r"^(units|elements|troops|soldiers) of the |^(army|government) ", "", bare)
    if country and bare in STATE_FORCE_WORDS and country in catalogue.national_forces:
        return to_actor(catalogue.get(catalogue.national_forces[country]), mention, claimed)
    branch = "gendarmerie" if bare in ("gendarmes", "gendarmerie") else (
        "police" if bare in ("police", "policemen", "police officers") else None)
    if country and branch:
        entry = next((e for e in catalogue.entries if e.kind == "state_forces" and e.countries == (country,)
                      and branch in fold(e.name)), None)
        if entry:
            return to_actor(entry, mention, claimed)
    return Actor(name=None, mention=mention, kind="unidentified", claimed=claimed,
                 suspected=bool(_SUSPECTED.search(mention)))
