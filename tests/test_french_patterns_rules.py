"""French pattern rules added after the first French round, on blank Docs: the word classes the actor, time and
source rules read, communiqué sources, blame, lone foreign victims, counted incidents, other senses of
'investi', days after something else, earlier attacks told as context. Texts written for these tests."""

from __future__ import annotations

import pytest
from test_french_patterns import all_spans, classes, spans

from sahel_extract.normalise.sources import normalise_source

# --- word classes the actor, time and source rules read ---------------------------------------------------------

@pytest.mark.parametrize("text, word, label", [
    ("Six soldats tués côté FAMa.", "côté", "NON_AGENT_PREP"),
    ("Deux morts parmi les VDP.", "parmi", "NON_AGENT_PREP"),
    ("L'armée repousse une attaque contre son camp.", "repousse", "RESPONSE_VERB"),
    ("Les FAMa déjouent une attaque à Boni.", "déjouent", "RESPONSE_VERB"),
    ("Une attaque déjouée par l'armée.", "déjouée", "RESPONSE_VERB"),
    ("L'attaque a été revendiquée lundi.", "revendiquée", "REPORTING_VERB"),
    ("Des habitants évoquent quinze morts.", "évoquent", "REPORTING_VERB"),
    ("Des habitants évoquent quinze morts.", "évoquent", "SAID_VERB"),
    ("Les secouristes dénombrent douze corps.", "dénombrent", "SAID_VERB"),
])
def test_word_class(text, word, label):
    assert label in classes(text, word)


@pytest.mark.parametrize("phrase, label", [
    ("le communiqué", "army"),
    ("ce communiqué", "army"),
    ("un communiqué du gouvernement", "government"),
])
def test_communique_source(phrase, label):
    assert normalise_source(phrase, "fr") == label


@pytest.mark.parametrize("text, cue", [
    ("L'attaque porte la marque du GSIM, selon un élu.", "porte la marque"),
    ("Ces enlèvements portent la signature de l'EIGS.", "portent la signature"),
])
def test_blame_cue(text, cue):
    assert ("BLAME", cue, "") in spans("cues", text, "BLAME")


def test_a_past_hallmark_is_no_blame():
    assert spans("cues", "Les attentats-suicides, longtemps la marque de Boko Haram, ont repris.", "BLAME") == []


@pytest.mark.parametrize("text", [
    "Un Français a été enlevé jeudi près d'Agadez.",
    "Une Roumaine a été tuée lors de l'attaque.",
    "Un expatrié a été enlevé sur le site minier.",
])
def test_single_foreign_victim(text):
    assert any(label == "SINGLE_VICTIM" for label, _, _ in spans("tolls", text))


@pytest.mark.parametrize("text, cue", [
    ("Au mois de mai, une cinquantaine d'incidents sécuritaires ont été recensés dans la région.",
     "cinquantaine d'incidents"),
    ("Avec 31 cas signalés, les enlèvements dominent le bulletin.", "31 cas signalés"),
    ("Le cercle a connu une dizaine d'attaques contre les positions de l'armée.", "dizaine d'attaques"),
    ("Des dizaines d'attaques ont visé les écoles depuis 2019.", "dizaines d'attaques"),
])
def test_counted_incidents_are_an_aggregate(text, cue):
    assert ("AGGREGATE", cue, "") in spans("cues", text, "AGGREGATE")


@pytest.mark.parametrize("text", [
    "Une dizaine de civils ont été tués dans l'attaque.",
    "En cas d'attaque, les habitants fuient vers la brousse.",
])
def test_a_figure_of_victims_is_no_aggregate(text):
    assert spans("cues", text, "AGGREGATE") == []


@pytest.mark.parametrize("text", [
    "Vendredi, le capitaine a été officiellement investi président de la transition.",
    "La nouvelle gouverneure a été investie dans ses fonctions lundi à Dori.",
    "L'État a investi 12 milliards de francs CFA dans la route Kaya-Dori.",
])
def test_investi_in_another_sense(text):
    assert any(label == "other_sense" for label, _, _ in spans("senses", text))


def test_a_stormed_camp_is_still_an_attack():
    text = "Le camp a été investi par les assaillants à l'aube."
    assert spans("senses", text) == []
    assert ("attack", "investi", "weak") in all_spans("triggers", text)


@pytest.mark.parametrize("text, cue", [
    ("Un assaut au lendemain d'un discours du chef de la junte.", "au lendemain d'un discours"),
    ("Une attaque survenue au lendemain de la fête de l'indépendance.", "au lendemain de la fête"),
    ("À la veille du scrutin, des hommes armés ont attaqué le village.", "À la veille du scrutin"),
])
def test_the_day_after_something_else_is_no_event_time(text, cue):
    assert ("NOT_TIME", cue, "the day after something else") in spans("times", text, "NOT_TIME")


@pytest.mark.parametrize("text", [
    "Au lendemain de l'attaque, les habitants ont fui.",
    "Au lendemain de cette embuscade, l'armée a lancé une opération.",
    "Le lendemain, une autre attaque a visé le convoi.",
])
def test_the_day_after_the_attack_stays_an_event_time(text):
    assert spans("times", text, "NOT_TIME") == []
    assert any(label == "EVENT_RELATIVE" for label, _, _ in spans("times", text))


@pytest.mark.parametrize("text, cue", [
    ("Cet enlèvement survient quelques jours après une attaque contre le poste de Kérou.",
     "survient quelques jours après"),
    ("L'attaque intervient à peine deux semaines après l'embuscade de Seytenga.",
     "intervient à peine deux semaines après"),
    ("Ce drame survient après l'assassinat du maire en mars.", "survient après"),
    ("Deux gendarmes y avaient trouvé la mort.", "y avaient trouvé la mort"),
    ("Six soldats y avaient déjà été tués en 2021.", "y avaient déjà été tués"),
])
def test_an_earlier_attack_told_as_context_is_background(text, cue):
    assert ("BACKGROUND", cue, "") in spans("cues", text, "BACKGROUND")


def test_reported_speech_in_the_pluperfect_is_no_background():
    text = "L'armée a indiqué jeudi que deux soldats avaient perdu la vie."
    assert spans("cues", text, "BACKGROUND") == []
