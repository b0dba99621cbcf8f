"""History per clause and sentences that tell no attack (issue 10, rules 6 and 7), on page-style texts written for
the project, with both pipelines (the default model with its parse, and the rules-only one with clause segments).

Rule 6: a background or aggregate cue ("since 2019", "last year", "this year", "comes a week after") speaks of its
own clause: a sentence that tells today's attack and, in another clause, an old one or a tally keeps today's.
Rule 7: statistics and trends, campaign summaries, attack words in another sense, protests, court cases, bombs that
go off while being planted and accidents are no attacks; a sentence of that kind does not drop the attack it refers
to.
"""

from __future__ import annotations

import pytest


def frame_of(pipe, text: str):
    """The frame of the text's first sentence, read by the pipeline of the text's language."""
    from sahel_extract.ingest.language import detect_language

    return pipe.nlp_for(detect_language(text))(text)._.frames[0]


def counted(frame) -> list[str]:
    """The figures of a frame that count towards an attack's toll."""
    return [c.quantity for c in frame.casualties if not c.aggregate]


def killed(record) -> tuple | None:
    k = record.casualties.killed
    return None if k is None else (k.min, k.max)


# --- rule 6: a cue speaks of its own clause -------------------------------------------------------------------

@pytest.mark.parametrize("text, figure", [
    # a relative clause tells the history of the place; the main clause tells today's attack
    ("Gunmen killed 14 soldiers on Sunday in Boulkessi, a garrison town that was attacked repeatedly last year, "
     "the army said.", "14"),
    ("At least nine villagers died when gunmen raided Kerboule on Friday, in a district where armed groups have "
     "massacred civilians again and again this year.", "At least nine"),
    # the comparison measures today's attack against the past
    ("Mali: 31 soldiers dead in Boni ambush, the army's heaviest loss since 2022", "31"),
    ("Thirty-one soldiers were killed in the ambush near Boni on Tuesday, the deadliest attack on the army in "
     "years.", "Thirty-one"),
    # a coordinated clause places the attack after others
    ("The twin raids on Diapaga also left forty people wounded, and they come a month after three other big "
     "attacks on the town.", "forty"),
    # a claim with a group's history in an aside
    ("Twelve gendarmes were shot dead at a checkpoint outside Tera on Monday, a local official said, in a region "
     "where the Islamic State has been active since 2017.", "Twelve"),
])
def test_the_attack_of_the_main_clause_is_kept(pipe, text, figure):
    frame = frame_of(pipe, text)
    assert not frame.background and not frame.aggregate
    assert figure in counted(frame)


@pytest.mark.parametrize("text, dropped", [
    ("Gunmen killed 14 soldiers on Sunday in Boulkessi, a garrison town that was attacked repeatedly last year.",
     "attacked"),
    ("At least nine villagers died when gunmen raided Kerboule on Friday, in a district where armed groups have "
     "massacred civilians again and again this year.", "massacred"),
])
def test_the_attack_words_of_a_background_clause_leave_the_sentence(pipe, text, dropped):
    frame = frame_of(pipe, text)
    assert dropped not in [t.text for t in frame.triggers]


@pytest.mark.parametrize("text", [
    "Last year, a similar ambush on the same road killed 14 soldiers.",
    "In February 2021, gunmen attacked a church in the village of Toéni, killing 11 worshippers.",
    "The road to Niafunké has been closed since an ambush last year in which eleven traders died.",
    "A year before that, fighters of the same group abducted five engineers from a mining site at Arlit.",
    "The attack comes a week after 23 civilians were killed in a raid on a neighbouring village.",
    "It came only days after gunmen shot dead seven herders near Djibo.",
    "It comes after 40 soldiers were killed on Monday in another part of the region.",
])
def test_a_sentence_whose_attack_is_all_history_is_background(pipe, text):
    frame = frame_of(pipe, text)
    assert frame.background
    assert counted(frame) == [] or frame.background  # the grouping keeps its figures out of every toll


@pytest.mark.parametrize("text", [
    "Since 2015, jihadist violence has killed more than 20,000 people across Burkina Faso.",
    "Burkina Faso has faced since 2015 an insurgency blamed on groups linked to al Qaeda, which has killed more "
    "than 20,000 people and displaced two million.",
    "More than 170 peacekeepers have been killed in Mali since the mission was deployed.",
    "Troops neutralised 181 terrorists and arrested 223 suspects across the country over the past week, the "
    "defence ministry said on Thursday.",
    "With this attack, 11 peacekeepers have now been killed since the start of the year.",
    "According to the agency's own count, 112 people in all have been killed in the state.",
    "It was the 9th attack on the region since the new governor was sworn in on June 2.",
    "Over recent weeks the militants have killed 30 herders in raids on nearby camps.",
])
def test_figures_in_the_clause_of_a_period_are_an_aggregate(pipe, text):
    frame = frame_of(pipe, text)
    assert counted(frame) == []
    assert frame.aggregate or frame.background


