"""The countries the project covers: canonical names, other names, demonyms, by ISO code.

In: ``models/patterns/shared/countries.jsonl`` (``COUNTRY`` and ``NORP`` lines; the first ``COUNTRY`` line of a
code is its canonical name). Out: ``COUNTRIES`` (code -> {"name", "names", "demonyms"}), ``COUNTRY_NAMES``
(code -> canonical name) and ``country_code(name)`` for a country named as such ("Burkina", "Tchad").
"""

from __future__ import annotations

from ..patterns import package_root, read_jsonl
from ..textnorm import fold


def _read() -> dict[str, dict]:
    countries: dict[str, dict] = {}
    for row in read_jsonl(package_root() / "shared" / "countries.jsonl"):
        if not isinstance(row["pattern"], str):
            continue
        entry = countries.setdefault(row["id"], {"name": None, "names": [], "demonyms": []})
        if row["label"] == "COUNTRY":
            entry["name"] = entry["name"] or row["pattern"]
            entry["names"].append(row["pattern"])
        elif row["label"] == "NORP":
            entry["demonyms"].append(row["pattern"])
    return {code: info for code, info in countries.items() if info["name"]}


COUNTRIES: dict[str, dict] = _read()
COUNTRY_NAMES: dict[str, str] = {code: info["name"] for code, info in COUNTRIES.items()}
_COUNTRY_KEYS: dict[str, str] = {fold(n): code for code, info in COUNTRIES.items() for n in info["names"]}
_DEMONYM_KEYS: dict[str, str] = {fold(d): code for code, info in COUNTRIES.items() for d in info["demonyms"]}


def country_code(name: str) -> str | None:
    """The ISO code of a country named as such ("Mali", "Burkina", "Tchad"), else None."""
    return _COUNTRY_KEYS.get(fold(name))


def demonym_code(word: str) -> str | None:
    """The ISO code of a nationality word ("Malian", "Nigérien"), else None."""
    return _DEMONYM_KEYS.get(fold(word))
