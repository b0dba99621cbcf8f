"""Actors: the catalogue of armed groups and forces, and the resolution of an actor mention.

In: an actor mention ("Jama'a Nusrat ul-Islam wa al-Muslimin (JNIM)", "suspected jihadists",
"Malian troops") and, for bare state forces ("the army"), the article's country. Out: an ``Actor``
with the canonical name, kind, affiliation and the ``suspected`` flag; generic descriptions give
``name=None`` and kind ``unidentified``. Aliases match case-, accent- and punctuation-insensitively.
The catalogue is ``models/actors.json`` (see models/README.md for its sources); the words that mark a
description as suspected (``SUSPECTED``), name a country's regular forces (``STATE_FORCE``) or a branch
(``BRANCH``) are word classes of ``models/patterns``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..patterns import load_lexicon, package_root
from ..records import Actor
from ..textnorm import fold


def _languages() -> list[str]:
    """The languages with word classes of their own (``models/patterns/<lang>/words``)."""
    return sorted(p.name for p in package_root().iterdir() if (p / "words").is_dir())


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], dict[str, str], frozenset[str]]:
    """The words of every language: a mention is resolved by its own words whatever the article's language."""
    lexicons = [load_lexicon(lang) for lang in _languages()]

    def folded(cls: str) -> dict[str, str]:
        return {fold(w): v for lexicon in lexicons for w, v in lexicon.phrases(cls).items()}

    suspected = frozenset(folded("SUSPECTED"))
    state = frozenset(folded("STATE_FORCE"))
    branch = folded("BRANCH")
    articles = frozenset(folded("DEFINITE_ARTICLE")) | frozenset(folded("INDEFINITE_ARTICLE"))
    return suspected, state, branch, articles


def is_suspected(mention: str) -> bool:
    """"suspected jihadists", "présumés terroristes": the text does not vouch for who it was."""
    suspected = _words()[0]
    return any(w in suspected for w in fold(mention).split())


def _strip_suspected(mention: str) -> str:
    suspected = _words()[0]
    return " ".join(w for w in fold(mention).split() if w not in suspected)


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
    #: the target category the actor's members are when they are attacked ("peacekeepers"), if not its kind's
    category: str | None = None
    #: for a global group: its province by admin1 (``by_admin1``) and by country (``by_country``)
    provinces: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, hash=False)
    #: the day its provinces took over (al-Qaeda's JNIM, 2 March 2017), and the branches before that day
    provinces_since: str | None = None
    provinces_before: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, hash=False)
    #: the branch of a state's forces an entry is, when it is not the whole of them ("air": its air force)
    branch_of_forces: str | None = None

    def branch(self, country: str | None, admin1: str | None = None, day: str | None = None) -> str | None:
        """The name of the group's province or branch where (and when) an attack was, if it has one: "Islamic
        State" in Diffa is ISWAP; al-Qaeda in Mali is JNIM, or AQIM before JNIM was formed. An unknown day takes
        the present branches."""
        table = self.provinces_before if self.provinces_since and day and day < self.provinces_since else \
            self.provinces
        by_admin1 = {fold(k): v for k, v in table.get("by_admin1", {}).items()}
        return by_admin1.get(fold(admin1 or "")) or table.get("by_country", {}).get(country or "")

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
                category=row.get("category"),
                provinces={k: v for k, v in (row.get("provinces") or {}).items() if k in ("by_admin1", "by_country")},
                provinces_since=(row.get("provinces") or {}).get("since"),
                provinces_before=(row.get("provinces") or {}).get("before") or {},
                branch_of_forces=row.get("branch"),
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
                 claimed=claimed, suspected=is_suspected(mention))


def resolve_actor(
    mention: str,
    catalogue: ActorCatalogue | None = None,
    country: str | None = None,
    claimed: bool = False,
) -> Actor:
    """Canonical actor for a mention; a generic or unknown description is an unidentified actor."""
    catalogue = catalogue or default_catalogue()
    entry = catalogue.lookup(mention) or catalogue.lookup(_strip_suspected(mention))
    if entry:
        return to_actor(entry, mention, claimed)
    _, state_words, branches, articles = _words()
    words = _strip_suspected(mention).split()
    while words and words[0] in articles:
        words = words[1:]
    bare = " ".join(words)
    # "units of the army", "army troops", "the government soldiers": the last words name the forces
    if country and _names_forces(bare, state_words) and country in catalogue.national_forces:
        return to_actor(catalogue.get(catalogue.national_forces[country]), mention, claimed)
    branch = branches.get(bare)
    if country and branch:
        entry = next((e for e in catalogue.entries if e.kind == "state_forces" and e.countries == (country,)
                      and branch in fold(e.name)), None)
        if entry:
            return to_actor(entry, mention, claimed)
    return Actor(name=None, mention=mention, kind="unidentified", claimed=claimed, suspected=is_suspected(mention))


def _names_forces(text: str, state_words: frozenset[str]) -> bool:
    """"the army", "units of the army", "government soldiers": a description whose last words name state forces
    (``STATE_FORCE``)."""
    return any(text == w or text.endswith(" " + w) for w in state_words)
