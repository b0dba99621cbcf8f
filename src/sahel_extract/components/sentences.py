"""``sahel_sentence_guard``: sentence boundaries the parser must not draw.

In: a tokenised ``Doc`` before the parser. Out: the same Doc with ``is_sent_start = False`` where a sentence cannot
start (the parser respects boundaries set before it runs; boundaries already set, such as the page zones', stay):

- on an opening bracket that follows a word rather than a full stop, so that "the village of Alla N'Glaro [Boula
  Kiassa] (Diffa, Diffa)." stays one sentence and the bracketed commune and region stay with the place they
  qualify;
- right after a comma, a semicolon, a colon or an opening bracket or quote, and before a word in lower case right
  after a word or a number, on the same line: a sentence ends with a full stop, a closing quote, a dash or a line
  break (a capital after a word may still open one: "OUAGADOUGOU, April 4 A Romanian officer ..."). Some
  statistical parsers (spaCy's small French model splits about one sentence in five of a news text) otherwise cut
  a clause from its figures or its source ("Douze civils ont été tués et cinq blessés | dimanche lors d'une
  attaque ...").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_FINAL = {".", "!", "?", "…"}
_NO_END = {",", ";", ":", "(", "[", "«", "“", "‘"}


def _joins_next(tok) -> bool:
    """Whether no sentence can start right after this token: a word, a number or punctuation that opens or
    continues a clause, with no line break after it."""
    if "\n" in tok.whitespace_ or tok.is_space or "\n" in tok.text:
        return False
    return tok.text in _NO_END or (tok.is_alpha or tok.like_num) and tok.text not in _FINAL


@Language.component("sahel_sentence_guard")
def sentence_guard(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.text in ("(", "[") and prev.text not in _FINAL and "\n" not in prev.whitespace_ + prev.text:
            tok.is_sent_start = False
        elif tok.is_sent_start is None and _joins_next(prev) and (not tok.text[:1].isupper() or prev.text in _NO_END):
            tok.is_sent_start = False
    return doc
