"""The pure normalisers: numbers, dates, sources, actors, places."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_extract.normalise import embedded_gazetteer, parse_count, resolve_actor, resolve_date, resolve_place
from sahel_extract.normalise.sources import normalise_source, normalise_sources


@pytest.mark.parametrize("phrase,expected", [
    ("31", (31, 31)), ("twenty-five", (25, 25)), ("a dozen", (12, 12)), ("at least 12", (12, None)),
    ("no fewer than 7", (7, None)), ("more than 30", (31, None)), ("over 30", (31, None)),
    ("about 20", (20, 20)), ("some 40", (40, 40)), ("nearly 50", (None, 50)), ("almost 50", (None, 50)),
    ("between 20 and 30", (20, 30)), ("dozens of", (24, None)), ("scores of", (40, None)),
    ("hundreds of", (200, None)), ("several", (None, None)), ("many", (None, None)), ("1,200", (1200, 1200)),
    ("two hundred and fifty", (250, 250)), ("one", (1, 1)), ("trente", (30, 30)), ("soldiers", None),
])
def test_casualty_numbers(phrase, expected):
    assert parse_count(phrase) == expected


@given(st.integers(min_value=1, max_value=5000))
def test_number_qualifiers_are_consistent(n):
    assert parse_count(str(n)) == (n, n)
    assert parse_count(f"at least {n}") == (n, None)
    assert parse_count(f"more than {n}") == (n + 1, None)
    assert parse_count(f"nearly {n}") == (None, n)


PUB = dt.date(2025, 6, 3)  # a Tuesday


@pytest.mark.parametrize("mention,value,precision", [
    ("on Sunday", "2025-06-01", "day"), ("late on Friday", "2025-05-30", "day"), ("on Tuesday", "2025-06-03", "day"),
    ("overnight", "2025-06-02", "day"), ("yesterday", "2025-06-02", "day"), ("on June 1", "2025-06-01", "day"),
    ("1er juin", "2025-06-01", "day"), ("on 28 May", "2025-05-28", "day"), ("June 1, 2025", "2025-06-01", "day"),
    ("last week", None, "week"), ("earlier this month", None, "month"), ("in March", None, "month"),
])
def test_dates_relative_to_publication(mention, value, precision):
    d = resolve_date(mention, PUB)
    assert (d.value, d.precision, d.mention) == (value, precision, mention)


def test_dates_without_publication_stay_null_and_keep_mention():
    for mention in ("on Sunday", "on June 1", "overnight"):
        d = resolve_date(mention, None)
        assert d.value is None and d.mention == mention
    assert resolve_date("June 1, 2025", None).value == "2025-06-01"
    assert resolve_date(None, PUB).model_dump() == {"value": None, "earliest": None, "latest": "2025-06-03",
                                                    "precision": "unknown", "mention": None}


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_most_recent_on_or_before_publication(published, weekday):
    d = resolve_date(f"on {weekday}", published)
    day = dt.date.fromisoformat(d.value)
    assert 0 <= (published - day).days < 7 and day.strftime("%A") == weekday


@pytest.mark.parametrize("phrase,label", [
    ("sources cited by Reuters", "Reuters"), ("local sources", "local source"), ("a local official", "officials"),
    ("the Malian army", "army"), ("residents", "residents"), ("two security sources", "security source"),
    ("AFP", "AFP"), ("a health worker", "medical source"),
])
def test_sources(phrase, label):
    assert normalise_source(phrase) == label


@pytest.mark.parametrize("mention,name,kind", [
    ("Jama'a Nusrat ul-Islam wa al-Muslimin", "JNIM", "jihadist"), ("GSIM", "JNIM", "jihadist"),
    ("Islamic State in the Greater Sahara", "ISGS", "jihadist"), ("EIGS", "ISGS", "jihadist"),
    ("Forces armées maliennes", "FAMa", "state_forces"), ("ISWAP", "ISWAP", "jihadist"),
])
def test_actor_aliases(mention, name, kind):
    actor = resolve_actor(mention)
    assert (actor.name, actor.kind) == (name, kind)


def test_generic_actor_keeps_suspected():
    actor = resolve_actor("suspected jihadists")
    assert actor.name is None and actor.kind == "unidentified" and actor.suspected


@pytest.mark.parametrize("mention,countries,name,admin1,code", [
    ("Tombouctou", [], "Timbuktu", "Tombouctou", "ML"), ("Tillaberi", ["NE"], "Tillabéri", "Tillabéri", "NE"),
    ("Boulikessi", ["ML"], "Boulkessi", "Mopti", "ML"), ("Djibo", [], "Djibo", "Sahel", "BF"),
    ("Ouahigouya", [], "Ouahigouya", "Nord", "BF"), ("Menaka", ["ML"], "Ménaka", "Ménaka", "ML"),
])
def test_places(mention, countries, name, admin1, code):
    place = resolve_place(mention, embedded_gazetteer(), countries)
    assert (place.name, place.admin1, place.country_code) == (name, admin1, code)


def test_unknown_place_is_unresolved_with_country():
    place = resolve_place("Ngourzoumbou", embedded_gazetteer(), ["NE"])
    assert (place.precision, place.name, place.country_code) == ("unresolved", "Ngourzoumbou", "NE")


def test_several_sources_in_one_phrase():
    assert normalise_sources("municipal officials and residents") == ["officials", "residents"]
    assert normalise_sources("the army and local sources") == ["army", "local source"]
