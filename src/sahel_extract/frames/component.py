"""The ``sahel_frames`` spaCy component: a Doc in, ``doc._.frames`` (one ``Frame`` per sentence) out.

It runs last in the pipeline, after the pattern rulers, the entity ruler and the place linker (and the
statistical tagger, parser and NER when a model is loaded): each sentence is analysed into a ``Frame``
(``frames.frame.analyse_sentence``), then pronoun speakers are resolved across sentences. Sentences with no
trigger, toll, claim or source cue get an empty frame without analysis (they cannot hold an attack). A rule
failing on one odd text sets ``doc._.frames_error`` instead of stopping the batch.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from ..normalise.actors import ActorCatalogue, default_catalogue
from ..patterns import load_lexicon, package_root
from ..settings import FrameSettings
from .frame import analyse_sentence, resolve_pronoun_sources

log = logging.getLogger(__name__)

for _name in ("frames", "frames_error"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class FrameFinder:
    """Analyses every sentence of a Doc into a frame."""

    def __init__(self, nlp: Language, name: str, lang: str, settings: FrameSettings, extra_dirs: tuple[str, ...],
                 catalogue: ActorCatalogue | None = None):
        from pathlib import Path

        self.name = name
        self.settings = settings
        self.catalogue = catalogue or default_catalogue()
        self.lexicon = load_lexicon(lang, (package_root(), *(Path(d) for d in extra_dirs)))

    def __call__(self, doc: Doc) -> Doc:
        try:
            frames = [analyse_sentence(sent, i, self.catalogue, self.lexicon, self.settings)
                      for i, sent in enumerate(doc.sents)]
            resolve_pronoun_sources(frames, self.lexicon)
            doc._.frames = frames
        except Exception as exc:  # a rule failing on one odd text must not stop a batch of thousands
            log.warning("frame finder failed: %s: %s", type(exc).__name__, exc)
            doc._.frames = []
            doc._.frames_error = f"{type(exc).__name__}: {exc}"
        return doc


@Language.factory("sahel_frames", default_config={"lang": "en", "frames": FrameSettings().model_dump(),
                                                  "extra_dirs": []})
def make_frame_finder(nlp: Language, name: str, lang: str, frames: dict, extra_dirs: list[str]) -> FrameFinder:
    """``frames``: ``Settings.frames``; ``extra_dirs``: ``Settings.patterns.extra_dirs``."""
    return FrameFinder(nlp, name, lang, FrameSettings.model_validate(frames), tuple(extra_dirs))
