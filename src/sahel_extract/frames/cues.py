"""Text cues inside one sentence: time expressions and attributions ("according to Reuters").

In: a sentence's text. Out: lists of ``Cue`` (text, start, end offsets within the sentence, kind).
Regular expressions only, so they work with any spaCy model or none; the normalise stage turns the
cue texts into dates (``normalise.dates``) and source labels (``normalise.sources``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WD = (r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
       r"dimanche)(?![a-z])")
_MON = (r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|"
        r"mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|"
        r"septembre|octobre|novembre|décembre|decembre)(?![a-zà-ÿ])\.?")
_PART = r"(?:\s+(?:night|morning|evening|afternoon|dawn|midday|noon|soir|matin))?"
_LEAD = r"(?:(?:late|early|in the early hours of|in the early hours|before dawn on|at dawn on|on the night of|" \
        r"during the night of|in the night of|overnight|the night of|in the evening of|on the evening of|" \
        r"on the morning of|on|last|this past|since)\s+)*"
TIME_PATTERNS = [
    re.compile(_LEAD + r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th|er)?\s+(?:of\s+)?" + _MON + r"(?:,?\s+(?:19|20)\d\d)?"
               + r"(?:\s*(?:-|–|to|and|au)\s*\d{1,2}(?:st|nd|rd|th)?(?:\s+" + _MON + r")?)?", re.I),
    re.compile(_LEAD + _WD + r",?\s+" + _MON + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?", re.I),
    re.compile(_LEAD + _MON + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?", re.I),
    re.compile(r"\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b"),
    re.compile(r"\b(?:overnight|during the night|in the night)\s+(?:into|to|of)\s+" + _WD, re.I),
    re.compile(_LEAD + _WD + _PART + r"(?:\s+(?:into|to|and)\s+" + _WD + r")?", re.I),
    re.compile(r"(?:(?:in|during|since|early|late|mid|mid-|by|until|last|since early|since late)\s+)?"
               + _MON + r"(?:\s+(?:19|20)\d\d)?", re.I),
    re.compile(r"\b(?:overnight|last night|yesterday|the day before yesterday|today|this morning|this afternoon|"
               r"this evening|earlier today|last weekend|last week|this week|earlier this week|earlier this month|"
               r"early this month|this month|last month|last year|this year|hier|avant-hier|"
               r"la semaine dernière|le mois dernier)\b", re.I),
    re.compile(r"\b(?:in|during|since|of)\s+(?:19|20)\d\d\b|\ba (?:19|20)\d\d\b", re.I),
]
_ATTRIB_AGENCY = (r"(?:Reuters|AFP|Agence France-Presse|Agence France Presse|the Associated Press|Associated Press|"
                  r"AP|Anadolu|Xinhua|RFI|BBC|VOA|Al Jazeera|Studio Tamani|ACLED|Human Rights Watch|"
                  r"Amnesty International)")
ATTRIBUTION_PATTERNS = [
    re.compile(r"\baccording to ((?:[^,;.()]|\.(?=\w))+?)(?=,|;|\.\s|\.$|\bwho\b|\bwhich\b|\bthat\b|$)", re.I),
    re.compile(r"\b(?:sources?|officials?|residents|witnesses)\s+(?:cited|quoted)\s+by\s+(" + _ATTRIB_AGENCY + r")"),
    re.compile(r"\b(?:told|said to|speaking to|quoted by|cited by)\s+(" + _ATTRIB_AGENCY + r")\b"),
    re.compile(r"(?:,|^|\"|”)\s*((?:an?|the|one|two|several|three)?\s*(?:[\w'’\-]+\s+){0,5}?"
               r"(?:sources?|officials?|residents?|witness(?:es)?|spokesman|spokesperson|army|military|"
               r"ministry|government|police|mayor|governor|villagers?|inhabitants|survivors?|statement|"
               r"communiqué|doctors?|hospital|relatives|leaders?|elected officials?|prefect|staff|forces|"
               r"authorities|junta|FAMa|troops|worker|workers|nurse|medic|chief|He|She|It|They|"
               r"[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*))\s+(?:said|says|told|reported|confirmed|added|stated|"
               r"announced|estimated)\b"),
    re.compile(r"\b(?:said|says|reported|announced|confirmed|added|stated|claimed)\s+((?:an?|the)\s+(?:[\w'’\-]+"
               r"\s+){0,5}?(?:sources?|officials?|residents?|witness(?:es)?|spokesman|army|military|ministry|"
               r"government|statement|mayor|governor|communiqué|police))\b(?!['’]s)"),
    re.compile(r"^((?:The|A|An|Local|Security|Military)\s+(?:[\w'’\-]+\s+){0,5}?(?:sources?|officials?|residents?|"
               r"army|military|ministry|government|police|mayor|governor|statement|communiqué|spokesman|"
               r"staff))\s+(?:said|says|reported|announced|confirmed|stated|put|gave|estimated)\b"),
    re.compile(r"\b(?:in|by) an? (?:army|military|government|official|police) (?:statement|communiqué)|"
               r"\bthe (?:army|military|government|general staff|defence ministry)'s statement"),
]


@dataclass(frozen=True, slots=True)
class Cue:
    text: str
    start: int
    end: int


def find_times(sentence: str) -> list[Cue]:
    """Time expressions in a sentence, longest first where they overlap, in text order."""
    found: list[Cue] = []
    for pattern in TIME_PATTERNS:
        for m in pattern.finditer(sentence):
            text = m.group(0).strip(" ,")
            if not text or text.lower() in ("may", "mar", "dec", "jan", "march", "last", "on"):
                # "may" and "march" alone are too often a verb
                continue
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip(" ,")))
            cue = Cue(text, start, start + len(text))
            if any(c.start <= cue.start and cue.end <= c.end for c in found):
                continue
            found = [c for c in found if not (cue.start <= c.start and c.end <= cue.end)]
            found.append(cue)
    return sorted(found, key=lambda c: c.start)


def find_attributions(sentence: str) -> list[Cue]:
    """Who the sentence's figures come from: the phrase naming the source, in text order."""
    found: list[Cue] = []
    for pattern in ATTRIBUTION_PATTERNS:
        for m in pattern.finditer(sentence):
            group = 1 if m.groups() else 0
            text = m.group(group).strip(" ,\"”“")
            if not text or len(text) > 90:
                continue
            start = m.start(group)
            if any(c.start <= start < c.end or start <= c.start < start + len(text) for c in found):
                continue
            found.append(Cue(text, start, start + len(text)))
    return sorted(found, key=lambda c: c.start)
