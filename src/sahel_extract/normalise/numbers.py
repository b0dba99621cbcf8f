"""Casualty figures: a phrase such as "more than thirty", "a dozen" or "between 20 and 30" to (min, max).

In: the quantity words of a casualty phrase (the victim noun may follow; it is ignored). Out: a
``(min, max)`` pair following DESIGN.md section 3, or ``None`` when the phrase has no count at all.
Number words are read by text2num (English and French); only the qualifiers are rules here:

- exact N -> (N, N); "at least / no fewer than / not less than N" -> (N, None)
- "more than / over / upwards of N" -> (N+1, None); "about / around / some / approximately / roughly N" -> (N, N)
- "nearly / almost / up to / fewer than / less than N" -> (None, N) ("fewer/less than N" -> (None, N-1))
- "between A and B", "A to B", "A-B" -> (A, B)
- "a dozen" -> 12; "dozens" -> (24, None); "scores" -> (40, None); "hundreds" -> (200, None);
  "several / many / a number of / some" alone -> (None, None), a count with the mention kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

_ARTICLES = {"a": 1, "an": 1, "one": 1, "single": 1, "lone": 1}
_VAGUE = {"several", "many", "numerous", "a number of", "some", "multiple", "a few", "few", "heavy", "a handful of",
          "a handful"}
_APPROX_PLURAL = {"dozens": (24, None), "scores": (40, None), "hundreds": (200, None), "tens": (20, None),
                  "thousands": (2000, None), "dizaines": (20, None), "centaines": (200, None)}
_QUAL_MIN = re.compile(r"^(at least|no fewer than|no less than|not less than|a minimum of|au moins)\s+", re.I)
_QUAL_MORE = re.compile(r"^(more than|over|upwards of|in excess of|plus de|above)\s+", re.I)
_QUAL_ABOUT = re.compile(r"^(about|around|some|approximately|roughly|an estimated|estimated|close to|"
                         r"environ|une? ?quinzaine|nearly about)\s+", re.I)
_QUAL_MAX = re.compile(r"^(nearly|almost|up to|as many as|près de|presque|jusqu'à)\s+", re.I)
_QUAL_LESS = re.compile(r"^(fewer than|less than|under|moins de)\s+", re.I)
_RANGE = re.compile(r"^(?:between\s+)?(.+?)\s+(?:and|to|or|-|–)\s+(.+)$", re.I)
_DIGITS = re.compile(r"^\d{1,3}(?:[,\s]\d{3})*$|^\d+$")
def parse_number(text: str) -> int | None:
    """A single number written in digits ("1,200") or words ("twenty-five", "a dozen", "two hundred")."""
    t = text.strip().lower().replace("\u2011", "-")
    t = re.sub(r"^(a|an)\s+", "one ", t) if re.match(r"^(a|an)\s+(dozen|hundred|thousand)", t) else t
    if _DIGITS.match(t):
        return int(re.sub(r"[,\s]", "", t))
    if t in _ARTICLES:
        return 1
    m = re.match(r"^(one|two|three|four|five|six|seven|eight|nine|ten)?\s*dozen$", t)
    if m:
        return 12 * (text2num(m.group(1), "en") if m.group(1) else 1)
    for lang in ("en", "fr"):
        try:
            return int(text2num(t.replace(" and ", " "), lang))
        except ValueError:
            continue
    return None


@lru_cache(maxsize=4096)
def parse_count(phrase: str) -> tuple[int | None, int | None] | None:
    """(min, max) of a quantity phrase, ``(None, None)`` for a vague one, ``None`` if there is no quantity."""
    t = " ".join(phrase.lower().replace("–", "-").split())
    t = re.sub(r"\s*\b(of|d'|de)$", "", t)
    if not t:
        return None
    for pattern, build in (
        (_QUAL_MIN, lambda n: (n, None)),
        (_QUAL_MORE, lambda n: (n + 1, None)),
        (_QUAL_ABOUT, lambda n: (n, n)),
        (_QUAL_MAX, lambda n: (None, n)),
        (_QUAL_LESS, lambda n: (None, n - 1)),
    ):
        m = pattern.match(t)
        if m:
            rest = t[m.end():]
            if rest in _APPROX_PLURAL or rest.rstrip(" of") in _APPROX_PLURAL:
                return _APPROX_PLURAL[rest.rstrip(" of")]
            n = parse_number(rest)
            if n is not None:
                return build(n)
            inner = parse_count(rest)
            return inner if inner else None
    if t in _APPROX_PLURAL:
        return _APPROX_PLURAL[t]
    if t in _VAGUE:
        return (None, None)
    n = parse_number(t)
    if n is not None:
        return (n, n)
    m = _RANGE.match(t)
    if m:
        lo, hi = parse_number(m.group(1)), parse_number(m.group(2))
        if lo is not None and hi is not None and lo <= hi:
            return (lo, hi)
    return None
