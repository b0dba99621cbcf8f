"""Actors and targets of a sentence: who attacked, and who or what was attacked.

In: a sentence ``Span`` (catalogue actors as ``ARMED_GROUP`` entities; the ``sahel_actor_cues`` spans: state
forces described ("the army", ``STATE_GENERIC``), national forces ("Malian soldiers", ``NATIONAL_FORCE``),
generic descriptions from the catalogue ("suspected jihadists", ``GENERIC``), ``AFFILIATION``, ``MEMBERSHIP``
and ``SELF_REPORT`` cues), the sentence's casualty figures, attributions and triggers. Out: ``ActorArg``
candidates with a role score (positive: the attacker) and ``TargetArg`` objects with a target category.

The role score (``role_score``) reads the words around a mention (their classes in
``models/patterns/<lang>/words/actors.jsonl``): "by X" (not "supported by X"), "l'attaque de X" (an ``AGENT_OF``
link after an attack noun), "on/against X", "X attacked",
"a FAMa convoy" (a target), the subject or object of an attack verb in the parse; a ``RESPONSE_VERB`` after it
("the army reacted", "troops pursued the assailants") makes it a responder, never the actor. A speaker reporting its
own action is the actor ("the army said it had killed 45 terrorists"); an acronym in brackets shares the role
of its full name; names before a generic description are who it is ("MSA/GATIA militiamen").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..normalise.actors import ActorCatalogue
from ..places.countries import demonym_code
from . import lex
from .mentions import ActorArg, Arg, CasualtyArg, TargetArg, Trigger

_KIND_CATEGORY = {"state_forces": "military", "foreign_forces": "military", "militia": "other",
                  "jihadist": "militants", "separatist": "militants"}


def _words(doc, start: int, end: int) -> list[Token]:
    return [doc[i] for i in range(max(0, start), min(len(doc), end))]


def role_score(sent: Span, start_tok: Token, end_tok: Token, trigger_chars: set[int],
               trigger_tokens: set[int]) -> float:
    """How likely an actor mention is the attacker (positive) or the target (negative)."""
    doc = sent.doc
    pos, end = start_tok.i, end_tok.i
    before = _words(doc, max(sent.start, pos - 5), pos)
    after = _words(doc, end + 1, min(sent.end, end + 5))
    if any(lex.has(t, "BLAME_WORD") for t in _words(doc, max(sent.start, pos - 6), pos)):
        return 4.0
    if any(lex.has(t, "RESPONSE_VERB") for t in _words(doc, end + 1, min(sent.end, end + 11))):
        return -3.0  # "the army said it reacted vigorously", "troops were sent in pursuit": a responder
    score = 0.0
    # "by JNIM", "carried out by fighters of the Katiba Macina"; not "supported by Russian forces"
    by = [k for k, t in enumerate(before) if lex.has(t, "AGENT_BY")]
    if by:
        k = by[-1]
        if all(lex.has(t, "AGENT_FILLER") for t in before[k + 1:]):
            score += -3 if k > 0 and lex.has(before[k - 1], "SUPPORT_VERB") else 3
    # "l'attaque des jihadistes", "une incursion d'hommes armés": an attack noun and an agent link (``AGENT_OF``)
    of_agent = [k for k, t in enumerate(before) if lex.has(t, "AGENT_OF")]
    if of_agent and of_agent[-1] > 0 and lex.has(before[of_agent[-1] - 1], "ATTACK_NOUN") and all(
            lex.has(t, "AGENT_FILLER") for t in before[of_agent[-1] + 1:]):
        score += 3
    near = before[-3:]
    of = [k for k, t in enumerate(near) if lex.has(t, "OF")]
    if any(lex.has(t, "TARGET_PREP") for t in near):
        score -= 4
    elif before and lex.has(before[-1], "NON_AGENT_PREP") or (of and of[0] > 0 and lex.has(near[of[0] - 1],
                                                                                            "TARGET_NOUN")):
        score -= 4
    following = [t for t in _words(doc, end + 1, min(sent.end, end + 8)) if not lex.has(t, "MEMBER_WORD")
                 and not t.is_punct and t.ent_type_ != "ARMED_GROUP" and not lex.has(t, "ROLE_SKIP")]
    if any(t.i in trigger_tokens or lex.has(t, "AGENT_VERB") for t in following[:3]):
        score += 2
    if after and lex.value(after[0], "TARGET_NOUN") in ("military", "police"):
        score -= 3  # "a VDP post", "a FAMa convoy": the group names the target
    if after and lex.has(after[0], "GROUP_MEMBER_AFTER"):
        score += 1.5
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


def _only_names_between(sent: Span, start: int, end: int) -> bool:
    """Between two mentions stand only punctuation, "and"/"or" and group names ("Katiba Macina (JNIM) militants",
    "MSA/GATIA militiamen")."""
    between = sent.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if between is None:
        return end - start <= 1
    return all(t.is_punct or t.is_space or lex.has(t, "NAME_JOINER") or t.ent_type_ == "ARMED_GROUP"
               for t in between)


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
    cues = lex.spans_in(sent, "actors")
    self_reports = [s for s in cues if s.label_ == "SELF_REPORT"]

    def reports_own_action(end_tok: int) -> bool:
        """"The Nigerien army said it had killed 45 terrorists": the speaker is the one who acted."""
        return any(end_tok <= s.start <= end_tok + 8 and not any(t.text in ".;" for t in doc[end_tok:s.start])
                   for s in self_reports)

    def cue(label: str, start: int) -> bool:
        return any(s.label_ == label and s.start == start for s in cues)

    def cue_before(label: str, end: int) -> bool:
        return any(s.label_ == label and s.end == end for s in cues)

    previous: tuple[Span, float] | None = None
    for ent in sent.ents:
        if ent.label_ != "ARMED_GROUP":
            continue
        own = reports_own_action(ent.end)
        if _inside(ent.start_char, ent.end_char, attributions) and not own:
            continue
        if cue("AFFILIATION", ent.end) or cue_before("AFFILIATED_TO", ent.start):
            continue  # "the al Qaeda-linked group", "le GSIM, lié à Al-Qaïda": an affiliation, not the actor
        if _inside(ent.start_char, ent.end_char, casualties):
            targets.append(TargetArg(ent.text, ent.start_char, ent.end_char, category=None))
            continue
        score = role_score(sent, ent[0], ent[-1], trigger_chars, trigger_tokens)
        if own:
            score = max(score, 3.0)
        if previous and ent.start >= 1 and doc[ent.start - 1].text == "(" and previous[0].end == ent.start - 1:
            score = previous[1]  # "the Malian armed forces (FAMa)": the acronym has its full name's role
        previous = (ent, score)
        entry = catalogue.get(ent.kb_id_) if ent.kb_id_ else catalogue.lookup(ent.text)
        claimed = claim is not None and ent.start_char < claim.start_char
        if claimed:
            score += 3
        if score < 0:
            category = (entry.category if entry and entry.category else
                        _KIND_CATEGORY.get(entry.kind if entry else "", None))
            targets.append(TargetArg(ent.text, ent.start_char, ent.end_char, category=category))
            continue
        actors.append(ActorArg(ent.text, ent.start_char, ent.end_char, name=entry.name if entry else ent.kb_id_,
                               score=score, claimed=claimed))
    for span in lex.spans_in(sent, "actors", "NATIONAL_FORCE", longest=True):
        code = demonym_code(span[0].text)
        name = catalogue.national_forces.get(code) if code else None
        own = reports_own_action(span.end)
        start, end = span.start_char, span.end_char
        if not name or _inside(start, end, casualties) or (_inside(start, end, attributions) and not own) or \
                _overlaps(start, end, actors):
            continue
        score = max(role_score(sent, span[0], span[-1], trigger_chars, trigger_tokens), 3.0 if own else -99)
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
        score = max(role_score(sent, span[0], span[-1], trigger_chars, trigger_tokens), 3.0 if own else -99)
        if score > 0.5:  # "troops" are often victims: only a clear agent counts
            actors.append(ActorArg(span.text, start, end, name=None, generic=True, score=score))
    for span in lex.spans_in(sent, "actors", "GENERIC", longest=True):
        start, end = span.start_char, span.end_char
        if _inside(start, end, casualties) or _inside(start, end, attributions) or _overlaps(start, end, actors):
            continue
        score = role_score(sent, span[0], span[-1], trigger_chars, trigger_tokens)
        if span.start > sent.start and lex.has(doc[span.start - 1], "DEFINITE_ARTICLE") and lex.has(
                span[-1], "DEFINITE_GENERIC") and span.end - span.start == 1:
            score -= 0.5
        if score < -1:
            continue
        actors.append(ActorArg(span.text, start, end, name=None, generic=True, score=score - 1,
                               claimed=claim is not None and start < claim.start_char))
    _link_descriptions(sent, actors, cues)
    for tok in sent:  # target nouns ("attacked a military base", "an attack on the gendarmerie")
        if lex.has(tok, "TARGET_NOUN") and tok.i > sent.start:
            window = _words(doc, max(sent.start, tok.i - 4), tok.i)
            if any(lex.has(t, "TARGET_CONTEXT") for t in window):
                targets.append(TargetArg(tok.text, tok.idx, tok.idx + len(tok),
                                         category=lex.value(tok, "TARGET_NOUN")))
    return sorted(actors, key=lambda a: a.start), targets


def _link_descriptions(sent: Span, actors: list[ActorArg], cues: list[Span]) -> None:
    """A generic description next to a named group is that group: "gunmen from the Islamic State in the Sahel"
    (a ``MEMBERSHIP`` cue between them), "MSA/GATIA militiamen", "ISGS fighters" (only names between)."""
    doc = sent.doc
    membership = [s for s in cues if s.label_ == "MEMBERSHIP"]
    for g in [a for a in actors if a.generic]:
        g_span = doc.char_span(g.start, g.end, alignment_mode="expand")
        for named in actors:
            if not named.name or g_span is None:
                continue
            n_span = doc.char_span(named.start, named.end, alignment_mode="expand")
            if n_span is None:
                continue
            if named.start >= g.end and any(m.start == g_span.end and m.end == n_span.start for m in membership):
                named.score = max(named.score, g.score + 1.5)
            if named.end <= g.start and g.start - named.end <= 30 and _only_names_between(sent, named.end, g.start):
                named.score = max(named.score, g.score + 1.5)
