"""Actors, event types and targets on page-style text (issue 10, rule 8), on the default and the rules-only pipeline.

Never the victims or the responders; an actor named outside the attack clause attaches to it; a bare "soldiers"
takes the country's nationality; a joint operation is the first-named force's; the attacker the text names beats a
later claim; al-Qaeda's Sahel branch is JNIM; a state's air or drone strike is that state's forces. Event type: an
army operation against militants is an armed clash, an attack on soldiers an attack, a massacre needs civilians
massacred, a suicide car bomb is a suicide bombing. The target follows the victims. Every text was written for
these tests.
"""

from __future__ import annotations

import pytest


def records(pipe, text: str, published: str = "2024-03-12"):
    return pipe.extract(text, published=published)


def first(pipe, text: str, published: str = "2024-03-12"):
    found = records(pipe, text, published)
    assert found, "no record"
    return found[0]


# --- never the responders -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Mali: jihadists attack army post near Boni\n\nBAMAKO, March 11 - Suspected jihadists attacked an army post "
    "near Boni on Sunday, killing four soldiers. The troops fought off the assault and killed a dozen assailants, "
    "the army said.",
    "Suspected jihadists stormed a gendarmerie post in Djibo on Sunday, killing three gendarmes, a security source "
    "said. Burkinabe soldiers repelled the attackers after two hours of fighting.",
    "Gunmen on motorbikes ambushed a convoy near Boni on Sunday, killing six soldiers. Soldiers beat back the "
    "assailants and reinforcements were sent to the area, the army's spokesman said.",
    "Militants attacked the town of Djibo on Sunday, killing seven civilians. Security forces pushed back the "
    "attackers and have since been combing the area.",
    "Burkinabe soldiers and VDP repelled an attack on Djibo on Sunday, killing 20 terrorists, the army said.",
])
def test_the_force_that_fought_back_is_the_target_not_the_actor(pipe, text):
    rec = first(pipe, text)
    assert rec.actor.kind == "unidentified" and rec.actor.name is None
    assert rec.event_type == "attack"


def test_troops_of_the_headline_who_beat_back_the_attack_are_its_target(pipe):
    text = ("Troops kill 40 ISWAP terrorists in Borno\n\nMAIDUGURI, March 11 - Fighters of the Islamic State West "
            "Africa Province attacked Damboa on Sunday night with gun trucks and motorcycles. The gallant troops "
            "beat back the attack, the army said, and neutralised 40 ISWAP terrorists.")
    found = records(pipe, text)
    assert found and all(r.actor.name != "Nigerian Army" for r in found)
    assert any(r.actor.name == "ISWAP" for r in found)


@pytest.mark.parametrize("text", [
    "KIDAL, May 18 - Mali dispatched troops on Sunday to retake Kidal after gunmen killed six civil servants in "
    "an attack on the governor's office, the United Nations said.",
    "Gunmen killed nine villagers in Tin-Akoff on Saturday night. Troops were deployed after the attack, the "
    "governor said, and arrived only at dawn.",
])
def test_troops_sent_in_after_the_attack_are_not_its_actor(pipe, text):
    rec = first(pipe, text)
    assert rec.actor.kind != "state_forces"


@pytest.mark.parametrize("text", [
    "Four peacekeepers killed in Aguelhok\n\nSuspected militants attacked a UN camp in Aguelhok on Friday, killing "
    "four peacekeepers. MINUSMA, the UN mission in Mali, said in a statement that its troops had pushed back the "
    "assault.",
    "Gunmen ambushed a convoy near Tessit on Friday, killing four peacekeepers, according to MINUSMA, which "
    "reported the toll on Twitter.",
])
def test_the_mission_that_reports_the_toll_is_a_source(pipe, text):
    rec = first(pipe, text)
    assert rec.actor.name is None and rec.target.category == "peacekeepers"


# --- who acted, told outside the attack clause -------------------------------------------------------------------


