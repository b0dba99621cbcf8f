"""The attack's own place on real-page wordings (issue 10, rule 4), on the default and the rules-only pipeline.

Every text here is written for the project in the style of news pages (wire leads, local-press sentences,
headlines, army communiqués); the names of villages the gazetteer lacks are made up or rare on purpose, so that
only the construction can make them places.
"""

from __future__ import annotations

import pytest

from sahel_extract.frames.places import find_places
from sahel_extract.ingest.language import detect_language

PUB = "2024-03-12"


def places(pipe, text: str) -> dict[str, set[str]]:
    """The place arguments of a text's sentences, with their roles."""
    doc = pipe.nlp_for(detect_language(text))(text)
    roles = ("locative", "near", "want_admin", "locality", "seat", "reference")
    return {p.text: {r for r in roles if getattr(p, r)} for s in doc.sents for p in find_places(s, [])[0]}


def place_of(pipe, text: str) -> tuple:
    """Mention, admin1 and country of the place of the one record a text gives."""
    [record] = pipe.extract(text, published=PUB)
    return record.place.mention, record.place.admin1, record.place.country_code


# --- names used as modifiers or possessives ---------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Gunmen stormed the Tiabangou police station before dawn on Tuesday, in Karimama, killing one officer, two "
     "police sources said.", ("Tiabangou", "Alibori", "BJ")),
    ("Jihadists overran Dabessi's army post on Sunday, killing six soldiers in the Loroum province, a security "
     "source said.", ("Dabessi", "Nord", "BF")),
    ("BURKINA: Suspected jihadists attacked the Wendou gendarmerie brigade overnight in the Sanmatenga province, "
     "killing three gendarmes.", ("Wendou", "Centre-Nord", "BF")),
])
def test_a_name_that_modifies_the_attacked_site_is_the_place(pipe, text, expected):
    assert place_of(pipe, text) == expected


@pytest.mark.parametrize("text, name", [
    ("Gunmen torched the Grand market on Friday, killing two traders.", "Grand"),
    ("Militants attacked the Koranic school at dawn, killing a teacher.", "Koranic"),
    ("Gunmen fired on the Police station on Monday, wounding two officers.", "Police"),
])
def test_a_descriptive_word_before_a_site_is_no_place(pipe, text, name):
    assert name not in places(pipe, text)


# --- brackets and appositions ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Six civilians were killed on Tuesday in an attack on Bangassi (Sanmatenga province), security sources "
     "told AFP.", ("Bangassi", "Centre-Nord", "BF")),
    ("Armed men raided Sorgho (Kaya commune, Sanmatenga province) overnight, killing four volunteers.",
     ("Sorgho", "Centre-Nord", "BF")),
    ("A terrorist attack hit the army position at #Tinkaré (#Ansongo) on Friday, leaving 11 soldiers dead.",
     ("Tinkaré", "Gao", "ML")),
])
def test_a_name_before_bracketed_units_is_the_place_they_locate(pipe, text, expected):
    assert place_of(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen struck Tiguila, a village in the Tillaberi region lying 60 km from the border, on Friday, killing nine "
     "herders.", ("Tiguila", "Tillabéri", "NE")),
    ("Fighters on motorbikes attacked a patrol close to Garbey, a town in the Dosso region, killing five soldiers.",
     ("Garbey", "Dosso", "NE")),
    ("Gunmen killed 18 worshippers at a mosque in Dabari, a neighbourhood of Kokorou, on Friday, the ministry "
     "said.", ("Dabari", "Tillabéri", "NE")),
    ("Unidentified gunmen shot dead four farmers in Bouldé, a small rural commune near Djibo, on Saturday.",
     ("Bouldé", "Sahel", "BF")),
])
def test_a_name_followed_by_what_kind_of_place_it_is_is_the_place(pipe, text, expected):
    assert place_of(pipe, text) == expected


@pytest.mark.parametrize("text, name", [
    ("\"They came at night,\" said Amadou Sidibé, a village chief in the area.", "Amadou Sidibé"),
    ("Hamidou Diallo, a town councillor, said the militants had left.", "Hamidou Diallo"),
])
def test_a_person_described_by_a_place_noun_is_no_place(pipe, text, name):
    assert name not in places(pipe, text)


