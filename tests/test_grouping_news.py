"""One attack, one record (issue 10, rule 2), dates against the publication date (rule 5) and history relative to
the article's subject (rule 6): page-style texts, on the default and the rules-only pipeline."""

from __future__ import annotations

import pytest

from sahel_extract.attacks.compat import same_place, same_time
from sahel_extract.frames.mentions import PlaceArg, TimeArg
from sahel_extract.normalise.dates import resolve_date
from sahel_extract.records import EventDate, Place


def summary(records):
    return [(r.place.name, r.date.value) for r in records]


# --- compatibility, on resolved values -------------------------------------------------------------------------

def place(text, **fields):
    arg = PlaceArg(text, 0, len(text), near=fields.pop("near", False))
    arg.resolved = Place(name=fields.pop("name", text), **fields)
    return arg


def test_places_are_compatible_by_entry_hierarchy_nearness_and_spelling():
    djibo = place("Djibo", gazetteer_id="g:1", admin1="Sahel", admin2="Soum", country_code="BF", lat=14.1,
                  lon=-1.63, precision="exact")
    soum = place("Soum province", name="Soum", gazetteer_id="g:2", admin1="Sahel", admin2="Soum", country_code="BF",
                 precision="admin")
    near_djibo = place("near Djibo", name="Djibo", gazetteer_id="g:1", country_code="BF", lat=14.1, lon=-1.63,
                       near=True, precision="near")
    village = place("Kobou", admin1="Sahel", country_code="BF", precision="unresolved")
    arbinda = place("Arbinda", gazetteer_id="g:3", admin1="Sahel", country_code="BF", lat=14.23, lon=-0.87,
                    precision="exact")
    assert same_place(djibo, soum) and same_place(soum, djibo)
    assert same_place(near_djibo, djibo)
    assert same_place(place("Thiem", precision="unresolved"), place("Theim village", precision="unresolved"))
    assert same_place(djibo, arbinda) is False  # 80 km apart: two towns
    assert same_place(village, arbinda) is False
    assert same_place(None, djibo) is None


def time(text, value=None, earliest=None, latest=None, night=False):
    arg = TimeArg(text, 0, len(text), night=night)
    arg.resolved = EventDate(value=value, earliest=earliest or value, latest=latest or value,
                             precision="day" if value else "week")
    return arg


def test_times_overlap_and_a_night_may_run_into_the_next_day():
    sunday, monday = time("on Sunday", "2025-03-09"), time("on Monday", "2025-03-10")
    assert same_time(sunday, time("on 9 March", "2025-03-09"))
    assert same_time(sunday, monday) is False
    assert same_time(time("overnight", "2025-03-09", night=True), monday)
    assert same_time(sunday, time("last week", earliest="2025-03-03", latest="2025-03-09"))


# --- whole articles ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the same attack told by a lead, a quote, a toll update and a burial
    "Gunmen killed nine villagers in Kobou on Saturday, residents said.\n\n\"They came at dawn and shot at "
    "everyone,\" one resident told Sahel Wire.\n\nThe toll later rose to eleven, a local official said. The "
    "victims were buried on Sunday in Kobou.",
    # the village named with its province in one sentence and alone in the next
    "Armed men attacked the village of Kobou in Soum province on Saturday, killing nine people, a security source "
    "said. The attack on Kobou was the third in the area this month, the source added.",
])
def test_restatements_updates_and_burials_continue_the_attack(pipe, text):
    records = pipe.extract(text, published="2025-03-10")
    assert len(records) == 1 and records[0].date.value == "2025-03-08"


def test_a_clause_with_its_own_incident_starts_another_attack(pipe):
    text = ("Gunmen killed four soldiers at an army post in Djibo on Monday, the army said. The next day, a "
            "roadside bomb killed two civilians near Arbinda, a local official said.")
    assert summary(pipe.extract(text, published="2025-03-12")) == [("Djibo", "2025-03-10"),
                                                                   ("Aribinda", "2025-03-11")]


def test_two_attacks_the_same_day_in_two_towns_are_two_records(pipe):
    text = ("Jihadists attacked the town of Djibo on Sunday, killing twelve civilians, residents said. Also on Sunday, "
            "gunmen killed five herders in Arbinda, about 80 km to the east, officials said.")
    assert summary(pipe.extract(text, published="2025-03-11")) == [("Djibo", "2025-03-09"), ("Aribinda", "2025-03-09")]


