"""Sources: who a casualty figure is attributed to, as a short canonical label.

In: the attribution phrase found next to a figure ("sources cited by Reuters", "a local official",
"the Malian army", "residents"). Out: a label such as "Reuters", "AFP", "army", "local source",
"security source", "residents", "officials", "government", "hospital", "witnesses", or the phrase
itself (trimmed) when it names someone else.
"""

from __future__ import annotations

import re

AGENCIES = {
    "reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "associated press": "AP", "the associated press": "AP", "ap": "AP", "anadolu": "Anadolu", "xinhua": "Xinhua",
    "bbc": "BBC", "rfi": "RFI", "radio france internationale": "RFI", "al jazeera": "Al Jazeera",
    "voa": "VOA", "voice of america": "VOA", "acled": "ACLED", "human rights watch": "Human Rights Watch",
    "amnesty international": "Amnesty International", "studio tamani": "Studio Tamani", "site intelligence": "SITE",
}
_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(local|community) (security )?sources?\b", re.I), "local source"),
    (re.compile(r"\bsecurity (sources?|officials?)\b|\bmilitary sources?\b", re.I), "security source"),
    (re.compile(r"\b(army|military|armed forces|general staff|état-major|defen[cs]e ministry|ministry of "
                r"defen[cs]e|fama|communiqu[ée]|soldiers)\b", re.I), "army"),
    (re.compile(r"\b(government|minister|ministry|spokesman for the government|junta|authorities|governor|"
                r"prefect|mayor)\b", re.I), "government"),
    (re.compile(r"\b(residents?|villagers?|inhabitants|locals)\b", re.I), "residents"),
    (re.compile(r"\b(witness(es)?)\b", re.I), "witnesses"),
    (re.compile(r"\b(hospital|medical|doctors?|health|nurses?|medics?)\b", re.I), "medical source"),
    (re.compile(r"\b(police)\b", re.I), "police"),
    (re.compile(r"\b(un|united nations|minusma|ocha|unhcr)\b", re.I), "UN"),
    (re.compile(r"\b(officials?|elected|councillors?|leaders?|chiefs?)\b", re.I), "officials"),
    (re.compile(r"\b(sources?)\b", re.I), "local source"),
]


def normalise_source(phrase: str | None) -> str | None:
    """A short canonical label for who a figure is attributed to."""
    if not phrase:
        return None
    text = " ".join(phrase.split()).strip(" ,.;:\"'")
    lowered = text.lower()
    for key, label in AGENCIES.items():
        if re.search(rf"\b{re.escape(key)}\b", lowered) and (key != "ap" or re.search(r"\bAP\b", text)):
            return label
    for pattern, label in _RULES:
        if pattern.search(text):
            return label
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    return text[:80] or None


def normalise_sources(phrase: str | None) -> list[str]:
    """Every source a phrase names: "municipal officials and residents" -> ["officials", "residents"]."""
    if not phrase:
        return []
    parts = re.split(r"\s*(?:,|\band\b|\bas well as\b)\s*", phrase)
    labels = [normalise_source(p) for p in parts if p.strip()]
    if not labels or any(label is None for label in labels):
        labels = [normalise_source(phrase)]
    return [label for label in dict.fromkeys(labels) if label]
