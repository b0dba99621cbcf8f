"""The HTML report: hand-made events and records (unit tests), and the report of data/raw in headless Chromium.

The browser test renders the records of data/raw with Debian's Chromium, the network blocked, and checks the
DOM after the page's script ran: country outlines and event circles on the map, blocks on the timeline, one
table row per event, and selection from the URL fragment. It skips when Chromium is not installed. Set
SAHEL_EXTRACT_SCREENSHOT=docs/report.png to keep its screenshot (that is how docs/report.png is made).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from sahel_extract.report import build_report, write_report

ROOT = Path(__file__).resolve().parents[1]
SAHEL = ("ML", "BF", "NE", "NG", "TD", "BJ", "TG", "MR")


def event(eid="ev1", place="Boulkessi", lat=14.8, lon=-1.3, killed=(31, None), kind="jihadist", day="2025-06-01",
          mention="Jama'a Nusrat ul-Islam wa al-Muslimin (JNIM)", url="https://news.example/boulkessi", **extra):
    data = {
        "id": eid, "event_type": "attack",
        "actor": {"name": "JNIM", "kind": kind, "mention": mention, "affiliation": "al-Qaeda", "claimed": True},
        "target": {"category": "military", "mention": "Malian soldiers"},
        "place": {"name": place, "admin1": "Mopti", "admin2": None, "country": "Mali", "country_code": "ML",
                  "lat": lat, "lon": lon, "precision": "exact"},
        "date": {"value": day, "earliest": day, "latest": day, "precision": "day"},
        "casualties": {"killed": {"min": killed[0], "max": killed[1]} if killed else None,
                       "wounded": {"min": 4, "max": 4}, "abducted": None, "attackers_killed": None},
        "records": [f"{eid}-r1", f"{eid}-r2"],
        "sources": [
            {"record_id": f"{eid}-r1", "article_id": "a1", "url": url, "title": "Camp attacked", "publisher": "Wire",
             "published": "2025-06-02", "attributed_to": ["army"], "casualties": {"killed": {"min": 31, "max": None}},
             "evidence": [{"text": "Over 30 soldiers were killed in the attack on the camp.", "start": 0, "end": 55}]},
            {"record_id": f"{eid}-r2", "article_id": "a2", "url": None, "title": "Second report", "publisher": None,
             "published": None, "attributed_to": [], "casualties": {"killed": 40},
             "evidence": [{"text": "Locals said 40 died.", "start": 10, "end": 30}]},
        ],
    }
    data.update(extra)
    return data


def record(rid="rec1", lat=11.65, lon=13.42):
    return {
        "id": rid, "event_type": "suicide_bombing",
        "actor": {"name": "Boko Haram", "kind": "jihadist", "mention": "Boko Haram"},
        "target": {"category": "civilians", "mention": "worshippers"},
        "place": {"name": "Konduga", "admin1": "Borno", "country": "Nigeria", "country_code": "NG", "lat": lat,
                  "lon": lon, "precision": "exact"},
        "date": {"value": "2025-08-16", "earliest": "2025-08-16", "latest": "2025-08-16", "precision": "day"},
        "casualties": {"killed": {"min": 7, "max": 7, "mention": "killing seven worshippers"},
                       "reports": [{"outcome": "killed", "min": 7, "max": 7, "who": "civilians",
                                    "mention": "killing seven worshippers", "attributed_to": "police"}]},
        "source": {"article_id": "art9", "url": "https://wire.example/konduga", "title": "Mosque bombing",
                   "publisher": "Sahel Wire", "published": "2025-08-17", "attributed_to": ["police"]},
        "evidence": [{"text": "A suicide bomber blew himself up at a mosque in Konduga.", "start": 5, "end": 60}],
        "confidence": 0.9,
    }


def rows(html: str) -> list[str]:
    return re.findall(r'<tr id="row-(e\d+)"', html)


def test_table_has_one_row_per_event_with_its_values():
    html = build_report([event("a", "Boulkessi"), event("b", "Djibo", lat=14.1, lon=-1.63, killed=(10, 25),
                                                        day="2025-05-01")])
    assert rows(html) == ["e1", "e2"]  # sorted by date: Djibo first
    row1 = html[html.index('<tr id="row-e1"'):html.index("</tr>", html.index('<tr id="row-e1"'))]
    assert "Djibo" in row1 and "10–25" in row1 and "Mopti" in row1 and "Mali" in row1 and ">2<" in row1
    assert "≥31" in html and 'data-v="31"' in html
    for col in ("Date", "Place", "Admin1", "Country", "Actor", "Event type", "Killed", "Wounded", "Abducted",
                "Sources"):
        assert f'<button type="button">{col}</button>' in html
    assert 'id="filter"' in html and 'id="kindsel"' in html


def test_sources_with_evidence_links_and_their_own_toll():
    html = build_report([event()])
    assert '<a class="src-link" href="https://news.example/boulkessi"' in html
    assert "Over 30 soldiers were killed in the attack on the camp." in html
    assert "this source's toll: killed ≥31" in html and "this source's toll: killed 40" in html
    assert "Wire, 2025-06-02" in html


def test_text_from_records_is_escaped():
    evil = event(mention='<script>alert("x")</script>', place='<img src=x onerror="alert(1)">',
                 url="javascript:alert(1)")
    evil["sources"][0]["evidence"][0]["text"] = '"><script>alert(2)</script>'
    html = build_report([evil], title="<b>report</b>")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>report</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html
    assert html.count("<script>") == 1  # the page's own script


def test_same_input_same_bytes_in_any_order():
    items = [event("a"), event("b", "Djibo", day="2025-05-01"), record()]
    first = build_report(items)
    assert build_report(items) == first
    assert build_report(list(reversed(items))) == first


def test_no_external_resources():
    html = build_report([event(), record()])
    assert not re.search(r"<script[^>]+src|<link\b|<iframe|<img\b|@import|url\(", html)
    urls = set(re.findall(r"https?://[^\s\"'<>]+", html))
    assert urls == {"https://news.example/boulkessi", "https://wire.example/konduga"}


def test_record_is_a_one_source_event():
    html = build_report([record()])
    assert rows(html) == ["e1"]
    assert "Sources (1)" in html and "Mosque bombing" in html and "Sahel Wire, 2025-08-17" in html
    assert "killed 7 (civilians)" in html and "according to police" in html
    assert "1 record from 1 article" in html


def test_events_and_records_mixed_and_unplaced_listed_apart():
    html = build_report([event(), record("r2", lat=None, lon=None)])
    assert len(rows(html)) == 2
    assert html.count('<circle class="ev') == 1
    unplaced = html[html.index('<div id="unplaced">'):]
    assert "Konduga" in unplaced[:unplaced.index("</div>")] and "no coordinates" in unplaced


def test_map_has_the_base_map_and_sized_coloured_circles():
    html = build_report([event("a", killed=(2, 2)), event("b", "Djibo", lat=14.1, lon=-1.63, killed=(10, 60),
                                                            kind="state_forces")])
    for iso in SAHEL:
        assert f'<path class="country sahel" data-iso="{iso}"' in html
    circles = re.findall(r'<circle class="ev[^"]*" data-key="(e\d)" data-kind="(\w+)"[^>]* r="([\d.]+)"', html)
    by_key = {k: (kind, float(r)) for k, kind, r in circles}
    assert by_key["e1"][0] == "jihadist" and by_key["e2"][0] == "state_forces"  # same day: Boulkessi, Djibo
    assert by_key["e2"][1] > by_key["e1"][1]  # 60 killed (upper bound) against 2
    assert "#d55e00" in html and "#0072b2" in html and "foreign forces" in html  # colours and legend


def test_timeline_blocks_per_dated_event():
    html = build_report([event("a"), event("b", day="2025-07-20"), event("c", day=None, date=None)])
    assert html.count('<rect class="ev') == 2
    assert "1 event without a date is not on the timeline" in html


def test_empty_input():
    html = build_report([])
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert rows(html) == [] and "No events." in html and "No dated events." in html


def test_missing_keys_nulls_and_wrong_types_are_tolerated():
    items = [
        {"id": "x", "records": None, "sources": [None, {"casualties": {"killed": 5}, "evidence": ["bare text"]}]},
        {"evidence": [], "source": None, "casualties": None, "place": None, "date": None, "actor": None},
        {"records": [], "sources": [], "casualties": {"killed": {"min": "a"}}, "place": {"lat": "nan", "lon": 400},
         "date": {"value": "not a date"}, "actor": {"kind": "aliens"}},
        "not a dict", None,
    ]
    html = build_report(items)
    assert len(rows(html)) == 3
    assert "bare text" in html and "killed 5" in html and "not stated" in html
    assert html.count('<circle class="ev') == 0


def test_pydantic_records_are_accepted():
    from sahel_extract.records import AttackRecord

    html = build_report([AttackRecord.model_validate(record())])
    assert rows(html) == ["e1"] and "Konduga" in html


def test_write_report_is_atomic(tmp_path):
    out = write_report([event()], tmp_path / "sub" / "report.html")
    assert out == tmp_path / "sub" / "report.html"
    assert out.read_text(encoding="utf-8") == build_report([event()])
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]


# ---- the real page in a real browser ----

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-extensions", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
                  "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


PROBE = """
(function () {
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("#events tbody tr[data-key]")); }
  function shown() { return rows().filter(function (r) { return !r.hidden; }).length; }
  function keys(sel) {
    var all = document.querySelectorAll(sel);
    return Array.prototype.map.call(all, function (e) { return e.getAttribute("data-key"); });
  }
  function killed() { return rows().map(function (r) { return r.cells[6].getAttribute("data-v"); }); }
  var out = {}, head = document.querySelectorAll("#events thead th button")[6], sel = document.querySelector("tr.sel");
  out.initial_row = sel && sel.getAttribute("data-key");
  out.initial_detail = document.getElementById("detail").textContent;
  head.click(); out.asc = killed(); head.click(); out.desc = killed();
  var f = document.getElementById("filter"), s = document.getElementById("kindsel");
  f.value = "konduga"; f.dispatchEvent(new Event("input"));
  out.konduga = rows().filter(function (r) { return !r.hidden; })
    .map(function (r) { return r.getAttribute("data-key"); });
  out.konduga_place = rows().filter(function (r) { return r.cells[1].textContent === "Konduga"; })
    .map(function (r) { return r.getAttribute("data-key"); });
  out.lit = keys("#map .ev:not(.dim)"); out.circles = keys("#map .ev");
  f.value = ""; f.dispatchEvent(new Event("input"));
  s.value = "state_forces"; s.dispatchEvent(new Event("change")); out.state_forces = shown();
  s.value = ""; s.dispatchEvent(new Event("change")); out.all = shown();
  var c = document.querySelector("#map circle.ev"), tip = document.getElementById("tip");
  c.dispatchEvent(new MouseEvent("mouseenter", { clientX: 200, clientY: 200 }));
  out.tip_hidden = tip.hidden; out.tip_text = tip.textContent;
  out.tip = document.getElementById("row-" + c.getAttribute("data-key")).cells[1].textContent;
  c.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  out.clicked = c.getAttribute("data-key");
  out.selected_row = document.querySelector("#events tr.sel").getAttribute("data-key");
  out.detail = document.getElementById("detail").textContent;
  out.viewbox = document.getElementById("map").getAttribute("viewBox");
  document.querySelector('.zoom button[data-zoom="in"]').click();
  out.viewbox_zoomed = document.getElementById("map").getAttribute("viewBox");
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")


