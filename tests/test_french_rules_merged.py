"""French data for the rules the English side gained in issue 10 (responders, sides, appositions, movements,
pluperfect background): what each must do on French page text, on both pipelines."""

import pytest


def test_the_wounded_taken_to_a_town_start_no_attack_there(pipe):
    text = ("Dori, 4 mars 2025 (AIB) – Trois gendarmes ont été tués dimanche dans une embuscade près de Gorgadji, "
            "selon des sources sécuritaires.\n\nLes blessés ont été évacués vers Dori. Aucun groupe n'avait "
            "revendiqué l'attaque lundi soir.")
    records = pipe.extract(text, published="2025-03-04")
    assert [r.place.name for r in records] == ["Gorgadji"]
    assert records[0].casualties.killed.min == 3


@pytest.mark.parametrize("text, place", [
    ("Tokoye, un village rattaché à la commune de Gothèye, a été attaqué samedi par des hommes armés qui ont tué "
     "quatre personnes.", "Tokoye"),
    ("Kiéré, une localité située dans la province des Balé, a subi une attaque dimanche qui a fait deux morts.",
     "Kiéré"),
])
def test_a_name_in_apposition_to_a_village_is_the_place(pipe, text, place):
    records = pipe.extract(text, published="2025-03-10")
    assert records and records[0].place.mention == place


@pytest.mark.parametrize("text", [
    "Les deux commerçants avaient été enlevés par des hommes armés sur la route de Kaya.",
    "Le maire de la commune avait déjà été enlevé par des individus armés près de Djibo.",
])
def test_a_pluperfect_outcome_is_background(pipe, text):
    assert pipe.extract(text, published="2025-03-10") == []


@pytest.mark.parametrize("text", [
    "Des terroristes ont attaqué le poste de Mentao dans la nuit de lundi à mardi. Les FDS ont repoussé "
    "l'assaut et neutralisé douze assaillants, a indiqué l'armée.",
    "Une position de l'armée a été attaquée mardi près de Mentao. Les militaires ont riposté et mis en déroute "
    "les assaillants, dont huit ont été neutralisés.",
])
def test_the_force_that_repels_the_attack_is_not_its_actor(pipe, text):
    records = pipe.extract(text, published="2025-03-12")
    assert records
    assert all(r.actor.kind != "state_forces" for r in records)


@pytest.mark.parametrize("text, expected", [
    ("Cinq civils, parmi lesquels quatre enfants, ont été tués dimanche à Djibo, selon des sources locales.", 5),
    ("Douze personnes, parmi elles trois femmes, ont été tuées lors de l'attaque de Solhan samedi.", 12),
    ("Sept soldats, dont deux officiers, ont perdu la vie dans l'embuscade de Boni lundi.", 7),
])
def test_a_part_told_inside_the_whole_shares_its_verb(pipe, text, expected):
    records = pipe.extract(text, published="2025-03-10")
    assert [r.casualties.killed.min for r in records] == [expected]
