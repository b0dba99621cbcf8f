"""The run job (``sahel_extract.job``): the journal, resume after a kill, incremental re-runs, atomic outputs."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sahel_extract.job import StateMismatch, run_job, state_path_for

TOWNS = ["Djibo", "Dori", "Ménaka", "Gao", "Tillabéri", "Diffa", "Arbinda", "Gorom-Gorom", "Bandiagara", "Ansongo",
         "Kaya", "Fada N'Gourma", "Ouallam", "Bankilaré", "Tessit", "Kidal"]
VICTIMS = ["villagers", "soldiers", "civilians", "traders", "gendarmes", "herders"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _article(i: int) -> dict:
    town, victims, day = TOWNS[i % len(TOWNS)], VICTIMS[i % len(VICTIMS)], DAYS[i % len(DAYS)]
    text = (f"Gunmen on motorbikes killed {3 + i % 17} {victims} near {town} on {day}, local officials said.\n\n"
            f"Residents said the attackers also wounded {1 + i % 5} people before fleeing. (Dispatch {i}.)")
    return {"title": f"{3 + i % 17} {victims} killed near {town}", "text": text, "published": "2025-03-1" + str(i % 9),
            "url": f"https://news.example/{i}"}


def _corpus(folder: Path, n_jsonl: int = 60, n_files: int = 8) -> Path:
    """A folder of articles: one JSONL shard (with a malformed line and a repeated article), single files."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(_article(i)) for i in range(n_jsonl)]
    lines.insert(7, "{not json")
    lines.insert(20, lines[3])  # the same article twice: processed once
    (folder / "a_shard.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for k in range(n_files):
        a = _article(1000 + k)
        (folder / f"b_{k:02d}.txt").write_text(f"Title: {a['title']}\nDate: {a['published']}\n\n{a['text']}\n",
                                             encoding="utf-8")
    (folder / "c_empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(tmp_path_factory, request):
    """An uninterrupted run over the corpus, in process, with the rules-only pipeline."""
    blank = request.getfixturevalue("blank_pipeline")
    root = tmp_path_factory.mktemp("job")
    corpus = _corpus(root / "in")
    out = root / "ref" / "attacks.jsonl"
    summary = run_job(blank, [corpus], out)
    return corpus, out, summary


def test_a_run_writes_records_errors_and_a_journal(reference):
    corpus, out, summary = reference
    assert summary.articles == 60 + 8
    assert summary.skipped == 1  # the repeated article
    assert summary.errors == 2  # the malformed line and the empty file
    assert summary.records == len(out.read_text(encoding="utf-8").splitlines()) >= 60
    errors = [json.loads(line) for line in out.with_name("attacks.errors.jsonl").read_text().splitlines()]
    assert [(Path(e["path"]).name, e["line"]) for e in errors] == [("a_shard.jsonl", 8), ("c_empty.txt", None)]
    assert state_path_for(out).exists()
    assert not list(out.parent.glob(".*.tmp"))  # no temporary file left


def test_resume_after_a_complete_run_does_nothing_and_keeps_the_output(reference, blank_pipeline, tmp_path):
    corpus, out, _ = reference
    copy = tmp_path / "attacks.jsonl"
    first = run_job(blank_pipeline, [corpus], copy)
    again = run_job(blank_pipeline, [corpus], copy, resume=True)
    assert again.articles == 0 and again.skipped_files == 10
    assert copy.read_bytes() == out.read_bytes() and first.records == again.records


def test_a_grown_archive_processes_only_the_new_articles(reference, blank_pipeline, tmp_path):
    corpus, _, _ = reference
    folder = _corpus(tmp_path / "in", n_jsonl=20, n_files=3)
    out = tmp_path / "out" / "attacks.jsonl"
    before = run_job(blank_pipeline, [folder], out)
    old = out.read_text(encoding="utf-8").splitlines()
    with (folder / "a_shard.jsonl").open("a", encoding="utf-8") as fh:  # the shard grows
        fh.writelines(json.dumps(_article(500 + i)) + "\n" for i in range(5))
    (folder / "d_new.txt").write_text("Title: New\n\n" + _article(777)["text"] + "\n", encoding="utf-8")
    after = run_job(blank_pipeline, [folder], out, resume=True)
    assert after.articles == 6  # five new lines and the new file; the old lines are skipped by content
    assert after.skipped_files == 3 + 1  # the unchanged single files and the empty one
    new = out.read_text(encoding="utf-8").splitlines()
    assert new[:len(old)] == old and len(new) > len(old) and before.records == len(old)


def test_a_journal_from_other_settings_is_refused(reference, blank_pipeline, tmp_path):
    corpus, _, _ = reference
    out = tmp_path / "attacks.jsonl"
    run_job(blank_pipeline, [corpus / "b_00.txt"], out)
    other = type(blank_pipeline)(settings=blank_pipeline.settings.replace(attacks={"near_km": 10}))
    with pytest.raises(StateMismatch):
        run_job(other, [corpus / "b_00.txt"], out, resume=True)
    run_job(other, [corpus / "b_00.txt"], out)  # without --resume it starts again


def test_a_crash_inside_the_run_resumes_to_the_same_bytes(reference, blank_pipeline, tmp_path, monkeypatch):
    """An exception after some articles (the in-process image of a kill), then --resume."""
    corpus, ref, _ = reference
    out = tmp_path / "attacks.jsonl"
    from sahel_extract import job as job_module

    calls = {"n": 0}
    real = job_module.Journal.add_article

    def failing(self, result):
        calls["n"] += 1
        if calls["n"] == 25:
            raise KeyboardInterrupt
        real(self, result)

    monkeypatch.setattr(job_module.Journal, "add_article", failing)
    with pytest.raises(KeyboardInterrupt):
        run_job(blank_pipeline, [corpus], out)
    assert not out.exists()  # nothing half-written
    monkeypatch.setattr(job_module.Journal, "add_article", real)
    with state_path_for(out).open("a", encoding="utf-8") as fh:
        fh.write('{"kind": "article", "hash": "ab')  # and a line cut short by the kill
    resumed = run_job(blank_pipeline, [corpus], out, resume=True)
    assert resumed.articles == 68 - 24
    assert out.read_bytes() == ref.read_bytes()
    assert out.with_name("attacks.errors.jsonl").read_bytes() == ref.with_name("attacks.errors.jsonl").read_bytes()


def test_kill_9_at_a_random_moment_then_resume_gives_the_same_bytes(reference, tmp_path):
    corpus, ref, _ = reference
    out = tmp_path / "attacks.jsonl"
    state = state_path_for(out)
    command = [sys.executable, "-m", "sahel_extract.cli", "run", str(corpus), "-o", str(out), "--model", "blank",
               "--batch-size", "1", "--quiet"]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    target = random.Random().randint(2, 70)  # journal lines written before the kill
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if state.exists() and state.read_bytes().count(b"\n") >= target:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL  # the journal has some 80 lines: the kill comes before the end
    assert not out.exists()
    done = subprocess.run([*command, "--resume"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == ref.read_bytes(), f"killed after {target} journal lines"
    assert out.with_name("attacks.errors.jsonl").read_bytes() == ref.with_name("attacks.errors.jsonl").read_bytes()


def test_the_state_fingerprint_ignores_run_and_events_settings():
    """Workers, batches and the clustering thresholds do not change a record, so they never void a resume; a
    rule setting does."""
    import sahel_extract as sx
    from sahel_extract.job import fingerprint

    base = sx.Pipeline(model="blank").settings
    field, value = next((k, v) for k, v in base.events.model_dump().items()
                        if isinstance(v, (int, float)) and not isinstance(v, bool))
    events = base.model_copy(update={"events": base.events.model_copy(update={field: value * 2 + 1})})
    run = base.model_copy(update={"run": base.run.model_copy(update={"workers": 3})})
    history = base.model_copy(update={"attacks": base.attacks.model_copy(
        update={"history_days": base.attacks.history_days + 10})})
    prints = [fingerprint(sx.Pipeline(settings=s)) for s in (base, events, run, history)]
    assert prints[0] == prints[1] == prints[2] != prints[3]
