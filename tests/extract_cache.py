"""Test helpers shared by the French end-to-end modules: each article is extracted once per pipeline, however
many tests read its records."""

from __future__ import annotations

_CACHE: dict[tuple[int, str, str], list] = {}


def extract(pipe, text: str, published: str) -> list:
    """The records of ``text`` by ``pipe``, extracted on first use."""
    key = (id(pipe), text, published)
    if key not in _CACHE:
        _CACHE[key] = pipe.extract(text, published=published)
    return _CACHE[key]


def count(c):
    """A casualty count as (min, max), None when there is none."""
    return None if c is None else (c.min, c.max)
