"""Ingest: every supported format, metadata, and bad input turned into error records."""

from __future__ import annotations

import datetime as dt
import json

from sahel_extract.ingest import iter_articles
from sahel_extract.ingest.readers import read_text
from sahel_extract.records import IngestError

BODY = "Gunmen killed four herders near Djibo on Tuesday, residents said."


def _split(items):
    arts = [i for i in items if not isinstance(i, IngestError)]
    errs = [i for i in items if isinstance(i, IngestError)]
    return arts, errs


def test_text_header_block():
    header = "title: Herders killed\npublished: 2025-03-04\nurl: https://x.example/a\nsource: Le Faso\n\n"
    [a] = read_text(header + BODY)
    assert (a.title, a.published, a.url, a.publisher, a.text) == (
        "Herders killed", dt.date(2025, 3, 4), "https://x.example/a", "Le Faso", BODY)


def test_markdown_front_matter_and_plain_title():
    [a] = read_text(f"---\ntitle: \"Attack in Djibo\"\npublished: 2025-03-04T10:00:00Z\n---\n\n{BODY}\n")
    assert a.title == "Attack in Djibo" and a.published == dt.date(2025, 3, 4) and a.text == BODY
    [b] = read_text(f"Attack in Djibo\n\n{BODY}\n\nSecond paragraph.")
    assert b.title == "Attack in Djibo" and b.text.startswith("Gunmen")


def test_id_is_a_stable_content_hash():
    [a] = read_text(f"T\n\n{BODY}\n\nMore.")
    [b] = read_text(f"T\r\n\r\n{BODY}\r\n\r\nMore.\r\n")
    assert a.id == b.id and len(a.id) == 16


def test_json_news_please_and_jsonl_plain(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"title": "T", "maintext": BODY, "date_publish": "2025-03-04 09:12:00",
                                                 "url": "https://x.example/a", "source_domain": "x.example"}))
    (tmp_path / "b.jsonl").write_text(json.dumps({"title": "U", "text": BODY, "published": "2025-03-05",
                                                  "publisher": "Wire"}) + "\n\n" + json.dumps({"text": BODY}) + "\n")
    arts, errs = _split(list(iter_articles(tmp_path)))
    assert not errs
    assert [(a.title, a.published, a.publisher, a.line) for a in arts] == [
        ("T", dt.date(2025, 3, 4), "x.example", None), ("U", dt.date(2025, 3, 5), "Wire", 1), (None, None, None, 3)]


def test_html_boilerplate_removed(tmp_path):
    page = ("<html><head><title>Attack in Djibo | Wire</title><meta property='article:published_time' "
            "content='2025-03-04'></head><body><nav><a href='/'>Home</a><a href='/s'>Sport</a></nav>"
            f"<article><h1>Attack in Djibo</h1><p>{BODY}</p><p>The army sent reinforcements to the town "
            "on Wednesday, a security source said, adding that the situation was calm.</p></article>"
            "<footer>Copyright 2025 Wire. All rights reserved. Cookie settings.</footer></body></html>")
    (tmp_path / "a.html").write_text(page)
    [a] = list(iter_articles(tmp_path))
    assert "Gunmen killed four herders" in a.text and "Copyright" not in a.text and "Sport" not in a.text
    assert a.published == dt.date(2025, 3, 4)


def test_bad_input_is_listed_and_the_run_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(f"Title\n\n{BODY}")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Attaque à Djibo, les habitants ont fui.".encode("latin-1"))
    (tmp_path / "empty.md").write_text("")
    (tmp_path / "lines.jsonl").write_text(json.dumps({"text": BODY}) + "\n" + '{"text": "truncated li\n')
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    arts, errs = _split(list(iter_articles(tmp_path)))
    assert len(arts) == 2
    reasons = {e.path.rsplit("/", 1)[-1] + (f"#{e.line}" if e.line else ""): e.reason for e in errs}
    assert set(reasons) == {"binary.txt", "latin1.txt", "empty.md", "lines.jsonl#2", "huge.txt", "image.png"}
    assert "binary" in reasons["binary.txt"]
    assert "invalid UTF-8" in reasons["latin1.txt"]
    assert "empty" in reasons["empty.md"]
    assert "malformed JSON" in reasons["lines.jsonl#2"]
    assert "over the" in reasons["huge.txt"]
    assert "unsupported file type" in reasons["image.png"]


def test_missing_path_is_an_error():
    [err] = list(iter_articles("/nonexistent/folder"))
    assert isinstance(err, IngestError) and "no such file" in err.reason
