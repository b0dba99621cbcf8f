"""The pure normalisers: numbers, dates, sources, actors, places."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_extract.normalise import parse_count, resolve_actor, resolve_date
from sahel_extract.normalise.sources import normalise_source, normalise_sources
from sahel_extract.places import embedded_gazetteer, resolve_place


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


# --- resolution hints, on a small gazetteer of invented-but-plausible entries ------------------------------

def _entry(gid, name, cc, admin1, lat, lon, kind="town", names=()):
    from sahel_extract.places.kb import GazEntry

    return GazEntry(id=f"t:{gid}", name=name, country_code=cc, kind=kind, admin1=admin1, lat=lat, lon=lon,
                    names=tuple(names))


@pytest.fixture
def small_gazetteer():
    from sahel_extract.places.kb import Gazetteer

    return Gazetteer([
        _entry(1, "Taka", "NE", "Maradi", 14.30, 8.05), _entry(2, "Taka", "NE", "Tillabéri", 13.76, 0.80),
        _entry(3, "Tabrichat", "ML", "Gao", 17.73, 0.21), _entry(4, "Tessalit", "ML", "Kidal", 20.20, 1.01),
        _entry(5, "Kolokoura", "NE", "Diffa", 13.28, 12.67), _entry(6, "Koulou Kouara", "NE", "Tillabéri", 13.39, 2.21),
        _entry(7, "Geydam-Tchoukou", "NE", "Diffa", 13.09, 12.49),
        _entry(8, "Abadam", "NG", "Borno", 13.6, 13.3, kind="admin2"), _entry(9, "Abadam", "NE", "Diffa", 13.63, 13.25),
    ], label="test")


@pytest.mark.parametrize("a, b", [("gaidam tchoukou", "geydam tchoukou"), ("wala gounto", "walagounto"),
                                  ("djibo", "jibo"), ("gomde fulbe", "gomde foulbe"), ("chinegodar", "tchinegodar")])
def test_transcriptions_of_one_name_sound_the_same(a, b):
    from sahel_extract.places import sound_key

    assert sound_key(a) == sound_key(b)


@pytest.mark.parametrize("a, b", [("kerboule", "kerwoule"), ("taka", "tara"), ("bima", "bama"), ("djibo", "diabo")])
def test_different_names_do_not_sound_the_same(a, b):
    from sahel_extract.places import sound_key

    assert sound_key(a) != sound_key(b)


def test_a_transcription_below_the_ratio_cut_off_is_found_by_sound(small_gazetteer):
    place = resolve_place("Gaidam Tchoukou", small_gazetteer)
    assert (place.name, place.admin1) == ("Geydam-Tchoukou", "Diffa")


def test_namesakes_are_decided_by_where_the_named_groups_operate(small_gazetteer):
    assert resolve_place("Taka", small_gazetteer, ["NE"]).admin1 == "Maradi"  # nothing to tell them apart: by id
    in_tillaberi = resolve_place("Taka", small_gazetteer, ["NE"], in_area=lambda cc, a1: a1 == "Tillabéri")
    assert in_tillaberi.admin1 == "Tillabéri"


def test_close_spellings_compete_on_context(small_gazetteer):
    # "Koulo Koura" is a little closer to Koulou Kouara, but ISWAP operates around Kolokoura
    assert resolve_place("Koulo Koura", small_gazetteer).name == "Koulou Kouara"
    place = resolve_place("Koulo Koura", small_gazetteer, in_area=lambda cc, a1: a1 == "Diffa")
    assert place.name == "Kolokoura"


def test_places_named_together_are_near_each_other(small_gazetteer):
    assert resolve_place("Taka", small_gazetteer, ["NE"], near=[(13.80, 0.90)]).admin1 == "Tillabéri"


def test_a_village_is_not_an_admin_unit_of_the_same_name(small_gazetteer):
    assert resolve_place("Abadam", small_gazetteer, ["NG", "NE"]).country_code == "NG"
    assert resolve_place("Abadam", small_gazetteer, ["NG", "NE"], locality=True).country_code == "NE"


def test_names_that_only_sound_alike_when_short_are_not_matched():
    from sahel_extract.places.kb import Gazetteer

    gaz = Gazetteer([_entry(1, "Ourouko", "BF", "Boucle du Mouhoun", 13.13, -4.15, names=("Oulouha",))], label="t")
    assert resolve_place("Woulouwa", gaz).precision == "unresolved"


def test_a_spelling_variant_abroad_counts_only_where_the_named_groups_operate():
    from sahel_extract.places.kb import Gazetteer

    gaz = Gazetteer([_entry(1, "Kouri Sogodo", "BF", "Boucle du Mouhoun", 13.0, -3.5)], label="t")
    # a Malian story (the group's main country) does not take a Burkinabe village for a spelling variant...
    assert resolve_place("Kourisogodo", gaz, ["ML"]).precision == "unresolved"
    # ...unless the group the text names operates there
    place = resolve_place("Kourisogodo", gaz, ["ML"], in_area=lambda cc, a1: (cc, a1) == ("BF", "Boucle du Mouhoun"))
    assert (place.name, place.country_code) == ("Kouri Sogodo", "BF")
