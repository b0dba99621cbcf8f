"""French end-to-end tests of the rules added after the first French round (responders and victim sides, claim
days, rival sources, lone foreign victims, incident counts, other senses of attack words, days after something
else, earlier attacks told as context), on the default and the rules-only pipeline. Texts written for these
tests in the style of the region's French press."""

from __future__ import annotations

import pytest
from extract_cache import count, extract

# --- the army as responder and as victim side; a claim's day is not the attack's -------------------------------

ARMY_REPELS = [
    """\
Boni : les FAMa repoussent une attaque contre leur poste, quatre soldats tués

Le poste militaire de Boni, dans la région de Mopti, a été attaqué jeudi par des hommes armés. Le bilan fait \
état de quatre soldats tués et de deux blessés côté FAMa, a indiqué l'armée. Onze assaillants ont été \
neutralisés, ajoute le communiqué.
""",
    """\
Mali : l'armée déjoue une attaque à Boni

Des terroristes ont attaqué jeudi le poste militaire de Boni, dans la région de Mopti. Quatre soldats ont \
été tués et deux autres blessés, a indiqué l'armée. Onze assaillants ont été neutralisés lors de la riposte.
""",
]


@pytest.mark.parametrize("text", ARMY_REPELS, ids=["cote-fama", "dejoue"])
def test_army_that_repels_an_attack_is_not_its_actor(pipe, text):
    (r,) = extract(pipe, text, "2026-06-15")
    assert r.actor.name is None
    assert r.target.category == "military"
    assert count(r.casualties.killed) == (4, 4)
    assert count(r.casualties.wounded) == (2, 2)
    assert count(r.casualties.attackers_killed) == (11, 11)
    assert r.date.value == "2026-06-11"


CLAIM_DAY = """\
Niger : six gendarmes tués dans l'attaque d'un poste près de Tillabéri

Des hommes armés ont attaqué samedi un poste de gendarmerie près de Tillabéri, tuant six gendarmes, selon \
des sources sécuritaires. L'attaque a été revendiquée lundi par l'État islamique au Sahel.
"""


def test_a_claims_day_does_not_date_the_attack(pipe):
    (r,) = extract(pipe, CLAIM_DAY, "2026-06-16")
    assert r.date.value == "2026-06-13"  # samedi, not the Monday of the claim
    assert r.actor.name == "ISGS"
    assert r.actor.claimed is True
    assert count(r.casualties.killed) == (6, 6)


RIVAL_WITH_EVOQUER = """\
Les assaillants ont attaqué mardi le marché de Djibo. Huit civils ont été tués, selon le gouverneur de la \
région. Des habitants évoquent un bilan plus lourd, d'au moins quinze morts.
"""


def test_residents_who_evoke_a_toll_are_a_source(pipe):
    (r,) = extract(pipe, RIVAL_WITH_EVOQUER, "2026-06-17")
    assert count(r.casualties.killed) == (8, None)
    assert "residents" in r.source.attributed_to


# --- a lone foreign national as the victim ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Un Français a été enlevé jeudi soir près d'Agadez par des hommes armés, selon une source sécuritaire.",
    "Une Italienne a été enlevée jeudi soir près d'Agadez par des individus armés, selon une source "
    "sécuritaire.",
])
def test_a_lone_foreign_national_is_counted(pipe, text):
    (r,) = extract(pipe, text, "2026-06-15")
    assert r.event_type == "abduction"
    assert count(r.casualties.abducted) == (1, 1)
    assert r.date.value == "2026-06-11"
    assert "security source" in r.source.attributed_to


def test_a_nationality_after_soldiers_keeps_them_soldiers(pipe):
    text = ("Deux soldats français ont été tués samedi dans l'explosion d'un engin explosif improvisé près de "
            "Gao, a annoncé l'état-major.")
    (r,) = extract(pipe, text, "2026-06-15")
    assert r.target.category == "military"
    assert count(r.casualties.killed) == (2, 2)


# --- a bulletin that counts incidents is no attack --------------------------------------------------------------

