"""Event dates: a time expression plus the publication date to a date with precision and bounds.

In: the time expression found next to an attack ("on Sunday", "late on Friday", "overnight",
"on June 1", "last week", "earlier this month", or ``None``) and the article's publication date.
Out: an ``EventDate``: ``value`` (ISO day) only when the day is pinned; ``earliest``/``latest`` bound
it otherwise; ``precision`` day/week/month/year/unknown; the mention is always kept.

Rules (DESIGN.md section 3): a weekday is the most recent such day on or before publication;
"overnight"/"last night" is the night that began the day before publication; "yesterday" is the day
before; explicit dates go through dateparser relative to the publication date, preferring the past;
a date without a year, or a weekday, cannot be pinned without a publication date and stays null.
No expression at all gives no value, only ``latest`` = the publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import dateparser

from ..records import EventDate

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
WEEKDAYS_FR = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
_WEEKDAY = re.compile(r"\b(" + "|".join([*WEEKDAYS, *WEEKDAYS_FR]) + r")\b", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|janvier|février|fevrier|mars|avril|mai|juin|"
           "juillet|août|aout|septembre|octobre|novembre|décembre|decembre")
_MONTH = re.compile(r"\b(" + _MONTHS + r")\b\.?", re.I)
_DAY_NUMBER = re.compile(r"\b([0-3]?\d)(st|nd|rd|th|er)?\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first",
             "REQUIRE_PARTS": ["day", "month"], "DATE_ORDER": "DMY"}


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


def _relative(text: str, published: dt.date, mention: str) -> EventDate | None:
    if re.search(r"\b(day before yesterday|avant-hier)\b", text):
        return _day(published - dt.timedelta(days=2), mention)
    if re.search(r"\b(yesterday|hier|last night|overnight|during the night|the previous night)\b", text) \
            and not _WEEKDAY.search(text):
        return _day(published - dt.timedelta(days=1), mention)
    if re.search(r"\b(today|this morning|this afternoon|this evening|earlier today|aujourd'hui|ce matin)\b",
                 text):
        return _day(published, mention)
    if re.search(r"\blast week(end)?\b|\bla semaine dernière\b|\bthe previous week\b", text):
        monday = published - dt.timedelta(days=published.weekday() + 7)
        if "weekend" in text:
            return _span(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week", mention, published)
        return _span(monday, monday + dt.timedelta(days=6), "week", mention, published)
    if re.search(r"\b(this|earlier this) week(end)?\b|\bcette semaine\b", text):
        monday = published - dt.timedelta(days=published.weekday())
        return _span(monday, published, "week", mention, published)
    if re.search(r"\b(this|earlier this|early this|late this) month\b|\bce mois\b", text):
        first, last = _month_bounds(published.year, published.month)
        return _span(first, last, "month", mention, published)
    if re.search(r"\blast month\b|\ble mois dernier\b", text):
        prev = published.replace(day=1) - dt.timedelta(days=1)
        first, last = _month_bounds(prev.year, prev.month)
        return _span(first, last, "month", mention, published)
    if re.search(r"\b(last|this) year\b", text):
        year = published.year - (1 if "last" in text else 0)
        return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", mention, published)
    return None


def resolve_date(mention: str | None, published: dt.date | None) -> EventDate:
    """Pin a time expression to a date as far as the text and the publication date allow, never further."""
    if not mention:
        return _unknown(None, published)
    text = " ".join(mention.lower().split())
    has_year = _YEAR.search(text)
    month = _MONTH.search(text)
    numeric = _NUMERIC_DATE.search(text)
    if numeric or (month and _DAY_NUMBER.search(_MONTH.sub(" ", _YEAR.sub(" ", text)))):
        if not has_year and not published:
            return _unknown(mention, None)
        settings = dict(_SETTINGS)
        if published:
            settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(23, 59))
        cleaned = re.sub(r"\b(on|the|night of|early|late|morning|evening|afternoon|night|of|dawn|le|la|nuit du)\b",
                         " ", text)
        cleaned = _WEEKDAY.sub(" ", cleaned)
        parsed = dateparser.parse(cleaned, settings=settings, languages=["en", "fr"])
        if parsed:
            day = parsed.date()
            if published and day > published and not has_year:
                day = day.replace(year=day.year - 1)
            if not published or day <= published:
                return _day(day, mention)
        return _unknown(mention, published)
    if month:
        year = int(has_year.group(1)) if has_year else None
        if year is None and published:
            month_number = dateparser.parse(month.group(1), languages=["en", "fr"]).month
            year = published.year if month_number <= published.month else published.year - 1
        if year is None:
            return _unknown(mention, None)
        month_number = dateparser.parse(month.group(1), languages=["en", "fr"]).month
        first, last = _month_bounds(year, month_number)
        return _span(first, last, "month", mention, published)
    weekday = _WEEKDAY.search(text)
    if weekday:
        if not published:
            return _unknown(mention, None)
        name = weekday.group(1).lower()
        index = WEEKDAYS.get(name, WEEKDAYS_FR.get(name))
        day = most_recent_weekday(index, published)
        if re.search(r"\blast\b", text) and day == published:
            day -= dt.timedelta(days=7)
        return _day(day, mention)
    if has_year and re.fullmatch(r"(in |during |since )?(19|20)\d\d", text):
        year = int(has_year.group(1))
        return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", mention, published)
    if published:
        relative = _relative(text, published, mention)
        if relative:
            return relative
    return _unknown(mention, published)
