"""Time expressions, attributions and clause cues of a sentence, from the pattern spans.

In: a sentence ``Span`` of a Doc that went through the pattern rulers. Out:
- ``find_times``: ``TimeArg`` objects from the ``sahel_times`` spans (the longest where they overlap, in text
  order; a ``SINCE`` word makes a time the start of a period), without those inside the article's dateline
  (``DATELINE`` of the place cues), split into the attack's times and the report's ("said in a statement on
  Monday": a ``REPORTING`` word nearer the time than any trigger);
- ``find_attributions``: the source phrases of the ``sahel_sources`` spans (see its docstring), and whether
  each is an "according to" or "cited by" phrase (those cover the whole sentence);
- ``Cues``: which ``sahel_cues`` labels the sentence holds (background, aggregate, new incident, revision, an
  undenied claim ...), with the spans where position matters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from ..patterns import Lexicon
from . import lex
from .mentions import Arg, TimeArg

WHOLE_SENTENCE_SOURCES = ("ACCORDING", "CITED_BY")


@dataclass
class Source(Arg):
    label: str = ""

    @property
    def whole_sentence(self) -> bool:
        return self.label in WHOLE_SENTENCE_SOURCES


def dateline_end(doc) -> int | None:
    """The end offset of the article's dateline ("GAO, Mali -"): the longest ``DATELINE`` place cue that starts at
    the first word of the text."""
    first = next((t.i for t in doc if not t.is_space), None)
    spans = [s for s in lex.spans_in(doc, "places", "DATELINE") if s.start == first]
    return max(s.end_char for s in spans) if spans else None


def find_times(sent: Span, index: int) -> list[TimeArg]:
    """The time expressions of a sentence, longest first where they overlap, in text order; in the first two
    sentences not those of the dateline."""
    stop = dateline_end(sent.doc) if index <= 1 else None
    names = lex.spans_in(sent, "times", "NOT_TIME")  # "the Friday mosque": a weekday in a name
    out = []
    for span in lex.spans_in(sent, "times", longest=True):
        if stop is not None and span.start_char < stop or span.label_ == "NOT_TIME" or any(
                n.start <= span.start < n.end for n in names):
            continue
        night = "night" in span.id_.split() or span.id_ in ("overnight", "weekday-range") or any(
            lex.value(t, "TIME_LEAD") == "night" or lex.value(t, "DAY_PART") == "night"
            or lex.value(t, "RELATIVE") == "day-1" for t in span)
        out.append(TimeArg(span.text, span.start_char, span.end_char, label=span.label_,
                           since=lex.has(span[0], "SINCE"), night=night,
                           offset=span.id_ if span.label_ == "EVENT_RELATIVE" else None))
    return out


def _governed_by_reporting(span: Span) -> bool | None:
    """With a parse: whether the nearest verb the time hangs on is a reporting verb ("Late on Saturday the army
    said ...", "officials confirmed on Monday that ..."); None without a parse."""
    doc = span.doc
    if not lex.parsed(doc):
        return None
    for tok in span.root.ancestors:
        if tok.pos_ in ("VERB", "AUX"):
            return lex.has(tok, "REPORTING_VERB")
    return False


def _speaker_follows(sent: Span, span: Span) -> bool:
    """Without a parse: the time opens the sentence (or a clause after a comma) and the clause's verb, within five
    tokens, reports ("On Saturday the army said ...", "On Sunday, security sources said ..."): no attack word nor
    number stands between. Not "... near Boni on Monday, the army said": there the time closes the attack's
    clause."""
    doc = sent.doc
    if span.start > sent.start and doc[span.start - 1].text not in (",", ";", ":", "—", "–"):
        return False
    triggers = {t.i for s in lex.spans_in(sent, "triggers") for t in s}
    for i in range(span.end, min(sent.end, span.end + 6)):
        tok = doc[i]
        if lex.has(tok, "REPORTING_VERB"):
            return i > span.end
        if i in triggers or tok.like_num:
            return False
    return False


def split_report_times(sent: Span, times: list[TimeArg], trigger_gap) -> tuple[list[TimeArg], list[TimeArg]]:
    """Times of the attack, and times of the report: a time that hangs on a reporting verb in the parse ("Late on
    Saturday the army said", "confirmed on Monday that"), that opens a clause whose verb reports (without a
    parse), or that follows a ``REPORTING`` word within ten tokens, nearer than the nearest trigger
    (``trigger_gap(time)`` in tokens: "said in a statement on Monday")."""
    event_times, report_times = [], []
    doc = sent.doc
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            event_times.append(t)
            continue
        before = [doc[i] for i in range(max(sent.start, span.start - 10), span.start)]
        reporting = [i for i, w in enumerate(before) if lex.has(w, "REPORTING")]
        governed = _governed_by_reporting(span)
        if governed or governed is None and _speaker_follows(sent, span) or reporting and (
                len(before) - reporting[-1]) <= trigger_gap(t):
            report_times.append(t)
        else:
            event_times.append(t)
    return event_times, report_times


#: The order in which source labels claim a phrase (the order the attribution cues were tried in).
SOURCE_ORDER = ("ACCORDING", "CITED_BY", "TOLD", "SPEAKER_BEFORE", "SPEAKER_AFTER", "STATEMENT")
_TRIM = " ,\"”“'’"


def find_attributions(sent: Span, lexicon: Lexicon, max_chars: int) -> list[Source]:
    """Who the sentence's figures come from: the phrase naming the source, in text order. Each ``sahel_sources``
    span is cut by its id ("L:R": drop L tokens on the left, R on the right) and trimmed; a phrase "told" or
    "cited by" counts only when it names an ``AGENCY``; overlapping phrases go to the label tried first
    (``SOURCE_ORDER``), the longest first."""
    agencies = lexicon.phrases("AGENCY")
    candidates: list[tuple[int, int, Source]] = []
    for span in lex.spans_in(sent, "sources"):
        left, _, right = span.id_.partition(":")
        cut_left, cut_right = int(left or 0), int(right or 0)
        tokens = list(span)[cut_left:len(span) - cut_right]
        while tokens and (tokens[0].is_space or tokens[0].text in _TRIM):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_space or tokens[-1].text in _TRIM):
            tokens = tokens[:-1]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        text = lex.text_of(sent.doc)[start:end]
        if len(text) > max_chars:
            continue
        if span.label_ in ("TOLD", "CITED_BY") and " ".join(text.lower().split()) not in agencies:
            continue
        order = SOURCE_ORDER.index(span.label_) if span.label_ in SOURCE_ORDER else len(SOURCE_ORDER)
        candidates.append((order, -(end - start), Source(text, start, end, label=span.label_)))
    found: list[Source] = []
    for _, _, source in sorted(candidates, key=lambda c: (c[0], c[1], c[2].start)):
        if not any(c.start < source.end and source.start < c.end for c in found):
            found.append(source)
    return sorted(found, key=lambda c: c.start)


