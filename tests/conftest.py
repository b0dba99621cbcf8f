from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).parent))
# a full gazetteer the developer built for themselves must not change what the tests see
os.environ["SAHEL_EXTRACT_DATA"] = tempfile.mkdtemp(prefix="sahel-extract-test-data-")


@pytest.fixture(scope="session")
def pipeline():
    import sahel_extract as sx

    return sx.Pipeline()


@pytest.fixture(scope="session")
def blank_pipeline():
    import sahel_extract as sx

    return sx.Pipeline(model="blank")


@pytest.fixture(params=["pipeline", "blank_pipeline"])
def pipe(request):
    """Both pipelines, for a rule that must hold with the parse and without it."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def shared():
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
