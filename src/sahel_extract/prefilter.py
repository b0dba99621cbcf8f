"""The passages of an article the pipeline reads: those that can tell an attack, found before any model runs.

In: an ``Article`` (its text, page zones and language) and the prefilter settings. Out: a ``Selection``: the
character ranges kept, the text with every other character blanked (replaced by a space; line breaks stay), and
the zones with the blanked stretches carved out as zones of kind ``skipped``. Every offset of the blanked text is
the original's, so evidence, records and their ids are what they would be without the prefilter; the spaCy
components (the statistical ones above all) pay only for the words kept, since a blanked stretch is one
whitespace token.

A passage (a sentence, cut by a cheap rule on full stops and line breaks) is kept when it holds an anchor word:
a word every attack pattern needs, taken from the pattern files themselves (``Settings.prefilter.families``: the
rarest mandatory word of each token pattern and a content word of each phrase pattern; and the word classes of
``Settings.prefilter.classes``, the outcome words of casualty phrases), or when it is within
``neighbours`` passages of one (a time, a place or a source told in the next sentence). Passages in zones that
no frame is read from (bylines, captions, teasers, menus, date stamps: ``ingest.zones.SKIPPED_KINDS``) are never
kept. An article with no anchor at all is not read: it has no attack record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .ingest import Article
from .ingest.zones import SKIPPED_KINDS, Zone, logical_lines
from .patterns import load_family, load_lexicon, package_root
from .settings import PrefilterSettings

_WORD = re.compile(r"\w+")
#: A sentence ends at . ! ? (and closing quotes or brackets) before a space and a capital, digit or quote, unless
#: the word before the stop is one capital letter or a short capitalised abbreviation ("Lt. Col.", "M. Diallo").
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])(?<![\s.][A-Z][a-z])(?<![\s.][A-Z][a-z]{2})"
                           r"(?<!^[A-Z])(?<!^[A-Z][a-z])(?<!^[A-Z][a-z]{2})[.!?…][\"'”»)\]]*\s+(?=[\"“«(A-ZÀ-Ý0-9])")
SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class Selection:
    kept: tuple[tuple[int, int], ...]  # character ranges kept, in order
    text: str                          # the article text with everything else blanked
    zones: tuple[Zone, ...]            # the article's zones, the blanked stretches carved out as "skipped"

    @property
    def empty(self) -> bool:
        return not self.kept


@lru_cache(maxsize=16)
def anchors(lang: str, families: tuple[str, ...], classes: tuple[str, ...], extra_dirs: tuple[str, ...] = ()
            ) -> frozenset[str]:
    """The anchor words of a language (lower case): see the module docstring."""
    import spacy

    from .components.pattern_ruler import anchor

    roots = (package_root(), *(Path(d) for d in extra_dirs))
    common = frozenset(spacy.blank(lang).Defaults.stop_words)
    words: set[str] = set()

    def content(text: str, alone: bool = False) -> list[str]:
        found = _WORD.findall(text.lower())
        kept = [w for w in found if w not in common and not w.isdigit() and len(w) > 1]
        return kept or (found if alone and len(found) == 1 else [])  # a one-word trigger is its word ("mine")

    for family in families:
        for row in load_family(family, lang, roots):
            pattern = row["pattern"]
            if isinstance(pattern, str):
                found = content(pattern, alone=family == "triggers")
                if found:
                    words.add(max(found, key=len))  # every word of a phrase is there; the longest is the rarest
            else:
                for option in anchor(pattern, common) or ():
                    found = content(option)
                    if found:
                        words.add(max(found, key=len))
    lexicon = load_lexicon(lang, roots)
    for cls in classes:
        for entry in lexicon.phrases(cls):
            found = content(entry)
            if found:
                words.add(max(found, key=len))
    return frozenset(words)


def passages(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The sentences of a text (or of its range ``start:end``), by line breaks and sentence stops, as character
    ranges of the text."""
    out = []
    base = start
    for s, e, line in logical_lines(text[start:end]):
        pos = 0
        for m in _SENTENCE_END.finditer(line):
            out.append((base + s + pos, base + s + m.end()))
            pos = m.end()
        if pos < len(line):
            out.append((base + s + pos, base + e))
    return out


def select(article: Article, settings: PrefilterSettings, extra_dirs: tuple[str, ...] = ()) -> Selection:
    """What of an article the pipeline reads (see the module docstring)."""
    text = article.text
    if not settings.enabled:
        return Selection(((0, len(text)),), text, article.zones)
    words = anchors(article.language, settings.families, settings.classes, extra_dirs)
    read = [(z.start, z.end) for z in article.zones if z.kind not in SKIPPED_KINDS] if article.zones else \
        [(0, len(text))]
    spans = [p for s, e in read for p in passages(text, s, e)]
    hits = [i for i, (s, e) in enumerate(spans) if not words.isdisjoint(_WORD.findall(text[s:e].lower()))]
    keep: set[int] = set()
    for i in hits:
        keep.update(range(max(0, i - settings.neighbours), min(len(spans), i + settings.neighbours + 1)))
    kept = _merge([spans[i] for i in sorted(keep)])
    if kept == [(0, len(text))]:
        return Selection(tuple(kept), text, article.zones)
    return Selection(tuple(kept), blank_out(text, kept), carve(article.zones, kept, len(text)))


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def blank_out(text: str, kept: list[tuple[int, int]]) -> str:
    """The text with every character outside ``kept`` replaced by a space, line breaks kept."""
    parts, pos = [], 0
    for s, e in kept:
        parts.append(_blank(text[pos:s]))
        parts.append(text[s:e])
        pos = e
    parts.append(_blank(text[pos:]))
    return "".join(parts)


def _blank(chunk: str) -> str:
    return "".join("\n" if c == "\n" else " " for c in chunk) if "\n" in chunk else " " * len(chunk)


def carve(zones: tuple[Zone, ...], kept: list[tuple[int, int]], length: int) -> tuple[Zone, ...]:
    """The zones cut to the kept ranges, and a ``skipped`` zone over each blanked stretch with text in it."""
    out: list[Zone] = []
    for z in zones:
        for s, e in kept:
            if s < z.end and z.start < e:
                out.append(replace(z, start=max(z.start, s), end=min(z.end, e)))
    gaps, pos = [], 0
    for s, e in kept:
        if s > pos:
            gaps.append((pos, s))
        pos = e
    if pos < length:
        gaps.append((pos, length))
    out.extend(Zone(s, e, SKIPPED) for s, e in gaps)
    return tuple(sorted(out, key=lambda z: (z.start, z.end)))
