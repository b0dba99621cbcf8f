"""What the pattern rulers found in a Doc, as the frame finders read it.

In: a Doc that went through the project's pattern rulers (``doc.spans["sahel_lexicon"]``, ``["sahel_triggers"]``,
... one span group per pattern family, ``sahel_extract.patterns.FAMILIES``). Out: per-token word classes
(``has(tok, "VICTIM")``, ``value(tok, "VICTIM")`` -> "military") built once per Doc from the single-word
``sahel_lexicon`` spans, and the spans of a family inside a sentence (``spans_in``), longest first where they
overlap. Nothing here knows a word: the words are in ``models/patterns``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..patterns import FAMILIES

_KEY = "sahel_word_classes"
_SPANS_KEY = "sahel_family_spans"
_TEXT_KEY = "sahel_text"
_PARSED_KEY = "sahel_parsed"
_ENTS_KEY = "sahel_ents"
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


def text_of(doc: Doc) -> str:
    """The Doc's text, joined once per Doc (``Doc.text`` joins every token on each access, which made slicing it
    per toll phrase quadratic in the length of a sentence)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[_TEXT_KEY] = (len(doc), doc.text)
    return cached[1]


def parsed(doc: Doc) -> bool:
    """Whether the Doc has a dependency parse (``Doc.has_annotation`` scans every token; asked once per Doc)."""
    cached = doc.user_data.get(_PARSED_KEY)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[_PARSED_KEY] = (len(doc), doc.has_annotation("DEP"))
    return cached[1]


def ents_in(where: Span | Doc) -> list[Span]:
    """The entities inside a sentence (or Doc), in text order. ``Span.ents`` walks every entity of the Doc, which
    asked per sentence made a long article quadratic; the Doc's entities are sorted once (``forget`` drops it)."""
    doc = where if isinstance(where, Doc) else where.doc
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data[_ENTS_KEY] = ([e.start for e in ents], ents)
    if isinstance(where, Doc):
        return list(cached[1])
    starts, ents = cached
    return [e for e in ents[bisect_left(starts, where.start):bisect_left(starts, where.end)] if e.end <= where.end]


def forget(doc: Doc) -> None:
    """Drop what this module keeps on a Doc (call before reading a Doc whose entities or spans may have changed)."""
    for key in [k for k in doc.user_data if k in (_TEXT_KEY, _PARSED_KEY, _ENTS_KEY) or isinstance(k, tuple)
                and k[:1] == (_SPANS_KEY,)]:
        del doc.user_data[key]


def _family(doc: Doc, family: str) -> tuple[list[int], list[Span]]:
    """A family's spans sorted by start, with their starts, built once per Doc (a ``SpanGroup`` makes a new
    ``Span`` object on every pass over it; sentences and toll phrases ask for their spans thousands of times)."""
    group = doc.spans.get(FAMILIES[family])
    if group is None:
        return [], []
    key = (_SPANS_KEY, family)
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(group):
        spans = sorted(group, key=lambda s: (s.start, -s.end))
        cached = doc.user_data[key] = (len(group), [s.start for s in spans], spans)
    return cached[1], cached[2]


def spans_in(where: Span | Doc, family: str, *labels: str, longest: bool = False) -> list[Span]:
    """The spans of a pattern family inside a sentence (or Doc), in text order, of the given labels (all when
    none is given); ``longest`` keeps the longest of overlapping spans (spaCy's ``filter_spans``)."""
    doc = where if isinstance(where, Doc) else where.doc
    starts, spans = _family(doc, family)
    if not spans:
        return []
    start, end = (0, len(doc)) if isinstance(where, Doc) else (where.start, where.end)
    found = []
    for i in range(bisect_left(starts, start), bisect_left(starts, end)):
        s = spans[i]
        if s.end <= end and (not labels or s.label_ in labels):
            found.append(s)
    if longest:
        found = sorted(filter_spans(found), key=lambda s: (s.start, -s.end))
    return found


def span_at(where: Span | Doc, family: str, start: int | None = None, end: int | None = None,
            labels: tuple[str, ...] = ()) -> Span | None:
    """The longest span of a family that starts at token ``start`` and/or ends at token ``end``."""
    if start is not None:
        doc = where if isinstance(where, Doc) else where.doc
        lo, hi = (0, len(doc)) if isinstance(where, Doc) else (where.start, where.end)
        if not lo <= start < hi:
            return None
        starts, spans = _family(doc, family)
        found = [s for s in spans[bisect_left(starts, start):bisect_right(starts, start)] if s.end <= hi and (
            end is None or s.end == end) and (not labels or s.label_ in labels)]
    else:
        found = [s for s in spans_in(where, family, *labels) if s.end == end]
    return max(found, key=lambda s: s.end - s.start) if found else None
