"""Figures in a short news note that are not counts of people, and whether the note states a count.

In: a note's text (ACLED's ``notes``: short English descriptions of one event) and ``NoteRules``: the month names
and count words of the note's language (the project's lexicon: ``MONTH``, ``NUMBER_WORD``, ``APPROX``, less
``VAGUE`` and ``INDEFINITE_ARTICLE``, read by ``normalise.numbers.parse_number``) and the ways notes write figures
that are not counts (the ``notes`` block of ``models/acled_conventions.json``: ordinal suffixes, time, date and
decimal separators, distance units, the span of years, ACLED's "coded as N"). Out: the text with those figures
blanked (``NoteRules.without_figures``), and whether what is left states a count (``NoteRules.states_number``):
a digit or a count word.

Plain string processing over words (runs of letters, digits and '_'); at each word the figures are tried in
order, and a figure found is skipped whole, left to right:

- a day and a month: "4 March", "4th of March"; a month and a day: "March 4", "Mar. 4th";
- a year (1800-2099), a time ("10:30", "10h30"), a date "4/3/2021", a distance ("15 km", "1.5km", "3 miles");
- ACLED's "coded as N" convention (the digits after it); an ordinal ("3rd", "21st").
"""

from __future__ import annotations

from dataclasses import dataclass

from text_to_num import text2num

from ..normalise.numbers import parse_number
from ..patterns import Lexicon, load_lexicon


@dataclass(frozen=True)
class NoteRules:
    """What is a figure that is not a count, and what is a count word, in the notes of one language."""

    months: frozenset[str]
    counts: frozenset[str]
    ordinal_suffixes: tuple[str, ...]
    time_separators: tuple[str, ...]
    date_separator: str
    decimal_separators: tuple[str, ...]
    distance_units: tuple[str, ...]
    years: tuple[int, int]
    coded_as: tuple[str, ...]
    day_month_joiner: str

    @classmethod
    def from_conventions(cls, notes: dict) -> NoteRules:
        """The rules of a ``notes`` block (``models/acled_conventions.json``), with the words of the lexicon of its
        ``language``: month names; count words are the ``NUMBER_WORD`` and ``APPROX`` words ("dozens",
        "hundreds") that ``parse_number`` reads as numbers of that language, less articles ("a soldier") and vague
        words ("several", "many")."""
        lang = notes["language"]
        lx = load_lexicon(lang)
        approx = lx.phrases("APPROX")
        not_counts = set(lx.phrases("VAGUE")) | set(lx.phrases("INDEFINITE_ARTICLE"))
        words = (set(lx.phrases("NUMBER_WORD")) | set(approx)) - not_counts
        return cls(
            months=frozenset(w for w in lx.phrases("MONTH") if w.isalpha()),
            counts=frozenset(w for w in words if w.isalpha() and (w in approx or _reads_as_number(w, lx))),
            ordinal_suffixes=tuple(notes["ordinal_suffixes"]), time_separators=tuple(notes["time_separators"]),
            date_separator=notes["date_separator"], decimal_separators=tuple(notes["decimal_separators"]),
            distance_units=tuple(notes["distance_units"]), years=(notes["years"][0], notes["years"][1]),
            coded_as=tuple(notes["coded_as"].split()), day_month_joiner=notes["day_month_joiner"],
        )

    def states_number(self, text: str) -> bool:
        """True when the text, without its figures that are not counts, has a digit or a count word."""
        rest = self.without_figures(text)
        if any(c.isdecimal() for c in rest):
            return True
        i = 0
        while i < len(rest):
            end, word = _token(rest, i)
            if word.lower() in self.counts:
                return True
            i = max(end, i + 1)
        return False

    def without_figures(self, text: str) -> str:
        """The text with each figure that is not a count replaced by a space."""
        kept, i = [], 0
        while i < len(text):
            if _is_word_char(text[i]) and (i == 0 or not _is_word_char(text[i - 1])):
                end = self.figure_end(text, i)
                if end is not None:
                    kept.append(" ")
                    i = end
                    continue
            kept.append(text[i])
            i += 1
        return "".join(kept)

    def figure_end(self, text: str, i: int) -> int | None:
        """Where a figure that is not a count, starting at the word at ``i``, ends; None if there is none (the
        figures are tried in the order of the module docstring)."""
        j, word = _token(text, i)
        low = word.lower()
        digits, rest = _digits(word)
        if self._is_day(word) and (after := _next_word(text, j)):
            end, nxt = after
            if nxt.lower() == self.day_month_joiner and (month := _next_word(text, end)) \
                    and month[1].lower() in self.months:
                return month[0]
            if nxt.lower() in self.months:
                return end
        if low in self.months:
            after = _next_word(text, j + 1 if text[j:j + 1] == "." else j)
            if after and self._is_day(after[1]):
                return after[0]
        if len(word) == 4 and word.isascii() and word.isdecimal() and self.years[0] <= int(word) <= self.years[1]:
            return j
        if 1 <= len(digits) <= 2:
            if (end := self._time_end(text, j, rest)) is not None:
                return end
            if (end := self._date_end(text, j, rest)) is not None:
                return end
        if digits:
            if not rest and text[j:j + 1] in self.decimal_separators:
                end, fraction = _token(text, j + 1)
                decimals, unit = _digits(fraction)
                if decimals and (found := self._unit_end(text, end, unit)):
                    return found
            if found := self._unit_end(text, j, rest):
                return found
        if low == self.coded_as[0] and (end := self._coded_as_end(text, j)) is not None:
            return end
        if digits and rest.lower() in self.ordinal_suffixes:
            return j
        return None

    def _is_day(self, word: str) -> bool:
        """One or two digits, optionally with an ordinal suffix: "4", "12th"."""
        digits, rest = _digits(word)
        return 1 <= len(digits) <= 2 and (not rest or rest.lower() in self.ordinal_suffixes)

    def _time_end(self, text: str, j: int, rest: str) -> int | None:
        """A time after the hour's digits ending at ``j``: a separator inside the word ("10h30") or after it
        ("10:30"), then two digits."""
        for sep in self.time_separators:
            if _is_word_char(sep):
                if rest[:1].lower() == sep and len(rest) == 3 and rest[1:].isdecimal():
                    return j
            elif not rest and text.startswith(sep, j):
                end, minutes = _token(text, j + len(sep))
                if len(minutes) == 2 and minutes.isdecimal():
                    return end
        return None

    def _date_end(self, text: str, j: int, rest: str) -> int | None:
        """A date "4/3/21" or "4/3/2021" after the day's digits ending at ``j``."""
        sep = self.date_separator
        if rest or not text.startswith(sep, j):
            return None
        end, month = _token(text, j + len(sep))
        if month.isdecimal() and len(month) <= 2 and text.startswith(sep, end):
            end, year = _token(text, end + len(sep))
            if year.isdecimal() and 2 <= len(year) <= 4:
                return end
        return None

    def _unit_end(self, text: str, j: int, rest: str) -> int | None:
        """The end of a distance unit right after a number ending at ``j`` (``rest``: the letters after its digits
        in the same word, "15km")."""
        if rest:
            return j if rest.lower() in self.distance_units else None
        after = _next_word(text, j)
        return after[0] if after and after[1].lower() in self.distance_units else None

    def _coded_as_end(self, text: str, j: int) -> int | None:
        """After the first word of "coded as" ending at ``j``: the end of the digits that follow the phrase."""
        end = j
        for expected in self.coded_as[1:]:
            after = _next_word(text, end)
            if not after or after[1].lower() != expected:
                return None
            end = after[0]
        after = _next_word(text, end)
        if after and (count := _digits(after[1])[0]):
            return after[0] - len(after[1]) + len(count)
        return None


