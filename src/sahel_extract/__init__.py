"""sahel-extract: attack records (actor, place, date, casualties, source) from Sahel conflict news.

    import sahel_extract as sx
    records = sx.extract(text, published="2025-06-03")
    for record in sx.Pipeline().run("data/raw"):
        ...

Stages (one package each, data flowing one way, DESIGN.md section 1): ``ingest`` -> ``nlp`` (pattern rulers, place
entity ruler and linker, the statistical model) -> ``frames`` -> ``normalise`` (and ``places``) -> ``attacks``
(records) -> ``writers``; across articles ``events`` -> ``report``.
"""

from __future__ import annotations

from .evaluation import evaluate
from .ingest import Article, iter_articles
from .pipeline import ArticleResult, Pipeline, extract
from .records import AttackRecord, IngestError
from .writers import write_jsonl

__version__ = "0.1.0"
__all__ = ["evaluate", "extract", "Pipeline", "ArticleResult", "AttackRecord", "IngestError", "Article",
           "iter_articles", "write_jsonl", "to_dataframe", "__version__"]


def to_dataframe(records):
    """The records as a pandas DataFrame, one row per record (needs the ``pandas`` extra)."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe needs pandas: pip install 'sahel-extract[pandas]'") from exc
    from .writers import flatten

    return pd.DataFrame([flatten(r) for r in records])
