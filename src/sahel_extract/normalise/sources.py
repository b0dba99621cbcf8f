"""Sources: who a casualty figure is attributed to, as a short canonical label.

In: the attribution phrase found next to a figure ("sources cited by Reuters", "a local official", "the
Malian army", "residents") and the language. Out: a label: a news agency's canonical name (``AGENCY`` in
``models/patterns/shared/agencies.jsonl``; an acronym must be written in capitals: "AP", not "ap"), else the
first source kind whose words the phrase contains (``SOURCE_KIND`` in ``<lang>/words/sources.jsonl``, in file
order: "local source" before "security source" before "army" ...), else the phrase itself without its article.
``normalise_sources`` splits a phrase that names several ("municipal officials and residents").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..patterns import load_lexicon

_STRIP = " ,.;:\"'"


@dataclass(frozen=True)
class _Tables:
    agencies: tuple[tuple[tuple[str, ...], str], ...]
    kinds: tuple[tuple[tuple[str, ...], str], ...]
    articles: frozenset[str]
    joiners: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=8)
def _tables(lang: str) -> _Tables:
    lexicon = load_lexicon(lang)

    def rows(cls: str) -> tuple[tuple[tuple[str, ...], str], ...]:
        return tuple((tuple(w.split()), v) for w, v in lexicon.phrases(cls).items())

    articles = frozenset((*lexicon.phrases("DEFINITE_ARTICLE"), *lexicon.phrases("INDEFINITE_ARTICLE")))
    joiners = tuple(sorted((tuple(w.split()) for w in lexicon.phrases("SOURCE_JOINER")), key=len, reverse=True))
    return _Tables(rows("AGENCY"), rows("SOURCE_KIND"), articles, joiners)


def _words(text: str) -> list[str]:
    return [w.strip(_STRIP + "()") for w in text.replace("’", "'").split() if w.strip(_STRIP + "()")]


def _find(words: list[str], phrase: tuple[str, ...]) -> int:
    n = len(phrase)
    return next((i for i in range(len(words) - n + 1) if tuple(words[i:i + n]) == phrase), -1)


def normalise_source(phrase: str | None, lang: str = "en") -> str | None:
    """A short canonical label for who a figure is attributed to."""
    if not phrase:
        return None
    tables = _tables(lang)
    text = " ".join(phrase.split()).strip(_STRIP)
    written = _words(text)
    lowered = [w.lower() for w in written]
    for words, label in tables.agencies:
        i = _find(lowered, words)
        if i >= 0 and not (len(words) == 1 and len(words[0]) <= 3 and not written[i].isupper()):
            return label
    for words, label in tables.kinds:
        if _find(lowered, words) >= 0:
            return label
    parts = text.split()
    if parts and parts[0].lower() in tables.articles:
        text = " ".join(parts[1:])
    return text[:80] or None


def normalise_sources(phrase: str | None, lang: str = "en") -> list[str]:
    """Every source a phrase names: "municipal officials and residents" -> ["officials", "residents"]."""
    if not phrase:
        return []
    tables = _tables(lang)
    parts: list[str] = []
    current: list[str] = []
    words = phrase.replace(",", " , ").split()
    i = 0
    while i < len(words):
        joiner = next((j for j in tables.joiners if tuple(w.lower() for w in words[i:i + len(j)]) == j), None)
        if words[i] == "," or joiner:
            parts.append(" ".join(current))
            current = []
            i += len(joiner) if joiner else 1
            continue
        current.append(words[i])
        i += 1
    parts.append(" ".join(current))
    labels = [normalise_source(p, lang) for p in parts if p.strip()]
    if not labels or any(label is None for label in labels):
        labels = [normalise_source(phrase, lang)]
    return [label for label in dict.fromkeys(labels) if label]
