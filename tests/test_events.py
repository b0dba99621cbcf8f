"""The events stage: sentence frames and their grouping into attacks, on wire-style sentences."""

from __future__ import annotations

import pytest

PUB = "2025-03-14"  # a Friday


def one(pipeline, text, published=PUB):
    records = pipeline.extract(text, published=published)
    assert len(records) == 1, [(r.place.name, r.date.value) for r in records]
    return records[0]


def killed(record):
    c = record.casualties.killed
    return (c.min, c.max) if c else None


def test_lead_with_two_attacks_keeps_details_with_the_first(pipeline):
    text = ("GAO, Mali - Gunmen killed eleven traders at the cattle market in Ansongo on Tuesday, local officials "
            "said. Two days later, four soldiers died when their truck hit a landmine.\n\n"
            "The attackers came on motorbikes and fired on the crowd, a trader said. Eleven people were killed "
            "and nine were wounded, he added.\n\n"
            "On Thursday, a mine blast hit an army truck near Bourem, killing four soldiers, a military source said. "
            "No group has claimed responsibility for the explosion.")
    first, second = pipeline.extract(text, published=PUB)
    assert (first.place.name, first.date.value, killed(first)) == ("Ansongo", "2025-03-11", (11, 11))
    assert (first.casualties.wounded.min, first.target.category) == (9, "civilians")
    assert (second.place.name, second.date.value, killed(second), second.event_type) == (
        "Bourem", "2025-03-13", (4, 4), "explosion")
    assert not second.actor.claimed and second.actor.kind == "unidentified"


def test_appositive_toll_is_a_breakdown_not_a_sum(pipeline):
    r = one(pipeline, "Twelve people, eight soldiers and four VDP volunteers, were killed on Wednesday in an ambush "
                      "near Djibo, security sources said.")
    assert killed(r) == (12, 12) and r.target.category == "military" and r.actor.name is None


def test_suicide_bomber_is_an_attacker_killed(pipeline):
    r = one(pipeline, "A suicide bomber blew himself up at a mosque in Konduga on Thursday, killing seven "
                      "worshippers, police said.")
    assert (killed(r), r.casualties.attackers_killed.min, r.event_type) == ((7, 7), 1, "suicide_bombing")


def test_blame_in_a_later_sentence_names_the_actor(pipeline):
    r = one(pipeline, "Armed men killed nine villagers in Tin-Akoff on Monday, residents said. Officials blamed the "
                      "attack on the Islamic State Sahel Province, which has been active in the area since 2018.")
    assert (r.actor.name, r.actor.claimed) == ("ISGS", False)


def test_supporting_forces_are_not_the_actor(pipeline):
    r = one(pipeline, "Malian soldiers supported by Russian paramilitaries clashed with jihadists near Léré on "
                      "Saturday, killing 15 militants, the army said. Two soldiers were killed.")
    assert (r.actor.name, r.event_type) == ("FAMa", "armed_clash")
    assert killed(r) == (15, 15) and r.casualties.attackers_killed.min == 2


def test_a_group_naming_the_target_is_not_the_actor(pipeline):
    r = one(pipeline, "Unidentified gunmen attacked a VDP post in Arbinda on Tuesday, killing three volunteers.")
    assert r.actor.name is None and r.actor.kind == "unidentified" and r.target.category == "military"


def test_the_date_of_a_statement_is_not_the_date_of_the_attack(pipeline):
    r = one(pipeline, "Jihadists stormed the gendarmerie in Sebba on Tuesday, killing five gendarmes. The "
                      "government said in a statement released on Thursday that the attackers had fled.")
    assert r.date.value == "2025-03-11"


def test_one_victim_without_a_number_word(pipeline):
    r = one(pipeline, "Gunmen stopped a minibus outside Mopti on Wednesday and abducted six passengers. The driver "
                      "of the minibus was shot dead.")
    assert (r.casualties.abducted.min, killed(r), r.event_type) == (6, (1, 1), "abduction")


@pytest.mark.parametrize("sentence", [
    "Nobody has claimed responsibility for the attack.",
    "There was no immediate claim of responsibility.",
])
def test_denied_claims_are_not_claims(pipeline, sentence):
    r = one(pipeline, "Militants attacked an army post in Dori on Monday, killing four soldiers. " + sentence)
    assert not r.actor.claimed


def test_conflicting_tolls_span_and_keep_every_report(pipeline):
    r = one(pipeline, "Gunmen killed at least 10 herders near Tillabéri on Sunday, the army said. Local sources "
                      "said 22 people had been killed.", published="2025-03-11")
    assert killed(r) == (10, 22)
    assert sorted(rep.attributed_to for rep in r.casualties.reports) == ["army", "local source"]


def test_revised_toll_takes_the_latest_figure(pipeline):
    r = one(pipeline, "Suspected jihadists killed eight civilians in Seytenga on Saturday, the governor said. "
                      "The toll later rose to 14, the governor said on Monday.", published="2025-03-11")
    assert killed(r) == (14, 14) and r.actor.suspected