@pytest.mark.parametrize("text, actor", [
    ("Two soldiers were wounded on Sunday when an IED hit their vehicle between Djibo and Arbinda. The device was "
     "likely planted by JNIM militants, a security source said.", "JNIM"),
    ("A bomb went off at the cattle market in Mora on Saturday, killing eleven people. Nobody has claimed the blast, "
     "though police believe Boko Haram was behind it.", "Boko Haram"),
    ("Gunmen killed twelve herders near Ménaka on Saturday. The attackers are believed to be fighters of the "
     "Islamic State in the Greater Sahara, local officials said.", "ISGS"),
    ("Twelve herders were shot dead near Ménaka on Saturday by gunmen (presumably ISGS), residents said.", "ISGS"),
])
def test_an_actor_named_outside_the_attack_clause_attaches_to_it(pipe, text, actor):
    assert first(pipe, text).actor.name == actor


@pytest.mark.parametrize("text", [
    "Gunmen killed seven villagers in Tin-Akoff on Saturday, residents said. JNIM is active in the area.",
    "Gunmen killed seven villagers in Tin-Akoff on Saturday, residents said. The area is an ISGS stronghold.",
    "Five traders abducted near Nara amid the JNIM insurgency\n\nArmed men seized five traders near Nara on "
    "Thursday, a local official said.",
])
def test_a_group_named_only_as_a_fact_of_the_area_is_not_the_actor(pipe, text):
    assert first(pipe, text).actor.name is None


def test_a_group_that_confirms_the_attack_is_a_source_not_the_actor(pipe):
    text = ("Suspected jihadists killed six civilians in Sima on Monday. The attack was confirmed by a VDP member, "
            "who gave no toll.")
    assert first(pipe, text).actor.name is None


def test_a_group_of_armed_men_is_an_attacker(pipe):
    text = ("Five workers abducted in western Mali\n\nA group of armed men seized five foreign workers on Thursday "
            "close to Kobri, the news agency reported. Officials said the country faces violence by groups linked "
            "to al-Qaeda.")
    rec = first(pipe, text, "2024-03-09")
    assert rec.actor.name is None and rec.event_type == "abduction"


# --- state forces, joint operations -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, published, actor", [
    ("Soldiers opened fire on a minibus near Tenenkou, in the Mopti region, on Sunday, killing a woman and "
     "wounding her husband, relatives said.", "2024-03-12", "FAMa"),
    ("Soldiers and VDP killed ten civilians in a village near Tougan, Burkina Faso, on Monday, residents said.",
     "2024-03-12", "Burkina Faso Armed Forces"),
    ("Malian and Wagner forces killed four villagers near Niono on Saturday after arresting them, residents said.",
     "2024-03-12", "FAMa"),
])
def test_bare_soldiers_and_joint_forces_take_the_first_force_of_the_country(pipe, text, published, actor):
    assert first(pipe, text, published).actor.name == actor


# --- claims ----------------------------------------------------------------------------------------------------


def test_the_attacker_the_text_names_beats_a_later_claim(pipe):
    text = ("ISGS militants attacked the police station in Sebba on Saturday, killing ten policemen. The Islamic "
            "State West Africa Province later claimed responsibility.")
    rec = first(pipe, text)
    assert rec.actor.name == "ISGS" and not rec.actor.claimed


@pytest.mark.parametrize("text, published, actor", [
    ("Two Al Qaeda-claimed attacks on an army post at Bamba and on a river boat killed 64 people on Thursday in "
     "northern Mali, the government said.", "2023-09-09", "JNIM"),
    ("Al Qaeda-linked group says it was behind Ouagadougou attacks\n\nAn al Qaeda affiliate said on Saturday that "
     "it had carried out Friday's attacks on the army headquarters in Ouagadougou, Burkina Faso, which killed eight "
     "people.",
     "2018-03-04", "JNIM"),
    ("Militants linked to al-Qaeda attacked a gendarmerie post near Gao on Sunday, killing three gendarmes, a "
     "security source said.", "2015-06-02", "AQIM"),
])
def test_al_qaeda_in_the_sahel_is_its_branch_there(pipe, text, published, actor):
    assert first(pipe, text, published).actor.name == actor