def test_a_background_attack_told_after_the_news_is_no_record(pipe):
    text = ("Gunmen killed seven soldiers in an ambush near Boni on Monday, the army said.\n\nIn December, a "
            "similar ambush on the same road killed 21 soldiers.\n\nThe attack comes a week after jihadists killed "
            "ten civilians in Douentza.")
    records = pipe.extract(text, published="2025-03-12")
    assert summary(records) == [("Boni", "2025-03-10")]


def test_a_retrospective_keeps_its_subject_however_old(pipe):
    text = ("Five years on, Solhan remembers the night jihadists killed 160 villagers\n\nFive years ago, on the "
            "night of June 4, 2021, gunmen stormed Solhan and killed at least 160 people, the government said at "
            "the time. Survivors gathered on Friday to remember the dead.")
    records = pipe.extract(text, published="2026-06-05")
    assert [(r.place.name, r.casualties.killed.min) for r in records] == [("Solhan", 160)]


# --- dates (rule 5) ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mention,published,expected", [
    ("on Sunday", "2025-06-03", "2025-06-01"),
    ("yesterday", "2025-06-03", "2025-06-02"),
    ("overnight from Saturday into Sunday", "2025-06-03", "2025-05-31"),
    ("late on Friday night", "2025-06-03", "2025-05-30"),
    ("on 12 June", "2025-06-03", "2024-06-12"),
    ("last Tuesday", "2025-06-03", "2025-05-27"),
])
def test_relative_days_resolve_against_the_publication_date(mention, published, expected):
    import datetime as dt

    assert resolve_date(mention, dt.date.fromisoformat(published)).value == expected


def test_a_page_without_metadata_dates_its_attacks_by_its_date_stamp(pipe):
    text = ("Posted: 04/03/2025 at 09:40\n\nGunmen killed six soldiers near Boni on Monday, the army said in a "
            "statement. The attackers fled towards the border, a security source said.")
    records = pipe.extract(text)
    assert [r.date.value for r in records] == ["2025-03-03"]
    assert records[0].source.published == "2025-03-04"


def test_the_date_of_a_claim_or_of_the_report_is_not_the_attack_date(pipe):
    text = ("Gunmen killed four policemen at a checkpoint in Kantchari on Friday, a security source said. JNIM "
            "claimed the attack on Sunday in a statement.")
    assert summary(pipe.extract(text, published="2025-03-11")) == [("Kantchari", "2025-03-07")]


@pytest.mark.parametrize("text,expected", [
    ("Late on Saturday the army said insurgents had ambushed a convoy near Gao on Friday, killing 25 civilians.",
     "2025-02-07"),
    ("On Sunday, security sources said gunmen had killed eight herders near Ménaka on Friday.", "2025-02-07"),
    ("Officials confirmed on Sunday that gunmen killed eight herders near Ménaka on Friday.", "2025-02-07"),
    ("Gunmen killed eight herders near Ménaka on Friday, officials said on Sunday.", "2025-02-07"),
])
def test_the_day_a_source_speaks_is_not_the_attack_date(pipe, text, expected):
    assert [r.date.value for r in pipe.extract(text, published="2025-02-10")] == [expected]


def test_an_attack_told_only_by_when_it_was_reported_takes_that_day(pipe):
    records = pipe.extract("As reported on Monday, gunmen killed two farmers in Kobou.", published="2025-02-12")
    assert [r.date.value for r in records] == ["2025-02-10"]


def test_a_weekday_in_a_name_is_no_date(pipe):
    text = "Gunmen killed six worshippers outside the Friday mosque in Kobou on Tuesday, residents said."
    assert [r.date.value for r in pipe.extract(text, published="2025-02-13")] == ["2025-02-11"]


def test_a_year_in_the_url_bounds_the_date_when_nothing_else_does(pipe):
    text = "Gunmen killed six herders near Ménaka on Tuesday, residents said."
    records = pipe.extract(text, url="https://sahelwire.example/news/2024/menaka-herders")
    assert [(r.date.value, r.date.earliest, r.date.latest) for r in records] == [(None, "2024-01-01", "2024-12-31")]
