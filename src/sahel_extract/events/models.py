"""The models of the events stage: ``EventSource``, ``Event`` and ``ClusterSettings``.

In: nothing (pydantic models). Out: ``Event`` (one attack reported by one or more articles; the HTML report
reads exactly these field names), ``EventSource`` (one record's article and its own toll) and
``ClusterSettings`` (every threshold of the similarity, validated, with defaults; see ``similarity.py`` for
how each one is used).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..records import Actor, Casualties, EventDate, EventType, Evidence, Place, Target


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EventSource(_Model):
    """One record of the event: where it was read and what that record itself said about the toll."""

    record_id: str
    article_id: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    attributed_to: list[str] = Field(default_factory=list)
    casualties: Casualties = Field(default_factory=Casualties)
    evidence: list[Evidence] = Field(default_factory=list)


class Event(_Model):
    """One attack across articles: the fields of its records reconciled (see ``reconcile.py``)."""

    id: str
    event_type: EventType = "attack"
    actor: Actor = Field(default_factory=Actor)
    target: Target = Field(default_factory=Target)
    place: Place = Field(default_factory=Place)
    date: EventDate = Field(default_factory=EventDate)
    casualties: Casualties = Field(default_factory=Casualties)
    records: list[str] = Field(default_factory=list)
    sources: list[EventSource] = Field(default_factory=list)


class SimilarityWeights(_Model):
    """Weights of the four parts of the pairwise score (normalised by their sum)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    place: float = Field(0.4, ge=0)
    date: float = Field(0.3, ge=0)
    actor: float = Field(0.15, ge=0)
    event_type: float = Field(0.15, ge=0)

    @model_validator(mode="after")
    def _some_weight(self) -> SimilarityWeights:
        if self.place + self.date + self.actor + self.event_type <= 0:
            raise ValueError("at least one similarity weight must be positive")
        return self


class LevelScores(_Model):
    """The score (0..1) of each level of agreement of a part, before weighting."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    place_same: float = Field(1.0, ge=0, le=1)       # same gazetteer entry, or coordinates within same_place_km
    place_name: float = Field(0.9, ge=0, le=1)       # unresolved, same folded name
    place_near: float = Field(0.7, ge=0, le=1)       # a "near X" record within near_km of the other place
    place_fuzzy: float = Field(0.7, ge=0, le=1)      # unresolved, close spelling, same country
    place_contains: float = Field(0.6, ge=0, le=1)   # an admin-precision record containing the other place
    place_country: float = Field(0.2, ge=0, le=1)    # a vague record (country only) and a place in that country
    date_day: float = Field(1.0, ge=0, le=1)         # both pinned to the same day
    date_overlap: float = Field(0.8, ge=0, le=1)     # intervals overlap
    date_tolerance: float = Field(0.5, ge=0, le=1)   # apart by at most overnight_days
    date_unknown: float = Field(0.4, ge=0, le=1)     # one side undated, publication within unknown_date_days
    actor_same: float = Field(1.0, ge=0, le=1)
    actor_umbrella: float = Field(0.7, ge=0, le=1)   # one actor is the other's affiliation ("Islamic State", "ISGS")
    actor_unknown: float = Field(0.5, ge=0, le=1)    # one or both unidentified
    type_same: float = Field(1.0, ge=0, le=1)
    type_group: float = Field(0.6, ge=0, le=1)       # in one of type_groups
    type_other: float = Field(0.3, ge=0, le=1)       # one side "other" (when other_matches_any)


#: Types that may describe one attack: violence at close quarters; and remote violence (ACLED's
#: "Explosions/Remote violence" covers IEDs, suicide bombs, shelling and air or drone strikes alike).
DEFAULT_TYPE_GROUPS: tuple[tuple[str, ...], ...] = (("attack", "armed_clash", "massacre"),
                                                    ("explosion", "suicide_bombing", "air_strike"))


class ClusterSettings(_Model):
    """Every threshold of the cross-article similarity, with its default (DESIGN.md: settings are data)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    same_place_km: float = Field(5.0, gt=0, description="two resolved places this close are one place")
    near_km: float = Field(15.0, gt=0, description="radius around a 'near X' record's place")
    fuzzy_name_ratio: float = Field(88.0, ge=0, le=100, description="rapidfuzz ratio for unresolved names")
    overnight_days: int = Field(1, ge=0, description="days two date intervals may be apart and still match")
    max_interval_days: int = Field(31, ge=0, description="a date interval wider than this counts as undated")
    unknown_date_days: int = Field(4, ge=0, description="an undated record's publication: days after the attack")
    #: tuples, so that the settings (and ``Settings``, which holds them) stay hashable
    type_groups: tuple[tuple[EventType, ...], ...] = DEFAULT_TYPE_GROUPS  # type: ignore[assignment]
    other_matches_any: bool = True
    umbrella_actors: bool = True
    #: a vague record (place: only a country) joins the one event of its country it is compatible with, if only
    #: one is (``similarity.attachable``); two or more candidates, or none: it stays an event of its own
    attach_vague: bool = True
    weights: SimilarityWeights = Field(default_factory=SimilarityWeights)
    scores: LevelScores = Field(default_factory=LevelScores)
    threshold: float = Field(0.65, ge=0, le=1, description="least weighted score of a compatible pair")

    @field_validator("type_groups")
    @classmethod
    def _groups_of_two_or_more(cls, groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        for group in groups:
            if len(set(group)) < 2:
                raise ValueError(f"an event type group needs two or more types: {group}")
        return groups

    @model_validator(mode="after")
    def _near_not_below_same(self) -> ClusterSettings:
        if self.near_km < self.same_place_km:
            raise ValueError("near_km must be at least same_place_km")
        return self
