"""The ``sahel_zones`` spaCy component: the page zones of an article as a span group, and sentence breaks at them.

In: a Doc whose ``doc.user_data["sahel_zones"]`` holds the article's zones as ``(start, end, kind)`` character
spans (``ingest.zones``, computed when the article was read, with its title); a Doc without them (``nlp(text)``)
gets them computed from its own text. Out: ``doc.spans["sahel_zones"]`` (one span per zone, label = the kind:
headline, standfirst, datestamp, byline, caption, teaser, furniture, body) and a sentence start at the first token
of every zone, so that no sentence runs from a headline into the body. It runs before the parser (which keeps the
breaks it is given) or right after the sentencizer of the rules-only pipeline.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..ingest.zones import dateline, find_zones

ZONES_KEY = "sahel_zones"


def zone_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """The zones of a Doc as (start char, end char, kind), from its user data or computed from its text."""
    zones = doc.user_data.get(ZONES_KEY)
    if zones is None:
        zones = [(z.start, z.end, z.kind) for z in find_zones(doc.text, None, doc.lang_)]
        doc.user_data[ZONES_KEY] = zones
    return zones


@Language.component("sahel_zones")
def mark_zones(doc: Doc) -> Doc:
    spans = []
    for start, end, kind in zone_spans(doc):
        span = doc.char_span(start, end, label=kind, alignment_mode="expand")
        if span is None or not len(span):
            continue
        spans.append(span)
        if span.start > 0:
            span[0].is_sent_start = True
            if span.end < len(doc) and kind != "body":  # the zone ends its sentence too
                doc[span.end].is_sent_start = True
        if kind == "body":
            _keep_dateline_whole(doc, span)
    doc.spans[ZONES_KEY] = spans
    return doc


def _keep_dateline_whole(doc: Doc, span) -> None:
    """No sentence break inside a wire dateline or right after it ("BAMAKO, Mali (AP) — Gunmen ..."): the parser
    would otherwise make "BAMAKO" a sentence of its own."""
    found = dateline(span.text)
    if not found:
        return
    end = span.start_char + found[0]
    for tok in span[1:]:
        if tok.idx > end:
            break
        tok.is_sent_start = False
