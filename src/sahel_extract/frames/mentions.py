"""Data classes of the event stage: what one sentence says (``Frame``) and one attack (``EventMention``).

In: nothing. Out: plain dataclasses with raw strings and document character offsets; the normalise
stage turns them into canonical values. They pickle, so docs can cross process boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A place further than this (in tokens) from every trigger and figure of its sentence is not the event's.
MAX_PLACE_DISTANCE = 14
ATTACK_WORDS_NOUN = {"attack", "assault", "ambush", "raid", "massacre", "shooting", "bombing", "blast", "explosion",
                     "offensive", "killings", "kidnapping", "abduction", "incident", "fighting", "clashes", "strike",
                     "shelling", "operation"}


@dataclass(slots=True)
class Arg:
    text: str
    start: int
    end: int


#: At most this many characters between a place and the town it is put near ("X area near Y", "X, near Y"),
#: and the words that may join them.
NEAR_GAP = 40
NEAR_JOIN = re.compile(
    r"\s*(?:area|zone|locality|village|vicinity|region)?\s*,?\s*(?:(?:some|about|around|roughly|nearly)\s+)?"
    r"(?:(?:\d+|a few|several)\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:of|from|outside)"
    r"|near|outside|close to|not far from|in the vicinity of|around)\s*(?:the\s+(?:town|village|city)\s+of\s+)?",
    re.I)


@dataclass(slots=True)
class PlaceArg(Arg):
    locative: bool = False
    near: bool = False
    want_admin: bool = False
    locality: bool = False  # the text calls it a village, town, hamlet or camp ("the village of X")
    reference: bool = False
    seat: bool = False  # "the junta in Bamako": a seat of government, not where the attack was
    distance: int = 999  # tokens to the nearest trigger or casualty figure
    detached: bool = False  # the parse ties it to another verb ("a group founded in Soum")
    source: str = "gazetteer"  # gazetteer | ner | pattern


@dataclass(slots=True)
class ActorArg(Arg):
    name: str | None = None
    generic: bool = False
    score: float = 0.0
    claimed: bool = False


@dataclass(slots=True)
class TargetArg(Arg):
    category: str | None = None


@dataclass(slots=True)
class CasualtyArg(Arg):
    outcome: str = "killed"
    quantity: str = ""
    victim: str | None = None
    who: str | None = None
    attribution: str | None = None
    revision: bool = False
    superseded: bool = False  # "an initial statement had reported seven dead", "a provisional toll of twelve"
    aggregate: bool = False
    subset: bool = False
    sentence: int = 0


@dataclass(slots=True)
class Trigger(Arg):
    event_type: str = "attack"
    weak: bool = False
    definite: bool = False  # "the attack": refers to an attack already told


@dataclass(slots=True)
class Frame:
    """Everything one sentence says about attacks."""

    index: int
    start: int
    end: int
    text: str
    triggers: list[Trigger] = field(default_factory=list)
    actors: list[ActorArg] = field(default_factory=list)
    targets: list[TargetArg] = field(default_factory=list)
    places: list[PlaceArg] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    times: list[Arg] = field(default_factory=list)
    casualties: list[CasualtyArg] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)
    aggregate: bool = False
    background: bool = False
    new_event: bool = False
    claim: bool = False
    blame: bool = False  # names who carried out an attack told before ("police blamed Boko Haram")
    anaphoric_actor: bool = False
    confirmed_by: str | None = None  # "The source confirmed the army's toll": a speaker backing the figures
    history: bool = False  # a sentence about the past kept only for what it says of this attack (its actor)
    report_times: list[Arg] = field(default_factory=list)
    detached_times: set[str] = field(default_factory=set)

    @property
    def refers_back(self) -> bool:
        """Every attack word is definite ("the attack", "the shooting"): it continues an attack already told."""
        nouns = [t for t in self.triggers if t.text.lower() in ATTACK_WORDS_NOUN]
        verbs = [t for t in self.triggers if t.text.lower() not in ATTACK_WORDS_NOUN]
        return bool(nouns) and all(t.definite for t in nouns) and not [v for v in verbs if not v.weak] \
            and not any(not c.aggregate for c in self.casualties)

    @property
    def event_place(self) -> PlaceArg | None:
        """The place where the sentence's attack happened: a locative, non-reference mention, most specific."""
        usable = [p for p in self.places if not p.reference and not p.seat and not p.detached]
        own = [p for p in usable if p.distance <= MAX_PLACE_DISTANCE]
        if not own and self.triggers:
            # a long sentence: the one locative place it names is still where the attack was
            own = [p for p in usable if p.locative and not p.want_admin][:1]
        if not own:
            return None
        # "in the Zambla area near Tessalit": the town it is put near only says where Zambla is
        anchors = {id(b) for a, b in zip(usable, usable[1:], strict=False) if self.puts_near(a, b)}
        own = [p for p in own if id(p) not in anchors] or own
        local = [p for p in own if p.locative and not p.want_admin] or [p for p in own if not p.want_admin] or own
        return min(local, key=lambda p: (p.distance, p.start))

    def puts_near(self, place: PlaceArg, other: PlaceArg) -> bool:
        """Whether ``other`` is the town the text puts ``place`` near, written right after it and joined only by
        a word of nearness ("in the Zambla area near Tessalit", "at Tin-Akoff, 30 km from Gorom-Gorom"); not
        "in Gao and four civilians near Timbuktu"."""
        gap = self.text[place.end - self.start:other.start - self.start]
        return other.near and not place.near and place.locative and len(gap) <= NEAR_GAP \
            and NEAR_JOIN.fullmatch(gap) is not None

    @property
    def event_time(self) -> Arg | None:
        times = [t for t in self.times if not t.text.lower().startswith("since") and t.text not in self.detached_times]
        return times[0] if times else None

    @property
    def has_attack(self) -> bool:
        """A strong trigger, a casualty figure, or a weak trigger with a place or a time of its own."""
        if any(not t.weak for t in self.triggers) or any(not c.aggregate for c in self.casualties):
            return True
        return bool(self.triggers) and bool(self.event_place or self.event_time)


@dataclass(slots=True)
class EventMention:
    """One attack: the frames (sentences) that tell it, in text order."""

    frames: list[Frame] = field(default_factory=list)
    inherited_actor: ActorArg | None = None

    @property
    def place(self) -> PlaceArg | None:
        """The most specific place the attack's sentences give: the first locality, else the first region;
        failing both, the place of a sentence that sets the scene without an attack word ("an operation near
        Tadamakat. Five militants were killed in the operation.")."""
        places = [f.event_place for f in self.frames if f.event_place and not f.history]
        if not places:
            places = [p for f in self.frames if not f.history for p in f.places[:1]
                      if p.locative and not (p.reference or p.seat or p.detached)]
        local = [p for p in places if not p.want_admin]
        return (local or places or [None])[0]

    @property
    def time(self) -> Arg | None:
        for frame in self.frames:
            if frame.event_time and not frame.history:
                return frame.event_time
        return None

    @property
    def casualties(self) -> list[CasualtyArg]:
        return [c for f in self.frames for c in f.casualties if not c.aggregate]

    @property
    def triggers(self) -> list[Trigger]:
        return [t for f in self.frames for t in f.triggers]

    @property
    def evidence(self) -> list[tuple[int, int, str]]:
        return [(f.start, f.end, f.text) for f in self.frames]
