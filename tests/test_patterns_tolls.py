"""Toll phrases (models/patterns/en/tolls.jsonl, span group sahel_tolls) and the toll word classes
(models/patterns/en/words/tolls.jsonl) on a blank pipeline."""

from __future__ import annotations

import pytest
from pattern_helpers import ruler_nlp
from spacy.util import filter_spans

from sahel_extract.patterns import load_lexicon


def _doc(text):
    return ruler_nlp("tolls")(text)


def _spans(doc, label):
    return [s for s in doc.spans["sahel_tolls"] if s.label_ == label]


def _token(doc, word):
    return next(t for t in doc if t.text == word)


def ends_before(text: str, label: str, word: str) -> bool:
    """A span of the label ends right before the token ``word`` (the first count word of a figure)."""
    doc = _doc(text)
    return any(s.end == _token(doc, word).i for s in _spans(doc, label))


def starts_at(text: str, label: str, word: str) -> bool:
    doc = _doc(text)
    return any(s.start == _token(doc, word).i for s in _spans(doc, label))


def longest(text: str, label: str):
    doc = _doc(text)
    return sorted(filter_spans(_spans(doc, label)), key=lambda s: s.start)


@pytest.mark.parametrize("text, count", [
    ("The death toll rose to 31 on Tuesday, a hospital source said.", "31"),
    ("The toll now stands at 44, according to the regional governor.", "44"),
    ("The toll later rose to 14, officials said.", "14"),
    ("Rescuers recovered the bodies of 23 villagers from the wells.", "23"),
    ("Rescuers recovered the bodies of about 40 people.", "about"),
    ("Assailants cut the throats of five shepherds.", "five"),
    ("The raid claimed the lives of 9 civilians.", "9"),
    ("The ambush caused the deaths of eleven soldiers, the communiqué said.", "eleven"),
    ("Gunmen killed 12 worshippers during evening prayers.", "12"),
    ("The death toll from Saturday's mortar attack on the town of Monguno has risen to 11.", "11"),
    ("The death toll from the raid, which targeted a weekly market, rose to 30.", "30"),
    ("The army raised to seven the number of soldiers killed.", "seven"),
    ("The ministry raised the death toll to 40.", "40"),
])
def test_toll_head(text, count):
    assert ends_before(text, "TOLL_HEAD", count)


@pytest.mark.parametrize("text, count", [
    ("Twelve soldiers were wounded in the ambush.", "Twelve"),
    ("The army received 12 armoured vehicles.", "12"),
    ("The toll in the north, after a week of fighting, was not known; 12 were missing.", "12"),
])
def test_no_toll_head(text, count):
    assert not ends_before(text, "TOLL_HEAD", count)


@pytest.mark.parametrize("text, count", [
    ("The army revised upwards a provisional toll of twelve dead.", "twelve"),
    ("An initial death toll of 5 was revised on Monday.", "5"),
    ("The previous casualty count was 12 dead.", "12"),
    ("Their first report had been 8 dead.", "8"),
])
def test_superseded_before(text, count):
    assert ends_before(text, "SUPERSEDED_BEFORE", count)


def test_no_superseded_before():
    assert not ends_before("The final toll was 19 dead.", "SUPERSEDED_BEFORE", "19")


@pytest.mark.parametrize("text, start", [
    ("The toll rose to 11 after another three soldiers died.", "another"),
    ("The toll rose to 20 after seven more victims died in hospital.", "seven"),
    ("A further 5 people died of their wounds overnight.", "A"),
    ("Medics said 4 additional bodies were found.", "4"),
    ("The source said dozens more were wounded.", "dozens"),
])
def test_increment(text, start):
    assert starts_at(text, "INCREMENT", start)


@pytest.mark.parametrize("text, start", [
    ("Gunmen killed more than 300 people in the district.", "killed"),  # "more than" is a qualifier
    ("More than 40 soldiers were killed.", "More"),
])
def test_no_increment(text, start):
    assert not starts_at(text, "INCREMENT", start)


