"""Attack words in another sense (models/patterns/en/senses.jsonl, span group sahel_senses) on a blank pipeline.

A trigger word inside a senses span is no trigger; the span's label is the reason (other_sense, history, intent).
"""

from __future__ import annotations

import pytest
from pattern_helpers import ruler_nlp


def _find(doc, words: str) -> int | None:
    parts = words.split()
    return next((i for i in range(len(doc)) if [t.text for t in doc[i:i + len(parts)]] == parts), None)


def reason(text: str, words: str) -> str | None:
    """The label of a senses span that holds the whole of ``words`` (one or more tokens, first occurrence)."""
    doc = ruler_nlp("senses")(text)
    start = _find(doc, words)
    assert start is not None, (text, words)
    end = start + len(words.split())
    found = [s.label_ for s in doc.spans["sahel_senses"] if s.start <= start and end <= s.end]
    return found[0] if found else None


@pytest.mark.parametrize("text, word, expected", [
    # a mine that is dug or worked
    ("Gunmen stormed a gold mine near Kompienga and killed six prospectors.", "mine", "other_sense"),
    ("Militants attacked the mine site at dawn, workers said.", "mine", "other_sense"),
    ("The mine was closed after the raid, the prefect announced.", "mine", "other_sense"),
    ("Armed men abducted twelve mine workers on the road to Essakane.", "mine", "other_sense"),
    ("Gunmen abducted two engineers at a uranium mine in the north.", "mine", "other_sense"),
    ("Gunmen raided the mine and took the gold.", "mine", "other_sense"),
    # a drone that names a base, a programme or a purchase
    ("The army has received two new Turkish-made drones, state television reported.", "drones", "other_sense"),
    ("Drones were delivered to the air force in March.", "Drones", "other_sense"),
    ("Satellite images show a new drone base near the airport.", "drone", "other_sense"),
    ("Drone pilots trained abroad have joined the unit.", "Drone", "other_sense"),
    ("The junta's drone programme has grown quickly.", "drone", "other_sense"),
    # "strike" by workers
    ("Teachers went on strike on Monday to demand unpaid wages.", "strike", "other_sense"),
    ("Unions called a general strike across the country.", "strike", "other_sense"),
    ("The teachers' strike has closed schools for a week.", "strike", "other_sense"),
    ("Transporters began a 48-hour strike at the border.", "strike", "other_sense"),
    # "attack" in a non-violent sense
    ("The former minister died of a heart attack in Dakar.", "attack", "other_sense"),
    ("A cyber attack disrupted the ministry's servers.", "attack", "other_sense"),
    ("The opposition attacked the government's new budget.", "attacked", "other_sense"),
    ("Civil society groups attacked the decision to postpone the vote.", "attacked", "other_sense"),
    ("The spokesman said the verbal attacks on the press must stop.", "attacks", "other_sense"),
    # "fired" meaning dismissed
    ("The president fired the defence minister on Friday.", "fired", "other_sense"),
    ("The army chief was fired from his post after the defeat.", "fired", "other_sense"),
    # "shot" in a non-violent sense
    ("The national team has a real shot at the title.", "shot", "other_sense"),
    ("The photo shoot took place in Bamako.", "shoot", "other_sense"),
    ("Health workers gave booster shots in the camp.", "shots", "other_sense"),
    # other common uses of attack words
    ("The patrol seized an assault rifle and a motorbike after the clash.", "assault", "other_sense"),
    ("The minister made offensive remarks about the opposition.", "offensive", "other_sense"),
    ("The two sides struck a deal on Tuesday.", "struck", "other_sense"),
    ("Donors promised targeted assistance to displaced families.", "targeted", "other_sense"),
    ("A dust storm closed the airport.", "storm", "other_sense"),
    # history: a year or "last year's" right before the word
    ("A 2021 attack on the same camp killed 30 soldiers.", "attack", "history"),
    ("Survivors of last year's massacre returned to the village.", "massacre", "history"),
    ("Since 2015 attacks have forced thousands from their homes.", "attacks", "history"),
    # intent: a plan or a threat
    ("The cell planned to attack the presidency, prosecutors said.", "attack", "intent"),
    ("The group threatened to kill the hostages.", "kill", "intent"),
    ("Officials fear the militants could attack the town again.", "attack", "intent"),
])
def test_other_sense(text, word, expected):
    assert reason(text, word) == expected


@pytest.mark.parametrize("text, words", [
    ("A mine exploded under an army truck near Bourem.", "mine"),
    ("An improvised mine blast killed four soldiers.", "mine"),
    ("On the way back, a mine killed two soldiers of the escort.", "mine"),  # the explosive, by what it did
    ("The mine killed two soldiers of the escort.", "killed"),
    ("A mine struck an army truck near the bridge.", "struck"),
    ("A mine struck an army truck near the bridge.", "mine"),
    ("A drone strike killed twelve militants near Kidal, the army said.", "drone strike"),
    ("An air strike hit a wedding in the village.", "air strike"),
    ("Drones struck a jihadist camp overnight.", "struck"),
    ("The army said a general strike by the air force... ", "air"),  # a sentence fragment: nothing to cancel
    ("Jihadists attacked the army camp at dawn.", "attacked"),
    ("Militants attacked the village and burned the granaries.", "attacked"),
    ("Gunmen attacked a military convoy on the Gao road.", "attacked"),
    ("Soldiers fired on the crowd, killing three.", "fired"),
    ("Gunmen fired shots at the patrol.", "fired"),
    ("Militants fired rockets at the base overnight.", "fired"),
    ("The suspects fired at the gendarmes before fleeing.", "fired"),
    ("A farmer was shot at the market.", "shot"),
    ("The trader was shot in the leg.", "shot"),
    ("Gunmen stormed the town and killed 20 people.", "stormed"),
    ("Fighting broke out between two armed groups.", "Fighting"),
    ("In 2024 gunmen attacked the village again.", "attacked"),
    ("The group has carried out attacks since 2012, killing thousands.", "killing"),
])
def test_attack_sense_kept(text, words):
    assert reason(text, words) is None


def test_air_and_drone_strikes_never_cancelled():
    for text in ("Teachers on strike watched as an air strike hit the depot.",
                 "A general strike began a day after the drone strike on the market.",
                 "The army said it bought drones and that drone strikes killed 40 militants.",
                 "The union called a strike after the air strikes on the town."):
        phrases = [p for p in ("air strike", "drone strike", "drone strikes", "air strikes")
                   if _find(ruler_nlp("senses")(text), p) is not None]
        assert phrases
        for phrase in phrases:
            assert reason(text, phrase) is None, (text, phrase)
