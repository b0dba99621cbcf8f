"""Page zones (issue 10, rule 1): headlines, standfirsts, date stamps, bylines, captions, teasers and menus are
marked; a headline or standfirst never starts a record and its figures are never added to the body's; a teaser
about another story is no event. Pure ingest tests first, then the whole pipeline, default and rules-only."""

from __future__ import annotations

import pytest

from sahel_extract.ingest import make_article
from sahel_extract.ingest.zones import classify_line, dateline, find_zones

PAGE = """12 March 2025 · Africa

Gunmen kill 14 in attack on Djibo market

Suspected jihadists on motorbikes opened fire on traders in northern Burkina Faso.

By Aminata Sawadogo, Sahel Wire

DJIBO, Burkina Faso, March 12 (Sahel Wire) - Suspected jihadists on motorbikes killed at least 14 traders at the \
weekly cattle market in Djibo on Tuesday, two local officials told Sahel Wire, the latest in a string of attacks \
on the besieged town.

Traders at the Djibo market before the attack (Sahel Wire/File photo)

"They came at noon and shot at everyone," one of the officials said by telephone.

Read also: Gunmen kill 30 in an attack on a convoy near Arbinda

Advertisement

No group has claimed the attack."""


def kinds(text, title=None):
    return [(z.kind, text[z.start:z.end][:30]) for z in find_zones(text, title)]


def test_a_page_is_cut_into_its_zones():
    found = [k for k, _ in kinds(PAGE, "Gunmen kill 14 in attack on Djibo market")]
    assert found == ["datestamp", "headline", "standfirst", "byline", "body", "caption", "body", "teaser",
                     "furniture", "body"]


@pytest.mark.parametrize("line,kind", [
    ("Posted: 08/10/2025 at 19:18", "datestamp"),
    ("Published 5:00PM (GMT), April 6, 2025", "datestamp"),
    ("Agency staff, 12 June 2025 at 18:04", "datestamp"),
    ("Photo: AFP", "caption"),
    ("A soldier patrols the streets of Gao. REUTERS/Moussa Coulibaly", "caption"),
    ("Villagers gather after the attack (AFP/File photo).", "caption"),
    ("By Moussa Traoré", "byline"),
    ("Kalidou Sy, The Associated Press", "byline"),
    ("Also read: Niger mourns 44 killed in mosque attack", "teaser"),
    ("Related stories", "teaser"),
    ("Share this article", "furniture"),
    ("World / Africa", "furniture"),
    ("Gunmen killed 12 people in Djibo on Sunday, officials said.", None),
    ("By Sunday evening the toll had risen to 20, the governor said.", None),
])
def test_a_line_is_read_by_its_cue_words_and_shape(line, kind):
    assert classify_line(line) == kind


def test_a_lead_that_ends_like_a_sentence_is_body_not_headline():
    text = "Gunmen killed five soldiers in Djibo on Sunday, the army said.\n\nThe attackers fled on motorbikes."
    assert [k for k, _ in kinds(text)] == ["body", "body"]


def test_a_date_prefix_and_the_headline_after_it_on_one_line():
    text = "date 2025-07-27 Jihadist raid in Burkina Faso leaves 15 dead\nThe assault happened overnight."
    assert [k for k, _ in kinds(text, "Jihadist raid in Burkina Faso leaves 15 dead")][:2] == ["datestamp",
                                                                                              "headline"]


def test_wire_datelines():
    assert dateline("BAMAKO, Feb 12 (Reuters) - Gunmen killed ...")[1:] == ("BAMAKO", "Feb 12")
    assert dateline("LOMÉ — Gunmen attacked ...")[1] == "LOMÉ"
    assert dateline("Niamey (AFP) - The army said ...")[1] == "Niamey"
    assert dateline("Three people - a farmer and two children - died.") is None


def test_the_publication_date_comes_from_the_page_or_the_url_when_the_metadata_has_none():
    article = make_article(PAGE, title="Gunmen kill 14 in attack on Djibo market")
    assert (str(article.published), article.published_from) == ("2025-03-12", "page")
    article = make_article("Gunmen killed five soldiers in Djibo on Sunday, the army said.",
                           url="https://sahelwire.example/2025/06/03/djibo-attack")
    assert (str(article.published), article.published_from) == ("2025-06-03", "url")
    article = make_article("Gunmen killed five soldiers in Djibo on Sunday, the army said.",
                           url="https://sahelwire.example/news/2024/djibo-attack")
    assert (article.published, article.year_hint) == (None, 2024)


def test_the_headline_sums_up_the_body_and_starts_no_record(pipe):
    records = pipe.extract(PAGE, title="Gunmen kill 14 in attack on Djibo market")
    assert len(records) == 1
    r = records[0]
    assert (r.place.name, r.date.value) == ("Djibo", "2025-03-11")
    assert (r.casualties.killed.min, r.casualties.killed.max) == (14, None)  # not 14 + 14
    assert all("Read also" not in e.text and "Arbinda" not in e.text for e in r.evidence)


@pytest.mark.parametrize("text", [
    # a headline on its own line, then two sentences of body
    "Attack on army post near Boni leaves six soldiers dead\n\nSix soldiers were killed when gunmen attacked an "
    "army post near Boni on Monday, the army said in a statement. The army said the attackers fled into the bush "
    "and that reinforcements had been sent.\n\nFour others were wounded.",
    # the headline with a date stamp, a caption and a byline between it and the body
    "Posted: 04/03/2025 10:12\nAttack on army post near Boni leaves six soldiers dead\nA soldier on patrol "
    "(AFP/File photo)\nBy Issa Maïga\n\nGunmen attacked an army post near Boni on Monday, killing six soldiers and "
    "wounding four, the army said in a statement published late on Monday evening in Bamako.",
])
def test_a_headline_toll_is_not_added_to_the_body_toll(pipe, text):
    records = pipe.extract(text, published="2025-03-04")
    assert [(r.place.name, r.casualties.killed.min, r.casualties.killed.max) for r in records] == [
        ("Boni", 6, 6)]


def test_a_teaser_about_another_story_is_no_event(pipe):
    text = ("Gunmen killed three herders near Dori on Friday, residents said.\n\nRead more: Twenty soldiers killed "
            "in an ambush near Tillabéri on Sunday\n\nThe herders were watering their cattle, a resident said.")
    records = pipe.extract(text, published="2025-05-03")
    assert [r.place.name for r in records] == ["Dori"]