BULLETIN = """\
Est : le bulletin mensuel de sécurité fait état d'une hausse des incidents

Au mois de mai, une quarantaine d'incidents sécuritaires ont été recensés dans la région de l'Est, selon le \
bulletin publié mardi par un collectif d'organisations humanitaires. Avec 17 cas signalés, les engins \
explosifs improvisés restent la première menace sur les axes routiers, devant les enlèvements.

Le collectif appelle les bailleurs à renforcer l'aide aux déplacés.
"""


def test_an_incident_bulletin_gives_no_record(pipe):
    assert extract(pipe, BULLETIN, "2026-06-09") == []


ATTACK_AND_COUNT = """\
Des hommes armés ont attaqué vendredi le poste de police de Sebba, dans la province du Yagha, tuant deux \
policiers, selon une source sécuritaire. La province a connu une dizaine d'attaques contre les forces de \
sécurité depuis janvier.
"""


def test_a_count_of_attacks_beside_an_attack_leaves_its_figures(pipe):
    (r,) = extract(pipe, ATTACK_AND_COUNT, "2026-06-15")
    assert (r.place.name, r.place.country_code) == ("Sebba", "BF")
    assert count(r.casualties.killed) == (2, 2)
    assert r.target.category == "police"
    assert r.date.value == "2026-06-12"


SWEARING_IN = """\
Burkina : le chef de la junte investi président de la transition

Ouagadougou, 22 octobre 2026 – Le capitaine qui a pris le pouvoir au début du mois a été officiellement \
investi vendredi président de la transition, lors d'une cérémonie au Conseil constitutionnel. Il a promis \
de reconquérir le territoire face aux groupes armés, dont les attaques ont fait des milliers de morts depuis \
2015, et a prêté serment devant les délégués des assises nationales.
"""


def test_a_swearing_in_is_no_attack(pipe):
    assert extract(pipe, SWEARING_IN, "2026-10-22") == []


DAY_AFTER_A_VISIT = """\
Kaya : cinq civils tués dans l'attaque du marché

Des hommes armés ont attaqué samedi le marché de Kaya, dans la région du Centre-Nord, tuant cinq civils, \
selon des sources locales. L'attaque est survenue au lendemain d'une visite du ministre de la Défense dans la \
région. Un nouvel assaut, au lendemain de la fête de l'indépendance, avait été repoussé par l'armée.
"""


def test_the_day_after_a_visit_makes_no_second_attack(pipe):
    records = extract(pipe, DAY_AFTER_A_VISIT, "2026-06-15")
    assert [(r.place.name, r.date.value) for r in records] == [("Kaya", "2026-06-13")]
    assert count(records[0].casualties.killed) == (5, 5)


EARLIER_ATTACK_AS_CONTEXT = """\
Bénin : quatre personnes enlevées près de Karimama

Quatre personnes ont été enlevées mardi soir par des individus armés près de Karimama, dans le nord du \
Bénin, selon une source sécuritaire. Cet enlèvement survient quelques jours après une attaque contre un \
poste militaire près de Banikoara. Trois soldats y avaient trouvé la mort.
"""


def test_an_earlier_attack_told_as_context_is_no_record(pipe):
    (r,) = extract(pipe, EARLIER_ATTACK_AS_CONTEXT, "2026-06-12")
    assert r.event_type == "abduction"
    assert r.place.name == "Karimama"
    assert count(r.casualties.abducted) == (4, 4)
    assert r.casualties.killed is None
    assert r.date.value == "2026-06-09"


REPORTED_PLUPERFECT = """\
Mercredi, le camp militaire de Nampala a été attaqué par des hommes armés. L'armée a indiqué jeudi, dans un \
communiqué, que trois soldats avaient perdu la vie et que cinq assaillants avaient été neutralisés.
"""


def test_reported_speech_in_the_pluperfect_keeps_its_toll(pipe):
    (r,) = extract(pipe, REPORTED_PLUPERFECT, "2026-06-12")
    assert count(r.casualties.killed) == (3, 3)
    assert r.date.value == "2026-06-10"
