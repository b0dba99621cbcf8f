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