@pytest.mark.parametrize("text", [
    # another attack named by likeness, or dated by a past time named before
    "A comparable attack on a village near Bankass in early July killed around 40 people.",
    "Earlier that month, six people, a priest among them, died when gunmen targeted a chapel at Dablo.",
    "The following year, the same group abducted two nuns from a convent in Djibo.",
    # dated by a month only: a clause of background, not the news of the day
    "At the end of May, gunmen on motorbikes killed over 20 villagers in the same district.",
    "In mid-March, a roadside bomb killed nine soldiers near Tessit.",
])
def test_another_attack_recalled_is_background(pipe, text):
    assert frame_of(pipe, text).background


def test_in_a_similar_attack_opens_a_new_incident_not_background(pipe):
    frame = frame_of(pipe, "In a similar attack on Monday, gunmen killed four traders near Kaya, residents said.")
    assert not frame.background and frame.new_event and counted(frame) == ["four"]


OPENER_PAGE = """Police station attacked in northern Benin, one officer killed

COTONOU, April 26 (Sahel Wire) - Gunmen attacked a police station in Karimama before dawn on Tuesday, killing one \
officer and wounding three, two police sources said.

The assailants also set fire to two vehicles, the sources said.

Earlier this month, five soldiers died when their convoy hit a roadside bomb in the W National Park.

Last month, suspected jihadists killed two park rangers near Banikoara.
"""


def test_a_sentence_after_the_lead_that_goes_back_in_time_is_background(pipe):
    records = pipe.extract(OPENER_PAGE, published="2025-04-26")
    assert [killed(r) for r in records] == [(1, 1)]


def test_the_lead_may_open_with_a_past_time(pipe):
    records = pipe.extract("Earlier this month, gunmen killed eight civilians in Dogofry, in the Niono district, "
                           "residents said on Friday.", published="2025-02-21")
    assert [killed(r) for r in records] == [(8, 8)]


def test_a_recent_past_recalled_in_a_subordinate_clause_is_background(pipe):
    text = ("Army chiefs from the region met in Abuja on Thursday to plan a force that would push the rebels back, "
            "after mutinous soldiers stormed the presidential palace last month.")
    assert frame_of(pipe, text).background
    assert pipe.extract(text, published="2025-04-06") == []


@pytest.mark.parametrize("text, figure", [
    ("Gunmen killed 12 villagers in the village of Sona last month, residents said on Monday.", "12"),
    ("Residents have given the first accounts of an attack earlier this month in which eight civilians were killed.",
     "eight"),
    ("Twelve villagers were killed in Kerboule on Sunday, a local official said, in a district that was also "
     "attacked last week.", "Twelve"),
])
def test_a_recent_past_in_the_main_clause_is_news(pipe, text, figure):
    frame = frame_of(pipe, text)
    assert not frame.background and figure in counted(frame)


def test_a_recent_past_that_dates_a_report_is_no_background(pipe):
    text = ("The army has made no comment on the strikes, though it said a few days earlier that it had used drones "
            "against positions near Kidal.")
    assert not frame_of(pipe, text).background


# --- rule 7: sentences that tell no attack ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # statistics and trends
    "Thousands of civilians, soldiers and police officers have died in the conflict.",
    "The armed revolt, which broke out in the north-east in 2009, has cost tens of thousands of lives.",
    "According to a monitoring group, at least 2,400 people have died violently in the country since July 2023.",
    "The number of civilians killed in the region has doubled in two years, the UN agency said.",
    "Attacks on schools have risen sharply, and kidnappings of teachers have increased.",
    "Fighting between the army and the separatist rebels is flaring again in the north.",
    "The offensive has brought the fighting closer to the capital and its markets.",
    "Residents say the village has seen an intensification of attacks by jihadists in recent months.",
    # a campaign summary, a figure over several regions
    "The army said it had neutralised 34 terrorists in two operations in the Tillabéri and Dosso regions.",
    "Thirty-four villagers were killed on Saturday and Sunday in the north and the northwest.",
    "In the east, at least nine civilians died on Monday and Tuesday in raids on three hamlets.",
])
def test_statistics_trends_and_summaries_tell_no_attack(pipe, text):
    frame = frame_of(pipe, text)
    assert counted(frame) == []
    assert frame.aggregate or frame.background or not [t for t in frame.triggers if not t.weak]