@dataclass
class Cues:
    """The clause cues of a sentence (``sahel_cues`` labels), and their spans."""

    labels: set[str] = field(default_factory=set)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    claim: Span | None = None  # the first claim of responsibility that no denial precedes

    def __contains__(self, label: str) -> bool:
        return label in self.labels


#: The cue labels whose reach is their own clause, not the whole sentence (rule 6 of issue 10).
SCOPED = ("BACKGROUND", "AGGREGATE")


def find_cues(sent: Span, negation_window: int, index: int | None = None, lead: int = 0) -> Cues:
    """The cue labels of a sentence and their spans. A ``BACKGROUND`` or ``AGGREGATE`` span that lies inside a
    ``COMPARISON`` span ("the army's heaviest loss since 2019", "the second time in just over a year") measures
    the present attack against the past, and one inside a ``NEW_EVENT`` span ("in a similar attack on Monday")
    opens another attack of the article: both are dropped. A ``BACKGROUND`` opener ("Earlier this month, ...",
    id ``opener``) counts only after the ``lead`` first sentences (``index`` is the sentence's)."""
    cues = Cues()
    found = lex.spans_in(sent, "cues")
    cancel = [s for s in found if s.label_ in ("COMPARISON", "NEW_EVENT")]
    for span in found:
        if span.label_ in SCOPED and any(c.start <= span.start and span.end <= c.end for c in cancel):
            continue
        if span.id_ == "opener" and (index is None or index < lead):
            continue
        cues.labels.add(span.label_)
        cues.spans.setdefault(span.label_, []).append(span)
    denials = cues.spans.get("NEGATION", [])
    for claim in cues.spans.get("CLAIM", []):
        if not any(d.end <= claim.start and claim.start - d.end <= negation_window for d in denials):
            cues.claim = claim
            break
    return cues


