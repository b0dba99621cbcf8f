"""The prefilter: which passages of an article the pipeline reads, and that reading fewer changes no record."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sahel_extract.ingest import make_article
from sahel_extract.prefilter import SKIPPED, anchors, blank_out, carve, passages, select
from sahel_extract.settings import PrefilterSettings, Settings

ON = PrefilterSettings()

PAGE = ("""Burkina Faso: soldiers killed in ambush near Djibo

By our correspondent in Ouagadougou

DJIBO, May 4 - Suspected jihadists ambushed an army convoy near Djibo on Saturday, killing 14 soldiers, security """
        """sources said. The convoy was escorting fuel trucks to the town. Lt. Col. Ouédraogo said reinforcements """
        """had been sent.

The country's new budget was adopted by parliament last week. Cotton prices rose again in the markets of the capital.

Soldiers patrol a road in northern Burkina Faso (AFP/File photo)

Read more: The junta extends the transition by five years
""")


def test_anchors_come_from_the_pattern_files():
    words = anchors("en", ON.families, ON.classes)
    assert {"ambush", "ambushed", "killed", "abducted", "wounded", "mine"} <= words
    assert not words & {"the", "of", "more", "a", "said"}


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed five people. The army said on Sunday that it had sent troops.", 2),
    ("Lt. Col. Diallo said the attack was repelled. Reinforcements arrived.", 2),
    ("The attack (at 3 a.m.) lasted an hour.\nResidents fled to Kaya.", 2),
    ("« Ils sont venus à moto », a dit un habitant. L'armée n'a pas commenté.", 2),
])
def test_passages_cut_at_sentence_stops_and_lines_not_at_abbreviations(text, expected):
    spans = passages(text)
    assert len(spans) == expected
    assert "".join(text[s:e] for s, e in spans).replace(" ", "").replace("\n", "") == \
        text.replace(" ", "").replace("\n", "")


def test_the_attack_passages_and_their_neighbours_are_kept_the_rest_blanked():
    article = make_article(PAGE)
    sel = select(article, ON)
    kept = " ".join(article.text[s:e] for s, e in sel.kept)
    assert "ambushed an army convoy" in kept and "escorting fuel trucks" in kept  # the anchor and its neighbour
    assert "budget" not in kept and "Cotton" not in kept  # two passages away from any attack word
    assert "AFP/File photo" not in kept and "Read more" not in kept  # a caption and a teaser are never read
    assert len(sel.text) == len(article.text) and sel.text.count("\n") == article.text.count("\n")
    for s, e in sel.kept:
        assert sel.text[s:e] == article.text[s:e]
    assert "budget" not in sel.text
    assert any(z.kind == SKIPPED for z in sel.zones)


def test_neighbours_zero_keeps_only_the_attack_passages():
    article = make_article(PAGE)
    kept = " ".join(article.text[s:e] for s, e in select(article, PrefilterSettings(neighbours=0)).kept)
    assert "ambushed" in kept and "escorting fuel trucks" not in kept


def test_an_article_without_an_attack_word_is_not_read():
    article = make_article("Mali's cotton harvest\n\nFarmers in Sikasso expect a record harvest this year, the "
                           "ministry said on Monday. Prices are rising.")
    assert select(article, ON).empty


def test_disabled_keeps_everything():
    article = make_article(PAGE)
    sel = select(article, PrefilterSettings(enabled=False))
    assert sel.text == article.text and sel.kept == ((0, len(article.text)),)


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=80), st.data())
def test_blank_out_keeps_length_line_breaks_and_kept_text(text, data):
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    kept = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    out = blank_out(text, kept)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    for s, e in kept:
        assert out[s:e] == text[s:e]
    inside = {i for s, e in kept for i in range(s, e)}
    assert all(out[i] in " \n" for i in range(len(text)) if i not in inside)


def test_carve_covers_the_blanked_stretches():
    article = make_article(PAGE)
    sel = select(article, ON)
    zones = carve(article.zones, list(sel.kept), len(article.text))
    covered = sorted((z.start, z.end) for z in zones if z.kind == SKIPPED)
    for s, e in covered:
        assert sel.text[s:e].strip() == ""


@pytest.fixture(params=["default", "blank"])
def both(request):
    import sahel_extract as sx

    model = request.param
    return sx.Pipeline(settings=Settings(model=model)), sx.Pipeline(settings=Settings(model=model).replace(
        prefilter={"enabled": False}))


def test_the_prefilter_changes_no_record_on_a_page(both):
    with_filter, without = both
    a = with_filter.extract(PAGE, published="2025-05-05")
    b = without.extract(PAGE, published="2025-05-05")
    fields = {"id", "evidence"}  # a sentence read without the filter may add itself to the evidence
    assert [r.model_dump(exclude=fields) for r in a] == [r.model_dump(exclude=fields) for r in b]
    assert all({e.start for e in ra.evidence} <= {e.start for e in rb.evidence} for ra, rb in zip(a, b, strict=True))
    assert len(a) == 1 and a[0].casualties.killed.min == 14


def test_a_passage_after_a_date_stamp_on_its_line_is_read():
    article = make_article("Updated 2024-02-11 Gunmen killed nine traders on the road to Kaya, residents said.\n\n"
                           "The road had been reopened in January.")
    sel = select(article, ON)
    kept = " ".join(article.text[s:e] for s, e in sel.kept)
    assert "Gunmen killed nine traders" in kept and "Updated" not in kept
