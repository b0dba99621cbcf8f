"""The ``sahel_entity_ruler`` spaCy component: gazetteer places, armed actors and countries as entities.

In: a tokenised Doc. Out: the same Doc with ``doc.ents`` holding ``PLACE`` (kb_id: empty; the linker and the
normalise stage resolve it), ``ARMED_GROUP`` (kb_id: the canonical actor name from ``models/actors.json``),
``COUNTRY`` and ``NORP`` (kb_id: the ISO code; names from ``models/patterns/shared/countries.jsonl``) spans. It
runs before ``ner`` so the statistical model, which labels "Mali" a PERSON and misses most Sahel villages, keeps
these spans and labels only the rest.

Matching is case-, accent- and punctuation-insensitive: a shadow Doc of folded token texts (hyphens and
apostrophes dropped) goes through a ``PhraseMatcher``, and matches map back to the real tokens. Guards against
false positives (the word classes of ``models/patterns/<lang>/words/places.jsonl``): a place must be written with
a capital letter; names that are short or also ordinary words (``AMBIGUOUS_PLACE``: Say, Bol, Kaya, Dan) need
place context (``PLACE_CONTEXT_BEFORE``/``_AFTER``: "in Say", "the town of Bol", "Kaya, in the Centre-Nord
region"); acronyms (CMA, MSA, VDP) must be written in capitals.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..normalise.actors import default_catalogue
from ..patterns import load_lexicon
from ..textnorm import fold
from .countries import COUNTRIES
from .embedded import embedded_gazetteer
from .kb import GazetteerLike
from .loader import load_gazetteer


class SahelEntityRuler:
    """Labels gazetteer places, catalogue actors and country names before the statistical NER."""

    def __init__(self, nlp: Language, name: str, gazetteer: GazetteerLike | None = None, lang: str = "en"):
        self.name = name
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        self.gazetteer = gazetteer or embedded_gazetteer()
        lexicon = load_lexicon(lang)
        self.ambiguous_words = lexicon.words("AMBIGUOUS_PLACE")
        self.context_before = lexicon.words("PLACE_CONTEXT_BEFORE")
        self.context_after = lexicon.words("PLACE_CONTEXT_AFTER")
        self.apposition = lexicon.words("PLACE_APPOSITION_START")
        self.water = lexicon.words("WATER_WORD")
        self.stop_words = nlp.Defaults.stop_words
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.kb: dict[str, tuple[str, str]] = {}  # match key -> (label, kb id)
        self.ambiguous: set[str] = set()
        self.acronyms: dict[str, str] = {}
        self._add_patterns()

    def _folded_words(self, text: str) -> list[str]:
        return [w for w in (fold(t.text) for t in self.tokenizer(text)) if w]

    def _add(self, label: str, kb_id: str, names) -> None:
        key = f"{label}|{kb_id}"
        docs = []
        for name in names:
            words = self._folded_words(name)
            if words:
                docs.append(Doc(self.vocab, words=words))
        if docs:
            self.matcher.add(key, docs)
            self.kb[key] = (label, kb_id)

    def _add_patterns(self) -> None:
        for code, info in COUNTRIES.items():
            self._add("COUNTRY", code, info["names"])
            self._add("NORP", code, info["demonyms"])
        catalogue = default_catalogue()
        by_actor: dict[str, list[str]] = {}
        for alias, canonical in catalogue.aliases():
            if len(fold(alias)) < 2:
                continue
            by_actor.setdefault(canonical, []).append(alias)
            if alias.replace(" ", "").isupper() or (alias[:1].isupper() and sum(c.isupper() for c in alias) >= 2
                                                     and " " not in alias and len(alias) <= 6):
                self.acronyms[fold(alias)] = alias
        for canonical, aliases in by_actor.items():
            self._add("ARMED_GROUP", canonical, aliases)
        place_names = []
        for name in self.gazetteer.names():
            key = fold(name)
            if not key or key in self.stop_words and key not in self.ambiguous_words:
                continue  # "Say" (Niger) is kept, with the context rule; most stop words are not worth the risk
            if len(key) <= 4 or key in self.ambiguous_words:
                self.ambiguous.add(key)
            place_names.append(name)
        self._add("PLACE", "", place_names)

    def _shadow(self, doc: Doc) -> tuple[Doc | None, list[int]]:
        """A Doc of the folded words (no accents, no case) and the index of each in ``doc``; None when the text
        has no word to fold (a text of only punctuation: spaCy refuses a Doc of empty words)."""
        words, index = [], []
        for tok in doc:
            f = fold(tok.text)
            if f:
                words.append(f)
                index.append(tok.i)
        return (Doc(self.vocab, words=words) if words else None), index

    def _place_ok(self, doc: Doc, span: Span) -> bool:
        if not span.text[:1].isupper() or self._inside_longer_name(doc, span):
            return False
        if fold(span.text) not in self.ambiguous:
            return True
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = [t.lower_ for t in doc[span.end:span.end + 3]]
        if before in self.context_before and span.start > 0 and not doc[span.start - 1].is_sent_start:
            return True
        if before in ("(", ",") and after and after[0] in (",", ")"):
            return True  # "the village of Doreye (Gao, Gao)": the cercle and region of a place
        if after and (after[0] in self.context_after or after[0] == "," and len(after) > 1
                      and after[1] in self.apposition):
            return True
        return False

    def _inside_longer_name(self, doc: Doc, span: Span) -> bool:
        """"Bella" in "the Bella Farandi neighbourhood": part of a longer proper name, not a place of its own."""
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1] if span.start > 0 else None
        if after is not None and after.is_title and after.is_alpha and after.lower_ not in self.context_after:
            return True
        # "Guezouma Sanogo" is a person even at the start of a sentence; "In Djibo", "The Djibo attack" are not
        return (before is not None and before.is_title and before.is_alpha
                and before.lower_ not in self.context_before and before.lower_ not in self.stop_words
                and before.ent_type_ not in ("PLACE", "COUNTRY", "NORP"))

    def __call__(self, doc: Doc) -> Doc:
        shadow, index = self._shadow(doc)
        spans: list[Span] = []
        for match_id, start, end in self.matcher(shadow) if shadow is not None else ():
            label, kb_id = self.kb[self.vocab.strings[match_id]]
            span = Span(doc, index[start], index[end - 1] + 1, label=label, kb_id=kb_id)
            key = fold(span.text)
            if label == "PLACE" and not self._place_ok(doc, span):
                continue
            if label == "ARMED_GROUP" and key in self.acronyms and span.text.replace(" ", "").lower() == key.replace(
                    " ", "") and not any(c.isupper() for c in span.text):
                continue
            if label in ("COUNTRY", "NORP") and (not span.text[:1].isupper() or label == "COUNTRY" and (
                    span.end < len(doc) and doc[span.end].is_title and doc[span.end].is_alpha
                    or span.start > 0 and doc[span.start - 1].lower_ in self.water)):
                continue  # "the Niger River", "Niger State", "Lake Chad" are not the country
            spans.append(span)
        kept = _select(spans)
        existing = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in kept)]
        doc.ents = filter_spans([*kept, *existing])
        return doc


def _select(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans: longest first, then actors before countries before places, then leftmost."""
    priority = {"ARMED_GROUP": 0, "COUNTRY": 1, "NORP": 1, "PLACE": 2}
    taken: set[int] = set()
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), priority[s.label_], s.start)):
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


@Language.factory("sahel_entity_ruler", default_config={"gazetteer": None, "lang": "en"})
def make_entity_ruler(nlp: Language, name: str, gazetteer: str | None, lang: str) -> SahelEntityRuler:
    """``gazetteer``: ``Settings.places.gazetteer`` (a path, ``"embedded"`` or ``None`` for the best installed)."""
    return SahelEntityRuler(nlp, name, load_gazetteer(gazetteer), lang)
