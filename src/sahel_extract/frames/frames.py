"""Sentence analysis: one spaCy sentence in, one ``Frame`` (triggers and their arguments) out.

In: a sentence ``Span`` of a Doc that went through the project's entity ruler (entities labelled
``PLACE``, ``ARMED_GROUP``, ``COUNTRY``, ``NORP``) and, when a model is loaded, the tagger, parser
and NER. Out: a ``Frame`` with attack triggers, actor and target candidates, places, time expressions,
casualty figures with their outcome and victims, attributions, and flags (aggregate toll, background
history, a cue for a new attack, a claim of responsibility).

Arguments are linked by the dependency parse where the model gives one (the subject of "attacked"
is the actor, the object of "on"/"against" is the target) and otherwise by clause and proximity
rules on the token sequence, so ``--model blank`` still works.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from ..normalise.actors import ActorCatalogue
from ..normalise.places import COUNTRIES
from ..textnorm import fold
from . import lexicon as lx
from .cues import find_attributions, find_times
from .mentions import ActorArg, Arg, CasualtyArg, Frame, PlaceArg, TargetArg, Trigger

_DEMONYMS = {fold(d): code for code, info in COUNTRIES.items() for d in info["demonyms"]}


def _counts_things(tok: Token) -> bool:
    """A number followed by a noun that is not a victim counts things, not people."""
    low = tok.lower_
    if not tok.is_alpha or low in lx.OUTCOME_AFTER or low in lx.AUXILIARIES or low in lx.VICTIMS or \
            low in lx.VICTIM_MODIFIERS or low in ("of", "others", "other", "more", "people", "dead", "killed"):
        return False
    return tok.pos_ in ("NOUN", "PROPN") if tok.pos_ else True


def _in_date(tokens: list[Token], i: int) -> bool:
    """"On September 28, six people...": a day of the month is not a count."""
    tok = tokens[i]
    if tok.ent_type_ in ("DATE", "TIME"):
        return True
    near = {t.lower_ for t in tokens[max(0, i - 1):i + 2] if t.i != tok.i}
    return bool(near & lx.CALENDAR) or re.fullmatch(r"\d{1,2}(st|nd|rd|th)", tok.lower_) is not None


def claims(text: str) -> bool:
    """A claim of responsibility that is not denied ("no group has claimed responsibility")."""
    for m in lx.CLAIM.finditer(text):
        if not lx.NEGATION.search(text[max(0, m.start() - 30):m.start()]):
            return True
    return False


def _is_number(tok: Token) -> bool:
    low = tok.lower_
    if low in ("a", "an", "one") or low in lx.NUMBER_WORDS:
        return low not in ("a", "an")
    if tok.like_num and not re.fullmatch(r"(19|20)\d\d", tok.text):
        return True
    return bool(re.fullmatch(r"\d{1,3}(,\d{3})*", tok.text))


@lru_cache(maxsize=1)
def _generic_regex(terms: tuple[str, ...]) -> re.Pattern:
    alternatives = sorted({re.escape(t) for t in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:(?:suspected|presumed|alleged|unidentified|unknown|heavily armed|"
                      r"armed|islamist|jihadist)\s+)*(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)


# --- triggers ---------------------------------------------------------------------------------------------

def find_triggers(sent: Span) -> list[Trigger]:
    triggers: list[Trigger] = []
    tokens = list(sent)
    skip_until = -1
    for i, tok in enumerate(tokens):
        if i < skip_until:
            continue
        low = tok.lower_
        for n in (3, 2):
            phrase = " ".join(t.lower_ for t in tokens[i:i + n])
            if phrase in lx.TRIGGER_PHRASES:
                end = tokens[i + n - 1]
                triggers.append(Trigger(sent.doc.text[tok.idx:end.idx + len(end)], tok.idx, end.idx + len(end),
                                        lx.TRIGGER_PHRASES[phrase], weak=phrase in lx.WEAK_TRIGGERS))
                skip_until = i + n
                break
        else:
            if low not in lx.TRIGGER_WORDS:
                continue
            prev = tokens[i - 1].lower_ if i else ""
            nxt = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
            if low in ("mine", "mines") and (prev in ("gold", "a", "the", "artisanal") and nxt not in
                                             ("exploded", "blast", "explosion") or nxt in ("site", "sites")):
                continue
            if low in ("shot",) and nxt == "dead":
                continue
            if re.fullmatch(r"(19|20)\d\d", prev) or prev in ("year's", "years'"):
                continue  # "a 2021 attack", "last year's attack": history
            if prev == "to" and i > 1 and tokens[i - 2].lower_ in lx.INTENT or prev in ("would", "could", "might"):
                continue  # "planned to attack the presidency": a plan, not an attack
            triggers.append(Trigger(tok.text, tok.idx, tok.idx + len(tok), lx.TRIGGER_WORDS[low],
                                    weak=low in lx.WEAK_TRIGGERS,
                                    definite=any(t.lower_ in lx.DEFINITE for t in tokens[max(0, i - 2):i])))
    return triggers


# --- casualties -------------------------------------------------------------------------------------------

def _victim_at(tokens: list[Token], j: int) -> tuple[int, str | None, str | None]:
    """From token j, skip modifiers to a victim noun: (index after the noun, noun text, category)."""
    k = j
    steps = 0
    while k < len(tokens) and steps < 5:
        low = tokens[k].lower_
        if low in lx.VICTIMS and not (low in lx.VICTIM_MODIFIERS and k + 1 < len(tokens)
                                      and tokens[k + 1].lower_ in lx.VICTIMS):
            category = lx.VICTIMS[low]
            before = {t.lower_ for t in tokens[j:k]}
            if low in ("officers", "officer", "personnel", "members", "elements") and before & {
                    "army", "military", "security", "defence", "defense", "fama"}:
                category = "military"
            if low in ("officers", "officer", "members", "elements") and before & {"police"}:
                category = "police"
            if low in ("members", "elements", "fighters") and before & {"jihadist", "terrorist", "islamist"}:
                category = "militants"
            if low in ("fighters", "fighter") and before & {"volunteer", "vdp", "militia", "self-defence"}:
                category = "military" if before & {"volunteer", "vdp"} else "other"
            if before & {"civilian"}:
                category = "civilians"
            return k + 1, tokens[k].text, category
        if low in lx.VICTIM_MODIFIERS or tokens[k].ent_type_ in ("NORP", "ARMED_GROUP") or tokens[k].text in "()" or (
                tokens[k].pos_ in ("ADJ", "PROPN") and low not in lx.OUTCOME_AFTER and (
                    tokens[k].pos_ == "ADJ" or tokens[k].is_title)):
            k += 1
            steps += 1
            continue
        break
    return j, None, None


def _outcome_after_phrase(tokens: list[Token], k: int) -> tuple[str | None, int]:
    """"five workers of a private company present at the site were also killed": skip a short phrase about
    the victims to the passive verb that tells what happened to them."""
    for m in range(k + 1, min(len(tokens), k + 15)):
        t = tokens[m]
        if t.text in (".", ";", ":") or _is_number(t) and t.lower_ not in ("one", "them") or (
                t.lower_ in lx.OUTCOME_BEFORE and t.lower_ not in lx.OUTCOME_AFTER):
            return None, k
        if t.lower_ in ("were", "was", "had", "have", "has"):
            outcome, idx = _outcome_after(tokens, m, phrase=False)
            if outcome:
                return outcome, idx  # else: "9 traders, most of whom were from ..., were killed": go on
    return None, k


def _outcome_after(tokens: list[Token], k: int, phrase: bool = True) -> tuple[str | None, int]:
    if phrase and k < len(tokens) and tokens[k].lower_ in lx.PP_HEADS:
        return _outcome_after_phrase(tokens, k)
    steps = 0
    while k < len(tokens) and steps < 7:
        low = tokens[k].lower_
        if low in lx.OUTCOME_AFTER:
            if low == "taken" and not (k + 1 < len(tokens) and tokens[k + 1].lower_ in ("hostage", "captive")):
                return None, k
            if low == "lost" and not (k + 1 < len(tokens) and tokens[k + 1].lower_ in ("their", "lives")):
                return None, k
            if low == "fell" and k + 1 < len(tokens) and tokens[k + 1].lower_ in ("into", "from", "on", "in", "to",
                                                                                  "under", "back", "silent"):
                return None, k
            if low == "suffered" and not any(t.lower_ in ("injuries", "wounds", "injury") for t in tokens[k + 1:k + 4]):
                return None, k
            return lx.OUTCOME_AFTER[low], k
        if tokens[k].ent_type_ == "ARMED_GROUP" or tokens[k].text in "()":
            k += 1  # "six Volunteers for the Defence of the Homeland (VDP), were killed"
            continue
        if low in lx.AUXILIARIES or tokens[k].is_punct and low not in (".", ";", ":"):
            k += 1
            steps += 1
            continue
        break
    return None, k


def _outcome_before(sent: Span, tokens: list[Token], i: int) -> tuple[str | None, int]:
    text_before = sent.doc.text[sent.start_char:tokens[i].idx]
    if lx.TOLL.search(text_before):
        return "killed", i - 1
    k = i - 1
    steps = 0
    while k >= 0 and steps < 4:
        low = tokens[k].lower_
        if low in lx.OUTCOME_BEFORE:
            return lx.OUTCOME_BEFORE[low], k
        if low in ("the", "of", "a", "an", "including", "some", "and", "also", "another", "dead", "at", "least"):
            k -= 1
            steps += 1
            continue
        break
    return None, i


def find_casualties(sent: Span) -> list[CasualtyArg]:
    tokens = list(sent)
    phrases: list[dict] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        after_verb = i > 0 and tokens[i - 1].lower_ in lx.OUTCOME_BEFORE
        singular = (tok.lower_ in ("a", "an", "one") or tok.lower_ == "the" and after_verb) and i + 1 < len(tokens)
        if not (_is_number(tok) or singular) or _in_date(tokens, i):
            i += 1
            continue
        # the number run ("twenty", "-", "five"; "two hundred and fifty"; "dozens of")
        j = i + 1
        while j < len(tokens) and (_is_number(tokens[j]) or tokens[j].text in ("-", "and") and j + 1 < len(tokens)
                                   and _is_number(tokens[j + 1]) or tokens[j].lower_ == "of"
                                   and tokens[j - 1].lower_ in ("dozens", "scores", "hundreds", "thousands",
                                                                "tens", "number", "dozen")):
            j += 1
        # qualifiers on the left ("at least", "more than", "between 20 and")
        q = i
        while q > 0 and tokens[q - 1].lower_ in lx.QUANTITY_WORDS and i - q < 4 and tokens[q - 1].lower_ not in (
                "a", "an", "in", "of") or (q > 0 and tokens[q - 1].lower_ in ("an",) and i - q < 3
                                           and tokens[q].lower_ == "estimated"):
            q -= 1
        while q < i and tokens[q].lower_ not in lx.QUALIFIER_START:
            q += 1
        k, victim, who = _victim_at(tokens, j)
        if singular and (victim is None or victim.lower() not in _SINGULAR_SET and tok.lower_ != "one" or
                         tokens[k - 1].lower_.endswith("s") and tokens[k - 1].lower_ not in ("gendarmes", "police",
                                                                                              "customs")):
            one_alone = tok.lower_ == "one" and victim is None and j < len(tokens) and tokens[j].lower_ in (
                "was", "had", "has", "died", "person", "other", "of", "killed", "dead", "wounded", "injured"
            )  # "One was killed", "one died", "killed one of them", "left one killed"
            if not one_alone:
                i += 1
                continue
        if victim is None and j < len(tokens) and _counts_things(tokens[j]):
            i = j  # "seized three transport trucks", "150 heads of livestock": not people
            continue
        phrases.append({"q": q, "i": i, "j": j, "k": k, "victim": victim, "who": who})
        i = max(k, j)
    # outcomes, right to left so that "12 soldiers and 3 civilians were killed" shares the verb
    results: list[CasualtyArg] = []
    next_outcome: tuple[str | None, int, int] = (None, -1, -1)
    chain: list[CasualtyArg] = []
    for p in reversed(phrases):
        outcome, o_idx = None, -1
        if p["q"] > 0 and tokens[p["q"] - 1].lower_ in lx.OUTCOME_BEFORE and tokens[p["q"] - 1].lower_ not in (
                "death", "deaths", "lives", "toll", "left", "leaving", "claimed"):
            outcome, o_idx = lx.OUTCOME_BEFORE[tokens[p["q"] - 1].lower_], p["q"] - 1
        if outcome is None and p["q"] > 1 and tokens[p["q"] - 1].lower_ == "dead" and tokens[p["q"] - 2].lower_ in (
                "shooting", "shot", "shoot", "leaving", "left"):
            outcome, o_idx = "killed", p["q"] - 1  # "shooting dead three gendarmes"
        if outcome is None:
            outcome, o_idx = _outcome_after(tokens, p["k"], phrase=p["victim"] is not None)
        apposition = False
        if outcome is None and next_outcome[0] and 0 <= next_outcome[1] - p["k"] <= 2 and all(
                t.lower_ in ("and", ",", "as", "well", "including", "plus") for t in tokens[p["k"]:next_outcome[1]]):
            outcome, o_idx = next_outcome[0], next_outcome[2]
            # "Seventeen people, eleven soldiers and six VDP, were killed": the list after the comma details
            # the first figure
            apposition = [t.text for t in tokens[p["k"]:next_outcome[1]]] == [","]
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
        first = min(p["q"], o_idx) if o_idx >= 0 else p["q"]
        last = max(p["k"] - 1, p["j"] - 1, o_idx)
        start, end = tokens[first].idx, tokens[last].idx + len(tokens[last])
        quantity = sent.doc.text[tokens[p["q"]].idx: tokens[p["j"] - 1].idx + len(tokens[p["j"] - 1])]
        if tokens[p["i"]].lower_ in ("a", "an", "the"):
            quantity = "one"
        before = " ".join(t.lower_ for t in tokens[max(0, p["q"] - 3):p["q"]])
        subset = bool(re.search(r"(including|among them|of whom|among the dead|among those|among the victims)$",
                                before))
        result = CasualtyArg(sent.doc.text[start:end], start, end, outcome=outcome, quantity=quantity,
                             victim=p["victim"], who=p["who"], subset=subset)
        results.append(result)
        chain = [] if apposition else chain
        chain.append(result)
    results.reverse()
    results = _share_forward(tokens, phrases, results, sent)
    for previous, current in zip(results, results[1:], strict=False):
        if current.victim is None and current.who is None and previous.who:
            current.who = previous.who  # "killing three soldiers and wounding five": five soldiers
    results.extend(_suicide_bombers(sent))
    results.extend(c for c in _single_victims(sent) if not any(r.start <= c.start < r.end for r in results))
    return results


_SINGULAR_VICTIMS = sorted({w for w in lx.VICTIMS if not w.endswith("s") and lx.VICTIMS[w] != "militants"
                            and w not in ("military", "army", "personnel", "police", "aid", "family", "youth",
                                          "customs", "forest", "wedding", "displaced", "faithful", "health",
                                          "humanitarian", "blue", "elected", "customary", "self-defence",
                                          "self-defense", "militia")}, key=len, reverse=True)
_SINGULAR_SET = frozenset(_SINGULAR_VICTIMS)
_SINGLE = re.compile(r"\b(?:the|a|an|one|another)\s+(?:[\w-]+\s+)?(" + "|".join(_SINGULAR_VICTIMS) +
                     r")\b(?:\s+(?:of|from|in)\s+[^,;.]{1,40}?)?\s+(?:was|had been|has been|were)\s+(?:also\s+)?"
                     r"(shot dead|killed|executed|murdered|beheaded|slain|wounded|injured|abducted|kidnapped)\b",
                     re.I)


def _single_victims(sent: Span) -> list[CasualtyArg]:
    """"The driver of one of the buses was shot dead": one victim with no number word."""
    out = []
    for m in _SINGLE.finditer(sent.text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        outcome = lx.OUTCOME_AFTER.get(m.group(2).lower().split()[-1], "killed")
        out.append(CasualtyArg(sent.doc.text[start:end], start, end, outcome=outcome, quantity="one",
                               victim=m.group(1), who=lx.VICTIMS.get(m.group(1).lower())))
    return out


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
        between = [t.lower_ for t in tokens[prev_p["k"]:p["q"]]]
        if between and all(w in ("and", ",", "as", "well", "plus", "including", "also") for w in between):
            end_tok = tokens[p["k"] - 1]
            text = sent.doc.text[start:end_tok.idx + len(end_tok)]
            quantity = "one" if tokens[p["i"]].lower_ in ("a", "an", "the") else sent.doc.text[
                start:tokens[p["j"] - 1].idx + len(tokens[p["j"] - 1])]
            arg = CasualtyArg(text, start, end_tok.idx + len(end_tok), outcome=prev_r.outcome, quantity=quantity,
                              victim=p["victim"], who=p["who"], subset="including" in between)
            out.append(arg)
            previous = (p, arg)
    return sorted(out, key=lambda r: r.start)


_BOMBER = re.compile(r"\b(a|an|one|two|three|four|five|\d+)\s+(?:[\w-]+\s+){0,5}?(?:suicide bombers?\b[^.;]{0,80}?"
                     r"\b(?:blew (?:himself|herself|themselves) up|detonated|set off|exploded)|[^.;]{0,60}?\bblew "
                     r"(?:himself|herself|themselves) up)", re.I)


def _suicide_bombers(sent: Span) -> list[CasualtyArg]:
    """"A female suicide bomber blew herself up": the bombers are attackers killed, one each."""
    out = []
    for m in _BOMBER.finditer(sent.text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        quantity = "one" if m.group(1).lower() in ("a", "an") else m.group(1)
        out.append(CasualtyArg(sent.doc.text[start:end], start, end, outcome="killed", quantity=quantity,
                               victim="bomber", who="militants"))
    return out


# --- actors and targets -----------------------------------------------------------------------------------

_NATIONAL_FORCES = re.compile(
    r"\b(" + "|".join(sorted({re.escape(d) for info in COUNTRIES.values() for d in info["demonyms"]}, key=len,
                             reverse=True))
    + r")\s+(soldiers|troops|army|military|armed forces|forces|defence forces|security forces)\b", re.I)


def _role_score(sent: Span, start_tok: Token, end_tok: Token, trigger_idx: set[int]) -> float:
    """How likely an actor mention is the attacker (positive) or the target (negative)."""
    tokens = list(sent)
    pos = start_tok.i - sent.start
    end = end_tok.i - sent.start
    before = [t.lower_ for t in tokens[max(0, pos - 5):pos]]
    after = [t.lower_ for t in tokens[end + 1:end + 5]]
    window = [t.lower_ for t in tokens[max(0, pos - 6):pos]]
    if any(w in ("blamed", "blame", "blaming", "attributed", "accused", "accusing") for w in window):
        return 4.0
    score = 0.0
    # "by JNIM", "carried out by fighters of the Katiba Macina"; not "supported by Russian forces"
    if "by" in before:
        k = len(before) - 1 - before[::-1].index("by")
        if all(w in lx.AGENT_FILLERS for w in before[k + 1:]):
            score += -3 if k > 0 and before[k - 1] in lx.SUPPORT_VERBS else 3
    near = before[-3:]
    if any(w in ("on", "against", "targeting", "targeted") for w in near):
        score -= 4
    elif before and before[-1] in lx.NON_AGENT_PREP or (
            "of" in near and near.index("of") > 0 and near[near.index("of") - 1] in lx.TARGET_NOUNS):
        score -= 4
    following = [t.lower_ for t in tokens[end + 1:end + 8] if t.lower_ not in lx.MEMBER_WORDS and not t.is_punct
                 and t.ent_type_ != "ARMED_GROUP" and t.lower_ not in ("reportedly", "allegedly", "and", "or",
                                                                        "also", "then", "had", "have", "has")]
    if any(t in lx.TRIGGER_WORDS or t in lx.AGENT_VERBS for t in following[:3]):
        score += 2
    if after and after[0] in lx.TARGET_NOUNS and lx.TARGET_NOUNS[after[0]] in ("military", "police"):
        score -= 3  # "a VDP post", "a FAMa convoy": the group names the target
    if after and after[0] in ("'s", "’s", "fighters", "militants", "jihadists", "elements", "members"):
        score += 1.5
    root = end_tok
    if root.dep_:
        head = root.head
        if root.dep_ in ("nsubj",) and (head.lower_ in lx.TRIGGER_WORDS or head.lower_ in (
                "claimed", "launched", "carried", "staged", "conducted")):
            score += 3
        elif root.dep_ in ("dobj", "nsubjpass") and head.lower_ in lx.TRIGGER_WORDS:
            score -= 4
        elif root.dep_ == "pobj" and head.lower_ in ("on", "against"):
            score -= 2
    if any(i > start_tok.idx for i in trigger_idx) and not any(i < start_tok.idx for i in trigger_idx):
        score += 0.5
    return score


def _only_names_between(sent: Span, start: int, end: int) -> bool:
    """Between two mentions stand only punctuation, "and"/"or" and group names ("Katiba Macina (JNIM) militants",
    "MSA/GATIA militiamen")."""
    between = sent.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if between is None:
        return end - start <= 1
    return all(t.is_punct or t.is_space or t.lower_ in ("and", "or", "and/or", "/") or t.ent_type_ == "ARMED_GROUP"
               for t in between)


def find_actors(sent: Span, catalogue: ActorCatalogue, casualties: list[CasualtyArg],
                attributions: list[Arg], triggers: list[Trigger]) -> tuple[list[ActorArg], list[TargetArg]]:
    actors: list[ActorArg] = []
    targets: list[TargetArg] = []
    trigger_idx = {t.start for t in triggers}
    claim = lx.CLAIM.search(sent.text) if claims(sent.text) else None

    def inside(start: int, end: int, spans) -> bool:
        return any(s.start <= start and end <= s.end for s in spans)

    def reports_own_action(end: int) -> bool:
        """"The Nigerien army said it had killed 45 terrorists": the speaker is the one who acted."""
        return bool(lx.SELF_REPORT.match(sent.doc.text[end:end + 90]))

    previous: tuple[Span, float] | None = None
    for ent in sent.ents:
        if ent.label_ != "ARMED_GROUP":
            continue
        if inside(ent.start_char, ent.end_char, attributions) and not reports_own_action(ent.end_char):
            continue
        after = sent.doc.text[ent.end_char:ent.end_char + 14].lower()
        if re.match(r"^[\s-]*(linked|affiliated|affiliate|allied|aligned|inspired)\b", after):
            continue  # "the al Qaeda-linked group": an affiliation, not the actor
        if inside(ent.start_char, ent.end_char, casualties):
            targets.append(TargetArg(ent.text, ent.start_char, ent.end_char, category=None))
            continue
        score = _role_score(sent, ent[0], ent[-1], trigger_idx)
        if reports_own_action(ent.end_char):
            score = max(score, 3.0)
        if previous and ent.start >= 1 and sent.doc[ent.start - 1].text == "(" and previous[0].end == ent.start - 1:
            score = previous[1]  # "the Malian armed forces (FAMa)": the acronym has its full name's role
        previous = (ent, score)
        entry = catalogue.get(ent.kb_id_) if ent.kb_id_ else catalogue.lookup(ent.text)
        claimed = bool(claim) and ent.start_char < sent.start_char + claim.start()
        if claimed:
            score += 3
        if score < 0:
            category = {"state_forces": "military", "foreign_forces": "military", "militia": "other",
                        "jihadist": "militants", "separatist": "militants"}.get(entry.kind if entry else "", None)
            if entry and entry.name == "MINUSMA":
                category = "peacekeepers"
            targets.append(TargetArg(ent.text, ent.start_char, ent.end_char, category=category))
            continue
        actors.append(ActorArg(ent.text, ent.start_char, ent.end_char, name=entry.name if entry else ent.kb_id_,
                               score=score, claimed=claimed))
    for m in _NATIONAL_FORCES.finditer(sent.text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        code = _DEMONYMS.get(fold(m.group(1)))
        name = catalogue.national_forces.get(code) if code else None
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        own = reports_own_action(end)
        if not name or span is None or inside(start, end, casualties) or (inside(start, end, attributions)
                                                                           and not own) or any(
                a.start <= start < a.end or start <= a.start < end for a in actors):
            continue
        score = max(_role_score(sent, span[0], span[-1], trigger_idx), 3.0 if own else -99)
        if score < 0:
            targets.append(TargetArg(m.group(0), start, end, category="military"))
        else:
            actors.append(ActorArg(m.group(0), start, end, name=name, score=score))
    for m in lx.STATE_GENERIC.finditer(sent.text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        own = reports_own_action(end)
        if span is None or inside(start, end, casualties) or (inside(start, end, attributions) and not own) or any(
                a.start <= start < a.end or start <= a.start < end for a in actors):
            continue
        score = max(_role_score(sent, span[0], span[-1], trigger_idx), 3.0 if own else -99)
        if score > 0.5:  # "troops" are often victims: only a clear agent counts
            actors.append(ActorArg(m.group(0), start, end, name=None, generic=True, score=score))
    pattern = _generic_regex(tuple(catalogue.generic))
    for m in pattern.finditer(sent.text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        if inside(start, end, casualties) or inside(start, end, attributions):
            continue
        if any(a.start <= start < a.end or start <= a.start < end for a in actors):
            continue
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        score = _role_score(sent, span[0], span[-1], trigger_idx)
        prev = sent.doc[span.start - 1].lower_ if span.start > 0 else ""
        if prev in ("the",) and m.group(0).lower() in ("attackers", "assailants", "militants"):
            score -= 0.5
        if score < -1:
            continue
        actors.append(ActorArg(m.group(0), start, end, name=None, generic=True, score=score - 1,
                               claimed=bool(claim) and m.start() < claim.start()))
    # "gunmen from the Islamic State in the Sahel": the named group is who the gunmen are
    for g in [a for a in actors if a.generic]:
        between = sent.doc.text[g.end:g.end + 40]
        for named in actors:
            if named.name and named.start >= g.end and re.match(
                    r"^\s*(from|of|belonging to|linked to|loyal to|affiliated (to|with)|claiming allegiance to)\s+"
                    r"(the\s+)?$", between[:named.start - g.end]):
                named.score = max(named.score, g.score + 1.5)
        # "MSA/GATIA militiamen", "ISGS fighters": the names before the description are who they are
        for named in actors:
            if named.name and named.end <= g.start and g.start - named.end <= 30 and _only_names_between(
                    sent, named.end, g.start):
                named.score = max(named.score, g.score + 1.5)
    # target nouns ("attacked a military base", "an attack on the gendarmerie")
    for tok in sent:
        low = tok.lower_
        if low in lx.TARGET_NOUNS and (tok.i - sent.start) > 0:
            window = [t.lower_ for t in sent.doc[max(sent.start, tok.i - 4):tok.i]]
            if any(w in ("on", "against", "attacked", "targeted", "stormed", "raided", "ambushed", "overran",
                         "struck", "hit", "attacking", "targeting", "besieged", "into", "a", "the") for w in window):
                targets.append(TargetArg(tok.text, tok.idx, tok.idx + len(tok), category=lx.TARGET_NOUNS[low]))
    return sorted(actors, key=lambda a: a.start), targets


# --- places -----------------------------------------------------------------------------------------------

_CONTEXT_PLACE = re.compile(
    r"\b(?:in|at|near|outside) ((?:[A-Z][\w'’\-]+)(?:[ \-](?:[A-Z][\w'’\-]+)){0,1}), (?:in|near) (?:the |"
    r"(?:[A-Z][\w'’\-]+)(?:'s|’s) )?(?:[A-Z])"
    r"|\b(?:village|town|locality|hamlet|commune|city|camp|localité|department|district|municipality|"
    r"rural commune|community|settlement|area|site|mine|market|forest|forêt|reserve|valley|well|dam)s? "
    r"(?:of|de|d')\s*((?:N[ '’])?(?:[A-Z][\w'’\-]+)"
    r"(?:[ \-](?:[A-Z][\w'’\-]+)){0,2})"
    r"|\b(?:in|at|near|outside) ((?:[A-Z][\w'’\-]+)(?:[ \-](?:[A-Z][\w'’\-]+)){0,2}),? (?:a|an|the) (?:village|"
    r"town|locality|hamlet|commune|rural commune|settlement)\b"
    # "the Gao-Gossi axis", "on the axis Djibo-Aribinda": the first town of the road
    r"|\b((?:[A-Z][a-zà-ÿ'’]+))-(?:[A-Z][a-zà-ÿ'’]+) (?:axis|road|highway|route)\b"
    r"|\baxis ((?:[A-Z][a-zà-ÿ'’]+))-(?:[A-Z][a-zà-ÿ'’]+)\b"
    # "in Kerboule", "near Holle Hamani": a capitalised name after a locative preposition
    r"|\b(?:in|at|near|outside|around) (?:the )?((?:N[ '’])?(?:[A-Z][a-zà-ÿ'’\-]+)(?:[ \-](?:[A-Z][a-zà-ÿ'’\-]+)){0,2})"
    r"(?= area| locality| village| district|[,.;:)]| \(| on | in | and | near | where | after | before | by | during "
    r"| while | when | following |$)"
    # "between Dagale and Tera", "between Bambara-Maounde (Gourma-Rharous) and the road": near the first place
    r"|\bbetween ((?:[A-Z][a-zà-ÿ'’\-]+)(?:[ \-](?:[A-Z][a-zà-ÿ'’\-]+)){0,2})(?: \([^)]{1,60}\))? and \b")
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'’\-]{2,40}(?:,[^\n]{0,40}?)?(?:\([^)\n]{1,40}\))?\s*[-–—]\s")


def _place_arg(sent: Span, span: Span, source: str) -> PlaceArg:
    doc = sent.doc
    prev = [t.lower_ for t in doc[max(sent.start, span.start - 4):span.start]]
    nxt = [t.lower_ for t in doc[span.end:min(sent.end, span.end + 3)]]
    locative = bool(prev) and (prev[-1] in lx.LOCATIVE or any(p in lx.LOCATIVE for p in prev[-3:]))
    near = any(p in lx.NEAR_WORDS for p in prev)
    # "in Borno's Damboa", "Nigeria's Borno State": the possessor is the region of the place that follows
    possessive = len(nxt) > 1 and nxt[0] in ("'s", "’s") and doc[span.end + 1].ent_type_ in ("PLACE", "GPE", "LOC")
    want_admin = possessive or span[-1].lower_ in lx.REGION_WORDS or bool(nxt) and nxt[0] in lx.REGION_WORDS or any(
        p in ("region", "province", "state", "department", "région", "cercle") for p in prev[-2:])
    reference = bool(nxt) and (nxt[0] in lx.ATTACK_NOUNS or nxt[0] in ("'s", "’s") and len(nxt) > 1
                               and nxt[1] in lx.ATTACK_NOUNS) and not (prev and prev[-1] in ("in", "at", "near"))
    wider = [t.lower_ for t in doc[max(sent.start, span.start - 7):span.start]]
    later = [t.lower_ for t in doc[span.end:min(sent.end, span.end + 6)]]
    quarter = any(w in ("neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "quarter", "quarters")
                  for w in later)  # "the Abaradjou and Bella Farandi neighbourhoods": parts of a town
    seat = len(prev) >= 2 and prev[-1] in ("in", "from") and (prev[-2] in lx.SEAT_NOUNS or prev[-2] in lx.REPORTING
                                                               ) or any(
        p in lx.MOVEMENT for p in wider) or quarter
    locality = not want_admin and (len(prev) >= 2 and prev[-1] in ("of", "de", "d'", "d’")
                                   and prev[-2] in lx.LOCALITY_WORDS or bool(nxt) and nxt[0] in lx.LOCALITY_WORDS
                                   or len(nxt) > 2 and nxt[0] == "," and nxt[1] in ("a", "an", "the")
                                   and nxt[2] in lx.LOCALITY_WORDS)
    return PlaceArg(span.text, span.start_char, span.end_char, locative=locative, near=near, want_admin=want_admin,
                    locality=locality, reference=reference, seat=seat, source=source)


def attached(sent: Span, start: int, end: int, trigger_tokens: set[int]) -> bool:
    """False when the parse puts a span inside a clause that describes something else than the attack: a
    relative clause on a noun that is not an attack word ("Ansarul Islam, a group founded in Soum in 2016").
    Without a parse everything is attached (proximity rules decide)."""
    doc = sent.doc
    if not doc.has_annotation("DEP") or not trigger_tokens:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    tok = span.root
    for _ in range(15):
        if tok.i in trigger_tokens:
            return True
        if tok.dep_ in ("relcl", "acl") and tok.lower_ in lx.DESCRIBING_VERBS and tok.head.i not in trigger_tokens:
            return False  # "a group founded in Soum in 2016", "which operates in Gao"; not "who were travelling"
        if tok.head is tok:
            return True
        tok = tok.head
    return True


def _token_distance(sent: Span, start: int, end: int, anchors: list[tuple[int, int]]) -> int:
    """Tokens between a character span and the nearest anchor (trigger or figure) of the sentence."""
    if not anchors:
        return 999
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    best = 999
    for a_start, a_end in anchors:
        other = doc.char_span(a_start, a_end, alignment_mode="expand")
        if span is None or other is None:
            continue
        gap = max(other.start - span.end, span.start - other.end, 0)
        best = min(best, gap)
    return best


def _origin_or_destination(sent: Span, ent: Span) -> bool:
    """A country named as where people came from ("gunmen coming from Nigeria") or were going ("on their way
    to Togo"), not "according to Niger authorities"."""
    doc = sent.doc
    before = [t.lower_ for t in doc[max(sent.start, ent.start - 4):ent.start]]
    if not before:
        return False
    if before[-1] == "from":
        return True
    return before[-1] in ("to", "towards", "toward") and any(w in lx.MOTION_WORDS for w in before[:-1])


def _names_people(sent: Span, ent: Span) -> bool:
    """A name that stands for people here, unless written right after in/at/near (some villages bear a
    people's name; "in Kautikari community" is a village): a people or faith ("the Tuareg village",
    "between Christians and Muslims"), or a place's community ("a councillor of the Foulse community")."""
    doc = sent.doc
    if ent.start > sent.start and doc[ent.start - 1].lower_ in ("in", "at", "near", "outside"):
        return False
    after = doc[ent.end].lower_ if ent.end < sent.end else ""
    return fold(ent.text) in lx.PEOPLES or after in ("community", "communities", "communauté", "family", "families",
                                                     "clan", "clans")


def _nationality(tok) -> bool:
    """A token of a nationality or people ("Nigerien", "Fulani"), not one the statistical NER merely tags NORP
    ("killed in Touronata")."""
    return tok.ent_type_ == "NORP" and (bool(tok.ent_kb_id_) or fold(tok.text) in _DEMONYMS
                                        or fold(tok.text) in lx.PEOPLES)


def names_a_border(sent: Span, ent: Span) -> bool:
    """True when a country or nationality names a border ("near the Burkina Faso border", "the Mali-Niger
    frontier", "the border with Nigeria"): the place is beside that country, most often not in it."""
    doc = sent.doc
    i = ent.end
    while i < sent.end and i < ent.end + 6:
        tok = doc[i]
        if tok.lower_ in lx.BORDER_WORDS:  # but "the Nigerien border town of Makalondi" is in Niger
            return not (i + 1 < sent.end and doc[i + 1].lower_ in lx.BORDER_PLACES)
        if not (tok.lower_ in ("-", "–", "/", "and", "'s", "’s") or tok.ent_type_ in ("COUNTRY", "NORP")):
            break
        i += 1
    before = [t.lower_ for t in doc[max(sent.start, ent.start - 3):ent.start]]
    return len(before) >= 2 and before[-1] in ("with", "of") and before[-2] in lx.BORDER_WORDS


def find_places(sent: Span, anchors: list[tuple[int, int]]
                ) -> tuple[list[PlaceArg], list[str], list[str]]:
    """Places, country names and demonyms ("Nigerien truck drivers": weaker evidence of where)."""
    places: list[PlaceArg] = []
    countries: list[str] = []
    demonyms: list[str] = []
    for ent in sent.ents:
        if ent.label_ in ("COUNTRY", "NORP") and names_a_border(sent, ent):
            continue  # "near the Burkina Faso border", "on the Nigerian border": the neighbour, not the place
        if ent.label_ == "COUNTRY" and _origin_or_destination(sent, ent):
            continue  # "gunmen coming from Nigeria", "their trip to Togo": where people came from or went
        if ent.label_ == "COUNTRY":
            if ent.kb_id_ and ent.kb_id_ not in countries:
                countries.append(ent.kb_id_)
            continue
        if ent.label_ == "NORP" and (ent.kb_id_ or fold(ent.text) in _DEMONYMS):
            code = ent.kb_id_ or _DEMONYMS[fold(ent.text)]
            if code not in demonyms:
                demonyms.append(code)
            continue
        if ent.label_ in ("PLACE", "GPE", "LOC", "FAC") and _names_people(sent, ent):
            continue
        if ent.label_ == "PLACE":
            places.append(_place_arg(sent, ent, "gazetteer"))
        elif ent.label_ in ("GPE", "LOC", "FAC") and fold(ent.text) not in lx.FOREIGN and ent.text[:1].isupper():
            arg = _place_arg(sent, ent, "ner")
            if arg.locative or arg.want_admin:
                places.append(arg)
    for m in _CONTEXT_PLACE.finditer(sent.text):
        group = next(g for g in range(1, 8) if m.group(g))
        start, end = sent.start_char + m.start(group), sent.start_char + m.end(group)
        overlapping = [p for p in places if p.start <= start < p.end or start <= p.start < end]
        # a longer name found by the pattern ("Holle Hamani") replaces a part of it found by NER ("Holle")
        if any(p.source != "ner" or (p.end - p.start) >= end - start for p in overlapping):
            continue
        places = [p for p in places if p not in overlapping]
        span = sent.doc.char_span(start, end, alignment_mode="contract")
        if span is None or fold(span.text) in lx.FOREIGN or fold(span.text) in lx.PEOPLES or fold(
                span[0].text) in lx.NOT_PLACES or fold(span[-1].text) in lx.NOT_PLACE_HEADS or any(
                t.ent_type_ in ("ARMED_GROUP", "COUNTRY", "DATE", "TIME", "MONEY", "PERCENT") or _nationality(t)
                for t in span) or (group == 6 and span[0].is_sent_start):
            continue
        arg = _place_arg(sent, span, "pattern")
        arg.locative = True
        arg.near = arg.near or group in (4, 5, 7)  # a road, or "between X and Y": near its first town
        places.append(arg)
    places.sort(key=lambda p: p.start)
    for p in places:
        p.distance = _token_distance(sent, p.start, p.end, anchors)
    return places, countries, demonyms


def _split_report_times(sent: Span, times: list[Arg], triggers: list) -> tuple[list[Arg], list[Arg]]:
    """Times of the attack, and times of the report ("said in a statement on Monday")."""
    event_times, report_times = [], []
    doc = sent.doc
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            event_times.append(t)
            continue
        before = [tok.lower_ for tok in doc[max(sent.start, span.start - 10):span.start]]
        reporting = [i for i, w in enumerate(before) if w in lx.REPORTING]
        trig_gap = _token_distance(sent, t.start, t.end, [(x.start, x.end) for x in triggers])
        if reporting and (len(before) - reporting[-1]) <= trig_gap:
            report_times.append(t)
        else:
            event_times.append(t)
    return event_times, report_times


def governing_speaker(sent: Span, casualty: CasualtyArg, cues: list[Arg]) -> str | None:
    """Who gives a figure: the subject of the reporting verb it depends on ("security sources ... said that at
    least 15 soldiers had been killed" -> "security sources"), from the dependency parse. When the parse finds
    the verb but not its subject, the attribution phrase written against that verb ("..., local sources and a
    security official said") stands in. None without a parse or a governing verb."""
    doc = sent.doc
    span = doc.char_span(casualty.start, casualty.end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return None
    for verb in span.root.ancestors:
        if verb.lower_ not in lx.REPORTING_VERBS or verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            beside = [c for c in cues if 0 <= verb.idx - c.end <= 2 or 0 <= c.start - (verb.idx + len(verb)) <= 2]
            return beside[0].text if beside else None
        drop = {t.i for child in subject.children if child.dep_ in lx.SPEAKER_DROP for t in child.subtree}
        kept = [t for t in subject.subtree if t.i not in drop]
        kept = [t for t in kept if kept[0].i <= t.i <= kept[-1].i]
        return doc[kept[0].i:kept[-1].i + 1].text if kept else None
    return None


# --- the frame --------------------------------------------------------------------------------------------

def analyse_sentence(sent: Span, index: int, catalogue: ActorCatalogue) -> Frame:
    """Everything one sentence says about attacks, with document offsets."""
    text = sent.text
    base = sent.start_char
    frame = Frame(index=index, start=base, end=sent.end_char, text=text)
    frame.triggers = find_triggers(sent)
    not_an_attack = bool(lx.PROTEST.search(text) or lx.DEFUSAL.search(text)) or bool(
        lx.ACCIDENT.search(text) and all(t.text.lower() in lx.OUTCOME_WORDS for t in frame.triggers))
    if not_an_attack:
        frame.triggers = []  # a protest, a riot, a defused bomb, "killed when a gold mine collapsed"
    times = [Arg(c.text, base + c.start, base + c.end) for c in find_times(text)]
    dateline = _DATELINE.match(sent.doc.text) if index <= 1 else None
    if dateline:
        times = [t for t in times if t.start >= dateline.end()]
    frame.times, frame.report_times = _split_report_times(sent, times, frame.triggers)
    attribution_cues = [Arg(c.text, base + c.start, base + c.end) for c in find_attributions(text)]
    frame.attributions = [a.text for a in attribution_cues]
    frame.casualties = [] if not_an_attack else find_casualties(sent)
    frame.actors, frame.targets = find_actors(sent, catalogue, frame.casualties, attribution_cues, frame.triggers)
    for trig in frame.triggers:  # "the Boulikessi attack" names an attack told before, not a new one
        before = sent.doc.char_span(trig.start, trig.end, alignment_mode="expand")
        if before is not None and before.start > 0 and sent.doc[before.start - 1].ent_type_ == "PLACE" and \
                trig.text.lower() in lx.ATTACK_NOUNS:
            trig.weak = True
    anchors = [(t.start, t.end) for t in frame.triggers] + [(c.start, c.end) for c in frame.casualties]
    frame.places, frame.countries, frame.demonyms = find_places(sent, anchors)
    for ent in sent.ents:  # "Mali's military", "the Burkinabe army": a national force says which country, like "Malian"
        entry = catalogue.get(ent.kb_id_) if ent.label_ == "ARMED_GROUP" and ent.kb_id_ else None
        if entry and len(entry.countries) == 1 and entry.countries[0] not in frame.demonyms:
            frame.demonyms.append(entry.countries[0])
    trigger_tokens = {tok.i for t in frame.triggers + frame.casualties
                      for tok in (sent.doc.char_span(t.start, t.end, alignment_mode="expand") or [])}
    for p in frame.places:
        p.detached = not attached(sent, p.start, p.end, trigger_tokens)
    frame.detached_times = {t.text for t in frame.times if not attached(sent, t.start, t.end, trigger_tokens)}
    # places inside actor names or time expressions are not places of the event
    taken = [*frame.actors, *frame.times]
    frame.places = [p for p in frame.places if not any(a.start <= p.start and p.end <= a.end for a in taken)]
    frame.claim = claims(text)
    frame.blame = bool(lx.BLAME.search(text)) and any(a.name and a.score >= 2 for a in frame.actors)
    frame.new_event = bool(lx.NEW_EVENT.search(text))
    frame.anaphoric_actor = bool(lx.ANAPHORIC_ACTOR.search(text))
    aggregate = list(lx.AGGREGATE.finditer(text))
    frame.aggregate = bool(aggregate)
    frame.background = bool(lx.BACKGROUND.search(text))
    revision = bool(lx.REVISION.search(text))
    superseded = bool(lx.SUPERSEDED.search(text))
    according = [a for a in attribution_cues if re.match(r"according to|.*\b(cited|quoted) by\b",
                                                          text[a.start - base - 13:a.end - base], re.I)]
    # a figure introduced as the old one ("a provisional toll of twelve") is the replaced one, and the others of
    # its sentence are the new ones; else a sentence telling an old figure ("had initially said") tells only that
    replaced = {id(c) for c in frame.casualties
                if lx.SUPERSEDED_BEFORE.search(text[max(0, c.start - base - 60):c.start - base])}
    for c in frame.casualties:
        c.sentence = index
        c.superseded = id(c) in replaced if replaced else superseded and not revision
        c.revision = (revision or bool(replaced)) and not c.superseded
        if (revision or replaced) and lx.INCREMENT.search(c.text):
            c.subset = True  # "the toll has risen to 11 after seven more victims died": a part of the new total
        speaker = governing_speaker(sent, c, attribution_cues)
        parsed = sent.doc.has_annotation("DEP")
        # with a parse, a speaker whose verb does not govern the figure speaks of something else ("..., while the
        # army reported withdrawals"); "according to" covers the whole sentence
        cues = according if parsed and not speaker else (according or attribution_cues)
        if speaker is not None:
            c.attribution = speaker
        elif cues:
            c.attribution = min(cues, key=lambda a: abs(a.start - c.start)).text
        if any(abs((base + m.start()) - c.end) < 90 or abs(c.start - (base + m.end())) < 90 for m in aggregate):
            c.aggregate = True
    return frame
