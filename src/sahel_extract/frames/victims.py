"""Who a clause says was killed, hurt or taken: the parse's victims, lone victims, suicide bombers, sides.

In: tokens and sentence ``Span``s of a Doc that went through the pattern rulers (and the parser, when a model is
loaded). Out: the noun a count counts and the outcome verb the parse links it to (``parse_victim_noun``,
``parse_outcome``), the side a figure counts (``side_category``), and ``CasualtyArg`` objects for victims that
have no number (``lone_victims``, ``bombers``). ``frames.casualties`` reads the count phrases and calls these.

The parse is read the way the clause is built: a number modifies the noun it counts (``nummod``); the victims
of an outcome are the subject of a passive ("the Romanian ... was kidnapped") or intransitive verb ("the truck
driver died") and the object of an active one ("killed a health worker"); a conjunct shares its head's role. A
lone victim is a singular noun with a determiner (``SINGLE_DET``), no number of its own, that names a person: a
``VICTIM`` or ``SINGULAR_VICTIM`` noun, a demonym, or a nationality the model tags ``NORP``. Without a parse the
``SINGLE_VICTIM`` patterns of the tolls family stand in (an article, a modifier, a victim noun, the verb).

A suicide bomber named once in an attack ("the suicide bomber drove into the camp", ``BOMBER_MENTION``) is one
attacker dead, an ``implied`` count that yields to any stated one, unless the sentence says the bomber was
caught (``BOMBER_SURVIVES``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..normalise.actors import default_catalogue
from . import lex
from .mentions import CasualtyArg

_SUBJECT = ("nsubj", "nsubjpass", "csubj")
_OBJECT = ("dobj", "obj")
_COUNT_DEPS = ("nummod", "compound", "quantmod", "amod", "nmod", "npadvmod")


def parsed(tok: Token | Span) -> bool:
    """Whether the Doc has a dependency parse (a statistical model was loaded)."""
    return lex.parsed(tok.doc)


def parse_victim_noun(num: Token) -> Token | None:
    """The noun a number counts, by the parse ("Thirty-five commuters": "commuters"), or None."""
    if not parsed(num):
        return None
    tok = num
    for _ in range(3):
        if tok.dep_ not in _COUNT_DEPS or tok.head.i <= tok.i or tok.head.i - num.i > 6:
            return None
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok
    return None


def _role(noun: Token) -> tuple[str, Token]:
    """The noun's dependency role and the word it depends on, through conjuncts ("six civilians and four
    auxiliaries": the second has the first's role)."""
    tok = noun
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_.split(":")[0], tok.head


def _verb_outcome(verb: Token, role: str) -> str | None:
    """What an outcome verb did to its subject (of a passive or intransitive verb: "was kidnapped", "died") or to
    its object (of an active one: "killed a teacher"); None for the subject of an active verb (the attacker)."""
    if role in _OBJECT:
        return None if lex.has(verb, "OUTCOME_BEFORE_NOUN") else lex.value(verb, "OUTCOME_BEFORE")
    if role not in _SUBJECT:
        return None
    passive = role == "nsubjpass" or any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children)
    if not passive and any(c.dep_ in _OBJECT for c in verb.children):
        return None  # "the army burned motorbikes": the subject acted
    transitive = lex.has(verb, "OUTCOME_BEFORE")
    phrase = lex.span_at(verb.doc, "tolls", start=verb.i, labels=("OUTCOME_PHRASE",))
    if phrase is not None and (passive or not transitive):
        return phrase.id_  # "lost their lives", "was shot in the leg"
    if not (passive or not transitive) or lex.has(verb, "OUTCOME_NEEDS_PHRASE"):
        return None
    after = lex.value(verb, "OUTCOME_AFTER")
    if after is None and passive and any(lex.has(c, "DEAD") for c in verb.children):
        return "killed"  # "was shot dead"
    return after


def parse_outcome(noun: Token) -> tuple[str, Token] | None:
    """The outcome the parse gives a victim noun, with its verb: the subject of "were killed" / "died", the object
    of "killed", a noun modified by a participle ("civilians, killed on Monday"). None without a parse or verb."""
    if not parsed(noun):
        return None
    role, head = _role(noun)
    if head.pos_ in ("VERB", "AUX", "ADJ") and head.i != noun.i:
        found = _verb_outcome(head, role)
        if found:
            return found, head
        for conj in (c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and role in _SUBJECT):
            if not any(c.dep_ in _SUBJECT + _OBJECT for c in conj.children):  # "were shot and killed"
                found = _verb_outcome(conj, role)
                if found:
                    return found, conj
    for child in noun.children:  # "six civilians ..., killed on Monday"
        if child.dep_ == "acl" and lex.has(child, "OUTCOME_AFTER") and not lex.has(child, "OUTCOME_NEEDS_PHRASE"):
            return lex.value(child, "OUTCOME_AFTER"), child
    return None


