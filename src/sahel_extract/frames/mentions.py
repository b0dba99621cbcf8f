"""Data classes of the frames stage: what one sentence says about attacks (``Frame``) and its arguments.

In: nothing. Out: plain dataclasses with the text's strings and document character offsets, and the flags the
frame finders set from the pattern files. The normalise stage fills each argument's ``resolved`` value (a
``Place``, an ``EventDate``, a count, a catalogue entry) before mentions are grouped into attacks. They pickle,
so frames can cross process boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Arg:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class TimeArg(Arg):
    label: str = ""  # the times pattern's label: DATE, WEEKDAY, MONTH, RELATIVE, YEAR
    since: bool = False  # "since January": the start of a period, not the attack's time
    night: bool = False  # "overnight", "on Saturday night", "Saturday into Sunday": may run into the next day
    offset: str | None = None  # EVENT_RELATIVE ("the next day"): days after the attack told before
    resolved: object = None  # normalise: the EventDate it stands for
    key: object = None  # normalise: what two times must share to be the same time (dates.time_key)


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
    candidates: list | None = None  # the linker's gazetteer candidates (places.candidates.Candidate)
    candidates_from: str | None = None  # the label of the gazetteer they come from
    resolved: object = None  # normalise: the Place it stands for, in its sentence's and article's context


@dataclass(slots=True)
class ActorArg(Arg):
    name: str | None = None
    generic: bool = False
    score: float = 0.0
    claimed: bool = False
    entry: object = None  # normalise: the catalogue entry (normalise.actors.ActorEntry) it names


@dataclass(slots=True)
class TargetArg(Arg):
    category: str | None = None
    responder: bool = False  # a force that fought back or came after the attack: the attacked side, never the actor


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
    summary: bool = False  # told in a headline or standfirst: a summary of the body's figures
    vague: bool = False  # "dozens", "several": a count without a number
    bomber: bool = False  # the victim is the attacker who blew himself up
    generic: bool = False  # "people", "victims": the figure does not say who
    implied: bool = False  # a count the text implies, not states ("the suicide bomber": one attacker dead)
    attacker: bool = False  # the victims are the attack's own side ("20 of the attackers", "the assailants")
    increment: bool = False  # the figure adds to the ones told before ("three more died in hospital")
    speaker_is_group: bool = False  # "the group said": the actor speaks for itself
    count: tuple | None = None  # normalise: (min, max) of the quantity (numbers.parse_count)
    sources: list[str] | None = None  # normalise: the source labels of its attribution, in the article's language


@dataclass(slots=True)
class Trigger(Arg):
    event_type: str = "attack"
    weak: bool = False
    definite: bool = False  # "the attack": refers to an attack already told
    outcome: bool = False  # "killed", "wounded": tells what happened to victims, not the kind of attack
    property: bool = False  # "looted", "torched": damage to property
    noun: bool = False  # "the attack", "the ambush": names an attack (a noun), rather than telling one


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
    times: list[TimeArg] = field(default_factory=list)
    casualties: list[CasualtyArg] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)
    aggregate: bool = False
    background: bool = False
    new_event: bool = False
    claim: bool = False
    blame: bool = False  # names who carried out an attack told before ("police blamed Boko Haram")
    anaphoric_actor: bool = False
    confirmed_by: str | None = None  # "The source confirmed the army's toll": a speaker backing the figures
    confirmed_by_group: bool = False  # that speaker is the armed group itself
    confirmed_sources: list[str] | None = None  # normalise: the source labels of ``confirmed_by``
    confirms: bool = False  # the sentence confirms figures given before (CONFIRMS cue)
    history: bool = False  # a sentence about the past kept only for what it says of this attack (its actor)
    report_times: list[TimeArg] = field(default_factory=list)
    detached_times: set[str] = field(default_factory=set)
    zone: str = "body"  # the page zone the sentence is in (ingest.zones): headline, standfirst, body ...
    #: (i, j): ``places[j]`` is the town the text puts ``places[i]`` near ("in the Zambla area near Tessalit")
    near_pairs: set[tuple[int, int]] = field(default_factory=set)
    max_place_distance: int = 14  # Settings.frames.max_place_distance

    @property
    def summary(self) -> bool:
        """A headline or standfirst: it sums up the attack the body tells."""
        return self.zone in ("headline", "standfirst")

    @property
    def refers_back(self) -> bool:
        """Every attack noun is definite ("the attack", "the shooting"): it continues an attack already told."""
        nouns = [t for t in self.triggers if t.noun]
        verbs = [t for t in self.triggers if not t.noun]
        return bool(nouns) and all(t.definite for t in nouns) and not [v for v in verbs if not v.weak] \
            and not any(not c.aggregate for c in self.casualties)

    @property
    def event_place(self) -> PlaceArg | None:
        """The place where the sentence's attack happened: a locative, non-reference mention, most specific."""
        usable = [p for p in self.places if not p.reference and not p.seat and not p.detached]
        own = [p for p in usable if p.distance <= self.max_place_distance]
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
        """Whether ``other`` is the town the text puts ``place`` near (``near_pairs``, found by the place finder
        from the ``NEAR_JOIN`` patterns: "in the Zambla area near Tessalit", "at Tin-Akoff, 30 km from
        Gorom-Gorom"; not "in Gao and four civilians near Timbuktu")."""
        index = {id(p): i for i, p in enumerate(self.places)}
        return (index.get(id(place), -1), index.get(id(other), -1)) in self.near_pairs

    @property
    def event_time(self) -> TimeArg | None:
        times = [t for t in self.times if not t.since and t.text not in self.detached_times]
        return times[0] if times else None

    @property
    def has_attack(self) -> bool:
        """A strong trigger, a casualty figure, or a weak trigger with a place or a time of its own."""
        if any(not t.weak for t in self.triggers) or any(not c.aggregate for c in self.casualties):
            return True
        return bool(self.triggers) and bool(self.event_place or self.event_time)