def run_chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, HOME=str(profile), XDG_CONFIG_HOME=str(profile), XDG_CACHE_HOME=str(profile))
    return subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=60, env=env, check=False)


def test_report_of_data_raw_in_headless_chromium(pipeline, tmp_path, monkeypatch):
    browser = chromium()
    monkeypatch.chdir(ROOT)  # source paths as the command line writes them: data/raw/...
    records = [r.to_json_dict() for r in pipeline.run("data/raw")]
    assert records
    path = write_report(records, tmp_path / "report.html", title="sahel-extract: data/raw")
    assert path.stat().st_size < 400_000
    located = sum(r["place"].get("lat") is not None and r["place"].get("lon") is not None for r in records)
    dated = sum(bool(r["date"].get("value") or r["date"].get("earliest") or r["date"].get("latest"))
                for r in records)

    # one load of the page (plus a probe script that sorts, filters, hovers, clicks and zooms) with #card-e2
    probe = tmp_path / "probe.html"
    probe.write_text(path.read_text(encoding="utf-8").replace("</body>", f"<script>{PROBE}</script></body>"),
                     encoding="utf-8")
    page = run_chromium(browser, tmp_path / "profile", "--virtual-time-budget=2000", "--dump-dom",
                        probe.as_uri() + "#card-e2")
    dom = page.stdout
    assert page.returncode == 0 and 'data-ready="1"' in dom[:300], page.stderr[-2000:]
    # the map drew: outlines of the Sahel and its neighbours, one circle per located event
    for iso in SAHEL:
        assert f'data-iso="{iso}"' in dom
    assert len(re.findall(r'<path class="country', dom)) >= 20
    circles = re.findall(r'<circle class="ev[^"]*"[^>]*>(.*?)</circle>', dom)
    assert len(circles) == located
    assert all("<title>" not in c for c in circles)  # the script took the summaries into its tooltips
    # the timeline drew one block per dated event; the table has one row per event
    assert len(re.findall(r'<rect class="ev', dom)) == dated
    assert len(re.findall(r'<tr id="row-e\d+"', dom)) == len(records)
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, page.stderr[-2000:]
    got = json.loads(unescape(found.group(1)))
    # the URL fragment selected the second event: its row was marked and its card filled the detail panel
    assert got["initial_row"] == "e2" and "Sources (1)" in got["initial_detail"]
    for order, descending in (("asc", False), ("desc", True)):  # figures in order, events without one last
        figures = [v for v in got[order] if v != ""]
        assert figures and figures == sorted(figures, key=float, reverse=descending)
        assert got[order][len(figures):] == [""] * (len(records) - len(figures))
    # "konduga" finds the Konduga bombing and what else its article reports; the map dims the rest
    assert len(got["konduga_place"]) == 1 and set(got["konduga_place"]) <= set(got["konduga"])
    assert len(got["konduga"]) < len(records) and set(got["lit"]) == set(got["konduga"]) & set(got["circles"])
    assert got["state_forces"] == sum((r["actor"].get("kind") == "state_forces") for r in records)
    assert got["all"] == len(records)
    assert not got["tip_hidden"] and got["tip"] in got["tip_text"]
    assert got["selected_row"] == got["clicked"] and "Sources (1)" in got["detail"]
    assert got["viewbox_zoomed"] != got["viewbox"]

    shot = tmp_path / "report.png"
    run_chromium(browser, tmp_path / "profile2", "--window-size=1400,1000", "--virtual-time-budget=2000",
                 f"--screenshot={shot}", path.as_uri() + "#e2")
    assert shot.exists() and shot.stat().st_size > 20_000
    if target := os.environ.get("SAHEL_EXTRACT_SCREENSHOT"):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)
