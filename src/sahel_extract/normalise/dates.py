"""Event dates: a time expression plus the publication date to a date with precision and bounds.

In: the time expression found next to an attack ("on Sunday", "late on Friday", "overnight", "on June 1",
"last week", "earlier this month", or ``None``) and the article's publication date. Out: an ``EventDate``:
``value`` (ISO day) only when the day is pinned; ``earliest``/``latest`` bound it otherwise; ``precision``
day/week/month/year/unknown; the mention is always kept. ``time_key`` says what two time expressions share
when they name the same time.

The words are data (``models/patterns/shared/calendar.jsonl``: ``MONTH`` and ``WEEKDAY`` with their numbers;
``<lang>/words/times.jsonl``: ``RELATIVE`` phrases with an offset code such as ``day-1`` or ``month0``, and
``TIME_LEAD`` words such as "last"); dateparser reads explicit dates. Rules (DESIGN.md section 3): a weekday
is the most recent such day on or before publication ("last Sunday" on a Sunday is a week before); a relative
phrase counts from the publication date ("overnight" is the night that began the day before); an explicit
date without a year is the latest such date on or before publication; a date without a year, or a weekday,
cannot be pinned without a publication date and stays null. No expression at all gives no value, only
``latest`` = the publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import dateparser

from ..patterns import load_lexicon
from ..records import EventDate

_WORDS = re.compile(r"\d+[^\W\d_]*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first",
             "REQUIRE_PARTS": ["day", "month"], "DATE_ORDER": "DMY"}
_LANGUAGES = ["en", "fr"]


@dataclass(frozen=True)
class _Tables:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: tuple[tuple[tuple[str, ...], str], ...]  # phrase words -> offset code, longest first
    last: frozenset[str]
    event_relative: dict[str, str]  # "the next day" -> "+1": days after the attack told before
    #: the relative phrases by their first word, each with its rank in ``relative``
    relative_by_first: dict[str, tuple[tuple[int, tuple[str, ...], str], ...]] = field(default_factory=dict)


@lru_cache(maxsize=8)
def _tables(lang: str) -> _Tables:
    lexicon = load_lexicon(lang)
    relative = sorted(((tuple(p.split()), code) for p, code in lexicon.phrases("RELATIVE").items()),
                      key=lambda pc: -len(pc[0]))
    last = frozenset(w for w, v in lexicon.phrases("TIME_LEAD").items() if v == "last" and " " not in w)
    by_first: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for rank, (phrase, code) in enumerate(relative):
        by_first.setdefault(phrase[0], []).append((rank, phrase, code))
    return _Tables({w: int(v) for w, v in lexicon.phrases("MONTH").items()},
                   {w: int(v) for w, v in lexicon.phrases("WEEKDAY").items()}, tuple(relative), last,
                   dict(lexicon.phrases("EVENT_RELATIVE")), {w: tuple(v) for w, v in by_first.items()})


@dataclass(frozen=True)
class Reading:
    """What a time expression says, before the publication date is applied."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    relative: str | None = None
    last: bool = False
    numeric: str | None = None  # "12/06/2025", "2025-06-12": read by dateparser as it is