def test_a_quarter_named_by_its_head_noun_gives_its_town(pipe):
    found = places(pipe, "At least three shells landed in the Djingareyber neighbourhood of Timbuktu on Sunday, "
                         "killing two civilians.")
    assert "seat" in found.get("Djingareyber", {"seat"})


def test_a_name_in_a_list_of_regions_asks_for_the_region(pipe):
    found = places(pipe, "The army said it killed 40 militants in operations across the regions of Dosso and "
                         "Tillaberi and in the Gao and Menaka regions last week.")
    assert all("want_admin" in found[n] for n in ("Dosso", "Tillaberi", "Menaka"))


def test_the_word_for_a_unit_is_no_name(pipe):
    assert place_of(pipe, "Gunmen killed 26 villagers in the Circle of Bankass on Sunday, the mayor said.") == (
        "Bankass", "Mopti", "ML")


def test_the_word_that_says_what_a_place_is_is_not_part_of_its_name(pipe):
    assert "Kunibaa" in places(pipe, "A truck struck a landmine in Kunibaa village on Tuesday, killing seven "
                                     "people, militia leaders said.")


def test_a_local_government_area_named_after_its_town_is_a_place(pipe):
    found = places(pipe, "The army said the militants died as they mounted a failed attack on the state's Damboa "
                         "Local Government Area.")
    assert "Damboa" in found and "want_admin" in found["Damboa"]


# --- names that are not where it happened ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Jihadists Kill 9 Soldiers in Raid on Army Post",
    "Gunmen Kill 12 Villagers in Newest Attack",
    "Soldiers Repel Assault at Dawn, Army Says",
])
def test_a_headline_s_capitalised_attack_word_is_no_place(pipe, text):
    assert places(pipe, text) == {}


@pytest.mark.parametrize("text, name", [
    ("The army now flies armed drones built in Turkey, and one of them struck a market in Kalsaka on Sunday, "
     "killing 12 people.", "Turkey"),
    ("Also read: Niger takes delivery of combat drones made in China", "China"),
    ("The rockets, bought from Russia last year, hit the camp in Kalsaka on Monday.", "Russia"),
])
def test_the_country_where_weapons_were_made_is_no_place(pipe, text, name):
    assert name not in places(pipe, text)


@pytest.mark.parametrize("text", [
    "Rockets hit the \"Gao\" boat as it sailed down the Niger River on Thursday, killing 20 passengers.",
    "Jihadists fired on the Tombouctou ferry on Thursday, killing 12 passengers, the shipping company said.",
])
def test_a_boat_named_after_a_town_is_not_the_town(pipe, text):
    assert not {"Gao", "Tombouctou"} & set(places(pipe, text))


def test_a_place_where_the_attack_had_taken_place_is_no_destination(pipe):
    assert "seat" not in places(pipe, "The attack had taken place in Djibo on Sunday, residents said.")["Djibo"]
    assert "seat" in places(pipe, "The wounded were taken to the hospital in Djibo, residents said.")["Djibo"]
    assert "seat" not in places(pipe, "Boko Haram fighters have left their mark on a community in Adamawa, "
                                      "where 26 people were killed.")["Adamawa"]


def test_the_hospital_town_gives_the_country_but_not_the_region(pipe):
    assert place_of(pipe, "Five workers were abducted near Kounkouna, in the west of the country, on Thursday; "
                          "their colleagues were evacuated to Bamako.") == ("Kounkouna", None, "ML")


@pytest.mark.parametrize("text, ends", [
    ("Insurgents abducted 20 passengers on the Maiduguri-Damaturu highway on Friday evening, a security source "
     "said.", ("Maiduguri", "Damaturu")),
    ("A bus hit a mine on the Djibo-Namsiguia road on Monday, killing ten passengers.", ("Djibo",)),
    ("Fighting broke out between Dori and Seytenga on Sunday.", ("Dori", "Seytenga")),
])
def test_a_road_s_ends_are_only_near_the_attack(pipe, text, ends):
    found = places(pipe, text)
    assert all("near" in found[e] for e in ends)


# --- the most specific place of an attack's sentences ---------------------------------------------------------

def event_place(pipe, text: str):
    """The record place of one attack told by all the sentences of a text (grouping left out)."""
    from sahel_extract.attacks.build import resolve_event_place
    from sahel_extract.attacks.model import EventMention
    from sahel_extract.normalise.actors import default_catalogue
    from sahel_extract.normalise.mentions import article_countries, resolve_frames

    doc = pipe.nlp_for(detect_language(text))(text)
    frames = resolve_frames(doc._.frames, None, pipe.gazetteer, default_catalogue(), pipe.settings)
    place = resolve_event_place(EventMention(frames=frames), pipe.gazetteer, article_countries(frames))
    return place.mention, place.admin1, place.country_code


