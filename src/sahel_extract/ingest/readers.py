"""Readers: one function per file format, from decoded file content to article fields.

In: the decoded text of one file (or one JSONL line) and its path. Out: a list of ``Article`` objects,
or a ``ReadError`` raised with a reason a user can act on. Readers never touch the file system; the
walker in ``sahel_extract.ingest.files`` does that, so each reader can be tested on a string.

Formats:
- ``.txt``/``.md``: optional front matter between ``---`` lines, or header lines (``title:``,
  ``published:``, ``url:``, ``source:``) before the first blank line; otherwise a short first line
  followed by a blank line is the title.
- ``.html``/``.htm``: body text and metadata through trafilatura (boilerplate removal).
- ``.json``: one article object (or a list of them); ``.jsonl``: one object per line. Field names of
  news-please (``title``, ``maintext``, ``date_publish``, ``url``, ``source_domain``) and plain ones
  (``text``, ``published``, ``url``, ``publisher``) are both accepted.
"""

from __future__ import annotations

import json
import re

from .article import Article, make_article
from .dates import parse_published

TEXT_FIELDS = ("maintext", "text", "body", "content", "article")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date_publish", "published", "date", "published_at", "pubdate", "datetime")
URL_FIELDS = ("url", "link", "canonical_url")
PUBLISHER_FIELDS = ("source_domain", "publisher", "source", "sitename", "outlet")
HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "url": "url",
    "source": "publisher",
    "publisher": "publisher",
}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")
MAX_TITLE_CHARS = 200


class ReadError(ValueError):
    """The content cannot be turned into an article; the message says why."""


def _require_text(text: str | None) -> str:
    if text is None or not text.strip():
        raise ReadError("empty article: no text")
    return text


def _parse_header(lines: list[str]) -> dict[str, str] | None:
    """Key/value header lines, or None if any line is not a known ``key: value`` pair."""
    meta: dict[str, str] = {}
    for line in lines:
        m = _HEADER_LINE.match(line)
        if not m or m.group(1).lower() not in HEADER_KEYS:
            return None
        meta[HEADER_KEYS[m.group(1).lower()]] = m.group(2).strip().strip("\"'")
    return meta


def read_text(content: str, path: str | None = None) -> list[Article]:
    """A plain-text or Markdown article with optional front matter or header block."""
    content = content.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = content.strip("\n").split("\n")
    meta: dict[str, str] = {}
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is not None:
            meta = _parse_header([ln for ln in lines[1:end] if ln.strip()]) or {}
            body_start = end + 1
    else:
        blank = next((i for i, ln in enumerate(lines) if not ln.strip()), len(lines))
        header = _parse_header(lines[:blank]) if blank > 0 else None
        if header:
            meta, body_start = header, blank + 1
    body = lines[body_start:]
    while body and not body[0].strip():
        body.pop(0)
    if "title" not in meta and len(body) > 2 and not body[1].strip():
        first = body[0].strip().lstrip("#").strip()
        if 0 < len(first) <= MAX_TITLE_CHARS:
            meta["title"] = first
            body = body[2:]
    text = _require_text("\n".join(body))
    return [
        make_article(
            text,
            title=meta.get("title"),
            url=meta.get("url"),
            publisher=meta.get("publisher"),
            published=parse_published(meta.get("published")),
            path=path,
        )
    ]


def read_html(content: str, path: str | None = None) -> list[Article]:
    """An HTML page: the article body and metadata, boilerplate removed by trafilatura."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(content, with_metadata=True, include_comments=False, favor_precision=False)
    if doc is None:
        raise ReadError("no article text found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = _require_text(data.get("text"))
    return [
        make_article(
            text,
            title=data.get("title"),
            url=data.get("url"),
            publisher=data.get("sitename") or data.get("hostname"),
            published=parse_published(data.get("date")),
            path=path,
        )
    ]


def _first(obj: dict, fields: tuple[str, ...]) -> object:
    for f in fields:
        value = obj.get(f)
        if value not in (None, ""):
            return value
    return None


def article_from_object(obj: object, path: str | None = None, line: int | None = None) -> Article:
    """One JSON object (news-please or plain fields) as an article."""
    if not isinstance(obj, dict):
        raise ReadError(f"expected a JSON object, found {type(obj).__name__}")
    text = _first(obj, TEXT_FIELDS)
    if text is not None and not isinstance(text, str):
        raise ReadError("the article text field is not a string")
    text = _require_text(text)
    title = _first(obj, TITLE_FIELDS)
    url = _first(obj, URL_FIELDS)
    publisher = _first(obj, PUBLISHER_FIELDS)
    return make_article(
        text,
        title=str(title) if title is not None else None,
        url=str(url) if url is not None else None,
        publisher=str(publisher) if publisher is not None else None,
        published=parse_published(_first(obj, DATE_FIELDS)),
        path=path,
        line=line,
    )


def read_json(content: str, path: str | None = None) -> list[Article]:
    """A ``.json`` file: one article object, or a list of them."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise ReadError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if isinstance(data, list):
        return [article_from_object(obj, path, i) for i, obj in enumerate(data, 1)]
    return [article_from_object(data, path)]


def read_json_line(line: str, path: str | None, number: int) -> Article:
    """One line of a ``.jsonl`` file."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ReadError(f"malformed JSON line: {exc.msg} at column {exc.colno}") from None
    return article_from_object(obj, path, number)


READERS = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
}
SUPPORTED_SUFFIXES = frozenset(READERS) | {".jsonl"}
