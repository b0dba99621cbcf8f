"""Actors and targets of a sentence: who attacked, and who or what was attacked.

In: a sentence ``Span`` (catalogue actors as ``ARMED_GROUP`` entities; the ``sahel_actor_cues`` spans: state
forces described ("the army", ``STATE_GENERIC``), national forces ("Malian soldiers", ``NATIONAL_FORCE``),
generic descriptions from the catalogue ("suspected jihadists", ``GENERIC``), and the cues of ``actor_cues``),
the sentence's casualty figures, attributions and triggers. Out: ``ActorArg`` candidates with a role score
(positive: the attacker) and ``TargetArg`` objects with a target category.

The role score (``role_score``) reads the words around a mention (their classes in
``models/patterns/<lang>/words/actors.jsonl``): "by X" (not "supported by X", "confirmed by X", "arrested by X"),
"on/against X", "X attacked" (not "X said", "X were killed", "X who died"), "a FAMa convoy" (a target), "planted
by X", "believed to be X", "X was behind it" (the actor, told outside the attack clause), the subject or object of
an attack verb in the parse. A force that fought back, gave chase or was sent in is a responder (a ``TargetArg``
marked ``responder``), never the actor; a group named as a fact of the area ("where JNIM is active") is kept
with a negative score, for the place's context only; "l'attaque de X" (an ``AGENT_OF`` link after an attack
noun) names the attacker. A speaker reporting its own action is the actor ("the army
said it had killed 45 terrorists"), and a group's own report is its claim; an acronym in brackets shares the
role of its full name; "the al Qaeda-linked group", "fighters of Katiba Macina" take the role of the phrase.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..normalise.actors import ActorCatalogue
from ..places.countries import country_code, demonym_code
from . import lex
from .actor_cues import (
    affiliate_head,
    blockers,
    ends_before,
    first_partner_leads,
    is_context,
    is_responder,
    link_descriptions,
    member_phrase_start,
    starts_after,
)
from .mentions import ActorArg, Arg, CasualtyArg, TargetArg, Trigger

_KIND_CATEGORY = {"state_forces": "military", "foreign_forces": "military", "militia": "other",
                  "jihadist": "militants", "separatist": "militants"}
_STATE_KINDS = ("state_forces", "foreign_forces")


def _words(doc, start: int, end: int) -> list[Token]:
    return [doc[i] for i in range(max(0, start), min(len(doc), end))]


def role_score(sent: Span, start_tok: Token, end_tok: Token, trigger_chars: set[int],
               trigger_tokens: set[int], cues: list[Span] | None = None,
               outcome_tokens: frozenset[int] = frozenset(), state: bool = False) -> float:
    """How likely an actor mention is the attacker (positive) or the target (negative); ``state``: the mention
    names a state or foreign force."""
    doc = sent.doc
    cues = cues if cues is not None else lex.spans_in(sent, "actors")
    pos, end = start_tok.i, end_tok.i
    before = _words(doc, max(sent.start, pos - 5), pos)
    after = _words(doc, end + 1, min(sent.end, end + 5))
    if any(lex.has(t, "BLAME_WORD") for t in _words(doc, max(sent.start, pos - 6), pos)) or ends_before(
            cues, ("ATTRIBUTED",), pos, doc):
        return 4.0  # "police blamed Boko Haram", "planted by JNIM", "believed to be ISGS", "(presumably JNIM)"
    score = 0.0
    if starts_after(cues, ("BEHIND",), end, doc) is not None:
        score += 3  # "police believe Boko Haram was behind it"
    # "by JNIM", "carried out by fighters of the Katiba Macina"; not "supported by Russian forces", "confirmed by"
    by = [k for k, t in enumerate(before) if lex.has(t, "AGENT_BY")]
    if by:
        k = by[-1]
        if all(lex.has(t, "AGENT_FILLER") for t in before[k + 1:]):
            context = k > 0 and any(c.label_ == "CONTEXT" and c.start <= before[k - 1].i < c.end for c in cues)
            score += -3 if k > 0 and lex.has(before[k - 1], "SUPPORT_VERB") else (
                0 if k > 0 and lex.has(before[k - 1], "REPORTING_VERB", "SOURCE_VERB", "NON_ATTACK_VERB") or context
                else 3)  # not "confirmed by", "posted by", "arrested by X"
    # "l'attaque des jihadistes", "une incursion d'hommes armés": an attack noun and an agent link (``AGENT_OF``)
    of_agent = [k for k, t in enumerate(before) if lex.has(t, "AGENT_OF")]
    if of_agent and of_agent[-1] > 0 and lex.has(before[of_agent[-1] - 1], "ATTACK_NOUN") and all(
            lex.has(t, "AGENT_FILLER") for t in before[of_agent[-1] + 1:]):
        score += 3
    near = before[-3:]
    of = [k for k, t in enumerate(near) if lex.has(t, "OF")]
    group_of = bool(before) and lex.has(before[-1], "OF") and len(before) > 1 and lex.has(
        before[-2], "GROUP_OF") and not lex.has(before[-2], "TARGET_NOUN")  # "a group of armed men"
    if any(lex.has(t, "TARGET_PREP") for t in near):
        score -= 4
    elif not group_of and (before and lex.has(before[-1], "NON_AGENT_PREP") or (
            of and of[0] > 0 and lex.has(near[of[0] - 1], "TARGET_NOUN"))):
        score -= 4
    following = [t for t in _words(doc, end + 1, min(sent.end, end + 8)) if not lex.has(t, "MEMBER_WORD")
                 and not t.is_punct and t.ent_type_ != "ARMED_GROUP" and not lex.has(t, "ROLE_SKIP")]
    acting = next((t for t in following[:3] if (t.i in trigger_tokens or lex.has(t, "AGENT_VERB")) and not lex.has(
        t, "INTRANSITIVE_OUTCOME")), None)
    passive = acting is not None and (any(lex.has(t, "PASSIVE_AUX") for t in following[:following.index(acting)])
                                      or acting.i in outcome_tokens and _bare_participle(sent, acting))
    if acting is not None and not passive and not lex.has(following[0], "REPORTING_VERB") and not (
            acting.i in outcome_tokens and doc[acting.i - 1].text == ","):
        score += 2  # "JNIM fighters attacked"; not "the soldiers counted 15 dead", "four VDP, killed on Monday",
        # "ten soldiers have been killed", "the soldiers who died"
    if after and lex.has(after[0], "TARGET_NOUN") and not lex.has(after[0], "MEMBER_WORD") and (
            lex.value(after[0], "TARGET_NOUN") in ("military", "police") or state):
        score -= 3  # "a VDP post", "a FAMa convoy", "a MINUSMA vehicle": the group names the target
    if after and lex.has(after[0], "GROUP_MEMBER_AFTER") and not (lex.has(after[0], "POSSESSIVE") and not (
            len(after) > 1 and lex.has(after[1], "MEMBER_WORD", "AFFILIATE_HEAD"))):
        score += 1.5  # "ISGS fighters", "JNIM's men"; not "the army's spokesman"
    if end_tok.dep_:
        head = end_tok.head
        dep = end_tok.dep_.split(":")[0]
        if dep == "nsubj" and (head.i in trigger_tokens or lex.has(head, "CLAIM_VERB")):
            score += 3
        elif dep in ("dobj", "obj", "nsubjpass") or end_tok.dep_ == "nsubj:pass":
            if head.i in trigger_tokens:
                score -= 4
        elif dep == "pobj" and lex.has(head, "TARGET_PREP"):
            score -= 2
    if any(i > start_tok.idx for i in trigger_chars) and not any(i < start_tok.idx for i in trigger_chars):
        score += 0.5
    return score


def _bare_participle(sent: Span, verb: Token) -> bool:
    """An outcome verb with no object, as headlines and captions write a passive: "Soldiers killed in ambush",
    "Five VDP killed, three wounded", "Traders abducted by gunmen" (``PASSIVE_AFTER``, a comma or the end)."""
    if verb.i + 1 >= sent.end:
        return True
    nxt = sent.doc[verb.i + 1]
    return nxt.is_punct or lex.has(nxt, "PASSIVE_AFTER")


def _inside(start: int, end: int, spans) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def _overlaps(start: int, end: int, actors: list[ActorArg]) -> bool:
    return any(a.start <= start < a.end or start <= a.start < end for a in actors)


def find_actors(sent: Span, catalogue: ActorCatalogue, casualties: list[CasualtyArg], attributions: list[Arg],
                triggers: list[Trigger], claim: Span | None) -> tuple[list[ActorArg], list[TargetArg]]:
    """Actor candidates and targets of a sentence; ``claim`` is its first undenied ``CLAIM`` cue, if any."""
    doc = sent.doc
    actors: list[ActorArg] = []
    targets: list[TargetArg] = []
    trigger_chars = {t.start for t in triggers}
    trigger_tokens = {tok.i for t in triggers for tok in (doc.char_span(t.start, t.end, alignment_mode="expand")
                                                          or [])}
    outcomes = frozenset(tok.i for t in triggers if t.outcome
                         for tok in (doc.char_span(t.start, t.end, alignment_mode="expand") or []))
    cues = lex.spans_in(sent, "actors")
    responses = {i for s in cues if s.label_ == "RESPONSE" for i in range(s.start, s.end)}
    # "the army said it repelled the attack": a report of a response, not of an attack
    self_reports = [s for s in cues if s.label_ == "SELF_REPORT" and s.end - 1 not in responses]
    others = blockers(sent, cues)
    joint = [s for s in lex.spans_in(sent, "actors", "NATIONAL_FORCE") if any(lex.has(t, "NAME_JOINER") for t in s)]

    def reports_own_action(end_tok: int) -> bool:
        """"The Nigerien army said it had killed 45 terrorists": the speaker is the one who acted."""
        return any(end_tok <= s.start <= end_tok + 8 and not any(t.text in ".;" for t in doc[end_tok:s.start])
                   for s in self_reports)

    def responder(first: Token, last: Token) -> bool:
        own = set(range(first.i, last.i + 1))
        i = last.i + 1
        while i < sent.end:  # "FAMa soldiers repelled", "Burkinabe soldiers and VDP repelled": one subject
            if lex.has(doc[i], "MEMBER_WORD", "GROUP_MEMBER_AFTER"):
                own.add(i)
                i += 1
            elif lex.has(doc[i], "NAME_JOINER", "JOINT_WORD") and i + 1 < sent.end and i + 1 in others:
                own.add(i)
                i += 1
                while i < sent.end and i in others:
                    own.add(i)
                    i += 1
            else:
                break
        return is_responder(sent, first.i, i - 1, cues, others - own)

    def score_of(first: Token, last: Token, state: bool = True) -> float:
        return role_score(sent, first, last, trigger_chars, trigger_tokens, cues, outcomes, state)

    def claimed_after(last: Token) -> bool:
        return starts_after(cues, ("CLAIM_AFTER",), last.i, doc) is not None

    def cue_before(label: str, end: int) -> bool:
        return any(s.label_ == label and s.end == end for s in cues)

    previous: tuple[Span, float] | None = None
    for ent in lex.ents_in(sent):
        if ent.label_ != "ARMED_GROUP" or any(s.start < ent.start and ent.end <= s.end for s in joint):
            continue  # "Malian and Wagner forces": the joint force is the first partner's
        entry = catalogue.get(ent.kb_id_) if ent.kb_id_ else catalogue.lookup(ent.text)
        first, last = ent[0], ent[-1]
        head = affiliate_head(sent, ent, cues)
        if head is not None:
            last = head  # "the al Qaeda-linked group said ...": the affiliate has the phrase's role
        elif any(s.label_ == "AFFILIATION" and s.start == ent.end for s in cues):
            continue  # "al Qaeda-linked": an affiliation, not the actor
        else:
            first = member_phrase_start(sent, ent, cues) or first
        own = reports_own_action(last.i + 1)
        if _inside(first.idx, last.idx + len(last), attributions) and not own:
            continue
        if cue_before("AFFILIATED_TO", ent.start):
            continue  # "le GSIM, lié à Al-Qaïda": an affiliation, not the actor
        if _inside(ent.start_char, ent.end_char, casualties):
            targets.append(TargetArg(ent.text, ent.start_char, ent.end_char, category=None))
            continue
        category = (entry.category if entry and entry.category else
                    _KIND_CATEGORY.get(entry.kind if entry else "", None))
        if responder(first, last):
            targets.append(TargetArg(ent.text, ent.start_char, ent.end_char, category=category, responder=True))
            continue
        score = score_of(first, last, entry is not None and entry.kind in _STATE_KINDS)
        if first.i > sent.start and doc[first.i - 1].like_num:
            score -= 2  # "four VDP auxiliaries", "ten FAMa soldiers": counted members, most often the victims
        if own:
            score = max(score, 3.0)
        if previous and ent.start >= 1 and doc[ent.start - 1].text == "(" and previous[0].end == ent.start - 1:
            score = previous[1]  # "the Malian armed forces (FAMa)": the acronym has its full name's role
        previous = (ent, score)
        group = entry is not None and entry.kind not in _STATE_KINDS
        claimed = (claim is not None and ent.start_char < claim.start_char and not any(
            e.label_ == "ARMED_GROUP" and e.kb_id_ != ent.kb_id_ and ent.end_char <= e.start_char < claim.start_char
            for e in lex.ents_in(sent))) or (claimed_after(last) or own) and group
        if claimed:
            score += 3
        text = doc[first.i:last.i + 1].text if head is not None else ent.text
        name = entry.name if entry else ent.kb_id_
        if 0 <= score < 2 and is_context(sent, first.i, last.i, cues):
            actors.append(ActorArg(text, first.idx, last.idx + len(last), name=name, score=min(score, -1.0)))
            continue  # "where JNIM is active": kept for the place's context, never the actor
        if score < 0:
            targets.append(TargetArg(ent.text, ent.start_char, ent.end_char, category=category))
            continue
        actors.append(ActorArg(text, first.idx if head is None else ent.start_char, last.idx + len(last),
                               name=name, score=score - (0.5 if head is not None else 0), claimed=claimed))
    for span in lex.spans_in(sent, "actors", "NATIONAL_FORCE", longest=True):
        code = demonym_code(span[0].text) or country_code(span[0].text)
        name = catalogue.national_forces.get(code) if code else None
        own = reports_own_action(span.end)
        start, end = span.start_char, span.end_char
        if not name or _inside(start, end, casualties) or (_inside(start, end, attributions) and not own) or \
                _overlaps(start, end, actors):
            continue
        if responder(span[0], span[-1]):
            targets.append(TargetArg(span.text, start, end, category="military", responder=True))
            continue
        score = max(score_of(span[0], span[-1]), 3.0 if own else -99)
        if score < 0:
            targets.append(TargetArg(span.text, start, end, category="military"))
        elif score > 0:  # "Malian soldiers were reported missing": no sign they attacked
            actors.append(ActorArg(span.text, start, end, name=name, score=score))
    for span in lex.spans_in(sent, "actors", "STATE_GENERIC", longest=True):
        start, end = span.start_char, span.end_char
        own = reports_own_action(span.end)
        if _inside(start, end, casualties) or (_inside(start, end, attributions) and not own) or \
                _overlaps(start, end, actors):
            continue
        if responder(span[0], span[-1]):
            targets.append(TargetArg(span.text, start, end, responder=True,
                                     category="police" if span.id_ in ("police", "gendarmerie") else "military"))
            continue
        score = max(score_of(span[0], span[-1]), 3.0 if own else -99)
        if score > 0.5:  # "troops" are often victims: only a clear agent counts
            actors.append(ActorArg(span.text, start, end, name=None, generic=True, score=score))
    for span in lex.spans_in(sent, "actors", "GENERIC", longest=True):
        start, end = span.start_char, span.end_char
        if _inside(start, end, casualties) or _inside(start, end, attributions) or _overlaps(start, end, actors) \
                or responder(span[0], span[-1]):
            continue
        score = score_of(span[0], span[-1], False)
        if span.start > sent.start and lex.has(doc[span.start - 1], "DEFINITE_ARTICLE") and lex.has(
                span[-1], "DEFINITE_GENERIC") and span.end - span.start == 1:
            score -= 0.5
        if score < -1:
            continue
        actors.append(ActorArg(span.text, start, end, name=None, generic=True, score=score - 1,
                               claimed=claim is not None and start < claim.start_char))
    link_descriptions(sent, actors, cues)
    first_partner_leads(sent, actors)
    for tok in sent:  # target nouns ("attacked a military base", "an attack on the gendarmerie")
        if lex.has(tok, "TARGET_NOUN") and tok.i > sent.start and not _overlaps(tok.idx, tok.idx + len(tok), actors) \
                and not _inside(tok.idx, tok.idx + len(tok), attributions):  # "its mayor said": a speaker
            window = _words(doc, max(sent.start, tok.i - 4), tok.i)
            after = _words(doc, tok.i + 1, min(sent.end, tok.i + 4))
            attacked = any(t.i in trigger_tokens for t in after) and any(lex.has(t, "PASSIVE_AUX") for t in after)
            if attacked or any(lex.has(t, "TARGET_CONTEXT") for t in window):  # "its forces had been attacked"
                targets.append(TargetArg(tok.text, tok.idx, tok.idx + len(tok),
                                         category=lex.value(tok, "TARGET_NOUN")))
    return sorted(actors, key=lambda a: a.start), targets


