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

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

from .events.models import ClusterSettings


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
    max_sentence_tokens: int = Field(200, ge=20, description="a longer 'sentence' (a list, a table, text with no "
                                                             "full stop) is read in pieces of at most this many "
                                                             "tokens, cut after a comma or semicolon if one is near")
    lead_sentences: int = Field(2, ge=0, description="sentences of the lead: one that opens by going back in time "
                                                     "('Earlier this month, ...') is background only after them")


class AttackSettings(_Part):
    """Grouping mentions into attacks and building records."""

    history_days: int = Field(45, ge=0, description="an attack ending this many days before publication is "
                                                    "background, not news")
    type_priority: tuple[str, ...] = ("suicide_bombing", "air_strike", "explosion", "massacre", "abduction",
                                      "attack", "armed_clash")
    same_place_km: float = Field(5.0, ge=0, description="two entries this close are one place")
    near_km: float = Field(50.0, ge=0, description="a place said to be near a town lies within this of it")
    name_ratio: float = Field(80.0, ge=0, le=100, description="fuzz.partial_ratio two unresolved names of one place "
                                                              "reach")
    overnight_days: int = Field(1, ge=0, description="two dates this many days apart can be one attack (overnight)")
    background_days_before_main: int = Field(7, ge=0, description="a later-told attack ending this long before the "
                                                                  "article's first is background")
    massacre_min_killed: int = Field(10, ge=1, description="civilians killed before an attack the text calls a "
                                                           "massacre is recorded as one")
    actor_named_margin: float = Field(1.5, description="a named actor is kept unless a generic description's role "
                                                       "score is more than this above it")
    actor_agent_evidence: float = Field(2.0, description="role score (without a claim) that shows a named group "
                                                         "carried an attack out, beating another group's claim")
    actor_state_evidence: float = Field(0.5, description="a state or foreign force is an actor candidate only "
                                                         "above this role score")


class PrefilterSettings(_Part):
    """Which passages the pipeline reads (``prefilter``): those holding an anchor word, and their neighbours."""

    enabled: bool = True
    #: passages kept on each side of a passage with an anchor word
    neighbours: int = Field(1, ge=0)
    #: pattern families whose patterns' mandatory words are anchors
    families: tuple[str, ...] = ("triggers", "tolls")
    #: word classes whose words are anchors (the outcome words of casualty phrases)
    classes: tuple[str, ...] = ("OUTCOME_AFTER", "OUTCOME_BEFORE")


class RunSettings(_Part):
    """Batching, workers and input limits."""

    batch_size: int = Field(32, ge=1)
    workers: int = Field(1, ge=1)
    max_bytes: int = Field(5_000_000, ge=1, description="largest article file or JSONL line")
    max_chars: int = Field(1_000_000, ge=1, description="longest article text handed to the NLP")
    #: how worker processes start: "auto" forks on Linux (the built pipeline is shared, not rebuilt), spawns elsewhere
    start_method: Literal["auto", "fork", "spawn", "forkserver"] = "auto"
    #: run on Dask instead (``scale``): "local" (a loopback LocalCluster of ``workers`` processes) or a scheduler's
    #: address
    dask: str | None = None
    #: seconds to wait for a Dask scheduler to answer
    dask_timeout: float = Field(30.0, gt=0)


class Settings(_Part):
    """Every threshold and switch of the pipeline."""

    model: str = Field("default", description="'default', 'blank' (rules only), a spaCy package or a saved "
                                              "pipeline folder (for the languages it is in)")
    #: per language, a model other than ``model``: ``{"fr": "fr_core_news_md"}`` (kept as sorted pairs, so the
    #: settings stay hashable)
    models: tuple[tuple[str, str], ...] = ()
    #: statistical components of the model left out ("ner", "parser", "tagger" ...); without the parser a
    #: sentencizer sets the sentences. ``benchmarks/components.py`` measures what each one buys.
    exclude: tuple[str, ...] = ()
    #: "auto": each article in the language it is written in (ingest.language); or one language for all
    language: Literal["auto", "en", "fr"] = "auto"
    patterns: PatternSettings = PatternSettings()
    prefilter: PrefilterSettings = PrefilterSettings()
    places: PlaceSettings = PlaceSettings()
    frames: FrameSettings = FrameSettings()
    attacks: AttackSettings = AttackSettings()
    run: RunSettings = RunSettings()
    #: the cross-article similarity of ``sahel-extract events`` (``events.similarity``; records do not depend on it)
    events: ClusterSettings = ClusterSettings()

    @field_validator("models", mode="before")
    @classmethod
    def _models_from_mapping(cls, value: Any) -> Any:
        return tuple(sorted(value.items())) if isinstance(value, dict) else value

    @field_serializer("models")
    def _models_as_mapping(self, value: tuple[tuple[str, str], ...]) -> dict[str, str]:
        return dict(value)

    def model_of(self, lang: str) -> str | None:
        """The model set for one language in ``models``, if any."""
        return dict(self.models).get(lang)

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