_STATE_KINDS = ("state_forces", "foreign_forces")


def _state_force(tokens: list[Token]) -> bool:
    """The tokens name a state force: an actor description ("troops", "Malian soldiers") or a catalogue force."""
    doc = tokens[0].doc
    at = {t.i for t in tokens}
    if any(at & set(range(s.start, s.end)) for s in lex.spans_in(doc, "actors", "STATE_GENERIC", "NATIONAL_FORCE")):
        return True
    catalogue = default_catalogue()
    return any(t.ent_type_ == "ARMED_GROUP" and (entry := catalogue.get(t.ent_kb_id_ or t.ent_id_ or t.text))
               is not None and entry.kind in _STATE_KINDS for t in tokens)


def state_agent(verb: Token | None) -> bool:
    """The subject of an active outcome verb is a state force ("the Niger Armed Forces wiped out at least 22
    people", "troops killed 14"): by the parse, else the words right before the verb."""
    if verb is None:
        return False
    if parsed(verb):
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children) and verb.head.i != verb.i:
            verb = verb.head  # "troops repelled the attack and killed 14"
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return any(_state_force(list(s.subtree)) for s in subjects)
    before = [t for t in verb.doc[max(verb.sent.start, verb.i - 6):verb.i] if not lex.has(t, "AUX_SKIP")]
    return bool(before) and _state_force(before[-3:])


def side_category(sent: Span, at: int) -> tuple[str | None, bool]:
    """The victims' side a ``SIDE`` span starting at token ``at`` names, and whether it is the attack's own side:
    "among the enemy" (militants), "among the assailants" (militants, the attackers), "on the FAMa side" (the
    army's category)."""
    span = lex.span_at(sent, "tolls", start=at, labels=("SIDE",))
    if span is None:
        return None, False
    attacker = any(lex.has(t, "ATTACKER_NOUN") for t in span)
    for tok in span:
        if lex.has(tok, "ENEMY"):
            return lex.value(tok, "ENEMY"), attacker
        category = lex.value(tok, "MODIFIER_CATEGORY") or lex.value(tok, "VICTIM")
        if category:
            return category, attacker
    return None, False


def _plural(tok: Token) -> bool:
    return tok.tag_ == "NNS" if tok.tag_ else tok.lower_.endswith(("s", "men", "children"))


def antecedent(before: list[Token]) -> Token | None:
    """The nearest plural victim noun before a count, which "N of them" refers to ("ambushed three policemen
    ... and killed one of them")."""
    return next((t for t in reversed(before) if lex.has(t, "VICTIM") and _plural(t)), None)


def _person(noun: Token) -> bool:
    """A singular noun that names a person: a ``SINGULAR_VICTIM`` noun (not "the army"), a demonym ("a
    Romanian"), a bomber."""
    return lex.has(noun, "SINGULAR_VICTIM", "BOMBER", "NORP") or noun.ent_type_ == "NORP" and noun.pos_ in (
        "NOUN", "PROPN")


def _lone_noun(noun: Token) -> bool:
    if noun.tag_ not in ("NN", "NNP") or not _person(noun) or lex.has(noun, "SINGULAR_PLURAL", "NOT_VICTIM"):
        return False
    children = list(noun.children)
    if any(c.dep_ == "nummod" or c.like_num for c in children):
        return False
    return any(c.dep_ in ("det", "poss") and (lex.has(c, "SINGLE_DET") or c.dep_ == "poss") for c in children)


