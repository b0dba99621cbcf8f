"""The language of an article: the source's own field when it gives one, else detected from the text.

In: an article's text (and title) and, when the source says (news-please's ``language`` field, an HTML page's
``lang``), that language. Out: an ISO 639-1 code among the languages the pipeline has patterns for
(``models/patterns/<lang>/``), by py3langid's shipped model restricted to them; "en" when the text is too short
to tell or in another language (the English path is the fallback).
"""

from __future__ import annotations

from functools import lru_cache

from ..patterns import package_root

#: Fewer letters than this are too few to tell a language by.
MIN_LETTERS = 20


@lru_cache(maxsize=1)
def supported_languages() -> tuple[str, ...]:
    """The languages with a pattern folder of their own (``models/patterns/en``, ``fr`` ...)."""
    root = package_root()
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and len(p.name) == 2 and (p / "words").is_dir()))


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(supported_languages()))
    return identifier


def detect_language(text: str, declared: str | None = None) -> str:
    """The article's language code (see the module docstring)."""
    languages = supported_languages()
    if declared:
        code = declared.strip().lower().replace("_", "-").split("-")[0]
        if code in languages:
            return code
    sample = text[:3000]
    if len(languages) < 2 or sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return "en" if "en" in languages else languages[0]
    return _identifier().classify(sample)[0]
