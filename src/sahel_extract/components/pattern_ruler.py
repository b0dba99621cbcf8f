"""The ``sahel_pattern_ruler`` spaCy component: one pattern family run by spaCy's matchers into a span group.

In: a Doc with sentence boundaries. Out: the same Doc with ``doc.spans[spans_key]`` holding every match of the
family's patterns (``models/patterns``, loaded by ``sahel_extract.patterns.load_family``): each span's
``label_`` and ``id_`` are the pattern's. Phrase patterns go through a ``PhraseMatcher`` on ``LOWER`` over the
whole Doc; token patterns through spaCy's ``Matcher``, sentence by sentence, and only in the sentences that hold
the pattern's anchor: the rarest word list among the tokens every match must contain (a pattern of the
"blew himself up" kind runs only where "blew" is written). A pattern without such a token runs everywhere. This
is what keeps a few hundred token patterns cheap: spaCy's ``Matcher`` tries every pattern at every token.

Like spaCy's ``SpanRuler``, which it follows, the patterns go out with ``to_disk`` and come back with
``from_disk``, so a saved pipeline is complete.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from ..patterns import load_family, package_root

_WORD_ATTRS = ("LOWER", "ORTH", "NORM", "TEXT")


def _words_of(token: dict) -> frozenset[str] | None:
    """The lower-cased words a token pattern allows, when it names them (an equality or an ``IN`` list)."""
    for attr in _WORD_ATTRS:
        value = token.get(attr)
        if isinstance(value, str):
            return frozenset({value.lower()})
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and len(value) == 1:
            words = [w for w in value["IN"] if isinstance(w, str)]
            if words and len(words) == len(value["IN"]):
                return frozenset(w.lower() for w in words)
    return None


def anchor(pattern: list[dict], common: frozenset[str] = frozenset()) -> frozenset[str] | None:
    """The rarest word list among the tokens every match of a token pattern contains (mandatory tokens: no
    ``OP``, ``+``, or a count of at least one): one without ``common`` words (the language's stop words) or
    punctuation before one with them, then the shortest. None when no mandatory token names its words."""
    best: tuple[bool, int] | None = None
    found: frozenset[str] | None = None
    for token in pattern:
        op = token.get("OP")
        if not (op in (None, "+") or isinstance(op, str) and op.startswith("{") and not op.startswith("{0")):
            continue
        words = _words_of(token)
        if not words:
            continue
        rank = (any(w in common or not any(c.isalnum() for c in w) for w in words), len(words))
        if best is None or rank < best:
            best, found = rank, words
    return found


class PatternRuler:
    """A pattern family's matchers and the span group they write."""

    def __init__(self, nlp: Language, name: str, spans_key: str, patterns: list[dict]):
        self.name = name
        self.nlp = nlp
        self.spans_key = spans_key
        self.common = frozenset(nlp.Defaults.stop_words)
        self.patterns: list[dict] = []
        self.add_patterns(patterns)

    def add_patterns(self, patterns: list[dict]) -> None:
        self.patterns.extend(patterns)
        self._build()

    def _build(self) -> None:
        vocab = self.nlp.vocab
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.labels: dict[int, tuple[str, str]] = {}
        groups: dict[frozenset[str] | None, list[tuple[str, list[dict]]]] = defaultdict(list)
        phrase_docs: dict[str, list[Doc]] = defaultdict(list)
        for row in self.patterns:
            key = repr((row["label"], row.get("id", "")))
            self.labels[vocab.strings.add(key)] = (row["label"], row.get("id", ""))
            if isinstance(row["pattern"], str):
                phrase_docs[key].append(self.nlp.make_doc(row["pattern"]))
            else:
                groups[anchor(row["pattern"], self.common)].append((key, row["pattern"]))
        for key, docs in phrase_docs.items():
            self.phrases.add(key, docs)
        self.matchers: list[tuple[frozenset[str] | None, Matcher]] = []
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for words, rows in sorted(groups.items(), key=lambda g: sorted(g[0] or ())):
            matcher = Matcher(vocab, validate=True)
            for key, pattern in rows:
                matcher.add(key, [pattern])
            index = len(self.matchers)
            self.matchers.append((words, matcher))
            for word in words or ():
                self.by_word[word].append(index)
        self.everywhere = [i for i, (words, _) in enumerate(self.matchers) if words is None]

    def _span(self, doc: Doc, match_id: int, start: int, end: int) -> Span:
        label, pattern_id = self.labels[match_id]
        return Span(doc, start, end, label=label, span_id=pattern_id)

    def __call__(self, doc: Doc) -> Doc:
        spans = [self._span(doc, m, s, e) for m, s, e in self.phrases(doc)]
        if self.matchers:
            sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
            for sent in sentences:
                wanted = set(self.everywhere)
                for tok in sent:
                    wanted.update(self.by_word.get(tok.lower_, ()))
                for index in sorted(wanted):
                    matcher = self.matchers[index][1]
                    spans.extend(Span(doc, s.start, s.end, label=self.labels[s.label][0],
                                      span_id=self.labels[s.label][1])
                                 for s in matcher(sent, as_spans=True))
        doc.spans[self.spans_key] = sorted(set(spans), key=lambda s: (s.start, s.end, s.label_, s.id_))
        return doc

    # --- serialisation: the patterns travel with the pipeline ------------------------------------------------

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> PatternRuler:
        self.patterns = list(srsly.read_jsonl(Path(path) / "patterns.jsonl"))
        self._build()
        return self

    def to_bytes(self, *, exclude: tuple = ()) -> bytes:
        return json.dumps(self.patterns, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: tuple = ()) -> PatternRuler:
        self.patterns = json.loads(data.decode("utf-8"))
        self._build()
        return self


@Language.factory("sahel_pattern_ruler", default_config={"family": "triggers", "lang": "en", "spans_key": None,
                                                         "extra_dirs": [], "load": True})
def make_pattern_ruler(nlp: Language, name: str, family: str, lang: str, spans_key: str | None,
                       extra_dirs: list[str], load: bool) -> PatternRuler:
    """``family``: a pattern family of ``sahel_extract.patterns.FAMILIES``; ``extra_dirs``:
    ``Settings.patterns.extra_dirs``; ``load``: read the family's files now (a saved pipeline reads its own copy
    in ``from_disk`` instead)."""
    from ..patterns import FAMILIES

    roots = (package_root(), *(Path(d) for d in extra_dirs))
    patterns = load_family(family, lang, roots) if load else []
    return PatternRuler(nlp, name, spans_key or FAMILIES[family], patterns)
