"""What happened to the victims of a count phrase, read from the words around it.

In: the tokens of a sentence (a Doc that went through the pattern rulers) and the index after a victim phrase (or
of its count). Out: the outcome (killed, wounded, abducted) and the index of the word that tells it:

- after the victims (``outcome_after``): a verb of ``OUTCOME_AFTER`` ("were killed", "died"), skipping
  ``AUX_SKIP`` words, brackets and named groups, or an ``OUTCOME_PHRASE`` span ("lost their lives", "with serious
  injuries", "out of action"); a ``NOT_OUTCOME`` span ("fell into an ambush") stops; after a ``PP_HEAD`` word a
  short phrase about the victims is skipped first ("two people in the car died", "five workers ... present at the
  site were also killed"), not across a comma when the verb is active ("the bomber, a man who ..., died");
- before the count (``outcome_before``): a ``TOLL_HEAD`` span ending right before it ("the death toll rose to")
  or an ``OUTCOME_BEFORE`` word, skipping ``OUTCOME_BEFORE_SKIP`` words ("killing at least").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import lex
from .counts import is_number


def outcome_phrase(tokens: list[Token], k: int) -> tuple[str | None, int]:
    """An ``OUTCOME_PHRASE`` (tolls patterns) starting at token k: "lost their lives", "were taken hostage"."""
    if k >= len(tokens):
        return None, k
    span = lex.span_at(tokens[k].doc, "tolls", start=tokens[k].i, labels=("OUTCOME_PHRASE",))
    if span is None:
        return None, k
    return span.id_, k + (span.end - span.start) - 1


def takes_object(tokens: list[Token], m: int) -> bool:
    """The outcome verb at m has an object of its own ("the gunmen who killed 12 people"): it is not the
    victims' verb."""
    nxt = tokens[m + 1] if m + 1 < len(tokens) else None
    return nxt is not None and (is_number(nxt) or lex.has(nxt, "INDEFINITE_ARTICLE", "DEFINITE_ARTICLE", "VICTIM"))


def outcome_after_phrase(tokens: list[Token], k: int) -> tuple[str | None, int]:
    """"five workers of a private company present at the site were also killed", "two people in the car died":
    skip a short phrase about the victims to the verb that tells what happened to them."""
    comma = False
    skip_to = -1
    for m in range(k, min(len(tokens), k + 15)):
        t = tokens[m]
        aside = lex.span_at(t.doc, "tolls", start=t.i, labels=("ASIDE",))
        if aside is not None:  # ", the bomber among them,", ", most of them women,": an aside about the victims
            skip_to = m + len(aside)
        if m <= max(k, skip_to - 1):
            continue
        if t.text in (".", ";", ":") or is_number(t) and not lex.has(t, "ONE_OR_THEM") or (
                lex.has(t, "OUTCOME_BEFORE") and not lex.has(t, "OUTCOME_AFTER")):
            return None, k
        comma = comma or t.text == ","
        found, end = outcome_phrase(tokens, m)
        if found and not comma:
            return found, end  # "two passengers who were sitting on the tailboard got away with minor injuries"
        if lex.has(t, "PASSIVE_AUX"):
            outcome, idx = outcome_after(tokens, m, phrase=False)
            if outcome:
                return outcome, idx  # else: "9 traders, most of whom were from ..., were killed": go on
        elif not comma and lex.has(t, "OUTCOME_AFTER") and not lex.has(t, "OUTCOME_NEEDS_PHRASE") \
                and not takes_object(tokens, m):
            return lex.value(t, "OUTCOME_AFTER"), m  # "two people in the car died"
    return None, k


def outcome_after(tokens: list[Token], k: int, phrase: bool = True) -> tuple[str | None, int]:
    if phrase and k < len(tokens) and lex.has(tokens[k], "PP_HEAD"):
        return outcome_after_phrase(tokens, k)
    steps = 0
    while k < len(tokens) and steps < 7:
        tok = tokens[k]
        found, end = outcome_phrase(tokens, k)
        if found:
            return found, end
        if lex.span_at(tok.doc, "tolls", start=tok.i, labels=("NOT_OUTCOME",)) is not None:
            return None, k  # "fell into an ambush", "fell silent"
        if lex.has(tok, "OUTCOME_AFTER"):
            if lex.has(tok, "OUTCOME_NEEDS_PHRASE"):
                return None, k  # "taken", "lost", "suffered" alone tell nothing
            return lex.value(tok, "OUTCOME_AFTER"), k
        if tok.ent_type_ == "ARMED_GROUP" or tok.text in "()":
            k += 1  # "six Volunteers for the Defence of the Homeland (VDP), were killed"
            continue
        if lex.has(tok, "AUX_SKIP") or tok.is_punct and tok.text not in (".", ";", ":"):
            k += 1
            steps += 1
            continue
        break
    return None, k


def outcome_before(sent: Span, tokens: list[Token], i: int) -> tuple[str | None, int]:
    if lex.span_at(sent, "tolls", end=tokens[i].i, labels=("TOLL_HEAD",)) is not None:
        return "killed", i - 1
    k = i - 1
    steps = 0
    while k >= 0 and steps < 4:
        tok = tokens[k]
        if lex.has(tok, "OUTCOME_BEFORE"):
            return lex.value(tok, "OUTCOME_BEFORE"), k
        if lex.has(tok, "OUTCOME_BEFORE_SKIP"):
            k -= 1
            steps += 1
            continue
        break
    return None, i
