"""The ``Article``: what the ingest stage hands to the rest of the pipeline.

In: text and metadata read from a file. Out: an immutable ``Article`` with a stable id (a hash of its
content, so the same article read from two places has the same id) and its publication date as a
``datetime.date`` when one is known.
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
) -> Article:
    """Build an ``Article``, normalising line ends and computing its content hash and id."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    title = " ".join(title.split()) if title else None
    digest = hashlib.sha256(((title or "") + "\n" + text).encode("utf-8")).hexdigest()
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
    )