@pytest.mark.parametrize("text, expected", [
    ("Troops Kill 30 Militants in Borno\n\nThe army said the insurgents died as they attacked the state's Damboa "
     "Local Government Area on Tuesday.", ("Damboa", "Borno", "NG")),
    ("Gunmen killed 14 villagers in the Mopti region on Sunday. The village they attacked lies in the Circle of "
     "Bankass, the mayor said.", ("Bankass", "Mopti", "ML")),
    ("The blast happened on Saturday in Tone prefecture, close to the border. The army said its aircraft had hit "
     "the group by mistake in Nabouli village, Tone prefecture.", ("Nabouli", "Savanes", "TG")),
])
def test_a_place_inside_the_region_told_first_refines_it(pipe, text, expected):
    assert event_place(pipe, text) == expected


def test_the_village_a_sentence_puts_near_the_town_told_first_is_the_scene(pipe):
    assert event_place(pipe, "Insurgents ambushed a convoy near Gao on Friday, killing 25 civilians. The assault "
                             "happened close to the village of Tiboraghen, some 30 km from Gao.") == (
        "Tiboraghen", "Gao", "ML")


def test_a_village_elsewhere_does_not_refine_the_region(pipe):
    # Dori is in the Sahel region, not in the Nord region where the attack was
    assert event_place(pipe, "Gunmen killed nine people in the Nord region on Monday. Survivors were taken to "
                             "Dori.")[1:] == ("Nord", "BF")


# --- capitals and datelines, titles, origins, directions ---------------------------------------------------

@pytest.mark.parametrize("text, town", [
    ("Photo: AFP\nBamako — Government officials said on Wednesday that the toll of the massacre in a village of "
     "central Mali stood at 35 dead.", "Bamako"),
    ("Baba Ahmed, The Associated Press\nBAMAKO, Mali (AP) — At least six people were killed when a bus hit a "
     "roadside bomb in central Mali on Thursday.", "BAMAKO"),
    ("Reporting by a correspondent\nOUAGADOUGOU, April 4 A Romanian security officer was abducted by gunmen on "
     "Saturday at a mine in the north.", "OUAGADOUGOU"),
    ("World news\nNIAMEY: Boko Haram fighters killed eight people in the south-east of the country.", "NIAMEY"),
])
def test_a_dateline_inside_the_page_is_where_the_report_comes_from(pipe, text, town):
    assert "seat" in places(pipe, text)[town]


def test_the_capital_is_where_the_government_sits_unless_the_attack_is_put_there(pipe):
    assert "seat" in places(pipe, "That has brought the fighting nearer to the south and the capital Bamako, "
                                  "officials said.")["Bamako"]
    assert "seat" not in places(pipe, "Gunmen attacked a checkpoint in the capital Bamako on Monday, killing two "
                                      "gendarmes.")["Bamako"]


@pytest.mark.parametrize("text, expected", [
    ("Armed men attacked a refugee camp in Tahoua region, to the north-east of Niamey, killing 22 soldiers.",
     ("Tahoua region", "Tahoua", "NE")),
    ("Gunmen killed five herders in Kerboule, 40 km north of Djibo, on Sunday.", ("Kerboule", "Sahel", "BF")),
])
def test_a_town_the_place_is_put_north_of_is_a_reference_point(pipe, text, expected):
    assert place_of(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The mayor of Djibo said gunmen had killed 12 people in Gasseliki on Sunday.", "Gasseliki"),
    ("Speaking by phone, the Djibo mayor said 12 people had been killed in Gasseliki on Sunday.", "Gasseliki"),
    ("The mayor of Boni was shot dead by unidentified gunmen on Friday.", "Boni"),
    ("\"The blast shattered windows and killed two people,\" said the mayor of Gossi, the town close to where "
     "the attack happened.", "Gossi"),
])
def test_a_title_s_seat_is_the_place_only_when_the_text_names_no_other(pipe, text, expected):
    [frame] = pipe.nlp_for(detect_language(text))(text)._.frames
    assert frame.event_place is not None and frame.event_place.text == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen coming from Sambisa attacked the village of Kautikari on Monday, killing nine.", "Kautikari"),
    ("Armed men who had crossed from Menaka attacked a camp in Tillia, killing 12 soldiers.", "Tillia"),
    ("Refugees from Djibo were among the 20 people killed in the attack on the camp at Barsalogho on Sunday.",
     "Barsalogho"),
])
def test_where_the_attackers_or_victims_came_from_is_not_the_place(pipe, text, expected):
    assert place_of(pipe, text)[0] == expected