def _reads_as_number(word: str, lx: Lexicon) -> bool:
    """``parse_number`` reads the word as a number of the lexicon's own language: a ``MULTIPLIER`` or
    ``ARTICLE_ONE`` word of the lexicon ("dozen", "one"), or a number word of that language. The lexicon also lists
    number words of other languages for the pipeline's sake; ``parse_number`` reads those too (it falls back to
    other languages), but in an English note they are false friends ("UN", "per cent", "Sept.")."""
    if parse_number(word, lx.lang) is None:
        return False
    if word in lx.phrases("MULTIPLIER") or word in lx.phrases("ARTICLE_ONE"):
        return True
    try:
        text2num(word, lx.lang)
    except ValueError:
        return False
    return True


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _token(text: str, i: int) -> tuple[int, str]:
    """The end and the text of the word (letters, digits, '_') starting at ``i``; empty when there is none."""
    j = i
    while j < len(text) and _is_word_char(text[j]):
        j += 1
    return j, text[i:j]


def _digits(word: str) -> tuple[str, str]:
    """A word's leading digits and the rest: "12th" -> ("12", "th")."""
    n = 0
    while n < len(word) and word[n].isdecimal():
        n += 1
    return word[:n], word[n:]


def _next_word(text: str, j: int) -> tuple[int, str] | None:
    """The word after white space at ``j`` (at least one space): its end and text; None when there is no space."""
    k = j
    while k < len(text) and text[k].isspace():
        k += 1
    return _token(text, k) if k > j else None