@pytest.mark.parametrize("text", [
    "Hundreds of demonstrators marched in Dori on Saturday to protest against insecurity; police fired tear gas "
    "and three protesters were wounded.",
    "Soldiers discovered and destroyed two IEDs planted on the road between Gao and Ansongo on Tuesday.",
    "Gunmen looted shops and burned a granary in the village of Tin-Akoff on Monday.",
])
def test_protests_defused_bombs_and_looting_are_not_attacks(pipeline, text):
    assert pipeline.extract(text, published=PUB) == []


def test_the_month_of_march_is_not_a_protest(pipeline):
    r = one(pipeline, "Gunmen killed five herders near Djibo on 9 March, local sources said.")
    assert killed(r) == (5, 5) and r.date.value == "2025-03-09"


def test_agents_named_before_their_members_and_verb(pipeline):
    r = one(pipeline, "On Monday, presumed MSA/GATIA militiamen killed three herders near Ménaka, residents said.")
    assert r.actor.name in ("MSA", "GATIA")
    r = one(pipeline, "Gendarmes opened fire on a car at a checkpoint in Diffa on Monday, wounding the driver.")
    assert r.actor.name == "Niger Gendarmerie"


def test_claimed_by(pipeline):
    r = one(pipeline, "An army truck struck a mine near Tounté on Monday, wounding four soldiers. Claimed by JNIM.")
    assert (r.actor.name, r.actor.claimed) == ("JNIM", True)


@pytest.mark.parametrize("text,expected", [
    ("On March 12, six people were killed in an attack near Dori, residents said.", (6, 6)),
    ("Jihadists killed a male farmer and a municipal councillor near Kaya on Tuesday.", (2, 2)),
    ("Gunmen attacked a gendarmerie post in Sebba on Monday, shooting dead three gendarmes and a civilian.", (4, 4)),
    ("Militants ambushed a patrol near Banh on Monday, killing two soldiers and five volunteer fighters.", (7, 7)),
    ("Gunmen stormed a mine near Kantchari on Tuesday; five workers of a private contractor present at the site "
     "were also killed.", (5, 5)),
])
def test_counting_victims(pipeline, text, expected):
    assert killed(one(pipeline, text)) == expected


@pytest.mark.parametrize("text,place", [
    ("Three soldiers were killed by a landmine while travelling on the Gao-Gossi axis on Monday.", "Gao"),
    ("Unknown gunmen shot dead a mechanic on Monday and seized the motorbike he was refuelling in Nadiagou.",
     "Nadiagou"),
    ("Gunmen attacked a police post in Kérou on Monday, killing two policemen, the government spokesman told "
     "reporters in Cotonou.", "Kérou"),
])
def test_place_of_the_attack(pipeline, text, place):
    assert one(pipeline, text).place.name == place


def test_blame_without_an_attack_word(pipeline):
    r = one(pipeline, "A suicide bomber blew himself up near an army post in Bosso on Tuesday, killing only "
                      "himself, the governor said. He blamed Boko Haram.")
    assert r.actor.name == "Boko Haram" and not r.actor.claimed


@pytest.mark.parametrize("text,expected", [
    ("At least 37 people, among them women and children, were killed on Saturday in a village near Bankass.",
     (37, None)),
    ("Bandits raided a village near Maru on Friday. Three men who tried to resist were shot dead, a resident said.",
     (3, 3)),
])
def test_clauses_between_victims_and_verb(pipeline, text, expected):
    assert killed(one(pipeline, text)) == expected


@pytest.mark.parametrize("text", [
    "At least 48 people were killed when an artisanal gold mine collapsed near Kéniéba on Saturday.",
    "The court in Niamey sentenced five men for their role in a 2021 attack on a military post in Tillabéri.",
    "The minister said the plotters had planned to attack the presidency on Monday.",
    "Troops neutralised 181 terrorists across the north-east over the past week, the Defence Headquarters said.",
])
def test_accidents_history_plans_and_weekly_tallies_are_not_attacks(pipeline, text):
    assert pipeline.extract(text, published=PUB) == []


@pytest.mark.parametrize("text,outcome,expected", [
    ("On Monday gunmen killed two Gourmantche farmers on the road near Diapaga.", "killed", (2, 2)),
    ("Militants ambushed three policemen near Kantchari on Monday and killed one of them.", "killed", (1, 1)),
    ("Jihadists cut the throats of nine other people in a village near Diffa on Sunday.", "killed", (9, 9)),
    ("Nine traders, most of whom were from the Bozo community, were killed near Macina on Monday.", "killed",
     (9, 9)),
    ("Gunmen seized three transport trucks near Ansongo on Monday and abducted two drivers.", "abducted", (2, 2)),
])
def test_more_counting(pipeline, text, outcome, expected):
    r = one(pipeline, text)
    count = getattr(r.casualties, outcome)
    assert (count.min, count.max) == expected


