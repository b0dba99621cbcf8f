"""The NLP stage: patterns as data, a saved pipeline that reloads whole, a new trigger with no Python edit."""

from __future__ import annotations

import json

import sahel_extract as sx
from sahel_extract.settings import Settings

PUB = "2025-03-14"
TEXT = ("DJIBO, Burkina Faso - Jihadists pummelled the army post in Djibo on Monday before dawn, a local "
        "official said.\n\nThe post was abandoned in the afternoon, he added.")


def test_a_trigger_added_as_data_makes_a_record_with_no_python_edit(tmp_path):
    assert sx.Pipeline(model="blank").extract(TEXT, published=PUB) == []
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "triggers.jsonl").write_text(
        json.dumps({"label": "attack", "pattern": "pummelled", "id": "strong"}) + "\n", encoding="utf-8")
    pipe = sx.Pipeline(settings=Settings(model="blank", patterns={"extra_dirs": [str(tmp_path)]}))
    records = pipe.extract(TEXT, published=PUB)
    assert [(r.event_type, r.place.name, r.date.value) for r in records] == [("attack", "Djibo", "2025-03-10")]


def test_every_step_is_a_named_component_and_writes_its_span_group(blank_pipeline):
    nlp = blank_pipeline.nlp
    names = nlp.pipe_names
    assert names[-1] == "sahel_frames" and names.index("sahel_entity_ruler") < names.index("sahel_place_linker")
    doc = nlp("Gunmen killed at least twelve villagers in Djibo on Sunday, according to local sources.")
    labels = {key: {s.label_ for s in doc.spans[key]} for key in ("sahel_triggers", "sahel_times", "sahel_sources")}
    assert "attack" in labels["sahel_triggers"] and "WEEKDAY" in labels["sahel_times"]
    assert "ACCORDING" in labels["sahel_sources"]
    place = next(e for e in doc.ents if e.text == "Djibo")
    assert any(c.entry.name == "Djibo" for c, _ in place._.place_candidates)


def test_a_saved_pipeline_reloads_with_its_patterns_and_gives_the_same_records(tmp_path, pipeline):
    from typer.testing import CliRunner

    from sahel_extract.cli import app

    pipeline.nlp.to_disk(tmp_path / "saved")
    assert (tmp_path / "saved" / "sahel_triggers" / "patterns.jsonl").is_file()
    out = {}
    for name, model in (("default", "default"), ("saved", str(tmp_path / "saved"))):
        path = tmp_path / f"{name}.jsonl"
        result = CliRunner().invoke(app, ["run", "data/raw", "-o", str(path), "-q", "--model", model])
        assert result.exit_code == 0, result.output
        out[name] = path.read_text(encoding="utf-8")
    assert out["saved"] == out["default"] and out["default"].count("\n") >= 10
