"""Cues around an actor mention and what they say of its role, for ``frames.actors``.

In: a sentence ``Span`` and its ``sahel_actor_cues`` spans (``models/patterns/<lang>/actors.jsonl``). Out: whether a
mention is a responder (``RESPONSE``, ``RESPONSE_BEFORE``), a fact of the area (``CONTEXT``, ``CONTEXT_BEFORE``),
the head of an affiliation or membership phrase ("the al Qaeda-linked group", "a group affiliated to al-Qaeda"),
and the adjustments between the mentions of one sentence: a description beside a name is that name, a joint force
is its first partner's, alternatives leave the attacker open. The words are in the pattern files.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import lex
from .mentions import ActorArg


def ends_before(cues: list[Span], labels: tuple[str, ...], pos: int, doc) -> bool:
    """A cue of ``labels`` ends right before token ``pos``, or before a few ``AGENT_FILLER`` words that lead to it
    ("planted by the JNIM", "believed to be fighters of ISGS")."""
    for s in cues:
        if s.label_ in labels and s.end <= pos and pos - s.end <= 3 and all(
                lex.has(doc[i], "AGENT_FILLER") for i in range(s.end, pos)):
            return True
    return False


def starts_after(cues: list[Span], labels: tuple[str, ...], end: int, doc) -> Span | None:
    """A cue of ``labels`` that starts right after token ``end`` (the mention's last), skipping "'s", "also",
    "reportedly" ("Boko Haram was behind it", "JNIM's stronghold", "ISGS is active")."""
    for s in cues:
        if s.label_ in labels and end < s.start <= end + 3 and all(
                lex.has(doc[i], "ROLE_SKIP", "GROUP_MEMBER_AFTER") for i in range(end + 1, s.start)):
            return s
        if s.label_ in labels and s.start == end + 1:
            return s
    return None


def is_context(sent: Span, start: int, end: int, cues: list[Span]) -> bool:
    """A group named as a fact of the area or of the conflict, not as who carried out the attack: "where JNIM
    is active", "an ISWAP stronghold", "amid the JNIM insurgency" (``CONTEXT`` after the name, ``CONTEXT_BEFORE``
    right before it)."""
    doc = sent.doc
    return starts_after(cues, ("CONTEXT",), end, doc) is not None or any(
        s.label_ == "CONTEXT_BEFORE" and s.end == start for s in cues)


def is_responder(sent: Span, start: int, end: int, cues: list[Span], blockers: set[int]) -> bool:
    """A force that fought back, gave chase or was sent in after the attack: the attacked side, never the actor.

    ``RESPONSE`` cues ("repelled", "fought off", "were deployed") that start after the mention's last token
    ``end`` within ten tokens of its clause, with no other actor, victim or target between (``blockers``) and not
    after a passive auxiliary ("the attackers were repelled"); a ``RESPONSE`` cue right before "by X" ("repulsed
    by the army"); a ``RESPONSE_BEFORE`` verb right before it ("Mali dispatched troops")."""
    doc = sent.doc
    for s in cues:
        if s.label_ == "RESPONSE" and end < s.start <= end + 10 and s.start < sent.end:
            between = range(end + 1, s.start)
            if any(doc[i].text in ".;" or i in blockers for i in between):
                continue
            if lex.has(doc[s.start - 1], "PASSIVE_AUX") and s.start - 1 > end:
                continue
            return True
        if s.label_ == "RESPONSE" and s.end < start and start - s.end <= 3 and lex.has(doc[s.end], "AGENT_BY") \
                and all(lex.has(doc[i], "AGENT_FILLER", "AGENT_BY") for i in range(s.end, start)):
            return True
        if s.label_ == "RESPONSE_BEFORE" and s.end <= start and start - s.end <= 2 and all(
                lex.has(doc[i], "AGENT_FILLER", "ACTOR_MODIFIER") for i in range(s.end, start)):
            return True
    return False


def only_names_between(sent: Span, start: int, end: int) -> bool:
    """Between two mentions stand only punctuation, "and"/"or" and group names ("Katiba Macina (JNIM) militants",
    "MSA/GATIA militiamen")."""
    between = sent.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if between is None:
        return end - start <= 1
    return all(t.is_punct or t.is_space or lex.has(t, "NAME_JOINER", "JOINT_WORD") or t.ent_type_ == "ARMED_GROUP"
               for t in between)


def affiliate_head(sent: Span, ent: Span, cues: list[Span]) -> Token | None:
    """"the al Qaeda-linked group", "an Islamic State affiliate": the head of the phrase an ``AFFILIATION`` cue
    right after a group's name opens (``AFFILIATE_HEAD``), else None."""
    doc = sent.doc
    for s in cues:
        if s.label_ == "AFFILIATION" and s.start == ent.end:
            if lex.has(doc[s.end - 1], "AFFILIATE_HEAD"):
                return doc[s.end - 1]
            for i in range(s.end, min(sent.end, s.end + 3)):
                if lex.has(doc[i], "AFFILIATE_HEAD"):
                    return doc[i]
                if doc[i].is_punct:
                    break
    return None


def member_phrase_start(sent: Span, ent: Span, cues: list[Span]) -> Token | None:
    """"a group affiliated to al-Qaeda", "fighters of the Katiba Macina": the member or group word before a
    ``MEMBERSHIP`` cue that ends right before the name, so the phrase takes the role of its head."""
    doc = sent.doc
    for s in cues:
        if s.label_ == "MEMBERSHIP" and s.end == ent.start and s.start > sent.start:
            head = doc[s.start - 1]
            if lex.has(head, "AFFILIATE_HEAD", "MEMBER_WORD"):
                return head
    return None


def blockers(sent: Span, cues: list[Span]) -> set[int]:
    """The tokens of other mentions (armed groups, described forces, victims, targets): a response cue after
    one of them is not the response of a mention before it."""
    found = {t.i for t in sent if t.ent_type_ == "ARMED_GROUP" or lex.has(t, "VICTIM", "TARGET_NOUN")}
    found |= {i for s in cues if s.label_ in ("GENERIC", "STATE_GENERIC", "NATIONAL_FORCE")
              for i in range(s.start, s.end)}
    return found


def first_partner_leads(sent: Span, actors: list[ActorArg]) -> None:
    """A joint operation ("soldiers and VDP", "FAMa and Wagner") is the first-named force's: a partner named right
    after an acting force, with only "and", "/" or punctuation between, scores below it. Alternatives of which one
    is only described ("Katiba Macina militants or Fulani militiamen") leave the attacker unidentified: the named
    one scores below the description."""
    ordered = sorted(actors, key=lambda a: a.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = sent.doc.char_span(a.end, b.start, alignment_mode="expand") if b.start > a.end else None
        if not (a.score > 0 and b.score > 0 and b.start - a.end <= 12 and only_names_between(sent, a.end, b.start)
                and between is not None and any(lex.has(t, "NAME_JOINER", "JOINT_WORD") for t in between)):
            continue
        if not any(lex.has(t, "ALTERNATIVE") for t in between):
            b.score = min(b.score, a.score - 2)
    alternatives_leave_it_open(sent, ordered)


def alternatives_leave_it_open(sent: Span, ordered: list[ActorArg]) -> None:
    """"Katiba Macina militants or Dogon militiamen", "armed men, either bandits or ISWAP fighters": a named group
    offered as one of two alternatives with a mere description scores below the description."""
    doc = sent.doc

    def tokens(a: ActorArg) -> Span | None:
        return doc.char_span(a.start, a.end, alignment_mode="expand")

    for named in [a for a in ordered if a.name]:
        n = tokens(named)
        if n is None:
            continue
        end = n.end
        while end < sent.end and (lex.has(doc[end], "MEMBER_WORD") or doc[end].ent_type_ == "ARMED_GROUP"):
            end += 1  # "Katiba Macina militants"
        for g in [a for a in ordered if a.generic and not a.name]:
            span = tokens(g)
            if span is None:
                continue
            gap = range(end, span.start) if span.start >= end else range(span.end, n.start)
            if len(gap) <= 4 and any(lex.has(doc[i], "ALTERNATIVE") for i in gap) and all(
                    lex.has(doc[i], "ALTERNATIVE", "ACTOR_MODIFIER") or doc[i].text == "," or doc[i].is_title
                    for i in gap):
                named.score = min(named.score, g.score - 2)


def link_descriptions(sent: Span, actors: list[ActorArg], cues: list[Span]) -> None:
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
            if named.end <= g.start and g.start - named.end <= 30 and only_names_between(sent, named.end, g.start):
                named.score = max(named.score, g.score + 1.5)
