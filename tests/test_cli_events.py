"""The command line of the events stage: ``run --events/--format``, ``events`` and ``report``.

The records come from the real pipeline run by ``sahel-extract run`` over short articles written here (fiction:
the outlets and the attacks are made up): two outlets tell one attack in Djibo with rival tolls, a third article
a week later tells a separate attack in Bani Bangou, and a late article retells the Djibo attack (the
incremental batch).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sahel_extract.cli import app

ARTICLES = [
    {"title": "Gunmen kill 12 soldiers in northern Burkina Faso",
     "text": "DJIBO, Burkina Faso, March 3 (Harmattan Wire) - Gunmen killed 12 soldiers in an attack on an army post "
             "in Djibo on Sunday, a security source said. The assailants came on motorbikes and set fire to two "
             "vehicles before fleeing towards the border.",
     "published": "2025-03-03", "publisher": "Harmattan Wire", "url": "https://harmattan.example/djibo-1"},
    {"title": "Djibo: the toll of Sunday's attack rises",
     "text": "The attack on the army post in Djibo on Sunday killed 15 soldiers, residents told our correspondent "
             "on Tuesday. Shops in the town stayed closed.",
     "published": "2025-03-04", "publisher": "Soum Express", "url": "https://soumexpress.example/djibo-toll"},
    {"title": "Market attack in western Niger",
     "text": "NIAMEY, Niger, May 12 (Harmattan Wire) - Armed men killed 9 civilians at the weekly market of Bani "
             "Bangou on Saturday, local officials said.",
     "published": "2025-05-12", "publisher": "Harmattan Wire", "url": "https://harmattan.example/banibangou"},
]
LATE = [
    {"title": "Djibo army post attack: survivors speak",
     "text": "Survivors of the attack on the army post in Djibo on March 2 said gunmen killed 15 soldiers and "
             "wounded 6 others.",
     "published": "2025-03-06", "publisher": "Burkina Evening", "url": "https://bkevening.example/djibo-survivors"},
]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def _flat(output: str) -> str:
    """The output without line breaks: rich wraps a long path (a test's temporary folder) at the terminal width."""
    return "".join(output.split())


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """One ``run --events`` over the first articles, one ``run`` over the late one."""
    root = tmp_path_factory.mktemp("cli_events")
    first = _invoke("run", _jsonl(root / "articles.jsonl", ARTICLES), "-o", root / "records.jsonl",
                    "--events", root / "run_events.jsonl", "-q")
    assert first.exit_code == 0, first.output
    late = _invoke("run", _jsonl(root / "late.jsonl", LATE), "-o", root / "late_records.jsonl", "-q")
    assert late.exit_code == 0, late.output
    return root


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _djibo(events: list[dict]) -> dict:
    (event,) = [e for e in events if e["place"]["name"] == "Djibo"]
    return event


def test_run_events_joins_the_two_tellings_of_one_attack(runs):
    records = _lines(runs / "records.jsonl")
    assert len(records) == 3
    events = _lines(runs / "run_events.jsonl")
    assert sorted(e["place"]["name"] for e in events) == ["Bani Bangou", "Djibo"]
    djibo = _djibo(events)
    assert [s["publisher"] for s in djibo["sources"]] == ["Harmattan Wire", "Soum Express"]
    assert djibo["date"]["value"] == "2025-03-02"
    killed = djibo["casualties"]["killed"]
    assert (killed["min"], killed["max"]) == (12, 15)  # rival sources span
    assert sorted(djibo["records"]) == sorted(r["id"] for r in records if r["place"]["name"] == "Djibo")


def test_events_command_is_deterministic_and_equals_run_events(runs, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert _invoke("events", runs / "records.jsonl", "-o", a, "-q").exit_code == 0
    assert _invoke("events", runs / "records.jsonl", "-o", b, "-q").exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() == (runs / "run_events.jsonl").read_bytes()
    assert (tmp_path / "a.jsonl.state.jsonl").is_file()


def test_existing_events_take_new_records_as_if_clustered_at_once(runs, tmp_path):
    at_once = tmp_path / "all.jsonl"
    assert _invoke("events", runs / "records.jsonl", runs / "late_records.jsonl", "-o", at_once, "-q").exit_code == 0
    first = tmp_path / "first.jsonl"
    assert _invoke("events", runs / "records.jsonl", "-o", first, "-q").exit_code == 0
    grown = tmp_path / "grown.jsonl"
    result = _invoke("events", runs / "late_records.jsonl", "--existing", first, "-o", grown, "-q")
    assert result.exit_code == 0, result.output
    assert grown.read_bytes() == at_once.read_bytes()
    before, after = _djibo(_lines(first)), _djibo(_lines(grown))
    assert after["id"] == before["id"]  # the late telling joined the event, which kept its id
    assert len(after["sources"]) == 3 and "Burkina Evening" in [s["publisher"] for s in after["sources"]]
    # the grown file can be grown again (its own state was written); the same records add nothing
    again = tmp_path / "again.jsonl"
    assert _invoke("events", runs / "late_records.jsonl", "--existing", grown, "-o", again, "-q").exit_code == 0
    assert again.read_bytes() == at_once.read_bytes()


def test_existing_without_its_state_is_a_clear_error(runs, tmp_path):
    lone = tmp_path / "lone.jsonl"
    lone.write_text("", encoding="utf-8")
    result = _invoke("events", runs / "records.jsonl", "--existing", lone, "-o", tmp_path / "x.jsonl")
    assert result.exit_code == 2
    assert "lone.jsonl.state.jsonl" in result.output
    assert not (tmp_path / "x.jsonl").exists()


def test_bad_lines_and_unreadable_files_are_reported_and_the_rest_goes_on(runs, tmp_path):
    broken = tmp_path / "broken.jsonl"
    good = (runs / "records.jsonl").read_text(encoding="utf-8").splitlines()
    broken.write_text("{not json\n" + good[0] + "\n[1, 2]\n" + "\n".join(good[1:]) + "\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    result = _invoke("events", broken, tmp_path / "missing.jsonl", tmp_path, "-o", out)
    assert result.exit_code == 1
    assert "missing.jsonl" in _flat(result.output) and "cannot read" in result.output
    assert out.read_bytes() == (runs / "run_events.jsonl").read_bytes()  # every good record was still clustered


def test_events_in_acled_format_one_row_per_event(runs, tmp_path):
    out = tmp_path / "events.csv"
    assert _invoke("events", runs / "records.jsonl", "--format", "acled", "-o", out, "-q").exit_code == 0
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2
    djibo = next(r for r in rows if r["location"] == "Djibo")
    assert djibo["event_date"] == "2025-03-02" and djibo["country"] == "Burkina Faso"
    assert djibo["fatalities"] == "12"  # ACLED: the most conservative of the reported figures
    assert "Harmattan Wire" in djibo["source"] and "Soum Express" in djibo["source"]


def test_run_in_acled_format_one_row_per_record(runs, tmp_path):
    out = tmp_path / "records.csv"
    result = _invoke("run", runs / "articles.jsonl", "-o", out, "--format", "acled", "-q")
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["fatalities"] for r in rows) == ["12", "15", "9"]
    assert {"event_date", "event_type", "sub_event_type", "interaction", "geo_precision"} <= set(rows[0])


def test_unknown_formats_are_refused(runs, tmp_path):
    assert _invoke("events", runs / "records.jsonl", "--format", "xml", "-o", tmp_path / "e").exit_code == 2
    assert _invoke("run", runs / "articles.jsonl", "--format", "xml", "-o", tmp_path / "r").exit_code == 2


def test_report_of_events_and_records(runs, tmp_path):
    out = tmp_path / "report.html"
    result = _invoke("report", runs / "run_events.jsonl", runs / "late_records.jsonl", "-o", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and "Bani Bangou" in html and "Burkina Evening" in html
    assert "3 events or records" in result.output
    missing = _invoke("report", runs / "run_events.jsonl", tmp_path / "nope.jsonl", "-o", tmp_path / "r2.html")
    assert missing.exit_code == 1 and "nope.jsonl" in _flat(missing.output)
    assert (tmp_path / "r2.html").is_file()
