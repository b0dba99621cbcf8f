"""Casualty figures of a sentence: a count, the victims it counts and what happened to them.

In: a sentence ``Span`` of a Doc that went through the pattern rulers. Out: ``CasualtyArg`` objects (document
offsets) with the outcome (killed, wounded, abducted), the quantity words ("at least twelve"), the victim noun
and its target category, and flags (``subset`` for "including five soldiers", ``vague`` for "dozens",
``bomber``, ``generic``).

How a figure is read, token by token on the word classes of ``models/patterns/<lang>/words/casualties.jsonl``:
a count (digits, a ``NUMBER_WORD``, "one", or "a/an/the" before a singular victim) with its qualifiers on the
left (``QUANTITY`` words, kept from the first ``QUALIFIER_START``); ``VICTIM_MOD`` words up to a ``VICTIM`` noun
(whose id is the category; ``MODIFIER_CATEGORY`` words before a ``VICTIM_GENERIC`` noun decide it: "army
personnel"); then the outcome: a word of ``OUTCOME_BEFORE`` right before the count ("killing 12"), a verb of
``OUTCOME_AFTER`` after the victims ("were killed", skipping ``AUX_SKIP`` words and a short ``PP_HEAD`` phrase
about the victims), an ``OUTCOME_PHRASE`` span of the tolls patterns ("lost their lives"), or a ``TOLL_HEAD``
span ending right before the count ("the death toll rose to"). Figures listed together share a verb ("12
soldiers and 3 civilians were killed"); a list after a comma details the figure before it. Lone victims
("the driver was shot dead") and suicide bombers come from the ``SINGLE_VICTIM`` and ``BOMBER`` patterns.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import lex
from .mentions import CasualtyArg


def _year(tok: Token) -> bool:
    return len(tok.text) == 4 and tok.text.isdigit() and tok.text[:2] in ("19", "20")


def is_number(tok: Token) -> bool:
    """A count word: digits, a ``NUMBER_WORD`` ("twelve", "dozens"), "one"; not "a"/"an" (they count only a
    singular victim), not a year."""
    if lex.has(tok, "NUMBER_WORD"):
        return not lex.has(tok, "INDEFINITE_ARTICLE")
    return tok.like_num and not _year(tok)


def _counts_things(tok: Token) -> bool:
    """A number followed by a noun that is not a victim counts things, not people."""
    if not tok.is_alpha or lex.has(tok, "OUTCOME_AFTER", "AUX_SKIP", "VICTIM", "VICTIM_MOD", "NUMBER_FOLLOWER"):
        return False
    return tok.pos_ in ("NOUN", "PROPN") if tok.pos_ else True


def _ordinal(tok: Token) -> bool:
    """"28th", "1er", "2e": a day of the month (one or two digits and a short letter suffix)."""
    text = tok.text
    digits = len(text) - len(text.lstrip("0123456789"))
    return 1 <= digits <= 2 and 1 <= len(text) - digits <= 3 and text[digits:].isalpha()


def _in_date(tokens: list[Token], i: int) -> bool:
    """"On September 28, six people...": a day of the month is not a count."""
    tok = tokens[i]
    if tok.ent_type_ in ("DATE", "TIME") or _ordinal(tok):
        return True
    return any(lex.has(t, "MONTH") for t in tokens[max(0, i - 1):i + 2] if t.i != tok.i)


def _victim_at(tokens: list[Token], j: int) -> tuple[int, str | None, str | None]:
    """From token j, skip modifiers to a victim noun: (index after the noun, noun text, category)."""
    k = j
    steps = 0
    while k < len(tokens) and steps < 5:
        tok = tokens[k]
        if lex.has(tok, "VICTIM") and not (lex.has(tok, "VICTIM_MOD") and k + 1 < len(tokens)
                                            and lex.has(tokens[k + 1], "VICTIM")):
            category = lex.value(tok, "VICTIM")
            before = tokens[j:k]
            if lex.has(tok, "VICTIM_GENERIC"):  # "army personnel", "police officers", "jihadist elements"
                for t in before:
                    category = lex.value(t, "MODIFIER_CATEGORY") or category
            if any(lex.value(t, "MODIFIER_CATEGORY") == "civilians" for t in before):
                category = "civilians"
            return k + 1, tok.text, category
        if lex.has(tok, "VICTIM_MOD") or tok.ent_type_ in ("NORP", "ARMED_GROUP") or tok.text in "()" or (
                tok.pos_ in ("ADJ", "PROPN") and not lex.has(tok, "OUTCOME_AFTER") and (
                    tok.pos_ == "ADJ" or tok.is_title)):
            k += 1
            steps += 1
            continue
        break
    return j, None, None


def _outcome_phrase(tokens: list[Token], k: int) -> tuple[str | None, int]:
    """An ``OUTCOME_PHRASE`` (tolls patterns) starting at token k: "lost their lives", "were taken hostage"."""
    if k >= len(tokens):
        return None, k
    span = lex.span_at(tokens[k].doc, "tolls", start=tokens[k].i, labels=("OUTCOME_PHRASE",))
    if span is None:
        return None, k
    return span.id_, k + (span.end - span.start) - 1


def _outcome_after_phrase(tokens: list[Token], k: int) -> tuple[str | None, int]:
    """"five workers of a private company present at the site were also killed": skip a short phrase about
    the victims to the passive verb that tells what happened to them."""
    for m in range(k + 1, min(len(tokens), k + 15)):
        t = tokens[m]
        if t.text in (".", ";", ":") or is_number(t) and not lex.has(t, "ONE_OR_THEM") or (
                lex.has(t, "OUTCOME_BEFORE") and not lex.has(t, "OUTCOME_AFTER")):
            return None, k
        if lex.has(t, "PASSIVE_AUX"):
            outcome, idx = _outcome_after(tokens, m, phrase=False)
            if outcome:
                return outcome, idx  # else: "9 traders, most of whom were from ..., were killed": go on
    return None, k


def _outcome_after(tokens: list[Token], k: int, phrase: bool = True) -> tuple[str | None, int]:
    if phrase and k < len(tokens) and lex.has(tokens[k], "PP_HEAD"):
        return _outcome_after_phrase(tokens, k)
    steps = 0
    while k < len(tokens) and steps < 7:
        tok = tokens[k]
        found, end = _outcome_phrase(tokens, k)
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


def _outcome_before(sent: Span, tokens: list[Token], i: int) -> tuple[str | None, int]:
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


def _singular(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    after_verb = i > 0 and lex.has(tokens[i - 1], "OUTCOME_BEFORE")
    return (lex.has(tok, "INDEFINITE_ARTICLE", "ONE") or lex.has(tok, "DEFINITE_ARTICLE") and after_verb) \
        and i + 1 < len(tokens)


def _phrases(sent: Span, tokens: list[Token]) -> list[dict]:
    """The count phrases of a sentence: (qualifier start q, count start i, count end j, victim end k, victim)."""
    phrases: list[dict] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        singular = _singular(tokens, i)
        if not (is_number(tok) or singular) or _in_date(tokens, i):
            i += 1
            continue
        # the number run ("twenty", "-", "five"; "two hundred and fifty"; "dozens of"; "trente et un": a
        # ``JOINED_UNIT`` after a joiner)
        j = i + 1
        while j < len(tokens) and (is_number(tokens[j]) or tokens[j].text == "-" and j + 1 < len(tokens)
                                   and is_number(tokens[j + 1]) or lex.has(tokens[j], "NUMBER_JOINER")
                                   and j + 1 < len(tokens) and (is_number(tokens[j + 1])
                                                                or lex.has(tokens[j + 1], "JOINED_UNIT"))
                                   or lex.has(tokens[j], "JOINED_UNIT") and lex.has(tokens[j - 1], "NUMBER_JOINER")
                                   or lex.has(tokens[j], "COUNT_OF") and lex.has(tokens[j - 1], "COUNT_OF_HEAD")):
            j += 1
        # qualifiers on the left ("at least", "more than", "between 20 and")
        q = i
        while q > 0 and lex.has(tokens[q - 1], "QUANTITY") and i - q < 4 and not lex.has(
                tokens[q - 1], "QUALIFIER_STOP") or (q > 0 and lex.has(tokens[q - 1], "INDEFINITE_ARTICLE")
                                                     and i - q < 3 and lex.has(tokens[q], "ESTIMATED")):
            q -= 1
        while q < i and not lex.has(tokens[q], "QUALIFIER_START"):
            q += 1
        k, victim, who = _victim_at(tokens, j)
        if singular and (victim is None or not lex.has(tokens[k - 1], "SINGULAR_VICTIM") and not lex.has(tok, "ONE")
                         or tokens[k - 1].lower_.endswith("s") and not lex.has(tokens[k - 1], "SINGULAR_PLURAL")):
            one_alone = lex.has(tok, "ONE") and victim is None and j < len(tokens) and lex.has(
                tokens[j], "ONE_ALONE_NEXT")  # "One was killed", "one died", "killed one of them"
            if not one_alone:
                i += 1
                continue
        if victim is None and j < len(tokens) and _counts_things(tokens[j]):
            i = j  # "seized three transport trucks", "150 heads of livestock": not people
            continue
        phrases.append({"q": q, "i": i, "j": j, "k": k, "victim": victim, "who": who})
        i = max(k, j)
    return phrases


def _arg(sent: Span, tokens: list[Token], p: dict, outcome: str, o_idx: int) -> CasualtyArg:
    doc = sent.doc
    first = min(p["q"], o_idx) if o_idx >= 0 else p["q"]
    last = max(p["k"] - 1, p["j"] - 1, o_idx)
    start, end = tokens[first].idx, tokens[last].idx + len(tokens[last])
    quantity = doc.text[tokens[p["q"]].idx: tokens[p["j"] - 1].idx + len(tokens[p["j"] - 1])]
    if lex.has(tokens[p["i"]], "INDEFINITE_ARTICLE", "DEFINITE_ARTICLE"):
        quantity = "one"
    subset = lex.span_at(sent, "tolls", end=tokens[p["q"]].i, labels=("SUBSET",)) is not None
    victim_tok = tokens[p["k"] - 1] if p["victim"] else None
    return CasualtyArg(doc.text[start:end], start, end, outcome=outcome, quantity=quantity, victim=p["victim"],
                       who=p["who"], subset=subset, vague=_vague(tokens, p),
                       bomber=lex.has(victim_tok, "BOMBER"), generic=lex.has(victim_tok, "GENERIC_PEOPLE"))


def _vague(tokens: list[Token], p: dict) -> bool:
    """"dozens", "several", "scores of": a count with no number."""
    return lex.has(tokens[p["q"]], "VAGUE", "APPROX")


def find_casualties(sent: Span) -> list[CasualtyArg]:
    tokens = list(sent)
    phrases = _phrases(sent, tokens)
    # outcomes, right to left so that "12 soldiers and 3 civilians were killed" shares the verb
    results: list[CasualtyArg] = []
    next_outcome: tuple[str | None, int, int] = (None, -1, -1)
    chain: list[CasualtyArg] = []
    for p in reversed(phrases):
        outcome, o_idx = None, -1
        before = tokens[p["q"] - 1] if p["q"] > 0 else None
        if before is not None and lex.has(before, "OUTCOME_BEFORE") and not lex.has(before, "OUTCOME_BEFORE_NOUN"):
            outcome, o_idx = lex.value(before, "OUTCOME_BEFORE"), p["q"] - 1
        if outcome is None and p["q"] > 1 and lex.has(before, "DEAD") and lex.has(tokens[p["q"] - 2],
                                                                                     "SHOOT_DEAD_VERB"):
            outcome, o_idx = "killed", p["q"] - 1  # "shooting dead three gendarmes"
        if outcome is None:
            outcome, o_idx = _outcome_after(tokens, p["k"], phrase=p["victim"] is not None)
        apposition = False
        joiners = tokens[p["k"]:next_outcome[1]] if next_outcome[0] else []
        if outcome is None and next_outcome[0] and 0 <= next_outcome[1] - p["k"] <= 2 and all(
                lex.has(t, "LIST_JOINER") or t.text == "," for t in joiners):
            outcome, o_idx = next_outcome[0], next_outcome[2]
            # "Seventeen people, eleven soldiers and six VDP, were killed": the list after the comma details
            # the first figure
            apposition = [t.text for t in joiners] == [","]
            if apposition:
                for item in chain:
                    item.subset = True
        else:
            chain = []
        if outcome is None:
            outcome, o_idx = _outcome_before(sent, tokens, p["q"])
        if outcome is None:
            next_outcome = (None, p["q"], -1)
            continue
        next_outcome = (outcome, p["q"], o_idx)
        result = _arg(sent, tokens, p, outcome, o_idx)
        results.append(result)
        chain = [] if apposition else chain
        chain.append(result)
    results.reverse()
    results = _share_forward(tokens, phrases, results, sent)
    for previous, current in zip(results, results[1:], strict=False):
        if current.victim is None and current.who is None and previous.who:
            current.who = previous.who  # "killing three soldiers and wounding five": five soldiers
    results.extend(_bombers(sent))
    results.extend(c for c in _single_victims(sent) if not any(r.start <= c.start < r.end for r in results))
    return results


def _share_forward(tokens: list[Token], phrases: list[dict], results: list[CasualtyArg], sent: Span
                   ) -> list[CasualtyArg]:
    """Figures coordinated after one that has an outcome share it: "killing two soldiers and five volunteer
    fighters", "shooting dead three gendarmes and a civilian"."""
    out = list(results)
    previous = None
    for p in phrases:
        start = tokens[p["q"]].idx
        found = next((r for r in results if r.start <= start < r.end), None)
        if found is not None:
            previous = (p, found)
            continue
        if previous is None or p["victim"] is None:
            continue
        prev_p, prev_r = previous
        between = tokens[prev_p["k"]:p["q"]]
        if between and all(lex.has(t, "LIST_JOINER", "ALSO") or t.text == "," for t in between):
            arg = _arg(sent, tokens, p, prev_r.outcome, -1)
            arg.subset = any(lex.has(t, "SUBSET_WORD") for t in between)
            out.append(arg)
            previous = (p, arg)
    return sorted(out, key=lambda r: r.start)


