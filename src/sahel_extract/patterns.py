"""Pattern files: what the pipeline knows about language, read from ``models/patterns/``.

In: a language code ("en", "fr"), a pattern family name and the pattern roots (the packaged
``models/patterns`` folder first, then any folders named in ``Settings.patterns.extra_dirs``). Out: the
family's spaCy patterns (``{"label", "pattern", "id"}`` dicts, ready for ``SpanRuler.add_patterns``) and,
for the ``lexicon`` family, a ``Lexicon`` of word classes that the pure normalisers use without spaCy.

Layout of a root (see ``models/patterns/README.md``)::

    shared/*.jsonl          word classes every language shares (months, weekdays, countries, agencies ...)
    <lang>/words/*.jsonl    the language's word classes (victim nouns, outcome words, qualifiers ...): the
                            ``lexicon`` family, by theme
    <lang>/<family>.jsonl   the language's phrase patterns of one family (triggers, tolls, times ...)

Each line is a spaCy pattern: ``pattern`` is a string (a phrase, matched on LOWER) or a list of token
dicts (spaCy's Matcher syntax). In token patterns, a string ``"@CLASS"`` inside an ``IN`` or ``NOT_IN`` list
stands for every single-word entry of that lexicon class, so shared vocabulary (months, victim nouns) is
written once and used by every family. A later root adds to the earlier ones; nothing is replaced.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

#: Pattern families and the span group (``doc.spans[key]``) each one writes.
FAMILIES: dict[str, str] = {
    "lexicon": "sahel_lexicon",   # word classes, one span per word (label = class, id = value)
    "triggers": "sahel_triggers",  # attack words (label = event type, id = strength flags)
    "senses": "sahel_senses",      # attack words used in another sense: they cancel the triggers inside them
    "tolls": "sahel_tolls",        # toll phrases and qualifiers
    "times": "sahel_times",        # time expressions
    "sources": "sahel_sources",    # attribution cues
    "cues": "sahel_cues",          # clause cues: background, aggregate, history, new incident, revision ...
    "places": "sahel_place_cues",  # constructions that make an unknown name a place, and words never places
    "actors": "sahel_actor_cues",  # descriptions of armed actors that are not catalogue names
}


class PatternError(ValueError):
    """A pattern file that cannot be used; the message names the file and line."""


def package_root() -> Path:
    """The ``models/patterns`` folder shipped with the package."""
    return Path(str(resources.files("sahel_extract.models").joinpath("patterns")))


def read_jsonl(path: Path) -> list[dict]:
    """The patterns of one file, checked: every line an object with a string ``label``, a ``pattern`` (string or
    list of token dicts) and a string ``id``."""
    out: list[dict] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("label"), str) or not isinstance(row.get("id", ""), str):
            raise PatternError(f"{path}:{number}: a pattern needs a string 'label' and a string 'id'")
        pattern = row.get("pattern")
        if not (isinstance(pattern, str) and pattern.strip()) and not (
                isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern)):
            raise PatternError(f"{path}:{number}: 'pattern' must be a phrase or a list of token dicts")
        out.append({"label": row["label"], "pattern": pattern, "id": row.get("id", "")})
    return out


def family_files(family: str, lang: str, roots: Iterable[Path]) -> Iterator[Path]:
    """The files of a family, in load order."""
    for root in roots:
        root = Path(root)
        if family == "lexicon":
            yield from sorted((root / "shared").glob("*.jsonl"))
            yield from sorted((root / lang / "words").glob("*.jsonl"))
            continue
        path = root / lang / f"{family}.jsonl"
        if path.is_file():
            yield path


@dataclass(frozen=True)
class Lexicon:
    """Word classes of one language: class -> {word (lower case) -> value}. Multi-word entries are kept as
    phrases (``phrase``); ``words`` gives the single-word ones, for ``@CLASS`` references."""

    lang: str
    tables: dict[str, dict[str, str]]

    def words(self, cls: str) -> frozenset[str]:
        return frozenset(w for w in self.tables.get(cls, {}) if " " not in w)

    def phrases(self, cls: str) -> dict[str, str]:
        return self.tables.get(cls, {})

    def has(self, cls: str, word: str) -> bool:
        return word.lower() in self.tables.get(cls, {})

    def value(self, cls: str, word: str, default: str | None = None) -> str | None:
        return self.tables.get(cls, {}).get(word.lower(), default)

    def classes(self) -> list[str]:
        return sorted(self.tables)


def _lexicon_rows(lang: str, roots: tuple[Path, ...]) -> list[dict]:
    return [row for path in family_files("lexicon", lang, roots) for row in read_jsonl(path)]


@lru_cache(maxsize=16)
def load_lexicon(lang: str, roots: tuple[Path, ...] | None = None) -> Lexicon:
    """The word classes of a language from the lexicon files of every root."""
    tables: dict[str, dict[str, str]] = {}
    for row in _lexicon_rows(lang, roots or (package_root(),)):
        if isinstance(row["pattern"], str):
            tables.setdefault(row["label"], {}).setdefault(" ".join(row["pattern"].lower().split()), row["id"])
    return Lexicon(lang, tables)


def _expand_value(value: object, lexicon: Lexicon, where: str) -> object:
    if isinstance(value, dict):
        return {k: _expand_value(v, lexicon, where) if k not in ("IN", "NOT_IN") else _expand_list(v, lexicon, where)
                for k, v in value.items()}
    return value


def _expand_list(items: object, lexicon: Lexicon, where: str) -> list:
    items = [items] if isinstance(items, str) else items
    if not isinstance(items, list):
        raise PatternError(f"{where}: IN/NOT_IN takes a list")
    out: list = []
    for item in items:
        if isinstance(item, str) and item.startswith("@"):
            cls = item[1:]
            if cls not in lexicon.tables:
                raise PatternError(f"{where}: unknown lexicon class {item!r}")
            out.extend(sorted(lexicon.words(cls)))
        else:
            out.append(item)
    return list(dict.fromkeys(out))


def expand(patterns: list[dict], lexicon: Lexicon, where: str = "patterns") -> list[dict]:
    """Token patterns with every ``"@CLASS"`` reference replaced by the words of that class."""
    out = []
    for row in patterns:
        pattern = row["pattern"]
        if isinstance(pattern, list):
            pattern = [{k: _expand_value(v, lexicon, where) for k, v in token.items()} for token in pattern]
        out.append({**row, "pattern": pattern})
    return out


def load_family(family: str, lang: str, roots: tuple[Path, ...] | None = None) -> list[dict]:
    """The patterns of a family for a language, from every root, with ``@CLASS`` references expanded."""
    if family not in FAMILIES:
        raise PatternError(f"unknown pattern family {family!r}; known: {', '.join(FAMILIES)}")
    roots = roots or (package_root(),)
    lexicon = load_lexicon(lang, roots)
    if family == "lexicon":
        return _lexicon_rows(lang, roots)
    rows = []
    for path in family_files(family, lang, roots):
        rows.extend(expand(read_jsonl(path), lexicon, str(path)))
    return rows
