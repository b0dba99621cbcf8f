"""The pure toll arithmetic (``attacks.tolls``): DESIGN.md section 3, as properties and as worked cases."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_extract.attacks.tolls import Figure, total

SOURCES = [None, "army", "local source", "Reuters"]
GROUPS = [None, "military", "civilians", "militants"]


@st.composite
def figures(draw) -> list[Figure]:
    out = []
    for i in range(draw(st.integers(1, 6))):
        lo = draw(st.one_of(st.none(), st.integers(0, 200)))
        hi = draw(st.one_of(st.none(), st.integers(lo or 0, 400))) if draw(st.booleans()) else lo
        out.append(Figure("killed", lo, hi, who=draw(st.sampled_from(GROUPS)), source=draw(st.sampled_from(SOURCES)),
                          sentence=draw(st.integers(0, 5)), position=i, mention=f"m{i}",
                          revision=draw(st.booleans()) and draw(st.booleans()),
                          superseded=draw(st.booleans()) and draw(st.booleans()),
                          subset=draw(st.booleans()) and draw(st.booleans()),
                          generic=draw(st.booleans()) and draw(st.booleans()),
                          increment=draw(st.booleans()) and draw(st.booleans())))
    return out


@given(figures())
@settings(max_examples=300, deadline=None)
def test_min_never_exceeds_max(items):
    count = total(items)
    assert count is not None
    if count.min is not None and count.max is not None:
        assert count.min <= count.max


@given(figures(), st.randoms())
@settings(max_examples=300, deadline=None)
def test_the_order_the_reports_come_in_does_not_matter(items, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert total(shuffled) == total(items)


@given(st.integers(1, 100), st.integers(1, 100), st.sampled_from(SOURCES))
def test_a_revision_by_the_same_authority_replaces_the_earlier_figure(first, revised, source):
    items = [Figure("killed", first, first, source=source, sentence=0, mention="first"),
             Figure("killed", revised, revised, source=source, sentence=2, mention="revised", revision=True)]
    count = total(items)
    assert (count.min, count.max) == (revised, revised)


def test_worked_cases():
    def pair(*items):
        c = total(list(items))
        return (c.min, c.max)

    # the army says 10, locals say 40: the totals span them
    assert pair(Figure("killed", 10, 10, source="army"), Figure("killed", 40, 40, source="local source", position=1)) \
        == (10, 40)
    # the highest figure is open-ended: max is open
    assert pair(Figure("killed", 6, 6, source="army"), Figure("killed", 15, None, source="security source",
                                                              position=1)) == (6, None)
    # one authority, two victim groups in one sentence: they add up ("12 soldiers and 3 civilians")
    assert pair(Figure("killed", 12, 12, who="military"), Figure("killed", 3, 3, who="civilians", position=1)) \
        == (15, 15)
    # a detail of a larger figure is not added ("17 people, including 11 soldiers")
    assert pair(Figure("killed", 17, 17, who="civilians"), Figure("killed", 11, 11, who="military", position=1,
                                                                 subset=True)) == (17, 17)
    # a figure told as replaced gives way ("had initially said four")
    assert pair(Figure("killed", 4, 4, source="police", superseded=True), Figure("killed", 7, 7, source="police",
                                                                               sentence=1)) == (7, 7)
    # "nearly 30" from one source and "at least 40" from another: never min > max
    c = total([Figure("killed", None, 30, source="army"), Figure("killed", 40, None, source="residents", position=1)])
    assert (c.min, c.max) == (40, None)
    assert total([]) is None


def pair(*items):
    c = total(list(items))
    return (c.min, c.max)


def test_an_increment_adds_to_what_was_counted_before_it():
    # "twelve soldiers were killed, the army said. Three more later died in hospital"
    assert pair(Figure("killed", 12, 12, who="military", source="army"),
                Figure("killed", 3, 3, sentence=1, increment=True)) == (15, 15)
    # rival sources each get the increment
    assert pair(Figure("killed", 10, 10, source="army"), Figure("killed", 20, 20, source="residents", position=1),
                Figure("killed", 2, 2, sentence=1, increment=True)) == (12, 22)
    # an increment with nothing before it is the figure itself; one told inside a revision is a part of it
    assert pair(Figure("killed", 3, 3, increment=True)) == (3, 3)
    assert pair(Figure("killed", 4, 4, source="police"), Figure("killed", 11, 11, source="police", sentence=1,
                                                               revision=True),
                Figure("killed", 7, 7, source="police", sentence=1, position=1, increment=True, subset=True)) \
        == (11, 11)


def test_an_unattributed_figure_the_sources_cover_is_the_outlets_telling():
    # "at least 20 people dead" (the outlet) beside the official's 26
    assert pair(Figure("killed", 20, None, generic=True), Figure("killed", 26, 26, source="officials",
                                                                 sentence=1)) == (26, 26)
    # an outlet's figure above every source's stays a rival
    assert pair(Figure("killed", 30, None, generic=True), Figure("killed", 12, 12, who="military", source="army",
                                                                 sentence=1)) == (12, None)
    # a figure for other victims is no telling of the sources' figure
    assert pair(Figure("killed", 17, None, who="civilians", source="HRW"),
                Figure("killed", 3, 3, who="militants", sentence=1)) == (20, None)


def test_a_source_that_counts_only_fighters_adds_to_the_others():
    assert pair(Figure("killed", 17, None, who="civilians", source="HRW"),
                Figure("killed", 3, 3, who="militants", source="residents", sentence=1)) == (20, None)
    # two sources counting the same soldiers still span
    assert pair(Figure("killed", 15, 15, who="military", source="army"),
                Figure("killed", 17, 17, who="military", source="residents", sentence=1)) == (15, 17)


def _event(*sentences, zone_of=None):
    """An attack of the given sentences: each a (text, [CasualtyArg-like dicts]) pair."""
    from dataclasses import dataclass

    from sahel_extract.attacks.model import EventMention
    from sahel_extract.frames.mentions import CasualtyArg, Frame
    from sahel_extract.normalise.numbers import parse_count

    @dataclass(slots=True)
    class ZonedFrame(Frame):
        zone: str | None = None

    frames, start = [], 0
    for index, (text, figures) in enumerate(sentences):
        frame = ZonedFrame(index=index, start=start, end=start + len(text), text=text,
                           zone=(zone_of or {}).get(index))
        for fig in figures:
            at = text.index(fig["text"]) + start
            arg = CasualtyArg(fig["text"], at, at + len(fig["text"]), sentence=index,
                              **{k: v for k, v in fig.items() if k != "text"})
            arg.count = parse_count(arg.quantity)
            frame.casualties.append(arg)
        frames.append(frame)
        start += len(text) + 1
    return EventMention(frames)


def _killed(event):
    from sahel_extract.attacks.tolls import build_casualties
    from sahel_extract.normalise.actors import default_catalogue
    from sahel_extract.records import Actor

    casualties, _, _ = build_casualties(event, Actor(kind="unidentified"), default_catalogue())
    return (casualties.killed.min, casualties.killed.max) if casualties.killed else None


def test_the_same_figure_under_two_names_counts_once():
    # "14 dead" and "at least 14 people were killed": one figure, the open telling kept
    event = _event(("Drone strikes near Kidal leave 14 dead", [{"text": "14 dead", "quantity": "14"}]),
                   ("At least 14 people were killed, the mayor said.",
                    [{"text": "At least 14 people were killed", "quantity": "At least 14", "who": "civilians",
                      "generic": True, "attribution": "the mayor"}]))
    assert _killed(event) == (14, None)
    # two items of one list are two figures ("four soldiers and four civilians")
    event = _event(("Gunmen killed four soldiers and four others.",
                    [{"text": "killed four soldiers", "quantity": "four", "who": "military"},
                     {"text": "four others", "quantity": "four"}]))
    assert _killed(event) == (8, 8)


def test_a_headline_figure_counts_only_when_the_body_has_none():
    body = ("Gunmen killed 26 people near Boni on Thursday.", [{"text": "killed 26 people", "quantity": "26"}])
    headline = ("Over 30 killed in Mali", [{"text": "Over 30 killed", "quantity": "Over 30"}])
    assert _killed(_event(headline, body, zone_of={0: "headline"})) == (26, 26)
    assert _killed(_event(headline, ("The attack happened on Thursday.", []), zone_of={0: "headline"})) == (31, None)


def test_bombers_among_the_dead_are_taken_out_of_the_victims():
    event = _event(("Five people, two bombers among them, were killed.",
                    [{"text": "Five people, two bombers among them, were killed", "quantity": "Five",
                      "who": "civilians", "generic": True},
                     {"text": "two bombers among them", "quantity": "two", "who": "militants", "bomber": True,
                      "subset": True}]))
    assert _killed(event) == (3, 3)
