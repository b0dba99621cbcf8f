"""The ``sahel_place_linker`` spaCy component: scored gazetteer candidates on every place span.

In: a Doc whose ``doc.ents`` hold place spans (``PLACE`` from the entity ruler; ``GPE``, ``LOC`` and ``FAC`` from
the statistical NER). Out: the same Doc, each such span carrying ``span._.place_candidates``: a list of
``(Candidate, prior)`` pairs, best first, where ``Candidate`` (``places.candidates``) is an entry with how its
name matched (exact, spelling variant, sound-alike) and ``prior`` is its context-free ranking score (kind and
population). The text's context (countries, regions, nearby places) is applied later, by ``places.context``.

As in scispacy's ``linking.py``: the knowledge base (``places.kb``), the candidate generator
(``places.candidates.generate``) and the linker are separate parts; its thresholds come from its config
(``Settings.places``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..settings import PlaceSettings
from ..textnorm import fold
from .candidates import Candidate, generate, rank
from .kb import GazetteerLike
from .loader import load_gazetteer

PLACE_LABELS = ("PLACE", "GPE", "LOC", "FAC")

if not Span.has_extension("place_candidates"):
    Span.set_extension("place_candidates", default=None)


def scored_candidates(text: str, gazetteer: GazetteerLike, settings: PlaceSettings) -> list[tuple[Candidate, float]]:
    """The candidates of a name with their context-free prior, best first (ties by id: deterministic)."""
    found = generate(fold(text), gazetteer, settings)
    priors = {e.id: s for e, s in rank([c.entry for c in found], [])}
    return sorted(((c, priors[c.entry.id]) for c in found), key=lambda p: (-p[0].ratio, -p[1], p[0].entry.id))


class PlaceLinker:
    """Puts scored gazetteer candidates on each place span of a Doc."""

    def __init__(self, nlp: Language, name: str, gazetteer: GazetteerLike, settings: PlaceSettings):
        self.name = name
        self.gazetteer = gazetteer
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data["sahel_gazetteer"] = self.gazetteer.label
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS and ent.text[:1].isupper():
                ent._.place_candidates = scored_candidates(ent.text, self.gazetteer, self.settings)
        return doc


@Language.factory("sahel_place_linker", default_config={"gazetteer": None, "places": PlaceSettings().model_dump()})
def make_place_linker(nlp: Language, name: str, gazetteer: str | None, places: dict) -> PlaceLinker:
    """``gazetteer``: ``Settings.places.gazetteer``; ``places``: the rest of ``Settings.places``."""
    settings = PlaceSettings.model_validate({**places, "gazetteer": gazetteer})
    return PlaceLinker(nlp, name, load_gazetteer(gazetteer), settings)