# --- the clause a cue speaks of ---------------------------------------------------------------------------
#: Dependency labels of a verb that heads a clause of its own (ClearNLP and UD labels).
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass", "pcomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
#: A modifier of a verb's subject or object speaks of the clause ("attacks since January have killed 300",
#: "neutralised 34 terrorists in two operations": the parse often hangs the verb's modifier on its object).
ARGUMENT_DEPS = SUBJECT_DEPS | {"dobj", "obj", "dative", "iobj"}


def _own_subject(tok) -> bool:
    return any(c.dep_.split(":")[0] in SUBJECT_DEPS for c in tok.children)


def _clause_head(tok) -> bool:
    """A verb that heads a clause; a verb coordinated with another one that shares its subject ("neutralised 181
    terrorists and arrested 223 suspects across the country") is part of that verb's clause."""
    if tok.dep_ == "ROOT":
        return True
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_.split(":")[0] not in CLAUSE_DEPS:
        return False
    return tok.dep_ != "conj" or _own_subject(tok)


def _clause_tokens(head) -> set[int]:
    """A clause: the subtree of its head without the clauses coordinated with it ("..., and they come after")."""
    out = {t.i for t in head.subtree}
    for child in head.children:
        if child.dep_ == "conj" and _clause_head(child):
            out -= {t.i for t in child.subtree}
    return out


NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")


def _noun_phrase(tok) -> set[int]:
    """The whole noun phrase a modifier belongs to: from the noun up through "noun + preposition + noun" links
    ("[an assault on an army base in 2022 in which dozens were killed]")."""
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in NOMINAL:
        tok = tok.head.head
    return {t.i for t in tok.subtree}


def parse_scope(span: Span) -> set[int]:
    """What a cue speaks of, from the parse: the clause whose verb it modifies ("where assailants have massacred
    civilians this year" and the clauses inside it), or the noun phrase it modifies when that noun is no subject or
    object ("closed since [an ambush last year in which eleven traders died]"; "the army's [heaviest loss since
    2019]"), or the apposition it stands in (", [the latest in a string of attacks on the town]").
    A "since" clause speaks of the clause it depends on ("170 peacekeepers have been killed since the mission was
    deployed")."""
    tok = root = span.root
    first = span[0]
    if lex.has(first, "SINCE") and first.dep_ == "mark" and first.head.head.i != first.head.i:
        tok = root = first.head.head
    while True:
        if _clause_head(tok):
            return _clause_tokens(tok)
        if tok.i != root.i and tok.pos_ in NOMINAL and tok.dep_.split(":")[0] not in ARGUMENT_DEPS:
            return _noun_phrase(tok)
        if tok.i != root.i and tok.dep_.split(":")[0] == "appos":  # "..., the latest in a string of attacks"
            return {t.i for t in tok.subtree}
        if tok.head.i == tok.i or not (span.sent.start <= tok.head.i < span.sent.end):
            return _clause_tokens(tok)
        tok = tok.head


