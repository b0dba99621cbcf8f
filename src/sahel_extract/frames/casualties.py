"""Casualty figures of a sentence: a count, the victims it counts and what happened to them.

In: a sentence ``Span`` of a Doc that went through the pattern rulers. Out: ``CasualtyArg`` objects (document
offsets) with the outcome (killed, wounded, abducted), the quantity words ("at least twelve"), the victim noun
and its target category, and flags (``subset`` for "including five soldiers", ``vague`` for "dozens",
``bomber``, ``generic``, ``implied``).

How a figure is read, token by token on the word classes of ``models/patterns/<lang>/words/casualties.jsonl``:
a count (digits, a ``NUMBER_WORD``, "one", "a dozen", a range "20 to 40", or "a/an/the" before a singular victim)
with its qualifier on the left, kept only when it is a ``QUALIFIER`` phrase ("at least", "as many as"; not the
"at" of "stood at 35"); ``VICTIM_MOD`` words, quotes and one unknown compound word ("a health worker") up to a
``VICTIM`` noun (whose id is the category; ``MODIFIER_CATEGORY`` words before a ``VICTIM_GENERIC`` noun decide it:
"army personnel"). Where the victim noun is in no list, the parse says what the count counts (the noun its
number modifies, when that noun is the subject or object of an outcome verb: "thirty-five commuters were
abducted"); without a parse, a plural noun right before its outcome verb does. Then the outcome: a word of
``OUTCOME_BEFORE`` right before the count ("killing 12"), a verb of ``OUTCOME_AFTER`` after the victims ("were
killed", skipping ``AUX_SKIP`` words and a short ``PP_HEAD`` phrase about the victims), an ``OUTCOME_PHRASE``
span of the tolls patterns ("lost their lives", "with serious injuries"), a ``TOLL_HEAD`` span ending right
before the count ("the death toll rose to", "put the toll at"), an outcome participle before the noun ("37
neutralised terrorists"), a ``CORPSE`` noun ("16 bodies": the dead), or the verb the parse links the victims to.
Figures listed together share a verb ("12 soldiers and 3 civilians were killed"); a list after a comma details the
figure before it. A ``SIDE`` span right after a figure says whose dead it counts ("four dead among the enemy");
"N of them" takes the victims of the noun it refers back to. Lone victims, suicide bombers and the dependency
parse's single victims come from ``frames.victims``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import lex
from .counts import in_date, is_number, number_end, qualifier_start, vague
from .mentions import CasualtyArg
from .outcomes import outcome_after, outcome_before
from .victims import antecedent, bombers, lone_victims, parse_outcome, parse_victim_noun, side_category, state_agent


def _counts_things(tok: Token) -> bool:
    """A number followed by a noun that is not a victim counts things, not people."""
    if not tok.is_alpha or tok.is_stop or lex.has(tok, "OUTCOME_AFTER", "AUX_SKIP", "VICTIM", "VICTIM_MOD",
                                                  "NUMBER_FOLLOWER"):
        return False
    return tok.pos_ in ("NOUN", "PROPN") if tok.pos_ else True


def _victim_at(tokens: list[Token], j: int) -> tuple[int, str | None, str | None, str | None]:
    """From token j, skip modifiers to a victim noun: (index after the noun, noun text, category, the outcome of
    a participle among the modifiers: "37 neutralised terrorists")."""
    k = j
    steps = 0
    inner = None
    while k < len(tokens) and steps < 5:
        tok = tokens[k]
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if lex.has(tok, "VICTIM") and not (lex.has(tok, "VICTIM_MOD") and lex.has(nxt, "VICTIM")):
            category = lex.value(tok, "VICTIM")
            before = tokens[j:k]
            if lex.has(tok, "VICTIM_GENERIC"):  # "army personnel", "police officers", "jihadist elements"
                for t in before:
                    category = lex.value(t, "MODIFIER_CATEGORY") or category
                if lex.has(nxt, "COUNT_OF"):  # "members of Mali's armed forces", "members of the security forces"
                    after = [t for t in tokens[k + 2:k + 6] if not lex.has(t, "COUNT_OF")]
                    category = next((lex.value(t, "MODIFIER_CATEGORY") for t in after
                                     if lex.has(t, "MODIFIER_CATEGORY")), category)
            if any(lex.value(t, "MODIFIER_CATEGORY") == "civilians" for t in before):
                category = "civilians"
            return k + 1, tok.text, category, inner
        if lex.has(tok, "OUTCOME_AFTER") and not lex.has(tok, "OUTCOME_NEEDS_PHRASE") and any(
                lex.has(t, "VICTIM") for t in tokens[k + 1:k + 3]):
            inner = lex.value(tok, "OUTCOME_AFTER")  # "37 neutralised terrorists", "12 wounded soldiers"
            k += 1
            steps += 1
            continue
        if _modifier(tok, nxt):
            k += 1
            steps += 1
            continue
        break
    return j, None, None, None


#: A speaker phrase is short ("two security sources", "residents and a community leader"); a longer source span
#: reaches over more than the speaker.
SPEAKER_TOKENS = 10


def _modifier(tok: Token, nxt: Token | None) -> bool:
    """A word between a count and its victim noun: a ``VICTIM_MOD`` word, a nationality, a quote or bracket, an
    adjective or a capitalised name ("Malian", "Romanian" without a tagger), or one unknown compound word before
    a victim noun ("a health worker", "two aid workers"), never a stop word or a number."""
    if lex.has(tok, "VICTIM_MOD") or tok.ent_type_ in ("NORP", "ARMED_GROUP") or tok.text in "()" or tok.is_quote:
        return True
    if (tok.pos_ == "ADJ" or tok.is_title and tok.pos_ in ("PROPN", "")) and not lex.has(tok, "OUTCOME_AFTER"):
        return True
    return tok.is_alpha and tok.is_lower and not tok.is_stop and lex.has(nxt, "VICTIM") and not lex.has(
        tok, "OUTCOME_AFTER", "OUTCOME_BEFORE", "AUX_SKIP", "NOT_VICTIM", "NUMBER_WORD")


def _unknown_victim(tokens: list[Token], i: int, j: int) -> tuple[int, str] | None:
    """A count of people the word lists do not know ("thirty-five commuters were abducted"): the noun the parse
    makes the count's, linked to an outcome verb; without a parse, a plural noun right before its outcome verb.
    Never a ``NOT_VICTIM`` noun, nor an unknown noun whose verb is a ``THING_OUTCOME`` ("three trucks were
    seized")."""
    noun = parse_victim_noun(tokens[i])
    if noun is not None:
        k = noun.i - tokens[0].i
        if not (j <= k < len(tokens)) or lex.has(noun, "NOT_VICTIM") or noun.ent_type_ in ("GPE", "LOC", "PLACE"):
            return None
        found = parse_outcome(noun)
        return (k + 1, noun.text) if found and not lex.has(found[1], "THING_OUTCOME") else None
    if lex.parsed(tokens[0].doc) or j >= len(tokens):
        return None
    noun = tokens[j]
    if not (noun.is_alpha and noun.is_lower and noun.lower_.endswith("s")) or lex.has(noun, "NOT_VICTIM"):
        return None
    outcome, at = outcome_after(tokens, j + 1, phrase=False)
    return (j + 1, noun.text) if outcome and not lex.has(tokens[at], "THING_OUTCOME") else None


def _singular(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    after_verb = i > 0 and lex.has(tokens[i - 1], "OUTCOME_BEFORE")
    return (lex.has(tok, "INDEFINITE_ARTICLE", "ONE") or lex.has(tok, "DEFINITE_ARTICLE") and after_verb) \
        and i + 1 < len(tokens) and not lex.has(tokens[i + 1], "MULTIPLIER")  # "a dozen" is a number


def _phrases(sent: Span, tokens: list[Token]) -> list[dict]:
    """The count phrases of a sentence: (qualifier start q, count start i, count end j, victim end k, victim)."""
    phrases: list[dict] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        singular = _singular(tokens, i)
        if not (is_number(tok) or singular) or in_date(tokens, i):
            i += 1
            continue
        j = number_end(tokens, i)
        q = qualifier_start(sent, tokens, i)
        k, victim, who, inner = _victim_at(tokens, j)
        partitive = None
        victim_tok = tokens[k - 1] if victim else None
        if singular and (victim is None or not lex.has(tokens[k - 1], "SINGULAR_VICTIM") and not lex.has(tok, "ONE")
                         or tokens[k - 1].lower_.endswith("s") and not lex.has(tokens[k - 1], "SINGULAR_PLURAL")):
            one_alone = lex.has(tok, "ONE") and victim is None and j < len(tokens) and lex.has(
                tokens[j], "ONE_ALONE_NEXT")  # "One was killed", "one died", "killed one of them"
            if not one_alone:
                i += 1
                continue
        if singular and victim is not None and tokens[k - 1].dep_ == "appos" and i > 0 and tokens[i - 1].text == ",":
            i += 1  # "the bomber, a man who ...": the same person again
            continue
        if victim is None and j + 2 < len(tokens) and lex.has(tokens[j], "COUNT_OF") and lex.has(
                tokens[j + 1], "DEFINITE_ARTICLE"):
            k, partitive = j + 3, tokens[j + 2]  # "one of the wounded later died"
        if victim is None and not singular:
            unknown = _unknown_victim(tokens, i, j)
            if unknown is not None:
                k, victim = unknown
                victim_tok = tokens[k - 1]
        if victim is None and j < len(tokens) and _counts_things(tokens[j]):
            i = j  # "seized three transport trucks", "150 heads of livestock": not people
            continue
        if victim is None and j + 1 < len(tokens) and lex.has(tokens[j], "COUNT_OF") and lex.has(
                tokens[j + 1], "PARTITIVE_PRONOUN"):
            noun = antecedent(tokens[:q])  # "repelled the attackers, killing at least 19 of them"
            who, victim_tok = lex.value(noun, "VICTIM"), noun
        phrases.append({"q": q, "i": i, "j": j, "k": k, "victim": victim, "who": who, "inner": inner,
                        "refers_to": victim_tok, "partitive": partitive})
        i = max(k, j)
    return phrases


def _arg(sent: Span, tokens: list[Token], p: dict, outcome: str, o_idx: int) -> CasualtyArg:
    doc = sent.doc
    first = min(p["q"], o_idx) if o_idx >= 0 else p["q"]
    last = max(p["k"] - 1, p["j"] - 1, o_idx)
    start, end = tokens[first].idx, tokens[last].idx + len(tokens[last])
    text = lex.text_of(doc)
    quantity = text[tokens[p["q"]].idx: tokens[p["j"] - 1].idx + len(tokens[p["j"] - 1])]
    if lex.has(tokens[p["i"]], "INDEFINITE_ARTICLE", "DEFINITE_ARTICLE"):
        quantity = "one"
    subset = lex.span_at(sent, "tolls", end=tokens[p["q"]].i, labels=("SUBSET",)) is not None
    victim_tok = p["refers_to"]
    who, attacker = side_category(sent, tokens[last].i + 1)  # "four dead among the enemy"
    return CasualtyArg(text[start:end], start, end, outcome=outcome, quantity=quantity, victim=p["victim"],
                       who=who or p["who"], subset=subset, vague=vague(tokens, p),
                       bomber=lex.has(victim_tok, "BOMBER"), generic=lex.has(victim_tok, "GENERIC_PEOPLE"),
                       attacker=attacker or lex.has(victim_tok, "ATTACKER_NOUN"),
                       increment=_increment(sent, tokens[p["q"]], outcome, p["partitive"]))


def _increment(sent: Span, first: Token, outcome: str, partitive: Token | None) -> bool:
    """A figure that adds to those before it: "three more", "another soldier", "one of the wounded later died"."""
    if lex.value(partitive, "OUTCOME_AFTER") not in (None, outcome):
        return True
    return any(lex.span_at(sent, "tolls", labels=("INCREMENT",), **where) is not None
               for where in ({"start": first.i}, {"end": first.i}))


def _own_outcome(sent: Span, tokens: list[Token], p: dict) -> tuple[str | None, int]:
    """The outcome a figure carries in itself or by the parse, when nothing stands next to it: an outcome
    participle before the noun, a ``CORPSE`` noun, or the verb the parse links the victims to."""
    if p["inner"]:
        return p["inner"], -1
    noun = tokens[p["k"] - 1] if p["victim"] else parse_victim_noun(tokens[p["i"]])
    if p["victim"] and lex.has(noun, "CORPSE"):
        return "killed", -1  # "16 bodies had been recovered", "as many as 56 bodies"
    found = parse_outcome(noun) if noun is not None else None
    if found is None or not (tokens[0].i <= found[1].i < tokens[-1].i + 1):
        return None, -1
    return found[0], found[1].i - tokens[0].i


def _in_attribution(sent: Span, tokens: list[Token], p: dict) -> bool:
    """The count phrase is (part of) who speaks: ", a park official said", "two security sources said"."""
    first, last = tokens[p["q"]].i, tokens[max(p["k"], p["j"]) - 1].i
    return any(s.start <= first and last < s.end and len(s) <= SPEAKER_TOKENS and "\n" not in s.text
               for s in lex.spans_in(sent, "sources", "SPEAKER_BEFORE", "SPEAKER_AFTER"))


def _other_fate(tokens: list[Token], p: dict) -> bool:
    """"ten others are missing", "six were arrested": the figure has a predicate of its own that is no outcome."""
    k = max(p["k"], p["j"])
    while k < len(tokens) and lex.has(tokens[k], "AUX_SKIP") and not lex.has(tokens[k], "OTHER_FATE"):
        k += 1
    return k < len(tokens) and lex.has(tokens[k], "OTHER_FATE")


def _losers(tokens: list[Token], o_idx: int) -> str | None:
    """"JNIM had lost around ten men": the side of whoever lost them (an armed group: militants)."""
    verb = tokens[o_idx] if o_idx >= 0 else None
    if not lex.has(verb, "LOSS_VERB"):
        return None
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")] if lex.parsed(verb.doc) else [
        t for t in tokens[max(0, o_idx - 3):o_idx] if not lex.has(t, "AUX_SKIP")][-1:]
    if any(t.ent_type_ == "ARMED_GROUP" or lex.has(t, "ENEMY") for s in subjects for t in s.subtree):
        return "militants"
    return None


def _subset_gap(sent: Span, tokens: list[Token], joiners: list[Token], q: int) -> bool:
    """Between a figure and the next, only commas and a ``SUBSET`` phrase ending at the next one's count ("five
    civilians, among them four children, were killed"; "cinq civils, parmi lesquels quatre enfants"): the next
    figure is a part of the first, whose verb they share."""
    words = [t for t in joiners if t.text != ","]
    if not words or len(joiners) > 5:
        return False
    subset = lex.span_at(sent, "tolls", end=tokens[q].i, labels=("SUBSET",))
    return subset is not None and subset.start <= words[0].i


def find_casualties(sent: Span) -> list[CasualtyArg]:
    tokens = list(sent)
    phrases = [p for p in _phrases(sent, tokens) if not _in_attribution(sent, tokens, p) and not _other_fate(tokens, p)]
    # outcomes, right to left so that "12 soldiers and 3 civilians were killed" shares the verb
    results: list[CasualtyArg] = []
    next_outcome: tuple[str | None, int, int] = (None, -1, -1)
    chain: list[CasualtyArg] = []
    for p in reversed(phrases):
        outcome, o_idx = None, -1
        before = tokens[p["q"] - 1] if p["q"] > 0 else None
        if lex.span_at(sent, "tolls", end=tokens[p["q"]].i, labels=("TOLL_HEAD",)) is not None:
            outcome, o_idx = "killed", p["q"] - 1  # "we have lost 15 people, and one was wounded"
        elif before is not None and lex.has(before, "OUTCOME_BEFORE") and not lex.has(before, "OUTCOME_BEFORE_NOUN"):
            outcome, o_idx = lex.value(before, "OUTCOME_BEFORE"), p["q"] - 1
        if outcome is None and p["q"] > 1 and lex.has(before, "DEAD") and lex.has(tokens[p["q"] - 2],
                                                                                     "SHOOT_DEAD_VERB"):
            outcome, o_idx = "killed", p["q"] - 1  # "shooting dead three gendarmes"
        if outcome is None:
            outcome, o_idx = outcome_after(tokens, p["k"], phrase=p["victim"] is not None)
        apposition = False
        joiners = tokens[p["k"]:next_outcome[1]] if next_outcome[0] else []
        if outcome is None and next_outcome[0] and (0 <= next_outcome[1] - p["k"] <= 2 and all(
                lex.has(t, "LIST_JOINER") or t.text == "," for t in joiners) or _subset_gap(sent, tokens, joiners,
                                                                                         next_outcome[1])):
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
            outcome, o_idx = outcome_before(sent, tokens, p["q"])
        if outcome is None:
            outcome, o_idx = _own_outcome(sent, tokens, p)
        if outcome is None:
            next_outcome = (None, p["q"], -1)
            continue
        next_outcome = (outcome, p["q"], o_idx)
        if p["partitive"] is not None and vague(tokens, p):
            continue  # "several of the wounded died": nothing to add
        result = _arg(sent, tokens, p, outcome, o_idx)
        result.who = _losers(tokens, o_idx) or result.who
        head = lex.span_at(sent, "tolls", end=tokens[p["q"]].i, labels=("TOLL_HEAD",))
        # who killed them (not "raised to nine"); a verb after the figure ("17 people ... were killed") has the
        # victims as its subject, so no agent stands before it
        verb = head[0] if head is not None and head.id_ == "agent" else tokens[o_idx] if 0 <= o_idx < p["q"] and \
            lex.has(tokens[o_idx], "OUTCOME_BEFORE") and head is None else None
        if (result.who is None or result.generic) and state_agent(verb):
            result.who, result.generic = "militants", False  # "the army wiped out at least 22 people"
        results.append(result)
        chain = [] if apposition else chain
        chain.append(result)
    results.reverse()
    results = _share_forward(tokens, phrases, results, sent)
    _subset_lists(sent, results)
    for previous, current in zip(results, results[1:], strict=False):
        if current.victim is None and current.who is None and previous.who:
            current.who = previous.who  # "killing three soldiers and wounding five": five soldiers
    found = bombers(sent)
    results.extend(b for b in found if b.subset or not any(r.start <= b.start < r.end or b.start <= r.start < b.end
                                                           for r in results))
    results.extend(c for c in lone_victims(sent, results) if not any(
        r.start <= c.start < r.end or c.start <= r.start < c.end for r in results))
    return sorted(results, key=lambda r: r.start)


def _subset_lists(sent: Span, results: list[CasualtyArg]) -> None:
    """"Among the dead were 11 women, four children and two men": every item of a list that opens as a part of
    the toll is a part."""
    doc = sent.doc
    for previous, current in zip(results, results[1:], strict=False):
        gap = doc.char_span(previous.end, current.start, alignment_mode="expand") if previous.end < current.start \
            else None
        listed = gap is not None and all(lex.has(t, "LIST_JOINER") or t.text == "," for t in gap)
        if previous.subset and listed and current.outcome == previous.outcome:
            current.subset = True


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