@pytest.mark.parametrize("text, published, actor", [
    ("Two Al Qaeda-claimed attacks on an army post at Bamba and on a river boat killed 64 people on Thursday "
     "in northern Mali, the government said.", "2023-09-09", "JNIM"),
    ("The Islamic State claimed Sunday's attack on the army post at Tillia, in which 20 soldiers died.",
     "2024-03-12", "ISGS"),
    ("AQIM claims the bombing\n\nA car bomb killed 47 people at a military camp in Gao on Wednesday, the state "
     "broadcaster said.", "2017-01-19", "AQIM"),
])
def test_a_claim_right_after_the_name_is_a_claim(pipe, text, published, actor):
    rec = first(pipe, text, published)
    assert (rec.actor.name, rec.actor.claimed) == (actor, True)


# --- air and drone strikes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, actor", [
    ("Drones struck the village of Pognoa-Sankoado, in eastern Burkina Faso, at dawn on Monday, killing about "
     "thirty people, residents said.",
     "Burkina Faso Armed Forces"),
    ("Human Rights Watch said a strike by a Nigerien military drone on Monday killed 17 civilians at a market in "
     "Kokoloko, Tillabéri region.", "Niger Armed Forces"),
])
def test_an_air_or_drone_strike_by_a_state_is_that_states_forces(pipe, text, actor):
    rec = first(pipe, text)
    assert (rec.actor.name, rec.event_type) == (actor, "air_strike")


def test_a_state_air_strike_is_its_air_force_when_the_text_names_it(pipe):
    text = ("Air strike kills 20 fishermen near Lake Chad\n\nA Nigerian military jet bombed a fishing settlement near "
            "Malam Fatori, Borno State, on Sunday, killing 20 fishermen, residents said. The Nigerian Air Force has "
            "not commented on the air strike.")
    rec = first(pipe, text, "2021-09-28")
    assert (rec.actor.name, rec.event_type, rec.target.category) == ("Nigerian Air Force", "air_strike", "civilians")


# --- event type --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, kind", [
    ("Niger army says 30 terrorists killed near Tillabéri\n\nNIAMEY, March 11 - The Nigerien army said on Monday "
     "it had killed 30 terrorists in an operation near Tillabéri on Sunday.", "armed_clash"),
    ("Gunmen ambushed an army convoy near Boni on Sunday, killing eleven soldiers, security sources said.", "attack"),
    ("A suicide car bomb struck the army headquarters in Ouagadougou on Friday, killing eight soldiers, the "
     "government said.", "suicide_bombing"),
    ("A bomb exploded at the cattle market in Mora on Saturday, killing eleven people, police said.", "explosion"),
    ("Gunmen massacred eight tourists and their guide near Kouré on Sunday, officials said.", "attack"),
    ("Gunmen massacred thirty-five villagers in Sobane Da on Sunday night, the government said.", "massacre"),
])
def test_event_type(pipe, text, kind):
    assert first(pipe, text).event_type == kind


# --- target ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, category", [
    ("A car bomb exploded at a military camp in Gao on Wednesday, killing at least 40 people, a hospital source "
     "said.", "military"),
    ("Gunmen abducted two engineers near the Tambao mine on Sunday and wounded a gendarme, a security source "
     "said.", "civilians"),
    ("Insurgents attacked a commuter convoy near Jakana on Friday and seized 35 passengers, a security source "
     "said.", "civilians"),
])
def test_the_target_follows_the_victims(pipe, text, category):
    assert first(pipe, text).target.category == category


