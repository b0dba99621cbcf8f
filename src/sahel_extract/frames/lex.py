"""What the pattern rulers found in a Doc, as the frame finders read it.

In: a Doc that went through the project's pattern rulers (``doc.spans["sahel_lexicon"]``, ``["sahel_triggers"]``,
... one span group per pattern family, ``sahel_extract.patterns.FAMILIES``). Out: per-token word classes
(``has(tok, "VICTIM")``, ``value(tok, "VICTIM")`` -> "military") built once per Doc from the single-word
``sahel_lexicon`` spans, and the spans of a family inside a sentence (``spans_in``), longest first where they
overlap. Nothing here knows a word: the words are in ``models/patterns``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..patterns import FAMILIES

_KEY = "sahel_word_classes"
_EMPTY: dict[str, str] = {}


def _build(doc: Doc) -> tuple[dict[int, dict[str, str]], dict[tuple[int, int], dict[str, str]]]:
    found = doc.user_data.get(_KEY)
    if found is None:
        words: dict[int, dict[str, str]] = {}
        phrases: dict[tuple[int, int], dict[str, str]] = {}
        group = doc.spans.get(FAMILIES["lexicon"])
        for span in group if group is not None else ():
            if span.end - span.start == 1:
                words.setdefault(span.start, {}).setdefault(span.label_, span.id_)
            else:
                phrases.setdefault((span.start, span.end), {}).setdefault(span.label_, span.id_)
        found = doc.user_data[_KEY] = (words, phrases)
    return found


def _index(doc: Doc) -> dict[int, dict[str, str]]:
    return _build(doc)[0]


def is_phrase(span: Span, *names: str) -> bool:
    """Whether a span is, as a whole, an entry of one of the word classes ("Lake Chad basin" is ``FOREIGN``)."""
    if span.end - span.start == 1:
        return has(span[0], *names)
    found = _build(span.doc)[1].get((span.start, span.end))
    return bool(found) and any(n in found for n in names)


def classes(tok: Token) -> dict[str, str]:
    """The word classes of a token: class -> value ("" when the class has no value)."""
    return _index(tok.doc).get(tok.i, _EMPTY)


def has(tok: Token | None, *names: str) -> bool:
    """Whether a token is in one of the word classes."""
    if tok is None:
        return False
    found = _index(tok.doc).get(tok.i)
    return bool(found) and any(n in found for n in names)


def value(tok: Token | None, name: str) -> str | None:
    """The value of a token's word class, or None when the token is not in it."""
    if tok is None:
        return None
    found = _index(tok.doc).get(tok.i)
    return found.get(name) if found else None


def word_in(doc: Doc, i: int, *names: str) -> bool:
    """``has`` by token index; False outside the Doc."""
    return 0 <= i < len(doc) and has(doc[i], *names)


def spans_in(where: Span | Doc, family: str, *labels: str, longest: bool = False) -> list[Span]:
    """The spans of a pattern family inside a sentence (or Doc), in text order, of the given labels (all when
    none is given); ``longest`` keeps the longest of overlapping spans (spaCy's ``filter_spans``)."""
    doc = where if isinstance(where, Doc) else where.doc
    group = doc.spans.get(FAMILIES[family])
    if group is None:
        return []
    start, end = (0, len(doc)) if isinstance(where, Doc) else (where.start, where.end)
    found = [s for s in group if start <= s.start and s.end <= end and (not labels or s.label_ in labels)]
    if longest:
        found = filter_spans(found)
    return sorted(found, key=lambda s: (s.start, -s.end))


def span_at(where: Span | Doc, family: str, start: int | None = None, end: int | None = None,
            labels: tuple[str, ...] = ()) -> Span | None:
    """The longest span of a family that starts at token ``start`` and/or ends at token ``end``."""
    found = [s for s in spans_in(where, family, *labels) if (start is None or s.start == start)
             and (end is None or s.end == end)]
    return max(found, key=lambda s: s.end - s.start) if found else None
