"""The ``sahel_frames`` spaCy component: a Doc in, ``doc._.frames`` (one ``Frame`` per sentence) out.

It runs last in the pipeline, after the zones, the pattern rulers, the entity ruler and the place linker (and the
statistical tagger, parser and NER when a model is loaded): each sentence is analysed into a ``Frame``
(``frames.frame.analyse_sentence``) that knows its page zone (``frame.zone``); sentences in a date stamp, byline,
caption, teaser or menu get an empty frame (no attack is told there); a wire dateline's town is a reference point
and its date the report's. Then pronoun speakers are resolved across sentences. A rule failing on one odd text
sets ``doc._.frames_error`` instead of stopping the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..ingest.zones import SKIPPED_KINDS
from ..normalise.actors import ActorCatalogue, default_catalogue
from ..patterns import load_lexicon, package_root
from ..settings import FrameSettings
from . import lex
from .frame import analyse_sentence, resolve_pronoun_sources
from .mentions import Frame

ZONES_KEY = "sahel_zones"


def dateline_spans(doc: Doc, zones) -> list[tuple[int, int]]:
    """The character spans of wire datelines ("BAMAKO, Feb 12 (Reuters) -"): a ``DATELINE`` place cue that opens a
    zone (the first body paragraph, after the headline) or the text."""
    starts = {z.start for z in zones} | {next((t.i for t in doc if not t.is_space), 0)}
    spans = [s for s in lex.spans_in(doc, "places", "DATELINE") if s.start in starts]
    return [(s.start_char, s.end_char) for s in spans]


def drop_dateline(frame: Frame, datelines: list[tuple[int, int]]) -> None:
    """The dateline's town is where the reporter files from (a reference point, not the attack's place) and its
    date is the report's; neither is the attack's."""
    inside = [(a, b) for a, b in datelines if frame.start <= a < frame.end]
    if not inside:
        return
    for place in frame.places:
        if any(a <= place.start and place.end <= b for a, b in inside):
            place.reference = True
    frame.times = [t for t in frame.times if not any(a <= t.start < b for a, b in inside)]

log = logging.getLogger(__name__)

for _name in ("frames", "frames_error"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _trim(frame: Frame) -> None:
    """A sentence's frame without the white space around it (a sentence span keeps the line breaks after it)."""
    text = frame.text
    lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
    if lead or trail:
        frame.start, frame.end, frame.text = frame.start + lead, frame.end - trail, text.strip()


def pieces(sent: Span, limit: int) -> Iterator[Span]:
    """A sentence, or pieces of at most ``limit`` tokens when it is longer, each cut after the last comma,
    semicolon or colon of its second half (at ``limit`` when there is none). Reading a sentence costs time in its
    length times its attack words; a text without full stops is one sentence of thousands of tokens."""
    doc, start = sent.doc, sent.start
    while sent.end - start > limit:
        end = start + limit
        cut = next((i + 1 for i in range(end - 1, start + limit // 2, -1) if doc[i].text in ",;:"), end)
        yield doc[start:cut]
        start = cut
    yield doc[start:sent.end] if start != sent.start else sent


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
        lex.forget(doc)
        try:
            zones = sorted(doc.spans.get(ZONES_KEY, []), key=lambda z: z.start)
            datelines = dateline_spans(doc, zones)
            frames = []
            for i, sent in enumerate(s for whole in doc.sents
                                      for s in pieces(whole, self.settings.max_sentence_tokens)):
                zone = next((z.label_ for z in zones if z.start <= sent.start < z.end), "body")
                if zone in SKIPPED_KINDS:  # a date stamp, byline, caption, teaser or menu: no attack is told there
                    frame = Frame(index=i, start=sent.start_char, end=sent.end_char, text=sent.text)
                else:
                    frame = analyse_sentence(sent, i, self.catalogue, self.lexicon, self.settings)
                    drop_dateline(frame, datelines)
                frame.zone = zone
                _trim(frame)
                for c in frame.casualties:
                    c.summary = frame.summary
                frames.append(frame)
            resolve_pronoun_sources(frames, self.lexicon)
            doc._.frames = frames
        except Exception as exc:  # a rule failing on one odd text must not stop a batch of thousands
            log.warning("frame finder failed: %s: %s", type(exc).__name__, exc)
            doc._.frames = []
            doc._.frames_error = f"{type(exc).__name__}: {exc}"
        finally:
            lex.forget(doc)  # its caches hold Span objects, which ``Doc.to_bytes`` cannot write
        return doc


@Language.factory("sahel_frames", default_config={"lang": "en", "frames": FrameSettings().model_dump(),
                                                  "extra_dirs": []})
def make_frame_finder(nlp: Language, name: str, lang: str, frames: dict, extra_dirs: list[str]) -> FrameFinder:
    """``frames``: ``Settings.frames``; ``extra_dirs``: ``Settings.patterns.extra_dirs``."""
    return FrameFinder(nlp, name, lang, FrameSettings.model_validate(frames), tuple(extra_dirs))