def _parse_lone_victims(sent: Span, taken: set[int]) -> list[CasualtyArg]:
    """Lone victims the parse gives: "the truck driver died", "an American ... was abducted", "killed a health
    worker", "the bomber, a man who ..., died as well"."""
    out = []
    doc = sent.doc
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX", "ADJ") or not lex.has(verb, "OUTCOME_AFTER", "OUTCOME_BEFORE"):
            continue
        for child in verb.children:
            role = child.dep_.split(":")[0]
            if role not in _SUBJECT + _OBJECT:
                continue
            outcome = _verb_outcome(verb, role)
            if outcome is None:
                continue
            for noun in [child, *(c for c in child.conjuncts if c.i > child.i)]:
                if noun.i in taken or not _lone_noun(noun):
                    continue
                left = min(t.i for t in noun.subtree if t.dep_ in ("det", "poss", "compound", "amod") or t.i == noun.i)
                a, b = (left, verb.i + 1) if verb.i > noun.i else (verb.i, noun.i + 1)
                if b - a > 14:
                    a, b = (left, noun.i + 1) if verb.i > noun.i else (verb.i, noun.i + 1)
                span = doc[a:b]
                out.append(CasualtyArg(span.text, span.start_char, span.end_char, outcome=outcome, quantity="one",
                                       victim=noun.text, who=lex.value(noun, "VICTIM") or (
                                           "civilians" if noun.ent_type_ == "NORP" or lex.has(noun, "NORP") else None),
                                       bomber=lex.has(noun, "BOMBER"), increment=any(
                                           lex.span_at(sent, "tolls", start=c.i, labels=("INCREMENT",)) is not None
                                           for c in noun.children if c.dep_ == "det")))
                taken.add(noun.i)
    return out


def lone_victims(sent: Span, figures: list[CasualtyArg]) -> list[CasualtyArg]:
    """One victim with no number word: the ``SINGLE_VICTIM`` patterns ("the driver of one of the buses was shot
    dead"), then, with a parse, the singular victims of outcome verbs that no figure covers yet."""
    out = []
    for span in lex.spans_in(sent, "tolls", "SINGLE_VICTIM", longest=True):
        at = int(span.id_) if span.id_.isdigit() and int(span.id_) < len(span) else None  # the victim's position
        victim = span[at] if at is not None else next((t for t in span if lex.has(t, "SINGULAR_VICTIM")), None)
        phrases = [s for s in lex.spans_in(span, "tolls", "OUTCOME_PHRASE")]
        outcomes = [lex.value(t, "OUTCOME_AFTER") for t in span if lex.has(t, "OUTCOME_AFTER")]
        outcome = phrases[-1].id_ if phrases else outcomes[-1] if outcomes else "killed"
        out.append(CasualtyArg(span.text, span.start_char, span.end_char, outcome=outcome, quantity="one",
                               victim=victim.text if victim else None,
                               who=lex.value(victim, "VICTIM") if victim else None,
                               increment=lex.span_at(span, "tolls", start=span.start, labels=("INCREMENT",))
                               is not None))
    if parsed(sent):
        taken = {t.i for c in [*figures, *out] for t in sent.doc.char_span(c.start, c.end, alignment_mode="expand")
                 or ()}
        out.extend(_parse_lone_victims(sent, taken))
    return out


def bombers(sent: Span) -> list[CasualtyArg]:
    """"A female suicide bomber blew himself up" (``BOMBER``): the bombers are attackers killed, one each; "four
    people, the bomber among them" (``BOMBER_AMONG``): a part of the toll before it; "the suicide bomber drove
    into the camp" (``BOMBER_MENTION``): one attacker dead, implied."""
    out = []
    for span in lex.spans_in(sent, "tolls", "BOMBER", longest=True):
        first = span[0]
        quantity = "one" if lex.has(first, "INDEFINITE_ARTICLE") else first.text
        out.append(CasualtyArg(span.text, span.start_char, span.end_char, outcome="killed", quantity=quantity,
                               victim="bomber", who="militants", bomber=True))
    for span in lex.spans_in(sent, "tolls", "BOMBER_AMONG", longest=True):  # "four people, the bomber among them"
        first = span[0]
        quantity = "one" if lex.has(first, "INDEFINITE_ARTICLE", "DEFINITE_ARTICLE") else first.text
        out.append(CasualtyArg(span.text, span.start_char, span.end_char, outcome="killed", quantity=quantity,
                               victim="bomber", who="militants", bomber=True, subset=True))
    if out or any(lex.has(t, "BOMBER_SURVIVES") for t in sent):
        return out
    for span in lex.spans_in(sent, "tolls", "BOMBER_MENTION", longest=True)[:1]:
        out.append(CasualtyArg(span.text, span.start_char, span.end_char, outcome="killed", quantity="one",
                               victim="bomber", who="militants", bomber=True, implied=True))
    return out
