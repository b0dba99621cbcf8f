"""Descriptions of armed actors (models/patterns/en/actors.jsonl, span group sahel_actor_cues) and the actor word
classes (models/patterns/en/words/actors_extra.jsonl) on a blank pipeline."""

from __future__ import annotations

import pytest
from pattern_helpers import ruler_nlp
from spacy.util import filter_spans

from sahel_extract.patterns import load_lexicon


def _doc(text):
    return ruler_nlp("actors")(text)


def found(text: str, label: str) -> list[tuple[str, str]]:
    """(text, id) of the longest non-overlapping spans of a label, in text order."""
    doc = _doc(text)
    spans = filter_spans([s for s in doc.spans["sahel_actor_cues"] if s.label_ == label])
    return [(s.text, s.id_) for s in sorted(spans, key=lambda s: s.start)]


def right_after(text: str, label: str, words: str) -> list[str]:
    """Texts of the spans of a label that start right after the tokens ``words``."""
    doc = _doc(text)
    parts = words.split()
    end = next(i for i in range(len(doc)) if [t.text for t in doc[i:i + len(parts)]] == parts) + len(parts)
    return [s.text for s in doc.spans["sahel_actor_cues"] if s.label_ == label and s.start == end]


@pytest.mark.parametrize("text, expected", [
    ("The army said it repelled the attack on Boulkessi.", [("The army", "army")]),
    ("Security forces killed 20 assailants, the governor said.", [("Security forces", "army")]),
    ("Units of the army were deployed to the area, the communiqué said.", [("Units of the army", "army")]),
    ("Defence and security forces carried out a sweep around Djibo.", [("Defence and security forces", "army")]),
    ("Government troops retook the town on Thursday.", [("Government troops", "army")]),
    ("Presumed gendarmes arrested the suspects.", [("Presumed gendarmes", "gendarmerie")]),
    ("The gendarmerie and the police were deployed.", [("The gendarmerie", "gendarmerie"), ("the police", "police")]),
    ("Police officers found two bodies by the road.", [("Police officers", "police")]),
])
def test_state_generic(text, expected):
    assert found(text, "STATE_GENERIC") == expected


def test_no_state_generic():
    assert found("Jihadists attacked the village of Tin-Akoff.", "STATE_GENERIC") == []


@pytest.mark.parametrize("text, expected", [
    ("Malian soldiers and Wagner fighters entered the village.", ["Malian soldiers"]),
    ("Nigerien troops repelled an attack near Tillabéri.", ["Nigerien troops"]),
    ("The Burkinabe armed forces said they killed 30 terrorists.", ["Burkinabe armed forces"]),
    ("Chadian security forces and Nigerian defence forces patrolled the lake.",
     ["Chadian security forces", "Nigerian defence forces"]),
])
def test_national_force(text, expected):
    assert [t for t, _ in found(text, "NATIONAL_FORCE")] == expected
    lex = load_lexicon("en")
    for mention in expected:
        assert lex.value("NORP", mention.split()[0])  # the demonym gives the country


def test_no_national_force():
    assert found("Malian traders and Nigerien herders met at the market.", "NATIONAL_FORCE") == []


@pytest.mark.parametrize("text, group, expected", [
    ("The al Qaeda-linked group JNIM claimed the ambush.", "Qaeda", "-linked"),
    ("An Islamic State affiliated faction raided the base.", "State", "affiliated"),
    ("Fighters of an ISIS-inspired cell were arrested.", "ISIS", "-inspired"),
])
def test_affiliation(text, group, expected):
    assert expected in right_after(text, "AFFILIATION", group)


def test_no_affiliation():
    assert right_after("JNIM fighters linked up with local bandits.", "AFFILIATION", "JNIM") == []


@pytest.mark.parametrize("text, generic, expected", [
    ("Gunmen from the Islamic State Sahel Province attacked the village.", "Gunmen", "from the"),
    ("Militants loyal to JNIM raided the market.", "Militants", "loyal to"),
    ("Fighters belonging to the Katiba Macina killed two herders.", "Fighters", "belonging to the"),
    ("Gunmen claiming allegiance to the Islamic State stormed the church.", "Gunmen", "claiming allegiance to the"),
    ("Militants affiliated with al Qaeda attacked the post.", "Militants", "affiliated with"),
])
def test_membership(text, generic, expected):
    assert expected in right_after(text, "MEMBERSHIP", generic)


def test_no_membership():
    assert right_after("Gunmen attacked the convoy of the governor.", "MEMBERSHIP", "Gunmen") == []


@pytest.mark.parametrize("text, expected", [
    ("The Nigerien army said it had killed 45 terrorists.", "said it had killed"),
    ("The General Staff announced its troops neutralised about twenty assailants.",
     "announced its troops neutralised"),
    ("JNIM said in a statement that they carried out the ambush.", "that they carried out"),
    ("The army reported that it repelled the assault.", "reported that it repelled"),
])
def test_self_report(text, expected):
    assert [t for t, _ in found(text, "SELF_REPORT")][0].endswith(expected)


def test_no_self_report():
    assert found("The army said the militants had killed 12 civilians.", "SELF_REPORT") == []


def test_actor_word_classes():
    lex = load_lexicon("en")
    assert lex.has("SUSPECTED", "presumed") and lex.has("SUSPECTED", "alleged") and not lex.has("SUSPECTED", "armed")
    assert lex.has("STATE_FORCE", "defence and security forces") and lex.has("STATE_FORCE", "troops")
    assert lex.has("ACTOR_MODIFIER", "heavily armed") and lex.has("ACTOR_MODIFIER", "unidentified")
    assert lex.has("GROUP_SPEAKER", "organisation") and not lex.has("GROUP_SPEAKER", "army")
    assert lex.has("GENERIC_PEOPLE", "people") and not lex.has("GENERIC_PEOPLE", "soldiers")
    assert lex.has("PRONOUN_SPEAKER", "the spokesman") and lex.has("PRONOUN_SPEAKER", "they")
    assert lex.value("BRANCH", "gendarmes") == "gendarmerie" and lex.value("BRANCH", "police officers") == "police"
