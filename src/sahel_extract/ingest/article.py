"""The ``Article``: what the ingest stage hands to the rest of the pipeline.

In: text and metadata read from a file. Out: an immutable ``Article`` with a stable id (a hash of its
content, so the same article read from two places has the same id), its language (``ingest.language``), its
page zones (``ingest.zones``: headline, standfirst, date stamps, bylines, captions, teasers, furniture, body), and
its publication date as a ``datetime.date`` when one is known, with where it came from: the metadata, the page
(a date stamp, a dateline) or the URL (``ingest.pubdate``), and a year hint (a year the URL or title names).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    path: str | None = None
    line: int | None = None
    content_hash: str = ""
    language: str = "en"
    zones: tuple = ()  # ingest.zones.Zone objects
    published_from: str | None = None  # "metadata", "page", "url"
    year_hint: int | None = None

    @property
    def location(self) -> str:
        """Where the article came from, for messages: ``path`` or ``path#line``."""
        base = self.path or "<text>"
        return f"{base}#{self.line}" if self.line else base


def make_article(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    published: dt.date | None = None,
    path: str | None = None,
    line: int | None = None,
    language: str | None = None,
) -> Article:
    """Build an ``Article``: line ends normalised, content hash and id, language (``language``: the one the source
    declares, if any), zones, and the publication date recovered from the page or URL when not given."""
    from .language import detect_language
    from .pubdate import recover_published, year_hint
    from .zones import find_zones

    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    title = " ".join(title.split()) if title else None
    digest = hashlib.sha256(((title or "") + "\n" + text).encode("utf-8")).hexdigest()
    lang = detect_language(f"{title or ''}\n{text}", language)
    zones = find_zones(text, title, lang)
    origin = "metadata" if published else None
    if published is None:
        published, origin = recover_published(text, zones, url, lang)
    return Article(
        id=digest[:16],
        text=text,
        title=title or None,
        url=url or None,
        publisher=publisher or None,
        published=published,
        path=path,
        line=line,
        content_hash=digest,
        language=lang,
        zones=zones,
        published_from=origin,
        year_hint=None if published else year_hint(url, title),
    )
