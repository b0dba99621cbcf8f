"""Publication dates from article metadata.

In: whatever a feed or a front-matter block gives (``2025-06-03``, ``2025-06-03T08:15:00Z``,
``Tue, 03 Jun 2025 08:15:00 GMT``, a ``datetime``). Out: a ``datetime.date`` or ``None``.
Unparseable values are ``None`` (the event dates then stay unpinned rather than guessed).
"""

from __future__ import annotations

import datetime as dt

import dateparser

_SETTINGS = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "YMD"}


def parse_published(value: object) -> dt.date | None:
    """The calendar date of a publication timestamp, or ``None`` when there is none to read."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    parsed = dateparser.parse(text, settings=_SETTINGS, languages=["en", "fr"])
    return parsed.date() if parsed else None