def _single_victims(sent: Span) -> list[CasualtyArg]:
    """"The driver of one of the buses was shot dead": one victim with no number word (``SINGLE_VICTIM``)."""
    out = []
    for span in lex.spans_in(sent, "tolls", "SINGLE_VICTIM", longest=True):
        at = int(span.id_) if span.id_.isdigit() and int(span.id_) < len(span) else None  # the victim's position
        victim = span[at] if at is not None else next((t for t in span if lex.has(t, "SINGULAR_VICTIM")), None)
        outcomes = [lex.value(t, "OUTCOME_AFTER") for t in span if lex.has(t, "OUTCOME_AFTER")]
        out.append(CasualtyArg(span.text, span.start_char, span.end_char, outcome=outcomes[-1] if outcomes else
                               "killed", quantity="one", victim=victim.text if victim else None,
                               who=lex.value(victim, "VICTIM") if victim else None))
    return out


def _bombers(sent: Span) -> list[CasualtyArg]:
    """"A female suicide bomber blew herself up": the bombers are attackers killed, one each (``BOMBER``)."""
    out = []
    for span in lex.spans_in(sent, "tolls", "BOMBER", longest=True):
        first = span[0]
        quantity = "one" if lex.has(first, "INDEFINITE_ARTICLE") else first.text
        out.append(CasualtyArg(span.text, span.start_char, span.end_char, outcome="killed", quantity=quantity,
                               victim="bomber", who="militants", bomber=True))
    return out
