"""Clause cues (models/patterns/en/cues.jsonl, span group sahel_cues) on a blank pipeline."""

from __future__ import annotations

import pytest
from pattern_helpers import ruler_nlp
from spacy.util import filter_spans


def cues(text: str, label: str) -> list[str]:
    """The longest non-overlapping spans of one label, in text order."""
    doc = ruler_nlp("cues")(text)
    return [s.text for s in sorted(filter_spans([s for s in doc.spans["sahel_cues"] if s.label_ == label]),
                                   key=lambda s: s.start)]


def claimed(text: str) -> bool:
    """A CLAIM span with no NEGATION span in the 6 tokens before it (nor a clause end between): the rule the
    frames stage applies."""
    doc = ruler_nlp("cues")(text)
    group = doc.spans["sahel_cues"]
    negations = [s for s in group if s.label_ == "NEGATION"]
    for claim in (s for s in group if s.label_ == "CLAIM"):
        if not any(claim.start - 6 <= n.start and n.end <= claim.start
                   and not any(t.text in (".", ";") for t in doc[n.end:claim.start]) for n in negations):
            return True
    return False


POSITIVE = [
    # AGGREGATE: figures that add up many attacks
    ("AGGREGATE", "Since the start of 2024, jihadists have killed more than 600 civilians in the province."),
    ("AGGREGATE", "BAMAKO (Sahel Wire) - Attacks across the Sahel have killed over 2,000 people so far this year."),
    ("AGGREGATE", "The army says 312 terrorists were neutralised in the past three months."),
    ("AGGREGATE", "Over the last few weeks, herders have been attacked in several villages of the cercle."),
    ("AGGREGATE", "In total, 48 bodies were recovered after raids on four hamlets."),
    ("AGGREGATE", "Since mid-2022 the highway has been cut repeatedly."),
    ("AGGREGATE", "The twelve-year insurgency has left tens of thousands dead, according to monitors."),
    ("AGGREGATE", "Bandits kill several hundred farmers a year in the state."),
    ("AGGREGATE", "Seven separate attacks were recorded in the district on Sunday."),
    ("AGGREGATE", "Relief agencies say the violence since the coup has emptied dozens of schools."),
    # BACKGROUND: an earlier attack told as background
    ("BACKGROUND", "Last year, a similar ambush on the same road killed 14 soldiers."),
    ("BACKGROUND", "The town was the scene of a massacre of 30 traders in 2021."),
    ("BACKGROUND", "Gunmen have repeatedly attacked the camp since 2019, residents told our correspondent."),
    ("BACKGROUND", "It was one of the deadliest attacks on the armed forces in a decade."),
    ("BACKGROUND", "The eight-year conflict began with a 10-year drought, analysts recall."),
    # NEW_EVENT: a different attack in the same article
    ("NEW_EVENT", "In a separate attack, gunmen on motorbikes shot dead two herders near Djibo."),
    ("NEW_EVENT", "Elsewhere in the region, a roadside bomb hit a civilian bus."),
    ("NEW_EVENT", "Two days later, the militants returned and burned the market."),
    ("NEW_EVENT", "Separately, the General Staff reported an ambush on a supply convoy."),
    # REVISION and SUPERSEDED: a figure that replaces one, and the figure replaced
    ("REVISION", "The death toll has risen to 31, a hospital source said on Tuesday."),
    ("REVISION", "The governor later raised the figure to 19 dead."),
    ("REVISION", "A new toll from the ministry gives 27 dead."),
    ("SUPERSEDED", "Police had initially said four people were killed."),
    ("SUPERSEDED", "An earlier statement by the army mentioned six dead."),
    ("SUPERSEDED", "The provisional count stood at nine."),
    # ANAPHORIC_ACTOR, BLAME, CLAIM
    ("ANAPHORIC_ACTOR", "The group has carried out similar raids in the area before."),
    ("ANAPHORIC_ACTOR", "The same militants struck a gendarmerie post a week later."),
    ("ANAPHORIC_ACTOR", "Its fighters were seen leaving towards the border."),
    ("BLAME", "Local officials blamed the Islamic State Sahel Province for the killings."),
    ("BLAME", "The government accuses jihadists of targeting teachers."),
    ("BLAME", "Residents pointed the finger at a local militia."),
    ("CLAIM", "JNIM claimed responsibility for the ambush in a message on its channels."),
    ("CLAIM", "The attack was claimed by the Islamic State on Friday."),
    ("CLAIM", "In a statement, the group said it had carried out the raid."),
    ("CLAIM", "L'attaque a été revendiquée par le JNIM."),
    ("CLAIM", "A statement claiming responsibility was posted online."),
    ("NEGATION", "No group has claimed the attack so far."),
    ("NEGATION", "The army has yet to comment."),
    # PROTEST, DEFUSAL, ACCIDENT, CONFIRMS
    ("PROTEST", "Angry youths barricaded the road and burned tyres after the arrest."),
    ("PROTEST", "Hundreds of protesters marched on the governor's office."),
    ("PROTEST", "Teachers' unions announced strike action on Monday."),
    ("DEFUSAL", "An army bomb disposal unit defused two IEDs planted on the road."),
    ("DEFUSAL", "Soldiers discovered and destroyed an explosive device near the bridge."),
    ("DEFUSAL", "Two mines were found and neutralised by the patrol."),
    ("DEFUSAL", "Two militants died when their bomb went off prematurely."),
    ("ACCIDENT", "Fourteen gold miners died when a shaft collapsed near Kéniéba."),
    ("ACCIDENT", "A road accident on the Mopti road killed nine passengers."),
    ("ACCIDENT", "A boat carrying traders capsized on the Niger river."),
    ("CONFIRMS", "A hospital official confirmed the toll of 18 dead."),
    ("CONFIRMS", "A second security source gave the same figure."),
    ("CONFIRMS", "Residents backed up the army's count."),
]