@pytest.mark.parametrize("text, kind", [
    ("Man blows himself up outside N'Djamena market\n\nA bomb exploded outside the central market in N'Djamena on "
     "Saturday, killing 14 people. A witness said the bomber shouted before the blast.", "suicide_bombing"),
    ("Gunmen attacked a UN camp in Aguelhok on Friday, killing four peacekeepers. The source described three hours "
     "of fighting and an attempted suicide car bombing.", "attack"),
])
def test_a_bomber_makes_a_suicide_bombing_and_an_attempt_does_not_decide(pipe, text, kind):
    assert first(pipe, text).event_type == kind


# --- sources, counted victims, attacked forces ----------------------------------------------------------------


def test_a_post_by_the_army_is_a_source_not_the_actor(pipe):
    text = ("Ten soldiers killed in attack on Indelimane post\n\nA terrorist attack hit the army position at "
            "Indelimane on Friday, killing ten soldiers.\n\nPosted by Malian Armed Forces (@FAMa_DIRPA), 1 November")
    rec = first(pipe, text, "2019-11-02")
    assert rec.actor.name is None and rec.target.category == "military"


def test_counted_members_of_a_named_force_are_victims(pipe):
    text = ("The dead were five civilians and three VDP auxiliaries, killed on Monday in an attack on Sima, a "
            "security source said.")
    assert first(pipe, text).actor.name is None


def test_a_force_that_had_been_attacked_is_the_target(pipe):
    text = ("The Malian army reported that its forces had been attacked in Youwarou on Sunday and had beaten off "
            "the assault, killing seven assailants.")
    rec = first(pipe, text)
    assert rec.actor.kind != "state_forces" and rec.target.category == "military"


@pytest.mark.parametrize("text", [
    "Katiba Macina militants or Dogon militiamen killed six villagers in Ogossagou on Sunday, residents said.",
    "Armed men, either bandits or ISWAP fighters, killed nine farmers near Damboa on Sunday, a local leader said.",
])
def test_alternatives_of_a_group_and_a_description_leave_the_attacker_unidentified(pipe, text):
    assert first(pipe, text).actor.name is None


def test_a_force_that_arrested_people_is_no_attacker_by_that(pipe):
    text = ("Youths clashed with herders at the market in Timbuktu on Sunday and several were wounded; some were "
            "later disarmed and arrested by Malian security forces.")
    assert first(pipe, text).actor.kind != "state_forces"


@pytest.mark.parametrize("text", [
    "An armoured MINUSMA vehicle was struck by an IED in Kidal on Sunday, wounding two peacekeepers.",
    "A FAMa convoy hit a landmine between Gao and Gossi on Sunday, killing three soldiers.",
])
def test_a_force_that_names_the_vehicle_or_convoy_is_its_target(pipe, text):
    rec = first(pipe, text)
    assert rec.actor.name is None and rec.event_type == "explosion"


# --- a headline's bare participle is a passive ----------------------------------------------------------------


@pytest.mark.parametrize("text, outcome", [
    ("Soldiers killed in ambush near Djibo\n\nSuspected jihadists ambushed an army convoy near Djibo on Saturday, "
     "killing 14 soldiers, security sources said.", "killed"),
    ("Five VDP killed, three wounded in Arbinda attack\n\nGunmen attacked a VDP position in Arbinda on Monday, "
     "killing five volunteers and wounding three, residents said.", "killed"),
    ("Traders abducted by gunmen on the Kaya road\n\nArmed men stopped a minibus on the road to Kaya on Friday and "
     "abducted eight traders, a relative said.", "abducted"),
])
def test_a_headline_participle_with_no_object_makes_its_subject_a_victim(pipe, text, outcome):
    record = first(pipe, text)
    assert record.actor.kind != "state_forces"
    assert {c.outcome for c in record.casualties.reports} >= {outcome}
    assert "attackers_killed" not in {c.outcome for c in record.casualties.reports}