@pytest.mark.parametrize("text, count", [
    ("Twenty people died, including 5 children.", "5"),
    ("Ten civilians were killed, among them 3 women.", "3"),
    ("Thirty people were abducted, of whom 12 were later freed.", "12"),
    ("Among the dead were 4 teachers.", "4"),
    ("Among those killed were 3 soldiers.", "3"),
])
def test_subset(text, count):
    assert ends_before(text, "SUBSET", count)


def test_no_subset():
    assert not ends_before("Gunmen killed 5 children near the school.", "SUBSET", "5")


@pytest.mark.parametrize("text, span, victim, outcome", [
    ("The driver of one of the buses was shot dead.", "The driver of one of the buses was shot dead", "driver",
     "dead"),
    ("A soldier was killed in the ambush, the army said.", "A soldier was killed", "soldier", "killed"),
    ("The village chief was abducted on Monday night.", "The village chief was abducted", "chief", "abducted"),
    ("A civilian driver was killed near the checkpoint.", "A civilian driver was killed", "driver", "killed"),
    ("A 45-year-old man was shot dead in his shop.", "A 45-year-old man was shot dead", "man", "dead"),
    ("Another gendarme was also wounded, the communiqué added.", "Another gendarme was also wounded",
     "gendarme", "wounded"),
    ("The imam from the neighbouring village was executed.", "The imam from the neighbouring village was executed",
     "imam", "executed"),
])
def test_single_victim(text, span, victim, outcome):
    found = longest(text, "SINGLE_VICTIM")
    assert [s.text for s in found] == [span]
    assert found[0][int(found[0].id_)].text == victim  # the id is the index of the victim noun in the span
    assert found[0][-1].text == outcome


@pytest.mark.parametrize("text", [
    "Twelve soldiers were killed in the ambush.",  # a count: the casualty rules read it
    "The soldiers were killed in the ambush.",  # plural
    "A militant was killed by the patrol.",  # attackers are no single victims
    "The attack on the village was carried out at dawn.",
])
def test_no_single_victim(text):
    assert not longest(text, "SINGLE_VICTIM")


@pytest.mark.parametrize("text, first", [
    ("A suicide bomber blew himself up at the entrance of the mosque.", "A"),
    ("Two suicide bombers detonated their vests at a checkpoint, police said.", "Two"),
    ("Two women wearing explosive vests blew themselves up in the market.", "Two"),
    ("3 suicide bombers exploded near the camp gate.", "3"),
])
def test_bomber(text, first):
    found = longest(text, "BOMBER")
    assert found and found[0][0].text == first


def test_no_bomber():
    assert not longest("A suicide bomber was arrested before he could strike.", "BOMBER")


@pytest.mark.parametrize("text, outcome", [
    ("Twelve soldiers lost their lives during the ambush.", "killed"),
    ("Five aid workers were taken hostage near the border.", "abducted"),
    ("Three passengers suffered serious injuries.", "wounded"),
])
def test_outcome_phrase(text, outcome):
    assert [s.id_ for s in longest(text, "OUTCOME_PHRASE")] == [outcome]


def test_no_outcome_phrase():
    assert not longest("The herders lost their cattle and the farmers were taken to hospital.", "OUTCOME_PHRASE")


def test_toll_word_classes():
    lex = load_lexicon("en")
    assert lex.value("QUALIFIER", "at least") == "min"
    assert lex.value("QUALIFIER", "no fewer than") == "min"
    assert lex.value("QUALIFIER", "more than") == "more"
    assert lex.value("QUALIFIER", "approximately") == "about"
    assert lex.value("QUALIFIER", "up to") == "max"
    assert lex.value("QUALIFIER", "fewer than") == "less"
    assert lex.has("VAGUE", "a handful of") and lex.has("VAGUE", "several")
    assert lex.value("APPROX", "dozens") == "24" and lex.value("APPROX", "hundreds") == "200"
    assert lex.value("ARTICLE_ONE", "an") == "1"
    singular = lex.phrases("SINGULAR_VICTIM")
    assert {"soldier", "driver", "chief", "woman", "sub-prefect"} <= set(singular)
    assert singular["soldier"] == "military" and singular["driver"] == "civilians"
    assert not {"soldiers", "militant", "gunman", "army", "police"} & set(singular)
