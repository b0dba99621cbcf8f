"""One settings object for the whole pipeline: every threshold and switch, validated.

In: defaults, optionally a user file (JSON, or TOML) and keyword overrides (``Settings.load(path, **over)``).
Out: a frozen ``Settings`` with one sub-model per stage. The NLP components receive their part through the
spaCy config (``component_config``), so ``nlp.to_disk()`` saves them with the pipeline and ``nlp.config``
shows them; the stages after the NLP (normalise, attacks) take the same object from the ``Pipeline``.
``sahel-extract run --show-settings`` prints it as JSON.

Like dateparser's settings and trafilatura's ``settings.py``: behaviour is chosen by one options object
built from defaults plus a user file, passed down, never by flags scattered through call sites.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PatternSettings(_Part):
    """Where the language patterns come from: the packaged ``models/patterns`` plus folders of your own
    (same layout), whose files add to the packaged ones."""

    extra_dirs: tuple[str, ...] = ()


class PlaceSettings(_Part):
    """Gazetteer choice and place resolution."""

    #: Path of a full gazetteer; ``None`` uses the user's built one if present, else the embedded one;
    #: ``"embedded"`` always uses the embedded one.
    gazetteer: str | None = None
    fuzzy_cutoff: float = Field(88.0, ge=50, le=100, description="fuzz.ratio a spelling variant needs")
    fuzzy_min_length: int = Field(6, ge=3, description="shortest folded name matched by spelling or sound")
    fuzzy_limit: int = Field(5, ge=1, description="spelling variants considered per name")
    fuzzy_band: float = Field(3.0, ge=0, description="variants this many points behind the closest still compete")
    fuzzy_point: float = Field(5.0, ge=0, description="ranking cost of each point behind the closest variant")
    sound_min_ratio: float = Field(75.0, ge=0, le=100, description="fuzz.ratio a same-sounding name needs")
    near_km: float = Field(150.0, gt=0, description="a namesake further than this from the town it is put near "
                                                     "is another place")
    small_place: int = Field(5000, ge=0, description="below this population a namesake abroad is another village")


class FrameSettings(_Part):
    """Linking arguments to the attack words of a sentence."""

    max_place_distance: int = Field(14, ge=1, description="tokens between a place and the nearest trigger or "
                                                          "figure of its sentence")
    near_gap_chars: int = Field(40, ge=0, description="characters between a place and the town it is put near")
    max_source_chars: int = Field(90, ge=10, description="longest attribution phrase")
    negation_window_tokens: int = Field(6, ge=0, description="a denial this close before a claim cancels it")
    lead_sentences: int = Field(2, ge=0, description="sentences of the lead: one that opens by going back in time "
                                                     "('Earlier this month, ...') is background only after them")


class AttackSettings(_Part):
    """Grouping mentions into attacks and building records."""

    history_days: int = Field(45, ge=0, description="an attack ending this many days before publication is "
                                                    "background, not news")
    type_priority: tuple[str, ...] = ("suicide_bombing", "air_strike", "explosion", "massacre", "abduction",
                                      "attack", "armed_clash")


class RunSettings(_Part):
    """Batching, workers and input limits."""

    batch_size: int = Field(32, ge=1)
    workers: int = Field(1, ge=1)
    max_bytes: int = Field(5_000_000, ge=1, description="largest article file or JSONL line")
    max_chars: int = Field(1_000_000, ge=1, description="longest article text handed to the NLP")


class Settings(_Part):
    """Every threshold and switch of the pipeline."""

    model: str = Field("default", description="'default', 'blank' (rules only), a spaCy package or a saved "
                                              "pipeline folder")
    language: Literal["auto", "en"] = "auto"
    patterns: PatternSettings = PatternSettings()
    places: PlaceSettings = PlaceSettings()
    frames: FrameSettings = FrameSettings()
    attacks: AttackSettings = AttackSettings()
    run: RunSettings = RunSettings()

    @field_validator("model")
    @classmethod
    def _model_not_empty(cls, value: str) -> str:
        return value.strip() or "default"

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Settings:
        """Defaults, then the user file (``.json`` or ``.toml``), then keyword overrides; nested parts may be
        given as dicts (``places={"fuzzy_cutoff": 90}``) and are merged into the file's values."""
        data: dict[str, Any] = {}
        if path is not None:
            path = Path(path)
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
            if not isinstance(data, dict):
                raise ValueError(f"{path}: settings must be an object")
        for key, value in overrides.items():
            if isinstance(value, dict) and isinstance(data.get(key), dict):
                data[key] = {**data[key], **value}
            elif value is not None:
                data[key] = value
        return cls.model_validate(data)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some values changed (nested parts as dicts merge), validated again."""
        data = self.model_dump()
        for key, value in changes.items():
            data[key] = {**data[key], **value} if isinstance(value, dict) and isinstance(data.get(key), dict) \
                else value
        return Settings.model_validate(data)

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), indent=2, ensure_ascii=False)


DEFAULT = Settings()
