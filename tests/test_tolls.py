"""The pure toll arithmetic (``attacks.tolls``): DESIGN.md section 3, as properties and as worked cases."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sahel_extract.attacks.tolls import Figure, total

SOURCES = [None, "army", "local source", "Reuters"]
GROUPS = [None, "military", "civilians"]


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
                          subset=draw(st.booleans()) and draw(st.booleans())))
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
