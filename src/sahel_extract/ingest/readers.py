"""Readers: one function per file format, from decoded file content to article fields.

In: the decoded text of one file (or one JSONL line) and its path. Out: a list of ``Article`` objects
(for a JSON list, ``ReadError`` items with their item number beside them for the elements that are not
articles), or a ``ReadError`` raised with a reason a user can act on. Readers never touch the file system; the
walker in ``sahel_extract.ingest.files`` does that, so each reader can be tested on a string.

Formats:
- ``.txt``/``.md``: optional front matter between ``---`` lines, or header lines (``title:``,
  ``published:``, ``url:``, ``source:``) before the first blank line; otherwise a short first line
  followed by a blank line is the title.
- ``.html``/``.htm``: body text and metadata through trafilatura (boilerplate removal).
- ``.json``: one article object (or a list of them); ``.jsonl``: one object per line. Field names of
  news-please (``title``, ``maintext``, ``date_publish``, ``url``, ``source_domain``) and plain ones
  (``text``, ``published``, ``url``, ``publisher``) are both accepted.

Hostile content: HTML is parsed by libxml2's HTML parser (through trafilatura), which reads no DTD,
expands no entity declarations and opens no network connection; the internal DTD subset of a page
(``<!DOCTYPE x [<!ENTITY ...>]>``, the carrier of "billion laughs" and external-entity attacks) is cut
out before parsing, and a page of more than ``MAX_HTML_ELEMENTS`` elements is refused rather than
handed to an extractor whose time grows faster than the page. JSON nested too deeply for the parser,
non-finite numbers (``NaN``, ``Infinity``, ``1e999``), integers too long to convert and values of the
wrong type are errors for the article text and ignored for metadata; lone surrogates (``"\\ud800"``)
become U+FFFD and control characters are dropped, so every text can be written as UTF-8.
"""

from __future__ import annotations

import datetime as dt
import json
import math
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
MAX_DATE_CHARS = 100  # a longer "date" is not one, and dateparser's time grows with the string
MAX_ITEM_ERRORS = 1_000  # error records per .json list or .jsonl file; the rest are counted in one more
MAX_HTML_ELEMENTS = 20_000  # trafilatura's time grows faster than linearly beyond this (seconds per page)
FAST_HTML_ELEMENTS = 5_000  # above this, no fallback extractors (readability, jusText): their cost is quadratic
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WORD = re.compile(r"[^\W_]")  # a letter or a digit, in any script
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE\b[^>\[]{0,1000}\[", re.I)
_SUBSET_END = re.compile(r"\]\s*>")


class ReadError(ValueError):
    """The content cannot be turned into an article; the message says why. ``line`` is the item
    (a line of a JSONL file, an element of a JSON list) when one item of many fails."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def clean_text(text: str) -> str:
    """Text that can always be written as UTF-8 and holds no control characters: lone surrogates become
    U+FFFD, vertical tabs and form feeds line breaks, other C0/C1 controls (NUL, ESC, ...) are dropped."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "", text)


def _require_text(text: str | None) -> str:
    text = clean_text(text) if text is not None else None
    if text is None or not text.strip():
        raise ReadError("empty article: no text")
    if not _WORD.search(text):  # '"', '...', '— —': nothing to read (and spaCy's shadow Doc cannot be empty)
        raise ReadError("empty article: no words (not one letter or digit)")
    return text


def _published(value: object) -> dt.date | None:
    """The publication date of a metadata value, or ``None``: odd values cost the date, never the article."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = clean_text(str(value)).strip()
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    try:
        return parse_published(text)
    except Exception:  # dateparser raising (OverflowError, ValueError...) on a strange string
        return None


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
            title=_string(meta.get("title")),
            url=_string(meta.get("url")),
            publisher=_string(meta.get("publisher")),
            published=_published(meta.get("published")),
            path=path,
        )
    ]


def strip_internal_dtd(content: str) -> str:
    """The page without the internal subset of its DOCTYPE (``<!DOCTYPE x [ <!ENTITY ...> ]>``).

    libxml2's HTML parser neither expands nor fetches the entities declared there, but it leaves
    ``]>`` in the text and, for a DOCTYPE not naming html, trafilatura rejects the page; HTML has no use
    for the subset, which exists in the wild only as an XML attack ("billion laughs", XXE). Linear time:
    one bounded search for the DOCTYPE in the first 64 KB, one search for its end."""
    m = _DOCTYPE_SUBSET.search(content, 0, 65536)
    if not m:
        return content
    end = _SUBSET_END.search(content, m.end())
    if not end:
        return content
    return content[:m.start()] + content[end.end():]


def read_html(content: str, path: str | None = None) -> list[Article]:
    """An HTML page: the article body and metadata, boilerplate removed by trafilatura."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    tags = content.count("<")  # an element needs one: a cheap bound before lxml spends 300 bytes on each
    if tags > 8 * MAX_HTML_ELEMENTS:
        raise ReadError(f"HTML page of {tags:,} tags is over the {MAX_HTML_ELEMENTS:,}-element limit")
    try:
        tree = trafilatura.load_html(strip_internal_dtd(content))
        if tree is None:
            raise ReadError("not an HTML page (no html element the parser could read)")
        elements = sum(1 for _ in tree.iter())
        if elements > MAX_HTML_ELEMENTS:
            raise ReadError(f"HTML page of {elements:,} elements is over the {MAX_HTML_ELEMENTS:,}-element limit")
        doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, favor_precision=False,
                                          fast=elements > FAST_HTML_ELEMENTS)
    except ReadError:
        raise
    except Exception as exc:  # the parser or the extractor failing on hostile input (RecursionError...)
        raise ReadError(f"could not parse the HTML: {type(exc).__name__}: {exc}") from None
    if doc is None:
        raise ReadError("no article text found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = _require_text(data.get("text"))
    return [
        make_article(
            text,
            title=_string(data.get("title")),
            url=_string(data.get("url")),
            publisher=_string(data.get("sitename")) or _string(data.get("hostname")),
            published=_published(data.get("date")),
            path=path,
        )
    ]


class _NotANumber:
    """A JSON number Python cannot hold as a finite value (``NaN``, ``Infinity``, ``1e999``, 5,000 digits)."""

    __slots__ = ("literal",)

    def __init__(self, literal: str):
        self.literal = literal if len(literal) <= 20 else literal[:17] + "..."

    def __repr__(self) -> str:
        return self.literal


def _parse_float(literal: str) -> float | _NotANumber:
    value = float(literal)
    return value if math.isfinite(value) else _NotANumber(literal)


def _parse_int(literal: str) -> int | _NotANumber:
    return int(literal) if len(literal) < 4000 else _NotANumber(literal)  # int() refuses 4,300+ digits


_DECODER = json.JSONDecoder(parse_float=_parse_float, parse_int=_parse_int, parse_constant=_NotANumber)


def loads(content: str, what: str = "JSON") -> object:
    """``json.loads`` that raises only ``ReadError``: malformed text, nesting deeper than Python's parser
    can follow, and numbers that are not finite become reasons, never other exceptions."""
    try:
        return _DECODER.decode(content)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if what == "JSON" else f"column {exc.colno}"
        msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg  # "Invalid control character at"
        raise ReadError(f"malformed {what}: {msg} at {where}") from None
    except RecursionError:
        raise ReadError(f"malformed {what}: nested too deeply to parse") from None
    except (ValueError, OverflowError, MemoryError) as exc:
        raise ReadError(f"malformed {what}: {exc}") from None


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _NotANumber):
        return f"a number that is not finite ({value.literal})"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _string(value: object) -> str | None:
    """A metadata value as text: strings (cleaned) and finite numbers; other types are ignored."""
    if isinstance(value, str):
        return clean_text(value).strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _first(obj: dict, fields: tuple[str, ...]) -> str | None:
    for f in fields:
        value = _string(obj.get(f))
        if value:
            return value
    return None


