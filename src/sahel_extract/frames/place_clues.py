"""What the words around a place name say about it: pure tests on a name ``Span`` in its sentence.

In: a sentence ``Span`` and a name inside it (the pattern rulers' spans and word classes read through ``lex``).
Out: booleans that the place finder (``frames.places``) turns into roles: a dateline or a title's seat, a road's
or journey's end, a name in a list of units, a name that is no place at all (a headline's attack word, the
country weapons were made in, a boat, a people, a nationality), a country named as a border or an origin, and an
apposition that says where another place is. Words: ``models/patterns/<lang>/words/places.jsonl`` and the
``NOT_PLACE_CONTEXT`` and ``DATELINE`` cues of ``places.jsonl``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..places.countries import demonym_code
from . import lex

DASHES = ("-", "‐", "–")


def _tok(sent: Span, i: int) -> Token | None:
    return sent.doc[i] if sent.start <= i < sent.end else None


def listed_units(sent: Span, span: Span) -> bool:
    """A name in a list of units: "the Dosso and Tillabery regions", "the regions of Gao, Kidal and Ménaka"
    (the list's names, "and", commas, then a ``REGION_WORD``; or ``REGION_BEFORE`` + "of", then the list)."""
    doc = sent.doc

    def listed(tok: Token) -> bool:
        return tok.text[:1].isupper() or tok.text in (",", *DASHES) or lex.has(tok, "AND_LINK")

    i = span.end
    while i < min(sent.end, span.end + 6) and listed(doc[i]):
        i += 1
    if i > span.end and lex.has(_tok(sent, i), "REGION_WORD") and lex.has(doc[span.end:i][0], "AND_LINK", "COMMA"):
        return True
    j = span.start - 1
    while j > max(sent.start, span.start - 7) and listed(doc[j]):
        j -= 1
    return j < span.start - 1 and lex.has(doc[j], "OF_LINK") and lex.has(_tok(sent, j - 1), "REGION_BEFORE")


def dateline(sent: Span, span: Span) -> bool:
    """A place that opens a line as a dateline ("BAMAKO, Mali (AP) -", "Bamako — Officials said", "NIAMEY:",
    "OUAGADOUGOU, April 4"): the town the report is filed from, not where the attack was (a ``DATELINE`` cue
    that starts with it, or a name in capitals followed by a ``DATELINE_MARK``)."""
    doc = sent.doc
    i = span.start
    before = lex.text_of(doc)[max(0, span.start_char - 2):span.start_char]
    if i > 0 and "\n" not in doc[i - 1].text and "\n" not in before:
        return False
    if any(d.start == i for d in lex.spans_in(doc, "places", "DATELINE")):
        return True
    return span.text.isupper() and len(span.text) > 2 and lex.has(_tok(sent, span.end), "DATELINE_MARK")


def route_end(sent: Span, span: Span) -> bool:
    """An end of a road named by its towns ("the Maiduguri-Damaturu highway", "on the Gao-Tin Hama axis"): the
    attack was on the road, near that town (``ROUTE_WORD``)."""
    doc = sent.doc
    nxt, prv = _tok(sent, span.end), _tok(sent, span.start - 1)
    if nxt is not None and nxt.text in DASHES and not doc[span.end - 1].whitespace_:
        k = span.end + 1
        while k < min(sent.end, span.end + 5) and doc[k].text[:1].isupper():
            k += 1
        return k > span.end + 1 and lex.has(_tok(sent, k), "ROUTE_WORD")
    return prv is not None and prv.text in DASHES and not prv.whitespace_ and lex.has(nxt, "ROUTE_WORD")


def not_the_place(sent: Span, span: Span) -> bool:
    """A name that is not where anything happened: a headline's capitalised attack or time word ("Soldiers Killed
    in Raid on Base", "Assault at Dawn"), the country where weapons were made ("drones built in Turkey", "bought
    from China") or a boat's name ("the Timbuktu boat", "the vessel 'Gao'")."""
    doc = sent.doc
    words = [*lex.spans_in(sent, "triggers"), *lex.spans_in(sent, "times")]  # "Raid on Base", "at Dawn"
    if any(lex.has(t, "ATTACK_NOUN") or any(g.start <= t.i < g.end for g in words) for t in span):
        return True
    before = [doc[i] for i in range(max(sent.start, span.start - 3), span.start)]
    if before and lex.has(before[-1], "MADE_LINK") and any(lex.has(w, "MANUFACTURE") for w in before[:-1]):
        return True
    k = span.end
    while k < sent.end and doc[k].is_quote:
        k += 1
    j = span.start - 1
    while j >= sent.start and doc[j].is_quote:
        j -= 1
    return lex.has(_tok(sent, k), "VESSEL_WORD") or j < span.start - 1 and lex.has(_tok(sent, j), "VESSEL_WORD")


def titled(sent: Span, span: Span) -> bool:
    """A place named as the seat of an office: "the mayor of Djibo" (a ``NOT_PLACE_CONTEXT`` ``title`` cue),
    "Bankass Mayor Moulaye Guindo", "the Gao regional governor" (a ``TITLE_NOUN`` right after, or after one
    ``TITLE_MODIFIER``)."""
    nxt = _tok(sent, span.end)
    if nxt is not None and nxt.text == "," and lex.has(_tok(sent, span.end + 1), "INDEFINITE_ARTICLE",
                                                        "DEFINITE_ARTICLE") and lex.has(
            _tok(sent, span.end + 2), "LOCALITY_WORD"):
        return False  # "the mayor of Gossi, the town close to where the attack happened": the text places it
    if any(c.start <= span.start and span.end <= c.end and "title" in c.id_.split()
           for c in lex.spans_in(sent, "places", "NOT_PLACE_CONTEXT")):
        return True
    return lex.has(nxt, "TITLE_NOUN") or lex.has(nxt, "TITLE_MODIFIER") and lex.has(_tok(sent, span.end + 1),
                                                                                    "TITLE_NOUN")


def origin_or_destination(sent: Span, ent: Span) -> bool:
    """A country named as where people came from ("gunmen coming from Nigeria") or were going ("on their way
    to Togo"), not "according to Niger authorities"."""
    before = [sent.doc[i] for i in range(max(sent.start, ent.start - 4), ent.start)]
    if not before:
        return False
    if lex.has(before[-1], "FROM"):
        return True
    return lex.has(before[-1], "TOWARDS") and any(lex.has(w, "MOTION_WORD") for w in before[:-1])


def names_people(sent: Span, ent: Span) -> bool:
    """A name that stands for people here, unless written right after in/at/near (some villages bear a
    people's name; "in Kautikari community" is a village): a people or faith ("the Tuareg village",
    "between Christians and Muslims"), or a place's community ("a councillor of the Foulse community")."""
    doc = sent.doc
    if ent.start > sent.start and lex.has(doc[ent.start - 1], "IN_AT_NEAR_OUTSIDE"):
        return False
    return lex.is_phrase(ent, "PEOPLE") or lex.has(_tok(sent, ent.end), "COMMUNITY_WORD")


def nationality(tok: Token) -> bool:
    """A token of a nationality or people ("Nigerien", "Fulani"), not one the statistical NER merely tags NORP
    ("killed in Touronata")."""
    return tok.ent_type_ == "NORP" and (bool(tok.ent_kb_id_) or demonym_code(tok.text) is not None
                                        or lex.has(tok, "PEOPLE"))


def names_a_border(sent: Span, ent: Span) -> bool:
    """True when a country or nationality names a border ("near the Burkina Faso border", "the Mali-Niger
    frontier", "the border with Nigeria"): the place is beside that country, most often not in it."""
    doc = sent.doc
    i = ent.end
    while i < sent.end and i < ent.end + 6:
        tok = doc[i]
        if lex.has(tok, "BORDER_WORD"):  # but "the Nigerien border town of Makalondi" is in Niger
            return not (i + 1 < sent.end and lex.has(doc[i + 1], "BORDER_PLACE"))
        if not (lex.has(tok, "BORDER_JOINER") or tok.text in ("-", "–", "/") or tok.ent_type_ in ("COUNTRY",
                                                                                                  "NORP")):
            break
        i += 1
    before = [doc[j] for j in range(max(sent.start, ent.start - 3), ent.start)]
    return len(before) >= 2 and lex.has(before[-1], "WITH_OF") and lex.has(before[-2], "BORDER_WORD")


def describes(sent: Span, place: Span, other: Span) -> bool:
    """Whether ``other`` is named in an apposition that says what and where ``place`` is: a comma, an optional
    article, at most three words, an ``APPOSITION_NOUN`` ("village", "neighbourhood", "localité"), then no comma,
    attack word or verb of an attack before ``other``."""
    doc = sent.doc
    gap = doc[place.end:other.start]
    if len(gap) < 2 or gap[0].text != "," or len(gap) > 12:
        return False
    noun = next((k for k, t in enumerate(gap[1:6], 1) if lex.has(t, "APPOSITION_NOUN")), None)
    if noun is None or any(t.text in (",", ";", ".") for t in gap[1:noun]):
        return False
    triggers = lex.spans_in(sent, "triggers")
    return not any(t.text in (",", ";", ".", "(", ")") or lex.has(t, "ATTACK_NOUN") or any(
        g.start <= t.i < g.end for g in triggers) for t in gap[noun + 1:])