def read(mention: str, lang: str = "en") -> Reading:
    """The parts of a time expression: day, month, year, weekday, relative offset."""
    tables = _tables(lang)
    text = " ".join(mention.lower().split())
    numeric = re.search(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b", text)
    words = _WORDS.findall(text)
    day = month = year = weekday = None
    for w in words:
        digits = len(w) - len(w.lstrip("0123456789"))
        if w in tables.months and month is None:
            month = tables.months[w]
        elif w in tables.weekdays and weekday is None:
            weekday = tables.weekdays[w]
        elif digits == 4 and len(w) == 4 and w[:2] in ("19", "20") and year is None:
            year = int(w)
        elif 1 <= digits <= 2 and len(w) - digits <= 3 and day is None and 1 <= int(w[:digits]) <= 31:
            day = int(w[:digits])
    relative = None
    rank = len(tables.relative)
    for i, w in enumerate(words):  # the longest phrase found anywhere wins (first in the table among equals)
        for r, phrase, code in tables.relative_by_first.get(w, ()):
            if r < rank and tuple(words[i:i + len(phrase)]) == phrase:
                rank, relative = r, code
    return Reading(day if month else None, month, year, weekday, relative, any(w in tables.last for w in words),
                   numeric.group(0) if numeric else None)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _day(value: dt.date, mention: str) -> EventDate:
    return EventDate(value=value.isoformat(), earliest=value.isoformat(), latest=value.isoformat(),
                     precision="day", mention=mention)


def _span(first: dt.date, last: dt.date, precision: str, mention: str, published: dt.date | None) -> EventDate:
    if published and last > published:
        last = published
    return EventDate(value=None, earliest=_iso(first), latest=_iso(last), precision=precision, mention=mention)


def _unknown(mention: str | None, published: dt.date | None) -> EventDate:
    return EventDate(value=None, earliest=None, latest=_iso(published), precision="unknown", mention=mention)


def most_recent_weekday(weekday: int, published: dt.date) -> dt.date:
    """The most recent given weekday on or before the publication date."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _relative(code: str, published: dt.date, mention: str) -> EventDate | None:
    """An offset code of the ``RELATIVE`` table ("day-1", "week0", "weekend-1", "month-1", "year0") from the
    publication date."""
    m = re.fullmatch(r"(day|week|weekend|month|year)(-?\d+)", code)
    if not m:
        return None
    unit, n = m.group(1), int(m.group(2))
    if unit == "day":
        return _day(published + dt.timedelta(days=n), mention)
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=n)
        if unit == "weekend":
            return _span(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week", mention, published)
        return _span(monday, monday + dt.timedelta(days=6), "week", mention, published)
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + n, 12)
        first, last = _month_bounds(year, month + 1)
        return _span(first, last, "month", mention, published)
    return _span(dt.date(published.year + n, 1, 1), dt.date(published.year + n, 12, 31), "year", mention, published)


def _explicit(reading: Reading, mention: str, published: dt.date | None) -> EventDate:
    """A day and month (and year), or a numeric date, read by dateparser relative to the publication date."""
    if reading.numeric:
        text = reading.numeric
    else:
        text = f"{reading.day} {calendar.month_name[reading.month]}" + (f" {reading.year}" if reading.year else "")
    if reading.year is None and not reading.numeric and not published:
        return _unknown(mention, None)
    settings = dict(_SETTINGS)
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(23, 59))
    parsed = dateparser.parse(text, settings=settings, languages=_LANGUAGES)
    if parsed:
        day = parsed.date()
        if published and day > published and reading.year is None and not reading.numeric:
            day = day.replace(year=day.year - 1)
        if not published or day <= published:
            return _day(day, mention)
    return _unknown(mention, published)


def resolve_date(mention: str | None, published: dt.date | None, lang: str = "en",
                 year: int | None = None) -> EventDate:
    """Pin a time expression to a date as far as the text and the publication date allow, never further. With no
    publication date, a year the page names elsewhere (its URL or title: ``year``) bounds what it can: a day and
    month take that year; anything else lies within it."""
    if not published and year:
        return _within_year(mention, year, lang)
    if not mention:
        return _unknown(None, published)
    r = read(mention, lang)
    if r.numeric or (r.month and r.day):
        return _explicit(r, mention, published)
    if r.month:
        year = r.year
        if year is None and published:
            year = published.year if r.month <= published.month else published.year - 1
        if year is None:
            return _unknown(mention, None)
        first, last = _month_bounds(year, r.month)
        return _span(first, last, "month", mention, published)
    if r.weekday is not None:
        if not published:
            return _unknown(mention, None)
        day = most_recent_weekday(r.weekday, published)
        if r.last and day == published:
            day -= dt.timedelta(days=7)
        return _day(day, mention)
    if r.year and not r.relative and len(_WORDS.findall(mention.lower())) <= 2:
        return _span(dt.date(r.year, 1, 1), dt.date(r.year, 12, 31), "year", mention, published)
    if published and r.relative:
        found = _relative(r.relative, published, mention)
        if found:
            return found
    return _unknown(mention, published)


def _within_year(mention: str | None, year: int, lang: str) -> EventDate:
    """A time read with only a year to go by (no publication date)."""
    r = read(mention or "", lang)
    if mention and (r.numeric or r.year):
        return resolve_date(mention, None, lang)
    if r.month and r.day:
        try:
            return _day(dt.date(year, r.month, r.day), mention or "")
        except ValueError:
            pass
    if r.month:
        first, last = _month_bounds(year, r.month)
        return _span(first, last, "month", mention or "", None)
    return EventDate(value=None, earliest=_iso(dt.date(year, 1, 1)), latest=_iso(dt.date(year, 12, 31)),
                     precision="year", mention=mention)


def shift_date(previous: EventDate, offset: str | None, mention: str) -> EventDate:
    """The date of an attack told relative to the one before it ("the next day", "two days later"): that attack's
    day moved by the phrase's offset (an ``EVENT_RELATIVE`` id such as "+1"); unknown when that day is."""
    try:
        days = int(offset or "")
    except ValueError:
        days = None
    if days is None or not previous.value:
        return EventDate(value=None, earliest=previous.earliest, latest=previous.latest, precision="unknown",
                         mention=mention)
    day = (dt.date.fromisoformat(previous.value) + dt.timedelta(days=days)).isoformat()
    return EventDate(value=day, earliest=day, latest=day, precision="day", mention=mention)


def time_key(mention: str | None, resolved: EventDate | None = None, lang: str = "en") -> object:
    """What two time expressions share when they name the same time: the resolved interval when the date could
    be bounded, else what the words say (a weekday, a day and month, a relative offset)."""
    if not mention:
        return None
    offset = _tables(lang).event_relative.get(" ".join(mention.lower().split()))
    if offset is not None:
        return ("after the attack before", offset)
    if resolved is not None and (resolved.earliest or resolved.value):
        return ("span", resolved.earliest, resolved.latest)
    r = read(mention, lang)
    if r.numeric or r.month or r.weekday is not None or r.relative or r.year:
        return ("words", r.day, r.month, r.year, r.weekday, r.relative, r.last, r.numeric)
    return ("text", " ".join(mention.lower().split()))
