"""Normalise stage: pure functions from raw argument strings plus article context to canonical values.

``dates.resolve_date``, ``numbers.parse_count``, ``places.resolve_place``, ``actors.resolve_actor`` and
``sources.normalise_source``. None of them needs spaCy; each can be tested on plain strings.
"""

from .actors import ActorCatalogue, default_catalogue, resolve_actor
from .dates import resolve_date
from .numbers import parse_count, parse_number
from .places import COUNTRIES, Gazetteer, embedded_gazetteer, resolve_place
from .sources import normalise_source

__all__ = ["ActorCatalogue", "default_catalogue", "resolve_actor", "resolve_date", "parse_count", "parse_number",
           "COUNTRIES", "Gazetteer", "embedded_gazetteer", "resolve_place", "normalise_source"]