def segments(sent: Span) -> list[tuple[int, int, str, str]]:
    """The sentence cut at its ``CLAUSE_BOUNDARY`` words and signs, for texts with no parse: (start, end, how the
    segment is joined to the one before: ``first``, ``coord`` (";", "but", ", and"), ``sub`` (a relative or
    subordinate word, an aside, a comma), and the class value of the word that opens it: ``rel`` ("which"), ``adv``
    ("after", "when"), ``that`` ... or "")."""
    doc = sent.doc
    cuts: list[tuple[int, str, str]] = [(sent.start, "first", "")]
    i = sent.start
    while i < sent.end:
        kind = lex.value(doc[i], "CLAUSE_BOUNDARY")
        if kind is None or i == sent.start:
            i += 1
            continue
        opener = kind
        if kind == "comma":
            nxt = lex.value(doc[i + 1], "CLAUSE_BOUNDARY") if i + 1 < sent.end else None
            opener = nxt or ""
            kind = "coord" if nxt in ("coord", "and") else "sub"
            if nxt is not None and nxt != "comma":
                i += 1  # ", and" / ", which": one cut
        elif kind == "and":
            i += 1
            continue  # "12 soldiers and 3 civilians": a bare "and" joins words, not clauses
        elif kind != "coord":
            kind = "sub"
        if cuts[-1][0] != i:
            cuts.append((i, kind, opener))
        i += 1
    return [(start, cuts[n + 1][0] if n + 1 < len(cuts) else sent.end, kind, opener)
            for n, (start, kind, opener) in enumerate(cuts)]


def segment_scope(sent: Span, span: Span, content: set[int]) -> set[int]:
    """What a cue speaks of, without a parse: its segment and the subordinate segments after it; a cue that opens
    the sentence in a segment with no attack word or figure of its own ("Last year, ...", "Since 2015, ...")
    speaks of the clause that follows it."""
    parts = segments(sent)
    first = next(n for n, (s, e, _, _) in enumerate(parts) if s <= span.start < e)
    out = set(range(parts[first][0], parts[first][1]))
    n = first + 1
    fronted = first == 0 and not (out & content)
    while n < len(parts) and (parts[n][2] == "sub" or fronted):
        fronted = False
        out |= set(range(parts[n][0], parts[n][1]))
        n += 1
    return out


#: The clauses that recall an earlier event as the circumstance of another ("after soldiers stormed the palace last
#: month", "a town that was attacked last week"); reported speech ("said that ...") is not one of them.
RECALLING_DEPS = ("advcl", "relcl", "acl")


def recalls(sent: Span, span: Span) -> bool:
    """Whether a ``recalled`` cue ("last month", "earlier this week") sits in an adverbial or relative clause: a
    recent past told as the circumstance of something else, not as the news ("Gunmen killed 12 people last month"
    is news; so is "accounts of an attack earlier this month"), unless it dates a report."""
    if lex.parsed(sent.doc):
        tok = span.root
        while not _clause_head(tok):
            if tok.pos_ in NOMINAL and tok.i != span.root.i or tok.head.i == tok.i:
                return False
            tok = tok.head
        # "though it said a few days earlier that ...": the time of a report, not of an event
        return tok.dep_.split(":")[0] in RECALLING_DEPS and not lex.has(tok, "REPORTING_VERB")
    part = next(p for p in segments(sent) if p[0] <= span.start < p[1])
    return part[3] in ("rel", "adv") and not any(lex.has(t, "REPORTING_VERB") for t in sent.doc[part[0]:part[1]])


def cue_scopes(sent: Span, cues: Cues, content: set[int]) -> dict[str, list[set[int]]]:
    """The token indices each ``SCOPED`` cue speaks of: by the parse where there is one, else by segments.
    ``content``: the tokens of the sentence's attack words and figures. A ``recalled`` cue counts only where it
    ``recalls``."""
    parsed = lex.parsed(sent.doc)
    return {label: [_scope(sent, s, content, parsed) for s in cues.spans.get(label, [])
                    if s.id_ != "recalled" or recalls(sent, s)]
            for label in SCOPED}


def _scope(sent: Span, span: Span, content: set[int], parsed: bool) -> set[int]:
    """The parse's scope, within the cue's segments: a small model often makes an apposition after the clause
    (", the latest in a series of attacks") the root of the sentence, and the clause it comments on a part of it."""
    if not parsed:
        return segment_scope(sent, span, content)
    return parse_scope(span) & segment_scope(sent, span, content)
