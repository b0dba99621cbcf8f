"""Vague records (the place is only a country) join the one event of their country they fit, never a guess.

A claim relayed without a town ("the group says it killed six soldiers"), an army statement that names only the
country: the per-article stage gives them the country as the place. Records are built by hand.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_events_clustering import in_batches, lines, rec

from sahel_extract.events import ClusterSettings, EventIndex, cluster_records
from sahel_extract.records import Place


def vague(article: str, country: str = "BF", name: str = "Burkina Faso", **kw):
    """A record of ``article`` whose place is only the country (undated unless ``day`` is given)."""
    kw.setdefault("day", None)
    r = rec(article, **kw)
    return r.model_copy(update={"place": Place(name=name, country=name, country_code=country,
                                               precision="country")})


def event_of(events, record_id: str):
    return next(e for e in events if record_id in e.records)


def test_an_undated_country_record_joins_the_only_event_of_its_country_and_days():
    wire, local = rec("wire01", published="2025-03-03"), rec("local02", published="2025-03-04", actor=None)
    claim = vague("claim03", published="2025-03-05", actor="JNIM", claimed=True)
    events = cluster_records([wire, local, claim])
    assert len(events) == 1
    (event,) = events
    assert sorted(event.records) == sorted([wire.id, local.id, claim.id])
    assert event.place.name == "Djibo" and event.date.value == "2025-03-02"
    assert event.id == cluster_records([wire, local])[0].id  # the founder is never the vague record
    assert event.actor.claimed


def test_two_candidate_events_leave_it_alone():
    djibo = rec("wire01", "Djibo", published="2025-03-03")
    bourzanga = rec("wire02", "Bourzanga", published="2025-03-03", actor=None)
    claim = vague("claim03", published="2025-03-05", actor=None)
    events = cluster_records([djibo, bourzanga, claim])
    assert len(events) == 3
    assert event_of(events, claim.id).records == [claim.id]


def test_no_candidate_another_country_or_too_late_leave_it_alone():
    djibo = rec("wire01", published="2025-03-03")
    late = vague("late02", published="2025-03-12")          # undated, published ten days after the attack
    mali = vague("mali03", country="ML", name="Mali", published="2025-03-04")
    other_day = vague("comm04", day="2025-02-25", published="2025-03-04")
    rival = vague("claim05", published="2025-03-04", actor="ISGS")  # a different named group
    events = cluster_records([djibo, late, mali, other_day, rival])
    assert len(events) == 5
    assert event_of(events, djibo.id).records == [djibo.id]


def test_a_dated_country_record_a_day_off_joins():
    djibo = rec("wire01", published="2025-03-03")
    local = vague("local02", day="2025-03-01", published="2025-03-04", actor=None)  # overnight Saturday to Sunday
    assert len(cluster_records([djibo, local])) == 1


def test_only_one_vague_record_of_an_article_joins_an_event():
    djibo = rec("wire01", published="2025-03-03")
    first = vague("follow02", day="2025-03-02", published="2025-03-10", start=40)
    second = vague("follow02", published="2025-03-04", start=400)  # the same article, an undated telling
    events = cluster_records([djibo, first, second])
    assert len(events) == 2
    assert sorted(event_of(events, djibo.id).records) == sorted([djibo.id, first.id])  # the pinned day scores higher


def test_a_new_event_makes_an_attached_record_ambiguous_incrementally():
    djibo, claim = rec("wire01", published="2025-03-03"), vague("claim03", published="2025-03-05", actor=None)
    bourzanga = rec("wire02", "Bourzanga", published="2025-03-03", actor=None)
    index = EventIndex()
    index.add([claim, djibo])
    assert len(index.events()) == 1
    index.add([bourzanga])
    assert lines(index.events()) == lines(cluster_records([djibo, claim, bourzanga]))
    assert len(index.events()) == 3


def test_the_switch_turns_it_off():
    records = [rec("wire01", published="2025-03-03"), vague("claim03", published="2025-03-05")]
    assert len(cluster_records(records, ClusterSettings(attach_vague=False))) == 2
    assert len(cluster_records(records)) == 1


#: Random records of one country: two towns and the country alone, on a few days, by a few actors.
spec = st.tuples(st.sampled_from(["Djibo", "Bourzanga", None]), st.one_of(st.none(), st.integers(0, 3)),
                 st.sampled_from([None, "JNIM", "ISGS"]), st.integers(1, 5), st.integers(0, 4))


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(spec, min_size=1, max_size=12), data=st.data())
def test_attachments_are_the_same_in_any_batches_and_after_reloading(specs, data, tmp_path_factory):
    records = []
    for i, (town, offset, actor, delay, article) in enumerate(specs):
        day = f"2025-03-{2 + offset:02d}" if offset is not None else None
        published = f"2025-03-{2 + (offset or 0) + delay:02d}"
        records.append(vague(f"a{article}", day=day, published=published, actor=actor, start=100 * i) if town is None
                       else rec(f"a{article}", town, day, published=published, actor=actor, start=100 * i))
    events = in_batches(records, data, tmp_path_factory, read_between=True)
    assert lines(events) == lines(cluster_records(records))
    assert sorted(r for e in events for r in e.records) == sorted({r.id for r in records})
