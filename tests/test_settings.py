"""One settings object: validated, passed to the components through the spaCy config, shown by the CLI."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from sahel_extract.settings import Settings


def test_defaults_load_and_nested_overrides_merge(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('model = "blank"\n[places]\nfuzzy_cutoff = 92\n[attacks]\nhistory_days = 60\n', encoding="utf-8")
    s = Settings.load(path, places={"near_km": 120})
    assert (s.model, s.places.fuzzy_cutoff, s.places.near_km, s.attacks.history_days) == ("blank", 92, 120, 60)
    assert s.frames == Settings().frames


@pytest.mark.parametrize("bad", [{"places": {"fuzzy_cutoff": 120}}, {"run": {"batch_size": 0}},
                                 {"attacks": {"history_days": -1}}, {"frames": {"unknown": 1}}, {"language": "xx"}])
def test_invalid_values_are_refused(bad):
    with pytest.raises(ValidationError):
        Settings.model_validate(bad)


def test_replace_validates_again():
    s = Settings().replace(run={"workers": 2})
    assert s.run.workers == 2 and s.run.batch_size == Settings().run.batch_size
    with pytest.raises(ValidationError):
        s.replace(run={"workers": 0})


def test_components_get_their_settings_through_the_spacy_config():
    import sahel_extract as sx

    settings = Settings(model="blank").replace(frames={"max_place_distance": 9}, places={"fuzzy_cutoff": 91})
    nlp = sx.Pipeline(settings=settings).nlp
    assert nlp.config["components"]["sahel_frames"]["frames"]["max_place_distance"] == 9
    assert nlp.config["components"]["sahel_place_linker"]["places"]["fuzzy_cutoff"] == 91
    assert nlp.get_pipe("sahel_frames").settings.max_place_distance == 9


def test_cli_shows_the_settings_of_a_run(tmp_path):
    from typer.testing import CliRunner

    from sahel_extract.cli import app

    path = tmp_path / "s.json"
    path.write_text(json.dumps({"attacks": {"history_days": 30}}), encoding="utf-8")
    result = CliRunner().invoke(app, ["run", "data/raw", "--settings", str(path), "--workers", "2",
                                      "--show-settings"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["attacks"]["history_days"] == 30 and shown["run"]["workers"] == 2
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"places": {"fuzzy_cutoff": "high"}}), encoding="utf-8")
    result = CliRunner().invoke(app, ["run", "data/raw", "--settings", str(bad)])
    assert result.exit_code == 2 and "Traceback" not in result.output
