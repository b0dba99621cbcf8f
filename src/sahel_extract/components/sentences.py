"""``sahel_sentence_guard``: sentence boundaries the parser must not draw inside a place's brackets.

In: a tokenised ``Doc`` before the parser. Out: the same Doc with ``is_sent_start = False`` on an opening
bracket that follows a word rather than a full stop, so that "the village of Alla N'Glaro [Boula Kiassa]
(Diffa, Diffa)." stays one sentence and the bracketed commune and region stay with the place they qualify
(the parser respects boundaries set before it runs).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_FINAL = {".", "!", "?", "…"}


@Language.component("sahel_sentence_guard")
def sentence_guard(doc: Doc) -> Doc:
    for tok in doc[1:]:
        if tok.text in ("(", "[") and doc[tok.i - 1].text not in _FINAL and "\n" not in doc[tok.i - 1].whitespace_ + \
                doc[tok.i - 1].text:
            tok.is_sent_start = False
    return doc
