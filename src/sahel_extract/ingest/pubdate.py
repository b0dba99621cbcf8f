"""The publication date when the metadata gives none: from the page's date stamps, its dateline, or its URL.

In: the article's text, its zones (``ingest.zones``), its URL and title, and its language. Out: a date and where it
came from ("page" or "url"), and a year hint (a year the URL or the title names) for when no date is found. The
date words are those of the date normaliser (``normalise.dates.read``: the calendar of ``models/patterns``);
dateparser reads the day, month and year it finds. A date stamp is the first line of the page that is mostly a
date ("12 June 2019 at 18:04", "Posted: 08/10/2022"); a dateline date ("BAMAKO, 25 June 2018 (AFP) -") counts when
it gives the year.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote, urlparse

from .zones import Zone, dateline, logical_lines

#: /2025/06/03/, /2025-06-03-..., /20250603/: a date written in a URL path (year, month, day)
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_.-]?(0[1-9]|1[0-2])[/_.-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _date_of(text: str, lang: str) -> dt.date | None:
    """The full date a short text states (day, month and year, or a numeric date), else None."""
    import dateparser

    from ..normalise.dates import read

    reading = read(text, lang)
    if reading.numeric:
        parsed = dateparser.parse(reading.numeric, settings={"DATE_ORDER": "DMY" if "/" in reading.numeric
                                                             or "." in reading.numeric else "YMD"})
        return parsed.date() if parsed else None
    if reading.day and reading.month and reading.year:
        try:
            return dt.date(reading.year, reading.month, reading.day)
        except ValueError:
            return None
    return None


def page_date(text: str, zones: tuple[Zone, ...], lang: str = "en") -> dt.date | None:
    """The date of the first date stamp of the page, else of a dateline that gives a year."""
    for zone in zones:
        if zone.kind == "datestamp":
            found = _date_of(text[zone.start:zone.end], lang)
            if found:
                return found
    for _, _, line in logical_lines(text)[:8]:
        found = dateline(line)
        if found and found[2]:
            date = _date_of(found[2], lang)
            if date:
                return date
    return None


def url_date(url: str | None) -> dt.date | None:
    """A date written in a URL's path ("/2025/06/03/", "-20250603-")."""
    if not url:
        return None
    path = unquote(urlparse(url).path)
    for m in _URL_DATE.finditer(path):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


def year_hint(url: str | None, title: str | None) -> int | None:
    """A year the URL path or the title names, when they name exactly one."""
    for text in (unquote(urlparse(url).path) if url else "", title or ""):
        years = {int(y) for y in _YEAR.findall(text)}
        if len(years) == 1:
            return years.pop()
    return None


def recover_published(text: str, zones: tuple[Zone, ...], url: str | None, lang: str = "en"
                      ) -> tuple[dt.date | None, str | None]:
    """The publication date from the page, else the URL, and where it came from ("page", "url")."""
    found = page_date(text, zones, lang)
    if found:
        return found, "page"
    found = url_date(url)
    if found:
        return found, "url"
    return None, None