def article_from_object(obj: object, path: str | None = None, line: int | None = None) -> Article:
    """One JSON object (news-please or plain fields) as an article."""
    if not isinstance(obj, dict):
        raise ReadError(f"expected a JSON object (an article), found {_describe(obj)}", line)
    text = next((obj[f] for f in TEXT_FIELDS if isinstance(obj.get(f), str) and obj[f].strip()), None)
    if text is None:
        wrong = next((f for f in TEXT_FIELDS if obj.get(f) is not None and not isinstance(obj[f], str)), None)
        if wrong is not None:
            raise ReadError(f"the article text field {wrong!r} holds {_describe(obj[wrong])}, not a string", line)
        if not any(f in obj for f in TEXT_FIELDS):
            raise ReadError(f"no article text: none of the fields {', '.join(TEXT_FIELDS)}", line)
    try:
        text = _require_text(text)
    except ReadError as exc:
        raise ReadError(str(exc), line) from None
    date = next((obj[f] for f in DATE_FIELDS if isinstance(obj.get(f), (str, int)) and not isinstance(obj[f], bool)
                 and str(obj[f]).strip()), None)
    return make_article(
        text,
        title=_first(obj, TITLE_FIELDS),
        url=_first(obj, URL_FIELDS),
        publisher=_first(obj, PUBLISHER_FIELDS),
        published=_published(date),
        path=path,
        line=line,
    )


def read_json(content: str, path: str | None = None) -> list[Article | ReadError]:
    """A ``.json`` file: one article object, or a list of them. In a list, each item that is not an
    article is a ``ReadError`` (with its item number) beside the articles of the others; at most
    ``MAX_ITEM_ERRORS`` of them, the rest summed up in one."""
    data = loads(content)
    if not isinstance(data, list):
        return [article_from_object(data, path)]
    if not data:
        raise ReadError("empty JSON list: no articles")
    items: list[Article | ReadError] = []
    failed = 0
    for i, obj in enumerate(data, 1):
        try:
            items.append(article_from_object(obj, path, i))
        except ReadError as exc:
            failed += 1
            if failed <= MAX_ITEM_ERRORS:
                items.append(exc)
    if failed > MAX_ITEM_ERRORS:
        items.append(ReadError(f"{failed - MAX_ITEM_ERRORS:,} more items of the list are not articles "
                               f"({failed:,} of {len(data):,} in all)"))
    return items


def read_json_line(line: str, path: str | None, number: int) -> Article:
    """One line of a ``.jsonl`` file."""
    return article_from_object(loads(line, "JSON line"), path, number)


READERS = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
}
SUPPORTED_SUFFIXES = frozenset(READERS) | {".jsonl"}
