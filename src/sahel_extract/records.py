"""The attack record: the pipeline's output contract (DESIGN.md section 3).

In: nothing (these are the pydantic models). Out: ``AttackRecord`` and its parts, serialised with
``record.model_dump(mode="json")``. Unknown values are ``None``; nothing here invents a value.
The top-level keys ``actor``, ``place``, ``date``, ``casualties`` and ``source`` are the contract.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal[
    "attack", "armed_clash", "explosion", "suicide_bombing", "air_strike", "abduction", "massacre", "other"
]
ActorKind = Literal["jihadist", "state_forces", "militia", "separatist", "foreign_forces", "unidentified"]
TargetCategory = Literal["military", "police", "civilians", "militants", "peacekeepers", "officials", "other"]
PlacePrecision = Literal["exact", "near", "admin", "country", "unresolved"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
Outcome = Literal["killed", "wounded", "abducted", "attackers_killed"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Actor(_Model):
    name: str | None = None
    mention: str | None = None
    kind: ActorKind | None = None
    affiliation: str | None = None
    claimed: bool = False
    suspected: bool = False


class Target(_Model):
    category: TargetCategory | None = None
    mention: str | None = None


class Place(_Model):
    name: str | None = None
    mention: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    precision: PlacePrecision = "unresolved"


class EventDate(_Model):
    value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    precision: DatePrecision = "unknown"
    mention: str | None = None


class Count(_Model):
    """A casualty figure: ``min``/``max`` follow DESIGN.md's number conventions; ``None`` is open or unknown."""

    min: int | None = None
    max: int | None = None
    mention: str | None = None


class CasualtyReport(_Model):
    outcome: Outcome
    min: int | None = None
    max: int | None = None
    who: TargetCategory | None = None
    mention: str
    attributed_to: str | None = None


class Casualties(_Model):
    killed: Count | None = None
    wounded: Count | None = None
    abducted: Count | None = None
    attackers_killed: Count | None = None
    reports: list[CasualtyReport] = Field(default_factory=list)


class Source(_Model):
    article_id: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    published_from: Literal["metadata", "page", "url"] | None = None  # where the publication date was read
    language: str | None = None  # the article's language (ISO 639-1)
    attributed_to: list[str] = Field(default_factory=list)


class Evidence(_Model):
    text: str
    start: int
    end: int


class AttackRecord(_Model):
    id: str
    event_type: EventType = "attack"
    actor: Actor = Field(default_factory=Actor)
    target: Target = Field(default_factory=Target)
    place: Place = Field(default_factory=Place)
    date: EventDate = Field(default_factory=EventDate)
    casualties: Casualties = Field(default_factory=Casualties)
    source: Source
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = 0.0

    def to_json_dict(self) -> dict:
        """The record as plain JSON-ready data, keys in schema order."""
        return self.model_dump(mode="json")


class IngestError(_Model):
    """A file (or a line of a JSONL file) that could not be turned into an article, and why."""

    path: str
    line: int | None = None
    reason: str
    stage: str = "ingest"


def record_id(article_id: str, spans: list[tuple[int, int]]) -> str:
    """Stable id: a hash of the article id and the evidence offsets (same input, same id)."""
    key = article_id + "|" + ";".join(f"{s}-{e}" for s, e in sorted(spans))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