@pytest.mark.parametrize("text, word", [
    ("Burkina Faso now has armed drones in its arsenal, built in Turkey.", "drones"),
    ("The junta has bought new Turkish-made drones, state television said.", "drones"),
    ("Also read: Niger starts flying armed drones made in Turkey", "drones"),
    ("The drones have been in service since January, a military source said.", "drones"),
])
def test_a_drone_owned_or_bought_is_no_attack_word(pipe, text, word):
    assert word not in [t.text for t in frame_of(pipe, text).triggers]


def test_a_month_before_an_attack_word_names_an_attack_of_the_past(pipe):
    assert "attacks" not in [t.text for t in frame_of(pipe, "After the June attacks the government banned the "
                                                              "full-face veil in the capital.").triggers]


@pytest.mark.parametrize("text", [
    # police firing on a protest
    "Police fired tear gas and live rounds at demonstrators in Kaya on Saturday, killing two, a rights group said.",
    # a court case about a past attack
    "A court in Niamey on Tuesday sentenced five men to twenty years in prison for their role in an attack on a "
    "military post in which twelve soldiers were killed.",
    # a bomb that goes off while being planted, or is set off by the troops
    "Two militants were killed near Ansongo when the bomb they were planting went off, the army said.",
    "An explosive device went off while the attackers were trying to plant it on the road to Ménaka.",
    "Troops on patrol safely set off three other explosives that had been hidden near the bridge.",
    # accidents
    "Eleven passengers died on Sunday when their bus collided with a truck near Ségou.",
    "Heavy rains have killed nineteen people in the Tahoua region and left dozens homeless.",
])
def test_protests_trials_bombs_that_go_off_while_planted_and_accidents_are_no_attack(pipe, text):
    frame = frame_of(pipe, text)
    assert frame.triggers == [] or all(t.outcome for t in frame.triggers) and frame.casualties == []


@pytest.mark.parametrize("text", [
    "On 3 March, unknown gunmen attacked and seized the truck of a trader on the road between Nara and Mourdiah.",
    "Suspected militants made an incursion into the village of Toumour overnight and looted a dozen shops.",
    "Armed men on motorbikes attacked a fuel station in Bangari in search of petrol, residents said.",
    "Gunmen stole about 200 head of cattle from herders near Banibangou on Friday.",
    "Police used tear gas to break up the march of the teachers' union towards the town hall; seven people were "
    "hurt.",
])
def test_looting_with_no_one_hurt_and_protests_give_no_record(pipe, text):
    assert pipe.extract(text, published="2025-03-06") == []


@pytest.mark.parametrize("text, expected", [
    # the looting comes with harm to people, or with an attack on a post: an attack
    ("On 3 March, gunmen shot dead a trader near Nara and seized his motorbike.", (1, 1)),
    ("On 3 March, militants attacked the gendarmerie post in Soudougui and seized two motorbikes; no one was hurt.",
     None),
])
def test_looting_with_harm_or_against_a_post_is_an_attack(pipe, text, expected):
    records = pipe.extract(text, published="2025-03-06")
    assert len(records) == 1 and killed(records[0]) == expected


# --- whole pages -------------------------------------------------------------------------------------------------

BACKGROUND_PAGE = """Gunmen kill 12 soldiers in attack on Boulkessi post

Published 14 March 2024 | Sahel Wire

BAMAKO, March 14 (Sahel Wire) - Gunmen killed twelve soldiers on Wednesday in an attack on a military post in \
Boulkessi, a garrison town near the border with Burkina Faso that has been attacked repeatedly since 2019, the \
army said.

The town was the scene of a massacre of 30 traders in 2021.

The attack comes two weeks after a similar raid on a post near Mondoro in which eight soldiers died.

Jihadist violence has killed thousands of civilians and soldiers across the Sahel since 2012, and the number of \
attacks has risen every year.
"""

STATISTICS_PAGE = """Report: civilian deaths in the central Sahel doubled last year

By our correspondent | 3 February 2025

GENEVA - Violence by armed groups killed more than 3,000 civilians in Burkina Faso, Mali and western Niger in \
2024, a monitoring group said on Monday, and the number of people killed has risen for the third year in a row.

Attacks on schools and health centres have increased, the report said. Fighting between the armies and the \
jihadist groups is spreading towards the coastal states.

Thousands of people have been displaced since January.
"""

NOT_EVENTS_PAGE = """Niger: five men jailed over 2021 attack on army post

Photo: the court house in Niamey (file)

NIAMEY, May 21 - A court in Niamey on Tuesday sentenced five men to twenty years in prison for their role in an \
attack on a military post in which twelve soldiers were killed.

Separately, police fired tear gas at demonstrators who had gathered outside the court, and two protesters were \
hurt.

The country's army has bought new Turkish-made drones, state television said. Teachers went on strike on Monday.
"""


