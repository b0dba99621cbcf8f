"""Candidate generation and ranking: a place name to the gazetteer entries it may stand for, best first.

In: a place mention, a ``GazetteerLike`` (``places.kb``) and what the text says around it (countries in order of
preference, regions it is placed in, coordinates of the other places it names, whether it is called a village
or a region, where the named armed groups operate). Out: ``Candidate`` lists (``generate``: exact folded name,
else spelling variants by ``fuzz.ratio`` and names that sound alike), scored rankings (``rank``) and the
chosen ``Place`` (``resolve_place``; a name the gazetteer lacks stays ``unresolved``, keeping its country).
Thresholds come from ``Settings.places``. As in scispacy's ``candidate_generation.py``, generation knows
nothing of the text; the context rules are in ``places.context``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..patterns import package_root
from ..records import Place
from ..settings import DEFAULT, PlaceSettings
from ..textnorm import fold
from .countries import COUNTRY_NAMES, country_code
from .kb import GazEntry, GazetteerLike, InArea, nearest_km


def _admin_keys(admin: str | Iterable[str] | None) -> set[str]:
    if not admin:
        return set()
    return {fold(admin)} if isinstance(admin, str) else {fold(a) for a in admin if a}


def _score(entry: GazEntry, countries: list[str], want_admin: bool, hints: set[str],
           near: list[tuple[float, float]], locality: bool, in_area: InArea | None) -> float:
    score = 0.0
    if hints and entry.admin1 and fold(entry.admin1) in hints:
        score += 80
    elif hints and entry.admin2 and fold(entry.admin2) in hints:
        score += 80
    if countries:
        if entry.country_code == countries[0]:
            score += 100
        elif entry.country_code in countries:
            score += 60 - 10 * countries.index(entry.country_code)
    if want_admin:
        score += {"admin1": 40, "admin2": 30}.get(entry.kind, 0)
    else:
        score += {"locality": 25, "town": 20, "admin2": 5, "admin1": 8}.get(entry.kind, 0)
        if locality and entry.kind in ("admin1", "admin2"):
            score -= 40  # "the village of Abadam" is not the Nigerian local government area of that name
    km = nearest_km(entry, near)
    if km is not None:  # the places the text names it with: the nearer, the likelier
        score += 60 if km <= 50 else 40 if km <= 100 else 20 if km <= 200 else 0
    if in_area is not None and in_area(entry.country_code, entry.admin1):
        score += 15  # where the armed groups the text names operate: a tie-breaker between namesakes
    score += 3 * math.log10(entry.population + 1)
    return score


def rank(entries: list[GazEntry], countries: list[str], want_admin: bool = False,
         admin: str | Iterable[str] | None = None, *, near: Iterable[tuple[float, float]] = (),
         locality: bool = False, in_area: InArea | None = None) -> list[tuple[GazEntry, float]]:
    """Candidates best first, with their scores (deterministic: ties broken by id).

    ``admin`` names the regions (admin1 or admin2) the text places the mention in; ``near`` the coordinates
    of the places it names it with; ``locality`` says the text calls it a village, town or camp;
    ``in_area(country, admin1)`` whether a place is where the armed groups it names operate."""
    near, hints = list(near), _admin_keys(admin)
    scored = [(e, _score(e, countries, want_admin, hints, near, locality, in_area)) for e in entries]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0].id))


@lru_cache(maxsize=1)
def _sound_rules() -> tuple[tuple[re.Pattern, str], ...]:
    """The transcription rules of ``models/patterns/shared/sound_rules.json``, in order."""
    data = json.loads((package_root() / "shared" / "sound_rules.json").read_text(encoding="utf-8"))
    return tuple((re.compile(r["pattern"]), r["replace"]) for r in data["rules"])


def sound_key(key: str) -> str:
    """A folded name as it sounds, so that French, English and local transcriptions of one name meet:
    "Gaidam Tchoukou" and "Geydam-Tchoukou" are both "gedamcuku" (the rules of
    ``models/patterns/shared/sound_rules.json``: word breaks, tch/ch, ou/u/w, y/i, ai/ey/e, dj/j, doubled letters
    and the mute final e of each word)."""
    for pattern, repl in _sound_rules():
        key = pattern.sub(repl, key)
    return key.strip()


class FuzzyIndex:
    """The keys of a gazetteer prepared for spelling variants: the list ``fuzz.ratio`` scans, and the keys by
    ``sound_key``. Built once per gazetteer, on the first name that has no exact match."""

    def __init__(self, keys: Iterable[str], min_length: int):
        self.min_length = min_length
        self.keys = [k for k in keys if len(k) >= min_length]
        self.by_sound: dict[str, list[str]] = {}
        for k in self.keys:
            self.by_sound.setdefault(sound_key(k), []).append(k)


def fuzzy_index(gazetteer: GazetteerLike, min_length: int) -> FuzzyIndex:
    index = getattr(gazetteer, "_fuzzy", None)
    if index is None or index.min_length != min_length:
        index = FuzzyIndex(gazetteer.keys(), min_length)
        gazetteer._fuzzy = index  # type: ignore[attr-defined]
    return index


def fuzzy_matches(gazetteer: GazetteerLike, key: str, countries: list[str] | None, in_area: InArea | None = None,
                  settings: PlaceSettings = DEFAULT.places) -> list[tuple[GazEntry, float, str]]:
    """Spelling variants, best first, with their score and how they matched (``"fuzzy ratio=NN"`` or
    ``"sounds alike (ratio=NN)"``): entries whose folded name is within ``fuzz.ratio`` >= ``fuzzy_cutoff`` of
    the key, or sounds the same (``sound_key``, of ``fuzzy_min_length`` letters at least) and is within
    ``sound_min_ratio`` (scored as its ratio, raised to the cut-off: a spelling closer than the cut-off still
    wins). With ``countries`` given, only entries in those countries, or where the armed groups the text names
    operate (``in_area``), count: elsewhere a close name is more likely another village; ``None`` keeps all
    (the linker's context-free candidates)."""
    from rapidfuzz import fuzz, process

    if len(key) < settings.fuzzy_min_length:
        return []
    index = fuzzy_index(gazetteer, settings.fuzzy_min_length)
    matches = {m: (s, f"fuzzy ratio={s:.0f}") for m, s, _ in process.extract(
        key, index.keys, scorer=fuzz.ratio, score_cutoff=settings.fuzzy_cutoff, limit=settings.fuzzy_limit)}
    sound = sound_key(key)
    for m in index.by_sound.get(sound, []) if len(sound) >= settings.fuzzy_min_length else []:
        ratio = fuzz.ratio(key, m)
        if m not in matches and ratio >= settings.sound_min_ratio:  # short vowel sounds collide ("woulouwa")
            matches[m] = (max(ratio, settings.fuzzy_cutoff), f"sounds alike (ratio={ratio:.0f})")
    out = []
    for match, (score, how) in matches.items():
        for entry in gazetteer.candidates(match):
            if not countries or entry.country_code in countries or in_area and in_area(entry.country_code,
                                                                                           entry.admin1):
                out.append((entry, score, how))
    return sorted(out, key=lambda p: (-p[1], p[0].id))


def to_place(entry: GazEntry, mention: str) -> Place:
    precision = "admin" if entry.kind in ("admin1", "admin2") else "exact"
    return Place(
        name=entry.name, mention=mention, admin1=entry.admin1, admin2=entry.admin2,
        country=COUNTRY_NAMES.get(entry.country_code, entry.country_code), country_code=entry.country_code,
        lat=entry.lat, lon=entry.lon, gazetteer_id=entry.id, precision=precision,
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name may stand for, before context: how close the spelling is and how it matched."""

    entry: GazEntry
    ratio: float  # 100 for an exact (folded) name
    how: str  # "exact", "fuzzy ratio=NN" or "sounds alike (ratio=NN)"


def generate(key: str, gazetteer: GazetteerLike, settings: PlaceSettings = DEFAULT.places) -> list[Candidate]:
    """Context-free candidates for a folded name: every entry of that exact name; failing that, the spelling
    variants and same-sounding names of ``fuzzy_matches`` in any country (context filters them later)."""
    exact = gazetteer.candidates(key)
    if exact:
        return [Candidate(e, 100.0, "exact") for e in exact]
    return [Candidate(e, s, how) for e, s, how in fuzzy_matches(gazetteer, key, None, None, settings)]


def resolve_place(
    mention: str,
    gazetteer: GazetteerLike,
    countries: list[str] | None = None,
    want_admin: bool = False,
    admin: str | Iterable[str] | None = None,
    *,
    near: Iterable[tuple[float, float]] = (),
    locality: bool = False,
    in_area: InArea | None = None,
    candidates: list[Candidate] | None = None,
    settings: PlaceSettings = DEFAULT.places,
) -> Place:
    """The best gazetteer entry for a mention, or an unresolved place that keeps the mention and country.
    ``candidates`` are the linker's (``generate``), computed here when not given; the hints are those of
    ``rank``. A spelling variant counts only in the article's countries or where the named groups operate."""
    countries = countries or []
    key = fold(mention)
    code = country_code(mention)
    if code:
        return Place(name=COUNTRY_NAMES[code], mention=mention, country=COUNTRY_NAMES[code], country_code=code,
                     precision="country")
    hints = {"near": list(near), "locality": locality, "in_area": in_area}
    found = generate(key, gazetteer, settings) if candidates is None else candidates
    exact = [c.entry for c in found if c.how == "exact"]
    if exact:
        return to_place(rank(exact, countries, want_admin, admin, **hints)[0][0], mention)
    fuzzy = [c for c in found if not countries or c.entry.country_code in countries
             or in_area and in_area(c.entry.country_code, c.entry.admin1)]
    if fuzzy:
        # spellings within a few points of the closest compete on context, each point behind costing a little
        best = fuzzy[0].ratio
        ratios: dict[str, float] = {}
        for c in fuzzy:  # best first: an entry reached through two of its names keeps the closer one
            ratios.setdefault(c.entry.id, c.ratio)
        close = list({c.entry.id: c.entry for c in fuzzy if c.ratio >= best - settings.fuzzy_band}.values())
        ranked = sorted(rank(close, countries, want_admin, admin, **hints),
                        key=lambda p: (-(p[1] - settings.fuzzy_point * (best - ratios[p[0].id])), p[0].id))
        return to_place(ranked[0][0], mention)
    country = countries[0] if countries else None
    return Place(name=mention, mention=mention, country=COUNTRY_NAMES.get(country) if country else None,
                 country_code=country, precision="unresolved")


def lookup(name: str, gazetteer: GazetteerLike, country: str | None = None,
           limit: int = 10, settings: PlaceSettings = DEFAULT.places) -> list[tuple[GazEntry, float, str]]:
    """Candidates for a name with their ranking scores and how they matched ("exact" or "fuzzy ratio=NN").

    Exact matches (folded name) come first, ranked by ``places.rank`` with the country preferred; then
    spelling variants within the fuzzy cut-off or sounding alike (restricted to the country when one
    is given).
    """
    countries = [country.upper()] if country else []
    key = fold(name)
    out: list[tuple[GazEntry, float, str]] = [(e, s, "exact") for e, s in rank(gazetteer.candidates(key), countries)]
    found = {e.id for e, _, _ in out}
    fuzzy = [(e, ratio, how) for e, ratio, how in fuzzy_matches(gazetteer, key, countries, None, settings)
             if e.id not in found]
    scores = {e.id: s for e, s in rank([e for e, _, _ in fuzzy], countries)}
    for entry, _, how in sorted(fuzzy, key=lambda p: (-p[1], -scores[p[0].id], p[0].id)):
        if entry.id not in found:
            found.add(entry.id)
            out.append((entry, scores[entry.id], how))
    return out[:limit]
