"""The French pattern files (models/patterns/fr) family by family on small blank Docs, and the normalisers that
read the French word classes (numbers, sources, dates, page furniture). Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from pattern_helpers import ruler_nlp
from spacy.util import filter_spans

from sahel_extract.ingest.zones import classify_line
from sahel_extract.normalise.dates import read, resolve_date
from sahel_extract.normalise.numbers import is_vague, parse_count
from sahel_extract.normalise.sources import normalise_source
from sahel_extract.patterns import FAMILIES


def spans(family: str, text: str, label: str | None = None) -> list[tuple[str, str, str]]:
    """(label, text, id) of the longest non-overlapping spans of a French family (of one label if given)."""
    doc = ruler_nlp(family, "fr")(text)
    group = [s for s in doc.spans[FAMILIES[family]] if label is None or s.label_ == label]
    return [(s.label_, s.text, s.id_) for s in sorted(filter_spans(group), key=lambda s: s.start)]


def all_spans(family: str, text: str) -> set[tuple[str, str, str]]:
    doc = ruler_nlp(family, "fr")(text)
    return {(s.label_, s.text, s.id_) for s in doc.spans[FAMILIES[family]]}


def classes(text: str, word: str) -> dict[str, str]:
    """The word classes (label -> value) of one word of a French text."""
    doc = ruler_nlp("lexicon", "fr")(text)
    tok = next(t for t in doc if t.text == word)
    return {s.label_: s.id_ for s in doc.spans["sahel_lexicon"] if s.start == tok.i and s.end == tok.i + 1}


# --- triggers ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, event_type", [
    ("Un engin explosif improvisé a explosé au passage d'un convoi militaire.", "engin explosif improvisé",
     "explosion"),
    ("Deux soldats ont été tués par un EEI sur l'axe Djibo-Namsiguia.", "EEI", "explosion"),
    ("Un camion de commerçants a heurté une mine artisanale près de Boni.", "mine artisanale", "explosion"),
    ("Un kamikaze a actionné sa ceinture devant le camp.", "kamikaze", "suicide_bombing"),
    ("Un attentat-suicide a visé le marché de Konna.", "attentat-suicide", "suicide_bombing"),
    ("Une frappe de drone a visé un rassemblement de terroristes.", "frappe de drone", "air_strike"),
    ("L'armée a mené des frappes aériennes près de Léré.", "frappes aériennes", "air_strike"),
    ("Le pilonnage du camp a duré deux heures.", "pilonnage", "explosion"),
    ("L'enlèvement du préfet a été confirmé par sa famille.", "enlèvement", "abduction"),
    ("Le rapt de trois humanitaires inquiète les ONG.", "rapt", "abduction"),
    ("Une prise d'otages dans une église de Dablo.", "prise d'otages", "abduction"),
    ("Des hommes armés ont enlevé quatre commerçants.", "enlevé", "abduction"),
    ("Une embuscade a été tendue à une patrouille.", "embuscade", "attack"),  # as "ambush" in English
    ("Le massacre de Solhan a choqué le pays.", "massacre", "massacre"),
])
def test_trigger(text, phrase, event_type):
    found = spans("triggers", text)
    assert any(t == phrase and label == event_type for label, t, _ in found), found


def test_trigger_strength():
    assert ("explosion", "EEI", "strong") in all_spans("triggers", "Un EEI a explosé.")
    assert ("air_strike", "drone", "weak") in all_spans("triggers", "Un drone survolait la zone.")


@pytest.mark.parametrize("text", [
    "Le ministre a présidé la cérémonie de remise des diplômes à Ouagadougou.",
    "Les Étalons ont battu les Aigles en match amical.",
])
def test_no_trigger(text):
    assert spans("triggers", text) == []


@pytest.mark.parametrize("text, sense", [
    ("Les soldats ont saisi des engins explosifs improvisés lors de la fouille.", "other_sense"),
    ("L'armée, appuyée par des frappes aériennes, a repoussé les assaillants.", "other_sense"),
    ("Les jeunes du village veulent venger leurs proches tués.", "other_sense"),
    ("Des fusils d'assaut ont été récupérés.", "other_sense"),
    ("L'attaque de mars 2023 contre Djibo reste dans les mémoires.", "history"),
])
def test_attack_word_in_another_sense(text, sense):
    assert any(label == sense for label, _, _ in spans("senses", text))


# --- tolls, qualifiers and outcomes --------------------------------------------------------------------------

@pytest.mark.parametrize("text, head", [
    ("Le bilan s'est alourdi à 31 morts, selon une source hospitalière.", "bilan s'est alourdi à"),
    ("Le bilan est passé à quinze morts dans la soirée.", "bilan est passé à"),
    ("Le nouveau bilan fait état de 40 morts.", "bilan fait état de"),
])
def test_toll_head(text, head):
    assert ("TOLL_HEAD", head, "") in spans("tolls", text)


def test_provisional_toll_is_superseded():
    assert ("SUPERSEDED", "bilan provisoire faisait", "") in spans("cues", "Un bilan provisoire faisait état de "
                                                                           "dix morts.")
    assert any(label == "SUPERSEDED" for label, _, _ in spans("cues", "L'armée avait d'abord annoncé six morts."))


@pytest.mark.parametrize("text, phrase, outcome", [
    ("Les victimes ont trouvé la mort dans l'incendie.", "trouvé la mort", "killed"),
    ("Trois bergers ont perdu la vie dans l'attaque.", "perdu la vie", "killed"),
])
def test_outcome_phrase(text, phrase, outcome):
    assert ("OUTCOME_PHRASE", phrase, outcome) in spans("tolls", text)


@pytest.mark.parametrize("word, outcome", [
    ("tués", "killed"), ("morts", "killed"), ("décédés", "killed"), ("péri", "killed"),
    ("neutralisés", "killed"), ("blessés", "wounded"), ("enlevés", "abducted"),
])
def test_outcome_word(word, outcome):
    assert classes(f"Douze personnes ont été {word} hier.", word).get("OUTCOME_AFTER") == outcome


def test_missing_is_not_abducted():
    found = classes("Deux bergers sont portés disparus.", "disparus")
    assert found.get("OUTCOME_AFTER") not in ("abducted", "killed", "wounded")


@pytest.mark.parametrize("text, word, category", [
    ("Douze civils tués.", "civils", "civilians"),
    ("Six soldats tués.", "soldats", "military"),
    ("Vingt terroristes neutralisés.", "terroristes", "militants"),
    ("Deux casques bleus blessés.", "bleus", "peacekeepers"),
])
def test_victim_category(text, word, category):
    assert classes(text, word).get("VICTIM") == category


@pytest.mark.parametrize("text, qualifier, value", [
    ("Au moins douze civils tués.", "Au moins", "min"),
    ("Plus de vingt blessés.", "Plus de", "more"),
    ("Près de trente personnes enlevées.", "Près de", "max"),
])
def test_qualifier(text, qualifier, value):
    assert ("QUALIFIER", qualifier, value) in all_spans("lexicon", text)


@pytest.mark.parametrize("phrase, expected", [
    ("au moins douze", (12, None)),
    ("plus de 30", (31, None)),
    ("près de cinquante", (None, 50)),
    ("environ 40", (40, 40)),
    ("une dizaine", (10, 10)),
    ("une vingtaine", (20, 20)),
    ("une centaine", (100, 100)),
    ("des dizaines", (24, None)),
    ("trente et un", (31, 31)),
    ("soixante et onze", (71, 71)),
    ("quatre-vingt-dix-sept", (97, 97)),
    ("entre 10 et 15", (10, 15)),
])
def test_french_count(phrase, expected):
    assert parse_count(phrase, "fr") == expected


def test_plusieurs_is_vague():
    assert is_vague("plusieurs", "fr")
    assert parse_count("plusieurs", "fr") == (None, None)
    assert not is_vague("une dizaine", "fr")


# --- times ---------------------------------------------------------------------------------------------------

MONDAY = dt.date(2026, 3, 16)


@pytest.mark.parametrize("text, mention", [
    ("Dans la nuit de samedi à dimanche, des hommes armés ont attaqué le village.",
     "Dans la nuit de samedi à dimanche"),
    ("Le camp a été attaqué hier vers 5 heures.", "hier"),
    ("L'attaque a eu lieu lundi dernier près de Djibo.", "lundi dernier"),
    ("Le 12 juin, des terroristes ont incendié l'école.", "Le 12 juin"),
    ("Dans la nuit du 13 au 14 mars 2026, le poste a été attaqué.", "Dans la nuit du 13 au 14 mars 2026"),
    ("Tôt dimanche matin, des tirs ont été entendus.", "Tôt dimanche matin"),
])
def test_time_span(text, mention):
    assert mention in [t for _, t, _ in spans("times", text)]


def test_weekday_in_a_name_is_no_time():
    assert ("NOT_TIME", "prière du vendredi", "a weekday in a name") in spans("times", "La prière du vendredi a "
                                                                                       "été perturbée.")


@pytest.mark.parametrize("mention, value", [
    ("dans la nuit de samedi à dimanche", "2026-03-14"),
    ("hier", "2026-03-15"),
    ("hier soir", "2026-03-15"),
    ("avant-hier", "2026-03-14"),
    ("avant hier", "2026-03-14"),
    ("lundi dernier", "2026-03-09"),
    ("samedi", "2026-03-14"),
    ("le 3 mars 2026", "2026-03-03"),
    ("le 12 juin", "2025-06-12"),  # a day later than the publication is last year's
    ("dans la nuit du 13 au 14 mars", "2026-03-13"),
])
def test_french_date(mention, value):
    assert resolve_date(mention, MONDAY, "fr").value == value


@pytest.mark.parametrize("mention, code", [
    ("avant-hier", "day-2"), ("le week-end dernier", "weekend-1"), ("cet après-midi", "day0"), ("hier", "day-1"),
])
def test_hyphenated_relative_time(mention, code):
    assert read(mention, "fr").relative == code


def test_event_relative():
    assert ("EVENT_RELATIVE", "Le lendemain", "+1") in spans("times", "Le lendemain, une seconde attaque a visé "
                                                                      "le convoi.")
    assert spans("times", "Les visiteurs ont égalisé peu après la pause.") == []


# --- attribution ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, label", [
    ("Douze civils ont été tués, selon des sources locales.", "ACCORDING"),
    ("De sources sécuritaires, on apprend que douze soldats ont été tués.", "ACCORDING"),
    ("D'après un habitant joint au téléphone, les assaillants étaient nombreux.", "ACCORDING"),
    ("Douze soldats ont été tués, a-t-on appris auprès d'un élu local.", "ACCORDING"),
    ("Douze civils ont été tués, a indiqué l'armée.", "SPEAKER_AFTER"),
    ("Dans un communiqué, l'état-major général des armées annonce la mort de douze soldats.", "SPEAKER_BEFORE"),
])
def test_source_cue(text, label):
    assert any(lab == label for lab, _, _ in spans("sources", text))


@pytest.mark.parametrize("phrase, label", [
    ("selon des sources locales", "local source"),
    ("de sources sécuritaires", "security source"),
    ("une source sécuritaire", "security source"),
    ("l'armée", "army"),
    ("l'état-major", "army"),
    ("communiqué de l'état-major général des armées", "army"),
    ("un élu local", "local source"),
    ("des habitants", "residents"),
    ("l'AFP", "AFP"),
    ("selon l'Agence France-Presse", "AFP"),
    ("a appris l'AIB", "AIB"),
    ("de l'Agence nigérienne de presse", "ANP"),
    ("l'ONU", "UN"),
])
def test_source_label(phrase, label):
    assert normalise_source(phrase, "fr") == label


# --- clause cues: history, aggregates, new incidents, claims -------------------------------------------------

@pytest.mark.parametrize("text, label, cue", [
    ("Depuis le début de l'année, plus de 300 civils ont été tués dans la province.", "AGGREGATE",
     "Depuis le début de l'année"),
    ("Au total, 48 corps ont été retrouvés.", "AGGREGATE", "Au total"),
    ("En 2022 déjà, une attaque contre le même camp avait coûté la vie à 40 soldats.", "BACKGROUND",
     "En 2022 déjà"),
    ("Dans une autre attaque, des hommes armés ont tué trois bergers.", "NEW_EVENT", "Dans une autre attaque"),
    ("Des centaines de personnes ont manifesté à Kaya contre l'insécurité.", "PROTEST", "manifesté"),
    ("Le car a fait une sortie de route, faisant trois morts.", "ACCIDENT", "sortie de route"),
    ("Un engin explosif a été désamorcé par les démineurs.", "DEFUSAL", "engin explosif a été désamorcé"),
])
def test_clause_cue(text, label, cue):
    assert (label, cue, "") in spans("cues", text, label)


def test_pluperfect_toll_is_background_but_not_a_report():
    assert any(label == "BACKGROUND" for label, _, _ in spans("cues", "L'attaque avait fait six morts."))
    assert not any(label == "BACKGROUND" for label, _, _ in spans("cues", "L'armée avait fait état de six morts."))


def test_claim_and_its_negation():
    assert any(label == "CLAIM" for label, _, _ in spans("cues", "L'attaque a été revendiquée par le GSIM."))
    found = all_spans("cues", "L'attaque n'a pas été revendiquée.")
    assert any(label == "NEGATION" for label, _, _ in found) and any(label == "CLAIM" for label, _, _ in found)


# --- actors ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase", [
    ("L'armée malienne a repoussé l'attaque.", "L'armée"),
    ("Les Forces armées burkinabè ont mené une offensive.", "Les Forces armées"),
])
def test_state_force_description(text, phrase):
    assert ("STATE_GENERIC", phrase, "army") in spans("actors", text)


def test_affiliation_cue():
    assert ("AFFILIATED_TO", "lié à", "") in spans("actors", "Le GSIM, lié à Al-Qaïda, a revendiqué l'attaque.")


def test_army_is_no_place():
    assert "NOT_PLACE" in classes("Selon l'état-major général des Armées, le bilan est lourd.", "Armées")


# --- page furniture ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, kind", [
    ("Lire aussi : Mali : dix civils tués dans une attaque près de Mopti", "teaser"),
    ("Publié le 12 mars 2026 à 10h30", "datestamp"),
    ("Mis à jour le 13 mars 2026", "datestamp"),
    ("Crédit photo : DR", "caption"),
    ("© AFP", "caption"),
    ("Par Issouf Kaboré", "byline"),
])
def test_page_furniture(line, kind):
    assert classify_line(line, "fr") == kind


def test_body_line_is_no_furniture():
    assert classify_line("Des hommes armés ont attaqué le village de Tera dimanche.", "fr") is None