@pytest.mark.parametrize("text, towns", [
    ("A bus travelling from Gao to Ansongo hit a mine on Tuesday, killing five passengers.", ("Gao", "Ansongo")),
    ("Militants ambushed a convoy heading to Djibo on Monday, killing 15 soldiers.", ("Djibo",)),
])
def test_a_journey_s_ends_are_only_near_the_attack(pipe, text, towns):
    found = places(pipe, text)
    assert all("near" in found[t] and "seat" not in found[t] for t in towns)


# --- islands, quoted and hyphenated names; namesakes abroad --------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("The unit was attacked on Bouka-Toullorom island on Tuesday, and ten soldiers were killed.", "Bouka-Toullorom"),
    ("Jihadists raided the island of Kaiga Kindjiria overnight, killing six fishermen.", "Kaiga Kindjiria"),
    ("Gunmen killed seven people in \"Tin-Hamma\" on Friday, a local official said.", "Tin-Hamma"),
    ("Gunmen killed four traders at Tin-Akoff, 30 km from Gorom-Gorom, on Sunday.", "Tin-Akoff"),
])
def test_islands_and_quoted_or_hyphenated_names_are_places(pipe, text, name):
    assert place_of(pipe, text)[0] == name


def test_a_unit_abroad_named_like_the_village_is_not_taken(pipe):
    # the embedded gazetteer knows a Kobe only as a department of Chad; this one is 30 km from Gao
    assert event_place(pipe, "Insurgents ambushed a convoy near Gao, the main city of Mali's northeast, on Friday. "
                             "The assault happened close to the village of Kobe, some 30 km from Gao.") == (
        "Kobe", "Gao", "ML")


# --- French wordings read by the same patterns ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Six combattants ont été tués lors d'une attaque à Kangala, dans la province du Soum, selon des sources "
     "locales.", "Kangala"),
    ("Une unité a lancé une offensive contre un repaire situé à Wendou (province du Sourou) mardi, tuant dix "
     "terroristes.", "Wendou"),
    ("Cinq civils ont été tués à Tiboraghen, localité du cercle de Gourma-Rharous située dans la région de "
     "Tombouctou.", "Tiboraghen"),
    ("Dabari, un village rattaché à la commune de Diffa, a lui aussi subi une attaque qui a fait trois morts.",
     "Dabari"),
    ("L'attaque s'est produite dans la localité de Nabouli, voisine de la frontière, et a fait 16 morts.",
     "Nabouli"),
])
def test_french_constructions_make_the_place(pipe, text, expected):
    assert place_of(pipe, text)[0] == expected


def test_the_place_an_apposition_puts_a_village_in_is_only_its_location(pipe):
    [frame] = pipe.nlp("Dabari, a village attached to the commune of Diffa, was attacked on Monday.")._.frames
    assert frame.event_place.text == "Dabari" and frame.puts_near(frame.places[0], frame.places[1])


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed two people in the village of I-n-Tebezas (Menaka, Menaka) on Monday.", "I-n-Tebezas"),
    ("Clashes at the Wendou mining site, 5 km from Diebougou, left one dead and ten wounded.", "Wendou"),
    ("Soldiers conducted an operation in Malam Boukar to free three hostages, killing two militants.",
     "Malam Boukar"),
    ("Jihadists attacked the Sollogo market in Bourzanga, killing four traders.", "Sollogo"),
])
def test_more_ways_a_name_is_written_as_the_place(pipe, text, expected):
    assert place_of(pipe, text)[0] == expected


def test_a_town_far_north_of_the_capital_gives_no_region_to_a_village(pipe):
    place = place_of(pipe, "A new attack in Dagabori, in Mali's north, left 10 people dead on Sunday, two days "
                           "after a raid on a hotel 600 km north of the capital Bamako.")
    assert place[0] == "Dagabori" and place[1] != "Bamako"
