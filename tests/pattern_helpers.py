"""A blank pipeline that runs one pattern family, for unit tests of the pattern files."""

from __future__ import annotations

from functools import cache

import spacy

from sahel_extract.patterns import FAMILIES, load_family


@cache
def ruler_nlp(family: str, lang: str = "en"):
    """spacy.blank(lang) + sentencizer + a span_ruler writing doc.spans[FAMILIES[family]]."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": FAMILIES[family], "phrase_matcher_attr": "LOWER",
                                               "spans_filter": None, "overwrite": False})
    ruler.add_patterns(load_family(family, lang))
    return nlp
