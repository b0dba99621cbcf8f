"""Rules that the merge of the page-zone, toll and not-event work made meet: an aggregate cue in an apposition
speaks of the apposition, a passive outcome verb after a figure has no agent before it, and the verb of a
statistic is no attack of its own. Both pipelines, several wordings."""

import pytest


def killed(records):
    return [(r.casualties.killed.min, r.casualties.killed.max) if r.casualties.killed else None for r in records]


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed at least nine traders at the market in Djibo on Tuesday, residents said, the latest in a "
     "series of attacks on the town.", (9, None)),
    ("Militants killed 11 soldiers at a post near Boni on Sunday, the army said, the third such assault in a "
     "string of attacks this year.", (11, 11)),
])
def test_an_aggregate_in_an_apposition_leaves_the_figure_alone(pipeline, text, expected):
    assert killed(pipeline.extract(text, published="2025-03-12")) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("At least 17 people, including 11 soldiers, were killed in an ambush near Inata on Monday.", (17, None)),
    ("Twenty people, including six gendarmes, were killed when gunmen attacked Seytenga on Friday.", (20, 20)),
    ("Twenty people, among them six gendarmes, were killed when gunmen attacked Seytenga on Friday.", (20, 20)),
    ("Nine villagers, among whom were three children, died when gunmen raided Sollé on Sunday.", (9, 9)),
])
def test_a_passive_verb_after_the_figure_has_no_state_agent(pipe, text, expected):
    records = pipe.extract(text, published="2025-03-12")
    assert killed(records) == [expected]
    assert records[0].casualties.attackers_killed is None


@pytest.mark.parametrize("text", [
    "GENEVA - Violence by armed groups killed more than 3,000 civilians across the central Sahel in 2024, a "
    "monitoring group said on Monday.",
    "DAKAR (Sahel Wire) - Jihadist attacks killed some 2,400 people in Burkina Faso last year, according to a "
    "report published on Tuesday.",
])
def test_the_verb_of_a_statistic_is_no_attack(pipe, text):
    assert pipe.extract(text, published="2025-02-03") == []
