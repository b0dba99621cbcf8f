"""Attack words of a sentence: the ``sahel_triggers`` spans that no ``sahel_senses`` span cancels.

In: a sentence ``Span`` of a Doc that went through the pattern rulers. Out: ``Trigger`` objects (document
offsets) with the event type (the pattern's label) and the flags of its id (``weak``, ``outcome``,
``property``), ``noun`` when the word names an attack (``ATTACK_EVENT_NOUN``: "the ambush") and ``definite``
when a single word follows a ``DEFINITE`` word ("the attack", "Sunday's raid": an attack already told).
A trigger inside a senses span ("a gold mine", "planned to attack", "a 2021 attack") is dropped.
"""

from __future__ import annotations

from spacy.tokens import Span

from . import lex
from .mentions import Trigger


def find_triggers(sent: Span) -> list[Trigger]:
    """The attack words of a sentence, in text order; the longest phrase wins where they overlap."""
    doc = sent.doc
    cancelled = lex.spans_in(sent, "senses")
    out: list[Trigger] = []
    for span in lex.spans_in(sent, "triggers", longest=True):
        if any(c.start <= span.start and span.end <= c.end for c in cancelled):
            continue
        flags = set(span.id_.split())
        single = span.end - span.start == 1
        definite = single and any(lex.has(doc[i], "DEFINITE") for i in range(max(sent.start, span.start - 2),
                                                                               span.start))
        out.append(Trigger(span.text, span.start_char, span.end_char, span.label_, weak="weak" in flags,
                           definite=definite, outcome="outcome" in flags, property="property" in flags,
                           noun=single and lex.has(span[0], "ATTACK_EVENT_NOUN")))
    return out