def test_a_named_group_with_its_acronym_before_its_members(pipeline):
    r = one(pipeline, "On Monday, presumed Katiba Macina (JNIM) militants abducted two farmers near Toeni.")
    assert r.actor.name == "Katiba Macina"


@pytest.mark.parametrize("text", [
    "The mayor of Boni was assassinated by unidentified gunmen on Monday.",
    "On Monday, gunmen abducted a civilian in Arlit who had told the authorities about an arms cache previously "
    "discovered near Tahoua.",
])
def test_assassinations_and_previously_found_caches(pipeline, text):
    assert len(pipeline.extract(text, published=PUB)) == 1


@pytest.mark.parametrize("text, countries", [
    ("Gunmen killed two gendarmes in Kokorou, Téra department, near the Burkina Faso border, on Sunday.", set()),
    ("Soldiers came under fire near the Mali-Niger border late on Friday, the army said.", set()),
    ("Militants ambushed a patrol on the border with Nigeria on Thursday, killing four soldiers.", set()),
    ("The army said the displaced farmers had fled to the Nigerian border before the raid on Monday.", set()),
    ("Jihadists attacked the Nigerien border town of Makalondi on Monday, killing a policeman.", {"NE"}),
    ("Burkinabe soldiers were killed in an attack on Tuesday near the Malian frontier.", {"BF"}),
    ("Gunmen coming from Nigeria attacked the village on Monday and abducted three pupils.", set()),
    ("Two foreigners were abducted on Monday while driving to Togo, officials said.", set()),
])
def test_a_country_named_as_a_border_or_an_origin_is_not_the_place(pipeline, text, countries):
    frames = pipeline.nlp(text)._.frames
    assert {c for f in frames for c in (*f.countries, *f.demonyms)} == countries


@pytest.mark.parametrize("text, place", [
    ("Two soldiers were wounded when their vehicle hit a mine between Tinamassi and Tin-Akoff on Monday.",
     "Tinamassi"),
    ("Air strikes hit militant positions in the forest of Wagadou on Saturday, killing ten fighters, the army said.",
     "Wagadou"),
    ("Four herders were killed in Sorbou Peulh by unidentified gunmen on Monday, a local official said.",
     "Sorbou Peulh"),
    ("Militants raided the gold mining site of Kalsaka on Tuesday, killing three miners.", "Kalsaka"),
])
def test_place_patterns(pipeline, text, place):
    assert one(pipeline, text).place.mention == place


@pytest.mark.parametrize("text, place", [
    ("Gunmen shot dead a trader in the Tuareg village of Inabaguel on Friday, a local official said.", "Inabaguel"),
    ("Gunmen killed a councillor of the Foulse community in Tangaye on Tuesday, residents said.", "Tangaye"),
    ("A reporter was beaten by police officers at the Farmers National Day in Kaya on Saturday.", "Kaya"),
])
def test_peoples_communities_and_events_are_not_the_place(pipeline, text, place):
    assert one(pipeline, text).place.mention == place


@pytest.mark.parametrize("text, place, kind", [
    ("Farmers fought Fulani herders in Sankoura, Sourou province, on Monday after cattle damaged a field. One "
     "person was killed.", "Sankoura", "armed_clash"),
    ("An armed group plundered shops in Tabareybarey, near Ayorou, on Tuesday, wounding a trader.", "Tabareybarey",
     "attack"),
])
def test_more_attack_verbs(pipeline, text, place, kind):
    r = one(pipeline, text)
    assert (r.place.mention, r.event_type) == (place, kind)


def test_the_scene_setting_sentence_gives_the_place_when_the_attack_sentence_has_none(pipeline):
    r = one(pipeline, "Soldiers conducted a combined air and ground operation near Intahaka on Tuesday. Twelve "
                      "civilians were killed in the operation, residents said.")
    assert r.place.mention == "Intahaka" and killed(r) == (12, 12)


@pytest.mark.parametrize("text, expected", [
    ("The toll from Friday's ambush on a bus near Kaya has risen to 15 dead, the governor's office said on Sunday. "
     "An initial statement issued on Friday had reported seven dead.", (15, 15)),
    ("At least twenty people were killed in Thursday's attack on the market at Dioura, a local official said, "
     "revising upwards a provisional toll of twelve.", (20, None)),
    ("The death toll from a rocket attack on the town of Bama on Saturday night has risen to 11, police said, "
     "after seven more victims died in hospital. Police had initially said four people were killed.", (11, 11)),
    ("The army on Monday raised to nine the number of soldiers killed in the attack on its base in Diapaga on "
     "Saturday.", (9, 9)),
    ("Gunmen killed a municipal councillor and two other residents in Koflandé on Friday.", (3, 3)),
])
def test_revised_replaced_and_added_tolls(pipeline, text, expected):
    assert killed(one(pipeline, text)) == expected
