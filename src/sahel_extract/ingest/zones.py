"""Page zones: which lines of an article's text are its headline, standfirst, date stamps, bylines, captions,
teasers and page furniture, and which are its body.

In: the article's text (lines separated by "\\n"), its title when the source gives one, and its language. Out:
``Zone`` objects (character offsets into the text, a kind) covering every non-empty line:

- ``headline``: the title written again in the text, or the first substantive line of the head block when it does
  not end like a sentence (headlines have no full stop; a lead does);
- ``standfirst``: the substantive line after the headline, before the first body paragraph;
- ``datestamp``: a line that is mostly a date ("12 June 2019 at 18:04", "Posted: 08/10/2022", "date 2019-06-12"),
  also the date prefix of a line ("date 2019-07-27 Jihadist raid ...");
- ``byline``, ``caption``, ``teaser``, ``furniture``: lines that open with a cue word of that kind (the ``ZONE_CUE``
  class of ``models/patterns/<lang>/words/zones.jsonl``) and are short, or that are picture credits
  ("REUTERS/Name", "(AFP/File photo)"); bare section labels of one to three words are furniture;
- ``body``: everything else.

The head block is the run of lines before the first body paragraph: one of ``BODY_WORDS`` words or more that
ends a sentence, or any line of a text that has no such paragraph. A headline or standfirst summarises the
attack the body tells; the frames stage does not let it start a record (DESIGN.md, issue "Real news pages").
Pure Python on the pattern data; no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..patterns import load_lexicon
from ..textnorm import fold

#: The cues of a line's kind are looked for in its first this many words.
HEAD_WORDS = 16
#: A line of at least this many words that ends like a sentence starts the body.
BODY_WORDS = 25
#: A line opening with a cue of its kind is that kind only up to this many words (bylines, furniture).
SHORT_LINE_WORDS = 9
#: At most this many words besides the date, its cue and its time make a line a date stamp.
DATESTAMP_OTHER_WORDS = 6
_SENTENCE_END = (".", "!", "?", "»", "”", '"', ")")
SUMMARY_KINDS = frozenset({"headline", "standfirst"})
#: "BAMAKO, Feb 12 (Reuters) - ", "LOMÉ — ", "Bamako (AFP) - ": a town in capitals, or a capitalised town before an
#: agency in brackets or a long dash, then what the wire adds (country, date, agency) and a dash.
_DIGIT = re.compile(r"\d")
_DATELINE = re.compile(r"^(?P<place>(?:[A-ZÀ-Ý'’.-]{2,}(?: [A-ZÀ-Ý'’.-]{2,}){0,2})|[A-ZÀ-Ý][a-zà-ÿ'’-]+"
                       r"(?= ?\(|,? ?[—–]))(?P<rest>,[^\n—–]{0,45}?)?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]{1,2}\s")
SKIPPED_KINDS = frozenset({"datestamp", "byline", "caption", "teaser", "furniture", "skipped"})
#: "OUAGADOUGOU, April 4 A Romanian ...": a town in capitals, a capitalised word and a day number, then the text.
_DATELINE_NO_DASH = re.compile(r"^(?P<place>[A-ZÀ-Ý'’.-]{3,}(?: [A-ZÀ-Ý'’.-]{2,}){0,2}),\s"
                               r"(?P<rest>[A-Z][a-zé]{2,8}\.?\s\d{1,2})\b\s*(?:\([^)\n]{1,40}\))?\s*(?=[A-Z\"“«])")


@dataclass(frozen=True, slots=True)
class Zone:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class _Cues:
    by_kind: dict[str, tuple[tuple[str, ...], ...]]
    credit_tails: frozenset[str]
    agencies: frozenset[str]


@lru_cache(maxsize=8)
def _cues(lang: str) -> _Cues:
    lexicon = load_lexicon(lang)
    by_kind: dict[str, list[tuple[str, ...]]] = {}
    for phrase, kind in lexicon.phrases("ZONE_CUE").items():
        by_kind.setdefault(kind, []).append(tuple(fold(phrase).split()))
    return _Cues({k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_kind.items()},
                 frozenset(fold(w) for w in lexicon.phrases("PHOTO_CREDIT_TAIL")),
                 frozenset(fold(w) for w in lexicon.phrases("AGENCY")))


def _words(line: str) -> list[str]:
    return [w for w in (fold(x) for x in line.replace("·", " ").replace("|", " ").split()) if w]


def _opens_with(words: list[str], cues: tuple[tuple[str, ...], ...]) -> int:
    """The number of words of the longest cue the line opens with (0: none)."""
    first = words[0] if words else None
    for cue in cues:
        if cue[0] == first and tuple(words[:len(cue)]) == cue:
            return len(cue)
    return 0


def _is_credit(token: str, cues: _Cues) -> bool:
    """A picture credit written in one token: "REUTERS/Malick", "AFP/File", "©Name"."""
    if "/" not in token:
        return token.startswith("©")
    parts = [fold(p) for p in token.strip("()[],.").split("/") if p]
    return token.startswith("©") or (len(parts) >= 2 and (parts[0] in cues.agencies or parts[-1] in cues.agencies
                                                           or parts[-1] in cues.credit_tails))


def _date_words(line: str, lang: str) -> tuple[bool, int]:
    """Whether a line holds a full date (a day, a month and a year, or a numeric date), and how many of its words
    are neither the date, nor a time, nor a weekday."""
    from ..normalise.dates import read

    if not _DIGIT.search(line):  # a full date always has a digit (a day, a year or a numeric date)
        return False, 0
    reading = read(line, lang)
    full = bool(reading.numeric or reading.month and reading.day and reading.year
                or reading.month and reading.year and not reading.day)
    if not full:
        return False, 0
    other = 0
    tables = load_lexicon(lang)
    for w in line.replace("·", " ").replace("|", " ").split():
        low = w.strip(",.:;()").lower()
        if not low or any(c.isdigit() for c in low) or tables.has("MONTH", low) or tables.has("WEEKDAY", low) or \
                tables.has("TIME_WORD", low) or not any(c.isalpha() for c in low):
            continue
        other += 1
    return True, other


def classify_line(line: str, lang: str = "en") -> str | None:
    """The kind of a line judged by itself (a date stamp, a byline, a caption, a teaser, furniture), or None when it
    could be a headline or body text."""
    cues = _cues(lang)
    raw = line.split()
    words = _words(" ".join(raw[:HEAD_WORDS]))  # the cues are in a line's first words
    if not words:
        return None
    n_words = len(words) if len(raw) <= HEAD_WORDS else len(raw)
    sentence = line.rstrip().endswith((".", "?", "!"))
    if not sentence or n_words <= 12:  # a date stamp is short or does not end like a sentence
        is_date, other = _date_words(line, lang)
        if is_date and other <= DATESTAMP_OTHER_WORDS and not sentence or \
                is_date and _opens_with(words, cues.by_kind.get("datestamp", ())) and n_words <= 12:
            return "datestamp"
    if _opens_with(words, cues.by_kind.get("teaser", ())):
        return "teaser"
    tail = line.rstrip(" .").rpartition("(")[2].rstrip(")") if line.rstrip(" .").endswith(")") else ""
    if _opens_with(words, cues.by_kind.get("caption", ())) or any(_is_credit(t, cues) for t in raw) or (
            tail and (fold(tail) in cues.credit_tails or fold(tail) in cues.agencies)):
        return "caption"  # "... (file photo).", "... (AFP/File photo)", "Photo: AFP"
    if _opens_with(words, cues.by_kind.get("byline", ())) and n_words <= SHORT_LINE_WORDS + 1:
        rest = raw[_opens_with(words, cues.by_kind["byline"]):]
        named = [t for t in rest if t[:1].isupper() or fold(t.strip(",:·")) in cues.agencies]
        if rest and len(named) >= 0.6 * len([t for t in rest if any(c.isalpha() for c in t)]):
            return "byline"
    if _opens_with(words, cues.by_kind.get("furniture", ())) and n_words <= SHORT_LINE_WORDS:
        return "furniture"
    joined = f" {' '.join(words)} "
    if n_words <= 6 and any(f" {a} " in joined for a in cues.agencies) and not line.rstrip().endswith(
            _SENTENCE_END[:3]) \
            and all(t[:1].isupper() or not t[:1].isalpha() or len(t) <= 4 for t in raw):
        return "byline"  # "Baba Ahmed, The Associated Press", "Le Monde with AFP"
    if line.startswith("(") and line.rstrip().endswith(")"):
        return "furniture"  # "(Adds details, reaction from Paris)", "(image for illustration)"
    if n_words <= 3 and not line.rstrip().endswith(_SENTENCE_END[:3]):
        return "furniture"  # "World", "Mali", "604", "Africa / World": a section label or a counter
    return None


def _datestamp_prefix(line: str, lang: str) -> int:
    """The length of a date-stamp prefix of a line ("date 2019-07-27 Jihadist raid ..."): a datestamp cue word and a
    date; 0 when there is none."""
    words = line.split()
    cues = _cues(lang)
    n = _opens_with(_words(line), cues.by_kind.get("datestamp", ()))
    if not n:
        return 0
    end = 0
    for i in range(n, min(len(words), n + 6)):
        candidate = " ".join(words[:i + 1])
        if _date_words(candidate, lang)[0]:
            end = i + 1
            break
    if not end:
        return 0
    return len(" ".join(words[:end]))


def dateline(line: str) -> tuple[int, str, str] | None:
    """A wire dateline opening a line: (its length, the town, what follows the town: country, date), or None."""
    m = _DATELINE.match(line) or _DATELINE_NO_DASH.match(line)
    if not m:
        return None
    return m.end(), m.group("place"), (m.group("rest") or "").strip(" ,")


def _same_as_title(line: str, title: str | None) -> bool:
    if not title:
        return False
    from rapidfuzz import fuzz

    a, b = fold(line), fold(title)
    return bool(a) and (a == b or len(a) > 15 and fuzz.ratio(a, b) >= 90)


def logical_lines(text: str) -> list[tuple[int, int, str]]:
    """The non-empty lines of a text as (start, end, stripped line), a line that continues a sentence (it starts
    in lower case after a line that ends without a full stop: hard-wrapped wire copy) joined to the one before."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            if lines and stripped[:1].islower() and not lines[-1][2].endswith(_SENTENCE_END[:3]) and \
                    text[lines[-1][1]:start].count("\n") == 1:
                prev = lines.pop()
                lines.append((prev[0], start + len(stripped), text[prev[0]:start + len(stripped)]))
            else:
                lines.append((start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


def find_zones(text: str, title: str | None = None, lang: str = "en") -> tuple[Zone, ...]:
    """The zones of an article's text, in text order (see the module docstring). In the head block the first
    substantive line is the headline (the title, when it is written again, wherever it is) and the next one at
    most the standfirst; the body starts after it, or at the first long sentence or dateline."""
    lines = logical_lines(text)
    body_start = next((i for i, (_, _, line) in enumerate(lines) if len(line.split()) >= BODY_WORDS
                       and line.endswith(_SENTENCE_END) or dateline(line) and len(line.split()) > 8), len(lines))
    zones: list[Zone] = []
    substantive = 0
    headline_seen = False  # kept as it goes: asking the zones for it per line made long pages quadratic
    for i, (start, end, line) in enumerate(lines):
        prefix = _datestamp_prefix(line, lang)
        if prefix and prefix < len(line):
            zones.append(Zone(start, start + prefix, "datestamp"))
            start, line = start + prefix + (len(line[prefix:]) - len(line[prefix:].lstrip())), line[prefix:].strip()
        kind = classify_line(line, lang)
        if kind is None and _same_as_title(line, title):
            kind = "headline"
        elif kind is None and i < body_start and substantive < 2:
            if not headline_seen and substantive == 0 and not line.endswith(_SENTENCE_END[:3]):
                kind = "headline"  # a title line: no full stop
            elif headline_seen:
                kind = "standfirst"
        if kind in SUMMARY_KINDS or kind is None:
            substantive += 1
            if kind is None:
                body_start = min(body_start, i)
        zones.append(Zone(start, end, kind or "body"))
        headline_seen = headline_seen or kind == "headline"
    return tuple(zones)


def zone_at(zones: tuple[Zone, ...], offset: int) -> str:
    """The kind of the zone holding a character offset ("body" outside every zone)."""
    for zone in zones:
        if zone.start <= offset < zone.end:
            return zone.kind
    return "body"
