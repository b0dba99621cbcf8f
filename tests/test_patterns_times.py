"""Time expressions (models/patterns/en/times.jsonl, span group sahel_times) on a blank pipeline."""

from __future__ import annotations

import pytest
from pattern_helpers import ruler_nlp
from spacy.util import filter_spans

from sahel_extract.patterns import load_family, load_lexicon


def times(text: str) -> list[tuple[str, str]]:
    """The longest non-overlapping time spans inside one sentence, in text order, as the frames stage takes them."""
    doc = ruler_nlp("times")(text)
    spans = [s for s in doc.spans["sahel_times"] if s.sent.start <= s.start and s.end <= s.sent.end]
    return [(s.text, s.label_) for s in sorted(filter_spans(spans), key=lambda s: s.start)]


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed nine villagers on 12 June in the Tillaberi region.", [("on 12 June", "DATE")]),
    ("The attack took place on the 3rd of March 2024, officials said.", [("on the 3rd of March 2024", "DATE")]),
    ("Fighting raged from 12-14 June around the town.", [("12-14 June", "DATE")]),
    ("Clashes were reported between 20 - 22 August near the border.", [("20 - 22 August", "DATE")]),
    ("Raids on 4 -5 March left the market empty.", [("on 4 -5 March", "DATE")]),
    ("The convoy was hit on 12 June to 14 June, the ministry said.", [("on 12 June to 14 June", "DATE")]),
    ("NIAMEY, Oct. 3 - The army reported the ambush.", [("Oct. 3", "DATE")]),
    ("The raid happened on June 1st, 2024, near the river.", [("on June 1st, 2024", "DATE")]),
    ("Militants struck on Sunday, June 1, 2025, at dawn.", [("on Sunday, June 1, 2025", "DATE")]),
    ("The communiqué is dated 14/02/2025 and signed by the governor.", [("14/02/2025", "DATE")]),
    ("Caption: villagers bury the dead, 2025-02-14.", [("2025-02-14", "DATE")]),
    ("Those abducted were freed in the morning of 11 January.", [("in the morning of 11 January", "DATE")]),
])
def test_dates(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen attacked the post on Sunday, a local source said.", [("on Sunday", "WEEKDAY")]),
    ("The village was raided late on Friday night.", [("late on Friday night", "WEEKDAY")]),
    ("Jihadists struck in the early hours of Monday morning.", [("in the early hours of Monday morning", "WEEKDAY")]),
    ("The camp came under fire overnight into Sunday.", [("overnight into Sunday", "WEEKDAY")]),
    ("Fighting went on during the night to Tuesday.", [("during the night to Tuesday", "WEEKDAY")]),
    ("Raids continued Saturday into Sunday in the area.", [("Saturday into Sunday", "WEEKDAY")]),
    ("Unknown men stormed the station before dawn on Tuesday.", [("before dawn on Tuesday", "WEEKDAY")]),
    ("The bus was stopped this past Wednesday near the border.", [("this past Wednesday", "WEEKDAY")]),
    ("The toll from last Thursday's attack rose.", [("last Thursday", "WEEKDAY")]),
])
def test_weekdays(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Attacks on mining sites have multiplied since January.", [("since January", "MONTH")]),
    ("The army launched an offensive in early March 2024.", [("in early March 2024", "MONTH")]),
    ("The mission leaves by mid-November.", [("by mid-November", "MONTH")]),
    ("Elections are due in May.", [("in May", "MONTH")]),
    ("Figures for June 2024 were not released.", [("June 2024", "MONTH")]),
    ("The February attacks were the deadliest.", [("February", "MONTH")]),
])
def test_months(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize("text", [
    "The toll may rise, officials said.",
    "Protesters march on the capital every week-end.",
    "The army may deploy more troops.",
    "Residents said they may leave the village.",
    "Protesters will March through Bamako.",
])
def test_a_month_alone_that_is_also_a_verb_is_no_time(text):
    assert times(text) == []


@pytest.mark.parametrize("text, expected, code", [
    ("Gunmen killed four herders yesterday, a councillor said.", "yesterday", "day-1"),
    ("The post was attacked the day before yesterday.", "the day before yesterday", "day-2"),
    ("Heavy gunfire was heard overnight.", "overnight", "day-1"),
    ("Two more bodies were found this morning.", "this morning", "day0"),
    ("The prefect visited the camp earlier this week.", "earlier this week", "week0"),
    ("An aid worker was kidnapped last weekend.", "last weekend", "weekend-1"),
    ("Troops retook the town last month.", "last month", "month-1"),
])
def test_relative(text, expected, code):
    doc = ruler_nlp("times")(text)
    best = filter_spans(list(doc.spans["sahel_times"]))
    assert [(s.text, s.label_, s.id_) for s in best] == [(expected, "RELATIVE", code)]


@pytest.mark.parametrize("text, expected", [
    ("The group has been active in the area since 2015.", [("since 2015", "YEAR")]),
    ("The charter was adopted in 2023 by the junta.", [("in 2023", "YEAR")]),
    ("A 2021 report counted over 300 attacks.", [("A 2021", "YEAR")]),
])
def test_years(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize("text", [
    "The blast on Wednesday killed two.",           # not "last on Wednesday" from "b-last"
    "Soldiers in the region on Monday were told.",  # not "on on Monday" from "regi-on"
])
def test_leads_are_whole_words(text):
    assert [t for t, _ in times(text)][0] == "on " + text.split(" on ")[1].split()[0]


def test_a_full_stop_is_not_part_of_a_month():
    assert times("The camp was attacked in July.") == [("in July", "MONTH")]


def test_no_time_in_numbers_and_urls():
    assert times("At least 12 soldiers and 300 civilians died, see https://example.org/2025-01-14-attack") == []


def test_relative_patterns_agree_with_the_word_class():
    """Every RELATIVE phrase pattern has the offset code of the RELATIVE word class the date normaliser reads."""
    table = load_lexicon("en").phrases("RELATIVE")
    rows = [r for r in load_family("times", "en") if r["label"] == "RELATIVE"]
    assert rows
    for row in rows:
        assert table.get(row["pattern"]) == row["id"], row


def test_word_classes_for_the_normaliser():
    lx = load_lexicon("en")
    assert lx.value("RELATIVE", "the previous night") == "day-1"
    assert lx.value("RELATIVE", "late this month") == "month0"
    assert lx.value("MONTH", "sept.") == "9"
    assert lx.has("TIME_LEAD", "in the early hours of") and lx.has("DAY_PART", "dawn")
    assert lx.words("AMBIGUOUS_MONTH") == {"may", "march", "mar", "dec", "jan"}
