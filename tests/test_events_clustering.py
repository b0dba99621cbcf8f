"""The events stage: records of one attack across articles become one Event (sahel_extract.events).

Records are written by hand, with the fields the per-article stage gives (places from the gazetteer with
coordinates and admin units, date intervals, actors from the catalogue, tolls with their authorities).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sahel_extract.events import (
    ClusterSettings,
    EventIndex,
    cluster_records,
    events_to_jsonl,
    read_events,
    run_events,
)
from sahel_extract.records import (
    Actor,
    AttackRecord,
    Casualties,
    CasualtyReport,
    Count,
    EventDate,
    Evidence,
    Place,
    Source,
    Target,
    record_id,
)

#: name -> (gazetteer id, country code, country, admin1, admin2, lat, lon)
PLACES = {
    "Djibo": ("geonames:2361177", "BF", "Burkina Faso", "Sahel", None, 14.0986, -1.6306),
    "Boulkessi": ("curated:ML:boulkessi", "ML", "Mali", "Mopti", "Douentza", 14.80, -1.30),
    "Mondoro": ("curated:ML:mondoro", "ML", "Mali", "Mopti", "Douentza", 14.68, -1.96),
    "Téra": ("geonames:2439376", "NE", "Niger", "Tillabéri", "Téra", 14.0078, 0.7531),
    "Kokorou": ("curated:NE:kokorou", "NE", "Niger", "Tillabéri", "Téra", 14.20, 0.93),
    "Bourzanga": ("geonames:2362344", "BF", "Burkina Faso", "Centre-Nord", None, 13.6833, -1.55),
    "Namsiguia": ("curated:BF:namsiguia", "BF", "Burkina Faso", "Centre-Nord", None, 13.55, -1.45),
}
ADMINS = {
    "Tillabéri": ("geonames:2595293", "NE", "Niger", "Tillabéri", None),
    "Mopti": ("geonames:2453347", "ML", "Mali", "Mopti", None),
}
ACTORS = {
    "JNIM": ("jihadist", "al-Qaeda"), "ISGS": ("jihadist", "Islamic State"), "ISWAP": ("jihadist", "Islamic State"),
    "Islamic State": ("jihadist", "Islamic State"), "FAMa": ("state_forces", None),
}


def place(name: str, precision: str = "exact", mention: str | None = None) -> Place:
    if precision == "admin":
        gid, cc, country, admin1, admin2 = ADMINS[name]
        return Place(name=name, mention=mention or name, admin1=admin1, admin2=admin2, country=country,
                     country_code=cc, gazetteer_id=gid, precision="admin")
    if precision == "unresolved":
        return Place(name=name, mention=mention or name, country="Burkina Faso", country_code="BF",
                     precision="unresolved")
    gid, cc, country, admin1, admin2, lat, lon = PLACES[name]
    return Place(name=name, mention=mention or name, admin1=admin1, admin2=admin2, country=country, country_code=cc,
                 lat=lat, lon=lon, gazetteer_id=gid, precision=precision)


def toll(*reports: tuple) -> Casualties:
    """Reports as (outcome, min, max, who, attributed_to); totals span them as the per-article stage does."""
    made = [CasualtyReport(outcome=o, min=lo, max=hi, who=who, attributed_to=by,
                           mention=f"{lo if lo is not None else 'nearly'}{'' if hi == lo else '+'} {who} {o}")
            for o, lo, hi, who, by in reports]
    out = Casualties(reports=made)
    for outcome in ("killed", "wounded", "abducted", "attackers_killed"):
        mine = [r for r in made if r.outcome == outcome]
        if mine:
            closed = [r.max for r in mine if r.max is not None]
            hi = max(closed) if closed and all((r.min or 0) < max(closed) for r in mine if r.max is None) else None
            setattr(out, outcome, Count(min=min((r.min for r in mine if r.min is not None), default=None), max=hi,
                                        mention="; ".join(r.mention for r in mine)))
    return out


def rec(article: str, where: str = "Djibo", day: str | None = "2025-03-02", *, published: str = "2025-03-03",
        actor: str | None = "JNIM", claimed: bool = False, etype: str = "attack", precision: str = "exact",
        killed: tuple = (), earliest: str | None = None, latest: str | None = None, start: int = 40,
        publisher: str = "Sahel Wire", mention: str | None = None) -> AttackRecord:
    """One record of article ``article`` (the article id), its evidence at ``start``."""
    kind, affiliation = ACTORS.get(actor, ("unidentified", None)) if actor else ("unidentified", None)
    date = (EventDate(value=day, earliest=day, latest=day, precision="day", mention="on Sunday") if day else
            EventDate(earliest=earliest, latest=latest, precision="week" if earliest else "unknown"))
    text = f"Gunmen attacked {where} on Sunday, killing soldiers, {publisher} reported."
    return AttackRecord(
        id=record_id(article, [(start, start + len(text))]), event_type=etype,
        actor=Actor(name=actor, mention=actor, kind=kind, affiliation=affiliation, claimed=claimed),
        target=Target(category="military", mention="soldiers"),
        place=place(where, precision, mention), date=date, casualties=toll(*killed),
        source=Source(article_id=article, path=f"data/{article}.txt", url=f"https://news.example/{article}",
                      title=f"Attack in {where}", publisher=publisher, published=published,
                      attributed_to=sorted({r[4] for r in killed if r[4]})),
        evidence=[Evidence(text=text, start=start, end=start + len(text))], confidence=0.8)


def lines(events) -> str:
    return "\n".join(json.dumps(e.model_dump(mode="json"), ensure_ascii=False) for e in events)


def in_batches(records, data, tmp_path_factory, read_between: bool = False):
    """The events of ``records`` added in a drawn order and drawn batches, the index saved and reloaded after each
    batch (``read_between``: its events read before each save too)."""
    order = data.draw(st.permutations(records))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(order)), max_size=3)))
    index, bounds = EventIndex(), [0, *cuts, len(order)]
    state = tmp_path_factory.mktemp("state") / "events.state.jsonl"
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        index.add(order[lo:hi])
        if read_between:
            index.events()
        index.save(state)
        index = EventIndex.load(state)  # a saved and reloaded index goes on the same way
    return index.events()


def djibo_sources() -> list[AttackRecord]:
    """The Djibo detachment attack of 2 March as a wire, a local brief, a communiqué, a claim and a follow-up."""
    return [
        rec("wire01", published="2025-03-03", killed=(("killed", 12, None, "military", "security source"),
                                                       ("killed", 31, None, "military", "residents"))),
        rec("local02", published="2025-03-04", actor=None, publisher="Faso Horizon",
            killed=(("killed", 30, 30, "military", "local source"),)),
        rec("comm03", published="2025-03-03", actor=None, publisher="ABPI",
            killed=(("killed", 12, 12, "military", "army"), ("attackers_killed", 41, None, "militants", "army"))),
        rec("claim04", published="2025-03-05", claimed=True, publisher="Sahel Claims Watch",
            killed=(("killed", 50, 50, "military", "JNIM"), ("killed", 12, 12, "military", "army"))),
        rec("follow05", published="2025-03-10", killed=(("killed", 23, 23, "military", "security source"),)),
    ]


def test_one_attack_across_wire_local_communique_claim_and_follow_up():
    (event,) = cluster_records(djibo_sources())
    assert len(event.records) == 5 and event.records == sorted(event.records)
    assert [s.article_id for s in event.sources] == ["comm03", "wire01", "local02", "claim04", "follow05"]
    assert (event.place.name, event.place.precision, event.date.value) == ("Djibo", "exact", "2025-03-02")
    assert (event.actor.name, event.actor.claimed) == ("JNIM", True)
    # security sources' 12+ gives way to their 23 of 10 March; army 12, locals 30, residents 31+, JNIM 50
    assert (event.casualties.killed.min, event.casualties.killed.max) == (12, 50)
    assert (event.casualties.attackers_killed.min, event.casualties.attackers_killed.max) == (41, None)
    assert not any(r.attributed_to == "security source" and r.min == 12 for r in event.casualties.reports)
    wire = next(s for s in event.sources if s.article_id == "wire01")
    assert (wire.casualties.killed.min, wire.casualties.killed.max) == (12, None)  # the record's own toll
    assert wire.evidence and wire.url == "https://news.example/wire01"


def test_same_village_a_week_apart_is_two_attacks():
    first = rec("a1", "Djibo", "2025-03-02", published="2025-03-03")
    second = rec("a2", "Djibo", "2025-03-09", published="2025-03-10")
    assert len(cluster_records([first, second])) == 2


@pytest.mark.parametrize(("gap_day", "n"), [("2025-03-03", 1), ("2025-03-04", 2)])
def test_overnight_tolerance_is_one_day(gap_day, n):
    first = rec("a1", "Djibo", "2025-03-02", published="2025-03-04")
    second = rec("a2", "Djibo", gap_day, published="2025-03-05")
    assert len(cluster_records([first, second])) == n


def test_neighbouring_villages_on_the_same_day_are_two_attacks():
    tera = rec("a1", "Téra", "2025-01-23", published="2025-01-24", actor="ISGS")
    kokorou = rec("a2", "Kokorou", "2025-01-23", published="2025-01-25", actor=None)
    bourzanga = rec("a3", "Bourzanga", "2026-01-11", published="2026-01-12")
    namsiguia = rec("a4", "Namsiguia", "2026-01-11", published="2026-01-12", actor=None)
    assert len(cluster_records([tera, kokorou, bourzanga, namsiguia])) == 4


def test_jnim_and_isgs_at_the_same_place_and_day_are_two_attacks():
    jnim = rec("a1", "Djibo", actor="JNIM")
    isgs = rec("a2", "Djibo", actor="ISGS")
    unknown = rec("a3", "Djibo", actor=None)
    events = cluster_records([jnim, isgs, unknown])
    assert len(events) == 2  # the unidentified one joins one of them, never both
    assert sorted(e.actor.name for e in events) == ["ISGS", "JNIM"]


def test_umbrella_group_matches_its_branch_but_two_branches_do_not():
    isgs = rec("a1", "Téra", "2025-01-23", actor="ISGS")
    state = rec("a2", "Téra", "2025-01-23", actor="Islamic State")
    iswap = rec("a3", "Téra", "2025-01-23", actor="ISWAP")
    events = cluster_records([isgs, state, iswap])
    assert sorted(len(e.records) for e in events) == [1, 2]
    assert {e.actor.name for e in events if len(e.records) == 2} == {"ISGS"}  # the branch, not the umbrella


def test_abduction_and_explosion_are_not_one_attack_but_massacre_and_attack_are():
    base = rec("a1", "Djibo", etype="attack")
    assert len(cluster_records([base, rec("a2", "Djibo", etype="massacre")])) == 1
    assert len(cluster_records([rec("a1", "Djibo", etype="abduction"), rec("a2", "Djibo", etype="explosion")])) == 2


def test_records_of_one_article_are_never_merged():
    one = rec("a1", "Djibo", start=10)
    two = rec("a1", "Djibo", start=400)
    assert len(cluster_records([one, two])) == 2


def test_unknown_date_joins_only_on_a_strong_place_and_a_close_publication():
    dated = rec("a1", "Boulkessi", "2024-10-19", published="2024-10-20")
    close = rec("a2", "Boulkessi", None, published="2024-10-21")
    late = rec("a3", "Boulkessi", None, published="2024-11-10")
    region = rec("a4", "Mopti", None, published="2024-10-21", precision="admin")
    events = cluster_records([dated, close, late, region])
    sizes = {e.sources[0].article_id: [s.article_id for s in e.sources] for e in events}
    assert sizes == {"a1": ["a1", "a2"], "a3": ["a3"], "a4": ["a4"]}
    joined = next(e for e in events if len(e.records) == 2)
    assert (joined.date.value, joined.date.precision) == ("2024-10-19", "day")


def test_a_region_record_joins_the_village_and_the_village_place_wins():
    village = rec("a1", "Boulkessi", "2024-10-19", published="2024-10-21")
    region = rec("a0", "Mopti", "2024-10-19", published="2024-10-20", precision="admin", actor=None)
    (event,) = cluster_records([region, village])
    assert (event.place.name, event.place.precision) == ("Boulkessi", "exact")
    assert event.actor.name == "JNIM" and event.sources[0].article_id == "a0"


def test_chaining_through_a_region_record_does_not_merge_two_villages():
    # the regional report is compatible with both village attacks, which are 28 km apart: two events
    region = rec("a0", "Tillabéri", "2025-01-23", published="2025-01-24", precision="admin", actor=None)
    tera = rec("a1", "Téra", "2025-01-23", published="2025-01-24", actor="ISGS")
    kokorou = rec("a2", "Kokorou", "2025-01-23", published="2025-01-25", actor=None)
    events = cluster_records([kokorou, tera, region])
    assert len(events) == 2
    assert sorted(len(e.records) for e in events) == [1, 2]


def test_close_spellings_of_an_unresolved_village():
    one = rec("a1", "Namsiguia", "2026-01-11", published="2026-01-12", precision="unresolved", actor=None)
    two = rec("a2", "Namssiguia", "2026-01-11", published="2026-01-13", precision="unresolved", actor=None)
    other = rec("a3", "Kongoussi", "2026-01-11", published="2026-01-13", precision="unresolved", actor=None)
    events = cluster_records([one, two, other])
    assert sorted(len(e.records) for e in events) == [1, 2]


def test_revised_toll_from_the_same_authority_replaces_the_earlier_one():
    early = rec("a1", "Téra", "2025-01-23", published="2025-01-24", actor="ISGS",
                killed=(("killed", 10, 10, "military", "defence ministry"),))
    later = rec("a2", "Téra", "2025-01-23", published="2025-02-02", actor="ISGS",
                killed=(("killed", 14, 14, "military", "defence ministry"),))
    (event,) = cluster_records([later, early])
    assert (event.casualties.killed.min, event.casualties.killed.max) == (14, 14)
    assert [r.min for r in event.casualties.reports] == [14]
    assert [s.casualties.killed.min for s in event.sources] == [10, 14]  # each source keeps its own toll


def test_rival_sources_span_and_an_open_highest_figure_leaves_max_open():
    army = rec("a1", killed=(("killed", 10, 10, "civilians", "army"),))
    locals_ = rec("a2", published="2025-03-04", killed=(("killed", 25, 25, "civilians", "local source"),))
    (event,) = cluster_records([army, locals_])
    assert (event.casualties.killed.min, event.casualties.killed.max) == (10, 25)
    claim = rec("a3", published="2025-03-05", killed=(("killed", 30, None, "civilians", "JNIM"),))
    (event,) = cluster_records([army, locals_, claim])
    assert (event.casualties.killed.min, event.casualties.killed.max) == (10, None)


def test_output_is_deterministic_byte_for_byte(tmp_path):
    records = djibo_sources() + [rec("x1", "Djibo", "2025-03-14", published="2025-03-15", actor=None)]
    events_to_jsonl(cluster_records(records), tmp_path / "one.jsonl")
    events_to_jsonl(cluster_records(list(reversed(records))), tmp_path / "two.jsonl")
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert lines(read_events(tmp_path / "one.jsonl")) == lines(cluster_records(records))


def test_event_id_is_stable_when_later_articles_arrive():
    records = djibo_sources()
    first = sorted(records, key=lambda r: r.source.published or "")[:2]
    index = EventIndex()
    index.add(first)
    (before,) = index.events()
    index.add(records)
    (after,) = index.events()
    assert before.id == after.id and before.id.startswith("ev-")


#: Records that exercise every rule at once: one attack told five times, a week-later attack at the same
#: town, neighbouring villages the same day, rival groups, a regional record that chains two villages,
#: undated records, an overnight pair and an unresolved spelling pair.
POOL = djibo_sources() + [
    rec("p01", "Djibo", "2025-03-09", published="2025-03-10", actor="ISGS"),
    rec("p02", "Djibo", "2025-03-02", published="2025-03-03", actor="ISGS"),
    rec("p03", "Djibo", None, published="2025-03-04", actor=None),
    rec("p04", "Djibo", "2025-03-03", published="2025-03-04", actor=None, start=900),
    rec("p05", "Tillabéri", "2025-01-23", published="2025-01-24", precision="admin", actor=None),
    rec("p06", "Téra", "2025-01-23", published="2025-01-24", actor="ISGS",
        killed=(("killed", 10, 10, "military", "defence ministry"),)),
    rec("p07", "Kokorou", "2025-01-23", published="2025-01-25", actor=None),
    rec("p08", "Téra", "2025-01-23", published="2025-02-02", actor="ISGS",
        killed=(("killed", 14, 14, "military", "defence ministry"),)),
    rec("p09", "Téra", None, published="2025-01-25", actor=None),
    rec("p10", "Namsiguia", "2026-01-11", published="2026-01-12", precision="unresolved", actor=None),
    rec("p11", "Namssiguia", None, published="2026-01-13", precision="unresolved", actor=None),
    rec("p12", "Boulkessi", None, earliest="2024-10-14", latest="2024-10-20", published="2024-10-21"),
    rec("p13", "Mopti", "2024-10-19", published="2024-10-20", precision="admin", actor=None),
    rec("p14", "Mondoro", "2024-10-19", published="2024-10-20", actor=None, etype="explosion"),
]


@settings(max_examples=60, deadline=None)
@given(order=st.permutations(list(range(len(POOL)))),
       cuts=st.lists(st.integers(min_value=0, max_value=len(POOL)), max_size=5))
def test_incremental_equals_all_at_once_in_any_batches_and_order(order, cuts):
    expected = lines(cluster_records(POOL))
    shuffled = [POOL[i] for i in order]
    bounds = [0, *sorted(cuts), len(POOL)]
    index = EventIndex()
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        index.add(shuffled[lo:hi])
        index.events()  # reading in between must not change what comes later
    assert lines(index.events()) == expected


#: Building blocks for random records: places (with their precision), actors, types.
SPOTS = [("Djibo", "exact"), ("Téra", "exact"), ("Kokorou", "exact"), ("Téra", "near"), ("Tillabéri", "admin"),
         ("Namsiguia", "unresolved"), ("Namssiguia", "unresolved")]
random_record = st.tuples(st.integers(0, len(SPOTS) - 1), st.one_of(st.none(), st.integers(0, 4)),
                          st.sampled_from([None, "JNIM", "ISGS", "Islamic State"]),
                          st.sampled_from(["attack", "massacre", "explosion", "abduction"]),
                          st.integers(1, 6), st.integers(0, 5))


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(random_record, min_size=1, max_size=14), data=st.data())
def test_random_records_cluster_the_same_in_any_batches(specs, data, tmp_path_factory):
    records = []
    for i, (spot, offset, actor, etype, delay, article) in enumerate(specs):
        name, precision = SPOTS[spot]
        day = f"2025-01-{20 + offset:02d}" if offset is not None else None
        records.append(rec(f"r{article}", name, day, published=f"2025-01-{20 + (offset or 0) + delay:02d}",
                           actor=actor, etype=etype, precision=precision, start=100 * i))
    assert lines(in_batches(records, data, tmp_path_factory)) == lines(cluster_records(records))


def test_every_event_is_a_clique_of_compatible_records():
    from sahel_extract.events.similarity import features, score

    s = ClusterSettings()
    by_id = {r.id: r for r in POOL}
    for event in cluster_records(POOL):
        for i, a in enumerate(event.records):
            for b in event.records[i + 1:]:
                assert score(features(by_id[a], s), features(by_id[b], s), s) is not None


def test_state_round_trip_and_run_events(tmp_path):
    half = len(POOL) // 2
    (tmp_path / "one.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in POOL[:half]) +
                                        '{"path": "x.txt", "reason": "unreadable", "stage": "ingest"}\n')
    (tmp_path / "two.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in POOL[half:]))
    state = tmp_path / "events.state.jsonl"
    first = run_events([tmp_path / "one.jsonl"], tmp_path / "events.jsonl", state_path=state)
    assert (first.records_new, first.lines_skipped) == (half, 1)
    second = run_events([tmp_path / "two.jsonl", tmp_path / "one.jsonl"], tmp_path / "events.jsonl",
                        state_path=state)
    assert second.records_new == len(POOL) - half and second.records_total == len(POOL)
    assert lines(read_events(tmp_path / "events.jsonl")) == lines(cluster_records(POOL))
    assert lines(EventIndex.load(state).events()) == lines(cluster_records(POOL))


def test_settings_are_validated_and_change_the_rule():
    with pytest.raises(ValidationError):
        ClusterSettings(near_km=2, same_place_km=5)
    with pytest.raises(ValidationError):
        ClusterSettings(threshold=1.5)
    with pytest.raises(ValidationError):
        ClusterSettings(type_groups=[["attack"]])
    tera = rec("a1", "Téra", "2025-01-23", actor=None)
    kokorou = rec("a2", "Kokorou", "2025-01-23", actor=None)
    assert len(cluster_records([tera, kokorou], ClusterSettings(same_place_km=40, near_km=40))) == 1
