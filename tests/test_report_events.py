"""``sahel-extract events`` then ``sahel-extract report`` on data/raw, rendered in headless Chromium, offline.

The network is off for the browser (every host name resolves to nothing and every request goes to a dead
proxy), so the page draws only what it carries. Skipped when Chromium is not installed. Set
SAHEL_EXTRACT_SCREENSHOT=docs/report.png to keep the screenshot (that is how docs/report.png is made).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from test_report import SAHEL, chromium, run_chromium
from typer.testing import CliRunner

from sahel_extract.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_report_of_the_events_of_data_raw_draws_offline(pipeline, tmp_path, monkeypatch):
    browser = chromium()  # skips cleanly without Chromium
    monkeypatch.chdir(ROOT)
    records = tmp_path / "attacks.jsonl"
    records.write_text("".join(json.dumps(r.to_json_dict(), ensure_ascii=False) + "\n"
                               for r in pipeline.run("data/raw") if hasattr(r, "to_json_dict")), encoding="utf-8")
    events_path, page_path = tmp_path / "events.jsonl", tmp_path / "report.html"
    runner = CliRunner()
    done = runner.invoke(app, ["events", str(records), "-o", str(events_path), "-q"], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    done = runner.invoke(app, ["report", str(events_path), "-o", str(page_path), "--title", "data/raw events"],
                         catch_exceptions=False)
    assert done.exit_code == 0, done.output
    events = [json.loads(line) for line in events_path.read_text(encoding="utf-8").splitlines()]
    n_records = len(records.read_text(encoding="utf-8").splitlines())
    assert events and sum(len(e["records"]) for e in events) == n_records
    html = page_path.read_text(encoding="utf-8")
    # nothing to fetch (scripts, styles and the map are inline); links to the sources' articles are only links
    assert not re.search(r'\bsrc="|<link\b|@import|url\((?!#)', html)
    assert 'href="https://' in html

    page = run_chromium(browser, tmp_path / "profile", "--virtual-time-budget=2000", "--dump-dom",
                        page_path.as_uri())
    dom = page.stdout
    assert page.returncode == 0 and 'data-ready="1"' in dom[:300], page.stderr[-2000:]
    # the map: the outlines of the Sahel, and one circle per located event
    for iso in SAHEL:
        assert f'data-iso="{iso}"' in dom
    located = sum(e["place"].get("lat") is not None and e["place"].get("lon") is not None for e in events)
    assert located and len(re.findall(r'<circle class="ev[^"]*"', dom)) == located
    # the timeline: one block per dated event; the table: one row per event, its sources listed
    dated = sum(bool(e["date"].get("value") or e["date"].get("earliest") or e["date"].get("latest"))
                for e in events)
    assert dated and len(re.findall(r'<rect class="ev', dom)) == dated
    assert len(re.findall(r'<tr id="row-e\d+"', dom)) == len(events)
    most = max(events, key=lambda e: len(e["sources"]))
    assert f"Sources ({len(most['sources'])})" in dom

    shot = tmp_path / "report.png"
    run_chromium(browser, tmp_path / "profile2", "--window-size=1400,1000", "--virtual-time-budget=2000",
                 f"--screenshot={shot}", page_path.as_uri() + "#e1")
    assert shot.exists() and shot.stat().st_size > 20_000
    if target := os.environ.get("SAHEL_EXTRACT_SCREENSHOT"):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)
