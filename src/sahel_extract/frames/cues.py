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


def find_cues(sent: Span, negation_window: int) -> Cues:
    cues = Cues()
    for span in lex.spans_in(sent, "cues"):
        cues.labels.add(span.label_)
        cues.spans.setdefault(span.label_, []).append(span)
    denials = cues.spans.get("NEGATION", [])
    for claim in cues.spans.get("CLAIM", []):
        if not any(d.end <= claim.start and claim.start - d.end <= negation_window for d in denials):
            cues.claim = claim
            break
    return cues
