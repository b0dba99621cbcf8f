"""Casualty figures: a phrase such as "more than thirty", "a dozen" or "between 20 and 30" to (min, max).

In: the quantity words of a casualty phrase (the victim noun may follow; it is ignored) and the language. Out:
a ``(min, max)`` pair following DESIGN.md section 3, or ``None`` when the phrase has no count at all. Number
words are read by text2num (English and French); the qualifiers are data (``<lang>/words/tolls.jsonl``):

- ``QUALIFIER`` ``min`` ("at least", "au moins") -> (N, None); ``more`` ("more than", "plus de") -> (N+1, None);
  ``about`` ("about", "some", "environ") -> (N, N); ``max`` ("nearly", "près de") -> (None, N); ``less``
  ("fewer than") -> (None, N-1);
- "between A and B", "A to B", "A-B" -> (A, B);
- ``MULTIPLIER`` words ("a dozen" -> 12, "two dozen" -> 24); ``APPROX`` plurals ("dozens" -> (24, None),
  "scores" -> 40, "hundreds" -> 200); ``VAGUE`` words ("several", "many", "a number of") -> (None, None), a
  count with the mention kept.

Figures above ``MAX_COUNT`` are not tolls (a typo, a phone number, "999...9 soldiers") and give ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from ..patterns import load_lexicon

#: No attack toll is larger than this; a bigger "count" is not one.
MAX_COUNT = 100_000


@dataclass(frozen=True)
class _Tables:
    qualifiers: tuple[tuple[str, str], ...]  # (phrase, kind), longest first
    vague: frozenset[str]
    approx: dict[str, int]
    articles: frozenset[str]
    multipliers: dict[str, int]
    joiners: frozenset[str]  # "and" inside a number ("two hundred and fifty")
    range_joiners: frozenset[str]  # "and", "to", "or", "-", "et", "à": between the two ends of a range
    range_heads: frozenset[str]  # "between", "entre"
    trailing: frozenset[str]  # "of", "de": after a count ("dozens of")


@lru_cache(maxsize=8)
def _tables(lang: str) -> _Tables:
    lexicon = load_lexicon(lang)
    qualifiers = tuple(sorted(lexicon.phrases("QUALIFIER").items(), key=lambda pv: -len(pv[0])))
    return _Tables(qualifiers, frozenset(lexicon.phrases("VAGUE")),
                   {w: int(v) for w, v in lexicon.phrases("APPROX").items()},
                   frozenset(lexicon.phrases("ARTICLE_ONE")),
                   {w: int(v) for w, v in lexicon.phrases("MULTIPLIER").items()},
                   frozenset(lexicon.phrases("NUMBER_JOINER")), frozenset(lexicon.phrases("RANGE_JOINER")),
                   frozenset(lexicon.phrases("RANGE_HEAD")), frozenset(lexicon.phrases("COUNT_OF")))


def _digits(text: str) -> int | None:
    if re.fullmatch(r"\d{1,3}(?:[,\s.]\d{3})+|\d+", text):
        return int(re.sub(r"\D", "", text))
    return None


def parse_number(text: str, lang: str = "en") -> int | None:
    """A single number written in digits ("1,200") or words ("twenty-five", "a dozen", "two hundred")."""
    tables = _tables(lang)
    t = " ".join(text.strip().lower().replace("\u2011", "-").split())
    n = _digits(t)
    if n is not None:
        return n
    if t in tables.articles:
        return 1
    words = t.split()
    if words and words[-1] in tables.multipliers:
        head = " ".join(words[:-1])
        base = 1 if not head or head in tables.articles else parse_number(head, lang)
        return base * tables.multipliers[words[-1]] if base is not None else None
    if len(words) > 1 and words[0] in tables.articles:  # "a hundred" is "one hundred"
        t = " ".join(words[1:])
    # with its joiners first ("trente et un" needs its "et"), then without them ("two hundred fifty")
    for written in dict.fromkeys((t, " ".join(w for w in t.split() if w not in tables.joiners))):
        for language in dict.fromkeys((lang, "en", "fr")):
            try:
                return int(text2num(written, language))
            except ValueError:
                continue
    return None


def _bounded(pair: tuple[int | None, int | None] | None) -> tuple[int | None, int | None] | None:
    if pair is None or any(v is not None and v > MAX_COUNT for v in pair):
        return None
    return pair


@lru_cache(maxsize=4096)
def parse_count(phrase: str, lang: str = "en") -> tuple[int | None, int | None] | None:
    """(min, max) of a quantity phrase, ``(None, None)`` for a vague one, ``None`` if there is no quantity."""
    return _bounded(_parse(phrase, lang))


def _parse(phrase: str, lang: str) -> tuple[int | None, int | None] | None:
    tables = _tables(lang)
    t = " ".join(phrase.lower().replace("–", "-").split())
    words = t.split()
    while words and words[-1] in tables.trailing:
        words = words[:-1]
    t = " ".join(words)
    if not t:
        return None
    for qualifier, kind in tables.qualifiers:
        if t.startswith(qualifier + " "):
            rest = t[len(qualifier) + 1:]
            if rest in tables.approx:
                return (tables.approx[rest], None)
            n = parse_number(rest, lang)
            if n is not None:
                return {"min": (n, None), "more": (n + 1, None), "about": (n, n), "max": (None, n),
                        "less": (None, n - 1)}[kind]
            return _parse(rest, lang) or None
    if t in tables.approx:
        return (tables.approx[t], None)
    if t in tables.vague:
        return (None, None)
    n = parse_number(t, lang)
    if n is not None:
        return (n, n)
    return _range(t, lang)


def _range(t: str, lang: str) -> tuple[int, int] | None:
    """"between 20 and 30", "20 to 30", "20 - 30", "20-30": (20, 30)."""
    tables = _tables(lang)
    words = t.split()
    if len(words) == 1 and re.fullmatch(r"\d+[-–]\d+", words[0]):
        words = re.split(r"([-–])", words[0])
    if words and words[0] in tables.range_heads:
        words = words[1:]
    for i, w in enumerate(words):
        if w in tables.range_joiners and 0 < i < len(words) - 1:
            lo, hi = parse_number(" ".join(words[:i]), lang), parse_number(" ".join(words[i + 1:]), lang)
            if lo is not None and hi is not None and lo <= hi:
                return (lo, hi)
            return None
    return None


def is_vague(quantity: str, lang: str = "en") -> bool:
    """"dozens", "several", "scores of": a count given without a number."""
    tables = _tables(lang)
    first = quantity.lower().split()[:1]
    return bool(first) and (first[0] in tables.approx or first[0] in tables.vague)