NEGATIVE = [
    ("AGGREGATE", "Gunmen killed seven traders on the road to Boni on Sunday, residents said."),
    ("AGGREGATE", "A year later, the village was attacked again."),  # one past moment, not a rate
    ("AGGREGATE", "The raid came a week after the army withdrew from the town."),
    ("AGGREGATE", "It was one of the first attacks on a church in the province."),
    ("BACKGROUND", "A 12-year-old girl was among the dead, a local official said."),  # an age, not a history
    ("BACKGROUND", "Jihadists attacked a military post in Soum province on Friday."),
    ("NEW_EVENT", "The attackers fled towards the forest after the raid."),
    ("REVISION", "Gunmen killed 12 soldiers, the army said."),
    ("SUPERSEDED", "The army said 12 soldiers were killed."),
    ("ANAPHORIC_ACTOR", "The groups of displaced people reached Djibo on foot."),
    ("BLAME", "No one was hurt in the incident."),
    ("CLAIM", "The army said the raid had been repelled."),
    ("PROTEST", "Gunmen attacked a bus on the main road."),
    ("DEFUSAL", "A roadside bomb exploded under an army truck, killing four soldiers."),
    ("ACCIDENT", "Gunmen shot dead a driver at a checkpoint."),
    ("CONFIRMS", "The army confirmed the attack on Monday."),
]


@pytest.mark.parametrize("label, text", POSITIVE)
def test_cue_found(label, text):
    assert cues(text, label), (label, text)


@pytest.mark.parametrize("label, text", NEGATIVE)
def test_cue_not_found(label, text):
    assert not cues(text, label), (label, text, cues(text, label))


@pytest.mark.parametrize("text, expected", [
    ("JNIM claimed responsibility for the ambush on Wednesday.", True),
    ("The General Staff said the group said it had staged the raid.", True),
    ("No group has claimed responsibility for the attack.", False),
    ("The attack has not been claimed.", False),
    ("Nobody has so far claimed responsibility.", False),
    ("The group has yet to claim responsibility for the killings.", False),
    ("There was no immediate claim of responsibility.", False),
    ("The group hasn't claimed the attack.", False),
    # a denial in another clause does not deny a later claim
    ("The army said no soldier was hurt; JNIM later claimed responsibility for the attack.", True),
    ("No soldiers were among the victims of the market raid, and three days later the Islamic State in the "
     "Sahel claimed responsibility.", True),
])
def test_negation_before_claim(text, expected):
    assert claimed(text) is expected


def test_aggregate_span_positions():
    # the frames stage marks figures within 90 characters of an AGGREGATE span: its position must be right
    assert cues("Since January, more than 400 civilians have been killed.", "AGGREGATE") == ["Since January"]
    assert cues("Raids across the region killed 80 people in the past two weeks.", "AGGREGATE") == [
        "across the region", "in the past two weeks"]
    assert cues("The violence in the north has killed 80 people.", "AGGREGATE") == [
        "violence in the north has killed"]
