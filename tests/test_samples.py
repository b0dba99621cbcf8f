"""Every sample article in data/raw against its hand-written expected records, field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from expected_compare import differences

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = json.loads((Path(__file__).parent / "expected" / "samples.json").read_text(encoding="utf-8"))


def _key(item) -> str:
    rel = Path(item.article.path).resolve().relative_to(ROOT / "data" / "raw").as_posix()
    return rel + (f"#{item.article.line}" if item.article.line else "")


@pytest.fixture(scope="module")
def results(pipeline):
    import sahel_extract as sx

    out = {}
    for item in pipeline.process(ROOT / "data" / "raw"):
        assert not isinstance(item, sx.IngestError), item
        out[_key(item)] = item.records
    return out


def test_every_sample_has_an_expected_result(results):
    assert set(results) == set(EXPECTED)
    assert len(EXPECTED) >= 12


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_sample(key, results):
    assert differences(results[key], EXPECTED[key]) == []


#: The language each sample is written in (the French ones: an AIB-style .txt dispatch, a news-please .json with
#: its own "language" field, a local site's .html page).
LANGUAGES = {
    "2025-11-04_sebba_convoi_eei_aib.txt": "fr",
    "2025-11-20_nord_tillaberi_enlevement.json": "fr",
    "2025-12-08_lere_camp_attaque_bilan.html": "fr",
}


def test_every_sample_is_read_in_its_language():
    import sahel_extract as sx
    from sahel_extract.ingest.files import iter_articles

    seen = {}
    for article in iter_articles(ROOT / "data" / "raw"):
        assert not isinstance(article, sx.IngestError), article
        name = Path(article.path).name
        seen[name + (f"#{article.line}" if article.line else "")] = article.language
        assert article.language == LANGUAGES.get(name, "en"), name
    assert set(seen) == set(EXPECTED)
    assert sum(lang == "fr" for lang in seen.values()) >= 3


def test_records_carry_their_articles_language(results):
    for key, records in results.items():
        for record in records:
            assert record.source.language == LANGUAGES.get(key.split("#")[0], "en"), key
