"""Normalise stage: pure functions from argument strings plus article context to canonical values.

``dates.resolve_date``, ``numbers.parse_count``, ``actors.resolve_actor``, ``sources.normalise_source``, and
``mentions.resolve_frames``, which fills the resolved value of every argument of an article's frames before
they are grouped into attacks. Places are resolved by ``sahel_extract.places``. None of them needs spaCy; the
words they know come from ``models/patterns``.
"""

from .actors import ActorCatalogue, default_catalogue, resolve_actor
from .dates import resolve_date
from .numbers import parse_count, parse_number
from .sources import normalise_source

__all__ = ["ActorCatalogue", "default_catalogue", "resolve_actor", "resolve_date", "parse_count", "parse_number",
           "normalise_source"]
