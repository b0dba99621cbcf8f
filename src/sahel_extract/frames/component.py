"""The ``sahel_attacks`` spaCy component: a Doc in, ``doc._.attacks`` (a list of ``EventMention``) out.

It runs last in the pipeline, after the entity ruler (and the statistical tagger, parser and NER when a
model is loaded): each sentence is analysed into a ``Frame`` (``frames.py``) and the frames are grouped
into attacks (``merge.py``). The frames are kept in ``doc._.attack_frames`` for inspection.
"""

from __future__ import annotations

import logging
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..normalise.actors import ActorCatalogue, default_catalogue
from .frames import analyse_sentence
from .merge import group_frames

log = logging.getLogger(__name__)

if not Doc.has_extension("attacks"):
    Doc.set_extension("attacks", default=None)
if not Doc.has_extension("attack_frames"):
    Doc.set_extension("attack_frames", default=None)
if not Doc.has_extension("attack_error"):
    Doc.set_extension("attack_error", default=None)


_CONFIRMS = re.compile(r"\b(confirmed|corroborated|backed up|gave the same|matched)\b[^.;]{0,30}\b(toll|figures?|"
                       r"count|number)\b", re.I)
_PRONOUNS = {"he", "she", "it", "they", "the statement", "statement", "the spokesman", "the official", "the source"}


def resolve_pronoun_sources(frames) -> None:
    """"It said 11 soldiers were wounded": a pronoun speaker is the last named speaker before it."""
    last = None
    for frame in frames:
        for c in frame.casualties:
            if c.attribution and c.attribution.lower() in _PRONOUNS:
                c.attribution = last
        if _CONFIRMS.search(frame.text) and frame.attributions:
            speaker = frame.attributions[0]
            frame.confirmed_by = last if speaker.lower() in _PRONOUNS else speaker
        named = [a for a in frame.attributions if a.lower() not in _PRONOUNS]
        if named:
            last = named[-1]


class AttackFinder:
    """Finds attack mentions and their arguments in a Doc."""

    def __init__(self, nlp: Language, name: str, catalogue: ActorCatalogue | None = None):
        self.name = name
        self.catalogue = catalogue or default_catalogue()

    def __call__(self, doc: Doc) -> Doc:
        try:
            frames = [analyse_sentence(sent, i, self.catalogue) for i, sent in enumerate(doc.sents)]
            resolve_pronoun_sources(frames)
            doc._.attack_frames = frames
            doc._.attacks = group_frames(frames)
        except Exception as exc:  # a rule failing on one odd text must not stop a batch of thousands
            log.exception("attack finder failed")
            doc._.attack_frames, doc._.attacks = [], []
            doc._.attack_error = f"{type(exc).__name__}: {exc}"
        return doc


@Language.factory("sahel_attacks")
def make_attack_finder(nlp: Language, name: str) -> AttackFinder:
    return AttackFinder(nlp, name)
