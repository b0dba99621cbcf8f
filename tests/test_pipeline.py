"""End to end: the seed's shape (two attacks and an aggregate), the spaCy pipeline, writers, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sahel_extract.records import AttackRecord

FIXTURE = Path(__file__).parent / "fixtures" / "two_attacks_mali.txt"


def _body() -> str:
    return FIXTURE.read_text(encoding="utf-8").split("\n", 2)[2]


def test_two_attacks_and_no_aggregate(pipeline):
    records = pipeline.extract(_body(), published="2025-06-03")
    assert len(records) == 2
    first, second = records
    assert (first.actor.name, first.place.name, first.place.country_code, first.date.value) == (
        "JNIM", "Boulkessi", "ML", "2025-06-01")
    assert first.place.mention == "Boulikessi" and first.place.admin1 == "Mopti"
    assert (first.casualties.killed.min, first.casualties.killed.max) == (31, None)
    assert first.source.attributed_to == ["Reuters"] and first.target.category == "military"
    assert first.actor.claimed
    assert (second.actor.name, second.place.name, second.place.country_code, second.date.value) == (
        "JNIM", "Timbuktu", "ML", "2025-06-02")
    assert second.casualties.killed is None and second.casualties.attackers_killed is None
    for record in records:  # the 400-soldier aggregate is no record's toll
        assert all(r.min != 401 for r in record.casualties.reports)
        assert all("400" not in e.text for e in record.evidence)


def test_without_publication_date_dates_are_null_but_kept(pipeline):
    records = pipeline.extract(_body())
    assert [(r.date.value, r.date.mention) for r in records] == [(None, "on Sunday"), (None, "on Monday")]


def test_evidence_points_into_the_text(pipeline):
    body = _body()
    for record in pipeline.extract(body, published="2025-06-03"):
        for ev in record.evidence:
            assert body[ev.start:ev.end] == ev.text
        assert record.casualties.killed is None or record.casualties.killed.mention in body


def test_pipeline_shows_every_component(pipeline):
    names = pipeline.nlp.pipe_names
    assert names.index("sahel_entity_ruler") < names.index("ner") and names[-1] == "sahel_frames"


def test_blank_model_runs_rules_only(blank_pipeline):
    records = blank_pipeline.extract(_body(), published="2025-06-03")
    assert "ner" not in blank_pipeline.nlp.pipe_names
    assert records and records[0].place.name == "Boulkessi" and records[0].casualties.killed.min == 31


def test_no_attack_no_record(pipeline):
    text = ("Niger's transitional authorities on Wednesday extended the transition by five years and "
            "dissolved political parties, state television reported. ECOWAS called for a return to civilian rule.")
    assert pipeline.extract(text, published="2025-04-02") == []


def test_records_round_trip_and_are_deterministic(pipeline, tmp_path):
    from sahel_extract.writers import write_jsonl

    records = pipeline.extract(_body(), published="2025-06-03")
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_jsonl(records, a)
    write_jsonl(pipeline.extract(_body(), published="2025-06-03"), b)
    assert a.read_bytes() == b.read_bytes()
    back = [AttackRecord.model_validate_json(line) for line in a.read_text(encoding="utf-8").splitlines()]
    assert back == records
    assert list(json.loads(a.read_text().splitlines()[0]))[:6] == ["id", "event_type", "actor", "target", "place",
                                                                   "date"]


def test_atomic_writer_keeps_old_output_on_failure(tmp_path):
    from sahel_extract.writers import JsonlWriter

    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    with pytest.raises(RuntimeError):
        with JsonlWriter(out) as writer:
            writer._fh.write("partial")
            raise RuntimeError("interrupted")
    assert out.read_text() == "previous\n" and list(tmp_path.iterdir()) == [out]


def test_cli_run_writes_records_and_errors(tmp_path):
    from typer.testing import CliRunner

    from sahel_extract.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("title: T\npublished: 2025-06-03\n\n" + _body())
    (tmp_path / "in" / "b.json").write_text('{"text": "broken')
    out = tmp_path / "out" / "attacks.jsonl"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 2
    [error] = [json.loads(x) for x in (tmp_path / "out" / "attacks.errors.jsonl").read_text().splitlines()]
    assert error["path"].endswith("b.json") and "malformed JSON" in error["reason"]


def test_cli_extract_from_stdin():
    from typer.testing import CliRunner

    from sahel_extract.cli import app

    result = CliRunner().invoke(app, ["extract", "--published", "2025-06-03"], input=_body())
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["place"]["name"] for r in lines] == ["Boulkessi", "Timbuktu"]


def test_cli_eval_scores_a_run(tmp_path):
    from typer.testing import CliRunner

    from sahel_extract.cli import app

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "t1", "title": "T", "text": _body(), "published": "2025-06-03", "events": [
        {"event_type": "attack", "actor": {"name": "JNIM", "kind": "jihadist", "claimed": True},
         "target": {"category": "military"},
         "place": {"name": "Boulkessi", "admin1": "Mopti", "country_code": "ML", "precision": "exact"},
         "date": {"value": "2025-06-01", "precision": "day"},
         "casualties": {"killed": {"min": 31, "max": None}, "wounded": None, "abducted": None,
                        "attackers_killed": None},
         "source": {"attributed_to": ["Reuters"]}}]}) + "\n")
    out = tmp_path / "pred.jsonl"
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(gold), "-o", str(out), "-q"]).exit_code == 0
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(out), "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "r.json").read_text())
    assert "any match" in result.stdout and report


def test_the_seed_article_itself(pipeline, shared):
    """The article the project started from (read from ../shared, not copied): the issue's acceptance."""
    from sahel_extract.ingest import iter_articles

    [article] = list(iter_articles(shared / "seeds"))
    records = pipeline.extract(article.text, published="2025-06-03")
    assert [(r.actor.name, r.place.name, r.place.country_code, r.date.value) for r in records] == [
        ("JNIM", "Boulkessi", "ML", "2025-06-01"), ("JNIM", "Timbuktu", "ML", "2025-06-02")]
    first, second = records
    assert (first.casualties.killed.min, first.casualties.killed.max) == (31, None)
    assert first.source.attributed_to == ["Reuters"] and first.target.category == "military"
    assert second.casualties.killed is None and second.casualties.attackers_killed is None
    assert [(r.date.value, r.date.mention) for r in pipeline.extract(article.text)] == [
        (None, "on Sunday"), (None, "on Monday")]


@pytest.mark.parametrize("option", [["--model", "no_such_model"], ["--gazetteer", "/no/such/gazetteer.sqlite"]])
def test_cli_configuration_errors_are_one_clear_line(tmp_path, option):
    from typer.testing import CliRunner

    from sahel_extract.cli import app

    result = CliRunner().invoke(app, ["run", str(tmp_path), "-o", str(tmp_path / "out.jsonl"), *option])
    assert result.exit_code == 2 and "error" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out.jsonl").exists()