@pytest.mark.parametrize("page, published, expected", [
    (BACKGROUND_PAGE, "2024-03-14", [(12, 12)]),
    (STATISTICS_PAGE, "2025-02-03", []),
    (NOT_EVENTS_PAGE, "2025-05-21", []),
])
def test_pages(pipe, page, published, expected):
    records = pipe.extract(page, published=published)
    assert [killed(r) for r in records] == expected


CLAIM_PAGE = """JNIM claims deadly attack on Diafarabé

DIAFARABÉ, Mali, June 3 - Suspected jihadists killed seven traders on Sunday on the road out of Diafarabé, \
residents said.

Jama'a Nusrat ul-Islam wa al-Muslimin (JNIM), which has operated in the region since 2015, claimed the attack \
on Monday in a statement.
"""


def test_a_claim_with_the_group_s_history_still_names_the_actor(pipe):
    records = pipe.extract(CLAIM_PAGE, published="2025-06-03")
    assert len(records) == 1
    assert records[0].actor.name == "JNIM"
    assert killed(records[0]) == (7, 7)


# --- attack words that real pages use ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Woman in veil blows herself up at Maroua market, killing nine\n\nMAROUA, Cameroon - A woman blew herself up "
     "at a crowded market on Saturday, killing nine people, police said.", "suicide_bombing"),
    ("A suicide car bomber rammed the gate of the army headquarters in Ouagadougou on Friday, killing eight "
     "soldiers, the government said.", "suicide_bombing"),
    ("Reports say at least 20 fishermen died on Sunday after a military fighter jet pounded a camp on an island of "
     "Lake Chad.", "air_strike"),
    ("An apparent strike by a military drone on a busy market near Tillabéri killed 17 civilians on January 6, the "
     "rights group said.", "air_strike"),
    ("At least six passengers were killed on Thursday when a homemade bomb went off under a bus near Bandiagara, "
     "the authorities said.", "explosion"),
])
def test_attack_words_of_real_pages_give_the_kind_of_attack(pipe, text, expected):
    records = pipe.extract(text, published="2025-01-11")
    assert [r.event_type for r in records] == [expected]


# --- French pages (read with the same patterns) ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Le 19 mai, une opération menée près de Barani avait déjà coûté la vie à deux gendarmes.",
    "En novembre 2023, une frappe de drone avait tué huit civils dans la région de Kidal.",
    "Il faut rappeler que le village a été attaqué à plusieurs reprises par des hommes armés.",
])
def test_french_background(pipe, text):
    assert frame_of(pipe, text).background


@pytest.mark.parametrize("text", [
    "Les attaques à répétition ont fait près de 900 morts au Burkina depuis 2015.",
    "Une quarantaine de volontaires ont été tués au cours du dernier trimestre, selon un décompte de l'AFP.",
])
def test_french_aggregates(pipe, text):
    frame = frame_of(pipe, text)
    assert counted(frame) == [] and (frame.aggregate or frame.background)


FRENCH_PAGE = """Tchad : six soldats tués dans une attaque de Boko Haram près de Baga Sola

N'DJAMENA, 28 octobre (Agence) - Six militaires tchadiens ont été tués dans la nuit de dimanche à lundi lors \
d'une attaque de Boko Haram contre une position de l'armée près de Baga Sola, a annoncé l'état-major.

Il faut rappeler qu'en octobre 2024, une attaque similaire contre la base de Barkaram avait coûté la vie à une \
quarantaine de soldats.

Depuis 2015, les violences jihadistes ont fait des milliers de morts dans la région du lac.
"""


def test_a_french_page_keeps_only_its_attack(pipe):
    # (the headline and the lead may still give two records: joining them belongs to the page zones)
    records = pipe.extract(FRENCH_PAGE, published="2025-10-28")
    assert records and all(r.place.name == "Baga Sola" for r in records)
    evidence = " ".join(e.text for r in records for e in r.evidence)
    assert "Barkaram" not in evidence and "milliers" not in evidence


@pytest.mark.parametrize("text", [
    "Un engin explosif a été découvert puis désamorcé mardi matin près du marché de Ménaka par une équipe du génie.",
    "De fortes pluies ont provoqué des inondations à Mopti dans la nuit de dimanche à lundi, faisant six morts.",
    "Les deux ingénieurs avaient été enlevés par des hommes armés sur un chantier près de Diéma.",
    "Le tribunal de Bamako a condamné trois hommes à vingt ans de prison pour l'attaque d'un poste de police.",
    "La police a dispersé les manifestants à coups de gaz lacrymogène devant la mairie de Kaya.",
])
def test_french_pages_that_tell_no_attack(pipe, text):
    assert pipe.extract(text, published="2025-06-20") == []
