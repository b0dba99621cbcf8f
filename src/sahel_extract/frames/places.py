"""Places of a sentence, and the role each plays in it.

In: a sentence ``Span`` (gazetteer places as ``PLACE`` entities with the linker's candidates, countries as
``COUNTRY``/``NORP``, the NER's ``GPE``/``LOC``/``FAC``, the ``sahel_place_cues`` spans) and the anchors of the
sentence's attack (triggers and figures). Out: ``PlaceArg`` objects with their role (``locative``: "in X";
``near``: "near X", "30 km from X"; ``want_admin``: "the X region"; ``locality``: "the village of X";
``reference``: "the X attack", an attack told before; ``seat``: "the junta in X", "fled to X", "evacuated to
X", "the capital X", a dateline opening a line; ``detached``: the parse ties it to another verb, or a title's
seat, "the mayor of X", in a sentence that names another place), the countries named and the nationalities; and
the pairs of places the text puts one near the other (``NEAR_JOIN`` patterns: "the Zambla area near Tessalit";
an apposition: "Kokoloko, a village in the Tillabéri region"). A road's or journey's ends, "between X and Y"
and "north of X" are only near. The tests on the words around a name are in ``place_clues``.

Names the gazetteer lacks become places through the ``CONTEXT_PLACE`` patterns ("the village of X", "in X, a
village", "between X and Y", "the X police station", "X's army post", "X (Y province)", "X, a village in ...",
"on X island", French "à X", "la localité de X"); their id says which capitalised words are the name (``run``:
the first run of capitalised words, ``first``: the first word) and whether the place is only near (``near``) or
must not start the sentence (``not_initial``). A country named as a border ("near the Burkina Faso border"), an
origin ("gunmen from Nigeria") or a destination ("on their way to Togo") is not where the attack was; peoples
and a place's community ("the Foulse community"), a headline's capitalised attack word ("in Raid on Base"), the
country weapons were made in ("drones built in Turkey") and a boat named after a town are not places. Word
classes: ``models/patterns/<lang>/words/places.jsonl``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..places.countries import demonym_code
from . import lex
from .mentions import PlaceArg
from .place_clues import (
    DASHES,
    dateline,
    describes,
    listed_units,
    names_a_border,
    names_people,
    nationality,
    not_the_place,
    origin_or_destination,
    route_end,
    titled,
)

_NER_PLACES = ("GPE", "LOC", "FAC")


def _tok(sent: Span, i: int) -> Token | None:
    return sent.doc[i] if sent.start <= i < sent.end else None


def place_arg(sent: Span, span: Span, source: str) -> PlaceArg:
    """A place mention with its role, read from the words around it."""
    doc = sent.doc
    prev = [doc[i] for i in range(max(sent.start, span.start - 4), span.start)]
    nxt = [doc[i] for i in range(span.end, min(sent.end, span.end + 3))]
    locative = bool(prev) and any(lex.has(p, "LOCATIVE") for p in prev[-3:])
    near = any(lex.has(p, "NEAR_WORD") for p in prev)
    # "in Borno's Damboa", "Nigeria's Borno State": the possessor is the region of the place that follows
    possessive = len(nxt) > 1 and lex.has(nxt[0], "POSSESSIVE") and doc[span.end + 1].ent_type_ in (
        "PLACE", "GPE", "LOC")
    want_admin = possessive or lex.has(span[-1], "REGION_WORD") or bool(nxt) and lex.has(nxt[0], "REGION_WORD") or \
        any(lex.has(p, "REGION_BEFORE") for p in prev[-2:]) or listed_units(sent, span)
    reference = bool(nxt) and (lex.has(nxt[0], "ATTACK_NOUN") or lex.has(nxt[0], "POSSESSIVE") and len(nxt) > 1
                               and lex.has(nxt[1], "ATTACK_NOUN")) and not (prev and lex.has(prev[-1], "IN_AT_NEAR"))
    wider = [doc[i] for i in range(max(sent.start, span.start - 7), span.start)]
    later = [doc[i] for i in range(span.end, min(sent.end, span.end + 6))]
    # "the Abaradjou and Bella Farandi neighbourhoods" of a town; not "Fambita, a neighbourhood of Kokorou"
    head = later[:next((k for k, w in enumerate(later) if w.is_punct and w.text not in DASHES), len(later))]
    quarter = any(lex.has(w, "QUARTER_WORD") for w in head)
    # "evacuated to Mopti", "fled towards Niger", "taken to hospital in Dori", "fighters who came from Tera"; not
    # "the attack had taken place in", nor "gunmen coming from X attacked the village of Y" for Y
    triggers = [g for g in lex.spans_in(sent, "triggers") if g.end <= span.start]
    moved = next((k for k, w in enumerate(wider) if lex.has(w, "MOVEMENT")
                  and not any(g.start > w.i for g in triggers)), None)
    # "a bus travelling from Gao to Ansongo", "a convoy heading to Djibo": the road's ends, near the attack
    travel = next((k for k, w in enumerate(wider) if lex.has(w, "TRAVEL_WORD")
                   and not any(g.start > w.i for g in triggers)), None)
    route = travel is not None and any(lex.has(w, "MOVEMENT_LINK") for w in wider[travel + 1:])
    # "the capital Bamako", "the capital, Niamey": where the government sits, unless the attack is put in it
    capital = next((k for k in (-1, -2) if len(prev) >= -k and lex.has(prev[k], "CAPITAL_WORD")), None)
    capital_only = capital is not None and all(p.text == "," for p in prev[len(prev) + capital + 1:]) and not any(
        lex.has(p, "AT_WORD") for p in prev[:len(prev) + capital])
    seat = len(prev) >= 2 and lex.has(prev[-1], "IN_FROM") and lex.has(prev[-2], "SEAT_NOUN", "REPORTING") or (
        moved is not None and any(lex.has(w, "MOVEMENT_LINK") for w in wider[moved + 1:])) or quarter or \
        capital_only or dateline(sent, span)
    # "on the Maiduguri-Damaturu highway", "between Dagale and Tera", "north of Djibo": near the place
    near = near or route or route_end(sent, span) or len(prev) >= 2 and lex.has(prev[-1], "OF_LINK") and lex.has(
        prev[-2], "DIRECTION") or bool(prev) and (
        prev[-1].lower_ == "between" or prev[-1].lower_ == "and" and any(p.lower_ == "between" for p in prev))
    locality = not want_admin and (len(prev) >= 2 and lex.has(prev[-1], "OF_LINK") and lex.has(prev[-2],
                                                                                                "LOCALITY_WORD")
                                   or bool(nxt) and lex.has(nxt[0], "LOCALITY_WORD")
                                   or len(nxt) > 2 and nxt[0].text == "," and lex.has(nxt[1], "INDEFINITE_ARTICLE",
                                                                                      "DEFINITE_ARTICLE")
                                   and lex.has(nxt[2], "LOCALITY_WORD"))
    candidates, source_label = _candidates(span)
    return PlaceArg(span.text, span.start_char, span.end_char, locative=locative, near=near, want_admin=want_admin,
                    locality=locality, reference=reference, seat=seat, source=source,
                    candidates=candidates, candidates_from=source_label)


def _candidates(span: Span) -> tuple[list | None, str | None]:
    """The linker's candidates of an entity span (``span._.place_candidates``, without their priors) and the
    label of the gazetteer they come from."""
    if not Span.has_extension("place_candidates"):
        return None, None
    for ent in lex.ents_in(span.doc):
        if ent.start == span.start and ent.end == span.end:
            found = ent._.place_candidates
            if found is not None:
                return [c for c, _ in found], span.doc.user_data.get("sahel_gazetteer")
    return None, None


def attached(sent: Span, start: int, end: int, trigger_tokens: set[int]) -> bool:
    """False when a span describes someone and the sentence names another place (``titled``: "the mayor of Djibo
    said ... in X"; "the mayor of Boni was shot dead" stays attached), or when the parse puts it inside a clause
    that describes something else than the attack: a relative clause on a noun that is not an attack word
    ("Ansarul Islam, a group founded in Soum in 2016"). Without a parse the rest is attached (proximity rules
    decide)."""
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and titled(sent, span):  # unless it is the only place the sentence names
        return not any(e.label_ in ("PLACE", "GPE", "LOC") and (e.end <= span.start or span.end <= e.start)
                       and not titled(sent, e) for e in lex.ents_in(sent))
    if not lex.parsed(doc) or not trigger_tokens or span is None:
        return True
    tok = span.root
    for _ in range(15):
        if tok.i in trigger_tokens:
            return True
        if tok.dep_.split(":")[0] in ("relcl", "acl") and lex.has(tok, "DESCRIBING_VERB") and \
                tok.head.i not in trigger_tokens:
            return False  # "a group founded in Soum in 2016", "which operates in Gao"; not "who were travelling"
        if tok.head is tok:
            return True
        tok = tok.head
    return True


def token_distance(sent: Span, start: int, end: int, anchors: list[tuple[int, int]]) -> int:
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
        best = min(best, max(other.start - span.end, span.start - other.end, 0))
    return best


def _name_tokens(span: Span, how: set[str]) -> Span | None:
    """The capitalised words of a ``CONTEXT_PLACE`` span that are the name: ``first``, its first capitalised
    token; ``run``, from there the capitalised tokens, joined through hyphens written without spaces
    ("Gao-Gossi", "Fada N'Gourma")."""
    doc = span.doc
    start = next((t.i for t in span if t.text[:1].isupper()), None)
    if start is None:
        return None
    end = start + 1
    if "run" in how:
        while end < span.end:
            tok = doc[end]
            if tok.text[:1].isupper():
                end += 1
            elif tok.text in ("-", "‐", "–") and not doc[end - 1].whitespace_ and end + 1 < span.end and \
                    not tok.whitespace_ and doc[end + 1].text[:1].isupper():
                end += 2
            elif tok.text in DASHES and end + 3 < span.end and doc[end + 1].is_lower and len(doc[end + 1]) <= 2 \
                    and doc[end + 2].text in DASHES and doc[end + 3].text[:1].isupper() and not any(
                        t.whitespace_ for t in doc[end - 1:end + 3]):
                end += 4  # "I-n-Telli", "Ti-n-Zaouatene": a Tamasheq name with its particle
            else:
                break
    return doc[start:end]


def _context_names(sent: Span) -> list[tuple[Span, set[str]]]:
    """The names the ``CONTEXT_PLACE`` cues make places, longest first where they overlap; not those a
    ``NOT_PLACE_CONTEXT`` ``calendar`` cue covers ("in January"), nor an ``end`` cue followed by more words."""
    doc = sent.doc
    calendar = [c for c in lex.spans_in(sent, "places", "NOT_PLACE_CONTEXT") if "calendar" in c.id_.split()]
    names: list[tuple[Span, set[str]]] = []
    for cue in lex.spans_in(sent, "places", "CONTEXT_PLACE"):
        how = set(cue.id_.split())
        if "end" in how and any(not doc[i].is_space for i in range(cue.end, sent.end)):
            continue
        name = _name_tokens(cue, how)
        if name is None or any(c.start <= name.start and name.end <= c.end for c in calendar):
            continue
        names.append((name, how))
    kept: list[tuple[Span, set[str]]] = []
    for name, how in sorted(names, key=lambda n: (-(n[0].end - n[0].start), n[0].start)):
        if not any(k.start < name.end and name.start < k.end for k, _ in kept):
            kept.append((name, how))
    return sorted(kept, key=lambda n: n[0].start)


def _context_places(sent: Span, places: list[PlaceArg]) -> list[PlaceArg]:
    """Names the gazetteer lacks made places by their construction (``CONTEXT_PLACE``); a longer name found this
    way replaces a part of it the NER found ("Holle Hamani" over "Holle")."""
    for span, how in _context_names(sent):
        start, end = span.start_char, span.end_char
        overlapping = [p for p in places if p.start <= start < p.end or start <= p.start < end]
        if any(p.source != "ner" or (p.end - p.start) >= end - start for p in overlapping):
            continue
        if lex.has(span[0], "NOT_PLACE", "MONTH", "WEEKDAY", "FACILITY_MODIFIER", "FACILITY_WORD") or \
                lex.has(span[-1], "NOT_PLACE_HEAD") or not_the_place(sent, span) or \
                lex.is_phrase(span, "FOREIGN", "PEOPLE") or any(
                t.ent_type_ in ("ARMED_GROUP", "COUNTRY", "DATE", "TIME", "MONEY", "PERCENT") or nationality(t)
                for t in span):
            continue
        places = [p for p in places if p not in overlapping]
        arg = place_arg(sent, span, "pattern")
        arg.locative = True
        arg.near = arg.near or "near" in how  # a road, or "between X and Y": near its first town
        places.append(arg)
    return places


def near_pairs(sent: Span, places: list[PlaceArg], max_gap_chars: int) -> set[tuple[int, int]]:
    """(i, j) when ``places[j]`` follows ``places[i]`` and only says where it is: joined by a ``NEAR_JOIN`` phrase
    ("X area near Y", "X, 30 km from Y"; ``places[j]`` is said to be near and ``places[i]`` is where something
    happened), or named in an apposition that describes ``places[i]`` (``describes``: "Kokoloko, a village in
    the Y region", "Fambita, a neighbourhood of Kokorou", "Lada, un village rattaché à la commune de Diffa")."""
    doc = sent.doc
    joins = [s for s in lex.spans_in(sent, "places", "NEAR_JOIN")]
    out = set()
    for i, (a, b) in enumerate(zip(places, places[1:], strict=False)):
        if b.start - a.end > max_gap_chars:
            continue
        a_span = doc.char_span(a.start, a.end, alignment_mode="expand")
        b_span = doc.char_span(b.start, b.end, alignment_mode="expand")
        if a_span is None or b_span is None:
            continue
        if b.near and not a.near and a.locative and any(j.start == a_span.end and j.end == b_span.start
                                                         for j in joins) or describes(sent, a_span, b_span):
            out.add((i, i + 1))
    return out


def find_places(sent: Span, anchors: list[tuple[int, int]]) -> tuple[list[PlaceArg], list[str], list[str]]:
    """Places, country names and demonyms ("Nigerien truck drivers": weaker evidence of where)."""
    places: list[PlaceArg] = []
    countries: list[str] = []
    demonyms: list[str] = []
    for ent in lex.ents_in(sent):
        if ent.label_ in ("COUNTRY", "NORP") and names_a_border(sent, ent):
            continue  # "near the Burkina Faso border", "on the Nigerian border": the neighbour, not the place
        if ent.label_ == "COUNTRY" and (origin_or_destination(sent, ent) or not_the_place(sent, ent)):
            continue  # "gunmen coming from Nigeria", "their trip to Togo": where people came from or went
        if ent.label_ == "COUNTRY":
            if ent.kb_id_ and ent.kb_id_ not in countries:
                countries.append(ent.kb_id_)
            continue
        if ent.label_ == "NORP" and (ent.kb_id_ or demonym_code(ent.text)):
            code = ent.kb_id_ or demonym_code(ent.text)
            if code not in demonyms:
                demonyms.append(code)
            continue
        if ent.label_ in ("PLACE", *_NER_PLACES) and (names_people(sent, ent) or not_the_place(sent, ent)):
            continue
        if ent.label_ in _NER_PLACES and all(lex.has(t, "REGION_WORD", "DEFINITE_ARTICLE") for t in ent):
            continue  # "the Circle of Bankass": the NER's name is the word for the unit
        if ent.label_ == "PLACE":
            places.append(place_arg(sent, ent, "gazetteer"))
        elif ent.label_ in _NER_PLACES and not lex.is_phrase(ent, "FOREIGN") and ent.text[:1].isupper():
            # "Kunibaa village": the NER keeps the word that says what the place is; the name is before it
            span = ent[:-1] if len(ent) > 1 and lex.has(ent[-1], "LOCALITY_WORD") else ent
            arg = place_arg(sent, span, "ner")
            if arg.locative or arg.want_admin:
                places.append(arg)
    places = _context_places(sent, places)
    places.sort(key=lambda p: p.start)
    for p in places:
        p.distance = token_distance(sent, p.start, p.end, anchors)
    return places, countries, demonyms
