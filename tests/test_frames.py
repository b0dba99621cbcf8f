"""The frame finders, one by one, on small Docs from the rules-only pipeline (the pattern rulers and the entity
ruler run; no statistical model)."""

from __future__ import annotations

import pytest

from sahel_extract.frames.actors import find_actors
from sahel_extract.frames.casualties import find_casualties
from sahel_extract.frames.cues import find_attributions, find_cues, find_times
from sahel_extract.frames.places import find_places
from sahel_extract.frames.triggers import find_triggers
from sahel_extract.normalise.actors import default_catalogue
from sahel_extract.patterns import load_lexicon


@pytest.fixture(scope="module")
def sentence(blank_pipeline):
    nlp = blank_pipeline.nlp

    def first(text: str):
        return next(iter(nlp(text).sents))

    return first


@pytest.mark.parametrize("text,expected", [
    ("Gunmen ambushed a convoy near Djibo.", [("ambushed", "attack", False)]),
    ("A roadside bomb struck a truck.", [("roadside bomb", "explosion", False), ("struck", "attack", True)]),
    ("A suicide bomber blew himself up at the market.", [("suicide bomber", "suicide_bombing", False),
                                                        ("blew himself up", "suicide_bombing", False)]),
    ("Drone strikes hit a militant camp.", [("Drone strikes", "air_strike", False)]),
])
def test_triggers_take_the_longest_phrase_and_its_flags(sentence, text, expected):
    assert [(t.text, t.event_type, t.weak) for t in find_triggers(sentence(text))] == expected


@pytest.mark.parametrize("text", [
    "Artisanal miners work a gold mine near Kalsaka.",
    "The junta planned to attack the rebels' positions, the minister said.",
    "A 2021 attack on the town is still remembered.",
])
def test_a_word_used_in_another_sense_is_no_trigger(sentence, text):
    assert [t.text for t in find_triggers(sentence(text)) if not t.weak] == []


@pytest.mark.parametrize("text,expected", [
    ("At least twelve soldiers were killed.", [("killed", "At least twelve", "military")]),
    ("The attackers killed 14 villagers and wounded five others.", [("killed", "14", "civilians"),
                                                                    ("wounded", "five", "civilians")]),
    ("Gunmen shot dead three gendarmes and a civilian.", [("killed", "three", "police"),
                                                          ("killed", "one", "civilians")]),
    ("The death toll rose to 23, a doctor said.", [("killed", "23", None)]),
    ("Seventeen people, eleven soldiers and six volunteers, were killed.", [
        ("killed", "Seventeen", "civilians"), ("killed", "eleven", "military"), ("killed", "six", "military")]),
    ("Dozens of herders were abducted on the road.", [("abducted", "Dozens of", "civilians")]),
])
def test_casualty_figures_with_their_outcome_and_victims(sentence, text, expected):
    found = [(c.outcome, c.quantity, c.who) for c in find_casualties(sentence(text))]
    assert found == expected


def test_counts_of_things_and_days_of_the_month_are_no_toll(sentence):
    assert find_casualties(sentence("On 28 September the gunmen stole three trucks and 150 head of cattle.")) == []


def test_a_breakdown_after_a_comma_is_a_subset(sentence):
    found = find_casualties(sentence("Seventeen people, eleven soldiers and six volunteers, were killed."))
    assert [c.subset for c in found] == [False, True, True]


@pytest.mark.parametrize("text,who,score_sign", [
    ("JNIM fighters attacked the army post.", "JNIM", 1),
    ("The attack was claimed by the Islamic State Sahel Province.", "ISGS", 1),
    ("Gunmen attacked a FAMa convoy near Boni.", "FAMa", -1),
])
def test_an_actor_mention_gets_its_role(sentence, text, who, score_sign):
    sent = sentence(text)
    cues = find_cues(sent, 6)
    actors, targets = find_actors(sent, default_catalogue(), find_casualties(sent), [], find_triggers(sent),
                                  cues.claim)
    if score_sign > 0:
        assert any(a.name == who and a.score > 0 for a in actors)
    else:
        assert all(a.name != who for a in actors) and any(t.category == "military" for t in targets)


@pytest.mark.parametrize("text,place,role", [
    ("Gunmen attacked the market in Djibo on Sunday.", "Djibo", "locative"),
    ("The convoy was ambushed near Boni.", "Boni", "near"),
    ("Clashes broke out in the Tillabéri region.", "Tillabéri", "want_admin"),
    ("The Boulkessi attack left the army shaken.", "Boulkessi", "reference"),
    ("The wounded were evacuated to Mopti.", "Mopti", "seat"),
])
def test_places_and_their_role(sentence, text, place, role):
    places, _, _ = find_places(sentence(text), [])
    arg = next(p for p in places if p.text.startswith(place))
    assert getattr(arg, role)


def test_a_name_the_gazetteer_lacks_is_a_place_by_its_construction(sentence):
    places, _, _ = find_places(sentence("Armed men raided the village of Kwaremaga on Friday."), [])
    assert [(p.text, p.source, p.locality) for p in places] == [("Kwaremaga", "pattern", True)]


def test_a_country_named_as_a_border_is_not_a_country_of_the_place(sentence):
    _, countries, _ = find_places(sentence("Soldiers were killed near the Niger border on Monday."), [])
    assert countries == []
    _, countries, _ = find_places(sentence("Soldiers were killed in Niger on Monday."), [])
    assert countries == ["NE"]


@pytest.mark.parametrize("text,expected", [
    ("The gunmen struck late on Friday night.", ["late on Friday night"]),
    ("Jihadists attacked the town on 12 June 2024, residents said.", ["on 12 June 2024"]),
    ("The toll has risen since the beginning of the year.", []),
    ("Residents said the raid happened overnight.", ["overnight"]),
])
def test_times(sentence, text, expected):
    assert [t.text for t in find_times(sentence(text), 5)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Twelve soldiers were killed, according to security sources.", ["security sources"]),
    ("\"We lost nine men,\" a local official said.", ["a local official"]),
    ("Eight people died, a nurse told Reuters by phone.", ["a nurse", "Reuters"]),
])
def test_attributions(sentence, text, expected):
    found = find_attributions(sentence(text), load_lexicon("en"), 90)
    assert [s.text for s in found] == expected


@pytest.mark.parametrize("text,label", [
    ("Since January more than 300 civilians have been killed in the region.", "AGGREGATE"),
    ("In a separate attack, gunmen killed two herders.", "NEW_EVENT"),
    ("The toll later rose to 15.", "REVISION"),
    ("JNIM claimed responsibility for the attack.", "CLAIM"),
    ("Police fired tear gas at protesters in Niamey.", "PROTEST"),
])
def test_clause_cues(sentence, text, label):
    assert label in find_cues(sentence(text), 6)


def test_a_denied_claim_is_no_claim(sentence):
    assert find_cues(sentence("No group has claimed responsibility for the attack."), 6).claim is None
    assert find_cues(sentence("JNIM claimed responsibility for the attack."), 6).claim is not None
