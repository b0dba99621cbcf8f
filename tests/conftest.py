from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def pipeline():
    import sahel_extract as sx

    return sx.Pipeline()


@pytest.fixture(scope="session")
def blank_pipeline():
    import sahel_extract as sx

    return sx.Pipeline(model="blank")


@pytest.fixture
def shared():
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
