"""Folding of names for matching: case-, accent- and punctuation-insensitive keys.

In: a name as written ("Boulikéssi", "Jama'a Nusrat ul-Islam", "TILLABERI"). Out: a key
("boulikessi", "jamaa nusrat ul islam", "tillaberi") that spelling variants of one name share.
Used by the gazetteer, the actor catalogue and the entity ruler, so all three agree on what matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['’‘`´ʼʻ]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_./,;:()\[\]\"“”«»]+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The matching key of a name: lower case, no accents, no apostrophes, hyphens and dots as spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = _APOSTROPHES.sub("", stripped.replace("ß", "ss").replace("œ", "oe").replace("æ", "ae"))
    return _SEPARATORS.sub(" ", stripped.lower()).strip()


def is_latin(text: str) -> bool:
    """True when every letter of the text is in the Latin script (GeoNames alternate names mix scripts)."""
    return all(("LATIN" in unicodedata.name(c, "")) for c in text if c.isalpha())
